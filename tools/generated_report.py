"""A made-up but realistic 工作总结 of any length, for every benchmark and the demo.

``generate_report(pages)`` returns paragraphs (one string each): a title, 称谓, an
opening, numbered sections at all four heading levels (一、 / （一） / 1. / （1）),
``一是…二是…`` paragraphs, about 600 characters per page and about 5 unfilled
placeholders per page (X次, XX镇, XXX名, ××, ○○, 某某, 20XX年 …), then 特此报告。,
署名 and ``XXXX年XX月XX日``. The same ``pages`` and ``seed`` always give the same text.

    python tools/generated_report.py --pages 100 --docx out.docx --txt out.txt
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence

CHARS_PER_PAGE = 600
PLACEHOLDERS_PER_PAGE = 5
PAGES_PER_SECTION = 4
MAX_PAGES = 5000

TITLE = "XX县XX局XXXX年度工作总结"
ADDRESSEE = "各位领导、同志们："
OPENING = (
    "XXXX年，在县委、县政府的坚强领导下，我局坚持以人民为中心的发展思想，紧扣年初确定的"
    "目标任务，团结带领全局干部职工真抓实干、攻坚克难，各项工作取得了新的进展。现将一年来的"
    "工作情况报告如下："
)
CLOSING = "特此报告。"
SIGNATURE = "XX县XX局"
DATE = "XXXX年XX月XX日"

# --- phrase pools (written for this generator; genre of the real samples) -----
SECTION_TITLES = [
    "坚持政治引领，筑牢思想根基", "聚焦中心大局，推动高质量发展", "强化责任担当，抓实重点任务",
    "坚持人民至上，用心用情办好民生实事", "深化改革创新，持续优化营商环境",
    "守牢安全底线，维护社会和谐稳定", "加强作风建设，锻造过硬干部队伍",
    "落实全面从严治党，营造风清气正政治生态", "统筹城乡发展，扎实推进乡村振兴",
    "强化要素保障，加快重点项目建设", "注重调查研究，提高科学决策水平",
    "夯实基层基础，提升社会治理效能", "坚持依法行政，建设法治机关",
    "正视问题不足，明确努力方向", "谋划下一步工作，奋力开创新局面",
]
SUBSECTION_TITLES = [
    "抓好理论学习", "健全工作机制", "突出项目带动", "狠抓督查落实", "加强队伍建设",
    "推进数字赋能", "强化宣传引导", "深化协调联动", "压实安全责任", "规范财务管理",
    "优化服务流程", "抓实信访稳定", "做好民生保障", "推动作风转变", "完善考核评价",
]
ITEM_TITLES = [
    "抓学习教育", "抓制度建设", "抓风险防控", "抓基层基础", "抓示范带动", "抓问题整改",
    "抓任务落实", "抓人才培养", "抓宣传报道", "抓统筹协调",
]
LEADS = [
    "一年来", "今年以来", "工作中", "在县委的坚强领导下", "围绕年度目标任务",
    "对照年初工作计划", "按照上级部署要求", "结合本县实际", "面对繁重的改革发展稳定任务",
    "立足部门职责定位", "在日常工作中", "针对群众反映集中的问题", "为确保各项任务落地见效",
]
SUBJECTS = [
    "我局", "局党组", "班子成员", "全局干部职工", "各股室", "机关党支部", "我们", "局领导班子",
    "分管领导", "业务骨干",
]
ACTIONS = [
    "认真落实党风廉政建设主体责任", "扎实推进重点项目建设", "持续深化“放管服”改革",
    "不断完善内部管理制度", "切实加强干部队伍建设", "积极开展调查研究", "深入推进作风建设",
    "全力做好安全生产工作", "精心组织政策宣传解读", "稳步推进信息化建设", "严格落实请示报告制度",
    "主动对接上级业务部门", "认真办理人大代表建议和政协委员提案", "着力破解群众急难愁盼问题",
    "坚持把学习贯彻党的创新理论作为首要政治任务", "统筹推进疫情防控和业务工作",
    "扎实开展矛盾纠纷排查化解", "全面落实意识形态工作责任制", "加强与乡镇和部门的协调配合",
    "持续抓好巡察反馈问题整改", "严格执行中央八项规定精神", "推动各项惠民政策落地落实",
]
RESULTS = [
    "各项工作取得了新的进展", "群众满意度明显提升", "工作效率进一步提高",
    "为全县经济社会发展提供了有力保障", "形成了一批可复制可推广的经验做法",
    "干部职工的精神面貌焕然一新", "重点任务均按时间节点完成", "工作质量和水平稳步提升",
    "得到了上级部门的充分肯定", "基础工作更加扎实", "服务群众的能力明显增强",
    "风险隐患得到有效化解",
]
MEASURES = [
    "建立健全工作台账，实行销号管理", "落实领导包联制度，层层压实责任",
    "坚持每月调度、每季通报", "完善考核办法，把结果运用到评先评优中",
    "加强业务培训，提升干部履职能力", "深入一线督导，及时发现和解决问题",
    "强化部门协作，形成工作合力", "畅通群众诉求渠道，做到件件有回音",
    "运用信息化手段，提高工作精准度", "注重总结提炼，推广典型经验",
]
# Facts with unfilled placeholders, the kinds docs/GONGWEN_SPEC.md lists: exactly one in each
# (as gongwen.placeholders counts them), so the pacing in _Writer.clause holds.
FACTS = [
    "全年召开专题会议X次", "深入XX镇开展专题调研", "培训干部职工XXX名", "走访困难群众XXX户",
    "协调解决实际问题XX个", "争取上级资金XX万元", "在××工作中走在全市前列", "○○项目顺利完工",
    "某某同志被评为全市先进个人", "20XX年以来累计办结民生实事", "组织集中学习XX次",
    "开展督导检查X轮", "发放宣传资料XXX份", "受理群众来信来访XX件", "完成××专项任务",
    "○○工程提前交付使用", "排查整改隐患XX处", "新建便民服务站点X个", "选派XX名干部驻村帮扶",
    "接待群众咨询XXX人次",
]
PROBLEMS = [
    "工作的系统性和前瞻性还需增强", "个别干部担当意识不够强", "基层基础仍较薄弱",
    "部门之间的协同配合还有差距", "调查研究的深度和成果转化不足", "服务群众的方式方法有待创新",
]
CONNECTIVES = ["同时", "此外", "与此同时", "在此基础上", "特别是"]


class _Writer:
    """Builds the paragraphs while counting characters and placeholders against budgets."""

    def __init__(self, pages: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.char_budget = CHARS_PER_PAGE * pages
        self.placeholder_budget = PLACEHOLDERS_PER_PAGE * pages
        self.paragraphs: List[str] = []
        self.chars = 0
        self.placeholders = 0
        self.last_pick: Dict[int, str] = {}

    def add(self, text: str, placeholders: int = 0) -> None:
        self.paragraphs.append(text)
        self.chars += len(text)
        self.placeholders += placeholders

    def pick(self, pool: Sequence[str]) -> str:
        """A random phrase, drawn again once if this pool just gave it (fewer "A，A" echoes)."""
        choice = self.rng.choice(pool)
        if choice == self.last_pick.get(id(pool)):
            choice = self.rng.choice(pool)
        self.last_pick[id(pool)] = choice
        return choice

    def clause(self) -> str:
        """A result, or a placeholder fact whenever the text runs behind ~5 per page."""
        behind = self.placeholders < self.placeholder_budget * self.chars / self.char_budget
        if behind:
            self.placeholders += 1
            return self.pick(FACTS)
        return self.pick(RESULTS)

    def sentence(self) -> str:
        shape = self.rng.randrange(4)
        if shape == 0:
            return f"{self.pick(LEADS)}，{self.point()}"
        if shape == 1:
            return f"{self.pick(SUBJECTS)}{self.pick(MEASURES)}，{self.clause()}。"
        if shape == 2:
            return f"{self.pick(CONNECTIVES)}，{self.pick(ACTIONS)}，{self.clause()}。"
        return f"通过{self.pick(MEASURES)}，{self.clause()}。"

    def point(self) -> str:
        """Subject, action, outcome: one plain sentence."""
        return f"{self.pick(SUBJECTS)}{self.pick(ACTIONS)}，{self.clause()}。"

    def body(self, sentences: int) -> str:
        return "".join(self.sentence() for _ in range(sentences))

    def enumeration(self) -> str:
        """A body paragraph with 一是…二是…三是… inside it (stays body text)."""
        count = self.rng.randint(2, 4)
        lead = f"{self.pick(LEADS)}，{self.pick(SUBJECTS)}"
        parts = [f"{lead}重点抓好{chinese_number(count)}项工作："]
        for ordinal in "一二三四"[:count]:
            parts.append(f"{ordinal}是{self.pick(ACTIONS)}，{self.clause()}。")
        return "".join(parts)


def chinese_number(number: int) -> str:
    """1..99 in the Chinese form used by 一级/二级 headings: 一, 十, 十一, 二十三."""
    digits = "一二三四五六七八九"
    tens, units = divmod(number, 10)
    if number < 10:
        return digits[number - 1]
    head = "" if tens == 1 else digits[tens - 1]
    return head + "十" + (digits[units - 1] if units else "")


def generate_report(pages: int = 100, seed: int = 0) -> List[str]:
    """The paragraphs of a ``pages``-page 工作总结 (≈600 characters of body per page).

    >>> paragraphs = generate_report(1)
    >>> paragraphs[:2]
    ['XX县XX局XXXX年度工作总结', '各位领导、同志们：']
    >>> paragraphs[-3:]
    ['特此报告。', 'XX县XX局', 'XXXX年XX月XX日']
    >>> generate_report(3, seed=1) == generate_report(3, seed=1)
    True
    """
    if not 1 <= pages <= MAX_PAGES:
        raise ValueError(f"pages must be between 1 and {MAX_PAGES}")
    writer = _Writer(pages, seed)
    writer.add(TITLE, placeholders=3)
    writer.add(ADDRESSEE)
    writer.add(OPENING, placeholders=1)
    # About one 一级 section per 4 pages (at least 3): numbers stay within 一 … 九十九.
    sections = min(max(3, -(-pages // PAGES_PER_SECTION)), 99)
    for number in range(1, sections + 1):
        _write_section(writer, number, writer.char_budget * number // sections)
    writer.add(CLOSING)
    writer.add(SIGNATURE, placeholders=2)
    writer.add(DATE, placeholders=1)
    return writer.paragraphs


def _write_section(writer: _Writer, number: int, end_chars: int) -> None:
    """一、 with an intro, then （一） subsections until the text reaches ``end_chars``."""
    title = SECTION_TITLES[(number - 1) % len(SECTION_TITLES)]
    writer.add(f"{chinese_number(number)}、{title}")
    writer.add(writer.body(writer.rng.randint(2, 3)))
    sub = 0
    while writer.chars < end_chars and sub < 99:
        sub += 1
        writer.add(f"（{chinese_number(sub)}）{writer.pick(SUBSECTION_TITLES)}")
        if writer.rng.random() < 0.5:
            writer.add(writer.enumeration())
        else:
            writer.add(writer.body(writer.rng.randint(2, 4)))
        if writer.rng.random() < 0.6:
            _write_items(writer)


def _write_items(writer: _Writer) -> None:
    """1. items, some with （1） points: run-in headings, as people write them."""
    for item in range(1, writer.rng.randint(2, 3) + 1):
        run_in = writer.sentence() if writer.rng.random() < 0.5 else ""
        writer.add(f"{item}.{writer.pick(ITEM_TITLES)}。{run_in}")
        if not run_in:
            writer.add(writer.body(writer.rng.randint(1, 3)))
        if writer.rng.random() < 0.4:
            for point in range(1, writer.rng.randint(2, 3) + 1):
                writer.add(f"（{point}）{writer.point()}")
    if writer.rng.random() < 0.3:
        writer.add(f"但也要看到，{writer.pick(PROBLEMS)}，{writer.pick(PROBLEMS)}。")


def write_text(path: str | Path, pages: int = 100, seed: int = 0) -> Path:
    """The report as UTF-8 text, one paragraph per line (what ``office.load_text`` reads)."""
    target = Path(path)
    target.write_text("\n".join(generate_report(pages, seed)) + "\n", encoding="utf-8")
    return target


def write_docx(path: str | Path, pages: int = 100, seed: int = 0) -> Path:
    """The report as a plain .docx (default styles only: formatting is the tools' job)."""
    import docx  # python-docx: only this function needs it, the rest is stdlib

    document = docx.Document()
    for paragraph in generate_report(pages, seed):
        document.add_paragraph(paragraph)
    target = Path(path)
    document.save(str(target))
    return target


def _count_placeholders(paragraphs: Sequence[str]) -> Optional[int]:
    try:
        from gongwen.placeholders import count_placeholders
    except ImportError:
        return None
    return sum(count_placeholders(paragraph) for paragraph in paragraphs)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/generated_report.py", description=__doc__)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--txt", type=Path, help="write the report as UTF-8 text")
    parser.add_argument("--docx", type=Path, help="write the report as .docx")
    args = parser.parse_args(argv)
    paragraphs = generate_report(args.pages, args.seed)
    if args.txt:
        write_text(args.txt, args.pages, args.seed)
    if args.docx:
        write_docx(args.docx, args.pages, args.seed)
    placeholders = _count_placeholders(paragraphs)
    print("{} pages: {} paragraphs, {} characters, {} placeholders".format(
        args.pages, len(paragraphs), sum(len(p) for p in paragraphs),
        "?" if placeholders is None else placeholders))
    return 0


if __name__ == "__main__":
    sys.exit(main())
