"""What every kind of page needs: the Jinja environment and its escaping
filters, the lookups over a resolved site, and the state one page
accumulates while it is rendered."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .. import ids
from ..citations import resolve_ibid
from ..cite import Citation, unit_citation
from ..inline_render import FootnoteRefs, escape_markdown
from ..model import Backlink, Block, BlockKind, EditorialNote, Footnote, PartMeta, Site
from ..quotes import quoted
from ..units import Unit, relative_link, site_units

TEMPLATES = Path(__file__).parent.parent / "templates"
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


def yaml_scalar(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def html_attribute(value: str) -> str:
    """Text for an HTML attribute value in double quotes."""
    return html.escape(value, quote=True)


def html_text(value: str) -> str:
    """Text for HTML element content."""
    return html.escape(value, quote=False)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; each value is escaped by its filter
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_scalar
    env.filters["md"] = escape_markdown
    env.filters["attr"] = html_attribute
    env.filters["text"] = html_text
    env.filters["quoted"] = quoted
    return env


def description(content_text: str) -> str:
    """The page description: the text's first words, up to 160 characters."""
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
    marked_terms: set[int] = field(default_factory=set)
    """The glossary entries (by index) already marked at their first use
    on this page (see :mod:`.glossary_marks`)."""


@dataclass(frozen=True)
class SiteIndex:
    """A resolved site with the lookups every page needs, built once."""

    site: Site
    env: jinja2.Environment
    units: tuple[Unit, ...]
    by_eid: dict[str, Unit]
    footnotes: dict[int, Footnote]
    resolved_ibid: dict[int, str]

    @classmethod
    def of(cls, site: Site) -> SiteIndex:
        units = tuple(site_units(site))
        return cls(site, environment(), units, {u.eid: u for u in units},
                   {f.number: f for f in site.footnotes}, resolve_ibid(site))

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    @property
    def fragments(self) -> Any:
        """The macros of ``fragments.md.j2``, callable from Python."""
        return self.env.get_template("fragments.md.j2").module

    def units_of(self, part_key: str) -> list[Unit]:
        return [u for u in self.units if u.part.key == part_key]

    def notes_about_paragraph(self, eid: str) -> list[EditorialNote]:
        return [n for n in self.site.notes if n.target_eid == eid]

    def notes_about_footnote(self, number: int) -> list[EditorialNote]:
        return [n for n in self.site.notes if n.target_footnote == number]

    def backlinks_to(self, target: str) -> list[Backlink]:
        return [b for b in self.site.backlinks if b.target == target]

    def public_url(self, unit: Unit) -> str | None:
        return unit.public_url(self.site.metadata.site_url)

    def citation(self, unit: Unit) -> Citation:
        """How ``unit`` is cited, UN style (see :mod:`build_scripts.cite`)."""
        return unit_citation(self.site.metadata, unit)

    def counts(self, part_key: str) -> str:
        """"7 preambular paragraphs and 18 operative paragraphs."""
        units = [u for u in self.units_of(part_key) if u.kind != "point"]
        preambular = sum(1 for u in units if u.kind == "preamble")
        numbered = sum(1 for u in units if u.kind == "paragraph")
        operative = "operative paragraph" if part_key == "main" else "paragraph"
        counted = [(preambular, "preambular paragraph"), (numbered, operative)]
        said = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in counted if n]
        return (" and ".join(said) or "No paragraphs") + "."

    def backlink_items(self, target: str, page: str) -> list[dict[str, str]]:
        """What refers to ``target``, linked from ``page`` (see apparatus.md.j2)."""
        return [
            {
                "label": self.by_eid[b.source_eid].label,
                "link": relative_link(page, self.by_eid[b.source_eid].page),
                "relation": b.relation,
                "clause": b.clause,
            }
            for b in self.backlinks_to(target)
        ]

    def citation_link(self, eid: str, page: str = FOOTNOTES_PAGE) -> dict[str, str]:
        """A link to where a footnote mark stands, from ``page``."""
        unit = self.by_eid.get(eid)
        if unit is not None:
            return {"label": unit.label, "link": relative_link(page, unit.page)}
        # A mark outside any paragraph: link to the part's reading view.
        meta = self.site.metadata.part(eid.split("__block_")[0])
        return {"label": f"{meta.title} (full text)", "link": relative_link(page, reading_view_path(meta))}
