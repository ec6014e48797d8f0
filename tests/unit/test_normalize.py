"""规范写法 (gongwen.normalize): which text each option rewrites, and what it must leave alone."""

from __future__ import annotations

import doctest

import pytest

from gongwen import normalize, roles
from gongwen.normalize import (
    BLANK_LINES,
    DATES,
    NUMBERING,
    PUNCTUATION,
    SPACES,
    Edit,
    Normalization,
    UnknownKind,
    apply_edits,
    edits,
    rewrite,
)
from gongwen.spec import Role

ALL = Normalization.parse("all")
ONLY_DATES = Normalization(dates=True)
ONLY_NUMBERING = Normalization(numbering=True)
ONLY_SPACES = Normalization(leading_spaces=True)
ONLY_PUNCTUATION = Normalization(punctuation=True)


def test_doctests():
    result = doctest.testmod(normalize)
    assert result.attempted >= 8 and result.failed == 0


# --- options ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, kinds", [
    ("", ()),
    ("dates", (DATES,)),
    ("numbering", (NUMBERING,)),
    ("spaces", (SPACES,)),
    ("spaces,dates", (DATES, SPACES)),
    (" Dates , NUMBERING ,", (DATES, NUMBERING)),
    ("blank-lines", (BLANK_LINES,)),
    ("punctuation", (PUNCTUATION,)),
    ("all", (DATES, NUMBERING, SPACES, BLANK_LINES, PUNCTUATION)),
    ("dates,all", (DATES, NUMBERING, SPACES, BLANK_LINES, PUNCTUATION)),
])
def test_parse_options(value: str, kinds: tuple):
    assert Normalization.parse(value).kinds == kinds
    assert Normalization.parse(value).any == bool(kinds)


@pytest.mark.parametrize("value", ["date", "numbers", "indent", "all,x", "1"])
def test_unknown_option_is_refused_by_name(value: str):
    with pytest.raises(UnknownKind) as refused:
        Normalization.parse(value)
    assert refused.value.kind in value


def test_default_changes_nothing():
    for text, role in [("一.加强学习", Role.HEADING1), ("  正文。", Role.BODY),
                       ("2021.12.31", Role.DATE)]:
        assert edits(text, role, Normalization()) == []
        assert rewrite(text, role, normalize.NONE) is None


def test_union():
    assert ONLY_DATES.union(ONLY_SPACES) == Normalization(dates=True, leading_spaces=True)


# --- numbering -------------------------------------------------------------------------

@pytest.mark.parametrize("text, role, expected", [
    ("一.加强政治理论学习", Role.HEADING1, "一、加强政治理论学习"),
    ("二．履职尽责", Role.HEADING1, "二、履职尽责"),
    ("十一.其他", Role.HEADING1, "十一、其他"),
    ("一 、加强学习", Role.HEADING1, "一、加强学习"),
    ("(一)坚持集中学习", Role.HEADING2, "（一）坚持集中学习"),
    ("（一)坚持集中学习", Role.HEADING2, "（一）坚持集中学习"),
    ("( 二 )强化监督", Role.HEADING2, "（二）强化监督"),
    ("（三）、抓落实", Role.HEADING2, "（三）抓落实"),
    ("1、读原著学原文", Role.HEADING3, "1.读原著学原文"),
    ("1．读原著学原文", Role.HEADING3, "1.读原著学原文"),
    ("１２、第十二项", Role.HEADING3, "12.第十二项"),
    ("(1)每周一次集体学习", Role.HEADING4, "（1）每周一次集体学习"),
    ("（２）每月一次", Role.HEADING4, "（2）每月一次"),
    # the gap typed after the number goes with it; the rest of the text is kept as is
    ("1. 读原著，学原文 ", Role.HEADING3, "1.读原著，学原文 "),
    ("(一)\u3000坚持学习", Role.HEADING2, "（一）坚持学习"),
])
def test_numbering_is_normalised(text: str, role: str, expected: str):
    assert roles.classify(["正文。", text, "正文。"])[1] == role  # the classifier agrees
    assert rewrite(text, role, ONLY_NUMBERING) == expected
    [edit] = edits(text, role, ONLY_NUMBERING)
    assert edit.kind == NUMBERING and edit.start == 0


@pytest.mark.parametrize("text, role", [
    ("一、加强政治理论学习", Role.HEADING1),  # already normal
    ("（一）坚持集中学习", Role.HEADING2),
    ("1.读原著学原文", Role.HEADING3),
    ("（1）每周一次集体学习", Role.HEADING4),
    ("1、2月份完成X项任务。", Role.BODY),  # body text that starts with a number
    ("一是加强学习，二是抓好落实。", Role.BODY),
    ("一、二季度全县经济运行平稳。", Role.BODY),
    ("1.5万元用于培训。", Role.BODY),
    ("(一)写在正文里的编号", Role.BODY),  # not a heading by role: the role decides
    ("1、附件一", Role.ATTACHMENT),
    ("", Role.BLANK),
    ("\u3000\u3000", Role.BLANK),
])
def test_numbering_leaves_these_alone(text: str, role: str):
    assert rewrite(text, role, ONLY_NUMBERING) is None


def test_numbering_keeps_leading_spaces_unless_asked():
    typed = "\u3000\u3000(一)学习"
    assert rewrite(typed, Role.HEADING2, ONLY_NUMBERING) == "\u3000\u3000（一）学习"
    assert rewrite(typed, Role.HEADING2, ALL) == "（一）学习"


def test_a_bare_number_keeps_its_trailing_spaces():
    assert rewrite("一.  ", Role.HEADING1, ONLY_NUMBERING) == "一、  "


# --- dates -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2025.12.31", "2025年12月31日"),
    ("2021-12-31", "2021年12月31日"),
    ("2021/1/5", "2021年1月5日"),
    ("二〇二一年十二月三十一日", "2021年12月31日"),
    ("2021年12月01日", "2021年12月1日"),
    ("２０２１．１２．３１", "2021年12月31日"),
    (" 2021.12.31\u3000", " 2021年12月31日\u3000"),  # only the date itself: spaces are SPACES'
])
def test_dates_are_normalised(text: str, expected: str):
    assert rewrite(text, Role.DATE, ONLY_DATES) == expected


@pytest.mark.parametrize("text, role", [
    ("2021年12月31日", Role.DATE),
    ("XXXX年XX月XX日", Role.DATE),  # still to be filled in
    ("20XX年X月X日", Role.DATE),
    ("2021.12.31", Role.BODY),  # a date in the body is not the 成文日期
    ("2021年12月31日前完成全部任务。", Role.BODY),
])
def test_dates_left_alone(text: str, role: str):
    assert rewrite(text, role, ONLY_DATES) is None


# --- leading spaces --------------------------------------------------------------------

@pytest.mark.parametrize("text, role, expected", [
    ("    一年来，我认真履职。", Role.BODY, "一年来，我认真履职。"),
    ("\u3000\u3000一年来，我认真履职。", Role.BODY, "一年来，我认真履职。"),
    ("\t一年来。", Role.BODY, "一年来。"),
    ("\u00a0\u00a0 \u3000\t一年来。", Role.BODY, "一年来。"),
    ("  述职人：张三", Role.SIGNATURE, "述职人：张三"),
    ("  XX县工作总结", Role.TITLE, "XX县工作总结"),
    ("  一、加强学习", Role.HEADING1, "一、加强学习"),
    # spaces inside and at the end are the author's
    ("  全年  完成X项。  ", Role.BODY, "全年  完成X项。  "),
])
def test_leading_spaces_removed(text: str, role: str, expected: str):
    assert rewrite(text, role, ONLY_SPACES) == expected


@pytest.mark.parametrize("text, role", [
    ("", Role.BLANK),
    ("    ", Role.BLANK),  # a blank paragraph keeps its spaces: they are all it has
    ("\u3000\t", Role.BLANK),
    ("一年来，我认真履职。", Role.BODY),
    ("全年  完成X项。  ", Role.BODY),
    ("\n正文", Role.BODY),  # a line break is no indentation
    ("\u2003正文", Role.BODY),  # an em space is typeset on purpose
])
def test_leading_spaces_left_alone(text: str, role: str):
    assert rewrite(text, role, ONLY_SPACES) is None


# --- together --------------------------------------------------------------------------

def test_all_together_on_a_messy_document():
    lines = ["  XX县2025年度工作总结", "各位领导：", "  一年来，我认真履职。", "一.加强学习",
             "(一)坚持集中学习", "1、读原著学原文。坚持每周学习。", "(1)每周一次。",
             "1、2月份完成X项任务。", "", "  ", "特此报告。", "述职人：张三", "  2025.12.31"]
    paragraph_roles = roles.classify(lines)
    result = [rewrite(text, role, ALL) for text, role in zip(lines, paragraph_roles)]
    assert result == ["XX县2025年度工作总结", None, "一年来，我认真履职。", "一、加强学习",
                      "（一）坚持集中学习", "1.读原著学原文。坚持每周学习。", "（1）每周一次。",
                      None, None, None, None, None, "2025年12月31日"]
    kinds = [edit.kind for text, role in zip(lines, paragraph_roles)
             for edit in edits(text, role, ALL)]
    assert kinds.count(SPACES) == 3 and kinds.count(NUMBERING) == 4 and kinds.count(DATES) == 1


def test_edits_are_ascending_and_do_not_overlap():
    changes = edits("\u3000 (一) 学习", Role.HEADING2, ALL)
    assert changes == [Edit(0, 2, "", SPACES), Edit(2, 6, "（一）", NUMBERING)]
    assert apply_edits("\u3000 (一) 学习", changes) == "（一）学习"


def test_rewriting_twice_changes_nothing_more():
    for text, role in [("  (一) 学习", Role.HEADING2), ("\t2021-12-31 ", Role.DATE),
                       ("　　1、读原著", Role.HEADING3), ("  正文", Role.BODY)]:
        once = rewrite(text, role, ALL)
        assert once is not None
        assert rewrite(once, roles.classify(["正文。", once])[1] if role != Role.DATE else role,
                       ALL) is None


# --- punctuation --------------------------------------------------------------------------

@pytest.mark.parametrize("text, role, wanted", [
    ("为做好工作,现通知如下:", Role.BODY, "为做好工作，现通知如下："),
    # the heading's number is numbering's: 1. stays 1., its sentence is punctuated
    ("1.后台管理,前台展示", Role.HEADING3, "1.后台管理，前台展示"),
    ("一.加强领导", Role.HEADING1, None),
    ("(一)学习理论", Role.HEADING2, None),
    # the gap of a two-part line is layout
    ("财政局 二〇二五年一月一日", Role.SIGNATURE_DATE, None),
    ("X教发〔2024〕5号 签发人:张三", Role.DOC_NUMBER, "X教发〔2024〕5号 签发人：张三"),
    ("", Role.BLANK, None),
])
def test_punctuation_by_role(text, role, wanted):
    assert rewrite(text, role, ONLY_PUNCTUATION) == wanted


def test_punctuation_leaves_other_kinds_their_ranges():
    text = "一. 加强领导,落实责任"
    found = edits(text, Role.HEADING1, ALL)
    assert [(edit.kind, edit.replacement) for edit in found] == [
        (NUMBERING, "一、"), (PUNCTUATION, "，")]
    assert apply_edits(text, found) == "一、加强领导，落实责任"
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_punctuation_is_off_unless_asked():
    others = Normalization.parse("dates,numbering,spaces,blank-lines")
    assert rewrite("为做好工作,现通知如下:", Role.BODY, others) is None
