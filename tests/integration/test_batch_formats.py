"""``format``/``check``/``lint`` on the files people have: .doc, .wps, .rtf, .odt and .txt in,
.docx and PDF out, with the batch's own soffice (gongwen.soffice.office, not the test rig's).

Every run of the CLI gets its own TMPDIR, so the soffice it starts (profile and pipe live
there) can be found by its command line, and a test can tell that none is left behind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import List

import pytest

from gongwen.cli.inputs import Inputs, read_text, text_document, text_paragraphs
from gongwen.input_files import InputError
from gongwen.ooxml.docxtext import read_paragraphs
from gongwen.pdf.pdfmeasure import check_gbt9704, measure_pdf
from gongwen.soffice.office import ConversionFailed, Office, _props

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ("xiangzhen-dangwei-shuji-shuzhi.txt", "xian-jiaoyuju-niandu-zongjie.txt")
TITLE = "XX县政协领导班子2021年度述职报告"


# --- fixtures: files written by soffice from the samples ---------------------------------

@pytest.fixture(scope="module")
def batch_office():
    with Office() as office:
        yield office


@pytest.fixture(scope="module")
def made(tmp_path_factory, batch_office: Office, samples_dir: Path):
    """{name: path} of the sample (with a title line) as .docx, .doc, .rtf, .odt, a .wps
    (WPS saves .wps as a Word 97 binary: made the same way; .wpt and .dot too), a
    password-protected .doc, a
    corrupt .doc, a zero-byte .doc and a .docx renamed .doc."""
    folder = tmp_path_factory.mktemp("made")
    text = TITLE + "\n" + read_text(samples_dir / SAMPLES[0])[0]
    source = folder / "sample.docx"
    text_document(text).save(str(source))
    files = {"docx": source}
    for suffix in ("doc", "rtf", "odt"):
        files[suffix] = folder / f"sample.{suffix}"
        batch_office.convert(source, files[suffix])
    for suffix in ("wps", "wpt", "dot"):  # WPS and Word templates: the same binary format
        files[suffix] = folder / f"sample.{suffix}"
        shutil.copyfile(str(files["doc"]), str(files[suffix]))
    files["password"] = folder / "password.doc"
    document = batch_office._desktop.loadComponentFromURL(
        source.resolve().as_uri(), "_blank", 0, _props(Hidden=True))
    document.storeToURL(files["password"].resolve().as_uri(),
                        _props(FilterName="MS Word 97", Password="secret"))
    document.close(True)
    files["corrupt"] = folder / "corrupt.doc"
    files["corrupt"].write_bytes(files["doc"].read_bytes()[:1024] + b"\x00\xff" * 4000)
    files["empty"] = folder / "empty.doc"
    files["empty"].write_bytes(b"")
    files["lying"] = folder / "lying.doc"
    shutil.copyfile(str(source), str(files["lying"]))
    return files


def visible(paragraphs: List[str]) -> List[str]:
    return [p for p in paragraphs if p.strip()]


def body_texts(docx_path: Path) -> List[str]:
    return [p.text for p in read_paragraphs(docx_path) if p.location == "body"]


def run_gongwen(tmp: Path, *args: object, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "pythonpath"), LC_ALL="en_US.UTF-8",
               TMPDIR=str(_tmpdir(tmp)))
    return subprocess.run([sys.executable, "-m", "gongwen", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=timeout)


def _tmpdir(tmp: Path) -> Path:
    folder = tmp / "TMPDIR"
    folder.mkdir(exist_ok=True)
    return folder


def processes_mentioning(text: str) -> List[int]:
    """Processes whose command line holds ``text`` (our soffice: its profile is in TMPDIR)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8",
                                                                                  "replace")
        except OSError:
            continue
        if text in command:
            found.append(int(entry.name))
    return found


def assert_nothing_left(tmp: Path, *folders: Path) -> None:
    deadline = time.monotonic() + 10
    while processes_mentioning(str(_tmpdir(tmp))) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_mentioning(str(_tmpdir(tmp))) == []
    assert list(_tmpdir(tmp).iterdir()) == []  # profile and work folders removed
    for folder in folders:
        assert [p.name for p in folder.rglob(".~*")] == []  # no lock, no temporary file


# --- each format through `format`, text unchanged ----------------------------------------

@pytest.mark.parametrize("kind", ["doc", "wps", "wpt", "dot", "rtf", "odt"])
def test_each_format_through_format_keeps_the_visible_text(made, tmp_path: Path, kind: str):
    expected = visible(body_texts(made["docx"]))
    out = tmp_path / "out"
    done = run_gongwen(tmp_path, "format", made[kind], "--out-dir", out)
    assert done.returncode == 0, done.stderr
    result = out / "sample.docx"
    assert visible(body_texts(result)) == expected
    assert read_paragraphs(result)[0].text == TITLE
    assert_nothing_left(tmp_path, made["docx"].parent, out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_txt_in_each_encoding_through_format_keeps_the_text(samples_dir: Path, tmp_path: Path,
                                                             encoding: str):
    text = read_text(samples_dir / SAMPLES[1])[0]
    source = tmp_path / "report.txt"
    source.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    done = run_gongwen(tmp_path, "format", source, "-o", tmp_path / "report.docx")
    assert done.returncode == 0, done.stderr
    assert body_texts(tmp_path / "report.docx") == text_paragraphs(text)
    assert processes_mentioning(str(_tmpdir(tmp_path))) == []  # .txt starts no soffice


def test_check_reads_a_doc_through_soffice(made, tmp_path: Path):
    done = run_gongwen(tmp_path, "check", "--json", made["doc"], made["docx"])
    assert done.returncode == 1, done.stderr
    files = json.loads(done.stdout)["files"]
    assert files[0]["count"] == files[1]["count"] > 0
    assert files[0]["placeholders"] == files[1]["placeholders"]


# --- PDF out, and lint of a PDF ----------------------------------------------------------

def test_pdf_outputs_are_measured_clean_and_lint_agrees(made, tmp_path: Path):
    out = tmp_path / "out"
    done = run_gongwen(tmp_path, "format", "--pdf", "--json", "--out-dir", out,
                       made["doc"], made["rtf"].with_name("sample.rtf"))
    # both are named sample: the second output is refused as the same file
    assert done.returncode == 2
    entries = json.loads(done.stdout)
    assert entries[0]["pdf"] == str(out / "sample.pdf") and entries[1]["status"] == "error"
    pdf = out / "sample.pdf"
    layout = measure_pdf(pdf)
    assert len(layout.pages) >= 3
    assert check_gbt9704(layout) == []
    lint = run_gongwen(tmp_path, "lint", "--json", pdf)
    assert lint.returncode == 0, lint.stdout
    assert json.loads(lint.stdout) == {"files": [{"path": str(pdf), "problems": []}],
                                       "total": 0}
    assert_nothing_left(tmp_path, out)


def test_lint_of_an_unformatted_pdf_reports_page_problems(made, batch_office: Office,
                                                          tmp_path: Path):
    raw = tmp_path / "raw.pdf"
    batch_office.convert(made["doc"], raw)  # the .doc as it is: python-docx's Letter page
    done = run_gongwen(tmp_path, "lint", "--json", raw)
    assert done.returncode == 1
    problems = json.loads(done.stdout)["files"][0]["problems"]
    codes = {p["code"] for p in problems}
    assert "page" in codes and codes <= {"page", "size"}
    messages = [p["message"] for p in problems]
    assert any("not 210 × 297 mm" in m for m in messages)
    assert any("no page number" in m for m in messages)
    assert all(set(p) == {"code", "message", "paragraph", "start", "end", "context", "fix"}
               for p in problems)
    human = run_gongwen(tmp_path, "lint", raw)
    assert human.returncode == 1 and human.stdout.startswith(f"{raw}: page: page 1: ")


def test_lint_of_a_file_that_is_not_a_pdf_is_exit_2(tmp_path: Path, made):
    fake = tmp_path / "fake.pdf"
    shutil.copyfile(str(made["doc"]), str(fake))
    done = run_gongwen(tmp_path, "lint", fake)
    assert done.returncode == 2
    assert done.stderr == (f"gongwen lint: {fake}: the extension .pdf does not match the "
                           "content (it looks like .doc (Word 97-2003))\n")


# --- bad files in a batch ----------------------------------------------------------------

def test_a_batch_with_bad_files_in_the_middle_goes_on(made, tmp_path: Path):
    good_first = tmp_path / "first.doc"
    good_last = tmp_path / "last.rtf"
    shutil.copyfile(str(made["doc"]), str(good_first))
    shutil.copyfile(str(made["rtf"]), str(good_last))
    bad = [made["corrupt"], made["password"], made["empty"], made["lying"]]
    out = tmp_path / "out"
    done = run_gongwen(tmp_path, "format", "--pdf", "--out-dir", out, good_first, *bad,
                       good_last)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"gongwen format: {made['corrupt']}: LibreOffice cannot read this file (corrupt, or "
        "not the format it claims)",
        f"gongwen format: {made['password']}: password-protected document; remove the "
        "password first",
        f"gongwen format: {made['empty']}: empty file (0 bytes)",
        f"gongwen format: {made['lying']}: the extension .doc does not match the content "
        "(it looks like .docx/zip)",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["first.docx", "first.pdf", "last.docx",
                                                     "last.pdf"]
    assert_nothing_left(tmp_path, out, made["doc"].parent)


def test_one_soffice_serves_the_batch_and_a_hung_call_is_killed_and_restarted(made,
                                                                               monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    with Inputs() as inputs:
        for path in (made["doc"], made["corrupt"], made["password"], made["rtf"]):
            try:
                inputs.document(path)
            except InputError:
                pass
        office = inputs.office
        assert office.starts == 1  # the bad files left it usable
        office.timeout_s = 0.5
        with pytest.raises(ConversionFailed,
                           match=r"^LibreOffice took longer than 0.5 s; stopped$"):
            office._call(lambda: time.sleep(5), None)
        assert not office.running  # killed
        office.timeout_s = 60
        assert [p.text for p in inputs.document(made["odt"]).paragraphs][0] == TITLE
        assert office.starts == 2


def test_without_uno_each_file_is_converted_by_soffice_convert_to(made, tmp_path: Path):
    with Office(use_uno=False) as office:
        office.convert(made["doc"], tmp_path / "converted.docx")
        assert office.starts == 1 and not office.running
    assert visible(body_texts(tmp_path / "converted.docx")) == visible(body_texts(made["docx"]))


# --- no soffice left, killed mid-batch included ------------------------------------------

@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_no_soffice_left_when_the_cli_is_stopped_mid_batch(made, tmp_path: Path,
                                                           signal_number: int):
    inputs = []
    for number in range(30):
        inputs.append(tmp_path / f"r{number:02}.doc")
        shutil.copyfile(str(made["doc"]), str(inputs[-1]))
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "pythonpath"), TMPDIR=str(_tmpdir(tmp_path)))
    process = subprocess.Popen(
        [sys.executable, "-m", "gongwen", "format", "--pdf", "--out-dir", str(out), *inputs],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        # as from a terminal: a shell's background job would start with SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not (out / "r00.pdf").exists() and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.1)
    assert processes_mentioning(str(_tmpdir(tmp_path)))  # soffice is running
    process.send_signal(signal_number)
    assert process.wait(timeout=30) != 0
    assert not (out / "r29.docx").exists()  # it did stop mid-batch
    assert_nothing_left(tmp_path, out, tmp_path)  # after SIGKILL: the guard's doing
