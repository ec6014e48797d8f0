"""``python -m gongwen format``: GB/T 9704 公文 layout for .docx files, without Writer.

The command: arguments, where each output goes, one line per file. The formatting itself is
:mod:`gongwen.batch.docxrender`, which carries out the same core plan as the Writer button.
Formatting never changes text unless
``--normalize`` asks for 规范写法 (:mod:`gongwen.normalize`, the same rules as Writer's
``?normalize=``);
:func:`format_document` checks, before anything is written, that the text after
formatting is exactly the text before with those rewrites made, nothing more.
Inputs are opened by :func:`gongwen.batch.docxtext.open_document` and paragraphs read by
:func:`gongwen.batch.docxtext.paragraph_text`, as ``check`` does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from gongwen import layout, normalize
from gongwen.batch import InputError, one_line, say
from gongwen.batch.docxrender import FormatError, FormatResult, format_document
from gongwen.batch.docxtext import open_document
from gongwen.batch.files import atomic_write, backup
from gongwen.batch.presets import add_preset_argument, preset_from_args
from gongwen.normalize import Normalization

EXIT_OK = 0
EXIT_FAILED = 2
# More inputs than this get a "[i/n]" progress prefix on their per-file line.
PROGRESS_THRESHOLD = 3

HELP_EPILOG = """\
output (exactly one):
  -o OUT.docx     one input only; OUT must not be the input (use --in-place) and must
                  not exist (unless --force)
  --out-dir DIR   writes DIR/<input name>.docx for each input (DIR is created); an
                  existing file there is refused unless --force
  --in-place      first copies IN.docx to IN.docx.bak (an existing .bak, the oldest
                  backup, is kept), then replaces IN.docx atomically
Every output is written to a temporary file in its folder and renamed into place.

--json prints one JSON array on stdout, one object per input, in input order:
  {"path": input, "output": written file or null, "status": "ok" | "error",
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
  all         all four; KINDS is one of these or a comma list (dates,spaces)

Exit status: 0 when every file was formatted, 2 when any failed (the others are still
written) or the arguments are wrong. A failed file gets one line on stderr:
  gongwen format: PATH: reason
"""

# --- command line ----------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = HELP_EPILOG
    parser.add_argument("inputs", nargs="+", metavar="IN.docx", help="files to format")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("-o", "--output", metavar="OUT.docx", help="output file (one input only)")
    mode.add_argument("--out-dir", metavar="DIR", help="write DIR/<name>.docx for each input")
    mode.add_argument("--in-place", action="store_true",
                      help="replace each input (after writing IN.docx.bak)")
    parser.add_argument("--force", action="store_true",
                        help="allow -o/--out-dir to replace an existing file (never the input)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON array of per-file results on stdout")
    add_preset_argument(parser)
    parser.add_argument("--normalize", metavar="KINDS", action="append", default=[],
                        type=_normalization,
                        help="rewrite text: dates, numbering, spaces, blank-lines or all, or a "
                             "comma list "
                             "(off: text never changes; see below)")


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


def plan_outputs(args: argparse.Namespace) -> List[Tuple[Path, Optional[Path], Optional[str]]]:
    """(input, output, refusal) for every input, decided before anything is written."""
    inputs = [Path(name) for name in args.inputs]
    plans: List[Tuple[Path, Optional[Path], Optional[str]]] = []
    claimed: Dict[Path, Path] = {}
    for source in inputs:
        if args.in_place:
            plans.append((source, source, None))
            continue
        target = Path(args.output) if args.output else \
            Path(args.out_dir) / (source.stem + ".docx")
        refusal = None
        if _same_file(source, target):
            refusal = say("cli_format_output_is_input")
        elif target.resolve() in claimed:
            refusal = say("cli_format_output_twice", other=claimed[target.resolve()])
        elif target.exists() and not args.force:
            refusal = say("cli_format_output_exists", output=target)
        else:
            claimed[target.resolve()] = source
        plans.append((source, target, refusal))
    return plans


def format_file(source: Path, target: Path, in_place: bool,
                options: Normalization = normalize.NONE,
                settings: Optional[layout.Settings] = None) -> FormatResult:
    document = open_document(source)
    result = format_document(document, options=options, settings=settings)
    if in_place:
        backup(source)
        atomic_write(source, document.save, mode_from=source)
    else:
        atomic_write(target, document.save)
    return result


def run(args: argparse.Namespace) -> int:
    if args.output and len(args.inputs) != 1:
        print("gongwen format: " + say("cli_format_output_one_input"), file=sys.stderr)
        return EXIT_FAILED
    plans = plan_outputs(args)
    options = normalization(args)
    settings = layout.settings_from(preset_from_args(args).data)  # a bad preset: exit 2
    results = []
    total = len(plans)
    for index, (source, target, refusal) in enumerate(plans, 1):
        entry = {"path": str(source), "output": None, "status": "error", "roles": {},
                 "error": refusal, "normalized": {}, "kept": []}
        if refusal is None:
            try:
                result = format_file(source, target, args.in_place, options, settings)
                entry.update(output=str(target), status="ok", roles=result.roles,
                             normalized=result.normalized, kept=result.kept)
            except (InputError, FormatError) as error:
                entry["error"] = str(error)
            except OSError as error:  # writing the output or the backup
                entry["error"] = error.strerror or one_line(error)
        results.append(entry)
        _report(entry, index, total, args.json)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return EXIT_OK if all(r["status"] == "ok" for r in results) else EXIT_FAILED


def _report(entry: Dict, index: int, total: int, as_json: bool) -> None:
    if entry["status"] != "ok":
        print(f"gongwen format: {entry['path']}: {entry['error']}", file=sys.stderr)
        return
    prefix = f"[{index}/{total}] " if total > PROGRESS_THRESHOLD else ""
    line = f"{prefix}{entry['path']} -> {entry['output']}"
    kept = "".join(say("format_kept_" + part).strip() for part in entry["kept"])
    if kept:
        line += f" ({kept})"
    # With --json, stdout is the JSON; the per-file lines go to stderr as progress.
    print(line, file=sys.stderr if as_json else sys.stdout, flush=True)
