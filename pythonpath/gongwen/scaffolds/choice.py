"""What a user asks 插入述职框架 for: a scaffold key and the optional values, checked.

One place for the Writer command's ``?type=&year=&org=&name=`` and its chooser dialog
(``gongwen.writer.scaffold`` and ``gongwen.writer.scaffold_dialog`` both use it, neither
imports the other for it). Standard library only.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from gongwen import messages
from gongwen.scaffolds import scaffold_types

# The options a user may give; every one is optional (None keeps the X placeholder).
OPTION_NAMES = ("year", "org", "name")


class Choice(NamedTuple):
    """What to insert: a scaffold key and the optional values for its blanks."""

    key: str
    year: Optional[str] = None
    org: Optional[str] = None
    name: Optional[str] = None


def choice_from_args(args) -> Choice:
    """The URL query as a :class:`Choice`; blank values count as not given."""
    values = {name: (args.get(name) or "").strip() or None for name in OPTION_NAMES}
    return Choice(key=(args.get("type") or "").strip(), **values)


def choice_problem(choice: Choice, locale: str) -> Optional[str]:
    """The message that refuses ``choice``, or None when it can be inserted."""
    if choice.key not in dict(scaffold_types()):
        return unknown_type_message(choice.key, locale)
    return year_problem(choice.year, locale)


def year_problem(year: Optional[str], locale: str) -> Optional[str]:
    """A year is optional; given, it is four digits (2025), else this message says so."""
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if year is None or (year.isdecimal() and len(year) == 4):
        return None
    return messages.text("scaffold_bad_year", locale, year=year)


def unknown_type_message(key: str, locale: str) -> str:
    return messages.text("scaffold_unknown_type", locale, given=key, types=type_list(locale))


def type_list(locale: str) -> str:
    """``personal（个人述职报告）、leadership（…）…``: every valid ``type=`` value."""
    if messages.language(locale) == "en":
        return ", ".join(f"{key} ({name})" for key, name in scaffold_types())
    return "、".join(f"{key}（{name}）" for key, name in scaffold_types())
