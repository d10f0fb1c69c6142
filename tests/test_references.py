"""The reference grammar (table tests, traps included), backlinks,
parallels, and how they show on the built site."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest
from bs4 import BeautifulSoup, Tag

from build_scripts.diagnostics import InputError
from build_scripts.inline import plain_text
from build_scripts.model import Reference
from build_scripts.parallels import THRESHOLD, similarity, word_diff
from build_scripts.pipeline import SourceFiles, build
from conftest import BuiltSite, one

META = 'parts:\n  att_1:\n    name: Salvador Declaration\n'


def site_for(paragraph: str):
    source = dedent(
        f"""
        ## Resolution

        1. First.

        2. Second.

        3. {paragraph}

        ## **Annex**

        1. We act.

        2. We act again.
        """
    ).lstrip("\n")
    return build(SourceFiles("t.md", source, "t.yml", META, "t.notes.yml", None))


def references(paragraph: str) -> list[tuple[str, str, str]]:
    site = site_for(paragraph)
    block = site.document.part("main").paragraphs[2]
    return [(n.text, n.target, n.relation) for n in block.content if isinstance(n, Reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*Requests*, in line with paragraph 2 of the Salvador Declaration, a group;",
         [("paragraph 2 of the Salvador Declaration", "att_1__para_2", "in line with")]),
        ("*Requests* the groups established pursuant to paragraphs 1 and 2 above to report;",
         [("1", "para_1", "pursuant to"), ("2", "para_2", "pursuant to")]),
        ("*Recalls* paragraphs 1, 2 and 2 of the present resolution;",
         [("1", "para_1", "recalls"), ("2", "para_2", "recalls"), ("2", "para_2", "recalls")]),
        ("*Endorses* the Salvador Declaration, annexed to the present resolution;",
         [("Salvador Declaration", "att_1", "endorses"),
          ("annexed to the present resolution", "att_1", "endorses")]),
        ("*Adopts* the declaration contained in the annex to the present resolution;",
         [("the annex to the present resolution", "att_1", "adopts")]),
        # Traps: references into other documents are not internal.
        ("*Welcomes* it, pursuant to article 30 of the United Nations Convention against "
         "Transnational Organized Crime, as well as paragraph 9 of General Assembly resolution "
         "55/25 and paragraph 4 of Assembly resolution 58/4;", []),
        ("*Notes* paragraph 2, which is bare and ambiguous;", []),
        ("*Notes* the Salvador Declarations of others;", []),
    ],
)
def test_reference_grammar(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert references(text) == expected


def test_text_around_references_is_kept_whole() -> None:
    site = site_for("*Requests*, in line with paragraph 2 of the Salvador Declaration, a group;")
    block = site.document.part("main").paragraphs[2]
    assert plain_text(block.content) == "Requests, in line with paragraph 2 of the Salvador Declaration, a group;"


def test_reference_to_a_missing_paragraph_is_a_located_error() -> None:
    with pytest.raises(InputError) as caught:
        site_for("*Requests*, in line with paragraph 99 of the Salvador Declaration, a group;")
    assert [d.format() for d in caught.value.diagnostics] == [
        "t.md:7:29: error: 'paragraph 99 of the Salvador Declaration' refers to a paragraph that does "
        "not exist — correct the paragraph number, or check the document's numbering"
    ]


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("one two three four five", "one two three four five", 1.0, 1.0),
        ("one two three four five", "zero one two three four five six seven", 1.0, 1.0),
        # Words shared only in runs shorter than 4 do not count.
        ("of the and x to in a y", "to in a z of the and q", 0.0, 0.0),
        ("alpha beta gamma delta epsilon zeta eta theta", "alpha beta gamma delta x y z w", 0.5, 0.5),
        # A shared name is citing, not restating: capitalised words do not count.
        ("we adopt the United Nations Global Plan of Action to Combat Trafficking in Persons today with joy",
         "they recall with thanks and respect the United Nations Global Plan of Action to Combat Trafficking "
         "in Persons and act on it", 0.44, 0.45),
    ],
)
def test_similarity_table(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(a, b) <= high


def test_word_diff() -> None:
    pieces = word_diff("We welcome the offer of Qatar.", "Welcomes the offer of Qatar;")
    assert [(p.kind, p.words) for p in pieces] == [
        ("dropped", "We welcome"), ("added", "Welcomes"), ("same", "the offer of Qatar;")
    ]


# --- the seed ---------------------------------------------------------------


def article(site: Path, url: str) -> Tag:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return one(BeautifulSoup(html, "html.parser"), "article.md-content__inner")


def internal_links(site: Path, url: str) -> list[str]:
    return [str(a["href"]) for a in article(site, url).select("#" + url.strip("/").replace("/", "_") + " a.sd-ref")]


def test_seed_references_link_both_ways(built_site: BuiltSite) -> None:
    site = built_site.site
    r9 = article(site, "resolution/9/").select_one("#para_9")
    assert [(a.get_text(), a["href"]) for a in r9.select("a.sd-ref")] == [
        ("paragraph 42 of the Salvador Declaration", "../../declaration/42/")
    ]
    r11 = article(site, "resolution/11/").select_one("#para_11")
    assert [(a.get_text(), a["href"]) for a in r11.select("a.sd-ref")] == [("9", "../9/"), ("10", "../10/")]
    d42 = one(article(site, "declaration/42/"), ".sd-backlinks")
    item = one(d42, "li")
    link = one(item, "a")
    assert link.get_text() == "Resolution 2010/18, operative paragraph 9"
    assert link["href"] == "../../resolution/9/"
    assert "in line with" in item.get_text()
    assert ("“Requests the Commission to establish, in line with paragraph 42 of the Salvador Declaration, "
            "an open-ended") in item.get_text()


def test_seed_references_into_other_documents_are_not_links(built_site: BuiltSite) -> None:
    r7 = article(built_site.site, "resolution/7/").select_one("#para_7")
    assert r7.select("a.sd-ref") == []
    assert "paragraph 9 of General Assembly resolution 55/25" in r7.get_text()
    assert "paragraph 4 of Assembly resolution 58/4" in r7.get_text()


def test_seed_reading_views_link_to_anchors(built_site: BuiltSite) -> None:
    view = article(built_site.site, "resolution/")
    assert [a["href"] for a in view.select("#para_9 a.sd-ref")] == ["../declaration/#att_1__para_42"]
    assert [a["href"] for a in view.select("#para_11 a.sd-ref")] == ["./#para_9", "./#para_10"]


def test_seed_declaration_as_a_whole(built_site: BuiltSite) -> None:
    view = article(built_site.site, "declaration/")
    acted = view.select_one(".sd-backlinks")
    labels = [a.get_text() for a in acted.select("li > a")]
    assert labels == [f"Resolution 2010/18, operative paragraph {n}" for n in (1, 4, 5, 6, 8, 15)]
    assert "endorses" in acted.get_text()
    home = article(built_site.site, "")
    assert "Resolution 2010/18, operative paragraph 4" in home.get_text()


def test_seed_parallels(built_site: BuiltSite) -> None:
    page = article(built_site.site, "parallels/")
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select("tbody tr")]
    pairs = [(r[0].rsplit(" ", 1)[-1], r[1].rsplit(" ", 1)[-1]) for r in rows]
    assert pairs == [("9", "42"), ("10", "49"), ("12", "8"), ("13", "10"), ("16", "54"), ("17", "55")]
    assert all(float(r[2]) >= THRESHOLD for r in rows)
    r12 = article(built_site.site, "resolution/12/").select_one(".sd-parallels")
    assert "Salvador Declaration, paragraph 8" in r12.get_text()
    assert r12.select("ins") and r12.select("del")
    d54 = article(built_site.site, "declaration/54/").select_one(".sd-parallels")
    restated = d54.get_text(" ", strip=True).replace(" ,", ",")
    assert "Resolution 2010/18, operative paragraph 16 restates this paragraph" in restated


def backlinks(paragraph: str) -> list[tuple[str, str, str, str]]:
    return [(b.source_eid, b.target, b.relation, b.clause) for b in site_for(paragraph).backlinks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*Requests*, in line with paragraph 2 of the Salvador Declaration, a group;",
         [("para_3", "att_1__para_2", "in line with",
           "Requests, in line with paragraph 2 of the Salvador Declaration, a group")]),
        # Twelve words either side at most, "…" where cut.
        ("*Requests* the Commission, acting through its many subsidiary bodies and working groups and experts, "
         "in line with paragraph 2 of the Salvador Declaration, to establish an open-ended intergovernmental "
         "expert group to be convened between sessions of the Commission and report;",
         [("para_3", "att_1__para_2", "in line with",
           "…its many subsidiary bodies and working groups and experts, in line with paragraph 2 of the "
           "Salvador Declaration, to establish an open-ended intergovernmental expert group to be convened "
           "between…")]),
        # Offsets run on past emphasis; the relation falls back to the opening words.
        ("*Takes note* of it and *recalls* paragraphs 1 and 2 of the present resolution and paragraph 1 of "
         "the Salvador Declaration;",
         [("para_3", "para_1", "takes note", "Takes note of it and recalls paragraphs 1 and 2 of the present "
           "resolution and paragraph 1 of the Salvador Declaration"),
          ("para_3", "para_2", "takes note", "Takes note of it and recalls paragraphs 1 and 2 of the present "
           "resolution and paragraph 1 of the Salvador Declaration"),
          ("para_3", "att_1__para_1", "takes note", "…it and recalls paragraphs 1 and 2 of the present "
           "resolution and paragraph 1 of the Salvador Declaration")]),
        # The clause stops at a sentence or clause boundary.
        ("*Notes* the work. Pursuant to paragraph 1 above, we act again: and more to come.",
         [("para_3", "para_1", "pursuant to", "Pursuant to paragraph 1 above, we act again")]),
        ("*Endorses* the Salvador Declaration, annexed to the present resolution;",
         [("para_3", "att_1", "endorses", "Endorses the Salvador Declaration, annexed to the present resolution")]),
        # One backlink per citing paragraph and target.
        ("*Recalls* paragraphs 1, 2 and 2 of the present resolution;",
         [("para_3", "para_1", "recalls", "Recalls paragraphs 1, 2 and 2 of the present resolution"),
          ("para_3", "para_2", "recalls", "Recalls paragraphs 1, 2 and 2 of the present resolution")]),
    ],
)
def test_backlinks_and_their_clauses(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert backlinks(text) == expected


def test_a_reference_after_a_footnote_mark_is_found_and_located() -> None:
    source = dedent(
        """
        ## Resolution

        1. First.

        2. We note it,<sup>1</sup> pursuant to paragraph 1 above.

        ---

        <sup>1</sup> A note.

        ## **Annex**

        1. We act.
        """
    ).lstrip("\n")
    site = build(SourceFiles("t.md", source, "t.yml", META, "t.notes.yml", None))
    block = site.document.part("main").paragraphs[1]
    found = [n for n in block.content if isinstance(n, Reference)]
    assert [(n.text, n.target, n.location.line, n.location.col) for n in found] == [
        ("paragraph 1 above", "para_1", 5, 40)]
    assert plain_text(block.content) == "We note it, pursuant to paragraph 1 above."
    assert [(b.target, b.clause) for b in site.backlinks] == [("para_1", "We note it, pursuant to paragraph 1 above")]
