"""A .docx's custom document properties (``docProps/custom.xml``), the ones Writer shows
as 自定义属性 and keeps in ``DocumentProperties.UserDefinedProperties``.

python-docx reads and writes only the core properties; this is the small part of the custom
ones the formatter needs: a text property read and written by name (the document's 落款
choice, ``GongwenSeal``, which the Writer button stores the same way).
"""

from __future__ import annotations

from typing import Optional

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

CUSTOM_URI = "/docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# Every custom property carries this format id (ECMA-376 part 1, 22.3.2.2).
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _part(document) -> Optional[Part]:
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            return rel.target_part
    return None


def read_text(document, name: str) -> Optional[str]:
    """The text of the custom property ``name``, None when the document has none."""
    part = _part(document)
    if part is None:
        return None
    root = etree.fromstring(part.blob)
    for prop in root.findall(f"{{{NS}}}property"):
        if prop.get("name") == name:
            return "".join(prop.itertext())
    return None


def write_text(document, name: str, value: str) -> None:
    """Sets the custom property ``name`` to the text ``value`` (created when missing)."""
    part = _part(document)
    if part is None:
        root = etree.Element(f"{{{NS}}}Properties", nsmap={None: NS, "vt": VT})
        part = Part(PackURI(CUSTOM_URI), CUSTOM_TYPE, b"", document.part.package)
        document.part.package.relate_to(part, RT.CUSTOM_PROPERTIES)
    else:
        root = etree.fromstring(part.blob)
    for prop in root.findall(f"{{{NS}}}property"):
        if prop.get("name") == name:
            for child in list(prop):
                prop.remove(child)
            break
    else:
        ids = [int(p.get("pid", "1")) for p in root.findall(f"{{{NS}}}property")]
        prop = etree.SubElement(root, f"{{{NS}}}property", fmtid=FMTID,
                                pid=str(max(ids + [1]) + 1), name=name)
    etree.SubElement(prop, f"{{{VT}}}lpwstr").text = value
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)
