"""Writer side of the scaffold feature (arrives with its own issue)."""

from __future__ import annotations

from gongwen import messages
from gongwen.writer.commands import Invocation, Outcome


def insert_scaffold(invocation: Invocation) -> Outcome:
    return Outcome(False, messages.text("not_implemented", invocation.locale, command="insert_scaffold"))
