"""The plan's types: what :func:`gongwen.layout.plan_document` decides and both hosts
carry out (the Writer host in :mod:`gongwen.writer`, the OOXML host in :mod:`gongwen.ooxml`).

Types only, so that the core modules that build parts of the plan (:mod:`gongwen.wholedoc`)
and the module that assembles it (:mod:`gongwen.layout`) both stand on them without
importing each other. Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional, Tuple

from gongwen import normalize, roles, spec

# --- settings: the numbers a plan is made from (gongwen.layout.settings_from)

class RoleFont(NamedTuple):
    font: str
    size_pt: float
    bold: bool


class PageNumber(NamedTuple):
    format: str          # "— {n} —"
    position: str        # OUTSIDE | CENTER | RIGHT
    font: str            # both scripts: GB/T 9704 §7.5 asks for 半角宋体 digits
    size_pt: float
    below_mm: float      # from the type area's bottom edge to the number's line
    indent_chars: float  # from the type area's edge, in characters of the number's size

    def around(self) -> Tuple[str, str]:
        """The text before and after the number: ("— ", " —")."""
        before, _, after = self.format.partition("{n}")
        return before, after


class Settings(NamedTuple):
    """The numbers a plan is made from: GB/T 9704 by default (:func:`standard`)."""

    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    lines: int
    chars_per_line: int
    fixed_line_pt: Optional[float]  # None: the document grid; else 固定值 line spacing
    page_number: PageNumber
    latin_font: str
    roles: Dict[str, RoleFont]
    # The 落款 (GB/T 9704 §7.3.5): spec.SEAL_NONE, SEAL_STAMP or SEAL_SIGNATURE.
    seal: str = spec.SEAL_NONE


# --- what a renderer carries out ------------------------------------------------------------

class PageSetup(NamedTuple):
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    lines: int
    chars_per_line: int
    grid: bool            # True: a line grid of ``lines``; False: fixed line spacing
    line_pitch_pt: float  # the grid's pitch, or the fixed line height
    page_number: PageNumber

    @property
    def type_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def type_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm


class Appearance(NamedTuple):
    """Everything a named paragraph style sets. Indents are in characters of the style's
    size (negative first line: hanging), spacing in points, fonts per script."""

    name: str
    east_asian_font: str
    latin_font: str       # Latin letters and digits (also the complex-script font)
    size_pt: float
    bold: bool
    align: str            # spec.Align
    first_line_chars: float
    left_chars: float
    right_chars: float
    space_before_pt: float
    space_after_pt: float
    space_before_lines: float  # the same, in lines (Word keeps both)
    space_after_lines: float
    line_rule: str        # GRID | EXACT | SINGLE
    line_pt: float        # EXACT: the line height; GRID: the pitch (information)
    snap_to_grid: bool
    char_spacing_pt: float
    keep_with_next: bool
    autospace: bool       # Asian/Western autospacing (off for 署名/成文日期, §7.3.5.2)
    outline_level: int    # 1..4 for headings, 0 for text
    color_rgb: Optional[int] = None  # 0xRRGGBB; None: automatic (black)


class CharAppearance(NamedTuple):
    """A named character style: the fonts, size and weight it sets on a range of text
    (a run-in heading's sentence takes its level's look this way)."""

    name: str
    east_asian_font: str
    latin_font: str
    size_pt: float
    bold: bool


class Span(NamedTuple):
    """A character style on ``text[start:end]`` of a paragraph (code point offsets into
    :attr:`ParagraphPlan.text`, the text as it will read)."""

    start: int
    end: int
    style: str


class ParagraphPlan(NamedTuple):
    """One body paragraph: its role and style, and what differs from the style."""

    role: str
    style: str
    text: str                               # as it will read (after the edits)
    edits: Tuple[normalize.Edit, ...] = ()  # 规范写法, offsets into the text as it is now
    space_before_pt: Optional[float] = None  # None: the style's
    space_after_pt: Optional[float] = None
    keep_with_next: Optional[bool] = None
    # §7.3.5.2, in characters: right_chars for a host that sets the text as the styles ask
    # (no autospacing); right_chars_autospaced for Writer reading a .docx, which cannot
    # turn autospacing off there (docs/LO_NOTES.md).
    right_chars: Optional[float] = None
    right_chars_autospaced: Optional[float] = None
    # Character styles on parts of the text (a run-in heading's opening sentence, a
    # 纪要's 出席： label).
    spans: Tuple[Span, ...] = ()
    # §7.3.4, in characters: 附件说明 lines whose wrapped lines align with the name
    # (None: the style's).
    left_chars: Optional[float] = None
    first_line_chars: Optional[float] = None
    # The whole 公文 (版头, 附件, 版记: :mod:`gongwen.wholedoc`). None/False: the style's.
    line_pt: Optional[float] = None          # one exact line of this height, off the grid
    page_break_before: bool = False          # 附件 start a new page (§7.3.7)
    rule_above: Optional[Rule] = None      # a rule over the paragraph (版记)
    rule_below: Optional[Rule] = None      # a rule under it (版头's red rule, 版记)
    align: Optional[str] = None
    # A right-aligned tab stop this many characters in from the type area's right edge:
    # the right part of a two-part line (发文字号 | 签发人, 印发机关 | 印发日期).
    right_tab_chars: Optional[float] = None
    # The 版记 starts here, on a page of its own that is an even page and carries no page
    # number (§7.4, §7.5): a page style (Writer) or a section (.docx) of its own.
    record_page: bool = False
    # The first page has a page style (Writer) or footer (.docx) of its own: the
    # :attr:`LayoutPlan.first_page` of 信函格式.
    first_page: bool = False
    # A title over several lines (§7.3.1): offsets into ``text`` where a line break
    # (Writer's, a .docx w:br) starts each further line; the edits put them there.
    line_breaks: Tuple[int, ...] = ()
    # Invisible rules on the left and right whose distance carries this paragraph's rules
    # out to the type area's edges past its indents (a border spans the text's box and the
    # side borders' distance, in Writer and Word alike): the 版记's first rule over a
    # hanging 抄送 (§7.4.1: every rule as wide as the type area).
    reach_rules: Optional[Tuple[Rule, Rule]] = None


# What :func:`structure_edits` may ask a renderer to do to the paragraphs themselves.
SPLIT = "split"    # the whitespace text[start:end] becomes a paragraph break
REMOVE = "remove"  # an empty paragraph goes


class StructureEdit(NamedTuple):
    """A change to the body's paragraphs (not their text), made before the plan: offsets
    are code points into the paragraph's text as read."""

    index: int
    kind: str  # SPLIT | REMOVE
    start: int = 0
    end: int = 0


class Rule(NamedTuple):
    """A horizontal rule the width of the paragraph (a paragraph border): one line, or a
    double rule whose thicker line is on the text's side (信函格式's red double rules:
    thick over thin under the agency name, thin over thick over the footer's text)."""

    width_mm: float      # thickness (of a double rule: the line away from the text)
    color_rgb: int       # 0xRRGGBB
    distance_pt: float   # between the text's line and the rule
    inner_mm: float = 0.0  # a double rule's line on the text's side; 0: a single rule
    gap_mm: float = 0.0    # between a double rule's lines

    @property
    def double(self) -> bool:
        return self.inner_mm > 0

    @property
    def thickness_mm(self) -> float:
        return self.width_mm + self.inner_mm + self.gap_mm


class FirstPage(NamedTuple):
    """What the first page has of its own (信函格式, GB/T 9704 §10): no page number, and a
    rule whose top is ``rule_from_bottom_mm`` above the paper's bottom edge, spanning
    ``rule_overhang_mm`` beyond the type area on each side."""

    rule: Rule
    rule_from_bottom_mm: float
    rule_overhang_mm: float
    # The first page's own top margin, which puts the agency name's top LETTER.name_top
    # from the paper's edge (a host that can give page 1 its own margin: Writer's first
    # page style); None: the page's.
    top_mm: Optional[float] = None

    def own_page(self, page: PageSetup) -> PageSetup:
        """Page 1 as it is laid out: its top margin ``top_mm``, the type area as high as
        the other pages' (the hosts move as much to its foot: Writer's first page style
        to the footer's distance, the .docx's first-page footer reaches as much higher)."""
        if self.top_mm is None:
            return page
        return page._replace(top_mm=self.top_mm,
                             bottom_mm=page.bottom_mm + page.top_mm - self.top_mm)


class LayoutPlan(NamedTuple):
    page: PageSetup
    styles: Dict[str, Appearance]  # every style the renderers define, by name, in order
    paragraphs: List[ParagraphPlan]
    table_style: str
    # the character styles the renderers define, by name, in order
    char_styles: Dict[str, CharAppearance] = {}
    # GB/T 9704's format: roles.KIND_DOCUMENT, KIND_LETTER (信函格式) or KIND_MINUTES
    kind: str = roles.KIND_DOCUMENT
    first_page: Optional[FirstPage] = None  # a first page of its own (信函格式)

    @property
    def roles(self) -> List[str]:
        return [paragraph.role for paragraph in self.paragraphs]

    def style_of(self, role: str) -> Appearance:
        return self.styles[spec.style_name(role)]
