"""Measures of how a page reads in Chromium, shared by the layout, footnote
and print tests: characters per rendered line, the contrast of an
element's text with what is behind it, and the boxes of elements."""

from __future__ import annotations

# Characters per rendered line in every block the selector matches: the
# characters of its text nodes, in order, start a new line where one lands
# left of and below the one before it. Returns the longest line.
CHARACTERS_PER_LINE = """
(selector) => {
  let longest = "";
  const range = document.createRange();
  for (const block of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let line = "", previous = null;
    const finish = () => { if (line.trim().length > longest.length) longest = line.trim(); line = ""; };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;
        if (previous && box.left < previous.left && box.top >= previous.top + previous.height / 2) finish();
        line += node.data[i];
        previous = box;
      }
    }
    finish();
  }
  return longest;
}
"""

# WCAG 2 contrast ratio of an element's text: its computed colour laid over
# the backgrounds behind it (ancestors' background colours, composited up
# to the first opaque one, white if none is), times the opacity of the
# element and its ancestors (a fading popover has less).
CONTRAST = """
(element) => {
  const parse = (value) => {
    const parts = value.match(/[\\d.]+/g).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const layers = [];
  let opacity = 1;
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const style = getComputedStyle(node);
    opacity *= Number(style.opacity);
    const background = parse(style.backgroundColor);
    if (background.a > 0) layers.push(background);
    if (background.a === 1) break;
  }
  let behind = {r: 255, g: 255, b: 255, a: 1};
  for (const layer of layers.reverse()) behind = over(layer, behind);
  const text = parse(getComputedStyle(element).color);
  const seen = over({...text, a: text.a * opacity}, behind);
  const luminance = (c) => {
    const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const [light, dark] = [luminance(seen), luminance(behind)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
"""

FONT_SIZE = "(element) => parseFloat(getComputedStyle(element).fontSize)"

BOX = "(element) => { const r = element.getBoundingClientRect(); " \
      "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height}; }"


def wait_until_shown(page, selector: str) -> None:
    """Wait until the element is fully opaque and its transitions and
    animations (Material's popovers fade in) have ended."""
    page.wait_for_function(
        """(selector) => { const el = document.querySelector(selector);
             return el !== null && getComputedStyle(el).opacity === "1" &&
                    el.getAnimations({subtree: true}).every(a => a.playState !== "running"); }""",
        arg=selector)
