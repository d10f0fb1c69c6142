"""Input that varies harmlessly, builds that fail half-way, text that looks
like code, requests to other hosts, broken links, and reproducibility."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import PUBLIC_ADDRESS, ROOT, SEED, BuiltSite, block_requests, build_site, copy_project, run, serve

SEED_TEXT = (ROOT / SEED).read_text(encoding="utf-8")


def snapshot(directory: Path) -> dict[str, bytes]:
    if not directory.exists():
        return {}
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def generated_pages(project: Path) -> dict[str, bytes]:
    run([sys.executable, "-m", "build_scripts", "--source", SEED, "--quiet"], project)
    return snapshot(project / "docs")


# --- harmless variation -------------------------------------------------------


@pytest.fixture(scope="module")
def baseline_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return generated_pages(copy_project(tmp_path_factory.mktemp("baseline")))


VARIANTS = {
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "byte-order-mark": lambda text: "\ufeff" + text,
    "trailing-spaces": lambda text: re.sub(r"\n", "  \t\n", text),
    "no-final-newline": lambda text: text.rstrip("\n"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_harmless_variation_builds_the_same_pages(variant: str, tmp_path: Path, baseline_pages) -> None:
    project = copy_project(tmp_path / "p")
    (project / SEED).write_bytes(VARIANTS[variant](SEED_TEXT).encode("utf-8"))
    assert generated_pages(project) == baseline_pages


# --- atomic builds --------------------------------------------------------------


def test_failed_builds_leave_everything_as_it_was(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    build_site(project)
    before = {name: snapshot(project / name) for name in ("docs", "site", "dist")}
    assert before["site"] and before["dist"]

    # Bad input: the generator stops before writing anything.
    (project / SEED).write_text(SEED_TEXT.replace("<sup>17</sup> A/CONF", "<sup>18</sup> A/CONF"), encoding="utf-8")
    failed = build_site(project, check=False)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "docs/, site/ and dist/ are as they were" in failed.stderr
    assert {name: snapshot(project / name) for name in ("docs", "site", "dist")} == before

    # Good input whose pages change, but MkDocs fails (a hand-written page
    # with a broken link under --strict): the new pages are not kept either.
    (project / SEED).write_text(SEED_TEXT.replace("We welcome with appreciation the offer",
                                                  "We welcome with great appreciation the offer"), encoding="utf-8")
    handwritten = project / "docs" / "handwritten.md"
    handwritten.write_text("# A hand-written page\n\n[A broken link](missing.md)\n", encoding="utf-8")
    before["docs"]["handwritten.md"] = handwritten.read_bytes()
    failed = build_site(project, check=False)
    assert failed.returncode != 0 and "missing.md" in failed.stderr + failed.stdout
    assert {name: snapshot(project / name) for name in ("docs", "site", "dist")} == before
    assert not [p.name for p in project.iterdir() if p.name.endswith((".next", ".old"))]

    # Fixed: a successful build replaces them whole.
    handwritten.write_text("# A hand-written page\n", encoding="utf-8")
    build_site(project)
    assert "with great appreciation" in (project / "docs" / "declaration" / "54.md").read_text(encoding="utf-8")
    assert "with great appreciation" in (project / "site" / "declaration" / "54" / "index.html").read_text(
        encoding="utf-8")


# --- text is text -------------------------------------------------------------------

HOSTILE = {
    "paragraph": ("We welcome with appreciation the offer",
                  'We welcome <script>window.__pwned = 1</script> [click me](javascript:window.__pwned=3) with '
                  'appreciation the offer'),
    "footnote": ("<sup>17</sup> A/CONF.213/17.",
                 '<sup>17</sup> A/CONF.213/17. <img src=x onerror="window.__pwned = 2"> <b>bold?</b>'),
}


def test_html_and_script_in_the_source_are_shown_as_text(tmp_path: Path, browser) -> None:
    project = copy_project(tmp_path / "p")
    text = SEED_TEXT
    for old, new in HOSTILE.values():
        text = text.replace(old, new)
    (project / SEED).write_text(text, encoding="utf-8")
    notes = project / "source" / "ecosoc-resolution-2010-18.notes.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace(
        "It is shown as\n      printed.", "It is shown as printed. <script>window.__pwned = 4</script>"),
        encoding="utf-8")
    built = build_site(project)
    page = browser.new_page()
    with serve(built.site) as url:
        for path in ["/declaration/54/", "/declaration/", "/resolution/preamble/2/", "/footnotes/", "/declaration/50/"]:
            page.goto(url + path)
            assert page.evaluate("window.__pwned") is None, path
        page.goto(url + "/declaration/54/")
        paragraph = page.locator("#att_1__para_54")
        assert "<script>window.__pwned = 1</script>" in paragraph.inner_text()
        assert "[click me](javascript:window.__pwned=3)" in paragraph.inner_text()
        assert paragraph.locator("script, a[href^='javascript']").count() == 0
        paragraph.get_by_text("click me").click()
        assert page.evaluate("window.__pwned") is None
        page.goto(url + "/declaration/50/")
        footnote = page.locator('li[id="fn:17"]')
        assert '<img src=x onerror="window.__pwned = 2">' in footnote.inner_text()
        assert footnote.locator("img, b").count() == 0
        page.locator("a.footnote-ref").hover()
        page.locator(".md-tooltip2--active").wait_for()
        assert page.evaluate("window.__pwned") is None
        page.goto(url + "/resolution/preamble/2/")
        assert "<script>window.__pwned = 4</script>" in page.locator(".admonition.editorial").inner_text()
    page.close()


# --- no request to another host ---------------------------------------------------------


def all_pages(site: Path) -> list[str]:
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


def test_no_page_requests_another_host(built_site: BuiltSite, site_url: str, browser) -> None:
    context = browser.new_context()
    elsewhere = block_requests(context, site_url)
    page = context.new_page()
    pages = all_pages(built_site.site)
    assert len(pages) >= 88 + 6
    for path in pages:
        page.goto(site_url + path, wait_until="load")
    # Searching loads the worker and the index: still nothing from outside.
    page.goto(site_url + "/")
    page.locator("input.md-search__input").click()
    page.keyboard.type("cybercrime", delay=10)
    page.locator(".md-search-result__item").first.wait_for()
    context.close()
    assert elsewhere == []


# --- intact links -----------------------------------------------------------------------

LINK_ATTRIBUTES = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")]


def crawl(site: Path) -> tuple[int, list[str]]:
    """Every internal link and anchor of every page, checked against the
    files and ids that exist. External links are left alone."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {str(el["id"]) for el in soup.select("[id]")}
            ids[path] |= {str(el["name"]) for el in soup.select("a[name]")}
        return ids[path]

    checked, broken = 0, []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in LINK_ATTRIBUTES:
            for element in soup.find_all(tag):
                value = str(element.get(attribute) or "")
                if not value or re.match(r"^[a-z]+:", value) and not value.startswith("file:"):
                    continue  # https:, mailto:, data:, javascript: (none are expected to be internal)
                parts = urlsplit(value)
                if parts.path.startswith("/"):  # root-relative, as in 404.html
                    target = site / unquote(parts.path).lstrip("/")
                else:
                    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if parts.path.endswith("/") or target.is_dir():
                    target = target / "index.html"
                checked += 1
                where = f"{page.relative_to(site)}: {tag} {attribute}={value}"
                if not target.is_file():
                    broken.append(where)
                elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
                    broken.append(where + " (no such anchor)")
    return checked, broken


def test_no_broken_link_or_anchor_online(built_site: BuiltSite) -> None:
    checked, broken = crawl(built_site.site)
    assert checked > 2000
    assert broken == []


def test_no_broken_link_or_anchor_offline(offline_site: Path) -> None:
    checked, broken = crawl(offline_site)
    assert checked > 2000
    assert broken == []


def test_crawler_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">gone</a><a href="a/#x">no anchor</a>')
    (tmp_path / "a" / "index.html").write_text('<p id="y">y</p>')
    assert crawl(tmp_path) == (3, ["index.html: a href=b/", "index.html: a href=a/#x (no such anchor)"])


# --- reproducible -------------------------------------------------------------------


def test_two_builds_in_different_directories_give_identical_sites(built_site: BuiltSite, second_build) -> None:
    first, second = snapshot(built_site.site), snapshot(second_build.site)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_a_rebuild_from_the_build_caches_gives_the_same_site_and_zip(built_site: BuiltSite, second_build,
                                                                       tmp_path: Path) -> None:
    """make build keeps the generator's last record, compiled templates,
    PurgeCSS's results and the compressed copies in .cache/ and reuses
    them when nothing changed: the rebuild is the same, byte for byte, as
    a build with no cache."""
    project = tmp_path / "again"
    shutil.copytree(second_build.project, project, symlinks=True)
    cache = project / ".cache"
    assert all(any((cache / name).rglob("*")) for name in ("generate", "jinja", "purge", "precompress"))
    build_site(project, site_url=PUBLIC_ADDRESS)
    assert snapshot(project / "site") == snapshot(built_site.site)
    assert snapshot(project / "dist") == snapshot(built_site.project / "dist")

