"""Subjects: every paragraph of the seed has the editors' subject, held to
the paragraph's words; a document without a subjects file falls back to
each unit's opening words, marked as such; mistakes are located."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_scripts.diagnostics import InputError
from build_scripts.exports import document_json
from build_scripts.model import Site
from build_scripts.pipeline import build, load
from build_scripts.subjects import MAX_LENGTH, build_subjects, opening_words
from build_scripts.yamlfile import load_yaml
from conftest import ROOT, SEED

SUBJECTS = str(ROOT / "source" / "ecosoc-resolution-2010-18.subjects.yml")
IDS = ROOT / "source" / "ecosoc-resolution-2010-18.ids.json"


def corpus_documents() -> list[Path]:
    # The corpus copied into the repository (tests/data/README.md).
    return sorted((ROOT / "tests" / "data" / "corpus").glob("*.md"))


@pytest.fixture(scope="module")
def seed_site() -> Site:
    return build(load(ROOT / SEED))


@pytest.fixture(scope="module")
def seed_data(seed_site: Site) -> dict:
    return json.loads(document_json(seed_site))


def occurs(word: str, text: str) -> bool:
    # Independent of build_scripts.evidence: whole words, any case, any spacing.
    pattern = r"\s+".join(re.escape(w) for w in word.split())
    return re.search(rf"(?<![\w]){pattern}(?![\w])", text, re.IGNORECASE) is not None


def test_every_seed_paragraph_has_an_editors_subject_that_its_words_support(seed_site, seed_data) -> None:
    registry = [entry["eId"] for entry in json.loads(IDS.read_text(encoding="utf-8"))]
    assert len(registry) == 88
    assert list(seed_site.subjects) == registry  # every unit, in document order
    footnotes = {f["number"]: f["text"] or "" for f in seed_data["footnotes"]}
    for paragraph in seed_data["paragraphs"]:
        subject = seed_site.subjects[paragraph["eId"]]
        assert subject.editorial and not subject.from_text, paragraph["eId"]
        assert subject.eid == paragraph["eId"]
        assert 0 < len(subject.text) <= MAX_LENGTH, subject
        assert subject.text == " ".join(subject.text.split())
        words = paragraph["text"] + " " + " ".join(footnotes[n] for n in paragraph["footnotes"])
        assert subject.evidence, subject
        for word in subject.evidence:
            assert occurs(word, words), (paragraph["eId"], word)


def test_subjects_are_the_editors_words_from_the_file(seed_site) -> None:
    assert seed_site.subjects["att_1__para_42"].text == "Expert group on cybercrime"
    assert seed_site.subjects["para_9"].text == "Expert group on cybercrime"
    assert seed_site.subjects["att_1__para_36"].text == "Trafficking in persons"
    # The subject is never the paragraph's own opening words.
    assert not seed_site.subjects["para_9"].text.startswith("Requests")


def test_document_json_carries_each_units_subject(seed_data) -> None:
    by_eid = {p["eId"]: p for p in seed_data["paragraphs"]}
    assert by_eid["att_1__para_42"]["subject"] == {"text": "Expert group on cybercrime", "editorial": True}
    assert all(p["subject"]["text"] for p in seed_data["paragraphs"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Short and whole.", "Short and whole."),
    ("Trade, trade facilitation and regional integration;", "Trade, trade facilitation and regional integration"),
    ("Recalling its resolution 46/152 of 18 December 1991, in the annex to which Member States affirmed",
     "Recalling its resolution 46/152 of 18 December 1991, in the…"),
    ("Endorses the political declaration adopted by the Third United Nations Conference",
     "Endorses the political declaration adopted by the Third…"),
    ("A" * 70, "A" * 60 + "…"),
    ("Words,   with\nodd   spacing", "Words, with odd spacing"),
])
def test_opening_words(text: str, expected: str) -> None:
    assert opening_words(text) == expected


@pytest.mark.parametrize("source", corpus_documents(), ids=lambda p: p.stem)
def test_a_document_without_subjects_falls_back_to_opening_words_marked_from_text(source: Path) -> None:
    assert not source.with_suffix(".subjects.yml").exists()
    site = build(load(source), check_registry=False)
    data = json.loads(document_json(site))
    assert list(site.subjects) == [p["eId"] for p in data["paragraphs"]]
    points = 0
    for paragraph in data["paragraphs"]:
        subject = site.subjects[paragraph["eId"]]
        assert subject.from_text and not subject.editorial and subject.evidence == ()
        assert paragraph["subject"] == {"text": subject.text, "editorial": False}
        assert len(subject.text) <= 61
        words = subject.text.removesuffix("…")
        assert paragraph["text"].startswith(words)
        if subject.text.endswith("…"):
            # Cut at a word boundary: the next character of the text is a space or punctuation.
            assert not paragraph["text"][len(words)].isalnum(), subject.text
        points += paragraph["kind"] == "point"
    if "awaza" in source.stem:
        assert points == 5
        point_b = site.subjects["att_1__para_13__list_1__point_b"]
        assert point_b.text == "Trade, trade facilitation and regional integration"


def seed_file(replace: dict[str, str] | None = None, append: str = "") -> str:
    text = Path(SUBJECTS).read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text + append


def errors(seed_site: Site, text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        build_subjects("s.yml", load_yaml("s.yml", text), seed_site.document)
    return [d.format().split(" — ")[0] for d in caught.value.diagnostics]


def line_of(text: str, needle: str) -> int:
    return text.split(needle, maxsplit=1)[0].count("\n") + 1


def test_a_subject_too_long_is_reported_at_its_line(seed_site) -> None:
    long = "Expert group on cybercrime, with a view to examining options to strengthen"
    text = seed_file({"  subject: Expert group on cybercrime\n  evidence: [expert group, cybercrime]":
                      f"  subject: {long}\n  evidence: [expert group, cybercrime]"})
    expected = (f"s.yml:{line_of(text, long)}:12: error: the subject of 'att_1__para_42' "
                f"is {len(long)} characters long, more than 70")
    assert errors(seed_site, text) == [expected]


def test_evidence_that_the_paragraph_does_not_say_is_reported_at_the_word(seed_site) -> None:
    text = seed_file({"  evidence: [expert group, cybercrime]": "  evidence: [expert group, terrorism]"})
    line = line_of(text, "[expert group, terrorism]")
    col = text.split("\n")[line - 1].index("terrorism") + 1
    assert col == 28
    assert errors(seed_site, text) == [
        f"s.yml:{line}:{col}: error: 'terrorism' does not occur in paragraph 'att_1__para_42' or its footnotes"]


def test_evidence_may_come_from_a_cited_footnote(seed_site) -> None:
    # Footnote 16, cited by Declaration 26, names the Tokyo Rules; the paragraph does not.
    text = seed_file({"  evidence: [youth crime, young offenders, child victims]":
                      "  evidence: [youth crime, Tokyo Rules]"})
    subjects = build_subjects("s.yml", load_yaml("s.yml", text), seed_site.document)
    assert subjects["att_1__para_26"].evidence == ("youth crime", "Tokyo Rules")
    # … but not from a footnote that another paragraph cites.
    text = seed_file({"  evidence: [youth crime, young offenders, child victims]":
                      "  evidence: [youth crime, Treaty Series]"})
    assert len(errors(seed_site, text)) == 1


def test_a_missing_paragraph_and_an_unknown_eid_are_located(seed_site) -> None:
    old = "att_1__para_42:\n  subject: Expert group on cybercrime\n  evidence: [expert group, cybercrime]\n"
    new = "att_1__para_420:\n  subject: Expert group on cybercrime\n  evidence: [cybercrime]\n"
    text = seed_file({old: new})
    assert errors(seed_site, text) == [
        f"s.yml:{line_of(text, 'att_1__para_41:')}:1: error: paragraph 'att_1__para_42' has no subject",
        f"s.yml:{line_of(text, 'att_1__para_420:')}:1: error: 'att_1__para_420' is not a paragraph of the document",
    ]


def test_points_share_their_paragraphs_subject_unless_they_have_their_own(tmp_path: Path) -> None:
    sources = [s for s in corpus_documents() if "awaza" in s.stem]
    if not sources:
        pytest.skip("the Awaza corpus document (lettered points) is not available")
    site = build(load(sources[0]), check_registry=False)
    lines = []
    for eid, subject in site.subjects.items():
        if "__point_" in eid and not eid.endswith("point_b"):
            continue
        first = subject.text.split()[0].strip(",;:.“”")
        lines.append(f"{eid}:\n  subject: About {first}\n  evidence: ['{first}']\n")
    subjects = build_subjects("s.yml", load_yaml("s.yml", "".join(lines)), site.document)
    paragraph = subjects["att_1__para_13"]
    assert subjects["att_1__para_13__list_1__point_a"] is paragraph
    own = subjects["att_1__para_13__list_1__point_b"]
    assert own.eid == "att_1__para_13__list_1__point_b" and own.text == "About Trade" and own.editorial
