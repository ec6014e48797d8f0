"""一键公文格式's work, in order: the one sequence both hosts carry out.

The core decides what every step does (the plan, which paragraphs are typed page numbers,
the 规范写法 structure edits, whether the page must be written again); a host
(:class:`Host`) reads its document and carries each step out in its own terms: the Writer
host (:mod:`gongwen.writer.format`) through UNO inside one undo step, the OOXML host
(:mod:`gongwen.ooxml.docxrender`) on python-docx's XML. :func:`carry_out` is the order:

1. page numbers in the body go: frames and text boxes showing only a number, then the
   numbers typed as paragraphs (1, 2, 3 …) — layout, not text: the 公文 footer numbers
   every page;
2. list labels (Word/WPS automatic numbering) become typed text;
3. 规范写法's structure edits: a one-line 落款 split, typed blank lines removed;
4. the plan of the text as it now reads (roles, looks, page);
5. text: 规范写法's rewrites inside paragraphs;
6. page: page setup, grid, the ``— N —`` footers, a letter's first page;
7. styles: the 公文 paragraph and character styles;
8. paragraphs: each its planned style without the direct formatting that fights it, its
   overrides, run-in headings' character styles, the marks' font;
9. tables: across the type area, in the table style;
10. the 版记's page, when the plan gives the 版记 a page of its own.

Step 1 reads the labels' text (a numbered paragraph is not a typed ``1``) only after
step 2 has typed them, so 2 runs before the typed numbers are looked for.

A host whose page must change first (``Host.page_first``: Writer rewrites page styles with
its undo locked, and its own undo actions keep node numbers, so a page change must come
before any action that knows them — measured: page styles changed after the list labels
were typed, one Ctrl+Z crashed soffice) gets step 6 from a plan of the text as first read,
before step 1, and step 6 again only when steps 1–3 changed a fact of the page (a 版记 page,
a letter's first page).
"""

from __future__ import annotations

from collections import Counter
from typing import List, NamedTuple, Optional, Protocol, Sequence, Tuple

from gongwen import headfoot, layout, normalize, roles
from gongwen.normalize import Normalization
from gongwen.plan import LayoutPlan, StructureEdit


class Reading(NamedTuple):
    """The body as a host reads it: paragraph texts in order, and how the source sets
    them (:class:`gongwen.roles.ParagraphLook`; None where the host reads no looks)."""

    texts: List[str]
    looks: Optional[Sequence[Optional[roles.ParagraphLook]]]


class Host(Protocol):
    """What a host does for Format; :func:`carry_out` says when."""

    page_first: bool

    def read(self) -> Reading:
        """The body as it reads now (after the steps carried out so far)."""

    def drop_page_number_frames(self) -> int:
        """Step 1: removes frames/text boxes in the body that show only a page number."""

    def type_list_labels(self) -> int:
        """Step 2: every visible list label becomes typed text; returns how many."""

    def drop_typed_page_numbers(self, indices: Sequence[int]) -> None:
        """Step 1: removes the paragraphs at ``indices`` (keeping a break they hold)."""

    def restructure(self, edits: Sequence[StructureEdit]) -> Counter:
        """Step 3: carries the edits out; returns how many of each 规范写法 kind were made."""

    def write_text(self, plan: LayoutPlan) -> Counter:
        """Step 5: the plan's rewrites; returns how many of each 规范写法 kind were made."""

    def write_page(self, plan: LayoutPlan) -> None:
        """Step 6."""

    def write_styles(self, plan: LayoutPlan) -> None:
        """Step 7."""

    def write_paragraphs(self, plan: LayoutPlan) -> None:
        """Step 8."""

    def write_tables(self, plan: LayoutPlan) -> None:
        """Step 9."""

    def place_record(self, plan: LayoutPlan) -> None:
        """Step 10."""


class Done(NamedTuple):
    """What Format did: the plan carried out, and the 规范写法 rewrites made per kind."""

    plan: LayoutPlan
    normalized: Counter


def page_facts(plan: LayoutPlan) -> Tuple[bool, bool]:
    """What of the text decides the page: a 版记 page, a letter's first page."""
    return (has_record_page(plan), plan.first_page is not None)


def has_record_page(plan: LayoutPlan) -> bool:
    return any(paragraph.record_page for paragraph in plan.paragraphs)


def carry_out(host: Host, options: Normalization = normalize.NONE,
              settings: Optional[layout.Settings] = None, kind: Optional[str] = None,
              record_used_pt: Optional[float] = None) -> Done:
    """Format's steps in order (the module's docstring), on ``host``.

    ``kind``: the special format asked for (None: the one the text shows);
    ``record_used_pt``: how much of the text's last page is used, when the host laid the
    document out (:func:`gongwen.layout.plan_document`).
    """
    def plan_of(reading: Reading, how: Normalization) -> LayoutPlan:
        return layout.plan_document(reading.texts, how, settings, kind=kind,
                                    looks=reading.looks, record_used_pt=record_used_pt)

    reading = host.read()
    early = None
    if host.page_first:
        early = plan_of(reading, normalize.NONE)  # its rewrites would be thrown away
        host.write_page(early)
    changed = host.drop_page_number_frames() > 0
    changed = host.type_list_labels() > 0 or changed
    if changed:
        reading = host.read()
    typed = headfoot.typed_page_numbers(reading.texts)
    if typed:
        host.drop_typed_page_numbers(typed)
        reading, changed = host.read(), True
    edits: List[StructureEdit] = layout.structure_edits(reading.texts, options, kind=kind,
                                                        looks=reading.looks)
    normalized = host.restructure(edits) if edits else Counter()
    if normalized:
        reading, changed = host.read(), True
    if early is not None and not changed and not options.any:
        plan = early  # the text is as first read (measured: 0.03 s of 0.23 s at 100 pages)
    else:
        plan = plan_of(reading, options)
    normalized.update(host.write_text(plan))
    if early is None or page_facts(plan) != page_facts(early):
        host.write_page(plan)
    host.write_styles(plan)
    host.write_paragraphs(plan)
    host.write_tables(plan)
    if has_record_page(plan):
        host.place_record(plan)
    return Done(plan, normalized)
