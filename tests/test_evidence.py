"""``says``: a phrase as whole words, any case, any white space between
words. Its shortcut (a case-folded substring test before the pattern) must
never change an answer: it is checked here against the pattern alone."""

from __future__ import annotations

import random
import re

import pytest

from build_scripts.evidence import says


def pattern_says(text: str, evidence: str) -> bool:
    """The definition: the pattern alone, as ``says`` was first written."""
    words = [re.escape(word) for word in evidence.split()]
    if not words:
        return False
    pattern = r"\s+".join(words)
    return re.search(rf"(?<!\w){pattern}(?!\w)", text, flags=re.IGNORECASE) is not None


TEXTS = [
    "The Commission on Crime Prevention and Criminal Justice,\nrecalling its resolution 2010/18,",
    "UNODC's programme (the Office) — “technical assistance” for States‑parties",
    # Letters that re.IGNORECASE counts as the same without the same lower case.
    "States, ıntegrity, İstanbul, 5 K (kelvin), straße, STRASSE, ẞ, ΣΟΦΊΑ σοφίας, µ μ, ﬅ ﬆ, ΐ ΐ",
    "", "   ", "crime-prevention crime prevention crimeprevention",
]
EVIDENCE = [
    "commission", "Crime Prevention", "crime   prevention and criminal justice", "2010/18", "resolution 2010",
    "unodc's", "UNODC", "(the office)", "“technical", "states‑parties", "states", "integrity", "istanbul",
    "i̇stanbul", "5 k", "5 K", "STRASSE", "straße", "ẞ", "ß", "σοφία", "ΣΟΦΊΑΣ", "σοφιας", "μ", "µ", "Μ",
    "ﬆ", "ﬅ", "ΐ", "ΐ", "prevention", "crime", "crimeprevention", "", "  ", "justice,", "Justice,\nrecalling",
]


@pytest.mark.parametrize("text", TEXTS)
def test_says_answers_as_the_pattern(text: str) -> None:
    for evidence in EVIDENCE:
        assert says(text, evidence) is pattern_says(text, evidence), evidence


def test_says_answers_as_the_pattern_on_changed_case() -> None:
    words = " ".join(TEXTS).split()
    chance = random.Random(2010)
    for _ in range(3000):
        start = chance.randrange(len(words))
        phrase = " ".join(words[start : start + chance.randint(1, 3)])
        phrase = "".join(c.swapcase() if chance.random() < 0.3 else c for c in phrase)
        text = chance.choice(TEXTS)
        assert says(text, phrase) is pattern_says(text, phrase), (text, phrase)
