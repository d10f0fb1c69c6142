"""The cited-documents index on a resolution outside the corpus, and
quotations inside quotations."""

from __future__ import annotations

from textwrap import dedent

import pytest
from bs4 import BeautifulSoup

from build_scripts.citations import cited_documents, resolve_ibid
from build_scripts.pipeline import SourceFiles, build
from build_scripts.quotes import inner_quotes, quoted
from conftest import BuiltSite

SOURCE = dedent(
    """
    ## Resolution

    **S-25/1**

    Further initiatives

    *The General Assembly*,

    *Recalling* its resolution S-24/2 of 1 July 2000 and its resolution ES-10/14,<sup>1</sup>

    *Recalling also* Human Rights Council resolution 5/1 and Council resolution 2005/20,<sup>2</sup>

    1. *Decides* to act, in line with the Convention;<sup>3</sup>

    ---

    <sup>1</sup> Resolution 70/1.

    <sup>2</sup> See A/CONF.213/18, annex.

    <sup>3</sup> United Nations, *Treaty Series*, vol. 2225, No. 39574.
    """
).lstrip("\n")


@pytest.fixture(scope="module")
def cited() -> dict[str, str | None]:
    site = build(SourceFiles("t.md", SOURCE, "t.yml", None, "t.notes.yml", None), check_registry=False)
    return {d.key: d.url for d in cited_documents(site, resolve_ibid(site))}


def test_resolution_at_the_start_of_a_footnote(cited: dict[str, str | None]) -> None:
    assert cited["General Assembly resolution 70/1"] == "https://undocs.org/A/RES/70/1"


def test_special_session_resolutions(cited: dict[str, str | None]) -> None:
    assert cited["General Assembly resolution S-24/2"] == "https://undocs.org/A/RES/S-24/2"
    assert cited["General Assembly resolution ES-10/14"] == "https://undocs.org/A/RES/ES-10/14"


def test_other_councils_are_not_the_economic_and_social_council(cited: dict[str, str | None]) -> None:
    assert cited["Human Rights Council resolution 5/1"] is None
    assert cited["Economic and Social Council resolution 2005/20"] == "https://undocs.org/E/RES/2005/20"
    assert not any(key.startswith("Economic and Social Council resolution 5/1") for key in cited)


def test_symbols_link_to_the_un_symbol_resolver(cited: dict[str, str | None]) -> None:
    assert cited["A/CONF.213/18"] == "https://undocs.org/A/CONF.213/18"


def test_treaties_are_not_linked_to_a_general_page(cited: dict[str, str | None]) -> None:
    # The Treaty Collection has no documented address built from a
    # registration number: the treaty is named, not linked.
    assert cited["United Nations, Treaty Series, No. 39574"] is None
    links = [url for url in cited.values() if url]
    assert len(links) == len(set(links))


def test_seed_cited_documents_page(built_site: BuiltSite) -> None:
    page = BeautifulSoup((built_site.site / "documents" / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = {li.get_text(" ", strip=True).split(" — ")[0]: li for li in page.select("article li")}
    for number in ("27531", "39574", "42146"):
        item = items[f"United Nations, Treaty Series, No. {number}"]
        assert item.find("a", class_="sd-external") is None  # named, not linked
        assert item.find("a") is not None  # the paragraphs that cite it still are
    hrefs = [str(a["href"]) for a in page.select("a.sd-external")]
    assert hrefs and len(hrefs) == len(set(hrefs))
    assert all(h.startswith("https://undocs.org/") for h in hrefs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Follow-up to the “World Social Summit”", "“Follow-up to the ‘World Social Summit’”"),
        ('Follow-up to the "World Social Summit"', "“Follow-up to the ‘World Social Summit’”"),
        ('the ("Beijing") and "Cairo" texts', "“the (‘Beijing’) and ‘Cairo’ texts”"),
        ("Member States’ plans", "“Member States’ plans”"),
        ("no quotation", "“no quotation”"),
    ],
)
def test_quotations_inside_are_single(text: str, expected: str) -> None:
    assert quoted(text) == expected
    assert "“" not in inner_quotes(text) and "”" not in inner_quotes(text)


QUOTED = dedent(
    """
    ## Resolution

    **S-25/1**

    Follow-up to the “World Social Summit”

    *The General Assembly*,

    1. *Welcomes* the “Copenhagen” commitments, in line with paragraph 1 of the Salvador Declaration;

    ## **Annex**

    1. We act.
    """
).lstrip("\n")


def test_titles_and_clauses_with_quotations_are_quoted_once() -> None:
    from build_scripts.render import render  # noqa: PLC0415

    meta = "parts:\n  att_1:\n    name: Salvador Declaration\n"
    pages = render(build(SourceFiles("t.md", QUOTED, "t.yml", meta, "t.notes.yml", None), check_registry=False))
    about = pages["about.md"]
    assert "resolution S-25/1, “Follow-up to the ‘World Social Summit’”," in about
    backlink = next(line for line in pages["annex/1.md"].splitlines() if "*in line with*" in line)
    assert backlink.endswith(": “Welcomes the ‘Copenhagen’ commitments, in line with paragraph 1 of the "
                             "Salvador Declaration”")
    for text in (about, backlink):
        assert "““" not in text and "“Follow-up to the “" not in text and "the “Copenhagen”" not in text
