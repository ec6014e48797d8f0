"""Titles over several lines break between words (GB/T 9704 §7.3.1), measured on real
titles (tests/data/titles.tsv: each with the breaks a 秘书 makes)."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from gongwen import layout, placement, titlebreak
from gongwen.spec import MM_PER_PT

DATA = Path(__file__).resolve().parents[1] / "data" / "titles.tsv"
PER_LINE = 20  # 2号 on the 156 mm type width


def expected_titles() -> List[List[str]]:
    rows = [line.strip() for line in DATA.read_text(encoding="utf-8").splitlines()]
    return [row.split(" / ") for row in rows if row and not row.startswith("#")]


def test_the_data_holds_at_least_30_long_titles():
    titles = expected_titles()
    assert len(titles) >= 30
    assert all(placement.text_width_chars("".join(lines)) > PER_LINE for lines in titles)


def test_the_title_line_holds_20_characters_of_2hao():
    page = layout.page_setup()
    title = layout.appearances()["公文标题"]
    assert titlebreak.chars_per_line(page.type_width_mm / MM_PER_PT, title.size_pt) == PER_LINE


@pytest.mark.parametrize("lines", expected_titles(), ids=lambda lines: "".join(lines)[:14])
def test_real_titles_break_where_a_secretary_breaks_them(lines: List[str]):
    text = "".join(lines)
    got = titlebreak.broken(text, titlebreak.title_breaks(text, PER_LINE)).split("\n")
    assert got == lines


@pytest.mark.parametrize("lines", expected_titles(), ids=lambda lines: "".join(lines)[:14])
def test_every_break_keeps_the_rules(lines: List[str]):
    widths = [placement.text_width_chars(line) for line in lines]
    assert max(widths) <= PER_LINE
    assert min(widths) >= max(widths) / 2
    for line in lines[1:]:
        assert line[0] not in "的之，。、；：？！”’）》〕"
    for line in lines[:-1]:
        assert line[-1] not in "“‘（《〔"


def test_a_naive_fill_breaks_most_of_them_inside_a_word():
    """What the lexicon saves: filling 20 characters and going on breaks inside a word or
    leaves a short tail on most of these titles (measured: the count below)."""
    bad = 0
    for lines in expected_titles():
        text = "".join(lines)
        if len(text) <= 2 * PER_LINE:
            naive = [text[:PER_LINE], text[PER_LINE:]]
            inside = PER_LINE not in {b.offset for b in titlebreak.boundaries(text)}
            short = len(naive[1]) < len(naive[0]) / 2
            bad += inside or short
    assert bad >= 30


def test_short_titles_stay_one_line():
    assert titlebreak.title_breaks("XX县人民政府关于做好安全生产工作的通知", PER_LINE) == ()


def test_the_plan_breaks_the_title_again_from_its_text():
    typed = "河西省人民政府关于加强基层政务服务能力建设的通知"
    first = layout.plan_document([typed, "各市人民政府：", "正文。"]).paragraphs[0]
    assert first.text == "河西省人民政府关于加强\n基层政务服务能力建设的通知"
    assert first.line_breaks == (12,)
    # formatted again: nothing to do
    again = layout.plan_document([first.text, "各市人民政府：", "正文。"]).paragraphs[0]
    assert again.edits == () and again.text == first.text
    # a break in the wrong place (a title edited later) moves
    moved = layout.plan_document(["河西省人民政府关于加强基层\n政务服务能力建设的通知",
                                  "各市人民政府：", "正文。"]).paragraphs[0]
    assert moved.text == first.text
    assert {edit.kind for edit in moved.edits} == {layout.BREAK_EDIT}
