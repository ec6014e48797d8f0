"""检查格式 in Writer (issue 13 part 2): the checker reads a real document, judges it by the
document's preset, selects a problem's place, and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import formatcheck, layout, presets
from gongwen.cli.inputs import read_text, text_paragraphs
from gongwen.ooxml import docxfacts
from gongwen.writer import checkformat
from gongwen.writer import presets as writer_presets
from gongwen.writer.commands import Invocation
from gongwen.writer.ui import QUIET_ENV

OFFICIAL_FONTS = {"方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "Times New Roman"}
SAMPLES = ["xian-jiaoyuju-niandu-zongjie", "xiangzhen-dangwei-shuji-shuzhi"]
NOTICE = ["青山县人民政府关于做好2024年防汛工作的通知", "各乡镇人民政府，县直各单位：",
          "为切实做好今年防汛工作，现将有关事项通知如下。", "一、提高思想认识",
          "各单位要高度重视防汛工作。", "特此通知。", "青山县人民政府", "2024年5月10日"]
BODY = 2


def settings_of(name=None) -> layout.Settings:
    return layout.settings_from(presets.resolve(name).data)


def problems(document, preset=None):
    return checkformat.format_problems(document, settings_of(preset), "en-US",
                                       installed=OFFICIAL_FONTS).problems


def text_problems(texts):
    return formatcheck.check(docxfacts.text_facts(texts), None, "en-US")


def invocation(office, document, **args) -> Invocation:
    return Invocation(office.ctx, office.frame(document), document, dict(args), "en-US")


@pytest.fixture
def notice(office, tmp_path: Path):
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(NOTICE), encoding="utf-8")
    document = office.load_text(path)
    yield document
    office.close(document)


def body_paragraph(document):
    enumeration = document.getText().createEnumeration()
    for _ in range(BODY):
        enumeration.nextElement()
    return enumeration.nextElement()


def formatted_notice(office, document, preset=None):
    url = "vnd.gongwen:Format" + (f"?preset={preset}" if preset else "")
    assert office.dispatch(document, url).ok
    return document


@pytest.mark.parametrize("sample", SAMPLES)
def test_after_the_button_only_what_is_in_the_text_is_left(office, samples_dir, sample):
    """The formatter and the checker agree: after 一键公文格式 the problems are those of the
    text alone (placeholders, and the sample's own punctuation and missing title)."""
    document = office.load_text(samples_dir / f"{sample}.txt")
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        found = problems(document)
        assert found == text_problems(text_paragraphs(read_text(samples_dir / f"{sample}.txt")[0]))
        assert "placeholder" in {p.code for p in found}
        assert {p.code for p in found} <= {"placeholder", "punctuation", "structure"}
    finally:
        office.close(document)


def test_a_clean_notice_is_clean_after_format_and_judged_by_its_preset(office, notice):
    assert {p.code for p in problems(notice)} >= {"page", "font", "size"}  # before
    formatted_notice(office, notice, "fixed-28pt")
    assert problems(notice, "fixed-28pt") == []
    assert [p.code for p in problems(notice)] == ["page"]  # by the standard: no grid
    # the command itself takes the document's own preset (stored by Format)
    assert writer_presets.preset_for(invocation(office, notice)).name == "fixed-28pt"


def test_size_font_and_direct_format_in_writer(office, notice):
    formatted_notice(office, notice)
    paragraphs = checkformat.format_problems(notice, settings_of(), "en-US",
                                             installed=OFFICIAL_FONTS).paragraphs
    body = paragraphs[BODY]
    body.setPropertyValue("CharHeight", 14.0)
    body.setPropertyValue("CharColor", 0xFF0000)
    paragraphs[0].setPropertyValue("CharFontNameAsian", "宋体")
    found = [(p.code, p.paragraph) for p in problems(notice)]
    assert found == [("font", 0), ("size", BODY), ("direct-format", BODY)]


def test_a_missing_font_is_named_with_its_stand_in(office, notice):
    formatted_notice(office, notice)
    found = checkformat.format_problems(notice, settings_of(), "en-US",
                                        installed=OFFICIAL_FONTS - {"黑体"} | {"SimHei"}).problems
    assert [p.code for p in found] == ["font-missing"]
    assert "黑体" in found[0].message and "SimHei" in found[0].message


def test_the_command_changes_nothing_and_gives_the_count(office, notice, monkeypatch):
    formatted_notice(office, notice)
    body_paragraph(notice).getEnd().setString("全年完成X项,效果好。")  # a placeholder, a comma
    notice.setModified(False)
    manager = notice.getUndoManager()
    undo_before = manager.getAllUndoActionTitles()
    redo_before = manager.getAllRedoActionTitles()
    text_before = office.text(notice)
    monkeypatch.setenv(QUIET_ENV, "1")
    outcome = checkformat.check_format(invocation(office, notice))
    assert outcome.ok
    # the command judges the fonts soffice has (font-missing too, as a user sees it)
    count = len(checkformat.format_problems(notice, settings_of(), "en-US",
                                            ctx=office.ctx).problems)
    assert count >= len(problems(notice)) >= 2
    assert outcome.message == f"{count} format problem(s) found"
    # through the toolbar's dispatch too (soffice shows the list: nothing is written either)
    assert office.dispatch(notice, "vnd.gongwen:CheckFormat").ok
    assert not notice.isModified()
    assert manager.getAllUndoActionTitles() == undo_before
    assert manager.getAllRedoActionTitles() == redo_before
    assert office.text(notice) == text_before


def test_clicking_a_row_selects_the_place(office, notice):
    formatted_notice(office, notice)
    body_paragraph(notice).getEnd().setString("全年完成XX项任务。")
    checked = checkformat.format_problems(notice, settings_of(), "en-US",
                                          installed=OFFICIAL_FONTS)
    placeholder = next(p for p in checked.problems if p.code == "placeholder")
    assert checkformat.select_place(notice, checked, placeholder)
    assert notice.getCurrentController().getSelection().getByIndex(0).getString() == "XX"


def test_a_read_only_document_can_be_checked(office, notice, monkeypatch):
    monkeypatch.setenv(QUIET_ENV, "1")
    from gongwen.writer import commands

    assert not commands.COMMANDS["CheckFormat"].modifies
    outcome = checkformat.check_format(invocation(office, notice))
    assert outcome.ok and "format problem" in outcome.message


def test_list_labels_count_in_writer_and_selection_skips_them(office, tmp_path):
    from tests import listdocs

    document = office.open(listdocs.build("word_four_levels", tmp_path))
    try:
        checked = checkformat.format_problems(document, settings_of(), "en-US",
                                              installed=OFFICIAL_FONTS)
        numbered = [i for i, length in enumerate(checked.labels) if length]
        assert len(numbered) >= 6  # the headings: 一、 二、 （一） …
        assert "numbering" not in {p.code for p in checked.problems}
        heading = next(p for p in checked.problems if p.paragraph == numbered[0])
        assert checkformat.select_place(document, checked, heading)
        selected = document.getCurrentController().getSelection().getByIndex(0).getString()
        assert selected == checked.paragraphs[numbered[0]].getString()  # no label in it
    finally:
        office.close(document)


def test_the_list_speaks_chinese_wraps_long_rows_and_selects_from_any_line(office, notice):
    """Each row starts with its category in Chinese; a long problem takes several lines of
    the list, and every one of them selects its place."""
    formatted_notice(office, notice)
    body_paragraph(notice).getEnd().setString("全年完成XX项任务,效果好。")
    checked = checkformat.format_problems(notice, settings_of(), "zh-CN",
                                          installed=OFFICIAL_FONTS)
    zh = Invocation(office.ctx, office.frame(notice), notice, {}, "zh-CN")
    shown = checkformat.show(zh, checked)
    try:
        items = shown.dialog.getControl("problems").getItems()
        assert [line for line, _ in shown.rows] == list(items)
        firsts = [items[row] for row, (_, number) in enumerate(shown.rows)
                  if row == 0 or shown.rows[row - 1][1] != number]
        assert len(firsts) == len(checked.problems)
        assert all(line.startswith("【") and "】" in line for line in firsts)
        assert {line[1:line.index("】")] for line in firsts} <= {"占位符", "标点"}
        placeholder = next(number for number, p in enumerate(checked.problems)
                           if p.code == "placeholder")
        lines = [row for row, (_, number) in enumerate(shown.rows) if number == placeholder]
        narrow = checkformat.list_rows(checked.problems, "zh-CN", columns=20)
        assert len(narrow) > len(checked.problems)  # long rows wrap
        shown.select(lines[-1])
        assert notice.getCurrentController().getSelection().getByIndex(0).getString() == "XX"
    finally:
        shown.close()


def test_a_paragraph_that_is_a_link_keeps_the_link_s_look_in_writer(office, notice):
    """Format leaves a real hyperlink's look (writer/inherited.py); 检查格式 agrees."""
    formatted_notice(office, notice)
    body = checkformat.format_problems(notice, settings_of(), "en-US",
                                       installed=OFFICIAL_FONTS).paragraphs[BODY]
    body.setPropertyValue("CharColor", 0x0563C1)
    body.setPropertyValue("CharUnderline", 1)
    assert ("direct-format", BODY) in [(p.code, p.paragraph) for p in problems(notice)]
    body.getText().createTextCursorByRange(body).setPropertyValue("HyperLinkURL",
                                                                   "https://www.gov.cn/")
    assert ("direct-format", BODY) not in [(p.code, p.paragraph) for p in problems(notice)]
