"""Folders as inputs: ``format DIR --recursive --out-dir OUT`` keeps the tree, ``check`` and
``lint`` walk it too; what is not a document is skipped and said once; a bad file is one
line and the others go on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gongwen import cli
from gongwen.cli import walk

REPORT = "关于开展安全生产检查的通知\n各乡镇：\n现将有关事项通知如下：请于X月X日前报送。\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "交稿"
    (root / "办公室" / "2026").mkdir(parents=True)
    (root / ".git").mkdir()
    for path in ("总结.txt", "办公室/通知.txt", "办公室/2026/述职.txt", ".git/HEAD.txt"):
        (root / path).write_text(REPORT, encoding="utf-8")
    (root / "办公室" / "照片.png").write_bytes(b"\x89PNG")
    (root / "办公室" / "名单.xlsx").write_bytes(b"PK")
    (root / "~$总结.docx").write_bytes(b"owner file")
    (root / "总结.docx.bak").write_bytes(b"backup")
    (root / "办公室" / "坏.docx").write_bytes(b"not a zip")
    return root


def test_expand_walks_sorted_and_keeps_the_path_below_the_folder(tree: Path):
    found = walk.expand([str(tree)], True, (".txt", ".docx"))
    assert [str(i.mirrored) for i in found.inputs] == [
        "总结.txt", "办公室/坏.docx", "办公室/通知.txt", "办公室/2026/述职.txt"]
    assert sorted(p.name for p in found.skipped) == ["名单.xlsx", "照片.png"]


def test_a_folder_without_recursive_stays_one_input(tree: Path):
    found = walk.expand([str(tree)], False, (".txt",))
    assert found.inputs == [walk.Input(tree, Path("交稿"))] and found.skipped == []


def test_the_output_folder_inside_the_input_is_not_walked(tree: Path):
    (tree / "out").mkdir()
    (tree / "out" / "总结.txt").write_text(REPORT, encoding="utf-8")
    found = walk.expand([str(tree)], True, (".txt",), out_dir=str(tree / "out"))
    assert "out" not in {i.mirrored.parts[0] for i in found.inputs}


def test_format_mirrors_the_tree_skips_others_and_goes_on_after_a_bad_file(
        tree: Path, tmp_path: Path, capsys):
    out = tmp_path / "out"
    status = cli.main(["format", str(tree), "--recursive", "--out-dir", str(out), "--json"])
    captured = capsys.readouterr()
    assert status == 2  # the broken .docx
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx"))
    assert written == ["办公室/2026/述职.docx", "办公室/通知.docx", "总结.docx"]
    results = json.loads(captured.out)
    assert [r["status"] for r in results] == ["ok", "error", "ok", "ok"]
    err_lines = captured.err.strip().splitlines()
    assert sum("坏.docx" in line for line in err_lines) == 1
    skipped = [line for line in err_lines if "跳过了" in line or "skipped" in line]
    assert len(skipped) == 1 and "2" in skipped[0] and "照片.png" in skipped[0]


def test_check_and_lint_walk_the_folder(tree: Path, capsys):
    assert cli.main(["check", str(tree), "-r", "--json"]) == 2  # found, and one unreadable
    data = json.loads(capsys.readouterr().out)
    assert len(data["files"]) == 4 and data["total"] == 3  # X月X日 is one blank date each
    assert cli.main(["lint", str(tree), "-r", "--json"]) == 2
    assert len(json.loads(capsys.readouterr().out)["files"]) == 4


def test_a_folder_named_without_recursive_is_one_line_and_the_rest_goes_on(
        tree: Path, tmp_path: Path, capsys):
    one = tree / "总结.txt"
    status = cli.main(["format", str(tree), str(one), "--out-dir", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert status == 2 and "--recursive" in err
    assert (tmp_path / "o" / "总结.docx").is_file()


def test_progress_is_shown_on_a_terminal_only():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown, piped = Terminal(), io.StringIO()
    for stream in (shown, piped):
        progress = walk.Progress(5, stream)
        for index in range(1, 6):
            progress.step(index, Path(f"{index}.docx"))
        progress.done()
    assert "\r[5/5] 5.docx" in shown.getvalue() and shown.getvalue().endswith("\r")
    assert piped.getvalue() == ""
    few = Terminal()
    walk.Progress(3, few).step(1, Path("a.docx"))
    assert few.getvalue() == ""
