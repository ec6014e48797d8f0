"""Changes Writer cannot undo by itself, made undoable by holding old and new values.

Setting any page-style property through the API empties Writer's whole undo
stack (tdf#46561, measured on 7.4.7, docs/LO_NOTES.md). The way round it:
make the change with the undo manager locked, so Writer records nothing and
clears nothing, then add one of these actions, which re-applies the old or the
new state (again with the manager locked) on Ctrl+Z / Ctrl+Y.
"""

from __future__ import annotations

from typing import Callable

import unohelper
from com.sun.star.document import XUndoAction


class StateUndoAction(unohelper.Base, XUndoAction):
    """Undo puts ``old`` back, redo puts ``new`` back, both through ``apply(state)``."""

    def __init__(self, title: str, manager, apply: Callable[[object], None],
                 old: object, new: object):
        self.Title = title
        self._manager = manager
        self._apply = apply
        self._old = old
        self._new = new

    def undo(self) -> None:
        self._apply_locked(self._old)

    def redo(self) -> None:
        self._apply_locked(self._new)

    def _apply_locked(self, state: object) -> None:
        # Writer is already undoing; the lock keeps the page-style changes from
        # wiping the stack we are walking.
        locked_here = not self._manager.isLocked()
        if locked_here:
            self._manager.lock()
        try:
            self._apply(state)
        finally:
            if locked_here:
                self._manager.unlock()


def apply_undoably(manager, title: str, apply: Callable[[object], None],
                   old: object, new: object) -> None:
    """Applies ``new`` now and leaves one undo action that can restore ``old``.

    (try/finally, not a context manager: contextlib cannot re-raise UNO exceptions.)
    """
    manager.lock()
    try:
        apply(new)
    finally:
        manager.unlock()
    manager.addUndoAction(StateUndoAction(title, manager, apply, old, new))
