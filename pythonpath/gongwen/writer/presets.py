"""Which 版式预设 a Writer command uses, and where the choice is kept.

The preset of a command (:func:`preset_for`), first that applies:

1. the URL's ``?preset=NAME`` or ``?preset=/path/to/file.json``;
2. the document's own: the user-defined document property ``GongwenPreset`` (the name, or
   the file's absolute path), written by the last 一键公文格式 — so a later plain Format
   keeps the document's layout. ``GongwenPresetData`` beside it holds the whole resolved
   preset (``Preset.to_json()``): it stands in when the document travels to a machine
   without that user preset, so the layout still survives;
3. the user's remembered choice: the last one picked in the 版式 menu
   (``vnd.gongwen:ChoosePreset``, with ``?preset=NAME`` or a file picked), kept in the
   LibreOffice profile (``/org.gongwen.writer.Settings/Preset/Chosen``, extension/
   Settings.xcs), like the guard's switch. A ``Format?preset=`` sent by a script applies
   to that run and that document only: it never becomes the default (issue 19). A
   remembered preset whose file is gone gives way to ``gbt9704``; the next Format says so,
   once, and forgets it;
4. ``gbt9704``.

Both properties are ordinary user-defined properties (File > Properties > Custom), which
Writer keeps in .odt (meta:user-defined) and .docx (docProps/custom.xml).

A preset that cannot be used raises :class:`gongwen.presets.PresetError`;
:mod:`gongwen.writer.commands` turns it into a failed Outcome with its one line.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from typing import Dict, Optional, Tuple
from urllib.parse import unquote

from gongwen import layout, messages, presets, spec
from gongwen.presets import Preset, PresetError
from gongwen.writer.commands import Invocation
from gongwen.writer.ui import configuration, flush_configuration

PRESET_ARG = "preset"
SEAL_ARG = "seal"  # gongwen.writer.format.SEAL_ARG
SETTINGS = "/org.gongwen.writer.Settings/Preset"
CHOSEN = "Chosen"
PROPERTY = "GongwenPreset"
DATA_PROPERTY = "GongwenPresetData"
# A stored preset whose file is gone (another machine) falls back to the stored data.
_MISSING = ("preset_unknown", "preset_cannot_read")
# com.sun.star.beans.PropertyAttribute.REMOVABLE: the user may delete it in File > Properties.
_REMOVABLE = 128


def preset_for(invocation: Invocation) -> Preset:
    """The preset this command formats or checks with (see the module docstring)."""
    return preset_and_notice(invocation, forget_gone=False)[0]


def preset_and_notice(invocation: Invocation, forget_gone: bool = True) -> Tuple[Preset, str]:
    """:func:`preset_for`, and the sentence to add to the report when the remembered
    choice is gone (then forgotten, with ``forget_gone``: said once), else ""."""
    ref = invocation.args.get(PRESET_ARG)
    if ref:
        return presets.resolve(ref), ""
    stored = stored_preset(invocation.document)
    if stored is not None:
        return stored, ""
    choice = remembered(invocation.ctx)
    if choice:
        try:
            return presets.resolve(choice), ""
        except PresetError as error:
            if error.message_key not in _MISSING:
                raise
        if forget_gone:
            remember_choice(invocation.ctx, "")
            return presets.resolve(None), messages.text(
                "preset_remembered_gone", invocation.locale, preset=choice)
    return presets.resolve(None), ""


def stored_preset(document) -> Optional[Preset]:
    """The document's preset, or None when it has none (never formatted with one)."""
    ref = _get(document, PROPERTY)
    if not ref:
        return None
    try:
        return presets.resolve(ref)
    except PresetError as error:
        data = _get(document, DATA_PROPERTY)
        if error.message_key not in _MISSING or not data:
            raise
    return presets.from_json(data, f"{_document_name(document)}: {DATA_PROPERTY}")


# What a document keeps of its Format: {property name: value, None when it has none}.
KeptState = Dict[str, Optional[str]]
_KEPT = (PROPERTY, DATA_PROPERTY, layout.SEAL_PROPERTY)


def stored_seal(document) -> str:
    """The 落款 the document keeps (``layout.SEAL_PROPERTY``), "" when it has none."""
    return _get(document, layout.SEAL_PROPERTY)


def kept_states(document, preset: Preset, seal: str, asked: bool
                ) -> Tuple[KeptState, KeptState]:
    """What the document keeps of its Format, as it is and after this one: its preset (a
    later plain Format keeps its layout; the user's choice is not touched here, only the
    版式 menu sets it: :func:`remember_choice`), and its 落款 when one was chosen (now or
    before) or it is not the default. The caller writes them with an undo action
    (:func:`write_kept`): one Ctrl+Z after Format also forgets the 落款 it was asked for."""
    old: KeptState = {name: _get(document, name) or None for name in _KEPT}
    new = dict(old, **preset_state(preset))
    if asked or old[layout.SEAL_PROPERTY] or seal != spec.SEAL_NONE:
        new[layout.SEAL_PROPERTY] = seal
    return old, new


def preset_state(preset: Preset) -> KeptState:
    """``preset`` as the document keeps it (a later plain Format keeps its layout)."""
    return {PROPERTY: preset.ref, DATA_PROPERTY: preset.to_json()}


def write_kept(document, state: KeptState) -> None:
    properties = _user_properties(document)
    for name, value in state.items():
        if value is not None:
            _set(document, name, value)
        elif properties.getPropertySetInfo().hasPropertyByName(name):
            properties.removeProperty(name)


def current_seal(document) -> str:
    """The 落款 a plain Format would use now: the document's choice, else its preset's (as
    the document keeps it: no preset file is read, the menu asks whenever it opens)."""
    stored = stored_seal(document)
    if stored in spec.SEALS:
        return stored
    try:
        seal = json.loads(_get(document, DATA_PROPERTY) or "{}").get(presets.SEAL_KEY)
    except (ValueError, AttributeError):
        seal = None
    return seal if seal in spec.SEALS else spec.SEAL_NONE


# --- the user's choice, in the LibreOffice profile ---------------------------------------

def remembered(ctx) -> str:
    """The preset last picked in the 版式 menu, "" when none (or unreadable)."""
    try:
        value = configuration(ctx, SETTINGS).getPropertyValue(CHOSEN)
    except Exception:  # an older profile without the node: no choice
        traceback.print_exc(file=sys.stderr)
        return ""
    return value if isinstance(value, str) else ""


def remember_choice(ctx, ref: str) -> None:
    """Keeps ``ref`` ("" forgets) as the user's choice, written to the profile at once (a
    killed soffice would otherwise forget it)."""
    node = configuration(ctx, SETTINGS, update=True)
    node.setPropertyValue(CHOSEN, ref)
    node.commitChanges()
    flush_configuration(ctx)




def current_ref(document, ctx=None) -> str:
    """The ref a plain Format would use now, without reading any preset file (the menu
    asks this whenever it opens)."""
    return _get(document, PROPERTY) or (remembered(ctx) if ctx is not None else "") \
        or presets.DEFAULT


def same_ref(a: str, b: str) -> bool:
    if presets.is_path_ref(a) and presets.is_path_ref(b):
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
    return a == b


def menu_state(document, command: str, args, ctx=None) -> Optional[bool]:
    """The checkmark of a 版式 menu entry: ``ChoosePreset?preset=NAME`` is checked when NAME
    is the current preset, ``ChoosePreset`` (其他版式…) when the current one is no
    built-in; None for every other entry (no checkmark at all)."""
    if document is None or not document.supportsService("com.sun.star.text.TextDocument"):
        return None
    if command not in ("ChoosePreset", "Format"):
        return None
    if args.get(PRESET_ARG):
        return same_ref(current_ref(document, ctx), args[PRESET_ARG])
    if command == "Format" and args.get(SEAL_ARG):
        return current_seal(document) == args[SEAL_ARG]
    if command == "ChoosePreset":
        return current_ref(document, ctx) not in presets.builtin_names()
    return None


def _user_properties(document):
    return document.getDocumentProperties().getUserDefinedProperties()


def _get(document, name: str) -> str:
    properties = _user_properties(document)
    if not properties.getPropertySetInfo().hasPropertyByName(name):
        return ""
    value = properties.getPropertyValue(name)
    return value if isinstance(value, str) else ""


def _set(document, name: str, value: str) -> None:
    properties = _user_properties(document)
    if properties.getPropertySetInfo().hasPropertyByName(name):
        properties.setPropertyValue(name, value)
    else:
        properties.addProperty(name, _REMOVABLE, value)


def _document_name(document) -> str:
    location = document.getLocation() if document.hasLocation() else ""
    return unquote(location.rsplit("/", 1)[-1]) or document.getDocumentProperties().Title \
        or PROPERTY
