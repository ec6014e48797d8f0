"""Attached texts (GB/T 9704 §7.3.7): each ``附件N`` mark after the 落款, its title, and a
body classified like the main one with its own 落款.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional

from gongwen.roles.common import SENTENCE_END, is_agency_word, next_filled
from gongwen.roles.head import NAMES_ITS_KIND, TITLE_MAX_LINES, is_addressee, subtitle_run
from gongwen.roles.headings import heading_level
from gongwen.roles.looks import Looks
from gongwen.roles.signoff import (
    ONE_LINE_MAX_CHARS,
    is_signature,
    is_tail_date,
    signature_date_split,
)
from gongwen.roles.tail import (
    ATTACHMENT_ITEM,
    ATTACHMENT_MARK,
    ATTACHMENT_START,
    NOTE_WORDS,
    is_attachment_title,
    is_bracketed,
    mark_tail,
)
from gongwen.spec import Role


def mark_attachment_file(texts: List[str], roles: List[Optional[str]],
                         looks: Optional[Looks] = None) -> Optional[int]:
    """A file that is an attachment (offices send 名单 and 表 so): ``附件`` / ``附件2`` on
    its first line is its 附件标识, the line under it its title — with the lines set alike
    under it, as an attached text's title (a university's 附件5 centres 本科毕业论文（设计）
    / 参考文献规范格式 in one size). Returns where it starts, or None for any other file.

    >>> roles = [None, None, None]
    >>> mark_attachment_file(["附件1", "2024年度先进个人名单", "张三、李四"], roles), roles
    (0, ['attachment_mark', 'attachment_title', None])
    """
    first = next_filled(texts, 0)
    if first >= len(texts) or not ATTACHMENT_MARK.match(texts[first]):
        return None
    roles[first] = Role.ATTACHMENT_MARK
    following = next_filled(texts, first + 1)
    if following < len(texts) and is_attachment_title(texts[following]):
        roles[following] = Role.ATTACHMENT_TITLE
        if looks is not None:
            _mark_title_on(texts, roles, following, looks)
    return first


def mark_attached_texts(texts: List[str], roles: List[Optional[str]], start: int,
                        looks: Looks) -> int:
    """Mark each ``附件N`` line and its title; return where the main text ends.

    A bare ``附件2`` line starts an attached text when a title follows it. Right after a
    落款 or 附注 (or after an earlier attached text) so do ``附件1：`` and ``附件1：XX办法``
    with the title on the mark's line; elsewhere those open a 附件说明.
    """
    main_end = len(texts)
    index = start
    while index < len(texts):
        if roles[index] is not None or not texts[index].startswith("附"):
            index += 1
            continue
        following = next_filled(texts, index + 1)
        if not _starts_attached_text(texts, roles, index, following, main_end < len(texts)):
            index += 1
            continue
        roles[index] = Role.ATTACHMENT_MARK
        main_end = min(main_end, index)
        if ATTACHMENT_MARK.match(texts[index]) and following < len(texts) \
                and roles[following] is None and is_attachment_title(texts[following]):
            roles[following] = Role.ATTACHMENT_TITLE
            _mark_title_on(texts, roles, following, looks)
        index = following
    _mark_attached_tails(texts, roles, main_end)
    return main_end


def _starts_attached_text(
    texts: List[str], roles: List[Optional[str]], index: int, following: int, seen: bool
) -> bool:
    """Whether the ``附件…`` line at ``index`` is the mark that starts an attached text."""
    text = texts[index]
    mark = ATTACHMENT_MARK.match(text)
    inline = ATTACHMENT_START.match(text)
    if not mark and not inline:
        return False
    has_next = following < len(texts) and roles[following] is None
    items_follow = has_next and bool(ATTACHMENT_ITEM.match(texts[following]))
    after_tail = seen or _follows_a_tail(texts, index)
    if mark and not mark.group("colon"):
        return after_tail or (has_next and is_attachment_title(texts[following]))
    # 附件1： or 附件1：XX办法 — a 附件说明 unless it follows the 落款 and a text follows it.
    return after_tail and has_next and not items_follow


def _follows_a_tail(texts: List[str], index: int) -> bool:
    """The line above is a 成文日期, a one-line 落款 or a 附注."""
    above = index - 1
    while above >= 0 and not texts[above]:
        above -= 1
    if above < 0:
        return False
    text = texts[above]
    return is_tail_date(text) or signature_date_split(text) is not None or is_bracketed(text)


def mark_unmarked_attached_text(
    texts: List[str], roles: List[Optional[str]], start: int, end: int, looks: Looks
) -> int:
    """An attached text right after the 落款 with no ``附件`` line; return the main text's end.

    Copies of 印发 notices (``关于印发《XX办法》的通知``) from government web sites run
    the 落款, the 附注 and then the 办法's own title and text. The 落款 is recognised in
    the middle when a 附注 follows its date (``（此件公开发布）``), or, in a notice that
    印发/转发 something, when a title-like line follows it, or when the line after it looks
    like a title (centred, larger: a 令's regulation on gov.cn).
    """
    title = "".join(text for text, role in zip(texts, roles) if role == Role.TITLE)
    issues_a_text = any(word in title for word in ("印发", "转发", "颁布", "发布")) \
        or _opening_issues_a_text(texts, roles, start, end)
    for index in range(start, end):
        if roles[index] is not None:
            continue
        # A date alone under a notice that 印发 a text ends its main text too (no 署名 typed).
        if not (_is_signed_date(texts, roles, index, start)
                or (issues_a_text and len(texts[index]) <= ONE_LINE_MAX_CHARS
                    and is_tail_date(texts[index]))):
            continue
        after = next_filled(texts, index + 1)
        noted = False
        while after < end and is_bracketed(texts[after]) and NOTE_WORDS.search(texts[after]):
            noted = True
            after = next_filled(texts, after + 1)
        following = next_filled(texts, after + 1)
        by_look = after < end and looks.is_title(after)
        titled = noted or issues_a_text or by_look
        if titled and (following < end or by_look) and after < end and roles[after] is None \
                and is_attachment_title(texts[after]):
            roles[after] = Role.ATTACHMENT_TITLE
            mark_tail(texts, roles, _mark_title_on(texts, roles, after, looks), end)
            return after
        if issues_a_text and after < end and roles[after] is None \
                and _is_signed_date(texts, roles, index, start) and _runs_on(texts[after]):
            # The page shows the attached text's title as its own heading and drops it
            # from the text: the 要点 goes on right under the notice's 署名 and date.
            mark_tail(texts, roles, after, end)
            return after
    return end


def _runs_on(text: str) -> bool:
    """Running text: a sentence, or a heading of the attached text (一、总体要求)."""
    return bool(heading_level(text)) or text[-1:] in SENTENCE_END


# 《新昌县森林火灾事故应急预案》已经县政府同意，现予印发 / 现将《XX办法》印发给你们: a notice
# with no title line on the page still says in its first sentence that it sends a text.
_ISSUES_A_TEXT = re.compile(r"《[^》]+》.*(?:现予印发|印发给你们|现予发布|转发给你们|现予转发)")


def _opening_issues_a_text(texts: List[str], roles: List[Optional[str]], start: int,
                           end: int) -> bool:
    """The main text's first paragraph names a text in 《》 and 印发/转发 it."""
    first = next_filled(texts, start)
    while first < end and roles[first] is not None:
        first = next_filled(texts, first + 1)
    return first < end and bool(_ISSUES_A_TEXT.search(texts[first]))


# A title's second line that completes it: short, and naming the kind the first line lacks.
TITLE_END_MAX_CHARS = 20


def _title_goes_on(line: str, under: str) -> bool:
    """Without looks, by the text: a title line broken after a dash, an agency's name over
    what it issues (``西安电子科技大学`` / ``优才海外访学项目实施细则``), or a line that names no
    kind over a short one that names it (``吴泾镇既有多层住宅加装电梯后续维保`` / ``补贴实施意见``:
    a title names its kind, §7.3.1, so the first line has not ended).

    >>> _title_goes_on("2018年度访学项目—", "体验项目申请表"), _title_goes_on("XX大学", "实施细则")
    (True, True)
    >>> _title_goes_on("X镇既有住宅加装电梯后续维保", "补贴实施意见")
    True
    >>> _title_goes_on("项目日程", "第一天　报到"), _title_goes_on("X镇实施方案", "补贴办法")
    (False, False)
    """
    if line.endswith(("—", "-", "－", "——")):
        return True
    if not NAMES_ITS_KIND.search(under):
        return False
    return is_agency_word(line) or (
        len(under) <= TITLE_END_MAX_CHARS and not NAMES_ITS_KIND.search(line))


def _mark_title_on(texts: List[str], roles: List[Optional[str]], index: int,
                   looks: Looks) -> int:
    """An attached text's title at ``index``: the lines under it set alike (a title broken
    over lines) and its 题注 (subtitle); returns the index after them."""
    index += 1
    lines = 1
    while index < len(texts) and roles[index] is None and lines < TITLE_MAX_LINES \
            and is_attachment_title(texts[index]) \
            and (looks.is_title(index) or (not looks.known(index)
                                           and _title_goes_on(texts[index - 1], texts[index]))):
        roles[index] = Role.ATTACHMENT_TITLE
        index += 1
        lines += 1
    for _ in range(subtitle_run(texts, index)):  # a 题注, or a speech's occasion and speaker
        if roles[index] is None:
            roles[index] = Role.SUBTITLE
        index += 1
    below = next_filled(texts, index)
    if below < len(texts) and roles[below] is None and is_addressee(texts[below]):
        roles[below] = Role.ADDRESSEE  # a 请示 forwarded as an attachment keeps its 主送
        index = below + 1
    return index


def _is_signed_date(texts: List[str], roles: List[Optional[str]], index: int, start: int) -> bool:
    """A one-line 落款, or a date line under a line that reads as a 署名."""
    if len(texts[index]) > ONE_LINE_MAX_CHARS:
        return False  # every paragraph passes here: skip the date parser on long ones
    if signature_date_split(texts[index]) is not None:
        return True
    above = index - 1
    while above >= start and not texts[above]:
        above -= 1
    return (is_tail_date(texts[index]) and above >= start and roles[above] is None
            and is_signature(texts[above], dated=True))


def _mark_attached_tails(texts: List[str], roles: List[Optional[str]], start: int) -> None:
    """An attached text may end with its own 落款: each is classified like the main text.

    An attached text runs from its title to the next 附件 mark or 版记 line.
    """
    index = start
    while index < len(texts):
        if roles[index] != Role.ATTACHMENT_MARK:
            index += 1
            continue
        end = index + 1
        while end < len(texts) and roles[end] not in _ENDS_AN_ATTACHED_TEXT:
            end += 1
        mark_tail(texts, roles, index + 1, end)
        index = end


_ENDS_AN_ATTACHED_TEXT = (Role.ATTACHMENT_MARK, Role.CC, Role.IMPRINT)
