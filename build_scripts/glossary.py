"""The editors' glossary (``<stem>.glossary.yml``): terms of the text with
the acronyms and common names readers know them by.

A minimal reader of the format the editorial work defines, so that search
can use the names before the full glossary lands::

    - term: United Nations Office on Drugs and Crime
      also: [UNODC]
      in_text: [United Nations Office on Drugs and Crime]
      definition: >- …

Every ``in_text`` wording must occur in the text (a paragraph or a footnote),
as whole words, ignoring case: a name that the text never uses would make
search find nothing, or the wrong paragraphs.
"""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostic, InputError, Location
from .inline import plain_text
from .model import Document, GlossaryEntry
from .themes import own_words, says
from .yamlfile import LINE


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return tuple(v.strip() for v in value)


def build_glossary(path: str, data: Any, document: Document) -> tuple[GlossaryEntry, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        raise InputError([Diagnostic(Location(path, 1, 1), "the glossary must be a list of terms",
                                     "start each entry with '- term: …' followed by 'also:' and 'in_text:'")])
    units: list[tuple[str, str]] = []
    for part in document.parts:
        for block in part.paragraphs:
            units.append((block.eid or "", own_words(block)))
            units.extend((point.eid, plain_text(point.content)) for point in block.points)
    footnotes = " ".join(plain_text(f.content) for f in document.footnotes)
    diagnostics: list[Diagnostic] = []
    entries: list[GlossaryEntry] = []
    for item in data:
        where = Location(path, item.get(LINE, 1) if isinstance(item, dict) else 1, 3)
        if not isinstance(item, dict) or not isinstance(item.get("term"), str):
            diagnostics.append(Diagnostic(where, "a glossary entry needs a 'term'",
                                          "write '- term: …' with 'also:', 'in_text:' and 'definition:'"))
            continue
        term = item["term"].strip()
        also = _strings(item.get("also") or [])
        in_text = _strings(item.get("in_text") or [term])
        definition = item.get("definition")
        if also is None or in_text is None or not isinstance(definition, str) or not definition.strip():
            diagnostics.append(Diagnostic(where, f"glossary entry '{term}' needs 'also' and 'in_text' lists of "
                                          "names and a 'definition'",
                                          "write 'also: [ACRONYM]', 'in_text: [wording of the text]', "
                                          "'definition: >- …'"))
            continue
        for wording in in_text:
            if not any(says(text, wording) for _, text in units) and not says(footnotes, wording):
                diagnostics.append(Diagnostic(where, f"glossary entry '{term}': the text never says '{wording}'",
                                              "list under 'in_text' only wordings that the text uses"))
        eids = tuple(eid for eid, text in units if any(says(text, w) for w in in_text))
        entries.append(GlossaryEntry(term, also, in_text, " ".join(definition.split()), eids))
    if diagnostics:
        raise InputError(diagnostics)
    return tuple(entries)
