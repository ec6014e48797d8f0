"""gongwen.ooxml.docxlayout in real Writer: the 落款 chain keeps together, the title takes
one grid line. Measured on PDFs exported from a template rendered by ``gongwen new``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import List

import docx

from gongwen import cli, spec
from gongwen.pdf.pdfmeasure import (
    PdfLayout,
    check_gbt9704,
    grid_slot,
    is_signature_page,
    leading_headings,
    measure_pdf,
)
from gongwen.scaffolds import load_scaffold, render

KEY = "annual-summary"


def rendered(tmp_path: Path) -> Path:
    out = tmp_path / f"{KEY}.docx"
    assert cli.main(["new", KEY, "-o", str(out)]) == 0
    return out


def with_lines_before_closing(source: Path, count: int, folder: Path) -> Path:
    """A copy with ``count`` one-line body paragraphs before the 结束语."""
    document = docx.Document(str(source))
    closing_style = spec.style_name(spec.Role.CLOSING)
    closing = next(p for p in document.paragraphs if p.style.name == closing_style)
    for _ in range(count):
        closing.insert_paragraph_before("补充一行内容。", style=spec.style_name(spec.Role.BODY))
    out = folder / f"plus{count}.docx"
    document.save(str(out))
    return out


def export(office, path: Path) -> PdfLayout:
    document = office.open(path)
    try:
        return measure_pdf(office.export_pdf(document, path.with_suffix(".pdf")))
    finally:
        office.close(document)


def page_of(layout: PdfLayout, text: str) -> int:
    compact = text.replace(" ", "")
    pages = [page.index for page in layout.pages for line in page.body_lines
             if line.compact_text == compact]
    assert len(pages) == 1, f"{text!r} found on pages {pages}"
    return pages[0]


def test_closing_signature_and_date_stay_on_one_page(office, tmp_path: Path):
    source = rendered(tmp_path)
    tail = render(load_scaffold(KEY))[-3:]
    assert [p.role for p in tail] == [spec.Role.CLOSING, spec.Role.SIGNATURE, spec.Role.DATE]
    moved: List[int] = []
    # Adding 0..5 lines walks the 落款 block across the bottom of a page: with some counts
    # the 成文日期 would not fit after its 署名 and the whole chain has to move.
    for count in range(6):
        layout = export(office, with_lines_before_closing(source, count, tmp_path))
        pages = {page_of(layout, p.text) for p in tail}
        assert len(pages) == 1, f"+{count} lines: 结束语/署名/日期 split over pages {pages}"
        assert check_gbt9704(layout) == [], f"+{count} lines"
        last = layout.pages[-1]
        if len(layout.pages) > 2 and is_signature_page(last) \
                and not layout.is_full_page(len(layout.pages) - 2):
            before = layout.pages[-2]
            assert max(grid_slot(line) for line in before.body_lines) < spec.PAGE.lines
            assert [line.compact_text for line in last.body_lines] == \
                [p.text for p in tail]
            moved.append(count)
    assert moved, "no line count made the 落款 block move: the test proved nothing"


def test_title_takes_one_grid_line_and_one_blank_line(office, tmp_path: Path):
    source = rendered(tmp_path)
    copy = tmp_path / "copy.docx"
    shutil.copyfile(source, copy)
    layout = export(office, copy)
    first = layout.pages[0].body_lines
    title, addressee = first[0], first[1]
    assert title.compact_text == render(load_scaffold(KEY))[0].text
    assert title.height_mm > spec.PAGE.body_size_pt * spec.MM_PER_PT * 1.5  # 2号 type
    # Its glyph box (1.3 em) starts on grid line 1; the 称谓 sits on grid line 3.
    assert title.top_mm - spec.PAGE.top < 2.0
    assert grid_slot(addressee) == 3
    # title + 20 body lines on 22 grid lines, or fewer by the heading that opens page 2
    # and keeps with its text (no heading alone at the page's foot)
    used = max(grid_slot(line) for line in first)
    kept = leading_headings(layout.pages[1])
    assert used == spec.PAGE.lines or used < spec.PAGE.lines <= used + kept
    assert len(first) == used - 1
