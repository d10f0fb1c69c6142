"""The document's authority and this edition's terms, wherever a reader
meets the text: the panel on every page that shows text (drawn by
``overrides/main.html`` from :func:`authority_config`), the footer line of
every page (:func:`footer_html`) and the about page."""

from __future__ import annotations

from typing import Any

from ..cite import printed_date
from .common import HOME_PAGE, SiteIndex, reading_view_path


def adopted_sentence(ix: SiteIndex) -> str:
    """"Economic and Social Council resolution 2010/18, adopted at the 45th
    plenary meeting, 22 July 2010." (plain text; "" without a resolution)."""
    meta = ix.site.metadata
    if not any(p.key == "main" for p in meta.parts):
        return ""
    title = meta.part("main").title
    return f"{title}, adopted at the {meta.adoption}." if meta.adoption else f"{title}."


def official_documents(ix: SiteIndex) -> list[dict[str, str]]:
    """The official documents with their resolver links: the text's own first."""
    official = ix.site.metadata.official
    if official is None:
        return []
    return [{"symbol": d.symbol, "url": d.url, "note": d.note} for d in (official.document, *official.related)]


def text_pages(ix: SiteIndex) -> list[str]:
    """The pages that show the text: home, reading views, paragraph pages."""
    views = [reading_view_path(ix.site.metadata.part(p.key)) for p in ix.site.document.parts]
    return [HOME_PAGE, *views, *(u.page for u in ix.units)]


def authority_config(ix: SiteIndex) -> dict[str, Any]:
    """What the panel shows, as plain text (the theme template escapes it)."""
    official = ix.site.metadata.official
    documents = official_documents(ix)
    return {
        "summary": "Unofficial edition" + (f" of {official.document.symbol}" if official else ""),
        "adopted": adopted_sentence(ix),
        "notes": [d["note"] for d in documents if d["note"]],
        "documents": [{"symbol": d["symbol"], "url": d["url"]} for d in documents],
        "pages": text_pages(ix),
    }


def footer_html(ix: SiteIndex) -> str:
    """The footer line: unofficial edition, publisher, licence, updated."""
    meta = ix.site.metadata
    updated = printed_date(meta.edition.updated) if meta.edition.updated else None
    return ix.render(
        "footer.html.j2",
        edition=meta.edition,
        official_symbol=meta.official.document.symbol if meta.official else None,
        updated=updated,
    ).strip()
