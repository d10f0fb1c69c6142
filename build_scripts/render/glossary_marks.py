"""The first use of each glossary term on a page, marked for its
definition.

A participant who meets a body or term of the text for the first time on a
page can point at it, focus it or tap it to read the editors' definition:
``docs/assets/glossary.js`` shows it from the kit's glossary data
(``kit/glossary.js``), where each definition is written once, not on every
page that uses the term. The mark names the entry by its anchor on the
glossary page. Only the first use per page is marked, so that a reading
view is not underlined all over.

The words are never changed: a marked phrase is wrapped in an element,
and its letters, case and spacing are the text's own. A phrase is found
as the glossary finds it (:func:`build_scripts.evidence.says`): whole
words, any case, any run of white space between words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..evidence import folded, folded_words, phrase_pattern
from ..inline_render import escape_markdown
from ..model import GlossaryEntry


def glossary_anchors(entries: tuple[GlossaryEntry, ...]) -> tuple[str, ...]:
    """Each entry's anchor on the glossary page, which also names it in
    marks: its term in lower case, runs of other characters as "-"
    ("open-ended-intergovernmental-expert-group"); a clash gets "-2" …"""
    anchors: list[str] = []
    for entry in entries:
        base = re.sub(r"[^a-z0-9]+", "-", entry.term.lower()).strip("-") or "term"
        anchor, count = base, 1
        while anchor in anchors:
            count += 1
            anchor = f"{base}-{count}"
        anchors.append(anchor)
    return tuple(anchors)


def phrase_patterns(entry: GlossaryEntry) -> tuple[re.Pattern[str], ...]:
    """Each of ``entry``'s printed phrases as whole words (one pattern per
    phrase, so that each phrase's first use is found, not just the
    leftmost of them)."""
    return tuple(phrase_pattern(phrase) for phrase in entry.in_text)


@dataclass(frozen=True)
class TermPatterns:
    """The glossary's phrases, compiled once per site."""

    anchors: tuple[str, ...]
    patterns: tuple[tuple[re.Pattern[str], ...], ...]
    """Per entry, one pattern per phrase."""
    phrases: tuple[tuple[int, re.Pattern[str], tuple[str, ...]], ...]
    """Every phrase, entry by entry: its entry's index, its pattern, and
    its words case-folded (:func:`.evidence.folded_words`): a phrase whose
    folded words are not all in a text's :func:`.evidence.folded` is not
    in the text."""

    @classmethod
    def of(cls, entries: tuple[GlossaryEntry, ...]) -> TermPatterns:
        patterns = tuple(phrase_patterns(e) for e in entries)
        phrases = tuple(
            (index, pattern, folded_words(phrase))
            for index, entry in enumerate(entries)
            for phrase, pattern in zip(entry.in_text, patterns[index], strict=True)
        )
        return cls(glossary_anchors(entries), patterns, phrases)


_Use = tuple[int, re.Match[str]]
"""An entry (by index) and where one of its phrases is used."""


@dataclass
class TermMarker:
    """Marks terms on one page: each entry once, at its first use."""

    terms: TermPatterns
    used: set[int] = field(default_factory=set)

    def markup(self, text: str) -> str:
        """``text`` (one run of the source's literal text) as escaped
        Markdown, with the first use of each term not yet marked on this
        page wrapped in ``<span class="sd-term" data-term="anchor">``."""
        searches = self._searches(text)
        if not searches:
            return escape_markdown(text)
        out: list[str] = []
        position = 0
        while True:
            found = self._next(text, position, searches)
            if found is None:
                break
            index, match = found
            self.used.add(index)
            out.append(escape_markdown(text[position : match.start()]))
            out.append(self._mark(self.terms.anchors[index], match.group(0)))
            position = match.end()
        out.append(escape_markdown(text[position:]))
        return "".join(out)

    def _searches(self, text: str) -> list[_Search]:
        """The phrases of unmarked entries that may be in ``text``, in
        the glossary's order; the others cannot be (their words are not
        all in it), which spares most searches."""
        text_folded = folded(text)
        used = self.used
        searches = []
        for index, pattern, words in self.terms.phrases:
            if index in used:
                continue
            for word in words:
                if word not in text_folded:
                    break
            else:
                searches.append(_Search(index, pattern))
        return searches

    def _next(self, text: str, position: int, searches: list[_Search]) -> _Use | None:
        """The use of an unmarked term to mark next: the earliest at or
        after ``position``, unless a longer one overlaps it ("the
        Commission on Crime Prevention and Criminal Justice" is the
        Commission's full name, not "the Commission" followed by words)."""
        candidates: list[_Use] = []
        for search in searches:
            if search.index in self.used:
                continue
            match = search.at_or_after(text, position)
            if match is not None:
                candidates.append((search.index, match))
        if not candidates:
            return None
        candidates.sort(key=lambda c: (c[1].start(), -len(c[1].group(0))))
        best = candidates[0]
        for candidate in candidates[1:]:
            overlaps = candidate[1].start() < best[1].end()
            if overlaps and len(candidate[1].group(0)) > len(best[1].group(0)):
                best = candidate
        return best

    @staticmethod
    def _mark(anchor: str, words: str) -> str:
        # Raw inline HTML in Markdown; the anchor is [a-z0-9-] only.
        return f'<span class="sd-term" data-term="{anchor}">{escape_markdown(words)}</span>'


@dataclass
class _Search:
    """One phrase's search through one text, whose positions only move on:
    a match found earlier is still the first at or after a later position
    when it starts there or after (the pattern's look-behind sees the text
    before the position, so a match does not depend on where the search
    began), and a phrase not found stays not found."""

    index: int
    pattern: re.Pattern[str]
    match: re.Match[str] | None = None
    searched: bool = False

    def at_or_after(self, text: str, position: int) -> re.Match[str] | None:
        if not self.searched or (self.match is not None and self.match.start() < position):
            self.match = self.pattern.search(text, position)
            self.searched = True
        return self.match
