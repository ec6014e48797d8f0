"""The 公文 page: A4, GB/T 9704 margins, the 22-line grid and the odd/even page numbers.

Page-style properties cannot be set undoably through the API (tdf#46561, see
``undoable``), so this module works on *states*: ``read_state`` captures what a
set of page styles looks like now (geometry, grid and footer contents),
``target_state`` says what they should look like, and ``write_state`` puts a
state in place. The formatter writes the target with Writer's undo locked and
keeps the old state for Ctrl+Z.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Tuple

from gongwen import spec
from gongwen.spec import MM_PER_PT, PAGE
from gongwen.writer.styles import GRID_PITCH, font_name

PAGE_FAMILY = "PageStyles"


def _hmm(mm: float) -> int:
    return int(round(mm * 100))


# Footer geometry (1/100 mm), measured in Writer 7.4 PDFs with pdftotext: with the
# number paragraph starting 7 mm under the type area its box top lands 6.9 mm below
# it in a direct export and 7.7 mm below after Save as .docx + reload (Word keeps the
# footer's distance from the paper edge, `w:footer`, which Writer maps back to the
# bottom margin). The footer area holds one 4号 line; margin + footer = 35 mm.
FOOTER_BODY_DISTANCE = _hmm(PAGE.page_number_gap)
FOOTER_HEIGHT = FOOTER_BODY_DISTANCE + _hmm(6.5)
FOOTER_BOTTOM_MARGIN = _hmm(PAGE.bottom) - FOOTER_HEIGHT
PAGE_NUMBER_INDENT = _hmm(PAGE.page_number_indent_chars * PAGE.page_number_size_pt * MM_PER_PT)

# Set in this order: later properties depend on earlier ones (footer on before its size).
TARGET_PROPERTIES: Tuple[Tuple[str, object], ...] = (
    ("Width", _hmm(PAGE.width)),
    ("Height", _hmm(PAGE.height)),
    ("TopMargin", _hmm(PAGE.top)),
    ("LeftMargin", _hmm(PAGE.left)),
    ("RightMargin", _hmm(PAGE.right)),
    ("FooterIsOn", True),
    ("FooterIsShared", False),
    ("FooterIsDynamicHeight", False),
    # Word-like footer spacing, which a .docx import switches on, ignores the body distance.
    ("FooterDynamicSpacing", False),
    ("FooterHeight", FOOTER_HEIGHT),
    ("FooterBodyDistance", FOOTER_BODY_DISTANCE),
    ("FooterLeftMargin", 0),
    ("FooterRightMargin", 0),
    ("BottomMargin", FOOTER_BOTTOM_MARGIN),
    ("GridMode", 1),  # com.sun.star.text.TextGridMode.LINES
    ("GridLines", PAGE.lines),
    ("GridBaseHeight", GRID_PITCH),
    ("GridRubyHeight", 0),
    ("GridPrint", False),
    ("GridDisplay", False),
)
# Restored before the footer is switched off again, so its size can still be set.
_FOOTER_SWITCH = "FooterIsOn"
_FOOTER_TEXTS = ("FooterTextRight", "FooterTextLeft", "FooterTextFirst")
# Read (and restored) only when the page style has a header.
_HEADER_KEYS = ("HeaderHeight", "HeaderIsDynamicHeight", "HeaderDynamicSpacing")
_MIN_TOP_MARGIN = 500

# A footer paragraph as plain data: paragraph properties, character properties and
# portions, each ("text", string) or ("field", service, {property: value}).
Portion = Tuple[str, object, object]
FooterParagraph = Dict[str, object]
StyleState = Dict[str, object]
PageState = Dict[str, StyleState]

_FOOTER_PARA_PROPS = ("ParaAdjust", "ParaLeftMargin", "ParaRightMargin", "ParaFirstLineIndent")
_FOOTER_CHAR_PROPS = ("CharFontName", "CharFontNameAsian", "CharHeight", "CharHeightAsian",
                      "CharKerning")
_FIELD_PROPS = ("NumberingType", "SubType", "Offset")
PAGE_NUMBER_FIELD = "com.sun.star.text.TextField.PageNumber"
_ARABIC = 4  # com.sun.star.style.NumberingType.ARABIC
_SUBTYPE_CURRENT = 1  # com.sun.star.text.PageNumberType.CURRENT
_LEFT, _RIGHT = 0, 1  # com.sun.star.style.ParagraphAdjust


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
        props = {key: style.getPropertyValue(key) for key, _ in TARGET_PROPERTIES
                 if info.hasPropertyByName(key)}
        if info.hasPropertyByName("FirstIsShared"):
            props["FirstIsShared"] = style.getPropertyValue("FirstIsShared")
        props["HeaderIsOn"] = style.getPropertyValue("HeaderIsOn")  # read, never written
        if props["HeaderIsOn"]:
            props.update({key: style.getPropertyValue(key) for key in _HEADER_KEYS
                          if info.hasPropertyByName(key)})
        footers = {}
        if props.get(_FOOTER_SWITCH):
            for text_name in _FOOTER_TEXTS:
                text = style.getPropertyValue(text_name)
                if text is not None:
                    footers[text_name] = _read_footer(text)
        state[name] = {"props": props, "footers": footers}
    return state


def target_state(old: PageState) -> PageState:
    """``old`` with the 公文 geometry, grid and an odd/even ``— N —`` in every footer.

    A footer that held only a page number (``第 1 页 共 3 页``, ``- 1 -`` …) gets ours
    instead; any other footer text the author wrote is kept above it.
    """
    state: PageState = {}
    for name, style_state in old.items():
        old_props = style_state["props"]
        props = dict(old_props)
        props.update({key: value for key, value in TARGET_PROPERTIES if key in props})
        if old_props.get("HeaderIsOn"):
            props.update(_header_above_type_area(old_props))
        kept = _authors_footer_paragraphs(style_state, old_props)
        footers = {"FooterTextRight": kept["FooterTextRight"] + [page_number_paragraph(odd=True)],
                   "FooterTextLeft": kept["FooterTextLeft"] + [page_number_paragraph(odd=False)]}
        if props.get("FirstIsShared") is False:  # a first-page footer of its own: page 1 is odd
            footers["FooterTextFirst"] = kept["FooterTextFirst"] + [page_number_paragraph(odd=True)]
        state[name] = {"props": props, "footers": footers}
    return state


def _header_above_type_area(old_props: Dict[str, object]) -> Dict[str, object]:
    """A header the author has keeps its text but fits, fixed, inside the 37 mm top
    margin (in Writer the header sits between the page's top margin and the body)."""
    top = _hmm(PAGE.top)
    height = min(int(old_props.get("HeaderHeight") or 0), top - _MIN_TOP_MARGIN)
    values: Dict[str, object] = {"TopMargin": top - height, "HeaderHeight": height,
                                 "HeaderIsDynamicHeight": False}
    if "HeaderDynamicSpacing" in old_props:
        values["HeaderDynamicSpacing"] = False
    return values


def _authors_footer_paragraphs(style_state: StyleState,
                               old_props: Dict[str, object]) -> Dict[str, List[FooterParagraph]]:
    old_footers = style_state["footers"] if old_props.get(_FOOTER_SWITCH) else {}
    right = _authors_paragraphs(old_footers.get("FooterTextRight", []))
    left = right if old_props.get("FooterIsShared", True) else \
        _authors_paragraphs(old_footers.get("FooterTextLeft", []))
    first = right if old_props.get("FirstIsShared", True) else \
        _authors_paragraphs(old_footers.get("FooterTextFirst", []))
    return {"FooterTextRight": right, "FooterTextLeft": left, "FooterTextFirst": first}


# What a page-number-only footer is made of, besides page number and page count fields.
_PAGE_NUMBER_DECORATION = set(" \t\u3000第页共/|-—–－_.·:：()（）PpageOf0123456789")
_PAGE_NUMBER_FIELDS = ("PageNumber", "PageCount")


def _authors_paragraphs(paragraphs: List[FooterParagraph]) -> List[FooterParagraph]:
    """The footer paragraphs that hold more than a page number."""
    return [paragraph for paragraph in paragraphs if not _is_page_number_only(paragraph)]


def _is_page_number_only(paragraph: FooterParagraph) -> bool:
    for kind, first, _ in paragraph["portions"]:
        if kind == "text" and not set(str(first)) <= _PAGE_NUMBER_DECORATION:
            return False
        if kind == "field" and not str(first).endswith(_PAGE_NUMBER_FIELDS):
            return False
    return True


def page_number_paragraph(odd: bool) -> FooterParagraph:
    """``— N —`` in 4号 宋体, one character in from the type area's outer edge."""
    size = float(PAGE.page_number_size_pt)
    song = font_name(spec.SONGTI)
    before, after = spec.PAGE_NUMBER_FORMAT.split("{}")
    return {
        "para": {"ParaAdjust": _RIGHT if odd else _LEFT,
                 "ParaLeftMargin": 0 if odd else PAGE_NUMBER_INDENT,
                 "ParaRightMargin": PAGE_NUMBER_INDENT if odd else 0,
                 "ParaFirstLineIndent": 0},
        "char": {"CharFontName": song, "CharFontNameAsian": song, "CharHeight": size,
                 "CharHeightAsian": size, "CharKerning": 0},
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
        for key, _ in TARGET_PROPERTIES:
            # A footer that is switched off has no size to restore (Writer reports 0
            # and refuses it back): switching it off below is all there is.
            if key in props and key != _FOOTER_SWITCH and (footer_on or not _is_footer_key(key)):
                _set(style, key, props[key])
        for key in _HEADER_KEYS:
            if key in props:
                _set(style, key, props[key])
        if footer_on:
            for text_name, paragraphs in style_state["footers"].items():
                text = style.getPropertyValue(text_name)
                if text is not None:
                    _write_footer(document, text, paragraphs)
        else:
            _set(style, _FOOTER_SWITCH, False)


def _is_footer_key(key: str) -> bool:
    return key.startswith("Footer")


def _set(style, key: str, value: object) -> None:
    if style.getPropertyValue(key) != value:
        style.setPropertyValue(key, value)


# --- footer text as data -------------------------------------------------------------------

def _read_footer(text) -> List[FooterParagraph]:
    paragraphs = []
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if not paragraph.supportsService("com.sun.star.text.Paragraph"):
            continue
        portions: List[Portion] = []
        chunks = paragraph.createEnumeration()
        while chunks.hasMoreElements():
            portion = chunks.nextElement()
            kind = portion.getPropertyValue("TextPortionType")
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
        paragraphs.append({
            "para": {key: paragraph.getPropertyValue(key) for key in _FOOTER_PARA_PROPS},
            "char": {key: paragraph.getPropertyValue(key) for key in _FOOTER_CHAR_PROPS},
            "portions": portions,
        })
    return paragraphs


def _field_service(field) -> Optional[str]:
    for name in field.getSupportedServiceNames():
        if name.startswith("com.sun.star.text.TextField.") or \
                name.startswith("com.sun.star.text.textfield."):
            return name
    return None


def _write_footer(document, text, paragraphs: List[FooterParagraph]) -> None:
    text.setString("")
    cursor = text.createTextCursor()
    for index, paragraph in enumerate(paragraphs):
        if index:
            text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
        for kind, first, second in paragraph["portions"]:
            if kind == "text":
                text.insertString(cursor, first, False)
            else:
                field = document.createInstance(first)
                for key, value in (second or {}).items():
                    field.setPropertyValue(key, value)
                text.insertTextContent(cursor, field, False)
    enumeration = text.createEnumeration()
    for paragraph in paragraphs:
        if not enumeration.hasMoreElements():
            break
        target = enumeration.nextElement()
        for key, value in list(paragraph["para"].items()) + list(paragraph["char"].items()):
            target.setPropertyValue(key, value)
