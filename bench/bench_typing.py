"""Typing in a 100-page report with 边写边查 on and off: key-to-screen in a visible Writer.

One soffice under Xvfb (the rig's, zh-CN UI, the .oxt installed, automatic checking on as in
a new profile) shows the generated 100-page report at 200 %, the caret at the end of a
paragraph near page 50. A key press is sent with XTest and the screen is read with
XGetImage (libX11 through ctypes: no process start between the two) until the typed glyph
shows: the time from the press to the first frame with it. ``KEYS`` presses a round,
``GAP_S`` apart (a brisk typist), rounds alternating on, off, on, off, … in the same
soffice (``vnd.gongwen:ToggleProofreading`` between them), so both states share the
machine's load. Each press makes Writer check the paragraph again (our checker on the
checking thread) while the next frames are drawn.
"""

from __future__ import annotations

import ctypes
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath"), str(ROOT / "tools")]

PAGES = 100
ROUNDS = 6  # on, off, on, off, on, off
KEYS = 25
GAP_S = 0.15
TIMEOUT_S = 2.0
SCREEN = (1400, 900)
INK = 100  # a pixel darker than this in all three channels is text (not the blue marks)
GLYPH_PIXELS = 60  # a typed "M" at 200 % adds a few hundred; the caret's blink about 40
KEY = "M"


_DARK = bytes(1 if value < INK else 0 for value in range(256))


class _X:
    """The few libX11/libXtst calls needed, through ctypes."""

    def __init__(self, display: str) -> None:
        self.x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
        self.xtst = ctypes.cdll.LoadLibrary("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x11.XGetImage.restype = ctypes.c_void_p
        self.x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                                       ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                       ctypes.c_ulong, ctypes.c_int]
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XStringToKeysym.restype = ctypes.c_ulong
        self.x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                ctypes.c_ulong]
        self.display = self.x11.XOpenDisplay(display.encode())
        if not self.display:
            raise RuntimeError(f"cannot open {display}")
        self.root = self.x11.XDefaultRootWindow(self.display)

    def keycode(self, name: str) -> int:
        return self.x11.XKeysymToKeycode(self.display, self.x11.XStringToKeysym(name.encode()))

    def press(self, keycode: int, shift: bool = False) -> None:
        shift_code = self.keycode("Shift_L")
        if shift:
            self.xtst.XTestFakeKeyEvent(self.display, shift_code, 1, 0)
        self.xtst.XTestFakeKeyEvent(self.display, keycode, 1, 0)
        self.xtst.XTestFakeKeyEvent(self.display, keycode, 0, 0)
        if shift:
            self.xtst.XTestFakeKeyEvent(self.display, shift_code, 0, 0)
        self.x11.XFlush(self.display)

    def ink(self, box: Tuple[int, int, int, int]) -> int:
        """Text pixels in (x, y, width, height) of the screen now."""
        x, y, width, height = box
        image = self.x11.XGetImage(self.display, self.root, x, y, width, height,
                                   0xFFFFFFFF, 2)  # AllPlanes, ZPixmap
        if not image:
            raise RuntimeError("XGetImage failed")
        # XImage: width, height, xoffset, format, char *data (offset 16 on 64-bit)
        data = ctypes.cast(ctypes.c_void_p.from_address(image + 16).value,
                           ctypes.POINTER(ctypes.c_ubyte))
        raw = ctypes.string_at(data, width * height * 4)
        destroy = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)(
            ctypes.c_void_p.from_address(image + 96).value)  # f.destroy_image
        destroy(image)
        # 32-bit BGRX pixels: each channel to bytes of 0/1, AND-ed as big integers
        mask = -1
        for channel in range(3):
            mask &= int.from_bytes(raw[channel::4].translate(_DARK), "big")
        return mask.bit_count()


def _latency(x: _X, keycode: int, box) -> Optional[float]:
    before = x.ink(box)
    started = time.perf_counter()
    x.press(keycode, shift=True)
    while time.perf_counter() - started < TIMEOUT_S:
        if x.ink(box) - before >= GLYPH_PIXELS:
            return time.perf_counter() - started
    return None


def _summary(samples: List[float]) -> Dict[str, float]:
    ordered = sorted(samples)
    return {"keys": len(ordered), "median_ms": statistics.median(ordered) * 1000,
            "p90_ms": ordered[int(0.9 * (len(ordered) - 1))] * 1000,
            "max_ms": ordered[-1] * 1000}


def main() -> dict:
    import build_oxt
    from generated_report import generate_report
    from rig.office import Office
    from rig.xvfb import Xvfb

    os.environ.setdefault("GONGWEN_NO_DIALOGS", "1")  # Format's message box would wait
    workdir = Path(tempfile.mkdtemp(prefix="gongwen-bench-typing-"))
    path = workdir / f"report-{PAGES}.txt"
    path.write_text("\n".join(generate_report(PAGES)) + "\n", encoding="utf-8")
    xvfb = Xvfb(SCREEN).start()
    office = Office(build_oxt.build(workdir / "gongwen.oxt"), workdir, display=xvfb.display,
                    language="zh_CN")
    samples: Dict[bool, List[float]] = {True: [], False: []}
    pages = 0
    missed = {True: 0, False: 0}
    try:
        office.start()
        document = office.open(path, "Text (encoded)", FilterOptions="UTF8,LF,,,",
                               Hidden=False)
        controller = document.getCurrentController()
        controller.getFrame().getContainerWindow().setPosSize(0, 0, *SCREEN, 15)
        zoom = controller.getViewSettings()
        zoom.ZoomType, zoom.ZoomValue = 3, 200
        office.dispatch(document, "vnd.gongwen:Format")  # the 公文 layout: 100 pages
        pages = controller.PageCount
        print(f"   {pages} pages", flush=True)
        paragraphs = document.getText().createEnumeration()
        middle = None
        for _ in range(700):  # about page 50
            middle = paragraphs.nextElement()
        cursor = controller.getViewCursor()
        cursor.gotoRange(middle.getEnd(), False)
        time.sleep(5)  # the first full check of the document runs now
        x = _X(xvfb.display)
        box = (150, 150, 1100, 650)
        keycode = x.keycode(KEY)
        enabled = True
        for _round in range(ROUNDS):
            for _ in range(KEYS):
                took = _latency(x, keycode, box)
                if took is None:
                    missed[enabled] += 1
                else:
                    samples[enabled].append(took)
                time.sleep(GAP_S)
            office.dispatch(document, "vnd.gongwen:ToggleProofreading")
            enabled = not enabled
            time.sleep(3)  # Writer checks every paragraph again after the switch
        if not enabled:
            office.dispatch(document, "vnd.gongwen:ToggleProofreading")
        document.setModified(False)
        office.close(document)
    finally:
        office.stop()
        xvfb.stop()
    results = {"pages": pages, "on": _summary(samples[True]), "off": _summary(samples[False]),
               "missed": {"on": missed[True], "off": missed[False]}}
    for state in ("on", "off"):
        f = results[state]
        print(f"   checker {state:3s}: {f['keys']} keys, key-to-screen median "
              f"{f['median_ms']:.1f} ms, p90 {f['p90_ms']:.1f} ms, max {f['max_ms']:.1f} ms"
              f" ({results['missed'][state]} not seen in {TIMEOUT_S:.0f} s)", flush=True)
    return results


if __name__ == "__main__":
    main()
