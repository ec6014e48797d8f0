"""One engine, two paths: the Writer button and the CLI (its output opened in Writer) give
the same pages — page count, the text of every line of every page, and every paragraph's
properties — on the samples, a 通知 with every heading level, and a Word-made file whose
footer holds text and a page field.

The one documented difference: none left in Writer. (Word reads the 落款 without Asian/
Western autospacing from the .docx; Writer cannot, so both Writer paths autospace.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

import docx
import docx.enum.text
import docx.shared
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from gongwen import cli
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf

SAMPLES = ["xiangzhen-dangwei-shuji-shuzhi.txt", "xian-jiaoyuju-niandu-zongjie.txt"]

NOTICE = [
    "XX县人民政府办公室关于做好2025年度安全生产工作的通知",
    "各乡镇人民政府，县直各单位：",
    "为切实做好我县2025年度安全生产工作，现将有关事项通知如下：",
    "一、总体要求",
    "坚持人民至上、生命至上，全面落实安全生产责任制，坚决防范和遏制重特大事故发生。",
    "（一）压实责任",
    "各单位主要负责人是本单位安全生产第一责任人，要亲自部署、亲自检查，确保责任落实到岗到人。",
    "1.明确分工",
    "分管负责人要对分管领域安全生产工作负直接领导责任，做到管业务必须管安全。",
    "（1）建立清单",
    "各单位要建立安全生产责任清单，于2025年3月31日前报县安委办备案，逾期未报的予以通报。",
    "（2）定期调度",
    "每季度召开一次安全生产工作会议，研究解决突出问题，形成“发现—整改—复查”的闭环机制。",
    "二、工作措施",
    "开展“安全生产月”活动，组织应急演练不少于X次，覆盖全县XX个重点单位和XXX名从业人员。",
    "",
    "附件：1.2025年度安全生产责任清单",
    "2.安全生产检查记录表",
    "",
    "XX县人民政府办公室",
    "2025年1月15日",
]


# A red head as real .doc files carry it (issue 20): the agency red 小初 centred with no 文件
# and no 发文字号, a two-line title in 2号 centred, the 主送 under it; roles come from looks.
RED_HEAD = [
    ("合肥工业大学", 36, 0xFF0000, True),
    ("关于印发《合肥工业大学本科生", 22, None, True),
    ("转专业管理办法》的通知", 22, None, True),
    ("各学院、各部门：", 16, None, False),
    ("现将《合肥工业大学本科生转专业管理办法》印发给你们，请遵照执行。", 16, None, False),
    ("合肥工业大学", 16, None, False),
    ("2020年4月27日", 16, None, False),
]


def _red_head(folder: Path) -> Path:
    document = docx.Document()
    for text, size, colour, centred in RED_HEAD:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = docx.shared.Pt(size)
        if colour is not None:
            run.font.color.rgb = docx.shared.RGBColor.from_string(f"{colour:06X}")
        if centred:
            paragraph.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    path = folder / "red-head.docx"
    document.save(str(path))
    return path


def _docx_of(lines: List[str], folder: Path, name: str) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = folder / name
    document.save(str(path))
    return path


def _field(paragraph, instruction: str, shown: str) -> None:
    for kind in ("begin", None, "separate"):
        run = paragraph.add_run()
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
    paragraph.add_run(shown)
    run = paragraph.add_run()
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), "end")
    run._r.append(element)


def _word_file(samples_dir: Path, folder: Path) -> Path:
    """As Word writes a report with a footer: a two-cell table "unit | 第 PAGE 页"."""
    lines = (samples_dir / SAMPLES[1]).read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    footer = document.sections[0].footer
    table = footer.add_table(1, 2, width=docx.shared.Cm(15))
    table.cell(0, 0).paragraphs[0].add_run("XX县政协办公室 内部资料")
    cell = table.cell(0, 1).paragraphs[0]
    cell.add_run("第 ")
    _field(cell, "PAGE", "1")
    cell.add_run(" 页")
    path = folder / "word-footer.docx"
    document.save(str(path))
    return path


def _inputs(name: str, samples_dir: Path, folder: Path) -> Path:
    if name in SAMPLES:
        lines = (samples_dir / name).read_text(encoding="utf-8").splitlines()
        return _docx_of(lines, folder, Path(name).stem + ".docx")
    if name == "notice":
        return _docx_of(NOTICE, folder, "notice.docx")
    if name == "red-head":
        return _red_head(folder)
    if name == "word-styles":
        return _word_styles(folder)
    return _word_file(samples_dir, folder)


# A 述职报告 in Word's own heading styles, Heading 1 and Heading 2 alike in size and weight (a
# real 转正述职报告, sixth pass): both paths take the level from the style's name.
WORD_STYLES = [
    ("转正述职报告", None), ("工作情况", "Heading 1"),
    ("在试用期里我遵守公司的各项规章制度，积极完成领导交办的各项工作，也学到了很多。", None),
    ("工作方针", "Heading 2"),
    ("从最基础的工作方针和5S做起，一步一步做好本职工作，得到了同事们的认可和帮助。", None),
    ("未来规划", "Heading 1"),
    ("我会继续学习，争取早日独当一面，为公司多做贡献，不辜负领导和同事们的期望。", None),
]


def _word_styles(folder: Path) -> Path:
    document = docx.Document()
    for style in ("Heading 1", "Heading 2"):
        document.styles[style].font.size = docx.shared.Pt(13)
        document.styles[style].font.bold = True
    for text, style in WORD_STYLES:
        paragraph = document.add_paragraph(text, style=style)
        if style is None and text.endswith("报告"):
            paragraph.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    path = folder / "word-styles.docx"
    document.save(str(path))
    return path


PARAGRAPH_PROPERTIES = (
    "ParaStyleName", "CharFontName", "CharFontNameAsian", "CharHeight", "CharHeightAsian",
    "CharWeight", "ParaAdjust", "ParaFirstLineIndent", "ParaLeftMargin", "ParaRightMargin",
    "ParaTopMargin", "ParaBottomMargin", "CharKerning", "SnapToGrid", "ParaKeepTogether",
)


def _paragraph_properties(document) -> List[Tuple]:
    rows = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if not paragraph.supportsService("com.sun.star.text.Paragraph"):
            continue
        spacing = paragraph.ParaLineSpacing
        values = tuple(paragraph.getPropertyValue(name) for name in PARAGRAPH_PROPERTIES)
        rows.append((paragraph.getString(),) + values + ((spacing.Mode, spacing.Height),))
    return rows


def _pages(pdf: Path) -> List[List[str]]:
    layout = measure_pdf(pdf)
    return [[line.compact_text for line in page.body_lines]
            + ([page.page_number.text.replace(" ", "")] if page.page_number else [])
            + [line.compact_text for line in page.footer_lines]
            for page in layout.pages]


def _button(office, source: Path, folder: Path) -> Tuple[List[Tuple], Path]:
    document = office.open(source)
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        return _paragraph_properties(document), office.export_pdf(document, folder / "button.pdf")
    finally:
        office.close(document)


def _cli(office, source: Path, folder: Path) -> Tuple[List[Tuple], Path]:
    out = folder / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    document = office.open(out)
    try:
        return _paragraph_properties(document), office.export_pdf(document, folder / "cli.pdf")
    finally:
        office.close(document)


def _differences(button: List[Tuple], from_cli: List[Tuple]) -> Dict[str, List[str]]:
    names = ("text",) + PARAGRAPH_PROPERTIES + ("ParaLineSpacing",)
    found: Dict[str, List[str]] = {}
    for number, (a, b) in enumerate(zip(button, from_cli)):
        for name, x, y in zip(names, a, b):
            if x != y:
                found.setdefault(name, []).append(f"¶{number} {a[0][:12]!r}: {x!r} ≠ {y!r}")
    return found


@pytest.mark.parametrize("name", SAMPLES + ["notice", "word-footer", "red-head", "word-styles"])
def test_the_button_and_the_cli_give_the_same_pages(office, samples_dir: Path, tmp_path: Path,
                                                    name: str):
    source = _inputs(name, samples_dir, tmp_path)
    button_rows, button_pdf = _button(office, source, tmp_path)
    cli_rows, cli_pdf = _cli(office, source, tmp_path)
    assert len(button_rows) == len(cli_rows)
    assert _differences(button_rows, cli_rows) == {}
    button_pages, cli_pages = _pages(button_pdf), _pages(cli_pdf)
    assert len(button_pages) == len(cli_pages)
    for number, (a, b) in enumerate(zip(button_pages, cli_pages), 1):
        assert a == b, f"page {number}"
    if name in SAMPLES:  # long enough to have full pages and lines to count
        assert check_gbt9704(measure_pdf(cli_pdf)) == []
    if name == "red-head":  # both read the looks: 发文机关标志, a two-line title, 主送
        assert [row[1] for row in button_rows[:4]] == [
            "公文发文机关标志", "公文标题", "公文标题", "公文主送"]
    if name == "word-styles":  # the level from Word's style name, in both paths
        assert [row[1] for row in button_rows[1:6:2]] == [
            "公文一级标题", "公文二级标题", "公文一级标题"]


def test_a_footer_with_text_keeps_it_under_one_number_per_page(office, samples_dir: Path,
                                                                tmp_path: Path):
    """Both paths keep the author's "XX县政协办公室 内部资料" under the page number, show
    exactly one — N — per page, 7 mm under the full 22-line type area; the button says what
    it kept, and so does the CLI."""
    source = _word_file(samples_dir, tmp_path)
    document = office.open(source)
    try:
        result = office.dispatch(document, "vnd.gongwen:Format")
        assert result.ok and "Other footer text kept" in result.message
        button_pdf = office.export_pdf(document, tmp_path / "button.pdf")
    finally:
        office.close(document)
    out = tmp_path / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out), "--json"]) == 0
    cli_pdf = _export(office, out, tmp_path)
    type_area_bottom = 297 - 35
    for pdf in (button_pdf, cli_pdf):
        layout = measure_pdf(pdf)
        for page in layout.pages:
            assert [line.compact_text for line in page.footer_lines] == ["XX县政协办公室内部资料"]
            texts = [line.compact_text for line in page.body_lines]
            assert not any("第" in text and "页" in text for text in texts)
            number = page.page_number
            assert number is not None and number.number == page.index + 1, (pdf.name, page)
            assert 6 <= number.top_mm - type_area_bottom <= 8, (pdf.name, page.index)
        assert check_gbt9704(layout) == [], pdf.name


def _export(office, path: Path, folder: Path) -> Path:
    document = office.open(path)
    try:
        return office.export_pdf(document, folder / (path.stem + "-opened.pdf"))
    finally:
        office.close(document)


def test_the_red_head_formats_once_for_all_in_writer(office, tmp_path: Path):
    """After Format the red head carries the 公文 looks and styles: a second Format reads
    them and gives every paragraph the same style and properties (idempotent)."""
    document = office.open(_red_head(tmp_path))
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        once = _paragraph_properties(document)
        assert [row[1] for row in once[:4]] == [
            "公文发文机关标志", "公文标题", "公文标题", "公文主送"]
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        assert _paragraph_properties(document) == once
    finally:
        office.close(document)


# --- looks the author pasted: one rule (layout.INHERITED_LOOKS) in both paths ---------------

LOOKS_NOTICE = ["青山县人民政府关于做好2024年防汛工作的通知", "各乡镇人民政府，县直各单位：",
                "为切实做好今年防汛工作，现将有关事项通知如下。",
                "各单位要高度重视防汛工作，落实责任。", "特此通知。", "青山县人民政府",
                "2024年5月10日"]
TITLE, PASTED, EMPHASIS = 0, 2, 3


def _looks_file(folder: Path) -> Path:
    """The author's bold title, a body paragraph pasted bold and italic as a whole, and a
    bold phrase inside a sentence (emphasis)."""
    document = docx.Document()
    for number, line in enumerate(LOOKS_NOTICE):
        paragraph = document.add_paragraph()
        if number == EMPHASIS:
            paragraph.add_run(line[:3]).bold = True
            paragraph.add_run(line[3:])
            continue
        run = paragraph.add_run(line)
        run.bold = number in (TITLE, PASTED)
        run.italic = number == PASTED
    path = folder / "looks.docx"
    document.save(str(path))
    return path


def _weights(document) -> List[Tuple[str, float, float, str]]:
    rows = []
    for paragraph in _body(document):
        portion = paragraph.createEnumeration().nextElement()
        rows.append((paragraph.getString(), portion.CharWeightAsian, portion.CharWeight,
                     portion.CharPostureAsian.value))
    return rows


def _body(document) -> List[object]:
    found = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            found.append(element)
    return found


def test_a_look_over_a_whole_paragraph_goes_in_both_paths_and_emphasis_stays(office,
                                                                             tmp_path: Path):
    """The bold title takes its style's weight, the pasted bold+italic paragraph the body's
    look, the bold phrase stays: the same in the button's document and the CLI's; and the
    checker finds nothing about weight after either."""
    from gongwen import layout, presets
    from gongwen.cli.lint import lint_document
    from gongwen.writer import checkformat

    source = _looks_file(tmp_path)
    document = office.open(source)
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        button = _weights(document)
        settings = layout.settings_from(presets.resolve(None).data)
        in_writer = checkformat.format_problems(
            document, settings, "en-US", installed=set()).problems
    finally:
        office.close(document)
    out = tmp_path / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    document = office.open(out)
    try:
        from_cli = _weights(document)
    finally:
        office.close(document)
    assert button == from_cli
    normal, bold = 100.0, 150.0
    assert button[TITLE][1:] == (normal, normal, "NONE")
    assert button[PASTED][1:] == (normal, normal, "NONE")
    assert button[EMPHASIS][1] >= bold  # 青山县 in bold: the author's emphasis
    assert not [p for p in in_writer if p.code in ("font", "size")], in_writer
    assert not [p for p in lint_document(out) if p.code in ("font", "size")]


# --- a .txt with a line of one space between paragraphs (as the State Council's reports) ----

SPACED_REPORT = ["政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
                 "各位代表：",
                 "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。",
                 "一、2023年工作回顾",
                 "过去一年是全面贯彻党的二十大精神的开局之年，是三年新冠疫情防控转段后经济恢复发展的一年。"]


def _styles(document) -> List[Tuple[str, str]]:
    return [(p.getString(), p.ParaStyleName) for p in _body(document) if p.getString().strip()]


def test_a_txt_spaced_with_lines_of_one_space_gets_the_same_roles_in_both_paths(office,
                                                                               tmp_path: Path):
    """Writer keeps the lines of one space as paragraphs, the CLI's .txt reader drops them:
    both read them as separators (layout.classify), so 各位代表： is the 主送 in both."""
    from gongwen.spec import Role, style_name

    source = tmp_path / "report.txt"
    source.write_text("\n \n".join(SPACED_REPORT) + "\n", encoding="utf-8")
    document = office.load_text(source)
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        button = _styles(document)
    finally:
        office.close(document)
    out = tmp_path / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    document = office.open(out)
    try:
        from_cli = _styles(document)
    finally:
        office.close(document)
    assert button == from_cli
    assert dict(button)["各位代表："] == style_name(Role.ADDRESSEE)
    assert dict(button)["政府工作报告"] == style_name(Role.TITLE)


# --- lint --preset on a PDF: the checker expects the page the preset's plan makes ----------

HOUSE = Path(__file__).resolve().parents[2] / "docs" / "presets" / "example-house.json"


@pytest.mark.parametrize("ref", ["fixed-28pt", str(HOUSE)])
def test_a_pdf_made_with_a_preset_passes_lint_with_that_preset(office, samples_dir: Path,
                                                               tmp_path: Path, ref: str):
    """The house style (other margins, fixed 29 pt lines, ``- N -`` centred) and the
    fixed-28pt preset, through the button and the CLI: `lint --preset` finds nothing on
    either PDF, while the GB/T 9704 lint finds the house style's differences."""
    from gongwen.cli.lint import lint_file
    from gongwen.layout import settings_from
    from gongwen.pdf.pdfmeasure import expected_from
    from gongwen.presets import resolve

    source = _inputs(SAMPLES[1], samples_dir, tmp_path)
    document = office.open(source)
    try:
        assert office.dispatch(document, f"vnd.gongwen:Format?preset={ref}").ok
        button_pdf = office.export_pdf(document, tmp_path / "button.pdf")
    finally:
        office.close(document)
    out = tmp_path / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out), "--preset", ref]) == 0
    cli_pdf = _export(office, out, tmp_path)
    settings = settings_from(resolve(ref).data)
    for pdf in (button_pdf, cli_pdf):
        assert lint_file(pdf, settings=settings) == [], pdf.name
        assert check_gbt9704(measure_pdf(pdf, expected_from(settings))) == [], pdf.name
        if ref == str(HOUSE):  # its margins and number are not GB/T 9704's (fixed-28pt
            standard = [p.code for p in lint_file(pdf)]  # sets 22 lines as the grid does)
            assert len(standard) > 10 and set(standard) == {"page"}, pdf.name
    status = cli.main(["lint", "--preset", ref, str(cli_pdf)])
    assert status == 0
