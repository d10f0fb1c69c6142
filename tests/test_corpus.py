"""Any resolution in the same format: the corpus documents of
tests/data/corpus/ build strict (a warning fails the build) and whole, with
nothing written for them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_robustness import crawl

from conftest import ROOT, BuiltSite, build_site, copy_project, one, rendered_words, unzip_bundle

CORPUS = ROOT / "tests" / "data" / "corpus"
DOCUMENTS = sorted(CORPUS.glob("*.md"))

if len(DOCUMENTS) < 2:
    # A missing corpus is a broken checkout, not a reason to skip.
    pytest.fail(f"{CORPUS} holds {len(DOCUMENTS)} documents: restore them from git (see tests/data/README.md)",
                pytrace=False)


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[d.stem for d in DOCUMENTS])
def corpus_site(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuiltSite]:
    project = copy_project(tmp_path_factory.mktemp(request.param.stem[:12]))
    return request.param, build_site(project, source=str(request.param))


def expected_pages(source: Path) -> list[str]:
    """Every numbered paragraph and lettered point of the source, as page URLs."""
    urls, part, paragraph = [], "resolution", None
    for line in source.read_text(encoding="utf-8").split("\n"):
        if re.match(r"## .*Annex", line):
            part = "annex"
        elif match := re.match(r"(\d+)\. ", line):
            paragraph = match[1]
            urls.append(f"{part}/{paragraph}/")
        elif match := re.match(r"\(([a-z])\) ", line):
            urls.append(f"{part}/{paragraph}/{match[1]}/")
    return urls


def source_words(source: Path) -> list[str]:
    kept = []
    for raw in re.split(r"\n\s*\n", source.read_text(encoding="utf-8")):
        block = raw.strip()
        if not block or block == "---" or re.match(r"<sup>\d+</sup>", block):
            continue
        kept.append(block)
    text = re.sub(r"<sup>\d+</sup>", "", "\n".join(kept))
    text = re.sub(r"^#+ ", "", text, flags=re.MULTILINE)
    return text.replace("*", "").split()


def view_words(site: Path, view: str) -> list[str]:
    html = (site / view / "index.html").read_text(encoding="utf-8")
    page = one(BeautifulSoup(html, "html.parser"), "article.md-content__inner")
    for selector in [".sd-fnref", ".sd-pagelink", ".sd-copy", ".sd-footnotes", ".admonition", ".sd-apparatus",
                     ".sd-apparatus-title", ".sd-footnotes-title", ".sd-margin", "script", ".sd-authority",
                     ".sd-present-tools"]:
        for element in page.select(selector):
            element.decompose()
    return rendered_words(page)


def test_a_page_for_every_paragraph_and_point(corpus_site) -> None:
    source, built = corpus_site
    urls = expected_pages(source)
    assert len(urls) > 20
    for url in urls:
        assert (built.site / url / "index.html").is_file(), url
    points = [u for u in urls if re.search(r"/[a-z]/$", u)]
    for url in points:
        html = (built.site / url / "index.html").read_text(encoding="utf-8")
        number, letter = url.rstrip("/").split("/")[-2:]
        assert f'id="att_1__para_{number}__list_1__point_{letter}"' in html, url


def test_words_of_the_source_in_order_in_the_reading_views(corpus_site) -> None:
    source, built = corpus_site
    shown = view_words(built.site, "resolution") + view_words(built.site, "annex")
    assert shown == source_words(source)


def test_unnumbered_operative_paragraph_and_sections(corpus_site) -> None:
    source, built = corpus_site
    if "80-9" in source.name:
        # "*Adopts* …" is the resolution's only operative paragraph, printed without a number.
        html = (built.site / "resolution" / "1" / "index.html").read_text(encoding="utf-8")
        h1 = BeautifulSoup(html, "html.parser").h1
        assert h1.contents[0].strip() == "Resolution 80/9, operative paragraph (unnumbered)"
        assert 'id="para_1"' in html and "sd-num" not in html.split('id="para_1"')[1].split("</p>")[0]
        assert not (built.site / "resolution" / "preamble").exists()
    else:
        view = (built.site / "annex" / "index.html").read_text(encoding="utf-8")
        headings = BeautifulSoup(view, "html.parser").select("h3.sd-section-heading")
        assert [h["id"] for h in headings] == [f"att_1__hcontainer_{n}" for n in range(1, 6)]
        assert headings[0].get_text(strip=True) == "I. Global context and shared commitments"
        page = (built.site / "annex" / "3" / "index.html").read_text(encoding="utf-8")
        assert "I. Global context and shared commitments" in page
        assert 'href="../#att_1__hcontainer_1"' in page


def test_footnotes_and_ibid_chains(corpus_site) -> None:
    source, built = corpus_site
    numbers = re.findall(r"^<sup>(\d+)</sup>", source.read_text(encoding="utf-8"), flags=re.MULTILINE)
    page = BeautifulSoup((built.site / "footnotes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [el.get_text() for el in page.select(".sd-fn-num")] == numbers


def test_no_settings_file_no_invented_address(corpus_site) -> None:
    """The corpus documents have no settings file, so no public address: no
    file of the build — pages, data, generated config, sitemap, offline
    bundle — names a placeholder host, and no page claims an address."""
    source, built = corpus_site
    assert not source.with_suffix(".yml").exists()
    bundle = unzip_bundle(built.project, str(source))
    offenders = [
        str(path) for root in (built.site, built.project / "docs", built.project / ".generated", bundle.root)
        for path in root.rglob("*") if path.is_file() and b"example.org" in path.read_bytes()
    ]
    assert offenders == []
    # MkDocs writes relative <loc>s without an address: no sitemap at all.
    assert not (built.site / "sitemap.xml").exists() and not (built.site / "sitemap.xml.gz").exists()
    for page in (built.site / "index.html", built.site / "resolution" / "1" / "index.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert html.select('link[rel="canonical"], meta[property="og:url"], meta[property="og:image"]') == []
        # No address to copy: Copy link takes the page's own address online,
        # and gives the citation from file:// (docs/assets/cite.js).
        assert html.select("button.sd-copy--link[data-copy], button.sd-copy--compact[data-copy]") == []
    data = json.loads((built.site / "data" / "document.json").read_text(encoding="utf-8"))
    assert data["site_url"] is None and {p["public_url"] for p in data["paragraphs"]} == {None}


def test_without_a_subjects_file_the_opening_words_stand_in(corpus_site) -> None:
    """No subjects file: each paragraph is named by its opening words,
    quoted and marked as such ("Opens:"), never as the editors' subject."""
    _, built = corpus_site
    page = BeautifulSoup((built.site / "annex" / "3" / "index.html").read_text(encoding="utf-8"), "html.parser")
    subject = one(page, "h1 .sd-subject")
    assert "sd-subject--opening" in subject["class"]
    assert str(subject["title"]).startswith("The paragraph’s opening words")
    assert subject.get_text().startswith("Opens: “")
    assert page.title.get_text().startswith("3 · “") and "Editors" not in page.title.get_text()
    home = BeautifulSoup((built.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "listed with its opening words" in home.select_one(".sd-toc-note").get_text()
    assert not home.select('.sd-toc .sd-subject[title="Editors’ subject"]')


def test_no_page_links_to_a_page_that_is_not_built(corpus_site) -> None:
    # A document without a themes file has no /themes/: nothing links there.
    _, built = corpus_site
    checked, broken = crawl(built.site)
    assert checked > 500 and broken == []


def test_the_missing_page_lists_the_document_s_own_numbers(corpus_site) -> None:
    source, built = corpus_site
    page = BeautifulSoup((built.site / "404.html").read_text(encoding="utf-8"), "html.parser")
    listed = " ".join(page.select_one(".sd-contents").get_text("").split())
    checked = 0
    for part, words in (("resolution", "operative paragraphs"), ("annex", "paragraphs")):
        numbers = [int(m[1]) for u in expected_pages(source) if (m := re.fullmatch(rf"{part}/(\d+)/", u))]
        if numbers:  # a resolution may have only an unnumbered operative paragraph
            assert f"{words} {min(numbers)}–{max(numbers)}" in listed, listed
            checked += 1
    assert checked
