"""A page for every paragraph and lettered point: its text, notes, tools,
neighbours, what cites it, its parallel passages and its footnotes."""

from __future__ import annotations

from typing import Any

from markdown.extensions.toc import slugify

from ..inline import plain_text
from ..model import Parallel
from ..parallels import closeness, word_diff
from ..themes import themes_of
from ..units import Unit, relative_link
from .common import PageContext, SiteIndex, description
from .fragments import footnote_list, note_admonition, paragraph_markdown, point_markdown, preview_data
from .trainer_pages import handout_link


def paragraph_page(ix: SiteIndex, index: int) -> str:
    """The page of ``ix.units[index]``: its neighbours in document order
    are its previous and next links."""
    unit = ix.units[index]
    ctx = PageContext(unit.page, in_reading_view=False)
    if unit.point is None:
        text = paragraph_markdown(ix, unit, ctx, pagelinks=False)
        content_text = plain_text(unit.block.content)
        parent = None
    else:
        text = point_markdown(ix, unit.point, ctx)
        content_text = plain_text(unit.point.content)
        parent_unit = ix.by_eid[unit.block.eid or ""]
        parent = {"label": parent_unit.label, "link": relative_link(unit.page, parent_unit.page)}
    return ix.render(
        "paragraph.md.j2",
        unit=unit,
        order=index + 1,
        tags=[t.title for t in themes_of(ix.site.themes, unit)],
        public_url=ix.public_url(unit),
        citation=ix.citation(unit),
        neighbours=_neighbours(ix, index),
        named=ix.named[unit.eid],
        title_id=slugify(unit.label, "-"),
        description=description(content_text),
        text=text,
        notes=[note_admonition(ix, n) for n in ix.notes_about_paragraph(unit.eid)],
        context_link=relative_link(unit.page, unit.view, unit.eid),
        parent=parent,
        section=(
            {"title": unit.section, "link": relative_link(unit.page, unit.view, unit.section_anchor)}
            if unit.section else None
        ),
        backlinks=ix.backlink_items(unit.eid, unit.page),
        parallels=parallel_items(ix, unit.eid, unit.page),
        footnotes=footnote_list(ix, ctx.refs),
        previews=preview_data(ix, ctx),
        handout_link=handout_link(unit.page, unit),
    )


def _neighbours(ix: SiteIndex, index: int) -> dict[str, dict[str, Any] | None]:
    unit = ix.units[index]
    neighbours = {
        "previous": ix.units[index - 1] if index > 0 else None,
        "next": ix.units[index + 1] if index + 1 < len(ix.units) else None,
    }
    return {
        key: {"named": ix.named[n.eid], "link": relative_link(unit.page, n.page), "path": n.page} if n else None
        for key, n in neighbours.items()
    }


def parallel_items(ix: SiteIndex, eid: str, page: str) -> list[dict[str, Any]]:
    """The parallel passages of ``eid``, linked from ``page`` (see apparatus.md.j2)."""
    items = []
    for parallel in ix.site.parallels:
        if eid not in (parallel.resolution_eid, parallel.annex_eid):
            continue
        other = parallel.annex_eid if eid == parallel.resolution_eid else parallel.resolution_eid
        items.append(
            {
                "label": ix.by_eid[other].label,
                "link": relative_link(page, ix.by_eid[other].page),
                "similarity": f"{parallel.similarity:.2f}",
                "closeness": closeness(parallel.similarity),
                "restates": eid == parallel.resolution_eid,
                "diff": diff_html(ix, parallel),
            }
        )
    return items


def diff_html(ix: SiteIndex, parallel: Parallel) -> str:
    """The annex paragraph against the resolution's, word by word."""
    annex: Unit = ix.by_eid[parallel.annex_eid]
    resolution: Unit = ix.by_eid[parallel.resolution_eid]
    pieces = word_diff(plain_text(annex.block.content), plain_text(resolution.block.content))
    return " ".join(str(ix.fragments.diff_piece(p.kind, p.words)) for p in pieces)
