"""The layout plan: every decision of 一键公文格式, made once, for both renderers.

:func:`plan_document` takes the body's paragraph texts and returns a :class:`LayoutPlan`:
the page (size, margins, grid, page numbers), the complete look of every named style
(:class:`Appearance`: fonts per script, size, weight, alignment, indents in characters,
spacing, grid snapping, character spacing, pagination) and, per paragraph, its role, its
style, what differs from the style (a typed blank line standing in for the style's space,
the §7.3.5.2 right indent of 署名/成文日期) and the 规范写法 edits asked for.

``gongwen.writer`` turns the plan into Writer properties and ``gongwen.ooxml`` into OOXML;
neither decides anything a user could see. What they keep is how their host measures: the
conversion of points into its units and the calibrations measured in docs/LO_NOTES.md.

The numbers come from :mod:`gongwen.spec` (GB/T 9704) through :class:`Settings`, which a
house-style preset may change. Standard library only, Python 3.8 compatible.

>>> plan = plan_document(["XX县XX局2021年度工作总结", "一、主要成绩", "全年完成X项。"])
>>> [(p.role, p.style) for p in plan.paragraphs]
[('title', '公文标题'), ('heading1', '公文一级标题'), ('body', '公文正文')]
>>> body = plan.styles["公文正文"]
>>> body.east_asian_font, body.latin_font, body.size_pt, body.char_spacing_pt
('仿宋_GB2312', 'Times New Roman', 16.0, -0.25)
>>> plan.page.line_pitch_pt, plan.page.grid
(28.95, True)
"""

from __future__ import annotations

import math
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from gongwen import normalize, placement, presets, punctuation, roles, spec, titlebreak, wholedoc
from gongwen.normalize import Normalization
from gongwen.plan import (
    REMOVE,
    SPLIT,
    Appearance,
    CharAppearance,
    FirstPage,
    LayoutPlan,
    PageNumber,
    PageSetup,
    ParagraphPlan,
    RoleFont,
    Settings,
    Span,
    StructureEdit,
)
from gongwen.spec import MM_PER_PT, Align, Role

# Line rules: how a paragraph's lines are spaced.
GRID = "grid"      # one grid line per line (snapped to the page's line grid)
EXACT = "exact"    # exactly ``line_pt`` per line
SINGLE = "single"  # the font's own line height (tables)

# Page-number positions (a preset may choose): odd pages right and even pages left
# (GB/T 9704 §7.5), every page centred, or every page right.
OUTSIDE = "outside"
CENTER = "center"
RIGHT = "right"
PAGE_NUMBER_POSITIONS = (OUTSIDE, CENTER, RIGHT)

PAGE_NUMBER_STYLE = "公文页码"
PAGE_NUMBER_EVEN_STYLE = "公文页码（偶数页）"

# Characters Unicode leaves to the font's choice (East Asian Width "ambiguous"), which Word
# sets in the Latin font unless the run says otherwise: in a Chinese sentence they must stay
# in the CJK font (full width), so a .docx marks runs holding them w:hint="eastAsia".
EAST_ASIAN_AMBIGUOUS = punctuation.EAST_ASIAN_AMBIGUOUS  # “”‘’—…·

_TWIPS_PER_PT = 20

# Inherited formatting (text copied off a web page, an old template's look): direct
# formatting that covers every text run of a paragraph is the paragraph's look, which the
# style decides, and goes; on part of a paragraph it is the author's emphasis and stays.
# Font names and sizes go wherever they are (the styles decide them). Bold and italic are
# looks like the others: a title or a pasted paragraph bold (and italic) as a whole gets
# its style's weight, in both paths (issue 19); a bold phrase inside a sentence stays.
BOLD = "bold"
ITALIC = "italic"
UNDERLINE = "underline"
COLOR = "color"
HIGHLIGHT = "highlight"
SHADING = "shading"
CHAR_STYLE = "char_style"  # one character style over the whole paragraph (a link's look)
INHERITED_LOOKS = (BOLD, ITALIC, UNDERLINE, COLOR, HIGHLIGHT, SHADING, CHAR_STYLE)
# Font names and sizes go from a character style the plan does not make, too (a code span's
# Consolas 11 pt, Word's "Heading 1 Char" on part of a line, measured on real files: after
# Format, 检查格式 still found 11 pt Consolas in the 正文); its emphasis (bold, italic,
# underline, colour) stays, as on part of a paragraph.
FONT = "font"
SIZE = "size"
LETTER_SPACING = "letter_spacing"
SCALE = "scale"
FOREIGN_STYLE_RESETS = (FONT, SIZE, LETTER_SPACING, SCALE)


def floor_to_twip(pt: float) -> float:
    """Rounded down to whole twips, the unit both hosts store: what one can express, the
    other reads back the same (579 twips = 28.95 pt = Writer's 1021 hundredths of a mm)."""
    return math.floor(round(pt * _TWIPS_PER_PT, 6)) / _TWIPS_PER_PT


def mm_to_pt(mm: float) -> float:
    """A page length in points as Word stores one typed in mm: to 0.1 pt (28 mm is 79.4 pt,
    Word's familiar 1588 twips). Both renderers start from this value, so Writer's page
    and an opened .docx have the same type width to the hundredth of a millimetre (a line
    that just fits hangs its comma in one and not the other otherwise: measured)."""
    return round(mm / MM_PER_PT, 1)


# --- settings: the numbers a plan is made from --------------------------------------------

def standard() -> Settings:
    """GB/T 9704 as :mod:`gongwen.spec` gives it (the ``gbt9704`` preset)."""
    return settings_from(presets.standard_data())


def settings_from(data: Dict) -> Settings:
    """The numbers of a resolved preset (:attr:`gongwen.presets.Preset.data`)."""
    page, number = data["page"], data["page_number"]
    spacing = page["line_spacing"]
    fixed = float(spacing["fixed_pt"]) if isinstance(spacing, dict) else None
    roles_ = {role: RoleFont(style.font.name, float(style.size_pt), style.bold)
              for role, style in spec.PARAGRAPH_STYLES.items()}
    for role, given in data["roles"].items():
        roles_[role] = RoleFont(given["font"], float(given["size_pt"]), bool(given["bold"]))
    return Settings(
        float(page["width_mm"]), float(page["height_mm"]), float(page["top_mm"]),
        float(page["bottom_mm"]), float(page["left_mm"]), float(page["right_mm"]),
        int(page["lines"]), int(page["chars_per_line"]), fixed,
        PageNumber(number["format"], number["position"], number["font"],
                   float(number["size_pt"]), float(number["below_mm"]),
                   float(spec.PAGE.page_number_indent_chars)),
        data["fonts"]["latin"], roles_, data.get("seal", spec.SEAL_NONE))


# The document custom property that keeps a document's 落款 choice (spec.SEALS), as
# ``GongwenPreset`` keeps its preset: a later plain Format (Writer or CLI) and 检查格式 use it.
SEAL_PROPERTY = "GongwenSeal"


def with_seal(settings: Settings, asked: Optional[str] = None,
              stored: Optional[str] = None) -> Settings:
    """The settings with the 落款 in force: the one a command asked for, else the one the
    document keeps (a value it does not know is ignored), else the preset's."""
    for seal in (asked, stored):
        if seal in spec.SEALS:
            return settings._replace(seal=seal)
    return settings


# --- building the plan ------------------------------------------------------------------------

def page_setup(settings: Optional[Settings] = None) -> PageSetup:
    settings = settings or standard()
    type_height_pt = (settings.height_mm - settings.top_mm - settings.bottom_mm) / MM_PER_PT
    grid = settings.fixed_line_pt is None
    # Rounded down: 580 twips × 22 overflows the 225 mm in Writer and gives 21 lines.
    pitch = floor_to_twip(type_height_pt / settings.lines) if grid else settings.fixed_line_pt
    return PageSetup(settings.width_mm, settings.height_mm, settings.top_mm, settings.bottom_mm,
                     settings.left_mm, settings.right_mm, settings.lines,
                     settings.chars_per_line, grid, float(pitch), settings.page_number)


_OUTLINE_LEVEL = {Role.HEADING1: 1, Role.HEADING2: 2, Role.HEADING3: 3, Role.HEADING4: 4}
_NO_AUTOSPACE = (Role.SIGNATURE, Role.DATE)


def appearances(settings: Optional[Settings] = None) -> Dict[str, Appearance]:
    """The look of every named style: one per role (roles sharing a style share it), the
    table style, and the odd/even page-number styles, in that order."""
    settings = settings or standard()
    page = page_setup(settings)
    result: Dict[str, Appearance] = {}
    for role, style in spec.PARAGRAPH_STYLES.items():
        if style.name not in result:
            result[style.name] = _role_appearance(role, style, settings, page)
    table = spec.TABLE_TEXT
    result[table.name] = _appearance(
        table, table.font.name, settings.latin_font, float(table.size_pt), False, page,
        line=(SINGLE, float(table.size_pt)), outline_level=0, autospace=True)
    number = page.page_number
    for name, align, left in ((PAGE_NUMBER_STYLE, Align.RIGHT, 0.0),
                              (PAGE_NUMBER_EVEN_STYLE, Align.LEFT, number.indent_chars)):
        if number.position == CENTER:
            align, left = Align.CENTER, 0.0
        elif number.position == RIGHT:
            align, left = Align.RIGHT, 0.0
        right = number.indent_chars if align == Align.RIGHT else 0.0
        style = spec.ParaStyle(name, spec.SONGTI, number.size_pt, align, first_line_chars=0,
                               right_chars=right)
        result[name] = _appearance(
            style, number.font, number.font, number.size_pt, False, page,
            line=(EXACT, number.size_pt), outline_level=0, autospace=True)._replace(
                left_chars=left)
    return result


def char_appearances(settings: Optional[Settings] = None) -> Dict[str, CharAppearance]:
    """The run-in headings' character styles: each level's fonts, size and weight, as the
    heading role's paragraph style has them (a preset that changes one changes both)."""
    looks = appearances(settings)
    result: Dict[str, CharAppearance] = {}
    for role, name in spec.RUN_IN_CHAR_STYLES.items():
        heading = looks[spec.style_name(role)]
        result[name] = CharAppearance(name, heading.east_asian_font, heading.latin_font,
                                      heading.size_pt, heading.bold)
    label = result[spec.RUN_IN_CHAR_STYLES[Role.HEADING1]]
    result[spec.ATTENDANCE_LABEL_CHAR_STYLE] = label._replace(
        name=spec.ATTENDANCE_LABEL_CHAR_STYLE)
    return result


def _role_appearance(role: str, style: spec.ParaStyle, settings: Settings,
                     page: PageSetup) -> Appearance:
    font = settings.roles.get(role, RoleFont(style.font.name, float(style.size_pt), style.bold))
    body_size = settings.roles[Role.BODY].size_pt
    if font.size_pt > body_size:
        # Snapped to the grid a 2号 line would take two grid lines: one exact line of the
        # pitch keeps the title compact and the text under it on the grid.
        line = (EXACT, page.line_pitch_pt)
    elif page.grid:
        line = (GRID, page.line_pitch_pt)
    else:
        line = (EXACT, page.line_pitch_pt)
    # The page's characters per line are counted in body type: text of that size is
    # spaced to fit them, larger and smaller type keeps its natural width.
    spacing = grid_char_spacing(font.size_pt, page) if font.size_pt == body_size else 0.0
    return _appearance(style, font.font, settings.latin_font, font.size_pt, font.bold, page,
                       line=line, outline_level=_OUTLINE_LEVEL.get(role, 0),
                       autospace=role not in _NO_AUTOSPACE, char_spacing_pt=spacing)


def _appearance(style: spec.ParaStyle, east_asian: str, latin: str, size_pt: float, bold: bool,
                page: PageSetup, line: Tuple[str, float], outline_level: int,
                autospace: bool, char_spacing_pt: float = 0.0) -> Appearance:
    rule, line_pt = line
    return Appearance(
        name=style.name, east_asian_font=east_asian, latin_font=latin, size_pt=size_pt,
        bold=bold, align=style.align, first_line_chars=float(style.first_line_chars),
        left_chars=float(style.left_chars), right_chars=float(style.right_chars),
        space_before_pt=round(style.space_before_lines * page.line_pitch_pt, 2),
        space_after_pt=round(style.space_after_lines * page.line_pitch_pt, 2),
        space_before_lines=float(style.space_before_lines),
        space_after_lines=float(style.space_after_lines),
        line_rule=rule, line_pt=line_pt, snap_to_grid=rule == GRID,
        char_spacing_pt=char_spacing_pt,
        keep_with_next=style.keep_with_next, autospace=autospace, outline_level=outline_level,
        color_rgb=style.color_rgb)


def grid_char_spacing(size_pt: float, page: PageSetup) -> float:
    """Character spacing that fits ``chars_per_line`` characters of ``size_pt`` on a line:
    the pitch the line asks for less the type size, rounded down to a twip (GB/T 9704's
    28 characters of 3号 on 156 mm: 442.2 / 28 − 16 = −0.207 → −0.25 pt)."""
    pitch = page.type_width_mm / MM_PER_PT / page.chars_per_line
    return min(0.0, floor_to_twip(pitch - size_pt))


def separating_blanks(texts: Sequence[str]) -> bool:
    """Blank paragraphs stand between every two others (a .txt typed with an empty line, or
    a line of one space, after each paragraph, as the State Council's reports are): then
    they are separators, which say nothing about the paragraphs' roles. The .txt reader
    drops them (:func:`gongwen.cli.inputs.text_paragraphs`); Writer keeps them."""
    blank = [not text.strip() for text in texts]
    return any(blank) and not any(not a and not b for a, b in zip(blank, blank[1:]))


def classify(texts: Sequence[str], kind: Optional[str] = None,
             looks: Optional[Sequence[Optional[roles.ParagraphLook]]] = None) -> List[str]:
    """:func:`gongwen.roles.classify`, reading separating blank paragraphs as the .txt
    reader does: the other paragraphs are classified as if they were gone, so a document
    gets the same roles with and without them (a .txt opened in Writer and through the
    CLI; measured: 各位代表： read as body beside its separators, 主送 without them)."""
    if not separating_blanks(texts):
        return roles.classify(texts, kind, looks)
    kept = [index for index, text in enumerate(texts) if text.strip()]
    kept_looks = None if looks is None else \
        [looks[i] if i < len(looks) else None for i in kept]
    found = [Role.BLANK] * len(texts)
    for index, role in zip(kept, roles.classify([texts[i] for i in kept], kind, kept_looks)):
        found[index] = role
    return found


def plan_document(texts: Sequence[str], options: Normalization = normalize.NONE,
                  settings: Optional[Settings] = None,
                  paragraph_roles: Optional[Sequence[str]] = None,
                  kind: Optional[str] = None,
                  looks: Optional[Sequence[Optional[roles.ParagraphLook]]] = None,
                  record_used_pt: Optional[float] = None) -> LayoutPlan:
    """The whole plan for a body whose paragraphs read ``texts``.

    ``paragraph_roles`` skips the classifier (the scaffold inserter knows its roles).
    ``kind`` is the special format asked for (``layout=letter|minutes``); None: the one
    the document shows (:func:`gongwen.roles.document_kind`). ``looks``: how the source sets
    the first paragraphs (:class:`gongwen.roles.ParagraphLook`), evidence for the classifier.
    The paragraphs are taken as they are: :func:`structure_edits` says first what to split
    or remove when 规范写法 asks for it, and the renderer plans the result.
    ``record_used_pt``: how much of the text's last page is used when that page is even (a
    host that laid the document out knows it): the 版记 then goes at that page's foot if it
    has room, rather than on a page of its own (§7.4).
    """
    settings = settings or standard()
    styles = appearances(settings)
    if paragraph_roles is None:
        paragraph_roles = classify(texts, kind, looks)
    kind = kind or roles.document_kind(texts, paragraph_roles)
    paragraphs = [_paragraph(index, text, paragraph_roles, styles, options)
                  for index, text in enumerate(texts)]
    page = page_setup(settings)
    for index, paragraph in enumerate(paragraphs):
        if paragraph.role in _BROKEN_TITLES:
            paragraphs[index] = _break_title(paragraph, texts[index], styles, page)
    shown = [paragraph.text for paragraph in paragraphs]
    for part in roles.document_parts(paragraph_roles):  # each attached text has its 落款
        _place_closing(paragraphs, shown, paragraph_roles, part, styles, settings)
    attachment = styles[spec.style_name(Role.ATTACHMENT)]
    spacing_chars = attachment.char_spacing_pt / attachment.size_pt
    for index, (left, first) in placement.attachment_indents(
            shown, paragraph_roles, attachment.first_line_chars, spacing_chars).items():
        paragraphs[index] = paragraphs[index]._replace(left_chars=left, first_line_chars=first)
    paragraphs = wholedoc.arrange(paragraphs, styles, page, texts, kind, record_used_pt)
    first_page = None
    if kind == roles.KIND_LETTER and wholedoc.head_end(paragraph_roles):
        first_page = wholedoc.letter_first_page(
            page, styles[spec.style_name(Role.ISSUER)].size_pt)
        paragraphs[0] = paragraphs[0]._replace(first_page=True)
    return LayoutPlan(page, styles, paragraphs, spec.TABLE_TEXT.name,
                      char_appearances(settings), kind, first_page)


def first_page_shown(lines: Sequence[str], first_top_mm: Optional[float] = None,
                     settings: Optional[Settings] = None,
                     numbered: bool = False) -> Optional[FirstPage]:
    """The first page of its own (信函格式, §10.1) that a laid-out page 1 reading ``lines``
    (top to bottom) has in the plan 一键公文格式 makes of it; None: an ordinary first page.

    The text decides, as for a document (:func:`gongwen.roles.document_kind`: a 函 says so
    in its 发文字号 or its title). A letter asked for (``layout=letter``) whose text says
    nothing of it shows it on the page: no page number (``numbered``: page 1 shows one) and
    a 版头 under a first line that starts (``first_top_mm``, from the paper's top edge)
    nearer the letter's raised top than the page's own. (A page of Word's 25.4 mm margins
    with a number at its foot is an ordinary page set too high, not a letter.)

    >>> letter = ["XX县人民政府办公室", "X政办函〔2024〕5号", "关于商请支持XX工作的函"]
    >>> first_page_shown(letter).top_mm
    26.3
    >>> print(first_page_shown(["XX县人民政府文件", "X政发〔2025〕3号", "关于XX的通知"], 71.9))
    None
    >>> first_page_shown(["XX县人民政府文件", "X政发〔2025〕3号", "关于XX的通知"], 29.3).top_mm
    26.3
    >>> print(first_page_shown(["XX县人民政府文件", "X政发〔2025〕3号", "关于XX的通知"], 29.3,
    ...                        numbered=True))
    None
    """
    found = plan_document(lines, settings=settings)
    if found.first_page is not None or first_top_mm is None or numbered:
        return found.first_page
    asked = plan_document(lines, settings=settings, kind=roles.KIND_LETTER).first_page
    if asked is None or asked.top_mm is None:
        return None
    raised = abs(first_top_mm - asked.top_mm) < abs(first_top_mm - found.page.top_mm)
    return asked if raised else None


class PageShown(NamedTuple):
    """What the plan makes of one laid-out page (a PDF's): ``starts_part``, it opens an
    attached text or the 版记's own page, so a page break ended the page before it early
    (§7.3.7, §7.4; an empty page before it counts as opening it too); ``numbered``, it
    carries a page number (§7.5: not the 版记's own page, nor the empty page before it)."""

    starts_part: bool = False
    numbered: bool = True


def pages_shown(pages: Sequence[Sequence[str]]) -> List[PageShown]:
    """The plan's reading of laid-out pages, each given as its lines top to bottom: the
    parts are :func:`gongwen.roles.document_parts` of all the lines.

    >>> main = ["关于XX的通知", "各单位：", "现通知如下。", "XX县人民政府", "2025年1月15日"]
    >>> record = ["抄送：县委办公室。", "XX县人民政府办公室    2025年1月15日印发"]
    >>> [tuple(page) for page in pages_shown([main, ["附件1", "清单", "正文。"], [], record])]
    [(False, True), (True, True), (True, False), (True, False)]
    >>> [tuple(page) for page in pages_shown([main, ["正文。"] + record])]
    [(False, True), (False, True)]
    """
    texts = [line for page in pages for line in page]
    parts = roles.document_parts(roles.classify(texts))
    starts = {part.start for part in parts if part.kind != roles.PART_MAIN}
    record = next((part.start for part in parts if part.kind == roles.PART_RECORD), None)
    shown: List[PageShown] = []
    first = len(texts)
    for page in reversed(pages):  # an empty page takes after the page that follows it
        first -= len(page)
        after = shown[0] if shown else PageShown()
        if not page:
            shown.insert(0, PageShown(after.starts_part, after.numbered or not after.starts_part))
            continue
        own_record = record is not None and first >= record
        shown.insert(0, PageShown(first in starts, not own_record))
    return shown


def _place_closing(paragraphs: List[ParagraphPlan], shown: Sequence[str],
                   paragraph_roles: Sequence[str], part: roles.Part,
                   styles: Dict[str, Appearance], settings: Settings) -> None:
    """The 署名 and 成文日期 of one text: §7.3.5.2, or a sealed 落款 (§7.3.5.1, §7.3.5.3),
    and the text above them kept with them (never a 落款 alone on a page)."""
    part_texts = shown[part.start:part.end]
    part_roles = paragraph_roles[part.start:part.end]
    if settings.seal in (spec.SEAL_STAMP, spec.SEAL_SIGNATURE):
        plain = placement.sealed_indents(part_texts, part_roles, settings.seal)
        autospaced = placement.sealed_indents(part_texts, part_roles, settings.seal,
                                              autospace=placement.WRITER_AUTOSPACE_CHARS)
    else:
        plain = placement.signature_and_date_indents(part_texts, part_roles)
        autospaced = placement.signature_and_date_indents(
            part_texts, part_roles, autospace=placement.WRITER_AUTOSPACE_CHARS)
    for offset, chars in plain.items():
        index = part.start + offset
        paragraphs[index] = paragraphs[index]._replace(
            right_chars=chars, right_chars_autospaced=autospaced[offset])
    above = placement.kept_with_closing(part_roles)
    if above is not None and not styles[paragraphs[part.start + above].style].keep_with_next:
        paragraphs[part.start + above] = paragraphs[part.start + above]._replace(
            keep_with_next=True)
    pitch = page_setup(settings).line_pitch_pt
    for offset, lines in placement.sealed_lines_before(part_roles, settings.seal).items():
        index = part.start + offset
        paragraphs[index] = paragraphs[index]._replace(space_before_pt=round(lines * pitch, 2))


_BROKEN_TITLES = (Role.TITLE, Role.ATTACHMENT_TITLE)
BREAK_EDIT = "layout"  # a normalize.Edit kind (wholedoc.LAYOUT_EDIT): a layout-only change


def _break_title(paragraph: ParagraphPlan, typed: str, styles: Dict[str, Appearance],
                 page: PageSetup) -> ParagraphPlan:
    """A title's line breaks (:mod:`gongwen.titlebreak`), recomputed from its text without
    the breaks it has (so Format is idempotent and a title edited later breaks anew):
    edits remove the old breaks and put a break after the character that ends each line.
    A title that 规范写法 rewrites keeps its own breaks (the offsets would cross)."""
    if paragraph.edits:
        return paragraph
    look = styles[paragraph.style]
    per_line = titlebreak.chars_per_line(page.type_width_mm / MM_PER_PT, look.size_pt)
    clean = titlebreak.without_breaks(typed)
    breaks = titlebreak.title_breaks(clean.strip(), per_line)
    lead = len(clean) - len(clean.lstrip())
    breaks = tuple(offset + lead for offset in breaks)
    typed_index = [i for i, ch in enumerate(typed) if ch != titlebreak.LINE_BREAK]
    kept = set()
    edits: List[normalize.Edit] = []
    for offset in breaks:
        after = typed_index[offset - 1] + 1  # where the break goes in the typed text
        if typed[after:after + 1] == titlebreak.LINE_BREAK:
            kept.add(after)
            continue
        char = typed[after - 1]
        edits.append(normalize.Edit(after - 1, after, char + titlebreak.LINE_BREAK,
                                    BREAK_EDIT))
    for index, ch in enumerate(typed):
        if ch == titlebreak.LINE_BREAK and index not in kept:
            edits.append(normalize.Edit(index, index + 1, "", BREAK_EDIT))
    edits.sort(key=lambda edit: edit.start)
    text = normalize.apply_edits(typed, edits) if edits else typed
    starts = tuple(i + 1 for i, ch in enumerate(text) if ch == titlebreak.LINE_BREAK)
    return paragraph._replace(text=text, edits=tuple(edits), line_breaks=starts)


def structure_edits(texts: Sequence[str], options: Normalization,
                    paragraph_roles: Optional[Sequence[str]] = None,
                    kind: Optional[str] = None,
                    looks: Optional[Sequence[Optional[roles.ParagraphLook]]] = None
                    ) -> List[StructureEdit]:
    """What 规范写法 asks to change in the paragraphs themselves, in paragraph order:

    - ``spaces``: a 落款 typed on one line (``事业六部      2018年1月26日``) is split into a
      署名 paragraph and a 成文日期 paragraph, the whitespace between them becoming the
      paragraph break (the only split Format makes; the plan then places both, §7.3.5.2);
    - ``blank-lines``: every empty paragraph but the last goes (a document ends in a
      paragraph; a renderer keeps one that holds a picture or a section or page break:
      that is no typed blank line).

    >>> every = normalize.Normalization.parse("all")
    >>> structure_edits(["正文。", "", "事业六部    2018年1月26日"], every)
    ... # doctest: +NORMALIZE_WHITESPACE
    [StructureEdit(index=1, kind='remove', start=0, end=0),
     StructureEdit(index=2, kind='split', start=4, end=8)]
    >>> structure_edits(["正文。", "", "事业六部    2018年1月26日"], normalize.NONE)
    []
    """
    if not (options.leading_spaces or options.blank_lines):
        return []
    if paragraph_roles is None:
        paragraph_roles = classify(texts, kind, looks)
    found: List[StructureEdit] = []
    for index, (text, role) in enumerate(zip(texts, paragraph_roles)):
        if options.blank_lines and role == Role.BLANK and not text.strip() \
                and index < len(texts) - 1:
            found.append(StructureEdit(index, REMOVE))
        elif options.leading_spaces and role == Role.SIGNATURE_DATE:
            split = roles.split_line(text, role)
            if split is not None:
                found.append(StructureEdit(index, SPLIT, split.left_end, split.right_start))
    return found


def split_texts(text: str, edit: StructureEdit) -> Tuple[str, str]:
    """The two paragraphs a :data:`SPLIT` makes of ``text``."""
    return text[:edit.start], text[edit.end:]


class Restructured(NamedTuple):
    """The body's paragraphs once structure edits are made, as tracked changes leave them
    in the host: ``texts`` read as after accepting them; ``host[i]`` is the index of the
    host's paragraph that holds ``texts[i]`` (a removed paragraph stays in the host, its
    mark deleted; a split's whitespace stays at the end of its first part, deleted)."""

    texts: List[str]
    host: List[int]


def restructured(texts: Sequence[str], made: Sequence[StructureEdit]) -> Restructured:
    """What ``made`` (the structure edits a host carried out as tracked changes) leave.

    >>> restructured(["甲", "", "事业六部    2018年1月26日"],
    ...              [StructureEdit(1, REMOVE), StructureEdit(2, SPLIT, 4, 8)])
    Restructured(texts=['甲', '事业六部', '2018年1月26日'], host=[0, 2, 3])
    """
    by_index = {edit.index: edit for edit in made}
    result = Restructured([], [])
    host = 0
    for index, text in enumerate(texts):
        edit = by_index.get(index)
        if edit is not None and edit.kind == REMOVE:
            host += 1
            continue
        if edit is not None and edit.kind == SPLIT:
            left, right = split_texts(text, edit)
            result.texts.extend((left, right))
            result.host.extend((host, host + 1))
            host += 2
            continue
        result.texts.append(text)
        result.host.append(host)
        host += 1
    return result


def _paragraph(index: int, text: str, paragraph_roles: Sequence[str],
               styles: Dict[str, Appearance], options: Normalization) -> ParagraphPlan:
    role = paragraph_roles[index]
    style = styles[spec.style_name(role)]
    edits = tuple(normalize.edits(text, role, options)) if options.any else ()
    shown = normalize.apply_edits(text, edits) if edits else text
    before = after = keep = None
    # An empty line the author typed where the style adds one: keep the typed one only.
    if style.space_before_pt and index > 0 and paragraph_roles[index - 1] == Role.BLANK:
        before = 0.0
    if style.space_after_pt and index + 1 < len(paragraph_roles) \
            and (paragraph_roles[index + 1] == Role.BLANK
                 or _title_goes_on(role, paragraph_roles[index + 1])):
        after = 0.0
    # §7.3.4: one blank line before the first attachment only, none between the items;
    # §7.3.5: likewise one before the 落款, none between its 署名 lines (联合行文, 代章).
    if index > 0 and (role, paragraph_roles[index - 1]) in _ONE_BLOCK:
        before = 0.0
    # A typed blank line inside the 落款 chain keeps the chain on one page.
    if role == Role.BLANK and placement.blank_inside_kept_chain(paragraph_roles, index):
        keep = True
    first_line, left = _indents_around_typed_spaces(shown, style)
    return ParagraphPlan(role, style.name, shown, edits, before, after, keep,
                         spans=_run_in_spans(shown, role), first_line_chars=first_line,
                         left_chars=left)


# A role after itself (or a 署名 after a one-line 落款) goes on one block: no space between.
_ONE_BLOCK = {(Role.ATTACHMENT, Role.ATTACHMENT), (Role.SIGNATURE, Role.SIGNATURE),
              (Role.SIGNATURE, Role.SIGNATURE_DATE), (Role.SIGNATURE_DATE, Role.SIGNATURE),
              (Role.SIGNATURE_DATE, Role.SIGNATURE_DATE)}


# How far typed spaces may hang into the left margin (28 mm, five characters), in characters.
_SPACES_INTO_MARGIN_CHARS = 4.0


def _indents_around_typed_spaces(text: str, style: Appearance
                                 ) -> Tuple[Optional[float], Optional[float]]:
    """(first line, left) in characters for a paragraph that opens with typed spaces, None
    where the style's stand. Text pasted from the web or typed in Notepad indents with
    spaces (``\u3000\u3000``) and centres titles with them; kept as typed, they would add
    to the style's 首行缩进二字 or push a centred line right. The first line gives back what
    they take (a left-aligned line); a centred or right-aligned one widens to the left by
    as much, so what is visible sits where it would without them, and a 落款 pushed right
    with spaces does not wrap (it did: 18 spaces before 国务院办公厅).
    """
    typed = placement.typed_indent_chars(text)
    if not typed or not text.strip():
        return None, None
    if style.align in (Align.CENTER, Align.RIGHT):
        return None, round(style.left_chars - typed, 3)
    first_line = max(-_SPACES_INTO_MARGIN_CHARS - style.left_chars,
                     style.first_line_chars - typed)
    return round(first_line, 3), None


def _title_goes_on(role: str, next_role: str) -> bool:
    """A title typed over two paragraphs, or a title with a 副标题 under it: the line of
    space comes after the last of them, not between."""
    return role in (Role.TITLE, Role.SUBTITLE) and next_role in (Role.TITLE, Role.SUBTITLE) \
        and not (role == Role.SUBTITLE and next_role == Role.TITLE)


def _run_in_spans(text: str, role: str) -> Tuple[Span, ...]:
    """A body paragraph opening with a run-in heading: its first sentence in the level's
    character style (the paragraph keeps 公文正文)."""
    if role != Role.BODY:
        return ()
    run = roles.run_in_heading(text)
    if run is None:
        return ()
    level_role = _HEADING_BY_LEVEL[run.level]
    return (Span(run.start, run.end, spec.RUN_IN_CHAR_STYLES[level_role]),)


_HEADING_BY_LEVEL = {level: role for role, level in _OUTLINE_LEVEL.items()}


def chars_to_pt(chars: float, size_pt: float) -> float:
    """An indent of ``chars`` full-width characters of ``size_pt`` type, in points."""
    return chars * size_pt
