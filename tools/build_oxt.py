"""Builds dist/gongwen.oxt from the tree: only what LibreOffice needs, byte-for-byte repeatable.

Run as ``python tools/build_oxt.py [OUT]``; ``make oxt`` does.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "dist" / "gongwen.oxt"

TOP_FILES = ["description.xml", "META-INF/manifest.xml", "LICENSE"]
EXTENSION_SUFFIXES = {".xcu", ".xcs", ".py", ".png", ".txt", ".xdl", ".xba", ".xlb", ".properties"}
CORE_SUFFIXES = {".py", ".json"}
# The batch side needs python-docx; LibreOffice never imports it.
CORE_EXCLUDED = {"batch", "cli.py", "__main__.py"}
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


def build(out: Path = DEFAULT_OUT) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in files_to_pack():
            info = zipfile.ZipInfo(packed_name(name), FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (ROOT / name).read_bytes())
    tmp.replace(out)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT))
