"""The stand-ins for the official 公文 fonts: LibreOffice's font replacement table.

The .oxt ships a replacement table (工具 ▸ 选项 ▸ 字体 ▸ 替换表: the configuration
``org.openoffice.Office.Common/Font/Substitution``, made by tools/build_oxt.py from
:data:`gongwen.spec.REPLACED_FONT_NAMES`) with every entry switched off. LibreOffice 7.4
applies only entries marked "always" (vcl's ``ImplDirectFontSubstitution``), which would
hide a real font of the same name: an office that has 方正小标宋简体 must keep it. So
:func:`sync` switches on exactly the entries whose font is missing here, each pointing at
the best stand-in installed (:func:`gongwen.spec.font_stand_in`: 仿宋 where Windows has it,
else Noto Serif CJK SC …), and off those whose font is installed. LibreOffice reads the
table when it starts (``svtools::ApplyFontSubstitutionsToVcl``): a change counts from the
next start. Measured on Debian without the project's fontconfig file: before, the title,
the 黑体 headings and the 仿宋 body were all drawn in Noto Sans CJK; with the table, the
PDF holds Noto Serif CJK (title, body), Noto Sans CJK (一级标题) and AR PL UKai (二级标题).

:func:`stand_in_judge` tells 检查格式 which face really draws a missing font: the active
entry's stand-in (active: switched on when LibreOffice started), else the first installed
font of its chain. Only the main thread calls this module (commands, the checker).
"""

from __future__ import annotations

from typing import Callable, Dict, Optional, Set, Tuple

from gongwen import messages, spec
from gongwen.writer import ui

_NODE = "/org.openoffice.Office.Common/Font/Substitution"
_PREFIX = "gongwen-"
# Names whose entry this session changed: LibreOffice applies the table at start only.
_changed: Set[str] = set()
_synced = [False]


def installed_fonts(ctx) -> Set[str]:
    """The font families the toolkit can draw (what Writer's font box lists)."""
    try:
        toolkit = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
        device = toolkit.createScreenCompatibleDevice(1, 1)
        return {descriptor.Name for descriptor in device.getFontDescriptors()}
    except Exception:  # no toolkit
        return set()


def wanted(installed: Set[str]) -> Dict[str, Optional[str]]:
    """Each replaced name → its stand-in when the font is missing and one is installed,
    None to switch the entry off (the font is here, or nothing better is)."""
    lowered = {name.lower() for name in installed}
    result: Dict[str, Optional[str]] = {}
    for name in spec.REPLACED_FONT_NAMES:
        stand_in = None if name.lower() in lowered else spec.font_stand_in(name, lowered)
        result[name] = stand_in or None
    return result


def sync(ctx, installed: Optional[Set[str]] = None) -> int:
    """Brings the table's gongwen entries in line with the fonts installed; returns how
    many entries changed (they count from LibreOffice's next start)."""
    installed = installed_fonts(ctx) if installed is None else installed
    if not installed:
        return 0
    access = ui.configuration(ctx, _NODE, update=True)
    pairs = access.getByName("FontPairs")
    changed = 0
    for number, (name, stand_in) in enumerate(wanted(installed).items(), 1):
        node_name = f"{_PREFIX}{number}"
        if not pairs.hasByName(node_name):
            continue  # an .oxt older than this code: nothing to switch
        node = pairs.getByName(node_name)
        if node.getPropertyValue("ReplaceFont") != name:
            continue
        on = stand_in is not None
        target = stand_in or spec.font_stand_in(name)
        if bool(node.getPropertyValue("Always")) == on and \
                node.getPropertyValue("SubstituteFont") == target:
            continue
        node.setPropertyValue("Always", on)
        node.setPropertyValue("SubstituteFont", target)
        _changed.add(name)
        changed += 1
    if changed:
        access.commitChanges()
        # written to the profile now, not at exit: the table counts from the next start
        try:
            ui.flush_configuration(ctx)
        except Exception:  # a provider that cannot flush: written at exit
            pass
    return changed


def sync_once(ctx) -> None:
    """:func:`sync` the first time a command runs in this session; never fails a command."""
    if _synced[0]:
        return
    _synced[0] = True
    try:
        sync(ctx)
    except Exception:  # a configuration we cannot write: the stand-ins stay as they are
        pass


def tables(ctx) -> Tuple[Dict[str, str], Dict[str, str]]:
    """The replacements LibreOffice applied when it started (the table's "always" entries
    this session did not change) and those switched on since (they count from the next
    start): each name → its stand-in."""
    applied: Dict[str, str] = {}
    pending: Dict[str, str] = {}
    try:
        access = ui.configuration(ctx, _NODE)
        if not access.getPropertyValue("Replacement"):
            return applied, pending
        pairs = access.getByName("FontPairs")
        for node_name in pairs.getElementNames():
            node = pairs.getByName(node_name)
            name = node.getPropertyValue("ReplaceFont")
            if node.getPropertyValue("Always"):
                (pending if name in _changed else applied)[name] = \
                    node.getPropertyValue("SubstituteFont")
    except Exception:  # no configuration: no table
        pass
    return applied, pending


def stand_in_judge(installed: Set[str], applied: Dict[str, str],
                   pending: Optional[Dict[str, str]] = None, locale: str = "zh-CN"
                   ) -> Callable[[str], Optional[str]]:
    """None for an installed font, else the face that draws it: the applied table's
    stand-in when that is installed; one switched on this session, said to count after a
    restart; else the first installed font of its chain, else "" (the system's choice)."""
    lowered = {name.lower() for name in installed}
    pending = pending or {}

    def stand_in(font: str) -> Optional[str]:
        if font.lower() in lowered:
            return None
        replaced = applied.get(font)
        if replaced and replaced.lower() in lowered:
            return replaced
        later = pending.get(font)
        if later and later.lower() in lowered:
            return messages.text("font_stand_in_after_restart", locale, font=later)
        return spec.font_stand_in(font, lowered)

    return stand_in
