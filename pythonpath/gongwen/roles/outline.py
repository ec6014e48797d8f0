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
from typing import Dict, List, Optional, Sequence, Tuple

from gongwen import spec
from gongwen.roles.common import ascii_number, clean
from gongwen.roles.headings import parse_heading_number, run_in_heading
from gongwen.roles.looks import Looks, may_head_by_look
from gongwen.roles.signoff import is_tail_date
from gongwen.spec import Role

_CN = "[一二三四五六七八九十百零〇]+"
_DIGITS = "[0-9０-９]{1,2}"
_GAP = "[ \u3000\u00a0\t]"
# What counts after a number in a sentence: 1 个月, 3 名, 2 次, 5 项 (not 1 项目背景).
_NOT_A_UNIT = (r"(?![月年日天名人次万亿元家所条份位批期号时分周倍米吨亩户岁%％0-9０-９]"
               r"|项(?!目)|个(?!人))")
# (form, pattern) in the order they are tried; a form is a key of its own level.
_FORMS = (
    ("part", re.compile(r"^第" + _CN + r"部分")),
    ("chapter", re.compile(r"^第" + _CN + r"[章节](?!\S*[，。；])")),
    ("decimal3", re.compile(r"^" + _DIGITS + r"[.．]" + _DIGITS + r"[.．]" + _DIGITS
                            + _GAP + r"*" + _NOT_A_UNIT + r"(?![.．])")),
    ("decimal2", re.compile(r"^" + _DIGITS + r"[.．]" + _DIGITS + _GAP + r"*" + _NOT_A_UNIT
                            + r"(?![.．])")),
    ("digit_space", re.compile(r"^" + _DIGITS + _GAP + r"+" + _NOT_A_UNIT)),
    ("roman_upper", re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)\s*[.．、)）]")),
    ("roman_lower", re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)\s*[.．、)）]")),
    ("latin_upper", re.compile(r"^[A-HＡ-Ｈ]\s*[.．、]")),
    ("latin_lower", re.compile(r"^[（(]?[a-hａ-ｈ]\s*[)）]")),
    ("enumerated", re.compile(r"^" + _CN + r"是")),
    # 【会议议题】 / 【工作回顾】 alone on a line: a 纪要's or a 总结's own heading form.
    ("lenticular", re.compile(r"^【(?=[^】]{2,16}】$)")),
)
# Forms whose number is plainly a list mark (i. / A． / a)): like 一、 … they head a line that
# is one sentence or a phrase, ``，`` and ``；`` in it included; the others only a phrase.
_MARKED = ("roman_upper", "roman_lower", "latin_upper", "latin_lower")
MARKED_MAX_CHARS = 60
# 第一条　工作机构 — an article named by a phrase, its text in the paragraphs under it — is a
# heading; 第一条　为规范管理，制定本办法。 is the article itself: body.
_ARTICLE = re.compile(r"^第" + _CN + r"条" + _GAP + r"*(?P<name>[^，。；：,;:！？!?]{2,8})$")
_ARTICLE_WITH_TEXT = re.compile(r"^第" + _CN + r"条" + _GAP + r"*[^" + _GAP[1:-1] + r"]")
# 问题1： / 议题二 / 任务3 alone on a line, met with two numbers at least: the document's
# own heading form (not a figure's or table's number).
_LABELLED = re.compile(r"^(?P<label>[\u4e00-\u9fff]{1,4}?)\s*(?:[0-9０-９]{1,2}|"
                       r"[一二三四五六七八九十]{1,3})\s*[：:]?$")
_NOT_LABELS = ("第", "图", "表", "附件", "附表", "附图", "附录", "图表", "序号", "编号")
_SENTENCE_ENDS = ("。", "；", ";")
# A line that reads as a heading: short, and no sentence in it.
HEADING_MAX_CHARS = 40
_SENTENCE = re.compile(r"[，。；！？,;!?]")
# A row of a table typed with spaces (1　　古建筑修缮　　　　XXX) is no heading.
_COLUMNS = re.compile(r"\s{2,}|\t")
_STANDARD_RANK = {1: "cn", 2: "cn_paren", 3: "digit", 4: "digit_paren"}
_RANK = {form: level for level, form in _STANDARD_RANK.items()}
HEADING_ROLES = (Role.HEADING1, Role.HEADING2, Role.HEADING3, Role.HEADING4)


def heading_form(text: str, labels: Sequence[str] = ()) -> Optional[str]:
    """The kind of number a heading line opens with (``cn`` for 一、, ``cn_paren``, ``digit``,
    ``digit_paren``; the others by :data:`_FORMS`, ``article`` for 第一条 and a phrase,
    ``label:问题`` for 问题1： when ``labels`` holds 问题), or None.

    >>> [heading_form(t) for t in ("一、总体要求", "1 项目背景", "A．既定方案", "a) 范围",
    ...                            "第一部分 工作回顾", "1.2 建设内容", "一是加强领导")]
    ['cn', 'digit_space', 'latin_upper', 'latin_lower', 'part', 'decimal2', 'enumerated']
    >>> [heading_form(t) for t in ("ii. 实现会议时间的选择、修改功能；", "第一条  工作机构",
    ...                            "2.1个人方面", "问题2：", "【会议议题】")]
    ['roman_lower', 'article', 'decimal2', None, 'lenticular']
    >>> heading_form("问题2：", labels=("问题",))
    'label:问题'
    >>> [heading_form(t) for t in ("1 个月内完成", "A．方案已定。请执行。", "一是学，二是用。",
    ...                            "2024 年工作", "第一条　为规范管理，制定本办法。", "1.5万元",
    ...                            "2.1.1问题：数据库中日期类型不知道怎么转换")]
    [None, None, None, None, None, None, None]
    """
    text = clean(text)
    number = parse_heading_number(text)
    if number is not None:
        return _STANDARD_RANK[number.level]
    if not text:
        return None
    if _ARTICLE.match(text):
        return "article"
    labelled = _LABELLED.match(text)
    if labelled and labelled.group("label") in labels:
        return "label:" + labelled.group("label")
    for form, pattern in _FORMS:
        match = pattern.match(text)
        rest = clean(text[match.end():]) if match else ""
        if not rest:
            continue
        if form in _MARKED:
            if len(text) <= MARKED_MAX_CHARS and not _goes_on(text, match.end()):
                return form
            return None
        if len(text) > HEADING_MAX_CHARS or _SENTENCE.search(text) \
                or text.endswith(("：", ":")):
            return None
        # 第一章　总　　则 is spaced out on purpose; a digit's columns are a typed table.
        if form in ("part", "chapter"):
            return form
        if not _COLUMNS.search(rest) and not _goes_on(text, match.end()):
            return form
    return None


# A heading sentence that goes on (``问题：数据库……``, ``指导思想。以……``) opens a paragraph
# of text.
_SENTENCE_OR_LABEL_END = re.compile(r"[。！？!?：:；;]")


def _goes_on(text: str, start: int) -> bool:
    for mark in _SENTENCE_OR_LABEL_END.finditer(text, start):
        before, after = text[mark.start() - 1:mark.start()], text[mark.end():mark.end() + 1]
        if mark.group() in "：:" and before.isdigit() and after.isdigit():
            continue  # 8:30
        return bool(clean(text[mark.end():]))
    return False


def is_numbered_label(text: str) -> bool:
    """``问题1：`` / ``议题二``: a word and a number alone (never a 主送 or a title)."""
    match = _LABELLED.match(clean(text))
    return bool(match) and not match.group("label").startswith(_NOT_LABELS)


def heading_labels(texts: Sequence[str], roles: Sequence[Optional[str]]) -> List[str]:
    """The words a document numbers its headings with (问题1：… 问题2：): a word met alone
    with two different numbers at least.

    >>> heading_labels(["问题1：", "说明。", "问题2：", "图1", "表1"], [None] * 5)
    ['问题']
    """
    numbers: Dict[str, set] = {}
    for text, role in zip(texts, roles):
        match = _LABELLED.match(text) if role is None and is_numbered_label(text) else None
        if match:
            numbers.setdefault(match.group("label"), set()).add(clean(text))
    return [label for label, seen in numbers.items() if len(seen) >= 2]


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


def mark_headings(texts: Sequence[str], roles: List[Optional[str]],
                  looks: Optional[Looks] = None) -> None:
    """Every paragraph not yet given a role: a heading of its level, or body text (a 段内
    标题 is body: the renderers set its first sentence in the level's font).

    >>> texts = ["1 项目背景", "近年来……。", "1.1 建设内容", "A．既定方案", "2 项目目标"]
    >>> roles = [None] * len(texts)
    >>> mark_headings(texts, roles); roles
    ['heading1', 'body', 'heading2', 'heading3', 'heading1']

    ``1.`` over ``1.1`` is the top of a decimal outline, whatever the standard says of 1.:

    >>> texts = ["1.简述", "这是……。", "2.问题与解决", "2.1关于代码", "3.简要总结"]
    >>> roles = [None] * len(texts)
    >>> mark_headings(texts, roles); roles
    ['heading1', 'body', 'heading1', 'heading2', 'heading1']
    """
    labels = heading_labels(texts, roles)
    for start, end in _numbered_parts(roles):
        if looks is not None:
            _mark_bold_headings(texts, roles, start, end, labels, looks)
        decimal_root = _has_decimal_root(texts[start:end], roles[start:end])
        outline = Outline()
        regulation = False  # under a 第一章 or a 第一条 named by a phrase
        last_decimal: Optional[Tuple[str, int]] = None  # the last 1.2 heading: ("1", 2)
        for index in range(start, end):
            if roles[index] is not None:
                continue
            text = texts[index]
            form = heading_form(text, labels) \
                or _form_by_context(texts, roles, index, (start, end), last_decimal)
            if form == "decimal2":
                last_decimal = _decimal_key(text)
            if form is None or _number_alone(text):
                roles[index] = Role.BODY
                # 第十条　……：: an article with its text; the （一） lines under it are its items.
                regulation = regulation or bool(_ARTICLE_WITH_TEXT.match(clean(text)))
                continue
            if form == "digit" and decimal_root:
                form = "decimal1"
            standard = form in _RANK
            # Under a 第一章 or 第一条 the numbered sentences are an article's items: text.
            if (regulation and standard and clean(text).endswith(_SENTENCE_ENDS)) \
                    or (standard and run_in_heading(text)):
                roles[index] = Role.BODY
                continue
            regulation = regulation or form in ("chapter", "article")
            roles[index] = HEADING_ROLES[outline.place(form) - 1]


# A bold line that heads a part: a phrase (or a label ending in a colon), no sentence, no
# field (会议地点：线上), no date (the lines whose looks the hosts describe past the head:
# roles.looks). Sizes closer than this are one level (a 16 pt part and a 15.5 pt one).
SIZE_LEVEL_STEP_PT = 1.0
# Word's own heading styles say the level outright (Heading 1 / 标题 1, as Writer and a
# Chinese Word name them): a real 转正述职报告 sets 工作情况 in Heading 1 and 工作方针 under it in
# Heading 2, both 13 pt bold — one size, two levels.
_WORD_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


def _mark_bold_headings(texts: Sequence[str], roles: List[Optional[str]], start: int, end: int,
                        labels: Sequence[str], looks: Looks) -> None:
    """In a text that numbers no heading (a personal 总结), short lines set bold where the
    text is not are its headings: 工作回顾 / 存在不足 / 明年计划. Set in several sizes they are
    as many levels, the largest the first (a real 项目总结: parts in 22 pt, the site's pages
    under them in 16 pt, 计划 / 完成情况 under each in 14 pt)."""
    if any(roles[index] is None and heading_form(texts[index], labels) is not None
           for index in range(start, end)):
        return
    styled = {index: _style_level(looks.items[index].style) for index in range(start, end)}
    found = [index for index in range(start, end)
             if roles[index] is None and (looks.is_bold(index) or styled[index])
             and may_head_by_look(texts[index]) and not is_tail_date(texts[index])]
    if found and all(styled[index] for index in found):
        ranks = {level: rank for rank, level in enumerate(sorted({styled[i] for i in found}))}
        for index in found:
            roles[index] = HEADING_ROLES[min(ranks[styled[index]], len(HEADING_ROLES) - 1)]
        return
    levels = _size_levels([looks.items[index].size_pt for index in found])
    for index in found:
        size = looks.items[index].size_pt
        roles[index] = HEADING_ROLES[levels.get(size, 0) if size is not None else 0]


def _style_level(style: Optional[str]) -> int:
    """1..9 for Word's Heading N / 标题 N style and for the 公文 heading styles Format sets (a
    second Format keeps the levels the first one gave), 0 for any other.

    >>> [_style_level(s) for s in ("Heading 2", "标题 1", "heading3", "公文二级标题", "Normal",
    ...                            None)]
    [2, 1, 3, 2, 0, 0]
    """
    if style in _FORMATTED_LEVELS:
        return _FORMATTED_LEVELS[style]
    match = _WORD_HEADING_STYLE.match(style or "")
    return int(match.group(1)) if match else 0


_FORMATTED_LEVELS = {spec.style_name(role): level
                     for level, role in enumerate(HEADING_ROLES, 1)}


def _size_levels(sizes: Sequence[Optional[float]]) -> Dict[Optional[float], int]:
    """Each size's level (0 the largest), sizes within :data:`SIZE_LEVEL_STEP_PT` of a larger
    one sharing its level; at most the four heading levels.

    >>> _size_levels([22, 16, 14, 16, 22, None])
    {22: 0, 16: 1, 14: 2}
    >>> _size_levels([16, 15.5, 12])
    {16: 0, 15.5: 0, 12: 1}
    """
    levels: Dict[Optional[float], int] = {}
    level, top = -1, None
    for size in sorted({size for size in sizes if size is not None}, reverse=True):
        if top is None or top - size >= SIZE_LEVEL_STEP_PT:
            level, top = min(level + 1, len(HEADING_ROLES) - 1), size
        levels[size] = level
    return levels


def _numbered_parts(roles: Sequence[Optional[str]]) -> List[Tuple[int, int]]:
    """The stretches numbered on their own: the main text, then each attached text."""
    starts = [0] + [index + 1 for index, role in enumerate(roles)
                    if role in (Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE)]
    ends = starts[1:] + [len(roles)]
    return [(start, end) for start, end in zip(starts, ends) if start < end]


def _number_alone(text: str) -> bool:
    """``5.`` with nothing after it: an empty list item, not a heading."""
    number = parse_heading_number(text)
    return number is not None and not clean(clean(text)[len(number.prefix):])


_DECIMAL = re.compile(r"^([0-9０-９]{1,2})[.．][0-9０-９]{1,2}(?![0-9０-９])")
# A 预案 or 方案 typed from a page may run the outline's numbers into the words: 1总则 over
# 1.1制定目的 (龙驹镇's 应急预案). A digit and a phrase with no space tell nothing alone (1个月);
# a ``1.1`` line under it does: then ``1`` tops a decimal outline.
_TIGHT_DIGIT = re.compile(r"^([0-9０-９]{1,2})(?=[\u4e00-\u9fff])" + _NOT_A_UNIT)
# ``1.3分级分类`` reads as 1.3 minutes to the unit check; between 1.2 and 1.4 it is the next
# heading (the numbers a reader follows), so a decimal line continuing the sequence counts.
_LOOSE_DECIMAL2 = re.compile(r"^([0-9０-９]{1,2})[.．]([0-9０-９]{1,2})(?![.．0-9０-９])")


# A report delivered to a meeting (工作报告, 政府工作报告: 各位代表： over its opening) names its
# parts by an unnumbered phrase on a line of its own between paragraphs of text: 过去五年工作
# 回顾 / 2023年工作建议, the 一、 parts under it. Only the words such part lines end with, and
# only under a 称谓: a phrase ending otherwise (阶段主任务, a table's caption) stays text, and a
# personal 总结's 工作回顾 is left to its looks (bold where the text is not). Measured on the
# corpus: no line of text ends so.
_PART_LINE = re.compile(r"^[\u4e00-\u9fff0-9０-９]{4,16}$")
_PART_LINE_END = re.compile(r"(?:回顾|建议|安排|部署|打算|思路|展望|设想)$")
_TEXT_END = ("。", "！", "？", "!", "?")


def _is_part_line(texts: Sequence[str], roles: Sequence[Optional[str]], index: int,
                  start: int) -> bool:
    """An unnumbered part line: a short phrase ending with a part word, right after a
    paragraph of text (a sentence that ended).

    >>> opening = ["各位代表：", "现在，我代表本院报告工作。"]
    >>> _is_part_line(opening + ["过去五年工作回顾"], ["addressee", "body", None], 2, 0)
    True
    >>> _is_part_line(opening + ["阶段主任务"], ["addressee", "body", None], 2, 0)
    False
    >>> _is_part_line(opening[1:] + ["工作回顾"], ["body", None], 1, 0)
    False
    """
    text = clean(texts[index])
    if not _PART_LINE.match(text) or not _PART_LINE_END.search(text) \
            or Role.ADDRESSEE not in roles[:index]:
        return False
    above = index - 1
    while above >= start and not texts[above]:
        above -= 1
    return above >= start and roles[above] in (None, Role.BODY) \
        and clean(texts[above]).endswith(_TEXT_END) and heading_form(texts[above]) is None


# Under a part of a 政府工作报告 the printed text sets one sentence in bold to lead each
# stretch of the year's review: 一年来，我们全力以赴稳增长，经济回升的步伐迈得更沉稳。 (木洞镇,
# 魏庄镇). Pages drop the bold; the words stay: a lone short sentence opening so, in a text
# under a 称谓, is the heading one level under the part it stands in. No line of text in the
# corpus opens so.
_LEAD_LINE = re.compile(r"^(?:一年来|过去一年|五年来|过去五年|这一年)[，,]我们"
                        r"[^。！？!?；;]{4,36}[。]?$")


def _is_lead_line(texts: Sequence[str], roles: Sequence[Optional[str]], index: int) -> bool:
    """``一年来，我们以稳定发展为要务，推动经济继续保持健康发展`` in a report to a meeting.

    >>> _is_lead_line(["各位代表：", "一年来，我们全力以赴稳增长，经济回升的步伐迈得更沉稳。"],
    ...               ["addressee", None], 1)
    True
    >>> _is_lead_line(["一年来，我们全力以赴稳增长。"], [None], 0)
    False
    """
    return bool(_LEAD_LINE.match(clean(texts[index]))) and Role.ADDRESSEE in roles[:index]


def decimal_top(texts: Sequence[str], index: int) -> bool:
    """``1总则`` with ``1.1制定目的`` somewhere under it: the top of a decimal outline.

    >>> decimal_top(["1总则", "1.1制定目的"], 0), decimal_top(["1个月内完成。", "1.1 范围"], 0)
    (True, False)
    >>> decimal_top(["1总则", "规范应对。"], 0)
    False
    """
    text = clean(texts[index])
    tight = _TIGHT_DIGIT.match(text)
    if not tight or len(text) > HEADING_MAX_CHARS or _SENTENCE.search(text) \
            or text.endswith(("：", ":")):
        return False
    number = ascii_number(tight.group(1))
    for later in texts[index + 1:]:
        decimal = _DECIMAL.match(clean(later))
        if decimal and ascii_number(decimal.group(1)) == number:
            return True
    return False


def _form_by_context(texts: Sequence[str], roles: Sequence[Optional[str]], index: int,
                     part: Tuple[int, int], last_decimal: Optional[Tuple[str, int]]
                     ) -> Optional[str]:
    """The heading form of a line that only its neighbours make a heading: ``1总则`` over
    ``1.1``, ``1.3分级分类`` after ``1.2``, an unnumbered part line between paragraphs, a
    report's lead sentence (``一年来，我们……``)."""
    start, end = part
    if decimal_top(texts[:end], index):
        return "decimal1"
    if _continues_decimal(texts[index], last_decimal):
        return "decimal2"
    if _is_part_line(texts, roles, index, start):
        return "part_line"
    if _is_lead_line(texts, roles, index):
        return "lead_line"
    return None


def _decimal_key(text: str) -> Optional[Tuple[str, int]]:
    """``1.2 建设内容`` → ("1", 2): where a decimal heading stands in its sequence."""
    match = _LOOSE_DECIMAL2.match(clean(text))
    return (ascii_number(match.group(1)), int(ascii_number(match.group(2)))) if match else None


def _continues_decimal(text: str, last: Optional[Tuple[str, int]]) -> bool:
    """``1.3分级分类`` right after the ``1.2`` heading: the next of its level (a phrase)."""
    match = _LOOSE_DECIMAL2.match(clean(text))
    if not match or last is None or len(clean(text)) > HEADING_MAX_CHARS \
            or _SENTENCE.search(text) or not clean(text[match.end():]):
        return False
    return (ascii_number(match.group(1)), int(ascii_number(match.group(2)))) \
        == (last[0], last[1] + 1)


def _has_decimal_root(texts: Sequence[str], roles: Sequence[Optional[str]]) -> bool:
    """``2.问题与解决`` with ``2.1关于代码`` under it: the digit form numbers a decimal
    outline's top level."""
    last_digit: Optional[str] = None
    for text, role in zip(texts, roles):
        if role is not None:
            continue
        number = parse_heading_number(text)
        if number is not None and number.level == 3:
            last_digit = number.normalized.rstrip(".")
            continue
        decimal = _DECIMAL.match(clean(text))
        if decimal and last_digit is not None and heading_form(text) in ("decimal2", "decimal3") \
                and ascii_number(decimal.group(1)) == last_digit:
            return True
    return False
