"""``python -m bench batch_formats``: `format` on 50 Word 97 ``.doc`` files, with and without
``--pdf`` (one soffice for the whole batch).

The .doc files are a generated 10-page report saved by soffice as "MS Word 97" (50 copies).
Each figure is the wall time of one ``python -m gongwen format --out-dir`` process:
on 1 file (soffice start-up included) and on all 50, so the cost of a file after the first
is (50 files − 1 file) / 49. ``--pdf`` adds (50 with PDF − 50 without) / 50 a file.
Targets: ≤ 1 s a file after the first; ``--pdf`` ≤ 1 s more.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
COPIES = 50
PAGES = 10


def main() -> Dict[str, float]:
    sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath")]
    from generated_report import write_docx
    from gongwen.soffice.office import Office

    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        report = write_docx(work / "report.docx", pages=PAGES)
        with Office() as office:
            office.convert(report, work / "report.doc")
        inputs = work / "in"
        inputs.mkdir()
        files = [shutil.copy(str(work / "report.doc"), str(inputs / f"r{n:02}.doc"))
                 for n in range(1, COPIES + 1)]
        one = _format(work / "one", files[:1])
        batch = _format(work / "batch", files)
        batch_pdf = _format(work / "pdf", files, "--pdf")
    finally:
        shutil.rmtree(str(work), ignore_errors=True)
    figures = {
        "one_file_s": one,
        "batch_s": batch,
        "per_file_after_first_s": (batch - one) / (COPIES - 1),
        "batch_pdf_s": batch_pdf,
        "pdf_adds_per_file_s": (batch_pdf - batch) / COPIES,
    }
    for name, value in figures.items():
        print(f"   {name}: {value:.2f}")
    return figures


def _format(out: Path, files: List[str], *extra: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "pythonpath"))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gongwen", "format", "--out-dir", str(out), *extra,
                    *files], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started
