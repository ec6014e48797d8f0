"""Which 公文 role each paragraph plays: the one classifier every formatter uses.

Roles are recognised by content and position, never by existing formatting
(users paste from WeChat, old .doc files and web pages; their bold and sizes
mean nothing). The values are the keys of :class:`gongwen.spec.Role`.

>>> classify(["XXXX年度个人述职报告", "各位领导、同志们：", "一年来，我认真履职。",
...           "一、加强学习", "（一）学习理论", "1.读原著", "（1）每周一次", "一是学，二是用。",
...           "特此报告。", "述职人：XXX", "XXXX年XX月XX日"])
... # doctest: +NORMALIZE_WHITESPACE
['title', 'addressee', 'body', 'heading1', 'heading2', 'heading3', 'heading4', 'body',
 'closing', 'signature', 'date']

Headings follow GB/T 9704 §7.3.3: 一、 / （一） / 1. / （1）. Users type mixed
forms (``(一)``, ``1、``, ``1．``, ``一.``, ``(1)``), which count as the same
level; :func:`parse_heading_number` gives the standard form for an optional,
explicit normalisation.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Optional, Sequence

from gongwen.dates import is_date_line
from gongwen.spec import Role

# --- limits (characters after trimming) --------------------------------------
TITLE_MAX_CHARS = 40
TITLE_MAX_LINES = 3
ADDRESSEE_MAX_CHARS = 50
CLOSING_MAX_CHARS = 50
# A short single sentence right before the 落款 counts as 结束语 even without a
# known phrase ("请各位领导批评指正。"), but only this short.
GENERIC_CLOSING_MAX_CHARS = 20
SIGNATURE_MAX_CHARS = 30
SIGNATURE_MAX_LINES = 3
DATE_MAX_LINES = 2

# A title or a 落款 line never ends with these; a sentence does.
_END_PUNCTUATION = "。；：！？!?;:，,、…"
_SENTENCE_END = "。！？!?"

# --- heading numbers ---------------------------------------------------------
# 一 … 九, 十, 十一 … 十九, 二十 … 九十九.
_CN_NUMBER = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DIGITS = "[0-9０-９]{1,2}"
_OPEN = "[（(]"
_CLOSE = "[）)]"

_HEADING1 = re.compile(r"^(" + _CN_NUMBER + r")\s*[、.．]")
_HEADING2 = re.compile(r"^" + _OPEN + r"\s*(" + _CN_NUMBER + r")\s*" + _CLOSE + r"(?:\s*[、.．])?")
_HEADING3 = re.compile(r"^(" + _DIGITS + r")\s*[.．、]")
_HEADING4 = re.compile(r"^" + _OPEN + r"\s*(" + _DIGITS + r")\s*" + _CLOSE + r"(?:\s*[、.．])?")

# "一、二季度全县…", "一、二、三产业…", "二、三等奖…": the 一、 enumerates numbers, it is
# no heading number.
_NUMBER_ENUMERATION = re.compile(
    r"^[一二三四五六七八九十]+(?:[、，,至到~～\-－—]|季|月|年级|产业|类|等|级|批|期|号|轮|档|线)"
)
_DIGIT = re.compile(r"^[0-9０-９]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# --- other roles -------------------------------------------------------------
_ADDRESSEE_END = ("：", ":")
# "现将有关情况报告如下：" ends with a colon too but opens the body.
_NOT_ADDRESSEE = re.compile(r"如下|现将|现就|以下|报告|汇报")
_ATTACHMENT_START = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]")
_ATTACHMENT_ITEM = re.compile(r"^" + _DIGITS + r"\s*[.．、]")
_CLOSING = re.compile(
    r"^(?:特此(?:报告|说明|汇报|述职|请示|函告|通知)"
    r"|以上.{0,20}(?:请|审议|批示|指正|评议|审阅|妥否|当否)"
    r"|(?:妥否|当否)"
    r"|请予?(?:审议|批示|审阅|评议|指正)"
    r"|请各位.{0,12}(?:审议|批示|审阅|评议|指正)"
    r"|恳请|敬请"
    r"|谢谢"
    r"|(?:述职|汇报|报告)完毕)"
)
_SIGNATURE_LABEL = re.compile(r"^(?:述职人|报告人|汇报人|发言人|述廉人|署名|单位)\s*[：:]")
# Without a date under it, a 落款 is recognised by its label or by an organisation suffix.
_ORGANISATION_END = re.compile(
    r"(?:局|委员会|委|办公室|办|政府|党委|党组|政协|人大|中心|公司|学校|医院|镇|乡|街道"
    r"|所|院|处|科|部|会|支部|总支|站|队)$"
)


class HeadingNumber(NamedTuple):
    """The number at the start of a heading paragraph.

    ``level`` is 1..4, ``prefix`` the number exactly as typed (after leading
    whitespace, without the whitespace after it, so ``text.strip()`` starts with
    it) and ``normalized`` its GB/T 9704 form: ``一、``, ``（一）``, ``1.``, ``（1）``.
    """

    level: int
    prefix: str
    normalized: str


def _clean(text: str) -> str:
    """Trim whitespace of every kind (NBSP, U+3000, BOM, zero-width space)."""
    return text.strip().strip("\ufeff\u200b").strip()


def _ascii_number(digits: str) -> str:
    return str(int(digits.translate(_FULLWIDTH_DIGITS)))


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

    Not headings: a number that is part of the sentence, or 一是 / 二是.

    >>> [parse_heading_number(t) for t in ("1.5万元用于…", "2021.12.31", "3.5%的增长",
    ...                                   "一、二季度全县…", "一是加强学习", "1、2月份…")]
    [None, None, None, None, None, None]
    """
    cleaned = _clean(text)
    match = _HEADING2.match(cleaned)
    if match:
        return HeadingNumber(2, match.group(0), f"（{match.group(1)}）")
    match = _HEADING4.match(cleaned)
    if match:
        return HeadingNumber(4, match.group(0), f"（{_ascii_number(match.group(1))}）")
    match = _HEADING1.match(cleaned)
    if match and not _NUMBER_ENUMERATION.match(cleaned[match.end():].lstrip()):
        return HeadingNumber(1, match.group(0), match.group(1) + "、")
    match = _HEADING3.match(cleaned)
    # 1.5 / 3.5% / 1、2月份: a digit right after the separator makes it a number.
    if match and not _DIGIT.match(cleaned[match.end():]) and _ascii_number(match.group(1)) != "0":
        return HeadingNumber(3, match.group(0), _ascii_number(match.group(1)) + ".")
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


def classify(paragraphs: Sequence[str]) -> List[str]:
    """One :class:`~gongwen.spec.Role` value per paragraph, in order.

    The head (标题, 称谓) is found from the top, the tail (结束语, 附件说明, 署名,
    成文日期) from the bottom, and everything between is a heading by its number
    or body text.

    >>> classify(["XX县XX局", "2021年度工作总结", "县委：", "现报告如下：", "一、成绩",
    ...           "全年完成X项。", "", "附件：1.统计表", "2.照片", "XX县XX局", "2021年12月31日"])
    ... # doctest: +NORMALIZE_WHITESPACE
    ['title', 'title', 'addressee', 'body', 'heading1', 'body', 'blank', 'attachment',
     'attachment', 'signature', 'date']
    >>> classify([])
    []
    >>> classify(["", "  "])
    ['blank', 'blank']
    """
    texts = [_clean(paragraph) for paragraph in paragraphs]
    roles: List[Optional[str]] = [None if text else Role.BLANK for text in texts]
    body_start = _mark_head(texts, roles)
    _mark_attachments(texts, roles, body_start)
    _mark_tail(texts, roles, body_start)
    return [role if role else _heading_or_body(text) for text, role in zip(texts, roles)]


def _heading_or_body(text: str) -> str:
    level = heading_level(text)
    return (Role.BODY, Role.HEADING1, Role.HEADING2, Role.HEADING3, Role.HEADING4)[level]


def _next_filled(texts: List[str], index: int) -> int:
    """The first non-blank index at or after ``index`` (len(texts) if none)."""
    while index < len(texts) and not texts[index]:
        index += 1
    return index


def _mark_head(texts: List[str], roles: List[Optional[str]]) -> int:
    """Mark 标题 and 称谓 at the top; return the index where the body starts."""
    index = _next_filled(texts, 0)
    lines = 0
    while index < len(texts) and lines < TITLE_MAX_LINES and _is_title_line(texts[index]):
        roles[index] = Role.TITLE
        index += 1
        lines += 1
    index = _next_filled(texts, index)
    if index < len(texts) and _is_addressee(texts[index]):
        roles[index] = Role.ADDRESSEE
        index += 1
    return index


def _is_title_line(text: str) -> bool:
    """Short, no end punctuation, and neither a heading nor a date.

    >>> _is_title_line("XX县政协领导班子XXXX年度述职报告")
    True
    >>> _is_title_line("一、加强学习")
    False
    """
    return (
        bool(text)
        and len(text) <= TITLE_MAX_CHARS
        and text[-1] not in _END_PUNCTUATION
        and not heading_level(text)
        and not is_date_line(text)
    )


def _is_addressee(text: str) -> bool:
    """称谓 / 主送: a short line ending with a colon that names people or bodies.

    >>> _is_addressee("各位领导、同志们：")
    True
    >>> _is_addressee("现将一年来的工作报告如下：")
    False
    """
    return (
        text.endswith(_ADDRESSEE_END)
        and len(text) <= ADDRESSEE_MAX_CHARS
        and not any(mark in text for mark in "。！？；;")
        and not _NOT_ADDRESSEE.search(text)
        and not heading_level(text)
    )


def _mark_attachments(texts: List[str], roles: List[Optional[str]], start: int) -> None:
    """附件说明: the ``附件：`` line and the numbered list lines right under it."""
    index = start
    while index < len(texts):
        if roles[index] is None and _ATTACHMENT_START.match(texts[index]):
            roles[index] = Role.ATTACHMENT
            index += 1
            while index < len(texts) and texts[index] and _ATTACHMENT_ITEM.match(texts[index]):
                roles[index] = Role.ATTACHMENT
                index += 1
        else:
            index += 1


def _mark_tail(texts: List[str], roles: List[Optional[str]], start: int) -> None:
    """Walk up from the end: 成文日期, then 署名, then 结束语 (附件说明 may sit between)."""
    index = _skip_up(roles, len(texts) - 1, start)
    dates = 0
    while index >= start and dates < DATE_MAX_LINES and is_date_line(texts[index]):
        roles[index] = Role.DATE
        dates += 1
        index = _skip_up(roles, index - 1, start)
    signatures = 0
    while (index >= start and signatures < SIGNATURE_MAX_LINES
           and _is_signature(texts[index], dated=dates > 0)):
        roles[index] = Role.SIGNATURE
        signatures += 1
        index = _skip_up(roles, index - 1, start)
    closings = 0
    while index >= start and closings < 2 and _is_closing(texts[index]):
        roles[index] = Role.CLOSING
        closings += 1
        index = _skip_up(roles, index - 1, start)
    if not closings and (dates or signatures) and _is_generic_closing(texts, roles, index, start):
        roles[index] = Role.CLOSING


def _skip_up(roles: List[Optional[str]], index: int, start: int) -> int:
    """Move up over blank and already-marked (附件说明) paragraphs."""
    while index >= start and roles[index] is not None:
        index -= 1
    return index


def _is_signature(text: str, dated: bool) -> bool:
    """署名: short, no end punctuation; without a date only a label or an organisation.

    >>> _is_signature("述职人：XXX", dated=False)
    True
    >>> _is_signature("XX县政协办公室", dated=False)
    True
    >>> _is_signature("张三", dated=True), _is_signature("张三", dated=False)
    (True, False)
    """
    if len(text) > SIGNATURE_MAX_CHARS or text[-1] in _END_PUNCTUATION:
        return False
    if heading_level(text) or _is_closing(text) or is_date_line(text):
        return False
    return dated or bool(_SIGNATURE_LABEL.match(text) or _ORGANISATION_END.search(text))


def _is_closing(text: str) -> bool:
    """结束语 by its usual words: 特此报告。/ 以上述职，请予审议。/ 妥否，请批示。

    >>> _is_closing("以上报告，请审议。"), _is_closing("以上工作取得了明显成效。")
    (True, False)
    """
    sentences = sum(text.count(mark) for mark in _SENTENCE_END)
    return len(text) <= CLOSING_MAX_CHARS and sentences <= 2 and bool(_CLOSING.match(text))


def _is_generic_closing(
    texts: List[str], roles: List[Optional[str]], index: int, start: int
) -> bool:
    """A short lone sentence right above the 落款, after body text (not under a heading)."""
    if index < start:
        return False
    text = texts[index]
    if len(text) > GENERIC_CLOSING_MAX_CHARS or text[-1] not in _SENTENCE_END:
        return False
    if sum(text.count(mark) for mark in _SENTENCE_END) != 1 or heading_level(text):
        return False
    above = _skip_up(roles, index - 1, start)
    return above >= start and not heading_level(texts[above])
