"""gongwen.writer.mainthread without soffice: who is the main thread, and that work off it
is handed over (to a stand-in AsyncCallback that runs it on this test's main thread)."""

from __future__ import annotations

import sys
import threading
import types

import pytest

from gongwen.writer import mainthread

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the main thread is the process id on Linux")


class _FakeCtx:
    """A context whose AsyncCallback queues the callback; the test's main thread runs it,
    as LibreOffice's main loop would."""

    def __init__(self) -> None:
        self.posted = []
        self.ServiceManager = types.SimpleNamespace(createInstanceWithContext=self._create)

    def _create(self, name, ctx):
        assert name == "com.sun.star.awt.AsyncCallback"
        return types.SimpleNamespace(addCallback=lambda work, data: self.posted.append(work))


@pytest.fixture(autouse=True)
def _unknown_main_thread(monkeypatch):
    monkeypatch.setattr(mainthread, "_main_ident", None)


def test_the_main_thread_is_known_and_work_there_runs_at_once():
    assert mainthread.is_main_thread()
    ctx = _FakeCtx()
    assert mainthread.call(ctx, lambda: 42) == 42
    assert ctx.posted == []


def test_work_off_the_main_thread_is_handed_over_and_waited_for():
    ctx = _FakeCtx()
    seen = {}

    def off_main() -> None:
        seen["main?"] = mainthread.is_main_thread()
        seen["result"] = mainthread.call(ctx, lambda: threading.current_thread().name)

    worker = threading.Thread(target=off_main, name="bridge")
    worker.start()
    while not ctx.posted and worker.is_alive():
        worker.join(0.01)
    ctx.posted.pop().notify(None)  # the "main loop" runs it
    worker.join(5)
    assert seen == {"main?": False, "result": threading.main_thread().name}


def test_later_never_runs_work_on_the_calling_thread_and_logs_its_failure(capsys):
    ctx = _FakeCtx()
    ran = []
    worker = threading.Thread(target=lambda: mainthread.later(ctx, lambda: ran.append(1) or 1 / 0))
    worker.start()
    worker.join(5)
    assert ran == [] and len(ctx.posted) == 1
    ctx.posted.pop().notify(None)
    assert ran == [1]
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_garbage_is_collected_on_the_main_thread_only(monkeypatch):
    import gc

    collected = []
    monkeypatch.setattr(gc, "collect", lambda *a: collected.append(threading.current_thread()))
    monkeypatch.setattr(gc, "isenabled", lambda: False)  # as after collect_on_main_thread_only
    monkeypatch.setattr(gc, "get_count", lambda: (10_000, 0, 0))
    worker = threading.Thread(target=mainthread.collect)
    worker.start()
    worker.join(5)
    assert collected == []
    mainthread.collect()
    assert collected == [threading.main_thread()]
