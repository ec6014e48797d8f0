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
