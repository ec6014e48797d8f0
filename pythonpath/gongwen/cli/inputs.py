"""Every input file the batch commands accept, as a python-docx Document or as text.

``format``, ``check`` and ``lint`` take ``.docx`` and these (:data:`ACCEPTED`):

- ``.doc``, ``.dot``, ``.wps``, ``.wpt`` (Word 97-2003 binaries; WPS writes its ``.wps`` and
  ``.wpt`` in the same format), ``.odt`` and ``.rtf``: converted to .docx by LibreOffice
  (:mod:`gongwen.soffice.office`, one soffice for the whole batch, started on demand);
- ``.txt`` in UTF-8 (with or without BOM), UTF-16 or GB18030/GBK
  (:func:`gongwen.textcodec.decode`): read directly, no soffice.

Before anything reads a file, its first bytes must agree with its extension: a ``.doc``
that is really a .docx, a PDF named ``.rtf``, or a zero-byte file gets one line saying so
(an :class:`InputError`), never a guess.

A ``.txt`` becomes a document by :func:`text_document`: **one paragraph per line**, the
line's text unchanged (leading spaces included: ``format --normalize spaces`` removes them).
Blank lines (nothing but white space) are separators when the file puts one between every
two paragraphs (no two text lines touch), and are then dropped; otherwise a run of blank
lines is one empty paragraph, an empty line the author typed (the formatter treats it as
Writer does, e.g. before the 署名), and blank lines at the start and end are dropped.
Lines are never joined: Chinese text has no spaces that would tell a hard wrap from a
paragraph end, Notepad does not hard-wrap, and a wrong join would run a heading into its
paragraph.

Use :class:`Inputs` for a batch: ``with Inputs() as inputs: inputs.document(path)``.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import List, Optional, Tuple

from gongwen import textcodec
from gongwen.input_files import (
    OLE_MAGIC,
    ZIP_MAGIC,
    InputError,
    describe,
    read_bytes,
    require_file,
    say,
)

DOCX = ".docx"
TEXT = ".txt"
WORD97 = (".doc", ".dot", ".wps", ".wpt")
CONVERTED = WORD97 + (".odt", ".rtf")
ACCEPTED = (DOCX,) + CONVERTED + (TEXT,)

ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text",
                 "application/vnd.oasis.opendocument.text-template")
_LINE_BREAK = re.compile("\r\n|\r|\n")
_SNIFF_BYTES = 512


def suffix_of(path: Path) -> str:
    """The accepted suffix of ``path`` (lower case); InputError for any other."""
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED:
        raise InputError(say("input_unsupported", suffix=suffix or "(none)",
                             accepted=" ".join(ACCEPTED)))
    return suffix


def check_content(path: Path, suffix: str) -> None:
    """InputError unless the file is a regular, non-empty file whose first bytes are of the
    kind its extension says (.docx is checked by ``docxtext.open_document`` itself)."""
    require_file(path)
    head = read_bytes(path, _SNIFF_BYTES)
    if not head:
        raise InputError(say("docx_empty"))
    if suffix == DOCX:
        return
    if suffix in WORD97:
        fits = head.startswith(OLE_MAGIC)
    elif suffix == ".odt":
        fits = head.startswith(ZIP_MAGIC) and _odt_mimetype(path) in ODT_MIMETYPES
    elif suffix == ".rtf":
        fits = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")
    else:  # .txt: anything a known binary format is not
        fits = describe(head) in ("text", "binary")
    if not fits:
        raise InputError(say("input_mislabelled", suffix=suffix, actual=describe(head)))


def _odt_mimetype(path: Path) -> str:
    try:
        with zipfile.ZipFile(str(path)) as archive:
            return archive.read("mimetype").decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return ""


# --- .txt ------------------------------------------------------------------------------

def read_text(path: Path) -> Tuple[str, str]:
    """(text with ``\\n`` line breaks, encoding) of a .txt file."""
    check_content(path, TEXT)
    data = read_bytes(path)
    try:
        text, encoding = textcodec.decode(data)
    except textcodec.UndecodableText as error:
        raise InputError(say("input_text_undecodable", byte=f"{error.byte:02x}",
                             offset=error.offset)) from error
    if "\x00" in text:
        raise InputError(say("input_mislabelled", suffix=TEXT, actual="binary"))
    return _LINE_BREAK.sub("\n", text), encoding


def text_paragraphs(text: str) -> List[str]:
    """The paragraphs a .txt file becomes (module docstring): one per line, blank lines
    dropped when they separate every paragraph, else each run of them one empty one."""
    from gongwen.layout import separating_blanks  # the one rule, which the roles read too

    lines = text.split("\n")
    blank = [not line.strip() for line in lines]
    separators = separating_blanks(lines)
    paragraphs: List[str] = []
    for line, is_blank in zip(lines, blank):
        if not is_blank:
            paragraphs.append(line)
        elif not separators and paragraphs and paragraphs[-1] != "":
            paragraphs.append("")
    while paragraphs and paragraphs[-1] == "":
        paragraphs.pop()
    return paragraphs


def text_document(text: str):
    """A python-docx Document holding the paragraphs of :func:`text_paragraphs`."""
    import docx

    document = docx.Document()
    body = document.element.body
    for paragraph in list(body.iterchildren(docx.oxml.ns.qn("w:p"))):
        body.remove(paragraph)  # python-docx's default document has no paragraph, but be sure
    for line in text_paragraphs(text):
        document.add_paragraph(line)
    return document


# --- the batch -------------------------------------------------------------------------

class Inputs:
    """Opens the files of one batch; holds the soffice of :mod:`gongwen.soffice.office` (started
    only when a file needs it), whose work folder also holds the converted copies, removed
    on :meth:`close`."""

    def __init__(self, office=None) -> None:
        self._office = office

    @property
    def office(self):
        if self._office is None:
            from gongwen.soffice.office import Office

            self._office = Office()
        return self._office

    def docx_path(self, path: Path) -> Path:
        """A .docx holding ``path``'s document: the file itself for .docx, else a converted
        copy in a private folder (not for .txt: use :meth:`document`)."""
        suffix = suffix_of(path)
        check_content(path, suffix)
        if suffix == DOCX:
            return path
        if suffix == TEXT:
            raise ValueError("a .txt file has no .docx; use Inputs.document")
        converted = self.office.private_folder() / (path.stem + DOCX)
        self.office.convert(path, converted)
        return converted

    def document(self, path: Path):
        """The python-docx Document of any accepted file (.txt: :func:`text_document`)."""
        from gongwen.ooxml.docxtext import open_document

        if suffix_of(path) == TEXT:
            return text_document(read_text(path)[0])
        docx_file = self.docx_path(path)
        document = open_document(docx_file)
        if docx_file != path:  # python-docx has read it all: the copy can go now
            shutil.rmtree(str(docx_file.parent), ignore_errors=True)
        return document

    def to_pdf(self, docx: Path, pdf: Path) -> None:
        """Export a .docx as PDF with the batch's soffice (``pdf`` may be a temporary name)."""
        self.office.convert(docx, pdf)

    def close(self) -> None:
        if self._office is not None:
            self._office.close()  # the converted copies are in its work folder

    def __enter__(self) -> Inputs:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_input(path: Path, inputs: Optional[Inputs] = None):
    """The python-docx Document of one accepted file, outside a batch (starts and stops
    soffice when the file needs it)."""
    if inputs is not None:
        return inputs.document(path)
    with Inputs() as own:
        return own.document(path)
