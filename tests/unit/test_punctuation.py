"""规范写法 of punctuation: every rule's examples (data in gongwen.punctuation.RULES) run here."""

from __future__ import annotations

import re

import pytest

from gongwen import punctuation
from gongwen.punctuation import (
    PROTECTED,
    RULES,
    TextFix,
    analyse,
    apply_fixes,
    punctuation_doubts,
    punctuation_fixes,
)

FIXES = [(rule.kind, typed, wanted) for rule in RULES for typed, wanted in rule.fixes]
KEEPS = [(rule.kind, typed) for rule in RULES for typed in rule.keeps]
DOUBTS = [(rule.kind, typed) for rule in RULES for typed in rule.doubts]


@pytest.mark.parametrize("kind, typed, wanted", FIXES)
def test_rule_fixes(kind, typed, wanted):
    fixes = punctuation_fixes(typed)
    assert apply_fixes(typed, fixes) == wanted
    assert kind in {f.kind for f in analyse(typed).fixes}


@pytest.mark.parametrize("kind, typed", KEEPS)
def test_rule_keeps(kind, typed):
    assert punctuation_fixes(typed) == []
    assert punctuation_doubts(typed) == []


@pytest.mark.parametrize("kind, typed", DOUBTS)
def test_rule_doubts(kind, typed):
    assert punctuation_fixes(typed) == []
    assert punctuation_doubts(typed)


@pytest.mark.parametrize("kind, typed, wanted", FIXES)
def test_a_fixed_text_is_fixed_for_good(kind, typed, wanted):
    """After the fix nothing is left to fix: the checker has nothing to say about it."""
    assert punctuation_fixes(wanted) == []


@pytest.mark.parametrize("rule", PROTECTED + (punctuation.REFERENCE,), ids=lambda rule: rule.kind)
def test_protected_examples_stay_inside_chinese(rule):
    for example in rule.examples:
        assert re.search(rule.pattern, example), example
        text = "详见" + example + "的说明"
        assert example in apply_fixes(text, punctuation_fixes(text)), example


def test_every_kind_has_a_rule():
    assert {rule.kind for rule in RULES} == set(punctuation.KINDS)


def test_fixes_are_sorted_and_do_not_overlap():
    text = '一是"加强" 领导(试行),二是２０２５年...其他--说明.'
    fixes = punctuation_fixes(text)
    assert all(isinstance(fix, TextFix) for fix in fixes)
    assert all(a.end <= b.start for a, b in zip(fixes, fixes[1:]))
    assert apply_fixes(text, fixes) == "一是“加强”领导（试行），二是2025年……其他——说明。"


def test_offsets_are_code_points():
    text = "𠀀𠀀,我们"  # CJK Extension B: two UTF-16 units each, one code point
    assert punctuation_fixes(text) == [TextFix(2, 3, "，")]


def test_long_paragraph_is_linear():
    import time
    text = ("为切实做好工作,现将有关事项通知如下:" * 2000) + "X" * 30000
    started = time.perf_counter()
    fixes = punctuation_fixes(text)
    assert len(fixes) == 4000
    assert time.perf_counter() - started < 5
