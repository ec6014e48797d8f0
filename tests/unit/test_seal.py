"""The sealed 落款 (GB/T 9704 §7.3.5.1, §7.3.5.3): the plan, the preset key, the CLI flag,
the stored choice and the 落款 menu. Measured from PDFs in
tests/integration/test_seal_placement.py."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest

from gongwen import layout, presets, spec
from gongwen.ooxml import docxprops
from gongwen.ooxml.docxrender import format_document
from gongwen.presets import PresetError
from gongwen.writer.commands import parse_url
from tests.conftest import ROOT

NOTICE = ["河西省人民政府关于做好冬季安全生产工作的通知", "各市人民政府：",
          "现将有关事项通知如下。", "特此通知。", "河西省人民政府", "2021年12月31日"]
OOR = "{http://openoffice.org/2001/registry}"


def plan(seal: str, texts=NOTICE) -> layout.LayoutPlan:
    return layout.plan_document(texts, settings=layout.with_seal(layout.standard(), seal))


def test_stamp_puts_the_date_four_in_and_the_signature_centred_over_it_two_lines_down():
    paragraphs = plan(spec.SEAL_STAMP).paragraphs
    signature, date = paragraphs[4], paragraphs[5]
    assert (signature.role, date.role) == (spec.Role.SIGNATURE, spec.Role.DATE)
    assert date.right_chars == 4.0
    # 7 characters of 署名 over a 7-character date: the same centre, the same indent
    assert signature.right_chars == 4.0
    pitch = layout.page_setup().line_pitch_pt
    assert signature.space_before_pt == round(2 * pitch, 2)
    assert date.space_before_pt == 0.0


def test_a_typed_blank_line_counts_in_the_two():
    texts = NOTICE[:4] + [""] + NOTICE[4:]
    signature = plan(spec.SEAL_STAMP, texts).paragraphs[5]
    assert signature.space_before_pt == round(layout.page_setup().line_pitch_pt, 2)


def test_signature_seal_leaves_room_for_the_seal_and_a_blank_line_above_the_date():
    texts = NOTICE[:4] + ["省长", "2021年12月31日"]
    paragraphs = plan(spec.SEAL_SIGNATURE, texts).paragraphs
    assert paragraphs[4].right_chars == 10.0 and paragraphs[5].right_chars == 4.0
    pitch = layout.page_setup().line_pitch_pt
    assert paragraphs[5].space_before_pt == round(pitch, 2)


def test_none_is_today_s_layout():
    assert plan(spec.SEAL_NONE) == layout.plan_document(NOTICE)
    assert plan(spec.SEAL_NONE).paragraphs[5].right_chars == 2.0


def test_joint_signatures_each_centred_rows_apart():
    texts = NOTICE[:4] + ["河西省人民政府", "河西省军区", "2021年12月31日"]
    paragraphs = plan(spec.SEAL_STAMP, texts).paragraphs
    assert paragraphs[5].right_chars == 5.0  # 5 characters centred over 7
    pitch = layout.page_setup().line_pitch_pt
    assert paragraphs[5].space_before_pt == round((spec.SEAL.stamp_rows_apart - 1) * pitch, 2)
    assert spec.SEAL.stamp_rows_apart * pitch * spec.MM_PER_PT > spec.SEAL.seal_diameter_mm


def test_the_text_above_the_closing_keeps_with_it():
    texts = NOTICE[:3] + NOTICE[4:]  # no 结束语: the body paragraph keeps
    assert plan(spec.SEAL_NONE, texts).paragraphs[2].keep_with_next is True


def test_preset_key_seal():
    assert presets.standard_data()["seal"] == spec.SEAL_NONE
    stamped = presets.from_json(json.dumps({"seal": "stamp"}), "house.json")
    assert layout.settings_from(stamped.data).seal == spec.SEAL_STAMP
    with pytest.raises(PresetError) as caught:
        presets.from_json(json.dumps({"seal": "round"}), "house.json")
    assert "seal" in caught.value.text("en-US") and "stamp" in caught.value.text("en-US")


def test_the_document_keeps_its_choice_and_a_plain_format_uses_it(tmp_path: Path):
    document = docx.Document()
    for line in NOTICE:
        document.add_paragraph(line)
    format_document(document, seal=spec.SEAL_STAMP)
    path = tmp_path / "stamped.docx"
    document.save(str(path))
    again = docx.Document(str(path))
    assert docxprops.read_text(again, layout.SEAL_PROPERTY) == spec.SEAL_STAMP
    format_document(again)  # plain: the stored stamp stands
    date = again.paragraphs[5]._p.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pPr")
    ind = date.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ind")
    assert ind.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rightChars") \
        == "400"


def test_a_plain_document_gets_no_property():
    document = docx.Document()
    for line in NOTICE:
        document.add_paragraph(line)
    format_document(document)
    assert docxprops.read_text(document, layout.SEAL_PROPERTY) is None


def test_cli_refuses_an_unknown_seal(tmp_path: Path):
    source = tmp_path / "a.docx"
    docx.Document().save(str(source))
    finished = subprocess.run([sys.executable, "-m", "gongwen", "format", str(source),
                               "--seal", "round"], capture_output=True, text=True,
                              cwd=str(ROOT), env={"PYTHONPATH": str(ROOT / "pythonpath")})
    assert finished.returncode == 2 and "--seal" in finished.stderr


def test_the_seal_submenu_offers_every_choice():
    root = ET.parse(ROOT / "extension" / "Addons.xcu").getroot()
    urls = [prop.find("value").text for prop in root.iter("prop")
            if prop.get(f"{OOR}name") == "URL" and "seal=" in (prop.find("value").text or "")]
    assert [parse_url(url) for url in urls] == [("Format", {"seal": seal})
                                                for seal in spec.SEALS]
