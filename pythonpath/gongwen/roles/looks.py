"""What a paragraph looks like in the source, as evidence for its role.

Users paste from WeChat, old .doc files and web pages, so a look alone never names a role.
But a reader knows a 发文机关标志 at a glance (red, large, centred, at the top) and the
title under it (centred, larger than the text), and the text alone cannot always tell them
from a title or a line of body text. The hosts only *describe* each paragraph
(:class:`ParagraphLook`: effective size, colour, alignment, weight and the paragraph
style's name, resolved through the style chain); :func:`gongwen.roles.classify` decides, and
uses a look only where the text leaves room.

After 一键公文格式 a document carries the 公文 looks and styles (``公文标题`` is centred 2号,
``公文发文机关标志`` red and centred), which say the same roles again: a second Format
changes nothing.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Dict, List, NamedTuple, Optional, Sequence

from gongwen import spec
from gongwen.roles.headings import parse_heading_number
from gongwen.spec import Align, Role

# How many paragraphs from the top a host describes: the looks decide the 版头, the title
# and the 主送, which sit there (a 版头 of 份号, 密级, 紧急程度, two issuers, 发文字号 and a
# rule, a three-line title, a 主送 in three paragraphs: 12), and the body's own size is
# read from the paragraphs under them. Reading more costs the Writer host a walk through
# the portions of every paragraph.
LOOKED_AT = 30
# Past them a host describes only the lines a look may make a heading of, as a reader takes a
# short line set bold (or in Word's 标题 1) for a part's heading: a phrase, no sentence, no
# field (会议地点：线上), no number (the number decides). Measured on a real 述职报告 set in
# Word's heading styles: 工作成就, 未来规划, 总结 past paragraph 30 were planned as text, and
# 检查格式 after Format took the headings it had made for text set in 黑体.
HEADING_LOOK_CHARS = (2, 20)
# A 、 joins two words of one phrase (登陆、注册 as a real 项目总结 heads a page of its site);
# a number's 、 (一、) is the number's, which decides on its own.
NOT_IN_HEADING_LOOK = re.compile(r"[，。；：！？,;:!?]")
# …but one colon at the end is a label's (计划： / 完成情况： set bold over their text, as a real
# 项目总结 has them): the phrase before it decides.
LABEL_COLON = re.compile(r"[：:]$")

# A 发文机关标志 is 小初 to 初号, narrowed to about 一号 when a long name must stay on one
# line; a title is 2号 (小一 at most). Measured on the issue's red heads: 34 pt and 22 pt.
ISSUER_MIN_PT = spec.FONT_SIZES_PT["一号"]
# "Larger than the text": a title set in 小二 over 三号 text is 2 pt larger.
LARGER_BY_PT = 1.5
# A line of text, not a heading, when longer than this.
BOLD_TEXT_MIN_CHARS = 20


def may_head_by_look(text: str) -> bool:
    """A line a look may make a heading of (:data:`HEADING_LOOK_CHARS`).

    >>> [may_head_by_look(t) for t in ("未来规划", "完成情况：", "登陆、注册", "一、主要工作",
    ...                                "地点：线上", "今年完成了三项任务。")]
    [True, True, True, False, False, False]
    """
    phrase = LABEL_COLON.sub("", text)
    return (HEADING_LOOK_CHARS[0] <= len(phrase) <= HEADING_LOOK_CHARS[1]
            and not NOT_IN_HEADING_LOOK.search(phrase) and parse_heading_number(text) is None)


def looks_wanted(texts: Sequence[str]) -> List[int]:
    """The paragraphs whose looks a host describes: the first :data:`LOOKED_AT`, and past
    them the lines that may head a part by their look (:func:`may_head_by_look`) above the
    text's last line of text: the short lines under it (the 落款, a date, 抄送) head nothing,
    and reaching them walked the Writer host through every paragraph of the 100-page bench
    report (Format 1.9× → 2.1× of native).

    >>> looks_wanted(["一"] * 30 + ["未来规划", "计划", "完成登录和注册两个页面",
    ...                             "明年将继续做好本职工作，努力提高业务水平。",
    ...                             "XX县XX局", "2024年1月1日"])[30:]
    [30, 31, 32]
    """
    last_text = max((index for index, text in enumerate(texts)
                     if len(text.strip()) > HEADING_LOOK_CHARS[1]), default=-1)
    return [index for index, text in enumerate(texts)
            if index < LOOKED_AT or (index < last_text and may_head_by_look(text.strip()))]


class ParagraphLook(NamedTuple):
    """How a paragraph is set in the source; None where the host cannot tell.

    ``size_pt``: the size most of its characters have; ``color_rgb``: 0xRRGGBB when all its
    visible text has that one colour (None: automatic/black or mixed); ``align``: a
    :class:`gongwen.spec.Align` value; ``bold``: most of its characters bold; ``style``:
    the paragraph style's name.
    """

    size_pt: Optional[float] = None
    color_rgb: Optional[int] = None
    align: Optional[str] = None
    bold: Optional[bool] = None
    style: Optional[str] = None


NO_LOOK = ParagraphLook()

# The 公文 styles that belong to one role of the head: after Format, the style says it.
_STYLE_ROLES: Dict[str, str] = {
    spec.style_name(role): role
    for role in (Role.ISSUER, Role.MINUTES_MARK, Role.TITLE, Role.ADDRESSEE, Role.DOC_NUMBER)
}


_HEADING1_STYLE = spec.style_name(Role.HEADING1)


def is_red(rgb: Optional[int]) -> bool:
    """Red as 红头 are set: FF0000, C00000, E60012 …, not a dark brown or an orange.

    >>> [is_red(c) for c in (0xFF0000, 0xC00000, 0xE60012, 0x000000, 0xFF9900, None)]
    [True, True, True, False, False, False]
    """
    if rgb is None:
        return False
    red, green, blue = (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF
    return red >= 0xA0 and green <= 0x50 and blue <= 0x50


class Looks:
    """The looks of a document's paragraphs, with what they say about the head."""

    def __init__(self, looks: Optional[Sequence[Optional[ParagraphLook]]],
                 texts: Sequence[str]) -> None:
        # Only what the hosts describe counts (:func:`looks_wanted`), so the core decides as
        # the button and the CLI do whoever calls it with more.
        given = list(looks or ())[:len(texts)]
        wanted = set(looks_wanted(texts)) if len(given) > LOOKED_AT else None
        self.items: List[ParagraphLook] = [
            (look or NO_LOOK) if wanted is None or index in wanted else NO_LOOK
            for index, look in enumerate(given)]
        self.items += [NO_LOOK] * (len(texts) - len(self.items))
        # Every paragraph set alike (text pasted into a blank document, a .txt opened in
        # Word): the looks tell nothing, and the text decides as it does with no looks — so
        # a host that describes such a file plans as the core does on its texts (a township's
        # 政府工作报告 attached under its 印发 notice had lost its second title line on both
        # host paths only).
        # Judged on the head (the first LOOKED_AT): a heading set bold further down is no
        # reason to believe the head's looks.
        head = min(len(texts), LOOKED_AT)
        described = [look for look, text in zip(self.items[:head], texts) if look != NO_LOOK
                     and text]
        if len(described) > 1 and len(set(described)) == 1:
            self.items[:head] = [NO_LOOK] * head
        # The text's size: the one most characters of lines not centred have (a head has
        # a few short large lines, the text long ones). A web page may give the size of
        # its title only: the text is then taken to be 三号.
        sizes: Counter = Counter()
        for look, text in zip(self.items, texts):
            if look.size_pt and look.align != Align.CENTER:
                sizes[look.size_pt] += len(text)
        self.body_pt: float = sizes.most_common(1)[0][0] if sizes else spec.PAGE.body_size_pt
        # Whether the text is set bold: a bold line then says nothing (most lines of some
        # length, as far as the host tells).
        weights = Counter(bool(look.bold) for look, text in zip(self.items, texts)
                          if look.bold is not None and len(text) > BOLD_TEXT_MIN_CHARS)
        self.text_bold: bool = weights[True] > weights[False]

    def __bool__(self) -> bool:
        return any(look != NO_LOOK for look in self.items)

    def style_role(self, index: int) -> Optional[str]:
        """The head role a 公文 style names (a formatted document), or None."""
        return _STYLE_ROLES.get(self.items[index].style or "")

    def is_masthead(self, index: int) -> bool:
        """Red, or very large, and centred: a 发文机关标志 (or a 纪要's mark)."""
        if self.style_role(index) in (Role.ISSUER, Role.MINUTES_MARK):
            return True
        look = self.items[index]
        if look.align not in (Align.CENTER, None) or look.style in _STYLE_ROLES:
            return False
        return is_red(look.color_rgb) or (look.size_pt or 0) >= ISSUER_MIN_PT

    def is_red(self, index: int) -> bool:
        return is_red(self.items[index].color_rgb)

    def is_title(self, index: int) -> bool:
        """Centred and larger than the text, not red: a title line."""
        role = self.style_role(index)
        if role is not None:
            return role == Role.TITLE
        look = self.items[index]
        return (look.align == Align.CENTER and self.is_larger(index)
                and not is_red(look.color_rgb))

    def is_larger(self, index: int) -> bool:
        size = self.items[index].size_pt
        return size is not None and size >= self.body_pt + LARGER_BY_PT

    def is_bold(self, index: int) -> bool:
        """Set bold where the text is not: emphasis a reader takes for a heading. After
        Format the line is in the 公文 heading style (黑体, not bold), which says the same."""
        if self.items[index].style == _HEADING1_STYLE:
            return True
        return bool(self.items[index].bold) and not self.text_bold

    def known(self, index: int) -> bool:
        """The host described this paragraph (:func:`looks_wanted`)."""
        return self.items[index] != NO_LOOK

    def same_size(self, index: int, other: int) -> bool:
        """Not known to differ in size: a title's lines are set alike, the text under it
        smaller."""
        size, other_size = self.items[index].size_pt, self.items[other].size_pt
        return size is None or other_size is None or abs(size - other_size) < LARGER_BY_PT

    def is_plain(self, index: int) -> bool:
        """Known to be set as the text is: not centred, not larger (a line of body text)."""
        look = self.items[index]
        if look.style in _STYLE_ROLES:
            return False
        return look.align is not None and look.align != Align.CENTER \
            and look.size_pt is not None and not self.is_larger(index)
