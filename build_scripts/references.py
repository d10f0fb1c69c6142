"""Find references between the paragraphs of one document, in its words.

Grammar (case-insensitive; NAME is an annex's name from the metadata, such
as "Salvador Declaration"; NUMS is "9", "9 and 10" or "9, 10 and 11")::

    paragraph(s) NUMS of the NAME          → those paragraphs of that annex
    paragraph(s) NUMS above | below        → paragraphs of the same part
    paragraph(s) NUMS of the present resolution
                                           → paragraphs of the resolution
    the NAME                               → that annex as a whole
    annexed to the present resolution      → the (first) annex as a whole
    the annex to the present resolution    → the (first) annex as a whole

Anything else is not a reference into this document and stays plain text:
"paragraph 9 of General Assembly resolution 55/25", "paragraph 4 of
Assembly resolution 58/4", "article 30 of the United Nations Convention
against Transnational Organized Crime". A bare "paragraph 5" with no "of"
and no "above"/"below" is left alone too: it cannot be told apart safely.

A reference is looked for inside one run of plain text (not across
italics or footnote marks). Its relation is the phrase right before it
("in line with", "pursuant to", "in accordance with") or, failing that, the
citing paragraph's opening italic words ("*Endorses*" → "endorses").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .diagnostics import Diagnostic, Location
from .inline import plain_text
from .model import Backlink, Block, Document, Emphasis, Inline, Metadata, Part, Reference, Text

_RELATION_PHRASES = ("in line with", "pursuant to", "in accordance with", "as called for in", "under")
_CLAUSE_WORDS = 12
_NUMS = r"\d+(?:\s*,\s*\d+)*(?:\s*,?\s+and\s+\d+)?"


def reference_pattern(annex_names: list[str]) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(annex_names, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(
        rf"""
          \b(?P<word>paragraphs?)\s+(?P<nums>{_NUMS})
            (?P<tail>
                \s+(?P<direction>above|below)\b
              | \s+of\s+the\s+(?P<present>present\s+resolution)\b
              | \s+of\s+the\s+(?P<annex>{names})\b
            )?
        | (?P<annexed>annexed\s+to\s+the\s+present\s+resolution
                     |the\s+annex\s+to\s+the\s+present\s+resolution)\b
        | \bthe\s+(?P<whole>{names})\b
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    text: str
    target: str
    whole_part: bool


def _targets(match: re.Match[str], part: Part, name_to_part: dict[str, str]) -> list[_Found]:
    """What one match refers to; an empty list when it is not internal."""
    if match["annexed"]:
        annexes = [k for k in name_to_part.values() if k != "main"]
        first = annexes[0] if annexes else None
        return [_Found(match.start(), match.end(), match.group(0), first, True)] if first else []
    if match["whole"]:
        target = name_to_part[match["whole"].lower()]
        start = match.start("whole")
        return [_Found(start, match.end(), match["whole"], target, True)]
    if not match["tail"]:
        return []  # "paragraph 9 of General Assembly resolution 55/25", or bare
    if match["direction"]:
        target_part = part.key
    elif match["present"]:
        target_part = "main"
    else:
        target_part = name_to_part[match["annex"].lower()]
    numbers = [(m.start() + match.start("nums"), m.group(0)) for m in re.finditer(r"\d+", match["nums"])]
    prefix = "" if target_part == "main" else f"{target_part}__"
    if len(numbers) == 1:
        # One paragraph: the whole phrase is the link.
        return [_Found(match.start(), match.end(), match.group(0), f"{prefix}para_{numbers[0][1]}", False)]
    return [_Found(at, at + len(n), n, f"{prefix}para_{n}", False) for at, n in numbers]


def _relation(before: str, block: Block) -> str:
    tail = " ".join(before.split()).lower().rstrip(", ")
    for phrase in _RELATION_PHRASES:
        if tail.endswith(phrase):
            return phrase
    if block.content and isinstance(block.content[0], Emphasis):
        return plain_text(block.content[0].children).strip().lower()
    return "refers to"


def _clause(paragraph_text: str, start: int, end: int) -> str:
    """About a dozen words either side of the reference, within its sentence
    or clause (cut at ";", ".", ":")."""
    before = re.split(r"[;:]\s|\.\s", paragraph_text[:start])[-1]
    after = re.split(r"[;:]\s|\.\s|[;:.]$", paragraph_text[end:])[0]
    words_before, words_after = before.split(), after.split()
    left = " ".join(words_before[-_CLAUSE_WORDS:])
    right = " ".join(words_after[:_CLAUSE_WORDS])
    quoted = f"{left} {paragraph_text[start:end]}{(' ' if right and right[0] not in ',;.' else '')}{right}".strip()
    if len(words_before) > _CLAUSE_WORDS:
        quoted = "…" + quoted
    if len(words_after) > _CLAUSE_WORDS:
        quoted = quoted + "…"
    return quoted


def _locate(source_lines: list[str], block: Block, text: str, fallback: Location) -> Location:
    lines = [block.location.line] + [loc.line for loc in block.continued_at]
    for line in lines:
        if 0 < line <= len(source_lines):
            column = source_lines[line - 1].find(text)
            if column >= 0:
                return Location(fallback.path, line, column + 1)
    return fallback


def find_references(
    document: Document, metadata: Metadata, source_text: str
) -> tuple[Document, list[Backlink], list[Diagnostic]]:
    """Return the document with references marked in its paragraphs, the
    backlinks they make, and a diagnostic for each reference to a paragraph
    that does not exist."""
    name_to_part = {p.name.lower(): p.key for p in metadata.parts if p.key != "main"}
    pattern = reference_pattern([p.name for p in metadata.parts if p.key != "main"])
    existing = {b.eid for part in document.parts for b in part.paragraphs}
    source_lines = source_text.split("\n")
    backlinks: list[Backlink] = []
    diagnostics: list[Diagnostic] = []
    parts = []
    for part in document.parts:
        blocks = []
        for block in part.blocks:
            if not block.is_paragraph:
                blocks.append(block)
                continue
            paragraph_text = plain_text(block.content)
            offset = 0
            content: list[Inline] = []
            for node in block.content:
                if not isinstance(node, Text):
                    content.append(node)
                    offset += len(plain_text((node,)))
                    continue
                position = 0
                for match in pattern.finditer(node.text):
                    for found in _targets(match, part, name_to_part):
                        if found.start < position:
                            continue
                        where = _locate(source_lines, block, match.group(0), block.location)
                        if not found.whole_part and found.target not in existing:
                            diagnostics.append(
                                Diagnostic(where, f"'{match.group(0)}' refers to a paragraph that does not exist",
                                           "correct the paragraph number, or check the document's numbering")
                            )
                            continue
                        if found.start > position:
                            content.append(Text(node.text[position : found.start]))
                        absolute = offset + found.start
                        # The relation phrase stands before the whole match:
                        # "pursuant to | paragraphs 9 and 10 above".
                        relation = _relation(paragraph_text[: offset + match.start()], block)
                        content.append(Reference(found.text, found.target, found.whole_part, relation, where))
                        clause_start = offset + match.start() if not found.whole_part else absolute
                        clause_end = offset + match.end()
                        backlinks.append(
                            Backlink(block.eid or "", found.target, relation,
                                     _clause(paragraph_text, clause_start, clause_end))
                        )
                        position = found.end
                if position < len(node.text):
                    content.append(Text(node.text[position:]))
                offset += len(node.text)
            blocks.append(replace(block, content=tuple(content)))
        parts.append(replace(part, blocks=tuple(blocks)))
    return replace(document, parts=tuple(parts)), _unique(backlinks), diagnostics


def _unique(backlinks: list[Backlink]) -> list[Backlink]:
    """One backlink per citing paragraph and target: the first, which names
    the target most directly."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for link in backlinks:
        if (link.source_eid, link.target) not in seen:
            seen.add((link.source_eid, link.target))
            kept.append(link)
    return kept
