"""Fixtures shared by all tests: paths, and one real soffice for the integration tests."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "pythonpath"))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))


def shared_path() -> Path:
    return Path(os.environ.get("GONGWEN_SHARED", ROOT.parent / "shared"))


# Every .docx the CLI writes during the session (``format``, ``new``, in the test process or
# a subprocess: ``gongwen.cli.files`` logs them) is validated against the ISO/IEC 29500
# Transitional schemas when the session ends (tests/docxvalid.py); one that does not
# validate fails the run (exit status 1, the problems in the summary).
_WRITTEN: List[Path] = []


def pytest_configure(config):
    from gongwen.cli.files import WRITTEN_LOG_ENV

    folder = Path(tempfile.mkdtemp(prefix="gongwen-written-"))
    log = folder / "written.txt"
    log.touch()
    _WRITTEN.append(log)
    os.environ[WRITTEN_LOG_ENV] = str(log)


def pytest_sessionfinish(session, exitstatus):
    if not _WRITTEN:
        return
    log = _WRITTEN.pop()
    paths = [Path(line) for line in dict.fromkeys(log.read_text("utf-8").splitlines())
             if line.endswith(".docx")]
    shutil.rmtree(str(log.parent), ignore_errors=True)
    if not paths:
        return
    from tests import docxvalid

    bad = docxvalid.report(paths)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"docx validation: {len(paths)} .docx written by the CLI, "
                            f"{len(bad)} not valid")
        for path, problems in bad.items():
            for problem in problems[:5]:
                reporter.write_line(f"  {path}: {problem}", red=True)
    if bad:
        session.exitstatus = 1


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "integration" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.integration)
            item.add_marker(pytest.mark.timeout(600))
        else:
            item.add_marker(pytest.mark.timeout(120))


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The repository's own sample reports (tests/samples.py says what they hold)."""
    return ROOT / "tests" / "data" / "samples"


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
