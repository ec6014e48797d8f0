"""`python -m gongwen format`: output modes, refusals, backups, JSON, text kept, XML written."""

from __future__ import annotations

import json
import os
import zipfile
from collections import Counter
from pathlib import Path
from typing import Dict, List

import docx
import pytest
from docx.shared import Pt
from lxml import etree

from gongwen import cli, placement, roles, spec
from gongwen.ooxml import docxlayout, docxrender, docxruns
from gongwen.spec import Role
from tests.corpus import LIST_LABELS, SAMPLE, build, build_corpus, docx_text, text_unchanged

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def run_cli(*args: str) -> int:
    return cli.main(["format", *map(str, args)])


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def parts(path: Path) -> Dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return build("plain", tmp_path)


# --- modes and refusals ----------------------------------------------------------------

def test_needs_exactly_one_output_mode(report: Path, tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as none:
        run_cli(report)
    assert none.value.code == 2
    with pytest.raises(SystemExit) as two:
        run_cli(report, "--in-place", "-o", tmp_path / "x.docx")
    assert two.value.code == 2
    assert list(tmp_path.iterdir()) == [report]


def test_output_takes_one_input(report: Path, tmp_path: Path, capsys):
    other = build("tables", tmp_path)
    assert run_cli(report, other, "-o", tmp_path / "out.docx") == 2
    assert "-o" in capsys.readouterr().err
    assert not (tmp_path / "out.docx").exists()


def test_output_writes_new_file_and_keeps_input(report: Path, tmp_path: Path, capsys):
    original = report.read_bytes()
    out = tmp_path / "out.docx"
    assert run_cli(report, "-o", out) == 0
    assert report.read_bytes() == original
    assert out.exists()
    assert f"{report} -> {out}" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~gongwen")] == []


def test_output_onto_input_is_refused(report: Path, capsys):
    original = report.read_bytes()
    assert run_cli(report, "-o", report) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"gongwen format: {report}: ")
    assert "--in-place" in err[0]
    assert report.read_bytes() == original


def test_existing_output_needs_force(report: Path, tmp_path: Path, capsys):
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    assert run_cli(report, "-o", out) == 2
    assert out.read_bytes() == b"keep me"
    assert "--force" in capsys.readouterr().err
    assert run_cli(report, "-o", out, "--force") == 0
    assert zipfile.is_zipfile(out)


def test_out_dir_is_created_and_named_after_input(report: Path, tmp_path: Path):
    other = build("tables", tmp_path)
    out_dir = tmp_path / "new" / "dir"
    assert run_cli(report, other, "--out-dir", out_dir) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["plain.docx", "tables.docx"]


def test_out_dir_refuses_two_inputs_with_one_name(tmp_path: Path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = build("plain", tmp_path / "a"), build("plain", tmp_path / "b")
    assert run_cli(first, second, "--out-dir", tmp_path / "out", "--force") == 2
    assert (tmp_path / "out" / "plain.docx").exists()
    assert str(second) in capsys.readouterr().err


def test_in_place_backs_up_then_replaces(report: Path, tmp_path: Path):
    original = report.read_bytes()
    os.chmod(report, 0o640)
    assert run_cli(report, "--in-place") == 0
    backup = tmp_path / "plain.docx.bak"
    assert backup.read_bytes() == original
    assert report.read_bytes() != original
    assert oct(report.stat().st_mode & 0o777) == oct(0o640)
    formatted = report.read_bytes()
    assert run_cli(report, "--in-place") == 0  # the oldest backup is kept
    assert backup.read_bytes() == original
    assert parts(report)["word/document.xml"] == zipfile.ZipFile(
        __import__("io").BytesIO(formatted)).read("word/document.xml")
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".~gongwen")]
    assert leftovers == []


def test_in_place_leaves_a_failed_file_alone(tmp_path: Path, capsys):
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip", encoding="utf-8")
    assert run_cli(broken, "--in-place") == 2
    assert broken.read_text(encoding="utf-8") == "not a zip"
    assert not (tmp_path / "broken.docx.bak").exists()


# --- bad inputs ------------------------------------------------------------------------

def _bad_inputs(folder: Path) -> Dict[str, Path]:
    zero = folder / "zero.docx"
    zero.write_bytes(b"")
    text = folder / "text.docx"
    text.write_text("这是一个改了扩展名的文本文件。\n", encoding="utf-8")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    legacy = folder / "legacy.docx"
    legacy.write_bytes(ole + b"WordDocument".decode().encode("utf-16-le") + b"\0" * 512)
    encrypted = folder / "encrypted.docx"
    encrypted.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    truncated = folder / "truncated.docx"
    good = build("plain", folder).read_bytes()
    truncated.write_bytes(good[: len(good) // 2])
    not_word = folder / "notword.docx"
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("hello.txt", "hi")
    return {"zero": zero, "text": text, "legacy": legacy, "encrypted": encrypted,
            "truncated": truncated, "notword": not_word, "missing": folder / "missing.docx"}


def test_bad_inputs_fail_one_line_each_and_others_go_on(tmp_path: Path, capsys):
    bad = _bad_inputs(tmp_path)
    good = build("tables", tmp_path)
    out_dir = tmp_path / "out"
    code = run_cli(*bad.values(), good, "--out-dir", out_dir, "--json")
    captured = capsys.readouterr()
    assert code == 2
    assert [p.name for p in out_dir.iterdir()] == ["tables.docx"]
    err_lines = [line for line in captured.err.splitlines() if line.startswith("gongwen format:")]
    assert len(err_lines) == len(bad)
    for path in bad.values():
        assert sum(line.startswith(f"gongwen format: {path}: ") for line in err_lines) == 1
    results = json.loads(captured.out)
    by_path = {r["path"]: r for r in results}
    assert [r["path"] for r in results] == [str(p) for p in [*bad.values(), good]]
    for path in bad.values():
        entry = by_path[str(path)]
        assert entry["status"] == "error" and entry["output"] is None and entry["error"]
    assert by_path[str(good)]["status"] == "ok"
    assert by_path[str(good)]["error"] is None


def test_reasons_name_the_problem(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    bad = _bad_inputs(tmp_path)
    run_cli(*bad.values(), "--out-dir", tmp_path / "out")
    err = capsys.readouterr().err
    reasons = {name: next(line for line in err.splitlines() if f": {path}: " in line)
               for name, path in bad.items()}
    assert "empty" in reasons["zero"]
    assert "encrypted" in reasons["encrypted"]
    assert ".doc" in reasons["legacy"] and "encrypted" not in reasons["legacy"]
    assert "not a .docx" in reasons["text"] and "not a .docx" in reasons["notword"]
    assert "corrupt" in reasons["truncated"] or "not a .docx" in reasons["truncated"]
    assert "no such file" in reasons["missing"]


# --- JSON ------------------------------------------------------------------------------

def test_json_reports_roles_per_file(report: Path, tmp_path: Path, capsys):
    assert run_cli(report, "--out-dir", tmp_path / "out", "--json") == 0
    results = json.loads(capsys.readouterr().out)
    assert isinstance(results, list) and len(results) == 1
    entry = results[0]
    assert set(entry) == {"path", "output", "pdf", "status", "roles", "error",
                          "normalized", "kept"}
    assert entry["status"] == "ok" and entry["error"] is None
    assert entry["normalized"] == {}  # nothing asked, nothing rewritten
    assert entry["output"] == str(tmp_path / "out" / "plain.docx")
    expected: Dict[str, int] = {}
    for role in roles.classify(SAMPLE):
        expected[role] = expected.get(role, 0) + 1
    assert entry["roles"] == expected
    assert entry["roles"]["title"] == 1 and entry["roles"]["heading1"] == 2


# --- what is written -------------------------------------------------------------------

@pytest.fixture
def formatted(report: Path, tmp_path: Path) -> Path:
    out = tmp_path / "formatted.docx"
    assert run_cli(report, "-o", out) == 0
    return out


def test_page_setup_in_xml(formatted: Path):
    sect = part(formatted, "word/document.xml").find(".//w:body/w:sectPr", NS)
    pg_mar = sect.find("w:pgMar", NS)
    assert {k: pg_mar.get(w(k)) for k in ("top", "bottom", "left", "right")} == {
        "top": "2098", "bottom": "1984", "left": "1588", "right": "1474"}
    pg_sz = sect.find("w:pgSz", NS)
    assert (pg_sz.get(w("w")), pg_sz.get(w("h"))) == ("11906", "16838")
    assert pg_sz.get(w("orient")) is None
    grid = sect.find("w:docGrid", NS)
    assert grid.get(w("type")) == "lines" and grid.get(w("linePitch")) == "579"
    assert grid.get(w("charSpace")) is None
    assert pg_mar.get(w("footer")) == str(docxlayout.FOOTER_DISTANCE_TW)
    children = [etree.QName(c).localname for c in sect]
    assert children.index("pgSz") < children.index("pgMar") < children.index("docGrid")


def test_odd_and_even_page_number_footers(formatted: Path):
    settings = part(formatted, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    doc = part(formatted, "word/document.xml")
    refs = {ref.get(w("type")): ref.get(f"{{{NS['r']}}}id")
            for ref in doc.findall(".//w:body/w:sectPr/w:footerReference", NS)}
    assert set(refs) == {"default", "even"}
    rels = part(formatted, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for kind, style in (("default", "GongwenPageNumber"), ("even", "GongwenPageNumberEven")):
        footer = part(formatted, "word/" + targets[refs[kind]])
        paragraphs = footer.findall("w:p", NS)
        assert len(paragraphs) == 1
        p = paragraphs[0]
        assert p.find("w:pPr/w:pStyle", NS).get(w("val")) == style
        assert "".join(t.text for t in p.iter(w("t"))) == "— 1 —"
        assert "".join(t.text for t in p.iter(w("instrText"))).strip() == "PAGE"
    styles = part(formatted, "word/styles.xml")
    odd = styles.find(".//w:style[@w:styleId='GongwenPageNumber']", NS)
    even = styles.find(".//w:style[@w:styleId='GongwenPageNumberEven']", NS)
    assert odd.find("w:pPr/w:jc", NS).get(w("val")) == "right"
    assert odd.find("w:pPr/w:ind", NS).get(w("right")) == "280"
    assert even.find("w:pPr/w:jc", NS).get(w("val")) == "left"
    assert even.find("w:pPr/w:ind", NS).get(w("left")) == "280"
    for style in (odd, even):
        assert style.find("w:rPr/w:sz", NS).get(w("val")) == "28"
        assert style.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "宋体"


def test_named_styles_with_east_asian_fonts(formatted: Path):
    styles = part(formatted, "word/styles.xml")
    by_name = {s.find("w:name", NS).get(w("val")): s for s in styles.findall("w:style", NS)
               if s.find("w:name", NS) is not None}
    for role, expected in spec.PARAGRAPH_STYLES.items():
        style = by_name[expected.name]
        assert style.get(w("type")) == "paragraph"
        fonts = style.find("w:rPr/w:rFonts", NS)
        assert fonts.get(w("eastAsia")) == expected.font.name, role
        assert style.find("w:rPr/w:sz", NS).get(w("val")) == str(int(expected.size_pt * 2))
        ind = style.find("w:pPr/w:ind", NS)
        assert ind.get(w("firstLineChars")) == str(int(expected.first_line_chars * 100))
        assert ind.get(w("firstLine")) == str(int(expected.first_line_chars * expected.size_pt
                                                   * 20))
    body = by_name["公文正文"]
    assert body.find("w:pPr/w:jc", NS).get(w("val")) == "both"
    assert body.find("w:pPr/w:ind", NS).get(w("firstLineChars")) == "200"
    assert body.find("w:rPr/w:spacing", NS).get(w("val")) == "-5"
    assert by_name["公文标题"].find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert by_name["公文一级标题"].find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "黑体"
    assert by_name["公文二级标题"].find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "楷体_GB2312"
    assert by_name["公文标题"].find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "方正小标宋简体"


def test_signature_chain_keeps_with_next_and_title_is_off_the_grid(formatted: Path):
    styles = part(formatted, "word/styles.xml")
    by_name = {s.find("w:name", NS).get(w("val")): s for s in styles.findall("w:style", NS)
               if s.find("w:name", NS) is not None and s.get(w("type")) == "paragraph"}
    keep = {name: style.find("w:pPr/w:keepNext", NS).get(w("val"))
            for name, style in by_name.items() if name.startswith("公文")}
    # 结束语 → 署名 → 成文日期 stay on one page (GB/T 9704 §7.3.5), and every heading with
    # its text (no 背题); nothing else is kept.
    kept = {"公文结束语", "公文署名",
            "公文一级标题", "公文二级标题", "公文三级标题", "公文四级标题"}
    assert {name for name, value in keep.items() if value == "1"} == kept
    assert {spec.style_name(role) for role, style in spec.PARAGRAPH_STYLES.items()
            if style.keep_with_next} == kept
    # Writer ignores an exact line height on a paragraph snapped to the grid and gives the
    # 2号 title two grid lines; off the grid it takes exactly one, then one blank line.
    title = by_name["公文标题"].find("w:pPr", NS)
    assert title.find("w:snapToGrid", NS).get(w("val")) == "0"
    spacing = title.find("w:spacing", NS)
    assert spacing.get(w("line")) == str(docxlayout.LINE_PITCH_TW)
    assert spacing.get(w("lineRule")) == "exact"
    assert spacing.get(w("after")) == str(docxlayout.LINE_PITCH_TW)
    assert spec.FONT_SIZES_PT["二号"] * 1.3 * 20 < docxlayout.LINE_PITCH_TW  # the glyph box fits
    assert by_name["公文正文"].find("w:pPr/w:snapToGrid", NS) is None


def test_paragraphs_get_the_style_of_their_role(formatted: Path):
    body = part(formatted, "word/document.xml").find("w:body", NS)
    paragraphs = body.findall("w:p", NS)
    expected = [docxlayout.style_id(role) for role in roles.classify(SAMPLE)]
    assert [p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in paragraphs] == expected


def right_indent(path: Path, index: int) -> Dict[str, str]:
    """The right-side w:ind attributes (local names) of body paragraph ``index`` ({} if it
    has none; a left indent is there for spaces typed before the line)."""
    paragraph = part(path, "word/document.xml").findall(".//w:body/w:p", NS)[index]
    ind = paragraph.find("w:pPr/w:ind", NS)
    return {etree.QName(key).localname: value for key, value in ind.attrib.items()
            if etree.QName(key).localname.startswith("right")} if ind is not None else {}


def test_signature_and_date_get_the_writer_buttons_right_indents(formatted: Path):
    """§7.3.5.2 as gongwen.placement decides it (the core the Writer button uses): the
    date's first character two characters right of the 署名's first. w:rightChars (what
    Word reads) measures the text as the styles set it, without autospacing; w:right
    (what Writer reads) as Writer sets a .docx, with it (XX县 +0.2, the date +1.0)."""
    paragraph_roles = roles.classify(SAMPLE)
    signature, date = len(SAMPLE) - 2, len(SAMPLE) - 1
    # XX县政协领导班子 is 8.444 characters wide, the date 7: the date keeps two
    assert placement.signature_and_date_indents(SAMPLE, paragraph_roles) == \
        {signature: 2.556, date: 2.0}
    assert placement.signature_and_date_indents(
        SAMPLE, paragraph_roles, autospace=placement.WRITER_AUTOSPACE_CHARS) == \
        {signature: 3.356, date: 2.0}  # 2 + 8 + 2 − 8.644
    assert right_indent(formatted, signature) == {"right": "1074", "rightChars": "256"}
    assert right_indent(formatted, date) == {"right": "640", "rightChars": "200"}
    for index in range(len(SAMPLE) - 2):  # every other paragraph keeps its style's indents
        assert right_indent(formatted, index) == {}


def test_signature_and_date_styles_turn_autospacing_off(formatted: Path):
    """As the Writer button's styles do: Word then sets 2021年12月31日 seven characters
    wide, what w:rightChars was measured for."""
    styles = part(formatted, "word/styles.xml")
    for role in (Role.SIGNATURE, Role.DATE, Role.BODY):
        ppr = styles.find(f"w:style[@w:styleId='{docxlayout.style_id(role)}']/w:pPr", NS)
        values = [ppr.find(f"w:{name}", NS) for name in ("autoSpaceDE", "autoSpaceDN")]
        if role == Role.BODY:
            assert values == [None, None]
        else:
            assert [value.get(w("val")) for value in values] == ["0", "0"]


def test_the_date_is_measured_after_normalisation(messy: Path, tmp_path: Path):
    """2025.12.31 is 4.5 characters wide, 2025年12月31日 seven: the 署名 述职人：张三 moves."""
    plain, normalized = tmp_path / "plain.docx", tmp_path / "normalized.docx"
    assert run_cli(messy, "-o", plain) == 0
    assert run_cli(messy, "-o", normalized, "--normalize", "dates") == 0
    signature, date = len(MESSY) - 2, len(MESSY) - 1
    # no Chinese in 2025.12.31, so no autospacing in Writer either: 2 + 4.5 + 2 − 6
    assert right_indent(plain, signature) == {"right": "800", "rightChars": "250"}
    # 2 + 7 + 2 − 6 = 5 characters; in Writer the date is 8 wide: 6
    assert right_indent(normalized, signature) == {"right": str(6 * 320), "rightChars": "500"}
    assert right_indent(plain, date) == right_indent(normalized, date) == \
        {"right": "640", "rightChars": "200"}


def test_direct_formatting_removed_but_partial_emphasis_kept(tmp_path: Path):
    source = tmp_path / "messy.docx"
    document = docx.Document()
    whole_bold = document.add_paragraph()
    whole_bold.alignment = 1
    whole_bold.paragraph_format.left_indent = Pt(30)
    run = whole_bold.add_run("一年来，全县政协工作取得新进展。")
    run.bold = True
    run.font.size = Pt(22)
    run.font.name = "Arial"
    partial = document.add_paragraph("其中，")
    emphasis = partial.add_run("重点工作")
    emphasis.bold = True
    emphasis.underline = True
    emphasis.font.size = Pt(9)
    partial.add_run("全部完成。")
    document.save(str(source))
    out = tmp_path / "out.docx"
    assert run_cli(source, "-o", out) == 0
    paragraphs = part(out, "word/document.xml").findall(".//w:body/w:p", NS)
    first, second = paragraphs[0], paragraphs[1]
    assert first.find("w:pPr/w:jc", NS) is None and first.find("w:pPr/w:ind", NS) is None
    first_rpr = first.find("w:r/w:rPr", NS)
    assert first_rpr is None or (first_rpr.find("w:b", NS) is None
                                 and first_rpr.find("w:sz", NS) is None
                                 and first_rpr.find("w:rFonts", NS) is None)
    marked = second.findall("w:r", NS)[1].find("w:rPr", NS)
    assert marked.find("w:b", NS) is not None and marked.find("w:u", NS) is not None
    assert marked.find("w:sz", NS) is None


def test_a_typed_blank_line_is_the_blank_line_as_in_writer(tmp_path: Path):
    """The style's blank line before the 署名 (and after the title) is dropped where the author
    typed one, and a typed empty line inside the 落款 chain keeps with the next paragraph."""
    lines = ["2021年度工作总结", "", "一年来认真履职。", "特此报告。", "", "XX县政协办公室",
             "2021年12月31日"]
    source = tmp_path / "blank.docx"
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(source))
    out = tmp_path / "out.docx"
    assert run_cli(source, "-o", out) == 0
    paragraphs = part(out, "word/document.xml").findall(".//w:body/w:p", NS)
    title, blank_under_title, body, closing, blank, signature, date = paragraphs
    spacing = title.find("w:pPr/w:spacing", NS)
    assert spacing.get(w("after")) == "0" and spacing.get(w("afterLines")) == "0"
    spacing = signature.find("w:pPr/w:spacing", NS)
    assert spacing.get(w("before")) == "0" and spacing.get(w("beforeLines")) == "0"
    assert blank.find("w:pPr/w:keepNext", NS) is not None
    assert [child.tag for child in blank.find("w:pPr", NS)][:2] == [w("pStyle"), w("keepNext")]
    for other in (blank_under_title, body, closing, date):
        assert other.find("w:pPr/w:spacing", NS) is None
        assert other.find("w:pPr/w:keepNext", NS) is None
    # without the typed line, the style's space stays
    document = docx.Document()
    for line in [line for line in lines if line]:
        document.add_paragraph(line)
    document.save(str(tmp_path / "tight.docx"))
    assert run_cli(tmp_path / "tight.docx", "-o", tmp_path / "tight-out.docx") == 0
    paragraphs = part(tmp_path / "tight-out.docx", "word/document.xml").findall(
        ".//w:body/w:p", NS)
    assert all(p.find("w:pPr/w:spacing", NS) is None for p in paragraphs)


def test_tables_fit_type_width_in_fangsong(tmp_path: Path):
    out_dir = tmp_path / "out"
    source = build("wide_table", tmp_path)
    assert run_cli(source, "--out-dir", out_dir) == 0
    tbl = part(out_dir / "wide_table.docx", "word/document.xml").find(".//w:body/w:tbl", NS)
    widths = [int(c.get(w("w"))) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert sum(widths) == docxlayout.TYPE_WIDTH_TW == 8844
    assert tbl.find("w:tblPr/w:tblW", NS).get(w("w")) == "8844"
    for p in tbl.iter(w("p")):
        assert p.find("w:pPr/w:pStyle", NS).get(w("val")) == docxlayout.TABLE_STYLE_ID
    styles = part(out_dir / "wide_table.docx", "word/styles.xml")
    table_style = styles.find(f".//w:style[@w:styleId='{docxlayout.TABLE_STYLE_ID}']", NS)
    assert table_style.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "仿宋_GB2312"


def test_dates_normalized_only_when_asked(tmp_path: Path):
    source = tmp_path / "dated.docx"
    document = docx.Document()
    for line in SAMPLE[:-1] + ["二〇二一年十二月三十一日"]:
        document.add_paragraph(line)
    document.save(str(source))
    plain, normalized = tmp_path / "plain.docx", tmp_path / "normalized.docx"
    assert run_cli(source, "-o", plain) == 0
    assert run_cli(source, "-o", normalized, "--normalize", "dates") == 0
    assert docx_text(plain)["word/document.xml"].endswith("二〇二一年十二月三十一日")
    assert docx_text(normalized)["word/document.xml"].endswith("\n2021年12月31日")


# --- 规范写法: --normalize dates,numbering,spaces | all ------------------------------------

# A report as users type it; each line is (runs), a run is (text, bold) or TAB for a w:tab.
TAB = ("\t", None)
MESSY = [
    [("  XX县2025年度工作总结", False)],
    [("各位领导：", False)],
    [("  一年来，我认真履职。", False)],
    [("一.加强政治理论学习", False)],
    [("(一", False), (")坚持", False), ("集中", True), ("学习", False)],  # number split in runs
    [("1、读原著学原文。", False)],
    [("(1)每周一次集体学习。", False)],
    [("1、2月份完成X项任务。", False)],
    [(" ", False), TAB, ("\u3000全年共召开会议十二次。", False)],  # indentation across runs
    [TAB, ("二、履职尽责情况", False)],
    [("", False)],
    [("特此报告。", False)],
    [("述职人：张三", False)],
    [("  2025.", False), ("12.31", True)],  # a date split in runs
]
TEXTS = ["".join(text for text, _ in line) for line in MESSY]
NORMALIZED = {
    "dates": {13: "  2025年12月31日"},
    "numbering": {3: "一、加强政治理论学习", 4: "（一）坚持集中学习", 5: "1.读原著学原文。",
                  6: "（1）每周一次集体学习。"},
    "spaces": {0: "XX县2025年度工作总结", 2: "一年来，我认真履职。", 8: "全年共召开会议十二次。",
               9: "二、履职尽责情况", 13: "2025.12.31"},
}
NORMALIZED["all"] = {**NORMALIZED["dates"], **NORMALIZED["numbering"], **NORMALIZED["spaces"],
                     13: "2025年12月31日"}
BLANK_LINES = {10}  # what blank-lines (and all) removes


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    source = tmp_path / "messy.docx"
    document = docx.Document()
    for line in MESSY:
        paragraph = document.add_paragraph()
        for text, bold in line:
            if (text, bold) == TAB:
                paragraph.add_run().add_tab()
            else:
                paragraph.add_run(text).bold = bold or None
    document.save(str(source))
    return source


def body_texts(path: Path) -> List[str]:
    """The body paragraphs' texts as python-docx reads them (a w:tab is a \\t)."""
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def body_runs(path: Path, index: int) -> List[tuple]:
    """(text, bold) of each run with text in body paragraph ``index``."""
    paragraph = part(path, "word/document.xml").findall(".//w:body/w:p", NS)[index]
    runs = []
    for run in paragraph.findall("w:r", NS):
        text = "".join(t.text or "" for t in run.findall("w:t", NS))
        if text:
            runs.append((text, run.find("w:rPr/w:b", NS) is not None))
    return runs


def test_messy_fixture_reads_as_typed(messy: Path):
    assert body_texts(messy) == TEXTS
    assert roles.classify(TEXTS)[3:7] == ["heading1", "heading2", "heading3", "heading4"]


def test_default_changes_no_text_of_a_messy_report(messy: Path, tmp_path: Path, capsys):
    out = tmp_path / "out.docx"
    assert run_cli(messy, "-o", out, "--json") == 0
    assert body_texts(out) == TEXTS
    assert json.loads(capsys.readouterr().out)[0]["normalized"] == {}


@pytest.mark.parametrize("option", ["dates", "numbering", "spaces", "all"])
def test_each_normalization_changes_exactly_its_paragraphs(messy: Path, tmp_path: Path, capsys,
                                                          option: str):
    out = tmp_path / "out.docx"
    assert run_cli(messy, "-o", out, "--normalize", option, "--json") == 0
    removed = BLANK_LINES if option == "all" else set()
    assert body_texts(out) == [NORMALIZED[option].get(i, text) for i, text in enumerate(TEXTS)
                               if i not in removed]
    kinds = ["dates", "numbering", "spaces"] if option == "all" else [option]
    entry = json.loads(capsys.readouterr().out)[0]
    expected = {kind: len(NORMALIZED[kind]) for kind in kinds}
    if option == "all":
        expected["blank-lines"] = len(BLANK_LINES)
        expected["punctuation"] = 0  # the report's marks are all full-width already
    assert entry["normalized"] == expected
    kept = [text for i, text in enumerate(TEXTS) if i not in removed]
    assert entry["roles"] == dict(Counter(roles.classify(kept)))


def test_rewrites_keep_the_runs_formatting(messy: Path, tmp_path: Path):
    out = tmp_path / "out.docx"
    assert run_cli(messy, "-o", out, "--normalize", "dates,numbering,spaces") == 0
    assert body_runs(out, 4) == [("（一）", False), ("坚持", False), ("集中", True),
                                 ("学习", False)]
    assert body_runs(out, 13) == [("2025年12月31日", False)]  # the new date: in its first run
    assert body_runs(out, 8) == [("全年共召开会议十二次。", False)]
    paragraph = part(out, "word/document.xml").findall(".//w:body/w:p", NS)[9]
    assert paragraph.find(".//w:r/w:tab", NS) is None  # the typed tab is gone


def test_a_comma_list_repeats_and_the_older_dates_option_combine(messy: Path, tmp_path: Path):
    one, two = tmp_path / "one.docx", tmp_path / "two.docx"
    assert run_cli(messy, "-o", one, "--normalize", "numbering,spaces", "--normalize", "dates") == 0
    assert run_cli(messy, "-o", two, "--normalize", "spaces", "--normalize", "dates,numbering") == 0
    expected = [NORMALIZED["all"].get(i, text) for i, text in enumerate(TEXTS)]
    assert body_texts(one) == expected and body_texts(two) == expected


def test_an_unknown_normalization_is_refused(messy: Path, tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as refused:
        run_cli(messy, "-o", tmp_path / "out.docx", "--normalize", "dates,numbers")
    assert refused.value.code == 2
    error = capsys.readouterr().err
    assert "numbers" in error and "numbering" in error
    assert not (tmp_path / "out.docx").exists()


def test_normalizing_twice_gives_identical_parts(messy: Path, tmp_path: Path):
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    assert run_cli(messy, "-o", once, "--normalize", "all") == 0
    assert run_cli(once, "-o", twice, "--normalize", "all") == 0
    assert parts(once) == parts(twice)


def test_the_text_check_still_stops_a_rewrite_that_does_more(messy: Path, tmp_path: Path,
                                                             capsys, monkeypatch):
    """The guard compares with the text expected after the rewrites asked for: a rewrite
    that changed anything else (here: one more character dropped) is refused."""
    real = docxrender.apply_run_edits

    def sloppy(plan, revision=None):
        real(plan, revision)
        node = plan[0].piece.node
        if node.tag == w("t") and node.text:
            node.text = node.text[:-1]

    monkeypatch.setattr(docxrender, "apply_run_edits", sloppy)
    out = tmp_path / "out.docx"
    assert run_cli(messy, "-o", out, "--normalize", "numbering") == 2
    assert "document.xml" in capsys.readouterr().err
    assert not out.exists()


def _paragraph(runs_xml: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W}">{runs_xml}</w:p>')


def test_run_edits_cross_runs_and_refuse_what_the_runs_cannot_take():
    from gongwen.normalize import Edit

    p = _paragraph('<w:r><w:t xml:space="preserve">  (</w:t><w:tab/></w:r>'
                   '<w:r><w:t>一)学习</w:t><w:sym w:char="F020"/></w:r>')
    text = docxrender.paragraph_text(p)
    assert text == "  (\t一)学习"
    # stale text (not what the runs hold): refused
    assert docxruns.plan_run_edits(p, "  (一)学习", [Edit(0, 2, "", "spaces")]) is None
    # new text must start in a w:t: here it would start at the tab
    assert docxruns.plan_run_edits(p, text, [Edit(3, 6, "X", "numbering")]) is None
    plan = docxruns.plan_run_edits(p, text, [Edit(0, 2, "", "spaces"),
                                     Edit(2, 6, "（一）", "numbering")])
    docxruns.apply_run_edits(plan)
    assert docxrender.paragraph_text(p) == "（一）学习"
    runs = p.findall("w:r", NS)
    assert [t.text for t in p.iter(w("t"))] == ["（一）", "学习"]
    assert len(runs) == 2 and runs[1].find("w:sym", NS) is not None  # the symbol stays


# --- text and idempotence --------------------------------------------------------------

def test_text_check_tells_breaks_and_hyphens_apart():
    """What format compares is docxtext.paragraph_text, which keeps these apart: a formatter
    that turned one into another would be stopped."""
    def text(run_xml: str) -> str:
        document = docx.Document()
        run = etree.fromstring(f'<w:r xmlns:w="{W}">{run_xml}</w:r>')
        document.add_paragraph()._p.append(run)
        return docxrender.document_text(document)["/word/document.xml"]

    expected = {'<w:t>甲</w:t><w:br w:type="page"/>': "甲\f", "<w:t>甲</w:t><w:br/>": "甲\n",
                "<w:t>甲</w:t>": "甲", "<w:noBreakHyphen/>": "\u2011", "<w:t>-</w:t>": "-",
                "<w:softHyphen/>": "\u00ad", "<w:tab/>": "\t"}
    assert {xml: text(xml) for xml in expected} == expected


def test_running_twice_gives_identical_parts(report: Path, tmp_path: Path):
    """"Same content": every part of the package, byte for byte (zip timestamps aside)."""
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    assert run_cli(report, "-o", once) == 0
    assert run_cli(once, "-o", twice) == 0
    assert parts(once) == parts(twice)


def test_corpus_text_unchanged_no_crash_and_idempotent(tmp_path: Path, capsys):
    sources = build_corpus(tmp_path / "in")
    assert len(sources) >= 20
    assert run_cli(*sources, "--out-dir", tmp_path / "once", "--json") == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in results] == ["ok"] * len(sources)
    once = [tmp_path / "once" / s.name for s in sources]
    for source, out in zip(sources, once):
        assert text_unchanged(docx_text(source, LIST_LABELS.get(source.stem)),
                              docx_text(out)) == [], source.name
    assert run_cli(*once, "--out-dir", tmp_path / "twice") == 0
    for out in once:
        assert parts(out) == parts(tmp_path / "twice" / out.name), out.name


def test_corpus_keeps_structures(tmp_path: Path):
    sources = {s.stem: s for s in build_corpus(tmp_path / "in", include_huge=False)}
    assert run_cli(*sources.values(), "--out-dir", tmp_path / "out") == 0

    def out(name: str) -> Path:
        return tmp_path / "out" / f"{name}.docx"

    def count(name: str, member: str, tag: str) -> int:
        return sum(1 for _ in part(out(name), member).iter(w(tag)))

    assert count("nested_tables", "word/document.xml", "tbl") == 2
    assert count("image", "word/document.xml", "drawing") == 1
    assert count("footnotes", "word/document.xml", "footnoteReference") == 1
    assert count("footnotes", "word/footnotes.xml", "footnote") == 3
    assert count("comments", "word/document.xml", "commentRangeStart") == 1
    assert count("comments", "word/comments.xml", "comment") == 1
    assert count("tracked_changes", "word/document.xml", "ins") == 1
    assert count("tracked_changes", "word/document.xml", "delText") == 1
    assert count("fields", "word/document.xml", "fldSimple") == 1
    assert count("fields", "word/document.xml", "instrText") == 1
    assert count("bookmarks_links", "word/document.xml", "bookmarkStart") == 1
    assert count("bookmarks_links", "word/document.xml", "hyperlink") == 1
    assert count("sections", "word/document.xml", "sectPr") == 3
    assert count("content_control", "word/document.xml", "sdt") == 1
    with zipfile.ZipFile(out("image_in_header")) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert media  # the header's picture, now shown on odd and even pages
    headers = docx_text(out("headers"))
    header_texts: List[str] = [t for n, t in headers.items() if n.startswith("word/header")]
    assert header_texts.count("内部资料 注意保存") == 2  # copied to the even pages
    assert "XX县政协办公室印制" in " ".join(t for n, t in headers.items()
                                        if n.startswith("word/footer"))


def test_layout_api_on_a_fresh_document(tmp_path: Path):
    """The template builder's use: apply_layout on docx.Document(), twice, same XML."""
    document = docx.Document()
    assert docxlayout.apply_layout(document) == []  # nothing of the author's to keep
    ids = docxlayout.ensure_styles(document)
    assert set(ids) >= {style.name for style in spec.PARAGRAPH_STYLES.values()}
    paragraph = document.add_paragraph("正文")
    paragraph.style = document.styles[spec.style_name(spec.Role.BODY)]
    first = etree.tostring(document.styles.element) + etree.tostring(document.element)
    docxlayout.apply_layout(document)
    assert etree.tostring(document.styles.element) + etree.tostring(document.element) == first
    path = tmp_path / "template.docx"
    document.save(str(path))
    assert part(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
