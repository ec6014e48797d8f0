"""gongwen.cli.inputs without soffice: which files are accepted, the first-bytes check
(an extension that lies, a zero-byte file), and .txt in every encoding into paragraphs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from gongwen.cli import inputs as batch_inputs
from gongwen.cli.inputs import Inputs, check_content, read_text, text_document, text_paragraphs
from gongwen.input_files import InputError

LINES = ["关于2025年度工作的总结", "一、主要工作", "全年开展调研XX次，形成报告3篇。"]


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")


# --- .txt into paragraphs --------------------------------------------------------------

def test_one_paragraph_per_line_and_text_kept_as_typed():
    assert text_paragraphs("　　标题 \n正文一\n正文二") == ["　　标题 ", "正文一", "正文二"]


def test_blank_lines_between_every_paragraph_are_separators():
    assert text_paragraphs("标题\n\n正文一\n\n\n正文二\n") == ["标题", "正文一", "正文二"]


def test_a_typed_blank_line_is_kept_once_when_lines_also_touch():
    text = "标题\n\n正文一\n正文二\n\n\n \n署名\n日期\n\n"
    assert text_paragraphs(text) == ["标题", "", "正文一", "正文二", "", "署名", "日期"]


def test_leading_blank_lines_are_dropped_and_lines_never_joined():
    assert text_paragraphs("\n\n第一行没有写完\n接着写") == ["第一行没有写完", "接着写"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_txt_in_each_encoding_reads_the_same(tmp_path: Path, encoding: str, newline: str):
    path = tmp_path / "report.txt"
    path.write_bytes(newline.join(LINES).encode(encoding))
    text, found = read_text(path)
    assert text.split("\n") == LINES
    assert found == {"gbk": "gb18030"}.get(encoding, encoding)
    assert [p.text for p in text_document(text).paragraphs] == LINES


def test_a_txt_document_has_only_the_file_s_paragraphs():
    document = text_document("一\n二")
    assert [p.text for p in document.paragraphs] == ["一", "二"]


# --- first bytes against the extension --------------------------------------------------

def _zip(path: Path, members: dict) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name,data,looks", [
    ("report.doc", b"PK\x03\x04" + bytes(60), ".docx/zip"),
    ("report.wps", "一、工作\n".encode(), "text"),
    ("report.rtf", b"%PDF-1.4\n", ".pdf"),
    ("report.rtf", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(60), ".doc (Word 97-2003)"),
    ("report.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(60), ".doc (Word 97-2003)"),
    ("report.txt", b"PK\x03\x04" + bytes(60), ".docx/zip"),
])
def test_an_extension_that_lies_is_refused_in_one_line(tmp_path: Path, name, data, looks):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        Inputs().document(path)
    assert str(raised.value) == (f"the extension {path.suffix} does not match the content "
                                 f"(it looks like {looks})")


def test_an_odt_must_be_an_opendocument_text(tmp_path: Path):
    sheet = _zip(tmp_path / "sheet.odt",
                 {"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
    with pytest.raises(InputError, match="does not match"):
        check_content(sheet, ".odt")
    text = _zip(tmp_path / "text.odt", {"mimetype": "application/vnd.oasis.opendocument.text"})
    check_content(text, ".odt")  # fits: no error


@pytest.mark.parametrize("suffix", batch_inputs.ACCEPTED)
def test_zero_bytes_is_refused_for_every_format(tmp_path: Path, suffix: str):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"^empty file \(0 bytes\)$"):
        Inputs().document(path)


def test_other_suffixes_are_refused_with_the_accepted_list(tmp_path: Path):
    path = tmp_path / "report.pages"
    path.write_bytes(b"whatever")
    with pytest.raises(InputError, match=r"unsupported file type \.pages \(accepted: \.docx"):
        Inputs().document(path)


def test_without_libreoffice_a_doc_says_so_and_starts_nothing(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("GONGWEN_SOFFICE", "")
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with Inputs() as opened:
        with pytest.raises(InputError, match="LibreOffice \\(soffice\\) not found"):
            opened.document(path)
        assert opened.office.starts == 0 and opened.office.process is None
