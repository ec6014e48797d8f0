"""交稿前的提醒 in a real soffice: the guard on Save, Export and Print, its switch, and the
switch remembered across a restart.

Headless, a dialog's ``execute()`` returns at once as 0, which is 查看第一处 (what Escape
does): so a guarded command on a *visible* document with placeholders is cancelled and the
first placeholder selected, and nothing is written. Hidden documents are never asked about
(a script saving them has no one to answer). The dialog itself, Escape and Alt+S are
tested under Xvfb in ``test_guard_visible.py``.
"""

from __future__ import annotations

import pytest
import uno
import unohelper
from com.sun.star.frame import XStatusListener

from gongwen import placeholders as core

TEXT = "关于XX的报告\n正文第一段。\n时间：20XX年X月\n"
CLEAN = "关于春季植树的报告\n正文第一段。\n"
SETTINGS = "/org.gongwen.writer.Settings/Guard"
TOGGLE = "vnd.gongwen:TogglePlaceholderGuard"


def saved_document(office, folder, text: str, hidden: bool = False):
    """A document saved as .odt, open again, then changed (so Save has work to do)."""
    document = office.new_writer()
    document.getText().setString(text)
    path = folder / "doc.odt"
    document.storeToURL(path.as_uri(), office.props(FilterName="writer8"))
    office.close(document)
    document = office._load(path.as_uri(), Hidden=hidden)
    document.getText().getEnd().setString("补充一句。")
    assert document.isModified()
    return document, path


def selected_text(document) -> str:
    return document.getCurrentController().getSelection().getByIndex(0).getString()


def guard_enabled(office) -> bool:
    return bool(office.config(SETTINGS).Enabled)


@pytest.fixture
def guard_on(office):
    """The switch on before and after the test, whatever the test did with it."""
    def switch_on():
        if not guard_enabled(office):
            document = office.new_writer()
            office.dispatch(document, TOGGLE)
            office.close(document)
        assert guard_enabled(office)

    switch_on()
    yield
    switch_on()


@pytest.fixture
def opened(office):
    documents = []
    yield documents
    for document in documents:
        office.close(document)


def test_save_with_placeholders_is_stopped_at_the_first_one(office, tmp_path, guard_on, opened):
    document, path = saved_document(office, tmp_path, TEXT)
    opened.append(document)
    before = path.read_bytes()
    document.getCurrentController().getViewCursor().gotoEnd(False)
    office.uno_dispatch(document, ".uno:Save")
    assert document.isModified() and path.read_bytes() == before
    assert selected_text(document) == core.find_placeholders("关于XX的报告")[0].text == "XX"


@pytest.mark.parametrize("command", [".uno:SaveAs", ".uno:SaveACopy", ".uno:ExportToPDF",
                                     ".uno:ExportDirectToPDF", ".uno:ExportTo",
                                     ".uno:Print", ".uno:PrintDefault"])
def test_every_guarded_command_is_stopped(office, tmp_path, guard_on, opened, command):
    document, _ = saved_document(office, tmp_path, TEXT)
    opened.append(document)
    document.getCurrentController().getViewCursor().gotoEnd(False)
    office.uno_dispatch(document, command)
    assert selected_text(document) == "XX"


def test_save_without_placeholders_goes_ahead(office, tmp_path, guard_on, opened):
    document, path = saved_document(office, tmp_path, CLEAN)
    opened.append(document)
    before = path.read_bytes()
    office.uno_dispatch(document, ".uno:Save")
    assert not document.isModified() and path.read_bytes() != before


def test_a_hidden_document_is_saved_without_a_question(office, tmp_path, guard_on, opened):
    document, path = saved_document(office, tmp_path, TEXT, hidden=True)
    opened.append(document)
    office.uno_dispatch(document, ".uno:Save")
    assert not document.isModified()


class _Checkmark(unohelper.Base, XStatusListener):
    def __init__(self):
        self.states = []

    def statusChanged(self, event):
        self.states.append(event.State)

    def disposing(self, event):
        pass


def test_the_menu_entry_shows_the_state_and_switching_off_lets_save_through(
        office, tmp_path, guard_on, opened):
    document, path = saved_document(office, tmp_path, TEXT)
    opened.append(document)
    url = uno.createUnoStruct("com.sun.star.util.URL")
    url.Complete = TOGGLE
    dispatch = office.frame(document).queryDispatch(url, "", 0)
    checkmark = _Checkmark()
    # On the main thread, as the menu bar asks (off it, the state comes a moment later).
    office.on_main_thread(lambda: dispatch.addStatusListener(checkmark, url))
    assert checkmark.states == [True]

    assert office.dispatch(document, TOGGLE).ok
    assert checkmark.states == [True, False]  # the menu is told at once
    assert not guard_enabled(office)
    office.uno_dispatch(document, ".uno:Save")
    assert not document.isModified()
    dispatch.removeStatusListener(checkmark, url)


def test_switched_off_is_remembered_across_a_restart(office, tmp_path, guard_on, opened):
    document = office.new_writer()
    office.dispatch(document, TOGGLE)
    office.close(document)
    assert not guard_enabled(office)
    office.stop()
    office._launch()  # the same profile
    assert not guard_enabled(office)
    document, _ = saved_document(office, tmp_path, TEXT)
    opened.append(document)
    office.uno_dispatch(document, ".uno:Save")
    assert not document.isModified()
