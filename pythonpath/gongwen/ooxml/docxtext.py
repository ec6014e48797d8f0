"""The .docx reader of the batch side: opening a file, and every text-bearing paragraph.

:func:`open_document` is the one way the CLI opens a .docx: it checks the file first and
raises :class:`DocxReadError` with a reason a user can act on (missing, a folder, empty,
encrypted, a Word 97-2003 .doc, not a .docx, cut off, damaged).

:func:`paragraph_text` is the one way it reads a paragraph's text (``check`` looks for
placeholders in it; ``format`` classifies it and checks it did not change).
:func:`read_paragraphs` walks, in reading order:

- ``body``: paragraphs of the main text (and of text boxes anchored in them);
- ``table``: paragraphs in table cells of the main text, nested tables included;
- ``header`` / ``footer``: every header and footer part the sections use (default, first-page
  and even-page ones, all sections, each part once), tables and text boxes in them included;
- ``footnote`` / ``endnote``: the notes' paragraphs (Word's separator notes left out).

``index`` counts paragraphs from 0 within their location, in that order: the 4th table
paragraph of the document is ``("table", 3)`` whichever table it is in.  python-docx opens
the package; lxml reads the parts python-docx has no API for.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Dict, Iterator, List, NamedTuple, Optional, Tuple, Union

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from gongwen.input_files import InputError, one_line, read_bytes, require_file, say

LOCATIONS = ("body", "table", "header", "footer", "footnote", "endnote")

# An OLE compound file: a Word 97-2003 .doc, or a .docx Word encrypted with a password
# (then the package sits in a stream named EncryptedPackage).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ZIP_MAGIC = b"PK\x03\x04"  # a .docx starts like every zip; one cut short still does
MAIN_PART = "word/document.xml"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _T, _BR, _RUN = _w("p"), _w("tbl"), _w("t"), _w("br"), _w("r")
_U, _VAL = _w("u"), _w("val")
_TXBX_CONTENT = _w("txbxContent")
# Run content that stands for one character (as Word's and Writer's text models hold it).
_CHARACTERS = {_w("tab"): "\t", _w("cr"): "\n", _w("noBreakHyphen"): "\u2011",
               _w("softHyphen"): "\u00ad"}
_LINE_BREAKS = (None, "textWrapping")  # w:br types; "page" and "column" give \f
# Subtrees that hold no visible text of this paragraph: properties (w:pPr holds tab stops
# named w:tab), deleted and moved-away text, field codes, and mc:Fallback, the copy of the
# mc:Choice next to it (the VML copy of a text box).
_SKIP = {_w("pPr"), _w("rPr"), _w("sdtPr"), _w("sdtEndPr"), _w("del"), _w("moveFrom"),
         _w("instrText"), _w("delInstrText"), f"{{{_MC}}}Fallback"}
_SEPARATOR_NOTES = {"separator", "continuationSeparator", "continuationNotice"}
_REFERENCE_ORDER = {"default": 0, "first": 1, "even": 2}


class DocxParagraph(NamedTuple):
    location: str  # one of LOCATIONS
    index: int  # 0-based within its location, in reading order
    text: str  # paragraph_text()
    part: str  # the package part it comes from, e.g. "/word/header2.xml"
    # (start, end) code-point ranges of ``text`` in underlined runs (a fill-in blank is
    # underlined spaces: the core's find_placeholders takes these ranges)
    underlined: Tuple[Tuple[int, int], ...] = ()


class DocxReadError(InputError):
    """The file is missing, not a .docx, or broken; ``str()`` is the one-line, localised
    reason (the messages ``cli_file_*`` and ``docx_*``)."""


def open_document(path: Union[str, Path]) -> DocxDocument:
    """The python-docx Document of a .docx, after checking that the file is one.

    Raises DocxReadError, checking in this order: no such file, a folder or another
    non-regular file, unreadable, 0 bytes, an OLE file (encrypted .docx or Word 97-2003
    .doc), a zip cut short, not a zip, a zip without ``word/document.xml``, a damaged zip
    member, then whatever python-docx refuses.
    """
    path = Path(path)
    try:
        _check_docx_file(path)
    except DocxReadError:
        raise
    except InputError as error:  # the checks every input file goes through
        raise DocxReadError(str(error)) from error
    try:
        document = docx.Document(str(path))
    except ValueError as error:  # python-docx names the main part's content type
        kind = next((kind for marker, kind in _OTHER_MAIN_PARTS if marker in str(error)), None)
        raise DocxReadError(say(kind, error=one_line(error)) if kind
                            else say("docx_corrupt", error=one_line(error))) from error
    except Exception as error:  # python-docx raises KeyError, lxml and its own errors
        raise DocxReadError(say("docx_corrupt", error=one_line(error))) from error
    _mend(document)
    return document


# Word packages python-docx does not open as documents: a macro-enabled document and a
# template, renamed .docx (their content types say so).
_OTHER_MAIN_PARTS = (("macroEnabled", "docx_macro_enabled"), ("template.main", "docx_template"))
# On/off values Word reads but python-docx's typed properties refuse (a crash, found by a
# stress run: w:titlePg w:val="yes", w:evenAndOddHeaders w:val="TRUE").
_ON_OFF = {"yes": "1", "true": "1", "on": "1", "no": "0", "false": "0", "off": "0"}


def _mend(document: DocxDocument) -> None:
    """What other writers leave in a package that Word opens and python-docx does not:
    on/off values spelt otherwise, header/footer references to no header or footer
    part (dangling, or pointing at another part), and a body without its ``w:sectPr``
    (a generator's: Word lays it out on its default page, python-docx then has no section
    to give the page to, and reading one raised IndexError). Nothing visible changes: an
    empty ``w:sectPr`` is the default page too."""
    from docx.parts.hdrftr import FooterPart, HeaderPart

    body = document.element.body
    if body.find(_w("sectPr")) is None:  # with r: declared, as the references in it need
        body.append(parse_xml(f'<w:sectPr {nsdecls("w", "r")}/>'))

    roots = [document.element, document.settings.element]
    for root in roots:
        for element in root.iter(_w("titlePg"), _w("evenAndOddHeaders"), _w("b"), _w("i")):
            value = element.get(_VAL)
            if value is not None and value not in ("0", "1", "true", "false", "on", "off"):
                element.set(_VAL, _ON_OFF.get(value.lower(), "1"))
    related = document.part.related_parts
    for reference in list(document.element.iter(_w("headerReference"), _w("footerReference"))):
        part = related.get(reference.get(f"{{{_R}}}id"))
        if not isinstance(part, (HeaderPart, FooterPart)):
            reference.getparent().remove(reference)


def read_paragraphs(source: Union[str, Path, DocxDocument]) -> List[DocxParagraph]:
    """Every paragraph of the document (see the module docstring for order and numbering).

    A path is opened with :func:`open_document`; a part that turns out broken while it is
    read (footnotes python-docx keeps as bytes, say) raises DocxReadError too.
    """
    try:
        return list(iter_paragraphs(source))
    except InputError:
        raise
    except Exception as error:  # lxml, KeyError: whatever a broken part raises
        raise DocxReadError(say("docx_corrupt", error=one_line(error))) from error


def iter_paragraphs(source: Union[str, Path, DocxDocument]
                    ) -> Iterator[DocxParagraph]:
    document = open_document(source) if isinstance(source, (str, Path)) else source
    counters: Dict[str, int] = dict.fromkeys(LOCATIONS, 0)
    underlining = _Underlining(document)
    for location, part_name, element in _stories(document):
        for paragraph_location, text, underlined in _walk_blocks(element, location,
                                                                 underlining):
            index = counters[paragraph_location]
            counters[paragraph_location] += 1
            yield DocxParagraph(paragraph_location, index, text, part_name, underlined)


def within(element: etree._Element, p: etree._Element, tag: str) -> bool:
    """Whether ``element`` lies inside a ``tag`` element (a hyperlink, a simple field) of
    the paragraph ``p`` itself, not of one around it."""
    for ancestor in element.iterancestors():
        if ancestor is p:
            return False
        if ancestor.tag == tag:
            return True
    return False


def paragraph_text(paragraph: etree._Element) -> str:
    """The text of one ``w:p`` as its reader sees it, each character Word stores as is.

    Runs' ``w:t`` text; a tab is ``\\t``; a line break (``w:br``, ``w:cr``) ``\\n``; a page
    or column break ``\\f`` (it separates words like a line break, and a formatter must not
    turn one into the other); a non-breaking hyphen U+2011 and an optional hyphen U+00AD
    (what Writer's text holds too). Text in fields' results, hyperlinks, insertions, content
    controls and smart tags counts. Left out: deleted and moved-away text, field codes,
    properties, the paragraphs of text boxes anchored here (they are paragraphs of their
    own: :func:`read_paragraphs` lists them after this one) and ``mc:Fallback`` (a copy of
    the ``mc:Choice`` beside it).
    """
    pieces: List[str] = []
    _collect(paragraph, pieces, [])
    return "".join(pieces)


def body_blocks(container: etree._Element) -> Iterator[etree._Element]:
    """Body-level paragraphs and tables in order, looking inside content controls."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from body_blocks(content)
        elif child.tag in (_w("customXml"), _w("ins"), _w("moveTo")):
            yield from body_blocks(child)


# ---- internals ------------------------------------------------------------------------------

def _check_docx_file(path: Path) -> None:
    require_file(path)
    head = read_bytes(path, len(OLE_MAGIC))
    if not head:
        raise DocxReadError(say("docx_empty"))
    if head == OLE_MAGIC:
        encrypted = ENCRYPTED_STREAM in read_bytes(path)
        raise DocxReadError(say("docx_encrypted" if encrypted else "docx_legacy_doc"))
    if not zipfile.is_zipfile(str(path)):
        # A zip's directory is at its end: a file that starts like one but has none was
        # cut off (an interrupted download or copy).
        raise DocxReadError(say("docx_truncated" if head.startswith(ZIP_MAGIC)
                                else "docx_not_docx"))
    try:
        with zipfile.ZipFile(str(path)) as archive:
            main = _main_part(archive)
            if main not in archive.namelist():
                raise DocxReadError(say("docx_not_word_zip"))
            damaged = _damaged_member(archive)
            doctype = damaged is None and b"<!DOCTYPE" in archive.read(main)[:4096]
    except DocxReadError:
        raise
    except Exception as error:  # BadZipFile, an encrypted or oddly compressed member
        raise DocxReadError(say("docx_corrupt", error=one_line(error))) from error
    if damaged is not None:
        raise DocxReadError(say("docx_damaged_member", member=damaged))
    if doctype:
        raise DocxReadError(say("docx_doctype"))


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part's name: what the package relationships name (Word for the
    web writes word/document2.xml), else the usual one."""
    try:
        rels = etree.fromstring(archive.read("_rels/.rels"))
    except Exception:  # missing or unreadable: python-docx will say what is wrong
        return MAIN_PART
    for rel in rels:
        if rel.get("Type") == RT.OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            return rel.get("Target", MAIN_PART).lstrip("/")
    return MAIN_PART


def _damaged_member(archive: zipfile.ZipFile) -> Optional[str]:
    """The first member that does not read back whole (CRC or deflate error), or None.

    ZipFile.testzip would do, but a deflate error escapes it without the member's name.
    """
    for info in archive.infolist():
        try:
            with archive.open(info) as member:
                while member.read(1 << 20):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError):
            return info.filename
    return None


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


def _walk_blocks(container: etree._Element, location: str, underlining: _Underlining
                 ) -> Iterator[tuple]:
    """(location, text, underlined ranges) of every paragraph under a block container, in
    document order."""
    for child in container:
        if child.tag == _P:
            yield from _paragraph_and_text_boxes(child, location, underlining)
        elif child.tag == _TBL:
            yield from _walk_blocks(child, "table" if location == "body" else location,
                                    underlining)
        elif child.tag not in _SKIP and len(child):
            # rows, cells, content controls (w:sdt), custom XML: look inside
            yield from _walk_blocks(child, location, underlining)


def _paragraph_and_text_boxes(paragraph: etree._Element, location: str,
                              underlining: _Underlining) -> Iterator[tuple]:
    pieces: List[str] = []
    boxes: List[etree._Element] = []
    runs = _UnderlinedRuns(underlining, underlining.paragraph_default(paragraph))
    _collect(paragraph, pieces, boxes, runs)
    yield location, "".join(pieces), tuple(runs.ranges)
    for box in boxes:  # w:txbxContent: a block container of its own
        yield from _walk_blocks(box, location, underlining)


def _collect(element: etree._Element, pieces: List[str], boxes: List[etree._Element],
             runs: Optional[_UnderlinedRuns] = None) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            pieces.append(child.text or "")
        elif tag in _CHARACTERS:
            pieces.append(_CHARACTERS[tag])
        elif tag == _BR:
            pieces.append("\n" if child.get(_w("type")) in _LINE_BREAKS else "\f")
        elif tag == _TXBX_CONTENT:
            boxes.append(child)
        elif tag in _SKIP or not isinstance(tag, str):
            continue  # properties, deleted text, comments and processing instructions
        elif tag == _RUN and runs is not None and runs.is_underlined(child):
            start = len(pieces)
            _collect(child, pieces, boxes, runs)
            runs.add(pieces, start)
        elif len(child):
            _collect(child, pieces, boxes, runs)


class _UnderlinedRuns:
    """Collects the underlined ranges of one paragraph's text while it is read."""

    def __init__(self, underlining: _Underlining, paragraph_default: bool) -> None:
        self._underlining = underlining
        self._default = paragraph_default
        self.ranges: List[Tuple[int, int]] = []
        self._length = 0  # characters in the pieces counted so far
        self._counted = 0  # how many pieces those are

    def is_underlined(self, run: etree._Element) -> bool:
        return self._underlining.run(run, self._default)

    def add(self, pieces: List[str], first_piece: int) -> None:
        """The pieces from ``first_piece`` on came from one underlined run."""
        start = self._length + sum(len(piece) for piece in pieces[self._counted:first_piece])
        end = start + sum(len(piece) for piece in pieces[first_piece:])
        self._length, self._counted = end, len(pieces)
        if end > start:
            self.ranges.append((start, end))


class _Underlining:
    """Whether a run is underlined: its own ``w:u``, else its character style's, else its
    paragraph style's (styles follow ``w:basedOn``).  ``w:u w:val="none"`` switches it off."""

    def __init__(self, document) -> None:
        self._styles: Dict[str, etree._Element] = {}
        try:
            root = document.styles.element
        except Exception:  # a package without a styles part
            root = None
        if root is not None:
            for style in root.iterchildren(_w("style")):
                self._styles[style.get(_w("styleId")) or ""] = style
        self._resolved: Dict[str, Optional[bool]] = {}

    def paragraph_default(self, paragraph: etree._Element) -> bool:
        style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
        return bool(style is not None and self._style(style.get(_VAL) or ""))

    def run(self, run: etree._Element, paragraph_default: bool) -> bool:
        properties = run.find(_w("rPr"))
        if properties is not None:
            own = _underline_of(properties)
            if own is not None:
                return own
            style = properties.find(_w("rStyle"))
            if style is not None:
                from_style = self._style(style.get(_VAL) or "")
                if from_style is not None:
                    return from_style
        return paragraph_default

    def _style(self, style_id: str, depth: int = 0) -> Optional[bool]:
        if style_id in self._resolved:
            return self._resolved[style_id]
        style = self._styles.get(style_id)
        result: Optional[bool] = None
        if style is not None and depth < 20:  # basedOn loops exist in the wild
            properties = style.find(_w("rPr"))
            result = _underline_of(properties) if properties is not None else None
            based_on = style.find(_w("basedOn"))
            if result is None and based_on is not None:
                result = self._style(based_on.get(_VAL) or "", depth + 1)
        self._resolved[style_id] = result
        return result


def _underline_of(properties: etree._Element) -> Optional[bool]:
    """True/False when ``w:rPr`` sets underlining on/off, None when it does not say."""
    underline = properties.find(_U)
    if underline is None:
        return None
    return (underline.get(_VAL) or "single") != "none"
