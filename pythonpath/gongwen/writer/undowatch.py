"""The infobar that offers 撤销 goes when its step is undone.

After 一键公文格式 (and 清除占位符标记) the infobar says what was done and offers 撤销. Once
the step is undone, by that button or by Edit ▸ Undo / Ctrl+Z, it would speak of a state
that is no longer there. So while it is shown, a listener on the document's undo manager
(``XUndoManagerListener``) counts the steps above the command's and removes the infobar
when the command's own step is undone; it goes with the infobar (the next report replaces
both) and with the document.

What the undo manager tells (measured on Writer 7.4.7, a visible frame): a step made
above ours arrives as ``undoActionAdded`` with ``UndoContextDepth`` 0 (typing: one action
for a run of keys, merged without a further event) or as ``leftContext`` with depth 0 (a
context closed at the top: 新增段落, the next 一键公文格式); an empty context is
``cancelledContext`` and a hidden one joins the step before it (``leftHiddenContext``):
neither is a step. ``actionUndone``/``actionRedone`` come once per step, whoever asked
(Ctrl+Z, ``.uno:Undo``, ``XUndoManager.undo()`` over a bridge). When the stack is full the
oldest step is dropped without an event: the count above ours is still right, and ours can
then no longer be undone.

Threads: the undo manager calls the listener on the thread that undid (the main thread for
Ctrl+Z; a bridge thread for a script's ``undo()``). The listener only counts; removing the
infobar and the listener is handed to the main thread (:func:`mainthread.later`), never
done inside Writer's undo.
"""

from __future__ import annotations

import threading
from typing import List

import unohelper
from com.sun.star.document import XUndoManagerListener

from gongwen.writer import mainthread

_lock = threading.Lock()
_watching: List[_Watch] = []  # at most one a frame: the infobar shown there now


class _Watch(unohelper.Base, XUndoManagerListener):
    """Removes ``infobar`` from ``frame``'s view when the step on top of ``manager``'s
    stack at the start is undone."""

    def __init__(self, ctx, frame, manager, infobar: str) -> None:
        self.ctx, self.frame, self.manager, self.infobar = ctx, frame, manager, infobar
        self.above = 0  # the steps on the stack above ours
        self.ended = False

    # -- what the undo manager tells (any thread: count, hand the rest over) --
    def undoActionAdded(self, event) -> None:  # noqa: N802 - UNO names
        if event.UndoContextDepth == 0:
            self.above += 1

    def leftContext(self, event) -> None:  # noqa: N802
        if event.UndoContextDepth == 0:
            self.above += 1

    def actionUndone(self, _event) -> None:  # noqa: N802
        if self.above:
            self.above -= 1
        elif not self.ended:
            self.ended = True
            mainthread.later(self.ctx, lambda: _end(self, remove_infobar=True))

    def actionRedone(self, _event) -> None:  # noqa: N802
        self.above += 1

    def allActionsCleared(self, _event) -> None:  # noqa: N802 - our step is gone
        self._forget()

    def resetAll(self, _event) -> None:  # noqa: N802
        self._forget()

    def disposing(self, _event) -> None:  # the document closes
        self.ended = True
        with _lock:
            if self in _watching:
                _watching.remove(self)

    def redoActionsCleared(self, _event) -> None:  # noqa: N802
        pass

    def enteredContext(self, _event) -> None:  # noqa: N802
        pass

    def enteredHiddenContext(self, _event) -> None:  # noqa: N802
        pass

    def leftHiddenContext(self, _event) -> None:  # noqa: N802
        pass

    def cancelledContext(self, _event) -> None:  # noqa: N802
        pass

    def _forget(self) -> None:
        """Nothing left to undo it by: the infobar stays (what it says is still true)."""
        if not self.ended:
            self.ended = True
            mainthread.later(self.ctx, lambda: _end(self, remove_infobar=False))


def watch(ctx, frame, document, infobar: str) -> None:
    """From now until the infobar ``infobar`` is replaced: the step on top of
    ``document``'s undo stack, once undone, takes the infobar with it. Main thread."""
    stop(frame)
    manager = document.getUndoManager()
    if not manager.isUndoPossible():
        return  # no step of ours to watch
    watcher = _Watch(ctx, frame, manager, infobar)
    manager.addUndoManagerListener(watcher)
    with _lock:
        _watching.append(watcher)


def stop(frame) -> None:
    """The infobar over ``frame`` is replaced or closed: its listener goes. Main thread."""
    with _lock:
        ending = [watcher for watcher in _watching if watcher.frame == frame]
    for watcher in ending:
        watcher.ended = True
        _end(watcher, remove_infobar=False)


def watched() -> int:
    """How many listeners are registered now (the tests' leak check)."""
    with _lock:
        return len(_watching)


def _end(watcher: _Watch, remove_infobar: bool) -> None:
    """On the main thread: the listener goes and, if asked, the infobar (unless another
    report replaced it meanwhile: then this watcher was already ended by :func:`stop`)."""
    with _lock:
        if watcher not in _watching:
            return
        _watching.remove(watcher)
    try:
        watcher.manager.removeUndoManagerListener(watcher)
    except Exception:  # the document is closing: its listeners go with it
        pass
    if not remove_infobar:
        return
    try:
        controller = watcher.frame.getController()
        if controller is not None and controller.hasInfobar(watcher.infobar):
            controller.removeInfobar(watcher.infobar)
    except Exception:  # the window was closed meanwhile: nothing left to remove
        pass
