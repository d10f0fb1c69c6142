"""Small parser cases, each a few lines of source in the seed's format."""

import re
from pathlib import Path
from textwrap import dedent

import pytest

from build_scripts.diagnostics import InputError
from build_scripts.inline import plain_text
from build_scripts.model import BlockKind
from build_scripts.parse import parse


def doc(text: str):
    return parse("t.md", dedent(text).lstrip("\n"))


def errors(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        doc(text)
    return [d.format() for d in caught.value.diagnostics]


def test_parts_framing_preamble_and_operative() -> None:
    document = doc(
        """
        ## Resolution

        **2010/18**

        ### **Title**

        *The Council*

        *Recalling* its resolution 1,

        *Recommends* the following draft resolution:

        1. *Requests* the Secretary-General to act;

        ## **Annex**

        *Declare* as follows:

        1. We recognize it.
        """
    )
    main, annex = document.parts
    assert main.key == "main" and annex.key == "att_1"
    kinds = [(b.kind, b.num, b.eid) for b in main.blocks]
    assert kinds == [
        (BlockKind.HEADING, None, None),
        (BlockKind.HEADING, None, None),
        (BlockKind.HEADING, None, None),
        (BlockKind.FRAMING, None, None),
        (BlockKind.PREAMBLE, "1", "preamble__p_1"),
        (BlockKind.FRAMING, None, None),
        (BlockKind.OPERATIVE, "1", "para_1"),
    ]
    assert [(b.kind, b.eid) for b in annex.blocks][1:] == [
        (BlockKind.FRAMING, None),
        (BlockKind.OPERATIVE, "att_1__para_1"),
    ]


def test_paragraph_cut_by_a_page_break_is_joined() -> None:
    document = doc(
        """
        1. *Requests* options to strengthen existing

        ---

        <sup>4</sup> United Nations, *Treaty Series*, vol. 2225.

        <sup>5</sup>*Ibid.*, vol. 2349.

        and to propose new responses;<sup>4</sup><sup>5</sup>

        2. Next.
        """
    )
    first, second = document.parts[0].paragraphs
    assert plain_text(first.content) == "Requests options to strengthen existing and to propose new responses;"
    assert first.continued_at[0].line == 9
    assert second.num == "2"
    # A body may start right after the mark, with no space.
    assert [(f.number, plain_text(f.content)) for f in document.footnotes] == [
        (4, "United Nations, Treaty Series, vol. 2225."),
        (5, "Ibid., vol. 2349."),
    ]


def test_tail_after_a_page_with_no_footnotes_is_joined() -> None:
    document = doc(
        """
        1. We invite the Commission to consider reviewing and, if necessary,

        updating and supplementing them.
        """
    )
    (paragraph,) = document.parts[0].paragraphs
    assert plain_text(paragraph.content).endswith("if necessary, updating and supplementing them.")


def test_page_break_mid_sentence_before_a_capital_is_joined() -> None:
    document = doc(
        """
        1. We welcome the Convention on Biological

        ---

        <sup>9</sup> Resolution 71/256, annex.

        Diversity<sup>9</sup> and the Framework.

        2. Next.
        """
    )
    first = document.parts[0].paragraphs[0]
    assert plain_text(first.content) == "We welcome the Convention on Biological Diversity and the Framework."


def test_lettered_points_belong_to_their_paragraph_across_page_breaks() -> None:
    document = doc(
        """
        1. We commit ourselves to the following areas:

        (a) Structural transformation;

        ---

        <sup>1</sup> Note.

        (b) Trade<sup>1</sup> and integration;

        2. Next.
        """
    )
    paragraph = document.parts[0].paragraphs[0]
    assert [(p.letter, p.eid) for p in paragraph.points] == [
        ("a", "para_1__list_1__point_a"),
        ("b", "para_1__list_1__point_b"),
    ]


def test_unbalanced_emphasis_and_bad_numbering_reported_together() -> None:
    assert errors(
        """
        1. *Requests the Secretary-General;

        3. Skipped a number.

        4. Goes on.
        """
    ) == [
        "t.md:1:4: error: '*' opens italic text that is never closed in this block — "
        "add the closing '*' where the italic text ends, or remove this one",
        "t.md:3:1: error: paragraph number 3 skips the sequence: 2 was expected after 1 — "
        "renumber it 2, or restore the missing or duplicated paragraph",
    ]


@pytest.mark.parametrize(
    ("numbers", "reported"),
    [
        ([1, 2, 2, 4], ["paragraph number 2 repeats the sequence: 3 was expected after 2"]),  # a typo
        ([1, 2, 2, 3], ["paragraph number 2 repeats the sequence: 3 was expected after 2"]),  # a duplicate
        ([1, 2, 4, 5], ["paragraph number 4 skips the sequence: 3 was expected after 2"]),  # one missing
        ([2, 3], ["paragraph number 2 skips the sequence: 1 was expected after 0"]),
        ([1, 5, 9], ["paragraph number 5 skips the sequence: 2 was expected after 1",
                     "paragraph number 9 skips the sequence: 6 was expected after 5"]),
        ([1, 9, 3], ["paragraph number 9 skips the sequence: 2 was expected after 1"]),  # a typo
        ([1, 9, 3, 9], ["paragraph number 9 skips the sequence: 2 was expected after 1",
                        "paragraph number 9 skips the sequence: 4 was expected after 3"]),
    ],
)
def test_numbering_errors_are_reported_once(numbers: list[int], reported: list[str]) -> None:
    source = "\n\n".join(f"{n}. Text." for n in numbers)
    found = [e.split(": error: ")[1].split(" — ")[0] for e in errors(source)]
    assert found == reported


def test_empty_source() -> None:
    assert errors("\n") == [
        "t.md:1:1: error: the source is empty — put the text of the resolution in this file, "
        "starting with '## Resolution'"
    ]


def test_lower_case_text_with_no_paragraph_before_it() -> None:
    assert errors("and nothing before.\n") == [
        "t.md:1:1: error: text starting in lower case continues no paragraph — join this text "
        "to the paragraph it continues, or start it with a capital"
    ]


# --- shapes the seed lacks (the corpus has them) ----------------------------


def test_lettered_points_with_a_page_break_inside_one() -> None:
    document = doc(
        """
        ## Resolution

        1. *Decides*:

        (a) To act;

        (b) To act again on the

        ---

        <sup>1</sup> A note.

        matters before it;<sup>1</sup>

        2. *Requests* more.
        """
    )
    first, second = document.parts[0].paragraphs
    assert plain_text(first.content) == "Decides:"
    assert [(p.letter, p.eid, plain_text(p.content), p.location.line) for p in first.points] == [
        ("a", "para_1__list_1__point_a", "To act;", 5),
        ("b", "para_1__list_1__point_b", "To act again on the matters before it;", 7),
    ]
    assert [c.line for c in first.continued_at] == [13]
    assert (second.num, second.points) == ("2", ())


def test_the_tail_of_a_cut_paragraph_joins_the_paragraph_not_its_last_point() -> None:
    document = doc(
        """
        1. *Decides* to act on the

        ---

        <sup>1</sup> A note.

        matters before it.<sup>1</sup>
        """
    )
    (first,) = document.parts[0].paragraphs
    assert plain_text(first.content) == "Decides to act on the matters before it."
    assert [c.line for c in first.continued_at] == [7]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("(a) To act.", "t.md:1:1: error: point (a) does not follow a numbered paragraph — "
                        "put lettered points after the numbered paragraph they belong to"),
        ("1. *Decides*:\n\n(a) To act;\n\n(c) To act again.",
         "t.md:5:1: error: point (c) of paragraph 1 is out of sequence: (b) was expected — "
         "reletter it (b), or restore the missing point"),
        ("1. *Decides*:\n\n(b) To act.",
         "t.md:3:1: error: point (b) of paragraph 1 is out of sequence: (a) was expected — "
         "reletter it (a), or restore the missing point"),
    ],
)
def test_points_out_of_place(text: str, message: str) -> None:
    assert errors(text) == [message]


def test_one_unnumbered_operative_paragraph() -> None:
    document = doc(
        """
        ## Resolution

        *The General Assembly*

        *Recalling* its resolution 1,

        *Adopts* the declaration annexed to the present resolution.

        *48th plenary meeting*
        """
    )
    blocks = document.parts[0].blocks
    assert [(b.kind, b.num, b.eid, b.printed_number) for b in blocks] == [
        (BlockKind.HEADING, None, None, True),
        (BlockKind.FRAMING, None, None, True),
        (BlockKind.PREAMBLE, "1", "preamble__p_1", True),
        (BlockKind.OPERATIVE, "1", "para_1", False),
        (BlockKind.FRAMING, None, None, True),
    ]


@pytest.mark.parametrize(
    "last",
    [
        "*Recalling also* its resolution 2,",  # a comma: still the preamble
        "*Recalling also* its resolution 2.\n\n1. *Adopts* it.",  # a numbered paragraph exists
    ],
)
def test_no_unnumbered_operative_paragraph(last: str) -> None:
    document = doc("*Recalling* its resolution 1,\n\n" + last)
    kinds = [(b.kind, b.printed_number) for b in document.parts[0].paragraphs]
    assert kinds[:2] == [(BlockKind.PREAMBLE, True), (BlockKind.PREAMBLE, True)]


def test_a_part_with_no_paragraph_stays_as_it_is() -> None:
    document = doc("## Resolution\n\n*The General Assembly*\n\n## Annex\n\n1. We act.")
    assert [b.kind for b in document.parts[0].blocks] == [BlockKind.HEADING, BlockKind.FRAMING]


def test_headings_levels_and_several_annexes() -> None:
    document = doc(
        """
        ## Resolution

        ### **The title**

        **80/9**

        1. We act.

        ## Annex I

        1. We act.

        **I. A section**

        2. We act again.

        ## **Annex II**

        1. We act.
        """
    )
    assert [p.key for p in document.parts] == ["main", "att_1", "att_2"]
    headings = [(b.level, plain_text(b.content)) for p in document.parts for b in p.blocks
                if b.kind is BlockKind.HEADING]
    assert headings == [(1, "Resolution"), (2, "The title"), (3, "80/9"), (1, "Annex I"), (3, "I. A section"),
                        (1, "Annex II")]
    assert [b.eid for b in document.parts[2].paragraphs] == ["att_2__para_1"]


def test_an_annex_without_a_resolution_heading_still_has_a_main_part() -> None:
    document = doc("1. We act.\n\n## Annex\n\n1. We act too.")
    assert [(p.key, [b.eid for b in p.paragraphs]) for p in document.parts] == [
        ("main", ["para_1"]), ("att_1", ["att_1__para_1"])]


CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.md"))


@pytest.mark.parametrize("source", CORPUS, ids=[c.stem[:9] for c in CORPUS])
def test_corpus_documents_parse_whole(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    document = parse(source.name, text)
    numbered = [(part.key, b.num) for part in document.parts for b in part.paragraphs
                if b.kind is BlockKind.OPERATIVE and b.printed_number]
    # Every "N. " that opens a block in the source is a numbered paragraph, in order.
    opened, key = [], "main"
    for block in re.split(r"\n\s*\n", text):
        if re.match(r"## .*Annex", block):
            key = "att_1"
        elif match := re.match(r"(\d+)\. ", block):
            opened.append((key, match[1]))
    assert numbered == opened
    points = [p.letter for part in document.parts for b in part.paragraphs for p in b.points]
    assert points == re.findall(r"^\(([a-z])\) ", text, flags=re.MULTILINE)
    assert [f.number for f in document.footnotes] == [
        int(n) for n in re.findall(r"^<sup>(\d+)</sup>", text, flags=re.MULTILINE)]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("## *Annex", "t.md:1:4"),  # in a heading, after "## "
        ("1. We act.<sup>1</sup>\n\n---\n\n<sup>1</sup> *Ibid", "t.md:5:14"),  # in a footnote body
        ("1. *Decides*:\n\n(a) To *act", "t.md:3:8"),  # in a point, after "(a) "
    ],
)
def test_errors_inside_a_block_point_at_their_column(text: str, where: str) -> None:
    assert [e.split(": error: ")[0] for e in errors(text)] == [where]


def test_blocks_know_where_they_start() -> None:
    document = doc("## Resolution\n\n*The Council*\n\n*Recalling* it,\n\n**Bold**\n\n1. We act.")
    assert document.path == "t.md"
    assert [(b.kind, b.location.line) for b in document.parts[0].blocks] == [
        (BlockKind.HEADING, 1), (BlockKind.FRAMING, 3), (BlockKind.PREAMBLE, 5), (BlockKind.HEADING, 7),
        (BlockKind.OPERATIVE, 9)]


def test_an_annex_heading_first_still_opens_an_empty_main_part() -> None:
    document = doc("## Annex\n\n1. We act.")
    assert [(p.key, len(p.blocks)) for p in document.parts] == [("main", 0), ("att_1", 2)]


def test_a_block_on_two_printed_lines_keeps_its_line_break() -> None:
    (block,) = doc("## Resolution\n\n*45th plenary meeting\n22 July 2010*").parts[0].blocks[1:]
    assert plain_text(block.content) == "45th plenary meeting 22 July 2010"
    assert block.location.line == 3


def test_a_footnote_body_after_the_last_page_with_no_rule_before_it() -> None:
    document = doc("1. A.<sup>1</sup>\n\n---\n\n<sup>1</sup> One.\n\n2. B.<sup>2</sup>\n\n<sup>2</sup> Two.")
    assert [(f.number, plain_text(f.content), f.location.line) for f in document.footnotes] == [
        (1, "One.", 5), (2, "Two.", 9)]
    assert [plain_text(b.content) for b in document.parts[0].paragraphs] == ["A.", "B."]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # "…Convention on Biological" / "Diversity<sup>1</sup> …": cut before a capital.
        ("1. We note the Convention on Biological\n\n---\n\n<sup>1</sup> One.\n\nDiversity<sup>1</sup> and more.",
         ["We note the Convention on Biological Diversity and more."]),
        ("1. *Decides*:\n\n(a) To ratify the Convention on Biological\n\n---\n\n<sup>1</sup> One.\n\n"
         "Diversity;<sup>1</sup>", ["To ratify the Convention on Biological Diversity;"]),
    ],
)
def test_a_page_break_inside_a_sentence_before_a_capital(text: str, joined: list[str]) -> None:
    (paragraph,) = doc(text).parts[0].paragraphs
    texts = [plain_text(p.content) for p in paragraph.points] or [plain_text(paragraph.content)]
    assert texts == joined


def test_a_page_break_after_a_full_stop_starts_a_new_block() -> None:
    document = doc("*Recalling* it.<sup>1</sup>\n\n---\n\n<sup>1</sup> One.\n\n*Noting* that,\n\n1. We act.")
    assert [(b.kind, plain_text(b.content)) for b in document.parts[0].paragraphs] == [
        (BlockKind.PREAMBLE, "Recalling it."), (BlockKind.PREAMBLE, "Noting that,"),
        (BlockKind.OPERATIVE, "We act.")]
