"""Writing files safely: every output goes to a temporary file beside it, then is renamed.

``format`` and ``new`` both write through :func:`atomic_write`, so an interrupted run never
leaves half a file, and an output gets the mode a new file would (or its input's, in place).
With ``GONGWEN_WRITTEN_LOG`` set, each file written is appended to that file, one path a
line: the test suite validates every .docx the CLI wrote (tests/docxvalid.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Optional


def atomic_write(target: Path, save: Callable[[str], None],
                 mode_from: Optional[Path] = None) -> None:
    """``save(temporary_path)`` beside ``target``, then rename it over ``target``.

    The file gets ``mode_from``'s permissions when given (``--in-place``), else what a new
    file gets under the umask (mkstemp's 0600 would hide it from the user's group).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".~gongwen-", suffix=target.suffix + ".tmp",
                                         dir=str(target.parent))
    os.close(handle)
    temp = Path(temp_name)
    try:
        save(str(temp))
        if mode_from is not None and mode_from.exists():
            shutil.copymode(str(mode_from), str(temp))
        else:
            os.chmod(str(temp), 0o666 & ~_umask())
        os.replace(str(temp), str(target))
        _log_written(target)
    finally:
        if temp.exists():
            temp.unlink()


WRITTEN_LOG_ENV = "GONGWEN_WRITTEN_LOG"


def _log_written(target: Path) -> None:
    log = os.environ.get(WRITTEN_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(str(target.resolve()) + "\n")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def backup(path: Path) -> Path:
    """IN.docx.bak, written atomically; an existing backup (the oldest) is kept."""
    bak = path.with_name(path.name + ".bak")
    if bak.exists():
        return bak
    handle, temp_name = tempfile.mkstemp(prefix=".~gongwen-", suffix=".bak.tmp",
                                         dir=str(path.parent))
    os.close(handle)
    try:
        shutil.copy2(str(path), temp_name)
        os.replace(temp_name, str(bak))
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return bak
