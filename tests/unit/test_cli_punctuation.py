"""`format --normalize punctuation` and `--track-changes` on .docx: the text a careful editor
writes, only the marks' characters changed, fields untouched, marks in the CJK font; every
规范写法 edit as a Word revision that accepting gives the --normalize text, rejecting the
input's."""

from __future__ import annotations

import copy
import json
import re
import zipfile
from pathlib import Path
from typing import List, Tuple

import docx
import pytest
from lxml import etree

from gongwen import cli, layout, normalize

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# Each paragraph: (text, bold) runs; "FIELD:x" is a complex field whose result shows x.
TYPED: List[List[Tuple[str, bool]]] = [
    [("关于做好2025年防汛工作的通知", False)],
    [("各乡镇人民政府,县直各单位:", False)],
    [("为切实做好防汛工作,", False), ("高度重视", True), (",现将有关事项通知如下.", False)],
    [("一.加强组织领导", False)],
    [("请于９:30前报送\"汛情日报\"...详见", False), ("FIELD:甲,乙", False),
     (",或访问www.example.gov.cn.", False)],
    [("", False)],
    [("事业六部      2025年1月26日", False)],
]
PUNCTUATED = ["关于做好2025年防汛工作的通知",
              "各乡镇人民政府，县直各单位：",
              "为切实做好防汛工作，高度重视，现将有关事项通知如下。",
              "一.加强组织领导",
              "请于9:30前报送“汛情日报”……详见甲,乙，或访问www.example.gov.cn。",
              "",
              "事业六部      2025年1月26日"]
ALL = PUNCTUATED[:3] + ["一、加强组织领导", PUNCTUATED[4], "事业六部", "2025年1月26日"]


def add_field(paragraph, result: str) -> None:
    """A complex field (begin, instruction, separate, result, end) showing ``result``."""
    p = paragraph._p
    for kind, text in (("begin", None), ("instr", " DOCPROPERTY  Subject "), ("separate", None),
                       ("result", result), ("end", None)):
        run = etree.SubElement(p, w("r"))
        if kind == "instr":
            etree.SubElement(run, w("instrText")).text = text
        elif kind == "result":
            etree.SubElement(run, w("t")).text = text
        else:
            etree.SubElement(run, w("fldChar")).set(w("fldCharType"), kind)


def build(path: Path) -> Path:
    document = docx.Document()
    for line in TYPED:
        paragraph = document.add_paragraph()
        for text, bold in line:
            if text.startswith("FIELD:"):
                add_field(paragraph, text[len("FIELD:"):])
            elif text:
                paragraph.add_run(text).bold = bold
    document.save(str(path))
    return path


def body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)


def texts(root: etree._Element) -> List[str]:
    """Each body paragraph's text, deleted text left out (what Word shows accepted)."""
    result = []
    for p in root.findall("w:p", NS):
        parts = []
        for element in p.iter(w("t"), w("tab")):
            if any(a.tag == w("del") for a in element.iterancestors()):
                continue
            parts.append("\t" if element.tag == w("tab") else element.text or "")
        result.append("".join(parts))
    return result


def accept_all(root: etree._Element) -> etree._Element:
    """What Word's 接受所有修订 leaves: insertions kept, deletions gone, a paragraph whose
    mark is deleted joined to the next."""
    root = copy.deepcopy(root)
    for element in list(root.iter(w("del"))):
        if element.getparent().tag == w("rPr"):  # a deleted paragraph mark
            p = element.getparent().getparent().getparent()
            _join_next(p)
        else:
            element.getparent().remove(element)
    for element in list(root.iter(w("ins"))):
        _unwrap_or_drop_mark(element)
    return root


def reject_all(root: etree._Element) -> etree._Element:
    """What 拒绝所有修订 leaves: deletions back as text, insertions gone, a paragraph whose
    mark was inserted joined to the next."""
    root = copy.deepcopy(root)
    for element in list(root.iter(w("ins"))):
        if element.getparent().tag == w("rPr"):
            p = element.getparent().getparent().getparent()
            _join_next(p)
        else:
            element.getparent().remove(element)
    for element in list(root.iter(w("del"))):
        for text in element.iter(w("delText")):
            text.tag = w("t")
        _unwrap_or_drop_mark(element)
    return root


def _join_next(p: etree._Element) -> None:
    following = p.getnext()
    for run in list(following):
        if run.tag != w("pPr"):
            p.append(run)
    ppr = p.find("w:pPr/w:rPr", NS)
    for mark in list(ppr):
        if mark.tag in (w("ins"), w("del")):
            ppr.remove(mark)
    following.getparent().remove(following)


def _unwrap_or_drop_mark(element: etree._Element) -> None:
    parent = element.getparent()
    if parent.tag == w("rPr"):
        parent.remove(element)
        return
    at = parent.index(element)
    for child in list(element):
        parent.insert(at, child)
        at += 1
    parent.remove(element)


def bold(run: etree._Element) -> bool:
    b = run.find("w:rPr/w:b", NS)
    return b is not None and b.get(w("val"), "true") not in ("0", "false", "off")


def run_cli(*args) -> int:
    return cli.main(["format", *map(str, args)])


def test_punctuation_as_a_careful_editor_writes_it(tmp_path: Path, capsys):
    source = build(tmp_path / "in.docx")
    out = tmp_path / "out.docx"
    assert run_cli(source, "-o", out, "--normalize", "punctuation", "--json") == 0
    root = body(out)
    assert texts(root) == PUNCTUATED
    entry = json.loads(capsys.readouterr().out)[0]
    assert entry["normalized"] == {"punctuation": 11}  # not the comma the field shows
    # the bold words keep their look, the marks beside them are in the plain runs
    runs = [("".join(t.text or "" for t in r.iter(w("t"))), bold(r))
            for r in root.findall("w:p", NS)[2].findall("w:r", NS)]
    assert [run for run in runs if run[0]] == [("为切实做好防汛工作，", False), ("高度重视", True),
                                               ("，现将有关事项通知如下。", False)]
    # the curly quotes and the ellipsis are set in the CJK font (w:hint="eastAsia")
    quoted = [r for r in root.findall("w:p", NS)[4].findall("w:r", NS)
              if "“" in "".join(t.text or "" for t in r.iter(w("t")))]
    assert quoted and all(r.find("w:rPr/w:rFonts", NS).get(w("hint")) == "eastAsia"
                          for r in quoted)


def test_a_field_result_is_not_punctuated(tmp_path: Path):
    source = build(tmp_path / "in.docx")
    out = tmp_path / "out.docx"
    assert run_cli(source, "-o", out, "--normalize", "punctuation") == 0
    results = [t.text for t in body(out).iter(w("t")) if t.text == "甲,乙"]
    assert results == ["甲,乙"]


def test_tracked_changes_accept_gives_normalize_reject_gives_the_input(tmp_path: Path):
    source = build(tmp_path / "in.docx")
    plain, tracked = tmp_path / "plain.docx", tmp_path / "tracked.docx"
    assert run_cli(source, "-o", plain, "--normalize", "all") == 0
    assert run_cli(source, "-o", tracked, "--normalize", "all", "--track-changes") == 0
    assert texts(body(plain)) == ALL
    root = body(tracked)
    revisions = list(root.iter(w("ins"), w("del")))
    assert revisions
    assert {r.get(w("author")) for r in revisions} == {normalize.REVISION_AUTHOR}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r.get(w("date")))
               for r in revisions)
    ids = [r.get(w("id")) for r in revisions]
    assert len(set(ids)) == len(ids)
    assert texts(accept_all(root)) == ALL
    assert texts(reject_all(root)) == texts(body(source))
    # what Word shows before deciding: the accepted text, with the removed blank line
    # still there and the 落款 in two paragraphs
    assert [p.find("w:pPr/w:rPr/w:del", NS) is not None
            for p in root.findall("w:p", NS)].count(True) == 1


def test_tracked_edits_keep_each_runs_look(tmp_path: Path):
    source = build(tmp_path / "in.docx")
    tracked = tmp_path / "tracked.docx"
    assert run_cli(source, "-o", tracked, "--normalize", "punctuation", "--track-changes") == 0
    p = body(tracked).findall("w:p", NS)[2]
    inserted = [("".join(t.text or "" for t in ins.iter(w("t"))), bold(ins.find("w:r", NS)))
                for ins in p.iter(w("ins"))]
    deleted = ["".join(t.text or "" for t in d.iter(w("delText"))) for d in p.iter(w("del"))]
    assert inserted == [("，", False), ("，", False), ("。", False)]
    assert deleted == [",", ",", "."]


def test_without_normalize_track_changes_writes_no_revision(tmp_path: Path):
    source = build(tmp_path / "in.docx")
    out = tmp_path / "out.docx"
    assert run_cli(source, "-o", out, "--track-changes") == 0
    root = body(out)
    assert not list(root.iter(w("ins"), w("del")))
    assert texts(root) == texts(body(source))


@pytest.mark.parametrize("kinds", ["dates", "numbering", "spaces", "blank-lines"])
def test_every_kind_is_tracked(tmp_path: Path, kinds: str):
    source = build(tmp_path / "in.docx")
    plain, tracked = tmp_path / "plain.docx", tmp_path / "tracked.docx"
    assert run_cli(source, "-o", plain, "--normalize", kinds) == 0
    assert run_cli(source, "-o", tracked, "--normalize", kinds, "--track-changes") == 0
    root = body(tracked)
    assert texts(accept_all(root)) == texts(body(plain))
    assert texts(reject_all(root)) == texts(body(source))


def test_a_quote_after_latin_text_gets_the_cjk_font_for_writer_too(tmp_path: Path):
    """Word keeps ” in the CJK font by w:hint; Writer ignores the hint and takes the script
    of the letter before: the mark gets a run of its own whose Latin font is the CJK one."""
    document = docx.Document()
    document.add_paragraph("关于X的通知")
    document.add_paragraph('他说"OK",好的.')
    source = tmp_path / "in.docx"
    document.save(str(source))
    out = tmp_path / "out.docx"
    assert run_cli(source, "-o", out, "--normalize", "punctuation") == 0
    runs = body(out).findall("w:p", NS)[1].findall("w:r", NS)
    closing = [r for r in runs if "".join(t.text or "" for t in r.iter(w("t"))) == "”"]
    assert len(closing) == 1
    fonts = closing[0].find("w:rPr/w:rFonts", NS)
    assert fonts.get(w("ascii")) == fonts.get(w("hAnsi")) != "Times New Roman"
    plan = layout.plan_document(["关于X的通知", '他说"OK",好的.'])  # classified as typed
    assert fonts.get(w("ascii")) == plan.styles[plan.paragraphs[1].style].east_asian_font
