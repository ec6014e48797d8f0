"""The generated benchmark report: size, placeholders and roles are what benchmarks assume."""

from __future__ import annotations

from collections import Counter

import pytest

from generated_report import FACTS, chinese_number, generate_report, main, write_docx, write_text
from gongwen.placeholders import count_placeholders
from gongwen.roles import classify
from gongwen.spec import Role


@pytest.fixture(scope="module")
def report_100():
    return generate_report(100)


def characters(paragraphs):
    return sum(len(paragraph) for paragraph in paragraphs)


def test_100_pages_is_about_60k_characters(report_100):
    assert 55_000 <= characters(report_100) <= 65_000


def test_100_pages_has_about_500_placeholders(report_100):
    found = sum(count_placeholders(paragraph) for paragraph in report_100)
    assert 450 <= found <= 550


def test_each_placeholder_fact_holds_exactly_one_placeholder():
    # The generator paces placeholders by counting facts; the detector must agree.
    assert {fact: count_placeholders(fact) for fact in FACTS} == {fact: 1 for fact in FACTS}


def test_every_role_a_formatter_handles_is_present(report_100):
    roles = classify(report_100)
    counts = Counter(roles)
    for role in (Role.HEADING1, Role.HEADING2, Role.HEADING3, Role.HEADING4, Role.BODY):
        assert counts[role] >= 20, role
    assert roles[:2] == [Role.TITLE, Role.ADDRESSEE]
    assert roles[-3:] == [Role.CLOSING, Role.SIGNATURE, Role.DATE]
    for role in (Role.TITLE, Role.ADDRESSEE, Role.CLOSING, Role.SIGNATURE, Role.DATE):
        assert counts[role] == 1, role


def test_yi_shi_enumerations_stay_body(report_100):
    enumerations = [p for p in report_100 if "一是" in p and "二是" in p]
    assert len(enumerations) >= 20
    assert set(classify(enumerations)) == {Role.BODY}


def test_size_is_linear_in_pages(report_100):
    ratio = characters(generate_report(200)) / characters(report_100)
    assert 1.9 <= ratio <= 2.1


def test_deterministic_and_seeded(report_100):
    assert generate_report(100) == report_100
    assert generate_report(100, seed=1) != report_100
    assert generate_report(5, seed=3) == generate_report(5, seed=3)


def test_small_reports_still_have_the_whole_skeleton():
    roles = set(classify(generate_report(1)))
    assert {Role.TITLE, Role.ADDRESSEE, Role.HEADING1, Role.HEADING2, Role.CLOSING,
            Role.SIGNATURE, Role.DATE} <= roles


def test_pages_out_of_range():
    with pytest.raises(ValueError):
        generate_report(0)


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 25, 99)] == [
        "一", "九", "十", "十一", "二十", "二十五", "九十九"]


def test_write_text_and_docx(tmp_path):
    expected = generate_report(3)
    text_path = write_text(tmp_path / "r.txt", pages=3)
    assert text_path.read_text(encoding="utf-8").split("\n")[:-1] == expected
    import docx  # python-docx is a project dependency

    docx_path = write_docx(tmp_path / "r.docx", pages=3)
    assert [p.text for p in docx.Document(str(docx_path)).paragraphs] == expected


def test_command_line(tmp_path, capsys):
    assert main(["--pages", "2", "--txt", str(tmp_path / "r.txt")]) == 0
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("XX县XX局")
    assert "2 pages" in capsys.readouterr().out
