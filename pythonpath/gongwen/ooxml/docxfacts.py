"""What a .docx looks like, read into the format checker's model (:mod:`gongwen.formatcheck`).

Every property is the *effective* one, resolved as Word resolves it: the document defaults
(``w:docDefaults``), then the paragraph style and the styles it is ``basedOn`` (the root
first), then for text the run's character style chain, then the run's own ``w:rPr``; for
the paragraph its own ``w:pPr``. Theme fonts (``w:asciiTheme``, ``w:eastAsiaTheme``) are
looked up in the theme part. An indent given in characters (``w:firstLineChars``…)
supersedes the one in twips (ECMA-376 §17.3.1.12).

The paragraphs are the body's, in the order 一键公文格式 plans them (tables and text boxes
are not judged), so the checker's plan is the formatter's plan.
Installed fonts are asked of fontconfig (``fc-list``; ``fc-match`` names the stand-in).
"""

from __future__ import annotations

from collections import Counter
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Sequence, Tuple

from docx.oxml.ns import qn
from lxml import etree

from gongwen import fontconfig, formatcheck, roles, spec
from gongwen.formatcheck import DocumentFacts, PageFacts, ParagraphFacts
from gongwen.ooxml import docxtext, numbering, units
from gongwen.roles import ParagraphLook
from gongwen.spec import Align

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_OFF = ("0", "false", "off", "none")
_JC = {"both": Align.JUSTIFY, "distribute": Align.JUSTIFY, "left": Align.LEFT,
       "start": Align.LEFT, "center": Align.CENTER, "right": Align.RIGHT, "end": Align.RIGHT}
_GRID_TYPES = ("lines", "linesAndChars", "snapToChars")
_DEFAULT_SIZE_PT = 10.0  # not a drawn length: Word's when nothing says otherwise
_INDENTS = (("first_line", ("firstLine", "firstLineChars"), ("hanging", "hangingChars")),
            ("left", ("left", "leftChars"), ("start", "startChars")),
            ("right", ("right", "rightChars"), ("end", "endChars")))


def document_facts(document, installed: Optional[FrozenSet[str]] = None,
                   check_fonts: bool = True) -> DocumentFacts:
    """The model of a python-docx Document. ``installed`` overrides fontconfig's list
    (tests); ``check_fonts=False`` leaves ``font-missing`` out."""
    resolver = _Resolver(document)
    body = document.element.body
    labelled = numbering.labelled_texts(document)  # as 一键公文格式 will type the labels
    paragraphs = [_paragraph(p, resolver, labelled.get(p)) for p in docxtext.body_blocks(body)
                  if p.tag == qn("w:p")]
    page = _page(body, _header_extent(document))
    if page is not None and not page.grid:
        page = page._replace(line_pitch_pt=body_line_pitch(document))
    facts = DocumentFacts(paragraphs, page)
    if not check_fonts:
        return facts
    fonts = formatcheck.named_fonts(paragraphs) | resolver.named
    judge = _stand_in_judge(installed)
    return facts._replace(fonts=sorted(fonts), stand_in=judge) if judge else facts


def text_facts(paragraphs: List[str]) -> DocumentFacts:
    """A .txt: text only (no page, no fonts)."""
    return DocumentFacts([ParagraphFacts(text) for text in paragraphs])


# --- styles --------------------------------------------------------------------------------

class _Run(NamedTuple):
    text: str
    east_asian: Optional[str]
    latin: Optional[str]
    size_pt: float
    bold: bool
    color: Optional[int]
    underline: bool
    highlight: bool


class _Resolver:
    """The style chain of one document: effective run and paragraph properties."""

    def __init__(self, document) -> None:
        styles = document.styles.element
        self.by_id: Dict[str, etree._Element] = {
            s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        self.default_paragraph = next(
            (s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))
             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")),
            None)
        defaults = styles.find(qn("w:docDefaults"))
        self.rpr_default = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") \
            if defaults is not None else None
        self.ppr_default = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") \
            if defaults is not None else None
        self.theme = _theme_fonts(document)
        self.named: set = set()

    def chain(self, style_id: Optional[str]) -> List[etree._Element]:
        """The style and its bases, the root first."""
        found: List[etree._Element] = []
        while style_id and style_id in self.by_id and len(found) < 20:
            style = self.by_id[style_id]
            found.insert(0, style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return found

    def paragraph_layers(self, p: etree._Element) -> Tuple[List, List]:
        """(pPr layers, rPr layers) below the runs, the weakest first."""
        ppr = p.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = pstyle.get(qn("w:val")) if pstyle is not None else self.default_paragraph
        styles = self.chain(style_id)
        pprs = [self.ppr_default] + [s.find(qn("w:pPr")) for s in styles] + [ppr]
        rprs = [self.rpr_default] + [s.find(qn("w:rPr")) for s in styles]
        return [x for x in pprs if x is not None], [x for x in rprs if x is not None]

    def run(self, run: etree._Element, base: List[etree._Element], text: str) -> _Run:
        rpr = run.find(qn("w:rPr"))
        layers = list(base)
        if rpr is not None:
            rstyle = rpr.find(qn("w:rStyle"))
            if rstyle is not None:
                layers += [s.find(qn("w:rPr")) for s in self.chain(rstyle.get(qn("w:val")))
                           if s.find(qn("w:rPr")) is not None]
            layers.append(rpr)
        values: Dict[str, object] = {"size": _DEFAULT_SIZE_PT, "bold": False, "color": None,
                                     "underline": False, "highlight": False,
                                     "eastAsia": None, "ascii": None}
        for layer in layers:
            self._apply(layer, values)
        for font in (values["eastAsia"], values["ascii"]):
            if font:
                self.named.add(font)
        return _Run(text, values["eastAsia"], values["ascii"], float(values["size"]),
                    bool(values["bold"]), values["color"], bool(values["underline"]),
                    bool(values["highlight"]))

    def _apply(self, rpr: etree._Element, values: Dict[str, object]) -> None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            for script, theme_attr in (("eastAsia", "eastAsiaTheme"), ("ascii", "asciiTheme")):
                theme = fonts.get(qn("w:" + theme_attr))
                if theme and self.theme.get(theme):
                    values[script] = self.theme[theme]
                elif fonts.get(qn("w:" + script)):
                    values[script] = fonts.get(qn("w:" + script))
        size = rpr.find(qn("w:sz"))
        if size is not None and size.get(qn("w:val"), "").isdigit():
            values["size"] = units.half_points_to_pt(int(size.get(qn("w:val"))))
        bold = rpr.find(qn("w:b"))
        if bold is not None:
            values["bold"] = bold.get(qn("w:val"), "1") not in _OFF
        color = rpr.find(qn("w:color"))
        if color is not None:
            value = color.get(qn("w:val"), "auto")
            values["color"] = None if value == "auto" else _rgb(value)
        underline = rpr.find(qn("w:u"))
        if underline is not None:
            values["underline"] = underline.get(qn("w:val"), "single") not in _OFF
        highlight = rpr.find(qn("w:highlight"))
        if highlight is not None:
            values["highlight"] = highlight.get(qn("w:val"), "none") not in _OFF
        shading = rpr.find(qn("w:shd"))
        if shading is not None and shading.get(qn("w:fill"), "auto") not in ("auto", "FFFFFF"):
            values["highlight"] = True


def _rgb(value: str) -> Optional[int]:
    try:
        return int(value, 16)  # not a type size: hexadecimal
    except ValueError:
        return None


def _theme_fonts(document) -> Dict[str, str]:
    """{"minorHAnsi": "Calibri", "minorEastAsia": "宋体", …} from the theme part."""
    for part in document.part.package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            try:
                root = etree.fromstring(part.blob)
            except etree.XMLSyntaxError:
                return {}
            return _scheme_fonts(root)
    return {}


def _scheme_fonts(root: etree._Element) -> Dict[str, str]:
    fonts: Dict[str, str] = {}
    for kind in ("major", "minor"):
        scheme = root.find(f".//{{{_A}}}{kind}Font")
        if scheme is None:
            continue
        latin = scheme.find(f"{{{_A}}}latin")
        east = scheme.find(f"{{{_A}}}ea")
        hans = scheme.find(f"{{{_A}}}font[@script='Hans']")
        latin_face = latin.get("typeface", "") if latin is not None else ""
        east_face = (east.get("typeface", "") if east is not None else "") or \
            (hans.get("typeface", "") if hans is not None else "")
        for name in ("HAnsi", "Ascii", "Bidi"):
            fonts[kind + name] = latin_face
        fonts[kind + "EastAsia"] = east_face
    return fonts


# --- paragraphs ------------------------------------------------------------------------------

def _paragraph(p: etree._Element, resolver: _Resolver,
               labelled: Optional[str] = None) -> ParagraphFacts:
    """``labelled``: the text with its list label typed in front (offsets then count it)."""
    plain = docxtext.paragraph_text(p)
    text = labelled if labelled is not None else plain
    shift = len(text) - len(plain)
    pprs, rprs = resolver.paragraph_layers(p)
    pairs = list(_runs(p))
    runs = [resolver.run(run, rprs, run_text) for run, run_text in pairs]
    size = formatcheck.dominant([(r.size_pt, r.text) for r in runs], any_char=True)
    if size is None:  # an empty paragraph: the paragraph's own size
        size = resolver.run(etree.Element(qn("w:r")), rprs, "").size_pt
    indents = _indents(pprs, size)
    underlined, offset = [], 0
    for run in runs:
        if run.underline:
            underlined.append((shift + offset, shift + offset + len(run.text)))
        offset += len(run.text)
    # A real link's look is the link's, as Format leaves it (docxrender._clean_paragraph)
    visible = [r for r, (element, _) in zip(runs, pairs)
               if r.text.strip() and not docxtext.within(element, p, qn("w:hyperlink"))]
    colours = {r.color for r in visible}
    # its own look: a run-in heading's opening sentence has its level's, by design
    own = formatcheck.outside_run_in([(x, x.text) for x in runs])
    return ParagraphFacts(
        text=text,
        east_asian_font=formatcheck.dominant([(x.east_asian, part) for x, part in own], cjk=True),
        latin_font=formatcheck.dominant([(x.latin, part) for x, part in own], latin=True),
        size_pt=size,
        bold=formatcheck.dominant([(x.bold, part) for x, part in own], any_char=True),
        align=_alignment(pprs),
        first_line_pt=indents["first_line"], left_pt=indents["left"],
        right_pt=indents["right"],
        underline=bool(visible) and all(r.underline for r in visible),
        color_rgb=colours.pop() if len(colours) == 1 else None,
        highlight=bool(visible) and all(r.highlight for r in visible),
        underlined=tuple(underlined) if offset == len(plain) else (),
        style=_style_name(p, resolver))


def paragraph_looks(document, paragraphs: Sequence[etree._Element],
                    texts: Optional[Sequence[str]] = None) -> List[Optional[ParagraphLook]]:
    """How the source sets the paragraphs the core asks for (:func:`gongwen.roles.
    looks_wanted`; None for the others), evidence for the classifier: the effective size,
    colour and weight of most of each one's text, its alignment and its style's name,
    through the style chain as above. ``texts``: the paragraphs' texts, when known."""
    resolver = _Resolver(document)
    if texts is None:
        texts = [docxtext.paragraph_text(p) for p in paragraphs]
    wanted = set(roles.looks_wanted(texts))
    return [_look(p, resolver) if index in wanted else None
            for index, p in enumerate(paragraphs[:max(wanted, default=-1) + 1])]


def _look(p: etree._Element, resolver: _Resolver) -> ParagraphLook:
    pprs, rprs = resolver.paragraph_layers(p)
    runs = [resolver.run(run, rprs, run_text) for run, run_text in _runs(p)]
    colours = {r.color or None for r in runs if r.text.strip()}  # black: automatic
    return ParagraphLook(
        size_pt=formatcheck.dominant([(r.size_pt, r.text) for r in runs], any_char=True),
        color_rgb=colours.pop() if len(colours) == 1 else None,
        align=_alignment(pprs),
        bold=formatcheck.dominant([(r.bold, r.text) for r in runs], any_char=True),
        style=_style_name(p, resolver))


def _style_name(p: etree._Element, resolver: _Resolver) -> Optional[str]:
    ppr = p.find(qn("w:pPr"))
    pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style = resolver.by_id.get(pstyle.get(qn("w:val"))) if pstyle is not None else None
    name = style.find(qn("w:name")) if style is not None else None
    return name.get(qn("w:val")) if name is not None else None


def _runs(p: etree._Element):
    """(w:r, its text) of the paragraph's own runs, in order (not those of text boxes or
    deleted text), the text by the rules of :func:`docxtext.paragraph_text`."""
    for run in p.iter(qn("w:r")):
        if _outside(run, p):
            continue
        pieces: List[str] = []
        docxtext._collect(run, pieces, [])
        yield run, "".join(pieces)


def _outside(run: etree._Element, p: etree._Element) -> bool:
    node = run.getparent()
    while node is not None and node is not p:
        if node.tag in docxtext._SKIP or node.tag in (docxtext._TXBX_CONTENT, docxtext._P):
            return True
        node = node.getparent()
    return False


def _alignment(pprs: List[etree._Element]) -> str:
    align = Align.LEFT
    for ppr in pprs:
        jc = ppr.find(qn("w:jc"))
        if jc is not None:
            align = _JC.get(jc.get(qn("w:val"), ""), align)
    return align


def _indents(pprs: List[etree._Element], size_pt: float) -> Dict[str, float]:
    """First-line, left and right indents in points; characters are of ``size_pt``."""
    result = dict.fromkeys(("first_line", "left", "right"), 0.0)
    for ppr in pprs:
        ind = ppr.find(qn("w:ind"))
        if ind is None:
            continue
        for name, (twips, chars), (alt_twips, alt_chars) in _INDENTS:
            value = _indent_value(ind, twips, chars, size_pt)
            if value is not None:
                result[name] = value
            # hanging supersedes firstLine; start/end are the newer names of left/right
            alt = _indent_value(ind, alt_twips, alt_chars, size_pt)
            if alt is not None:
                result[name] = -alt if name == "first_line" else alt
    return result


def _indent_value(ind: etree._Element, twips: str, chars: str, size_pt: float
                  ) -> Optional[float]:
    in_chars = ind.get(qn("w:" + chars))
    if in_chars not in (None, "0") and _is_int(in_chars):
        return units.from_hundredths(int(in_chars)) * size_pt
    in_twips = ind.get(qn("w:" + twips))
    if in_twips is not None:
        return units.twips_to_pt(units.read_twips(in_twips))
    return None


def _is_int(value: str) -> bool:
    return value.lstrip("-").isdigit()


# --- page ----------------------------------------------------------------------------------

def _header_extent(document) -> Optional[int]:
    """How far the last section's header reaches down from ``w:header`` (twips), when its
    height is known: every paragraph on an exact line (a letter's, docxwhole), no table.
    None otherwise. Reads without adding a definition."""
    part = document.sections[-1].header
    while part is not None and not part._has_definition:
        part = part._prior_headerfooter
    if part is None:
        return None
    element = part._definition.element
    if any(True for _ in element.iter(qn("w:tbl"))):
        return None
    height = 0
    for p in element.iter(qn("w:p")):
        spacing = p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is None or spacing.get(qn("w:lineRule")) != "exact":
            return None
        height += sum(units.read_twips(spacing.get(qn("w:" + key)))
                      for key in ("line", "before", "after"))
    return height or None


def _page(body: etree._Element, header_extent: Optional[int] = None) -> Optional[PageFacts]:
    """The section's page as its ordinary pages have it. ECMA-376 §17.6.11: the text starts
    at the greater of ``w:top`` and the header's extent (a letter's first page has its own
    top margin, its other pages a header down to the 公文 page's top)."""
    sect = body.find(qn("w:sectPr"))
    if sect is None:
        return None
    size, margins, grid = (sect.find(qn("w:" + n)) for n in ("pgSz", "pgMar", "docGrid"))
    if size is None or margins is None:
        return None

    def mm(element, name: str, default: int = 0) -> float:
        value = element.get(qn("w:" + name))
        return units.twips_to_mm(units.read_twips(value, default))

    gridded = grid is not None and grid.get(qn("w:type")) in _GRID_TYPES
    pitch = None
    if gridded and grid.get(qn("w:linePitch"), "").isdigit():
        pitch = units.twips_to_pt(int(grid.get(qn("w:linePitch"))))
    top = mm(margins, "top")
    header = units.read_twips(margins.get(qn("w:header")))
    if header_extent is not None and top >= 0:
        top = max(top, units.twips_to_mm(header + header_extent))
    return PageFacts(mm(size, "w"), mm(size, "h"), top, mm(margins, "bottom"),
                     mm(margins, "left"), mm(margins, "right"), gridded, pitch)


def body_line_pitch(document) -> Optional[float]:
    """The exact line height most body paragraphs have (fixed line spacing), or None."""
    resolver = _Resolver(document)
    heights: Counter = Counter()
    for p in docxtext.body_blocks(document.element.body):
        if p.tag != qn("w:p") or not docxtext.paragraph_text(p).strip():
            continue
        pprs, _ = resolver.paragraph_layers(p)
        rule = line = None
        for ppr in pprs:
            spacing = ppr.find(qn("w:spacing"))
            if spacing is not None and spacing.get(qn("w:line")):
                rule, line = spacing.get(qn("w:lineRule"), "auto"), spacing.get(qn("w:line"))
        exact = rule == "exact" and line and line.isdigit()
        heights[units.twips_to_pt(int(line)) if exact else None] += 1
    return heights.most_common(1)[0][0] if heights else None


# --- fonts ---------------------------------------------------------------------------------

def _stand_in_judge(installed: Optional[FrozenSet[str]] = None):
    if installed is None:
        installed = fontconfig.families()
        if installed is None:
            return None
    lowered = frozenset(name.lower() for name in installed)

    def stand_in(font: str) -> Optional[str]:
        if font.lower() in lowered:
            return None
        # an official name: the stand-in soffice's replacement table gives it (Writer's
        # extension and the CLI's own soffice keep the same table: soffice/office.py)
        if font in spec.REPLACED_FONT_NAMES:
            replaced = spec.font_stand_in(font, lowered)
            if replaced:
                return replaced
        return fontconfig.match(font)

    return stand_in


