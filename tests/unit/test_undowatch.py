"""gongwen.writer.undowatch without soffice: the count of steps above the report's, and
that every listener it adds goes again (stand-ins for the undo manager and the frame; the
real one: tests/integration/test_infobar_undo.py)."""

from __future__ import annotations

import types
from typing import List

import pytest

from gongwen.writer import mainthread, undowatch


class _Manager:
    def __init__(self) -> None:
        self.listeners: List[object] = []

    def isUndoPossible(self) -> bool:  # noqa: N802 - UNO names
        return True

    def addUndoManagerListener(self, listener) -> None:  # noqa: N802
        self.listeners.append(listener)

    def removeUndoManagerListener(self, listener) -> None:  # noqa: N802
        self.listeners.remove(listener)


class _Controller:
    def __init__(self) -> None:
        self.infobars = {"gongwen"}

    def hasInfobar(self, name: str) -> bool:  # noqa: N802
        return name in self.infobars

    def removeInfobar(self, name: str) -> None:  # noqa: N802
        self.infobars.remove(name)


class _Frame:
    def __init__(self) -> None:
        self.controller = _Controller()

    def getController(self) -> _Controller:  # noqa: N802
        return self.controller


@pytest.fixture()
def later(monkeypatch) -> List[object]:
    """What the listener hands to the main thread, run when the test says."""
    posted: List[object] = []
    monkeypatch.setattr(mainthread, "later", lambda ctx, work: posted.append(work))
    return posted


def _watched(frame: _Frame):
    manager = _Manager()
    undowatch.watch(None, frame, types.SimpleNamespace(getUndoManager=lambda: manager),
                    "gongwen")
    return manager, manager.listeners[0]


def _event(depth: int = 0):
    return types.SimpleNamespace(UndoContextDepth=depth, UndoActionTitle="")


def test_the_report_goes_when_its_own_step_is_undone(later):
    frame = _Frame()
    manager, listener = _watched(frame)
    listener.undoActionAdded(_event())      # typing above ours
    listener.enteredContext(_event(1))
    listener.undoActionAdded(_event(1))     # inside a context: not a step yet
    listener.leftContext(_event())          # the context closed at the top: a step
    listener.cancelledContext(_event())     # an empty context: no step
    for _ in range(2):
        listener.actionUndone(_event())
    assert later == [] and frame.controller.hasInfobar("gongwen")
    listener.actionRedone(_event())
    listener.actionUndone(_event())
    assert later == []
    listener.actionUndone(_event())         # ours
    assert len(later) == 1
    later.pop()()
    assert not frame.controller.hasInfobar("gongwen")
    assert manager.listeners == [] and undowatch.watched() == 0


def test_a_new_report_or_a_closed_document_leaves_no_listener(later):
    frame = _Frame()
    first, _ = _watched(frame)
    second, listener = _watched(frame)      # the next report over the same frame
    assert first.listeners == [] and undowatch.watched() == 1
    undowatch.stop(frame)                   # replaced by a report that offers no 撤销
    assert second.listeners == [] and undowatch.watched() == 0
    _, listener = _watched(frame)
    listener.disposing(None)
    assert undowatch.watched() == 0
    listener.actionUndone(_event())         # too late: nothing is handed over
    assert later == []


def test_a_cleared_stack_ends_the_watch_but_keeps_the_report(later):
    frame = _Frame()
    manager, listener = _watched(frame)
    listener.allActionsCleared(_event())
    later.pop()()
    assert manager.listeners == [] and frame.controller.hasInfobar("gongwen")
