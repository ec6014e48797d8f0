"""CheckPlaceholders in Writer against what a user does natively, on generated reports.

One soffice (the rig's ``tools/rig/office.py``, the .oxt built from the tree) loads the
generated 100- and 200-page reports as text. For each it times, in the same run:

* the native baseline, what a user does by hand to mark the placeholders: Find All with the
  core's ICU pattern (``findAll``, ``SearchRegularExpression``), select the matches, and
  apply a character style to the selection (``.uno:StyleApply``; the style has the marking
  style's yellow background);
* ``vnd.gongwen:CheckPlaceholders``, the figure the targets are about: <= 2x the native
  baseline, < 1 s for 100 pages, 200 pages <= 2.2x 100.

Both are timed until Writer's layout is done: a dispatched command returns before Writer
has redone its layout, so each timed run ends when the controller's ``PageCount`` answers
(it lays out first). Both start on a freshly loaded document whose background layout is
complete (``PageCount`` again: whichever call comes first would otherwise pay for it, 0.14 s
for 100 pages, 0.5 s for 200). Also timed:

* ``findAll`` alone (the search both start with);
* CheckPlaceholders again on the marked document (it first clears the old marks);
* NextPlaceholder from the start, and ClearPlaceholderMarks.

Each figure is the median of ``REPEATS`` runs, after one warm-up Check that pays for
importing the extension's modules; the spread (min, max) of the two main figures is kept
too. Times are wall-clock from this process, so they include one UNO round trip each.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

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


NATIVE_STYLE = "Native mark"  # the character style the baseline applies


def _laid_out(document) -> int:
    """Returns once Writer has laid the document out (reading PageCount lays out first)."""
    return document.getCurrentController().PageCount


def _native_mark(office, document) -> int:
    """Find All, then a character style on the selection, as a user does by hand."""
    found = _native_find_all(document)
    document.getCurrentController().select(found)
    office.uno_dispatch(document, ".uno:StyleApply", Style=NATIVE_STYLE,
                        FamilyName="CharacterStyles")
    return found.getCount()


def _add_native_style(document) -> None:
    from gongwen import spec

    styles = document.getStyleFamilies().getByName("CharacterStyles")
    style = document.createInstance("com.sun.star.style.CharacterStyle")
    styles.insertByName(NATIVE_STYLE, style)
    style.CharBackColor = spec.PLACEHOLDER_BACKGROUND_RGB


def _timings(action: Callable[[], object], before: Callable[[], object]) -> List[float]:
    times = []
    for _ in range(REPEATS):
        before()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def _measure(office, path: Path) -> Dict[str, float]:
    check = lambda document: office.dispatch(document, "vnd.gongwen:CheckPlaceholders")  # noqa: E731
    fresh = []  # the document a timed run works on, reloaded before each run

    def reload() -> None:
        if fresh:
            office.close(fresh.pop())
        fresh.append(office.load_text(path))
        _add_native_style(fresh[0])
        assert _laid_out(fresh[0]) > 0  # forces the full layout now

    reload()
    result = check(fresh[0])  # warm-up: imports the extension's modules
    reload()
    document = fresh[0]
    hits = _native_find_all(document).getCount()
    characters = len(office.text(document))
    _native_mark(office, document)
    styled = _native_find_all(document).getByIndex(0).CharStyleName
    assert styled == NATIVE_STYLE, f"the baseline applied no style ({styled!r})"
    native = _timings(lambda: (_native_mark(office, fresh[0]), _laid_out(fresh[0])), reload)
    checks = _timings(lambda: (check(fresh[0]), _laid_out(fresh[0])), reload)
    figures = {
        "characters": characters,
        "placeholders": int("".join(c for c in result.message if c.isdigit()) or 0),
        "native_hits": hits,
        "find_all_s": _median_time(lambda: _native_find_all(fresh[0]), before=reload),
        "native_mark_s": statistics.median(native),
        "native_mark_range_s": [min(native), max(native)],
        "check_s": statistics.median(checks),
        "check_range_s": [min(checks), max(checks)],
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
        figures["check_vs_native"] = figures["check_s"] / figures["native_mark_s"]
        figures["check_vs_find_all"] = figures["check_s"] / figures["find_all_s"]
        return figures
    finally:
        office.close(document)


def _spread(bounds: List[float]) -> str:
    return f"{bounds[0]:.3f}–{bounds[1]:.3f} s"


def main() -> dict:
    import build_oxt
    from generated_report import generate_report
    from rig.office import Office

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
                  f"native Find All + style {figures['native_mark_s']:.3f} s "
                  f"({_spread(figures['native_mark_range_s'])}), "
                  f"CheckPlaceholders {figures['check_s']:.3f} s "
                  f"({_spread(figures['check_range_s'])}; "
                  f"{figures['check_vs_native']:.2f}x native, "
                  f"{figures['check_vs_find_all']:.1f}x findAll), "
                  f"again on marked text {figures['recheck_s']:.3f} s, "
                  f"Next {figures['next_s']:.3f} s, Clear {figures['clear_s']:.3f} s",
                  flush=True)
    finally:
        office.stop()
    small, large = results["100_pages"], results["200_pages"]
    results["check_200_vs_100"] = large["check_s"] / small["check_s"]
    results["targets_met"] = {
        "check_le_2x_native": small["check_vs_native"] <= 2.0,
        "check_100_pages_under_1s": small["check_s"] < 1.0,
        "check_200_le_2.2x_100": results["check_200_vs_100"] <= 2.2,
    }
    print(f"   200 pages / 100 pages: {results['check_200_vs_100']:.2f}x; "
          f"targets: {results['targets_met']}")
    return results


if __name__ == "__main__":
    main()
