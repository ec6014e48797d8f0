"""The core's layout plan (gongwen.layout) and header/footer policy (gongwen.headfoot)."""

from __future__ import annotations

import pytest

from gongwen import headfoot, layout, spec
from gongwen.headfoot import count_field, is_page_number_only, page_field, text
from gongwen.normalize import Normalization
from gongwen.spec import Align, Role

REPORT = ["XX县政协2021年度工作总结", "", "县委：", "一、主要成绩", "全年完成X项。", "",
          "附件：1.统计表", "2.照片", "", "XX县政协办公室", "2021.12.31"]


def test_every_role_and_the_table_and_page_numbers_have_one_look():
    looks = layout.appearances()
    names = {style.name for style in spec.PARAGRAPH_STYLES.values()}
    assert names | {spec.TABLE_TEXT.name, layout.PAGE_NUMBER_STYLE,
                    layout.PAGE_NUMBER_EVEN_STYLE} == set(looks)


def test_fonts_per_script_are_one_choice():
    """CJK in the role's font; Latin letters and digits in Times New Roman in every role,
    the title included; the page number in 宋体 for both (GB/T 9704 §7.5)."""
    looks = layout.appearances()
    for role, style in spec.PARAGRAPH_STYLES.items():
        look = looks[style.name]
        assert look.east_asian_font == style.font.name, role
        assert look.latin_font == "Times New Roman", role
    number = looks[layout.PAGE_NUMBER_STYLE]
    assert number.east_asian_font == number.latin_font == "宋体"


def test_grid_and_character_spacing_are_expressible_in_twips():
    page = layout.page_setup()
    assert page.line_pitch_pt == 28.95  # 579 twips; 580 gives Writer 21 lines
    body = layout.appearances()["公文正文"]
    assert body.char_spacing_pt == -0.25  # 28 × 15.75 pt = 441 pt ≤ 442.2 pt < 29 × 15.75
    assert 28 * (16 + body.char_spacing_pt) <= page.type_width_mm / spec.MM_PER_PT \
        < 29 * (16 + body.char_spacing_pt)
    title = layout.appearances()["公文标题"]
    assert (title.line_rule, title.line_pt, title.snap_to_grid) == (layout.EXACT, 28.95, False)
    assert title.char_spacing_pt == 0 and title.space_after_pt == 28.95
    table = layout.appearances()[spec.TABLE_TEXT.name]
    assert (table.line_rule, table.snap_to_grid, table.char_spacing_pt) == (layout.SINGLE,
                                                                            False, 0)


def test_fixed_line_spacing_replaces_the_grid():
    settings = layout.standard()._replace(fixed_line_pt=28.0)
    page = layout.page_setup(settings)
    assert (page.grid, page.line_pitch_pt) == (False, 28.0)
    body = layout.appearances(settings)["公文正文"]
    assert (body.line_rule, body.line_pt, body.snap_to_grid) == (layout.EXACT, 28.0, False)
    assert body.char_spacing_pt == -0.25  # still 28 characters a line


@pytest.mark.parametrize("position, odd, even", [
    (layout.OUTSIDE, (Align.RIGHT, 0, 1), (Align.LEFT, 1, 0)),
    (layout.CENTER, (Align.CENTER, 0, 0), (Align.CENTER, 0, 0)),
    (layout.RIGHT, (Align.RIGHT, 0, 1), (Align.RIGHT, 0, 1)),
])
def test_page_number_positions(position, odd, even):
    standard = layout.standard()
    settings = standard._replace(page_number=standard.page_number._replace(position=position))
    looks = layout.appearances(settings)
    for name, expected in ((layout.PAGE_NUMBER_STYLE, odd), (layout.PAGE_NUMBER_EVEN_STYLE, even)):
        look = looks[name]
        assert (look.align, look.left_chars, look.right_chars) == expected


def test_page_number_form():
    number = layout.page_setup().page_number
    assert number.around() == ("— ", " —") and number.below_mm == 7


def test_the_plan_of_a_report():
    plan = layout.plan_document(REPORT, Normalization(dates=True))
    assert plan.roles == ["title", "blank", "addressee", "heading1", "body", "blank",
                          "attachment", "attachment", "blank", "signature", "date"]
    by_role = {p.role: p for p in plan.paragraphs}
    # The typed blank line before 附件说明 and the 署名 stands for the style's space.
    assert plan.paragraphs[6].space_before_pt == 0.0
    assert plan.paragraphs[9].space_before_pt == 0.0
    # …and the title's space after it.
    assert plan.paragraphs[0].space_after_pt == 0.0
    # 规范写法: the date is rewritten and the 落款 placed on the rewritten text.
    assert by_role["date"].text == "2021年12月31日"
    assert by_role["date"].edits and not by_role["body"].edits
    assert by_role["signature"].right_chars == 3.556 and by_role["date"].right_chars == 2.0
    assert by_role["date"].right_chars_autospaced == 2.0
    assert by_role["signature"].right_chars_autospaced == 4.356  # the date 1, XX县 0.2 wider


def test_a_blank_line_inside_the_closing_chain_keeps_with_the_next():
    plan = layout.plan_document(["正文。", "特此报告。", "", "XX局", "2021年12月31日"])
    assert plan.roles == ["body", "closing", "blank", "signature", "date"]
    assert plan.paragraphs[2].keep_with_next is True
    assert plan.paragraphs[0].keep_with_next is None


def test_without_normalisation_no_text_changes():
    plan = layout.plan_document(REPORT)
    assert [p.text for p in plan.paragraphs] == REPORT
    assert not any(p.edits for p in plan.paragraphs)


@pytest.mark.parametrize("typed, first_line", [("\u3000\u3000", 0.0), ("\u3000", 1.0),
                                               ("    ", 1.0), ("        ", 0.0),
                                               ("\u3000" * 4, -2.0), ("\u3000" * 9, -4.0)])
def test_spaces_typed_before_a_paragraph_are_given_back_by_its_first_line(typed, first_line):
    """Notepad and web text indent with spaces; kept as typed, the first line still starts
    two characters in (the spaces hang into the margin, at most four characters)."""
    plan = layout.plan_document(["关于做好防汛工作的通知", typed + "为切实做好今年防汛工作。",
                                 typed + "一、提高思想认识", typed + "各乡镇："],
                                paragraph_roles=["title", "body", "heading1", "addressee"])
    assert [p.first_line_chars for p in plan.paragraphs] == [
        None, first_line, first_line, max(-4.0, first_line - 2)]
    assert [p.left_chars for p in plan.paragraphs] == [None] * 4
    assert plan.paragraphs[1].text.startswith(typed)  # the text is kept


def test_centred_and_right_aligned_lines_widen_to_the_left_by_the_typed_spaces():
    """What is visible stays centred, and a 落款 pushed right with spaces does not wrap."""
    plan = layout.plan_document(["\u3000" * 10 + "关于做好防汛工作的通知", "正文。", "",
                                 "\u3000" * 18 + "XX县人民政府", " " * 60 + "2024年5月10日"])
    assert plan.roles == ["title", "body", "blank", "signature", "date"]
    assert [p.left_chars for p in plan.paragraphs] == [-10.0, None, None, -18.0, -15.0]
    assert [p.first_line_chars for p in plan.paragraphs] == [None] * 5


def test_paragraphs_without_typed_spaces_keep_the_styles_indents():
    plan = layout.plan_document(["关于做好防汛工作的通知", "各乡镇：", "\u3000\u3000", "正文。",
                                 "XX县人民政府", "2024年5月10日"])
    assert [p.first_line_chars for p in plan.paragraphs] == [None] * 6
    assert [p.left_chars for p in plan.paragraphs] == [None] * 6


# --- headers and footers ---------------------------------------------------------------------

@pytest.mark.parametrize("footer", ["1", "- 1 -", "— 1 —", "第 1 页", "第1页 共5页", "1/5",
                                    "Page 1 of 5", "page 2", "第 1 页，共 5 页", "·1·", "P. 3",
                                    "第1页/共2页", "第 1 页 / 共 5 页"])
def test_page_number_only_as_typed_or_cached(footer):
    assert is_page_number_only([text(footer)])


@pytest.mark.parametrize("footer", ["Copyright 2024 XX公司", "第一章", "XX县人民政府",
                                    "共5页", "第1章", "2024年工作报告", "内部资料 注意保存"])
def test_the_authors_text_is_not_a_page_number(footer):
    assert not is_page_number_only([text(footer)])


def test_fields_with_decoration():
    assert is_page_number_only([text("第 "), page_field(), text(" 页 共 "), count_field(),
                                text(" 页")])
    assert is_page_number_only([text("Page "), page_field(), text(" of "), count_field()])
    assert is_page_number_only([page_field(), text(" / "), count_field()])
    assert not is_page_number_only([text("Copyright "), page_field()])
    assert not is_page_number_only([headfoot.Portion(headfoot.OTHER), page_field()])
    assert headfoot.is_empty([text("  ")]) and not headfoot.is_empty([page_field()])


def test_blank_lines_between_every_paragraph_are_separators_for_the_roles():
    """Issue 19: a .txt with a line of one space after every paragraph (Writer keeps them,
    the CLI's reader drops them) gets the same roles either way."""
    from gongwen.cli.inputs import text_paragraphs

    texts = ["政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "各位代表：",
             "现在，我代表国务院，向大会报告政府工作，请予审议。", "一、2023年工作回顾",
             "过去一年是全面贯彻党的二十大精神的开局之年。"]
    spaced = [line for text in texts for line in (text, " ")][:-1]
    assert layout.separating_blanks(spaced) and layout.separating_blanks([" ", "正文。", ""])
    assert not layout.separating_blanks(texts)
    assert not layout.separating_blanks(["正文。", "", "正文。", "正文。"])
    assert text_paragraphs("\n".join(spaced)) == texts
    without = layout.classify(texts)
    assert without[2] == Role.ADDRESSEE
    assert [role for role in layout.classify(spaced) if role != Role.BLANK] == without
    assert layout.plan_document(spaced).roles[4] == Role.ADDRESSEE
