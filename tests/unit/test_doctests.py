"""The examples written in the core's docstrings run, as the doctests they are."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pythonpath" / "gongwen"
HOSTS = {"writer", "ooxml", "soffice", "pdf", "cli"}
CORE = sorted(
    ".".join(("gongwen",) + path.relative_to(PACKAGE).with_suffix("").parts).replace(
        ".__init__", "")
    for path in PACKAGE.rglob("*.py")
    if "__pycache__" not in path.parts and not HOSTS & set(path.relative_to(PACKAGE).parts)
    and path.name != "__main__.py")


@pytest.mark.parametrize("name", CORE)
def test_the_docstring_examples_hold(name: str):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_core_has_examples_to_run():
    attempted = sum(doctest.testmod(importlib.import_module(name)).attempted for name in CORE)
    assert attempted >= 20


# Each host's unit module (the one place its conversions live) runs its examples too.
@pytest.mark.parametrize("name", ["gongwen.writer.units", "gongwen.ooxml.units"])
def test_the_hosts_unit_examples_hold(name: str):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted >= 4
