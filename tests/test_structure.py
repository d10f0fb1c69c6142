"""What readers choose where to go by (issue 16): every paragraph's subject
on the home page, in its title, og:title and navigation entry; the reading
views' number permalinks, unbroken glyphs and margin notes; plain wording;
theme pages that print their paragraphs in full; and navigation markup that
stays small as the document grows."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_site import article, soup

from bench.synthetic import synthesize
from build_scripts.minify import minify_html
from build_scripts.pipeline import build, load
from build_scripts.render.common import SiteIndex
from conftest import ROOT, SEED, BuiltSite, copy_project, one, report


@pytest.fixture(scope="module")
def index() -> SiteIndex:
    return SiteIndex.of(build(load(ROOT / SEED)))


def page_url(unit_page: str) -> str:
    return unit_page.removesuffix(".md") + "/"


def test_every_paragraph_has_its_subject_in_contents_title_and_og_title(built_site: BuiltSite,
                                                                        index: SiteIndex) -> None:
    home = article(built_site.site, "")
    contents = {a["href"]: a for a in home.select(".sd-toc a")}
    paragraphs = [u for u in index.units if u.kind != "point"]
    assert len(paragraphs) == 88
    for unit in paragraphs:
        named = index.site.subjects[unit.eid]
        assert named.editorial, unit.eid
        entry = contents[page_url(unit.page)]
        assert entry.select_one(".sd-toc-num").get_text() == index.named[unit.eid].number
        assert entry.select_one(".sd-subject").get_text() == named.text, unit.eid
        page = soup(built_site.site, page_url(unit.page))
        title = f"{index.named[unit.eid].number} · {named.text} — {unit.part.name}"
        assert page.title.get_text() == title
        assert one(page, 'meta[property="og:title"]')["content"] == title
    assert contents["declaration/42/"].get_text(" ", strip=True) == "42 Expert group on cybercrime"
    assert soup(built_site.site, "declaration/42/").title.get_text() == \
        "42 · Expert group on cybercrime — Salvador Declaration"
    # The home page's <title> is the site's name once, not twice.
    assert soup(built_site.site, "").title.get_text() == "Salvador Declaration reader"


SITE_NAME = "Salvador Declaration reader"


def test_no_title_names_the_site_twice(built_site: BuiltSite) -> None:
    """Every page's <title> and og:title, the home page's included: the
    site's name at most once, and never after a title that already names
    the document (paragraph pages)."""
    titles = {}
    for path in built_site.site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if page.title is None:  # a redirect
            continue
        titles[path.relative_to(built_site.site).as_posix()] = page.title.get_text()
        og = page.select_one('meta[property="og:title"]')
        for title in [page.title.get_text(), og["content"] if og else ""]:
            assert title.count(SITE_NAME) <= 1, (path, title)
    assert len(titles) > 100, "every page: 88 paragraph pages and the rest"
    assert titles["index.html"] == SITE_NAME
    assert titles["declaration/42/index.html"] == "42 · Expert group on cybercrime — Salvador Declaration"
    assert titles["footnotes/index.html"] == f"Footnotes - {SITE_NAME}"


def test_subjects_are_marked_as_the_editors_and_never_in_the_text(built_site: BuiltSite, index: SiteIndex) -> None:
    for unit in index.units:
        page = article(built_site.site, page_url(unit.page))
        subject = one(page, "h1 .sd-subject")
        assert subject["title"] == "Editors’ subject"
        assert subject.select_one(".sd-visually-hidden").get_text() == "Editors’ subject: "
        text_block = page.select_one(f"#{unit.eid}")
        assert not text_block.select(".sd-subject, .sd-visually-hidden"), unit.eid
    home = article(built_site.site, "")
    assert "subject in the editors’ words" in home.select_one(".sd-toc-note").get_text()


def test_subjects_stay_out_of_the_search_index(built_site: BuiltSite) -> None:
    """The editors' words do not rank: the index holds each page's label,
    and the search layer shows the subject in results (tests/test_search.py)."""
    docs = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = {d["location"]: d["title"] for d in docs}
    assert titles["declaration/42/"] == "Salvador Declaration, paragraph 42"
    assert not any("Expert group on cybercrime" in d["title"] + d["text"] for d in docs)


def test_previews_and_neighbours_name_the_subject(built_site: BuiltSite) -> None:
    page = soup(built_site.site, "resolution/9/")
    previews = one(page, "script.sd-previews").get_text()
    assert "sd-preview__subject" in previews and "Expert group on cybercrime" in previews
    nav = article(built_site.site, "declaration/42/").select_one("nav.sd-prevnext")
    assert [s.get_text() for s in nav.select(".sd-subject")] == [
        "Technical assistance against cybercrime", "Education on standards and norms and the rule of law"]


def test_navigation_lists_every_paragraph_with_its_subject(built_site: BuiltSite, index: SiteIndex) -> None:
    for unit in index.units:
        page = soup(built_site.site, page_url(unit.page))
        active = one(page, ".md-nav--primary a.md-nav__link--active")
        number = index.named[unit.eid].number.removeprefix("pp ")
        assert active.select_one(".sd-nav-num").get_text() == number, unit.eid
        assert active.select_one(".sd-subject").get_text() == index.site.subjects[unit.eid].text
        assert one(active, ".sd-subject")["title"] == "Editors’ subject"
        # Pruned: the other part's paragraphs are not on this page.
        other = "declaration" if unit.part.key == "main" else "resolution"
        assert not page.select(f'.md-nav--primary a[href*="/{other}/1/"]'), unit.eid


def test_header_has_the_jump_box_on_every_page(built_site: BuiltSite) -> None:
    for path in built_site.site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in html:
            continue
        page = BeautifulSoup(html, "html.parser")
        # A printable handout (overrides/handout.html) is a sheet of paper,
        # with no site chrome at all.
        if page.select_one("main > div.sd-handout"):
            continue
        header = page.select_one("header.md-header")
        assert header.select_one("form.sd-jump[data-sd-jump] input#sd-jump-header"), path


def nav_markup(html: str) -> str:
    """The primary navigation's HTML, as served."""
    start = html.index('<nav class="md-nav md-nav--primary')
    depth = 0
    for match in re.finditer(r"<(/?)nav\b", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[start:start + match.end() + 1]
    raise AssertionError("unclosed navigation")


PAGE_GROWTH_BYTES = 64
"""What a paragraph page may gain when its annex is ten times longer: a
digit here and there where the page prints a count or a number ("551
paragraphs", "Paragraphs 51–60" for "51–55"), not a single entry of
navigation. Before issue 19's window it gained 2,570 B (1.11×): the
groups of ten were grouped in hundreds, a level more on the way to each
page."""


def nav_reach(site: Path, start: str) -> set[str]:
    """Every page a reader reaches from ``start`` by the primary navigation
    alone (its links, page after page), as site paths ("declaration/42/")."""
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        html = (site / here / "index.html").read_text(encoding="utf-8")
        for href in re.findall(r'<a href="([^"#]+)"', nav_markup(html)):
            there = os.path.normpath(os.path.join(here, href)).replace(os.sep, "/").lstrip("./") + "/"
            there = "" if there in ("/", "./") else there
            if there not in seen and (site / there / "index.html").is_file():
                seen.add(there)
                todo.append(there)
    return seen


def test_navigation_markup_stays_flat_as_the_document_grows(tmp_path: Path) -> None:
    """The synthetic source with its annex 10× the seed's: a paragraph page
    carries the same navigation, entry for entry and byte for byte. The
    paragraphs are in groups of ten, one level deep; Material prunes the
    sections off the page's way, and build_scripts/nav_window.py keeps of
    a part's groups the page's own and its neighbours. The navigation
    alone still takes a reader to every paragraph."""
    project = copy_project(tmp_path / "project")
    sizes = {}
    for factor in (1, 10):
        source = synthesize(factor, tmp_path / "synthetic")
        docs = tmp_path / f"docs-{factor}"
        # The project copy's assets: the hand-written ones only (copy_project
        # leaves out what a generation wrote into the working tree).
        shutil.copytree(project / "docs" / "assets", docs / "assets")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCS_DIR": str(docs), "SOURCE": str(source)}
        subprocess.run([sys.executable, "-m", "build_scripts", "--quiet", "--source", str(source), "--docs",
                        str(docs), "--config-out", str(project / ".generated" / "mkdocs.yml"),
                        "--ids-out", str(tmp_path / "ids.json")], cwd=project, env=env, check=True)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(tmp_path / f"site-{factor}")],
                       cwd=project, env=env, check=True)
        html = minify_html((tmp_path / f"site-{factor}" / "declaration" / "42" / "index.html").read_text("utf-8"))
        sizes[factor] = (len(html.encode()), len(nav_markup(html).encode()), html.count('class="md-nav__item'))
    (page_1, nav_1, items_1), (page_10, nav_10, items_10) = sizes[1], sizes[10]
    report(f"/declaration/42/ as served, synthetic 1× vs 10× annex: page {page_1} → {page_10} B "
           f"({page_10 / page_1:.3f}×), navigation {nav_1} → {nav_10} B ({nav_10 / nav_1:.3f}×), "
           f"entries {items_1} → {items_10}")
    assert items_10 == items_1
    assert nav_10 == nav_1
    assert page_10 - page_1 <= PAGE_GROWTH_BYTES
    # From home, by the navigation alone: every paragraph of the 10× annex.
    site = tmp_path / "site-10"
    annex = {page.parent.relative_to(site).as_posix() + "/" for page in site.glob("declaration/**/index.html")
             if re.fullmatch(r"declaration/(preamble/)?\d+", page.parent.relative_to(site).as_posix())}
    assert len(annex) == 8 + 54 * 10 + 1
    missing = annex - nav_reach(site, "")
    assert not missing, sorted(missing)[:5]


def test_reading_view_number_is_the_paragraphs_permalink(built_site: BuiltSite) -> None:
    view = article(built_site.site, "declaration/")
    number = one(view, "#att_1__para_42 > a.sd-num")
    assert number["href"] == "#att_1__para_42" and number.get_text() == "42."
    for paragraph in view.select("p.sd-operative"):
        link = one(paragraph, "a.sd-permalink")
        assert link["href"] == f"#{paragraph['id']}", paragraph["id"]
    # On a paragraph's own page the number is not a link.
    assert not article(built_site.site, "declaration/42/").select("a.sd-permalink")


def test_glyphs_stay_with_the_last_word(built_site: BuiltSite) -> None:
    view = article(built_site.site, "declaration/")
    for paragraph in view.select("p.sd-para"):
        nowrap = paragraph.select(".sd-nowrap")
        assert len(nowrap) == 1, paragraph["id"]
        assert one(nowrap[0], "a.sd-pagelink").get_text() == "¶"
        assert one(nowrap[0], "button.sd-copy--compact")
        assert nowrap[0].get_text(" ", strip=True).split()[0].strip(".,;:"), paragraph["id"]
        assert paragraph.get_text().rstrip().endswith(nowrap[0].get_text().rstrip()), paragraph["id"]


@pytest.mark.parametrize("width", [1280, 390])
def test_glyphs_never_stand_on_a_line_of_their_own(browser, site_url: str, width: int) -> None:
    """In Chromium: the last word and its glyphs are one box on one line, in
    both reading views, with a mouse (glyphs shown on hover) and on a
    phone."""
    context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=width < 600)
    page = context.new_page()
    for view in ("/resolution/", "/declaration/"):
        page.goto(site_url + view)
        # One line: every box of the span (Chromium gives one per inline
        # child) has the same top.
        broken = page.evaluate("""() => [...document.querySelectorAll('.sd-nowrap')]
            .filter(span => new Set([...span.getClientRects()].map(r => Math.round(r.top))).size !== 1)
            .map(span => span.closest('.sd-para').id)""")
        assert broken == [], view
    context.close()


def test_margin_notes(built_site: BuiltSite) -> None:
    view = article(built_site.site, "declaration/")
    margin = one(view, "#att_1__para_42 + aside")
    assert "sd-margin" in margin["class"]
    acted = one(margin, ".sd-margin__acted")
    assert acted.get_text(" ", strip=True).replace(" ,", ",").startswith(
        "Acted on by Resolution 2010/18, operative paragraph 9, which restates it almost word for word")
    assert one(acted, "a")["href"] == "../resolution/#para_9"
    assert margin.select_one(".sd-margin__themes").get_text(" ", strip=True) == \
        "Themes: Cybercrime · Technical assistance · International cooperation"
    # A paragraph the resolution restates without acting on it.
    parallel = view.select_one("#att_1__para_8").find_next_sibling().select_one(".sd-margin__parallel")
    assert parallel.get_text(" ", strip=True).startswith("Restated in similar words in Resolution 2010/18")
    # Editors' notes stand in the margin, marked as theirs.
    resolution = article(built_site.site, "resolution/")
    note = resolution.select_one("#preamble__p_2").find_next_sibling().select_one(".sd-margin__note")
    assert note.get_text().startswith("Editors’ note: This preambular paragraph ends with a full stop")
    # Within one part: "Referred to in".
    referred = resolution.select_one("#para_9").find_next_sibling().select_one(".sd-margin__acted")
    assert referred.get_text(" ", strip=True).startswith("Referred to in Resolution 2010/18, operative paragraph 11")


def test_wording_for_readers(built_site: BuiltSite) -> None:
    for path in built_site.site.rglob("*.html"):
        text = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        assert "the build" not in text.lower(), path
    page = article(built_site.site, "declaration/42/")
    assert [h.get_text() for h in page.select("h2.sd-apparatus-title")] == ["Referred to in", "Parallel passage"]
    parallels = one(page, ".sd-parallels")
    said = parallels.get_text(" ", strip=True)
    assert "Restated almost word for word in Resolution 2010/18, operative paragraph 9" in said
    assert "0.90" not in said and "similarity" not in said.lower()
    assert str(one(parallels, ".sd-closeness")["title"]).startswith("Similarity 0.90")
    compare = parallels.select_one("details.sd-compare")
    assert compare.summary.get_text() == "Compare word by word"
    assert not compare.find_parent(class_="admonition") and not compare.find_parent(class_="sd-editorial-note")


def test_theme_page_prints_its_paragraphs_in_full(built_site: BuiltSite, index: SiteIndex) -> None:
    page = article(built_site.site, "themes/cybercrime/")
    paragraphs = page.select("p.sd-para")
    eids = ["para_9", "para_12", "att_1__para_39", "att_1__para_40", "att_1__para_41", "att_1__para_42"]
    assert [p["id"] for p in paragraphs] == eids
    for paragraph, eid in zip(paragraphs, eids, strict=True):
        own = article(built_site.site, page_url(index.by_eid[eid].page)).select_one(f"#{eid}")
        # The words, not the markup: glossary marks fall on a term's first
        # use on each page, which differs between the two pages.
        assert paragraph.get_text().split() == own.get_text().split(), eid
        heading = paragraph.find_previous_sibling("h3")
        assert heading.select_one(".sd-subject").get_text() == index.site.subjects[eid].text
    assert [a["href"] for a in page.select(".sd-theme-contents a")] == [f"#{e}" for e in eids]
    # The theme chips on paragraph pages still lead here.
    assert page.select_one('h2[id="tag:cybercrime"]')
