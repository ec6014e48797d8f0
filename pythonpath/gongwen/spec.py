"""GB/T 9704-2012 公文 layout as data: the one table of sizes, fonts and margins.

Every backend (the Writer formatter, the .docx CLI, the template builder, the
scaffold inserter) reads its numbers from here; none keeps its own literals.
Standard library only, Python 3.8 compatible (LibreOffice on Windows bundles
an older Python than Debian does).
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Tuple

# Chinese type size names (字号) in points.
FONT_SIZES_PT: Dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
    "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5,
}

MM_PER_PT = 25.4 / 72


class Page(NamedTuple):
    """Page geometry of GB/T 9704 §5.2, in millimetres unless named otherwise."""

    width: float = 210.0
    height: float = 297.0
    top: float = 37.0
    bottom: float = 35.0
    left: float = 28.0
    right: float = 26.0
    lines: int = 22
    chars_per_line: int = 28
    body_size_pt: float = FONT_SIZES_PT["三号"]
    # Page number: 4号 半角宋体, one em dash each side, 7 mm below the type area.
    page_number_size_pt: float = FONT_SIZES_PT["四号"]
    page_number_gap: float = 7.0
    page_number_indent_chars: int = 1

    @property
    def type_width(self) -> float:
        return self.width - self.left - self.right  # 156 mm

    @property
    def type_height(self) -> float:
        return self.height - self.top - self.bottom  # 225 mm

    @property
    def line_pitch_pt(self) -> float:
        return self.type_height / self.lines / MM_PER_PT  # ≈ 28.95 pt


PAGE = Page()

PAGE_NUMBER_FORMAT = "— {} —"  # em dash, space, number, space, em dash
PAGE_NUMBER_FONT = "宋体"


class Font(NamedTuple):
    """An official 公文 font and the fonts that stand in for it, best first."""

    name: str
    fallbacks: Tuple[str, ...]

    def chain(self) -> Tuple[str, ...]:
        return (self.name,) + self.fallbacks


XIAOBIAOSONG = Font("方正小标宋简体", ("小标宋", "宋体", "Noto Serif CJK SC"))
FANGSONG = Font("仿宋_GB2312", ("仿宋", "FangSong", "Noto Serif CJK SC"))
KAITI = Font("楷体_GB2312", ("楷体", "KaiTi", "Noto Serif CJK SC"))
HEITI = Font("黑体", ("SimHei", "Noto Sans CJK SC"))
SONGTI = Font("宋体", ("SimSun", "Noto Serif CJK SC"))
# Latin text and digits in body paragraphs (GB/T 9704 leaves them to the author).
LATIN_FONT = "Times New Roman"


class Role:
    """Paragraph roles of a 公文 body. Values are stable keys used in data files."""

    TITLE = "title"
    ADDRESSEE = "addressee"          # 主送机关 / 称谓, ends with a full-width colon
    BODY = "body"
    HEADING1 = "heading1"            # 一、
    HEADING2 = "heading2"            # （一）
    HEADING3 = "heading3"            # 1.
    HEADING4 = "heading4"            # （1）
    CLOSING = "closing"              # 结束语: 特此报告。/ 以上述职，请予审议。
    ATTACHMENT = "attachment"        # 附件说明
    SIGNATURE = "signature"          # 署名 / 落款
    DATE = "date"                    # 成文日期
    BLANK = "blank"                  # empty paragraph

    ALL = (TITLE, ADDRESSEE, BODY, HEADING1, HEADING2, HEADING3, HEADING4,
           CLOSING, ATTACHMENT, SIGNATURE, DATE, BLANK)


class Align:
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


class ParaStyle(NamedTuple):
    """One named paragraph style per role; sizes in points, indents in characters."""

    name: str
    font: Font
    size_pt: float
    align: str = Align.JUSTIFY
    first_line_chars: float = 2
    right_chars: float = 0
    bold: bool = False
    # Lines of blank space above/below, in grid lines (the title keeps one under it).
    space_before_lines: float = 0
    space_after_lines: float = 0
    # Keep on the same page as the next paragraph (Word w:keepNext, Writer ParaKeepTogether).
    # Only the 落款 chain: GB/T 9704 §7.3.5.2 puts the 署名 one blank line under the 正文
    # and the 成文日期 on the line under the 署名, and §7.3.5.4 fixes a lack of room by
    # tightening spacing, never by sending the 落款 alone to a new page. So 结束语 → 署名 →
    # 成文日期 stay together; that page may end short. Headings stay False: a 背题 costs one
    # line, while a keep would shorten the 22-line page before every heading that lands last.
    keep_with_next: bool = False


_BODY_PT = FONT_SIZES_PT["三号"]

PARAGRAPH_STYLES: Dict[str, ParaStyle] = {
    Role.TITLE: ParaStyle("公文标题", XIAOBIAOSONG, FONT_SIZES_PT["二号"], Align.CENTER,
                          first_line_chars=0, space_after_lines=1),
    Role.ADDRESSEE: ParaStyle("公文主送", FANGSONG, _BODY_PT, Align.LEFT, first_line_chars=0),
    Role.BODY: ParaStyle("公文正文", FANGSONG, _BODY_PT),
    Role.HEADING1: ParaStyle("公文一级标题", HEITI, _BODY_PT),
    Role.HEADING2: ParaStyle("公文二级标题", KAITI, _BODY_PT),
    Role.HEADING3: ParaStyle("公文三级标题", FANGSONG, _BODY_PT),
    Role.HEADING4: ParaStyle("公文四级标题", FANGSONG, _BODY_PT),
    Role.CLOSING: ParaStyle("公文结束语", FANGSONG, _BODY_PT, keep_with_next=True),
    Role.ATTACHMENT: ParaStyle("公文附件说明", FANGSONG, _BODY_PT, space_before_lines=1),
    Role.SIGNATURE: ParaStyle("公文署名", FANGSONG, _BODY_PT, Align.RIGHT,
                              first_line_chars=0, right_chars=2, space_before_lines=1,
                              keep_with_next=True),
    Role.DATE: ParaStyle("公文成文日期", FANGSONG, _BODY_PT, Align.RIGHT,
                         first_line_chars=0, right_chars=2),
    Role.BLANK: ParaStyle("公文正文", FANGSONG, _BODY_PT),
}

# Text inside tables (GB/T 9704 leaves the size open; 仿宋 is kept, size one step down).
TABLE_TEXT = ParaStyle("公文表格", FANGSONG, FONT_SIZES_PT["四号"], Align.JUSTIFY,
                       first_line_chars=0)

# The character style that marks unfilled placeholders in Writer (shown under this name:
# Writer gives a custom style no separate display name such as 待填占位符).
PLACEHOLDER_CHAR_STYLE = "Gongwen Placeholder"
PLACEHOLDER_BACKGROUND_RGB = 0xFFFF00


def style_name(role: str) -> str:
    """The paragraph style name a role is formatted with."""
    return PARAGRAPH_STYLES[role].name
