"""Subjects: what each paragraph is about, in the editors' words.

``<source stem>.subjects.yml`` maps every paragraph's eId to a short
subject and the evidence for it::

    att_1__para_42:
      subject: Expert group on cybercrime
      evidence: [expert group, cybercrime]

Readers choose where to go by these words (contents, navigation, titles,
search results), so the build holds them to the text: when the file exists,
every paragraph must have a subject of at most :data:`MAX_LENGTH`
characters, and every evidence word must occur in the paragraph or in a
footnote it cites (see :mod:`build_scripts.evidence`). A lettered point may
have its own entry; without one it shares its paragraph's subject.

A document without the file still gets a subject for every unit: the
opening words of its text, marked ``editorial=False`` (``from_text``) so
that they are never shown as the editors' words.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from .diagnostics import Diagnostic, InputError, Location
from .evidence import says, words_and_footnotes
from .inline import plain_text
from .model import Block, Document, Point, Subject
from .yamlfile import item_at, key_at, node_at, value_at

MAX_LENGTH = 70
"""The longest subject, in characters: it must fit a title, a menu line and
a table-of-contents row."""
OPENING_LENGTH = 60
"""The longest fallback subject before its "…"."""
_KEYS = {"subject", "evidence"}

__all__ = ["MAX_LENGTH", "Subject", "build_subjects", "fallback_subjects", "opening_words"]


def _units(document: Document) -> Iterator[tuple[Block, Point | None]]:
    """Every paragraph, followed by its points, in document order."""
    for part in document.parts:
        for block in part.paragraphs:
            yield block, None
            for point in block.points:
                yield block, point


def _eid(block: Block, point: Point | None) -> str:
    eid = point.eid if point is not None else block.eid
    assert eid is not None  # paragraphs always have an eId
    return eid


def opening_words(text: str, limit: int = OPENING_LENGTH) -> str:
    """The first words of ``text``, cut at a word boundary with "…" when
    longer than ``limit`` characters."""
    # A short unit ("(b) Trade, trade facilitation and regional
    # integration;") reads as a title without its closing comma or semicolon.
    text = " ".join(text.split()).rstrip(" ,;:")
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    # "Recalling its resolution 46/152 of 18 December 1991, in the…" reads
    # better without a dangling comma or semicolon before the ellipsis.
    return cut.rstrip(" ,;:") + "…"


def fallback_subjects(document: Document) -> Mapping[str, Subject]:
    """A subject for every unit from its own opening words."""
    subjects = {}
    for block, point in _units(document):
        content = point.content if point is not None else block.content
        eid = _eid(block, point)
        subjects[eid] = Subject(eid, opening_words(plain_text(content)), (), editorial=False)
    return MappingProxyType(subjects)


def build_subjects(path: str, data: Any, document: Document) -> Mapping[str, Subject]:
    """Check the subjects file (``data`` as loaded, ``None`` when there is
    none) against ``document``; return a subject for every unit."""
    if data is None:
        return fallback_subjects(document)
    if not isinstance(data, dict):
        raise InputError([Diagnostic(node_at(path, data), "the subjects file must map paragraph eIds to subjects",
                                     "write entries such as 'att_1__para_42:' with 'subject:' and 'evidence: [...]'")])
    diagnostics: list[Diagnostic] = []
    units = {_eid(block, point): (block, point) for block, point in _units(document)}
    for eid in data:
        if str(eid) not in units:
            diagnostics.append(Diagnostic(key_at(path, data, eid), f"'{eid}' is not a paragraph of the document",
                                          "use an eId from ids.json, such as 'att_1__para_42' or 'preamble__p_3'"))
    subjects: dict[str, Subject] = {}
    previous: str | None = None
    for eid, (block, point) in units.items():
        if eid in data:
            subject = _entry(path, data, eid, words_and_footnotes(document, block, point), diagnostics)
            if subject is not None:
                subjects[eid] = subject
            previous = eid
        elif point is not None:
            continue  # a point without an entry shares its paragraph's subject
        else:
            where = key_at(path, data, previous) if previous is not None else node_at(path, data)
            place = f"after the entry for '{previous}'" if previous is not None else "at the start of the file"
            diagnostics.append(Diagnostic(where, f"paragraph '{eid}' has no subject",
                                          f"add '{eid}:' with 'subject:' and 'evidence: [...]' {place}"))
    if diagnostics:
        raise InputError(diagnostics)
    for eid, (block, point) in units.items():
        if point is not None and eid not in subjects:
            subjects[eid] = subjects[_eid(block, None)]
    return MappingProxyType(subjects)


def _entry(path: str, data: dict[Any, Any], eid: str, words: str, diagnostics: list[Diagnostic]) -> Subject | None:
    """One entry, checked; ``None`` (with diagnostics) when it is unusable."""

    def error(where: Location, message: str, hint: str) -> None:
        diagnostics.append(Diagnostic(where, message, hint))

    entry = data[eid]
    if not isinstance(entry, dict):
        error(key_at(path, data, eid), f"the entry for '{eid}' must have 'subject:' and 'evidence:'",
              "write 'subject: …' and 'evidence: [word, …]' indented under the eId")
        return None
    for key in entry:
        if key not in _KEYS:
            error(key_at(path, entry, key), f"unknown key '{key}' in the entry for '{eid}'",
                  f"use only {' and '.join(sorted(_KEYS))}")
    text, evidence = entry.get("subject"), entry.get("evidence")
    if not isinstance(text, str) or not text.strip():
        error(key_at(path, data, eid), f"the entry for '{eid}' has no 'subject'",
              "add 'subject: …' with a few words on what the paragraph is about")
        return None
    text = " ".join(text.split())
    if len(text) > MAX_LENGTH:
        error(value_at(path, entry, "subject"),
              f"the subject of '{eid}' is {len(text)} characters long, more than {MAX_LENGTH}",
              "shorten it: it must fit a title and a line of the contents")
    if not isinstance(evidence, list) or not evidence:
        error(key_at(path, data, eid), f"the entry for '{eid}' has no 'evidence'",
              "add 'evidence: [...]' with words of the paragraph that show its subject")
        return None
    for index, word in enumerate(evidence):
        if not isinstance(word, str) or not word.strip():
            error(item_at(path, evidence, index), f"evidence item {index + 1} of '{eid}' is not a word or phrase",
                  "write words of the paragraph, such as 'cybercrime' or 'expert group'")
        elif not says(words, word):
            error(item_at(path, evidence, index),
                  f"'{word}' does not occur in paragraph '{eid}' or its footnotes",
                  "give words the paragraph itself uses (whole words, any case), or change the subject")
    return Subject(eid, text, tuple(" ".join(str(w).split()) for w in evidence))
