"""The 版记 (GB/T 9704 §7.4): 抄送 with its wrapped lines, 印发机关和印发日期.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional

from gongwen.roles.common import LIST_SEPARATORS, SENTENCE_END, is_agency_word
from gongwen.roles.headings import heading_level
from gongwen.roles.signoff import date_suffix_start
from gongwen.roles.tail import ATTACHMENT_MARK
from gongwen.spec import Role

_CC_START = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[：:]")
CC_MAX_LINES = 4
CC_MAX_CHARS = 200
PRINTED = re.compile(r"印\s*发$")
IMPRINT_MAX_CHARS = 60


def _is_imprint(text: str) -> bool:
    """印发机关和印发日期: ``XX县人民政府办公室    2024年3月1日印发``.

    >>> _is_imprint("XX县人民政府办公室        2024年3月1日印发"), _is_imprint("2024年3月1日印发")
    (True, True)
    >>> _is_imprint("会议决定，由县政府办公室于2024年3月1日印发")
    False
    >>> _is_imprint("本办法由县政府办公室于2024年3月1日印发")
    False
    """
    found = PRINTED.search(text)
    if not found or len(text) > IMPRINT_MAX_CHARS:
        return False
    before = text[:found.start()].rstrip()
    split = date_suffix_start(before)
    if split is None:
        return False
    agency = before[:split].strip()
    return not agency or is_agency_word(re.sub(r"\s+", "", agency))


def mark_record(texts: List[str], roles: List[Optional[str]], start: int) -> int:
    """Mark the 版记 (抄送 with its continuation lines, 印发); return where it starts."""
    record = len(texts)
    index = start
    while index < len(texts):
        text = texts[index]
        if roles[index] is None and _is_imprint(text):
            roles[index] = Role.IMPRINT
            record = min(record, index)
        elif roles[index] is None and _CC_START.match(text) and len(text) <= CC_MAX_CHARS:
            roles[index] = Role.CC
            record = min(record, index)
            lines = 1
            while (text.endswith(LIST_SEPARATORS) and index + 1 < len(texts)
                   and lines < CC_MAX_LINES and _is_cc_continuation(texts[index + 1])):
                index += 1
                text = texts[index]
                roles[index] = Role.CC
                lines += 1
        index += 1
    return record


def _is_cc_continuation(text: str) -> bool:
    """A 抄送 list wrapped onto the next line: names, no sentence in it."""
    return (bool(text) and len(text) <= CC_MAX_CHARS and not _CC_START.match(text)
            and not _is_imprint(text) and not heading_level(text)
            and not ATTACHMENT_MARK.match(text)
            and sum(text.count(mark) for mark in SENTENCE_END) <= int(text.endswith("。")))
