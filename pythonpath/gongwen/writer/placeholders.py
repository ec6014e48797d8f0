"""Writer side of 检查占位符: mark, walk and clear unfilled placeholders.

What is a placeholder is decided by the core detector (``gongwen.placeholders``) and
nothing else. Writer's own ICU search (``findAll`` with the core's ``icu_pattern()``, a
superset of the candidates) finds where to look, natively and fast; every hit is then
verified by the core: in the body, at two UNO calls per hit, by matching the hits against
the core's spans on the body's text (``_body_placeholders``); elsewhere, or when the two
disagree, by running the core on each hit's whole paragraph. Only the core's spans are
marked or selected. ``findAll`` reaches the body, tables, text frames, footnotes, endnotes
and the headers/footers that are laid out on some page; headers and footers of every page
style (right/left/first, where switched on) are walked paragraph by paragraph instead, so
the ones not on any page yet are covered too and none is counted twice.

Marks are the character style ``spec.PLACEHOLDER_CHAR_STYLE``, *added* to the text's
character styles (``CharStyleNames``), never replacing a style the user had there, and
removed the same way; direct formatting (bold, colour …) is not touched by either. Writer
gives a custom style no separate UI name (``DisplayName`` is read-only and equals the
name), so the Styles deck shows the programmatic name.

Offsets: the paragraph text comes from Writer as a Python ``str`` (code points), the core
answers in code points, and cursors move by code points (``goRight`` steps over a
surrogate pair as one character), so text outside the BMP needs no conversion. Every
range built from an offset is checked against the span's text before it is used.
"""

from __future__ import annotations

import functools
import re
from typing import Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from gongwen import messages, spec
from gongwen import placeholders as core
from gongwen.writer import ui, undo
from gongwen.writer.commands import Invocation, Outcome

# Writer's getString() ends paragraphs with the system's line end.
_LINE_BREAK = re.compile("\r\n|\n")

STYLE_NAME = spec.PLACEHOLDER_CHAR_STYLE

# Page-style properties naming header/footer texts: (switch, text, "shared" flag that
# makes this text the same as the right-page one, or None).
_HEADER_FOOTER_TEXTS: Tuple[Tuple[str, str, Optional[str]], ...] = (
    ("HeaderIsOn", "HeaderText", None),
    ("HeaderIsOn", "HeaderTextLeft", "HeaderIsShared"),
    ("HeaderIsOn", "HeaderTextFirst", "FirstIsShared"),
    ("FooterIsOn", "FooterText", None),
    ("FooterIsOn", "FooterTextLeft", "FooterIsShared"),
    ("FooterIsOn", "FooterTextFirst", "FirstIsShared"),
)


# Where a placeholder lives; also the order Next/Previous walk them in.
BODY, OTHER, HEADER_FOOTER = 0, 1, 2   # body and its tables; frames and notes; headers/footers


class Found(NamedTuple):
    """One verified placeholder: a Writer range and the core's reading of it."""

    range: object        # XTextRange covering exactly the placeholder
    region: int          # BODY, OTHER or HEADER_FOOTER
    placeholder: object  # core.Placeholder (offsets within its paragraph)


# ---- the four commands -------------------------------------------------------

def check_placeholders(invocation: Invocation) -> Outcome:
    document = invocation.document
    with _one_step(document, messages.text("placeholder_check_undo", invocation.locale)):
        style = _ensure_style(document)
        _clear_marks(document, style)  # old marks first: filled-in text loses its mark
        found = find_all(document)
        _mark(found)
    return Outcome(True, _count_message(len(found), invocation.locale),
                   "view_first" if found else "")


def clear_placeholder_marks(invocation: Invocation) -> Outcome:
    document = invocation.document
    style = _existing_style(document)
    if style is not None:
        with _one_step(document, messages.text("placeholder_clear_undo", invocation.locale)):
            _clear_marks(document, style)
    return Outcome(True, messages.text("placeholder_marks_cleared", invocation.locale),
                   "undo" if style is not None else "")


def next_placeholder(invocation: Invocation) -> Outcome:
    """``?from=start``: the first one (the infobar's 查看第一处 after 检查占位符)."""
    if invocation.args.get("from") == "start":
        document = invocation.document
        if select_first(invocation.frame, document, invocation.locale):
            return Outcome(True, "")
        return Outcome(True, messages.text("placeholder_none", invocation.locale))
    return _select_neighbour(invocation, backwards=False)


def previous_placeholder(invocation: Invocation) -> Outcome:
    return _select_neighbour(invocation, backwards=True)


def _count_message(count: int, locale: str) -> str:
    if count == 0:
        return messages.text("placeholder_none", locale)
    return messages.text("placeholder_found", locale, count=count)


# ---- finding -------------------------------------------------------------------

def find_all(document) -> List[Found]:
    """Every placeholder in the document, body first, then frames and notes, then headers."""
    header_footer = list(_header_footer_texts(document))
    frames = _frame_texts(document)
    walked = header_footer + frames  # walked below, so their native hits are skipped
    verifier = _Verifier()
    body = document.getText()
    hits = document.findAll(_descriptor(document))
    ranges = [hits.getByIndex(i) for i in range(hits.getCount() if hits is not None else 0)]
    # findAll answers in the order of Writer's node array: frames, notes and headers come
    # before the body, so the body's hits are one tail of the list.
    first_in_body = _first_index(ranges, lambda hit: _compare(body, hit, body.getStart())
                                 is not None)
    found = _body_placeholders(body, ranges[first_in_body:], verifier)
    for hit in ranges[:first_in_body]:
        text = hit.getText()
        if not _in_any(hit, text, walked):
            found.extend(verifier.spans_in_hit(hit, text, OTHER))
    # Frames and headers are walked, not searched: findAll reaches only those laid out on
    # some page, so a frame in the header of a page style no page uses would be missed.
    for texts, region in ((frames, OTHER), (header_footer, HEADER_FOOTER)):
        for text in texts:
            for paragraph in _paragraphs(text):
                found.extend(verifier.spans_in_paragraph(paragraph, region))
    found.extend(_underlined_blanks(document, header_footer, verifier))
    return found


# ---- underlined blanks ------------------------------------------------------------

def _underlined_blanks(document, header_footer: Sequence[object],
                       verifier: _Verifier) -> List[Found]:
    """Runs of spaces that are underlined: a line to write on, made in a word processor.

    Writer finds the candidates natively: the core's ``underline_blank_icu_pattern()``
    searched together with the attribute CharUnderline (any value). Attribute search does
    not see underlining that comes from a character style, so when an underlining character
    style is in use the space runs are searched without the attribute and those that are
    not underlined at all are dropped. The core decides on each candidate's paragraph,
    given the underlined ranges of its text portions, so that the padding of a filled-in
    ``<u>  张三  </u>`` is no blank. findAll reaches headers and footers only where they
    are laid out; no other underline search is made there.
    """
    body = document.getText()
    seen: List[object] = []  # the start of each paragraph judged so far
    result = []
    for hit in _underline_candidates(document):
        text = hit.getText()
        start = text.createTextCursorByRange(hit.getStart())
        start.gotoStartOfParagraph(False)
        if any(_same_start(start, other) for other in seen):
            continue
        seen.append(start)
        if _in_any(hit, text, header_footer):
            region = HEADER_FOOTER
        else:
            region = BODY if _compare(body, hit, body.getStart()) is not None else OTHER
        result.extend(verifier.underlined_in_paragraph(text, start, region))
    return result


def _underline_candidates(document) -> Iterator[object]:
    """Runs of blank characters that are (or may be) underlined, natively found."""
    from com.sun.star.awt.FontUnderline import NONE
    from com.sun.star.beans import PropertyValue

    # Only CharUnderline is searched by attribute: findAll with an attribute Writer cannot
    # search for (CharStyleNames, say) replaces every match with the empty ReplaceString.
    search = document.createReplaceDescriptor()
    search.SearchRegularExpression = True
    search.SearchString = core.underline_blank_icu_pattern()
    search.setSearchAttributes((PropertyValue("CharUnderline", 0, NONE, 0),))
    search.setValueSearch(False)  # any kind of line
    yield from _hits(document, search)
    styles = document.getStyleFamilies().getByName("CharacterStyles")
    if any(_property(styles.getByName(name), "CharUnderline", NONE) != NONE
           and styles.getByName(name).isInUse() for name in styles.getElementNames()):
        plain = document.createSearchDescriptor()
        plain.SearchRegularExpression = True
        plain.SearchString = core.underline_blank_icu_pattern()
        for hit in _hits(document, plain):
            if _property(hit, "CharUnderline", None) != NONE:  # None: partly underlined
                yield hit


def _hits(document, descriptor) -> Iterator[object]:
    found = document.findAll(descriptor)
    for index in range(found.getCount() if found is not None else 0):
        yield found.getByIndex(index)


def _same_start(first, second) -> bool:
    return (first.getText() == second.getText()
            and _compare(first.getText(), first, second) == 0)


def _is_underlined(text_range) -> bool:
    return bool(_property(text_range, "CharUnderline", 0))


def _body_placeholders(body, hits: Sequence[object], verifier: _Verifier) -> List[Found]:
    """The body's hits judged by the core, cheaply when Writer and the core agree.

    ``body.getString()`` holds every body and table paragraph as one line, in the order
    findAll answers. The native pattern matches a superset of the core's spans, so when
    the hits are exactly as many as the core's spans and read the same, hit *i* is span
    *i* and all are placeholders: two calls per hit instead of eight. Otherwise (a hit the
    core rejects, or text Writer reads differently, such as a field or a hidden
    paragraph) every hit is judged on its own paragraph.
    """
    spans = [span for line in _LINE_BREAK.split(body.getString())
             for span in verifier.detect(line)]
    if len(spans) == len(hits) and all(
            hit.getString() == span.text for hit, span in zip(hits, spans)):
        return [Found(hit, BODY, span) for hit, span in zip(hits, spans)]
    return [found for hit in hits for found in verifier.spans_in_hit(hit, hit.getText(), BODY)]


def _first_index(items: Sequence[object], predicate) -> int:
    """The first index where ``predicate`` holds, for a predicate false then true."""
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if predicate(items[middle]):
            high = middle
        else:
            low = middle + 1
    return low


def _descriptor(document):
    descriptor = document.createSearchDescriptor()
    descriptor.SearchRegularExpression = True
    descriptor.SearchCaseSensitive = True  # the core's classes spell out both cases
    descriptor.SearchString = core.icu_pattern()
    return descriptor


class _Verifier:
    """Runs the core on whole paragraphs, once per distinct paragraph text."""

    def __init__(self) -> None:
        self._cache: Dict[str, Sequence[object]] = {}

    def detect(self, paragraph_text: str) -> Sequence[object]:
        spans = self._cache.get(paragraph_text)
        if spans is None:
            spans = self._cache[paragraph_text] = core.find_placeholders(paragraph_text)
        return spans

    def spans_in_hit(self, hit, text, region: int) -> List[Found]:
        """The core's spans that start inside one native hit (usually the hit itself)."""
        hit_text = hit.getString()
        # The cursor's anchor stays at the hit's start while its end moves: first to the
        # paragraph's start (the text before the hit), then to its end (the hit and after).
        cursor = text.createTextCursorByRange(hit)
        cursor.collapseToStart()
        cursor.gotoStartOfParagraph(True)
        before = cursor.getString()
        cursor.gotoEndOfParagraph(True)
        paragraph_text = before + cursor.getString()
        start, end = len(before), len(before) + len(hit_text)
        result = []
        for span in self.detect(paragraph_text):
            if not start <= span.start < end:
                continue
            if span.start == start and span.end == end:
                result.append(Found(hit, region, span))
            else:
                found = _sub_range(text, hit, span.start - start, span, region)
                if found is not None:
                    result.append(found)
        return result

    def underlined_in_paragraph(self, text, paragraph_start, region: int) -> List[Found]:
        """The core's underlined blanks in the paragraph that starts at ``paragraph_start``,
        from the underlined ranges of its text portions."""
        cursor = text.createTextCursorByRange(paragraph_start)
        cursor.gotoEndOfParagraph(True)
        paragraph = next(_enumerate(cursor), None)
        if paragraph is None:
            return []
        paragraph_text, underlined, offset = "", [], 0
        for portion in _enumerate(paragraph):
            piece = portion.getString()
            if piece and _is_underlined(portion):
                underlined.append((offset, offset + len(piece)))
            paragraph_text += piece
            offset += len(piece)
        result = []
        for span in core.find_placeholders(paragraph_text, underlined):
            if span.kind == core.UNDERLINED_BLANK:
                found = _sub_range(text, paragraph_start, span.start, span, region)
                if found is not None:
                    result.append(found)
        return result

    def spans_in_paragraph(self, paragraph, region: int) -> List[Found]:
        """Every core span of a paragraph met while walking (headers and footers)."""
        spans = self.detect(paragraph.getString())
        if not spans:
            return []
        text = paragraph.getText()
        return [found for found in (_sub_range(text, paragraph, span.start, span, region)
                                    for span in spans) if found is not None]


def _sub_range(text, origin, offset: int, span, region: int) -> Optional[Found]:
    """A cursor over ``span``, ``offset`` characters after the start of ``origin``.

    Characters that are not text (a field, a footnote anchor) can make Writer's count
    differ from the string's; the span's text is compared, and a mismatch is skipped
    rather than marking the wrong characters.
    """
    cursor = text.createTextCursorByRange(origin.getStart())
    if offset and not cursor.goRight(offset, False):
        return None
    cursor.goRight(span.end - span.start, True)
    if cursor.getString() != span.text:
        return None
    return Found(cursor, region, span)


def _in_any(text_range, text, texts: Sequence[object]) -> bool:
    """Whether ``text_range`` (in ``text``) lies in one of ``texts`` or in a table there."""
    if _is_one_of(text, texts):
        return True
    # A table cell is a text of its own; the text around the table accepts the range for
    # comparison (a table's anchor in a header has no text to ask instead).
    return (text.supportsService("com.sun.star.text.CellProperties")
            and any(_compare(outer, text_range, outer.getStart()) is not None
                    for outer in texts))


def _is_one_of(text, texts: Sequence[object]) -> bool:
    return any(text == other for other in texts)


# ---- where text lives ------------------------------------------------------------

def _header_footer_texts(document) -> Iterator[object]:
    """Each header/footer text of every page style once (right, left, first; if on)."""
    seen: List[object] = []
    page_styles = document.getStyleFamilies().getByName("PageStyles")
    for name in page_styles.getElementNames():
        style = page_styles.getByName(name)
        for switch, text_name, shared in _HEADER_FOOTER_TEXTS:
            if not _property(style, switch, False):
                continue
            if shared is not None and _property(style, shared, True):
                continue
            text = _property(style, text_name, None)
            if text is not None and not _is_one_of(text, seen):
                seen.append(text)
                yield text


def _frame_texts(document) -> List[object]:
    """The text of every text frame, wherever it is anchored (body, header, another frame):
    those anchored in the body first, top to bottom, then the others."""
    frames = document.getTextFrames()
    body = document.getText()
    in_body, elsewhere = [], []
    for name in frames.getElementNames():
        frame = frames.getByName(name)
        anchor = frame.getAnchor()
        if _compare(body, anchor, body.getStart()) is None:
            elsewhere.append(frame.getText())
        else:
            in_body.append((anchor, frame.getText()))

    def by_anchor(first, second) -> int:
        return -(_compare(body, first[0], second[0]) or 0)  # compare: 1 when first is earlier

    in_body.sort(key=functools.cmp_to_key(by_anchor))
    return [text for _, text in in_body] + elsewhere


def _containers(document, header_footer: Sequence[object]) -> List[object]:
    """Every text a placeholder can be in, in the order Next walks them: the body (with
    its tables), frames, footnotes, endnotes, then headers and footers."""
    texts = [document.getText()]
    texts.extend(_frame_texts(document))
    for notes in (document.getFootnotes(), document.getEndnotes()):
        texts.extend(notes.getByIndex(index).getText() for index in range(notes.getCount()))
    texts.extend(header_footer)
    return texts


def _container_index(containers: Sequence[object], text_range) -> int:
    """Which of ``containers`` holds ``text_range``; len(containers) if none does."""
    text = text_range.getText()
    for index, container in enumerate(containers):
        if text == container:
            return index
    for index, container in enumerate(containers):  # a cell: the text around its table
        if _compare(container, text_range, container.getStart()) is not None:
            return index
    return len(containers)


def _property(obj, name: str, default):
    try:
        return obj.getPropertyValue(name)
    except Exception:  # a property this LibreOffice version does not have
        return default


def _all_texts(document) -> Iterator[object]:
    """Every text a mark can be in: body, frames, headers/footers, foot- and endnotes,
    and every table cell (a cursor walking the text around a table skips it)."""
    yield document.getText()
    frames = document.getTextFrames()
    for name in frames.getElementNames():
        yield frames.getByName(name)
    yield from _header_footer_texts(document)
    for notes in (document.getFootnotes(), document.getEndnotes()):
        for index in range(notes.getCount()):
            yield notes.getByIndex(index)
    tables = document.getTextTables()
    for name in tables.getElementNames():
        table = tables.getByName(name)
        for cell_name in table.getCellNames():
            yield table.getCellByName(cell_name)


def _paragraphs(text) -> Iterator[object]:
    """The paragraphs of a text in order, descending into tables (also nested ones)."""
    elements = text.createEnumeration()
    while elements.hasMoreElements():
        element = elements.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield element
        elif element.supportsService("com.sun.star.text.TextTable"):
            for cell_name in element.getCellNames():
                yield from _paragraphs(element.getCellByName(cell_name))


# ---- marking -------------------------------------------------------------------

def _one_step(document, title: str) -> undo.undo_step:
    """One undo step, and no view updates while many ranges change (4x faster)."""
    return undo.undo_step(document, title, lock_view=True)


def _existing_style(document):
    styles = document.getStyleFamilies().getByName("CharacterStyles")
    return styles.getByName(STYLE_NAME) if styles.hasByName(STYLE_NAME) else None


def _ensure_style(document):
    """The marking style; created yellow when missing, left as the user made it if not."""
    style = _existing_style(document)
    if style is None:
        styles = document.getStyleFamilies().getByName("CharacterStyles")
        style = document.createInstance("com.sun.star.style.CharacterStyle")
        styles.insertByName(STYLE_NAME, style)
        style.CharBackColor = spec.PLACEHOLDER_BACKGROUND_RGB
    return style


def _mark(found: Sequence[Found]) -> None:
    for item in found:
        names = tuple(_property(item.range, "CharStyleNames", None) or ())
        if STYLE_NAME not in names:
            _set_char_styles(item.range, names + (STYLE_NAME,))


def _set_char_styles(text_range, names: Tuple[str, ...]) -> None:
    # Attribute assignment lets pyuno convert the tuple to the property's []string type
    # (setPropertyValue would pass []any, which Writer silently ignores).
    text_range.CharStyleNames = names


def _clear_marks(document, style) -> None:
    """Takes the mark off every run carrying it; other styles and formatting stay.

    A cursor steps through the paragraphs of every text and asks whether any character
    style is set in each; only those (about one paragraph in three in a marked report)
    have their portions looked at. 3x faster than enumerating every paragraph.
    """
    from com.sun.star.beans.PropertyState import DEFAULT_VALUE

    if not style.isInUse():  # never applied in this document (stays true once it was)
        return
    for text in _all_texts(document):
        cursor = text.createTextCursor()
        cursor.gotoStart(False)
        while True:
            cursor.gotoEndOfParagraph(True)
            if cursor.getPropertyState("CharStyleName") != DEFAULT_VALUE:
                _clear_marks_in(cursor)
            if not cursor.gotoNextParagraph(False):
                break


def _clear_marks_in(text_range) -> None:
    for paragraph in _enumerate(text_range):
        for portion in _enumerate(paragraph):
            names = tuple(_property(portion, "CharStyleNames", None) or ())
            if STYLE_NAME not in names:
                continue
            rest = tuple(name for name in names if name != STYLE_NAME)
            if rest:
                _set_char_styles(portion, rest)
            else:
                portion.setPropertyToDefault("CharStyleName")


def _enumerate(container) -> Iterator[object]:
    elements = container.createEnumeration()
    while elements.hasMoreElements():
        yield elements.nextElement()


# ---- walking -------------------------------------------------------------------

def _select_neighbour(invocation: Invocation, backwards: bool) -> Outcome:
    """Selects the placeholder after (before) the view cursor, wrapping at the ends.

    The list is found afresh from the live text (no marks needed) and walked in the
    order body (with its tables), then frames, foot- and endnotes, then headers/footers,
    each text from its start to its end.
    """
    document = invocation.document
    containers, found, where = _in_reading_order(document, find_all(document))
    if not found:
        return Outcome(True, messages.text("placeholder_none", invocation.locale))
    controller = document.getCurrentController()
    first = _neighbour_index(containers, found, where, controller.getViewCursor(), backwards)
    if _select_from(invocation.frame, controller, found, first, -1 if backwards else 1,
                    invocation.locale):
        return Outcome(True, "")
    return Outcome(True, messages.text("placeholder_none_on_pages", invocation.locale,
                                       count=len(found)))


def select_first(frame, document, locale: str, found: Optional[List[Found]] = None) -> bool:
    """Selects the first placeholder in reading order (the walk's order), as Next would
    from the document's start; ``found`` is ``find_all``'s answer if the caller has it.
    False when there is none the view can show."""
    _, ordered, _ = _in_reading_order(document, find_all(document) if found is None else found)
    return bool(ordered) and _select_from(frame, document.getCurrentController(), ordered, 0,
                                          1, locale)


def _in_reading_order(document, found: List[Found]):
    """The containers in walking order, ``found`` sorted into it, and each one's container."""
    containers = _containers(document, list(_header_footer_texts(document)))
    ordered, where = _reading_order(found, containers)
    return containers, ordered, where


def _select_from(frame, controller, found: List[Found], first: int, step: int,
                 locale: str) -> bool:
    """Selects ``found[first]``, or the next one (by ``step``, wrapping) the view can show,
    and says which in the status bar."""
    for attempt in range(len(found)):
        index = (first + step * attempt) % len(found)
        target = found[index]
        # A header of a page style no page uses (or a frame in it) is on no page: the
        # view cannot select there, so the walk goes on to the next one it can show.
        if _select(controller, target.range):
            ui.set_status(frame, messages.text(
                "placeholder_position", locale, index=index + 1, count=len(found),
                text=target.placeholder.text))
            return True
    return False


def _select(controller, text_range) -> bool:
    """Selects ``text_range`` in the view; False when the view could not go there."""
    controller.select(text_range)
    selection = controller.getSelection()
    try:
        selected = selection.getByIndex(0)
    except Exception:  # not a text selection at all
        return False
    return _compare(text_range.getText(), selected, text_range) == 0


def _reading_order(found: List[Found],
                   containers: Sequence[object]) -> Tuple[List[Found], List[int]]:
    """``found`` sorted by the text it is in (stable: document order within a text),
    and the index in ``containers`` of each one's text."""
    blanks = [item for item in found if item.placeholder.kind == core.UNDERLINED_BLANK]
    keyed = sorted(((_container_index(containers, item.range), item) for item in found
                    if item.placeholder.kind != core.UNDERLINED_BLANK),
                   key=lambda pair: pair[0])
    # Underlined blanks come from a search of their own: each goes to its place among
    # the others of its text (a binary search; those are in document order).
    for item in blanks:
        _insert_in_order(keyed, containers, item)
    return [item for _, item in keyed], [where for where, _ in keyed]


def _insert_in_order(keyed: List[Tuple[int, Found]], containers: Sequence[object],
                     item: Found) -> None:
    where = _container_index(containers, item.range)
    low = _first_index(keyed, lambda pair: pair[0] >= where)
    high = _first_index(keyed, lambda pair: pair[0] > where)
    container = containers[where] if where < len(containers) else None
    position = low + _first_index(
        keyed[low:high], lambda pair: _compare(container, pair[1].range, item.range) != 1)
    keyed.insert(position, (where, item))


def _neighbour_index(containers: Sequence[object], found: List[Found], where: List[int],
                     cursor, backwards: bool) -> int:
    """Index of the next (previous) placeholder in ``found`` as seen from ``cursor``.

    Placeholders in an earlier text come before the cursor, in a later text after it;
    in the cursor's own text their starts are compared with the cursor's.
    """
    origin = cursor.getStart() if backwards else cursor.getEnd()
    here = _container_index(containers, origin)

    def starts_before_origin(index: int) -> Optional[bool]:
        if where[index] != here:
            return where[index] < here
        position = _compare(containers[here], found[index].range, origin)
        return None if position is None else position == 1

    if backwards:
        return next((i for i in reversed(range(len(found))) if starts_before_origin(i)),
                    len(found) - 1)
    return next((i for i in range(len(found)) if starts_before_origin(i) is False), 0)


def _compare(text, first, second) -> Optional[int]:
    """``compareRegionStarts`` (1: first starts before second), None if not comparable."""
    try:
        return text.compareRegionStarts(first, second)
    except Exception:  # ranges in different texts cannot be compared
        return None
