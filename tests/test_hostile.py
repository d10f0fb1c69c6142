"""Untrusted text stays text: hostile text in every field that reaches a
page — the paragraph text (at its start, so that it lands in the page
description), a footnote body, an editors' note, each metadata field and a
theme name — is built into a site, and Chromium checks on every page that
no script runs, that the text is shown as written and that every meta tag
says exactly the text.

To cover a new field, add one entry to FIELDS (how to inject the text) and
the places it shows to SHOWN (where a reader sees it).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from build_scripts.exports import akoma_ntoso
from build_scripts.pipeline import build, load
from build_scripts.quotes import inner_quotes
from conftest import SEED, BuiltSite, block_requests, build_site, copy_project, run, serve

SETTINGS = "source/ecosoc-resolution-2010-18.yml"
NOTES = "source/ecosoc-resolution-2010-18.notes.yml"
THEMES = "source/ecosoc-resolution-2010-18.themes.yml"


def hostile(field: str, stars: bool = True) -> str:
    """Text that would run a script, make a link, become Markdown or HTML,
    or be evaluated as a template if any step let it. The source grammar
    reads "*" as emphasis, so source text gets none (``stars=False``)."""
    text = (
        f'xyzzy-{field} "><script>window.__pwned="{field}"</script>'
        f"<img src=x onerror=\"window.__pwned='{field}'\"> & &amp; ' _b_ "
        f'[x](javascript:window.__pwned="{field}") <br> {{{{ 7 + 7 }}}} {{% if 1 %}}y{{% endif %}} '
        "`c` \\ # | --> } -"
    )
    return text + (" *s* **t**" if stars else "")


def shown(text: str) -> str:
    """The text as a reader sees it: runs of white space are one space."""
    return " ".join(text.split())


def citation_template(field: str) -> str:
    # A citation template is a format string: braces are doubled.
    return hostile(field).replace("{", "{{").replace("}", "}}") + " {locator}"


@dataclass(frozen=True)
class Field:
    name: str
    inject: Callable[[Path], None]


def _edit_yaml(project: Path, path: str, change: Callable[[dict], None]) -> None:
    file = project / path
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    change(data)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _edit_source(project: Path, old: str, new: str) -> None:
    file = project / SEED
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def _setting(key: str, part: str | None = None) -> Callable[[Path], None]:
    """A top-level setting, a part's setting or (key "citation") a citation template."""

    def change(data: dict) -> None:
        if part is None:
            data[key] = hostile(key)
        elif key == "citation":
            data["citation"]["full"][part] = citation_template(f"citation-{part}")
        else:
            data["parts"][part][key] = hostile(f"{part}-{key}")

    return lambda project: _edit_yaml(project, SETTINGS, change)


def _paragraph(project: Path) -> None:
    # Resolution 10: resolution 11 refers to it ("paragraphs 9 and 10
    # above"), so that its text is also in a preview.
    _edit_source(project, "\n10. *Also requests*", f"\n10. {hostile('paragraph', stars=False)} *Also requests*")


def _footnote(project: Path) -> None:
    _edit_source(project, "<sup>17</sup> A/CONF.213/17.", f"<sup>17</sup> A/CONF.213/17. {hostile('footnote', False)}")


def _note(project: Path) -> None:
    def change(data: dict) -> None:
        note = next(n for n in data["notes"] if n.get("paragraph") == "preamble__p_2")
        note["text"] += " " + hostile("note", stars=False)

    _edit_yaml(project, NOTES, change)


def _theme(project: Path) -> None:
    _edit_yaml(project, THEMES, lambda data: data["themes"]["cybercrime"].update(title=hostile("theme")))


FIELDS = [
    Field("paragraph", _paragraph),
    Field("footnote", _footnote),
    Field("note", _note),
    Field("theme", _theme),
    Field("title", _setting("title")),
    Field("site_name", _setting("site_name")),
    Field("description", _setting("description")),
    Field("adoption", _setting("adoption")),
    Field("body", _setting("body")),
    Field("symbol", _setting("symbol")),
    Field("main-name", _setting("name", "main")),
    Field("main-title", _setting("title", "main")),
    Field("att_1-name", _setting("name", "att_1")),
    Field("att_1-title", _setting("title", "att_1")),
    Field("citation-main", _setting("citation", "main")),
    Field("citation-annex", _setting("citation", "annex")),
]

# Where a reader sees each field: (page, CSS selector of an element whose
# text shows it). Every field must show somewhere.
SHOWN: dict[str, list[tuple[str, str]]] = {
    "paragraph": [("resolution/10/", "#para_10"), ("resolution/", "#para_10")],
    "footnote": [("footnotes/", "#footnote-17"), ("declaration/50/", "#fn\\:17")],
    "note": [("resolution/preamble/2/", ".sd-editorial-note"), ("resolution/", ".sd-margin")],
    "theme": [("themes/cybercrime/", "h1"), ("themes/", "article"), ("declaration/42/", ".md-tags")],
    "title": [("about/", "article")],
    "site_name": [("", "h1"), ("", ".md-header__topic")],
    "description": [("", "article")],
    "adoption": [("", "article"), ("about/", "article")],
    "body": [("about/", "article")],
    "symbol": [("about/", "article")],
    "main-name": [("resolution/9/", "h1"), ("", ".md-nav")],
    "main-title": [("", "article"), ("resolution/", ".md-header__topic")],
    "att_1-name": [("declaration/42/", "h1"), ("resolution/9/", ".sd-backlinks, .sd-parallels")],
    "att_1-title": [("", "article"), ("about/", "article")],
}
# How a place shows a field when it is not the text as written: the about
# page quotes the title UN-style, its own double quotation marks single.
AS_SHOWN: dict[str, Callable[[str], str]] = {"title": inner_quotes}
# Attributes that must hold a field's text exactly: (page, selector, attribute, expected).
ATTRIBUTES = [
    ("", ".md-header .md-logo", "title", shown(hostile("site_name"))),
    ("", ".md-header .md-logo", "aria-label", shown(hostile("site_name"))),
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    for field in FIELDS:
        field.inject(project)
    # Labels (with the part names) are in the id registry: record them.
    run([sys.executable, "-m", "build_scripts", "--source", SEED, "--record-ids", "--quiet"], project)
    return build_site(project)


def test_every_field_is_injected_and_shown() -> None:
    assert {f.name for f in FIELDS} - {"citation-main", "citation-annex"} == set(SHOWN)


PARAGRAPH_PAGE = re.compile(r"(resolution|declaration)/(preamble/)?\d+(/[a-z])?")
# Fields whose text is on some paragraph pages only; the others (site
# name, part names, citation templates) are on every page of a part.
SOME_PAGES = ("xyzzy-paragraph", "xyzzy-footnote", "xyzzy-note", "xyzzy-theme")


def pages_to_visit(site: Path) -> list[str]:
    """Every page but the paragraph pages that only repeat what another of
    their kind shows: each page that is not a paragraph page, each
    paragraph page with a field that only some show, and the first
    paragraph page of each folder."""
    pages, folders = [], set()
    for file in sorted(site.rglob("index.html")):
        path = file.relative_to(site).parent.as_posix()
        folder = path.rsplit("/", 1)[0]
        repeats = PARAGRAPH_PAGE.fullmatch(path) and folder in folders
        if repeats and not any(marker in file.read_text(encoding="utf-8") for marker in SOME_PAGES):
            continue
        folders.add(folder)
        pages.append(path)
    return pages


def test_no_script_runs_and_meta_tags_say_the_text(hostile_site: BuiltSite, browser) -> None:
    pages = pages_to_visit(hostile_site.site)
    assert {"resolution/10", "resolution/11", "declaration/50", "resolution/preamble/2", "declaration/42"} <= set(pages)
    context = browser.new_context()
    dialogs: list[str] = []
    with serve(hostile_site.site) as url:
        blocked = block_requests(context, url)
        page = context.new_page()
        def dismiss(dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)
        for path in pages:
            address = f"{url}/" + ("" if path == "." else f"{path}/")
            page.goto(address, wait_until="load")
            state = page.evaluate(
                """() => ({
                  pwned: window.__pwned === undefined ? null : String(window.__pwned),
                  scripts: [...document.querySelectorAll('script:not([src])')]
                    .filter(s => s.textContent.includes('__pwned') && s.type !== 'application/json').length,
                  javascript: document.querySelectorAll('a[href^="javascript:" i]').length,
                  title: document.title,
                  meta: Object.fromEntries([...document.querySelectorAll('meta[content]')]
                    .map(m => [m.getAttribute('name') || m.getAttribute('property'), m.getAttribute('content')])),
                })"""
            )
            assert state["pwned"] is None, f"{path}: a script from field {state['pwned']!r} ran"
            assert state["scripts"] == 0 and state["javascript"] == 0, f"{path}: hostile markup became HTML"
            meta = state["meta"]
            assert meta["og:site_name"] == shown(hostile("site_name")), path
            assert meta["description"] == meta["og:description"], path
            # X falls back on the og: tags: no twitter: copy to disagree with them.
            assert "twitter:title" not in meta and "twitter:description" not in meta, path
            if path != ".":
                if PARAGRAPH_PAGE.fullmatch(path):
                    # A paragraph page's title names the document itself:
                    # the theme adds no site name (issue 16).
                    assert state["title"] == meta["og:title"], path
                else:
                    assert state["title"] == f"{meta['og:title']} - {meta['og:site_name']}", path
        page.close()
    context.close()
    assert dialogs == [] and blocked == []


def page_state(page, url: str, path: str) -> dict:
    page.goto(f"{url}/{path}", wait_until="load")
    return page.evaluate(
        """() => ({
          title: document.title,
          meta: Object.fromEntries([...document.querySelectorAll('meta[content]')]
            .map(m => [m.getAttribute('name') || m.getAttribute('property'), m.getAttribute('content')])),
        })"""
    )


def test_meta_tags_equal_the_fields(hostile_site: BuiltSite, page) -> None:
    site_name = shown(hostile("site_name"))
    with serve(hostile_site.site) as url:
        home = page_state(page, url, "")
        assert home["title"].startswith(site_name)
        assert home["meta"]["description"] == shown(hostile("description"))
        assert home["meta"]["og:title"] == site_name

        paragraph = page_state(page, url, "declaration/42/")
        # Number, the editors' subject and the part's name (issue 16): the
        # title names the document, so the theme adds no site name.
        label = "42 · Expert group on cybercrime — " + shown(hostile("att_1-name"))
        assert paragraph["title"] == label
        assert paragraph["meta"]["og:title"] == label
        # The description is the paragraph's first words (at most 160
        # characters, cut at a word): the hostile text.
        description = page_state(page, url, "resolution/10/")["meta"]["description"]
        assert description.endswith("…") and len(description) <= 160 and '"><script>' in description
        assert shown(hostile("paragraph", stars=False)).startswith(description.removesuffix("…"))

        view = page_state(page, url, "resolution/")
        assert view["meta"]["og:title"] == shown(hostile("main-title"))
        assert view["meta"]["description"] == "Full text: " + shown(hostile("main-title"))

        theme = page_state(page, url, "themes/cybercrime/")
        assert theme["meta"]["og:title"] == "Theme: " + shown(hostile("theme"))
        # The tags listing still finds the theme's paragraphs by its name.
        listed = page.eval_on_selector_all("article a", "els => els.map(a => new URL(a.href).pathname)")
        assert {"/resolution/9/", "/declaration/42/"} <= set(listed), listed


def test_the_text_is_shown_as_written(hostile_site: BuiltSite, page) -> None:
    with serve(hostile_site.site) as url:
        for field, places in SHOWN.items():
            text = shown(hostile(field, stars=field not in ("paragraph", "footnote", "note")))
            if field not in ("paragraph", "footnote", "note"):
                # "*s*" and "**t**" are plain characters in settings and themes.
                assert text.endswith(" *s* **t**")
            text = AS_SHOWN.get(field, str)(text)
            for path, selector in places:
                page.goto(f"{url}/{path}", wait_until="load")
                seen = shown(" ".join(page.locator(selector).all_text_contents()))
                assert text in seen, f"{field} on /{path} ({selector}) shows: {seen[:400]}"
        for path, selector, attribute, expected in ATTRIBUTES:
            page.goto(f"{url}/{path}", wait_until="load")
            assert page.locator(selector).first.get_attribute(attribute) == expected, (path, selector, attribute)


def test_previews_and_footnote_popovers_show_the_text(hostile_site: BuiltSite, page) -> None:
    with serve(hostile_site.site) as url:
        page.goto(f"{url}/resolution/11/", wait_until="load")
        page.locator('a.sd-ref[data-preview="para_10"]').first.hover()
        preview = page.locator(".sd-preview").first
        preview.wait_for(state="visible")
        assert shown(hostile("paragraph", stars=False)) in shown(preview.inner_text())
        page.goto(f"{url}/declaration/50/", wait_until="load")
        page.locator('a.footnote-ref[href="#fn:17"]').first.hover()
        tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="xyzzy-footnote").first
        tooltip.wait_for(state="visible")
        assert shown(hostile("footnote", stars=False)) in shown(tooltip.inner_text())
        assert page.evaluate("window.__pwned === undefined")


def test_search_shows_the_text(hostile_site: BuiltSite, page) -> None:
    with serve(hostile_site.site) as url:
        page.goto(f"{url}/", wait_until="load")
        page.locator("input.md-search__input").click()
        page.keyboard.type("xyzzy", delay=5)
        first = page.locator(".md-search-result__item").first
        first.wait_for(state="visible")
        assert shown(hostile("paragraph", stars=False)) in shown(page.locator(".md-search-result").inner_text())
        assert page.evaluate("window.__pwned === undefined")


def strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def test_data_files_hold_the_text(hostile_site: BuiltSite, tmp_path: Path) -> None:
    document = json.loads((hostile_site.site / "data" / "document.json").read_text(encoding="utf-8"))
    for field in ("paragraph", "footnote", "note"):
        assert any(hostile(field, stars=False) in s for s in strings(document)), field
    assert hostile("title") in strings(document)
    # Akoma Ntoso needs the document's identity (symbol, body, date), which
    # hostile settings do not give: the text fields alone, with the settings kept.
    project = copy_project(tmp_path / "p")
    for text_field in FIELDS:
        if text_field.name in ("paragraph", "footnote", "note"):
            text_field.inject(project)
    akn = akoma_ntoso(build(load(project / SEED), check_registry=False))
    assert akn is not None
    words = shown("".join(ElementTree.fromstring(akn.encode("utf-8")).itertext()))
    for field in ("paragraph", "footnote"):  # the editors' notes are not in it
        assert shown(hostile(field, stars=False)) in words, field


def test_a_printed_line_break_stays_a_line_break(hostile_site: BuiltSite, page) -> None:
    with serve(hostile_site.site) as url:
        page.goto(f"{url}/declaration/", wait_until="load")
        adoption = page.locator(".sd-framing", has_text="plenary meeting").inner_text()
        assert re.search(r"plenary meeting\s*\n\s*22 July 2010", adoption), adoption
        # "<br>" written in the text is text, not a break.
        page.goto(f"{url}/resolution/", wait_until="load")
        assert "javascript:window.__pwned=\"paragraph\") <br> {{" in page.locator("#para_10").inner_text()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("site_url", 'https://salvador-reader.github.io/"><script>', "has characters other than letters"),
        ("site_url", "https://salvador-reader.github.io/{{x}}", "has characters other than letters"),
        ("site_url", "javascript:alert(1)//", "is not an https:// address"),
    ],
)
def test_addresses_that_would_need_escaping_are_refused(tmp_path: Path, key: str, value: str, message: str) -> None:
    project = copy_project(tmp_path / "p")
    _edit_yaml(project, SETTINGS, lambda data: data.update({key: value}))
    result = run([sys.executable, "-m", "build_scripts", "--source", SEED, "--quiet"], project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(rf"^{re.escape(SETTINGS)}:\d+:\d+: error: .*{message}", result.stderr, re.MULTILINE), result.stderr


def test_a_slug_that_is_not_a_plain_folder_name_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    _edit_yaml(project, SETTINGS, lambda data: data["parts"]["att_1"].update(slug='de"cl'))
    result = run([sys.executable, "-m", "build_scripts", "--source", SEED, "--quiet"], project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(rf"^{re.escape(SETTINGS)}:\d+:\d+: error: slug 'de\"cl' of part 'att_1'", result.stderr,
                     re.MULTILINE), result.stderr


@pytest.mark.parametrize(
    ("path", "field", "locator"),
    [("declaration/42/", "citation-annex", "para. 42"), ("resolution/9/", "citation-main", "para. 9")],
)
def test_the_cite_dialog_shows_the_citation_template_as_written(
        hostile_site: BuiltSite, browser, path: str, field: str, locator: str) -> None:
    context = browser.new_context()
    with serve(hostile_site.site) as url:
        block_requests(context, url)
        page = context.new_page()
        page.goto(f"{url}/{path}", wait_until="load")
        page.locator(".sd-cite-open").first.click()
        full = page.locator("#sd-cite-full")
        full.wait_for()
        assert shown(full.inner_text()) == shown(hostile(field) + " " + locator)
        assert page.evaluate("window.__pwned === undefined")
    context.close()


@pytest.mark.parametrize(
    ("path", "eid", "field", "locator"),
    [("declaration", "att_1__para_42", "citation-annex", "para. 42"),
     ("resolution", "para_9", "citation-main", "para. 9")],
)
def test_a_reading_view_copies_the_citation_template_as_written(
        hostile_site: BuiltSite, browser, path: str, eid: str, field: str, locator: str) -> None:
    """From file:// without a public address, a reading view's copy button
    copies its paragraph's citation: the view's one citation frame (JSON
    in the page) joined by the button's locator, as written."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto((hostile_site.site / path / "index.html").as_uri(), wait_until="load")
    page.locator(f"#{eid} button.sd-copy--compact").click()
    assert page.evaluate("navigator.clipboard.readText()") == shown(hostile(field) + " " + locator)
    assert page.evaluate("window.__pwned === undefined")
    context.close()
