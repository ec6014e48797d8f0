"""Routes each ``vnd.gongwen:`` command to the one function that does it.

Every function takes a :class:`Invocation` and returns an :class:`Outcome`;
the guards common to all (a Writer text document, not read-only) live here.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from typing import Callable, Dict, NamedTuple, Optional, Tuple
from urllib.parse import parse_qsl

from gongwen import messages
from gongwen.writer import fonts, mainthread, ui

PROTOCOL = "vnd.gongwen:"
TEXT_DOCUMENT = "com.sun.star.text.TextDocument"


class Invocation(NamedTuple):
    ctx: object            # the component context
    frame: object          # the frame the command was dispatched on
    document: object       # its model, a Writer text document
    args: Dict[str, str]   # the URL's query, e.g. {"type": "personal"}
    locale: str            # the UI locale, for messages


class Outcome(NamedTuple):
    ok: bool
    message: str
    action: str = ""  # a key of ACTIONS: the button the report offers


# What a report's infobar may offer: key -> (the button's label, the command it runs).
ACTIONS: Dict[str, Tuple[str, str]] = {
    "view_first": ("infobar_view_first", PROTOCOL + "NextPlaceholder?from=start"),
    "undo": ("infobar_undo", ".uno:Undo"),
}


class Command(NamedTuple):
    module: str        # under gongwen.writer
    function: str
    modifies: bool     # refused on a read-only document
    state: Optional[str] = None  # f(ctx) -> bool: a menu entry's check mark


COMMANDS: Dict[str, Command] = {
    "InsertScaffold": Command("scaffold", "insert_scaffold", True),
    "CheckPlaceholders": Command("placeholders", "check_placeholders", True),
    "NextPlaceholder": Command("placeholders", "next_placeholder", False),
    "PreviousPlaceholder": Command("placeholders", "previous_placeholder", False),
    "ClearPlaceholderMarks": Command("placeholders", "clear_placeholder_marks", True),
    "Format": Command("format", "format_document", True),
    # 检查格式: reads only, so a read-only document can be checked too.
    "CheckFormat": Command("checkformat", "check_format", False),
    # 版式 > 其他版式…: a file picker, then Format with the preset file chosen.
    "ChoosePreset": Command("choose_preset", "choose_preset", True),
    "TogglePlaceholderGuard": Command("guard", "toggle_placeholder_guard", False,
                                      state="placeholder_guard_state"),
    # 输入时检查: 边写边查 on/off (the grammar checker, gongwen.writer.proofreader).
    "ToggleProofreading": Command("proofreader", "toggle_proofreading", False,
                                  state="proofreading_state"),
}


def is_command(name: str) -> bool:
    return name in COMMANDS


def state(ctx, name: str) -> Optional[bool]:
    """A checkable command's state (its menu entry's check mark); None for the others."""
    command = COMMANDS.get(name)
    if command is None or command.state is None:
        return None
    module = importlib.import_module("gongwen.writer." + command.module)
    return bool(getattr(module, command.state)(ctx))


def parse_url(url: str):
    """``vnd.gongwen:InsertScaffold?type=personal&year=2025`` -> (name, args)."""
    rest = url[len(PROTOCOL):] if url.startswith(PROTOCOL) else url
    name, _, query = rest.partition("?")
    return name, dict(parse_qsl(query, keep_blank_values=True))


def run(ctx, frame, url: str) -> Outcome:
    name, args = parse_url(url)
    command = COMMANDS[name]
    locale = ui.ui_locale(ctx)
    document = frame.getController().getModel() if frame and frame.getController() else None
    refusal = _refusal(document, command, locale)
    if refusal:
        outcome = Outcome(False, refusal)
    else:
        outcome = _perform(command, Invocation(ctx, frame, document, args, locale))
    if outcome.message:
        ui.show_message(ctx, frame, outcome.message, error=not outcome.ok,
                        button=_button(outcome, locale),
                        undoable=outcome.ok and outcome.action == "undo")
    mainthread.collect()  # the garbage a command leaves, here rather than on another thread
    return outcome


def _button(outcome: Outcome, locale: str) -> Optional[Tuple[str, str]]:
    if outcome.action not in ACTIONS:
        return None
    label, url = ACTIONS[outcome.action]
    return messages.text(label, locale), url


def _perform(command: Command, invocation: Invocation) -> Outcome:
    """Runs the command; a bug reaches the user as a message (its step is already undone
    by ``undo.undo_step``) and the traceback goes to soffice's log. A preset that cannot be
    used (the URL's ``?preset=``, checked first, or the one the command looks up) is the
    user's to fix: its one line, no traceback."""
    from gongwen.presets import PresetError, resolve

    try:
        if invocation.args.get("preset"):
            resolve(invocation.args["preset"])
        fonts.sync_once(invocation.ctx)  # the stand-ins for the fonts missing here
        return _function(command)(invocation)
    except PresetError as error:
        return Outcome(False, error.text(invocation.locale))
    except Exception as error:
        traceback.print_exc(file=sys.stderr)
        return Outcome(False, messages.text("internal_error", invocation.locale,
                                            error=f"{type(error).__name__}: {error}"))


# Where the checked state of a menu entry comes from (the 版式 submenu), loaded like the
# commands themselves: (module under gongwen.writer, function(document, name, args, ctx)).
MENU_STATE = ("presets", "menu_state")


def status(ctx, frame, url: str) -> Optional[bool]:
    """The check mark of the menu entry for ``url``: a checkable command's own state (the
    guard's on/off, the same in every window), else the document's (the 版式 submenu);
    None for an entry that has none. Asked by the ProtocolHandler's status listener."""
    name, args = parse_url(url)
    if name not in COMMANDS:
        return None
    if COMMANDS[name].state is not None:
        return state(ctx, name)
    if frame is None or frame.getController() is None:
        return None
    module = importlib.import_module("gongwen.writer." + MENU_STATE[0])
    return getattr(module, MENU_STATE[1])(frame.getController().getModel(), name, args, ctx)


def _refusal(document, command: Command, locale: str) -> Optional[str]:
    if document is None or not document.supportsService(TEXT_DOCUMENT):
        return messages.text("not_text_document", locale)
    if command.modifies and document.isReadonly():
        return messages.text("read_only", locale)
    return None


def _function(command: Command) -> Callable[[Invocation], Outcome]:
    module = importlib.import_module("gongwen.writer." + command.module)
    return getattr(module, command.function)
