"""边写边查 on the generated 100-page report: what one paragraph's check costs.

Writer's checking thread calls the registered checker's ``doProofreading`` once a
paragraph (C++ → pyuno → Python, inside soffice). Measured here, for every paragraph of
the report loaded in Writer:

* ``iterator``: LibreOffice's ProofreadingIterator ``checkSentenceAtPosition`` on the
  paragraph's flat paragraph: the iterator finds the configured checker for the
  paragraph's language and calls ``doProofreading`` exactly as the background checking
  does (what the context menu uses), plus this process's bridge round trip;
* ``direct``: ``doProofreading`` on the service made by name, over the bridge;
* ``bridge``: a call that does nothing (``isSpellChecker``) over the same bridge: the part
  of both figures above that Writer, calling in-process, never pays;
* ``core``: :func:`gongwen.proofing.proofread` in this process (the Python work alone).

Median and 99th percentile per paragraph, in milliseconds: of one pass (``*_once``), and
of each paragraph's best of ``PASSES`` passes. The machine is shared (2 cores, several
soffice processes): a pause of a few milliseconds lands on some call of every pass, on
the bridge's empty call as much as on the checker, so the best of three is the checker's
own cost and one pass is what a busy machine adds.
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

PAGES = 100
PASSES = 3
PROOFREADING = 2  # com.sun.star.text.TextMarkupType


def _percentiles(samples: List[float]) -> Dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return {"median_ms": statistics.median(ordered) * 1000, "p99_ms": p99 * 1000,
            "max_ms": ordered[-1] * 1000}


def _timed(calls: List[Callable[[], object]]) -> List[float]:
    samples = []
    for call in calls:
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def _passes(calls: List[Callable[[], object]]) -> List[List[float]]:
    return [_timed(calls) for _ in range(PASSES)]


def _flat_paragraphs(document) -> list:
    iterator = document.getFlatParagraphIterator(PROOFREADING, False)
    result, paragraph = [], iterator.getFirstPara()
    while paragraph is not None:
        result.append(paragraph)
        paragraph = iterator.getNextPara()
    return result


def main() -> dict:
    import uno  # noqa: F401  (its import hook brings the com.sun.star modules)
    from com.sun.star.lang import Locale

    import build_oxt
    from generated_report import generate_report
    from gongwen import proofing
    from rig.office import Office

    workdir = Path(tempfile.mkdtemp(prefix="gongwen-bench-proof-"))
    office = Office(build_oxt.build(workdir / "gongwen.oxt"), workdir)
    path = workdir / f"report-{PAGES}.txt"
    path.write_text("\n".join(generate_report(PAGES)) + "\n", encoding="utf-8")
    results: Dict[str, object] = {}
    try:
        office.start()
        document = office.load_text(path)
        paragraphs = _flat_paragraphs(document)
        texts = [paragraph.getText() for paragraph in paragraphs]
        iterator = office.smgr.createInstanceWithContext(
            "com.sun.star.linguistic2.ProofreadingIterator", office.ctx)
        checker = office.smgr.createInstanceWithContext("org.gongwen.writer.Proofreader",
                                                        office.ctx)
        zh = Locale("zh", "CN", "")

        def through_iterator(paragraph, text):
            return lambda: iterator.checkSentenceAtPosition(
                document, paragraph, text, Locale(), 0, proofing.utf16_length(text), -1)

        def direct(text):
            return lambda: checker.doProofreading("1", text, zh, 0,
                                                  proofing.utf16_length(text), ())

        marks = sum(len(through_iterator(p, t)().aErrors) for p, t in zip(paragraphs, texts))
        passes = {
            "core": _passes([lambda t=t: proofing.proofread(t) for t in texts]),
            "bridge": _passes([checker.isSpellChecker for _ in texts]),
            "direct": _passes([direct(t) for t in texts]),
            "iterator": _passes([through_iterator(p, t) for p, t in zip(paragraphs, texts)]),
        }
        results = {"pages": PAGES, "paragraphs": len(texts), "marks": marks}
        for name, runs in passes.items():
            results[name + "_once"] = _percentiles(runs[0])
            results[name] = _percentiles([min(samples) for samples in zip(*runs)])
        print(f"   {len(texts)} paragraphs, {marks} marks", flush=True)
        for name in ("core", "bridge", "direct", "iterator"):
            best, once = results[name], results[name + "_once"]
            print(f"   {name:9s} best of {PASSES}: median {best['median_ms']:.3f} ms, "
                  f"p99 {best['p99_ms']:.3f} ms, max {best['max_ms']:.3f} ms | one pass: "
                  f"median {once['median_ms']:.3f} ms, p99 {once['p99_ms']:.3f} ms",
                  flush=True)
        office.close(document)
    finally:
        office.stop()
    return results


if __name__ == "__main__":
    main()
