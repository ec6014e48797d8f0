"""The plan and the .docx renderer on what real documents carry: run-in headings, inherited
looks, a one-line 落款, several attachments, 落款 per part, 附注, typed blank lines."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import RGBColor

from gongwen import layout, normalize, placement, spec
from gongwen.normalize import Normalization
from gongwen.ooxml import docxrender
from gongwen.ooxml.docxtext import paragraph_text
from tests.corpus import png_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ALL = Normalization.parse("all")
RUN_INS = [
    "一、总体要求。坚持稳中求进。",
    "（一）财富的唯一正常来源是“生产”。生产包括农业和工业。",
    "1.工作目标：到2025年，全县基本建成XX体系。",
    "（1）压实责任；主要负责同志亲自抓。",
]


# --- plan -------------------------------------------------------------------------------------

def test_run_in_headings_keep_the_body_style_and_span_their_sentence():
    plan = layout.plan_document(["XX县关于XX的通知"] + RUN_INS)
    for level, (text, paragraph) in enumerate(zip(RUN_INS, plan.paragraphs[1:]), 1):
        assert paragraph.style == "公文正文"
        (span,) = paragraph.spans
        assert span.style == spec.RUN_IN_CHAR_STYLES[f"heading{level}"]
        assert text[span.start:span.end].endswith(("。", "：", "；", "”。"))
        assert text[span.end:] and span.start == 0


def test_character_styles_take_the_heading_roles_fonts():
    plan = layout.plan_document(["x"])
    looks = list(plan.char_styles.values())
    assert [look.name for look in looks] == ["公文段内一级标题", "公文段内二级标题",
                                              "公文段内三级标题", "公文段内四级标题",
                                              "公文出席标签"]  # 纪要's labels: 一级's look
    assert looks[-1]._replace(name="") == looks[0]._replace(name="")
    for look, role in zip(looks, ("heading1", "heading2", "heading3", "heading4")):
        heading = plan.style_of(role)
        assert (look.east_asian_font, look.size_pt, look.bold) == \
            (heading.east_asian_font, heading.size_pt, heading.bold)
    assert [look.east_asian_font for look in looks][:2] == [spec.HEITI.name, spec.KAITI.name]


def test_a_heading_alone_gets_no_span():
    plan = layout.plan_document(["一、总体要求", "正文内容。"])
    assert [p.spans for p in plan.paragraphs] == [(), ()]


def test_spans_follow_the_rewritten_text():
    plan = layout.plan_document(["  (一)财富来源于生产。生产包括农业。"], ALL)
    (paragraph,) = plan.paragraphs
    (span,) = paragraph.spans
    assert paragraph.text[span.start:span.end] == "（一）财富来源于生产。"


@pytest.mark.parametrize("lines, expected", [
    (["附件：1.责任清单", "2.检查记录表"], [(5.75, -3.75), (5.75, -0.75)]),
    (["附件：1.责任清单", "2.检查记录表", "3.评价指标"], [(5.75, -3.75), (5.75, -0.75),
                                                          (5.75, -0.75)]),
    (["附件：", "1.责任清单", "2.检查记录表"], [None, (5.75, -0.75), (5.75, -0.75)]),
    (["附件：XX县安全生产工作责任清单"], [(5.0, -3.0)]),
    # aligned by hand with typed spaces (a .txt): the spaces are taken off the first line
    (["\u3000\u3000附件：1.责任清单", "\u3000\u3000\u3000\u3000\u30002.检查记录表"],
     [(5.75, -5.75), (5.75, -5.75)]),
    (["\u3000附件：1.责任清单", "\u3000\u30002.检查记录表"], [(5.75, -4.75), (5.75, -2.75)]),
])
def test_attachment_lines_hang_under_the_name(lines, expected):
    got = placement.attachment_indents(lines, ["attachment"] * len(lines))
    assert [got.get(i) for i in range(len(lines))] == expected


def test_a_blank_line_typed_between_attachment_items_keeps_them_one_list():
    texts = ["正文。", "", "附件：1.责任清单", "", "2.检查记录表", "", "XX局", "2024年3月1日"]
    plan = layout.plan_document(texts)
    assert plan.roles[2:6] == ["attachment", "blank", "attachment", "blank"]
    first, second = plan.paragraphs[2], plan.paragraphs[4]
    assert second.left_chars == first.left_chars  # wrapped lines under the name
    assert second.left_chars + second.first_line_chars == pytest.approx(
        2 + 3 * (1 - 0.25 / 16), abs=0.01)  # under the first number
    # a number that does not follow on is no item of the list
    texts[4] = "3.检查记录表"
    assert layout.plan_document(texts).roles[4] != "attachment"


def test_attachment_items_have_one_blank_line_before_the_first_only():
    texts = ["正文。", "附件：1.责任清单", "2.检查记录表", "3.评价指标"]
    plan = layout.plan_document(texts)
    assert [p.role for p in plan.paragraphs[1:]] == ["attachment"] * 3
    assert [p.space_before_pt for p in plan.paragraphs[1:]] == [None, 0.0, 0.0]
    assert plan.style_of("attachment").space_before_pt > 0
    # the plan measures with the body's character spacing (−0.25 pt on 16 pt)
    left, first = plan.paragraphs[2].left_chars, plan.paragraphs[2].first_line_chars
    assert left + first == pytest.approx(2 + 3 * (1 - 0.25 / 16), abs=0.01)


def test_each_part_places_its_own_signature_and_date():
    texts = ["关于印发XX办法的通知", "正文。", "", "中共某县委员会机关办公室", "2024年3月1日",
             "（此件公开发布）", "附件", "XX办法", "正文。", "", "XX局", "2024年2月1日"]
    plan = layout.plan_document(texts)
    roles = plan.roles
    assert roles[3:6] == ["signature", "date", "note"] and roles[10:] == ["signature", "date"]
    main = placement.signature_date_indents(texts[3], texts[4])
    attached = placement.signature_date_indents(texts[10], texts[11])
    assert (plan.paragraphs[3].right_chars, plan.paragraphs[4].right_chars) == \
        (main["signature"], main["date"])
    assert (plan.paragraphs[10].right_chars, plan.paragraphs[11].right_chars) == \
        (attached["signature"], attached["date"])
    assert main != attached


def test_the_note_sits_under_the_date_two_characters_in():
    note = layout.plan_document(["x"]).style_of("note")
    assert (note.name, note.align, note.first_line_chars, note.left_chars) == \
        ("公文附注", spec.Align.LEFT, 2.0, 0.0)
    assert note.space_before_pt == 0 and note.space_after_pt == 0


def test_structure_edits_only_when_asked():
    texts = ["请示正文。", "妥否，请批示。", "", "事业六部          2018年 1 月26日"]
    assert layout.structure_edits(texts, normalize.NONE) == []
    assert layout.structure_edits(texts, Normalization.parse("dates,numbering")) == []
    (split,) = layout.structure_edits(texts, Normalization.parse("spaces"))
    assert layout.split_texts(texts[3], split) == ("事业六部", "2018年 1 月26日")
    (removed,) = layout.structure_edits(texts, Normalization.parse("blank-lines"))
    assert (removed.index, removed.kind) == (2, layout.REMOVE)


def test_the_last_paragraph_is_never_removed():
    texts = ["正文。", "", ""]
    assert [e.index for e in layout.structure_edits(texts, Normalization.parse("blank-lines"))] \
        == [1]


def test_without_blank_lines_the_styles_give_the_space():
    plan = layout.plan_document(["XX县工作总结", "正文。", "XX局", "2024年1月5日"])
    assert plan.roles == ["title", "body", "signature", "date"]
    assert plan.paragraphs[0].space_after_pt is None and plan.paragraphs[2].space_before_pt is None
    assert plan.style_of("title").space_after_pt > 0
    assert plan.style_of("signature").space_before_pt > 0


# --- .docx renderer -----------------------------------------------------------------------

def _document(lines):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    return document


def _rpr(run, xml: str) -> None:
    run._r.get_or_add_rPr().append(parse_xml(f'<w:x xmlns:w="{W}">{xml}</w:x>')[0])


def _run_style(run):
    rpr = run._r.find(qn("w:rPr"))
    style = rpr.find(qn("w:rStyle")) if rpr is not None else None
    return style.get(qn("w:val")) if style is not None else False


def test_run_in_sentence_gets_rstyle_and_the_runs_keep_their_formatting():
    document = docx.Document()
    document.add_paragraph("XX县关于XX的通知")
    paragraph = document.add_paragraph()
    paragraph.add_run("（一）财富的唯一")
    paragraph.add_run("正常来源").bold = True
    paragraph.add_run("是“生产”。生产包括")
    paragraph.add_run("农业").italic = True
    paragraph.add_run("和工业。")
    docxrender.format_document(document)
    runs = [(run.text, _run_style(run), bool(run.bold)) for run in document.paragraphs[1].runs]
    assert runs == [("（一）财富的唯一", "GongwenRunIn2", False),
                    ("正常来源", "GongwenRunIn2", True),
                    ("是“生产”。", "GongwenRunIn2", False),
                    ("生产包括", False, False), ("农业", False, False), ("和工业。", False, False)]
    assert document.paragraphs[1].style.name == "公文正文"
    assert document.paragraphs[1].runs[4].italic
    names = {s.name for s in document.styles if s.type == 2}  # WD_STYLE_TYPE.CHARACTER
    assert set(spec.RUN_IN_CHAR_STYLES.values()) <= names


def test_whole_paragraph_looks_go_and_a_phrase_keeps_its_own():
    document = _document(["XX县工作总结"])
    whole = document.add_paragraph()
    whole._p.get_or_add_pPr().append(parse_xml(
        f'<w:shd xmlns:w="{W}" w:val="clear" w:color="auto" w:fill="DDDDDD"/>'))
    for part in ("全年完成各项任务，", "群众满意度明显提升。"):
        run = whole.add_run(part)
        run.underline = True
        run.font.color.rgb = RGBColor(0, 0, 0xCC)
        _rpr(run, '<w:highlight w:val="yellow"/>')
        _rpr(run, '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>')
        run.font.name = "微软雅黑"
    phrase = document.add_paragraph()
    phrase.add_run("全年完成")
    phrase.add_run("各项任务").underline = True
    coloured = phrase.add_run("，群众满意")
    coloured.font.color.rgb = RGBColor(0xCC, 0, 0)
    phrase.add_run("度明显提升。")
    docxrender.format_document(document)
    assert document.paragraphs[1]._p.find(qn("w:pPr") + "/" + qn("w:shd")) is None
    for run in document.paragraphs[1].runs:
        rpr = run._r.find(qn("w:rPr"))
        assert rpr is None or not [c for c in rpr if c.tag in (
            qn("w:u"), qn("w:color"), qn("w:highlight"), qn("w:shd"), qn("w:rFonts"))
            if c.get(qn("w:hint")) is None]
    runs = document.paragraphs[2].runs
    assert [bool(run.underline) for run in runs] == [False, True, False, False]
    assert runs[2].font.color.rgb == RGBColor(0xCC, 0, 0)


def test_a_real_hyperlink_keeps_its_look():
    document = _document(["XX县工作总结"])
    paragraph = document.add_paragraph()
    link = parse_xml(f'<w:hyperlink xmlns:w="{W}" w:anchor="x"><w:r><w:rPr><w:u w:val="single"/>'
                     '<w:color w:val="0563C1"/></w:rPr><w:t>详见网站全文内容链接</w:t></w:r>'
                     '</w:hyperlink>')
    paragraph._p.append(link)
    docxrender.format_document(document)
    assert document.paragraphs[1]._p.find(qn("w:hyperlink") + "/" + qn("w:r") + "/"
                                          + qn("w:rPr") + "/" + qn("w:u")) is not None


def test_one_line_signature_splits_only_with_spaces_and_keeps_the_text():
    lines = ["关于XX的请示", "县财政局：", "现申请专项资金。", "妥否，请批示。", "",
             "事业六部          2018年 1 月26日"]
    plain = _document(lines)
    result = docxrender.format_document(plain)
    assert result.roles["signature_date"] == 1 and len(plain.paragraphs) == len(lines)
    split = _document(lines)
    result = docxrender.format_document(split, Normalization.parse("spaces"))
    texts = [p.text for p in split.paragraphs]
    assert texts[-2:] == ["事业六部", "2018年 1 月26日"] and result.normalized == {"spaces": 1}
    assert [p.style.name for p in split.paragraphs[-2:]] == ["公文署名", "公文成文日期"]
    everything = _document(lines)
    result = docxrender.format_document(everything, ALL)
    assert [p.text for p in everything.paragraphs][-2:] == ["事业六部", "2018年1月26日"]
    assert result.normalized["blank-lines"] == 1 and result.normalized["dates"] == 1


def test_blank_lines_go_but_a_picture_stays(tmp_path):
    document = _document(["XX县工作总结", "", "正文。", ""])
    image = tmp_path / "dot.png"
    image.write_bytes(png_bytes())
    document.add_paragraph().add_run().add_picture(str(image))
    document.add_paragraph("XX局")
    document.add_paragraph("2024年1月5日")
    result = docxrender.format_document(document, Normalization.parse("blank-lines"))
    assert [paragraph_text(p._p) for p in document.paragraphs] == \
        ["XX县工作总结", "正文。", "", "XX局", "2024年1月5日"]
    assert result.normalized == {"blank-lines": 2}


def test_attachment_items_hang_in_the_docx():
    document = _document(["正文。", "附件：1.责任清单", "2.检查记录表"])
    docxrender.format_document(document)
    ind = document.paragraphs[2]._p.find(qn("w:pPr") + "/" + qn("w:ind"))
    spacing = document.paragraphs[2]._p.find(qn("w:pPr") + "/" + qn("w:spacing"))
    assert ind.get(qn("w:hangingChars")) is not None and int(ind.get(qn("w:leftChars"))) > 500
    assert spacing.get(qn("w:before")) == "0"


def test_a_section_inheriting_a_footer_with_text_keeps_the_number_where_the_first_has_it():
    from docx.enum.section import WD_SECTION
    from docx.shared import Cm

    document = _document(["正文内容。"] * 3)
    document.sections[0].footer.paragraphs[0].add_run("XX局 内部资料")
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.footer_distance = Cm(2.5)
    document.add_paragraph("正文内容。")
    docxrender.format_document(document)
    distances = [section._sectPr.find(qn("w:pgMar")).get(qn("w:footer"))
                 for section in document.sections]
    assert len(set(distances)) == 1


@pytest.mark.parametrize("name", ["everything-word", "everything-wps-all", "run-ins"])
def test_formatting_a_real_document_twice_changes_nothing(tmp_path, name: str):
    import zipfile

    from gongwen import cli
    from tests import realdocs

    doc = realdocs.BY_NAME[name]
    source = realdocs.build(doc, tmp_path)
    extra = ["--normalize", doc.normalize] if doc.normalize else []
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    assert cli.main(["format", str(source), "-o", str(once)] + extra) == 0
    assert cli.main(["format", str(once), "-o", str(twice)] + extra) == 0
    for part in ("word/document.xml", "word/styles.xml"):
        assert zipfile.ZipFile(once).read(part) == zipfile.ZipFile(twice).read(part)
