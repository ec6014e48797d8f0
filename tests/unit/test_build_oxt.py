"""The .oxt build is deterministic and packs exactly the files the manifest names."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

import build_oxt

MANIFEST_NS = "{http://openoffice.org/2001/manifest}"


def test_two_builds_are_byte_identical(tmp_path):
    first = build_oxt.build(tmp_path / "a.oxt").read_bytes()
    second = build_oxt.build(tmp_path / "b.oxt").read_bytes()
    assert first == second


def test_every_manifest_entry_is_packed(tmp_path):
    names = set(zipfile.ZipFile(build_oxt.build(tmp_path / "g.oxt")).namelist())
    manifest = ET.parse(build_oxt.ROOT / "META-INF" / "manifest.xml").getroot()
    entries = [e.get(f"{MANIFEST_NS}full-path") for e in manifest]
    assert entries and all(entry in names for entry in entries)


def test_description_names_the_contract_identifier():
    root = ET.parse(build_oxt.ROOT / "description.xml").getroot()
    ns = "{http://openoffice.org/extensions/description/2006}"
    assert root.find(f"{ns}identifier").get("value") == "org.gongwen.writer"
    import re

    import gongwen

    pyproject = (build_oxt.ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1)
    # One release number: the Extension Manager's, the wheel's and `gongwen --version`'s.
    assert root.find(f"{ns}version").get("value") == version == gongwen.__version__


def test_the_font_replacement_table_is_made_from_the_core(tmp_path):
    """Issue 19: the .oxt carries the replacement table (Office.Common/Font/Substitution)
    for every name of spec.REPLACED_FONT_NAMES, its stand-in from spec, every entry off
    until the extension switches on those whose font is missing."""
    from gongwen import spec

    with zipfile.ZipFile(build_oxt.build(tmp_path / "g.oxt")) as archive:
        xcu = archive.read(build_oxt.FONT_SUBSTITUTION)
    oor = "{http://openoffice.org/2001/registry}"
    root = ET.fromstring(xcu)
    assert (root.get(f"{oor}package"), root.get(f"{oor}name")) == ("org.openoffice.Office",
                                                                  "Common")
    pairs = [node for node in root.iter("node") if node.get(f"{oor}name") == "FontPairs"][0]
    entries = []
    for node in pairs:
        values = {prop.get(f"{oor}name"): prop.find("value").text for prop in node}
        entries.append((values["ReplaceFont"], values["SubstituteFont"], values["Always"]))
    assert entries == [(name, spec.font_stand_in(name), "false")
                       for name in spec.REPLACED_FONT_NAMES]
    assert ("方正小标宋简体", "Noto Serif CJK SC", "false") in entries
    assert ("楷体_GB2312", "AR PL UKai CN", "false") in entries
    assert ("黑体", "Noto Sans CJK SC", "false") in entries
    manifest = ET.parse(build_oxt.ROOT / "META-INF" / "manifest.xml").getroot()
    assert build_oxt.FONT_SUBSTITUTION in [e.get(f"{MANIFEST_NS}full-path") for e in manifest]
