"""信函格式 and 纪要格式 (issue 12, GB/T 9704 §10, §12), measured in the PDFs of both paths.

A 函 (its 发文字号 says 函) gets a red double rule under the agency name, thick over thin,
and one 20 mm above the paper's bottom edge, thin over thick, both 170 mm long and centred;
its first page carries no page number. ``layout=letter`` / ``--layout letter`` asks for it
whatever the text shows. A 纪要's 出席：/ 请假：/ 列席： labels are 3号黑体 (a character style).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Dict, List

import pytest

from gongwen import cli
from gongwen.pdf.pdfmeasure import Line, measure_pdf
from rig.raster import Rule, red_bottom_mm, red_top_mm, rules
from tests.integration.test_wholedoc import NOTICE, PATHS, _docx_of, both_paths

LETTER = [
    "XX县人民政府办公室",
    "X政办函〔2024〕5号",
    "关于商请支持XX工作的函",
    "XX市XX局：",
    "为做好XX工作，现商请贵局在以下方面给予支持。",
] + ["一是加强工作协调，明确责任分工，确保各项任务按期完成，形成工作合力。"] * 16 + [
    "特此函达。",
    "",
    "XX县人民政府办公室",
    "2024年3月1日",
]

MINUTES = [
    "XX县人民政府常务会议纪要",
    "第3期",
    "XX县人民政府办公室　　　　　　2024年3月5日",
    "2024年3月4日，县长XXX主持召开县人民政府第3次常务会议，研究了XX工作。",
    "会议认为，XX工作关系全县发展大局，必须抓紧抓实。",
    "出席：XXX、XXX、XXX、XXX、XXX、XXX、XXX、XXX、XXX、XXX、XXX、XXX、XXX",
    "请假：XXX",
    "列席：XXX、XXX",
]

PAGE_HEIGHT, CENTRE = 297.0, 106.0  # the type area's centre (28 mm in, 156 mm wide)
RULE_LENGTH = 170.0


@pytest.fixture(scope="module")
def letter_pdfs(office, tmp_path_factory) -> Dict[str, Path]:
    return both_paths(office, LETTER, tmp_path_factory.mktemp("letter"))


def _double_rules(pdf: Path) -> List[List[Rule]]:
    """The red rules of page 1 in pairs (a double rule is two runs of rows)."""
    red = rules(pdf, 1, red=True)
    assert len(red) == 4, red
    return [red[:2], red[2:]]


def _line(lines: List[Line], start: str) -> Line:
    return next(line for line in lines if line.compact_text.startswith(start))


@pytest.mark.parametrize("path", PATHS)
def test_a_letter_has_a_thick_over_thin_rule_4_mm_under_the_agency_name(letter_pdfs, path):
    (thick, thin), _ = _double_rules(letter_pdfs[path])
    for rule in (thick, thin):
        assert abs(rule.right_mm - rule.left_mm - RULE_LENGTH) < 0.6, rule
        assert abs((rule.left_mm + rule.right_mm) / 2 - CENTRE) < 0.5, rule
    assert thick.thickness_mm > thin.thickness_mm
    assert thin.top_mm - thick.bottom_mm < 0.6  # one double rule
    ink_bottom = red_bottom_mm(letter_pdfs[path], 1, above_mm=thick.top_mm - 0.2)
    assert ink_bottom is not None and 3.0 <= thick.top_mm - ink_bottom <= 5.0, (thick, ink_bottom)
    page = measure_pdf(letter_pdfs[path]).pages[0]
    number = _line(page.body_lines, "X政办函〔2024〕5号")
    assert abs(number.x_right_mm - 184.0) < 0.8  # the 发文字号 flush right, under the rule
    assert number.top_mm > thin.bottom_mm


@pytest.mark.parametrize("path", PATHS)
def test_a_letter_s_agency_name_is_30_mm_under_the_top_edge(letter_pdfs, path):
    """§10.1: the red agency name's top 30 mm (± 1.5) from the paper's top edge. The button:
    the first page style has its own top margin (and keeps the type area's height). The
    .docx: the section's top margin is the first page's, and the other pages' headers push
    their text down to 37 mm (docxwhole._raise_first_page); measured 41 mm before."""
    top = red_top_mm(letter_pdfs[path], 1)
    assert top is not None and abs(top - 30.0) <= 1.5, top


@pytest.mark.parametrize("path", PATHS)
def test_a_letter_s_later_pages_start_where_a_document_s_do(letter_pdfs, path):
    """Pages 2+ keep the 37 mm top margin: their first line where a 公文's is."""
    pages = measure_pdf(letter_pdfs[path]).pages
    assert len(pages) >= 2
    for page in pages[1:]:
        assert abs(page.body_lines[0].top_mm - 39.4) < 0.6, page.body_lines[0]


def test_the_letter_s_docx_formatted_again_changes_nothing(office, letter_pdfs, tmp_path: Path):
    """The CLI on its own letter writes the same parts; the button on it lays it out as the
    CLI did (the raised first page, the headers that push pages 2+ down, stay as they are)."""
    once = letter_pdfs["cli"].with_suffix(".docx")
    twice = tmp_path / "twice.docx"
    assert cli.main(["format", str(once), "-o", str(twice)]) == 0
    with zipfile.ZipFile(once) as first, zipfile.ZipFile(twice) as second:
        assert first.namelist() == second.namelist()
        assert [name for name in first.namelist() if first.read(name) != second.read(name)] \
            == []
    document = office.open(once)
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        pdf = office.export_pdf(document, tmp_path / "button.pdf", blank_pages=True)
    finally:
        office.close(document)

    def seen(path: Path) -> list:
        return [[(line.compact_text, round(line.top_mm)) for line in page.body_lines]
                for page in measure_pdf(path).pages]

    assert seen(pdf) == seen(letter_pdfs["cli"])
    top = red_top_mm(pdf, 1)
    assert top is not None and abs(top - 30.0) <= 1.5, top


@pytest.mark.parametrize("path", PATHS)
def test_a_letter_has_a_thin_over_thick_rule_20_mm_above_the_bottom_edge(letter_pdfs, path):
    _, (thin, thick) = _double_rules(letter_pdfs[path])
    assert thick.thickness_mm > thin.thickness_mm
    assert abs((PAGE_HEIGHT - thin.top_mm) - 20.0) <= 0.5, thin
    for rule in (thin, thick):
        assert abs(rule.right_mm - rule.left_mm - RULE_LENGTH) < 0.6, rule


@pytest.mark.parametrize("path", PATHS)
def test_a_letter_has_no_page_number_on_its_first_page_only(letter_pdfs, path):
    pages = measure_pdf(letter_pdfs[path]).pages
    assert len(pages) >= 2
    assert pages[0].page_number is None
    assert [page.page_number.number for page in pages[1:]] == list(range(2, len(pages) + 1))
    # the number stays 7 mm under the type area (the first page's footer moved nothing)
    assert all(abs(page.page_number.top_mm - 269.0) < 0.6 for page in pages[1:])
    assert not rules(letter_pdfs[path], 2, red=True)  # the rules are the first page's


def test_a_letter_reads_the_same_from_both_paths(letter_pdfs):
    """The same lines at the same places (both first pages raised: the agency name 30 mm
    from the top edge)."""
    pages = {path: [[(line.compact_text, line.top_mm) for line in page.body_lines]
                    for page in measure_pdf(pdf).pages] for path, pdf in letter_pdfs.items()}
    assert [[text for text, _ in page] for page in pages["button"]] \
        == [[text for text, _ in page] for page in pages["cli"]]
    for button, from_cli in zip(pages["button"], pages["cli"]):
        assert all(abs(one[1] - other[1]) < 1.0 for one, other in zip(button, from_cli))


def test_layout_letter_asks_for_the_letter_format_on_any_document(office, tmp_path: Path):
    pdfs = both_paths(office, NOTICE, tmp_path, layout="letter")
    for pdf in pdfs.values():
        top, bottom = _double_rules(pdf)
        assert top[0].thickness_mm > top[1].thickness_mm
        assert abs((PAGE_HEIGHT - bottom[0].top_mm) - 20.0) <= 0.5
        assert measure_pdf(pdf).pages[0].page_number is None


def test_an_unknown_layout_is_refused_and_changes_nothing(office, writer_doc, tmp_path: Path,
                                                          capsys):
    writer_doc.getText().setString("\n".join(LETTER))
    result = office.dispatch(writer_doc, "vnd.gongwen:Format?layout=poster")
    assert not result.ok and "poster" in result.message and "letter" in result.message
    assert not writer_doc.getUndoManager().isUndoPossible() or \
        writer_doc.getUndoManager().getCurrentUndoActionTitle() != "一键公文格式"
    source = _docx_of(LETTER, tmp_path / "letter.docx")
    with pytest.raises(SystemExit) as stop:
        cli.main(["format", str(source), "-o", str(tmp_path / "out.docx"), "--layout", "poster"])
    assert stop.value.code == 2
    assert not (tmp_path / "out.docx").exists()


def test_the_letter_button_twice_equals_once(office, tmp_path: Path):
    from tests.integration.test_wholedoc import _whole_fingerprint

    document = office.open(_docx_of(LETTER, tmp_path / "letter.docx"))
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        once = _whole_fingerprint(document)
        pdf_once = office.export_pdf(document, tmp_path / "once.pdf", blank_pages=True)
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        assert _whole_fingerprint(document) == once
        pdf_twice = office.export_pdf(document, tmp_path / "twice.pdf", blank_pages=True)
    finally:
        office.close(document)
    assert rules(pdf_twice, 1, red=True) == rules(pdf_once, 1, red=True)


def test_minutes_labels_are_heiti_in_both_paths(office, tmp_path: Path):
    source = _docx_of(MINUTES, tmp_path / "minutes.docx")
    document = office.open(source)
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        labels = []
        enumeration = document.getText().createEnumeration()
        while enumeration.hasMoreElements():
            paragraph = enumeration.nextElement()
            portions = paragraph.createEnumeration()
            first = portions.nextElement()
            if paragraph.getString()[:2] in ("出席", "请假", "列席"):
                labels.append((first.getString(), first.CharStyleName, paragraph.ParaStyleName))
    finally:
        office.close(document)
    assert labels == [(label, "公文出席标签", "公文出席")
                      for label in ("出席：", "请假：", "列席：")]
    out = tmp_path / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert xml.count('<w:rStyle w:val="GongwenAttendanceLabel"/>') == 3
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode()
    assert 'w:styleId="GongwenAttendanceLabel"' in styles and "公文出席标签" in styles


@pytest.mark.parametrize("key", ["notice", "letter", "minutes"])
def test_a_whole_document_scaffold_is_formatted_as_inserted(office, writer_doc, key,
                                                             tmp_path: Path):
    """Inserted into an empty document, Format then changes nothing a reader can see."""
    assert office.dispatch(writer_doc, f"vnd.gongwen:InsertScaffold?type={key}").ok
    inserted = office.export_pdf(writer_doc, tmp_path / "inserted.pdf", blank_pages=True)
    assert office.dispatch(writer_doc, "vnd.gongwen:Format").ok
    formatted = office.export_pdf(writer_doc, tmp_path / "formatted.pdf", blank_pages=True)

    def seen(pdf: Path) -> list:
        return [([(line.compact_text, round(line.top_mm, 1), round(line.x_left_mm, 1))
                  for line in page.body_lines], page.page_number is None)
                for page in measure_pdf(pdf).pages]

    assert seen(formatted) == seen(inserted)
    assert rules(formatted, 1, red=True) == rules(inserted, 1, red=True)
    # one undo step takes the whole insertion back
    office.uno_dispatch(writer_doc, ".uno:Undo")
    office.uno_dispatch(writer_doc, ".uno:Undo")
    assert not office.text(writer_doc).strip()


def test_checking_a_letter_finds_no_page_problem_in_either_path(office, tmp_path: Path):
    """检查格式 judges the text's ordinary pages: a letter's first page has its own top
    (the button's first page style; the .docx's section top, imported as "First Page"),
    its other pages the 公文 page (measured before: 26.3 mm top and 23 lines reported)."""
    from gongwen.writer import checkformat
    from tests.integration.test_checkformat_writer import OFFICIAL_FONTS, settings_of

    source = _docx_of(LETTER, tmp_path / "letter.docx")
    out = tmp_path / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    for path, press in ((source, True), (out, False)):
        document = office.open(path)
        try:
            if press:
                assert office.dispatch(document, "vnd.gongwen:Format").ok
            found = checkformat.format_problems(document, settings_of(), "en-US",
                                                installed=OFFICIAL_FONTS).problems
        finally:
            office.close(document)
        assert [problem.message for problem in found if problem.code == "page"] == [], path


# --- lint FILE.pdf on a letter (its first page: its own top, no page number) ------------

# Paragraphs long enough for full lines (the checker counts 28 characters on them).
LONG_LETTER = LETTER[:4] + ["为做好XX工作，现商请贵局在以下方面给予支持。"] + [
    "一是加强工作协调，明确责任分工，确保各项任务按期完成，形成工作合力。" * 3] * 6 \
    + LETTER[-4:]


def _lint(pdf: Path, *preset: str) -> List[str]:
    from gongwen import presets
    from gongwen.layout import settings_from
    from gongwen.pdf.pdflint import lint_pdf

    settings = settings_from(presets.resolve(preset[0]).data) if preset else None
    return [f"{problem.paragraph}: {problem.message}" for problem in lint_pdf(pdf, settings)]


@pytest.mark.parametrize("preset", ["", "fixed-28pt"])
def test_lint_finds_nothing_in_the_cli_s_letter_pdf(tmp_path: Path, preset: str):
    """`format --pdf` then `lint` (the same preset): page 1 is a letter's (read from its
    text by the core), so its missing number and its raised head are right."""
    source = _docx_of(LONG_LETTER, tmp_path / "letter.docx")
    flags = ["--preset", preset] if preset else []
    assert cli.main(["format", str(source), "-o", str(tmp_path / "out.docx"), "--pdf",
                     *flags]) == 0
    pdf = tmp_path / "out.pdf"
    pages = measure_pdf(pdf).pages
    assert len(pages) >= 2 and pages[0].page_number is None
    assert _lint(pdf, *([preset] if preset else [])) == []
    assert cli.main(["lint", str(pdf), *flags]) == 0


def test_lint_finds_nothing_in_the_button_s_letter_asked_for(office, tmp_path: Path):
    """A 通知's text laid out as a letter (layout=letter): the text does not say 函, the
    head raised to the letter's top does."""
    text = [LONG_LETTER[0], "X政办发〔2024〕5号", "关于支持XX工作的通知"] + LONG_LETTER[3:]
    pdfs = both_paths(office, text, tmp_path, layout="letter")
    for path, pdf in pdfs.items():
        assert measure_pdf(pdf).pages[0].page_number is None, path
        assert _lint(pdf) == [], path


def test_lint_still_finds_a_letter_s_real_page_problems(office, tmp_path: Path):
    """The CLI's letter with its first page's own footer taken away (no w:titlePg): page 1
    shows a number, which §10.1 does not want."""
    source = _docx_of(LONG_LETTER, tmp_path / "letter.docx")
    out = tmp_path / "out.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    altered = tmp_path / "altered.docx"
    with zipfile.ZipFile(out) as before, zipfile.ZipFile(altered, "w") as after:
        for item in before.infolist():
            data = before.read(item.filename)
            if item.filename == "word/document.xml":
                assert b"<w:titlePg/>" in data
                data = data.replace(b"<w:titlePg/>", b"")
            after.writestr(item, data)
    document = office.open(altered)
    try:
        pdf = office.export_pdf(document, tmp_path / "altered.pdf", blank_pages=True)
    finally:
        office.close(document)
    from gongwen.pdf.pdfmeasure import deviations

    found = [(deviation.page, deviation.key) for deviation in deviations(measure_pdf(pdf))]
    assert found == [(0, "pdf_page_number_letter")], found


# Full lines in the main text (a page of it) and in each attached text.
LONG = "坚持人民至上、生命至上，全面落实安全生产责任制，坚决防范和遏制重特大事故发生。" * 2
LONG_NOTICE = NOTICE[:11] + [LONG] * 12 + NOTICE[11:23] + [LONG] + NOTICE[23:27] + [LONG] \
    + NOTICE[27:]


@pytest.mark.parametrize("layout", ["", "letter"])
def test_lint_finds_nothing_in_a_notice_with_attached_texts_and_a_record_page(
        office, tmp_path: Path, layout: str):
    """附件1 and 附件2 start new pages (§7.3.7), the 版记 has its own page without a number
    (§7.4, §7.5): the pages before them end early, the core says why (measured before: "第 2
    页：6 行，应为 22 行", "第 4 页：版心下方没有页码")."""
    pdfs = both_paths(office, LONG_NOTICE, tmp_path, layout=layout)
    for path, pdf in pdfs.items():
        pages = measure_pdf(pdf).pages
        print(path, [(len(page.body_lines), page.page_number and page.page_number.number)
                     for page in pages])
        assert _lint(pdf) == [], path
