"""``python -m gongwen types``: the report types ``new`` can start from."""

from __future__ import annotations

import argparse
import json
import sys

from gongwen.scaffolds import ScaffoldError, load_all


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="JSON: key, name, description, sections and fields of each type")


def run(args: argparse.Namespace) -> int:
    try:
        scaffolds = load_all()
    except ScaffoldError as error:
        print(f"gongwen types: {error}", file=sys.stderr)
        return 2
    if args.json:
        listing = [{
            "key": scaffold.key,
            "name": scaffold.name,
            "description": scaffold.description,
            "sections": scaffold.section_titles(),
            "fields": {name: {"label": scaffold.fields()[name].label,
                              "blank": scaffold.fields()[name].blank}
                       for name in scaffold.used_fields()},
        } for scaffold in scaffolds]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    width = max((len(scaffold.key) for scaffold in scaffolds), default=0)
    for scaffold in scaffolds:
        print(f"{scaffold.key.ljust(width)}  {scaffold.name}")
    return 0
