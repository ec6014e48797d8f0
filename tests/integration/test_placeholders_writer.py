"""检查占位符 in Writer: real soffice, the installed extension, ``vnd.gongwen:`` commands.

The core detector (``gongwen.placeholders``) is the judge of what must be marked: the
expected marks are computed by running it on the same text the test put into Writer.
Marks are read back by walking every text portion of every text (body, tables, frames,
headers/footers of all page styles, foot- and endnotes), independently of the command.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

from gongwen import messages, spec
from gongwen import placeholders as core
from tests.samples import COUNTS, OWN, SHUZHI, ZONGJIE, sample_path

STYLE = spec.PLACEHOLDER_CHAR_STYLE
SAMPLES = COUNTS
HEADER_FOOTER_PROPERTIES = ("HeaderText", "HeaderTextLeft", "HeaderTextFirst",
                            "FooterText", "FooterTextLeft", "FooterTextFirst")


# ---- helpers -------------------------------------------------------------------

def one_of(key: str, **values) -> set:
    """The message in either UI language (the rig pins one; the check must not care)."""
    return {messages.text(key, locale, **values) for locale in ("zh-CN", "en-US")}


def copy(path: Path, folder: Path) -> Path:
    target = folder / path.name
    shutil.copyfile(path, target)
    return target


def enumerate_uno(container) -> Iterator[object]:
    elements = container.createEnumeration()
    while elements.hasMoreElements():
        yield elements.nextElement()


def paragraphs(text, where: str = "") -> Iterator[Tuple[str, object]]:
    """(where, paragraph) in order; paragraphs of tables say "table"."""
    for element in enumerate_uno(text):
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield where, element
        elif element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                yield from paragraphs(element.getCellByName(name), "table")


def header_footer_texts(document) -> Iterator[Tuple[str, object]]:
    seen: List[object] = []
    styles = document.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        for prop in HEADER_FOOTER_PROPERTIES:
            switch = "HeaderIsOn" if prop.startswith("Header") else "FooterIsOn"
            if not style.getPropertyValue(switch):
                continue
            text = style.getPropertyValue(prop)
            if text is not None and not any(text == other for other in seen):
                seen.append(text)
                yield prop, text


def all_texts(document) -> Iterator[Tuple[str, object]]:
    yield "body", document.getText()
    frames = document.getTextFrames()
    for name in frames.getElementNames():
        yield "frame", frames.getByName(name)
    yield from header_footer_texts(document)
    for where, notes in (("footnote", document.getFootnotes()),
                         ("endnote", document.getEndnotes())):
        for index in range(notes.getCount()):
            yield where, notes.getByIndex(index)


def marks(document) -> List[Tuple[str, str]]:
    """(where, text) of every marked run; neighbouring marked portions are one run."""
    result = []
    for text_where, text in all_texts(document):
        for where, paragraph in paragraphs(text, text_where):
            run = None
            for portion in enumerate_uno(paragraph):
                marked = (portion.TextPortionType == "Text"
                          and STYLE in (portion.CharStyleNames or ()))
                if marked:
                    run = (run or "") + portion.getString()
                elif run is not None:
                    result.append((where, run))
                    run = None
            if run is not None:
                result.append((where, run))
    return result


def expected_marks(where: str, text: str) -> List[Tuple[str, str]]:
    """What the core flags in ``text`` (one paragraph per line), touching spans merged."""
    result = []
    for line in text.split("\n"):
        previous_end = None
        for span in core.find_placeholders(line):
            if span.start == previous_end:
                result[-1] = (where, result[-1][1] + span.text)
            else:
                result.append((where, span.text))
            previous_end = span.end
    return result


def check(office, document, expected_count: int) -> None:
    result = office.dispatch(document, "vnd.gongwen:CheckPlaceholders")
    assert result.ok, result.message
    if expected_count:
        assert result.message in one_of("placeholder_found", count=expected_count)
    else:
        assert result.message in one_of("placeholder_none")


def selected_text(document) -> str:
    selection = document.getCurrentController().getSelection()
    return selection.getByIndex(0).getString()


def find_text(document, needle: str):
    descriptor = document.createSearchDescriptor()
    descriptor.SearchString = needle
    found = document.findFirst(descriptor)
    assert found is not None, needle
    return found


@pytest.fixture
def sample_doc(office, samples_dir, tmp_path, request):
    """A sample report imported as text (``request.param`` names it)."""
    document = office.load_text(copy(sample_path(request.param), tmp_path))
    yield document
    office.close(document)


# ---- CheckPlaceholders -----------------------------------------------------------

@pytest.mark.parametrize("sample_doc", sorted(SAMPLES), indirect=True)
def test_check_marks_exactly_the_cores_placeholders_in_each_sample(office, sample_doc,
                                                                   samples_dir, request):
    name = request.node.callspec.params["sample_doc"]
    text = office.text(sample_doc)
    expected = expected_marks("body", text)
    assert sum(core.count_placeholders(line) for line in text.split("\n")) == SAMPLES[name]

    check(office, sample_doc, SAMPLES[name])

    assert marks(sample_doc) == expected
    assert office.text(sample_doc) == text  # marking never touches the text


@pytest.mark.parametrize("sample_doc", sorted(SAMPLES), indirect=True)
def test_native_search_finds_every_core_placeholder(office, sample_doc):
    """The core's ICU pattern, run by Writer, matches (a superset of) the core's spans."""
    text = office.text(sample_doc)
    descriptor = sample_doc.createSearchDescriptor()
    descriptor.SearchRegularExpression = True
    descriptor.SearchCaseSensitive = True
    descriptor.SearchString = core.icu_pattern()
    hits = sample_doc.findAll(descriptor)
    native = [hits.getByIndex(i).getString() for i in range(hits.getCount())]
    spans = [span.text for line in text.split("\n") for span in core.find_placeholders(line)]
    assert native == spans


def test_check_reaches_tables_headers_footers_frames_and_notes_of_a_docx(
        office, samples_dir, tmp_path):
    docx = pytest.importorskip("docx")
    lines = (sample_path(SHUZHI)).read_text(
        encoding="utf-8").splitlines()
    in_table = next(i for i, line in enumerate(lines) if i > 1 and core.count_placeholders(line))
    table_line, header_text, footer_text = lines[in_table], "XX县政协办公室 XXXX年", "第X页"
    word = docx.Document()
    for index, line in enumerate(lines):
        if index == in_table:
            word.add_table(rows=1, cols=2).cell(0, 1).text = table_line
        else:
            word.add_paragraph(line)
    word.sections[0].header.paragraphs[0].text = header_text
    header_table_text = "页眉表格XX处"
    word.sections[0].header.add_table(1, 1, docx.shared.Cm(10)).cell(0, 0).text = header_table_text
    word.sections[0].footer.paragraphs[0].text = footer_text
    path = tmp_path / "report.docx"
    word.save(str(path))

    document = office.open(path)
    try:
        footnote_text, endnote_text, frame_text = "据XX统计", "见《X》", "框内XXX名"
        left_header_text = "偶数页XX单位"  # a left-page header is on no page of this file
        body = document.getText()
        for service, content in (("Footnote", footnote_text), ("Endnote", endnote_text)):
            note = document.createInstance("com.sun.star.text." + service)
            body.insertTextContent(body.getStart(), note, False)
            note.getText().setString(content)
        frame = document.createInstance("com.sun.star.text.TextFrame")
        body.insertTextContent(body.getStart(), frame, False)
        frame.getText().setString(frame_text)
        page_style = document.getStyleFamilies().getByName("PageStyles").getByName(
            body.getStart().PageStyleName)
        page_style.HeaderIsShared = False
        page_style.HeaderTextLeft.setString(left_header_text)

        body_text = "\n".join(line for i, line in enumerate(lines) if i != in_table)
        expected = (expected_marks("table", table_line) + expected_marks("body", body_text)
                    + expected_marks("frame", frame_text)
                    + expected_marks("HeaderText", header_text)
                    + expected_marks("table", header_table_text)
                    + expected_marks("HeaderTextLeft", left_header_text)
                    + expected_marks("FooterText", footer_text)
                    + expected_marks("footnote", footnote_text)
                    + expected_marks("endnote", endnote_text))
        assert {where for where, _ in expected} == {
            "body", "table", "frame", "HeaderText", "HeaderTextLeft", "FooterText", "footnote",
            "endnote"}, "every kind of text must hold a placeholder for this test"

        check(office, document, len(expected))

        assert sorted(marks(document)) == sorted(expected)
        check(office, document, len(expected))
        assert sorted(marks(document)) == sorted(expected)

        assert office.dispatch(document, "vnd.gongwen:ClearPlaceholderMarks").ok
        assert marks(document) == []
    finally:
        office.close(document)


def test_utf16_offsets_are_right_after_characters_outside_the_bmp(office, writer_doc):
    """UTF-16 CASE. UNO counts UTF-16 units, Python code points: emoji (and a CJK
    Extension B character) before placeholders, in each of the three ways a span is
    found: body fast path, per-hit judging (footnote), paragraph walk (header)."""
    body = writer_doc.getText()
    body.setString("😀𠀀召开X次会议，😀XX镇")
    page_style = writer_doc.getStyleFamilies().getByName("PageStyles").getByName(
        body.getStart().PageStyleName)
    page_style.HeaderIsOn = True
    page_style.HeaderText.setString("😀页眉𠀀XXX名")   # walked with cursor offsets
    note = writer_doc.createInstance("com.sun.star.text.Footnote")
    body.insertTextContent(body.getEnd(), note, False)
    note.getText().setString("😀注XX人")                # judged per hit

    expected = (expected_marks("body", "😀𠀀召开X次会议，😀XX镇")
                + expected_marks("HeaderText", "😀页眉𠀀XXX名")
                + expected_marks("footnote", "😀注XX人"))
    assert [text for _, text in expected] == ["X", "XX", "XXX", "XX"]
    check(office, writer_doc, 4)
    assert marks(writer_doc) == expected


def test_filled_placeholder_loses_its_mark_on_recheck(office, samples_dir, tmp_path):
    document = office.load_text(copy(sample_path(SHUZHI),
                                      tmp_path))
    try:
        check(office, document, OWN[SHUZHI])
        first = next(portion for _, paragraph in paragraphs(document.getText())
                     for portion in enumerate_uno(paragraph)
                     if STYLE in (portion.CharStyleNames or ()))
        placeholder = first.getString()
        cursor = document.getText().createTextCursorByRange(first)
        cursor.setString("3")                     # a user types over the marked X
        assert STYLE in cursor.CharStyleNames    # ... and the typed text inherits the mark

        check(office, document, OWN[SHUZHI] - 1)

        assert STYLE not in (cursor.CharStyleNames or ())
        assert cursor.getString() == "3" and placeholder != "3"
        assert marks(document) == expected_marks("body", office.text(document))
    finally:
        office.close(document)


@pytest.mark.parametrize("sample_doc", [ZONGJIE],
                         indirect=True)
def test_check_twice_does_not_double_mark(office, sample_doc):
    check(office, sample_doc, OWN[ZONGJIE])
    first = marks(sample_doc)
    check(office, sample_doc, OWN[ZONGJIE])
    assert marks(sample_doc) == first
    styles = sample_doc.getStyleFamilies().getByName("CharacterStyles")
    assert [name for name in styles.getElementNames() if name.startswith(STYLE)] == [STYLE]
    assert styles.getByName(STYLE).CharBackColor == spec.PLACEHOLDER_BACKGROUND_RGB


def test_check_without_placeholders_says_so(office, writer_doc):
    writer_doc.getText().setString("X光检查，SpaceX，3×4，二〇二一年，某些情况。")
    check(office, writer_doc, 0)
    assert marks(writer_doc) == []


# ---- Next / Previous -------------------------------------------------------------

def build_walk_document(document) -> None:
    """召开X次 | table cell XX镇 | XXX名, in this order, plus a footnote 注XXXX人."""
    body = document.getText()
    body.setString("召开X次会议")
    body.insertControlCharacter(body.getEnd(), 0, False)  # PARAGRAPH_BREAK
    table = document.createInstance("com.sun.star.text.TextTable")
    table.initialize(1, 1)
    body.insertTextContent(body.getEnd(), table, False)
    table.getCellByName("A1").setString("涉及XX镇")
    body.insertString(body.getEnd(), "培训XXX名干部", False)
    note = document.createInstance("com.sun.star.text.Footnote")
    body.insertTextContent(body.getEnd(), note, False)
    note.getText().setString("注XXXX人")


def test_next_and_previous_walk_in_document_order_and_wrap(office, writer_doc):
    build_walk_document(writer_doc)
    view_cursor = writer_doc.getCurrentController().getViewCursor()
    view_cursor.gotoStart(False)

    walked = []
    for _ in range(5):
        result = office.dispatch(writer_doc, "vnd.gongwen:NextPlaceholder")
        assert result.ok, result.message
        walked.append(selected_text(writer_doc))
    assert walked == ["X", "XX", "XXX", "XXXX", "X"]  # body, table, body, footnote, wrap

    view_cursor.gotoStart(False)
    walked = []
    for _ in range(3):
        assert office.dispatch(writer_doc, "vnd.gongwen:PreviousPlaceholder").ok
        walked.append(selected_text(writer_doc))
    assert walked == ["XXXX", "XXX", "XX"]  # wraps backwards from the start

    # Next/Previous read the live text: they need no marks, and make none.
    styles = writer_doc.getStyleFamilies().getByName("CharacterStyles")
    assert not styles.hasByName(STYLE)


def test_next_follows_the_live_text(office, writer_doc):
    build_walk_document(writer_doc)
    check(office, writer_doc, 4)
    find_text(writer_doc, "XX镇").setString("三个镇")  # filled since the check
    writer_doc.getCurrentController().getViewCursor().gotoStart(False)
    office.dispatch(writer_doc, "vnd.gongwen:NextPlaceholder")
    office.dispatch(writer_doc, "vnd.gongwen:NextPlaceholder")
    assert selected_text(writer_doc) == "XXX"


def test_next_without_placeholders_says_so(office, writer_doc):
    writer_doc.getText().setString("全部已填写。")
    result = office.dispatch(writer_doc, "vnd.gongwen:NextPlaceholder")
    assert result.ok
    assert result.message in one_of("placeholder_none")


# ---- ClearPlaceholderMarks -------------------------------------------------------

def test_clear_removes_marks_and_keeps_text_and_other_formatting(office, samples_dir,
                                                                 tmp_path):
    document = office.load_text(copy(sample_path(SHUZHI),
                                      tmp_path))
    try:
        text = office.text(document)
        bold = find_text(document, "XX镇党委书记")   # a placeholder inside a bold red run
        bold.CharWeight = 150.0
        bold.CharColor = 0xC00000
        emphasis = find_text(document, "X精神")  # ... and under the user's own style
        emphasis.CharStyleName = "Emphasis"

        check(office, document, OWN[SHUZHI])
        marked_x = document.getText().createTextCursorByRange(emphasis.getStart())
        marked_x.goRight(1, True)
        assert tuple(marked_x.CharStyleNames) == ("Emphasis", STYLE)  # added, not replaced
        assert bold.CharWeight == 150.0

        result = office.dispatch(document, "vnd.gongwen:ClearPlaceholderMarks")
        assert result.ok
        assert result.message in one_of("placeholder_marks_cleared")

        assert marks(document) == []
        assert office.text(document) == text
        assert bold.CharWeight == 150.0
        assert bold.CharColor == 0xC00000
        assert tuple(emphasis.CharStyleNames) == ("Emphasis",)
    finally:
        office.close(document)


# ---- undo, read-only -------------------------------------------------------------

def test_one_undo_removes_the_marks_and_keeps_earlier_history(office, samples_dir,
                                                              tmp_path):
    document = office.load_text(copy(sample_path(SHUZHI),
                                      tmp_path))
    try:
        undo = document.getUndoManager()
        body = document.getText()
        body.insertString(body.getStart(), "前言。", False)  # the user's own earlier edit
        check(office, document, OWN[SHUZHI])
        first = marks(document)
        check(office, document, OWN[SHUZHI])

        undo.undo()                       # the second check
        assert marks(document) == first
        undo.undo()                       # the first check
        assert marks(document) == []
        assert office.text(document).startswith("前言。")
        undo.undo()                       # the user's edit is still there to undo
        assert not office.text(document).startswith("前言。")
    finally:
        office.close(document)


def test_read_only_document_is_refused(office, samples_dir, tmp_path):
    document = office.open(copy(sample_path(SHUZHI), tmp_path),
                           "Text (encoded)", FilterOptions="UTF8,LF,,,", ReadOnly=True)
    try:
        assert document.isReadonly()
        for command in ("CheckPlaceholders", "ClearPlaceholderMarks"):
            result = office.dispatch(document, "vnd.gongwen:" + command)
            assert not result.ok
            assert result.message in one_of("read_only")
        assert marks(document) == []
        assert office.dispatch(document, "vnd.gongwen:NextPlaceholder").ok  # only selects
        assert selected_text(document) == expected_marks("body", office.text(document))[0][1]
    finally:
        office.close(document)


# ---- the forms of issue 13, and underlined blanks in a .docx ----------------------------

NEW_FORMS = (
    "{{标题}}",
    "参赛者：[姓名/队伍名]，奖金[具体金额]元，单位【单位名称】",
    "（插入比赛现场照片）主要成效（待补充），不足（待完善）。【此处插入图表】",
    "县政发〔    〕号",
    "落款：2025年  月  日",
    "签字：______",
    "（一）工作回顾（略）（以下简称“办法”）[1][注]【工作回顾】",  # none of these
)


def build_form_docx(path: Path) -> Path:
    """The new text forms, and fill-in lines made of underlined spaces (direct, by a
    character style, in a table), beside underlining that is no blank."""
    docx = pytest.importorskip("docx")
    word = docx.Document()
    for line in NEW_FORMS:
        word.add_paragraph(line)
    style = word.styles.add_style("填空线", 2)  # a character style
    style.font.underline = True

    def add(container, *runs):
        paragraph = container.add_paragraph() if hasattr(container, "add_paragraph") else container
        for text, underline, *style_name in runs:
            paragraph.add_run(text, style=style_name[0] if style_name else None).font.underline \
                = underline
        return paragraph

    add(word, ("姓名：", None), ("        ", True), ("  电话：", None),
        ("\u3000\u3000\u3000", True))
    add(word, ("单位：", None), ("  张三  ", True))              # filled in: no blank
    add(word, ("负责人：", None), ("    ", None, "填空线"), ("（签字）", None))
    add(word.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0], ("日期：", None),
        ("      ", True), ("（盖章）", None))
    add(word, ("重要", True), (" ", True), ("通知", True))  # underlined words, one space
    word.save(str(path))
    return path


def test_writer_marks_the_new_forms_and_underlined_blanks_as_the_cli_counts(office, tmp_path):
    from gongwen.cli import check as cli_check

    path = build_form_docx(tmp_path / "form.docx")
    cli_findings = cli_check.check_file(path)
    kinds = {finding.kind for finding in cli_findings}
    assert {"template-field", "fill-in", "instruction", "doc-number", "date", "blank-line",
            "underlined-blank"} <= kinds
    underlined = [f.text for f in cli_findings if f.kind == "underlined-blank"]
    assert underlined == ["        ", "\u3000\u3000\u3000", "    ", "      "]

    document = office.open(path)
    try:
        check(office, document, len(cli_findings))
        marked = sorted(text for _, text in marks(document))
        assert marked == sorted(f.text for f in cli_findings)

        # Next walks them in document order, the underlined blanks in their places.
        document.getCurrentController().getViewCursor().gotoStart(False)
        walked = []
        for _ in cli_findings:
            assert office.dispatch(document, "vnd.gongwen:NextPlaceholder").ok
            walked.append(selected_text(document))
        assert walked == [f.text for f in cli_findings]  # the CLI lists in reading order

        assert office.dispatch(document, "vnd.gongwen:ClearPlaceholderMarks").ok
        assert marks(document) == []
    finally:
        office.close(document)


def test_next_from_start_selects_the_first_wherever_the_cursor_is(office, writer_doc):
    """The infobar's 查看第一处 after 检查占位符 (its infobar: test_guard_visible.py)."""
    writer_doc.getText().setString("关于XX的报告\n联系人：XXX")
    controller = writer_doc.getCurrentController()
    controller.select(writer_doc.getText().getEnd())
    assert office.dispatch(writer_doc, "vnd.gongwen:NextPlaceholder?from=start").ok
    assert controller.getSelection().getByIndex(0).getString() == "XX"
    assert office.dispatch(writer_doc, "vnd.gongwen:NextPlaceholder").ok
    assert controller.getSelection().getByIndex(0).getString() == "XXX"
