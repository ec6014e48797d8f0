"""Inherited formatting goes: what covers a whole paragraph is its look, which the style
decides; what covers part of it is the author's emphasis, which stays.

The rule is the core's (:data:`gongwen.layout.INHERITED_LOOKS`); the .docx renderer applies
the same one to runs (:func:`gongwen.batch.docxrender._clean_paragraph`). A look is the
paragraph's when every text portion of it carries it as direct formatting: underline, text
colour, highlight, shading, or one character style (a web page's link look without a link).
Portions of a real hyperlink are the link's and are not counted.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Sequence, Tuple

from gongwen import layout, spec

# Each look of layout.INHERITED_LOOKS as Writer properties: (the one read, all reset).
_LOOKS: Dict[str, Tuple[str, Tuple[str, ...]]] = {
    layout.UNDERLINE: ("CharUnderline", ("CharUnderline", "CharUnderlineColor",
                                         "CharUnderlineHasColor")),
    layout.COLOR: ("CharColor", ("CharColor", "CharTransparence")),
    layout.HIGHLIGHT: ("CharHighlight", ("CharHighlight",)),
    layout.SHADING: ("CharBackColor", ("CharBackColor", "CharBackTransparent",
                                       "CharShadingValue")),
    layout.CHAR_STYLE: ("CharStyleName", ("CharStyleName",)),
}
_DIRECT = "DIRECT_VALUE"
# Character styles that are ours, not inherited: placeholders, run-in headings.
_OURS = (spec.PLACEHOLDER_CHAR_STYLE,) + tuple(spec.RUN_IN_CHAR_STYLES.values())


def anything_to_clear(document) -> bool:
    """Whether any body text carries one of the looks directly (one call on the whole
    body, so that clean documents cost nothing more)."""
    cursor = document.getText().createTextCursor()
    cursor.gotoStart(False)
    cursor.gotoEnd(True)
    names = tuple(read for read, _ in _LOOKS.values())
    states = cursor.getPropertyStates(names)
    return any(state.value != "DEFAULT_VALUE" for state in states)


def clear_paragraphs(paragraphs: Iterable[object]) -> int:
    """Removes each whole-paragraph look; returns how many paragraphs lost one."""
    cleared = 0
    for paragraph in paragraphs:
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
    for look, (read, _) in _LOOKS.items():
        if not all(_has(portion, read) for portion in portions):
            continue
        if look == layout.CHAR_STYLE:
            names = {portion.getPropertyValue(read) for portion in portions}
            if len(names) != 1 or names & set(_OURS):
                continue
        found.append(look)
    return found


def _has(portion, name: str) -> bool:
    if portion.getPropertyState(name).value != _DIRECT:
        return False
    value = portion.getPropertyValue(name)
    if name == "CharUnderline":
        return value != 0
    if name == "CharStyleName":
        return bool(value)
    return value != -1  # automatic colour, no highlight, no background
