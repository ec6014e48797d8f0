"""What the layout asks of the roles once they are known: the document's kind (纪要, 函),
its parts (main text, attached texts, 版记) and where a two-part line divides.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Optional, Sequence, Tuple

from gongwen.roles.banner import SIGNER_IN_LINE
from gongwen.roles.common import clean
from gongwen.roles.record import PRINTED
from gongwen.roles.signoff import date_suffix_start, signature_date_split
from gongwen.spec import Role

KIND_DOCUMENT = "document"
KIND_LETTER = "letter"     # 信函格式, GB/T 9704 §10
KIND_MINUTES = "minutes"   # 纪要格式, §12
# What a user may ask for (``layout=`` in Writer, ``--layout`` on the CLI).
LAYOUT_CHOICES = (KIND_LETTER, KIND_MINUTES)
# 函 before the bracket of the 发文字号: X政办函〔2024〕5号, X教函字〔2024〕3号.
_LETTER_NUMBER = re.compile(r"函\S{0,2}?\s*[〔\[［（(【〖]")


def document_kind(paragraphs: Sequence[str], paragraph_roles: Sequence[str]) -> str:
    """``minutes``, ``letter`` or ``document``: which GB/T 9704 format the text asks for.

    A 纪要 has a 纪要 mark (§12). A 函 (§10 信函格式) says so in its 发文字号
    (``X政办函〔2024〕5号``) or its title (``关于商请……的函``, ``……的复函``).
    Everything else is a ``document``.

    >>> from gongwen.roles import classify
    >>> texts = ["XX县人民政府办公室", "X政办函〔2024〕5号", "关于商请支持XX工作的函"]
    >>> document_kind(texts, classify(texts))
    'letter'
    >>> texts = ["XX县人民政府常务会议纪要", "第3期", "会议研究了XX工作。"]
    >>> document_kind(texts, classify(texts))
    'minutes'
    >>> document_kind(["工作总结", "正文。"], ["title", "body"])
    'document'
    """
    texts = [clean(paragraph) for paragraph in paragraphs]
    if Role.MINUTES_MARK in paragraph_roles:
        return KIND_MINUTES
    title = "".join(text for text, role in zip(texts, paragraph_roles) if role == Role.TITLE)
    numbers = [text for text, role in zip(texts, paragraph_roles) if role == Role.DOC_NUMBER]
    if title.endswith("函") or any(_LETTER_NUMBER.search(number) for number in numbers):
        return KIND_LETTER
    return KIND_DOCUMENT


PART_MAIN = "main"              # 版头, 标题 … 落款 and 附注
PART_ATTACHMENT = "attachment"  # one attached text, from its 附件 mark (a new page, §7.3.7)
PART_RECORD = "record"          # the 版记 (§7.4), whatever follows its first line


class Part(NamedTuple):
    """A stretch of paragraphs ``[start, end)`` that the layout treats as one unit."""

    kind: str
    start: int
    end: int


def document_parts(paragraph_roles: Sequence[str]) -> List[Part]:
    """The main text, each attached text and the 版记, in order; empty parts left out.

    Each attached text starts a new page and has its own 落款 (if any), so placement
    pairs a 署名 with a 成文日期 inside one part only.

    >>> document_parts(["title", "body", "signature", "date", "attachment_mark",
    ...                 "attachment_title", "body", "attachment_mark", "body", "cc", "imprint"])
    ... # doctest: +NORMALIZE_WHITESPACE
    [Part(kind='main', start=0, end=4), Part(kind='attachment', start=4, end=7),
     Part(kind='attachment', start=7, end=9), Part(kind='record', start=9, end=11)]
    >>> document_parts(["body", "body"])
    [Part(kind='main', start=0, end=2)]
    >>> document_parts(["body", "date", "note", "blank", "attachment_title", "body"])
    [Part(kind='main', start=0, end=4), Part(kind='attachment', start=4, end=6)]
    """
    starts: List[Tuple[int, str]] = []
    previous = ""
    for index, role in enumerate(paragraph_roles):
        unmarked_title = role == Role.ATTACHMENT_TITLE and previous != Role.ATTACHMENT_MARK
        if role == Role.ATTACHMENT_MARK or unmarked_title:
            starts.append((index, PART_ATTACHMENT))
        elif role in (Role.CC, Role.IMPRINT) and PART_RECORD not in (k for _, k in starts):
            starts.append((index, PART_RECORD))
        if role != Role.BLANK:
            previous = role
    bounds = [(0, PART_MAIN)] + starts + [(len(paragraph_roles), "")]
    parts = [Part(kind, first, following)
             for (first, kind), (following, _) in zip(bounds, bounds[1:])]
    return [part for part in parts if part.end > part.start]


class Split(NamedTuple):
    """A line holding a left and a right part: ``text[:left_end]`` and ``text[right_start:]``
    (offsets in the text as given; the whitespace between is neither part's)."""

    left_end: int
    right_start: int


def split_line(text: str, role: str) -> Optional[Split]:
    """Where a two-part line divides, or None when ``text`` is one part.

    - ``signature_date``: 署名 | 成文日期 (``事业六部      2018年 1 月26日``);
    - ``imprint``: 印发机关 | 印发日期 (``XX县人民政府办公室   2024年3月1日印发``);
    - ``doc_number``: 发文字号 | 签发人 on a 上行文's line, or a 纪要's 印发机关 | date.

    >>> text = " 事业六部    2018年1月26日"
    >>> split = split_line(text, "signature_date")
    >>> text[:split.left_end], text[split.right_start:]
    (' 事业六部', '2018年1月26日')
    >>> text = "X教发〔2024〕5号\u3000\u3000签发人：张三"
    >>> split = split_line(text, "doc_number")
    >>> text[:split.left_end], text[split.right_start:]
    ('X教发〔2024〕5号', '签发人：张三')
    >>> text = "XX县人民政府办公室  2024年3月1日印发"
    >>> text[split_line(text, "imprint").right_start:]
    '2024年3月1日印发'
    >>> split_line("国发〔2024〕11号", "doc_number") is None
    True
    """
    cleaned = clean(text)
    start = text.find(cleaned)
    right: Optional[int] = None
    if role == Role.DOC_NUMBER:
        signer = SIGNER_IN_LINE.search(cleaned)
        right = signer.start() if signer and signer.start() > 0 else None
        if right is None:
            right = signature_date_split(cleaned)
    elif role == Role.SIGNATURE_DATE:
        right = signature_date_split(cleaned)
    elif role == Role.IMPRINT:
        found = PRINTED.search(cleaned)
        right = date_suffix_start(cleaned[:found.start()].rstrip()) if found else None
    if not right:
        return None
    left_end = start + len(cleaned[:right].rstrip())
    return Split(left_end, start + right)
