"""Glossary: the bodies, instruments and terms of the text, in the editors'
words (``<source stem>.glossary.yml``)::

    - term: United Nations Office on Drugs and Crime
      also: [UNODC]
      in_text: [United Nations Office on Drugs and Crime]
      definition: >-
        The United Nations office that …

``also`` lists the acronyms and common names readers type (search uses them
as synonyms); ``in_text`` the phrases as the text prints them. Each phrase
must occur, as whole words in any case, in some paragraph or in a footnote
that a paragraph cites: a phrase that occurs nowhere is an error at its own
line, so that the glossary never defines what the reader will not meet. The
paragraphs that use an entry are found from those phrases, not listed by
hand.
"""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostic, InputError, Location
from .evidence import says, words_and_footnotes
from .model import Document, GlossaryEntry
from .yamlfile import item_at, key_at, node_at, value_at

__all__ = ["MAX_DEFINITION", "GlossaryEntry", "build_glossary"]

MAX_DEFINITION = 600
"""The longest definition, in characters: one to three plain sentences that
fit a tooltip."""
_KEYS = {"term", "also", "in_text", "definition"}


def _paragraph_words(document: Document) -> list[tuple[str, str]]:
    """Each paragraph's eId and words (points and cited footnotes included),
    in document order."""
    found = []
    for part in document.parts:
        for block in part.paragraphs:
            assert block.eid is not None
            found.append((block.eid, words_and_footnotes(document, block)))
    return found


def build_glossary(path: str, data: Any, document: Document) -> tuple[GlossaryEntry, ...]:
    """Check the glossary file (``data`` as loaded, ``None`` when there is
    none) against ``document``; return its entries in the file's order."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise InputError([Diagnostic(node_at(path, data), "the glossary file must be a list of entries",
                                     "start each entry with '- term: …', then 'in_text: [...]' and 'definition: …'")])
    diagnostics: list[Diagnostic] = []
    paragraphs = _paragraph_words(document)
    entries: list[GlossaryEntry] = []
    seen: dict[str, Location] = {}
    for index, item in enumerate(data):
        entry = _entry(path, data, index, paragraphs, diagnostics)
        if entry is None:
            continue
        where = value_at(path, item, "term")
        if entry.term.lower() in seen:
            first = seen[entry.term.lower()]
            message = f"the term '{entry.term}' is defined twice (first at line {first.line})"
            diagnostics.append(Diagnostic(where, message, "merge the two entries into one"))
        seen.setdefault(entry.term.lower(), where)
        entries.append(entry)
    if diagnostics:
        raise InputError(diagnostics)
    return tuple(entries)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _entry(path: str, data: list[Any], index: int, paragraphs: list[tuple[str, str]],
           diagnostics: list[Diagnostic]) -> GlossaryEntry | None:
    """One entry, checked; ``None`` (with diagnostics) when it is unusable."""

    def error(where: Location, message: str, hint: str) -> None:
        diagnostics.append(Diagnostic(where, message, hint))

    item = data[index]
    if not isinstance(item, dict):
        error(item_at(path, data, index), "a glossary entry must be a mapping",
              "write '- term: …' with 'in_text: [...]' and 'definition: …' indented under it")
        return None
    for key in item:
        if key not in _KEYS:
            error(key_at(path, item, key), f"unknown key '{key}' in a glossary entry",
                  f"use one of: {', '.join(sorted(_KEYS))}")
    term, also, in_text, definition = (item.get(k) for k in ("term", "also", "in_text", "definition"))
    if not isinstance(term, str) or not term.strip():
        error(item_at(path, data, index), "a glossary entry needs a 'term'", "add 'term: …' naming what it defines")
        return None
    term = " ".join(term.split())
    usable = True
    if also is not None and not _strings(also):
        error(value_at(path, item, "also"), f"'also' of '{term}' must be a list of names",
              "write 'also: [ACRONYM, common name]', or leave it out")
        usable = False
    if not _strings(in_text) or not in_text:
        error(key_at(path, item, "in_text") if "in_text" in item else value_at(path, item, "term"),
              f"'{term}' needs 'in_text', the phrases by which the text names it",
              "write 'in_text: [phrase as printed, …]'")
        return None
    if not isinstance(definition, str) or not definition.strip():
        error(value_at(path, item, "term"), f"'{term}' has no 'definition'",
              "add 'definition: >-' and one to three plain sentences in the editors' words")
        return None
    definition = " ".join(definition.split())
    if len(definition) > MAX_DEFINITION:
        error(value_at(path, item, "definition"),
              f"the definition of '{term}' is {len(definition)} characters long, more than {MAX_DEFINITION}",
              "keep it to one to three plain sentences; the paragraphs say the rest")
    eids: list[str] = []
    for number, phrase in enumerate(in_text):
        using = [eid for eid, words in paragraphs if says(words, phrase)]
        if not using:
            error(item_at(path, in_text, number), f"'{phrase}' ('{term}') occurs in no paragraph or cited footnote",
                  "write the phrase exactly as the text prints it (any case), or delete it")
        eids.extend(using)
    if not usable:
        return None
    order = {eid: position for position, (eid, _) in enumerate(paragraphs)}
    return GlossaryEntry(
        term=term,
        also=tuple(" ".join(a.split()) for a in also or ()),
        in_text=tuple(" ".join(p.split()) for p in in_text),
        definition=definition,
        eids=tuple(sorted(set(eids), key=order.__getitem__)),
    )
