"""Readers who guess or mistype: /resolution/preamble/ and
/declaration/preamble/ list the preambular paragraphs, and an address that
does not exist shows a page that says what exists (from the document),
offers search and links home. Checked in Chromium, as a server that
serves 404.html for a missing address shows it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT, SEED, BuiltSite, block_requests

REGISTRY = json.loads((ROOT / SEED).with_suffix(".ids.json").read_text(encoding="utf-8"))


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Like a static host: a missing address gets 404.html, status 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_with_404(directory: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFoundHandler,
                                                                                 directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def expected_ranges() -> list[str]:
    """"preambular paragraphs 1–7" … from the committed id registry."""
    found = []
    for folder, numbered in (("resolution", "operative paragraphs"), ("declaration", "paragraphs")):
        for kind, words in (("preamble", "preambular paragraphs"), ("paragraph", numbered)):
            numbers = [int(e["page_url"].rstrip("/").rsplit("/", 1)[1]) for e in REGISTRY
                       if e["kind"] == kind and e["page_url"].startswith(f"/{folder}/")]
            found.append(f"{words} {min(numbers)}–{max(numbers)}")
    return found


def test_a_missing_address_says_what_exists_and_offers_search_and_home(built_site: BuiltSite, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serve_with_404(built_site.site) as url:
        blocked = block_requests(context, url)
        response = page.goto(f"{url}/declaration/99/", wait_until="load")
        assert response is not None and response.status == 404
        assert page.locator("h1").inner_text() == "There is no page at this address"
        listed = " ".join(page.locator(".sd-contents").inner_text().split())
        assert expected_ranges() == [r for r in expected_ranges() if r in listed], listed
        names = ["Resolution 2010/18", "Salvador Declaration"]
        assert [name for name in names if name in listed] == names
        # Its links work at any depth.
        page.locator(".sd-contents a", has_text="preambular paragraphs").last.click()
        page.wait_for_url(f"{url}/declaration/preamble/")
        page.goto(f"{url}/resolution/preamble/99/", wait_until="load")
        page.locator(".sd-contents").get_by_role("link", name="18", exact=True).click()
        page.wait_for_url(f"{url}/resolution/18/")
        # The H1: the label, then the editors' subject (issue 16).
        assert page.locator("h1").inner_text().startswith("Resolution 2010/18, operative paragraph 18\n")
        # Search, from the page itself.
        page.goto(f"{url}/no/such/page/", wait_until="load")
        page.locator("label", has_text="Search the text").click()
        page.keyboard.type("cybercrime", delay=10)
        first = page.locator(".md-search-result__item").first
        first.wait_for(state="visible")
        assert "cybercrime" in first.inner_text().lower()
        # Home.
        page.goto(f"{url}/resolution/x/", wait_until="load")
        page.get_by_role("link", name="go to the home page").click()
        page.wait_for_url(f"{url}/")
        assert page.locator("h1").first.inner_text() == "Salvador Declaration reader"
    context.close()
    assert blocked == []


def test_the_preamble_folders_list_their_paragraphs(page, site_url: str) -> None:
    for folder, label in (("resolution", "Resolution 2010/18"), ("declaration", "Salvador Declaration")):
        expected = [e for e in REGISTRY if e["kind"] == "preamble" and e["page_url"].startswith(f"/{folder}/")]
        page.goto(f"{site_url}/{folder}/preamble/", wait_until="load")
        assert page.locator("h1").inner_text() == f"{label}: preambular paragraphs"
        links = page.locator("article li a")
        assert links.count() == len(expected)
        for index, entry in enumerate(expected):
            link = links.nth(index)
            assert link.get_attribute("aria-label") == entry["label"]
            assert link.evaluate("a => new URL(a.href).pathname") == entry["page_url"]
        # Each item shows the paragraph's opening words.
        first = page.locator("article li").first.inner_text()
        page.goto(f"{site_url}{expected[0]['page_url']}", wait_until="load")
        opening = " ".join(page.locator(".sd-para").first.inner_text().split()[:5])
        assert opening in first
        # The home page leads there.
        page.goto(f"{site_url}/", wait_until="load")
        page.locator(f'article h4 a[href="{folder}/preamble/"]').click()
        page.wait_for_url(f"{site_url}/{folder}/preamble/")
