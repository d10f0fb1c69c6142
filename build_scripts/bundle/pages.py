"""Every page's text made shorter without changing what it shows: the
theme's indentation dropped, unread meta tags, character references where
the character itself reads the same; and the kit's assets minified."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from ..minify import minified
from .paths import Tree

# Text whose white space matters, left as it is by minify_html.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
# A run of white space that holds a line break: one line break renders the
# same (it is white space between inline elements too).
_BLANK_RUN = re.compile(r"[ \t]*\n\s*")


def minify_html(text: str) -> str:
    """Drop the indentation and blank lines of the theme's templates."""
    pieces = _VERBATIM.split(text)
    out = []
    # split() with two groups yields [text, whole, tag-name, text, …].
    for index in range(0, len(pieces), 3):
        out.append(_BLANK_RUN.sub("\n", pieces[index]))
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
    return "".join(out)


def minify_site(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        path.write_text(minify_html(text), encoding="utf-8")


def minify_pages(tree: Tree) -> None:
    for rel in tree.names():
        if rel.endswith(".html"):
            tree.put(rel, minify_html(tree.text(rel)))


# What no one reads from a page opened from file://: the generator's name
# and the description that search engines and link previews show.
_UNREAD_META = re.compile(r'<meta name="(?:generator|description)" content="[^"]*">\n')
# "_" as a character reference (Python-Markdown's, in attributes such as
# data-key="E-RES-2010-18&#95;att&#95;1…"): the same character in HTML text
# and attributes, though not in a script or style.
_UNDERSCORE = "&#95;"


# An apostrophe as a character reference (Jinja's escaping): the same
# character in text, between tags.
_APOSTROPHE = "&#39;"
_TAG = re.compile(r"(<[^>]*>)")


def _tidy(text: str) -> str:
    text = text.replace(_UNDERSCORE, "_")
    return "".join(piece if piece.startswith("<") else piece.replace(_APOSTROPHE, "'") for piece in _TAG.split(text))


def tidy_pages(tree: Tree) -> None:
    """Drop the unread meta tags; write "_" as itself, and "'" between tags."""
    for rel in tree.names():
        if not rel.endswith(".html"):
            continue
        pieces = _VERBATIM.split(_UNREAD_META.sub("", tree.text(rel)))
        # split() with two groups yields [text, whole, tag-name, text, …].
        for index in range(0, len(pieces), 3):
            pieces[index] = _tidy(pieces[index])
        tree.put(rel, "".join(piece for index, piece in enumerate(pieces) if index % 3 != 2))


def minify_assets(tree: Tree) -> None:
    """The site's own stylesheets and scripts in ``assets/`` that the build
    left with their comments (those that only some pages or scripts load:
    the trainer's kit, the home page's contents), without them, as
    build_scripts/minify.py publishes the others."""
    for rel in tree.names():
        folder, suffix = posixpath.dirname(rel), posixpath.splitext(rel)[1]
        if folder == "assets" and suffix in {".css", ".js"}:
            tree.put(rel, minified(tree.text(rel), suffix))
