"""Placeholders in every corner: Next/Previous from anywhere in the document, and
CheckPlaceholders on texts that combine frames in headers, tables in frames and headers,
nested tables, a header of a page style no page uses, several foot- and endnotes), and
each sample as a .docx with placeholders in a table cell, a header and a footnote.

What counts as a placeholder is asked of the core detector; marks are read back by the
independent walker of ``test_placeholders_writer``.
"""

from __future__ import annotations

from typing import List, Tuple

import pytest

from gongwen import placeholders as core
from tests.integration.test_placeholders_writer import (
    check,
    expected_marks,
    marks,
    one_of,
    selected_text,
)
from tests.samples import COUNTS, sample_path

NEXT, PREVIOUS = "vnd.gongwen:NextPlaceholder", "vnd.gongwen:PreviousPlaceholder"
PARAGRAPH_BREAK = 0


def only_span(text: str) -> str:
    """The one placeholder ``text`` holds, by the core (so the test cannot mistype it)."""
    spans = core.find_placeholders(text)
    assert len(spans) == 1, (text, spans)
    return spans[0].text


def page_style(document, name: str = "Standard"):
    return document.getStyleFamilies().getByName("PageStyles").getByName(name)


def add_paragraph(text, content: str) -> None:
    text.insertControlCharacter(text.getEnd(), PARAGRAPH_BREAK, False)
    text.insertString(text.getEnd(), content, False)


def add_note(document, service: str, content: str):
    body = document.getText()
    note = document.createInstance("com.sun.star.text." + service)
    body.insertTextContent(body.getEnd(), note, False)
    note.getText().setString(content)
    return note


# ---- Next / Previous from the middle ------------------------------------------------

# Reading order: body (with its table), then foot- and endnotes, then header and footer.
BODY_1, BODY_FILLED, BODY_3 = "召开X次会议", "本段已经全部填写完毕", "涉及XX镇和XXX名干部"
CELL, BODY_4 = "表内XXXX项", "末尾○○段"
NOTE_1, NOTE_2, ENDNOTE = "注一□□项", "注二某某同志", "尾注【待补】"
HEADER, FOOTER = "页眉XXXXX元", "页脚____"


def build_walk(document) -> dict:
    body = document.getText()
    body.setString(BODY_1)
    add_paragraph(body, BODY_FILLED)
    add_paragraph(body, BODY_3)
    body.insertControlCharacter(body.getEnd(), PARAGRAPH_BREAK, False)
    table = document.createInstance("com.sun.star.text.TextTable")
    table.initialize(1, 1)
    body.insertTextContent(body.getEnd(), table, False)
    table.getCellByName("A1").setString(CELL)
    body.insertString(body.getEnd(), BODY_4, False)
    notes = [add_note(document, "Footnote", NOTE_1), add_note(document, "Footnote", NOTE_2),
             add_note(document, "Endnote", ENDNOTE)]
    style = page_style(document)
    style.HeaderIsOn = True
    style.HeaderText.setString(HEADER)
    style.FooterIsOn = True
    style.FooterText.setString(FOOTER)
    return {"body": body, "cell": table.getCellByName("A1"), "notes": notes,
            "header": style.HeaderText, "footer": style.FooterText}


WALK = ["X", "XX", "XXX", "XXXX", only_span(BODY_4), only_span(NOTE_1), only_span(NOTE_2),
        only_span(ENDNOTE), only_span(HEADER), only_span(FOOTER)]


def put_view_cursor(document, text, offset: int) -> None:
    cursor = text.createTextCursorByRange(text.getStart())
    cursor.goRight(offset, False)
    document.getCurrentController().getViewCursor().gotoRange(cursor, False)


def walk(office, document, command: str, steps: int) -> List[str]:
    seen = []
    for _ in range(steps):
        result = office.dispatch(document, command)
        assert result.ok, result.message
        seen.append(selected_text(document))
    return seen


def test_walk_document_holds_the_placeholders_in_this_order():
    texts = [BODY_1, BODY_FILLED, BODY_3, CELL, BODY_4, NOTE_1, NOTE_2, ENDNOTE, HEADER, FOOTER]
    assert [span.text for text in texts for span in core.find_placeholders(text)] == WALK
    assert len(set(WALK)) == len(WALK)  # each stop is told apart by its text


def test_next_and_previous_from_the_middle_of_the_body_go_round_in_order(office, writer_doc):
    texts = build_walk(writer_doc)
    middle = len(BODY_1) + 1 + 3  # inside the filled second paragraph
    put_view_cursor(writer_doc, texts["body"], middle)

    assert walk(office, writer_doc, NEXT, len(WALK) + 1) == WALK[1:] + WALK[:2]

    put_view_cursor(writer_doc, texts["body"], middle)
    backwards = list(reversed(WALK))
    assert walk(office, writer_doc, PREVIOUS, len(WALK) + 1) == backwards[-1:] + backwards


@pytest.mark.parametrize("where, offset, after, before", [
    ("body", len(BODY_1) + 1 + len(BODY_FILLED) + 1 + len("涉及XX镇和"), "XXX", "XX"),
    ("cell", 0, "XXXX", "XXX"),
    ("cell", len(CELL), only_span(BODY_4), "XXXX"),
    ("note0", 0, only_span(NOTE_1), only_span(BODY_4)),
    ("note0", len(NOTE_1), only_span(NOTE_2), only_span(NOTE_1)),
    ("note1", 0, only_span(NOTE_2), only_span(NOTE_1)),
    ("note2", 0, only_span(ENDNOTE), only_span(NOTE_2)),
    ("header", 0, only_span(HEADER), only_span(ENDNOTE)),
    ("footer", 0, only_span(FOOTER), only_span(HEADER)),
    ("footer", len(FOOTER), "X", only_span(FOOTER)),
])
def test_next_and_previous_from_a_cursor_anywhere(office, writer_doc, where, offset, after,
                                                  before):
    texts = build_walk(writer_doc)
    text = texts["notes"][int(where[-1])].getText() if where.startswith("note") \
        else texts[where]

    put_view_cursor(writer_doc, text, offset)
    assert walk(office, writer_doc, NEXT, 1) == [after]
    put_view_cursor(writer_doc, text, offset)
    assert walk(office, writer_doc, PREVIOUS, 1) == [before]


def test_next_from_a_selected_placeholder_goes_on_and_previous_comes_back(office, writer_doc):
    build_walk(writer_doc)
    writer_doc.getCurrentController().getViewCursor().gotoStart(False)
    forward = walk(office, writer_doc, NEXT, 7)
    back = walk(office, writer_doc, PREVIOUS, 6)
    assert forward == WALK[:7]
    assert back == list(reversed(WALK[:6]))


# ---- CheckPlaceholders on nested and hidden texts -------------------------------------

def add_table(document, text, content: str):
    table = document.createInstance("com.sun.star.text.TextTable")
    table.initialize(1, 1)
    text.insertTextContent(text.getEnd(), table, False)
    cell = table.getCellByName("A1")
    cell.setString(content)
    return cell


def add_frame(document, text, content: str):
    frame = document.createInstance("com.sun.star.text.TextFrame")
    text.insertTextContent(text.getEnd(), frame, False)
    frame.getText().setString(content)
    return frame


def build_nested(document) -> Tuple[List[Tuple[str, str]], List[Tuple[str, str]]]:
    """Placeholders in every kind of nesting: what ``marks`` must read back, and which of
    them are on no page (a header of a page style no page uses, and a frame in it)."""
    expected = []
    body = document.getText()
    body.setString("正文X次")
    expected += expected_marks("body", "正文X次")
    frame = add_frame(document, body, "正文框XX镇")
    expected += expected_marks("frame", "正文框XX镇")
    add_table(document, frame.getText(), "框内表XXX名")
    expected += expected_marks("table", "框内表XXX名")

    standard = page_style(document)
    standard.HeaderIsOn = True
    header = standard.HeaderText
    header.setString("页眉XXXX项")
    expected += expected_marks("HeaderText", "页眉XXXX项")
    add_frame(document, header, "页眉框○○处")
    expected += expected_marks("frame", "页眉框○○处")
    cell = add_table(document, header, "页眉表□□段")
    expected += expected_marks("table", "页眉表□□段")
    add_table(document, cell, "嵌套表某某人")
    expected += expected_marks("table", "嵌套表某某人")

    unused = page_style(document, "Landscape")  # a page style no page of this file uses
    unused.HeaderIsOn = True
    unused.HeaderText.setString("横向页眉XX页")
    add_frame(document, unused.HeaderText, "横向框XXX个")
    on_no_page = expected_marks("HeaderText", "横向页眉XX页") + expected_marks("frame",
                                                                             "横向框XXX个")
    expected += on_no_page

    for service, content in (("Footnote", "脚注一XX条"), ("Footnote", "脚注二X件"),
                             ("Endnote", "尾注XXXX份")):
        add_note(document, service, content)
        expected += expected_marks(service.lower(), content)
    return expected, on_no_page


def test_check_marks_each_nested_placeholder_once_and_clear_takes_all(office, writer_doc):
    expected, _ = build_nested(writer_doc)
    assert len(expected) == 12

    check(office, writer_doc, len(expected))
    assert sorted(marks(writer_doc)) == sorted(expected)
    check(office, writer_doc, len(expected))                  # again: no double marks
    assert sorted(marks(writer_doc)) == sorted(expected)

    result = office.dispatch(writer_doc, "vnd.gongwen:ClearPlaceholderMarks")
    assert result.ok and result.message in one_of("placeholder_marks_cleared")
    assert marks(writer_doc) == []


def test_next_visits_each_nested_placeholder_once_per_round(office, writer_doc):
    """Every placeholder a page shows, each once a round; those on no page cannot be
    selected and are passed over (CheckPlaceholders still marks and counts them)."""
    expected, on_no_page = build_nested(writer_doc)
    shown = [text for _, text in expected]
    for _, text in on_no_page:
        shown.remove(text)
    writer_doc.getCurrentController().getViewCursor().gotoStart(False)

    for command in (NEXT, PREVIOUS):
        stops = []
        for _ in range(len(shown) + 1):
            assert office.dispatch(writer_doc, command).ok
            stops.append(selected_text(writer_doc))
        assert sorted(stops[:-1]) == sorted(shown), command
        assert stops[-1] == stops[0]


def test_next_says_so_when_every_placeholder_is_on_no_page(office, writer_doc):
    writer_doc.getText().setString("全部已填写。")
    unused = page_style(writer_doc, "Landscape")
    unused.HeaderIsOn = True
    unused.HeaderText.setString("横向页眉XX页")
    check(office, writer_doc, 1)

    result = office.dispatch(writer_doc, NEXT)

    assert result.ok
    assert result.message in one_of("placeholder_none_on_pages", count=1)


def test_frames_in_the_body_are_walked_top_to_bottom(office, writer_doc):
    body = writer_doc.getText()
    body.setString("第一段")
    add_paragraph(body, "第二段")
    paragraphs = body.createEnumeration()
    first, second = paragraphs.nextElement(), paragraphs.nextElement()
    for paragraph, content in ((second, "乙框XX个"), (first, "甲框X次")):  # made bottom first
        frame = writer_doc.createInstance("com.sun.star.text.TextFrame")
        body.insertTextContent(paragraph.getEnd(), frame, False)
        frame.getText().setString(content)
    writer_doc.getCurrentController().getViewCursor().gotoStart(False)

    assert walk(office, writer_doc, NEXT, 3) == ["X", "XX", "X"]


# ---- each sample as .docx: table cell, header, footnote ---------------------------------

SAMPLES = COUNTS


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_sample_as_docx_with_table_header_and_footnote(office, samples_dir, tmp_path,
                                                            name):
    lines = sample_path(name).read_text(encoding="utf-8").splitlines()
    in_cell = next(i for i, line in enumerate(lines) if i > 2 and core.count_placeholders(line))
    header_text, footnote_text = "XX县政协办公室", "据XX统计"
    source = tmp_path / "report.txt"
    source.write_text("\n".join(line for i, line in enumerate(lines) if i != in_cell) + "\n",
                      encoding="utf-8")
    document = office.load_text(source)
    try:
        body = document.getText()
        add_table(document, body, lines[in_cell])
        add_note(document, "Footnote", footnote_text)
        style = page_style(document, body.getStart().PageStyleName)
        style.HeaderIsOn = True
        style.HeaderText.setString(header_text)
        docx = office.save_as(document, tmp_path / "report.docx")
    finally:
        office.close(document)

    document = office.open(docx)
    try:
        assert document.getTextTables().getCount() == 1
        assert document.getFootnotes().getCount() == 1
        body_lines = [line for i, line in enumerate(lines) if i != in_cell]
        expected = (expected_marks("body", "\n".join(body_lines))
                    + expected_marks("table", lines[in_cell])
                    + expected_marks("HeaderText", header_text)
                    + expected_marks("footnote", footnote_text))
        assert len(expected) == SAMPLES[name] + 2

        check(office, document, SAMPLES[name] + 2)
        assert sorted(marks(document)) == sorted(expected)

        cell = document.getTextTables().getByIndex(0).getCellByName("A1")
        first = core.find_placeholders(cell.getString())[0]
        cursor = cell.createTextCursor()
        cursor.goRight(first.start, False)
        cursor.goRight(first.end - first.start, True)
        assert cursor.getString() == first.text
        cursor.setString("3")  # the user fills the one in the table
        check(office, document, SAMPLES[name] + 1)
        text = office.text(document)

        assert office.dispatch(document, "vnd.gongwen:ClearPlaceholderMarks").ok
        assert marks(document) == []
        assert office.text(document) == text
        document.getUndoManager().undo()      # the clear
        assert marks(document)
    finally:
        office.close(document)
