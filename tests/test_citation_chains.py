"""Resolved "Ibid." citations and the documents a text cites, in process:
table tests on small texts, then the whole seed."""

from __future__ import annotations

from textwrap import dedent

import pytest

from build_scripts.citations import cited_documents, resolve_ibid
from build_scripts.model import Site
from build_scripts.pipeline import SourceFiles, build, load
from conftest import ROOT, SEED

# Treaties and lettered early resolutions are named, not linked: no
# documented address is built from them.
TREATIES = None


def site_with(paragraph: str, footnotes: str = "", notes: str | None = None) -> Site:
    source = dedent(
        """
        ## Resolution

        1. {paragraph}

        ---

        {footnotes}
        """
    ).lstrip("\n").format(paragraph=paragraph, footnotes=footnotes)
    return build(SourceFiles("t.md", source, "t.yml", None, "t.notes.yml", notes))


def cited(paragraph: str, footnotes: str = "") -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    site = site_with(paragraph, footnotes)
    return [(d.kind, d.key, d.url, d.cited_in) for d in cited_documents(site, resolve_ibid(site))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # year/number is the Council's, session/number the Assembly's.
        ("*Recalls* resolution 2005/20;",
         [("resolution", "Economic and Social Council resolution 2005/20", "https://undocs.org/E/RES/2005/20")]),
        ("*Recalls* resolution 46/152;",
         [("resolution", "General Assembly resolution 46/152", "https://undocs.org/A/RES/46/152")]),
        # The body, when the text names it, decides.
        ("*Recalls* Council resolution 46/152;",
         [("resolution", "Economic and Social Council resolution 46/152", "https://undocs.org/E/RES/46/152")]),
        ("*Recalls* Economic and Social Council resolution 46/152;",
         [("resolution", "Economic and Social Council resolution 46/152", "https://undocs.org/E/RES/46/152")]),
        ("*Recalls* Assembly resolution 2005/20;",
         [("resolution", "General Assembly resolution 2005/20", "https://undocs.org/A/RES/2005/20")]),
        ("*Recalls* General Assembly resolution 2005/20;",
         [("resolution", "General Assembly resolution 2005/20", "https://undocs.org/A/RES/2005/20")]),
        # Early numbering: "155 C (VII)" is the Council's, "415 (V)" the Assembly's.
        ("*Recalls* resolution 155 C (VII);",
         [("resolution", "Economic and Social Council resolution 155 C (VII)",
           None)]),
        ("*Recalls* resolution 415 (V);",
         [("resolution", "General Assembly resolution 415 (V)", "https://undocs.org/A/RES/415(V)")]),
        ("*Recalls* resolution 57/270 B;",
         [("resolution", "General Assembly resolution 57/270 B", "https://undocs.org/A/RES/57/270B")]),
        # Several numbers, sorted by number (not as text: 45 before 415).
        ("*Recalls* resolutions 415 (V), 56/119 and 45/110;",
         [("resolution", "General Assembly resolution 45/110", "https://undocs.org/A/RES/45/110"),
          ("resolution", "General Assembly resolution 56/119", "https://undocs.org/A/RES/56/119"),
          ("resolution", "General Assembly resolution 415 (V)", "https://undocs.org/A/RES/415(V)")]),
        # Symbols: a final full stop is not part of them; "1990/2" alone is no symbol.
        ("*Notes* document E/CN.15/2007/6. It notes 1990/2 too;",
         [("symbol", "E/CN.15/2007/6", "https://undocs.org/E/CN.15/2007/6")]),
        # Kinds in order: symbols, resolutions, treaties.
        ("*Notes* resolution 46/152, United Nations, Treaty Series, vol. 2225, No. 39574 and A/CONF.213/18;",
         [("symbol", "A/CONF.213/18", "https://undocs.org/A/CONF.213/18"),
          ("resolution", "General Assembly resolution 46/152", "https://undocs.org/A/RES/46/152"),
          ("treaty", "United Nations, Treaty Series, No. 39574", TREATIES)]),
        ("*Notes* no document at all;", []),
    ],
)
def test_cited_documents_table(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert cited(text) == [(kind, key, url, ("para_1",)) for kind, key, url in expected]


def test_a_document_cited_twice_is_listed_once_with_each_place_once() -> None:
    found = cited("*Recalls* resolution 46/152 and, again, resolution 46/152;<sup>1</sup>",
                  "<sup>1</sup> See resolution 46/152 and A/CONF.213/18.")
    assert found == [
        ("symbol", "A/CONF.213/18", "https://undocs.org/A/CONF.213/18", ("footnote 1",)),
        ("resolution", "General Assembly resolution 46/152", "https://undocs.org/A/RES/46/152",
         ("para_1", "footnote 1")),
    ]


def test_ibid_stands_for_the_citation_it_continues() -> None:
    site = site_with(
        "*Recalls* them.<sup>1</sup><sup>2</sup><sup>3</sup><sup>4</sup>",
        "<sup>1</sup> United Nations, *Treaty Series*, vol. 2225, No. 39574.\n\n"
        "<sup>2</sup> *Ibid.*, vol. 2349, No. 42146.\n\n"
        "<sup>3</sup> Ibid., vols. 1577 and 2171, No. 27531.\n\n"
        "<sup>4</sup> Ibid.",
    )
    assert resolve_ibid(site) == {
        2: "United Nations, Treaty Series, vol. 2349, No. 42146.",
        3: "United Nations, Treaty Series, vols. 1577 and 2171, No. 27531.",
        # "Ibid." alone: for now only the title the chain goes back to (no
        # locator of footnote 3 is carried over).
        4: "United Nations, Treaty Series.",
    }
    # What an "Ibid." stands for is searched for documents too.
    found = [(d.key, d.cited_in) for d in cited_documents(site, resolve_ibid(site))]
    assert found == [
        ("United Nations, Treaty Series, No. 27531", ("footnote 3",)),
        ("United Nations, Treaty Series, No. 39574", ("footnote 1",)),
        ("United Nations, Treaty Series, No. 42146", ("footnote 2",)),
    ]


def test_a_footnote_that_is_not_ibid_stands_for_itself() -> None:
    site = site_with("*Recalls* it.<sup>1</sup>", "<sup>1</sup> A/CONF.213/18, chap. I.")
    assert resolve_ibid(site) == {}


@pytest.fixture(scope="module")
def seed() -> Site:
    return build(load(ROOT / SEED))


def test_ibid_in_the_seed(seed: Site) -> None:
    assert resolve_ibid(seed) == {
        3: "A/CONF.213/18, chap. I, resolution 1.",
        5: "United Nations, Treaty Series, vol. 2349, No. 42146.",
        # Footnote 7 follows footnote 6, but continues footnotes 4–5 (the editors' note says so).
        7: "United Nations, Treaty Series, vol. 2349, No. 42146.",
        13: "United Nations, Treaty Series, vol. 2349, No. 42146.",
        14: "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
        15: "United Nations, Treaty Series, vols. 1577, 2171 and 2173, No. 27531.",
    }


def test_documents_cited_in_the_seed(seed: Site) -> None:
    found = {d.key: (d.kind, d.url, d.cited_in) for d in cited_documents(seed, resolve_ibid(seed))}
    assert list(found)[:7] == ["A/CONF.213/17", "A/CONF.213/18", "A/CONF.213/RPM.1/1", "A/CONF.213/RPM.2/1",
                               "A/CONF.213/RPM.3/1", "A/CONF.213/RPM.4/1", "E/CN.15/2007/6"]
    assert found["A/CONF.213/18"] == ("symbol", "https://undocs.org/A/CONF.213/18", ("footnote 2", "footnote 3"))
    assert found["Economic and Social Council resolution 155 C (VII)"] == (
        "resolution", None, ("preamble__p_1",))
    assert found["General Assembly resolution 415 (V)"] == (
        "resolution", "https://undocs.org/A/RES/415(V)", ("preamble__p_1",))
    assert found["General Assembly resolution 46/152"][2] == ("preamble__p_3", "footnote 9")
    assert found["General Assembly resolution 55/25"][2] == ("para_7",)
    assert found["Economic and Social Council resolution 2005/20"][2] == ("footnote 16",)
    assert found["United Nations, Treaty Series, No. 42146"] == (
        "treaty", TREATIES, ("footnote 5", "footnote 7", "footnote 13"))
    assert found["United Nations, Treaty Series, No. 39574"][2] == ("footnote 4", "footnote 12", "footnote 14")
    assert len(found) == 28


def test_documents_cited_in_lettered_points() -> None:
    assert cited("*Decides*:\n\n(a) To note resolution 46/152;\n\n(b) And A/CONF.213/18.") == [
        ("symbol", "A/CONF.213/18", "https://undocs.org/A/CONF.213/18", ("para_1",)),
        ("resolution", "General Assembly resolution 46/152", "https://undocs.org/A/RES/46/152", ("para_1",)),
    ]


def test_a_security_council_symbol_sorts_with_the_symbols() -> None:
    assert [key for _, key, _, _ in cited("*Recalls* resolution 46/152 and S/2001/1373;")] == [
        "S/2001/1373", "General Assembly resolution 46/152"]
