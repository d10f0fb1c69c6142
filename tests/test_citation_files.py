"""The site-wide citation files under /data/, read back with the parsers
that reference managers' users rely on: bibtexparser, rispy and the
CSL-JSON schema. Every paragraph is in each, with its public address when
the site has one and without any address when it has none."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from conftest import PUBLIC_ADDRESS, ROOT, BuiltSite

SCHEMA = json.loads((ROOT / "tests" / "data" / "csl-data.json").read_text(encoding="utf-8"))
FULL_42 = ("Salvador Declaration on Comprehensive Strategies for Global Challenges: Crime Prevention and Criminal "
           "Justice Systems and Their Development in a Changing World, para. 42, annexed to Economic and Social "
           "Council resolution 2010/18 of 22 July 2010 (E/RES/2010/18)")


def units(site: Path) -> list[dict[str, str]]:
    return json.loads((site / "data" / "ids.json").read_text(encoding="utf-8"))


def key(eid: str) -> str:
    return "E-RES-2010-18_" + eid


def expected_url(unit: dict[str, str], addressed: bool) -> str | None:
    return PUBLIC_ADDRESS + unit["page_url"].lstrip("/") if addressed else None


@pytest.fixture(params=["addressed", "unaddressed"])
def build(request, built_site: BuiltSite, unaddressed_site: BuiltSite) -> tuple[Path, bool]:
    addressed = request.param == "addressed"
    return (built_site if addressed else unaddressed_site).site, addressed


def test_bibtex_holds_every_paragraph(build) -> None:
    site, addressed = build
    library = bibtexparser.parse_string((site / "data" / "citations.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    assert len(library.entries) == len(entries) == 88
    for unit in units(site):
        entry = entries[key(unit["eId"])]
        assert entry.entry_type == "misc"
        url = entry.fields_dict.get("url")
        assert (url.value if url else None) == expected_url(unit, addressed), unit["eId"]
    assert entries[key("att_1__para_42")].fields_dict["note"].value == FULL_42


def test_ris_holds_every_paragraph(build) -> None:
    site, addressed = build
    records = rispy.loads((site / "data" / "citations.ris").read_text(encoding="utf-8"))
    by_id = {record["id"]: record for record in records}
    assert len(records) == len(by_id) == 88
    for unit in units(site):
        record = by_id[key(unit["eId"])]
        assert record["type_of_reference"] == "GOVDOC"
        url = expected_url(unit, addressed)
        assert record.get("urls") == ([url] if url else None), unit["eId"]
    third = by_id[key("att_1__preamble__p_3")]
    assert third["section"] == "third preambular paragraph" and third["date"] == "2010/07/22"


def test_csl_json_is_valid_and_holds_every_paragraph(build) -> None:
    site, addressed = build
    items = json.loads((site / "data" / "citations.csl.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, SCHEMA, cls=jsonschema.Draft7Validator)
    by_id = {item["id"]: item for item in items}
    assert len(items) == len(by_id) == 88
    for unit in units(site):
        assert by_id[key(unit["eId"])].get("URL") == expected_url(unit, addressed), unit["eId"]
    assert by_id[key("att_1__para_42")]["note"] == FULL_42


def test_the_schema_check_can_fail() -> None:
    """The vendored schema rejects what a broken writer could produce."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "resolution"}], SCHEMA, cls=jsonschema.Draft7Validator)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "document", "issued": "2010"}], SCHEMA,
                            cls=jsonschema.Draft7Validator)
