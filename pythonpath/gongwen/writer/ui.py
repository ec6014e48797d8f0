"""Talking to the user: message boxes, the status bar, the UI locale."""

from __future__ import annotations

import os

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
    if os.environ.get(QUIET_ENV):
        return
    from com.sun.star.awt.MessageBoxType import ERRORBOX, INFOBOX

    window = frame.getContainerWindow()
    toolkit = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    box = toolkit.createMessageBox(window, ERRORBOX if error else INFOBOX, 1, "公文助手", message)
    box.execute()
    box.dispose()


def set_status(frame, message: str) -> None:
    """Shows ``message`` in the frame's status bar until the next status update."""
    try:
        indicator = frame.createStatusIndicator()
        indicator.start(message, 0)
        indicator.setText(message)
    except Exception:  # no status bar (headless, or a frame without one)
        pass


def _property(name: str, value):
    import uno

    prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    prop.Name = name
    prop.Value = value
    return prop
