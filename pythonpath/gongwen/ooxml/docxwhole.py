"""The whole 公文's per-paragraph layout (:mod:`gongwen.wholedoc`) as WordprocessingML.

A page break before each attached text (``w:pageBreakBefore``), rules as paragraph borders
(``w:pBdr`` ``w:top``/``w:bottom``: ``w:sz`` in eighths of a point, ``w:space`` in points,
``w:color``), indents, alignment and the right tab stop of a two-part line (``w:tabs``), and
a typed tab as Word wants it (a ``w:tab`` element, not a tab character inside ``w:t``).
Units and schema only: the plan decides.
"""

from __future__ import annotations

import copy
import re
from typing import Callable, Dict, Optional, Tuple

from docx.oxml.ns import qn
from lxml import etree

from gongwen import layout, wholedoc
from gongwen.ooxml import docxlayout, docxpagenumbers, units

_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}

SetChild = Callable[[etree._Element, str, Dict[str, str]], None]


def apply_paragraph(p: etree._Element, paragraph: layout.ParagraphPlan,
                    plan: layout.LayoutPlan, set_child: SetChild) -> None:
    """Writes what the plan adds to one paragraph (``set_child`` keeps the schema order)."""
    look = plan.styles[paragraph.style]
    if paragraph.page_break_before:
        set_child(p, "pageBreakBefore", {})
    if paragraph.rule_above is not None or paragraph.rule_below is not None:
        _borders(p, paragraph.rule_above, paragraph.rule_below, set_child,
                 paragraph.reach_rules)
    if paragraph.right_tab_chars is not None:
        _tab_stop(p, right_tab_twips(plan, paragraph), set_child)
    if paragraph.right_chars_autospaced is None and any(
            value is not None for value in (paragraph.first_line_chars, paragraph.left_chars,
                                            paragraph.right_chars)):
        set_child(p, "ind", indents(look, paragraph))
    if paragraph.align is not None:
        set_child(p, "jc", {"val": _JC[paragraph.align]})


def indents(look: layout.Appearance, paragraph: layout.ParagraphPlan) -> Dict[str, str]:
    """A complete w:ind (twips and hundredths of a character, which Word prefers)."""
    def pick(value: Optional[float], default: float) -> float:
        return default if value is None else value

    first = pick(paragraph.first_line_chars, look.first_line_chars)
    left = pick(paragraph.left_chars, look.left_chars)
    right = pick(paragraph.right_chars, look.right_chars)
    size = look.size_pt
    attrs = {"left": str(units.chars_to_twips(left, size)), "leftChars": units.hundredths(left),
             "right": str(units.chars_to_twips(right, size)),
             "rightChars": units.hundredths(right)}
    if first < 0:
        attrs.update(hanging=str(units.chars_to_twips(-first, size)),
                     hangingChars=units.hundredths(-first))
    else:
        attrs.update(firstLine=str(units.chars_to_twips(first, size)),
                     firstLineChars=units.hundredths(first))
    return attrs


def right_tab_twips(plan: layout.LayoutPlan, paragraph: layout.ParagraphPlan) -> int:
    size = plan.styles[paragraph.style].size_pt
    width = docxlayout.geometry(plan.page).type_width
    return width - units.chars_to_twips(paragraph.right_tab_chars or 0.0, size)


def _tab_stop(p: etree._Element, position: int, set_child: SetChild) -> None:
    set_child(p, "tabs", {})
    tabs = p.find(f"{qn('w:pPr')}/{qn('w:tabs')}")
    tab = etree.SubElement(tabs, qn("w:tab"))
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:pos"), str(position))


def _border(tag: str, rule: layout.Rule) -> etree._Element:
    """A paragraph border. A double rule is ``thickThinSmallGap`` (the thick line inside,
    on the text's side): ``w:sz`` is then the thick line's width; Word (and Writer reading
    it) draws the thin line and the gap 0.75 pt each, which is what the plan asks for."""
    element = etree.Element(qn("w:" + tag))
    element.set(qn("w:val"), "thickThinSmallGap" if rule.double else "single")
    width = rule.inner_mm if rule.double else rule.width_mm
    element.set(qn("w:sz"), str(max(2, int(round(width * units.EIGHTHS_PER_MM)))))
    element.set(qn("w:space"), str(int(round(rule.distance_pt))))
    element.set(qn("w:color"), docxlayout.color_hex(rule.color_rgb))
    return element


def _borders(p: etree._Element, above: Optional[layout.Rule], below: Optional[layout.Rule],
             set_child: SetChild,
             reach: Optional[Tuple[layout.Rule, layout.Rule]] = None) -> None:
    set_child(p, "pBdr", {})
    borders = p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}")
    left, right = reach or (None, None)
    # CT_PBdr order: top, left, bottom, right, between, bar
    for tag, rule in (("top", above), ("left", left), ("bottom", below), ("right", right)):
        if rule is not None and (tag in ("top", "bottom") or rule.distance_pt):
            borders.append(_border(tag, rule))


# The first page's footer paragraph under 信函格式's bottom rule (wholedoc.LETTER_RULE_LINE_MM).
_RULE_LINE_TW = units.mm_to_twips_exact(wholedoc.LETTER_RULE_LINE_MM)


def letter_first_page(document, plan: layout.LayoutPlan) -> None:
    """信函格式's first page (GB/T 9704 §10): a first-page footer (``w:titlePg``) holding
    only the red double rule, as the top border of an empty paragraph, and no page number.

    A footer's last line ends ``w:footer`` above the paper's edge, so the rule's top is that
    distance, the line and the rule above it: the section's footer distance comes down to
    put it ``rule_from_bottom_mm`` up, and the numbered footers of the other pages get an
    empty exact line of the difference under their number, which so stays where it was
    (Writer ignores space after a footer's last paragraph: measured, the number moved down
    by all of it). A footer with the author's lines under the number keeps its distance;
    the rule then sits higher. Run again, the page-number footers are made anew (empty
    paragraphs go), and so is this. Page 1's type area is raised (:func:`_raise_first_page`).
    """
    first = plan.first_page
    if first is None:
        return
    section = document.sections[0]
    section.different_first_page_header_footer = True
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    element.append(_rule_paragraph(first))
    rule_tw = units.mm_to_twips(first.rule.thickness_mm)
    distance = units.mm_to_twips(first.rule_from_bottom_mm) - _RULE_LINE_TW - rule_tw
    margins = docxlayout.sectpr_child(section._sectPr, "pgMar")
    lift = int(margins.get(qn("w:footer"))) - distance
    numbered = [part._element for part in (section.footer, section.even_page_footer)]
    if lift > 0 and all(_ends_with_number(part) for part in numbered):
        margins.set(qn("w:footer"), str(distance))
        for part in numbered:
            part.findall(qn("w:p"))[-1].addnext(_spacer(lift))
    _raise_first_page(section, margins, first, plan.page)


def _raise_first_page(section, margins: etree._Element, first: layout.FirstPage,
                      page: layout.PageSetup) -> None:
    """Page 1's type area raised above the other pages' (§10.1: the agency name's
    top 30 mm from the paper's edge), in one flowing section: the section's top margin is
    the first page's, and the other pages' headers (default and even) hold one empty exact
    line that ends where their type area starts. ECMA-376 §17.6.11 (``w:pgMar``, as Word
    lays it out): with a non-negative ``w:top`` the text starts at the greater of the top
    margin and the header's extent (``w:header`` + its content), and ends at the greater of
    ``w:bottom`` and the footer's. Writer's import turns the header distance into the page
    style's top margin and grows its header the same way (measured: pages 2+ keep their
    first line at 39.4 mm, as without the header). The first page's header is one 1 pt line,
    inside its margin. Its footer gets an empty line above the rule that makes it reach
    ``w:bottom`` + the raise: it grows upwards (its bottom stays ``w:footer`` above the edge,
    the rule 20 mm up) and page 1 keeps the type area's height, so the same lines fall on
    it as on the button's page 1 (measured: the red name's top 30.35 mm, as the button's).

    Headers with the author's text stay as they are, and page 1 with them (41 mm)."""
    if first.top_mm is None:
        return
    top = docxlayout.mm_to_twips(page.top_mm)
    raised = top - docxlayout.mm_to_twips(first.top_mm)
    header = units.read_twips(margins.get(qn("w:header")))
    others = [section.header, section.even_page_header]
    if raised <= 0 or top - header <= 0 or any(
            docxlayout._shows_authors_text(part) for part in others + [
                section.first_page_header]):
        return
    margins.set(qn("w:top"), str(top - raised))
    for part, height in [(part, top - header) for part in others] + [
            (section.first_page_header, _FIRST_HEADER_TW)]:
        part.is_linked_to_previous = False
        element = part._element
        for child in list(element):
            element.remove(child)
        element.append(_spacer(height))
    # The footer's top: its distance, the rule's line and the rule, and this line over them.
    reach = units.read_twips(margins.get(qn("w:footer"))) + _RULE_LINE_TW + \
        docxlayout.mm_to_twips(first.rule.thickness_mm)
    bottom = units.read_twips(margins.get(qn("w:bottom")))
    section.first_page_footer._element.insert(0, _spacer(bottom + raised - reach))


_FIRST_HEADER_TW = units.pt_to_twips(wholedoc.LETTER_FIRST_HEADER_PT)


def _ends_with_number(part: etree._Element) -> bool:
    paragraphs = part.findall(qn("w:p"))
    return bool(paragraphs) and docxpagenumbers.is_page_number_paragraph(paragraphs[-1])


def _rule_paragraph(first: layout.FirstPage) -> etree._Element:
    p = _spacer(_RULE_LINE_TW)
    ppr = p.find(qn("w:pPr"))
    borders = etree.Element(qn("w:pBdr"))
    borders.append(_border("top", first.rule))
    ppr.insert(0, borders)  # CT_PPrBase: pBdr before snapToGrid
    reach = str(-units.mm_to_twips(first.rule_overhang_mm))
    indent = etree.SubElement(ppr, qn("w:ind"))
    indent.set(qn("w:left"), reach)
    indent.set(qn("w:right"), reach)
    return p


def _spacer(height_tw: int) -> etree._Element:
    """An empty paragraph of one exact line, off the grid."""
    p = etree.Element(qn("w:p"))
    ppr = etree.SubElement(p, qn("w:pPr"))
    etree.SubElement(ppr, qn("w:snapToGrid")).set(qn("w:val"), "0")
    spacing = etree.SubElement(ppr, qn("w:spacing"))
    for key, value in (("before", "0"), ("after", "0"), ("line", str(height_tw)),
                       ("lineRule", "exact")):
        spacing.set(qn("w:" + key), value)
    return p


def drop_run_colors(p: etree._Element) -> None:
    for color in p.iter(qn("w:color")):
        if color.getparent().tag == qn("w:rPr"):
            color.getparent().remove(color)


# What a layout edit writes into ``w:t`` and the element it stands for.
_CONTROL_ELEMENTS = {"\t": "w:tab", "\n": "w:br"}  # a tab stop; a title's line break


def tabs_as_elements(p: etree._Element) -> None:
    """Each tab or line break character inside ``w:t`` (what a layout edit writes) becomes a
    ``w:tab`` or ``w:br`` run between the text before and after it, with the run's
    formatting (one pass: a pasted line held a thousand tabs)."""
    for text in list(p.iter(qn("w:t"))):
        value = text.text or ""
        if not any(ch in value for ch in _CONTROL_ELEMENTS):
            continue
        run = text.getparent()
        head, *rest_parts = re.split("([\t\n])", value)
        tails = list(zip(rest_parts[::2], rest_parts[1::2]))  # (control, text after it)
        text.text = head
        bare = copy.deepcopy(run)  # the run's formatting, no content
        for child in list(bare):
            if child.tag != qn("w:rPr"):
                bare.remove(child)
        last = run
        for control, tail in tails:
            tab_run = copy.deepcopy(bare)
            etree.SubElement(tab_run, qn(_CONTROL_ELEMENTS[control]))
            last.addnext(tab_run)
            last = tab_run
            if tail:
                tail_run = copy.deepcopy(bare)
                t = etree.SubElement(tail_run, qn("w:t"))
                t.text = tail
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                last.addnext(tail_run)
                last = tail_run
        rest = list(text.itersiblings())  # what follows in the run follows the last tab
        if rest:
            rest_run = copy.deepcopy(bare)
            rest_run.extend(rest)
            last.addnext(rest_run)
        if not head:
            run.remove(text)


def record_section(document, before: etree._Element) -> None:
    """The 版记 in a section of its own (GB/T 9704 §7.4, §7.5): ``before`` (the paragraph
    ahead of the 版记) ends the main text's section, with its page numbers; the last
    section starts on an even page (``w:type evenPage``, Word adds the blank page), has
    empty footers (no page number) and sets its text at the page's foot
    (``w:vAlign bottom``, which Word honours; Writer ignores it and has the space the plan
    puts above the 版记). Run again, it finds the section it made and keeps it.
    """
    body_sect = document.element.body.find(qn("w:sectPr"))
    ppr = before.find(qn("w:pPr"))
    if ppr is None or ppr.find(qn("w:sectPr")) is None:
        main = copy.deepcopy(body_sect)
        for child in main.findall(qn("w:type")):  # the main text keeps its own start
            main.remove(child)
        if ppr is None:
            ppr = etree.Element(qn("w:pPr"))
            before.insert(0, ppr)
        ppr.append(main)
    # Footers the main text's section uses too go (new empty ones are made); the 版记's
    # own, made by an earlier run, are emptied in place (no new parts each run).
    shared = {reference.get(qn("r:id")) for reference in main_section_of(before).iter(
        qn("w:footerReference"))}
    for reference in body_sect.findall(qn("w:footerReference")):
        if reference.get(qn("r:id")) in shared:
            body_sect.remove(reference)
    section = document.sections[-1]
    footers = [section.footer, section.even_page_footer]
    if section.different_first_page_header_footer:  # a letter's: not its first page's rule
        footers.append(section.first_page_footer)
    for footer in footers:
        footer.is_linked_to_previous = False
        element = footer._element
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, qn("w:p"))
    _sect_child(body_sect, "type").set(qn("w:val"), "evenPage")
    _sect_child(body_sect, "vAlign").set(qn("w:val"), "bottom")


def main_section_of(before: etree._Element) -> etree._Element:
    """The sectPr that ``before`` (the paragraph ahead of the 版记) ends."""
    return before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")


def _sect_child(sect_pr: etree._Element, name: str) -> etree._Element:
    return docxlayout.sectpr_child(sect_pr, name)
