"""Issue 19: what a first visit loads. Material's stylesheets are purged of
unused rules at build time (build_scripts/purge.py), and the online site
carries precompressed copies for hosts that serve them
(build_scripts/precompress.py). Budgets: tests/test_accessibility.py."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest
from mkdocs.exceptions import Abort

from build_scripts.purge import purge
from conftest import BuiltSite


@pytest.mark.parametrize("name", ["index.html", "declaration/42/index.html", "search/search_index.json"])
def test_text_files_have_identical_precompressed_copies(built_site: BuiltSite, name: str) -> None:
    original = (built_site.site / name).read_bytes()
    assert gzip.decompress((built_site.site / (name + ".gz")).read_bytes()) == original
    assert brotli.decompress((built_site.site / (name + ".br")).read_bytes()) == original


def test_every_stylesheet_and_script_is_precompressed(built_site: BuiltSite) -> None:
    assets = [p for p in (built_site.site / "assets").rglob("*") if p.suffix in (".css", ".js")]
    assert assets
    missing = [p for p in assets if p.stat().st_size >= 1024 and not p.with_name(p.name + ".br").is_file()]
    assert not missing


def test_offline_bundle_has_no_precompressed_copies(built_site: BuiltSite) -> None:
    """file:// never serves them: they would only make the zip larger."""
    bundle = next((built_site.site / "downloads").glob("*.zip"))
    names = zipfile.ZipFile(bundle).namelist()
    assert not [n for n in names if n.endswith((".br", ".html.gz", ".css.gz", ".js.gz"))]


def test_missing_purgecss_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(Abort, match=r"PurgeCSS is not installed; run 'npm ci'"):
        purge(tmp_path / "site", tmp_path / "node_modules")


SEARCH_FILES = ("search_index.json", "/workers/search.")


@pytest.mark.parametrize("opening", ["slash", "s", "click"])
def test_search_loads_only_when_the_reader_opens_it(page, site_url: str, opening: str) -> None:
    """No search worker nor index on a first visit (assets/lazy-search.js);
    the first time the reader opens search, both load and results come."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "/declaration/42/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if any(name in url for name in SEARCH_FILES)], requested
    if opening == "click":
        page.locator("[data-md-component=search-query]").click()
    else:
        page.keyboard.press("/" if opening == "slash" else "s")
    # Typed at once: the query waits for the index, as on a slow network.
    page.keyboard.type("violence", delay=5)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
    assert any("search_index.json" in url for url in requested)
    assert any("/workers/search." in url for url in requested)
