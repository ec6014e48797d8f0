"""Every page numbered once, 7 mm under the type area on its outer side, through both paths,
whatever sections, page styles, text boxes and frames the file brought (tests/pagenumdocs.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import cli
from gongwen.pdf import pdfmeasure
from gongwen.pdf.pdfmeasure import measure_pdf
from tests import pagenumdocs

TYPE_AREA_BOTTOM_MM = 297 - 35
ODD_RIGHT_MM = 210 - 26 - pdfmeasure.PAGE_NUMBER_INDENT_MM
EVEN_LEFT_MM = 28 + pdfmeasure.PAGE_NUMBER_INDENT_MM


def _button(office, source: Path, folder: Path) -> Path:
    document = office.open(source)
    try:
        outcome = office.dispatch(document, "vnd.gongwen:Format")
        assert outcome.ok, outcome.message
        return office.export_pdf(document, folder / "button.pdf")
    finally:
        office.close(document)


def _cli(office, source: Path, folder: Path) -> Path:
    out = folder / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    document = office.open(out)
    try:
        return office.export_pdf(document, folder / "cli.pdf")
    finally:
        office.close(document)


def check_numbers(pdf: Path) -> int:
    """Each page: one number, its own, 7 ± 2 mm under the type area, on the outer side."""
    pages = measure_pdf(pdf).pages
    for page in pages:
        number = page.page_number
        where = f"{pdf.name} page {page.index + 1}"
        assert number is not None and number.number == page.index + 1, where
        assert 5 <= number.top_mm - TYPE_AREA_BOTTOM_MM <= 9, (where, number.top_mm)
        if page.index % 2 == 0:
            assert abs(number.x_right_mm - ODD_RIGHT_MM) <= 2, (where, number.x_right_mm)
        else:
            assert abs(number.x_left_mm - EVEN_LEFT_MM) <= 2, (where, number.x_left_mm)
        lines = [line.compact_text for line in page.body_lines + page.footer_lines]
        assert pagenumdocs.numbers_shown(lines + [number.text]) == 1, (where, lines[-3:])
    return len(pages)


@pytest.mark.parametrize("name", list(pagenumdocs.BUILDERS))
def test_every_page_numbered_once_through_both_paths(office, tmp_path: Path, name: str):
    source = pagenumdocs.build(name, tmp_path)
    assert check_numbers(_cli(office, source, tmp_path)) >= 4
    assert check_numbers(_button(office, source, tmp_path)) >= 4


def _floating(document) -> list:
    """The texts of the body's frames and text boxes."""
    frames = document.getTextFrames()
    texts = [frames.getByName(name).getString() for name in frames.getElementNames()]
    draw_page = document.getDrawPage()
    for index in range(draw_page.getCount()):
        shape = draw_page.getByIndex(index)
        if shape.getPropertySetInfo().hasPropertyByName("TextBoxContent") and shape.TextBox:
            texts.append(shape.getPropertyValue("TextBoxContent").getString())
    return sorted(texts)


def test_body_page_numbers_go_in_the_one_undo_step(office, tmp_path: Path):
    """Writer: the frames and the text box holding 1, 2, 3 go with Format, and one Ctrl+Z
    brings them back with the rest."""
    document = office.open(pagenumdocs.build("body_numbers", tmp_path))
    try:
        assert _floating(document) == ["1", "2", "3"]
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        assert _floating(document) == []
        manager = document.getUndoManager()
        office.on_main_thread(manager.undo)
        assert _floating(document) == ["1", "2", "3"]
    finally:
        office.close(document)


def test_typed_page_numbers_go_in_the_one_undo_step(office, tmp_path: Path):
    document = office.open(pagenumdocs.build("typed_numbers", tmp_path))
    try:
        def typed() -> list:
            lines = office.text(document).splitlines()
            return [line for line in lines if line.strip() in ("1", "- 2 -", "3")]

        assert typed() == ["1", "- 2 -", "3"]
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        assert typed() == []
        office.on_main_thread(document.getUndoManager().undo)
        assert typed() == ["1", "- 2 -", "3"]
    finally:
        office.close(document)


@pytest.mark.parametrize("name", ["textbox_footer", "frame_footer", "body_numbers",
                                  "typed_numbers"])
def test_the_same_files_as_word_97_doc(office, tmp_path: Path, name: str):
    """What LibreOffice's .doc import makes of text-box and frame numbers (frames in the
    footer and the body), through the CLI (which converts) and the button (which opens)."""
    document = office.open(pagenumdocs.build(name, tmp_path))
    try:
        source = office.save_as(document, tmp_path / f"{name}.doc", filter_name="MS Word 97")
    finally:
        office.close(document)
    assert check_numbers(_cli(office, source, tmp_path)) >= 4
    assert check_numbers(_button(office, source, tmp_path)) >= 4
