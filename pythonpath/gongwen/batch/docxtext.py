"""Every text-bearing paragraph of a .docx, with where it sits.

One reader for all batch code that needs a document's words (``check`` uses it; anything
that must look at headers or footnotes too can).  It walks, in reading order:

- ``body``: paragraphs of the main text (and of text boxes anchored in them);
- ``table``: paragraphs in table cells of the main text, nested tables included;
- ``header`` / ``footer``: every header and footer part the sections use (default, first-page
  and even-page ones, all sections, each part once), tables and text boxes in them included;
- ``footnote`` / ``endnote``: the notes' paragraphs (Word's separator notes left out).

``index`` counts paragraphs from 0 within their location, in that order: the 4th table
paragraph of the document is ``("table", 3)`` whichever table it is in.  ``text`` is what a
reader sees: runs' text, a tab as ``\\t``, a line break as ``\\n``, a non-breaking hyphen as
``-``; deleted (tracked) text, field codes and the duplicate fallback copy of a text box are
left out.  python-docx opens the package; lxml reads the parts python-docx has no API for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterator, List, NamedTuple, Union

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

LOCATIONS = ("body", "table", "header", "footer", "footnote", "endnote")

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _T, _TAB, _BR, _CR = _w("p"), _w("tbl"), _w("t"), _w("tab"), _w("br"), _w("cr")
_NO_BREAK_HYPHEN = _w("noBreakHyphen")
# Subtrees that hold no visible text of this paragraph: properties (w:pPr holds tab stops
# named w:tab), deleted and moved-away text, and the VML copy of a text box.
_SKIP = {_w("pPr"), _w("rPr"), _w("del"), _w("moveFrom"), _w("instrText"), _w("delInstrText"),
         f"{{{_MC}}}Fallback"}
_SEPARATOR_NOTES = {"separator", "continuationSeparator", "continuationNotice"}
_REFERENCE_ORDER = {"default": 0, "first": 1, "even": 2}


class DocxParagraph(NamedTuple):
    location: str  # one of LOCATIONS
    index: int  # 0-based within its location, in reading order
    text: str
    part: str  # the package part it comes from, e.g. "/word/header2.xml"


class DocxReadError(Exception):
    """The file is missing, not a .docx, or broken; ``str()`` is a one-line reason."""


def read_paragraphs(source: Union[str, Path, DocxDocument]) -> List[DocxParagraph]:
    """Every paragraph of the document (see the module docstring for order and numbering)."""
    return list(iter_paragraphs(source))


def iter_paragraphs(source: Union[str, Path, DocxDocument]
                    ) -> Iterator[DocxParagraph]:
    document = open_document(source) if isinstance(source, (str, Path)) else source
    counters: Dict[str, int] = dict.fromkeys(LOCATIONS, 0)
    for location, part_name, element in _stories(document):
        for paragraph_location, text in _walk_blocks(element, location):
            index = counters[paragraph_location]
            counters[paragraph_location] += 1
            yield DocxParagraph(paragraph_location, index, text, part_name)


def open_document(path: Union[str, Path]) -> DocxDocument:
    """Opens a .docx or raises DocxReadError with a short reason."""
    path = Path(path)
    if not path.exists():
        raise DocxReadError("no such file")
    if path.is_dir():
        raise DocxReadError("is a directory")
    try:
        return docx.Document(str(path))
    except Exception as error:  # python-docx raises zipfile, KeyError, lxml and its own errors
        raise DocxReadError(f"not a readable .docx ({_reason(error)})") from error


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of one ``w:p`` (without the paragraphs of text boxes inside it)."""
    pieces: List[str] = []
    _collect(paragraph, pieces, [])
    return "".join(pieces)


# ---- internals ------------------------------------------------------------------------------

def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return f"{name}: {text}" if text else name


def _stories(document) -> Iterator[tuple]:
    """(location, part name, root element) of the body, headers, footers, notes, in order."""
    main = document.part
    yield "body", str(main.partname), document.element.body
    for location, part in _header_footer_parts(document):
        yield location, str(part.partname), _element(part)
    for location, reltype, tag in (("footnote", RT.FOOTNOTES, "footnote"),
                                   ("endnote", RT.ENDNOTES, "endnote")):
        part = _related_part(main, reltype)
        if part is None:
            continue
        root = _element(part)
        for note in root.iterchildren(_w(tag)):
            if note.get(_w("type")) not in _SEPARATOR_NOTES:
                yield location, str(part.partname), note


def _header_footer_parts(document) -> Iterator[tuple]:
    """Header and footer parts referenced by the sections, each once, section by section."""
    rels = document.part.rels
    seen = set()
    body = document.element.body
    for sect_pr in body.iter(_w("sectPr")):
        for kind in ("header", "footer"):
            references = sorted(sect_pr.iterchildren(_w(f"{kind}Reference")),
                                key=lambda ref: _REFERENCE_ORDER.get(ref.get(_w("type")), 3))
            for reference in references:
                rel = rels.get(reference.get(f"{{{_R}}}id"))
                if rel is None or rel.is_external or rel.target_part.partname in seen:
                    continue
                seen.add(rel.target_part.partname)
                yield kind, rel.target_part


def _related_part(part, reltype: str):
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def _element(part) -> etree._Element:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob)  # a part python-docx keeps as bytes (footnotes)


def _walk_blocks(container: etree._Element, location: str) -> Iterator[tuple]:
    """(location, text) of every paragraph under a block container, in document order."""
    for child in container:
        if child.tag == _P:
            yield from _paragraph_and_text_boxes(child, location)
        elif child.tag == _TBL:
            yield from _walk_blocks(child, "table" if location == "body" else location)
        elif child.tag not in _SKIP and len(child):
            # rows, cells, content controls (w:sdt), custom XML: look inside
            yield from _walk_blocks(child, location)


def _paragraph_and_text_boxes(paragraph: etree._Element, location: str) -> Iterator[tuple]:
    pieces: List[str] = []
    boxes: List[etree._Element] = []
    _collect(paragraph, pieces, boxes)
    yield location, "".join(pieces)
    for box in boxes:  # w:txbxContent: a block container of its own
        yield from _walk_blocks(box, location)


def _collect(element: etree._Element, pieces: List[str], boxes: List[etree._Element]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            pieces.append(child.text or "")
        elif tag == _TAB:
            pieces.append("\t")
        elif tag == _BR:
            if child.get(_w("type")) in (None, "textWrapping"):
                pieces.append("\n")  # a page or column break is not a character
        elif tag == _CR:
            pieces.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            pieces.append("-")
        elif tag == _w("txbxContent"):
            boxes.append(child)
        elif tag in _SKIP or not isinstance(tag, str):
            continue  # properties, deleted text, comments and processing instructions
        elif len(child):
            _collect(child, pieces, boxes)

