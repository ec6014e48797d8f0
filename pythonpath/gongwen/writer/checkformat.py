"""检查格式 (``vnd.gongwen:CheckFormat``): the format checker in Writer, changing nothing.

What the document looks like is read into the core's model (:mod:`gongwen.formatcheck`:
per body paragraph its text, the fonts, size and weight of most of its characters, its
alignment and indents, colour/underline/highlight covering all of it; the page style of
the first paragraph; the fonts the toolkit has) and judged against the plan of the
document's own preset (:func:`gongwen.writer.presets.preset_for`), the plan 一键公文格式
carries out. :func:`format_problems` is that, for tests and other callers.

The command shows the problems in a modeless dialog (:class:`ProblemList`, built with
the UNO dialog API like the scaffold chooser): each row starts with its category in the
user's words (【字号】…, :func:`gongwen.formatcheck.row_text`), a long row wraps onto
indented lines, and the window stands right of the page, as wide as the room there;
clicking any line of a row selects its place in the document, and the status bar gives
the count. Nothing is written: no property is set, so
the document's modified flag and undo stack stay as they were. With ``GONGWEN_NO_DIALOGS``
set (the test rig, screenshots) no dialog is made and the message gives the count.
"""

from __future__ import annotations

from collections import Counter
from typing import List, NamedTuple, Optional, Sequence, Set, Tuple

import unohelper
from com.sun.star.awt import XActionListener, XItemListener

from gongwen import formatcheck, layout, listlabel, messages
from gongwen.formatcheck import DocumentFacts, PageFacts, ParagraphFacts, Problem
from gongwen.spec import Align
from gongwen.writer import fonts, numbering, ui
from gongwen.writer.commands import Invocation, Outcome
from gongwen.writer.units import hmm_to_pt

_ADJUST = {0: Align.LEFT, 1: Align.RIGHT, 2: Align.JUSTIFY, 3: Align.CENTER, 4: Align.JUSTIFY}
_BOLD_WEIGHT = 150.0  # com.sun.star.awt.FontWeight: SEMIBOLD and above
_FIX = 3  # com.sun.star.style.LineSpacingMode.FIX
_GRID_NONE = 0  # com.sun.star.text.TextGridMode.NONE
_AUTO = -1  # CharColor / CharHighlight / CharBackColor: automatic, none
_BLACK = 0


class Checked(NamedTuple):
    """The problems and the body paragraphs they point into (by ``Problem.paragraph``).
    A numbered paragraph is judged with its list label typed in front, as 一键公文格式 will
    type it: ``labels`` holds each paragraph's label length, to map offsets back."""

    problems: List[Problem]
    paragraphs: List[object]
    labels: List[int] = []


def format_problems(document, settings: Optional[layout.Settings] = None,
                    locale: str = "zh-CN", installed: Optional[Set[str]] = None,
                    ctx=None) -> Checked:
    """Every format problem of a Writer document (see the module docstring); reads only.
    ``installed`` replaces the toolkit's font list (tests); ``ctx``: soffice's component
    context (default: this process's, which is soffice's inside the extension)."""
    paragraphs, facts, labels = _read_paragraphs(document)
    page = _read_page(document, paragraphs, facts)
    named = formatcheck.named_fonts(facts)
    if ctx is None:
        import uno

        ctx = uno.getComponentContext()
    if installed is None:
        installed = fonts.installed_fonts(ctx)
    # the face that really draws a missing font: the replacement table's, as applied
    applied, pending = fonts.tables(ctx)
    stand_in = fonts.stand_in_judge(installed, applied, pending, locale) if installed else None
    model = DocumentFacts(facts, page, sorted(named), stand_in)
    return Checked(formatcheck.check(model, settings, locale), paragraphs, labels)


def check_format(invocation: Invocation) -> Outcome:
    from gongwen.writer import presets
    from gongwen.writer.scaffold_dialog import dialogs_disabled

    settings = layout.with_seal(layout.settings_from(presets.preset_for(invocation).data),
                                None, presets.stored_seal(invocation.document))
    checked = format_problems(invocation.document, settings, invocation.locale,
                              ctx=invocation.ctx)
    message = formatcheck.count_message(len(checked.problems), invocation.locale)
    if dialogs_disabled():
        return Outcome(True, message)
    show(invocation, checked)
    ui.set_status(invocation.frame, message)
    return Outcome(True, "")  # the list is the answer: no message box on top of it


# --- reading ---------------------------------------------------------------------------------

def _read_paragraphs(document) -> Tuple[List[object], List[ParagraphFacts], List[int]]:
    notes = bool(document.getFootnotes().getCount() or document.getEndnotes().getCount())
    lists = numbering.may_have_lists(document)
    elements, facts, labels = [], [], []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            fact = _paragraph(element, notes)
            label = _typed_label(element, fact.text) if lists else ""
            if label:
                fact = _with_label(fact, label)
            elements.append(element)
            facts.append(fact)
            labels.append(len(label))
    return elements, facts, labels


def _typed_label(paragraph, text: str) -> str:
    """The list label 一键公文格式 would type in front of ``text`` ("" for none)."""
    if not numbering._in_list(paragraph):
        return ""
    level = numbering._level_properties(paragraph)
    followed_by = numbering._FOLLOWED_BY.get(level.get("LabelFollowedBy"),
                                             listlabel.FOLLOWED_BY_TAB)
    return listlabel.typed_label(numbering._label(paragraph, level), followed_by, text)


def _with_label(fact: ParagraphFacts, label: str) -> ParagraphFacts:
    shift = len(label)
    return fact._replace(text=label + fact.text, underlined=tuple(
        (start + shift, end + shift) for start, end in fact.underlined))


class _Portion(NamedTuple):
    text: str
    east_asian: str
    latin: str
    size_pt: float
    bold: bool
    color: Optional[int]
    underline: bool
    highlight: bool
    linked: bool  # in a real hyperlink: its look is the link's, as Format leaves it


def _paragraph(paragraph, skip_notes: bool) -> ParagraphFacts:
    portions = []
    enumeration = paragraph.createEnumeration()
    while enumeration.hasMoreElements():
        portion = enumeration.nextElement()
        kind = portion.getPropertyValue("TextPortionType")
        if kind == "Footnote" and skip_notes:
            continue
        if kind in ("Text", "Field", "Footnote"):
            portions.append(_portion(portion))
    text = "".join(p.text for p in portions) if skip_notes else paragraph.getString()
    underlined, offset = [], 0
    for portion in portions:
        if portion.underline:
            underlined.append((offset, offset + len(portion.text)))
        offset += len(portion.text)
    visible = [p for p in portions if p.text.strip() and not p.linked]
    colours = {p.color for p in visible}
    size = formatcheck.dominant([(p.size_pt, p.text) for p in portions], any_char=True)
    # its own look: a run-in heading's opening sentence has its level's, by design
    own = formatcheck.outside_run_in([(x, x.text) for x in portions])
    return ParagraphFacts(
        text=text,
        east_asian_font=formatcheck.dominant([(x.east_asian, part) for x, part in own], cjk=True),
        latin_font=formatcheck.dominant([(x.latin, part) for x, part in own], latin=True),
        size_pt=size if size is not None else float(paragraph.getPropertyValue("CharHeight")),
        bold=formatcheck.dominant([(x.bold, part) for x, part in own], any_char=True),
        align=_ADJUST.get(int(paragraph.getPropertyValue("ParaAdjust")), Align.LEFT),
        first_line_pt=hmm_to_pt(paragraph.getPropertyValue("ParaFirstLineIndent")),
        left_pt=hmm_to_pt(paragraph.getPropertyValue("ParaLeftMargin")),
        right_pt=hmm_to_pt(paragraph.getPropertyValue("ParaRightMargin")),
        underline=bool(visible) and all(p.underline for p in visible),
        color_rgb=colours.pop() if len(colours) == 1 else None,
        highlight=bool(visible) and all(p.highlight for p in visible),
        underlined=tuple(underlined) if offset == len(text) else (),
        style=paragraph.getPropertyValue("ParaStyleName") or None)


_PORTION_PROPERTIES = ("CharFontNameAsian", "CharFontName", "CharHeight", "CharWeight",
                       "CharColor", "CharUnderline", "CharHighlight", "CharBackColor",
                       "HyperLinkURL")


def _portion(portion) -> _Portion:
    # One call for all of them: a 100-page report has thousands of portions.
    try:
        values = portion.getPropertyValues(_PORTION_PROPERTIES)
    except Exception:  # a portion type without one of them
        values = ("", "", 0.0, 100.0, _AUTO, 0, _AUTO, _AUTO, "")
    asian, latin, height, weight, color, underline, highlight, back, link = values
    return _Portion(portion.getString(), asian or "", latin or "", float(height or 0.0),
                    float(weight or 100.0) >= _BOLD_WEIGHT,
                    None if color in (_AUTO, _BLACK, None) else color, bool(underline),
                    highlight not in (_AUTO, None) or back not in (_AUTO, None), bool(link))


def _read_page(document, elements: Sequence[object], facts: Sequence[ParagraphFacts]
               ) -> Optional[PageFacts]:
    if not elements:
        return None
    styles = document.getStyleFamilies().getByName("PageStyles")
    name = elements[0].getPropertyValue("PageStyleName")
    if not styles.hasByName(name):
        return None
    style = styles.getByName(name)
    # A first page of its own (a letter's, §10.1: its top margin raised; a .docx's
    # different first page, imported as "First Page"): the text's other pages are the
    # page the standard sets, those of the style that follows it.
    follow = style.getPropertyValue("FollowStyle")
    if follow and follow != name and styles.hasByName(follow):
        style = styles.getByName(follow)

    def mm(prop: str) -> float:
        return style.getPropertyValue(prop) / 100

    # A header or footer takes its height out of the body area, inside the margin the
    # page style names: the type area starts and ends beyond them.
    top = mm("TopMargin") + (mm("HeaderHeight") if style.getPropertyValue("HeaderIsOn") else 0)
    extent = _header_extent_hmm(style)
    if extent is not None:  # a header that reaches further pushes the text down
        top = max(top, mm("TopMargin") + extent / 100)
    bottom = mm("BottomMargin") + \
        (mm("FooterHeight") if style.getPropertyValue("FooterIsOn") else 0)

    grid = int(style.getPropertyValue("GridMode")) != _GRID_NONE
    if grid:
        pitch_hmm = style.getPropertyValue("GridBaseHeight") + \
            style.getPropertyValue("GridRubyHeight")
        pitch: Optional[float] = hmm_to_pt(pitch_hmm)
    else:
        pitch = _fixed_line(elements, facts)
    return PageFacts(mm("Width"), mm("Height"), top, bottom, mm("LeftMargin"),
                     mm("RightMargin"), grid, pitch)


_FIX = 3  # com.sun.star.style.LineSpacingMode


def _header_extent_hmm(style) -> Optional[int]:
    """How far a growing header's text reaches (1/100 mm) when its height is known: every
    paragraph on an exact line, as a letter's .docx has it (``docxwhole``). Writer's .docx
    import gives such a header a growing height whose spacing shrinks as it grows
    (``HeaderDynamicSpacing``, Word's rule: the text starts under the header's extent);
    None for any other header."""
    if not style.getPropertyValue("HeaderIsOn") or \
            not style.getPropertyValue("HeaderIsDynamicHeight"):
        return None
    info = style.getPropertySetInfo()
    if not info.hasPropertyByName("HeaderDynamicSpacing") or \
            not style.getPropertyValue("HeaderDynamicSpacing"):
        return None
    text = style.getPropertyValue("HeaderText")
    if text is None:
        return None
    height = 0
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if not paragraph.supportsService("com.sun.star.text.Paragraph"):
            return None  # a table
        spacing = paragraph.getPropertyValue("ParaLineSpacing")
        if spacing.Mode != _FIX:
            return None
        height += spacing.Height + paragraph.getPropertyValue("ParaTopMargin") + \
            paragraph.getPropertyValue("ParaBottomMargin")
    return height or None


def _fixed_line(elements: Sequence[object], facts: Sequence[ParagraphFacts]) -> Optional[float]:
    """The exact line height most text paragraphs have, in points, or None."""
    heights: Counter = Counter()
    for element, fact in zip(elements, facts):
        if not fact.text.strip():
            continue
        spacing = element.getPropertyValue("ParaLineSpacing")
        heights[hmm_to_pt(spacing.Height) if spacing.Mode == _FIX else None] += 1
    return heights.most_common(1)[0][0] if heights else None


# --- the list --------------------------------------------------------------------------------

WIDTH, HEIGHT = 250, 260  # dialog units: the widest the list gets, and its height
MIN_WIDTH_PX = 300  # narrower than this, rows of 12 characters would be hard to read
MARGIN = 6
BUTTON_WIDTH, BUTTON_HEIGHT = 56, 14  # not a type size: dialog units
COUNT_HEIGHT = 20  # two lines: the count and the hint wrap in a narrow window
# Pixels per column of a list row (a CJK character two) in the UI font, plus what the
# scroll bar and the row's padding take (measured in a zh-CN Writer under Xvfb: a Latin
# letter of the UI font is up to 8 px, a CJK character 15 px).
PX_PER_COLUMN = 8
LIST_PADDING_PX = 30
COLUMNS = 60  # the columns when the window's size is not known (headless)
_open: List[ProblemList] = []  # the lists on screen (kept alive while shown)


def row_text(problem: Problem, locale: str = "zh-CN") -> str:
    return formatcheck.row_text(problem, locale)


def list_rows(problems: Sequence[Problem], locale: str = "zh-CN",
              columns: int = COLUMNS) -> List[Tuple[str, int]]:
    """The list's lines and the problem each belongs to (a long row wraps)."""
    return [(line, number) for number, problem in enumerate(problems)
            for line in formatcheck.wrap_row(row_text(problem, locale), columns)]


def show(invocation: Invocation, checked: Checked) -> ProblemList:
    for old in list(_open):  # one list per document window: a new check replaces it
        if old.frame == invocation.frame:
            old.close()
    shown = ProblemList(invocation, checked)
    _open.append(shown)
    return shown


class ProblemList:
    """The modeless dialog: the count, one row per problem, 关闭."""

    def __init__(self, invocation: Invocation, checked: Checked) -> None:
        self.ctx = invocation.ctx
        self.frame = invocation.frame
        self.document = invocation.document
        self.locale = invocation.locale
        self.checked = checked
        self.dialog = self._build()
        self.dialog.setVisible(True)

    def _text(self, key: str, **values: object) -> str:
        return messages.text(key, self.locale, **values)

    def _build(self):
        smgr = self.ctx.ServiceManager
        model = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel",
                                               self.ctx)
        model.Title = self._text("checkformat_title")
        model.Width, model.Height = WIDTH, HEIGHT
        count = formatcheck.count_message(len(self.checked.problems), self.locale)
        self._add(model, "FixedText", "count", MARGIN, MARGIN, WIDTH - 2 * MARGIN, COUNT_HEIGHT,
                  Label=f"{count}　{self._text('checkformat_hint')}", MultiLine=True)
        self.rows = list_rows(self.checked.problems, self.locale)
        rows = tuple(line for line, _ in self.rows)
        top = MARGIN + COUNT_HEIGHT + 2
        self._add(model, "ListBox", "problems", MARGIN, top, WIDTH - 2 * MARGIN,
                  HEIGHT - 2 * MARGIN - top - BUTTON_HEIGHT, Border=1, TabIndex=0,
                  StringItemList=rows)
        self._add(model, "Button", "close", WIDTH - MARGIN - BUTTON_WIDTH,
                  HEIGHT - MARGIN - BUTTON_HEIGHT, BUTTON_WIDTH, BUTTON_HEIGHT,
                  Label=self._text("checkformat_close"), TabIndex=1)
        dialog = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", self.ctx)
        dialog.setModel(model)
        toolkit = smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
        parent = self.frame.getContainerWindow()
        dialog.createPeer(toolkit, parent)
        self._fit_beside_the_text(dialog, model, toolkit)
        dialog.getControl("problems").addItemListener(_OnRow(self))
        dialog.getControl("close").addActionListener(_OnClose(self))
        return dialog

    def _fit_beside_the_text(self, dialog, model, toolkit) -> None:
        """As wide as the room right of the text (the page's right margin and the grey
        beyond it), at most WIDTH; the rows wrapped to that width; placed there."""
        try:
            room = _room_beside_the_text(self.frame, toolkit)
            unit = dialog.convertSizeToPixel(_size(1000, 1000), _APPFONT).Width / 1000
        except Exception:  # no window geometry (headless): as built, where the toolkit put it
            return
        width_px = max(MIN_WIDTH_PX, min(WIDTH * unit, room.right - room.text_right - _GAP))
        width = int(width_px / unit)
        model.Width = width
        model.getByName("count").Width = width - 2 * MARGIN
        model.getByName("problems").Width = width - 2 * MARGIN
        model.getByName("close").PositionX = width - MARGIN - BUTTON_WIDTH
        columns = int(((width - 2 * MARGIN) * unit - LIST_PADDING_PX) / PX_PER_COLUMN)
        self.rows = list_rows(self.checked.problems, self.locale, max(20, columns))
        model.getByName("problems").StringItemList = tuple(line for line, _ in self.rows)
        # beside the page when it fits, else over its right margin, never off the screen
        x = min(room.page_right + _GAP, room.right - int(width * unit))
        dialog.setPosSize(max(room.text_right + _GAP, x), room.top, 0, 0, _POS)

    @staticmethod
    def _add(model, kind: str, name: str, x: int, y: int, width: int, height: int,
             **properties: object) -> None:
        control = model.createInstance(f"com.sun.star.awt.UnoControl{kind}Model")
        control.Name = name
        control.PositionX, control.PositionY = x, y
        control.Width, control.Height = width, height
        for key, value in properties.items():
            setattr(control, key, value)
        model.insertByName(name, control)

    def select(self, row: int) -> None:
        """Selects the place of the problem on list line ``row`` in the document (the
        paragraph, or the characters the problem names)."""
        if not 0 <= row < len(self.rows):
            return
        select_place(self.document, self.checked, self.checked.problems[self.rows[row][1]])

    def close(self) -> None:
        if self in _open:
            _open.remove(self)
        try:
            self.dialog.setVisible(False)
            self.dialog.dispose()
        except Exception:  # the window went with its frame
            pass


class _Room(NamedTuple):
    """Screen x of the text's right edge, of the page's, and of the usable screen; the top
    of the list."""

    text_right: int
    page_right: int
    right: int
    top: int


_GAP = 12  # pixels between the text (or page) and the list


def _room_beside_the_text(frame, toolkit) -> _Room:
    """Where the page and its text end in the document's view: Writer centres a page in
    its view (single-page layout), as wide as the page style at the view's zoom."""
    outer = frame.getContainerWindow().getPosSize()
    view = frame.getComponentWindow().getPosSize()  # relative to the container window
    controller = frame.getController()
    zoom = controller.getViewSettings().getPropertyValue("ZoomValue") / 100
    styles = controller.getModel().getStyleFamilies().getByName("PageStyles")
    style = styles.getByName(controller.getViewCursor().getPropertyValue("PageStyleName"))
    px_per_hmm = toolkit.createScreenCompatibleDevice(1, 1).getInfo().PixelPerMeterX / 1e5
    page_px = style.getPropertyValue("Width") * zoom * px_per_hmm
    margin_px = style.getPropertyValue("RightMargin") * zoom * px_per_hmm
    page_right = int(outer.X + view.X + view.Width / 2 + page_px / 2)
    work = toolkit.getWorkArea()
    right = work.X + work.Width if work.Width > 0 else outer.X + outer.Width
    return _Room(int(page_right - margin_px), page_right, right, outer.Y + view.Y + 40)


def _size(width: int, height: int):
    import uno

    return uno.createUnoStruct("com.sun.star.awt.Size", width, height)


_APPFONT = 17  # com.sun.star.util.MeasureUnit.APPFONT: dialog units
_POS = 3  # com.sun.star.awt.PosSize.POS


def select_place(document, checked: Checked, problem: Problem) -> bool:
    """Selects ``problem``'s place; False when its paragraph is gone."""
    if not 0 <= problem.paragraph < len(checked.paragraphs):
        return False
    paragraph = checked.paragraphs[problem.paragraph]
    label = checked.labels[problem.paragraph] if problem.paragraph < len(checked.labels) else 0
    try:
        text = paragraph.getText()
        cursor = text.createTextCursorByRange(paragraph.getStart())
        length = len(paragraph.getString())
        # offsets past a typed-in-front list label: the label itself is not text to select
        start = min(max(0, problem.start - label), length)
        end = min(max(0, problem.end - label), length)
        if end <= start:  # a problem of the whole paragraph or document: the paragraph
            start, end = 0, length
        cursor.goRight(start, False)
        cursor.goRight(end - start, True)
        document.getCurrentController().select(cursor)
        return True
    except Exception:  # the paragraph was deleted since the check
        return False


class _OnRow(unohelper.Base, XItemListener):
    def __init__(self, shown: ProblemList) -> None:
        self.shown = shown

    def itemStateChanged(self, event) -> None:
        self.shown.select(event.Selected)

    def disposing(self, event) -> None:
        pass


class _OnClose(unohelper.Base, XActionListener):
    def __init__(self, shown: ProblemList) -> None:
        self.shown = shown

    def actionPerformed(self, event) -> None:
        self.shown.close()

    def disposing(self, event) -> None:
        pass
