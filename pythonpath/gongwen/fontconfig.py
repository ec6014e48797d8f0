"""The fonts this machine has, as fontconfig says (``fc-list``), and what it puts in the
place of a missing one (``fc-match``): asked by the OOXML host's format checker and by the
soffice driver's replacement table. Standard library only; None/"" without fontconfig."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from typing import FrozenSet, Optional


@lru_cache(maxsize=1)
def families() -> Optional[FrozenSet[str]]:
    if not shutil.which("fc-list"):
        return None
    try:
        out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                             timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(",")
                     if name.strip())


@lru_cache(maxsize=64)
def match(font: str) -> str:
    if not shutil.which("fc-match"):
        return ""
    try:
        # A Chinese name is matched as a Chinese font would be (else fontconfig offers a
        # Latin face with no CJK glyphs).
        pattern = font if font.isascii() else f"{font}:lang=zh-cn"
        out = subprocess.run(["fc-match", "-f", "%{family[0]}", pattern], capture_output=True,
                             text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.strip()
