"""Scripted use never hangs: load → 检查占位符 → 一键公文格式 → close, 150 times, over a
UNO bridge, hidden and visible frames alternating (issue 19).

Driven the way a script does it (unoserver, a batch macro): every call comes from this
process over the bridge, so soffice runs it on a bridge thread — loading fires the guard's
job there, and the dispatches reach the extension there. (The rig's ``Office.dispatch``
goes through the main thread instead; this test must not.) Before the fix, soffice hung
for good here: the main thread, binding a visible frame's toolbar controllers, waited in
the extension's dispatch lookup for Python's lock while a bridge thread running the
guard's frame job held it and waited for the SolarMutex.

A watchdog (the rig's, with a short limit) kills a soffice that stops answering; the test
then fails, naming the cycle, instead of hanging.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import List

import pytest

from tests import realdocs

CYCLES = int(os.environ.get("GONGWEN_STRESS_CYCLES", "150"))
HANG_LIMIT_S = 30.0  # a cycle takes about a second; 30 s of silence is a hang
SCREEN = (1200, 800)
# Short and varied: the hang is about threads meeting, not about long documents.
DOC_NAMES = ("footer-field", "web-word", "run-ins-wps", "footer-table", "sections-footer",
             "everything-word", "one-line", "attachments-2")

pytestmark = pytest.mark.skipif(not shutil.which("Xvfb"),
                                reason="needs Xvfb for the visible frames")


def _documents(folder: Path, samples_dir: Path) -> List[Path]:
    paths = [realdocs.build(realdocs.BY_NAME[name], folder) for name in DOC_NAMES]
    paths += sorted(samples_dir.glob("*.txt"))[:2]
    return paths


@pytest.fixture(scope="module")
def bridged(oxt, tmp_path_factory):
    """A soffice of its own on a private X display, dialogs on as for a user."""
    from rig.office import Office
    from rig.xvfb import Xvfb

    xvfb = Xvfb(SCREEN).start()
    office = Office(oxt, tmp_path_factory.mktemp("stress"), display=xvfb.display)
    try:
        office.start()
        office.hang_timeout_s = HANG_LIMIT_S
        yield office
    finally:
        office.stop()
        xvfb.stop()


def _load(office, path: Path, hidden: bool):
    from rig.office import props

    url = path.resolve().as_uri()
    if path.suffix == ".txt":
        return office.desktop.loadComponentFromURL(
            url, "_blank", 0, props(Hidden=hidden, FilterName="Text (encoded)",
                                    FilterOptions="UTF8,LF,,,"))
    return office.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=hidden))


def _rss_mb(office) -> int:
    """soffice.bin's resident memory (the extension collects Python's garbage itself)."""
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and os.getpgid(int(entry.name)) == office.process.pid \
                    and (entry / "comm").read_text().strip() == "soffice.bin":
                for line in (entry / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) // 1024
        except (OSError, ValueError):
            continue
    return -1


def _dispatch(office, document, url: str):
    """From this thread, over the bridge: soffice runs it on a bridge thread."""
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                   office.ctx)
    frame = document.getCurrentController().getFrame()
    return helper.executeDispatch(frame, url, "", 0, ())


def test_scripted_cycles_never_hang(bridged, samples_dir: Path, tmp_path: Path):
    office = bridged
    (tmp_path / "docs").mkdir()
    sources = _documents(tmp_path / "docs", samples_dir)
    started = time.monotonic()
    rss_at_start = _rss_mb(office)
    formatted = 0
    for cycle in range(CYCLES):
        source = sources[cycle % len(sources)]
        copy = tmp_path / f"c{cycle % 4}" / source.name  # a fresh copy: no lock file left
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, copy)
        hidden = cycle % 2 == 0
        try:
            document = _load(office, copy, hidden)
            assert document is not None, f"cycle {cycle}: {source.name} did not load"
            checked = _dispatch(office, document, "vnd.gongwen:CheckPlaceholders")
            result = _dispatch(office, document, "vnd.gongwen:Format")
            assert checked.State is not None and result.State is not None
            formatted += bool(result.Result)
            document.close(True)
        except Exception:
            if office.killed_as_hung:
                pytest.fail(f"soffice stopped answering in cycle {cycle} ({source.name}, "
                            f"{'hidden' if hidden else 'visible'}) and was killed",
                            pytrace=False)
            raise
        assert not office.killed_as_hung, f"soffice was killed as hung in cycle {cycle}"
    elapsed = time.monotonic() - started
    print(f"{CYCLES} cycles in {elapsed:.1f} s ({elapsed / CYCLES:.2f} s a cycle); "
          f"soffice.bin RSS {rss_at_start} -> {_rss_mb(office)} MB")
    assert formatted == CYCLES, "every Format reported its result"
