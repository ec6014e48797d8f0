"""纪要 (GB/T 9704 §12): is it one, and its 出席/列席/请假 lines.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional

from gongwen.roles.common import AGENCY_MAX_CHARS, LIST_SEPARATORS, SENTENCE_END
from gongwen.roles.headings import heading_level
from gongwen.spec import Role

ATTENDANCE = re.compile(
    r"^(?:出\s*席|列\s*席|请\s*假|缺\s*席|参\s*加|参\s*会|主\s*持|记\s*录)(?:会议)?"
    r"(?:人员|领导|同志|单位|人)?\s*[：:]"
)
ATTENDANCE_MAX_LINES = 4


def is_minutes(texts: List[str], roles: List[Optional[str]]) -> bool:
    """A 纪要 by its mark, or by a title such as ``关于……的会议纪要``."""
    if Role.MINUTES_MARK in roles:
        return True
    title = "".join(text for text, role in zip(texts, roles) if role == Role.TITLE)
    return title.endswith("纪要")


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
