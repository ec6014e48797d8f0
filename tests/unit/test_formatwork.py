"""Format's order of work, stated once (gongwen.formatwork), and both hosts carrying it out."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path
from typing import List, Sequence

import pytest

from gongwen import formatwork, normalize
from gongwen.formatwork import Reading

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("read", "drop_page_number_frames", "type_list_labels", "drop_typed_page_numbers",
         "restructure", "write_text", "write_page", "write_styles", "write_paragraphs",
         "write_tables", "place_record")

NOTICE = ["关于做好2024年度安全生产工作的通知", "各乡镇人民政府：",
          "为切实做好安全生产工作，现将有关事项通知如下。", "XX县人民政府", "2024年3月1日"]


class FakeHost:
    """Records the steps called; its body changes as a host's would."""

    def __init__(self, texts: Sequence[str], page_first: bool = False, labels: int = 0,
                 frames: int = 0) -> None:
        self.texts = list(texts)
        self.page_first = page_first
        self.labels = labels
        self.frames = frames
        self.calls: List[str] = []
        self.pages: List[object] = []

    def read(self) -> Reading:
        self.calls.append("read")
        return Reading(list(self.texts), None)

    def drop_page_number_frames(self) -> int:
        self.calls.append("drop_page_number_frames")
        return self.frames

    def type_list_labels(self) -> int:
        self.calls.append("type_list_labels")
        if self.labels:  # an empty numbered paragraph now reads "1."… not a typed number
            self.texts = [text if text.strip() else "1." for text in self.texts]
        return self.labels

    def drop_typed_page_numbers(self, indices: Sequence[int]) -> None:
        self.calls.append("drop_typed_page_numbers")
        self.texts = [text for index, text in enumerate(self.texts) if index not in indices]

    def restructure(self, edits) -> Counter:
        self.calls.append("restructure")
        removed = {edit.index for edit in edits}
        self.texts = [text for index, text in enumerate(self.texts) if index not in removed]
        return Counter({normalize.BLANK_LINES: len(removed)})

    def write_text(self, plan) -> Counter:
        self.calls.append("write_text")
        return Counter()

    def write_page(self, plan) -> None:
        self.calls.append("write_page")
        self.pages.append(plan)

    def write_styles(self, plan) -> None:
        self.calls.append("write_styles")

    def write_paragraphs(self, plan) -> None:
        self.calls.append("write_paragraphs")

    def write_tables(self, plan) -> None:
        self.calls.append("write_tables")

    def place_record(self, plan) -> None:
        self.calls.append("place_record")


def test_the_order_for_a_host_that_writes_the_page_after_the_plan():
    host = FakeHost(NOTICE)
    formatwork.carry_out(host)
    assert host.calls == ["read", "drop_page_number_frames", "type_list_labels",
                          "write_text", "write_page", "write_styles", "write_paragraphs",
                          "write_tables"]


def test_a_page_first_host_gets_the_page_before_anything_else_and_only_once():
    host = FakeHost(NOTICE, page_first=True)
    done = formatwork.carry_out(host)
    assert host.calls[:2] == ["read", "write_page"]
    assert host.calls.count("write_page") == 1
    assert host.pages == [done.plan]  # the text was as first read: the early plan is the plan


def test_typed_page_numbers_are_looked_for_after_the_labels_are_typed():
    body = (NOTICE[:3] + [""] + ["正文第一页。"] * 30 + ["1"] + ["正文第二页。"] * 30 + ["2"]
            + NOTICE[3:])
    host = FakeHost(body, labels=1)
    done = formatwork.carry_out(host)
    assert host.calls.index("type_list_labels") < host.calls.index("drop_typed_page_numbers")
    texts = [paragraph.text for paragraph in done.plan.paragraphs]
    assert "1" not in texts and "2" not in texts and "1." in texts


def test_structure_edits_are_planned_on_the_text_that_results():
    body = NOTICE[:3] + ["", ""] + NOTICE[3:]
    host = FakeHost(body, page_first=True)
    done = formatwork.carry_out(host, normalize.Normalization.parse("blank-lines"))
    assert host.calls.index("restructure") < host.calls.index("write_text")
    assert done.normalized[normalize.BLANK_LINES] == 2
    assert len(done.plan.paragraphs) == len(body) - 2
    assert host.calls.count("write_page") == 1  # the page's facts did not change


def test_a_page_first_host_gets_the_page_again_when_a_fact_of_the_page_changed():
    """A 版记 the early plan did not see (here: behind a typed blank line removed) moves
    the 版记 onto a page of its own: the page is written again, from the final plan."""
    class Changing(FakeHost):
        def restructure(self, edits) -> Counter:
            done = super().restructure(edits)
            self.texts += ["抄送：县委办公室，县人大办公室。",
                           "XX县人民政府办公室    2024年3月1日印发"]
            return done

    host = Changing(NOTICE[:3] + ["", ""] + NOTICE[3:], page_first=True)
    done = formatwork.carry_out(host, normalize.Normalization.parse("blank-lines"))
    assert formatwork.page_facts(host.pages[0]) != formatwork.page_facts(done.plan)
    assert host.pages[-1] is done.plan
    assert host.calls.count("write_page") == 2


def _methods(path: Path, name: str) -> List[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == name:
            return [item.name for item in node.body if isinstance(item, ast.FunctionDef)]
    raise AssertionError(f"{name} not in {path}")


@pytest.mark.parametrize("path, name", [
    ("pythonpath/gongwen/writer/format.py", "WriterHost"),
    ("pythonpath/gongwen/ooxml/docxrender.py", "DocxHost"),
])
def test_both_hosts_carry_out_every_step(path: str, name: str):
    assert set(STEPS) <= set(_methods(ROOT / path, name))
    assert set(STEPS) == {method for method in _methods(
        ROOT / "pythonpath/gongwen/formatwork.py", "Host")}


@pytest.mark.parametrize("path", ["pythonpath/gongwen/writer/format.py",
                                  "pythonpath/gongwen/ooxml/docxrender.py"])
def test_no_host_makes_the_plan_or_the_structure_edits_itself(path: str):
    """The plan and the order are made once, in formatwork: a host calling plan_document or
    structure_edits for Format would be a second sequence."""
    source = (ROOT / path).read_text(encoding="utf-8")
    calls = Counter(node.func.attr for node in ast.walk(ast.parse(source))
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute))
    assert calls["carry_out"] == 1
    assert calls["plan_document"] <= 1  # the scaffold inserter's 落款 indents, not Format's
    assert calls["structure_edits"] == calls["typed_page_numbers"] == 0
