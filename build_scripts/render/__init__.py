"""Render a resolved :class:`~build_scripts.model.Site` into Markdown pages
and data files.

Pure: takes values, returns ``{docs-relative path: text}``. Layout lives in
the Jinja templates of ``build_scripts/templates/``; each module here
decides what goes on one kind of page:

- :mod:`.common` — the environment and its escaping filters, the site's lookups;
- :mod:`.fragments` — a paragraph's text, notes, buttons, footnotes, previews;
- :mod:`.paragraph_pages` — one page per paragraph and point;
- :mod:`.reading_views` — the whole text of each part, and its preamble listed;
- :mod:`.apparatus_pages` — home, footnotes, documents, parallels, about,
  offline, redirects;
- :mod:`.theme_pages` — the themes, each page with its paragraphs in full;
- :mod:`.navigation`, :mod:`.labels`, :mod:`.jump` — the navigation, how a
  paragraph is named (number, subject, title), the jump box's map;
- :mod:`.data_exports` — document.json, ids.json, Akoma Ntoso, MkDocs settings;
- :mod:`.trainer_pages` — the trainer's kit: glossary, handouts and the data
  that present mode and handouts assemble from.
"""

from __future__ import annotations

import re

from ..model import Site
from ..search_terms import search_files
from .apparatus_pages import (
    about_page,
    documents_page,
    footnotes_page,
    home_page,
    offline_page,
    parallels_page,
    redirect_pages,
)
from .common import (
    ABOUT_PAGE,
    DOCUMENTS_PAGE,
    FOOTNOTES_PAGE,
    HOME_PAGE,
    OFFLINE_PAGE,
    PARALLELS_PAGE,
    SiteIndex,
    printed_number,
    reading_view_path,
)
from .data_exports import OFFLINE_CONFIG, bundle_name, data_files, mkdocs_config, offline_mkdocs_config
from .jump import JUMP_DATA, jump_data
from .paragraph_pages import paragraph_page
from .reading_views import preamble_pages, reading_view
from .theme_pages import theme_pages
from .trainer_pages import trainer_pages

__all__ = ["OFFLINE_CONFIG", "bundle_name", "mkdocs_config", "offline_mkdocs_config", "printed_number",
           "reading_view_path", "render"]


def render(site: Site) -> dict[str, str]:
    """Every generated file (pages and data), by its path under ``docs/``."""
    return {path: _tidy(text) if path.endswith(".md") else text for path, text in _render(site).items()}


def _tidy(markdown: str) -> str:
    # Templates leave runs of blank lines where optional sections are empty;
    # one blank line separates blocks in Markdown.
    return re.sub(r"\n{3,}", "\n\n", markdown).strip("\n") + "\n"


def _render(site: Site) -> dict[str, str]:
    ix = SiteIndex.of(site)
    pages: dict[str, str] = {
        HOME_PAGE: home_page(ix),
        FOOTNOTES_PAGE: footnotes_page(ix),
        DOCUMENTS_PAGE: documents_page(ix),
    }
    if site.parallels:
        pages[PARALLELS_PAGE] = parallels_page(ix)
    pages[OFFLINE_PAGE] = offline_page(ix, bundle_name(site))
    pages.update(theme_pages(ix))
    pages.update(data_files(ix))
    pages[JUMP_DATA] = jump_data(ix)
    pages[ABOUT_PAGE] = about_page(ix)
    for part in site.document.parts:
        pages[reading_view_path(site.metadata.part(part.key))] = reading_view(ix, part.key)
    pages.update(preamble_pages(ix))
    for index, unit in enumerate(ix.units):
        pages[unit.page] = paragraph_page(ix, index)
    pages.update(trainer_pages(ix))
    pages.update(redirect_pages(ix))
    # What the search box knows beyond the pages' words (SEARCH.md).
    pages.update(search_files(site, FOOTNOTES_PAGE, "footnote-{number}", ABOUT_PAGE))
    return pages
