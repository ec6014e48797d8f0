"""The whole 公文 in the plan (gongwen.wholedoc): 版头, 附件, 版记, 纪要 lists."""

from __future__ import annotations

from typing import List

import pytest

import labelled
from gongwen import layout, wholedoc
from gongwen.spec import MASTHEAD, MM_PER_PT, RECORD, RED_RGB, Align, Role

LABELLED = labelled.LABELLED
EXTRA = ("line_pt", "page_break_before", "rule_above", "rule_below", "align",
         "first_line_chars", "left_chars", "right_tab_chars", "record_page")


def _texts(name: str) -> List[str]:
    return [p.text for p in labelled.read_labelled(LABELLED / name)]


def _plan(name: str) -> layout.LayoutPlan:
    return layout.plan_document(_texts(name))


def _first(plan: layout.LayoutPlan, role: str) -> layout.ParagraphPlan:
    return next(p for p in plan.paragraphs if p.role == role)


def test_a_body_only_document_gets_nothing_more():
    plan = layout.plan_document(["XX县2024年工作总结", "一、主要工作", "全年完成X项。", "",
                                 "XX县人民政府", "2024年12月31日"])
    for paragraph in plan.paragraphs:
        assert all(getattr(paragraph, name) in (None, False) for name in EXTRA), paragraph


def test_the_issuer_is_red_and_its_top_lands_35_mm_under_the_type_area():
    plan = _plan("18-tongzhi-three-attachments.txt")
    issuer = _first(plan, Role.ISSUER)
    assert plan.styles[issuer.style].color_rgb == RED_RGB
    pitch = plan.page.line_pitch_pt
    above = pitch + wholedoc.TYPED_BLANK_PT  # 份号, then a typed blank line made thin
    size = plan.styles[issuer.style].size_pt
    ink_top = above + issuer.space_before_pt + wholedoc.INK_DROP_EM * size
    assert ink_top == pytest.approx(MASTHEAD.issuer_top / MM_PER_PT, abs=0.01)
    assert issuer.line_pt == wholedoc.mark_line_pt(size)


def test_doc_number_two_lines_under_the_issuer_rule_under_it_title_two_lines_further():
    plan = _plan("18-tongzhi-three-attachments.txt")
    pitch = plan.page.line_pitch_pt
    number = _first(plan, Role.DOC_NUMBER)
    assert number.space_before_pt == 2 * pitch and number.line_pt == pitch
    assert number.align is None  # centred, as its style
    rule = number.rule_below
    assert rule is not None and rule.color_rgb == RED_RGB and rule.width_mm == 0.35
    assert rule.distance_pt == round(MASTHEAD.rule_gap / MM_PER_PT
                                     - wholedoc.TEXT_BOTTOM_GAP_PT)
    assert _first(plan, Role.TITLE).space_before_pt == 2 * pitch
    blanks = [p for p in plan.paragraphs[:6] if p.role == Role.BLANK]
    assert blanks and all(p.line_pt == wholedoc.TYPED_BLANK_PT for p in blanks)


def test_an_upward_document_puts_doc_number_and_signer_on_one_line_with_a_tab():
    plan = _plan("04-jiaoyuju-qingshi-signer-same-line.txt")
    number = _first(plan, Role.DOC_NUMBER)
    assert number.text == "X教发〔2024〕5号\t签发人：张三"
    assert (number.align, number.first_line_chars, number.left_chars,
            number.right_tab_chars) == (Align.LEFT, 1, 0.0, 1)
    assert [edit.kind for edit in number.edits] == [wholedoc.LAYOUT_EDIT]
    again = layout.plan_document([p.text for p in plan.paragraphs])
    assert _first(again, Role.DOC_NUMBER).edits == ()
    assert [p._replace(edits=()) for p in again.paragraphs] == \
        [p._replace(edits=()) for p in plan.paragraphs]


def test_two_signers_on_their_own_line_put_the_doc_number_left():
    plan = _plan("05-qingshi-two-signers.txt")
    number = _first(plan, Role.DOC_NUMBER)
    assert (number.align, number.first_line_chars) == (Align.LEFT, 1)
    signer = _first(plan, Role.SIGNER)
    assert signer.rule_below is not None and number.rule_below is None


def test_each_attached_text_starts_a_page():
    plan = _plan("18-tongzhi-three-attachments.txt")
    breaks = [p.text for p in plan.paragraphs if p.page_break_before]
    assert breaks == ["附件1", "附件 2", "附件3"]


def test_the_record_has_its_own_page_rules_and_a_two_part_imprint():
    plan = _plan("18-tongzhi-three-attachments.txt")
    cc, imprint = _first(plan, Role.CC), _first(plan, Role.IMPRINT)
    assert cc.record_page and not imprint.record_page
    outer, inner = RECORD.outer_rule, RECORD.inner_rule
    assert cc.rule_above.width_mm == outer and cc.rule_below is None
    assert imprint.rule_above.width_mm == inner and imprint.rule_below.width_mm == outer
    assert imprint.text == "中共XX县委办公室\t2024年3月28日印发"
    assert (imprint.first_line_chars, imprint.left_chars, imprint.right_tab_chars) == \
        (1.0, 0.0, 1.0)
    # one line of 抄送: 1 character in as a first-line indent, so its rule spans the width
    assert (cc.first_line_chars, cc.left_chars, cc.right_chars) == (1.0, 0.0, 0.0)
    pitch = plan.page.line_pitch_pt
    rules = sum(r.width_mm / MM_PER_PT + r.distance_pt
                for r in (cc.rule_above, imprint.rule_above, imprint.rule_below))
    height = cc.space_before_pt + 2 * pitch + rules + wholedoc.RECORD_FOOT_SLACK_PT
    assert height == pytest.approx(plan.page.type_height_mm / MM_PER_PT, abs=0.01)


def test_a_wrapped_cc_hangs_after_its_colon():
    plan = _plan("28-tongzhi-cc-long-wrap.txt")
    ccs = [p for p in plan.paragraphs if p.role == Role.CC]
    first = ccs[0]
    look = plan.styles[first.style]
    assert first.left_chars == look.left_chars + 3 and first.first_line_chars == -3
    assert all(p.left_chars == look.left_chars + 3 for p in ccs[1:])


def test_minutes_lists_hang_after_their_labels():
    plan = _plan("08-changwu-huiyi-jiyao.txt")
    lists = [p for p in plan.paragraphs if p.role == Role.ATTENDANCE]
    assert [(p.left_chars, p.first_line_chars) for p in lists] == \
        [(5.0, -3.0), (5.0, 0.0), (5.0, -3.0), (5.0, -3.0)]
    mark = _first(plan, Role.MINUTES_MARK)
    assert plan.styles[mark.style].color_rgb == RED_RGB and mark.space_before_pt > 0
    assert all(p.rule_below is None for p in plan.paragraphs[:6])


@pytest.mark.parametrize("path", sorted(LABELLED.glob("*.txt")), ids=lambda p: p.stem)
def test_the_plan_of_its_own_result_is_the_same(path):
    plan = layout.plan_document(_texts(path.name))
    again = layout.plan_document([p.text for p in plan.paragraphs])
    assert [p._replace(edits=()) for p in again.paragraphs] == \
        [p._replace(edits=()) for p in plan.paragraphs]


# --- 信函格式 and 纪要格式 (§10, §12) ------------------------------------------------------

def test_a_letter_has_double_rules_170_mm_and_no_number_on_its_first_page():
    plan = _plan("06-zhengfuban-han-letter.txt")
    assert plan.kind == "letter"
    issuer = _first(plan, Role.ISSUER)
    rule = issuer.rule_below
    assert rule is not None and rule.double and rule.color_rgb == RED_RGB
    assert rule.inner_mm > rule.width_mm  # the thick line under the name, the thin below
    size = plan.styles[issuer.style].size_pt
    reach_mm = -issuer.left_chars * size * MM_PER_PT
    assert issuer.left_chars == issuer.right_chars
    assert abs(plan.page.type_width_mm + 2 * reach_mm - 170) < 0.01
    assert issuer.space_before_pt == 0.0  # at the top of the type area
    number = _first(plan, Role.DOC_NUMBER)
    assert number.align == Align.RIGHT
    first = plan.first_page
    assert first is not None and first.rule_from_bottom_mm == 20 and first.rule.double
    assert plan.paragraphs[0].first_page and not any(p.first_page for p in plan.paragraphs[1:])


def test_a_reply_letter_without_a_banner_keeps_its_pages():
    plan = _plan("07-fuhan-no-banner.txt")
    assert plan.first_page is None and not any(p.first_page for p in plan.paragraphs)
    assert all(p.rule_below is None for p in plan.paragraphs)


def test_layout_letter_makes_a_notice_a_letter_and_minutes_takes_its_name_for_the_mark():
    texts = _texts("18-tongzhi-three-attachments.txt")
    assert layout.plan_document(texts).first_page is None
    letter = layout.plan_document(texts, kind="letter")
    assert letter.kind == "letter" and letter.first_page is not None
    assert _first(letter, Role.ISSUER).rule_below.double
    minutes = layout.plan_document(["XX县人民政府办公室", "第3期", "会议研究了XX工作。",
                                    "出席：XXX、XXX", "列席：XXX"], kind="minutes")
    assert minutes.roles[:1] == [Role.MINUTES_MARK]
    assert minutes.roles[3:] == [Role.ATTENDANCE, Role.ATTENDANCE]
    assert layout.plan_document(["XX县人民政府办公室", "第3期", "会议研究了XX工作。",
                                 "出席：XXX、XXX"]).roles[3] != Role.ATTENDANCE


def test_minutes_labels_take_the_attendance_label_character_style():
    plan = _plan("08-changwu-huiyi-jiyao.txt")
    labelled = [p for p in plan.paragraphs if p.role == Role.ATTENDANCE and p.spans]
    assert labelled
    for paragraph in labelled:
        (span,) = paragraph.spans
        assert span.style == "公文出席标签"
        assert paragraph.text[span.start:span.end].endswith("：")
    look = plan.char_styles["公文出席标签"]
    heading = plan.style_of(Role.HEADING1)
    assert (look.east_asian_font, look.size_pt) == (heading.east_asian_font, heading.size_pt)
