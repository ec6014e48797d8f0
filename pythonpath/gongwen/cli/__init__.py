"""``python -m gongwen new|check|format|lint|types|presets``: 公文助手 without Writer.

Each subcommand lives in ``gongwen.cli.<name>`` with two functions,
``add_arguments(parser)`` and ``run(args) -> int``; this module only routes.
Exit status: 0 success, 1 the check found placeholders, 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import List, Optional

from gongwen import __version__

# subcommand -> (module under gongwen.cli, one-line help)
COMMANDS = {
    "types": ("types", "列出述职框架类型 / list the report types"),
    "new": ("new", "按框架新建 .docx / render a report scaffold to .docx"),
    "check": ("check", "检查待填占位符 / find unfilled placeholders"),
    "format": ("format", "一键公文格式 / format documents to GB/T 9704 (.docx, PDF)"),
    "lint": ("lint", "检查格式 / check a PDF (or document) against GB/T 9704"),
    "presets": ("presets", "版式预设 / list the layout presets, show one resolved"),
}

EXIT_BAD_INPUT = 2


def build_parser(argv: Optional[List[str]] = None) -> argparse.ArgumentParser:
    """The parser; only the command named in ``argv`` is imported (python-docx is slow)."""
    parser = argparse.ArgumentParser(prog="python -m gongwen", description="公文助手")
    parser.add_argument("--version", action="version", version=f"gongwen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    chosen = next((arg for arg in (argv or []) if not arg.startswith("-")), None)
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if chosen in (name, None) or chosen not in COMMANDS:
            module = importlib.import_module(f"gongwen.cli.{module_name}")
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("gongwen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `python -m gongwen types | head`: the reader left, not an error
        sys.stderr.close()
        return 0
