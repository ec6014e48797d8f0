"""The sample reports the tests run on, and how many placeholders each holds.

The repository's own two reports (``tests/data/samples``, written for this project in
the genre of a county office's 述职 and 总结, placeholders as such reports leave them)
are always there. The two real reports of the steering notes (``../shared/samples``)
are used as well where that folder is beside the clone; a lone clone skips them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict

import pytest

ROOT = Path(__file__).resolve().parent.parent
OWN_DIR = ROOT / "tests" / "data" / "samples"

# The repository's own: a 乡镇党委书记 个人述职 and a 县教育局 年度工作总结.
SHUZHI = "xiangzhen-dangwei-shuji-shuzhi.txt"
ZONGJIE = "xian-jiaoyuju-niandu-zongjie.txt"
OWN: Dict[str, int] = {SHUZHI: 59, ZONGJIE: 61}

# The steering notes' real reports: only X runs, counted by hand.
SHARED: Dict[str, int] = {"zhengxie-lingdao-banzi-shuzhi.txt": 48,
                          "xian-zhengxie-jiguan-2021-zongjie.txt": 58}



def shared_samples_dir() -> Path:
    shared = os.environ.get("GONGWEN_SHARED")
    return (Path(shared) if shared else ROOT.parent / "shared") / "samples"


# The steering samples are test data only where ../shared is beside the clone: a lone clone
# collects no test on them (tests/unit/test_samples_here.py says so once, as a skip).
STEERING: Dict[str, int] = {name: count for name, count in SHARED.items()
                            if (shared_samples_dir() / name).is_file()}
COUNTS: Dict[str, int] = {**OWN, **STEERING}


def sample_path(name: str) -> Path:
    """The sample's file; a test on a steering sample is skipped where ../shared is absent."""
    if name in OWN:
        return OWN_DIR / name
    path = shared_samples_dir() / name
    if not path.is_file():
        pytest.skip(f"{name}: ../shared/samples is not beside this clone")
    return path


def read_sample(name: str) -> str:
    return sample_path(name).read_text(encoding="utf-8")
