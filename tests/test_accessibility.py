"""Accessibility with axe-core in Chromium (WCAG 2.2 AA rules and axe's
best practices), a keyboard-only walk, and the page-weight budget."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from readability import wait_until_shown

from build_scripts.measure import first_load_bytes
from conftest import ROOT, BuiltSite, build_naive, report, tab_until

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA, and axe's best practices: these hold rules the WCAG tags
# leave out, such as aria-dialog-name (the search dialog has a name).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = ["/", "/declaration/42/", "/resolution/", "/declaration/", "/footnotes/", "/resolution/10/",
         "/documents/", "/themes/cybercrime/", "/declaration/preamble/", "/404.html"]


def axe_violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run 'npm ci' (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} × {v['nodes'][0]['target']})" for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for url in PAGES:
        page.goto(site_url + url)
        if scheme == "dark":
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        found[url] = axe_violations(page)
    # With a footnote popover and a reference preview open.
    page.goto(site_url + "/resolution/10/")
    page.locator("a.footnote-ref").hover()
    # Measured once it has faded in: during the fade its text is paler than
    # it will be (axe then reported the contrast of its italics, at times).
    wait_until_shown(page, ".md-tooltip2--active")
    found["footnote popover"] = axe_violations(page)
    page.goto(site_url + "/resolution/9/")
    page.locator("#para_9 a.sd-ref").focus()
    page.locator("#sd-preview").wait_for()
    found["reference preview"] = axe_violations(page)
    context.close()
    assert {k: v for k, v in found.items() if v} == {}


def test_phone_width_has_no_violation(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "/declaration/42/")
    assert axe_violations(page) == []
    # With a tapped footnote open in its sheet.
    page.goto(site_url + "/declaration/49/")
    page.locator("a.footnote-ref").tap()
    page.locator("#sd-sheet").wait_for()
    assert axe_violations(page) == []
    context.close()


def test_keyboard_only_from_home_to_a_footnote(page, site_url: str) -> None:
    page.goto(site_url + "/")

    def tab_to(predicate: str) -> None:
        tab_until(page, predicate, predicate, 200)

    # The contents' entry "42 Expert group on cybercrime".
    tab_to("el.closest('.sd-toc') !== null && el.getAttribute('href') === 'declaration/42/'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}/declaration/42/")
    page.goto(site_url + "/declaration/26/")
    tab_to("el.classList.contains('footnote-ref')")
    assert page.evaluate("document.activeElement.textContent") == "15"
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tooltip.wait_for(state="detached")
    # Escape closes the popover by taking focus off the mark (Material's
    # tooltip stays open while its mark has focus): focus is on the body,
    # and the browser keeps the mark as the starting point, so the next Tab
    # goes on to the next mark, with a visible focus ring, not back to the
    # top of the page.
    assert page.evaluate("document.activeElement === document.body")
    # The Tab stops in the text after 15 are the glossary terms used there
    # for the first time on the page, then footnote 16.
    page.keyboard.press("Tab")
    terms = []
    while page.evaluate("document.activeElement.classList.contains('sd-term')"):
        terms.append(page.evaluate("[document.activeElement.textContent, "
                                   "document.activeElement.matches(':focus-visible')]"))
        page.keyboard.press("Tab")
    assert terms == [["standards and norms", True], ["juvenile justice", True]]
    assert page.evaluate("[document.activeElement.textContent, document.activeElement.matches(':focus-visible'), "
                         "getComputedStyle(document.activeElement).outlineStyle]") == ["16", True, "auto"]


def test_search_dialog_has_a_name(page, site_url: str) -> None:
    page.goto(site_url + "/declaration/42/")
    page.locator("input.md-search__input").click()
    dialog = page.get_by_role("dialog", name="Search")
    assert dialog.count() == 1 and dialog.is_visible()


@pytest.fixture(scope="module")
def naive_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_naive(tmp_path_factory.mktemp("naive"))


# First-load budgets, as ratios to the naive one-page site built in the same
# run: (uncompressed, gzip). Issue 19's goal is 0.45 / 0.50 for the home
# page, a paragraph page and a reading view. What a first visit loads
# before the reader does anything (build_scripts/measure.first_load):
# Material's bundle loads on the first interaction (assets/lazy-bundle.js),
# search on first use (assets/lazy-search.js), the footnote sheet on the
# first touch, and PurgeCSS leaves 52 kB of Material's 138 kB stylesheet.
# Measured when set (issue 19, naive page 386,942 B / 95,071 B gzip):
#   /                 127,718 B  0.330   29,223 B gzip  0.307
#   /declaration/42/  110,090 B  0.285   26,310 B gzip  0.277
#   /resolution/      158,257 B  0.409   32,432 B gzip  0.341
#   /declaration/     225,399 B  0.583   39,476 B gzip  0.415
#   /footnotes/       107,687 B  0.278   26,080 B gzip  0.274
# (before: 0.70 / 0.73 for the paragraph page, Material's bundle alone
# 0.29 / 0.37). The reading view of the Declaration carries its whole
# text, as the naive page does, and more (margin notes, glossary marks):
# its uncompressed bytes stay above 0.45. The budgets leave about 0.01.
@pytest.mark.parametrize("forced", ["none", "active"])
def test_the_copy_link_icon_shows_also_in_forced_colours(browser, site_url: str, forced: str) -> None:
    """The reading views' link icon is drawn once by CSS (a mask over the
    text colour, assets/contents.css), not as inline SVG in each button:
    it must show in the usual colours and in forced colours (Windows
    high contrast), where the browser would paint a background colour
    over with the page's own."""
    context = browser.new_context(forced_colors=forced, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/declaration/")
    button = page.get_by_role("button", name="Copy link to Salvador Declaration, paragraph 42")
    button.hover()
    page.wait_for_timeout(300)  # the glyphs fade in
    grey = Image.open(io.BytesIO(button.screenshot())).convert("L").tobytes()
    background = grey[0]  # a corner, outside the icon
    inked = len([value for value in grey if abs(value - background) > 60])
    context.close()
    # The icon's strokes cover about a fifth of its 18 × 18 px box.
    assert inked >= 30, inked


PAGE_WEIGHT_BUDGETS = {
    "/": (0.34, 0.32),
    "/declaration/42/": (0.29, 0.29),
    "/resolution/": (0.37, 0.35),
    "/declaration/": (0.45, 0.41),
    "/footnotes/": (0.29, 0.29),
}


@pytest.mark.parametrize("path", sorted(PAGE_WEIGHT_BUDGETS))
def test_page_weight_budget(built_site: BuiltSite, naive_site: Path, path: str) -> None:
    rows = []
    for compressed, budget in zip((False, True), PAGE_WEIGHT_BUDGETS[path], strict=True):
        ours = first_load_bytes(built_site.site, path, compressed)
        theirs = first_load_bytes(naive_site, "/", compressed)
        rows.append((compressed, ours, theirs, budget))
        report(f"first-load bytes ({'gzip' if compressed else 'uncompressed'}) of {path}: {ours}; "
               f"naive one-page site: {theirs}; ratio {ours / theirs:.3f} (budget {budget:.2f}; goal "
               f"{0.50 if compressed else 0.45:.2f})")
    for compressed, ours, theirs, budget in rows:
        assert ours <= budget * theirs, (path, "gzip" if compressed else "uncompressed", ours / theirs)


ISSUE_19_GOAL = {False: 0.45, True: 0.50}
"""Issue 19's goal, whatever the budgets above become: a first visit to
the home page, a paragraph page or a reading view transfers at most 0.45
of what the naive one-page site does uncompressed, 0.50 with gzip."""


@pytest.mark.parametrize("compressed", [False, True], ids=["uncompressed", "gzip"])
@pytest.mark.parametrize("path", ["/", "/declaration/42/", "/resolution/", "/declaration/"])
def test_a_first_visit_loads_under_issue_19_s_goal(built_site: BuiltSite, naive_site: Path, path: str,
                                                  compressed: bool) -> None:
    ours = first_load_bytes(built_site.site, path, compressed)
    theirs = first_load_bytes(naive_site, "/", compressed)
    assert ours <= ISSUE_19_GOAL[compressed] * theirs, ours / theirs


def test_material_stylesheet_is_purged(built_site: BuiltSite) -> None:
    """PurgeCSS ran: Material's rules for features this site never uses
    (grids of cards, Critic markup) are gone; those for what Material's
    bundle adds at run time stay, and only the primary colour in use."""
    css = next((built_site.site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    palette = next((built_site.site / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    assert ".md-typeset .grid" not in css and ".md-typeset .critic" not in css
    for kept in (".md-search-result__meta", ".md-tooltip2--active", ".md-dialog--active", ".md-top"):
        assert kept in css, kept
    assert "[data-md-color-primary=indigo]" in palette and "[data-md-color-primary=red]" not in palette
    assert not list((built_site.site / "assets" / "stylesheets").glob("*.map"))


def test_material_stylesheet_keeps_no_rules_for_markup_no_page_has(built_site: BuiltSite) -> None:
    """build_scripts/purge_css.mjs (issue 19): content tabs, code blocks and
    their copy button, right-to-left text and admonition types that no page
    has go, though Material's bundle and the text name them ("note",
    "tabbed-labels", "rtl"); the editors' admonition, the authority panel's
    <details>, the dark scheme, tags and the search results stay."""
    css = next((built_site.site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    palette = next((built_site.site / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    for gone in (".tabbed-labels", ".md-clipboard", "[dir=rtl]", ".admonition.note",
                 ".admonition.example", ".md-source"):
        assert gone not in css, gone
    for kept in (".md-typeset .admonition", ".md-typeset summary", ".md-typeset details", ".md-tag",
                 ".md-search-result__more", ".md-nav__link--active", "[dir=ltr]", ".md-header__title--active"):
        assert kept in css, kept
    assert "[data-md-color-scheme=slate]" in palette
    html = (built_site.site / "declaration" / "42" / "index.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' not in html and "tabbed-set" not in html
