"""Resolve the parsed document into a :class:`~.model.Site`.

Pass 1 registers every id (paragraphs, points, footnote bodies); pass 2
resolves references between paragraphs, footnote marks, "Ibid." chains and
editorial-note targets; pass 3 inverts marks and references into "cited by"
lists and backlinks. Every problem is collected and reported
together.
"""

from __future__ import annotations

from collections import defaultdict

from .diagnostics import Diagnostic, InputError, Location
from .inline import footnote_marks, plain_text
from .model import Block, Citation, Document, EditorialNote, Footnote, FootnoteBody, Metadata, Site
from .parallels import find_parallels
from .references import find_references
from .subjects import fallback_subjects


def paragraph_ids(document: Document) -> dict[str, Block]:
    """Every paragraph eId → its block (points map to their paragraph)."""
    registry: dict[str, Block] = {}
    for part in document.parts:
        for block in part.paragraphs:
            assert block.eid is not None
            registry[block.eid] = block
            for point in block.points:
                registry[point.eid] = block
    return registry


def _citations(document: Document) -> list[tuple[int, Citation]]:
    found: list[tuple[int, Citation]] = []
    for part in document.parts:
        for index, block in enumerate(part.blocks):
            # A mark outside a paragraph (in a heading or framing line) is
            # cited by the part's reading view; give it a stable pseudo-id.
            owner = block.eid or f"{part.key}__block_{index + 1}"
            for mark in footnote_marks(block.content):
                found.append((mark.number, Citation(owner, mark.location)))
            for point in block.points:
                for mark in footnote_marks(point.content):
                    found.append((mark.number, Citation(point.eid, mark.location)))
    return found


def is_ibid(body: FootnoteBody) -> bool:
    return plain_text(body.content).lstrip().lower().startswith("ibid")


def resolve(
    document: Document, metadata: Metadata, notes: tuple[EditorialNote, ...], source_text: str = ""
) -> Site:
    diagnostics: list[Diagnostic] = []

    def error(where: Location, message: str, hint: str) -> None:
        diagnostics.append(Diagnostic(where, message, hint))

    # Pass 1: register.
    paragraphs = paragraph_ids(document)
    bodies: dict[int, FootnoteBody] = {}
    for given in document.footnotes:
        if given.number in bodies:
            first = bodies[given.number].location
            error(given.location, f"footnote {given.number} has a second body (the first is at line {first.line})",
                  "delete one of the two, or renumber this one as printed")
            continue
        bodies[given.number] = given

    # Pass 2: resolve references, marks, notes and Ibid. chains.
    document, backlinks, problems = find_references(document, metadata, source_text)
    diagnostics.extend(problems)

    cited_by: dict[int, list[Citation]] = defaultdict(list)
    for number, citation in _citations(document):
        cited_by[number].append(citation)

    acknowledged_missing = {
        n.target_footnote: n for n in notes
        if n.acknowledges == "footnote-without-body" and n.target_footnote is not None
    }
    for note in notes:
        if note.target_eid is not None and note.target_eid not in paragraphs:
            error(note.location, f"the note is about paragraph '{note.target_eid}', which does not exist",
                  "use an eId from ids.json, such as 'att_1__para_6' or 'preamble__p_3'")
        footnote = note.target_footnote
        if footnote is not None and footnote not in bodies and footnote not in cited_by:
            error(note.location, f"the note is about footnote {note.target_footnote}, which the source does not have",
                  "use the printed number of a footnote that the text cites")
        if note.ibid_of is not None and (note.ibid_of not in bodies or note.ibid_of >= (note.target_footnote or 0)):
            error(note.location, f"'ibid_of: {note.ibid_of}' does not name an earlier footnote with a body",
                  "name the earlier footnote whose citation this 'Ibid.' continues")

    for number, citations in sorted(cited_by.items()):
        if number not in bodies and number not in acknowledged_missing:
            error(citations[0].location, f"footnote mark {number} has no footnote body",
                  f"add '<sup>{number}</sup> text' after the page's '---' line, or, if the printed "
                  f"document really lacks it, add a note with 'footnote: {number}' and "
                  "'acknowledges: footnote-without-body' to the notes file")
    for number, note in acknowledged_missing.items():
        if number in bodies:
            error(note.location, f"the note says footnote {number} has no body, but the source has one "
                  f"at line {bodies[number].location.line}",
                  "delete the note, or its 'acknowledges' line")
    for number, printed in sorted(bodies.items()):
        if number not in cited_by:
            error(printed.location, f"footnote {number} has a body but no mark cites it",
                  f"add '<sup>{number}</sup>' where the text cites it, or delete this body")

    ibid_override = {n.target_footnote: n.ibid_of for n in notes if n.ibid_of is not None}
    footnotes: list[Footnote] = []
    previous_with_body: int | None = None
    for number in sorted(set(bodies) | set(cited_by)):
        body = bodies.get(number)
        ibid_of = None
        if body is not None and is_ibid(body):
            # Plain rule: "Ibid." continues the footnote printed just before.
            ibid_of = ibid_override.get(number, previous_with_body)
            if ibid_of is None:
                error(body.location, f"footnote {number} says 'Ibid.' but no footnote precedes it",
                      f"add a note with 'footnote: {number}' and 'ibid_of: N' naming the footnote it continues")
        footnotes.append(Footnote(number, body, tuple(cited_by.get(number, ())), ibid_of))
        if body is not None:
            previous_with_body = number

    if diagnostics:
        raise InputError(diagnostics)
    # Pass 3: parallels are computed on the final text.
    # Every unit has a subject from the start (its opening words); the
    # pipeline puts the editors' in their place when the document has them.
    return Site(document, metadata, tuple(footnotes), notes, tuple(backlinks), tuple(find_parallels(document)),
                subjects=fallback_subjects(document))
