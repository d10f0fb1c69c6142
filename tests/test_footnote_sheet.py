"""Footnotes and previews on a phone, in Chromium with touch (390 x 844):
a tapped footnote opens in place and the page does not move; previews
leave the paragraph being read in sight. Online and from file://."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from readability import BOX, CONTRAST, FONT_SIZE

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SHEET = "#sd-sheet"
NOTE_6 = "Human Rights: A Compilation of International Instruments"


@pytest.fixture(params=["http", "file"])
def phone(request, browser, site_url: str, offline_site: Path):
    """A phone, and the address of a page on it: online or in the bundle."""
    context = browser.new_context(**PHONE)
    page = context.new_page()

    def address(path: str) -> str:
        if request.param == "http":
            return site_url + path
        return (offline_site / (path.strip("/") + ".html" if path != "/" else "index.html")).as_uri()

    yield page, address
    context.close()


def scroll_position(page) -> float:
    return page.evaluate("window.scrollY")


def mark_is_uncovered(page, mark) -> bool:
    """Whether a tap at the middle of the mark lands on the mark."""
    return mark.evaluate("""el => { const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return el === hit || el.contains(hit); }""")


def test_a_tapped_footnote_opens_in_place_and_the_page_does_not_move(phone) -> None:
    page, address = phone
    url = address("/declaration/49/")
    page.goto(url)
    mark = page.locator("a.footnote-ref", has_text=re.compile(r"^6$"))
    before = scroll_position(page)
    mark.tap()
    sheet = page.locator(SHEET)
    sheet.wait_for(state="visible")
    page.wait_for_timeout(300)  # anything that would scroll has happened
    assert scroll_position(page) == before
    assert page.url == url, "the tap did not follow the link"
    # On the screen, where the reader is: not below the fold.
    shown = sheet.evaluate(BOX)
    assert shown["top"] >= 0 and shown["bottom"] <= 844, shown
    assert shown["height"] >= 100, shown
    assert sheet.locator(".sd-sheet__title").inner_text() == "Footnote 6"
    assert NOTE_6 in sheet.inner_text()
    assert "↩" not in sheet.inner_text()
    # Material's own popover does not open under it.
    assert not page.locator(".md-tooltip2--active").is_visible()
    close = sheet.get_by_role("button", name="Close the footnote")
    assert close.is_visible()
    box = close.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert mark_is_uncovered(page, mark)
    # A second tap on the mark closes it.
    mark.tap()
    sheet.wait_for(state="hidden")
    # Escape closes it, and so does its close button.
    mark.tap()
    sheet.wait_for(state="visible")
    page.keyboard.press("Escape")
    sheet.wait_for(state="hidden")
    mark.tap()
    sheet.wait_for(state="visible")
    close.tap()
    sheet.wait_for(state="hidden")
    assert scroll_position(page) == before
    assert page.url == url


def test_the_sheet_links_to_every_paragraph_that_cites_the_note(phone) -> None:
    page, address = phone
    page.goto(address("/declaration/49/"))
    page.locator("a.footnote-ref", has_text=re.compile(r"^6$")).tap()
    link = page.locator(SHEET).get_by_role("link", name="Every paragraph that cites footnote 6")
    link.tap()
    page.wait_for_url(re.compile(r".*/footnotes(/|\.html)#footnote-6$"))
    entry = page.locator("#footnote-6 + .sd-citedby")
    assert entry.is_visible()
    cited_in = entry.inner_text()
    assert "Resolution 2010/18, operative paragraph 10" in cited_in
    assert "Salvador Declaration, paragraph 49" in cited_in


def test_the_sheet_text_is_large_and_dark_enough(browser, site_url: str) -> None:
    for scheme in ["light", "dark"]:
        context = browser.new_context(color_scheme=scheme, **PHONE)
        page = context.new_page()
        page.goto(site_url + "/declaration/49/")
        page.locator("a.footnote-ref").first.tap()
        text = page.locator(f"{SHEET} .sd-sheet__body p").first
        assert text.evaluate(FONT_SIZE) >= 15
        assert text.evaluate(CONTRAST) >= 7, scheme
        context.close()


def test_a_mark_low_on_the_screen_gets_the_sheet_at_the_top(browser, site_url: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + "/declaration/")
    mark = page.locator('a.footnote-ref[href="#fn:15"]')
    # Scroll so that the mark sits 80 px above the bottom of the screen.
    page.evaluate("""el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY
                                              - window.innerHeight + 80)""", mark.element_handle())
    page.wait_for_timeout(200)
    before = scroll_position(page)
    mark.tap()
    sheet = page.locator(SHEET)
    sheet.wait_for(state="visible")
    page.wait_for_timeout(300)
    assert scroll_position(page) == before
    assert sheet.evaluate(BOX)["bottom"] <= mark.evaluate(BOX)["top"]
    assert mark_is_uncovered(page, mark)
    # Tapping elsewhere closes it.
    page.locator("#att_1__para_1").tap(position={"x": 5, "y": 5})
    sheet.wait_for(state="hidden")
    context.close()


def test_a_mouse_click_still_goes_to_the_list(page, site_url: str) -> None:
    page.goto(site_url + "/declaration/49/")
    page.locator("a.footnote-ref").click()
    page.wait_for_url(re.compile(r".*#fn:6$"))
    assert not page.locator(SHEET).is_visible()


def boxes_overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize(("url", "link", "paragraph"), [
    ("/resolution/9/", "#para_9 a.sd-ref", "#para_9"),
    ("/resolution/11/", "#para_11 a.sd-ref", "#para_11"),
    ("/resolution/", "#para_11 a.sd-ref", "#para_11"),
])
def test_a_preview_on_a_phone_leaves_the_paragraph_in_sight(browser, site_url: str, url: str, link: str,
                                                            paragraph: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + url)
    page.locator(link).first.scroll_into_view_if_needed()
    page.locator(link).first.tap()
    preview = page.locator("#sd-preview")
    preview.wait_for(state="visible")
    shown, read = preview.evaluate(BOX), page.locator(paragraph).evaluate(BOX)
    assert not boxes_overlap(shown, read), f"the preview {shown} covers the paragraph {read}"
    assert shown["top"] >= 0 and shown["bottom"] <= 844, "on the screen"
    context.close()
