"""Render a resolved :class:`~.model.Site` into Markdown pages.

Pure: takes values, returns ``{docs-relative path: text}``. Layout lives in
the Jinja templates beside this module; this module decides what goes on
each page and turns inline content into escaped Markdown or HTML.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import ids
from .inline import plain_text
from .inline_render import FootnoteRefs, escape_line_start, escape_markdown, to_html, to_markdown
from .model import Backlink, Block, BlockKind, EditorialNote, Parallel, PartMeta, Point, Reference, Site
from .citations import cited_documents, resolve_ibid
from .exports import akoma_ntoso, document_json
from .parallels import MIN_RUN, THRESHOLD, word_diff
from .units import Unit, is_section_heading, relative_link, section_anchor, site_units

TEMPLATES = Path(__file__).parent / "templates"
FOOTNOTES_PAGE = "footnotes.md"
PARALLELS_PAGE = "parallels.md"
DOCUMENTS_PAGE = "documents.md"
THEMES_PAGE = "themes/index.md"
DATA_PAGE = "data/index.md"
AKN_FILE = "document.akn.xml"
OFFLINE_PAGE = "offline.md"
HOME_PAGE = "index.md"
ABOUT_PAGE = "about.md"
DESCRIPTION_LENGTH = 160
# Material Design Icons "link-variant" (Apache 2.0), inline so that it needs
# no icon font and no request.
LINK_ICON = (
    '<svg class="sd-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">'
    '<path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54'
    "a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48"
    "a2.982 2.982 0 0 0 0-4.24 2.982 2.982 0 0 0-4.24 0l-3.53 3.53a2.982 2.982 0 0 0 0 4.24m2.82-4.24"
    "c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 "
    "0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.982 2.982 0 0 0 0 4.24 2.982 2.982 0 0 0 4.24 0l3.53-3.53"
    'a2.982 2.982 0 0 0 0-4.24.973.973 0 0 1 0-1.42Z"/></svg>'
)


def _yaml_scalar(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; text is escaped in Python
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = _yaml_scalar
    env.filters["md"] = escape_markdown
    return env


def _description(content_text: str) -> str:
    words = " ".join(content_text.split())
    if len(words) <= DESCRIPTION_LENGTH:
        return words
    cut = words[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0]
    return cut + "…"


def reading_view_path(meta: PartMeta) -> str:
    return ids.reading_view_path(meta.slug)


def printed_number(block: Block) -> str:
    """The number as printed before the text ("42. "), or "" for preambular
    paragraphs and an operative paragraph printed without one."""
    return f"{block.num}. " if block.kind is BlockKind.OPERATIVE and block.printed_number else ""


@dataclass
class PageContext:
    """What rendering one page accumulates: its footnote marks and the
    targets of its references, whose text the page embeds for previews."""

    page: str
    in_reading_view: bool
    refs: FootnoteRefs = field(default_factory=FootnoteRefs)
    previews: dict[str, None] = field(default_factory=dict)


class SiteRenderer:
    def __init__(self, site: Site):
        self.site = site
        self.env = _environment()
        self.units = site_units(site)
        self.by_eid = {u.eid: u for u in self.units}
        self.footnotes = {f.number: f for f in site.footnotes}
        self.resolved_ibid = resolve_ibid(site)

    # -- inline --------------------------------------------------------------------

    def markdown(self, content: tuple, ctx: PageContext) -> str:
        def link_for(reference: Reference) -> str:
            ctx.previews[reference.target] = None
            if reference.whole_part:
                meta = self.site.metadata.part(reference.target)
                return relative_link(ctx.page, reading_view_path(meta))
            unit = self.by_eid[reference.target]
            if ctx.in_reading_view:
                return relative_link(ctx.page, unit.view, unit.eid)
            return relative_link(ctx.page, unit.page)

        return to_markdown(content, ctx.refs, link_for)

    # -- fragments ---------------------------------------------------------------

    def notes_about_paragraph(self, eid: str) -> list[EditorialNote]:
        return [n for n in self.site.notes if n.target_eid == eid]

    def notes_about_footnote(self, number: int) -> list[EditorialNote]:
        return [n for n in self.site.notes if n.target_footnote == number]

    def note_admonition(self, note: EditorialNote) -> str:
        body = to_markdown(note.text, FootnoteRefs())
        # The editors' words are not the text: kept out of search.
        return (
            '<div class="sd-editorial-note" data-search-exclude markdown="1">\n\n'
            f'!!! editorial "Editors’ note"\n\n    {body}\n\n</div>'
        )

    def paragraph_markdown(self, unit: Unit, ctx: PageContext, pagelinks: bool) -> str:
        """The paragraph's text (with its printed number) and its points."""
        block = unit.block
        lines: list[str] = []
        number = printed_number(block)
        number = f'<span class="sd-num">{number.strip()}</span> ' if number else ""
        text = escape_line_start(self.markdown(block.content, ctx))
        if ctx.in_reading_view:
            # Retired ids keep their anchors beside the paragraph that replaced them.
            text = "".join(
                f'<span id="{a.old_eid}" class="sd-alias"></span>' for a in self.site.aliases if a.new_eid == unit.eid
            ) + text
        link = self._pagelink(unit, ctx.page) if pagelinks else ""
        kind_class = "sd-preamble" if block.kind is BlockKind.PREAMBLE else "sd-operative"
        lines.append(f"{number}{text}{link}\n{{: #{unit.eid} .sd-para .{kind_class} }}")
        for point in block.points:
            link = self._pagelink(self.by_eid[point.eid], ctx.page) if pagelinks else ""
            lines.append(self.point_markdown(point, ctx, link))
        return "\n\n".join(lines)

    def point_markdown(self, point: Point, ctx: PageContext, link: str = "") -> str:
        """A lettered point with its printed letter and its eId anchor."""
        return (
            f'<span class="sd-num">({point.letter})</span> {self.markdown(point.content, ctx)}{link}\n'
            f"{{: #{point.eid} .sd-para .sd-point }}"
        )

    def _pagelink(self, unit: Unit, page: str) -> str:
        target = relative_link(page, unit.page)
        return (
            f' [¶]({target}){{ .sd-pagelink aria-label="{unit.label}: its own page" }}'
            f" {self.copy_button(unit, compact=True)}"
        )

    def public_url(self, unit: Unit) -> str:
        return unit.public_url(self.site.metadata.site_url)

    def citation(self, unit: Unit) -> str:
        meta = self.site.metadata
        template = meta.citation_main if unit.part.key == "main" else meta.citation_annex
        cited = template.format(name=unit.part.name, para=unit.citation_para, num=unit.num, label=unit.label)
        return f"{cited}, {self.public_url(unit)}"

    def copy_button(self, unit: Unit, compact: bool = False) -> str:
        """A button that copies the paragraph's public address; the page's
        script does the copying and says that it did."""
        url = html.escape(self.public_url(unit))
        if compact:
            return (
                f'<button type="button" class="sd-copy sd-copy--compact" data-copy="{url}" '
                f'aria-label="Copy link to {html.escape(unit.label)}" title="Copy link">'
                f"{LINK_ICON}</button>"
            )
        return f'<button type="button" class="md-button sd-copy" data-copy="{url}">Copy link</button>'

    def cite_button(self, unit: Unit) -> str:
        citation = html.escape(self.citation(unit))
        return (
            f'<button type="button" class="md-button sd-copy sd-cite" data-copy="{citation}" '
            'data-done="Citation copied">Cite</button>'
        )

    def footnote_list(self, refs: FootnoteRefs) -> str:
        items = []
        for number in refs.numbers:
            footnote = self.footnotes[number]
            items.append(
                {
                    "number": number,
                    "body": to_html(footnote.body.content) if footnote.body else None,
                    "notes": [to_html(n.text) for n in self.notes_about_footnote(number)],
                    "resolved": html.escape(self.resolved_ibid.get(number, ""), quote=False),
                    "backrefs": refs.ids[number],
                }
            )
        if not items:
            return ""
        return self.env.get_template("footnote_list.html.j2").render(items=items).strip()

    def heading_markdown(self, block: Block, seen_level_2: bool, section_id: str) -> str:
        text = to_markdown(block.content, FootnoteRefs())
        if block.level == 3 and not seen_level_2:
            # A bold line before the title (the symbol, "**2010/18**") is part
            # of the document's head, not a section heading.
            return f"{escape_line_start(text)}\n{{: .sd-symbol }}"
        if is_section_heading(block, seen_level_2):
            return f"### {text} {{ #{section_id} .sd-section-heading }}"
        return "#" * block.level + " " + text

    def preview_data(self, ctx: PageContext) -> str:
        """The text of every paragraph this page refers to, embedded so that
        previews work with no network and from file://. JSON in a script
        element: the search index skips it, and "<" is escaped so that no
        text can close the element."""
        data: dict[str, dict[str, str]] = {}
        for target in ctx.previews:
            if target in self.by_eid:
                unit = self.by_eid[target]
                block = unit.block
                body = f"<p>{printed_number(block)}{to_html(block.content)}</p>" + "".join(
                    f"<p>({p.letter}) {to_html(p.content)}</p>" for p in block.points
                )
                data[target] = {"label": unit.label, "html": body}
            else:
                meta = self.site.metadata.part(target)
                data[target] = {"label": meta.title, "html": f"<p>{html.escape(self.counts(target))}</p>"}
        if not data:
            return ""
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
        return f'<script type="application/json" class="sd-previews">{payload}</script>'

    def counts(self, part_key: str) -> str:
        units = [u for u in self.units_of(part_key) if u.kind != "point"]
        preambular = sum(1 for u in units if u.kind == "preamble")
        numbered = sum(1 for u in units if u.kind == "paragraph")
        operative = "operative paragraph" if part_key == "main" else "paragraph"
        counted = [(preambular, "preambular paragraph"), (numbered, operative)]
        said = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in counted if n]
        return (" and ".join(said) or "No paragraphs") + "."

    # -- apparatus: backlinks and parallels ------------------------------------------

    def backlinks_to(self, target: str) -> list[Backlink]:
        return [b for b in self.site.backlinks if b.target == target]

    def backlink_items(self, target: str, page: str) -> list[dict[str, str]]:
        return [
            {
                "label": self.by_eid[b.source_eid].label,
                "link": relative_link(page, self.by_eid[b.source_eid].page),
                "relation": b.relation,
                "clause": b.clause,
            }
            for b in self.backlinks_to(target)
        ]

    def parallel_items(self, eid: str, page: str) -> list[dict[str, Any]]:
        items = []
        for parallel in self.site.parallels:
            if eid not in (parallel.resolution_eid, parallel.annex_eid):
                continue
            other = parallel.annex_eid if eid == parallel.resolution_eid else parallel.resolution_eid
            items.append(
                {
                    "label": self.by_eid[other].label,
                    "link": relative_link(page, self.by_eid[other].page),
                    "similarity": f"{parallel.similarity:.2f}",
                    "restates": eid == parallel.resolution_eid,
                    "diff": self.diff_html(parallel),
                }
            )
        return items

    def diff_html(self, parallel: Parallel) -> str:
        annex = self.by_eid[parallel.annex_eid].block
        resolution = self.by_eid[parallel.resolution_eid].block
        out = []
        for piece in word_diff(plain_text(annex.content), plain_text(resolution.content)):
            words = html.escape(piece.words, quote=False)
            if piece.kind == "same":
                out.append(words)
            elif piece.kind == "added":
                out.append(f'<ins title="only in the resolution">{words}</ins>')
            else:
                out.append(f'<del title="only in the annex">{words}</del>')
        return " ".join(out)

    # -- pages -------------------------------------------------------------------

    def paragraph_page(self, index: int) -> str:
        """The page of ``self.units[index]``: its neighbours in document
        order are its previous and next links."""
        unit = self.units[index]
        ctx = PageContext(unit.page, in_reading_view=False)
        if unit.point is None:
            text = self.paragraph_markdown(unit, ctx, pagelinks=False)
            content_text = plain_text(unit.block.content)
            parent = None
        else:
            text = self.point_markdown(unit.point, ctx)
            content_text = plain_text(unit.point.content)
            parent_unit = self.by_eid[unit.block.eid or ""]
            parent = {"label": parent_unit.label, "link": relative_link(unit.page, parent_unit.page)}
        notes = [self.note_admonition(n) for n in self.notes_about_paragraph(unit.eid)]
        neighbours = {
            "previous": self.units[index - 1] if index > 0 else None,
            "next": self.units[index + 1] if index + 1 < len(self.units) else None,
        }
        return self.env.get_template("paragraph.md.j2").render(
            unit=unit,
            order=index + 1,
            tags=[t.title for t in self.site.themes if unit.eid in t.eids or (unit.block.eid in t.eids)],
            copy_button=self.copy_button(unit),
            cite_button=self.cite_button(unit),
            citation=self.citation(unit),
            neighbours={
                key: {"label": n.label, "link": relative_link(unit.page, n.page), "path": n.page} if n else None
                for key, n in neighbours.items()
            },
            title=unit.label,
            description=_description(content_text),
            text=text,
            notes=notes,
            context_link=relative_link(unit.page, unit.view, unit.eid),
            parent=parent,
            section=(
                {"title": unit.section, "link": relative_link(unit.page, unit.view, unit.section_anchor)}
                if unit.section else None
            ),
            backlinks=self.backlink_items(unit.eid, unit.page),
            parallels=self.parallel_items(unit.eid, unit.page),
            footnotes=self.footnote_list(ctx.refs),
            previews=self.preview_data(ctx),
        )

    def reading_view(self, part_key: str) -> str:
        meta = self.site.metadata.part(part_key)
        part = self.site.document.part(part_key)
        ctx = PageContext(reading_view_path(meta), in_reading_view=True)
        blocks: list[str] = []
        seen_level_2 = False
        sections = 0
        for block in part.blocks:
            if block.kind is BlockKind.HEADING:
                sections += is_section_heading(block, seen_level_2)
                blocks.append(self.heading_markdown(block, seen_level_2, section_anchor(part_key, sections)))
                seen_level_2 = seen_level_2 or block.level == 2
            elif block.kind is BlockKind.FRAMING:
                text = escape_line_start(self.markdown(block.content, ctx))
                blocks.append(f"{text}\n{{: .sd-framing }}")
            else:
                unit = self.by_eid[block.eid or ""]
                blocks.append(self.paragraph_markdown(unit, ctx, pagelinks=True))
                blocks.extend(self.note_admonition(n) for n in self.notes_about_paragraph(unit.eid))
        return self.env.get_template("reading_view.md.j2").render(
            part=meta,
            acted_on_by=self.backlink_items(part_key, ctx.page),
            blocks=blocks,
            footnotes=self.footnote_list(ctx.refs),
            previews=self.preview_data(ctx),
        )

    def units_of(self, part_key: str) -> list[Unit]:
        return [u for u in self.units if u.part.key == part_key]

    def citation_link(self, eid: str, page: str = FOOTNOTES_PAGE) -> dict[str, str]:
        unit = self.by_eid.get(eid)
        if unit is not None:
            return {"label": unit.label, "link": relative_link(page, unit.page)}
        # A mark outside any paragraph: link to the part's reading view.
        meta = self.site.metadata.part(eid.split("__block_")[0])
        return {"label": f"{meta.title} (full text)", "link": relative_link(page, reading_view_path(meta))}

    def footnotes_page(self) -> str:
        items: list[dict[str, Any]] = []
        for footnote in self.site.footnotes:
            items.append(
                {
                    "number": footnote.number,
                    "anchor": f"footnote-{footnote.number}",
                    "body": to_html(footnote.body.content) if footnote.body else None,
                    "notes": [to_html(n.text) for n in self.notes_about_footnote(footnote.number)],
                    "resolved": html.escape(self.resolved_ibid.get(footnote.number, ""), quote=False),
                    "ibid_of": footnote.ibid_of,
                    "cited_by": [self.citation_link(c.eid) for c in footnote.cited_by],
                }
            )
        return self.env.get_template("footnotes.md.j2").render(title="Footnotes", items=items)

    def documents_page(self) -> str:
        headings = {"symbol": "Documents", "resolution": "Resolutions", "treaty": "Treaties"}
        groups: list[dict[str, Any]] = []
        for document in cited_documents(self.site, self.resolved_ibid):
            if not groups or groups[-1]["heading"] != headings[document.kind]:
                groups.append({"heading": headings[document.kind], "items": []})
            cited = []
            for where in document.cited_in:
                if where.startswith("footnote "):
                    footnote = self.footnotes[int(where.split()[1])]
                    for citation in footnote.cited_by:
                        cited.append({**self.citation_link(citation.eid, DOCUMENTS_PAGE), "via": where})
                else:
                    cited.append({**self.citation_link(where, DOCUMENTS_PAGE), "via": ""})
            unique = list({(c["label"], c["via"]): c for c in cited}.values())
            groups[-1]["items"].append({"key": document.key, "url": document.url, "cited": unique})
        return self.env.get_template("documents.md.j2").render(groups=groups)

    def parallels_page(self) -> str:
        rows = []
        for parallel in self.site.parallels:
            resolution, annex = self.by_eid[parallel.resolution_eid], self.by_eid[parallel.annex_eid]
            rows.append(
                {
                    "resolution": {"label": resolution.label, "link": relative_link(PARALLELS_PAGE, resolution.page)},
                    "annex": {"label": annex.label, "link": relative_link(PARALLELS_PAGE, annex.page)},
                    "similarity": f"{parallel.similarity:.2f}",
                }
            )
        return self.env.get_template("parallels.md.j2").render(
            rows=rows, threshold=f"{THRESHOLD:.2f}", min_run=MIN_RUN
        )

    def home_page(self) -> str:
        parts = []
        for part in self.site.document.parts:
            meta = self.site.metadata.part(part.key)
            units = [u for u in self.units_of(part.key) if u.kind != "point"]
            operative = "Operative paragraphs" if part.key == "main" else "Paragraphs"
            groups: list[dict[str, Any]] = []
            for unit in units:
                # One group per kind, and per section where the part has them.
                heading = "Preambular paragraphs" if unit.kind == "preamble" else (unit.section or operative)
                if not groups or groups[-1]["heading"] != heading:
                    groups.append({"heading": heading, "links": []})
                text = unit.num if unit.block.printed_number else "¶"
                groups[-1]["links"].append(
                    {"text": text, "link": relative_link(HOME_PAGE, unit.page), "label": unit.label}
                )
            parts.append(
                {
                    "meta": meta,
                    "link": relative_link(HOME_PAGE, reading_view_path(meta)),
                    "counts": self.counts(part.key),
                    "groups": groups,
                    "acted_on_by": self.backlink_items(part.key, HOME_PAGE),
                }
            )
        return self.env.get_template("home.md.j2").render(
            meta=self.site.metadata,
            parts=parts,
            footnotes_link=FOOTNOTES_PAGE,
            parallels_link=PARALLELS_PAGE if self.site.parallels else None,
            offline_link=OFFLINE_PAGE,
            documents_link=DOCUMENTS_PAGE,
            about_link=ABOUT_PAGE,
        )


def _tidy(markdown: str) -> str:
    # Templates leave runs of blank lines where optional sections are empty;
    # one blank line separates blocks in Markdown.
    return re.sub(r"\n{3,}", "\n\n", markdown).strip("\n") + "\n"


def render(site: Site) -> dict[str, str]:
    """Every generated file (pages and data), by its path under ``docs/``."""
    return {path: _tidy(text) if path.endswith(".md") else text for path, text in _render(site).items()}


def _render(site: Site) -> dict[str, str]:
    renderer = SiteRenderer(site)
    pages: dict[str, str] = {
        HOME_PAGE: renderer.home_page(),
        FOOTNOTES_PAGE: renderer.footnotes_page(),
        DOCUMENTS_PAGE: renderer.documents_page(),
    }
    if site.parallels:
        pages[PARALLELS_PAGE] = renderer.parallels_page()
    pages[OFFLINE_PAGE] = renderer.env.get_template("offline.md.j2").render(
        meta=site.metadata, bundle_name=bundle_name(site)
    )
    if site.themes:
        pages[THEMES_PAGE] = renderer.env.get_template("themes.md.j2").render(
            themes=[{"title": t.title, "link": f"{t.slug}.md", "count": len(t.eids)} for t in site.themes]
        )
        for theme in site.themes:
            pages[f"themes/{theme.slug}.md"] = renderer.env.get_template("theme.md.j2").render(
                theme=theme, count=len(theme.eids), index_link="index.md"
            )
    pages[DATA_PAGE] = renderer.env.get_template("data.md.j2").render(meta=site.metadata, akn_file=AKN_FILE)
    pages["data/document.json"] = document_json(site)
    registry = [u.registry_entry() for u in renderer.units]
    pages["data/ids.json"] = json.dumps(registry, indent=1, ensure_ascii=False) + "\n"
    pages[f"data/{AKN_FILE}"] = akoma_ntoso(site)
    example = next(u for u in reversed(renderer.units) if u.kind == "paragraph")
    pages[ABOUT_PAGE] = renderer.env.get_template("about.md.j2").render(
        meta=site.metadata,
        parts=list(site.metadata.parts),
        example={"page_url": example.page_url, "anchor_url": example.anchor_url, "label": example.label},
        notes_count=len(site.notes),
    )
    for part in site.document.parts:
        pages[reading_view_path(site.metadata.part(part.key))] = renderer.reading_view(part.key)
    for index, unit in enumerate(renderer.units):
        pages[unit.page] = renderer.paragraph_page(index)
    for alias in site.aliases:
        old_page = alias.old_page_url.strip("/") + ".md"
        target = renderer.by_eid[alias.new_eid]
        pages[old_page] = renderer.env.get_template("redirect.md.j2").render(
            old_eid=alias.old_eid,
            target={"label": target.label, "link": relative_link(old_page, target.page), "path": target.page},
        )
    return pages


def bundle_name(site: Site) -> str:
    """The offline bundle's name: the source file's stem + "-offline"."""
    return Path(site.document.path).stem + "-offline"


def mkdocs_config(site: Site) -> dict[str, Any]:
    """The document-specific part of the MkDocs configuration, which
    ``mkdocs.yml`` inherits (``INHERIT:``)."""
    nav: list[Any] = [{"Home": HOME_PAGE}]
    for part in site.document.parts:
        meta = site.metadata.part(part.key)
        nav.append({meta.name: reading_view_path(meta)})
    # Kept short: the navigation is repeated on every page. The parallels,
    # the offline bundle and the about page are linked from the home page.
    nav.append({"Footnotes": FOOTNOTES_PAGE})
    return {
        "site_name": site.metadata.site_name,
        "site_url": site.metadata.site_url,
        "site_description": site.metadata.description,
        "nav": nav,
        # The theme links the online home and offline pages to the download.
        "extra": {"bundle": {"name": bundle_name(site), "href": f"downloads/{bundle_name(site)}.zip"}},
    }
