"""``python -m gongwen format``: GB/T 9704 公文 layout for .docx files, without Writer.

The same core as the Writer button: :func:`gongwen.roles.classify` decides each body
paragraph's role, :mod:`gongwen.spec` (through :mod:`gongwen.batch.docxlayout`) decides
what that role looks like, and :mod:`gongwen.placement` where the 署名 and 成文日期 go
(§7.3.5.2, measured on the text as it will read). Formatting never changes text unless
``--normalize`` asks for 规范写法 (:mod:`gongwen.normalize`, the same rules as Writer's
``?normalize=``; the older ``--normalize-dates`` means ``--normalize dates``);
:func:`format_document` checks, before anything is written, that the text after
formatting is exactly the text before with those rewrites made, nothing more.
Inputs are opened by :func:`gongwen.batch.docxtext.open_document` and paragraphs read by
:func:`gongwen.batch.docxtext.paragraph_text`, as ``check`` does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from docx.oxml.ns import qn
from lxml import etree

from gongwen import normalize, placement, roles, spec
from gongwen.batch import InputError, docxlayout, docxtext, numbering, one_line, say
from gongwen.batch.docxtext import open_document, paragraph_text
from gongwen.normalize import Normalization
from gongwen.spec import Role

EXIT_OK = 0
EXIT_FAILED = 2
# More inputs than this get a "[i/n]" progress prefix on their per-file line.
PROGRESS_THRESHOLD = 3

HELP_EPILOG = """\
output (exactly one):
  -o OUT.docx     one input only; OUT must not be the input (use --in-place) and must
                  not exist (unless --force)
  --out-dir DIR   writes DIR/<input name>.docx for each input (DIR is created); an
                  existing file there is refused unless --force
  --in-place      first copies IN.docx to IN.docx.bak (an existing .bak, the oldest
                  backup, is kept), then replaces IN.docx atomically
Every output is written to a temporary file in its folder and renamed into place.

--json prints one JSON array on stdout, one object per input, in input order:
  {"path": input, "output": written file or null, "status": "ok" | "error",
   "roles": {role: paragraph count}, "error": one-line reason or null,
   "normalized": {kind: paragraphs rewritten} for each --normalize kind asked ({} if none)}

--normalize KINDS rewrites text (off by default: formatting never changes text):
  dates       成文日期 as 2021年12月31日 (also --normalize-dates)
  numbering   heading numbers as 一、 （一） 1. （1） (一. (一) 1、 1． (1) are recognised)
  spaces      spaces, U+3000, NBSP and tabs typed at the start of a paragraph
  all         all three; KINDS is one of these or a comma list (dates,spaces)

Exit status: 0 when every file was formatted, 2 when any failed (the others are still
written) or the arguments are wrong. A failed file gets one line on stderr:
  gongwen format: PATH: reason
"""


class FormatError(Exception):
    """Formatting refused (it would change the text); the message is the one-line reason.

    An input that is not a readable .docx raises :class:`gongwen.batch.InputError` instead.
    """


# --- text (what must not change) -------------------------------------------------------

_TEXT_PARTS = ("document", "header", "footer", "footnotes", "endnotes", "comments")


def _part_root(part) -> Optional[etree._Element]:
    element = getattr(part, "_element", None)
    if element is not None:
        return element
    try:
        return etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return None


def _is_text_part(partname: str) -> bool:
    name = partname.rsplit("/", 1)[-1]
    return partname.startswith("/word/") and name.endswith(".xml") and \
        any(name.startswith(prefix) for prefix in _TEXT_PARTS)


def document_text(document, expected: Optional[Mapping[etree._Element, str]] = None
                  ) -> Dict[str, str]:
    """{part name: its text}, for every part that holds document text.

    Text is :func:`paragraph_text` of every paragraph (text boxes' too, and both copies
    of a text box Word writes twice) in document order, a newline per paragraph.
    Footer paragraphs that only show a page number are left out: the formatter
    replaces them (they are layout, and their cached number is not the user's text).
    ``expected`` gives some paragraphs another text: the one they are meant to have
    after the rewrites the user asked for.
    """
    expected = expected or {}
    texts = {}
    for part in document.part.package.iter_parts():
        partname = str(part.partname)
        if not _is_text_part(partname):
            continue
        root = _part_root(part)
        if root is None:
            continue
        skip_numbers = "/footer" in partname
        texts[partname] = "\n".join(
            expected[p] if p in expected else paragraph_text(p) for p in root.iter(qn("w:p"))
            if not (skip_numbers and docxlayout.is_page_number_paragraph(p)))
    return texts


def _owner_paragraph(element: etree._Element) -> Optional[etree._Element]:
    """The paragraph an element belongs to: a text box's own, not the one anchoring it."""
    return next(element.iterancestors(qn("w:p")), None)


# --- formatting ------------------------------------------------------------------------

# Direct paragraph properties that fight the role's style (alignment, indents, spacing,
# grid, pagination); numbering, borders, shading, tabs, frames and section breaks stay.
_PPR_REMOVE = {qn("w:" + name) for name in (
    "keepNext", "keepLines", "widowControl", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "jc", "textAlignment", "adjustRightInd", "wordWrap", "kinsoku",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "outlineLvl")}
# Direct run properties that fight it: fonts, sizes, character spacing and scaling.
_RPR_REMOVE = {qn("w:" + name) for name in (
    "rFonts", "sz", "szCs", "spacing", "w", "kern", "position", "fitText", "snapToGrid")}
# Emphasis is kept when it marks part of a sentence, removed when it covers the whole
# paragraph (then it is the paragraph's look, which the style decides).
_EMPHASIS = [(qn("w:b"), qn("w:bCs")), (qn("w:i"), qn("w:iCs"))]
_OBJECT_TAGS = (qn("w:drawing"), qn("w:pict"), qn("w:object"))


@dataclass
class FormatResult:
    roles: Dict[str, int] = field(default_factory=dict)
    # paragraphs rewritten, for each kind of 规范写法 asked for (zeros too); {} if none
    normalized: Dict[str, int] = field(default_factory=dict)


def _runs(p: etree._Element) -> Iterator[etree._Element]:
    for run in p.iter(qn("w:r")):
        if _owner_paragraph(run) is p:
            yield run


def _is_on(element: Optional[etree._Element]) -> bool:
    if element is None:
        return False
    return element.get(qn("w:val"), "true") not in ("0", "false", "off")


def _clean_rpr(rpr: Optional[etree._Element], remove_emphasis: Sequence[str] = ()) -> None:
    if rpr is None:
        return
    for child in list(rpr):
        if child.tag in _RPR_REMOVE or child.tag in remove_emphasis:
            rpr.remove(child)


def _clean_paragraph(p: etree._Element, keep_layout: bool) -> None:
    """Remove direct formatting that fights the paragraph style."""
    ppr = p.find(qn("w:pPr"))
    if ppr is not None and not keep_layout:
        for child in list(ppr):
            if child.tag in _PPR_REMOVE:
                ppr.remove(child)
    text_runs = [r for r in _runs(p) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    remove = []
    for tags in _EMPHASIS:
        if text_runs and all(_is_on(_rpr_child(r, tags[0])) for r in text_runs):
            remove.extend(tags)
    for run in _runs(p):
        _clean_rpr(run.find(qn("w:rPr")), remove)
    if ppr is not None:
        _clean_rpr(ppr.find(qn("w:rPr")), remove)


def _rpr_child(run: etree._Element, tag: str) -> Optional[etree._Element]:
    rpr = run.find(qn("w:rPr"))
    return rpr.find(tag) if rpr is not None else None


def _set_style(p: etree._Element, sid: str) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.SubElement(p, qn("w:pPr"))
        p.insert(0, ppr)
    pstyle = ppr.find(qn("w:pStyle"))
    if pstyle is None:
        pstyle = etree.SubElement(ppr, qn("w:pStyle"))
        ppr.insert(0, pstyle)
    pstyle.set(qn("w:val"), sid)


def _body_blocks(container: etree._Element) -> Iterator[etree._Element]:
    """Body-level paragraphs and tables in order, looking inside content controls."""
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content)
        elif child.tag in (qn("w:customXml"), qn("w:ins"), qn("w:moveTo")):
            yield from _body_blocks(child)


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
                                 min(edit.end - start, len(piece.text)), replacement))
    return plan


def apply_run_edits(plan: Sequence[_RunEdit]) -> None:
    """Carries out :func:`plan_run_edits`' plan (in its order: last range first)."""
    for run_edit in plan:
        node = run_edit.piece.node
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
                  paragraph_roles: Sequence[str], options: Normalization
                  ) -> Dict[etree._Element, _Rewrite]:
    """The 规范写法 of every body paragraph that needs one and whose runs can take it."""
    rewrites: Dict[etree._Element, _Rewrite] = {}
    if not options.any:
        return rewrites
    for p, text, role in zip(paragraphs, texts, paragraph_roles):
        edits = normalize.edits(text, role, options)
        plan = plan_run_edits(p, text, edits) if edits else None
        if plan is not None:
            rewrites[p] = _Rewrite(normalize.apply_edits(text, edits), plan,
                                   [edit.kind for edit in edits])
    return rewrites


def _fit_table(tbl: etree._Element) -> None:
    """Scale a body-level table to the type width: grid columns, cell widths, table width."""
    grid = tbl.find(qn("w:tblGrid"))
    cols = grid.findall(qn("w:gridCol")) if grid is not None else []
    widths = [int(c.get(qn("w:w"), "0") or 0) for c in cols]
    total = sum(widths)
    target = docxlayout.TYPE_WIDTH_TW
    if total > 0:
        scaled = [w * target // total for w in widths]
        scaled[-1] += target - sum(scaled)
        for col, width in zip(cols, scaled):
            col.set(qn("w:w"), str(width))
        factor = target / total
        for tcw in tbl.iter(qn("w:tcW")):
            if next(tcw.iterancestors(qn("w:tbl"))) is tbl and tcw.get(qn("w:type")) == "dxa":
                tcw.set(qn("w:w"), str(int(round(int(tcw.get(qn("w:w"), "0")) * factor))))
    tbl_pr = tbl.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = etree.Element(qn("w:tblPr"))
        tbl.insert(0, tbl_pr)
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = etree.Element(qn("w:tblW"))
        # CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize,
        # tblStyleColBandSize, tblW, ...
        anchor = None
        for name in ("tblStyleColBandSize", "tblStyleRowBandSize", "bidiVisual", "tblOverlap",
                     "tblpPr", "tblStyle"):
            anchor = tbl_pr.find(qn("w:" + name))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addnext(tbl_w)
        else:
            tbl_pr.insert(0, tbl_w)
    tbl_w.attrib.clear()
    tbl_w.set(qn("w:w"), str(target))
    tbl_w.set(qn("w:type"), "dxa")
    ind = tbl_pr.find(qn("w:tblInd"))
    if ind is not None:
        tbl_pr.remove(ind)


def _format_table(tbl: etree._Element) -> None:
    """Table text in 仿宋 (the table style); alignment inside cells is the author's."""
    for p in tbl.iter(qn("w:p")):
        if _owner_paragraph_in_table(p) is None:
            continue
        _set_style(p, docxlayout.TABLE_STYLE_ID)
        for run in _runs(p):
            _clean_rpr(run.find(qn("w:rPr")))
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            _clean_rpr(ppr.find(qn("w:rPr")))


def _owner_paragraph_in_table(p: etree._Element) -> Optional[etree._Element]:
    """The cell holding ``p`` unless ``p`` sits in a text box (w:txbxContent)."""
    for ancestor in p.iterancestors():
        if ancestor.tag == qn("w:txbxContent"):
            return None
        if ancestor.tag == qn("w:tc"):
            return ancestor
    return None


def format_document(document, normalize_dates: bool = False,
                    options: Normalization = normalize.NONE) -> FormatResult:
    """Apply the 公文 layout to a python-docx Document in memory; return the role counts
    and how many paragraphs each 规范写法 in ``options`` rewrote.

    Raises FormatError (and leaves nothing half-done on disk) if the text would change in
    any other way than those rewrites.
    """
    if normalize_dates:
        options = options.union(Normalization(dates=True))
    labelled = document_text(document, numbering.labelled_texts(document))
    numbering.materialize_labels(document)  # list labels become typed text
    lost = text_changes(labelled, document_text(document))
    if lost:
        raise FormatError(say("cli_format_text_changed", parts=", ".join(lost)))
    body = document.element.body
    blocks = list(_body_blocks(body))
    paragraphs = [b for b in blocks if b.tag == qn("w:p")]
    texts = [paragraph_text(p) for p in paragraphs]
    paragraph_roles = roles.classify(texts)
    rewrites = plan_rewrites(paragraphs, texts, paragraph_roles, options)
    # What the text must be at the end: as it is, but for the rewrites asked for.
    expected = document_text(document, {p: rewrite.text for p, rewrite in rewrites.items()})
    normalized = Counter()
    for rewrite in rewrites.values():
        apply_run_edits(rewrite.plan)
        normalized.update(rewrite.kinds)

    docxlayout.apply_layout(document)
    for index, (p, role) in enumerate(zip(paragraphs, paragraph_roles)):
        has_object = any(True for _ in p.iter(*_OBJECT_TAGS))
        _set_style(p, docxlayout.style_id(role))
        _clean_paragraph(p, keep_layout=role == Role.BLANK and has_object)
        _respect_typed_blank_lines(p, paragraph_roles, index)
    # Measured on the text as it will read: a rewritten date has another width.
    shown = [rewrites[p].text if p in rewrites else text for p, text in zip(paragraphs, texts)]
    place_signature_and_date(paragraphs, shown, paragraph_roles)
    for block in blocks:
        if block.tag == qn("w:tbl"):
            _fit_table(block)
            _format_table(block)

    changed = text_changes(expected, document_text(document))
    if changed:
        raise FormatError(say("cli_format_text_changed", parts=", ".join(changed)))
    return FormatResult(dict(Counter(paragraph_roles)),
                        {kind: normalized[kind] for kind in options.kinds})


# CT_PPrBase's children in schema order (Word refuses a w:pPr whose children are out of it).
_PPR_ORDER = [qn("w:" + name) for name in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange")]


def _respect_typed_blank_lines(p: etree._Element, paragraph_roles: Sequence[str],
                               index: int) -> None:
    """What the Writer button does with an empty line the author typed (writer/format.py):
    where the style adds a blank line (space before the 署名 or 附件说明, after the title)
    and one is typed already, the style's is dropped; a typed empty line inside the 落款
    chain (结束语 … 署名 … 日期) keeps with the next paragraph, so the chain stays whole."""
    role = paragraph_roles[index]
    style = spec.PARAGRAPH_STYLES[role]
    spacing: Dict[str, str] = {}
    if style.space_before_lines and index > 0 and paragraph_roles[index - 1] == Role.BLANK:
        spacing.update(before="0", beforeLines="0")
    if style.space_after_lines and index + 1 < len(paragraph_roles) \
            and paragraph_roles[index + 1] == Role.BLANK:
        spacing.update(after="0", afterLines="0")
    if spacing:
        _set_ppr_child(p, "spacing", spacing)
    if role == Role.BLANK and placement.blank_inside_kept_chain(paragraph_roles, index):
        _set_ppr_child(p, "keepNext", {})


def place_signature_and_date(paragraphs: Sequence[etree._Element], texts: Sequence[str],
                             paragraph_roles: Sequence[str]) -> None:
    """The §7.3.5.2 right indents of 署名 and 成文日期 on each paragraph's w:ind, chosen by
    :func:`gongwen.placement.signature_and_date_indents` as the Writer button chooses them.

    ``w:rightChars`` (hundredths of a character) is what Word and WPS read: it supersedes
    ``w:right`` (ECMA-376 §17.3.1.12), and they set the text as the button does, without
    Asian/Western autospacing (the styles say so). ``w:right`` (twips) is what Writer 7.4
    reads, ignoring rightChars (measured: a date with only rightChars="500" stayed at the
    style's two characters); it also ignores the styles' ``w:autoSpaceDE="0"`` and sets
    2021年12月31日 a character wider, so this length is measured with Writer's
    autospacing. Either way the date starts two characters right of the 署名.
    """
    size_pt = spec.PARAGRAPH_STYLES[Role.SIGNATURE].size_pt
    plain = placement.signature_and_date_indents(texts, paragraph_roles)
    in_writer = placement.signature_and_date_indents(
        texts, paragraph_roles, autospace=placement.WRITER_AUTOSPACE_CHARS)
    for index, chars in plain.items():
        _set_ppr_child(paragraphs[index], "ind", {
            "right": str(docxlayout.pt_to_twips(in_writer[index] * size_pt)),
            "rightChars": str(int(round(chars * 100))),
        })


def _set_ppr_child(p: etree._Element, name: str, attrs: Dict[str, str]) -> None:
    """Sets ``w:<name>`` with ``attrs`` in the paragraph's w:pPr, in schema order."""
    ppr = p.find(qn("w:pPr"))
    tag = qn("w:" + name)
    old = ppr.find(tag)
    if old is not None:
        ppr.remove(old)
    element = etree.Element(tag)
    for key, value in attrs.items():
        element.set(qn("w:" + key), value)
    rank = _PPR_ORDER.index(tag)
    later = [child for child in ppr
             if child.tag in _PPR_ORDER and _PPR_ORDER.index(child.tag) > rank]
    if later:
        later[0].addprevious(element)
    else:
        ppr.append(element)


def text_changes(before: Dict[str, str], after: Dict[str, str]) -> List[str]:
    """Parts whose text differs. A header/footer part the formatter added (for even
    pages) may be empty or a copy of an existing one: that adds no text of its own."""
    changed = []
    for name in sorted(set(before) | set(after)):
        if name in before:
            if before[name] != after.get(name):
                changed.append(name)
        elif after[name].strip() and after[name] not in before.values():
            changed.append(name)
    return changed


# --- writing ---------------------------------------------------------------------------

def atomic_save(document, target: Path, mode_from: Optional[Path] = None) -> None:
    """Save next to ``target`` under a temporary name, then rename over it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".~gongwen-", suffix=".docx.tmp",
                                         dir=str(target.parent))
    os.close(handle)
    temp = Path(temp_name)
    try:
        document.save(str(temp))
        if mode_from is not None and mode_from.exists():
            shutil.copymode(str(mode_from), str(temp))
        else:
            os.chmod(str(temp), 0o666 & ~_umask())
        os.replace(str(temp), str(target))
    finally:
        if temp.exists():
            temp.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def backup(path: Path) -> Path:
    """IN.docx.bak, written atomically; an existing backup (the oldest) is kept."""
    bak = path.with_name(path.name + ".bak")
    if bak.exists():
        return bak
    handle, temp_name = tempfile.mkstemp(prefix=".~gongwen-", suffix=".bak.tmp",
                                         dir=str(path.parent))
    os.close(handle)
    try:
        shutil.copy2(str(path), temp_name)
        os.replace(temp_name, str(bak))
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return bak


# --- command line ----------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = HELP_EPILOG
    parser.add_argument("inputs", nargs="+", metavar="IN.docx", help="files to format")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("-o", "--output", metavar="OUT.docx", help="output file (one input only)")
    mode.add_argument("--out-dir", metavar="DIR", help="write DIR/<name>.docx for each input")
    mode.add_argument("--in-place", action="store_true",
                      help="replace each input (after writing IN.docx.bak)")
    parser.add_argument("--force", action="store_true",
                        help="allow -o/--out-dir to replace an existing file (never the input)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON array of per-file results on stdout")
    parser.add_argument("--normalize", metavar="KINDS", action="append", default=[],
                        type=_normalization,
                        help="rewrite text: dates, numbering, spaces or all, or a comma list "
                             "(off: text never changes; see below)")
    parser.add_argument("--normalize-dates", action="store_true",
                        help="rewrite 成文日期 as 2021年12月31日 (= --normalize dates)")


def _normalization(value: str) -> Normalization:
    try:
        return Normalization.parse(value)
    except normalize.UnknownKind as unknown:
        raise argparse.ArgumentTypeError(say(
            "format_normalize_unknown", kind=unknown.kind,
            choices=", ".join(normalize.KINDS + (normalize.ALL,)))) from unknown


def normalization(args: argparse.Namespace) -> Normalization:
    """Every --normalize given, and --normalize-dates."""
    options = Normalization(dates=bool(getattr(args, "normalize_dates", False)))
    for more in getattr(args, "normalize", None) or ():
        options = options.union(more)
    return options


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def plan_outputs(args: argparse.Namespace) -> List[Tuple[Path, Optional[Path], Optional[str]]]:
    """(input, output, refusal) for every input, decided before anything is written."""
    inputs = [Path(name) for name in args.inputs]
    plans: List[Tuple[Path, Optional[Path], Optional[str]]] = []
    claimed: Dict[Path, Path] = {}
    for source in inputs:
        if args.in_place:
            plans.append((source, source, None))
            continue
        target = Path(args.output) if args.output else \
            Path(args.out_dir) / (source.stem + ".docx")
        refusal = None
        if _same_file(source, target):
            refusal = say("cli_format_output_is_input")
        elif target.resolve() in claimed:
            refusal = say("cli_format_output_twice", other=claimed[target.resolve()])
        elif target.exists() and not args.force:
            refusal = say("cli_format_output_exists", output=target)
        else:
            claimed[target.resolve()] = source
        plans.append((source, target, refusal))
    return plans


def format_file(source: Path, target: Path, in_place: bool,
                options: Normalization = normalize.NONE) -> FormatResult:
    document = open_document(source)
    result = format_document(document, options=options)
    if in_place:
        backup(source)
        atomic_save(document, source, mode_from=source)
    else:
        atomic_save(document, target)
    return result


def run(args: argparse.Namespace) -> int:
    if args.output and len(args.inputs) != 1:
        print("gongwen format: " + say("cli_format_output_one_input"), file=sys.stderr)
        return EXIT_FAILED
    plans = plan_outputs(args)
    options = normalization(args)
    results = []
    total = len(plans)
    for index, (source, target, refusal) in enumerate(plans, 1):
        entry = {"path": str(source), "output": None, "status": "error", "roles": {},
                 "error": refusal, "normalized": {}}
        if refusal is None:
            try:
                result = format_file(source, target, args.in_place, options)
                entry.update(output=str(target), status="ok", roles=result.roles,
                             normalized=result.normalized)
            except (InputError, FormatError) as error:
                entry["error"] = str(error)
            except OSError as error:  # writing the output or the backup
                entry["error"] = error.strerror or one_line(error)
        results.append(entry)
        _report(entry, index, total, args.json)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return EXIT_OK if all(r["status"] == "ok" for r in results) else EXIT_FAILED


def _report(entry: Dict, index: int, total: int, as_json: bool) -> None:
    if entry["status"] != "ok":
        print(f"gongwen format: {entry['path']}: {entry['error']}", file=sys.stderr)
        return
    prefix = f"[{index}/{total}] " if total > PROGRESS_THRESHOLD else ""
    line = f"{prefix}{entry['path']} -> {entry['output']}"
    # With --json, stdout is the JSON; the per-file lines go to stderr as progress.
    print(line, file=sys.stderr if as_json else sys.stdout, flush=True)
