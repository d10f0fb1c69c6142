"""The trainer's kit: what a trainer uses in a room, online and in the
offline bundle.

- the glossary page (``glossary.md``): the editors' terms, each with its
  definition and the paragraphs that use it;
- handouts (``handouts/``): one printable page that assembles any
  handout from the kit's data by its address (``handouts/print.md?p=…``
  for paragraphs, ``?theme=…`` for a theme), "Paragraphs at a glance"
  and the page that makes a handout of a selection;
- the kit's data (``kit/paragraphs.js``): each paragraph's text,
  subject, footnotes, public address and QR code, which present mode
  (``docs/assets/present.js``) and the handout pages
  (``docs/assets/handout.js``) assemble from; and the glossary's
  definitions (``kit/glossary.js``) for the terms marked in the text. They
  are scripts, not JSON, because a page opened from ``file://`` may load a
  script but not fetch a file.

Handout URLs (a new public contract, recorded in README): a paragraph is
named in a handout's address after its page, ``declaration/42.md`` →
``/handouts/print/?p=declaration-42``, ``declaration/preamble/2.md`` →
``?p=declaration-preamble-2``; a lettered point is handed out with its
paragraph; a theme's handout is ``/handouts/print/?theme=<theme slug>``.
One page and not a page per paragraph and per theme: each such page held
nothing but the names of its paragraphs (the text, footnotes and QR code
come from the kit's data either way), and the offline bundle paid for 107
of them (95 kB of the zip, mostly headers and the share tags of each).
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from ..cite import printed_date
from ..inline import footnote_marks
from ..inline_render import to_html
from ..model import Block, Theme
from ..qr import qr_svg
from ..units import Unit, relative_link
from .common import THEMES_PAGE, SiteIndex, printed_number
from .fragments import footnote_item
from .glossary_marks import glossary_anchors

GLOSSARY_PAGE = "glossary.md"
HANDOUTS_PAGE = "handouts/index.md"
PRINT_PAGE = "handouts/print.md"
"""The one handout page: docs/assets/handout.js assembles what its
address asks for."""
AT_A_GLANCE_PAGE = "handouts/at-a-glance.md"
KIT_DATA = "kit/paragraphs.js"
"""Loaded by present mode from any page and by every handout page."""
GLOSSARY_DATA = "kit/glossary.js"
"""Loaded by docs/assets/trainer.js at the first use of a marked term."""


def paragraph_units(ix: SiteIndex) -> list[Unit]:
    """The units a trainer presents and hands out: paragraphs, each with
    its lettered points (points are not shown apart from their paragraph)."""
    return [u for u in ix.units if u.kind != "point"]


def handout_name(unit: Unit) -> str:
    """``declaration-42``, ``declaration-preamble-2``: the paragraph page's
    path with "/" as "-" (a point is handed out with its paragraph)."""
    page = unit.page if unit.point is None else unit.page.rsplit("/", 1)[0] + ".md"
    return page.removesuffix(".md").replace("/", "-")


def handout_link(page: str, unit: Unit) -> str:
    """From ``page``, the Markdown target of a paragraph's handout (MkDocs
    keeps the query when it rewrites the ``.md`` target)."""
    return f"{relative_link(page, PRINT_PAGE)}?p={handout_name(unit)}"


def theme_handout_link(page: str, theme: Theme) -> str:
    """From ``page``, the Markdown target of a theme's handout."""
    return f"{relative_link(page, PRINT_PAGE)}?theme={theme.slug}"


def paragraph_eid(ix: SiteIndex, eid: str) -> str:
    """The paragraph an eId belongs to (itself, or a point's paragraph)."""
    unit = ix.by_eid[eid]
    return unit.block.eid or eid


def theme_deck(ix: SiteIndex, theme: Theme) -> list[str]:
    """A theme's paragraphs in document order, points taken as their
    paragraphs, each once."""
    wanted = {paragraph_eid(ix, eid) for eid in theme.eids}
    return [u.eid for u in paragraph_units(ix) if u.eid in wanted]


def source_line(ix: SiteIndex) -> str:
    """"E/RES/2010/18 · Economic and Social Council · 22 July 2010": what
    the handout's text is, with only what the settings and text say."""
    meta = ix.site.metadata
    document = meta.official.document.symbol if meta.official else None
    resolution = f"resolution {meta.symbol}" if meta.symbol else None
    pieces = [document or resolution, meta.body or None,
              printed_date(meta.adoption_date) if meta.adoption_date else None]
    return " · ".join(p for p in pieces if p)


def document_title(ix: SiteIndex) -> str:
    """The document a handout is taken from: its first part's title."""
    return ix.site.metadata.parts[0].title


def _macros(ix: SiteIndex) -> Any:
    """The macros of ``trainer.md.j2``, callable from Python."""
    return ix.env.get_template("trainer.md.j2").module


# --- pages --------------------------------------------------------------------


def trainer_pages(ix: SiteIndex) -> dict[str, str]:
    """Every page and file of the kit, by path under ``docs/``."""
    pages = {
        HANDOUTS_PAGE: handouts_page(ix),
        PRINT_PAGE: ix.render("handout.md.j2", title="Handout", back={"label": "Handouts", "link": "index.md"}),
        AT_A_GLANCE_PAGE: at_a_glance_page(ix),
        KIT_DATA: kit_data(ix),
    }
    if ix.site.glossary:
        pages[GLOSSARY_PAGE] = glossary_page(ix)
        pages[GLOSSARY_DATA] = glossary_data(ix)
    return pages


def trainer_links(ix: SiteIndex, page: str) -> dict[str, Any]:
    """Links from ``page`` to the kit's pages (None where the document has
    no such page), and an example paragraph, for the pages that explain the
    kit."""
    example = next((u for u in reversed(paragraph_units(ix)) if u.kind == "paragraph"), paragraph_units(ix)[-1])
    return {
        "handouts": relative_link(page, HANDOUTS_PAGE),
        "glance": relative_link(page, AT_A_GLANCE_PAGE),
        "glossary": relative_link(page, GLOSSARY_PAGE) if ix.site.glossary else None,
        "themes": relative_link(page, THEMES_PAGE) if ix.site.themes else None,
        "theme_titles": [t.title for t in ix.site.themes[:3]],
        "example": {"label": example.label, "link": relative_link(page, example.page),
                    "handout": handout_link(page, example)},
        "qr": ix.site.metadata.site_url is not None,
    }


def glossary_page(ix: SiteIndex) -> str:
    entries = []
    for entry, anchor in zip(ix.site.glossary, glossary_anchors(ix.site.glossary), strict=True):
        groups: list[dict[str, Any]] = []
        for eid in entry.eids:
            unit = ix.by_eid[eid]
            if not groups or groups[-1]["part"] != unit.part.name:
                groups.append({"part": unit.part.name, "links": []})
            groups[-1]["links"].append(
                {"text": short_number(unit), "link": relative_link(GLOSSARY_PAGE, unit.page)}
            )
        entries.append({"entry": entry, "anchor": anchor, "groups": groups})
    return ix.render("glossary.md.j2", entries=entries)


def short_number(unit: Unit) -> str:
    """What a compact list shows for a paragraph: "42", "preamble 3",
    "unnumbered"."""
    if unit.kind == "preamble":
        return f"preamble {unit.num}"
    return unit.num if unit.block.printed_number else "unnumbered"


def handouts_page(ix: SiteIndex) -> str:
    parts = []
    for part in ix.site.metadata.parts:
        rows = [
            {
                "value": handout_name(u),
                "number": short_number(u),
                "subject": ix.site.subjects[u.eid],
                "link": handout_link(HANDOUTS_PAGE, u),
            }
            for u in paragraph_units(ix)
            if u.part.key == part.key
        ]
        if rows:
            parts.append({"title": part.title, "name": part.name, "rows": rows})
    themes = [
        {"title": t.title, "link": theme_handout_link(HANDOUTS_PAGE, t), "count": len(theme_deck(ix, t))}
        for t in ix.site.themes
    ]
    return ix.render(
        "handouts.md.j2",
        parts=parts,
        themes=themes,
        custom_link=relative_link(HANDOUTS_PAGE, PRINT_PAGE),
        glance_link=relative_link(HANDOUTS_PAGE, AT_A_GLANCE_PAGE),
        example=[handout_name(u) for u in paragraph_units(ix)[-3:]],
    )


def at_a_glance_page(ix: SiteIndex) -> str:
    parts = []
    for part in ix.site.metadata.parts:
        rows = [
            {"number": short_number(u), "subject": ix.site.subjects[u.eid]}
            for u in paragraph_units(ix)
            if u.part.key == part.key
        ]
        if rows:
            parts.append({"title": part.title, "rows": rows})
    editorial = any(s.editorial for s in ix.site.subjects.values())
    return ix.render("at_a_glance.md.j2", title=document_title(ix), source=source_line(ix), parts=parts,
                     editorial=editorial, site_name=ix.site.metadata.site_name,
                     back={"label": "Handouts", "link": "index.md"})


# --- the kit's data -----------------------------------------------------------


def kit_data(ix: SiteIndex) -> str:
    """``kit/paragraphs.js``: ``window.sdKit = {…};`` with every
    paragraph in document order (text as escaped HTML, footnote marks as
    printed numbers), the footnotes they cite, the themes' paragraphs and
    the document's title and source line."""
    footnotes: dict[str, Any] = {}
    units = []
    for unit in paragraph_units(ix):
        block = unit.block
        points = [(p.letter, to_html(p.content)) for p in block.points]
        marks = sorted(set(_footnote_numbers(block)))
        for number in marks:
            footnotes.setdefault(str(number), _footnote(ix, number))
        subject = ix.site.subjects[unit.eid]
        url = ix.public_url(unit)
        units.append(
            {
                "eid": unit.eid,
                "part": unit.part.key,
                "name": handout_name(unit),
                # The paragraph's page from the site's root, without its
                # ending: a handout links back to it (handout.js adds
                # ".html" or "/" as the build's addresses end).
                "page": unit.page.removesuffix(".md"),
                "label": unit.label,
                # The number as printed before the text ("42."), "" where
                # none is printed (preambular paragraphs).
                "number": printed_number(block).strip(),
                "short": short_number(unit),
                "subject": subject.text,
                "editorial": subject.editorial,
                "html": str(_macros(ix).kit_text(printed_number(block).strip(), to_html(block.content), points)),
                "notes": [to_html(n.text) for n in ix.notes_about_paragraph(unit.eid)],
                "footnotes": marks,
                "url": url,
                "qr": qr_svg(url) if url else None,
            }
        )
    data = {
        "title": document_title(ix),
        "source": source_line(ix),
        "site": ix.site.metadata.site_name,
        "parts": {p.key: {"name": p.name, "title": p.title} for p in ix.site.metadata.parts},
        "units": units,
        "footnotes": footnotes,
        "themes": {t.slug: {"title": t.title, "eids": theme_deck(ix, t),
                            "page": posixpath.join(posixpath.dirname(THEMES_PAGE), t.slug)}
                   for t in ix.site.themes},
    }
    # JSON is a JavaScript expression (U+2028 and U+2029 too, since
    # ES2019). The file is loaded by a script element's src, never inlined
    # in a page, so "</script>" in the text could not end anything.
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"window.sdKit={payload};\n"


def glossary_data(ix: SiteIndex) -> str:
    """``kit/glossary.js``: ``window.sdGlossary = {anchor: [term,
    definition], …};`` — plain text, which glossary.js sets as text."""
    entries = {a: [e.term, e.definition] for e, a in zip(ix.site.glossary, glossary_anchors(ix.site.glossary),
                                                          strict=True)}
    return f"window.sdGlossary={json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(',', ':'))};\n"


def _footnote_numbers(block: Block) -> list[int]:
    marks = footnote_marks(block.content) + [m for p in block.points for m in footnote_marks(p.content)]
    return [m.number for m in marks]


def _footnote(ix: SiteIndex, number: int) -> dict[str, Any]:
    footnote = ix.footnotes.get(number)
    if footnote is None:
        return {"html": None, "notes": [], "resolved": ""}
    item = footnote_item(ix, footnote)
    return {"html": item["body"], "notes": item["notes"], "resolved": item["resolved"]}
