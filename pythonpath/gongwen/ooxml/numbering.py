"""Automatic list labels of a .docx, resolved as Word shows them, and turned into text.

The label of a numbered paragraph is not in its runs: Word computes it from
``numbering.xml`` (ECMA-376 §17.9). :func:`list_labels` does the same for the body
(tables included), in document order:

- the paragraph's ``w:numPr`` (``w:numId`` 0 means none), else its style's, following
  ``w:basedOn``; a style's numbering takes the level whose ``w:pStyle`` names the style;
- ``w:num`` → ``w:abstractNum`` (via ``w:numStyleLink`` when it only links a numbering
  style), with ``w:lvlOverride`` (``w:startOverride``, a replacing ``w:lvl``);
- one counter set per abstract numbering, shared by the ``w:num`` that point to it, and
  one of its own for a ``w:num`` with overrides (Word's "restart numbering" writes one);
- ``w:start``, ``w:lvlRestart`` (default: a level restarts when a higher one is used),
  ``w:isLgl``, ``w:numFmt`` and ``w:lvlText`` with ``%1`` … ``%9``.

:func:`materialize_labels` then writes each visible label as a run at the start of its
paragraph (formatted like the paragraph's first text run) and removes the numbering,
so the classifier sees ``一、项目名称`` as the reader does (:mod:`gongwen.listlabel`).
"""

from __future__ import annotations

import copy
import re
from typing import Callable, Dict, Iterator, List, NamedTuple, Optional

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from gongwen import listlabel
from gongwen.ooxml import docxrepair
from gongwen.ooxml.docxtext import paragraph_text

LEVELS = 9
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")


# --- number formats (w:numFmt) ---------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _counting(number: int, digits: str = _CN_DIGITS, units: str = "十百千",
              zero: str = "零") -> str:
    """一 … 十, 十一, 二十, 一百零一, 一千: Chinese counting below ten thousand (the
    legal forms keep the one of 壹拾)."""
    if number <= 0 or number >= 10000:
        return str(number)
    if 10 <= number < 20 and units[0] == "十":
        return units[0] + (digits[number - 10] if number > 10 else "")
    parts, gap = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = number // power % 10
        if digit:
            if gap:
                parts.append(zero)
            parts.append(digits[digit] + unit)
            gap = False
        elif parts:
            gap = True
    return "".join(parts)


def _letters(number: int, alphabet: str) -> str:
    """a … z, aa … zz, aaa: Word repeats the letter."""
    if number <= 0:
        return str(number)
    return alphabet[(number - 1) % 26] * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    if number <= 0 or number >= 4000:
        return str(number)
    result = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            result += numeral
            number -= value
    return result


def _cyclic(symbols: str) -> Callable[[int], str]:
    return lambda number: symbols[(number - 1) % len(symbols)] if number > 0 else str(number)


def _enclosed(first: int, count: int) -> Callable[[int], str]:
    """①, ⑴, ⒈, ㈠ …: one character up to ``count``, plain digits after."""
    return lambda number: chr(first + number - 1) if 1 <= number <= count else str(number)


FORMATS: Dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda number: f"{number:02d}" if 0 <= number < 10 else str(number),
    "decimalFullWidth": lambda number: str(number).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda number: str(number).translate(_FULLWIDTH),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "ideographEnclosedCircle": _enclosed(0x3220, 10),
    "upperRoman": _roman,
    "lowerRoman": lambda number: _roman(number).lower(),
    "upperLetter": lambda number: _letters(number, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": lambda number: _letters(number, "abcdefghijklmnopqrstuvwxyz"),
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting,
    "japaneseCounting": _counting,
    "taiwaneseCounting": _counting,
    "taiwaneseCountingThousand": _counting,
    "ideographDigital": lambda number: "".join(_CN_DIGITS[int(d)] for d in str(number)),
    "taiwaneseDigital": lambda number: "".join(_CN_DIGITS[int(d)] for d in str(number)),
    "chineseLegalSimplified": lambda number: _counting(number, _CN_LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda number: _counting(number, _TW_LEGAL, "拾佰仟"),
    "ideographTraditional": _cyclic(_STEMS),
    "ideographZodiac": _cyclic(_BRANCHES),
    "none": lambda number: "",
}


def format_number(number: int, num_fmt: str) -> str:
    """``number`` in the w:numFmt ``num_fmt``; a format not listed shows decimal, as a
    reader without that format's font would rather see than nothing. ``decimalZeroN``
    is Word's custom ``001, 002, 003, ...`` (N digits)."""
    if num_fmt.startswith("decimalZero") and num_fmt[len("decimalZero"):].isdigit():
        return str(number).zfill(int(num_fmt[len("decimalZero"):]))
    return FORMATS.get(num_fmt, str)(number)


# --- the numbering definitions ---------------------------------------------------------

class Level(NamedTuple):
    start: int
    num_fmt: str
    text: Optional[str]  # w:lvlText; None when absent
    restart_after: int  # restart when a level below this index is used; 0: never
    legal: bool  # w:isLgl: every number in decimal
    followed_by: str  # listlabel.FOLLOWED_BY_*
    style: Optional[str]  # w:pStyle: the paragraph style this level is linked to
    picture: bool  # a picture bullet (w:lvlPicBulletId)


class ListDefinition(NamedTuple):
    key: str  # whose counters it uses: "a<abstractNumId>" or "n<numId>"
    levels: List[Optional[Level]]
    start_overrides: Dict[int, int]


def _val(element: Optional[etree._Element], default: Optional[str] = None) -> Optional[str]:
    if element is None:
        return default
    return element.get(qn("w:val"), default)


def _int(value: Optional[str], default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(element: Optional[etree._Element]) -> bool:
    return element is not None and _val(element, "true") not in ("0", "false", "off")


def _level(lvl: etree._Element, index: int) -> Level:
    restart = lvl.find(qn("w:lvlRestart"))
    restart_after = index
    if restart is not None:
        value = _int(_val(restart), index)
        # ECMA-376 §17.9.10: a level at or below this one is ignored; 0 is "never".
        restart_after = value if value <= index else index
    suffix = _val(lvl.find(qn("w:suff")), listlabel.FOLLOWED_BY_TAB)
    return Level(
        start=_int(_val(lvl.find(qn("w:start"))), 0),
        num_fmt=_num_fmt(lvl),
        text=_val(lvl.find(qn("w:lvlText"))),
        restart_after=restart_after,
        legal=_on(lvl.find(qn("w:isLgl"))),
        followed_by=suffix,
        style=_val(lvl.find(qn("w:pStyle"))),
        picture=lvl.find(qn("w:lvlPicBulletId")) is not None,
    )


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ZERO_PADDED = re.compile(r"^(0+)1\b")


def _num_fmt(lvl: etree._Element) -> str:
    """The level's w:numFmt. Word 2013 and later write their newer formats inside
    mc:AlternateContent: a w14 ``custom`` one (``w:format="001, 002, 003, ..."``) in
    mc:Choice and the nearest standard format in mc:Fallback."""
    direct = lvl.find(qn("w:numFmt"))
    if direct is not None:
        return _val(direct, "decimal") or "decimal"
    for choice in lvl.iter(f"{{{_MC}}}Choice"):
        for num_fmt in choice.iter(qn("w:numFmt")):
            padded = _ZERO_PADDED.match(num_fmt.get(qn("w:format"), ""))
            if _val(num_fmt) == "custom" and padded:
                return f"decimalZero{len(padded.group(1)) + 1}"
    for fallback in lvl.iter(f"{{{_MC}}}Fallback"):
        for num_fmt in fallback.iter(qn("w:numFmt")):
            return _val(num_fmt, "decimal") or "decimal"
    return "decimal"


def _levels(abstract: etree._Element) -> List[Optional[Level]]:
    levels: List[Optional[Level]] = [None] * LEVELS
    for lvl in abstract.findall(qn("w:lvl")):
        index = _int(lvl.get(qn("w:ilvl")), -1)
        if 0 <= index < LEVELS:
            levels[index] = _level(lvl, index)
    return levels


def _related_root(part, reltype: str) -> Optional[etree._Element]:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            return element if element is not None else etree.fromstring(target.blob)
    return None


class Numbering:
    """numbering.xml and styles.xml of one document, read once."""

    def __init__(self, numbering: Optional[etree._Element], styles: Optional[etree._Element]):
        self.abstracts: Dict[str, etree._Element] = {}
        self.nums: Dict[str, etree._Element] = {}
        if numbering is not None:
            for abstract in numbering.findall(qn("w:abstractNum")):
                self.abstracts[abstract.get(qn("w:abstractNumId"), "")] = abstract
            for num in numbering.findall(qn("w:num")):
                self.nums[num.get(qn("w:numId"), "")] = num
        self.styles: Dict[str, etree._Element] = {}
        self.default_style: Optional[str] = None
        if styles is not None:
            for style in styles.findall(qn("w:style")):
                if style.get(qn("w:type")) in ("paragraph", "numbering"):
                    self.styles[style.get(qn("w:styleId"), "")] = style
                if style.get(qn("w:type")) == "paragraph" and _on_attr(style, "default"):
                    self.default_style = style.get(qn("w:styleId"))
        self._definitions: Dict[str, Optional[ListDefinition]] = {}

    @classmethod
    def of(cls, document) -> Numbering:
        part = document.part
        return cls(_related_root(part, RT.NUMBERING), _related_root(part, RT.STYLES))

    # -- which list and level a paragraph is in --

    def style_num_pr(self, style_id: Optional[str]) -> Optional[etree._Element]:
        """The w:numPr a paragraph style gives, through w:basedOn (loops stop)."""
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if num_pr is not None:
                return num_pr
            style_id = _val(style.find(qn("w:basedOn")))
        return None

    def paragraph_list(self, p: etree._Element) -> Optional[tuple]:
        """(numId, level index, style_numbered) of a numbered paragraph, else None;
        ``style_numbered``: its paragraph style gives numbering (that stays unless the
        paragraph says numId 0)."""
        ppr = p.find(qn("w:pPr"))
        own = ppr.find(qn("w:numPr")) if ppr is not None else None
        style_id = _val(ppr.find(qn("w:pStyle"))) if ppr is not None else None
        style_id = style_id or self.default_style
        style_num_pr = self.style_num_pr(style_id)
        own_num_id = _val(own.find(qn("w:numId"))) if own is not None else None
        own_ilvl = _val(own.find(qn("w:ilvl"))) if own is not None else None
        style_num_id = _val(style_num_pr.find(qn("w:numId"))) \
            if style_num_pr is not None else None
        num_id = own_num_id if own_num_id is not None else style_num_id
        if num_id is None or _int(num_id, 0) == 0:
            return None
        ilvl = own_ilvl
        if ilvl is None and own_num_id is None:
            # The style's numbering: the level linked to the style, else the style's ilvl.
            definition = self.definition(num_id)
            linked = [index for index, level in enumerate(definition.levels)
                      if level is not None and level.style == style_id] \
                if definition is not None else []
            if linked:
                ilvl = str(linked[0])
            elif style_num_pr is not None:
                ilvl = _val(style_num_pr.find(qn("w:ilvl")))
        level = min(max(_int(ilvl, 0), 0), LEVELS - 1)
        return num_id, level, _int(style_num_id, 0) != 0

    def definition(self, num_id: str) -> Optional[ListDefinition]:
        if num_id not in self._definitions:
            self._definitions[num_id] = self._read_definition(num_id)
        return self._definitions[num_id]

    def _abstract_of(self, num_id: str, depth: int = 0) -> Optional[tuple]:
        """(abstractNumId, abstractNum) of a w:num, following w:numStyleLink."""
        num = self.nums.get(num_id)
        if num is None or depth > 4:
            return None
        abstract_id = _val(num.find(qn("w:abstractNumId")))
        abstract = self.abstracts.get(abstract_id or "")
        if abstract is None:
            return None
        link = _val(abstract.find(qn("w:numStyleLink")))
        if link:  # the definition lives in the numbering style's own list
            linked = self.style_num_pr(link)
            linked_id = _val(linked.find(qn("w:numId"))) if linked is not None else None
            return self._abstract_of(linked_id, depth + 1) if linked_id else None
        return abstract_id, abstract

    def _read_definition(self, num_id: str) -> Optional[ListDefinition]:
        found = self._abstract_of(num_id)
        if found is None:
            return None
        abstract_id, abstract = found
        levels = _levels(abstract)
        overrides: Dict[int, int] = {}
        for override in self.nums[num_id].findall(qn("w:lvlOverride")):
            index = _int(override.get(qn("w:ilvl")), -1)
            if not 0 <= index < LEVELS:
                continue
            lvl = override.find(qn("w:lvl"))
            if lvl is not None:
                levels[index] = _level(lvl, index)
            start = override.find(qn("w:startOverride"))
            if start is not None:
                overrides[index] = _int(_val(start), 0)
            elif lvl is not None and levels[index] is not None:
                overrides[index] = levels[index].start
        key = "n" + num_id if overrides else "a" + abstract_id
        return ListDefinition(key, levels, overrides)


def _on_attr(element: etree._Element, name: str) -> bool:
    return element.get(qn("w:" + name)) in ("1", "true", "on")


# --- counting --------------------------------------------------------------------------

class Label(NamedTuple):
    text: str  # the label as shown ("" when the level shows none)
    followed_by: str
    style_numbered: bool  # the paragraph style gives numbering too


class _Counter:
    """Word's counting: per list instance, one count per level."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.counts: Dict[str, List[Optional[int]]] = {}

    def label(self, p: etree._Element) -> Optional[Label]:
        found = self.numbering.paragraph_list(p)
        if found is None:
            return None
        num_id, index, style_numbered = found
        definition = self.numbering.definition(num_id)
        if definition is None or definition.levels[index] is None:
            return None
        counts = self.counts.get(definition.key)
        if counts is None:
            counts = self.counts[definition.key] = [None] * LEVELS
        level = definition.levels[index]
        current = counts[index]
        counts[index] = self._start(definition, index) if current is None else current + 1
        for deeper in range(index + 1, LEVELS):
            other = definition.levels[deeper]
            if other is None or index < other.restart_after:
                counts[deeper] = None
        return Label(self._render(definition, index, counts), level.followed_by, style_numbered)

    @staticmethod
    def _start(definition: ListDefinition, index: int) -> int:
        if index in definition.start_overrides:
            return definition.start_overrides[index]
        level = definition.levels[index]
        return level.start if level is not None else 0

    def _render(self, definition: ListDefinition, index: int,
                counts: List[Optional[int]]) -> str:
        level = definition.levels[index]
        if level.num_fmt == "bullet" or level.picture:
            return listlabel.BULLET if level.picture or level.text is None else level.text
        if level.text is None:
            return ""

        def number(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            source = definition.levels[shown]
            if shown > index or source is None:
                return ""
            value = counts[shown]
            if value is None:  # a higher level not used yet shows its start
                value = self._start(definition, shown)
            num_fmt = "decimal" if level.legal and source.num_fmt != "none" \
                else source.num_fmt
            return format_number(value, num_fmt)

        return _LEVEL_PLACEHOLDER.sub(number, level.text)


# --- the body --------------------------------------------------------------------------

def body_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """Body paragraphs in document order, table cells (nested too) and content controls
    included; text boxes are left out (their paragraphs are no list items of the body)."""
    for child in container:
        if child.tag == qn("w:p"):
            yield child
        elif child.tag in (qn("w:pPr"), qn("w:rPr"), qn("w:sectPr"), qn("w:tblPr"),
                           qn("w:trPr"), qn("w:tcPr"), qn("w:sdtPr"), qn("w:del"),
                           qn("w:moveFrom")):
            continue
        elif len(child):
            yield from body_paragraphs(child)


def resolve_labels(document) -> Dict[etree._Element, Label]:
    """Every body paragraph that is numbered, with its label as Word shows it."""
    counter = _Counter(Numbering.of(document))
    labels: Dict[etree._Element, Label] = {}
    for p in body_paragraphs(document.element.body):
        label = counter.label(p)
        if label is not None:
            labels[p] = label
    return labels


def list_labels(document) -> Dict[etree._Element, str]:
    """{w:p: its visible list label} for the numbered body paragraphs (tables included)."""
    return {p: listlabel.visible_label(label.text)
            for p, label in resolve_labels(document).items()}


def labelled_texts(document) -> Dict[etree._Element, str]:
    """{w:p: the text a reader sees}: typed label plus text, for every numbered body
    paragraph; what :func:`materialize_labels` must leave in each."""
    return {p: listlabel.typed_label(label.text, label.followed_by, paragraph_text(p))
            + paragraph_text(p) for p, label in resolve_labels(document).items()}


def materialize_labels(document) -> int:
    """Every body paragraph's visible list label becomes typed text at its start, and its
    numbering is removed; returns how many labels were written.

    All labels are resolved before any paragraph changes (a label depends on the
    paragraphs before it).
    """
    written = 0
    for p, label in resolve_labels(document).items():
        typed = listlabel.typed_label(label.text, label.followed_by, paragraph_text(p))
        if typed:
            _insert_run(p, typed)
            written += 1
        _remove_numbering(p, label.style_numbered)
    return written


def _insert_run(p: etree._Element, text: str) -> None:
    """A run with ``text`` as the paragraph's first content, formatted like its first
    text run (or its paragraph mark when it has none). It goes before everything else,
    so it cannot land inside a field, a hyperlink or a content control."""
    run = etree.Element(qn("w:r"))
    rpr = _first_text_rpr(p)
    if rpr is not None:
        rpr = copy.deepcopy(rpr)
        for change in rpr.findall(qn("w:rPrChange")):
            rpr.remove(change)
        for mark_only in (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")):
            for child in rpr.findall(mark_only):
                rpr.remove(child)
        run.append(rpr)
    t = etree.SubElement(run, qn("w:t"))
    t.text = text
    if text != text.strip():
        t.set(_XML_SPACE, "preserve")
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(run)
    else:
        p.insert(0, run)


def _first_text_rpr(p: etree._Element) -> Optional[etree._Element]:
    for t in p.iter(qn("w:t")):
        if any(a.tag in (qn("w:txbxContent"), qn("w:del")) for a in t.iterancestors()):
            continue
        run = t.getparent()
        if run.tag == qn("w:r"):
            return run.find(qn("w:rPr"))
    ppr = p.find(qn("w:pPr"))
    return ppr.find(qn("w:rPr")) if ppr is not None else None


_BEFORE_NUM_PR = set(docxrepair.earlier("pPr", "numPr"))


def _remove_numbering(p: etree._Element, style_numbered: bool) -> None:
    """No numbering on ``p``: its w:numPr goes; numbering its style gives is switched
    off with ``w:numId`` 0 (ECMA-376 §17.9.18: no numbering)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        for num_pr in ppr.findall(qn("w:numPr")):
            ppr.remove(num_pr)
    if not style_numbered:
        return
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    num_pr = etree.Element(qn("w:numPr"))
    etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "0")
    anchor = None
    for child in ppr:
        if child.tag in _BEFORE_NUM_PR:
            anchor = child
    if anchor is not None:
        anchor.addnext(num_pr)
    else:
        ppr.insert(0, num_pr)
