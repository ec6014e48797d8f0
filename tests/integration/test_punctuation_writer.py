"""规范写法 of punctuation in real Writer, and 规范写法 as tracked changes by 公文助手.

``vnd.gongwen:Format?normalize=punctuation`` edits only the marks (a bold word keeps its
look, a field keeps its text), in one undo step; with ``?track=true`` or a document that
records changes, every 规范写法 text edit is a revision by 公文助手: accepting them all gives
the text of the untracked run, rejecting them all the text as it was typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

from gongwen import cli, messages, normalize
from rig.office import body_paragraphs
from tests.unit import test_cli_punctuation as docx_case

FORMAT = "vnd.gongwen:Format"
TYPED = ["关于做好2025年防汛工作的通知",
         "各乡镇人民政府,县直各单位:",
         "为切实做好防汛工作,现将有关事项通知如下.请于９:30前报送\"汛情日报\"...",
         "一.加强组织领导",
         "会议定于上午9:30召开,增长3.5%,详见www.example.gov.cn,申报表.docx.",
         "",
         "事业六部      2025年1月26日"]
# The punctuation of each paragraph, as a careful editor writes it.
PUNCTUATED = ["关于做好2025年防汛工作的通知",
              "各乡镇人民政府，县直各单位：",
              "为切实做好防汛工作，现将有关事项通知如下。请于9:30前报送“汛情日报”……",
              "一.加强组织领导",
              "会议定于上午9:30召开，增长3.5%，详见www.example.gov.cn，申报表.docx。",
              "",
              "事业六部      2025年1月26日"]
# normalize=all: the heading number, the blank line gone, the 落款 split as well.
ALL = PUNCTUATED[:3] + ["一、加强组织领导", PUNCTUATED[4], "事业六部", "2025年1月26日"]


def load_lines(office, lines: List[str], folder: Path):
    path = folder / "doc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return office.load_text(path)


def texts(document) -> List[str]:
    return [p.getString() for p in body_paragraphs(document)]


def redlines(document) -> List[Tuple[str, str]]:
    found = []
    enumeration = document.Redlines.createEnumeration()
    while enumeration.hasMoreElements():
        redline = enumeration.nextElement()
        found.append((redline.RedlineType, redline.RedlineAuthor))
    return found


def profile_name(office) -> Tuple[str, str]:
    data = office.config("/org.openoffice.UserProfile/Data")
    return data.givenname, data.sn


def test_punctuation_edits_only_the_marks_in_one_undo_step(office, tmp_path: Path):
    document = load_lines(office, TYPED, tmp_path)
    try:
        result = office.dispatch(document, FORMAT + "?normalize=punctuation")
        assert result.ok, result.message
        assert texts(document) == PUNCTUATED
        count = sum(len(normalize.punctuation_edits(t, "body")) for t in TYPED[1:3] + TYPED[4:5])
        assert any(messages.text("normalized_punctuation", locale, count=count) in result.message
                   for locale in ("zh-CN", "en-US")), result.message
        assert redlines(document) == []  # the document does not record changes
        office.uno_dispatch(document, ".uno:Undo")
        assert texts(document) == TYPED
    finally:
        office.close(document)


def test_a_bold_word_keeps_its_look(office):
    document = office.new_writer()
    try:
        text = document.getText()
        text.setString("各单位要高度重视,认真组织实施.")
        cursor = text.createTextCursor()
        cursor.gotoStart(False)
        cursor.goRight(6, False)
        cursor.goRight(2, True)  # 重视 bold, the comma after it plain
        cursor.CharWeight = cursor.CharWeightAsian = 150.0
        assert office.dispatch(document, FORMAT + "?normalize=punctuation").ok
        assert texts(document) == ["各单位要高度重视，认真组织实施。"]
        portions = body_paragraphs(document)[0].createEnumeration()
        weights = []
        while portions.hasMoreElements():
            portion = portions.nextElement()
            weights.append((portion.getString(), portion.CharWeightAsian))
        assert weights == [("各单位要高度", 100.0), ("重视", 150.0), ("，认真组织实施。", 100.0)]
    finally:
        office.close(document)


def test_a_field_keeps_its_text_and_a_note_its_place(office):
    """An input field showing half-width marks between Chinese stays as it is (the cursor
    counts its start, text and end); the marks after it and after a footnote's label are
    found at their place."""
    document = office.new_writer()
    try:
        text = document.getText()
        field = document.createInstance("com.sun.star.text.TextField.Input")
        field.Content = "甲,乙"
        text.setString("见")
        text.insertTextContent(text.getEnd(), field, False)
        text.insertString(text.getEnd(), ",附件一", False)
        note = document.createInstance("com.sun.star.text.Footnote")
        text.insertTextContent(text.getEnd(), note, False)
        note.getText().setString("注释,不改")
        text.insertString(text.getEnd(), ",详见附件.", False)
        assert without_notes(document) == "见甲,乙,附件一,详见附件."
        assert office.dispatch(document, FORMAT + "?normalize=punctuation").ok
        assert without_notes(document) == "见甲,乙，附件一，详见附件。"
        assert field.Content == "甲,乙"
        assert note.getText().getString() == "注释,不改"
    finally:
        office.close(document)


def without_notes(document) -> str:
    """The first paragraph's text without its footnote labels."""
    portions = body_paragraphs(document)[0].createEnumeration()
    parts = []
    while portions.hasMoreElements():
        portion = portions.nextElement()
        if portion.TextPortionType != "Footnote":
            parts.append(portion.getString())
    return "".join(parts)


def test_track_true_makes_every_edit_a_revision_by_gongwen(office, tmp_path: Path):
    name = profile_name(office)
    untracked = load_lines(office, TYPED, tmp_path)
    try:
        assert office.dispatch(untracked, FORMAT + "?normalize=all").ok
        accepted = texts(untracked)
        assert accepted == ALL
    finally:
        office.close(untracked)
    document = load_lines(office, TYPED, tmp_path)
    try:
        result = office.dispatch(document, FORMAT + "?normalize=all&track=true")
        assert result.ok, result.message
        found = redlines(document)
        assert found and {author for _, author in found} == {normalize.REVISION_AUTHOR}
        assert {kind for kind, _ in found} >= {"Insert", "Delete"}
        assert document.RecordChanges is False  # the document's own setting, kept
        assert profile_name(office) == name  # the user's name is back
        office.uno_dispatch(document, ".uno:AcceptAllTrackedChanges")
        assert texts(document) == accepted
        assert redlines(document) == []
        office.uno_dispatch(document, ".uno:Undo")  # the acceptance
        office.uno_dispatch(document, ".uno:Undo")  # Format: one step
        assert texts(document) == TYPED
        assert redlines(document) == []
    finally:
        office.close(document)
    document = load_lines(office, TYPED, tmp_path)
    try:
        assert office.dispatch(document, FORMAT + "?normalize=all&track=true").ok
        office.uno_dispatch(document, ".uno:RejectAllTrackedChanges")
        assert texts(document) == TYPED
    finally:
        office.close(document)


def test_a_recording_document_gets_revisions_the_layout_none(office, tmp_path: Path):
    document = load_lines(office, TYPED, tmp_path)
    try:
        document.RecordChanges = True
        assert office.dispatch(document, FORMAT + "?normalize=punctuation").ok
        found = redlines(document)
        assert found and {author for _, author in found} == {normalize.REVISION_AUTHOR}
        assert {kind for kind, _ in found} == {"Insert", "Delete"}  # no format changes
        assert document.RecordChanges is True
        office.uno_dispatch(document, ".uno:AcceptAllTrackedChanges")
        assert texts(document) == PUNCTUATED
    finally:
        office.close(document)


def test_cli_revisions_open_in_writer_and_accept_or_reject_to_the_two_texts(office,
                                                                            tmp_path: Path):
    """`format --normalize all --track-changes`: Writer shows the revisions by 公文助手;
    accepting them all gives the --normalize text, rejecting them the input's."""
    source = docx_case.build(tmp_path / "in.docx")
    plain, tracked = tmp_path / "plain.docx", tmp_path / "tracked.docx"
    assert cli.main(["format", str(source), "-o", str(plain), "--normalize", "all"]) == 0
    assert cli.main(["format", str(source), "-o", str(tracked), "--normalize", "all",
                     "--track-changes"]) == 0
    original, normalized = (_writer_texts(office, path) for path in (source, plain))
    assert len(normalized) == len(docx_case.ALL) and normalized != original
    document = office.open(tracked)
    try:
        found = redlines(document)
        assert found and {author for _, author in found} == {normalize.REVISION_AUTHOR}
        office.uno_dispatch(document, ".uno:AcceptAllTrackedChanges")
        assert texts(document) == normalized
    finally:
        office.close(document)
    document = office.open(tracked)
    try:
        office.uno_dispatch(document, ".uno:RejectAllTrackedChanges")
        assert texts(document) == original
    finally:
        office.close(document)


def _writer_texts(office, path: Path) -> List[str]:
    """The paragraphs as Writer reads the file (it shows a DOCPROPERTY field's own value)."""
    document = office.open(path)
    try:
        return texts(document)
    finally:
        office.close(document)


def test_the_layout_is_never_a_revision(office, tmp_path: Path):
    """A recording document formatted without 规范写法: no revision at all (the styles,
    indents and page are what Format is for), and it still records afterwards."""
    name = profile_name(office)
    document = load_lines(office, TYPED, tmp_path)
    try:
        document.RecordChanges = True
        assert office.dispatch(document, FORMAT).ok
        assert redlines(document) == []
        assert texts(document) == TYPED
        assert document.RecordChanges is True
        assert profile_name(office) == name
    finally:
        office.close(document)


def test_a_quote_after_latin_text_is_set_in_the_cjk_font(office, tmp_path: Path):
    """Writer gives ” the script of the letter before it: after OK it would be set in the
    Latin font (measured in the PDF); Format gives it the paragraph's CJK font."""
    document = load_lines(office, ["关于X的通知", '他说"OK",好的--可以.'], tmp_path)
    try:
        assert office.dispatch(document, FORMAT + "?normalize=punctuation").ok
        assert texts(document)[1] == "他说“OK”，好的——可以。"
        portions = body_paragraphs(document)[1].createEnumeration()
        fonts = {}
        while portions.hasMoreElements():
            portion = portions.nextElement()
            for ch in portion.getString():
                fonts[ch] = (portion.CharFontName, portion.CharFontNameAsian)
        latin, cjk = fonts["O"]
        assert latin != cjk
        assert fonts["”"] == (cjk, cjk)  # after OK: given the CJK font
        assert fonts["“"] == (latin, cjk)  # after 说: Writer sets it in the CJK font anyway
    finally:
        office.close(document)
