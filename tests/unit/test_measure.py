"""tests/measure.py on `pdftotext -bbox-layout` XHTML written here (no soffice, no PDF)."""

from __future__ import annotations

from typing import List, Optional, Tuple

from gongwen.spec import MM_PER_PT, PAGE
from tests.measure import check_gbt9704, parse_bbox_xhtml

REAL_SNIPPET = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title></title>
<meta name="Producer" content="LibreOffice 7.4"/>
</head>
<body>
<doc>
  <page width="595.303937" height="841.889764">
    <flow>
      <block xMin="79.500000" yMin="111.600764" xMax="520.700000" yMax="132.400764">
        <line xMin="79.500000" yMin="111.600764" xMax="520.700000" yMax="132.400764">
          <word xMin="79.500000" yMin="111.600764" xMax="520.700000" yMax="132.400764">\
的成果转化还需进一步推动，民主监督的机制方式还需进一步创</word>
        </line>
      </block>
      <block xMin="79.500000" yMin="140.600764" xMax="300.196000" yMax="161.400764">
        <line xMin="79.500000" yMin="140.600764" xMax="300.196000" yMax="161.400764">
          <word xMin="79.500000" yMin="140.600764" xMax="300.196000" yMax="161.400764">\
并在今后工作中切实加以改进。</word>
        </line>
      </block>
    </flow>
    <flow>
      <block xMin="462.0" yMin="760.4" xMax="507.7" yMax="780.9">
        <line xMin="462.0" yMin="760.4" xMax="507.7" yMax="780.9">
          <word xMin="462.0" yMin="760.4" xMax="476.0" yMax="780.9">—</word>
          <word xMin="480.0" yMin="760.4" xMax="488.0" yMax="780.9">1</word>
          <word xMin="493.7" yMin="760.4" xMax="507.7" yMax="780.9">—</word>
        </line>
      </block>
    </flow>
  </page>
</doc>
</body>
</html>
"""


def test_parses_real_pdftotext_output():
    layout = parse_bbox_xhtml(REAL_SNIPPET)
    assert len(layout.pages) == 1
    page = layout.pages[0]
    assert round(page.width_mm) == 210 and round(page.height_mm) == 297
    assert [line.compact_text[:3] for line in page.body_lines] == ["的成果", "并在今"]
    first = page.body_lines[0]
    assert abs(first.x_left_mm - 79.5 * MM_PER_PT) < 1e-6
    assert abs(first.top_mm - 111.600764 * MM_PER_PT) < 1e-6
    assert page.page_number is not None
    assert page.page_number.number == 1 and page.page_number.text == "— 1 —"
    assert abs(page.page_number.x_right_mm - 507.7 * MM_PER_PT) < 1e-6
    assert layout.full_lines_char_counts() == [28]  # the short last line is not full


# --- synthetic pages: one known-good layout, then one fault at a time ------------------

PITCH = 10.23
CHAR = PAGE.type_width / PAGE.chars_per_line
FULL = "一年来县政协班子坚持把凝聚共识作为主轴强化政治引领筑牢思想"[:28]


def _word(text: str, left: float, top: float, right: float, height: float = 7.3) -> str:
    k = 1 / MM_PER_PT
    return (f'<word xMin="{left * k:.3f}" yMin="{top * k:.3f}" xMax="{right * k:.3f}" '
            f'yMax="{(top + height) * k:.3f}">{text}</word>')


Spec = Tuple[str, float, float]  # text, left mm, right mm


def _page(lines: List[Spec], number: Optional[str], number_left: float, number_right: float,
          number_top: float = 269.0) -> str:
    words = [_word(text, left, PAGE.top + 2.4 + i * PITCH, right)
             for i, (text, left, right) in enumerate(lines)]
    if number is not None:
        words.append(_word(number, number_left, number_top, number_right, 7.0))
    body = "".join(f"<block><line>{w}</line></block>" for w in words)
    return f'<page width="595.303937" height="841.889764"><flow>{body}</flow></page>'


def _full_page(count: int = PAGE.lines) -> List[Spec]:
    right = PAGE.left + PAGE.type_width
    lines = [("　　" + FULL[:26], PAGE.left + 2 * CHAR, right)]  # indented first line
    lines += [(FULL, PAGE.left, right)] * (count - 1)
    return lines


def _document(pages: List[str]) -> str:
    return ('<html xmlns="http://www.w3.org/1999/xhtml"><body><doc>'
            + "".join(pages) + "</doc></body></html>")


def _numbered(index: int, lines: List[Spec], top: float = 269.0, shift: float = 0.0) -> str:
    indent = PAGE.page_number_size_pt * MM_PER_PT
    width = 16.0
    if index % 2:  # odd page number (1-based): right, one character in
        right = PAGE.width - PAGE.right - indent + shift
        return _page(lines, f"— {index} —", right - width, right, top)
    left = PAGE.left + indent + shift
    return _page(lines, f"— {index} —", left, left + width, top)


def _good_pages() -> List[str]:
    last = [("并在今后工作中切实加以改进。", PAGE.left + 2 * CHAR, 120.0)]
    return [_numbered(1, _full_page(20)), _numbered(2, _full_page()),
            _numbered(3, _full_page()), _numbered(4, last)]


def test_good_layout_has_no_violations():
    layout = parse_bbox_xhtml(_document(_good_pages()))
    assert layout.lines_per_page() == [20, 22, 22, 1]
    assert layout.lines_per_full_page() == [20, 22, 22]
    assert set(layout.full_lines_char_counts()) == {28}
    left, top, right, bottom = layout.type_area_bbox(1)
    assert abs(left - PAGE.left) < 0.01 and abs(right - (PAGE.width - PAGE.right)) < 0.01
    assert check_gbt9704(layout) == []


def test_short_full_page_is_reported():
    pages = _good_pages()
    pages[2] = _numbered(3, _full_page(21))
    assert check_gbt9704(parse_bbox_xhtml(_document(pages))) == ["page 3: 21 lines, not 22"]


def test_first_and_last_pages_may_be_short():
    pages = _good_pages()
    pages[0] = _numbered(1, _full_page(5))
    assert check_gbt9704(parse_bbox_xhtml(_document(pages))) == []


def test_line_with_27_characters_is_reported_unless_kinsoku():
    lines = _full_page()
    lines[5] = (FULL[:27], PAGE.left, PAGE.left + PAGE.type_width)
    pages = _good_pages()
    pages[1] = _numbered(2, lines)
    problems = check_gbt9704(parse_bbox_xhtml(_document(pages)))
    assert len(problems) == 1 and "27 characters" in problems[0] and "page 2" in problems[0]
    lines[6] = ("《" + FULL[:27], PAGE.left, PAGE.left + PAGE.type_width)  # opening mark next
    pages[1] = _numbered(2, lines)
    layout = parse_bbox_xhtml(_document(pages))
    assert [c for c in layout.full_lines_char_counts() if c != 28] == [27]
    assert check_gbt9704(layout) == []


def test_hanging_punctuation_is_not_counted():
    lines = _full_page()
    right = PAGE.left + PAGE.type_width
    lines[3] = (FULL + "，", PAGE.left, right + CHAR)
    pages = _good_pages()
    pages[1] = _numbered(2, lines)
    layout = parse_bbox_xhtml(_document(pages))
    assert set(layout.full_lines_char_counts()) == {28}
    assert check_gbt9704(layout) == []


def test_text_outside_the_type_area_is_reported():
    lines = _full_page()
    lines[2] = (FULL, PAGE.left - 3, PAGE.left + PAGE.type_width - 3)
    pages = _good_pages()
    pages[1] = _numbered(2, lines)
    problems = check_gbt9704(parse_bbox_xhtml(_document(pages)))
    assert any("outside the type area" in p for p in problems)


def test_page_number_faults_are_reported():
    pages = _good_pages()
    pages[1] = _numbered(2, _full_page(), shift=4.0)        # even number 4 mm too far right
    pages[2] = _numbered(3, _full_page(), top=274.0)        # 12 mm below the type area
    pages[3] = _page([("末页。", PAGE.left, 60.0)], None, 0, 0)  # no number at all
    problems = check_gbt9704(parse_bbox_xhtml(_document(pages)))
    assert any(p.startswith("page 2 (even): page number starts") for p in problems)
    assert any(p.startswith("page 3: page number top") for p in problems)
    assert any(p.startswith("page 4: no page number") for p in problems)
    assert len(problems) == 3


def test_wrong_page_number_value_is_reported():
    pages = _good_pages()
    pages[2] = _page(_full_page(), "— 7 —", 150.0, 179.06 + 0.0)
    problems = check_gbt9704(parse_bbox_xhtml(_document(pages)))
    assert "page 3: page number reads 7" in problems
