"""``python -m bench role_accuracy``: roles on the real corpus, per role, tune and held-out.

The corpus is ``tests/data/realcorpus/{tune,heldout}`` (real documents labelled by hand, see
its README; held-out files are never used to tune). Three paths, blank paragraphs not counted:

- core: ``roles.classify`` on the texts, with the source's looks where it takes them;
- CLI: each file built as a plain .docx with its looks as direct formatting
  (:func:`labelled.build_docx`), ``python -m gongwen format --out-dir`` over all of them,
  the paragraph styles read back (python-docx) and matched to the labelled paragraphs;
- Writer: the same .docx opened in a real soffice with gongwen.oxt, ``vnd.gongwen:Format``
  dispatched, each paragraph's ``ParaStyleName`` read back.

A paragraph is right when it ends up in its role's style (spec.PARAGRAPH_STYLES); one the
path lost (no paragraph carries its text any more) is wrong. The figures go to
``bench/role_accuracy.md`` and ``out/bench.json``. ``GONGWEN_BENCH_NO_WRITER=1`` skips Writer.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "role_accuracy.md"
PATHS = ("core", "cli", "writer")


def main() -> Dict[str, object]:
    sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath"), str(ROOT / "tools")]
    os.environ.setdefault("GONGWEN_NO_DIALOGS", "1")
    import labelled

    work = Path(tempfile.mkdtemp(prefix="bench-roles-"))
    results: Dict[str, Dict[str, list]] = {path: {} for path in PATHS}
    try:
        files = {part: labelled.corpus(part) for part in labelled.PARTS}
        built = {part: [labelled.build_docx(labelled.read_labelled(f),
                                            work / "in" / part / (f.stem + ".docx"))
                        for f in _mkdirs(files[part], work / "in" / part)]
                 for part in labelled.PARTS}
        for part in labelled.PARTS:
            results["core"][part] = labelled.core_results(files[part])
            results["cli"][part] = _cli(labelled, files[part], built[part], work / "cli" / part)
        if os.environ.get("GONGWEN_BENCH_NO_WRITER") != "1":
            _writer(labelled, files, built, work, results["writer"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures = _figures(labelled, files, results)
    for part in labelled.PARTS:  # what the looks add: the core on the texts alone
        plain = labelled.core_results(files[part], use_looks=False)
        figures[f"core_texts_only_{part}_percent"] = round(labelled.accuracy(plain), 1)
    RESULTS.write_text(_markdown(labelled, files, results, figures), encoding="utf-8")
    print(f"   per-role tables in {RESULTS.relative_to(ROOT)}")
    return figures


def _mkdirs(files: List[Path], folder: Path) -> List[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return files


def _cli(labelled, files: List[Path], built: List[Path], out: Path) -> list:
    from docx import Document

    from gongwen import cli

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        cli.main(["format", *map(str, built), "--out-dir", str(out)])
    results = []
    for source, docx in zip(files, built):
        paragraphs = labelled.read_labelled(source)
        formatted = out / docx.name
        if not formatted.exists():  # refused: every paragraph counts as lost
            results += labelled.style_results(source.name, paragraphs, [])
            continue
        styled = [(p.text, p.style.name if p.style is not None else "")
                  for p in Document(str(formatted)).paragraphs]
        results += labelled.style_results(source.name, paragraphs, styled)
    return results


def _writer(labelled, files, built, work: Path, into: Dict[str, list]) -> None:
    import build_oxt
    from rig.office import Office, body_paragraphs

    (work / "office").mkdir()
    office = Office(build_oxt.build(work / "gongwen.oxt"), work / "office").start()
    try:
        for part in labelled.PARTS:
            into[part] = []
            for source, docx in zip(files[part], built[part]):
                paragraphs = labelled.read_labelled(source)
                document = office.open(docx)
                try:
                    result = office.dispatch(document, "vnd.gongwen:Format")
                    styled = [(p.getString(), p.getPropertyValue("ParaStyleName"))
                              for p in body_paragraphs(document)] if result.ok else []
                finally:
                    office.close(document)
                into[part] += labelled.style_results(source.name, paragraphs, styled)
    finally:
        office.stop()


def _figures(labelled, files, results) -> Dict[str, object]:
    figures: Dict[str, object] = {
        "documents": {part: len(files[part]) for part in labelled.PARTS},
        "paragraphs": {part: len(results["core"][part]) for part in labelled.PARTS},
        "core_uses_looks": labelled.takes_looks(),
    }
    for path in PATHS:
        for part in labelled.PARTS:
            rows = results[path].get(part)
            if rows is None:
                continue
            figures[f"{path}_{part}_percent"] = round(labelled.accuracy(rows), 1)
            figures[f"{path}_{part}_per_role"] = {
                role: list(counts) for role, counts in labelled.per_role(rows).items()}
    for path in PATHS:
        tune, held = (figures.get(f"{path}_{part}_percent") for part in labelled.PARTS)
        if tune is not None and held is not None:
            figures[f"{path}_gap_points"] = round(tune - held, 1)
            print(f"   {path:>6}: tune {tune:.1f} %, held-out {held:.1f} % "
                  f"(gap {tune - held:+.1f} points)")
    return figures


def _cell(rows: Optional[list], role: str, labelled) -> str:
    if rows is None:
        return "–"
    right, total = labelled.per_role(rows).get(role, (0, 0))
    return f"{right}/{total}" if total else ""


def _markdown(labelled, files, results, figures) -> str:
    parts = labelled.PARTS
    header = ["role"] + [f"{path} {part}" for path in PATHS for part in parts]
    lines = ["# Role accuracy on the real corpus", "",
             "Written by `python -m bench role_accuracy` (see the bench's docstring for the "
             "three paths). Right/labelled non-blank paragraphs; held-out files were never "
             "used to tune.", "",
             f"Documents: tune {len(files['tune'])}, held-out {len(files['heldout'])}; "
             f"paragraphs: tune {figures['paragraphs']['tune']}, "
             f"held-out {figures['paragraphs']['heldout']}. "
             f"Core given looks: {'yes' if figures['core_uses_looks'] else 'no (texts only)'}; "
             f"on the texts alone: tune {figures['core_texts_only_tune_percent']} %, "
             f"held-out {figures['core_texts_only_heldout_percent']} %.",
             "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    roles = [role for role in labelled.Role.ALL
             if any(role == r.expected for path in PATHS for rows in results[path].values()
                    for r in rows)]
    for role in roles:
        lines.append("| " + " | ".join(
            [role] + [_cell(results[path].get(part), role, labelled)
                      for path in PATHS for part in parts]) + " |")
    lines.append("| **all** | " + " | ".join(
        f"**{labelled.accuracy(results[path][part]):.1f} %**" if part in results[path] else "–"
        for path in PATHS for part in parts) + " |")
    lines += ["", "## By source format (core)", "", "| format | tune | held-out |",
              "|---|---|---|"]
    formats = sorted({labelled.source_format(f) for part in parts for f in files[part]})
    for kind in formats:
        cells = []
        for part in parts:
            names = {f.name for f in files[part] if labelled.source_format(f) == kind}
            rows = [r for r in results["core"][part] if r.name in names]
            cells.append(f"{sum(r.right for r in rows)}/{len(rows)} ({len(names)} docs)"
                         if names else "")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    lines += ["", "## Most frequent misses (core, tune)", ""]
    misses = Counter((r.expected, r.got) for r in results["core"]["tune"] if not r.right)
    lines += [f"- {expected} → {got}: {count}" for (expected, got), count in
              misses.most_common(12)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
