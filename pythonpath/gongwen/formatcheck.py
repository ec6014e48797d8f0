"""The format checker (检查格式, ``gongwen lint``): what in a document differs from its layout plan.

Both renderers read what a document looks like into the neutral model of this module
(:class:`DocumentFacts`: per paragraph its text and effective properties, the page, the
fonts installed) and :func:`check` compares it with :func:`gongwen.layout.plan_document`
for the same texts and the preset's settings. So the checker judges by the very plan
一键公文格式 carries out: after formatting, nothing but unfilled placeholders is left.

The codes are a contract (issue 13): ``page``, ``font``, ``size``, ``indent``,
``numbering``, ``punctuation``, ``date``, ``structure``, ``placeholder``, ``font-missing``,
``direct-format``. A property a renderer could not read (None) is not judged; a .txt has
only text, so only the text rules apply to it.

Standard library only, Python 3.8 compatible.

>>> facts = DocumentFacts([ParagraphFacts("关于做好X项工作的通知"), ParagraphFacts("一、总体要求"),
...                        ParagraphFacts("三、工作措施"), ParagraphFacts("全年完成任务,效果好。")])
>>> [(p.paragraph, p.code) for p in check(facts)]
[(0, 'placeholder'), (2, 'numbering'), (3, 'structure'), (3, 'structure'), (3, 'punctuation')]
"""

from __future__ import annotations

import re
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence, Set, Tuple

from gongwen import dates, layout, messages, normalize, placeholders, punctuation, roles, spec
from gongwen.spec import MM_PER_PT, Align, Role

CODES = ("page", "font", "size", "indent", "numbering", "punctuation", "date", "structure",
         "placeholder", "font-missing", "direct-format")

# How far a measured value may be from the plan before it is a problem: what the hosts'
# units round away (twips, hundredths of a mm, half points), not a visible difference.
MM_TOLERANCE = 0.5
PT_TOLERANCE = 0.3
CHAR_TOLERANCE = 0.25  # indents, in characters of the paragraph's size
CONTEXT_CHARS = 30


class Problem(NamedTuple):
    """One deviation: where it is, what it is, what to do (the JSON of ``lint``)."""

    code: str  # one of CODES
    message: str  # one line, localised
    paragraph: int  # documents: the paragraph (from 0); PDFs: the page (from 0)
    start: int  # documents: code points in the paragraph; PDFs: first body line
    end: int
    context: str  # the text the problem is in, on one line
    fix: str  # one line: what to do
    label: str = ""  # how the human output names the place ("page 2 line 5")


class ParagraphFacts(NamedTuple):
    """What one body paragraph looks like, as its host reports it (None: not known).

    Fonts, size and bold are those of most of its characters; ``underline``, ``color_rgb``
    and ``highlight`` count only when they cover all of its (non-blank) text.
    Indents are in points (negative first line: hanging).
    """

    text: str
    east_asian_font: Optional[str] = None
    latin_font: Optional[str] = None
    size_pt: Optional[float] = None
    bold: Optional[bool] = None
    align: Optional[str] = None  # spec.Align
    first_line_pt: Optional[float] = None
    left_pt: Optional[float] = None
    right_pt: Optional[float] = None
    underline: bool = False
    color_rgb: Optional[int] = None  # None: automatic (or black)
    highlight: bool = False
    underlined: Tuple[Tuple[int, int], ...] = ()  # ranges, for underlined blanks
    style: Optional[str] = None  # the paragraph style's name


class PageFacts(NamedTuple):
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    grid: bool  # a line grid is on
    line_pitch_pt: Optional[float]  # the grid's pitch, or the body's fixed line height


class DocumentFacts(NamedTuple):
    paragraphs: List[ParagraphFacts]
    page: Optional[PageFacts] = None
    # Every font the document names, and a judge of each: None when it is installed, else
    # the font that will stand in for it ("" when not known). None: not checked.
    fonts: Sequence[str] = ()
    stand_in: Optional[Callable[[str], Optional[str]]] = None


def looks_of(paragraphs: Sequence[ParagraphFacts]) -> List[Optional[roles.ParagraphLook]]:
    """What the classifier reads of the paragraphs' looks, as the formatter reads them
    (:func:`gongwen.roles.looks_wanted`): after Format a heading a look made is told by its
    公文 style, as Format itself tells it again."""
    wanted = set(roles.looks_wanted([p.text for p in paragraphs]))
    return [roles.ParagraphLook(p.size_pt, p.color_rgb, p.align, p.bold, p.style)
            if index in wanted else None for index, p in enumerate(paragraphs)]


def check(facts: DocumentFacts, settings: Optional[layout.Settings] = None,
          locale: str = "zh-CN") -> List[Problem]:
    """Every problem of the document, in paragraph order (page and fonts first)."""
    texts = [paragraph.text for paragraph in facts.paragraphs]
    plan = layout.plan_document(texts, settings=settings, looks=looks_of(facts.paragraphs))
    say = _Sayer(locale, texts)
    found: List[Problem] = []
    if facts.page is not None:
        found.extend(_page(facts.page, plan.page, say))
    found.extend(_fonts_missing(facts, say))
    found.extend(_structure(texts, plan.roles, say))
    for index, (paragraph, planned) in enumerate(zip(facts.paragraphs, plan.paragraphs)):
        if planned.role == Role.BLANK or not paragraph.text.strip():
            continue
        look = plan.styles[planned.style]
        found.extend(_appearance(index, paragraph, planned, look, say))
        found.extend(_direct_format(index, paragraph, planned.role, say))
        found.extend(_punctuation(index, paragraph.text, planned.role, say))
        found.extend(_date(index, paragraph.text, planned.role, say))
        found.extend(_placeholders(index, paragraph, say))
    found.extend(_numbering(texts, plan.roles, say))
    return sorted(found, key=lambda p: (p.paragraph, p.start, CODES.index(p.code)))


class _Sayer:
    """Builds problems: the localised message and fix, the context around the place."""

    def __init__(self, locale: str, texts: Sequence[str]) -> None:
        self.locale = locale
        self.texts = texts

    def __call__(self, code: str, key: str, index: int = 0, start: int = 0,
                 end: Optional[int] = None, **values: object) -> Problem:
        """A problem at ``text[start:end]`` of paragraph ``index`` (a page problem: the
        document as a whole, at paragraph 0 with no place in the human output)."""
        text = self.texts[index] if 0 <= index < len(self.texts) else ""
        end = len(text) if end is None else end
        return Problem(code, messages.text("lint_" + key, self.locale, **values), index,
                       start, end, _context(text, start, end),
                       messages.text("lint_fix_" + key, self.locale, **values),
                       "" if code == "page" else
                       messages.text("lint_place", self.locale, paragraph=index + 1))


def _context(text: str, start: int, end: int) -> str:
    if len(text) > CONTEXT_CHARS * 2:
        left = max(0, min(start, len(text)) - CONTEXT_CHARS // 2)
        text = ("…" if left else "") + text[left:left + CONTEXT_CHARS * 2] + \
            ("…" if left + CONTEXT_CHARS * 2 < len(text) else "")
    return " ".join(text.split())


# --- page -----------------------------------------------------------------------------------

def _page(page: PageFacts, planned: layout.PageSetup, say: _Sayer) -> List[Problem]:
    found = []
    if abs(page.width_mm - planned.width_mm) > MM_TOLERANCE or \
            abs(page.height_mm - planned.height_mm) > MM_TOLERANCE:
        found.append(say("page", "page_size", width=page.width_mm, height=page.height_mm,
                         expected_width=planned.width_mm, expected_height=planned.height_mm))
    margins = (page.top_mm, page.bottom_mm, page.left_mm, page.right_mm)
    expected = (planned.top_mm, planned.bottom_mm, planned.left_mm, planned.right_mm)
    if any(abs(a - b) > MM_TOLERANCE for a, b in zip(margins, expected)):
        found.append(say("page", "page_margins", margins=_mm(margins), expected=_mm(expected)))
    found.extend(_lines(page, planned, say))
    return found


def _mm(values: Sequence[float]) -> str:
    return "/".join(f"{value:.1f}" for value in values)


def _lines(page: PageFacts, planned: layout.PageSetup, say: _Sayer) -> List[Problem]:
    if planned.grid and not page.grid:
        return [say("page", "page_no_grid", lines=planned.lines)]
    if not planned.grid and page.grid:
        return [say("page", "page_grid", pitch=planned.line_pitch_pt)]
    if page.line_pitch_pt is None:
        return []
    if planned.grid:
        type_height_pt = (page.height_mm - page.top_mm - page.bottom_mm) / MM_PER_PT
        lines = int(type_height_pt / page.line_pitch_pt + 0.05)
        if lines != planned.lines:
            return [say("page", "page_lines", lines=lines, expected=planned.lines)]
    elif abs(page.line_pitch_pt - planned.line_pitch_pt) > PT_TOLERANCE:
        return [say("page", "page_line_pitch", pitch=page.line_pitch_pt,
                    expected=planned.line_pitch_pt)]
    return []


# --- fonts, sizes, indents --------------------------------------------------------------------

# Roles whose paragraphs are placed by the layout's own overrides, beyond the style.
_PLACED = (Role.SIGNATURE, Role.DATE, Role.SIGNATURE_DATE)


def _appearance(index: int, paragraph: ParagraphFacts, planned: layout.ParagraphPlan,
                look: layout.Appearance, say: _Sayer) -> List[Problem]:
    found = []
    role = look.name
    has_cjk = any(_is_cjk(ch) for ch in paragraph.text)
    has_latin = any(ch.isascii() and ch.isalnum() for ch in paragraph.text)
    # The Latin font is named as such: "公文标题用了“宋体”，应为“Times New Roman”" read as
    # if the title's Chinese were wrong (a user trial).
    for key, given, expected, needed in (
            ("font", paragraph.east_asian_font, look.east_asian_font, has_cjk),
            ("font_latin", paragraph.latin_font, look.latin_font, has_latin)):
        if needed and given is not None and given != expected:
            found.append(say("font", key, index, role=role, font=given, expected=expected))
    if paragraph.bold is not None and paragraph.bold != look.bold:
        found.append(say("font", "bold" if paragraph.bold else "not_bold", index, role=role))
    if paragraph.size_pt is not None and abs(paragraph.size_pt - look.size_pt) > PT_TOLERANCE:
        found.append(say("size", "size", index, role=role,
                         size=size_words(paragraph.size_pt, say.locale),
                         expected=size_words(look.size_pt, say.locale)))
    found.extend(_indents(index, paragraph, planned, look, role, say))
    return found


def _indents(index: int, paragraph: ParagraphFacts, planned: layout.ParagraphPlan,
             look: layout.Appearance, role: str, say: _Sayer) -> List[Problem]:
    # In characters of the size the paragraph should have: where its lines start is what
    # shows (a wrong size is its own problem, not an indent one too).
    size = look.size_pt
    rights = [look.right_chars]
    if planned.right_chars is not None:
        rights = [planned.right_chars, planned.right_chars_autospaced or planned.right_chars]
    # The plan's own indents where it sets them (附件说明's hanging numbers, typed spaces
    # given back): the checker judges what the formatter makes.
    first_line = look.first_line_chars if planned.first_line_chars is None \
        else planned.first_line_chars
    left = look.left_chars if planned.left_chars is None else planned.left_chars
    checks = (("first_line", paragraph.first_line_pt, [first_line]),
              ("left", paragraph.left_pt, [left]),
              ("right", paragraph.right_pt, rights))
    found = []
    for which, given_pt, expected in checks:
        if given_pt is None:
            continue
        chars = given_pt / size
        if all(abs(chars - want) > CHAR_TOLERANCE for want in expected):
            found.append(say("indent", "indent_" + which, index, role=role,
                             chars=round(chars, 1), expected=round(expected[0], 1)))
    align = _align_kind(paragraph.align)
    expected_align = _align_kind(planned.align or look.align)
    if align is not None and align != expected_align:
        found.append(say("indent", "align", index, role=role,
                         align=messages.text("lint_align_" + align, say.locale),
                         expected=messages.text("lint_align_" + expected_align,
                                                say.locale)))
    return found


def _align_kind(align: Optional[str]) -> Optional[str]:
    """Left and justified look the same on a line that does not fill the width."""
    if align is None:
        return None
    return Align.LEFT if align == Align.JUSTIFY else align


def _fonts_missing(facts: DocumentFacts, say: _Sayer) -> List[Problem]:
    if facts.stand_in is None:
        return []
    found = []
    for font in sorted(set(facts.fonts)):
        stand_in = facts.stand_in(font)
        if stand_in is None:
            continue
        where = next((index for index, p in enumerate(facts.paragraphs)
                      if font in (p.east_asian_font, p.latin_font)), 0)
        found.append(say("font-missing", "font_missing", where, font=font,
                         stand_in=stand_in or messages.text("lint_stand_in_unknown",
                                                            say.locale)))
    return found


# --- direct formatting --------------------------------------------------------------------

_COLOURED_ROLES = (Role.ISSUER, Role.MINUTES_MARK)  # 红头: red by the standard


def _direct_format(index: int, paragraph: ParagraphFacts, role: str,
                   say: _Sayer) -> List[Problem]:
    found = []
    if paragraph.color_rgb not in (None, 0) and role not in _COLOURED_ROLES:
        found.append(say("direct-format", "colour", index, colour=f"#{paragraph.color_rgb:06X}"))
    if paragraph.underline:
        found.append(say("direct-format", "underline", index))
    if paragraph.highlight:
        found.append(say("direct-format", "highlight", index))
    return found


# --- punctuation ----------------------------------------------------------------------------
# The rules are 规范写法's (gongwen.punctuation): every fix it would make is a problem, and
# so is a half-width mark it leaves because its meaning is not clear. After 规范写法 with
# punctuation, nothing is left here but those doubts.

def _is_cjk(ch: str) -> bool:
    """Set in the CJK font: Han, CJK and full-width forms, the ambiguous quotes and dashes."""
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF or ch in "“”‘’—…")


def _punctuation(index: int, text: str, role: str, say: _Sayer) -> List[Problem]:
    found = normalize.punctuation_findings(text, role)
    problems = []
    for finding in found.fixes:
        typed = text[finding.start:finding.end]
        if finding.kind == punctuation.SPACE:
            key = "punctuation_space"
        elif finding.kind == punctuation.WIDTH:
            key = "punctuation_width"
        else:
            key = "punctuation"
        problems.append(say("punctuation", key, index, finding.start, finding.end,
                            mark=typed, full=finding.replacement))
    for finding in found.doubts:
        problems.append(say("punctuation", "punctuation_doubt", index, finding.start,
                            finding.end, mark=text[finding.start:finding.end],
                            full=finding.replacement))
    return problems


# --- 成文日期 --------------------------------------------------------------------------------

def _date(index: int, text: str, role: str, say: _Sayer) -> List[Problem]:
    if role == Role.SIGNATURE_DATE:
        split = roles.split_line(text, role)
        if split is None:
            return []
        start = split.right_start
        part = text[start:].rstrip()
    elif role == Role.DATE:
        part = text.strip()
        start = text.find(part)
    else:
        return []
    wanted = dates.normalize_date(part)
    if wanted is None or wanted == part or start < 0:
        return []  # a blank date is a placeholder; anything else is no date to judge
    return [say("date", "date", index, start, start + len(part), date=part, expected=wanted)]


# --- structure ------------------------------------------------------------------------------

_NEEDS_SIGNATURE = re.compile(r"(?:报告|通知|总结|述职)$")


def _structure(texts: Sequence[str], paragraph_roles: Sequence[str],
               say: _Sayer) -> List[Problem]:
    if not any(text.strip() for text in texts):
        return []
    found = []
    titles = [i for i, role in enumerate(paragraph_roles) if role == Role.TITLE]
    if not titles and Role.MINUTES_MARK in paragraph_roles:
        return found  # a 纪要's mark is its title (§12)
    if not titles:
        found.append(say("structure", "no_title", 0, 0, 0))
        return found
    title = "".join(texts[i].strip() for i in titles)
    if _NEEDS_SIGNATURE.search(title):
        last = len(texts) - 1
        if not any(role in (Role.SIGNATURE, Role.SIGNATURE_DATE) for role in paragraph_roles):
            found.append(say("structure", "no_signature", last, 0, 0))
        if not any(role in (Role.DATE, Role.SIGNATURE_DATE) for role in paragraph_roles):
            found.append(say("structure", "no_date", last, 0, 0))
    return found


# --- numbering ----------------------------------------------------------------------------

_LEVEL_ROLES = {Role.HEADING1: 1, Role.HEADING2: 2, Role.HEADING3: 3, Role.HEADING4: 4}
_NEW_NUMBERING = (Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE)
_HAN_DIGITS = "〇一二三四五六七八九"
_LABEL_VALUE = re.compile(r"[0-9０-９]+|[〇一二三四五六七八九十百]+")


def _label_value(prefix: str) -> Optional[int]:
    match = _LABEL_VALUE.search(prefix)
    if not match:
        return None
    token = match.group()
    if token[0].isdigit():
        return int(token.translate({0xFF10 + d: 0x30 + d for d in range(10)}))
    if token == "十":
        return 10
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (_HAN_DIGITS.index(tens) if tens else 1) * 10 + \
            (_HAN_DIGITS.index(ones) if ones else 0)
    return _HAN_DIGITS.index(token) if len(token) == 1 else None


def _form(prefix: str) -> str:
    """The label's shape with its number taken out: 一、 → N、, （1） → （N）, 1． → N．"""
    return _LABEL_VALUE.sub("N", prefix.strip())


def wrong_number_form(number: roles.HeadingNumber) -> bool:
    """The heading number is not written in its GB/T 9704 §7.3.3 form (``一.`` ``(一)``
    ``1、``); what it counts is another rule's. 边写边查 (``gongwen.proofing``) asks too."""
    return _form(number.prefix) != _form(number.normalized)


def _numbering(texts: Sequence[str], paragraph_roles: Sequence[str],
               say: _Sayer) -> List[Problem]:
    found: List[Problem] = []
    last: Dict[int, int] = {}  # level -> last number seen under the current parent
    forms: Dict[int, Tuple[str, int]] = {}  # level -> (first form, where)
    deepest = 0
    for index, (text, role) in enumerate(zip(texts, paragraph_roles)):
        if role in _NEW_NUMBERING:  # an attached text numbers its headings afresh
            last, forms, deepest = {}, {}, 0
            continue
        level = _LEVEL_ROLES.get(role)
        number = roles.parse_heading_number(text) if level else None
        if number is None:
            continue
        start = text.find(number.prefix)
        end = start + len(number.prefix)
        place = dict(index=index, start=start, end=end)
        if wrong_number_form(number):
            found.append(say("numbering", "numbering_form", **place, label=number.prefix.strip(),
                             expected=number.normalized))
        form = _form(number.prefix)
        if level in forms and forms[level][0] != form:
            found.append(say("numbering", "numbering_mixed", **place, label=number.prefix.strip(),
                             other=forms[level][0].replace("N", "1" if level > 2 else "一")))
        forms.setdefault(level, (form, index))
        if deepest and level > deepest + 1:
            found.append(say("numbering", "numbering_skipped", **place,
                             label=number.prefix.strip(), level=level, missing=deepest + 1))
        value = _label_value(number.prefix)
        expected = last.get(level, 0) + 1
        if value is not None and value != expected:
            found.append(say("numbering", "numbering_gap", **place, label=number.prefix.strip(),
                             expected=expected))
        if value is not None:
            last[level] = value
        for deeper in [key for key in last if key > level]:
            del last[deeper]
        deepest = level
    return found


# --- placeholders ---------------------------------------------------------------------------

def _placeholders(index: int, paragraph: ParagraphFacts, say: _Sayer) -> List[Problem]:
    return [say("placeholder", "placeholder", index, found.start, found.end, text=found.text)
            for found in placeholders.find_placeholders(paragraph.text, paragraph.underlined)]


def dominant(values, cjk: bool = False, latin: bool = False, any_char: bool = False):
    """The value of the (value, text) pairs that covers most characters: CJK ones
    (``cjk``), Latin letters and digits (``latin``) or any but spaces (``any_char``)."""
    weights: Dict[object, int] = {}
    for value, text in values:
        count = sum(1 for ch in text if (cjk and _is_cjk(ch))
                    or (latin and ch.isascii() and ch.isalnum())
                    or (any_char and not ch.isspace()))
        if count:
            weights[value] = weights.get(value, 0) + count
    return max(weights, key=lambda value: weights[value]) if weights else None


def outside_run_in(values: Sequence[Tuple[object, str]]) -> List[Tuple[object, str]]:
    """A paragraph's (value, text) runs without its run-in heading's opening sentence,
    which has its level's font by design (:func:`gongwen.roles.run_in_heading`): the
    paragraph's own look is that of the rest."""
    run = roles.run_in_heading("".join(text for _, text in values))
    if run is None:
        return list(values)
    kept, offset = [], 0
    for value, text in values:
        start, offset = offset, offset + len(text)
        rest = text[:max(0, run.start - start)] + text[max(0, run.end - start):]
        if rest:
            kept.append((value, rest))
    return kept


def named_fonts(paragraphs: Sequence[ParagraphFacts]) -> Set[str]:
    """The fonts the paragraphs use (what :class:`DocumentFacts`'s ``fonts`` may hold)."""
    return {font for p in paragraphs for font in (p.east_asian_font, p.latin_font) if font}


def category(code: str, locale: str = "zh-CN") -> str:
    """The words a row of the human output starts with (字体, 字号 …): ``code`` stays as it
    is in ``lint --json``, a contract."""
    return messages.text("lint_category_" + code.replace("-", "_"), locale)


def size_words(size_pt: float, locale: str = "zh-CN") -> str:
    """A type size as a Chinese user names it: 三号, or 磅 when it has no 字号 name."""
    name = spec.size_name(size_pt)
    if name is None:
        return messages.text("lint_size_points", locale, size=round(size_pt, 1))
    return messages.text("lint_size_named", locale, name=name, size=size_pt)


def row_text(problem: Problem, locale: str = "zh-CN") -> str:
    """One problem as 检查格式's window lists it: category, place, what, what to do."""
    if messages.language(locale) == "en":
        place = f"{problem.label}: " if problem.label else ""
        return f"[{category(problem.code, locale)}] {place}{problem.message} → {problem.fix}"
    place = f"{problem.label}：" if problem.label else ""
    return f"【{category(problem.code, locale)}】{place}{problem.message} → {problem.fix}"


def wrap_row(text: str, columns: int, indent: str = "　　") -> List[str]:
    """``text`` in lines of at most ``columns`` columns (a CJK character two, others one),
    continuation lines indented; breaks go after a space or between CJK characters, never
    inside a Latin word or number when that can be helped."""
    lines: List[str] = []
    line, width, lead = "", 0, ""
    for token in re.findall(r"[A-Za-z0-9._:/#%+-]+ ?|.", text):
        size = sum(2 if _is_wide(ch) else 1 for ch in token)
        if line and width + size > columns and token[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            lead = indent
            line, width = lead, sum(2 if _is_wide(ch) else 1 for ch in lead)
        line += token
        width += size
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


# Marks a line does not start with (GB/T 15834's closing marks): they stay on the line before.
_NO_LINE_START = "，。、；：？！）》”’…—"


def _is_wide(ch: str) -> bool:
    return _is_cjk(ch) or 0x3000 <= ord(ch) <= 0x30FF or ord(ch) >= 0x2E80 and \
        not 0xFB00 <= ord(ch) <= 0xFDFF


def count_message(count: int, locale: str = "zh-CN") -> str:
    return messages.text("lint_found" if count else "lint_clean", locale, count=count)
