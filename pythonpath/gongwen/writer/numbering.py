"""List labels become typed text in Writer (see :mod:`gongwen.listlabel` for the rule).

Writer computes every numbered paragraph's label (``ListLabelString``), whatever the
source: a .docx's ``numbering.xml``, a .doc's list tables, WPS's, Writer's own lists and
outline numbering. :func:`materialize_labels` reads every label of the body (tables
included) first, since a label depends on the paragraphs before it, then inserts each
at its paragraph's start and switches the numbering off. The caller holds the undo
step (``gongwen.writer.format``), so one undo brings the numbering back.
"""

from __future__ import annotations

from typing import Dict, Iterator, List, NamedTuple

from gongwen import listlabel

# com.sun.star.text.LabelFollow
_FOLLOWED_BY = {0: listlabel.FOLLOWED_BY_TAB, 1: listlabel.FOLLOWED_BY_SPACE,
                2: listlabel.FOLLOWED_BY_NOTHING, 3: listlabel.FOLLOWED_BY_SPACE}
_NUMBER_NONE = 5  # com.sun.star.style.NumberingType.NUMBER_NONE
# com.sun.star.style.NumberingType
_CHAR_SPECIAL = 6
_BITMAP = 8


class Numbered(NamedTuple):
    paragraph: object
    label: str  # ListLabelString, "" for a list paragraph that shows none
    followed_by: str


def materialize_labels(document) -> int:
    """Every visible list label in the body becomes typed text at the start of its
    paragraph, and the paragraph leaves its list; returns how many labels were typed."""
    if not may_have_lists(document):
        return 0
    numbered = list(numbered_paragraphs(document))
    typed = 0
    for item in numbered:
        text = listlabel.typed_label(item.label, item.followed_by,
                                     item.paragraph.getString()[:1])
        remove_numbering(item.paragraph)
        if text:
            start = item.paragraph.getStart()
            item.paragraph.getText().insertString(start, text, False)
            typed += 1
    return typed


def may_have_lists(document) -> bool:
    """False only when no body paragraph can be in a list: no table, no chapter numbering
    that shows a number, and no numbering rules but Writer's own "Outline" and "No List",
    except named list styles that nothing uses. Reading three properties of every
    paragraph of a 100-page report otherwise costs 0.27 s, most of Format's time
    (measured; a text or a Writer document without lists is the common case). A .docx
    from Word or python-docx names list styles its paragraph styles use: it is scanned."""
    if document.getTextTables().getCount() or _chapter_numbering_shows(document):
        return True
    styles = document.getStyleFamilies().getByName("NumberingStyles")
    rules = document.getNumberingRules()
    for index in range(rules.getCount()):
        name = rules.getByIndex(index).Name
        if name in _WRITERS_OWN_RULES:
            continue
        if not styles.hasByName(name) or styles.getByName(name).isInUse():
            return True  # an automatic list (the toolbar's), or a list style in use
    return False


_WRITERS_OWN_RULES = ("Outline", "No List")


def _chapter_numbering_shows(document) -> bool:
    rules = document.getChapterNumberingRules()
    for index in range(rules.getCount()):
        level = {prop.Name: prop.Value for prop in rules.getByIndex(index)}
        if level.get("NumberingType") not in (_NUMBER_NONE, None) \
                or level.get("Prefix") or level.get("Suffix"):
            return True
    return False


def numbered_paragraphs(document) -> Iterator[Numbered]:
    """Body and table paragraphs that are in a list, with the label each shows now."""
    for paragraph in _paragraphs(document):
        if _in_list(paragraph):
            level = _level_properties(paragraph)
            yield Numbered(paragraph, _label(paragraph, level), _FOLLOWED_BY.get(
                level.get("LabelFollowedBy"), listlabel.FOLLOWED_BY_TAB))


def _label(paragraph, level: Dict[str, object]) -> str:
    """ListLabelString; for a bullet, which that leaves empty, the bullet character."""
    label = paragraph.getPropertyValue("ListLabelString") or ""
    if label or not paragraph.getPropertyValue("NumberingIsNumber"):
        return label
    kind = level.get("NumberingType")
    if kind == _CHAR_SPECIAL:
        return str(level.get("BulletChar") or listlabel.BULLET)
    if kind == _BITMAP:
        return listlabel.BULLET
    return ""


def _level_properties(paragraph) -> Dict[str, object]:
    """The properties of the paragraph's level in its numbering rules ({} if none)."""
    rules = paragraph.getPropertyValue("NumberingRules")
    level = paragraph.getPropertyValue("NumberingLevel") or 0
    if rules is None or not 0 <= level < rules.getCount():
        return {}
    return {prop.Name: prop.Value for prop in rules.getByIndex(level)}


def remove_numbering(paragraph) -> None:
    """Takes the paragraph out of its list. Measured on 7.4: an empty direct list style
    does it for .docx/.doc lists, for rules set directly and for lists that come with
    the paragraph style (a .docx Heading 1, Writer's chapter numbering): it wins over
    the style's."""
    paragraph.setPropertyValue("NumberingStyleName", "")


def _in_list(paragraph) -> bool:
    return bool(paragraph.getPropertyValue("NumberingIsNumber") is not None
                and paragraph.getPropertyValue("ListId"))


def _paragraphs(document) -> Iterator[object]:
    """The body's paragraphs in order, each table's cell paragraphs where it stands."""
    yield from _walk(document.getText())


def _walk(text) -> Iterator[object]:
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield element
        elif element.supportsService("com.sun.star.text.TextTable"):
            for name in _cell_names(element):
                yield from _walk(element.getCellByName(name))


def _cell_names(table) -> List[str]:
    return list(table.getCellNames())
