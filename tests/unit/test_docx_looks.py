"""The .docx host describes each paragraph's look (effective through the style chain) and
the CLI formats a red head by it: the agency red and large without 文件 or 发文字号, the
title under it, the 主送 (issue 20). A second run changes nothing."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from gongwen import cli
from gongwen.ooxml import docxfacts, docxtext
from gongwen.roles import LOOKED_AT, ParagraphLook
from gongwen.spec import Align, Role, style_name

HEAD = [
    ("中共浙江省淳安县委组织部", Role.ISSUER),
    ("关于开展专业岗位领导干部遴选工作的通知", Role.TITLE),
    ("各乡镇党委，县委各部委，县级国家机关各部门党组（党委），各人民团体党组，县属国有企业党委：",
     Role.ADDRESSEE),
    ("为进一步优化干部队伍专业结构，现就开展专业岗位领导干部遴选工作通知如下。", Role.BODY),
    ("一、遴选岗位", Role.HEADING1),
    ("本次遴选岗位共5个，具体见附件。", Role.BODY),
    ("中共淳安县委组织部", Role.SIGNATURE),
    ("2020年4月27日", Role.DATE),
]


def red_head_docx(path: Path) -> Path:
    """As the issue's .doc opens: the agency through a red 34 pt centred style of its own,
    the title 22 pt centred by direct formatting, the rest in the default style."""
    document = docx.Document()
    mark = document.styles.add_style("红头", 1)
    mark.font.size = Pt(34)
    mark.font.color.rgb = RGBColor(0xFF, 0, 0)
    mark.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, (text, _) in enumerate(HEAD):
        paragraph = document.add_paragraph(style="红头" if index == 0 else None)
        run = paragraph.add_run(text)
        if index == 1:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.font.size = Pt(22)
        elif index > 1:
            run.font.size = Pt(16)
    document.save(str(path))
    return path


def _paragraphs(document):
    return [b for b in docxtext.body_blocks(document.element.body) if b.tag.endswith("}p")]


def test_looks_are_read_through_the_style_chain(tmp_path: Path):
    document = docx.Document(str(red_head_docx(tmp_path / "in.docx")))
    looks = docxfacts.paragraph_looks(document, _paragraphs(document))
    assert looks[0] == ParagraphLook(34.0, 0xFF0000, Align.CENTER, False, "红头")
    assert looks[1][:3] == (22.0, None, Align.CENTER)
    assert looks[3][:3] == (16.0, None, Align.LEFT)


def test_only_the_first_paragraphs_are_described(tmp_path: Path):
    document = docx.Document()
    for number in range(LOOKED_AT + 10):
        document.add_paragraph(f"第{number}段。")
    assert len(docxfacts.paragraph_looks(document, _paragraphs(document))) == LOOKED_AT


def _styles(path: Path):
    return [p.style.name for p in docx.Document(str(path)).paragraphs]


def test_the_cli_formats_the_red_head_by_its_look(tmp_path: Path):
    source = red_head_docx(tmp_path / "in.docx")
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    assert cli.main(["format", str(source), "-o", str(once)]) == 0
    assert _styles(once) == [style_name(role) for _, role in HEAD]
    assert cli.main(["format", str(once), "-o", str(twice)]) == 0
    assert _styles(twice) == _styles(once)


def _report_with_late_bold_headings(path: Path) -> Path:
    """A personal 总结 in Word: bold unnumbered part headings, the last ones past the
    paragraphs the head's looks are read for (a real 述职报告's 未来规划, 总结)."""
    document = docx.Document()
    document.add_paragraph("2024年度个人工作总结")
    for part in ("工作情况", "学习情况", "未来规划"):
        document.add_paragraph().add_run(part).bold = True
        for _ in range(14):
            document.add_paragraph("本年度认真履行岗位职责，按时完成各项工作任务，工作质量稳步提高。")
    document.save(str(path))
    return path


def test_bold_headings_past_the_head_are_described_and_planned_as_headings(tmp_path: Path):
    source = _report_with_late_bold_headings(tmp_path / "in.docx")
    document = docx.Document(str(source))
    paragraphs = _paragraphs(document)
    looks = docxfacts.paragraph_looks(document, paragraphs)
    late = [p for p in paragraphs if docxtext.paragraph_text(p) == "未来规划"][0]
    assert paragraphs.index(late) > LOOKED_AT
    assert looks[paragraphs.index(late)].bold
    assert looks[paragraphs.index(late) - 1] is None  # a line of text past the head: not read
    assert cli.main(["format", str(source), "-o", str(tmp_path / "out.docx")]) == 0
    out = docx.Document(str(tmp_path / "out.docx"))
    headings = [p.text for p in out.paragraphs if p.style.name == style_name(Role.HEADING1)]
    assert headings == ["工作情况", "学习情况", "未来规划"]
    # 检查格式 after Format tells the headings Format made by their 公文 style, as a second
    # Format does (it took them for text set in 黑体)
    assert cli.main(["lint", str(tmp_path / "out.docx"), "--json"]) in (0, 1)
    from gongwen import formatcheck

    problems = formatcheck.check(docxfacts.document_facts(out))
    assert [p for p in problems if p.code == "font"] == []


def test_words_heading_styles_set_the_levels_through_the_cli(tmp_path: Path):
    # A 述职报告 in Word's own heading styles, Heading 1 and Heading 2 alike in size and weight
    # (as a real 转正述职报告 has them): the style names the level; a second run keeps it.
    document = docx.Document()
    for style in ("Heading 1", "Heading 2"):
        document.styles[style].font.size = Pt(13)
        document.styles[style].font.bold = True
    document.add_paragraph("转正述职报告").alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = [("工作情况", "Heading 1"),
            ("试用期里我遵守公司的各项制度，积极完成领导交办的工作。", None),
            ("工作方针", "Heading 2"),
            ("从最基础的工作方针和5S做起，一步一步做好本职工作。", None),
            ("未来规划", "Heading 1"),
            ("我会继续学习，争取早日独当一面，为公司多做贡献。", None)]
    for text, style in rows:
        document.add_paragraph(text, style=style)
    source = tmp_path / "in.docx"
    document.save(str(source))
    wanted = {"工作情况": Role.HEADING1, "工作方针": Role.HEADING2, "未来规划": Role.HEADING1}
    for run in ("out1.docx", "out2.docx"):
        assert cli.main(["format", str(source), "-o", str(tmp_path / run)]) == 0
        styles = {p.text: p.style.name for p in docx.Document(str(tmp_path / run)).paragraphs}
        assert {text: styles[text] for text in wanted} == \
            {text: style_name(role) for text, role in wanted.items()}
        source = tmp_path / run
