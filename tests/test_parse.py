"""Small parser cases, each a few lines of source in the seed's format."""

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
