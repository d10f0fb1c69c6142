"""The document model: frozen dataclasses, one concept each.

The parser builds these from the source text; the resolver adds what can only
be known once the whole document has been read (who cites which footnote).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .diagnostics import Location


# --- inline content ---------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Literal text, exactly as printed (never Markdown or HTML)."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Italic (``*…*``) or bold (``**…**``) text in the source."""

    children: tuple["Inline", ...]
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
class Metadata:
    """What is particular to one document, from its YAML file or defaults."""

    symbol: str
    body: str
    title: str
    site_name: str
    site_url: str
    """The public address, ending in "/": links people copy start with it."""
    description: str
    adoption: str
    parts: tuple[PartMeta, ...]
    citation_main: str
    """Template of a citation of a resolution paragraph."""
    citation_annex: str
    """Template of a citation of an annex paragraph."""
    symbols: tuple[str, ...] = ()
    """Other United Nations symbols the document is known by ("E/RES/2010/18",
    the General Assembly resolution that adopted its draft, "A/RES/65/230"):
    a search for one of them opens the home page."""

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
class GlossaryEntry:
    """A term of the text with the other names readers know it by."""

    term: str
    """The full name, as the text prints it."""
    also: tuple[str, ...]
    """Acronyms and common names ("UNODC", "the Organized Crime Convention")."""
    in_text: tuple[str, ...]
    """The wordings the text uses for the term; each occurs in the text."""
    definition: str
    """The editors' plain-English definition."""
    eids: tuple[str, ...]
    """The paragraphs (and points) that use one of the ``in_text`` wordings."""


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
    glossary: tuple[GlossaryEntry, ...] = ()
