"""Pieces that several kinds of page share: a paragraph's text with its
number and anchors, the editors' notes, the buttons, the footnote list and
the embedded preview texts. The markup is in ``fragments.md.j2`` and
``footnote_list.html.j2``; this module chooses what goes into it."""

from __future__ import annotations

import functools
import re
from typing import Any

from markupsafe import Markup

from .. import ids
from ..inline import split_last_word
from ..inline_render import FootnoteRefs, escape_line_start, to_html, to_markdown
from ..model import BlockKind, EditorialNote, Footnote, Point, Reference
from ..units import Unit, relative_link
from .common import PageContext, SiteIndex, html_text, printed_number, reading_view_path
from .glossary_marks import TermMarker, TermPatterns


def markdown(ix: SiteIndex, content: tuple, ctx: PageContext) -> str:
    """Inline content as Markdown, with references linked for this page
    (into the reading view when the page is one) and noted for previews."""

    def link_for(reference: Reference) -> str:
        ctx.previews[reference.target] = None
        if reference.whole_part:
            meta = ix.site.metadata.part(reference.target)
            return relative_link(ctx.page, reading_view_path(meta))
        unit = ix.by_eid[reference.target]
        if ctx.in_reading_view:
            return relative_link(ctx.page, unit.view, unit.eid)
        return relative_link(ctx.page, unit.page)

    marker = TermMarker(_term_patterns(ix.site.glossary), ctx.marked_terms)
    return to_markdown(content, ctx.refs, link_for, marker.markup)


# The glossary's phrases are compiled once per site, not once per page.
_term_patterns = functools.lru_cache(maxsize=4)(TermPatterns.of)


def note_admonition(ix: SiteIndex, note: EditorialNote) -> str:
    body = escape_line_start(to_markdown(note.text, FootnoteRefs()))
    return str(ix.fragments.editorial_note(body))


def paragraph_markdown(ix: SiteIndex, unit: Unit, ctx: PageContext, pagelinks: bool) -> str:
    """The paragraph's text (with its printed number) and its points; with
    ``pagelinks`` (in a reading view), each ends with its ¶ and copy-link
    glyphs, and its number links to its anchor."""
    block = unit.block
    anchors = ""
    if ctx.in_reading_view:
        # Retired ids keep their anchors beside the paragraph that replaced it.
        anchors = "".join(
            str(ix.fragments.alias_anchor(a.old_eid)) for a in ix.site.aliases if a.new_eid == unit.eid
        )
    link = pagelink(ix, unit, ctx.page) if pagelinks else ""
    lines = [
        str(ix.fragments.paragraph(
            printed_number(block).strip(),
            anchors,
            text_with_glyphs(ix, block.content, ctx, link),
            unit.eid,
            "sd-preamble" if block.kind is BlockKind.PREAMBLE else "sd-operative",
            permalink=ctx.in_reading_view,
        ))
    ]
    for point in block.points:
        link = pagelink(ix, ix.by_eid[point.eid], ctx.page) if pagelinks else ""
        lines.append(point_markdown(ix, point, ctx, link))
    return "\n\n".join(lines)


def point_markdown(ix: SiteIndex, point: Point, ctx: PageContext, link: str = "") -> str:
    """A lettered point with its printed letter and its eId anchor."""
    text = text_with_glyphs(ix, point.content, ctx, link)
    return str(ix.fragments.point(point.letter, text, point.eid, permalink=ctx.in_reading_view))


def text_with_glyphs(ix: SiteIndex, content: tuple, ctx: PageContext, link: str) -> str:
    """Inline content as Markdown followed by ``link`` (the ¶ and copy-link
    glyphs, or nothing); the last word and the glyphs never part across a
    line break, so that the glyphs never stand on a line of their own."""
    if not link:
        return escape_line_start(markdown(ix, content, ctx))
    head, tail = split_last_word(content)
    # In document order, so that footnote marks are numbered as they occur.
    head_text = escape_line_start(markdown(ix, head, ctx)) if head else ""
    return head_text + str(ix.fragments.nowrap(markdown(ix, tail, ctx) + link))


def pagelink(ix: SiteIndex, unit: Unit, page: str) -> str:
    """The ¶ link and the compact copy button after a paragraph of the
    reading view ``page``. The button carries no more than it must, for
    every paragraph of a long text repeats it (issue 19): the paragraph
    page's public address relative to the view's, or its citation's
    locator (the view carries the rest once, citation_frame)."""
    url = ix.public_url(unit)
    copy = None
    if url is not None:
        here = str(ix.site.metadata.site_url) + ids.page_url(page)
        below = url.removeprefix(here)
        # Only a plain path down ("42/", "13/a/"): it resolves against the
        # view's canonical address to exactly ``url``, in cite.js as here.
        copy = below if below != url and _PATH_DOWN.fullmatch(below) else url
    return str(ix.fragments.pagelink(relative_link(page, unit.page), unit.label, copy, ix.citation(unit).locator))


_PATH_DOWN = re.compile(r"(?:[A-Za-z0-9_-]+/)+")  # "42/", "preamble/3/", "13/a/"


def footnote_item(ix: SiteIndex, footnote: Footnote) -> dict[str, Any]:
    """A footnote's body and editors' notes (HTML, escaped by to_html, as
    Markup) and what its "Ibid." stands for (plain text)."""
    return {
        "number": footnote.number,
        "body": Markup(to_html(footnote.body.content)) if footnote.body else None,
        "notes": [Markup(to_html(n.text)) for n in ix.notes_about_footnote(footnote.number)],
        "resolved": ix.resolved_ibid.get(footnote.number, ""),
    }


def footnote_list(ix: SiteIndex, refs: FootnoteRefs, searchable: bool = True) -> str:
    """The footnotes cited on a page, each linked back to its marks; a
    section of the page's search entry unless ``searchable`` is false."""
    items = [{**footnote_item(ix, ix.footnotes[n]), "backrefs": refs.ids[n]} for n in refs.numbers]
    if not items:
        return ""
    return ix.render("footnote_list.html.j2", items=items, searchable=searchable).strip()


def preview_data(ix: SiteIndex, ctx: PageContext) -> str:
    """The text of every paragraph this page refers to, embedded so that
    previews work with no network and from file://."""
    data: dict[str, dict[str, str]] = {}
    for target in ctx.previews:
        if target in ix.by_eid:
            unit = ix.by_eid[target]
            block = unit.block
            points = [(p.letter, to_html(p.content)) for p in block.points]
            named = ix.named[target]
            subject = str(ix.fragments.subject(named.subject, named.editorial, markdown=False))
            body = str(ix.fragments.preview_body(subject, printed_number(block), to_html(block.content), points))
            data[target] = {"label": unit.label, "html": body}
        else:
            meta = ix.site.metadata.part(target)
            counts = str(ix.fragments.preview_body("", "", html_text(ix.counts(target)), []))
            data[target] = {"label": meta.title, "html": counts}
    if not data:
        return ""
    return str(ix.fragments.previews_script(data))
