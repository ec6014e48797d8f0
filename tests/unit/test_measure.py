"""gongwen.pdf.pdfmeasure on `pdftotext -bbox-layout` XHTML written here (no soffice, no PDF)."""

from __future__ import annotations

from typing import List, Optional, Tuple

from gongwen.pdf import pdfmeasure as measure
from gongwen.pdf.pdfmeasure import (
    CJK_PITCH_MM,
    check_gbt9704,
    grid_slot,
    is_signature_page,
    parse_bbox_xhtml,
)
from gongwen.spec import MM_PER_PT, PAGE

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
             for i, (text, left, right) in enumerate(lines) if text]  # "": a blank grid line
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


# --- a page that ends early because the 落款 block moved (keep_with_next) ---------------

RIGHT = PAGE.left + PAGE.type_width
SIGN_RIGHT = RIGHT - 2 * PAGE.body_size_pt * MM_PER_PT  # 右空二字
CLOSING = ("特此报告。", PAGE.left + 2 * CHAR, PAGE.left + 7 * CHAR)
BLANK = ("", 0.0, 0.0)
SIGNATURE = ("XX单位", SIGN_RIGHT - 4 * CHAR, SIGN_RIGHT)
DATE = ("XXXX年XX月XX日", SIGN_RIGHT - 10 * CHAR, SIGN_RIGHT)


def _with_last_page(before: List[Spec], last: List[Spec]) -> str:
    """Pages 1 and 2 full, page 3 = ``before``, page 4 = ``last``."""
    return _document([_numbered(1, _full_page(20)), _numbered(2, _full_page()),
                      _numbered(3, before), _numbered(4, last)])


def test_grid_slots_of_the_synthetic_lines():
    page = parse_bbox_xhtml(_document([_numbered(1, _full_page())])).pages[0]
    assert [grid_slot(line) for line in page.body_lines] == list(range(1, 23))


def test_page_before_a_moved_signature_block_may_end_early():
    # 结束语 + blank + 署名 + 日期 take 4 grid lines: after 19, 20 or 21 lines they do not fit.
    for count in (19, 20, 21):
        layout = parse_bbox_xhtml(_with_last_page(_full_page(count),
                                                  [CLOSING, BLANK, SIGNATURE, DATE]))
        assert is_signature_page(layout.pages[3])
        assert not layout.is_full_page(2)
        assert layout.lines_per_full_page() == [20, 22]
        assert check_gbt9704(layout) == [], count
    # Without the 结束语 the block is 3 grid lines (blank, 署名, 日期): fits after 19 lines.
    layout = parse_bbox_xhtml(_with_last_page(_full_page(20), [BLANK, SIGNATURE, DATE]))
    assert check_gbt9704(layout) == []


def test_page_ending_earlier_than_the_block_needs_is_reported():
    layout = parse_bbox_xhtml(_with_last_page(_full_page(18), [CLOSING, BLANK, SIGNATURE, DATE]))
    assert layout.is_full_page(2)
    assert check_gbt9704(layout) == ["page 3: 18 lines, not 22"]
    layout = parse_bbox_xhtml(_with_last_page(_full_page(19), [BLANK, SIGNATURE, DATE]))
    assert check_gbt9704(layout) == ["page 3: 19 lines, not 22"]


def test_date_split_from_its_signature_is_reported():
    before = _full_page(19) + [CLOSING, BLANK, SIGNATURE]  # 22 grid lines, 21 text lines
    layout = parse_bbox_xhtml(_with_last_page(before, [DATE]))
    assert not is_signature_page(layout.pages[3])
    assert check_gbt9704(layout) == ["page 3: 21 lines, not 22"]


def test_only_the_last_page_and_only_the_signature_block_excuse_a_short_page():
    body_line = (FULL, PAGE.left, RIGHT)  # a body paragraph continued, not a 结束语
    layout = parse_bbox_xhtml(_with_last_page(_full_page(20),
                                              [body_line, BLANK, SIGNATURE, DATE]))
    assert check_gbt9704(layout) == ["page 3: 20 lines, not 22"]
    layout = parse_bbox_xhtml(_with_last_page(_full_page(20),
                                              [CLOSING, CLOSING, BLANK, SIGNATURE, DATE]))
    assert check_gbt9704(layout) == ["page 3: 20 lines, not 22"]
    block = _numbered(3, [CLOSING, BLANK, SIGNATURE, DATE])  # not the last page
    pages = [_numbered(1, _full_page(20)), _numbered(2, _full_page(20)), block,
             _numbered(4, [CLOSING])]
    assert check_gbt9704(parse_bbox_xhtml(_document(pages))) == [
        "page 2: 20 lines, not 22", "page 3: 3 lines, not 22"]
    left_signature = ("XX单位", PAGE.left + 2 * CHAR, PAGE.left + 6 * CHAR)
    layout = parse_bbox_xhtml(_with_last_page(_full_page(20),
                                              [CLOSING, BLANK, left_signature, DATE]))
    assert check_gbt9704(layout) == ["page 3: 20 lines, not 22"]


def test_a_page_may_end_short_by_the_heading_that_keeps_with_its_text():
    """A heading never ends a page alone: the page before ends as many lines short as the
    heading takes, and no more."""
    heading = ("　　一、主要工作", PAGE.left + 2 * CHAR, PAGE.left + 8 * CHAR)
    next_page = [heading] + _full_page(21)
    layout = parse_bbox_xhtml(_with_last_page(_full_page(21), next_page))
    assert check_gbt9704(layout) == []
    # and the line the next paragraph could not leave alone (orphan control)
    layout = parse_bbox_xhtml(_with_last_page(_full_page(20), next_page))
    assert check_gbt9704(layout) == []
    layout = parse_bbox_xhtml(_with_last_page(_full_page(19), next_page))
    assert check_gbt9704(layout) == ["page 3: 19 lines, not 22"]
    # a one-line paragraph of text (it ends with a full stop) excuses nothing
    text_line = ("　　全年完成了任务。", PAGE.left + 2 * CHAR, PAGE.left + 10 * CHAR)
    layout = parse_bbox_xhtml(_with_last_page(_full_page(21), [text_line] + _full_page(21)))
    assert check_gbt9704(layout) == ["page 3: 21 lines, not 22"]
    # a page starting with a full body line excuses nothing
    layout = parse_bbox_xhtml(_with_last_page(_full_page(21), [(FULL, PAGE.left, RIGHT)] * 3))
    assert check_gbt9704(layout) == ["page 3: 21 lines, not 22"]
    # a numbered heading that is one sentence keeps with its text too (四级标题 （1）…。)
    numbered = ("　　（1）各股室主动对接上级业务部门。", PAGE.left + 2 * CHAR,
                PAGE.left + 18 * CHAR)
    layout = parse_bbox_xhtml(_with_last_page(_full_page(20), [numbered] + _full_page(21)))
    assert check_gbt9704(layout) == []
    # ... but a numbered paragraph of two sentences is text (a run-in heading)
    run_in = ("　　（1）抓学习。全年学习了十次。", PAGE.left + 2 * CHAR, PAGE.left + 17 * CHAR)
    layout = parse_bbox_xhtml(_with_last_page(_full_page(21), [run_in] + _full_page(21)))
    assert check_gbt9704(layout) == ["page 3: 21 lines, not 22"]


# --- a full line short because an unbreakable Latin run went to the next line -----------

def _latin_page(short: str, next_words: List[Tuple[str, float]], next_left: float = PAGE.left
                ) -> str:
    """Page 2 of a good document whose line 6 is ``short`` (justified to the right edge) and
    line 7 is made of ``next_words`` (text, width in mm), one after the other from
    ``next_left``."""
    lines = _full_page()
    lines[5] = (short, PAGE.left, RIGHT)
    lines[6] = ("", 0.0, 0.0)
    page = _numbered(2, lines)
    top = PAGE.top + 2.4 + 6 * PITCH
    x = next_left
    words = []
    for text, width in next_words:
        words.append(_word(text, x, top, x + width))
        x += width + 1.0
    line = "<block><line>" + "".join(words) + "</line></block>"
    return page.replace("<flow>", "<flow>" + line, 1)


def _latin_document(short: str, next_words: List[Tuple[str, float]],
                    next_left: float = PAGE.left) -> str:
    pages = _good_pages()
    pages[1] = _latin_page(short, next_words, next_left)
    return _document(pages)


def test_line_short_before_an_unbreakable_latin_run_is_skipped():
    # Measured in Writer: "XX%。" is an 18.3 mm word; 27 characters leave 5.6 mm of room.
    for words in ([("XX%。", 18.3), ("三是在年度综合考核中位列第", 13 * CJK_PITCH_MM)],
                  [("XX%。三是在年度", 18.3 + 5 * CJK_PITCH_MM)]):
        layout = parse_bbox_xhtml(_latin_document(FULL[:27], words))
        assert len(layout.pages[1].body_lines) == 22
        assert set(layout.full_lines_char_counts()) == {28}
        assert check_gbt9704(layout) == []
    # 26 characters leave 11.1 mm: "XXXX" (4 Latin X, 16.4 mm) still does not fit.
    layout = parse_bbox_xhtml(_latin_document(FULL[:26], [("XXXX年", 16.4 + CJK_PITCH_MM)]))
    assert check_gbt9704(layout) == []


def test_line_short_before_a_latin_run_that_would_fit_is_reported():
    # A digit 2.8 mm wide fits in the 5.6 mm a 27-character line lacks.
    layout = parse_bbox_xhtml(_latin_document(FULL[:27], [("1", 2.8), ("项", CJK_PITCH_MM)]))
    assert [c for c in layout.full_lines_char_counts() if c != 28] == [27]
    problems = check_gbt9704(layout)
    assert len(problems) == 1 and "27 characters" in problems[0]
    # 25 characters lack 16.7 mm; "XX%。" is 18.3 mm ... but "XX" (8.1 mm) is not.
    layout = parse_bbox_xhtml(_latin_document(FULL[:25], [("XX", 8.1), ("项", CJK_PITCH_MM)]))
    assert any("25 characters" in p for p in check_gbt9704(layout))
    # The next line starts a new paragraph (indented): nothing was pushed down.
    layout = parse_bbox_xhtml(_latin_document(FULL[:27], [("XX%。", 18.3)],
                                              next_left=PAGE.left + 2 * CHAR))
    assert any("27 characters" in p for p in check_gbt9704(layout))


def test_a_signature_set_further_in_than_its_date_still_makes_a_signature_page():
    """§7.3.5.2: with a date longer than the 署名, the date ends 右空二字 and the 署名 ends
    further in (its first character two characters left of the date's)."""
    from gongwen.pdf import pdfmeasure as measure

    edge = measure.PAGE.width - measure.PAGE.right - measure.SIGNATURE_RIGHT_INDENT_MM
    char = measure.BODY_CHAR_MM

    def line(left: float, right: float):
        return measure.Line(text="X", x_left_mm=left, x_right_mm=right, top_mm=100.0,
                            bottom_mm=105.6)

    def page(*lines):
        return measure.Page(index=3, width_mm=210, height_mm=297, body_lines=list(lines),
                            page_number=None)

    placed = page(line(edge - 5 * char, edge - 1.5 * char), line(edge - 7 * char, edge))
    assert measure.is_signature_page(placed)
    too_far_right = page(line(edge - 5 * char, edge + 2 * char), line(edge - 7 * char, edge))
    assert not measure.is_signature_page(too_far_right)
    none_at_the_edge = page(line(edge - 5 * char, edge - char),
                            line(edge - 7 * char, edge - char))
    assert not measure.is_signature_page(none_at_the_edge)


# --- 信函格式: page 1 has its own top and no page number (GB/T 9704 §10.1) ----------------

def _letter_page(head: List[Tuple[str, float, float, float, float]], number: Optional[str],
                 first_body_top: float = 100.6) -> str:
    """Page 1 as the CLI's letter PDF measured (lines' top and bottom in mm): the head
    lines as given, then a 主送 and body lines on the 10.23 mm pitch, and ``number``."""
    words = [_word(text, left, top, right, bottom - top) for text, left, top, right, bottom
             in head]
    words.append(_word("XX市XX局：", PAGE.left, first_body_top, 64.4))
    body = _full_page(14)
    words += [_word(text, left, first_body_top + (i + 1) * PITCH, right)
              for i, (text, left, right) in enumerate(body)]
    if number is not None:
        right = PAGE.width - PAGE.right - PAGE.page_number_size_pt * MM_PER_PT
        words.append(_word(number, right - 16.0, 269.0, right, 7.0))
    lines = "".join(f"<block><line>{w}</line></block>" for w in words)
    return f'<page width="595.303937" height="841.889764"><flow>{lines}</flow></page>'


# Measured on `gongwen format --pdf` of a 函: the red name 30 mm from the paper's edge (its
# box from 29.1 mm), the 发文字号 flush right under the double rule, the title.
LETTER_HEAD = [("XX县人民政府办公室", 44.8, 29.1, 167.3, 45.6),
               ("X政办函〔2024〕5号", 130.2, 50.2, 184.0, 57.5),
               ("关于商请支持XX工作的函", 60.1, 78.8, 152.0, 88.9)]


def _letter(head=LETTER_HEAD, number_one: Optional[str] = None, number_two="— 2 —") -> str:
    return _document([_letter_page(head, number_one),
                      _page(_full_page()[:3], number_two, 33.0, 47.0)])


def _keys(xhtml: str) -> List[Tuple[int, str]]:
    return [(d.page, d.key) for d in measure.deviations(parse_bbox_xhtml(xhtml))]


def test_a_letter_s_first_page_has_its_own_top_and_no_page_number():
    layout = parse_bbox_xhtml(_letter())
    assert layout.first_page is not None and layout.first_page.top_mm == 26.3
    assert layout.expected_on(0).type_top == 26.3
    assert layout.expected_on(0).type_bottom == 26.3 + PAGE.type_height
    assert layout.expected_on(1).type_top == PAGE.top
    assert check_gbt9704(layout) == []


def test_a_letter_still_has_its_problems_reported():
    # a number on page 1, none on page 2
    assert _keys(_letter(number_one="— 1 —", number_two=None)) == [
        (0, "pdf_page_number_letter"), (1, "pdf_page_number_missing")]
    # the name above the raised top (§10.1: 30 mm from the edge)
    high = [("XX县人民政府办公室", 44.8, 20.0, 167.3, 36.5)] + LETTER_HEAD[1:]
    assert _keys(_letter(high)) == [(0, "pdf_line_outside")]


def test_a_letter_is_told_by_its_text_or_by_a_raised_head():
    """The core decides from page 1's lines: 函 in the 发文字号 or the title; a letter asked
    for (layout=letter) of a 通知 shows it by its head starting at the raised top."""
    notice = [("XX县人民政府文件", 51.2, 29.3, 160.9, 45.8),
              ("X政发〔2025〕3号", 130.2, 50.2, 184.0, 57.5),
              ("关于做好安全生产工作的通知", 55.0, 78.8, 157.0, 88.9)]
    assert parse_bbox_xhtml(_letter(notice)).first_page is not None
    assert _keys(_letter(notice)) == []
    # the same head where a document's 版头 starts (the type area's top): no letter, so
    # page 1's missing number is a problem
    lowered = [(text, left, top + 10.0, right, bottom + 10.0)
               for text, left, top, right, bottom in notice]
    assert parse_bbox_xhtml(_letter(lowered)).first_page is None
    assert (0, "pdf_page_number_missing") in _keys(_letter(lowered))
    # a raised head over a numbered page 1: an ordinary page set too high, not a letter
    raised_numbered = _letter(notice, number_one="— 1 —")
    assert parse_bbox_xhtml(raised_numbered).first_page is None
    assert _keys(raised_numbered) == [(0, "pdf_line_outside")]
    # 函 is in the text: a letter wherever its head starts
    assert parse_bbox_xhtml(_letter([(t, a, b + 10.0, c, d + 10.0)
                                     for t, a, b, c, d in LETTER_HEAD])).first_page is not None


# --- pages the plan breaks or leaves unnumbered (GB/T 9704 §7.3.7, §7.4, §7.5) ----------

SIGNED = [("XX县人民政府", 130.0, 172.0), ("2025年1月15日", 135.0, 172.0)]
RECORD = [("抄送：县委办公室，县人大常委会办公室。", PAGE.left + CHAR, 140.0),
          ("XX县人民政府办公室　　　　2025年1月15日印发", PAGE.left + CHAR, 184.0 - CHAR)]


def _with_parts(attached: bool = True, record_number: bool = False,
                attached_number: bool = True) -> str:
    """A text page, a page that ends early with the 落款 (11 lines), an attached text
    (附件1) and the 版记 on its own page."""
    opening = [("附件1", PAGE.left, PAGE.left + 3 * CHAR)] if attached else []
    third = opening + [("安全生产责任清单", 80.0, 130.0)] + _full_page(3)
    record = _page(RECORD, "— 4 —" if record_number else None, 33.0, 47.0)
    return _document([_numbered(1, _full_page()), _numbered(2, _full_page(9) + SIGNED),
                      _numbered(3, third) if attached_number else _page(third, None, 0, 0),
                      record])


def test_a_page_before_an_attached_text_or_the_record_page_may_end_early():
    layout = parse_bbox_xhtml(_with_parts())
    assert [tuple(page) for page in layout.shown] == [
        (False, True), (False, True), (True, True), (True, False)]
    assert not layout.is_full_page(1) and not layout.is_full_page(2)
    assert check_gbt9704(layout) == []


def test_the_pages_the_plan_does_not_break_still_count_and_numbers_still_matter():
    # 附件1 gone: the third page goes on from the second, which ended 11 lines early
    assert _keys(_with_parts(attached=False)) == [(1, "pdf_page_lines")]
    # a number on the 版记's own page (§7.5), none on the attached text's page
    assert _keys(_with_parts(record_number=True, attached_number=False)) == [
        (2, "pdf_page_number_missing"), (3, "pdf_page_number_record")]
