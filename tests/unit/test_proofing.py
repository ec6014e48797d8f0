"""边写边查's core (gongwen.proofing): per paragraph, the findings of the explicit checks."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generated_report import generate_report
from gongwen import formatcheck, placeholders, proofing
from gongwen.writer.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
OOR = "{http://openoffice.org/2001/registry}"
DONE_WHEN = "请于2025年3月10日前报送XX材料,联系人:王五."


def _marks(text: str):
    return [(f.code, text[f.start:f.end], f.suggestions) for f in proofing.proofread(text)]


def test_the_sentence_of_the_issue_is_marked_where_it_says():
    assert _marks(DONE_WHEN) == [("placeholder", "XX", ()), ("punctuation", ",", ("，",)),
                                 ("punctuation", ":", ("：",)), ("punctuation", ".", ("。",))]
    finding = proofing.proofread(DONE_WHEN)[1]
    # 检查格式's own words for the same problem
    assert finding.short == "中文句中用了半角标点“,”，改为全角“，”。"
    assert "GB/T 15834" in finding.full


@pytest.mark.parametrize("text, mark, suggestion", [
    ("一.加强学习", "一.", "一、"), ("(一)学习理论", "(一)", "（一）"), ("1、读原著", "1、", "1."),
    ("１．读原著", "１．", "1."), ("(3)每周一次", "(3)", "（3）"),
])
def test_a_heading_number_in_a_wrong_form_gets_the_standard_one(text, mark, suggestion):
    assert _marks(text) == [("numbering", mark, (suggestion,))]
    assert "GB/T 9704" in proofing.proofread(text)[0].full


@pytest.mark.parametrize("text", ["一、加强学习", "（一）学习理论", "1.读原著", "（3）每周一次",
                                  "1.5万元用于改造", "一是加强学习", "1、2月份完成"])
def test_standard_numbers_and_numbers_that_are_no_headings_are_left_alone(text):
    assert _marks(text) == []


@pytest.mark.parametrize("text, mark, suggestion", [
    ("2021.12.31", "2021.12.31", "2021年12月31日"),
    ("  二〇二一年十二月三十一日", "二〇二一年十二月三十一日", "2021年12月31日"),
    ("2024年03月01日", "2024年03月01日", "2024年3月1日"),
    ("事业六部      2018-1-26", "2018-1-26", "2018年1月26日"),
])
def test_a_date_line_not_written_the_standard_way_gets_that_form(text, mark, suggestion):
    assert _marks(text) == [("date", mark, (suggestion,))]


@pytest.mark.parametrize("text", ["2021年12月31日", "会议于2021.12.31召开，全体参加。",
                                  "XXXX年XX月XX日"])
def test_no_date_finding_for_a_standard_date_a_date_in_a_sentence_or_a_blank_one(text):
    assert "date" not in [code for code, _, _ in _marks(text)]


def test_placeholders_are_exactly_what_the_detector_finds_in_every_rule_example():
    for rule in placeholders.RULES:
        for example in rule.must_match + rule.must_not_match:
            expected = [(p.start, p.end) for p in placeholders.find_placeholders(example)]
            got = [(f.start, f.end) for f in proofing.proofread(example)
                   if f.code == "placeholder"]
            assert got == expected, example


def test_over_a_whole_report_it_agrees_with_lint_paragraph_by_paragraph():
    """The same detectors: every placeholder and punctuation problem lint reports is a
    finding at the same place, and there are no others of those codes."""
    texts = generate_report(20)
    texts[5:5] = [DONE_WHEN, "详见附件:1.统计表", "访问www.example.gov.cn,或发邮件至a@b.cn.",
                  "增长3.5%,达到10:30的水平", "他说\"好\",然后离开."]
    problems = formatcheck.check(formatcheck.DocumentFacts(
        [formatcheck.ParagraphFacts(text) for text in texts]))
    for code in ("placeholder", "punctuation"):
        from_lint = sorted((p.paragraph, p.start, p.end) for p in problems if p.code == code)
        from_proofing = sorted((index, f.start, f.end) for index, text in enumerate(texts)
                               for f in proofing.proofread(text) if f.code == code)
        assert from_proofing == from_lint, code
        assert from_lint  # the report has some of each


@pytest.mark.parametrize("text, mark, suggestions, source", [
    ("我们 是", " ", (), "GB/T 15834"),  # a deleted space: no empty menu entry
    ("２０２５年计划", "２０２５", ("2025",), "GB/T 15835"),
    ('他说"好', '"', ("“",), "GB/T 15834"),  # a doubt: offered, left to the author
])
def test_every_kind_of_punctuation_finding_lint_knows(text, mark, suggestions, source):
    finding, = proofing.proofread(text)
    assert (finding.code, text[finding.start:finding.end], finding.suggestions) == (
        "punctuation", mark, suggestions)
    assert source in finding.full


def test_the_gap_of_a_one_line_signature_and_date_is_layout_not_a_stray_space():
    assert _marks("事业六部  2018年1月26日") == []


def test_ignored_codes_are_left_out():
    assert [f.code for f in proofing.proofread(DONE_WHEN, ignored={"punctuation"})] == \
        ["placeholder"]


def test_offsets_count_utf16_units_after_a_character_outside_the_bmp():
    text = "😀𠀀请报送XX材料,谢谢"
    findings = proofing.proofread(text)
    assert [text[f.start:f.end] for f in findings] == ["XX", ","]
    # 😀 and 𠀀 are two UTF-16 units each: every offset after them moves by two per character
    assert proofing.utf16_ranges(text, findings) == [(7, 2), (11, 1)]
    assert proofing.utf16_length(text) == len(text) + 2
    assert proofing.code_point_index(text, 7) == 5


def test_a_bmp_only_text_keeps_its_offsets():
    findings = proofing.proofread(DONE_WHEN)
    assert proofing.utf16_ranges(DONE_WHEN, findings) == [(15, 2), (19, 1), (23, 1), (26, 1)]


@pytest.mark.parametrize("code, text", [("placeholder", "XX材料"), ("punctuation", "好,的"),
                                        ("numbering", "(一)学习"), ("date", "2021.1.2")])
def test_each_code_speaks_chinese_and_english(code, text):
    zh, = proofing.proofread(text, "zh-CN")
    en, = proofing.proofread(text, "en-US")
    assert zh.code == en.code == code
    assert zh.short != en.short and zh.full != en.full
    assert zh.short.endswith("。") and en.short.endswith(".")


def test_the_switch_is_a_checkable_menu_command_on_by_default():
    command = COMMANDS["ToggleProofreading"]
    assert command.state and not command.modifies
    urls = [value.text for value in ET.parse(ROOT / "extension" / "Addons.xcu").iter("value")]
    assert "vnd.gongwen:ToggleProofreading" in urls
    schema = ET.parse(ROOT / "extension" / "Settings.xcs").getroot()
    group = next(g for g in schema.iter("group") if g.get(f"{OOR}name") == "Proofing")
    assert next(group.iter("value")).text == "true"


def test_linguistic_xcu_registers_the_checker_for_zh_cn_and_the_manifest_ships_it():
    root = ET.parse(ROOT / "extension" / "Linguistic.xcu").getroot()
    assert (root.get(f"{OOR}package"), root.get(f"{OOR}name")) == (
        "org.openoffice.Office", "Linguistic")
    checkers = root.find(f"node[@{OOR}name='ServiceManager']/node[@{OOR}name='GrammarCheckers']"
                         )
    node = checkers.find("node")
    assert node.get(f"{OOR}name") == "org.gongwen.writer.Proofreader"
    # en-US too: Writer gives "(一)…", "1、…", "XX…" the language of their first character
    assert node.find("prop/value").text.split() == ["zh-CN", "en-US"]
    manifest = (ROOT / "META-INF" / "manifest.xml").read_text(encoding="utf-8")
    assert 'manifest:full-path="extension/Linguistic.xcu"' in manifest
