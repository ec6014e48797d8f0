"""The head under the 版头: 标题 (and a 副标题 under it), a 发文字号 typed under the title,
主送 / 称谓.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional

from gongwen.roles.banner import BANNER_TITLE_MAX_CHARS, banner_role
from gongwen.roles.common import (
    BRACKETED,
    END_PUNCTUATION,
    LIST_SEPARATORS,
    RULE_LINE,
    next_filled,
)
from gongwen.roles.headings import heading_level
from gongwen.roles.looks import Looks
from gongwen.roles.minutes import ATTENDANCE
from gongwen.roles.outline import heading_form
from gongwen.roles.signoff import is_tail_date
from gongwen.spec import Role

TITLE_MAX_CHARS = 40
TITLE_MAX_LINES = 3
ADDRESSEE_MAX_CHARS = 50
# Right under the title a 主送 may be long: two agencies' notice to every province's
# 卫生健康委, 中医药局 and 疾控局 and the ministry's own units wraps to three lines.
ADDRESSEE_UNDER_TITLE_MAX_CHARS = 150
ADDRESSEE_MAX_LINES = 3
_ADDRESSEE_END = ("：", ":")
# "现将有关情况报告如下：" ends with a colon too but opens the body.
_NOT_ADDRESSEE = re.compile(r"如下|现将|现就|以下|报告|汇报")


def mark_head(texts: List[str], roles: List[Optional[str]], start: int, looks: Looks) -> int:
    """Mark 标题, a 发文字号 under it, and 称谓; return the index where the body starts.

    A title whose first line looks like one (centred, larger than the text) runs on over
    the lines that look the same and stops at the first that does not, whatever their text.
    """
    index = next_filled(texts, start)
    while index < len(texts) and RULE_LINE.match(texts[index]):
        index = next_filled(texts, index + 1)
    above = set(roles[:index]) - {None, Role.BLANK}
    under_banner = bool(above) and Role.MINUTES_MARK not in above
    long_title = under_banner or _headed_text_under(texts, index) \
        or (index < len(texts) and bool(_NAMES_ITS_KIND.search(texts[index])))
    limit = BANNER_TITLE_MAX_CHARS if long_title else TITLE_MAX_CHARS
    by_look = index < len(texts) and looks.is_title(index)
    lines = 0
    while (index < len(texts) and roles[index] is None and lines < TITLE_MAX_LINES
           and not _is_subtitle(texts[index])):
        if by_look:
            if not (looks.is_title(index) and _is_title_line(texts[index], BANNER_TITLE_MAX_CHARS)):
                break
        elif not _is_title_line(texts[index], limit):
            break
        roles[index] = Role.TITLE
        index += 1
        lines += 1
    while lines and index < len(texts) and roles[index] is None \
            and subtitle_lines(texts, index):
        for _ in range(subtitle_lines(texts, index)):
            roles[index] = Role.SUBTITLE
            index += 1
    index = next_filled(texts, index)
    # gov.cn and copied texts put the 发文字号 (and a 签发人) under the title.
    while (index < len(texts) and roles[index] is None
           and banner_role(texts[index]) in (Role.DOC_NUMBER, Role.SIGNER)):
        roles[index] = banner_role(texts[index])
        index = next_filled(texts, index + 1)
    index = next_filled(texts, index)
    return _mark_addressee(texts, roles, index, under_title=lines > 0)


# A title ends by naming its 文种 (GB/T 9704 §7.3.1): such a line may be long (a 公告
# naming a 规划 with its years and 征求意见稿 in brackets runs to 46 characters).
_NAMES_ITS_KIND = re.compile(r"(?:通知|通告|公告|决定|意见|报告|请示|批复|复函|函|通报|纪要|决议"
                             r"|命令|议案|方案|办法|规定|细则|规则|总结|计划|要点|讲话)$")


def _headed_text_under(texts: List[str], index: int) -> bool:
    """The line under ``index`` is a 主送 or a 发文字号: ``index`` heads a 公文, and its title
    may be long (``XX办公室关于印发《……实施方案(2023—2025年)》的通知``)."""
    below = next_filled(texts, index + 1)
    if below >= len(texts):
        return False
    return is_addressee(texts[below], ADDRESSEE_UNDER_TITLE_MAX_CHARS) \
        or banner_role(texts[below]) == Role.DOC_NUMBER


def _mark_addressee(texts: List[str], roles: List[Optional[str]], index: int,
                    under_title: bool) -> int:
    """称谓 / 主送 at ``index``; right under a title also one of up to three lines (a list
    of agencies, each line ending with ``、`` or ``，``, the last with ``：``). Returns the
    index after it."""
    if index >= len(texts) or roles[index] is not None:
        return index
    if is_addressee(texts[index]):
        roles[index] = Role.ADDRESSEE
        return index + 1
    if not under_title:
        return index
    end, chars = index, 0
    while end < len(texts) and end - index < ADDRESSEE_MAX_LINES and roles[end] is None:
        text = texts[end]
        chars += len(text)
        if not text or chars > ADDRESSEE_UNDER_TITLE_MAX_CHARS \
                or not is_addressee(text, ADDRESSEE_UNDER_TITLE_MAX_CHARS, ends=False):
            return index
        if text.endswith(_ADDRESSEE_END):
            for line in range(index, end + 1):
                roles[line] = Role.ADDRESSEE
            return end + 1
        if not text.endswith(LIST_SEPARATORS):
            return index
        end += 1
    return index


def _is_title_line(text: str, max_chars: int = TITLE_MAX_CHARS) -> bool:
    """Short, no end punctuation, and neither a heading, a date nor a 版头 line.

    >>> _is_title_line("XX县政协领导班子XXXX年度述职报告")
    True
    >>> _is_title_line("一、加强学习"), _is_title_line("国发〔2024〕11号")
    (False, False)
    >>> _is_title_line("第一章　总则")
    False
    """
    return (
        bool(text)
        and len(text) <= max_chars
        and text[-1] not in END_PUNCTUATION
        and not heading_level(text)
        and heading_form(text) is None
        and not is_tail_date(text)
        and banner_role(text) not in (Role.DOC_NUMBER, Role.SIGNER, Role.COPY_NUMBER)
        and not ATTENDANCE.match(text)
        and not _CHAPTER.match(text)
    )


# 第一章 总则 / 第二条 … of an attached 办法 or 规定: body, never part of a title above.
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百零〇0-9０-９]+[章节条部分编]")
# A 题注 dates what it notes: (1991年3月4日…发布), (民政部　一九九七年一月二十八日).
_SUBTITLE_DATE = re.compile(r"[0-9０-９〇○一二三四五六七八九]{4}年")
_SUBTITLE_DASH = re.compile(r"^(?:——|—|－－|--)")
_SUBTITLE_WORDS = re.compile(r"[0-9０-９〇一二三四五六七八九十]+年|讲话|发言|报告|会议|述职|汇报")


def subtitle_lines(texts: List[str], index: int) -> int:
    """How many lines from ``index`` are a subtitle: 1, or 2 for a 题注 in parentheses
    broken over two lines (``（二○○四年六月十六日国务院`` / ``第54次常务会议修订通过）``), or 0.

    >>> subtitle_lines(["（二○○四年六月十六日国务院", "第54次常务会议修订通过）", "第一章"], 0)
    2
    """
    if index >= len(texts):
        return 0
    if _is_subtitle(texts[index]):
        return 1
    first = texts[index]
    second = texts[index + 1] if index + 1 < len(texts) else ""
    if first[:1] in "（(" and not any(c in first for c in "）)") and second[-1:] in "）)" \
            and not any(c in second for c in "（("):
        joined = first + second
        return 2 if len(joined) <= NOTE_BRACKET_MAX_CHARS and _SUBTITLE_WORDS.search(joined) \
            and not heading_level(joined) else 0
    return 0


# A 题注 in parentheses under a regulation's title: (1991年3月4日国务院令第76号发布 …修订).
NOTE_BRACKET_MAX_CHARS = 120


def _is_subtitle(text: str) -> bool:
    """The line under a title: ``——在全县经济工作会议上的讲话``, ``（2024年12月10日）``,
    ``（在XX会议上的发言）`` (a dash, or parentheses around a date or a speech's occasion).

    >>> [_is_subtitle(t) for t in ("——XX县XX局局长 张三", "（2026年12月）", "（此件公开发布）",
    ...                            "（一）加强学习", "关于做好防汛工作的通知")]
    [True, True, False, False, False]
    """
    text = text.strip()
    if not text or text[-1] in END_PUNCTUATION:
        return False
    if _SUBTITLE_DASH.match(text):
        return len(text) <= TITLE_MAX_CHARS
    limit = NOTE_BRACKET_MAX_CHARS if _SUBTITLE_DATE.search(text) else TITLE_MAX_CHARS
    return bool(BRACKETED.match(text)) and not heading_level(text) and len(text) <= limit \
        and bool(_SUBTITLE_WORDS.search(text))


def is_addressee(text: str, max_chars: int = ADDRESSEE_MAX_CHARS, ends: bool = True) -> bool:
    """称谓 / 主送: a short line ending with a colon that names people or bodies
    (``ends=False``: a line of one, the colon maybe on a later line).

    >>> is_addressee("各位领导、同志们：")
    True
    >>> is_addressee("现将一年来的工作报告如下：")
    False
    """
    return (
        (text.endswith(_ADDRESSEE_END) or not ends)
        and len(text) <= max_chars
        and not any(mark in text for mark in "。！？；;")
        and not _NOT_ADDRESSEE.search(text)
        and not heading_level(text)
        and not ATTENDANCE.match(text)
    )
