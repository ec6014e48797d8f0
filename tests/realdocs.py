"""Documents as people write them: 33 .docx files that carry what real 公文 carry.

Each is a :class:`RealDoc`: the lines as typed (with the labels Word or WPS would show),
the artefacts written into the file, and what formatting must make of them. ``build(doc,
folder)`` writes the .docx with python-docx and lxml:

- headings numbered by Word's or WPS's automatic numbering (``numbering.xml``, written as in
  :mod:`tests.listdocs`): the typed label is taken off and a ``w:numPr`` shows it again;
- run-in headings at all four levels (``（一）财富……。生产……``);
- text copied off a web page: whole paragraphs underlined and coloured, highlighted, shaded,
  in a link's character style without a link, in another font and size; and a phrase
  underlined or bold inside a sentence, which must stay;
- a 落款 typed on one line and pushed right with spaces;
- 落款 + 附注 + the attached text; two- and three-attachment 附件说明 (also ``附件：`` alone);
- footers with a page field, a table or text; several sections with page styles of their own;
- blank lines typed for spacing.

The tests (tests/integration/test_realdocs.py) run each through both paths and measure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from gongwen import roles
from tests import listdocs

W = listdocs.W

# --- texts ----------------------------------------------------------------------------

NOTICE_HEAD = [
    "国务院办公厅关于进一步优化营商环境的通知",
    "国办发〔2024〕11号",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "为深入贯彻党中央、国务院决策部署，持续优化营商环境，激发市场主体活力，经国务院同意，"
    "现就有关事项通知如下：",
]
RUN_INS = [
    "一、总体要求。坚持以习近平新时代中国特色社会主义思想为指导，完整准确全面贯彻新发展理念，"
    "以市场主体需求为导向，深化“放管服”改革。",
    "（一）财富的唯一正常来源是“生产”。生产包括农业和工业，各地要坚持把发展经济的着力点放在"
    "实体经济上，推进新型工业化。",
    "1.工作目标：到2025年，全国基本建成统一开放、竞争有序的市场体系，市场主体获得感明显增强。",
    "（1）压实责任；各地区各部门要把优化营商环境摆在突出位置，主要负责同志亲自抓。",
]
BODY = [
    "各地区各部门要深化“放管服”改革，持续推进政务服务标准化、规范化、便利化，"
    "切实减轻企业负担，营造市场化、法治化、国际化一流营商环境。",
    "要加强统筹协调，建立健全工作机制，明确责任分工，细化工作举措，"
    "确保各项任务落地见效，及时总结推广典型经验做法。",
    "要强化督促检查，对工作推进不力、问题整改不到位的，依法依规严肃问责，"
    "切实增强企业和群众的获得感和满意度。",
]
HEADINGS = ["一、总体要求", "（一）指导思想", "1.坚持问题导向", "（1）建立工作台账",
            "（2）定期调度推进", "2.坚持系统观念", "（二）工作目标", "二、重点任务",
            "（一）深化改革", "（二）强化保障"]
TAIL = ["", "国务院办公厅", "2024年3月1日"]
NOTE = "（此件公开发布）"
SUBTITLE_DASH = "——XX县人民政府副县长 张三"
SUBTITLE_DATE = "（2024年3月1日）"
ATTACHED = ["优化营商环境重点任务分工方案",
            "一、持续深化“放管服”改革",
            "各地区要全面推行证明事项告知承诺制，推进政务服务事项标准化。"]
ATTACHMENTS_2 = ["附件：1.优化营商环境重点任务分工方案", "2.机关作风建设自查报告模板"]
ATTACHMENTS_3 = ["附件：1.优化营商环境重点任务分工方案",
                 "2.机关作风建设自查报告模板（供各地区各部门结合实际情况参考使用，"
                 "不作统一要求）",
                 "3.营商环境评价指标体系"]
ATTACHMENTS_BARE = ["附件：", "1.优化营商环境重点任务分工方案", "2.机关作风建设自查报告模板"]
REPORT = [
    "XX县发展和改革局2024年度工作总结",
    "今年以来，我局在县委、县政府的坚强领导下，坚持稳中求进工作总基调，"
    "各项工作取得明显成效。现将有关情况总结如下：",
] + HEADINGS[:3] + BODY + HEADINGS[3:6] + BODY + HEADINGS[6:] + BODY + BODY + ["特此报告。"]
APPLICATION = [
    "关于申请XX项目专项资金的请示",
    "县财政局：",
    "为加快推进XX项目建设，确保项目按期完工，现申请专项资金XX万元，主要用于设备购置和场地改造。",
    "妥否，请批示。",
    "",
]
ONE_LINE_TAIL = "事业六部          2018年 1 月26日"


class RealDoc(NamedTuple):
    name: str
    lines: Sequence[str]
    numbering: str = ""        # "", "word" or "wps": headings numbered automatically
    web: bool = False          # web-copied looks on whole paragraphs, emphasis on phrases
    footer: str = ""           # "", "field", "table" or "text"
    sections: bool = False     # a second section with its own page setup and header
    normalize: str = ""        # --normalize / ?normalize=
    long: bool = False         # long enough for check_gbt9704's full pages


def _typed_spaces(lines: Sequence[str]) -> List[str]:
    """As Notepad and text pasted from the web have it: the title centred with spaces,
    paragraphs indented with two (some with ASCII spaces), 附件说明 and 落款 aligned by hand."""
    ideographic = "\u3000"
    typed = []
    for index, line in enumerate(lines):
        if index == 0:
            typed.append(ideographic * 6 + line)
        elif not line or line.endswith("〔2024〕11号"):
            typed.append(line)
        elif line.startswith("附件："):
            typed.append(ideographic * 2 + line)
        elif line[:1].isdigit() and typed[-1].lstrip().startswith("附件："):
            typed.append(ideographic * 5 + line)
        elif line in TAIL:
            typed.append(ideographic * 18 + line)
        else:
            typed.append((" " * 8 if index % 3 == 0 else ideographic * 2) + line)
    return typed


def _notice(body: Sequence[str], tail: Sequence[str] = TAIL,
            attachments: Sequence[str] = ()) -> List[str]:
    lines = list(NOTICE_HEAD) + list(body)
    if attachments:
        lines += [""] + list(attachments)
    return lines + list(tail)


DOCS: List[RealDoc] = [
    RealDoc("run-ins", _notice(RUN_INS + BODY)),
    RealDoc("run-ins-word", _notice(RUN_INS + BODY), numbering="word"),
    RealDoc("run-ins-wps", _notice(RUN_INS + BODY), numbering="wps"),
    RealDoc("headings-word", REPORT + TAIL, numbering="word", long=True),
    RealDoc("headings-wps", REPORT + TAIL, numbering="wps", long=True),
    # one list: 1. a heading, 2. an item that is a sentence, 3. a heading again
    RealDoc("mixed-list-word", _notice(HEADINGS[:3] + ["2.建立工作台账，明确责任分工，按月调度；",
                                                       "3.后台功能", BODY[0]] + BODY[1:]),
            numbering="word"),
    RealDoc("web", _notice(BODY + RUN_INS), web=True),
    RealDoc("web-word", _notice(HEADINGS[:4] + BODY), numbering="word", web=True),
    RealDoc("one-line", APPLICATION + [ONE_LINE_TAIL]),
    RealDoc("one-line-split", APPLICATION + [ONE_LINE_TAIL], normalize="spaces"),
    RealDoc("one-line-all", APPLICATION + [ONE_LINE_TAIL], normalize="all"),
    RealDoc("note-attached", _notice(BODY, TAIL + [NOTE] + ATTACHED)),
    RealDoc("note-attached-own-tail", _notice(BODY, TAIL + [NOTE, "附件", ] + ATTACHED
                                              + ["", "XX县营商环境建设领导小组办公室",
                                                 "2024年2月20日"])),
    RealDoc("attachments-2", _notice(BODY, attachments=ATTACHMENTS_2)),
    RealDoc("attachments-3", _notice(BODY, attachments=ATTACHMENTS_3)),
    RealDoc("attachments-bare", _notice(BODY, attachments=ATTACHMENTS_BARE)),
    RealDoc("attachments-2-blank", _notice(BODY, attachments=[ATTACHMENTS_2[0], "",
                                                              ATTACHMENTS_2[1]]),
            normalize="blank-lines"),
    RealDoc("footer-field", REPORT + TAIL, footer="field", long=True),
    RealDoc("footer-table", REPORT + TAIL, footer="table", long=True),
    RealDoc("footer-text", _notice(RUN_INS + BODY), footer="text"),
    RealDoc("sections", REPORT + TAIL, sections=True),
    RealDoc("sections-footer", REPORT + TAIL, sections=True, footer="field"),
    RealDoc("blank-lines-kept", ["XX县2024年度工作总结", ""] + BODY + ["", ""] + TAIL),
    RealDoc("blank-lines-removed", ["XX县2024年度工作总结", ""] + BODY + ["", ""] + TAIL,
            normalize="blank-lines"),
    RealDoc("everything-word", _notice(RUN_INS + BODY, TAIL + [NOTE] + ATTACHED,
                                       ATTACHMENTS_3), numbering="word", web=True,
            footer="field"),
    RealDoc("everything-wps-all", _notice(RUN_INS + BODY, [""] + [ONE_LINE_TAIL],
                                          ATTACHMENTS_2), numbering="wps", web=True,
            footer="table", normalize="all"),
    RealDoc("report-one-line-word", REPORT + ["", ONE_LINE_TAIL], numbering="word",
            normalize="all", long=True),
    RealDoc("report-web-sections", REPORT + TAIL, web=True, sections=True),
    RealDoc("sections-inherited-footer", REPORT + TAIL, sections=True, footer="text"),
    RealDoc("notice-all", _notice(RUN_INS + BODY, TAIL + [NOTE], ATTACHMENTS_BARE),
            normalize="all"),
    RealDoc("application-web", APPLICATION + ["XX县发展和改革局", "2024年5月6日"], web=True),
    RealDoc("minutes-like", ["XX县人民政府常务会议纪要",
                             "2024年3月1日，县长XX主持召开县政府常务会议。"] + RUN_INS + BODY),
    RealDoc("report-wps-footer-text", REPORT + TAIL, numbering="wps", footer="text", long=True),
    RealDoc("speech-subtitle", ["在全县优化营商环境工作会议上的讲话", SUBTITLE_DASH,
                                SUBTITLE_DATE, "同志们："] + RUN_INS[:2] + BODY + ["谢谢大家！"]),
    RealDoc("title-two-paragraphs", ["XX县人民政府办公室", "关于进一步优化营商环境的通知",
                                     "各乡镇人民政府："] + HEADINGS[:3] + BODY + TAIL),
    RealDoc("typed-spaces", _typed_spaces(_notice(HEADINGS[:4] + BODY + RUN_INS[:2],
                                                  attachments=ATTACHMENTS_2))),
]
BY_NAME = {doc.name: doc for doc in DOCS}

# --- numbering --------------------------------------------------------------------------

_LEVELS = {
    # Word: chineseCounting 一、 / （一）, decimal 1. / （1）
    "word": listdocs.numbering_xml(
        [listdocs.abstract(1,
                           listdocs.lvl(0, "chineseCounting", "%1、", suff="nothing"),
                           listdocs.lvl(1, "chineseCounting", "（%2）", suff="nothing"),
                           listdocs.lvl(2, "decimal", "%3.", suff="nothing"),
                           listdocs.lvl(3, "decimal", "（%4）", suff="nothing"))],
        [listdocs.num(1, 1)]),
    # WPS: chineseCountingThousand, a full-width stop after the digit
    "wps": listdocs.numbering_xml(
        [listdocs.abstract(1,
                           listdocs.lvl(0, "chineseCountingThousand", "%1、", suff="nothing"),
                           listdocs.lvl(1, "chineseCountingThousand", "（%2）",
                                        suff="nothing"),
                           listdocs.lvl(2, "decimal", "%3.", suff="nothing"),
                           listdocs.lvl(3, "decimal", "（%4）", suff="nothing"))],
        [listdocs.num(1, 1)]),
}


def _numbered(text: str) -> Optional[Tuple[int, str]]:
    """(level 0–3, the text after the label) for a line that opens with a heading number."""
    number = roles.parse_heading_number(text)
    if number is None or not text.startswith(number.prefix):
        return None
    return number.level - 1, text[len(number.prefix):]


def _add_numbering(document, kind: str) -> None:
    for rel in document.part.rels.values():
        if rel.reltype == RT.NUMBERING:
            rel.target_part._element = parse_xml(_LEVELS[kind])


def _set_num(paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/>'
                         f'<w:numId w:val="1"/></w:numPr>'))


# --- web looks ----------------------------------------------------------------------------

def _rpr(run, xml: str) -> None:
    rpr = run._r.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:x xmlns:w="{W}">{xml}</w:x>')[0])


_WEB_LOOKS = [
    lambda run: (setattr(run, "underline", True),
                 setattr(run.font.color, "rgb", RGBColor(0x33, 0x33, 0xCC))),
    lambda run: _rpr(run, '<w:highlight w:val="yellow"/>'),
    lambda run: _rpr(run, '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>'),
    lambda run: (setattr(run, "underline", True), setattr(run.font, "name", "微软雅黑"),
                 setattr(run.font, "size", Pt(12))),
]


def _web(paragraph, text: str, index: int) -> None:
    """A body paragraph copied off a web page: two runs carrying the same whole look (and
    the paragraph a grey background, every other one)."""
    if index % 2:
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:shd xmlns:w="{W}" w:val="clear" w:color="auto" w:fill="DDDDDD"/>'))
    middle = len(text) // 2
    for part in (text[:middle], text[middle:]):
        _WEB_LOOKS[index % len(_WEB_LOOKS)](paragraph.add_run(part))


def _emphasis(paragraph, text: str) -> None:
    """A phrase underlined and one bold inside a sentence: the author's, they stay."""
    third = max(len(text) // 3, 1)
    paragraph.add_run(text[:third])
    paragraph.add_run(text[third:third + 4]).underline = True
    paragraph.add_run(text[third + 4:third + 8]).bold = True
    paragraph.add_run(text[third + 8:])


def _link_look(document, paragraph, text: str) -> None:
    """A link's character style without a link (Word's Hyperlink style)."""
    styles = document.styles.element
    if styles.find(f'{{{W}}}style[@{{{W}}}styleId="Hyperlink"]') is None:
        styles.append(parse_xml(
            f'<w:style xmlns:w="{W}" w:type="character" w:styleId="Hyperlink">'
            '<w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/>'
            '<w:u w:val="single"/></w:rPr></w:style>'))
    run = paragraph.add_run(text)
    _rpr(run, '<w:rStyle w:val="Hyperlink"/>')


# --- footers and sections ------------------------------------------------------------------

def _field(paragraph, instruction: str, shown: str) -> None:
    for kind in ("begin", None, "separate"):
        run = paragraph.add_run()
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


FOOTER_TEXT = "XX县发展和改革局 内部资料"


def _footer(section, kind: str) -> None:
    footer = section.footer
    paragraph = footer.paragraphs[0]
    if kind == "field":
        paragraph.add_run("第 ")
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" 页")
    elif kind == "table":
        table = footer.add_table(1, 2, width=Cm(15))
        table.cell(0, 0).paragraphs[0].add_run(FOOTER_TEXT)
        cell = table.cell(0, 1).paragraphs[0]
        _field(cell, "PAGE", "1")
    elif kind == "text":
        paragraph.add_run(FOOTER_TEXT)


def _second_section(document, own_footer: bool) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.left_margin, section.right_margin = Cm(2), Cm(2)
    section.footer_distance = Cm(2.5)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].add_run("第二部分")
    # a footer of its own, or the first section's (with the author's text) inherited
    section.footer.is_linked_to_previous = not own_footer


# --- building -----------------------------------------------------------------------------

def build(doc: RealDoc, folder: Path) -> Path:
    document = docx.Document()
    if doc.numbering:
        _add_numbering(document, doc.numbering)
    roles_ = roles.classify(list(doc.lines))
    # Automatic numbering runs through the main text; an attached text types its own.
    tail = next((i for i, role in enumerate(roles_) if role in ("signature", "date",
                                                               "signature_date")), len(roles_))
    web_count = 0
    half = len(doc.lines) // 2
    for index, (text, role) in enumerate(zip(doc.lines, roles_)):
        if doc.sections and index == half:
            _second_section(document, own_footer=doc.footer != "text")
        paragraph = document.add_paragraph()
        numbered = _numbered(text) if doc.numbering and index < tail else None
        if numbered is not None:
            _set_num(paragraph, numbered[0])
            text = numbered[1]
        if doc.web and role == "body" and numbered is None and len(text) > 20:
            if web_count % 3 == 2:
                _emphasis(paragraph, text)
            elif web_count % 5 == 4:
                _link_look(document, paragraph, text)
            else:
                _web(paragraph, text, web_count)
            web_count += 1
        elif text:
            paragraph.add_run(text)
    if doc.footer:
        for number, section in enumerate(document.sections):
            if number == 0 or not section.footer.is_linked_to_previous:
                _footer(section, doc.footer)
    path = folder / f"{doc.name}.docx"
    document.save(str(path))
    return path


def visible_text(doc: RealDoc) -> str:
    """Every character a reader sees, labels included, without whitespace."""
    return "".join("".join(line.split()) for line in doc.lines)


def builders() -> Dict[str, Callable[[Path], Path]]:
    return {doc.name: (lambda folder, doc=doc: build(doc, folder)) for doc in DOCS}


# --- pasted character styles --------------------------------------------------------------

CODE_STYLE = "代码"  # a character style of the author's: Consolas 11 pt, bold
CODE_BASE_STYLE = "代码基础"  # the style it is based on: its East Asian font, 10 pt
CODE_SPAN = "cleanup_latex()"
CODE_PARAGRAPH = f"识别结果先经 {CODE_SPAN} 清理，再交人工校对，确保公式准确无误。"


def code_span_docx(folder: Path) -> Path:
    """A report whose body paragraph has a span in a character style of the author's
    (Consolas 11 pt, bold), based on another that sets the East Asian font and 10 pt."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    base = document.styles.add_style(CODE_BASE_STYLE, WD_STYLE_TYPE.CHARACTER)
    base.font.size = Pt(10)
    base.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    code = document.styles.add_style(CODE_STYLE, WD_STYLE_TYPE.CHARACTER)
    code.base_style = base
    code.font.name = "Consolas"
    code.font.size = Pt(11)
    code.font.bold = True
    document.add_paragraph("XX县教育局2024年度工作总结")
    paragraph = document.add_paragraph()
    before, after = CODE_PARAGRAPH.split(CODE_SPAN)
    paragraph.add_run(before)
    paragraph.add_run(CODE_SPAN, style=CODE_STYLE)
    paragraph.add_run(after)
    for line in BODY[:2] + TAIL[1:]:
        document.add_paragraph(line)
    path = folder / "code-span.docx"
    document.save(str(path))
    return path
