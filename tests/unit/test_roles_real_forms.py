"""Roles of the forms real Word files use (issue #20): personal 总结, 纪要 of firms and teams,
letters, rules attached to a 通知. Each case is a general rule seen in the real corpus
(tests/data/realcorpus), written here with texts of our own."""

from __future__ import annotations

from gongwen import spec
from gongwen.roles import ParagraphLook, classify
from gongwen.spec import Role

# --- heading forms ---------------------------------------------------------------------------

def test_digit_with_a_closing_bracket_only_is_heading4():
    roles = classify(["年度总结", "（一）主要业绩", "1)客户画像", "完成了画像的设计。",
                      "2）理财平台", "参与了推荐的改造。"])
    assert roles[2] == roles[4] == Role.HEADING4


def test_a_bracketed_aside_after_a_headings_semicolon_keeps_it_a_heading():
    roles = classify(["开发总结", "一、项目完成情况", "1）用户端系统：（学生、教师）",
                      "2）服务器后台系统；（管理员）", "3）统计模块；后来又加了导出的功能。"])
    assert roles[2] == roles[3] == Role.HEADING4
    assert roles[4] == Role.BODY  # text after the semicolon: a run-in heading

def test_roman_items_are_headings_even_with_a_comma_or_a_semicolon():
    roles = classify(["项目总结", "一、项目目标", "我们提出了五项功能：",
                      "i. 实现会议室的创建、删除功能；", "ii. 实现两种身份，管理员和普通用户；",
                      "iii. 支持查询。这一项后来又做了扩充，加入了导出。"])
    assert roles[3:] == [Role.HEADING2, Role.HEADING2, Role.BODY]


def test_articles_named_by_a_phrase_are_headings_and_their_items_text():
    roles = classify(["XX学院访学项目实施细则", "为开拓视野，制定本细则。", "第一条  工作机构",
                      "项目由学工处负责。", "第二条  申请条件", "申请的同学须满足：",
                      "（一）热爱祖国，品德优良；", "（二）成绩优秀。",
                      "第三条  本细则自发布之日起由学工处负责解释和实施"])
    assert roles[2] == roles[4] == Role.HEADING1
    assert roles[6:] == [Role.BODY] * 3


def test_a_word_numbered_alone_is_the_documents_heading_form():
    roles = classify(["讨论会纪要", "问题1：", "说明：逻辑是什么？", "问题2：", "说明：怎样分工？",
                      "表1"])
    assert roles[1] == roles[3] == Role.HEADING1
    assert roles[5] == Role.BODY  # a table's number met once
    assert classify(["总结", "问题1：", "只此一问。"])[1] == Role.BODY


def test_one_dot_over_decimals_is_the_top_of_a_decimal_outline():
    roles = classify(["项目总结", "1.简述", "这是第一次开发。", "2.问题与解决", "2.1关于代码",
                      "2.1.1问题：日期格式不知道怎么转换", "解决：查资料。", "3.简要总结",
                      "收获很多。"])
    assert roles[1:] == [Role.HEADING1, Role.BODY, Role.HEADING1, Role.HEADING2, Role.BODY,
                         Role.BODY, Role.HEADING1, Role.BODY]


def test_standard_digits_keep_their_level_beside_decimals_of_their_own():
    roles = classify(["年度总结", "一、工作回顾", "1.1工作概览", "内容。", "二、存在问题",
                      "2.1个人方面", "内容。", "三、工作目标", "1.要提高主动性。"])
    assert roles[5] == Role.HEADING2 and roles[8] == Role.HEADING3


def test_a_number_alone_and_symbol_glyphs_are_no_heading_text():
    roles = classify(["总结", "一、不足", "1.容易急躁。", "5.", "（1）观察运行状况。\uf075\u2002",
                      "（2）及时纠正错误。"])
    assert roles[3] == Role.BODY
    assert roles[4] == roles[5] == Role.HEADING4


def test_a_year_after_the_number_is_the_headings_text():
    assert classify(["通知", "一、范围", "1.2015级、2016级本科生；"])[2] == Role.HEADING3


def test_lenticular_brackets_alone_head_a_part():
    roles = classify(["项目组会议纪要", "【会议议题】", "讨论进度。", "【会议决定】", "下周交付。"])
    assert roles[1] == roles[3] == Role.HEADING1


def test_bold_short_lines_head_a_text_that_numbers_none():
    texts = ["2019年个人工作总结", "回顾这一年，我在领导的关心下完成了各项工作任务，收获很大。",
             "工作回顾", "全年完成项目五个，客户满意度达到了百分之九十五以上，获得表扬。",
             "会议地点：线上", "存在不足", "对业务的理解还不够深入，需要在明年继续加强学习和积累。"]
    plain = ParagraphLook(size_pt=12, align="justify", bold=False)
    bold = ParagraphLook(size_pt=12, align="justify", bold=True)
    looks = [ParagraphLook(size_pt=18, align="center", bold=True), plain, bold, plain, bold,
             bold, plain]
    roles = classify(texts, looks=looks)
    assert [roles[2], roles[4], roles[5]] == [Role.HEADING1, Role.BODY, Role.HEADING1]
    # Formatted, the line carries the heading style instead of bold: the same role again.
    formatted = [look._replace(bold=False, style="公文一级标题") if role == Role.HEADING1
                 else look for look, role in zip(looks, roles)]
    assert classify(texts, looks=formatted) == roles
    # Numbered headings in the text: bold is emphasis there.
    numbered = texts[:2] + ["一、工作回顾"] + texts[3:]
    assert classify(numbered, looks=looks)[5] == Role.BODY
    # Where the whole text is bold, bold says nothing.
    assert Role.HEADING1 not in classify(texts, looks=[looks[0]] + [bold] * 6)



def test_bold_headings_in_three_sizes_are_three_levels():
    # A real 项目总结 numbers nothing: its parts in 22 pt bold, the pages of the site under
    # them in 16 pt bold, 计划： / 完成情况 under each page in 14 pt bold (a label's colon or
    # none), the text in 10.5 pt.
    text = ParagraphLook(size_pt=10.5, align="justify", bold=False)
    part, page, label = (ParagraphLook(size_pt=size, align="justify", bold=True)
                         for size in (22, 16, 14))
    rows = [("项目总结", ParagraphLook(size_pt=22, align="center", bold=True)),
            ("项目计划执行情况", part), ("首页", page), ("计划：", label),
            ("提供登录和注册的入口，并给出网站介绍的链接，点击后页面跳转。", text),
            ("完成情况", label), ("完成计划目标，另外还加了一个搜索框。", text),
            ("登陆、注册", page), ("计划：", label), ("列出可下载的教学课件和下载链接。", text),
            ("经验和教训", part), ("要清楚各个阶段的时间点和提交物，及时处理问题。", text)]
    roles = classify([t for t, _ in rows], looks=[look for _, look in rows])
    assert roles[1:4] == [Role.HEADING1, Role.HEADING2, Role.HEADING3]
    assert roles[5] == roles[8] == Role.HEADING3 and roles[7] == Role.HEADING2
    assert roles[10] == Role.HEADING1 and roles[4] == roles[11] == Role.BODY
    # Formatted, the lines carry the 公文 heading styles (not bold, one size): the same roles.
    formatted = [ParagraphLook(size_pt=16, align="justify", bold=False,
                               style=spec.style_name(role)) if role.startswith("heading")
                 else look for (_, look), role in zip(rows, roles)]
    assert classify([t for t, _ in rows], looks=formatted) == roles
    # One size (or sizes a point apart): one level, as before.
    alike = [look._replace(size_pt=16 if look.size_pt == 16 else 15.5) if look.bold
             and look.align == "justify" else look for _, look in rows]
    assert {classify([t for t, _ in rows], looks=alike)[i] for i in (1, 2, 3, 5)} \
        == {Role.HEADING1}
    # A field with its value after the colon is no label: text.
    assert classify(["总结", "会议地点：线上", "正文在这里，写了很多内容，也有不少的标点符号。"],
                    looks=[rows[0][1], label, text])[1] == Role.BODY


def test_words_heading_styles_give_the_levels_one_size_cannot():
    # A real 转正述职报告: 工作情况 in Heading 1, 工作方针 under it in Heading 2, both 13 pt bold.
    text = ParagraphLook(size_pt=11, align="left", bold=False, style="Normal")
    h1, h2 = (ParagraphLook(size_pt=13, align="left", bold=True, style=name)
              for name in ("heading 1", "标题 2"))
    rows = [("转正述职报告", ParagraphLook(size_pt=16, align="center", bold=True)),
            ("工作情况", h1), ("在试用期里我遵守公司的各项制度，积极完成领导交办的工作。", text),
            ("工作方针", h2), ("从最基础的工作方针和5S做起，一步一步做好本职工作。", text),
            ("未来规划", h1), ("我会继续学习，争取早日独当一面，为公司多做贡献。", text)]
    roles = classify([t for t, _ in rows], looks=[look for _, look in rows])
    assert [roles[1], roles[3], roles[5]] == [Role.HEADING1, Role.HEADING2, Role.HEADING1]
    # Heading 2 and 3 only: the document's first level and its second.
    deeper = [look._replace(style={"heading 1": "Heading 2", "标题 2": "Heading 3"}
                            .get(look.style or "", look.style)) for _, look in rows]
    assert classify([t for t, _ in rows], looks=deeper)[1:4:2] == [Role.HEADING1, Role.HEADING2]
    # A heading style on a sentence is no heading.
    assert classify([t for t, _ in rows[:2]] + ["这是一句话，写在标题样式里。"],
                    looks=[rows[0][1], h1, h2])[2] == Role.BODY

# --- 纪要 and 会议记录 of firms and teams ---------------------------------------------------------

def test_team_minutes_title_fields_and_attendance():
    big = ParagraphLook(size_pt=22, align="justify")
    small = ParagraphLook(size_pt=14, align="justify")
    texts = ["会议纪要（第一次）", "实验名称: 派单系统初步模型",
             "会议时间：2019年5月6日8点 至 10点",
             "与会者：张三、李四、王五.", "文档记录者：王五", "会议内容摘要：确定大纲。"]
    roles = classify(texts, looks=[big] + [small] * 5)
    assert roles == [Role.TITLE, Role.BODY, Role.BODY, Role.ATTENDANCE, Role.ATTENDANCE,
                     Role.BODY]
    assert classify(texts) == roles  # the field lines are no title by their text alone


def test_minutes_layout_asked_for_makes_a_bare_title_the_mark():
    texts = ["会议纪要", "出席：张三", "会议研究了XX。"]
    assert classify(texts, kind="minutes")[:2] == [Role.MINUTES_MARK, Role.ATTENDANCE]


def test_a_line_set_smaller_does_not_continue_the_title():
    texts = ["关于项目进度的讨论", "项目组第三次例会", "会议讨论了进度。"]
    looks = [ParagraphLook(size_pt=22), ParagraphLook(size_pt=12), ParagraphLook(size_pt=12)]
    assert classify(texts, looks=looks)[:2] == [Role.TITLE, Role.BODY]
    assert classify(texts)[:2] == [Role.TITLE, Role.TITLE]  # the text alone cannot tell
    # … unless the title has named its kind: then it has ended.
    assert classify(["关于项目进度的会议纪要", "项目组第三次例会", "会议讨论了进度。"])[:2] \
        == [Role.TITLE, Role.BODY]


def test_a_second_document_in_the_file_gets_its_title_by_its_look():
    texts = ["2018年度工作总结", "一、思想方面", "认真学习，提高认识，全年参加培训十二次以上。",
             "2019年度工作计划", "1.维护后台系统。", "要点小结"]
    title = ParagraphLook(size_pt=18, align="center")
    text = ParagraphLook(size_pt=10.5, align="left")
    roles = classify(texts, looks=[title, text, text, title, text, text])
    assert roles[3] == Role.TITLE
    # Set as the text is, the same line is no title; neither is a large line that names no
    # kind and is not centred like the title.
    assert classify(texts, looks=[title, text, text, text, text, text])[3] != Role.TITLE
    left = ParagraphLook(size_pt=18, align="left")
    assert classify(texts, looks=[title, text, text, text, text, left])[5] != Role.TITLE
    # Formatted: both titles in 公文标题, centred 2号, the text 三号.
    styled = ParagraphLook(size_pt=22, align="center", style="公文标题")
    body = ParagraphLook(size_pt=16, align="justify", style="公文正文")
    assert classify(texts, looks=[styled, body, body, styled, body, body]) == roles


# --- 落款 and 附注 --------------------------------------------------------------------------------

def test_letter_closing_name_and_a_date_with_its_weekday():
    roles = classify(["尊敬的李老师：", "感谢您的指导。", "此致", "", "敬礼", "",
                      "              郭某某", "            2019年10月4日星期五"])
    assert roles == [Role.ADDRESSEE, Role.BODY, Role.CLOSING, Role.BLANK, Role.CLOSING,
                     Role.BLANK, Role.SIGNATURE, Role.DATE]


def test_summary_signed_by_its_author_with_a_slash_date():
    roles = classify(["2018年度工作总结", "一、思想方面", "认真学习。", "总结者：刘某",
                      "时间： 2019/1/2"])
    assert roles[3:] == [Role.SIGNATURE, Role.DATE]


def test_a_date_typed_with_hao_ends_an_application():
    roles = classify(["转正申请", "尊敬的领导：", "我于去年入职。", "此致", "敬礼！",
                      "申请人：张某", "2019年1月2号"])
    assert roles[3:] == [Role.CLOSING, Role.CLOSING, Role.SIGNATURE, Role.DATE]


def test_two_contacts_under_the_date_are_the_note():
    roles = classify(["关于XX的通知", "各院系：", "现将有关事项通知如下。", "特此通知。", "",
                      "教务处 学工部", "2026年3月1日", "",
                      "联系人：方某（教务处）  电话：55660000", "韩某（学工部）电话：65640000"])
    assert roles[3:] == [Role.CLOSING, Role.BLANK, Role.SIGNATURE, Role.DATE, Role.BLANK,
                         Role.NOTE, Role.NOTE]


def test_a_date_put_above_the_agency_name():
    roles = classify(["XX县林长制办公室关于调整林长的通知", "各乡镇：", "现将名录印发给你们。",
                      "2024年5月15日", "XX县林长制办公室"])
    assert roles[3:] == [Role.DATE, Role.SIGNATURE]


# --- fourth pass: reports, regulations and notices of townships, counties and districts ------

def test_a_speechs_occasion_and_speaker_under_its_title_then_its_addressee():
    roles = classify(["政 府 工 作 报 告", "2024年2月26日在XX镇第十四届人民代表大会第三次会议",
                      "XX镇人民政府镇长 张三", "各位代表:", "现在，我代表镇人民政府作报告。",
                      "一、2023年工作回顾"])
    assert roles == [Role.TITLE, Role.SUBTITLE, Role.SUBTITLE, Role.ADDRESSEE, Role.BODY,
                     Role.HEADING1]


def test_a_long_title_over_a_dated_subtitle_and_a_speaker_with_a_spaced_name():
    title = ("立足更高定位 彰显更大作为 推动城市管理和综合执法事业高质量发展 "
             "以优异成绩完成全年各项目标任务")
    assert len(title) > 40
    roles = classify([title, "2024年XX工作报告市XX局党组书记、局长  李  四", "(2024年2月28日)",
                      "同志们:", "今天，我们召开局系统工作会议。"])
    assert roles == [Role.TITLE, Role.SUBTITLE, Role.SUBTITLE, Role.ADDRESSEE, Role.BODY]
    # Without anything under it, such a line is text.
    assert classify([title, "今天，我们召开会议。"])[0] == Role.BODY


def test_an_attached_report_keeps_its_occasion_over_two_lines_its_speaker_and_addressee():
    roles = classify(["XX镇人民政府关于印发2024年政府工作报告的通知", "各村（居）民委员会：",
                      "《政府工作报告》已经镇人民代表大会审议通过，现印发给你们。",
                      "XX镇人民政府", "2024年2月22日", "（此件公开发布）", "XX镇人民政府",
                      "2024年政府工作报告", "——2024年1月23日在XX镇第二十届",
                      "人民代表大会第八次会议上", "XX镇人民政府镇长 王五", "各位代表：",
                      "现在，我代表镇人民政府作报告。"])
    assert roles[6:] == [Role.ATTACHMENT_TITLE, Role.ATTACHMENT_TITLE, Role.SUBTITLE,
                         Role.SUBTITLE, Role.SUBTITLE, Role.ADDRESSEE, Role.BODY]


def test_a_bracketed_doc_number_under_a_very_long_title():
    title = ("XX区人民政府办公室关于我区部分街道办事处、街道办事处主任、居委会、居委会主任被评为"
             "市先进街道办事处、先进街道办事处主任、先进居委会、先进居委会主任有关情况的通报")
    roles = classify([title, "(X府办〔2006〕33号)", "区政府有关部门、各街道(镇):",
                      "近年来，我区认真开展创建活动。"])
    assert roles == [Role.TITLE, Role.DOC_NUMBER, Role.ADDRESSEE, Role.BODY]


def test_a_regulations_long_history_note_and_the_items_of_its_articles():
    note = ("（1997年8月29日XX市第十届人民代表大会常务委员会第十四次会议通过  "
            + "  ".join(f"{2000 + n}年7月27日XX自治区第九届人民代表大会常务委员会第{n}次会议"
                        "关于批准《XX市人民代表大会常务委员会关于修改〈XX市燃气管理条例〉的决定》"
                        "的决定修正" for n in range(1, 5)) + "）")
    roles = classify(["XX市燃气管理条例", "", note, "",
                      "第一条  为了加强燃气管理，制定本条例。",
                      "第二条  开办瓶装燃气供应站点，应当具备下列条件：",
                      "（一）有有关部门出具的批准文件；", "（二）通过消防验收。",
                      "第三条  本条例自2013年12月1日起施行。"])
    assert len(note) > 300
    assert roles[2] == Role.SUBTITLE
    assert roles[4:] == [Role.BODY] * 5
    # Without an article above them, the same items head parts of a notice.
    notice = ["关于开展检查的通知", "一、检查内容", "（一）批准文件；", "（二）消防验收。"]
    assert classify(notice)[2:] == [Role.HEADING2, Role.HEADING2]


def test_a_notice_with_no_title_that_sends_a_text_named_in_its_first_sentence():
    roles = classify(["各乡镇人民政府、街道办事处，县府各部门：",
                      "《XX县森林火灾事故应急预案》已经县政府同意，现予印发，希认真贯彻执行。",
                      "二○一○年十一月一日", "XX县森林火灾事故应急预案", "1 总 则",
                      "1.1 编制目的", "建立反应灵敏的处置体系。"])
    assert roles[:4] == [Role.ADDRESSEE, Role.BODY, Role.DATE, Role.ATTACHMENT_TITLE]
    assert roles[4:6] == [Role.HEADING1, Role.HEADING2]


def test_a_title_that_named_its_kind_stops_over_a_statement_broken_by_its_pdf():
    roles = classify(["XX产业投资股份有限公司", "第十届董事会第三十次(临时)会议决议公告",
                      "本公司及董事会全体成员保证公告内容的真实、准确和完整,没有虚假记载、误导",
                      "性陈述或者重大遗漏。", "一、 会议召开情况"])
    assert roles[:4] == [Role.TITLE, Role.TITLE, Role.BODY, Role.BODY]
    # A line that names a kind may still go on with the kind of the whole (转发 … 的通知).
    assert classify(["国务院办公厅转发XX部关于做好XX工作的意见", "的通知", "各省人民政府："])[:2] \
        == [Role.TITLE, Role.TITLE]


def test_the_document_a_board_lists_over_its_signature_is_text():
    roles = classify(["XX股份有限公司董事会决议公告", "一、会议召开情况", "会议于6月1日召开。",
                      "二、备查文件目录", "第十届董事会第三十次(临时)会议决议及表决票",
                      "XX股份有限公司董事会", "2023年6月2日"])
    assert roles[4:] == [Role.BODY, Role.SIGNATURE, Role.DATE]
    # Two people sign one under the other.
    assert classify(["倡议书", "让我们行动起来。", "张三", "李四", "2023年6月2日"])[2:] \
        == [Role.SIGNATURE, Role.SIGNATURE, Role.DATE]


def test_looks_all_alike_tell_nothing_so_a_host_plans_as_the_texts_say():
    texts = ["XX镇人民政府关于印发2024年政府工作报告的通知", "各村（居）民委员会：",
             "《政府工作报告》已经镇人民代表大会审议通过，现印发给你们。", "XX镇人民政府",
             "2024年2月22日", "（此件公开发布）", "XX镇人民政府", "2024年政府工作报告",
             "XX镇人民政府镇长 王五", "各位代表：", "现在，我代表镇人民政府作报告。"]
    alike = [ParagraphLook(size_pt=11, align="left", bold=False)] * len(texts)
    assert classify(texts, looks=alike) == classify(texts)
    assert classify(texts)[6:10] == [Role.ATTACHMENT_TITLE, Role.ATTACHMENT_TITLE,
                                     Role.SUBTITLE, Role.ADDRESSEE]


def test_a_day_of_a_month_right_after_the_number_is_the_items_text():
    roles = classify(["关于延迟评选材料报送时间的通知", "校内各单位:", "具体时间安排如下:",
                      "1.10月14日前,各单位将申请表提交宣传部。",
                      "2.10月20日前,宣传部完成初审工作。", "特此通知"])
    assert roles[3:5] == [Role.HEADING3, Role.HEADING3]
    # 1、2月份 (January and February) and 1.5% stay numbers.
    assert classify(["总结", "1、2月份完成了检修。", "1.5%的增长来自出口。"])[1:] == [Role.BODY] * 2


# --- government files of counties, towns and districts (fifth pass) -------------------------

def test_a_document_number_whose_page_dropped_its_hao_is_still_one():
    roles = classify(["X委发〔2018〕20", "中共X市委  X市人民政府", "关于深化社区建设加强和完善",
                      "社区治理的实施意见", "(2018年7月2日)",
                      "为提升社区治理水平，现提出如下意见。"])
    assert roles == [Role.DOC_NUMBER, Role.TITLE, Role.TITLE, Role.TITLE, Role.SUBTITLE,
                     Role.BODY]
    # A year and a number in brackets with no agency code before them is no 发文字号.
    assert classify(["〔2018〕20", "关于X的通知", "各村："])[0] != Role.DOC_NUMBER


def test_an_agency_typed_over_a_title_that_names_its_agency_is_the_masthead():
    roles = classify(["X县人民政府", "县人民政府关于印发《X县人民政府工作规则》的通知",
                      "X政发〔2017〕1号", "各乡镇人民政府：", "现予印发。"])
    assert roles[:4] == [Role.ISSUER, Role.TITLE, Role.DOC_NUMBER, Role.ADDRESSEE]
    # Over 关于…… the agency's name is the title's first line.
    assert classify(["X市人民政府", "关于持续深化改革的实施意见", "X政字〔2021〕30号",
                     "各县（市、区）人民政府："])[:2] == [Role.TITLE, Role.TITLE]


def test_a_disclosure_line_under_the_date_is_a_note():
    roles = classify(["关于进一步规范建筑垃圾治理的通知", "各村、居委会：",
                      "现将有关事项通知如下。", "附件：建筑垃圾处置流程", "X区X镇人民政府",
                      "2021年2月7日", "公开属性：主动公开",
                      "X镇人民政府办公室                  2021年2月7日印发"])
    assert roles[3:] == [Role.ATTACHMENT, Role.SIGNATURE, Role.DATE, Role.NOTE, Role.IMPRINT]


def test_a_contact_line_is_text_under_running_text_and_a_note_after_a_closing():
    texts = ["关于收集意见建议的通知", "各位人大代表:", "请将整理后的意见建议报送评议办公室。",
             "联系电话:2626393", "县人大工作评议办公室", "2018年8月21日"]
    assert classify(texts)[3:] == [Role.BODY, Role.SIGNATURE, Role.DATE]
    closed = texts[:3] + ["特此通知。"] + texts[3:]
    assert classify(closed)[3:] == [Role.CLOSING, Role.NOTE, Role.SIGNATURE, Role.DATE]


def test_a_sent_text_may_go_on_under_the_notices_signed_date_without_its_title():
    texts = ["X市人民政府办公厅关于印发《X市2016年政务公开工作要点》的通知", "各区人民政府：",
             "《X市2016年政务公开工作要点》已经市政府同意，现印发给你们。", "X市人民政府办公厅",
             "2016年5月28日", "2016年是开局之年。今年政务公开工作的总体要求是：深化公开。",
             "一、围绕深化改革推进公开", "（一）推进权力清单公开"]
    roles = classify(texts)
    assert roles[3:] == [Role.SIGNATURE, Role.DATE, Role.BODY, Role.HEADING1, Role.HEADING2]
    # A notice that sends no text: a 署名 and a date inside it are not its end.
    said = ["关于X的通知", "各村：", "来函称：", "X县X局", "2016年5月28日", "现答复如下。",
            "X镇人民政府", "2016年6月1日"]
    assert classify(said)[3:5] == [Role.BODY, Role.BODY]


def test_an_attached_title_line_naming_no_kind_goes_on_to_the_line_that_names_it():
    texts = ["关于印发《X镇加装电梯后续维保补贴实施意见》的通知", "各居、村委：",
             "现将《X镇加装电梯后续维保补贴实施意见》印发给你们，请认真贯彻落实。",
             "X镇人民政府", "2025年3月6日", "X镇既有多层住宅加装电梯后续维保", "补贴实施意见",
             "为加快推进加装电梯工作，具体办法如下：", "一、补贴范围"]
    assert classify(texts)[5:] == [Role.ATTACHMENT_TITLE, Role.ATTACHMENT_TITLE, Role.BODY,
                                   Role.HEADING1]
    # A title that has named its kind has ended: a short line under it is the text's.
    ended = texts[:5] + ["X镇加装电梯补贴实施方案", "补贴对象名单",
                         "为加快推进加装电梯工作，具体办法如下："]
    assert classify(ended)[6] != Role.ATTACHMENT_TITLE
# --- fifth pass: personal and unit 述职 / 总结, firms' annual reports, colleges' 纪要 ----------

def test_a_minutes_with_no_title_is_known_by_its_opening_and_keeps_its_attendance():
    texts = ["10月11日下午，学院召开第17次党政联席会议。现纪要如下：", "一、审议保密工作办法",
             "经会议研究，原则通过。", "参会：张三 李四 王五", "请假：赵六", "列席：钱七 孙八"]
    assert classify(texts)[3:] == [Role.ATTENDANCE] * 3
    # Without that opening the same lines are text: a notice's 参会： line is not attendance.
    notice = ["关于召开会议的通知", "各部门：", "定于5月1日召开会议。", "参会：各部门负责人"]
    assert classify(notice)[3] == Role.BODY


def test_the_writers_name_with_a_title_of_respect_under_the_title_is_the_subtitle():
    roles = classify(["教师个人年末工作总结", "王明刚老师", "这一年我走上了中层管理岗位。",
                      "一、不忘初心，方得始终。"])
    assert roles[:2] == [Role.TITLE, Role.SUBTITLE]
    # People addressed are the 称谓's business, not a byline.
    assert classify(["年度总结", "各位老师", "这一年过得很快。"])[1] != Role.SUBTITLE


def test_a_series_of_minutes_in_one_file_finds_its_later_titles_by_their_text():
    texts = ["会议纪要（第一次）", "会议时间：2019年5月1日"] + ["讨论了分工。"] * 30 \
        + ["会议纪要（第二次）", "会议时间：2019年5月8日", "讨论了进度。"]
    roles = classify(texts)
    assert roles[0] == roles[32] == Role.TITLE
    # A first title without a bracket numbers no series.
    assert classify(["年度总结", "完成了任务。", "年度总结（草稿）"])[2] == Role.BODY


def test_a_part_signed_by_its_labelled_author_over_a_date_inside_the_text():
    texts = ["项目总结", "一、项目总结", "项目告一段落，祝愿项目扬帆起航！", "项目组长：邱云中",
             "2022年12月15日", "二、个人总结", "在本次实践中，我负责前端。"]
    roles = classify(texts)
    assert roles[3:5] == [Role.SIGNATURE, Role.DATE]
    assert roles[5] == Role.HEADING1
    # A label with no date under it is a line of the text (the 组长 of a list of duties).
    assert classify(["分工", "项目组长：邱云中", "负责总体设计。", "二、进度"])[1] == Role.BODY


# --- sixth pass (speeches, 请示, outlines typed from pages) ---------------------------------

def test_the_speaker_under_an_occasion_and_the_salutation_under_the_speaker():
    # A whole office before the post, then a space and the name (最高人民检察院's 2023 报告).
    texts = ["最高人民检察院工作报告", "——2023年3月7日在第十四届全国人民代表大会第一次会议上",
             "最高人民检察院检察长 张军", "各位代表:", "现在,我代表最高人民检察院,向大会报告工作。"]
    assert classify(texts)[:5] == [Role.TITLE, Role.SUBTITLE, Role.SUBTITLE, Role.ADDRESSEE,
                                   Role.BODY]
    # The post and the name run together, right under the occasion.
    texts[2] = "最高人民检察院检察长张军"
    assert classify(texts)[2:4] == [Role.SUBTITLE, Role.ADDRESSEE]
    # A name alone under the occasion, the 称谓 under it (a dean's 致辞).
    texts = ["大学的使命与法律人的责任", "——2021年清华大学法学院开学典礼院长致辞", "申卫星",
             "亲爱的各位2021级新同学、出席典礼的老师们:", "大家下午好!欢迎各位新同学!"]
    assert classify(texts)[:4] == [Role.TITLE, Role.SUBTITLE, Role.SUBTITLE, Role.ADDRESSEE]


def test_a_short_line_under_an_occasion_is_no_speaker_without_a_salutation_under_it():
    texts = ["大学的使命与法律人的责任", "——2021年清华大学法学院开学典礼院长致辞", "申卫星",
             "大家下午好!欢迎各位新同学!"]
    assert classify(texts)[2] == Role.BODY
    # Nor is a run-together post and name anywhere but right under an occasion.
    assert classify(["年度总结", "今年工作很多。", "常务副市长尚根仓"])[2] != Role.SUBTITLE


def test_a_chinese_numeral_date_with_its_year_masked_ends_a_request():
    texts = ["社区修建道路的请示", "辉县市发改委、辉县市交通局:",
             "镇政府资金困难,请有关部门帮助解决。", "当否,请批示。", "南寨镇人民政府",
             "二〇XX年一月三十日"]
    assert classify(texts)[3:] == [Role.CLOSING, Role.SIGNATURE, Role.DATE]
    # A date in Chinese numerals that is no date at all stays text.
    assert classify(["请示", "领导:", "请批准。", "二〇二一年十三月四十日"])[3] != Role.DATE


def test_a_decimal_outline_typed_without_spaces_keeps_its_levels():
    texts = ["龙驹镇突发事件总体应急预案(暂行)", "1总则", "1.1制定目的", "规范应对突发事件行为。",
             "1.2制定依据", "根据有关法律,制定本预案。", "1.3分级分类",
             "1.3.1为有效处置各类突发事件,划分为4个级别。", "1.4工作原则", "2组织体系",
             "2.1领导机构"]
    roles = classify(texts)
    assert roles[0] == Role.TITLE
    assert [roles[i] for i in (1, 2, 4, 6, 8, 9, 10)] == [
        Role.HEADING1, Role.HEADING2, Role.HEADING2, Role.HEADING2, Role.HEADING2,
        Role.HEADING1, Role.HEADING2]
    assert roles[7] == Role.BODY


def test_a_digit_run_into_words_is_text_without_a_decimal_line_under_it():
    roles = classify(["工作安排", "各部门:", "1个月内完成摸底。", "2周内上报结果。"])
    assert roles[2:] == [Role.BODY, Role.BODY]
    # A 1.3 that does not follow a 1.2 heading is a figure: 1.3分 in a score list.
    assert classify(["评分说明", "得分如下。", "1.3分为及格线"])[2] == Role.BODY


def test_an_unnumbered_part_line_of_a_report_heads_its_numbered_parts():
    texts = ["甘肃省人民检察院工作报告", "各位代表:",
             "现在,我代表省人民检察院向大会报告工作,请予审议。", "2021年工作回顾",
             "2021年是具有里程碑意义的一年。", "一、强化政治引领,确保检察工作正确方向",
             "全省检察机关共办理各类案件。"]
    roles = classify(texts)
    assert roles[3] == Role.HEADING1
    assert roles[5] == Role.HEADING2
    # A phrase that ends with no part word, or stands under no finished sentence, is text;
    # so is a part line of a text that addresses no one (a 总结's 工作回顾 is for its looks).
    report = texts[:3]
    assert classify(report + ["阶段主任务", "摸底调查。"])[3] == Role.BODY
    assert classify(texts[:2] + ["现在,我代表本院报告工作,", "年度工作安排", "摸底调查。"])[3] \
        == Role.BODY
    assert classify(["年度总结", "这一年收获很大。", "工作回顾", "完成项目五个。"])[2] == Role.BODY


def test_a_reports_lead_sentence_heads_the_stretch_under_its_part():
    texts = ["政 府 工 作 报 告", "2019年2月26日在镇第十四届人民代表大会第三次会议",
             "魏庄镇人民政府镇长 杨杰", "各位代表:", "现在,我代表镇人民政府向大会作政府工作报告。",
             "一、2018年工作回顾", "2018年,在县委的正确领导下,全镇各项工作取得新成绩。",
             "一年来,我们以稳定发展为要务,推动经济继续保持健康发展",
             "经济持续稳健发展。全镇财政收入较去年增长。"]
    roles = classify(texts)
    assert roles[5] == Role.HEADING1
    assert roles[7] == Role.HEADING2
    assert roles[8] == Role.BODY
    # The same sentence in a text that addresses no one, or going on past one sentence, is text.
    assert classify(["年度总结", "一年来,我们以稳定发展为要务,推动经济健康发展。"])[1] == Role.BODY
    assert classify(texts[:7] + ["一年来,我们稳增长。经济回升,财政增收。"])[7] == Role.BODY
# --- looks at the tail and under an attachment mark (sixth pass, real Word files) --------------

def test_a_short_line_set_right_under_the_text_is_the_signature():
    text = ParagraphLook(size_pt=12, align="left")
    right = ParagraphLook(size_pt=12, align="right")
    texts = ["领导力课程后感", "这次课让我认识到自己的格局还不够，今后要多学习、多思考。",
             "我会争取早日担起更重要的责任，不负公司的栽培。", "二班 某某公司 张三"]
    looks = [ParagraphLook(size_pt=14, align="center", bold=True), text, text, right]
    assert classify(texts, looks=looks)[3] == Role.SIGNATURE
    # Set left as the text is, or with no look: nothing says it is a 署名.
    assert classify(texts, looks=looks[:3] + [text])[3] == Role.BODY
    assert classify(texts)[3] == Role.BODY
    # A sentence set right is no 署名, nor is a right-set line under right-set text.
    assert classify(texts[:3] + ["以上，请指正。"], looks=looks)[3] != Role.SIGNATURE
    assert classify(texts, looks=looks[:2] + [right, right])[3] == Role.BODY


def test_an_attachment_files_title_goes_on_in_its_look():
    title = ParagraphLook(size_pt=22, align="center")
    text = ParagraphLook(size_pt=12, align="justify")
    texts = ["附件5", "某某大学本科毕业论文（设计）", "参考文献规范格式",
             "参考文献是文中引用的有文字来源的文献集合，应列出作者直接阅读过的文献。"]
    looks = [ParagraphLook(size_pt=16, align="justify"), title, title, text]
    roles = classify(texts, looks=looks)
    assert roles[:3] == [Role.ATTACHMENT_MARK, Role.ATTACHMENT_TITLE, Role.ATTACHMENT_TITLE]
    assert roles[3] == Role.BODY
    # The line under it set as text: the title is one line.
    assert classify(texts, looks=looks[:2] + [text, text])[2] == Role.BODY
