"""规范写法 of punctuation (GB/T 15834) and of the numbers it touches (GB/T 15835).

One judge, three users: 规范写法's ``punctuation`` kind (:mod:`gongwen.normalize`, both
renderers), the format checker's ``punctuation`` problem (:mod:`gongwen.formatcheck`) and
the grammar checker that underlines slips as the author types. All of them ask
:func:`punctuation_fixes` (what to change) and :func:`punctuation_doubts` (a half-width
mark in Chinese text whose meaning is not clear: it stays, and ``lint`` reports it).

What changes, in Chinese context (a Chinese character or full-width mark beside it):

- half-width ``, . : ; ? ! ( )`` → ``，。：；？！（）``; straight quotes ``" '`` → paired
  ``“ ”``, a quotation inside a quotation taking the other kind (``“…‘…’…”``);
- ``--`` between Chinese → ``——``; ``...``, ``。。。`` or a lone ``…`` → ``……``;
- a space typed between two Chinese characters or beside a full-width mark goes;
- everywhere: full-width digits and Latin letters (``２０２５``, ``ＧＢ``) → half-width.

What stays exactly as typed: times (``9:30``), decimals and percentages (``3.5%``),
thousands (``1,250``), URLs, e-mail addresses, file names (``申报表.docx``), version and
standard numbers (``v2.3.1``, ``GB/T 9704-2012``), telephone numbers, Latin sentences,
placeholders (``年  月  日``), a heading's own number (``1.`` ``一.`` ``(一)``: the
``numbering`` kind's job) and a list number inside a sentence (``：1.加强…；2.完善…``).
Fields, hyperlink addresses and formulas are not text here: the renderers leave them out.

The rules are data (:data:`RULES`): each has a kind, a sentence of explanation, and
examples the unit tests run: ``fixes`` (text → what a careful editor writes), ``keeps``
(text that must come back unchanged, with nothing in doubt) and ``doubts`` (unchanged, but
reported).

>>> text = '为做好工作,现通知如下:一是"加强"领导(试行).'
>>> apply_fixes(text, punctuation_fixes(text))
'为做好工作，现通知如下：一是“加强”领导（试行）。'
>>> punctuation_fixes("上午9:30在3号楼开会，增长3.5%。")
[]

Offsets are Python ``str`` indices (code points); fixes are sorted and never overlap.
Standard library only, Python 3.8.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, NamedTuple, Optional, Tuple

from gongwen import placeholders, roles


class TextFix(NamedTuple):
    """Replace ``text[start:end]`` (code points) with ``replacement``."""

    start: int
    end: int
    replacement: str


class Finding(NamedTuple):
    """A fix or a doubt, with the rule that found it (:data:`KINDS`)."""

    start: int
    end: int
    replacement: str  # a doubt: the likely full-width form, for the message only
    kind: str


class Analysis(NamedTuple):
    fixes: List[Finding]
    doubts: List[Finding]


class Rule(NamedTuple):
    """One kind of fix, as data: what it does and the examples the unit tests run."""

    kind: str
    doc: str
    fixes: Tuple[Tuple[str, str], ...]  # (typed, as a careful editor writes it)
    keeps: Tuple[str, ...] = ()  # comes back unchanged, nothing in doubt
    doubts: Tuple[str, ...] = ()  # comes back unchanged, one mark or more in doubt


MARK = "mark"  # , . : ; ? ! → ，。：；？！
BRACKET = "bracket"  # ( ) → （ ）
QUOTE = "quote"  # " ' → “ ” ‘ ’
DASH = "dash"  # -- → ——
ELLIPSIS = "ellipsis"  # ... 。。。 … → ……
SPACE = "space"  # a space between Chinese characters or beside a full-width mark
WIDTH = "width"  # ２０２５ ＧＢ → 2025 GB
LIST_NUMBER = "list-number"  # 一. inside a sentence → 一、
KINDS = (MARK, BRACKET, QUOTE, DASH, ELLIPSIS, SPACE, WIDTH, LIST_NUMBER)

# ---- characters -----------------------------------------------------------------------------

_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
# Full-width marks: what GB/T 15834 sets in Chinese text (the space rule works beside them).
FULL_WIDTH_MARKS = "，。、；：？！（）【】《》〈〉「」『』〔〕〖〗“”‘’—…·～﹏￥"
_HALF_TO_FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！",
                 "(": "（", ")": "）"}
# Spaces the space rule removes; tabs and line breaks are layout and stay.
_SPACES = " \u00a0\u3000"
# Neighbours are looked for past these (“我们 , 他们”: the comma is between Chinese).
_SKIPPED = " \u00a0\t"
# A short run is a slip; a longer one pushes something right (a 落款's date, 签发人).
MAX_SLIP_SPACES = 2
# Full-width digits and letters → ASCII (GB/T 15835 writes numbers half-width).
_WIDTH = {code: code - 0xFEE0 for code in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
          + list(range(0xFF41, 0xFF5B))}


def is_han(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _HAN_RANGES)


def is_chinese(ch: str) -> bool:
    """A Chinese character or a full-width mark: the context that makes a mark Chinese."""
    if not ch:
        return False
    code = ord(ch)
    return (is_han(ch) or 0x3000 <= code <= 0x303F or ch in FULL_WIDTH_MARKS
            or (0xFF01 <= code <= 0xFF65 and code not in _WIDTH))


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


# ---- what stays exactly as typed (protected spans) ------------------------------------------

_EXTENSIONS = ("docx|doc|dotx|dot|docm|wps|wpt|xlsx|xls|xlsm|et|csv|pptx|ppt|dps|pdf|ofd|txt|"
               "rtf|odt|ods|odp|zip|rar|7z|gz|tar|jpg|jpeg|png|gif|bmp|tif|tiff|svg|mp3|mp4|"
               "avi|mov|wav|html|htm|xml|json|yaml|yml|md|py|js|exe|msi|apk|dwg|ceb|caj")


_WORD = r"[A-Za-z][A-Za-z0-9'’-]*"
_LATIN_END = r"(?:[.?!]+(?![A-Za-z0-9]))?"


class Protect(NamedTuple):
    """A kind of text whose marks stay as typed, as a pattern with its examples.

    Each example must be covered by one match of the pattern (the unit tests run them).
    """

    kind: str
    pattern: str
    doc: str
    examples: Tuple[str, ...]


PROTECTED = (
    Protect("url", r"(?:(?:https?|ftp)://|www\.)"
                   r"(?:[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’()\"']"
                   r"|\([^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’()\"']*\))*"
                   r"(?<=[A-Za-z0-9/=&_%#~+)-])",
            "web addresses, to their last character that is no mark (brackets inside one "
            "in pairs): the sentence's brackets and full stop stay outside",
            ("https://www.gov.cn/zhengce/2024.html", "http://10.1.1.1:8080/login?a=1",
             "www.gov.cn", "http://example.com/a_(b)")),
    Protect("email", r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+[A-Za-z]",
            "e-mail addresses (from the start of the run only: tried from each character, a "
            "paragraph of 30 000 X took seconds)",
            ("office@example.gov.cn", "li.si@163.com")),
    Protect("file", r"(?<=[^\s.])\.(?i:" + _EXTENSIONS + r")(?![A-Za-z0-9])",
            "the dot of a file name's extension, after Chinese too (申报表.docx)",
            ("申报表.docx", "report.PDF", "附件1.xlsx")),
    Protect("domain", r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
                      r"\.(?:cn|com|net|org|gov|edu|js|io)(?![A-Za-z0-9])",
            "names with dots: Node.js, gov.cn", ("Node.js", "mof.gov.cn")),
    Protect("phone", r"(?:\(0\d{2,3}\)|（0\d{2,3}）)\s?\d{7,8}(?:-\d{1,6})?"
                     r"|(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)"
                     r"|(?<!\d)0\d{2,3}-\d{7,8}(?:-\d{1,6})?(?!\d)|(?<!\d)[48]00-?\d{3}-?\d{4}(?!\d)",
            "telephone numbers, an area code in brackets included",
            ("(010)12345678", "（0571）87654321", "13812345678", "010-66668888-123",
             "400-800-1234")),
    Protect("abbreviation", r"(?<![A-Za-z])(?:[A-Za-z]\.){2,}"
                            r"|\b(?:No|Nos|Fig|Vol|pp|Inc|Ltd|Co|Corp|Dr|Mr|Mrs|Ms|St|vs|etc)\.",
            "Latin abbreviations: U.S. e.g. No. Fig. Inc.", ("U.S.", "e.g.", "No.", "Inc.")),
    Protect("thousands", r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])",
            "thousands separators", ("1,250", "12,345,678.90")),
    Protect("number", r"(?<![\d.])[vV]?\d+(?:[.:]\d+)+%?",
            "decimals, percentages, times, ratios, versions, dotted dates: 3.5% 9:30 1:500 "
            "v2.3.1 2025.1.1",
            ("3.5%", "9:30", "14:30:00", "v2.3.1", "1:500")),
    Protect("standard", r"\b(?:GB|DB|GA|GM|HJ|JJF|JJG|YY|QB|SJ|ISO|IEC)(?:/[TZ])?\s?\d+"
                        r"(?:\.\d+)*(?:[-—:]\d{2,4})?",
            "standard numbers", ("GB/T 9704-2012", "GB 2312-80", "ISO 9001:2015")),
    Protect("list-number", r"(?:^|(?<=[\s，。；：、（(:;,]))(?:\d{1,2}|[A-Za-z])\.(?![\d.])",
            "a list number inside a sentence (：1.加强…；2.完善…; GB/T 15834 writes it so)",
            ("：1.加强", "；b.完善", "（2.落实")),
    Protect("latin", r"(?<![A-Za-z0-9'’-])" + _WORD + r"(?:(?:\s*[,;:]\s*|\s+)" + _WORD + r"){2,}"
                     + _LATIN_END
                     + r"|(?<![A-Za-z0-9'’-])" + _WORD + r"(?:\s+" + _WORD + r")*\s*[,;:]\s*"
                     + _WORD + r"(?:(?:\s*[,;:]\s*|\s+)" + _WORD + r")*" + _LATIN_END,
            "a Latin sentence: three words or more, or two with a comma between, with its "
            "end mark (from a word's start only, or a paragraph of 30 000 X is quadratic); "
            "two words without a comma are a name (Spring Boot)",
            ("Hello, my world.", "This is English, mostly.", "I love this job!",
             "Hello, world.")),
)
# A reference list entry (GB/T 7714 writes it with its own marks: 张三. 公文写作[M]. 北京:
# 人民出版社, 2020.): the whole paragraph stays.
REFERENCE = Protect("reference", r"\[(?:M|J|N|C|D|R|S|P|G|Z|A|EB|DB|CP)(?:/(?:OL|CD|DK|MT))?\]",
                    "a paragraph that cites a work with its GB/T 7714 type mark stays whole",
                    ("公文写作[M]", "[EB/OL]", "学报[J]"))
_REFERENCE = re.compile(REFERENCE.pattern)

# Every pattern starts with one of these: the lookahead fails at once on Chinese text, where
# trying each alternative at each character took 0.16 s for the 100-page report's paragraphs
# (0.03 s with it).
_PROTECTED = re.compile("(?=[A-Za-z0-9(（+._%-])(?:"
                        + "|".join("(?:" + rule.pattern + ")" for rule in PROTECTED) + ")")


def _protected(text: str, label: Optional[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Spans whose marks stay, and the heading's number ``label`` if any."""
    if _REFERENCE.search(text):
        return [(0, len(text))]
    spans = [(match.start(), match.end()) for match in _PROTECTED.finditer(text) if match.end()]
    if label is not None:
        spans.append(label)
    return spans


def _heading_label(text: str) -> Optional[Tuple[int, int]]:
    """A heading's number: the numbering kind's, whatever it holds (１. stays too)."""
    number = roles.parse_heading_number(text)
    if number is None:
        return None
    start = text.find(number.prefix)
    return start, start + len(number.prefix)


class _Spans:
    """Membership in sorted spans, by index."""

    def __init__(self, size: int, spans: Iterable[Tuple[int, int]]) -> None:
        self.inside = bytearray(size)
        for start, end in spans:
            self.inside[start:end] = b"\x01" * (end - start)

    def __contains__(self, index: int) -> bool:
        return bool(self.inside[index])

    def any(self, start: int, end: int) -> bool:
        return any(self.inside[start:end])


# ---- the rules as data ----------------------------------------------------------------------

RULES = (
    Rule(MARK, "Half-width , . : ; ? ! beside Chinese become full-width. A period needs "
               "Chinese before it (after Latin it may be an abbreviation: in doubt); a comma "
               "between digits that is no thousands separator is in doubt.",
         fixes=(("为切实做好工作,现将有关事项通知如下:", "为切实做好工作，现将有关事项通知如下："),
                ("我们完成了任务.", "我们完成了任务。"),
                ("真的吗?", "真的吗？"), ("太好了!", "太好了！"),
                ("一是加强领导;二是完善制度.", "一是加强领导；二是完善制度。"),
                ("我们 , 他们", "我们，他们"),
                ("采用了ABC,以便于管理", "采用了ABC，以便于管理"),
                ("电话:010-66668888", "电话：010-66668888"),
                ("上午9:30,在3号楼开会", "上午9:30，在3号楼开会"),
                ("共计1,250万元,比上年增长3.5%.", "共计1,250万元，比上年增长3.5%。"),
                ("什么?!", "什么？！"),
                ("附件:1.XXX实施方案", "附件：1.XXX实施方案"),
                ("（见附件）.", "（见附件）。"),
                ("本项目采用Spring Boot.", "本项目采用Spring Boot。")),
         keeps=("上午9:30在3号楼开会", "增长3.5个百分点", "比例尺1:500", "共计1,250万元",
                "Hello, world. This is English.", "OK", "详见https://www.gov.cn/zhengce/2024.html的通知。",
                "联系邮箱：office@example.gov.cn，", "请填写申报表.docx并于周五前报送。",
                "升级到v2.3.1版本", "按GB/T 9704-2012执行", "请使用Node.js开发",
                "主要有三点：1.加强领导；2.完善制度", "他说：I love this job.",
                "1.后台管理", "2.5万元用于培训", "访问mof.gov.cn查询", "ISO 9001:2015认证",
                "2025.1.1", "详见www.example.gov.cn网站，Hello, world.", "美国（U.S.）经济",
                "详见No.3文件", "[1]张三.公文写作[M].北京:人民出版社,2020."),
         doubts=("第2,3条", "使用了App.然后", "Why?我们")),
    Rule(BRACKET, "Half-width brackets beside or around Chinese become full-width, as a "
                  "pair; f(x) and (a) after a letter or digit stay; a bracket without its "
                  "partner is in doubt.",
         fixes=(("领导小组(以下简称领导小组)", "领导小组（以下简称领导小组）"),
                ("世界贸易组织(WTO)成员", "世界贸易组织（WTO）成员"),
                ("GDP(国内生产总值)", "GDP（国内生产总值）"),
                ("（试行)", "（试行）"), ("(2025年)", "（2025年）"),
                ("包括(一)理论学习", "包括（一）理论学习"),
                ("要求 (见附件) 执行", "要求（见附件）执行")),
         keeps=("函数f(x)的值", "电话(010)12345678", "(一)学习理论", "(1)每周一次",
                "Hello (world) again"),
         doubts=("本办法(试行", "；1)加强领导")),
    Rule(QUOTE, "Straight quotes in Chinese text become paired curly ones: “…” outside, a "
                "quotation inside a quotation the other kind; an apostrophe between Latin "
                "letters stays; a quote without its partner is in doubt.",
         fixes=(('一是"加强"领导', "一是“加强”领导"),
                ('他说"OK"', "他说“OK”"),
                ("所谓'三公'经费", "所谓“三公”经费"), ("他说:'好的'.", "他说：“好的”。"),
                ("“要落实'三个一'要求”", "“要落实‘三个一’要求”"),
                ('他说:"我们要落实\'三个一\'要求."', "他说：“我们要落实‘三个一’要求。”"),
                ('“关于"三公"经费的说明”', "“关于‘三公’经费的说明”"),
                ('他说"好"', "他说“好”"), ("“通知\"", "“通知”"),
                ('"甲"和"乙"', "“甲”和“乙”")),
         keeps=("Don't worry, it's fine.", 'He said "yes" and left.', "它是McDonald's的产品"),
         doubts=('他说"好', )),
    Rule(DASH, "Two or three hyphens between Chinese become a dash ——.",
         fixes=(("北京--中国的首都", "北京——中国的首都"), ("这是--我们的", "这是——我们的")),
         keeps=("2020--2025", "-----", "a--b")),
    Rule(ELLIPSIS, "Three dots or more, three 。 or more, a lone … beside Chinese become ……",
         fixes=(("等等...", "等等……"), ("水果、蔬菜......", "水果、蔬菜……"),
                ("等等。。。", "等等……"), ("等等…", "等等……"), ("他说...我们", "他说……我们"),
                ('报送"汛情日报"...', "报送“汛情日报”……")),
         keeps=("等等……", "and so on...", "1...10")),
    Rule(SPACE, "A space (one or two) between two Chinese characters, or beside a full-width "
                "mark, goes; longer runs push text right and stay, as do spaces at either end.",
         fixes=(("我们 要加强学习", "我们要加强学习"), ("我们，  他们", "我们，他们"),
                ("学习 。", "学习。"), ("使用 “Word”", "使用“Word”"),
                ("我们\u3000，他们", "我们，他们")),
         keeps=("事业六部      2018年1月26日", "国办发〔2025〕1号      签发人：张三",
                "张\u3000三", "2025 年", "Word 文档", "XXXX年  月  日", "  我们",
                "特此通知。 ", "使用 Word 软件")),
    Rule(WIDTH, "Full-width digits and Latin letters become half-width (GB/T 15835); so do a "
                "full-width dot between digits and a full-width slash between Latin (GB/T).",
         fixes=(("２０２５年", "2025年"), ("按ＧＢ／Ｔ 9704执行", "按GB/T 9704执行"),
                ("请于９:30前报送", "请于9:30前报送"),
                ("增长３．５％", "增长3.5％"), ("ｗｏｒｄ文档", "word文档")),
         keeps=("（１）学习",)),
    Rule(LIST_NUMBER, "A Chinese number with a dot inside a sentence becomes 、.",
         fixes=(("主要有：一.加强领导；二.完善制度", "主要有：一、加强领导；二、完善制度"),),
         keeps=("一.加强领导",)),
)


# ---- the font of the marks ------------------------------------------------------------------

# Characters Unicode leaves to the font's choice (East Asian Width "ambiguous"): Word sets
# them in the Latin font unless the run says w:hint="eastAsia"; Writer gives them the script
# of the character before (measured: ” after OK came out in the Latin font).
EAST_ASIAN_AMBIGUOUS = "“”‘’—…·"


def western_side_marks(text: str) -> List[int]:
    """Offsets of the ambiguous marks Writer would set in the Latin font: the nearest
    character before them (past spaces and other such marks) is no Chinese one, or there is
    none and the one after is no Chinese one either. In a Chinese sentence they belong in
    the CJK font (full width), so the renderer sets it on them.

    >>> western_side_marks("他说“OK”，“好”。")
    [5]
    >>> western_side_marks("“Word”文档")
    [0, 5]
    """
    found = []
    for at, ch in enumerate(text):
        if ch not in EAST_ASIAN_AMBIGUOUS:
            continue
        before = at - 1
        while before >= 0 and (text[before] in EAST_ASIAN_AMBIGUOUS or text[before] in " \t"):
            before -= 1
        if before >= 0:
            western = not is_chinese(text[before])
        else:
            after = at + 1
            while after < len(text) and text[after] in EAST_ASIAN_AMBIGUOUS + " \t":
                after += 1
            western = after < len(text) and not is_chinese(text[after])
        if western and any(is_han(c) for c in text):
            found.append(at)
    return found


# ---- the analysis ---------------------------------------------------------------------------

def punctuation_fixes(text: str) -> List[TextFix]:
    """What a careful editor changes in ``text``: sorted, not overlapping.

    >>> punctuation_fixes("真的吗?")
    [TextFix(start=3, end=4, replacement='？')]
    """
    return [TextFix(f.start, f.end, f.replacement) for f in analyse(text).fixes]


def punctuation_doubts(text: str) -> List[TextFix]:
    """Half-width marks in Chinese text left as they are, each with its likely full form.

    >>> punctuation_doubts('他说"好')
    [TextFix(start=2, end=3, replacement='“')]
    """
    return [TextFix(f.start, f.end, f.replacement) for f in analyse(text).doubts]


def apply_fixes(text: str, fixes: Iterable[Tuple]) -> str:
    """``text`` with ``fixes`` (:class:`TextFix` or :class:`Finding`, not overlapping) applied."""
    for fix in sorted(fixes, key=lambda fix: fix[0], reverse=True):
        text = text[:fix[0]] + fix[2] + text[fix[1]:]
    return text


_PLACEHOLDER_HINT = re.compile("[ \u3000…]")
_CANDIDATE = re.compile("[,.:;?!()\"'\\-…。 \u00a0\u3000"
                        "\uff0e\uff0f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def analyse(text: str) -> Analysis:
    """Every fix and every doubt in ``text``, in order."""
    if not _CANDIDATE.search(text):
        return Analysis([], [])  # most paragraphs: nothing to look at
    state = _State(text)
    state.widths()
    state.quotes()  # pairs first: the marks beside a quotation judge by its curly quotes
    state.brackets()
    state.ellipses()
    state.dashes()
    state.list_numbers()
    state.marks()
    state.spaces()
    return state.result()


class _State:
    """One paragraph being judged: its decisions so far, by index."""

    def __init__(self, text: str) -> None:
        self.text = text
        # What each character reads as once full-width digits and letters are ASCII: the
        # context rules and the protected patterns look at this.
        self.view = text.translate(_WIDTH)
        label = _heading_label(self.view)
        spans = _protected(self.view, label)
        self.label = _Spans(len(text), [label] if label else ())
        if _PLACEHOLDER_HINT.search(text):  # 年  月  日, （插入…照片）: blanks to fill
            spans += [(p.start, p.end) for p in placeholders.find_placeholders(self.view)]
        self.protected = _Spans(len(text), spans)
        self.fixes: Dict[int, Finding] = {}  # by start
        self.taken = bytearray(len(text))  # characters a fix or doubt covers
        self.doubts: List[Finding] = []
        # Each character as it will read ("" once removed): later rules judge by it.
        self.out = list(self.view)
        self.chinese = any(is_chinese(ch) for ch in self.view)

    # -- bookkeeping --

    def fix(self, start: int, end: int, replacement: str, kind: str) -> None:
        if self.taken[start:end].count(0) != end - start:
            return
        self.taken[start:end] = b"\x01" * (end - start)
        for at in range(start, end):
            offset = at - start
            self.out[at] = replacement[offset] if offset < len(replacement) else replacement[-1:]
        if self.text[start:end] != replacement:
            self.fixes[start] = Finding(start, end, replacement, kind)

    def doubt(self, at: int, likely: str, kind: str) -> None:
        if not self.taken[at]:
            self.taken[at] = 1
            self.doubts.append(Finding(at, at + 1, likely, kind))

    def free(self, at: int) -> bool:
        return not self.taken[at] and at not in self.protected

    def left(self, at: int) -> str:
        """The nearest character before ``at`` as it will read, past spaces."""
        at -= 1
        while at >= 0 and (self.out[at] in _SKIPPED or not self.out[at]):
            at -= 1
        return self.out[at] if at >= 0 else ""

    def right(self, at: int) -> str:
        at += 1
        while at < len(self.out) and (self.out[at] in _SKIPPED or not self.out[at]):
            at += 1
        return self.out[at] if at < len(self.out) else ""

    def chinese_beside(self, start: int, end: int) -> bool:
        return is_chinese(self.left(start)) or is_chinese(self.right(end - 1))

    def result(self) -> Analysis:
        fixes = sorted(self.fixes.values())
        return Analysis(fixes, sorted(self.doubts))

    # -- rules --

    def widths(self) -> None:
        for match in re.finditer("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+", self.text):
            if not self.label.any(match.start(), match.end()):  # ９:30 is a time, 9:30
                self.fix(match.start(), match.end(), self.view[match.start():match.end()], WIDTH)
        for match in re.finditer("(?<=[0-9])\uff0e(?=[0-9])|(?<=[A-Za-z])\uff0f(?=[A-Za-z0-9])",
                                 self.view):
            if match.start() not in self.protected:
                half = "." if self.view[match.start()] == "．" else "/"
                self.fix(match.start(), match.end(), half, WIDTH)

    def ellipses(self) -> None:
        for match in re.finditer(r"\.{3,}|。{3,}|(?<!…)…(?!…)", self.view):
            start, end = match.start(), match.end()
            if self.protected.any(start, end) or self.taken[start]:
                continue
            typed = self.view[start:end]
            if typed[0] == "." and not self.chinese_beside(start, end):
                continue
            if typed == "…" and not self.chinese_beside(start, end):
                continue
            if typed[0] == "." and (_is_digit(self.left(start)) and _is_digit(self.right(end - 1))):
                continue
            self.fix(start, end, "……", ELLIPSIS)

    def dashes(self) -> None:
        for match in re.finditer(r"(?<!-)-{2,3}(?!-)", self.view):
            start, end = match.start(), match.end()
            before, after = self.left(start), self.right(end - 1)
            if self.protected.any(start, end) or _is_digit(before) or _is_digit(after):
                continue
            if is_chinese(before) and (is_chinese(after) or _is_latin(after)) \
                    or is_chinese(after) and _is_latin(before):
                self.fix(start, end, "——", DASH)

    def list_numbers(self) -> None:
        pattern = r"(?:(?<=[\s，。；：、（])|(?<=^))[一二三四五六七八九十]{1,3}[.．](?![\d.])"
        for match in re.finditer(pattern, self.view):
            dot = match.end() - 1
            if self.free(dot) and match.start() > 0:
                self.fix(dot, dot + 1, "、", LIST_NUMBER)

    def brackets(self) -> None:
        stack: List[int] = []
        for at, ch in enumerate(self.view):
            if ch not in "()（）" or at in self.protected or self.taken[at]:
                continue
            if ch in "(（":
                stack.append(at)
            elif stack:
                self._bracket_pair(stack.pop(), at)
            elif ch == ")" and self.chinese_beside(at, at + 1):
                self.doubt(at, "）", BRACKET)
        for at in stack:
            if self.view[at] == "(" and self.chinese_beside(at, at + 1):
                self.doubt(at, "（", BRACKET)

    def _bracket_pair(self, open_at: int, close_at: int) -> None:
        opening, closing = self.view[open_at], self.view[close_at]
        if opening == "（" or closing == "）":  # a pair half typed in full: finish it
            self.fix(open_at, open_at + 1, "（", BRACKET)
            self.fix(close_at, close_at + 1, "）", BRACKET)
            return
        inner = self.view[open_at + 1:close_at]
        chinese_inside = any(is_chinese(ch) for ch in inner)
        before = self.view[open_at - 1] if open_at else ""
        if not chinese_inside and (_is_latin(before) or _is_digit(before)):
            return  # f(x), 图1(a): a formula or a label
        if chinese_inside or self.chinese_beside(open_at, close_at + 1):
            self.fix(open_at, open_at + 1, "（", BRACKET)
            self.fix(close_at, close_at + 1, "）", BRACKET)

    def quotes(self) -> None:
        _Quotes(self).run()

    def marks(self) -> None:
        view = self.view
        for at, ch in enumerate(view):
            if ch not in ",.:;?!" or not self.free(at):
                continue
            prev = view[at - 1] if at else ""
            nxt = view[at + 1] if at + 1 < len(view) else ""
            before, after = self.left(at), self.right(at)
            if not (is_chinese(before) or is_chinese(after) or ch == "," and _is_digit(prev)
                    or ch in ".?!" and not after and self.chinese):
                continue
            if ch in ".:," and _is_digit(prev) and _is_digit(nxt):
                if ch == "," and self.chinese:
                    self.doubt(at, "，", MARK)  # 第2,3条: a list, or a mistyped number
                continue
            if ch == "." and ".." in view[max(at - 1, 0):at + 2]:
                continue  # part of a run of dots the ellipsis rule did not take
            if ch in ".?!" and not self._ends_chinese_sentence(at, before, after):
                self.doubt(at, _HALF_TO_FULL[ch], MARK)
                continue
            self.fix(at, at + 1, _HALF_TO_FULL[ch], MARK)

    def _ends_chinese_sentence(self, at: int, before: str, after: str) -> bool:
        """Is the . ? ! at ``at`` the end of a Chinese sentence? After Latin it may be an
        abbreviation (Co.) or a brand (Yahoo!), unless the paragraph ends there."""
        start = at
        while start > 0 and self.view[start - 1] in "?!":
            start -= 1  # 什么?!: the run after Chinese
        if is_chinese(self.left(start)):
            return True
        if not after:
            return any(is_chinese(ch) for ch in self.out[:at])
        return self.view[at] == "." and (_is_digit(before) or before in "%‰")

    def spaces(self) -> None:
        text = self.text
        for match in re.finditer("[ \u00a0\u3000]+", text):
            start, end = match.start(), match.end()
            if start == 0 or end == len(text) or end - start > MAX_SLIP_SPACES:
                continue
            if self.protected.any(start, end) or self.taken[start:end].count(1):
                continue
            before, after = self.out[start - 1], self.out[end]
            between_han = is_han(before) and is_han(after) and "\u3000" not in match.group()
            beside_mark = before in FULL_WIDTH_MARKS or after in FULL_WIDTH_MARKS
            if between_han or beside_mark:
                self.fix(start, end, "", SPACE)


class _Quotes:
    """Pairs quotes (straight and curly) and gives each straight one its curly form."""

    DOUBLE, SINGLE = "d", "s"
    CURLY = {DOUBLE: "“”", SINGLE: "‘’"}

    def __init__(self, state: _State) -> None:
        self.state = state
        view = state.view
        self.tokens = [at for at, ch in enumerate(view) if ch in "\"'“”‘’" and state.free(at)
                       and not self._apostrophe(at)]

    def _apostrophe(self, at: int) -> bool:
        view = self.state.view
        return (view[at] in "'’" and 0 < at < len(view) - 1
                and view[at - 1].isalnum() and view[at + 1].isalpha()
                and not is_chinese(view[at - 1]) and not is_chinese(view[at + 1]))

    def _family(self, at: int) -> str:
        return self.DOUBLE if self.state.view[at] in "\"“”" else self.SINGLE

    def run(self) -> None:
        view = self.state.view
        stack: List[int] = []  # positions of open quotes
        pairs: List[Tuple[int, int, Optional[int]]] = []  # open, close, enclosing open
        orphans: List[int] = []
        for number, at in enumerate(self.tokens):
            ch, family = view[at], self._family(at)
            if ch in "“‘":
                stack.append(at)
            elif ch in "”’" or self._closes(stack, family, number):
                self._close(stack, family, at, pairs, orphans)
            else:
                stack.append(at)
        orphans.extend(stack)
        finals: Dict[int, str] = {}
        for opening, closing, parent in sorted(pairs):
            self._pair(opening, closing, parent, finals)
        for at in orphans:
            if view[at] in "\"'" and self.state.chinese_beside(at, at + 1):
                self.state.doubt(at, "“" if view[at] == "\"" else "‘", QUOTE)

    def _closes(self, stack: List[int], family: str, number: int) -> bool:
        """Does the straight quote ``tokens[number]`` close the innermost open quote?"""
        view = self.state.view
        if not stack:
            return False
        top = stack[-1]
        if self._family(top) != family:
            # '…"…': opens a quotation inside, unless it can only close an outer one
            later = [view[at] for at in self.tokens[number + 1:]]
            outer = any(self._family(at) == family for at in stack)
            return outer and not any(self._family_of(ch) == family for ch in later)
        if view[top] in "\"'":
            return True
        # “…"…: closes it, unless a curly closer still waits for the curly opener
        later = "".join(view[at] for at in self.tokens[number + 1:])
        opener, closer = self.CURLY[family]
        return later.count(closer) <= later.count(opener)

    def _family_of(self, ch: str) -> str:
        return self.DOUBLE if ch in "\"“”" else self.SINGLE

    def _close(self, stack: List[int], family: str, at: int,
               pairs: List[Tuple[int, int, Optional[int]]], orphans: List[int]) -> None:
        """Pair ``at`` with the innermost open quote of its family; what is above is lost."""
        for depth in range(len(stack) - 1, -1, -1):
            if self._family(stack[depth]) == family:
                opening = stack[depth]
                orphans.extend(stack[depth + 1:])
                del stack[depth:]
                pairs.append((opening, at, stack[-1] if stack else None))
                return
        orphans.append(at)

    def _pair(self, opening: int, closing: int, parent: Optional[int],
              finals: Dict[int, str]) -> None:
        state, view = self.state, self.state.view
        straight = [at for at in (opening, closing) if view[at] in "\"'"]
        curly = [at for at in (opening, closing) if view[at] not in "\"'"]
        if curly:
            family = self._family(curly[0])
        elif parent is not None and parent in finals:  # inside a quotation: the other kind
            family = self.SINGLE if finals[parent] == self.DOUBLE else self.DOUBLE
        else:  # GB/T 15834: a quotation is “…”, whatever key was pressed
            family = self.DOUBLE
        inner = view[opening + 1:closing]
        chinese = (curly or any(is_chinese(ch) for ch in inner)
                   or state.chinese_beside(opening, closing + 1))
        if not chinese:
            return
        finals[opening] = family
        marks = self.CURLY[family]
        for at in straight:
            state.fix(at, at + 1, marks[0] if at == opening else marks[1], QUOTE)

