"""The documentation a user reads: a short README, Chinese first; a Chinese user guide that
names every menu entry; a CLI reference that names every option; pictures that exist; no
placeholder address in description.xml."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator, List

import pytest

from gongwen import cli

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "用户指南.md"
CLI_DOC = ROOT / "docs" / "CLI.md"
OOR = "{http://openoffice.org/2001/registry}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CJK = re.compile(r"[\u4e00-\u9fff]")


def menu_titles() -> Iterator[str]:
    """The zh-CN title of every entry of the 公文助手 menu (access keys and '…' dropped)."""
    root = ET.parse(ROOT / "extension" / "Addons.xcu").getroot()
    menus = [n for n in root.iter("node") if n.get(f"{OOR}name") == "OfficeMenuBar"]
    for menu in menus:
        for prop in menu.iter("prop"):
            if prop.get(f"{OOR}name") != "Title":
                continue
            for value in prop.iter("value"):
                if value.get(XML_LANG) == "zh-CN" and value.text:
                    yield re.sub(r"\(~\w\)|~|…$", "", value.text).strip()


def test_readme_is_one_screen_chinese_first_english_under_it():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 60, "the README is one screen; the rest goes in docs/"
    prose = [line for line in lines if line and not line.startswith(("#", "!", "|", "`"))]
    assert CJK.search(prose[0])
    english = lines.index("---")
    assert not any(CJK.search(line) and not re.search(r"[A-Za-z]{4}", line)
                   for line in lines[english + 1:])
    for link in ("docs/用户指南.md", "docs/CLI.md", "docs/HACKING.md", "bench/README.md"):
        assert f"]({link})" in "\n".join(lines) and (ROOT / link).is_file(), link


def test_the_guide_names_every_menu_entry():
    guide = GUIDE.read_text(encoding="utf-8")
    titles = sorted(set(menu_titles()))
    assert len(titles) >= 10
    missing = [title for title in titles if title not in guide]
    assert not missing, f"docs/用户指南.md does not mention {missing}"


def _options(parser, command: str = "gongwen") -> List[str]:
    """Every long option, and every (sub)command as ``COMMAND gongwen presets show``."""
    found = []
    for action in parser._actions:  # argparse keeps no public list of a parser's options
        found += [s for s in action.option_strings if s.startswith("--")]
        choices = getattr(action, "choices", None)
        for name, sub in (choices.items() if isinstance(choices, dict) else ()):
            if hasattr(sub, "_actions"):
                found += [f"COMMAND {command} {name}"] + _options(sub, f"{command} {name}")
    return found


def test_the_cli_reference_names_every_command_and_option():
    reference = CLI_DOC.read_text(encoding="utf-8")
    options = _options(cli.build_parser())
    commands = [o[len("COMMAND "):] for o in options if o.startswith("COMMAND ")]
    assert {f"gongwen {c}" for c in ("new", "check", "format", "lint", "presets", "types")
            } <= set(commands)
    missing = [command for command in commands if command not in reference]
    assert not missing, f"docs/CLI.md does not show {missing}"
    flags = sorted({o for o in options if not o.startswith("COMMAND ")} - {"--help"})
    missing = [flag for flag in flags if flag not in reference]
    assert not missing, f"docs/CLI.md does not document {missing}"


@pytest.mark.parametrize("document", ["README.md", "docs/用户指南.md", "docs/CLI.md",
                                      "docs/HACKING.md", "bench/README.md"])
def test_every_picture_and_local_link_exists(document: str):
    path = ROOT / document
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+?)(?:#[^)]*)?\)", text):
        if target.startswith(("http://", "https://")):
            continue
        linked = (path.parent / target).resolve()
        assert linked.exists(), f"{document}: {target}"
        if linked.suffix == ".png":
            data = linked.read_bytes()
            assert data.startswith(b"\x89PNG") and len(data) > 5000, target


def test_description_names_no_placeholder_address_and_has_release_notes():
    text = (ROOT / "description.xml").read_text(encoding="utf-8")
    assert "example.org" not in text and "example.com" not in text
    notes = re.findall(r'<src xlink:href="(extension/release-notes/[^"]+)" lang="([^"]+)"', text)
    assert {lang for _, lang in notes} == {"zh-CN", "en-US"}
    for name, _ in notes:
        assert (ROOT / name).read_text(encoding="utf-8").strip()
