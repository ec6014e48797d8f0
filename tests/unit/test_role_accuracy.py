"""Role accuracy on labelled documents: every paragraph of every file must get its label.

``tests/data/labelled/*.txt`` hold one paragraph per line as ``role<TAB>text`` (the text
exactly as typed, leading and trailing spaces included; a blank paragraph is ``blank``
and an empty or white text). They are whole documents written the way people write them:
notices and decisions with 版头 and 版记, requests with 签发人, letters, minutes, 述职,
总结, applications, one-line 落款, 落款 + 附注 + attached texts, run-in headings, and
negatives (a body sentence ending in 文件, dates inside body text, 参加人员 in a notice).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import labelled
from gongwen.roles import classify, document_kind
from gongwen.spec import Role

LABELLED = labelled.LABELLED
FILES = sorted(LABELLED.glob("*.txt"))

# The document kind each file must get (every other file is a plain "document").
KINDS = {
    "06-zhengfuban-han-letter.txt": "letter",
    "07-fuhan-no-banner.txt": "letter",
    "08-changwu-huiyi-jiyao.txt": "minutes",
    "22-shangqing-han-no-banner.txt": "letter",
    "26-gongsi-zongjingli-jiyao.txt": "minutes",
    # 09 is a 纪要 by its title only: its attendance lines are recognised, but without a
    # 纪要 mark there is nothing to set in 纪要格式, so it stays a "document".
}


def read_labelled(path: Path) -> List[Tuple[str, str]]:
    """(role, text) per paragraph; the text keeps every character after the first tab
    (the shared reader, :mod:`labelled`, also takes looks and ``#`` comments)."""
    return [(p.role, p.text) for p in labelled.read_labelled(path)]


def per_role_report(results: List[Tuple[str, str, str, str]]) -> str:
    """Per-role accuracy and every miss: (file, text, expected, got) rows in, text out."""
    total: Dict[str, int] = Counter(expected for _, _, expected, _ in results)
    right: Dict[str, int] = Counter(expected for _, _, expected, got in results if expected == got)
    lines = [f"{role:>16}: {right[role]}/{total[role]}" for role in Role.ALL if total[role]]
    lines += [f"{name}: {text!r} expected {expected}, got {got}"
              for name, text, expected, got in results if expected != got]
    return "\n".join(lines)


def test_the_corpus_is_big_and_covers_every_role():
    assert len(FILES) >= 30
    seen = {role for path in FILES for role, _ in read_labelled(path)}
    assert seen == set(Role.ALL)


def test_every_labelled_paragraph_gets_its_role():
    results = []
    for path in FILES:
        pairs = read_labelled(path)
        got = classify([text for _, text in pairs])
        results += [(path.name, text, expected, role)
                    for (expected, text), role in zip(pairs, got)]
    misses = [row for row in results if row[2] != row[3]]
    assert not misses, "per-role accuracy (right/labelled):\n" + per_role_report(results)


_HALF_WIDTH = str.maketrans("（）：，；〔〕", "():,;[]")
# How the same documents arrive from other hands: without the empty lines, indented with
# full-width spaces and trailing blanks, or typed with half-width punctuation.
VARIANTS = {
    "without blank lines": lambda pairs: [(r, t) for r, t in pairs if r != Role.BLANK],
    "indented, trailing spaces": lambda pairs: [(r, "\u3000\u3000" + t + "  " if t else t)
                                                for r, t in pairs],
    "half-width punctuation": lambda pairs: [(r, t.translate(_HALF_WIDTH)) for r, t in pairs],
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_labels_hold_however_the_text_is_typed(variant):
    results = []
    for path in FILES:
        pairs = VARIANTS[variant](read_labelled(path))
        got = classify([text for _, text in pairs])
        results += [(path.name, text, expected, role)
                    for (expected, text), role in zip(pairs, got)]
    assert all(expected == got for _, _, expected, got in results), \
        f"{variant}:\n" + per_role_report(results)


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_document_kind(path: Path):
    pairs = read_labelled(path)
    texts = [text for _, text in pairs]
    assert document_kind(texts, classify(texts)) == KINDS.get(path.name, "document")
