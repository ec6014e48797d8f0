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
from gongwen.roles.outline import decimal_top, heading_form, is_numbered_label
from gongwen.roles.signoff import is_tail_date
from gongwen.spec import Align, Role

TITLE_MAX_CHARS = 40
TITLE_MAX_LINES = 3
ADDRESSEE_MAX_CHARS = 50
# Right under the title a 主送 may be long: two agencies' notice to every province's
# 卫生健康委, 中医药局 and 疾控局 and the ministry's own units wraps to three lines.
ADDRESSEE_UNDER_TITLE_MAX_CHARS = 150
ADDRESSEE_MAX_LINES = 3
_ADDRESSEE_END = ("：", ":")
# "现将有关情况报告如下：" ends with a colon too but opens the body.
_NOT_ADDRESSEE = re.compile(r"如下|现将|现就|以下|报告|汇报"
                            # A sentence that ends in a colon: one that opens with a
                            # conjunction (由于不少同学邮寄地址存在变动，再次收集…地址：) or a
                            # greeting run into more words (家长们您好，我是唐勇老师，…情况:), the
                            # first lines of a group notice and a WeChat message (seventh pass).
                            r"|^(?:由于|因为|鉴于)|(?:您好|你好|你们好|大家好)[，,]")


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
        or (index < len(texts) and bool(NAMES_ITS_KIND.search(texts[index])))
    limit = BANNER_TITLE_MAX_CHARS if long_title else TITLE_MAX_CHARS
    if index < len(texts) and NAMES_ITS_KIND.search(texts[index]) \
            and _headed_text_under(texts, index):
        limit = HEADED_TITLE_MAX_CHARS
    by_look = index < len(texts) and looks.is_title(index)
    lines = 0
    while (index < len(texts) and roles[index] is None and lines < TITLE_MAX_LINES
           and not _is_subtitle(texts[index])
           and not (lines and _is_speech_line(texts[index]))
           and not (lines and decimal_top(texts, index))):
        if by_look:
            if not (looks.is_title(index) and _is_title_line(texts[index], BANNER_TITLE_MAX_CHARS)):
                break
        elif not _is_title_line(texts[index], limit) \
                or (lines and not looks.same_size(index, index - 1)):
            break
        roles[index] = Role.TITLE
        index += 1
        lines += 1
        if _ends_the_title(texts, index - 1):
            break
    below = next_filled(texts, index)  # Word files leave an empty line under the title
    if lines and subtitle_run(texts, below):
        index = below
        for _ in range(subtitle_run(texts, below)):
            if roles[index] is None:
                roles[index] = Role.SUBTITLE
            index += 1
    index = next_filled(texts, index)
    # gov.cn and copied texts put the 发文字号 (and a 签发人) under the title, some pages
    # in brackets: (虹府办〔2006〕33号).
    while (index < len(texts) and roles[index] is None
           and _number_under_title(texts[index]) in (Role.DOC_NUMBER, Role.SIGNER)):
        roles[index] = _number_under_title(texts[index])
        index = next_filled(texts, index + 1)
    index = next_filled(texts, index)
    return _mark_addressee(texts, roles, index, under_title=lines > 0)


# A title ends by naming its 文种 (GB/T 9704 §7.3.1): such a line may be long (a 公告
# naming a 规划 with its years and 征求意见稿 in brackets runs to 46 characters).
NAMES_ITS_KIND = re.compile(r"(?:通知|通告|公告|决定|意见|报告|请示|批复|复函|函|通报|纪要|决议"
                             r"|命令|议案|方案|办法|规定|细则|规则|总结|计划|要点|讲话|申请表|登记表|报名表"
                             r"|名单|目录|清单)$")


# A title that names its kind over a 主送 or a 发文字号 may run longer still: a district
# office's 通报 naming four kinds of 先进 twice runs to 116 characters (上海市虹口区, 2006).
HEADED_TITLE_MAX_CHARS = 150


def _ends_the_title(texts: List[str], index: int) -> bool:
    """A title ends by naming its kind (§7.3.1): after ``…第三十次(临时)会议决议公告`` the next
    line is text (a 公告's 声明 broken where its PDF broke the line), unless it names a kind
    too (``国务院办公厅转发XX部关于XX的意见`` / ``的通知``)."""
    following = index + 1
    return bool(NAMES_ITS_KIND.search(texts[index])) and following < len(texts) \
        and not NAMES_ITS_KIND.search(texts[following])


def _number_under_title(text: str) -> Optional[str]:
    """The 版头 role of a line under the title, a 发文字号 in brackets included.

    >>> _number_under_title("(虹府办〔2006〕33号)"), _number_under_title("（此件公开发布）")
    ('doc_number', None)
    """
    role = banner_role(text)
    if role is None and BRACKETED.match(text):
        inner = banner_role(text.strip()[1:-1].strip())
        role = inner if inner == Role.DOC_NUMBER else None
    return role


def _headed_text_under(texts: List[str], index: int) -> bool:
    """The line under ``index`` is a 主送 or a 发文字号: ``index`` heads a 公文, and its title
    may be long (``XX办公室关于印发《……实施方案(2023—2025年)》的通知``)."""
    below = next_filled(texts, index + 1)
    if below >= len(texts):
        return False
    return is_addressee(texts[below], ADDRESSEE_UNDER_TITLE_MAX_CHARS) \
        or _number_under_title(texts[below]) == Role.DOC_NUMBER \
        or subtitle_run(texts, below) > 0


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
    >>> _is_title_line("第一章　总则"), _is_title_line("会议时间：2019年5月6日8点 至 10点")
    (False, False)
    """
    return (
        bool(text)
        and len(text) <= max_chars
        and text[-1] not in END_PUNCTUATION
        and not heading_level(text)
        and heading_form(text) is None
        and not is_tail_date(text)
        and banner_role(text) not in (Role.DOC_NUMBER, Role.SIGNER, Role.COPY_NUMBER)
        and _number_under_title(text) is None
        and not ATTENDANCE.match(text)
        and not _CHAPTER.match(text)
        and not _FIELD.match(text)
    )


# 会议时间：2024年7月1日 / 实验名称: …: a field of a form or a 纪要's head, never a title.
_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[：:]\s*\S")


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
# A local regulation's 题注 lists every sitting that passed, approved and amended it: 南宁市
# 燃气管理条例's runs to 7 dates and 600 characters.
NOTE_HISTORY_MAX_CHARS = 1000
_ENACTED = re.compile(r"通过|批准|修正|修订|公布|发布|施行")


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
    limit = TITLE_MAX_CHARS
    if _SUBTITLE_DATE.search(text):
        limit = NOTE_HISTORY_MAX_CHARS if _ENACTED.search(text) else NOTE_BRACKET_MAX_CHARS
    return bool(BRACKETED.match(text)) and not heading_level(text) and len(text) <= limit \
        and bool(_SUBTITLE_WORDS.search(text))


# Under a speech's or a report's title (讲话, 政府工作报告, 述职报告) the occasion and the
# speaker, typed as plain lines: ``2019年2月26日在镇第十四届人民代表大会第三次会议``,
# ``魏庄镇人民政府镇长 杨杰``, ``林庄村党总支书记 张振华``; an occasion after a dash may
# break over two lines (``——2024年1月23日在…第二十届`` / ``人民代表大会第八次会议上``).
SPEECH_LINE_MAX_CHARS = 50
_POSTS = (r"(?:书记|局长|县长|镇长|乡长|区长|市长|州长|省长|主任|厅长|部长|处长|科长|股长|校长"
          r"|院长|所长|董事长|总经理|经理|主席|理事长|会长|队长|站长|行长|组长|委员|检察长"
          r"|秘书长|庭长)")
_NAME = r"[\u4e00-\u9fff](?:[ \u3000\u00a0]*[\u4e00-\u9fff]){1,3}$"  # 杨杰, 杜  宇
_SPEAKER = re.compile(_POSTS + r"[ \u3000\u00a0]+" + _NAME)
# Right under the occasion a reader takes the next line for the speaker even when the page
# runs the post and the name together (甘肃省人民检察院检察长朱玉, 常务副市长尚根仓), or gives the
# name alone over the 称谓 (申卫星, under ——2021年清华大学法学院开学典礼院长致辞).
_SPEAKER_RUN_TOGETHER = re.compile(r"^[\u4e00-\u9fff]{0,30}" + _POSTS
                                   + r"[\u4e00-\u9fff]{2,3}$")
_NAME_ALONE = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000\u00a0]*[\u4e00-\u9fff]){1,2}$")
# The writer's name under the title of a 总结, 心得 or 汇报, with the word a reader adds to a
# name (王明刚老师, 李四同志); 各位老师 / 全体同志 are people addressed, not a name.
_BYLINE = re.compile(r"^(?!各|全体|诸位|广大)[\u4e00-\u9fff]{2,4}(?:老师|同志|教授|先生|女士)$")
_CN_DAY = "[0-9０-９一二三四五六七八九十]"
_DATE_PART = r"[0-9０-９〇○零一二三四五六七八九]{4}年" + _CN_DAY + "{1,2}月" + _CN_DAY + "{1,3}日"
_OCCASION = re.compile(r"^(?:——|—)?" + _DATE_PART + r"在\S*")
_OCCASION_END = re.compile(r"(?:会议|大会|会)上?(?:的(?:讲话|报告|发言|工作报告))?$")


def _is_speech_line(text: str) -> bool:
    """An occasion (a date, then 在…), a speaker (a post, a space, a name) or a byline
    (a name and 老师/同志…) line.

    >>> [_is_speech_line(t) for t in ("2019年2月26日在镇第十四届人民代表大会第三次会议",
    ...                               "魏庄镇人民政府镇长 杨杰", "市城管局党组书记、局长  杜  宇",
    ...                               "关于做好防汛工作的通知", "2019年工作回顾", "联系人 张三")]
    [True, True, True, False, False, False]
    >>> [_is_speech_line(t) for t in ("王明刚老师", "李四同志", "各位老师", "全体同志")]
    [True, True, False, False]
    """
    text = text.strip()
    if not text or len(text) > SPEECH_LINE_MAX_CHARS or text[-1] in END_PUNCTUATION \
            or any(mark in text for mark in "，。；：,;:"):
        return False
    return bool(_OCCASION.match(text) or _SPEAKER.search(text) or _BYLINE.match(text))


def subtitle_run(texts: List[str], index: int) -> int:
    """How many lines from ``index`` (under a title) are its subtitle: 题注, dash and
    bracketed lines (:func:`subtitle_lines`), the occasion and the speaker, an occasion's
    second line.

    >>> subtitle_run(["——2024年1月23日在XX镇第二十届", "人民代表大会第八次会议上",
    ...               "XX镇人民政府镇长 张三", "各位代表："], 0)
    3
    >>> subtitle_run(["(2022年2月28日)", "同志们:"], 0), subtitle_run(["各位代表："], 0)
    (1, 0)
    """
    start, open_occasion, after_occasion = index, False, False
    while index < len(texts):
        text = texts[index]
        count = subtitle_lines(texts, index)
        if count:
            open_occasion = count == 1 and bool(_SUBTITLE_DASH.match(text)) \
                and not _OCCASION_END.search(text)
            after_occasion = count == 1 and bool(_SUBTITLE_DASH.match(text))
            index += count
        elif _is_speech_line(text):
            open_occasion = bool(_OCCASION.match(text.strip())) \
                and not _OCCASION_END.search(text.strip())
            after_occasion = bool(_OCCASION.match(text.strip()))
            index += 1
        elif open_occasion and len(text) <= TITLE_MAX_CHARS and _OCCASION_END.search(text) \
                and not any(mark in text for mark in "，。；：,;:"):
            open_occasion, after_occasion = False, True
            index += 1
        elif after_occasion and _speaker_under_occasion(texts, index):
            open_occasion = after_occasion = False
            index += 1
        else:
            break
    return index - start


def _speaker_under_occasion(texts: List[str], index: int) -> bool:
    """The line right under a speech's occasion names its speaker: a post and a name run
    together, or a name alone with the 称谓 under it.

    >>> _speaker_under_occasion(["甘肃省人民检察院检察长朱玉", "各位代表:"], 0)
    True
    >>> [_speaker_under_occasion([t, "亲爱的同学们:"], 0) for t in ("申卫星", "杜  宇", "会议精神")]
    [True, True, False]
    >>> _speaker_under_occasion(["申卫星", "大家下午好!"], 0)
    False
    """
    text = texts[index].strip()
    if _SPEAKER_RUN_TOGETHER.match(text):
        return True
    below = next_filled(texts, index + 1)
    return bool(_NAME_ALONE.match(text)) and below < len(texts) \
        and is_addressee(texts[below], ADDRESSEE_UNDER_TITLE_MAX_CHARS)


def is_addressee(text: str, max_chars: int = ADDRESSEE_MAX_CHARS, ends: bool = True) -> bool:
    """称谓 / 主送: a short line ending with a colon that names people or bodies
    (``ends=False``: a line of one, the colon maybe on a later line).

    >>> is_addressee("各位领导、同志们：")
    True
    >>> is_addressee("现将一年来的工作报告如下：")
    False
    >>> is_addressee("由于不少同学邮寄地址存在变动，再次收集同学们的档案邮寄地址：")
    False
    >>> is_addressee("家长们您好，我是唐勇老师，今日作业完成情况:"), is_addressee("家长们您好：")
    (False, True)
    """
    return (
        (text.endswith(_ADDRESSEE_END) or not ends)
        and len(text) <= max_chars
        and not any(mark in text for mark in "。！？；;")
        and not _NOT_ADDRESSEE.search(text)
        and not heading_level(text)
        and not ATTENDANCE.match(text)
        and not is_numbered_label(text)
    )


# 会议纪要（第二次）: the kind named before a bracket saying which one.
_WHICH = re.compile(r"\s*[（(][^（）()]{1,12}[）)]$")


def _mark_series_titles(texts: List[str], roles: List[Optional[str]], start: int, end: int,
                        first: str) -> None:
    """The later titles of a series the first title numbers: the same kind, another
    bracket."""
    kind = _WHICH.sub("", first)
    if kind == first or not NAMES_ITS_KIND.search(kind):
        return
    for index in range(start, end):
        text = texts[index]
        if roles[index] is None and text != first and _WHICH.search(text) \
                and _WHICH.sub("", text) == kind:
            roles[index] = Role.TITLE


def mark_later_titles(texts: List[str], roles: List[Optional[str]], start: int, end: int,
                      looks: Looks) -> None:
    """A second document in the same file (three 纪要 one under the other, a 总结 and then
    next year's 计划): a line set as the title is set, larger than the text, that reads as a
    title and names its kind (or is centred like it) is a title too. A title that says
    which one it is (``会议纪要（第一次）``) is followed by the others of its series by their text
    alone (``会议纪要（第三次）`` past the looked-at paragraphs).

    >>> texts = ["会议纪要（第一次）", "会议时间：5月1日", "会议纪要（第二次）", "会议时间：5月8日"]
    >>> roles = ["title", None, None, None]
    >>> mark_later_titles(texts, roles, 1, 4, Looks(None, texts)); roles[2]
    'title'
    """
    titles = [index for index, role in enumerate(roles) if role == Role.TITLE]
    if titles:
        _mark_series_titles(texts, roles, max(start, titles[-1] + 1), end, texts[titles[0]])
    if not titles or not looks.known(titles[0]) or not looks.is_larger(titles[0]):
        return
    first = looks.items[titles[0]]
    for index in range(max(start, titles[-1] + 2), end):
        look = looks.items[index]
        if roles[index] is not None or not looks.known(index) or not looks.is_larger(index) \
                or not looks.same_size(index, titles[0]) or look.align != first.align:
            continue
        text = texts[index]
        if _is_title_line(text) and (look.align == Align.CENTER
                                     or NAMES_ITS_KIND.search(_WHICH.sub("", text))):
            roles[index] = Role.TITLE
