"""The 落款 and what stands right above it: 结束语, 署名, 成文日期 (or both on one line),
the seal line.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, Optional

from gongwen.dates import is_date_line
from gongwen.roles.common import (
    BRACKETED,
    END_PUNCTUATION,
    ORGANISATION_END,
    SENTENCE_END,
    SENTENCE_MARKS,
    skip_up,
)
from gongwen.roles.headings import heading_level
from gongwen.roles.looks import NOT_IN_HEADING_LOOK, Looks
from gongwen.spec import Align, Role

CLOSING_MAX_CHARS = 50
# A short single sentence right before the 落款 counts as 结束语 even without a
# known phrase ("请各位领导批评指正。"), but only this short.
GENERIC_CLOSING_MAX_CHARS = 20
SIGNATURE_MAX_CHARS = 30
_CLOSING = re.compile(
    r"^(?:特此(?:报告|说明|汇报|述职|请示|函告|函复|函达|函商|复函|批复|通知|通报|决定|申请"
    r"|证明)"
    r"|专此函(?:告|复|达|商)"
    r"|以上.{0,20}(?:请|审议|批示|指正|评议|审阅|妥否|当否)"
    r"|(?:妥否|当否)"
    r"|请予?(?:审议|批示|审阅|评议|指正)"
    r"|请各位.{0,12}(?:审议|批示|审阅|评议|指正)"
    # 入党申请书 and 思想汇报 end so: 请党组织考验我！ / 请党组织在实践中考验我！
    r"|请(?:党)?(?:组织|支部).{0,10}(?:考验|批评指正|审查)"
    r"|恳请|敬请"
    r"|谢谢"
    r"|此致|敬礼|此复|此布"
    r"|(?:述职|汇报|报告)完毕"
    # a notice's last line: 未尽事宜,另行通知。 (a college holiday notice, seventh pass)
    r"|未尽事宜\s*[，,]?\s*另行(?:通知|商定|安排))"
)
_SIGNATURE_LABEL = re.compile(
    r"^(?:述职人|报告人|汇报人|发言人|述廉人|署名|单位|申请人|申请单位|填报人|填表人|经办人"
    r"|负责人|签名|签字|总结人|总结者|撰写人|撰稿人|执笔人|起草人|倡议人|倡议单位|发起人"
    r"|发起单位|(?:项目|小组|团队)?组长|队长)\s*(?:[（(][^）)]{0,6}[）)])?\s*[：:]"
)
# A line of the form "label：value" (a 署名 has no colon unless its label is one above).
_LABELLED_LINE = re.compile(r"^[^：:]{1,12}[：:]")
# A contact line typed without the 附注's parentheses (联系人：张三，电话：…): a 附注 all the
# same, never a 署名.
CONTACT = re.compile(r"^[（(]?\s*(?:联系人|联系电话|联系方式|电话|手机|传真)\s*[：:]")
# A 署名 or 印发机关 and a date on one line, with the spaces that push the date right.
ONE_LINE_MAX_CHARS = 80
# 总结 and 述职 often date the 落款 by month: 2024年1月, 二〇二四年一月.
_YEAR_MONTH = re.compile(r"^(?:[0-9０-９]{4}|[〇零OoＯ○0一二三四五六七八九]{4})\s*年\s*"
                         r"(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*月$")
# Forms and 申请 label the date line: 日期：2024年3月1日, 申请日期：…, 填表日期：… (a real 转正申请
# typed 申请期：2024年9月9日, the 日 left out: the label still says whose date it is).
_DATE_LABEL = re.compile(r"^(?:(?:申请|填表|填报|报告|提交|签发|成文)日?\s*期|日\s*期|时\s*间)"
                         r"\s*[：:]\s*")
# A personal 总结 or diary dates itself in words: 写于2015年1月16日晚 (a developer's 年度总结
# saved as .txt, seventh pass): the words round the date do not make it text.
_WRITTEN_ON = re.compile(r"^(?:写|作|记|草|成稿|完成)于\s*")
_TIME_OF_DAY = re.compile(r"(?<=[日号])\s*(?:凌晨|清晨|早上|上午|中午|下午|傍晚|晚上|深夜|晚|夜)$")
# Word's date field puts the weekday after it: 2019年10月4日星期五.
_WEEKDAY = re.compile(r"\s*[（(]?\s*(?:星期|礼拜|周)[一二三四五六日天]\s*[）)]?$")
# The seal or signature placeholder of a 落款: （盖章）, (签字).
# …and a joint notice's 代章 line: （国家卫生健康委代章）, one 落款 with the names above it.
SEAL = re.compile(r"^[（(]\s*(?:盖\s*章|公\s*章|印\s*章|签\s*章|签\s*名|签\s*字"
                  r"|[^（）()，。；：,;:]{1,30}代\s*章)\s*[）)]$")


def is_tail_date(text: str) -> bool:
    """A 成文日期 as people type it under a 署名: a full date, or a year and month only.

    >>> [is_tail_date(t) for t in ("2024年1月5日", "2024年1月", "二〇二四年一月", "2024年",
    ...                             "日期：2024年  月  日", "2019年10月4日星期五", "星期五",
    ...                             "日   期：", "时间：", "写于2015年1月16日晚", "2015年1月16日晚",
    ...                             "写于：", "1月16日晚")]
    [True, True, True, False, True, True, False, True, False, True, True, False, False]
    """
    label = _DATE_LABEL.match(text) or _WRITTEN_ON.match(text)
    text = _WEEKDAY.sub("", text[label.end():] if label else text, count=1)
    text = _TIME_OF_DAY.sub("", text, count=1)
    if not text:
        # 日期： left empty for the pen (an 入党申请书 under its 申请人：), as 年  月  日 is
        return bool(label) and "期" in label.group(0)
    return is_date_line(text) or bool(_YEAR_MONTH.match(text))


# What a date ends with: 日/号, a digit (2021.12.31), or 月 (a year and month only).
_DATE_ENDINGS = tuple("日号月0123456789０１２３４５６７８９")


def date_suffix_start(text: str) -> Optional[int]:
    """Where a date that ends ``text`` starts, if ``text`` ends with one (short lines only)."""
    if len(text) > ONE_LINE_MAX_CHARS \
            or not _WEEKDAY.sub("", text.rstrip()).endswith(_DATE_ENDINGS):
        return None  # every paragraph comes here: the parser only for what can end a date
    for start in range(len(text)):
        if not text[start].isspace() and is_tail_date(text[start:]):
            return start
    return None


def signature_date_split(text: str) -> Optional[int]:
    """Where the date starts in a one-line 落款 (``事业六部      2018年 1 月26日``), or None.

    The 署名 and the date must be apart by whitespace, and the 署名 must read as one.

    >>> signature_date_split("事业六部          2018年 1 月26日")
    14
    >>> signature_date_split("XX县人民政府\u30002024年3月1日")
    8
    >>> [signature_date_split(t) for t in ("2024年3月1日", "会议时间： 2024年3月1日",
    ...                                    "截至2024年3月1日")]
    [None, None, None]
    """
    split = date_suffix_start(text)
    if not split or not text[split - 1].isspace():
        return None
    name = text[:split].strip()
    if not name or any(mark in name for mark in SENTENCE_MARKS):
        return None  # "全年工作取得成效，截至 2024年3月1日" is a sentence, not a 署名
    return split if is_signature(name, dated=True) else None


def is_signature(text: str, dated: bool) -> bool:
    """署名: short, no end punctuation; without a date only a label or an organisation.

    >>> is_signature("述职人：XXX", dated=False)
    True
    >>> is_signature("XX县政协办公室", dated=False)
    True
    >>> is_signature("张三", dated=True), is_signature("张三", dated=False)
    (True, False)
    """
    if SEAL.match(text):
        return True
    if CONTACT.match(text):
        return False
    label = _SIGNATURE_LABEL.match(text)
    if label and label.end() == len(text):
        return True  # "申请人（签字）：" left empty for the pen
    if len(text) > SIGNATURE_MAX_CHARS or text[-1] in END_PUNCTUATION:
        return False
    if heading_level(text) or is_closing(text) or is_tail_date(text) or BRACKETED.match(text):
        return False
    if _LABELLED_LINE.match(text) and not _SIGNATURE_LABEL.match(text):
        return False  # 联系地址：XX路XX号 over a 公告's 落款 is a line of its text
    return dated or bool(_SIGNATURE_LABEL.match(text) or ORGANISATION_END.search(text))


def is_closing(text: str) -> bool:
    """结束语 by its usual words: 特此报告。/ 以上述职，请予审议。/ 妥否，请批示。

    >>> is_closing("以上报告，请审议。"), is_closing("以上工作取得了明显成效。")
    (True, False)
    """
    sentences = sum(text.count(mark) for mark in SENTENCE_END)
    return len(text) <= CLOSING_MAX_CHARS and sentences <= 2 and bool(_CLOSING.match(text))


def is_generic_closing(
    texts: List[str], roles: List[Optional[str]], index: int, start: int
) -> bool:
    """A short lone sentence right above the 落款, after body text (not under a heading)."""
    if index < start:
        return False
    text = texts[index]
    if len(text) > GENERIC_CLOSING_MAX_CHARS or text[-1] not in SENTENCE_END:
        return False
    if sum(text.count(mark) for mark in SENTENCE_END) != 1 or heading_level(text):
        return False
    above = skip_up(roles, index - 1, start)
    return above >= start and not heading_level(texts[above])


def mark_inner_signoffs(texts: List[str], roles: List[Optional[str]], start: int,
                        end: int) -> None:
    """A 落款 inside the text: a part signed and dated before the next part begins (a team's
    总结 signed by its 项目组长, then each member's own). Only a labelled 署名 with its name
    (``项目组长：邱云中``, ``总结人：张三``) over a date alone tells it, wherever it stands.

    >>> texts = ["项目总结", "项目告一段落。", "项目组长：邱云中", "2022年12月15日",
    ...          "二、个人总结", "我负责前端。"]
    >>> roles = ["title"] + [None] * 5
    >>> mark_inner_signoffs(texts, roles, 1, 6); roles[2:4]
    ['signature', 'date']
    """
    for index in range(start, end):
        text = texts[index]
        label = _SIGNATURE_LABEL.match(text)
        if roles[index] is not None or not label or label.end() == len(text) \
                or not is_signature(text, dated=True):
            continue
        after = next((later for later in range(index + 1, end) if texts[later]), None)
        if after is not None and roles[after] is None and is_tail_date(texts[after]) \
                and not _DATE_LABEL.match(texts[after]):
            roles[index], roles[after] = Role.SIGNATURE, Role.DATE


# A 署名 with no date under it is known by its place only when it is set right, as Word users
# push it: a real 后感 ends 二年三班 易煤网 陆彪 (class, firm, name) set right under left-set text.
RIGHT_SIGNATURE_MAX_CHARS = 20
_SIGNOFF_ROLES = (Role.SIGNATURE, Role.SIGNATURE_DATE, Role.DATE)


def mark_right_set_signature(texts: List[str], roles: List[Optional[str]], start: int,
                             end: int, looks: Looks) -> None:
    """The last paragraph of the main text, short, no sentence in it and set right under
    text that is not: the 署名 (when no 落款 was found)."""
    if any(role in _SIGNOFF_ROLES for role in roles[start:end]):
        return
    filled = [index for index in range(start, end) if roles[index] != Role.BLANK]
    if len(filled) < 2:
        return
    last, above = filled[-1], filled[-2]
    text = texts[last]
    if roles[last] is not None or roles[above] is not None or not looks.known(last) \
            or looks.items[last].align != Align.RIGHT or looks.items[above].align == Align.RIGHT \
            or len(text) > RIGHT_SIGNATURE_MAX_CHARS or NOT_IN_HEADING_LOOK.search(text) \
            or heading_level(text):
        return
    roles[last] = Role.SIGNATURE
