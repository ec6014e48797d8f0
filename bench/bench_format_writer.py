"""``python -m bench format_writer``: 一键公文格式 in Writer on the 100- and 200-page report.

Against the baseline of LibreOffice itself applying one paragraph style to every paragraph
natively in the same soffice (select all + ``.uno:StyleApply``). Both start from the same
freshly loaded, laid-out document and are timed twice: until the dispatch returns (what the
click costs) and until Writer has laid out every page again (``PageCount``). Target: Format
< 2 s and ≤ 3× the baseline on 100 pages, about linear from 100 to 200 pages.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 200)
REPEATS = 3
TARGET_SECONDS = 2.0
TARGET_RATIO = 3.0


def main() -> Dict[str, object]:
    sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath"), str(ROOT / "tools")]
    os.environ.setdefault("GONGWEN_NO_DIALOGS", "1")
    import build_oxt
    from generated_report import write_text
    from rig.office import Office

    work = Path(tempfile.mkdtemp(prefix="bench-format-writer-"))
    (work / "office").mkdir()
    office = Office(build_oxt.build(work / "gongwen.oxt"), work / "office").start()
    results: Dict[str, object] = {}
    try:
        for pages in SIZES:
            text = write_text(work / f"report-{pages}.txt", pages=pages)
            results[str(pages)] = _measure_size(office, text)
    finally:
        office.stop()
        shutil.rmtree(work, ignore_errors=True)
    for pages in SIZES:
        figures = results[str(pages)]
        print(f"   {pages} pages ({figures['paragraphs']} paragraphs, {figures['pages_after']} "
              f"pages formatted): Format {figures['format_s']:.2f} s "
              f"({figures['format_with_layout_s']:.2f} s with relayout), baseline StyleApply "
              f"{figures['baseline_s']:.2f} s ({figures['baseline_with_layout_s']:.2f} s), "
              f"ratio {figures['ratio_with_layout']:.2f}×")
    small, large = results[str(SIZES[0])], results[str(SIZES[1])]
    growth = large["format_with_layout_s"] / small["format_with_layout_s"]
    results["growth_100_to_200"] = round(growth, 2)
    ok = small["format_with_layout_s"] < TARGET_SECONDS and \
        small["ratio_with_layout"] <= TARGET_RATIO
    results["meets_target"] = ok
    print(f"   100 → 200 pages: × {growth:.2f} (linear = × 2.0); target < {TARGET_SECONDS} s and "
          f"≤ {TARGET_RATIO}× baseline: {'met' if ok else 'NOT met'}")
    return results


def _measure_size(office, text: Path) -> Dict[str, object]:
    format_times: List[Tuple[float, float, int]] = []
    baseline_times: List[Tuple[float, float, int]] = []
    info: Dict[str, object] = {}
    for _ in range(REPEATS):
        format_times.append(_timed(office, text, lambda doc: _format(office, doc, info)))
        baseline_times.append(_timed(office, text, lambda doc: _style_everything(office, doc)))
    fmt = statistics.median(t for t, _, _ in format_times)
    fmt_layout = statistics.median(t for _, t, _ in format_times)
    base = statistics.median(t for t, _, _ in baseline_times)
    base_layout = statistics.median(t for _, t, _ in baseline_times)
    return {
        "paragraphs": len(text.read_text(encoding="utf-8").splitlines()),
        "pages_after": format_times[-1][2],
        "format_s": round(fmt, 3),
        "format_with_layout_s": round(fmt_layout, 3),
        "baseline_s": round(base, 3),
        "baseline_with_layout_s": round(base_layout, 3),
        "ratio": round(fmt / base, 2),
        "ratio_with_layout": round(fmt_layout / base_layout, 2),
        "message": info.get("message"),
    }


def _timed(office, text: Path, action: Callable[[object], None]) -> Tuple[float, float, int]:
    """(seconds until ``action`` returns, seconds until the layout is complete again, pages)."""
    copy = text.with_name("open-" + text.name)
    shutil.copyfile(text, copy)
    document = office.load_text(copy)
    try:
        _page_count(document)  # start from a laid-out document, as a user has it
        started = time.perf_counter()
        action(document)
        returned = time.perf_counter() - started
        pages = _page_count(document)
        return returned, time.perf_counter() - started, pages
    finally:
        office.close(document)


def _page_count(document) -> int:
    return document.getCurrentController().getPropertyValue("PageCount")


def _format(office, document, info: Dict[str, object]) -> None:
    result = office.dispatch(document, "vnd.gongwen:Format")
    assert result.ok, result.message
    info["message"] = result.message


def _style_everything(office, document) -> None:
    """LibreOffice's own fastest way to give every paragraph one style."""
    office.uno_dispatch(document, ".uno:SelectAll")
    office.uno_dispatch(document, ".uno:StyleApply", Style="Text Body",
                        FamilyName="ParagraphStyles")


if __name__ == "__main__":
    main()
