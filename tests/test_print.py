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

from conftest import BuiltSite, report

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


def test_every_paragraph_page_prints_on_one_page(page, site_url: str, built_site: BuiltSite) -> None:
    urls = paragraph_pages(built_site.site)
    assert len(urls) >= 88
    longer = []
    for url in urls:
        page.goto(site_url + url)
        for paper in PAPER:
            count = pdf_pages(page.pdf(format=paper))
            if count != 1:
                longer.append((url, paper, count))
    assert longer == []
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
    assert header[0] == title
    if canonical.count():  # the site has a public address: the page's own
        assert header[1] == canonical.get_attribute("href")
    else:
        assert not header[1].startswith("http")
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
