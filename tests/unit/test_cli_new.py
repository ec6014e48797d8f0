"""``python -m gongwen types`` and ``new``: docxtpl templates rendered from the scaffold data."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import List

import docx
import pytest

from gongwen import spec
from gongwen.cli import main
from gongwen.cli import new as new_command
from gongwen.placeholders import count_placeholders, find_placeholders
from gongwen.scaffolds import load_scaffold, render, scaffold_types
from gongwen.spec import Role

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "templates"  # the sources; shipped as gongwen/templates/
KEYS = [key for key, _ in scaffold_types()]
# The 述职/总结 genre: a title with blanks first, the 成文日期 last.
REPORTS = ["personal", "leadership", "integrity", "party-building", "annual-summary"]
ALL_VALUES = {"year": "2025", "org": "县政协", "name": "张三", "position": "办公室主任",
              "date": "2026年1月9日", "recipient": "县委、县政府", "signer": "李四",
              "office": "县政协办公室"}


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """These tests read the English messages; test_messages_in_chinese the Chinese."""
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")


def test_messages_in_chinese(capsys, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    err = bad_input(capsys, "new", "personal", "-o", tmp_path / "no" / "out.docx")
    assert "不存在" in err
    err = bad_input(capsys, "new", "personal", "-o", tmp_path / "out.docx", "--year", "25")
    assert "四位数字" in err


def run_cli(capsys, *argv: str):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def paragraphs(path: Path) -> List[docx.text.paragraph.Paragraph]:
    return docx.Document(str(path)).paragraphs


def bad_input(capsys, *argv: str) -> str:
    """Run a command that must fail with exit 2 and one line on stderr; return the line."""
    code, out, err = run_cli(capsys, *argv)
    assert code == 2, (code, out, err)
    assert out == ""
    assert err.startswith("gongwen new: ") and err.count("\n") == 1, err
    return err


# --- types -------------------------------------------------------------------------------


def test_types_lists_key_and_name(capsys):
    code, out, err = run_cli(capsys, "types")
    assert code == 0 and err == ""
    rows = [line.split() for line in out.splitlines()]
    assert rows == [[key, name] for key, name in scaffold_types()]


def test_types_json(capsys):
    code, out, _ = run_cli(capsys, "types", "--json")
    listing = json.loads(out)
    assert code == 0
    assert [(t["key"], t["name"]) for t in listing] == scaffold_types()
    personal = listing[0]
    assert personal["sections"] == load_scaffold("personal").section_titles()
    assert personal["fields"]["year"] == {"label": "年度", "blank": "XXXX"}


# --- new: rendering ----------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_new_without_values_keeps_every_blank(capsys, tmp_path, key):
    out = tmp_path / f"{key}.docx"
    code, stdout, err = run_cli(capsys, "new", key, "-o", out)
    assert (code, err) == (0, "") and stdout.strip() == str(out)
    expected = render(load_scaffold(key))
    got = paragraphs(out)
    # A title over one line carries its line breaks (GB/T 9704 §7.3.1), nothing else does.
    assert [p.text.replace("\n", "") if e.role == Role.TITLE else p.text
            for p, e in zip(got, expected)] == [p.text for p in expected]
    assert len(got) == len(expected)
    assert [p.style.name for p in got] == [spec.style_name(p.role) for p in expected]
    if key in REPORTS:
        assert "XXXX" in got[0].text or "XX" in got[0].text


@pytest.mark.parametrize("key", KEYS)
def test_new_with_values_fills_the_fields(capsys, tmp_path, key):
    scaffold = load_scaffold(key)
    values = {name: ALL_VALUES[name] for name in scaffold.used_fields()}
    data = tmp_path / "data.json"
    data.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.docx"
    code, _, err = run_cli(capsys, "new", key, "-o", out, "--data", data)
    assert (code, err) == (0, "")
    got = [p.text for p in paragraphs(out)]
    assert got == [p.text for p in render(scaffold, values=values)]
    if key in REPORTS:
        assert "X" not in got[0] and "X" not in got[-1] and "X" not in got[-2]
        assert docx.Document(str(out)).core_properties.title == got[0]


def test_flags_win_over_data_and_labels_name_fields(capsys, tmp_path):
    data = tmp_path / "data.yaml"
    data.write_text("年度: 2024\n单位: 县政协\nname: 李四\ndate: 2025-01-10\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    code, _, _ = run_cli(capsys, "new", "personal", "-o", out, "--data", data,
                         "--year", "2025", "--name", "张三")
    texts = [p.text for p in paragraphs(out)]
    assert code == 0
    assert texts[0] == "2025年度个人述职报告"
    assert "本人在县政协担任XX职务" in texts[2]
    assert texts[-2:] == ["述职人：张三", "2025年1月10日"]


def test_type_may_be_given_by_its_chinese_name(capsys, tmp_path):
    out = tmp_path / "out.docx"
    assert run_cli(capsys, "new", "领导班子述职报告", "-o", out, "--org", "县政协")[0] == 0
    assert paragraphs(out)[0].text == "县政协领导班子XXXX年度述职报告"


def test_values_are_escaped_as_text(capsys, tmp_path):
    out = tmp_path / "out.docx"
    code, _, err = run_cli(capsys, "new", "leadership", "-o", out, "--org", "A&B<局>")
    assert (code, err) == (0, "")
    assert paragraphs(out)[0].text == "A&B<局>领导班子XXXX年度述职报告"


def test_refuses_to_overwrite_without_force(capsys, tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"mine")
    err = bad_input(capsys, "new", "personal", "-o", out, "--year", "2025")
    assert "--force" in err and out.read_bytes() == b"mine"
    code, _, _ = run_cli(capsys, "new", "personal", "-o", out, "--year", "2025", "--force")
    assert code == 0 and paragraphs(out)[0].text == "2025年度个人述职报告"


# --- new: bad input ----------------------------------------------------------------------


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case, words", [
    (lambda d: ["nope"], "nope"),
    (lambda d: ["personal", "--year", "20x5"], "year"),
    (lambda d: ["personal", "--year", "25"], "year"),
    (lambda d: ["personal", "--date", "明年"], "date"),
    (lambda d: ["personal", "--data", d / "missing.json"], "missing.json"),
    (lambda d: ["personal", "--data", _write(d / "a.json", '{"year": 2025')], "JSON"),
    (lambda d: ["personal", "--data", _write(d / "a.yaml", "year: [2025\n")], "YAML"),
    (lambda d: ["personal", "--data", _write(d / "a.yaml", "- 2025\n")], "mapping"),
    (lambda d: ["personal", "--data", _write(d / "a.json", '{"yaer": 2025}')], "yaer"),
    (lambda d: ["personal", "--data", _write(d / "a.json", '{"year": [2025]}')], "year"),
    (lambda d: ["personal", "--data", _write(d / "a.yaml", "year: true\n")], "year"),
    (lambda d: ["personal", "--data", _write(d / "a.yaml", "name: {a: 1}\n")], "name"),
    (lambda d: ["personal", "--data", _write(d / "a.txt", "year: 2025\n")], ".json"),
    (lambda d: ["personal", "--data", _write(d / "a.yaml", "年度: 2024\nyear: 2025\n")],
     "twice"),
    (lambda d: ["leadership", "--data", _write(d / "a.json", '{"recipient": "县委"}')],
     "recipient"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path, case, words):
    out = tmp_path / "out.docx"
    argv = case(tmp_path)
    err = bad_input(capsys, "new", argv[0], "-o", out, *argv[1:])
    assert words in err
    assert not out.exists()


def test_output_must_be_docx_in_an_existing_folder(capsys, tmp_path):
    assert ".docx" in bad_input(capsys, "new", "personal", "-o", tmp_path / "out.odt")
    assert "exist" in bad_input(capsys, "new", "personal", "-o", tmp_path / "no" / "out.docx")


def test_missing_template_says_how_to_build_it(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_TEMPLATES", str(tmp_path / "empty"))
    err = bad_input(capsys, "new", "personal", "-o", tmp_path / "out.docx")
    assert "make templates" in err and "empty" in err


def test_templates_env_override_is_used(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "personal.docx").write_bytes((TEMPLATES / "annual-summary.docx").read_bytes())
    monkeypatch.setenv("GONGWEN_TEMPLATES", str(folder))
    assert new_command.templates_dir() == folder
    out = tmp_path / "out.docx"
    assert run_cli(capsys, "new", "personal", "-o", out)[0] == 0
    assert paragraphs(out)[0].text == "XX单位XXXX年工作总结"  # it read the override


def test_help_names_the_template_folder_and_override():
    result = subprocess.run([sys.executable, "-m", "gongwen", "new", "--help"],
                            capture_output=True, text=True, check=True)
    assert "GONGWEN_TEMPLATES" in result.stdout and "make templates" in result.stdout


# --- templates ---------------------------------------------------------------------------


def test_committed_templates_are_up_to_date(tmp_path):
    """``make templates`` output equals what is committed (rebuild after changing the data
    or gongwen.ooxml.docxlayout)."""
    subprocess.run([sys.executable, str(REPO / "tools" / "build_templates.py"),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    built = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert built == sorted(f"{key}.docx" for key in KEYS)
    for name in built:
        with zipfile.ZipFile(tmp_path / name) as fresh, \
                zipfile.ZipFile(TEMPLATES / name) as committed:
            assert fresh.namelist() == committed.namelist(), name
            for part in fresh.namelist():
                assert fresh.read(part) == committed.read(part), f"{name}:{part} is stale"


def test_template_builds_are_deterministic(tmp_path):
    for folder in ("a", "b"):
        subprocess.run([sys.executable, str(REPO / "tools" / "build_templates.py"),
                        "--out", str(tmp_path / folder), "personal"],
                       check=True, capture_output=True)
    assert (tmp_path / "a" / "personal.docx").read_bytes() == \
        (tmp_path / "b" / "personal.docx").read_bytes()


@pytest.mark.parametrize("key", KEYS)
def test_template_fields_are_the_scaffold_fields_each_in_one_run(key):
    scaffold = load_scaffold(key)
    document = docx.Document(str(TEMPLATES / f"{key}.docx"))
    fields = set()
    for paragraph in document.paragraphs:
        assert len(paragraph.runs) == 1
        fields.update(re.findall(r"\{\{ (\w+) \}\}", paragraph.runs[0].text))
    assert fields == set(scaffold.used_fields())
    width = document.sections[0].page_width
    assert abs(width - docx.shared.Mm(spec.PAGE.width)) < docx.shared.Mm(0.1)
    assert document.settings.odd_and_even_pages_header_footer


# --- new, then check ---------------------------------------------------------------------


def check_json(capsys, path: Path):
    code, out, err = run_cli(capsys, "check", "--json", path)
    return code, json.loads(out), err


def fill_remaining_blanks(path: Path) -> int:
    """Type a value over every placeholder left, as the author would; return how many."""
    document = docx.Document(str(path))
    filled = 0
    for paragraph in document.paragraphs:
        found = find_placeholders(paragraph.text)
        if not found:
            continue
        text = paragraph.text
        for placeholder in reversed(found):
            text = text[:placeholder.start] + "12" + text[placeholder.end:]
        # The template writes one run per paragraph; a whole 公文 comes out formatted, its
        # labels and tabs in runs of their own: the typed value replaces them all.
        paragraph.runs[0].text = text
        for run in paragraph.runs[1:]:
            run._element.getparent().remove(run._element)
        filled += len(found)
    document.save(str(path))
    return filled


@pytest.mark.parametrize("key", KEYS)
def test_check_reports_the_placeholders_of_a_fresh_scaffold(capsys, tmp_path, key):
    out = tmp_path / "new.docx"
    assert run_cli(capsys, "new", key, "-o", out)[0] == 0
    code, report, _ = check_json(capsys, out)
    rendered = render(load_scaffold(key))
    assert code == 1
    assert report["total"] == sum(count_placeholders(p.text) for p in rendered) >= 5
    if key in REPORTS:
        assert report["total"] >= 20
        with_blanks = {p["paragraph"] for p in report["files"][0]["placeholders"]}
        assert 0 in with_blanks and len(rendered) - 1 in with_blanks  # the title, the date


@pytest.mark.parametrize("key", KEYS)
def test_check_reports_none_on_a_fully_filled_scaffold(capsys, tmp_path, key):
    scaffold = load_scaffold(key)
    data = tmp_path / "data.json"
    data.write_text(json.dumps({n: ALL_VALUES[n] for n in scaffold.used_fields()},
                               ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "filled.docx"
    assert run_cli(capsys, "new", key, "-o", out, "--data", data)[0] == 0
    # --data fills the named fields; the facts (X次, XX项 …) are typed by the author.
    left = fill_remaining_blanks(out)
    assert 0 < left < sum(count_placeholders(p.text) for p in render(scaffold))
    code, report, err = check_json(capsys, out)
    assert (code, report["total"], err) == (0, 0, "")


def test_filled_signature_and_date_are_placed_as_the_format_button_places_them(tmp_path):
    """§7.3.5.2: the date starts two characters right of the 署名's first character, so the
    indents depend on the filled-in values (the template only has the style's two)."""
    import zipfile

    from lxml import etree

    from gongwen import placement
    from gongwen.scaffolds import load_scaffold, render

    out = tmp_path / "filled.docx"
    assert main(["new", "personal", "-o", str(out), "--name", "欧阳晓明",
                 "--date", "2025-12-31"]) == 0
    roles = [p.role for p in render(load_scaffold("personal"),
                                    values={"name": "欧阳晓明", "date": "2025-12-31"})]
    texts = [p.text for p in render(load_scaffold("personal"),
                                    values={"name": "欧阳晓明", "date": "2025-12-31"})]
    expected = placement.signature_and_date_indents(texts, roles)
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    body = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    paragraphs = body.findall("w:body/w:p", ns)
    assert len(paragraphs) == len(roles) and len(expected) == 2
    for index, chars in expected.items():
        ind = paragraphs[index].find("w:pPr/w:ind", ns)
        assert ind is not None, roles[index]
        assert ind.get(f"{{{ns['w']}}}rightChars") == str(int(round(chars * 100)))
    assert sorted(expected.values())[0] == 2.0 and max(expected.values()) > 2.0


# The whole 公文 (issue 12): laid out as `format` lays it out.
DOCUMENTS = ["notice", "request", "report", "letter", "minutes"]


@pytest.mark.parametrize("key", DOCUMENTS)
def test_a_whole_document_comes_out_formatted_and_format_leaves_it_byte_for_byte(
        capsys, tmp_path, key):
    made, again = tmp_path / "new.docx", tmp_path / "formatted.docx"
    assert main(["new", key, "-o", str(made), "--year", "2025", "--org", "县人民政府"]) == 0
    assert main(["format", str(made), "-o", str(again)]) == 0
    with zipfile.ZipFile(made) as first, zipfile.ZipFile(again) as second:
        names = [name for name in first.namelist() if not name.startswith("docProps/")]
        assert sorted(names) == sorted(name for name in second.namelist()
                                       if not name.startswith("docProps/"))
        changed = [name for name in names if first.read(name) != second.read(name)]
    assert changed == []
    xml = zipfile.ZipFile(made).read("word/document.xml").decode()
    assert "w:pBdr" in xml  # the 版头's rule or the 版记's, not styles alone


def test_a_new_letter_has_its_first_page_of_its_own(capsys, tmp_path):
    made = tmp_path / "letter.docx"
    assert main(["new", "letter", "-o", str(made)]) == 0
    section = docx.Document(str(made)).sections[0]
    assert section.different_first_page_header_footer
    footer = section.first_page_footer._element
    assert 'w:val="thickThinSmallGap"' in etree_string(footer)
    assert "PAGE" not in etree_string(footer)  # no page number on the first page


def etree_string(element) -> str:
    from lxml import etree

    return etree.tostring(element, encoding="unicode")


def test_new_notice_with_org_fills_the_masthead_and_the_record(capsys, tmp_path):
    """Issue 19: `new notice --org …` fills the 发文机关标志 and the 印发机关 too."""
    out = tmp_path / "notice.docx"
    code, _, err = run_cli(capsys, "new", "notice", "--org", "青山县人民政府", "-o", out)
    assert (code, err) == (0, "")
    texts = [p.text for p in paragraphs(out)]
    assert "青山县人民政府文件" in texts
    assert any(text.startswith("青山县人民政府办公室") and text.endswith("印发") for text in texts)
    assert not [text for text in texts if "XX县人民政府" in text]
