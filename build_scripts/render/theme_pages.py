"""The themes' index and one page per theme that prints its paragraphs in
full, in document order, so that it reads and prints as a handout.

Material's tags plugin still lists each theme on its page (the marker in
``theme.md.j2``), with the site's own layout
(``overrides/fragments/tags/sd-theme/``): it renders only the heading that
the paragraph pages' theme chips link to, and this module writes the
contents under it and the paragraphs after it.
"""

from __future__ import annotations

from ..model import Theme
from ..units import relative_link
from .common import THEMES_PAGE, PageContext, SiteIndex
from .fragments import footnote_list, paragraph_markdown, preview_data
from .trainer_pages import theme_deck, theme_handout_link


def theme_pages(ix: SiteIndex) -> dict[str, str]:
    """The themes' index and one page per theme, when the site has themes."""
    themes = ix.site.themes
    if not themes:
        return {}
    pages = {
        THEMES_PAGE: ix.render(
            "themes.md.j2",
            themes=[{"title": t.title, "link": f"{t.slug}.md", "count": len(t.eids)} for t in themes],
        )
    }
    for theme in themes:
        pages[theme_path(theme)] = theme_page(ix, theme)
    return pages


def theme_path(theme: Theme) -> str:
    return f"themes/{theme.slug}.md"


def theme_page(ix: SiteIndex, theme: Theme) -> str:
    page = theme_path(theme)
    ctx = PageContext(page, in_reading_view=False)
    order = {u.eid: i for i, u in enumerate(ix.units)}
    paragraphs = []
    for eid in sorted(theme.eids, key=order.__getitem__):
        unit = ix.by_eid[eid]
        paragraphs.append({
            "named": ix.named[eid],
            "eid": eid,
            "link": relative_link(page, unit.page),
            "context_link": relative_link(page, unit.view, unit.eid),
            # In document order, so that footnote marks are numbered as they occur.
            "text": paragraph_markdown(ix, unit, ctx, pagelinks=False),
        })
    return ix.render(
        "theme.md.j2",
        theme=theme,
        index_link="index.md",
        paragraphs=paragraphs,
        footnotes=footnote_list(ix, ctx.refs, searchable=False),
        previews=preview_data(ix, ctx),
        deck=theme_deck(ix, theme),
        handout_link=theme_handout_link(page, theme),
    )
