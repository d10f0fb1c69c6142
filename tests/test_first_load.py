"""Issue 19: what a first visit loads. Material's stylesheets are purged of
unused rules at build time (build_scripts/purge.py), and the online site
carries precompressed copies for hosts that serve them
(build_scripts/precompress.py). Budgets: tests/test_accessibility.py."""

from __future__ import annotations

import gzip
import importlib.resources
import json
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import Abort

from build_scripts import purge as purge_module
from build_scripts import purge_key
from build_scripts.measure import first_load
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
        purge(tmp_path / "site", tmp_path / "node_modules", tmp_path / "cache")


def _shipped_stylesheets() -> Path:
    return Path(str(importlib.resources.files("material"))) / "templates" / "assets" / "stylesheets"


@pytest.fixture(scope="module")
def unpurged(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site as purge() is given it in a build: Material's
    stylesheets as shipped, no compressed copies nor offline bundle yet."""
    site = tmp_path_factory.mktemp("unpurged") / "site"
    shutil.copytree(built_site.site, site, ignore=shutil.ignore_patterns("*.br", "*.gz", "downloads"))
    names = sorted(p.name for p in (site / "assets" / "stylesheets").glob("*.min.css"))
    assert names
    for name in names:
        shutil.copyfile(_shipped_stylesheets() / name, site / "assets" / "stylesheets" / name)
    return site


def _copy(site: Path, destination: Path, edit: Callable[[Path], None] | None = None) -> Path:
    shutil.copytree(site, destination)
    if edit is not None:
        edit(destination)
    return destination


def _stylesheets(site: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((site / "assets" / "stylesheets").iterdir())}


def _purge_everything(site: Path) -> None:
    """A fresh PurgeCSS run given every page and script as read (no key,
    no cache): what the keyed run must always agree with."""
    node = shutil.which("node")
    assert node is not None
    subprocess.run([node, str(purge_module.SCRIPT), str(site), "--full"], check=True, capture_output=True)


def _replace(path: Path, old: str, new: str, count: int = -1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _reword(site: Path) -> None:
    """An edit to a paragraph's words, everywhere the build writes them:
    the pages' text and meta descriptions, their title attributes, the
    scripts' data (kit/paragraphs.js, search and jump data)."""
    changed = [p for p in site.rglob("*") if p.suffix in (".html", ".js")
               and "problem of cybercrime" in p.read_text(encoding="utf-8")]
    assert any(p.suffix == ".js" for p in changed) and len(changed) > 3
    for path in changed:
        _replace(path, "problem of cybercrime", "problem of cybercrime, edit 1,")
    page = site / "declaration" / "42" / "index.html"
    _replace(page, '<meta name="description" content="We invite', '<meta name="description" content="Edited, we invite')
    _replace(page, 'title="Editors’ subject"', 'title="Editors’ subject, edited"')


def test_an_edit_to_the_words_reuses_the_purged_stylesheets(unpurged: Path, built_site: BuiltSite,
                                                            tmp_path: Path) -> None:
    """PurgeCSS's result is kept by the key of what its decision reads
    (purge_css.mjs): words of the text, in pages or in scripts' data, are
    not part of it. The result reused is, byte for byte, what a fresh
    PurgeCSS run on the edited site writes."""
    modules, cache = built_site.project / "node_modules", tmp_path / "cache"
    first = purge(_copy(unpurged, tmp_path / "a"), modules, cache)
    edited = _copy(unpurged, tmp_path / "b", _reword)
    again = purge(edited, modules, cache)
    assert first.ran and not again.ran
    assert again.key == first.key
    fresh = _copy(unpurged, tmp_path / "c", _reword)
    _purge_everything(fresh)
    assert _stylesheets(edited) == _stylesheets(fresh)
    assert _stylesheets(edited) != _stylesheets(unpurged)


def _append_to_page(markup: str) -> Callable[[Path], None]:
    return lambda site: _replace(site / "declaration" / "42" / "index.html", "</body>", markup + "</body>")


# Each an edit that a rule of Material's stylesheets depends on (the rule
# is kept with it, dropped without): the key must change.
DEPENDED_ON: dict[str, Callable[[Path], None]] = {
    "an element": _append_to_page("<kbd>Ctrl</kbd>"),
    "a class": _append_to_page('<nav class="md-path"></nav>'),
    "an attribute": _append_to_page('<table><tr><th align="right">n</th></tr></table>'),
    # The attribute is on every page already: only its value is new.
    "an attribute's value": lambda site: _replace(site / "declaration" / "42" / "index.html",
                                                  'data-md-color-primary="indigo"', 'data-md-color-primary="red"', 1),
    "a class named in a script": lambda site: _replace(site / "assets" / "jump.js", "\n", '\n"md-path";\n', 1),
}


@pytest.fixture(scope="module")
def purged_unedited(unpurged: Path, built_site: BuiltSite,
                    tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, bytes]]:
    site = _copy(unpurged, tmp_path_factory.mktemp("unedited") / "site")
    outcome = purge(site, built_site.project / "node_modules", tmp_path_factory.mktemp("cache"))
    return outcome.key, _stylesheets(site)


@pytest.mark.parametrize("what", list(DEPENDED_ON))
def test_an_edit_a_rule_depends_on_changes_the_key(unpurged: Path, built_site: BuiltSite, tmp_path: Path,
                                                   purged_unedited: tuple[str, dict[str, bytes]], what: str) -> None:
    key, stylesheets = purged_unedited
    site = _copy(unpurged, tmp_path / "site", DEPENDED_ON[what])
    outcome = purge(site, built_site.project / "node_modules", tmp_path / "cache")
    assert outcome.ran
    assert outcome.key != key
    # The rule does depend on it: PurgeCSS keeps more.
    assert _stylesheets(site) != stylesheets


def test_the_same_site_again_does_not_run_node(unpurged: Path, built_site: BuiltSite, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """When no file changed at all, the digest of every file read names
    the key: the cached result is used without running Node."""
    modules, cache = built_site.project / "node_modules", tmp_path / "cache"
    first = purge(_copy(unpurged, tmp_path / "a"), modules, cache)
    runs: list[Path] = []
    monkeypatch.setattr(purge_module, "run_purgecss", lambda site, modules, cache: runs.append(site))
    again = _copy(unpurged, tmp_path / "b")
    assert purge(again, modules, cache) == purge_module.Purged(first.key, ran=False)
    assert runs == []
    assert _stylesheets(again) == _stylesheets(tmp_path / "a")


def test_a_result_being_removed_is_not_restored_in_part(unpurged: Path, built_site: BuiltSite,
                                                         tmp_path: Path) -> None:
    """Another build may be removing a cached result (only KEEP are kept)
    while this one finds it: a result with a stylesheet missing is not
    used, and the stylesheets are purged again."""
    modules, cache = built_site.project / "node_modules", tmp_path / "cache"
    first = purge(_copy(unpurged, tmp_path / "a"), modules, cache)
    removed = next((cache / first.key).rglob("*.min.css"))
    removed.unlink()
    again = _copy(unpurged, tmp_path / "b")
    assert purge(again, modules, cache) == purge_module.Purged(first.key, ran=True)
    assert _stylesheets(again) == _stylesheets(tmp_path / "a")


# Shortcuts from the site's files and from its selectors to the key, what
# the stylesheets' selectors ask, what was kept of each file.
SUFFIXES = (".key", ".selectors", ".asked.json", ".kept")


def test_the_cache_keeps_the_latest_of_each_kind(tmp_path: Path) -> None:
    """KEEP of each kind (results, both shortcuts, selector lists, what
    was kept of each file), the latest used; a result being stored (.tmp)
    is left alone."""
    names = [f"{n:064x}" for n in range(purge_module.KEEP + 2)]
    for age, name in enumerate(names):  # names[0] the latest
        entries = [tmp_path / name, *(tmp_path / f"{name}{suffix}" for suffix in SUFFIXES)]
        entries[0].mkdir()
        for entry in entries[1:]:
            entry.write_text("x")
        for entry in entries:
            os.utime(entry, (1_000_000 - age, 1_000_000 - age))
    (tmp_path / "partial.123.tmp").mkdir()
    purge_module._prune(tmp_path)
    latest = names[:purge_module.KEEP]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*latest, *(f"{n}{suffix}" for n in latest for suffix in SUFFIXES), "partial.123.tmp"])


def _node_selectors(site: Path) -> dict[str, object]:
    """What purge_css.mjs's key holds of the site's pages and scripts."""
    node = shutil.which("node")
    assert node is not None
    answer = subprocess.run([node, str(purge_module.SCRIPT), str(site), "--selectors"], check=True,
                            capture_output=True, text=True)
    found = json.loads(answer.stdout)
    selectors = found["selectors"]
    return {"selectors": {"tags": sorted(selectors["tags"]), "names": sorted(selectors["attributes"]["names"]),
                          "values": sorted(selectors["attributes"]["values"]), "classes": sorted(selectors["classes"]),
                          "ids": sorted(selectors["ids"]), "undetermined": sorted(selectors["undetermined"])},
            "variables": sorted(found["variables"])}


def _python_selectors(site: Path, asked: Path) -> dict[str, object] | None:
    read = purge_module._read(site)
    lists = purge_key.Asked.read(asked)
    assert lists is not None
    return purge_key.selectors(purge_key.SiteFiles.of(read), read, lists, purge_key.Memo(None, asked.name))


@pytest.fixture(scope="module")
def asked(unpurged: Path, built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the stylesheets' selectors ask about, as purge_css.mjs writes it."""
    cache = tmp_path_factory.mktemp("asked")
    purge(_copy(unpurged, cache / "site"), built_site.project / "node_modules", cache / "cache")
    (found,) = (cache / "cache").glob("*.asked.json")
    return found


# Markup written to be read differently by a careless port: case, quotes,
# JavaScript's wider white space (no-break space, line separator, byte
# order mark), names with no value, a ">" inside a value, names outside
# ASCII (the Kelvin sign lowercases to "k"), words a script spells.
TRICKY_PAGE = """<!doctype html><HTML><Body>
<DIV CLASS="md-typeset md-path">x</DIV><div class='md-nav__link\u00a0md-source'></div>
<div class=md-banner id=__drawer></div><p class="md-header\u2028md-footer\ufeffmd-tabs">y</p>
<input hidden type=checkbox data-md-toggle="search"><span title="a>b" class="md-ellipsis">z</span>
<details class="note\tabstract" open></details><div dir=rtl \u212aind="x" data-md-color-scheme='slate'></div>
<a href="#fnref:1" class="footnote-backref">↩</a><table><tr><th align="right">n</th></tr></table>
<pre><code class="highlight">q</code></pre><ul class="tabbed-set"><li class="mermaid annotate"></li></ul>
</Body></HTML>"""
TRICKY_SCRIPT = 'var a = "md-clipboard md-progress", b = `md-tooltip2--active`; // tabbed-labels md-select\n'
TRICKY_STYLES = ".x { color: var(--md-accent-fg-color); background: var(--md-code-bg-color--light) }\n"


@pytest.mark.parametrize("tricky", [False, True])
def test_python_reads_the_selectors_as_the_script_does(unpurged: Path, asked: Path, tmp_path: Path,
                                                       tricky: bool) -> None:
    """build_scripts/purge_key.py reads the pages and scripts as
    purge_css.mjs does (its fromHtml, PurgeCSS's extractor): what each
    keeps of the built site, and of markup made to tell them apart, is
    the same, so a digest of Python's names the script's key."""
    site = _copy(unpurged, tmp_path / "site")
    if tricky:
        (site / "tricky.html").write_text(TRICKY_PAGE, encoding="utf-8")
        (site / "assets" / "tricky.js").write_text(TRICKY_SCRIPT, encoding="utf-8")
        (site / "assets" / "tricky.css").write_text(TRICKY_STYLES, encoding="utf-8")
    ours, theirs = _python_selectors(site, asked), _node_selectors(site)
    assert ours == theirs
    assert ours is not None and ours["selectors"]["classes"]  # type: ignore[index]
    if tricky:
        untricky = _python_selectors(_copy(unpurged, tmp_path / "plain"), asked)
        assert untricky is not None and ours != untricky


def test_python_leaves_a_page_that_is_not_utf8_to_node(unpurged: Path, asked: Path, tmp_path: Path) -> None:
    site = _copy(unpurged, tmp_path / "site")
    (site / "latin1.html").write_bytes('<p class="md-path">caf\u00e9</p>'.encode("latin-1"))
    assert _python_selectors(site, asked) is None


def test_an_edit_to_the_words_does_not_run_node(unpurged: Path, built_site: BuiltSite, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """After an edit to the words, the selectors Python reads name the
    key: Node does not run, and the stylesheets are those a fresh PurgeCSS
    run on the edited site writes."""
    modules, cache = built_site.project / "node_modules", tmp_path / "cache"
    first = purge(_copy(unpurged, tmp_path / "a"), modules, cache)
    assert first.ran
    runs: list[Path] = []
    monkeypatch.setattr(purge_module, "run_purgecss", lambda site, *args: runs.append(site))
    edited = _copy(unpurged, tmp_path / "b", _reword)
    assert purge(edited, modules, cache) == purge_module.Purged(first.key, ran=False)
    assert runs == []
    fresh = _copy(unpurged, tmp_path / "c", _reword)
    _purge_everything(fresh)
    assert _stylesheets(edited) == _stylesheets(fresh)


def test_material_features_are_part_of_the_key(unpurged: Path, built_site: BuiltSite, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Instant loading's progress bar is named in theme.features, not in
    the pages' markup (purge_css.mjs keeps its rules only with it): the
    same pages with other features are purged anew, not taken from a
    shortcut; with the same features again, Node does not run."""
    modules, cache = built_site.project / "node_modules", tmp_path / "cache"
    first = purge(_copy(unpurged, tmp_path / "a"), modules, cache, ["navigation.top"])
    progress = ["navigation.top", "navigation.instant.progress"]
    second = purge(_copy(unpurged, tmp_path / "b"), modules, cache, progress)
    assert first.ran and second.ran and second.key != first.key
    monkeypatch.setattr(purge_module, "run_purgecss", lambda site, *args: pytest.fail("Node ran"))
    again = purge(_copy(unpurged, tmp_path / "c", _reword), modules, cache, progress)
    assert again == purge_module.Purged(second.key, ran=False)


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


BUNDLE = "/assets/javascripts/bundle."


def test_online_pages_name_material_bundle_only_for_the_loader(built_site: BuiltSite) -> None:
    """Online, Material's script tag becomes assets/lazy-bundle.js's, which
    is given the bundle's address; first_load() (make bench, the budgets)
    leaves the bundle out. The offline bundle runs Material's script at once."""
    page = built_site.site / "declaration" / "42" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    sources = [str(tag.get("src")) for tag in soup.find_all("script", src=True)]
    assert not [s for s in sources if "javascripts/bundle." in s], sources
    loader = soup.find("script", attrs={"data-sd-bundle": True})
    assert isinstance(loader, Tag) and str(loader.get("src")).endswith("assets/lazy-bundle.js")
    assert (page.parent / str(loader["data-sd-bundle"])).resolve().is_file()
    assert not [r.name for r in first_load(built_site.site, "/declaration/42/") if "javascripts/bundle." in r.name]
    offline = zipfile.ZipFile(next((built_site.site / "downloads").glob("*.zip")))
    html = offline.read(next(n for n in offline.namelist() if n.endswith("/declaration/42.html"))).decode()
    # There Material's script runs at once, in the page's last script file
    # (build_scripts/bundle/scripts.py, which names each part's source).
    last = re.findall(r'<script src="(?:\.\./)*([^"]+)"></script>', html)[-1]
    script = offline.read(next(n for n in offline.namelist() if n.endswith("/" + last))).decode()
    assert re.search(r"^/\* assets/javascripts/bundle\.[0-9a-f]+\.min\.js \*/$", script, re.MULTILINE)
    assert "data-sd-bundle" not in html and "data-sd-bundle" not in script


def _bundle_requests(page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url) if BUNDLE in request.url else None)
    return requested


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_visit_without_interaction_does_not_load_material_bundle(browser, site_url: str, scheme: str) -> None:
    """What the bundle does at once is done without it: the search button
    shows ("js"), and a first visit gets the palette of the reader's
    system setting."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested = _bundle_requests(page)
    page.goto(site_url + "/declaration/49/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert requested == []
    assert page.evaluate("document.documentElement.className") == "js"
    # Under "no-js", Material's CSS hides the search field.
    assert page.locator("[data-md-component=search-query]").is_visible()
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    context.close()


def test_hovering_a_footnote_mark_loads_material_and_shows_its_tooltip(page, site_url: str) -> None:
    requested = _bundle_requests(page)
    page.goto(site_url + "/declaration/49/")
    page.wait_for_load_state("networkidle")
    assert requested == []
    page.locator(".md-content .footnote-ref").first.hover()
    page.locator(".md-tooltip2--active").wait_for(state="visible", timeout=10_000)
    assert len(requested) == 1
    assert "Human Rights" in page.locator(".md-tooltip2--active").inner_text()


def test_focusing_a_footnote_mark_loads_material_and_shows_its_tooltip(page, site_url: str) -> None:
    requested = _bundle_requests(page)
    page.goto(site_url + "/declaration/49/")
    page.wait_for_load_state("networkidle")
    page.locator(".md-content .footnote-ref").first.focus()
    page.locator(".md-tooltip2--active").wait_for(state="visible", timeout=10_000)
    assert len(requested) == 1


@pytest.mark.parametrize(("key", "after"), [("n", "/declaration/50/"), ("p", "/declaration/48/")])
def test_a_shortcut_pressed_first_is_handed_to_material(page, site_url: str, key: str, after: str) -> None:
    """The key that loads the bundle is not lost: Material's keyboard
    handler gets it once it listens ("n" next page, "p" previous)."""
    requested = _bundle_requests(page)
    page.goto(site_url + "/declaration/49/")
    page.wait_for_load_state("networkidle")
    assert requested == []
    with page.expect_navigation(timeout=10_000):
        page.keyboard.press(key)
    assert page.url == site_url + after
    assert requested


def test_escape_closes_search_opened_as_material_comes(page, site_url: str) -> None:
    """"/" opens search at once (assets/lazy-bundle.js), Escape closes it,
    whether Material listens already or not."""
    page.goto(site_url + "/declaration/49/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    assert page.locator("[data-md-toggle=search]").is_checked()
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('[data-md-toggle=search]').checked", timeout=10_000)


def test_the_footnote_sheet_loads_on_the_first_touch_only(browser, site_url: str) -> None:
    """assets/sheet.js is for touch screens: not loaded by a visit nor by
    a mouse; a tap on a mark, the first touch, loads it and opens the
    note in the sheet, without following the mark's link."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url) if "/assets/sheet.js" in request.url else None)
    page.goto(site_url + "/declaration/49/")
    page.wait_for_load_state("networkidle")
    page.mouse.move(5, 300)
    page.wait_for_timeout(300)
    assert requested == []
    mark = page.locator(".md-content .footnote-ref").first
    mark.scroll_into_view_if_needed()
    mark.tap()
    page.locator("#sd-sheet").wait_for(state="visible", timeout=10_000)
    assert len(requested) == 1
    assert "Human Rights" in page.locator("#sd-sheet").inner_text()
    assert not page.url.endswith("#fn:6")
    context.close()
