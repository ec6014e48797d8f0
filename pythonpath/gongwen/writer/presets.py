"""Which 版式预设 a Writer command uses, and where the choice is kept.

The preset of a command (:func:`preset_for`), first that applies:

1. the URL's ``?preset=NAME`` or ``?preset=/path/to/file.json``;
2. the document's own: the user-defined document property ``GongwenPreset`` (the name, or
   the file's absolute path), written by the last 一键公文格式 — so a later plain Format
   keeps the document's layout. ``GongwenPresetData`` beside it holds the whole resolved
   preset (``Preset.to_json()``): it stands in when the document travels to a machine
   without that user preset, so the layout still survives;
3. the user's remembered choice (``settings.json`` in the gongwen configuration folder,
   :func:`gongwen.presets.remembered`);
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
from typing import Optional
from urllib.parse import unquote

from gongwen import layout, presets, spec
from gongwen.presets import Preset, PresetError
from gongwen.writer.commands import Invocation

PRESET_ARG = "preset"
SEAL_ARG = "seal"  # gongwen.writer.format.SEAL_ARG
PROPERTY = "GongwenPreset"
DATA_PROPERTY = "GongwenPresetData"
# A stored preset whose file is gone (another machine) falls back to the stored data.
_MISSING = ("preset_unknown", "preset_cannot_read")
# com.sun.star.beans.PropertyAttribute.REMOVABLE: the user may delete it in File > Properties.
_REMOVABLE = 128


def preset_for(invocation: Invocation) -> Preset:
    """The preset this command formats or checks with (see the module docstring)."""
    ref = invocation.args.get(PRESET_ARG)
    if ref:
        return presets.resolve(ref)
    stored = stored_preset(invocation.document)
    if stored is not None:
        return stored
    return _remembered_or_default()


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


def _remembered_or_default() -> Preset:
    choice = presets.remembered()
    if choice:
        try:
            return presets.resolve(choice)
        except PresetError as error:
            if error.message_key not in _MISSING:
                raise
    return presets.resolve(None)


def remember(document, preset: Preset, user_choice: bool = True) -> None:
    """Stores ``preset`` in the document, and (``user_choice``) as the user's choice for
    documents that have none yet."""
    _set(document, PROPERTY, preset.ref)
    _set(document, DATA_PROPERTY, preset.to_json())
    if user_choice:
        try:
            presets.remember_choice(preset.ref)
        except OSError:  # a read-only home: the document is formatted and keeps its preset
            traceback.print_exc(file=sys.stderr)


def keep(invocation: Invocation, preset: Preset) -> None:
    """After a successful Format: the document keeps its preset; it becomes the user's
    choice only when the user picked it (the URL named it), not on a plain Format of a
    document that brought its own."""
    remember(invocation.document, preset, user_choice=bool(invocation.args.get(PRESET_ARG)))


def stored_seal(document) -> str:
    """The 落款 the document keeps (``layout.SEAL_PROPERTY``), "" when it has none."""
    return _get(document, layout.SEAL_PROPERTY)


def keep_seal(document, seal: str, asked: bool) -> None:
    """After a successful Format: the document keeps its 落款 when one was chosen (now or
    before) or it is not the default, so a later plain Format lays it out the same."""
    if asked or stored_seal(document) or seal != spec.SEAL_NONE:
        _set(document, layout.SEAL_PROPERTY, seal)


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


def current_ref(document) -> str:
    """The ref a plain Format would use now, without reading any preset file (the menu
    asks this whenever it opens)."""
    return _get(document, PROPERTY) or presets.remembered() or presets.DEFAULT


def same_ref(a: str, b: str) -> bool:
    if presets.is_path_ref(a) and presets.is_path_ref(b):
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
    return a == b


def menu_state(document, command: str, args) -> Optional[bool]:
    """The checkmark of a 版式 menu entry: ``Format?preset=NAME`` is checked when NAME is
    the current preset, ``ChoosePreset`` (其他版式…) when the current one is no built-in;
    None for every other entry (no checkmark at all)."""
    if document is None or not document.supportsService("com.sun.star.text.TextDocument"):
        return None
    if command == "Format" and args.get(PRESET_ARG):
        return same_ref(current_ref(document), args[PRESET_ARG])
    if command == "Format" and args.get(SEAL_ARG):
        return current_seal(document) == args[SEAL_ARG]
    if command == "ChoosePreset":
        return current_ref(document) not in presets.builtin_names()
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
