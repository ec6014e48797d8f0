"""述职/总结 scaffolds: one JSON file per report type, and the loader that reads them.

A scaffold file ``<key>.json`` sits beside this module; its file name is the type's key
(a contract: ``personal``, ``leadership``, ``integrity``, ``party-building``,
``annual-summary``). Adding a type means adding one file. The file holds::

    {
      "name": "个人述职报告",              # shown to the user
      "description": "…",                  # one line for the dialog / ``types --json``
      "order": 1,                          # optional: position in lists (else after, by key)
      "fields": {"recipient": {"label": "主送机关", "blank": "XX"}},   # optional, extra fields
      "paragraphs": [{"role": "title", "text": "{year}年度个人述职报告"}, …]
    }

``role`` is one of ``gongwen.spec.Role.ALL``. A ``{field}`` in a text is a named blank:
``render`` puts the given value there, or the field's X-form (``XXXX``, ``XX单位`` …) when no
value is given, so the placeholder check still finds it. Every other ``X`` in the text is a
plain blank for the author to fill in Writer. The common fields are in ``FIELDS``; a scaffold
may declare more in ``"fields"``, or give a common one its own blank there (a 通知's ``org``
blank is ``XX县人民政府``, an agency the classifier reads as one in the 版头). One field fills
every place it belongs: ``org`` the 发文机关标志, the title and the 署名; ``office`` (the
印发机关), when not given, is the org's 办公室 (:func:`office_of`).

The date line is the field ``date`` (``XXXX年XX月XX日`` until given): ``year`` never fills
it, because a report on a year is usually signed in the next one.

Standard library only, Python 3.8 (this module also runs inside LibreOffice).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Tuple, Union

from gongwen import messages
from gongwen.dates import format_date, normalize_date
from gongwen.messages import MessageError
from gongwen.spec import Role

SCAFFOLD_DIR = Path(__file__).resolve().parent

# ``{name}`` in a scaffold text: a named blank.
FIELD_PATTERN = re.compile(r"\{([a-z][a-z0-9_]*)\}")
# Anything Jinja would read as markup must not appear in scaffold text (docxtpl templates).
_JINJA_MARKUP = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


class Field(NamedTuple):
    """A named blank: ``kind`` says how a given value is checked (year / date / text)."""

    name: str
    label: str
    blank: str
    kind: str = "text"


FIELDS: Dict[str, Field] = {
    field.name: field
    for field in (
        Field("year", "年度", "XXXX", "year"),
        Field("org", "单位", "XX单位"),
        Field("name", "姓名", "XXX"),
        Field("position", "职务", "XX职务"),
        Field("date", "成文日期", "XXXX年XX月XX日", "date"),
        # 印发机关 (GB/T 9704 §7.4.3: 一般应当是各级党政机关的办公厅（室）): when not given,
        # the office of the 单位 (:func:`office_of`), so one 单位 fills the 版记 too.
        Field("office", "印发机关", "XX单位办公室"),
    )
}
# Fields whose value, when not given, follows from another field's: name → that field.
_DERIVED = {"office": "org"}
_OFFICE_SUFFIXES = ("办公室", "办公厅")


def office_of(org: str) -> str:
    """The 印发机关 of a 单位: its 办公室 (县人民政府 → 县人民政府办公室); an office itself
    prints its own documents."""
    return org if org.endswith(_OFFICE_SUFFIXES) else org + "办公室"


class ScaffoldParagraph(NamedTuple):
    role: str
    text: str


class Scaffold(NamedTuple):
    key: str
    name: str
    description: str
    paragraphs: Tuple[ScaffoldParagraph, ...]
    # Extra fields declared by this scaffold (the common ones are in FIELDS).
    extra_fields: Tuple[Field, ...] = ()
    order: Optional[int] = None

    def section_titles(self) -> List[str]:
        return section_titles(self)

    def fields(self) -> Dict[str, Field]:
        """Every field a value may be given for: the common ones and this scaffold's own."""
        known = dict(FIELDS)
        known.update((field.name, field) for field in self.extra_fields)
        return known

    def used_fields(self) -> List[str]:
        """The fields that appear in this scaffold's texts, in order of first use."""
        seen: List[str] = []
        for paragraph in self.paragraphs:
            for name in FIELD_PATTERN.findall(paragraph.text):
                if name not in seen:
                    seen.append(name)
        return seen


class ScaffoldError(MessageError):
    """A scaffold file that cannot be used (bad JSON, unknown role, unknown field …)."""


class UnknownScaffold(KeyError):
    """No scaffold with this key; the message names the known keys."""

    def __init__(self, key: str, known: List[str]) -> None:
        super().__init__(key)
        self.key = key
        self.known = known

    def text(self, locale: str = "zh-CN") -> str:
        return messages.text("scaffold_unknown_key", locale, given=self.key,
                             known=", ".join(self.known))

    def __str__(self) -> str:
        return self.text("en-US")


class InvalidValue(MessageError):
    """A value given for a field that cannot go into the scaffold (unknown field, bad year …)."""


# --- loading ---------------------------------------------------------------------------


def _scaffold_files(directory: Optional[Union[str, Path]]) -> List[Path]:
    folder = Path(directory) if directory is not None else SCAFFOLD_DIR
    return sorted(folder.glob("*.json"))


def _sort_key(scaffold: Scaffold) -> Tuple[int, int, str]:
    # Ordered types first (by "order"), then the rest by key.
    if scaffold.order is None:
        return (1, 0, scaffold.key)
    return (0, scaffold.order, scaffold.key)


def _parse_fields(data: Any, source: Path) -> Tuple[Field, ...]:
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise ScaffoldError("scaffold_file_fields", file=source.name)
    fields = []
    for name, spec in data.items():
        if not FIELD_PATTERN.fullmatch("{" + str(name) + "}"):
            raise ScaffoldError("scaffold_file_field_name", file=source.name, name=name)
        if not isinstance(spec, dict) or not isinstance(spec.get("blank"), str):
            raise ScaffoldError("scaffold_file_field_blank", file=source.name, name=name)
        kind = spec.get("kind", "text")
        if kind not in ("text", "year", "date"):
            raise ScaffoldError("scaffold_file_field_kind", file=source.name, name=name,
                                kind=kind)
        fields.append(Field(name, str(spec.get("label", name)), spec["blank"], kind))
    return tuple(fields)


def _parse_paragraphs(data: Any, known_fields: Mapping[str, Field],
                      source: Path) -> Tuple[ScaffoldParagraph, ...]:
    if not isinstance(data, list) or not data:
        raise ScaffoldError("scaffold_file_paragraphs", file=source.name)
    paragraphs = []
    for number, item in enumerate(data, 1):
        where = f"{source.name}: paragraph {number}"
        if not isinstance(item, dict):
            raise ScaffoldError("scaffold_file_paragraph", where=where)
        role, text = item.get("role"), item.get("text", "")
        if role not in Role.ALL:
            raise ScaffoldError("scaffold_file_role", where=where, role=role)
        if not isinstance(text, str) or (not text and role != Role.BLANK):
            raise ScaffoldError("scaffold_file_text", where=where)
        if _JINJA_MARKUP.search(text):
            raise ScaffoldError("scaffold_file_markup", where=where)
        for name in FIELD_PATTERN.findall(text):
            if name not in known_fields:
                raise ScaffoldError("scaffold_file_undeclared", where=where, name=name)
        leftover = FIELD_PATTERN.sub("", text)
        if "{" in leftover or "}" in leftover:
            raise ScaffoldError("scaffold_file_brace", where=where)
        paragraphs.append(ScaffoldParagraph(role, text))
    return tuple(paragraphs)


def read_scaffold_file(path: Union[str, Path]) -> Scaffold:
    """Read and check one scaffold file; its key is the file name without ``.json``."""
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ScaffoldError("scaffold_file_json", file=source.name, error=error) from error
    if not isinstance(data, dict):
        raise ScaffoldError("scaffold_file_object", file=source.name)
    name = data.get("name")
    if not isinstance(name, str) or not name:
        raise ScaffoldError("scaffold_file_name", file=source.name)
    order = data.get("order")
    if order is not None and (not isinstance(order, int) or isinstance(order, bool)):
        raise ScaffoldError("scaffold_file_order", file=source.name)
    extra = _parse_fields(data.get("fields"), source)
    known = dict(FIELDS)
    known.update((field.name, field) for field in extra)
    paragraphs = _parse_paragraphs(data.get("paragraphs"), known, source)
    return Scaffold(source.stem, name, str(data.get("description", "")), paragraphs,
                    extra, order)


def load_all(directory: Optional[Union[str, Path]] = None) -> List[Scaffold]:
    """Every scaffold in ``directory`` (default: the shipped ones), in list order."""
    return sorted((read_scaffold_file(path) for path in _scaffold_files(directory)),
                  key=_sort_key)


def scaffold_types(directory: Optional[Union[str, Path]] = None) -> List[Tuple[str, str]]:
    """``[(key, 名称)]`` of every scaffold, in contract order."""
    return [(scaffold.key, scaffold.name) for scaffold in load_all(directory)]


def load_scaffold(key: str, directory: Optional[Union[str, Path]] = None) -> Scaffold:
    """The scaffold ``key``; ``UnknownScaffold`` (a ``KeyError``) if there is none."""
    folder = Path(directory) if directory is not None else SCAFFOLD_DIR
    path = folder / f"{key}.json"
    # The key must name a file in the folder, never a path elsewhere.
    if not isinstance(key, str) or "/" in key or "\\" in key or key.startswith(".") \
            or not path.is_file():
        raise UnknownScaffold(str(key), [k for k, _ in scaffold_types(directory)])
    return read_scaffold_file(path)


def section_titles(scaffold: Scaffold) -> List[str]:
    """The ``一、`` headings as they appear with no values given (for a preview)."""
    return [paragraph.text for paragraph in render(scaffold)
            if paragraph.role == Role.HEADING1]


# --- values ----------------------------------------------------------------------------

def _year_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidValue("scaffold_year_type", kind=type(value).__name__)
    text = str(value).strip()
    if not (text.isdigit() and len(text) == 4):
        raise InvalidValue("scaffold_year_digits", given=text)
    return str(int(text))  # full-width digits become ASCII


def _date_text(value: Any) -> str:
    # GB/T 9704 §7.3.5: Arabic numerals, no zero padding (2026年1月9日).
    if isinstance(value, datetime.date):  # YAML reads 2026-01-09 as a date
        return format_date(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise InvalidValue("scaffold_date_type", kind=type(value).__name__)
    normalized = normalize_date(value)
    if normalized is None:
        raise InvalidValue("scaffold_date_value", given=value.strip())
    return normalized


def _plain_text(name: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidValue("scaffold_value_type", name=name, kind=type(value).__name__)
    text = str(value).strip()
    if "\n" in text or "\r" in text:
        raise InvalidValue("scaffold_value_lines", name=name)
    return text


def normalize_values(scaffold: Scaffold, values: Optional[Mapping[str, Any]]) -> Dict[str, str]:
    """Check given values and return them as text; ``None`` and ``""`` mean "not given".

    Raises ``InvalidValue`` for a field the scaffold does not know or a value of the wrong
    kind (a year that is not four digits, a date that is not a date).
    """
    known = scaffold.fields()
    result: Dict[str, str] = {}
    for name, value in (values or {}).items():
        if name not in known:
            raise InvalidValue("scaffold_unknown_field", name=name,
                               known=", ".join(sorted(known)))
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        kind = known[name].kind
        if kind == "year":
            result[name] = _year_text(value)
        elif kind == "date":
            result[name] = _date_text(value)
        else:
            result[name] = _plain_text(name, value)
    return result


def field_values(scaffold: Scaffold, values: Optional[Mapping[str, Any]] = None) -> Dict[str, str]:
    """A value for every field: the given one, else the field's X-form."""
    filled = {name: field.blank for name, field in scaffold.fields().items()}
    given = normalize_values(scaffold, values)
    filled.update(given)
    for name, source in _DERIVED.items():
        if name not in given and name in filled:
            filled[name] = office_of(filled[source])
    return filled


def render(scaffold: Scaffold, year: Any = None, org: Optional[str] = None,
           name: Optional[str] = None,
           values: Optional[Mapping[str, Any]] = None) -> List[ScaffoldParagraph]:
    """The scaffold's paragraphs with fields filled; fields not given keep their X-form.

    ``year``/``org``/``name`` win over the same keys in ``values``; ``values`` may name any
    other field (``position``, ``date``, a scaffold's own). Raises ``InvalidValue``.
    """
    given: Dict[str, Any] = dict(values or {})
    for key, value in (("year", year), ("org", org), ("name", name)):
        if value is not None:
            given[key] = value
    filled = field_values(scaffold, given)
    return [ScaffoldParagraph(p.role, FIELD_PATTERN.sub(lambda m: filled[m.group(1)], p.text))
            for p in scaffold.paragraphs]


__all__ = [
    "FIELDS", "FIELD_PATTERN", "Field", "InvalidValue", "Scaffold", "ScaffoldError",
    "ScaffoldParagraph", "UnknownScaffold", "field_values", "load_all", "load_scaffold",
    "office_of",
    "normalize_values", "read_scaffold_file", "render", "scaffold_types", "section_titles",
]
