"""GB/T 9704 公文 layout for a python-docx ``Document``: the plan's page, grid, page numbers
and styles as WordprocessingML.

Used by ``python -m gongwen format`` (on a user's file, :mod:`gongwen.ooxml.docxrender`)
and by the template builder (``tools/build_templates.py``, on a fresh ``docx.Document()``).
Every number comes from :mod:`gongwen.layout`'s plan; this module only encodes it. What it
keeps is how .docx measures: twips, half-points, hundredths of a line, and the schema order.

Public API (all functions are idempotent: applying them twice gives the same XML):

- ``apply_layout(document, plan=None, footers=True)``: everything below, on every section:
  ``apply_styles`` then ``apply_page`` (Format calls them as its steps 7 and 6,
  :mod:`gongwen.formatwork`).
- ``ensure_styles(document, looks=None) -> Dict[str, str]``: creates or resets the named
  paragraph styles (every :class:`gongwen.layout.Appearance`) and returns {name: styleId}.
- ``apply_page_setup(section, page=None)``: size, margins, footer distance and the grid.
- ``apply_page_number_footers(document, plan=None)``: odd/even footers holding the plan's
  ``— PAGE —`` in every section; the author's other header and footer text stays, and
  paragraphs that only showed a page number go (:mod:`gongwen.headfoot`).

Which paragraphs, boxes and frames already only show a page number is read in
:mod:`gongwen.ooxml.docxpagenumbers`.

The grid encoding, chosen by measuring PDFs exported by LibreOffice Writer 7.4 (README,
docs/LO_NOTES.md): ``w:docGrid w:type="lines" w:linePitch="579"`` with the plan's
character spacing (−0.25 pt, ``w:spacing w:val="-5"``) on 3号 text. Writer then shows
22 lines × 28 characters; Word (by the OOXML rules: a ``lines`` grid snaps line pitch, not
character pitch) lays 16 pt − 0.25 pt = 15.75 pt characters on a 442.2 pt line, also 28.
"""

from __future__ import annotations

import copy
from typing import Dict, List, NamedTuple, Optional, Tuple

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from lxml import etree

from gongwen import headfoot, layout, spec
from gongwen.ooxml import docxrepair
from gongwen.ooxml.docxpagenumbers import (
    PAGE_NUMBER_EVEN_STYLE_ID,
    PAGE_NUMBER_STYLE_ID,
    drop_paragraph,
    is_empty_paragraph,
    is_page_number_paragraph,
    page_number_boxes,
    part_paragraphs,
)
from gongwen.ooxml.units import (
    chars_to_twips,
    half_points,
    hundredths,
    mm_to_twips,
    mm_to_twips_exact,
    pt_to_twips,
)
from gongwen.spec import Align

R_PREFIX = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


class Geometry(NamedTuple):
    """The plan's page in twips."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    line_pitch: int
    footer: int
    header: int

    @property
    def type_width(self) -> int:
        return self.width - self.left - self.right


# The footer distance from the paper's edge to the page number's line: Word and Writer
# both keep the footer's last line w:footer above the paper's bottom edge, so the number,
# one exact line of its size, starts ``below_mm`` under the type area (less the glyph's
# drop, headfoot.PAGE_NUMBER_DROP_MM).
FOOTER_TEXT_DROP_TW = mm_to_twips_exact(headfoot.PAGE_NUMBER_DROP_MM)


def geometry(page: Optional[layout.PageSetup] = None) -> Geometry:
    page = page or layout.page_setup()
    bottom = mm_to_twips(page.bottom_mm)
    number_line = pt_to_twips(page.page_number.size_pt)
    return Geometry(
        mm_to_twips(page.width_mm), mm_to_twips(page.height_mm), mm_to_twips(page.top_mm),
        bottom, mm_to_twips(page.left_mm), mm_to_twips(page.right_mm),
        pt_to_twips(page.line_pitch_pt),
        bottom - mm_to_twips(page.page_number.below_mm) - number_line - FOOTER_TEXT_DROP_TW,
        mm_to_twips(headfoot.HEADER_DISTANCE_MM))


_DEFAULT = geometry()
LINE_PITCH_TW = _DEFAULT.line_pitch        # 579 (28.95 pt)
TYPE_WIDTH_TW = _DEFAULT.type_width        # 8844
FOOTER_DISTANCE_TW = _DEFAULT.footer

# --- styles ----------------------------------------------------------------------------

TABLE_STYLE_ID = "GongwenTable"
_FIXED_IDS = {spec.TABLE_TEXT.name: TABLE_STYLE_ID,
              layout.PAGE_NUMBER_STYLE: PAGE_NUMBER_STYLE_ID,
              layout.PAGE_NUMBER_EVEN_STYLE: PAGE_NUMBER_EVEN_STYLE_ID}


def _camel(role: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in role.split("_"))


def _style_ids() -> Dict[str, str]:
    """{style name: styleId}: a role's style is ``Gongwen`` + the first role's key that
    uses it (GongwenTitle, GongwenHeading1, GongwenDocNumber …), ASCII as Word wants."""
    ids: Dict[str, str] = {}
    for role, style in spec.PARAGRAPH_STYLES.items():
        ids.setdefault(style.name, "Gongwen" + _camel(role))
    ids.update(_FIXED_IDS)
    return ids


def style_id(role: str) -> str:
    """The styleId of a role's paragraph style (roles sharing a style share the id)."""
    return _style_ids()[spec.style_name(role)]


def style_id_of(name: str) -> str:
    return _style_ids()[name]


_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}


def _el(tag: str, **attrs: str) -> etree._Element:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn("w:" + key), value)
    return element



def _style_ppr(look: layout.Appearance) -> etree._Element:
    ppr = _el("w:pPr")
    ppr.append(_el("w:keepNext", val="1" if look.keep_with_next else "0"))
    ppr.append(_el("w:widowControl", val="0"))  # a full page keeps all its lines
    if not look.autospace:
        # No extra space between CJK and digits (署名/成文日期: §7.3.5.2 places the date
        # by character widths, which hold only without it). Writer 7.4 ignores these.
        ppr.append(_el("w:autoSpaceDE", val="0"))
        ppr.append(_el("w:autoSpaceDN", val="0"))
    if not look.snap_to_grid:
        # Off the grid: Writer ignores an exact line height on a snapped paragraph and
        # gives a 2号 title line two grid lines (docs/LO_NOTES.md).
        ppr.append(_el("w:snapToGrid", val="0"))
    spacing = {"before": str(pt_to_twips(look.space_before_pt)),
               "after": str(pt_to_twips(look.space_after_pt))}
    if look.space_before_lines:
        spacing["beforeLines"] = hundredths(look.space_before_lines)
    if look.space_after_lines:
        spacing["afterLines"] = hundredths(look.space_after_lines)
    if look.line_rule == layout.EXACT:
        spacing.update(line=str(pt_to_twips(look.line_pt)), lineRule="exact")
    else:  # GRID (snapped by the section's grid) or SINGLE
        spacing.update(line="240", lineRule="auto")
    ppr.append(_el("w:spacing", **spacing))
    size = look.size_pt
    ppr.append(_el("w:ind", left=str(chars_to_twips(look.left_chars, size)),
                   leftChars=hundredths(look.left_chars),
                   right=str(chars_to_twips(look.right_chars, size)),
                   rightChars=hundredths(look.right_chars),
                   firstLine=str(chars_to_twips(look.first_line_chars, size)),
                   firstLineChars=hundredths(look.first_line_chars)))
    ppr.append(_el("w:jc", val=_JC[look.align]))
    if look.outline_level:
        ppr.append(_el("w:outlineLvl", val=str(look.outline_level - 1)))
    return ppr


def _style_rpr(look: layout.Appearance) -> etree._Element:
    rpr = _el("w:rPr")
    latin = look.latin_font
    rpr.append(_el("w:rFonts", ascii=latin, hAnsi=latin, eastAsia=look.east_asian_font,
                   cs=latin, hint="eastAsia"))
    rpr.append(_el("w:b", val="1" if look.bold else "0"))
    rpr.append(_el("w:bCs", val="1" if look.bold else "0"))
    rpr.append(_el("w:i", val="0"))
    rpr.append(_el("w:color", val=color_hex(look.color_rgb)))
    if look.char_spacing_pt:
        rpr.append(_el("w:spacing", val=str(pt_to_twips(look.char_spacing_pt))))
    rpr.append(_el("w:kern", val="0"))
    rpr.append(_el("w:sz", val=half_points(look.size_pt)))
    rpr.append(_el("w:szCs", val=half_points(look.size_pt)))
    rpr.append(_el("w:lang", val="en-US", eastAsia="zh-CN"))
    return rpr


def color_hex(rgb: Optional[int]) -> str:
    """A w:color value: RRGGBB, or ``auto``."""
    return "auto" if rgb is None else f"{rgb:06X}"


def _build_style(sid: str, look: layout.Appearance) -> etree._Element:
    element = _el("w:style", type="paragraph", customStyle="1", styleId=sid)
    element.append(_el("w:name", val=look.name))
    element.append(_el("w:qFormat"))
    element.append(_style_ppr(look))
    element.append(_style_rpr(look))
    return element


def ensure_styles(document: DocxDocument,
                  looks: Optional[Dict[str, layout.Appearance]] = None) -> Dict[str, str]:
    """Create or reset the 公文 paragraph styles; return {style name: styleId}.

    A style already in the file (same styleId, or same name under another id) is
    replaced in place, so a second run writes the same XML.
    """
    looks = looks if looks is not None else layout.appearances()
    ids = _style_ids()
    styles_el = document.styles.element
    result: Dict[str, str] = {}
    for name, look in looks.items():
        result[name] = _put_style(styles_el, _build_style(ids[name], look),
                                  _find_style(styles_el, ids[name], name))
    return result


# The run-in headings' character styles: GongwenRunIn1 … GongwenRunIn4, by level; the
# 纪要's 出席 label.
_CHAR_STYLE_IDS = {name: "GongwenRunIn" + role[-1]
                   for role, name in spec.RUN_IN_CHAR_STYLES.items()}
_CHAR_STYLE_IDS[spec.ATTENDANCE_LABEL_CHAR_STYLE] = "GongwenAttendanceLabel"


def char_style_id(name: str) -> str:
    return _CHAR_STYLE_IDS[name]


def char_style_ids() -> List[str]:
    return list(_CHAR_STYLE_IDS.values())


def _build_char_style(sid: str, look: layout.CharAppearance) -> etree._Element:
    element = _el("w:style", type="character", customStyle="1", styleId=sid)
    element.append(_el("w:name", val=look.name))
    element.append(_el("w:qFormat"))
    rpr = _el("w:rPr")
    latin = look.latin_font
    rpr.append(_el("w:rFonts", ascii=latin, hAnsi=latin, eastAsia=look.east_asian_font,
                   cs=latin, hint="eastAsia"))
    rpr.append(_el("w:b", val="1" if look.bold else "0"))
    rpr.append(_el("w:bCs", val="1" if look.bold else "0"))
    rpr.append(_el("w:sz", val=half_points(look.size_pt)))
    rpr.append(_el("w:szCs", val=half_points(look.size_pt)))
    element.append(rpr)
    return element


def ensure_char_styles(document: DocxDocument,
                       looks: Optional[Dict[str, layout.CharAppearance]] = None
                       ) -> Dict[str, str]:
    """Create or reset the plan's character styles; return {style name: styleId}."""
    looks = looks if looks is not None else layout.char_appearances()
    styles_el = document.styles.element
    result: Dict[str, str] = {}
    for name, look in looks.items():
        result[name] = _put_style(
            styles_el, _build_char_style(char_style_id(name), look),
            _find_style(styles_el, char_style_id(name), name, kind="character"))
    return result


# layout.FOREIGN_STYLE_RESETS as a character style's run properties.
_FOREIGN_RESETS = {layout.FONT: ("rFonts",), layout.SIZE: ("sz", "szCs"),
                   layout.LETTER_SPACING: ("spacing",), layout.SCALE: ("w",)}
assert tuple(_FOREIGN_RESETS) == layout.FOREIGN_STYLE_RESETS  # one rule: what the core names


def reset_foreign_character_styles(document: DocxDocument,
                                   looks: Dict[str, layout.CharAppearance]) -> List[str]:
    """Every character style the plan does not make loses its fonts and sizes
    (:data:`gongwen.layout.FOREIGN_STYLE_RESETS`): the paragraph's style decides them.
    Returns their ids. (Writer resets those in use and their parents; one nothing uses
    shows nowhere, so the pages are the same.)"""
    ours = {char_style_id(name) for name in looks}
    tags = {qn("w:" + tag) for names in _FOREIGN_RESETS.values() for tag in names}
    changed = []
    for style in document.styles.element.findall(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        rpr = style.find(qn("w:rPr"))
        if style.get(qn("w:type")) != "character" or sid in ours or rpr is None:
            continue
        doomed = [child for child in rpr if child.tag in tags]
        for child in doomed:
            rpr.remove(child)
        if doomed:
            changed.append(sid)
    return changed


def _put_style(styles_el: etree._Element, new: etree._Element,
               old: Optional[etree._Element]) -> str:
    """``new`` in the place and under the styleId of ``old`` (the author's style of that
    name, so references to it stay), else at the end; returns its styleId."""
    if old is not None:
        new.set(qn("w:styleId"), old.get(qn("w:styleId")))
        old.addprevious(new)
        styles_el.remove(old)
    else:
        styles_el.append(new)
    return new.get(qn("w:styleId"))


def _find_style(styles_el: etree._Element, sid: str, name: str,
                kind: str = "paragraph") -> Optional[etree._Element]:
    for element in styles_el.findall(qn("w:style")):
        if element.get(qn("w:type")) != kind:
            continue
        name_el = element.find(qn("w:name"))
        if element.get(qn("w:styleId")) == sid or (
                name_el is not None and name_el.get(qn("w:val")) == name):
            return element
    return None


# --- page setup ------------------------------------------------------------------------

def sectpr_child(sect_pr: etree._Element, name: str) -> etree._Element:
    """The section's ``w:<name>``, made in schema order when it has none."""
    found = sect_pr.find(qn("w:" + name))
    if found is not None:
        return found
    return docxrepair.insert_in_order(sect_pr, OxmlElement("w:" + name))


def _set_attrs(element: etree._Element, attrs: Dict[str, str], keep: Tuple[str, ...] = ()
               ) -> None:
    for key in list(element.attrib):
        if etree.QName(key).localname not in keep:
            del element.attrib[key]
    for key, value in attrs.items():
        element.set(qn("w:" + key), value)


def apply_page_setup(section: Section, page: Optional[layout.PageSetup] = None) -> None:
    """The plan's paper, margins, header/footer distances and line grid (or none, with
    fixed line spacing)."""
    page = page or layout.page_setup()
    twips = geometry(page)
    sect_pr = section._sectPr
    _set_attrs(sectpr_child(sect_pr, "pgSz"), {"w": str(twips.width), "h": str(twips.height)})
    _set_attrs(sectpr_child(sect_pr, "pgMar"), {
        "top": str(twips.top), "right": str(twips.right), "bottom": str(twips.bottom),
        "left": str(twips.left), "header": str(twips.header), "footer": str(twips.footer),
        "gutter": "0",
    })
    # type="lines": Writer shows 28 characters (linesAndChars with a negative charSpace
    # shows about 14); the 28 come from the character spacing in the styles.
    grid = {"type": "lines", "linePitch": str(twips.line_pitch)} if page.grid \
        else {"linePitch": str(twips.line_pitch)}
    _set_attrs(sectpr_child(sect_pr, "docGrid"), grid)


# --- page numbers ----------------------------------------------------------------------

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _page_number_paragraph(even: bool, page: layout.PageSetup) -> etree._Element:
    """The plan's ``— PAGE —`` as a complex field, in the odd or even page-number style."""
    p = _el("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:pStyle", val=PAGE_NUMBER_EVEN_STYLE_ID if even else PAGE_NUMBER_STYLE_ID))
    p.append(ppr)

    def run(child: etree._Element) -> None:
        r = _el("w:r")
        r.append(child)
        p.append(r)

    def text(value: str) -> etree._Element:
        t = _el("w:t")
        t.text = value
        t.set(_XML_SPACE, "preserve")
        return t

    before, after = page.page_number.around()
    if before:
        run(text(before))
    run(_el("w:fldChar", fldCharType="begin"))
    instr = _el("w:instrText")
    instr.text = " PAGE "
    instr.set(_XML_SPACE, "preserve")
    run(instr)
    run(_el("w:fldChar", fldCharType="separate"))
    run(text("1"))
    run(_el("w:fldChar", fldCharType="end"))
    if after:
        run(text(after))
    return p


def remove_page_numbers(part_el: etree._Element) -> bool:
    """Drops the part's page-number-only and empty paragraphs and text boxes that show only
    a page number; True when the author's own text remains."""
    for run in page_number_boxes(part_el):
        run.getparent().remove(run)
    kept = False
    for p in part_paragraphs(part_el):
        if is_page_number_paragraph(p) or is_empty_paragraph(p):
            drop_paragraph(p)
        else:
            kept = True
    blocks = [child for child in part_el if child.tag in (qn("w:p"), qn("w:tbl"), qn("w:sdt"))]
    if blocks and blocks[-1].tag == qn("w:tbl"):
        blocks[-1].addnext(_closing_paragraph())  # Word ends every story with a paragraph
    return kept


_CLOSING_LINE_TW = pt_to_twips(headfoot.CLOSING_LINE_PT)


def _closing_paragraph() -> etree._Element:
    p = _el("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:spacing", before="0", after="0", line=str(_CLOSING_LINE_TW),
                   lineRule="exact"))
    rpr = _el("w:rPr")
    rpr.append(_el("w:sz", val="2"))
    ppr.append(rpr)
    p.append(ppr)
    return p


def _on_exact_lines(part_el: etree._Element) -> None:
    """The author's footer paragraphs on exact lines, no spacing (headfoot.AUTHORS_LINE_PT)."""
    line = str(pt_to_twips(headfoot.AUTHORS_LINE_PT))
    for p in part_paragraphs(part_el):
        spacing = p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None and spacing.get(qn("w:line")) == str(_CLOSING_LINE_TW):
            continue
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = _el("w:pPr")
            p.insert(0, ppr)
        _set_ppr_spacing(ppr, {"before": "0", "after": "0", "line": line,
                               "lineRule": "exact"})


def _set_ppr_spacing(ppr: etree._Element, attrs: Dict[str, str]) -> None:
    old = ppr.find(qn("w:spacing"))
    if old is not None:
        ppr.remove(old)
    docxrepair.insert_in_order(ppr, _el("w:spacing", **attrs))


def _fill_footer(footer_el: etree._Element, even: bool, page: layout.PageSetup) -> int:
    """Replace page numbers in a footer with the plan's, as its first line; keep every other
    paragraph, under it. Returns how many lines of the author's text were kept."""
    remove_page_numbers(footer_el)
    _on_exact_lines(footer_el)
    lines = authors_lines(footer_el)
    footer_el.insert(0, _page_number_paragraph(even, page))
    return lines


def authors_lines(part_el: etree._Element) -> int:
    """Lines the author's header/footer text takes, roughly: one a paragraph, a table row
    its fullest cell's."""
    lines = 0
    for child in part_el.iter(qn("w:p"), qn("w:tr")):
        spacing = child.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None and spacing.get(qn("w:line")) == str(_CLOSING_LINE_TW):
            continue
        if child.tag == qn("w:tr"):
            if next(child.iterancestors(qn("w:tr")), None) is None:
                lines += max((len(cell.findall(qn("w:p"))) for cell in child.iter(qn("w:tc"))),
                             default=1)
        elif next(child.iterancestors(qn("w:tbl")), None) is None \
                and not any(a.tag == qn("w:txbxContent") for a in child.iterancestors()):
            lines += 1
    return lines


_MIN_FOOTER_TW = mm_to_twips_exact(headfoot.AUTHORS_FOOTER_BOTTOM_MM)


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


def _headers(section: Section) -> List[object]:
    headers = [section.header, section.even_page_header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    return [header for header in headers if not header.is_linked_to_previous]


def apply_page_number_footers(document: DocxDocument,
                              plan: Optional[layout.LayoutPlan] = None) -> List[str]:
    """Odd/even footers with the plan's ``— PAGE —``: by default odd pages right, even
    pages left, one character in. Returns what of the author's text was kept
    (``header``/``footer``, :mod:`gongwen.headfoot`).

    Turns on ``w:evenAndOddHeaders``. When that is new, a section's own header that has no
    even-page header yet is copied to the even pages so it keeps showing there. Footer text
    other than a page number stays (and is copied to a new even-page footer); header
    paragraphs that only showed a page number go. A first-page footer (``w:titlePg``) gets
    the odd-page number too: every page of a 公文 has its number. Later sections whose
    footers are linked to the previous section stay linked.
    """
    page = plan.page if plan is not None else layout.page_setup()
    kept = set()
    settings = document.settings
    first_time = not settings.odd_and_even_pages_header_footer
    # Written anew where python-docx's CT_Settings puts it (the schema's place): a file
    # that had it last among the settings kept that slip.
    settings.element._remove_evenAndOddHeaders()
    settings.odd_and_even_pages_header_footer = True
    # The author's lines in each kind of footer, as the next section inherits them.
    inherited: Dict[str, int] = {}
    for index, section in enumerate(document.sections):
        if index > 0 and section.different_first_page_header_footer \
                and not _shows_authors_text(section.first_page_header) \
                and not _shows_authors_text(section.first_page_footer):
            # A later section's own first page may fall on an even page, where the odd
            # page's number (right) would sit on the wrong side (measured: page 6 of a
            # Word file, 163 mm in). With nothing of the author's in its first-page
            # header and footer, it is an ordinary page of its section.
            section.different_first_page_header_footer = False
        if first_time and not section.header.is_linked_to_previous \
                and section.even_page_header.is_linked_to_previous:
            section.even_page_header.is_linked_to_previous = False
            _copy_part_content(section.header, section.even_page_header)
        for header in _headers(section):
            if remove_page_numbers(header._element):
                kept.add(headfoot.HEADER)
        footers = [("odd", section.footer), ("even", section.even_page_footer)]
        authors = 0
        if section.different_first_page_header_footer:
            footers.append(("first", section.first_page_footer))
        for kind, footer in footers:
            if footer.is_linked_to_previous:
                # Without even/odd footers before, a section's own footer showed on its even
                # pages too: the even pages get a copy of it (not the previous section's),
                # so the number sits as high over the author's lines on both (measured: a
                # long Word file's last section had its even numbers 13.7 mm down).
                own_odd = first_time and kind == "even" and \
                    not section.footer.is_linked_to_previous
                if index > 0 and kind != "first" and not own_odd:
                    # inherits the previous section's numbered footer, and its lines
                    authors = max(authors, inherited.get(kind, 0))
                    continue
                footer.is_linked_to_previous = False
                if kind != "odd":
                    _copy_part_content(section.footer, footer)
            lines = _fill_footer(footer._element, kind == "even", page)
            inherited[kind] = lines
            if lines:
                kept.add(headfoot.FOOTER)
                authors = max(authors, lines)
        if authors:
            _lower_footer(section, page, authors)
    return [kind for kind in (headfoot.HEADER, headfoot.FOOTER) if kind in kept]


def _shows_authors_text(part) -> bool:
    """A header/footer (its own, or the one it inherits) shows text of the author's other
    than a page number. Reads without adding a definition."""
    while part is not None and not part._has_definition:
        part = part._prior_headerfooter
    if part is None:
        return False
    return any(not (is_page_number_paragraph(p) or is_empty_paragraph(p))
               for p in part_paragraphs(part._definition.element)) or \
        any(True for _ in part._definition.element.iter(qn("w:tbl")))


def _lower_footer(section: Section, page: layout.PageSetup, lines: int) -> None:
    """The number stays ``below_mm`` under the type area with the author's lines under it."""
    below = lines * pt_to_twips(headfoot.AUTHORS_LINE_PT) + _CLOSING_LINE_TW
    distance = max(geometry(page).footer - below, _MIN_FOOTER_TW)
    sectpr_child(section._sectPr, "pgMar").set(qn("w:footer"), str(distance))


def apply_layout(document: DocxDocument, plan: Optional[layout.LayoutPlan] = None,
                 footers: bool = True) -> List[str]:
    """Styles, page setup and (unless ``footers=False``) page-number footers everywhere.

    Returns what of the author's header/footer text was kept. Paragraph roles are not
    touched: the renderer applies each paragraph's planned style itself.
    """
    apply_styles(document, plan)
    return apply_page(document, plan, footers)


def apply_styles(document: DocxDocument, plan: Optional[layout.LayoutPlan] = None) -> None:
    """The plan's paragraph and character styles (Format's step 7)."""
    ensure_styles(document, plan.styles if plan is not None else None)
    ensure_char_styles(document, plan.char_styles if plan is not None else None)


def apply_page(document: DocxDocument, plan: Optional[layout.LayoutPlan] = None,
               footers: bool = True) -> List[str]:
    """The plan's page on every section and (unless ``footers=False``) its page-number
    footers (Format's step 6); returns what of the author's header/footer text was kept."""
    for section in document.sections:
        apply_page_setup(section, plan.page if plan is not None else None)
    return apply_page_number_footers(document, plan) if footers else []


__all__ = [
    "apply_layout", "apply_styles", "apply_page", "ensure_styles", "ensure_char_styles",
    "char_style_id", "apply_page_setup",
    "apply_page_number_footers",
    "style_id", "style_id_of", "geometry", "TABLE_STYLE_ID", "FOOTER_DISTANCE_TW", "LINE_PITCH_TW",
    "TYPE_WIDTH_TW",
]
