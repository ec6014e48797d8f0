"""`python -m gongwen types` (not implemented yet)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*")


def run(args: argparse.Namespace) -> int:
    print("gongwen types: not implemented yet", file=sys.stderr)
    return 2
