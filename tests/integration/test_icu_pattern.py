"""``placeholders.icu_pattern()`` in LibreOffice's own regex search (ICU), not Python's ``re``.

The contract: within one paragraph, ``findAll`` with the pattern matches every span that
``find_placeholders`` reports for that paragraph's text (a superset).  Because the rules are
written in syntax both engines read alike, on plain text the two agree exactly; these tests
hold LibreOffice to both.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import List, Tuple

import pytest

from gongwen.placeholders import find_placeholders, icu_pattern
from tests.samples import COUNTS, sample_path
from tests.unit.test_placeholders import TRICKY_NEGATIVE, TRICKY_POSITIVE

SAMPLES = COUNTS

Match = Tuple[str, int, str]  # paragraph text, offset in it, matched text


def find_all(office, document) -> List[Match]:
    """Every ``findAll`` match as (its paragraph's text, offset in that paragraph, text)."""
    descriptor = document.createSearchDescriptor()
    descriptor.SearchString = icu_pattern()
    descriptor.SearchRegularExpression = True
    descriptor.SearchCaseSensitive = True
    found = document.findAll(descriptor)
    matches = []
    for i in range(found.getCount()):
        match = found.getByIndex(i)
        text = match.getText()
        before = text.createTextCursorByRange(match.getStart())
        before.gotoStartOfParagraph(True)
        paragraph = text.createTextCursorByRange(match.getStart())
        paragraph.gotoStartOfParagraph(False)
        paragraph.gotoEndOfParagraph(True)
        matches.append((paragraph.getString(), len(before.getString()), match.getString()))
    return matches


def expected_spans(lines: List[str]) -> List[Match]:
    return [(line, span.start, span.text) for line in lines for span in find_placeholders(line)]


def load_lines(office, tmp_path: Path, name: str, lines: List[str]):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return office.load_text(path)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_find_all_matches_every_placeholder_of_the_samples(office, samples_dir, tmp_path, name):
    copy = tmp_path / name
    shutil.copy(sample_path(name), copy)
    lines = copy.read_text(encoding="utf-8").splitlines()
    document = office.load_text(copy)
    try:
        found = find_all(office, document)
    finally:
        office.close(document)
    expected = expected_spans(lines)
    assert len(expected) == SAMPLES[name]
    missing = Counter(expected) - Counter(found)
    assert not missing, f"LibreOffice's search missed {sorted(missing)[:5]}"
    assert Counter(found) == Counter(expected)  # on plain text: the very same spans


def test_find_all_agrees_with_the_detector_on_tricky_text(office, tmp_path):
    lines = list(TRICKY_POSITIVE) + list(TRICKY_NEGATIVE)
    document = load_lines(office, tmp_path, "tricky.txt", lines)
    try:
        found = find_all(office, document)
    finally:
        office.close(document)
    expected = expected_spans(lines)
    assert len(expected) >= len(TRICKY_POSITIVE)
    missing = Counter(expected) - Counter(found)
    assert not missing, f"LibreOffice's search missed {sorted(missing)[:5]}"
    extra = Counter(found) - Counter(expected)
    assert not extra, f"LibreOffice's search found more: {sorted(extra)[:5]}"
