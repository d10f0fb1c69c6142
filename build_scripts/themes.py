"""Themes: the editors' map of paragraphs to subjects (``<stem>.themes.yml``).

Each theme has a title, evidence words and paragraphs. Every assignment is
checked against the paragraph's own words (lettered points included, no
footnotes, no notes): at least one evidence word must occur there, as a
whole word or phrase, ignoring case. A paragraph that does not say it is a
build error, not a silent guess.
"""

from __future__ import annotations

import re
from typing import Any

from .diagnostics import Diagnostic, InputError, Location
from .inline import plain_text
from .model import Block, Theme
from .yamlfile import COL, LINE

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def own_words(block: Block) -> str:
    return " ".join([plain_text(block.content)] + [plain_text(p.content) for p in block.points])


def says(text: str, evidence: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(evidence)}(?!\w)", text, flags=re.IGNORECASE) is not None


def build_themes(path: str, data: Any, paragraphs: dict[str, Block]) -> tuple[Theme, ...]:
    if data is None:
        return ()
    diagnostics: list[Diagnostic] = []
    if not isinstance(data, dict) or not isinstance(data.get("themes"), dict):
        raise InputError([Diagnostic(Location(path, 1, 1), "the themes file must have a mapping under 'themes:'",
                                     "write 'themes:' then 'slug:' entries with title, evidence and paragraphs")])
    themes = []
    for slug, spec in data["themes"].items():
        if slug in (LINE, COL):
            continue
        where = Location(path, spec.get(LINE, 1) - 1 if isinstance(spec, dict) else 1, 3)
        if not isinstance(spec, dict) or not _SLUG.fullmatch(str(slug)):
            diagnostics.append(Diagnostic(where, f"theme '{slug}' is not a lower-case slug with a mapping",
                                          "use a slug like 'cybercrime' with title, evidence and paragraphs"))
            continue
        title, evidence, eids = spec.get("title"), spec.get("evidence") or [], spec.get("paragraphs") or []
        if not isinstance(title, str) or not evidence or not eids:
            diagnostics.append(Diagnostic(where, f"theme '{slug}' needs a title, evidence words and paragraphs",
                                          "add 'title:', 'evidence: [...]' and 'paragraphs: [...]'"))
            continue
        for eid in eids:
            block = paragraphs.get(str(eid))
            if block is None:
                diagnostics.append(Diagnostic(where, f"theme '{slug}' names paragraph '{eid}', which does not exist",
                                              "use an eId from ids.json"))
            elif not any(says(own_words(block), str(word)) for word in evidence):
                diagnostics.append(
                    Diagnostic(where, f"paragraph '{eid}' does not say any evidence word of theme '{slug}' "
                               f"({', '.join(map(str, evidence))})",
                               "remove the assignment, or add an evidence word that the paragraph itself uses")
                )
        themes.append(Theme(str(slug), title, tuple(map(str, evidence)), tuple(map(str, eids))))
    if diagnostics:
        raise InputError(diagnostics)
    return tuple(themes)
