"""Render inline content as Markdown (for page text) or HTML (for footnote
bodies inside raw HTML blocks). Source text is always escaped: nothing in
the source can become markup, a link or a script."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from .model import Emphasis, FootnoteMark, Inline, LineBreak, Reference, Text

# Characters Python-Markdown (with attr_list and tables) would read as markup
# in running text: \ ` * _ [ ] { } # | — escaped with a backslash (all are in
# its ESCAPED_CHARS); & < > become entities.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|])")
# Line starts that open a block construct: "1. " / "1) " (list), "- ", "+ ",
# "> ", "#", "=" — escaped when a rendered block would begin with them.
_LINE_START_HAZARD = re.compile(r"([0-9]+)([.)])(?=\s)|([-+>#=])")


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that shows exactly that text."""
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def escape_line_start(markdown: str) -> str:
    match = _LINE_START_HAZARD.match(markdown)
    if not match:
        return markdown
    if match.group(1):
        return match.group(1) + "\\" + markdown[len(match.group(1)) :]
    if markdown.startswith("="):
        # "=" is not one of Python-Markdown's escapable characters.
        return "&#61;" + markdown[1:]
    return "\\" + markdown


@dataclass
class FootnoteRefs:
    """Footnote marks rendered on one page, in order, so that each mark gets
    a unique id and the page's footnote list can link back to each."""

    ids: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))

    def next_id(self, number: int) -> str:
        # Python-Markdown's scheme: fnref:N, then fnref2:N, fnref3:N …
        count = len(self.ids[number]) + 1
        ref_id = f"fnref:{number}" if count == 1 else f"fnref{count}:{number}"
        self.ids[number].append(ref_id)
        return ref_id

    @property
    def numbers(self) -> list[int]:
        return sorted(self.ids)


def footnote_ref_html(number: int, ref_id: str) -> str:
    # Material's content.footnote.tooltips finds ".footnote-ref" links and
    # shows the element children of the target "#fn:N" in a tooltip. The
    # mark is kept out of the search index: its number is not a word of the
    # text ("paragraph 6" must not find every page that cites footnote 6).
    return (
        f'<sup id="{ref_id}" class="sd-fnref" data-search-exclude>'
        f'<a class="footnote-ref" href="#fn:{number}" role="doc-noteref" '
        f'aria-label="Footnote {number}">{number}</a></sup>'
    )


LinkFor = Callable[[Reference], str | None]
"""Gives the Markdown link target of a reference on the page being rendered."""
TextMarkup = Callable[[str], str]
"""Turns a run of literal text into escaped Markdown (by default
:func:`escape_markdown`; the glossary's marker also wraps terms)."""


def to_markdown(content: tuple[Inline, ...], refs: FootnoteRefs, link_for: LinkFor | None = None,
                text_markup: TextMarkup = escape_markdown) -> str:
    out: list[str] = []
    for node in content:
        if isinstance(node, Text):
            out.append(text_markup(node.text))
        elif isinstance(node, Reference):
            target = link_for(node) if link_for else None
            text = escape_markdown(node.text)
            if target is None:
                out.append(text)
            else:
                # data-preview names the embedded text the preview script shows.
                out.append(f'[{text}]({target}){{ .sd-ref data-preview="{node.target}" }}')
        elif isinstance(node, Emphasis):
            tag = "strong" if node.strong else "em"
            out.append(f"<{tag}>{to_markdown(node.children, refs, link_for, text_markup)}</{tag}>")
        elif isinstance(node, FootnoteMark):
            out.append(footnote_ref_html(node.number, refs.next_id(node.number)))
        elif isinstance(node, LineBreak):
            out.append("<br>")
    return "".join(out)


def to_html(content: tuple[Inline, ...]) -> str:
    """For raw HTML blocks (footnote bodies): marks inside a footnote body
    are shown as superscript numbers, not links."""
    out: list[str] = []
    for node in content:
        if isinstance(node, Text | Reference):
            out.append(html.escape(node.text, quote=False))
        elif isinstance(node, Emphasis):
            tag = "strong" if node.strong else "em"
            out.append(f"<{tag}>{to_html(node.children)}</{tag}>")
        elif isinstance(node, FootnoteMark):
            out.append(f"<sup>{node.number}</sup>")
        elif isinstance(node, LineBreak):
            out.append("<br>")
    return "".join(out)
