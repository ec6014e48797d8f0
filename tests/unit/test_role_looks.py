"""The source's look as evidence (issue 20): a red or very large centred line at the top is
the 发文机关标志, the centred larger lines under it the title, a line ending in ： under the
title the 主送; the look decides only where the text leaves room, and a formatted document
(its 公文 looks and styles) gives the same roles again."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Tuple

import pytest

from gongwen import layout, spec
from gongwen.roles import ParagraphLook, classify
from gongwen.spec import Align, Role

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
RED = 0xFF0000
C, L, J, R = Align.CENTER, Align.LEFT, Align.JUSTIFY, Align.RIGHT


def look(size: float, align: str, color: Optional[int] = None, bold: bool = False):
    return ParagraphLook(size, color, align, bold)


BODY = look(16, J)
# 中共浙江省淳安县委组织部: red 34 pt centred, neither 文件 nor 发文字号 under it.
CHUNAN: List[Tuple[str, str, Optional[ParagraphLook]]] = [
    ("中共浙江省淳安县委组织部", Role.ISSUER, look(34, C, RED)),
    ("", Role.BLANK, None),
    ("关于开展专业岗位领导干部遴选工作的通知", Role.TITLE, look(22, C)),
    ("各乡镇党委，县委各部委，县级国家机关各部门党组（党委），各人民团体党组，县属国有企业党委：",
     Role.ADDRESSEE, look(16, L)),
    ("为进一步优化干部队伍专业结构，经县委同意，现就开展专业岗位领导干部遴选工作通知如下。",
     Role.BODY, BODY),
    ("一、遴选岗位", Role.HEADING1, look(16, J, bold=True)),
    ("本次遴选岗位共5个，具体见附件。", Role.BODY, BODY),
    ("", Role.BLANK, None),
    ("中共淳安县委组织部", Role.SIGNATURE, look(16, R)),
    ("2020年4月27日", Role.DATE, look(16, R)),
]
# 合肥工业大学文件 over a two-line title, a 发文字号 between.
HEFEI = [
    ("合肥工业大学文件", Role.ISSUER, look(36, C, RED)),
    ("校政发〔2020〕12号", Role.DOC_NUMBER, look(16, C)),
    ("关于印发《合肥工业大学本科生", Role.TITLE, look(22, C, bold=True)),
    ("转专业管理办法》的通知", Role.TITLE, look(22, C, bold=True)),
    ("各学院、各部门：", Role.ADDRESSEE, look(16, L)),
    ("现将《合肥工业大学本科生转专业管理办法》印发给你们，请遵照执行。", Role.BODY, BODY),
    ("合肥工业大学", Role.SIGNATURE, look(16, R)),
    ("2020年4月27日", Role.DATE, look(16, R)),
]
# A centred 2号 title over a short line set as text: the text would take both for the title.
TITLE_THEN_TEXT = [
    ("XX县XX局", Role.TITLE, look(22, C)),
    ("2020年度工作总结", Role.TITLE, look(22, C)),
    ("全年工作要点", Role.BODY, look(16, J)),
    ("一年来，我局认真履行职责，各项工作取得新进展。", Role.BODY, BODY),
]
CASES = {"chunan": CHUNAN, "hefei": HEFEI, "title-then-text": TITLE_THEN_TEXT}


def _texts(case) -> List[str]:
    return [text for text, _, _ in case]


def _looks(case) -> List[Optional[ParagraphLook]]:
    return [shown for _, _, shown in case]


@pytest.mark.parametrize("name", list(CASES))
def test_the_look_finds_the_head(name):
    case = CASES[name]
    assert classify(_texts(case), looks=_looks(case)) == [role for _, role, _ in case]


def test_without_looks_the_red_head_is_missed_as_before():
    """What the issue saw: the text alone takes the agency for the title."""
    roles = classify(_texts(CHUNAN))
    assert roles[0] == Role.TITLE and roles[2] == Role.BODY


@pytest.mark.parametrize("text,role", [
    ("一、总体要求", Role.HEADING1),
    ("各单位要高度重视，认真组织实施。", Role.BODY),
    ("现将有关事项通知如下：", Role.BODY),
])
def test_a_red_large_line_the_text_decides_stays_what_the_text_says(text, role):
    texts = [text, "关于做好防汛工作的通知", "各乡镇：", "正文。"]
    looks = [look(34, C, RED), look(22, C), look(16, L), BODY]
    assert classify(texts, looks=looks)[0] == role


def test_a_large_black_title_over_two_lines_is_no_issuer():
    texts = ["关于做好2024年度防汛", "抗旱工作的通知", "各乡镇：", "正文。"]
    looks = [look(26, C), look(26, C), look(16, L), BODY]
    assert classify(texts, looks=looks)[:3] == [Role.TITLE, Role.TITLE, Role.ADDRESSEE]


def test_a_large_line_with_body_text_under_it_is_a_title():
    texts = ["关于做好防汛工作的通知", "各乡镇人民政府要高度重视，认真做好防汛准备。"]
    assert classify(texts, looks=[look(26, C), BODY]) == [Role.TITLE, Role.BODY]


def test_looks_that_say_nothing_change_nothing():
    """A plain document (every line 16 pt, left): the roles are the text's."""
    for path in sorted(LABELLED.glob("*.txt")):
        texts = [line.split("\t", 1)[1] for line in path.read_text(encoding="utf-8").split("\n")
                 if line]
        plain = [look(16, L)] * len(texts)
        assert classify(texts, looks=plain) == classify(texts), path.name


def formatted_looks(plan: layout.LayoutPlan) -> List[ParagraphLook]:
    """What a host reads of a document the plan has formatted: each style's look."""
    result = []
    for paragraph in plan.paragraphs:
        style = plan.styles[paragraph.style]
        result.append(ParagraphLook(style.size_pt, style.color_rgb, paragraph.align or style.align,
                                    style.bold, style.name))
    return result


def _labelled_texts() -> List[Tuple[str, List[str]]]:
    return [(path.name, [line.split("\t", 1)[1]
                         for line in path.read_text(encoding="utf-8").split("\n") if line])
            for path in sorted(LABELLED.glob("*.txt"))]


@pytest.mark.parametrize("name", list(CASES) + ["labelled"])
def test_a_formatted_document_gives_the_same_roles_again(name):
    """After Format the document carries the 公文 looks and styles: a second Format reads
    them and changes nothing."""
    documents = _labelled_texts() if name == "labelled" else \
        [(name, _texts(CASES[name]))]
    for label, texts in documents:
        looks = None if name == "labelled" else _looks(CASES[name])
        first = layout.plan_document(texts, looks=looks)
        again = layout.plan_document([p.text for p in first.paragraphs],
                                     looks=formatted_looks(first))
        assert again.roles == first.roles, label
        assert [p._replace(edits=()) for p in again.paragraphs] == \
            [p._replace(edits=()) for p in first.paragraphs], label


def test_the_issuers_style_is_red_and_large_enough_to_be_read_as_one():
    style = spec.PARAGRAPH_STYLES[Role.ISSUER]
    assert style.color_rgb == RED and style.align == C


def test_joint_signatures_and_the_proxy_seal_are_one_block():
    """Two 署名 lines and （国家卫生健康委代章）: one 落款, a line of space above the first only."""
    texts = ["国家卫生健康委 国家中医药局关于做好XX工作的通知", "各省卫生健康委：", "正文。",
             "国家卫生健康委", "国家中医药局", "（国家卫生健康委代章）", "2020年4月27日"]
    plan = layout.plan_document(texts)
    assert plan.roles[3:] == [Role.SIGNATURE] * 3 + [Role.DATE]
    assert plan.paragraphs[3].space_before_pt is None  # the style's line above the 落款
    assert [p.space_before_pt for p in plan.paragraphs[4:6]] == [0.0, 0.0]


def test_an_attachment_file_starts_on_its_first_page():
    texts = ["附件1", "2020年度优秀指导教师名单", "王伟　计算机与信息系"]
    plan = layout.plan_document(texts)
    assert plan.roles[:2] == [Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE]
    assert not plan.paragraphs[0].page_break_before
