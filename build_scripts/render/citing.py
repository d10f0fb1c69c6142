"""Citations as files: the site-wide ``/data/citations.*`` with one entry per
paragraph and point, and each paragraph page's own entries, embedded in the
page so that the Cite dialog offers them as downloads from file:// too."""

from __future__ import annotations

import json

from ..cite import Citation
from ..cite_formats import bibtex_entry, bibtex_file, csl_json, ris_entry, ris_file
from .common import SiteIndex

CITATION_FILES = ("data/citations.bib", "data/citations.ris", "data/citations.csl.json")


def citation_files(ix: SiteIndex) -> dict[str, str]:
    """BibTeX, RIS and CSL-JSON of every paragraph and point, by path under docs/."""
    citations = [ix.citation(unit) for unit in ix.units]
    bib, ris, csl = CITATION_FILES
    return {bib: bibtex_file(citations), ris: ris_file(citations), csl: csl_json(citations)}


def cite_payload(citation: Citation) -> str:
    """One unit's entries for the Cite dialog's downloads, as JSON for a
    script element ("<" escaped so that no text can close it)."""
    data = {
        "key": citation.key,
        "bib": bibtex_entry(citation),
        "ris": ris_entry(citation),
        "csl": csl_json([citation], indent=None),
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
