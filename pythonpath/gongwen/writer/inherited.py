"""Inherited formatting goes: what covers a whole paragraph is its look, which the style
decides; what covers part of it is the author's emphasis, which stays.

The rule is the core's (:data:`gongwen.layout.INHERITED_LOOKS`); the .docx renderer applies
the same one to runs (:func:`gongwen.ooxml.docxrender._clean_paragraph`). A look is the
paragraph's when every text portion of it carries it as direct formatting: underline, text
colour, highlight, shading, or one character style (a web page's link look without a link).
Portions of a real hyperlink are the link's and are not counted.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Sequence, Tuple

from gongwen import layout, spec

# Each look of layout.INHERITED_LOOKS as Writer properties: (those read: a portion carries
# the look when one of them is direct and on; all reset). Weight and posture are read for
# Western and Asian text both: a .docx's w:b sets both, a Chinese title shows the Asian one.
_LOOKS: Dict[str, Tuple[Tuple[str, ...], Tuple[str, ...]]] = {
    layout.BOLD: (("CharWeight", "CharWeightAsian"),
                  ("CharWeight", "CharWeightAsian", "CharWeightComplex")),
    layout.ITALIC: (("CharPosture", "CharPostureAsian"),
                    ("CharPosture", "CharPostureAsian", "CharPostureComplex")),
    layout.UNDERLINE: (("CharUnderline",), ("CharUnderline", "CharUnderlineColor",
                                            "CharUnderlineHasColor")),
    layout.COLOR: (("CharColor",), ("CharColor", "CharTransparence")),
    layout.HIGHLIGHT: (("CharHighlight",), ("CharHighlight",)),
    layout.SHADING: (("CharBackColor",), ("CharBackColor", "CharBackTransparent",
                                          "CharShadingValue")),
    layout.CHAR_STYLE: (("CharStyleName",), ("CharStyleName",)),
}
assert tuple(_LOOKS) == layout.INHERITED_LOOKS  # one rule: every look the core names
_DIRECT = "DIRECT_VALUE"
_BOLD_WEIGHT = 150.0  # com.sun.star.awt.FontWeight: SEMIBOLD and above
# Character styles that are ours, not inherited: placeholders, run-in headings.
_OURS = (spec.PLACEHOLDER_CHAR_STYLE,) + tuple(spec.RUN_IN_CHAR_STYLES.values())


_READ = tuple(name for reads, _ in _LOOKS.values() for name in reads)
# Writer answers AMBIGUOUS_VALUE for any state of a selection of 1 000 paragraphs or more
# (measured on the bench report: 999 DEFAULT, 1 000 AMBIGUOUS; its attribute lookup
# stops there), so the body is asked in slices well under that.
_SLICE_PARAGRAPHS = 500


def anything_to_clear(document) -> bool:
    """Whether any body text carries one of the looks directly (one call per slice of
    the body, so that clean documents cost next to nothing: asked per portion, a clean
    100-page report took 0.25 s)."""
    cursor = document.getText().createTextCursor()
    cursor.gotoStart(False)
    more = True
    while more:
        for _ in range(_SLICE_PARAGRAPHS - 1):
            more = cursor.gotoNextParagraph(True)
            if not more:
                break
        cursor.gotoEndOfParagraph(True)
        if _carries_a_look(cursor):
            return True
        cursor.collapseToEnd()
        more = more and cursor.gotoNextParagraph(False)
    return False


def _carries_a_look(text_range) -> bool:
    return any(state.value != "DEFAULT_VALUE" for state in text_range.getPropertyStates(_READ))


def clear_paragraphs(paragraphs: Iterable[object]) -> int:
    """Removes each whole-paragraph look; returns how many paragraphs lost one."""
    cleared = 0
    for paragraph in paragraphs:
        # Asked of its text (the paragraph object answers for its own attributes, not for
        # the text's): two calls instead of a walk through its portions.
        if not _carries_a_look(paragraph.getText().createTextCursorByRange(paragraph)):
            continue
        reset = whole_paragraph_looks(_text_portions(paragraph))
        if reset:
            cursor = paragraph.getText().createTextCursorByRange(paragraph)
            cursor.setPropertiesToDefault(tuple(name for look in reset
                                                for name in _LOOKS[look][1]))
            cleared += 1
    return cleared


def body_paragraphs(document) -> List[object]:
    result = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            result.append(element)
    return result


def _text_portions(paragraph) -> List[object]:
    """Portions holding visible text, not inside a real hyperlink."""
    portions = []
    enumeration = paragraph.createEnumeration()
    while enumeration.hasMoreElements():
        portion = enumeration.nextElement()
        if portion.getPropertyValue("TextPortionType") != "Text":
            continue
        if not portion.getString().strip() or portion.getPropertyValue("HyperLinkURL"):
            continue
        portions.append(portion)
    return portions


def whole_paragraph_looks(portions: Sequence[object]) -> List[str]:
    """The looks every portion carries directly (the same character style, for that one)."""
    if not portions:
        return []
    found = []
    for look, (reads, _) in _LOOKS.items():
        if not all(any(_has(portion, read) for read in reads) for portion in portions):
            continue
        if look == layout.CHAR_STYLE:
            names = {portion.getPropertyValue("CharStyleName") for portion in portions}
            if len(names) != 1 or names & set(_OURS):
                continue
        found.append(look)
    return found


def _has(portion, name: str) -> bool:
    if portion.getPropertyState(name).value != _DIRECT:
        return False
    value = portion.getPropertyValue(name)
    if name.startswith("CharWeight"):
        return float(value) >= _BOLD_WEIGHT
    if name.startswith("CharPosture"):
        return getattr(value, "value", value) not in ("NONE", 0)
    if name == "CharUnderline":
        return value != 0
    if name == "CharStyleName":
        return bool(value)
    return value != -1  # automatic colour, no highlight, no background
