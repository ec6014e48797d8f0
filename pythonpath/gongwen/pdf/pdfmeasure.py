"""Measure a PDF page by page against GB/T 9704: ``python -m gongwen lint FILE.pdf`` and
every layout test use it.

``measure_pdf(path)`` runs poppler's ``pdftotext -bbox-layout`` and turns its XHTML into
pages of visual lines with boxes in millimetres (origin top-left, as on paper).
``deviations(layout)`` lists what breaks the 公文 page rules as :class:`Deviation` (a lint
code, the page and line, a message key of :mod:`gongwen.messages`); ``check_gbt9704(layout)``
gives them as English sentences (the tests' form); an empty list means the PDF passes.
``lint`` checks the paper (A4) and the type sizes (:mod:`gongwen.pdf.pdfsizes`) too.

Definitions (they decide what the numbers mean):

- *visual line*: words whose vertical centres lie within half a body character of each
  other, whatever block pdftotext put them in.
- *page number*: the lowest visual line of a page below the type area whose text is
  ``— N —`` (em dashes, any spaces); it is not a body line. Every page has one but a
  letter's first page (§10.1) and the 版记's own page and the empty page before it (§7.5),
  as the core reads the pages (:func:`layout.first_page_shown`, :func:`layout.pages_shown`).
- *footer lines*: the lines under the page number (the author's footer text, which the
  formatter keeps there).
- *body lines*: every other visual line of the page.
- *grid slot* of a body line: which of the page's 22 grid lines (225 mm / 22 apart, from
  the top of the type area) its box ends on: 1 + the whole number of grid pitches between
  the top of the type area and the bottom of the box.
- *落款 page*: the last page, when it holds nothing but the whole 落款 block: at most one
  line that starts two body characters in (a one-line paragraph: the 结束语), then two or
  more lines that start further in, none ending closer than two body characters to the
  type area's right edge and the longest ending exactly there (±1 mm: 署名 and 成文日期
  as §7.3.5.2 places them, the longer 右空二字, the other set relative to it), and no
  other line.
  A 成文日期 alone is not a 落款 page: that is the split the keep rule prevents.
- *full page*: every page but the last one (the last page of a report is usually short),
  except the page before one the plan starts with a page break (an attached text, the
  版记's own page), and the page just before a 落款 page when it ends early because the
  落款 block could not follow it: the grid slot of its last body line is below 22, and
  that slot plus the grid slot of the 落款 page's last line is more than 22. The 结束语 →
  署名 → 成文日期 chain keeps together (``spec.ParaStyle.keep_with_next``: §7.3.5.2 puts
  the 署名 one blank line under the 正文 and the 成文日期 under it, §7.3.5.4 makes room by
  tightening spacing, never by sending the 落款 to a page of its own), so when the date
  does not fit, the whole block moves and its page ends early, by less than the block's
  height; a page that ends earlier than that is full, and reported. Likewise a page that
  ends early because the headings opening the next page keep with their text: its last
  grid slot plus the lines of those headings (paragraphs of at most two lines, starting
  two body characters in, ending without a full stop, followed by another paragraph) plus
  one (the line the text under them could not leave alone) reaches 22.
- *full line*: a body line that (1) starts at the left edge of the type area (so not an
  indented first line, which holds 26 characters, and not a centred or right-aligned line),
  (2) reaches the right edge of the type area (so not a paragraph's last line), (3) holds
  only CJK characters and CJK punctuation (Latin letters and digits are proportional and
  change the count), and (4) is set in body-size type (a wrapped 2号 title is not).
  Its character count does not include a closing punctuation mark that hangs past the
  right edge (hanging punctuation, as Word and Writer both do).
- *kinsoku-short line*: a full line of 27 characters whose 28th could not stay on it by
  the Chinese line-breaking rules: the next line starts with an opening mark (“《（ …,
  which may not end a line) or with a character followed by a closing mark (法》…, a
  closing mark may not start a line and only one may hang). ``check_gbt9704`` accepts
  those; every other full line must hold exactly 28, except:
- *Latin-break line*: a full line of fewer than 28 characters whose next line starts with a
  Latin letter or digit, when the unbreakable unit that starts the next line (the run of
  Latin letters, digits and signs up to the first CJK character or space, with the closing
  marks glued to it: ``XX%。``) is wider than the room the line lacks, (28 − n) × 156/28 mm.
  Writer and Word do not break inside such a run, so the whole unit went down and the line
  was justified with n characters. The unit's width is the next line's first word box less
  its other characters (a CJK character or mark: one 156/28 mm pitch; anything else: half).
  ``full_lines_char_counts`` and ``check_gbt9704`` leave those lines out (the edge checks
  still treat them as full lines).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union

from gongwen import formatcheck, layout, messages, plan, roles, spec
from gongwen.spec import MM_PER_PT, PAGE, Role

# Tolerances of the checks, in millimetres. (The numbers below are GB/T 9704's, for the
# tests; every check reads :class:`Expected`, the plan of the preset given.)
MARGIN_TOLERANCE_MM = 1.0  # not a drawn length (a tolerance)
PAGE_NUMBER_TOLERANCE_MM = 2.0  # not a drawn length (a tolerance)
# How close to the type area's right edge a line must end to count as full.
FULL_LINE_SLACK_MM = 2.5  # not a drawn length (a tolerance)
# The page number is indented by one character of its own 4号 size (GB/T 9704 §7.5: 空一字).
PAGE_NUMBER_INDENT_MM = PAGE.page_number_indent_chars * PAGE.page_number_size_pt * MM_PER_PT
BODY_CHAR_MM = PAGE.body_size_pt * MM_PER_PT
# One of the 22 grid lines, and one of the 28 characters of a full line.
GRID_PITCH_MM = PAGE.type_height / PAGE.lines
CJK_PITCH_MM = PAGE.type_width / PAGE.chars_per_line
# The 署名 and 成文日期 end this far in from the type area's right edge (右空二字).
SIGNATURE_RIGHT_INDENT_MM = 2 * BODY_CHAR_MM


@dataclass(frozen=True)
class Expected:
    """What the pages should measure, from a layout plan (:func:`expected_from`): the page
    and its type area (mm), the lines and characters, the line pitch, the body's and the
    title's sizes and the page number's form. GB/T 9704's is :data:`GBT9704`."""

    page: layout.PageSetup
    body_size_pt: float
    title_size_pt: float
    # The preset's settings (None: GB/T 9704's), for the plan of what page 1 reads.
    settings: Optional[layout.Settings] = field(default=None, compare=False)

    @property
    def type_left(self) -> float:
        return self.page.left_mm

    @property
    def type_right(self) -> float:
        return self.page.width_mm - self.page.right_mm

    @property
    def type_top(self) -> float:
        return self.page.top_mm

    @property
    def type_bottom(self) -> float:
        return self.page.height_mm - self.page.bottom_mm

    @property
    def body_char_mm(self) -> float:
        return self.body_size_pt * MM_PER_PT

    @property
    def line_pitch_mm(self) -> float:
        """One grid line (the type height over the lines), or the fixed line height."""
        return self.page.line_pitch_pt * MM_PER_PT

    @property
    def cjk_pitch_mm(self) -> float:
        return self.page.type_width_mm / self.page.chars_per_line

    @property
    def lines(self) -> int:
        """The body lines of a full page: the grid's, or as many fixed lines as fit."""
        if self.page.grid:
            return self.page.lines
        return int(self.page.type_height_mm / self.line_pitch_mm + 0.01)

    @property
    def number_indent_mm(self) -> float:
        number = self.page.page_number
        return number.indent_chars * number.size_pt * MM_PER_PT

    @property
    def number_pattern(self) -> re.Pattern:
        """The page number's form (``— {n} —``) as a pattern: any spaces, any dash for a
        dash, the number as a group."""
        before, after = self.page.page_number.around()
        return re.compile(r"^\s*" + _loose(before) + r"(\d+)" + _loose(after) + r"\s*$")


def _loose(text: str) -> str:
    pattern = ""
    for part in re.findall(r"[—–-]+|\s+|.", text.strip()):
        if part[0] in "—–-":
            pattern += "[—–-]{1," + str(2 * len(part)) + "}" + r"\s*"
        elif not part.isspace():
            pattern += re.escape(part) + r"\s*"
    return r"\s*" + pattern


def expected_from(settings: Optional[layout.Settings] = None) -> Expected:
    """The expectations of a preset's plan (``layout.settings_from(preset.data)``)."""
    styles = layout.appearances(settings)
    return Expected(layout.page_setup(settings), styles[spec.style_name(Role.BODY)].size_pt,
                    styles[spec.style_name(Role.TITLE)].size_pt, settings)


GBT9704 = expected_from()
# CJK ideographs (BMP + Extension A), CJK symbols and punctuation, full-width forms,
# general punctuation used in Chinese text (quotes, em dash, ellipsis), middle dot.
_CJK_CHAR_RE = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
    "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]"
)
_CLOSING_PUNCTUATION = set("，。、；：？！）》」』】〉”’…")
_OPENING_PUNCTUATION = set("“‘《（「『【〈〔［｛")
_LATIN_START_RE = re.compile("[A-Za-z0-9]")
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Word:
    text: str
    x_left: float
    top: float
    x_right: float
    bottom: float


@dataclass
class Line:
    """One visual line; coordinates in mm from the page's top-left corner."""

    text: str
    x_left_mm: float
    x_right_mm: float
    top_mm: float
    bottom_mm: float
    words: List[Word] = field(default_factory=list, repr=False)

    @property
    def height_mm(self) -> float:
        return self.bottom_mm - self.top_mm

    @property
    def compact_text(self) -> str:
        """The text without the spaces pdftotext puts between words."""
        return re.sub(r"\s+", "", self.text)


@dataclass
class PageNumber:
    text: str
    number: int
    x_left_mm: float
    x_right_mm: float
    top_mm: float


@dataclass
class Page:
    index: int  # 0-based
    width_mm: float
    height_mm: float
    body_lines: List[Line]
    page_number: Optional[PageNumber]
    footer_lines: List[Line] = field(default_factory=list)

    def type_area_bbox(self) -> Optional[Tuple[float, float, float, float]]:
        """(left, top, right, bottom) in mm of all body text on the page, None if empty."""
        if not self.body_lines:
            return None
        return (
            min(line.x_left_mm for line in self.body_lines),
            min(line.top_mm for line in self.body_lines),
            max(line.x_right_mm for line in self.body_lines),
            max(line.bottom_mm for line in self.body_lines),
        )


@dataclass
class PdfLayout:
    pages: List[Page]
    expected: Expected = GBT9704  # what the pages were measured against
    # Page 1's own (信函格式): no page number, its own top (:func:`first_page_of`).
    first_page: Optional[plan.FirstPage] = None
    # What the plan makes of each page (page breaks, pages without a number).
    shown: List[layout.PageShown] = field(default_factory=list)

    def expected_on(self, index: int) -> Expected:
        """What page ``index`` should measure: page 1 of a letter has its own type area."""
        if index or self.first_page is None:
            return self.expected
        return replace(self.expected, page=self.first_page.own_page(self.expected.page))

    def lines_per_page(self) -> List[int]:
        return [len(page.body_lines) for page in self.pages]

    def is_full_page(self, index: int) -> bool:
        """True for a full page in the sense of the module docstring."""
        last = len(self.pages) - 1
        if index >= last or (self.shown and self.shown[index + 1].starts_part):
            return False
        page, signature_page = self.pages[index], self.pages[last]
        if index == last - 1 and page.body_lines and \
                is_signature_page(signature_page, self.expected):
            used = max(grid_slot(line, self.expected) for line in page.body_lines)
            needed = max(grid_slot(line, self.expected) for line in signature_page.body_lines)
            lines = self.expected.lines
            return used >= lines or used + needed <= lines
        if page.body_lines:
            used = max(grid_slot(line, self.expected) for line in page.body_lines)
            kept = leading_headings(self.pages[index + 1], self.expected)
            if kept and used < self.expected.lines <= used + kept:
                return False
        return True

    def lines_per_full_page(self) -> List[int]:
        """Body line counts of every full page (see the module docstring)."""
        return [len(page.body_lines) for page in self.pages if self.is_full_page(page.index)]

    def body_line_height_mm(self) -> float:
        """The median body line height of the whole document (body-size type)."""
        return _median([line.height_mm for page in self.pages for line in page.body_lines])

    def full_lines(self) -> List[Tuple[int, Line, Optional[Line]]]:
        """(page index, line, the line after it or None) for every full line."""
        height = self.body_line_height_mm()
        following = [(page.index, line) for page in self.pages for line in page.body_lines]
        result = []
        for position, (page_index, line) in enumerate(following):
            if is_full_line(line, height, self.expected):
                after = following[position + 1][1] if position + 1 < len(following) else None
                result.append((page_index, line, after))
        return result

    def full_lines_char_counts(self) -> List[int]:
        """CJK characters on each full line, a hanging closing punctuation mark excluded;
        Latin-break lines (see the module docstring) are left out."""
        return [cjk_chars_in_type_area(line, self.expected) for _, line, after
                in self.full_lines() if not is_latin_break(line, after, self.expected)]

    def type_area_bbox(self, page_index: int) -> Optional[Tuple[float, float, float, float]]:
        return self.pages[page_index].type_area_bbox()


# --- parsing ---------------------------------------------------------------------------

def pt_to_mm(value: Union[str, float]) -> float:
    return float(value) * MM_PER_PT


def measure_pdf(path: Union[str, Path], expected: Expected = GBT9704) -> PdfLayout:
    """Run ``pdftotext -bbox-layout`` on a PDF and measure it (against ``expected``: where
    the type area ends and what a page number reads decide which line is which)."""
    result = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"],
        check=True, capture_output=True, timeout=120,
    )
    return parse_bbox_xhtml(result.stdout.decode("utf-8"), expected)


def parse_bbox_xhtml(xhtml: str, expected: Expected = GBT9704) -> PdfLayout:
    """Measure the XHTML that ``pdftotext -bbox-layout`` prints."""
    # pdftotext writes an XHTML DOCTYPE and may write entities XML does not know.
    body = xhtml[xhtml.find("<html"):] if "<html" in xhtml else xhtml
    body = body.replace("&nbsp;", " ")
    root = ET.fromstring(body)
    pages: List[Page] = []
    for space in (_XHTML, ""):  # tolerate snippets written without the XHTML namespace
        if pages:
            break
        for index, page_el in enumerate(root.iter(space + "page")):
            words = [_word(el) for el in page_el.iter(space + "word")]
            lines = group_visual_lines([w for w in words if w.text.strip()], expected)
            pages.append(_page(index, pt_to_mm(page_el.get("width", "0")),
                               pt_to_mm(page_el.get("height", "0")), lines, expected))
    texts = [[line.compact_text for line in page.body_lines] for page in pages]
    return PdfLayout(pages, expected, first_page_of(pages, expected), layout.pages_shown(texts))


def first_page_of(pages: Sequence[Page], expected: Expected = GBT9704) -> Optional[plan.FirstPage]:
    """Page 1's own (a letter's, §10.1) as the plan of what it reads has it: the core
    decides from its lines and where the first one starts (:func:`layout.first_page_shown`)."""
    lines = pages[0].body_lines if pages else []
    return layout.first_page_shown([line.compact_text for line in lines], lines[0].top_mm,
                                   expected.settings, pages[0].page_number is not None) \
        if lines else None


def _word(el: ET.Element) -> Word:
    return Word(el.text or "", pt_to_mm(el.get("xMin", "0")), pt_to_mm(el.get("yMin", "0")),
                pt_to_mm(el.get("xMax", "0")), pt_to_mm(el.get("yMax", "0")))


def group_visual_lines(words: Sequence[Word], expected: Expected = GBT9704) -> List[Line]:
    """Group words into visual lines by their vertical centres, top to bottom."""
    ordered = sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x_left))
    groups: List[List[Word]] = []
    for word in ordered:
        centre = (word.top + word.bottom) / 2
        if groups:
            last = groups[-1]
            last_centre = sum((w.top + w.bottom) / 2 for w in last) / len(last)
            if abs(centre - last_centre) < expected.body_char_mm / 2:
                last.append(word)
                continue
        groups.append([word])
    lines = []
    for group in groups:
        group.sort(key=lambda w: w.x_left)
        lines.append(Line(
            text=" ".join(w.text for w in group),
            x_left_mm=min(w.x_left for w in group),
            x_right_mm=max(w.x_right for w in group),
            top_mm=min(w.top for w in group),
            bottom_mm=max(w.bottom for w in group),
            words=group,
        ))
    return lines


def _page(index: int, width: float, height: float, lines: List[Line],
          expected: Expected = GBT9704) -> Page:
    page_number = None
    type_bottom = expected.type_bottom
    footer: List[Line] = []
    for position in range(len(lines) - 1, -1, -1):
        line = lines[position]
        if line.top_mm <= type_bottom - PAGE_NUMBER_TOLERANCE_MM:
            break
        match = expected.number_pattern.match(line.text)
        if match:
            page_number = PageNumber(line.text, int(match.group(1)), line.x_left_mm,
                                     line.x_right_mm, line.top_mm)
            lines, footer = lines[:position], lines[position + 1:]
            break
    return Page(index, width, height, lines, page_number, footer)


# --- line classification ---------------------------------------------------------------

def is_cjk_only(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return bool(compact) and all(_CJK_CHAR_RE.match(ch) for ch in compact)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def is_full_line(line: Line, body_height_mm: float, expected: Expected = GBT9704) -> bool:
    """A full line in the sense of the module docstring (``body_height_mm``: the median
    line height of the document, to leave out lines in larger type)."""
    type_left = expected.type_left
    type_right = expected.type_right
    body_height = body_height_mm
    return (
        abs(line.x_left_mm - type_left) <= MARGIN_TOLERANCE_MM
        and line.x_right_mm >= type_right - FULL_LINE_SLACK_MM
        and is_cjk_only(line.text)
        and line.height_mm <= body_height * 1.2
    )


def hangs_punctuation(line: Line, expected: Expected = GBT9704) -> bool:
    """True when the line ends with a closing punctuation mark past the right edge."""
    type_right = expected.type_right
    compact = line.compact_text
    return bool(compact) and compact[-1] in _CLOSING_PUNCTUATION and \
        line.x_right_mm > type_right + MARGIN_TOLERANCE_MM


def cjk_chars_in_type_area(line: Line, expected: Expected = GBT9704) -> int:
    count = sum(1 for ch in line.compact_text if _CJK_CHAR_RE.match(ch))
    return count - 1 if hangs_punctuation(line, expected) else count


def is_kinsoku_short(next_line: Optional[Line]) -> bool:
    """True when the next line's start explains a 27-character full line (see above)."""
    if next_line is None:
        return False
    start = next_line.compact_text[:2]
    return bool(start) and (start[0] in _OPENING_PUNCTUATION or start[0] in _CLOSING_PUNCTUATION
                            or (len(start) == 2 and start[1] in _CLOSING_PUNCTUATION))


def latin_unit_width_mm(line: Line, expected: Expected = GBT9704) -> float:
    """Width of the unbreakable Latin unit that starts ``line`` (``XX%。``), estimated
    from its first word box as the module docstring says; 0 if it starts with none."""
    if not line.words or not _LATIN_START_RE.match(line.compact_text[:1]):
        return 0.0
    first = line.words[0]
    text = re.sub(r"\s+", "", first.text)
    end = 0
    while end < len(text) and not _CJK_CHAR_RE.match(text[end]):
        end += 1
    while end < len(text) and text[end] in _CLOSING_PUNCTUATION:
        end += 1
    pitch = expected.cjk_pitch_mm
    rest = sum(pitch if _CJK_CHAR_RE.match(ch) else pitch / 2 for ch in text[end:])
    return first.x_right - first.x_left - rest


def is_latin_break(line: Line, next_line: Optional[Line],
                   expected: Expected = GBT9704) -> bool:
    """True for a Latin-break line (module docstring): short of 28 characters because the
    Latin unit starting the next line of the same paragraph did not fit in the room left."""
    if next_line is None or abs(next_line.x_left_mm - expected.type_left) > MARGIN_TOLERANCE_MM:
        return False
    room = (expected.page.chars_per_line - cjk_chars_in_type_area(line, expected)) \
        * expected.cjk_pitch_mm
    return room > 0 and latin_unit_width_mm(next_line, expected) > room


def leading_headings(page: Page, expected: Expected = GBT9704) -> int:
    """How many lines at the foot of the page before a heading that kept with its text may
    leave (module docstring): the lines of the short paragraphs (at most
    :data:`HEADING_LINES` lines each, the first starting two body characters in, the others
    at the left edge, ending without a full stop) that open ``page`` and are followed by
    another paragraph, a heading under a heading included, plus one: the paragraph after
    them must bring two lines (Writer's orphan control); 0 when the page starts otherwise."""
    indent = expected.type_left + 2 * expected.body_char_mm
    lines = page.body_lines
    starts = [i for i, line in enumerate(lines)
              if abs(line.x_left_mm - indent) <= MARGIN_TOLERANCE_MM]
    if not starts or starts[0] != 0:
        return 0
    kept = 0
    for start, end in zip(starts, starts[1:]):
        inner = lines[start + 1:end]
        if end - start > HEADING_LINES or any(
                abs(line.x_left_mm - expected.type_left) > MARGIN_TOLERANCE_MM for line in inner) \
                or not _reads_as_heading("".join(line.compact_text for line in lines[start:end])):
            break  # text, not a heading
        kept = end
    return kept + 1 if kept else 0


def _reads_as_heading(text: str) -> bool:
    """A heading on its own lines ends without a full stop, or is one numbered sentence
    (``（1）各股室主动对接上级业务部门，重点任务均按时间节点完成。``: a 四级标题 the plan keeps
    with its text, measured in the demo's report)."""
    if not text.endswith(_SENTENCE_ENDS):
        return True
    return roles.parse_heading_number(text) is not None and not any(
        mark in text[:-1] for mark in _SENTENCE_ENDS)


def grid_slot(line: Line, expected: Expected = GBT9704) -> int:
    """Which of the 22 grid lines (1-based) the line's box ends on (module docstring)."""
    return int((line.bottom_mm - expected.type_top) / expected.line_pitch_mm) + 1


# The longest heading the keep rule may carry to the next page, in lines.
HEADING_LINES = 2
_SENTENCE_ENDS = ("。", "！", "？", "；", "：")


def is_signature_page(page: Page, expected: Expected = GBT9704) -> bool:
    """True for a 落款 page (module docstring): an optional one-line 结束语, then two or
    more lines placed as §7.3.5.2 places 署名 and 成文日期: all start well inside the type
    area, none passes 右空二字, and the longer one ends there (the other is set relative to
    it, so it may end further in)."""
    edge = expected.type_right - 2 * expected.body_char_mm  # 右空二字
    indent = expected.type_left + 2 * expected.body_char_mm
    lines = page.body_lines
    if lines and abs(lines[0].x_left_mm - indent) <= MARGIN_TOLERANCE_MM:
        lines = lines[1:]  # the 结束语, a paragraph of one line
    return (len(lines) >= 2
            and all(line.x_left_mm > indent + MARGIN_TOLERANCE_MM
                    and line.x_right_mm <= edge + MARGIN_TOLERANCE_MM for line in lines)
            and any(abs(line.x_right_mm - edge) <= MARGIN_TOLERANCE_MM for line in lines))


# --- the check ---------------------------------------------------------------------------

@dataclass
class Deviation:
    """One way the PDF breaks GB/T 9704. ``code``: ``page`` (paper, type area, grid, page
    numbers) or ``size`` (type sizes), the codes of the document lint. ``page`` and ``line``
    count from 0 (``line``: the body line on that page, None for the page as a whole)."""

    code: str
    page: int
    line: Optional[int]
    key: str  # a message of gongwen.messages; ``values`` fill it
    values: Dict[str, object] = field(default_factory=dict)
    context: str = ""

    def message(self, locale: str = "en-US") -> str:
        values = dict(self.values)
        if self.code == "size":  # sizes as 字号 (三号), the words of the document lint
            for name in ("size", "expected"):
                values[name] = formatcheck.size_words(float(values[name]),  # type: ignore
                                                      locale)
        return messages.text(self.key, locale, page=self.page + 1, **values)


def check_gbt9704(layout: PdfLayout) -> List[str]:
    """Human-readable violations of the GB/T 9704 page rules; empty when the PDF passes.

    Checked: 22 body lines on every full page after the first (a page before a 落款 page
    is exempt only as the module docstring says); 28 characters on every full line but
    kinsoku-short and Latin-break ones; all body text inside the 156 × 225 mm type area at
    left 28 / top 37 mm (±1 mm), and full lines reaching both edges (±1 mm); ``— N —`` on
    every page with N the page's number, right-aligned one 4号 character in from the type
    area's right edge on odd pages and left-aligned one character in from its left edge on
    even pages (±2 mm), its top 7 mm below the type area (±2 mm).
    """
    return [deviation.message() for deviation in deviations(layout)]


def deviations(layout: PdfLayout) -> List[Deviation]:
    """What :func:`check_gbt9704` reports, as :class:`Deviation`."""
    if not layout.pages:
        return [Deviation("page", 0, None, "pdf_no_pages")]
    found: List[Deviation] = []
    height = layout.body_line_height_mm()
    expected = layout.expected
    for page in layout.pages:
        found.extend(_check_page_lines(layout, page))
        found.extend(_check_type_area(page, height, layout.expected_on(page.index)))
        unwanted = _unnumbered(layout, page.index)
        if not unwanted:
            found.extend(_check_page_number(page, expected))
        elif page.page_number is not None:
            found.append(Deviation("page", page.index, None, unwanted,
                                   dict(shown=page.page_number.text.strip()),
                                   page.page_number.text))
    full = layout.full_lines()
    if not full and len(layout.pages) > 1:
        found.append(Deviation("page", 0, None, "pdf_no_full_line"))
    for page_index, line, next_line in full:
        if is_latin_break(line, next_line, expected):
            continue
        count = cjk_chars_in_type_area(line, expected)
        chars = expected.page.chars_per_line
        if count == chars - 1 and is_kinsoku_short(next_line):
            continue
        if count != chars:
            found.append(Deviation(
                "page", page_index, _line_index(layout.pages[page_index], line),
                "pdf_line_chars", dict(count=count, expected=chars,
                                       text=line.compact_text), line.compact_text))
    return found


def _unnumbered(layout: PdfLayout, index: int) -> str:
    """Why the page carries no number (the message if it does), "" when it should."""
    if index == 0 and layout.first_page is not None:
        return "pdf_page_number_letter"  # §10.1
    if layout.shown and not layout.shown[index].numbered:
        return "pdf_page_number_record"  # §7.5
    return ""


def _line_index(page: Page, line: Line) -> Optional[int]:
    for index, candidate in enumerate(page.body_lines):
        if candidate is line:
            return index
    return None


def _check_page_lines(layout: PdfLayout, page: Page) -> List[Deviation]:
    if page.index == 0 or not layout.is_full_page(page.index):
        return []
    count = len(page.body_lines)
    if count != layout.expected.lines:
        return [Deviation("page", page.index, None, "pdf_page_lines",
                          dict(count=count, expected=layout.expected.lines))]
    return []


def _check_type_area(page: Page, body_height_mm: float,
                     expected: Expected = GBT9704) -> List[Deviation]:
    found = []
    left, top = expected.type_left, expected.type_top
    right, bottom = expected.type_right, expected.type_bottom
    tol = MARGIN_TOLERANCE_MM
    for index, line in enumerate(page.body_lines):
        hang = expected.body_char_mm if hangs_punctuation(line, expected) else 0.0
        if (line.x_left_mm < left - tol or line.x_right_mm > right + tol + hang
                or line.top_mm < top - tol or line.bottom_mm > bottom + tol):
            found.append(Deviation("page", page.index, index, "pdf_line_outside", dict(
                left=line.x_left_mm, right=line.x_right_mm, top=line.top_mm,
                bottom=line.bottom_mm, text=line.compact_text[:20]), line.compact_text))
    for index, line in enumerate(page.body_lines):
        if is_full_line(line, body_height_mm, expected) \
                and not hangs_punctuation(line, expected) \
                and abs(line.x_right_mm - right) > tol:
            found.append(Deviation("page", page.index, index, "pdf_full_line_edge",
                                   dict(end=line.x_right_mm, edge=right), line.compact_text))
    return found


def _check_page_number(page: Page, expected: Expected = GBT9704) -> List[Deviation]:
    number = page.page_number
    form = expected.page.page_number
    if number is None:
        return [Deviation("page", page.index, None, "pdf_page_number_missing",
                          dict(shown=form.format.format(n=page.index + 1)))]
    found = []
    context = number.text
    if number.number != page.index + 1:
        found.append(Deviation("page", page.index, None, "pdf_page_number_reads",
                               dict(number=number.number), context))
    tol = PAGE_NUMBER_TOLERANCE_MM
    odd = (page.index + 1) % 2 == 1
    if form.position == layout.CENTER:
        centre = (expected.type_left + expected.type_right) / 2
        at = (number.x_left_mm + number.x_right_mm) / 2
        if abs(at - centre) > tol:
            found.append(Deviation("page", page.index, None, "pdf_page_number_centre",
                                   dict(at=at, expected=centre), context))
    elif odd or form.position == layout.RIGHT:
        at_right = expected.type_right - expected.number_indent_mm
        if abs(number.x_right_mm - at_right) > tol:
            found.append(Deviation("page", page.index, None, "pdf_page_number_odd",
                                   dict(at=number.x_right_mm, expected=at_right), context))
    else:
        at_left = expected.type_left + expected.number_indent_mm
        if abs(number.x_left_mm - at_left) > tol:
            found.append(Deviation("page", page.index, None, "pdf_page_number_even",
                                   dict(at=number.x_left_mm, expected=at_left), context))
    expected_top = expected.type_bottom + form.below_mm
    if abs(number.top_mm - expected_top) > tol:
        found.append(Deviation("page", page.index, None, "pdf_page_number_top",
                               dict(at=number.top_mm, expected=expected_top,
                                    below=form.below_mm), context))
    return found
