"""The document as data (document.json, ids.json, Akoma Ntoso XML) with
the page that lists them, and the document-specific MkDocs settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import ids
from ..exports import akoma_ntoso, document_json
from ..model import Site
from ..units import Unit, site_units
from .authority import authority_config, footer_html
from .citing import citation_files
from .common import AKN_FILE, DATA_PAGE, SiteIndex, reading_view_path, theme_html
from .jump import jump_examples
from .navigation import navigation, offline_navigation


def data_files(ix: SiteIndex) -> dict[str, str]:
    """The open data page and the files it lists, by path under docs/."""
    registry = [u.registry_entry() for u in ix.units]
    # No Akoma Ntoso without the document's identity (see exports.akoma_ntoso).
    akn = akoma_ntoso(ix.site)
    files = {
        DATA_PAGE: ix.render("data.md.j2", meta=ix.site.metadata, akn_file=AKN_FILE if akn else None),
        "data/document.json": document_json(ix.site),
        "data/ids.json": json.dumps(registry, indent=1, ensure_ascii=False) + "\n",
    }
    if akn is not None:
        files[f"data/{AKN_FILE}"] = akn
    files.update(citation_files(ix))
    return files


def bundle_name(site: Site) -> str:
    """The offline bundle's name: the source file's stem + "-offline"."""
    return Path(site.document.path).stem + "-offline"


OFFLINE_CONFIG = "mkdocs.offline.yml"
"""The offline bundle's generated settings, beside the generated
``mkdocs.yml``: the project's ``mkdocs.offline.yml`` inherits them, and
they inherit the project's ``mkdocs.yml``."""


def offline_mkdocs_config(site: Site) -> dict[str, Any]:
    """What the offline bundle's settings change: a short navigation (see
    :func:`.navigation.offline_navigation`)."""
    return {"INHERIT": "../mkdocs.yml", "nav": offline_navigation(SiteIndex.of(site))}


def mkdocs_config(site: Site) -> dict[str, Any]:
    """The document-specific part of the MkDocs configuration, which
    ``mkdocs.yml`` inherits (``INHERIT:``). Names and descriptions are
    printed by the theme unescaped, so they are written escaped for HTML;
    ``copyright`` is HTML (the theme writes it as it is), escaped by
    ``footer.html.j2``. The navigation lists every paragraph (see
    :mod:`.navigation`); the parallels, the offline bundle and the about
    page are linked from the home page."""
    ix = SiteIndex.of(site)
    nav = navigation(ix)
    examples = jump_examples(ix)
    return {
        "site_name": theme_html(site.metadata.site_name),
        "site_url": site.metadata.site_url,
        "site_description": theme_html(site.metadata.description),
        "nav": nav,
        "copyright": footer_html(ix),
        "extra": {
            # The theme links the online home and offline pages to the download.
            # The href is percent-encoded: the name comes from the source
            # file's name, and the theme prints the href into an attribute.
            "bundle": {"name": bundle_name(site), "href": f"downloads/{quote(bundle_name(site))}.zip"},
            # What exists, for the page shown at an address that does not.
            "contents": contents(site),
            # The authority panel of overrides/main.html.
            "sd_authority": authority_config(ix),
            # The header's jump box (overrides/partials/sd-jump.html).
            "sd_jump": {"placeholder": examples.placeholder},
            # The home page's themes, online only (overrides/main.html).
            "sd_themes": [
                {"title": t.title, "page": f"themes/{t.slug}", "count": len(t.eids)} for t in site.themes
            ],
            # The home page's links to the trainer's kit (overrides/main.html).
            "sd_kit": {"themes": bool(site.themes), "glossary": bool(site.glossary)},
        },
    }


def contents(site: Site) -> list[dict[str, Any]]:
    """Each part with the ranges of its paragraphs' printed numbers
    ("preambular paragraphs 1–7", "operative paragraphs 1–18") and the
    addresses (directory URLs) of its pages. Names are escaped for HTML."""
    units = [u for u in site_units(site) if u.kind != "point"]
    found = []
    for part in site.document.parts:
        meta = site.metadata.part(part.key)
        own = [u for u in units if u.part.key == part.key]
        preamble = [u for u in own if u.kind == "preamble"]
        numbered = [u for u in own if u.kind == "paragraph" and u.block.printed_number]
        unnumbered = sum(1 for u in own if u.kind == "paragraph" and not u.block.printed_number)
        ranges = []
        if preamble:
            ranges.append(_range("preambular paragraphs", preamble, ids.preamble_index_path(meta.slug)))
        if numbered:
            ranges.append(_range("operative paragraphs" if part.key == "main" else "paragraphs", numbered, None))
        found.append({
            "name": theme_html(meta.name),
            "url": ids.page_url(reading_view_path(meta)),
            "ranges": ranges,
            "unnumbered": unnumbered,
        })
    return found


def _range(words: str, units: list[Unit], index: str | None) -> dict[str, Any]:
    return {
        "words": words,
        "first": _page(units[0]),
        "last": _page(units[-1]),
        "index": ids.page_url(index) if index else None,
    }


def _page(unit: Unit) -> dict[str, str]:
    return {"num": unit.num, "url": ids.page_url(unit.page), "label": theme_html(unit.label)}
