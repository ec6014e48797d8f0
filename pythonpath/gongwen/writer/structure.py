"""The plan's structure edits in Writer: a one-line 落款 split in two, typed blank lines gone.

:func:`gongwen.layout.structure_edits` decides (only when 规范写法 asks); this module carries
it out on the body's paragraphs, inside the caller's undo step, before the plan is made of
the paragraphs that result. Offsets are converted to UTF-16, what Writer counts.
"""

from __future__ import annotations

from collections import Counter
from typing import Dict, List, Optional, Sequence

from gongwen import layout, normalize

# com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK
_PARAGRAPH_BREAK = 0
# Portions a typed blank line may hold; anything else (a frame, a field, a bookmark…) is
# content, and the paragraph stays.
_EMPTY_PORTIONS = ("Text", "SoftPageBreak")


def apply_structure(document, texts: Sequence[str],
                    edits: Sequence[layout.StructureEdit], tracked: bool = False,
                    made: Optional[List[layout.StructureEdit]] = None) -> Counter:
    """Carries out ``edits`` (ascending) on the body's paragraphs; returns how many were
    made per 规范写法 kind (a split is ``spaces``, a removal ``blank-lines``) and adds each
    one made to ``made``.

    ``tracked`` (the caller records changes): what goes stays in the text as a deletion,
    so a removed paragraph keeps its place (its paragraph mark deleted) and a split's
    whitespace stays at the end of the first part (:func:`gongwen.layout.restructured`).
    """
    done: Counter = Counter()
    if not edits:
        return done
    wanted = {edit.index for edit in edits}
    paragraphs = _paragraphs_at(document, wanted)
    for edit in sorted(edits, key=lambda edit: edit.index, reverse=True):
        paragraph = paragraphs.get(edit.index)
        if paragraph is None:
            continue
        if edit.kind == layout.SPLIT and _split(paragraph, texts[edit.index], edit, tracked):
            done[normalize.SPACES] += 1
        elif edit.kind == layout.REMOVE and _remove(paragraph, tracked):
            done[normalize.BLANK_LINES] += 1
        else:
            continue
        if made is not None:
            made.append(edit)
    return done


def drop_typed_page_numbers(document, indices: Sequence[int]) -> None:
    """Removes the body paragraphs at ``indices``, page numbers typed as text
    (:func:`gongwen.headfoot.typed_page_numbers`, as the CLI does); one that also starts a
    page or holds an object keeps that, and only its text goes."""
    paragraphs = _paragraphs_at(document, set(indices))
    for index in sorted(paragraphs, reverse=True):
        paragraph = paragraphs[index]
        keeps_layout = paragraph.getPropertyValue("PageDescName") or \
            paragraph.getPropertyValue("BreakType").value != "NONE" or not _only_text(paragraph) \
            or paragraph.createContentEnumeration(
                "com.sun.star.text.TextContent").hasMoreElements()
        if keeps_layout:
            paragraph.setString("")
            continue
        try:
            paragraph.dispose()
        except Exception:  # the body's last paragraph, one Writer must keep
            paragraph.setString("")


def _paragraphs_at(document, indices: set) -> Dict[int, object]:
    found: Dict[int, object] = {}
    enumeration = document.getText().createEnumeration()
    index = 0
    last = max(indices)
    while enumeration.hasMoreElements() and index <= last:
        element = enumeration.nextElement()
        if not element.supportsService("com.sun.star.text.Paragraph"):
            continue
        if index in indices:
            found[index] = element
        index += 1
    return found


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _split(paragraph, text: str, edit: layout.StructureEdit, tracked: bool) -> bool:
    """The whitespace between the parts becomes a paragraph break (checked first).
    Tracked: the whitespace is deleted, then the break inserted after it."""
    if paragraph.getString() != text:
        return False
    body = paragraph.getText()
    cursor = body.createTextCursorByRange(paragraph.getStart())
    cursor.goRight(_utf16(text[:edit.start]), False)
    cursor.goRight(_utf16(text[edit.start:edit.end]), True)
    if cursor.getString() != text[edit.start:edit.end]:
        return False
    if tracked:
        cursor.setString("")  # recorded: the whitespace stays, marked deleted
        after = body.createTextCursorByRange(paragraph.getStart())
        after.goRight(_utf16(text[:edit.end]), False)
        body.insertControlCharacter(after, _PARAGRAPH_BREAK, False)
        return True
    body.insertControlCharacter(cursor, _PARAGRAPH_BREAK, True)
    return True


def _remove(paragraph, tracked: bool) -> bool:
    """An empty paragraph goes, unless it holds something or ends a page or section.
    Tracked: its paragraph mark is deleted (accepting joins it to the next one)."""
    if paragraph.getString().strip() or not _only_text(paragraph):
        return False
    if paragraph.createContentEnumeration("com.sun.star.text.TextContent").hasMoreElements():
        return False  # a picture or frame anchored to it
    if paragraph.getPropertyValue("PageDescName") or \
            paragraph.getPropertyValue("BreakType").value != "NONE":
        return False
    if tracked:
        body = paragraph.getText()
        cursor = body.createTextCursorByRange(paragraph.getStart())
        cursor.gotoEndOfParagraph(True)
        if not cursor.goRight(1, True):  # the body's last paragraph: it stays
            return False
        cursor.setString("")
        return True
    try:
        paragraph.dispose()
    except Exception:  # the body's last paragraph, one Writer must keep: it stays
        return False
    return True


def _only_text(paragraph) -> bool:
    portions = paragraph.createEnumeration()
    types: List[str] = []
    while portions.hasMoreElements():
        types.append(portions.nextElement().getPropertyValue("TextPortionType"))
    return all(kind in _EMPTY_PORTIONS for kind in types)
