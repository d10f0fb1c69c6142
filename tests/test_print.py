"""Print in Chromium: every paragraph page on one A4 and one Letter page,
with a header line that says what it is and where it lives; reading views
that start with the document's title; no chrome, no theme-chip addresses,
no stray ↩.

Pages are counted in the PDF that page.pdf() writes: Chromium writes each
page as an uncompressed ``/Type /Page`` object."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PUBLIC_ADDRESS, BuiltSite, report

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
PAPER = ["A4", "Letter"]
CHROME = [".md-header", ".md-sidebar", ".md-footer", ".md-tabs", ".md-top", ".md-search"]


def pdf_pages(pdf: bytes) -> int:
    return len(PAGE_OBJECT.findall(pdf))


def paragraph_pages(site: Path) -> list[str]:
    """Every paragraph page of the built site (…/N/ and …/preamble/N/)."""
    found = [path.parent.relative_to(site).as_posix() for path in site.glob("*/**/index.html")]
    return sorted(f"/{path}/" for path in found if re.fullmatch(r"[a-z]+/(preamble/)?\d+(/[a-z])?", path))


def test_the_page_count_is_read_from_the_pdf(page, site_url: str) -> None:
    # The counter itself: a page that must run over several sheets.
    page.goto(site_url + "/declaration/")
    assert pdf_pages(page.pdf(format="A4")) > 3


# Whether an element has an address printed after it (layout.css prints
# a link's data-print-href after it).
PRINTS_ADDRESS = "el => !['none', 'normal'].includes(getComputedStyle(el, '::after').content)"


def test_every_paragraph_page_prints_on_one_page(page, site_url: str, built_site: BuiltSite) -> None:
    """Each paragraph page, on A4 and on Letter: one page, no blank second
    one; a header line with the page's title (document, paragraph and
    subject) and its public address; no ↩, no theme-chip addresses."""
    urls = paragraph_pages(built_site.site)
    assert len(urls) >= 88
    longer: list[tuple[str, str, int]] = []
    wrong: list[tuple[str, ...]] = []
    chipped = 0
    for url in urls:
        page.goto(site_url + url)
        text = printed(page)
        title = page.locator('meta[property="og:title"]').get_attribute("content")
        if text.strip().splitlines()[:2] != [title, PUBLIC_ADDRESS + url.lstrip("/")]:
            wrong.append((url, "header", *text.strip().splitlines()[:2]))
        if "↩" in text:
            wrong.append((url, "↩"))
        chips = page.locator(".md-typeset .md-tag").all()
        chipped += bool(chips)
        if any(not chip.is_visible() or chip.evaluate(PRINTS_ADDRESS) for chip in chips):
            wrong.append((url, "theme chips"))
        for paper in PAPER:
            count = pdf_pages(page.pdf(format=paper))
            if count != 1:
                longer.append((url, paper, count))
    assert longer == []
    assert wrong == []
    assert chipped >= 50, "most paragraphs have themes"
    report(f"paragraph pages printed on one A4 and one Letter page: {len(urls)} of {len(urls)}")


def printed(page) -> str:
    """The text as printed: what print styles leave visible."""
    page.emulate_media(media="print")
    return page.evaluate("document.body.innerText")


def test_a_paragraph_page_prints_a_header_line_and_no_chrome(page, site_url: str) -> None:
    page.goto(site_url + "/declaration/49/")
    title = page.locator('meta[property="og:title"]').get_attribute("content")
    canonical = page.locator("link[rel=canonical]")
    text = printed(page)
    header = text.strip().splitlines()[:2]
    assert header[0] == title == "49 · Expert group on the Standard Minimum Rules for prisoners — Salvador Declaration"
    # The site has a public address (SITE_URL): the page's own.
    assert header[1] == canonical.get_attribute("href") == PUBLIC_ADDRESS + "declaration/49/"
    # Links print where they lead; theme chips do not.
    assert page.locator(".sd-backlinks a, .sd-parallels a").first.evaluate(PRINTS_ADDRESS)
    for chrome in [*CHROME, ".sd-tools", ".sd-prevnext", ".footnote-backref"]:
        for element in page.locator(chrome).all():
            assert not element.is_visible(), chrome
    assert "↩" not in text
    assert NOTE_6_START in text, "the footnote prints"
    # Theme chips print their names, not their addresses.
    chip = page.locator(".md-tag").first
    assert chip.is_visible()
    assert chip.evaluate("el => getComputedStyle(el, '::after').content") == "none"


NOTE_6_START = "Human Rights: A Compilation of International Instruments"


def test_a_theme_page_prints_its_paragraphs_in_full(page, site_url: str) -> None:
    """On paper a theme page holds the text of each of its paragraphs, word
    for word as on the paragraph's own page, not a list of links."""
    page.goto(site_url + "/themes/cybercrime/")
    eids = page.locator(".md-typeset p.sd-para").evaluate_all("els => els.map(el => el.id)")
    assert len(eids) == 6
    own_page = page.context.new_page()
    text = printed(page)
    words = text.split()
    for eid in eids:
        assert page.locator(f"#{eid}").is_visible(), eid
        annex, number = re.fullmatch(r"(att_1__)?para_(\d+)", eid).groups()
        own_page.goto(f"{site_url}/{'declaration' if annex else 'resolution'}/{number}/")
        own = own_page.locator(f"#{eid}").inner_text().split()
        assert len(own) > 20, eid
        assert any(words[i:i + len(own)] == own for i in range(len(words))), eid
    own_page.close()
    # Each whole paragraph, not the page's opening words alone.
    assert "propose new national and international legal or other responses to cybercrime." in text
    for paper in PAPER:
        assert pdf_pages(page.pdf(format=paper)) >= 2, paper


@pytest.mark.parametrize("url", ["/declaration/", "/resolution/", "/themes/cybercrime/"])
def test_reading_views_and_theme_pages_print_their_title_first_and_no_chrome(page, site_url: str, url: str) -> None:
    page.goto(site_url + url)
    title = page.locator('meta[property="og:title"]').get_attribute("content")
    assert printed(page).strip().splitlines()[0] == title
    for chrome in CHROME:
        for element in page.locator(chrome).all():
            assert not element.is_visible(), chrome
    for paper in PAPER:
        count = pdf_pages(page.pdf(format=paper))
        report(f"{url} printed on {paper}: {count} pages")
