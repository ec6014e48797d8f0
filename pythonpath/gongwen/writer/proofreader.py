"""边写边查 in Writer: the grammar checker (``com.sun.star.linguistic2.Proofreader``) and its
switch, 公文助手 ▸ 输入时检查.

Writer's GrammarCheckingIterator calls :meth:`Proofreader.doProofreading` on its own
thread, one paragraph's text at a time, whenever automatic checking is on. That call only
turns :func:`gongwen.proofing.proofread` into UNO structs: it never reaches into a
document, a frame or the configuration (a deadlock between the SolarMutex and Python's
lock was seen when a background call did; see docs/LO_NOTES.md). It never edits either:
Writer draws the marks, and a suggestion replaces text only when the user picks it.

The switch is ``/org.gongwen.writer.Settings/Proofing/Enabled`` (extension/Settings.xcs, on
by default). The checking thread reads a copy kept in this module, which the main thread
sets: the job and the ProtocolHandler read it when a Writer window opens
(:func:`remember_setting`), the menu command writes it. Turning it off makes the checker
answer nothing, and a ``PROOFREAD_AGAIN`` event (the way a checker says its options
changed) has Writer check every paragraph again, which takes the marks away; LibreOffice's
own checkers are not touched.
"""

from __future__ import annotations

import re
import sys
import threading
import traceback
import weakref
from typing import Optional

import uno
import unohelper
from com.sun.star.lang import Locale, XServiceDisplayName, XServiceInfo, XServiceName
from com.sun.star.linguistic2 import XLinguServiceEventBroadcaster, XProofreader, XSupportedLocales
from com.sun.star.linguistic2.LinguServiceEventFlags import PROOFREAD_AGAIN
from com.sun.star.text.TextMarkupType import PROOFREADING

from gongwen import messages
from gongwen.writer import ui
from gongwen.writer.commands import Invocation, Outcome

IMPLEMENTATION_NAME = "org.gongwen.writer.Proofreader"
SERVICE_NAMES = ("com.sun.star.linguistic2.Proofreader",)
# Writer asks the checker of the language of a paragraph's first character, and gives a
# digit, an ASCII bracket or an X the Western language (en-US in a Chinese install,
# measured): "(一)加强学习", "1、读原著", "2021.12.31", "XX县XX局" would never reach a
# zh-CN-only checker. So it is en-US's checker too; in a paragraph without Chinese
# characters it marks only placeholders and a date line. Linguistic.xcu registers both.
LOCALES = (("zh", "CN"), ("en", "US"))
# The comments speak the language of the text they are about (the contract: Chinese).
COMMENT_LOCALE = "zh-CN"
_HAN = re.compile("[\u3400-\u4DBF\u4E00-\u9FFF\U00020000-\U0003134F]")

SETTINGS = "/org.gongwen.writer.Settings/Proofing"
ENABLED = "Enabled"

# The switch as the checking thread sees it; None until the main thread has read it.
_enabled: Optional[bool] = None
# Live checkers (Writer's iterator keeps one; the service manager makes more when it lists
# the available ones), to tell their listeners when the switch moves.
_instances: weakref.WeakSet = weakref.WeakSet()
_lock = threading.Lock()


# ---- the switch ----------------------------------------------------------------------

def is_enabled(ctx) -> bool:
    """The user's setting (read on the main thread); on when it cannot be read."""
    global _enabled
    try:
        _enabled = bool(ui.configuration(ctx, SETTINGS).getPropertyValue(ENABLED))
    except Exception:
        traceback.print_exc(file=sys.stderr)
        _enabled = True
    return _enabled


def remember_setting(ctx) -> None:
    """Gives the checking thread its copy of the switch (called on the main thread when a
    Writer window opens, before Writer starts checking it)."""
    if _enabled is None:
        is_enabled(ctx)


def set_enabled(ctx, enabled: bool) -> None:
    global _enabled
    node = ui.configuration(ctx, SETTINGS, update=True)
    node.setPropertyValue(ENABLED, bool(enabled))
    node.commitChanges()
    ui.flush_configuration(ctx)
    _enabled = bool(enabled)
    check_again()


def toggle_proofreading(invocation: Invocation) -> Outcome:
    enabled = not is_enabled(invocation.ctx)
    set_enabled(invocation.ctx, enabled)
    ui.set_status(invocation.frame, messages.text(
        "proof_switched_on" if enabled else "proof_switched_off", invocation.locale))
    return Outcome(True, "")


def proofreading_state(ctx) -> bool:
    """The menu entry's check mark."""
    return is_enabled(ctx)


def check_again() -> None:
    """Has Writer check every paragraph of every document again (marks come or go)."""
    with _lock:
        instances = list(_instances)
    for instance in instances:
        instance.tell_listeners(PROOFREAD_AGAIN)




# ---- the checker -----------------------------------------------------------------------

class Proofreader(unohelper.Base, XProofreader, XSupportedLocales, XServiceInfo, XServiceName,
                  XServiceDisplayName, XLinguServiceEventBroadcaster):
    """The grammar checker Writer calls for zh-CN paragraphs (and en-US ones, see LOCALES)."""

    def __init__(self, ctx, *args) -> None:
        self.ctx = ctx
        self.ignored: set = set()  # rule identifiers (codes) the user chose to ignore
        self.listeners: list = []
        self.locales = tuple(Locale(language, country, "") for language, country in LOCALES)
        with _lock:
            _instances.add(self)

    # XServiceInfo, XServiceName, XServiceDisplayName
    def getImplementationName(self) -> str:
        return IMPLEMENTATION_NAME

    def supportsService(self, name: str) -> bool:
        return name in SERVICE_NAMES

    def getSupportedServiceNames(self):
        return SERVICE_NAMES

    def getServiceName(self) -> str:
        return IMPLEMENTATION_NAME

    def getServiceDisplayName(self, locale) -> str:
        return messages.text("proof_service_name", _bcp47(locale))  # the UI's language

    # XSupportedLocales
    def getLocales(self):
        return self.locales

    def hasLocale(self, locale) -> bool:
        return any(locale.Language == language and locale.Country in (country, "")
                   for language, country in LOCALES)

    # XProofreader
    def isSpellChecker(self) -> bool:
        return False

    def doProofreading(self, document_id, text, locale, start, suggested_end, properties):
        """The rest of the paragraph from ``start`` is one "sentence": the findings need no
        sentence bounds, and Writer asks once a paragraph. It asks from a later start when
        another checker (an English one configured before ours) took the paragraph's first
        sentence: then the findings from there on."""
        # Imported here, on the checking thread, the first time: the core's rules take a
        # quarter of a second to load, which the toolbar's first window should not wait for
        # (this module comes with gongwen_handler.py).
        from gongwen import proofing

        result = uno.createUnoStruct("com.sun.star.linguistic2.ProofreadingResult")
        result.aDocumentIdentifier = document_id
        result.aText = text
        result.aLocale = locale
        result.xProofreader = self
        length = proofing.utf16_length(text)
        result.nStartOfSentencePosition = start
        result.nBehindEndOfSentencePosition = length
        result.nStartOfNextSentencePosition = length
        if not _enabled_now(self.ctx):
            return result
        ignored = set(self.ignored)
        if locale.Language != "zh" and not _HAN.search(text):
            # Western text: what 检查占位符 counts in it ("{{ date }}", a lone "XXXX") and a
            # date line ("2021.12.31"); no Chinese punctuation or heading numbers in it
            ignored = {proofing.PUNCTUATION, proofing.NUMBERING} | ignored
        try:
            result.aErrors = tuple(error for error in _errors(text, COMMENT_LOCALE, ignored)
                                   if error.nErrorStart >= start)
        except Exception:  # a checker's bug must not stop Writer's checking
            traceback.print_exc(file=sys.stderr)
        return result

    def ignoreRule(self, rule, locale) -> None:
        self.ignored.add(rule)

    def resetIgnoreRules(self) -> None:
        self.ignored.clear()

    # XLinguServiceEventBroadcaster: Writer's checking iterator listens here.
    def addLinguServiceEventListener(self, listener) -> bool:
        if listener is None or listener in self.listeners:
            return False
        self.listeners.append(listener)
        return True

    def removeLinguServiceEventListener(self, listener) -> bool:
        if listener not in self.listeners:
            return False
        self.listeners.remove(listener)
        return True

    def tell_listeners(self, flags: int) -> None:
        event = uno.createUnoStruct("com.sun.star.linguistic2.LinguServiceEvent")
        event.Source = self
        event.nEvent = flags
        for listener in list(self.listeners):
            try:
                listener.processLinguServiceEvent(event)
            except Exception:  # a listener gone with its document
                traceback.print_exc(file=sys.stderr)


def _enabled_now(ctx) -> bool:
    """The switch on the checking thread: the main thread's copy; read once here only if
    no window has opened yet (configuration access needs no document and no SolarMutex)."""
    return _enabled if _enabled is not None else is_enabled(ctx)


def _errors(text: str, locale: str, ignored) -> tuple:
    from gongwen import proofing

    findings = proofing.proofread(text, locale, ignored)
    errors = []
    for finding, (start, length) in zip(findings, proofing.utf16_ranges(text, findings)):
        error = uno.createUnoStruct("com.sun.star.linguistic2.SingleProofreadingError")
        error.nErrorStart = start
        error.nErrorLength = length
        error.nErrorType = PROOFREADING
        error.aRuleIdentifier = finding.code
        error.aShortComment = finding.short
        error.aFullComment = finding.full
        error.aSuggestions = finding.suggestions
        errors.append(error)
    return tuple(errors)


def _bcp47(locale) -> str:
    if locale is None or not locale.Language:
        return "zh-CN"
    return locale.Language + ("-" + locale.Country if locale.Country else "")
