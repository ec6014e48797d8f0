"""规范写法: the optional text rewrites of 一键公文格式, decided in one place for both backends.

Formatting never changes text unless the user asks for one of these kinds:

- ``dates``: a 成文日期 paragraph written ``二〇二一年十二月三十一日``, ``2021.12.31`` … becomes
  ``2021年12月31日`` (:func:`gongwen.dates.normalize_date`);
- ``numbering``: the number typed at the start of a heading becomes its GB/T 9704 §7.3.3
  form (:func:`gongwen.roles.parse_heading_number`): ``一.`` → ``一、``, ``(一)`` → ``（一）``,
  ``1、``/``1．`` → ``1.``, ``(1)`` → ``（1）``; spaces typed between the number and the
  heading text go with it (``1. 读原著`` → ``1.读原著``);
- ``spaces``: spaces, full-width spaces (U+3000), NBSP and tabs typed at the start of a
  paragraph as manual indentation (the 公文 styles indent by two characters already, so
  typed indentation doubles it) are removed; a 落款 typed on one line and pushed right with
  spaces (``事业六部      2018年1月26日``) becomes a 署名 paragraph and a 成文日期 paragraph
  (:func:`gongwen.layout.structure_edits`: the only paragraph split Format makes);
- ``blank-lines``: empty paragraphs typed for spacing are removed, and the styles give the
  space GB/T 9704 asks for (one line under the title, above the 署名, above 附件说明);
- ``punctuation``: GB/T 15834 in Chinese sentences (:mod:`gongwen.punctuation`: ``,`` →
  ``，``, straight quotes → ``“”``, ``...`` → ``……``, stray spaces, ``２０２５`` → ``2025``),
  leaving times, decimals, addresses, file and standard numbers as typed; never inside a
  heading's number (``numbering``) or the gap of a two-part line (a 落款 on one line).

A rewrite is a list of :class:`Edit` (a range of the paragraph's text and what replaces
it), so that Writer can replace just that range and keep the formatting of the rest, and
the .docx CLI can edit just the runs that hold it.

>>> options = Normalization.parse("all")
>>> rewrite("  (一)学习理论", Role.HEADING2, options)
'（一）学习理论'
>>> rewrite("2025.12.31", Role.DATE, options)
'2025年12月31日'
>>> rewrite("1、2月份完成X项。", Role.BODY, options) is None
True

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List, NamedTuple, Optional, Tuple

from gongwen import punctuation
from gongwen.dates import normalize_date
from gongwen.roles import parse_heading_number, run_in_heading, split_line
from gongwen.spec import Role

DATES = "dates"
NUMBERING = "numbering"
SPACES = "spaces"
BLANK_LINES = "blank-lines"
PUNCTUATION = "punctuation"
KINDS = (DATES, NUMBERING, SPACES, BLANK_LINES, PUNCTUATION)
ALL = "all"

# Who made the edits, when they are written as tracked changes (Word's w:author, Writer's
# redline author): the name the author sees beside each revision.
REVISION_AUTHOR = "公文助手"

# What people type as manual indentation: ASCII space, ideographic (full-width) space,
# no-break space and tab. Other whitespace (line breaks above all) is left alone.
INDENT_CHARACTERS = " \u3000\u00a0\t"
# Characters the classifiers skip before a paragraph's content (roles._clean, dates._clean):
# whitespace of any kind, a byte order mark and a zero-width space pasted from the web.
_INVISIBLE = "\ufeff\u200b"
_HEADING_ROLES = (Role.HEADING1, Role.HEADING2, Role.HEADING3, Role.HEADING4)
_TWO_PART_ROLES = (Role.SIGNATURE_DATE, Role.DOC_NUMBER, Role.IMPRINT)
TWO_PART_ROLES = _TWO_PART_ROLES  # 边写边查 (gongwen.proofing) judges these lines too


class UnknownKind(ValueError):
    """A normalisation name that is none of :data:`KINDS` nor ``all``; ``kind`` is it."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class Normalization:
    """Which rewrites the user asked for; all off by default (text never changes)."""

    dates: bool = False
    numbering: bool = False
    leading_spaces: bool = False
    blank_lines: bool = False
    punctuation: bool = False

    @classmethod
    def parse(cls, value: str) -> Normalization:
        """``all`` or a comma list of :data:`KINDS`; empty means none.

        >>> Normalization.parse("dates, spaces")
        ... # doctest: +NORMALIZE_WHITESPACE
        Normalization(dates=True, numbering=False, leading_spaces=True, blank_lines=False,
                      punctuation=False)
        >>> Normalization.parse("ALL") == Normalization(True, True, True, True, True)
        True
        >>> Normalization.parse("numbers")
        Traceback (most recent call last):
        ...
        gongwen.normalize.UnknownKind: numbers
        """
        names = [name.strip().lower() for name in value.split(",") if name.strip()]
        for name in names:
            if name != ALL and name not in KINDS:
                raise UnknownKind(name)
        if ALL in names:
            names = list(KINDS)
        return cls.of(names)

    @classmethod
    def of(cls, kinds: Iterable[str]) -> Normalization:
        chosen = set(kinds)
        return cls(DATES in chosen, NUMBERING in chosen, SPACES in chosen,
                   BLANK_LINES in chosen, PUNCTUATION in chosen)

    def union(self, other: Normalization) -> Normalization:
        return Normalization.of(self.kinds + other.kinds)

    @property
    def kinds(self) -> Tuple[str, ...]:
        """The kinds turned on, in :data:`KINDS` order.

        >>> Normalization(numbering=True, leading_spaces=True).kinds
        ('numbering', 'spaces')
        """
        flags = (self.dates, self.numbering, self.leading_spaces, self.blank_lines,
                 self.punctuation)
        return tuple(kind for kind, on in zip(KINDS, flags) if on)

    @property
    def any(self) -> bool:
        return bool(self.kinds)


NONE = Normalization()


class Edit(NamedTuple):
    """Replace ``text[start:end]`` (code point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str
    kind: str  # one of KINDS


def edits(text: str, role: str, options: Normalization) -> List[Edit]:
    """The rewrites ``options`` ask for in one paragraph, ascending and not overlapping.

    ``role`` is the paragraph's :class:`~gongwen.spec.Role` from :func:`gongwen.roles.classify`.
    An edit that would change nothing is left out, so an empty list means "unchanged".

    >>> for edit in edits("\u3000\u3000一.加强学习", Role.HEADING1, Normalization.parse("all")):
    ...     print(edit)
    Edit(start=0, end=2, replacement='', kind='spaces')
    Edit(start=2, end=4, replacement='一、', kind='numbering')
    """
    result: List[Edit] = []
    if options.leading_spaces:
        result.extend(_leading_space_edits(text))
    # A 段内标题 (run-in heading) is a body paragraph that opens with a heading number.
    if options.numbering and (role in _HEADING_ROLES
                              or (role == Role.BODY and run_in_heading(text))):
        result.extend(_numbering_edits(text))
    if options.dates and role == Role.DATE:
        result.extend(_date_edits(text))
    if options.punctuation and role != Role.BLANK:
        taken = list(result)
        result.extend(edit for edit in punctuation_edits(text, role)
                      if not any(edit.start < other.end and other.start < edit.end
                                 for other in taken))
        result.sort(key=lambda edit: edit.start)
    return result


def punctuation_findings(text: str, role: str) -> punctuation.Analysis:
    """:func:`gongwen.punctuation.analyse` for a paragraph of ``role``: the whitespace
    between the two parts of a two-part line (a 落款 on one line, 发文字号 | 签发人) is layout,
    which the ``spaces`` kind and the layout decide, not a stray space.

    >>> [edit.replacement for edit in punctuation_findings("财政局 二〇二五年一月一日",
    ...                                                    Role.SIGNATURE_DATE).fixes]
    []
    """
    found = punctuation.analyse(text)
    split = split_line(text, role) if role in _TWO_PART_ROLES else None
    if split is None:
        return found

    def outside(finding: punctuation.Finding) -> bool:
        return finding.end <= split.left_end or finding.start >= split.right_start

    return punctuation.Analysis([f for f in found.fixes if outside(f)],
                                [f for f in found.doubts if outside(f)])


def punctuation_edits(text: str, role: str) -> List[Edit]:
    """The ``punctuation`` kind's edits of one paragraph."""
    return [Edit(fix.start, fix.end, fix.replacement, PUNCTUATION)
            for fix in punctuation_findings(text, role).fixes]


def apply_edits(text: str, changes: Iterable[Edit]) -> str:
    """``text`` with ``changes`` (ascending, not overlapping) applied.

    >>> apply_edits("(一)学习", [Edit(0, 3, "（一）", NUMBERING)])
    '（一）学习'
    """
    for change in sorted(changes, key=lambda change: change.start, reverse=True):
        text = text[:change.start] + change.replacement + text[change.end:]
    return text


class TrackedView(NamedTuple):
    """A paragraph whose edits are tracked changes, as the host holds it: each replaced
    text is still there (deleted), right before its replacement (inserted)."""

    text: str
    edits: Tuple[Edit, ...]  # ascending, offsets into the original text

    def position(self, accepted: int) -> int:
        """Where offset ``accepted`` of the text after the edits is in :attr:`text`; a
        position at an edit's start stays before the deleted text.

        >>> view = tracked_view("一.学习,落实", [Edit(0, 2, "一、", NUMBERING),
        ...                                      Edit(4, 5, "，", PUNCTUATION)])
        >>> view.text
        '一.一、学习,，落实'
        >>> view.position(0), view.position(4), view.position(5), view.position(7)
        (0, 6, 8, 10)
        """
        shift = delta = 0
        for edit in self.edits:
            start = edit.start + delta  # where the replacement starts, after the edits
            if accepted <= start:
                break
            if is_tracked(edit):
                shift += edit.end - edit.start
            delta += len(edit.replacement) - (edit.end - edit.start)
        return accepted + shift


def tracked_view(text: str, changes: Iterable[Edit]) -> TrackedView:
    """``text`` as a host shows it once ``changes`` are made, those of :data:`KINDS` as
    tracked changes, the others (the layout's tab) directly."""
    ordered = tuple(sorted(changes, key=lambda change: change.start))
    parts, at = [], 0
    for change in ordered:
        kept = change.end if is_tracked(change) else change.start
        parts.append(text[at:kept] + change.replacement)
        at = change.end
    parts.append(text[at:])
    return TrackedView("".join(parts), ordered)


def is_tracked(change: Edit) -> bool:
    """A 规范写法 edit (a revision when tracked), not the layout's own (a two-part line's tab)."""
    return change.kind in KINDS


def rewrite(text: str, role: str, options: Normalization) -> Optional[str]:
    """The paragraph's text after the rewrites ``options`` ask for; None when unchanged.

    >>> rewrite("一、加强学习", Role.HEADING1, Normalization.parse("all")) is None
    True
    """
    changes = edits(text, role, options)
    return apply_edits(text, changes) if changes else None


def _content_start(text: str) -> int:
    """Index of the first character that is neither whitespace nor invisible."""
    index = 0
    while index < len(text) and (text[index].isspace() or text[index] in _INVISIBLE):
        index += 1
    return index


def _content_end(text: str) -> int:
    """Index just after the last character that is neither whitespace nor invisible."""
    end = len(text)
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return end


def _leading_space_edits(text: str) -> List[Edit]:
    """Typed indentation at the start of a paragraph that has something after it."""
    end = len(text) - len(text.lstrip(INDENT_CHARACTERS))
    if end == 0 or _content_start(text) == len(text):
        return []  # nothing typed, or a blank paragraph (its spaces are all it has)
    return [Edit(0, end, "", SPACES)]


def _numbering_edits(text: str) -> List[Edit]:
    """The heading number as typed (and the spaces after it) → its GB/T 9704 form."""
    number = parse_heading_number(text)
    start = _content_start(text)
    if number is None or not text.startswith(number.prefix, start):
        return []
    end = start + len(number.prefix)
    while end < len(text) and text[end] in INDENT_CHARACTERS:
        end += 1
    if _content_start(text[end:]) == len(text) - end:
        end = start + len(number.prefix)  # a bare number: its trailing spaces are no gap
    if text[start:end] == number.normalized:
        return []
    return [Edit(start, end, number.normalized, NUMBERING)]


def _date_edits(text: str) -> List[Edit]:
    """The date itself (not the spaces around it) → ``2021年12月31日``."""
    normal = normalize_date(text)
    start, end = _content_start(text), _content_end(text)
    if normal is None or text[start:end] == normal:
        return []
    return [Edit(start, end, normal, DATES)]
