"""The installed extension in real soffice: the toolbar is shown (not only docked) in a new Writer
window, every command (not only Format) is refused cleanly on a Calc document, and the
extension lives in the throwaway user profile only, never in LibreOffice's shared one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gongwen import messages
from gongwen.writer.commands import COMMANDS

TOOLBAR = "private:resource/toolbar/addon_org.gongwen.writer.toolbar"


def test_toolbar_is_visible_and_docked_in_a_new_writer_window(office):
    """A window the user sees (not Hidden, as the other tests' documents are)."""
    document = office._load("private:factory/swriter", Hidden=False)
    try:
        layout = office.frame(document).LayoutManager
        # A shown window gets its toolbars from the layout manager a moment later.
        deadline = time.monotonic() + 15
        while not layout.isElementVisible(TOOLBAR) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert layout.isElementVisible(TOOLBAR)
        assert layout.isElementDocked(TOOLBAR)
    finally:
        office.close(document)


def test_window_state_default_is_read_by_writer(office):
    states = office.config("/org.openoffice.Office.UI.WriterWindowState/UIElements/States")
    state = states.getByName(TOOLBAR)
    assert state.getByName("Visible") is True and state.getByName("Docked") is True


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_refused_on_calc_and_changes_nothing(office, command):
    document = office.new_calc()
    try:
        cell = document.getSheets().getByIndex(0).getCellByPosition(0, 0)
        cell.setString("XX县XX局")
        document.setModified(False)
        result = office.dispatch(document, f"vnd.gongwen:{command}?type=personal")
        assert not result.ok
        assert result.message in {messages.text("not_text_document", locale)
                                  for locale in ("zh-CN", "en-US")}
        assert cell.getString() == "XX县XX局"
        assert not document.isModified()
        assert office.is_alive()
    finally:
        office.close(document)


def test_installed_for_this_profile_only(office):
    manager = office.extension_manager()
    from rig.office import _CommandEnv

    for repository in ("shared", "bundled"):
        deployed = manager.getDeployedExtensions(repository, manager.createAbortChannel(),
                                                 _CommandEnv())
        assert "org.gongwen.writer" not in [p.getIdentifier().Value for p in deployed]
    assert "org.gongwen.writer" in office.installed_extension_ids()
    assert Path(office.profile).is_relative_to(office.workdir)
