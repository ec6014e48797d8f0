"""交稿前的提醒 as a user meets it: a visible zh-CN Writer under Xvfb, keys pressed with xdotool.

Ctrl+S on a changed document with placeholders brings up the question (its title and
buttons read back through the toolkit, the screen grabbed); Escape writes nothing and
selects the first placeholder; Alt+S saves. A document without placeholders saves with
no question. Set ``GONGWEN_GUARD_SHOT=FILE.png`` to keep the screenshot (docs/guard.png).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from gongwen import guard, messages

DIALOG_TITLE = messages.text("guard_title", "zh-CN")
SCREEN = (1400, 900)
WAIT_S = 15.0

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool") and shutil.which("import")),
    reason="needs Xvfb, xdotool and ImageMagick (tools/setup.sh installs them)")


class Screen:
    """Xvfb, a visible soffice on it (zh-CN UI, the built .oxt installed), and xdotool."""

    def __init__(self, oxt: Path, workdir: Path) -> None:
        from rig.office import Office
        from rig.xvfb import Xvfb

        self.xvfb = Xvfb(SCREEN).start()
        self.display = self.xvfb.display
        self.env = dict(os.environ, DISPLAY=self.display)
        self.office = Office(oxt, workdir, display=self.display, language="zh_CN")
        self.workdir = workdir

    def start(self) -> Screen:
        try:
            self.office.start()
        except BaseException:
            self.xvfb.stop()
            raise
        return self

    def stop(self) -> None:
        self.office.stop()
        self.xvfb.stop()

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                              text=True, timeout=30).stdout.strip()

    def press(self, document, keys: str) -> None:
        """Keys typed into the document's window, as a user would."""
        name = document.getTitle()
        windows = self.xdotool("search", "--onlyvisible", "--name", f"^{name} ").split()
        assert windows, f"no window for {name}"
        self.xdotool("windowfocus", "--sync", windows[0])
        self.xdotool("key", keys)

    def key(self, keys: str) -> None:
        """Keys typed into whatever has the focus (a modal dialog does)."""
        self.xdotool("key", keys)

    def shot(self, out: Path) -> Path:
        subprocess.run(["import", "-display", self.display, "-window", "root", str(out)],
                       check=True, timeout=60)
        return out

    def dialog(self):
        """The question's window, if one is open now."""
        toolkit = self.office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit",
                                                             self.office.ctx)
        for index in range(toolkit.getTopWindowCount()):
            window = toolkit.getTopWindow(index)
            if hasattr(window, "getTitle") and window.getTitle() == DIALOG_TITLE:
                return window
        return None

    def wait_for(self, condition, seconds: float = WAIT_S):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            time.sleep(0.2)
        return condition()


@pytest.fixture(scope="module")
def screen(oxt, tmp_path_factory):
    instance = Screen(oxt, tmp_path_factory.mktemp("screen")).start()
    yield instance
    instance.stop()


def changed_document(screen: Screen, folder: Path, name: str, text: str):
    """A saved .odt open again in a visible window, then changed (so Save writes)."""
    office = screen.office
    document = office.new_writer()
    document.getText().setString(text)
    path = folder / name
    document.storeToURL(path.as_uri(), office.props(FilterName="writer8"))
    office.close(document)
    document = office._load(path.as_uri(), Hidden=False)
    office.frame(document).getContainerWindow().setPosSize(0, 0, *SCREEN, 15)
    document.getText().getEnd().setString("补充一句。")
    document.getCurrentController().getViewCursor().gotoEnd(False)
    assert document.isModified()
    time.sleep(1.0)  # the window is painted and takes keys
    return document, path


def _labels(window) -> list:
    """The names of the dialog's controls, as assistive technology reads them."""
    context = window.getAccessibleContext()
    return [context.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
            for i in range(context.getAccessibleChildCount())]


def test_save_asks_escape_writes_nothing_and_alt_s_saves(screen, tmp_path):
    document, path = changed_document(screen, tmp_path, "guarded.odt",
                                      "关于XX的报告\n正文第一段。\n时间：20XX年X月\n")
    before = path.read_bytes()
    try:
        screen.press(document, "ctrl+s")
        dialog = screen.wait_for(screen.dialog)
        assert dialog is not None, "Ctrl+S brought up no question"
        labels = _labels(dialog)
        question = guard.question(guard.SAVE, 2, "zh-CN")
        assert question.text in labels
        assert {"查看第一处(V)", "仍然保存(S)"} <= set(labels)
        shot = screen.shot(tmp_path / "guard.png")
        if os.environ.get("GONGWEN_GUARD_SHOT"):
            shutil.copyfile(shot, os.environ["GONGWEN_GUARD_SHOT"])

        screen.key("Escape")
        assert screen.wait_for(lambda: screen.dialog() is None)
        selection = document.getCurrentController().getSelection().getByIndex(0)
        assert selection.getString() == "XX"
        assert document.isModified() and path.read_bytes() == before

        screen.press(document, "ctrl+s")
        assert screen.wait_for(screen.dialog) is not None
        screen.key("alt+s")
        assert screen.wait_for(lambda: not document.isModified())
        assert path.read_bytes() != before
    finally:
        if screen.dialog() is not None:
            screen.key("Escape")
        screen.office.close(document)


def test_save_without_placeholders_asks_nothing(screen, tmp_path):
    document, path = changed_document(screen, tmp_path, "clean.odt",
                                      "关于春季植树的报告\n正文第一段。\n")
    before = path.read_bytes()
    seen = []
    try:
        screen.press(document, "ctrl+s")
        saved = screen.wait_for(lambda: seen.append(screen.dialog() is not None)
                                or not document.isModified())
        assert saved and not any(seen)
        assert path.read_bytes() != before
    finally:
        if screen.dialog() is not None:
            screen.key("Escape")
        screen.office.close(document)


def test_saving_on_close_asks_too_and_escape_keeps_the_document_open(screen, tmp_path):
    """保存 in LibreOffice's 'Save changes?' on close runs .uno:Save, so the guard asks;
    查看第一处 must not let the close go on and lose the changes."""
    document, path = changed_document(screen, tmp_path, "closing.odt", "关于XX的报告\n")
    before = path.read_bytes()
    keeper = screen.office._load("private:factory/swriter", Hidden=False)  # soffice stays up
    try:
        screen.press(document, "ctrl+w")
        time.sleep(2.0)
        prompts = [window for window in screen.xdotool("search", "--onlyvisible", "--name",
                                                       ".").split()
                   if "Writer" not in screen.xdotool("getwindowname", window)]
        assert prompts, "no 'Save changes?' prompt"
        screen.xdotool("windowfocus", "--sync", prompts[-1])
        screen.key("Return")  # its default button: 保存
        assert screen.wait_for(screen.dialog) is not None
        screen.key("Escape")
        assert screen.wait_for(lambda: screen.dialog() is None)
        time.sleep(1.0)
        assert document.isModified() and path.read_bytes() == before  # still open, unsaved
        assert document.getCurrentController().getSelection().getByIndex(0).getString() == "XX"
    finally:
        if screen.dialog() is not None:
            screen.key("Escape")
        screen.office.close(document)
        screen.office.close(keeper)


def _top_window(screen: Screen, title: str):
    toolkit = screen.office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit",
                                                           screen.office.ctx)
    for index in range(toolkit.getTopWindowCount()):
        window = toolkit.getTopWindow(index)
        if hasattr(window, "getTitle") and window.getTitle() == title:
            return window
    return None


def _accessible_states(window) -> dict:
    """Every radio button and check box of ``window``: its name -> checked."""
    from com.sun.star.accessibility.AccessibleRole import CHECK_BOX, RADIO_BUTTON
    from com.sun.star.accessibility.AccessibleStateType import CHECKED

    found = {}
    pending = [window.getAccessibleContext()]
    while pending:
        context = pending.pop()
        if context.getAccessibleRole() in (RADIO_BUTTON, CHECK_BOX):
            states = context.getAccessibleStateSet()
            found[context.getAccessibleName()] = states.contains(CHECKED)
        for index in range(context.getAccessibleChildCount()):
            child = context.getAccessibleChild(index)
            if child is not None:
                pending.append(child.getAccessibleContext())
    return found


def test_print_anyway_after_view_first_prints_the_whole_document(screen, tmp_path):
    """查看第一处 (Escape) selects the first ``XX``; 仍然打印 must then open LibreOffice's
    print dialog on 全部页面, not on 选中内容 (it printed one yellow X)."""
    document, _ = changed_document(screen, tmp_path, "printing.odt",
                                   "关于XX的报告\n正文第一段。\n时间：20XX年X月\n")
    try:
        screen.press(document, "ctrl+p")
        assert screen.wait_for(screen.dialog) is not None, "Ctrl+P brought up no question"
        screen.key("Escape")
        assert screen.wait_for(lambda: screen.dialog() is None)
        selection = document.getCurrentController().getSelection().getByIndex(0)
        assert selection.getString() == "XX"

        screen.press(document, "ctrl+p")
        assert screen.wait_for(screen.dialog) is not None
        screen.key("alt+p")  # 仍然打印(P)
        printing = screen.wait_for(lambda: _top_window(screen, "打印"))
        assert printing is not None, "仍然打印 opened no print dialog"
        time.sleep(1.0)
        shot = screen.shot(tmp_path / "print.png")
        if os.environ.get("GONGWEN_PRINT_SHOT"):
            shutil.copyfile(shot, os.environ["GONGWEN_PRINT_SHOT"])
        states = _accessible_states(printing)
        chosen = [name for name, checked in states.items() if checked]
        assert any(name.startswith(("所有页面", "全部页面")) for name in chosen), states
        assert not any(name.startswith("选中内容") for name in chosen), states
        selection = document.getCurrentController().getSelection().getByIndex(0)
        assert selection.getString() == ""  # the cursor at the placeholder, nothing selected
    finally:
        for _ in range(3):
            if _top_window(screen, "打印") is None and screen.dialog() is None:
                break
            screen.key("Escape")
            time.sleep(0.5)
        screen.office.close(document)


def test_commands_report_in_an_infobar_not_a_modal_box(screen, tmp_path):
    """检查占位符, 一键公文格式, 清除占位符标记: no modal box (a visible soffice with dialogs
    allowed would wait for a click here); the status bar and one non-modal infobar with
    查看第一处 / 撤销; the Result a script reads is unchanged (issue 19)."""
    document, _ = changed_document(screen, tmp_path, "reports.odt",
                                   "关于XX的报告\n县人民政府：\n现将有关情况报告如下。\n")
    office = screen.office
    controller = document.getCurrentController()
    try:
        assert not controller.hasInfobar("gongwen")
        checked = office.dispatch(document, "vnd.gongwen:CheckPlaceholders")
        assert checked == (True, messages.text("placeholder_found", "zh-CN", count=1))
        assert controller.hasInfobar("gongwen") and screen.dialog() is None
        formatted = office.dispatch(document, "vnd.gongwen:Format")
        assert formatted.ok and controller.hasInfobar("gongwen")
        time.sleep(1.0)
        shot = screen.shot(tmp_path / "infobar.png")
        if os.environ.get("GONGWEN_INFOBAR_SHOT"):
            shutil.copyfile(shot, os.environ["GONGWEN_INFOBAR_SHOT"])
        # no other top window (a message box) came up
        toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
        titles = [toolkit.getTopWindow(i).getTitle() for i in range(toolkit.getTopWindowCount())
                  if hasattr(toolkit.getTopWindow(i), "getTitle")]
        assert DIALOG_TITLE not in titles, titles
        cleared = office.dispatch(document, "vnd.gongwen:ClearPlaceholderMarks")
        assert cleared.ok and controller.hasInfobar("gongwen")
        controller.removeInfobar("gongwen")  # the user closes it
        assert not controller.hasInfobar("gongwen")
    finally:
        office.close(document)


def _post(office, work) -> None:
    """``work`` on soffice's main thread, not waited for (it opens modal dialogs)."""
    from rig.office import _MainThreadCall

    office.smgr.createInstanceWithContext("com.sun.star.awt.AsyncCallback", office.ctx) \
        .addCallback(_MainThreadCall(work), None)


def test_export_anyway_after_view_first_exports_the_whole_document(screen, tmp_path):
    """The same for 文件 > 导出为 PDF: after 查看第一处, 仍然导出 opens the PDF options on
    全部 (范围), not on 当前选择."""
    document, _ = changed_document(screen, tmp_path, "exporting.odt",
                                   "关于XX的报告\n正文第一段。\n时间：20XX年X月\n")
    office = screen.office
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                   office.ctx)
    frame = office.frame(document)
    try:
        _post(office, lambda: helper.executeDispatch(frame, ".uno:ExportToPDF", "", 0, ()))
        assert screen.wait_for(screen.dialog) is not None, "Export brought up no question"
        screen.key("Escape")
        assert screen.wait_for(lambda: screen.dialog() is None)
        assert document.getCurrentController().getSelection().getByIndex(0).getString() == "XX"

        _post(office, lambda: helper.executeDispatch(frame, ".uno:ExportToPDF", "", 0, ()))
        assert screen.wait_for(screen.dialog) is not None
        screen.key("alt+e")  # 仍然导出(E)
        options = screen.wait_for(lambda: _top_window(screen, "PDF 选项"))
        assert options is not None, "仍然导出 opened no PDF options"
        time.sleep(1.0)
        states = _accessible_states(options)
        chosen = [name for name, checked in states.items() if checked]
        assert any(name.startswith("全部") for name in chosen), states
        assert not any(name.startswith("当前选择") for name in chosen), states
    finally:
        for _ in range(4):
            if _top_window(screen, "PDF 选项") is None and screen.dialog() is None:
                break
            screen.key("Escape")
            time.sleep(0.5)
        office.close(document)


def _print_dialog_states(screen, document, keys_after_question: str = "") -> dict:
    screen.press(document, "ctrl+p")
    if keys_after_question:
        assert screen.wait_for(screen.dialog) is not None, "Ctrl+P brought up no question"
        screen.key(keys_after_question)
    printing = screen.wait_for(lambda: _top_window(screen, "打印"))
    assert printing is not None, "no print dialog"
    time.sleep(1.0)
    return _accessible_states(printing)


def _close_dialogs(screen) -> None:
    for _ in range(3):
        if _top_window(screen, "打印") is None and screen.dialog() is None:
            break
        screen.key("Escape")
        time.sleep(0.5)


def _select_first_paragraph(document) -> None:
    paragraph = document.getText().createEnumeration().nextElement()
    document.getCurrentController().select(paragraph)


@pytest.mark.parametrize("text, asked, selection_printed", [
    ("关于XX的报告\n正文第一段。\n", True, False),     # 仍然打印: whatever the selection
    ("关于春季植树的报告\n正文第一段。\n", False, True),  # no question: the user's selection
])
def test_a_selection_the_user_made(screen, tmp_path, text, asked, selection_printed):
    document, _ = changed_document(screen, tmp_path, "own-selection.odt", text)
    try:
        _select_first_paragraph(document)
        states = _print_dialog_states(screen, document, "alt+p" if asked else "")
        chosen = [name for name, checked in states.items() if checked]
        assert any(name.startswith("选中内容") for name in chosen) == selection_printed, states
    finally:
        _close_dialogs(screen)
        screen.office.close(document)
