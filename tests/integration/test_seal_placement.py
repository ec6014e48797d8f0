"""A sealed 落款 (GB/T 9704 §7.3.5.1, §7.3.5.3) from the Writer button and from the CLI.

One .docx is formatted by ``vnd.gongwen:Format?seal=…`` in Writer and by ``python -m
gongwen format --seal …`` (then opened in Writer); both PDFs are measured with
``gongwen.pdf.pdfmeasure``:

- ``stamp``: the 成文日期 ends four characters in from the type area's right edge, each
  署名 is centred over it (within 1.5 mm), the first 署名 on the third line under the text
  (two blank lines: the seal's top within a line of the text, §7.3.5.1);
- ``signature``: the 签发人职务 ends ten characters in (the 签名章 four characters in, two
  characters to its left), on the third line under the text, the date one blank line
  under it, four characters in.

Spaces typed after the 署名 (``国务院`` and six ideographic spaces, as a real Word file had
them) leave it where §7.3.5.2 puts it. The choice is stored in the document: a later plain
Format keeps it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, NamedTuple

import docx
import pytest

from gongwen import layout, spec
from gongwen.ooxml import docxprops
from gongwen.pdf.pdfmeasure import BODY_CHAR_MM as CHAR_MM
from gongwen.pdf.pdfmeasure import Line, measure_pdf

ROOT = Path(__file__).resolve().parents[2]
RIGHT_EDGE_MM = spec.PAGE.width - spec.PAGE.right
PITCH_MM = spec.PAGE.type_height / spec.PAGE.lines
CENTRE_TOLERANCE_MM = 1.5
TOLERANCE_MM = 1.0
BODY_END = "全年组织学习十二次，开展调研六次。"
DATE = "2021年12月31日"


class Case(NamedTuple):
    seal: str  # what is asked for: none | stamp | signature
    signatures: List[str]  # as typed
    shown: List[str]  # as they read in the PDF


CASES = {
    "stamp": Case("stamp", ["河西省人民政府"], ["河西省人民政府"]),
    "stamp-joint": Case("stamp", ["河西省人民政府", "河西省军区"],
                        ["河西省人民政府", "河西省军区"]),
    "signature": Case("signature", ["省长"], ["省长"]),
    "typed-spaces": Case("none", ["国务院" + "\u3000" * 6], ["国务院"]),
}


def source_docx(case: Case, folder: Path) -> Path:
    lines = ["河西省人民政府关于做好冬季安全生产工作的通知", "各市人民政府：",
             "为做好冬季安全生产工作，现将有关事项通知如下。", BODY_END,
             *case.signatures, DATE]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = folder / "notice.docx"
    document.save(str(path))
    return path


def by_button(office, source: Path, case: Case, folder: Path) -> Path:
    document = office.open(source)
    try:
        result = office.dispatch(document, f"vnd.gongwen:Format?seal={case.seal}")
        assert result.ok, result.message
        # a later plain Format keeps the choice the document stored
        result = office.dispatch(document, "vnd.gongwen:Format")
        assert result.ok, result.message
        return office.export_pdf(document, folder / "button.pdf")
    finally:
        office.close(document)


def by_cli(office, source: Path, case: Case, folder: Path) -> Path:
    formatted = folder / "cli.docx"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "pythonpath"))
    command = [sys.executable, "-m", "gongwen", "format", str(source), "-o", str(formatted),
               "--seal", case.seal]
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert docxprops.read_text(docx.Document(str(formatted)), layout.SEAL_PROPERTY) == case.seal
    # formatted again without --seal: the stored choice stands
    again = folder / "again.docx"
    finished = subprocess.run([sys.executable, "-m", "gongwen", "format", str(formatted),
                               "-o", str(again)],
                              env=env, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    document = office.open(again)
    try:
        return office.export_pdf(document, folder / "cli.pdf")
    finally:
        office.close(document)


def closing_lines(pdf: Path, case: Case) -> Dict[str, object]:
    lines: List[Line] = [line for page in measure_pdf(pdf).pages for line in page.body_lines]
    found = {line.compact_text: line for line in lines}
    missing = [text for text in [BODY_END, DATE, *case.shown] if text not in found]
    assert not missing, f"not found: {missing} in {list(found)}"
    return {"body": found[BODY_END], "date": found[DATE],
            "signatures": [found[text] for text in case.shown]}


@pytest.fixture(scope="module", params=sorted(CASES))
def measured(request, office, tmp_path_factory) -> Dict[str, object]:
    case = CASES[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    source = source_docx(case, folder)
    result: Dict[str, object] = {"case": case}
    for how, make in (("button", by_button), ("cli", by_cli)):
        sub = folder / how
        sub.mkdir()
        result[how] = closing_lines(make(office, source, case, sub), case)
    return result


def _centre(line: Line) -> float:
    return (line.x_left_mm + line.x_right_mm) / 2


@pytest.mark.parametrize("how", ["button", "cli"])
def test_the_sealed_closing_is_where_the_standard_puts_it(measured, how: str):
    case, lines = measured["case"], measured[how]
    date, signatures, body = lines["date"], lines["signatures"], lines["body"]
    gap = RIGHT_EDGE_MM - date.x_right_mm
    if case.seal == "stamp":
        assert abs(gap - 4 * CHAR_MM) < CENTRE_TOLERANCE_MM, f"{how}: date ends {gap:.2f} mm in"
        for line in signatures:
            off = _centre(line) - _centre(date)
            assert abs(off) < CENTRE_TOLERANCE_MM, \
                f"{how}: {line.compact_text} centred {off:+.2f} mm off the date's centre"
        below = signatures[0].top_mm - body.top_mm
        assert abs(below - 3 * PITCH_MM) < 2.0, f"{how}: 署名 {below:.1f} mm under the body"
        assert signatures[-1].top_mm < date.top_mm
        for upper, lower in zip(signatures, signatures[1:]):  # joint: seals must not touch
            assert lower.top_mm - upper.top_mm > spec.SEAL.seal_diameter_mm
    elif case.seal == "signature":
        assert abs(gap - 4 * CHAR_MM) < CENTRE_TOLERANCE_MM
        title = signatures[0]
        title_gap = RIGHT_EDGE_MM - title.x_right_mm
        assert abs(title_gap - 10 * CHAR_MM) < CENTRE_TOLERANCE_MM, f"{how}: {title_gap:.2f}"
        assert abs(title.top_mm - body.top_mm - 3 * PITCH_MM) < 2.0
        assert abs(date.top_mm - title.top_mm - 2 * PITCH_MM) < 2.0
    else:  # §7.3.5.2 whatever spaces were typed after the 署名
        signature = signatures[0]
        offset = date.x_left_mm - signature.x_left_mm
        assert abs(offset - 2 * CHAR_MM) < TOLERANCE_MM, \
            f"{how}: the date starts {offset:.2f} mm right of the 署名"
        assert abs(gap - 2 * CHAR_MM) < TOLERANCE_MM
        assert abs(signature.top_mm - body.top_mm - 2 * PITCH_MM) < 2.0


def test_both_paths_put_the_closing_in_the_same_place(measured):
    button, cli = measured["button"], measured["cli"]
    for key in ("date",):
        assert abs(button[key].x_left_mm - cli[key].x_left_mm) < TOLERANCE_MM
        assert abs(button[key].top_mm - cli[key].top_mm) < TOLERANCE_MM
    for one, other in zip(button["signatures"], cli["signatures"]):
        assert abs(one.x_left_mm - other.x_left_mm) < TOLERANCE_MM
        assert abs(one.top_mm - other.top_mm) < TOLERANCE_MM
