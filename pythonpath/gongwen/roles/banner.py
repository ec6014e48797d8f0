"""The 版头 (GB/T 9704 §7.2): 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, and a
纪要's mark and number line (§12).

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional

from gongwen.roles.common import (
    AGENCY_MAX_CHARS,
    END_PUNCTUATION,
    RULE_LINE,
    is_agency_word,
    next_filled,
)
from gongwen.roles.headings import heading_level
from gongwen.roles.looks import Looks
from gongwen.roles.signoff import is_tail_date, signature_date_split
from gongwen.spec import Role

# 份号, 密级★期限 and 紧急程度, alone or several on one line ("000123  机密★1年  特急").
_BANNER_CODES = re.compile(
    r"^(?P<copy>[0-9０-９]{6})?\s*"
    r"(?P<secrecy>(?:绝|机|秘)\s*密(?:\s*[★☆*＊]\s*[^\s★☆*＊]{1,8})?)?\s*"
    r"(?P<urgency>(?:特|加|平)\s*急|特\s*提)?$"
)
# Joint issuers stack their names and put 文件 on a line of its own, hence {0,40}.
_ISSUER_FILE = re.compile(r"^[^，。；：！？,;:!?“”]{0,40}?\s*文\s*件$")
# 命令格式 (§10.2): the agency's name and 令 or 命令, its 令号 (第706号) under it.
_ORDER = re.compile(r"^(?P<agency>[^，。；：！？,;:!?“”《》]{2,30}?)\s*(?:命\s*)?令$")
_ORDER_NUMBER = re.compile(r"^第\s*[0-9０-９]{1,5}\s*号$")
_SIGNER = r"签\s*发\s*人\s*[：:]"
_SIGNER_LINE = re.compile(r"^" + _SIGNER + r"\s*(?:\S.{0,40})?$")  # empty in a template
# 国办发〔2020〕50号, typed with 〔〕, [], （）, 【】, full-width digits, spaces or a stray 第;
# X政发〔XXXX〕X号 in a template. A 签发人 may share the line (上行文).
_DOC_NUMBER = re.compile(
    r"^(?P<code>[^\s，。；：！？,;:!?〔\[［（(【〖]{0,20}?)\s*[〔\[［（(【〖]\s*"
    r"[0-9０-９XxＸｘ×]{4}\s*[〕\]］）)】〗]\s*第?\s*[0-9０-９XxＸｘ×]{1,5}\s*号"
    r"(?P<signer>\s*" + _SIGNER + r".*)?$"
)
# A web page that drops the 号 (湖委发〔2018〕20, 湖州市民政局's page of a 市委 document): still a
# 发文字号 when the agency's code stands before the year, the number ending the line.
_DOC_NUMBER_NO_HAO = re.compile(
    r"^[^\s，。；：！？,;:!?〔\[［（(【〖]{2,20}?\s*[〔\[［【〖]\s*[0-9０-９]{4}\s*[〕\]］】〗]"
    r"\s*[0-9０-９]{1,5}$"
)
SIGNER_IN_LINE = re.compile(_SIGNER)
# A 纪要's mark, and its number line under it: 第3期, （第12次）.
_MINUTES_MARK = re.compile(r"^[^，。；：！？,;:!?]{2,40}纪\s*要$")
_MINUTES_NUMBER = re.compile(
    r"^[（(]?\s*第\s*[0-9０-９XxＸ一二三四五六七八九十百零〇]{1,5}\s*[期次号]\s*[）)]?$"
)
ISSUER_MAX_LINES = 4
# A 发文机关标志 of joint issuers on one line, or a long name narrowed to fit.
ISSUER_MAX_CHARS = 40
# Under a 版头 the line after it is the title even when long (a 决定 naming what it
# commends runs to 50–80 characters over three lines of 2号).
BANNER_TITLE_MAX_CHARS = 80


def banner_role(text: str) -> Optional[str]:
    """份号, 密级, 紧急程度, 发文机关标志 (…文件), 发文字号 or 签发人 by content alone.

    A line holding several 版头 codes takes the role of the first (份号 before 密级).

    >>> [banner_role(t) for t in ("000123", "０００１２３ 机密★1年", "秘密 ★ 6个月", "特 急",
    ...                           "中共XX县委员会文件", "国办发[2020]50号", "签发人：张三")]
    ['copy_number', 'copy_number', 'secrecy', 'urgency', 'issuer', 'doc_number', 'signer']
    >>> [banner_role(t) for t in ("1234567", "机密文件", "关于学习上级文件", "秘密地",
    ...                           "2024年第一季度学习文件")]
    [None, None, None, None, None]
    >>> banner_role("X X 县 人 民 政 府 文 件"), banner_role("文件")
    ('issuer', 'issuer')
    >>> banner_role("中华人民共和国国务院令"), banner_role("XX县人民政府令"), banner_role("动员令")
    ('issuer', 'issuer', None)
    """
    codes = _BANNER_CODES.match(text)
    if codes and any(codes.groups()):
        if codes.group("copy"):
            return Role.COPY_NUMBER
        return Role.SECRECY if codes.group("secrecy") else Role.URGENCY
    if _ISSUER_FILE.match(text):
        agency = re.sub(r"\s+", "", text)[:-2]
        if not agency or is_agency_word(agency):
            return Role.ISSUER
    order = _ORDER.match(text)
    if order and is_agency_word(re.sub(r"\s+", "", order.group("agency"))):
        return Role.ISSUER
    if _DOC_NUMBER.match(text) or _DOC_NUMBER_NO_HAO.match(text):
        return Role.DOC_NUMBER
    if _SIGNER_LINE.match(text):
        return Role.SIGNER
    return None


def _is_agency(text: str) -> bool:
    """An agency name: short, no punctuation at the end, ending in an organisation word."""
    return (len(text) <= AGENCY_MAX_CHARS and text[-1] not in END_PUNCTUATION
            and not heading_level(text) and is_agency_word(text))


def mark_banner(texts: List[str], roles: List[Optional[str]], looks: Looks) -> int:
    """Mark the 版头 (and a 纪要's mark) at the top; return where the head starts.

    An agency name counts as a 发文机关标志 only when a 发文字号 (or a ``…文件`` line)
    follows it, or when it looks like one (red or very large, centred: ``中共浙江省淳安县委
    组织部`` in red 34 pt over its title, with neither 文件 nor 发文字号); otherwise it stays
    for the title (``XX县XX局`` over ``述职报告``).
    """
    index = next_filled(texts, 0)
    names: List[int] = []
    minutes = False
    while index < len(texts):
        text = texts[index]
        if RULE_LINE.match(text):
            index = next_filled(texts, index + 1)
            continue
        role = banner_role(text)
        if role is None and minutes and _is_minutes_number(text, after_a_name=bool(names)):
            role = Role.DOC_NUMBER
        if role is None and _ORDER_NUMBER.match(text) and _under_an_order(texts, roles, index):
            role = Role.DOC_NUMBER
        if role is None and not names and not minutes and _is_minutes_mark(text) \
                and (not _BARE_MINUTES.match(text) or _numbered_mark(texts, looks, index)):
            role = Role.MINUTES_MARK
            minutes = True
        if role is None and not minutes and _looks_like_masthead(texts, looks, index):
            role = Role.ISSUER
        if role is None:
            if not _is_agency(text) or len(names) >= ISSUER_MAX_LINES:
                if names and _names_its_agency(text):
                    for name in names:  # a title never names its agency twice
                        roles[name] = Role.ISSUER
                    names = []
                break
            names.append(index)
        else:
            if role in (Role.DOC_NUMBER, Role.ISSUER):
                for name in names:  # under a 纪要 mark, the 印发机关 of its date line
                    roles[name] = Role.DOC_NUMBER if minutes else Role.ISSUER
                names = []
            roles[index] = role
        index = next_filled(texts, index + 1)
    return names[0] if names else index


# A title that opens with its agency: ``县人民政府关于印发……的通知``, ``XX办公室转发……``.
_AGENCY_OPENS_TITLE = re.compile(r"^(?P<agency>[^\s，。；：！？,;:!?“”《》]{2,30}?)"
                                 r"(?:关于|印发|转发)")


def _names_its_agency(text: str) -> bool:
    """The line under an agency's name is a title that names an agency itself (浠水县人民政府
    typed over ``县人民政府关于印发《……》的通知``): the name above is the 发文机关标志 a web page
    types as text, not the title's first line (``济宁市人民政府`` over ``关于……的实施意见`` is).

    >>> _names_its_agency("县人民政府关于印发《XX县人民政府工作规则》的通知")
    True
    >>> _names_its_agency("关于持续深化改革的实施意见"), _names_its_agency("2021年度工作总结")
    (False, False)
    """
    opening = _AGENCY_OPENS_TITLE.match(text)
    return bool(opening) and is_agency_word(opening.group("agency"))


def _under_an_order(texts: List[str], roles: List[Optional[str]], index: int) -> bool:
    above = [i for i in range(index) if roles[i] == Role.ISSUER]
    return bool(above) and bool(_ORDER.match(texts[above[-1]]))


def _looks_like_masthead(texts: List[str], looks: Looks, index: int) -> bool:
    """A red or very large centred name with a title (or more of the 版头) under it."""
    text = texts[index]
    if not looks.is_masthead(index) or len(text) > ISSUER_MAX_CHARS \
            or text[-1] in END_PUNCTUATION or heading_level(text) or is_tail_date(text):
        return False
    if not looks.is_red(index) and not is_agency_word(re.sub(r"\s+", "", text)):
        return False  # large but black: an agency's name only (a title may be set large)
    below = next_filled(texts, index + 1)
    while below < len(texts) and RULE_LINE.match(texts[below]):
        below = next_filled(texts, below + 1)
    if below >= len(texts):
        return False
    under = texts[below]
    return (looks.is_masthead(below) or looks.is_title(below) or banner_role(under) is not None
            or (not looks.is_plain(below) and len(under) <= BANNER_TITLE_MAX_CHARS
                and under[-1] not in END_PUNCTUATION))


def force_minutes_mark(texts: List[str], roles: List[Optional[str]], head_start: int) -> int:
    """``layout=minutes`` on a text without a 纪要 mark: its 发文机关标志, or else a first
    line that is an agency name, is the mark, and a ``第N期`` under it the number; returns
    where the head starts."""
    issuers = [index for index in range(head_start) if roles[index] == Role.ISSUER]
    if issuers:
        roles[issuers[0]] = Role.MINUTES_MARK
        return head_start
    first = next_filled(texts, 0)
    if first >= len(texts) or roles[first] is not None \
            or not (_is_agency(texts[first]) or _BARE_MINUTES.match(texts[first])):
        return head_start
    roles[first] = Role.MINUTES_MARK
    index = next_filled(texts, first + 1)
    while index < len(texts) and roles[index] is None \
            and _is_minutes_number(texts[index], after_a_name=False):
        roles[index] = Role.DOC_NUMBER
        index = next_filled(texts, index + 1)
    return index


def _is_minutes_number(text: str, after_a_name: bool) -> bool:
    """What sits under a 纪要 mark where a 发文字号 would: ``第3期``, the 印发机关 and date
    on one line, or the date alone under the 印发机关's line."""
    return (bool(_MINUTES_NUMBER.match(text)) or signature_date_split(text) is not None
            or (after_a_name and is_tail_date(text)))


# 会议纪要 alone names no body: a firm's or a team's minutes under their title, unless it is
# set as a mark (red) or numbered like one (第3期 under it).
_BARE_MINUTES = re.compile(r"^(?:会\s*议\s*)?纪\s*要$")


def _numbered_mark(texts: List[str], looks: Looks, index: int) -> bool:
    below = next_filled(texts, index + 1)
    return looks.is_red(index) or looks.style_role(index) == Role.MINUTES_MARK or (
        below < len(texts) and bool(_MINUTES_NUMBER.match(texts[below])))


def _is_minutes_mark(text: str) -> bool:
    """``XX县人民政府常务会议纪要``, not a title such as ``关于……的会议纪要``."""
    return bool(_MINUTES_MARK.match(text)) and "关于" not in text and "的" not in text
