"""The chooser for 插入述职框架: report types, a preview of their sections, 单位/姓名/年度.

Built with the UNO dialog API (no Basic library or .xdl to ship). ``choose`` shows it
modally and returns the user's :class:`~gongwen.scaffolds.choice.Choice`, or None on
Cancel. Headless, ``execute()`` returns at once (as Cancel); with ``GONGWEN_NO_DIALOGS``
set (the test rig, screenshots under Xvfb) no dialog is created at all, so nothing
ever waits for a click that cannot come.
"""

from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional

import unohelper
from com.sun.star.awt import XActionListener, XItemListener

from gongwen import messages
from gongwen.scaffolds import Scaffold, load_all, section_titles
from gongwen.scaffolds.choice import Choice, type_list, year_problem
from gongwen.writer.commands import Invocation, Outcome
from gongwen.writer.ui import dialogs_disabled

# Layout in dialog units (AppFont: a quarter of a character wide, an eighth high).
WIDTH, HEIGHT = 320, 214
MARGIN = 8
LIST_WIDTH = 130
RIGHT_X = MARGIN + LIST_WIDTH + 8
RIGHT_WIDTH = WIDTH - RIGHT_X - MARGIN
FIELD_Y = 150
BUTTON_WIDTH, BUTTON_HEIGHT = 56, 15
ERROR_RGB = 0xC00000
HINT_RGB = 0x555555
# com.sun.star.awt.PushButtonType
_STANDARD, _CANCEL = 0, 2
_INSERT = 1  # the dialog's result when the user chose Insert
_POS = 3  # com.sun.star.awt.PosSize.POS


class _Row(NamedTuple):
    """One label + edit pair in the options row."""

    field: str      # the Choice field it fills
    label_key: str  # messages key of its label
    x: int
    label_width: int
    edit_width: int
    max_length: int


_ROWS = (
    _Row("org", "scaffold_dialog_org", MARGIN, 22, 108, 60),
    _Row("name", "scaffold_dialog_name", RIGHT_X, 22, 78, 30),
    _Row("year", "scaffold_dialog_year", RIGHT_X + 108, 22, RIGHT_WIDTH - 130, 4),
)


def choose(invocation: Invocation) -> Optional[Choice]:
    """Shows the dialog; the user's choice, or None (cancelled, or no dialog possible)."""
    if dialogs_disabled():
        return None
    chooser = ScaffoldChooser(invocation.ctx, invocation.frame, invocation.locale, load_all())
    try:
        return chooser.run()
    finally:
        chooser.dispose()


def not_chosen_outcome(invocation: Invocation) -> Outcome:
    """Cancel is quiet; a command that could not even ask says how to name a type."""
    if dialogs_disabled():
        return Outcome(False, messages.text("scaffold_no_dialog", invocation.locale,
                                            types=type_list(invocation.locale)))
    return Outcome(True, "")


class ScaffoldChooser:
    """The dialog and its state; ``run`` shows it modally."""

    def __init__(self, ctx, frame, locale: str, scaffolds: List[Scaffold]) -> None:
        self.ctx = ctx
        self.frame = frame
        self.locale = locale
        self.scaffolds = scaffolds
        self.choice: Optional[Choice] = None
        self.dialog = self._build()

    def _text(self, key: str, **values: object) -> str:
        return messages.text(key, self.locale, **values)

    # --- building ------------------------------------------------------------------------

    def _build(self):
        smgr = self.ctx.ServiceManager
        model = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel",
                                               self.ctx)
        model.Title = self._text("scaffold_dialog_title")
        model.Width, model.Height = WIDTH, HEIGHT
        self.model = model
        self._add_type_list()
        self._add_preview()
        self._add_options()
        self._add_buttons()
        dialog = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", self.ctx)
        dialog.setModel(model)
        toolkit = smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
        parent = self._parent_window()
        dialog.createPeer(toolkit, parent)
        _center_on(dialog, parent)
        self.dialog = dialog
        self._wire(dialog)
        return dialog

    def _parent_window(self):
        try:
            return self.frame.getContainerWindow()
        except Exception:  # no frame window: the dialog simply has no parent
            return None

    def _add(self, kind: str, name: str, x: int, y: int, width: int, height: int,
             **properties: object):
        control = self.model.createInstance(f"com.sun.star.awt.UnoControl{kind}Model")
        control.PositionX, control.PositionY = x, y
        control.Width, control.Height = width, height
        for key, value in properties.items():
            setattr(control, key, value)
        self.model.insertByName(name, control)
        return control

    def _add_type_list(self) -> None:
        self._add("FixedText", "typesLabel", MARGIN, 6, LIST_WIDTH, 10,
                  Label=self._text("scaffold_dialog_types"))
        self._add("ListBox", "types", MARGIN, 18, LIST_WIDTH, 124, Border=1, TabIndex=0,
                  StringItemList=tuple(s.name for s in self.scaffolds))

    def _add_preview(self) -> None:
        self._add("FixedText", "previewLabel", RIGHT_X, 6, RIGHT_WIDTH, 10,
                  Label=self._text("scaffold_dialog_preview"))
        self._add("Edit", "preview", RIGHT_X, 18, RIGHT_WIDTH, 96, MultiLine=True,
                  ReadOnly=True, VScroll=True, Tabstop=False)
        self._add("FixedText", "description", RIGHT_X, 118, RIGHT_WIDTH, 24, MultiLine=True,
                  TextColor=HINT_RGB)

    def _add_options(self) -> None:
        for tab, row in enumerate(_ROWS, start=1):
            self._add("FixedText", row.field + "Label", row.x, FIELD_Y + 2, row.label_width,
                      10, Label=self._text(row.label_key))
            self._add("Edit", row.field, row.x + row.label_width, FIELD_Y, row.edit_width, 14,
                      MaxTextLen=row.max_length, TabIndex=tab)
        self._add("FixedText", "hint", MARGIN, FIELD_Y + 19, WIDTH - 2 * MARGIN, 10,
                  Label=self._text("scaffold_dialog_hint"), TextColor=HINT_RGB)
        self._add("FixedText", "error", MARGIN, FIELD_Y + 31, WIDTH - 2 * MARGIN, 10,
                  Label="", TextColor=ERROR_RGB)

    def _add_buttons(self) -> None:
        y = HEIGHT - BUTTON_HEIGHT - 7
        cancel_x = WIDTH - MARGIN - BUTTON_WIDTH
        self._add("Button", "insert", cancel_x - BUTTON_WIDTH - 6, y, BUTTON_WIDTH,
                  BUTTON_HEIGHT, Label=self._text("scaffold_dialog_insert"),
                  PushButtonType=_STANDARD, DefaultButton=True, TabIndex=len(_ROWS) + 1)
        self._add("Button", "cancel", cancel_x, y, BUTTON_WIDTH, BUTTON_HEIGHT,
                  Label=self._text("scaffold_dialog_cancel"), PushButtonType=_CANCEL,
                  TabIndex=len(_ROWS) + 2)

    def _wire(self, dialog) -> None:
        types = dialog.getControl("types")
        types.addItemListener(_OnSelect(self))
        types.addActionListener(_OnInsert(self))  # a double-click inserts
        dialog.getControl("insert").addActionListener(_OnInsert(self))
        if self.scaffolds:
            types.selectItemPos(0, True)
            self.show_preview(0)

    # --- behaviour ------------------------------------------------------------------------

    def run(self) -> Optional[Choice]:
        self.dialog.getControl("types").setFocus()
        result = self.dialog.execute()
        return self.choice if result == _INSERT else None

    def show_preview(self, position: int) -> None:
        if not 0 <= position < len(self.scaffolds):
            return
        scaffold = self.scaffolds[position]
        self.model.getByName("preview").Text = "\n".join(section_titles(scaffold))
        self.model.getByName("description").Label = scaffold.description

    def values(self) -> Dict[str, Optional[str]]:
        """What the user typed in 单位/姓名/年度, blank as None."""
        return {row.field: self.model.getByName(row.field).Text.strip() or None
                for row in _ROWS}

    def insert(self) -> None:
        """Insert was clicked: keeps the dialog open with a message if the year is bad."""
        position = self.dialog.getControl("types").getSelectedItemPos()
        if not 0 <= position < len(self.scaffolds):
            self.model.getByName("error").Label = self._text("scaffold_dialog_pick_type")
            return
        values = self.values()
        problem = year_problem(values["year"], self.locale)
        if problem:
            self.model.getByName("error").Label = problem
            self.dialog.getControl("year").setFocus()
            return
        self.choice = Choice(self.scaffolds[position].key, **values)
        self.dialog.endDialog(_INSERT)

    def dispose(self) -> None:
        try:
            self.dialog.dispose()
        except Exception:  # already gone with its parent window
            pass


def _center_on(dialog, parent) -> None:
    """A dialog created from the API opens at the parent's top-left corner: centre it
    (a third of the way down, where the eye looks)."""
    if parent is None:
        return
    outer, own = parent.getPosSize(), dialog.getPosSize()
    x = max(0, (outer.Width - own.Width) // 2)
    y = max(0, (outer.Height - own.Height) // 3)
    dialog.setPosSize(x, y, 0, 0, _POS)


class _OnSelect(unohelper.Base, XItemListener):
    def __init__(self, chooser: ScaffoldChooser) -> None:
        self.chooser = chooser

    def itemStateChanged(self, event) -> None:
        self.chooser.show_preview(event.Selected)

    def disposing(self, event) -> None:
        pass


class _OnInsert(unohelper.Base, XActionListener):
    def __init__(self, chooser: ScaffoldChooser) -> None:
        self.chooser = chooser

    def actionPerformed(self, event) -> None:
        self.chooser.insert()

    def disposing(self, event) -> None:
        pass
