"""The paragraph role classifier on the two real samples and on made-up reports."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from typing import List

import pytest

from gongwen import roles
from gongwen.roles import HeadingNumber, classify, heading_level, parse_heading_number
from gongwen.spec import Role
from tests import samples


def read_sample(name: str) -> List[str]:
    return samples.read_sample(name).split("\n")


LINGDAO = "zhengxie-lingdao-banzi-shuzhi.txt"
ZONGJIE = "xian-zhengxie-jiguan-2021-zongjie.txt"

# Every heading of the samples, by line index (0-based), with its text's start.
LINGDAO_HEADINGS = {
    1: "一、我们站位新时代",
    3: "二、我们面向新时代",
    5: "三、我们顺应新时代",
    7: "四、我们融入新时代",
    9: "五、我们着眼新时代",  # ends with 。 and is still a heading
    11: "六、我们置身新时代",
    13: "七、我们立足新时代",
}
ZONGJIE_HEADINGS = {
    1: "一、强化理论武装",
    3: "二、聚焦中心工作",
    5: "三、强化党风廉政建设",
}
OWN_SHUZHI_HEADINGS = {i: f"{n}、" for i, n in zip(range(1, 14, 2), "一二三四五六七")}
OWN_ZONGJIE_HEADINGS = {i: f"{n}、" for i, n in zip(range(1, 12, 2), "一二三四五六")}


@pytest.mark.parametrize(
    "name, headings, body_lines",
    [case for case in [(LINGDAO, LINGDAO_HEADINGS, 9), (ZONGJIE, ZONGJIE_HEADINGS, 6)]
     if case[0] in samples.STEERING]
    + [(samples.SHUZHI, OWN_SHUZHI_HEADINGS, 8), (samples.ZONGJIE, OWN_ZONGJIE_HEADINGS, 9)],
)
def test_sample_headings_and_body(name, headings, body_lines):
    paragraphs = read_sample(name)
    result = classify(paragraphs)
    assert len(result) == len(paragraphs)
    for index, start in headings.items():
        assert paragraphs[index].lstrip().startswith(start)
        assert result[index] == Role.HEADING1, (index, paragraphs[index])
    others = [i for i, text in enumerate(paragraphs) if text.strip() and i not in headings]
    # No body paragraph is called a heading (or anything else): these samples have
    # no title, 称谓, 结束语 or 落款; the first line is a long body opening.
    assert [result[i] for i in others] == [Role.BODY] * body_lines
    assert result[0] == Role.BODY
    blanks = [i for i, text in enumerate(paragraphs) if not text.strip()]
    assert all(result[i] == Role.BLANK for i in blanks)


def test_zongjie_lines_keep_trailing_space_and_still_classify():
    paragraphs = read_sample(ZONGJIE)
    assert paragraphs[1].endswith(" ")
    assert heading_level(paragraphs[1]) == 1


def test_lingdao_heading_with_final_period_keeps_its_level():
    line = read_sample(LINGDAO)[9]
    assert line.endswith("。")
    assert parse_heading_number(line) == HeadingNumber(1, "五、", "五、")


SYNTHETIC = [
    ("XX县XX局", Role.TITLE),
    ("XXXX年度领导班子述职报告", Role.TITLE),
    ("", Role.BLANK),
    ("各位领导、同志们：", Role.ADDRESSEE),
    ("一年来，在县委的坚强领导下，我局班子认真履职。现将有关情况报告如下：", Role.BODY),
    ("一、加强政治理论学习", Role.HEADING1),
    ("（一）坚持集中学习", Role.HEADING2),
    ("全年组织集中学习X次，撰写心得体会XX篇。", Role.BODY),
    ("1.学原著", Role.HEADING3),
    ("（1）每周一学。", Role.HEADING4),
    ("(2)每月一考", Role.HEADING4),
    ("2、悟原理", Role.HEADING3),
    ("３．求实效", Role.HEADING3),
    ("(二)抓好专题研讨", Role.HEADING2),
    ("一是制定方案。二是明确责任。三是强化督导。", Role.BODY),
    ("二、履职尽责情况", Role.HEADING1),
    ("1.5万元专项资金全部拨付到位，惠及群众XXX名。", Role.BODY),
    ("一、二季度全县经济保持平稳增长。", Role.BODY),
    ("3.5%的增幅高于全市平均水平。", Role.BODY),
    ("2021.12.31前完成全部整改任务。", Role.BODY),
    ("全年完成（一）类项目X个，其中1.基础设施类X个。", Role.BODY),
    ("三.存在的问题和不足", Role.HEADING1),
    ("十一、下一步工作打算", Role.HEADING1),
    ("以上述职，请予审议。", Role.CLOSING),
    ("", Role.BLANK),
    ("附件：1.XX县XX局XXXX年度工作任务完成情况统计表", Role.ATTACHMENT),
    ("2.XX县XX局XXXX年度重点项目清单", Role.ATTACHMENT),
    ("", Role.BLANK),
    ("述职人：XXX", Role.SIGNATURE),
    ("XXXX年XX月XX日", Role.DATE),
]


def test_synthetic_full_report_classifies_exactly():
    paragraphs = [text for text, _ in SYNTHETIC]
    assert classify(paragraphs) == [role for _, role in SYNTHETIC]


def test_two_line_title_organisation_signature_and_chinese_date():
    paragraphs = [
        "XX县政协办公室",
        "关于2021年度工作情况的报告",
        "县委：",
        "2021年，我办认真落实县委各项部署，较好完成了全年任务。",
        "特此报告。",
        "",
        "XX县政协办公室",
        "二〇二一年十二月三十一日",
    ]
    assert classify(paragraphs) == [
        Role.TITLE, Role.TITLE, Role.ADDRESSEE, Role.BODY, Role.CLOSING, Role.BLANK,
        Role.SIGNATURE, Role.DATE,
    ]


def test_title_needs_short_lines_without_end_punctuation():
    assert classify(["述职报告", "正文。"])[0] == Role.TITLE
    # A long first line or one ending in punctuation is body.
    assert classify(["一年来" + "，认真履职" * 10, "正文。"])[0] == Role.BODY
    assert classify(["我的工作总结。", "正文。"])[0] == Role.BODY
    # At most three title lines.
    assert classify(["甲", "乙", "丙", "丁", "正文。"])[:4] == [Role.TITLE] * 3 + [Role.BODY]


def test_colon_line_opening_the_body_is_not_an_addressee():
    result = classify(["工作总结", "现将一年来的主要工作报告如下：", "正文。"])
    assert result[1] == Role.BODY


def test_generic_short_closing_before_the_signature():
    result = classify(["总结", "全年工作取得明显成效。", "请各位领导批评指正。", "张三",
                       "2022年1月5日"])
    assert result[2:] == [Role.CLOSING, Role.SIGNATURE, Role.DATE]


def test_last_line_under_a_heading_is_not_a_closing():
    result = classify(["总结", "一、打算", "继续努力。", "张三", "2022年1月5日"])
    assert result[2] == Role.BODY


def test_signature_without_date_needs_a_label_or_an_organisation():
    assert classify(["总结", "全年工作取得成效。", "述职人：王五"])[-1] == Role.SIGNATURE
    assert classify(["总结", "全年工作取得成效。", "XX镇人民政府"])[-1] == Role.SIGNATURE
    assert classify(["总结", "全年工作取得成效。", "王五"])[-1] == Role.BODY


def test_date_in_the_middle_is_body_and_dates_at_the_end_in_all_forms():
    assert classify(["总结", "2021年12月31日", "正文。"])[1] == Role.BODY
    for date in ("2021年12月31日", "2021.12.31", "2021-12-31", "  年  月  日", "20XX年X月X日"):
        assert classify(["总结", "正文。", date])[-1] == Role.DATE, date


@pytest.mark.parametrize(
    "text, level, prefix, normalized",
    [
        ("一、加强学习", 1, "一、", "一、"),
        ("十二、其他", 1, "十二、", "十二、"),
        ("二十、其他", 1, "二十、", "二十、"),
        ("一．加强学习", 1, "一．", "一、"),
        ("一.加强学习", 1, "一.", "一、"),
        ("\u3000\u3000（三）抓好落实", 2, "（三）", "（三）"),
        ("(十一)抓好落实", 2, "(十一)", "（十一）"),
        ("（一）、抓好落实", 2, "（一）、", "（一）"),
        ("1.学原著", 3, "1.", "1."),
        ("12．悟原理", 3, "12．", "12."),
        ("1、悟原理", 3, "1、", "1."),
        ("1. 空格", 3, "1.", "1."),
        ("（1）每周", 4, "（1）", "（1）"),
        ("(10)每周", 4, "(10)", "（10）"),
        ("（１）全角", 4, "（１）", "（1）"),
    ],
)
def test_parse_heading_number(text, level, prefix, normalized):
    assert parse_heading_number(text) == HeadingNumber(level, prefix, normalized)
    assert heading_level(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "1.5万元用于…", "2021.12.31", "3.5%", "1、2月份完成", "一、二季度全县…",
        "一、二、三产业协调发展", "二、三等奖各X名", "一是加强学习", "全年（一）", "100.全县",
        "0.5个百分点", "2021年，在政协党组领导下", "第一，加强学习", "",
    ],
)
def test_false_headings(text):
    assert parse_heading_number(text) is None
    assert heading_level(text) == 0


def test_heading1_followed_by_more_sentences_is_a_run_in_body_paragraph():
    # Issue 11: a 段内标题 keeps the body style; its first sentence takes the level's font.
    text = "一、加强学习。全年组织学习X次。撰写心得XX篇。"
    assert classify(["总结", text, "正文。"])[1] == Role.BODY
    assert roles.run_in_heading(text) == roles.RunIn(1, 0, 7)


def test_empty_and_blank_only_inputs():
    assert classify([]) == []
    assert classify(["", " ", "\u3000", "\xa0"]) == [Role.BLANK] * 4


def test_every_result_is_a_known_role():
    paragraphs = read_sample(LINGDAO) + [text for text, _ in SYNTHETIC]
    assert set(classify(paragraphs)) <= set(Role.ALL)


ROLE_MODULES = [roles] + [importlib.import_module(f"gongwen.roles.{info.name}")
                         for info in pkgutil.iter_modules(roles.__path__)]


@pytest.mark.parametrize("module", ROLE_MODULES, ids=lambda module: module.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.failed == 0


def test_the_docstrings_hold_examples():
    assert sum(doctest.testmod(module).attempted for module in ROLE_MODULES) > 50


# --- pasted plain text (seventh pass of the real corpus) ------------------------------------

def test_a_notice_ending_with_its_matters_to_be_announced_later_closes_with_it():
    texts = ["四、注意事项:", "1.各班级要召开专题班会,宣讲假期安全注意事项。",
             "未尽事宜,另行通知。"]
    assert classify(texts)[-1] == Role.CLOSING
    signed = ["各部门：", "现将放假安排通知如下：", "一、放假时间", "共8天。",
              "未尽事宜，另行通知。", "办公室", "2017年9月4日"]
    assert classify(signed)[-3:] == [Role.CLOSING, Role.SIGNATURE, Role.DATE]
    # …but the words inside running text keep it text
    assert classify(["各部门：", "本办法未尽事宜由镇政府负责解释。", "办公室", "2017年9月4日"])[1] \
        == Role.BODY


def test_a_sentence_ending_in_a_colon_under_the_title_is_not_a_salutation():
    group = classify(["  档案袋邮寄地质收集",
                      "由于不少同学邮寄地址存在变动，再次收集同学们的档案邮寄地址：",
                      "①所有同学：在线文档中填写地址+电子签名收集。"])
    assert group[:2] == [Role.TITLE, Role.BODY]
    wechat = classify(["家长们您好，我是唐勇老师，咱们1921班今日学习了第四章作业完成情况:",
                       "今日上机作业任务完成较好的同学：", "吴晓斌、王子俊"])
    assert wechat[0] == Role.BODY
    # a greeting that is the whole line still greets
    assert classify(["关于期末考试的通知", "家长们您好：", "期末考试定于1月10日举行。"])[1] \
        == Role.ADDRESSEE


def test_a_date_written_in_words_at_the_end_of_a_summary_is_its_date():
    texts = ["一. 2014 总结", "这一年做了很多事情。", "生命就是如此的脆弱，珍惜时间。",
             "", "写于2015年1月16日晚"]
    assert classify(texts)[-1] == Role.DATE
    assert classify(["总结", "这一年做了很多事情。", "2015年1月16日晚"])[-1] == Role.DATE
    # words that are no date stay text
    assert classify(["总结", "这一年做了很多事情。", "写于家中"])[-1] == Role.BODY
