"""``python -m gongwen lint FILE... [--json]``: what in a file breaks GB/T 9704.

This module is the command and everything the checkers share: the :class:`Problem`, the
codes (a contract), the human and JSON reports and the exit status. The checkers only
produce problems:

- ``.pdf``: :func:`gongwen.pdf.pdflint.lint_pdf` (paper, type area, lines per page,
  characters per line, page numbers, type sizes; measured with poppler);
- every other accepted file (:mod:`gongwen.cli.inputs`: .docx, .doc, .wps, .odt, .rtf,
  .txt…): :func:`lint_document`, given the python-docx Document or the text by
  :class:`gongwen.cli.inputs.Inputs`. Not written yet: it says so (exit 2).

Human output, one line per problem, then a total::

    report.pdf: 页面: 第 2 页：…
      → 用 gongwen format --pdf 或 Writer 的“一键公文格式”重排原文档后重新导出

(a document's problems name their place: ``report.docx:第 3 段: 字号: 标题字号为三号，应为二号``;
each starts with its category in the reader's language, :func:`gongwen.formatcheck.category`,
while ``--json`` gives the code).

``--json`` prints one object::

    {"files": [{"path": str, "problems": [
        {"code", "message", "paragraph", "start", "end", "context", "fix"}]}], "total": int}

For a PDF, ``paragraph`` is the page (from 0) and ``start``/``end`` the body lines of that
page the problem is on (from 0, end excluded; both 0 for the page as a whole). A file that
could not be read is listed with no problems and an ``error`` reason.

Exit status: 0 no problems, 1 problems, 2 a file could not be read (its reason on stderr
as ``gongwen lint: PATH: reason``; the other files are still checked, and 2 wins over 1).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, NamedTuple, Optional

from gongwen.cli.presets import add_preset_argument, preset_from_args
from gongwen.cli.walk import add_recursive_argument, each, expand, say_errors_and_skipped
from gongwen.formatcheck import CODES, Problem  # the one Problem type, in the core
from gongwen.input_files import InputError, require_file, say

__all__ = ["CODES", "Problem", "FileReport", "lint_document", "lint_file", "lint_path"]

if TYPE_CHECKING:
    from gongwen.cli.inputs import Inputs
    from gongwen.layout import Settings

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class FileReport(NamedTuple):
    path: str
    problems: List[Problem]
    error: Optional[str] = None

PDF_SUFFIX = ".pdf"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="文档或 PDF / a document (.docx .doc .wps .odt .rtf .txt…) or a PDF")
    parser.add_argument("--json", action="store_true",
                        help="输出 JSON / print one JSON object instead of lines")
    add_recursive_argument(parser)
    add_preset_argument(parser)
    from gongwen.spec import PAGE

    parser.epilog = ("Documents: 检查 checks page, font, size, indent, numbering, punctuation, "
                     "date, structure, placeholder, font-missing, direct-format against the "
                     "layout 一键公文格式 would give (--preset). "
                     f"PDF: A4, 版心 type area {PAGE.type_width:g}×{PAGE.type_height:g} mm, "
                     f"{PAGE.lines} 行 lines × {PAGE.chars_per_line} 字 characters, 页码 — N — "
                     f"page numbers {PAGE.page_number_gap:g} mm below; title, body and page "
                     "number sizes. 退出码 exit status: 0 无问题 clean, 1 有问题 problems, "
                     "2 文件无法读取 unreadable.")


def run(args: argparse.Namespace) -> int:
    from gongwen import layout
    from gongwen.cli.inputs import ACCEPTED, Inputs

    found = expand(args.files, args.recursive, ACCEPTED + (PDF_SUFFIX,))
    settings = layout.settings_from(preset_from_args(args).data)  # a bad preset: exit 2
    with Inputs() as inputs:
        reports = each(found, lambda path: lint_path(str(path), inputs, settings))
    say_errors_and_skipped("lint", reports, found.skipped)
    if args.json:
        print(json.dumps(to_json(reports), ensure_ascii=False, indent=2))
    else:
        print_human(reports)
    return exit_status(reports)


def lint_path(path: str, inputs: Optional[Inputs] = None,
              settings: Optional[Settings] = None) -> FileReport:
    """The problems of one file, or the reason it could not be read."""
    try:
        return FileReport(path, lint_file(Path(path), inputs, settings))
    except InputError as error:
        return FileReport(path, [], str(error))


def lint_file(path: Path, inputs: Optional[Inputs] = None,
              settings: Optional[Settings] = None) -> List[Problem]:
    require_file(path)
    if path.suffix.lower() == PDF_SUFFIX:
        from gongwen.pdf.pdflint import lint_pdf

        return lint_pdf(path, settings)
    return lint_document(path, inputs, settings)


def lint_document(path: Path, inputs: Optional[Inputs] = None,
                  settings: Optional[Settings] = None) -> List[Problem]:
    """The problems of a document (.docx, .doc, .wps, .odt, .rtf, .txt…) against the layout
    of ``settings`` (the preset's; GB/T 9704 by default): :func:`gongwen.formatcheck.check`
    on what :mod:`gongwen.ooxml.docxfacts` reads. A .txt has text only: the text rules."""
    from gongwen.cli import inputs as accepted
    from gongwen.ooxml import docxfacts

    if accepted.suffix_of(path) == accepted.TEXT:
        facts = docxfacts.text_facts(accepted.text_paragraphs(accepted.read_text(path)[0]))
    else:
        from gongwen import layout
        from gongwen.ooxml import docxprops

        document = accepted.open_input(path, inputs)
        facts = docxfacts.document_facts(document)
        # the 落款 is judged by the document's own choice (stored by Format)
        settings = layout.with_seal(settings or layout.standard(), None,
                                    docxprops.read_text(document, layout.SEAL_PROPERTY))
    return check_facts(facts, settings)


def check_facts(facts, settings: Optional[Settings] = None) -> List[Problem]:
    """The checker on a model, in the CLI's language."""
    from gongwen import formatcheck
    from gongwen.input_files import cli_locale

    return formatcheck.check(facts, settings, cli_locale())


def to_json(reports: List[FileReport]) -> Dict[str, object]:
    files = []
    for report in reports:
        entry: Dict[str, object] = {
            "path": report.path,
            "problems": [{"code": p.code, "message": p.message, "paragraph": p.paragraph,
                          "start": p.start, "end": p.end, "context": p.context, "fix": p.fix}
                         for p in report.problems],
        }
        if report.error is not None:
            entry["error"] = report.error
        files.append(entry)
    return {"files": files, "total": sum(len(r.problems) for r in reports)}


def print_human(reports: List[FileReport]) -> None:
    from gongwen.formatcheck import category
    from gongwen.input_files import cli_locale

    locale = cli_locale()
    for report in reports:
        for p in report.problems:
            place = f"{report.path}:{p.label}" if p.label else report.path
            # the category in the reader's words; the code stays in --json (a contract)
            print(f"{place}: {category(p.code, locale)}: {p.message}")
            if p.fix:
                print(f"  → {p.fix}")
    readable = [r for r in reports if r.error is None]
    count = sum(len(r.problems) for r in readable)
    if count:
        print(say("lint_total", count=count, files=len(readable)))
    else:
        print(say("lint_none", files=len(readable)))


def exit_status(reports: List[FileReport]) -> int:
    if any(r.error is not None for r in reports):
        return EXIT_BAD_INPUT
    return EXIT_PROBLEMS if any(r.problems for r in reports) else EXIT_CLEAN
