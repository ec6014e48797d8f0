"""Writer side of the placeholders feature (arrives with its own issue)."""

from __future__ import annotations

from gongwen import messages
from gongwen.writer.commands import Invocation, Outcome


def check_placeholders(invocation: Invocation) -> Outcome:
    return Outcome(False, messages.text("not_implemented", invocation.locale, command="check_placeholders"))


def next_placeholder(invocation: Invocation) -> Outcome:
    return Outcome(False, messages.text("not_implemented", invocation.locale, command="next_placeholder"))


def previous_placeholder(invocation: Invocation) -> Outcome:
    return Outcome(False, messages.text("not_implemented", invocation.locale, command="previous_placeholder"))


def clear_placeholder_marks(invocation: Invocation) -> Outcome:
    return Outcome(False, messages.text("not_implemented", invocation.locale, command="clear_placeholder_marks"))
