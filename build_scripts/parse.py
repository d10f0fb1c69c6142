"""Parse the normalised source text into a :class:`~.model.Document`.

The source is a sequence of blocks separated by blank lines. Each printed
page ends with a ``---`` line followed by that page's footnote bodies
(``<sup>N</sup> text``). What a block is follows from its first characters
and from where it stands:

``## Heading``              starts a part when it reads "Annex…" (an
                            attachment); otherwise a level-1 heading
``### Heading``             level-2 heading
``**bold only**``           level-3 heading (a symbol line, a section title)
``---``                     page break: footnote bodies may follow
``<sup>N</sup> text``       after a page break: the body of footnote N
lower-case text             the tail of the paragraph a page break cut
                            (after that page's footnote bodies, or right
                            after the paragraph when the page has none);
                            also any plain text after a page break that
                            fell mid-sentence; joined with one space
``12. text``                numbered paragraph 12
``(a) text``                lettered point of the last numbered paragraph
``*Opening words* text``    preambular paragraph, unless it ends with ":";
                            in a part with no numbered paragraph, the last
                            one is the operative paragraph when it ends
                            with "." (printed without a number)
anything else               framing text ("*The Economic and Social
                            Council*", "*Declare* as follows:", the
                            adoption line), kept in place, never numbered

Lines inside a block are printed lines: they are kept as line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import ids
from .diagnostics import Diagnostic, InputError, Location
from .inline import parse_inline, plain_text, starts_lowercase
from .model import Block, BlockKind, Document, Emphasis, FootnoteBody, Inline, Part, Point, Text

# "12. We recognize …": printed paragraph number, a dot, a space.
_NUMBERED = re.compile(r"(?P<num>[0-9]+)\.[ ](?P<rest>.*)", re.DOTALL)
# "(a) We reaffirm …": one lower-case letter in parentheses, a space.
_POINT = re.compile(r"\((?P<letter>[a-z])\)[ ](?P<rest>.*)", re.DOTALL)
# "<sup>6</sup> text" or "<sup>6</sup>*text*": a footnote body (the space is optional).
_FOOTNOTE_BODY = re.compile(r"<sup>(?P<num>[0-9]+)</sup>[ ]?(?P<rest>.*)", re.DOTALL)
# "## Annex" / "### Title": Markdown ATX heading of level 2 or 3.
_HEADING = re.compile(r"(?P<hashes>\#{2,3})[ ]+(?P<rest>.*)", re.DOTALL)
_PAGE_BREAK = "---"
# Blocks that always start something new: "12. ", "(a) ", "## ", "**", "*".
_STRUCTURAL = re.compile(r"[0-9]+\.[ ]|\([a-z]\)[ ]|\#|\*")


@dataclass(frozen=True)
class _RawBlock:
    text: str
    line: int


def split_blocks(text: str) -> list[_RawBlock]:
    blocks: list[_RawBlock] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(_RawBlock("\n".join(current), start))
            current = []
    if current:
        blocks.append(_RawBlock("\n".join(current), start))
    return blocks


@dataclass
class _PartBuilder:
    key: str
    blocks: list[Block] = field(default_factory=list)
    preamble_count: int = 0
    numbers: list[tuple[int, Location]] = field(default_factory=list)
    """Printed paragraph numbers in order, checked once the part is read."""


class _Parser:
    def __init__(self, path: str):
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.parts: list[_PartBuilder] = []
        self.footnotes: list[FootnoteBody] = []
        self.after_page_break = False
        # The block (and point) that a page break may have cut.
        self.cut_candidate: tuple[_PartBuilder, int, int | None] | None = None

    # -- helpers -------------------------------------------------------------

    def loc(self, raw: _RawBlock, col: int = 1) -> Location:
        return Location(self.path, raw.line, col)

    def error(self, where: Location, message: str, hint: str) -> None:
        self.diagnostics.append(Diagnostic(where, message, hint))

    def inline(self, text: str, where: Location) -> tuple[Inline, ...]:
        content, problems = parse_inline(text, where)
        self.diagnostics.extend(problems)
        return content

    @property
    def part(self) -> _PartBuilder:
        if not self.parts:
            self.parts.append(_PartBuilder("main"))
        return self.parts[-1]

    # -- the block loop --------------------------------------------------------

    def run(self, text: str) -> Document:
        blocks = split_blocks(text)
        if not blocks:
            self.error(
                Location(self.path, 1, 1),
                "the source is empty",
                "put the text of the resolution in this file, starting with '## Resolution'",
            )
        for raw in blocks:
            self.block(raw)
        for part in self.parts:
            self.check_numbering(part)
            self.find_unnumbered_operative(part)
        parts = tuple(Part(p.key, tuple(p.blocks)) for p in self.parts)
        return Document(self.path, parts, tuple(self.footnotes))

    def block(self, raw: _RawBlock) -> None:
        if raw.text == _PAGE_BREAK:
            self.after_page_break = True
            return
        if self.after_page_break:
            body = _FOOTNOTE_BODY.fullmatch(raw.text)
            if body:
                self.footnote_body(raw, body)
                return
            self.after_page_break = False
            if self.cut_mid_sentence() and not _STRUCTURAL.match(raw.text):
                # "…Convention on Biological" / "Diversity<sup>10</sup> and …":
                # a cut in the middle of a sentence, before a capital.
                self.continuation(raw, self.inline(raw.text, self.loc(raw)))
                return
        elif (body := _FOOTNOTE_BODY.fullmatch(raw.text)) and self.footnotes:
            # A footnote block after the last page, with no "---" before it,
            # continues the footnotes of the page before.
            self.footnote_body(raw, body)
            return
        self.content_block(raw)

    def cut_mid_sentence(self) -> bool:
        """Whether the paragraph before the page break stops without closing
        punctuation, so that the page break fell inside a sentence."""
        if self.cut_candidate is None:
            return False
        part, index, point_index = self.cut_candidate
        block = part.blocks[index]
        content = block.content if point_index is None else block.points[point_index].content
        return plain_text(content).rstrip()[-1:].isalnum()

    def footnote_body(self, raw: _RawBlock, match: re.Match[str]) -> None:
        number = int(match["num"])
        content = self.inline(match["rest"], self.loc(raw, match.start("rest") + 1))
        self.footnotes.append(FootnoteBody(number, content, self.loc(raw)))

    def continuation(self, raw: _RawBlock, content: tuple[Inline, ...]) -> None:
        if self.cut_candidate is None:
            self.error(
                self.loc(raw),
                "text starting in lower case continues no paragraph",
                "join this text to the paragraph it continues, or start it with a capital",
            )
            return
        part, index, point_index = self.cut_candidate
        block = part.blocks[index]
        joint = (Text(" "),)
        if point_index is None:
            block = replace(
                block,
                content=_merge_text(block.content + joint + content),
                continued_at=block.continued_at + (self.loc(raw),),
            )
        else:
            points = list(block.points)
            point = points[point_index]
            points[point_index] = replace(point, content=_merge_text(point.content + joint + content))
            block = replace(block, points=tuple(points), continued_at=block.continued_at + (self.loc(raw),))
        part.blocks[index] = block

    def content_block(self, raw: _RawBlock) -> None:
        heading = _HEADING.fullmatch(raw.text)
        if heading:
            self.heading(raw, heading)
            return
        numbered = _NUMBERED.fullmatch(raw.text)
        if numbered:
            self.numbered(raw, numbered)
            return
        point = _POINT.fullmatch(raw.text)
        if point:
            self.point(raw, point)
            return
        content = self.inline(raw.text, self.loc(raw))
        if starts_lowercase(content):
            # A page with no footnotes has no "---" line: the tail of a cut
            # paragraph then follows it directly.
            self.continuation(raw, content)
            return
        part = self.part
        if _is_bold_only(content):
            self.append(part, Block(BlockKind.HEADING, content, self.loc(raw), level=3))
        elif _is_preambular(content):
            part.preamble_count += 1
            num = str(part.preamble_count)
            eid = ids.paragraph_eid(part.key, BlockKind.PREAMBLE, num)
            self.append(part, Block(BlockKind.PREAMBLE, content, self.loc(raw), num=num, eid=eid))
        else:
            self.append(part, Block(BlockKind.FRAMING, content, self.loc(raw)))

    def heading(self, raw: _RawBlock, match: re.Match[str]) -> None:
        level = len(match["hashes"]) - 1
        where = self.loc(raw, match.start("rest") + 1)
        content = self.inline(match["rest"], where)
        if level == 1 and plain_text(content).strip().lower().startswith("annex"):
            annexes = sum(1 for p in self.parts if p.key != "main")
            if not self.parts:
                self.parts.append(_PartBuilder("main"))
            self.parts.append(_PartBuilder(f"att_{annexes + 1}"))
        self.append(self.part, Block(BlockKind.HEADING, content, self.loc(raw), level=level))

    def numbered(self, raw: _RawBlock, match: re.Match[str]) -> None:
        part = self.part
        number = int(match["num"])
        part.numbers.append((number, self.loc(raw)))
        num = str(number)
        eid = ids.paragraph_eid(part.key, BlockKind.OPERATIVE, num)
        content = self.inline(match["rest"], self.loc(raw, match.start("rest") + 1))
        self.append(part, Block(BlockKind.OPERATIVE, content, self.loc(raw), num=num, eid=eid))

    def find_unnumbered_operative(self, part: _PartBuilder) -> None:
        """A part with no numbered paragraph may still have one operative
        paragraph, printed without a number ("*Adopts* the … Declaration,
        annexed to the present resolution."): the last paragraph that opens
        with italic words ends with a full stop, where preambular paragraphs
        end with a comma."""
        if part.numbers:
            return
        preambular = [i for i, b in enumerate(part.blocks) if b.kind is BlockKind.PREAMBLE]
        if not preambular:
            return
        index = preambular[-1]
        block = part.blocks[index]
        if not plain_text(block.content).rstrip().endswith("."):
            return
        eid = ids.paragraph_eid(part.key, BlockKind.OPERATIVE, "1")
        part.blocks[index] = replace(block, kind=BlockKind.OPERATIVE, num="1", eid=eid, printed_number=False)

    def check_numbering(self, part: _PartBuilder) -> None:
        """Each number must follow the one before. A number out of line is
        reported once: when the next number follows the one before it (a
        typo, "22" for "23"), that next one is not reported again."""
        previous_reported = False
        for index, (number, where) in enumerate(part.numbers):
            before = part.numbers[index - 1][0] if index else 0
            expected = before + 1
            if number == expected:
                previous_reported = False
                continue
            if previous_reported and index >= 2 and number == part.numbers[index - 2][0] + 2:
                previous_reported = False
                continue
            what = "repeats" if number <= before else "skips"
            self.error(
                where,
                f"paragraph number {number} {what} the sequence: {expected} was expected after {before}",
                f"renumber it {expected}, or restore the missing or duplicated paragraph",
            )
            previous_reported = True

    def point(self, raw: _RawBlock, match: re.Match[str]) -> None:
        part = self.part
        parent_index = _last_numbered(part.blocks)
        letter = match["letter"]
        where = self.loc(raw)
        if parent_index is None:
            self.error(
                where,
                f"point ({letter}) does not follow a numbered paragraph",
                "put lettered points after the numbered paragraph they belong to",
            )
            return
        parent = part.blocks[parent_index]
        expected = chr(ord("a") + len(parent.points))
        if letter != expected:
            self.error(
                where,
                f"point ({letter}) of paragraph {parent.num} is out of sequence: "
                f"({expected}) was expected",
                f"reletter it ({expected}), or restore the missing point",
            )
        content = self.inline(match["rest"], self.loc(raw, match.start("rest") + 1))
        point = Point(letter, ids.point_eid(parent.eid or "", letter), content, where)
        part.blocks[parent_index] = replace(parent, points=parent.points + (point,))
        self.cut_candidate = (part, parent_index, len(parent.points))

    def append(self, part: _PartBuilder, block: Block) -> None:
        part.blocks.append(block)
        self.cut_candidate = (part, len(part.blocks) - 1, None) if block.is_paragraph else None


def _last_numbered(blocks: list[Block]) -> int | None:
    """Points belong to the numbered paragraph right before them: page breaks
    and footnotes add no blocks, so that paragraph is the last block."""
    if blocks and blocks[-1].kind is BlockKind.OPERATIVE:
        return len(blocks) - 1
    return None


def _merge_text(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    merged: list[Inline] = []
    for node in content:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)


def _is_bold_only(content: tuple[Inline, ...]) -> bool:
    meaningful = [n for n in content if not (isinstance(n, Text) and not n.text.strip())]
    return len(meaningful) == 1 and isinstance(meaningful[0], Emphasis) and meaningful[0].strong


def _is_preambular(content: tuple[Inline, ...]) -> bool:
    """Opens with italic words and goes on with roman text: "*Recalling* its
    resolution …". A block that is italic throughout ("*The Economic and
    Social Council*") or that introduces what follows ("… as follows:") is
    framing, not a paragraph."""
    if not content or not isinstance(content[0], Emphasis) or content[0].strong:
        return False
    rest = plain_text(content[1:])
    if not any(ch.isalnum() for ch in rest):
        return False
    return not plain_text(content).rstrip().endswith(":")


def parse_collecting(path: str, text: str) -> tuple[Document, list[Diagnostic]]:
    """Parse as far as possible, returning the problems found beside the
    document, so that later stages can report theirs in the same run."""
    parser = _Parser(path)
    document = parser.run(text)
    return document, parser.diagnostics


def parse(path: str, text: str) -> Document:
    """Parse normalised ``text`` read from ``path``; raise :class:`InputError`
    with every problem found."""
    document, diagnostics = parse_collecting(path, text)
    if diagnostics:
        raise InputError(diagnostics)
    return document
