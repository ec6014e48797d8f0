"""``python -m gongwen check FILE... [--json]``: list the unfilled placeholders of files.

Reads ``.docx`` (body, tables, headers, footers, footnotes and endnotes, through
``gongwen.ooxml.docxtext``, underlined runs included: underlined spaces are a blank) and
``.txt`` in UTF-8 (with or without a byte-order mark), UTF-16 or GB18030/GBK (detected by
``gongwen.textcodec``); the detector is ``gongwen.placeholders``, the same rules Writer uses.

Human output, one line per placeholder, then a total::

    report.txt:3:12: XX  …开展调研XX次，形成…
    report.docx:table 2:5: X  …赴X开展…

``.txt``: ``path:LINE:COLUMN``, both counted from 1 as editors do.  ``.docx``:
``path:LOCATION N:COLUMN`` with N the paragraph's number (from 1) within its location
(body, table, header, footer, footnote, endnote).

``--json`` prints one object::

    {"files": [{"path": str, "encoding": str|null, "count": int, "placeholders": [
        {"text", "kind", "location", "paragraph", "start", "end", "context"}]}], "total": int}

where ``location`` is ``body|table|header|footer|footnote`` (endnotes report as
``footnote``, numbered after the footnotes' paragraphs), ``paragraph`` counts from 0 within
the location (for ``.txt``: the 0-based line number, location ``body``), and ``start``/``end``
are code-point offsets in that paragraph or line.  ``encoding`` is how a ``.txt`` was
decoded (``utf-8``, ``utf-8-sig``, ``utf-16``, ``gb18030``), null for a ``.docx`` or a file
that could not be read.  ``kind`` is one of ``gongwen.placeholders.KINDS``.  A file that
could not be read is listed with ``count`` 0, no placeholders and an ``error`` reason.

Exit status: 0 none found, 1 some found, 2 a file was missing, unreadable, corrupt or of an
unsupported type (its reason on stderr as ``gongwen check: PATH: reason``; the other files
are still checked, and 2 wins over 1). A .docx is opened by ``docxtext.open_document``, so
``check`` and ``format`` give the same reason for the same broken file.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from gongwen import textcodec
from gongwen.cli.walk import add_recursive_argument, each, expand, say_errors_and_skipped
from gongwen.input_files import InputError, read_bytes, require_file, say
from gongwen.placeholders import find_placeholders

if TYPE_CHECKING:  # python-docx and soffice load only when a file needs them
    from docx.document import Document as DocxDocument

    from gongwen.cli.inputs import Inputs

EXIT_NONE, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2
CONTEXT_CHARS = 10  # characters of context on each side of a placeholder
_LINE_BREAK = re.compile("\r\n|\r|\n")
_WHITESPACE = re.compile("[\t\n\r\v\f]")


class Finding(NamedTuple):
    text: str
    kind: str
    location: str  # body|table|header|footer|footnote
    paragraph: int  # 0-based within location (.txt: line number)
    start: int  # code points within the paragraph
    end: int
    context: str
    label: str  # how the human output names the paragraph: "3" or "table 2"


class FileReport(NamedTuple):
    path: str
    findings: List[Finding]
    error: Optional[str] = None
    encoding: Optional[str] = None  # how a .txt was decoded (textcodec.ENCODINGS)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help=".docx .doc .wps .wpt .dot .odt .rtf 或 .txt 文件（UTF-8、UTF-16、"
                             "GB18030/GBK 自动识别） / files (.txt: UTF-8, UTF-16, GB18030/GBK "
                             "detected)")
    parser.add_argument("--json", action="store_true",
                        help="输出 JSON / print one JSON object instead of lines")
    add_recursive_argument(parser)
    parser.epilog = ("查找 finds: X/××/○○/某某/□□ 占位, 空白日期 blank dates "
                     "(XXXX年XX月XX日, 年  月  日), 空白文号 〔    〕, [姓名] 【单位名称】 "
                     "（插入…照片） （待补充）, {{标题}}, ____, "
                     "带下划线的空格 underlined spaces (.docx). "
                     "每处一行 one line each: PATH:LINE:COLUMN (.txt) or "
                     "PATH:LOCATION N:COLUMN (.docx), counted from 1. "
                     "--json: kind and encoding per file. "
                     "退出码 exit status: 0 无占位符 none, 1 有占位符 found, "
                     "2 文件无法读取 unreadable file.")


def run(args: argparse.Namespace) -> int:
    from gongwen.cli.inputs import ACCEPTED, Inputs

    found = expand(args.files, args.recursive, ACCEPTED)
    with Inputs() as inputs:  # one soffice for the files that need converting
        reports = each(found, lambda path: check_path(str(path), inputs))
    say_errors_and_skipped("check", reports, found.skipped)
    if args.json:
        print(json.dumps(to_json(reports), ensure_ascii=False, indent=2))
    else:
        print_human(reports)
    return exit_status(reports)


def check_path(path: str, inputs: Optional[Inputs] = None) -> FileReport:
    """The placeholders of one file (and a .txt's encoding), or the reason it could not be
    read."""
    try:
        findings, encoding = check_file_and_encoding(Path(path), inputs)
        return FileReport(path, findings, encoding=encoding)
    except InputError as error:
        return FileReport(path, [], str(error))


def check_file(path: Path, inputs: Optional[Inputs] = None) -> List[Finding]:
    """The findings of one file; InputError says why it cannot be checked."""
    return check_file_and_encoding(path, inputs)[0]


def check_file_and_encoding(path: Path, inputs: Optional[Inputs] = None
                            ) -> Tuple[List[Finding], Optional[str]]:
    """The findings of one file and, for a .txt, the encoding it was read in. .doc, .wps,
    .odt, .rtf… are converted by ``inputs`` (:mod:`gongwen.cli.inputs`) and read as a
    .docx (locations and numbers are those of the converted document)."""
    require_file(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        text, encoding = read_text(path)
        return check_lines(text.split("\n")), encoding
    if suffix == ".docx":
        return check_docx(path), None
    from gongwen.cli.inputs import CONVERTED, open_input

    if suffix in CONVERTED:
        return check_docx(open_input(path, inputs)), None
    raise InputError(say("cli_check_unsupported", suffix=suffix or "(none)"))


def check_lines(lines: List[str]) -> List[Finding]:
    """Findings of a text file, given as its lines (line N is ``paragraph`` N)."""
    return [finding
            for number, line in enumerate(lines)
            for finding in _findings(line, "body", number, str(number + 1))]


def check_docx(path: Union[Path, DocxDocument]) -> List[Finding]:
    """The findings of a .docx; DocxReadError (an InputError) if it is not a readable one."""
    from gongwen.ooxml import docxtext  # python-docx loads only when a .docx is checked

    paragraphs = docxtext.read_paragraphs(path)
    footnote_paragraphs = sum(1 for p in paragraphs if p.location == "footnote")
    findings = []
    for paragraph in paragraphs:
        location, number = paragraph.location, paragraph.index
        if location == "endnote":  # the JSON contract has one location for all notes
            location, number = "footnote", footnote_paragraphs + paragraph.index
        label = f"{paragraph.location} {paragraph.index + 1}"
        findings.extend(_findings(paragraph.text, location, number, label,
                                  paragraph.underlined))
    return findings


def _findings(text: str, location: str, paragraph: int, label: str,
              underlined: Sequence[Tuple[int, int]] = ()) -> List[Finding]:
    return [Finding(p.text, p.kind, location, paragraph, p.start, p.end,
                    context(text, p.start, p.end), label)
            for p in find_placeholders(text, underlined)]


def read_text(path: Path) -> Tuple[str, str]:
    """(text with ``\\n`` line ends, encoding) of a .txt; InputError if it is none of the
    encodings ``textcodec`` knows."""
    try:
        text, encoding = textcodec.decode(read_bytes(path))
    except textcodec.UndecodableText as error:
        raise InputError(say("cli_check_undecodable", byte=f"{error.byte:02x}",
                             offset=error.offset)) from error
    return _LINE_BREAK.sub("\n", text), encoding


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The placeholder with up to ``width`` characters either side, on one line."""
    left, right = max(0, start - width), min(len(text), end + width)
    snippet = _WHITESPACE.sub(" ", text[left:right]).strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def to_json(reports: List[FileReport]) -> Dict[str, object]:
    files = []
    for report in reports:
        entry: Dict[str, object] = {
            "path": report.path,
            "encoding": report.encoding,
            "count": len(report.findings),
            "placeholders": [
                {"text": f.text, "kind": f.kind, "location": f.location,
                 "paragraph": f.paragraph, "start": f.start, "end": f.end, "context": f.context}
                for f in report.findings],
        }
        if report.error is not None:
            entry["error"] = report.error
        files.append(entry)
    return {"files": files, "total": sum(len(r.findings) for r in reports)}


def print_human(reports: List[FileReport]) -> None:
    for report in reports:
        for f in report.findings:
            print(f"{report.path}:{f.label}:{f.start + 1}: {f.text}  {f.context}")
    total, files = _totals(reports)
    if total:
        print(say("cli_check_total", count=total, files=files))
    else:
        print(say("cli_check_none", files=files))


def _totals(reports: List[FileReport]) -> Tuple[int, int]:
    readable = [r for r in reports if r.error is None]
    return sum(len(r.findings) for r in readable), len(readable)


def exit_status(reports: List[FileReport]) -> int:
    if any(r.error is not None for r in reports):
        return EXIT_BAD_INPUT
    return EXIT_FOUND if any(r.findings for r in reports) else EXIT_NONE
