"""The document model: frozen dataclasses, one concept each.

The parser builds these from the source text; the resolver adds what can only
be known once the whole document has been read (who cites which footnote).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from types import MappingProxyType

from .diagnostics import Location

# --- inline content ---------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Literal text, exactly as printed (never Markdown or HTML)."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Italic (``*…*``) or bold (``**…**``) text in the source."""

    children: tuple[Inline, ...]
    strong: bool


@dataclass(frozen=True)
class FootnoteMark:
    """A footnote mark ``<sup>N</sup>`` with its printed number."""

    number: int
    location: Location


@dataclass(frozen=True)
class LineBreak:
    """A printed line break inside one block (the adoption line, for example)."""


@dataclass(frozen=True)
class Reference:
    """Words of the text that refer to a paragraph or a whole part of this
    document ("paragraph 42 of the Salvador Declaration", "the Salvador
    Declaration"). Found by :mod:`build_scripts.references`."""

    text: str
    """The linked words, as printed."""
    target: str
    """A paragraph eId, or a part key (``att_1``) for a whole part."""
    whole_part: bool
    relation: str
    """How the citing paragraph relates to the target: "in line with",
    "pursuant to", "endorses" …"""
    location: Location


Inline = Text | Emphasis | FootnoteMark | LineBreak | Reference


# --- blocks -----------------------------------------------------------------


class BlockKind(Enum):
    """What a block of the source is; decides how it is shown and whether it
    gets its own page."""

    HEADING = "heading"
    """A ``##``/``###`` heading or a line that is bold and nothing else."""
    FRAMING = "framing"
    """Unnumbered text that frames paragraphs: "*The Economic and Social
    Council*", "*Declare* as follows:", the adoption line."""
    PREAMBLE = "preamble"
    """A preambular paragraph (opens with italic words, no number)."""
    OPERATIVE = "operative"
    """A numbered paragraph (operative in a resolution; any numbered
    paragraph in an annex)."""


@dataclass(frozen=True)
class Point:
    """A lettered subparagraph, ``(a) …``, of a numbered paragraph."""

    letter: str
    """The printed letter, without parentheses: ``a``."""
    eid: str
    content: tuple[Inline, ...]
    location: Location


@dataclass(frozen=True)
class Block:
    """One block of the source text, in printed order.

    A paragraph cut by a page break is one block: its tail (the unnumbered
    lower-case block after the footnote bodies) is joined to it.
    """

    kind: BlockKind
    content: tuple[Inline, ...]
    """The text, without the printed number (see ``num``)."""
    location: Location
    """Where the block starts in the source."""
    num: str | None = None
    """The printed number of a numbered or preambular paragraph, as a string
    (preambular paragraphs are counted, since they carry no printed number)."""
    eid: str | None = None
    """The Akoma Ntoso eId for paragraphs; ``None`` for headings and framing."""
    level: int = 0
    """For headings: 1 for ``##`` and 2 for ``###``, 3 for a bold line."""
    points: tuple[Point, ...] = ()
    """Lettered subparagraphs that follow the paragraph's own text."""
    continued_at: tuple[Location, ...] = ()
    """Where the parts after page breaks start, for diagnostics and notes."""
    printed_number: bool = True
    """False for an operative paragraph printed without a number (a
    resolution whose only operative paragraph is "*Adopts* …"): its ``num``
    is counted, like a preambular paragraph's, and never shown."""

    @property
    def is_paragraph(self) -> bool:
        return self.kind in (BlockKind.PREAMBLE, BlockKind.OPERATIVE)


@dataclass(frozen=True)
class Part:
    """The resolution itself, or an annex (an Akoma Ntoso attachment)."""

    key: str
    """``main`` for the resolution, ``att_1`` … for annexes."""
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.is_paragraph)


@dataclass(frozen=True)
class FootnoteBody:
    """A footnote's text, as printed at the foot of a page."""

    number: int
    content: tuple[Inline, ...]
    location: Location


@dataclass(frozen=True)
class Document:
    """The whole source, parsed."""

    path: str
    parts: tuple[Part, ...]
    footnotes: tuple[FootnoteBody, ...]
    """In printed order."""

    def part(self, key: str) -> Part:
        return next(p for p in self.parts if p.key == key)


# --- the resolved site model -----------------------------------------------


@dataclass(frozen=True)
class Citation:
    """One place where a footnote mark stands."""

    eid: str
    """The block that holds the mark (a paragraph, or a framing line's
    pseudo-id such as ``main__framing_2``)."""
    location: Location


@dataclass(frozen=True)
class Footnote:
    """A footnote with everything known about it after resolution."""

    number: int
    body: FootnoteBody | None
    """``None`` when the printed document has no text for it (an anomaly
    that an editorial note must acknowledge)."""
    cited_by: tuple[Citation, ...]
    ibid_of: int | None = None
    """For an "Ibid." footnote, the number of the footnote whose citation it
    continues after editorial corrections; ``None`` otherwise."""


@dataclass(frozen=True)
class EditorialNote:
    """An editors' remark attached to a paragraph or a footnote."""

    target_eid: str | None
    """The paragraph it is about, or ``None``."""
    target_footnote: int | None
    """The footnote it is about, or ``None``."""
    acknowledges: str | None
    """The anomaly kind it acknowledges (``footnote-without-body`` …)."""
    text: tuple[Inline, ...]
    location: Location
    ibid_of: int | None = None
    """For a note on an "Ibid." footnote: the footnote it really continues."""


@dataclass(frozen=True)
class PartMeta:
    """How one part is named and where it lives."""

    key: str
    slug: str
    """URL segment: ``resolution`` or ``declaration``."""
    name: str
    """Short name used in labels: "Salvador Declaration"."""
    title: str
    """Full title shown on the reading view."""
    eid_prefix: str
    """``""`` for the resolution, ``att_1__`` for the first annex."""


@dataclass(frozen=True)
class CitationTemplates:
    """UN-style citation wording, from the settings' ``citation`` section.
    Placeholders: {locator} ("para. 42", "third preambular paragraph"),
    {name} and {title} (the part's), {body}, {symbol}, {document}, {date}."""

    full_main: str
    """A resolution paragraph, in full."""
    full_annex: str
    """An annex paragraph, in full."""
    short_main: str
    short_annex: str


@dataclass(frozen=True)
class OfficialDocument:
    """A United Nations document that carries the text officially."""

    symbol: str
    """Its document symbol: "E/RES/2010/18"."""
    url: str
    """Where the United Nations publishes it (the document-symbol resolver)."""
    note: str = ""
    """What it is to this text, in the editors' words (plain text; may be empty)."""


@dataclass(frozen=True)
class Official:
    """The document's authority: its own official document and others that
    adopted the same text (the settings' ``official`` section)."""

    document: OfficialDocument
    related: tuple[OfficialDocument, ...] = ()


@dataclass(frozen=True)
class Edition:
    """This unofficial edition: who publishes it and under what terms (the
    settings' ``edition`` section). A field the settings leave out is
    ``None`` and is not shown."""

    publisher: str | None = None
    licence: str | None = None
    """The licence of the editorial layer: "CC BY 4.0"."""
    licence_url: str | None = None
    licence_covers: str | None = None
    """What the licence covers: "the editors' notes, subjects, themes and glossary"."""
    text_status: str | None = None
    """The official text's own status, stated neutrally."""
    contact: str | None = None
    updated: date | None = None
    """When the source last changed (its git history), set by the command
    line; ``None`` outside git or with uncommitted changes."""


@dataclass(frozen=True)
class Metadata:
    """What is particular to one document, from its YAML file or defaults."""

    symbol: str
    body: str
    title: str
    site_name: str
    site_url: str | None
    """The public address, ending in "/": links people copy start with it.
    ``None`` when the settings give none: nothing is published under an
    invented address."""
    description: str
    adoption: str
    parts: tuple[PartMeta, ...]
    citation: CitationTemplates
    """How a paragraph is cited (see :mod:`build_scripts.cite`)."""
    adoption_date: date | None = None
    """The date printed in the source's adoption line, when it prints one."""
    official: Official | None = None
    """The official documents, when the settings name them."""
    edition: Edition = field(default_factory=Edition)
    """Who publishes this edition and under what terms."""
    symbols: tuple[str, ...] = ()
    """Other United Nations symbols the document is known by, beyond its own
    and those of the official documents in ``official`` (which search knows
    already): a search for one of them opens the home page."""

    def part(self, key: str) -> PartMeta:
        return next(p for p in self.parts if p.key == key)


@dataclass(frozen=True)
class Backlink:
    """One paragraph that refers to another paragraph or to a whole part."""

    source_eid: str
    """The citing paragraph."""
    target: str
    """A paragraph eId, or a part key for a whole part."""
    relation: str
    clause: str
    """The words around the reference, quoted, with "…" where cut."""


@dataclass(frozen=True)
class Parallel:
    """A resolution paragraph and the annex paragraph it restates (see
    :mod:`build_scripts.parallels` for the method)."""

    resolution_eid: str
    annex_eid: str
    similarity: float
    """Share of the shorter paragraph's words in runs shared with the other,
    rounded to two decimals."""


@dataclass(frozen=True)
class Theme:
    """A subject the editors trace through the text."""

    slug: str
    """URL segment of its page: ``themes/cybercrime/``."""
    title: str
    evidence: tuple[str, ...]
    """Words that show the theme; each paragraph says at least one."""
    eids: tuple[str, ...]
    """Its paragraphs, as the editors listed them."""


@dataclass(frozen=True)
class Subject:
    """What one paragraph or point is about."""

    eid: str
    """The unit these words were written for. A point without its own entry
    shares its paragraph's subject, so this is then the paragraph's eId."""
    text: str
    """Plain text, one line, at most ``subjects.MAX_LENGTH`` (70) characters."""
    evidence: tuple[str, ...]
    """Words of the paragraph (or its footnotes) that show the subject; empty
    for a subject taken from the text."""
    editorial: bool = True
    """True for the editors' words; False for the text's own opening words."""

    @property
    def from_text(self) -> bool:
        """The subject is the unit's opening words, not the editors' (a
        renderer marks it as such)."""
        return not self.editorial


@dataclass(frozen=True)
class GlossaryEntry:
    """A body, instrument or term of the text, defined by the editors (see
    :mod:`build_scripts.glossary`)."""

    term: str
    also: tuple[str, ...]
    """Acronyms and common names readers type ("UNODC"); search synonyms.
    They need not occur in the text."""
    in_text: tuple[str, ...]
    """The phrases by which the text names it, as printed (any case); each
    occurs in some paragraph or cited footnote."""
    definition: str
    """One to three plain sentences in the editors' words (plain text)."""
    eids: tuple[str, ...]
    """The paragraphs whose words (points and cited footnotes included)
    contain an ``in_text`` phrase, in document order."""


@dataclass(frozen=True)
class Alias:
    """A retired id and the id that replaces it (see
    :mod:`build_scripts.registry`)."""

    old_eid: str
    old_page_url: str
    """The retired id's published page URL, such as ``/declaration/56/``."""
    new_eid: str


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: the document, resolved."""

    document: Document
    metadata: Metadata
    footnotes: tuple[Footnote, ...]
    """Sorted by number."""
    notes: tuple[EditorialNote, ...]
    backlinks: tuple[Backlink, ...] = ()
    """In document order of the citing paragraphs."""
    parallels: tuple[Parallel, ...] = ()
    """In document order of the resolution paragraphs."""
    aliases: tuple[Alias, ...] = ()
    themes: tuple[Theme, ...] = ()
    subjects: Mapping[str, Subject] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    """Every paragraph's and point's subject by eId, in document order: the
    editors' (see :mod:`build_scripts.subjects`) or, for a document without a
    subjects file, the unit's opening words (``from_text``)."""
    glossary: tuple[GlossaryEntry, ...] = ()
    """The editors' glossary in the file's order; empty without a file."""
