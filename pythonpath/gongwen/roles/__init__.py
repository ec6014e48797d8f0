"""Which 公文 role each paragraph plays: the one classifier every formatter uses.

Roles are recognised by content and position, never by existing formatting
(users paste from WeChat, old .doc files and web pages; their bold and sizes
mean nothing). The values are the keys of :class:`gongwen.spec.Role`.

>>> classify(["XXXX年度个人述职报告", "各位领导、同志们：", "一年来，我认真履职。",
...           "一、加强学习", "（一）学习理论", "1.读原著", "（1）每周一次", "一是学，二是用。",
...           "特此报告。", "述职人：XXX", "XXXX年XX月XX日"])
... # doctest: +NORMALIZE_WHITESPACE
['title', 'addressee', 'body', 'heading1', 'heading2', 'heading3', 'heading4', 'body',
 'closing', 'signature', 'date']

Beyond the body the classifier knows the whole 公文 (GB/T 9704 §7.2–7.4, §12): the 版头
(份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), the 附注, the attached texts after the
落款 (附件标识, 附件标题, then a body like the main one), the 版记 (抄送, 印发) and the 纪要's
mark and attendance lines. What a document does not have is simply absent.

>>> classify(["000123", "机密★1年", "特急", "XX县人民政府文件", "X政发〔2024〕3号",
...           "XX县人民政府关于做好XX工作的通知", "各乡镇人民政府：", "现将有关事项通知如下。",
...           "XX县人民政府", "2024年3月1日", "（此件公开发布）", "附件1", "XX工作实施办法",
...           "一、总则", "抄送：县委办公室。", "XX县人民政府办公室    2024年3月1日印发"])
... # doctest: +NORMALIZE_WHITESPACE
['copy_number', 'secrecy', 'urgency', 'issuer', 'doc_number', 'title', 'addressee', 'body',
 'signature', 'date', 'note', 'attachment_mark', 'attachment_title', 'heading1', 'cc',
 'imprint']

Headings follow GB/T 9704 §7.3.3: 一、 / （一） / 1. / （1）. Users type mixed
forms (``(一)``, ``1、``, ``1．``, ``一.``, ``(1)``), which count as the same
level; :func:`parse_heading_number` gives the standard form for an optional,
explicit normalisation. A paragraph that opens with a heading number and goes on after
its first sentence is a 段内标题 (run-in heading): :func:`classify` calls it ``body`` and
:func:`run_in_heading` says which level and where the heading sentence ends, for the
renderers' character styles. :func:`document_kind` tells a 纪要 or a 函 from the rest.

The package is split by the part of the document each module recognises: ``banner`` (版头),
``head`` (标题, 主送), ``headings`` (heading numbers, 段内标题), ``tail`` (附注, 附件说明 and
the walk up the 落款), ``signoff`` (结束语, 署名, 成文日期), ``attached`` (附件 after the
落款), ``record`` (版记), ``minutes`` (纪要), ``parts`` (kind, parts, two-part lines);
``common`` holds what they share. This module is the entry point.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

from typing import List, Optional, Sequence

from gongwen.roles.attached import (
    mark_attached_texts,
    mark_attachment_file,
    mark_unmarked_attached_text,
)
from gongwen.roles.banner import force_minutes_mark, mark_banner
from gongwen.roles.common import clean
from gongwen.roles.head import mark_head, mark_later_titles
from gongwen.roles.headings import (
    HeadingNumber,
    RunIn,
    heading_level,
    parse_heading_number,
    run_in_heading,
)
from gongwen.roles.looks import LOOKED_AT, Looks, ParagraphLook, is_red, looks_wanted
from gongwen.roles.minutes import is_minutes, mark_attendance
from gongwen.roles.outline import mark_headings
from gongwen.roles.parts import (
    KIND_DOCUMENT,
    KIND_LETTER,
    KIND_MINUTES,
    LAYOUT_CHOICES,
    PART_ATTACHMENT,
    PART_MAIN,
    PART_RECORD,
    Part,
    Split,
    document_kind,
    document_parts,
    split_line,
)
from gongwen.roles.record import mark_record
from gongwen.roles.signoff import (
    ONE_LINE_MAX_CHARS,
    mark_inner_signoffs,
    mark_right_set_signature,
)
from gongwen.roles.tail import mark_attachments, mark_tail
from gongwen.spec import Role

__all__ = [
    "LOOKED_AT", "ParagraphLook", "is_red", "looks_wanted", "KIND_DOCUMENT", "KIND_LETTER",
    "KIND_MINUTES",
    "LAYOUT_CHOICES", "PART_ATTACHMENT", "PART_MAIN", "PART_RECORD", "HeadingNumber", "Part",
    "RunIn", "Split", "classify", "document_kind", "document_parts", "heading_level",
    "parse_heading_number", "run_in_heading", "split_line", "ONE_LINE_MAX_CHARS",
]


def classify(paragraphs: Sequence[str], kind: Optional[str] = None,
             looks: Optional[Sequence[Optional[ParagraphLook]]] = None) -> List[str]:
    """One :class:`~gongwen.spec.Role` value per paragraph, in order.

    ``kind`` :data:`KIND_MINUTES` says the text is a 纪要 whatever its mark: a 发文机关标志
    is taken for its mark, and 出席/请假/列席 lists are looked for. ``looks``: how the
    source sets each paragraph (:class:`ParagraphLook`, None where unknown; may be shorter
    than ``paragraphs``), evidence where the text leaves room (:mod:`gongwen.roles.looks`).

    The 版头 and the head (标题, 发文字号, 主送) are found from the top, the 版记 from the
    bottom, the attached texts by their 附件 mark after the 落款; the main text's tail
    (结束语, 附件说明, 署名, 成文日期, 附注) is found from its end, and everything else
    is a heading by its number or body text.

    >>> classify(["XX县XX局", "2021年度工作总结", "县委：", "现报告如下：", "一、成绩",
    ...           "全年完成X项。", "", "附件：1.统计表", "2.照片", "XX县XX局", "2021年12月31日"])
    ... # doctest: +NORMALIZE_WHITESPACE
    ['title', 'title', 'addressee', 'body', 'heading1', 'body', 'blank', 'attachment',
     'attachment', 'signature', 'date']
    >>> classify(["国务院关于XX的通知", "国发〔2024〕11号", "各省、自治区、直辖市人民政府：",
    ...           "（一）目标任务。到2025年，基本建成XX体系。", "事业六部      2018年 1 月26日"])
    ... # doctest: +NORMALIZE_WHITESPACE
    ['title', 'doc_number', 'addressee', 'body', 'signature_date']
    >>> classify([])
    []
    >>> classify(["", "  "])
    ['blank', 'blank']
    """
    texts = [clean(paragraph) for paragraph in paragraphs]
    roles: List[Optional[str]] = [None if text else Role.BLANK for text in texts]
    seen = Looks(looks, texts)
    body_start = mark_attachment_file(texts, roles, seen)
    if body_start is None:
        head_start = mark_banner(texts, roles, seen)
        if kind == KIND_MINUTES and Role.MINUTES_MARK not in roles:
            head_start = force_minutes_mark(texts, roles, head_start)
        body_start = mark_head(texts, roles, head_start, seen)
    record_start = mark_record(texts, roles, body_start)
    # Attached texts belong before the 版记, but some are typed after it.
    main_end = min(record_start, mark_attached_texts(texts, roles, body_start, seen))
    main_end = mark_unmarked_attached_text(texts, roles, body_start, main_end, seen)
    mark_attachments(texts, roles, body_start, main_end)
    if kind == KIND_MINUTES or is_minutes(texts, roles):
        mark_attendance(texts, roles, body_start, main_end)
    mark_tail(texts, roles, body_start, main_end)
    mark_right_set_signature(texts, roles, body_start, main_end, seen)
    mark_inner_signoffs(texts, roles, body_start, main_end)
    mark_later_titles(texts, roles, body_start, main_end, seen)
    mark_headings(texts, roles, seen)
    return [role or Role.BODY for role in roles]
