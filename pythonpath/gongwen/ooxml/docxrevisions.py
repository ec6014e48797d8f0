"""规范写法's text edits as Word revisions (``format --track-changes``).

Each edit the formatter would make in a ``w:t`` becomes, in place, a deleted run
(``w:del`` holding ``w:delText``) followed by an inserted run (``w:ins``), both with the
formatting (``w:rPr``) of the run they were in, by :data:`gongwen.normalize.REVISION_AUTHOR`
at the time of the run. A split paragraph (a 落款 typed on one line) gets an inserted
paragraph mark (``w:pPr/w:rPr/w:ins``) with the whitespace before it deleted; a removed
empty paragraph stays, its mark deleted (``w:pPr/w:rPr/w:del``). Accepting every revision
in Word, WPS or Writer gives the text of ``--normalize`` alone; rejecting them gives the
input's text. The layout (styles, indents, the page, list labels made text, a two-part
line's tab) is no revision: it is what ``format`` is for.

ECMA-376 §17.13.5 (revisions): ``w:id`` is unique among the document's annotations, so the
ids start above every ``w:id`` the document holds.
"""

from __future__ import annotations

import copy
from datetime import datetime, timezone
from typing import List, Optional

from docx.oxml.ns import qn
from lxml import etree

from gongwen import normalize
from gongwen.ooxml import docxrepair

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ID = qn("w:id")
# A run inside one of these is someone else's revision already: edited directly.
_REVISED = (qn("w:ins"), qn("w:del"), qn("w:moveTo"), qn("w:moveFrom"))


class Revision:
    """Who and when, and the next free ``w:id``, for one document."""

    def __init__(self, document_root: etree._Element, author: str = normalize.REVISION_AUTHOR,
                 when: Optional[datetime] = None) -> None:
        self.author = author
        when = (when or datetime.now(timezone.utc)).astimezone(timezone.utc)
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        values = (element.get(_ID, "") for element in document_root.iter())
        ids = [int(value) for value in values if value.lstrip("-").isdigit()]
        self._next = max(ids + [0]) + 1

    def element(self, tag: str) -> etree._Element:
        """A new ``w:ins`` / ``w:del`` with this revision's id, author and date."""
        element = etree.Element(qn("w:" + tag))
        element.set(_ID, str(self._next))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        self._next += 1
        return element


def can_track(node: etree._Element) -> bool:
    """Is ``node`` (a piece of a paragraph's text) in a plain run, not in a revision?"""
    run = node.getparent()
    return run is not None and run.tag == qn("w:r") and run.getparent() is not None \
        and run.getparent().tag not in _REVISED


def replace(node: etree._Element, start: int, end: int, replacement: str,
            revision: Revision) -> None:
    """``node``'s text ``[start:end]`` deleted and ``replacement`` inserted after it, as
    revisions. ``node`` is a ``w:t`` or an element standing for one character (a typed
    ``w:tab``); what follows it in its run moves to a new run after the revisions, so the
    order of the text is kept."""
    run = node.getparent()
    properties = run.find(qn("w:rPr"))
    if node.tag == qn("w:t"):
        old = node.text or ""
        removed, after = old[start:end], old[end:]
        _set_text(node, old[:start])
        moved = [] if not after else [_text(qn("w:t"), after)]
    else:  # a one-character element: the whole of it goes
        removed, after = "", ""
        moved = []
    moved += list(node.itersiblings())  # the rest of the run, after the edit
    new: List[etree._Element] = []
    if node.tag != qn("w:t"):
        new.append(_wrapped("del", _run(properties, [node]), revision))
    elif removed:
        new.append(_wrapped("del", _run(properties, [_text(qn("w:delText"), removed)]),
                            revision))
    if replacement:
        new.append(_wrapped("ins", _run(properties, [_text(qn("w:t"), replacement)]),
                            revision))
    if moved:
        new.append(_run(properties, moved))
    anchor = run
    for element in new:
        anchor.addnext(element)
        anchor = element
    if node.tag == qn("w:t") and not node.text:
        run.remove(node)
    if all(child.tag == qn("w:rPr") for child in run):
        run.getparent().remove(run)


def insert_mark(p: etree._Element, revision: Revision) -> None:
    """``p``'s paragraph mark is an insertion (a split: rejecting it joins ``p`` to the
    paragraph after it)."""
    _mark_properties(p).insert(0, revision.element("ins"))


def delete_mark(p: etree._Element, revision: Revision) -> None:
    """``p``'s paragraph mark is a deletion (an empty paragraph removed: accepting it joins
    the paragraph to the one after it)."""
    _mark_properties(p).insert(0, revision.element("del"))


def mark_deleted(p: etree._Element) -> bool:
    """Does ``p``'s paragraph mark carry a deletion revision?"""
    return p.find("w:pPr/w:rPr/w:del", namespaces=_NS) is not None


def _mark_properties(p: etree._Element) -> etree._Element:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = docxrepair.insert_in_order(ppr, etree.Element(qn("w:rPr")))
    return rpr


_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _set_text(node: etree._Element, text: str) -> None:
    node.text = text
    if text != text.strip(" \t\r\n"):
        node.set(_XML_SPACE, "preserve")


def _text(tag: str, text: str) -> etree._Element:
    element = etree.Element(tag)
    _set_text(element, text)
    return element


def _run(properties: Optional[etree._Element], children: List[etree._Element]) -> etree._Element:
    run = etree.Element(qn("w:r"))
    if properties is not None:
        run.append(copy.deepcopy(properties))
    for child in children:
        run.append(child)  # moves it when it is already in a tree
    return run


def _wrapped(tag: str, run: etree._Element, revision: Revision) -> etree._Element:
    element = revision.element(tag)
    element.append(run)
    return element
