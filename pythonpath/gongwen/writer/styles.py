"""The named paragraph styles of a 公文 in Writer: :mod:`gongwen.layout`'s appearances as
UNO properties.

``ensure_paragraph_styles(document, plan)`` creates each style the first time and sets
every property it owns each time, so running it twice leaves the same styles as running it
once. Creating and editing paragraph styles is recorded by Writer's own undo (unlike
page-style changes), so callers just wrap it in their undo step. Nothing here decides how a
style looks: fonts, sizes, indents and spacing are the plan's; this module converts units.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Tuple

from gongwen import layout
from gongwen.spec import Align
from gongwen.writer.units import chars_to_hmm, pt_to_hmm

PARAGRAPH_FAMILY = "ParagraphStyles"
CHARACTER_FAMILY = "CharacterStyles"
PARENT_STYLE = "Standard"
# Writer's page-number styles are the footer paragraphs' direct formatting (writer.page).
_FOOTER_STYLES = (layout.PAGE_NUMBER_STYLE, layout.PAGE_NUMBER_EVEN_STYLE)

# com.sun.star.style.ParagraphAdjust values
_ADJUST = {Align.LEFT: 0, Align.RIGHT: 1, Align.JUSTIFY: 2, Align.CENTER: 3}
_FIX, _PROP = 3, 0  # com.sun.star.style.LineSpacingMode
AUTO_COLOR = -1  # COL_AUTO: the automatic text colour


def grid_pitch(page: layout.PageSetup) -> int:
    """GridBaseHeight: 28.95 pt is 1021 (1022 and above gives a re-imported .docx 21 lines,
    docs/LO_NOTES.md)."""
    return pt_to_hmm(page.line_pitch_pt)


def style_properties(look: layout.Appearance) -> Dict[str, object]:
    """Every property the 公文 style owns, as UNO property name -> value."""
    import uno

    size = float(look.size_pt)
    spacing = uno.createUnoStruct("com.sun.star.style.LineSpacing")
    if look.line_rule == layout.EXACT:
        spacing.Mode, spacing.Height = _FIX, pt_to_hmm(look.line_pt)
    else:  # GRID (snapped) or SINGLE: the font's line, 100 %
        spacing.Mode, spacing.Height = _PROP, 100
    weight = 150.0 if look.bold else 100.0
    upright = uno.Enum("com.sun.star.awt.FontSlant", "NONE")
    return {
        "CharFontName": look.latin_font,
        "CharFontNameAsian": look.east_asian_font,
        "CharFontNameComplex": look.latin_font,
        "CharHeight": size,
        "CharHeightAsian": size,
        "CharHeightComplex": size,
        "CharWeight": weight,
        "CharWeightAsian": weight,
        "CharPosture": upright,
        "CharPostureAsian": upright,
        "CharKerning": pt_to_hmm(look.char_spacing_pt),
        "ParaAdjust": _ADJUST[look.align],
        "ParaLastLineAdjust": _ADJUST[Align.CENTER] if look.align == Align.CENTER else 0,
        "ParaFirstLineIndent": chars_to_hmm(look.first_line_chars, size),
        "ParaLeftMargin": chars_to_hmm(look.left_chars, size),
        "ParaRightMargin": chars_to_hmm(look.right_chars, size),
        "ParaTopMargin": pt_to_hmm(look.space_before_pt),
        "ParaBottomMargin": pt_to_hmm(look.space_after_pt),
        "ParaLineSpacing": spacing,
        "SnapToGrid": look.snap_to_grid,
        # Autospacing stays on even where the plan turns it off (署名/成文日期): Writer
        # cannot turn it off in a .docx it opens (it skips w:autoSpaceDE/DN, docs/
        # LO_NOTES.md), so the button does as an opened CLI file does, and places the 落款
        # with the plan's autospaced indents: both paths set the same lines in Writer.
        # Word and WPS read the plan's choice from the .docx.
        "ParaIsCharacterDistance": True,
        # A full page must hold its lines: no orphan/widow control; the plan says which
        # styles keep with the next paragraph (Writer's ParaKeepTogether is Word's keepNext).
        "ParaOrphans": 0,
        "ParaWidows": 0,
        "ParaKeepTogether": look.keep_with_next,
        "ParaSplit": True,
        "ParaIsHyphenation": False,
        "OutlineLevel": look.outline_level,
        # Chinese text: quotation marks “” and ‘’ are then set full-width, as CJK
        # punctuation (with an English Asian-text language, as a .docx from python-docx
        # or Word may carry, Writer sets them half-width and a line takes 29 characters).
        "CharLocaleAsian": _chinese(),
        "CharColor": look.color_rgb if look.color_rgb is not None else AUTO_COLOR,
    }


def _chinese():
    import uno

    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    locale.Language = "zh"
    locale.Country = "CN"
    return locale


def ensure_paragraph_styles(document, plan: Optional[layout.LayoutPlan] = None) -> None:
    """Creates or updates the paragraph style of every 公文 role in ``document``.

    Works on an empty document and inside the caller's undo context; idempotent.
    """
    looks = plan.styles if plan is not None else layout.appearances()
    family = document.getStyleFamilies().getByName(PARAGRAPH_FAMILY)
    for name, look in looks.items():
        if name not in _FOOTER_STYLES:
            _set_all(_get_or_create(document, family, name), style_properties(look))


def character_style_properties(look: layout.CharAppearance) -> Dict[str, object]:
    """What a run-in heading's character style sets: the level's fonts, size and weight."""
    weight = 150.0 if look.bold else 100.0
    return {
        "CharFontName": look.latin_font,
        "CharFontNameAsian": look.east_asian_font,
        "CharFontNameComplex": look.latin_font,
        "CharHeight": float(look.size_pt),
        "CharHeightAsian": float(look.size_pt),
        "CharHeightComplex": float(look.size_pt),
        "CharWeight": weight,
        "CharWeightAsian": weight,
    }


def ensure_character_styles(document, plan: Optional[layout.LayoutPlan] = None) -> None:
    """Creates or updates the plan's character styles (公文段内一级标题 …); idempotent."""
    looks = plan.char_styles if plan is not None else layout.char_appearances()
    family = document.getStyleFamilies().getByName(CHARACTER_FAMILY)
    for name, look in looks.items():
        style = _get_or_create(document, family, name, "com.sun.star.style.CharacterStyle")
        _set_all(style, character_style_properties(look))


# layout.FOREIGN_STYLE_RESETS as Writer's character properties. A font is one item per
# script: resetting its name resets all of it (style name, family, charset, pitch too).
_FOREIGN_RESETS = {
    layout.FONT: ("CharFontName", "CharFontNameAsian", "CharFontNameComplex"),
    layout.SIZE: ("CharHeight", "CharHeightAsian", "CharHeightComplex"),
    layout.LETTER_SPACING: ("CharKerning",),
    layout.SCALE: ("CharScaleWidth",),
}
assert tuple(_FOREIGN_RESETS) == layout.FOREIGN_STYLE_RESETS  # one rule: what the core names
_RESET = tuple(name for names in _FOREIGN_RESETS.values() for name in names)
# What a reset takes away, so an undo can put it back (the font item's other members too).
_HELD = _RESET + tuple(name + script for script in ("", "Asian", "Complex") for name in (
    "CharFontStyleName", "CharFontFamily", "CharFontCharSet", "CharFontPitch"))

# {style name: ((property, value or None for "not set in the style"), ...)}
CharacterStates = Dict[str, Tuple[Tuple[str, object], ...]]


def foreign_character_states(document, plan: layout.LayoutPlan
                             ) -> Tuple[CharacterStates, CharacterStates]:
    """The character styles in use that the plan does not make, and those they are based
    on, as they are and without their fonts and sizes
    (:data:`gongwen.layout.FOREIGN_STYLE_RESETS`: the paragraph's style decides them).

    Writer records no undo action for a style property set to default through the API
    (measured on 7.4: the undo stack stays empty), so the caller applies the states with
    :func:`gongwen.writer.undoable.apply_undoably`. A style nothing uses is left as it is.
    """
    family = document.getStyleFamilies().getByName(CHARACTER_FAMILY)
    ours = set(plan.char_styles)
    chosen: List[str] = []
    for name in family.getElementNames():
        if name in ours or not family.getByName(name).isInUse():
            continue
        while name and name not in ours and name not in chosen and family.hasByName(name):
            chosen.append(name)
            name = family.getByName(name).getParentStyle()
    old: CharacterStates = {}
    for name in chosen:
        style = family.getByName(name)
        held = tuple((prop, style.getPropertyValue(prop)) for prop in _HELD
                     if style.getPropertyState(prop).value == "DIRECT_VALUE")
        if any(prop in _RESET for prop, _ in held):
            old[name] = held
    return old, {name: tuple((prop, None) for prop in _RESET) for name in old}


def write_character_states(document, states: CharacterStates) -> None:
    """Puts each style's properties as ``states`` holds them (None: not set in the style)."""
    family = document.getStyleFamilies().getByName(CHARACTER_FAMILY)
    for name, values in states.items():
        style = family.getByName(name)
        style.setPropertiesToDefault(_RESET)
        for prop, value in values:
            if value is not None:
                style.setPropertyValue(prop, value)


def _get_or_create(document, family, name: str,
                   service: str = "com.sun.star.style.ParagraphStyle"):
    if family.hasByName(name):
        return family.getByName(name)
    created = document.createInstance(service)
    family.insertByName(name, created)
    created = family.getByName(name)
    if service.endswith("ParagraphStyle") and family.hasByName(PARENT_STYLE):
        created.setParentStyle(PARENT_STYLE)
    return created


def _set_all(target, values: Dict[str, object]) -> None:
    names: Iterable[str] = sorted(values)
    info = target.getPropertySetInfo()
    known = [n for n in names if info.hasPropertyByName(n)]
    target.setPropertyValues(tuple(known), tuple(values[n] for n in known))
