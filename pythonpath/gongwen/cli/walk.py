"""Folders as inputs: ``format DIR... --recursive --out-dir OUT`` (and ``check``, ``lint``).

:func:`expand` turns the command line's names into the files to work on, each with the path
it keeps under ``--out-dir`` (the tree below the folder that was named), and the files it
passed over because they are not documents, which the command says once at the end
(:func:`skipped_line`). A folder named without ``--recursive`` stays one input, so its one
line says it is a folder and the other files go on.

What a walk leaves out without a word: hidden files and folders (``.git``), Word's owner
files (``~$报告.docx``), LibreOffice's lock files (``.~lock.报告.docx#``), the CLI's own
backups (``*.bak``) and anything inside the output folder (a second run must not format
the first run's output).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, List, NamedTuple, Optional, Sequence, TextIO, TypeVar

from gongwen.input_files import say

# More files than this and a terminal: a progress line (``[12/40] 述职.doc``) on stderr.
PROGRESS_THRESHOLD = 3
# How many of the skipped files the closing line names.
SKIPPED_NAMED = 3


Result = TypeVar("Result")


class Input(NamedTuple):
    path: Path
    mirrored: Path  # where it stands under --out-dir: its path below the folder named


class Expansion(NamedTuple):
    inputs: List[Input]
    skipped: List[Path]


def add_recursive_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-r", "--recursive", action="store_true",
                        help="a folder among the inputs: every document below it, the tree "
                             "kept under --out-dir; other files are skipped")


def expand(names: Sequence[str], recursive: bool, suffixes: Sequence[str],
           out_dir: Optional[str] = None) -> Expansion:
    """The inputs ``names`` stand for, in the order given, each folder's files sorted."""
    inputs: List[Input] = []
    skipped: List[Path] = []
    keep_out = Path(out_dir).resolve() if out_dir else None
    for name in names:
        path = Path(name)
        if not (recursive and path.is_dir()):
            inputs.append(Input(path, Path(path.name)))
            continue
        for found in _walk(path, keep_out):
            if found.suffix.lower() in suffixes:
                inputs.append(Input(found, found.relative_to(path)))
            else:
                skipped.append(found)
    return Expansion(inputs, skipped)


def _walk(root: Path, keep_out: Optional[Path]) -> List[Path]:
    files: List[Path] = []
    for folder, subfolders, names in os.walk(str(root)):
        here = Path(folder)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".")
                               and (here / name).resolve() != keep_out)
        files.extend(here / name for name in sorted(names) if not _ignored(name))
    return files


def _ignored(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower().endswith(".bak")


def skipped_line(command: str, skipped: List[Path]) -> Optional[str]:
    """One closing line for the files a walk passed over, or None."""
    if not skipped:
        return None
    named = "、".join(str(path) for path in skipped[:SKIPPED_NAMED])
    more = len(skipped) - SKIPPED_NAMED
    return f"gongwen {command}: " + say("cli_walk_skipped", count=len(skipped), named=named,
                                        more=say("cli_walk_more", count=more) if more > 0
                                        else "")


class Progress:
    """``[i/n] name`` rewritten in place on a terminal's stderr while a batch runs; nothing
    when stderr is a file or a pipe (a log must not fill with carriage returns)."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.stream = stream
        self.shown = total > PROGRESS_THRESHOLD and stream.isatty()
        self.width = 0

    def step(self, index: int, path: Path) -> None:
        if self.shown:
            line = f"[{index}/{self.total}] {path}"
            self.stream.write("\r" + line.ljust(self.width))
            self.stream.flush()
            self.width = len(line)

    def done(self) -> None:
        if self.shown and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def each(found: Expansion, work: Callable[[Path], Result]) -> List[Result]:
    """``work`` on every input in order, with the progress line on a terminal."""
    progress = Progress(len(found.inputs))
    results = []
    for index, (path, _) in enumerate(found.inputs, 1):
        progress.step(index, path)
        results.append(work(path))
    progress.done()
    return results


def say_errors_and_skipped(command: str, reports: Sequence, skipped: List[Path]) -> None:
    """One line on stderr per file that could not be read (a report's ``path`` and
    ``error``), then the one line for what the walk skipped."""
    for report in reports:
        if report.error is not None:
            print(f"gongwen {command}: {report.path}: {report.error}", file=sys.stderr)
    line = skipped_line(command, skipped)
    if line:
        print(line, file=sys.stderr)
