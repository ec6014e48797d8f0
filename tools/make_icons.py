"""Draws the toolbar icons (16 px and 26 px) and the 42 px extension logo.

One Chinese character on a rounded tile, the way WPS 公文 add-ins mark their buttons.
The PNGs are committed; run this only to change them (needs Pillow and fonts-noto-cjk).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ICONS = Path(__file__).resolve().parent.parent / "extension" / "icons"
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
# name -> (character, tile colour)
GLYPHS = {"insert": ("框", "#1f5fa8"), "check": ("查", "#d9822b"), "format": ("排", "#c0282d"),
          "checkformat": ("式", "#2e7d32"),
          "logo": ("公", "#c0282d")}
SIZES = {"insert": (16, 26), "check": (16, 26), "format": (16, 26), "checkformat": (16, 26),
         "logo": (42,)}


def draw(character: str, colour: str, size: int) -> Image.Image:
    scale = 8  # draw large, shrink smoothly
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=colour)
    font = ImageFont.truetype(FONT, int(big * 0.78), index=2)  # SC face of the collection
    pen.text((big / 2, big / 2), character, font=font, fill="white", anchor="mm")
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for name, (character, colour) in GLYPHS.items():
        for size in SIZES[name]:
            draw(character, colour, size).save(ICONS / f"{name}_{size}.png", optimize=True)


if __name__ == "__main__":
    main()
