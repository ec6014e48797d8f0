"""Documents as people write them (tests/realdocs.py), through both paths, measured.

Each of the 36 documents is formatted by the Writer button and by the CLI (its output
opened in Writer), one PDF each. Both must give the same paragraphs (text, style, indents,
spacing, the character styles on each portion) and the same lines page by page; the PDF
must show every character the author typed, list labels included; and what each artefact
asks is checked on the paragraphs read back: run-in headings in their level's character
style, inherited looks gone and emphasis kept, the one-line 落款 split only when asked,
the 附件说明 lines under the first number, the 附注 under the date, blank lines kept or
removed. Long documents pass check_gbt9704. A .doc saved by Writer and a plain .txt
imported in Writer go through the button.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, NamedTuple, Tuple

import pytest

from gongwen import cli, layout, roles, spec
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf
from rig.office import body_paragraphs
from tests import realdocs

HMM_PER_PT = 2540 / 72
BODY_CHAR_MM = (16 - 0.25) * 25.4 / 72  # one 3号 character with the grid's spacing
_RIGHT = 1  # ParagraphAdjust.RIGHT


class Portion(NamedTuple):
    text: str
    char_style: str
    underline: bool
    color: int
    highlight: int
    back: int
    bold: bool


class Row(NamedTuple):
    text: str
    style: str
    background: int  # ParaBackColor: -1 none
    adjust: int
    left: int
    first: int
    right: int
    top: int
    bottom: int
    portions: Tuple[Portion, ...]


def _portions(paragraph) -> Tuple[Portion, ...]:
    found = []
    enumeration = paragraph.createEnumeration()
    while enumeration.hasMoreElements():
        portion = enumeration.nextElement()
        if portion.TextPortionType != "Text" or not portion.getString().strip():
            continue
        found.append(Portion(portion.getString(), portion.CharStyleName,
                             portion.CharUnderline != 0, portion.CharColor,
                             portion.CharHighlight, portion.CharBackColor,
                             portion.CharWeight > 100))
    return tuple(found)


def _rows(document) -> List[Row]:
    return [Row(p.getString(), p.ParaStyleName, p.ParaBackColor, int(p.ParaAdjust),
                p.ParaLeftMargin, p.ParaFirstLineIndent, p.ParaRightMargin, p.ParaTopMargin,
                p.ParaBottomMargin, _portions(p))
            for p in body_paragraphs(document)]


def _pages(pdf: Path) -> List[List[str]]:
    return [[line.compact_text for line in page.body_lines]
            for page in measure_pdf(pdf).pages]


def _url(doc: realdocs.RealDoc) -> str:
    return "vnd.gongwen:Format" + (f"?normalize={doc.normalize}" if doc.normalize else "")


class Result(NamedTuple):
    rows: List[Row]
    pdf: Path


def _button(office, source: Path, doc: realdocs.RealDoc, folder: Path) -> Result:
    document = office.open(source)
    try:
        outcome = office.dispatch(document, _url(doc))
        assert outcome.ok, outcome.message
        return Result(_rows(document), office.export_pdf(document, folder / "button.pdf"))
    finally:
        office.close(document)


def _cli(office, source: Path, doc: realdocs.RealDoc, folder: Path) -> Result:
    out = folder / "cli.docx"
    extra = ["--normalize", doc.normalize] if doc.normalize else []
    assert cli.main(["format", str(source), "-o", str(out)] + extra) == 0
    document = office.open(out)
    try:
        return Result(_rows(document), office.export_pdf(document, folder / "cli.pdf"))
    finally:
        office.close(document)


# --- what each artefact asks ----------------------------------------------------------------

def _check_visible_text(doc: realdocs.RealDoc, pdf: Path) -> None:
    shown = "".join("".join(page) for page in _pages(pdf))
    shown = shown.replace("第二部分", "")  # the second section's header
    assert shown == realdocs.visible_text(doc)


def _check_run_ins(rows: List[Row]) -> int:
    """Every run-in heading: its sentence in the level's character style, the rest not."""
    count = 0
    for row in rows:
        run = roles.run_in_heading(row.text)
        if run is None or row.style != spec.style_name(spec.Role.BODY):
            continue
        level_style = spec.RUN_IN_CHAR_STYLES[f"heading{run.level}"]
        styled = "".join(p.text for p in row.portions if p.char_style == level_style)
        assert styled.strip() == row.text[run.start:run.end].strip(), row.text
        rest = [p for p in row.portions if p.char_style != level_style]
        assert "".join(p.text for p in rest) == row.text[run.end:], row.text
        count += 1
    return count


def _check_no_inherited_looks(rows: List[Row]) -> None:
    for row in rows:
        assert row.background == -1, row.text
        if not row.portions:
            continue
        assert not all(p.underline for p in row.portions), row.text
        assert not all(p.color != -1 for p in row.portions), row.text
        assert not all(p.highlight != -1 for p in row.portions), row.text
        assert not all(p.back != -1 for p in row.portions), row.text
        assert not any(p.char_style == "Hyperlink" or p.char_style == "Internet Link"
                       for p in row.portions), row.text


def _check_emphasis_kept(rows: List[Row]) -> None:
    emphasised = [row for row in rows if any(p.underline for p in row.portions)
                  and any(p.bold for p in row.portions)]
    assert emphasised, "the underlined and bold phrases are gone"
    for row in emphasised:
        assert [p.text for p in row.portions if p.underline] and \
            not all(p.underline for p in row.portions)


def _check_head(doc: realdocs.RealDoc, rows: List[Row]) -> None:
    """The title and a 发文字号 under it in their styles, whatever numbering or looks."""
    by_text = {row.text: row.style for row in rows}
    if doc.lines[0] in (realdocs.NOTICE_HEAD[0], realdocs.REPORT[0], realdocs.APPLICATION[0]):
        assert by_text[doc.lines[0]] == spec.style_name("title")
    if realdocs.NOTICE_HEAD[1] in doc.lines:
        assert by_text[realdocs.NOTICE_HEAD[1]] == spec.style_name("doc_number")
    # a title over two paragraphs, or with 副标题 under it: the line of space after the last
    head = [row for row in rows[:4] if row.style in (spec.style_name("title"),
                                                      spec.style_name("subtitle"))]
    assert all(row.bottom == 0 for row in head[:-1])
    if head and rows[rows.index(head[-1]) + 1].text.strip():  # (a typed blank line gives it)
        assert head[-1].bottom > 0
    for subtitle in (realdocs.SUBTITLE_DASH, realdocs.SUBTITLE_DATE):
        if subtitle in doc.lines:
            assert by_text[subtitle] == spec.style_name("subtitle")
    for heading in realdocs.HEADINGS:
        if heading in doc.lines:
            level = roles.heading_level(heading)
            assert by_text[heading] == spec.style_name(f"heading{level}"), heading


def _check_tail(doc: realdocs.RealDoc, rows: List[Row]) -> None:
    styles = [row.style for row in rows]
    signature, date = spec.style_name("signature"), spec.style_name("date")
    if realdocs.ONE_LINE_TAIL in doc.lines:
        if doc.normalize in ("spaces", "all"):
            at = [row.text for row in rows].index("事业六部")
            assert styles[at:at + 2] == [signature, date]
            assert rows[at + 1].text == ("2018年1月26日" if doc.normalize == "all"
                                         else "2018年 1 月26日")
        else:
            row = next(row for row in rows if row.text == realdocs.ONE_LINE_TAIL)
            assert row.style == signature and row.adjust == _RIGHT
    if realdocs.NOTE in doc.lines:
        at = styles.index(spec.style_name("note"))
        note = rows[at]
        assert styles[at - 1] == date and note.top == 0 and note.left == 0
        assert abs(note.first - 2 * 16 * HMM_PER_PT) < 2  # 左空二字
    for row in rows:
        if row.style in (signature, date):
            assert row.adjust == _RIGHT


def _check_attachments(doc: realdocs.RealDoc, rows: List[Row], pdf: Path) -> None:
    name = spec.style_name("attachment")
    items = [row for row in rows if row.style == name]
    if not items:
        return
    at = rows.index(items[0])
    typed_blank = at > 0 and not rows[at - 1].text.strip()
    assert (items[0].top == 0) == typed_blank  # one blank line before the first: typed or not
    assert all(row.top == 0 for row in items[1:])  # none between the items
    label = "附件：" + ("" if items[0].text.endswith("：") else "")
    numbered = [row for row in items if not row.text.endswith("：")]
    assert len({row.left for row in numbered}) == 1  # wrapped lines: under the name
    # each line after the first starts under the first attachment's number (PDF)
    lines = [line for page in measure_pdf(pdf).pages for line in page.body_lines]
    starts = {text: next(line for line in lines if line.compact_text.startswith(text[:6]))
              for text in (row.text.strip() for row in items)}  # typed spaces aside
    first = starts[items[0].text.strip()]
    column = first.x_left_mm + (len(label) * BODY_CHAR_MM if items[0].text != "附件：" else
                                len("附件：") * BODY_CHAR_MM)
    for row in items[1:]:
        assert abs(starts[row.text.strip()].x_left_mm - column) < 0.8, (row.text, column)


def _check_typed_spaces(rows: List[Row], pdf: Path) -> None:
    """Spaces typed before a line do not move what is visible: the title is centred, the
    主送 starts at the margin, body and headings two characters in (from the PDF)."""
    left_mm, right_mm = 28.0, 210.0 - 26.0
    lines = [line for page in measure_pdf(pdf).pages for line in page.body_lines]
    where = {spec.style_name("addressee"): left_mm,
             **{spec.style_name(role): left_mm + 2 * BODY_CHAR_MM
                for role in ("body", "heading1", "heading2", "heading3", "heading4")}}
    checked = 0
    for row in rows:
        text = row.text.strip()
        line = next((line for line in lines if line.compact_text.startswith(text[:8])), None)
        if not text or line is None or text == row.text:
            continue
        if row.style == spec.style_name("title"):
            middle = (line.x_left_mm + line.x_right_mm) / 2
            assert abs(middle - (left_mm + right_mm) / 2) < 0.8, text
        elif row.style in (spec.style_name("signature"), spec.style_name("date")):
            compact = text.replace(" ", "")  # on one line of its own, not wrapped
            assert any(line.compact_text == compact for line in lines), text
        elif row.style == spec.style_name("attachment") and text.startswith("附件"):
            assert abs(line.x_left_mm - (left_mm + 2 * BODY_CHAR_MM)) < 0.8, text
        elif row.style in where and not text.startswith("（"):  # （ is set in its right half
            assert abs(line.x_left_mm - where[row.style]) < 0.8, (text, line.x_left_mm)
        else:
            continue
        checked += 1
    assert checked >= 5


def _check_blank_lines(doc: realdocs.RealDoc, rows: List[Row]) -> None:
    blanks = sum(1 for row in rows if not row.text.strip())
    typed = sum(1 for line in doc.lines if not line.strip())
    if "blank-lines" in doc.normalize or doc.normalize == "all":
        assert blanks <= 1  # the last paragraph stays when it is one
        title = rows[0]
        if title.style == spec.style_name("title"):
            assert title.bottom > 0  # the style's one line under the title
    else:
        assert blanks >= typed


@pytest.mark.parametrize("name", [doc.name for doc in realdocs.DOCS])
def test_real_documents_through_both_paths(office, tmp_path: Path, name: str):
    doc = realdocs.BY_NAME[name]
    source = realdocs.build(doc, tmp_path)
    button = _button(office, source, doc, tmp_path)
    from_cli = _cli(office, source, doc, tmp_path)
    assert len(button.rows) == len(from_cli.rows)
    for a, b in zip(button.rows, from_cli.rows):
        assert a == b
    assert _pages(button.pdf) == _pages(from_cli.pdf)
    _check_visible_text(doc, from_cli.pdf)
    rows = from_cli.rows
    if any(roles.run_in_heading(line) for line in doc.lines):
        assert _check_run_ins(rows) > 0
    if doc.web:
        _check_no_inherited_looks(rows)
        if sum(1 for line in doc.lines if len(line) > 20) > 2:
            _check_emphasis_kept(rows)
    _check_head(doc, rows)
    _check_tail(doc, rows)
    _check_attachments(doc, rows, from_cli.pdf)
    _check_blank_lines(doc, rows)
    if any(line.startswith(("\u3000", " ")) for line in doc.lines):
        _check_typed_spaces(rows, from_cli.pdf)
    _check_page_numbers(from_cli.pdf)
    if doc.long:
        assert check_gbt9704(measure_pdf(from_cli.pdf)) == []


def _check_page_numbers(pdf: Path) -> None:
    """One — N — per page, 7 mm under the type area, whatever the source's sections had."""
    type_area_bottom = 297 - 35
    for page in measure_pdf(pdf).pages:
        number = page.page_number
        assert number is not None and number.number == page.index + 1, page.index
        assert 6 <= number.top_mm - type_area_bottom <= 8, page.index


def test_every_artefact_is_in_the_set():
    docs = realdocs.DOCS
    assert len(docs) >= 30
    assert {doc.numbering for doc in docs} >= {"word", "wps"}
    assert {doc.footer for doc in docs} >= {"field", "table", "text"}
    levels = {roles.run_in_heading(line).level for doc in docs for line in doc.lines
              if roles.run_in_heading(line)}
    assert levels == {1, 2, 3, 4}
    assert any(doc.sections for doc in docs) and any(doc.web for doc in docs)
    assert any(realdocs.ONE_LINE_TAIL in doc.lines for doc in docs)
    assert any(realdocs.NOTE in doc.lines and realdocs.ATTACHED[0] in doc.lines for doc in docs)
    assert any(realdocs.ATTACHMENTS_3[2] in doc.lines for doc in docs)


def test_a_doc_saved_by_writer_and_a_pasted_txt(office, tmp_path: Path):
    """The button on a Word 97 .doc that Writer saved, and on plain text imported."""
    doc = realdocs.BY_NAME["everything-word"]
    source = realdocs.build(doc, tmp_path)
    document = office.open(source)
    try:
        saved = office.save_as(document, tmp_path / "saved.doc", "MS Word 97")
    finally:
        office.close(document)
    text = tmp_path / "pasted.txt"
    plain = realdocs.BY_NAME["notice-all"]
    text.write_text("\n".join(plain.lines) + "\n", encoding="utf-8")
    for path, checked, loader in ((saved, doc, office.open), (text, plain, office.load_text)):
        document = loader(path)
        try:
            assert office.dispatch(document, _url(checked)).ok
            rows = _rows(document)
            pdf = office.export_pdf(document, tmp_path / (path.stem + ".pdf"))
        finally:
            office.close(document)
        _check_visible_text(checked, pdf)
        assert _check_run_ins(rows) == 4
        _check_tail(checked, rows)
        _check_attachments(checked, rows, pdf)
        plan_styles = [p.style for p in layout.plan_document([row.text for row in rows]).paragraphs]
        assert [row.style for row in rows] == plan_styles


def test_run_in_character_styles_take_the_heading_fonts(office, tmp_path: Path):
    """公文段内一级标题 … 四级标题 in Writer: the heading roles' fonts, from the plan."""
    source = realdocs.build(realdocs.BY_NAME["run-ins"], tmp_path)
    for path in (source,):
        document = office.open(path)
        try:
            assert office.dispatch(document, "vnd.gongwen:Format").ok
            family = document.getStyleFamilies().getByName("CharacterStyles")
            plan = layout.plan_document(["x"])
            looks: Dict[str, str] = {name: family.getByName(name).CharFontNameAsian
                                     for name in plan.char_styles}
        finally:
            office.close(document)
        assert looks == {name: look.east_asian_font for name, look in plan.char_styles.items()}
        assert set(spec.RUN_IN_CHAR_STYLES.values()) < set(looks)
        assert list(looks.values())[:2] == [plan.style_of("heading1").east_asian_font,
                                            plan.style_of("heading2").east_asian_font]


def test_the_button_twice_changes_nothing(office, tmp_path: Path):
    doc = realdocs.BY_NAME["everything-word"]
    document = office.open(realdocs.build(doc, tmp_path))
    try:
        assert office.dispatch(document, _url(doc)).ok
        once = _rows(document)
        assert office.dispatch(document, _url(doc)).ok
        assert _rows(document) == once
    finally:
        office.close(document)


def test_the_split_and_the_blank_lines_undo_in_one_step(office, tmp_path: Path):
    doc = realdocs.BY_NAME["one-line-all"]
    source = realdocs.build(doc, tmp_path)
    document = office.open(source)
    try:
        before = [p.getString() for p in body_paragraphs(document)]
        result = office.dispatch(document, _url(doc))
        assert result.ok
        assert "空行 1 个" in result.message or "1 blank line" in result.message
        after = [p.getString() for p in body_paragraphs(document)]
        assert after[-2:] == ["事业六部", "2018年1月26日"] and "" not in after
        office.uno_dispatch(document, ".uno:Undo")
        assert [p.getString() for p in body_paragraphs(document)] == before
    finally:
        office.close(document)
