"""A heading never ends a page alone (背题): it keeps with its text in both paths, with and
without 规范写法 (seen: after 规范写法 ``八、利润率`` ended page 2 and its text began page 3,
because no heading style kept with the next paragraph). Measured in the PDFs."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from gongwen import cli
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf
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


# Nineteen one-line paragraphs and a three-line one fill page 1: the 落款 has no room
# under the text there.
CLOSING_TEXT = [f"第{n}项工作已按期完成。" for n in range(1, 20)] + [
    (SENTENCE * 2)[:70] + "。", "国务院" + "\u3000" * 6, "2024年3月1日"]


def test_the_closing_never_goes_alone_to_the_next_page(office, tmp_path: Path):
    """The 署名 and 成文日期 take the text's last lines with them (§7.3.5.4: never a 落款
    alone on a page; before, both went alone to page 2 here); typed spaces after 国务院
    change nothing."""
    source = _docx_of(CLOSING_TEXT, tmp_path / "source.docx")
    document = office.open(source)
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        button = office.export_pdf(document, tmp_path / "button.pdf")
    finally:
        office.close(document)
    out = tmp_path / "cli.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    document = office.open(out)
    try:
        from_cli = office.export_pdf(document, tmp_path / "cli.pdf")
    finally:
        office.close(document)
    for how, pdf in (("button", button), ("cli", from_cli)):
        pages = _pages(pdf)
        assert len(pages) == 2, (how, [len(page) for page in pages])
        assert pages[1][-2:] == ["国务院", "2024年3月1日"], (how, pages[1])
        assert len(pages[1]) >= 3, f"{how}: the 落款 went alone to page 2: {pages[1]}"
        # the text's last paragraph went with it, whole (its three lines cannot split
        # without leaving one alone): page 1 ends three lines short, no more
        assert len(pages[0]) >= 19, f"{how}: page 1 ends {22 - len(pages[0])} lines short"
