"""Which of the theme's files a site searched in English alone never
loads. A module of its own: MkDocs' hooks (mkdocs_hooks.on_files) and the
offline bundle (bundle.prune) both ask, and the hooks should not import
the bundle's package to do so (a twentieth of a second in each build)."""

from __future__ import annotations


def lunr_languages(rel: str) -> bool:
    """lunr's language support (stemmers, word segmenters): Material's
    search worker loads it only when search.lang names a language other
    than English."""
    return rel.startswith("assets/javascripts/lunr/")
