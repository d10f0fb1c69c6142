"""What the bundle never loads, removed from the built site (the online
site leaves lunr's language files out by the same rule:
mkdocs_hooks.on_files)."""

from __future__ import annotations

from collections.abc import Callable

from ..theme_files import lunr_languages
from .paths import Tree, named_files

# Files that the bundle's pages never load, unless one names them: the
# online site's loader of Material's script (overrides/main.html), and the
# theme's own favicon (the site has its own).
UNUSED_UNLESS_NAMED = ("assets/lazy-bundle.js", "assets/images/favicon.png")


UNUSED = (
    lambda rel: rel.endswith(".map"),
    lunr_languages,
    # A file:// site never shows the server's 404 page.
    lambda rel: rel in {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "404.html"},
    # The share card is for links to the online site (og:image).
    lambda rel: rel == "social/card.png",
)


def prune(tree: Tree, rules: tuple[Callable[[str], bool], ...] = UNUSED,
          unless_named: tuple[str, ...] = UNUSED_UNLESS_NAMED) -> list[str]:
    removed = [rel for rel in tree.names() if any(rule(rel) for rule in rules)]
    unnamed = {rel for rel in unless_named if tree.is_file(rel)} - set(removed)
    for rel in removed:
        tree.remove(rel)
    for rel in sorted(unnamed - named_files(tree, unnamed, {})):
        tree.remove(rel)
        removed.append(rel)
    return removed
