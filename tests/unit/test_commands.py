"""URL parsing and the command table of the ProtocolHandler (no soffice needed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from gongwen import messages
from gongwen.writer.commands import COMMANDS, is_command, parse_url

ROOT = Path(__file__).resolve().parents[2]


def test_parse_url_splits_command_and_query():
    assert parse_url("vnd.gongwen:InsertScaffold?type=party-building&year=2025&org=县政协") == (
        "InsertScaffold", {"type": "party-building", "year": "2025", "org": "县政协"})
    assert parse_url("vnd.gongwen:Format") == ("Format", {})


def test_the_contract_commands_and_no_others():
    # the six of issue 3, 版式 > 其他版式… (issue 15), 检查格式 and the guard's switch (13),
    # 输入时检查 (25)
    assert set(COMMANDS) == {"InsertScaffold", "CheckPlaceholders", "NextPlaceholder",
                             "PreviousPlaceholder", "ClearPlaceholderMarks", "Format",
                             "ChoosePreset", "CheckFormat", "TogglePlaceholderGuard",
                             "ToggleProofreading"}
    assert not is_command("format")


def test_addons_xcu_names_only_known_commands():
    urls = [value.text for value in ET.parse(ROOT / "extension" / "Addons.xcu").iter("value")
            if value.text and value.text.startswith("vnd.gongwen:")]
    assert {parse_url(url)[0] for url in urls} == set(COMMANDS)


def test_every_message_has_both_languages():
    for key, texts in messages.MESSAGES.items():
        assert set(texts) == {"zh", "en"}, key
    assert messages.text("read_only", "en-US").startswith("The document is read-only")
    assert messages.text("read_only", "zh-CN").startswith("文档为只读")


def test_a_command_that_fails_is_reported_not_swallowed(capsys):
    from gongwen.writer import commands

    # parse_url given an Invocation instead of a URL raises, as a bug in a command would.
    failing = commands.Command("commands", "parse_url", False)
    outcome = commands._perform(failing, commands.Invocation(None, None, None, {}, "zh-CN"))
    assert not outcome.ok
    assert outcome.message.startswith("公文助手出错：AttributeError")
    assert "Traceback" in capsys.readouterr().err
