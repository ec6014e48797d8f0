"""Is a .docx what Word reads as written? Validation against ISO/IEC 29500 Transitional.

The schemas: ``openxml-audit`` (PyPI, MIT, a dev dependency), a pure-Python port of
Microsoft's Open XML SDK validator. It carries the SDK's compiled schemas: the ISO/IEC
29500 Transitional XSDs (``FileFormat.OFFICE_2010`` = ECMA-376 2nd edition = ISO/IEC
29500:2008) with the child order Office requires where the standard's ``EG_RPrBase`` is
looser (``w:rPr``: ``w:b`` before ``w:sz``, each once). No PyPI package ships the XSD files
themselves (python-docx's sdist leaves out ``ref/xsd``; docx4j needs Python 3.12).

Markup Compatibility (ECMA-376 Part 3) is applied first, as a consumer that knows only the
Transitional namespaces would (:func:`as_transitional_consumer`): an ``mc:AlternateContent``
becomes its first ``mc:Choice`` whose ``Requires`` names only Transitional namespaces, else
its ``mc:Fallback``; elements and attributes of ignorable namespaces go (with the content
``mc:ProcessContent`` would keep: less is checked, nothing is wrongly reported); an element
or attribute of another namespace that is left, or an ``mc:MustUnderstand`` naming one, is
itself a problem (such a consumer refuses the file). An extension list's entry (``a:ext``)
takes any element, as the schema says. Then the SDK's schema and semantic checks. Our own:
``wp:docPr`` ids and VML shape ids once across the document and its headers, footers and
notes (a repeated one: Word's "unreadable content" prompt).

Left out, with the reason (:data:`NOT_WORDS_CONCERN`): the SDK port's guesses about
``stylesWithEffects.xml`` (python-docx's own default template carries that part; Word 2010+
reads ``styles.xml``), ``w:numId w:val="0"`` reported as a missing definition (ISO/IEC
29500-1 §17.9.19: 0 removes numbering, it names no definition) and style ids used but not
defined (Word falls back to the default style without a prompt; such references come with
the author's file), a main part without a theme or font table relationship (the smallest
package Word opens is the document part alone).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from lxml import etree

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Namespaces a Transitional-only consumer understands: everything the standard defines
# (schemas.openxmlformats.org, the Part 4 VML and legacy Office namespaces) and XML's own.
_TRANSITIONAL_PREFIXES = ("http://schemas.openxmlformats.org/",
                          "http://purl.oclc.org/ooxml/")
_LEGACY = frozenset({
    "urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office",
    "urn:schemas-microsoft-com:office:word", "urn:schemas-microsoft-com:office:excel",
    "urn:schemas-microsoft-com:office:powerpoint", XML_NS,
    "http://www.w3.org/2001/XMLSchema-instance",
    # the OPC parts (core properties) use Dublin Core
    "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/",
    "http://purl.org/dc/dcmitype/",
})
_STORY_PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml",
                "word/endnotes.xml", "word/comments.xml")

NOT_WORDS_CONCERN = {
    "stylesWithEffects": "python-docx's default template carries it; Word reads styles.xml",
    "Numbering definition '0' referenced": "numId 0 removes numbering (§17.9.19)",
    "referenced but not defined in styles.xml": "Word falls back to the default style",
    "A required relationship type": "a main part without theme or font table opens in Word "
                                    "(the smallest package is the document part alone)",
}


def understood(namespace: Optional[str]) -> bool:
    if not namespace:
        return True
    if namespace in _LEGACY:
        return True
    return namespace.startswith(_TRANSITIONAL_PREFIXES) and namespace != MC


def _namespace(tag: str) -> Optional[str]:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else None


def _ignorable(element: etree._Element, inherited: FrozenSet[str]) -> FrozenSet[str]:
    value = element.get(f"{{{MC}}}Ignorable")
    if not value:
        return inherited
    found = {element.nsmap.get(prefix) for prefix in value.split()}
    return inherited | frozenset(ns for ns in found if ns)


def _choice(alternate: etree._Element) -> Optional[etree._Element]:
    for choice in alternate.findall(f"{{{MC}}}Choice"):
        required = [choice.nsmap.get(prefix) for prefix in choice.get("Requires", "").split()]
        if all(ns is not None and understood(ns) for ns in required):
            return choice
    return alternate.find(f"{{{MC}}}Fallback")


def as_transitional_consumer(root: etree._Element, part: str, problems: List[str]) -> None:
    """Apply Markup Compatibility in place; append what such a consumer would refuse."""
    _process(root, frozenset(), part, problems)


def _process(element: etree._Element, ignorable: FrozenSet[str], part: str,
             problems: List[str]) -> None:
    ignorable = _ignorable(element, ignorable)
    for prefix in element.get(f"{{{MC}}}MustUnderstand", "").split():
        if not understood(element.nsmap.get(prefix)):
            problems.append(f"{part}: mc:MustUnderstand names {prefix}, not Transitional")
    if etree.QName(element).localname == "ext" and understood(_namespace(element.tag)):
        return  # an extension list's entry: the schema takes any element there (xsd:any)
    for name in list(element.attrib):
        namespace = _namespace(name)
        if namespace == MC or (not understood(namespace) and namespace in ignorable):
            del element.attrib[name]
        elif not understood(namespace):
            problems.append(f"{part}: attribute {name} of a non-Transitional namespace "
                            f"on {etree.QName(element).localname}")
    for child in list(element):
        if not isinstance(child.tag, str):
            continue
        namespace = _namespace(child.tag)
        if child.tag == f"{{{MC}}}AlternateContent":
            chosen = _choice(child)
            replacement = list(chosen) if chosen is not None else []
            for new in replacement:
                child.addprevious(new)
            element.remove(child)
            for new in replacement:
                _process(new, ignorable, part, problems)
        elif not understood(namespace) and namespace in ignorable:
            element.remove(child)
        elif not understood(namespace):
            problems.append(f"{part}: element {child.tag} of a non-Transitional namespace")
            element.remove(child)
        else:
            _process(child, ignorable, part, problems)


_READ_AS_TRANSITIONAL: Dict[bytes, Tuple[bytes, Tuple[str, ...]]] = {}


def _transitional_copy(path: Path, problems: List[str]) -> bytes:
    """The package with every XML part as a Transitional-only consumer reads it (each
    distinct part processed once per session)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith((".xml", ".rels")) and not info.filename.startswith(
                    "[Content_Types]"):
                key = info.filename.encode() + b"\0" + data
                if key not in _READ_AS_TRANSITIONAL:
                    found: List[str] = []
                    root = etree.fromstring(data)
                    as_transitional_consumer(root, info.filename, found)
                    _READ_AS_TRANSITIONAL[key] = (
                        etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                       standalone=True), tuple(found))
                data, found_here = _READ_AS_TRANSITIONAL[key]
                problems.extend(found_here)
            target.writestr(info, data)
    return out.getvalue()


def _ids(path: Path) -> List[str]:
    """Our own package-level check: drawing (``wp:docPr``) and VML shape ids once across
    the document and its other stories (Word renumbers a repeated one, with a prompt)."""
    problems: List[str] = []
    seen: Dict[str, Dict[str, str]] = {"wp:docPr": {}, "v:shape": {}}
    for name, kind, value in _id_owners(path):
        first = seen[kind].get(value)
        if first is None:
            seen[kind][value] = name
        else:
            problems.append(f"{name}: {kind} id {value} also in {first}")
    return sorted(set(problems))


def _id_owners(path: Path):
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    vml = "urn:schemas-microsoft-com:vml"
    shapes = ("shape", "rect", "roundrect", "oval", "line", "group", "polyline", "arc")
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if not name.startswith(_STORY_PARTS) or not name.endswith(".xml"):
                continue
            root = etree.fromstring(archive.read(name))
            for element in root.iter():
                if not isinstance(element.tag, str):
                    continue
                if element.tag == wp:
                    yield name, "wp:docPr", element.get("id")
                elif _namespace(element.tag) == vml and element.get("id") and \
                        etree.QName(element).localname in shapes:
                    yield name, "v:shape", element.get("id")


_VALIDATOR = None


def _validator():
    """The SDK port's validator at ISO/IEC 29500:2008 Transitional, checking each distinct
    part once per session: the CLI's outputs share their styles, settings, theme and font
    table, which are most of the work (a part's errors are its own)."""
    global _VALIDATOR
    if _VALIDATOR is None:
        try:
            import openxml_audit  # noqa: F401
        except ImportError as missing:
            raise RuntimeError("tests/docxvalid.py needs openxml-audit, a dev dependency: "
                               "pip install -e '.[dev]'") from missing
        from openxml_audit import OpenXmlValidator
        from openxml_audit.context import ValidationContext
        from openxml_audit.errors import FileFormat
        from openxml_audit.parts import OpenXmlPart

        class PartCachingValidator(OpenXmlValidator):
            cache: Dict[bytes, list] = {}

            def _validate_schema(self, package, collect_hot_path_metrics=False):
                errors = []
                for uri in package.list_parts():
                    content_type = package.content_types.get_content_type(uri) or ""
                    if "xml" not in content_type:
                        continue
                    part = OpenXmlPart(package, uri)
                    if part.xml is None:
                        continue
                    key = uri.encode() + b"\0" + etree.tostring(part.xml)
                    if key not in self.cache:
                        context = ValidationContext(package=package,
                                                    file_format=self._file_format,
                                                    max_errors=self._max_errors,
                                                    strict=self._strict)
                        self._schema_validator.validate_part(part, context)
                        self.cache[key] = list(context.errors)
                    errors.extend(self.cache[key])
                return errors

            def _validate_semantic_all_parts(self, package, validator, context):
                errors = list(context.errors)
                for uri in package.list_parts():
                    content_type = package.content_types.get_content_type(uri) or ""
                    if "xml" not in content_type:
                        continue
                    part = OpenXmlPart(package, uri)
                    if part.xml is None:
                        continue
                    rels = sorted((r.id, r.type, r.target, r.target_mode)
                                  for r in part.relationships)
                    key = (b"semantic\0" + uri.encode() + repr(rels).encode() + b"\0"
                           + etree.tostring(part.xml))
                    if key not in self.cache:
                        own = ValidationContext(package=package,
                                                file_format=self._file_format,
                                                max_errors=self._max_errors,
                                                strict=self._strict)
                        validator.validate_part(part, own)
                        self.cache[key] = list(own.errors)
                    errors.extend(self.cache[key])
                return errors

        _VALIDATOR = PartCachingValidator(file_format=FileFormat.OFFICE_2010, max_errors=200)
    return _VALIDATOR


def problems(path: Path) -> List[str]:
    """Every way ``path`` departs from what a Transitional consumer (and Word) reads; []
    when it is clean."""
    import tempfile

    found: List[str] = []
    data = _transitional_copy(Path(path), found)
    with tempfile.NamedTemporaryFile(suffix=".docx") as handle:
        handle.write(data)
        handle.flush()
        result = _validator().validate(handle.name)
    for error in result.errors:
        line = str(error)
        if error.error_type.value == "semantic" and any(key in line
                                                        for key in NOT_WORDS_CONCERN):
            continue
        if "duplicate wp:docPr" in line:
            continue  # our own check below counts every story part, Fallbacks aside
        found.append(line)
    found.extend(_ids(Path(path)))
    return found


def report(paths: Sequence[Path]) -> Dict[str, List[str]]:
    """{path: problems} for the files that have any (identical files checked once)."""
    import hashlib

    result: Dict[str, List[str]] = {}
    checked: Set[str] = set()
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError:  # a test removed it (or pytest its old folders) meanwhile
            continue
        digest = hashlib.sha1(data).hexdigest()
        if digest in checked:
            continue
        checked.add(digest)
        try:
            found = problems(path)
        except (OSError, zipfile.BadZipFile):
            continue  # gone meanwhile
        if found:
            result[str(path)] = found
    return result
