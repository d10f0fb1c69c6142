"""Every page's text made shorter without changing what it shows: unread
meta tags, character references where the character itself reads the
same; and the kit's assets minified. (The theme's indentation is dropped
as MkDocs writes each page: build_scripts/minify.py.)"""

from __future__ import annotations

import posixpath
import re

from ..minify import VERBATIM, minified
from .paths import Tree

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
        pieces = VERBATIM.split(_UNREAD_META.sub("", tree.text(rel)))
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
