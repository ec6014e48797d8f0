"""The named paragraph styles of a 公文 in Writer: :mod:`gongwen.layout`'s appearances as
UNO properties.

``ensure_paragraph_styles(document, plan)`` creates each style the first time and sets
every property it owns each time, so running it twice leaves the same styles as running it
once. Creating and editing paragraph styles is recorded by Writer's own undo (unlike
page-style changes), so callers just wrap it in their undo step. Nothing here decides how a
style looks: fonts, sizes, indents and spacing are the plan's; this module converts units.
"""

from __future__ import annotations

from typing import Dict, Iterable, Optional

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
