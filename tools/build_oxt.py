"""Builds dist/gongwen.oxt from the tree: only what LibreOffice needs, byte-for-byte repeatable.

Run as ``python tools/build_oxt.py [OUT]``; ``make oxt`` does.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "dist" / "gongwen.oxt"

TOP_FILES = ["description.xml", "META-INF/manifest.xml", "LICENSE"]
EXTENSION_SUFFIXES = {".xcu", ".xcs", ".py", ".png", ".txt", ".xdl", ".xba", ".xlb", ".properties"}
CORE_SUFFIXES = {".py", ".json"}
# The OOXML host, the soffice driver, the PDF checker and the CLI: LibreOffice never imports them.
CORE_EXCLUDED = {"ooxml", "soffice", "pdf", "cli", "__main__.py"}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# LibreOffice puts a `pythonpath/` folder on sys.path only when it sits beside the
# Python component, so the component moves to the root of the package.
RENAMED = {"extension/gongwen_handler.py": "gongwen_handler.py"}
# The docxtpl templates' sources stand at the top of the repository (templates/); the
# package carries them as gongwen/templates/, in the wheel (setup.py) as here.
TEMPLATES_IN_PACKAGE = "pythonpath/gongwen/templates"


def files_to_pack() -> list[str]:
    names = list(TOP_FILES)
    names += _tree("extension", lambda p: p.suffix in EXTENSION_SUFFIXES)
    names += _tree("pythonpath/gongwen", _is_core_file)
    names += _tree("templates", lambda p: p.suffix == ".docx")
    return sorted(names)


def packed_name(name: str) -> str:
    if name.startswith("templates/"):
        return f"{TEMPLATES_IN_PACKAGE}/{name[len('templates/'):]}"
    return RENAMED.get(name, name)


def _is_core_file(path: Path) -> bool:
    relative = path.relative_to(ROOT / "pythonpath" / "gongwen")
    return (path.suffix in CORE_SUFFIXES and "__pycache__" not in relative.parts
            and relative.parts[0] not in CORE_EXCLUDED)


def _tree(folder: str, keep) -> list[str]:
    return [p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*")
            if p.is_file() and keep(p)]


# Made at build time from gongwen.spec (the font names live in the core only).
FONT_SUBSTITUTION = "extension/FontSubstitution.xcu"


def font_substitution_xcu() -> bytes:
    """The font replacement table (工具 ▸ 选项 ▸ 字体 ▸ 替换表): each official name of
    ``spec.REPLACED_FONT_NAMES`` → its free stock stand-in, every entry switched off
    (``Always`` false: inert in LibreOffice 7.4) until gongwen.writer.fonts switches on
    those whose font is missing on the machine."""
    sys.path.insert(0, str(ROOT / "pythonpath"))
    from gongwen import spec

    entries = "".join(
        f'    <node oor:name="gongwen-{number}" oor:op="replace">\n'
        f'     <prop oor:name="ReplaceFont"><value>{escape(name)}</value></prop>\n'
        f'     <prop oor:name="SubstituteFont"><value>{escape(spec.font_stand_in(name))}'
        '</value></prop>\n'
        '     <prop oor:name="Always"><value>false</value></prop>\n'
        '     <prop oor:name="OnScreenOnly"><value>false</value></prop>\n'
        '    </node>\n'
        for number, name in enumerate(spec.REPLACED_FONT_NAMES, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!-- Made by tools/build_oxt.py from gongwen.spec: do not edit. -->\n'
            '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="Common" '
            'oor:package="org.openoffice.Office">\n'
            ' <node oor:name="Font">\n  <node oor:name="Substitution">\n'
            '   <prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop>\n'
            '   <node oor:name="FontPairs">\n' + entries +
            '   </node>\n  </node>\n </node>\n</oor:component-data>\n').encode("utf-8")


def build(out: Path = DEFAULT_OUT) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    contents = {name: (ROOT / name).read_bytes() for name in files_to_pack()}
    contents[FONT_SUBSTITUTION] = font_substitution_xcu()
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(contents):
            info = zipfile.ZipInfo(packed_name(name), FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, contents[name])
    tmp.replace(out)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT))
