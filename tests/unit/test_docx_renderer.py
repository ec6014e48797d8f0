"""The .docx renderer carries out the plan: headers/footers by the core's policy, the
plan's per-paragraph overrides, East Asian punctuation kept in the CJK font for Word."""

from __future__ import annotations

from pathlib import Path
from typing import List

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from gongwen.ooxml import docxlayout, docxrender, units

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _field(paragraph, instruction: str, shown: str) -> None:
    def char(kind: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _report() -> docx.Document:
    document = docx.Document()
    for line in ["XX县政协2021年度工作总结", "县委：", "一、主要成绩",
                 "全年完成X项，被评为“先进单位”——这是第一次……", "XX县政协办公室",
                 "2021年12月31日"]:
        document.add_paragraph(line)
    return document


def _footer_texts(document) -> List[str]:
    texts = []
    for section in document.sections:
        for footer in (section.footer, section.even_page_footer):
            texts.append("|".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                                  for p in footer._element.iter(qn("w:p"))))
    return texts


def _numbers(document) -> int:
    """PAGE fields in the footers of the first section (odd and even)."""
    section = document.sections[0]
    return sum(1 for footer in (section.footer, section.even_page_footer)
               for instr in footer._element.iter(qn("w:instrText"))
               if instr.text.split() and instr.text.split()[0] == "PAGE")


def test_a_footer_table_keeps_its_text_and_loses_its_page_number():
    """Word's "Copyright | page" footer table: the copyright stays, the cell's page number
    goes, and the 公文 number shows once per page. Today's CLI refused this file."""
    document = _report()
    table = document.sections[0].footer.add_table(1, 2, width=docx.shared.Cm(15))
    table.cell(0, 0).paragraphs[0].add_run("Copyright 2024 XX公司")
    cell = table.cell(0, 1).paragraphs[0]
    cell.add_run("第 ")
    _field(cell, "PAGE", "1")
    cell.add_run(" 页")
    result = docxrender.format_document(document)
    assert result.kept == ["footer"]
    assert _numbers(document) == 2  # odd and even footer, one each
    odd, even = _footer_texts(document)
    assert "Copyright 2024 XX公司" in odd and "Copyright 2024 XX公司" in even
    # Ours first, 7 mm under the type area; the table under it, its number cell emptied;
    # the paragraph Word ends every footer with.
    assert odd == even == "— 1 —|Copyright 2024 XX公司||"


def test_a_page_number_in_a_content_control_is_replaced():
    """Word's page-number gallery wraps the footer paragraph in a w:sdt: it was kept beside
    the new number (two numbers on every page)."""
    document = _report()
    footer_el = document.sections[0].footer._element
    for p in list(footer_el):
        footer_el.remove(p)
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    footer_el.append(sdt)
    paragraph = docx.text.paragraph.Paragraph(OxmlElement("w:p"), None)
    content.append(paragraph._p)
    paragraph.add_run("- ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" -")
    result = docxrender.format_document(document)
    assert result.kept == []
    assert _numbers(document) == 2
    assert footer_el.find(qn("w:sdt")) is None  # emptied content control gone too


def test_a_header_that_holds_only_a_page_number_is_emptied_and_other_headers_kept():
    document = _report()
    header = document.sections[0].header
    header.paragraphs[0].add_run("内部资料")
    numbered = header.add_paragraph("第 ")
    _field(numbered, "PAGE", "3")
    numbered.add_run(" 页 共 ")
    _field(numbered, "NUMPAGES", "9")
    numbered.add_run(" 页")
    result = docxrender.format_document(document)
    assert result.kept == ["header"]
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t")))
             for p in header._element.iter(qn("w:p"))]
    assert texts == ["内部资料"]


def test_runs_with_cjk_quotes_and_dashes_say_east_asian():
    document = _report()
    docxrender.format_document(document)
    for p in document.paragraphs:
        for run in p._p.iter(qn("w:r")):
            value = "".join(t.text or "" for t in run.iter(qn("w:t")))
            fonts = run.find(f"{W}rPr/{W}rFonts")
            hinted = fonts is not None and fonts.get(qn("w:hint")) == "eastAsia"
            assert hinted == any(ch in "“”‘’—…" for ch in value), value


def test_styles_name_the_fonts_per_script():
    document = _report()
    docxrender.format_document(document)
    styles = document.styles.element
    for sid in ("GongwenTitle", "GongwenBody", "GongwenHeading1"):
        fonts = styles.find(f"{W}style[@{W}styleId='{sid}']/{W}rPr/{W}rFonts")
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman", sid
        assert fonts.get(qn("w:hint")) == "eastAsia"


def test_the_signature_gets_both_right_indents(tmp_path: Path):
    """w:rightChars for Word and WPS (no autospacing), w:right for Writer (which adds its
    autospacing to a .docx): the plan gives both."""
    document = _report()
    docxrender.format_document(document)
    ind = document.paragraphs[4]._p.find(f"{W}pPr/{W}ind")
    assert ind.get(qn("w:rightChars")) == "356"
    assert ind.get(qn("w:right")) == str(units.pt_to_twips(4.356 * 16))


def test_tabs_written_by_an_edit_become_tab_runs_in_order_with_the_runs_look():
    """One pass over however many tabs (a pasted line held a thousand: recursion failed)."""
    from gongwen.ooxml import docxwhole

    document = docx.Document()
    run = document.add_paragraph().add_run("甲\t乙\t\t丙" + "\t丁" * 1500)
    run.bold = True
    p = run._r.getparent()
    docxwhole.tabs_as_elements(p)
    shown = "".join("\t" if child.tag == W + "tab" else child.text or ""
                    for r in p.iter(W + "r") for child in r if child.tag in (W + "t", W + "tab"))
    assert shown == "甲\t乙\t\t丙" + "\t丁" * 1500
    assert all(r.find(W + "rPr/" + W + "b") is not None for r in p.iter(W + "r"))


def test_what_follows_a_tab_in_its_run_stays_after_it():
    from gongwen.ooxml import docxwhole

    document = docx.Document()
    run = document.add_paragraph().add_run("甲\t乙")
    run._r.append(OxmlElement("w:br"))
    extra = OxmlElement("w:t")
    extra.text = "丙"
    run._r.append(extra)
    p = run._r.getparent()
    docxwhole.tabs_as_elements(p)
    shown = "".join({W + "tab": "\t", W + "br": "\n"}.get(child.tag, child.text or "")
                    for r in p.iter(W + "r") for child in r
                    if child.tag in (W + "t", W + "tab", W + "br"))
    assert shown == "甲\t乙\n丙"


def test_table_widths_in_any_form_the_standard_allows_are_fitted():
    """gridCol/tcW written as 3cm or 2000.5 (not Word's whole twips) stopped the CLI."""
    import doctest

    assert doctest.testmod(docxlayout).failed == 0
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), ("3cm", "2000.5")):
        col.set(qn("w:w"), width)
    cell_width = table._tbl.find(".//" + qn("w:tc") + "/" + qn("w:tcPr"))
    tcw = cell_width.find(qn("w:tcW")) if cell_width is not None else None
    if tcw is not None:
        tcw.set(qn("w:w"), "2.5cm")
        tcw.set(qn("w:type"), "dxa")
    docxrender._fit_table(table._tbl, 8844)
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == 8844 and widths[0] < widths[1]


# 信函格式's first page in one flowing section (issue 21, §10.1)
_LETTER = ["XX县人民政府办公室", "X政办函〔2024〕5号", "关于商请支持XX工作的函", "XX市XX局：",
           "为做好XX工作，现商请贵局在以下方面给予支持。", "特此函达。", "XX县人民政府办公室",
           "2024年3月1日"]


def _exact_heights(part) -> List[int]:
    return [int(spacing.get(qn("w:line"))) for spacing in part._element.iter(qn("w:spacing"))
            if spacing.get(qn("w:lineRule")) == "exact"]


def _formatted_letter(tmp_path: Path, header: str = "") -> docx.Document:
    from gongwen import cli

    source = docx.Document()
    if header:
        source.sections[0].header.paragraphs[0].text = header
    for line in _LETTER:
        source.add_paragraph(line)
    source.save(str(tmp_path / "letter.docx"))
    assert cli.main(["format", str(tmp_path / "letter.docx"), "-o",
                     str(tmp_path / "out.docx")]) == 0
    return docx.Document(str(tmp_path / "out.docx"))


def test_a_letter_s_first_page_has_the_section_s_top_and_its_other_pages_a_header_to_37_mm(
        tmp_path: Path):
    """By the OOXML rules as Word applies them, the body starts at the top margin or under
    the header's content, whichever is lower: page 1 (a 1 pt first-page header) at the
    first page's top, pages 2+ at header distance + header line = the 公文 page's 37 mm.
    The first-page footer reaches as much higher (page 1 keeps the type area's height)."""
    from gongwen import formatcheck, layout, spec, wholedoc
    from gongwen.ooxml import docxfacts
    from gongwen.roles import Role

    page = layout.page_setup()
    first = wholedoc.letter_first_page(
        page, layout.appearances()[spec.style_name(Role.ISSUER)].size_pt)
    document = _formatted_letter(tmp_path)
    section = document.sections[0]
    margins = section._sectPr.find(qn("w:pgMar"))
    top, header, footer, bottom = (int(margins.get(qn("w:" + key)))
                                   for key in ("top", "header", "footer", "bottom"))
    assert top == docxlayout.mm_to_twips(first.top_mm)
    assert section.different_first_page_header_footer
    for part in (section.header, section.even_page_header):
        assert header + sum(_exact_heights(part)) == docxlayout.mm_to_twips(page.top_mm)
    assert header + sum(_exact_heights(section.first_page_header)) < top
    raised = docxlayout.mm_to_twips(page.top_mm) - top
    rule_tw = docxlayout.mm_to_twips(first.rule.thickness_mm)
    assert footer + sum(_exact_heights(section.first_page_footer)) + rule_tw \
        == bottom + raised
    # the rule still 20 mm above the paper's edge: the footer's last line and the rule
    assert footer + _exact_heights(section.first_page_footer)[-1] + rule_tw \
        == docxlayout.mm_to_twips(first.rule_from_bottom_mm)
    # lint reads the page the other pages have (the header's extent): no margin problem
    facts = docxfacts.document_facts(document, check_fonts=False)
    assert facts.page is not None and abs(facts.page.top_mm - page.top_mm) < 0.05
    assert not [problem.code for problem in formatcheck.check(facts)
                if problem.code.startswith("page")]


def test_a_letter_with_the_authors_header_keeps_the_page_s_top(tmp_path: Path):
    """The author's header has a height the renderer does not know: nothing is raised."""
    from gongwen import layout

    section = _formatted_letter(tmp_path, header="内部资料").sections[0]
    assert "thickThinSmallGap" in section.first_page_footer._element.xml  # still a letter
    margins = section._sectPr.find(qn("w:pgMar"))
    assert int(margins.get(qn("w:top"))) == docxlayout.mm_to_twips(layout.page_setup().top_mm)
    assert section.header.paragraphs[0].text == "内部资料"


def test_a_word_list_item_keeps_no_numbering_switch_once_it_is_a_heading():
    """A "List Number" item (numbered by its style) becomes 公文三级标题 ``1.``: the numId 0
    that switched the style's numbering off goes with the style. Writer 7.4 drops the
    heading's first-line indent on a paragraph with numId 0 (seen in a user trial)."""
    document = docx.Document()
    for text in ["关于做好安全生产工作的通知", "各乡镇人民政府：", "现将有关事项通知如下。"]:
        document.add_paragraph(text)
    document.add_paragraph("提高思想认识，压实安全责任", style="List Number")
    document.add_paragraph("各部门要深刻认识做好安全生产工作的重要性。")
    docxrender.format_document(document)
    heading = document.paragraphs[3]
    assert heading.text == "1.提高思想认识，压实安全责任"
    assert heading._p.find(f"{W}pPr/{W}pStyle").get(qn("w:val")) == "GongwenHeading3"
    assert heading._p.find(f"{W}pPr/{W}numPr") is None


def test_a_character_style_of_the_author_s_loses_fonts_and_sizes_not_its_emphasis(
        tmp_path: Path):
    """Real files carry a code span's Consolas 11 pt as a character style: after Format
    检查格式 found it in the 正文 (layout.FOREIGN_STYLE_RESETS)."""
    from gongwen import formatcheck
    from gongwen.ooxml import docxfacts
    from tests import realdocs

    document = docx.Document(str(realdocs.code_span_docx(tmp_path)))
    docxrender.format_document(document)
    styles = {style.name: style for style in document.styles}
    for name in (realdocs.CODE_STYLE, realdocs.CODE_BASE_STYLE):
        rpr = styles[name].element.find(qn("w:rPr"))
        assert rpr is None or not [child for child in rpr if child.tag in (
            qn("w:rFonts"), qn("w:sz"), qn("w:szCs"))], name
    assert styles[realdocs.CODE_STYLE].font.bold  # the author's emphasis stays
    for name in docxlayout.char_style_ids():  # ours keep theirs
        ours = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{name}']")
        assert ours is not None and ours.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is not None
    problems = formatcheck.check(docxfacts.document_facts(document))
    assert not [p for p in problems if p.code in ("font", "size", "indent")], problems
