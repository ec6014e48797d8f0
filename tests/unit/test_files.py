"""Outputs of `new` and `format`: written atomically, with the mode a new file gets."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gongwen.cli import main


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_and_format_write_the_same_mode_under_the_umask(tmp_path: Path):
    old = os.umask(0o022)
    try:
        made = tmp_path / "new.docx"
        formatted = tmp_path / "formatted.docx"
        assert main(["new", "personal", "-o", str(made)]) == 0
        assert main(["format", str(made), "-o", str(formatted)]) == 0
    finally:
        os.umask(old)
    assert _mode(made) == _mode(formatted) == 0o644
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".~gongwen-")]


def test_in_place_keeps_the_inputs_mode(tmp_path: Path):
    made = tmp_path / "new.docx"
    assert main(["new", "personal", "-o", str(made)]) == 0
    made.chmod(0o600)
    assert main(["format", str(made), "--in-place"]) == 0
    assert _mode(made) == 0o600
    assert (tmp_path / "new.docx.bak").exists()
