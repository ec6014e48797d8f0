"""The 版式 menu: ``vnd.gongwen:ChoosePreset?preset=NAME`` (a built-in's entry) formats with
NAME, ``vnd.gongwen:ChoosePreset`` (其他版式…) asks for a preset file, then formats with it.
Either way the preset becomes the user's choice (kept in the profile): this is the one
place a choice is remembered, because only the menu is the user choosing; a script's
``Format?preset=`` applies to its one run.

Apart from :mod:`gongwen.writer.presets` (which the formatter uses) so that neither imports
the other.
"""

from __future__ import annotations

from typing import Optional

from gongwen import messages, presets
from gongwen.writer import format as formatting
from gongwen.writer.commands import Invocation, Outcome
from gongwen.writer.presets import PRESET_ARG, remember_choice
from gongwen.writer.ui import dialogs_disabled


def choose_preset(invocation: Invocation) -> Outcome:
    """Formats with the preset the menu entry names or the picker gives; on success it is
    the user's choice from now on."""
    path = invocation.args.get(PRESET_ARG)
    if not path:
        if dialogs_disabled():
            return Outcome(False, messages.text("preset_no_dialog", invocation.locale,
                                                names=", ".join(presets.builtin_names())))
        path = _pick_file(invocation)
        if path is None:
            return Outcome(True, "")  # cancelled: nothing to say
    preset = presets.resolve(path)  # an unusable file is reported before anything changes
    args = dict(invocation.args, **{PRESET_ARG: path})
    outcome = formatting.format_document(invocation._replace(args=args))
    if outcome.ok:
        remember_choice(invocation.ctx, preset.ref)
    return outcome


def _pick_file(invocation: Invocation) -> Optional[str]:
    import uno
    from com.sun.star.ui.dialogs.ExecutableDialogResults import OK
    from com.sun.star.ui.dialogs.TemplateDescription import FILEOPEN_SIMPLE

    picker = invocation.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.ui.dialogs.FilePicker", invocation.ctx)
    picker.initialize((FILEOPEN_SIMPLE,))
    picker.setTitle(messages.text("preset_picker_title", invocation.locale))
    picker.appendFilter(messages.text("preset_picker_filter", invocation.locale), "*.json")
    folder = presets.user_presets_dir()
    if folder.is_dir():
        picker.setDisplayDirectory(uno.systemPathToFileUrl(str(folder)))
    try:
        if picker.execute() != OK or not picker.getSelectedFiles():
            return None
        return uno.fileUrlToSystemPath(picker.getSelectedFiles()[0])
    finally:
        picker.dispose()


# --- user-defined document properties ----------------------------------------------------------
