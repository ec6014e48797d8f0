"""The page raster, for what pdftotext cannot see: rules and red ink (the 版头's red rule,
the 版记's rules, the red 发文机关标志). Test rig only: it needs Pillow (a dev dependency).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import List, NamedTuple, Optional, Union


class Rule(NamedTuple):
    """A horizontal band of ink across most of the type width, in mm from the page's top."""

    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float

    @property
    def thickness_mm(self) -> float:
        return self.bottom_mm - self.top_mm


def _raster(pdf: Union[str, Path], page: int, dpi: int):
    """Page ``page`` (1-based) of the PDF as an RGB PIL image, through pdftoppm."""
    import tempfile

    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(stem)], check=True, timeout=120)
        with Image.open(str(stem) + ".png") as image:
            return image.convert("RGB")


def ink_mask(image, red: bool):
    """An "L" image, 255 where the pixel is ink: red ink, or any dark ink."""
    from PIL import ImageChops

    r, g, b = image.split()
    if red:
        return ImageChops.multiply(ImageChops.multiply(
            r.point(lambda v: 255 if v > 180 else 0), g.point(lambda v: 255 if v < 90 else 0)),
            b.point(lambda v: 255 if v < 90 else 0))
    return image.convert("L").point(lambda v: 255 if v < 110 else 0)


def red_top_mm(pdf: Union[str, Path], page: int, dpi: int = 200) -> Optional[float]:
    """The highest row of red ink on the page, in mm from its top (None: no red)."""
    box = ink_mask(_raster(pdf, page, dpi), red=True).getbbox()
    return box[1] * 25.4 / dpi if box else None


def rules(pdf: Union[str, Path], page: int, red: bool = False, min_width_mm: float = 140.0,
          dpi: int = 300) -> List[Rule]:
    """Horizontal rules on the page: runs of rows holding at least ``min_width_mm`` of ink
    (red ink, or any dark ink); a row of text never does (characters leave gaps)."""
    mask = ink_mask(_raster(pdf, page, dpi), red)
    width, height = mask.size
    mm = 25.4 / dpi
    found: List[Rule] = []
    start, box = None, None
    for y in range(height + 1):
        row = mask.crop((0, y, width, y + 1)) if y < height else None
        if row is not None and row.histogram()[255] * mm >= min_width_mm:
            if start is None:
                start, box = y, row.getbbox()
        elif start is not None:
            found.append(Rule(start * mm, y * mm, box[0] * mm, box[2] * mm))
            start = None
    return found


def red_bottom_mm(pdf: Union[str, Path], page: int, above_mm: float,
                  dpi: int = 200) -> Optional[float]:
    """The lowest row of red ink above ``above_mm`` (mm from the page's top), None: none."""
    image = _raster(pdf, page, dpi)
    limit = int(above_mm / 25.4 * dpi)
    box = ink_mask(image.crop((0, 0, image.width, limit)), red=True).getbbox()
    return box[3] * 25.4 / dpi if box else None
