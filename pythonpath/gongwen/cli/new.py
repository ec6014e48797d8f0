"""``python -m gongwen new KEY -o OUT.docx``: a report scaffold as a 公文 .docx.

Renders ``templates/KEY.docx`` (made by ``make templates`` from the scaffold data) with
docxtpl. Field values come from ``--data`` (JSON or YAML: a mapping of field name, or its
Chinese label, to value) and from the flags, which win. A field with no value keeps its
X-form (``XXXX``, ``XX单位`` …) and every other blank stays ``X`` too, so
``python -m gongwen check OUT.docx`` lists what is left to fill.

Bad input (unknown type, unknown field, a year that is not four digits, an unreadable or
invalid data file, an existing OUT without ``--force``) is reported in one line on stderr
and exits 2. Unknown field names are refused rather than ignored: a misspelt field would
otherwise leave its X silently.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, List

import gongwen
from gongwen import wholedoc
from gongwen.cli.files import atomic_write
from gongwen.input_files import cli_locale
from gongwen.messages import MessageError
from gongwen.scaffolds import (
    InvalidValue,
    Scaffold,
    ScaffoldError,
    UnknownScaffold,
    field_values,
    load_all,
    load_scaffold,
    render,
)
from gongwen.spec import Role

EXIT_BAD_INPUT = 2
TEMPLATES_ENV = "GONGWEN_TEMPLATES"
# The flags that set a field; they win over --data.
FIELD_FLAGS = ("year", "org", "name", "position", "date")


class BadInput(MessageError):
    """Reported as ``gongwen new: <message>`` with exit status 2."""


def templates_dir() -> Path:
    """``$GONGWEN_TEMPLATES`` if set, else the package's ``gongwen/templates/`` (package data
    of a pip install, a wheel and the .oxt), else a checkout's top-level ``templates/``."""
    override = os.environ.get(TEMPLATES_ENV)
    if override:
        return Path(override)
    package = Path(gongwen.__file__).resolve().parent
    shipped = package / "templates"
    return shipped if shipped.is_dir() else package.parent.parent / "templates"


EPILOG = f"""\
fields: year 年度, org 单位, name 姓名, position 职务, date 成文日期 (e.g. 2026-01-09),
office 印发机关 (the 单位's 办公室 unless given), plus a type's own (see `python -m gongwen
types --json`). --data takes a JSON or YAML mapping of field name (or Chinese label) to
value; the flags win over it. Fields not given
stay as X placeholders for `python -m gongwen check`.

templates: $GONGWEN_TEMPLATES if set, else the package's gongwen/templates/ folder
(a checkout's templates/: {templates_dir()}); rebuild them with `make templates`.

exit status: 0 written, 2 bad input (nothing written)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("key", metavar="KEY",
                        help="report type: a key from `python -m gongwen types` or its 名称")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.docx",
                        help="the .docx to write")
    parser.add_argument("--data", type=Path, metavar="FILE",
                        help="field values from a .json or .yaml/.yml file")
    parser.add_argument("--year", help="年度, four digits (e.g. 2025)")
    parser.add_argument("--org", help="单位 (e.g. 县政协)")
    parser.add_argument("--name", help="姓名 of the 述职人")
    parser.add_argument("--position", help="职务")
    parser.add_argument("--date", help="成文日期 (e.g. 2026-01-09)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def run(args: argparse.Namespace) -> int:
    try:
        out = write_report(args)
    except BadInput as error:
        print(f"gongwen new: {error.text(cli_locale())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(out)
    return 0


def write_report(args: argparse.Namespace) -> Path:
    scaffold = find_scaffold(args.key)
    given = read_data(args.data) if args.data is not None else {}
    given = with_field_names(scaffold, given)
    for flag in FIELD_FLAGS:
        value = getattr(args, flag, None)
        if value is not None:
            given[flag] = value
    try:
        context = field_values(scaffold, given)
        rendered = render(scaffold, values=given)
        title = next((p.text for p in rendered if p.role == Role.TITLE), scaffold.name)
    except InvalidValue as error:
        raise BadInput(error.key, **error.values) from error
    out: Path = args.output
    check_output(out, args.force)
    template = templates_dir() / f"{scaffold.key}.docx"
    if not template.is_file():
        raise BadInput("cli_new_no_template", template=template, env=TEMPLATES_ENV)
    render_template(template, context, title, out, [p.role for p in rendered])
    return out


def find_scaffold(key: str) -> Scaffold:
    """The scaffold named by its key, or by its 名称 (``个人述职报告``)."""
    try:
        try:
            return load_scaffold(key)
        except UnknownScaffold:
            for scaffold in load_all():
                if scaffold.name == key:
                    return scaffold
            raise
    except UnknownScaffold as error:
        raise BadInput("scaffold_unknown_key", given=error.key,
                       known=", ".join(error.known)) from error
    except ScaffoldError as error:
        raise BadInput("cli_new_broken_scaffold", error=error.text(cli_locale())) from error


def read_data(path: Path) -> Dict[str, Any]:
    """The mapping in a .json or .yaml/.yml file (an empty file is an empty mapping)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput("cli_new_cannot_read", path=path, reason=_reason(error)) from error
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text) if text.strip() else {}
        except ValueError as error:
            raise BadInput("cli_new_bad_json", path=path, reason=_reason(error)) from error
    elif suffix in (".yaml", ".yml"):
        import yaml  # only needed for YAML data

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise BadInput("cli_new_bad_yaml", path=path, reason=_reason(error)) from error
        data = {} if data is None else data
    else:
        raise BadInput("cli_new_data_suffix", path=path)
    if not isinstance(data, dict):
        raise BadInput("cli_new_data_mapping", path=path, kind=type(data).__name__)
    return data


def with_field_names(scaffold: Scaffold, data: Dict[Any, Any]) -> Dict[str, Any]:
    """Chinese labels (``单位``) as keys become field names (``org``); others are kept."""
    by_label = {field.label: name for name, field in scaffold.fields().items()}
    result: Dict[str, Any] = {}
    for key, value in data.items():
        name = by_label.get(str(key), str(key))
        if name in result:
            raise BadInput("cli_new_field_twice", name=name)
        result[name] = value
    return result


def check_output(out: Path, force: bool) -> None:
    if out.suffix.lower() != ".docx":
        raise BadInput("cli_new_not_docx", out=out)
    if out.is_dir():
        raise BadInput("cli_new_is_folder", out=out)
    if out.exists() and not force:
        raise BadInput("cli_new_exists", out=out)
    if not out.resolve().parent.is_dir():
        raise BadInput("cli_new_no_folder", folder=out.resolve().parent)


def render_template(template: Path, context: Dict[str, str], title: str, out: Path,
                    roles: List[str]) -> None:
    document = _rendered(template, context)
    if wholedoc.has_parts(roles):
        # The 版头's place, its rules, the 版记's page: formatted as 一键公文格式 would, so
        # that ``format`` leaves it as it is (the template holds the styles only).
        from gongwen.ooxml.docxrender import format_document

        format_document(document)
    else:
        _place_signature_and_date(document, roles)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None)
    core = document.core_properties
    core.title = title
    core.comments = ""
    core.created = now
    core.modified = now
    try:
        atomic_write(out, document.save)
    except OSError as error:
        raise BadInput("cli_new_cannot_write", out=out, reason=_reason(error)) from error


def _rendered(template: Path, context: Dict[str, str]):
    """The template filled in, as a python-docx Document read back from the rendered bytes
    (docxtpl keeps its own copies of the header and footer XML, which it writes on save
    over changes made to the parts: measured, a footer paragraph added after rendering
    was lost)."""
    import docx
    from docxtpl import DocxTemplate  # heavy import, only when writing

    rendered = DocxTemplate(str(template))
    # autoescape: a value such as "A&B" must become XML text, not break the file.
    rendered.render(context, autoescape=True)
    buffer = io.BytesIO()
    rendered.save(buffer)
    buffer.seek(0)
    return docx.Document(buffer)


def _place_signature_and_date(document, roles: List[str]) -> None:
    """The filled-in 署名 and date placed as 一键公文格式 places them (§7.3.5.2): their
    widths, and so their indents, are known only once the values are in."""
    from docx.oxml.ns import qn

    from gongwen.ooxml.docxrender import place_signature_and_date
    from gongwen.ooxml.docxtext import paragraph_text

    paragraphs = document.element.body.findall(qn("w:p"))
    if len(paragraphs) == len(roles):  # one paragraph per scaffold paragraph, as built
        place_signature_and_date(paragraphs, [paragraph_text(p) for p in paragraphs], roles)


def _reason(error: BaseException) -> str:
    """An exception as one line."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return " ".join(str(error).split())


__all__ = ["BadInput", "add_arguments", "read_data", "run", "templates_dir"]
