"""The site's navigation (Material's sidebar on a desktop, its menu on a
phone): every paragraph by number and subject, under its part.

The navigation is repeated on every page, so its size on a page must not
grow with the number of paragraphs. Each part lists its full text and its
paragraphs in groups of :data:`GROUP` ("Paragraphs 41–50"), one level
deep however long the part. Material's ``navigation.prune`` renders only
the sections on the way to the page being read (the others become one link
each), and :mod:`build_scripts.nav_window` (an MkDocs hook) keeps, of a
part's groups, only the page's own and the ones beside it: a paragraph
page carries the same navigation for a part of fifty paragraphs as for one
of five thousand, and a reader still reaches every paragraph from group to
group, or from the part's full text. Lettered points stay out (their
paragraph is in it).
"""

from __future__ import annotations

from typing import Any

from .. import ids
from ..model import BlockKind
from ..units import Unit
from .common import FOOTNOTES_PAGE, HOME_PAGE, SiteIndex, html_text, reading_view_path
from .labels import Named

GROUP = 10
"""Paragraphs per group of the navigation."""

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
    """A group of paragraphs as one section, or as sections of
    :data:`GROUP` ("Paragraphs 41–50") when it has more."""
    if len(units) <= GROUP:
        return [{html_text(heading): [_entry(ix, u) for u in units]}]
    return [_range(ix, heading, units[i:i + GROUP]) for i in range(0, len(units), GROUP)]


def _range(ix: SiteIndex, heading: str, units: list[Unit]) -> NavItem:
    """"Paragraphs 41–50" with its paragraphs."""
    first, last = ix.named[units[0].eid], ix.named[units[-1].eid]
    title = f"{heading} {_bare(first)}–{_bare(last)}"
    return {html_text(title): [_entry(ix, u) for u in units]}


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
