"""Citations and the public address as rules: UN-style wording, ordinal
locators, each reference-manager format's escaping, and which addresses
are refused. Pure: no build, no browser."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from build_scripts import address
from build_scripts.address import AddressSetting
from build_scripts.cite import Citation, citation_frame, ordinal_word, unit_citation
from build_scripts.cite_formats import bibtex_entry, csl_item, ris_entry
from build_scripts.diagnostics import InputError, Location
from build_scripts.pipeline import build, load
from build_scripts.units import site_units
from conftest import ROOT, SEED

DECLARATION = ("Salvador Declaration on Comprehensive Strategies for Global Challenges: Crime Prevention and "
               "Criminal Justice Systems and Their Development in a Changing World")
RESOLUTION = "Economic and Social Council resolution 2010/18 of 22 July 2010 (E/RES/2010/18)"


@pytest.fixture(scope="module")
def seed():
    site = build(load(ROOT / SEED))
    return site, {u.eid: u for u in site_units(site)}


@pytest.mark.parametrize(("n", "word"), [
    (1, "first"), (2, "second"), (3, "third"), (8, "eighth"), (11, "eleventh"), (12, "twelfth"),
    (19, "nineteenth"), (20, "twentieth"), (21, "twenty-first"), (42, "forty-second"), (90, "ninetieth"),
    (99, "ninety-ninth"), (101, "101st"), (111, "111th"), (112, "112th"), (123, "123rd"),
])
def test_ordinal_words(n: int, word: str) -> None:
    assert ordinal_word(n) == word


@pytest.mark.parametrize(("eid", "full", "short"), [
    ("att_1__para_42", f"{DECLARATION}, para. 42, annexed to {RESOLUTION}", "Salvador Declaration, para. 42"),
    ("att_1__preamble__p_3", f"{DECLARATION}, third preambular paragraph, annexed to {RESOLUTION}",
     "Salvador Declaration, third preambular paragraph"),
    ("para_9", f"{RESOLUTION}, para. 9", "Economic and Social Council resolution 2010/18, para. 9"),
    ("preamble__p_3", f"{RESOLUTION}, third preambular paragraph",
     "Economic and Social Council resolution 2010/18, third preambular paragraph"),
])
def test_un_style_citations_of_the_seed(seed, eid: str, full: str, short: str) -> None:
    site, units = seed
    citation = unit_citation(site.metadata, units[eid])
    assert (citation.full, citation.short) == (full, short)
    assert "preambular para." not in citation.full
    # The seed's settings give no public address: no citation carries one.
    assert citation.url is None


def test_points_and_unnumbered_paragraphs_of_another_resolution() -> None:
    """A lettered point is "para. 18 (a)"; a paragraph printed without a
    number is never given one; without settings, the wording says only
    what the text gives (no official symbol: no "(A/RES/…)")."""
    source = ROOT / "tests" / "data" / "corpus" / "a-res-80-9-trafficking-political-declaration.md"
    site = build(load(source), check_registry=False)
    units = {u.eid: u for u in site_units(site)}
    point = unit_citation(site.metadata, units["att_1__para_18__list_1__point_a"])
    assert point.locator == "para. 18 (a)"
    assert point.full.endswith(", para. 18 (a), annexed to General Assembly resolution 80/9 of 24 November 2025")
    unnumbered = unit_citation(site.metadata, units["para_1"])
    assert unnumbered.full == "General Assembly resolution 80/9 of 24 November 2025, unnumbered operative paragraph"


def test_citation_templates_are_checked(tmp_path: Path) -> None:
    project = tmp_path / "source"
    project.mkdir()
    source = project / Path(SEED).name
    source.write_text((ROOT / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    settings = (ROOT / SEED).with_suffix(".yml").read_text(encoding="utf-8")
    settings = settings.replace('    annex: "{name}, {locator}"', '    annex: "{name}, {para}"')
    settings = settings.replace("  symbol: E/RES/2010/18\n", "")  # no official symbol: {document} is unknown
    # A conversion or format would not survive citation_frame's cut.
    settings = settings.replace('    main: "{body} resolution {symbol}, {locator}"',
                                '    main: "{body!r} resolution {symbol}, {locator}"')
    source.with_suffix(".yml").write_text(settings, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        build(load(source), check_registry=False)
    messages = [d.format() for d in raised.value.diagnostics]
    assert any("citation template 'short.annex' has an unknown placeholder {para}" in m for m in messages), messages
    assert any("citation template 'full.main' uses {document}, which this document does not give" in m
               for m in messages), messages
    assert any("'' is not a United Nations document symbol" in m for m in messages), messages
    assert any("citation template 'short.main' writes {body} with a conversion or format" in m
               for m in messages), messages


@pytest.mark.parametrize(("main", "annex"), [
    (None, None),  # the seed's own wording
    # The locator twice, at either end, braces written as text.
    ("{locator} of {body} resolution {symbol} {{sic}}, {locator}", "{{{title}}}: {locator}{locator}"),
])
def test_the_citation_frame_joined_by_a_locator_is_the_full_citation(seed, main: str | None,
                                                                     annex: str | None) -> None:
    """What a reading view's copy button copies from file:// (cite.js):
    the part's frame, carried once, joined by the paragraph's locator."""
    site, units = seed
    meta = site.metadata
    if main and annex:
        meta = dataclasses.replace(meta, citation=dataclasses.replace(meta.citation, full_main=main, full_annex=annex))
    for unit in units.values():
        citation = unit_citation(meta, unit)
        assert citation.locator.join(citation_frame(meta, unit.part)) == citation.full, unit.eid
    if main:
        assert citation_frame(meta, units["para_9"].part)[1:] == [" of Economic and Social Council resolution "
                                                                   "2010/18 {sic}, ", ""]


HOSTILE = 'A {b} 50% & $x_1# ~ \\ "q" } unbalanced { @misc{x, é “q”'
HOSTILE_CITATION = Citation(
    key="k_1", eid="e", full=HOSTILE, short=HOSTILE, locator="para. 1\nER  - ", title="line 1\nTY  - JOUR",
    container=HOSTILE, author="Council and Assembly", issued=date(2010, 7, 22), document="E/RES/1",
    url="https://un-texts.github.io/a%20b/",
)


def test_bibtex_escapes_every_value() -> None:
    text = bibtex_entry(HOSTILE_CITATION)
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == [] and len(library.entries) == 1
    fields = library.entries[0].fields_dict
    assert fields["note"].value == HOSTILE and fields["booktitle"].value == HOSTILE
    assert fields["title"].value == "line 1 TY - JOUR"
    # A body's name in double braces: not split into persons at "and".
    assert fields["author"].value == "Council and Assembly" and "{{Council and Assembly}}" in text
    # The URL stays verbatim (the url package reads it so); read it raw.
    raw = bibtexparser.parse_string(text).entries[0].fields_dict
    assert raw["url"].value == "https://un-texts.github.io/a%20b/"


def test_ris_keeps_one_field_per_line() -> None:
    records = rispy.loads(ris_entry(HOSTILE_CITATION))
    assert len(records) == 1
    record = records[0]
    assert record["title"] == "line 1 TY - JOUR" and record["section"] == "para. 1 ER -"
    assert record["notes"] == [HOSTILE] and record["urls"] == ["https://un-texts.github.io/a%20b/"]


def test_csl_item_without_address_has_no_url() -> None:
    item = csl_item(dataclasses.replace(HOSTILE_CITATION, url=None))
    assert "URL" not in item and item["note"] == HOSTILE
    assert item["issued"] == {"date-parts": [[2010, 7, 22]]}


@pytest.mark.parametrize("value", [
    "https://example.org/", "https://salvador-declaration.example.org/", "https://www.example.com/x/",
    "https://example.net", "https://reader.test/", "https://a.b.invalid/", "https://site.example/",
    "https://app.localhost/", "https://localhost/", "https://localhost:8000/", "https://127.0.0.1/",
    "https://127.1.2.3:8443/", "https://[::1]/", "https://EXAMPLE.ORG./",
])
def test_reserved_and_local_addresses_are_refused(value: str) -> None:
    url, problems = address.check(AddressSetting(value, Location("s.yml", 9, 11), "site_url"))
    assert url is None and len(problems) == 1
    assert problems[0].format().startswith(f"s.yml:9:11: error: site_url '{value}' is ")
    assert "where no reader can follow a link" in problems[0].message


@pytest.mark.parametrize(("value", "problem"), [
    ("http://un-texts.github.io/", "is not an https:// address"),
    ("un-texts.github.io", "is not an https:// address"),
    ("https://un-texts.github.io/?x=1", "has a query, fragment, password or space"),
])
def test_malformed_addresses_are_refused(value: str, problem: str) -> None:
    url, problems = address.check(AddressSetting(value, Location("SITE_URL", 1, 1), "SITE_URL"))
    assert url is None and problems[0].message == f"SITE_URL '{value}' {problem}"
    assert "make build SITE_URL=" in problems[0].hint


@pytest.mark.parametrize(("value", "url"), [
    ("https://un-texts.github.io/salvador", "https://un-texts.github.io/salvador/"),
    ("https://examples.org/", "https://examples.org/"),  # not the reserved example.org
    ("https://example.org.un-texts.net/", "https://example.org.un-texts.net/"),
    ("https://contest.org/", "https://contest.org/"),
])
def test_public_addresses_are_kept(value: str, url: str) -> None:
    assert address.check(AddressSetting(value, Location("s.yml", 1, 1), "site_url")) == (url, [])
