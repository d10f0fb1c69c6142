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
from .evidence import own_words, says
from .model import Block, Theme
from .units import Unit
from .yamlfile import item_at, key_at, node_at

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEYS = {"title", "evidence", "paragraphs"}


def build_themes(path: str, data: Any, paragraphs: dict[str, Block]) -> tuple[Theme, ...]:
    if data is None:
        return ()
    diagnostics: list[Diagnostic] = []

    def error(where: Location, message: str, hint: str) -> None:
        diagnostics.append(Diagnostic(where, message, hint))

    if not isinstance(data, dict) or not isinstance(data.get("themes"), dict):
        raise InputError([Diagnostic(node_at(path, data), "the themes file must have a mapping under 'themes:'",
                                     "write 'themes:' then 'slug:' entries with title, evidence and paragraphs")])
    themes = []
    for slug, spec in data["themes"].items():
        where = key_at(path, data["themes"], slug)
        if not isinstance(spec, dict) or not _SLUG.fullmatch(str(slug)):
            error(where, f"theme '{slug}' is not a lower-case slug with a mapping",
                  "use a slug like 'cybercrime' with title, evidence and paragraphs")
            continue
        for key in spec:
            if key not in _KEYS:
                error(key_at(path, spec, key), f"unknown key '{key}' in theme '{slug}'",
                      f"use one of: {', '.join(sorted(_KEYS))}")
        title, evidence, eids = spec.get("title"), spec.get("evidence") or [], spec.get("paragraphs") or []
        if not isinstance(title, str) or not isinstance(evidence, list) or not isinstance(eids, list) \
                or not evidence or not eids:
            error(where, f"theme '{slug}' needs a title, evidence words and paragraphs",
                  "add 'title:', 'evidence: [...]' and 'paragraphs: [...]'")
            continue
        for index, eid in enumerate(eids):
            block = paragraphs.get(str(eid))
            if block is None:
                error(item_at(path, eids, index), f"theme '{slug}' names paragraph '{eid}', which does not exist",
                      "use an eId from ids.json")
            elif not any(says(own_words(block), str(word)) for word in evidence):
                error(item_at(path, eids, index),
                      f"paragraph '{eid}' does not say any evidence word of theme '{slug}' "
                      f"({', '.join(map(str, evidence))})",
                      "remove the assignment, or add an evidence word that the paragraph itself uses")
        themes.append(Theme(str(slug), title, tuple(map(str, evidence)), tuple(map(str, eids))))
    if diagnostics:
        raise InputError(diagnostics)
    return tuple(themes)


def themes_of(themes: tuple[Theme, ...], unit: Unit) -> tuple[Theme, ...]:
    """The themes a paragraph or lettered point carries, in the themes file's
    order. A theme that names a paragraph covers its lettered points: the
    evidence check above reads the points as the paragraph's own words. Pages
    (tags) and ``document.json`` both ask here, so they cannot disagree."""
    return tuple(t for t in themes if unit.eid in t.eids or unit.block.eid in t.eids)
