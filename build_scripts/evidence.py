"""What a paragraph says: the words that editors' data is checked against.

Themes, subjects and glossary terms are the editors' words about the text;
each is accepted only when the paragraph itself (or, for subjects and
terms, a footnote it cites) contains the words the editors name as
evidence, as a whole word or phrase, ignoring case and line breaks.
"""

from __future__ import annotations

import re

from .inline import footnote_marks, plain_text
from .model import Block, Document, Point


def says(text: str, evidence: str) -> bool:
    """Whether ``text`` contains ``evidence`` as a whole word or phrase."""
    words = [re.escape(word) for word in evidence.split()]
    if not words:
        return False
    pattern = r"\s+".join(words)
    return re.search(rf"(?<!\w){pattern}(?!\w)", text, flags=re.IGNORECASE) is not None


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
