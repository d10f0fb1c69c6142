"""What other sites read from a page: og:type, og:image (the share card)
and its alt text, on every page."""

from __future__ import annotations

import io
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from PIL import Image

from build_scripts.card import card_png
from conftest import PUBLIC_ADDRESS, ROOT, SEED, BuiltSite, Bundle

METADATA = yaml.safe_load((ROOT / SEED.replace(".md", ".yml")).read_text(encoding="utf-8"))
PUBLIC = PUBLIC_ADDRESS
CARD = PUBLIC + "social/card.png"
ALT = f"{METADATA['site_name']}: {' '.join(METADATA['description'].split())}"


def meta(page: BeautifulSoup, name: str) -> str | None:
    tag = page.find("meta", attrs={"property": name}) or page.find("meta", attrs={"name": name})
    return str(tag["content"]) if tag else None


def test_every_page_has_the_card_and_its_type(built_site: BuiltSite) -> None:
    pages = sorted(p for p in built_site.site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 90
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        url = path.relative_to(built_site.site).as_posix()
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a retired id's redirect
        assert meta(page, "og:image") == CARD, url
        assert meta(page, "og:image:alt") == ALT, url
        assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630"), url
        assert meta(page, "og:type") == ("website" if url == "index.html" else "article"), url
        assert meta(page, "og:url") == PUBLIC + url.removesuffix("index.html"), url


def test_the_card_is_in_the_site_and_shows_the_alt_text(built_site: BuiltSite) -> None:
    card = (built_site.site / "social" / "card.png").read_bytes()
    with Image.open(io.BytesIO(card)) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
    # The card draws exactly the two texts its alt text gives.
    assert card == card_png(METADATA["site_name"], " ".join(METADATA["description"].split()))
    assert card != card_png(METADATA["site_name"], "Another description.")


def test_the_bundle_leaves_the_card_out(offline_bundle: Bundle) -> None:
    assert not (offline_bundle.root / "social").exists()


def test_a_browser_reads_the_share_tags_and_loads_the_card(page, site_url: str) -> None:
    page.goto(site_url + "/")
    tags = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"]')]
                                     .map(m => [m.getAttribute('property'), m.content]))"""
    )
    assert tags["og:type"] == "website" and tags["og:image"] == CARD and tags["og:image:alt"] == ALT
    # The public address is not served here: load the same path locally.
    local = site_url + "/" + Path(tags["og:image"].removeprefix(PUBLIC)).as_posix()
    size = page.evaluate(
        """async (src) => { const img = new Image(); img.src = src; await img.decode();
                            return [img.naturalWidth, img.naturalHeight]; }""",
        local,
    )
    assert size == [1200, 630]
    page.goto(site_url + "/declaration/42/")
    assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"
