"""One user action = one undo step, named in the user's language."""

from __future__ import annotations


class undo_step:  # noqa: N801 - used like a function: ``with undo_step(doc, title):``
    """Groups every model change made inside the block into one undo action.

    If the block fails half-way, what it did so far is undone and dropped from the redo
    list, so a failed action leaves the document as it was. A class, not
    ``contextlib.contextmanager``: contextlib re-raises by setting ``__traceback__``,
    which pyuno exceptions refuse, hiding the real error.
    """

    def __init__(self, document, title: str, lock_view: bool = False):
        self.document = document
        self.title = title
        self.lock_view = lock_view  # no redraws while many ranges change
        self.manager = document.getUndoManager()

    def __enter__(self):
        if self.lock_view:
            self.document.lockControllers()
        self.manager.enterUndoContext(self.title)
        return self.manager

    def __exit__(self, error_type, error, traceback) -> bool:
        try:
            self.manager.leaveUndoContext()
            if error_type is not None:
                self._roll_back()
        finally:
            if self.lock_view:
                self.document.unlockControllers()
        return False

    def _roll_back(self) -> None:
        try:
            if (self.manager.isUndoPossible()
                    and self.manager.getCurrentUndoActionTitle() == self.title):
                self.manager.undo()
                self.manager.clearRedo()
        except Exception:  # the error that got us here is the one worth reporting
            pass
