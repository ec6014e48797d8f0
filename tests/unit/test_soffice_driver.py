"""The one soffice driver (gongwen.soffice.office) that the CLI and the test rig both spawn,
guard, kill and connect through, held without a soffice: a ``sleep`` stands in for it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Callable

import pytest

from gongwen.soffice import office
from gongwen.soffice.office import StartFailed, soffice_args, spawn_guarded, stop_guarded

ROOT = Path(__file__).resolve().parents[2]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by its parent) counts as gone
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return any(alive(int(entry.name)) for entry in Path("/proc").iterdir()
               if entry.name.isdigit() and _pgid(int(entry.name)) == pgid)


def _pgid(pid: int) -> int:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return -1


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_the_arguments_of_a_listening_and_of_a_converting_soffice():
    listening = soffice_args("soffice", "file:///p", pipe="gongwen_1")
    assert listening[0] == "soffice" and "--headless" in listening
    assert "-env:UserInstallation=file:///p" in listening
    assert "--accept=pipe,name=gongwen_1;urp;" in listening and "--nodefault" in listening
    converting = soffice_args("soffice", "file:///p", convert=["--convert-to", "pdf", "a.docx"])
    assert converting[-3:] == ["--convert-to", "pdf", "a.docx"]
    assert not any(arg.startswith("--accept") for arg in converting)
    assert "--nodefault" not in converting  # it would open nothing to convert
    assert "--headless" not in soffice_args("soffice", "file:///p", pipe="x", headless=False)
    assert office.new_pipe_name() != office.new_pipe_name()


def test_stop_kills_the_whole_group_and_the_guard(tmp_path: Path):
    # a parent and a child, as the soffice script and its soffice.bin
    process, guard = spawn_guarded(["sh", "-c", "sleep 60 & sleep 60"], os.environ,
                                   tmp_path / "log")
    assert wait_for(lambda: len([e for e in Path("/proc").iterdir() if e.name.isdigit()
                                 and _pgid(int(e.name)) == process.pid]) >= 2)
    assert os.getpgid(process.pid) == process.pid != os.getpgid(0)  # a session of its own
    stop_guarded(process, guard)
    assert wait_for(lambda: not group_alive(process.pid))
    assert guard.poll() is not None


def test_the_guard_kills_the_group_and_cleans_up_when_python_is_killed(tmp_path: Path):
    """The Python process SIGKILLed (no atexit, no finaliser): its soffice must not outlive
    it, and the work folder goes too."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "profile").mkdir()
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        sys.path.insert(0, {str(ROOT / "pythonpath")!r})
        from gongwen.soffice.office import spawn_guarded
        process, guard = spawn_guarded(["sleep", "60"], os.environ, Path({str(tmp_path)!r}) / "log",
                                       cleanup_dir=Path({str(work)!r}))
        print(process.pid, flush=True)
        time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert alive(pid)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert wait_for(lambda: not group_alive(pid))
    assert wait_for(lambda: not work.exists())


def test_the_guard_leaves_the_folder_when_soffice_ends_first(tmp_path: Path):
    work = tmp_path / "work"
    work.mkdir()
    process, guard = spawn_guarded(["true"], os.environ, tmp_path / "log", cleanup_dir=work)
    process.wait()
    assert guard.wait(timeout=10) == 0
    assert work.exists()  # this process still runs: the folder is its to remove


def test_connect_fails_at_once_when_soffice_exits_first():
    pytest.importorskip("uno")
    process = subprocess.Popen(["sh", "-c", "exit 81"])
    process.wait()
    started = time.monotonic()
    with pytest.raises(StartFailed, match="exited with code 81"):
        office.connect(office.new_pipe_name(), process, timeout_s=30)
    assert time.monotonic() - started < 5
