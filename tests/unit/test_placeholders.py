"""The placeholder detector: its rules' own examples, the two real samples, and the cases a
careful reader would get right (X光 and SpaceX are words, X次 and ××县 are blanks)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from gongwen import placeholders
from gongwen.placeholders import (
    KINDS,
    RULES,
    Placeholder,
    count_placeholders,
    find_placeholders,
    icu_pattern,
)
from tests.samples import COUNTS, OWN, STEERING, read_sample

# From docs/GONGWEN_SPEC.md, "Don't flag", and the task's list of words, products,
# maths, units, URLs and code.
DONT_FLAG = (
    "3×4", "1920×1080", "210 mm×297 mm", "X光", "X射线", "X线", "X染色体", "X轴", "X轴/Y轴", "X型",
    "SpaceX", "Xbox", "XML", "x86", "Windows XP", "X-ray", "XL", "XXL", "XXXL", "XL/XXL/XXXL",
    "y=2x+1", "2x", "x²", "Ⅹ", "二〇二一年", "某些", "某种", "某一", "iPhone X", "Model X",
    "XP系统", "X光", "https://www.example.com/x?xx=1", "service@xx.gov.cn", "max_x",
)

# Text -> the placeholders in it, as (text, kind), in order.
TRICKY_POSITIVE: Dict[str, Tuple[Tuple[str, str], ...]] = {
    "共开展调研X次，形成报告XX篇": (("X", "x-run"), ("XX", "x-run")),
    "赴XX镇、XX镇开展调研": (("XX", "x-run"), ("XX", "x-run")),
    "建立XXX名委员联系机制": (("XXX", "x-run"),),
    "认真学习《X》及新修订的《党章》": (("X", "x-run"),),
    "通过“XX政协”公众号": (("XX", "x-run"),),
    "X政协领导班子在X的坚强领导下": (("X", "x-run"), ("X", "x-run")),
    "全面贯彻X精神和X、X精神": (("X", "x-run"), ("X", "x-run"), ("X", "x-run")),
    "组织委员赴X开展生态文明建设考察": (("X", "x-run"),),
    "发出慰问金XX万元": (("XX", "x-run"),),
    "Ｘ县Ｘ乡": (("Ｘ", "x-run"), ("Ｘ", "x-run")),
    "开展义诊x次": (("x", "x-run"),),
    "××县××局": (("××", "cross-run"), ("××", "cross-run")),
    "于×月×日召开": (("×月×日", "date"),),
    "○○县○○乡": (("○○", "circle-run"), ("○○", "circle-run")),
    "□□村": (("□□", "square-run"),),
    "某某同志、某某某同志": (("某某", "mouhou"), ("某某某", "mouhou")),
    "XXXX年XX月XX日": (("XXXX年XX月XX日", "date"),),
    "20XX年工作要点": (("20XX年", "date"),),
    "202X年度述职": (("202X年", "date"),),
    "成文日期：2021年X月X日": (("2021年X月X日", "date"),),
    "二〇XX年": (("二〇XX年", "date"),),
    "20XX—20XX学年": (("20XX", "date"), ("20XX", "date")),
    "日期：    年   月   日": (("    年   月   日", "date"),),
    "此处数据【待补】": (("【待补】", "instruction"),),
    "【待填】": (("【待填】", "instruction"),),
    "【请填写单位全称】": (("【请填写单位全称】", "instruction"),),
    "完成了【】项目": (("【】", "bracket"),),
    "选择（ ）": (("（ ）", "bracket"),),
    "附件（）": (("（）", "bracket"),),
    "签名( )": (("( )", "bracket"),),
    "姓名：______  电话：＿＿＿＿": (("______", "blank-line"), ("＿＿＿＿", "blank-line")),
    "同比增长X.X%": (("X.X", "x-run"),),
    "联系电话：XXXX-XXXXXXX": (("XXXX-XXXXXXX", "x-run"),),
    "新增装机XX MW": (("XX", "x-run"),),
    "在 X 县工作": (("X", "x-run"),),
    "建成XX光伏电站": (("XX", "x-run"),),
    "改造X线路": (("X", "x-run"),),
    "X次会议，X、X、X领导列席": (("X", "x-run"),) * 4,
    "每人X~X元": (("X", "x-run"), ("X", "x-run")),
    "（X）": (("X", "x-run"),),
    "第X条第X款": (("X", "x-run"), ("X", "x-run")),
    "X月份": (("X", "x-run"),),
    "工作X年": (("X", "x-run"),),
    "X年X月X日": (("X年X月X日", "date"),),
    "2021年12月XX日": (("2021年12月XX日", "date"),),
    "20XX-XX-XX": (("20XX-XX-XX", "date"),),
    "○○○○年○○月○○日": (("○○○○年○○月○○日", "date"),),
    "在X光伏": (("X", "x-run"),),
    "XXX同志在X考察时的讲话": (("XXX", "x-run"), ("X", "x-run")),
    "X%的群众": (("X", "x-run"),),
    "会议时间：XX:XX": (("XX:XX", "x-run"),),
    "联系电话：138XXXXXXXX": (("XXXXXXXX", "x-run"),),
    "新建道路XXkm，面积XXm²": (("XX", "x-run"), ("XX", "x-run")),
    "【待补：XX】": (("【待补：XX】", "instruction"),),
    "【X】": (("X", "x-run"),),
    "XXXX年XX月XX日至XXXX年XX月XX日": (("XXXX年XX月XX日", "date"), ("XXXX年XX月XX日", "date")),
    "（　　）": (("（　　）", "bracket"),),
    "XXXX年 工作总结": (("XXXX年", "date"),),  # a span never ends in a space
    "2021 年 X 月 开展": (("2021 年 X 月", "date"),),
    "于 X月X日": (("X月X日", "date"),),
    # bracketed fill-ins and instructions: one finding per bracket, X runs inside included
    "参赛者：[姓名/队伍名]": (("[姓名/队伍名]", "fill-in"),),
    "奖金[具体金额]元": (("[具体金额]", "fill-in"),),
    "【单位名称】关于开展检查的通知": (("【单位名称】", "fill-in"),),
    "（插入比赛现场照片）": (("（插入比赛现场照片）", "instruction"),),
    "（此处填写本单位获奖情况）": (("（此处填写本单位获奖情况）", "instruction"),),
    "主要成效（待补充）。": (("（待补充）", "instruction"),),
    "（待完善）": (("（待完善）", "instruction"),),
    "【此处插入图表】": (("【此处插入图表】", "instruction"),),
    "（插入XX镇照片）": (("（插入XX镇照片）", "instruction"),),
    "[姓名]、[姓名]": (("[姓名]", "fill-in"), ("[姓名]", "fill-in")),
    # a blank inside a bracket that is no fill-in is found once, by its own rule
    "拨付资金（XX万元）": (("XX", "x-run"),),
    "【XX单位】": (("XX", "x-run"),),
    "（XXXX年XX月XX日）": (("XXXX年XX月XX日", "date"),),
    # template fields
    "{{标题}}": (("{{标题}}", "template-field"),),
    "{{年}}年工作总结": (("{{年}}", "template-field"),),
    "致{{ name }}：{{XX}}": (("{{ name }}", "template-field"), ("{{XX}}", "template-field")),
    "{% for 项目 in 项目列表 %}": (("{% for 项目 in 项目列表 %}", "template-field"),),
    # blank dates and 发文字号
    "年  月  日": (("年  月  日", "date"),),
    "2025年  月  日": (("2025年  月  日", "date"),),
    "    年  月  日": (("    年  月  日", "date"),),
    "XXXX年　　月　　日": (("XXXX年　　月　　日", "date"),),
    "X发〔    〕号": (("X", "x-run"), ("〔    〕", "doc-number")),
    "县政发〔　　〕号": (("〔　　〕", "doc-number"),),
    # blank lines of either width
    "签字：___　日期：＿＿＿＿＿": (("___", "blank-line"), ("＿＿＿＿＿", "blank-line")),
}

TRICKY_NEGATIVE: Tuple[str, ...] = (
    # Latin words, products, model numbers
    "SpaceX发射火箭", "使用Xbox", "XML格式", "x86架构", "Windows XP系统", "XP系统", "iPhone X发布",
    "特斯拉Model X", "X-ray检查", "DirectX 12", "Mac OS X", "X11", "X Window", "X.509证书",
    "XL码", "T恤XXL", "XXXL", "宝马X5", "Galaxy X", "Xeon处理器", "TXT文件", "NOx排放",
    # X as a Latin letter in Chinese words
    "拍X光", "X光片", "X射线衍射", "X线检查", "X染色体", "X轴/Y轴", "X型", "X形腿", "X刀",
    "X战警", "X档案", "X展架",
    # maths, units, formulas
    "3×4", "1920×1080", "210 mm×297 mm", "2 × 3", "A×B", "长×宽×高", "(a+b)×c", "３×４",
    "y=2x+1", "2x", "x²", "x^2", "3x4", "4x4", "f(x)", "0x1F", "1+X证书", "“1+X”证书制度",
    "X/Y", "1:X", "PM2.5", "H.264", "使用Xmind", "XGBoost模型", "返回5xx错误", "3XX",
    # URLs, e-mail, code
    "https://www.example.com/x?xx=1", "www.xxx.gov.cn", "service@xx.gov.cn", "max_x", "x_max",
    "getX()", "print()", "__init__", "a___b",
    # numerals, dates, words with one 某
    "Ⅹ", "Ⅻ", "二〇二一年", "二○二一年十二月三十一日", "二〇〇〇年", "2021年12月31日",
    "2021-10-01", "一○○", "某些", "某种", "某一", "某个", "某年某月某日", "张某",
    # brackets with words in them, a single check box
    "（一）", "《政协章程》", "“四个意识”“四个自信”", "【工作亮点】", "[1]", "□是 □否",
    "○ 项目一",
    # brackets that are text: citations, notes, labels, numbering, remarks, titles, dates
    "[1]", "[注]", "【工作回顾】", "【典型案例】", "（一）", "（略）", "（此件公开发布）",
    "（以下简称“市政府”）", "（以下简称“填写说明”）", "（2023年修订）", "[2021]",
    "（2021年12月31日）", "《关于填写统计报表的通知》", "（见附件1）", "（此页无正文）",
    "（由申请人填写）", "（此处略）", "县政发〔2025〕12号", "{标题}",
)


def spans(text: str) -> List[Tuple[str, str]]:
    return [(p.text, p.kind) for p in find_placeholders(text)]


def sample_lines(name: str) -> List[str]:
    return read_sample(name).splitlines()


# ---- the rules as data --------------------------------------------------------------------

RULE_EXAMPLES = [(i, text) for i, rule in enumerate(RULES) for text in rule.must_match]
RULE_COUNTER_EXAMPLES = [(i, text) for i, rule in enumerate(RULES) for text in rule.must_not_match]


def test_every_rule_is_documented_with_examples_both_ways():
    for rule in RULES:
        assert rule.kind in KINDS
        assert rule.doc and rule.must_match and rule.must_not_match
        re.compile(rule.pattern)
        assert "(?P<" not in rule.pattern  # the rules are joined into one regex


@pytest.mark.parametrize("index, text", RULE_EXAMPLES)
def test_rule_example_is_one_placeholder_of_its_kind(index: int, text: str):
    rule = RULES[index]
    found = find_placeholders(text)
    assert [p.kind for p in found] == [rule.kind], found
    assert re.search(rule.pattern, text), "the example must be this rule's own match"


@pytest.mark.parametrize("index, text", RULE_COUNTER_EXAMPLES)
def test_rule_counter_example_is_no_placeholder(index: int, text: str):
    assert find_placeholders(text) == []
    assert not re.search(RULES[index].pattern, text)


# ---- the sample reports ---------------------------------------------------------------------

# What a reader marks as unfilled in the samples, by hand: the steering notes' real reports
# leave only X runs; the repository's own leave 20XX年, X.X (XX.X), ××, ○○ and 某某 as well.
BY_HAND = {name: "X+" for name in STEERING}
BY_HAND.update({name: r"20XX年|X+\.X|X+|××|○○|某某" for name in OWN})


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_sample_has_exactly_its_placeholders(name: str):
    lines = sample_lines(name)
    found = [p for line in lines for p in find_placeholders(line)]
    assert len(found) == COUNTS[name]
    # The spans are exactly what a reader marks, nothing more, nothing less.
    marked = [m.group() for line in lines for m in re.finditer(BY_HAND[name], line)]
    assert [p.text for p in found] == marked


@pytest.mark.parametrize("name", sorted(STEERING))
def test_steering_sample_blanks_are_x_runs_only(name: str):
    lines = sample_lines(name)
    assert {p.kind for line in lines for p in find_placeholders(line)} == {"x-run"}
    # ...and no X run there is part of a blank date (that would merge runs into one span).
    assert not any(re.search("X[年月日号]", line) for line in lines)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_whole_sample_text_gives_the_same_spans_as_line_by_line(name: str):
    text = read_sample(name)
    assert count_placeholders(text) == COUNTS[name]
    for p in find_placeholders(text):
        assert text[p.start:p.end] == p.text


def test_offsets_are_code_points_of_the_text_given():
    text = "𠀋𠀋开展X次"  # two characters outside the BMP: UTF-16 would count 4
    assert find_placeholders(text) == [Placeholder(4, 5, "X", "x-run")]


# ---- what must never be flagged, what must --------------------------------------------------

@pytest.mark.parametrize("text", DONT_FLAG + TRICKY_NEGATIVE)
def test_not_a_placeholder(text: str):
    assert spans(text) == []


def test_the_dont_flag_list_as_one_text_gives_zero():
    assert count_placeholders("，".join(DONT_FLAG)) == 0
    assert count_placeholders("\n".join(DONT_FLAG + TRICKY_NEGATIVE)) == 0


@pytest.mark.parametrize("text", sorted(TRICKY_POSITIVE))
def test_placeholder(text: str):
    assert spans(text) == list(TRICKY_POSITIVE[text])


def test_spans_are_sorted_and_disjoint_and_exact():
    text = "\n".join(TRICKY_POSITIVE) + "\n" + "\n".join(TRICKY_NEGATIVE)
    found = find_placeholders(text)
    assert sum(len(v) for v in TRICKY_POSITIVE.values()) == len(found)
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start
    for p in found:
        assert p.start < p.end and text[p.start:p.end] == p.text


def test_a_bracket_never_spans_lines():
    assert count_placeholders("【第一行\n待补】") == 0
    assert count_placeholders("【第一行】\n【待补】") == 1


def test_empty_and_plain_text():
    assert find_placeholders("") == []
    assert count_placeholders("一年来，县政协班子坚持把凝聚共识作为主轴。") == 0


def test_filled_placeholder_is_gone():
    assert count_placeholders("开展调研X次") == 1
    assert count_placeholders("开展调研5次") == 0


# Sentences of finished documents, brackets, dates, numbers and all: none is a blank.
ORDINARY_SENTENCES: Tuple[str, ...] = (
    "根据《中华人民共和国安全生产法》（2021年修正）和《条例》[1]的规定，现就有关事项通知如下：",
    "一、工作回顾（一）主要成效",
    "【工作回顾】2024年，全县完成固定资产投资35.6亿元，同比增长8.2%。",
    "【典型案例】某镇探索“积分制”治理模式，受到省委肯定。", "（此件公开发布）", "（此页无正文）",
    "附件：1.2025年度考核细则（见附件1）",
    "国务院办公厅关于印发《国务院2025年度立法工作计划》的通知", "国办发〔2025〕18号",
    "（以下简称“《办法》”）", "具体内容从略（略）", "[注] 本表数据截至12月31日。",
    "二〇二五年三月十日", "（2025年3月10日）", "[2021]第3号判决书",
    "参考文献：[1] 张三. 论文. 2020.", "会议时间：2025年5月6日（星期二）上午9:00",
    "联系人：王明，电话：0314-2051234",
    "请各单位于5月20日前将材料报送县政府办公室（电子版发送至邮箱）。",
    "请在表格中如实填写，由单位负责人签字（盖章）。", "（一）坚持党建引领，（二）强化责任落实",
    "本办法自2025年1月1日起施行，有效期5年。", "各乡（镇）人民政府，县直各单位：",
    "项目总投资1.2亿元（其中中央资金3000万元）。", "县长  张三", "    特此通知。",
    "印发《关于做好2025年防汛工作的通知》", "{这是一段花括号中的说明}", "集合{1, 2, 3}",
    "本年 月均增长2%", "活动名称：“书香机关”读书月", "表1  各单位完成情况（单位：万元）",
    "填表说明：本表由各单位填写。", "（填写说明见背面）", "（本人签字）",
)


@pytest.mark.parametrize("text", ORDINARY_SENTENCES)
def test_ordinary_sentence_has_no_placeholder(text: str):
    assert spans(text) == []


def test_ordinary_sentences_and_the_bench_report_without_its_blanks_give_zero():
    assert count_placeholders("\n".join(ORDINARY_SENTENCES)) == 0
    from generated_report import generate_report

    text = "\n".join(generate_report(20))
    filled = re.sub("[X×○某]", "三", text)  # every blank filled in
    assert count_placeholders(filled) == 0


# ---- underlined blanks (formatting the renderers pass in) ------------------------------------

@pytest.mark.parametrize("text, underlined, expected", [
    ("姓名：      ", [(3, 9)], [("      ", 3)]),
    ("姓名：　　　", [(3, 4), (4, 6)], [("　　　", 3)]),           # two runs, one stretch
    ("负责人：\u00a0\u00a0（签字）", [(4, 6)], [("\u00a0\u00a0", 4)]),
    ("签名：\t\t", [(3, 5)], [("\t\t", 3)]),
    ("单位：  张三  ", [(3, 9)], []),                                # filled in
    ("单位：  张三  ", [(3, 5), (5, 7), (7, 9)], []),              # ... over several runs
    ("重要 通知", [(0, 5)], []),                                     # underlined words
    ("a b", [(1, 2)], []),                                            # one space
    ("日期：      ", [], []),                                        # not underlined
    ("日期：    年  月  日", [(3, 14)], [("    年  月  日", 3)]),  # the date, once
    ("电话：  XX  ", [(3, 9)], [("XX", 5)]),                         # the X run, once
])
def test_underlined_blanks(text, underlined, expected):
    assert [(p.text, p.start) for p in find_placeholders(text, underlined)] == expected
    for p in placeholders.underlined_blanks(text, underlined):
        assert p.kind == "underlined-blank" and text[p.start:p.end] == p.text


def test_underline_ranges_outside_the_text_are_clipped():
    assert [p.text for p in find_placeholders("签名：  ", [(3, 99), (-5, 0)])] == ["  "]


def test_underline_blank_pattern_finds_the_candidates():
    candidate = re.compile(icu_to_python(placeholders.underline_blank_icu_pattern()))
    assert [m.group() for m in candidate.finditer("姓名：  a b\u3000\u3000\t\u00a0")] == [
        "  ", "\u3000\u3000\t\u00a0"]


# ---- the ICU pattern for Writer's native search ---------------------------------------------

def icu_to_python(pattern: str) -> str:
    """ICU -> Python: the only ICU-only constructs the pattern may use are \\p{Han}-style
    properties; everything else is read alike (that is the design), so this is nearly identity."""
    return pattern.replace("\\p{Han}", "\\u3400-\\u4DBF\\u4E00-\\u9FFF")


def _set_spans(pattern: str) -> List[str]:
    """The contents of every [...] in the pattern (no nesting is used)."""
    sets, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":
            j = i + 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            sets.append(pattern[i + 1:j])
            i = j
        i += 1
    return sets


def test_icu_pattern_uses_only_syntax_icu_and_libreoffice_read_as_python_does():
    pattern = icu_pattern()
    for construct in ("(?P<", "(?P=", "(?#", "(?<name>", "\\Z", "(?i", "(?x", "(?s"):
        assert construct not in pattern
    # LibreOffice rewrites \< and \> into word boundaries before ICU sees the pattern.
    assert "\\<" not in pattern and "\\>" not in pattern
    for contents in _set_spans(pattern):
        body = contents[1:] if contents.startswith("^") else contents
        # Inside ICU sets '[' nests, '{' starts a string, '[:' a property, '&&'/'--' operate:
        # every ASCII punctuation mark but a range's '-' must be escaped.
        unescaped = re.sub(r"\\.", "", body)
        unescaped = re.sub(r"(?<=[0-9A-Za-z])-(?=[0-9A-Za-z\\])", "", unescaped)
        assert not re.search(r"[\[\]{}&:$^|\-]", unescaped), contents


def test_icu_pattern_compiles_in_python_and_is_the_detector():
    candidate = re.compile(icu_to_python(icu_pattern()))
    texts = [line for name in OWN for line in sample_lines(name)]
    texts += list(TRICKY_POSITIVE) + list(TRICKY_NEGATIVE) + list(DONT_FLAG)
    texts += [t for rule in RULES for t in rule.must_match + rule.must_not_match]
    for text in texts:
        matches = [(m.start(), m.end()) for m in candidate.finditer(text)]
        expected = [(p.start, p.end) for p in find_placeholders(text)]
        missing = set(expected) - set(matches)
        assert not missing, (text, missing)  # the contract: a superset
        assert matches == expected, text  # the design: the same spans


def test_the_first_character_shortcut_changes_no_result():
    plain = re.compile("|".join(f"(?:{rule.pattern})" for rule in RULES))
    for text in list(TRICKY_POSITIVE) + list(TRICKY_NEGATIVE) + [
            "\n".join(sample_lines(name)) for name in OWN]:
        assert [m.span() for m in plain.finditer(text)] == [
            (p.start, p.end) for p in find_placeholders(text)]


def test_module_is_standard_library_only():
    source = Path(placeholders.__file__).read_text(encoding="utf-8")
    imports = re.findall(r"^(?:from|import) (\w+)", source, re.M)
    assert set(imports) <= {"__future__", "re", "typing"}
