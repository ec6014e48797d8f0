"""Plain-text files as people save them: UTF-8 (with or without BOM), UTF-16, GB18030/GBK.

Windows Notepad before 2019 saved Chinese text in the ANSI code page (GBK, which GB18030
contains); newer Notepad saves UTF-8, sometimes with a byte-order mark; "Unicode" in its
Save As dialog is UTF-16 LE with a BOM. One function decides, for ``check``, ``lint`` and
``format`` alike. Standard library only, Python 3.8 compatible.

>>> decode("公文".encode("gb18030"))
('公文', 'gb18030')
>>> decode("\\ufeff公文".encode("utf-8"))
('公文', 'utf-8-sig')
>>> decode("公文".encode("utf-16"))
('公文', 'utf-16')
>>> decode(b"plain")
('plain', 'utf-8')
"""

from __future__ import annotations

import codecs
from typing import Tuple

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
UTF16 = "utf-16"
GB18030 = "gb18030"
ENCODINGS = (UTF8, UTF8_BOM, UTF16, GB18030)


class UndecodableText(ValueError):
    """Bytes that are none of :data:`ENCODINGS`; ``offset`` is where GB18030 failed."""

    def __init__(self, offset: int, byte: int) -> None:
        super().__init__(f"byte 0x{byte:02x} at {offset}")
        self.offset = offset
        self.byte = byte


def decode(data: bytes) -> Tuple[str, str]:
    """(text, encoding): the BOM decides when there is one; else UTF-16 without BOM when a
    quarter of the bytes or more are NUL (text with ASCII in it; Notepad always writes the BOM),
    else UTF-8 if the bytes are valid UTF-8 (GBK text almost never is), else GB18030. Raises
    :class:`UndecodableText`.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode(UTF8, errors="strict"), UTF8_BOM
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode(UTF16), UTF16
    # NUL bytes are valid UTF-8 but never in text: many of them mean UTF-16 (ASCII-heavy
    # UTF-16 would otherwise pass as UTF-8 with a NUL after every letter).
    if _looks_like_bomless_utf16(data):
        little = data[1::2].count(0) > data[0::2].count(0)
        try:
            return data.decode("utf-16-le" if little else "utf-16-be"), UTF16
        except UnicodeDecodeError:
            pass  # an unpaired surrogate: not UTF-16 after all
    try:
        return data.decode(UTF8), UTF8
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(GB18030), GB18030
    except UnicodeDecodeError as error:
        raise UndecodableText(error.start, data[error.start]) from error


def _looks_like_bomless_utf16(data: bytes) -> bool:
    if len(data) < 4 or len(data) % 2:
        return False
    zeros = max(data[0::2].count(0), data[1::2].count(0))
    return zeros >= len(data) // 4
