"""Writer's units, once: the plan's points, millimetres and characters in 1/100 mm (what
every length property of the Writer API takes), and back.

Writer keeps lengths in whole twips inside: a length in points is rounded to whole twips
first, so that what is set reads back as set and equals what Writer makes of the same
length in a .docx (the grid pitch 28.95 pt is 1021, −0.25 pt is −9; the 纪要 mark's space
3133, not 3131)."""

from __future__ import annotations

from gongwen.spec import MM_PER_PT

HMM_PER_MM = 100
HMM_PER_PT = 2540 / 72  # 1/100 mm per point
TWIPS_PER_PT = 20


def mm_to_hmm(mm: float) -> int:
    """
    >>> mm_to_hmm(0.7), mm_to_hmm(156)
    (70, 15600)
    """
    return int(round(mm * HMM_PER_MM))


def pt_to_hmm(pt: float) -> int:
    """Points in 1/100 mm, through whole twips.

    >>> pt_to_hmm(28.95), pt_to_hmm(-0.25), pt_to_hmm(16)
    (1021, -9, 564)
    """
    return int(round(round(pt * TWIPS_PER_PT) / TWIPS_PER_PT * HMM_PER_PT))


def chars_to_hmm(chars: float, size_pt: float) -> int:
    """An indent of ``chars`` full-width characters of ``size_pt`` type, through whole twips.

    >>> chars_to_hmm(2, 16)
    1129
    """
    twips = round(chars * size_pt * TWIPS_PER_PT)
    return int(round(twips * 127 / 72))


def hmm_to_pt(hmm: float) -> float:
    """
    >>> round(hmm_to_pt(1021), 2)
    28.94
    """
    return hmm / HMM_PER_MM / MM_PER_PT
