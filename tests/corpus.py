"""A corpus of varied .docx files for the format CLI, built with python-docx and lxml.

``build_corpus(folder) -> List[Path]`` writes 24 files covering what real reports carry:
tables (nested too), images, footnotes, several sections, headers and footers, lists,
comments, tracked changes, fields, bookmarks, hyperlinks, content controls, an empty file
and a huge one. ``docx_text(path)`` reads back every part's text independently of the
formatter (plain zip + lxml), so the tests compare text with a second reader.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Callable, Dict, List, Optional

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from lxml import etree

from gongwen.ooxml.docxrender import text_changes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SAMPLE = [
    "XX县政协领导班子2021年度述职报告",
    "县委：",
    "一年来，县政协领导班子在县委的坚强领导下，认真履行政治协商、民主监督、参政议政职能，"
    "现将有关情况报告如下：",
    "一、加强政治理论学习",
    "（一）坚持集中学习。全年组织学习X次，撰写心得体会X篇。",
    "1.读原著学原文。坚持每周学习制度，做到学有所思、学有所悟。",
    "（1）每周一次集体学习。",
    "二、履职尽责情况",
    "一是抓协商，二是抓监督，三是抓调研，全年提出意见建议X条。",
    "以上述职，请予审议。",
    "",
    "XX县政协领导班子",
    "2021年12月31日",
]


def png_bytes(width: int = 40, height: int = 20) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _sample(document, lines: List[str] = SAMPLE) -> None:
    for line in lines:
        document.add_paragraph(line)


def _plain(d):
    _sample(d)


def _direct_formatting(d):
    for index, line in enumerate(SAMPLE):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if index % 2 else WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.first_line_indent = Cm(1)
        p.paragraph_format.space_after = Pt(12)
        half = len(line) // 2
        first = p.add_run(line[:half])
        first.font.size = Pt(20)
        first.font.name = "Arial"
        first.font.bold = True
        second = p.add_run(line[half:])
        second.font.italic = index % 3 == 0


def _tables(d):
    _sample(d, SAMPLE[:5])
    table = d.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for i, cell in enumerate(table._cells):
        cell.text = f"第{i}格"
        cell.paragraphs[0].runs[0].font.size = Pt(9)
    _sample(d, SAMPLE[5:])


def _nested_tables(d):
    _sample(d, SAMPLE[:3])
    outer = d.add_table(rows=2, cols=2)
    outer.style = "Table Grid"
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    for i, cell in enumerate(inner._cells):
        cell.text = f"内层{i}"
    _sample(d, SAMPLE[3:])


def _image(d):
    _sample(d, SAMPLE[:4])
    d.add_picture(io.BytesIO(png_bytes()), width=Cm(4))
    d.add_paragraph("图1 示意图")
    _sample(d, SAMPLE[4:])


def _footnotes(d):
    _sample(d)
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                (f'<w:footnotes {nsdecls("w")}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                 '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                 '<w:continuationSeparator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
                 '<w:r><w:t xml:space="preserve"> 脚注：数据来源于县统计局。</w:t></w:r></w:p>'
                 '</w:footnote></w:footnotes>').encode(),
                d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    run = d.paragraphs[2].add_run()
    run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="1"/>'))


def _sections(d):
    _sample(d, SAMPLE[:6])
    section = d.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    d.add_paragraph("附表：横向页面中的说明文字。")
    d.add_section()
    _sample(d, SAMPLE[6:])


def _headers(d):
    _sample(d)
    section = d.sections[0]
    section.header.paragraphs[0].text = "内部资料 注意保存"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "首页页眉"
    section.footer.paragraphs[0].text = "XX县政协办公室印制"


def _old_page_number(d):
    _sample(d)
    footer = d.sections[0].footer
    p = footer.paragraphs[0]
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:t xml:space="preserve">第 </w:t></w:r>'))
    p._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> 页</w:t></w:r>'))


def _even_odd_existing(d):
    _sample(d)
    d.settings.odd_and_even_pages_header_footer = True
    d.sections[0].header.paragraphs[0].text = "奇数页页眉"
    d.sections[0].even_page_header.paragraphs[0].text = "偶数页页眉"


# The list labels Word shows in the corpus files (python-docx's template numbers the
# List Bullet and List Number styles), by file and paragraph text: the formatter types
# them, so they are part of the text it must keep.
LIST_LABELS: Dict[str, Dict[str, str]] = {
    "lists": {"第一项工作": "\u2022", "第二项工作": "\u2022", "第三项工作": "\u2022",
              "编号一": "1.", "编号二": "2."},
}


def _lists(d):
    _sample(d, SAMPLE[:4])
    for text in ("第一项工作", "第二项工作", "第三项工作"):
        d.add_paragraph(text, style="List Bullet")
    for text in ("编号一", "编号二"):
        d.add_paragraph(text, style="List Number")
    _sample(d, SAMPLE[4:])


def _heading_styles(d):
    d.add_heading("XX县政协2021年度工作总结", level=0)
    d.add_heading("一、主要工作", level=1)
    d.add_paragraph(SAMPLE[2])
    d.add_heading("（一）协商议政", level=2)
    d.add_paragraph(SAMPLE[8])


def _comments(d):
    _sample(d)
    paragraph = d.paragraphs[2]
    d.add_comment(paragraph.runs, text="请核实数字", author="审核人", initials="SH")


def _tracked_changes(d):
    _sample(d, SAMPLE[:3])
    p = d.add_paragraph()
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:t xml:space="preserve">全年召开会议</w:t></w:r>'))
    p._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="101" w:author="甲" w:date="2021-12-01T00:00:00Z">'
        '<w:r><w:t>十二</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="102" w:author="甲" w:date="2021-12-01T00:00:00Z">'
        '<w:r><w:delText>十</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>次。</w:t></w:r>'))
    _sample(d, SAMPLE[3:])


def _empty(d):
    pass


def _fields(d):
    _sample(d, SAMPLE[:3])
    p = d.add_paragraph("本报告共 ")
    p._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p.add_run(" 页，打印于 ")
    date_instr = ' DATE \\@ "yyyy年M月d日" '
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r><w:instrText xml:space="preserve">{date_instr}</w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                '<w:r><w:t>2021年12月31日</w:t></w:r>',
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        p._p.append(parse_xml(xml.replace("<w:r>", f'<w:r {nsdecls("w")}>', 1)))
    _sample(d, SAMPLE[3:])


def _bookmarks_links(d):
    _sample(d, SAMPLE[:3])
    p = d.add_paragraph()
    p._p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="7" w:name="要点"/>'))
    p.add_run("详见县政协网站")
    p._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="7"/>'))
    rid = d.part.relate_to("http://www.example.org/", RT.HYPERLINK, is_external=True)
    p._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:t>www.example.org</w:t></w:r>'
        '</w:hyperlink>'))
    _sample(d, SAMPLE[3:])


def _content_control(d):
    _sample(d, SAMPLE[:2])
    body = d.element.body
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>'
        f'<w:p><w:r><w:t>{SAMPLE[2]}</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    body.insert(len(body) - 1, sdt)
    _sample(d, SAMPLE[3:])


def _breaks(d):
    _sample(d, SAMPLE[:4])
    p = d.add_paragraph("第一行")
    run = p.add_run()
    run.add_break(WD_BREAK.LINE)
    p.add_run("第二行\t制表位后")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _sample(d, SAMPLE[4:])


def _mixed_script(d):
    _sample(d, SAMPLE[:3])
    d.add_paragraph("2021年GDP增长6.5%，完成投资12.3亿元（同比+8%），新建5G基站120个。")
    d.add_paragraph("Emoji 与扩展字符：😀 𠀀 — “引号” ‘单引号’ …… ——")
    _sample(d, SAMPLE[3:])


def _wide_table(d):
    _sample(d, SAMPLE[:3])
    table = d.add_table(rows=2, cols=8)
    table.style = "Table Grid"
    for i, cell in enumerate(table._cells):
        cell.text = f"列{i}"
        cell.width = Cm(4)
    _sample(d, SAMPLE[3:])


def _title_only(d):
    d.add_paragraph("关于做好2022年度述职工作的通知")


def _blank_lines(d):
    for line in SAMPLE:
        d.add_paragraph(line)
        d.add_paragraph("")


def _image_in_header(d):
    _sample(d)
    header = d.sections[0].header
    header.paragraphs[0].add_run("徽标").add_picture(io.BytesIO(png_bytes(16, 16)),
                                                     width=Cm(1))


def _huge(d):
    from generated_report import generate_report

    for paragraph in generate_report(300):
        d.add_paragraph(paragraph)


BUILDERS: Dict[str, Callable] = {
    "plain": _plain,
    "direct_formatting": _direct_formatting,
    "tables": _tables,
    "nested_tables": _nested_tables,
    "image": _image,
    "footnotes": _footnotes,
    "sections": _sections,
    "headers": _headers,
    "old_page_number": _old_page_number,
    "even_odd_existing": _even_odd_existing,
    "lists": _lists,
    "heading_styles": _heading_styles,
    "comments": _comments,
    "tracked_changes": _tracked_changes,
    "empty": _empty,
    "fields": _fields,
    "bookmarks_links": _bookmarks_links,
    "content_control": _content_control,
    "breaks": _breaks,
    "mixed_script": _mixed_script,
    "wide_table": _wide_table,
    "title_only": _title_only,
    "blank_lines": _blank_lines,
    "image_in_header": _image_in_header,
    "huge": _huge,
}


def build(name: str, folder: Path) -> Path:
    document = docx.Document()
    BUILDERS[name](document)
    path = Path(folder) / f"{name}.docx"
    document.save(str(path))
    return path


def build_corpus(folder: Path, include_huge: bool = True) -> List[Path]:
    Path(folder).mkdir(parents=True, exist_ok=True)
    names = [n for n in BUILDERS if include_huge or n != "huge"]
    return [build(name, folder) for name in names]


# --- an independent text reader --------------------------------------------------------

_TEXT_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")


def _is_page_number_paragraph(p: etree._Element) -> bool:
    instr = "".join(t.text or "" for t in p.iter(f"{{{W}}}instrText"))
    instr += "".join(f.get(f"{{{W}}}instr", "") for f in p.iter(f"{{{W}}}fldSimple"))
    return "PAGE" in instr.upper().split()


def docx_text(path: Path, labels: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """{part: text} for every text part; footer paragraphs holding a PAGE field are
    left out (the formatter replaces page numbers; they are layout, not the user's text).
    Deleted text (w:delText) is not text; inserted text is. ``labels`` ({paragraph
    text: list label}, as in LIST_LABELS) puts the labels a reader sees before the
    body's numbered paragraphs."""
    labels = labels or {}
    result = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not _TEXT_PART.match(name):
                continue
            root = etree.fromstring(archive.read(name))
            lines = []
            for p in root.iter(f"{{{W}}}p"):
                if name.startswith("word/footer") and _is_page_number_paragraph(p):
                    continue
                own = [t.text or "" for t in p.iter(f"{{{W}}}t")
                       if next(t.iterancestors(f"{{{W}}}p")) is p]
                text = "".join(own)
                numbered = name == "word/document.xml" and p.find(f"{{{W}}}pPr") is not None
                lines.append(labels.get(text, "") + text if numbered else text)
            result[name] = "\n".join(lines)
    return result


# The comparison rule (an added even-page header/footer may be empty or a copy) is the
# formatter's own; the oracle above reads the text independently of it.
text_unchanged = text_changes


__all__ = ["build_corpus", "build", "BUILDERS", "docx_text", "LIST_LABELS", "text_unchanged",
           "png_bytes", "SAMPLE", "qn"]
