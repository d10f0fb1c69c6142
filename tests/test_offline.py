"""The offline bundle: opened from file:// with every other request blocked,
small next to the naive alternative, and reproducible byte for byte."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageChops

from build_scripts.bundle import (
    MERGED_DIR,
    SHARED_DIR,
    Tree,
    merge_scripts,
    merge_stylesheets,
    shared_scripts,
    tidy_pages,
    write_zip,
)
from conftest import PUBLIC_ADDRESS, Bundle, block_requests, build_naive, report, unzip_bundle

# Issue 18 asks for the whole zip, trainer's kit included, within 0.85 of
# the naive bundle. It is 0.84 (it was 1.39 with the kit, 0.97 before the
# zip diet): the reading site is 0.58 — the theme's chrome (head, header,
# navigation, footer, the authority panel) on each of ~120 pages, which a
# zip compresses one by one, and the texts — and the kit adds 0.27: theme
# pages printing their paragraphs in full (issue 16), the open data that
# issue 18 keeps in the bundle, the kit's data with a QR code per
# paragraph, the glossary, the handouts and their scripts. Taken away on
# the way: a handout page per paragraph and per theme (one page prints
# them all: 0.15), the share tags (0.02), the inline scripts and
# configuration every page repeated and the markup only a script uses
# (search dialog, palette, go-to box, Back to top), now in shared files
# (0.24); then (build_scripts/bundle/__init__.py docstring gives each step's
# bytes) one stylesheet and two script files a page where there were six
# and eleven, the header's icons drawn from the stylesheet, the unread
# meta tags, the adoption history left to the about page offline
# (overrides/main.html), the kit's files without comments (0.13 in all).
# Zopfli (15 iterations) would take 3% off this zip but 6.4% off the
# naive one (mostly scripts): not used. The limit, on the whole
# zip; the parts are reported.
MAX_RATIO = 0.85
KIT_FILES = ("themes/", "data/", "handouts/", "kit/", "glossary.html", "tags.json", "assets/present.",
             "assets/glossary.", "assets/handout.", "assets/kit-pages.", "assets/builder.")


@pytest.fixture
def offline_page(browser):
    """A page that may load file: URLs only; every other request is blocked
    and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    attempted = block_requests(context, "file:")
    page = context.new_page()
    page.attempted = attempted
    yield page
    context.close()


def test_bundle_is_one_folder_with_index_html(offline_bundle: Bundle) -> None:
    with zipfile.ZipFile(offline_bundle.zip) as archive:
        names = archive.namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {offline_bundle.root.name}
    assert f"{offline_bundle.root.name}/index.html" in names
    assert f"{offline_bundle.root.name}/offline.html" in names
    assert not [n for n in names if n.endswith(".map") or "/lunr/" in n]
    digest = hashlib.sha256(offline_bundle.zip.read_bytes()).hexdigest()
    assert offline_bundle.sha256.read_text(encoding="utf-8") == f"{digest}  {offline_bundle.zip.name}\n"


def test_from_file_with_no_network(offline_page, offline_site: Path) -> None:
    page = offline_page
    page.goto((offline_site / "index.html").as_uri())
    # Styled: Material's stylesheet gives the header its colour.
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(64, 81, 181)"
    # Navigable.
    page.get_by_role("link", name="42 Expert group on cybercrime").click()
    assert page.url.endswith("/declaration/42.html")
    # Search: type, read the results, open one.
    page.locator("input.md-search__input").click()
    page.keyboard.type("Qatar", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    # A result's title is the paragraph's label, then its subject.
    titles = results.all_inner_texts()
    for label in ["Resolution 2010/18, operative paragraph 16", "Salvador Declaration, paragraph 54"]:
        assert [t for t in titles if t.startswith(label)], (label, titles)
    page.locator(".md-search-result__link", has_text="operative paragraph 16").first.click()
    page.wait_for_url("**/resolution/16.html*")
    # Footnote popover.
    page.goto((offline_site / "resolution" / "10.html").as_uri())
    page.locator("a.footnote-ref").hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith("Human Rights: A Compilation")
    # The theme's configuration, loaded from a file the pages share (at
    # every depth), stands where the page had it, with this page's base
    # and search worker, word for word as the theme wrote them.
    config = "JSON.parse(document.getElementById('__config').textContent)"
    assert page.evaluate(f"{config}.base") == ".."
    assert page.evaluate(f"{config}.search").startswith("../assets/search.js?worker=")
    assert page.locator(f"script[src^='../{MERGED_DIR}/scripts'][src$='.js'] + script#__config").count() == 1
    # So is the search dialog, which only a script brings to life: written
    # where it stood (the search above ran in it), before the script.
    raw = (offline_site / "resolution" / "10.html").read_text(encoding="utf-8")
    assert 'class="md-search"' not in raw and 'class="md-search__inner"' not in raw
    assert page.locator(".md-search[role=dialog]:has(.md-search__input) ~ script[src*='/scripts']").count() == 1
    for path, base, search in [("index.html", ".", "assets/"),
                               ("declaration/preamble/3.html", "../..", "../../assets/")]:
        page.goto((offline_site / path).as_uri())
        assert page.evaluate(f"{config}.base") == base, path
        assert page.evaluate(f"{config}.search").startswith(search + "search.js?worker="), path
    # Reference preview.
    page.goto((offline_site / "resolution" / "9.html").as_uri())
    page.locator("#para_9 a.sd-ref").hover()
    assert "an open-ended intergovernmental expert group" in page.locator("#sd-preview").inner_text()
    # Copy link gives the public address, not a file:// path.
    page.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC_ADDRESS + "resolution/9/"
    assert page.locator('link[rel="canonical"]').get_attribute("href") == PUBLIC_ADDRESS + "resolution/9/"
    assert page.attempted == [], page.attempted


def test_trainers_page_and_no_download_link_inside_the_bundle(offline_page, offline_site: Path) -> None:
    page = offline_page
    page.goto((offline_site / "offline.html").as_uri())
    assert page.locator("h1").inner_text() == "Offline bundle: how to use it"
    assert PUBLIC_ADDRESS in page.locator("article").inner_text()
    page.goto((offline_site / "index.html").as_uri())
    assert page.locator(".sd-download").count() == 0
    assert page.attempted == []


def test_online_home_links_to_the_download(built_site) -> None:
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/ecosoc-resolution-2010-18-offline.zip" download' in home


def test_zip_is_small_next_to_the_naive_alternative(offline_bundle: Bundle, tmp_path: Path) -> None:
    naive_zip = tmp_path / "naive.zip"
    write_zip(build_naive(tmp_path / "naive", offline=True), "naive", naive_zip)
    ours, theirs = offline_bundle.zip.stat().st_size, naive_zip.stat().st_size
    kit = 0
    with zipfile.ZipFile(offline_bundle.zip) as archive:
        for entry in archive.infolist():
            if entry.filename.split("/", 1)[1].startswith(KIT_FILES):
                # The entry's compressed bytes and its two headers (local
                # and central, each with the name).
                kit += entry.compress_size + 30 + 46 + 2 * len(entry.filename.encode())
    ratio, kit_ratio = ours / theirs, kit / theirs
    report(f"offline zip: {ours} bytes; naive one-page Material + offline plugin: {theirs} bytes; ratio {ratio:.3f} "
           f"(reading site {ratio - kit_ratio:.3f}, trainer's kit {kit_ratio:.3f})")
    assert ratio <= MAX_RATIO


def test_two_builds_in_different_directories_give_the_same_zip(offline_bundle: Bundle, second_build) -> None:
    again = unzip_bundle(second_build.project)
    first = hashlib.sha256(offline_bundle.zip.read_bytes()).hexdigest()
    second = hashlib.sha256(again.zip.read_bytes()).hexdigest()
    report(f"offline zip SHA-256, two builds in different directories: {first} / {second}")
    assert first == second


def test_printed_link_addresses_are_the_public_urls(offline_page, offline_site: Path, page, site_url: str) -> None:
    """Printing a page of the bundle shows after each link the public address
    of its target, the same as printing the online page: below the top folder
    too (resolution/9.html once printed …/resolution/declaration/42/)."""
    def printed(browser_page, url: str) -> list[str]:
        browser_page.goto(url)
        browser_page.emulate_media(media="print")
        return browser_page.evaluate(
            "() => [...document.querySelectorAll('.md-content a[data-print-href]')]"
            ".map(a => a.getAttribute('data-print-href'))")

    public = PUBLIC_ADDRESS
    for local, online in [("resolution/9.html", "resolution/9/"), ("declaration/index.html", "declaration/")]:
        offline = printed(offline_page, (offline_site / local).as_uri())
        assert offline, local
        assert all(v.startswith("https://") and ".html" not in v for v in offline), offline
        # Themes and the open data are in the bundle too (the trainer's kit).
        assert sorted(offline) == sorted(printed(page, site_url + "/" + online)), local
    # The home page, at the top folder (online it has more: the download).
    home = printed(offline_page, (offline_site / "index.html").as_uri())
    assert f"{public}declaration/42/" in home and f"{public}footnotes/" in home
    # Links to the official documents (the authority panel) keep their own
    # address; every link within the site prints under the public one.
    within = [v for v in home if not v.startswith("https://undocs.org/")]
    assert within and all(v.startswith(public) and ".html" not in v for v in within), home
    offline = printed(offline_page, (offline_site / "resolution" / "9.html").as_uri())
    assert f"{public}declaration/42/" in offline
    after = offline_page.locator("#para_9 a.sd-ref").evaluate("a => getComputedStyle(a, '::after').content")
    assert f"{public}declaration/42/" in after


def test_scripts_that_pages_repeat_are_loaded_from_one_file(tmp_path: Path, page) -> None:
    """Pages at every depth share one file for the theme's storage helpers
    and one for its configuration, which still reads, on each page, the
    way up to the top that the page had (base, search worker)."""
    palette = "var palette=__md_get('__palette');" + "x" * 300
    once = "only_here();" + "y" * 300
    padding = "/*" + "z" * 300 + "*/"

    def config(up: str) -> str:
        start = "" if up == "." else up + "/"
        return (f'{{"base": "{up}", "features": [], "search": "{start}assets/search.js?worker=w.js"'
                + " " * 300 + "}")

    def html(up: str, extra: str = "") -> str:
        return (f'<head><script>__md_scope=new URL("{up}",location);{padding}</script></head><body>'
                f'<script>{palette}</script><script id="__config" type="application/json">{config(up)}</script>'
                f'<script>short()</script><script type="module">{palette}</script>{extra}</body>')

    (tmp_path / "declaration" / "preamble").mkdir(parents=True)
    (tmp_path / "index.html").write_text(html("."), encoding="utf-8")
    (tmp_path / "about.html").write_text(html(".", f"<script>{once}</script>"), encoding="utf-8")
    (tmp_path / "declaration" / "42.html").write_text(html(".."), encoding="utf-8")
    (tmp_path / "declaration" / "preamble" / "3.html").write_text(html("../.."), encoding="utf-8")
    tree = Tree.read(tmp_path)
    written = shared_scripts(tree)
    tree.write(tmp_path)
    assert len(written) == 3 and all(w.startswith(SHARED_DIR + "/") for w in written)
    deep = (tmp_path / "declaration" / "42.html").read_text(encoding="utf-8")
    top = (tmp_path / "about.html").read_text(encoding="utf-8")
    assert palette not in deep.split('type="module">')[0] and config("..") not in deep
    assert deep.count(f'<script src="../{SHARED_DIR}/') == 3 and top.count(f'<script src="{SHARED_DIR}/') == 3
    # Too short to gain, on one page only, or not a classic script: inline.
    assert "<script>short()</script>" in deep and f"<script>{once}</script>" in top
    assert f'<script type="module">{palette}</script>' in deep
    files = {w: (tmp_path / w).read_text(encoding="utf-8") for w in written}
    assert palette + "\n" in files.values()
    [data_block] = [code for code in files.values() if "__config" in code]
    assert "currentScript.after" in data_block
    # In a browser, each page gets its own text back, and its own scope.
    page.add_init_script("window.__md_get = () => null; window.short = () => {}; window.only_here = () => {};")
    for path, up in [("index.html", "."), ("declaration/42.html", ".."), ("declaration/preamble/3.html", "../..")]:
        page.goto((tmp_path / path).as_uri())
        assert page.evaluate("document.getElementById('__config').textContent") == config(up), path
        assert page.evaluate("__md_scope.href") == tmp_path.as_uri() + "/", path


def test_merged_scripts_run_in_order_and_apart(tmp_path: Path, page) -> None:
    """Scripts that pages list one after the other run from one file, in
    the same order, at the same point; an exception in one does not stop
    the next; a script still finds what it loads beside itself; a strict
    one stays strict. Stylesheets: one link, the same cascade."""
    assets = tmp_path / "assets"
    (assets / "javascripts").mkdir(parents=True)
    (assets / "first.js").write_text("var sdLog=window.sdLog||[];"
                                     "sdLog.push('first '+document.currentScript.src.split('/').pop());"
                                     "function sdGlobal(){return 'global'}", encoding="utf-8")
    (assets / "fails.js").write_text("sdLog.push('fails');undefinedFunction();sdLog.push('never');", encoding="utf-8")
    (assets / "javascripts" / "strict.js").write_text(
        '"use strict";(()=>{sdLog.push("strict "+(function(){return this===undefined})()+" "+sdGlobal())})();\n'
        "//# sourceMappingURL=strict.js.map\n", encoding="utf-8")
    (assets / "last.js").write_text("sdLog.push('last '+!!document.querySelector('#before'));", encoding="utf-8")
    (assets / "lexical.js").write_text("const sdKept=1;", encoding="utf-8")
    (assets / "a.css").write_text('@charset "UTF-8";p{color:red}', encoding="utf-8")
    (assets / "b.css").write_text("p{color:green}\n/*# sourceMappingURL=b.css.map */", encoding="utf-8")
    (assets / "c.css").write_text("em{color:blue}", encoding="utf-8")
    scripts = ["first.js", "fails.js", "javascripts/strict.js", "last.js"]

    def html(up: str, extra: str = "") -> str:
        tags = "".join(f'<script src="{up}assets/{name}"></script>\n' for name in scripts)
        return ("<!doctype html><html><head>\n"
                f'<link rel="stylesheet" href="{up}assets/a.css">\n<link rel="stylesheet" href="{up}assets/b.css">\n'
                f'{extra}</head><body><p id="before">text</p>\n{tags}'
                f'<script src="{up}assets/lexical.js"></script>\n<script src="{up}assets/first.js"></script>\n'
                "</body></html>")

    (tmp_path / "declaration").mkdir()
    (tmp_path / "index.html").write_text(html("", '<link rel="stylesheet" href="assets/c.css">\n'),
                                         encoding="utf-8")
    (tmp_path / "declaration" / "42.html").write_text(html("../"), encoding="utf-8")
    tree = Tree.read(tmp_path)
    css = merge_stylesheets(tree)
    merged = merge_scripts(tree)
    tree.write(tmp_path)
    assert css is not None and css.startswith(f"{MERGED_DIR}/") and len(merged) == 1
    top = (tmp_path / "index.html").read_text(encoding="utf-8")
    deep = (tmp_path / "declaration" / "42.html").read_text(encoding="utf-8")
    # One stylesheet where there were two, then the page's own after it.
    assert deep.count('rel="stylesheet"') == 1 and f'href="../{css}"' in deep
    assert top.index(f'href="{css}"') < top.index('href="assets/c.css"')
    merged_css = (tmp_path / css).read_text(encoding="utf-8")
    assert merged_css.startswith('@charset "UTF-8";') and merged_css.index("red") < merged_css.index("green")
    assert "sourceMappingURL" not in merged_css and merged_css.count("@charset") == 1
    # The four scripts in a row are one; the one a block would change, and
    # the run of one, stay apart.
    assert deep.count("<script") == 3 and f'<script src="../{merged[0]}"></script>' in deep
    assert '<script src="../assets/lexical.js">' in deep
    # Files that nothing names any more are gone; those named stay.
    assert not (assets / "fails.js").exists() and not (assets / "javascripts" / "strict.js").exists()
    assert (assets / "first.js").exists() and not (assets / "a.css").exists() and (assets / "c.css").exists()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("index.html", "declaration/42.html"):
        page.goto((tmp_path / path).as_uri())
        page.wait_for_timeout(50)  # the failed script's error is reported after it
        assert page.evaluate("sdLog") == [f"first {merged[0].split('/')[-1]}", "fails", "strict true global",
                                          "last true", "first first.js"], path
        assert page.locator("p").evaluate("p => getComputedStyle(p).color") == "rgb(0, 128, 0)"
    assert len(errors) == 2 and all("undefinedFunction" in error for error in errors), errors


def test_header_icons_drawn_from_the_stylesheet_look_the_same(offline_page, offline_site: Path) -> None:
    """The logo (header and navigation) and the menu button are drawn from
    the stylesheet (build_scripts/bundle/styles.py): the same shape
    and box as the theme's inline SVG, which no page's chrome repeats."""
    page = offline_page
    raw = (offline_site / "declaration" / "42.html").read_text(encoding="utf-8")
    chrome = raw.split("<article", 1)[0] + raw.split("</article>", 1)[1]
    assert "<path" not in chrome and chrome.count('class="sd-icon-') == 3
    for width, drawer, selector in [(1280, False, ".md-header__button.md-logo svg"),
                                    (400, False, "label.md-header__button[for=__drawer] svg"),
                                    (400, True, ".md-nav__title .md-logo svg")]:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto((offline_site / "declaration" / "42.html").as_uri())
        if drawer:
            page.locator("label.md-header__button[for=__drawer]").click()
            page.wait_for_timeout(400)  # the drawer slides in
        icon = page.locator(selector)
        box = icon.bounding_box()
        drawn = Image.open(io.BytesIO(icon.screenshot())).convert("L")
        # The same icon as the theme wrote it: the mask's own SVG, inline.
        page.evaluate("""svg => {
            const style = getComputedStyle(svg);
            const mask = style.maskImage && style.maskImage !== 'none' ? style.maskImage : style.webkitMaskImage;
            const markup = decodeURIComponent(mask.slice(mask.indexOf(',') + 1, mask.lastIndexOf('"')));
            svg.removeAttribute('class');
            svg.innerHTML = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement.innerHTML;
        }""", icon.element_handle())
        assert icon.locator("path").count() == 1 and icon.bounding_box() == box, selector
        inline = Image.open(io.BytesIO(icon.screenshot())).convert("L")
        # Edges may be smoothed a shade apart; the shape is the same, and drawn.
        differences = ImageChops.difference(drawn, inline).point(lambda value: 255 if value > 64 else 0)
        assert differences.getbbox() is None, selector
        darkest, lightest = cast(tuple[int, int], drawn.getextrema())
        assert lightest - darkest > 100, selector  # not blank: white on the header's indigo


def test_authority_panel_in_the_bundle(offline_page, offline_site: Path) -> None:
    """Offline the panel says what edition this is and links to the official
    texts and to "about this edition", which gives the adoption history
    that the online panel shows (overrides/main.html)."""
    page = offline_page
    page.goto((offline_site / "declaration" / "42.html").as_uri())
    panel = page.locator("details.sd-authority")
    assert panel.locator("summary").inner_text() == "Unofficial edition of E/RES/2010/18"
    panel.locator("summary").click()
    links = panel.locator("a").evaluate_all("links => links.map(a => [a.textContent, a.href])")
    assert links[:2] == [["E/RES/2010/18", "https://undocs.org/E/RES/2010/18"],
                         ["A/RES/65/230", "https://undocs.org/A/RES/65/230"]]
    assert links[2][0] == "about this edition"
    page.goto(links[2][1])
    assert page.url == (offline_site / "about.html").as_uri()
    text = page.locator("article").inner_text()
    assert "adopted at the 45th plenary meeting, 22 July 2010" in text
    assert "resolution 65/230 of 21 December 2010" in text


def test_a_page_loads_one_stylesheet_and_two_scripts_in_order(offline_bundle: Bundle) -> None:
    """build_scripts/bundle/ merges what every page lists: one stylesheet,
    the header's scripts, the page's last scripts; each merged file holds
    its parts in the order the page listed them."""
    root = offline_bundle.root
    page = (root / "declaration" / "42.html").read_text(encoding="utf-8")
    head, body = page.split("</head>", 1)
    assert head.count('rel="stylesheet"') == 1 and "<script" not in head
    sources = [src.split("/")[-1] for src in re.findall(r'<script src="([^"]+)"', body)]
    assert len(sources) == 2 and "<script>" not in body, sources
    first, last = ((root / "assets" / name).read_text(encoding="utf-8") for name in sources)
    # The worker shim, the theme's storage helpers, the palette's choices,
    # the theme's palette script, the go-to box and search dialog.
    order = ["window.IFrameWorker", "__md_scope=", 'data-md-component=\\"palette\\"', "__md_get(\"__palette\")",
             "sd-jump--header"]
    assert sorted(order, key=first.index) == order
    # The tabbed-content script, Back to top, the theme's configuration,
    # lazy search, the theme's bundle, reader.js, cite.js, trainer.js.
    order = ["__tabbed_", "md-top", '"__config"', "sdLazy", "window.component$", "sdSheetPending", "sd-status",
             "sd-make-handout"]
    assert sorted(order, key=last.index) == order
    # Each part under its source's name, the theme's bundle among them.
    assert re.search(r"^/\* assets/javascripts/bundle\.\w+\.min\.js \*/$", last, re.MULTILINE)
    css = (root / "assets" / "site.css").read_text(encoding="utf-8")
    # Material's two, reader.css, layout.css, cite.css, trainer.css, the icons.
    order = ["--md-primary-fg-color", "[data-md-color-primary=indigo]", ".sd-sheet__close", ".sd-print-head__title",
             "details.sd-authority", ".sd-handout-link", ".sd-icon-1"]
    assert sorted(order, key=css.index) == order


def test_back_to_top_written_by_the_last_script(offline_page, offline_site: Path) -> None:
    page = offline_page
    page.goto((offline_site / "declaration" / "index.html").as_uri())
    assert 'class="md-top' not in (offline_site / "declaration" / "index.html").read_text(encoding="utf-8")
    assert page.evaluate("document.querySelector('main.md-main').lastElementChild.matches('button.md-top')")
    page.mouse.move(640, 450)
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    top = page.get_by_role("button", name="Back to top")
    top.wait_for(state="visible")
    top.click()
    page.wait_for_function("window.scrollY === 0")


def test_tidy_pages_writes_the_same_characters(tmp_path: Path) -> None:
    """Meta tags no one reads from file:// go; "&#95;" is "_" and "&#39;"
    between tags is "'", the same characters, except where a reference is
    not one (a script, preformatted text)."""
    page = ('<head><meta name="generator" content="mkdocs">\n<meta name="description" content="x">\n'
            '<meta name="viewport" content="width=device-width">\n</head><body>\n'
            '<p data-key="E&#95;1" title="Editors&#39; note">Editors&#39; notes on a&#95;b</p>\n'
            '<script>var s="&#95;&#39;";</script><pre>&#39;&#95;</pre></body>')
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    tree = Tree.read(tmp_path)
    tidy_pages(tree)
    tree.write(tmp_path)
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == (
        '<head><meta name="viewport" content="width=device-width">\n</head><body>\n'
        '<p data-key="E_1" title="Editors&#39; note">Editors\' notes on a_b</p>\n'
        '<script>var s="&#95;&#39;";</script><pre>&#39;&#95;</pre></body>')
