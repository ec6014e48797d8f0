"""边写边查 in a real soffice: the registered grammar checker, called the ways Writer calls it.

``checkSentenceAtPosition`` of LibreOffice's ProofreadingIterator is what Writer's context
menu uses: it finds the checker configured for the paragraph's language (Linguistic.xcu)
and calls its ``doProofreading`` with the flat paragraph's text, as the background checking
does. The marks themselves are drawn by Writer (screenshots: docs/proofing-*.png).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import uno  # noqa: F401  (pyuno's import hook: the com.sun.star modules)
from com.sun.star.lang import Locale

from gongwen import proofing

SERVICE = "com.sun.star.linguistic2.Proofreader"
IMPLEMENTATION = "org.gongwen.writer.Proofreader"
SETTINGS = "/org.gongwen.writer.Settings/Proofing"
TOGGLE = "vnd.gongwen:ToggleProofreading"
PROOFREADING = 2  # com.sun.star.text.TextMarkupType
PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter
ZH_CN = Locale("zh", "CN", "")
EN_US = Locale("en", "US", "")
DONE_WHEN = "请于2025年3月10日前报送XX材料,联系人:王五."
PARAGRAPHS = [DONE_WHEN, "(一)加强学习", "1、读原著", "2021.12.31", "😀𠀀请报送XX材料,谢谢",
              "全年完成任务，效果良好。"]


def iterator(office):
    return office.smgr.createInstanceWithContext(
        "com.sun.star.linguistic2.ProofreadingIterator", office.ctx)


def flat_paragraphs(document):
    paragraphs = document.getFlatParagraphIterator(PROOFREADING, False)
    paragraph = paragraphs.getFirstPara()
    while paragraph is not None:
        yield paragraph
        paragraph = paragraphs.getNextPara()


def check(office, document, paragraph):
    """What Writer's checking gets for one paragraph: (start, length, code, suggestions)."""
    text = paragraph.getText()
    result = iterator(office).checkSentenceAtPosition(
        document, paragraph, text, Locale(), 0, proofing.utf16_length(text), -1)
    return [(e.nErrorStart, e.nErrorLength, e.aRuleIdentifier, tuple(e.aSuggestions))
            for e in result.aErrors]


def expected(text: str):
    findings = proofing.proofread(text)
    return [(start, length, f.code, f.suggestions)
            for f, (start, length) in zip(findings, proofing.utf16_ranges(text, findings))]


def enabled(office) -> bool:
    return bool(office.config(SETTINGS).Enabled)


@pytest.fixture
def proofing_on(office):
    """The switch on before and after the test."""
    def switch_on():
        if not enabled(office):
            document = office.new_writer()
            office.dispatch(document, TOGGLE)
            office.close(document)
        assert enabled(office)

    switch_on()
    yield
    switch_on()


@pytest.fixture
def typed(office, proofing_on):
    """A Writer document holding PARAGRAPHS, saved state (not modified), undo emptied."""
    document = office.new_writer()
    text = document.getText()
    for index, paragraph in enumerate(PARAGRAPHS):
        if index:
            text.insertControlCharacter(text.getEnd(), PARAGRAPH_BREAK, False)
        text.insertString(text.getEnd(), paragraph, False)
    document.getUndoManager().clear()
    document.setModified(False)
    yield document
    office.close(document)


def test_the_checker_is_registered_and_configured_for_zh_cn(office):
    manager = office.smgr.createInstanceWithContext(
        "com.sun.star.linguistic2.LinguServiceManager", office.ctx)
    assert IMPLEMENTATION in manager.getAvailableServices(SERVICE, ZH_CN)
    # configured (active) on installation: what 写作辅助 shows ticked
    assert IMPLEMENTATION in manager.getConfiguredServices(SERVICE, ZH_CN)
    checker = office.smgr.createInstanceWithContext(IMPLEMENTATION, office.ctx)
    assert checker.supportsService(SERVICE) and checker.hasLocale(ZH_CN)
    assert not checker.hasLocale(Locale("de", "DE", ""))
    assert checker.getServiceDisplayName(ZH_CN) == "公文助手（边写边查）"
    assert not checker.isSpellChecker()


def test_writer_gets_the_findings_of_the_core_for_every_paragraph(office, typed):
    paragraphs = list(flat_paragraphs(typed))
    assert [p.getText() for p in paragraphs] == PARAGRAPHS
    for paragraph in paragraphs:
        assert check(office, typed, paragraph) == expected(paragraph.getText())
    first = check(office, typed, paragraphs[0])
    assert [(start, length) for start, length, _, _ in first] == [(15, 2), (19, 1), (23, 1),
                                                                   (26, 1)]
    assert [s for _, _, _, s in first] == [(), ("，",), ("：",), ("。",)]
    # after 😀𠀀 (two UTF-16 units each) the offsets are Writer's, not Python's
    assert check(office, typed, paragraphs[4]) == [(7, 2, "placeholder", ()),
                                                   (11, 1, "punctuation", ("，",))]
    # a paragraph that starts with a digit or a bracket is still Chinese to Writer
    assert check(office, typed, paragraphs[1]) == [(0, 3, "numbering", ("（一）",))]
    assert check(office, typed, paragraphs[3]) == [(0, 10, "date", ("2021年12月31日",))]
    # marks only: the document is neither modified nor given an undo step
    assert not typed.isModified()
    assert typed.getUndoManager().getAllUndoActionTitles() == ()


def test_the_result_carries_the_comments_and_the_whole_paragraph_as_one_sentence(office):
    checker = office.smgr.createInstanceWithContext(IMPLEMENTATION, office.ctx)
    result = checker.doProofreading("1", DONE_WHEN, ZH_CN, 0, 10, ())
    assert (result.nStartOfSentencePosition, result.nBehindEndOfSentencePosition,
            result.nStartOfNextSentencePosition) == (0, len(DONE_WHEN), len(DONE_WHEN))
    error = result.aErrors[1]
    assert error.nErrorType == PROOFREADING
    assert error.aRuleIdentifier == "punctuation"
    assert error.aShortComment == "中文句中用了半角标点“,”，改为全角“，”。"
    assert "GB/T 15834" in error.aFullComment
    # a later start (another checker took the first sentence): what lies from there on
    later = checker.doProofreading("1", DONE_WHEN, ZH_CN, 20, 25, ())
    assert [(e.nErrorStart, e.aRuleIdentifier) for e in later.aErrors] == [
        (23, "punctuation"), (26, "punctuation")]
    assert (later.nStartOfSentencePosition, later.nBehindEndOfSentencePosition) == (
        20, len(DONE_WHEN))


def test_western_first_characters_still_reach_it_but_english_text_gets_nothing(office):
    """Writer gives "(一)…" the language of "(" (en-US here, measured), so the checker is
    en-US's too; without Chinese characters it marks only placeholders and date lines."""
    manager = office.smgr.createInstanceWithContext(
        "com.sun.star.linguistic2.LinguServiceManager", office.ctx)
    assert IMPLEMENTATION in manager.getConfiguredServices(SERVICE, EN_US)
    checker = office.smgr.createInstanceWithContext(IMPLEMENTATION, office.ctx)
    english = "(1) Please send the report by Friday,thanks. Ask X-ray for v2.0 of x86."
    assert checker.doProofreading("1", english, EN_US, 0, len(english), ()).aErrors == ()
    # what 检查占位符 counts there all the same: a template field, a lone XXXX
    for blank in ("{{ date }}", "XXXX"):
        errors = checker.doProofreading("1", blank, EN_US, 0, len(blank), ()).aErrors
        assert [e.aRuleIdentifier for e in errors] == ["placeholder"]
    chinese = checker.doProofreading("1", "(一)加强学习", EN_US, 0, 7, ()).aErrors
    assert [e.aRuleIdentifier for e in chinese] == ["numbering"]


def test_ignore_all_drops_a_rule_until_reset(office):
    checker = office.smgr.createInstanceWithContext(IMPLEMENTATION, office.ctx)
    codes = lambda: [e.aRuleIdentifier for e in  # noqa: E731
                     checker.doProofreading("1", DONE_WHEN, ZH_CN, 0, 10, ()).aErrors]
    checker.ignoreRule("punctuation", ZH_CN)
    assert codes() == ["placeholder"]
    checker.resetIgnoreRules()
    assert codes() == ["placeholder", "punctuation", "punctuation", "punctuation"]


def test_the_switch_turns_the_marks_off_and_on_and_is_remembered(office, typed):
    paragraph = next(flat_paragraphs(typed))
    assert check(office, typed, paragraph)
    result = office.dispatch(typed, TOGGLE)
    assert result.ok
    assert not enabled(office)  # written to the user's configuration
    assert check(office, typed, paragraph) == []
    office.dispatch(typed, TOGGLE)
    assert enabled(office)
    assert check(office, typed, paragraph) == expected(DONE_WHEN)
    assert not typed.isModified()


def _samples(samples_dir: Path):
    return sorted(samples_dir.glob("*.txt"))


def test_every_placeholder_check_placeholders_counts_in_the_samples_is_marked(
        office, samples_dir, proofing_on):
    """The sample reports and the templates of ``new`` (docxtpl fields, a lone XXXX)."""
    from gongwen.writer import placeholders

    templates = Path(__file__).resolve().parents[2] / "pythonpath" / "gongwen" / "templates"
    paths = _samples(samples_dir) + sorted(templates.glob("*.docx"))
    assert paths
    for path in paths:
        document = office.load_text(path) if path.suffix == ".txt" else office.open(path)
        try:
            counted = len(placeholders.find_all(document))
            marked = sum(1 for paragraph in flat_paragraphs(document)
                         for _, _, code, _ in check(office, document, paragraph)
                         if code == "placeholder")
            assert marked == counted > 0, path.name
            assert not document.isModified()
        finally:
            office.close(document)
