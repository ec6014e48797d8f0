"""Each built-in preset and a house style, through both paths, measured on the PDF: margins,
line pitch, characters per line, the page number's form and position — and the two paths
set the same lines. A plain 一键公文格式 after one with ``?preset=`` keeps that preset.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import List, NamedTuple

import docx
import pytest

from gongwen import cli, presets
from gongwen.pdf.pdfmeasure import PdfLayout, measure_pdf

ROOT = Path(__file__).resolve().parents[2]
HOUSE = ROOT / "docs" / "presets" / "example-house.json"
SAMPLE = "xian-jiaoyuju-niandu-zongjie.txt"
CJK_CHAR_MM = 16 * 25.4 / 72


class Measured(NamedTuple):
    left_mm: float
    right_mm: float
    top_mm: float
    pitch_pt: float
    chars: List[int]
    number_texts: List[str]
    number_centres_mm: List[float]
    number_gaps_mm: List[float]
    lines: List[List[str]]


def measure(pdf: Path) -> Measured:
    layout: PdfLayout = measure_pdf(pdf)
    full = layout.pages[1]  # page 2: no title, a full page
    starts = [line.x_left_mm for line in full.body_lines]
    pitches = [b.top_mm - a.top_mm for a, b in zip(full.body_lines, full.body_lines[1:])]
    full_lines = [line for page in layout.pages[:-1] for line in page.body_lines
                  if re.fullmatch(r"[\u4e00-\u9fff，。、；：“”（）《》]+", line.compact_text)
                  and line.x_left_mm < min(starts) + 1]
    bottom = max(line.bottom_mm for line in full.body_lines)
    assert full_lines, "no full CJK line to measure"
    return Measured(
        # the right edge most full lines end at (one hanging a comma ends past it)
        min(starts), statistics.median(line.x_right_mm for line in full_lines),
        min(line.top_mm for line in full.body_lines),
        statistics.median(pitches) / 25.4 * 72,
        [len(line.compact_text) for line in full_lines],
        [page.page_number.text.replace(" ", "") for page in layout.pages if page.page_number],
        [(page.page_number.x_left_mm + page.page_number.x_right_mm) / 2
         for page in layout.pages if page.page_number],
        [page.page_number.top_mm - bottom for page in layout.pages[:1] if page.page_number],
        [[line.compact_text for line in page.body_lines] for page in layout.pages])


def _source(samples_dir: Path, folder: Path) -> Path:
    document = docx.Document()
    for line in (samples_dir / SAMPLE).read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = folder / "report.docx"
    document.save(str(path))
    return path


def _button(office, source: Path, folder: Path, urls: List[str]) -> Path:
    document = office.open(source)
    try:
        for url in urls:
            assert office.dispatch(document, url).ok, url
        return office.export_pdf(document, folder / "button.pdf")
    finally:
        office.close(document)


def _cli(office, source: Path, folder: Path, ref: str) -> Path:
    out = folder / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out), "--preset", ref]) == 0
    document = office.open(out)
    try:
        return office.export_pdf(document, folder / "cli.pdf")
    finally:
        office.close(document)


@pytest.mark.parametrize("ref", ["gbt9704", "fixed-28pt", str(HOUSE)])
def test_a_preset_measures_as_it_says_through_both_paths(office, samples_dir: Path,
                                                         tmp_path: Path, ref: str):
    data = presets.resolve(ref).data
    page, number = data["page"], data["page_number"]
    source = _source(samples_dir, tmp_path)
    button = measure(_button(office, source, tmp_path, [f"vnd.gongwen:Format?preset={ref}"]))
    from_cli = measure(_cli(office, source, tmp_path, ref))
    assert button.lines == from_cli.lines  # the same text on every line of every page
    fixed = page["line_spacing"]["fixed_pt"] if isinstance(page["line_spacing"], dict) \
        else None
    type_height = page["height_mm"] - page["top_mm"] - page["bottom_mm"]
    pitch = fixed or type_height / page["lines"] / 25.4 * 72
    for measured in (button, from_cli):
        assert abs(measured.left_mm - page["left_mm"]) < 1.0
        assert abs(measured.right_mm - (page["width_mm"] - page["right_mm"])) < 1.5
        assert abs(measured.pitch_pt - pitch) < 0.3, (measured.pitch_pt, pitch)
        assert len(measured.chars) > 10
        assert statistics.mode(measured.chars) == page["chars_per_line"]
        form = number["format"].replace(" ", "")
        assert measured.number_texts == [form.replace("{n}", str(n))
                                         for n in range(1, len(measured.lines) + 1)]
        centre = page["left_mm"] + (page["width_mm"] - page["left_mm"] - page["right_mm"]) / 2
        if number["position"] == "center":
            assert all(abs(c - centre) < 1.5 for c in measured.number_centres_mm)
        else:  # outside: odd pages right of centre, even pages left
            sides = [c > centre for c in measured.number_centres_mm]
            assert sides == [n % 2 == 1 for n in range(1, len(sides) + 1)]


def test_a_plain_format_keeps_the_documents_preset(office, samples_dir: Path, tmp_path: Path):
    source = _source(samples_dir, tmp_path)
    once = measure(_button(office, source, tmp_path, [f"vnd.gongwen:Format?preset={HOUSE}"]))
    again = measure(_button(office, source, tmp_path, [f"vnd.gongwen:Format?preset={HOUSE}",
                                                        "vnd.gongwen:Format"]))
    assert again == once
    assert once.number_texts[0] == "-1-"
