"""``python -m gongwen new`` output in real LibreOffice Writer: styles, text, GB/T 9704 pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest

from gongwen import spec
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf
from gongwen.scaffolds import load_scaffold, render, scaffold_types
from gongwen.spec import Role

KEYS = [key for key, _ in scaffold_types()]
DOCUMENT_KEYS = ("notice", "request", "report", "letter", "minutes")
VALUES = {"year": "2025", "org": "县政协", "name": "张三", "position": "办公室主任",
          "date": "2026-01-09"}


def new_docx(tmp_path: Path, key: str, *flags: str) -> Path:
    out = tmp_path / f"{key}.docx"
    # this tree's gongwen, whatever the interpreter's editable install points at
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "pythonpath"))
    subprocess.run([sys.executable, "-m", "gongwen", "new", key, "-o", str(out), *flags],
                   check=True, capture_output=True, env=env)
    return out


def writer_paragraphs(document) -> List[Tuple[str, str]]:
    """(style name, text) of each body paragraph as Writer holds it."""
    result = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph"):
            result.append((paragraph.ParaStyleName, paragraph.getString()))
    return result


def open_and_measure(office, docx_path: Path):
    document = office.open(docx_path)
    try:
        paragraphs = writer_paragraphs(document)
        pdf = office.export_pdf(document, docx_path.with_suffix(".pdf"))
    finally:
        office.close(document)
    return paragraphs, measure_pdf(pdf)


GRID_PITCH_MM = spec.PAGE.type_height / spec.PAGE.lines
BODY_LINE_MAX_MM = spec.PAGE.body_size_pt * spec.MM_PER_PT * 1.5  # a 3号 line (box ≈ 1.3 em)

def grid_slot(line) -> float:
    """Where a line's glyph box ends, in grid lines from the top of the type area."""
    return (line.bottom_mm - spec.PAGE.top) / GRID_PITCH_MM


def assert_22_line_grid(layout) -> None:
    """Every 3号 line sits on the 22-line grid and every full page is filled to line 22.

    Counting grid lines instead of text lines counts the blank lines under the title and
    above the 署名 as the space they take.
    """
    assert len(layout.pages) >= 2, "a scaffold should fill more than one page"
    for page in layout.pages:
        body = [line for line in page.body_lines if line.height_mm < BODY_LINE_MAX_MM]
        fractions = [grid_slot(line) % 1 for line in body]
        assert max(fractions) - min(fractions) < 0.1, f"page {page.index + 1} is off the grid"
        # a full page in pdfmeasure's sense: not the last, not one that ends early because
        # the 落款 chain or the headings opening the next page keep with what follows
        if layout.is_full_page(page.index):
            last = max(grid_slot(line) for line in page.body_lines)
            assert int(last) + 1 == spec.PAGE.lines, f"page {page.index + 1} ends at {last:.2f}"


@pytest.mark.parametrize("key", KEYS)
def test_blank_scaffold_is_a_gbt9704_document_in_writer(office, tmp_path, key):
    paragraphs, layout = open_and_measure(office, new_docx(tmp_path, key))
    expected = render(load_scaffold(key))
    title = spec.style_name(Role.TITLE)  # its line breaks (§7.3.1) are layout, not text
    assert [(style, text.replace("\n", "") if style == title else text)
            for style, text in paragraphs] == [(spec.style_name(p.role), p.text) for p in expected]
    if key in DOCUMENT_KEYS:  # a one-page 通知 … with 版头 and 版记: test_wholedoc measures it
        return
    assert_22_line_grid(layout)
    assert check_gbt9704(layout) == []


def test_filled_scaffold_is_a_gbt9704_document_in_writer(office, tmp_path):
    flags = [part for name, value in VALUES.items() for part in (f"--{name}", value)]
    paragraphs, layout = open_and_measure(office, new_docx(tmp_path, "personal", *flags))
    texts = [text for _, text in paragraphs]
    assert texts[0] == "2025年度个人述职报告"
    assert texts[-2:] == ["述职人：张三", "2026年1月9日"]
    assert_22_line_grid(layout)
    assert check_gbt9704(layout) == []
