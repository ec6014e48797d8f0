"""版式预设: the numbers a 公文 layout is made from, as JSON files a user can write.

A preset file gives only what differs from GB/T 9704 (or from the preset it ``extends``);
:func:`resolve` fills every other key from :mod:`gongwen.spec`, so GB/T 9704 has one source
of truth and the built-in ``gbt9704.json`` holds no numbers at all. The resolved data::

    {"page": {"width_mm": 210, "height_mm": 297, "top_mm": 37, "bottom_mm": 35,
              "left_mm": 28, "right_mm": 26, "lines": 22, "chars_per_line": 28,
              "line_spacing": "grid" | {"fixed_pt": 28.0}},
     "page_number": {"format": "— {n} —", "position": "outside" | "center" | "right",
                     "size_pt": 14.0, "font": "宋体", "below_mm": 7.0},
     "fonts": {"latin": "Times New Roman"},
     "roles": {role: {"font": "仿宋_GB2312", "size_pt": 16.0, "bold": false}, …},
     "seal": "none" | "stamp" | "signature"}

``seal`` is how the 落款 is laid out (GB/T 9704 §7.3.5): ``none`` without a seal (§7.3.5.2),
``stamp`` for a document that carries the agency's seal (§7.3.5.1), ``signature`` for one
with the 签发人签名章 (§7.3.5.3).

A preset's name is its file's name without ``.json``; ``name`` inside a file is for the
reader (and names a preset kept without a file, such as the copy in a document).

``roles`` has one entry per ``spec.Role.ALL`` role that has a ``spec.PARAGRAPH_STYLES``
entry, ``blank`` excepted. In a file, a size is ``"size"`` (a 字号 name such as ``"三号"`` or
points) or ``"size_pt"`` (points), so what ``presets show`` prints is itself a valid file.

Where presets come from: the built-ins beside this module (``presets/NAME.json``), the
user's folder (:func:`user_presets_dir`, ``~/.config/gongwen/presets`` on Linux), or a path
to a ``.json`` file. A built-in name wins over a user file of the same name. The user's
remembered choice (Writer's 版式 menu) lives in the LibreOffice profile
(``gongwen.writer.presets``); the CLI never reads it.

Standard library only, Python 3.8 (this module also runs inside LibreOffice).
"""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, NamedTuple, Optional

from gongwen import messages, spec

DEFAULT = "gbt9704"
BUILTIN_DIR = Path(__file__).resolve().parent / "presets"
BUILTIN_SOURCE = "built-in"
APP_NAME = "gongwen"

GRID = "grid"
FIXED_PT = "fixed_pt"
POSITIONS = ("outside", "center", "right")
PAGE_NUMBER_SLOT = "{n}"
# Keys a file may hold at the top besides the four sections.
HEADER_KEYS = ("name", "description", "extends")
SEAL_KEY = "seal"  # the 落款: spec.SEALS

Data = Dict[str, Any]


class PresetError(Exception):
    """A preset that cannot be used: one line naming the file, the key path and what is
    allowed. ``text(locale)`` gives it in the user's language; ``str()`` in Chinese."""

    def __init__(self, where: str, message_key: str, **values: Any) -> None:
        super().__init__(where, message_key)
        self.where = where
        self.message_key = message_key
        self.values = values

    def text(self, locale: str = "zh-CN") -> str:
        values = {name: value.text(locale) if isinstance(value, Localised) else value
                  for name, value in self.values.items()}
        problem = messages.text(self.message_key, locale, **values)
        return messages.text("preset_error", locale, where=self.where, problem=problem) \
            if self.where else problem

    def __str__(self) -> str:
        return self.text()


class Localised(NamedTuple):
    """A message key standing in a value of another message, localised with it."""

    key: str

    def text(self, locale: str) -> str:
        return messages.text(self.key, locale)


class Preset(NamedTuple):
    name: str
    description: str
    source: str   # the file's path, or BUILTIN_SOURCE
    ref: str      # what selects it again: the name (built-in, user folder) or the file's path
    data: Data    # complete and validated, in the shape of the module docstring

    @property
    def builtin(self) -> bool:
        return self.source == BUILTIN_SOURCE

    def to_json(self, indent: Optional[int] = None) -> str:
        """The preset as a file that needs nothing else (no ``extends``)."""
        whole = {"name": self.name, "description": self.description}
        whole.update(self.data)
        return json.dumps(whole, ensure_ascii=False, indent=indent)


class PresetInfo(NamedTuple):
    name: str
    source: str
    description: str
    problem: Optional[PresetError] = None  # set when the file is not a usable preset


# --- where presets live -----------------------------------------------------------------------

def config_dir() -> Path:
    """The user's gongwen configuration folder, by platformdirs' rule written out (the core
    is standard library only; LibreOffice's Python has no platformdirs)."""
    return _config_base() / APP_NAME


def _config_base() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    xdg = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(xdg) if xdg.strip() else Path.home() / ".config"


def user_presets_dir() -> Path:
    return config_dir() / "presets"


def is_path_ref(ref: str) -> bool:
    """A file's path rather than a name: ends in .json or names a folder."""
    return ref.lower().endswith(".json") or "/" in ref or "\\" in ref


# --- resolving ------------------------------------------------------------------------------------

def resolve(ref: Optional[str] = None, user_dir: Optional[Path] = None) -> Preset:
    """The preset ``ref`` names (a built-in or user preset's name, or a .json file's path;
    None: the default), resolved through its ``extends`` chain and validated."""
    return _Resolver(user_dir).preset(ref or DEFAULT)


def from_json(text: str, source: str, user_dir: Optional[Path] = None) -> Preset:
    """A preset from the text of a file that is kept elsewhere (``Preset.to_json()`` stored
    in a document); ``source`` says where, for messages. Its ``extends`` resolves as a
    name's would."""
    resolver = _Resolver(user_dir)
    return resolver.finish(resolver.parse(text, source), source, source, source, [])


def available(user_dir: Optional[Path] = None) -> List[PresetInfo]:
    """The built-ins (the default first) and then the user's presets, by name. A user file
    that is not a usable preset is listed with its problem."""
    folder = user_dir if user_dir is not None else user_presets_dir()
    return [_info(name, user_dir) for name in builtin_names()] + \
        [_info(name, user_dir, folder / f"{name}.json") for name in user_names(folder)]


def builtin_names() -> List[str]:
    names = sorted(path.stem for path in BUILTIN_DIR.glob("*.json"))
    return sorted(names, key=lambda name: name != DEFAULT)


def user_names(user_dir: Optional[Path] = None) -> List[str]:
    """The user's presets by name (a built-in's name is the built-in's)."""
    folder = user_dir if user_dir is not None else user_presets_dir()
    if not folder.is_dir():
        return []
    return sorted(path.stem for path in folder.glob("*.json")
                  if path.is_file() and path.stem not in builtin_names())


def _info(name: str, user_dir: Optional[Path], path: Optional[Path] = None) -> PresetInfo:
    source = str(path) if path else BUILTIN_SOURCE
    try:
        preset = resolve(name, user_dir)
    except PresetError as error:
        return PresetInfo(name, source, "", error)
    return PresetInfo(preset.name, source, preset.description)


class _Resolver:
    def __init__(self, user_dir: Optional[Path]) -> None:
        self.user_dir = user_dir if user_dir is not None else user_presets_dir()

    def preset(self, ref: str, relative_to: Optional[Path] = None,
               chain: Optional[List[Path]] = None, referrer: str = "") -> Preset:
        path, source, stored_ref = self.locate(ref, relative_to, referrer)
        chain = list(chain or [])
        if path in chain:
            names = " → ".join(p.stem for p in chain + [path])
            raise PresetError(f"{chain[-1]}: extends", "preset_cycle", chain=names)
        where = path.name if source == BUILTIN_SOURCE else str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            detail = getattr(error, "strerror", None) or error
            raise PresetError(where, "preset_cannot_read", error=detail) from error
        return self.finish(self.parse(text, where), where, source, stored_ref,
                           chain + [path], path.stem, path.parent)

    def locate(self, ref: str, relative_to: Optional[Path], referrer: str = ""):
        """(file, source, the ref that selects it again); ``referrer`` is where ``ref`` was
        written (a file's ``extends``), for the message when nothing has that name."""
        if is_path_ref(ref):
            path = Path(ref).expanduser()
            if not path.is_absolute() and relative_to is not None:
                path = relative_to / path
            path = Path(os.path.abspath(str(path)))
            return path, str(path), str(path)
        builtin = BUILTIN_DIR / f"{ref}.json"
        if builtin.is_file():
            return builtin, BUILTIN_SOURCE, ref
        user = self.user_dir / f"{ref}.json"
        if ref.strip() and user.is_file():
            return user, str(user), ref
        names = ", ".join(builtin_names() + user_names(self.user_dir))
        raise PresetError(referrer, "preset_unknown", name=ref, names=names)

    @staticmethod
    def parse(text: str, where: str) -> Data:
        try:
            raw = json.loads(text)
        except ValueError as error:
            line, column = getattr(error, "lineno", 1), getattr(error, "colno", 1)
            reason = getattr(error, "msg", str(error))
            raise PresetError(where, "preset_bad_json", line=line, column=column,
                              error=reason) from error
        return _checked_file(raw, where)

    def finish(self, checked: Data, where: str, source: str, stored_ref: str,
               chain: List[Path], stem: str = "", folder: Optional[Path] = None) -> Preset:
        parent_ref = checked.pop("extends", None)
        header = {key: checked.pop(key) for key in ("name", "description") if key in checked}
        parent = self.preset(parent_ref, folder, chain, _at(where, "extends")) \
            if parent_ref is not None else None
        data = _merged(parent.data if parent else standard_data(), checked)
        _check_type_area(data, where)
        # The file's name selects it, so it is the preset's name; a "name" inside (left over
        # from a copy of ``presets show``) only names a preset that has no file.
        name = stem or header.get("name") or stored_ref
        description = header.get("description", parent.description if parent else "")
        return Preset(name, description, source, stored_ref, data)


def standard_data() -> Data:
    """GB/T 9704 as :mod:`gongwen.spec` gives it, in the resolved shape."""
    page = spec.PAGE
    return {
        "page": {"width_mm": page.width, "height_mm": page.height, "top_mm": page.top,
                 "bottom_mm": page.bottom, "left_mm": page.left, "right_mm": page.right,
                 "lines": page.lines, "chars_per_line": page.chars_per_line,
                 "line_spacing": GRID},
        "page_number": {"format": spec.PAGE_NUMBER_FORMAT.replace("{}", PAGE_NUMBER_SLOT),
                        "position": POSITIONS[0], "size_pt": float(page.page_number_size_pt),
                        "font": spec.PAGE_NUMBER_FONT, "below_mm": float(page.page_number_gap)},
        "fonts": {"latin": spec.LATIN_FONT},
        "roles": {role: {"font": spec.PARAGRAPH_STYLES[role].font.name,
                         "size_pt": float(spec.PARAGRAPH_STYLES[role].size_pt),
                         "bold": spec.PARAGRAPH_STYLES[role].bold}
                  for role in role_keys()},
        SEAL_KEY: spec.SEAL_NONE,
    }


def role_keys() -> List[str]:
    """The roles a preset may style: every styled role but the empty paragraph."""
    return [role for role in spec.Role.ALL
            if role != spec.Role.BLANK and role in spec.PARAGRAPH_STYLES]


def _merged(base: Data, override: Data) -> Data:
    result = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


# --- validation: each leaf checker returns the value in its resolved form -------------------

Checker = Callable[[Any, str, str], Any]


def _given(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _wrong(where: str, path: str, value: Any, expected: str) -> PresetError:
    return PresetError(_at(where, path), "preset_wrong_type", expected=Localised(expected),
                       given=_given(value))


def _at(where: str, path: str) -> str:
    return ": ".join(part for part in (where, path) if part)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _text(value: Any, where: str, path: str) -> str:
    if not isinstance(value, str):
        raise _wrong(where, path, value, "preset_expect_text")
    return value


def _font(value: Any, where: str, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _wrong(where, path, value, "preset_expect_font")
    return value.strip()


def _bool(value: Any, where: str, path: str) -> bool:
    if not isinstance(value, bool):
        raise _wrong(where, path, value, "preset_expect_bool")
    return value


def _margin_mm(value: Any, where: str, path: str) -> float:
    if not _is_number(value) or value < 0:
        raise _wrong(where, path, value, "preset_expect_mm")
    return float(value)


def _paper_mm(value: Any, where: str, path: str) -> float:
    if not _is_number(value) or value <= 0:
        raise _wrong(where, path, value, "preset_expect_paper_mm")
    return float(value)


def _count(value: Any, where: str, path: str) -> int:
    if not _is_number(value) or value != int(value) or value < 1:
        raise _wrong(where, path, value, "preset_expect_count")
    return int(value)


def _points(value: Any, where: str, path: str) -> float:
    if not _is_number(value) or value <= 0:
        raise _wrong(where, path, value, "preset_expect_points")
    return float(value)


def _size(value: Any, where: str, path: str) -> float:
    if isinstance(value, str) and value.strip() in spec.FONT_SIZES_PT:
        return float(spec.FONT_SIZES_PT[value.strip()])
    if _is_number(value) and value > 0:
        return float(value)
    raise PresetError(_at(where, path), "preset_bad_size", given=_given(value),
                      names="、".join(spec.FONT_SIZES_PT))


def _position(value: Any, where: str, path: str) -> str:
    if value not in POSITIONS:
        raise PresetError(_at(where, path), "preset_bad_position", given=_given(value))
    return value


def _seal(value: Any, where: str, path: str) -> str:
    if value not in spec.SEALS:
        raise PresetError(_at(where, path), "preset_bad_seal", given=_given(value))
    return value


def _number_format(value: Any, where: str, path: str) -> str:
    if not isinstance(value, str) or value.count(PAGE_NUMBER_SLOT) != 1:
        raise PresetError(_at(where, path), "preset_bad_format", given=_given(value))
    return value


def _line_spacing(value: Any, where: str, path: str) -> Any:
    if value == GRID:
        return GRID
    if isinstance(value, dict) and set(value) == {FIXED_PT} and _is_number(value[FIXED_PT]) \
            and value[FIXED_PT] > 0:
        return {FIXED_PT: float(value[FIXED_PT])}
    raise PresetError(_at(where, path), "preset_bad_line_spacing", given=_given(value))


_PAGE: Dict[str, Checker] = {
    "width_mm": _paper_mm, "height_mm": _paper_mm, "top_mm": _margin_mm,
    "bottom_mm": _margin_mm, "left_mm": _margin_mm, "right_mm": _margin_mm,
    "lines": _count, "chars_per_line": _count, "line_spacing": _line_spacing,
}
_PAGE_NUMBER: Dict[str, Checker] = {
    "format": _number_format, "position": _position, "size": _size, "size_pt": _points,
    "font": _font, "below_mm": _margin_mm,
}
_FONTS: Dict[str, Checker] = {"latin": _font}
_ROLE: Dict[str, Checker] = {"font": _font, "size": _size, "size_pt": _points, "bold": _bool}
_HEADER: Dict[str, Checker] = {"name": _text, "description": _text, "extends": _text}


def _checked_file(raw: Any, where: str) -> Data:
    """The file's keys, each checked, sizes in points (``size`` becomes ``size_pt``)."""
    sections = {"page": _PAGE, "page_number": _PAGE_NUMBER, "fonts": _FONTS}
    top = _object(raw, where, "", list(_HEADER) + list(sections) + ["roles", SEAL_KEY])
    result: Data = {}
    for key, value in top.items():
        if key in _HEADER:
            result[key] = _HEADER[key](value, where, key)
        elif key == SEAL_KEY:
            result[key] = _seal(value, where, key)
        elif key == "roles":
            roles = _object(value, where, key, role_keys())
            result[key] = {role: _section(style, where, f"roles.{role}", _ROLE)
                           for role, style in roles.items()}
        else:
            result[key] = _section(value, where, key, sections[key])
    return result


def _object(value: Any, where: str, path: str, allowed: List[str]) -> Dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong(where, path, value, "preset_expect_object")
    for key in value:
        if key not in allowed:
            full = f"{path}.{key}" if path else key
            raise PresetError(_at(where, full), "preset_unknown_key", name=key,
                              allowed=", ".join(allowed))
    return value


def _section(value: Any, where: str, path: str, checkers: Dict[str, Checker]) -> Data:
    checked: Data = {}
    for key, item in _object(value, where, path, list(checkers)).items():
        checked[key] = checkers[key](item, where, f"{path}.{key}")
    if "size" in checked:
        if "size_pt" in checked:
            raise PresetError(_at(where, f"{path}.size"), "preset_size_twice")
        checked["size_pt"] = checked.pop("size")
    return checked


def _check_type_area(data: Data, where: str) -> None:
    """The margins must leave room for one character across and one line down."""
    page = data["page"]
    body_mm = data["roles"][spec.Role.BODY]["size_pt"] * spec.MM_PER_PT \
        if spec.Role.BODY in data["roles"] else 0.0
    spacing = page["line_spacing"]
    line_mm = spacing[FIXED_PT] * spec.MM_PER_PT if isinstance(spacing, dict) else body_mm
    width = page["width_mm"] - page["left_mm"] - page["right_mm"]
    height = page["height_mm"] - page["top_mm"] - page["bottom_mm"]
    if width < max(body_mm, 1e-6):
        raise PresetError(_at(where, "page"), "preset_no_type_width",
                          width=_mm(page["width_mm"]), left=_mm(page["left_mm"]),
                          right=_mm(page["right_mm"]), need=_mm(body_mm))
    if height < max(line_mm, 1e-6):
        raise PresetError(_at(where, "page"), "preset_no_type_height",
                          height=_mm(page["height_mm"]), top=_mm(page["top_mm"]),
                          bottom=_mm(page["bottom_mm"]), need=_mm(line_mm))


def _mm(value: float) -> str:
    """210.0 -> "210", 5.644 -> "5.6": as a person would write it."""
    return f"{round(value, 1):g}"


