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

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Optional, Sequence, Tuple

from gongwen.dates import is_date_line
from gongwen.spec import Role

# --- limits (characters after trimming) --------------------------------------
TITLE_MAX_CHARS = 40
# Under a 版头 the line after it is the title even when long (a 决定 naming what it
# commends runs to 50–80 characters over three lines of 2号).
BANNER_TITLE_MAX_CHARS = 80
TITLE_MAX_LINES = 3
ADDRESSEE_MAX_CHARS = 50
CLOSING_MAX_CHARS = 50
# A short single sentence right before the 落款 counts as 结束语 even without a
# known phrase ("请各位领导批评指正。"), but only this short.
GENERIC_CLOSING_MAX_CHARS = 20
SIGNATURE_MAX_CHARS = 30
SIGNATURE_MAX_LINES = 3
DATE_MAX_LINES = 2

# A title or a 落款 line never ends with these; a sentence does.
_END_PUNCTUATION = "。；：！？!?;:，,、…"
_SENTENCE_END = "。！？!?"
# Inside a line these make it a sentence (a 署名 or an agency name has none of them).
_SENTENCE_MARKS = "，。；！？,;!?"

# --- heading numbers ---------------------------------------------------------
# 一 … 九, 十, 十一 … 十九, 二十 … 九十九.
_CN_NUMBER = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DIGITS = "[0-9０-９]{1,2}"
_OPEN = "[（(]"
_CLOSE = "[）)]"

_HEADING1 = re.compile(r"^(" + _CN_NUMBER + r")\s*[、.．]")
_HEADING2 = re.compile(r"^" + _OPEN + r"\s*(" + _CN_NUMBER + r")\s*" + _CLOSE + r"(?:\s*[、.．])?")
_HEADING3 = re.compile(r"^(" + _DIGITS + r")\s*[.．、]")
_HEADING4 = re.compile(r"^" + _OPEN + r"\s*(" + _DIGITS + r")\s*" + _CLOSE + r"(?:\s*[、.．])?")

# "一、二季度全县…", "一、二、三产业…", "二、三等奖…": the 一、 enumerates numbers, it is
# no heading number.
_NUMBER_ENUMERATION = re.compile(
    r"^[一二三四五六七八九十]+(?:[、，,至到~～\-－—]|季|月|年级|产业|类|等|级|批|期|号|轮|档|线)"
)
_DIGIT = re.compile(r"^[0-9０-９]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# --- other roles -------------------------------------------------------------
_ADDRESSEE_END = ("：", ":")
# "现将有关情况报告如下：" ends with a colon too but opens the body.
_NOT_ADDRESSEE = re.compile(r"如下|现将|现就|以下|报告|汇报")
_ATTACHMENT_START = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]")
_ATTACHMENT_ITEM = re.compile(r"^" + _DIGITS + r"\s*[.．、]")
_CLOSING = re.compile(
    r"^(?:特此(?:报告|说明|汇报|述职|请示|函告|函复|函达|函商|复函|批复|通知|通报|决定|申请"
    r"|证明)"
    r"|专此函(?:告|复|达|商)"
    r"|以上.{0,20}(?:请|审议|批示|指正|评议|审阅|妥否|当否)"
    r"|(?:妥否|当否)"
    r"|请予?(?:审议|批示|审阅|评议|指正)"
    r"|请各位.{0,12}(?:审议|批示|审阅|评议|指正)"
    r"|恳请|敬请"
    r"|谢谢"
    r"|此致|敬礼"
    r"|(?:述职|汇报|报告)完毕)"
)
_SIGNATURE_LABEL = re.compile(
    r"^(?:述职人|报告人|汇报人|发言人|述廉人|署名|单位|申请人|申请单位|填报人|填表人|经办人"
    r"|负责人|签名|签字)\s*(?:[（(][^）)]{0,6}[）)])?\s*[：:]"
)
# Without a date under it, a 落款 is recognised by its label or by an organisation suffix.
_ORGANISATION_END = re.compile(
    r"(?:局|委员会|委|办公室|办|政府|党委|党组|政协|人大|中心|公司|学校|医院|镇|乡|街道"
    r"|所|院|处|科|部|会|支部|总支|站|队|厅|署|行|社|联|团|组)$"
)



# --- 版头 (GB/T 9704 §7.2) ----------------------------------------------------
# 份号, 密级★期限 and 紧急程度, alone or several on one line ("000123  机密★1年  特急").
_BANNER_CODES = re.compile(
    r"^(?P<copy>[0-9０-９]{6})?\s*"
    r"(?P<secrecy>(?:绝|机|秘)\s*密(?:\s*[★☆*＊]\s*[^\s★☆*＊]{1,8})?)?\s*"
    r"(?P<urgency>(?:特|加|平)\s*急|特\s*提)?$"
)
# Joint issuers stack their names and put 文件 on a line of its own, hence {0,40}.
_ISSUER_FILE = re.compile(r"^[^，。；：！？,;:!?“”]{0,40}?\s*文\s*件$")
_SIGNER = r"签\s*发\s*人\s*[：:]"
_SIGNER_LINE = re.compile(r"^" + _SIGNER + r"\s*(?:\S.{0,40})?$")  # empty in a template
# 国办发〔2020〕50号, typed with 〔〕, [], （）, 【】, full-width digits, spaces or a stray 第;
# X政发〔XXXX〕X号 in a template. A 签发人 may share the line (上行文).
_DOC_NUMBER = re.compile(
    r"^(?P<code>[^\s，。；：！？,;:!?〔\[［（(【〖]{0,20}?)\s*[〔\[［（(【〖]\s*"
    r"[0-9０-９XxＸｘ×]{4}\s*[〕\]］）)】〗]\s*第?\s*[0-9０-９XxＸｘ×]{1,5}\s*号"
    r"(?P<signer>\s*" + _SIGNER + r".*)?$"
)
_SIGNER_IN_LINE = re.compile(_SIGNER)
# A 纪要's mark, and its number line under it: 第3期, （第12次）.
_MINUTES_MARK = re.compile(r"^[^，。；：！？,;:!?]{2,40}纪\s*要$")
_MINUTES_NUMBER = re.compile(
    r"^[（(]?\s*第\s*[0-9０-９XxＸ一二三四五六七八九十百零〇]{1,5}\s*[期次号]\s*[）)]?$"
)
AGENCY_MAX_CHARS = 30
# The red rule, or a 版记 rule, typed as a row of dashes or underscores: kept as text,
# passed over when looking for the 版头 and the title.
_RULE_LINE = re.compile(r"^[\s─━—–_＿\-－=＝~～·•*★☆]{3,}$")
_PLACEHOLDER_NAME = re.compile(r"^[XxＸｘ×]{2,}$")
ISSUER_MAX_LINES = 4

# --- 附注, 附件, 版记 (§7.3.6, §7.3.7, §7.4) ------------------------------------
# A whole line in parentheses; these words make it a 附注 even away from the 成文日期.
_BRACKETED = re.compile(r"^[（(].*[）)]$")
_NOTE_WORDS = re.compile(r"此件|本件|联系人|联系电话|电话|公开|发至|印发至|传达|报送")
# A contact line typed without the 附注's parentheses (联系人：张三，电话：…): a 附注 all the
# same, never a 署名.
_CONTACT = re.compile(r"^[（(]?\s*(?:联系人|联系电话|联系方式|电话|手机|传真)\s*[：:]")
NOTE_MAX_CHARS = 100
NOTE_MAX_LINES = 2
# 附件 / 附件1 / 附件 2 / 附件三 alone on a line (a colon is tolerated: 附件1：).
_ATTACHMENT_MARK = re.compile(r"^附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?"
                              r"\s*(?P<colon>[：:])?$")
ATTACHMENT_TITLE_MAX_CHARS = 60
_CC_START = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[：:]")
CC_MAX_LINES = 4
# A 抄送 or 出席 list continues on the next line only when its line ends with a separator.
_LIST_SEPARATORS = ("、", "，", ",", "；", ";")
CC_MAX_CHARS = 200
_PRINTED = re.compile(r"印\s*发$")
IMPRINT_MAX_CHARS = 60
# A 署名 or 印发机关 and a date on one line, with the spaces that push the date right.
ONE_LINE_MAX_CHARS = 80

# 总结 and 述职 often date the 落款 by month: 2024年1月, 二〇二四年一月.
_YEAR_MONTH = re.compile(r"^(?:[0-9０-９]{4}|[〇零OoＯ一二三四五六七八九]{4})\s*年\s*"
                         r"(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*月$")

# Forms and 申请 label the date line: 日期：2024年3月1日.
_DATE_LABEL = re.compile(r"^(?:日\s*期|时\s*间)\s*[：:]\s*")
# The seal or signature placeholder of a 落款: （盖章）, (签字).
_SEAL = re.compile(r"^[（(]\s*(?:盖\s*章|公\s*章|印\s*章|签\s*章|签\s*名|签\s*字)\s*[）)]$")

# --- 纪要 (§12) ----------------------------------------------------------------
_ATTENDANCE = re.compile(
    r"^(?:出\s*席|列\s*席|请\s*假|缺\s*席|参\s*加|参\s*会|主\s*持|记\s*录)(?:会议)?"
    r"(?:人员|领导|同志|单位|人)?\s*[：:]"
)
ATTENDANCE_MAX_LINES = 4

# --- 段内标题 (run-in headings) --------------------------------------------------
_RUN_IN_END = "。：；:;"
# Closing quotes and brackets right after the mark still belong to the heading sentence.
_RUN_IN_CLOSERS = "”’」』）)》"

# --- document kinds -------------------------------------------------------------
KIND_DOCUMENT = "document"
KIND_LETTER = "letter"     # 信函格式, GB/T 9704 §10
KIND_MINUTES = "minutes"   # 纪要格式, §12
# What a user may ask for (``layout=`` in Writer, ``--layout`` on the CLI).
LAYOUT_CHOICES = (KIND_LETTER, KIND_MINUTES)
# 函 before the bracket of the 发文字号: X政办函〔2024〕5号, X教函字〔2024〕3号.
_LETTER_NUMBER = re.compile(r"函\S{0,2}?\s*[〔\[［（(【〖]")


class HeadingNumber(NamedTuple):
    """The number at the start of a heading paragraph.

    ``level`` is 1..4, ``prefix`` the number exactly as typed (after leading
    whitespace, without the whitespace after it, so ``text.strip()`` starts with
    it) and ``normalized`` its GB/T 9704 form: ``一、``, ``（一）``, ``1.``, ``（1）``.
    """

    level: int
    prefix: str
    normalized: str


def _clean(text: str) -> str:
    """Trim whitespace of every kind (NBSP, U+3000, BOM, zero-width space)."""
    return text.strip().strip("\ufeff\u200b").strip()


def _ascii_number(digits: str) -> str:
    return str(int(digits.translate(_FULLWIDTH_DIGITS)))


def parse_heading_number(text: str) -> Optional[HeadingNumber]:
    """The heading number that starts ``text``, or None when it is not a heading.

    >>> parse_heading_number("一、强化理论武装，提高政治站位")
    HeadingNumber(level=1, prefix='一、', normalized='一、')
    >>> parse_heading_number("(一)学习理论")
    HeadingNumber(level=2, prefix='(一)', normalized='（一）')
    >>> parse_heading_number("１．读原著")
    HeadingNumber(level=3, prefix='１．', normalized='1.')
    >>> parse_heading_number(" 2、 抓落实")
    HeadingNumber(level=3, prefix='2、', normalized='2.')
    >>> parse_heading_number("(3)每周一次")
    HeadingNumber(level=4, prefix='(3)', normalized='（3）')

    Not headings: a number that is part of the sentence, or 一是 / 二是.

    >>> [parse_heading_number(t) for t in ("1.5万元用于…", "2021.12.31", "3.5%的增长",
    ...                                   "一、二季度全县…", "一是加强学习", "1、2月份…")]
    [None, None, None, None, None, None]
    """
    cleaned = _clean(text)
    match = _HEADING2.match(cleaned)
    if match:
        return HeadingNumber(2, match.group(0), f"（{match.group(1)}）")
    match = _HEADING4.match(cleaned)
    if match:
        return HeadingNumber(4, match.group(0), f"（{_ascii_number(match.group(1))}）")
    match = _HEADING1.match(cleaned)
    if match and not _NUMBER_ENUMERATION.match(cleaned[match.end():].lstrip()):
        return HeadingNumber(1, match.group(0), match.group(1) + "、")
    match = _HEADING3.match(cleaned)
    # 1.5 / 3.5% / 1、2月份: a digit right after the separator makes it a number.
    if match and not _DIGIT.match(cleaned[match.end():]) and _ascii_number(match.group(1)) != "0":
        return HeadingNumber(3, match.group(0), _ascii_number(match.group(1)) + ".")
    return None


def heading_level(text: str) -> int:
    """1..4 for a heading paragraph, 0 for anything else.

    >>> [heading_level(t) for t in ("三、存在的问题", "（二）主要做法", "3.抓落实", "（4）其他",
    ...                             "二是强化监督。", "（一）在句中不算")]
    [1, 2, 3, 4, 0, 2]
    >>> heading_level("全年完成（一）项")
    0
    """
    number = parse_heading_number(text)
    return number.level if number else 0


def classify(paragraphs: Sequence[str], kind: Optional[str] = None) -> List[str]:
    """One :class:`~gongwen.spec.Role` value per paragraph, in order.

    ``kind`` :data:`KIND_MINUTES` says the text is a 纪要 whatever its mark: a 发文机关标志
    is taken for its mark, and 出席/请假/列席 lists are looked for.

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
    texts = [_clean(paragraph) for paragraph in paragraphs]
    roles: List[Optional[str]] = [None if text else Role.BLANK for text in texts]
    head_start = _mark_banner(texts, roles)
    if kind == KIND_MINUTES and Role.MINUTES_MARK not in roles:
        head_start = _force_minutes_mark(texts, roles, head_start)
    body_start = _mark_head(texts, roles, head_start)
    record_start = _mark_record(texts, roles, body_start)
    # Attached texts belong before the 版记, but some are typed after it.
    main_end = min(record_start, _mark_attached_texts(texts, roles, body_start))
    main_end = _mark_unmarked_attached_text(texts, roles, body_start, main_end)
    _mark_attachments(texts, roles, body_start, main_end)
    if kind == KIND_MINUTES or _is_minutes(texts, roles):
        _mark_attendance(texts, roles, body_start, main_end)
    _mark_tail(texts, roles, body_start, main_end)
    return [role if role else _heading_or_body(text) for text, role in zip(texts, roles)]


def _heading_or_body(text: str) -> str:
    level = heading_level(text)
    if level and run_in_heading(text):
        return Role.BODY  # a 段内标题: the renderers set its first sentence in the level's font
    return (Role.BODY, Role.HEADING1, Role.HEADING2, Role.HEADING3, Role.HEADING4)[level]


class RunIn(NamedTuple):
    """A heading sentence that opens a body paragraph (段内标题).

    ``start`` and ``end`` are offsets in the paragraph text as given: from the heading
    number to just after the first ``。``, ``：`` or ``；`` (and a closing quote after it).
    """

    level: int
    start: int
    end: int


def run_in_heading(text: str) -> Optional[RunIn]:
    """The run-in heading that opens ``text``, or None.

    A paragraph is one when it opens with a heading number and its first sentence is
    followed by more text; :func:`classify` calls such a paragraph ``body``, so a
    renderer asks this for every ``body`` paragraph and styles ``text[start:end]``.

    >>> text = "（一）财富的唯一正常来源是“生产”。生产包括农业和工业。"
    >>> run = run_in_heading(text)
    >>> run, text[run.start:run.end]
    (RunIn(level=2, start=0, end=18), '（一）财富的唯一正常来源是“生产”。')
    >>> run_in_heading("  1.工作目标：到2025年，全县基本建成XX体系。")
    RunIn(level=3, start=2, end=9)
    >>> [run_in_heading(t) for t in ("一、指导思想", "（一）加强学习。", "一是学，二是用。",
    ...                              "（1）上午8:30报到")]
    [None, None, None, None]
    """
    number = parse_heading_number(text)
    if number is None:
        return None
    start = text.find(number.prefix)
    index = start + len(number.prefix)
    while index < len(text):
        mark = text[index]
        if mark in _RUN_IN_END and not _between_digits(text, index):
            end = index + 1
            while end < len(text) and text[end] in _RUN_IN_CLOSERS:
                end += 1
            return RunIn(number.level, start, end) if _clean(text[end:]) else None
        index += 1
    return None


def _between_digits(text: str, index: int) -> bool:
    """8:30, 1：2 — a colon inside a time or a ratio ends no sentence."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return before.translate(_FULLWIDTH_DIGITS).isdigit() and \
        after.translate(_FULLWIDTH_DIGITS).isdigit()


def document_kind(paragraphs: Sequence[str], paragraph_roles: Sequence[str]) -> str:
    """``minutes``, ``letter`` or ``document``: which GB/T 9704 format the text asks for.

    A 纪要 has a 纪要 mark (§12). A 函 (§10 信函格式) says so in its 发文字号
    (``X政办函〔2024〕5号``) or its title (``关于商请……的函``, ``……的复函``).
    Everything else is a ``document``.

    >>> texts = ["XX县人民政府办公室", "X政办函〔2024〕5号", "关于商请支持XX工作的函"]
    >>> document_kind(texts, classify(texts))
    'letter'
    >>> texts = ["XX县人民政府常务会议纪要", "第3期", "会议研究了XX工作。"]
    >>> document_kind(texts, classify(texts))
    'minutes'
    >>> document_kind(["工作总结", "正文。"], ["title", "body"])
    'document'
    """
    texts = [_clean(paragraph) for paragraph in paragraphs]
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
    cleaned = _clean(text)
    start = text.find(cleaned)
    right: Optional[int] = None
    if role == Role.DOC_NUMBER:
        signer = _SIGNER_IN_LINE.search(cleaned)
        right = signer.start() if signer and signer.start() > 0 else None
        if right is None:
            right = _signature_date_split(cleaned)
    elif role == Role.SIGNATURE_DATE:
        right = _signature_date_split(cleaned)
    elif role == Role.IMPRINT:
        found = _PRINTED.search(cleaned)
        right = _date_suffix_start(cleaned[:found.start()].rstrip()) if found else None
    if not right:
        return None
    left_end = start + len(cleaned[:right].rstrip())
    return Split(left_end, start + right)


def _next_filled(texts: List[str], index: int) -> int:
    """The first non-blank index at or after ``index`` (len(texts) if none)."""
    while index < len(texts) and not texts[index]:
        index += 1
    return index


# --- 版头 --------------------------------------------------------------------

def _banner_role(text: str) -> Optional[str]:
    """份号, 密级, 紧急程度, 发文机关标志 (…文件), 发文字号 or 签发人 by content alone.

    A line holding several 版头 codes takes the role of the first (份号 before 密级).

    >>> [_banner_role(t) for t in ("000123", "０００１２３ 机密★1年", "秘密 ★ 6个月", "特 急",
    ...                           "中共XX县委员会文件", "国办发[2020]50号", "签发人：张三")]
    ['copy_number', 'copy_number', 'secrecy', 'urgency', 'issuer', 'doc_number', 'signer']
    >>> [_banner_role(t) for t in ("1234567", "机密文件", "关于学习上级文件", "秘密地",
    ...                           "2024年第一季度学习文件")]
    [None, None, None, None, None]
    >>> _banner_role("X X 县 人 民 政 府 文 件"), _banner_role("文件")
    ('issuer', 'issuer')
    """
    codes = _BANNER_CODES.match(text)
    if codes and any(codes.groups()):
        if codes.group("copy"):
            return Role.COPY_NUMBER
        return Role.SECRECY if codes.group("secrecy") else Role.URGENCY
    if _ISSUER_FILE.match(text):
        agency = re.sub(r"\s+", "", text)[:-2]
        if not agency or _is_agency_word(agency):
            return Role.ISSUER
    if _DOC_NUMBER.match(text):
        return Role.DOC_NUMBER
    if _SIGNER_LINE.match(text):
        return Role.SIGNER
    return None


def _is_agency(text: str) -> bool:
    """An agency name: short, no punctuation at the end, ending in an organisation word."""
    return (len(text) <= AGENCY_MAX_CHARS and text[-1] not in _END_PUNCTUATION
            and not heading_level(text) and _is_agency_word(text))


def _is_agency_word(text: str) -> bool:
    """Ends in an organisation word, or is a template's ``XXXX`` standing for one."""
    return bool(_ORGANISATION_END.search(text) or _PLACEHOLDER_NAME.match(text))


def _mark_banner(texts: List[str], roles: List[Optional[str]]) -> int:
    """Mark the 版头 (and a 纪要's mark) at the top; return where the head starts.

    An agency name counts as a 发文机关标志 only when a 发文字号 (or a ``…文件`` line)
    follows it; otherwise it stays for the title (``XX县XX局`` over ``述职报告``).
    """
    index = _next_filled(texts, 0)
    names: List[int] = []
    minutes = False
    while index < len(texts):
        text = texts[index]
        if _RULE_LINE.match(text):
            index = _next_filled(texts, index + 1)
            continue
        role = _banner_role(text)
        if role is None and minutes and _is_minutes_number(text, after_a_name=bool(names)):
            role = Role.DOC_NUMBER
        if role is None and not names and not minutes and _is_minutes_mark(text):
            role = Role.MINUTES_MARK
            minutes = True
        if role is None:
            if not _is_agency(text) or len(names) >= ISSUER_MAX_LINES:
                break
            names.append(index)
        else:
            if role in (Role.DOC_NUMBER, Role.ISSUER):
                for name in names:  # under a 纪要 mark, the 印发机关 of its date line
                    roles[name] = Role.DOC_NUMBER if minutes else Role.ISSUER
                names = []
            roles[index] = role
        index = _next_filled(texts, index + 1)
    return names[0] if names else index


def _force_minutes_mark(texts: List[str], roles: List[Optional[str]], head_start: int) -> int:
    """``layout=minutes`` on a text without a 纪要 mark: its 发文机关标志, or else a first
    line that is an agency name, is the mark, and a ``第N期`` under it the number; returns
    where the head starts."""
    issuers = [index for index in range(head_start) if roles[index] == Role.ISSUER]
    if issuers:
        roles[issuers[0]] = Role.MINUTES_MARK
        return head_start
    first = _next_filled(texts, 0)
    if first >= len(texts) or roles[first] is not None or not _is_agency(texts[first]):
        return head_start
    roles[first] = Role.MINUTES_MARK
    index = _next_filled(texts, first + 1)
    while index < len(texts) and roles[index] is None \
            and _is_minutes_number(texts[index], after_a_name=False):
        roles[index] = Role.DOC_NUMBER
        index = _next_filled(texts, index + 1)
    return index


def _is_minutes_number(text: str, after_a_name: bool) -> bool:
    """What sits under a 纪要 mark where a 发文字号 would: ``第3期``, the 印发机关 and date
    on one line, or the date alone under the 印发机关's line."""
    return (bool(_MINUTES_NUMBER.match(text)) or _signature_date_split(text) is not None
            or (after_a_name and _is_tail_date(text)))


def _is_minutes_mark(text: str) -> bool:
    """``XX县人民政府常务会议纪要``, not a title such as ``关于……的会议纪要``."""
    return bool(_MINUTES_MARK.match(text)) and "关于" not in text and "的" not in text


# --- head ----------------------------------------------------------------------

def _mark_head(texts: List[str], roles: List[Optional[str]], start: int) -> int:
    """Mark 标题, a 发文字号 under it, and 称谓; return the index where the body starts."""
    index = _next_filled(texts, start)
    while index < len(texts) and _RULE_LINE.match(texts[index]):
        index = _next_filled(texts, index + 1)
    above = set(roles[:index]) - {None, Role.BLANK}
    under_banner = bool(above) and Role.MINUTES_MARK not in above
    limit = BANNER_TITLE_MAX_CHARS if under_banner else TITLE_MAX_CHARS
    lines = 0
    while (index < len(texts) and roles[index] is None and lines < TITLE_MAX_LINES
           and _is_title_line(texts[index], limit) and not _is_subtitle(texts[index])):
        roles[index] = Role.TITLE
        index += 1
        lines += 1
    while lines and index < len(texts) and roles[index] is None \
            and _is_subtitle(texts[index]):
        roles[index] = Role.SUBTITLE
        index += 1
    index = _next_filled(texts, index)
    # gov.cn and copied texts put the 发文字号 (and a 签发人) under the title.
    while (index < len(texts) and roles[index] is None
           and _banner_role(texts[index]) in (Role.DOC_NUMBER, Role.SIGNER)):
        roles[index] = _banner_role(texts[index])
        index = _next_filled(texts, index + 1)
    index = _next_filled(texts, index)
    if index < len(texts) and roles[index] is None and _is_addressee(texts[index]):
        roles[index] = Role.ADDRESSEE
        index += 1
    return index


def _is_title_line(text: str, max_chars: int = TITLE_MAX_CHARS) -> bool:
    """Short, no end punctuation, and neither a heading, a date nor a 版头 line.

    >>> _is_title_line("XX县政协领导班子XXXX年度述职报告")
    True
    >>> _is_title_line("一、加强学习"), _is_title_line("国发〔2024〕11号")
    (False, False)
    >>> _is_title_line("第一章　总则")
    False
    """
    return (
        bool(text)
        and len(text) <= max_chars
        and text[-1] not in _END_PUNCTUATION
        and not heading_level(text)
        and not _is_tail_date(text)
        and _banner_role(text) not in (Role.DOC_NUMBER, Role.SIGNER, Role.COPY_NUMBER)
        and not _ATTENDANCE.match(text)
        and not _CHAPTER.match(text)
    )


# 第一章 总则 / 第二条 … of an attached 办法 or 规定: body, never part of a title above.
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百零〇0-9０-９]+[章节条部分编]")


_SUBTITLE_DASH = re.compile(r"^(?:——|—|－－|--)")
_SUBTITLE_WORDS = re.compile(r"[0-9０-９〇一二三四五六七八九十]+年|讲话|发言|报告|会议|述职|汇报")


def _is_subtitle(text: str) -> bool:
    """The line under a title: ``——在全县经济工作会议上的讲话``, ``（2024年12月10日）``,
    ``（在XX会议上的发言）`` (a dash, or parentheses around a date or a speech's occasion).

    >>> [_is_subtitle(t) for t in ("——XX县XX局局长 张三", "（2026年12月）", "（此件公开发布）",
    ...                            "（一）加强学习", "关于做好防汛工作的通知")]
    [True, True, False, False, False]
    """
    text = text.strip()
    if not text or len(text) > TITLE_MAX_CHARS or text[-1] in _END_PUNCTUATION:
        return False
    if _SUBTITLE_DASH.match(text):
        return True
    return bool(_BRACKETED.match(text)) and not heading_level(text) \
        and bool(_SUBTITLE_WORDS.search(text))


def _is_addressee(text: str) -> bool:
    """称谓 / 主送: a short line ending with a colon that names people or bodies.

    >>> _is_addressee("各位领导、同志们：")
    True
    >>> _is_addressee("现将一年来的工作报告如下：")
    False
    """
    return (
        text.endswith(_ADDRESSEE_END)
        and len(text) <= ADDRESSEE_MAX_CHARS
        and not any(mark in text for mark in "。！？；;")
        and not _NOT_ADDRESSEE.search(text)
        and not heading_level(text)
        and not _ATTENDANCE.match(text)
    )


# --- 版记 ----------------------------------------------------------------------

def _is_imprint(text: str) -> bool:
    """印发机关和印发日期: ``XX县人民政府办公室    2024年3月1日印发``.

    >>> _is_imprint("XX县人民政府办公室        2024年3月1日印发"), _is_imprint("2024年3月1日印发")
    (True, True)
    >>> _is_imprint("会议决定，由县政府办公室于2024年3月1日印发")
    False
    >>> _is_imprint("本办法由县政府办公室于2024年3月1日印发")
    False
    """
    found = _PRINTED.search(text)
    if not found or len(text) > IMPRINT_MAX_CHARS:
        return False
    before = text[:found.start()].rstrip()
    split = _date_suffix_start(before)
    if split is None:
        return False
    agency = before[:split].strip()
    return not agency or _is_agency_word(re.sub(r"\s+", "", agency))


def _mark_record(texts: List[str], roles: List[Optional[str]], start: int) -> int:
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
            while (text.endswith(_LIST_SEPARATORS) and index + 1 < len(texts)
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
            and not _ATTACHMENT_MARK.match(text)
            and sum(text.count(mark) for mark in _SENTENCE_END) <= int(text.endswith("。")))


# --- 附件 after the 落款 ----------------------------------------------------------

def _is_attachment_title(text: str) -> bool:
    return (bool(text) and len(text) <= ATTACHMENT_TITLE_MAX_CHARS
            and text[-1] not in _END_PUNCTUATION and not heading_level(text)
            and not _is_tail_date(text) and not _ATTACHMENT_MARK.match(text))


def _mark_attached_texts(texts: List[str], roles: List[Optional[str]], start: int) -> int:
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
        following = _next_filled(texts, index + 1)
        if not _starts_attached_text(texts, roles, index, following, main_end < len(texts)):
            index += 1
            continue
        roles[index] = Role.ATTACHMENT_MARK
        main_end = min(main_end, index)
        if _ATTACHMENT_MARK.match(texts[index]) and following < len(texts) \
                and roles[following] is None and _is_attachment_title(texts[following]):
            roles[following] = Role.ATTACHMENT_TITLE
        index = following
    _mark_attached_tails(texts, roles, main_end)
    return main_end


def _starts_attached_text(
    texts: List[str], roles: List[Optional[str]], index: int, following: int, seen: bool
) -> bool:
    """Whether the ``附件…`` line at ``index`` is the mark that starts an attached text."""
    text = texts[index]
    mark = _ATTACHMENT_MARK.match(text)
    inline = _ATTACHMENT_START.match(text)
    if not mark and not inline:
        return False
    has_next = following < len(texts) and roles[following] is None
    items_follow = has_next and bool(_ATTACHMENT_ITEM.match(texts[following]))
    after_tail = seen or _follows_a_tail(texts, index)
    if mark and not mark.group("colon"):
        return after_tail or (has_next and _is_attachment_title(texts[following]))
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
    return _is_tail_date(text) or _signature_date_split(text) is not None or _is_bracketed(text)


def _mark_unmarked_attached_text(
    texts: List[str], roles: List[Optional[str]], start: int, end: int
) -> int:
    """An attached text right after the 落款 with no ``附件`` line; return the main text's end.

    Copies of 印发 notices (``关于印发《XX办法》的通知``) from government web sites run
    the 落款, the 附注 and then the 办法's own title and text. The 落款 is recognised in
    the middle when a 附注 follows its date (``（此件公开发布）``), or, in a notice that
    印发/转发 something, when a title-like line follows it.
    """
    title = "".join(text for text, role in zip(texts, roles) if role == Role.TITLE)
    issues_a_text = any(word in title for word in ("印发", "转发", "颁布", "发布"))
    for index in range(start, end):
        if roles[index] is not None or not _is_signed_date(texts, roles, index, start):
            continue
        after = _next_filled(texts, index + 1)
        noted = False
        while after < end and _is_bracketed(texts[after]) and _NOTE_WORDS.search(texts[after]):
            noted = True
            after = _next_filled(texts, after + 1)
        following = _next_filled(texts, after + 1)
        if (noted or issues_a_text) and following < end and roles[after] is None \
                and _is_attachment_title(texts[after]):
            roles[after] = Role.ATTACHMENT_TITLE
            _mark_tail(texts, roles, after + 1, end)
            return after
    return end


def _is_signed_date(texts: List[str], roles: List[Optional[str]], index: int, start: int) -> bool:
    """A one-line 落款, or a date line under a line that reads as a 署名."""
    if len(texts[index]) > ONE_LINE_MAX_CHARS:
        return False  # every paragraph passes here: skip the date parser on long ones
    if _signature_date_split(texts[index]) is not None:
        return True
    above = index - 1
    while above >= start and not texts[above]:
        above -= 1
    return (_is_tail_date(texts[index]) and above >= start and roles[above] is None
            and _is_signature(texts[above], dated=True))


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
        _mark_tail(texts, roles, index + 1, end)
        index = end


_ENDS_AN_ATTACHED_TEXT = (Role.ATTACHMENT_MARK, Role.CC, Role.IMPRINT)


# --- 纪要 ------------------------------------------------------------------------

def _is_minutes(texts: List[str], roles: List[Optional[str]]) -> bool:
    """A 纪要 by its mark, or by a title such as ``关于……的会议纪要``."""
    if Role.MINUTES_MARK in roles:
        return True
    title = "".join(text for text, role in zip(texts, roles) if role == Role.TITLE)
    return title.endswith("纪要")


def _mark_attendance(
    texts: List[str], roles: List[Optional[str]], start: int, end: int
) -> None:
    """出席：/ 请假：/ 列席：lines of a 纪要, with the name lists wrapped under them."""
    index = start
    while index < end:
        if roles[index] is None and _ATTENDANCE.match(texts[index]):
            roles[index] = Role.ATTENDANCE
            lines = 1
            while (index + 1 < end and lines < ATTENDANCE_MAX_LINES
                   and texts[index].endswith(_LIST_SEPARATORS) and roles[index + 1] is None
                   and _is_name_list(texts[index + 1])):
                index += 1
                roles[index] = Role.ATTENDANCE
                lines += 1
        index += 1


def _is_name_list(text: str) -> bool:
    return (bool(text) and not _ATTENDANCE.match(text) and not heading_level(text)
            and sum(text.count(mark) for mark in _SENTENCE_END) <= int(text.endswith("。"))
            and ("、" in text or "，" in text or len(text) <= AGENCY_MAX_CHARS))


# --- the main text's tail --------------------------------------------------------

def _mark_attachments(
    texts: List[str], roles: List[Optional[str]], start: int, end: int
) -> None:
    """附件说明: the ``附件：`` line and the numbered list lines right under it.

    A ``附件：`` line with nothing after the colon takes the next line even unnumbered
    (one attachment named on the line below).
    """
    index = start
    while index < end:
        if roles[index] is None and _ATTACHMENT_START.match(texts[index]):
            roles[index] = Role.ATTACHMENT
            bare = _ATTACHMENT_START.match(texts[index]).end() == len(texts[index])
            index += 1
            if (bare and index < end and roles[index] is None
                    and _is_attachment_title(texts[index])):
                roles[index] = Role.ATTACHMENT
                index += 1
            while index < end:
                if texts[index] and _ATTACHMENT_ITEM.match(texts[index]):
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
_ITEM_NUMBER = re.compile(r"^(?:" + _ATTACHMENT_START.pattern.lstrip("^") + r"\s*)?("
                          + _DIGITS + r")\s*[.．、]")


def _item_number(match: re.Match) -> int:
    return int(match.group(1).translate(_FULLWIDTH_DIGITS))


def _mark_tail(texts: List[str], roles: List[Optional[str]], start: int, end: int) -> None:
    """Walk up from ``end``: 附注, 成文日期 (or a one-line 落款), 署名, 结束语.

    附件说明 lines (already marked) may sit between; a 附注 naming a contact may also
    sit between the 署名 and the 结束语.
    """
    index = _skip_up(roles, end - 1, start)
    while index >= start and _RULE_LINE.match(texts[index]):
        index = _skip_up(roles, index - 1, start)  # a 版记 rule typed above the 抄送
    while index >= start and _SEAL.match(texts[index]):
        roles[index] = Role.SIGNATURE  # （盖章） under the date still belongs to the 落款
        index = _skip_up(roles, index - 1, start)
    index = _mark_notes(texts, roles, index, start)
    dates = 0
    while index >= start and dates < DATE_MAX_LINES:
        if _is_tail_date(texts[index]):
            roles[index] = Role.DATE
        elif not dates and _signature_date_split(texts[index]) is not None:
            roles[index] = Role.SIGNATURE_DATE
        else:
            break
        dates += 1
        index = _skip_up(roles, index - 1, start)
    signatures = 0
    while (index >= start and signatures < SIGNATURE_MAX_LINES
           and _is_signature(texts[index], dated=dates > 0)):
        roles[index] = Role.SIGNATURE
        signatures += 1
        index = _skip_up(roles, index - 1, start)
    if dates or signatures:
        index = _mark_notes(texts, roles, index, start, by_words_only=True)
    closings = 0
    while index >= start and closings < 2 and _is_closing(texts[index]):
        roles[index] = Role.CLOSING
        closings += 1
        index = _skip_up(roles, index - 1, start)
    if not closings and (dates or signatures) and _is_generic_closing(texts, roles, index, start):
        roles[index] = Role.CLOSING


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
            _is_bracketed(texts[index]) or _is_contact(texts[index])):
        found.append(index)
        index = _skip_up(roles, index - 1, start)
    if not found:
        return index
    dated = not by_words_only and index >= start and (
        _is_tail_date(texts[index]) or _signature_date_split(texts[index]) is not None)
    if not dated and not all(_NOTE_WORDS.search(texts[line]) for line in found):
        return found[0]
    for line in found:
        roles[line] = Role.NOTE
    return index


def _is_contact(text: str) -> bool:
    """联系人：张三，电话：12345678 (the parentheses forgotten).

    >>> _is_contact("联系人：李四，电话：12345678901"), _is_contact("联系人要及时报送。")
    (True, False)
    """
    return len(text) <= NOTE_MAX_CHARS and bool(_CONTACT.match(text))


def _is_bracketed(text: str) -> bool:
    return (len(text) <= NOTE_MAX_CHARS and bool(_BRACKETED.match(text)) and not _SEAL.match(text)
            and not heading_level(text) and not is_date_line(text.strip("（）()")))


def _is_tail_date(text: str) -> bool:
    """A 成文日期 as people type it under a 署名: a full date, or a year and month only.

    >>> [_is_tail_date(t) for t in ("2024年1月5日", "2024年1月", "二〇二四年一月", "2024年",
    ...                             "日期：2024年  月  日")]
    [True, True, True, False, True]
    """
    text = _DATE_LABEL.sub("", text, count=1)
    return is_date_line(text) or bool(_YEAR_MONTH.match(text))


# What a date ends with: 日/号, a digit (2021.12.31), or 月 (a year and month only).
_DATE_ENDINGS = tuple("日号月0123456789０１２３４５６７８９")


def _date_suffix_start(text: str) -> Optional[int]:
    """Where a date that ends ``text`` starts, if ``text`` ends with one (short lines only)."""
    if len(text) > ONE_LINE_MAX_CHARS or not text.rstrip().endswith(_DATE_ENDINGS):
        return None  # every paragraph comes here: the parser only for what can end a date
    for start in range(len(text)):
        if not text[start].isspace() and _is_tail_date(text[start:]):
            return start
    return None


def _signature_date_split(text: str) -> Optional[int]:
    """Where the date starts in a one-line 落款 (``事业六部      2018年 1 月26日``), or None.

    The 署名 and the date must be apart by whitespace, and the 署名 must read as one.

    >>> _signature_date_split("事业六部          2018年 1 月26日")
    14
    >>> _signature_date_split("XX县人民政府\u30002024年3月1日")
    8
    >>> [_signature_date_split(t) for t in ("2024年3月1日", "会议时间： 2024年3月1日",
    ...                                    "截至2024年3月1日")]
    [None, None, None]
    """
    split = _date_suffix_start(text)
    if not split or not text[split - 1].isspace():
        return None
    name = text[:split].strip()
    if not name or any(mark in name for mark in _SENTENCE_MARKS):
        return None  # "全年工作取得成效，截至 2024年3月1日" is a sentence, not a 署名
    return split if _is_signature(name, dated=True) else None


def _skip_up(roles: List[Optional[str]], index: int, start: int) -> int:
    """Move up over blank and already-marked (附件说明) paragraphs."""
    while index >= start and roles[index] is not None:
        index -= 1
    return index


def _is_signature(text: str, dated: bool) -> bool:
    """署名: short, no end punctuation; without a date only a label or an organisation.

    >>> _is_signature("述职人：XXX", dated=False)
    True
    >>> _is_signature("XX县政协办公室", dated=False)
    True
    >>> _is_signature("张三", dated=True), _is_signature("张三", dated=False)
    (True, False)
    """
    if _SEAL.match(text):
        return True
    if _CONTACT.match(text):
        return False
    label = _SIGNATURE_LABEL.match(text)
    if label and label.end() == len(text):
        return True  # "申请人（签字）：" left empty for the pen
    if len(text) > SIGNATURE_MAX_CHARS or text[-1] in _END_PUNCTUATION:
        return False
    if heading_level(text) or _is_closing(text) or _is_tail_date(text) or _BRACKETED.match(text):
        return False
    return dated or bool(_SIGNATURE_LABEL.match(text) or _ORGANISATION_END.search(text))


def _is_closing(text: str) -> bool:
    """结束语 by its usual words: 特此报告。/ 以上述职，请予审议。/ 妥否，请批示。

    >>> _is_closing("以上报告，请审议。"), _is_closing("以上工作取得了明显成效。")
    (True, False)
    """
    sentences = sum(text.count(mark) for mark in _SENTENCE_END)
    return len(text) <= CLOSING_MAX_CHARS and sentences <= 2 and bool(_CLOSING.match(text))


def _is_generic_closing(
    texts: List[str], roles: List[Optional[str]], index: int, start: int
) -> bool:
    """A short lone sentence right above the 落款, after body text (not under a heading)."""
    if index < start:
        return False
    text = texts[index]
    if len(text) > GENERIC_CLOSING_MAX_CHARS or text[-1] not in _SENTENCE_END:
        return False
    if sum(text.count(mark) for mark in _SENTENCE_END) != 1 or heading_level(text):
        return False
    above = _skip_up(roles, index - 1, start)
    return above >= start and not heading_level(texts[above])
