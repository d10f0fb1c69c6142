"""Each page's share of the navigation: on the way to the page, of the
sections beside one another (a part's groups of ten paragraphs), only the
page's own and its :data:`NEIGHBOURS` on either side.

Material's ``navigation.prune`` already renders only the sections on the
way to the page, but every sibling of those sections still stands as a
link: a part of 550 paragraphs would put 55 group links on each of its
pages, and grouping the groups would only trade width for depth, which
grows with the logarithm of the part (issue 19). A window of neighbours
keeps a page's navigation the same size however long the document; every
paragraph stays reachable, group by group, and from the part's full text,
which stays in the window (pages are never left out, only sections). On
the full text itself, which is in no group, the window is the first
groups: the page links every paragraph in its text.
The top level (home, the parts, the footnotes) is kept whole.

Values in, values out: the hook in mkdocs_hooks.py gives the template this
view instead of MkDocs' navigation; the shared navigation is not changed.
"""

from __future__ import annotations

import copy

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section

NEIGHBOURS = 1
"""Sections kept on either side of the one the page is in."""


def window(nav: Navigation) -> Navigation:
    """The page's view of ``nav`` (MkDocs marks the page's sections active
    before the template renders it)."""
    view = copy.copy(nav)
    view.items = [_inside(item) for item in nav.items]
    return view


def _inside(item: StructureItem) -> StructureItem:
    """``item``, and if the page is in it, a copy holding only the window
    of its children."""
    if not (isinstance(item, Section) and item.active):
        return item
    view = copy.copy(item)
    view.children = _window(item.children)
    return view


def _window(children: list[StructureItem]) -> list[StructureItem]:
    sections = [child for child in children if isinstance(child, Section)]
    # Where the page is not in one of them (it is a part's full text, which
    # links every paragraph itself), the first ones.
    active = next((i for i, section in enumerate(sections) if section.active), 0)
    kept = sections[max(0, active - NEIGHBOURS):active + NEIGHBOURS + 1]
    return [_inside(child) for child in children
            if not isinstance(child, Section) or any(child is k for k in kept)]
