"""``make demo``: the product's three jobs, end to end, on a report this project writes itself.

Writes everything under ``out/demo/``: the generated report (.txt and .docx), what the CLI
makes of it, and what the extension does to it inside a real headless Writer (marks,
formatted PDF, page images). Each step says in one line what it did, or why it could not.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath"), str(ROOT / "tools")]

import build_oxt  # noqa: E402
import generated_report as report  # noqa: E402
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf  # noqa: E402
from rig.office import Office  # noqa: E402

OUT = ROOT / "out" / "demo"
PAGES = 4
Step = Tuple[str, Callable[[], str]]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gongwen", *args], cwd=ROOT,
                          capture_output=True, text=True)


def cli_steps() -> List[Step]:
    def types() -> str:
        run = cli("types")
        return run.stdout.strip().replace("\n", " · ") if run.returncode == 0 else run.stderr

    def new() -> str:
        target = OUT / "scaffold-personal.docx"
        run = cli("new", "personal", "-o", str(target), "--year", "2025", "--org", "XX县政协",
                  "--name", "张三", "--force")
        return f"wrote {target.name}" if run.returncode == 0 else run.stderr.strip()

    def check() -> str:
        run = cli("check", str(OUT / "report.txt"), "--json")
        if run.returncode not in (0, 1):
            return run.stderr.strip()
        (OUT / "check.json").write_text(run.stdout, encoding="utf-8")
        return f"{json.loads(run.stdout)['total']} placeholders listed in check.json"

    def format_docx() -> str:
        target = OUT / "report-formatted-by-cli.docx"
        run = cli("format", str(OUT / "report.docx"), "-o", str(target), "--force")
        return f"wrote {target.name}" if run.returncode == 0 else run.stderr.strip()

    return [("CLI  types", types), ("CLI  new personal", new),
            ("CLI  check report.txt", check), ("CLI  format report.docx", format_docx)]


def writer_steps(office: Office) -> List[Step]:
    def check_and_format() -> str:
        document = office.load_text(OUT / "report.txt")
        try:
            checked = office.dispatch(document, "vnd.gongwen:CheckPlaceholders")
            formatted = office.dispatch(document, "vnd.gongwen:Format")
            office.export_pdf(document, OUT / "report-formatted.pdf")
            office.save_as(document, OUT / "report-formatted.docx")
            pages(OUT / "report-formatted.pdf", "report-formatted")
            return (f"检查占位符: {checked.message} | 一键公文格式: {formatted.message} | "
                    f"{layout_verdict(OUT / 'report-formatted.pdf')}")
        finally:
            office.close(document)

    def scaffold() -> str:
        document = office.new_writer()
        try:
            inserted = office.dispatch(document, "vnd.gongwen:InsertScaffold?type=personal")
            office.export_pdf(document, OUT / "scaffold-personal.pdf")
            return f"插入述职框架: {inserted.message}"
        finally:
            office.close(document)

    return [("Writer  CheckPlaceholders + Format on report.txt", check_and_format),
            ("Writer  InsertScaffold?type=personal", scaffold)]


def layout_verdict(pdf: Path) -> str:
    """What the PDF measures against GB/T 9704 (the same check the tests use)."""
    layout = measure_pdf(pdf)
    problems = check_gbt9704(layout)
    if problems:
        return f"GB/T 9704 check of the PDF: {len(problems)} problems, first: {problems[0]}"
    return (f"GB/T 9704 check of the PDF: {len(layout.pages)} pages, 22 lines × 28 characters, "
            f"margins and — N — page numbers as specified")


def pages(pdf: Path, stem: str) -> None:
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(pdf),
                    str(OUT / stem)], check=True)


def run(steps: List[Step]) -> bool:
    all_ok = True
    for title, step in steps:
        try:
            print(f"  ✓ {title}: {step()}", flush=True)
        except Exception as error:  # report and go on: the demo shows what works
            all_ok = False
            print(f"  ✗ {title}: {type(error).__name__}: {error}", flush=True)
    return all_ok


def main() -> int:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    report.write_text(OUT / "report.txt", PAGES)
    report.write_docx(OUT / "report.docx", PAGES)
    print(f"公文助手 demo: a {PAGES}-page 述职报告 written by tools/generated_report.py -> {OUT}")
    ok = run(cli_steps())
    office = Office(build_oxt.build(OUT / "gongwen.oxt"), OUT / "soffice",
                    language="zh_CN").start()
    try:
        ok = run(writer_steps(office)) and ok
    finally:
        office.stop()
        shutil.rmtree(OUT / "soffice", ignore_errors=True)
    print(f"results: {', '.join(sorted(p.name for p in OUT.iterdir()))}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
