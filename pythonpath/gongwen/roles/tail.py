"""The main text's tail, walked up from its end: 附注, 成文日期, 署名, 结束语; and the
附件说明 (``附件：1.…``) above them.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from gongwen.dates import is_date_line
from gongwen.roles.common import (
    BRACKETED,
    DIGITS,
    END_PUNCTUATION,
    FULLWIDTH_DIGITS,
    RULE_LINE,
    skip_up,
)
from gongwen.roles.headings import heading_level
from gongwen.roles.signoff import (
    CONTACT,
    SEAL,
    is_closing,
    is_generic_closing,
    is_signature,
    is_tail_date,
    signature_date_split,
)
from gongwen.spec import Role

SIGNATURE_MAX_LINES = 3
DATE_MAX_LINES = 2
# 附件：… / 附件1：… and, as gov.cn prints them, 附件1.XX办法.
ATTACHMENT_START = re.compile(r"^附\s*件\s*(?:[0-9０-９一二三四五六七八九十]*\s*[：:]"
                              r"|[0-9０-９]{1,2}\s*[.．、](?![0-9０-９]))")
ATTACHMENT_ITEM = re.compile(r"^" + DIGITS + r"\s*[.．、]")
# gov.cn's （本文有删减） is a 附注 too.
NOTE_WORDS = re.compile(r"此件|本件|本文|联系人|联系电话|电话|公开|发至|印发至|传达|报送|删减|删节")
# Local government pages print the file's 公开属性 under its 落款 (上海市 towns and streets:
# 公开属性：主动公开), where a gov.cn file prints （此件公开发布）: a 附注 without parentheses.
DISCLOSURE_NOTE = re.compile(r"^(?:公开属性|公开方式|公开类型|信息公开(?:属性|方式|选项)?)"
                             r"\s*[：:]\s*(?:主动公开|依申请公开|不予公开|不公开|部分公开)$")
NOTE_MAX_CHARS = 100
NOTE_MAX_LINES = 2
# 附件 / 附件1 / 附件 2 / 附件三 alone on a line (a colon is tolerated: 附件1：).
ATTACHMENT_MARK = re.compile(r"^附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?"
                              r"\s*(?P<colon>[：:.．])?$")
ATTACHMENT_TITLE_MAX_CHARS = 60


def is_attachment_title(text: str) -> bool:
    return (bool(text) and len(text) <= ATTACHMENT_TITLE_MAX_CHARS
            and text[-1] not in END_PUNCTUATION and not heading_level(text)
            and not is_tail_date(text) and not ATTACHMENT_MARK.match(text))


def mark_attachments(
    texts: List[str], roles: List[Optional[str]], start: int, end: int
) -> None:
    """附件说明: the ``附件：`` line and the numbered list lines right under it.

    A ``附件：`` line with nothing after the colon takes the next line even unnumbered
    (one attachment named on the line below).
    """
    index = start
    while index < end:
        if roles[index] is None and ATTACHMENT_START.match(texts[index]):
            roles[index] = Role.ATTACHMENT
            bare = ATTACHMENT_START.match(texts[index]).end() == len(texts[index])
            index += 1
            if (bare and index < end and roles[index] is None
                    and is_attachment_title(texts[index])):
                roles[index] = Role.ATTACHMENT
                index += 1
            while index < end:
                if texts[index] and ATTACHMENT_ITEM.match(texts[index]):
                    roles[index] = Role.ATTACHMENT
                elif _next_item_after_blank(texts, index, end):
                    roles[index] = Role.BLANK  # a blank line typed between two items
                else:
                    break
                index += 1
        else:
            index += 1


def _next_item_after_blank(texts: List[str], index: int, end: int) -> bool:
    """A blank line at ``index`` with the next attachment's number under it (附件：1.…,
    blank, 2.…): the items go on."""
    if not (index + 1 < end and not texts[index].strip()):
        return False
    before = _ITEM_NUMBER.search(texts[index - 1].strip())
    after = _ITEM_NUMBER.search(texts[index + 1].strip())
    return bool(before and after) and _item_number(after) == _item_number(before) + 1


# An attachment's number: at the start of an item, or after 附件：.
_ITEM_NUMBER = re.compile(r"^(?:" + ATTACHMENT_START.pattern.lstrip("^") + r"\s*)?("
                          + DIGITS + r")\s*[.．、]")


def _item_number(match: re.Match) -> int:
    return int(match.group(1).translate(FULLWIDTH_DIGITS))


def mark_tail(texts: List[str], roles: List[Optional[str]], start: int, end: int) -> None:
    """Walk up from ``end``: 附注, 成文日期 (or a one-line 落款), 署名, 结束语.

    附件说明 lines (already marked) may sit between; a 附注 naming a contact may also
    sit between the 署名 and the 结束语.
    """
    index = skip_up(roles, end - 1, start)
    while index >= start and RULE_LINE.match(texts[index]):
        index = skip_up(roles, index - 1, start)  # a 版记 rule typed above the 抄送
    while index >= start and SEAL.match(texts[index]):
        roles[index] = Role.SIGNATURE  # （盖章） under the date still belongs to the 落款
        index = skip_up(roles, index - 1, start)
    index = _mark_notes(texts, roles, index, start)
    dates = 0
    while index >= start and dates < DATE_MAX_LINES:
        if is_tail_date(texts[index]):
            roles[index] = Role.DATE
        elif not dates and signature_date_split(texts[index]) is not None:
            roles[index] = Role.SIGNATURE_DATE
        else:
            break
        dates += 1
        index = skip_up(roles, index - 1, start)
    if not dates:
        index, dates = _date_above_signature(texts, roles, index, start)
    signatures = 0
    while (index >= start and signatures < SIGNATURE_MAX_LINES
           and is_signature(texts[index], dated=dates > 0)
           and (not signatures or _another_signature(texts[index]))):
        roles[index] = Role.SIGNATURE
        signatures += 0 if SEAL.match(texts[index]) else 1  # a 代章 line adds no name
        index = skip_up(roles, index - 1, start)
    if dates or signatures:
        index = _mark_notes_above_signature(texts, roles, index, start)
    closings = 0
    while index >= start and closings < 2 and is_closing(texts[index]):
        roles[index] = Role.CLOSING
        closings += 1
        index = skip_up(roles, index - 1, start)
    if not closings and (dates or signatures) and is_generic_closing(texts, roles, index, start):
        roles[index] = Role.CLOSING


def _mark_notes_above_signature(texts: List[str], roles: List[Optional[str]], index: int,
                                start: int) -> int:
    """附注 lines between the 署名 and the text: a bracketed one always (``（联系人：…）``
    after ``妥否，请批示。``); a contact typed without parentheses only once a 结束语 has closed
    the text above it. Right under running text (``联系电话:2626393`` under a county 人大
    office's notice, no 结束语) it is the text's last line: body."""
    above = _mark_notes(texts, roles, index, start, by_words_only=True)
    if above == index or above < start or is_closing(texts[above]) \
            or is_generic_closing(texts, roles, above, start):
        return above
    for line in range(above + 1, index + 1):
        if roles[line] == Role.NOTE and not is_bracketed(texts[line]):
            roles[line] = None
    return skip_up(roles, index, start)


# A person's name over or beside another 署名 line (联合署名 of two people, 张三 over 李四).
NAME_MAX_CHARS = 6


def _another_signature(text: str) -> bool:
    """A 署名 line above another: an organisation, a label, a seal or a name — not any short
    line (``……会议决议及表决票`` over a board's 署名 is the 备查文件 the text lists)."""
    return is_signature(text, dated=False) or len(text.replace(" ", "")) <= NAME_MAX_CHARS


def _date_above_signature(texts: List[str], roles: List[Optional[str]], index: int,
                          start: int) -> Tuple[int, int]:
    """A web page's 落款 with the date put above the agency's name: mark both; return the
    index above them and the number of dates marked."""
    if index < start or not is_signature(texts[index], dated=False):
        return index, 0
    above = skip_up(roles, index - 1, start)
    if above < start or not is_tail_date(texts[above]):
        return index, 0
    roles[index], roles[above] = Role.SIGNATURE, Role.DATE
    return skip_up(roles, above - 1, start), 1


def _mark_notes(
    texts: List[str], roles: List[Optional[str]], index: int, start: int,
    by_words_only: bool = False,
) -> int:
    """附注 lines walking up from ``index``; return the first index above them.

    A line wholly in parentheses is a 附注 when its words say so (此件公开发布, 联系人) or,
    at the very end, when a 成文日期 stands right above it.
    """
    found: List[int] = []
    while index >= start and len(found) < NOTE_MAX_LINES and (
            is_bracketed(texts[index]) or _is_contact(texts[index])
            or DISCLOSURE_NOTE.match(texts[index])):
        found.append(index)
        index = skip_up(roles, index - 1, start)
    if not found:
        return index
    dated = not by_words_only and index >= start and (
        is_tail_date(texts[index]) or signature_date_split(texts[index]) is not None)
    if not dated and not all(NOTE_WORDS.search(texts[line]) for line in found):
        return found[0]
    for line in found:
        roles[line] = Role.NOTE
    return index


# The second contact of a 附注 on its own line: 韩建汶（学工部）电话：65643400.
_PHONE = re.compile(r"(?:电话|手机|传真|座机|联系方式)\s*[：:]\s*[0-9０-９(（+＋]"
                    r"[0-9０-９()（）+＋\-－ ]{4,}")


def _is_contact(text: str) -> bool:
    """联系人：张三，电话：12345678 (the parentheses forgotten), or a name and a number.

    >>> _is_contact("联系人：李四，电话：12345678901"), _is_contact("联系人要及时报送。")
    (True, False)
    >>> _is_contact("韩建汶（学工部）电话：65643400")
    True
    """
    return len(text) <= NOTE_MAX_CHARS and bool(CONTACT.match(text) or (
        _PHONE.search(text) and not any(mark in text for mark in "。；;")))


def is_bracketed(text: str) -> bool:
    return (len(text) <= NOTE_MAX_CHARS and bool(BRACKETED.match(text)) and not SEAL.match(text)
            and not heading_level(text) and not is_date_line(text.strip("（）()")))
