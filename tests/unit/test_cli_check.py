"""``python -m gongwen check`` and the .docx reader behind it, on files built here.

The .docx fixture is made with python-docx (body, a table with a nested table, default /
first-page / even-page headers and footers in two sections) plus lxml for what python-docx
has no API for (footnotes, endnotes, a text box, tracked deletions).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import List, Tuple

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from gongwen import cli
from gongwen.cli import check
from gongwen.ooxml import docxtext
from tests.conftest import ROOT
from tests.samples import OWN, SHUZHI, STEERING, sample_path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PLACEHOLDER_KEYS = {"text", "kind", "location", "paragraph", "start", "end", "context"}


# ---- fixtures -------------------------------------------------------------------------------

def _notes_xml(tag: str, notes: List[str]) -> bytes:
    """A footnotes/endnotes part: Word's two separator notes, then one note per text."""
    root = etree.Element(f"{{{W}}}{tag}s", nsmap={"w": W})
    for number, kind in ((-1, "separator"), (0, "continuationSeparator")):
        note = etree.SubElement(root, f"{{{W}}}{tag}", {f"{{{W}}}type": kind,
                                                        f"{{{W}}}id": str(number)})
        run = etree.SubElement(etree.SubElement(note, f"{{{W}}}p"), f"{{{W}}}r")
        etree.SubElement(run, f"{{{W}}}{kind}")
    for number, text in enumerate(notes, start=1):
        note = etree.SubElement(root, f"{{{W}}}{tag}", {f"{{{W}}}id": str(number)})
        paragraph = etree.SubElement(note, f"{{{W}}}p")
        ref = etree.SubElement(paragraph, f"{{{W}}}r")
        etree.SubElement(ref, f"{{{W}}}{tag}Ref")
        run = etree.SubElement(paragraph, f"{{{W}}}r")
        etree.SubElement(run, f"{{{W}}}t").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_notes(document, tag: str, reltype: str, notes: List[str], anchor) -> None:
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{tag}s+xml"
    part = Part(PackURI(f"/word/{tag}s.xml"), content_type, _notes_xml(tag, notes),
                document.part.package)
    document.part.relate_to(part, reltype)
    for number in range(1, len(notes) + 1):  # the reference marks in the body text
        run = anchor.add_run()._r
        run.append(etree.fromstring(f'<w:{tag}Reference xmlns:w="{W}" w:id="{number}"/>'))


def build_docx(path: Path) -> Path:
    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = True
    first = document.sections[0]
    first.different_first_page_header_footer = True
    first.header.paragraphs[0].text = "XX县政协办公室"
    first.first_page_header.paragraphs[0].text = "首页页眉○○"
    first.even_page_header.paragraphs[0].text = "偶数页【待补】"
    first.footer.paragraphs[0].text = "第X页"
    first.first_page_footer.paragraphs[0].text = "首页页脚"
    first.even_page_footer.paragraphs[0].text = "偶数页页脚××县"

    document.add_paragraph("开展调研X次，形成报告XX篇。")
    note_anchor = document.add_paragraph("正文没有占位符，X光检查正常。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "赴XX镇调研"
    table.cell(0, 1).text = "填表人"
    nested = table.cell(1, 0).add_table(rows=1, cols=1)
    nested.cell(0, 0).text = "某某同志"
    table.cell(1, 1).text = "完成"

    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "20XX年工作总结"
    document.add_paragraph("第二节：组织XXX名委员")
    _add_notes(document, "footnote", RT.FOOTNOTES, ["数据截至20XX年底", "来源：X统计局"],
               note_anchor)
    _add_notes(document, "endnote", RT.ENDNOTES, ["另有XX项"], note_anchor)
    document.save(str(path))
    return path


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "report.docx")


@pytest.fixture
def report_txt(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    text = "一、总体情况\n共开展调研X次，形成XX篇报告。\n\nXXXX年XX月XX日\n"
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(capsys, *argv: str) -> Tuple[int, str, str]:
    status = cli.main(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys, *argv: str) -> Tuple[int, dict, str]:
    status, out, err = run_cli(capsys, "--json", *argv)
    return status, json.loads(out), err


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")


# ---- the .docx reader -----------------------------------------------------------------------

def test_reader_finds_every_story_in_reading_order(report_docx: Path):
    paragraphs = docxtext.read_paragraphs(report_docx)
    got = [(p.location, p.index, p.text) for p in paragraphs if p.text]
    assert got == [
        ("body", 0, "开展调研X次，形成报告XX篇。"),
        ("body", 1, "正文没有占位符，X光检查正常。"),
        ("table", 0, "赴XX镇调研"),
        ("table", 1, "填表人"),
        ("table", 3, "某某同志"),  # nested; index 2 is the cell's own empty paragraph
        ("table", 5, "完成"),  # 4: the empty paragraph Word needs after a nested table
        ("body", 3, "第二节：组织XXX名委员"),
        ("header", 0, "XX县政协办公室"),
        ("header", 1, "首页页眉○○"),
        ("header", 2, "偶数页【待补】"),
        ("footer", 0, "第X页"),
        ("footer", 1, "首页页脚"),
        ("footer", 2, "偶数页页脚××县"),
        ("header", 3, "20XX年工作总结"),
        ("footnote", 0, "数据截至20XX年底"),
        ("footnote", 1, "来源：X统计局"),
        ("endnote", 0, "另有XX项"),
    ]
    # The second section's footers are linked to the first's: read once, not twice.
    assert sum(1 for p in paragraphs if p.location == "footer") == 3
    assert {p.part for p in paragraphs if p.location == "footnote"} == {"/word/footnotes.xml"}


def _docx_with_body_xml(path: Path, body_xml: str) -> Path:
    document = docx.Document()
    body = document.element.body
    for element in etree.fromstring(
            f'<w:body xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/'
            f'markup-compatibility/2006">{body_xml}</w:body>'):
        body.insert(len(body) - 1, element)  # before the final w:sectPr
    document.save(str(path))
    return path


def test_reader_text_box_once_deleted_text_never_tabs_and_breaks(tmp_path: Path):
    box = '<w:txbxContent><w:p><w:r><w:t>文本框XX处</w:t></w:r></w:p></w:txbxContent>'
    path = _docx_with_body_xml(tmp_path / "box.docx", (
        "<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t>段</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
        "<w:r><w:t>已删</w:t></w:r><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>XX</w:delText>"
        "</w:r></w:del><w:r><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:br w:type=\"page\"/>"
        "<w:instrText> PAGE </w:instrText><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>控件X处</w:t></w:r></w:p></w:sdtContent></w:sdt>"))
    got = [(p.location, p.index, p.text) for p in docxtext.read_paragraphs(path)]
    # A page break is \f, the hyphens are the characters Word stores (U+2011, U+00AD).
    assert got == [("body", 0, "锚段"), ("body", 1, "文本框XX处"),
                   ("body", 2, "已删\t甲\n乙\f\u2011\u00ad"), ("body", 3, "控件X处")]


def test_reader_reports_a_broken_file(tmp_path: Path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(docxtext.DocxReadError):
        docxtext.read_paragraphs(broken)
    with pytest.raises(docxtext.DocxReadError, match="no such file"):
        docxtext.read_paragraphs(tmp_path / "missing.docx")


# ---- human output -----------------------------------------------------------------------------

def test_txt_human_lines_and_total(capsys, report_txt: Path):
    status, out, err = run_cli(capsys, str(report_txt))
    assert status == 1 and err == ""
    p = str(report_txt)
    assert out.splitlines() == [
        f"{p}:2:6: X  共开展调研X次，形成XX篇报告。",
        f"{p}:2:11: XX  共开展调研X次，形成XX篇报告。",
        f"{p}:4:1: XXXX年XX月XX日  XXXX年XX月XX日",
        "3 placeholder(s) in 1 file(s)",
    ]


def test_docx_human_lines_name_the_location(capsys, report_docx: Path):
    status, out, _ = run_cli(capsys, str(report_docx))
    p = str(report_docx)
    lines = out.splitlines()
    assert status == 1
    assert lines[0] == f"{p}:body 1:5: X  开展调研X次，形成报告XX篇。"
    assert f"{p}:table 4:1: 某某  某某同志" in lines
    assert f"{p}:header 3:4: 【待补】  偶数页【待补】" in lines
    assert f"{p}:endnote 1:3: XX  另有XX项" in lines
    assert lines[-1] == "14 placeholder(s) in 1 file(s)"


def test_chinese_total_line(capsys, monkeypatch, report_txt: Path, tmp_path: Path):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert run_cli(capsys, str(report_txt))[1].splitlines()[-1] == "共 3 处待填占位符（1 个文件）"
    clean = tmp_path / "clean.txt"
    clean.write_text("已全部填写。\n", encoding="utf-8")
    assert run_cli(capsys, str(clean))[1] == "未发现待填占位符（1 个文件）\n"


# ---- JSON -------------------------------------------------------------------------------------

def test_docx_json_has_every_location_and_exact_offsets(capsys, report_docx: Path):
    status, data, _ = run_json(capsys, str(report_docx))
    assert status == 1
    assert set(data) == {"files", "total"}
    (entry,) = data["files"]
    assert set(entry) == {"path", "encoding", "count", "placeholders"}
    assert entry["path"] == str(report_docx) and entry["count"] == data["total"] == 14
    assert entry["encoding"] is None  # only a .txt has one
    found = [(p["location"], p["paragraph"], p["text"], p["kind"]) for p in entry["placeholders"]]
    assert found == [
        ("body", 0, "X", "x-run"), ("body", 0, "XX", "x-run"),
        ("table", 0, "XX", "x-run"), ("table", 3, "某某", "mouhou"),
        ("body", 3, "XXX", "x-run"),
        ("header", 0, "XX", "x-run"), ("header", 1, "○○", "circle-run"),
        ("header", 2, "【待补】", "instruction"),
        ("footer", 0, "X", "x-run"), ("footer", 2, "××", "cross-run"),
        ("header", 3, "20XX年", "date"),
        ("footnote", 0, "20XX年", "date"), ("footnote", 1, "X", "x-run"),
        ("footnote", 2, "XX", "x-run"),  # the endnote, numbered after the 2 footnotes
    ]
    texts = {(p.location if p.location != "endnote" else "footnote",
              p.index + (2 if p.location == "endnote" else 0)): p.text
             for p in docxtext.read_paragraphs(report_docx)}
    for p in entry["placeholders"]:
        assert set(p) == PLACEHOLDER_KEYS
        paragraph = texts[(p["location"], p["paragraph"])]
        assert paragraph[p["start"]:p["end"]] == p["text"]
        assert p["text"] in p["context"]


def test_txt_json_lines_are_paragraphs(capsys, report_txt: Path):
    status, data, _ = run_json(capsys, str(report_txt))
    assert status == 1 and data["total"] == 3
    first, second, date = data["files"][0]["placeholders"]
    assert first == {"text": "X", "kind": "x-run", "location": "body", "paragraph": 1,
                     "start": 5, "end": 6, "context": "共开展调研X次，形成XX篇报告。"}
    assert (second["paragraph"], second["start"], second["end"]) == (1, 10, 12)
    assert (date["paragraph"], date["kind"], date["start"]) == (3, "date", 0)


def test_txt_with_bom_and_crlf(capsys, tmp_path: Path):
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeff第一行\r\n赴X开展\r\n".encode())
    status, data, _ = run_json(capsys, str(path))
    assert status == 1
    (p,) = data["files"][0]["placeholders"]
    assert (p["paragraph"], p["start"], p["text"]) == (1, 1, "X")


# ---- encodings of .txt ---------------------------------------------------------------------------

NOTEPAD_TEXT = "XX县政协XXXX年工作总结\r\n一是召开会议X次；二是走访XX户；三是XX年完成\r\n"


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", NOTEPAD_TEXT.encode("utf-8")),
    ("utf-8-sig", NOTEPAD_TEXT.encode("utf-8-sig")),
    ("utf-16", NOTEPAD_TEXT.encode("utf-16")),  # Notepad's "Unicode": LE with a BOM
    ("utf-16", b"\xfe\xff" + NOTEPAD_TEXT.encode("utf-16-be")),  # "Unicode big endian"
    ("gb18030", NOTEPAD_TEXT.encode("gbk")),  # Notepad's "ANSI" on a Chinese Windows
    ("gb18030", (NOTEPAD_TEXT + "𠀋XX镇\r\n").encode("gb18030")),  # beyond GBK
])
def test_txt_in_every_encoding_gives_the_same_findings(capsys, tmp_path: Path, encoding: str,
                                                       data: bytes):
    path = tmp_path / "notepad.txt"
    path.write_bytes(data)
    status, result, err = run_json(capsys, str(path))
    assert (status, err) == (1, "")
    (entry,) = result["files"]
    assert entry["encoding"] == encoding
    texts = [(p["paragraph"], p["start"], p["text"], p["kind"]) for p in entry["placeholders"]]
    assert texts[:5] == [(0, 0, "XX", "x-run"), (0, 5, "XXXX年", "date"),
                         (1, 6, "X", "x-run"), (1, 13, "XX", "x-run"), (1, 19, "XX", "x-run")]
    assert texts[5:] == ([(2, 1, "XX", "x-run")] if "𠀋" in data.decode(encoding) else [])


def test_gb18030_file_with_five_blank_years_gives_five(capsys, tmp_path: Path):
    path = tmp_path / "windows.txt"
    lines = ["xx年工作总结", "xx年以来，我局认真落实", "与xx年相比增长", "预计xx年完成", "xx年计划"]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    status, result, _ = run_json(capsys, str(path))
    (entry,) = result["files"]
    assert (status, entry["encoding"], entry["count"]) == (1, "gb18030", 5)
    assert [p["text"] for p in entry["placeholders"]] == ["xx"] * 5
    status, out, _ = run_cli(capsys, str(path))
    assert out.splitlines()[0] == f"{path}:1:1: xx  xx年工作总结"


def test_new_forms_in_a_txt(capsys, tmp_path: Path):
    path = tmp_path / "template.txt"
    path.write_text("\n".join([
        "{{标题}}", "参赛者：[姓名/队伍名]，奖金[具体金额]元", "（插入比赛现场照片）",
        "县政发〔    〕号", "日期：2025年  月  日", "签字：______", "（一）见附件1（略）",
    ]), encoding="utf-8")
    status, result, _ = run_json(capsys, str(path))
    found = [(p["paragraph"], p["text"], p["kind"]) for p in result["files"][0]["placeholders"]]
    assert found == [
        (0, "{{标题}}", "template-field"), (1, "[姓名/队伍名]", "fill-in"),
        (1, "[具体金额]", "fill-in"), (2, "（插入比赛现场照片）", "instruction"),
        (3, "〔    〕", "doc-number"), (4, "2025年  月  日", "date"), (5, "______", "blank-line"),
    ]


# ---- underlined blanks in a .docx --------------------------------------------------------------

def _underlined_docx(path: Path) -> Path:
    """Underlined spaces as forms have them, and underlining that is no blank."""
    document = docx.Document()
    style = document.styles.add_style("填空线", 2)  # WD_STYLE_TYPE.CHARACTER
    style.font.underline = True

    def paragraph(*runs):
        p = document.add_paragraph()
        for text, underline, *rest in runs:
            run = p.add_run(text, style=rest[0] if rest else None)
            run.font.underline = underline
        return p

    paragraph(("姓名：", None), ("      ", True), ("  电话：", None), ("\u3000\u3000\u3000", True))
    paragraph(("单位：", None), ("  张三  ", True))                     # filled in: no blank
    paragraph(("重要", True), (" ", True), ("通知", True))              # one space between words
    paragraph(("负责人：", None), ("\u00a0\u00a0", None, "填空线"))   # by character style
    paragraph(("日期：", None), ("    ", False), ("XX", True))          # not underlined; XX is
    paragraph(("签名：", None), ("   ", True), ("XX", True), ("   ", True))  # one stretch: XX only
    document.save(str(path))
    return path


def test_underlined_spaces_in_a_docx_are_blanks(capsys, tmp_path: Path):
    path = _underlined_docx(tmp_path / "form.docx")
    underlined = [p.underlined for p in docxtext.read_paragraphs(path)]
    assert underlined[:2] == [((3, 9), (14, 17)), ((3, 9),)]
    status, result, _ = run_json(capsys, str(path))
    found = [(p["paragraph"], p["start"], p["end"], p["kind"])
             for p in result["files"][0]["placeholders"]]
    assert found == [(0, 3, 9, "underlined-blank"), (0, 14, 17, "underlined-blank"),
                     (3, 4, 6, "underlined-blank"), (4, 7, 9, "x-run"), (5, 6, 8, "x-run")]


# ---- exit status --------------------------------------------------------------------------------

def test_exit_0_when_nothing_to_fill(capsys, tmp_path: Path):
    path = tmp_path / "clean.txt"
    path.write_text("SpaceX发射；3×4=12；二〇二一年；某些情况。\n", encoding="utf-8")
    status, out, err = run_cli(capsys, str(path))
    assert (status, out, err) == (0, "no placeholders in 1 file(s)\n", "")
    assert run_json(capsys, str(path))[1] == {
        "files": [{"path": str(path), "encoding": "utf-8", "count": 0, "placeholders": []}],
        "total": 0}


def _bad_files(tmp_path: Path) -> List[Tuple[Path, str]]:
    random_bytes = tmp_path / "random.docx"
    random_bytes.write_bytes(bytes(range(256)) * 4)
    truncated = tmp_path / "truncated.docx"
    build_docx(tmp_path / "whole.docx")
    truncated.write_bytes((tmp_path / "whole.docx").read_bytes()[:3000])
    damaged = tmp_path / "damaged.docx"  # stored uncompressed, then one byte changed: bad CRC
    with zipfile.ZipFile(tmp_path / "whole.docx") as source, \
            zipfile.ZipFile(damaged, "w", zipfile.ZIP_STORED) as archive:
        for name in source.namelist():
            archive.writestr(name, source.read(name))
    damaged.write_bytes(damaged.read_bytes().replace(b"<w:body>", b"<w:Body>", 1))
    not_word = tmp_path / "sheet.docx"
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    undecodable = tmp_path / "binary.txt"  # odd length, and 0x81 0x20 is no GB18030 pair
    undecodable.write_bytes("开展".encode("gbk") + b"\x81\x20X")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    renamed_doc = tmp_path / "renamed.docx"
    renamed_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    encrypted = tmp_path / "encrypted.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)
                          + "EncryptedPackage".encode("utf-16-le"))
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(str(fifo))  # reading it would wait forever
    # The reasons are docxtext.open_document's, the same as `format` gives.
    return [
        (random_bytes, "not a .docx file"), (truncated, "corrupt .docx: the file is cut off"),
        (not_word, "not a .docx file: a zip archive"), (empty, "empty file (0 bytes)"),
        (damaged, "corrupt .docx: word/document.xml in it is damaged"),
        (undecodable, "not UTF-8, UTF-16 or GB18030/GBK text (byte 0x81 at offset 4)"),
        (pdf, "unsupported file type .pdf"),
        (legacy, "LibreOffice cannot read this file"), (renamed_doc, "a Word 97-2003 .doc file"),
        (encrypted, "encrypted (password-protected) document"),
        (tmp_path / "missing.txt", "no such file"), (tmp_path, "is a directory"),
        (fifo, "not a regular file"),
    ]


def test_exit_2_with_one_line_reason_for_each_bad_file(capsys, tmp_path: Path):
    for path, reason in _bad_files(tmp_path):
        status, out, err = run_cli(capsys, str(path))
        assert status == 2, path
        assert err.startswith(f"gongwen check: {path}: {reason}"), err
        assert err.count("\n") == 1, err
        assert out == "no placeholders in 0 file(s)\n"


def test_check_and_format_give_the_same_reason(capsys, tmp_path: Path):
    bad_docx = [path for path, _ in _bad_files(tmp_path) if path.suffix == ".docx"]
    assert len(bad_docx) == 7
    for path in bad_docx:
        status, _, check_err = run_cli(capsys, str(path))
        assert status == 2 and check_err.startswith(f"gongwen check: {path}: ")
        assert cli.main(["format", str(path), "--out-dir", str(tmp_path / "out")]) == 2
        format_err = capsys.readouterr().err
        assert format_err == check_err.replace("gongwen check:", "gongwen format:", 1)


def test_exit_2_wins_and_the_other_files_are_still_checked(capsys, tmp_path: Path,
                                                          report_txt: Path, report_docx: Path):
    missing = tmp_path / "missing.docx"
    status, data, err = run_json(capsys, str(report_txt), str(missing), str(report_docx))
    assert status == 2
    assert err == f"gongwen check: {missing}: no such file\n"
    assert [f["count"] for f in data["files"]] == [3, 0, 14]
    assert data["files"][1]["error"] == "no such file"
    assert data["total"] == 17
    status, out, _ = run_cli(capsys, str(missing), str(report_txt))
    assert status == 2 and out.splitlines()[-1] == "3 placeholder(s) in 1 file(s)"


def test_no_file_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check"])
    assert exit_info.value.code == 2


# ---- the samples, and a real process ----------------------------------------------------------

@pytest.mark.parametrize("samples", [OWN, STEERING] if STEERING else [OWN],
                         ids=["own", "steering"][:2 if STEERING else 1])
def test_the_samples_give_their_counts(capsys, samples):
    paths = [str(sample_path(name)) for name in sorted(samples)]
    status, data, _ = run_json(capsys, *paths)
    assert status == 1
    counts = {Path(f["path"]).name: f["count"] for f in data["files"]}
    assert counts == samples and data["total"] == sum(samples.values())


def test_subprocess_through_python_m_gongwen(tmp_path: Path, report_docx: Path):
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        python = Path(sys.executable)
    sample = sample_path(SHUZHI)
    env = dict(os.environ, LC_ALL="en_US.UTF-8", PYTHONPATH=str(ROOT / "pythonpath"))
    done = subprocess.run([str(python), "-m", "gongwen", "check", "--json", str(sample),
                           str(report_docx)], capture_output=True, env=env, cwd=tmp_path,
                          timeout=60)
    assert done.returncode == 1, done.stderr.decode()
    data = json.loads(done.stdout.decode("utf-8"))
    assert [f["count"] for f in data["files"]] == [OWN[SHUZHI], 14]
    assert data["total"] == OWN[SHUZHI] + 14
    done = subprocess.run([str(python), "-m", "gongwen", "check", str(tmp_path / "nope.txt")],
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 2
    assert done.stderr.decode() == f"gongwen check: {tmp_path / 'nope.txt'}: no such file\n"


def test_context_is_one_line_with_ellipses():
    assert check.context("甲\t乙X丙\n丁", 3, 4, width=1) == "…乙X丙…"
    assert check.context("X", 0, 1) == "X"
