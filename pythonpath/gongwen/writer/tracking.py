"""规范写法's text edits as tracked changes by 公文助手, in Writer.

When the document records changes (编辑 ▸ 跟踪更改 ▸ 记录) or the URL says ``?track=true``,
Format makes every 规范写法 text edit (dates, numbering, spaces, blank lines, punctuation,
the 落款 split) with recording on, so Writer keeps the old text as a deletion and the new
one as an insertion; the layout (styles, indents, the page, list labels made text, a
two-part line's tab) is made with recording off: it is what Format is for, and recorded
it would bury the author's revisions under format changes.

Why recording and not ``XRedline.makeRedline`` (which takes an author): measured on 7.4.7,
a redline made that way is not part of the undo step; Ctrl+Z took the text back and left
the deletion mark on the old text. Recorded edits are undone with the rest. Writer writes
the recording user's name from the profile (``/org.openoffice.UserProfile/Data``), read
again whenever it changes: so the name is 公文助手 while Format records, and the user's own
(restored in ``finally``) from the next keystroke on.
"""

from __future__ import annotations

from typing import Dict, Optional

from gongwen import normalize
from gongwen.writer import ui

TRACK_ARG = "track"  # ?track=true: record the edits whatever the document's setting
_PROFILE = "/org.openoffice.UserProfile/Data"
# The profile's name parts Writer joins into the author's name.
_NAME_KEYS = ("givenname", "sn")


class Tracking:
    """``with Tracking(ctx, document, asked):`` recording off for the layout; ``record()``
    around the text edits when they are to be tracked (:attr:`on`)."""

    def __init__(self, ctx, document, asked: bool, edits: bool = True) -> None:
        """``asked``: ?track=true; ``edits``: 规范写法 was asked for (else nothing is
        tracked, and the profile is left alone)."""
        self.ctx = ctx
        self.document = document
        self.recording = bool(document.getPropertyValue("RecordChanges"))
        self.on = (asked or self.recording) and edits
        self._profile = None
        self._name: Dict[str, str] = {}
        self._recording_now = self.recording

    def __enter__(self) -> Tracking:
        self._set_recording(False)
        if self.on:
            self._author(normalize.REVISION_AUTHOR)
        return self

    def __exit__(self, error_type, error, traceback) -> bool:
        try:
            self._set_recording(self.recording)
        finally:
            self._restore_author()
        return False

    def record(self, on: bool) -> None:
        """Recording on (only when tracking) or off."""
        self._set_recording(on and self.on)

    def _set_recording(self, on: bool) -> None:
        if on != self._recording_now:
            self.document.setPropertyValue("RecordChanges", on)
            self._recording_now = on

    def _author(self, name: str) -> None:
        profile = _profile(self.ctx)
        self._name = {key: profile.getPropertyValue(key) for key in _NAME_KEYS}
        self._profile = profile
        profile.setPropertyValue("givenname", name)
        profile.setPropertyValue("sn", "")
        profile.commitChanges()

    def _restore_author(self) -> None:
        if self._profile is None:
            return
        for key, value in self._name.items():
            self._profile.setPropertyValue(key, value)
        self._profile.commitChanges()
        self._profile = None


def asked(args: Dict[str, str]) -> bool:
    return args.get(TRACK_ARG, "").strip().lower() in ("true", "1", "yes")


def _profile(ctx) -> Optional[object]:
    return ui.configuration(ctx, _PROFILE, update=True)
