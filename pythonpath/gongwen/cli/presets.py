"""``python -m gongwen presets [show NAME|FILE]``: the 版式预设 there are, and one resolved.

Also the ``--preset NAME|FILE.json`` option other commands share:
:func:`add_preset_argument` defines it, :func:`preset_from_args` resolves it or exits 2.
Standard library only (like :mod:`gongwen.input_files`), so ``--help`` stays quick.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn

from gongwen import presets
from gongwen.input_files import cli_locale, say

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="list as JSON: name, source, description, error")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="list the presets (the default)")
    show = actions.add_parser("show", help="print a preset with every key resolved (JSON), "
                                           "a starting point for a house style")
    show.add_argument("preset", metavar="NAME|FILE.json")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None) == "show":
        return _show(args.preset)
    return _list(args.json)


def _show(ref: str) -> int:
    try:
        preset = presets.resolve(ref)
    except presets.PresetError as error:
        print(f"gongwen presets: {error.text(cli_locale())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(preset.to_json(indent=2))
    return EXIT_OK


def _list(as_json: bool) -> int:
    infos = presets.available()
    locale = cli_locale()
    problems = [info.problem.text(locale) for info in infos if info.problem]
    if as_json:
        print(json.dumps([{"name": info.name, "source": info.source,
                           "description": info.description,
                           "error": info.problem.text(locale) if info.problem else None}
                          for info in infos], ensure_ascii=False, indent=2))
    else:
        name_width = max(len(info.name) for info in infos)
        source_width = max(len(info.source) for info in infos)
        for info in infos:
            about = info.description if info.problem is None else say("cli_presets_invalid")
            print(f"{info.name.ljust(name_width)}  {info.source.ljust(source_width)}  {about}")
    for problem in problems:
        print(f"gongwen presets: {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT if problems else EXIT_OK


# --- --preset, for format and lint --------------------------------------------------------------

def add_preset_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--preset", metavar="NAME|FILE.json", default=None,
                        help=f"版式预设 / layout preset: a name from `python -m gongwen presets` "
                             f"or a .json file (default: {presets.DEFAULT})")


def preset_from_args(args: argparse.Namespace) -> presets.Preset:
    """The preset ``--preset`` names (the default without it); a preset that cannot be
    used ends the command: one line on stderr, exit 2, before any file is touched."""
    try:
        return presets.resolve(getattr(args, "preset", None))
    except presets.PresetError as error:
        _exit_bad_preset(getattr(args, "command", None), error)


def _exit_bad_preset(command, error: presets.PresetError) -> NoReturn:
    prefix = f"gongwen {command}" if command else "gongwen"
    print(f"{prefix}: {error.text(cli_locale())}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)
