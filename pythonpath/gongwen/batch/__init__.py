"""The batch (CLI) side: reads and writes .docx with python-docx/lxml.

Unlike the core, modules here may import third-party packages; they are never
imported from inside LibreOffice.

This module holds what every subcommand shares and stays light (standard library and
:mod:`gongwen.messages` only, so ``--help`` stays quick): the language of the messages,
how an exception becomes a one-line reason, and the checks every input file goes through
before a command reads it (``.docx`` specifics live in :mod:`gongwen.batch.docxtext`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gongwen import messages


class InputError(Exception):
    """An input file a command cannot use; ``str()`` is the one-line, localised reason."""


def cli_locale() -> str:
    """The locale of the messages: the usual POSIX variables, else zh-CN (the users')."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return value.replace("_", "-")
    return "zh-CN"


def say(key: str, **values: object) -> str:
    """The message ``key`` of :mod:`gongwen.messages` in the CLI's language."""
    return messages.text(key, cli_locale(), **values)


def one_line(error: BaseException) -> str:
    """``Type: message`` on one line, for the detail of a reason (zip, lxml, python-docx)."""
    text = " ".join(str(error).split())
    name = type(error).__name__
    return f"{name}: {text}" if text else name


def require_file(path: Path) -> None:
    """Raise InputError unless ``path`` is an existing regular file (not a folder, pipe or
    device: reading one of those would fail late or wait forever)."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError) as error:
        raise InputError(say("cli_file_missing")) from error
    except OSError as error:
        raise InputError(say("cli_file_unreadable", error=error.strerror or error)) from error
    if stat.S_ISDIR(mode):
        raise InputError(say("cli_file_directory"))
    if not stat.S_ISREG(mode):
        raise InputError(say("cli_file_not_regular"))


def read_bytes(path: Path, limit: int = -1) -> bytes:
    """The first ``limit`` bytes of the file (all with -1); InputError if it cannot be read."""
    try:
        with path.open("rb") as stream:
            return stream.read(limit)
    except OSError as error:
        raise InputError(say("cli_file_unreadable", error=error.strerror or error)) from error
