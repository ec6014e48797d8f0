"""一键公文格式 in real Writer: ``vnd.gongwen:Format`` dispatched through the installed extension.

Proof by measurement (PDF → ``gongwen.pdf.pdfmeasure``), before and after a .docx round trip, and
the guarantees: the text never changes, one undo step restores the layout and keeps the
user's history, redo re-applies, twice equals once, read-only and empty documents refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from gongwen import messages, spec
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf
from gongwen.spec import Role
from rig.office import body_paragraphs as paragraph_elements

SAMPLES = ["xiangzhen-dangwei-shuji-shuzhi.txt", "xian-jiaoyuju-niandu-zongjie.txt"]
FORMAT = "vnd.gongwen:Format"

PAGE_KEYS = ("Width", "Height", "TopMargin", "BottomMargin", "LeftMargin", "RightMargin",
             "FooterIsOn", "FooterIsShared", "FooterHeight", "GridMode", "GridLines",
             "GridBaseHeight")
PARA_KEYS = ("ParaStyleName", "CharHeight", "CharFontNameAsian", "ParaFirstLineIndent",
             "ParaRightMargin", "ParaAdjust", "ParaTopMargin")
STYLE_KEYS = ("CharFontNameAsian", "CharHeight", "ParaFirstLineIndent", "ParaAdjust",
              "ParaRightMargin", "CharKerning", "SnapToGrid")


# --- helpers ---------------------------------------------------------------------------

def load_sample(office, samples_dir: Path, name: str, folder: Path):
    copy = folder / name
    shutil.copyfile(samples_dir / name, copy)
    return office.load_text(copy)


def load_lines(office, lines: List[str], folder: Path, name: str = "doc.txt"):
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return office.load_text(path)


def all_text(document) -> Dict[str, object]:
    """Every text the user wrote: body, table cells, headers, footnotes and endnotes."""
    tables = document.getTextTables()
    headers = []
    families = document.getStyleFamilies().getByName("PageStyles")
    for name in families.getElementNames():
        style = families.getByName(name)
        if style.isInUse() and style.HeaderIsOn:
            headers.append(style.HeaderText.getString())
    return {
        "body": document.getText().getString(),
        "tables": [[tables.getByIndex(i).getCellByName(c).getString()
                    for c in tables.getByIndex(i).getCellNames()]
                   for i in range(tables.getCount())],
        "headers": headers,
        "footnotes": [document.getFootnotes().getByIndex(i).getString()
                      for i in range(document.getFootnotes().getCount())],
        "endnotes": [document.getEndnotes().getByIndex(i).getString()
                     for i in range(document.getEndnotes().getCount())],
    }


def footer_structure(text) -> Tuple:
    """A footer as (portion type, text or field service) tuples: field values are not
    laid out yet right after a change, so their expansion is no fingerprint."""
    if text is None:
        return ()
    result = []
    paragraphs = text.createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        portions = paragraph.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            kind = portion.TextPortionType
            if kind == "TextField":
                result.append(("field", portion.TextField.getPresentation(True)))
            else:
                result.append((kind, portion.getString()))
        result.append(("paragraph", paragraph.ParaAdjust, paragraph.ParaLeftMargin,
                       paragraph.ParaRightMargin, round(paragraph.CharHeight, 1)))
    return tuple(result)


def fingerprint(document) -> Dict[str, object]:
    """Page styles in use, every body paragraph's look, the 公文 styles."""
    pages = []
    families = document.getStyleFamilies()
    page_styles = families.getByName("PageStyles")
    for name in page_styles.getElementNames():
        style = page_styles.getByName(name)
        if not style.isInUse():
            continue
        footers = ()
        if style.FooterIsOn:
            footers = (footer_structure(style.FooterTextRight),
                       footer_structure(style.FooterTextLeft))
        pages.append((name, tuple(style.getPropertyValue(k) for k in PAGE_KEYS), footers))
    paragraphs = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            paragraphs.append(tuple(_rounded(element.getPropertyValue(k)) for k in PARA_KEYS))
    para_styles = families.getByName("ParagraphStyles")
    styles = tuple((name, tuple(_rounded(para_styles.getByName(name).getPropertyValue(k))
                                for k in STYLE_KEYS))
                   for name in sorted(para_styles.getElementNames()) if name.startswith("公文"))
    return {"pages": tuple(pages), "paragraphs": tuple(paragraphs), "styles": styles}


def _rounded(value):
    return round(value, 2) if isinstance(value, float) else value


def message_variants(key: str, **values) -> set:
    return {messages.text(key, locale, **values) for locale in ("zh-CN", "en-US")}


# --- proof on the samples ----------------------------------------------------------------

@pytest.mark.parametrize("name", SAMPLES)
def test_sample_measures_gbt9704_directly_and_after_docx_round_trip(office, samples_dir: Path,
                                                                    tmp_path: Path, name: str):
    document = load_sample(office, samples_dir, name, tmp_path)
    try:
        text_before = all_text(document)
        result = office.dispatch(document, FORMAT)
        assert result.ok, result.message
        assert all_text(document) == text_before
        layout = measure_pdf(office.export_pdf(document, tmp_path / "direct.pdf"))
        assert len(layout.pages) >= 3
        # Every full page has 22 lines; a page may end early only where pdfmeasure excuses it
        # (a heading opening the next page keeps with its text, the 落款 keeps with the body).
        full = layout.lines_per_full_page()
        assert set(full) == {22} and len(full) >= len(layout.pages) - 2
        counts = layout.full_lines_char_counts()
        assert len(counts) > 40 and counts.count(28) >= 0.9 * len(counts)
        assert check_gbt9704(layout) == []
        numbers = [page.page_number.number for page in layout.pages]
        assert numbers == list(range(1, len(layout.pages) + 1))
        docx = office.save_as(document, tmp_path / "formatted.docx")
    finally:
        office.close(document)
    reopened = office.open(docx)
    try:
        assert reopened.getText().getString() == text_before["body"]
        again = measure_pdf(office.export_pdf(reopened, tmp_path / "round-trip.pdf"))
    finally:
        office.close(reopened)
    assert again.lines_per_page() == layout.lines_per_page()
    assert check_gbt9704(again) == []
    for before, after in zip(layout.pages, again.pages):
        assert abs(before.page_number.top_mm - after.page_number.top_mm) < 1.5
        assert abs(before.page_number.x_left_mm - after.page_number.x_left_mm) < 1.0


def test_roles_get_their_styles_and_the_message_counts_them(office, samples_dir: Path,
                                                             tmp_path: Path):
    lines = ["XX县政协领导班子2021年度述职报告", "各位领导、同志们："]
    lines += (samples_dir / SAMPLES[0]).read_text(encoding="utf-8").splitlines()
    lines += ["特此报告。", "", "XX县政协领导班子", "2021年12月31日"]
    document = load_lines(office, lines, tmp_path)
    try:
        result = office.dispatch(document, FORMAT)
        assert result.ok, result.message
        names = [p.ParaStyleName for p in paragraph_elements(document)]
        texts = [p.getString() for p in paragraph_elements(document)]
        keeps = [p.ParaKeepTogether for p in paragraph_elements(document)]
    finally:
        office.close(document)
    # The 落款 chain stays together, the typed blank line inside it included, and every
    # heading with its text (no 背题); nothing else.
    assert keeps[-4:] == [True, True, True, False]
    style = {role: spec.style_name(role) for role in Role.ALL}
    headings = {style[role] for role in (Role.HEADING1, Role.HEADING2, Role.HEADING3,
                                         Role.HEADING4)}
    assert [name for name, keep in zip(names[:-4], keeps[:-4]) if keep] \
        == [name for name in names[:-4] if name in headings]
    assert any(keeps[:-4])
    assert names[0] == style[Role.TITLE] and names[1] == style[Role.ADDRESSEE]
    assert names[texts.index("特此报告。")] == style[Role.CLOSING]
    assert names[texts.index("XX县政协领导班子")] == style[Role.SIGNATURE]
    assert names[texts.index("2021年12月31日")] == style[Role.DATE]
    headings = [t for t, n in zip(texts, names) if n == style[Role.HEADING1]]
    assert len(headings) == 7 and all(t.startswith(tuple("一二三四五六七")) for t in headings)
    assert sum(n == style[Role.BODY] for n in names) >= 8
    assert result.message.startswith(("已按 GB/T 9704 排版：", "Formatted to GB/T 9704: "))
    assert "一级标题 7" in result.message or "level-1 headings 7" in result.message


# --- the guarantees ------------------------------------------------------------------------

def test_one_undo_restores_the_layout_keeps_history_and_redo_reapplies(office, samples_dir: Path,
                                                                        tmp_path: Path):
    document = load_sample(office, samples_dir, SAMPLES[1], tmp_path)
    try:
        manager = document.getUndoManager()
        text = document.getText()
        text.insertString(text.getEnd(), "用户的修改", False)  # the user's own history
        history = manager.getAllUndoActionTitles()
        assert history
        original = fingerprint(document)
        text_before = all_text(document)
        assert office.dispatch(document, FORMAT).ok
        formatted = fingerprint(document)
        for part in ("pages", "paragraphs", "styles"):
            assert formatted[part] != original[part], part
        assert len(manager.getAllUndoActionTitles()) == len(history) + 1
        office.uno_dispatch(document, ".uno:Undo")
        assert fingerprint(document) == original
        assert manager.getAllUndoActionTitles() == history
        assert all_text(document) == text_before
        office.uno_dispatch(document, ".uno:Redo")
        assert fingerprint(document) == formatted
        office.uno_dispatch(document, ".uno:Undo")
        office.uno_dispatch(document, ".uno:Undo")  # and the user's own edit is still undoable
        assert document.getText().getString() == text_before["body"][:-len("用户的修改")]
    finally:
        office.close(document)


def test_format_twice_equals_once(office, samples_dir: Path, tmp_path: Path):
    document = load_sample(office, samples_dir, SAMPLES[0], tmp_path)
    try:
        assert office.dispatch(document, FORMAT).ok
        once = fingerprint(document)
        assert office.dispatch(document, FORMAT).ok
        assert fingerprint(document) == once
    finally:
        office.close(document)


def test_read_only_document_is_refused_unchanged(office, samples_dir: Path, tmp_path: Path):
    copy = tmp_path / "readonly.odt"
    document = load_sample(office, samples_dir, SAMPLES[0], tmp_path)
    office.save_as(document, copy, "writer8")
    office.close(document)
    document = office.open(copy, ReadOnly=True)
    try:
        before = fingerprint(document)
        result = office.dispatch(document, FORMAT)
        assert not result.ok
        assert result.message in message_variants("read_only")
        assert fingerprint(document) == before
    finally:
        office.close(document)


def test_empty_document_is_refused_with_a_message(office, writer_doc):
    before = fingerprint(writer_doc)
    result = office.dispatch(writer_doc, FORMAT)
    assert not result.ok
    assert result.message in message_variants("format_empty")
    assert fingerprint(writer_doc) == before
    assert not writer_doc.getUndoManager().isUndoPossible()


# --- what survives ----------------------------------------------------------------------------

def test_direct_formatting_that_fights_the_style_goes_emphasis_stays(office, writer_doc):
    text = writer_doc.getText()
    cursor = text.createTextCursor()
    text.insertString(cursor, "一、总体情况", False)
    text.insertControlCharacter(cursor, 0, False)
    text.insertString(cursor, "全年完成了", False)
    start = cursor.getEnd()
    text.insertString(cursor, "重点任务", False)
    text.insertString(cursor, "，成效明显。", False)
    paragraphs = paragraph_elements(writer_doc)
    for paragraph in paragraphs:  # a paste from the web: Arial 12 pt, indented, centred
        paragraph.CharFontName = paragraph.CharFontNameAsian = "Arial"
        paragraph.CharHeight = paragraph.CharHeightAsian = 12.0
        paragraph.ParaLeftMargin = 2000
        paragraph.ParaAdjust = 3
    emphasis = text.createTextCursorByRange(start)
    emphasis.goRight(len("重点任务"), True)
    emphasis.CharWeight = emphasis.CharWeightAsian = 150.0
    emphasis.CharUnderline = 1
    assert office.dispatch(writer_doc, FORMAT).ok
    heading, body = paragraph_elements(writer_doc)
    assert heading.ParaStyleName == spec.style_name(Role.HEADING1)
    assert body.ParaStyleName == spec.style_name(Role.BODY)
    assert heading.CharFontNameAsian.split(";")[0] == spec.HEITI.name
    assert body.CharFontNameAsian.split(";")[0] == spec.FANGSONG.name
    for paragraph in (heading, body):
        assert paragraph.CharHeightAsian == spec.PAGE.body_size_pt
        assert paragraph.ParaLeftMargin == 0 and paragraph.ParaAdjust == 2
    bold = text.createTextCursorByRange(body.getStart())
    bold.goRight(len("全年完成了") + 1, False)
    bold.goRight(2, True)
    assert bold.CharWeightAsian == 150.0 and bold.CharUnderline == 1
    assert bold.CharHeightAsian == spec.PAGE.body_size_pt
    plain = text.createTextCursorByRange(body.getStart())
    plain.goRight(2, True)
    assert plain.CharWeightAsian == 100.0


def test_a_pasted_look_past_the_thousandth_paragraph_goes_too(office, tmp_path: Path):
    """Writer calls any state of a selection of 1 000 paragraphs or more ambiguous; the
    clean-document shortcut asks in slices, and must still find a look far down."""
    lines = ["关于做好防汛工作的通知"] + [f"第{n}段正文，内容从略。" for n in range(1, 1300)]
    source = tmp_path / "long.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = office.load_text(source)
    try:
        paragraphs = paragraph_elements(document)
        assert len(paragraphs) == len(lines)
        # copied off a web page: a link's look over the whole paragraph, without a link
        # (underline or colour over a whole paragraph Writer itself drops with the style)
        pasted = document.getText().createTextCursorByRange(paragraphs[1250])
        pasted.CharStyleName = "Internet Link"
        assert office.dispatch(document, FORMAT).ok
        paragraphs = paragraph_elements(document)
        text = document.getText()
        assert text.createTextCursorByRange(paragraphs[1250]).CharStyleName == ""
        assert paragraphs[1250].getString() == lines[1250]
    finally:
        office.close(document)


def test_tables_footnotes_bookmarks_comments_and_tracked_changes_survive(office, writer_doc):
    document = writer_doc
    text = document.getText()
    cursor = text.createTextCursor()
    text.insertString(cursor, "一、基本情况", False)
    text.insertControlCharacter(cursor, 0, False)
    text.insertString(cursor, "全年共召开会议十二次。", False)
    footnote = document.createInstance("com.sun.star.text.Footnote")
    text.insertTextContent(cursor, footnote, False)
    footnote.setString("据办公室统计。")
    bookmark = document.createInstance("com.sun.star.text.Bookmark")
    bookmark.setName("会议")
    text.insertTextContent(cursor, bookmark, False)
    comment = document.createInstance("com.sun.star.text.textfield.Annotation")
    comment.Content = "请核对次数"
    text.insertTextContent(cursor, comment, False)
    text.insertControlCharacter(cursor, 0, False)
    table = document.createInstance("com.sun.star.text.TextTable")
    table.initialize(2, 2)
    text.insertTextContent(cursor, table, False)
    for cell, value in zip(("A1", "B1", "A2", "B2"), ("项目", "次数", "常委会", "4")):
        table.getCellByName(cell).setString(value)
    table.getCellByName("A2").createEnumeration().nextElement().CharFontNameAsian = "Arial"
    table.HoriOrient = 0  # NONE: a narrow table placed by hand
    table.Width = 8000
    document.RecordChanges = True
    text.insertString(text.getEnd(), "补充内容。", False)
    document.RecordChanges = False
    before = all_text(document)
    redlines = document.getRedlines().createEnumeration().hasMoreElements()
    assert redlines
    assert office.dispatch(document, FORMAT).ok
    assert all_text(document) == before
    assert document.getFootnotes().getCount() == 1
    assert document.getBookmarks().hasByName("会议")
    fields = document.getTextFields().createEnumeration()
    comments = []
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation"):
            comments.append(field.Content)
    assert comments == ["请核对次数"]
    assert document.getRedlines().createEnumeration().hasMoreElements()
    table = document.getTextTables().getByIndex(0)
    assert table.HoriOrient == 2  # FULL: the type area's width
    cell = table.getCellByName("A2").createEnumeration().nextElement()
    assert cell.ParaStyleName == spec.TABLE_TEXT.name
    assert cell.CharFontNameAsian.split(";")[0] == spec.FANGSONG.name


def test_every_page_style_the_body_uses_gets_the_page(office, writer_doc):
    document = writer_doc
    text = document.getText()
    text.setString("第一部分正文。")
    text.insertControlCharacter(text.getEnd(), 0, False)
    text.insertString(text.getEnd(), "第二部分正文。", False)
    second = paragraph_elements(document)[1]
    second.PageDescName = "Landscape"
    assert office.dispatch(document, FORMAT).ok
    page_styles = document.getStyleFamilies().getByName("PageStyles")
    for name in ("Standard", "Landscape"):
        style = page_styles.getByName(name)
        assert (style.Width, style.Height) in ((21000, 29700), (21001, 29700), (21000, 29701))
        assert style.GridLines == spec.PAGE.lines and style.FooterIsOn
        assert abs(style.TopMargin - 3700) <= 2 and abs(style.LeftMargin - 2800) <= 2
    assert paragraph_elements(document)[1].PageDescName == "Landscape"  # sections kept


def test_dates_change_only_when_asked(office, tmp_path: Path):
    lines = ["2021年度工作总结", "今年完成了各项工作任务。", "XX县XX局", "二〇二一年十二月三十一日"]
    document = load_lines(office, lines, tmp_path)
    try:
        assert office.dispatch(document, FORMAT).ok
        assert paragraph_elements(document)[-1].getString() == "二〇二一年十二月三十一日"
        result = office.dispatch(document, FORMAT + "?normalize=dates")
        assert result.ok
        last = paragraph_elements(document)[-1]
        assert last.getString() == "2021年12月31日"
        assert last.ParaStyleName == spec.style_name(Role.DATE)
    finally:
        office.close(document)


# --- 规范写法: normalize=dates,numbering,spaces | all --------------------------------------

MESSY = ["  XX县2025年度工作总结", "各位领导：", "  一年来，我认真履职。", "一.加强政治理论学习",
         "(一)坚持集中学习", "1、读原著学原文。坚持每周学习。", "(1)每周一次集体学习。",
         "1、2月份完成X项任务。", "\u3000\u3000全年共召开会议十二次。", "\t二、履职尽责情况",
         "一是抓协商，二是抓监督。", "", "特此报告。", "", "述职人：张三", "  2025.12.31"]
# What each option must change (index -> new text); every other paragraph stays as typed.
NORMALIZED = {
    "dates": {15: "  2025年12月31日"},
    "numbering": {3: "一、加强政治理论学习", 4: "（一）坚持集中学习",
                  5: "1.读原著学原文。坚持每周学习。", 6: "（1）每周一次集体学习。"},
    "spaces": {0: "XX县2025年度工作总结", 2: "一年来，我认真履职。", 8: "全年共召开会议十二次。",
               9: "二、履职尽责情况", 15: "2025.12.31"},
}
NORMALIZED["all"] = {**NORMALIZED["dates"], **NORMALIZED["numbering"], **NORMALIZED["spaces"],
                     15: "2025年12月31日"}
BLANK_LINES = {11, 13}  # what blank-lines (in all) removes: the styles give the space


def _after(option: str) -> List[str]:
    removed = BLANK_LINES if option == "all" else set()
    return [NORMALIZED[option].get(i, text) for i, text in enumerate(MESSY) if i not in removed]
COUNT_KEYS = {"dates": "normalized_dates", "numbering": "normalized_numbering",
              "spaces": "normalized_spaces"}


def paragraph_texts(document) -> List[str]:
    return [p.getString() for p in paragraph_elements(document)]


def test_default_format_changes_no_text_of_a_messy_document(office, tmp_path: Path):
    document = load_lines(office, MESSY, tmp_path)
    try:
        assert paragraph_texts(document) == MESSY
        result = office.dispatch(document, FORMAT)
        assert result.ok, result.message
        assert paragraph_texts(document) == MESSY
        assert not any(v in result.message for v in message_variants("format_normalized",
                                                                       counts=""))
    finally:
        office.close(document)


@pytest.mark.parametrize("option", ["dates", "numbering", "spaces", "all"])
def test_each_normalization_changes_exactly_its_paragraphs(office, tmp_path: Path, option: str):
    document = load_lines(office, MESSY, tmp_path)
    try:
        result = office.dispatch(document, f"{FORMAT}?normalize={option}")
        assert result.ok, result.message
        assert paragraph_texts(document) == _after(option)
        names = [p.ParaStyleName for p in paragraph_elements(document)]
    finally:
        office.close(document)
    # Paragraph 5 opens with a heading sentence and goes on: a run-in heading keeps the body
    # style (issue 11); its number is still normalised like a heading's.
    assert names[3:7] == [spec.style_name(role) for role in
                          (Role.HEADING1, Role.HEADING2, Role.BODY, Role.HEADING4)]
    assert names[-1] == spec.style_name(Role.DATE)
    if option == "all":
        assert names[-2] == spec.style_name(Role.SIGNATURE)
        counts = message_variants("normalized_blank-lines", count=len(BLANK_LINES))
        assert any(variant in result.message for variant in counts), result.message
    kinds = ["dates", "numbering", "spaces"] if option == "all" else [option]
    for kind in kinds:  # the message counts each kind: 1 date, 4 numbers, 5 paragraphs
        counts = message_variants(COUNT_KEYS[kind], count=len(NORMALIZED[kind]))
        assert any(variant in result.message for variant in counts), (kind, result.message)


def test_normalize_list_and_the_older_dates_spelling_combine(office, tmp_path: Path):
    document = load_lines(office, MESSY, tmp_path)
    try:
        result = office.dispatch(document, FORMAT + "?normalize=numbering,spaces,dates")
        assert result.ok, result.message
        assert paragraph_texts(document) == [NORMALIZED["all"].get(i, text)
                                             for i, text in enumerate(MESSY)]
    finally:
        office.close(document)


def test_an_unknown_normalization_is_refused_unchanged(office, tmp_path: Path):
    document = load_lines(office, MESSY, tmp_path)
    try:
        before = fingerprint(document)
        result = office.dispatch(document, FORMAT + "?normalize=numbers")
        assert not result.ok
        assert "numbers" in result.message and "numbering" in result.message
        assert paragraph_texts(document) == MESSY and fingerprint(document) == before
        assert not document.getUndoManager().isUndoPossible()
    finally:
        office.close(document)


def test_one_undo_restores_the_normalized_text_and_layout(office, tmp_path: Path):
    document = load_lines(office, MESSY, tmp_path)
    try:
        manager = document.getUndoManager()
        history = manager.getAllUndoActionTitles()
        original = fingerprint(document)
        assert office.dispatch(document, FORMAT + "?normalize=all").ok
        normalized = paragraph_texts(document)
        assert normalized != MESSY
        assert len(manager.getAllUndoActionTitles()) == len(history) + 1
        office.uno_dispatch(document, ".uno:Undo")
        assert paragraph_texts(document) == MESSY
        assert fingerprint(document) == original
        office.uno_dispatch(document, ".uno:Redo")
        assert paragraph_texts(document) == normalized
        assert office.dispatch(document, FORMAT + "?normalize=all").ok  # twice equals once
        assert paragraph_texts(document) == normalized
    finally:
        office.close(document)


def test_the_menu_entry_formats_and_normalizes(office, tmp_path: Path):
    """The URL the installed menu holds for 一键公文格式（规范日期、编号、段首空格）,
    dispatched as a click on it would."""
    items = office.config("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/"
                        "org.gongwen.writer.menu/Submenu")
    urls = [items.getByName(name).getByName("URL") for name in items.getElementNames()]
    [url] = [url for url in urls if url.startswith(FORMAT + "?")]
    assert url == FORMAT + "?normalize=all"
    document = load_lines(office, MESSY, tmp_path)
    try:
        result = office.dispatch(document, url)
        assert result.ok, result.message
        assert paragraph_texts(document) == _after("all")
        assert paragraph_elements(document)[3].ParaStyleName == spec.style_name(Role.HEADING1)
    finally:
        office.close(document)


def _emphasised_heading(document, prefix: str, words: Tuple[str, str, str]):
    """A heading ``prefix + words[0] + words[1] + words[2]`` with words[1] bold, a body line."""
    text = document.getText()
    cursor = text.createTextCursor()
    text.insertString(cursor, "工作总结", False)
    text.insertControlCharacter(cursor, 0, False)
    text.insertString(cursor, prefix + words[0], False)
    start = cursor.getEnd()
    text.insertString(cursor, words[1], False)
    bold = text.createTextCursorByRange(start)
    bold.goRight(len(words[1]), True)
    bold.CharWeight = bold.CharWeightAsian = 150.0
    cursor.gotoEnd(False)
    cursor.CharWeight = cursor.CharWeightAsian = 100.0
    text.insertString(cursor, words[2], False)
    text.insertControlCharacter(text.getEnd(), 0, False)
    text.insertString(text.getEnd(), "全年完成X项任务。", False)


def _weights(paragraph) -> List[Tuple[str, float]]:
    """(text, CharWeightAsian) of each portion of a paragraph."""
    result = []
    portions = paragraph.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        if portion.getString():
            result.append((portion.getString(), portion.CharWeightAsian))
    return result


def test_a_bold_word_in_a_heading_whose_number_changed_stays_bold(office, writer_doc):
    _emphasised_heading(writer_doc, "\u3000\u3000(一) ", ("坚持", "集中", "学习"))
    assert _weights(paragraph_elements(writer_doc)[1]) == \
        [("\u3000\u3000(一) 坚持", 100.0), ("集中", 150.0), ("学习", 100.0)]
    result = office.dispatch(writer_doc, FORMAT + "?normalize=all")
    assert result.ok, result.message
    heading = paragraph_elements(writer_doc)[1]
    assert heading.ParaStyleName == spec.style_name(Role.HEADING2)
    assert _weights(heading) == [("（一）坚持", 100.0), ("集中", 150.0), ("学习", 100.0)]


def test_a_bold_number_stays_bold_when_it_is_normalized(office, writer_doc):
    text = writer_doc.getText()
    text.setString("工作总结")
    text.insertControlCharacter(text.getEnd(), 0, False)
    start = text.getEnd()
    text.insertString(start, "1、", False)
    text.insertString(text.getEnd(), "读原著。", False)
    heading = paragraph_elements(writer_doc)[1]
    number = text.createTextCursorByRange(heading.getStart())
    number.goRight(2, True)
    number.CharWeight = number.CharWeightAsian = 150.0
    assert office.dispatch(writer_doc, FORMAT + "?normalize=numbering").ok
    assert _weights(paragraph_elements(writer_doc)[1]) == [("1.", 150.0), ("读原著。", 100.0)]


def test_normalization_with_a_table_and_a_footnote_in_a_heading(office, writer_doc):
    """The enumerated path (tables, notes): an edit lands before a footnote; its label and the
    table stay; an edit whose range holds a footnote anchor is skipped, not forced."""
    document = writer_doc
    text = document.getText()
    cursor = text.createTextCursor()
    text.insertString(cursor, "工作总结", False)
    text.insertControlCharacter(cursor, 0, False)
    text.insertString(cursor, "  (一)坚持学习", False)
    footnote = document.createInstance("com.sun.star.text.Footnote")
    text.insertTextContent(cursor, footnote, False)
    footnote.setString("全年十二次。")
    text.insertControlCharacter(cursor, 0, False)
    table = document.createInstance("com.sun.star.text.TextTable")
    table.initialize(1, 2)
    text.insertTextContent(cursor, table, False)
    table.getCellByName("A1").setString("  (一)表内")
    text.insertString(text.getEnd(), "  二〇二五年十二月三十一日", False)
    result = office.dispatch(document, FORMAT + "?normalize=all")
    assert result.ok, result.message
    paragraphs = paragraph_elements(document)
    assert paragraphs[1].ParaStyleName == spec.style_name(Role.HEADING2)
    assert paragraphs[1].getString().startswith("（一）坚持学习")  # then the footnote label
    assert document.getFootnotes().getCount() == 1
    assert document.getFootnotes().getByIndex(0).getString() == "全年十二次。"
    assert paragraphs[-1].getString() == "2025年12月31日"
    assert table.getCellByName("A1").getString() == "  (一)表内"  # table text is no paragraph


def test_signature_and_date_follow_7_3_5_2(office, tmp_path: Path):
    """署名 two characters in; the date's first character two characters right of the
    署名's first; a date longer than the 署名 keeps two and pushes the 署名 left."""
    char = spec.PAGE.body_size_pt * spec.MM_PER_PT * 100
    document = load_lines(office, ["2021年度述职报告", "一年来认真履职。", "", "述职人：张三",
                                   "2021年12月31日"], tmp_path)
    try:
        assert office.dispatch(document, FORMAT).ok
        *_, blank, signature, date = paragraph_elements(document)
        assert signature.ParaStyleName == spec.style_name(Role.SIGNATURE)
        assert abs(date.ParaRightMargin - 2 * char) < 5
        # 2 + 8 (the date as Writer autospaces it, docs/LO_NOTES.md) + 2 − 6 (the 署名)
        assert abs(signature.ParaRightMargin - 6 * char) < 5
        assert signature.ParaTopMargin == 0  # the typed empty line is the blank line
        layout = measure_pdf(office.export_pdf(document, tmp_path / "tail.pdf"))
    finally:
        office.close(document)
    lines = {line.compact_text: line for line in layout.pages[-1].body_lines}
    signature_line, date_line = lines["述职人：张三"], lines["2021年12月31日"]
    assert abs(date_line.x_left_mm - signature_line.x_left_mm - 2 * char / 100) < 1.5
    right_edge = spec.PAGE.width - spec.PAGE.right
    assert abs(right_edge - date_line.x_right_mm - 2 * char / 100) < 1.5
    assert date_line.top_mm > signature_line.top_mm


def test_paragraph_styles_are_created_standalone_on_an_empty_document(office, writer_doc):
    """The scaffold inserter calls ensure_paragraph_styles inside its own undo context."""
    from gongwen.writer.styles import ensure_paragraph_styles

    manager = writer_doc.getUndoManager()
    manager.enterUndoContext("scaffold")
    ensure_paragraph_styles(writer_doc)
    manager.leaveUndoContext()
    styles = writer_doc.getStyleFamilies().getByName("ParagraphStyles")
    for style in list(spec.PARAGRAPH_STYLES.values()) + [spec.TABLE_TEXT]:
        assert styles.hasByName(style.name)
        assert styles.getByName(style.name).CharHeightAsian == style.size_pt
    title = styles.getByName(spec.style_name(Role.TITLE))
    assert title.SnapToGrid is False and title.ParaAdjust == 3
    assert manager.getAllUndoActionTitles() == ("scaffold",)
    manager.undo()
    assert not styles.hasByName(spec.style_name(Role.BODY))


# --- documents from elsewhere ---------------------------------------------------------------

def word_docx(sample: Path, folder: Path, footer: str) -> Path:
    """The sample as a .docx someone typed in Word: 宋体 小四, centred, indented, a footer."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = docx.Document()
    for line in sample.read_text(encoding="utf-8").splitlines():
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Mm(3)
        paragraph.paragraph_format.space_after = Pt(12)
        run = paragraph.add_run(line)
        run.font.size = Pt(12)
        run.font.name = "Arial"
        run._element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    document.sections[0].footer.paragraphs[0].text = footer
    path = folder / "from-word.docx"
    document.save(str(path))
    return path


def footer_text(document) -> str:
    style = document.getStyleFamilies().getByName("PageStyles").getByName(
        paragraph_elements(document)[0].PageStyleName)
    return style.FooterTextRight.getString() if style.FooterIsOn else ""


def test_a_word_docx_with_direct_formatting_measures_gbt9704(office, samples_dir: Path,
                                                             tmp_path: Path):
    document = office.open(word_docx(samples_dir / SAMPLES[1], tmp_path, "第 1 页"))
    try:
        text_before = document.getText().getString()
        assert footer_text(document) == "第 1 页"
        assert office.dispatch(document, FORMAT).ok
        assert document.getText().getString() == text_before
        layout = measure_pdf(office.export_pdf(document, tmp_path / "word.pdf"))
        assert len(layout.pages) >= 3
        assert check_gbt9704(layout) == []
        office.uno_dispatch(document, ".uno:Undo")
        assert footer_text(document) == "第 1 页"  # the page-number-only footer comes back
    finally:
        office.close(document)


def test_footer_text_the_author_wrote_is_kept(office, samples_dir: Path, tmp_path: Path):
    document = office.open(word_docx(samples_dir / SAMPLES[0], tmp_path, "XX县政协办公室印"))
    try:
        assert office.dispatch(document, FORMAT).ok
        footer = document.getStyleFamilies().getByName("PageStyles").getByName(
            paragraph_elements(document)[0].PageStyleName).FooterTextRight
        paragraphs = footer_structure(footer)
        assert ("Text", "XX县政协办公室印") in paragraphs
        assert any(kind == "field" for kind, *_ in paragraphs)
        office.uno_dispatch(document, ".uno:Undo")
        assert footer_text(document) == "XX县政协办公室印"
    finally:
        office.close(document)


def test_a_line_break_or_footnote_in_a_paragraph_keeps_roles_and_text(office, writer_doc):
    text = writer_doc.getText()
    cursor = text.createTextCursor()
    text.insertString(cursor, "2021年度工作总结", False)
    text.insertControlCharacter(cursor, 0, False)
    text.insertString(cursor, "全年工作", False)
    text.insertControlCharacter(cursor, 1, False)  # LINE_BREAK inside the paragraph
    text.insertString(cursor, "取得了新进展。", False)
    footnote = writer_doc.createInstance("com.sun.star.text.Footnote")
    text.insertTextContent(cursor, footnote, False)
    footnote.setString("见附表。")
    text.insertControlCharacter(cursor, 0, False)
    text.insertString(cursor, "一、主要做法", False)
    before = all_text(writer_doc)
    assert office.dispatch(writer_doc, FORMAT).ok
    assert all_text(writer_doc) == before
    names = [p.ParaStyleName for p in paragraph_elements(writer_doc)]
    assert names == [spec.style_name(Role.TITLE), spec.style_name(Role.BODY),
                     spec.style_name(Role.HEADING1)]


def test_signature_date_indents_examples():
    from gongwen.placement import signature_date_indents

    assert signature_date_indents("述职人：张三", "2021年12月31日") == \
        {"signature": 5.0, "date": 2.0}
    assert signature_date_indents("中共某县委员会机关办公室", "2021年12月31日") == \
        {"signature": 2.0, "date": 5.0}
    # X is wider than a digit: XXXX年XX月XX日 is 8.776 characters wide, not 7
    assert signature_date_indents("XX县XX局", "XXXX年XX月XX日") == \
        {"signature": 7.888, "date": 2.0}


def test_an_empty_header_keeps_the_type_area_at_37_mm(office, samples_dir: Path, tmp_path: Path):
    document = load_sample(office, samples_dir, SAMPLES[0], tmp_path)
    try:
        style = document.getStyleFamilies().getByName("PageStyles").getByName("Standard")
        style.HeaderIsOn = True
        style.HeaderHeight = 1500
        header = (style.HeaderHeight, style.HeaderIsDynamicHeight, style.TopMargin)
        original = fingerprint(document)
        assert office.dispatch(document, FORMAT).ok
        layout = measure_pdf(office.export_pdf(document, tmp_path / "header.pdf"))
        assert check_gbt9704(layout) == []
        assert abs(layout.pages[1].body_lines[0].top_mm - spec.PAGE.top) < 3
        office.uno_dispatch(document, ".uno:Undo")
        assert fingerprint(document) == original
        assert style.HeaderIsOn
        assert (style.HeaderHeight, style.HeaderIsDynamicHeight, style.TopMargin) == header
    finally:
        office.close(document)


# ---- one undo restores a Word file's own footer (issue 19) ---------------------------------

_PAGE_PROPS = ("TopMargin", "BottomMargin", "LeftMargin", "RightMargin", "FooterIsOn",
               "FooterIsShared", "FooterHeight", "FooterBodyDistance", "FooterIsDynamicHeight",
               "FooterDynamicSpacing", "HeaderIsOn", "GridMode")
_FOOTER_PARA = ("ParaAdjust", "ParaLeftMargin", "ParaFirstLineIndent", "ParaTopMargin",
                "ParaBottomMargin")
_FOOTER_CHAR = ("CharHeight", "CharFontName", "CharFontNameAsian", "CharWeight")


def _word_file_with_its_own_footer(folder: Path) -> Path:
    """A Word-made report: 9 pt centred ``第 N 页`` (a PAGE field) 1.5 cm from the edge."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from tests import realdocs

    document = docx.Document()
    for line in ["关于2024年度工作情况的报告", "县人民政府：", "现将有关情况报告如下。",
                 "一、主要工作", "全年完成各项任务。", "特此报告。", "XX县发展和改革局",
                 "2024年3月1日"]:
        document.add_paragraph(line)
    section = document.sections[0]
    section.footer_distance = Cm(1.5)
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("第 ")
    realdocs._field(paragraph, "PAGE", "1")
    paragraph.add_run(" 页")
    for run in paragraph.runs:
        run.font.size = Pt(9)
        run.font.name = "宋体"
    path = folder / "own-footer.docx"
    document.save(str(path))
    return path


def _portions(paragraph) -> List[Tuple[str, str, tuple]]:
    found = []
    chunks = paragraph.createEnumeration()
    while chunks.hasMoreElements():
        portion = chunks.nextElement()
        kind = portion.getPropertyValue("TextPortionType")
        field = ""
        if kind == "TextField":
            field = [name for name in portion.getPropertyValue("TextField")
                     .getSupportedServiceNames() if ".TextField." in name][0]
        found.append((kind, field or portion.getString(),
                      tuple(portion.getPropertyValue(key) for key in _FOOTER_CHAR)))
    return found


def page_fingerprint(document) -> Dict[str, object]:
    """Every page style in use: its geometry, and its footers' paragraphs (text, fields,
    fonts, sizes, alignment, spacing), read independently of gongwen.writer.page."""
    family = document.getStyleFamilies().getByName("PageStyles")
    result: Dict[str, object] = {}
    for name in family.getElementNames():
        style = family.getByName(name)
        if not style.isInUse():
            continue
        entry: Dict[str, object] = {key: style.getPropertyValue(key) for key in _PAGE_PROPS}
        for text_name in ("FooterText", "FooterTextLeft", "FooterTextFirst"):
            text = style.getPropertyValue(text_name) if style.FooterIsOn else None
            if text is None:
                continue
            paragraphs = []
            enumeration = text.createEnumeration()
            while enumeration.hasMoreElements():
                paragraph = enumeration.nextElement()
                if paragraph.supportsService("com.sun.star.text.TextTable"):
                    paragraphs.append(("table", tuple(
                        paragraph.getCellByName(cell).getString()
                        for cell in paragraph.getCellNames())))
                    continue
                paragraphs.append((tuple(paragraph.getPropertyValue(key)
                                         for key in _FOOTER_PARA), _portions(paragraph)))
            entry[text_name] = paragraphs
        result[name] = entry
    return result


def test_one_undo_restores_a_word_footer_with_its_page_field_and_keeps_history(
        office, tmp_path: Path):
    document = office.open(_word_file_with_its_own_footer(tmp_path))
    try:
        manager = document.getUndoManager()
        text = document.getText()
        text.insertString(text.getEnd(), "用户的修改", False)  # the user's own history
        history = manager.getAllUndoActionTitles()
        before = page_fingerprint(document)
        footer = before["Standard"]["FooterText"] if "Standard" in before else \
            next(iter(before.values()))["FooterText"]
        assert [kind for kind, _, _ in footer[0][1]] == ["Text", "TextField", "Text"]
        assert footer[0][1][0][2][0] == 9.0  # the author's 9 pt
        body = all_text(document)
        assert office.dispatch(document, FORMAT).ok
        assert page_fingerprint(document) != before
        office.uno_dispatch(document, ".uno:Undo")
        after = page_fingerprint(document)
        for name, entry in before.items():
            for key, value in entry.items():
                assert after[name][key] == value, (name, key)
        assert after == before
        assert all_text(document) == body
        assert manager.getAllUndoActionTitles() == history  # Undo is not grey
        office.uno_dispatch(document, ".uno:Redo")
        office.uno_dispatch(document, ".uno:Undo")
        assert page_fingerprint(document) == before
    finally:
        office.close(document)


@pytest.mark.parametrize("name", ["footer-table", "sections-footer", "sections-inherited-footer",
                                  "report-wps-footer-text"])
def test_one_undo_restores_the_page_styles_of_real_like_word_files(office, tmp_path: Path,
                                                                    name: str):
    """Footers in tables, a second section with its own page setup and header, the
    author's footer text: one Ctrl+Z gives back every page style in use as it was."""
    from tests import realdocs

    document = office.open(realdocs.build(realdocs.BY_NAME[name], tmp_path))
    try:
        manager = document.getUndoManager()
        text = document.getText()
        text.insertString(text.getEnd(), "用户的修改", False)
        history = manager.getAllUndoActionTitles()
        before = page_fingerprint(document)
        assert office.dispatch(document, FORMAT).ok
        assert page_fingerprint(document) != before
        office.uno_dispatch(document, ".uno:Undo")
        assert page_fingerprint(document) == before
        assert manager.getAllUndoActionTitles() == history
    finally:
        office.close(document)


# ---- a character style of the author's (real files: a code span's Consolas 11 pt) ----------

def _span_look(document, text: str) -> Tuple[str, str, float, float]:
    search = document.createSearchDescriptor()
    search.setSearchString(text)
    found = document.findFirst(search)
    assert found is not None, text
    return (found.CharStyleName, found.CharFontName, found.CharHeight, found.CharWeight)


def test_an_author_s_character_style_loses_its_font_and_size_and_undo_brings_them_back(
        office, tmp_path: Path):
    from tests import realdocs

    document = office.open(realdocs.code_span_docx(tmp_path))
    try:
        before = _span_look(document, realdocs.CODE_SPAN)
        assert before[1:3] == ("Consolas", 11.0)
        assert office.dispatch(document, FORMAT).ok
        style, font, size, weight = _span_look(document, realdocs.CODE_SPAN)
        body = document.getStyleFamilies().getByName("ParagraphStyles").getByName(
            spec.style_name(Role.BODY))
        assert style == before[0]  # the span keeps its style, and so its bold
        assert (font, size) == (body.CharFontName, body.CharHeight) == ("Times New Roman", 16)
        assert weight == before[3] > 100
        asian = document.findFirst(_search(document, "清理")).CharFontNameAsian
        assert asian == body.CharFontNameAsian
        office.uno_dispatch(document, ".uno:Undo")
        assert _span_look(document, realdocs.CODE_SPAN) == before
    finally:
        office.close(document)


def _search(document, text: str):
    search = document.createSearchDescriptor()
    search.setSearchString(text)
    return search
