"""The share card: the image that links to the site show in mail, chat and
social media (``og:image``), 1200 × 630 pixels as they expect.

It shows the site's name and its description, the same two texts that
``overrides/main.html`` gives as the image's ``og:image:alt``, so the alt
text always says what the image says. Drawn with Pillow's own font
(Aileron, bundled with Pillow): no system font is read, so the same
metadata gives the same bytes on every machine with the pinned Pillow.

Drawing and encoding the card is a tenth of a second, and its two texts
rarely change: :func:`cached_card_png` keeps it in ``.cache/card/`` (see
:mod:`.memo`), and Pillow is imported only when a card is drawn.
"""

from __future__ import annotations

import importlib.util
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from . import memo

if TYPE_CHECKING:
    from PIL import ImageFont

PATH = "social/card.png"
"""Where the card is written under ``docs/`` (and so served in the site)."""
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# Material's indigo (the site's primary colour) and white text on it
# (contrast 6.3:1).
BACKGROUND = (63, 81, 181)
FOREGROUND = (255, 255, 255)
RULE = (197, 202, 233)
NAME_SIZE, NAME_LINES = 72, 2
DESCRIPTION_SIZE, DESCRIPTION_LINES = 38, 5


def _wrap(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int, max_lines: int) -> list[str]:
    """Words in lines no wider than ``width``; a last line that cannot hold
    the rest ends in "…" (the alt text has every word)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and font.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else ""
        lines = lines[: max_lines - 1] + [f"{last} …".strip()]
    return lines


def card_png(name: str, description: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont  # noqa: PLC0415 (see the module's docstring)

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    name_font = ImageFont.load_default(size=NAME_SIZE)
    description_font = ImageFont.load_default(size=DESCRIPTION_SIZE)
    text_width = WIDTH - 2 * MARGIN
    y = MARGIN
    for line in _wrap(name, name_font, text_width, NAME_LINES):
        draw.text((MARGIN, y), line, font=name_font, fill=FOREGROUND)
        y += int(NAME_SIZE * 1.2)
    y += 24
    draw.rectangle((MARGIN, y, MARGIN + 160, y + 6), fill=RULE)
    y += 48
    for line in _wrap(description, description_font, text_width, DESCRIPTION_LINES):
        draw.text((MARGIN, y), line, font=description_font, fill=FOREGROUND)
        y += int(DESCRIPTION_SIZE * 1.35)
    out = io.BytesIO()
    # No text chunks, no time: the bytes depend on the pixels only.
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


CACHE = memo.CACHE / "card"
# A new meaning of the key's parts must not read old entries.
FORMAT = "1"


def cached_card_png(name: str, description: str, cache: Path = CACHE) -> bytes:
    """``card_png(name, description)``, kept in ``cache`` between runs."""
    return memo.remembered(cache, _key(name, description) + ".png", lambda: card_png(name, description))


def _key(name: str, description: str) -> str:
    """Every input of :func:`card_png`: its texts, this module's code (the
    layout, colours and sizes), and the Pillow that draws and encodes it —
    its version, and which build of its compiled modules (the font
    renderer and the PNG encoder with the libraries they carry), by size
    and time, so that a Pillow built or installed again draws the card
    again."""
    import PIL  # noqa: PLC0415 (the package alone, not its modules: a thousandth of a second)

    builds = []
    for module in ("PIL._imaging", "PIL._imagingft"):
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        stat = os.stat(origin) if origin else None
        builds.append(f"{module}:{origin}:{stat.st_size}:{stat.st_mtime_ns}" if stat else f"{module}:-")
    return memo.key(FORMAT, Path(__file__).read_bytes(), PIL.__version__, *builds, name, description)
