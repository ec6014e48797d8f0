"""One engine: the hosts (gongwen/writer, gongwen/ooxml, the PDF checker, the CLI) decide
nothing a user could see.

Fonts and type sizes are the core's (gongwen.spec through gongwen.layout's plan): a font
name, a 字号 or a role's size written as a literal in a renderer is a rule that escaped the
core, and the two paths drift apart again (the title's Latin font, the table's grid).
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path
from typing import List, Set, Tuple

from gongwen import spec

PACKAGE = Path(__file__).resolve().parents[2] / "pythonpath" / "gongwen"
RENDERERS = [PACKAGE / "writer", PACKAGE / "ooxml", PACKAGE / "pdf", PACKAGE / "cli"]


def _font_names() -> Set[str]:
    fonts = {spec.LATIN_FONT, spec.PAGE_NUMBER_FONT}
    for font in (spec.XIAOBIAOSONG, spec.FANGSONG, spec.KAITI, spec.HEITI, spec.SONGTI):
        fonts.update(font.chain())
    return fonts


def _role_sizes() -> Set[float]:
    sizes = {float(style.size_pt) for style in spec.PARAGRAPH_STYLES.values()}
    sizes.add(float(spec.TABLE_TEXT.size_pt))
    sizes.add(float(spec.PAGE.page_number_size_pt))
    return sizes


# A line that holds a number which only looks like a type size says so (a number base,
# a control's height in dialog units).
NOT_A_SIZE = "# not a type size"


def _docstring_lines(source: str) -> Set[int]:
    """Lines of docstrings (module, class, function), which may name fonts to explain."""
    lines: Set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                and isinstance(first.value.value, str):
            lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def literals(path: Path) -> List[Tuple[int, str, object]]:
    """(line, kind, value) of every string and number literal outside docstrings/comments."""
    source = path.read_text(encoding="utf-8")
    skip = _docstring_lines(source)
    found = []
    lines = source.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        line = lines[token.start[0] - 1] if token.start[0] <= len(lines) else ""
        if token.start[0] in skip or NOT_A_SIZE in line:
            continue
        if token.type == tokenize.STRING:  # as written (f-strings too)
            found.append((token.start[0], "string", token.string))
        elif token.type == tokenize.NUMBER:
            found.append((token.start[0], "number", ast.literal_eval(token.string)))
    return found


def _is_dialog(path: Path) -> bool:
    """Dialog modules lay out controls in dialog units: their numbers are not type sizes."""
    return path.name.endswith("_dialog.py")


def offences(path: Path) -> List[str]:
    fonts, sizes, size_names = _font_names(), _role_sizes(), set(spec.FONT_SIZES_PT)
    if _is_dialog(path):
        sizes = set()
    found = []
    for line, kind, value in literals(path):
        where = f"{path.name}:{line}"
        if kind == "string" and isinstance(value, str):
            named = sorted((name for name in fonts | size_names if name in value), key=len)
            if named:
                found.append(f"{where}: {named[-1]!r} in a string")
        elif kind == "number" and isinstance(value, (int, float)) and float(value) in sizes:
            found.append(f"{where}: {value!r} is a role's size")
    return found


def test_no_font_name_or_role_size_is_written_in_a_renderer():
    found = [offence for folder in RENDERERS for path in sorted(folder.glob("*.py"))
             for offence in offences(path)]
    assert found == []


def test_the_scan_sees_a_literal_font_and_size(tmp_path: Path):
    """The scan itself: a renderer-like file with a font name and a size is caught, the same
    names in its docstring and comments are not."""
    sample = tmp_path / "probe.py"
    sample.write_text('"""Sets 仿宋_GB2312 at 16 pt."""\n'
                      'FONT = "仿宋_GB2312"  # 黑体 in a comment is fine\n'
                      'SIZE = 16\n', encoding="utf-8")
    assert [o.split(": ", 1)[1] for o in offences(sample)] == [
        "'仿宋_GB2312' in a string", "16 is a role's size"]
