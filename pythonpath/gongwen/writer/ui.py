"""Talking to the user: message boxes, the status bar, the UI locale."""

from __future__ import annotations

import os
import threading
from typing import Optional, Tuple

# Set by the test rig: message boxes return at once headless, but under Xvfb
# (screenshots) a modal box would wait for a click that never comes.
QUIET_ENV = "GONGWEN_NO_DIALOGS"


def ui_locale(ctx) -> str:
    try:
        return configuration(ctx, "/org.openoffice.Setup/L10N").getByName("ooLocale") or "zh-CN"
    except Exception:
        return "zh-CN"


def configuration(ctx, nodepath: str, update: bool = False):
    """A node of LibreOffice's configuration (the user's settings live in the profile):
    read-only, or to change with ``update`` (then ``commitChanges()`` and
    :func:`flush_configuration`)."""
    service = "ConfigurationUpdateAccess" if update else "ConfigurationAccess"
    return _configuration_provider(ctx).createInstanceWithArguments(
        "com.sun.star.configuration." + service, (_property("nodepath", nodepath),))


def flush_configuration(ctx) -> None:
    """Writes committed settings to the profile now, not at a clean exit: a crash or a
    killed soffice would otherwise forget them (measured: the test rig kills soffice, and
    the font table's entries were gone one run in two)."""
    _configuration_provider(ctx).flush()


def _configuration_provider(ctx):
    return ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx)


# The one infobar of 公文助手 over a document: a new report replaces the last one.
INFOBAR_ID = "gongwen"
_INFO, _WARNING = 0, 2  # com.sun.star.frame.InfobarType


def show_message(ctx, frame, message: str, error: bool = False,
                 button: Optional[Tuple[str, str]] = None, undoable: bool = False) -> None:
    """Reports ``message`` as LibreOffice reports its own results: in the status bar and in
    an infobar over the document, which stays until the user closes it or the next report
    replaces it, and never stops the user (no modal box: issue 19). ``button`` is
    (label, command URL), an action the infobar offers (查看第一处, 撤销). ``undoable``: the
    report is of the step now on top of the undo stack, and goes when it is undone
    (:mod:`gongwen.writer.undowatch`)."""
    set_status(frame, message)
    if show_infobar(frame, message, error, button) and undoable:
        from gongwen.writer import undowatch

        try:
            undowatch.watch(ctx, frame, frame.getController().getModel(), INFOBAR_ID)
        except Exception:  # a view without an undo manager: the infobar stays as it was
            pass


def show_infobar(frame, message: str, error: bool = False,
                 button: Optional[Tuple[str, str]] = None) -> bool:
    """True when the frame's view shows it (a hidden or headless frame has no infobar).
    The infobar it replaces stops watching its undo step."""
    import uno

    from gongwen.writer import undowatch

    try:
        controller = frame.getController()
        if controller is None or not hasattr(controller, "appendInfobar"):
            return False
        undowatch.stop(frame)
        if controller.hasInfobar(INFOBAR_ID):
            controller.removeInfobar(INFOBAR_ID)
        buttons = []
        if button is not None:
            pair = uno.createUnoStruct("com.sun.star.beans.StringPair")
            pair.First, pair.Second = button
            buttons.append(pair)
        controller.appendInfobar(INFOBAR_ID, "", message, _WARNING if error else _INFO,
                                 tuple(buttons), True)
        return True
    except Exception:  # no view to show it in: the status bar and the Result carry it
        return False


STATUS_SECONDS = 8.0
_status_lock = threading.Lock()
_shown = []  # the indicator on screen now, at most one


def set_status(frame, message: str, seconds: float = STATUS_SECONDS) -> None:
    """Shows ``message`` in the frame's status bar for a few seconds.

    Writer offers extensions only a status *indicator*: while it runs it takes the whole
    status bar (page count, language …), so it is ended after ``seconds``, or at once when
    the next message replaces it.
    """
    _end_status()
    try:
        indicator = frame.createStatusIndicator()
        indicator.start(message, 0)
    except Exception:  # no status bar (headless, or a frame without one)
        return
    with _status_lock:
        _shown.append(indicator)
    # The timer's thread only hands the ending to the main thread: a Python thread calling
    # into the frame could deadlock soffice (the GIL against the SolarMutex, issue 19).
    timer = threading.Timer(seconds, _end_later, args=(indicator,))
    timer.daemon = True
    timer.start()


def _end_later(indicator) -> None:
    import uno

    from gongwen.writer import mainthread

    try:
        mainthread.later(uno.getComponentContext(), lambda: _end_status(indicator))
    except Exception:  # soffice is shutting down: nothing left to end
        pass


def _end_status(indicator=None) -> None:
    with _status_lock:
        ending = [shown for shown in _shown if indicator in (None, shown)]
        for shown in ending:
            _shown.remove(shown)
    for shown in ending:
        try:
            shown.end()
        except Exception:  # the frame was closed meanwhile: nothing left to end
            pass


def property_value(name: str, value):
    """A ``com.sun.star.beans.PropertyValue``."""
    return _property(name, value)


def _property(name: str, value):
    import uno

    prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    prop.Name = name
    prop.Value = value
    return prop


def dialogs_disabled() -> bool:
    """True where no dialog may be shown (tests, scripted use: GONGWEN_NO_DIALOGS)."""
    return bool(os.environ.get(QUIET_ENV))
