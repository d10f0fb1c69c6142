"""Cross-reference previews in Chromium: hover, keyboard focus, touch, and
from file:// with no server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PREVIEW = "#sd-preview"
EXPECTED = "an open-ended intergovernmental expert group"
DECLARATION_42 = re.compile(r".*/declaration/42(/|\.html)$")


def open_preview_by_hover(page) -> None:
    link = page.locator("#para_9 a.sd-ref")
    link.hover()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible")
    assert preview.inner_text().startswith("Salvador Declaration, paragraph 42")
    assert EXPECTED in preview.inner_text()
    assert link.get_attribute("aria-describedby") == "sd-preview"


@pytest.fixture(params=["http", "file"])
def resolution_9(request, page, site_url: str, offline_site: Path):
    if request.param == "http":
        page.goto(f"{site_url}/resolution/9/")
    else:
        page.goto((offline_site / "resolution" / "9.html").as_uri())
    return page


def test_hover_shows_the_target_paragraph_and_stays_while_on_it(resolution_9) -> None:
    page = resolution_9
    open_preview_by_hover(page)
    box = page.locator(PREVIEW).bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 20, steps=4)
    page.wait_for_timeout(500)
    assert page.locator(PREVIEW).is_visible()
    page.mouse.move(5, 890)
    page.locator(PREVIEW).wait_for(state="hidden")


def test_focus_shows_it_escape_closes_it_enter_follows(resolution_9) -> None:
    page = resolution_9
    page.locator("#para_9 a.sd-ref").focus()
    page.locator(PREVIEW).wait_for(state="visible")
    assert EXPECTED in page.locator(PREVIEW).inner_text()
    page.keyboard.press("Escape")
    page.locator(PREVIEW).wait_for(state="hidden")
    page.keyboard.press("Enter")
    page.wait_for_url(DECLARATION_42)
    assert page.locator("#att_1__para_42").is_visible()


def test_reading_view_previews_same_page_references(page, site_url: str) -> None:
    page.goto(f"{site_url}/resolution/")
    page.locator("#para_11 a.sd-ref").first.hover()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible")
    assert preview.inner_text().startswith("Resolution 2010/18, operative paragraph 9")


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_first_tap_previews_second_tap_follows(browser, site_url: str, offline_site: Path, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    url = f"{site_url}/resolution/9/" if scheme == "http" else (offline_site / "resolution" / "9.html").as_uri()
    page.goto(url)
    link = page.locator("#para_9 a.sd-ref")
    link.tap()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible")
    assert EXPECTED in preview.inner_text()
    assert page.url == url, "the first tap does not leave the page"
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, "the preview fits a 360 px screen"
    link.tap()
    page.wait_for_url(DECLARATION_42)
    context.close()
