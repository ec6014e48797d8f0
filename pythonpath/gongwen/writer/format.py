"""一键公文格式: ``vnd.gongwen:Format`` formats the current document to GB/T 9704 in one undo step.

The plan is the core's (:func:`gongwen.layout.plan_document`: roles, styles, page, the
§7.3.5.2 落款 indents, 规范写法 edits), and so is the order of the work
(:func:`gongwen.formatwork.carry_out`); :class:`WriterHost` carries each step out, in one
undo context (one Ctrl+Z restores everything):

- the page styles the body uses get the plan's page, grid and page numbers (``page``),
  first, with Writer's undo locked and a state-holding undo action, because page-style
  changes would otherwise empty the undo stack;
- 规范写法's text edits replace only their range of the paragraph (a heading's number, the
  date, the typed indentation, a mark), so the rest keeps its character formatting; when
  the document records changes, or with ``?track=true``, they are tracked changes by
  公文助手 (:mod:`gongwen.writer.tracking`); the layout never is;
- the 公文 paragraph styles (``styles``), natively undoable;
- every body paragraph gets its planned style without the direct formatting that fights it
  (fonts, sizes, indents, spacing, alignment), keeping bold/italic/underline the author set
  inside a sentence, then what the plan says differs per paragraph;
- table text in the table style across the type area's width.
The text never changes unless the URL asks for 规范写法 (:mod:`gongwen.normalize`):
``?normalize=all`` or a comma list of ``dates``, ``numbering``, ``spaces``, ``blank-lines``,
``punctuation``.
"""

from __future__ import annotations

from collections import Counter
from typing import Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple, TypeVar

from gongwen import formatwork, layout, messages, normalize, punctuation, roles, spec
from gongwen.normalize import Normalization
from gongwen.presets import DEFAULT as STANDARD_PRESET
from gongwen.spec import Role
from gongwen.writer import (
    inherited,
    looks,
    numbering,
    page,
    presets,
    structure,
    styles,
    tracking,
    undo,
    undoable,
    units,
    wholedoc,
)
from gongwen.writer.commands import Invocation, Outcome
from gongwen.writer.textedits import (
    TextEdit,
    around_fields,
    fields_or_notes,
    has_notes,
    paragraph_of,
    replace_ranges,
    text_edits,
    utf16_length,
)
from gongwen.writer.wholedoc import wholedoc_properties

# Direct formatting removed from every body paragraph: what the 公文 style decides.
# Weight, posture and underline on part of a paragraph are the author's emphasis and stay
# (over all of it they are an inherited look: writer/inherited.py).
RESET_PARAGRAPH = (
    "ParaFirstLineIndent", "ParaLeftMargin", "ParaRightMargin", "ParaTopMargin",
    "ParaBottomMargin", "ParaLineSpacing", "ParaAdjust", "ParaLastLineAdjust",
    "ParaIsAutoFirstLineIndent", "SnapToGrid", "ParaOrphans", "ParaWidows",
    "ParaKeepTogether", "ParaSplit", "ParaContextMargin", "ParaIsCharacterDistance",
    # paragraph shading: a whole-paragraph look (layout.INHERITED_LOOKS)
    "ParaBackColor", "ParaBackTransparent",
)
RESET_CHARACTER = (
    "CharFontName", "CharFontNameAsian", "CharFontNameComplex",
    "CharFontStyleName", "CharFontStyleNameAsian", "CharFontStyleNameComplex",
    "CharFontFamily", "CharFontFamilyAsian", "CharFontFamilyComplex",
    "CharFontCharSet", "CharFontCharSetAsian", "CharFontCharSetComplex",
    "CharFontPitch", "CharFontPitchAsian", "CharFontPitchComplex",
    "CharHeight", "CharHeightAsian", "CharHeightComplex",
    "CharKerning", "CharScaleWidth", "CharLocaleAsian",
)
RESET_PROPERTIES = RESET_PARAGRAPH + RESET_CHARACTER

NORMALIZE_ARG = "normalize"
LAYOUT_ARG = "layout"  # ?layout=letter|minutes: 信函格式 or 纪要格式 whatever the text shows
SEAL_ARG = "seal"  # ?seal=none|stamp|signature: the 落款 (GB/T 9704 §7.3.5), kept by the document
# com.sun.star.text.HoriOrientation.FULL: a table as wide as the type area.
_TABLE_FULL_WIDTH = 2
T = TypeVar("T")


class Body(NamedTuple):
    """The body's paragraph texts in order, and how to reach the paragraphs again.

    ``elements`` holds the paragraph objects when the body had to be enumerated (it has
    tables, or a paragraph holds a line break); it is None on the fast path, where the
    texts come from one getString() and a paragraph cursor walks to the ones that need
    more than the body style.
    """

    texts: List[str]
    elements: Optional[List[object]]
    tables: List[object]


def format_document(invocation: Invocation) -> Outcome:
    document = invocation.document
    # Locked from the first read: unlocked, each paragraph's getString() waits for
    # the layout (measured 48 ms a paragraph after an undo/redo, 0.05 ms locked).
    document.lockControllers()
    try:
        return _format_locked(invocation)
    finally:
        document.unlockControllers()


def _format_locked(invocation: Invocation) -> Outcome:
    document = invocation.document
    locale = invocation.locale
    body = read_body(document)
    if not body.tables and not any(text.strip() for text in body.texts):
        return Outcome(False, messages.text("format_empty", locale))
    try:
        options = normalization(invocation.args)
    except normalize.UnknownKind as unknown:
        return Outcome(False, messages.text(
            "format_normalize_unknown", locale, kind=unknown.kind,
            choices=", ".join(normalize.KINDS + (normalize.ALL,))))
    kind = invocation.args.get(LAYOUT_ARG) or None
    if kind is not None and kind not in roles.LAYOUT_CHOICES:
        return Outcome(False, messages.text("format_layout_unknown", locale, layout=kind,
                                            choices=", ".join(roles.LAYOUT_CHOICES)))
    seal = invocation.args.get(SEAL_ARG) or None
    if seal is not None and seal not in spec.SEALS:
        return Outcome(False, messages.text("format_seal_unknown", locale, seal=seal,
                                            choices=", ".join(spec.SEALS)))
    preset, notice = presets.preset_and_notice(invocation)
    settings = layout.with_seal(layout.settings_from(preset.data), seal,
                                presets.stored_seal(document))
    title = messages.text("format_undo_title", locale)
    with tracking.Tracking(invocation.ctx, document, tracking.asked(invocation.args),
                           options.any) as track, undo.undo_step(document, title) as manager:
        host = WriterHost(document, manager, title, track, options.any)
        done = formatwork.carry_out(host, options, settings, kind)
        kept, keeping = presets.kept_states(document, preset, settings.seal,
                                            asked=seal is not None)
        undoable.apply_undoably(manager, title,
                                lambda state: presets.write_kept(document, state), kept, keeping)
    plan = done.plan
    counts = ({kind: done.normalized.get(kind, 0) for kind in options.kinds}
              if options.any else None)
    report = summary(plan.roles, counts, locale, page.kept_texts(host.first_page_state),
                     preset.name)
    return Outcome(True, f"{notice}\n{report}" if notice else report, "undo")


class WriterHost:
    """:class:`gongwen.formatwork.Host` in Writer: each step through UNO, inside Format's one
    undo step (``manager``), 规范写法's text edits recorded as changes when ``track`` is on.
    """

    # The page styles first: their headers and footers are rewritten with Writer's undo
    # locked, which moves the body's node numbers, and Writer's own undo actions keep node
    # numbers. Recorded after this change, they are undone before it is undone, each with
    # the numbers it knew (measured: page styles changed after the list labels were typed
    # in, one Ctrl+Z crashed soffice on a WPS-numbered report with a footer of its own).
    page_first = True

    def __init__(self, document, manager, title: str, track: tracking.Tracking,
                 fields_matter: bool) -> None:
        self.document = document
        self.manager = manager
        self.title = title
        self.track = track
        self.fields_matter = fields_matter  # 规范写法 edits must step around fields/notes
        self.body = Body([], None, [])
        # With tracked structure edits what goes is still there, deleted: the plan's
        # paragraph i is the document's host[i] (gongwen.layout.restructured).
        self.restructured: Optional[layout.Restructured] = None
        self.first_page_state: page.PageState = {}

    def read(self) -> formatwork.Reading:
        body = read_body(self.document)
        seen = looks.read_looks(self.document, body.texts)
        if self.restructured is None:
            self.body = body
            return formatwork.Reading(body.texts, seen)
        self.body = body._replace(texts=self.restructured.texts)
        return formatwork.Reading(self.restructured.texts,
                                  looks_of_plan(seen, self.restructured.host))

    def drop_page_number_frames(self) -> int:
        return page.drop_body_page_numbers(self.document)  # numbers typed in body frames

    def type_list_labels(self) -> int:
        return numbering.materialize_labels(self.document)

    def drop_typed_page_numbers(self, indices: Sequence[int]) -> None:
        structure.drop_typed_page_numbers(self.document, indices)

    def restructure(self, edits: Sequence[layout.StructureEdit]) -> Counter:
        made: List[layout.StructureEdit] = []
        self.track.record(True)
        done = structure.apply_structure(self.document, self.body.texts, edits, self.track.on,
                                         made)
        self.track.record(False)
        if done and self.track.on:
            self.restructured = layout.restructured(self.body.texts, made)
        return done

    def write_page(self, plan: layout.LayoutPlan) -> None:
        old, new = page_states(self.document, plan)
        self.first_page_state = self.first_page_state or old  # what the author had
        undoable.apply_undoably(self.manager, self.title,
                                lambda state: page.write_state(self.document, state), old, new)

    def write_text(self, plan: layout.LayoutPlan) -> Counter:
        edits = self._by_host(text_changes(plan, self.body.texts))
        portions = bool(edits) and self.fields_matter and fields_or_notes(self.document)
        return apply_text_edits(self.document, self.body, edits, self.track, portions)

    def write_styles(self, plan: layout.LayoutPlan) -> None:
        styles.ensure_paragraph_styles(self.document, plan)
        styles.ensure_character_styles(self.document, plan)
        old, new = styles.foreign_character_states(self.document, plan)
        if old:  # fonts and sizes of the author's character styles go
            undoable.apply_undoably(
                self.manager, self.title,
                lambda state: styles.write_character_states(self.document, state), old, new)

    def write_paragraphs(self, plan: layout.LayoutPlan) -> None:
        changes = paragraph_changes(plan, self.body.texts, self.track.on)
        apply_paragraphs(self.document, self.body, self._by_host(changes),
                         layout_body_style(plan))

    def write_tables(self, plan: layout.LayoutPlan) -> None:
        for table in self.body.tables:
            format_table(table, plan.table_style)

    def place_record(self, plan: layout.LayoutPlan) -> None:
        self.document.unlockControllers()  # laid out: where does the text end?
        try:
            wholedoc.place_record(self.document, plan)
        finally:
            self.document.lockControllers()

    def _by_host(self, by_index: Dict[int, T]) -> Dict[int, T]:
        if self.restructured is None:
            return by_index
        return {self.restructured.host[index]: value for index, value in by_index.items()}


def page_states(document, plan: layout.LayoutPlan) -> Tuple[page.PageState, page.PageState]:
    """The page styles the body uses, as they are and as the plan wants them; with a
    版记 page, its own page style too (without page numbers, on even pages)."""
    names = [name for name in page.used_page_styles(document)
             if name not in wholedoc.OWN_PAGE_STYLES]
    old = page.read_state(document, names)
    new = page.target_state(old, plan.page, plan.styles)
    if formatwork.has_record_page(plan):
        wholedoc.ensure_page_style(document, wholedoc.RECORD_PAGE_STYLE)
        record = page.read_state(document, [wholedoc.RECORD_PAGE_STYLE])
        old.update(record)
        new[wholedoc.RECORD_PAGE_STYLE] = wholedoc.record_page_state(
            record[wholedoc.RECORD_PAGE_STYLE], plan.page)
    if plan.first_page is not None and names:
        name = wholedoc.LETTER_FIRST_PAGE_STYLE
        wholedoc.ensure_page_style(document, name)
        first = page.read_state(document, [name])
        old.update(first)
        new[name] = wholedoc.letter_first_page_state(first[name], plan, names[0])
    return old, new


def layout_body_style(plan: layout.LayoutPlan) -> str:
    return plan.style_of(Role.BODY).name


def normalization(args: Dict[str, str]) -> Normalization:
    """The 规范写法 the URL asks for: ``normalize=…``.

    Raises :class:`gongwen.normalize.UnknownKind` for a name it does not know.
    """
    return Normalization.parse(args.get(NORMALIZE_ARG, ""))


# --- reading ---------------------------------------------------------------------------

def looks_of_plan(seen: List[Optional[roles.ParagraphLook]], host: Optional[List[int]]
                  ) -> List[Optional[roles.ParagraphLook]]:
    """The looks of the paragraphs the plan is made of: with tracked changes a removed
    paragraph is still in the document (deleted), so the plan's paragraph i is the
    document's ``host[i]``."""
    if host is None:
        return seen
    return [seen[index] for index in host if index < len(seen)]


def read_body(document) -> Body:
    """The body's paragraph texts (fast path when it can be trusted) and its tables."""
    texts = _texts_in_one_call(document)
    if texts is not None:
        return Body(texts, None, [])
    texts, elements, tables = [], [], []
    notes = has_notes(document)
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            texts.append(_text_without_notes(element) if notes else element.getString())
            elements.append(element)
        elif element.supportsService("com.sun.star.text.TextTable"):
            tables.append(element)
    return Body(texts, elements, tables)


def _texts_in_one_call(document) -> Optional[List[str]]:
    """Paragraph texts from one getString() when that splits exactly into paragraphs.

    getString() joins paragraphs with a line end (CRLF on Windows) but also writes a
    line break inside a paragraph the same way, and would mix in table text: so only
    a body without tables whose split matches the paragraph count qualifies.
    """
    if document.getTextTables().getCount() or has_notes(document):
        return None
    text = document.getText()
    texts = text.getString().replace("\r\n", "\n").split("\n")
    cursor = text.createTextCursor()
    cursor.gotoStart(False)
    count = 1
    while cursor.gotoNextParagraph(False):
        count += 1
    return texts if count == len(texts) else None



def _text_without_notes(paragraph) -> str:
    """The paragraph's text without footnote/endnote labels, which getString() includes:
    "…进展。1" would no longer end like a sentence and could pass for a title."""
    parts = []
    portions = paragraph.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        if portion.getPropertyValue("TextPortionType") != "Footnote":
            parts.append(portion.getString())
    return "".join(parts)


# --- paragraphs ------------------------------------------------------------------------

Change = Dict[str, object]  # property name -> value, SPANS, MARK_FONTS, RESET
SPANS = "spans"  # -> List[CharSpan], set once the edits are made
# -> List[CharSpan] whose style is a font: quotes, dashes and ellipses Writer would set in
# the Latin font (after Latin text), given the CJK one, set once the edits are made
MARK_FONTS = "mark_fonts"


class CharSpan(NamedTuple):
    """A :class:`gongwen.layout.Span` in Writer's terms: UTF-16 offsets into the paragraph
    as it reads after the edits, the text expected there, and the character style."""

    start: int
    length: int
    text: str
    style: str

RESET = "reset"  # direct properties to remove from the paragraph's runs first


def text_changes(plan: layout.LayoutPlan, texts: Sequence[str]) -> Dict[int, List[TextEdit]]:
    """The plan's 规范写法 rewrites as Writer's text edits, by paragraph index (``texts``:
    the paragraphs as they read before them)."""
    return {index: text_edits(texts[index], paragraph.edits)
            for index, paragraph in enumerate(plan.paragraphs) if paragraph.edits}


def paragraph_changes(plan: layout.LayoutPlan, texts: Sequence[str],
                      tracked: bool = False) -> Dict[int, Change]:
    """What each paragraph needs beyond the body style, by paragraph index, in Writer's
    properties: the plan's style, spacing and keep overrides, 落款 indent, and the character
    styles' ranges in the text as the rewrites left it (``texts``: before them).
    ``tracked``: the rewrites are tracked changes, so the old text stays in the paragraph
    and the ranges are counted in the text as it shows."""
    body_style = layout_body_style(plan)
    changes: Dict[int, Change] = {}
    for index, paragraph in enumerate(plan.paragraphs):
        change: Change = {}
        if paragraph.style != body_style:
            change["ParaStyleName"] = paragraph.style
        if paragraph.space_before_pt is not None:
            change["ParaTopMargin"] = units.pt_to_hmm(paragraph.space_before_pt)
        if paragraph.space_after_pt is not None:
            change["ParaBottomMargin"] = units.pt_to_hmm(paragraph.space_after_pt)
        if paragraph.keep_with_next is not None:
            change["ParaKeepTogether"] = paragraph.keep_with_next
        if paragraph.right_chars_autospaced is not None:  # Writer autospaces (styles.py)
            size = plan.styles[paragraph.style].size_pt
            change["ParaRightMargin"] = units.chars_to_hmm(paragraph.right_chars_autospaced,
                                                            size)
        change.update(wholedoc_properties(plan, paragraph))
        if paragraph.spans:
            change[SPANS] = _char_spans(paragraph, texts[index], tracked)
        marks = punctuation.western_side_marks(paragraph.text)
        if marks:
            font = plan.styles[paragraph.style].east_asian_font
            change[MARK_FONTS] = _char_spans(paragraph._replace(spans=tuple(
                layout.Span(at, at + 1, font) for at in marks)), texts[index], tracked)
        if change:
            changes[index] = change
    return changes


def _char_spans(paragraph: layout.ParagraphPlan, text: str, tracked: bool) -> List[CharSpan]:
    if not (tracked and paragraph.edits):
        return [CharSpan(utf16_length(paragraph.text[:span.start]),
                         utf16_length(paragraph.text[span.start:span.end]),
                         paragraph.text[span.start:span.end], span.style)
                for span in paragraph.spans]
    view = normalize.tracked_view(text, paragraph.edits)
    spans = []
    for span in paragraph.spans:
        start, end = view.position(span.start), view.position(span.end)
        spans.append(CharSpan(utf16_length(view.text[:start]),
                              utf16_length(view.text[start:end]), view.text[start:end],
                              span.style))
    return spans


def apply_text_edits(document, body: Body, edits: Dict[int, List[TextEdit]],
                     track: Optional[tracking.Tracking] = None,
                     portions: bool = False) -> Counter:
    """Makes each paragraph's text edits (recorded when they are tracked); returns how many
    of each kind were made (an edit whose range no longer holds the expected text, say
    behind a footnote label, is skipped and not counted). ``portions``: the body holds
    fields or notes, so the edits are placed by the paragraph's text portions."""
    done: Counter = Counter()
    if body.elements is None:
        targets: Iterator[Tuple[int, object]] = _walk_to(document, sorted(edits))
    else:
        targets = ((index, body.elements[index]) for index in sorted(edits))
    for index, target in targets:
        wanted = edits[index]
        if portions:
            wanted = around_fields(paragraph_of(target), wanted)
        done.update(edit.kind for edit in replace_ranges(target, wanted, track))
    return done


def apply_paragraphs(document, body: Body, changes: Dict[int, Change],
                     body_style: str) -> None:
    """Body style and no fighting direct formatting everywhere, then each planned change."""
    if body.elements is None:
        whole = document.getText().createTextCursor()
        whole.gotoStart(False)
        whole.gotoEnd(True)
        # Two native calls for the whole body instead of two per paragraph.
        whole.setPropertiesToDefault(RESET_PROPERTIES)
        whole.setPropertyValue("ParaStyleName", body_style)
        if inherited.anything_to_clear(document):
            inherited.clear_paragraphs(inherited.body_paragraphs(document))
        for index, target in _walk_to(document, sorted(changes)):
            _apply_change(target, changes[index])
        return
    for element in body.elements:
        element.setPropertyValue("ParaStyleName", body_style)
        reset_direct_formatting(element)
    if inherited.anything_to_clear(document):
        inherited.clear_paragraphs(body.elements)
    for index, element in enumerate(body.elements):
        if index in changes:
            _apply_change(element, changes[index])


def _walk_to(document, indices: Sequence[int]) -> Iterator[Tuple[int, object]]:
    """(index, cursor selecting that paragraph) for ascending paragraph indices.

    gotoNextParagraph(False) leaves the cursor collapsed at the next paragraph's start, so a
    target needs one call to be selected (two fewer bridge calls a paragraph than going to
    its start and collapsing again: the body's 818 styled paragraphs of the 100-page bench)."""
    cursor = document.getText().createTextCursor()
    cursor.gotoStart(False)
    position = 0
    for index in indices:
        while position < index:
            cursor.gotoNextParagraph(False)
            position += 1
        cursor.gotoEndOfParagraph(True)
        yield index, cursor


def _apply_change(target, change: Change) -> None:
    """Sets the paragraph's properties, then its character styles and marks' font."""
    reset: Sequence[str] = change.get(RESET, ())  # type: ignore[assignment]
    if reset:
        target.getText().createTextCursorByRange(target).setPropertiesToDefault(tuple(reset))
    for key, value in change.items():
        if key not in (SPANS, RESET, MARK_FONTS):
            _set_property(target, key, value)
    for span in change.get(SPANS, ()):  # type: ignore[attr-defined]
        set_char_style(target, span)
    for span in change.get(MARK_FONTS, ()):  # type: ignore[attr-defined]
        set_char_style(target, span, "CharFontName")


def set_char_style(paragraph, span: CharSpan, name: str = "CharStyleName") -> bool:
    """The span's character style (or the property ``name``) on its range (checked: False
    if the text is not there)."""
    text = paragraph.getText()
    cursor = text.createTextCursorByRange(paragraph.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.goRight(span.start, False)
    cursor.goRight(span.length, True)
    if cursor.getString() != span.text:
        return False
    cursor.setPropertyValue(name, span.style)
    return True


def _set_property(target, name: str, value: object) -> None:
    import uno

    if isinstance(value, uno.Any):  # a typed value (a sequence of structs)
        uno.invoke(target, "setPropertyValue", (name, value))
    else:
        target.setPropertyValue(name, value)


def reset_direct_formatting(paragraph) -> None:
    """Removes RESET_PROPERTIES from the paragraph and every run in it (one call:
    a paragraph has no XMultiPropertyStates, a cursor over it has)."""
    cursor = paragraph.getText().createTextCursorByRange(paragraph)
    cursor.setPropertiesToDefault(RESET_PROPERTIES)


class BodyParagraph(NamedTuple):
    """A paragraph object and its text (for callers that hold paragraph objects)."""

    element: object
    text: str


def place_signature_and_date(paragraphs: Sequence[BodyParagraph],
                             paragraph_roles: Sequence[str]) -> None:
    """Sets the plan's §7.3.5.2 right indents on paragraph objects (the scaffold
    inserter's entry: it knows the roles, and the values are filled in)."""
    plan = layout.plan_document([paragraph.text for paragraph in paragraphs],
                                paragraph_roles=paragraph_roles)
    for paragraph, planned in zip(paragraphs, plan.paragraphs):
        if planned.right_chars_autospaced is not None:  # Writer autospaces (styles.py)
            size = plan.styles[planned.style].size_pt
            paragraph.element.setPropertyValue(
                "ParaRightMargin", units.chars_to_hmm(planned.right_chars_autospaced, size))


# --- tables ----------------------------------------------------------------------------

def format_table(table, style_name: str) -> None:
    """Table text in the 公文 table style, the table across the type area."""
    table.setPropertyValue("HoriOrient", _TABLE_FULL_WIDTH)
    table.setPropertyValue("LeftMargin", 0)
    table.setPropertyValue("RightMargin", 0)
    for name in table.getCellNames():
        enumeration = table.getCellByName(name).createEnumeration()
        while enumeration.hasMoreElements():
            element = enumeration.nextElement()
            if element.supportsService("com.sun.star.text.Paragraph"):
                element.setPropertyValue("ParaStyleName", style_name)
                reset_direct_formatting(element)


# --- the message -----------------------------------------------------------------------

def summary(paragraph_roles: Sequence[str], normalized: Optional[Dict[str, int]],
            locale: str, kept: Sequence[str] = (), preset_name: str = STANDARD_PRESET
            ) -> str:
    """``已按 GB/T 9704 排版：标题 1，一级标题 7，正文 30。`` (roles in document order), then
    ``已规范：成文日期 1 处，标题编号 3 处，段首空格 5 段。`` for each 规范写法 asked for, and
    ``版式：固定值 28 磅行距。`` when the 版式 is not the standard one (a user who had picked
    固定值 28 磅 once was told only "GB/T 9704" by every later Format: user trial)."""
    counts = Counter(role for role in paragraph_roles if role != Role.BLANK)
    parts = [messages.text("format_count", locale, role=messages.text("role_" + role, locale),
                           count=counts[role])
             for role in Role.ALL if counts.get(role)]
    separator = messages.text("format_count_separator", locale)
    message = messages.text("format_done", locale, counts=separator.join(parts))
    if normalized is not None:
        counts = separator.join(messages.text("normalized_" + kind, locale, count=count)
                                for kind, count in normalized.items())
        message += messages.text("format_normalized", locale, counts=counts)
    if preset_name != STANDARD_PRESET:
        label = ("preset_label_" + preset_name if "preset_label_" + preset_name
                 in messages.MESSAGES else None)
        message += messages.text("format_preset_used", locale, name=messages.text(
            label, locale) if label else preset_name)
    for part in kept:
        message += messages.text("format_kept_" + part, locale)
    return message
