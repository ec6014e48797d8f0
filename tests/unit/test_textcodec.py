"""``gongwen.textcodec.decode``: the encodings Windows and Linux editors save Chinese text in."""

from __future__ import annotations

import codecs

import pytest

from gongwen import textcodec
from gongwen.textcodec import UndecodableText, decode

TEXT = "XX县政协XXXX年工作总结\r\n一、总体情况：开展调研X次（约30%）。\r\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
])
def test_every_encoding_reads_back_the_same_text(data: bytes, encoding: str):
    assert decode(data) == (TEXT, encoding)
    assert encoding in textcodec.ENCODINGS


def test_characters_beyond_gbk_need_gb18030():
    text = "𠀋（扩展B区）与€"
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_bomless_utf16_of_mostly_ascii_text_is_recognised():
    text = "Report 2025: X items\n"
    assert decode(text.encode("utf-16-le")) == (text, "utf-16")
    assert decode(text.encode("utf-16-be")) == (text, "utf-16")


def test_ascii_and_empty_are_utf8():
    assert decode(b"") == ("", "utf-8")
    assert decode(b"XX\n") == ("XX\n", "utf-8")


def test_a_bom_is_not_text():
    assert decode(codecs.BOM_UTF8) == ("", "utf-8-sig")


def test_bytes_in_no_known_encoding_say_where():
    data = "开展".encode("gbk") + b"\x81\x20X"
    with pytest.raises(UndecodableText) as raised:
        decode(data)
    assert (raised.value.offset, raised.value.byte) == (4, 0x81)
    assert isinstance(raised.value, ValueError)
