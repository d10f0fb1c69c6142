"""Glossary: the editors' definitions of the bodies, instruments and terms
of the text, with the paragraphs that use each, found from the text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_scripts.diagnostics import InputError
from build_scripts.exports import document_json
from build_scripts.glossary import build_glossary
from build_scripts.model import GlossaryEntry, Site
from build_scripts.pipeline import build, load
from build_scripts.yamlfile import load_yaml
from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def seed_site() -> Site:
    return build(load(ROOT / SEED))


def entry(site: Site, also: str) -> GlossaryEntry:
    found = [e for e in site.glossary if also == e.term or also in e.also]
    assert len(found) == 1, also
    return found[0]


def test_the_terms_a_participant_meets_are_defined(seed_site: Site) -> None:
    for name in ["CCPCJ", "Crime Commission", "UNODC", "Twelfth Congress", "Crime Congress",
                 "Open-ended intergovernmental expert group", "United Nations standards and norms",
                 "Restorative justice", "UNCAC", "UNTOC", "Organized Crime Convention", "Palermo Convention",
                 "ECOSOC", "General Assembly", "ICT", "Cybercrime", "Money-laundering", "Trafficking in persons",
                 "Smuggling of migrants", "Technical assistance", "Tokyo Rules", "Bangkok Rules",
                 "Standard Minimum Rules for the Treatment of Prisoners", "Alternatives to imprisonment",
                 "Pretrial detention"]:
        defined = entry(seed_site, name)
        assert defined.eids and 40 <= len(defined.definition) <= 600, name
        assert "\n" not in defined.definition and "  " not in defined.definition


def test_each_entrys_paragraphs_are_those_whose_words_use_it(seed_site: Site) -> None:
    # Recomputed independently from the published data: paragraph text plus
    # the text of the footnotes it cites.
    data = json.loads(document_json(seed_site))
    footnotes = {f["number"]: f["text"] or "" for f in data["footnotes"]}
    paragraphs = [(p["eId"], p["text"] + " " + " ".join(footnotes[n] for n in p["footnotes"]))
                  for p in data["paragraphs"] if p["kind"] != "point"]
    for defined in seed_site.glossary:
        patterns = [r"\s+".join(map(re.escape, phrase.split())) for phrase in defined.in_text]
        expected = tuple(eid for eid, words in paragraphs
                         if any(re.search(rf"(?<!\w){p}(?!\w)", words, re.IGNORECASE) for p in patterns))
        assert defined.eids == expected, defined.term
        for phrase in defined.in_text:  # every phrase is met somewhere
            assert any(re.search(re.escape(phrase), words, re.IGNORECASE) for _, words in paragraphs), phrase


def test_known_terms(seed_site: Site) -> None:
    prisoners = entry(seed_site, "Standard Minimum Rules for the Treatment of Prisoners")
    assert prisoners.eids == ("para_10", "att_1__para_49")
    # Named only in footnote 16, which Declaration 26 cites.
    assert entry(seed_site, "Tokyo Rules").eids == ("att_1__para_26",)
    # Named only in footnotes 4 and 12; the "Ibid." footnotes do not repeat it.
    assert entry(seed_site, "Treaty Series").eids == ("para_7", "att_1__para_12")
    assert entry(seed_site, "Cybercrime").eids == ("para_9", "para_12", "att_1__para_41", "att_1__para_42")
    unodc = entry(seed_site, "UNODC")
    assert unodc.term == "United Nations Office on Drugs and Crime"
    assert unodc.eids[:3] == ("para_2", "para_6", "para_7") and "att_1__para_43" in unodc.eids
    assert "para_1" not in unodc.eids


def test_a_document_without_a_glossary_has_none(tmp_path: Path) -> None:
    source = tmp_path / "x.md"
    source.write_text((ROOT / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    notes = (ROOT / SEED).with_suffix(".notes.yml")
    source.with_suffix(".notes.yml").write_text(notes.read_text(encoding="utf-8"), encoding="utf-8")
    assert build(load(source), check_registry=False).glossary == ()


def errors(site: Site, text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        build_glossary("g.yml", load_yaml("g.yml", text), site.document)
    return [d.format().split(" — ")[0] for d in caught.value.diagnostics]


def test_a_phrase_that_never_occurs_is_reported_at_its_line(seed_site: Site) -> None:
    text = ("- term: Cybercrime\n  in_text: [cybercrime]\n  definition: Crime by computer.\n"
            "- term: Human Rights Council\n  also: [HRC]\n  in_text:\n    - Human Rights Council\n"
            "  definition: A body that the text does not name.\n")
    assert errors(seed_site, text) == [
        "g.yml:7:7: error: 'Human Rights Council' ('Human Rights Council') occurs in no paragraph or cited footnote"]


def test_shape_errors_are_located(seed_site: Site) -> None:
    text = ("- term: Cybercrime\n  in_text: [cybercrime]\n  definition: Crime by computer.\n  see: [ICT]\n"
            "- term: cybercrime\n  in_text: [cybercrime]\n  definition: Again.\n"
            "- term: Pretrial detention\n  in_text: [pretrial detention]\n")
    assert errors(seed_site, text) == [
        "g.yml:4:3: error: unknown key 'see' in a glossary entry",
        "g.yml:5:9: error: the term 'cybercrime' is defined twice (first at line 1)",
        "g.yml:8:9: error: 'Pretrial detention' has no 'definition'",
    ]
