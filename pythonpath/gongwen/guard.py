"""交稿前的提醒 (the guard): which LibreOffice commands ask before they run, and the question.

Pure decisions, no UNO: ``gongwen.writer.guard`` intercepts the commands and shows the
question; everything it decides is decided here, so it can be tested without soffice.
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional

from gongwen import messages

SAVE, EXPORT, PRINT = "save", "export", "print"

# Every command that hands the document on, by what it does. Saving as a template is not
# here (a template is where placeholders belong), nor 全部保存 (it saves other documents
# too, which this document's count says nothing about).
GUARDED_COMMANDS: Dict[str, str] = {
    ".uno:Save": SAVE,
    ".uno:SaveSimple": SAVE,       # the Save button without its drop-down
    ".uno:SaveAs": SAVE,
    ".uno:SaveACopy": SAVE,
    ".uno:SaveAsRemote": SAVE,
    ".uno:ExportToPDF": EXPORT,    # 文件 > 导出为 PDF (the options dialog)
    ".uno:ExportDirectToPDF": EXPORT,  # the toolbar's PDF button
    ".uno:ExportTo": EXPORT,       # 文件 > 导出 (any format, PDF among them)
    ".uno:ExportToEPUB": EXPORT,
    ".uno:ExportDirectToEPUB": EXPORT,
    ".uno:SendMailDocAsPDF": EXPORT,  # 以 PDF 格式发送电子邮件
    ".uno:Print": PRINT,
    ".uno:PrintDefault": PRINT,    # the toolbar's direct print
}

# What the dialog's ``execute()`` returns: the go-ahead button is the OK-type button (1);
# the default button, Escape and closing the window all give 0.
VIEW_FIRST, GO_AHEAD = 0, 1


class Question(NamedTuple):
    title: str
    text: str
    view_label: str    # the default button: cancel and select the first placeholder
    ahead_label: str   # go ahead anyway


def action_for(url: str) -> Optional[str]:
    """SAVE, EXPORT or PRINT for a guarded command URL (arguments ignored), else None."""
    return GUARDED_COMMANDS.get(url.split("?", 1)[0])


def should_ask(enabled: bool, someone_to_ask: bool, count: int) -> bool:
    """Only a user looking at a document with placeholders left is asked; a script saving
    a hidden document, or a headless conversion, goes ahead untouched."""
    return enabled and someone_to_ask and count > 0


def goes_ahead(result: int) -> bool:
    """Whether the dialog's result lets the command run."""
    return result == GO_AHEAD


def question(action: str, count: int, locale: str) -> Question:
    return Question(
        title=messages.text("guard_title", locale),
        text=messages.text("guard_question_" + action, locale, count=count),
        view_label=messages.text("guard_view_first", locale),
        ahead_label=messages.text("guard_ahead_" + action, locale),
    )


def toolkit_label(label: str) -> str:
    """``仍然保存(&S)`` as LibreOffice writes a mnemonic: ``仍然保存(~S)``."""
    return label.replace("&&", "\0").replace("&", "~").replace("\0", "&")
