"""The document as data (document.json, ids.json, Akoma Ntoso XML) with
the page that lists them, and the document-specific MkDocs settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..exports import akoma_ntoso, document_json
from ..model import Site
from .common import AKN_FILE, DATA_PAGE, SiteIndex
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
    ``mkdocs.yml`` inherits (``INHERIT:``)."""
    # The parallels, the offline bundle and the about page are linked from
    # the home page, not the navigation that every page repeats.
    ix = SiteIndex.of(site)
    nav = navigation(ix)
    examples = jump_examples(ix)
    return {
        "site_name": site.metadata.site_name,
        "site_url": site.metadata.site_url,
        "site_description": site.metadata.description,
        "nav": nav,
        # The theme links the online home and offline pages to the download.
        "extra": {
            "bundle": {"name": bundle_name(site), "href": f"downloads/{bundle_name(site)}.zip"},
            # The header's jump box (overrides/partials/sd-jump.html).
            "sd_jump": {"placeholder": examples.placeholder},
            # The home page's themes, online only (overrides/main.html).
            "sd_themes": [
                {"title": t.title, "page": f"themes/{t.slug}", "count": len(t.eids)} for t in site.themes
            ],
        },
    }
