"""A list label as typed text: the one rule both formatters use.

Word and WPS number headings (``一、`` ``（一）`` ``1.`` ``（1）``) and list items with
automatic numbering, whose label is not part of the paragraph's text. Before a paragraph
is classified, its visible label becomes typed text at its start and the numbering is
removed (``gongwen.ooxml.numbering`` for .docx, ``gongwen.writer.numbering`` in Writer),
so a numbered heading is laid out like a typed one and reads the same everywhere.
Every visible label is kept that way, bullets too: the text a reader sees is unchanged.

What goes between the label and the text: the label's tab or space becomes nothing
before Chinese text (GB/T 9704 headings read ``一、项目名称``, ``1.后台功能``), and one
space before other text (``1. Introduction``), where the tab or space kept them apart.

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import unicodedata

BULLET = "\u2022"
# Symbol and Wingdings bullets are stored as private-use characters (U+F0B7 and the like)
# that mean nothing without the symbol font: a reader saw a bullet.
_SYMBOL_FONT_AREA = range(0xF000, 0xF100)

# What follows the label (w:suff in .docx, LabelFollowedBy in Writer).
FOLLOWED_BY_TAB = "tab"
FOLLOWED_BY_SPACE = "space"
FOLLOWED_BY_NOTHING = "nothing"


def visible_label(label: str) -> str:
    """The label as a reader sees it: symbol-font bullets as ``•``."""
    return "".join(BULLET if ord(char) in _SYMBOL_FONT_AREA else char for char in label)


def is_wide(char: str) -> bool:
    """A full-width character: CJK text and its punctuation (``、`` ``．`` ``）``)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def typed_label(label: str, followed_by: str, text: str) -> str:
    """The text to insert before ``text`` for a paragraph numbered with ``label``.

    "" for no visible label. A tab or space after the label becomes nothing when either
    side of it is full-width (``一、`` + ``项目名称``, ``1.`` + ``后台功能``, ``•`` +
    ``项目``) or the paragraph is empty, and one space otherwise.
    """
    label = visible_label(label)
    if not label:
        return ""
    if followed_by == FOLLOWED_BY_NOTHING or not text:
        return label
    first = text[0]
    if first.isspace() or is_wide(first) or is_wide(label[-1]):
        return label
    return label + " "
