"""How the document sets its first paragraphs, described for the classifier.

The core decides what a look means (:mod:`gongwen.roles.looks`); this only reads it, as
the .docx side does (:func:`gongwen.ooxml.docxfacts.paragraph_looks`): per paragraph the
size, colour and weight most of its text has (its text portions), its alignment and its
paragraph style. Only the paragraphs the core asks for (:func:`gongwen.roles.looks_wanted`:
the first :data:`gongwen.roles.LOOKED_AT`, then the lines a look may make headings of):
walking the portions of every paragraph of a 100-page report would cost Format what it saves.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from gongwen import formatcheck, roles
from gongwen.roles import ParagraphLook
from gongwen.spec import Align

# com.sun.star.style.ParagraphAdjust: LEFT, RIGHT, BLOCK, CENTER, STRETCH.
ADJUST: Dict[int, str] = {0: Align.LEFT, 1: Align.RIGHT, 2: Align.JUSTIFY, 3: Align.CENTER,
                          4: Align.JUSTIFY}
BOLD_WEIGHT = 150.0  # com.sun.star.awt.FontWeight: SEMIBOLD and above
AUTO_COLOR = -1  # CharColor: automatic
_PORTION = ("CharHeight", "CharColor", "CharWeight")


def read_looks(document, texts: Sequence[str]) -> List[Optional[ParagraphLook]]:
    """The looks of the body's paragraphs the core asks for, by paragraph index (None for
    the others; tables are not paragraphs). ``texts``: the body's paragraph texts."""
    wanted = roles.looks_wanted(texts)
    looks: List[Optional[ParagraphLook]] = []
    if not wanted:
        return looks
    asked, last = set(wanted), wanted[-1]
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements() and len(looks) <= last:
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            looks.append(paragraph_look(element) if len(looks) in asked else None)
    return looks


def paragraph_look(paragraph) -> ParagraphLook:
    sizes, colours, weights = [], set(), []
    portions = paragraph.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        if portion.getPropertyValue("TextPortionType") != "Text":
            continue
        text = portion.getString()
        height, color, weight = portion.getPropertyValues(_PORTION)
        sizes.append((float(height), text))
        weights.append((float(weight) >= BOLD_WEIGHT, text))
        if text.strip():
            colours.add(None if color in (AUTO_COLOR, 0) else int(color))
    size: Optional[float] = formatcheck.dominant(sizes, any_char=True)
    return ParagraphLook(
        size_pt=size if size is not None else float(paragraph.getPropertyValue("CharHeight")),
        color_rgb=colours.pop() if len(colours) == 1 else None,
        align=ADJUST.get(int(paragraph.getPropertyValue("ParaAdjust")), Align.LEFT),
        bold=formatcheck.dominant(weights, any_char=True),
        style=paragraph.getPropertyValue("ParaStyleName") or None)
