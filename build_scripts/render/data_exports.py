"""The document as data (document.json, ids.json, Akoma Ntoso XML) with
the page that lists them, and the document-specific MkDocs settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..exports import akoma_ntoso, document_json
from ..model import Site
from .authority import authority_config, footer_html
from .citing import citation_files
from .common import AKN_FILE, DATA_PAGE, FOOTNOTES_PAGE, HOME_PAGE, SiteIndex, reading_view_path


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


def mkdocs_config(site: Site) -> dict[str, Any]:
    """The document-specific part of the MkDocs configuration, which
    ``mkdocs.yml`` inherits (``INHERIT:``). ``copyright`` is HTML (the
    theme writes it as it is), escaped by ``footer.html.j2``."""
    ix = SiteIndex.of(site)
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
        "copyright": footer_html(ix),
        "extra": {
            # The theme links the online home and offline pages to the download.
            "bundle": {"name": bundle_name(site), "href": f"downloads/{bundle_name(site)}.zip"},
            # The authority panel of overrides/main.html.
            "sd_authority": authority_config(ix),
            # The home page's links to the trainer's kit (overrides/main.html).
            "sd_kit": {"themes": bool(site.themes), "glossary": bool(site.glossary)},
        },
    }
