"""插入述职框架 in Writer: vnd.gongwen:InsertScaffold in a real soffice, for every report type."""

from __future__ import annotations

import os

import pytest

from gongwen.placeholders import count_placeholders
from gongwen.placement import WRITER_AUTOSPACE_CHARS, signature_date_indents
from gongwen.scaffolds import load_scaffold, render, scaffold_types
from gongwen.scaffolds.choice import choice_from_args, year_problem
from gongwen.spec import PAGE, PARAGRAPH_STYLES, Role, style_name
from gongwen.writer.units import chars_to_hmm
from rig.office import body_paragraphs

# The 述职/总结 genre (issue 6), and the whole 公文 with 版头 and 版记 (issue 12).
GENRE_KEYS = ["personal", "leadership", "integrity", "party-building", "annual-summary"]
DOCUMENT_KEYS = ["notice", "request", "report", "letter", "minutes"]
CONTRACT_KEYS = set(GENRE_KEYS + DOCUMENT_KEYS)
KEYS = [key for key, _name in scaffold_types()]
BEFORE, AFTER = "这是用户已经写好的前半句，", "这是光标后面的后半句。"
JUSTIFY, CENTER = 2, 3  # com.sun.star.style.ParagraphAdjust


def paragraphs(document) -> list:
    """(text, paragraph style) of every body paragraph, tables skipped; a title's line breaks
    (GB/T 9704 §7.3.1, laid out from its text) are not text."""
    title = style_name(Role.TITLE)
    return [(p.getString().replace("\n", "") if p.ParaStyleName == title else p.getString(),
             p.ParaStyleName) for p in body_paragraphs(document)]


def expected(key: str, **values) -> list:
    """(text, style) the scaffold's paragraphs must arrive with."""
    return [(p.text, style_name(p.role)) for p in render(load_scaffold(key), **values)]


def rendered_text(key: str, **values) -> str:
    return "\n".join(p.text for p in render(load_scaffold(key), **values))


def put_cursor(document, characters_from_start: int) -> None:
    cursor = document.getCurrentController().getViewCursor()
    cursor.gotoStart(False)
    cursor.goRight(characters_from_start, False)


def undo_titles(document) -> tuple:
    return document.getUndoManager().getAllUndoActionTitles()


def test_url_values_blank_or_padded_are_read_as_the_user_meant():
    choice = choice_from_args({"type": " personal ", "year": "", "org": " 县政协 "})
    assert choice == ("personal", None, "县政协", None)


@pytest.mark.parametrize("year, ok", [("2025", True), (None, True), ("２０２５", True),
                                      ("²⁰²⁵", False), ("202", False), ("2025年", False)])
def test_year_check(year, ok):
    assert (year_problem(year, "zh-CN") is None) == ok


def test_the_contract_types_are_all_there():
    assert set(KEYS) == CONTRACT_KEYS


@pytest.mark.parametrize("key", DOCUMENT_KEYS)
def test_empty_document_becomes_the_document_scaffold(office, writer_doc, key):
    """A 通知, 请示 … starts with its 版头 (份号 or 发文机关标志), each paragraph styled."""
    result = office.dispatch(writer_doc, f"vnd.gongwen:InsertScaffold?type={key}")
    assert result.ok, result.message
    assert paragraphs(writer_doc) == expected(key)
    assert "\n".join(text for text, _ in paragraphs(writer_doc)) == rendered_text(key)
    assert count_placeholders(office.text(writer_doc)) == count_placeholders(rendered_text(key))


@pytest.mark.parametrize("key", GENRE_KEYS)
def test_empty_document_becomes_the_scaffold(office, writer_doc, key):
    name = dict(scaffold_types())[key]
    result = office.dispatch(writer_doc, f"vnd.gongwen:InsertScaffold?type={key}")

    assert result.ok, result.message
    # The whole document, no stray empty paragraph before or after, each role styled.
    assert paragraphs(writer_doc) == expected(key)
    assert office.text(writer_doc) == rendered_text(key)
    titles = [text for text, style in paragraphs(writer_doc)
              if style == style_name(Role.HEADING1)]
    rendered = render(load_scaffold(key))
    assert titles == [p.text for p in rendered if p.role == Role.HEADING1]
    numerals = "一二三四五六七八九十"
    assert titles and all(title.startswith(numeral + "、")
                          for title, numeral in zip(titles, numerals))
    assert paragraphs(writer_doc)[0] == (rendered[0].text, style_name(Role.TITLE)) == \
        (rendered[0].text, "公文标题")
    count = count_placeholders(rendered_text(key))
    assert count > 0
    assert count_placeholders(office.text(writer_doc)) == count
    assert name in result.message and str(count) in result.message
    # The view cursor waits on the title, where the user starts reading.
    view_cursor = writer_doc.getCurrentController().getViewCursor()
    assert view_cursor.getText().compareRegionStarts(view_cursor,
                                                     writer_doc.getText().getStart()) == 0


@pytest.mark.parametrize("key", KEYS)
def test_inserting_mid_paragraph_keeps_the_users_text_and_undo_removes_it(office, writer_doc,
                                                                         key):
    writer_doc.getText().setString(BEFORE + AFTER)
    original = office.text(writer_doc)
    put_cursor(writer_doc, len(BEFORE))
    titles_before = undo_titles(writer_doc)

    result = office.dispatch(writer_doc, f"vnd.gongwen:InsertScaffold?type={key}")

    assert result.ok, result.message
    assert office.text(writer_doc) == BEFORE + "\n" + rendered_text(key) + "\n" + AFTER
    got = paragraphs(writer_doc)
    assert got[0] == (BEFORE, "Standard")
    assert got[-1] == (AFTER, "Standard")
    assert got[1:-1] == expected(key)
    assert count_placeholders(office.text(writer_doc)) == count_placeholders(
        rendered_text(key))
    # Exactly one new undo step, and it takes everything back.
    assert len(undo_titles(writer_doc)) == len(titles_before) + 1
    writer_doc.getUndoManager().undo()
    assert office.text(writer_doc) == original
    assert paragraphs(writer_doc) == [(original, "Standard")]


def test_given_year_org_and_name_replace_their_placeholders(office, writer_doc):
    values = dict(year="2025", org="县政协", name="张三")
    result = office.dispatch(
        writer_doc, "vnd.gongwen:InsertScaffold?type=personal&year=2025&org=县政协&name=张三")

    assert result.ok, result.message
    text = office.text(writer_doc)
    assert text == rendered_text("personal", **values)
    assert "2025" in text and "县政协" in text and "张三" in text
    assert paragraphs(writer_doc) == expected("personal", **values)
    filled = count_placeholders(text)
    assert filled < count_placeholders(rendered_text("personal"))
    assert str(filled) in result.message
    # 署名 and 成文日期 placed against each other as 一键公文格式 places them (§7.3.5.2).
    rendered = render(load_scaffold("personal"), **values)
    signature = next(p.text for p in rendered if p.role == Role.SIGNATURE)
    date = next(p.text for p in rendered if p.role == Role.DATE)
    # Writer autospaces the 落款 (writer/styles.py): the plan's autospaced indents
    indents = signature_date_indents(signature, date, WRITER_AUTOSPACE_CHARS)
    margins = {}
    enumeration = writer_doc.getText().createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if paragraph.getString() in (signature, date):
            margins[paragraph.getString()] = paragraph.ParaRightMargin
    size = PARAGRAPH_STYLES[Role.SIGNATURE].size_pt
    assert margins == {signature: chars_to_hmm(indents["signature"], size),
                       date: chars_to_hmm(indents["date"], size)}
    assert margins[signature] != margins[date]


def first_character_weights(document) -> list:
    """(text, ParaAdjust, CharWeight of its first character) of every paragraph."""
    text = document.getText()
    found = []
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        first_character = text.createTextCursorByRange(paragraph.getStart())
        first_character.goRight(1, True)
        found.append((paragraph.getString(), paragraph.ParaAdjust, first_character.CharWeight))
    return found


def test_scaffold_drops_the_direct_formatting_where_it_was_typed(office, writer_doc):
    """An empty paragraph made a centred, bold list item must not make the scaffold a
    numbered list, centred or bold; the user's own paragraph keeps its look."""
    text = writer_doc.getText()
    text.setString(BEFORE)
    cursor = text.createTextCursor()
    cursor.gotoEnd(False)
    text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK: an empty 2nd paragraph
    cursor.NumberingStyleName = "Numbering 123"
    cursor.ParaAdjust = CENTER
    cursor.CharWeight = 150.0
    put_cursor(writer_doc, len(BEFORE) + 1)

    assert office.dispatch(writer_doc, "vnd.gongwen:InsertScaffold?type=personal").ok

    found = first_character_weights(writer_doc)
    assert found[0] == (BEFORE, 0, 100.0)
    rendered = render(load_scaffold("personal"))
    assert [row[0] for row in found[1:]] == [p.text for p in rendered]
    body = [row for row, p in zip(found[1:], rendered) if p.role == Role.BODY]
    assert body and all(adjust == JUSTIFY and weight == 100.0 for _t, adjust, weight in body)
    enumeration = text.createEnumeration()
    lists = []
    while enumeration.hasMoreElements():
        lists.append(enumeration.nextElement().NumberingStyleName)
    assert lists == [""] * len(found)


def test_a_split_paragraph_keeps_its_look_on_both_sides(office, writer_doc):
    text = writer_doc.getText()
    text.setString(BEFORE + AFTER)
    cursor = text.createTextCursor()
    cursor.ParaAdjust = CENTER
    cursor.goRight(len(BEFORE), True)  # bold up to the insertion point, as if being typed
    cursor.CharWeight = 150.0
    put_cursor(writer_doc, len(BEFORE))

    assert office.dispatch(writer_doc, "vnd.gongwen:InsertScaffold?type=personal").ok

    found = first_character_weights(writer_doc)
    assert found[0] == (BEFORE, CENTER, 150.0)
    assert found[-1] == (AFTER, CENTER, 100.0)
    body = [row for row, p in zip(found[1:-1], render(load_scaffold("personal")))
            if p.role == Role.BODY]
    assert body and all(adjust == JUSTIFY and weight == 100.0 for _t, adjust, weight in body)


def test_the_first_paragraphs_page_style_stays_with_the_document(office, writer_doc):
    """After 一键公文格式 the first paragraph names the page style; filling that empty
    paragraph with the scaffold must keep it, and undo too."""
    first = writer_doc.getText().createEnumeration().nextElement()
    first.PageDescName = "Landscape"

    assert office.dispatch(writer_doc, "vnd.gongwen:InsertScaffold?type=leadership").ok

    first = writer_doc.getText().createEnumeration().nextElement()
    assert first.getString() == render(load_scaffold("leadership"))[0].text
    assert first.PageDescName == "Landscape"
    writer_doc.getUndoManager().undo()
    first = writer_doc.getText().createEnumeration().nextElement()
    assert (first.getString(), first.PageDescName) == ("", "Landscape")


def page_margins(document) -> tuple:
    """Top, left and right margin (1/100 mm) of the page style the text starts with."""
    cursor = document.getText().createTextCursor()
    style = document.getStyleFamilies().getByName("PageStyles").getByName(
        cursor.PageStyleName)
    return style.TopMargin, style.LeftMargin, style.RightMargin, style.FooterIsOn


def is_gongwen_page(margins: tuple) -> bool:
    """GB/T 9704 margins, give or take Writer's rounding through twips (1/100 mm)."""
    wanted = (PAGE.top * 100, PAGE.left * 100, PAGE.right * 100)
    return all(abs(have - want) <= 2 for have, want in zip(margins, wanted)) and margins[3]


def test_an_empty_document_gets_the_gongwen_page_in_the_same_undo_step(office, writer_doc):
    text = writer_doc.getText()
    text.setString("先写后删的一句话")  # some history of the user's own, then empty again
    text.setString("")
    titles = undo_titles(writer_doc)
    original = page_margins(writer_doc)
    assert not is_gongwen_page(original)

    result = office.dispatch(writer_doc, "vnd.gongwen:InsertScaffold?type=integrity")

    assert result.ok
    assert is_gongwen_page(page_margins(writer_doc))
    assert "一键公文格式" not in result.message and "Format" not in result.message
    now = undo_titles(writer_doc)
    assert len(now) == len(titles) + 1 and now[1:] == titles  # the user's history kept
    manager = writer_doc.getUndoManager()
    manager.undo()
    assert office.text(writer_doc) == ""
    assert page_margins(writer_doc) == original
    manager.redo()
    assert office.text(writer_doc) == rendered_text("integrity")
    assert is_gongwen_page(page_margins(writer_doc))


def test_a_document_with_text_keeps_its_page_and_is_told_how_to_get_the_gongwen_one(
        office, writer_doc):
    writer_doc.getText().setString(BEFORE)
    original = page_margins(writer_doc)
    put_cursor(writer_doc, len(BEFORE))

    result = office.dispatch(writer_doc, "vnd.gongwen:InsertScaffold?type=integrity")

    assert result.ok
    assert page_margins(writer_doc) == original
    assert "一键公文格式" in result.message or "Format" in result.message


@pytest.mark.parametrize("where", ["start", "end"])
def test_no_empty_paragraph_at_the_edge_of_a_paragraph(office, writer_doc, where):
    user = BEFORE + AFTER
    writer_doc.getText().setString(user)
    put_cursor(writer_doc, 0 if where == "start" else len(user))

    assert office.dispatch(writer_doc, "vnd.gongwen:InsertScaffold?type=annual-summary").ok

    scaffold = rendered_text("annual-summary")
    want = scaffold + "\n" + user if where == "start" else user + "\n" + scaffold
    assert office.text(writer_doc) == want


def test_unknown_type_is_refused_with_the_valid_types(office, writer_doc):
    writer_doc.getText().setString(BEFORE + AFTER)
    titles = undo_titles(writer_doc)

    result = office.dispatch(writer_doc, "vnd.gongwen:InsertScaffold?type=no-such-report")

    assert not result.ok
    assert "no-such-report" in result.message
    assert all(key in result.message for key in KEYS)
    assert office.text(writer_doc) == BEFORE + AFTER
    assert undo_titles(writer_doc) == titles


@pytest.mark.parametrize("year", ["25", "２０２５年", "abcd", "20255"])
def test_a_year_that_is_not_four_digits_is_refused(office, writer_doc, year):
    result = office.dispatch(writer_doc, f"vnd.gongwen:InsertScaffold?type=personal&year={year}")

    assert not result.ok
    assert f"“{year}”" in result.message
    assert office.text(writer_doc) == ""


def test_read_only_document_is_refused(office, writer_doc, tmp_path):
    writer_doc.getText().setString(BEFORE + AFTER)
    saved = office.save_as(writer_doc, tmp_path / "report.odt", "writer8")
    document = office.open(saved, ReadOnly=True)
    try:
        result = office.dispatch(document, "vnd.gongwen:InsertScaffold?type=personal")
        assert not result.ok
        assert office.text(document) == BEFORE + AFTER
    finally:
        office.close(document)


def test_without_a_type_the_dialog_never_blocks_and_changes_nothing(office, writer_doc):
    """Headless, the dialog's execute() returns at once as Cancel; with dialogs switched
    off the command says how to name a type instead."""
    writer_doc.getText().setString(BEFORE)

    result = office.dispatch(writer_doc, "vnd.gongwen:InsertScaffold")

    assert office.text(writer_doc) == BEFORE
    if os.environ.get("GONGWEN_NO_DIALOGS"):
        assert not result.ok and "personal" in result.message
    else:
        assert result == (True, "")


@pytest.mark.parametrize("key", DOCUMENT_KEYS)
def test_the_org_given_fills_the_masthead_and_the_record(office, writer_doc, key):
    """Issue 19: the 单位 typed in the chooser (here the URL's org=) reaches the 版头's
    发文机关标志 and the 版记's 印发机关 as well as the title and the 署名."""
    org = "青山县人民政府"
    result = office.dispatch(writer_doc, f"vnd.gongwen:InsertScaffold?type={key}&org={org}")
    assert result.ok, result.message
    assert paragraphs(writer_doc) == expected(key, org=org)
    texts = [text for text, _ in paragraphs(writer_doc)]
    assert texts[0 if key in ("letter", "minutes") else 1].startswith(org)
    assert not [text for text in texts if load_scaffold(key).fields()["org"].blank in text]
    if key != "letter":
        assert texts[-1].startswith(org + "办公室")
