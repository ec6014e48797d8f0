"""WordprocessingML's units, once: the plan's points and millimetres as twips (1/20 pt),
half-points (type sizes), hundredths (of a character or a line) and eighths of a point
(border widths), and lengths read back from a file in whatever form it wrote them."""

from __future__ import annotations

import re
from typing import Optional

from gongwen import layout
from gongwen.spec import MM_PER_PT

TWIPS_PER_PT = 20
EIGHTHS_PER_MM = 72 / 25.4 * 8  # w:sz of a border: eighths of a point


def pt_to_twips(pt: float) -> int:
    """
    >>> pt_to_twips(28.95), pt_to_twips(-0.25)
    (579, -5)
    """
    return int(round(pt * TWIPS_PER_PT))


def mm_to_twips(mm: float) -> int:
    """A page length as the plan states it (:func:`gongwen.layout.mm_to_pt`), in twips.

    >>> mm_to_twips(210), mm_to_twips(37)
    (11906, 2098)
    """
    return pt_to_twips(layout.mm_to_pt(mm))


def mm_to_twips_exact(mm: float) -> int:
    """A length measured in mm (a calibration, not a page length of the plan, which goes
    through the plan's 0.1 pt: :func:`mm_to_twips`).

    >>> mm_to_twips_exact(5), mm_to_twips_exact(1), mm_to_twips_exact(0.7)
    (283, 57, 40)
    """
    return int(round(mm / MM_PER_PT * TWIPS_PER_PT))


def twips_to_pt(twips: float) -> float:
    return twips / TWIPS_PER_PT


def twips_to_mm(twips: float) -> float:
    return twips / TWIPS_PER_PT * MM_PER_PT


def half_points(pt: float) -> str:
    """A type size as ``w:sz`` holds it.

    >>> half_points(15.75), half_points(16)
    ('32', '32')
    """
    return str(int(round(pt * 2)))


def half_points_to_pt(half_points: float) -> float:
    return half_points / 2


def from_hundredths(value: float) -> float:
    return value / 100


def hundredths(value: float) -> str:
    """Characters (``w:firstLineChars``) or lines (``w:beforeLines``) in hundredths."""
    return str(int(round(value * 100)))


def chars_to_twips(chars: float, size_pt: float) -> int:
    """``chars`` full-width characters of ``size_pt`` type (a character's width times the
    count).

    >>> chars_to_twips(2, 16), chars_to_twips(-1.5, 15.75)
    (640, -472)
    """
    return int(round(chars * (size_pt * TWIPS_PER_PT)))


# ST_TwipsMeasure as files carry it: whole twips (Word), a decimal (other writers), or since
# the standard's 2nd edition a universal measure (a number and mm, cm, in, pt, pc or pi).
_MEASURE = re.compile(r"^\s*(-?\d+(?:\.\d*)?)\s*(mm|cm|in|pt|pc|pi)?\s*$")
_PT_PER_UNIT = {"mm": 72 / 25.4, "cm": 720 / 25.4, "in": 72.0, "pt": 1.0, "pc": 12.0,
                "pi": 12.0}


def read_twips(value: Optional[str], default: int = 0) -> int:
    """A length attribute in twips, whatever form it was written in; ``default`` when it is
    missing or unreadable (a measure the renderer cannot read is no reason to refuse a file).

    >>> [read_twips(v) for v in ("1701", "2000.5", "3cm", "1in", "-12pt", "auto", None)]
    [1701, 2000, 1701, 1440, -240, 0, 0]
    """
    match = _MEASURE.match(value or "")
    if match is None:
        return default
    number, unit = float(match.group(1)), match.group(2)
    return int(number) if unit is None else pt_to_twips(number * _PT_PER_UNIT[unit])
