"""What every kind of page needs: the Jinja environment and its escaping
filters, the lookups over a resolved site, and the state one page
accumulates while it is rendered."""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .. import ids
from ..citations import resolve_ibid
from ..cite import Citation, unit_citation
from ..inline_render import FootnoteRefs, escape_line_start, escape_markdown
from ..model import Backlink, Block, BlockKind, EditorialNote, Footnote, PartMeta, Site
from ..quotes import quoted
from ..subjects import fallback_subjects
from ..units import Unit, relative_link, site_units
from .labels import Named

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


# Escaping: every value that leaves the generator is escaped once, by the
# one helper for the context it lands in. Templates apply them as filters:
#   md         Markdown text (page bodies, link texts)
#   code       Markdown text shown as inline code (file names, commands)
#   attr       an HTML attribute value, in raw HTML, in HTML inside Markdown,
#              or in an attr_list "{ key="…" }"
#   text       HTML element text, in raw HTML blocks
#   page_meta  a front-matter value that MkDocs and Material print into HTML
#              (title, description, tags), as a YAML scalar
#   yaml       a front-matter value that no template prints (paths, numbers)
#   json_script  JSON inside a <script> element
# ``.html.j2`` templates are autoescaped besides; what they get as HTML
# comes as ``Markup``. The inline content of the source is escaped by
# :mod:`..inline_render` on its way to Markdown or HTML.

# Characters that Python-Markdown reads inside raw inline HTML before it
# stashes it (` and \), or as attr_list syntax ({ }): written as numeric
# references, which both HTML and Python-Markdown keep as they are.
_MD_IN_ATTRIBUTE = {c: f"&#{ord(c)};" for c in "`\\{}[]*_#|"}


def yaml_scalar(value: object) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(str(value), ensure_ascii=False)


# Each character on its own: html.escape's five, then the Markdown ones.
_IN_ATTRIBUTE = str.maketrans({**{c: html.escape(c, quote=True) for c in "&<>\"'"}, **_MD_IN_ATTRIBUTE})


def html_attribute(value: object) -> str:
    """Text for an HTML attribute value in double quotes (in raw HTML or in
    Markdown's inline HTML and attribute lists)."""
    return str(value).translate(_IN_ATTRIBUTE)


def html_text(value: object) -> str:
    """Text for HTML element content in a raw HTML block."""
    return html.escape(str(value), quote=False)


def markdown_text(value: object) -> str:
    """Plain text (a title, a name, a clause) as Markdown that shows exactly
    that text, wherever on a line it stands."""
    return escape_line_start(escape_markdown(" ".join(str(value).split())))


def markdown_code(value: object) -> str:
    """Plain text (a file name, a command) as inline code that shows exactly
    that text. Not a backtick span: a backtick in the value would end it.
    Python-Markdown reads the text between raw ``<code>`` tags as Markdown,
    so it is escaped as Markdown text."""
    return f"<code>{markdown_text(value)}</code>"


def theme_html(value: object) -> str:
    """A value that MkDocs and Material print into pages unescaped, in text
    and in attributes (site name, page title, description, nav titles and
    tags): HTML-escaped here, once. The MkDocs hook marks these values as
    escaped (``Markup``) so that the few places where Material escapes
    again do not show "&amp;"."""
    return html.escape(" ".join(str(value).split()), quote=True)


def page_meta(value: object) -> str:
    return yaml_scalar(theme_html(value))


def json_script(value: object) -> str:
    """JSON for a <script> element: "<" is escaped, so that no text can
    close the element or open a comment."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # The templates do not change while the generator runs: no need to
        # look at each one's time stamp on each of its 1,400 uses.
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        # Markdown templates escape each value with its filter; HTML
        # templates escape every value unless it is Markup.
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=markdown_text, code=markdown_code, attr=html_attribute, text=html_text, page_meta=page_meta,
        yaml=yaml_scalar,
        json_script=json_script, quoted=quoted,
    )
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """The templates' compiled code, kept in ``.cache/`` between runs:
    compiling them is a tenth of a second of each generation. Jinja checks
    each template's source against the cached code; the code also depends
    on Jinja and on the options above, so a new Jinja or a change to this
    module gets a cache of its own. ``None`` where nothing can be written."""
    module = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    folder = TEMPLATES.parent.parent / ".cache" / "jinja-generator" / f"jinja2-{jinja2.__version__}-{module}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _BytecodeCache(str(folder))


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # A full disk or a read-only folder: compiled again next time.
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


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
    named: dict[str, Named]
    """Every unit's number, subject and title, by eId (see :mod:`.labels`)."""

    @classmethod
    def of(cls, site: Site) -> SiteIndex:
        units = tuple(site_units(site))
        # A site resolved without its editorial layer still names every
        # paragraph, by its opening words.
        opening = fallback_subjects(site.document)
        named = {u.eid: Named.of(u, site.subjects.get(u.eid) or opening[u.eid]) for u in units}
        return cls(site, environment(), units, {u.eid: u for u in units},
                   {f.number: f for f in site.footnotes}, resolve_ibid(site), named)

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
        meta = self.site.metadata.part(eid.split("__block_", maxsplit=1)[0])
        return {"label": f"{meta.title} (full text)", "link": relative_link(page, reading_view_path(meta))}
