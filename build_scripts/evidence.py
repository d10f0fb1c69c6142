"""What a paragraph says: the words that editors' data is checked against.

Themes, subjects and glossary terms are the editors' words about the text;
each is accepted only when the paragraph itself (or, for subjects and
terms, a footnote it cites) contains the words the editors name as
evidence, as a whole word or phrase, ignoring case and line breaks.
"""

from __future__ import annotations

# How re.IGNORECASE compares letters (_sre, re._casefix): each one's lower
# case, and the few lower-case letters that count as the same ("s" and "ſ",
# "i" and "ı" …).
import _sre  # type: ignore[import-not-found]
import functools
import re
from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

from .inline import footnote_marks, plain_text
from .model import Block, Document, Point


def says(text: str, evidence: str) -> bool:
    """Whether ``text`` contains ``evidence`` as a whole word or phrase."""
    words = folded_words(evidence)
    if not words:
        return False
    # Most checks fail, and a cheap one says so: every word must be in the
    # text, compared as the pattern's IGNORECASE compares letters.
    text_folded = folded(text)
    for word in words:
        if word not in text_folded:
            return False
    return phrase_pattern(evidence).search(text) is not None


@functools.lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """``phrase`` as whole words, in any case, with any run of white space
    between its words."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.compile(rf"(?<!\w){pattern}(?!\w)", flags=re.IGNORECASE)


class _CaseFold(dict[int, int]):
    """For ``str.translate``: each character as ``re.IGNORECASE`` sees it.
    Two characters that the pattern counts as the same letter ("K", "k",
    the Kelvin sign; "s", "ſ") become one character, so that a word the
    pattern would find is always a substring of the folded text; the fold
    never changes the text's length."""

    def __missing__(self, code: int) -> int:
        lower = _sre.unicode_tolower(code)
        folded = min((lower, *_EXTRA_CASES.get(lower, ())))
        self[code] = folded
        return folded


_FOLD = _CaseFold()


@functools.lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """``text`` with each letter as ``re.IGNORECASE`` compares it: a phrase
    that a case-insensitive pattern finds in ``text`` has each of its
    :func:`folded_words` in ``folded(text)``."""
    return text.translate(_FOLD)


@functools.lru_cache(maxsize=4096)
def folded_words(phrase: str) -> tuple[str, ...]:
    """The words of ``phrase``, each folded as :func:`folded` does."""
    return tuple(word.translate(_FOLD) for word in phrase.split())


def own_words(block: Block) -> str:
    """The paragraph's text with its lettered points, without footnotes."""
    return " ".join([plain_text(block.content)] + [plain_text(p.content) for p in block.points])


def cited_footnote_words(document: Document, block: Block, point: Point | None = None) -> str:
    """The text of the footnotes that a paragraph (or one of its points) cites."""
    if point is not None:
        marks = footnote_marks(point.content)
    else:
        marks = footnote_marks(block.content) + [m for p in block.points for m in footnote_marks(p.content)]
    numbers = {mark.number for mark in marks}
    return " ".join(plain_text(body.content) for body in document.footnotes if body.number in numbers)


def words_and_footnotes(document: Document, block: Block, point: Point | None = None) -> str:
    """What a paragraph or point says, footnotes included. A point's own
    words include its paragraph's opening words, which they complete."""
    own = own_words(block) if point is None else plain_text(block.content) + " " + plain_text(point.content)
    return " ".join((own + " " + cited_footnote_words(document, block, point)).split())
