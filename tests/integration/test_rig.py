"""The rig itself: a crashed or hung soffice is reported, not hung on, and soffice
is always killed at the end, even when a test fails or the test process dies.

Every test here crashes, freezes or orphans a soffice of its own (a spare ``Office``, or a
whole inner pytest session), never the session's ``office``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rig.office import HANG_TIMEOUT_S, Office

ROOT = Path(__file__).resolve().parents[2]
# Generous bounds for "at once" and "soon": a hang would exceed them by far.
PROMPT_S = 30.0


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until_gone(condition, seconds: float = PROMPT_S) -> bool:
    """A killed process may linger a moment as a zombie until it is reaped."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def processes_mentioning(needle: str) -> list:
    """Command lines of live processes that contain ``needle`` (e.g. a profile path)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if needle in cmdline and str(os.getpid()) != entry.name:
            found.append(cmdline)
    return found


def soffice_bin_pid(office: Office) -> int:
    """The soffice.bin child of the group (the process group leader is the oosplash)."""
    pgid = office.process.pid
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != pgid:
                continue
            if (entry / "comm").read_text().strip() == "soffice.bin":
                return int(entry.name)
        except (OSError, ProcessLookupError):
            continue
    raise AssertionError("no soffice.bin in the group")


def call_with_deadline(function, seconds: float):
    """Runs ``function`` in a thread: (finished, raised exception or None), never hangs
    this test (a blocked UNO call ignores pytest-timeout's alarm)."""
    outcome = {}

    def run():
        try:
            function()
            outcome["error"] = None
        except BaseException as error:  # the report we are waiting for
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    return "error" in outcome, outcome.get("error")


@pytest.fixture(scope="module")
def _spare(oxt: Path, tmp_path_factory):
    office = Office(oxt, tmp_path_factory.mktemp("spare")).start()
    yield office
    pgid = office.process.pid if office.process else None
    office.stop()
    if pgid is not None:
        assert wait_until_gone(lambda: not group_alive(pgid))


@pytest.fixture
def spare_office(_spare: Office) -> Office:
    """A soffice of this module's own, running, with the default hang limit."""
    if not _spare.is_alive():
        _spare.stop()
        _spare._launch()
    _spare.hang_timeout_s = HANG_TIMEOUT_S
    return _spare


def test_a_crashed_soffice_is_reported_at_once_and_can_be_restarted(spare_office):
    document = spare_office.new_writer()
    document.getText().setString("正文")
    os.kill(soffice_bin_pid(spare_office), signal.SIGKILL)

    finished, error = call_with_deadline(lambda: spare_office.text(document), PROMPT_S)

    assert finished, "a call to a crashed soffice hung"
    assert error is not None, "a call to a crashed soffice must fail"
    assert not spare_office.is_alive()
    spare_office.stop()
    spare_office._launch()   # what the autouse fixture does after reporting
    fresh = spare_office.new_writer()
    fresh.getText().setString("重新启动")
    assert spare_office.text(fresh) == "重新启动"


def test_a_hung_soffice_is_killed_and_the_waiting_call_fails(spare_office):
    spare_office.hang_timeout_s = 3.0
    document = spare_office.new_writer()
    frozen = soffice_bin_pid(spare_office)
    os.kill(frozen, signal.SIGSTOP)   # alive but answering nothing, like a deadlock
    try:
        started = time.monotonic()
        finished, error = call_with_deadline(lambda: spare_office.text(document), PROMPT_S)
        waited = time.monotonic() - started
    finally:
        try:
            os.kill(frozen, signal.SIGCONT)
        except ProcessLookupError:
            pass

    assert finished, "the rig hung on a frozen soffice"
    assert error is not None
    assert spare_office.killed_as_hung
    assert waited >= spare_office.hang_timeout_s - 1
    assert not spare_office.is_alive()
    log = (spare_office.workdir / "soffice.log").read_text(errors="replace")
    assert "answered nothing" in log


def test_a_slow_answer_is_not_taken_for_a_hang(spare_office):
    """The watchdog kills only after silence longer than its limit: a call that is slow
    but answers (here soffice paused for less than the limit) goes through."""
    spare_office.hang_timeout_s = 20.0
    document = spare_office.new_writer()
    document.getText().setString("慢")
    paused = soffice_bin_pid(spare_office)
    os.kill(paused, signal.SIGSTOP)
    threading.Timer(2.5, os.kill, args=(paused, signal.SIGCONT)).start()

    finished, error = call_with_deadline(lambda: spare_office.text(document), PROMPT_S)

    assert finished and error is None
    assert not spare_office.killed_as_hung
    assert spare_office.is_alive()
    assert spare_office.text(document) == "慢"


def test_stop_kills_the_whole_group_and_the_guard(spare_office):
    pgid = spare_office.process.pid
    profile = str(spare_office.profile)
    assert processes_mentioning(profile)
    spare_office.stop()
    assert wait_until_gone(lambda: not group_alive(pgid))
    assert processes_mentioning(profile) == []
    assert spare_office._guard is None


def test_soffice_dies_with_the_test_process(oxt: Path, tmp_path: Path):
    """pytest killed outright (a CI time limit, SIGKILL): no finaliser runs, yet soffice,
    which runs in a session of its own, must not outlive it."""
    workdir = tmp_path / "orphan"
    script = textwrap.dedent(f"""
        import sys, time
        sys.path[:0] = [{str(ROOT / "pythonpath")!r}, {str(ROOT / "tools")!r}]
        from pathlib import Path
        from rig.office import HANG_TIMEOUT_S, Office
        office = Office(Path({str(oxt)!r}), Path({str(workdir)!r})).start()
        print(office.process.pid, flush=True)
        time.sleep(600)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        pgid = int(child.stdout.readline())
        assert group_alive(pgid)
    finally:
        child.kill()
        child.wait()
    wait_until_gone(lambda: not group_alive(pgid))
    leftover = processes_mentioning(str(workdir))
    if leftover:  # do not leave it to the machine, whatever the outcome
        os.killpg(pgid, signal.SIGKILL)
    assert not group_alive(pgid)
    assert leftover == []


INNER_TESTS = '''
import os
import signal
import time


def test_1_fails(office, writer_doc):
    writer_doc.getText().setString("x")
    assert office.text(writer_doc) == "y"


def test_2_crashes_soffice(office):
    os.killpg(office.process.pid, signal.SIGKILL)


def test_3_crashes_soffice_during_a_call(office, writer_doc):
    os.killpg(office.process.pid, signal.SIGKILL)
    time.sleep(0.5)
    office.text(writer_doc)


def test_3b_runs_on_a_restarted_soffice(office, writer_doc):
    writer_doc.getText().setString("again")
    assert office.text(writer_doc) == "again"


def test_4_freezes_soffice(office, writer_doc):
    office.hang_timeout_s = 3.0
    pgid = office.process.pid
    for name in os.listdir("/proc"):
        if name.isdigit() and os.getpgid(int(name)) == pgid:
            if open(f"/proc/{name}/comm").read().strip() == "soffice.bin":
                os.kill(int(name), signal.SIGSTOP)
    office.text(writer_doc)


def test_5_runs_after_the_freeze(office, writer_doc):
    writer_doc.getText().setString("after")
    assert office.text(writer_doc) == "after"
'''


def test_an_inner_session_reports_crash_and_hang_and_leaves_no_soffice(tmp_path: Path):
    """A whole pytest session on the real fixtures (tests/conftest.py): a failing test, a
    test that crashes soffice (between calls, and under a call: pytest then prints the
    test's pyuno arguments, which must not abort the run), and one that freezes it are
    each reported against that test, the tests after them run on a restarted soffice, and
    at the end no soffice is left."""
    folder = tmp_path / "integration"
    folder.mkdir()
    (folder / "test_inner.py").write_text(INNER_TESTS, encoding="utf-8")
    base, report = tmp_path / "base", tmp_path / "report.xml"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider",
         "-q", f"--basetemp={base}", f"--junitxml={report}", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr

    results = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        problems = [(child.tag, child.get("message") or "") for child in case
                    if child.tag in ("failure", "error")]
        results[case.get("name")] = problems
    assert set(results) == {"test_1_fails", "test_2_crashes_soffice",
                            "test_3_crashes_soffice_during_a_call",
                            "test_3b_runs_on_a_restarted_soffice", "test_4_freezes_soffice",
                            "test_5_runs_after_the_freeze"}, run.stdout
    assert [tag for tag, _ in results["test_1_fails"]] == ["failure"]
    for crashed in ("test_2_crashes_soffice", "test_3_crashes_soffice_during_a_call",
                    "test_4_freezes_soffice"):
        assert any("soffice crashed or stopped answering" in message
                   for _, message in results[crashed]), (crashed, results[crashed])
    assert results["test_3b_runs_on_a_restarted_soffice"] == []
    assert results["test_5_runs_after_the_freeze"] == []
    assert wait_until_gone(lambda: processes_mentioning(str(base)) == [])
