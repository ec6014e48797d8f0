"""The whole 公文 (issue 12), measured in the PDFs of both paths: the Writer button and the
CLI's .docx opened in Writer. A 通知 with 份号, 密级, 紧急程度, the red 发文机关标志, 发文字号,
two attachments and a 版记; a 请示 whose 发文字号 and 签发人 share a line.

Positions are in mm from the page's top-left corner. The type area is 37 mm down, 28 mm in,
156 × 225 mm. The PDFs are exported with the empty pages Writer inserts before a left page
(as printing has them), so page numbers in the PDF are the document's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import docx
import pytest

from gongwen import cli
from gongwen.pdf.pdfmeasure import Line, measure_pdf
from rig.raster import red_top_mm, rules

NOTICE = [
    "000123",
    "机密★1年",
    "特急",
    "XX县人民政府文件",
    "X政发〔2025〕3号",
    "XX县人民政府关于做好2025年度安全生产工作的通知",
    "各乡镇人民政府，县直各单位：",
    "为切实做好我县2025年度安全生产工作，现将有关事项通知如下：",
    "一、总体要求",
    "坚持人民至上、生命至上，全面落实安全生产责任制，坚决防范和遏制重特大事故发生。",
    "二、工作措施",
    "开展“安全生产月”活动，组织应急演练不少于X次，覆盖全县XX个重点单位。",
    "",
    "附件：1.2025年度安全生产责任清单",
    "2.安全生产检查记录表",
    "",
    "XX县人民政府",
    "2025年1月15日",
    "（此件公开发布）",
    "附件1",
    "",
    "2025年度安全生产责任清单",
    "各乡镇人民政府负责本辖区安全生产工作，县直各部门负责本行业领域安全生产工作。",
    "附件2",
    "",
    "安全生产检查记录表",
    "检查单位、检查时间、检查内容、发现问题、整改情况。",
    "抄送：县委各部门，县人大常委会办公室，县政协办公室。",
    "XX县人民政府办公室　　　　　2025年1月15日印发",
]

REQUEST = [
    "XX县教育局文件",
    "X教发〔2024〕5号　　　　　　　　签发人：张三",
    "XX县教育局关于申请XX中学教学楼维修资金的请示",
    "县人民政府：",
    "XX中学教学楼建于1998年，经鉴定为C级危房，现申请维修资金XXX万元。",
    "妥否，请批示。",
    "",
    "XX县教育局",
    "2024年3月5日",
]

TYPE_TOP, TYPE_LEFT, TYPE_RIGHT, TYPE_BOTTOM = 37.0, 28.0, 184.0, 262.0
PITCH_MM = 225 / 22


def _docx_of(lines: List[str], path: Path) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def both_paths(office, lines: List[str], folder: Path, layout: str = "") -> Dict[str, Path]:
    """The PDFs of the button and of the CLI's .docx for the same paragraphs (``layout``:
    a special format asked for, ``letter`` or ``minutes``)."""
    source = _docx_of(lines, folder / "source.docx")
    document = office.open(source)
    try:
        url = "vnd.gongwen:Format" + (f"?layout={layout}" if layout else "")
        assert office.dispatch(document, url).ok
        button = office.export_pdf(document, folder / "button.pdf", blank_pages=True)
    finally:
        office.close(document)
    out = folder / "cli.docx"
    extra = ["--layout", layout] if layout else []
    assert cli.main(["format", str(source), "-o", str(out), *extra]) == 0
    document = office.open(out)
    try:
        from_cli = office.export_pdf(document, folder / "cli.pdf", blank_pages=True)
    finally:
        office.close(document)
    return {"button": button, "cli": from_cli}


@pytest.fixture(scope="module")
def notice_pdfs(office, tmp_path_factory) -> Dict[str, Path]:
    return both_paths(office, NOTICE, tmp_path_factory.mktemp("notice"))


@pytest.fixture(scope="module")
def request_pdfs(office, tmp_path_factory) -> Dict[str, Path]:
    return both_paths(office, REQUEST, tmp_path_factory.mktemp("request"))


PATHS = ["button", "cli"]


def _line(lines: List[Line], start: str) -> Line:
    return next(line for line in lines if line.compact_text.startswith(start))


@pytest.mark.parametrize("path", PATHS)
def test_the_issuer_is_red_with_its_top_35_mm_under_the_type_area(notice_pdfs, path):
    top = red_top_mm(notice_pdfs[path], 1)
    assert top is not None and abs(top - (TYPE_TOP + 35)) <= 0.8, top
    issuer = _line(measure_pdf(notice_pdfs[path]).pages[0].body_lines, "XX县人民政府文件")
    assert abs((issuer.x_left_mm + issuer.x_right_mm) / 2 - 106) < 1  # centred


@pytest.mark.parametrize("path", PATHS)
def test_a_red_rule_the_type_width_runs_4_mm_under_the_doc_number(notice_pdfs, path):
    page = measure_pdf(notice_pdfs[path]).pages[0]
    number = _line(page.body_lines, "X政发〔2025〕3号")
    issuer = _line(page.body_lines, "XX县人民政府文件")
    title = _line(page.body_lines, "XX县人民政府关于")
    assert abs((number.x_left_mm + number.x_right_mm) / 2 - 106) < 1  # centred
    # two lines under the 发文机关标志: its box ends two grid lines and a bit above
    assert 2 * PITCH_MM <= number.top_mm - issuer.bottom_mm <= 2.6 * PITCH_MM
    red = rules(notice_pdfs[path], 1, red=True)
    assert len(red) == 1, red
    rule = red[0]
    assert abs(rule.left_mm - TYPE_LEFT) < 0.5 and abs(rule.right_mm - TYPE_RIGHT) < 0.5
    assert 0.2 <= rule.thickness_mm <= 0.5
    # 4 mm under the characters (whose box reaches about 0.7 mm under the ink)
    assert 2.8 <= rule.top_mm - number.bottom_mm <= 4.2, (rule, number)
    # the title two lines under the rule
    assert 2 * PITCH_MM - 1 <= title.top_mm - rule.bottom_mm <= 2 * PITCH_MM + 2


@pytest.mark.parametrize("path", PATHS)
def test_each_attachment_starts_a_page_top_left_with_its_title_on_line_3(notice_pdfs, path):
    layout = measure_pdf(notice_pdfs[path])
    starts = [page for page in layout.pages
              if page.body_lines and page.body_lines[0].compact_text in ("附件1", "附件2")]
    assert [page.body_lines[0].compact_text for page in starts] == ["附件1", "附件2"]
    for page in starts:
        mark, title = page.body_lines[0], page.body_lines[1]
        assert abs(mark.x_left_mm - TYPE_LEFT) < 0.5
        assert TYPE_TOP <= mark.top_mm < TYPE_TOP + PITCH_MM
        assert TYPE_TOP + 2 * PITCH_MM <= title.top_mm < TYPE_TOP + 3 * PITCH_MM
        assert abs((title.x_left_mm + title.x_right_mm) / 2 - 106) < 1
        # page numbers run on
        assert page.page_number is not None and page.page_number.number == page.index + 1


# The notice without its second attachment: the text ends on page 3 (odd), so the 版记
# takes page 4 of its own.
ODD_END = NOTICE[:23] + NOTICE[-2:]


@pytest.fixture(scope="module")
def odd_end_pdfs(office, tmp_path_factory) -> Dict[str, Path]:
    return both_paths(office, ODD_END, tmp_path_factory.mktemp("odd-end"))


@pytest.mark.parametrize("path", PATHS)
def test_the_record_ends_an_even_page_at_the_foot_without_page_numbers(odd_end_pdfs, path):
    """The text ends on an odd page: the 版记 has the next (even) page to itself, without
    a page number (§7.4, §7.5)."""
    notice_pdfs = odd_end_pdfs
    layout = measure_pdf(notice_pdfs[path])
    last = layout.pages[-1]
    assert len(layout.pages) == 4
    assert last.page_number is None
    texts = [line.compact_text for line in last.body_lines]
    assert texts[0].startswith("抄送：") and texts[-1].endswith("印发"), texts
    before = layout.pages[-2]
    if not before.body_lines:  # an inserted blank page carries no number either
        assert before.page_number is None
    found = rules(notice_pdfs[path], len(layout.pages))
    assert len(found) == 3, found
    for rule in found:
        assert abs(rule.left_mm - TYPE_LEFT) < 0.5 and abs(rule.right_mm - TYPE_RIGHT) < 0.5
    first, middle, end = found
    assert first.thickness_mm > middle.thickness_mm < end.thickness_mm
    assert abs(end.bottom_mm - TYPE_BOTTOM) <= 1.5, end
    cc = _line(last.body_lines, "抄送")
    imprint = last.body_lines[-1]
    assert first.bottom_mm <= cc.top_mm and cc.bottom_mm <= middle.top_mm
    assert middle.bottom_mm <= imprint.top_mm and imprint.bottom_mm <= end.top_mm
    # 4号: a line box 14/16 of a 3号 body line's
    body = _line(layout.pages[0].body_lines, "各乡镇人民政府")
    assert abs(cc.height_mm / body.height_mm * 16 - 14) < 0.4
    # 1 character in on each side: 印发机关 left, 印发日期 right
    char = 14 * 25.4 / 72
    assert abs(cc.x_left_mm - (TYPE_LEFT + char)) < 0.5
    assert abs(imprint.x_left_mm - (TYPE_LEFT + char)) < 0.5
    assert abs(imprint.x_right_mm - (TYPE_RIGHT - char)) < 0.8


LONG_CC = ("抄送：县委各部门，县人大常委会办公室，县政协办公室，县法院，县检察院，县人武部，"
           "各人民团体，各新闻单位。")


@pytest.fixture(scope="module")
def long_cc_pdfs(office, tmp_path_factory) -> Dict[str, Path]:
    return both_paths(office, NOTICE[:-2] + [LONG_CC, NOTICE[-1]],
                      tmp_path_factory.mktemp("long-cc"))


@pytest.mark.parametrize("path", PATHS)
def test_every_record_rule_spans_the_type_area_over_a_hanging_cc(long_cc_pdfs, path):
    """§7.4.1: the first rule over a 抄送 that wraps (its lines hang after the colon) runs
    28–184 mm like the others, the text keeping its indents (measured before: 33–179)."""
    layout = measure_pdf(long_cc_pdfs[path])
    found = rules(long_cc_pdfs[path], len(layout.pages))
    assert len(found) == 3, found
    for rule in found:
        assert abs(rule.left_mm - TYPE_LEFT) < 0.5 and abs(rule.right_mm - TYPE_RIGHT) < 0.5
    char = 14 * 25.4 / 72
    lines = layout.pages[-1].body_lines
    at = next(i for i, line in enumerate(lines) if line.compact_text.startswith("抄送"))
    cc, wrapped = lines[at:at + 2]
    assert cc.compact_text.startswith("抄送：")
    assert abs(cc.x_left_mm - (TYPE_LEFT + char)) < 0.5
    assert abs(wrapped.x_left_mm - (TYPE_LEFT + 4 * char)) < 0.5  # after 抄送：


SHARING = NOTICE[:9] + ["坚持人民至上、生命至上，全面落实安全生产责任制，坚决防范和遏制重特大事故"
                         "发生。" * 3] * 9 + NOTICE[10:12] + ["", "XX县人民政府", "2025年1月15日"] \
    + NOTICE[-2:]


@pytest.fixture(scope="module")
def sharing_pdfs(office, tmp_path_factory) -> Dict[str, Path]:
    return both_paths(office, SHARING, tmp_path_factory.mktemp("sharing"))


@pytest.mark.parametrize("path", PATHS)
def test_the_notice_s_record_shares_its_last_attachment_s_even_page(notice_pdfs, path):
    layout = measure_pdf(notice_pdfs[path])
    assert len(layout.pages) == 4
    texts = [line.compact_text for line in layout.pages[-1].body_lines]
    assert texts[0] == "附件2" and texts[-2].startswith("抄送："), texts
    found = rules(notice_pdfs[path], 4)
    assert len(found) == 3 and abs(found[-1].bottom_mm - TYPE_BOTTOM) <= 1.5, found


@pytest.mark.parametrize("path", PATHS)
def test_the_record_shares_an_even_last_page_that_has_room(sharing_pdfs, path):
    """§7.4: the text ends on page 4 with room at its foot: the 版记 goes there (no sheet
    wasted: 4 pages, not 6), its last rule on the type area's bottom edge; the page keeps
    its number (no blank page before it, §7.5)."""
    layout = measure_pdf(sharing_pdfs[path])
    assert len(layout.pages) == 4, layout.lines_per_page()
    last = layout.pages[-1]
    texts = [line.compact_text for line in last.body_lines]
    assert "XX县人民政府" in texts and texts[-2].startswith("抄送："), texts
    assert last.page_number is not None and last.page_number.number == 4
    found = rules(sharing_pdfs[path], 4)
    assert len(found) == 3, found
    for rule in found:
        assert abs(rule.left_mm - TYPE_LEFT) < 0.5 and abs(rule.right_mm - TYPE_RIGHT) < 0.5
    assert abs(found[-1].bottom_mm - TYPE_BOTTOM) <= 1.5, found[-1]


def test_both_paths_give_the_same_lines(notice_pdfs):
    pages = {path: [[line.compact_text for line in page.body_lines]
                    for page in measure_pdf(pdf).pages] for path, pdf in notice_pdfs.items()}
    assert pages["button"] == pages["cli"]


@pytest.mark.parametrize("path", PATHS)
def test_an_upward_document_has_doc_number_left_and_signer_right_on_one_line(request_pdfs,
                                                                             path):
    page = measure_pdf(request_pdfs[path]).pages[0]
    line = _line(page.body_lines, "X教发〔2024〕5号")
    assert line.compact_text == "X教发〔2024〕5号签发人：张三"
    char = 16 * 25.4 / 72
    assert abs(line.x_left_mm - (TYPE_LEFT + char)) < 0.6
    assert abs(line.x_right_mm - (TYPE_RIGHT - char)) < 0.8
    red = rules(request_pdfs[path], 1, red=True)
    assert len(red) == 1 and 2.8 <= red[0].top_mm - line.bottom_mm <= 4.2


WHOLE_KEYS = ("BreakType", "PageDescName", "ParaTabStops", "BottomBorderDistance",
              "TopBorderDistance", "ParaFirstLineIndent", "ParaLeftMargin", "CharColor")


def _whole_fingerprint(document) -> tuple:
    from tests.integration.test_format_writer import fingerprint

    rows = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        values = [element.getPropertyValue(key) for key in WHOLE_KEYS]
        values[2] = tuple((stop.Position, stop.Alignment.value) for stop in values[2])
        values.append(element.BottomBorder.LineWidth)
        values.append(element.TopBorder.LineWidth)
        rows.append((element.getString(), str(values)))
    return (fingerprint(document), tuple(rows))


def test_the_button_twice_equals_once_and_one_undo_restores(office, tmp_path: Path):
    from tests.integration.test_format_writer import all_text

    document = office.open(_docx_of(NOTICE, tmp_path / "notice.docx"))
    try:
        before, text_before = _whole_fingerprint(document), all_text(document)
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        once = _whole_fingerprint(document)
        assert once != before
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        assert _whole_fingerprint(document) == once
        office.uno_dispatch(document, ".uno:Undo")
        office.uno_dispatch(document, ".uno:Undo")
        assert all_text(document) == text_before
        assert _whole_fingerprint(document) == before
    finally:
        office.close(document)


def test_the_cli_twice_equals_once(office, notice_pdfs, tmp_path: Path):
    once = notice_pdfs["cli"].with_suffix(".docx")
    twice = tmp_path / "twice.docx"
    assert cli.main(["format", str(once), "-o", str(twice)]) == 0
    document = office.open(twice)
    try:
        pdf = office.export_pdf(document, tmp_path / "twice.pdf", blank_pages=True)
    finally:
        office.close(document)
    lines = [[(line.compact_text, round(line.top_mm, 1), page.page_number is None)
              for line in page.body_lines] for page in measure_pdf(pdf).pages]
    expected = [[(line.compact_text, round(line.top_mm, 1), page.page_number is None)
                 for line in page.body_lines] for page in measure_pdf(notice_pdfs["cli"]).pages]
    assert lines == expected
