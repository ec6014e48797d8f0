"""The page numbers already in a .docx: which header/footer paragraphs, text boxes and body
frames only show a page number (ours, or an author's that ours replaces), read through
:mod:`gongwen.headfoot`'s rules, and how to drop them without breaking the part."""

from __future__ import annotations

from typing import Iterator, List, Tuple

from docx.oxml.ns import qn
from lxml import etree

from gongwen import headfoot
from gongwen.ooxml import docxtext

PAGE_NUMBER_STYLE_ID = "GongwenPageNumber"
PAGE_NUMBER_EVEN_STYLE_ID = "GongwenPageNumberEven"


_PAGE_INSTRUCTIONS = {"PAGE": headfoot.PAGE, "NUMPAGES": headfoot.COUNT,
                      "SECTIONPAGES": headfoot.COUNT}


def _field_kind(instruction: str) -> str:
    words = instruction.split()
    return _PAGE_INSTRUCTIONS.get(words[0].upper(), headfoot.OTHER) if words \
        else headfoot.OTHER


def portions(p: etree._Element) -> List[headfoot.Portion]:
    """The paragraph as the core's header/footer policy reads it: literal text, and each
    field (complex or simple) as one portion, its cached result left out."""
    result: List[headfoot.Portion] = []
    depth, instruction, in_result = 0, [], False
    for element in _own_iter(p, (qn("w:t"), qn("w:fldChar"), qn("w:instrText"),
                                 qn("w:fldSimple"), qn("w:tab"))):
        tag = element.tag
        if tag == qn("w:fldSimple"):
            result.append(headfoot.Portion(_field_kind(element.get(qn("w:instr"), ""))))
        elif tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            if kind == "begin":
                depth += 1
                if depth == 1:
                    instruction, in_result = [], False
            elif kind == "separate" and depth == 1:
                in_result = True
                result.append(headfoot.Portion(_field_kind("".join(instruction))))
            elif kind == "end" and depth:
                if depth == 1 and not in_result:
                    result.append(headfoot.Portion(_field_kind("".join(instruction))))
                depth -= 1
        elif tag == qn("w:instrText"):
            if depth == 1:
                instruction.append(element.text or "")
        elif depth == 0 and not docxtext.within(element, p, qn("w:fldSimple")):
            result.append(headfoot.text("\t" if tag == qn("w:tab") else element.text or ""))
    return result


def _own_iter(p: etree._Element, tags: Tuple[str, ...]) -> Iterator[etree._Element]:
    """Elements of the paragraph itself, not of a text box's paragraphs inside it."""
    for element in p.iter(*tags):
        if next(element.iterancestors(qn("w:p")), None) is p:
            yield element


def is_page_number_paragraph(p: etree._Element) -> bool:
    """A header/footer paragraph that only shows the page number (ours, or one we replace)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        pstyle = ppr.find(qn("w:pStyle"))
        if pstyle is not None and pstyle.get(qn("w:val")) in (
                PAGE_NUMBER_STYLE_ID, PAGE_NUMBER_EVEN_STYLE_ID):
            return True
    return headfoot.is_page_number_only(portions(p))


def is_empty_paragraph(p: etree._Element) -> bool:
    """No text, field or object: an empty line (which would push the number up)."""
    if any(True for _ in p.iter(qn("w:drawing"), qn("w:pict"), qn("w:object"))):
        return False
    return headfoot.is_empty(portions(p))


def part_paragraphs(part_el: etree._Element) -> List[etree._Element]:
    """Every paragraph of a header/footer part, in tables and content controls too (Word's
    page-number gallery wraps its paragraph in a w:sdt), but not inside text boxes."""
    return [p for p in part_el.iter(qn("w:p"))
            if not any(a.tag == qn("w:txbxContent") for a in p.iterancestors())]


def drop_paragraph(p: etree._Element) -> None:
    """Removes a paragraph; one that a table cell needs (its last) is emptied instead, and a
    content control left without content goes with it."""
    parent = p.getparent()
    if parent.tag == qn("w:tc") and len(parent.findall(qn("w:p"))) == 1:
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        return
    parent.remove(p)
    while parent.tag == qn("w:sdtContent") and not len(parent):
        sdt = parent.getparent()
        parent = sdt.getparent()
        parent.remove(sdt)


_TEXT_BOX_CONTENT = qn("w:txbxContent")
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"


def _box_paragraphs(run: etree._Element) -> List[etree._Element]:
    """The paragraphs of the text boxes a run holds (both copies Word writes), not nested."""
    return [p for box in run.iter(_TEXT_BOX_CONTENT) for p in box.findall(qn("w:p"))]


def _shows_only_a_number(paragraphs: List[etree._Element], small: bool = False) -> bool:
    """A text box or frame's paragraphs: one page number, the rest empty. ``small``: as
    :func:`gongwen.headfoot.is_floating_page_number` judges a number in the body."""
    numbers = [p for p in paragraphs if not is_empty_paragraph(p)]
    judge = headfoot.is_floating_page_number if small else headfoot.is_page_number_only
    return bool(numbers) and all(judge(portions(p)) for p in numbers)


def page_number_boxes(container: etree._Element, small: bool = False
                      ) -> List[etree._Element]:
    """Runs holding a text box that shows only a page number (Word's page-number gallery,
    WPS's 插入页码, LibreOffice's .doc import of a text-box number): the 公文 number
    replaces them, as it replaces a footer paragraph that shows only one."""
    found = []
    for run in container.iter(qn("w:r")):
        if any(a.tag == _TEXT_BOX_CONTENT for a in run.iterancestors()):
            continue
        paragraphs = _box_paragraphs(run)
        if paragraphs and _shows_only_a_number(paragraphs, small):
            found.append(run)
    return found


def page_number_frames(body: etree._Element) -> List[etree._Element]:
    """Floating page numbers typed into the body itself (LibreOffice's .doc import puts a
    text-box number there): framed paragraphs (``w:framePr``) and anchored text boxes that
    show nothing but a number of at most three digits. Returns the framed paragraphs and
    the runs holding such text boxes."""
    found: List[etree._Element] = []
    for p in body.iter(qn("w:p")):
        if any(a.tag == _TEXT_BOX_CONTENT for a in p.iterancestors()):
            continue
        if p.find(f"{qn('w:pPr')}/{qn('w:framePr')}") is not None and \
                _shows_only_a_number([p], small=True):
            found.append(p)
    return found + page_number_boxes(body, small=True)


def drop_page_number_frames(body: etree._Element) -> int:
    """Removes :func:`page_number_frames`; how many."""
    found = page_number_frames(body)
    for element in found:
        if element.tag == qn("w:p"):
            drop_paragraph(element)
        else:
            element.getparent().remove(element)
    return len(found)
