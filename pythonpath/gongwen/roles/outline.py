"""Heading levels from the document's own numbering.

GB/T 9704 §7.3.3 numbers headings 一、 / （一） / 1. / （1）, and those keep their levels
where a document follows the standard. People also type ``1 项目背景`` (a digit and a
space), ``1.1``, ``A．既定方案``, ``a)``, ``第一部分``, ``第一章`` or ``一是`` on a line of
its own: which level each form is comes from the order in which the document uses them.
A form met inside another takes the next level down; meeting a form again returns to its
level. Such a line must read as a heading (short, no sentence in it), so a number that
counts list items in a sentence stays body text; ``第一条`` opens an article of a 办法 and
is body, and under a ``第一章`` a numbered sentence (``一、根据……。``) is an article too.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence

from gongwen.roles.common import clean
from gongwen.roles.headings import parse_heading_number, run_in_heading
from gongwen.spec import Role

_CN = "[一二三四五六七八九十百零〇]+"
_DIGITS = "[0-9０-９]{1,2}"
_GAP = "[ \u3000\u00a0\t]"
# What counts after a number in a sentence: 1 个月, 3 名, 2 次, 5 项 (not 1 项目背景).
_NOT_A_UNIT = (r"(?![个月年日天名人次万亿元家所条份位批期号时分周倍米吨亩户岁%％0-9０-９]"
               r"|项(?!目))")
# (form, pattern) in the order they are tried; a form is a key of its own level.
_FORMS = (
    ("part", re.compile(r"^第" + _CN + r"部分")),
    ("chapter", re.compile(r"^第" + _CN + r"[章节](?!\S*[，。；])")),
    ("decimal3", re.compile(r"^" + _DIGITS + r"[.．]" + _DIGITS + r"[.．]" + _DIGITS
                            + _GAP + r"*" + _NOT_A_UNIT + r"(?![.．])")),
    ("decimal2", re.compile(r"^" + _DIGITS + r"[.．]" + _DIGITS + _GAP + r"*" + _NOT_A_UNIT
                            + r"(?![.．])")),
    ("digit_space", re.compile(r"^" + _DIGITS + _GAP + r"+" + _NOT_A_UNIT)),
    ("latin_upper", re.compile(r"^[A-HＡ-Ｈ]\s*[.．、]")),
    ("latin_lower", re.compile(r"^[（(]?[a-hａ-ｈ]\s*[)）]")),
    ("enumerated", re.compile(r"^" + _CN + r"是")),
)
_SENTENCE_ENDS = ("。", "；", ";")
# A line that reads as a heading: short, and no sentence in it.
HEADING_MAX_CHARS = 40
_SENTENCE = re.compile(r"[，。；！？,;!?]")
# A row of a table typed with spaces (1　　古建筑修缮　　　　XXX) is no heading.
_COLUMNS = re.compile(r"\s{2,}|\t")
_STANDARD_RANK = {1: "cn", 2: "cn_paren", 3: "digit", 4: "digit_paren"}
_RANK = {form: level for level, form in _STANDARD_RANK.items()}
HEADING_ROLES = (Role.HEADING1, Role.HEADING2, Role.HEADING3, Role.HEADING4)


def heading_form(text: str) -> Optional[str]:
    """The kind of number a heading line opens with (``cn`` for 一、, ``cn_paren``, ``digit``,
    ``digit_paren``; the others by :data:`_FORMS`), or None.

    >>> [heading_form(t) for t in ("一、总体要求", "1 项目背景", "A．既定方案", "a) 范围",
    ...                            "第一部分 工作回顾", "1.2 建设内容", "一是加强领导")]
    ['cn', 'digit_space', 'latin_upper', 'latin_lower', 'part', 'decimal2', 'enumerated']
    >>> [heading_form(t) for t in ("1 个月内完成", "A．方案已定，请执行。", "一是学，二是用。",
    ...                            "2024 年工作", "第一条　为规范管理，制定本办法。", "1.5万元")]
    [None, None, None, None, None, None]
    """
    text = clean(text)
    number = parse_heading_number(text)
    if number is not None:
        return _STANDARD_RANK[number.level]
    if not text or len(text) > HEADING_MAX_CHARS or _SENTENCE.search(text) \
            or text.endswith(("：", ":")):
        return None
    for form, pattern in _FORMS:
        match = pattern.match(text)
        rest = clean(text[match.end():]) if match else ""
        # 第一章　总　　则 is spaced out on purpose; a digit's columns are a typed table.
        if rest and (form in ("part", "chapter") or not _COLUMNS.search(rest)):
            return form
    return None


class Outline:
    """The levels of a document's heading forms, as it uses them."""

    def __init__(self) -> None:
        self.level: Dict[str, int] = {}
        self.open: List[str] = []  # the forms enclosing the current line, outermost first

    def place(self, form: str) -> int:
        """The level of a line numbered ``form`` here (1..4)."""
        if form in self.level:
            level = self.level[form]
        else:
            rank = _RANK.get(form)
            if rank is not None:  # a standard form closes the deeper standard ones
                while self.open and self.open[-1] in _RANK and _RANK[self.open[-1]] >= rank:
                    self.open.pop()
            parent = self.level[self.open[-1]] if self.open else 0
            level = min(max(rank or 0, parent + 1), len(HEADING_ROLES))
            self.level[form] = level
        while self.open and self.level[self.open[-1]] >= level:
            self.open.pop()
        self.open.append(form)
        return level


def mark_headings(texts: Sequence[str], roles: List[Optional[str]]) -> None:
    """Every paragraph not yet given a role: a heading of its level, or body text (a 段内
    标题 is body: the renderers set its first sentence in the level's font).

    >>> texts = ["1 项目背景", "近年来……。", "1.1 建设内容", "A．既定方案", "2 项目目标"]
    >>> roles = [None] * len(texts)
    >>> mark_headings(texts, roles); roles
    ['heading1', 'body', 'heading2', 'heading3', 'heading1']
    """
    outline = Outline()
    chapters = False
    for index, text in enumerate(texts):
        if roles[index] is not None:
            if roles[index] in (Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE):
                outline, chapters = Outline(), False  # an attached text numbers anew
            continue
        form = heading_form(text)
        if form is None:
            roles[index] = Role.BODY
            continue
        chapters = chapters or form == "chapter"
        level = outline.place(form)
        standard = form in _RANK
        # Under a 第一章 the numbered paragraphs are a regulation's articles: text.
        article = chapters and standard and clean(text).endswith(_SENTENCE_ENDS)
        roles[index] = Role.BODY if article or (standard and run_in_heading(text)) \
            else HEADING_ROLES[level - 1]
