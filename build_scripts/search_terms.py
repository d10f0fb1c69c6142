"""What the search box knows beyond the words of the pages.

Material's search indexes each page's words. Readers also type names the
text does not print ("UNODC", "the Organized Crime Convention"), symbols in
forms its tokenizer splits apart ("A/CONF.213/18"), what an "Ibid." stands
for, paragraph and footnote numbers ("op 9", "fn 6"), and the document's own
symbols. This module gathers that knowledge from the resolved site into one
data file, ``assets/search-data.js``, which ``docs/assets/search.js`` (the
search worker's layer) loads when Material sets up its search index. Nothing here is shown on a page, so
neither the text nor what a screen reader reads changes.

The file holds, by page (``declaration/42``, the page's URL path):

* ``keywords``: words added to the page's search entry in a field of their
  own: the keys and one-word names of the glossary terms the paragraph uses,
  and canonical keys of the document symbols it cites (see
  :func:`symbol_keys`); under ``page + "#"``, the same for the footnotes it
  cites, with what each "Ibid." stands for;
* ``units``: each paragraph's and point's part, kind and printed number, for
  jumps, and the editors' subject, shown in its result;
* ``marks``: the printed numbers of the footnotes listed on the page, in
  list order, so that search results show "6", not "1.";
* ``footnotes``: every footnote's text, the pages citing it, and its
  keywords, each searchable as an entry of the footnotes page;
* ``names``: every glossary name with the key of its term;
* ``own``: the canonical keys of the document's own symbols and what the
  home page is called.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from . import ids
from .citations import cited_documents, resolve_ibid
from .inline import footnote_marks, plain_text
from .model import GlossaryEntry, Site
from .themes import own_words, says
from .units import Unit, site_units

SEARCH_DATA = "assets/search-data.js"
GLOSSARY_KEY = "gl_{index}"
"""A glossary term's key in the index: one token that the tokenizer keeps
whole ("gl_3"), and that no reader types."""
FOOTNOTES_TITLE = "Footnotes"
FOOTNOTE_TITLE = "Footnote {number}"


def page_key(md_path: str) -> str:
    """``declaration/42.md`` → ``declaration/42``; ``index.md`` → ``""``."""
    return ids.page_url(md_path).strip("/")


def symbol_key(symbol: str) -> str:
    """A document symbol as one token of letters, digits and "_":
    "A/CONF.213/18" → "a_conf_213_18". Material's tokenizer splits the
    symbol itself at its single letter; ``search.js`` computes the same key
    from what is typed."""
    return re.sub(r"[^a-z0-9]+", "_", symbol.lower()).strip("_")


def symbol_keys(symbol: str) -> list[str]:
    """The keys a symbol is indexed under: its own and every shorter form a
    reader may type, down to two parts ("conf_213_18", "213_18" for
    "A/CONF.213/18"; "rpm_1_1" for "A/CONF.213/RPM.1/1"; "46_152" for
    "A/RES/46/152"), the most specific first."""
    parts = symbol_key(symbol).split("_")
    return ["_".join(parts[i:]) for i in range(max(1, len(parts) - 1))]


def _resolution_symbol(key: str) -> str | None:
    """"General Assembly resolution 46/152" → "A/RES/46/152"."""
    match = re.fullmatch(r"(?P<body>.*) resolution (?P<number>.+)", key)
    if match is None:
        return None
    prefix = "E/RES/" if match["body"] == "Economic and Social Council" else "A/RES/"
    return prefix + match["number"]


def _join(words: Iterable[str]) -> str:
    return " ".join(dict.fromkeys(w for w in words if w))


class _Keywords:
    """Keywords by page key, in the order they were found, each once."""

    def __init__(self) -> None:
        self.by_page: dict[str, list[str]] = defaultdict(list)

    def add(self, page: str, words: Iterable[str]) -> None:
        self.by_page[page].extend(words)

    def result(self) -> dict[str, str]:
        return {page: _join(words) for page, words in self.by_page.items() if words}


def _acronym(name: str) -> bool:
    """"UNODC", "ICTs": one word with two capitals or more."""
    return re.fullmatch(r"[A-Za-z0-9]+", name) is not None and sum(c.isupper() for c in name) >= 2


def _glossary_words(entries: tuple[GlossaryEntry, ...], text: str) -> list[str]:
    """Keys and acronyms of the terms ``text`` uses. Acronyms are indexed as
    words too, so that a reader typing "UNOD" or "UNDOC" finds them by
    prefix or by one edit, like any word; other names ("ratify" for
    "ratification") only through the key, so that a page saying the word
    itself comes first."""
    found: list[str] = []
    for index, entry in enumerate(entries):
        if any(says(text, wording) for wording in entry.in_text):
            found.append(GLOSSARY_KEY.format(index=index))
            found.extend(name.lower() for name in entry.also if _acronym(name))
    return found


def _unit_text(unit: Unit) -> str:
    if unit.point is not None:
        return plain_text(unit.point.content)
    return own_words(unit.block)


def _listed_footnotes(unit: Unit, with_body: set[int]) -> list[int]:
    """The footnotes a unit's page lists, in list order (ascending, as the
    page's footnote list has them), leaving out those without a body: the
    index drops an empty list item."""
    contents = [unit.point.content] if unit.point is not None else [unit.block.content] + [
        p.content for p in unit.block.points]
    numbers = {mark.number for content in contents for mark in footnote_marks(content)}
    return sorted(n for n in numbers if n in with_body)


def search_data(site: Site, footnotes_page: str, footnote_anchor: str, about_page: str) -> dict[str, Any]:
    """The data ``search.js`` uses, as a JSON-ready value. ``footnotes_page``
    and ``about_page`` are docs paths; ``footnote_anchor`` formats a
    footnote's anchor on the footnotes page ("footnote-{number}")."""
    units = site_units(site)
    page_of = {u.eid: page_key(u.page) for u in units}
    resolved = resolve_ibid(site)
    with_body = {f.number for f in site.footnotes if f.body is not None}
    keywords = _Keywords()
    footnote_words: dict[int, list[str]] = defaultdict(list)

    for unit in units:
        keywords.add(page_of[unit.eid], _glossary_words(site.glossary, _unit_text(unit)))
    for footnote in site.footnotes:
        text = plain_text(footnote.body.content) if footnote.body else ""
        also_stands_for = resolved.get(footnote.number, "")
        footnote_words[footnote.number].extend(_glossary_words(site.glossary, f"{text} {also_stands_for}"))
        if footnote.number in resolved:
            footnote_words[footnote.number].append(resolved[footnote.number])
    for document in cited_documents(site, resolved):
        if document.kind == "symbol":
            keys = symbol_keys(document.key)
        elif document.kind == "resolution" and (symbol := _resolution_symbol(document.key)):
            keys = symbol_keys(symbol)
        else:
            continue
        for where in document.cited_in:
            if where.startswith("footnote "):
                footnote_words[int(where.split()[1])].extend(keys)
            elif where in page_of:
                keywords.add(page_of[where], keys)
    cited_pages: dict[int, list[str]] = {}
    for footnote in site.footnotes:
        citing = (page_of[c.eid] for c in footnote.cited_by if c.eid in page_of)
        cited_pages[footnote.number] = list(dict.fromkeys(citing))
    # A page's footnote section carries the keywords of the footnotes it lists.
    for unit in units:
        for number in _listed_footnotes(unit, with_body):
            keywords.add(page_of[unit.eid] + "#", footnote_words[number])

    metadata = site.metadata
    # The document's own symbols: its own, those of the official documents
    # that carry it (settings' ``official``), and any others the settings
    # list under ``symbols``.
    official = (metadata.official.document, *metadata.official.related) if metadata.official else ()
    own_symbols = dict.fromkeys((metadata.symbol, *(d.symbol for d in official), *metadata.symbols))
    own = [key for symbol in own_symbols if symbol for key in symbol_keys(symbol)]
    parts = {}
    for part in metadata.parts:
        words = {part.slug, *re.findall(r"[A-Za-z]+", part.name)}
        if part.key != "main":
            words.add("annex")
        parts[part.key] = sorted({w.lower() for w in words if len(w) > 1})
    return {
        "parts": parts,
        "units": [
            {
                "page": page_of[u.eid],
                "part": u.part.key,
                "kind": u.kind,
                "num": u.num,
                "letter": u.letter or "",
                "printed": u.block.printed_number,
                # What the paragraph is about, in the editors' words, shown in
                # its search result (a subject taken from the text's opening
                # words would repeat the snippet).
                "subject": subject.text if (subject := site.subjects.get(u.eid)) and subject.editorial else "",
            }
            for u in units
        ],
        "keywords": keywords.result(),
        "marks": {page_of[u.eid]: numbers for u in units if (numbers := _listed_footnotes(u, with_body))},
        "footnotes": {
            "page": page_key(footnotes_page),
            "title": FOOTNOTES_TITLE,
            "items": [
                {
                    "n": f.number,
                    "title": FOOTNOTE_TITLE.format(number=f.number),
                    "anchor": footnote_anchor.format(number=f.number),
                    "text": " ".join(plain_text(f.body.content).split()) if f.body else "",
                    "cited": cited_pages[f.number],
                    "keywords": _join(footnote_words[f.number]),
                }
                for f in site.footnotes
            ],
        },
        "names": [
            {"name": name, "key": GLOSSARY_KEY.format(index=index)}
            for index, entry in enumerate(site.glossary)
            for name in dict.fromkeys((entry.term, *entry.in_text, *entry.also))
        ],
        "own": {
            "keys": list(dict.fromkeys(own)),
            "pages": [page_key("index.md"), page_key(about_page)],
            "title": metadata.site_name,
            "text": metadata.description,
        },
    }


def search_files(site: Site, footnotes_page: str, footnote_anchor: str, about_page: str) -> dict[str, str]:
    """The generated files this module adds under ``docs/``."""
    data = search_data(site, footnotes_page, footnote_anchor, about_page)
    # JSON is a JavaScript literal; the file is a script the search worker
    # loads (``self`` is the worker, or the iframe that stands in for one).
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {SEARCH_DATA: f"self.sdSearchData = {payload};\n"}
