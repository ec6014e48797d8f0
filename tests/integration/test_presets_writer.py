"""版式预设 in Writer (issue 15): the 版式 submenu, its checkmarks, the document's preset."""

from __future__ import annotations

import json

import pytest
import unohelper
from com.sun.star.frame import XStatusListener

from gongwen import presets, spec
from gongwen.writer import presets as writer_presets
from gongwen.writer.commands import Invocation

MENU = "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.gongwen.writer.menu"


class _Listener(unohelper.Base, XStatusListener):
    def __init__(self):
        self.states = []

    def statusChanged(self, event):
        self.states.append(event.State)

    def disposing(self, event):
        pass


def checked(office, document, url: str):
    """The State the extension reports for a menu entry, as the menu bar would ask it."""
    import uno

    parsed = uno.createUnoStruct("com.sun.star.util.URL")
    parsed.Complete = url
    dispatcher = office.frame(document).queryDispatch(parsed, "", 0)
    listener = _Listener()
    # On the main thread, as the menu bar asks (from a bridge thread the extension answers
    # a moment later, from the main loop).
    office.on_main_thread(lambda: dispatcher.addStatusListener(listener, parsed))
    dispatcher.removeStatusListener(listener, parsed)
    assert len(listener.states) == 1
    return listener.states[0]


def layout_entries(office):
    items = office.config(MENU).getByName("Submenu")
    layout = [items.getByName(name) for name in sorted(items.getElementNames())
              if items.getByName(name).getByName("Title") in ("Layout Preset", "版式(~L)",
                                                              "~Layout Preset")]
    assert len(layout) == 1
    entries = layout[0].getByName("Submenu")
    return [entries.getByName(name) for name in sorted(entries.getElementNames())]


def test_menu_has_a_layout_submenu_with_the_builtin_presets(office):
    entries = layout_entries(office)
    urls = [entry.getByName("URL") for entry in entries]
    assert urls == [f"vnd.gongwen:ChoosePreset?preset={name}"
                    for name in presets.builtin_names()] + \
        ["private:separator", "vnd.gongwen:ChoosePreset"]
    assert [entry.getByName("Title") for entry in entries if entry.getByName("Title")] == [
        "GB/T 9704 Standard (Document Grid)", "Fixed 28 pt Line Spacing", "Other Preset File…"]
    assert all(entry.getByName("Context") == "com.sun.star.text.TextDocument"
               for entry in entries)


def test_the_current_preset_is_checked(office, writer_doc, tmp_path):
    gbt, fixed, other = ("vnd.gongwen:ChoosePreset?preset=gbt9704",
                         "vnd.gongwen:ChoosePreset?preset=fixed-28pt",
                         "vnd.gongwen:ChoosePreset")
    assert [checked(office, writer_doc, url) for url in (gbt, fixed, other)] == \
        [True, False, False]
    # the user's remembered choice counts for a document that has none
    writer_presets.remember_choice(office.ctx, "fixed-28pt")
    assert [checked(office, writer_doc, url) for url in (gbt, fixed, other)] == \
        [False, True, False]
    # the document's own wins
    writer_presets.write_kept(writer_doc, writer_presets.preset_state(presets.resolve("gbt9704")))
    assert [checked(office, writer_doc, url) for url in (gbt, fixed, other)] == \
        [True, False, False]
    house = tmp_path / "house.json"
    house.write_text(json.dumps({"page": {"top_mm": 30}}), encoding="utf-8")
    writer_presets.write_kept(writer_doc, writer_presets.preset_state(presets.resolve(str(house))))
    assert [checked(office, writer_doc, url) for url in (gbt, fixed, other)] == \
        [False, False, True]
    # entries without a state report none (no checkmark)
    assert checked(office, writer_doc, "vnd.gongwen:Format") is None


def test_a_listening_menu_is_told_again_after_a_command(office, writer_doc):
    import uno

    parsed = uno.createUnoStruct("com.sun.star.util.URL")
    parsed.Complete = "vnd.gongwen:ChoosePreset?preset=fixed-28pt"
    dispatcher = office.frame(writer_doc).queryDispatch(parsed, "", 0)
    listener = _Listener()
    office.on_main_thread(lambda: dispatcher.addStatusListener(listener, parsed))
    try:
        assert listener.states == [False]
        writer_presets.write_kept(
            writer_doc, writer_presets.preset_state(presets.resolve("fixed-28pt")))
        office.dispatch(writer_doc, "vnd.gongwen:NextPlaceholder")
        assert listener.states == [False, True]
    finally:
        dispatcher.removeStatusListener(listener, parsed)
    office.dispatch(writer_doc, "vnd.gongwen:NextPlaceholder")
    assert len(listener.states) == 2  # removed: not told any more


@pytest.mark.parametrize("filter_name, suffix", [("writer8", ".odt"),
                                                 ("MS Word 2007 XML", ".docx")])
def test_the_document_keeps_its_preset_through_save_and_reopen(office, tmp_path,
                                                               filter_name, suffix):
    house = tmp_path / "house.json"
    house.write_text(json.dumps({"extends": "fixed-28pt", "description": "集团版式",
                                 "page_number": {"format": "- {n} -", "position": "center"}},
                                ensure_ascii=False), encoding="utf-8")
    preset = presets.resolve(str(house))
    document = office.new_writer()
    try:
        document.getText().setString("关于XX的报告")
        writer_presets.write_kept(document, writer_presets.preset_state(preset))
        path = office.save_as(document, tmp_path / f"kept{suffix}", filter_name)
    finally:
        office.close(document)
    assert writer_presets.remembered(office.ctx) == ""  # the document's, not the user's
    reopened = office.open(path)
    try:
        props = reopened.getDocumentProperties().getUserDefinedProperties()
        assert props.getPropertyValue(writer_presets.PROPERTY) == str(house)
        assert writer_presets.stored_preset(reopened) == preset
        # on a machine without the file, the data kept in the document stands in
        house.unlink()
        stand_in = writer_presets.stored_preset(reopened)
        assert stand_in.data == preset.data and stand_in.name == "house"
        assert checked(office, reopened, "vnd.gongwen:ChoosePreset") is True
    finally:
        office.close(reopened)


def test_preset_for_takes_the_url_then_the_document_then_the_user_then_gbt9704(
        office, writer_doc, tmp_path):
    house = tmp_path / "house.json"
    house.write_text(json.dumps({"page": {"top_mm": 30}}), encoding="utf-8")

    def chosen(**args):
        invocation = Invocation(office.ctx, office.frame(writer_doc), writer_doc, args, "en-US")
        return writer_presets.preset_for(invocation).ref

    assert chosen() == "gbt9704"
    writer_presets.remember_choice(office.ctx, str(house))
    assert chosen() == str(house)
    writer_presets.write_kept(
        writer_doc, writer_presets.preset_state(presets.resolve("fixed-28pt")))
    assert chosen() == "fixed-28pt"
    assert chosen(preset="gbt9704") == "gbt9704"
    # Format stores the document's preset and never touches the user's choice
    writer_presets.write_kept(writer_doc, writer_presets.kept_states(
        writer_doc, presets.resolve("gbt9704"), spec.SEAL_NONE, asked=False)[1])
    assert (chosen(), writer_presets.remembered(office.ctx)) == ("gbt9704", str(house))
    # a broken remembered preset is reported
    props = writer_doc.getDocumentProperties().getUserDefinedProperties()
    props.removeProperty(writer_presets.PROPERTY)
    house.write_text("{", encoding="utf-8")
    with pytest.raises(presets.PresetError):
        chosen()


def _formatted_document(office):
    document = office.new_writer()
    document.getText().setString("关于春季植树的报告\n一、总体情况\n全年完成三项任务。")
    return document


def test_a_scripts_preset_applies_once_and_only_the_menu_is_remembered(office, tmp_path):
    """``Format?preset=FILE`` from a script: that run and that document, not the default of
    later documents (a temporary preset file once became everyone's layout)."""
    temporary = tmp_path / "temporary.json"
    temporary.write_text(json.dumps({"extends": "fixed-28pt"}), encoding="utf-8")
    first, later = _formatted_document(office), _formatted_document(office)
    try:
        assert office.dispatch(first, f"vnd.gongwen:Format?preset={temporary}").ok
        assert writer_presets.stored_preset(first).ref == str(temporary)
        assert writer_presets.remembered(office.ctx) == ""
        assert office.dispatch(later, "vnd.gongwen:Format").ok
        assert writer_presets.stored_preset(later).ref == "gbt9704"
        # the menu's entry: formats and is remembered, in the profile (not a settings.json)
        assert office.dispatch(later, "vnd.gongwen:ChoosePreset?preset=fixed-28pt").ok
        assert writer_presets.stored_preset(later).ref == "fixed-28pt"
        assert writer_presets.remembered(office.ctx) == "fixed-28pt"
        assert not list(office.config_home.rglob("settings.json"))
    finally:
        office.close(first)
        office.close(later)


def test_a_remembered_preset_whose_file_is_gone_falls_back_and_says_so_once(office, tmp_path):
    gone = tmp_path / "gone.json"
    gone.write_text(json.dumps({"extends": "fixed-28pt"}), encoding="utf-8")
    first, second = _formatted_document(office), _formatted_document(office)
    try:
        assert office.dispatch(first, f"vnd.gongwen:ChoosePreset?preset={gone}").ok
        assert writer_presets.remembered(office.ctx) == str(gone)
        gone.unlink()
        notice = f"The remembered layout preset \u201c{gone}\u201d is gone"
        said = office.dispatch(second, "vnd.gongwen:Format")
        assert said.ok and said.message.startswith(notice)
        assert writer_presets.stored_preset(second).ref == "gbt9704"
        assert writer_presets.remembered(office.ctx) == ""  # forgotten: said once
        again = office.dispatch(second, "vnd.gongwen:Format")
        assert again.ok and notice not in again.message
    finally:
        office.close(first)
        office.close(second)


def test_an_unusable_preset_fails_the_command_and_changes_nothing(office, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"page_number": {"position": "top"}}), encoding="utf-8")
    document = office.new_writer()
    try:
        document.getText().setString("关于XX的报告\n一、总体情况\n全年完成X项任务。")
        document.setModified(False)
        for ref, expected in (("nosuch", "no preset named “nosuch”"),
                              (str(broken), f"{broken}: page_number.position: expected outside")):
            result = office.dispatch(document, f"vnd.gongwen:Format?preset={ref}")
            assert not result.ok
            assert result.message.startswith(expected) or expected in result.message
            assert "\n" not in result.message
            assert not document.isModified()
            props = document.getDocumentProperties().getUserDefinedProperties()
            assert not props.getPropertySetInfo().hasPropertyByName(writer_presets.PROPERTY)
    finally:
        office.close(document)


def test_other_preset_file_is_a_quiet_cancel_headless(office, writer_doc):
    writer_doc.getText().setString("关于XX的报告")
    writer_doc.setModified(False)
    result = office.dispatch(writer_doc, "vnd.gongwen:ChoosePreset")
    assert result == (True, "")
    assert not writer_doc.isModified()


def test_the_builtin_preset_files_ship_in_the_extension(oxt):
    import zipfile

    names = set(zipfile.ZipFile(oxt).namelist())
    for name in presets.builtin_names():
        assert f"pythonpath/gongwen/presets/{name}.json" in names


def test_the_seal_submenu_checks_the_document_s_choice_and_a_plain_format_keeps_it(
        office, tmp_path):
    """落款 submenu (GB/T 9704 §7.3.5): ``不加盖印章`` is checked until a seal is chosen;
    Format?seal=stamp stores the choice in the document (GongwenSeal), which a plain Format
    and the checkmark then follow."""
    from gongwen import layout as core_layout
    from tests.integration.test_wholedoc import _docx_of

    urls = [f"vnd.gongwen:Format?seal={seal}" for seal in ("none", "stamp", "signature")]
    document = office.open(_docx_of(["关于做好冬季安全生产工作的通知", "各市人民政府：",
                                     "现将有关事项通知如下。", "河西省人民政府", "2021年12月31日"],
                                    tmp_path / "seal.docx"))
    try:
        assert [checked(office, document, url) for url in urls] == [True, False, False]
        assert office.dispatch(document, urls[1]).ok
        assert [checked(office, document, url) for url in urls] == [False, True, False]
        properties = document.getDocumentProperties().getUserDefinedProperties()
        assert properties.getPropertyValue(core_layout.SEAL_PROPERTY) == "stamp"
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        assert [checked(office, document, url) for url in urls] == [False, True, False]
        result = office.dispatch(document, "vnd.gongwen:Format?seal=round")
        assert not result.ok and "round" in result.message and "stamp" in result.message
        # one Ctrl+Z takes back what the Format kept too: twice here, to before the choice
        office.uno_dispatch(document, ".uno:Undo")
        office.uno_dispatch(document, ".uno:Undo")
        assert [checked(office, document, url) for url in urls] == [True, False, False]
        assert not properties.getPropertySetInfo().hasPropertyByName(core_layout.SEAL_PROPERTY)
    finally:
        office.close(document)


def test_format_says_which_preset_it_used_unless_the_standard(office, writer_doc):
    """A user who picked 固定值 28 磅 once was told "已按 GB/T 9704 排版" by every later
    Format (user trial): the 版式 is named when it is not the standard one."""
    writer_doc.getText().setString("关于做好防汛工作的通知\n各单位：\n现将有关事项通知如下。")
    fixed = office.dispatch(writer_doc, "vnd.gongwen:Format?preset=fixed-28pt")
    assert fixed.ok and fixed.message.endswith(" Preset: fixed 28 pt line spacing.")
    standard = office.dispatch(writer_doc, "vnd.gongwen:Format?preset=gbt9704")
    assert standard.ok and "Preset" not in standard.message
