"""成文日期: recognise the dates people type and write them the GB/T 9704 way.

GB/T 9704-2012 §7.3.5.1 wants the date in Arabic numerals with year, month and
day in full and no zero padding: ``2021年12月31日``. Users type many other
forms; the classifier (:mod:`gongwen.roles`) needs to know a date line when it
sees one, and the formatters' optional "normalise date" switch (off by default,
because formatting never changes text unless asked) rewrites it.

>>> parse_date("二〇二一年十二月三十一日")
(2021, 12, 31)
>>> normalize_date(" 2021.12.01 ")
'2021年12月1日'
>>> is_date_line("XXXX年XX月XX日")
True

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import datetime
import re
from typing import Optional, Tuple

# Full-width digits and separators fold to ASCII before matching.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－／", "0123456789.-/")

# Chinese digits for a year written digit by digit (二〇二一). People often type
# the letter O, a digit zero or the white circle ○ (gov.cn: 二○○四, a college: 二0一一)
# instead of 〇, so those count as zero too.
_CN_DIGITS = {
    "〇": 0, "零": 0, "O": 0, "o": 0, "Ｏ": 0, "0": 0, "○": 0,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_CN_YEAR = "[〇零OoＯ○0一二三四五六七八九]{4}"
# 一 … 九, 十, 十一 … 十九, 二十 … 三十一 (months and days).
_CN_SMALL = "(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"

_YMD_CHINESE = re.compile(
    r"^(?P<y>\d{4}|" + _CN_YEAR + r")\s*年\s*"
    r"(?P<m>\d{1,2}|" + _CN_SMALL + r")\s*月\s*"
    r"(?P<d>\d{1,2}|" + _CN_SMALL + r")\s*[日号]$"  # 2019年1月2号 as people say it
)
# 2021.12.31, 2021-12-31, 2021/12/31 (one separator used consistently).
_YMD_NUMERIC = re.compile(r"^(?P<y>\d{4})(?P<sep>[.\-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})$")

# A date still to be filled in: XXXX年XX月XX日, 20XX年X月X日, ××××年××月××日,
# ○○○○年○○月○○日, or the bare "年  月  日" with blanks typed as spaces.
# A date in Chinese numerals may have its year masked the same way: 二〇XX年一月三十日 (a
# township's 请示 as a site printed it), 二〇××年十月; only a letter or cross masks it there,
# since 〇 and ○ are digits in such a date.
_BLANK_PART = r"([0-9XxＸｘ×○〇□_＿\s一二三四五六七八九十零]*)"
_BLANK_DATE = re.compile(r"^" + _BLANK_PART + "年" + _BLANK_PART + "月" + _BLANK_PART + "日$")
_PLACEHOLDER_CHARS = set("XxＸｘ×○〇□_＿")
_CN_NUMERALS = set("一二三四五六七八九十零")
_MASK_CHARS = set("XxＸｘ×□_＿")
_BLANK_NUMERIC = re.compile(r"^[0-9Xx]{4}([.\-/])[0-9Xx]{1,2}\1[0-9Xx]{1,2}$")


def _clean(text: str) -> str:
    """Trim whitespace (including U+3000 and NBSP) and fold full-width digits."""
    return text.strip().strip("\ufeff\u200b").strip().translate(_FULLWIDTH)


def _cn_small_number(token: str) -> int:
    """十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31, 七 → 7."""
    if "十" not in token:
        return _CN_DIGITS[token]
    tens, _, units = token.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _number(token: str) -> int:
    if token.isdigit() and token.isascii():
        return int(token)
    if len(token) == 4 and all(ch in _CN_DIGITS for ch in token):
        return int("".join(str(_CN_DIGITS[ch]) for ch in token))
    return _cn_small_number(token)


def _valid(year: int, month: int, day: int) -> Optional[Tuple[int, int, int]]:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return (year, month, day)


def parse_date(text: str) -> Optional[Tuple[int, int, int]]:
    """(year, month, day) when ``text`` (trimmed) is one complete date, else None.

    Accepts ``2021年12月31日``, ``2021年12月1日``, ``二〇二一年十二月三十一日``
    (also 零 or a typed O for 〇), ``2021.12.31``, ``2021-12-31``, ``2021/12/31``
    and full-width digits. Impossible dates are rejected.

    >>> parse_date("2021年12月1日")
    (2021, 12, 1)
    >>> parse_date("二零二二年一月十日")
    (2022, 1, 10)
    >>> parse_date("２０２１－１２－３１")
    (2021, 12, 31)
    >>> parse_date("2021.2.30") is None
    True
    >>> parse_date("2021年12月31日召开会议") is None
    True
    """
    cleaned = _clean(text)
    match = _YMD_CHINESE.match(cleaned) or _YMD_NUMERIC.match(cleaned)
    if not match:
        return None
    return _valid(_number(match.group("y")), _number(match.group("m")), _number(match.group("d")))


def format_date(year: int, month: int, day: int) -> str:
    """The GB/T 9704 form: Arabic numerals, no zero padding.

    >>> format_date(2021, 1, 5)
    '2021年1月5日'
    """
    return f"{year}年{month}月{day}日"


def normalize_date(text: str) -> Optional[str]:
    """``text`` rewritten as ``2021年12月31日`` when the line is only a date, else None.

    >>> normalize_date("二〇二一年十二月三十一日")
    '2021年12月31日'
    >>> normalize_date("XXXX年XX月XX日") is None
    True
    """
    parsed = parse_date(text)
    return format_date(*parsed) if parsed else None


def is_date_line(text: str) -> bool:
    """True when the line holds only a date, filled in or still blank.

    >>> is_date_line("2021-12-31")
    True
    >>> is_date_line("20XX年X月X日")
    True
    >>> is_date_line("    年  月  日")
    True
    >>> is_date_line("年月日")
    False
    >>> is_date_line("2021年12月31日前完成")
    False
    >>> is_date_line("二〇XX年一月三十日"), is_date_line("二〇二一年十三月四十日")
    (True, False)
    """
    if parse_date(text):
        return True
    cleaned = _clean(text)
    if _BLANK_NUMERIC.match(cleaned):
        return not cleaned.replace(".", "").replace("-", "").replace("/", "").isdigit()
    match = _BLANK_DATE.match(cleaned)
    if not match or cleaned == "年月日":  # "年月日" alone is a word, not a blank date
        return False
    # At least one field must be waiting to be filled; "2021年13月45日" is no date at all.
    if _CN_NUMERALS.intersection(cleaned):
        return any(_MASK_CHARS.intersection(field) for field in match.groups())
    return any(_is_blank_field(field) for field in match.groups())


def _is_blank_field(field: str) -> bool:
    return not field.strip() or any(ch in _PLACEHOLDER_CHARS for ch in field)
