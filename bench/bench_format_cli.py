"""``python -m bench format_cli``: `python -m gongwen format` on 100 copies of a 20-page report.

Two figures: seconds per file inside one ``format --out-dir`` run over all 100 copies (what
a batch costs), and the wall time of one ``python -m gongwen format`` process on one file
(what a single call costs, interpreter start-up and imports included). Target: < 0.2 s.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict

ROOT = Path(__file__).resolve().parent.parent
COPIES = 100
PAGES = 20


def main() -> Dict[str, float]:
    sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath")]
    from generated_report import write_docx
    from gongwen import cli

    work = Path(tempfile.mkdtemp(prefix="bench-format-"))
    try:
        report = write_docx(work / "report.docx", pages=PAGES)
        inputs = []
        for index in range(COPIES):
            copy = work / "in" / f"report-{index:03d}.docx"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(report, copy)
            inputs.append(str(copy))
        started = time.perf_counter()
        code = _quiet(cli.main, ["format", *inputs, "--out-dir", str(work / "out")])
        batch = time.perf_counter() - started
        assert code == 0, f"format failed with exit {code}"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gongwen", "format", str(report), "-o",
                        str(work / "single.docx")], check=True, capture_output=True,
                       cwd=str(ROOT / "pythonpath"))
        single = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    per_file = batch / COPIES
    print(f"   format: {COPIES} copies of a {PAGES}-page report in {batch:.2f} s "
          f"= {per_file:.3f} s per file (target < 0.2 s)")
    print(f"   one `python -m gongwen format` process on one file: {single:.2f} s")
    return {"copies": COPIES, "pages": PAGES, "batch_seconds": round(batch, 3),
            "seconds_per_file": round(per_file, 4), "single_process_seconds": round(single, 3)}


def _quiet(function, argv) -> int:
    """Run the CLI with its per-file lines swallowed (100 lines would drown the figures)."""
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        return function(argv)


if __name__ == "__main__":
    main()
