"""版式预设 (issue 15): resolving, extends, the user's folder, validation, the CLI, the menu."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gongwen import cli, presets, spec
from gongwen.cli import presets as batch_presets
from gongwen.presets import PresetError
from gongwen.writer.commands import parse_url
from tests.conftest import ROOT


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "presets"
    folder.mkdir()
    return folder


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch) -> Path:
    """The user's configuration folder (XDG) in a throwaway place, for the whole test."""
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setattr(presets.sys, "platform", "linux")
    monkeypatch.setitem(sys.modules, "platformdirs", None)  # the stdlib rule
    return home


def write(folder: Path, name: str, data) -> Path:
    path = folder / f"{name}.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")
    return path


# ---- the built-ins ------------------------------------------------------------------------------

def test_default_is_gbt9704_with_the_numbers_of_spec(user_dir):
    preset = presets.resolve(user_dir=user_dir)
    assert (preset.name, preset.source, preset.ref) == ("gbt9704", "built-in", "gbt9704")
    page = preset.data["page"]
    assert page == {"width_mm": spec.PAGE.width, "height_mm": spec.PAGE.height,
                    "top_mm": spec.PAGE.top, "bottom_mm": spec.PAGE.bottom,
                    "left_mm": spec.PAGE.left, "right_mm": spec.PAGE.right,
                    "lines": spec.PAGE.lines, "chars_per_line": spec.PAGE.chars_per_line,
                    "line_spacing": "grid"}
    assert preset.data["page_number"] == {
        "format": "— {n} —", "position": "outside", "size_pt": spec.PAGE.page_number_size_pt,
        "font": spec.PAGE_NUMBER_FONT, "below_mm": spec.PAGE.page_number_gap}
    assert preset.data["fonts"] == {"latin": spec.LATIN_FONT}
    assert preset.data["roles"]["title"] == {"font": "方正小标宋简体", "size_pt": 22.0,
                                             "bold": False}
    assert preset.data["roles"]["heading1"]["font"] == spec.HEITI.name
    assert presets.resolve("gbt9704", user_dir) == preset


def test_the_gbt9704_file_holds_no_numbers_spec_is_the_one_source():
    raw = json.loads((presets.BUILTIN_DIR / "gbt9704.json").read_text(encoding="utf-8"))
    assert set(raw) == {"name", "description"}


def test_fixed_28pt_is_gbt9704_with_fixed_line_spacing(user_dir):
    fixed = presets.resolve("fixed-28pt", user_dir)
    standard = presets.resolve(None, user_dir)
    assert fixed.data["page"]["line_spacing"] == {"fixed_pt": 28.0}
    fixed.data["page"]["line_spacing"] = "grid"
    assert fixed.data == standard.data
    assert fixed.description and fixed.builtin


def test_roles_follow_spec_role_all_not_a_list_of_our_own(monkeypatch, user_dir):
    roles = presets.resolve(None, user_dir).data["roles"]
    assert list(roles) == [role for role in spec.Role.ALL if role != spec.Role.BLANK]
    monkeypatch.setattr(spec.Role, "ALL", spec.Role.ALL + ("epigraph",))
    monkeypatch.setitem(spec.PARAGRAPH_STYLES, "epigraph",
                        spec.ParaStyle("公文题记", spec.KAITI, 16))
    write(user_dir, "sub", {"roles": {"epigraph": {"size": "小二"}}})
    preset = presets.resolve("sub", user_dir)
    assert preset.data["roles"]["epigraph"] == {"font": spec.KAITI.name, "size_pt": 18.0,
                                                "bold": False}


def test_builtin_names_default_first():
    assert presets.builtin_names() == ["gbt9704", "fixed-28pt"]


# ---- extends, merging, user folder, paths -------------------------------------------------------

def test_extends_chain_merges_deeply(user_dir):
    write(user_dir, "group", {"extends": "fixed-28pt", "description": "集团",
                              "roles": {"title": {"font": "方正小标宋_GBK"}},
                              "page_number": {"position": "center"}})
    write(user_dir, "branch", {"extends": "group", "page": {"top_mm": 30},
                               "roles": {"title": {"size": "小一"}}})
    preset = presets.resolve("branch", user_dir)
    assert preset.data["roles"]["title"] == {"font": "方正小标宋_GBK", "size_pt": 24.0,
                                             "bold": False}
    assert preset.data["page"]["top_mm"] == 30.0
    assert preset.data["page"]["bottom_mm"] == spec.PAGE.bottom
    assert preset.data["page"]["line_spacing"] == {"fixed_pt": 28.0}
    assert preset.data["page_number"]["position"] == "center"
    assert preset.data["page_number"]["format"] == "— {n} —"
    assert preset.description == "集团"  # inherited when the file gives none
    assert preset.source == str(user_dir / "branch.json") and preset.ref == "branch"


def test_a_file_without_extends_starts_from_gbt9704(user_dir):
    write(user_dir, "alone", {"page": {"lines": 20}})
    assert presets.resolve("alone", user_dir).data["page"]["chars_per_line"] == 28


def test_a_path_selects_a_file_and_extends_is_relative_to_it(tmp_path, user_dir):
    folder = tmp_path / "house"
    folder.mkdir()
    write(folder, "base", {"page": {"left_mm": 30}})
    child = write(folder, "child", {"extends": "base.json", "page": {"right_mm": 24}})
    preset = presets.resolve(str(child), user_dir)
    assert preset.ref == preset.source == str(child)
    assert (preset.data["page"]["left_mm"], preset.data["page"]["right_mm"]) == (30.0, 24.0)
    assert preset.name == "child"


def test_the_file_name_is_the_preset_name_whatever_name_it_holds(user_dir):
    write(user_dir, "house", {"name": "gbt9704", "description": "a copy of presets show"})
    preset = presets.resolve("house", user_dir)
    assert (preset.name, preset.ref) == ("house", "house")
    assert presets.from_json(preset.to_json(), "doc.odt").name == "house"


def test_a_builtin_name_wins_over_a_user_file_of_that_name(user_dir):
    write(user_dir, "gbt9704", {"page": {"top_mm": 10}})
    assert presets.resolve("gbt9704", user_dir).data["page"]["top_mm"] == spec.PAGE.top
    assert [info.name for info in presets.available(user_dir)] == ["gbt9704", "fixed-28pt"]


def test_available_lists_builtins_then_user_presets_with_problems(user_dir):
    write(user_dir, "zeta", {"description": "最后一个"})
    write(user_dir, "alpha", {"page": {"top_mm": "x"}})
    infos = presets.available(user_dir)
    assert [(info.name, info.source) for info in infos] == [
        ("gbt9704", "built-in"), ("fixed-28pt", "built-in"),
        ("alpha", str(user_dir / "alpha.json")), ("zeta", str(user_dir / "zeta.json"))]
    assert infos[3].description == "最后一个" and infos[3].problem is None
    assert "page.top_mm" in infos[2].problem.text()


def test_user_folder_is_xdg_config_home(config_home):
    write_to = config_home / "gongwen" / "presets"
    write_to.mkdir(parents=True)
    write(write_to, "mine", {"page": {"top_mm": 36}})
    assert presets.user_presets_dir() == write_to
    assert presets.resolve("mine").data["page"]["top_mm"] == 36.0


def test_user_folder_on_each_system_without_platformdirs(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    monkeypatch.setattr(presets.Path, "home", staticmethod(lambda: tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr(presets.sys, "platform", "linux")
    assert presets.user_presets_dir() == tmp_path / ".config" / "gongwen" / "presets"
    monkeypatch.setenv("XDG_CONFIG_HOME", "  ")  # blank counts as unset, as in platformdirs
    assert presets.user_presets_dir() == tmp_path / ".config" / "gongwen" / "presets"
    monkeypatch.setattr(presets.sys, "platform", "darwin")
    assert presets.config_dir() == tmp_path / "Library" / "Application Support" / "gongwen"
    monkeypatch.setattr(presets.sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert presets.config_dir() == tmp_path / "Roaming" / "gongwen"


def test_to_json_is_a_file_that_resolves_to_the_same_preset(user_dir):
    write(user_dir, "house", {"extends": "fixed-28pt", "roles": {"body": {"size": 15.5}}})
    preset = presets.resolve("house", user_dir)
    again = presets.from_json(preset.to_json(), "报告.odt")
    assert (again.name, again.description, again.data) == (preset.name, preset.description,
                                                         preset.data)
    assert "extends" not in json.loads(preset.to_json())


def test_sizes_are_zihao_names_or_points(user_dir):
    write(user_dir, "sizes", {"roles": {"title": {"size": "初号"},
                                        "body": {"size": 15},
                                        "date": {"size_pt": 15.5}},
                              "page_number": {"size": "五号"}})
    data = presets.resolve("sizes", user_dir).data
    assert data["roles"]["title"]["size_pt"] == 42.0
    assert data["roles"]["body"]["size_pt"] == 15.0
    assert data["roles"]["date"]["size_pt"] == 15.5
    assert data["page_number"]["size_pt"] == 10.5


def test_the_example_house_style_of_the_readme_is_what_it_says(user_dir):
    example = presets.resolve(str(ROOT / "docs" / "presets" / "example-house.json"), user_dir)
    page, number = example.data["page"], example.data["page_number"]
    assert (page["top_mm"], page["bottom_mm"], page["left_mm"], page["right_mm"]) != \
        (spec.PAGE.top, spec.PAGE.bottom, spec.PAGE.left, spec.PAGE.right)
    assert page["line_spacing"] == {"fixed_pt": 29.0}
    assert (number["format"], number["position"]) == ("- {n} -", "center")
    named = json.loads((ROOT / "docs" / "presets" / "example-house.json").read_text("utf-8"))
    assert all(example.data["roles"][role]["font"].startswith("方正")
               and example.data["roles"][role]["font"].endswith("_GBK")
               for role in named["roles"])  # the roles it names; the others inherit
    guide = (ROOT / "docs" / "用户指南.md").read_text(encoding="utf-8")
    section = guide[guide.index("## 版式预设"):]
    block = section[section.index("```json") + len("```json"):]
    shown = presets.from_json(block[:block.index("```")], "用户指南.md", user_dir)
    assert shown.data["page"] == page and shown.data["page_number"] == number
    assert shown.data["roles"]["title"] == example.data["roles"]["title"]


# ---- validation: each invalid preset and its one line -------------------------------------------

INVALID = [
    # (file, the key path named, a piece of the Chinese line, a piece of the English line)
    ({"pgae": {}}, "pgae", "未知的键“pgae”；可用的键：name, description, extends, page",
     "unknown key “pgae”; allowed keys: name"),
    ({"page": {"margin_mm": 20}}, "page.margin_mm", "可用的键：width_mm, height_mm, top_mm",
     "allowed keys: width_mm"),
    ({"roles": {"titel": {}}}, "roles.titel", "可用的键：title, addressee, body",
     "allowed keys: title, addressee"),
    ({"roles": {"blank": {}}}, "roles.blank", "未知的键“blank”", "unknown key “blank”"),
    ({"roles": {"body": {"colour": "red"}}}, "roles.body.colour",
     "可用的键：font, size, size_pt, bold", "allowed keys: font, size, size_pt, bold"),
    ({"page": {"top_mm": "37mm"}}, "page.top_mm", "应为毫米数（≥ 0 的数字），而不是 \"37mm\"",
     "expected millimetres (a number ≥ 0), not \"37mm\""),
    ({"page": {"left_mm": -1}}, "page.left_mm", "≥ 0 的数字", "a number ≥ 0"),
    ({"page": {"width_mm": 0}}, "page.width_mm", "> 0 的数字", "a number > 0"),
    ({"page": {"lines": 21.5}}, "page.lines", "应为 ≥ 1 的整数", "a whole number ≥ 1, not 21.5"),
    ({"page": {"chars_per_line": 0}}, "page.chars_per_line", "≥ 1 的整数", "whole number ≥ 1"),
    ({"page": {"lines": True}}, "page.lines", "≥ 1 的整数", "not true"),
    ({"page": "A4"}, "page", "应为对象", "expected an object"),
    ({"roles": {"title": {"bold": "yes"}}}, "roles.title.bold", "应为 true 或 false",
     "expected true or false, not \"yes\""),
    ({"roles": {"title": {"font": ""}}}, "roles.title.font", "字体名（非空的字符串）",
     "a font name"),
    ({"fonts": {"latin": 12}}, "fonts.latin", "字体名", "a font name (a non-empty string), not 12"),
    ({"description": ["a"]}, "description", "文字（带引号的字符串）", "text (a quoted string)"),
    ({"roles": {"body": {"size": "三号半"}}}, "roles.body.size",
     "应为字号（初号、小初、一号", "expected a 字号 (初号"),
    ({"roles": {"body": {"size": 0}}}, "roles.body.size", "或磅数（> 0 的数字），而不是 0",
     "or points (a number > 0), not 0"),
    ({"roles": {"body": {"size_pt": "三号"}}}, "roles.body.size_pt", "磅数（> 0 的数字）",
     "points (a number > 0)"),
    ({"roles": {"body": {"size": "三号", "size_pt": 16}}}, "roles.body.size",
     "size 与 size_pt 只能给一个", "give size or size_pt, not both"),
    ({"page_number": {"position": "left"}}, "page_number.position",
     "应为 outside（单页居右、双页居左）、center（居中）或 right（居右），而不是 \"left\"",
     "expected outside (odd pages right, even left), center or right, not \"left\""),
    ({"page_number": {"format": "- N -"}}, "page_number.format", "应含且只含一个 {n}",
     "needs exactly one {n}"),
    ({"page_number": {"format": "{n}/{n}"}}, "page_number.format", "只含一个 {n}", "exactly one"),
    ({"page": {"line_spacing": "fixed"}}, "page.line_spacing",
     "应为 \"grid\"（文档网格）或 {\"fixed_pt\": 28}", "expected \"grid\" (the document grid)"),
    ({"page": {"line_spacing": {"fixed_pt": 0}}}, "page.line_spacing", "固定值，磅数 > 0",
     "fixed, points > 0"),
    ({"page": {"line_spacing": {"exact_pt": 28}}}, "page.line_spacing", "{\"fixed_pt\": 28}",
     "{\"fixed_pt\": 28}"),
    ({"page": {"left_mm": 110, "right_mm": 100}}, "page",
     "页边距不留版心：纸宽 210 mm 减去左 110 mm、右 100 mm，容不下一个正文字（5.6 mm）",
     "the margins leave no type area: 210 mm paper width minus 110 mm left"),
    ({"page": {"top_mm": 150, "bottom_mm": 145}}, "page",
     "纸高 297 mm 减去上 150 mm、下 145 mm，容不下一行（5.6 mm）", "does not hold one line"),
    ({"page": {"top_mm": 140, "bottom_mm": 150, "line_spacing": {"fixed_pt": 28}}}, "page",
     "容不下一行（9.9 mm）", "one line (9.9 mm)"),
    ({"extends": "nosuch"}, "extends",
     "没有名为“nosuch”的版式；可用的版式：gbt9704, fixed-28pt",
     "no preset named “nosuch”; available: gbt9704, fixed-28pt"),
    ({"extends": 7}, "extends", "文字", "text"),
    ([1, 2], None, "应为对象 {…}，而不是 [1, 2]", "expected an object {…}, not [1, 2]"),
    ("{\"page\": {", None, "不是有效的 JSON（第 1 行第 11 列", "not valid JSON (line 1, column 11"),
]


@pytest.mark.parametrize("content, key_path, zh, en", INVALID,
                         ids=[str(case[1]) + "-" + str(i) for i, case in enumerate(INVALID)])
def test_an_invalid_preset_is_one_line_naming_the_key_and_what_is_allowed(
        user_dir, content, key_path, zh, en):
    path = write(user_dir, "bad", content)
    with pytest.raises(PresetError) as caught:
        presets.resolve("bad", user_dir)
    prefix = f"{path}: {key_path}" if key_path else str(path)
    for locale, piece in (("zh-CN", zh), ("en-US", en)):
        line = caught.value.text(locale)
        assert "\n" not in line
        assert line.startswith(prefix + ("：" if locale == "zh-CN" else ": ")), line
        assert piece in line, line
    assert str(caught.value) == caught.value.text("zh-CN")


def test_an_unknown_name_lists_the_presets_there_are(user_dir):
    write(user_dir, "house", {})
    with pytest.raises(PresetError) as caught:
        presets.resolve("hosue", user_dir)
    assert caught.value.text("en-US") == ("no preset named “hosue”; available: gbt9704, "
                                         "fixed-28pt, house, or the path of a .json file")


def test_a_missing_file_cannot_be_read(tmp_path, user_dir):
    with pytest.raises(PresetError) as caught:
        presets.resolve(str(tmp_path / "gone.json"), user_dir)
    assert caught.value.text("en-US").startswith(f"{tmp_path / 'gone.json'}: cannot read: ")
    assert caught.value.message_key == "preset_cannot_read"


@pytest.mark.parametrize("chain", [["a", "a"], ["a", "b", "a"], ["a", "b", "c", "b"]])
def test_an_extends_cycle_is_found(user_dir, chain):
    for name, parent in zip(chain, chain[1:]):
        write(user_dir, name, {"extends": parent})
    with pytest.raises(PresetError) as caught:
        presets.resolve("a", user_dir)
    assert "extends goes round in a circle: " + " → ".join(chain) in caught.value.text("en-US")


def test_a_file_with_a_bom_is_read(user_dir):
    (user_dir / "bom.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"page": {"lines": 20}})
                                        .encode("utf-8"))
    assert presets.resolve("bom", user_dir).data["page"]["lines"] == 20


# ---- the CLI ------------------------------------------------------------------------------------

def run_cli(capsys, *argv: str):
    status = cli.main(["presets", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_presets_lists_name_source_and_description(capsys, config_home):
    folder = config_home / "gongwen" / "presets"
    folder.mkdir(parents=True)
    write(folder, "house", {"extends": "fixed-28pt", "description": "集团版式"})
    status, out, err = run_cli(capsys)
    assert status == 0 and err == ""
    rows = [line.split() for line in out.splitlines()]
    assert [row[:2] for row in rows] == [["gbt9704", "built-in"], ["fixed-28pt", "built-in"],
                                         ["house", str(folder / "house.json")]]
    assert rows[2][2] == "集团版式"
    assert "GB/T" in rows[0][2]
    status, out, _ = run_cli(capsys, "--json")
    assert json.loads(out)[2] == {"name": "house", "source": str(folder / "house.json"),
                                  "description": "集团版式", "error": None}


def test_cli_presets_with_a_broken_user_preset_lists_it_and_exits_2(capsys, config_home,
                                                                   monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    folder = config_home / "gongwen" / "presets"
    folder.mkdir(parents=True)
    write(folder, "broken", {"page": {"top_mm": "x"}})
    status, out, err = run_cli(capsys)
    assert status == 2
    assert "broken" in out.splitlines()[2] and "(invalid, see below)" in out
    assert err == (f"gongwen presets: {folder / 'broken.json'}: page.top_mm: expected "
                   "millimetres (a number ≥ 0), not \"x\"\n")


def test_cli_presets_show_prints_the_whole_preset_as_a_usable_file(capsys, config_home,
                                                                   tmp_path):
    status, out, err = run_cli(capsys, "show", "fixed-28pt")
    assert status == 0 and err == ""
    shown = json.loads(out)
    assert shown["page"]["line_spacing"] == {"fixed_pt": 28.0}
    assert set(shown["roles"]) == set(presets.role_keys())
    copy = tmp_path / "copy.json"
    copy.write_text(out, encoding="utf-8")
    status, again, _ = run_cli(capsys, "show", str(copy))
    assert status == 0 and json.loads(again)["page"] == shown["page"]


def test_cli_presets_show_an_invalid_preset_exits_2_with_one_line(capsys, config_home,
                                                                  monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    status, out, err = run_cli(capsys, "show", "nosuch")
    assert (status, out) == (2, "")
    assert err == ("gongwen presets: no preset named “nosuch”; available: gbt9704, "
                   "fixed-28pt, or the path of a .json file\n")


def test_cli_presets_runs_this_tree_as_a_process(tmp_path):
    env = dict(os.environ, LC_ALL="en_US.UTF-8", PYTHONPATH=str(ROOT / "pythonpath"),
               XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "gongwen", "presets"], capture_output=True,
                          env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert [line.split()[0] for line in done.stdout.decode().splitlines()] == \
        ["gbt9704", "fixed-28pt"]


def test_preset_argument_resolves_or_exits_2(capsys, config_home, monkeypatch, tmp_path):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    parser = argparse.ArgumentParser()
    batch_presets.add_preset_argument(parser)
    assert batch_presets.preset_from_args(parser.parse_args([])).name == "gbt9704"
    chosen = batch_presets.preset_from_args(parser.parse_args(["--preset", "fixed-28pt"]))
    assert chosen.data["page"]["line_spacing"] == {"fixed_pt": 28.0}
    bad = write(tmp_path, "bad", {"page_number": {"position": "top"}})
    args = parser.parse_args(["--preset", str(bad)])
    args.command = "format"
    with pytest.raises(SystemExit) as exited:
        batch_presets.preset_from_args(args)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gongwen format: {bad}: page_number.position: expected outside")
    assert err.count("\n") == 1


# ---- the menu -----------------------------------------------------------------------------------

OOR = "{http://openoffice.org/2001/registry}"


def _urls(submenu) -> list:
    """The URLs of a Submenu node's own entries, in order."""
    return [prop.find("value").text for entry in submenu.findall("node")
            for prop in entry.findall("prop") if prop.get(f"{OOR}name") == "URL"]


def test_the_layout_submenu_lists_every_builtin_preset_then_other_files():
    root = ET.parse(ROOT / "extension" / "Addons.xcu").getroot()
    submenus = [node for node in root.iter("node") if node.get(f"{OOR}name") == "Submenu"]
    layout = [node for node in submenus if any("?preset=" in (url or "") for url in _urls(node))]
    assert len(layout) == 1
    urls = _urls(layout[0])
    named = [parse_url(url)[1]["preset"] for url in urls if "?preset=" in url]
    assert named == presets.builtin_names()
    # ChoosePreset, not Format: only the menu's choice is remembered (issue 19)
    assert all(parse_url(url)[0] == "ChoosePreset" for url in urls if "?preset=" in url)
    assert urls[-2:] == ["private:separator", "vnd.gongwen:ChoosePreset"]
