"""lint's PDF checks that need no PDF: paper size, type sizes from pdftohtml's XML, the
one-a-page rule for lines outside the type area, and the document lint's stub."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import cli
from gongwen.pdf import pdfmeasure, pdfsizes
from gongwen.pdf.pdflint import first_per_page, paper_deviations
from gongwen.pdf.pdfmeasure import Deviation, Line, Page, PageNumber, PdfLayout


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")


def pdf2xml(title_pt: float, body_pt: float, number_pt: float) -> str:
    """pdftohtml -xml -zoom 3: sizes in pixels of the zoom; a font is specified once."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<pdf2xml producer="poppler" version="22.12.0">
<page number="1" position="absolute" top="0" left="0" height="2525" width="1785">
  <fontspec id="0" size="{title_pt * 3:g}" family="A" color="#000000"/>
  <fontspec id="1" size="{body_pt * 3:g}" family="B" color="#000000"/>
  <fontspec id="2" size="{number_pt * 3:g}" family="C" color="#000000"/>
<text top="300" left="400" width="900" height="80" font="0">县政协机关年度工作总结</text>
<text top="450" left="335" width="1320" height="62" font="1">一年来在政协党组的领导下</text>
<text top="520" left="240" width="1320" height="62" font="1">团结和带领各族各界人士和政协委员</text>
<text top="2280" left="1380" width="150" height="50" font="2">— 1 —</text>
</page>
<page number="2" position="absolute" top="0" left="0" height="2525" width="1785">
<text top="335" left="240" width="1320" height="62" font="1">政府中心工作坚持以党建为统领</text>
</page>
</pdf2xml>"""


def layout_with_page_number() -> PdfLayout:
    number = PageNumber("— 1 —", 1, 163.0, 179.0, 268.3)
    return PdfLayout([Page(0, 210.0, 297.0, [], number), Page(1, 210.0, 297.0, [], None)])


def test_sizes_in_the_pdf_are_read_per_run_with_fonts_named_once():
    runs = pdfsizes.parse_pdf2xml(pdf2xml(22, 16, 14))
    assert [(r.page, r.size_pt) for r in runs] == [(0, 22), (0, 16), (0, 16), (0, 14), (1, 16)]
    assert pdfsizes.size_deviations(layout_with_page_number(), runs) == []


def test_wrong_title_body_and_page_number_sizes_are_size_problems():
    runs = pdfsizes.parse_pdf2xml(pdf2xml(18, 12, 10.5))
    found = pdfsizes.size_deviations(layout_with_page_number(), runs)
    assert [(d.code, d.key) for d in found] == [
        ("size", "pdf_size_body"), ("size", "pdf_size_title"), ("size", "pdf_size_page_number")]
    assert [d.message() for d in found] == [
        "body text is 12 pt (小四), not 16 pt (三号)",
        "the title is 18 pt (小二), not 22 pt (二号)",
        "page 1: page number is 10.5 pt (五号), not 14 pt (四号)"]
    # a Chinese user reads 字号, not 磅
    assert [d.message("zh-CN") for d in found] == [
        "正文字号为小四，应为三号", "标题字号为小二，应为二号", "第 1 页：页码字号为五号，应为四号"]


def test_a_letter_page_is_not_a4():
    layout = PdfLayout([Page(0, 215.9, 279.4, [], None), Page(1, 210.0, 297.0, [], None)])
    found = paper_deviations(layout)
    assert [(d.code, d.page, d.message()) for d in found] == [
        ("page", 0, "page 1: paper is 215.9 × 279.4 mm, not 210 × 297 mm")]


def test_lines_outside_the_type_area_are_reported_once_a_page():
    line = Line("正文", 20.0, 190.0, 20.0, 25.0)
    found = [Deviation("page", page, index, "pdf_line_outside",
                       dict(left=20.0, right=190.0, top=20.0, bottom=25.0, text="正文"))
             for page in (0, 1) for index in range(3)]
    found.append(Deviation("page", 1, 2, "pdf_line_chars",
                           dict(count=27, expected=28, text=line.compact_text)))
    kept = first_per_page(found)
    assert [(d.page, d.line, d.key) for d in kept] == [
        (0, 0, "pdf_line_outside"), (1, 0, "pdf_line_outside"), (1, 2, "pdf_line_chars")]


def test_lint_of_a_document_goes_to_the_format_checker(tmp_path: Path, capsys):
    # Documents are no longer refused (issue 13): test_lint_documents.py has the rules.
    report = tmp_path / "report.txt"
    report.write_text("完成任务,效果好。", encoding="utf-8")
    assert cli.main(["lint", str(report)]) == 1
    out, err = capsys.readouterr()
    assert err == "" and ": punctuation: " in out


def test_a_red_agency_mark_above_the_title_is_not_the_title():
    """A formatted 通知: the red 发文机关标志 (larger than 2号 by design) heads page 1."""
    xml = pdf2xml(22, 16, 14).replace(
        '<text top="300"',
        '<fontspec id="9" size="108" family="D" color="#ff0000"/>\n'
        '<text top="120" left="300" width="1100" height="110" font="9">青山县人民政府文件</text>\n'
        '<text top="300"')
    runs = pdfsizes.parse_pdf2xml(xml)
    assert runs[0].color == "#ff0000" and runs[0].size_pt == 36
    assert pdfsizes.size_deviations(layout_with_page_number(), runs) == []


# --- lint --preset: the PDF judged by the preset's plan (issue 19) ----------------------------

HOUSE = Path(__file__).resolve().parents[2] / "docs" / "presets" / "example-house.json"


def expected_of(ref: str) -> pdfmeasure.Expected:
    from gongwen import layout, presets

    return pdfmeasure.expected_from(layout.settings_from(presets.resolve(ref).data))


def test_the_expectations_are_the_presets_plan():
    standard = pdfmeasure.GBT9704
    assert (standard.type_left, standard.type_right, standard.type_top,
            standard.type_bottom) == (28, 184, 37, 262)
    assert standard.lines == 22 and standard.page.chars_per_line == 28
    assert (standard.body_size_pt, standard.title_size_pt) == (16, 22)
    house = expected_of(str(HOUSE))
    assert (house.type_left, house.type_right, house.type_top, house.type_bottom) == \
        (27, 185, 35, 267)
    assert not house.page.grid and abs(house.line_pitch_mm - 29 * 25.4 / 72) < 1e-9
    assert house.lines == int(232 / (29 * 25.4 / 72))  # as many fixed lines as fit: 22
    assert expected_of("fixed-28pt").lines == 22


@pytest.mark.parametrize("form, shown, number", [
    ("— {n} —", "— 12 —", 12), ("— {n} —", "—12—", 12), ("— {n} —", "-3-", 3),
    ("- {n} -", "- 7 -", 7), ("- {n} -", "—7—", 7), ("第 {n} 页", "第 5 页", 5),
    ("第 {n} 页", "第5页", 5), ("{n}", "9", 9)])
def test_the_page_number_pattern_follows_the_presets_form(form, shown, number):
    page = pdfmeasure.GBT9704.page
    expected = pdfmeasure.Expected(
        page._replace(page_number=page.page_number._replace(format=form)), 16, 22)
    match = expected.number_pattern.match(shown)
    assert match and int(match.group(1)) == number
    assert not expected.number_pattern.match("第一章 总则")


def test_a_centred_number_is_right_for_a_centred_preset_and_wrong_for_gbt9704():
    house = expected_of(str(HOUSE))
    centre = (27 + 185) / 2
    pages = [Page(index, 210.0, 297.0, [], PageNumber(f"- {index + 1} -", index + 1,
                                                       centre - 6, centre + 6, 267 + 7))
             for index in range(2)]
    numbers = {"pdf_page_number_odd", "pdf_page_number_even", "pdf_page_number_centre",
               "pdf_page_number_top", "pdf_page_number_missing"}
    assert not {d.key for d in pdfmeasure.deviations(PdfLayout(pages, house))} & numbers
    keys = {d.key for d in pdfmeasure.deviations(PdfLayout(pages))}
    assert {"pdf_page_number_odd", "pdf_page_number_even"} <= keys
