"""CheckPlaceholders in Writer against LibreOffice's own findAll, on generated reports.

One soffice (the rig's ``tests/office.py``, the .oxt built from the tree) loads the
generated 100- and 200-page reports as text. For each it times, in the same run:

* ``findAll`` with the core's ICU pattern (``SearchRegularExpression``), the native floor,
  on the freshly loaded, laid-out document;
* ``vnd.gongwen:CheckPlaceholders`` on the freshly loaded, laid-out document (no marks
  yet), the figure the targets are about: <= 2x findAll, < 1 s for 100 pages, 200 pages
  <= 2.2x 100.

Writer lays a loaded document out in the background, and whichever call comes first pays
for the rest of it (0.14 s for 100 pages, 0.5 s for 200: layout is not linear). So every
timed run starts after the layout is complete (the controller's PageCount forces it), and
both findAll and Check are measured on the same footing;
* CheckPlaceholders again on the marked document (it first clears the old marks);
* NextPlaceholder from the start, and ClearPlaceholderMarks.

Each figure is the median of ``REPEATS`` runs, after one warm-up Check that pays for
importing the extension's modules. Times are wall-clock from this process, so they include
one UNO round trip each.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath"), str(ROOT / "tools")]

PAGES = (100, 200)
REPEATS = 7


def _median_time(action: Callable[[], object], before: Callable[[], object] = lambda: None,
                 repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        before()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _native_find_all(document):
    from gongwen import placeholders as core

    descriptor = document.createSearchDescriptor()
    descriptor.SearchRegularExpression = True
    descriptor.SearchCaseSensitive = True
    descriptor.SearchString = core.icu_pattern()
    return document.findAll(descriptor)


def _measure(office, path: Path) -> Dict[str, float]:
    check = lambda document: office.dispatch(document, "vnd.gongwen:CheckPlaceholders")  # noqa: E731
    fresh = []  # the document a first-time Check runs on, reloaded before each run

    def reload() -> None:
        if fresh:
            office.close(fresh.pop())
        fresh.append(office.load_text(path))
        assert fresh[0].getCurrentController().PageCount > 0  # forces the full layout now

    reload()
    result = check(fresh[0])  # warm-up: imports the extension's modules
    reload()
    document = fresh[0]
    hits = _native_find_all(document).getCount()
    figures = {
        "characters": len(office.text(document)),
        "placeholders": int("".join(c for c in result.message if c.isdigit()) or 0),
        "native_hits": hits,
        "find_all_s": _median_time(lambda: _native_find_all(fresh[0]), before=reload),
        "check_s": _median_time(lambda: check(fresh[0]), before=reload),
    }
    document = fresh[0]
    try:
        figures["recheck_s"] = _median_time(lambda: check(document))
        cursor = document.getCurrentController().getViewCursor()
        figures["next_s"] = _median_time(
            lambda: office.dispatch(document, "vnd.gongwen:NextPlaceholder"),
            before=lambda: cursor.gotoStart(False))
        figures["clear_s"] = _median_time(
            lambda: office.dispatch(document, "vnd.gongwen:ClearPlaceholderMarks"),
            before=lambda: check(document))
        figures["check_vs_find_all"] = figures["check_s"] / figures["find_all_s"]
        return figures
    finally:
        office.close(document)


def main() -> dict:
    from tests.office import Office

    import build_oxt
    from bench.report import generate_report

    workdir = Path(tempfile.mkdtemp(prefix="gongwen-bench-check-"))
    oxt = build_oxt.build(workdir / "gongwen.oxt")
    office = Office(oxt, workdir)
    results: Dict[str, Dict[str, float]] = {}
    try:
        office.start()
        for pages in PAGES:
            path = workdir / f"report-{pages}.txt"
            path.write_text("\n".join(generate_report(pages)) + "\n", encoding="utf-8")
            figures = _measure(office, path)
            results[f"{pages}_pages"] = figures
            print(f"   {pages} pages, {figures['characters']} chars, "
                  f"{figures['placeholders']} placeholders ({figures['native_hits']} native hits): "
                  f"findAll {figures['find_all_s']:.3f} s, "
                  f"CheckPlaceholders {figures['check_s']:.3f} s "
                  f"({figures['check_vs_find_all']:.1f}x findAll), "
                  f"again on marked text {figures['recheck_s']:.3f} s, "
                  f"Next {figures['next_s']:.3f} s, Clear {figures['clear_s']:.3f} s",
                  flush=True)
    finally:
        office.stop()
    small, large = results["100_pages"], results["200_pages"]
    results["check_200_vs_100"] = large["check_s"] / small["check_s"]
    results["targets_met"] = {
        "check_le_2x_find_all": small["check_vs_find_all"] <= 2.0,
        "check_100_pages_under_1s": small["check_s"] < 1.0,
        "check_200_le_2.2x_100": results["check_200_vs_100"] <= 2.2,
    }
    print(f"   200 pages / 100 pages: {results['check_200_vs_100']:.2f}x; "
          f"targets: {results['targets_met']}")
    return results


if __name__ == "__main__":
    main()
