"""The editorial layer and open data: resolved "Ibid." citations, cited
documents, themes checked against the paragraphs' words, JSON and Akoma
Ntoso exports."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from build_scripts.diagnostics import InputError
from build_scripts.pipeline import build, load
from build_scripts.render import render
from build_scripts.units import site_units
from conftest import PUBLIC_ADDRESS, ROOT, SEED, BuiltSite, one

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def article(site: Path, url: str) -> Tag:
    return one(BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser"), "article")


def test_ibid_footnotes_show_what_they_stand_for(built_site: BuiltSite) -> None:
    page = article(built_site.site, "footnotes/")
    stands_for = {fn["id"]: fn.select_one(".sd-resolved").get_text(" ", strip=True)
                  for fn in page.select(".sd-fn") if fn.select_one(".sd-resolved")}
    assert stands_for == {
        "footnote-3": "Stands for: A/CONF.213/18, chap. I, resolution 1.",
        "footnote-5": "Stands for: United Nations, Treaty Series, vol. 2349, No. 42146.",
        "footnote-7": "Stands for: United Nations, Treaty Series, vol. 2349, No. 42146.",
        "footnote-13": "Stands for: United Nations, Treaty Series, vol. 2349, No. 42146.",
        "footnote-14": "Stands for: United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
        "footnote-15": "Stands for: United Nations, Treaty Series, vols. 1577, 2171 and 2173, No. 27531.",
    }
    # The printed text stays as printed beside it.
    assert page.select_one("#footnote-7 .sd-fn-body").get_text() == "Ibid., vol. 2349, No. 42146."
    # And the popover on the page that cites it says it too.
    popover = article(built_site.site, "resolution/13/").select_one('li[id="fn:7"]')
    assert "United Nations, Treaty Series, vol. 2349, No. 42146." in popover.get_text()


def cited(page: Tag, key: str) -> tuple[str | None, list[str]]:
    """The entry's own link (None when it is named, not linked) and the
    labels of the paragraphs that cite it."""
    item = next((li for li in page.select("article li") if li.get_text(" ", strip=True).startswith(key + " ")), None)
    assert item is not None, key
    own = item.find("a", class_="sd-external")
    where = [a.get_text() for a in item.find_all("a") if a is not own]
    return (str(own["href"]) if own else None), where


def test_cited_documents(built_site: BuiltSite) -> None:
    page = article(built_site.site, "documents/")
    href, where = cited(page, "A/CONF.213/18")
    assert href == "https://undocs.org/A/CONF.213/18"
    assert "Resolution 2010/18, preambular paragraph 7" in where
    assert "Resolution 2010/18, operative paragraph 3" in where
    assert cited(page, "E/CN.15/2007/6")[1] == ["Resolution 2010/18, operative paragraph 14"]
    assert cited(page, "General Assembly resolution 46/152")[1] == [
        "Resolution 2010/18, preambular paragraph 3", "Salvador Declaration, preambular paragraph 1"]
    assert cited(page, "General Assembly resolution 55/25")[1] == ["Resolution 2010/18, operative paragraph 7"]
    assert cited(page, "Economic and Social Council resolution 155 C (VII)")[1] == [
        "Resolution 2010/18, preambular paragraph 1"]
    assert cited(page, "Economic and Social Council resolution 2005/20")[1] == ["Salvador Declaration, paragraph 26"]
    assert "Salvador Declaration, paragraph 17" in cited(page, "United Nations, Treaty Series, No. 42146")[1]
    for link in page.select("a.sd-external"):
        assert link["href"].startswith("https://") and link.get("rel") == ["noopener"]


def test_an_unsupported_theme_assignment_stops_the_build(tmp_path: Path) -> None:
    files = load(ROOT / SEED)
    bad = files.themes_text.replace("paragraphs: [att_1__para_12]", "paragraphs: [att_1__para_12, att_1__para_1]")
    with pytest.raises(InputError) as caught:
        build(type(files)(**{**files.__dict__, "themes_text": bad}))
    messages = [d.format() for d in caught.value.diagnostics]
    assert len(messages) == 1
    assert "paragraph 'att_1__para_1' does not say any evidence word of theme 'cultural-property'" in messages[0]


def test_theme_tags_and_pages(built_site: BuiltSite) -> None:
    page = article(built_site.site, "declaration/42/")
    tags = [(a.get_text(), a["href"]) for a in page.select("nav.md-tags a.md-tag")]
    assert ("Cybercrime", "../../themes/cybercrime/#tag:cybercrime") in tags
    theme = article(built_site.site, "themes/cybercrime/")
    assert [a.get_text(strip=True) for a in theme.select("ul a")] == [
        "Resolution 2010/18, operative paragraph 9", "Resolution 2010/18, operative paragraph 12",
        "Salvador Declaration, paragraph 39", "Salvador Declaration, paragraph 40",
        "Salvador Declaration, paragraph 41", "Salvador Declaration, paragraph 42",
    ]
    index = article(built_site.site, "themes/")
    assert len(index.select("li a")) >= 16
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert 'href="themes/"' in home and 'href="data/"' in home


def test_open_data_exports(built_site: BuiltSite) -> None:
    data_dir = built_site.site / "data"
    assert (data_dir / "index.html").is_file()
    document = json.loads((data_dir / "document.json").read_text(encoding="utf-8"))
    paragraphs = {p["eId"]: p for p in document["paragraphs"]}
    assert len(paragraphs) == 88
    p42 = paragraphs["att_1__para_42"]
    assert p42["label"] == "Salvador Declaration, paragraph 42"
    assert p42["public_url"] == PUBLIC_ADDRESS + "declaration/42/"
    assert p42["backlinks"][0]["from"] == "para_9" and p42["backlinks"][0]["relation"] == "in line with"
    assert p42["parallels"][0]["resolution"] == "para_9"
    assert "cybercrime" in p42["themes"]
    assert paragraphs["para_10"]["footnotes"] == [6]
    assert next(f for f in document["footnotes"] if f["number"] == 7)["stands_for"].startswith(
        "United Nations, Treaty Series")
    ids = json.loads((data_dir / "ids.json").read_text(encoding="utf-8"))
    assert ids == json.loads((ROOT / "source" / "ecosoc-resolution-2010-18.ids.json").read_text(encoding="utf-8"))

    root = ET.parse(data_dir / "document.akn.xml").getroot()  # well-formed, or this raises
    assert root.tag == f"{AKN}akomaNtoso"
    statement = root.find(f"{AKN}statement")
    assert statement.find(f"{AKN}preamble") is not None and statement.find(f"{AKN}mainBody") is not None
    attachment = statement.find(f"{AKN}attachments/{AKN}attachment")
    assert attachment.get("eId") == "att_1"
    para42 = root.find(".//*[@eId='att_1__para_42']")
    assert para42 is not None and para42.find(f"{AKN}num").text == "42."
    # The text's eIds, not the metadata's (TLCOrganization) nor the notes'.
    in_meta = {el for meta in root.iter(f"{AKN}meta") for el in meta.iter()}
    eids = [el.get("eId") for el in root.iter()
            if el.get("eId") and "authorialNote" not in el.get("eId", "") and el not in in_meta]
    assert [e for e in eids if e != "att_1"] == [e["eId"] for e in ids]
    note63 = root.find(f".//{AKN}authorialNote[@marker='63']")
    assert note63 is not None
    marker_6 = [n.get("marker") for n in root.iter(f"{AKN}authorialNote")].count("6")
    assert marker_6 == 2  # cited by resolution 10 and Declaration 49
    # A paragraph's words are in its element, in order (42 cites no footnote).
    assert "".join("".join(para42.itertext()).split()) == "42." + "".join(p42["text"].split())


def test_lettered_points_carry_the_same_themes_in_pages_and_in_document_json() -> None:
    """A theme that names a paragraph covers its lettered points (the evidence
    check reads them): each point's page tags and its ``themes`` in
    document.json must say so alike. Built from a corpus document with
    lettered points and a themes file naming their paragraph."""
    source = ROOT / "tests" / "data" / "corpus" / "a-res-80-3-awaza-political-declaration.md"
    files = load(source)
    site = build(files, check_registry=False)
    units = site_units(site)
    parent = next(u for u in units if u.kind == "paragraph" and u.num == "13")
    points = [u for u in units if u.point is not None and u.block is parent.block]
    assert points, "paragraph 13 of A/RES/80/3 has lettered points"
    themes = f"themes:\n  awaza:\n    title: Awaza Programme\n    evidence: [Awaza Programme of Action]\n" \
             f"    paragraphs: [{parent.eid}]\n"
    site = build(type(files)(**{**files.__dict__, "themes_text": themes}), check_registry=False)
    pages = render(site)
    data = {p["eId"]: p for p in json.loads(pages["data/document.json"])["paragraphs"]}
    titles = {t.slug: t.title for t in site.themes}
    for unit in site_units(site):
        front = yaml.safe_load(pages[unit.page].split("---\n")[1])
        assert (front.get("tags") or []) == [titles[s] for s in data[unit.eid]["themes"]], unit.eid
    assert data[points[0].eid]["themes"] == ["awaza"] and data[parent.eid]["themes"] == ["awaza"]
