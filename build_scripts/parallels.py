"""Parallel passages: resolution paragraphs that restate an annex paragraph.

Method. Each paragraph is reduced to its words (punctuation dropped,
compared without case). For every pair of a resolution paragraph and an
annex paragraph, ``difflib.SequenceMatcher`` (no junk heuristic) finds the
runs of words the two share in the same order; only runs of at least
:data:`MIN_RUN` words count, so that common words scattered through both do
not. Of the words in those runs, only the ones printed in lower case are
counted: capitalised words are mostly names ("United Nations Global Plan of
Action to Combat Trafficking in Persons"), and sharing a name is citing the
same thing, not restating. The similarity is the number of counted words
divided by the number of lower-case words of the shorter paragraph: 1.0 when
the shorter one is restated whole inside the longer, whatever the longer
adds around it.

A pair is a parallel when its similarity is at least :data:`THRESHOLD`. On
resolution 2010/18 the six restatements score 0.61 to 1.00; the best pair
that is not a restatement, in it and in the corpus resolutions 80/3 and
80/9, scores 0.39 (resolution 80/9's "*Adopts*", which names the
declaration it adopts). 0.5 separates the two with a margin on both sides.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .inline import plain_text
from .model import Block, Document, Parallel

MIN_RUN = 4
THRESHOLD = 0.5
ALMOST_VERBATIM = 0.75
"""From this similarity up, readers are told that a paragraph is restated
"almost word for word"; below it (down to :data:`THRESHOLD`), "in similar
words". On resolution 2010/18 the pairs at 0.77 to 1.00 keep the annex
paragraph's words and change only the verb that opens it ("We invite" →
"Also requests") and words added around them; the pair at 0.61 (operative
paragraph 12 and Declaration 8) rewords about a third of it. "Almost",
even at 1.00: capitals and punctuation are not compared."""
# A word for comparison: letters, digits, hyphens and apostrophes.
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class DiffPiece:
    """A run of words in a word-by-word comparison."""

    kind: str
    """``same``, ``added`` (only in the resolution) or ``dropped`` (only in
    the annex)."""
    words: str


def comparable_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@dataclass(frozen=True)
class _Words:
    """A paragraph's words, prepared once for every pair it is in."""

    printed: list[str]
    lower: list[str]
    lower_count: int
    """How many words are printed in lower case (names are not counted)."""
    grams: list[tuple[str, ...]]
    """The run of MIN_RUN consecutive words that starts at each word."""
    runs: frozenset[tuple[str, ...]]
    """Every run of MIN_RUN consecutive words: a pair that shares none
    cannot score above zero, and skips the costly comparison."""
    lower_before: list[int]
    """How many of the words before each position are printed in lower
    case (``lower_before[len(printed)] == lower_count``)."""


def _words(text: str) -> _Words:
    printed = _WORD.findall(text)
    lower = [w.lower() for w in printed]
    grams = [tuple(lower[i : i + MIN_RUN]) for i in range(len(lower) - MIN_RUN + 1)]
    lower_before = [0]
    for word in printed:
        lower_before.append(lower_before[-1] + word.islower())
    return _Words(printed, lower, lower_before[-1], grams, frozenset(grams), lower_before)


def _at_most(a: _Words, b: _Words) -> int:
    """An upper bound of the words :func:`_similarity` counts for ``a`` and
    ``b``, cheap to compute: the lower-case words of ``a`` that stand in a
    run of MIN_RUN words that ``b`` also has. Every word in a matching block
    of at least MIN_RUN words is in such a run (one that starts in the
    block), and the blocks do not overlap, so no counted word is missed."""
    count = covered = 0
    for start, gram in enumerate(a.grams):
        if gram in b.runs:
            end = start + MIN_RUN
            count += a.lower_before[end] - a.lower_before[max(start, covered)]
            covered = end
    return count


def _similarity(a: _Words, b: _Words) -> float:
    if not a.lower_count or not b.lower_count or not (a.runs & b.runs):
        return 0.0
    matcher = difflib.SequenceMatcher(None, a.lower, b.lower, autojunk=False)
    shared = sum(
        1
        for block in matcher.get_matching_blocks()
        if block.size >= MIN_RUN
        for index in range(block.a, block.a + block.size)
        if a.printed[index].islower()
    )
    return shared / min(a.lower_count, b.lower_count)


def similarity(a: str, b: str) -> float:
    return _similarity(_words(a), _words(b))


def _text(block: Block) -> str:
    return " ".join([plain_text(block.content)] + [plain_text(p.content) for p in block.points])


def find_parallels(document: Document) -> list[Parallel]:
    main = [(b, _words(_text(b))) for part in document.parts if part.key == "main" for b in part.paragraphs]
    annexes = [(b, _words(_text(b))) for part in document.parts if part.key != "main" for b in part.paragraphs]
    found = []
    for resolution_paragraph, resolution_words in main:
        for annex_paragraph, annex_words in annexes:
            # Most pairs share a few runs of words (a title, a phrase) but
            # not enough to reach the threshold, and the bound says so
            # without the costly comparison: the score is at most
            # bound / shorter, and the pair is left out either way.
            shorter = min(resolution_words.lower_count, annex_words.lower_count)
            if (not shorter or resolution_words.runs.isdisjoint(annex_words.runs)
                    or _at_most(resolution_words, annex_words) / shorter < THRESHOLD):
                continue
            score = _similarity(resolution_words, annex_words)
            if score >= THRESHOLD:
                found.append(Parallel(resolution_paragraph.eid or "", annex_paragraph.eid or "", round(score, 2)))
    return found


def word_diff(annex_text: str, resolution_text: str) -> list[DiffPiece]:
    """How the resolution's wording differs from the annex's, word by word.
    Words are compared without case and punctuation but shown as printed."""
    old, new = annex_text.split(), resolution_text.split()
    key = lambda words: [" ".join(comparable_words(w)) for w in words]  # noqa: E731
    matcher = difflib.SequenceMatcher(None, key(old), key(new), autojunk=False)
    pieces: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(DiffPiece("same", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("dropped", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("added", " ".join(new[j1:j2])))
    return pieces


def closeness(similarity: float) -> str:
    """How closely a parallel restates its paragraph, in plain words (see
    :data:`ALMOST_VERBATIM`)."""
    return "almost word for word" if similarity >= ALMOST_VERBATIM else "in similar words"
