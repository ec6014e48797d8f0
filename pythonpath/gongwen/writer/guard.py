"""Writer side of 交稿前的提醒: ask before Save, Export or Print while placeholders are left.

A dispatch-provider interceptor sits on every Writer frame (put there by the job in
``gongwen_handler.py`` on OnViewCreated/OnNew/OnLoad, and by the ProtocolHandler when a
frame's toolbar first asks it for a command; each also sweeps the desktop's other frames,
for documents that were open before the extension was installed). For the commands
``gongwen.guard`` names it hands out a dispatch that first counts the placeholders
(``placeholders.find_all``, the same search as 检查占位符) and, if any are left, asks; the
real dispatch runs only on 仍然保存/导出/打印. Every other URL goes straight on to the
frame's own provider.

Whatever goes wrong inside the guard, the command runs: the guard never stands between a
user and their file because of its own bug.

The on/off switch is ``/org.gongwen.writer.Settings/Guard/Enabled`` (extension/Settings.xcs),
written to the user's profile; ``vnd.gongwen:TogglePlaceholderGuard`` flips it.
"""

from __future__ import annotations

import sys
import traceback
from typing import List

import unohelper
from com.sun.star.frame import XDispatchProviderInterceptor, XInterceptorInfo, XNotifyingDispatch
from com.sun.star.lang import XEventListener

from gongwen import guard as decide
from gongwen import messages
from gongwen.writer import mainthread, placeholders, ui
from gongwen.writer.commands import TEXT_DOCUMENT, Invocation, Outcome

SETTINGS = "/org.gongwen.writer.Settings/Guard"
ENABLED = "Enabled"

# Dialog layout in AppFont units (a quarter of a character wide, an eighth high).
WIDTH, HEIGHT, MARGIN = 210, 48, 8
BUTTON_WIDTH, BUTTON_HEIGHT = 64, 15
_OK, _CANCEL = 1, 2  # com.sun.star.awt.PushButtonType
_POS = 3  # com.sun.star.awt.PosSize.POS


# ---- the switch ----------------------------------------------------------------

def is_enabled(ctx) -> bool:
    """The user's setting; on when it cannot be read (the schema's default)."""
    try:
        return bool(ui.configuration(ctx, SETTINGS).getPropertyValue(ENABLED))
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return True


def set_enabled(ctx, enabled: bool) -> None:
    node = ui.configuration(ctx, SETTINGS, update=True)
    node.setPropertyValue(ENABLED, bool(enabled))
    node.commitChanges()
    ui.flush_configuration(ctx)


def toggle_placeholder_guard(invocation: Invocation) -> Outcome:
    enabled = not is_enabled(invocation.ctx)
    set_enabled(invocation.ctx, enabled)
    ui.set_status(invocation.frame, messages.text(
        "guard_switched_on" if enabled else "guard_switched_off", invocation.locale))
    return Outcome(True, "")


def placeholder_guard_state(ctx) -> bool:
    """The menu entry's check mark."""
    return is_enabled(ctx)


# ---- putting the interceptor on frames ------------------------------------------

_installed: List[Interceptor] = []  # one per frame, dropped when the frame goes


def install(ctx, frame) -> bool:
    """Puts the guard on ``frame`` if it shows a Writer document and has none yet."""
    if frame is None or any(interceptor.frame == frame for interceptor in _installed):
        return False
    controller = frame.getController()
    model = controller.getModel() if controller is not None else None
    if model is None or not model.supportsService(TEXT_DOCUMENT):
        return False
    interceptor = Interceptor(ctx, frame)
    frame.registerDispatchProviderInterceptor(interceptor)
    frame.addEventListener(interceptor)
    _installed.append(interceptor)
    return True


def frame_of_job(arguments):
    """What a job's ``execute`` arguments name: the event's frame, else its model (read
    from the values alone: the job may run off the main thread)."""
    environment = _named(arguments, "Environment") or ()
    return _named(environment, "Frame") or _named(environment, "Model")


def install_with_sweep(ctx, target) -> None:
    """Guards ``target`` (a frame, or a model: its frame), then every other Writer frame
    still without the guard. Main thread only (``mainthread.later``)."""
    frame = target
    if target is not None and not hasattr(target, "getContainerWindow"):
        controller = target.getCurrentController()
        frame = controller.getFrame() if controller is not None else None
    install(ctx, frame)
    install_everywhere(ctx)


def install_everywhere(ctx) -> None:
    """Every open Writer frame gets the guard: documents that were open when the extension
    was installed get no event of their own, so the next event or command sweeps them in."""
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    frames = desktop.getFrames()
    for index in range(frames.getCount()):
        install(ctx, frames.getByIndex(index))


def _named(values, name: str):
    return next((value.Value for value in values if value.Name == name), None)


class Interceptor(unohelper.Base, XDispatchProviderInterceptor, XInterceptorInfo,
                  XEventListener):
    """Hands out a guarded dispatch for the guarded commands, passes on everything else."""

    def __init__(self, ctx, frame) -> None:
        self.ctx = ctx
        self.frame = frame
        self.slave = None
        self.master = None

    # XInterceptorInfo: the frame asks us only about these URLs.
    def getInterceptedURLs(self):
        return tuple(pattern for command in decide.GUARDED_COMMANDS
                     for pattern in (command, command + "?*"))

    # XDispatchProvider. Asked on the main thread by menus and toolbars, and on a bridge
    # thread by a script's dispatch: the frame's own provider is asked on the main thread
    # (pyuno keeps the GIL across that call, which waits for the SolarMutex).
    def queryDispatch(self, url, target_frame_name, search_flags):
        return mainthread.call(self.ctx, lambda: self._query(url, target_frame_name,
                                                             search_flags))

    def _query(self, url, target_frame_name, search_flags):
        if self.slave is None:
            return None
        real = self.slave.queryDispatch(url, target_frame_name, search_flags)
        action = decide.action_for(url.Complete)
        if real is None or action is None:
            return real
        return GuardedDispatch(self.ctx, self.frame, real, action)

    def queryDispatches(self, requests):
        return tuple(self.queryDispatch(r.FeatureURL, r.FrameName, r.SearchFlags)
                     for r in requests)

    # XDispatchProviderInterceptor
    def getSlaveDispatchProvider(self):
        return self.slave

    def setSlaveDispatchProvider(self, provider) -> None:
        self.slave = provider

    def getMasterDispatchProvider(self):
        return self.master

    def setMasterDispatchProvider(self, provider) -> None:
        self.master = provider

    # XEventListener: the frame is closing.
    def disposing(self, event) -> None:
        if self in _installed:
            _installed.remove(self)
        _viewed.pop(id(self.frame), None)
        self.slave = self.master = self.frame = None


class GuardedDispatch(unohelper.Base, XNotifyingDispatch):
    """The real dispatch of a guarded command, run only when the user lets it."""

    def __init__(self, ctx, frame, real, action: str) -> None:
        self.ctx = ctx
        self.frame = frame
        self.real = real
        self.action = action

    # A script's Save over a UNO bridge arrives on a bridge thread: the question (which
    # reads the document and may show a dialog) and the real command run on the main one.
    def dispatch(self, url, arguments) -> None:
        mainthread.call(self.ctx, lambda: self._dispatch(url, arguments, None))

    def dispatchWithNotification(self, url, arguments, listener) -> None:
        mainthread.call(self.ctx, lambda: self._dispatch(url, arguments, listener))

    def _dispatch(self, url, arguments, listener) -> None:
        if not _may_go_ahead(self.ctx, self.frame, self.action):
            _finished(self, listener, ok=False)
            return
        if self.action != decide.SAVE:
            _whole_document(self.frame)  # not a placeholder 查看第一处 (or Escape) selected
        if listener is not None and hasattr(self.real, "dispatchWithNotification"):
            self.real.dispatchWithNotification(url, arguments, listener)
        else:
            self.real.dispatch(url, arguments)
            _finished(self, listener, ok=True)

    # Enabled/disabled and the modified state are the real command's (from the main loop
    # when asked off the main thread).
    def addStatusListener(self, listener, url) -> None:
        _now_or_later(self.ctx, lambda: self.real.addStatusListener(listener, url))

    def removeStatusListener(self, listener, url) -> None:
        _now_or_later(self.ctx, lambda: self.real.removeStatusListener(listener, url))


def _now_or_later(ctx, work) -> None:
    if mainthread.is_main_thread():
        work()
    else:
        mainthread.later(ctx, work)


# Per frame, the placeholder 查看第一处 selected last (its text range), or _ANY_SELECTION
# once the user answered 仍然打印/仍然导出 (whatever is selected then, the whole document).
_viewed: dict = {}
_ANY_SELECTION = object()


def _whole_document(frame) -> None:
    """Print and Export work on the whole document, not on a placeholder the guard selected.

    Writer's print dialog chooses 选中内容 (``PrintContent`` 2) and the PDF dialog offers
    and checks 当前选择 whenever text is selected; after 查看第一处 (or Escape) the first
    placeholder was selected, so 仍然打印 printed one ``XX``. When the selection is still
    the one the guard made, it is collapsed to its start (the cursor stays at the
    placeholder), and both dialogs start on 全部页面 / 全部. After 仍然打印/仍然导出 any
    text selection is collapsed the same way (the user asked for the document, issue 19).
    Without a question, a selection the user made is theirs: printing it stays possible."""
    viewed = _viewed.pop(id(frame), None)
    if viewed is None:
        return
    try:
        controller = frame.getController()
        selection = controller.getSelection()
        if selection is None or not selection.supportsService("com.sun.star.text.TextRanges"):
            return
        if selection.getCount() != 1 and viewed is not _ANY_SELECTION:
            return
        current = selection.getByIndex(0)
        if viewed is _ANY_SELECTION or _same_range(current, viewed):
            controller.select(current.getStart())
    except Exception:  # the command runs all the same
        traceback.print_exc(file=sys.stderr)


def _same_range(a, b) -> bool:
    text = a.getText()
    try:
        return (text.compareRegionStarts(a, b) == 0 and text.compareRegionEnds(a, b) == 0
                and bool(a.getString()))
    except Exception:  # not in the same text: not the same range
        return False


def _finished(source, listener, ok: bool) -> None:
    """Tells a caller waiting on the dispatch (DispatchHelper waits for this) it is over."""
    if listener is None:
        return
    import uno
    from com.sun.star.frame.DispatchResultState import FAILURE, SUCCESS

    event = uno.createUnoStruct("com.sun.star.frame.DispatchResultEvent")
    event.Source = source
    event.State = SUCCESS if ok else FAILURE
    listener.dispatchFinished(event)


# ---- the question ----------------------------------------------------------------

def _may_go_ahead(ctx, frame, action: str) -> bool:
    """Asks if it should; True lets the command run. A failure counts as yes."""
    try:
        enabled, someone_to_ask = is_enabled(ctx), _someone_to_ask(frame)
        if not (enabled and someone_to_ask):
            return True  # not even counted
        document = frame.getController().getModel()
        found = placeholders.find_all(document)
        if not decide.should_ask(enabled, someone_to_ask, len(found)):
            return True
        locale = ui.ui_locale(ctx)
        result = ask(ctx, frame, decide.question(action, len(found), locale))
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return True
    if decide.goes_ahead(result):
        _viewed[id(frame)] = _ANY_SELECTION  # 仍然打印/导出: the whole document, always
        return True
    try:
        if placeholders.select_first(frame, document, locale, found):
            selection = frame.getController().getSelection()
            _viewed[id(frame)] = selection.getByIndex(0)
    except Exception:  # the user said no: the command stays cancelled all the same
        traceback.print_exc(file=sys.stderr)
    return False


def _someone_to_ask(frame) -> bool:
    """A document a user sees, and dialogs allowed (the test rig and screenshots turn
    them off): a hidden document is being saved by a script, which no one can answer."""
    if ui.dialogs_disabled():
        return False
    window = frame.getContainerWindow()
    return window is not None and bool(window.isVisible())


def ask(ctx, frame, question: decide.Question) -> int:
    """Shows the question modally; its result (``gongwen.guard.GO_AHEAD`` or not)."""
    smgr = ctx.ServiceManager
    model = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", ctx)
    model.Title = question.title
    model.Width, model.Height = WIDTH, HEIGHT
    _add(model, "FixedText", "question", MARGIN, MARGIN, WIDTH - 2 * MARGIN, 20,
         Label=question.text, MultiLine=True, NoLabel=True)  # NoLabel: no mnemonic added
    y = HEIGHT - BUTTON_HEIGHT - 7
    ahead_x = WIDTH - MARGIN - BUTTON_WIDTH
    # 查看第一处 is the Cancel-type button: it, Escape and the close box all end with 0.
    _add(model, "Button", "view", ahead_x - BUTTON_WIDTH - 6, y, BUTTON_WIDTH, BUTTON_HEIGHT,
         Label=decide.toolkit_label(question.view_label), PushButtonType=_CANCEL,
         DefaultButton=True, TabIndex=0)
    _add(model, "Button", "ahead", ahead_x, y, BUTTON_WIDTH, BUTTON_HEIGHT,
         Label=decide.toolkit_label(question.ahead_label), PushButtonType=_OK, TabIndex=1)
    dialog = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", ctx)
    dialog.setModel(model)
    toolkit = smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    parent = frame.getContainerWindow()
    dialog.createPeer(toolkit, parent)
    try:
        _center_on(dialog, parent)
        dialog.getControl("view").setFocus()
        return dialog.execute()
    finally:
        dialog.dispose()


def _add(model, kind: str, name: str, x: int, y: int, width: int, height: int,
         **properties: object) -> None:
    control = model.createInstance(f"com.sun.star.awt.UnoControl{kind}Model")
    control.PositionX, control.PositionY = x, y
    control.Width, control.Height = width, height
    for key, value in properties.items():
        setattr(control, key, value)
    model.insertByName(name, control)


def _center_on(dialog, parent) -> None:
    outer, own = parent.getPosSize(), dialog.getPosSize()
    dialog.setPosSize(max(0, (outer.Width - own.Width) // 2),
                      max(0, (outer.Height - own.Height) // 3), 0, 0, _POS)

