"""``python -m bench check_cli``: the placeholder detector and ``python -m gongwen check``.

Figures (median of several runs, milliseconds):
- the detector alone on the generated 100- and 200-page reports (``tools/generated_report.py``),
  paragraph by paragraph as Writer and the CLI call it (linear: 200 pages ≈ 2 × 100);
- ``check`` in-process on both samples, and on the 100-page report as .txt and .docx;
- one ``python -m gongwen check --json`` process on both samples (start-up and imports
  included: what a user waits for).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("xiangzhen-dangwei-shuji-shuzhi.txt", "xian-jiaoyuju-niandu-zongjie.txt")


def _median_ms(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def _quiet_check(argv: List[str]) -> int:
    from gongwen import cli

    with contextlib.redirect_stdout(io.StringIO()):
        return cli.main(["check", *argv])


def _samples() -> List[str]:
    return [str(ROOT / "tests" / "data" / "samples" / name) for name in SAMPLES]


def main() -> Dict[str, float]:
    sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath")]
    from generated_report import generate_report, write_docx, write_text
    from gongwen.placeholders import count_placeholders

    results: Dict[str, float] = {}
    for pages in (100, 200):
        paragraphs = generate_report(pages)
        found = sum(count_placeholders(p) for p in paragraphs)
        ms = _median_ms(lambda ps=paragraphs: [count_placeholders(p) for p in ps], 9)
        chars = sum(len(p) for p in paragraphs)
        print(f"   detector, {pages}-page report ({chars} chars, {len(paragraphs)} paragraphs,"
              f" {found} placeholders): {ms} ms")
        results[f"detector_{pages}_pages_ms"] = ms
        results[f"detector_{pages}_pages_placeholders"] = found
    ratio = results["detector_200_pages_ms"] / results["detector_100_pages_ms"]
    print(f"   200 pages / 100 pages: {ratio:.2f} (linear: about 2)")
    results["detector_200_over_100"] = round(ratio, 2)

    samples = _samples()
    ms = _median_ms(lambda: _quiet_check(samples), 9)
    print(f"   check in-process, both samples (106 placeholders): {ms} ms")
    results["check_samples_in_process_ms"] = ms

    work = Path(tempfile.mkdtemp(prefix="bench-check-"))
    try:
        txt = str(write_text(work / "report.txt", pages=100))
        docx_path = str(write_docx(work / "report.docx", pages=100))
        for name, path in (("txt", txt), ("docx", docx_path)):
            ms = _median_ms(lambda p=path: _quiet_check([p]), 5)
            print(f"   check in-process, 100-page report as .{name}: {ms} ms")
            results[f"check_100_pages_{name}_in_process_ms"] = ms
    finally:
        shutil.rmtree(work, ignore_errors=True)

    python = ROOT / ".venv" / "bin" / "python"
    command = [str(python if python.exists() else sys.executable), "-m", "gongwen", "check",
               "--json", *samples]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "pythonpath"))
    ms = _median_ms(lambda: subprocess.run(command, capture_output=True, env=env), 5)
    print(f"   one `python -m gongwen check --json` process, both samples: {ms} ms")
    results["check_samples_subprocess_ms"] = ms
    return results


if __name__ == "__main__":
    main()
