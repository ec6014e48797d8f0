"""The named paragraph styles of a 公文: one per role, built from ``gongwen.spec``.

``ensure_paragraph_styles(document)`` creates each style the first time and sets
every property it owns each time, so running it twice leaves the same styles as
running it once. Creating and editing paragraph styles is recorded by Writer's
own undo (unlike page-style changes), so callers just wrap it in their undo step.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Tuple

from gongwen import spec
from gongwen.spec import Align, ParaStyle

PARAGRAPH_FAMILY = "ParagraphStyles"
PARENT_STYLE = "Standard"
# Grid line pitch in 1/100 mm as measured for Writer's 22-line grid (LO_NOTES):
# 1021, not 1023, because above 1022 a re-imported .docx shows 21 lines.
GRID_PITCH = 1021
# 1/100 mm of character spacing that brings 28 characters of 3号 text into the
# 156 mm line (LO_NOTES; exported to .docx as w:spacing -5, -7 gives only 27).
BODY_KERNING = -8

_PT_TO_HMM = 2540 / 72  # 1/100 mm per point

# com.sun.star.style.ParagraphAdjust values
_ADJUST = {Align.LEFT: 0, Align.RIGHT: 1, Align.JUSTIFY: 2, Align.CENTER: 3}
_OUTLINE_LEVEL = {spec.Role.HEADING1: 1, spec.Role.HEADING2: 2,
                  spec.Role.HEADING3: 3, spec.Role.HEADING4: 4}


def font_name(font: spec.Font) -> str:
    """The official font name alone (仿宋_GB2312, 黑体 …), what reviewers look for.

    Measured on 7.4.7: a ';'-separated list ("仿宋_GB2312;仿宋;…") is not resolved by
    Writer (the text falls back to the same glyph-fallback font as the bare name) and is
    written verbatim into a saved .docx, where Word sees one unknown font. So the
    fallbacks of ``spec`` are not written into the document; where the official font
    is missing Writer's own font fallback shows the text.
    """
    return font.name


def chars_to_hmm(chars: float, size_pt: float) -> int:
    """Indent of ``chars`` full-width characters of ``size_pt`` type, in 1/100 mm.

    Snapped to whole twips, Writer's internal unit, so that the value reads back as set.
    """
    twips = round(chars * size_pt * 20)
    return int(round(twips * 127 / 72))


def style_definitions() -> List[Tuple[str, ParaStyle, int]]:
    """(name, definition, outline level) for each distinct style, the table style last."""
    seen: Dict[str, Tuple[str, ParaStyle, int]] = {}
    for role, style in spec.PARAGRAPH_STYLES.items():
        seen.setdefault(style.name, (style.name, style, _OUTLINE_LEVEL.get(role, 0)))
    seen.setdefault(spec.TABLE_TEXT.name, (spec.TABLE_TEXT.name, spec.TABLE_TEXT, 0))
    return list(seen.values())


def style_properties(style: ParaStyle, outline_level: int = 0) -> Dict[str, object]:
    """Every property the 公文 style owns, as UNO property name -> value."""
    import uno

    is_title = style.name == spec.PARAGRAPH_STYLES[spec.Role.TITLE].name
    is_tail = style.name in (spec.style_name(spec.Role.SIGNATURE), spec.style_name(spec.Role.DATE))
    asian = font_name(style.font)
    western = asian if is_title else spec.LATIN_FONT
    size = float(style.size_pt)
    spacing = uno.createUnoStruct("com.sun.star.style.LineSpacing")
    if is_title:
        # Snapped to the grid a 2号 line would take two grid lines; a fixed line
        # of one grid pitch keeps the title compact and the body on the grid.
        spacing.Mode = 3  # FIX
        spacing.Height = GRID_PITCH
    else:
        spacing.Mode = 0  # PROP
        spacing.Height = 100
    return {
        "CharFontName": western,
        "CharFontNameAsian": asian,
        "CharFontNameComplex": western,
        "CharHeight": size,
        "CharHeightAsian": size,
        "CharHeightComplex": size,
        "CharWeight": 150.0 if style.bold else 100.0,
        "CharWeightAsian": 150.0 if style.bold else 100.0,
        "CharPosture": uno.Enum("com.sun.star.awt.FontSlant", "NONE"),
        "CharPostureAsian": uno.Enum("com.sun.star.awt.FontSlant", "NONE"),
        "CharKerning": 0 if is_title else BODY_KERNING,
        "ParaAdjust": _ADJUST[style.align],
        "ParaLastLineAdjust": _ADJUST[Align.CENTER] if style.align == Align.CENTER else 0,
        "ParaFirstLineIndent": chars_to_hmm(style.first_line_chars, size),
        "ParaLeftMargin": 0,
        "ParaRightMargin": chars_to_hmm(style.right_chars, size),
        "ParaTopMargin": int(round(style.space_before_lines * GRID_PITCH)),
        "ParaBottomMargin": int(round(style.space_after_lines * GRID_PITCH)),
        "ParaLineSpacing": spacing,
        "SnapToGrid": not is_title,
        # No extra space between CJK and digits in 署名/成文日期: §7.3.5.2 places the
        # date by character counts, which holds only with plain half-width digits.
        "ParaIsCharacterDistance": not is_tail,
        # A full page must hold 22 lines: no orphan/widow control; only the 落款 chain
        # (结束语 → 署名 → 成文日期) keeps with the next paragraph (spec.keep_with_next;
        # Writer's ParaKeepTogether is Word's keepNext).
        "ParaOrphans": 0,
        "ParaWidows": 0,
        "ParaKeepTogether": bool(getattr(style, "keep_with_next", False)),
        "ParaSplit": True,
        "ParaIsHyphenation": False,
        "OutlineLevel": outline_level,
        # Chinese text: quotation marks “” and ‘’ are then set full-width, as CJK
        # punctuation (with an English Asian-text language, as a .docx from python-docx
        # or Word may carry, Writer sets them half-width and a line takes 29 characters).
        "CharLocaleAsian": _chinese(),
    }


def _chinese():
    import uno

    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    locale.Language = "zh"
    locale.Country = "CN"
    return locale


def ensure_paragraph_styles(document) -> None:
    """Creates or updates the paragraph style of every 公文 role in ``document``.

    Works on an empty document and inside the caller's undo context; idempotent.
    """
    family = document.getStyleFamilies().getByName(PARAGRAPH_FAMILY)
    for name, style, outline_level in style_definitions():
        target = _get_or_create(document, family, name)
        _set_all(target, style_properties(style, outline_level))


def _get_or_create(document, family, name: str):
    if family.hasByName(name):
        return family.getByName(name)
    created = document.createInstance("com.sun.star.style.ParagraphStyle")
    family.insertByName(name, created)
    created = family.getByName(name)
    if family.hasByName(PARENT_STYLE):
        created.setParentStyle(PARENT_STYLE)
    return created


def _set_all(target, values: Dict[str, object]) -> None:
    names: Iterable[str] = sorted(values)
    info = target.getPropertySetInfo()
    known = [n for n in names if info.hasPropertyByName(n)]
    target.setPropertyValues(tuple(known), tuple(values[n] for n in known))
