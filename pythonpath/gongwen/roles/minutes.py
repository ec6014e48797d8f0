"""纪要 (GB/T 9704 §12): is it one, and its 出席/列席/请假 lines.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional

from gongwen.roles.common import AGENCY_MAX_CHARS, LIST_SEPARATORS, SENTENCE_END
from gongwen.roles.headings import heading_level
from gongwen.spec import Role

# 出席：/ 参会人员：/ 会议主持：/ 与会者：/ 记录人：/ 文档记录者：/ 主讲:
ATTENDANCE = re.compile(
    r"^(?:会议|文档)?(?:出\s*席|列\s*席|请\s*假|缺\s*席|参\s*加|参\s*会|与\s*会|主\s*持|主\s*讲"
    r"|记\s*录)(?:会议)?(?:人员|领导|同志|单位|人|者|员)?\s*[：:]"
)
# 会议纪要（第二次）, 第一次讨论会议纪要, 项目组会议记录: a 纪要 or a 会议记录 by its title.
_MINUTES_TITLE = re.compile(r"(?:纪要|会议记录)(?:\s*[（(][^（）()]{1,12}[）)])?$")
ATTENDANCE_MAX_LINES = 4
# A 纪要 that never names itself in a title (a college's 党政联席会议 纪要 as its site gives
# it) still opens with the formula every 纪要 uses: ……召开……会议。现纪要如下：
_MINUTES_OPENING = re.compile(r"纪要如下\s*[：:]$")
# Where that opening is looked for: the first filled paragraphs (a title and a 发文字号
# or a 主送 may come before it).
MINUTES_OPENING_WITHIN = 3


def is_minutes(texts: List[str], roles: List[Optional[str]]) -> bool:
    """A 纪要 by its mark, by a title such as ``关于……的会议纪要`` (or a 会议记录's), or by
    its opening ``……现纪要如下：`` near the top.

    >>> is_minutes(["会议纪要（第一次）", "与会者：张三"], ["title", None])
    True
    >>> is_minutes(["4月1日下午，学院召开第7次党政联席会议。现纪要如下：", "一、审议……"],
    ...            [None, None])
    True
    >>> is_minutes(["现将有关事项通知如下：", "参会：张三"], [None, None])
    False
    """
    if Role.MINUTES_MARK in roles:
        return True
    title = "".join(text for text, role in zip(texts, roles) if role == Role.TITLE)
    if _MINUTES_TITLE.search(title):
        return True
    opening = [text for text in texts if text][:MINUTES_OPENING_WITHIN]
    return any(_MINUTES_OPENING.search(text) for text in opening)


def mark_attendance(
    texts: List[str], roles: List[Optional[str]], start: int, end: int
) -> None:
    """出席：/ 请假：/ 列席：lines of a 纪要, with the name lists wrapped under them."""
    index = start
    while index < end:
        if roles[index] is None and ATTENDANCE.match(texts[index]):
            roles[index] = Role.ATTENDANCE
            lines = 1
            while (index + 1 < end and lines < ATTENDANCE_MAX_LINES
                   and texts[index].endswith(LIST_SEPARATORS) and roles[index + 1] is None
                   and _is_name_list(texts[index + 1])):
                index += 1
                roles[index] = Role.ATTENDANCE
                lines += 1
        index += 1


def _is_name_list(text: str) -> bool:
    return (bool(text) and not ATTENDANCE.match(text) and not heading_level(text)
            and sum(text.count(mark) for mark in SENTENCE_END) <= int(text.endswith("。"))
            and ("、" in text or "，" in text or len(text) <= AGENCY_MAX_CHARS))
