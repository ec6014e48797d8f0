"""一键公文格式 keeps what the document holds, and sets every role.

Images and fields survive 一键公文格式 (with their anchors and content) and its undo, in a
document built in Writer and in a .docx made elsewhere; italic stays while spacing that
fights the style goes; every date form is rewritten only when asked; all heading levels
get their styles; the page number is 4号 宋体.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

import pytest

from gongwen import messages, spec
from gongwen.spec import Role
from rig.office import body_paragraphs as paragraphs

FORMAT = "vnd.gongwen:Format"
PARAGRAPH_BREAK = 0
AT_PARAGRAPH, AS_CHARACTER = 0, 1          # com.sun.star.text.TextContentAnchorType
ITALIC = 2                                  # com.sun.star.awt.FontSlant.ITALIC


def png(path: Path, size: Tuple[int, int] = (120, 80)) -> Path:
    from PIL import Image

    Image.new("RGB", size, (200, 30, 30)).save(path)
    return path


def paragraph_of(text_range) -> str:
    """The text of the paragraph ``text_range`` is in."""
    cursor = text_range.getText().createTextCursorByRange(text_range.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    return cursor.getString()


def graphics(document) -> List[tuple]:
    """(name, anchor type, paragraph it is anchored in, size, pixel size) of every image."""
    objects = document.getGraphicObjects()
    result = []
    for name in sorted(objects.getElementNames()):
        graphic = objects.getByName(name)
        pixels = graphic.Graphic.SizePixel
        result.append((name, graphic.AnchorType.value, paragraph_of(graphic.getAnchor()),
                       (graphic.Width, graphic.Height), (pixels.Width, pixels.Height)))
    return result


def body_fields(document) -> List[tuple]:
    """(kind, what it shows, paragraph, characters before it) of every field in the body,
    in document order; footers' page numbers are the formatter's own and left out."""
    result = []
    for paragraph in paragraphs(document):
        offset = 0
        portions = paragraph.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            if portion.TextPortionType == "TextField":
                field = portion.TextField
                kind = next(name for name in field.getSupportedServiceNames()
                            if name.startswith("com.sun.star.text.textfield."))
                result.append((kind, field.getPresentation(False), paragraph.getString(),
                               offset))
            offset += len(portion.getString())
    return result


def insert_image(office, document, cursor, path: Path, anchor: int, width: int, height: int):
    provider = office.smgr.createInstanceWithContext("com.sun.star.graphic.GraphicProvider",
                                                     office.ctx)
    image = document.createInstance("com.sun.star.text.TextGraphicObject")
    image.Graphic = provider.queryGraphic(office.props(URL=path.resolve().as_uri()))
    image.AnchorType = uno_enum("com.sun.star.text.TextContentAnchorType",
                                ("AT_PARAGRAPH", "AS_CHARACTER")[anchor])
    document.getText().insertTextContent(cursor, image, False)
    image.Width, image.Height = width, height
    return image


def uno_struct(type_name: str):
    import uno

    return uno.createUnoStruct(type_name)


def uno_enum(type_name: str, value: str):
    import uno

    return uno.Enum(type_name, value)


def build_report_with_images_and_fields(office, document, folder: Path) -> None:
    text = document.getText()
    cursor = text.createTextCursor()
    text.insertString(cursor, "2021年度工作总结", False)
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    text.insertString(cursor, "一、主要工作", False)
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    text.insertString(cursor, "全年召开会议十二次，会场见图", False)
    insert_image(office, document, cursor, png(folder / "inline.png"), AS_CHARACTER, 2000, 1500)
    text.insertString(cursor, "。本页为第", False)
    page_number = document.createInstance("com.sun.star.text.textfield.PageNumber")
    page_number.NumberingType = 4  # ARABIC
    page_number.SubType = uno_enum("com.sun.star.text.PageNumberType", "CURRENT")
    text.insertTextContent(cursor, page_number, False)
    text.insertString(cursor, "页。", False)
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    text.insertString(cursor, "全年图表如下，统计截至", False)
    date = document.createInstance("com.sun.star.text.textfield.DateTime")
    date.IsDate = True
    date.IsFixed = True
    value = uno_struct("com.sun.star.util.DateTime")
    value.Year, value.Month, value.Day = 2021, 12, 31
    date.DateTimeValue = value
    text.insertTextContent(cursor, date, False)
    text.insertString(cursor, "。", False)
    insert_image(office, document, cursor, png(folder / "chart.png", (300, 200)), AT_PARAGRAPH,
                 6000, 4000)
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    text.insertString(cursor, "特此报告。", False)


def test_images_and_fields_survive_format_and_its_undo(office, writer_doc, tmp_path: Path):
    document = writer_doc
    build_report_with_images_and_fields(office, document, tmp_path)
    images, fields = graphics(document), body_fields(document)
    text = document.getText().getString()
    styles = [p.ParaStyleName for p in paragraphs(document)]
    assert len(images) == 2 and {kind for kind, *_ in fields} == {
        "com.sun.star.text.textfield.PageNumber", "com.sun.star.text.textfield.DateTime"}
    assert fields[0][1] == "1" and "31" in fields[1][1]

    assert office.dispatch(document, FORMAT).ok

    assert [p.ParaStyleName for p in paragraphs(document)] != styles  # it did format
    assert graphics(document) == images
    assert body_fields(document) == fields
    assert document.getText().getString() == text

    office.uno_dispatch(document, ".uno:Undo")

    assert [p.ParaStyleName for p in paragraphs(document)] == styles
    assert graphics(document) == images
    assert body_fields(document) == fields
    assert document.getText().getString() == text


def docx_with_image_and_fields(folder: Path) -> Path:
    """A .docx as Word writes one: a picture in its own paragraph, a PAGE field and a DATE
    field with their last shown results, a bookmark round a phrase."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm

    word = docx.Document()
    word.add_paragraph("2021年度工作总结")
    word.add_paragraph("一、主要工作")
    word.add_paragraph("全年召开会议十二次，图示如下。")
    word.add_paragraph().add_run().add_picture(str(png(folder / "picture.png")), width=Mm(40))
    fields = word.add_paragraph("本页为第")
    fields._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    fields.add_run("页，统计截至")
    fields._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=\' DATE \\@ "yyyy年M月d日" \'>'
        '<w:r><w:t>2021年12月31日</w:t></w:r></w:fldSimple>'))
    fields.add_run("。")
    word.add_paragraph("特此报告。")
    path = folder / "from-word.docx"
    word.save(str(path))
    return path


def test_a_word_docx_keeps_its_picture_and_fields(office, tmp_path: Path):
    document = office.open(docx_with_image_and_fields(tmp_path))
    try:
        images = graphics(document)
        kinds = [kind for kind, *_ in body_fields(document)]
        text = document.getText().getString()
        assert len(images) == 1 and images[0][4] == (120, 80)
        assert "com.sun.star.text.textfield.PageNumber" in kinds and len(kinds) == 2

        assert office.dispatch(document, FORMAT).ok

        assert graphics(document) == images
        assert [kind for kind, *_ in body_fields(document)] == kinds
        assert document.getText().getString() == text
        saved = office.save_as(document, tmp_path / "formatted.docx")
    finally:
        office.close(document)
    reopened = office.open(saved)
    try:
        assert [image[4] for image in graphics(reopened)] == [(120, 80)]
        assert [kind for kind, *_ in body_fields(reopened)] == kinds
    finally:
        office.close(reopened)


# --- direct formatting: what goes and what stays ------------------------------------------

def test_italic_stays_and_spacing_and_line_spacing_that_fight_the_style_go(office, writer_doc):
    text = writer_doc.getText()
    text.setString("一、基本情况")
    text.insertControlCharacter(text.getEnd(), PARAGRAPH_BREAK, False)
    text.insertString(text.getEnd(), "全年完成了重点任务，成效明显。", False)
    heading, body = paragraphs(writer_doc)
    for paragraph in (heading, body):   # a paste: 12 pt before and after, 1.5 lines
        paragraph.ParaTopMargin = 423
        paragraph.ParaBottomMargin = 423
        spacing = paragraph.ParaLineSpacing
        spacing.Mode, spacing.Height = 0, 150  # PROP 150 %
        paragraph.ParaLineSpacing = spacing
    italic = text.createTextCursorByRange(body.getStart())
    italic.goRight(len("全年完成了"), False)
    italic.goRight(len("重点任务"), True)
    italic.CharPosture = italic.CharPostureAsian = uno_enum("com.sun.star.awt.FontSlant",
                                                             "ITALIC")

    assert office.dispatch(writer_doc, FORMAT).ok

    styles = writer_doc.getStyleFamilies().getByName("ParagraphStyles")
    heading, body = paragraphs(writer_doc)
    for paragraph, role in ((heading, Role.HEADING1), (body, Role.BODY)):
        style = styles.getByName(spec.style_name(role))
        assert paragraph.ParaStyleName == style.Name
        for name in ("ParaTopMargin", "ParaBottomMargin"):
            assert paragraph.getPropertyValue(name) == style.getPropertyValue(name), name
        ours, theirs = paragraph.ParaLineSpacing, style.ParaLineSpacing
        assert (ours.Mode, ours.Height) == (theirs.Mode, theirs.Height)
    italic = text.createTextCursorByRange(body.getStart())
    italic.goRight(len("全年完成了") + 1, False)
    italic.goRight(2, True)
    assert italic.CharPostureAsian.value == "ITALIC"
    upright = text.createTextCursorByRange(body.getStart())
    upright.goRight(2, True)
    assert upright.CharPostureAsian.value == "NONE"


# --- headings of every level, 附件说明 -------------------------------------------------------

def test_every_heading_level_and_the_attachment_note_get_their_styles(office, tmp_path: Path):
    lines = ["XX县政协2021年度工作总结", "一、总体情况", "（一）学习方面", "1.理论学习",
             "（1）集中学习", "全年组织集中学习十二次，一是学理论，二是学业务。",
             "附件：1.学习安排表", "XX县政协办公室", "2021年12月31日"]
    path = tmp_path / "levels.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = office.load_text(path)
    try:
        assert office.dispatch(document, FORMAT).ok
        got = [(p.getString(), p.ParaStyleName) for p in paragraphs(document) if p.getString()]
    finally:
        office.close(document)
    roles = [Role.TITLE, Role.HEADING1, Role.HEADING2, Role.HEADING3, Role.HEADING4, Role.BODY,
             Role.ATTACHMENT, Role.SIGNATURE, Role.DATE]
    assert got == [(line, spec.style_name(role)) for line, role in zip(lines, roles)]


# --- dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["二〇二一年十二月三十一日", "2021.12.31", "2021-12-31",
                                     "2021/12/31"])
def test_each_date_form_is_rewritten_only_when_asked(office, tmp_path: Path, written):
    lines = ["2021年度工作总结", "今年完成了各项工作任务。", "XX县XX局", written]
    path = tmp_path / "dated.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = office.load_text(path)
    try:
        assert office.dispatch(document, FORMAT).ok
        assert paragraphs(document)[-1].getString() == written  # default: text never changes
        assert office.dispatch(document, FORMAT + "?normalize=dates").ok
        last = paragraphs(document)[-1]
        assert last.getString() == "2021年12月31日"
        assert last.ParaStyleName == spec.style_name(Role.DATE)
        office.uno_dispatch(document, ".uno:Undo")
        assert paragraphs(document)[-1].getString() == written
    finally:
        office.close(document)


# --- the page number ---------------------------------------------------------------------------

def test_page_number_is_4hao_songti_with_em_dashes(office, samples_dir: Path, tmp_path: Path):
    source = tmp_path / "sample.txt"
    source.write_text((samples_dir / "xiangzhen-dangwei-shuji-shuzhi.txt").read_text(
        encoding="utf-8"), encoding="utf-8")
    document = office.load_text(source)
    try:
        assert office.dispatch(document, FORMAT).ok
        style = document.getStyleFamilies().getByName("PageStyles").getByName(
            paragraphs(document)[0].PageStyleName)
        for footer in (style.FooterTextRight, style.FooterTextLeft):
            paragraph = footer.createEnumeration().nextElement()
            portions = []
            enumeration = paragraph.createEnumeration()
            while enumeration.hasMoreElements():
                portions.append(enumeration.nextElement())
            kinds = [portion.TextPortionType for portion in portions]
            assert "TextField" in kinds
            field = portions[kinds.index("TextField")]
            assert field.TextField.supportsService("com.sun.star.text.textfield.PageNumber")
            shown = "".join(p.getString() for p in portions)
            assert shown.replace(field.getString(), "{}", 1) == spec.PAGE_NUMBER_FORMAT
            for portion in portions:
                assert portion.CharHeight == spec.PAGE.page_number_size_pt
                assert portion.CharFontName.split(";")[0] == spec.PAGE_NUMBER_FONT
    finally:
        office.close(document)


# --- undo on a document from Word: every paragraph's own formatting comes back -----------------

DIRECT = ("ParaStyleName", "CharFontNameAsian", "CharHeightAsian", "ParaAdjust",
          "ParaFirstLineIndent", "ParaBottomMargin", "ParaLeftMargin")


def look(document) -> list:
    return [tuple(p.getPropertyValue(name) for name in DIRECT) for p in paragraphs(document)]


def test_undo_gives_a_word_docx_back_its_own_direct_formatting(office, samples_dir: Path,
                                                               tmp_path: Path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    word = docx.Document()
    lines = (samples_dir / "xiangzhen-dangwei-shuji-shuzhi.txt").read_text(
        encoding="utf-8").splitlines()[:30]
    for index, line in enumerate(lines):
        paragraph = word.add_paragraph()
        paragraph.alignment = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT)[index % 2]
        paragraph.paragraph_format.first_line_indent = Mm(3 + index % 4)
        paragraph.paragraph_format.space_after = Pt(6 * (index % 3))
        run = paragraph.add_run(line)
        run.font.size = Pt(10 + index % 5)
        fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), ("宋体", "黑体")[index % 2])
    path = tmp_path / "word.docx"
    word.save(str(path))
    document = office.open(path)
    try:
        before = look(document)
        text = document.getText().getString()
        assert len(set(before)) > 5  # the paragraphs really differ

        assert office.dispatch(document, FORMAT).ok
        assert look(document) != before
        office.uno_dispatch(document, ".uno:Undo")

        assert look(document) == before
        assert document.getText().getString() == text
    finally:
        office.close(document)


@pytest.mark.parametrize("content", ["\n\n", "   \n　　"])
def test_blank_lines_only_are_an_empty_document(office, writer_doc, content):
    text = writer_doc.getText()
    for index, line in enumerate(content.split("\n")):
        if index:
            text.insertControlCharacter(text.getEnd(), PARAGRAPH_BREAK, False)
        text.insertString(text.getEnd(), line, False)
    titles = writer_doc.getUndoManager().getAllUndoActionTitles()

    result = office.dispatch(writer_doc, FORMAT)

    assert not result.ok
    assert result.message in {messages.text("format_empty", locale)
                              for locale in ("zh-CN", "en-US")}
    assert writer_doc.getUndoManager().getAllUndoActionTitles() == titles
    assert {p.ParaStyleName for p in paragraphs(writer_doc)} == {"Standard"}
