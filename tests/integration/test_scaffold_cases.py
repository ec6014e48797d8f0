"""插入述职框架 in every kind of document.

An empty document (also one of blank lines only) becomes the scaffold and one undo takes
it back, for every type; insertion between paragraphs of a longer document; the scaffold
already is what 一键公文格式 makes of it; the chooser dialog lists the types, previews
their sections and hands over 单位/姓名/年度, driven through its real controls.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gongwen import layout, spec, wholedoc
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf
from gongwen.placeholders import count_placeholders
from gongwen.scaffolds import load_all, load_scaffold, render, scaffold_types, section_titles
from gongwen.spec import Role, style_name
from tests.integration.test_format_writer import fingerprint
from tests.integration.test_scaffold_writer import (
    expected,
    is_gongwen_page,
    page_margins,
    paragraphs,
    rendered_text,
    undo_titles,
)

KEYS = [key for key, _name in scaffold_types()]
PARAGRAPH_BREAK = 0
USER = ["第一段是用户原有的内容。", "第二段也是用户写的。", "第三段结束。"]


def insert(office, document, key: str):
    result = office.dispatch(document, f"vnd.gongwen:InsertScaffold?type={key}")
    assert result.ok, result.message
    return result


def put_view_cursor_at_paragraph(document, index: int) -> None:
    cursor = document.getCurrentController().getViewCursor()
    cursor.gotoStart(False)
    text = document.getText()
    model_cursor = text.createTextCursorByRange(text.getStart())
    for _ in range(index):
        model_cursor.gotoNextParagraph(False)
    cursor.gotoRange(model_cursor, False)


# --- an empty document becomes the whole document ------------------------------------------

@pytest.mark.parametrize("key", KEYS)
def test_every_type_fills_an_empty_document_and_one_undo_empties_it(office, writer_doc, key):
    original_page = page_margins(writer_doc)
    titles = undo_titles(writer_doc)

    insert(office, writer_doc, key)

    assert paragraphs(writer_doc) == expected(key)
    margins = page_margins(writer_doc)
    if key == "letter":  # its first page's own top: the agency name 30 mm from the edge
        top = wholedoc.letter_first_page(
            layout.page_setup(), layout.appearances()[style_name(Role.ISSUER)].size_pt).top_mm
        assert abs(margins[0] - top * 100) <= 2
        margins = (spec.PAGE.top * 100,) + margins[1:]
    assert is_gongwen_page(margins)
    assert len(undo_titles(writer_doc)) == len(titles) + 1
    writer_doc.getUndoManager().undo()
    assert office.text(writer_doc) == ""
    assert paragraphs(writer_doc) == [("", "Standard")]
    assert page_margins(writer_doc) == original_page


@pytest.mark.parametrize("line", [1, 2])
def test_a_document_of_blank_lines_only_is_empty_too(office, writer_doc, line):
    """A user who pressed Enter a few times has an empty document all the same: the
    scaffold becomes the whole of it (no stray blank paragraphs), on the 公文 page."""
    text = writer_doc.getText()
    for _ in range(2):
        text.insertControlCharacter(text.getEnd(), PARAGRAPH_BREAK, False)
    text.createEnumeration().nextElement().PageDescName = "Landscape"  # where pages start
    put_view_cursor_at_paragraph(writer_doc, line)
    original_page = page_margins(writer_doc)

    result = insert(office, writer_doc, "personal")

    assert paragraphs(writer_doc) == expected("personal")
    assert text.createEnumeration().nextElement().PageDescName == "Landscape"
    assert is_gongwen_page(page_margins(writer_doc))
    assert "一键公文格式" not in result.message and "Format" not in result.message
    writer_doc.getUndoManager().undo()
    assert paragraphs(writer_doc) == [("", "Standard")] * 3
    assert text.createEnumeration().nextElement().PageDescName == "Landscape"
    assert page_margins(writer_doc) == original_page


# --- into the middle of a longer document --------------------------------------------------

@pytest.mark.parametrize("key", KEYS)
def test_between_paragraphs_of_a_longer_document(office, writer_doc, key):
    text = writer_doc.getText()
    text.setString(USER[0])
    for line in USER[1:]:
        text.insertControlCharacter(text.getEnd(), PARAGRAPH_BREAK, False)
        text.insertString(text.getEnd(), line, False)
    put_view_cursor_at_paragraph(writer_doc, 1)   # at the start of the second paragraph
    original = paragraphs(writer_doc)
    titles = undo_titles(writer_doc)

    insert(office, writer_doc, key)

    got = paragraphs(writer_doc)
    assert got == original[:1] + expected(key) + original[1:]
    headings = [t for t, style in got if style == style_name(Role.HEADING1)]
    assert headings == [p.text for p in render(load_scaffold(key)) if p.role == Role.HEADING1]
    assert headings == section_titles(load_scaffold(key))
    assert count_placeholders(office.text(writer_doc)) == count_placeholders(rendered_text(key))
    assert len(undo_titles(writer_doc)) == len(titles) + 1
    writer_doc.getUndoManager().undo()
    assert paragraphs(writer_doc) == original


# --- already a 公文 ------------------------------------------------------------------------

def test_the_scaffold_already_is_what_format_makes_of_it(office, writer_doc, tmp_path: Path):
    """Same named styles, same definitions, same page: 一键公文格式 finds nothing to change
    in a fresh scaffold, and its PDF passes the GB/T 9704 measurement as it is."""
    insert(office, writer_doc, "leadership")
    inserted = fingerprint(writer_doc)
    layout = measure_pdf(office.export_pdf(writer_doc, tmp_path / "scaffold.pdf"))

    assert office.dispatch(writer_doc, "vnd.gongwen:Format").ok

    formatted = fingerprint(writer_doc)
    assert formatted["styles"] == inserted["styles"]
    assert [p[0] for p in formatted["paragraphs"]] == [p[0] for p in inserted["paragraphs"]]
    assert formatted == inserted
    assert len(layout.pages) >= 2
    assert check_gbt9704(layout) == []


# --- the chooser dialog --------------------------------------------------------------------

def wait_for(condition, seconds: float = 10.0) -> bool:
    """Control events reach the listeners through soffice's event loop, a moment later."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture
def chooser(office, writer_doc):
    from gongwen.writer.scaffold_dialog import ScaffoldChooser

    dialog = ScaffoldChooser(office.ctx, office.frame(writer_doc), "zh-CN", load_all())
    yield dialog
    dialog.dispose()


def click(dialog, name: str) -> None:
    import uno

    context = dialog.dialog.getControl(name).getAccessibleContext()
    action = context.queryInterface(
        uno.getTypeByName("com.sun.star.accessibility.XAccessibleAction"))
    action.doAccessibleAction(0)


def test_dialog_lists_every_type_and_previews_its_sections(chooser):
    model = chooser.model
    scaffolds = load_all()
    assert model.getByName("types").StringItemList == tuple(name for _k, name in
                                                            scaffold_types())
    assert model.getByName("preview").Text == "\n".join(section_titles(scaffolds[0]))
    for position in (3, 1):
        chooser.dialog.getControl("types").selectItemPos(position, True)
        preview = "\n".join(section_titles(scaffolds[position]))
        assert wait_for(lambda want=preview: model.getByName("preview").Text == want), position
    for field in ("org", "name", "year"):
        assert model.getByName(field).Text == ""
    assert model.getByName("insert").Label.startswith("插入")
    assert model.getByName("cancel").PushButtonType == 2  # CANCEL: closes, inserts nothing


def test_dialog_insert_hands_over_type_and_values(chooser):
    model = chooser.model
    chooser.dialog.getControl("types").selectItemPos(KEYS.index("integrity"), True)
    model.getByName("org").Text = " 县政协 "
    model.getByName("year").Text = "2025"

    click(chooser, "insert")

    assert wait_for(lambda: chooser.choice is not None)
    assert chooser.choice == ("integrity", "2025", "县政协", None)


def test_dialog_refuses_a_bad_year_and_stays_open(chooser):
    chooser.model.getByName("year").Text = "20X5"

    click(chooser, "insert")

    assert wait_for(lambda: "20X5" in chooser.model.getByName("error").Label)
    assert chooser.choice is None


def test_blank_lines_holding_an_image_keep_it(office, writer_doc, tmp_path: Path):
    """Blank paragraphs with something anchored in them are not deleted: the image stays."""
    from PIL import Image

    picture = tmp_path / "logo.png"
    Image.new("RGB", (60, 60), (200, 30, 30)).save(picture)
    text = writer_doc.getText()
    text.insertControlCharacter(text.getEnd(), PARAGRAPH_BREAK, False)
    provider = office.smgr.createInstanceWithContext("com.sun.star.graphic.GraphicProvider",
                                                     office.ctx)
    image = writer_doc.createInstance("com.sun.star.text.TextGraphicObject")
    image.Graphic = provider.queryGraphic(office.props(URL=picture.as_uri()))
    text.insertTextContent(text.getEnd(), image, False)
    put_view_cursor_at_paragraph(writer_doc, 0)

    insert(office, writer_doc, "personal")

    assert writer_doc.getGraphicObjects().getCount() == 1
    assert paragraphs(writer_doc)[:-1] == expected("personal")
    assert paragraphs(writer_doc)[-1] == ("", "Standard")
