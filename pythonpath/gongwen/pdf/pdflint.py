"""The GB/T 9704 check of a PDF for ``lint``: :mod:`gongwen.pdf.pdfmeasure`'s deviations
as :class:`gongwen.cli.lint.Problem`.

What is checked, against the plan of the preset given (``lint --preset``; GB/T 9704 by
default, whose numbers follow): every page A4; all body text inside the 156 × 225 mm type
area; 22 lines on every full page (a fixed line height: as many as fit) and 28 characters
on every full CJK line (the definitions are pdfmeasure's); ``— N —`` page numbers (the
preset's form and place) in 4号, odd pages right and even pages left one character in,
7 mm below the type area; the body in 3号 and a title on page 1 in 2号.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import List, Optional

from gongwen.formatcheck import Problem
from gongwen.input_files import InputError, cli_locale, describe, one_line, read_bytes, say
from gongwen.layout import Settings
from gongwen.pdf import pdfmeasure, pdfsizes
from gongwen.pdf.pdfmeasure import Deviation, PdfLayout


def lint_pdf(path: Path, settings: Optional[Settings] = None) -> List[Problem]:
    """The problems of a PDF against the plan of ``settings`` (a preset's: its page, grid,
    sizes and page-number form; GB/T 9704 by default); InputError if it is not a PDF
    poppler can read."""
    if not read_bytes(path, 1024).lstrip().startswith(b"%PDF"):
        raise InputError(say("input_mislabelled", suffix=".pdf", actual=_what(path)))
    if not (shutil.which("pdftotext") and shutil.which("pdftohtml")):
        raise InputError(say("pdf_tools_missing"))
    try:
        layout = pdfmeasure.measure_pdf(path, pdfmeasure.expected_from(settings))
        runs = pdfsizes.measure_type_sizes(path)
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise InputError(say("pdf_unreadable", error=detail[-1] if detail else
                             one_line(error))) from error
    except (subprocess.TimeoutExpired, ValueError, SyntaxError) as error:  # ET.ParseError
        raise InputError(say("pdf_unreadable", error=one_line(error))) from error
    found = (paper_deviations(layout) + pdfmeasure.deviations(layout)
             + pdfsizes.size_deviations(layout, runs))
    return [problem(deviation) for deviation in first_per_page(found)]


def paper_deviations(layout: PdfLayout) -> List[Deviation]:
    """Pages that are not A4 (210 × 297 mm, ±1 mm), upright."""
    want = layout.expected.page
    return [Deviation("page", page.index, None, "pdf_paper",
                      dict(width=page.width_mm, height=page.height_mm,
                           expected_width=want.width_mm, expected_height=want.height_mm))
            for page in layout.pages
            if abs(page.width_mm - want.width_mm) > pdfmeasure.MARGIN_TOLERANCE_MM
            or abs(page.height_mm - want.height_mm) > pdfmeasure.MARGIN_TOLERANCE_MM]


# A page of an unformatted PDF has every line outside the type area: one is enough.
_ONCE_A_PAGE = ("pdf_line_outside", "pdf_full_line_edge")


def first_per_page(found: List[Deviation]) -> List[Deviation]:
    seen = set()
    kept = []
    for deviation in found:
        if deviation.key in _ONCE_A_PAGE:
            if (deviation.page, deviation.key) in seen:
                continue
            seen.add((deviation.page, deviation.key))
        kept.append(deviation)
    return kept


def problem(deviation: Deviation) -> Problem:
    locale = cli_locale()
    line = deviation.line
    # No label: the message names the page already.
    return Problem(deviation.code, deviation.message(locale), deviation.page,
                   line if line is not None else 0, line + 1 if line is not None else 0,
                   " ".join(deviation.context.split()), say("pdf_fix"))


def _what(path: Path) -> str:
    return describe(read_bytes(path, 512))
