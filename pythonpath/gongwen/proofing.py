"""边写边查: what the grammar checker marks in one paragraph while the author types.

Writer hands its grammar checker one paragraph's text at a time (on its own checking
thread, many times a minute), so this is the whole job, text in and findings out, with no
document, no other paragraph and no formatting. The findings come from the detectors the
explicit checks use, never from rules of its own:

- ``placeholder``: :func:`gongwen.placeholders.find_placeholders`, every textual form
  检查占位符 and ``check`` find (an underlined blank is formatting: the checker never sees it);
- ``punctuation``: :func:`gongwen.normalize.punctuation_findings`, the fixes and doubts of
  :mod:`gongwen.punctuation` (规范写法's rules, exclusions included) as 检查格式 reports them,
  the full-width mark as the suggestion;
- ``numbering``: a heading number typed in a form GB/T 9704 §7.3.3 does not use
  (``一.`` ``(一)`` ``1、``), judged as ``lint`` judges it
  (:func:`gongwen.formatcheck.wrong_number_form`), the standard form as the suggestion;
- ``date``: a paragraph that is a 成文日期 (alone, or after a 署名 on one line) not written
  ``2021年12月31日`` (:func:`gongwen.dates.normalize_date`), that form as the suggestion.

The checks that need the whole document (numbers in sequence, a missing 落款, fonts and
indents) stay with 检查格式.

Offsets: :class:`Finding` counts code points (Python indexes); LibreOffice counts UTF-16
code units, and :func:`utf16_ranges` converts (a character outside the BMP, an emoji or a
CJK Extension B 𠀀, is two units there).

>>> [(f.code, f.start, f.end, f.suggestions) for f in proofread("联系人:王五.")]
[('punctuation', 3, 4, ('：',)), ('punctuation', 6, 7, ('。',))]
>>> [(f.code, f.suggestions) for f in proofread("(一)加强学习")]
[('numbering', ('（一）',))]
>>> [(f.code, f.suggestions) for f in proofread("2021.12.31")]
[('date', ('2021年12月31日',))]

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import Callable, Collection, List, NamedTuple, Tuple

from gongwen import dates, formatcheck, messages, normalize, placeholders, punctuation, roles
from gongwen.spec import Role

PLACEHOLDER = "placeholder"
PUNCTUATION = "punctuation"
NUMBERING = "numbering"
DATE = "date"
# The codes, as ``lint --json`` names them; also the rule identifiers Writer's 忽略全部
# (ignoreRule) hands back.
CODES = (PLACEHOLDER, PUNCTUATION, NUMBERING, DATE)

# A one-line 落款 is short; a sentence that happens to end in a date is not one.
SIGNATURE_DATE_MAX_CHARS = roles.ONE_LINE_MAX_CHARS


class Finding(NamedTuple):
    """One mark: ``text[start:end]`` (code points), why, and what may replace it."""

    start: int
    end: int
    code: str  # one of CODES
    short: str  # one sentence, shown in the context menu
    full: str  # the rule and its source
    suggestions: Tuple[str, ...]


def proofread(text: str, locale: str = "zh-CN",
              ignored: Collection[str] = ()) -> List[Finding]:
    """Every finding in one paragraph, by position; codes in ``ignored`` are left out."""
    found: List[Finding] = []
    for code, detector in _DETECTORS:
        if code not in ignored:
            found.extend(detector(text, locale))
    return sorted(found, key=lambda finding: (finding.start, CODES.index(finding.code)))


def _say(code: str, key: str, locale: str, start: int, end: int,
         suggestions: Tuple[str, ...], **values: object) -> Finding:
    """The finding with 检查格式's own words (``lint_<key>``, ``lint_fix_<key>``) as its
    sentence, and the rule with its source as the full comment."""
    problem = messages.text("lint_" + key, locale, **values)
    fix = messages.text("lint_fix_" + key, locale, **values)
    if messages.language(locale) == "en":
        short = f"{problem[:1].upper()}{problem[1:]}: {fix}."
    else:
        short = f"{problem}，{fix}。"
    full = "proof_full_" + (key if "proof_full_" + key in messages.MESSAGES else code)
    return Finding(start, end, code, short, messages.text(full, locale), suggestions)


def _placeholders(text: str, locale: str) -> List[Finding]:
    return [_say(PLACEHOLDER, "placeholder", locale, found.start, found.end, (),
                 text=found.text) for found in placeholders.find_placeholders(text)]


# lint's message for each kind of punctuation fix (gongwen.formatcheck._punctuation)
_PUNCTUATION_KEYS = {punctuation.SPACE: "punctuation_space",
                     punctuation.WIDTH: "punctuation_width"}


def _punctuation(text: str, locale: str) -> List[Finding]:
    """规范写法's fixes (a deleted space offers no suggestion: an empty menu entry says
    nothing) and its doubts (the likely full-width mark offered, left to the author)."""
    found = normalize.punctuation_findings(text, _two_part_role(text))
    result = []
    for fix in found.fixes:
        key = _PUNCTUATION_KEYS.get(fix.kind, "punctuation")
        offered = (fix.replacement,) if fix.replacement else ()
        result.append(_say(PUNCTUATION, key, locale, fix.start, fix.end, offered,
                           mark=text[fix.start:fix.end], full=fix.replacement))
    for doubt in found.doubts:
        result.append(_say(PUNCTUATION, "punctuation_doubt", locale, doubt.start, doubt.end,
                           (doubt.replacement,), mark=text[doubt.start:doubt.end],
                           full=doubt.replacement))
    return result


def _two_part_role(text: str) -> str:
    """A short line in two parts (署名 | 成文日期, 发文字号 | 签发人, 印发机关 | 日期) is
    judged as lint judges that role: the gap between the parts is layout, no stray space."""
    if len(text.strip()) <= SIGNATURE_DATE_MAX_CHARS:
        for role in normalize.TWO_PART_ROLES:
            if roles.split_line(text, role) is not None:
                return role
    return Role.BODY


def _numbering(text: str, locale: str) -> List[Finding]:
    number = roles.parse_heading_number(text)
    if number is None or not formatcheck.wrong_number_form(number):
        return []
    start = text.find(number.prefix)
    label = number.prefix.strip()
    return [_say(NUMBERING, "numbering_form", locale, start, start + len(number.prefix),
                 (number.normalized,), label=label, expected=number.normalized)]


def _date(text: str, locale: str) -> List[Finding]:
    """A paragraph that is only a date, or a 署名 and a date on one line (a 落款)."""
    part = text.strip()
    start = text.find(part) if part else -1
    if dates.parse_date(part) is None:
        split = roles.split_line(text, Role.SIGNATURE_DATE) \
            if len(part) <= SIGNATURE_DATE_MAX_CHARS else None
        if split is None:
            return []
        start, part = split.right_start, text[split.right_start:].rstrip()
    wanted = dates.normalize_date(part)
    if wanted is None or wanted == part or start < 0:
        return []
    return [_say(DATE, "date", locale, start, start + len(part), (wanted,), date=part,
                 expected=wanted)]


_DETECTORS: Tuple[Tuple[str, Callable[[str, str], List[Finding]]], ...] = (
    (PLACEHOLDER, _placeholders), (PUNCTUATION, _punctuation), (NUMBERING, _numbering),
    (DATE, _date))


# --- offsets ---------------------------------------------------------------------------------

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf16_ranges(text: str, findings: List[Finding]) -> List[Tuple[int, int]]:
    """Each finding's (start, length) in UTF-16 code units, as LibreOffice counts.

    >>> text = "𠀀XX,好"
    >>> utf16_ranges(text, proofread(text))
    [(2, 2), (4, 1)]
    """
    if not _ASTRAL.search(text):
        return [(f.start, f.end - f.start) for f in findings]
    units = _utf16_prefix(text)
    return [(units[f.start], units[f.end] - units[f.start]) for f in findings]


def _utf16_prefix(text: str) -> List[int]:
    """``prefix[i]``: UTF-16 units before code point ``i`` (len(text) + 1 entries)."""
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return prefix


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


def code_point_index(text: str, utf16_index: int) -> int:
    """The code point index of a UTF-16 offset (one inside a pair maps to the pair).

    >>> code_point_index("𠀀好", 2)
    1
    """
    if not _ASTRAL.search(text):
        return utf16_index
    units = 0
    for index, ch in enumerate(text):
        if units >= utf16_index:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)

