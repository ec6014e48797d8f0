"""The infobar that offers 撤销 goes when its step is undone (gongwen.writer.undowatch): a
visible zh-CN Writer under Xvfb, keys pressed with xdotool as a user does.

Set ``GONGWEN_INFOBAR_UNDO_SHOT=DIR`` to keep the screenshots (before and after Ctrl+Z).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from tests.integration import test_guard_visible
from tests.integration.test_guard_visible import Screen, changed_document

pytestmark = test_guard_visible.pytestmark

INFOBAR = "gongwen"
TEXT = "关于XX的报告\n县人民政府：\n现将有关情况报告如下。\n"
# The infobar goes a moment after the undo (handed to the main loop): this long at most.
GONE_WITHIN_S = 5.0


@pytest.fixture(scope="module")
def screen(oxt, tmp_path_factory):
    instance = Screen(oxt, tmp_path_factory.mktemp("screen")).start()
    yield instance
    instance.stop()


def _shown(document) -> bool:
    return bool(document.getCurrentController().hasInfobar(INFOBAR))


def _gone(screen: Screen, document) -> bool:
    return bool(screen.wait_for(lambda: not _shown(document), GONE_WITHIN_S))


def _formatted(screen: Screen, tmp_path: Path, name: str):
    document, _ = changed_document(screen, tmp_path, name, TEXT)
    result = screen.office.dispatch(document, "vnd.gongwen:Format")
    assert result.ok and _shown(document), result
    return document


def _keep(shot: Path) -> None:
    folder = os.environ.get("GONGWEN_INFOBAR_UNDO_SHOT")
    if folder:
        shutil.copyfile(shot, Path(folder) / shot.name)


def test_ctrl_z_takes_the_format_report_away(screen, tmp_path):
    document = _formatted(screen, tmp_path, "ctrl-z.odt")
    try:
        time.sleep(1.0)
        _keep(screen.shot(tmp_path / "infobar-before-undo.png"))
        screen.press(document, "ctrl+z")
        assert _gone(screen, document)
        assert document.getUndoManager().getCurrentRedoActionTitle() == "公文排版"
        time.sleep(1.0)
        _keep(screen.shot(tmp_path / "infobar-after-undo.png"))
        screen.press(document, "ctrl+y")  # Redo formats again; the report needs not return
        time.sleep(1.0)
        assert document.getUndoManager().getCurrentUndoActionTitle() == "公文排版"
    finally:
        screen.office.close(document)


def test_undoing_what_was_typed_after_keeps_the_report(screen, tmp_path):
    """Typing after 一键公文格式 is a step of its own: Ctrl+Z takes that back first and the
    report stays; the next Ctrl+Z undoes the formatting and the report goes."""
    document = _formatted(screen, tmp_path, "typed.odt")
    try:
        screen.press(document, "ctrl+End")
        screen.press(document, "a")
        screen.press(document, "b")
        screen.press(document, "Return")  # 输入 and 新增段落: two steps
        time.sleep(0.5)
        screen.press(document, "ctrl+z")
        screen.press(document, "ctrl+z")
        time.sleep(1.0)
        assert _shown(document)
        screen.press(document, "ctrl+z")
        assert _gone(screen, document)
    finally:
        screen.office.close(document)


def test_the_infobar_s_own_undo_and_a_script_s_undo_take_it_away(screen, tmp_path):
    """撤销 runs .uno:Undo on the main thread; a script's XUndoManager.undo() arrives on a
    bridge thread, where the listener only hands the removal to the main thread."""
    document = _formatted(screen, tmp_path, "button.odt")
    try:
        screen.office.uno_dispatch(document, ".uno:Undo")  # what 撤销 dispatches
        assert _gone(screen, document)
        assert screen.office.dispatch(document, "vnd.gongwen:Format").ok and _shown(document)
        document.getUndoManager().undo()  # from this process, over the bridge
        assert _gone(screen, document)
    finally:
        screen.office.close(document)


def test_a_replaced_report_stops_watching_its_step(screen, tmp_path):
    """A second report replaces the first and its listener: undoing the first step later
    leaves the report then shown (检查占位符's, which offers no 撤销) alone."""
    document = _formatted(screen, tmp_path, "replaced.odt")
    office = screen.office
    try:
        document.getText().getEnd().setString("再补充XX。")  # a step between the two
        assert office.dispatch(document, "vnd.gongwen:Format").ok and _shown(document)
        screen.press(document, "ctrl+z")  # the second 一键公文格式
        assert _gone(screen, document)
        assert office.dispatch(document, "vnd.gongwen:CheckPlaceholders").ok
        assert _shown(document)
        titles = list(document.getUndoManager().getAllUndoActionTitles())  # the top first
        for _ in range(titles.index("公文排版") + 1):  # down to the first 一键公文格式
            screen.press(document, "ctrl+z")
        time.sleep(GONE_WITHIN_S)
        assert document.getUndoManager().getCurrentRedoActionTitle() == "公文排版"
        assert _shown(document)  # no listener of the first report was left to remove it
    finally:
        office.close(document)
