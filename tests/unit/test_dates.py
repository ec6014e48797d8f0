"""成文日期 parsing, GB/T 9704 formatting and blank-date recognition."""

from __future__ import annotations

import doctest

import pytest

from gongwen import dates
from gongwen.dates import format_date, is_date_line, normalize_date, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2021年12月31日", (2021, 12, 31)),
        ("2021年12月1日", (2021, 12, 1)),
        ("2021年01月05日", (2021, 1, 5)),
        ("2021 年 1 月 1 日", (2021, 1, 1)),
        ("二〇二一年十二月三十一日", (2021, 12, 31)),
        ("二零二一年十月十日", (2021, 10, 10)),
        ("二〇二二年一月二十日", (2022, 1, 20)),
        ("二〇二二年二月十一日", (2022, 2, 11)),
        ("二O二一年三月九日", (2021, 3, 9)),  # letter O typed for 〇
        ("2021.12.31", (2021, 12, 31)),
        ("2021-12-31", (2021, 12, 31)),
        ("2021/12/31", (2021, 12, 31)),
        ("2021.1.5", (2021, 1, 5)),
        ("２０２１年１２月３１日", (2021, 12, 31)),
        ("２０２１．１２．３１", (2021, 12, 31)),
        ("\u3000 2021年12月31日 \xa0", (2021, 12, 31)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected
    assert is_date_line(text)
    assert normalize_date(text) == format_date(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "2021年2月30日", "2021年13月1日", "2021.12.32", "2021.12-31", "2021年12月",
        "2021年12月31日前完成", "会议于2021年12月31日召开", "二〇二一年十三月一日",
        "12.31", "", "XXXX年XX月XX日",
    ],
)
def test_not_a_complete_date(text):
    assert parse_date(text) is None
    assert normalize_date(text) is None


def test_format_date_has_no_zero_padding():
    assert format_date(2021, 1, 5) == "2021年1月5日"
    assert format_date(2021, 12, 31) == "2021年12月31日"


@pytest.mark.parametrize(
    "text",
    ["XXXX年XX月XX日", "20XX年X月X日", "××××年××月××日", "○○○○年○○月○○日", "    年  月  日",
     "2021年  月  日", "ＸＸＸＸ年ＸＸ月ＸＸ日", "XXXX.XX.XX", "2021-XX-XX"],
)
def test_blank_dates_are_date_lines(text):
    assert is_date_line(text)
    assert normalize_date(text) is None


@pytest.mark.parametrize(
    "text", ["年月日", "2021年13月45日", "XXXX年度述职报告", "特此报告。", "20XX年全年完成X项"]
)
def test_not_date_lines(text):
    assert not is_date_line(text)


def test_docstring_examples():
    result = doctest.testmod(dates)
    assert result.attempted > 5
    assert result.failed == 0
