"""检查格式 in a Chinese user's words (issue 19 item 5): each row starts with a category
(字体, 字号 …), sizes read as 字号, long rows wrap; ``lint --json`` keeps its codes."""

from __future__ import annotations

import json

import docx
from docx.shared import Pt

from gongwen import cli, fontconfig, formatcheck, spec
from gongwen.formatcheck import CODES, Problem

CATEGORIES = {"page": "页面", "font": "字体", "size": "字号", "indent": "缩进",
              "numbering": "编号", "punctuation": "标点", "date": "日期", "structure": "结构",
              "placeholder": "占位符", "font-missing": "缺少字体", "direct-format": "直接格式"}


def test_every_code_has_its_chinese_category():
    assert set(CATEGORIES) == set(CODES)
    for code in CODES:
        assert formatcheck.category(code) == CATEGORIES[code]
        assert formatcheck.category(code, "en-US").isascii()


def test_sizes_read_as_their_zihao_names():
    assert [spec.size_name(pt) for pt in (42, 22, 16, 15.9, 14, 10.5)] == \
        ["初号", "二号", "三号", "三号", "四号", "五号"]
    assert spec.size_name(13) is None
    assert formatcheck.size_words(16) == "三号"
    assert formatcheck.size_words(13) == "13 磅"  # no name: points, the only words left
    assert formatcheck.size_words(16, "en-US") == "16 pt (三号)"


def test_a_size_problem_names_the_zihao():
    facts = formatcheck.DocumentFacts([formatcheck.ParagraphFacts(
        "关于做好防汛工作的通知", size_pt=18.0)])
    size = [p for p in formatcheck.check(facts) if p.code == "size"]
    assert [(p.message, p.fix) for p in size] == [("公文标题字号为小二，应为二号", "字号改为二号")]
    row = formatcheck.row_text(size[0])
    assert row == "【字号】第 1 段：公文标题字号为小二，应为二号 → 字号改为二号"
    assert "磅" not in row and "size" not in row


def _width(line: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in line)


def test_a_long_row_wraps_within_its_columns_and_keeps_every_character():
    problem = Problem("font-missing", "未安装字体“方正小标宋简体”，将以“Noto Serif CJK SC”代替",
                      3, 0, 0, "", "安装“方正小标宋简体”字体后再排版、打印", "第 4 段")
    row = formatcheck.row_text(problem)
    lines = formatcheck.wrap_row(row, 30)
    assert len(lines) >= 3
    assert all(_width(line) <= 30 + 2 for line in lines)  # a closing mark may stay on
    assert not any(line.lstrip("　")[0] in "，。、；：）”" for line in lines[1:])
    assert lines[0].startswith("【缺少字体】")
    assert all(line.startswith("　　") for line in lines[1:])
    assert "".join(line.lstrip("　") for line in lines).replace(" ", "") == row.replace(" ", "")
    assert "Noto" in "".join(lines) and "Serif" in "".join(lines)
    assert formatcheck.wrap_row("短行", 30) == ["短行"]


def _small_title(folder) -> str:
    document = docx.Document()
    document.add_paragraph().add_run("关于做好防汛工作的通知").font.size = Pt(18)
    document.add_paragraph("各单位要高度重视防汛工作。")
    path = folder / "small-title.docx"
    document.save(str(path))
    return str(path)


def test_lint_speaks_chinese_and_its_json_keeps_the_codes(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(fontconfig, "families", lambda: set())
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    path = _small_title(tmp_path)
    assert cli.main(["lint", path]) == 1
    out = capsys.readouterr().out
    assert f"{path}:第 1 段: 字号: 公文标题字号为小二，应为二号" in out.splitlines()
    assert f"{path}: 页面: " in out
    for code in ("size:", "font:", "page:", "indent:"):
        assert f": {code}" not in out
    assert cli.main(["lint", "--json", path]) == 1
    report = json.loads(capsys.readouterr().out)
    codes = {p["code"] for p in report["files"][0]["problems"]}
    assert {"size", "font", "page"} <= codes <= set(CODES)


def test_an_english_ui_reads_english_rows():
    problem = Problem("size", "title is 18 pt (小二), not 22 pt (二号)", 0, 0, 0, "",
                      "set the size to 22 pt (二号)", "paragraph 1")
    assert formatcheck.row_text(problem, "en-US") == \
        "[size] paragraph 1: title is 18 pt (小二), not 22 pt (二号) → set the size to 22 pt (二号)"
