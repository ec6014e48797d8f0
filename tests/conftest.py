"""Fixtures shared by all tests: paths, and one real soffice for the integration tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "pythonpath"))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))


def shared_path() -> Path:
    return Path(os.environ.get("GONGWEN_SHARED", ROOT.parent / "shared"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "integration" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.integration)
            item.add_marker(pytest.mark.timeout(600))
        else:
            item.add_marker(pytest.mark.timeout(120))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_path()
    assert path.is_dir(), f"../shared is missing: {path} (set GONGWEN_SHARED)"
    return path


@pytest.fixture(scope="session")
def samples_dir(shared_dir: Path) -> Path:
    return shared_dir / "samples"


@pytest.fixture(scope="session")
def oxt(tmp_path_factory) -> Path:
    """The extension built from the tree as it is now."""
    import build_oxt

    return build_oxt.build(tmp_path_factory.mktemp("oxt") / "gongwen.oxt")


@pytest.fixture(scope="session")
def office(oxt: Path, tmp_path_factory):
    from rig.office import Office

    instance = Office(oxt, tmp_path_factory.mktemp("office")).start()
    yield instance
    instance.stop()


@pytest.fixture(autouse=True)
def _office_still_alive(request):
    """Reports a crashed soffice once, at the test that killed it, then restarts it."""
    yield
    if "office" in request.fixturenames:
        office = request.getfixturevalue("office")
        _forget_remembered_preset(office)
        if not office.is_alive():
            office.stop()
            office._launch()
            pytest.fail("soffice crashed or stopped answering during this test", pytrace=False)


@pytest.fixture
def writer_doc(office):
    document = office.new_writer()
    yield document
    office.close(document)


def _forget_remembered_preset(office) -> None:
    """The 版式 menu remembers the user's choice in soffice's profile (the rig's own):
    forget it after each test, so the next starts from the default."""
    from gongwen.writer import presets as writer_presets

    try:
        if writer_presets.remembered(office.ctx):
            writer_presets.remember_choice(office.ctx, "")
    except Exception:  # soffice is gone: the check that follows reports it
        pass
