"""Automatic numbering in real Writer: the oracle for the .docx resolver, and the labels
typed as text by the Writer button in one undo step.

Writer computes a numbered paragraph's label itself (``ListLabelString``); for every
paragraph of every document in ``tests/listdocs.py`` the CLI's resolver must give the
same label, except where Writer 7.4 is known to show something else than Word (listed,
with what Writer shows; the resolver is held to Word's label there, from ECMA-376).
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

import docx
import pytest

from gongwen import cli, listlabel, spec
from gongwen.ooxml import numbering as docx_numbering
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf
from gongwen.spec import Role
from gongwen.writer import numbering, undo
from rig.office import body_paragraphs
from tests import listdocs

FORMAT = "vnd.gongwen:Format"

# (document, paragraph text) -> the label Writer 7.4 shows where Word shows another
# (Word's is in listdocs). Measured: Writer has no ⑴ format and no full-width digits
# in labels (it imports both as plain decimal), ignores w:isLgl and w:lvlRestart 0.
WRITER_DIFFERS: Dict[Tuple[str, str], str] = {
    ("wps_levels", "每周一次"): "1",
    ("formats", "全角一"): "1．",
    ("formats", "全角二"): "2．",
    ("restarts", "不重新开始"): "1)",
    ("restarts", "法定子编号"): "一.一",
    ("restarts", "法定子编号二"): "一.二",
}


def open_list_doc(office, name: str, folder: Path):
    return office.open(listdocs.build(name, folder))


def all_paragraphs(document) -> List[object]:
    return list(numbering._paragraphs(document))


def writer_labels(document) -> List[str]:
    """The label Writer shows on each body and table paragraph ("" for none)."""
    numbered = list(numbering.numbered_paragraphs(document))
    labels = []
    for paragraph in all_paragraphs(document):
        shown = [item.label for item in numbered if item.paragraph == paragraph]
        labels.append(listlabel.visible_label(shown[0]) if shown else "")
    return labels


def resolver_labels(path: Path) -> List[str]:
    document = docx.Document(str(path))
    labels = docx_numbering.list_labels(document)
    return [labels.get(p, "") for p in docx_numbering.body_paragraphs(document.element.body)]


@pytest.mark.parametrize("name", sorted(listdocs.DOCUMENTS))
def test_resolver_gives_the_labels_writer_shows(office, name: str, tmp_path: Path):
    path = listdocs.build(name, tmp_path)
    document = office.open(path)
    try:
        theirs = writer_labels(document)
    finally:
        office.close(document)
    paras = listdocs.DOCUMENTS[name][0]
    assert len(theirs) == len(paras)
    for para, mine, writer in zip(paras, resolver_labels(path), theirs):
        known = WRITER_DIFFERS.get((name, para.text))
        if known is None:
            assert mine == writer, (name, para.text)
        else:  # Writer's own way, and Word's for the resolver
            assert (writer, mine) == (known, para.label), (name, para.text)


def texts_and_labels(document) -> List[Tuple[str, str]]:
    return list(zip([p.getString() for p in all_paragraphs(document)], writer_labels(document)))


@pytest.mark.parametrize("name", sorted(listdocs.DOCUMENTS))
def test_labels_become_text_in_one_undo_step(office, name: str, tmp_path: Path):
    document = open_list_doc(office, name, tmp_path)
    try:
        before = texts_and_labels(document)
        followed = {item.paragraph.getString(): item.followed_by
                    for item in numbering.numbered_paragraphs(document)}
        with undo.undo_step(document, "labels"):
            typed = numbering.materialize_labels(document)
        assert typed == sum(1 for _, label in before if label)
        assert list(numbering.numbered_paragraphs(document)) == []
        assert [p.getString() for p in all_paragraphs(document)] == [
            listlabel.typed_label(label, followed.get(text, ""), text) + text
            for text, label in before]
        office.uno_dispatch(document, ".uno:Undo")
        assert texts_and_labels(document) == before
    finally:
        office.close(document)


def heading_styles(document) -> Dict[str, str]:
    return {p.getString(): p.getPropertyValue("ParaStyleName") for p in body_paragraphs(document)}


def assert_four_levels_laid_out(document) -> None:
    styles = heading_styles(document)
    assert styles["一、项目名称"] == styles["二、项目地址"] == spec.style_name(Role.HEADING1)
    assert styles["（一）建设内容"] == spec.style_name(Role.HEADING2)
    assert styles["1.前台功能"] == spec.style_name(Role.HEADING3)
    assert styles["（1）数据库"] == spec.style_name(Role.HEADING4)
    assert styles["关于XX项目的请示"] == spec.style_name(Role.TITLE)
    assert list(numbering.numbered_paragraphs(document)) == []


def test_format_button_lays_out_numbered_headings_and_one_undo_restores(office, tmp_path):
    document = open_list_doc(office, "word_four_levels", tmp_path)
    try:
        before = texts_and_labels(document)
        assert office.dispatch(document, FORMAT).ok
        assert_four_levels_laid_out(document)
        office.uno_dispatch(document, ".uno:Undo")
        assert texts_and_labels(document) == before
    finally:
        office.close(document)


def test_format_button_on_headings_numbered_by_their_styles(office, tmp_path):
    document = open_list_doc(office, "heading_styles", tmp_path)
    try:
        assert office.dispatch(document, FORMAT).ok
        styles = heading_styles(document)
        assert styles["一、总体要求"] == styles["三、保障措施"] == spec.style_name(Role.HEADING1)
        assert styles["（一）指导思想"] == spec.style_name(Role.HEADING2)
        assert list(numbering.numbered_paragraphs(document)) == []
    finally:
        office.close(document)


def test_doc_saved_by_writer_keeps_its_numbering_and_formats_alike(office, tmp_path):
    """A Word 97 .doc (as Writer saves one) carries the list in its own tables."""
    document = open_list_doc(office, "word_four_levels", tmp_path)
    doc = office.save_as(document, tmp_path / "four_levels.doc", "MS Word 97")
    office.close(document)
    document = office.open(doc)
    try:
        assert writer_labels(document) == listdocs.expected("word_four_levels")
        assert office.dispatch(document, FORMAT).ok
        assert_four_levels_laid_out(document)
    finally:
        office.close(document)


def test_cli_output_shows_no_list_labels_in_writer(office, tmp_path):
    source = listdocs.build("mixed_list", tmp_path)
    out = tmp_path / "out.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    document = office.open(out)
    try:
        assert list(numbering.numbered_paragraphs(document)) == []
        texts = [p.getString() for p in body_paragraphs(document)]
        assert "3.后台功能" in texts
        assert heading_styles(document)["3.后台功能"] == spec.style_name(Role.HEADING3)
    finally:
        office.close(document)


def test_typed_label_takes_the_formatting_of_the_text_after_it(office, tmp_path):
    path = listdocs.build("word_four_levels", tmp_path)
    source = docx.Document(str(path))
    source.paragraphs[3].runs[0].bold = True  # 项目名称, numbered 一、
    source.save(str(path))
    document = office.open(path)
    try:
        with undo.undo_step(document, "labels"):
            numbering.materialize_labels(document)
        paragraph = all_paragraphs(document)[3]
        cursor = paragraph.getText().createTextCursorByRange(paragraph.getStart())
        cursor.goRight(1, True)
        assert (cursor.getString(), cursor.getPropertyValue("CharWeight")) == ("一", 150.0)
    finally:
        office.close(document)


def test_writers_own_chapter_numbering_becomes_text_too(office, writer_doc):
    """Headings numbered by Writer's chapter numbering (the Outline list of Heading 1)."""
    import uno

    rules = writer_doc.getChapterNumberingRules()
    level = list(rules.getByIndex(0))
    for prop in level:
        if prop.Name == "NumberingType":
            prop.Value = 4  # ARABIC
        elif prop.Name == "Suffix":
            prop.Value = "."
    uno.invoke(rules, "replaceByIndex",
               (0, uno.Any("[]com.sun.star.beans.PropertyValue", tuple(level))))
    text = writer_doc.getText()
    for index, line in enumerate(["前台功能", "正文内容。", "后台功能"]):
        if index:
            text.insertControlCharacter(text.getEnd(), 0, False)  # PARAGRAPH_BREAK
        text.insertString(text.getEnd(), line, False)
    paragraphs = all_paragraphs(writer_doc)
    for paragraph in (paragraphs[0], paragraphs[2]):
        paragraph.setPropertyValue("ParaStyleName", "Heading 1")
    assert writer_labels(writer_doc) == ["1.", "", "2."]
    with undo.undo_step(writer_doc, "labels"):
        assert numbering.materialize_labels(writer_doc) == 2
    assert texts_and_labels(writer_doc) == [("1.前台功能", ""), ("正文内容。", ""),
                                            ("2.后台功能", "")]
    office.uno_dispatch(writer_doc, ".uno:Undo")
    assert texts_and_labels(writer_doc) == [("前台功能", "1."), ("正文内容。", ""),
                                            ("后台功能", "2.")]


def test_numbering_rules_set_directly_go_too(office, writer_doc):
    text = writer_doc.getText()
    text.insertString(text.getEnd(), "Scope", False)
    paragraph = all_paragraphs(writer_doc)[0]
    paragraph.setPropertyValue("NumberingRules",
                               writer_doc.createInstance("com.sun.star.text.NumberingRules"))
    assert writer_labels(writer_doc) == ["1."]
    assert numbering.materialize_labels(writer_doc) == 1
    assert texts_and_labels(writer_doc) == [("1. Scope", "")]


def test_both_paths_set_numbered_headings_like_typed_ones_in_the_pdf(office, tmp_path):
    """Measured on the PDFs: the labels are on the page, every heading starts two
    characters in as a typed one does (no list indent left), and the CLI's file and the
    Writer button's document give the same lines."""
    source = listdocs.build("word_four_levels", tmp_path)
    cli_docx = tmp_path / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(cli_docx)]) == 0
    layouts = []
    for path, press_button in ((cli_docx, False), (source, True)):
        document = office.open(path)
        try:
            if press_button:
                assert office.dispatch(document, FORMAT).ok
            pdf = office.export_pdf(document, tmp_path / f"{path.stem}-{press_button}.pdf")
        finally:
            office.close(document)
        layouts.append(measure_pdf(pdf))
    for layout in layouts:
        assert check_gbt9704(layout) == []
        lines = {line.text: line.x_left_mm for line in layout.pages[0].body_lines}
        body_start = lines["现将有关情况报告如下："]
        for heading in ("一、项目名称", "（一）建设内容", "1.前台功能", "（1）数据库"):
            assert abs(lines[heading] - body_start) < 0.5, heading
    cli_lines, button_lines = ([(line.text, round(line.x_left_mm, 1))
                                for line in layout.pages[0].body_lines] for layout in layouts)
    assert cli_lines == button_lines
