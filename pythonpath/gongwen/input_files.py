"""What every reader of a user's file outside Writer shares: the CLI, the OOXML host, the
soffice driver and the PDF checker (standard library only, like the core).

This module holds what every subcommand shares and stays light (standard library and
:mod:`gongwen.messages` only, so ``--help`` stays quick): the language of the messages,
how an exception becomes a one-line reason, and the checks every input file goes through
before a command reads it (``.docx`` specifics live in :mod:`gongwen.ooxml.docxtext`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gongwen import messages, textcodec

# What the first bytes of the Word 97 family and of a zip package are.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


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


def describe(head: bytes) -> str:
    """What the first bytes of a file look like, for a message."""
    if head.startswith(OLE_MAGIC):
        return ".doc (Word 97-2003)"
    if head.startswith(ZIP_MAGIC):
        if b"opendocument.text" in head:
            return ".odt"
        if b"opendocument" in head:
            return "OpenDocument"
        return ".docx/zip"
    if head.lstrip().startswith(b"{\\rtf"):
        return ".rtf"
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "image"
    return "text" if _looks_like_text(head) else "binary"


def _looks_like_text(head: bytes) -> bool:
    try:
        textcodec.decode(head[: len(head) - len(head) % 2] if b"\x00" in head else head)
    except (textcodec.UndecodableText, UnicodeDecodeError):
        return False
    return b"\x00" not in head or head.count(b"\x00") >= len(head) // 4
