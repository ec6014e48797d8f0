"""A heading never ends a page alone (背题): it keeps with its text in both paths, with and
without 规范写法 (seen: after 规范写法 ``八、利润率`` ended page 2 and its text began page 3,
because no heading style kept with the next paragraph). Measured in the PDFs."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from gongwen import cli
from gongwen.batch.pdfmeasure import check_gbt9704, measure_pdf
from tests.integration.test_wholedoc import _docx_of

SENTENCE = "企业坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，"
# Seven three-line paragraphs fill 21 of the 22 lines: the heading would be the 22nd.
FILLER = [SENTENCE * 2 + "取得新成效。" for _ in range(7)]
HEADING = "八、利润率"
TEXT = FILLER + [HEADING, SENTENCE * 3 + "利润率稳步提高。", SENTENCE + "效益良好。"]


def _pages(pdf: Path) -> List[List[str]]:
    return [[line.compact_text for line in page.body_lines] for page in measure_pdf(pdf).pages]


@pytest.mark.parametrize("normalize", ["", "all"])
def test_a_heading_moves_to_the_next_page_with_its_text(office, tmp_path: Path, normalize):
    source = _docx_of(TEXT, tmp_path / "source.docx")
    document = office.open(source)
    try:
        url = "vnd.gongwen:Format" + (f"?normalize={normalize}" if normalize else "")
        assert office.dispatch(document, url).ok
        button = office.export_pdf(document, tmp_path / "button.pdf")
    finally:
        office.close(document)
    out = tmp_path / "cli.docx"
    extra = ["--normalize", normalize] if normalize else []
    assert cli.main(["format", str(source), "-o", str(out), *extra]) == 0
    document = office.open(out)
    try:
        from_cli = office.export_pdf(document, tmp_path / "cli.pdf")
    finally:
        office.close(document)
    for how, pdf in (("button", button), ("cli", from_cli)):
        pages = _pages(pdf)
        assert len(pages) >= 2, how
        assert pages[0][-1] != HEADING, f"{how}: the heading ends page 1 alone"
        assert pages[1][0] == HEADING, f"{how}: page 2 starts {pages[1][0]}"
        assert len(pages[0]) == 21  # the page ends one line short, by the heading's line
        assert check_gbt9704(measure_pdf(pdf)) == [], how
