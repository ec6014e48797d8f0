"""Unfilled placeholders (待填占位符): the single source of truth for what to flag.

People fill report templates full of ``X`` marks, ``××``, ``○○``, ``某某``, ``XXXX年XX月XX日``,
``年  月  日``, ``〔    〕``, ``【待补】``, ``[姓名]``, ``（插入…照片）``, ``{{标题}}`` and ``____``
and hand them in with some left.  ``find_placeholders(text)`` returns every such span in one
paragraph (or any text) and nothing else: ``X光``, ``3×4``, ``SpaceX``, ``x86``, ``y=2x+1``,
``二〇二一年``, ``某些``, ``[1]``, ``【工作回顾】`` and ``（略）`` are words, products, maths,
dates, citations, labels and remarks, not blanks.

The rules are data (``RULES``): each has a kind, a regular expression, a sentence of
explanation, and examples that must and must not be flagged (the unit tests run them all).
Brackets are judged by what is inside them, from word lists that are data too
(``INSTRUCTION_WORDS``, ``NOT_INSTRUCTIONS``, ``FIELD_NAMES``).  Earlier rules win where two
could match at the same place (a blank date before its ``X`` runs), and the leftmost match
wins, so a bracket holding an ``X`` run is one placeholder, not two.

Underlined spaces (a line to write on, made in a word processor) are formatting, not text:
the renderers that see formatting pass each paragraph's underlined ranges to
``find_placeholders(text, underlined)``, and the core decides (``underlined_blanks``).

Every pattern is written in the subset of syntax that Python's ``re`` and ICU (LibreOffice's
regex engine) read the same way: no named groups, fixed-width lookbehind only, every ASCII
punctuation character escaped inside ``[...]`` (ICU reads ``[:``, ``{``, ``&&`` and ``--``
inside a set specially), non-ASCII characters written literally or as ``\\uXXXX``.  That is what
lets ``icu_pattern()`` hand the very same rules to Writer's native search.

Standard library only, Python 3.8.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Pattern, Sequence, Tuple


class Placeholder(NamedTuple):
    """One unfilled placeholder: ``text[start:end]`` (code points) of the given kind."""

    start: int
    end: int
    text: str
    kind: str


class Rule(NamedTuple):
    """One kind of placeholder, as data.

    ``pattern`` is a Python regex (also valid ICU, see the module docstring).  Each
    ``must_match`` example holds exactly one placeholder, of this rule's ``kind``;
    each ``must_not_match`` example holds no placeholder at all.
    """

    kind: str
    pattern: str
    doc: str
    must_match: Tuple[str, ...]
    must_not_match: Tuple[str, ...]


KINDS = ("date", "doc-number", "template-field", "instruction", "fill-in", "bracket",
         "blank-line", "underlined-blank", "mouhou", "x-run", "cross-run", "circle-run",
         "square-run")

# ---- character classes (contents of [...]; shared by Python re and ICU) -------------------

# Latin letters and digits, half- and full-width.  A mark touching one of these is part of a
# word, a model number or a formula (SpaceX, x86, 2x, XL), not a blank.
_ALNUM = "A-Za-z0-9\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF10-\\uFF19"
_DIGIT = "0-9\\uFF10-\\uFF19"
# Han characters and CJK punctuation: the context in which a lone X is a blank.
_HAN = "\\u3400-\\u4DBF\\u4E00-\\u9FFF"
_CJK = (_HAN + "\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65"
        "\\u2018-\\u201F\\u2026\\u2014\\u00B7")
# Maths and code next to a letter make it a variable or an identifier: y=2x+1, x², a_x, f(x).
_CODE_LEFT = "\\_\\=\\+\\*\\/\\\\\\^<>\\@\\#\\$\\&\\|\\.\\-"
_CODE_RIGHT = ("\\_\\=\\+\\*\\/\\\\\\^<>\\@\\#\\$\\&\\|\\(\\u00B2\\u00B3\\u00B9"
               "\\u2070-\\u2079\\u2080-\\u2089\\u2032\\u2033")
# Joiners inside Latin tokens: iPhone X, x.com, X-ray, X's, http://x, a@x.
_JOIN = " \\.\\'\\u2019\\:\\/\\@\\#\\-"
_X = "Xx\\uFF38\\uFF58"  # X x Ｘ ｘ
# Chinese numerals: next to them a circle is the zero of a year (二○二一年), not a blank.
_CN_NUM = "\\u3007\\u25CB\\u96F6\\u4E00\\u4E8C\\u4E09\\u56DB\\u4E94\\u516D\\u4E03\\u516B\\u4E5D" \
          "\\u5341\\u767E\\u5343\\u4E07\\u4E24"  # 〇○零一二三四五六七八九十百千万两
_CIRCLE = "\\u25CB\\u3007\\u25EF"  # ○ 〇 ◯
_STRONG = _X + "\\u00D7\\u25A1\\_\\uFF3F"  # X x Ｘ ｘ × □ _ ＿: blanks in any position of a date
_SPACE = " \\t\\u3000\\u00A0"

# ---- dates -------------------------------------------------------------------------------

_BLANK_UNIT = "(?:[" + _X + "\\u00D7\\u25A1" + _CIRCLE + "]{1,2}|[\\_\\uFF3F]{2,})"
_CN_DIGIT = "\\u4E00\\u4E8C\\u4E09\\u56DB\\u4E94\\u516D\\u4E03\\u516B\\u4E5D"  # 一二三…九
_NUM_MONTH = "(?:[" + _DIGIT + "]{1,2}|\\u5341[\\u4E00\\u4E8C]?|[" + _CN_DIGIT + "])"
_NUM_DAY = ("(?:[" + _DIGIT + "]{1,2}|[\\u4E00\\u4E8C\\u4E09]?\\u5341[" + _CN_DIGIT + "]?"
            "|[" + _CN_DIGIT + "])")
_GAP = "[ \\u3000]?"  # 2021 年 1 月: one space is allowed around the numbers
# Components end at their unit; the space before a following one belongs to that one, so a
# span never ends in a space.
_MONTH_BLANK = _BLANK_UNIT + _GAP + "\\u6708"  # 月
_MONTH_NUM = _NUM_MONTH + _GAP + "\\u6708"
_DAY_BLANK = _BLANK_UNIT + _GAP + "[\\u65E5\\u53F7]"  # 日 号
_DAY_NUM = _NUM_DAY + _GAP + "[\\u65E5\\u53F7]"
_THEN_MONTH = _GAP + "(?:" + _MONTH_BLANK + "|" + _MONTH_NUM + ")"
_THEN_DAY = _GAP + "(?:" + _DAY_BLANK + "|" + _DAY_NUM + ")"
_YEAR_CHARS = _DIGIT + _CN_NUM
# A year of four characters, at least one of them a blank: XXXX 20XX 202X 二〇XX.
_YEAR_BLANK4 = ("(?=[" + _YEAR_CHARS + _STRONG + "]{4}" + _GAP + "\\u5E74)"
                "[" + _YEAR_CHARS + "]{0,3}[" + _STRONG + "][" + _YEAR_CHARS + _STRONG + "]{0,3}")
_YEAR_BLANK = ("(?:" + _YEAR_BLANK4 + "|[" + _CIRCLE + "]{2,4}|[\\_\\uFF3F]{2,}"
               "|[" + _X + "\\u00D7\\u25A1]{1,3}(?=" + _GAP + "\\u5E74" + _GAP
               + "(?:" + _BLANK_UNIT + "|[" + _DIGIT + "]{1,2})" + _GAP + "\\u6708))"
               + _GAP + "\\u5E74")
_YEAR_NUM = ("(?:[" + _DIGIT + "]{4}|[\\u3007\\u25CB\\u96F6" + _CN_DIGIT + "]{4})"
             + _GAP + "\\u5E74")
_DATE_LEFT = "(?<![" + _ALNUM + _CN_NUM + _STRONG + _CIRCLE + "])"
_DATE_SEP = "[\\-\\.\\/\\uFF0F\\uFF0E]"
_DATE_PART = "[" + _DIGIT + _STRONG + "]"
_DATE = _DATE_LEFT + "(?:" + "|".join([
    # XXXX年XX月XX日, 20XX年, 202X年, ○○○○年○○月○○日, ____年__月__日, XX年XX月
    _YEAR_BLANK + "(?:" + _THEN_MONTH + "(?:" + _THEN_DAY + ")?)?",
    # 2021年XX月XX日, 2021年X月
    _YEAR_NUM + _GAP + _MONTH_BLANK + "(?:" + _THEN_DAY + ")?",
    # 2021年12月XX日
    _YEAR_NUM + _GAP + _MONTH_NUM + _GAP + _DAY_BLANK,
    # X月X日, ×月×日, X月5日, 5月X日 (a month alone is an x-run: X月份)
    _MONTH_BLANK + _THEN_DAY,
    _MONTH_NUM + _GAP + _DAY_BLANK,
    # 20XX-XX-XX, XXXX.XX.XX, 2021/X/X (at least one blank, nothing glued after it)
    "(?=[" + _DIGIT + "\\-\\.\\/\\uFF0F\\uFF0E]*[" + _STRONG + "])" + _DATE_PART + "{4}"
    + _DATE_SEP + _DATE_PART + "{1,2}" + _DATE_SEP + _DATE_PART + "{1,2}"
    + "(?![" + _ALNUM + _STRONG + "\\-\\.\\/\\uFF0F\\uFF0E])",
    # 20XX届, 20XX-20XX学年: a blank year without 年; not the end of a model number
    # (DX-200X, AB1-200X: letters, then a hyphen)
    "(?<![A-WYZa-wyz]-)(?<![A-WYZa-wyz][A-Za-z0-9]-)"
    "(?:19|20|\\uFF11\\uFF19|\\uFF12\\uFF10)(?:[" + _STRONG + "][" + _DIGIT + _STRONG + "]|["
    + _DIGIT + "][" + _STRONG + "])(?![" + _ALNUM + _STRONG + "\\u5E74])",
    # "    年   月   日": a form's blank date made of spaces
    "[" + _SPACE + "]{2,}\\u5E74[" + _SPACE + "]+\\u6708[" + _SPACE + "]+[\\u65E5\\u53F7]",
    # "  月  日": month and day left blank, no year
    "[" + _SPACE + "]+\\u6708[" + _SPACE + "]+[\\u65E5\\u53F7]",
]) + ")"
# 年  月  日, 2025年  月  日, 20XX年  月  日: month and day are spaces. Tried before the other
# date forms, so that a blank year and the blank month and day are one placeholder.
_SPACE_DATE = (_DATE_LEFT + "(?:[" + _YEAR_CHARS + _STRONG + "]{2,4}" + _GAP + ")?\\u5E74["
               + _SPACE + "]+\\u6708[" + _SPACE + "]+[\\u65E5\\u53F7]")

# ---- X runs --------------------------------------------------------------------------------

# Words in which a single X is the Latin letter: X光 X射线 X线 X染色体 X轴 X型 X形 X刀 X战警
# X档案 X世代 X因子 X波段 X连锁 X展架 (but X光伏 and X线路 are blanks: a PV plant, a power line).
_X_WORDS = ("[ ]?(?:\\u5149(?!\\u4F0F)|\\u5C04\\u7EBF|\\u7EBF(?!\\u8DEF)|\\u67D3\\u8272\\u4F53"
            "|\\u8F74|\\u578B|\\u5F62|\\u5200|\\u6218\\u8B66|\\u6863\\u6848|\\u4E16\\u4EE3"
            "|\\u56E0\\u5B50|\\u6CE2\\u6BB5|\\u8FDE\\u9501|\\u5C55\\u67B6)")
_X_CHAIN = "(?:[\\-\\.\\uFF0E\\:][" + _X + "]+)"  # XXXX-XXXXXXX, XX.X%, XX:XX: one blank
_X_RUN = (
    "(?<![" + _ALNUM + _CODE_LEFT + "])(?<![" + _ALNUM + "][" + _JOIN + "\\(])"
    # After a Chinese character a following " Latin" is a unit (XX MW); elsewhere a name (X Window).
    "(?:(?<=[" + _CJK + "])|(?![" + _X + "\\-\\.\\uFF0E\\:]+[ ][" + _ALNUM + "]))"
    "(?:[" + _X + "]{2,}" + _X_CHAIN + "*|[" + _X + "]" + _X_CHAIN + "+|[" + _X + "](?!"
    + _X_WORDS + "))"
    "(?![" + _ALNUM + _CODE_RIGHT + "])(?![" + _JOIN.replace(" ", "") + "][" + _ALNUM + "])"
)

# A unit glued to the blank after Chinese text: 新建道路XXkm, 装机XXMW, 面积XXm² (but XXL is a
# size and Xbox a product: only these units, and only right after a Chinese character).
_UNITS = ("(?:km|mm|cm|m\\u00B2|m\\u00B3|m2|m3|m|kg|t|MW|kW|GW|kV|kWh|MWh|GB|MB|TB|ha)"
          "(?![" + _ALNUM + "])")
_X_RUN_UNIT = "(?<=[" + _CJK + "])[" + _X + "]+" + _X_CHAIN + "*(?=" + _UNITS + ")"
# The blank digits of a phone or ID number: 138XXXXXXXX, 0314-XXXXXXX (4 or more, so that
# the HTTP status family 5xx and hex 0x1F stay words).
_X_RUN_DIGITS = ("(?:(?<=[" + _DIGIT + "])|(?<=[" + _DIGIT + "][\\-]))[" + _X + "]{4,}"
                 "(?![" + _ALNUM + _CODE_RIGHT + "])(?![" + _JOIN.replace(" ", "") + "]["
                 + _ALNUM + "])")

# ---- the other marks -------------------------------------------------------------------------

_CROSS_RUN = (
    "(?<![" + _ALNUM + "\\u00D7\\)\\uFF09\\]\\.])(?<![" + _ALNUM + "\\)\\uFF09][ ])"
    # 长×宽×高 is a formula: a single × between two dimension words is not a blank.
    "(?:\\u00D7{2,}|(?<![\\u957F\\u5BBD\\u9AD8\\u539A\\u6DF1])\\u00D7"
    "|\\u00D7(?![\\u957F\\u5BBD\\u9AD8\\u539A\\u6DF1]))"
    "(?![" + _ALNUM + "\\u00D7\\(\\uFF08\\[])(?![ ][" + _ALNUM + "\\(])"
)
_CIRCLE_RUN = (
    "(?<![" + _DIGIT + _CN_NUM + _CIRCLE + "])"
    "(?:[" + _CIRCLE + "]{2,}|(?<=[" + _HAN + "])[" + _CIRCLE + "](?=[" + _HAN + "]))"
    "(?![" + _DIGIT + _CN_NUM + _CIRCLE + "])"
)
_SQUARE_RUN = "(?<!\\u25A1)\\u25A1{2,}"
_MOUHOU = "(?<!\\u67D0)\\u67D0{2,}"  # 某某, 某某某; 某些 某种 某一 have one 某
_BLANK_LINE = ("(?<![\\_\\uFF3F])(?:(?<![" + _ALNUM + "])[\\_\\uFF3F]{3,}(?![\\_\\uFF3F])"
               "|[\\_\\uFF3F]{3,}(?![\\_\\uFF3F" + _ALNUM + "]))")
# ---- brackets: decided by what is inside -----------------------------------------------------

def _either(words: Tuple[str, ...]) -> str:
    """A regex alternation of literal words (Chinese or Latin letters only: nothing to escape)."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# Words that make a bracket an instruction to the writer, wherever they stand inside it:
# （插入比赛现场照片）, （此处填写获奖情况）, 【待补】, （待完善）, [TODO].  Words a notice
# says to its readers (请于…前报送, 请在…) are not here: those brackets are meant to stay.
INSTRUCTION_WORDS: Tuple[str, ...] = (
    "插入", "此处", "填写", "填入", "请填", "请输入", "请补充", "请选择", "待补", "待填", "待定",
    "待完善", "待核", "待确认", "待更新", "待写", "待查", "待录入", "TODO", "TBD", "FIXME",
)
# A bracket that opens with one of these is text, whatever trigger word follows:
# （以下简称“填写说明”）, （此处略）, （此处指…）, （由申请人填写）, （无需填写）, [注].
# A form handed out blank keeps its 由…填写 notes; a document's own text says 略 on purpose.
NOT_INSTRUCTIONS: Tuple[str, ...] = (
    "以下简称", "以下称", "下称", "简称", "略", "此处略", "此处省略", "省略", "此件", "此页",
    "此处指", "此处所", "此处的", "见", "详见", "参见", "注", "填写说明", "填表说明", "由", "不",
    "无需", "无须", "免", "可不",
)
# The names of what is to be filled in: a bracket holding nothing but these (joined by / or
# 、, an optional 具体/实际 before each) is a fill-in field: [姓名], [姓名/队伍名], [具体金额],
# 【单位名称】.  A bracket with any other words is a label or a note: 【工作回顾】, [注], (一).
FIELD_NAMES: Tuple[str, ...] = (
    "姓名", "名字", "队伍名", "队伍名称", "队名", "团队名称", "单位", "单位名称", "单位全称",
    "公司名称", "企业名称", "学校名称", "机构名称", "部门", "部门名称", "项目名称", "活动名称",
    "会议名称", "名称", "职务", "职称", "金额", "数额", "数量", "人数", "数字", "数值", "日期",
    "时间", "年份", "地点", "地址", "电话", "联系电话", "联系方式", "联系人", "手机号", "邮箱",
    "身份证号", "标题", "题目", "百分比", "比例", "文号", "编号", "负责人",
)
FIELD_PREFIXES: Tuple[str, ...] = ("具体", "实际", "你的", "您的", "本人", "对方")

_SQUARE_OPEN = "\\u3010\\[\\uFF3B\\u3016"  # 【 [ ［ 〖
_SQUARE_CLOSE = "\\u3011\\]\\uFF3D\\u3017"  # 】 ] ］ 〗
_ROUND_OPEN = "\\(\\uFF08"  # ( （
_ROUND_CLOSE = "\\)\\uFF09"  # ) ）
# Inside a bracket: no other bracket and no line break.
_NOT_BRACKET = ("[^" + _SQUARE_OPEN + _SQUARE_CLOSE + _ROUND_OPEN + _ROUND_CLOSE
                + "\\u000A\\u000D]")


def _bracketed(square: str, round_: str) -> str:
    """``square`` between square brackets or ``round_`` between round ones (full- or
    half-width; a round bracket glued to a Latin word or digit is code: f(x), print(…))."""
    return ("(?:[" + _SQUARE_OPEN + "]" + square + "[" + _SQUARE_CLOSE + "]|(?<![" + _ALNUM
            + "\\_])[" + _ROUND_OPEN + "]" + round_ + "[" + _ROUND_CLOSE + "])")


_INSTRUCTION_INSIDE = ("(?!" + _either(NOT_INSTRUCTIONS) + ")" + _NOT_BRACKET + "{0,30}?"
                       + _either(INSTRUCTION_WORDS) + _NOT_BRACKET + "{0,30}")
_INSTRUCTION = _bracketed(_INSTRUCTION_INSIDE, _INSTRUCTION_INSIDE)
_FIELD = "(?:" + _either(FIELD_PREFIXES) + ")?" + _either(FIELD_NAMES)


def _fields(joiners: str) -> str:
    """One to four field names joined by any of ``joiners`` (a [...] body), spaces allowed."""
    gap = "[" + _SPACE + "]*"
    return gap + _FIELD + "(?:" + gap + "[" + joiners + "]" + gap + _FIELD + "){0,3}" + gap


# In round brackets a list with 、 is prose: 填写本人信息（姓名、单位、电话）.
_FILL_IN = _bracketed(_fields("\\/\\uFF0F\\u3001"), _fields("\\/\\uFF0F"))
_EMPTY_BRACKET = (
    "(?:[\\u3010\\uFF3B\\u300A\\u201C\\u300C\\u300E\\u3016][" + _SPACE + "]*"
    "[\\u3011\\uFF3D\\u300B\\u201D\\u300D\\u300F\\u3017]"
    "|(?<![" + _ALNUM + "\\_])[\\(\\uFF08][" + _SPACE + "]*[\\)\\uFF09])"
)
# 发文字号 with the year or the number left blank: X发〔    〕号, 〔　　〕, X发〔2025〕    号.
_DOC_NUMBER = ("\\u3014[" + _SPACE + "]*\\u3015|\\u3014[" + _DIGIT + "]{4}\\u3015[" + _SPACE
               + "]{2,}\\u53F7")
# Template fields and tags left unrendered: {{标题}}, {{ name }}, {% if x %}, {# note #}.
_TEMPLATE = ("\\{\\{[^\\{\\}\\u000A\\u000D]{1,40}\\}\\}"
             "|\\{\\%[^\\{\\}\\u000A\\u000D]{1,60}\\%\\}|\\{\\#[^\\{\\}\\u000A\\u000D]{1,60}\\#\\}")

RULES: Tuple[Rule, ...] = (
    Rule("date", _SPACE_DATE,
         "A form's date line with the month and day left as spaces, with or without a year: "
         "年  月  日, 2025年  月  日, 20XX年　月　日 (one placeholder, the year included).",
         ("年  月  日", "2025年  月  日", "落款：2025 年　　月　　日", "20XX年  月  日",
          "年\u3000月\u3000日"),
         ("2025年5月1日", "每年 5 月", "去年", "年月日", "二〇二五年五月")),
    Rule("date", _DATE,
         "A date with a blank year, month or day is one placeholder, digits and all "
         "(XXXX年XX月XX日, 20XX年, 2021年X月X日, ×月×日, 20XX-XX-XX); a filled date, a Chinese-"
         "numeral year (二〇二一年, 二○二一年) and 某年某月 are not.",
         ("XXXX年XX月XX日", "20XX年", "202X年", "落款日期：2021年X月X日", "×月×日召开",
          "○○○○年○○月○○日", "____年__月__日", "XXXX年度述职报告", "20XX-XX-XX",
          "2021年12月XX日", "X月X日", "20XX届毕业生", "XX年XX月", "二〇XX年",
          "XXXX 年 XX 月 XX 日", "日期：    年   月   日", "于  月  日召开"),
         ("2021年12月31日", "二〇二一年", "二○二一年十二月", "2021-10-01", "某年某月某日",
          "1920年", "二〇〇〇年", "本月 日均", "5 月 6 日", "型号为DX-200X的设备",
          "A-200X型")),
    Rule("doc-number", _DOC_NUMBER,
         "A 发文字号 with its year or number left blank: X发〔    〕号, 〔　　〕, 〔〕, "
         "X发〔2025〕    号; a filled one (〔2025〕12号) is not.",
         ("县政发〔    〕号", "〔　　〕", "〔〕", "县政发〔2025〕    号"),
         ("县政发〔2025〕12号", "〔2025〕", "〔2025〕3号")),
    Rule("template-field", _TEMPLATE,
         "A template's field or tag left unrendered: {{标题}}, {{年}}, {{ name }}, {% if x %}, "
         "{# note #}.  Any such tag in a document to hand in means the template was not "
         "filled (docxtpl and Jinja write these); single braces are text.",
         ("{{标题}}", "{{年}}", "致{{ name }}同志", "{% if 有附件 %}", "{{XX}}", "{# 备注 #}"),
         ("{标题}", "{}", "{{}}", "集合{a, b}", "{{\n}}")),
    Rule("instruction", _INSTRUCTION,
         "A bracketed instruction to the writer, decided by the words inside "
         "(INSTRUCTION_WORDS, unless it opens with one of NOT_INSTRUCTIONS): "
         "（插入比赛现场照片）, （此处填写…）, （待补充）, 【此处插入图表】, 【待补】, [TODO].",
         ("（插入比赛现场照片）", "（此处填写获奖情况）", "（待补充）", "（待完善）",
          "【此处插入图表】", "【待补】", "【待填】", "此项【待定】", "【请填写单位名称】",
          "［待完善］", "[TODO]", "(待补充)", "【待补：XX】", "（插入XX照片）"),
         ("【工作亮点】", "【补充说明】", "[1]", "［注］", "（以下简称“填写说明”）", "（此处略）",
          "（此处指2024年数据）",
          "（由申请人填写）", "（无需填写）", "（此件公开发布）", "（见附件1）", "（略）",
          "print(TODO)")),
    Rule("fill-in", _FILL_IN,
         "A bracket holding nothing but the name of what goes there (FIELD_NAMES, joined by / "
         "or 、, 具体/实际 allowed before each): [姓名], [姓名/队伍名], [具体金额], 【单位名称】; "
         "not a label (【工作回顾】, 【典型案例】), a note ([注]) or a list in round brackets.",
         ("[姓名]", "[姓名/队伍名]", "[具体金额]", "【单位名称】", "（姓名）", "［日期］",
          "【姓名、单位、电话】", "[ 姓名 ]", "（单位/部门）"),
         ("【工作回顾】", "【典型案例】", "[注]", "[1]", "（一）", "（姓名、单位、电话）",
          "【单位名称变更】", "《单位名称》", "（2023年修订）", "[2021]")),
    Rule("bracket", _EMPTY_BRACKET,
         "An empty pair of brackets or quotes waiting for words: 【】, （ ）, ( ), 《》, “”.",
         ("【】", "【 】", "（ ）", "（）", "( )", "选择（　）", "《》", "开展“”活动"),
         ("print()", "f( )", "（一）", "《政协章程》", "“四个意识”“四个自信”")),
    Rule("blank-line", _BLANK_LINE,
         "Three or more underscores (half- or full-width) are a line to write on.",
         ("姓名：______", "共___人", "＿＿＿＿", "Tel: ____"),
         ("__init__", "a_b", "__", "max___value")),
    Rule("mouhou", _MOUHOU,
         "Two or more 某 in a row stand for a name (某某, 某某某); one 某 is a word.",
         ("某某同志", "某某某", "某某单位"),
         ("某些", "某种", "某一", "某个", "某年某月某日", "张某")),
    Rule("x-run", _X_RUN_UNIT,
         "An X run with a unit glued to it after Chinese text: 道路XXkm, 装机XXMW, 面积XXm².",
         ("新建道路XXkm", "装机XXMW", "面积XXm²", "储量X.Xt"),
         ("XXL", "Xbox", "SpaceXkm", "XXLm")),
    Rule("x-run", _X_RUN_DIGITS,
         "Four or more X after digits are the blank digits of a phone or ID number "
         "(138XXXXXXXX, 0314-XXXXXXX); fewer are a code (5xx, 0x1F, 2x).",
         ("手机：138XXXXXXXX", "电话：0314-XXXXXXX", "身份证号130XXXXXXXXXXXXXXX"),
         ("返回5xx错误", "0x1F", "2x", "3XX", "0xFFFF")),
    Rule("x-run", _X_RUN,
         "A run of X, x, Ｘ or ｘ used as a blank: between Chinese characters, punctuation or "
         "the ends of the text, not inside a Latin word, model number, formula, URL or code, and "
         "not the letter of X光/X射线/X线/X染色体/X轴/X型 and the like.",
         ("X次", "XX镇", "XXX名", "《X》", "“XX政协”", "X政协", "X精神", "赴X开展", "XX万元",
          "Ｘ县", "x次", "增长XX.X%", "电话：XXXX-XXXXXXX", "装机XX MW", "在 X 县", "XX光伏电站",
          "X", "（X）"),
         ("X光", "X射线", "X线", "X染色体", "X轴", "X型", "X 光机", "SpaceX", "Xbox", "XML",
          "x86", "Windows XP", "iPhone X", "Model X", "XP系统", "X-ray", "XL", "XXL", "XXXL",
          "y=2x+1", "2x", "x²", "https://example.com/x?x=1", "admin@xx.com", "max_x", "getX()",
          "0x1F", "f(x)", "X Window", "Ⅹ", "4x4", "NOx")),
    Rule("cross-run", _CROSS_RUN,
         "A run of × used as a blank (××县, ×局); not multiplication (3×4, 1920×1080, "
         "210 mm×297 mm, a×b, 长×宽×高).",
         ("××县", "×局", "（××）", "××××", "×县人民政府"),
         ("3×4", "1920×1080", "210 mm×297 mm", "2 × 3", "a×b", "长×宽×高", "(a+b)×c",
          "３×４")),
    Rule("circle-run", _CIRCLE_RUN,
         "Two or more ○/〇 (or one between Chinese words) used as a blank: ○○县, 〇〇乡; "
         "not the zero of a Chinese-numeral year (二○二一年, 二〇〇〇年).",
         ("○○县", "〇〇乡", "在○县", "◯◯"),
         ("二〇二一年", "二○二一年", "二〇〇〇年", "一○○", "○ 项目")),
    Rule("square-run", _SQUARE_RUN,
         "Two or more □ in a row are a blank (□□县); a single □ is a check box.",
         ("□□县", "□□□"),
         ("□是 □否", "□")),
)


# The characters a placeholder can start with (a blank mark, a bracket, a digit or Chinese
# numeral of a date, the space of a "    年  月  日").  A lookahead on them lets the engine
# skip every other position after one test instead of trying all the rules there: 10x faster.
_FIRST_CHARS = ("[" + _X + "\\u00D7\\u25CB\\u3007\\u25EF\\u25A1\\_\\uFF3F\\u67D0\\u3010\\u3014"
                "\\uFF3B\\[\\u300A\\u201C\\u300C\\u300E\\u3016\\(\\uFF08\\{\\u5E74" + _DIGIT
                + _CN_NUM + _SPACE + "]")


def _compile() -> Pattern[str]:
    rules = "|".join(f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(RULES))
    return re.compile(f"(?={_FIRST_CHARS})(?:{rules})")


_COMBINED = _compile()
_KIND_OF_GROUP = {f"r{i}": rule.kind for i, rule in enumerate(RULES)}
# Every placeholder contains one of these: text without any is answered at C speed.
_TRIGGER = re.compile("[" + _X + "\\u00D7\\u25CB\\u3007\\u25EF\\u25A1\\_\\uFF3F\\u67D0\\u3010"
                      "\\u3014\\uFF3B\\[\\u300A\\u201C\\u300C\\u300E\\u3016\\(\\uFF08\\u5E74"
                      "\\u6708\\{]")


def find_placeholders(text: str, underlined: Sequence[Tuple[int, int]] = ()
                      ) -> List[Placeholder]:
    """Every placeholder in ``text``, sorted by position, never overlapping.

    Offsets are code points of ``text`` (Python string indexes).  Run it on one paragraph
    (or one line) at a time: no placeholder spans a paragraph break.  ``underlined`` gives
    the (start, end) ranges of the paragraph's underlined characters, for the renderers that
    know formatting (a .docx, Writer): see :func:`underlined_blanks`.
    """
    found = _text_placeholders(text)
    if underlined:
        blanks = [blank for blank in underlined_blanks(text, underlined)
                  if not any(p.start < blank.end and blank.start < p.end for p in found)]
        found = sorted(found + blanks)
    return found


def _text_placeholders(text: str) -> List[Placeholder]:
    if not _TRIGGER.search(text):
        return []
    return [Placeholder(m.start(), m.end(), m.group(), _KIND_OF_GROUP[m.lastgroup or ""])
            for m in _COMBINED.finditer(text)]


# ---- underlined blanks (formatting, not text) --------------------------------------------------

# A line to write on made in a word processor: spaces (or tabs) with underlining switched on.
UNDERLINE_BLANK_CHARS = " \t\u3000\u00A0"
UNDERLINE_BLANK_MIN = 2  # one underlined space is a gap between underlined words
UNDERLINED_BLANK = "underlined-blank"  # its kind


def underlined_blanks(text: str, underlined: Sequence[Tuple[int, int]]) -> List[Placeholder]:
    """The underlined stretches of ``text`` that hold nothing but blank characters.

    ``underlined`` is every range of underlined characters the renderer saw (runs, portions;
    in any order, touching or overlapping).  Touching ranges are one stretch, and a stretch
    is a blank only if all of it is spaces, U+3000, NBSP or tabs, at least
    ``UNDERLINE_BLANK_MIN`` of them: ``姓名：<u>      </u>`` is a blank, a filled-in
    ``<u>  张三  </u>`` is not (its padding is part of the answer), nor is a single
    underlined space between underlined words.
    """
    blanks = []
    for start, end in _merged(underlined, len(text)):
        stretch = text[start:end]
        if end - start >= UNDERLINE_BLANK_MIN and not stretch.strip(UNDERLINE_BLANK_CHARS):
            blanks.append(Placeholder(start, end, stretch, UNDERLINED_BLANK))
    return blanks



def _merged(ranges: Sequence[Tuple[int, int]], length: int) -> List[Tuple[int, int]]:
    merged: List[Tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in ranges):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def underline_blank_icu_pattern() -> str:
    """The ICU regex that finds candidates for underlined blanks in Writer: runs of the
    blank characters.  Writer searches it together with the attribute "underlined"; the
    core (:func:`find_placeholders` with ``underlined``) then decides."""
    return "[ \\t\\u3000\\u00A0]{" + str(UNDERLINE_BLANK_MIN) + ",}"


def count_placeholders(text: str) -> int:
    return len(find_placeholders(text))


def icu_pattern() -> str:
    """One ICU regex for LibreOffice's ``XSearchable`` (``SearchRegularExpression=True``).

    It is the alternation of every rule's pattern, in the same order, without group names.
    Run inside one paragraph it matches at least every placeholder ``find_placeholders``
    reports for that paragraph's text (a superset; on plain text the very same spans, because
    the patterns are written in the syntax both engines read alike).  Use it to find the
    paragraphs and ranges quickly, then confirm with ``find_placeholders`` on each paragraph's
    text, which stays the judge: Writer text can hold characters the regex sees differently
    (fields, footnote anchors), and ``SearchCaseSensitive`` should be True.
    """
    return "|".join(f"(?:{rule.pattern})" for rule in RULES)
