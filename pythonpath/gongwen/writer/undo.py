"""One user action = one undo step, named in the user's language."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


@contextmanager
def undo_step(document, title: str) -> Iterator[object]:
    """Groups every model change made inside the block into one undo action."""
    manager = document.getUndoManager()
    manager.enterUndoContext(title)
    try:
        yield manager
    finally:
        manager.leaveUndoContext()
