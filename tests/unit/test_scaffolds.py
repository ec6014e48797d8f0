"""The scaffold data and its loader (gongwen.scaffolds): contract keys, roles, placeholders."""

from __future__ import annotations

import ast
import datetime
import json
import shutil
from pathlib import Path
from typing import List, Tuple

import pytest

from gongwen import placeholders, scaffolds
from gongwen.roles import classify
from gongwen.scaffolds import (
    FIELD_PATTERN,
    InvalidValue,
    Scaffold,
    ScaffoldError,
    UnknownScaffold,
    load_scaffold,
    render,
    scaffold_types,
    section_titles,
)
from gongwen.spec import Role

CONTRACT = [
    ("personal", "个人述职报告"),
    ("leadership", "领导班子述职报告"),
    ("integrity", "述职述廉报告"),
    ("party-building", "党组织书记抓基层党建工作述职报告"),
    ("annual-summary", "年度工作总结"),
]
KEYS = [key for key, _ in CONTRACT]  # the 述职/总结 genre
DOCUMENTS = [("notice", "通知"), ("request", "请示"), ("report", "报告"), ("letter", "函"),
             ("minutes", "纪要")]
CN_NUMBERS = "一二三四五六七八九十"

# A value for every field any shipped scaffold uses; none contains an X.
ALL_VALUES = {"year": "2025", "org": "县政协", "name": "张三", "position": "办公室主任",
              "date": "2026年1月9日", "recipient": "县委、县政府", "office": "县政协办公室"}


def values_for(scaffold: Scaffold) -> dict:
    return {name: ALL_VALUES[name] for name in scaffold.used_fields()}


def rendered_fields(scaffold: Scaffold, values: dict) -> List[Tuple[str, str, int, int]]:
    """(rendered paragraph text, field name, start, end) of every field in the scaffold.

    Rebuilds each paragraph the way ``render`` should, to know where each field landed.
    """
    blanks = scaffolds.field_values(scaffold, values)
    spans = []
    for paragraph in scaffold.paragraphs:
        text, pieces, position = "", [], 0
        for match in FIELD_PATTERN.finditer(paragraph.text):
            text += paragraph.text[position:match.start()]
            value = blanks[match.group(1)]
            pieces.append((match.group(1), len(text), len(text) + len(value)))
            text += value
            position = match.end()
        text += paragraph.text[position:]
        spans.extend((text, name, start, end) for name, start, end in pieces)
    return spans


def test_types_are_the_contract_in_order():
    assert scaffold_types() == CONTRACT + DOCUMENTS


@pytest.mark.parametrize("key", [key for key, _ in DOCUMENTS])
def test_a_document_scaffold_has_the_whole_gongwen(key):
    """版头, a body skeleton, 附件说明, 落款 and 版记 (a 函 in 信函格式 has no 版记, a 纪要 its
    出席 lists instead of 附件说明 and 落款), X where facts go, and the classifier reads
    every paragraph as tagged, blank or filled."""
    scaffold = load_scaffold(key)
    values = {"year": "2025", "org": "XX县人民政府", "date": "2025年3月1日",
              "recipient": "各乡镇人民政府", "signer": "张三"}
    for given in ({}, {name: values[name] for name in scaffold.used_fields()
                        if name in values}):
        paragraphs = render(scaffold, values=given)
        assert classify([p.text for p in paragraphs]) == [p.role for p in paragraphs]
    roles = [p.role for p in scaffold.paragraphs]
    assert roles[0] in (Role.COPY_NUMBER, Role.ISSUER, Role.MINUTES_MARK)
    assert Role.DOC_NUMBER in roles and Role.HEADING1 in roles and Role.BODY in roles
    if key == "minutes":
        assert Role.ATTENDANCE in roles
    else:
        assert {Role.ATTACHMENT, Role.SIGNATURE, Role.DATE} <= set(roles)
    if key != "letter":
        assert roles[-2:] == [Role.CC, Role.IMPRINT]
    if key == "request":
        assert "签发人：" in scaffold.paragraphs[roles.index(Role.DOC_NUMBER)].text
    assert sum(placeholders.count_placeholders(p.text) for p in render(scaffold)) >= 5


@pytest.mark.parametrize("key", KEYS)
def test_skeleton_has_the_genre_structure(key):
    scaffold = load_scaffold(key)
    roles = [p.role for p in scaffold.paragraphs]
    assert scaffold.key == key and scaffold.name == dict(CONTRACT)[key]
    assert set(roles) <= set(Role.ALL)
    assert roles[0] == Role.TITLE and roles[-3:] == [Role.CLOSING, Role.SIGNATURE, Role.DATE]
    assert Role.ADDRESSEE in roles[:2]
    opening = scaffold.paragraphs[roles.index(Role.BODY)].text
    assert "现将" in opening and opening.endswith("如下：")
    headings = [p.text for p in scaffold.paragraphs if p.role == Role.HEADING1]
    assert 4 <= len(headings) <= 6
    assert any("问题" in h for h in headings)
    assert any("打算" in h or "方向" in h for h in headings[-1:])


@pytest.mark.parametrize("key", KEYS)
def test_headings_are_numbered_in_order_with_sub_items(key):
    paragraphs = load_scaffold(key).paragraphs
    level1 = 0
    level2 = 0
    sub_items: List[int] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.role == Role.HEADING1:
            assert paragraph.text.startswith(CN_NUMBERS[level1] + "、")
            assert not paragraph.text.endswith("。")
            level1, level2 = level1 + 1, 0
            sub_items.append(0)
        elif paragraph.role == Role.HEADING2:
            assert paragraph.text.startswith(f"（{CN_NUMBERS[level2]}）")
            level2 += 1
            sub_items[-1] += 1
            # Each sub-item carries a guiding sentence 一是…二是….
            guide = paragraphs[index + 1]
            assert guide.role == Role.BODY and "一是" in guide.text and "二是" in guide.text
    assert all(2 <= count <= 3 for count in sub_items), sub_items


@pytest.mark.parametrize("key", KEYS)
def test_classifier_agrees_with_every_tag(key):
    scaffold = load_scaffold(key)
    for values in ({}, values_for(scaffold)):
        paragraphs = render(scaffold, values=values)
        assert classify([p.text for p in paragraphs]) == [p.role for p in paragraphs]


@pytest.mark.parametrize("key", KEYS)
def test_every_scaffold_has_placeholders_the_detector_finds(key):
    scaffold = load_scaffold(key)
    found = [placeholders.find_placeholders(p.text) for p in render(scaffold)]
    assert sum(len(f) for f in found) >= 20
    # Each field left blank is found by the check.
    for text, name, start, end in rendered_fields(scaffold, {}):
        spans = [(p.start, p.end) for p in placeholders.find_placeholders(text)]
        assert any(s < end and start < e for s, e in spans), (name, text[start:end], text)


@pytest.mark.parametrize("key", KEYS)
def test_given_fields_no_longer_hold_placeholders(key):
    scaffold = load_scaffold(key)
    values = values_for(scaffold)
    for text, name, start, end in rendered_fields(scaffold, values):
        assert text[start:end] == values[name]
        for found in placeholders.find_placeholders(text):
            assert found.end <= start or found.start >= end, (name, found, text)
    # render agrees with the reconstruction used above.
    rendered = [p.text for p in render(scaffold, values=values)]
    for text, _name, _start, _end in rendered_fields(scaffold, values):
        assert text in rendered
    blank = sum(placeholders.count_placeholders(p.text) for p in render(scaffold))
    filled = sum(placeholders.count_placeholders(t) for t in rendered)
    assert filled < blank


@pytest.mark.parametrize("key", KEYS)
def test_year_org_name_fill_title_and_signature(key):
    scaffold = load_scaffold(key)
    paragraphs = render(scaffold, year=2025, org="县政协", name="张三")
    title = paragraphs[0].text
    signature = [p.text for p in paragraphs if p.role == Role.SIGNATURE][0]
    assert "2025" in title and "X" not in title
    assert "X" not in signature and ("张三" in signature or "县政协" in signature)
    # The date line is its own field: the year alone does not fill it.
    assert paragraphs[-1].text == "XXXX年XX月XX日"
    assert "X" not in render(scaffold, values={"date": "2026-01-09"})[-1].text


def test_render_without_values_keeps_the_x_forms():
    paragraphs = render(load_scaffold("personal"))
    assert paragraphs[0].text == "XXXX年度个人述职报告"
    assert paragraphs[-2].text == "述职人：XXX"
    assert "在XX单位担任XX职务" in paragraphs[2].text
    assert all("{" not in p.text for p in paragraphs)


def test_explicit_arguments_win_over_values():
    scaffold = load_scaffold("personal")
    title = render(scaffold, year=2024, values={"year": 2023})[0].text
    assert title == "2024年度个人述职报告"


@pytest.mark.parametrize("given, expected", [
    (2025, "2025"), ("2025", "2025"), (" 2025 ", "2025"), ("２０２５", "2025"),
    (None, "XXXX"), ("", "XXXX"),
])
def test_year_values(given, expected):
    assert render(load_scaffold("personal"), year=given)[0].text == f"{expected}年度个人述职报告"


@pytest.mark.parametrize("field, bad", [
    ("year", "20x5"), ("year", "25"), ("year", True), ("year", 2025.0), ("year", [2025]),
    ("date", "明年"), ("date", "2026-02-30"), ("date", 20260109),
    ("name", {"a": 1}), ("name", "张\n三"), ("nickname", "小张"),
])
def test_bad_values_are_refused(field, bad):
    with pytest.raises(InvalidValue) as raised:
        render(load_scaffold("personal"), values={field: bad})
    assert field in str(raised.value)


@pytest.mark.parametrize("given", ["2026-01-09", "2026年1月9日", "2026.1.9",
                                   datetime.date(2026, 1, 9)])
def test_dates_are_written_the_gbt9704_way(given):
    assert render(load_scaffold("personal"), values={"date": given})[-1].text == "2026年1月9日"


def test_a_scaffold_may_declare_its_own_field():
    scaffold = load_scaffold("annual-summary")
    assert render(scaffold)[1].text == "XX："
    assert render(scaffold, values={"recipient": "县委、县政府"})[1].text == "县委、县政府："
    with pytest.raises(InvalidValue):
        render(load_scaffold("personal"), values={"recipient": "县委"})


def test_section_titles_are_the_level_one_headings():
    titles = section_titles(load_scaffold("leadership"))
    assert titles == load_scaffold("leadership").section_titles()
    assert [t[0] for t in titles] == list(CN_NUMBERS[:len(titles)])
    assert titles[-1] == "六、下一步工作打算"


@pytest.mark.parametrize("key", ["nope", "", "../scaffolds/personal", "个人述职报告", ".hidden"])
def test_unknown_key_names_the_known_ones(key):
    with pytest.raises(UnknownScaffold) as raised:
        load_scaffold(key)
    assert isinstance(raised.value, KeyError)
    message = str(raised.value)
    assert all(known in message for known in KEYS)


@pytest.fixture
def scaffold_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "scaffolds"
    folder.mkdir()
    for path in scaffolds.SCAFFOLD_DIR.glob("*.json"):
        shutil.copy(path, folder / path.name)
    return folder


def _write(folder: Path, key: str, data: dict) -> None:
    (folder / f"{key}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


NEW_TYPE = {
    "name": "专项工作总结",
    "paragraphs": [
        {"role": "title", "text": "{org}关于XX工作的总结"},
        {"role": "heading1", "text": "一、基本情况"},
        {"role": "body", "text": "共开展X次。"},
    ],
}


def test_adding_a_file_adds_a_type(scaffold_copy: Path):
    _write(scaffold_copy, "special", NEW_TYPE)
    assert scaffold_types(scaffold_copy) == CONTRACT + DOCUMENTS + [("special", "专项工作总结")]
    scaffold = load_scaffold("special", directory=scaffold_copy)
    assert render(scaffold, org="县政协")[0].text == "县政协关于XX工作的总结"
    assert section_titles(scaffold) == ["一、基本情况"]
    with pytest.raises(UnknownScaffold):
        load_scaffold("special")  # the shipped folder is untouched


def test_order_field_places_a_new_type(scaffold_copy: Path):
    _write(scaffold_copy, "first", dict(NEW_TYPE, order=0))
    assert scaffold_types(scaffold_copy)[0] == ("first", "专项工作总结")


@pytest.mark.parametrize("broken, words", [
    ({"name": "x", "paragraphs": [{"role": "chapter", "text": "a"}]}, "unknown role"),
    ({"name": "x", "paragraphs": [{"role": "body", "text": "{unit}"}]}, "undeclared field"),
    ({"name": "x", "paragraphs": [{"role": "body", "text": "{{ year }}"}]}, "markup"),
    ({"name": "x", "paragraphs": [{"role": "body", "text": "a}b"}]}, "stray brace"),
    ({"name": "x", "paragraphs": []}, "paragraphs"),
    ({"paragraphs": [{"role": "body", "text": "a"}]}, "name"),
    ({"name": "x", "order": "1", "paragraphs": [{"role": "body", "text": "a"}]}, "order"),
])
def test_broken_scaffold_files_are_reported_by_name(scaffold_copy: Path, broken, words):
    _write(scaffold_copy, "broken", broken)
    with pytest.raises(ScaffoldError) as raised:
        load_scaffold("broken", directory=scaffold_copy)
    assert "broken.json" in str(raised.value) and words in str(raised.value)


def test_invalid_json_is_reported_by_name(scaffold_copy: Path):
    (scaffold_copy / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="bad.json"):
        scaffold_types(scaffold_copy)


def test_loader_is_python38_syntax():
    source = Path(scaffolds.__file__).read_text(encoding="utf-8")
    ast.parse(source, feature_version=(3, 8))


@pytest.mark.parametrize("key", [key for key, _ in DOCUMENTS])
def test_the_org_given_fills_the_masthead_the_record_and_every_other_place(key):
    """Issue 19: the 单位 fills the 发文机关标志 (…文件, a 函's name, a 纪要's mark), the title,
    the 署名 and, as its 办公室, the 印发机关 of the 版记: no place keeps the org's blank."""
    scaffold = load_scaffold(key)
    blank = scaffold.fields()["org"].blank
    org = "青山县人民政府"
    paragraphs = render(scaffold, org=org)
    assert not [p.text for p in paragraphs if blank in p.text]
    first = paragraphs[[p.role for p in paragraphs].index(
        Role.MINUTES_MARK if key == "minutes" else Role.ISSUER)].text
    assert first == {"minutes": org + "常务会议纪要", "letter": org}.get(key, org + "文件")
    imprints = [p.text for p in paragraphs if p.role == Role.IMPRINT]
    assert all(text.startswith(org + "办公室\t") for text in imprints)
    assert classify([p.text for p in paragraphs]) == [p.role for p in paragraphs]
    # nothing given: the org's blank is an agency's, so the 版头 still reads as one
    assert blank in render(scaffold)[[p.role for p in paragraphs].index(
        Role.MINUTES_MARK if key == "minutes" else Role.ISSUER)].text


def test_the_imprint_is_the_orgs_office_unless_given():
    assert scaffolds.office_of("青山县人民政府") == "青山县人民政府办公室"
    assert scaffolds.office_of("青山县人民政府办公室") == "青山县人民政府办公室"
    assert scaffolds.office_of("省政府办公厅") == "省政府办公厅"
    notice = load_scaffold("notice")
    imprint = render(notice, org="青山县教育局", values={"office": "青山县教育局综合科"})[-1]
    assert imprint.text.startswith("青山县教育局综合科\t")
