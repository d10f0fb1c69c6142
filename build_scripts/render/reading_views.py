"""The whole text of each part, every block in printed order, each
paragraph with its eId anchor, its page link and its editors' notes; and
the page that lists a part's preambular paragraphs."""

from __future__ import annotations

from .. import ids
from ..inline import plain_text
from ..inline_render import FootnoteRefs, escape_line_start, to_markdown
from ..model import Block, BlockKind
from ..units import is_section_heading, relative_link, section_anchor
from .common import PageContext, SiteIndex, description, reading_view_path
from .fragments import footnote_list, markdown, note_admonition, paragraph_markdown, preview_data


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
            blocks.extend(note_admonition(ix, n) for n in ix.notes_about_paragraph(unit.eid))
    return ix.render(
        "reading_view.md.j2",
        part=meta,
        acted_on_by=ix.backlink_items(part_key, ctx.page),
        blocks=blocks,
        footnotes=footnote_list(ix, ctx.refs),
        previews=preview_data(ix, ctx),
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
                 "opening": description(plain_text(u.block.content))}
                for u in units
            ],
        )
    return pages
