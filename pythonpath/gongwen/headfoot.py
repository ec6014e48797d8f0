"""Headers and footers: which of the author's paragraphs are only a page number.

One policy for the Writer button and the .docx CLI. A header or footer paragraph that holds
nothing but a page number, in any of the forms people use (``1``, ``- 1 -``, ``— 1 —``,
``第 1 页``, ``第1页 共5页``, ``1/5``, ``Page 1 of 5``, a PAGE field with decoration, also in a
table cell), is dropped: the 公文 footer's ``— N —`` replaces it. Every other paragraph is
the author's text and stays, so the page number still shows exactly once per page.

A renderer describes a paragraph as :class:`Portion` s: literal text, a page-number field,
a page-count field, or another field. Standard library only, Python 3.8 compatible.

>>> is_page_number_only([text("第 "), page_field(), text(" 页 共 "), count_field(), text(" 页")])
True
>>> is_page_number_only([text("Copyright 2024 XX公司")])
False
>>> is_page_number_only([text("- 3 -")]), is_page_number_only([text("Page "), page_field()])
(True, True)
>>> is_page_number_only([text("第 "), page_field(), text(" 页 / 共 "), count_field(), text(" 页")])
True
>>> is_page_number_only([])
False
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Sequence

TEXT = "text"
PAGE = "page"      # the current page's number (Word PAGE, Writer PageNumber)
COUNT = "count"    # the number of pages (Word NUMPAGES/SECTIONPAGES, Writer PageCount)
OTHER = "other"    # any other field: author's content (a date, a file name …)

HEADER = "header"
FOOTER = "footer"

# The author's footer text stays under the 公文 page number (which keeps its place 7 mm under
# the type area): its paragraphs are set on exact lines of this height with no spacing, so
# both renderers know how far down the footer reaches (Word and Writer grow a .docx footer
# upwards from its bottom; a 4号 line with room for its ascent).
AUTHORS_LINE_PT = 18.0
# ... and the footer then reaches down to this far above the paper's edge (a fixed height
# in Writer, the minimum w:footer distance in a .docx: a dynamic one grows into the body).
AUTHORS_FOOTER_BOTTOM_MM = 5.0
# On an exact line of its own size the page number's glyph box starts this far above the
# line (measured in Writer's PDF, of the button's document and of the CLI's .docx alike:
# 6.3 mm under the type area with the line 7 mm under it): both renderers start the footer
# this much lower, so the number's top is ``below_mm`` under the type area.
PAGE_NUMBER_DROP_MM = 0.7
# A .docx story ends with a paragraph: after a table at a footer's end, one this high
# (1 pt, on an exact line: it takes no room). Writer needs none.
CLOSING_LINE_PT = 1.0
# The header distance of a .docx (Word's default; a 公文 has no header, Writer's is off).
HEADER_DISTANCE_MM = 15.0


class Portion(NamedTuple):
    kind: str
    text: str = ""


def text(value: str) -> Portion:
    return Portion(TEXT, value)


def page_field() -> Portion:
    return Portion(PAGE)


def count_field() -> Portion:
    return Portion(COUNT)


# The paragraph with its fields as tokens, and digits as a number token: a cached field
# result or a typed number reads the same. Dashes, spaces and dots may decorate it.
_P = "\x01"      # a page number, or digits
_N = "\x02"      # a page count
_F = "\x03"      # another field
_DECORATION = "[\\s\u3000\\-—–－_~·.•|｜]*"
_NUMBER = "(?:第\\s*" + _P + "\\s*页|[Pp]age\\s*" + _P + "|[Pp]\\.\\s*" + _P + "|" + _P + ")"
_COUNT = "[" + _P + _N + "]"
_TOTAL = ("(?:\\s*(?:[,，;；/／|｜]\\s*)?(?:共\\s*" + _COUNT + "\\s*页|(?:/|／|of)\\s*" + _COUNT
          + "\\s*页?))?")
_PAGE_NUMBER_ONLY = re.compile("^" + _DECORATION + _NUMBER + "\\s*页?" + _TOTAL + _DECORATION
                               + "$")
_DIGITS = re.compile("[0-9０-９]+")


def tokens(portions: Sequence[Portion]) -> str:
    """The paragraph as the pattern reads it: fields and numbers as control tokens."""
    out = []
    for portion in portions:
        if portion.kind == TEXT:
            out.append(_DIGITS.sub(_P, portion.text))
        else:
            out.append({PAGE: _P, COUNT: _N}.get(portion.kind, _F))
    return "".join(out)


def is_page_number_only(portions: Sequence[Portion]) -> bool:
    """True when the paragraph shows a page number and nothing else of the author's."""
    if not any(p.kind in (PAGE, COUNT) or (p.kind == TEXT and p.text.strip())
               for p in portions):
        return False
    return bool(_PAGE_NUMBER_ONLY.match(tokens(portions)))


def is_floating_page_number(portions: Sequence[Portion]) -> bool:
    """A frame or text box in the body that shows only this is a page number typed there
    (LibreOffice's .doc import puts text-box numbers there): a page number of at most three
    digits. Both renderers drop such objects; a framed ``2024`` is a year and stays.

    >>> is_floating_page_number([text("2")]), is_floating_page_number([text("- 12 -")])
    (True, True)
    >>> is_floating_page_number([text("2024")]), is_floating_page_number([text("附件2")])
    (False, False)
    """
    numbers = _DIGITS.findall("".join(p.text for p in portions if p.kind == TEXT))
    return is_page_number_only(portions) and all(len(number) <= 3 for number in numbers)


# Between two page numbers typed into the body stand more paragraphs than this (a page
# holds more): a run of bare numbers close together is a list, not pages.
TYPED_NUMBER_GAP = 3


def typed_page_numbers(texts: Sequence[str]) -> List[int]:
    """Indices of body paragraphs that are page numbers typed as text (a .doc made on a
    typewriter's habits, or LibreOffice's import of text-box numbers): each a page number
    alone (:func:`is_floating_page_number`), together the sequence 1, 2, 3 … (from 2 when
    the first page had none), two at least, more than ``TYPED_NUMBER_GAP`` paragraphs
    apart. Both renderers drop them: the 公文 footer numbers every page.

    >>> body = ["正文"] * 5
    >>> typed_page_numbers(["标题"] + body + ["1"] + body + ["- 2 -"] + body + ["3"])
    [6, 12, 18]
    >>> typed_page_numbers(["1", "2", "3"]), typed_page_numbers(["标题"] + body + ["2024"])
    ([], [])
    """
    chain: List[int] = []
    expected = 0
    for index, value in enumerate(texts):
        if not value.strip() or not is_floating_page_number([text(value)]):
            continue
        digits = _DIGITS.findall(value)
        if len(digits) != 1:
            continue
        number = int(digits[0].translate(_FULL_WIDTH))
        if chain and number == expected and index - chain[-1] > TYPED_NUMBER_GAP:
            chain.append(index)
            expected += 1
        elif len(chain) < 2 and number in (1, 2):
            chain, expected = [index], number + 1
    return chain if len(chain) >= 2 else []


_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def is_empty(portions: Sequence[Portion]) -> bool:
    return not any(p.kind != TEXT or p.text.strip() for p in portions)
