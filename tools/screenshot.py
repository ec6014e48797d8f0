"""Screenshots of Writer with 公文助手 installed, under Xvfb (for the README and for looking).

``python tools/screenshot.py OUT.png [DOCUMENT] [--dispatch URL]`` starts Xvfb, a visible
soffice in a throwaway profile with the freshly built .oxt, opens DOCUMENT (a new Writer
document by default; .txt files are imported), optionally runs a ``vnd.gongwen:`` command,
and grabs the screen with ImageMagick's ``import``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools"), str(ROOT / "pythonpath")]

import build_oxt  # noqa: E402
from rig.office import Office  # noqa: E402
from rig.xvfb import Xvfb  # noqa: E402

SCREEN = (1400, 900)


def open_document(office: Office, document: Path | None):
    if document is None:
        return office._load("private:factory/swriter", Hidden=False)
    if document.suffix == ".txt":
        return office.open(document, "Text (encoded)", FilterOptions="UTF8,LF,,,", Hidden=False)
    return office.open(document, Hidden=False)


def screenshot(out: Path, document: Path | None = None, dispatch: str | None = None,
               settle_s: float = 6.0, language: str = "zh_CN", dialogs: bool = False,
               stock_fonts: bool = False) -> Path:
    if not dialogs:  # a modal box would wait for a click forever
        os.environ["GONGWEN_NO_DIALOGS"] = "1"
    xvfb = Xvfb(SCREEN).start()
    workdir = Path(tempfile.mkdtemp(prefix="gongwen-shot-"))
    office = Office(build_oxt.build(workdir / "gongwen.oxt"), workdir, display=xvfb.display,
                    language=language, own_fonts=not stock_fonts)
    try:
        office.start()
        if stock_fonts:  # as a user's machine draws: the extension's stand-ins, which
            from gongwen.writer import fonts  # count from LibreOffice's next start

            fonts.sync(office.ctx)
            office.stop()
            office._launch()
        if document is not None:
            document = Path(shutil.copy(document, workdir / document.name))
        doc = open_document(office, document)
        window = office.frame(doc).getContainerWindow()
        window.setPosSize(0, 0, SCREEN[0], SCREEN[1], 15)
        if dispatch:
            print(office.dispatch(doc, dispatch))
        time.sleep(settle_s)
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-display", xvfb.display, "-window", "root", str(out)],
                       check=True)
        return out
    finally:
        office.stop()
        xvfb.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("document", type=Path, nargs="?")
    parser.add_argument("--dispatch", help="a vnd.gongwen: URL to run before the shot")
    parser.add_argument("--dialogs", action="store_true",
                        help="let the command show its window (only for commands that open a "
                             "modeless one, such as CheckFormat: a modal box would wait)")
    parser.add_argument("--stock-fonts", action="store_true",
                        help="fonts as a user's machine has them (no tools/fontconfig mapping)")
    args = parser.parse_args()
    print(screenshot(args.out, args.document, args.dispatch, dialogs=args.dialogs,
                     stock_fonts=args.stock_fonts))


if __name__ == "__main__":
    main()
