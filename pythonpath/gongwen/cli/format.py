"""``python -m gongwen format``: GB/T 9704 公文 layout for documents, without Writer.

Inputs are any file :mod:`gongwen.cli.inputs` accepts (.docx, .doc, .wps, .wpt, .dot,
.odt, .rtf, .txt; the non-.docx ones but .txt go through one soffice for the whole batch);
the output is always .docx, and with ``--pdf`` also the PDF soffice exports from it.

The command: arguments, where each output goes, one line per file. The formatting itself is
:mod:`gongwen.ooxml.docxrender`, which carries out the same core plan as the Writer button.
Formatting never changes text unless
``--normalize`` asks for 规范写法 (:mod:`gongwen.normalize`, the same rules as Writer's
``?normalize=``);
:func:`format_document` checks, before anything is written, that the text after
formatting is exactly the text before with those rewrites made, nothing more.
Inputs are opened by :func:`gongwen.ooxml.docxtext.open_document` and paragraphs read by
:func:`gongwen.ooxml.docxtext.paragraph_text`, as ``check`` does.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from gongwen import layout, normalize, roles, spec
from gongwen.cli.files import atomic_write, backup
from gongwen.cli.inputs import ACCEPTED, DOCX, Inputs
from gongwen.cli.presets import add_preset_argument, preset_from_args
from gongwen.cli.walk import (
    PROGRESS_THRESHOLD,
    Input,
    add_recursive_argument,
    expand,
    skipped_line,
)
from gongwen.input_files import InputError, one_line, say
from gongwen.normalize import Normalization
from gongwen.ooxml.docxrender import FormatError, FormatResult, format_document

EXIT_OK = 0
EXIT_FAILED = 2

HELP_EPILOG = """\
inputs: .docx, and .doc .wps .wpt .dot .odt .rtf (converted by LibreOffice, one soffice
for the whole batch) and .txt (UTF-8, UTF-16 or GB18030/GBK; one paragraph per line)

output (exactly one):
  -o OUT.docx     one input only; OUT must not be the input (use --in-place) and must
                  not exist (unless --force)
  --out-dir DIR   writes DIR/<input stem>.docx for each input (DIR is created); an
                  existing file there is refused unless --force; with -r, a folder's
                  documents keep their tree: DIR/<path below the folder>.docx
  --in-place      .docx inputs only: first copies IN.docx to IN.docx.bak (an existing
                  .bak, the oldest backup, is kept), then replaces IN.docx atomically
--pdf also writes OUT.pdf beside each OUT.docx, exported by LibreOffice from the
formatted .docx (an existing one is refused unless --force or --in-place).
Every output is written to a temporary file in its folder and renamed into place; a file
that fails leaves nothing behind.

--json prints one JSON array on stdout, one object per input, in input order:
  {"path": input, "output": written file or null, "status": "ok" | "error",
   "pdf": the PDF written or null (--pdf),
   "roles": {role: paragraph count}, "error": one-line reason or null,
   "normalized": {kind: paragraphs rewritten} for each --normalize kind asked ({} if none),
   "kept": ["header"|"footer"]: the author's own header/footer text that was kept (a
   paragraph that only showed a page number is replaced by the — N — footer)}

--normalize KINDS rewrites text (off by default: formatting never changes text):
  dates       成文日期 as 2021年12月31日
  numbering   heading numbers as 一、 （一） 1. （1） (一. (一) 1、 1． (1) are recognised)
  spaces      spaces, U+3000, NBSP and tabs typed at the start of a paragraph; a 落款
              typed on one line (署名   日期) becomes a 署名 and a 成文日期 paragraph
  blank-lines empty paragraphs typed for spacing go; the styles give GB/T 9704's space
  punctuation GB/T 15834 in Chinese sentences: , . : ; ? ! ( ) -> ，。：；？！（）,
              "" '' -> “” ‘’, -- -> ——, ... -> ……, stray spaces between Chinese
              characters or beside full-width marks, ２０２５ -> 2025; times, decimals,
              1,250, addresses, file names, version and standard numbers, fields stay
  all         all five; KINDS is one of these or a comma list (dates,spaces)

--track-changes writes every text edit of --normalize as Word revisions (w:del/w:ins by
公文助手, dated now): accepting them all gives the --normalize text, rejecting them all
the input's text. The layout is never a revision.

Exit status: 0 when every file was formatted, 2 when any failed (the others are still
written) or the arguments are wrong. A failed file gets one line on stderr:
  gongwen format: PATH: reason
"""

# --- command line ----------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = HELP_EPILOG
    parser.add_argument("inputs", nargs="+", metavar="IN",
                        help="files to format: " + " ".join(ACCEPTED) + " (folders with -r)")
    add_recursive_argument(parser)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("-o", "--output", metavar="OUT.docx", help="output file (one input only)")
    mode.add_argument("--out-dir", metavar="DIR", help="write DIR/<name>.docx for each input")
    mode.add_argument("--in-place", action="store_true",
                      help="replace each input (after writing IN.docx.bak)")
    parser.add_argument("--force", action="store_true",
                        help="allow -o/--out-dir to replace an existing file (never the input)")
    parser.add_argument("--pdf", action="store_true",
                        help="also write the PDF beside each output .docx")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON array of per-file results on stdout")
    add_preset_argument(parser)
    parser.add_argument("--layout", choices=roles.LAYOUT_CHOICES,
                        help="GB/T 9704's 信函格式 (letter) or 纪要格式 (minutes), whatever the "
                             "document shows (by default: a 函 or a 纪要 mark chooses)")
    parser.add_argument("--seal", choices=spec.SEALS,
                        help="the 落款: none without a seal (GB/T 9704 7.3.5.2), stamp with the "
                             "agency's seal (7.3.5.1), signature with the signer's seal "
                             "(7.3.5.3); by default the document's stored choice, else the "
                             "preset's (none)")
    parser.add_argument("--normalize", metavar="KINDS", action="append", default=[],
                        type=_normalization,
                        help="rewrite text: dates, numbering, spaces, blank-lines, punctuation "
                             "or all, or a comma list (off: text never changes; see below)")
    parser.add_argument("--track-changes", action="store_true",
                        help="write the --normalize edits as tracked changes by 公文助手")


def _normalization(value: str) -> Normalization:
    try:
        return Normalization.parse(value)
    except normalize.UnknownKind as unknown:
        raise argparse.ArgumentTypeError(say(
            "format_normalize_unknown", kind=unknown.kind,
            choices=", ".join(normalize.KINDS + (normalize.ALL,)))) from unknown


def normalization(args: argparse.Namespace) -> Normalization:
    """Every --normalize given."""
    options = normalize.NONE
    for more in getattr(args, "normalize", None) or ():
        options = options.union(more)
    return options


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def plan_outputs(args: argparse.Namespace, inputs: Optional[List[Input]] = None
                 ) -> List[Tuple[Path, Optional[Path], Optional[str]]]:
    """(input, output, refusal) for every input, decided before anything is written.
    ``inputs``: what the names expand to (folders with ``--recursive``)."""
    if inputs is None:
        inputs = [Input(Path(name), Path(Path(name).name)) for name in args.inputs]
    plans: List[Tuple[Path, Optional[Path], Optional[str]]] = []
    claimed: Dict[Path, Path] = {}
    for source, mirrored in inputs:
        if source.is_dir():  # named without --recursive
            plans.append((source, None, say("cli_file_directory")))
            continue
        if args.in_place:
            refusal = None if source.suffix.lower() == DOCX else \
                say("format_in_place_docx_only", suffix=source.suffix or "(none)")
            plans.append((source, source, refusal))
            continue
        target = Path(args.output) if args.output else \
            Path(args.out_dir) / mirrored.with_suffix(".docx")
        refusal = None
        if _same_file(source, target):
            refusal = say("cli_format_output_is_input")
        elif target.resolve() in claimed:
            refusal = say("cli_format_output_twice", other=claimed[target.resolve()])
        elif target.exists() and not args.force:
            refusal = say("cli_format_output_exists", output=target)
        elif getattr(args, "pdf", False) and pdf_path(target).exists() and not args.force:
            refusal = say("cli_format_output_exists", output=pdf_path(target))
        else:
            claimed[target.resolve()] = source
        plans.append((source, target, refusal))
    return plans


def pdf_path(output: Path) -> Path:
    """Where ``--pdf`` writes the PDF of ``output``: beside it, same stem."""
    return output.with_suffix(".pdf")


def format_file(source: Path, target: Path, in_place: bool,
                options: Normalization = normalize.NONE, inputs: Optional[Inputs] = None,
                pdf: bool = False, settings: Optional[layout.Settings] = None,
                kind: Optional[str] = None, track: bool = False,
                seal: Optional[str] = None) -> FormatResult:
    """Format ``source`` into ``target`` (and its PDF); nothing is written if any step fails.
    ``kind``: the special format asked for (``--layout``), None: the document's own;
    ``seal``: the 落款 asked for (``--seal``), None: the document's stored one or the
    preset's."""
    own = inputs is None
    inputs = inputs or Inputs()
    try:
        document = inputs.document(source)
        result = format_document(document, options=options, settings=settings, kind=kind,
                                 track=track, seal=seal)
        if result.record_page:
            document, result = _record_on_last_page(
                document, result, lambda used: _format_again(
                    inputs, source, used, options=options, settings=settings, kind=kind,
                    track=track, seal=seal), inputs)
        if pdf:
            _write_with_pdf(document, source, target, in_place, inputs)
        elif in_place:
            backup(source)
            atomic_write(source, document.save, mode_from=source)
        else:
            atomic_write(target, document.save)
        return result
    finally:
        if own:
            inputs.close()


def _format_again(inputs: Inputs, source: Path, used_pt: float, **how) -> Tuple:
    document = inputs.document(source)
    return document, format_document(document, record_used_pt=used_pt, **how)


def _record_on_last_page(document, result: FormatResult, again, inputs: Inputs) -> Tuple:
    """The 版记 at the foot of the text's last page when that page is even and has room
    (GB/T 9704 §7.4), as the Writer button does: the formatted document is laid out by the
    batch's soffice (a PDF), which says where the text ends; formatted again with that, the
    result is laid out once more and kept only if the 版记 stayed on that page. Without
    soffice the 版记 keeps its own even page."""
    try:
        ends = _text_end(document, inputs)
        if ends is None:
            return document, result
        number, used_pt = ends
        moved, moved_result = again(used_pt)
        if moved_result.record_page:
            return document, result  # no room there
        layout_ = _laid_out(moved, inputs)
        last = layout_.pages[-1]
        if last.page_number is not None and last.page_number.number == number:
            return moved, moved_result
    except (InputError, OSError):  # no soffice here, or it failed: keep the own page
        pass
    return document, result


def _laid_out(document, inputs: Inputs):
    from gongwen.pdf.pdfmeasure import measure_pdf

    folder = inputs.office.private_folder()
    try:
        docx_file = folder / "layout.docx"
        document.save(str(docx_file))
        pdf_file = folder / "layout.pdf"
        inputs.to_pdf(docx_file, pdf_file)
        return measure_pdf(pdf_file)
    finally:
        shutil.rmtree(str(folder), ignore_errors=True)


def _text_end(document, inputs: Inputs) -> Optional[Tuple[int, float]]:
    """(page number, points used from the type area's top) of the page where the text
    before the 版记 ends, when that page is even; None otherwise."""
    pages = [page for page in _laid_out(document, inputs).pages if page.body_lines]
    if len(pages) < 2 or pages[-2].page_number is None:
        return None
    text_page = pages[-2]  # the 版记 has the last page of its own
    number = text_page.page_number.number
    if number % 2:
        return None
    bottom = max(line.bottom_mm for line in text_page.body_lines)
    return number, (bottom - spec.PAGE.top) / spec.MM_PER_PT


def _write_with_pdf(document, source: Path, target: Path, in_place: bool,
                    inputs: Inputs) -> None:
    # The PDF is made from a private copy of the formatted .docx before either file is put
    # in place, so a failed export leaves neither. The copy sits in the soffice's work
    # folder: a CLI killed with SIGKILL mid-export leaves no folder behind (its guard
    # removes the work folder; a TemporaryDirectory in TMPDIR stayed, found by CI).
    folder = inputs.office.private_folder()
    try:
        formatted = folder / (target.stem + DOCX)
        document.save(str(formatted))
        exported = folder / (target.stem + ".pdf")
        inputs.to_pdf(formatted, exported)
        if in_place:
            backup(source)
        atomic_write(target, lambda temp: shutil.copyfile(str(formatted), temp),
                     mode_from=source if in_place else None)
        atomic_write(pdf_path(target), lambda temp: shutil.copyfile(str(exported), temp))
    finally:
        shutil.rmtree(str(folder), ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    found = expand(args.inputs, getattr(args, "recursive", False), ACCEPTED, args.out_dir)
    if args.output and len(found.inputs) != 1:
        print("gongwen format: " + say("cli_format_output_one_input"), file=sys.stderr)
        return EXIT_FAILED
    plans = plan_outputs(args, found.inputs)
    options = normalization(args)
    settings = layout.settings_from(preset_from_args(args).data)  # a bad preset: exit 2
    results = []
    total = len(plans)
    with Inputs() as inputs:
        for index, (source, target, refusal) in enumerate(plans, 1):
            entry = {"path": str(source), "output": None, "pdf": None, "status": "error",
                     "roles": {}, "error": refusal, "normalized": {}, "kept": []}
            if refusal is None:
                try:
                    result = format_file(source, target, args.in_place, options, inputs,
                                         pdf=args.pdf, settings=settings,
                                         kind=getattr(args, "layout", None),
                                         track=getattr(args, "track_changes", False),
                                         seal=getattr(args, "seal", None))
                    entry.update(output=str(target), status="ok", roles=result.roles,
                                 normalized=result.normalized, kept=result.kept,
                                 pdf=str(pdf_path(target)) if args.pdf else None)
                except (InputError, FormatError) as error:
                    entry["error"] = str(error)
                except OSError as error:  # writing the output or the backup
                    entry["error"] = error.strerror or one_line(error)
            results.append(entry)
            _report(entry, index, total, args.json)
    skipped = skipped_line("format", found.skipped)
    if skipped:
        print(skipped, file=sys.stderr)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return EXIT_OK if all(r["status"] == "ok" for r in results) else EXIT_FAILED


def _report(entry: Dict, index: int, total: int, as_json: bool) -> None:
    if entry["status"] != "ok":
        print(f"gongwen format: {entry['path']}: {entry['error']}", file=sys.stderr)
        return
    prefix = f"[{index}/{total}] " if total > PROGRESS_THRESHOLD else ""
    line = f"{prefix}{entry['path']} -> {entry['output']}"
    if entry.get("pdf"):
        line += f" + {entry['pdf']}"
    kept = "".join(say("format_kept_" + part).strip() for part in entry["kept"])
    if kept:
        line += f" ({kept})"
    # With --json, stdout is the JSON; the per-file lines go to stderr as progress.
    print(line, file=sys.stderr if as_json else sys.stdout, flush=True)
