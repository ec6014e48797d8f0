"""GB/T 9704-2012 公文 layout as data: the one table of sizes, fonts and margins.

Every backend (the Writer formatter, the .docx CLI, the template builder, the
scaffold inserter) reads its numbers from here; none keeps its own literals.
Standard library only, Python 3.8 compatible (LibreOffice on Windows bundles
an older Python than Debian does).
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional, Set, Tuple

# Chinese type size names (字号) in points.
FONT_SIZES_PT: Dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
    "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5,
}

MM_PER_PT = 25.4 / 72


def size_name(size_pt: float, tolerance_pt: float = 0.25) -> Optional[str]:
    """The 字号 of a size in points (三号 for 16), or None when it has no name: a size a
    Chinese user reads, not a number of 磅."""
    for name, named_pt in FONT_SIZES_PT.items():
        if abs(size_pt - named_pt) <= tolerance_pt:
            return name
    return None


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
    """An official 公文 font and the fonts that stand in for it, best first; the last is
    the free face of a stock Linux (fonts-noto-cjk, fonts-arphic-ukai)."""

    name: str
    fallbacks: Tuple[str, ...]

    def chain(self) -> Tuple[str, ...]:
        return (self.name,) + self.fallbacks

    @property
    def stand_in(self) -> str:
        return self.fallbacks[-1]


# 小标宋 is a heavy Song face: the nearest free one is a serif CJK face (the replacement
# table names families only, so Noto Serif CJK SC's Bold cannot be asked for by name).
XIAOBIAOSONG = Font("方正小标宋简体", ("方正小标宋_GBK", "小标宋", "宋体", "Noto Serif CJK SC"))
FANGSONG = Font("仿宋_GB2312", ("方正仿宋_GBK", "仿宋", "FangSong", "Noto Serif CJK SC"))
KAITI = Font("楷体_GB2312", ("方正楷体_GBK", "楷体", "KaiTi", "AR PL UKai CN"))
HEITI = Font("黑体", ("SimHei", "方正黑体_GBK", "Noto Sans CJK SC"))
SONGTI = Font("宋体", ("SimSun", "Noto Serif CJK SC"))
# Latin text and digits in body paragraphs (GB/T 9704 leaves them to the author); where
# it is missing LibreOffice's own table draws its metric twin (measured: pdffonts lists
# LiberationSerif), so the extension needs no entry for it.
LATIN_FONT = "Times New Roman"
LATIN = Font(LATIN_FONT, ("Liberation Serif",))
OFFICIAL_FONTS = (XIAOBIAOSONG, FANGSONG, KAITI, HEITI, SONGTI, LATIN)

# The names the extension's font replacement table (工具 ▸ 选项 ▸ 字体 ▸ 替换表, the
# configuration org.openoffice.Office.Common/Font/Substitution) gives a stand-in when they
# are not installed. LibreOffice applies only entries marked "always" (7.4: vcl's
# ImplDirectFontSubstitution), which would hide a real font of that name, so the shipped
# entries start switched off and the extension switches on those whose font is missing
# (gongwen.writer.fonts); the table is read when LibreOffice starts.
# The 方正 _GBK names are those house presets use (docs/presets/example-house.json).
REPLACED_FONT_NAMES = ("方正小标宋简体", "方正小标宋_GBK", "小标宋", "仿宋_GB2312",
                       "方正仿宋_GBK", "仿宋", "楷体_GB2312", "方正楷体_GBK", "楷体", "黑体",
                       "方正黑体_GBK", "宋体")


def font_stand_in(name: str, installed: Optional[Set[str]] = None) -> str:
    """What stands in for the official font ``name``: the first of the fonts after it in
    its chain that is installed (``installed``: lower-cased family names), else "" — or,
    when ``installed`` is None, the free stock face (:attr:`Font.stand_in`)."""
    owners = sorted((font for font in OFFICIAL_FONTS if name in font.chain()),
                    key=lambda font: font.name != name)  # its own Font first (宋体)
    for font in owners:
        chain = font.chain()
        if name in chain:
            if installed is None:
                return font.stand_in
            later = chain[chain.index(name) + 1:]
            return next((other for other in later if other.lower() in installed), "")
    return ""


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
    # 版头 (GB/T 9704 §7.2)
    COPY_NUMBER = "copy_number"      # 份号: 6 digits on the first line
    SECRECY = "secrecy"              # 密级和保密期限: 机密★1年
    URGENCY = "urgency"              # 紧急程度: 特急 / 加急
    ISSUER = "issuer"                # 发文机关标志: XX县人民政府文件
    DOC_NUMBER = "doc_number"        # 发文字号: 国办发〔2020〕50号
    SIGNER = "signer"                # 签发人：张三
    # 正文 tail and 附件 (§7.3.6, §7.3.7)
    NOTE = "note"                    # 附注: （此件公开发布）
    ATTACHMENT_MARK = "attachment_mark"    # 附件 / 附件1 starting an attached text
    ATTACHMENT_TITLE = "attachment_title"  # the attached text's title
    SIGNATURE_DATE = "signature_date"      # 署名 and 成文日期 typed on one line
    # 版记 (§7.4)
    CC = "cc"                        # 抄送：…。
    IMPRINT = "imprint"              # 印发机关和印发日期: XX办公室  2024年3月1日印发
    # 纪要格式 (§12)
    MINUTES_MARK = "minutes_mark"    # XX县人民政府常务会议纪要
    ATTENDANCE = "attendance"        # 出席：/ 请假：/ 列席：
    SUBTITLE = "subtitle"            # under the title: ——在XX会议上的讲话 / （2024年12月）

    ALL = (TITLE, ADDRESSEE, BODY, HEADING1, HEADING2, HEADING3, HEADING4,
           CLOSING, ATTACHMENT, SIGNATURE, DATE, BLANK,
           COPY_NUMBER, SECRECY, URGENCY, ISSUER, DOC_NUMBER, SIGNER,
           NOTE, ATTACHMENT_MARK, ATTACHMENT_TITLE, SIGNATURE_DATE, CC, IMPRINT,
           MINUTES_MARK, ATTENDANCE, SUBTITLE)


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
    # 成文日期 stay together; that page may end short. Headings keep with their text too:
    # a heading alone at a page's foot (背题) is the first thing a reviewer sends back
    # (seen: 八、利润率 ended page 2, its text began page 3).
    keep_with_next: bool = False
    # Left indent of every line, in characters (版记: 1 character in on each side).
    left_chars: float = 0
    # Text colour as 0xRRGGBB; None keeps the automatic colour (black).
    color_rgb: Optional[int] = None


_BODY_PT = FONT_SIZES_PT["三号"]

PARAGRAPH_STYLES: Dict[str, ParaStyle] = {
    Role.TITLE: ParaStyle("公文标题", XIAOBIAOSONG, FONT_SIZES_PT["二号"], Align.CENTER,
                          first_line_chars=0, space_after_lines=1),
    Role.ADDRESSEE: ParaStyle("公文主送", FANGSONG, _BODY_PT, Align.LEFT, first_line_chars=0),
    Role.BODY: ParaStyle("公文正文", FANGSONG, _BODY_PT),
    Role.HEADING1: ParaStyle("公文一级标题", HEITI, _BODY_PT, keep_with_next=True),
    Role.HEADING2: ParaStyle("公文二级标题", KAITI, _BODY_PT, keep_with_next=True),
    Role.HEADING3: ParaStyle("公文三级标题", FANGSONG, _BODY_PT, keep_with_next=True),
    Role.HEADING4: ParaStyle("公文四级标题", FANGSONG, _BODY_PT, keep_with_next=True),
    Role.CLOSING: ParaStyle("公文结束语", FANGSONG, _BODY_PT, keep_with_next=True),
    Role.ATTACHMENT: ParaStyle("公文附件说明", FANGSONG, _BODY_PT, space_before_lines=1),
    Role.SIGNATURE: ParaStyle("公文署名", FANGSONG, _BODY_PT, Align.RIGHT,
                              first_line_chars=0, right_chars=2, space_before_lines=1,
                              keep_with_next=True),
    Role.DATE: ParaStyle("公文成文日期", FANGSONG, _BODY_PT, Align.RIGHT,
                         first_line_chars=0, right_chars=2),
    Role.BLANK: ParaStyle("公文正文", FANGSONG, _BODY_PT),
}

# 红头: the red of the 发文机关标志 and the 纪要 mark (GB/T 9704 §7.2.4 asks for red).
RED_RGB = 0xFF0000
# GB/T 9704 fixes no size for the 发文机关标志 (§7.2.4: 醒目、美观、庄重); offices use 小初
# to 初号, narrowed when a long name must stay on one line.
ISSUER_SIZE_PT = FONT_SIZES_PT["小初"]

# The 公文 parts beyond the body, as plain data for the layout plan. Positions that are not
# a paragraph property (35 mm down for the 发文机关标志, the red rule, the 版记 at the foot of
# an even page, 附件 on a new page) are the layout's, not these styles'.
PARAGRAPH_STYLES.update({
    # §7.2.1–7.2.3: 份号, 密级和保密期限, 紧急程度 — 3号黑体, flush left, top-down in that order.
    Role.COPY_NUMBER: ParaStyle("公文份号", HEITI, _BODY_PT, Align.LEFT, first_line_chars=0),
    Role.SECRECY: ParaStyle("公文密级", HEITI, _BODY_PT, Align.LEFT, first_line_chars=0),
    Role.URGENCY: ParaStyle("公文紧急程度", HEITI, _BODY_PT, Align.LEFT, first_line_chars=0),
    # §7.2.4: 发文机关标志 — red 小标宋, centred.
    Role.ISSUER: ParaStyle("公文发文机关标志", XIAOBIAOSONG, ISSUER_SIZE_PT, Align.CENTER,
                           first_line_chars=0, color_rgb=RED_RGB),
    # §7.2.5: 发文字号 — 3号仿宋, centred two lines under the 发文机关标志 (a 上行文 puts
    # it flush left, 1 character in, on the 签发人's line: the layout plan's choice).
    Role.DOC_NUMBER: ParaStyle("公文发文字号", FANGSONG, _BODY_PT, Align.CENTER,
                               first_line_chars=0),
    # §7.2.6: 签发人 — 3号仿宋 (the names 3号楷体), right, 1 character in.
    Role.SIGNER: ParaStyle("公文签发人", FANGSONG, _BODY_PT, Align.RIGHT, first_line_chars=0,
                           right_chars=1),
    # §7.3.6: 附注 — 3号仿宋, 左空二字, in parentheses, the line under the 成文日期.
    Role.NOTE: ParaStyle("公文附注", FANGSONG, _BODY_PT, Align.LEFT),
    # §7.3.7: 附件 — each on a new page; 附件标识 3号黑体 flush left on line 1, the title
    # 2号小标宋 centred on line 3 (one blank line above it), the body as the main body.
    Role.ATTACHMENT_MARK: ParaStyle("公文附件标识", HEITI, _BODY_PT, Align.LEFT,
                                    first_line_chars=0),
    Role.ATTACHMENT_TITLE: ParaStyle("公文附件标题", XIAOBIAOSONG, FONT_SIZES_PT["二号"],
                                     Align.CENTER, first_line_chars=0, space_before_lines=1,
                                     space_after_lines=1),
    # §7.3.5: 署名 and 成文日期 typed on one line are laid out as a 署名.
    Role.SIGNATURE_DATE: PARAGRAPH_STYLES[Role.SIGNATURE],
    # §7.4.2–7.4.3: 抄送 and 印发机关和印发日期 — 4号仿宋, 1 character in on each side
    # (抄送's continuation lines align after its colon: a hanging indent for the layout).
    Role.CC: ParaStyle("公文抄送", FANGSONG, FONT_SIZES_PT["四号"], Align.LEFT,
                       first_line_chars=0, left_chars=1, right_chars=1),
    Role.IMPRINT: ParaStyle("公文印发", FANGSONG, FONT_SIZES_PT["四号"], Align.LEFT,
                            first_line_chars=0, left_chars=1, right_chars=1),
    # §12: 纪要标志 — red 小标宋, centred; 出席/请假/列席 3号 (label 黑体, names 仿宋), 左空二字.
    Role.MINUTES_MARK: ParaStyle("公文纪要标志", XIAOBIAOSONG, ISSUER_SIZE_PT, Align.CENTER,
                                 first_line_chars=0, color_rgb=RED_RGB),
    Role.ATTENDANCE: ParaStyle("公文出席", FANGSONG, _BODY_PT, Align.LEFT),
    # Not in GB/T 9704: the line under a 讲话's or 述职报告's title (——在XX会议上的讲话,
    # （2024年12月10日）) as offices set it, 3号楷体, centred; the line under the title is
    # then under it.
    Role.SUBTITLE: ParaStyle("公文副标题", KAITI, _BODY_PT, Align.CENTER, first_line_chars=0,
                             space_after_lines=1),
})

# 段内标题 (a run-in heading: the paragraph opens with a heading number and its first
# sentence, the heading, runs on into body text): the paragraph keeps 公文正文 and the
# heading sentence takes the level's font through a character style.
RUN_IN_CHAR_STYLES: Dict[str, str] = {
    Role.HEADING1: "公文段内一级标题", Role.HEADING2: "公文段内二级标题",
    Role.HEADING3: "公文段内三级标题", Role.HEADING4: "公文段内四级标题",
}
# §12: a 纪要's 出席：/ 请假：/ 列席： label is 3号黑体 (the names stay 仿宋): the 一级标题's
# look, as a character style of its own.
ATTENDANCE_LABEL_CHAR_STYLE = "公文出席标签"

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


class Masthead(NamedTuple):
    """Where the 版头 sits (GB/T 9704 §7.2), in millimetres and lines of the grid."""

    issuer_top: float = 35.0          # type area's top → the 发文机关标志's top edge
    doc_number_lines: float = 2       # 发文字号 two lines under the 发文机关标志
    rule_gap: float = 4.0             # 发文字号 → the red rule
    rule_width: float = 0.35          # the red rule's thickness (the standard names none)
    title_lines: float = 2            # title two lines under the rule
    signer_indent_chars: float = 1    # 上行文: 发文字号 and 签发人 1 character in


MASTHEAD = Masthead()


class Record(NamedTuple):
    """The 版记's rules (GB/T 9704 §7.4.1), in millimetres."""

    outer_rule: float = 0.35          # the first and the last rule
    inner_rule: float = 0.25          # the rules between
    rule_gap: float = 0.35            # text → rule (1 pt), so a line keeps about its pitch
    # The thinnest side border both hosts draw (Word's w:sz 2, a quarter point), white:
    # invisible, it only carries the rules past a hanging 抄送's indents.
    reach_rule: float = 0.09


RECORD = Record()


class Letter(NamedTuple):
    """信函格式 (GB/T 9704 §10), in millimetres: two red double rules of ``rule_length``,
    centred on the page, one ``top_rule_gap`` under the agency name (thick over thin), one
    ``bottom_rule_from_edge`` above the page's bottom edge (thin over thick); the first page
    carries no page number. The standard names no thickness: a 1.5 pt line and a 0.75 pt
    one 0.75 pt apart, Word's "thick-thin, small gap" (its thin line and gap are fixed)."""

    name_top: float = 30.0            # the agency name's top from the paper's top edge
    rule_length: float = 170.0
    top_rule_gap: float = 4.0
    bottom_rule_from_edge: float = 20.0
    thick_rule: float = 0.53          # 1.5 pt
    thin_rule: float = 0.26           # 0.75 pt
    rule_space: float = 0.26          # between the two lines of a double rule
    title_lines: float = 2            # the title two lines under the last 版头 line


LETTER = Letter()


# How the 落款 is laid out (GB/T 9704 §7.3.5): whether the document is sealed.
SEAL_NONE = "none"            # 不加盖印章 (§7.3.5.2): 署名 右空二字, one blank line under the body
SEAL_STAMP = "stamp"          # 加盖印章 (§7.3.5.1)
SEAL_SIGNATURE = "signature"  # 加盖签发人签名章 (§7.3.5.3)
SEALS = (SEAL_NONE, SEAL_STAMP, SEAL_SIGNATURE)


class Seal(NamedTuple):
    """The sealed 落款 (GB/T 9704 §7.3.5.1, §7.3.5.3), in characters of 3号 and lines.

    加盖印章: 成文日期 右空四字, the 署名 centred over it (以成文日期为准居中); the seal (about
    42 mm across) 端正、居中下压署名和成文日期 with its top 上距正文（或附件说明）一行之内: a
    seal whose top is half a line under the body has its centre 2.5 lines down, so the
    署名 goes on the third line under the body (two blank lines), the date on the fourth,
    both just under the centre. 联合行文: each 署名 on its own row under its own seal; rows
    ``stamp_rows_apart`` lines apart so that two 42 mm seals neither cross nor touch.

    加盖签发人签名章: 正文下空二行 the 签名章 右空四字, the 签发人职务 二字 to its left (the
    职务 is the 署名 paragraph; the 签名章 goes where ``signature_seal_chars`` leave room),
    成文日期 签名章下空一行 右空四字.
    """

    date_right_chars: float = 4.0
    stamp_blank_lines: int = 2
    seal_diameter_mm: float = 42.0
    stamp_rows_apart: int = 5
    signature_blank_lines: int = 2
    signature_seal_chars: float = 4.0
    title_gap_chars: float = 2.0
    signature_date_blank_lines: int = 1


SEAL = Seal()
