"""The pages around the text: home, footnotes, cited documents, parallel
passages, themes, about, the offline bundle's page and the pages that keep
retired ids' URLs working."""

from __future__ import annotations

from typing import Any

from .. import ids
from ..citations import cited_documents
from ..cite import printed_date
from ..parallels import ALMOST_VERBATIM, MIN_RUN, THRESHOLD
from ..units import relative_link
from .authority import adopted_sentence, official_documents
from .common import (
    ABOUT_PAGE,
    DOCUMENTS_PAGE,
    FOOTNOTES_PAGE,
    HOME_PAGE,
    OFFLINE_PAGE,
    PARALLELS_PAGE,
    SiteIndex,
    reading_view_path,
)
from .fragments import footnote_item
from .jump import jump_examples
from .trainer_pages import trainer_links


def footnotes_page(ix: SiteIndex) -> str:
    items = [
        {
            **footnote_item(ix, footnote),
            "anchor": f"footnote-{footnote.number}",
            "ibid_of": footnote.ibid_of,
            "cited_by": [ix.citation_link(c.eid) for c in footnote.cited_by],
        }
        for footnote in ix.site.footnotes
    ]
    return ix.render("footnotes.md.j2", title="Footnotes", items=items)


def documents_page(ix: SiteIndex) -> str:
    headings = {"symbol": "Documents", "resolution": "Resolutions", "treaty": "Treaties"}
    groups: list[dict[str, Any]] = []
    for document in cited_documents(ix.site, ix.resolved_ibid):
        if not groups or groups[-1]["heading"] != headings[document.kind]:
            groups.append({"heading": headings[document.kind], "items": []})
        cited = []
        for where in document.cited_in:
            if where.startswith("footnote "):
                footnote = ix.footnotes[int(where.split()[1])]
                for citation in footnote.cited_by:
                    cited.append({**ix.citation_link(citation.eid, DOCUMENTS_PAGE), "via": where})
            else:
                cited.append({**ix.citation_link(where, DOCUMENTS_PAGE), "via": ""})
        unique = list({(c["label"], c["via"]): c for c in cited}.values())
        groups[-1]["items"].append({"key": document.key, "url": document.url, "cited": unique})
    return ix.render("documents.md.j2", groups=groups)


def parallels_page(ix: SiteIndex) -> str:
    def link(eid: str) -> dict[str, str]:
        unit = ix.by_eid[eid]
        return {"label": unit.label, "link": relative_link(PARALLELS_PAGE, unit.page)}

    rows = [
        {"resolution": link(p.resolution_eid), "annex": link(p.annex_eid), "similarity": f"{p.similarity:.2f}"}
        for p in ix.site.parallels
    ]
    return ix.render("parallels.md.j2", rows=rows, threshold=f"{THRESHOLD:.2f}", almost=f"{ALMOST_VERBATIM:.2f}",
                     min_run=MIN_RUN)


def home_page(ix: SiteIndex) -> str:
    parts = []
    for part in ix.site.document.parts:
        meta = ix.site.metadata.part(part.key)
        parts.append(
            {
                "meta": meta,
                "link": relative_link(HOME_PAGE, reading_view_path(meta)),
                "counts": ix.counts(part.key),
                "groups": _home_groups(ix, part.key),
                "acted_on_by": ix.backlink_items(part.key, HOME_PAGE),
            }
        )
    return ix.render(
        "home.md.j2",
        meta=ix.site.metadata,
        parts=parts,
        editorial_subjects=any(n.editorial for n in ix.named.values()),
        has_preamble=any(u.kind == "preamble" for u in ix.units),
        jump=jump_examples(ix),
        footnotes_link=FOOTNOTES_PAGE,
        parallels_link=PARALLELS_PAGE if ix.site.parallels else None,
        offline_link=OFFLINE_PAGE,
        documents_link=DOCUMENTS_PAGE,
        about_link=ABOUT_PAGE,
    )


def _home_groups(ix: SiteIndex, part_key: str) -> list[dict[str, Any]]:
    """A part's contents: one group per kind, and per section where the
    part has them, each paragraph named by its number and subject."""
    operative = "Operative paragraphs" if part_key == "main" else "Paragraphs"
    groups: list[dict[str, Any]] = []
    for unit in ix.units_of(part_key):
        if unit.kind == "point":
            continue
        heading = "Preambular paragraphs" if unit.kind == "preamble" else (unit.section or operative)
        if not groups or groups[-1]["heading"] != heading:
            # The preambular paragraphs have a page that lists them.
            link = None
            if unit.kind == "preamble":
                link = relative_link(HOME_PAGE, ids.preamble_index_path(unit.part.slug))
            groups.append({"heading": heading, "link": link, "entries": []})
        groups[-1]["entries"].append({"link": relative_link(HOME_PAGE, unit.page), "named": ix.named[unit.eid]})
    return groups


def about_page(ix: SiteIndex) -> str:
    site = ix.site
    example = next(u for u in reversed(ix.units) if u.kind == "paragraph")
    updated = site.metadata.edition.updated
    return ix.render(
        "about.md.j2",
        meta=site.metadata,
        parts=list(site.metadata.parts),
        adopted=adopted_sentence(ix),
        documents=official_documents(ix),
        updated=printed_date(updated) if updated else None,
        example={"page_url": example.page_url, "anchor_url": example.anchor_url, "label": example.label},
        example_citation=ix.citation(example),
        notes_count=len(site.notes),
    )


def offline_page(ix: SiteIndex, bundle: str) -> str:
    return ix.render("offline.md.j2", meta=ix.site.metadata, bundle_name=bundle, kit=trainer_links(ix, OFFLINE_PAGE))


def redirect_pages(ix: SiteIndex) -> dict[str, str]:
    """A page at each retired id's old URL that sends readers on."""
    pages = {}
    for alias in ix.site.aliases:
        old_page = alias.old_page_url.strip("/") + ".md"
        target = ix.by_eid[alias.new_eid]
        pages[old_page] = ix.render(
            "redirect.md.j2",
            old_eid=alias.old_eid,
            target={"label": target.label, "link": relative_link(old_page, target.page), "path": target.page},
        )
    return pages
