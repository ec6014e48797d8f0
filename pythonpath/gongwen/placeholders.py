"""Unfilled placeholders (待填占位符): the single source of truth for what to flag.

People fill report templates full of ``X`` marks, ``××``, ``○○``, ``某某``, ``XXXX年XX月XX日``,
``【待补】`` and ``____`` and hand them in with some left.  ``find_placeholders(text)`` returns
every such span in one paragraph (or any text) and nothing else: ``X光``, ``3×4``, ``SpaceX``,
``x86``, ``y=2x+1``, ``二〇二一年`` and ``某些`` are words, products, maths and dates, not blanks.

The rules are data (``RULES``): each has a kind, a regular expression, a sentence of
explanation, and examples that must and must not be flagged (the unit tests run them all).
Earlier rules win where two could match at the same place (a blank date before its ``X`` runs).

Every pattern is written in the subset of syntax that Python's ``re`` and ICU (LibreOffice's
regex engine) read the same way: no named groups, fixed-width lookbehind only, every ASCII
punctuation character escaped inside ``[...]`` (ICU reads ``[:``, ``{``, ``&&`` and ``--``
inside a set specially), non-ASCII characters written literally or as ``\\uXXXX``.  That is what
lets ``icu_pattern()`` hand the very same rules to Writer's native search.

Standard library only, Python 3.8.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Pattern, Tuple


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


KINDS = ("date", "bracket", "blank-line", "mouhou", "x-run", "cross-run", "circle-run",
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
_SPACE = " \\t\\u3000"

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
    # 20XX届, 20XX-20XX学年: a blank year without 年
    "(?:19|20|\\uFF11\\uFF19|\\uFF12\\uFF10)(?:[" + _STRONG + "][" + _DIGIT + _STRONG + "]|["
    + _DIGIT + "][" + _STRONG + "])(?![" + _ALNUM + _STRONG + "\\u5E74])",
    # "    年   月   日": a form's blank date made of spaces
    "[" + _SPACE + "]{2,}\\u5E74[" + _SPACE + "]+\\u6708[" + _SPACE + "]+[\\u65E5\\u53F7]",
]) + ")"

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
_TODO_WORDS = ("(?:\\u5F85(?:\\u8865|\\u586B|\\u5B9A|\\u5B8C\\u5584|\\u6838|\\u786E\\u8BA4"
               "|\\u66F4\\u65B0|\\u5199|\\u67E5|\\u5F55\\u5165)"  # 待补 待填 待定 待完善 待核…
               "|\\u8BF7(?:\\u586B|\\u8F93\\u5165|\\u8865\\u5145|\\u9009\\u62E9)"  # 请填 请输入…
               "|\\u6B64\\u5904(?:\\u586B|\\u8F93\\u5165|\\u63D2\\u5165)"  # 此处填 此处输入…
               "|TODO|TBD|FIXME)")
_NOT_BRACKET = "[^\\u3010\\u3011\\[\\]\\uFF3B\\uFF3D\\u000A\\u000D]"  # nor a line break
_TODO_BRACKET = ("[\\u3010\\[\\uFF3B]" + _NOT_BRACKET + "{0,30}?" + _TODO_WORDS + _NOT_BRACKET
                 + "{0,30}[\\u3011\\]\\uFF3D]")
_EMPTY_BRACKET = (
    "(?:[\\u3010\\u3014\\uFF3B\\u300A\\u201C\\u300C\\u300E\\u3016][" + _SPACE + "]*"
    "[\\u3011\\u3015\\uFF3D\\u300B\\u201D\\u300D\\u300F\\u3017]"
    "|(?<![" + _ALNUM + "\\_])[\\(\\uFF08][" + _SPACE + "]*[\\)\\uFF09])"
)

RULES: Tuple[Rule, ...] = (
    Rule("date", _DATE,
         "A date with a blank year, month or day is one placeholder, digits and all "
         "(XXXX年XX月XX日, 20XX年, 2021年X月X日, ×月×日, 20XX-XX-XX); a filled date, a Chinese-"
         "numeral year (二〇二一年, 二○二一年) and 某年某月 are not.",
         ("XXXX年XX月XX日", "20XX年", "202X年", "落款日期：2021年X月X日", "×月×日召开",
          "○○○○年○○月○○日", "____年__月__日", "XXXX年度述职报告", "20XX-XX-XX",
          "2021年12月XX日", "X月X日", "20XX届毕业生", "XX年XX月", "二〇XX年",
          "XXXX 年 XX 月 XX 日", "日期：    年   月   日"),
         ("2021年12月31日", "二〇二一年", "二○二一年十二月", "2021-10-01", "某年某月某日",
          "1920年", "二〇〇〇年")),
    Rule("bracket", _TODO_BRACKET,
         "A bracketed note asking for text: 【待补】, 【待填】, 【请填写单位名称】, [TODO].",
         ("【待补】", "【待填】", "此项【待定】", "【请填写单位名称】", "［待完善］", "[TODO]"),
         ("【工作亮点】", "【补充说明】", "[1]", "［注］")),
    Rule("bracket", _EMPTY_BRACKET,
         "An empty pair of brackets or quotes waiting for words: 【】, （ ）, ( ), 《》, “”, 〔〕.",
         ("【】", "【 】", "（ ）", "（）", "( )", "选择（　）", "《》", "开展“”活动", "〔〕"),
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
                "\\uFF3B\\[\\u300A\\u201C\\u300C\\u300E\\u3016\\(\\uFF08" + _DIGIT + _CN_NUM
                + _SPACE + "]")


def _compile() -> Pattern[str]:
    rules = "|".join(f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(RULES))
    return re.compile(f"(?={_FIRST_CHARS})(?:{rules})")


_COMBINED = _compile()
_KIND_OF_GROUP = {f"r{i}": rule.kind for i, rule in enumerate(RULES)}
# Every placeholder contains one of these: text without any is answered at C speed.
_TRIGGER = re.compile("[" + _X + "\\u00D7\\u25CB\\u3007\\u25EF\\u25A1\\_\\uFF3F\\u67D0\\u3010"
                      "\\u3014\\uFF3B\\[\\u300A\\u201C\\u300C\\u300E\\u3016\\(\\uFF08\\u5E74"
                      "\\u6708]")


def find_placeholders(text: str) -> List[Placeholder]:
    """Every placeholder in ``text``, sorted by position, never overlapping.

    Offsets are code points of ``text`` (Python string indexes).  Run it on one paragraph
    (or one line) at a time: no placeholder spans a paragraph break.
    """
    if not _TRIGGER.search(text):
        return []
    return [Placeholder(m.start(), m.end(), m.group(), _KIND_OF_GROUP[m.lastgroup or ""])
            for m in _COMBINED.finditer(text)]


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
