"""交稿前的提醒 on the generated 100- and 200-page reports: how long a user waits for the
question after pressing Save/Export/Print.

One soffice (the rig's ``tests/office.py``) loads each report as text in a *visible* frame
(headless, so the question's dialog returns at once as 查看第一处, the way Escape would) and
times, after the layout is complete:

* ``findAll`` with the core's ICU pattern, the native floor;
* ``.uno:ExportDirectToPDF`` dispatched on the frame: the guard counts the placeholders
  (``placeholders.find_all``, the search 检查占位符 uses), asks, and selects the first;
* ``vnd.gongwen:NextPlaceholder`` from the document's start (the same search and selection,
  no question), for comparison.

Medians of ``REPEATS`` runs after a warm-up; wall-clock from this process.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Dict

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath"), str(ROOT / "tools")]

from bench.bench_check_writer import _median_time, _native_find_all  # noqa: E402

PAGES = (100, 200)


def _measure(office, path: Path) -> Dict[str, float]:
    document = office.open(path, "Text (encoded)", FilterOptions="UTF8,LF,,,", Hidden=False)
    try:
        controller = document.getCurrentController()
        assert controller.PageCount > 0  # forces the full layout now
        cursor = controller.getViewCursor()
        to_end = lambda: cursor.gotoEnd(False)  # noqa: E731
        guarded = lambda: office.uno_dispatch(document, ".uno:ExportDirectToPDF")  # noqa: E731
        to_end()
        guarded()  # warm-up: imports the guard's modules
        selected = controller.getSelection().getByIndex(0).getString()
        assert selected, "the guard did not stop the export and select a placeholder"
        return {
            "pages": controller.PageCount,
            "find_all_s": _median_time(lambda: _native_find_all(document)),
            "guard_s": _median_time(guarded, before=to_end),
            "next_s": _median_time(
                lambda: office.dispatch(document, "vnd.gongwen:NextPlaceholder"),
                before=lambda: cursor.gotoStart(False)),
        }
    finally:
        office.close(document)


def main() -> dict:
    import build_oxt
    from generated_report import generate_report
    from rig.office import Office

    workdir = Path(tempfile.mkdtemp(prefix="gongwen-bench-guard-"))
    office = Office(build_oxt.build(workdir / "gongwen.oxt"), workdir)
    results: Dict[str, Dict[str, float]] = {}
    try:
        office.start()
        for pages in PAGES:
            path = workdir / f"report-{pages}.txt"
            path.write_text("\n".join(generate_report(pages)) + "\n", encoding="utf-8")
            figures = results[f"{pages}_pages"] = _measure(office, path)
            print(f"   {pages} pages: findAll {figures['find_all_s']:.3f} s, "
                  f"guard (count, ask, select first) {figures['guard_s']:.3f} s, "
                  f"NextPlaceholder {figures['next_s']:.3f} s", flush=True)
    finally:
        office.stop()
    return results


if __name__ == "__main__":
    main()
