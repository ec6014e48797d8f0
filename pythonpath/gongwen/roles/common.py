"""What every part of the classifier shares: trimming, punctuation, walking over blank
lines, agency names, rule lines.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional

# A title or a 落款 line never ends with these; a sentence does.
END_PUNCTUATION = "。；：！？!?;:，,、…"
SENTENCE_END = "。！？!?"
# Inside a line these make it a sentence (a 署名 or an agency name has none of them).
SENTENCE_MARKS = "，。；！？,;!?"
DIGITS = "[0-9０-９]{1,2}"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Without a date under it, a 落款 is recognised by its label or by an organisation suffix.
ORGANISATION_END = re.compile(
    r"(?:局|委员会|委|办公室|办|政府|党委|党组|政协|人大|中心|公司|学校|医院|镇|乡|街道"
    r"|所|院|处|科|部|会|支部|总支|站|队|厅|署|行|社|联|团|组|大学)$"
)
AGENCY_MAX_CHARS = 30
# The red rule, or a 版记 rule, typed as a row of dashes or underscores: kept as text,
# passed over when looking for the 版头 and the title.
RULE_LINE = re.compile(r"^[\s─━—–_＿\-－=＝~～·•*★☆]{3,}$")
_PLACEHOLDER_NAME = re.compile(r"^[XxＸｘ×]{2,}$")
# A whole line in parentheses; these words make it a 附注 even away from the 成文日期.
BRACKETED = re.compile(r"^[（(].*[）)]$")
# A 抄送 or 出席 list continues on the next line only when its line ends with a separator.
LIST_SEPARATORS = ("、", "，", ",", "；", ";")


def clean(text: str) -> str:
    """Trim whitespace of every kind (NBSP, U+3000, BOM, zero-width space)."""
    return text.strip().strip("\ufeff\u200b").strip()


def ascii_number(digits: str) -> str:
    return str(int(digits.translate(FULLWIDTH_DIGITS)))


def next_filled(texts: List[str], index: int) -> int:
    """The first non-blank index at or after ``index`` (len(texts) if none)."""
    while index < len(texts) and not texts[index]:
        index += 1
    return index


def is_agency_word(text: str) -> bool:
    """Ends in an organisation word, or is a template's ``XXXX`` standing for one."""
    return bool(ORGANISATION_END.search(text) or _PLACEHOLDER_NAME.match(text))


def skip_up(roles: List[Optional[str]], index: int, start: int) -> int:
    """Move up over blank and already-marked (附件说明) paragraphs."""
    while index >= start and roles[index] is not None:
        index -= 1
    return index
