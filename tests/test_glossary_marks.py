"""Glossary marks: the marker skips the phrases whose words a text lacks and
remembers each phrase's last match; the marks must be those of the plain
search, which tries every phrase of every unmarked entry at every step."""

from __future__ import annotations

import random
import re

from build_scripts.inline import plain_text
from build_scripts.model import Block, GlossaryEntry
from build_scripts.pipeline import build, load
from build_scripts.render.glossary_marks import TermMarker, TermPatterns
from conftest import ROOT, SEED


class PlainMarker(TermMarker):
    """The definition: every phrase searched again at every step."""

    def markup(self, text: str) -> str:
        out: list[str] = []
        position = 0
        while True:
            candidates = [
                (index, match)
                for index, patterns in enumerate(self.terms.patterns) if index not in self.used
                for pattern in patterns if (match := pattern.search(text, position)) is not None
            ]
            if not candidates:
                break
            candidates.sort(key=lambda c: (c[1].start(), -len(c[1].group(0))))
            best = candidates[0]
            for candidate in candidates[1:]:
                if candidate[1].start() < best[1].end() and len(candidate[1].group(0)) > len(best[1].group(0)):
                    best = candidate
            index, match = best
            self.used.add(index)
            out.append(text[position : match.start()] + f"[{self.terms.anchors[index]}:{match.group(0)}]")
            position = match.end()
        return "".join(out) + text[position:]


class BracketMarker(TermMarker):
    """The marker under test, with marks written as PlainMarker writes them."""

    @staticmethod
    def _mark(anchor: str, words: str) -> str:
        return f"[{anchor}:{words}]"


def escape_nothing(text: str) -> str:
    return text


def test_marks_on_every_paragraph_of_the_document_are_those_of_the_plain_search(monkeypatch) -> None:
    monkeypatch.setattr("build_scripts.render.glossary_marks.escape_markdown", escape_nothing)
    site = build(load(ROOT / SEED))
    terms = TermPatterns.of(site.glossary)
    assert terms.anchors, "the document's glossary is empty: nothing is tested"
    texts = [plain_text(block.content) for part in site.document.parts for block in part.blocks
             if isinstance(block, Block)]
    # One page per paragraph, and pages of many paragraphs (as reading views).
    pages = [[text] for text in texts] + [texts[n : n + 7] for n in range(0, len(texts), 7)]
    marked = 0
    for page in pages:
        plain, fast = PlainMarker(terms), BracketMarker(terms)
        for text in page:
            expected = plain.markup(text)
            assert fast.markup(text) == expected
            marked += expected.count("[")
    assert marked > 50


def test_marks_with_overlapping_and_repeated_phrases(monkeypatch) -> None:
    monkeypatch.setattr("build_scripts.render.glossary_marks.escape_markdown", escape_nothing)
    entries = (
        GlossaryEntry("Commission on Crime Prevention and Criminal Justice", (),
                      ("Commission on Crime Prevention and Criminal Justice", "the Commission"), "d", ()),
        GlossaryEntry("Crime", (), ("crime", "crime prevention"), "d", ()),
        GlossaryEntry("Criminal justice", (), ("criminal justice", "Justice"), "d", ()),
        GlossaryEntry("Prevention", (), ("prevention",), "d", ()),
        GlossaryEntry("Straße", (), ("straße",), "d", ()),
    )
    terms = TermPatterns.of(entries)
    words = ["the", "Commission", "on", "Crime", "Prevention", "and", "Criminal", "Justice", "crime", "STRASSE",
             "straſſe", "Straße", "x", "\n", "prevention,", "justice.", "Juſtice", "CRİME"]
    chance = random.Random(18)
    for _ in range(500):
        page = [" ".join(chance.choice(words) for _ in range(chance.randint(1, 30))) for _ in range(3)]
        plain, fast = PlainMarker(terms), BracketMarker(terms)
        for text in page:
            assert fast.markup(text) == plain.markup(text), text
    assert re.search(r"\[", BracketMarker(terms).markup("the Commission acts"))
