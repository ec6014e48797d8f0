"""署名 and 成文日期 land in the same place from the Writer button and from the .docx CLI.

GB/T 9704 §7.3.5.2: the 署名 right-aligned two characters in, the date under it with its
first character two characters right of the 署名's first; a date longer than that keeps
two characters and pushes the 署名 left. One .docx is formatted twice, by
``vnd.gongwen:Format`` in Writer and by ``python -m gongwen format`` (then opened in
Writer), both exported to PDF and measured with pythonpath/gongwen/pdf/pdfmeasure.py.

Both are identical in Writer: Writer 7.4 opening a .docx cannot turn its Asian/Western
autospacing off (its importer skips ``w:autoSpaceDE``/``w:autoSpaceDN``), so 2021年12月31日
is set a character wider there (five script changes, a fifth of a character each); the
button autospaces too and both place the 落款 with the plan's autospaced indents. (Word
reads the plan's text without autospacing, and its own indents, from ``w:rightChars``.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, NamedTuple

import docx
import pytest

from gongwen import spec
from gongwen.pdf.pdfmeasure import BODY_CHAR_MM as CHAR_MM  # one 3号 character
from gongwen.pdf.pdfmeasure import Line, measure_pdf

ROOT = Path(__file__).resolve().parents[2]
BUTTON = "vnd.gongwen:Format"
TOLERANCE_MM = 1.0
RIGHT_EDGE_MM = spec.PAGE.width - spec.PAGE.right  # the type area's right edge


class Case(NamedTuple):
    signature: str
    date: str  # as typed
    shown_date: str  # as it reads after formatting (rewritten when normalising)
    normalize: str  # "" or a --normalize / ?normalize= value
    at_two: str  # the line that keeps 右空二字: "signature", or "date" when it is longer


CASES = {
    # 12 characters over a 7-character date: the 署名 keeps two, the date ends 5 characters
    # in from the button (4 in the CLI's file, whose date Writer sets a character wider)
    "signature-longer": Case("中共某县委员会机关办公室", "2021年12月31日", "2021年12月31日", "",
                             "signature"),
    # the date is longer: it keeps two characters, the 署名 ends 5 characters in (6 in the
    # CLI's file)
    "date-longer": Case("述职人：张三", "2021年12月31日", "2021年12月31日", "", "date"),
    # Latin letters in the 署名 (7.444 characters), a date rewritten from 4.5 characters
    # wide to 7 first: measured as typed, the 署名 would keep two and the date move in;
    # measured as it reads, the date keeps two and the 署名 ends 3.556 characters in
    "normalized-date": Case("XX县政协办公室", "2021.12.31", "2021年12月31日", "dates", "date"),
}


def report_docx(case: Case, folder: Path) -> Path:
    """A short report as python-docx writes it, one paragraph per line, ending in a 落款."""
    lines = ["XX县政协办公室2021年度工作总结", "一年来，我们认真履行职责，各项工作取得新进展。",
             "一、主要工作", "全年组织学习十二次，开展调研六次。", "特此报告。", "",
             case.signature, case.date]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = folder / "report.docx"
    document.save(str(path))
    return path


def by_button(office, source: Path, case: Case, folder: Path) -> Path:
    document = office.open(source)
    try:
        url = BUTTON + (f"?normalize={case.normalize}" if case.normalize else "")
        result = office.dispatch(document, url)
        assert result.ok, result.message
        return office.export_pdf(document, folder / "button.pdf")
    finally:
        office.close(document)


def by_cli(office, source: Path, case: Case, folder: Path) -> Path:
    formatted = folder / "cli.docx"
    command = [sys.executable, "-m", "gongwen", "format", str(source), "-o", str(formatted)]
    if case.normalize:
        command += ["--normalize", case.normalize]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "pythonpath"))
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    document = office.open(formatted)
    try:
        return office.export_pdf(document, folder / "cli.pdf")
    finally:
        office.close(document)


def signature_and_date(pdf: Path, case: Case) -> Dict[str, Line]:
    """The 署名 and date lines of the PDF's last page (where the 落款 is)."""
    lines: List[Line] = measure_pdf(pdf).pages[-1].body_lines
    found = {line.compact_text: line for line in lines}
    assert case.signature in found and case.shown_date in found, \
        f"落款 lines not found on the last page: {list(found)}"
    return {"signature": found[case.signature], "date": found[case.shown_date]}


@pytest.fixture(scope="module", params=sorted(CASES))
def measured(request, office, tmp_path_factory) -> Dict[str, object]:
    """Both PDFs of one case measured (the soffice work once per case, shared by its tests)."""
    case = CASES[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    source = report_docx(case, folder)
    button_folder, cli_folder = folder / "button", folder / "cli"
    button_folder.mkdir()
    cli_folder.mkdir()
    return {"case": case,
            "button": signature_and_date(by_button(office, source, case, button_folder), case),
            "cli": signature_and_date(by_cli(office, source, case, cli_folder), case)}


def test_cli_places_signature_and_date_where_the_button_does(measured):
    """First characters within 1 mm of the button's (the module docstring says why)."""
    for key in ("signature", "date"):
        button, cli = measured["button"][key], measured["cli"][key]
        assert abs(cli.x_left_mm - button.x_left_mm) < TOLERANCE_MM, \
            f"{key}: CLI starts at {cli.x_left_mm:.2f} mm, the button at {button.x_left_mm:.2f}"
    if measured["case"].at_two == "date":  # then both dates end two characters in
        date_ends = [measured[how]["date"].x_right_mm for how in ("button", "cli")]
        assert abs(date_ends[0] - date_ends[1]) < TOLERANCE_MM


@pytest.mark.parametrize("how", ["button", "cli"])
def test_date_starts_two_characters_right_of_the_signature(measured, how: str):
    lines = measured[how]
    offset = lines["date"].x_left_mm - lines["signature"].x_left_mm
    assert abs(offset - 2 * CHAR_MM) < TOLERANCE_MM, \
        f"{how}: the date starts {offset:.2f} mm right of the 署名, not {2 * CHAR_MM:.2f}"
    assert lines["date"].top_mm > lines["signature"].top_mm


@pytest.mark.parametrize("how", ["button", "cli"])
def test_the_longer_line_ends_two_characters_in(measured, how: str):
    """The 署名, or the date when it is the longer line, keeps the two characters of
    右空二字; the other ends further in, never closer to the edge."""
    case, lines = measured["case"], measured[how]
    gaps = {key: RIGHT_EDGE_MM - line.x_right_mm for key, line in lines.items()}
    assert abs(gaps[case.at_two] - 2 * CHAR_MM) < TOLERANCE_MM, f"{how}: gaps {gaps}"
    assert min(gaps.values()) > 2 * CHAR_MM - TOLERANCE_MM
