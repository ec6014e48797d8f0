"""Automatic numbering in .docx: labels resolved as Word shows them, then typed as text.

The documents (``tests/listdocs.py``) carry ``numbering.xml`` as Word and WPS write it;
their expected labels were worked out by hand from ECMA-376 §17.9. The same files are
opened in real Writer in ``tests/integration/test_numbering_writer.py``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import List

import docx
import pytest
from lxml import etree

from gongwen import cli, listlabel, roles
from gongwen.cli import format as format_command
from gongwen.ooxml import numbering
from gongwen.ooxml.docxtext import paragraph_text
from tests import listdocs

W = listdocs.W


def open_built(name: str, folder: Path):
    return docx.Document(str(listdocs.build(name, folder)))


def body_texts(document) -> List[str]:
    return [paragraph_text(p) for p in numbering.body_paragraphs(document.element.body)]


def shown_labels(document) -> List[str]:
    labels = numbering.list_labels(document)
    return [labels.get(p, "") for p in numbering.body_paragraphs(document.element.body)]


# --- resolving -------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(listdocs.DOCUMENTS))
def test_labels_are_the_ones_word_shows(name: str, tmp_path: Path):
    assert shown_labels(open_built(name, tmp_path)) == listdocs.expected(name)


@pytest.mark.parametrize("num_fmt, numbers, shown", [
    ("chineseCounting", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110], [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一",
        "一百一十"]),
    ("chineseCountingThousand", [1000, 1001, 1010], ["一千", "一千零一", "一千零一十"]),
    ("chineseLegalSimplified", [1, 10, 12, 101], ["壹", "壹拾", "壹拾贰", "壹佰零壹"]),
    ("ideographTraditional", [1, 2, 10, 11], ["甲", "乙", "癸", "甲"]),
    ("ideographZodiac", [1, 12], ["子", "亥"]),
    ("decimalFullWidth", [1, 12], ["１", "１２"]),
    ("decimalEnclosedCircle", [1, 20, 21], ["①", "⑳", "21"]),
    ("decimalEnclosedParen", [1, 3], ["⑴", "⑶"]),
    ("decimalEnclosedFullstop", [2], ["⒉"]),
    ("ideographEnclosedCircle", [1], ["㈠"]),
    ("ideographDigital", [105], ["一〇五"]),
    ("decimalZero", [3, 12], ["03", "12"]),
    ("lowerLetter", [1, 26, 27], ["a", "z", "aa"]),
    ("upperRoman", [4, 14], ["IV", "XIV"]),
    ("none", [3], [""]),
    ("someFutureFormat", [3], ["3"]),
])
def test_number_formats(num_fmt: str, numbers: List[int], shown: List[str]):
    assert [numbering.format_number(n, num_fmt) for n in numbers] == shown


def test_a_style_numbering_switched_off_by_numid_0_shows_nothing(tmp_path: Path):
    document = open_built("heading_styles", tmp_path)
    labels = dict(zip(body_texts(document), shown_labels(document)))
    assert labels["不编号的标题"] == ""
    assert labels["保障措施"] == "三、"  # and the count goes on past it


def test_level_linked_to_a_style_and_numbering_style_link(tmp_path: Path):
    """A list whose abstractNum only links a numbering style (w:numStyleLink) numbers
    through that style's list, as Word's "list styles" write it."""
    styles = (f'<w:styles xmlns:w="{W}"><w:style w:type="numbering" w:styleId="GongwenList">'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    xml = listdocs.numbering_xml(
        [listdocs.abstract(1, listdocs.lvl(0, "chineseCounting", "%1、")),
         listdocs.abstract(2, link="GongwenList")],
        [listdocs.num(1, 1), listdocs.num(2, 2)])
    resolver = numbering.Numbering(etree.fromstring(xml), etree.fromstring(styles))
    p = etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
                         '<w:numId w:val="2"/></w:numPr></w:pPr></w:p>')
    counter = numbering._Counter(resolver)
    assert [counter.label(p).text for _ in range(2)] == ["一、", "二、"]


def test_numbering_that_points_nowhere_shows_nothing():
    """A numId with no w:num, or no numbering.xml at all (a file cut down by hand)."""
    p = etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
                         '<w:numId w:val="7"/></w:numPr></w:pPr></w:p>')
    xml = listdocs.numbering_xml([listdocs.abstract(1, *listdocs.GONGWEN_LEVELS)],
                                 [listdocs.num(1, 1)])
    assert numbering._Counter(numbering.Numbering(None, None)).label(p) is None
    assert numbering._Counter(numbering.Numbering(etree.fromstring(xml), None)).label(p) is None


# --- the typed label -------------------------------------------------------------------

@pytest.mark.parametrize("label, followed_by, text, typed", [
    ("一、", listlabel.FOLLOWED_BY_TAB, "项目名称", "一、"),
    ("1.", listlabel.FOLLOWED_BY_TAB, "后台功能", "1."),
    ("1.", listlabel.FOLLOWED_BY_SPACE, "Introduction", "1. "),
    ("1.", listlabel.FOLLOWED_BY_NOTHING, "Introduction", "1."),
    ("a)", listlabel.FOLLOWED_BY_TAB, "apples", "a) "),
    ("\uf0b7", listlabel.FOLLOWED_BY_TAB, "按时参加", "\u2022"),
    ("\uf0b7", listlabel.FOLLOWED_BY_TAB, "Bring", "\u2022 "),
    ("二、", listlabel.FOLLOWED_BY_TAB, "", "二、"),
    ("", listlabel.FOLLOWED_BY_TAB, "正文", ""),
])
def test_typed_label(label: str, followed_by: str, text: str, typed: str):
    assert listlabel.typed_label(label, followed_by, text) == typed


# --- materializing ---------------------------------------------------------------------

def effective_numbering(path: Path) -> List[str]:
    """numIds still in force on the body's paragraphs (numId 0 is none)."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return [num.get(f"{{{W}}}val") for num in root.iter(f"{{{W}}}numId")
            if num.get(f"{{{W}}}val") != "0"]


@pytest.mark.parametrize("name", sorted(listdocs.DOCUMENTS))
def test_labels_become_text_and_numbering_goes(name: str, tmp_path: Path):
    document = open_built(name, tmp_path)
    before = body_texts(document)
    paras = listdocs.DOCUMENTS[name][0]
    typed = [listlabel.typed_label(para.label, "tab", para.text) for para in paras]

    assert numbering.materialize_labels(document) == sum(1 for t in typed if t)

    assert body_texts(document) == [t + text for t, text in zip(typed, before)]
    out = tmp_path / "out.docx"
    document.save(str(out))
    reopened = docx.Document(str(out))
    assert shown_labels(reopened) == [""] * len(paras)
    assert effective_numbering(out) == []


def test_numbered_headings_classify_as_typed_ones(tmp_path: Path):
    for name, headings in listdocs.HEADINGS.items():
        document = open_built(name, tmp_path)
        plain = body_texts(document)
        numbering.materialize_labels(document)
        found = dict(zip(plain, roles.classify(body_texts(document))))
        assert {text: found[text] for text in headings} == headings, name


def test_the_label_takes_the_first_runs_formatting(tmp_path: Path):
    document = open_built("word_four_levels", tmp_path)
    p = list(numbering.body_paragraphs(document.element.body))[3]  # 项目名称, 一、
    run = docx.text.run.Run(p.findall(f"{{{W}}}r")[0], None)
    run.bold = True
    run.font.name = "黑体"
    numbering.materialize_labels(document)
    label_run, text_run = p.findall(f"{{{W}}}r")[:2]
    assert paragraph_text(p) == "一、项目名称"
    assert label_run.find(f"{{{W}}}t").text == "一、"
    assert etree.tostring(label_run.find(f"{{{W}}}rPr")) == \
        etree.tostring(text_run.find(f"{{{W}}}rPr"))


def test_style_numbering_is_switched_off_with_numid_0(tmp_path: Path):
    document = open_built("heading_styles", tmp_path)
    numbering.materialize_labels(document)
    p = list(numbering.body_paragraphs(document.element.body))[1]
    num_pr = p.find(f"{{{W}}}pPr/{{{W}}}numPr")
    assert [child.get(f"{{{W}}}val") for child in num_pr] == ["0"]
    # w:numPr right after w:pStyle (Word refuses a w:pPr out of schema order)
    assert [etree.QName(c).localname for c in p.find(f"{{{W}}}pPr")][:2] == ["pStyle", "numPr"]


# --- the format command ----------------------------------------------------------------

def test_format_lays_out_numbered_headings_and_keeps_every_label(tmp_path: Path):
    source = listdocs.build("word_four_levels", tmp_path)
    out = tmp_path / "out.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    document = docx.Document(str(out))
    paragraphs = document.paragraphs
    styles = {p.text: p.style.name for p in paragraphs}
    assert styles["一、项目名称"] == styles["二、项目地址"] == "公文一级标题"
    assert styles["（一）建设内容"] == "公文二级标题"
    assert styles["1.前台功能"] == "公文三级标题"
    assert styles["（1）数据库"] == "公文四级标题"
    assert styles["关于XX项目的请示"] == "公文标题"
    assert effective_numbering(out) == []


def test_format_refuses_when_a_label_would_be_lost(tmp_path: Path, monkeypatch):
    """The text-kept guard counts labels: numbering removed without its label typed is
    a changed text."""
    def drop_labels(document) -> int:
        for p, label in numbering.resolve_labels(document).items():
            numbering._remove_numbering(p, label.style_numbered)
        return 0

    monkeypatch.setattr(numbering, "materialize_labels", drop_labels)
    document = open_built("word_four_levels", tmp_path)
    with pytest.raises(format_command.FormatError):
        format_command.format_document(document)
