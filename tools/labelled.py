"""Labelled documents: the reader of ``tests/data/labelled`` and ``tests/data/realcorpus``.

One paragraph per line, ``role<TAB>text``; the role may carry the source's look after an
``@`` (``title@size=22,color=FF0000,align=center,bold<TAB>…``: size in points, colour as
RRGGBB, align left/center/right/justify, bold a flag); ``#`` lines are comments (source,
format, where a long document was cut). The text keeps every character after the first tab.

Also here, so the unit tests and ``bench/bench_role_accuracy.py`` share them: the call of
the core classifier with the looks when it takes them, a .docx built from a labelled file
with the looks as direct formatting (for the CLI and Writer paths), and per-role counts.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # run as a script: this checkout's core, not an installed one
    import sys

    sys.path.insert(0, str(ROOT / "pythonpath"))

from gongwen.spec import Align, Role  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "labelled"
REALCORPUS = ROOT / "tests" / "data" / "realcorpus"
PARTS = ("tune", "heldout")

_ALIGNS = (Align.LEFT, Align.CENTER, Align.RIGHT, Align.JUSTIFY)
_COLOUR = re.compile(r"^[0-9A-Fa-f]{6}$")


class Look(NamedTuple):
    """How the source sets a paragraph; None where it does not say."""

    size_pt: Optional[float] = None
    color_rgb: Optional[int] = None
    align: Optional[str] = None
    bold: Optional[bool] = None


NO_LOOK = Look()


class Paragraph(NamedTuple):
    role: str
    text: str
    look: Look = NO_LOOK


class LabelError(ValueError):
    """A line of a labelled file that is not ``role[@look]<TAB>text``."""


def parse_look(spec: str) -> Look:
    """``size=22,color=FF0000,align=center,bold`` → :class:`Look` (empty → NO_LOOK)."""
    values: Dict[str, object] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        key, _, value = item.partition("=")
        if key == "bold" and not value:
            values["bold"] = True
        elif key == "size" and re.match(r"^\d+(?:\.\d+)?$", value):
            values["size_pt"] = float(value)
        elif key == "color" and _COLOUR.match(value):
            values["color_rgb"] = int(value, 16)
        elif key == "align" and value in _ALIGNS:
            values["align"] = value
        else:
            raise LabelError(f"unknown look {item!r}")
    return Look(**values)


def format_look(look: Look) -> str:
    """The inverse of :func:`parse_look` ('' for no look)."""
    parts = []
    if look.size_pt is not None:
        parts.append(f"size={look.size_pt:g}")
    if look.color_rgb is not None:
        parts.append(f"color={look.color_rgb:06X}")
    if look.align:
        parts.append(f"align={look.align}")
    if look.bold:
        parts.append("bold")
    return ",".join(parts)


def parse_line(line: str) -> Paragraph:
    head, tab, text = line.partition("\t")
    role, _, look = head.partition("@")
    if not tab or role not in Role.ALL:
        raise LabelError(f"bad line {line!r}")
    return Paragraph(role, text, parse_look(look))


def read_labelled(path: Path) -> List[Paragraph]:
    """The paragraphs of one labelled file, comments and empty lines skipped."""
    result = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        try:
            result.append(parse_line(line))
        except LabelError as error:
            raise LabelError(f"{path.name}:{number}: {error}") from None
    return result


def comments(path: Path) -> Dict[str, str]:
    """The ``# key: value`` comments of a labelled file (``source``, ``format``, …)."""
    found: Dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        match = re.match(r"^#\s*(\w+):\s*(.*)$", line)
        if match and match.group(1) not in found:
            found[match.group(1)] = match.group(2)
    return found


def source_format(path: Path) -> str:
    """The first word of the ``# format:`` comment (``html``, ``txt``, ``web`` …)."""
    words = comments(path).get("format", "").split()
    return words[0] if words else "unknown"


def corpus(part: str) -> List[Path]:
    """The labelled files of one part of the real corpus (``tune`` or ``heldout``)."""
    return sorted((REALCORPUS / part).glob("*.txt"))


# --- the core classifier, with the looks where it takes them ---------------------------------

def takes_looks() -> bool:
    from gongwen import roles

    return "looks" in inspect.signature(roles.classify).parameters


def core_looks(paragraphs: Sequence[Paragraph]) -> Optional[list]:
    """The looks in the core's own type (``roles.ParagraphLook``), None if it has none."""
    from gongwen import roles

    kind = getattr(roles, "ParagraphLook", None)
    if kind is None or not takes_looks():
        return None
    fields = getattr(kind, "_fields", ())
    return [None if p.look == NO_LOOK else
            kind(**{name: getattr(p.look, name) for name in Look._fields if name in fields})
            for p in paragraphs]


def classify(paragraphs: Sequence[Paragraph], use_looks: bool = True) -> List[str]:
    """The core's roles for the texts, given the looks when it accepts them."""
    from gongwen import roles

    texts = [p.text for p in paragraphs]
    looks = core_looks(paragraphs) if use_looks else None
    if looks is None:
        return roles.classify(texts)
    return roles.classify(texts, looks=looks)


# --- a .docx with the looks as direct formatting -------------------------------------------

_WD_ALIGN = {Align.LEFT: 0, Align.CENTER: 1, Align.RIGHT: 2, Align.JUSTIFY: 3}


def build_docx(paragraphs: Sequence[Paragraph], path: Path) -> Path:
    """A plain Word file: one paragraph per labelled paragraph, its look set directly on
    the paragraph (alignment) and its run (size, colour, bold), nothing else styled."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    body = document.element.body
    for element in list(body):
        if element.tag.endswith("}p"):
            body.remove(element)
    for paragraph in paragraphs:
        p = document.add_paragraph()
        look = paragraph.look
        if look.align:
            p.alignment = WD_ALIGN_PARAGRAPH(_WD_ALIGN[look.align])
        if not paragraph.text:
            continue
        run = p.add_run(paragraph.text)
        if look.size_pt is not None:
            run.font.size = Pt(look.size_pt)
        if look.color_rgb is not None:
            run.font.color.rgb = RGBColor.from_string(f"{look.color_rgb:06X}")
        if look.bold:
            run.font.bold = True
    document.save(str(path))
    return path


# --- results ---------------------------------------------------------------------------------

class Result(NamedTuple):
    """One labelled paragraph's outcome: ``got`` is None when the path lost it."""

    name: str
    text: str
    expected: str
    got: Optional[str]

    @property
    def right(self) -> bool:
        return self.expected == self.got


def per_role(results: Sequence[Result]) -> Dict[str, Tuple[int, int]]:
    """role → (right, labelled), in :data:`Role.ALL` order, roles without paragraphs left out."""
    total = Counter(r.expected for r in results)
    right = Counter(r.expected for r in results if r.right)
    return {role: (right[role], total[role]) for role in Role.ALL if total[role]}


def accuracy(results: Sequence[Result]) -> float:
    """Percent of labelled paragraphs right (100 for none)."""
    return 100.0 * sum(r.right for r in results) / len(results) if results else 100.0


def report(results: Sequence[Result], misses: bool = True) -> str:
    """Per-role right/labelled, then every miss."""
    lines = [f"{role:>16}: {right}/{total}" for role, (right, total) in per_role(results).items()]
    if misses:
        lines += [f"{r.name}: {r.text!r} expected {r.expected}, got {r.got}"
                  for r in results if not r.right]
    return "\n".join(lines)


def core_results(paths: Sequence[Path], use_looks: bool = True,
                 skip_blank: bool = True) -> List[Result]:
    """Every labelled paragraph of ``paths`` against the core classifier."""
    results = []
    for path in paths:
        paragraphs = read_labelled(path)
        for paragraph, got in zip(paragraphs, classify(paragraphs, use_looks)):
            if skip_blank and paragraph.role == Role.BLANK:
                continue
            results.append(Result(path.name, paragraph.text, paragraph.role, got))
    return results


# --- matching a formatted file's paragraphs back to the labelled ones ------------------------

# Formatting may retype punctuation (规范写法), spaces and list labels: match on the rest.
_FOLD = str.maketrans("（）：，；！？［］〔〕【】", "():,;!?[][][]")
_DROP = re.compile(r"[\s\u3000]+")


def match_key(text: str) -> str:
    return _DROP.sub("", text).translate(_FOLD).lower()


def align(labelled: Sequence[str], formatted: Sequence[str]) -> List[Optional[int]]:
    """For each labelled text, the index of the formatted paragraph that carries it (None:
    not found). Blank paragraphs on either side are not matched."""
    import difflib

    left = [i for i, text in enumerate(labelled) if text.strip()]
    right = [j for j, text in enumerate(formatted) if text.strip()]
    keys_left = [match_key(labelled[i]) for i in left]
    keys_right = [match_key(formatted[j]) for j in right]
    found: List[Optional[int]] = [None] * len(labelled)
    matcher = difflib.SequenceMatcher(None, keys_left, keys_right, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            for offset in range(a1 - a0):
                found[left[a0 + offset]] = right[b0 + offset]
        elif tag == "replace":
            for a in range(a0, a1):
                best = max(range(b0, b1), key=lambda b: difflib.SequenceMatcher(
                    None, keys_left[a], keys_right[b]).ratio())
                if difflib.SequenceMatcher(None, keys_left[a], keys_right[best]).ratio() > 0.6:
                    found[left[a]] = right[best]
    return found


def style_results(name: str, paragraphs: Sequence[Paragraph], styled: Sequence[Tuple[str, str]],
                  skip_blank: bool = True) -> List[Result]:
    """The roles a formatter gave, read from its paragraph styles: ``styled`` is the
    formatted file's (text, paragraph style name) in order. A paragraph is right when it
    carries the style of its labelled role (roles that share a style cannot be told apart:
    ``blank`` and ``body``, ``signature_date`` and ``signature``)."""
    from gongwen.spec import PARAGRAPH_STYLES

    by_style: Dict[str, str] = {}
    for role in Role.ALL:
        if role in PARAGRAPH_STYLES:
            by_style.setdefault(PARAGRAPH_STYLES[role].name, role)
    where = align([p.text for p in paragraphs], [text for text, _ in styled])
    results = []
    for paragraph, index in zip(paragraphs, where):
        if skip_blank and paragraph.role == Role.BLANK:
            continue
        got: Optional[str] = None
        if index is not None:
            style = styled[index][1]
            expected_style = PARAGRAPH_STYLES[paragraph.role].name \
                if paragraph.role in PARAGRAPH_STYLES else None
            got = paragraph.role if style == expected_style else by_style.get(style, f"[{style}]")
        results.append(Result(name, paragraph.text, paragraph.role, got))
    return results


def main(argv: Sequence[str]) -> int:
    """``python tools/labelled.py LABELLED.txt OUT.docx``: the builder by hand (to open a
    labelled file in Writer or run it through the CLI)."""
    if len(argv) != 2:
        print("usage: python tools/labelled.py LABELLED.txt OUT.docx")
        return 2
    build_docx(read_labelled(Path(argv[0])), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
