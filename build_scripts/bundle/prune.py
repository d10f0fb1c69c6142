"""What the bundle never loads, removed from the built site (the online
site drops lunr's language files by the same rule)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .paths import named_files

# Files that the bundle's pages never load, unless one names them: the
# online site's loader of Material's script (overrides/main.html), and the
# theme's own favicon (the site has its own).
UNUSED_UNLESS_NAMED = ("assets/lazy-bundle.js", "assets/images/favicon.png")


def lunr_languages(rel: str) -> bool:
    """lunr's language support (stemmers, word segmenters): Material's
    search worker loads it only when search.lang names a language other
    than English. The online site drops it too (site_build)."""
    return rel.startswith("assets/javascripts/lunr/")


UNUSED = (
    lambda rel: rel.endswith(".map"),
    lunr_languages,
    # A file:// site never shows the server's 404 page.
    lambda rel: rel in {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "404.html"},
    # The share card is for links to the online site (og:image).
    lambda rel: rel == "social/card.png",
)


def prune(site: Path, rules: tuple[Callable[[str], bool], ...] = UNUSED,
          unless_named: tuple[str, ...] = UNUSED_UNLESS_NAMED) -> list[str]:
    removed = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and any(rule(rel) for rule in rules):
            path.unlink()
            removed.append(rel)
    unnamed = {rel for rel in unless_named if (site / rel).is_file()}
    for rel in sorted(unnamed - named_files(site, unnamed, {})):
        (site / rel).unlink()
        removed.append(rel)
    for directory in sorted((p for p in site.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    return removed
