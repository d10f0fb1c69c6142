"""Footnote resolution, anomalies and editorial notes: small cases, then the
facts of the seed that DESIGN.md §3 lists."""

from pathlib import Path
from textwrap import dedent

import pytest

from build_scripts.diagnostics import InputError
from build_scripts.inline import plain_text
from build_scripts.pipeline import SourceFiles, build, load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "ecosoc-resolution-2010-18.md"


def files(source: str, notes: str | None = None) -> SourceFiles:
    return SourceFiles("t.md", dedent(source).lstrip("\n"), "t.yml", None, "t.notes.yml",
                       dedent(notes).lstrip("\n") if notes else None)


def errors(source: str, notes: str | None = None) -> list[str]:
    with pytest.raises(InputError) as caught:
        build(files(source, notes))
    return [d.format() for d in caught.value.diagnostics]


BASE = """
## Resolution

1. We note it.<sup>1</sup>

2. We note it again.<sup>1</sup><sup>2</sup>

---

<sup>1</sup> A/CONF.213/18.

<sup>2</sup> Ibid., chap. I.
"""


def test_one_footnote_cited_twice_and_ibid_chain() -> None:
    site = build(files(BASE))
    first, second = site.footnotes
    assert [c.eid for c in first.cited_by] == ["para_1", "para_2"]
    assert second.ibid_of == 1


def test_mark_without_body_is_an_error_unless_a_note_acknowledges_it() -> None:
    source = BASE.replace("again.<sup>1</sup>", "again.<sup>1</sup><sup>63</sup>")
    assert errors(source) == [
        "t.md:5:33: error: footnote mark 63 has no footnote body — add '<sup>63</sup> text' after the "
        "page's '---' line, or, if the printed document really lacks it, add a note with 'footnote: 63' "
        "and 'acknowledges: footnote-without-body' to the notes file"
    ]
    notes = """
    notes:
      - footnote: 63
        acknowledges: footnote-without-body
        text: Not in the source.
    """
    site = build(files(source, notes))
    missing = next(f for f in site.footnotes if f.number == 63)
    assert missing.body is None and [c.eid for c in missing.cited_by] == ["para_2"]


def test_body_twice_and_body_uncited() -> None:
    source = BASE + "\n<sup>2</sup> Again.\n\n<sup>3</sup> Nobody cites me.\n"
    assert errors(source) == [
        "t.md:13:1: error: footnote 2 has a second body (the first is at line 11) — delete one of "
        "the two, or renumber this one as printed",
        "t.md:15:1: error: footnote 3 has a body but no mark cites it — add '<sup>3</sup>' where the "
        "text cites it, or delete this body",
    ]


def test_notes_pointing_nowhere_and_stale_acknowledgement() -> None:
    notes = """
    notes:
      - paragraph: att_1__para_99
        text: About nothing.
      - footnote: 1
        acknowledges: footnote-without-body
        text: But footnote 1 has a body.
    """
    assert errors(BASE, notes) == [
        "t.notes.yml:2:5: error: the note is about paragraph 'att_1__para_99', which does not exist — "
        "use an eId from ids.json, such as 'att_1__para_6' or 'preamble__p_3'",
        "t.notes.yml:4:5: error: the note says footnote 1 has no body, but the source has one at line 9 — "
        "delete the note, or its 'acknowledges' line",
    ]


def test_malformed_yaml_is_a_located_error() -> None:
    notes = "notes:\n  - footnote: 1\n   text: [unclosed\n"
    (message,) = errors(BASE, notes)
    assert message.startswith("t.notes.yml:3:")
    assert "error: malformed YAML" in message


def test_ibid_override_from_a_note() -> None:
    source = BASE.replace("<sup>2</sup> Ibid., chap. I.", "<sup>2</sup> Ibid., chap. I.\n\n<sup>3</sup> Ibid.")
    source = source.replace("again.<sup>1</sup><sup>2</sup>", "again.<sup>1</sup><sup>2</sup><sup>3</sup>")
    plain = build(files(source))
    assert [f.ibid_of for f in plain.footnotes] == [None, 1, 2]
    notes = "notes:\n  - footnote: 3\n    ibid_of: 1\n    text: Continues footnote 1.\n"
    corrected = build(files(source, notes))
    assert [f.ibid_of for f in corrected.footnotes] == [None, 1, 1]


# --- the seed ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    return build(load(SEED))


def test_seed_paragraph_counts(seed) -> None:
    main, annex = seed.document.parts
    count = lambda part, kind: sum(1 for b in part.paragraphs if b.kind.value == kind)  # noqa: E731
    assert (count(main, "preamble"), count(main, "operative")) == (7, 18)
    assert (count(annex, "preamble"), count(annex, "operative")) == (8, 55)


def test_seed_footnotes(seed) -> None:
    by_number = {f.number: f for f in seed.footnotes}
    assert sorted(by_number) == list(range(1, 18)) + [63]
    assert [c.eid for c in by_number[6].cited_by] == ["para_10", "att_1__para_49"]
    assert [c.eid for c in by_number[2].cited_by] == ["preamble__p_7", "para_3"]
    assert [c.eid for c in by_number[63].cited_by] == ["att_1__para_6"]
    assert by_number[63].body is None
    assert [c.eid for c in by_number[15].cited_by] == [c.eid for c in by_number[16].cited_by] == ["att_1__para_26"]
    # Footnote 7's "Ibid." follows footnote 6 but continues 5, as the note says.
    assert by_number[7].ibid_of == 5 and by_number[5].ibid_of == 4 and by_number[3].ibid_of == 2
    assert plain_text(by_number[6].body.content).startswith("Human Rights: A Compilation")


@pytest.mark.parametrize(
    ("eid", "joint"),
    [
        ("para_9", "strengthen existing and to propose new"),
        ("para_15", "so as to ensure that the recommendations"),
        ("att_1__para_4", "if necessary, updating and supplementing"),
        ("att_1__para_15", "economic fraud and identity-related crime"),
        ("att_1__para_35", "such plans to be based on the best"),
        ("att_1__para_41", "training to States to improve national"),
    ],
)
def test_seed_paragraphs_cut_by_page_breaks_are_whole(seed, eid: str, joint: str) -> None:
    block = next(b for p in seed.document.parts for b in p.paragraphs if b.eid == eid)
    assert joint in plain_text(block.content)


def test_seed_quotation_marks_and_adoption_line_are_kept(seed) -> None:
    main, annex = seed.document.parts
    texts = [plain_text(b.content) for b in main.blocks]
    assert "“The General Assembly," in texts
    last_paragraph = annex.paragraphs[-1]
    assert plain_text(last_paragraph.content).endswith("Twelfth Congress.”")
    assert plain_text(annex.blocks[-1].content) == "45th plenary meeting 22 July 2010"
