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


# --- lengths ---------------------------------------------------------------------------
# Every length a renderer draws is the core's (the plan, spec, headfoot, wholedoc), in the
# unit the core states it in; a host only converts it (its units module). A host constant
# named in a unit (…_MM, …_PT, …_TW, …_HMM) that is a bare number, or a conversion of a
# bare number, is a length that escaped the core: the two renderers kept the page number's
# drop as 40 twips and as 0.7 mm, the 信函 rule line as 57 twips and as 100/100 mm.
# A number that is not a length the page shows (a checker's tolerance, a format's own
# default read from a file) says so on its line.
NOT_A_DRAWN_LENGTH = "# not a drawn length"
_UNIT_NAME = ("_MM", "_PT", "_TW", "_TWIPS", "_HMM")
_CONVERSIONS = {"mm_to_hmm", "pt_to_hmm", "chars_to_hmm", "mm_to_twips", "mm_to_twips_exact",
                "pt_to_twips", "chars_to_twips", "mm_to_pt"}


def _bare_number(node: ast.AST) -> bool:
    """Only number literals and arithmetic: no name, no attribute, no call."""
    parts = list(ast.walk(node))
    return any(isinstance(p, ast.Constant) and isinstance(p.value, (int, float))
               and not isinstance(p.value, bool) for p in parts) and not any(
        isinstance(p, (ast.Name, ast.Attribute, ast.Call)) for p in parts)


def length_offences(path: Path) -> List[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if NOT_A_DRAWN_LENGTH in lines[getattr(node, "lineno", 1) - 1]:
            continue
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id.upper().endswith(_UNIT_NAME) \
                        and _bare_number(node.value):
                    found.append(f"{where}: {target.id} is a length written in the host")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                getattr(node.func, "id", "")
            if name in _CONVERSIONS and any(_bare_number(arg) for arg in node.args):
                found.append(f"{where}: {name} of a number written in the host")
    return found


def _host_modules() -> List[Path]:
    """Every host module but the hosts' unit modules (whose numbers are the units)."""
    return [path for folder in RENDERERS + [PACKAGE / "soffice"]
            for path in sorted(folder.glob("*.py")) if path.name != "units.py"]


def test_no_length_is_written_in_a_host():
    found = [offence for path in _host_modules() for offence in length_offences(path)]
    assert found == []


def test_the_scan_sees_a_length_written_in_a_host(tmp_path: Path):
    sample = tmp_path / "probe.py"
    sample.write_text("DROP_TW = 40\n"
                      "RULE_HMM = 2 * 50\n"
                      "BOTTOM = mm_to_hmm(5)\n"
                      "LINE_TW = units.mm_to_twips_exact(wholedoc.LETTER_RULE_LINE_MM)\n"
                      "SLACK_MM = 2.5  # not a drawn length: a tolerance\n"
                      "COUNT = 3\n", encoding="utf-8")
    assert [o.split(": ", 1)[1] for o in length_offences(sample)] == [
        "DROP_TW is a length written in the host", "RULE_HMM is a length written in the host",
        "mm_to_hmm of a number written in the host"]
