"""``format`` with inputs other than .docx, where no soffice is needed: .txt straight into
.docx, --in-place refused for non-.docx, and a machine without LibreOffice."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from gongwen import cli
from tests.corpus import SAMPLE, build


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")


def run_cli(*args: object) -> int:
    return cli.main(["format", *map(str, args)])


def test_txt_in_gbk_becomes_a_formatted_docx_with_the_same_text(tmp_path: Path, capsys):
    source = tmp_path / "report.txt"
    source.write_bytes("\r\n".join(SAMPLE).encode("gbk"))  # Notepad's ANSI, CRLF
    assert run_cli(source, "-o", tmp_path / "out.docx", "--json") == 0
    entry = json.loads(capsys.readouterr().out)[0]
    assert entry["status"] == "ok" and entry["pdf"] is None
    paragraphs = docx.Document(str(tmp_path / "out.docx")).paragraphs
    assert [p.text for p in paragraphs] == SAMPLE
    assert paragraphs[0].style.name == "公文标题"


def test_in_place_is_for_docx_only(tmp_path: Path, capsys):
    source = tmp_path / "report.txt"
    source.write_text("\n".join(SAMPLE), encoding="utf-8")
    docx_input = build("plain", tmp_path)
    before = source.read_bytes()
    assert run_cli(source, docx_input, "--in-place") == 2
    out, err = capsys.readouterr()
    assert err == (f"gongwen format: {source}: --in-place is for .docx files only "
                   "(use -o or --out-dir for .txt)\n")
    assert source.read_bytes() == before and not list(tmp_path.glob("report.txt.bak"))
    assert f"{docx_input} -> {docx_input}" in out  # the .docx beside it is still formatted


def test_without_libreoffice_doc_fails_in_one_line_and_docx_still_works(
        tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("GONGWEN_SOFFICE", "")  # as if soffice were not installed
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    report = build("plain", tmp_path)
    assert run_cli(legacy, report, "--out-dir", tmp_path / "out") == 2
    out, err = capsys.readouterr()
    assert err == (f"gongwen format: {legacy}: LibreOffice (soffice) not found: this format "
                   "needs it; .docx files do not\n")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [report.stem + ".docx"]


def test_pdf_refuses_an_existing_pdf_without_force(tmp_path: Path, capsys):
    report = build("plain", tmp_path)
    out = tmp_path / "out.docx"
    (tmp_path / "out.pdf").write_bytes(b"%PDF old")
    assert run_cli(report, "-o", out, "--pdf") == 2
    assert "out.pdf already exists" in capsys.readouterr().err or not out.exists()
    assert not out.exists() and (tmp_path / "out.pdf").read_bytes() == b"%PDF old"


# --- packages other writers make (found by a stress run) ------------------------------------

def _rewrite(source: Path, target: Path, change) -> Path:
    """A copy of the package with ``change(name, data) -> data`` applied to each member."""
    import zipfile

    with zipfile.ZipFile(str(source)) as old, zipfile.ZipFile(str(target), "w") as new:
        for item in old.infolist():
            data = change(item.filename, old.read(item.filename))
            if data is not None:
                new.writestr(item.filename if not isinstance(data, tuple) else data[0],
                             data if not isinstance(data, tuple) else data[1])
    return target


def _texts(path: Path) -> list:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_on_off_values_spelt_otherwise_and_dangling_footer_references(tmp_path: Path):
    report = build("plain", tmp_path)

    def change(name: str, data: bytes):
        if name == "word/document.xml":
            return data.replace(b"</w:sectPr>", b'<w:titlePg w:val="yes"/>'
                                b'<w:footerReference w:type="even" r:id="rId999"/></w:sectPr>')
        if name == "word/settings.xml":
            return data.replace(b"</w:settings>",
                                b'<w:evenAndOddHeaders w:val="TRUE"/></w:settings>')
        return data

    odd = _rewrite(report, tmp_path / "odd.docx", change)
    if b'xmlns:r=' not in _member(odd, "word/document.xml"):
        pytest.skip("the fixture's document.xml declares no r: prefix")
    assert run_cli(odd, "-o", tmp_path / "out.docx") == 0
    assert "".join(_texts(tmp_path / "out.docx")) == "".join(_texts(report))
    assert run_cli(tmp_path / "out.docx", "-o", tmp_path / "again.docx") == 0


def test_a_main_part_by_another_name_is_read(tmp_path: Path):
    """Word for the web names it word/document2.xml; the package relationships say so."""
    report = build("plain", tmp_path)

    def change(name: str, data: bytes):
        if name == "word/document.xml":
            return ("word/document2.xml", data)
        if name in ("_rels/.rels", "[Content_Types].xml"):
            return data.replace(b"word/document.xml", b"word/document2.xml")
        return data

    renamed = _rewrite(report, tmp_path / "renamed.docx", change)
    assert run_cli(renamed, "-o", tmp_path / "out.docx") == 0
    assert "".join(_texts(tmp_path / "out.docx")) == "".join(_texts(report))


def test_a_dtd_with_entities_is_refused_in_one_line(tmp_path: Path, capsys):
    report = build("plain", tmp_path)

    def change(name: str, data: bytes):
        if name == "word/document.xml":
            head, _, rest = data.partition(b"?>")
            return head + b'?><!DOCTYPE w:document [<!ENTITY org "XX">]>' + rest
        return data

    odd = _rewrite(report, tmp_path / "dtd.docx", change)
    assert run_cli(odd, "-o", tmp_path / "out.docx") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DTD" in err and not (tmp_path / "out.docx").exists()


def _member(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(str(path)) as archive:
        return archive.read(name)


@pytest.mark.parametrize("content_type, named", [
    (b"application/vnd.ms-word.document.macroEnabled.main+xml", ".docm"),
    (b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
     ".dotx")])
def test_a_renamed_docm_or_dotx_is_named_in_one_line(tmp_path: Path, capsys, content_type,
                                                      named):
    report = build("plain", tmp_path)
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

    def change(name: str, data: bytes):
        return data.replace(main, content_type) if name == "[Content_Types].xml" else data

    renamed = _rewrite(report, tmp_path / "renamed.docx", change)
    assert run_cli(renamed, "-o", tmp_path / "out.docx") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and named in err and not (tmp_path / "out.docx").exists()


def test_a_body_without_its_section_gets_the_gongwen_page_and_lint_reads_it(tmp_path: Path,
                                                                             capsys):
    """A generator's .docx may end its body without ``w:sectPr`` (Word lays it out on its
    default page); python-docx then had no section: lint raised IndexError, and format
    left the page as it was."""
    import re

    report = build("plain", tmp_path)
    bare = _rewrite(report, tmp_path / "bare.docx", lambda name, data: re.sub(
        rb"<w:sectPr[ >].*?</w:sectPr>", b"", data, flags=re.S)
        if name == "word/document.xml" else data)
    assert b"w:sectPr" not in _member(bare, "word/document.xml")
    assert cli.main(["lint", str(bare)]) in (0, 1)
    assert run_cli(bare, "-o", tmp_path / "out.docx") == 0
    section = docx.Document(str(tmp_path / "out.docx")).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37
    assert "".join(_texts(tmp_path / "out.docx")) == "".join(_texts(report))
