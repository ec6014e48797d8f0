"""Talking to the user: message boxes, the status bar, the UI locale."""

from __future__ import annotations

import os
import threading

# Set by the test rig: message boxes return at once headless, but under Xvfb
# (screenshots) a modal box would wait for a click that never comes.
QUIET_ENV = "GONGWEN_NO_DIALOGS"


def ui_locale(ctx) -> str:
    try:
        provider = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", ctx)
        node = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (_property("nodepath", "/org.openoffice.Setup/L10N"),))
        return node.getByName("ooLocale") or "zh-CN"
    except Exception:
        return "zh-CN"


def show_message(ctx, frame, message: str, error: bool = False) -> None:
    set_status(frame, message)
    if dialogs_disabled():
        return
    from com.sun.star.awt.MessageBoxType import ERRORBOX, INFOBOX

    window = frame.getContainerWindow()
    toolkit = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    box = toolkit.createMessageBox(window, ERRORBOX if error else INFOBOX, 1, "公文助手", message)
    box.execute()
    box.dispose()


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
    timer = threading.Timer(seconds, _end_status, args=(indicator,))
    timer.daemon = True
    timer.start()


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
