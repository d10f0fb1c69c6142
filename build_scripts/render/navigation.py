"""The site's navigation (Material's sidebar on a desktop, its menu on a
phone): every paragraph by number and subject, under its part.

The navigation is repeated on every page, so its size on a page must not
grow with the number of paragraphs. Material's ``navigation.prune`` renders
only the sections on the way to the page being read (the others become one
link each); this module keeps each section short by grouping paragraphs in
tens ("Paragraphs 41–50"), and tens in hundreds when a part has more than a
hundred, so that a page carries at most :data:`GROUP` entries per level on
the way to it. Lettered points stay out (their paragraph is in it).
"""

from __future__ import annotations

from typing import Any

from .. import ids
from ..model import BlockKind
from ..units import Unit
from .common import FOOTNOTES_PAGE, HOME_PAGE, SiteIndex, html_text, reading_view_path
from .labels import Named

GROUP = 10
"""Entries per level of the navigation: ten paragraphs, ten groups of ten."""

NavItem = dict[str, Any]
"""One entry of MkDocs' ``nav``: ``{title: path}`` or ``{title: [entries]}``."""


def navigation(ix: SiteIndex) -> list[NavItem]:
    """MkDocs' ``nav``: home, then each part (its full text and its
    paragraphs), then the footnotes. Titles are HTML (Material prints them
    as they are), escaped here."""
    nav: list[NavItem] = [{"Home": HOME_PAGE}]
    for part in ix.site.document.parts:
        meta = ix.site.metadata.part(part.key)
        entries: list[NavItem] = [{"Full text": reading_view_path(meta)}]
        for heading, units in _groups(ix, part.key):
            entries.extend(_grouped(ix, heading, units))
        nav.append({html_text(meta.name): entries})
    nav.append({"Footnotes": FOOTNOTES_PAGE})
    return nav


def offline_navigation(ix: SiteIndex) -> list[NavItem]:
    """The offline bundle's ``nav``: home, each part's full text, the
    footnotes. Its home page lists every paragraph by number and subject;
    a navigation that did too would be repeated in each of its hundred
    files, which a zip compresses one by one (it would grow by a fifth)."""
    nav: list[NavItem] = [{"Home": HOME_PAGE}]
    for part in ix.site.document.parts:
        meta = ix.site.metadata.part(part.key)
        nav.append({html_text(meta.name): reading_view_path(meta)})
    nav.append({"Footnotes": FOOTNOTES_PAGE})
    return nav


def _groups(ix: SiteIndex, part_key: str) -> list[tuple[str, list[Unit]]]:
    """A part's paragraphs by kind, and by section where the part has them,
    in document order: ("Preambular paragraphs", […]), ("Paragraphs", […])."""
    groups: list[tuple[str, list[Unit]]] = []
    for unit in ix.units_of(part_key):
        if unit.kind == "point":
            continue
        word = ids.paragraph_word(part_key, unit.block.kind)
        heading = unit.section or (word[0].upper() + word[1:] + "s")
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(unit)
    return groups


def _grouped(ix: SiteIndex, heading: str, units: list[Unit]) -> list[NavItem]:
    """A group of paragraphs as one section, split into ranges when it has
    more than :data:`GROUP`."""
    if len(units) <= GROUP:
        return [{html_text(heading): [_entry(ix, u) for u in units]}]
    return [_range(ix, heading, chunk) for chunk in _chunks(units)]


def _chunks(units: list[Unit]) -> list[list[Unit]]:
    """``units`` in at most :data:`GROUP` runs of 10, 100, 1000 … units."""
    width = GROUP
    while -(-len(units) // width) > GROUP:
        width *= GROUP
    return [units[i:i + width] for i in range(0, len(units), width)]


def _range(ix: SiteIndex, heading: str, units: list[Unit]) -> NavItem:
    """"Paragraphs 41–50" with its paragraphs (or its own ranges)."""
    first, last = ix.named[units[0].eid], ix.named[units[-1].eid]
    title = f"{heading} {_bare(first)}–{_bare(last)}"
    if len(units) <= GROUP:
        return {html_text(title): [_entry(ix, u) for u in units]}
    return {html_text(title): [_range(ix, heading, chunk) for chunk in _chunks(units)]}


def _bare(named: Named) -> str:
    # "pp 3" → "3": the range's heading already says "Preambular paragraphs".
    return named.number.removeprefix("pp ")


def _entry(ix: SiteIndex, unit: Unit) -> NavItem:
    """"42 Expert group on cybercrime", the subject marked as the editors'
    (or as the paragraph's opening words)."""
    named = ix.named[unit.eid]
    number = _bare(named) if unit.block.kind is BlockKind.PREAMBLE else named.number
    subject = ix.fragments.subject(named.subject, named.editorial, markdown=False, spoken=False)
    return {f'<span class="sd-nav-num">{html_text(number)}</span> {subject}': unit.page}
