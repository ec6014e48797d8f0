"""The classifier on the whole 公文: 版头, 发文字号, 附注, one-line 落款, attached texts,
版记, 纪要, run-in headings and document kinds (issues 11 and 12)."""

from __future__ import annotations

from typing import List, Tuple

import pytest

from gongwen import messages
from gongwen.roles import (
    Part,
    RunIn,
    Split,
    classify,
    document_kind,
    document_parts,
    run_in_heading,
    split_line,
)
from gongwen.spec import PARAGRAPH_STYLES, Role, style_name


def roles_of(pairs: List[Tuple[str, str]]) -> List[str]:
    return classify([text for text, _ in pairs])


def assert_labels(pairs: List[Tuple[str, str]]) -> None:
    assert roles_of(pairs) == [role for _, role in pairs]


# --- spec -----------------------------------------------------------------------------

NEW_STYLES = {
    Role.COPY_NUMBER: "公文份号", Role.SECRECY: "公文密级", Role.URGENCY: "公文紧急程度",
    Role.ISSUER: "公文发文机关标志", Role.DOC_NUMBER: "公文发文字号", Role.SIGNER: "公文签发人",
    Role.NOTE: "公文附注", Role.ATTACHMENT_MARK: "公文附件标识",
    Role.ATTACHMENT_TITLE: "公文附件标题", Role.CC: "公文抄送", Role.IMPRINT: "公文印发",
    Role.SIGNATURE_DATE: "公文署名", Role.MINUTES_MARK: "公文纪要标志",
    Role.ATTENDANCE: "公文出席",
}


def test_every_new_role_has_its_named_style():
    assert set(NEW_STYLES) <= set(Role.ALL)
    assert set(PARAGRAPH_STYLES) == set(Role.ALL)
    for role, name in NEW_STYLES.items():
        assert style_name(role) == name, role


def test_every_role_has_a_name_for_the_format_message():
    # The Writer button's summary names each role it styled (messages "role_<key>").
    for role in Role.ALL:
        if role != Role.BLANK:
            for locale in ("zh-CN", "en-US"):
                assert messages.text("role_" + role, locale)


def test_new_styles_follow_gb_t_9704():
    styles = PARAGRAPH_STYLES
    for role in (Role.COPY_NUMBER, Role.SECRECY, Role.URGENCY, Role.ATTACHMENT_MARK):
        assert styles[role].font.name == "黑体" and styles[role].size_pt == 16
        assert styles[role].first_line_chars == 0 and styles[role].align == "left"
    assert styles[Role.ISSUER].color_rgb == styles[Role.MINUTES_MARK].color_rgb == 0xFF0000
    assert styles[Role.ISSUER].font.name == "方正小标宋简体"
    assert styles[Role.DOC_NUMBER].align == "center" and styles[Role.DOC_NUMBER].size_pt == 16
    assert styles[Role.ATTACHMENT_TITLE].size_pt == 22
    assert styles[Role.NOTE].first_line_chars == 2
    for role in (Role.CC, Role.IMPRINT):
        assert styles[role].size_pt == 14 and styles[role].font.name == "仿宋_GB2312"
        assert styles[role].left_chars == styles[role].right_chars == 1
    assert styles[Role.BODY].color_rgb is None


# --- 版头 ------------------------------------------------------------------------------

def test_copy_number_is_no_title_and_the_real_title_follows():
    assert_labels([("000123", Role.COPY_NUMBER), ("", Role.BLANK),
                   ("XX县人民政府关于做好XX工作的通知", Role.TITLE), ("各乡镇：", Role.ADDRESSEE),
                   ("正文。", Role.BODY)])


@pytest.mark.parametrize("line, role", [
    ("０００１２３", Role.COPY_NUMBER),
    ("000123  机密★1年", Role.COPY_NUMBER),
    ("机密★1年", Role.SECRECY),
    ("秘密 ★ 6个月", Role.SECRECY),
    ("绝密☆长期", Role.SECRECY),
    ("秘密*1年", Role.SECRECY),
    ("机密", Role.SECRECY),
    ("特急", Role.URGENCY),
    ("加 急", Role.URGENCY),
    ("XX县人民政府文件", Role.ISSUER),
    ("中共XX县委办公室  XX县人民政府办公室文件", Role.ISSUER),
    ("国务院办公厅文件", Role.ISSUER),
    ("国办发〔2020〕50号", Role.DOC_NUMBER),
    ("X政发[2024]3号", Role.DOC_NUMBER),
    ("X政发［2024］3号", Role.DOC_NUMBER),
    ("X政发（2024）3号", Role.DOC_NUMBER),
    ("X政发(2024)3号", Role.DOC_NUMBER),
    ("X政发【2024】3号", Role.DOC_NUMBER),
    ("国发 〔２０２４〕 １１ 号", Role.DOC_NUMBER),
    ("X政发〔2024〕第3号", Role.DOC_NUMBER),
    ("X发〔20XX〕X号", Role.DOC_NUMBER),
    ("X教发〔2024〕5号　　　　签发人：张三", Role.DOC_NUMBER),
    ("签发人：张三", Role.SIGNER),
    ("签发人: 张三　李四", Role.SIGNER),
])
def test_banner_lines(line, role):
    assert classify([line, "XX关于XX的通知", "正文。"])[0] == role


def test_agency_name_is_the_issuer_only_above_a_doc_number():
    assert classify(["XX县人民政府办公室", "X政办函〔2024〕5号", "关于XX的函", "正文。"])[:3] == \
        [Role.ISSUER, Role.DOC_NUMBER, Role.TITLE]
    # Without a 发文字号 under it the agency name is the first title line, as before.
    assert classify(["XX县人民政府办公室", "关于XX的报告", "正文。"])[:2] == [Role.TITLE] * 2


def test_joint_issuers_stacked_over_a_line_of_wen_jian():
    assert classify(["XX市财政局", "XX市教育局", "文件", "X财发〔2024〕12号", "标题",
                     "正文。"])[:5] == [Role.ISSUER] * 3 + [Role.DOC_NUMBER, Role.TITLE]


@pytest.mark.parametrize("number", ["国发〔2024〕11号", "国办发〔2020〕50号", "X环函（2024）45号"])
def test_doc_number_under_a_title_is_no_title(number):
    result = classify(["国务院关于XX的通知", number, "各省、自治区、直辖市人民政府：", "正文。"])
    assert result == [Role.TITLE, Role.DOC_NUMBER, Role.ADDRESSEE, Role.BODY]


def test_doc_number_and_signer_on_separate_lines_under_the_issuer():
    assert classify(["XX县教育局文件", "X教发〔2024〕5号", "签发人：张三", "关于XX的请示",
                     "县人民政府：", "正文。"]) == [
        Role.ISSUER, Role.DOC_NUMBER, Role.SIGNER, Role.TITLE, Role.ADDRESSEE, Role.BODY]


def test_long_title_under_a_banner():
    title = "中共XX县委关于表彰2023年度全县优秀共产党员、优秀党务工作者和先进基层党组织的决定"
    assert len(title) > 40
    assert classify(["中共XX县委员会文件", "X发〔2024〕1号", title, "正文。"])[2] == Role.TITLE
    # Without a 版头 a long first line is a title when it names its 文种 (决定, 公告 …) …
    assert classify([title, "正文。"])[0] == Role.TITLE
    # … and a long line that names none stays what it was.
    untitled = title[:-3] + "的有关情况和下一步工作安排"
    assert len(untitled) > 40 and classify([untitled, "正文。"])[0] == Role.BODY


@pytest.mark.parametrize("paragraphs", [
    ["关于学习上级文件的通知", "正文。"],          # a title naming 文件
    ["2024年第一季度学习文件", "正文。"],           # no agency before 文件
    ["总结", "请各单位认真学习以上文件", "正文。"],  # a body sentence ending in 文件
    ["总结", "根据国发〔2024〕11号文件要求，我们认真落实。"],
])
def test_wen_jian_and_doc_numbers_inside_text_are_no_banner(paragraphs):
    result = classify(paragraphs)
    assert Role.ISSUER not in result and Role.DOC_NUMBER not in result


# --- tail: 附注, one-line 落款, 附件说明 -----------------------------------------------------

def test_signature_and_date_before_a_note_and_an_attachment():
    assert_labels([
        ("国务院关于XX的决定", Role.TITLE), ("正文。", Role.BODY), ("", Role.BLANK),
        ("国务院", Role.SIGNATURE), ("2024年3月1日", Role.DATE), ("（此件公开发布）", Role.NOTE),
        ("", Role.BLANK), ("附件", Role.ATTACHMENT_MARK), ("XX管理办法", Role.ATTACHMENT_TITLE),
        ("第一条　为了规范XX，制定本办法。", Role.BODY),
    ])


@pytest.mark.parametrize("note", ["（此件公开发布）", "(此件不公开)",
                                  "（联系人：张三；电话：12345678）", "（此件发至县级）"])
def test_notes_under_the_date(note):
    assert classify(["通知", "正文。", "XX局", "2024年3月1日", note])[-1] == Role.NOTE


def test_bracketed_line_is_a_note_by_its_words_or_under_a_date_only():
    assert classify(["总结", "正文。", "（略）"])[-1] == Role.BODY
    assert classify(["总结", "正文。", "特此通知。", "（此件公开发布）"])[-2:] == \
        [Role.CLOSING, Role.NOTE]
    # A contact note typed between the 结束语 and the 署名.
    assert classify(["请示", "正文。", "妥否，请批示。", "（联系人：张三，电话：123）", "XX村委会",
                     "2024年4月8日"])[2:] == [Role.CLOSING, Role.NOTE, Role.SIGNATURE, Role.DATE]


@pytest.mark.parametrize("line", ["事业六部          2018年 1 月26日", "综合办公室\t2024年1月5日",
                                  "XX县人民政府\u3000\u30002024年3月1日",
                                  "述职人：张三    二〇二四年一月五日"])
def test_one_line_signature_and_date(line):
    assert classify(["总结", "全年工作取得成效。", line])[-1] == Role.SIGNATURE_DATE


@pytest.mark.parametrize("tail, roles", [
    (["XX公司", "2024年3月1日", "（盖章）"], [Role.SIGNATURE, Role.DATE, Role.SIGNATURE]),
    (["XX公司", "（盖章）", "2024年3月1日"], [Role.SIGNATURE] * 2 + [Role.DATE]),
    (["申请人：张三", "日期：2024年3月1日"], [Role.SIGNATURE, Role.DATE]),
    (["申请人（签字）：", "日期：2024年  月  日"], [Role.SIGNATURE, Role.DATE]),
])
def test_seals_and_labelled_dates_in_the_signature_block(tail, roles):
    assert classify(["申请书", "特此申请，望批准。"] + tail)[2:] == roles


@pytest.mark.parametrize("date", ["2024年1月", "二〇二四年一月", "2024 年 12 月"])
def test_a_signature_dated_by_month(date):
    assert classify(["总结", "全年工作取得成效。", "XX科", date])[2:] == [Role.SIGNATURE, Role.DATE]
    assert classify(["总结", "全年工作取得成效。", "XX科    " + date])[-1] == Role.SIGNATURE_DATE
    assert classify(["总结", date, "全年工作取得成效。"])[1] == Role.BODY


@pytest.mark.parametrize("line", ["会议时间： 2024年3月1日", "截至2024年3月1日",
                                  "全年工作取得成效，截至 2024年3月1日"])
def test_a_date_at_the_end_of_a_sentence_is_no_signature(line):
    assert classify(["总结", "正文。", line])[-1] == Role.BODY


def test_attachment_list_with_the_items_on_the_lines_under_it():
    assert classify(["通知", "正文。", "附件：", "1.XX表", "2.XX表", "3.XX名单", "XX局",
                     "2024年3月1日"])[2:] == [Role.ATTACHMENT] * 4 + [Role.SIGNATURE, Role.DATE]
    assert classify(["通知", "正文。", "附件：", "XX表", "XX局", "2024年3月1日"])[2:] == \
        [Role.ATTACHMENT] * 2 + [Role.SIGNATURE, Role.DATE]


# --- attached texts and 版记 -----------------------------------------------------------------

def test_attached_texts_are_classified_like_a_body():
    result = classify(["通知", "正文。", "XX局", "2024年3月1日", "附件1", "XX实施方案", "一、目标",
                       "（一）到2025年，建成XX。全县覆盖。", "附件 2", "XX名单", "张三、李四",
                       "附件3：", "XX表"])
    assert result[4:] == [Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE, Role.HEADING1,
                          Role.BODY, Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE, Role.BODY,
                          Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE]


def test_attachment_mark_and_title_on_one_line_after_the_signature():
    result = classify(["通知", "正文。", "XX局", "2024年3月1日", "附件1：XX实施办法",
                       "第一条　为了XX。", "第二条　本办法自发布之日起施行。"])
    assert result[2:5] == [Role.SIGNATURE, Role.DATE, Role.ATTACHMENT_MARK]
    # Before the 落款, or with numbered items under it, the same line is a 附件说明.
    assert classify(["通知", "正文。", "附件：XX办法", "XX局", "2024年3月1日"])[2] == \
        Role.ATTACHMENT
    assert classify(["通知", "正文。", "XX局", "2024年3月1日", "附件：1.XX表", "2.XX表"])[4:] \
        == [Role.ATTACHMENT] * 2
    # A date inside the body does not make a later 附件说明 an attachment mark.
    assert classify(["通知", "2024年3月1日", "正文。", "附件：", "1.XX表", "2.XX表", "XX局",
                     "2024年3月5日"])[3:6] == [Role.ATTACHMENT] * 3


def test_attached_text_without_a_mark_after_the_signature_and_note():
    result = classify(["国务院关于印发《XX方案》的通知", "国发〔2024〕7号", "各省人民政府：",
                       "现将《XX方案》印发给你们。", "国务院", "2024年2月6日", "（此件公开发布）",
                       "XX方案", "为推动XX，制定本方案。", "一、总体要求"])
    assert result[4:] == [Role.SIGNATURE, Role.DATE, Role.NOTE, Role.ATTACHMENT_TITLE,
                          Role.BODY, Role.HEADING1]
    # A notice that 印发 something needs no note: the title-like line under the 落款 says it.
    result = classify(["关于印发XX办法的通知", "现印发给你们。", "XX局", "2024年2月6日",
                       "XX办法", "第一条　为了XX。"])
    assert result[2:] == [Role.SIGNATURE, Role.DATE, Role.ATTACHMENT_TITLE, Role.BODY]


def test_a_name_and_date_in_the_middle_of_a_report_start_no_attached_text():
    result = classify(["工作总结", "正文。", "张三", "2024年1月1日", "下一步打算", "继续努力。"])
    assert Role.ATTACHMENT_TITLE not in result and Role.SIGNATURE not in result


def test_typed_rules_in_the_banner_are_passed_over():
    result = classify(["XX县人民政府文件", "X政发〔2024〕3号", "————————————————————————",
                       "关于XX的通知", "各乡镇：", "正文。"])
    assert result == [Role.ISSUER, Role.DOC_NUMBER, Role.BODY, Role.TITLE, Role.ADDRESSEE,
                      Role.BODY]


def test_attached_text_with_its_own_signature_and_date():
    result = classify(["通知", "正文。", "XX局", "2024年3月1日", "附件", "XX方案", "正文。",
                       "XX局办公室", "2024年2月1日"])
    assert result[-2:] == [Role.SIGNATURE, Role.DATE]


def test_cc_wraps_and_the_imprint_line():
    assert classify(["通知", "正文。", "XX局", "2024年3月1日", "抄送：县委办公室，县人大办公室，",
                     "县政协办公室。", "XX县人民政府办公室        2024年3月1日印发"])[4:] == \
        [Role.CC, Role.CC, Role.IMPRINT]


def test_typed_rules_around_the_record():
    result = classify(["通知", "正文。", "XX局", "2024年3月1日", "——————————————",
                       "抄送：县委办公室。", "——————————————", "XX局办公室  2024年3月1日印发",
                       "______________"])
    assert result == [Role.TITLE, Role.BODY, Role.SIGNATURE, Role.DATE, Role.BODY, Role.CC,
                      Role.BODY, Role.IMPRINT, Role.BODY]


@pytest.mark.parametrize("line", ["XX县人民政府办公室2024年3月1日印发", "2024年3月1日印发",
                                  "XX办公室　　XXXX年X月X日印发"])
def test_imprint_forms(line):
    assert classify(["通知", "正文。", line])[-1] == Role.IMPRINT


def test_printed_in_a_sentence_is_body():
    assert classify(["通知", "该办法已于2024年3月1日印发。", "正文。"])[1] == Role.BODY


def test_cc_without_an_imprint_and_attached_texts_after_the_record():
    result = classify(["函", "正文。", "XX局", "2024年3月1日", "抄送：市财政局。", "附件1",
                       "XX表", "正文。"])
    assert result[4:] == [Role.CC, Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE, Role.BODY]


@pytest.mark.parametrize("text, role, left, right", [
    ("事业六部          2018年 1 月26日", Role.SIGNATURE_DATE, "事业六部", "2018年 1 月26日"),
    ("\u3000述职人：张三\t2024年1月5日 ", Role.SIGNATURE_DATE, "述职人：张三", "2024年1月5日"),
    ("XX县人民政府办公室2024年3月1日印发", Role.IMPRINT, "XX县人民政府办公室", "2024年3月1日印发"),
    ("X政办发〔2024〕3号    签发人：张三", Role.DOC_NUMBER, "X政办发〔2024〕3号", "签发人：张三"),
    ("XX县人民政府办公室    2024年3月5日", Role.DOC_NUMBER, "XX县人民政府办公室", "2024年3月5日"),
])
def test_split_line_gives_the_two_parts(text, role, left, right):
    split = split_line(text, role)
    assert isinstance(split, Split)
    assert text[:split.left_end].strip() == left
    assert text[split.right_start:].strip() == right
    assert text[split.left_end:split.right_start].strip() == ""  # only whitespace between


@pytest.mark.parametrize("text, role", [("国发〔2024〕11号", Role.DOC_NUMBER),
                                        ("2024年3月1日印发", Role.IMPRINT),
                                        ("张三", Role.SIGNATURE_DATE)])
def test_split_line_of_a_one_part_line(text, role):
    assert split_line(text, role) is None


# --- 纪要 ------------------------------------------------------------------------------

def test_minutes_mark_number_and_attendance():
    result = classify(["XX县人民政府常务会议纪要", "第3期", "XX县人民政府办公室    2024年3月5日",
                       "2024年3月1日，县长XXX主持召开会议。", "一、关于XX", "会议同意。",
                       "出席：张三、李四、", "王五", "请假：赵六", "列席：县财政局XXX"])
    assert result == [Role.MINUTES_MARK, Role.DOC_NUMBER, Role.DOC_NUMBER, Role.BODY,
                      Role.HEADING1, Role.BODY] + [Role.ATTENDANCE] * 4


def test_minutes_issuer_and_date_on_two_lines_under_the_mark():
    result = classify(["XX县人民政府常务会议纪要", "第3期", "XX县人民政府办公室", "2024年3月5日",
                       "2024年3月1日，县长XXX主持召开会议。"])
    assert result == [Role.MINUTES_MARK] + [Role.DOC_NUMBER] * 3 + [Role.BODY]


def test_attendance_lines_outside_minutes_are_body():
    result = classify(["关于召开XX会议的通知", "正文。", "参加人员：各乡镇分管领导。",
                       "出席：张三"])
    assert Role.ATTENDANCE not in result


def test_a_sentence_after_the_attendance_is_not_a_name_list():
    result = classify(["会议纪要", "出席：张三、李四", "列席：王五", "会议研究了XX。"])
    assert result == [Role.MINUTES_MARK, Role.ATTENDANCE, Role.ATTENDANCE, Role.BODY]


# --- run-in headings --------------------------------------------------------------------

@pytest.mark.parametrize("text, run", [
    ("（一）财富的唯一正常来源是“生产”。生产包括农业。", RunIn(2, 0, 18)),
    ("一、指导思想：坚持以人民为中心。", RunIn(1, 0, 7)),
    ("1.抓好培训；全年培训5000人次。", RunIn(3, 0, 7)),
    ("(1)强化考核。考核结果与评优挂钩。", RunIn(4, 0, 8)),
    ("\u3000\u3000（二）加强领导。各单位要重视。", RunIn(2, 2, 10)),
    ("（三）他说：“要学习。”随后散会。", RunIn(2, 0, 6)),
])
def test_run_in_heading(text, run):
    assert run_in_heading(text) == run
    assert classify(["总结", text, "正文。"])[1] == Role.BODY


@pytest.mark.parametrize("text, role", [
    ("一、指导思想", Role.HEADING1),
    ("（一）加强学习。", Role.HEADING2),
    ("1.时间安排：", Role.HEADING3),
    ("（1）上午8:30报到", Role.HEADING4),
    ("（2）比例为3：1", Role.HEADING4),
    ("一是学，二是用。三是悟。", Role.BODY),
])
def test_not_run_in(text, role):
    assert run_in_heading(text) is None
    assert classify(["总结", text, "正文。"])[1] == role


# --- document kinds and parts -------------------------------------------------------------

@pytest.mark.parametrize("paragraphs, kind", [
    (["XX县人民政府常务会议纪要", "第3期", "会议研究了XX工作。"], "minutes"),
    (["XX县人民政府办公室", "X政办函〔2024〕5号", "关于XX的通知", "正文。"], "letter"),
    (["关于商请支持XX工作的函", "XX局：", "正文。"], "letter"),
    (["关于XX问题的复函", "XX局：", "正文。"], "letter"),
    (["关于XX的会议纪要", "出席：张三", "正文。"], "document"),  # no mark: nothing to set red
    (["XX县人民政府文件", "X政发〔2024〕3号", "关于XX的通知", "正文。"], "document"),
    (["工作总结", "正文。"], "document"),
])
def test_document_kind(paragraphs, kind):
    assert document_kind(paragraphs, classify(paragraphs)) == kind


def test_document_parts_of_a_full_notice():
    paragraphs = ["XX县人民政府文件", "X政发〔2024〕3号", "关于XX的通知", "正文。", "XX县人民政府",
                  "2024年3月1日", "附件1", "XX方案", "正文。", "附件2", "XX表", "抄送：县委。",
                  "XX县人民政府办公室  2024年3月1日印发"]
    assert document_parts(classify(paragraphs)) == [
        Part("main", 0, 6), Part("attachment", 6, 9), Part("attachment", 9, 11),
        Part("record", 11, 13)]


# --- nothing new where there is nothing --------------------------------------------------

BODY_ONLY = [
    "一年来，我认真履职，较好完成了各项任务。", "一、加强学习", "（一）学习理论", "全年学习X次。",
    "1.读原著", "（1）每周一次", "二、存在问题", "学习不够深入。", "", "特此报告。", "张三",
    "2024年1月5日",
]


def test_body_only_document_has_no_new_roles():
    result = classify(BODY_ONLY)
    assert result == [Role.BODY, Role.HEADING1, Role.HEADING2, Role.BODY, Role.HEADING3,
                      Role.HEADING4, Role.HEADING1, Role.BODY, Role.BLANK, Role.CLOSING,
                      Role.SIGNATURE, Role.DATE]
    assert document_kind(BODY_ONLY, result) == "document"
    assert document_parts(result) == [Part("main", 0, len(BODY_ONLY))]
