"""Page numbers as real files carry them: .docx files made here with python-docx and lxml.

- ``textbox_footer``: the number in a text box in the footer, as Word's page-number gallery
  and WPS's 插入页码 write it (``mc:AlternateContent``: a ``wps:txbx`` drawing, a VML
  ``v:textbox`` fallback), beside a text box that holds the company's name (kept: its copy
  on even pages must get drawing ids of its own);
- ``gallery_footer``: Word's page-number gallery, a building block (``w:sdt``) anchoring a
  shape whose text box holds ``PAGE \\* MERGEFORMAT``;
- ``frame_footer``: the number in a framed paragraph (``w:framePr``), as LibreOffice's .doc
  import and Word 2003 write it;
- ``sections``: three sections, each with its own footer and its own header/footer
  distances and margins (Word's "different page setup per section");
- ``title_page``: a different first page (``w:titlePg``) with an empty first-page footer;
  ``title_page_later``: the same in a second section whose first page falls on an even page;
- ``last_section``: a long file whose last section has its own footer without a number,
  ``last_inherits``: the later sections without any footer reference (the last with
  margins of its own); ``last_empty``: even/odd footers on, and the last section's own
  footers empty; and
  ``no_reference``: one whose first section has no footer at all while the last section
  has its own;
- ``body_numbers``: a red-head notice whose page numbers are typed ``1`` ``2`` ``3`` in
  frames and text boxes anchored in the body (what LibreOffice's .doc import makes of
  text-box page numbers); ``typed_numbers``: one whose pages end with ``1``, ``- 2 -``, ``3``
  typed as centred body paragraphs.

Every file has four pages or more of body text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Dict, List

import docx
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word"')

TITLE = "关于做好2024年度安全生产工作的通知"
BODY = ("各单位要认真贯彻落实安全生产责任制，层层压实责任，细化工作措施，"
        "加强隐患排查治理，确保全年安全生产形势持续稳定向好，坚决防范遏制重特大事故发生。")


def _page_field(before: str = "", after: str = "") -> str:
    runs = f'<w:r><w:t xml:space="preserve">{before}</w:t></w:r>' if before else ""
    runs += ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    if after:
        runs += f'<w:r><w:t xml:space="preserve">{after}</w:t></w:r>'
    return runs


def text_box(content: str, docpr_id: int, shape_id: str, spid: int, left_emu: int,
             top_emu: int = 0, relative: str = "paragraph", shapetype: bool = True) -> str:
    """A run holding a text box as Word 2010+ writes it: a DrawingML shape, a VML fallback.
    ``content``: the runs of its one paragraph."""
    paragraph = f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{content}</w:p>'
    return (
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" '
        f'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>{left_emu}</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="{relative}"><wp:posOffset>{top_emu}'
        f'</wp:posOffset></wp:positionV><wp:extent cx="914400" cy="274320"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{docpr_id}" name="文本框 {docpr_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData '
        f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="914400" cy="274320"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{paragraph}</w:txbxContent></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0">'
        f'<a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict>'
        + ('<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
           if shapetype else "") +
        f'<v:shape id="{shape_id}" o:spid="_x0000_s{spid}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:{left_emu / 12700:.1f}pt;'
        f'margin-top:{top_emu / 12700:.1f}pt;width:72pt;height:21.6pt;z-index:251659264;'
        f'mso-position-horizontal-relative:margin" filled="f" stroked="f">'
        f'<v:textbox style="mso-fit-shape-to-text:t" inset="0,0,0,0">'
        f'<w:txbxContent>{paragraph}</w:txbxContent></v:textbox>'
        f'<w10:wrap anchorx="margin"/></v:shape></w:pict></mc:Fallback>'
        f'</mc:AlternateContent></w:r>')


def _body(document, paragraphs: int = 60, red_head: bool = False) -> List[object]:
    """A notice long enough for four pages or more; returns its body paragraphs."""
    if red_head:
        head = document.add_paragraph()
        head.alignment = 1
        run = head.add_run("某某市应急管理局")
        run.font.size, run.font.color.rgb = Pt(34), RGBColor(0xFF, 0, 0)
    document.add_paragraph(TITLE).alignment = 1
    document.add_paragraph("各区县应急管理局，市直各有关单位：")
    return [document.add_paragraph(f"{BODY}（第{i + 1}段）") for i in range(paragraphs)]


def _footer_xml(section, runs: str, first: bool = False) -> None:
    footer = section.first_page_footer if first else section.footer
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    element.append(parse_xml(f'<w:p {NS}><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
                             f'{runs}</w:p>'))


def _centered_page(section, before: str = "- ", after: str = " -") -> None:
    _footer_xml(section, _page_field(before, after))
    ppr = section.footer._element.find(f"{qn('w:p')}/{qn('w:pPr')}")
    ppr.append(parse_xml(f'<w:jc {NS} w:val="center"/>'))


def _textbox_footer(document) -> None:
    _body(document)
    section = document.sections[0]
    number = text_box(_page_field("— ", " —"), 1, "文本框 1", 2049, 2286000)
    company = text_box("<w:r><w:t>某某集团有限公司</w:t></w:r>", 2, "文本框 2", 2050, 0,
                       shapetype=False)
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p._p.append(parse_xml(number))
    p._p.append(parse_xml(company))


def _gallery_footer(document) -> None:
    """Word's page-number gallery (Insert > Page Number > Bottom of Page, a circle): a
    building block (``w:sdt`` with ``w:docPartObj``) whose paragraph anchors a shape with
    the PAGE field in its text box."""
    _body(document)
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    field = _page_field().replace(" PAGE ", " PAGE    \\* MERGEFORMAT ")
    element.append(parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:id w:val="-1"/><w:docPartObj>'
        f'<w:docPartGallery w:val="Page Numbers (Bottom of Page)"/><w:docPartUnique/>'
        f'</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Footer"/>'
        f'</w:pPr>{text_box(field, 21, "Oval 21", 1026, 2286000)}</w:p></w:sdtContent>'
        f'</w:sdt>'))
    element.append(parse_xml(f'<w:p {NS}><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p>'))


def _frame_footer(document) -> None:
    _body(document)
    _footer_xml(document.sections[0], _page_field("- ", " -"))
    ppr = document.sections[0].footer._element.find(f"{qn('w:p')}/{qn('w:pPr')}")
    ppr.insert(1, parse_xml(f'<w:framePr {NS} w:wrap="around" w:vAnchor="text" '
                            f'w:hAnchor="margin" w:xAlign="outside" w:y="1"/>'))


def _margins(section, top: float, bottom: float, header: float, footer: float) -> None:
    from docx.shared import Cm
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    section.header_distance, section.footer_distance = Cm(header), Cm(footer)


def _sections(document) -> None:
    body = _body(document, 90)
    _split(document, body, [30, 60])
    distances = [(2.54, 2.54, 1.5, 1.75), (3.0, 2.0, 1.0, 0.8), (2.0, 3.2, 2.0, 2.4)]
    for section, (top, bottom, header, footer) in zip(document.sections, distances):
        _margins(section, top, bottom, header, footer)
        _centered_page(section)


def _title_page(document) -> None:
    _body(document)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    _centered_page(section)
    _footer_xml(section, "", first=True)


def _title_page_later(document) -> None:
    """A second section with a first page of its own that falls on an even page."""
    body = _body(document, 90)
    _split(document, body, [30])
    _centered_page(document.sections[0])
    second = document.sections[1]
    second.different_first_page_header_footer = True
    _centered_page(second)
    _footer_xml(second, "", first=True)


def _split(document, body, at: List[int]) -> None:
    """Section breaks before ``body[i]`` for each i (each new section links its footer)."""
    for _ in at:
        document.add_section(WD_SECTION.NEW_PAGE)
    sect_prs = [s._sectPr for s in document.sections]
    for sect_pr, index in zip(sect_prs[:-1], at):
        holder = sect_pr.getparent().getparent()
        body[index - 1]._p.get_or_add_pPr().append(sect_pr)
        holder.getparent().remove(holder)


def _last_section(document) -> None:
    body = _body(document, 120)
    _split(document, body, [40, 80])
    _centered_page(document.sections[0])
    _footer_xml(document.sections[2], "<w:r><w:t>内部资料 注意保存</w:t></w:r>")


def _last_inherits(document) -> None:
    """Three sections; only the first has footers, the last two inherit them (no
    footerReference), the last with margins of its own."""
    body = _body(document, 120)
    _split(document, body, [40, 80])
    _centered_page(document.sections[0])
    _margins(document.sections[2], 2.2, 2.0, 1.2, 1.0)


def _last_empty(document) -> None:
    """Even/odd footers already on; the last section has its own empty footers (a Word
    file whose appendix was pasted in from another one)."""
    body = _body(document, 90)
    _split(document, body, [60])
    document.settings.odd_and_even_pages_header_footer = True
    first, last = document.sections
    _centered_page(first)
    first.even_page_footer.is_linked_to_previous = False
    first.even_page_footer._element.append(parse_xml(
        f'<w:p {NS}><w:pPr><w:jc w:val="center"/></w:pPr>{_page_field("- ", " -")}</w:p>'))
    _footer_xml(last, "")
    last.even_page_footer.is_linked_to_previous = False


def _no_reference(document) -> None:
    body = _body(document, 90)
    _split(document, body, [45])
    last = document.sections[1]
    _centered_page(last)


def _body_numbers(document) -> None:
    body = _body(document, 70, red_head=True)
    frame = ('<w:pPr><w:framePr w:w="600" w:wrap="around" w:vAnchor="page" '
             'w:hAnchor="margin" w:xAlign="center" w:y="15900"/><w:jc w:val="center"/>'
             '</w:pPr>')
    for number, at in enumerate((18, 38, 58), 1):
        if number == 2:  # a text box anchored in a body paragraph
            body[at]._p.append(parse_xml(text_box(
                f"<w:r><w:t>{number}</w:t></w:r>", 10 + number, f"文本框 {10 + number}",
                3000 + number, 2286000, 9000000, relative="page")))
        else:  # a framed paragraph
            body[at]._p.addnext(parse_xml(f'<w:p {NS}>{frame}<w:r><w:t>{number}</w:t>'
                                          f'</w:r></w:p>'))
    _centered_page(document.sections[0])


def _typed_numbers(document) -> None:
    """A red-head notice whose pages end with their number typed as a centred paragraph
    (the first with a page break typed after it), besides a PAGE footer of its own."""
    body = _body(document, 60, red_head=True)
    for number, at in enumerate((14, 30, 46), 1):
        typed = body[at].insert_paragraph_before(f"- {number} -" if number == 2 else str(number))
        typed.alignment = 1
        if number == 1:
            typed._p.append(parse_xml(f'<w:r {NS}><w:br w:type="page"/></w:r>'))
    _centered_page(document.sections[0])


BUILDERS: Dict[str, Callable[[object], None]] = {
    "textbox_footer": _textbox_footer,
    "gallery_footer": _gallery_footer,
    "frame_footer": _frame_footer,
    "sections": _sections,
    "title_page": _title_page,
    "title_page_later": _title_page_later,
    "last_section": _last_section,
    "last_inherits": _last_inherits,
    "last_empty": _last_empty,
    "no_reference": _no_reference,
    "body_numbers": _body_numbers,
    "typed_numbers": _typed_numbers,
}


def build(name: str, folder: Path) -> Path:
    document = docx.Document()
    BUILDERS[name](document)
    path = Path(folder) / f"{name}.docx"
    document.save(str(path))
    return path


_NUMBER = re.compile(r"[—\-–]\s*\d+\s*[—\-–]|第\s*\d+\s*页")
_BARE = re.compile(r"^\s*\d{1,3}\s*$")


def numbers_shown(lines: List[str]) -> int:
    """How many page numbers a page's lines show: ``— N —``, ``- N -``, ``第N页`` anywhere,
    and lines that are a bare number of up to three digits."""
    return sum(len(_NUMBER.findall(line)) + (1 if _BARE.match(line) else 0)
               for line in lines)


__all__ = ["BUILDERS", "build", "text_box", "numbers_shown"]
