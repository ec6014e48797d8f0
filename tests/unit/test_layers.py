"""The house's layers, read from the imports (every ``import`` and ``from … import``, at the
top of a module or inside a function): what may import what (docs/HACKING.md's table), no
import circle between the project's modules, and no import back up."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pythonpath" / "gongwen"

HOSTS = ("writer", "ooxml", "soffice", "pdf", "cli")
# Each part, and the project's parts it may import (the core is everything in gongwen that
# is not a host; input_files is the core module the non-Writer hosts share).
MAY_IMPORT: Dict[str, Set[str]] = {
    "core": {"core"},
    "writer": {"core", "writer"},
    "ooxml": {"core", "ooxml"},
    "soffice": {"core", "soffice"},
    "pdf": {"core", "pdf"},
    "cli": {"core", "ooxml", "soffice", "pdf", "cli"},
}
THIRD_PARTY_ALLOWED: Dict[str, Set[str]] = {
    "core": set(),
    "writer": {"uno", "unohelper", "com"},
    "ooxml": {"docx", "lxml"},
    "soffice": {"uno", "unohelper", "com"},
    "pdf": set(),
    "cli": {"docx", "docxtpl", "lxml", "yaml", "uno"},
}
STDLIB_EXTRA = {"__future__"}


def part_of(module: str) -> str:
    if module == "gongwen.__main__":  # ``python -m gongwen``: the CLI's entry
        return "cli"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in HOSTS else "core"


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> Iterator[Tuple[str, int]]:
    """(imported module, line) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield (candidate if _is_project_module(candidate) else base), node.lineno


def _is_project_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:]) if name.startswith("gongwen.") else None
    return relative is not None and ((PACKAGE / relative).with_suffix(".py").is_file()
                                     or (PACKAGE / relative / "__init__.py").is_file())


def project_files() -> List[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def graph() -> Dict[str, Set[str]]:
    edges: Dict[str, Set[str]] = {}
    for path in project_files():
        here = module_name(path)
        edges.setdefault(here, set())
        for target, _ in imports(path):
            if target.startswith("gongwen") and _is_project_module(target) and target != here:
                edges[here].add(target)
    return edges


def test_every_part_imports_only_what_its_layer_may():
    import sys

    stdlib = set(getattr(sys, "stdlib_module_names", ())) | STDLIB_EXTRA
    wrong = []
    for path in project_files():
        here = module_name(path)
        part = part_of(here)
        for target, line in imports(path):
            top = target.split(".")[0]
            where = f"{path.relative_to(ROOT)}:{line} imports {target}"
            if top == "gongwen":
                if target != "gongwen" and part_of(target) not in MAY_IMPORT[part]:
                    wrong.append(where)
            elif stdlib and top not in stdlib and top not in THIRD_PARTY_ALLOWED[part]:
                wrong.append(where)
    assert not wrong, "\n".join(wrong)


def test_no_import_circle_between_the_projects_modules():
    edges = graph()
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    circles: List[List[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    # A package's __init__ importing its own modules is not a circle of the house.
    circles = [c for c in circles if not all(m.startswith(c[0] + ".") or m == c[0] for m in c)]
    assert not circles, circles


@pytest.mark.parametrize("folder, forbidden", [
    ("tools", ("bench", "tests")),   # the build tools and the rig sit under bench and tests
    ("bench", ("tests",)),
    ("extension", ("gongwen.ooxml", "gongwen.soffice", "gongwen.pdf", "gongwen.cli")),
])
def test_no_import_runs_back_up(folder: str, forbidden: Tuple[str, ...]):
    wrong = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                if name.split(".")[0] in forbidden or name.startswith(
                        tuple(f + "." for f in forbidden if "." in f)) or name in forbidden:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    assert not wrong, "\n".join(wrong)


# A module is read whole: over this many lines it holds more than one concern. The message
# table (every user-facing sentence, zh and en) is one concern however long it grows.
MAX_LINES = 700
LONG_BY_NATURE = {"gongwen.messages"}


def test_no_module_but_the_message_table_is_over_700_lines():
    long = {module_name(path): n for path in project_files()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert set(long) - LONG_BY_NATURE == set(), long
    assert {module_name(path) for path in project_files()} >= LONG_BY_NATURE
