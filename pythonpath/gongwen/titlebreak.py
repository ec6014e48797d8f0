"""Where a title of more than one line breaks (GB/T 9704 §7.3.1: 回行时要做到词意完整，排列
对称，长短适宜，间距恰当).

:func:`title_breaks` takes the title's text without line breaks and the characters a line
holds, and returns where each new line starts: between words (a 公文 lexicon of our own,
:data:`LEXICON`, segments the text; a boundary next to a character the lexicon does not know
costs more), never before 的/之 or a closing mark nor after an opening one, never inside a
number, lines of balanced length (the shortest at least half the longest) in a 梯形 or 菱形
shape (not an hourglass), and the natural places preferred: before 关于, 印发, 转发, after
an enumeration's 、.

Why not jieba: it is pure Python and would segment more words, but its dictionary is about
5 MB (the .oxt is 0.3 MB), loading it takes about a second, and titles are one register
whose words are few: the lexicon here breaks the real titles of tests/data/titles.tsv as
a 秘书 would, which is what is measured (tests/unit/test_titlebreak.py).

Standard library only, Python 3.8 compatible.
"""

from __future__ import annotations

import re
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from gongwen import placement

# Words of 公文 titles (agencies, actions, objects, 文种). Segmentation prefers the longest.
LEXICON_TEXT = """
国务院 国务院办公厅 办公厅 办公室 人民政府 人民代表大会 常务委员会 常委会 委员会 中共 中共中央
中央 党委 党组 县委 市委 省委 区委 镇党委 党支部 党总支 纪委 监委 政协 人大 法院 检察院 人武部
部门 各部门 单位 机关 直属机构 部委 国家 省 市 县 区 镇 乡 乡镇 村 社区 街道
财政局 财政厅 财政部 教育局 教育厅 教育部 教育体育局 卫生健康局 卫生健康委 生态环境局 应急管理局
文化和旅游局 文化和旅游部 农业农村局 农业部 发展和改革委员会 发展改革委 国家发展改革委 自然资源局
住房和城乡建设局 人力资源和社会保障局 公安局 民政局 司法局 审计局 统计局 市场监督管理局 交通运输局
水利局 商务局 科技局 工业和信息化局 退役军人事务局 医疗保障局 林业局 体育局 税务局 管理局 局
关于 印发 转发 批转 发布 公布 表彰 通报 批复 同意 开展 做好 加强 加快 推进 推动 促进 深化 深入
实施 落实 贯彻 全面 进一步 切实 坚决 严格 规范 完善 健全 建立 建立健全 优化 提升 提高 调整 修改
废止 废除 取消 下放 支持 鼓励 引领 服务 保障 保护 利用 治理 整治 防范 防止 制止 禁止 申请 商请
请求 协助 办理 购置 召开 举办 组织 启动 部署 表扬 奖励 处分 任免 命名 设立 撤销 成立 增设 变更
监管 监督 检查 审批 审查 评估 考核 管理 建设 发展 改革 创新 转型 升级 运行 运营 维修 保障
中小企业 企业 市场主体 主体 营商环境 环境 新业态 新模式 新型 消费 外贸 贸易 服务贸易 经济 数字经济
数字政府 政务 政务服务 基层 能力 能力建设 作风 作风建设 机关作风 专项 专项行动 行动 行动方案 方案
计划 规划 纲要 要点 措施 若干措施 办法 规定 条例 细则 制度 机制 体系 标准 清单 名录 项目 资金
经费 收费 收费标准 行政 行政事业性 事业性 行政法规 法规 文件 政策 工作 有关 相关 有关工作 问题 典型
典型问题 情况 活动 会议 工作会议 安全 安全生产 生产 防汛 抗旱 防汛抗旱 应急 演练 消防 交通 食品
药品 医疗 医疗机构 医疗保险 保险 救助 疾病 重特大 基本 职工 门诊 共济 教学 教学楼 学生 体质
健康 监测 学校 中学 小学 高校 毕业生 高校毕业生 青年 就业 创业 稳就业 人才 队伍 队伍建设 医生
乡村 乡村医生 全科 耕地 粮食 非农化 非粮化 农产品 加工业 主食 农村 集体 资产 集体资产 产业园 产业
基础设施 设施 古镇 文化 旅游 非物质 非物质文化遗产 文化遗产 代表性 遗产 第三批 批 市级 县级 省级
先进 先进单位 单位 优秀 共产党员 党员 党务 工作者 党务工作者 基层党组织 党组织 年度 全县 全市 全省
全国 全区 财政 资金管理 财政资金 意见 实施意见 指导意见 通知 通报 报告 请示 决定 公告 通告 函 复函
纪要 会议纪要 命令 议案 批复 决议 公报 讲话 总结 述职 述廉 述职报告 行政许可 许可 事项 事项清单
清单管理 证照 证照分离 分离 激发 活力 发展活力 绿色 低碳 循环 高质量 高质量发展 新旧 动能 转换
新旧动能 国家高新技术 高新技术 产业开发区 开发区 带量 采购 集中 常态化 制度化 纾困 帮扶 力度 加大
科学 素质 科学素质 全民 长江 流域 禁捕 特色 小镇 特色小镇 健康发展 规范健康 暂时 试点 地区 动产
权利 担保 登记 统一 烟花 爆竹 烟花爆竹 全链条 链条 回款难 回款 房车 省以下 体制 财政体制 成本
交易成本 制度性 降低 依法 执业 依法执业 保密 环评 公司 申请书 维修资金 保护利用 调研 学习 教育
主题教育 干部 领导 领导干部 领导班子 班子 小组 领导小组 工作领导小组 成员 调整 组成 人员 组成人员
重特大疾病 新旧动能转换 绿色低碳 循环发展 集中带量采购 动产和权利担保 优化营商环境 更好 商品 过度
包装 过度包装 和 及 与 等 对 以 在 为 并 有关问题 有关事项 若干意见 指导 实施方案 工作方案
绿色低碳循环发展 职工基本医疗保险
"""
LEXICON = frozenset(LEXICON_TEXT.split())
_LONGEST = max(len(word) for word in LEXICON)

# Never at a line's start: 的/之 and closing marks; never at a line's end: opening marks.
_NO_LINE_START = "的之，。、；：？！”’）》〕】」』…—"
_NO_LINE_END = "“‘（《〔【「『"
_OPENING = "“‘（《〔【「『"
_CLOSING = "”’）》〕】」』"
_NUMBER = re.compile(r"[0-9０-９A-Za-z.·\-—]+")

# Costs of a break (lower is better): between two known words, next to an unknown
# character, inside brackets; the natural places cost less than nothing.
_KNOWN = 0.0
_ONE_UNKNOWN = 3.0
_TWO_UNKNOWN = 5.0
_INSIDE_BRACKETS = 2.0
_BEFORE = {"关于": -2.0, "印发": -1.0, "转发": -1.0, "批转": -1.0}
_AFTER_ENUMERATION = -1.0
# Balance: a character of difference between the longest and shortest line costs this.
_IMBALANCE = 1.0
_HOURGLASS = 3.0  # a middle line shorter than both around it


class _Boundary(NamedTuple):
    offset: int   # where the next line would start
    cost: float


def chars_per_line(type_width_pt: float, size_pt: float) -> int:
    """How many characters of ``size_pt`` a line of the type width holds (2号 on 156 mm:
    20)."""
    return max(1, int(type_width_pt / size_pt + 1e-6))


def segment(text: str) -> List[str]:
    """The text as words: the lexicon's longest matches (fewest pieces), numbers and Latin
    runs whole, every other character alone.

    >>> segment("河西省人民政府关于加强基层政务服务能力建设的通知")
    ['河西', '省', '人民政府', '关于', '加强', '基层', '政务服务', '能力建设', '的', '通知']
    """
    size = len(text)
    best: List[Tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * size
    for start in range(size):
        cost = best[start][0]
        if cost == float("inf"):
            continue
        number = _NUMBER.match(text, start)
        candidates = [number.end()] if number else []
        candidates += [end for end in range(start + 2, min(size, start + _LONGEST) + 1)
                       if text[start:end] in LEXICON]
        for end in candidates:
            if cost + 1 < best[end][0]:
                best[end] = (cost + 1, start)
        single = cost + (1 if text[start] in LEXICON else 1.5)
        if single < best[start + 1][0]:
            best[start + 1] = (single, start)
    words: List[str] = []
    end = size
    while end > 0:
        start = best[end][1]
        words.append(text[start:end])
        end = start
    words.reverse()
    # Two unknown characters together are likelier a word than two words (河西, 黑龙).
    return _join_unknown_pairs(words)


def _join_unknown_pairs(words: List[str]) -> List[str]:
    result: List[str] = []
    for word in words:
        if result and _unknown_char(word) and _unknown_char(result[-1]) \
                and len(result[-1]) == 1:
            result[-1] += word
        else:
            result.append(word)
    return result


def _unknown_char(word: str) -> bool:
    return len(word) == 1 and word not in LEXICON and "\u4e00" <= word <= "\u9fff"


def boundaries(text: str) -> List[_Boundary]:
    """Every place a line may start, with its cost."""
    words = segment(text)
    found: List[_Boundary] = []
    offset = 0
    depth = 0
    for before, after in zip(words, words[1:]):
        offset += len(before)
        depth += sum(1 for ch in before if ch in _OPENING) - \
            sum(1 for ch in before if ch in _CLOSING)
        cost = _cost(before, after, depth > 0)
        if cost is not None:
            found.append(_Boundary(offset, cost))
    return found


def _cost(before: str, after: str, bracketed: bool) -> Optional[float]:
    if after[0] in _NO_LINE_START or before[-1] in _NO_LINE_END:
        return None
    if _NUMBER.fullmatch(before) and not _NUMBER.match(after):
        return None  # 2024年度, XX县: a number or a Latin run belongs to what follows
    if before in ("第",):
        return None
    unknown = sum(1 for word in (before, after) if _is_unknown(word))
    cost = (_KNOWN, _ONE_UNKNOWN, _TWO_UNKNOWN)[unknown]
    if bracketed:
        cost += _INSIDE_BRACKETS
    cost += _BEFORE.get(after, 0.0)
    if before.endswith("、"):
        cost += _AFTER_ENUMERATION
    return cost


def _is_unknown(word: str) -> bool:
    return word not in LEXICON and not _NUMBER.fullmatch(word) and len(word) <= 2 \
        and any("\u4e00" <= ch <= "\u9fff" for ch in word)


def _width(text: str) -> float:
    return placement.text_width_chars(text)


def title_breaks(text: str, per_line: int) -> Tuple[int, ...]:
    """Offsets into ``text`` (a title without line breaks) where its second, third… lines
    start; () when it fits one line.

    >>> title_breaks("河西省人民政府关于加强基层政务服务能力建设的通知", 20)
    (11,)
    >>> title_breaks("国务院办公厅关于进一步加强烟花爆竹全链条安全监管的意见", 20)
    (13,)
    """
    text_width = _width(text)
    if text_width <= per_line:
        return ()
    places = boundaries(text)
    lines = int(-(-text_width // per_line))
    for count in range(lines, lines + 3):
        for strict in (True, False):
            chosen = _best(text, places, count, per_line, strict)
            if chosen is not None:
                return chosen
    return ()


def _best(text: str, places: Sequence[_Boundary], count: int, per_line: int,
          strict: bool) -> Optional[Tuple[int, ...]]:
    """The cheapest ``count - 1`` breaks whose lines all fit (``strict``: and the shortest
    is at least half the longest)."""
    best: Optional[Tuple[float, Tuple[int, ...]]] = None
    cache: Dict[Tuple[int, int], float] = {}

    def width(start: int, end: int) -> float:
        key = (start, end)
        if key not in cache:
            cache[key] = _width(text[start:end])
        return cache[key]

    def walk(start: int, index: int, chosen: Tuple[_Boundary, ...]) -> None:
        nonlocal best
        if len(chosen) == count - 1:
            offsets = [0] + [b.offset for b in chosen] + [len(text)]
            widths = [width(a, b) for a, b in zip(offsets, offsets[1:])]
            if max(widths) > per_line:
                return
            if strict and min(widths) < max(widths) / 2:
                return
            score = sum(b.cost for b in chosen) + _IMBALANCE * (max(widths) - min(widths))
            score += _HOURGLASS * sum(1 for a, b, c in zip(widths, widths[1:], widths[2:])
                                      if b < a and b < c)
            if best is None or score < best[0]:
                best = (score, tuple(b.offset for b in chosen))
            return
        for position in range(index, len(places)):
            place = places[position]
            if width(start, place.offset) > per_line:
                break
            walk(place.offset, position + 1, chosen + (place,))

    walk(0, 0, ())
    return best[1] if best else None


LINE_BREAK = "\n"


def without_breaks(text: str) -> str:
    """The title as one line (the breaks a previous Format or the author put in, gone)."""
    return text.replace(LINE_BREAK, "")


def broken(text: str, breaks: Sequence[int]) -> str:
    """``text`` (without breaks) with a line break before each offset in ``breaks``."""
    pieces, last = [], 0
    for offset in breaks:
        pieces.append(text[last:offset])
        last = offset
    pieces.append(text[last:])
    return LINE_BREAK.join(pieces)
