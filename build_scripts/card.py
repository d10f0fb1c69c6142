"""The share card: the image that links to the site show in mail, chat and
social media (``og:image``), 1200 × 630 pixels as they expect.

It shows the site's name and its description, the same two texts that
``overrides/main.html`` gives as the image's ``og:image:alt``, so the alt
text always says what the image says. Drawn with Pillow's own font
(Aileron, bundled with Pillow): no system font is read, so the same
metadata gives the same bytes on every machine with the pinned Pillow.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

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
