"""Every sentence the product shows a user, in zh-CN and en-US.

Keys are stable; ``text(key, locale, **values)`` picks the language by the
LibreOffice UI locale (anything not English gets Chinese, the users' language).
"""

from __future__ import annotations

from typing import Dict

MESSAGES: Dict[str, Dict[str, str]] = {
    "not_text_document": {
        "zh": "公文助手只能用于 Writer 文本文档。",
        "en": "Gongwen Assistant works on Writer text documents only.",
    },
    "read_only": {
        "zh": "文档为只读，未作任何修改。请先“编辑文档”或另存后再试。",
        "en": "The document is read-only; nothing was changed.",
    },
    "not_implemented": {
        "zh": "“{command}”功能尚在开发中。",
        "en": "“{command}” is not available yet.",
    },
    "internal_error": {
        "zh": "公文助手出错：{error}",
        "en": "Gongwen Assistant failed: {error}",
    },
}


def language(locale: str) -> str:
    return "en" if locale.lower().startswith("en") else "zh"


def text(key: str, locale: str = "zh-CN", **values: object) -> str:
    return MESSAGES[key][language(locale)].format(**values)
