"""The extension's files, checked without soffice — layout, description.xml,
the toolbar/menu/window-state configuration with both languages and real icons, what the
.oxt carries, the set-up script, README and CI."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import build_oxt

ROOT = Path(__file__).resolve().parents[2]
OOR = "{http://openoffice.org/2001/registry}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DESCRIPTION_NS = "{http://openoffice.org/extensions/description/2006}"
WRITER = "com.sun.star.text.TextDocument"
TOOLBAR_BUTTONS = [("vnd.gongwen:InsertScaffold", "插入述职框架"),
                   ("vnd.gongwen:CheckPlaceholders", "检查占位符"),
                   ("vnd.gongwen:Format", "一键公文格式"),
                   ("vnd.gongwen:CheckFormat", "检查格式")]
SIX = ["InsertScaffold", "CheckPlaceholders", "NextPlaceholder", "PreviousPlaceholder",
       "ClearPlaceholderMarks", "Format"]


def node(parent, name: str):
    found = [child for child in parent if child.get(f"{OOR}name") == name]
    assert len(found) == 1, name
    return found[0]


def prop(element, name: str) -> dict:
    """A configuration property's values by language ("" for a value without one)."""
    found = [child for child in element
             if child.tag == "prop" and child.get(f"{OOR}name") == name]
    assert len(found) == 1, name
    return {value.get(XML_LANG, ""): value.text or "" for value in found[0]}


def addons():
    return ET.parse(ROOT / "extension" / "Addons.xcu").getroot()


def test_the_tree_has_the_layout_the_design_card_names():
    for path in ("extension", "pythonpath/gongwen", "templates", "tests",
                 "description.xml", "META-INF/manifest.xml", "Makefile", "README.md", ".ci/run"):
        assert (ROOT / path).exists(), path
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"


def test_description_names_both_languages_publisher_version_7_and_a_license():
    root = ET.parse(ROOT / "description.xml").getroot()
    names = {name.get("lang"): name.text for name in root.find(f"{DESCRIPTION_NS}display-name")}
    assert names == {"zh-CN": "公文助手", "en-US": "Gongwen Assistant"}
    minimal = [element for element in root.find(f"{DESCRIPTION_NS}dependencies")
               if element.tag.endswith("LibreOffice-minimal-version")]
    assert [element.get("value") for element in minimal] == ["7.0"]
    publishers = root.find(f"{DESCRIPTION_NS}publisher")
    assert {name.get("lang") for name in publishers} >= {"zh-CN", "en-US"}
    assert all((name.text or "").strip() for name in publishers)
    xlink = "{http://www.w3.org/1999/xlink}href"
    descriptions = {src.get("lang"): src.get(xlink)
                    for src in root.find(f"{DESCRIPTION_NS}extension-description")}
    assert set(descriptions) == {"zh-CN", "en-US"}
    for path in descriptions.values():
        assert (ROOT / path).read_text(encoding="utf-8").strip()
    licenses = root.iter(f"{DESCRIPTION_NS}license-text")
    assert all((ROOT / text.get(xlink)).read_text(encoding="utf-8").strip()
               for text in licenses)


def test_toolbar_buttons_are_for_writer_only_titled_in_both_languages():
    toolbar = node(node(node(addons(), "AddonUI"), "OfficeToolBar"), "org.gongwen.writer.toolbar")
    buttons = [(prop(item, "URL")[""], prop(item, "Title"), prop(item, "Context")[""])
               for item in sorted(toolbar, key=lambda item: item.get(f"{OOR}name"))]
    assert [(url, titles["zh-CN"]) for url, titles, _ in buttons] == TOOLBAR_BUTTONS
    assert all(titles.get("en-US") for _, titles, _ in buttons)
    assert {context for *_, context in buttons} == {WRITER}


def test_each_toolbar_button_has_its_own_16_and_26_pixel_icons():
    from PIL import Image

    images = node(node(addons(), "AddonUI"), "Images")
    icons = {}
    for image in images:
        url = prop(image, "URL")[""]
        defined = node(image, "UserDefinedImages")
        icons[url] = (prop(defined, "ImageSmallURL")[""], prop(defined, "ImageBigURL")[""])
    assert set(icons) == {url for url, _ in TOOLBAR_BUTTONS}
    seen = set()
    for small, big in icons.values():
        for reference, pixels in ((small, 16), (big, 26)):
            assert reference.startswith("%origin%/")
            path = ROOT / "extension" / reference[len("%origin%/"):]
            with Image.open(path) as picture:
                assert picture.size == (pixels, pixels), reference
                assert picture.format == "PNG"
                colours = picture.convert("RGBA").getcolors(maxcolors=pixels * pixels)
                assert len(colours) > 2, "an icon, not a blank square"
            seen.add(path.read_bytes())
    assert len(seen) == 2 * len(TOOLBAR_BUTTONS), "each button, two sizes, all different"


def test_menu_reaches_all_six_commands_for_writer_titled_in_both_languages():
    menu = node(node(node(addons(), "AddonUI"), "OfficeMenuBar"), "org.gongwen.writer.menu")
    assert prop(menu, "Context")[""] == WRITER
    assert set(prop(menu, "Title")) == {"zh-CN", "en-US"}
    items = sorted(node(menu, "Submenu"), key=lambda item: item.get(f"{OOR}name"))
    commands = []
    for item in items:
        url = prop(item, "URL")[""]
        if url == "private:separator":
            continue
        titles = prop(item, "Title")
        assert titles.get("zh-CN") and titles.get("en-US"), url
        assert prop(item, "Context")[""] == WRITER
        commands.append(url[len("vnd.gongwen:"):].partition("?")[0])
    assert [name for name in SIX if name in commands] == SIX


def test_window_state_docks_and_shows_the_toolbar_by_default():
    root = ET.parse(ROOT / "extension" / "WriterWindowState.xcu").getroot()
    states = node(node(root, "UIElements"), "States")
    state = node(states, "private:resource/toolbar/addon_org.gongwen.writer.toolbar")
    assert prop(state, "Docked")[""] == "true"
    assert prop(state, "Visible")[""] == "true"
    assert set(prop(state, "UIName")) == {"zh-CN", "en-US"}


def test_oxt_carries_the_extension_and_nothing_stray(tmp_path: Path):
    names = set(zipfile.ZipFile(build_oxt.build(tmp_path / "g.oxt")).namelist())
    allowed = re.compile(r"(description\.xml|META-INF/manifest\.xml|LICENSE|gongwen_handler\.py"
                         r"|extension/[A-Za-z]+\.xc[us]|extension/(description|release-notes)/[a-zA-Z-]+\.txt"
                         r"|extension/icons/[a-z0-9_]+\.png"
                         r"|pythonpath/gongwen/([a-z_]+/)?[a-z0-9_-]+\.(py|json)"
                         r"|pythonpath/gongwen/templates/[a-z-]+\.docx)$")
    assert sorted(name for name in names if not allowed.match(name)) == []
    # LibreOffice never imports the CLI, the OOXML host, the soffice driver or the PDF checker
    left_out = ("ooxml", "soffice", "pdf", "cli")
    assert not [name for name in names
                if name.startswith(tuple(f"pythonpath/gongwen/{host}/" for host in left_out))
                or name == "pythonpath/gongwen/__main__.py"]
    tree = [path.relative_to(ROOT).as_posix()
            for path in (ROOT / "pythonpath" / "gongwen").rglob("*")
            if path.suffix in (".py", ".json") and "__pycache__" not in path.parts
            and not set(left_out) & set(path.parts) and path.name != "__main__.py"]
    assert sorted(name for name in tree if name not in names) == []


def test_ci_runs_exactly_the_readme_test_command():
    commands = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == "make test"
    assert not [c for c in commands[:-1] if not c.startswith(("set ", "cd "))]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", readme, re.M) and re.search(r"^make demo\b", readme, re.M)


def test_readme_tells_users_how_to_install_and_shows_its_pictures():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Extension Manager" in readme and "unopkg add" in readme
    assert "out/" in readme  # where make demo puts its results
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", readme)
    assert "docs/toolbar.png" in pictures
    for picture in pictures:
        data = (ROOT / picture).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 5000, picture


def test_setup_script_installs_only_what_is_missing_and_a_system_site_venv():
    script = (ROOT / "tools" / "setup.sh").read_text()
    for package in ("libreoffice-writer", "python3-uno", "libreoffice-script-provider-python",
                    "xvfb", "xauth", "poppler-utils", "fonts-noto-cjk"):
        assert re.search(rf"(\s|\(){re.escape(package)}(\s|\))", script), package
    assert "dpkg-query" in script  # only the missing ones are installed
    assert "/usr/bin/python3 -m venv --system-site-packages .venv" in script
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^setup:\n\t@?bash tools/setup\.sh", makefile, re.M)
    assert re.search(r"^test: oxt$", makefile, re.M) and re.search(r"^oxt: setup$", makefile,
                                                                      re.M)


def test_setup_a_second_time_changes_nothing():
    """On a machine already set up (make test ran set-up just before) it is a no-op."""
    stamp = ROOT / ".venv" / ".installed"
    if not stamp.exists() or (ROOT / "pyproject.toml").stat().st_mtime > stamp.stat().st_mtime:
        pytest.skip("set-up has not run since pyproject.toml changed; make test runs it first")
    run = subprocess.run(["bash", "tools/setup.sh"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and run.stderr == ""
