"""The type sizes of a PDF against the plan: ``size_deviations`` reads the sizes the PDF's
text runs are set in (poppler's ``pdftohtml -xml``: :func:`measure_type_sizes`) and finds
the body text, the title and the page numbers set in another size than ``spec``'s 3号, 2号
and 4号 (or the preset's). ``python -m gongwen lint`` runs it after
:mod:`gongwen.pdf.pdfmeasure`'s page checks."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Union

from gongwen.pdf.pdfmeasure import (
    PAGE_NUMBER_TOLERANCE_MM,
    Deviation,
    PdfLayout,
    is_cjk_only,
    pt_to_mm,
)


@dataclass
class TextRun:
    """A run of text as ``pdftohtml -xml`` gives it: the size its font is set in (pt)."""

    page: int
    top_mm: float
    text: str
    size_pt: float
    color: str = "#000000"  # as pdftohtml writes it


# pdftohtml writes sizes in whole pixels of its zoom (3 at most): a third of a point.
_HTML_ZOOM = 3


def measure_type_sizes(path: Union[str, Path]) -> List[TextRun]:
    """Every text run of the PDF with its font size, by ``pdftohtml -xml``."""
    result = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-q", "-stdout", "-zoom", str(_HTML_ZOOM), str(path)],
        check=True, capture_output=True, timeout=120)
    return parse_pdf2xml(result.stdout.decode("utf-8", "replace"))


def parse_pdf2xml(xml: str) -> List[TextRun]:
    body = xml[xml.find("<pdf2xml"):] if "<pdf2xml" in xml else xml
    root = ET.fromstring(body)
    runs = []
    sizes: Dict[Optional[str], float] = {}  # a font is specified once, on its first page
    colors: Dict[Optional[str], str] = {}
    for page_index, page_el in enumerate(root.iter("page")):
        for font in page_el.iter("fontspec"):
            sizes[font.get("id")] = float(font.get("size", "0")) / _HTML_ZOOM
            colors[font.get("id")] = font.get("color", "#000000").lower()
        for text_el in page_el.iter("text"):
            text = "".join(text_el.itertext())
            if text.strip():
                runs.append(TextRun(page_index, pt_to_mm(float(text_el.get("top", "0"))
                                                        / _HTML_ZOOM),
                                    text, sizes.get(text_el.get("font"), 0.0),
                                    colors.get(text_el.get("font"), "#000000")))
    return runs


SIZE_TOLERANCE_PT = 0.5  # not a drawn length (a tolerance)


def _is_red(color: str) -> bool:
    """``#rrggbb`` mostly red (the 版头's red, whatever shade a template chose)."""
    try:
        red, green, blue = bytes.fromhex(color[1:7])
    except ValueError:
        return False
    return red >= 0x99 and green < 0x66 and blue < 0x66


def size_deviations(layout: PdfLayout, runs: Sequence[TextRun]) -> List[Deviation]:
    """The body text (the size most CJK characters are set in), the title (text larger than
    the body above the first body line of page 1) and the page numbers, against
    ``spec``'s 3号, 2号 and 4号."""
    expected = layout.expected
    cjk = [run for run in runs
           if is_cjk_only(run.text) and not expected.number_pattern.match(run.text)]
    if not cjk:
        return []
    weights: Dict[float, int] = {}
    for run in cjk:
        weights[round(run.size_pt, 1)] = weights.get(round(run.size_pt, 1), 0) + len(run.text)
    body = max(weights, key=lambda size: weights[size])
    found = []
    if abs(body - expected.body_size_pt) > SIZE_TOLERANCE_PT:
        found.append(Deviation("size", 0, None, "pdf_size_body",
                               dict(size=body, expected=expected.body_size_pt)))
    first_body = min((run.top_mm for run in cjk if run.page == 0
                      and abs(run.size_pt - body) <= SIZE_TOLERANCE_PT), default=None)
    # The title is the large black text nearest above the body: a red 发文机关标志 (版头,
    # larger than 2号 by design) above it is not the title.
    title = [run for run in cjk if run.page == 0 and run.size_pt > body + SIZE_TOLERANCE_PT
             and (first_body is None or run.top_mm < first_body) and not _is_red(run.color)]
    if title:
        size = max(title, key=lambda run: run.top_mm).size_pt
        title = [run for run in title if abs(run.size_pt - size) <= SIZE_TOLERANCE_PT]
        if abs(size - expected.title_size_pt) > SIZE_TOLERANCE_PT:
            found.append(Deviation("size", 0, 0, "pdf_size_title", dict(
                size=size, expected=expected.title_size_pt),
                "".join(run.text for run in title)))
    for page in layout.pages:
        number = page.page_number
        if number is None:
            continue
        sizes = [run.size_pt for run in runs if run.page == page.index
                 and run.top_mm >= number.top_mm - PAGE_NUMBER_TOLERANCE_MM
                 and re.search(r"\d", run.text)]
        want = expected.page.page_number.size_pt
        if sizes and abs(max(sizes) - want) > SIZE_TOLERANCE_PT:
            found.append(Deviation("size", page.index, None, "pdf_size_page_number", dict(
                size=max(sizes), expected=want), number.text))
    return found
