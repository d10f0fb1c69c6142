"""What a reader does, in Debian's Chromium: hover or focus a footnote mark,
close it with Escape, open a deep link."""

from __future__ import annotations

from conftest import tab_until

TOOLTIP = ".md-tooltip2--active"


def test_hovering_a_footnote_mark_shows_its_printed_text(page, site_url: str) -> None:
    page.goto(f"{site_url}/resolution/10/")
    mark = page.locator("a.footnote-ref")
    assert mark.inner_text() == "6"
    mark.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith("Human Rights: A Compilation of International Instruments")
    # The "back to the text" arrow is not part of the popover's reading.
    assert "↩" not in tooltip.inner_text()
    # The popover stays open while the pointer moves onto it (WCAG 1.4.13) …
    box = page.locator(f"{TOOLTIP} .md-tooltip2__inner").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(400)
    assert page.locator(TOOLTIP).count() == 1
    # … and closes when the pointer leaves both.
    page.mouse.move(5, 890)
    page.locator(TOOLTIP).wait_for(state="detached")


def test_keyboard_focus_opens_the_popover_and_escape_closes_it(page, site_url: str) -> None:
    page.goto(f"{site_url}/declaration/26/")
    tab_until(page, "el.classList.contains('footnote-ref')", "a footnote mark", 60)
    assert page.evaluate("document.activeElement.textContent") == "15"
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert "vols. 1577, 2171 and 2173, No. 27531" in tooltip.inner_text()
    page.keyboard.press("Escape")
    page.locator(TOOLTIP).wait_for(state="detached")
    # The next Tab goes on from the mark: to the glossary terms between the
    # two marks (their first use on the page), then to footnote 16.
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.classList.contains('sd-term')"):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "16"
    page.locator(TOOLTIP).wait_for(state="visible")
    assert "Beijing Rules" in page.locator(TOOLTIP).inner_text()


def test_popover_of_a_footnote_without_body_shows_the_editors_note(page, site_url: str) -> None:
    page.goto(f"{site_url}/declaration/6/")
    page.locator("a.footnote-ref").hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith("Editors’ note:")


def test_deep_link_to_a_paragraph_page(page, site_url: str) -> None:
    page.goto(f"{site_url}/declaration/42/")
    assert page.title() == "42 · Expert group on cybercrime — Salvador Declaration"
    paragraph = page.locator("#att_1__para_42")
    assert paragraph.is_visible()
    text = paragraph.inner_text()
    assert text.startswith("42.") and "open-ended intergovernmental expert group" in text
    page.get_by_role("link", name="Read in context").click()
    page.wait_for_url(f"{site_url}/declaration/#att_1__para_42")
    in_context = page.locator("#att_1__para_42")
    assert in_context.is_visible()
    assert in_context.evaluate("el => el.matches(':target')")
    box = in_context.bounding_box()
    assert 0 <= box["y"] < 900, "the paragraph is scrolled into view"


def test_reading_view_page_link_opens_the_paragraph_alone(page, site_url: str) -> None:
    page.goto(f"{site_url}/resolution/")
    page.get_by_role("link", name="Resolution 2010/18, operative paragraph 9: its own page").click()
    page.wait_for_url(f"{site_url}/resolution/9/")
    assert page.locator("h1").inner_text().startswith("Resolution 2010/18, operative paragraph 9")
