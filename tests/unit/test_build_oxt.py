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
