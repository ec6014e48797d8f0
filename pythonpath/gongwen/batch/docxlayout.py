"""GB/T 9704 公文 layout for a python-docx ``Document``: page, grid, page numbers, styles.

Used by ``python -m gongwen format`` (on a user's file) and by the template builder
(``tools/build_templates.py``, on a fresh ``docx.Document()``). Every number comes from
:mod:`gongwen.spec`; this module only encodes it as WordprocessingML.

Public API (all functions are idempotent: applying them twice gives the same XML):

- ``apply_layout(document, footer=True)``: everything below, on every section.
- ``ensure_styles(document) -> Dict[str, str]``: creates or resets the named paragraph
  styles (``spec.PARAGRAPH_STYLES`` names, plus ``公文表格`` and ``公文页码``) and returns
  {style name: styleId}. Use ``style_id(role)`` / ``TABLE_STYLE_ID`` to apply them.
- ``apply_page_setup(section)``: A4 portrait, GB/T 9704 margins, header/footer distances
  and the document grid, on one ``docx.section.Section``.
- ``apply_page_number_footers(document)``: odd/even footers holding ``— PAGE —`` in every
  section (turns on ``w:evenAndOddHeaders``; keeps other header and footer text).
- ``is_page_number_paragraph(p)``: True for a footer paragraph this module wrote, or any
  footer paragraph that is only a PAGE field with decoration (the one it replaces).

The grid encoding, chosen by measuring PDFs exported by LibreOffice Writer 7.4 (see
``GRID_*`` below and the README): ``w:docGrid w:type="lines" w:linePitch="579"`` with
``w:spacing w:val="-5"`` (−0.25 pt) on 3号 text. Writer then shows 22 lines × 28
characters; Word (by the OOXML rules: a ``lines`` grid snaps line pitch, not character
pitch) lays 16 pt − 0.25 pt = 15.75 pt characters on a 442.2 pt line, also 28.
"""

from __future__ import annotations

import copy
from typing import Dict, List, Optional, Tuple

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from lxml import etree

from gongwen import spec
from gongwen.spec import MM_PER_PT, PAGE, ParaStyle

R_PREFIX = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

# --- lengths ---------------------------------------------------------------------------


def mm_to_twips(mm: float) -> int:
    """Twips as Word stores a length typed in mm: rounded to 0.1 pt first.

    That is how 28 mm becomes Word's familiar 1588 (79.4 pt), not 1587.
    """
    return int(round(round(mm / MM_PER_PT, 1) * 20))


def pt_to_twips(pt: float) -> int:
    return int(round(pt * 20))


def half_points(pt: float) -> str:
    return str(int(round(pt * 2)))


PAGE_WIDTH_TW = mm_to_twips(PAGE.width)           # 11906
PAGE_HEIGHT_TW = mm_to_twips(PAGE.height)         # 16838
MARGIN_TOP_TW = mm_to_twips(PAGE.top)             # 2098
MARGIN_BOTTOM_TW = mm_to_twips(PAGE.bottom)       # 1984
MARGIN_LEFT_TW = mm_to_twips(PAGE.left)           # 1588
MARGIN_RIGHT_TW = mm_to_twips(PAGE.right)         # 1474
TYPE_WIDTH_TW = PAGE_WIDTH_TW - MARGIN_LEFT_TW - MARGIN_RIGHT_TW  # 8844
# 225 mm / 22 = 579.8 twips, rounded *down*: 580 twips × 22 overflows the type area in
# Writer's 1/100 mm arithmetic and it shows 21 lines (measured).
LINE_PITCH_TW = int(PAGE.line_pitch_pt * 20)  # 579

# Character spacing on 3号 text: −0.25 pt. Writer imports it as CharKerning −9 (1/100 mm)
# and then fits 28 CJK characters on the 156 mm line (−7 gives 27, measured); Word fits
# 442.2 pt / 15.75 pt = 28.
BODY_CHAR_SPACING_TW = -5

# Page number: one line of 4号 type, exact line height, its top PAGE.page_number_gap
# (7 mm) below the type area. Word and Writer both keep the footer's last line
# w:footer above the paper's bottom edge, so the distance is the space left under it.
PAGE_NUMBER_LINE_TW = pt_to_twips(PAGE.page_number_size_pt)
FOOTER_DISTANCE_TW = (
    MARGIN_BOTTOM_TW - mm_to_twips(PAGE.page_number_gap) - PAGE_NUMBER_LINE_TW
)
HEADER_DISTANCE_TW = mm_to_twips(15)  # Word's default; 公文 have no header
PAGE_NUMBER_INDENT_TW = pt_to_twips(PAGE.page_number_indent_chars * PAGE.page_number_size_pt)

# --- styles ----------------------------------------------------------------------------

PAGE_NUMBER_STYLE_NAME = "公文页码"
PAGE_NUMBER_STYLE_ID = "GongwenPageNumber"
PAGE_NUMBER_EVEN_STYLE_NAME = "公文页码（偶数页）"
PAGE_NUMBER_EVEN_STYLE_ID = "GongwenPageNumberEven"
TABLE_STYLE_ID = "GongwenTable"

_ROLE_STYLE_IDS = {
    spec.Role.TITLE: "GongwenTitle",
    spec.Role.ADDRESSEE: "GongwenAddressee",
    spec.Role.BODY: "GongwenBody",
    spec.Role.HEADING1: "GongwenHeading1",
    spec.Role.HEADING2: "GongwenHeading2",
    spec.Role.HEADING3: "GongwenHeading3",
    spec.Role.HEADING4: "GongwenHeading4",
    spec.Role.CLOSING: "GongwenClosing",
    spec.Role.ATTACHMENT: "GongwenAttachment",
    spec.Role.SIGNATURE: "GongwenSignature",
    spec.Role.DATE: "GongwenDate",
    spec.Role.COPY_NUMBER: "GongwenCopyNumber",
    spec.Role.SECRECY: "GongwenSecrecy",
    spec.Role.URGENCY: "GongwenUrgency",
    spec.Role.ISSUER: "GongwenIssuer",
    spec.Role.DOC_NUMBER: "GongwenDocNumber",
    spec.Role.SIGNER: "GongwenSigner",
    spec.Role.NOTE: "GongwenNote",
    spec.Role.ATTACHMENT_MARK: "GongwenAttachmentMark",
    spec.Role.ATTACHMENT_TITLE: "GongwenAttachmentTitle",
    spec.Role.CC: "GongwenCc",
    spec.Role.IMPRINT: "GongwenImprint",
    spec.Role.MINUTES_MARK: "GongwenMinutesMark",
    spec.Role.ATTENDANCE: "GongwenAttendance",
}


def style_id(role: str) -> str:
    """The styleId of a role's paragraph style (roles sharing a style share the id)."""
    name = spec.style_name(role)
    for other, style in spec.PARAGRAPH_STYLES.items():
        if style.name == name and other in _ROLE_STYLE_IDS:
            return _ROLE_STYLE_IDS[other]
    raise KeyError(role)


# The 落款 lines placed by gongwen.placement: their widths must be what it measures.
_TAIL_STYLE_IDS = (style_id(spec.Role.SIGNATURE), style_id(spec.Role.DATE))


def _style_table() -> List[Tuple[str, ParaStyle]]:
    """(styleId, ParaStyle) for every style this module defines, in a fixed order."""
    seen = set()
    table = []
    for role in spec.Role.ALL:
        style = spec.PARAGRAPH_STYLES[role]
        if style.name not in seen:
            seen.add(style.name)
            table.append((style_id(role), style))
    table.append((TABLE_STYLE_ID, spec.TABLE_TEXT))
    number_font = spec.Font(spec.PAGE_NUMBER_FONT, spec.SONGTI.fallbacks)
    table.append((PAGE_NUMBER_STYLE_ID, ParaStyle(
        PAGE_NUMBER_STYLE_NAME, number_font, PAGE.page_number_size_pt, spec.Align.RIGHT,
        first_line_chars=0, right_chars=PAGE.page_number_indent_chars)))
    table.append((PAGE_NUMBER_EVEN_STYLE_ID, ParaStyle(
        PAGE_NUMBER_EVEN_STYLE_NAME, number_font, PAGE.page_number_size_pt, spec.Align.LEFT,
        first_line_chars=0)))
    return table


_JC = {spec.Align.LEFT: "left", spec.Align.CENTER: "center", spec.Align.RIGHT: "right",
       spec.Align.JUSTIFY: "both"}


def _el(tag: str, **attrs: str) -> etree._Element:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn("w:" + key), value)
    return element


def _style_ppr(style_id_: str, style: ParaStyle) -> etree._Element:
    ppr = _el("w:pPr")
    # The 落款 chain (结束语 → 署名 → 成文日期) stays on one page: spec.ParaStyle.keep_with_next.
    ppr.append(_el("w:keepNext", val="1" if style.keep_with_next else "0"))
    ppr.append(_el("w:widowControl", val="0"))  # a full page keeps all 22 lines
    if style_id_ in _TAIL_STYLE_IDS:
        # No extra space between CJK and digits in 署名/成文日期, as the Writer button
        # (ParaIsCharacterDistance off): §7.3.5.2 places the date by character widths,
        # which hold only without it (with it, Writer set 2021年12月31日 a character wider).
        ppr.append(_el("w:autoSpaceDE", val="0"))
        ppr.append(_el("w:autoSpaceDN", val="0"))
    if style_id_ in (TABLE_STYLE_ID, PAGE_NUMBER_STYLE_ID, PAGE_NUMBER_EVEN_STYLE_ID) \
            or style.size_pt > PAGE.body_size_pt:
        # Off the grid: Writer ignores an exact line height on a snapped paragraph and
        # gives a 2号 title line two grid lines (measured, LO_NOTES).
        ppr.append(_el("w:snapToGrid", val="0"))
    spacing = {"before": "0", "after": "0"}
    if style.space_before_lines:
        spacing["before"] = str(int(style.space_before_lines * LINE_PITCH_TW))
        spacing["beforeLines"] = str(int(style.space_before_lines * 100))
    if style.space_after_lines:
        spacing["after"] = str(int(style.space_after_lines * LINE_PITCH_TW))
        spacing["afterLines"] = str(int(style.space_after_lines * 100))
    if style_id_ in (PAGE_NUMBER_STYLE_ID, PAGE_NUMBER_EVEN_STYLE_ID):
        spacing.update(line=str(PAGE_NUMBER_LINE_TW), lineRule="exact")
    elif style.size_pt > PAGE.body_size_pt:
        # Larger type (the 2号 title) keeps exactly one grid line per line.
        spacing.update(line=str(LINE_PITCH_TW), lineRule="exact")
    else:
        spacing.update(line="240", lineRule="auto")
    ppr.append(_el("w:spacing", **spacing))
    ind: Dict[str, str] = {}
    char_tw = pt_to_twips(style.size_pt)
    if style_id_ == PAGE_NUMBER_EVEN_STYLE_ID:
        ind.update(left=str(PAGE_NUMBER_INDENT_TW), leftChars="100")
    ind.update(right=str(int(style.right_chars * char_tw)),
               rightChars=str(int(style.right_chars * 100)))
    ind.update(firstLine=str(int(style.first_line_chars * char_tw)),
               firstLineChars=str(int(style.first_line_chars * 100)))
    if style_id_ != PAGE_NUMBER_EVEN_STYLE_ID:
        ind.update(left="0", leftChars="0")
    ppr.append(_el("w:ind", **ind))
    ppr.append(_el("w:jc", val=_JC[style.align]))
    return ppr


def _style_rpr(style_id_: str, style: ParaStyle) -> etree._Element:
    rpr = _el("w:rPr")
    latin = spec.PAGE_NUMBER_FONT if style_id_.startswith(PAGE_NUMBER_STYLE_ID) \
        else spec.LATIN_FONT
    rpr.append(_el("w:rFonts", ascii=latin, hAnsi=latin, eastAsia=style.font.name,
                   cs=latin, hint="eastAsia"))
    rpr.append(_el("w:b", val="1" if style.bold else "0"))
    rpr.append(_el("w:bCs", val="1" if style.bold else "0"))
    rpr.append(_el("w:i", val="0"))
    if style.size_pt == PAGE.body_size_pt:
        rpr.append(_el("w:spacing", val=str(BODY_CHAR_SPACING_TW)))
    rpr.append(_el("w:kern", val="0"))
    rpr.append(_el("w:sz", val=half_points(style.size_pt)))
    rpr.append(_el("w:szCs", val=half_points(style.size_pt)))
    rpr.append(_el("w:lang", val="en-US", eastAsia="zh-CN"))
    return rpr


def _build_style(style_id_: str, style: ParaStyle) -> etree._Element:
    element = _el("w:style", type="paragraph", customStyle="1", styleId=style_id_)
    element.append(_el("w:name", val=style.name))
    element.append(_el("w:qFormat"))
    element.append(_style_ppr(style_id_, style))
    element.append(_style_rpr(style_id_, style))
    return element


def ensure_styles(document: DocxDocument) -> Dict[str, str]:
    """Create or reset the 公文 paragraph styles; return {style name: styleId}.

    A style already in the file (same styleId, or same name under another id) is
    replaced in place, so a second run writes the same XML.
    """
    styles_el = document.styles.element
    result: Dict[str, str] = {}
    for sid, style in _style_table():
        new = _build_style(sid, style)
        old = _find_style(styles_el, sid, style.name)
        if old is not None:
            new.set(qn("w:styleId"), old.get(qn("w:styleId")))
            old.addprevious(new)
            styles_el.remove(old)
        else:
            styles_el.append(new)
        result[style.name] = new.get(qn("w:styleId"))
    return result


def _find_style(styles_el: etree._Element, sid: str, name: str) -> Optional[etree._Element]:
    for element in styles_el.findall(qn("w:style")):
        if element.get(qn("w:type")) != "paragraph":
            continue
        name_el = element.find(qn("w:name"))
        if element.get(qn("w:styleId")) == sid or (
                name_el is not None and name_el.get(qn("w:val")) == name):
            return element
    return None


# --- page setup ------------------------------------------------------------------------

# CT_SectPr child order (ECMA-376 §17.6.17): new children go before the first successor.
_SECTPR_ORDER = [
    "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType",
    "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
    "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
]


def _sectpr_child(sect_pr: etree._Element, name: str) -> etree._Element:
    found = sect_pr.find(qn("w:" + name))
    if found is not None:
        return found
    element = OxmlElement("w:" + name)
    successors = _SECTPR_ORDER[_SECTPR_ORDER.index(name) + 1:]
    for child in sect_pr:
        local = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if local in successors:
            child.addprevious(element)
            return element
    sect_pr.append(element)
    return element


def _set_attrs(element: etree._Element, attrs: Dict[str, str], keep: Tuple[str, ...] = ()
               ) -> None:
    for key in list(element.attrib):
        if etree.QName(key).localname not in keep:
            del element.attrib[key]
    for key, value in attrs.items():
        element.set(qn("w:" + key), value)


def apply_page_setup(section: Section) -> None:
    """A4 portrait, GB/T 9704 margins, header/footer distances and the line grid."""
    sect_pr = section._sectPr
    _set_attrs(_sectpr_child(sect_pr, "pgSz"),
               {"w": str(PAGE_WIDTH_TW), "h": str(PAGE_HEIGHT_TW)})
    _set_attrs(_sectpr_child(sect_pr, "pgMar"), {
        "top": str(MARGIN_TOP_TW), "right": str(MARGIN_RIGHT_TW),
        "bottom": str(MARGIN_BOTTOM_TW), "left": str(MARGIN_LEFT_TW),
        "header": str(HEADER_DISTANCE_TW), "footer": str(FOOTER_DISTANCE_TW), "gutter": "0",
    })
    # type="lines": Writer shows 28 characters (linesAndChars with a negative charSpace
    # shows about 14); the 28 come from the character spacing in the styles.
    _set_attrs(_sectpr_child(sect_pr, "docGrid"),
               {"type": "lines", "linePitch": str(LINE_PITCH_TW)})


# --- page numbers ----------------------------------------------------------------------

_PAGE_FIELD_DECORATION = set(" \t\u3000—–-_/|第页共Pagepage.·")


def _page_number_paragraph(even: bool) -> etree._Element:
    """``— PAGE —`` as a complex field, in the odd or even page number style."""
    p = _el("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:pStyle",
                   val=PAGE_NUMBER_EVEN_STYLE_ID if even else PAGE_NUMBER_STYLE_ID))
    p.append(ppr)

    def run(child: etree._Element) -> None:
        r = _el("w:r")
        r.append(child)
        p.append(r)

    def text(value: str) -> etree._Element:
        t = _el("w:t")
        t.text = value
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return t

    run(text("— "))
    run(_el("w:fldChar", fldCharType="begin"))
    instr = _el("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run(instr)
    run(_el("w:fldChar", fldCharType="separate"))
    run(text("1"))
    run(_el("w:fldChar", fldCharType="end"))
    run(text(" —"))
    return p


def is_page_number_paragraph(p: etree._Element) -> bool:
    """A footer paragraph that only shows the page number (ours, or one we replace)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        pstyle = ppr.find(qn("w:pStyle"))
        if pstyle is not None and pstyle.get(qn("w:val")) in (
                PAGE_NUMBER_STYLE_ID, PAGE_NUMBER_EVEN_STYLE_ID):
            return True
    instructions = "".join(t.text or "" for t in p.iter(qn("w:instrText")))
    instructions += "".join(f.get(qn("w:instr"), "") for f in p.iter(qn("w:fldSimple")))
    if "PAGE" not in instructions.upper().split():
        return False
    literal = "".join(t.text or "" for t in p.iter(qn("w:t")) if not _in_field_result(t))
    return all(ch in _PAGE_FIELD_DECORATION for ch in literal)


def _in_field_result(t: etree._Element) -> bool:
    """True for a w:t that is a field's cached result (in w:fldSimple, or after separate)."""
    paragraph = next(t.iterancestors(qn("w:p")), None)
    if paragraph is None:
        return False
    for ancestor in t.iterancestors():
        if ancestor is paragraph:
            break
        if ancestor.tag == qn("w:fldSimple"):
            return True
    depth = 0
    in_result = False
    for element in paragraph.iter(qn("w:fldChar"), qn("w:t")):
        if element is t:
            return depth > 0 and in_result
        if element.tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            if kind == "begin":
                depth += 1
                in_result = False
            elif kind == "separate":
                in_result = True
            elif kind == "end":
                depth = max(0, depth - 1)
                in_result = False
    return False


def _fill_footer(footer_el: etree._Element, even: bool) -> None:
    """Replace page-number paragraphs in a footer with ours; keep every other paragraph."""
    for p in list(footer_el.findall(qn("w:p"))):
        if is_page_number_paragraph(p):
            footer_el.remove(p)
    remaining = [p for p in footer_el.findall(qn("w:p"))
                 if "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
                 or len(p) > 1 or (len(p) == 1 and p[0].tag != qn("w:pPr"))]
    for p in footer_el.findall(qn("w:p")):
        if p not in remaining:
            footer_el.remove(p)  # empty paragraphs would push the number up
    sect_like = footer_el.find(qn("w:sectPr"))
    number = _page_number_paragraph(even)
    if sect_like is not None:
        sect_like.addprevious(number)
    else:
        footer_el.append(number)


def _copy_part_content(source, target) -> None:
    """Copy a header/footer part's paragraphs into another, with the relationships they use."""
    target_el = target._element
    for child in list(target_el):
        target_el.remove(child)
    for child in source._element:
        clone = copy.deepcopy(child)
        for element in clone.iter():
            for key, value in list(element.attrib.items()):
                if key.startswith(R_PREFIX) and value in source.part.rels:
                    rel = source.part.rels[value]
                    if rel.is_external:
                        new_id = target.part.relate_to(rel.target_ref, rel.reltype, True)
                    else:
                        new_id = target.part.relate_to(rel.target_part, rel.reltype)
                    element.set(key, new_id)
        target_el.append(clone)


def apply_page_number_footers(document: DocxDocument) -> None:
    """Odd/even footers with ``— PAGE —``: odd pages right, even pages left, one char in.

    Turns on ``w:evenAndOddHeaders``. When that is new, a section's own header that has no
    even-page header yet is copied to the even pages so it keeps showing there. Footer text
    other than a page number stays (and is copied to a new even-page footer). A first-page
    footer (``w:titlePg``) gets the odd-page number too: every page of a 公文 has its number.
    Later sections whose footers are linked to the previous section stay linked.
    """
    settings = document.settings
    first_time = not settings.odd_and_even_pages_header_footer
    settings.odd_and_even_pages_header_footer = True
    for index, section in enumerate(document.sections):
        if first_time and not section.header.is_linked_to_previous \
                and section.even_page_header.is_linked_to_previous:
            section.even_page_header.is_linked_to_previous = False
            _copy_part_content(section.header, section.even_page_header)
        footers = [("odd", section.footer), ("even", section.even_page_footer)]
        if section.different_first_page_header_footer:
            footers.append(("first", section.first_page_footer))
        for kind, footer in footers:
            if footer.is_linked_to_previous:
                if index > 0 and kind != "first":
                    continue  # inherits the previous section's numbered footer
                footer.is_linked_to_previous = False
                if kind != "odd":
                    _copy_part_content(section.footer, footer)
            even = kind == "even"
            _fill_footer(footer._element, even)


def apply_layout(document: DocxDocument, footers: bool = True) -> Dict[str, str]:
    """Styles, page setup and (unless ``footers=False``) page-number footers everywhere.

    Returns ``ensure_styles``' {style name: styleId}. Paragraph roles are not touched:
    apply ``style_id(role)`` to paragraphs yourself (the CLI classifies them first).
    """
    ids = ensure_styles(document)
    for section in document.sections:
        apply_page_setup(section)
    if footers:
        apply_page_number_footers(document)
    return ids


__all__ = [
    "apply_layout", "ensure_styles", "apply_page_setup", "apply_page_number_footers",
    "is_page_number_paragraph", "style_id", "TABLE_STYLE_ID", "PAGE_NUMBER_STYLE_ID",
    "PAGE_NUMBER_EVEN_STYLE_ID", "FOOTER_DISTANCE_TW", "LINE_PITCH_TW", "TYPE_WIDTH_TW",
    "mm_to_twips",
]
