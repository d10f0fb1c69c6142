"""Render a resolved :class:`~.model.Site` into Markdown pages.

Pure: takes values, returns ``{docs-relative path: text}``. Layout lives in
the Jinja templates beside this module; this module decides what goes on
each page and turns inline content into escaped Markdown or HTML.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

from .inline import plain_text
from .inline_render import FootnoteRefs, escape_line_start, to_html, to_markdown
from .model import Block, BlockKind, EditorialNote, Site
from .units import Unit, relative_link, site_units

TEMPLATES = Path(__file__).parent / "templates"
FOOTNOTES_PAGE = "footnotes.md"
HOME_PAGE = "index.md"
ABOUT_PAGE = "about.md"
DESCRIPTION_LENGTH = 160


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
    return env


def _description(content_text: str) -> str:
    words = " ".join(content_text.split())
    if len(words) <= DESCRIPTION_LENGTH:
        return words
    cut = words[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0]
    return cut + "…"


class SiteRenderer:
    def __init__(self, site: Site):
        self.site = site
        self.env = _environment()
        self.units = site_units(site)
        self.by_eid = {u.eid: u for u in self.units}
        self.footnotes = {f.number: f for f in site.footnotes}

    # -- fragments -------------------------------------------------------------

    def notes_about_paragraph(self, eid: str) -> list[EditorialNote]:
        return [n for n in self.site.notes if n.target_eid == eid]

    def notes_about_footnote(self, number: int) -> list[EditorialNote]:
        return [n for n in self.site.notes if n.target_footnote == number]

    def note_admonition(self, note: EditorialNote) -> str:
        body = to_markdown(note.text, FootnoteRefs())
        return f'!!! editorial "Editors’ note"\n\n    {body}'

    def paragraph_markdown(self, unit: Unit, page: str, refs: FootnoteRefs, pagelinks: bool) -> str:
        """The paragraph's text (with its printed number) and its points."""
        block = unit.block
        lines: list[str] = []
        number = f'<span class="sd-num">{block.num}.</span> ' if block.kind is BlockKind.OPERATIVE else ""
        text = escape_line_start(to_markdown(block.content, refs))
        link = self._pagelink(unit, page) if pagelinks else ""
        kind_class = "sd-preamble" if block.kind is BlockKind.PREAMBLE else "sd-operative"
        lines.append(f"{number}{text}{link}\n{{: #{unit.eid} .sd-para .{kind_class} }}")
        for point in block.points:
            point_unit = self.by_eid[point.eid]
            point_text = to_markdown(point.content, refs)
            link = self._pagelink(point_unit, page) if pagelinks else ""
            lines.append(
                f'<span class="sd-num">({point.letter})</span> {point_text}{link}\n'
                f"{{: #{point.eid} .sd-para .sd-point }}"
            )
        return "\n\n".join(lines)

    def _pagelink(self, unit: Unit, page: str) -> str:
        target = relative_link(page, unit.page)
        return f' [¶]({target}){{ .sd-pagelink aria-label="{unit.label}: its own page" }}'

    def footnote_list(self, refs: FootnoteRefs) -> str:
        items = []
        for number in refs.numbers:
            footnote = self.footnotes[number]
            items.append(
                {
                    "number": number,
                    "body": to_html(footnote.body.content) if footnote.body else None,
                    "notes": [to_html(n.text) for n in self.notes_about_footnote(number)],
                    "backrefs": refs.ids[number],
                }
            )
        if not items:
            return ""
        return self.env.get_template("footnote_list.html.j2").render(items=items).strip()

    def heading_markdown(self, block: Block, seen_level_2: bool) -> str:
        text = to_markdown(block.content, FootnoteRefs())
        if block.level == 3 and not seen_level_2:
            # A bold line before the title (the symbol, "**2010/18**") is part
            # of the document's head, not a section heading.
            return f"{escape_line_start(text)}\n{{: .sd-symbol }}"
        return "#" * block.level + " " + text

    # -- pages -------------------------------------------------------------------

    def paragraph_page(self, unit: Unit) -> str:
        refs = FootnoteRefs()
        if unit.point is None:
            text = self.paragraph_markdown(unit, unit.page, refs, pagelinks=False)
            content_text = plain_text(unit.block.content)
            parent = None
        else:
            text = (
                f'<span class="sd-num">({unit.letter})</span> {to_markdown(unit.point.content, refs)}\n'
                f"{{: #{unit.eid} .sd-para .sd-point }}"
            )
            content_text = plain_text(unit.point.content)
            parent_unit = self.by_eid[unit.block.eid or ""]
            parent = {"label": parent_unit.label, "link": relative_link(unit.page, parent_unit.page)}
        notes = [self.note_admonition(n) for n in self.notes_about_paragraph(unit.eid)]
        return self.env.get_template("paragraph.md.j2").render(
            unit=unit,
            title=unit.label,
            description=_description(content_text),
            text=text,
            notes=notes,
            context_link=relative_link(unit.page, unit.view, unit.eid),
            parent=parent,
            footnotes=self.footnote_list(refs),
        )

    def reading_view(self, part_key: str) -> str:
        meta = self.site.metadata.part(part_key)
        part = self.site.document.part(part_key)
        page = self.units_of(part_key)[0].view if self.units_of(part_key) else f"{meta.slug}/index.md"
        refs = FootnoteRefs()
        blocks: list[str] = []
        seen_level_2 = False
        for block in part.blocks:
            if block.kind is BlockKind.HEADING:
                blocks.append(self.heading_markdown(block, seen_level_2))
                seen_level_2 = seen_level_2 or block.level == 2
            elif block.kind is BlockKind.FRAMING:
                text = escape_line_start(to_markdown(block.content, refs))
                blocks.append(f"{text}\n{{: .sd-framing }}")
            else:
                unit = self.by_eid[block.eid or ""]
                blocks.append(self.paragraph_markdown(unit, page, refs, pagelinks=True))
                blocks.extend(self.note_admonition(n) for n in self.notes_about_paragraph(unit.eid))
        return self.env.get_template("reading_view.md.j2").render(
            part=meta, blocks=blocks, footnotes=self.footnote_list(refs)
        )

    def units_of(self, part_key: str) -> list[Unit]:
        return [u for u in self.units if u.part.key == part_key]

    def citation_link(self, eid: str) -> dict[str, str]:
        unit = self.by_eid.get(eid)
        if unit is not None:
            return {"label": unit.label, "link": relative_link(FOOTNOTES_PAGE, unit.page)}
        # A mark outside any paragraph: link to the part's reading view.
        part_key = eid.split("__block_")[0]
        meta = self.site.metadata.part(part_key)
        return {"label": f"{meta.title} (full text)", "link": relative_link(FOOTNOTES_PAGE, f"{meta.slug}/index.md")}

    def footnotes_page(self) -> str:
        items: list[dict[str, Any]] = []
        for footnote in self.site.footnotes:
            items.append(
                {
                    "number": footnote.number,
                    "anchor": f"footnote-{footnote.number}",
                    "body": to_html(footnote.body.content) if footnote.body else None,
                    "notes": [to_html(n.text) for n in self.notes_about_footnote(footnote.number)],
                    "ibid_of": footnote.ibid_of,
                    "cited_by": [self.citation_link(c.eid) for c in footnote.cited_by],
                }
            )
        return self.env.get_template("footnotes.md.j2").render(title="Footnotes", items=items)

    def home_page(self) -> str:
        parts = []
        for part in self.site.document.parts:
            meta = self.site.metadata.part(part.key)
            units = [u for u in self.units_of(part.key) if u.kind != "point"]
            groups = []
            operative = "Operative paragraphs" if part.key == "main" else "Paragraphs"
            for kind, heading in (("preamble", "Preambular paragraphs"), ("paragraph", operative)):
                of_kind = [u for u in units if u.kind == kind]
                if of_kind:
                    groups.append(
                        {
                            "heading": heading,
                            "links": [
                                {"text": u.num, "link": relative_link(HOME_PAGE, u.page), "label": u.label}
                                for u in of_kind
                            ],
                        }
                    )
            preambular = sum(1 for u in units if u.kind == "preamble")
            numbered = sum(1 for u in units if u.kind == "paragraph")
            counts = f"{preambular} preambular paragraphs and {numbered} {operative.lower()}."
            parts.append(
                {"meta": meta, "link": relative_link(HOME_PAGE, f"{meta.slug}/index.md"), "counts": counts, "groups": groups}
            )
        return self.env.get_template("home.md.j2").render(
            meta=self.site.metadata, parts=parts, footnotes_link=FOOTNOTES_PAGE, about_link=ABOUT_PAGE
        )


def render(site: Site) -> dict[str, str]:
    """Every generated page, by its path under ``docs/``."""
    renderer = SiteRenderer(site)
    pages: dict[str, str] = {HOME_PAGE: renderer.home_page(), FOOTNOTES_PAGE: renderer.footnotes_page()}
    for part in site.document.parts:
        meta = site.metadata.part(part.key)
        pages[f"{meta.slug}/index.md"] = renderer.reading_view(part.key)
    for unit in renderer.units:
        pages[unit.page] = renderer.paragraph_page(unit)
    return pages


def id_registry(site: Site) -> list[dict[str, str]]:
    return [u.registry_entry() for u in site_units(site)]


def mkdocs_config(site: Site) -> dict[str, Any]:
    """The document-specific part of the MkDocs configuration, which
    ``mkdocs.yml`` inherits (``INHERIT:``)."""
    nav: list[Any] = [{"Home": HOME_PAGE}]
    for part in site.document.parts:
        meta = site.metadata.part(part.key)
        nav.append({meta.name: f"{meta.slug}/index.md"})
    nav.extend([{"Footnotes": FOOTNOTES_PAGE}, {"About": ABOUT_PAGE}])
    return {"site_name": site.metadata.site_name, "site_description": site.metadata.description, "nav": nav}
