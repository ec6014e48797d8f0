"""Where the 署名 and 成文日期 go (GB/T 9704 §7.3.5.2), as right indents in characters.

One rule for the Writer button (:mod:`gongwen.writer.format` turns the characters into
``ParaRightMargin``) and the .docx CLI (:mod:`gongwen.cli.format` writes ``w:ind``):

- the 署名 is right-aligned two characters in from the right edge of the type area;
- the 成文日期 sits on the line under it, its first character two characters right of the
  署名's first;
- when that would push the date closer than two characters to the edge (the date is longer
  than the 署名 less two characters), the date keeps its two characters and the 署名
  moves left instead.

Widths are measured as the 3号 body type sets them: a CJK or full-width character is one
character, a Latin letter or digit its Times New Roman advance (digits half a character).
The Writer button turns Asian/Western autospacing off in these two styles (so does the .docx
the CLI writes, for Word), and ``autospace=0`` measures that. Writer 7.4 cannot turn it off in
a .docx it opens (its importer skips ``w:autoSpaceDE``/``w:autoSpaceDN``), so the CLI also
measures with ``autospace=WRITER_AUTOSPACE_CHARS`` for the length only Writer reads.
Standard library only (the core runs in the Python that LibreOffice bundles).
"""

from __future__ import annotations

import re
from typing import Dict, Optional, Sequence, Tuple

from gongwen import spec
from gongwen.spec import Role

# Advance widths in em of Times New Roman (and the metric-compatible Liberation Serif),
# the 公文 styles' Latin font: digits are exactly half a CJK character, X is not.
_LATIN_WIDTH_EM = dict(
    [(ch, 0.5) for ch in "0123456789"]
    + list(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (0.722, 0.667, 0.667, 0.722, 0.611, 0.556, 0.722, 0.722, 0.333, 0.389, 0.722,
                0.611, 0.889, 0.722, 0.722, 0.556, 0.722, 0.667, 0.556, 0.611, 0.722, 0.722,
                0.944, 0.722, 0.722, 0.611)))
    + list(zip("abcdefghijklmnopqrstuvwxyz",
               (0.444, 0.5, 0.444, 0.5, 0.444, 0.333, 0.5, 0.5, 0.278, 0.278, 0.5, 0.278,
                0.778, 0.5, 0.5, 0.5, 0.5, 0.333, 0.389, 0.278, 0.5, 0.5, 0.722, 0.5, 0.5,
                0.444)))
    + [(" ", 0.25), (".", 0.25), ("-", 0.333), ("/", 0.278), (":", 0.278)]
)
# A Latin character this table does not know is taken as half a character.
_UNKNOWN_LATIN_EM = 0.5
# From here on, code points are set full width (CJK, full-width forms, CJK punctuation).
_FULL_WIDTH_FROM = 0x2000
# Writer's Asian/Western autospacing (ParaIsCharacterDistance, on unless a style turns it
# off): where the script changes between Asian and Western and the characters on both sides
# are letters or digits, a kern of a fifth of the font height (sw/source/core/text/
# itrform2.cxx, "20% of the fontheight"); measured: 2021年12月31日 one character wider.
WRITER_AUTOSPACE_CHARS = 0.2

SIGNATURE = "signature"
DATE = "date"


def text_width_chars(text: str, autospace: float = 0.0) -> float:
    """Width in full-width characters: CJK and full-width forms 1, Latin by its metrics,
    plus ``autospace`` characters at each :func:`script_changes`.

    Leading and trailing spaces do not count (the paragraph is right-aligned, Writer
    and Word hang a trailing space past the edge).

    >>> text_width_chars("2021年12月31日"), text_width_chars("XX县XX局")
    (7.0, 4.888)
    >>> text_width_chars("2021年12月31日", WRITER_AUTOSPACE_CHARS)
    8.0
    """
    text = text.strip()
    width = sum(_LATIN_WIDTH_EM.get(ch, _UNKNOWN_LATIN_EM) if not _is_full_width(ch) else 1.0
                for ch in text)
    return round(width + autospace * script_changes(text), 3)


def typed_indent_chars(text: str) -> float:
    """How far the spaces typed at the start of a paragraph push its first line, in
    characters: an ideographic space 1, an ASCII or no-break space Times New Roman's
    quarter (measured in Writer: 0.24 of a 3号 character each). Counting stops at a tab:
    where a tab goes depends on the tab stops.

    >>> [typed_indent_chars(text) for text in ("\u3000\u3000正文", "    正文", "正文")]
    [2.0, 1.0, 0.0]
    """
    width = 0.0
    for ch in text:
        if ch == "\u3000":
            width += 1.0
        elif ch in " \u00a0":
            width += _LATIN_WIDTH_EM[" "]
        else:
            break
    return width


def script_changes(text: str) -> int:
    """Where autospacing adds room: a letter or digit next to one of the other script
    (CJK against Latin), both sides letters or digits (punctuation gets none).

    >>> script_changes("2021年12月31日"), script_changes("述职人：张三"), script_changes("XX县")
    (5, 0, 1)
    """
    return sum(1 for before, after in zip(text, text[1:])
               if before.isalnum() and after.isalnum()
               and _is_full_width(before) != _is_full_width(after))


def _is_full_width(ch: str) -> bool:
    return ord(ch) >= _FULL_WIDTH_FROM


def signature_date_indents(signature: str, date: str,
                           autospace: float = 0.0) -> Dict[str, float]:
    """Right indents in characters for 署名 and 成文日期 (GB/T 9704 §7.3.5.2).

    The 署名 is right-aligned two characters in; the date sits on the next line with
    its first character two characters right of the 署名's first; when that would
    push the date past two characters in from the edge, the date keeps two
    characters and the 署名 moves left instead. ``autospace``: see
    :func:`text_width_chars` (0: text set without autospacing, as the styles ask).

    >>> signature_date_indents("XX县政协办公室", "2021年12月31日")
    {'signature': 3.556, 'date': 2.0}
    >>> signature_date_indents("述职人：张三", "2021年12月31日")
    {'signature': 5.0, 'date': 2.0}
    >>> signature_date_indents("中共某县委员会机关办公室", "2021年12月31日")
    {'signature': 2.0, 'date': 5.0}
    >>> signature_date_indents("中共某县委员会机关办公室", "2021年12月31日", WRITER_AUTOSPACE_CHARS)
    {'signature': 2.0, 'date': 4.0}
    """
    base = spec.PARAGRAPH_STYLES[Role.SIGNATURE].right_chars
    signature_width = text_width_chars(signature, autospace)
    date_width = text_width_chars(date, autospace)
    date_indent = base + signature_width - date_width - 2
    if date_indent >= base:
        return {SIGNATURE: float(base), DATE: round(date_indent, 3)}
    return {SIGNATURE: round(base + date_width + 2 - signature_width, 3), DATE: float(base)}


def signature_and_date_indents(texts: Sequence[str], paragraph_roles: Sequence[str],
                               autospace: float = 0.0) -> Dict[int, float]:
    """Right indent in characters of every 署名 and 成文日期 paragraph, by paragraph index.

    ``texts`` are the paragraphs' texts as they will be shown (after any 规范写法 rewrite:
    a rewritten date has another width). The last 署名 and the first date decide; every
    署名 line gets the 署名's indent and every date line the date's. Without both a 署名
    and a date there is nothing to place ({}), and the styles' two characters stand.

    >>> signature_and_date_indents(["正文。", "", "述职人：张三", "2021年12月31日"],
    ...                            ["body", "blank", "signature", "date"])
    {2: 5.0, 3: 2.0}
    """
    signature_rows = [i for i, role in enumerate(paragraph_roles) if role == Role.SIGNATURE]
    date_rows = [i for i, role in enumerate(paragraph_roles) if role == Role.DATE]
    if not signature_rows or not date_rows:
        return {}
    indents = signature_date_indents(texts[signature_rows[-1]], texts[date_rows[0]], autospace)
    placed: Dict[int, float] = {}
    for rows, key in ((signature_rows, SIGNATURE), (date_rows, DATE)):
        for row in rows:
            placed[row] = indents[key]
    return placed


def sealed_indents(texts: Sequence[str], paragraph_roles: Sequence[str], seal: str,
                   autospace: float = 0.0) -> Dict[int, float]:
    """Right indents in characters of the 署名 and 成文日期 paragraphs of a sealed 落款, by
    paragraph index ({} for ``spec.SEAL_NONE``: :func:`signature_and_date_indents`).

    - 加盖印章 (§7.3.5.1): every date 右空四字; each 署名 centred over the date (以成文日期为准
      居中), by its own width, so the 署名s of a 联合行文 line up on one axis;
    - 加盖签发人签名章 (§7.3.5.3): the date 右空四字; the 署名 (the 签发人职务) two characters
      left of a 签名章 that stands four characters in.

    >>> sealed_indents(["正文。", "某县人民政府", "2021年12月31日"],
    ...                ["body", "signature", "date"], "stamp")
    {1: 4.5, 2: 4.0}
    >>> sealed_indents(["正文。", "局长", "2021年12月31日"], ["body", "signature", "date"],
    ...                "signature")
    {1: 10.0, 2: 4.0}
    """
    if seal not in (spec.SEAL_STAMP, spec.SEAL_SIGNATURE):
        return {}
    signature_rows = [i for i, role in enumerate(paragraph_roles) if role == Role.SIGNATURE]
    date_rows = [i for i, role in enumerate(paragraph_roles) if role == Role.DATE]
    if not signature_rows or not date_rows:
        return {}
    date_right = spec.SEAL.date_right_chars
    placed: Dict[int, float] = {row: date_right for row in date_rows}
    if seal == spec.SEAL_SIGNATURE:
        right = date_right + spec.SEAL.signature_seal_chars + spec.SEAL.title_gap_chars
        placed.update({row: right for row in signature_rows})
        return dict(sorted(placed.items()))
    date_width = text_width_chars(texts[date_rows[0]], autospace)
    for row in signature_rows:
        width = text_width_chars(texts[row], autospace)
        placed[row] = round(max(0.0, date_right + (date_width - width) / 2), 3)
    return dict(sorted(placed.items()))


def sealed_lines_before(paragraph_roles: Sequence[str], seal: str) -> Dict[int, float]:
    """Blank lines above each 署名 and 成文日期 of a sealed 落款, by paragraph index, blank
    lines the author typed there counted in ({} for ``spec.SEAL_NONE``).

    加盖印章: the first 署名 two blank lines under the text (the seal's top within a line of
    it), a 联合行文's further 署名s ``stamp_rows_apart`` lines under the one before (their
    seals must not touch), the date on the line under the last. 加盖签发人签名章: the 职务
    two blank lines under the text, the date one blank line under it.

    >>> sealed_lines_before(["body", "blank", "signature", "date"], "stamp")
    {2: 1.0, 3: 0.0}
    >>> sealed_lines_before(["body", "signature", "signature", "date"], "stamp")
    {1: 2.0, 2: 4.0, 3: 0.0}
    >>> sealed_lines_before(["body", "signature", "date"], "signature")
    {1: 2.0, 2: 1.0}
    """
    if seal not in (spec.SEAL_STAMP, spec.SEAL_SIGNATURE):
        return {}
    signature_rows = [i for i, role in enumerate(paragraph_roles) if role == Role.SIGNATURE]
    date_rows = [i for i, role in enumerate(paragraph_roles) if role == Role.DATE]
    if not signature_rows or not date_rows:
        return {}
    stamp = seal == spec.SEAL_STAMP
    wanted = spec.SEAL.stamp_blank_lines if stamp else spec.SEAL.signature_blank_lines
    result: Dict[int, float] = {}
    for number, row in enumerate(signature_rows):
        typed = _typed_blanks_above(paragraph_roles, row)
        lines = wanted if number == 0 else spec.SEAL.stamp_rows_apart - 1
        result[row] = float(max(0, lines - typed))
    date_lines = 0 if stamp else spec.SEAL.signature_date_blank_lines
    for row in date_rows:
        result[row] = float(max(0, date_lines - _typed_blanks_above(paragraph_roles, row)))
    return result


def _typed_blanks_above(paragraph_roles: Sequence[str], index: int) -> int:
    count = 0
    while index - count - 1 >= 0 and paragraph_roles[index - count - 1] == Role.BLANK:
        count += 1
    return count


def blank_inside_kept_chain(paragraph_roles: Sequence[str], index: int) -> bool:
    """Whether the blank line at ``index`` sits inside the 落款 chain (结束语 → 署名 → 日期).

    An empty line the author typed there must keep with the next paragraph too, or it
    breaks the chain that keeps the 落款 on the page with the text above it.

    >>> blank_inside_kept_chain(["closing", "blank", "signature", "date"], 1)
    True
    >>> blank_inside_kept_chain(["body", "blank", "heading1"], 1)
    False
    >>> blank_inside_kept_chain(["heading1", "blank", "body"], 1)
    True
    """
    before = _nearest_filled(paragraph_roles, index, -1)
    after = _nearest_filled(paragraph_roles, index, 1)
    if before is None or after is None:
        return False
    style = spec.PARAGRAPH_STYLES.get(paragraph_roles[before])
    return bool(style and style.keep_with_next) or paragraph_roles[after] == Role.SIGNATURE


def kept_with_closing(paragraph_roles: Sequence[str]) -> Optional[int]:
    """The paragraph of text above a 落款 (the first 署名), which keeps with it: the 署名
    and 成文日期 never go alone to a new page (§7.3.5.4 tightens the page instead; the
    host carries the text's last lines over with them). None without a 署名.

    >>> kept_with_closing(["body", "body", "blank", "signature", "date"])
    1
    """
    signatures = [i for i, role in enumerate(paragraph_roles) if role == Role.SIGNATURE]
    if not signatures:
        return None
    return _nearest_filled(paragraph_roles, signatures[0], -1)


def _nearest_filled(paragraph_roles: Sequence[str], index: int, step: int) -> Optional[int]:
    index += step
    while 0 <= index < len(paragraph_roles):
        if paragraph_roles[index] != Role.BLANK:
            return index
        index += step
    return None


# 附件说明 (§7.3.4): the ``附件：`` label and an attachment's number as typed.
_ATTACHMENT_LABEL = re.compile(r"附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]\s*")
_ATTACHMENT_NUMBER = re.compile(r"[0-9０-９]{1,2}\s*[.．、]\s*")


def attachment_indents(texts: Sequence[str], paragraph_roles: Sequence[str],
                       first_line_chars: float = 2.0, spacing_chars: float = 0.0
                       ) -> Dict[int, Tuple[float, float]]:
    """(left indent, first-line indent) in characters of the 附件说明 lines (GB/T 9704
    §7.3.4), by paragraph index: each line after the first starts under the first
    attachment's number, and wrapped lines align with the first character of the name.

    ``first_line_chars`` is where the ``附件`` label starts (the style's 左空二字);
    ``spacing_chars`` the character spacing of the type, in characters, added per
    character of a measured prefix. A bare ``附件：`` line keeps its style.

    >>> attachment_indents(["附件：1.责任清单", "2.检查记录表"], ["attachment"] * 2)
    {0: (5.75, -3.75), 1: (5.75, -0.75)}
    >>> attachment_indents(["附件：", "1.责任清单", "2.检查记录表"], ["attachment"] * 3)
    {1: (5.75, -0.75), 2: (5.75, -0.75)}
    >>> attachment_indents(["附件：XX县安全生产工作责任清单（共有十二项内容）"], ["attachment"])
    {0: (5.0, -3.0)}
    """
    result: Dict[int, Tuple[float, float]] = {}
    index = 0
    while index < len(texts):
        if paragraph_roles[index] != spec.Role.ATTACHMENT:
            index += 1
            continue
        end = index
        while end < len(texts) and (
                paragraph_roles[end] == spec.Role.ATTACHMENT and texts[end].strip()
                or _blank_between_items(paragraph_roles, index, end)):
            end += 1
        result.update(_attachment_block(texts, index, max(end, index + 1),
                                        first_line_chars, spacing_chars))
        index = max(end, index + 1)
    return result


def _blank_between_items(paragraph_roles: Sequence[str], first: int, index: int) -> bool:
    """A blank line typed between two 附件说明 items (the block goes on under it)."""
    return (index > first and paragraph_roles[index] == spec.Role.BLANK
            and index + 1 < len(paragraph_roles)
            and paragraph_roles[index + 1] == spec.Role.ATTACHMENT)


def _attachment_block(texts: Sequence[str], start: int, end: int, first_line_chars: float,
                      spacing_chars: float) -> Dict[int, Tuple[float, float]]:
    def width(prefix: str) -> float:
        return round(text_width_chars(prefix) + spacing_chars * len(prefix.strip()), 3)

    first = texts[start].lstrip()
    label = _ATTACHMENT_LABEL.match(first)
    if label is None:
        return {}
    label_width = width(label.group())
    name_column = first_line_chars + label_width  # where the first number (or name) starts
    result: Dict[int, Tuple[float, float]] = {}
    rest = first[label.end():]
    if rest:
        number = _ATTACHMENT_NUMBER.match(rest)
        hang = label_width + (width(number.group()) if number else 0.0)
        result[start] = _hanging(first_line_chars + hang, hang, texts[start])
    for row in range(start + 1, end):
        if not texts[row].strip():
            continue  # a blank line between two items
        number = _ATTACHMENT_NUMBER.match(texts[row].lstrip())
        hang = width(number.group()) if number else 0.0
        result[row] = _hanging(name_column + hang, hang, texts[row])
    return result


def _hanging(left: float, hang: float, text: str) -> Tuple[float, float]:
    """(left, first line) for a line whose number hangs ``hang`` characters; spaces typed
    before the number (aligning it by hand) are taken off the first line, never further
    left than the type area's edge."""
    first = max(-left, -hang - typed_indent_chars(text))
    return round(left, 3), round(first, 3)
