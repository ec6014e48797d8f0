"""The 公文 page in Writer: :mod:`gongwen.layout`'s page setup as page-style properties.

Page-style properties cannot be set undoably through the API (tdf#46561, see
``undoable``), so this module works on *states*: ``read_state`` captures what a
set of page styles looks like now (geometry, grid, header and footer contents),
``target_state`` says what they should look like, and ``write_state`` puts a
state in place. The formatter writes the target with Writer's undo locked and
keeps the old state for Ctrl+Z.

Headers and footers follow the core's one policy (:mod:`gongwen.headfoot`): a paragraph
that only shows a page number goes, also inside a table; the author's other text stays;
the footer gets the plan's ``— N —``. Tables in headers and footers are never removed:
their page-number-only cell paragraphs are emptied, the rest kept.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Tuple

from gongwen import headfoot, layout
from gongwen.writer.styles import grid_pitch
from gongwen.writer.units import chars_to_hmm, mm_to_hmm, pt_to_hmm

PAGE_FAMILY = "PageStyles"


def _page_length(mm: float) -> int:
    """A page length as the plan states it (:func:`gongwen.layout.mm_to_pt`), in 1/100 mm."""
    return pt_to_hmm(layout.mm_to_pt(mm))


# Footer geometry (1/100 mm): the footer holds exactly the number's line, so its bottom,
# the page's BottomMargin, is where a .docx keeps a footer's last line (`w:footer`, which
# Writer writes on Save as .docx and reads back as the bottom margin): the number then
# stays 7 mm under the type area after the round trip too (measured: 7.0 mm both ways; a
# taller footer area moved it 1.5 mm lower in the round trip).
# The number's glyph box starts above its exact line (headfoot.PAGE_NUMBER_DROP_MM): the
# footer starts that much lower, so the number's top is 7 mm under the type area.
FOOTER_TEXT_DROP = mm_to_hmm(headfoot.PAGE_NUMBER_DROP_MM)

_PAGE_KEYS = ("Width", "Height", "TopMargin", "LeftMargin", "RightMargin", "FooterIsOn",
              "FooterIsShared", "FooterIsDynamicHeight", "FooterDynamicSpacing", "FooterHeight",
              "FooterBodyDistance", "FooterLeftMargin", "FooterRightMargin", "BottomMargin",
              "GridMode", "GridLines", "GridBaseHeight", "GridRubyHeight", "GridPrint",
              "GridDisplay", "PageStyleLayout")
_GRID_LINES, _GRID_NONE = 1, 0  # com.sun.star.text.TextGridMode


def target_properties(page: layout.PageSetup) -> Tuple[Tuple[str, object], ...]:
    """The page-style properties of ``page``, in the order they must be set (later ones
    depend on earlier ones: the footer is switched on before its size is set)."""
    below = mm_to_hmm(page.page_number.below_mm) + FOOTER_TEXT_DROP
    footer_height = below + pt_to_hmm(page.page_number.size_pt)  # one exact line
    values: Dict[str, object] = {
        "Width": _page_length(page.width_mm), "Height": _page_length(page.height_mm),
        "TopMargin": _page_length(page.top_mm), "LeftMargin": _page_length(page.left_mm),
        "RightMargin": _page_length(page.right_mm), "FooterIsOn": True,
        "FooterIsShared": False,
        "FooterIsDynamicHeight": False,
        # Word-like footer spacing, which a .docx import switches on, ignores the distance.
        "FooterDynamicSpacing": False, "FooterHeight": footer_height,
        "FooterBodyDistance": below, "FooterLeftMargin": 0, "FooterRightMargin": 0,
        "BottomMargin": _page_length(page.bottom_mm) - footer_height,
        "GridMode": _GRID_LINES if page.grid else _GRID_NONE,
        "GridLines": page.lines, "GridBaseHeight": grid_pitch(page), "GridRubyHeight": 0,
        "GridPrint": False, "GridDisplay": False,
    }
    return tuple((key, values[key]) for key in _PAGE_KEYS if key in values)


# Restored before the footer is switched off again, so its size can still be set.
_FOOTER_SWITCH = "FooterIsOn"
_FOOTER_TEXTS = ("FooterTextRight", "FooterTextLeft", "FooterTextFirst")
_HEADER_TEXTS = ("HeaderTextRight", "HeaderTextLeft", "HeaderTextFirst")
# Read (and restored) only when the page style has a header.
_HEADER_KEYS = ("HeaderHeight", "HeaderIsDynamicHeight", "HeaderDynamicSpacing")
_MIN_TOP_MARGIN = 500

# A footer paragraph as plain data: paragraph properties, character properties and
# portions, each ("text", string) or ("field", service, {property: value}).
Portion = Tuple[str, object, object]
FooterParagraph = Dict[str, object]
StyleState = Dict[str, object]
PageState = Dict[str, StyleState]
# A header or footer text in order: ("para", FooterParagraph) for each paragraph and
# ("table", name, {(cell name, paragraph index): FooterParagraph}) for each table. Tables
# are never created or removed (``XText.setString`` would remove them: docs/LO_NOTES.md),
# only the paragraphs around them and inside their cells are rewritten.
Item = Tuple[object, ...]
TextState = List[Item]

_FOOTER_PARA_PROPS = ("ParaAdjust", "ParaLeftMargin", "ParaRightMargin", "ParaFirstLineIndent",
                      "ParaLineSpacing", "ParaTopMargin", "ParaBottomMargin", "SnapToGrid")
_FOOTER_CHAR_PROPS = ("CharFontName", "CharFontNameAsian", "CharFontNameComplex", "CharHeight",
                      "CharHeightAsian", "CharKerning")
# What a run of the author's footer carries itself (a Word file's 9 pt 宋体 ``第 N 页``):
# read per portion where it is set directly, and put back on the same characters, so one
# Ctrl+Z restores the number's size and font, not the paragraph's (issue 19; measured: 11
# pt Cambria came back from the paragraph's own properties).
_PORTION_CHAR_PROPS = ("CharFontName", "CharFontNameAsian", "CharFontNameComplex",
                       "CharHeight", "CharHeightAsian", "CharHeightComplex", "CharWeight",
                       "CharWeightAsian", "CharPosture", "CharPostureAsian", "CharColor",
                       "CharKerning", "CharUnderline", "CharEscapement",
                       "CharEscapementHeight")
_FIELD_PROPS = ("NumberingType", "SubType", "Offset")
PAGE_NUMBER_FIELD = "com.sun.star.text.TextField.PageNumber"
_ARABIC = 4  # com.sun.star.style.NumberingType.ARABIC
_SUBTYPE_CURRENT = 1  # com.sun.star.text.PageNumberType.CURRENT
_LEFT, _RIGHT, _CENTER = 0, 1, 3  # com.sun.star.style.ParagraphAdjust


# --- which page styles ---------------------------------------------------------------

def used_page_styles(document, page_desc_names: Iterable[str] = ()) -> List[str]:
    """The page styles the body uses, in a stable order: the first paragraph's, those
    named in ``page_desc_names``, every style Writer reports in use, and the styles they
    hand over to (``FollowStyle``)."""
    family = document.getStyleFamilies().getByName(PAGE_FAMILY)
    pending = [name for name in page_desc_names if name]
    pending += [name for name in family.getElementNames() if family.getByName(name).isInUse()]
    first = _first_page_style(document)
    if first:
        pending.insert(0, first)
    result: List[str] = []
    while pending:
        name = pending.pop(0)
        if name in result or not family.hasByName(name):
            continue
        result.append(name)
        follow = family.getByName(name).getPropertyValue("FollowStyle")
        if follow:
            pending.append(follow)
    return result


def _first_page_style(document) -> Optional[str]:
    cursor = document.getText().createTextCursor()
    cursor.gotoStart(False)
    try:
        return cursor.getPropertyValue("PageStyleName")
    except Exception:  # a document that starts with a table: the table's cell cursor
        return "Standard"


# --- states ----------------------------------------------------------------------------

def read_state(document, names: Iterable[str]) -> PageState:
    family = document.getStyleFamilies().getByName(PAGE_FAMILY)
    state: PageState = {}
    for name in names:
        style = family.getByName(name)
        info = style.getPropertySetInfo()
        props = {key: style.getPropertyValue(key) for key in _PAGE_KEYS
                 if info.hasPropertyByName(key)}
        for key in ("FirstIsShared", "HeaderIsShared"):
            if info.hasPropertyByName(key):
                props[key] = style.getPropertyValue(key)
        props["HeaderIsOn"] = style.getPropertyValue("HeaderIsOn")  # read, never written
        if props["HeaderIsOn"]:
            props.update({key: style.getPropertyValue(key) for key in _HEADER_KEYS
                          if info.hasPropertyByName(key)})
        texts: Dict[str, TextState] = {}
        for switch, names_ in ((_FOOTER_SWITCH, _FOOTER_TEXTS), ("HeaderIsOn", _HEADER_TEXTS)):
            if props.get(switch):
                for text_name in names_:
                    text = style.getPropertyValue(text_name)
                    if text is not None:
                        texts[text_name] = _read_text(text)
        state[name] = {"props": props, "texts": texts}
    return state


def target_state(old: PageState, plan_page: Optional[layout.PageSetup] = None,
                 looks: Optional[Dict[str, layout.Appearance]] = None) -> PageState:
    """``old`` with the plan's geometry, grid and page numbers in every footer.

    Paragraphs that only showed a page number (``第 1 页 共 3 页``, ``- 1 -`` …) go, in
    headers and footers, tables included. The footer's first line is the plan's number,
    ``below_mm`` under the type area; the author's other text stays, under it, in a footer
    that reaches down into the bottom margin (:func:`_room_for_the_authors_footer`).
    """
    plan_page = plan_page or layout.page_setup()
    looks = looks or layout.appearances()
    target = target_properties(plan_page)
    numbers = {"odd": page_number_paragraph(True, plan_page, looks),
               "even": page_number_paragraph(False, plan_page, looks)}
    state: PageState = {}
    for name, style_state in old.items():
        old_props = style_state["props"]
        props = dict(old_props)
        props.update({key: value for key, value in target if key in props})
        if old_props.get("HeaderIsOn"):
            props.update(_header_above_type_area(old_props, plan_page))
        texts: Dict[str, TextState] = {}
        for text_name, text_state in _texts_to_write(style_state, old_props).items():
            parity = "even" if text_name == "FooterTextLeft" else "odd"
            number = numbers[parity] if text_name in _FOOTER_TEXTS else None
            texts[text_name] = _without_page_numbers(text_state, number)
        if any(_authors_text(texts[name]) for name in _FOOTER_TEXTS if name in texts):
            props.update(_room_for_the_authors_footer(props, plan_page))
        state[name] = {"props": props, "texts": texts}
    return state


# The author's footer lines sit under the page number: the footer then reaches down to
# headfoot.AUTHORS_FOOTER_BOTTOM_MM (fixed height: a dynamic one grows into the body).
_AUTHORS_FOOTER_BOTTOM = mm_to_hmm(headfoot.AUTHORS_FOOTER_BOTTOM_MM)


def _room_for_the_authors_footer(props: Dict[str, object],
                                 plan_page: layout.PageSetup) -> Dict[str, object]:
    height = _page_length(plan_page.bottom_mm) - _AUTHORS_FOOTER_BOTTOM
    return {"FooterHeight": height, "BottomMargin": _AUTHORS_FOOTER_BOTTOM}


def kept_texts(old: PageState) -> List[str]:
    """``header`` / ``footer`` when the author's own text in them was kept."""
    kept = []
    for kind, names in ((headfoot.HEADER, _HEADER_TEXTS), (headfoot.FOOTER, _FOOTER_TEXTS)):
        if any(_authors_text(style_state["texts"][name])
               for style_state in old.values() for name in names
               if name in style_state["texts"]):
            kept.append(kind)
    return kept


def _texts_to_write(style_state: StyleState, old_props: Dict[str, object]
                    ) -> Dict[str, TextState]:
    """Every header/footer text the target writes: the footers always (odd, even, and the
    first page's when it has its own), the headers the author has."""
    old_texts: Dict[str, TextState] = style_state["texts"]  # type: ignore[assignment]
    right = old_texts.get("FooterTextRight", [])
    texts = {"FooterTextRight": right,
             "FooterTextLeft": right if old_props.get("FooterIsShared", True)
             else old_texts.get("FooterTextLeft", [])}
    if old_props.get("FirstIsShared") is False:  # a first-page footer of its own: page 1 is odd
        texts["FooterTextFirst"] = old_texts.get("FooterTextFirst", right)
    for name in _HEADER_TEXTS:
        if name in old_texts:
            texts[name] = old_texts[name]
    return texts


def _without_page_numbers(text_state: TextState,
                          number: Optional[FooterParagraph] = None) -> TextState:
    """The text without page-number-only or empty paragraphs (in tables: emptied), with
    ``number`` as its first paragraph (a footer), the author's under it on exact lines."""
    items: TextState = [("para", number)] if number is not None else []
    lines = _exact_lines if number is not None else _as_is
    for item in text_state:
        if item[0] == "para":
            if _is_authors(item[1]):  # type: ignore[arg-type]
                items.append(("para", lines(item[1])))  # type: ignore[arg-type]
        else:
            cells = {key: lines(paragraph) if _is_authors(paragraph) else _EMPTY_PARAGRAPH
                     for key, paragraph in item[2].items()}  # type: ignore[union-attr]
            items.append(("table", item[1], cells))
    return items


def _as_is(paragraph: FooterParagraph) -> FooterParagraph:
    return paragraph


def _exact_lines(paragraph: FooterParagraph) -> FooterParagraph:
    """The author's footer paragraph on an exact line, no spacing (headfoot.AUTHORS_LINE_PT),
    as the .docx renderer sets it."""
    para = dict(paragraph["para"])  # type: ignore[arg-type]
    para.update(ParaLineSpacing=_line_spacing(_FIX, pt_to_hmm(headfoot.AUTHORS_LINE_PT)),
                ParaTopMargin=0, ParaBottomMargin=0, SnapToGrid=False)
    return {"para": para, "char": paragraph["char"], "portions": paragraph["portions"],
            "looks": paragraph.get("looks", [])}


_PROP, _FIX = 0, 3  # com.sun.star.style.LineSpacingMode


def _line_spacing(mode: int, height: int):
    import uno

    spacing = uno.createUnoStruct("com.sun.star.style.LineSpacing")
    spacing.Mode, spacing.Height = mode, height
    return spacing


def _authors_text(text_state: TextState) -> bool:
    for item in text_state:
        paragraphs = [item[1]] if item[0] == "para" else list(item[2].values())  # type: ignore
        if any(_is_authors(paragraph) for paragraph in paragraphs):
            return True
    return False


_EMPTY_PARAGRAPH: FooterParagraph = {"para": {}, "char": {}, "portions": []}


def _header_above_type_area(old_props: Dict[str, object],
                            plan_page: layout.PageSetup) -> Dict[str, object]:
    """A header the author has keeps its text but fits, fixed, inside the top margin
    (in Writer the header sits between the page's top margin and the body)."""
    top = _page_length(plan_page.top_mm)
    height = min(int(old_props.get("HeaderHeight") or 0), top - _MIN_TOP_MARGIN)
    values: Dict[str, object] = {"TopMargin": top - height, "HeaderHeight": height,
                                 "HeaderIsDynamicHeight": False}
    if "HeaderDynamicSpacing" in old_props:
        values["HeaderDynamicSpacing"] = False
    return values


def _portions(paragraph: FooterParagraph) -> List[headfoot.Portion]:
    result = []
    for kind, first, _ in paragraph["portions"]:  # type: ignore[union-attr]
        if kind == "text":
            result.append(headfoot.text(str(first)))
        elif str(first).endswith("PageNumber"):
            result.append(headfoot.page_field())
        elif str(first).endswith("PageCount"):
            result.append(headfoot.count_field())
        else:
            result.append(headfoot.Portion(headfoot.OTHER))
    return result


def _is_authors(paragraph: FooterParagraph) -> bool:
    """A paragraph of the author's: neither empty nor only a page number."""
    portions = _portions(paragraph)
    return not headfoot.is_empty(portions) and not headfoot.is_page_number_only(portions)


def _is_empty(paragraph: FooterParagraph) -> bool:
    return headfoot.is_empty(_portions(paragraph))


def page_number_paragraph(odd: bool, plan_page: Optional[layout.PageSetup] = None,
                          looks: Optional[Dict[str, layout.Appearance]] = None
                          ) -> FooterParagraph:
    """The plan's ``— N —`` as a footer paragraph: the odd or even page-number style's look
    (4号 宋体, one character in from the type area's outer edge, by default)."""
    plan_page = plan_page or layout.page_setup()
    looks = looks or layout.appearances()
    look = looks[layout.PAGE_NUMBER_STYLE if odd else layout.PAGE_NUMBER_EVEN_STYLE]
    before, after = plan_page.page_number.around()
    adjust = {layout.Align.LEFT: _LEFT, layout.Align.RIGHT: _RIGHT,
              layout.Align.CENTER: _CENTER}[look.align]
    return {
        "para": {"ParaAdjust": adjust,
                 "ParaLeftMargin": chars_to_hmm(look.left_chars, look.size_pt),
                 "ParaRightMargin": chars_to_hmm(look.right_chars, look.size_pt),
                 "ParaFirstLineIndent": 0,
                 # The plan's exact line, as the .docx style has it (FOOTER_TEXT_DROP)
                 "ParaLineSpacing": _line_spacing(_FIX, pt_to_hmm(look.line_pt)),
                 # Off the body's line grid, which Writer applies to footers too: snapped,
                 # the number sits 1.1 mm lower, centred in a 28.95 pt grid line (measured).
                 "ParaTopMargin": 0, "ParaBottomMargin": 0, "SnapToGrid": look.snap_to_grid},
        "char": {"CharFontName": look.latin_font, "CharFontNameAsian": look.east_asian_font,
                 "CharFontNameComplex": look.latin_font, "CharHeight": look.size_pt,
                 "CharHeightAsian": look.size_pt, "CharKerning": 0},
        "portions": [("text", before, None),
                     ("field", PAGE_NUMBER_FIELD,
                      {"NumberingType": _ARABIC, "SubType": _SUBTYPE_CURRENT}),
                     ("text", after, None)],
    }


def write_state(document, state: PageState) -> None:
    """Puts every page style of ``state`` in that state (the caller locks undo)."""
    family = document.getStyleFamilies().getByName(PAGE_FAMILY)
    for name, style_state in state.items():
        style = family.getByName(name)
        props = style_state["props"]
        footer_on = bool(props.get(_FOOTER_SWITCH))
        if footer_on:
            _set(style, _FOOTER_SWITCH, True)
        for key in _PAGE_KEYS:
            # A footer that is switched off has no size to restore (Writer reports 0
            # and refuses it back): switching it off below is all there is.
            if key in props and key != _FOOTER_SWITCH and (footer_on or not _is_footer_key(key)):
                _set(style, key, props[key])
        for key in _HEADER_KEYS:
            if key in props:
                _set(style, key, props[key])
        if footer_on and style_state.get("shares_first"):
            _set(style, "FirstIsShared", True)
        for text_name, text_state in style_state["texts"].items():
            if text_name in _FOOTER_TEXTS and not footer_on:
                continue
            text = style.getPropertyValue(text_name)
            if text is not None:
                _write_text(document, text, text_state)
        if not footer_on:
            _set(style, _FOOTER_SWITCH, False)
        if "follow" in style_state:
            _set(style, "FollowStyle", style_state["follow"])


def _is_footer_key(key: str) -> bool:
    return key.startswith("Footer")


def _set(style, key: str, value: object) -> None:
    if style.getPropertyValue(key) != value:
        style.setPropertyValue(key, value)


# --- header and footer text as data --------------------------------------------------------

def drop_body_page_numbers(document) -> int:
    """Removes the frames and text boxes anchored in the body that show only a page number
    (:func:`gongwen.headfoot.is_floating_page_number`; LibreOffice's .doc import puts
    text-box numbers there, and they stayed beside — N —). Returns how many went."""
    body = document.getText()
    doomed = []
    frames = document.getTextFrames()
    for name in frames.getElementNames():
        frame = frames.getByName(name)
        if _in_body(body, frame) and headfoot.is_floating_page_number(
                [headfoot.text(frame.getString())]):
            doomed.append(frame)
    draw_page = document.getDrawPage()
    for index in range(draw_page.getCount()):
        shape = draw_page.getByIndex(index)
        info = shape.getPropertySetInfo()
        if not (info.hasPropertyByName("TextBox") and shape.getPropertyValue("TextBox")
                and info.hasPropertyByName("TextBoxContent")):
            continue
        content = shape.getPropertyValue("TextBoxContent")
        if content is not None and _in_body(body, shape) and \
                headfoot.is_floating_page_number([headfoot.text(content.getString())]):
            doomed.append(shape)
    for item in doomed:
        info = item.getPropertySetInfo()
        if info.hasPropertyByName("TextBox") and item.getPropertyValue("TextBox"):
            # Disposing the shape alone leaves its text frame laid out (measured: the
            # number still printed): the shape lets go of its frame first.
            item.setPropertyValue("TextBox", False)
        item.dispose()
    return len(doomed)


def _in_body(body, anchored) -> bool:
    """Anchored in the body text (not a header, footer or another frame)."""
    try:
        anchor = anchored.getAnchor()
        body.compareRegionStarts(anchor, body.getStart())
        return True
    except Exception:  # IllegalArgumentException: another text; no anchor: a page's
        return False


def _elements(text) -> List[object]:
    result = []
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        result.append(enumeration.nextElement())
    return result


def _is_table(element) -> bool:
    return element.supportsService("com.sun.star.text.TextTable")


def _read_text(text) -> TextState:
    items: TextState = []
    for element in _elements(text):
        if _is_table(element):
            cells = {}
            for cell_name in element.getCellNames():
                for number, paragraph in enumerate(_paragraphs(element.getCellByName(cell_name))):
                    cells[(cell_name, number)] = _read_paragraph(paragraph)
            items.append(("table", element.getName(), cells))
        elif element.supportsService("com.sun.star.text.Paragraph"):
            items.append(("para", _read_paragraph(element)))
    return items


def _paragraphs(text) -> List[object]:
    return [element for element in _elements(text)
            if element.supportsService("com.sun.star.text.Paragraph")]


def _read_paragraph(paragraph) -> FooterParagraph:
    portions: List[Portion] = []
    looks: List[Dict[str, object]] = []
    chunks = paragraph.createEnumeration()
    while chunks.hasMoreElements():
        portion = chunks.nextElement()
        kind = portion.getPropertyValue("TextPortionType")
        if kind in ("Text", "TextField"):
            looks.append(_direct_look(portion))
        if kind == "Text":
            portions.append(("text", portion.getString(), None))
        elif kind == "TextField":
            field = portion.getPropertyValue("TextField")
            service = _field_service(field)
            info = field.getPropertySetInfo()
            values = {key: field.getPropertyValue(key) for key in _FIELD_PROPS
                      if info.hasPropertyByName(key)}
            portions.append(("field", service, values) if service
                            else ("text", portion.getString(), None))
    return {
        "para": {key: paragraph.getPropertyValue(key) for key in _FOOTER_PARA_PROPS},
        "char": {key: paragraph.getPropertyValue(key) for key in _FOOTER_CHAR_PROPS},
        "portions": portions,
        "looks": looks,
    }


def _direct_look(portion) -> Dict[str, object]:
    """The character properties set directly on ``portion`` (not from a style)."""
    from com.sun.star.beans.PropertyState import DIRECT_VALUE

    info = portion.getPropertySetInfo()
    keys = tuple(key for key in _PORTION_CHAR_PROPS if info.hasPropertyByName(key))
    states = portion.getPropertyStates(keys)
    return {key: portion.getPropertyValue(key)
            for key, state in zip(keys, states) if state == DIRECT_VALUE}


def _field_service(field) -> Optional[str]:
    for name in field.getSupportedServiceNames():
        if name.startswith("com.sun.star.text.TextField.") or \
                name.startswith("com.sun.star.text.textfield."):
            return name
    return None


def _segments(items: List[object], is_table) -> Tuple[List[List[object]], List[object]]:
    """Paragraph runs between tables (one more run than tables), and the tables."""
    runs: List[List[object]] = [[]]
    tables = []
    for item in items:
        if is_table(item):
            tables.append(item)
            runs.append([])
        else:
            runs[-1].append(item)
    return runs, tables


def _write_text(document, text, text_state: TextState) -> None:
    """Puts ``text_state`` in place: each table's cell paragraphs, and the paragraphs
    before, between and after the tables (which stay where they are)."""
    current, tables = _segments(_elements(text), _is_table)
    wanted, table_items = _segments(text_state, lambda item: item[0] == "table")
    # By position, not name: unsharing odd/even footers copies the tables under new names.
    for table, item in zip(tables, table_items):
        _write_cells(document, table, item[2])  # type: ignore[arg-type]
    for index, (paragraphs, data) in enumerate(zip(current, wanted)):
        following = tables[index] if index < len(tables) else None
        _write_run(document, text, paragraphs, [item[1] for item in data], following)
    written, _ = _segments(_elements(text), _is_table)
    for paragraphs, data in zip(written, wanted):
        for target, item in zip(paragraphs, data):
            _format(target, item[1])  # type: ignore[arg-type]


def _write_cells(document, table, cells: Dict[Tuple[str, int], FooterParagraph]) -> None:
    for cell_name in table.getCellNames():
        paragraphs = _paragraphs(table.getCellByName(cell_name))
        for number, target in enumerate(paragraphs):
            data = cells.get((cell_name, number))
            if data is not None and _read_paragraph(target)["portions"] != data["portions"]:
                cursor = target.getText().createTextCursorByRange(target.getStart())
                cursor.gotoEndOfParagraph(True)
                cursor.setString("")
                _insert(document, target.getText(), cursor, [data])
                _format(target, data)


def _write_run(document, text, paragraphs: List[object], data: List[FooterParagraph],
               following) -> None:
    """Replaces the paragraphs of one run between tables with ``data``. A run before a
    table may end up empty (its last paragraph is removed); the one after the last table
    keeps at least one paragraph, as Writer needs."""
    if paragraphs:
        cursor = text.createTextCursorByRange(paragraphs[0].getStart())
        cursor.gotoRange(paragraphs[-1].getEnd(), True)
        cursor.setString("")
        if not data and following is not None:
            _elements_at(text, cursor).dispose()
            return
    elif data and following is not None:
        created = document.createInstance("com.sun.star.text.Paragraph")
        text.insertTextContentBefore(created, following)
        cursor = text.createTextCursorByRange(created.getStart())
    else:
        return
    _insert(document, text, cursor, data)


def _elements_at(text, cursor):
    """The paragraph the cursor is in."""
    enumeration = cursor.createEnumeration()
    return enumeration.nextElement()


def _insert(document, text, cursor, paragraphs: List[FooterParagraph]) -> None:
    for index, paragraph in enumerate(paragraphs):
        if index:
            text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
        for kind, value, extra in paragraph["portions"]:  # type: ignore[union-attr]
            if kind == "text":
                text.insertString(cursor, value, False)
            else:
                field = document.createInstance(value)
                for key, setting in (extra or {}).items():
                    field.setPropertyValue(key, setting)
                text.insertTextContent(cursor, field, False)


def _format(target, paragraph: FooterParagraph) -> None:
    for key, value in list(paragraph["para"].items()) + list(paragraph["char"].items()):
        target.setPropertyValue(key, value)
    looks = paragraph.get("looks")
    if not looks:
        return
    # After the paragraph's own: each portion's direct look on its own characters.
    text = target.getText()
    cursor = text.createTextCursorByRange(target.getStart())
    for (kind, value, _), look in zip(paragraph["portions"], looks):  # type: ignore
        length = _utf16_length(str(value)) if kind == "text" else 1
        cursor.collapseToEnd()
        if not length or not cursor.goRight(length, True):
            continue
        for key, setting in look.items():  # type: ignore[union-attr]
            cursor.setPropertyValue(key, setting)


def _utf16_length(value: str) -> int:
    return len(value.encode("utf-16-le")) // 2
