"""Text inside a paragraph's runs, for the .docx renderer (:mod:`gongwen.ooxml.docxrender`):
the plan's 规范写法 rewrites made inside the runs (each run keeps its formatting), the
ranges fields show, run boundaries, and the character styles and fonts the plan puts on
parts of a paragraph."""

from __future__ import annotations

import copy
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from docx.oxml.ns import qn
from lxml import etree

from gongwen import layout, normalize, punctuation
from gongwen.ooxml import docxlayout, docxrevisions, docxtext
from gongwen.ooxml.docxrevisions import Revision
from gongwen.ooxml.docxtext import paragraph_text

# --- 规范写法: text rewrites inside the runs ------------------------------------------------

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class _Piece(NamedTuple):
    """What one stretch of :func:`paragraph_text` comes from: a ``w:t`` and its text, or an
    element that stands for one character (``w:tab`` → ``\\t``, ``w:br`` → ``\\n`` …)."""

    node: etree._Element
    text: str


def _pieces(element: etree._Element, into: List[_Piece]) -> List[_Piece]:
    """The paragraph's text pieces in order, by the rules of docxtext.paragraph_text (text
    boxes are paragraphs of their own and are skipped); the caller checks they agree."""
    for child in element:
        tag = child.tag
        if tag == docxtext._T:
            into.append(_Piece(child, child.text or ""))
        elif tag in docxtext._CHARACTERS:
            into.append(_Piece(child, docxtext._CHARACTERS[tag]))
        elif tag == docxtext._BR:
            into.append(_Piece(child, "\n" if child.get(qn("w:type")) in docxtext._LINE_BREAKS
                               else "\f"))
        elif tag == docxtext._TXBX_CONTENT or tag in docxtext._SKIP or not isinstance(tag, str):
            continue
        elif len(child):
            _pieces(child, into)
    return into


class _RunEdit(NamedTuple):
    """Within one piece: replace ``text[start:end]`` with ``replacement``; a one-character
    element (a typed tab) that is replaced by nothing is removed."""

    piece: _Piece
    start: int
    end: int
    replacement: str
    kind: str = ""  # the normalize.Edit's: a 规范写法 kind is a revision when tracked


def plan_run_edits(p: etree._Element, text: str,
                   edits: Sequence[normalize.Edit]) -> Optional[List[_RunEdit]]:
    """How to make ``edits`` (offsets into ``text``, the paragraph's text) inside the runs,
    last first; None when the runs cannot take them (then the paragraph is left as it is).

    The replacement goes into the ``w:t`` where the old text starts, so it keeps that run's
    formatting; the other runs keep theirs.
    """
    pieces = _pieces(p, [])
    if "".join(piece.text for piece in pieces) != text:
        return None
    starts, offset = [], 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece.text)
    plan: List[_RunEdit] = []
    for edit in sorted(edits, key=lambda edit: edit.start, reverse=True):
        touched = [(piece, start) for piece, start in zip(pieces, starts)
                   if start < edit.end and start + len(piece.text) > edit.start]
        if not touched:
            return None
        first = touched[0][0]
        if edit.replacement and first.node.tag != docxtext._T:
            return None
        for number, (piece, start) in enumerate(reversed(touched)):
            replacement = edit.replacement if number == len(touched) - 1 else ""
            plan.append(_RunEdit(piece, max(edit.start - start, 0),
                                 min(edit.end - start, len(piece.text)), replacement,
                                 edit.kind))
    return plan


def apply_run_edits(plan: Sequence[_RunEdit], revision: Optional[Revision] = None) -> None:
    """Carries out :func:`plan_run_edits`' plan (in its order: last range first); with a
    ``revision``, each 规范写法 edit as Word revisions (:mod:`docxrevisions`)."""
    for run_edit in plan:
        node = run_edit.piece.node
        if revision is not None and run_edit.kind in normalize.KINDS \
                and docxrevisions.can_track(node):
            docxrevisions.replace(node, run_edit.start, run_edit.end, run_edit.replacement,
                                  revision)
            continue
        old = (node.text or "") if node.tag == docxtext._T else run_edit.piece.text
        new = old[:run_edit.start] + run_edit.replacement + old[run_edit.end:]
        if new:
            node.text = new
            if new != new.strip(" \t\r\n"):  # XML would drop those spaces
                node.set(_XML_SPACE, "preserve")
        else:  # all of a w:t, or a typed tab: gone, and the run too if nothing is left
            _remove_with_empty_run(node)


def _remove_with_empty_run(node: etree._Element) -> None:
    run = node.getparent()
    run.remove(node)
    if run.tag == qn("w:r") and all(child.tag == qn("w:rPr") for child in run):
        run.getparent().remove(run)


class _Rewrite(NamedTuple):
    text: str  # the paragraph's text once rewritten
    plan: List[_RunEdit]
    kinds: List[str]


def plan_rewrites(paragraphs: Sequence[etree._Element], texts: Sequence[str],
                  planned: Sequence[layout.ParagraphPlan]) -> Dict[etree._Element, _Rewrite]:
    """The plan's 规范写法 edits of every body paragraph whose runs can take them; a
    punctuation edit inside a field's result is left out (the field would show it only
    until it is updated, and a field's text is the field's)."""
    rewrites: Dict[etree._Element, _Rewrite] = {}
    for p, text, paragraph in zip(paragraphs, texts, planned):
        edits, shown = list(paragraph.edits), paragraph.text
        if any(edit.kind == normalize.PUNCTUATION for edit in edits):
            fields = field_ranges(p)
            kept = [edit for edit in edits if edit.kind != normalize.PUNCTUATION
                    or not any(edit.start < end and start < edit.end for start, end in fields)]
            if len(kept) != len(edits):
                edits, shown = kept, normalize.apply_edits(text, kept)
        run_plan = plan_run_edits(p, text, edits) if edits else None
        if run_plan is not None:
            rewrites[p] = _Rewrite(shown, run_plan, [edit.kind for edit in edits])
    return rewrites


def field_ranges(p: etree._Element) -> List[Tuple[int, int]]:
    """(start, end) of the paragraph's text that fields show (complex fields between their
    w:fldChar begin and end, w:fldSimple), in :func:`paragraph_text` offsets."""
    inside = set()
    depth = 0
    for element in p.iter(qn("w:fldChar"), qn("w:t")):
        if element.tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            depth = depth + 1 if kind == "begin" else max(depth - 1, 0) if kind == "end" \
                else depth
        elif depth or any(a.tag == qn("w:fldSimple") for a in element.iterancestors()):
            inside.add(element)
    ranges, position = [], 0
    for piece in _pieces(p, []):
        if piece.node in inside:
            ranges.append((position, position + len(piece.text)))
        position += len(piece.text)
    return ranges


# --- character styles on parts of a paragraph (run-in headings) ------------------------------

def _run_boundary(p: etree._Element, offset: int) -> None:
    """Makes ``offset`` (into the paragraph's text) fall between two runs, splitting a
    ``w:t`` and its run there; the new run carries a copy of the run's properties."""
    position = 0
    target: Optional[etree._Element] = None
    for piece in _pieces(p, []):
        length = len(piece.text)
        if position == offset:
            target = piece.node
            break
        if position < offset < position + length:  # inside a w:t
            node = piece.node
            cut = offset - position
            rest = copy.deepcopy(node)
            node.text, rest.text = piece.text[:cut], piece.text[cut:]
            for t in (node, rest):
                t.set(_XML_SPACE, "preserve")
            node.addnext(rest)
            target = rest
            break
        position += length
    if target is None:
        return
    run = target.getparent()
    if run.tag != qn("w:r"):
        return
    moving = [target] + list(target.itersiblings())
    if all(child.tag == qn("w:rPr") for child in run if child not in moving):
        return  # already the run's first content
    new_run = etree.Element(qn("w:r"))
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        new_run.append(copy.deepcopy(rpr))
    for child in moving:
        new_run.append(child)
    run.addnext(new_run)


def apply_spans(p: etree._Element, paragraph: layout.ParagraphPlan) -> bool:
    """The plan's character styles (``w:rStyle``) on their ranges, runs split at the
    offsets; False, changing nothing, when the paragraph's text is not the plan's."""
    if not paragraph.spans or paragraph_text(p) != paragraph.text:
        return False
    for span in paragraph.spans:
        _run_boundary(p, span.end)
        _run_boundary(p, span.start)
        position = 0
        for piece in _pieces(p, []):
            length = len(piece.text)
            run = piece.node.getparent()
            if length and span.start <= position and position + length <= span.end \
                    and run.tag == qn("w:r"):
                _set_run_style(run, docxlayout.char_style_id(span.style))
            position += length
    return True


def _set_run_style(run: etree._Element, sid: str) -> None:
    rpr = run_rpr(run)
    style = rpr.find(qn("w:rStyle"))
    if style is None:
        style = etree.Element(qn("w:rStyle"))
        rpr.insert(0, style)
    style.set(qn("w:val"), sid)


def mark_fonts(p: etree._Element, paragraph: layout.ParagraphPlan,
                plan: layout.LayoutPlan) -> None:
    """Quotes, dashes and ellipses after Latin text (:func:`gongwen.punctuation.
    western_side_marks`) in a run of their own whose Latin font is the paragraph style's
    CJK font: Word keeps them in the CJK font by the hint already, Writer (which ignores
    it) by this, as its own Format does."""
    marks = set(punctuation.western_side_marks(paragraph.text))
    if not marks or paragraph_text(p) != paragraph.text:
        return
    font = plan.styles[paragraph.style].east_asian_font
    for at in sorted(marks, reverse=True):
        _run_boundary(p, at + 1)
        _run_boundary(p, at)
    position = 0
    for piece in _pieces(p, []):
        run = piece.node.getparent()
        if position in marks and len(piece.text) == 1 and run.tag == qn("w:r"):
            fonts = run_fonts(run)
            fonts.set(qn("w:ascii"), font)
            fonts.set(qn("w:hAnsi"), font)
            fonts.set(qn("w:hint"), "eastAsia")
        position += len(piece.text)


def run_rpr(run: etree._Element) -> etree._Element:
    """The run's ``w:rPr``, made as its first child when it has none."""
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.Element(qn("w:rPr"))
        run.insert(0, rpr)
    return rpr


def run_fonts(run: etree._Element) -> etree._Element:
    """The run's ``w:rFonts``, made where CT_RPr's schema order puts it (after rStyle, else
    first) when it has none."""
    rpr = run_rpr(run)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.Element(qn("w:rFonts"))
        style = rpr.find(qn("w:rStyle"))
        if style is not None:
            style.addnext(fonts)
        else:
            rpr.insert(0, fonts)
    return fonts
