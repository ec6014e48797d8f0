"""The .docx renderer: carries out :mod:`gongwen.layout`'s plan on a python-docx Document.

The core decides every paragraph's role, look and 规范写法 rewrite (the same plan the Writer
button carries out); this module only writes it as WordprocessingML, through
:mod:`gongwen.ooxml.docxlayout` for styles, page and footers. It never changes text beyond
the rewrites asked for: :func:`format_document` compares the text before and after and
raises :class:`FormatError` otherwise, before anything is written.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from typing import Collection, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from docx.oxml.ns import qn
from lxml import etree

from gongwen import formatwork, layout, normalize, spec
from gongwen.input_files import say
from gongwen.normalize import Normalization
from gongwen.ooxml import (
    docxfacts,
    docxlayout,
    docxpagenumbers,
    docxprops,
    docxrepair,
    docxrevisions,
    docxtext,
    docxwhole,
    numbering,
    units,
)
from gongwen.ooxml.docxrevisions import Revision
from gongwen.ooxml.docxruns import (
    apply_run_edits,
    apply_spans,
    mark_fonts,
    plan_rewrites,
    plan_run_edits,
    run_fonts,
)
from gongwen.ooxml.docxtext import paragraph_text
from gongwen.spec import Role


class FormatError(Exception):
    """Formatting refused (it would change the text); the message is the one-line reason.

    An input that is not a readable .docx raises :class:`gongwen.input_files.InputError` instead.
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


def document_text(document, expected: Optional[Mapping[etree._Element, str]] = None,
                  dropped: Collection[etree._Element] = ()) -> Dict[str, str]:
    """{part name: its text}, for every part that holds document text.

    Text is :func:`paragraph_text` of every paragraph (text boxes' too, and both copies
    of a text box Word writes twice) in document order, a newline per paragraph.
    Header and footer paragraphs that only show a page number, or nothing, are left out:
    the formatter replaces or drops them (they are layout, and a cached number is not the
    user's text).
    ``expected`` gives some paragraphs another text: the one they are meant to have
    after the rewrites the user asked for; ``dropped`` paragraphs are left out (the empty
    paragraphs 规范写法 ``blank-lines`` removes).
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
        skip_numbers = "/footer" in partname or "/header" in partname
        texts[partname] = "\n".join(
            expected[p] if p in expected else paragraph_text(p) for p in root.iter(qn("w:p"))
            if p not in dropped and not _removed_as_revision(p)
            and not (skip_numbers and _page_number_or_empty(p)))
    return texts


def _page_number_or_empty(p: etree._Element) -> bool:
    return docxpagenumbers.is_page_number_paragraph(p) or docxpagenumbers.is_empty_paragraph(p)


def _removed_as_revision(p: etree._Element) -> bool:
    """An empty paragraph whose mark is a deletion: gone once the revisions are accepted."""
    return docxrevisions.mark_deleted(p) and not paragraph_text(p)


def _owner_paragraph(element: etree._Element) -> Optional[etree._Element]:
    """The paragraph an element belongs to: a text box's own, not the one anchoring it."""
    return next(element.iterancestors(qn("w:p")), None)


# --- formatting ------------------------------------------------------------------------

# Direct paragraph properties that fight the role's style (alignment, indents, spacing,
# grid, pagination) and paragraph shading (a whole-paragraph look, as text copied off a web
# page carries it); numbering, borders, tabs, frames and section breaks stay.
_PPR_REMOVE = {qn("w:" + name) for name in (
    "keepNext", "keepLines", "widowControl", "snapToGrid", "spacing", "ind", "shd",
    "contextualSpacing", "jc", "textAlignment", "adjustRightInd", "wordWrap", "kinsoku",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "outlineLvl")}
# Direct run properties that fight it: fonts, sizes, character spacing and scaling.
_RPR_REMOVE = {qn("w:" + name) for name in (
    "rFonts", "sz", "szCs", "spacing", "w", "kern", "position", "fitText", "snapToGrid")}
_OBJECT_TAGS = (qn("w:drawing"), qn("w:pict"), qn("w:object"))


@dataclass
class FormatResult:
    roles: Dict[str, int] = field(default_factory=dict)
    # paragraphs rewritten, for each kind of 规范写法 asked for (zeros too); {} if none
    normalized: Dict[str, int] = field(default_factory=dict)
    # "header"/"footer" when the author's own text there was kept (gongwen.headfoot)
    kept: List[str] = field(default_factory=list)
    # the 版记 was planned on a page of its own (the CLI may measure and bring it up)
    record_page: bool = False


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


# Inherited looks (gongwen.layout.INHERITED_LOOKS) as run properties: removed where every
# text run of the paragraph carries one (the paragraph's look), kept on part of it.
# Bold and italic as emphasis: kept on part of a sentence, removed over the whole paragraph
# (then it is the paragraph's look, which the style decides), with their complex-script twins.
_LOOK_TAGS = {layout.BOLD: qn("w:b"), layout.ITALIC: qn("w:i"),
              layout.UNDERLINE: qn("w:u"), layout.COLOR: qn("w:color"),
              layout.HIGHLIGHT: qn("w:highlight"), layout.SHADING: qn("w:shd"),
              layout.CHAR_STYLE: qn("w:rStyle")}
assert tuple(_LOOK_TAGS) == layout.INHERITED_LOOKS  # one rule: every look the core names
_LOOK_ALSO = {qn("w:b"): (qn("w:bCs"),), qn("w:i"): (qn("w:iCs"),)}
_LOOK_OFF = {qn("w:u"): ("none",), qn("w:color"): ("auto",), qn("w:highlight"): ("none",)}


def _has_look(run: etree._Element, tag: str) -> bool:
    element = _rpr_child(run, tag)
    if element is None:
        return False
    if tag in _LOOK_ALSO:
        return _is_on(element)
    if tag == qn("w:shd"):
        return not (element.get(qn("w:val")) in (None, "clear", "nil")
                    and element.get(qn("w:fill")) in (None, "auto"))
    return element.get(qn("w:val")) not in _LOOK_OFF.get(tag, ())


def whole_paragraph_looks(text_runs: Sequence[etree._Element]) -> List[str]:
    """The inherited looks every text run carries (one character style, for that one;
    ours, the run-in headings', is not inherited)."""
    if not text_runs:
        return []
    found = []
    for look, tag in _LOOK_TAGS.items():
        if not all(_has_look(run, tag) for run in text_runs):
            continue
        if look == layout.CHAR_STYLE:
            values = {_rpr_child(run, tag).get(qn("w:val")) for run in text_runs}
            if len(values) != 1 or values & set(docxlayout.char_style_ids()):
                continue
        found.append(look)
    return found


def _clean_paragraph(p: etree._Element, keep_layout: bool) -> None:
    """Remove direct formatting that fights the paragraph style, and inherited looks."""
    ppr = p.find(qn("w:pPr"))
    if ppr is not None and not keep_layout:
        for child in list(ppr):
            if child.tag in _PPR_REMOVE:
                ppr.remove(child)
    text_runs = [r for r in _runs(p) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    unlinked = [run for run in text_runs if not docxtext.within(run, p, qn("w:hyperlink"))]
    looks = [tag for look in whole_paragraph_looks(unlinked)
             for tag in (_LOOK_TAGS[look],) + _LOOK_ALSO.get(_LOOK_TAGS[look], ())]
    for run in _runs(p):
        linked = docxtext.within(run, p, qn("w:hyperlink"))  # a real link keeps its look
        _clean_rpr(run.find(qn("w:rPr")), () if linked else looks)
    if ppr is not None:
        _clean_rpr(ppr.find(qn("w:rPr")), looks)


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
    _drop_numbering_off(ppr)


def _drop_numbering_off(ppr: etree._Element) -> None:
    """A ``w:numId`` 0 that only switched off the old style's numbering goes: the 公文
    styles number nothing, and Writer 7.4 drops the style's indents on a paragraph with
    numId 0: a Word ``1.`` list item laid out as 公文三级标题 lost its first-line indent of
    two characters in Writer (measured: x 79.5 pt, the button's 111.5 pt)."""
    for num_pr in ppr.findall(qn("w:numPr")):
        num_id = num_pr.find(qn("w:numId"))
        if len(num_pr) == 1 and num_id is not None and num_id.get(qn("w:val")) == "0":
            ppr.remove(num_pr)


def _fit_table(tbl: etree._Element, target: int) -> None:
    """Scale a body-level table to the type width (``target`` twips): grid columns, cell
    widths, table width."""
    grid = tbl.find(qn("w:tblGrid"))
    cols = grid.findall(qn("w:gridCol")) if grid is not None else []
    widths = [max(0, units.read_twips(c.get(qn("w:w")))) for c in cols]
    total = sum(widths)
    if total > 0:
        scaled = [w * target // total for w in widths]
        scaled[-1] += target - sum(scaled)
        for col, width in zip(cols, scaled):
            col.set(qn("w:w"), str(width))
        factor = target / total
        for tcw in tbl.iter(qn("w:tcW")):
            if next(tcw.iterancestors(qn("w:tbl"))) is tbl and tcw.get(qn("w:type")) == "dxa":
                width = units.read_twips(tcw.get(qn("w:w")))
                tcw.set(qn("w:w"), str(int(round(width * factor))))
    tbl_pr = tbl.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = etree.Element(qn("w:tblPr"))
        tbl.insert(0, tbl_pr)
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = etree.Element(qn("w:tblW"))
        anchor = None  # after the nearest child the schema puts before it
        for tag in reversed(docxrepair.earlier("tblPr", "tblW")):
            anchor = tbl_pr.find(tag)
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


def _format_table(tbl: etree._Element, sid: str) -> None:
    """Table text in the table style ``sid``; alignment inside cells is the author's."""
    for p in tbl.iter(qn("w:p")):
        if _owner_paragraph_in_table(p) is None:
            continue
        _set_style(p, sid)
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


# --- structure edits: a one-line 落款 split, typed blank lines removed ---------------------

_KEEPS_A_BLANK = (qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:br"), qn("w:sectPr"),
                  qn("w:fldChar"), qn("w:fldSimple"), qn("w:bookmarkStart"), qn("w:sdt"),
                  qn("w:txbxContent"))


def _removable(p: etree._Element) -> bool:
    """An empty paragraph holding nothing: no picture, break, section end, field, bookmark."""
    return not paragraph_text(p).strip() and not any(True for _ in p.iter(*_KEEPS_A_BLANK))


def _split_edits(text: str, edit: layout.StructureEdit) -> Tuple[normalize.Edit, normalize.Edit]:
    """What each copy of the paragraph loses: the first all from the whitespace on, the
    second all up to the end of it."""
    return (normalize.Edit(edit.start, len(text), "", normalize.SPACES),
            normalize.Edit(0, edit.end, "", normalize.SPACES))


def _can_split(p: etree._Element, text: str, edit: layout.StructureEdit) -> bool:
    return all(plan_run_edits(p, text, [part]) is not None for part in _split_edits(text, edit))


def _split_paragraph(p: etree._Element, text: str, edit: layout.StructureEdit,
                     revision: Optional[Revision] = None) -> None:
    """``text[:start]`` stays in ``p``, ``text[end:]`` goes to a copy of it right after;
    the whitespace between is gone. Each run keeps its formatting (:func:`_can_split`
    said yes). With a ``revision``: the whitespace is a deletion at the end of ``p``, whose
    paragraph mark is an insertion (rejecting it gives the one-line 落款 back)."""
    second = copy.deepcopy(p)
    keep_left, keep_right = _split_edits(text, edit)
    if revision is not None:
        moved = normalize.Edit(edit.end, len(text), "", "moved")  # to the copy: no revision
        apply_run_edits(plan_run_edits(p, text, [moved]) or [])
        gap = normalize.Edit(edit.start, edit.end, "", normalize.SPACES)
        apply_run_edits(plan_run_edits(p, text[:edit.end], [gap]) or [], revision)
        docxrevisions.insert_mark(p, revision)
    else:
        apply_run_edits(plan_run_edits(p, text, [keep_left]) or [])
    apply_run_edits(plan_run_edits(second, text, [keep_right]) or [])
    for mark in list(second.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
        mark.getparent().remove(mark)  # bookmarks stay once, in the first part
    ppr = p.find(qn("w:pPr"))
    section = ppr.find(qn("w:sectPr")) if ppr is not None else None
    if section is not None:  # a section ends after the second part
        ppr.remove(section)
    p.addnext(second)


def restructure(document, edits: Sequence[layout.StructureEdit],
                revision: Optional[Revision] = None) -> Counter:
    """Carries out :func:`gongwen.layout.structure_edits`, checking that the text after is
    the text before with exactly those changes (a split: the whitespace between the parts
    replaced by a paragraph break; a removal: one empty paragraph less). Returns how many
    were made per 规范写法 kind; raises :class:`FormatError` if the text changed otherwise.
    With a ``revision`` they are revisions (a removed paragraph stays, its mark deleted)."""
    paragraphs = body_paragraphs(document)
    texts = [paragraph_text(p) for p in paragraphs]
    done: Counter = Counter()
    splits: List[Tuple[etree._Element, str, layout.StructureEdit]] = []
    dropped: List[etree._Element] = []
    for edit in edits:
        p, text = paragraphs[edit.index], texts[edit.index]
        if edit.kind == layout.SPLIT and _can_split(p, text, edit):
            splits.append((p, text, edit))
        elif edit.kind == layout.REMOVE and _removable(p):
            dropped.append(p)
    if not splits and not dropped:
        return done
    joined = {p: "\n".join(layout.split_texts(text, edit)) for p, text, edit in splits}
    expected = document_text(document, joined, set(dropped))
    for p, text, edit in splits:
        _split_paragraph(p, text, edit, revision)
        done[normalize.SPACES] += 1
    for p in dropped:
        if revision is not None:
            docxrevisions.delete_mark(p, revision)
        else:
            p.getparent().remove(p)
        done[normalize.BLANK_LINES] += 1
    changed = text_changes(expected, document_text(document))
    if changed:
        raise FormatError(say("cli_format_text_changed", parts=", ".join(changed)))
    return done


def body_paragraphs(document) -> List[etree._Element]:
    """The body's paragraphs as the formatter sees them: an empty one removed as a revision
    (``--track-changes``) is not there."""
    return [b for b in docxtext.body_blocks(document.element.body)
            if b.tag == qn("w:p") and not _removed_as_revision(b)]


def format_document(document, options: Normalization = normalize.NONE,
                    settings: Optional[layout.Settings] = None,
                    kind: Optional[str] = None, track: bool = False,
                    seal: Optional[str] = None,
                    record_used_pt: Optional[float] = None) -> FormatResult:
    """Carry out the core's plan on a python-docx Document in memory; return the role
    counts, how many paragraphs each 规范写法 in ``options`` rewrote, and what of the
    author's header/footer text was kept. ``kind``: a special format asked for
    (``letter``/``minutes``; None: the one the document shows). ``seal``: the 落款 asked
    for (None: the document's stored choice, else the preset's); the one used is stored
    in the document (``layout.SEAL_PROPERTY``) as the Writer button does.

    Raises FormatError (and leaves nothing half-done on disk) if the text would change in
    any other way than those rewrites. ``track``: the rewrites are Word revisions by
    公文助手 (:mod:`gongwen.ooxml.docxrevisions`); the text checked is the accepted one.
    """
    stored = docxprops.read_text(document, layout.SEAL_PROPERTY)
    settings = layout.with_seal(settings or layout.standard(), seal, stored)
    if seal is not None or stored is not None or settings.seal != spec.SEAL_NONE:
        docxprops.write_text(document, layout.SEAL_PROPERTY, settings.seal)
    host = DocxHost(document, Revision(document.element) if track else None)
    done = formatwork.carry_out(host, options, settings, kind, record_used_pt)
    docxrepair.repair(document)  # schema order, each property once, unique drawing ids
    changed = text_changes(host.expected, document_text(document))
    if changed:
        raise FormatError(say("cli_format_text_changed", parts=", ".join(changed)))
    plan = done.plan
    return FormatResult(dict(Counter(plan.roles)),
                        {kind: done.normalized[kind] for kind in options.kinds}, host.kept,
                        formatwork.has_record_page(plan))


class DocxHost:
    """:class:`gongwen.formatwork.Host` on a python-docx Document: each step on the XML.

    The page is written after the plan (``page_first`` False): nothing here is undone.
    ``expected`` is what the text must read at the end (set by the text step), ``kept``
    what of the author's header/footer text stayed (set by the page step).
    """

    page_first = False

    def __init__(self, document, revision: Optional[Revision]) -> None:
        self.document = document
        self.revision = revision
        self.blocks: List[etree._Element] = []
        self.paragraphs: List[etree._Element] = []
        self.texts: List[str] = []
        self.expected: Dict[str, str] = {}
        self.kept: List[str] = []

    def read(self) -> formatwork.Reading:
        body = self.document.element.body
        self.blocks = [b for b in docxtext.body_blocks(body) if not _removed_as_revision(b)]
        self.paragraphs = [b for b in self.blocks if b.tag == qn("w:p")]
        self.texts = [paragraph_text(p) for p in self.paragraphs]
        return formatwork.Reading(
            self.texts, docxfacts.paragraph_looks(self.document, self.paragraphs, self.texts))

    def drop_page_number_frames(self) -> int:
        return docxpagenumbers.drop_page_number_frames(self.document.element.body)

    def type_list_labels(self) -> int:
        labelled = document_text(self.document, numbering.labelled_texts(self.document))
        typed = numbering.materialize_labels(self.document)
        lost = text_changes(labelled, document_text(self.document))
        if lost:
            raise FormatError(say("cli_format_text_changed", parts=", ".join(lost)))
        return typed

    def drop_typed_page_numbers(self, indices: Sequence[int]) -> None:
        drop_typed_page_numbers(self.paragraphs, indices)

    def restructure(self, edits: Sequence[layout.StructureEdit]) -> Counter:
        return restructure(self.document, edits, self.revision)

    def write_text(self, plan: layout.LayoutPlan) -> Counter:
        rewrites = plan_rewrites(self.paragraphs, self.texts, plan.paragraphs)
        # What the text must be at the end: as it is, but for the rewrites asked for.
        self.expected = document_text(
            self.document, {p: rewrite.text for p, rewrite in rewrites.items()})
        made: Counter = Counter()
        for rewrite in rewrites.values():
            apply_run_edits(rewrite.plan, self.revision)
            made.update(rewrite.kinds)
        return made

    def write_page(self, plan: layout.LayoutPlan) -> None:
        self.kept = docxlayout.apply_page(self.document, plan)
        docxwhole.letter_first_page(self.document, plan)

    def write_styles(self, plan: layout.LayoutPlan) -> None:
        docxlayout.apply_styles(self.document, plan)
        docxlayout.reset_foreign_character_styles(self.document, plan.char_styles)

    def write_paragraphs(self, plan: layout.LayoutPlan) -> None:
        for p, paragraph in zip(self.paragraphs, plan.paragraphs):
            has_object = any(True for _ in p.iter(*_OBJECT_TAGS))
            _set_style(p, docxlayout.style_id_of(paragraph.style))
            _clean_paragraph(p, keep_layout=paragraph.role == Role.BLANK and has_object)
            if plan.styles[paragraph.style].color_rgb is not None:
                docxwhole.drop_run_colors(p)  # the style's red, not a pasted colour
            docxwhole.tabs_as_elements(p)
            _apply_overrides(p, paragraph, plan)
            apply_spans(p, paragraph)
            _hint_east_asian(p)
            mark_fonts(p, paragraph, plan)

    def write_tables(self, plan: layout.LayoutPlan) -> None:
        width = docxlayout.geometry(plan.page).type_width
        table_style = docxlayout.style_id_of(plan.table_style)
        for block in self.blocks:
            if block.tag == qn("w:tbl"):
                _fit_table(block, width)
                _format_table(block, table_style)

    def place_record(self, plan: layout.LayoutPlan) -> None:
        """The 版记 in a section of its own, from the paragraph ahead of it."""
        first = next(i for i, paragraph in enumerate(plan.paragraphs) if paragraph.record_page)
        at = self.blocks.index(self.paragraphs[first])
        if at > 0 and self.blocks[at - 1].tag == qn("w:p"):
            docxwhole.record_section(self.document, self.blocks[at - 1])


def drop_typed_page_numbers(paragraphs: Sequence[etree._Element],
                            indices: Sequence[int]) -> None:
    """Removes the page numbers typed as body paragraphs (``indices``: :func:`gongwen.
    headfoot.typed_page_numbers`); one that also ends a page or section keeps that, and only
    its text goes."""
    for index in indices:
        p = paragraphs[index]
        keeps_layout = p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None or any(
            element.tag != qn("w:br") or element.get(qn("w:type")) in ("page", "column")
            for element in p.iter(qn("w:br"), *_OBJECT_TAGS))
        if not keeps_layout:
            p.getparent().remove(p)
            continue
        for t in list(p.iter(qn("w:t"))):
            t.getparent().remove(t)


def _apply_overrides(p: etree._Element, paragraph: layout.ParagraphPlan,
                     plan: layout.LayoutPlan) -> None:
    """What the plan says differs from the paragraph's style: spacing where the author typed
    a blank line, keep-with-next inside the 落款 chain, the §7.3.5.2 right indent.

    The right indent: ``w:rightChars`` (hundredths of a character) is what Word and WPS
    read; it supersedes ``w:right`` (ECMA-376 §17.3.1.12), and they set the text as the
    styles ask, without Asian/Western autospacing. ``w:right`` (twips) is what Writer 7.4
    reads, ignoring rightChars and the styles' ``w:autoSpaceDE="0"`` (docs/LO_NOTES.md), so
    it gets the plan's indent measured with Writer's autospacing.
    """
    spacing: Dict[str, str] = {}
    if paragraph.space_before_pt is not None:
        spacing.update(before=str(units.pt_to_twips(paragraph.space_before_pt)),
                       beforeLines="0")
    if paragraph.space_after_pt is not None:
        spacing.update(after=str(units.pt_to_twips(paragraph.space_after_pt)),
                       afterLines="0")
    if paragraph.line_pt is not None:
        spacing.update(line=str(units.pt_to_twips(paragraph.line_pt)), lineRule="exact")
        _set_ppr_child(p, "snapToGrid", {"val": "0"})
    if spacing:
        _set_ppr_child(p, "spacing", spacing)
    docxwhole.apply_paragraph(p, paragraph, plan, _set_ppr_child)
    if paragraph.keep_with_next:
        _set_ppr_child(p, "keepNext", {})
    if paragraph.right_chars_autospaced is not None:  # the 落款 (placement); else docxwhole
        # w:rightChars is the plan's (Word sets it without autospacing), w:right what
        # Writer needs for its autospaced text (it reads right, not rightChars)
        look = plan.styles[paragraph.style]
        ind = docxwhole.indents(look, paragraph)
        ind["right"] = str(units.pt_to_twips(paragraph.right_chars_autospaced
                                                  * look.size_pt))
        _set_ppr_child(p, "ind", ind)


def _hint_east_asian(p: etree._Element) -> None:
    """Runs holding “” ‘’ —— …… (characters Word may set in either font) say
    ``w:hint="eastAsia"``, so Word keeps them in the CJK font, full width, as Writer does."""
    for run in _runs(p):
        value = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if not any(ch in layout.EAST_ASIAN_AMBIGUOUS for ch in value):
            continue
        run_fonts(run).set(qn("w:hint"), "eastAsia")


def place_signature_and_date(paragraphs: Sequence[etree._Element], texts: Sequence[str],
                             paragraph_roles: Sequence[str]) -> None:
    """The plan's §7.3.5.2 right indents on 署名 and 成文日期 whose roles are known (``new``
    places the filled-in values as 一键公文格式 would)."""
    plan = layout.plan_document(texts, paragraph_roles=paragraph_roles)
    for p, paragraph in zip(paragraphs, plan.paragraphs):
        if paragraph.right_chars is not None:
            _apply_overrides(p, paragraph._replace(space_before_pt=None, space_after_pt=None,
                                                   keep_with_next=None), plan)


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
    docxrepair.insert_in_order(ppr, element)  # Word refuses a w:pPr out of schema order


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
