"""The whole 公文's per-paragraph layout (:mod:`gongwen.wholedoc`) as Writer properties.

Exact lines off the grid (版头), a page break before each attached text, rules as paragraph
borders (BottomBorder/TopBorder with their distance), indents, alignment and the right tab
stop of a two-part line. Units only: the plan decides.
"""

from __future__ import annotations

from typing import Dict

from gongwen import layout
from gongwen import wholedoc as core_wholedoc
from gongwen.spec import Align
from gongwen.writer import page, styles, units

_PAGE_BEFORE = "PAGE_BEFORE"  # com.sun.star.style.BreakType
_RIGHT = "RIGHT"              # com.sun.star.style.TabAlign
_SOLID = 0                    # com.sun.star.table.BorderLineStyle.SOLID
# The 版记's page style: the body's page, no footer (no page number, §7.5), left pages only
# (Writer then starts it on an even page, with an empty page before it when needed).
RECORD_PAGE_STYLE = "公文版记页"
# 信函格式's first page: the body's page, its footer only the red double rule (§10).
LETTER_FIRST_PAGE_STYLE = "公文信函首页"
OWN_PAGE_STYLES = (RECORD_PAGE_STYLE, LETTER_FIRST_PAGE_STYLE)
_THICKTHIN_SMALLGAP = 7  # com.sun.star.table.BorderLineStyle: the thick line inside
# The footer paragraph under the first page's rule: one exact line this high.
_RULE_LINE_HMM = units.mm_to_hmm(core_wholedoc.LETTER_RULE_LINE_MM)


def wholedoc_properties(plan: layout.LayoutPlan,
                        paragraph: layout.ParagraphPlan) -> Dict[str, object]:
    """UNO property name -> value for what the plan adds to one paragraph (may be {})."""
    import uno

    look = plan.styles[paragraph.style]
    size = look.size_pt
    change: Dict[str, object] = {}
    if look.color_rgb is not None:
        change["reset"] = ("CharColor",)  # the style's red, not a pasted colour
    if paragraph.line_pt is not None:
        spacing = uno.createUnoStruct("com.sun.star.style.LineSpacing")
        spacing.Mode, spacing.Height = 3, units.pt_to_hmm(paragraph.line_pt)  # FIX
        change["ParaLineSpacing"] = spacing
        change["SnapToGrid"] = False
    if paragraph.record_page:
        change["PageDescName"] = RECORD_PAGE_STYLE
    if paragraph.first_page:
        change["PageDescName"] = LETTER_FIRST_PAGE_STYLE
    if paragraph.page_break_before:
        change["BreakType"] = uno.Enum("com.sun.star.style.BreakType", _PAGE_BEFORE)
    for side, rule in (("Top", paragraph.rule_above), ("Bottom", paragraph.rule_below)):
        if rule is not None:
            change[side + "Border"] = border_line(rule)
            change[side + "BorderDistance"] = units.pt_to_hmm(rule.distance_pt)
    for side, rule in zip(("Left", "Right"), paragraph.reach_rules or ()):
        if rule.distance_pt:
            change[side + "Border"] = border_line(rule)
            change[side + "BorderDistance"] = units.pt_to_hmm(rule.distance_pt)
    if paragraph.align is not None:
        change["ParaAdjust"] = styles._ADJUST[paragraph.align]
        change["ParaLastLineAdjust"] = styles._ADJUST[Align.CENTER] \
            if paragraph.align == Align.CENTER else 0
    if paragraph.first_line_chars is not None:
        change["ParaFirstLineIndent"] = units.chars_to_hmm(paragraph.first_line_chars, size)
    if paragraph.left_chars is not None:
        change["ParaLeftMargin"] = units.chars_to_hmm(paragraph.left_chars, size)
    if paragraph.right_chars is not None and paragraph.right_chars_autospaced is None:
        change["ParaRightMargin"] = units.chars_to_hmm(paragraph.right_chars, size)
    if paragraph.right_tab_chars is not None:
        stop = uno.createUnoStruct("com.sun.star.style.TabStop")
        stop.Position = right_tab_hmm(plan, paragraph)
        stop.Alignment = uno.Enum("com.sun.star.style.TabAlign", _RIGHT)
        stop.FillChar = uno.Char(" ")
        stop.DecimalChar = uno.Char(".")
        # A typed sequence: pyuno cannot tell a tuple of structs for this property.
        change["ParaTabStops"] = uno.Any("[]com.sun.star.style.TabStop", (stop,))
    return change


def right_tab_hmm(plan: layout.LayoutPlan, paragraph: layout.ParagraphPlan) -> int:
    """The right tab stop from the paragraph's left indent (0 on a two-part line)."""
    size = plan.styles[paragraph.style].size_pt
    width = units.mm_to_hmm(plan.page.type_width_mm)
    return width - units.chars_to_hmm(paragraph.right_tab_chars or 0.0, size)


def border_line(rule: layout.Rule):
    import uno

    line = uno.createUnoStruct("com.sun.star.table.BorderLine2")
    line.Color = rule.color_rgb
    line.LineStyle = _THICKTHIN_SMALLGAP if rule.double else _SOLID
    line.LineWidth = units.mm_to_hmm(rule.thickness_mm)
    line.OuterLineWidth = units.mm_to_hmm(rule.width_mm)
    line.InnerLineWidth = units.mm_to_hmm(rule.inner_mm)
    line.LineDistance = units.mm_to_hmm(rule.gap_mm)
    return line


def ensure_page_style(document, name: str) -> None:
    """One of the page styles Format makes (creating a style is undoable)."""
    family = document.getStyleFamilies().getByName(page.PAGE_FAMILY)
    if not family.hasByName(name):
        family.insertByName(name, document.createInstance("com.sun.star.style.PageStyle"))


def letter_first_page_state(old: page.StyleState, plan: layout.LayoutPlan,
                            follow: str) -> page.StyleState:
    """信函格式's first page style: the plan's page and grid; a footer holding only the
    double rule, its top ``rule_from_bottom_mm`` above the paper's edge (no page number);
    the body's page style after it. The body ends where it does on every page."""
    import uno

    first = plan.first_page
    assert first is not None
    props = dict(old["props"])
    props.update({key: value for key, value in page.target_properties(plan.page)
                  if key in props})
    # A first page raised by ``top_mm`` keeps the type area's height (Writer centres the
    # line grid in a taller body: measured, the name rose half as far): the footer's
    # distance takes what the top gave.
    raised = units.mm_to_hmm(plan.page.top_mm - first.top_mm) \
        if first.top_mm is not None else 0
    distance = units.mm_to_hmm(plan.page.bottom_mm - first.rule_from_bottom_mm)
    height = distance + units.mm_to_hmm(first.rule.thickness_mm) + _RULE_LINE_HMM
    props.update({"FooterIsOn": True, "FooterIsShared": True, "FooterIsDynamicHeight": False,
                  "FooterDynamicSpacing": False, "FooterBodyDistance": distance + raised,
                  "FooterHeight": height + raised,
                  "BottomMargin": page._page_length(plan.page.bottom_mm) - height,
                  "TopMargin": page._page_length(first.top_mm if first.top_mm is not None
                                                 else plan.page.top_mm),
                  "PageStyleLayout": uno.Enum("com.sun.star.style.PageStyleLayout", "ALL")})
    reach = -units.mm_to_hmm(first.rule_overhang_mm)
    rule_paragraph = {
        "para": {"ParaAdjust": 0, "ParaLeftMargin": reach, "ParaRightMargin": reach,
                 "ParaFirstLineIndent": 0, "ParaTopMargin": 0, "ParaBottomMargin": 0,
                 "ParaLineSpacing": _exact_line(_RULE_LINE_HMM), "SnapToGrid": False,
                 "TopBorder": border_line(first.rule), "TopBorderDistance": 0},
        "char": {}, "portions": []}
    # Its one page shows the footer it has (FirstIsShared, written with the rest under the
    # undo lock: set outside it, a page style's property emptied the undo stack).
    return {"props": props, "texts": {"FooterTextRight": [("para", rule_paragraph)]},
            "follow": follow, "shares_first": True}


def _exact_line(height: int):
    import uno

    spacing = uno.createUnoStruct("com.sun.star.style.LineSpacing")
    spacing.Mode, spacing.Height = 3, height  # FIX
    return spacing


def record_page_state(old: page.StyleState, plan_page: layout.PageSetup) -> page.StyleState:
    """The 版记 page style's target: the plan's page and grid, no footer (so its bottom
    margin is the whole margin), left pages only."""
    import uno

    props = dict(old["props"])
    props.update({key: value for key, value in page.target_properties(plan_page)
                  if key in props})
    props["FooterIsOn"] = False
    props["BottomMargin"] = page._page_length(plan_page.bottom_mm)
    props["PageStyleLayout"] = uno.Enum("com.sun.star.style.PageStyleLayout", "LEFT")
    return {"props": props, "texts": {}}


def place_record(document, plan: layout.LayoutPlan) -> bool:
    """The 版记 at the foot of the text's last page when that page is even and has room
    (§7.4), instead of the page of its own the plan gave it: Writer lays the document out
    and says on which page the text ends and how far down (the view cursor's page and
    position, from the top of that page's first line). Checked after: if the 版记's last
    line went to another page, its own page comes back. Returns True when it moved."""
    from gongwen import wholedoc as core

    first = core.record_start(plan.paragraphs)
    if not first:
        return False
    paragraphs = _paragraphs(document)
    if len(paragraphs) != len(plan.paragraphs):
        return False
    controller = document.getCurrentController()
    controller.getPropertyValue("PageCount")  # lays the document out (docs/LO_NOTES.md)
    view = controller.getViewCursor()
    saved = view.getStart()  # where the user's cursor was, given back
    try:
        return _to_the_foot(controller, view, paragraphs, plan, first)
    finally:
        view.gotoRange(saved, False)


def _to_the_foot(controller, view, paragraphs: list, plan: layout.LayoutPlan,
                 first: int) -> bool:
    from gongwen import wholedoc as core

    view.gotoRange(paragraphs[first - 1].getEnd(), False)
    page_number = view.getPage()
    if page_number % 2:
        return False
    bottom = view.getPosition().Y
    view.jumpToStartOfPage()
    used_pt = units.hmm_to_pt(bottom - view.getPosition().Y) + plan.page.line_pitch_pt
    room = core.foot_space(plan.paragraphs[first], used_pt)
    if room is None:
        return False
    target = paragraphs[first]
    old_margin = target.ParaTopMargin
    target.PageDescName = ""
    target.ParaTopMargin = units.pt_to_hmm(room)
    controller.getPropertyValue("PageCount")  # laid out again
    view.gotoRange(paragraphs[-1].getEnd(), False)
    if view.getPage() == page_number:
        return True
    target.PageDescName = RECORD_PAGE_STYLE  # it did not fit after all
    target.ParaTopMargin = old_margin
    return False


def _paragraphs(document) -> list:
    """The body's paragraphs in order (tables left out, as the plan counts them)."""
    found = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            found.append(element)
    return found
