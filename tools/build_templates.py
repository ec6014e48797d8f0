"""Build ``templates/<key>.docx``, one docxtpl template per scaffold (``make templates``).

Each template is made from the scaffold data (``gongwen/scaffolds/<key>.json``): one
paragraph per scaffold paragraph, in the named 公文 style of its role, with the page setup,
styles, grid and ``— N —`` footers of ``gongwen.ooxml.docxlayout`` (the one definition of
the .docx layout). A ``{field}`` of the data becomes the Jinja field ``{{ field }}``; each
paragraph is a single run so that docxtpl sees every field whole.

The output is deterministic (fixed core properties, fixed zip timestamps), so a test can
rebuild the templates into a temporary folder and compare them with the committed ones.

Usage: ``python tools/build_templates.py [--out DIR] [KEY ...]``
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
import zipfile
from pathlib import Path
from typing import List, Optional

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT

REPO = Path(__file__).resolve().parents[1]
# This checkout's gongwen, whatever gongwen the interpreter has installed (an editable install
# of another checkout would otherwise build that one's templates).
sys.path.insert(0, str(REPO / "pythonpath"))

from gongwen import spec  # noqa: E402
from gongwen.ooxml import docxlayout  # noqa: E402
from gongwen.scaffolds import FIELD_PATTERN, Scaffold, load_all  # noqa: E402

DEFAULT_OUT = REPO / "templates"  # shipped as the package data gongwen/templates/

# Fixed metadata: a template's bytes depend only on the scaffold data and the layout code.
FIXED_TIME = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
AUTHOR = "公文助手 gongwen"


def jinja_text(text: str) -> str:
    """``{year}年度…`` → ``{{ year }}年度…``."""
    return FIELD_PATTERN.sub(lambda match: "{{ " + match.group(1) + " }}", text)


def _drop_thumbnail(document: DocxDocument) -> None:
    """python-docx's default package carries a thumbnail of its own blank page: drop it."""
    rels = document.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(rid)


def template_document(scaffold: Scaffold) -> DocxDocument:
    document = docx.Document()
    _drop_thumbnail(document)
    docxlayout.apply_layout(document)
    for paragraph in scaffold.paragraphs:
        style = document.styles[spec.style_name(paragraph.role)]
        # One run per paragraph: docxtpl needs each {{ field }} inside a single run.
        document.add_paragraph(jinja_text(paragraph.text), style=style)
    core = document.core_properties
    core.title = scaffold.name
    core.subject = scaffold.description
    core.author = AUTHOR
    core.last_modified_by = AUTHOR
    core.created = FIXED_TIME
    core.modified = FIXED_TIME
    core.revision = 1
    core.comments = "docxtpl template made by tools/build_templates.py; do not edit by hand"
    return document


def stable_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and attributes on every entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def template_bytes(scaffold: Scaffold) -> bytes:
    buffer = io.BytesIO()
    template_document(scaffold).save(buffer)
    return stable_zip(buffer.getvalue())


def build(out_dir: Path, keys: Optional[List[str]] = None) -> List[Path]:
    """Write the templates of ``keys`` (default: every scaffold); return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for scaffold in load_all():
        if keys and scaffold.key not in keys:
            continue
        path = out_dir / f"{scaffold.key}.docx"
        path.write_bytes(template_bytes(scaffold))
        written.append(path)
    return written


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output folder (default: {DEFAULT_OUT})")
    parser.add_argument("keys", nargs="*", help="only these scaffold types")
    args = parser.parse_args(argv)
    known = [scaffold.key for scaffold in load_all()]
    unknown = [key for key in args.keys if key not in known]
    if unknown:
        print(f"build_templates: unknown type {', '.join(unknown)} (known: {', '.join(known)})",
              file=sys.stderr)
        return 2
    for path in build(args.out, args.keys):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
