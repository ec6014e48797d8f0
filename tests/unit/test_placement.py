"""gongwen.placement: the §7.3.5.2 right indents of 署名 and 成文日期 (no soffice)."""

from __future__ import annotations

import doctest

import pytest

from gongwen import placement, spec
from gongwen.placement import (
    signature_and_date_indents,
    signature_date_indents,
    text_width_chars,
)
from gongwen.spec import Role


def test_doctests():
    result = doctest.testmod(placement)
    assert result.attempted >= 5 and result.failed == 0


@pytest.mark.parametrize("signature, date, expected", [
    # the three examples of the docstring
    ("XX县政协办公室", "2021年12月31日", {"signature": 3.556, "date": 2.0}),
    ("述职人：张三", "2021年12月31日", {"signature": 5.0, "date": 2.0}),
    ("中共某县委员会机关办公室", "2021年12月31日", {"signature": 2.0, "date": 5.0}),
    # X is wider than a digit: XXXX年XX月XX日 is 8.776 characters wide, not 7
    ("XX县XX局", "XXXX年XX月XX日", {"signature": 7.888, "date": 2.0}),
])
def test_examples(signature: str, date: str, expected: dict):
    assert signature_date_indents(signature, date) == expected


def first_character_offset(indents: dict, signature: str, date: str) -> float:
    """How far right of the 署名's first character the date's first one starts (chars)."""
    signature_start = indents["signature"] + text_width_chars(signature)
    date_start = indents["date"] + text_width_chars(date)
    return round(signature_start - date_start, 3)


@pytest.mark.parametrize("signature, date", [
    ("述职人：张三", "2021年12月31日"),                  # date longer
    ("县", "二〇二一年十二月三十一日"),                     # date much longer
    ("中共某县委员会机关办公室", "2021年1月1日"),          # 署名 much longer
    ("XX县政协办公室", "2021年12月31日"),                 # Latin letters in the 署名
    ("某县政协机关办公室", "2021年12月31日"),             # date two shorter: both at 2
])
def test_date_starts_two_characters_right_of_the_signature(signature: str, date: str):
    indents = signature_date_indents(signature, date)
    assert first_character_offset(indents, signature, date) == 2.0
    # neither line comes closer to the edge than the styles' two characters
    assert min(indents.values()) == spec.PARAGRAPH_STYLES[Role.SIGNATURE].right_chars == 2


def test_a_date_longer_than_the_signature_keeps_two_and_moves_the_signature_left():
    indents = signature_date_indents("县", "二〇二一年十二月三十一日")
    assert indents == {"signature": 2 + 12 + 2 - 1, "date": 2.0}


def test_a_date_exactly_two_shorter_puts_both_two_in():
    assert signature_date_indents("某县政协机关办公室", "2021年12月31日") == \
        {"signature": 2.0, "date": 2.0}


def test_widths():
    assert text_width_chars("2021年12月31日") == 7.0
    assert text_width_chars("  述职人：张三 ") == 6.0  # surrounding spaces do not count
    assert text_width_chars("XX县XX局") == 4.888
    assert text_width_chars("") == 0


def test_indents_by_paragraph_follow_the_roles():
    texts = ["2021年度工作总结", "全年工作。", "", "中共某县委员会机关办公室", "某某科",
             "2021年12月31日"]
    roles = [Role.TITLE, Role.BODY, Role.BLANK, Role.SIGNATURE, Role.SIGNATURE, Role.DATE]
    # the last 署名 (某某科, 3 wide) and the first date decide; every 署名 line shares it
    assert signature_and_date_indents(texts, roles) == {3: 8.0, 4: 8.0, 5: 2.0}


@pytest.mark.parametrize("roles", [
    [Role.BODY, Role.SIGNATURE],
    [Role.BODY, Role.DATE],
    [Role.BODY, Role.BODY],
])
def test_nothing_to_place_without_both_lines(roles):
    assert signature_and_date_indents(["正文。", "2021年12月31日"], roles) == {}


# --- Writer's Asian/Western autospacing (what Writer does to a .docx it opens) ---------------

@pytest.mark.parametrize("text, changes", [
    ("2021年12月31日", 5),
    ("二〇二一年十二月三十一日", 0),  # no Latin at all
    ("述职人：张三", 0),
    ("XX县政协办公室", 1),
    ("2021.12.31", 0),  # no CJK
    ("第1页", 2),
    ("（2021）", 0),  # punctuation on one side: no autospacing there
])
def test_script_changes(text: str, changes: int):
    assert placement.script_changes(text) == changes


def test_autospacing_widens_and_moves_the_signature_by_the_same_rule():
    autospace = placement.WRITER_AUTOSPACE_CHARS
    assert autospace == 0.2  # a fifth of the font height, as Writer sets it
    assert text_width_chars("2021年12月31日", autospace) == 8.0
    assert text_width_chars("XX县政协办公室", autospace) == round(7.444 + 0.2, 3)
    # 述职人：张三 against an 8-character date: the 署名 moves one more character left
    assert signature_date_indents("述职人：张三", "2021年12月31日", autospace) == \
        {"signature": 6.0, "date": 2.0}
    # and the date still starts two characters right of the 署名
    indents = signature_date_indents("XX县政协办公室", "2021年12月31日", autospace)
    start = {"signature": indents["signature"] + text_width_chars("XX县政协办公室", autospace),
             "date": indents["date"] + text_width_chars("2021年12月31日", autospace)}
    assert round(start["signature"] - start["date"], 3) == 2.0
