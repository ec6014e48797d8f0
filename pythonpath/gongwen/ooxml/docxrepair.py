"""What Word needs of the parts the CLI writes: children in the schema's order, each once,
and drawing ids unique across the package.

Files come with slips of their own (measured: WPS writes ``w:style`` children out of order;
LibreOffice's .doc import doubles ``w:b`` in a ``w:rPr``, writes the ``w:rPr`` of text
boxes out of Office's order, and a numbering level's ``w:pStyle`` before its
``w:numFmt``), and the CLI made one itself (an even-page footer copied from the default one
kept its ``wp:docPr`` ids). Word answers both with its "unreadable content"
prompt. ``repair(document)`` runs last in :func:`gongwen.ooxml.docxrender.format_document`,
over every XML part python-docx writes back.

The order of each element's children (:data:`ORDER`) is read where python-docx declares it
and held here only where it does not (:func:`declared_order`; ISO/IEC 29500-1 Transitional
otherwise, with ``EG_RPrBase`` as Office writes and requires it: a sequence, each element once):

- ``pPr``, ``style``, ``tblPr``: python-docx's CT_PPr, CT_Style, CT_TblPr, whole.
- ``rPr``: ``EG_RPrBase`` from python-docx's CT_RPr (Office's order); the paragraph mark's
  revision marks before it (``ins`` … ``moveTo``, CT_ParaRPr) and ``rPrChange`` after it
  are ours: CT_RPr declares neither.
- ``sectPr``: from ``footnotePr`` on, python-docx's CT_SectPr. It declares the header and
  footer references before them with no order between the two (ISO's
  ``EG_HdrFtrReferences``, a choice): ours keeps the headers first, as the table did.
- ``tcPr``: python-docx's CT_TcPr from ``tcW`` on; ``cnfStyle`` before it is ours (CT_TcPr
  does not declare it).
- ``lvl``, ``abstractNum``, ``num`` (numbering.xml): ours; python-docx has no class for the
  first two and CT_Num places only ``lvlOverride``.

Compared element by element (python-docx 1.2.0), python-docx's sequences and our former
table agree wherever both name an element. ``tests/docxvalid.py`` checks the result with the
Open XML SDK's schemas.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Set, Tuple

from docx.oxml.ns import qn
from docx.oxml.section import CT_SectPr
from docx.oxml.styles import CT_Style
from docx.oxml.table import CT_TblPr, CT_TcPr
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.parfmt import CT_PPr
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"


class _Parent:
    """Stands for the parent in a call of python-docx's generated ``_insert_<child>``
    method, which puts the child before the first of the successors it was declared with
    (``BaseOxmlElement.insert_element_before``): those are what this keeps."""

    successors: Optional[Tuple[str, ...]] = None

    def insert_element_before(self, element: object, *tagnames: str) -> object:
        self.successors = tagnames
        return element


def declared_successors(cls: type) -> Dict[str, Tuple[str, ...]]:
    """{child: the w: children after it}, local names, for each child python-docx's element
    class ``cls`` declares with a place (ZeroOrOne, ZeroOrMore, OneOrMore: each makes an
    ``_insert_<child>`` method; python-docx names them after the child's tag)."""
    found = {}
    for name, method in vars(cls).items():
        if not name.startswith("_insert_") or not callable(method):
            continue
        parent = _Parent()
        try:
            method(parent, None)
        except (AttributeError, TypeError):
            pass  # not the generated method: it wants a real element
        if parent.successors is None or not all(
                tag.startswith("w:") for tag in parent.successors):
            raise RuntimeError(f"python-docx's {cls.__name__}.{name} no longer says where "
                               f"its child goes: gongwen.ooxml.docxrepair cannot read it")
        found[name[len("_insert_"):]] = tuple(tag[2:] for tag in parent.successors)
    return found


def declared_order(cls: type, first: str) -> Tuple[str, ...]:
    """The children python-docx's ``cls`` declares, in order: the longest list of
    successors, after the one child declared with it (none when several are: a choice
    python-docx leaves unordered, as w:sectPr's references). Raises unless it starts with
    ``first`` and every declaration agrees with it."""
    successors = declared_successors(cls)
    longest = max(successors.values(), key=len, default=())
    heads = [tag for tag, after in successors.items() if after == longest]
    order = (tuple(heads) if len(heads) == 1 else ()) + longest
    for tag, after in successors.items():
        start = len(order) - len(after)
        if order[start:] != after or (tag not in heads and order[start - 1] != tag):
            raise RuntimeError(f"python-docx's {cls.__name__} places w:{tag} before "
                               f"{after}, against {order}")
    if order[:1] != (first,):
        raise RuntimeError(f"python-docx's {cls.__name__} no longer declares its children "
                           f"from w:{first} on: {order}")
    return order


# {parent: its w: children in schema order} (where each comes from: the module's docstring).
ORDER: Dict[str, Tuple[str, ...]] = {
    "rPr": (("ins", "del", "moveFrom", "moveTo") + declared_order(CT_RPr, "rStyle")
            + ("rPrChange",)),
    "pPr": declared_order(CT_PPr, "pStyle"),
    "style": declared_order(CT_Style, "name"),
    # python-docx: both references before footnotePr, in no order between them
    "sectPr": ("headerReference", "footerReference") + declared_order(CT_SectPr, "footnotePr"),
    "tblPr": declared_order(CT_TblPr, "tblStyle"),
    "tcPr": ("cnfStyle",) + declared_order(CT_TcPr, "tcW"),
    # numbering.xml (LibreOffice writes a level's w:pStyle before its w:numFmt)
    "lvl": ("start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText",
            "lvlPicBulletId", "legacy", "lvlJc", "pPr", "rPr"),
    "abstractNum": ("nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink",
                    "lvl"),
    "num": ("abstractNumId", "lvlOverride"),
}
# Children that may repeat; every other one is kept once (the last: it is the one a
# reader applying the properties in order ends with).
REPEATING = {"style": {"tblStylePr"}, "sectPr": {"headerReference", "footerReference"},
             "abstractNum": {"lvl"}, "num": {"lvlOverride"}}

_RANK = {parent: {qn("w:" + name): i for i, name in enumerate(names)}
         for parent, names in ORDER.items()}


def earlier(parent: str, name: str) -> Tuple[str, ...]:
    """The tags :data:`ORDER` puts before ``w:<name>`` in a ``w:<parent>``, in order."""
    names = ORDER[parent]
    return tuple(qn("w:" + earlier_name) for earlier_name in names[:names.index(name)])


def insert_in_order(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Puts a new ``child`` of ``parent`` (an element :data:`ORDER` knows) before the first
    child the order puts after it, else last; returns it."""
    rank = _RANK[etree.QName(parent).localname]
    place = rank[child.tag]
    later = next((sibling for sibling in parent if rank.get(sibling.tag, -1) > place), None)
    if later is None:
        parent.append(child)
    else:
        later.addprevious(child)
    return child


def order_children(element: etree._Element) -> bool:
    """Puts a known element's children in schema order and drops repeated ones; True when
    anything changed. Children of other namespaces stay after the child they followed."""
    parent = etree.QName(element).localname
    rank = _RANK[parent]
    repeating = {qn("w:" + name) for name in REPEATING.get(parent, ())}
    children = [child for child in element]
    last: Dict[str, etree._Element] = {}
    for child in children:
        if child.tag in rank and child.tag not in repeating:
            last[child.tag] = child
    groups: List[Tuple[int, int, List[etree._Element]]] = []
    current = -1
    for index, child in enumerate(children):
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in rank:
            if tag in last and last[tag] is not child:
                continue  # an earlier copy of a repeated property
            current = rank[tag]
            groups.append((current, index, [child]))
        elif groups:
            groups[-1][2].append(child)
        else:
            groups.append((-1, index, [child]))
    ordered = [child for _, _, group in sorted(groups, key=lambda g: (g[0], g[1]))
               for child in group]
    if ordered == children:
        return False
    for child in children:
        element.remove(child)
    for child in ordered:
        element.append(child)
    return True


def order_part(root: etree._Element) -> int:
    """Every element :data:`ORDER` knows, in a part, in order; how many changed."""
    tags = [qn("w:" + name) for name in ORDER]
    return sum(order_children(element) for element in list(root.iter(*tags)))


# --- ids ----------------------------------------------------------------------------------

_VML_SHAPES = tuple(f"{{{VML}}}{name}" for name in (
    "shape", "rect", "roundrect", "oval", "line", "group", "polyline", "arc", "curve"))
_SPID = re.compile(r"^_x0000_[a-z](\d+)$")


def unique_ids(roots: Iterable[etree._Element]) -> int:
    """Renumbers a ``wp:docPr`` id, a VML shape id or ``o:spid`` seen before in the document
    or its other stories (Word requires them unique across them); how many changed.
    ``roots``: the main document first, then the headers, footers and notes."""
    roots = list(roots)
    numbers = [int(value) for root in roots for element in root.iter(f"{{{WP}}}docPr")
               for value in [element.get("id", "")] if value.isdigit()]
    next_id = max(numbers, default=0) + 1
    spids = [int(m.group(1)) for root in roots for element in root.iter(*_VML_SHAPES)
             for m in [_SPID.match(element.get(f"{{{OFFICE}}}spid", ""))] if m]
    next_spid = max(spids, default=1024) + 1
    seen: Dict[str, Set[str]] = {"docPr": set(), "vml": set(), "spid": set()}
    changed = 0
    for root in roots:
        for element in root.iter(f"{{{WP}}}docPr", *_VML_SHAPES):
            if element.tag == f"{{{WP}}}docPr":
                value = element.get("id", "")
                if value in seen["docPr"] or not value.isdigit():
                    element.set("id", str(next_id))
                    value, next_id, changed = str(next_id), next_id + 1, changed + 1
                seen["docPr"].add(value)
                continue
            value = element.get("id")
            if value is not None:
                if value in seen["vml"]:
                    count = 2
                    while f"{value}_{count}" in seen["vml"]:
                        count += 1
                    old, value = value, f"{value}_{count}"
                    element.set("id", value)
                    _follow_shape_id(element, old, value)
                    changed += 1
                seen["vml"].add(value)
            spid = element.get(f"{{{OFFICE}}}spid")
            if spid is not None:
                if spid in seen["spid"]:
                    spid = f"_x0000_s{next_spid}"
                    next_spid += 1
                    element.set(f"{{{OFFICE}}}spid", spid)
                    changed += 1
                seen["spid"].add(spid)
    return changed


def _follow_shape_id(shape: etree._Element, old: str, new: str) -> None:
    """An embedded object names its shape (``o:OLEObject ShapeID``): it follows the new id."""
    holder = shape.getparent()
    if holder is None:
        return
    for element in holder.iter(f"{{{OFFICE}}}OLEObject"):
        if element.get("ShapeID") == old:
            element.set("ShapeID", new)


def _story_parts(document) -> List[object]:
    """The main document part, then the header/footer/note parts it uses, by name."""
    main = document.part
    others = {rel.target_part.partname: rel.target_part for rel in main.rels.values()
              if not rel.is_external and hasattr(rel.target_part, "_element")
              and rel.target_part is not main
              and any(word in rel.reltype for word in ("/header", "/footer", "/footnotes",
                                                       "/endnotes", "/comments"))}
    return [main] + [others[name] for name in sorted(others)]


def repair(document) -> None:
    """Schema order in every XML part python-docx writes back; unique drawing ids."""
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None and element.tag.startswith("{" + W + "}"):
            order_part(element)
    unique_ids(part._element for part in _story_parts(document))


__all__ = ["ORDER", "REPEATING", "order_children", "order_part", "unique_ids", "repair"]
