"""The built gongwen.oxt installs into a real soffice and wires up its UI."""

from __future__ import annotations

import zipfile

import pytest

from gongwen.writer.commands import COMMANDS, is_command, parse_url

TOOLBAR = "private:resource/toolbar/addon_org.gongwen.writer.toolbar"
URLS = [f"vnd.gongwen:{name}" for name in COMMANDS]


def test_extension_is_listed_by_the_extension_manager(office):
    assert "org.gongwen.writer" in office.installed_extension_ids()


def test_writer_frame_has_the_gongwen_toolbar_docked_with_four_buttons(office, writer_doc):
    layout = office.frame(writer_doc).LayoutManager
    assert TOOLBAR in [element.ResourceURL for element in layout.getElements()]
    assert layout.isElementDocked(TOOLBAR)
    # An add-on toolbar has no item settings; its window's accessible children are its buttons.
    window = layout.getElement(TOOLBAR).getRealInterface().getAccessibleContext()
    labels = [window.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
              for i in range(window.getAccessibleChildCount())]
    assert labels == ["Insert Report Scaffold", "Check Placeholders", "Format as Official Document",
                      "Check Format"]


def test_calc_frame_has_no_gongwen_toolbar(office):
    document = office.new_calc()
    try:
        layout = office.frame(document).LayoutManager
        assert TOOLBAR not in [element.ResourceURL for element in layout.getElements()]
    finally:
        office.close(document)


@pytest.mark.parametrize("url", URLS)
def test_every_command_has_a_dispatcher(office, writer_doc, url):
    import uno

    parsed = uno.createUnoStruct("com.sun.star.util.URL")
    parsed.Complete = url
    dispatcher = office.frame(writer_doc).queryDispatch(parsed, "", 0)
    assert dispatcher is not None, url


def test_unknown_command_gets_no_dispatcher(office, writer_doc):
    import uno

    parsed = uno.createUnoStruct("com.sun.star.util.URL")
    parsed.Complete = "vnd.gongwen:NoSuchCommand"
    assert office.frame(writer_doc).queryDispatch(parsed, "", 0) is None


def test_menu_reaches_all_six_commands(office):
    # Headless frames have no menu bar to walk; Writer builds the add-on menu from this
    # merged configuration node (the Xvfb screenshot shows the menu itself).
    menu = office.config("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/"
                       "org.gongwen.writer.menu")
    assert menu.getByName("Context") == "com.sun.star.text.TextDocument"
    items = menu.getByName("Submenu")
    names = sorted(items.getElementNames())
    # the 版式 and 落款 submenus (tests/integration/test_presets_writer.py) hold their own
    # entries
    submenus = [name for name in names if items.getByName(name).hasByName("Submenu")
                and items.getByName(name).getByName("Submenu").getElementNames()]
    assert len(submenus) == 2
    names = [name for name in names if name not in submenus]
    urls = [items.getByName(name).getByName("URL") for name in names]
    commands = [parse_url(url)[0] for url in urls if url != "private:separator"]
    assert set(commands) == set(COMMANDS) - {"ChoosePreset"}  # all six reachable
    assert all(url == "private:separator" or is_command(parse_url(url)[0]) for url in urls)
    # and Format with 规范写法, right after the plain Format, Writer only
    at = urls.index("vnd.gongwen:Format")
    assert urls[at:at + 2] == ["vnd.gongwen:Format", "vnd.gongwen:Format?normalize=all"]
    # the two on/off switches last, after a separator: the guard's, then 输入时检查
    assert urls[-3:] == ["private:separator", "vnd.gongwen:TogglePlaceholderGuard",
                         "vnd.gongwen:ToggleProofreading"]
    entry = items.getByName(sorted(items.getElementNames())[at + 1])
    assert entry.getByName("Context") == "com.sun.star.text.TextDocument"
    assert entry.getByName("Title") in (
        "一键公文格式（规范日期、编号、空格、空行、标点；记录修订时留作修订）",
        "Format and Normalise Dates, Numbering, Spaces, Blank Lines, Punctuation "
        "(Tracked When Recording Changes)")


def test_dispatch_on_calc_is_refused_cleanly(office):
    document = office.new_calc()
    try:
        result = office.dispatch(document, "vnd.gongwen:Format")
        assert not result.ok
        assert "Writer" in result.message
        assert office.is_alive()
    finally:
        office.close(document)


def test_oxt_holds_what_libreoffice_needs_and_nothing_else(oxt):
    names = set(zipfile.ZipFile(oxt).namelist())
    for required in ["description.xml", "META-INF/manifest.xml", "extension/Addons.xcu",
                     "extension/ProtocolHandler.xcu", "extension/WriterWindowState.xcu",
                     "gongwen_handler.py", "pythonpath/gongwen/__init__.py",
                     "pythonpath/gongwen/writer/commands.py", "extension/icons/check_16.png",
                     "extension/icons/check_26.png"]:
        assert required in names
    hosts = tuple(f"pythonpath/gongwen/{host}/" for host in ("ooxml", "soffice", "pdf", "cli"))
    assert not [n for n in names if "__pycache__" in n or n.startswith(hosts)]


@pytest.mark.parametrize("command", [n for n, c in COMMANDS.items() if c.modifies])
def test_modifying_commands_refuse_a_read_only_document(office, tmp_path, command):
    source = office.new_writer()
    source.getText().setString("一、总体情况\n全年完成X项任务。")
    path = office.save_as(source, tmp_path / "readonly.odt", "writer8")
    office.close(source)
    document = office.open(path, ReadOnly=True)
    try:
        before = office.text(document)
        result = office.dispatch(document, f"vnd.gongwen:{command}?type=personal")
        assert not result.ok
        assert "read-only" in result.message
        assert office.text(document) == before
        assert not document.isModified()
    finally:
        office.close(document)
