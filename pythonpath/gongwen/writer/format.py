"""Writer side of the format feature (arrives with its own issue)."""

from __future__ import annotations

from gongwen import messages
from gongwen.writer.commands import Invocation, Outcome


def format_document(invocation: Invocation) -> Outcome:
    return Outcome(False, messages.text("not_implemented", invocation.locale, command="format_document"))
