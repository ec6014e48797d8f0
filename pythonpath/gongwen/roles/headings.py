"""Heading numbers (GB/T 9704 §7.3.3: 一、 / （一） / 1. / （1）) and 段内标题 (run-in headings).

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from gongwen.roles.common import DIGITS, FULLWIDTH_DIGITS, ascii_number, clean

# 一 … 九, 十, 十一 … 十九, 二十 … 九十九.
_CN_NUMBER = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_OPEN = "[（(]"
_CLOSE = "[）)]"
_HEADING1 = re.compile(r"^(" + _CN_NUMBER + r")\s*[、.．]")
_HEADING2 = re.compile(r"^" + _OPEN + r"\s*(" + _CN_NUMBER + r")\s*" + _CLOSE + r"(?:\s*[、.．])?")
_HEADING3 = re.compile(r"^(" + DIGITS + r")\s*[.．、]")
# （1） and, as people type it too, 1） / 1) with the opening bracket left out.
_HEADING4 = re.compile(r"^" + _OPEN + r"?\s*(" + DIGITS + r")\s*" + _CLOSE + r"(?:\s*[、.．])?")
# "一、二季度全县…", "一、二、三产业…", "二、三等奖…": the 一、 enumerates numbers, it is
# no heading number.
_NUMBER_ENUMERATION = re.compile(
    r"^[一二三四五六七八九十]+(?:[、，,至到~～\-－—]|季|月|年级|产业|类|等|级|批|期|号|轮|档|线)"
)
_DIGIT = re.compile(r"^[0-9０-９]")
# …but a year or a class right after it is the heading's text: 1.2015级、2016级本科生；
# and so is a day of a month: 1.10月14日前，……提交宣传部。 (a university's time table; 1、2月份
# with no day stays a number).
_YEAR = re.compile(r"^(?:(?:19|20)[0-9]{2}\s*(?:年|级|届)|[0-9]{1,2}月[0-9]{1,2}日)")
# ！ and ？ end a sentence as 。 does (a 总结: `6.最后，感谢……帮助！来年，……` is run-in).
_RUN_IN_END = "。！？：；:;"
# A colon or semicolon inside brackets or quotes ends no sentence: 5、……应标注“…”（英文标志：
# NUIST…）资助……。 is one sentence (a university's notes), its colon an aside; a full stop
# inside them still ends one (五、……（不允许线上上课，……参加讨论。……）。 is run-in).
_FULL_STOPS = "。！？"
# Measured on the real corpus: the four numbered lines of two clauses joined by ； were headings
# of one sentence (a 批复's 一、同意……；……。, a university's 2、……为准；……。), their first clause
# 10–27 characters long; a run-in heading phrase before ； is a few words (抓好培训).
_SEMICOLONS = "；;"
# A bracketed word after the heading's colon is an aside, not its text: `2.针对《…》等文档的评审
# 工作安排：（待定）` (a university notice) is a heading like its sibling `1.…安排：`; so after
# its semicolon: `2）服务器后台系统；（管理员）` (a student team's 总结, under `1）用户端系统：
# （学生、教师）`). After a full stop it is the text's note: `（三）将……下放至自贸试验区。（负责部
# 门：住房城乡建设部）` is run-in.
_ASIDE = re.compile(r"^[（(][^（）()]{1,12}[）)][。.]?$")
_ASIDE_AFTER = "：:；;"
RUN_IN_PHRASE_MAX_CHARS = 8
_OPENERS = "（(“《「『"
_CLOSERS_INSIDE = "）)”》」』"
# Closing quotes and brackets right after the mark still belong to the heading sentence.
_RUN_IN_CLOSERS = "”’」』）)》"


class HeadingNumber(NamedTuple):
    """The number at the start of a heading paragraph.

    ``level`` is 1..4, ``prefix`` the number exactly as typed (after leading
    whitespace, without the whitespace after it, so ``text.strip()`` starts with
    it) and ``normalized`` its GB/T 9704 form: ``一、``, ``（一）``, ``1.``, ``（1）``.
    """

    level: int
    prefix: str
    normalized: str


def parse_heading_number(text: str) -> Optional[HeadingNumber]:
    """The heading number that starts ``text``, or None when it is not a heading.

    >>> parse_heading_number("一、强化理论武装，提高政治站位")
    HeadingNumber(level=1, prefix='一、', normalized='一、')
    >>> parse_heading_number("(一)学习理论")
    HeadingNumber(level=2, prefix='(一)', normalized='（一）')
    >>> parse_heading_number("１．读原著")
    HeadingNumber(level=3, prefix='１．', normalized='1.')
    >>> parse_heading_number(" 2、 抓落实")
    HeadingNumber(level=3, prefix='2、', normalized='2.')
    >>> parse_heading_number("(3)每周一次")
    HeadingNumber(level=4, prefix='(3)', normalized='（3）')
    >>> parse_heading_number("2）新浪理财师"), parse_heading_number("1.2015级本科生；")[0]
    (HeadingNumber(level=4, prefix='2）', normalized='（2）'), 3)

    Not headings: a number that is part of the sentence, or 一是 / 二是.

    >>> [parse_heading_number(t) for t in ("1.5万元用于…", "2021.12.31", "3.5%的增长",
    ...                                   "一、二季度全县…", "一是加强学习", "1、2月份…")]
    [None, None, None, None, None, None]
    """
    cleaned = clean(text)
    match = _HEADING2.match(cleaned)
    if match:
        return HeadingNumber(2, match.group(0), f"（{match.group(1)}）")
    match = _HEADING4.match(cleaned)
    if match:
        return HeadingNumber(4, match.group(0), f"（{ascii_number(match.group(1))}）")
    match = _HEADING1.match(cleaned)
    if match and not _NUMBER_ENUMERATION.match(cleaned[match.end():].lstrip()):
        return HeadingNumber(1, match.group(0), match.group(1) + "、")
    match = _HEADING3.match(cleaned)
    # 1.5 / 3.5% / 1、2月份: a digit right after the separator makes it a number.
    rest = cleaned[match.end():] if match else ""
    if match and (not _DIGIT.match(rest) or _YEAR.match(rest)) \
            and ascii_number(match.group(1)) != "0":
        return HeadingNumber(3, match.group(0), ascii_number(match.group(1)) + ".")
    return None


def heading_level(text: str) -> int:
    """1..4 for a heading paragraph, 0 for anything else.

    >>> [heading_level(t) for t in ("三、存在的问题", "（二）主要做法", "3.抓落实", "（4）其他",
    ...                             "二是强化监督。", "（一）在句中不算")]
    [1, 2, 3, 4, 0, 2]
    >>> heading_level("全年完成（一）项")
    0
    """
    number = parse_heading_number(text)
    return number.level if number else 0


class RunIn(NamedTuple):
    """A heading sentence that opens a body paragraph (段内标题).

    ``start`` and ``end`` are offsets in the paragraph text as given: from the heading
    number to just after the first ``。``, ``：`` or ``；`` (and a closing quote after it).
    """

    level: int
    start: int
    end: int


def run_in_heading(text: str) -> Optional[RunIn]:
    """The run-in heading that opens ``text``, or None.

    A paragraph is one when it opens with a heading number and its first sentence is
    followed by more text; :func:`classify` calls such a paragraph ``body``, so a
    renderer asks this for every ``body`` paragraph and styles ``text[start:end]``.

    >>> text = "（一）财富的唯一正常来源是“生产”。生产包括农业和工业。"
    >>> run = run_in_heading(text)
    >>> run, text[run.start:run.end]
    (RunIn(level=2, start=0, end=18), '（一）财富的唯一正常来源是“生产”。')
    >>> run_in_heading("  1.工作目标：到2025年，全县基本建成XX体系。")
    RunIn(level=3, start=2, end=9)
    >>> [run_in_heading(t) for t in ("一、指导思想", "（一）加强学习。", "一是学，二是用。",
    ...                              "（1）上午8:30报到")]
    [None, None, None, None]
    """
    number = parse_heading_number(text)
    if number is None:
        return None
    start = text.find(number.prefix)
    index = start + len(number.prefix)
    depth = 0
    while index < len(text):
        mark = text[index]
        depth += (mark in _OPENERS) - (mark in _CLOSERS_INSIDE)
        if mark in _RUN_IN_END and (depth <= 0 or mark in _FULL_STOPS) \
                and not _between_digits(text, index) \
                and not _joins_clauses(text[start + len(number.prefix):index], mark):
            end = index + 1
            while end < len(text) and text[end] in _RUN_IN_CLOSERS:
                end += 1
            rest = clean(text[end:])
            aside = mark in _ASIDE_AFTER and bool(_ASIDE.match(rest))
            return RunIn(number.level, start, end) if rest and not aside else None
        index += 1
    return None


def _joins_clauses(before: str, mark: str) -> bool:
    """A ``；`` after a clause (a comma in it, or longer than a heading phrase) joins two
    clauses of one sentence: ``一、同意……合建3个自动气象站；与……合建2个自动气象站。`` is a
    heading of one sentence; ``1.抓好培训；全年培训5000人次。`` is a phrase and its text.

    >>> _joins_clauses("关于论文，省级项目以论文见刊为准", "；"), _joins_clauses("抓好培训", "；")
    (True, False)
    """
    if mark not in _SEMICOLONS:
        return False
    phrase = clean(before)
    return len(phrase) > RUN_IN_PHRASE_MAX_CHARS or any(c in phrase for c in "，,")


def _between_digits(text: str, index: int) -> bool:
    """8:30, 1：2 — a colon inside a time or a ratio ends no sentence."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return before.translate(FULLWIDTH_DIGITS).isdigit() and \
        after.translate(FULLWIDTH_DIGITS).isdigit()
