"""`python -m gongwen format` output opened in real Writer: GB/T 9704 measured on its PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from gongwen import cli
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf
from tests.corpus import build_corpus

SAMPLES = ["xiangzhen-dangwei-shuji-shuzhi.txt", "xian-jiaoyuju-niandu-zongjie.txt"]


def sample_docx(sample: Path, folder: Path) -> Path:
    """The sample as python-docx writes it: default template, one paragraph per line."""
    document = docx.Document()
    for line in sample.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = folder / (sample.stem + ".docx")
    document.save(str(path))
    return path


def export(office, path: Path, folder: Path) -> Path:
    """Open a copy of ``path`` in Writer (hidden) and export it to PDF."""
    copy = folder / ("opened-" + path.name)
    shutil.copyfile(path, copy)
    document = office.open(copy)
    assert document is not None, f"Writer did not open {path.name}"
    try:
        return office.export_pdf(document, folder / (path.stem + ".pdf"))
    finally:
        office.close(document)


@pytest.mark.parametrize("name", SAMPLES)
def test_formatted_sample_measures_22_by_28_in_writer(office, samples_dir: Path, tmp_path: Path,
                                                      name: str):
    source = sample_docx(samples_dir / name, tmp_path)
    out_dir = tmp_path / "out"
    assert cli.main(["format", str(source), "--out-dir", str(out_dir)]) == 0
    layout = measure_pdf(export(office, out_dir / source.name, tmp_path))
    assert len(layout.pages) >= 3, "the sample should fill several pages"
    # Every full page has 22 lines; a page may end early only where pdfmeasure excuses it
    # (a heading opening the next page keeps with its text, the 落款 keeps with the body).
    full = layout.lines_per_full_page()
    assert set(full) == {22} and len(full) >= len(layout.pages) - 2
    counts = layout.full_lines_char_counts()
    assert len(counts) > 20 and counts.count(28) >= len(counts) - 5
    assert check_gbt9704(layout) == []


def test_corpus_opens_in_writer_with_numbered_pages(office, tmp_path: Path):
    sources = build_corpus(tmp_path / "in", include_huge=False)
    out_dir = tmp_path / "out"
    assert cli.main(["format", *map(str, sources), "--out-dir", str(out_dir)]) == 0
    for source in sources:
        if source.stem == "empty":
            continue
        layout = measure_pdf(export(office, out_dir / source.name, tmp_path))
        numbers = [page.page_number.number if page.page_number else None
                   for page in layout.pages]
        assert numbers == list(range(1, len(layout.pages) + 1)), source.name


def test_writer_sees_the_named_styles_and_fonts(office, samples_dir: Path, tmp_path: Path):
    source = sample_docx(samples_dir / SAMPLES[0], tmp_path)
    out = tmp_path / "formatted.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    document = office.open(out)
    try:
        seen = {}
        paragraphs = document.getText().createEnumeration()
        while paragraphs.hasMoreElements():
            paragraph = paragraphs.nextElement()
            if paragraph.supportsService("com.sun.star.text.Paragraph") and paragraph.getString():
                seen.setdefault(paragraph.ParaStyleName,
                                (paragraph.CharFontNameAsian, paragraph.CharHeight))
        assert seen["公文一级标题"] == ("黑体", 16.0)
        assert seen["公文正文"] == ("仿宋_GB2312", 16.0)
        style = document.getStyleFamilies().getByName("PageStyles").getByName(
            document.getText().getStart().PageStyleName)
        assert style.GridMode == 1 and style.GridLines == 22  # LINES, 22 per page
        assert style.FooterIsOn and not style.FooterIsShared  # odd/even footers
    finally:
        office.close(document)


def test_docx_saved_by_writer_formats_to_22_by_28(office, samples_dir: Path, tmp_path: Path):
    """A .docx written by LibreOffice (its own styles, settings and defaults)."""
    from tests.corpus import docx_text, text_unchanged

    text_copy = tmp_path / "sample.txt"
    shutil.copyfile(samples_dir / SAMPLES[1], text_copy)
    document = office.load_text(text_copy)
    try:
        source = office.save_as(document, tmp_path / "from-writer.docx")
    finally:
        office.close(document)
    out = tmp_path / "formatted.docx"
    assert cli.main(["format", str(source), "-o", str(out)]) == 0
    assert text_unchanged(docx_text(source), docx_text(out)) == []
    assert check_gbt9704(measure_pdf(export(office, out, tmp_path))) == []
