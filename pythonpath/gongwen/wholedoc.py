"""The whole 公文: where the 版头, the 附件 and the 版记 go (GB/T 9704 §7.2, §7.3.7, §7.4).

:func:`arrange` takes the body's :class:`gongwen.plan.ParagraphPlan` s (roles and styles
decided) and adds what is not a style's: the 发文机关标志 35 mm under the top of the type
area, the 发文字号 two lines under it (a 上行文's 发文字号 and 签发人 on one line), the red
rule under it, the title two lines under the rule, each attached text on a new page, and
the 版记's rules, hanging 抄送 and two-part 印发 line. A document without these parts
comes back unchanged. Standard library only, Python 3.8 compatible.

Positions in the 版头 are sums of exact line heights: its paragraphs leave the grid (a
snapped line moves to the next grid line, which would undo a measured space), and a
blank line typed between its elements becomes a thin line, since the plan's spacing is
the standard's distance.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Dict, List, Optional, Sequence

from gongwen import normalize, plan, roles
from gongwen.normalize import Edit
from gongwen.spec import (
    ATTENDANCE_LABEL_CHAR_STYLE,
    LETTER,
    MASTHEAD,
    MM_PER_PT,
    RECORD,
    RED_RGB,
    Align,
    Role,
)

HEAD_ROLES = (Role.COPY_NUMBER, Role.SECRECY, Role.URGENCY, Role.ISSUER, Role.DOC_NUMBER,
              Role.SIGNER, Role.BLANK, Role.MINUTES_MARK)
MARK_ROLES = (Role.ISSUER, Role.MINUTES_MARK)
# A blank line typed between 版头 elements: this thin, so the plan's spacing is the distance.
TYPED_BLANK_PT = 1.0
# The 发文机关标志's exact line: the CJK fonts' own line height (ascent + descent ≈ 1.45 em),
# so that no extra height goes above the glyphs (Writer puts it there).
MARK_LINE_EM = 1.45
# Where the ideographs' tops sit under the top of such a line (the font's ascent over the
# ideographic em box). Measured in Writer's PDF with the free stand-in fonts: the
# 发文机关标志's red ink starts at 72 mm (tests/integration/test_wholedoc.py).
INK_DROP_EM = 0.29
# And where they end above the line's bottom (measured the same way: 2.45 mm under 小初): the
# letter's double rule is 4 mm under the ink, not under the line.
INK_BOTTOM_GAP_EM = 0.19
# Under an exact line of the pitch, 3号 text ends this far above the line's bottom; the red
# rule's distance is counted from the text (measured the same way).
TEXT_BOTTOM_GAP_PT = 2.0
WHITE_RGB = 0xFFFFFF
# Left free under the 版记 so that rounding (twips, 1/100 mm) never pushes its last line
# onto the next page: the line then ends 0.7 mm above the type area's bottom edge.
RECORD_FOOT_SLACK_PT = 2.0
# 信函格式's first page: the footer paragraph under the bottom rule is one exact line this
# high (both renderers).
LETTER_RULE_LINE_MM = 1.0
# The .docx first page's header under 信函格式: one line this high, well inside the first
# page's own top margin (the headers of the pages after it push their text down to 37 mm).
LETTER_FIRST_HEADER_PT = 1.0
LAYOUT_EDIT = "layout"  # a normalize.Edit kind: typed whitespace that becomes a tab stop
TAB = "\t"
CC_LABEL = "：:"
LIST_LABEL_CHARS = 8  # the longest label: 参会人员： and the like


def arrange(paragraphs: Sequence[plan.ParagraphPlan], styles: Dict[str, plan.Appearance],
            page: plan.PageSetup, texts: Sequence[str],
            kind: str = roles.KIND_DOCUMENT,
            record_used_pt: Optional[float] = None) -> List[plan.ParagraphPlan]:
    """The paragraphs with the whole-document layout added (see the module docstring);
    ``texts`` are the paragraphs as typed (the plans' edits are offsets into them), ``kind``
    the GB/T 9704 format (a letter's 版头 is §10's). ``record_used_pt``: the text's last
    page is even and this much of it is used (the host laid it out): the 版记 goes at its
    foot when it has room (:func:`foot_space`)."""
    result = list(paragraphs)
    role_list = [paragraph.role for paragraph in result]
    letter = kind == roles.KIND_LETTER
    if letter:
        _letter_head(result, role_list, styles, page, texts)
    else:
        _masthead(result, role_list, styles, page, texts)
    _attachments(result, role_list)
    _attendance(result, role_list, styles)
    _record(result, role_list, styles, page, texts, rules=not letter)
    if record_used_pt is not None:
        first = record_start(result)
        room = foot_space(result[first], record_used_pt) if first is not None else None
        if room is not None:
            result[first] = result[first]._replace(record_page=False, space_before_pt=room)
    return result


# A 版记 shares the text's last page only with this much to spare besides the own page's
# RECORD_FOOT_SLACK_PT (points); the hosts check where it landed and give it its own page
# back if its last line went over (measured: it then ends 0.9 mm above the type area's foot).
RECORD_SHARE_SLACK_PT = 0.5


def record_start(paragraphs: Sequence[plan.ParagraphPlan]) -> Optional[int]:
    """The index of the 版记's first paragraph when it is planned on a page of its own."""
    return next((index for index, paragraph in enumerate(paragraphs)
                 if paragraph.record_page), None)


def foot_space(first: plan.ParagraphPlan, used_pt: float) -> Optional[float]:
    """The space above the 版记 at the foot of an even last page of which the text uses
    ``used_pt`` (from the type area's top to its last line's bottom); None when it does
    not fit there (§7.4: then it takes a page of its own, the next even one)."""
    room = (first.space_before_pt or 0.0) - used_pt - RECORD_SHARE_SLACK_PT
    return round(room, 2) if room >= 0 else None


def letter_rule(distance_pt: float = 0.0) -> plan.Rule:
    """信函格式's red double rule, its thick line on the text's side (§10)."""
    return plan.Rule(LETTER.thin_rule, RED_RGB, distance_pt, inner_mm=LETTER.thick_rule,
                       gap_mm=LETTER.rule_space)


def letter_overhang_mm(page: plan.PageSetup) -> float:
    """How far the 170 mm double rules reach beyond the type area on each side."""
    return round(max(0.0, LETTER.rule_length - page.type_width_mm) / 2, 2)


def letter_first_page(page: plan.PageSetup,
                      mark_size_pt: Optional[float] = None) -> plan.FirstPage:
    """信函格式's first page: no page number, the double rule 20 mm above the paper's edge,
    and (given the agency name's size) a top margin that puts the name's ink 30 mm under
    the paper's top edge (§10.1): the name is the first line, its ink INK_DROP_EM down."""
    top = None
    if mark_size_pt is not None:
        top = round(LETTER.name_top - INK_DROP_EM * mark_size_pt * MM_PER_PT, 1)
    return plan.FirstPage(letter_rule(), LETTER.bottom_rule_from_edge,
                            letter_overhang_mm(page), top)


def _letter_head(result: List[plan.ParagraphPlan], role_list: Sequence[str],
                 styles: Dict[str, plan.Appearance], page: plan.PageSetup,
                 texts: Sequence[str]) -> None:
    """信函格式's 版头 (§10): the agency name at the top of the type area with the red double
    rule 4 mm under it, 170 mm long (the paragraph reaches beyond the type area, a border
    spans its indents); 份号/密级/紧急程度 flush left and the 发文字号 flush right under the
    rule; the title two lines under the last of them."""
    end = head_end(role_list)
    if not end:
        return
    pitch = page.line_pitch_pt
    marks = [index for index in range(end) if role_list[index] in MARK_ROLES]
    for index in range(end):
        role, paragraph = role_list[index], result[index]
        if role == Role.BLANK:
            result[index] = paragraph._replace(line_pt=TYPED_BLANK_PT, space_before_pt=0.0,
                                               space_after_pt=0.0)
        elif role in MARK_ROLES:
            size = styles[paragraph.style].size_pt
            paragraph = paragraph._replace(line_pt=mark_line_pt(size), space_before_pt=0.0,
                                           space_after_pt=0.0)
            if index == marks[-1]:
                reach = -letter_overhang_mm(page) / MM_PER_PT / size
                gap = max(0.0, LETTER.top_rule_gap / MM_PER_PT - INK_BOTTOM_GAP_EM * size)
                paragraph = paragraph._replace(
                    rule_below=letter_rule(float(round(gap))), left_chars=reach,
                    right_chars=reach, first_line_chars=0.0)
            result[index] = paragraph
        else:
            line = _head_line(paragraph, texts[index], role, upward=False)
            if role == Role.DOC_NUMBER and line.right_tab_chars is None:
                line = line._replace(align=Align.RIGHT, right_chars=0.0)
            result[index] = line._replace(line_pt=pitch, space_before_pt=0.0,
                                          space_after_pt=0.0)
    if end < len(result) and role_list[end] == Role.TITLE:
        result[end] = result[end]._replace(space_before_pt=LETTER.title_lines * pitch)


def has_parts(role_list: Sequence[str]) -> bool:
    """A whole 公文 (a 版头, attached texts or a 版记): what a scaffold must be formatted
    as a whole for, beyond its paragraph styles."""
    return bool(head_end(role_list)) or any(
        role in (Role.ATTACHMENT_MARK, Role.CC, Role.IMPRINT) for role in role_list)


def mark_line_pt(size_pt: float) -> float:
    """The 发文机关标志's (or 纪要 mark's) exact line height."""
    return round(size_pt * MARK_LINE_EM, 2)


def head_end(role_list: Sequence[str]) -> int:
    """Index of the first paragraph after the 版头 (0 when there is none)."""
    end = 0
    while end < len(role_list) and role_list[end] in HEAD_ROLES:
        end += 1
    if not any(role in MARK_ROLES for role in role_list[:end]):
        return 0
    return end


def _masthead(result: List[plan.ParagraphPlan], role_list: Sequence[str],
              styles: Dict[str, plan.Appearance], page: plan.PageSetup,
              texts: Sequence[str]) -> None:
    end = head_end(role_list)
    if not end:
        return
    pitch = page.line_pitch_pt
    upward = Role.SIGNER in role_list[:end] or any(
        _signer_split(result[i].text) for i in range(end) if role_list[i] == Role.DOC_NUMBER)
    above, seen_mark, first_after_mark = 0.0, False, True
    for index in range(end):
        role, paragraph = role_list[index], result[index]
        if role == Role.BLANK:
            result[index] = paragraph._replace(line_pt=TYPED_BLANK_PT, space_before_pt=0.0,
                                               space_after_pt=0.0)
            above += TYPED_BLANK_PT
            continue
        if role in MARK_ROLES:
            size = styles[paragraph.style].size_pt
            line = mark_line_pt(size)
            before = 0.0
            if not seen_mark:
                target = MASTHEAD.issuer_top / MM_PER_PT
                before = max(0.0, round(target - above - INK_DROP_EM * size, 2))
            seen_mark = True
            result[index] = paragraph._replace(line_pt=line, space_before_pt=before,
                                               space_after_pt=0.0)
            above += before + line
            continue
        before = 0.0
        if seen_mark and first_after_mark:
            before = MASTHEAD.doc_number_lines * pitch
            first_after_mark = False
        result[index] = _head_line(paragraph, texts[index], role, upward)._replace(
            line_pt=pitch, space_before_pt=before, space_after_pt=0.0)
        above += before + pitch
    last = max(i for i in range(end) if role_list[i] != Role.BLANK)
    if role_list[last] in (Role.DOC_NUMBER, Role.SIGNER, Role.ISSUER) \
            and Role.MINUTES_MARK not in role_list[:end]:
        gap = max(0.0, MASTHEAD.rule_gap / MM_PER_PT - TEXT_BOTTOM_GAP_PT)
        result[last] = result[last]._replace(
            rule_below=plan.Rule(MASTHEAD.rule_width, RED_RGB, float(round(gap))))
    if end < len(result) and role_list[end] == Role.TITLE:
        result[end] = result[end]._replace(space_before_pt=MASTHEAD.title_lines * pitch)


def _signer_split(text: str) -> Optional[roles.Split]:
    split = roles.split_line(text, Role.DOC_NUMBER)
    return split if split and "签" in text[split.right_start:] else None


def _head_line(paragraph: plan.ParagraphPlan, typed: str, role: str,
               upward: bool) -> plan.ParagraphPlan:
    """A 发文字号 (alone, or with its 签发人 or a 纪要's date on the line) or a 签发人."""
    indent = MASTHEAD.signer_indent_chars
    if role == Role.DOC_NUMBER:
        if roles.split_line(typed, Role.DOC_NUMBER) is not None:
            return _two_parts(paragraph, typed, Role.DOC_NUMBER, indent, indent)
        if upward:
            return paragraph._replace(align=Align.LEFT, first_line_chars=indent,
                                      left_chars=0.0)
    return paragraph


def _two_parts(paragraph: plan.ParagraphPlan, typed: str, role: str, left_indent: float,
               right_indent: float) -> plan.ParagraphPlan:
    """The left part ``left_indent`` characters in, the right part against a right tab stop
    ``right_indent`` characters in from the right edge; the whitespace typed between
    becomes one tab (the only text this module changes: whitespace, never a character).
    ``typed`` is the paragraph's text as it is now (edits are offsets into it)."""
    split = roles.split_line(typed, role)
    if split is None:
        return paragraph
    edits = paragraph.edits
    between = typed[split.left_end:split.right_start]
    if between != TAB and not _overlaps(edits, split.left_end, split.right_start):
        tab = Edit(split.left_end, split.right_start, TAB, LAYOUT_EDIT)
        edits = tuple(sorted(edits + (tab,), key=lambda edit: edit.start))
    return paragraph._replace(text=normalize.apply_edits(typed, edits), edits=edits,
                              align=Align.LEFT, first_line_chars=left_indent, left_chars=0.0,
                              right_chars=0.0, right_tab_chars=right_indent)


def _overlaps(edits: Sequence[Edit], start: int, end: int) -> bool:
    return any(edit.start < end and edit.end > start for edit in edits)


def _attachments(result: List[plan.ParagraphPlan], role_list: Sequence[str]) -> None:
    """Each attached text starts a new page (§7.3.7); page numbers run on."""
    for part in roles.document_parts(role_list):
        # A file that is an attachment (附件1 on its first line) starts on its first page.
        text_above = any(role != Role.BLANK for role in role_list[:part.start])
        if part.kind == roles.PART_ATTACHMENT and text_above:
            result[part.start] = result[part.start]._replace(page_break_before=True)


def _attendance(result: List[plan.ParagraphPlan], role_list: Sequence[str],
                styles: Dict[str, plan.Appearance]) -> None:
    """纪要's 出席/请假/列席 (§12): 左空二字, the names' continuation lines aligned after the
    label's colon (a hanging indent), wrapped ones and lines typed as their own paragraph."""
    label = 0
    for index, role in enumerate(role_list):
        if role != Role.ATTENDANCE:
            label = 0
            continue
        paragraph = result[index]
        look = styles[paragraph.style]
        found = _label_length(paragraph.text, LIST_LABEL_CHARS)
        if found:
            label = found
            start = len(paragraph.text) - len(paragraph.text.lstrip())
            span = plan.Span(start, start + found, ATTENDANCE_LABEL_CHAR_STYLE)
            result[index] = paragraph._replace(
                left_chars=look.first_line_chars + label, first_line_chars=-float(label),
                spans=(span,))
        elif label:
            result[index] = paragraph._replace(left_chars=look.first_line_chars + label,
                                               first_line_chars=0.0)


def _record(result: List[plan.ParagraphPlan], role_list: Sequence[str],
            styles: Dict[str, plan.Appearance], page: plan.PageSetup,
            texts: Sequence[str], rules: bool = True) -> None:
    """抄送 hanging after its colon, the 印发 line in two parts, the rules (§7.4; a
    letter's 版记 has none, §10)."""
    indices = [i for i, role in enumerate(role_list) if role in (Role.CC, Role.IMPRINT)]
    if not indices:
        return
    gap = float(round(RECORD.rule_gap / MM_PER_PT))
    outer = plan.Rule(RECORD.outer_rule, 0, gap)
    inner = plan.Rule(RECORD.inner_rule, 0, gap)
    label = 0
    for index in indices:
        paragraph = result[index]
        look = styles[paragraph.style]
        if role_list[index] == Role.CC:
            found = _label_length(paragraph.text)
            if found:
                label = found
                result[index] = paragraph._replace(left_chars=look.left_chars + label,
                                                   first_line_chars=-float(label))
            elif label:
                result[index] = paragraph._replace(left_chars=look.left_chars + label)
        else:
            result[index] = _two_parts(paragraph, texts[index], Role.IMPRINT,
                                       look.left_chars, look.right_chars)
    # A border spans the paragraph between its indents: the rules go on lines that have
    # none (the 印发 line's left part is a first-line indent, a one-line 抄送 likewise).
    ccs = [index for index in indices if role_list[index] == Role.CC]
    if len(ccs) == 1:
        index = ccs[0]
        paragraph = result[index]
        if estimated_lines(paragraph, styles[paragraph.style], page) == 1:
            look = styles[paragraph.style]
            result[index] = paragraph._replace(first_line_chars=look.left_chars,
                                               left_chars=0.0, right_chars=0.0)
    first, last = indices[0], indices[-1]
    if not rules:
        return
    result[first] = result[first]._replace(rule_above=outer)
    result[last] = result[last]._replace(rule_below=outer)
    imprints = [i for i in indices if role_list[i] == Role.IMPRINT]
    if imprints and imprints[0] > first:
        result[imprints[0]] = result[imprints[0]]._replace(rule_above=inner)
    for index in {first, last} | set(imprints[:1]):
        result[index] = _reaching(result[index], styles[result[index].style])
    _at_the_foot(result, role_list, styles, page, first, last)


def _at_the_foot(result: List[plan.ParagraphPlan], role_list: Sequence[str],
                 styles: Dict[str, plan.Appearance], page: plan.PageSetup,
                 first: int, last: int) -> None:
    """The 版记 on a page of its own, its last line on the type area's bottom edge: exact
    lines of the pitch off the grid, typed blank lines between its elements made thin, and
    the space above it what the page leaves (the lines each paragraph takes are counted
    from its characters: full-width ones one character, others half)."""
    pitch = page.line_pitch_pt
    height = 0.0
    for index in range(first, last + 1):
        paragraph = result[index]
        if role_list[index] == Role.BLANK:
            result[index] = paragraph._replace(line_pt=TYPED_BLANK_PT, space_before_pt=0.0,
                                               space_after_pt=0.0)
            height += TYPED_BLANK_PT
            continue
        lines = estimated_lines(paragraph, styles[paragraph.style], page)
        result[index] = paragraph._replace(line_pt=pitch, space_before_pt=0.0,
                                           space_after_pt=0.0)
        height += lines * pitch
        for rule in (paragraph.rule_above, paragraph.rule_below):
            if rule is not None:
                height += rule.width_mm / MM_PER_PT + rule.distance_pt
    room = page.type_height_mm / MM_PER_PT - height - RECORD_FOOT_SLACK_PT
    result[first] = result[first]._replace(record_page=True,
                                           space_before_pt=round(max(0.0, room), 2))


def _reaching(paragraph: plan.ParagraphPlan,
              look: plan.Appearance) -> plan.ParagraphPlan:
    """A paragraph whose text box is narrower than the type area (a 抄送 hanging after its
    colon) gets invisible side rules at the distance of its indents, so that its rules
    still run the type area's width."""
    def pick(value: Optional[float], default: float) -> float:
        return default if value is None else value

    left = pick(paragraph.left_chars, look.left_chars)
    first = pick(paragraph.first_line_chars, look.first_line_chars)
    right = pick(paragraph.right_chars, look.right_chars)
    box_left = min(left, left + first)
    if box_left <= 0 and right <= 0:
        return paragraph
    width_pt = RECORD.reach_rule / MM_PER_PT

    def side(chars: float) -> plan.Rule:
        return plan.Rule(RECORD.reach_rule, WHITE_RGB,
                           float(max(0, round(chars * look.size_pt - width_pt))))

    return paragraph._replace(reach_rules=(side(box_left), side(right)))


def estimated_lines(paragraph: plan.ParagraphPlan, look: plan.Appearance,
                    page: plan.PageSetup) -> int:
    """Lines the paragraph's text takes at the style's size (no character spacing: 4号)."""
    def pick(value: Optional[float], default: float) -> float:
        return default if value is None else value

    size = look.size_pt
    width = page.type_width_mm / MM_PER_PT
    left = pick(paragraph.left_chars, look.left_chars) * size
    right = pick(paragraph.right_chars, look.right_chars) * size
    first = pick(paragraph.first_line_chars, look.first_line_chars) * size
    ems = sum(1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5
              for char in paragraph.text.replace(TAB, "  "))
    needed = ems * size
    first_room = width - left - first - right
    if needed <= first_room:
        return 1
    return 1 + int(math.ceil((needed - first_room) / (width - left - right)))


def _label_length(text: str, longest: int = 6) -> int:
    """Characters up to and including a list's label colon (抄送：, 出席：, 参会人员：) in
    the text as typed; 0 when the line has none (a continuation line)."""
    stripped = text.lstrip()
    for index, char in enumerate(stripped[:longest]):
        if char in CC_LABEL:
            return index + 1 if index > 0 else 0
    return 0
