"""Reader tools on /declaration/42/ in Chromium: copy link, cite, read in
context, previous and next (and Material's p/n keys), print, share tags,
a 360 px phone, keyboard use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PUBLIC_ADDRESS, tab_until

PUBLIC = PUBLIC_ADDRESS + "declaration/42/"


@pytest.fixture
def clip_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_link_and_cite(clip_page, site_url: str) -> None:
    page = clip_page
    page.goto(f"{site_url}/declaration/42/")
    page.get_by_role("button", name="Copy link").click()
    assert clipboard(page) == PUBLIC
    assert page.get_by_role("status").inner_text() == "Link copied"
    page.get_by_role("button", name="Cite").click()
    page.get_by_role("button", name="Copy short citation").click()
    assert clipboard(page) == "Salvador Declaration, para. 42"
    assert page.get_by_role("status").inner_text() == "Citation copied"


def test_copy_link_from_file_gives_the_public_address(clip_page, offline_site: Path) -> None:
    page = clip_page
    page.goto((offline_site / "declaration" / "42.html").as_uri())
    page.get_by_role("button", name="Copy link").click()
    assert clipboard(page) == PUBLIC


def test_copy_link_in_the_reading_view(clip_page, site_url: str) -> None:
    page = clip_page
    page.goto(f"{site_url}/declaration/")
    buttons = page.locator(".sd-para .sd-copy")
    assert buttons.count() == 8 + 55
    page.get_by_role("button", name="Copy link to Salvador Declaration, paragraph 42").click()
    assert clipboard(page) == PUBLIC


def test_keyboard_reaches_and_uses_the_tools(clip_page, site_url: str) -> None:
    page = clip_page
    page.goto(f"{site_url}/declaration/42/")
    tab_until(page, "el.textContent === 'Copy link'", "Copy link", 40)
    page.keyboard.press("Enter")
    assert clipboard(page) == PUBLIC


def test_context_link_and_back(page, site_url: str) -> None:
    page.goto(f"{site_url}/declaration/42/")
    context = page.get_by_role("link", name="Read in context")
    assert context.evaluate("a => a.href") == f"{site_url}/declaration/#att_1__para_42"
    context.click()
    page.wait_for_url(f"{site_url}/declaration/#att_1__para_42")
    highlighted = page.locator("#att_1__para_42")
    assert highlighted.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.get_by_role("link", name="Salvador Declaration, paragraph 42: its own page").click()
    page.wait_for_url(f"{site_url}/declaration/42/")


def test_previous_and_next_in_document_order(page, site_url: str) -> None:
    page.goto(f"{site_url}/declaration/42/")
    prev_next = page.locator("nav.sd-prevnext a")
    assert prev_next.nth(0).locator(".sd-prevnext__label").inner_text() == "Salvador Declaration, paragraph 41"
    assert prev_next.nth(0).locator(".sd-subject").inner_text().endswith("Technical assistance against cybercrime")
    assert prev_next.nth(1).locator(".sd-prevnext__label").inner_text() == "Salvador Declaration, paragraph 43"
    page.keyboard.press("n")
    page.wait_for_url(f"{site_url}/declaration/43/")
    page.keyboard.press("p")
    page.wait_for_url(f"{site_url}/declaration/42/")
    page.keyboard.press("p")
    page.wait_for_url(f"{site_url}/declaration/41/")
    # Across parts: after the Declaration's last preambular paragraph comes
    # its paragraph 1; after the resolution's last, the Declaration begins.
    page.goto(f"{site_url}/declaration/preamble/8/")
    next_label = page.locator("nav.sd-prevnext a.sd-next .sd-prevnext__label")
    assert next_label.inner_text() == "Salvador Declaration, paragraph 1"
    page.goto(f"{site_url}/resolution/18/")
    assert next_label.inner_text() == "Salvador Declaration, preambular paragraph 1"
    page.goto(f"{site_url}/resolution/preamble/1/")
    assert page.locator("nav.sd-prevnext a.sd-prev").count() == 0


def test_share_tags(page, site_url: str) -> None:
    page.goto(f"{site_url}/declaration/42/")
    meta = lambda selector: page.locator(selector).get_attribute("content")  # noqa: E731
    # The title names the paragraph, its subject and its document once; no
    # site name after it.
    assert page.title() == "42 · Expert group on cybercrime — Salvador Declaration"
    assert meta('meta[property="og:description"]').startswith("We invite the Commission on Crime Prevention")
    assert meta('meta[name="description"]') == meta('meta[property="og:description"]')
    assert meta('meta[property="og:title"]') == "42 · Expert group on cybercrime — Salvador Declaration"
    assert meta('meta[property="og:url"]') == PUBLIC
    assert meta('meta[name="twitter:card"]') == "summary_large_image"  # with the share card
    assert page.locator('link[rel="canonical"]').get_attribute("href") == PUBLIC


def test_print_shows_text_and_link_targets_not_chrome(page, site_url: str) -> None:
    page.goto(f"{site_url}/resolution/9/")
    page.emulate_media(media="print")
    hidden = [".md-header", ".md-sidebar--primary", ".md-footer", ".sd-tools", ".sd-prevnext"]
    for selector in hidden:
        assert page.locator(selector).first.evaluate("el => getComputedStyle(el).display") == "none", selector
    assert page.locator("#para_9").is_visible()
    for selector, address in PRINTED_ON_RESOLUTION_9.items():
        assert printed_address(page, selector) == address, selector
    page.goto(f"{site_url}/declaration/26/")
    page.emulate_media(media="print")
    assert page.locator('li[id="fn:15"]').is_visible()


PUBLIC_ROOT = PUBLIC_ADDRESS
# Links on /resolution/9/ and the public address each must print.
PRINTED_ON_RESOLUTION_9 = {
    "#para_9 a.sd-ref": PUBLIC_ROOT + "declaration/42/",
    "a.sd-context": PUBLIC_ROOT + "resolution/#para_9",
}


def printed_address(page, selector: str) -> str:
    """What print media shows after a link: ' <address>'."""
    content = page.locator(selector).first.evaluate("a => getComputedStyle(a, '::after').content")
    match = re.fullmatch(r'" <(.*)>"', content)
    assert match, f"{selector}: {content}"
    return match[1]


def test_print_from_the_offline_bundle_gives_public_addresses(browser, offline_site: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((offline_site / "resolution" / "9.html").as_uri())
    page.emulate_media(media="print")
    for selector, address in PRINTED_ON_RESOLUTION_9.items():
        assert printed_address(page, selector) == address, selector
    # Every link in the text prints a public address, none a file:// one.
    addresses = page.eval_on_selector_all(".md-content a[data-print-href]",
                                          "links => links.map(a => a.getAttribute('data-print-href'))")
    assert addresses and all(a.startswith("https://") and ".html" not in a for a in addresses), addresses
    # Two folders down, and the top folder's home page.
    page.goto((offline_site / "declaration" / "preamble" / "3.html").as_uri())
    page.emulate_media(media="print")
    assert printed_address(page, "a.sd-context") == PUBLIC_ROOT + "declaration/#att_1__preamble__p_3"
    page.goto((offline_site / "index.html").as_uri())
    page.emulate_media(media="print")
    assert printed_address(page, ".md-content a[href='declaration/42.html']") == PUBLIC_ROOT + "declaration/42/"
    assert printed_address(page, ".md-content a[href='declaration/index.html']") == PUBLIC_ROOT + "declaration/"
    context.close()


def test_phone_layout(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    for url in ["/declaration/42/", "/declaration/", "/"]:
        page.goto(site_url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, url
    page.goto(f"{site_url}/declaration/42/")
    for name in ["Copy link", "Cite"]:
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, name
    box = page.get_by_role("link", name="Read in context").bounding_box()
    assert box["height"] >= 44
    page.goto(f"{site_url}/declaration/")
    box = page.get_by_role("button", name="Copy link to Salvador Declaration, paragraph 42").bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    context.close()
