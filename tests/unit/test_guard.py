"""交稿前的提醒: which commands are guarded, what the question says, what the buttons mean,
and how the switch is shipped (no soffice needed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import build_oxt
from gongwen import guard
from gongwen.writer.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
OOR = "{http://openoffice.org/2001/registry}"


@pytest.mark.parametrize("url, action", [
    (".uno:Save", guard.SAVE),
    (".uno:SaveAs", guard.SAVE),
    (".uno:SaveACopy", guard.SAVE),
    (".uno:ExportToPDF", guard.EXPORT),
    (".uno:ExportDirectToPDF", guard.EXPORT),
    (".uno:ExportTo", guard.EXPORT),
    (".uno:SendMailDocAsPDF", guard.EXPORT),
    (".uno:Print", guard.PRINT),
    (".uno:PrintDefault", guard.PRINT),
    (".uno:SaveAs?URL:string=file:///tmp/x.odt", guard.SAVE),  # arguments do not matter
])
def test_each_way_of_handing_the_document_on_is_guarded_as_what_it_does(url, action):
    assert guard.action_for(url) == action


@pytest.mark.parametrize("url", [
    ".uno:SaveAsTemplate",   # a template is where placeholders belong
    ".uno:SaveAll",          # saves other documents too
    ".uno:PrintPreview", ".uno:PrinterSetup", ".uno:ExportDialog",
    ".uno:Undo", "vnd.gongwen:Format", ".uno:save", "",
])
def test_other_commands_are_not_guarded(url):
    assert guard.action_for(url) is None


def test_only_a_user_looking_at_a_document_with_placeholders_is_asked():
    assert guard.should_ask(enabled=True, someone_to_ask=True, count=3)
    assert not guard.should_ask(enabled=True, someone_to_ask=True, count=0)
    assert not guard.should_ask(enabled=False, someone_to_ask=True, count=3)
    assert not guard.should_ask(enabled=True, someone_to_ask=False, count=3)


def test_only_the_go_ahead_button_lets_the_command_run():
    assert guard.goes_ahead(guard.GO_AHEAD)
    # 查看第一处, Escape and the close box all end the dialog with 0.
    assert not guard.goes_ahead(guard.VIEW_FIRST)
    assert guard.VIEW_FIRST == 0


@pytest.mark.parametrize("action, verb, button", [
    (guard.SAVE, "保存", "仍然保存(&S)"),
    (guard.EXPORT, "导出", "仍然导出(&E)"),
    (guard.PRINT, "打印", "仍然打印(&P)"),
])
def test_the_question_names_the_count_and_the_action_in_chinese(action, verb, button):
    question = guard.question(action, 4, "zh-CN")
    assert question.title == "公文助手"
    assert question.text == f"还有 4 处待填占位符，仍要{verb}吗？"
    assert question.view_label == "查看第一处(&V)"
    assert question.ahead_label == button


def test_the_question_in_english_has_the_same_mnemonics():
    save = guard.question(guard.SAVE, 2, "en-US")
    assert "2" in save.text and "Save" in save.text
    assert save.view_label.startswith("&V") and save.ahead_label.startswith("&S")
    assert guard.question(guard.EXPORT, 1, "en-US").ahead_label.startswith("&E")
    assert guard.question(guard.PRINT, 1, "en-US").ahead_label.startswith("&P")


def test_mnemonics_are_written_the_way_the_toolkit_reads_them():
    assert guard.toolkit_label("仍然保存(&S)") == "仍然保存(~S)"
    assert guard.toolkit_label("&View the First") == "~View the First"
    assert guard.toolkit_label("A && B") == "A & B"


def test_the_switch_is_a_checkable_command_in_the_menu():
    command = COMMANDS["TogglePlaceholderGuard"]
    assert command.state and not command.modifies
    addons = ET.parse(ROOT / "extension" / "Addons.xcu").getroot()
    urls = [value.text for value in addons.iter("value")]
    assert "vnd.gongwen:TogglePlaceholderGuard" in urls


def test_the_switch_is_on_by_default_in_the_schema():
    schema = ET.parse(ROOT / "extension" / "Settings.xcs").getroot()
    assert (schema.get(f"{OOR}package"), schema.get(f"{OOR}name")) == (
        "org.gongwen.writer", "Settings")
    group = next(g for g in schema.iter("group") if g.get(f"{OOR}name") == "Guard")
    enabled = next(p for p in group.iter("prop") if p.get(f"{OOR}name") == "Enabled")
    assert enabled.get(f"{OOR}type") == "xs:boolean"
    assert enabled.find("value").text == "true"


def test_the_job_runs_on_every_view_and_ships_in_the_oxt(tmp_path):
    jobs = ET.parse(ROOT / "extension" / "Jobs.xcu").getroot()
    events = next(n for n in jobs if n.get(f"{OOR}name") == "Events")
    assert {event.get(f"{OOR}name") for event in events} >= {"OnViewCreated", "OnNew", "OnLoad"}
    names = set(zipfile.ZipFile(build_oxt.build(tmp_path / "g.oxt")).namelist())
    assert {"extension/Jobs.xcu", "extension/Settings.xcs", "extension/Settings.xcu"} <= names
    manifest = (ROOT / "META-INF" / "manifest.xml").read_text(encoding="utf-8")
    assert ('configuration-schema" manifest:full-path="extension/Settings.xcs"' in manifest)


# ---- the glue's rule: a failure inside the guard lets the command run -------------------

class _Window:
    def isVisible(self):
        return True


class _Frame:
    def getContainerWindow(self):
        return _Window()

    def getController(self):
        return self

    def getModel(self):
        return "document"


@pytest.fixture
def glue(monkeypatch):
    from gongwen.writer import guard as glue

    monkeypatch.delenv("GONGWEN_NO_DIALOGS", raising=False)
    monkeypatch.setattr(glue, "is_enabled", lambda ctx: True)
    monkeypatch.setattr(glue.ui, "ui_locale", lambda ctx: "zh-CN")
    selected = []
    monkeypatch.setattr(glue.placeholders, "select_first",
                        lambda frame, document, locale, found: selected.append(found))
    glue.selected = selected
    return glue


def _raise(*args):
    raise RuntimeError("broken")


def test_the_answer_decides_and_no_placeholders_means_no_question(glue, monkeypatch):
    asked = []
    monkeypatch.setattr(glue.placeholders, "find_all", lambda document: ["XX", "X"])
    monkeypatch.setattr(glue, "ask", lambda ctx, frame, q: asked.append(q) or guard.GO_AHEAD)
    assert glue._may_go_ahead(None, _Frame(), guard.SAVE)
    assert asked[0].text == "还有 2 处待填占位符，仍要保存吗？" and not glue.selected
    monkeypatch.setattr(glue, "ask", lambda ctx, frame, q: guard.VIEW_FIRST)
    assert not glue._may_go_ahead(None, _Frame(), guard.PRINT)
    assert glue.selected == [["XX", "X"]]
    monkeypatch.setattr(glue.placeholders, "find_all", lambda document: [])
    monkeypatch.setattr(glue, "ask", _raise)
    assert glue._may_go_ahead(None, _Frame(), guard.SAVE)


def test_a_failing_count_or_dialog_lets_the_command_run(glue, monkeypatch, capsys):
    monkeypatch.setattr(glue.placeholders, "find_all", _raise)
    assert glue._may_go_ahead(None, _Frame(), guard.SAVE)
    monkeypatch.setattr(glue.placeholders, "find_all", lambda document: ["X"])
    monkeypatch.setattr(glue, "ask", _raise)
    assert glue._may_go_ahead(None, _Frame(), guard.EXPORT)
    assert "RuntimeError: broken" in capsys.readouterr().err


def test_switched_off_or_no_dialogs_allowed_means_no_count_at_all(glue, monkeypatch):
    monkeypatch.setattr(glue, "ask", _raise)
    monkeypatch.setattr(glue, "is_enabled", lambda ctx: False)
    counted = []
    monkeypatch.setattr(glue.placeholders, "find_all", lambda d: counted.append(d) or ["X"])
    assert glue._may_go_ahead(None, _Frame(), guard.SAVE)
    monkeypatch.setattr(glue, "is_enabled", lambda ctx: True)
    monkeypatch.setenv("GONGWEN_NO_DIALOGS", "1")
    assert glue._may_go_ahead(None, _Frame(), guard.SAVE)
    assert counted == []
