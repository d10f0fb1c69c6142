"""How a paragraph is named where readers choose where to go: its number as
a reader types it, its subject and the title that combines them.

A subject is the editors' words (``Subject.editorial``) or, for a document
without a subjects file, the paragraph's opening words. Plain-text places
(the page's ``<title>``, ``og:title``, the jump box's labels) quote the
opening words, so that they read as the text's own and never as the
editors'; HTML places use the ``subject`` macro of ``fragments.md.j2``,
which marks the editors' words as such and the opening words as "Opens:".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import BlockKind, Subject
from ..quotes import quoted
from ..units import Unit

TITLE_SEPARATOR = " · "
"""Between a paragraph's number and its subject: "42 · Expert group on
cybercrime"."""
DOCUMENT_SEPARATOR = " — "
"""Between a paragraph's subject and its document's name."""


def number_label(unit: Unit) -> str:
    """The paragraph's number as readers say and type it: "42" (printed),
    "pp 3" (preambular paragraphs are counted, not numbered in the text),
    "13 (a)" (a lettered point), "¶" (an operative paragraph printed without
    a number)."""
    if unit.block.kind is BlockKind.PREAMBLE:
        base = f"pp {unit.num}"
    elif not unit.block.printed_number:
        base = "¶"
    else:
        base = unit.num
    return f"{base} ({unit.letter})" if unit.letter else base


def subject_plain(subject: Subject) -> str:
    """The subject as plain text: the editors' words as they are, the
    text's opening words between quotation marks."""
    return subject.text if subject.editorial else quoted(subject.text)


@dataclass(frozen=True)
class Named:
    """A unit with the words that name it to readers (see the module's
    docstring); what the templates receive for a link to a paragraph."""

    number: str
    """:func:`number_label`."""
    subject: str
    """The subject's words (plain text, not yet escaped)."""
    editorial: bool
    """The editors' subject (True) or the paragraph's opening words."""
    label: str
    """"Salvador Declaration, paragraph 42"."""
    short: str
    """"42 · Expert group on cybercrime": the title within its document."""
    title: str
    """"42 · Expert group on cybercrime — Salvador Declaration"."""

    @classmethod
    def of(cls, unit: Unit, subject: Subject) -> Named:
        number = number_label(unit)
        short = f"{number}{TITLE_SEPARATOR}{subject_plain(subject)}"
        return cls(number, subject.text, subject.editorial, unit.label, short,
                   f"{short}{DOCUMENT_SEPARATOR}{unit.part.name}")
