"""The whole text of each part, every block in printed order, each
paragraph with its eId anchor, its page link and its editors' notes; and
the page that lists a part's preambular paragraphs."""

from __future__ import annotations

from typing import Any

from .. import ids
from ..cite import citation_frame
from ..inline import plain_text
from ..inline_render import FootnoteRefs, escape_line_start, to_markdown
from ..model import Block, BlockKind
from ..parallels import closeness
from ..themes import themes_of
from ..units import Unit, is_section_heading, relative_link, section_anchor
from .common import PageContext, SiteIndex, description, reading_view_path
from .fragments import footnote_list, markdown, paragraph_markdown, preview_data


def reading_view(ix: SiteIndex, part_key: str) -> str:
    meta = ix.site.metadata.part(part_key)
    part = ix.site.document.part(part_key)
    ctx = PageContext(reading_view_path(meta), in_reading_view=True)
    blocks: list[str] = []
    seen_level_2 = False
    sections = 0
    for block in part.blocks:
        if block.kind is BlockKind.HEADING:
            sections += is_section_heading(block, seen_level_2)
            blocks.append(heading_markdown(ix, block, seen_level_2, section_anchor(part_key, sections)))
            seen_level_2 = seen_level_2 or block.level == 2
        elif block.kind is BlockKind.FRAMING:
            text = escape_line_start(markdown(ix, block.content, ctx))
            blocks.append(str(ix.fragments.classed_block(text, "sd-framing")))
        else:
            unit = ix.by_eid[block.eid or ""]
            blocks.append(paragraph_markdown(ix, unit, ctx, pagelinks=True))
            blocks.append(margin_markdown(ix, unit, ctx))
    return ix.render(
        "reading_view.md.j2",
        part=meta,
        acted_on_by=ix.backlink_items(part_key, ctx.page),
        blocks=blocks,
        footnotes=footnote_list(ix, ctx.refs),
        previews=preview_data(ix, ctx),
        # Without a public address the compact buttons copy citations
        # (from file://): the part's, around each button's locator.
        cite_frame=None if ix.site.metadata.site_url else str(
            ix.fragments.cite_frame_script(citation_frame(ix.site.metadata, meta))),
    )


def heading_markdown(ix: SiteIndex, block: Block, seen_level_2: bool, section_id: str) -> str:
    text = to_markdown(block.content, FootnoteRefs())
    if block.level == 3 and not seen_level_2:
        # A bold line before the title (the symbol, "**2010/18**") is part
        # of the document's head, not a section heading.
        return str(ix.fragments.classed_block(escape_line_start(text), "sd-symbol"))
    if is_section_heading(block, seen_level_2):
        return str(ix.fragments.section_heading(text, section_id))
    return "#" * block.level + " " + text


def margin_markdown(ix: SiteIndex, unit: Unit, ctx: PageContext) -> str:
    """The margin note beside a paragraph (see the ``margin`` macro), or ""
    when there is nothing to say. Links go to anchors in the reading views,
    as the text's own references do there. A paragraph that acts on this
    one and also restates it is named once."""

    def link(eid: str) -> str:
        other = ix.by_eid[eid]
        return relative_link(ctx.page, other.view, other.eid)

    restated_by: dict[str, dict[str, Any]] = {}
    parallels: list[dict[str, Any]] = []
    for p in ix.site.parallels:
        if unit.eid in (p.resolution_eid, p.annex_eid):
            other = p.annex_eid if unit.eid == p.resolution_eid else p.resolution_eid
            item = {"restates": unit.eid == p.resolution_eid, "closeness": closeness(p.similarity),
                    "similarity": f"{p.similarity:.2f}", "label": ix.by_eid[other].label, "link": link(other)}
            if not item["restates"]:
                restated_by[other] = item
            parallels.append(item)
    acted: list[dict[str, Any]] = []
    for b in ix.backlinks_to(unit.eid):
        source = ix.by_eid[b.source_eid]
        restating = restated_by.get(b.source_eid)
        if restating is not None and restating in parallels:
            parallels.remove(restating)
        acted.append({
            # The resolution acting on its annex, or a paragraph citing another of its own part.
            "verb": "Acted on by" if source.part.key != unit.part.key else "Referred to in",
            "label": source.label, "link": link(b.source_eid), "restating": restating,
        })
    themes = [t.title for t in themes_of(ix.site.themes, unit)]
    notes = [to_markdown(n.text, FootnoteRefs()) for n in ix.notes_about_paragraph(unit.eid)]
    if not (acted or parallels or themes or notes):
        return ""
    return str(ix.fragments.margin(acted, parallels, themes, notes))


def preamble_pages(ix: SiteIndex) -> dict[str, str]:
    """``<slug>/preamble/index.md`` for each part with preambular
    paragraphs: each one linked, with its opening words."""
    pages = {}
    for part in ix.site.document.parts:
        units = [u for u in ix.units_of(part.key) if u.kind == "preamble"]
        if not units:
            continue
        meta = ix.site.metadata.part(part.key)
        page = ids.preamble_index_path(meta.slug)
        pages[page] = ix.render(
            "preamble.md.j2",
            part=meta,
            view_link=relative_link(page, reading_view_path(meta)),
            paragraphs=[
                {"num": u.num, "label": u.label, "link": relative_link(page, u.page),
                 "opening": description(plain_text(u.block.content)), "named": ix.named[u.eid]}
                for u in units
            ],
        )
    return pages
