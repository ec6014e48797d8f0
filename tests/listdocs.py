""".docx files numbered as Word and WPS number them: ``numbering.xml`` written by hand.

Every document is a list of :class:`Para` (text, and the ``w:numId``/``w:ilvl`` or style
that numbers it) plus its ``w:abstractNum``/``w:num`` definitions. ``DOCUMENTS`` maps a
name to ``(paragraphs, numbering)``, and ``expected`` to the labels Word shows (one per
paragraph, "" for none), worked out by hand from ECMA-376 §17.9. ``build(name, folder)``
writes the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SYMBOL_BULLET = "\uf0b7"  # Symbol's bullet, as Word stores it
WINGDINGS_SQUARE = "\uf0a7"


class Para(NamedTuple):
    text: str
    num: Optional[int] = None  # w:numId on the paragraph
    level: Optional[int] = None  # w:ilvl on the paragraph
    style: Optional[str] = None  # w:pStyle
    label: str = ""  # what Word shows before the text
    table: bool = False  # in a one-cell table (consecutive ones share the table)


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, suff: Optional[str] = None,
        style: Optional[str] = None, restart: Optional[int] = None, legal: bool = False,
        font: Optional[str] = None) -> str:
    parts = [f'<w:lvl w:ilvl="{ilvl}">', f'<w:start w:val="{start}"/>',
             f'<w:numFmt w:val="{fmt}"/>']
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    if suff:
        parts.append(f'<w:suff w:val="{suff}"/>')
    parts.append(f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>')
    parts.append(f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr>')
    if font:
        parts.append(f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" '
                     f'w:hint="default"/></w:rPr>')
    parts.append("</w:lvl>")
    return "".join(parts)


def alternate_lvl(ilvl: int, custom: str, fallback: str, text: str) -> str:
    """A level as Word 2013+ writes a custom number format."""
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    num_fmt = (f'<mc:AlternateContent xmlns:mc="{mc}" xmlns:w14="{w14}">'
               f'<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="{custom}"/>'
               f'</mc:Choice><mc:Fallback><w:numFmt w:val="{fallback}"/></mc:Fallback>'
               "</mc:AlternateContent>")
    return lvl(ilvl, "REPLACE", text).replace('<w:numFmt w:val="REPLACE"/>', num_fmt)


def abstract(abstract_id: int, *levels: str, link: Optional[str] = None) -> str:
    body = f'<w:numStyleLink w:val="{link}"/>' if link else \
        '<w:multiLevelType w:val="multilevel"/>' + "".join(levels)
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{body}</w:abstractNum>'


def num(num_id: int, abstract_id: int, starts: Optional[Dict[int, int]] = None) -> str:
    overrides = "".join(f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/>'
                        f"</w:lvlOverride>" for level, start in (starts or {}).items())
    return (f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{overrides}</w:num>")


def numbering_xml(abstracts: Sequence[str], nums: Sequence[str]) -> str:
    return (f'<w:numbering xmlns:w="{W}">' + "".join(abstracts) + "".join(nums)
            + "</w:numbering>")


# The four 公文 levels as Word users set them up (Define New Multilevel List).
GONGWEN_LEVELS = (
    lvl(0, "chineseCounting", "%1、", suff="nothing"),
    lvl(1, "chineseCounting", "（%2）", suff="nothing"),
    lvl(2, "decimal", "%3."),
    lvl(3, "decimal", "（%4）"),
)

DOCUMENTS: Dict[str, Tuple[List[Para], str]] = {
    # Word: the four levels in one multilevel list, lower levels restarting.
    "word_four_levels": ([
        Para("关于XX项目的请示"),
        Para("市政府："),
        Para("现将有关情况报告如下："),
        Para("项目名称", 1, 0, label="一、"),
        Para("本项目为XX工程。"),
        Para("项目地址", 1, 0, label="二、"),
        Para("建设内容", 1, 1, label="（一）"),
        Para("主要功能", 1, 1, label="（二）"),
        Para("前台功能", 1, 2, label="1."),
        Para("后台功能", 1, 2, label="2."),
        Para("数据库", 1, 3, label="（1）"),
        Para("接口", 1, 3, label="（2）"),
        Para("资金来源", 1, 0, label="三、"),
        Para("自筹资金", 1, 1, label="（一）"),
        Para("财政补助", 1, 2, label="1."),
        Para("特此请示。"),
    ], numbering_xml([abstract(10, *GONGWEN_LEVELS)], [num(1, 10)])),
    # WPS: what its 编号 gallery writes — 一、 with chineseCountingThousand, （一）,
    # full-width 1． and ⑴, a tab after each.
    "wps_levels": ([
        Para("工作总结"),
        Para("主要工作", 2, 0, label="一、"),
        Para("抓学习", 2, 1, label="（一）"),
        Para("学理论", 2, 2, label="1．"),
        Para("学业务", 2, 2, label="2．"),
        Para("每周一次", 2, 3, label="⑴"),
        Para("存在问题", 2, 0, label="二、"),
        Para("下步打算", 2, 0, label="三、"),
    ], numbering_xml([abstract(
        20, lvl(0, "chineseCountingThousand", "%1、"), lvl(1, "chineseCounting", "（%2）"),
        lvl(2, "decimal", "%3．"), lvl(3, "decimalEnclosedParen", "%4"))], [num(2, 20)])),
    # Other formats Word and WPS offer for Chinese lists.
    "formats": ([
        Para("甲项", 3, 0, label="甲、"),
        Para("乙项", 3, 0, label="乙、"),
        Para("第一条", 4, 0, label="一．"),
        Para("第二条", 4, 0, label="二．"),
        Para("全角一", 5, 0, label="１．"),
        Para("全角二", 5, 0, label="２．"),
        Para("日式一", 6, 0, label="一、"),
        Para("圆圈一", 7, 0, label="①"),
        Para("圆圈二", 7, 0, label="②"),
        Para("Introduction", 8, 0, label="1."),
        Para("Scope", 8, 0, label="2."),
        Para("大写", 9, 0, label="壹、"),
        Para("字母", 10, 0, label="a)"),
        Para("罗马", 11, 0, label="I."),
    ], numbering_xml([
        abstract(30, lvl(0, "ideographTraditional", "%1、")),
        abstract(31, lvl(0, "chineseCounting", "%1．")),
        abstract(32, lvl(0, "decimalFullWidth", "%1．")),
        abstract(33, lvl(0, "japaneseCounting", "%1、")),
        abstract(34, lvl(0, "decimalEnclosedCircle", "%1")),
        abstract(35, lvl(0, "decimal", "%1.", suff="space")),
        abstract(36, lvl(0, "chineseLegalSimplified", "%1、")),
        abstract(37, lvl(0, "lowerLetter", "%1)")),
        abstract(38, lvl(0, "upperRoman", "%1.")),
    ], [num(3, 30), num(4, 31), num(5, 32), num(6, 33), num(7, 34), num(8, 35), num(9, 36),
        num(10, 37), num(11, 38)])),
    # Numbering that comes with the Heading 1/2 styles, as Word's "link level to style".
    "heading_styles": ([
        Para("实施方案"),
        Para("总体要求", style="Heading1", label="一、"),
        Para("指导思想", style="Heading2", label="（一）"),
        Para("坚持以人民为中心。"),
        Para("基本原则", style="Heading2", label="（二）"),
        Para("主要任务", style="Heading1", label="二、"),
        Para("重点任务", style="Heading2", label="（一）"),
        Para("不编号的标题", 0, style="Heading1"),
        Para("保障措施", style="Heading1", label="三、"),
        Para("组织实施", style="GongwenHeading", label="四、"),  # basedOn Heading 1
    ], numbering_xml([abstract(
        40, lvl(0, "chineseCounting", "%1、", style="Heading1", suff="nothing"),
        lvl(1, "chineseCounting", "（%2）", style="Heading2", suff="nothing"))],
        [num(12, 40)])),
    # Two w:num sharing one abstractNum continue each other; a startOverride restarts;
    # a w:lvlRestart 0 level never restarts; w:start 5; isLgl shows 1.1 under 一、.
    "restarts": ([
        Para("第一项", 13, 0, label="一、"),
        Para("第二项", 13, 0, label="二、"),
        Para("接着第三项", 14, 0, label="三、"),
        Para("重新开始", 15, 0, label="一、"),
        Para("再下一项", 15, 0, label="二、"),
        Para("子项甲", 16, 0, label="1."),
        Para("子项乙", 16, 1, label="1)"),
        Para("子项丙", 16, 0, label="2."),
        Para("不重新开始", 16, 1, label="2)"),
        Para("从五开始", 17, 0, label="5."),
        Para("法定编号", 18, 0, label="一、"),
        Para("法定子编号", 18, 1, label="1.1"),
        Para("法定子编号二", 18, 1, label="1.2"),
    ], numbering_xml([
        abstract(50, lvl(0, "chineseCounting", "%1、")),
        abstract(51, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%2)", restart=0)),
        abstract(52, lvl(0, "decimal", "%1.", start=5)),
        abstract(53, lvl(0, "chineseCounting", "%1、"),
                 lvl(1, "chineseCounting", "%1.%2", legal=True)),
    ], [num(13, 50), num(14, 50), num(15, 50, {0: 1}), num(16, 51), num(17, 52),
        num(18, 53)])),
    # A w:lvlOverride that replaces the level: same abstractNum, another format and start.
    "override_level": ([
        Para("原格式一", 23, 0, label="1."),
        Para("原格式二", 23, 0, label="2."),
        Para("新格式一", 24, 0, label="三、"),
        Para("新格式二", 24, 0, label="四、"),
    ], numbering_xml([abstract(90, lvl(0, "decimal", "%1."))], [
        num(23, 90),
        '<w:num w:numId="24"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
        + lvl(0, "chineseCounting", "%1、", start=3) + "</w:lvlOverride></w:num>"])),
    # Word 2013+: newer formats in mc:AlternateContent, a w14 custom one in mc:Choice
    # and the nearest standard one in mc:Fallback.
    "word2013_formats": ([
        Para("第一项", 25, 0, label="0001、"),
        Para("第二项", 25, 0, label="0002、"),
        Para("编号一", 26, 0, label="001."),
        Para("编号二", 26, 0, label="002."),
    ], numbering_xml([
        abstract(100, alternate_lvl(0, "0001, 0002, 0003, ...", "decimal", "%1、")),
        abstract(101, alternate_lvl(0, "001, 002, 003, ...", "decimal", "%1.")),
    ], [num(25, 100), num(26, 101)])),
    # A 1.–4. list whose third item is a heading, under a typed 一、 heading.
    "mixed_list": ([
        Para("系统建设方案"),
        Para("一、建设内容"),
        Para("系统包括前台和后台两部分，前台面向公众提供查询服务，后台供管理人员使用。",
             19, 0, label="1."),
        Para("前台功能包括信息发布、在线查询、意见反馈等，界面简洁，操作方便。",
             19, 0, label="2."),
        Para("后台功能", 19, 0, label="3."),
        Para("后台实现用户管理、数据维护和统计分析，支持多级权限。", 19, 0, label="4."),
    ], numbering_xml([abstract(60, lvl(0, "decimal", "%1."))], [num(19, 60)])),
    # Bullets: Symbol and Wingdings private-use characters, and a plain ●.
    "bullets": ([
        Para("注意事项"),
        Para("按时参加", 20, 0, label="\u2022"),
        Para("Bring the badge", 20, 0, label="\u2022"),
        Para("保持安静", 20, 1, label="\u2022"),
        Para("带好材料", 21, 0, label="●"),
    ], numbering_xml([
        abstract(70, lvl(0, "bullet", SYMBOL_BULLET, font="Symbol"),
                 lvl(1, "bullet", WINGDINGS_SQUARE, font="Wingdings")),
        abstract(71, lvl(0, "bullet", "●")),
    ], [num(20, 70), num(21, 71)])),
    # Numbered paragraphs in a table continue the body's list.
    "table": ([
        Para("第一部分", 22, 0, label="一、"),
        Para("表内一项", 22, 0, label="二、", table=True),
        Para("表内二项", 22, 1, label="（一）", table=True),
        Para("表后一项", 22, 0, label="三、"),
    ], numbering_xml([abstract(80, *GONGWEN_LEVELS)], [num(22, 80)])),
}

# Paragraphs that are headings once their label is typed, by document.
HEADINGS = {
    "word_four_levels": {"项目名称": "heading1", "项目地址": "heading1",
                         "建设内容": "heading2", "前台功能": "heading3",
                         "数据库": "heading4", "资金来源": "heading1"},
    "wps_levels": {"主要工作": "heading1", "抓学习": "heading2", "学理论": "heading3"},
    "heading_styles": {"总体要求": "heading1", "指导思想": "heading2",
                       "主要任务": "heading1", "组织实施": "heading1"},
    "mixed_list": {"后台功能": "heading3"},
}


def expected(name: str) -> List[str]:
    return [para.label for para in DOCUMENTS[name][0]]


def _link_heading_styles(document, num_id: int) -> None:
    """Heading 1/2 carry the numbering (Word's "link level to style")."""
    for style_id, level in (("Heading1", 0), ("Heading2", 1)):
        style = document.styles.element.find(
            f'{qn("w:style")}[@{qn("w:styleId")}="{style_id}"]')
        ppr = style.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/>'
                             f'<w:numId w:val="{num_id}"/></w:numPr>'))


def _add_based_on_style(document, style_id: str, based_on: str) -> None:
    """A paragraph style of the user's own, based on a numbered heading style."""
    document.styles.element.append(parse_xml(
        f'<w:style xmlns:w="{W}" w:type="paragraph" w:customStyle="1" '
        f'w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
        f'<w:basedOn w:val="{based_on}"/></w:style>'))


def _number(paragraph, para: Para) -> None:
    if para.style:
        paragraph.style = para.style.replace("Heading", "Heading ") \
            if para.style.startswith("Heading") else para.style  # the UI name
    if para.num is None:
        return
    ppr = paragraph._p.get_or_add_pPr()
    level = f'<w:ilvl w:val="{para.level}"/>' if para.level is not None else ""
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W}">{level}'
                         f'<w:numId w:val="{para.num}"/></w:numPr>'))


def build(name: str, folder: Path) -> Path:
    paragraphs, numbering = DOCUMENTS[name]
    document = docx.Document()
    for rel in document.part.rels.values():
        if rel.reltype == RT.NUMBERING:
            rel.target_part._element = parse_xml(numbering)
    if name == "heading_styles":
        _link_heading_styles(document, 12)
        _add_based_on_style(document, "GongwenHeading", "Heading1")
    table = None
    for para in paragraphs:
        if para.table:
            if table is None:
                table = document.add_table(rows=0, cols=1)
            paragraph = table.add_row().cells[0].paragraphs[0]
            paragraph.add_run(para.text)
        else:
            table = None
            paragraph = document.add_paragraph(para.text)
        _number(paragraph, para)
    path = folder / f"{name}.docx"
    document.save(str(path))
    return path
