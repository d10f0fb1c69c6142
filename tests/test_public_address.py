"""The public address, tried as readers use it, in a build with an address
(`make build SITE_URL=…`) and in one without (a newcomer's first build):
what Copy link, Share and Cite give online and from file://, canonical
links, og:url, the sitemap, printed addresses, the authority panel and
footer, and that no file of either build names a reserved or local host."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from bs4 import BeautifulSoup

from build_scripts.address import reserved
from conftest import PUBLIC_ADDRESS, ROOT, BuiltSite, Bundle, report, serve, tab_until, unzip_bundle

FULL_42 = ("Salvador Declaration on Comprehensive Strategies for Global Challenges: Crime Prevention and Criminal "
           "Justice Systems and Their Development in a Changing World, para. 42, annexed to Economic and Social "
           "Council resolution 2010/18 of 22 July 2010 (E/RES/2010/18)")
PUBLIC_42 = PUBLIC_ADDRESS + "declaration/42/"
# Every host named in a URL ("https://host…", "//host…").
_HOST = re.compile(r"(?:https?:)?//(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9][A-Za-z0-9.\-]*)")
# A share sheet that records what it was given.
SHARE_STUB = """Object.defineProperty(navigator, 'share', {configurable: true, value: (data) => {
  window.__shared = data; return Promise.resolve(); }});"""


@pytest.fixture(scope="session")
def unaddressed_bundle(unaddressed_site: BuiltSite) -> Bundle:
    return unzip_bundle(unaddressed_site.project)


@pytest.fixture(scope="session")
def unaddressed_url(unaddressed_site: BuiltSite) -> Iterator[str]:
    with serve(unaddressed_site.site) as url:
        yield url


def context(browser, phone: bool = False, share: bool = False):
    size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    made = browser.new_context(viewport=size, has_touch=phone, is_mobile=phone)
    made.grant_permissions(["clipboard-read", "clipboard-write"])
    if share:
        made.add_init_script(SHARE_STUB)
    return made


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def files_of(build: BuiltSite) -> Iterator[tuple[str, bytes]]:
    """Every file the build wrote or generated, and every file in its zip."""
    for root in (build.site, build.project / "docs", build.project / ".generated"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix not in {".png", ".gz", ".zip"}:
                yield str(path.relative_to(build.project)), path.read_bytes()
    for path in sorted((build.project / "dist").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not name.endswith(".png"):
                    yield f"{path.name}:{name}", archive.read(name)


# A script the offline bundle merged (build_scripts/bundle/scripts.py)
# names each part's source on a line of its own before it.
_PART = re.compile(r"^/\* (\S+) \*/$", re.MULTILINE)


def parts_of(name: str, text: str) -> list[tuple[str, str]]:
    """A file's text, or a merged script's parts, each named after its source."""
    pieces = _PART.split(text)
    if len(pieces) == 1 or not name.endswith(".js"):
        return [(name, text)]
    return [(name, pieces[0]), *((f"{name}#{source}", part) for source, part in zip(pieces[1::2], pieces[2::2],
                                                                                     strict=True))]


@pytest.mark.parametrize("which", ["addressed", "unaddressed"])
def test_no_file_names_a_reserved_or_local_host(which: str, built_site: BuiltSite,
                                                unaddressed_site: BuiltSite) -> None:
    build = built_site if which == "addressed" else unaddressed_site
    offenders, checked = [], 0
    for file_name, data in files_of(build):
        checked += 1
        for name, text in parts_of(file_name, data.decode("utf-8", errors="replace")):
            # Material's minified scripts hold regular expressions such as
            # "/^\/\/i.test(": they name no host, and are the theme's, not ours.
            theme_script = "assets/javascripts/" in name
            hosts = set() if theme_script else {m.group(1) for m in _HOST.finditer(text)}
            bad = sorted(h for h in hosts if reserved(h.strip("[]")))
            # Scripts may speak of file:// (in comments); no page or data file
            # may hold a file:// address.
            published = "/assets/" not in name and not name.startswith("docs/assets/")
            if bad or "example.org" in text or (published and "file://" in text):
                offenders.append((name, bad))
    assert checked > 300 and offenders == []


def test_without_an_address_nothing_is_published(unaddressed_site: BuiltSite) -> None:
    site = unaddressed_site.site
    notes = [line for line in unaddressed_site.build_log.splitlines() if "no public address" in line]
    assert len(notes) == 1 and "SITE_URL=https://" in notes[0] and "site_url in source/" in notes[0]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 90
    for path in pages:
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found = html.select('link[rel="canonical"], meta[property="og:url"], meta[property="og:image"], '
                            ".sd-print-head__address")
        assert found == [], path
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    document = json.loads((site / "data" / "document.json").read_text(encoding="utf-8"))
    assert document["site_url"] is None and {p["public_url"] for p in document["paragraphs"]} == {None}


def test_with_an_address_every_public_url_uses_it(built_site: BuiltSite) -> None:
    site = built_site.site
    assert "no public address" not in built_site.build_log
    for path in sorted(site.rglob("index.html")):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if html.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        own = PUBLIC_ADDRESS + path.relative_to(site).as_posix().removesuffix("index.html")
        canonical, og_url = html.find("link", rel="canonical"), html.find("meta", property="og:url")
        assert canonical is not None and og_url is not None, path
        assert canonical["href"] == own, path
        assert og_url["content"] == own, path
    locs = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(locs) > 90 and all(loc.startswith(PUBLIC_ADDRESS) for loc in locs)
    assert PUBLIC_42 in locs
    document = json.loads((site / "data" / "document.json").read_text(encoding="utf-8"))
    assert document["site_url"] == PUBLIC_ADDRESS
    assert {p["public_url"] for p in document["paragraphs"]} == {
        PUBLIC_ADDRESS + p["page_url"].lstrip("/") for p in document["paragraphs"]}


def test_copy_link_online_without_an_address_copies_the_page_itself(browser, unaddressed_url: str) -> None:
    made = context(browser)
    page = made.new_page()
    page.goto(f"{unaddressed_url}/declaration/42/")
    page.get_by_role("button", name="Copy link", exact=True).click()
    assert clipboard(page) == f"{unaddressed_url}/declaration/42/"
    page.goto(f"{unaddressed_url}/declaration/#att_1__para_40")
    page.get_by_role("button", name="Copy link to Salvador Declaration, paragraph 42").click()
    assert clipboard(page) == f"{unaddressed_url}/declaration/42/"
    made.close()


def test_offline_without_an_address_offers_the_citation(browser, unaddressed_bundle: Bundle) -> None:
    made = context(browser)
    page = made.new_page()
    page.goto((unaddressed_bundle.root / "declaration" / "42.html").as_uri())
    assert page.get_by_role("button", name="Copy link", exact=True).count() == 0
    page.get_by_role("button", name="Copy citation").click()
    assert clipboard(page) == FULL_42
    page.goto((unaddressed_bundle.root / "declaration" / "index.html").as_uri())
    page.get_by_role("button", name="Copy citation of Salvador Declaration, paragraph 42").click()
    assert clipboard(page) == FULL_42
    # Nothing on the page would copy a file path.
    targets = page.eval_on_selector_all("button.sd-copy", "bs => bs.map(b => b.dataset.copy || '')")
    assert targets and not any(t.startswith("file:") for t in targets)
    made.close()


def test_offline_with_an_address_copies_the_public_address(browser, offline_site: Path) -> None:
    made = context(browser)
    page = made.new_page()
    page.goto((offline_site / "declaration" / "index.html").as_uri())
    page.get_by_role("button", name="Copy link to Salvador Declaration, paragraph 42").click()
    assert clipboard(page) == PUBLIC_42
    page.goto((offline_site / "declaration" / "42.html").as_uri())
    page.get_by_role("button", name="Cite").click()
    page.get_by_role("dialog").get_by_role("button", name="Copy link").click()
    assert clipboard(page) == PUBLIC_42
    made.close()


def test_the_printed_address(browser, site_url: str, offline_site: Path, unaddressed_url: str) -> None:
    """On paper, the print header gives the page's public address (online
    and from file://) and the panel's summary says what edition this is."""
    made = context(browser)
    page = made.new_page()
    for url in (f"{site_url}/declaration/42/", (offline_site / "declaration" / "42.html").as_uri()):
        page.goto(url)
        address = page.locator(".sd-print-head__address")
        assert not address.is_visible()
        page.emulate_media(media="print")
        assert address.is_visible() and address.inner_text() == PUBLIC_42, url
        summary = page.locator(".sd-authority summary")
        assert summary.is_visible() and summary.inner_text() == "Unofficial edition of E/RES/2010/18"
        page.emulate_media(media="screen")
    page.goto(f"{unaddressed_url}/resolution/9/")
    page.emulate_media(media="print")
    assert page.locator(".sd-print-head__address").count() == 0
    assert page.locator("[data-print-href]").count() == 0  # no address is better than a wrong one
    made.close()


def test_cite_dialog_by_keyboard(browser, site_url: str) -> None:
    made = context(browser)
    page = made.new_page()
    page.goto(f"{site_url}/declaration/42/")
    opener = page.get_by_role("button", name="Cite")
    tab_until(page, "el.textContent === 'Cite'", "Cite", 40)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Cite Salvador Declaration, paragraph 42")
    dialog.wait_for(state="visible")  # its content loads on first use
    assert page.evaluate("document.activeElement.textContent") == "Copy full citation"
    page.keyboard.press("Enter")
    assert clipboard(page) == FULL_42
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert clipboard(page) == "Salvador Declaration, para. 42"
    assert dialog.get_by_text(PUBLIC_42, exact=True).is_visible()
    # The rest of the page is inert while the dialog is open: however far one
    # tabs, focus is in the dialog (or passes through the browser's own
    # controls, where the page sees no focused element).
    inside = 0
    for _ in range(12):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => document.getElementById('sd-cite').contains(document.activeElement)
                                 ? 'dialog' : document.activeElement === document.body ? 'browser' : 'page'""")
        assert where != "page"
        inside += where == "dialog"
    assert inside >= 10
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert opener.evaluate("b => b === document.activeElement")
    made.close()


def test_downloads_from_file(browser, offline_site: Path) -> None:
    made = browser.new_context(accept_downloads=True)
    page = made.new_page()
    page.goto((offline_site / "declaration" / "preamble" / "3.html").as_uri())
    page.get_by_role("button", name="Cite").click()
    texts = {}
    for name in ("BibTeX", "RIS", "CSL-JSON"):
        with page.expect_download() as download:
            page.get_by_role("dialog").get_by_role("button", name=name).click()
        texts[download.value.suggested_filename] = Path(download.value.path()).read_text(encoding="utf-8")
    key = "E-RES-2010-18_att_1__preamble__p_3"
    assert sorted(texts) == sorted([f"{key}.bib", f"{key}.ris", f"{key}.csl.json"])
    entry = bibtexparser.parse_string(texts[f"{key}.bib"]).entries[0]
    assert entry.key == key and entry.fields_dict["url"].value == PUBLIC_ADDRESS + "declaration/preamble/3/"
    assert entry.fields_dict["title"].value.endswith(", third preambular paragraph")
    assert rispy.loads(texts[f"{key}.ris"])[0]["section"] == "third preambular paragraph"
    items = json.loads(texts[f"{key}.csl.json"])
    schema = json.loads((ROOT / "tests" / "data" / "csl-data.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, schema, cls=jsonschema.Draft7Validator)
    assert items[0]["id"] == key
    made.close()


# The page's title: number, the editors' subject, the document (issue 16).
TITLE_42 = "42 · Expert group on cybercrime — Salvador Declaration"


def test_share_on_a_phone(browser, site_url: str, unaddressed_bundle: Bundle) -> None:
    made = context(browser, phone=True, share=True)
    page = made.new_page()
    page.goto(f"{site_url}/declaration/42/")
    page.get_by_role("button", name="Share").click()
    assert page.evaluate("window.__shared") == {"title": TITLE_42, "url": PUBLIC_42}
    # From file:// with no address, the share sheet gets the citation.
    page.goto((unaddressed_bundle.root / "declaration" / "42.html").as_uri())
    page.get_by_role("button", name="Share").click()
    assert page.evaluate("window.__shared") == {"title": TITLE_42, "text": FULL_42}
    made.close()


@pytest.mark.parametrize("phone", [False, True], ids=["desktop-with-share", "phone-without-share"])
def test_copy_where_there_is_no_share_sheet(browser, site_url: str, phone: bool) -> None:
    """A desktop browser with a share sheet still copies; a phone browser
    without one copies too."""
    made = context(browser, phone=phone, share=not phone)
    page = made.new_page()
    if phone:
        page.add_init_script("delete Navigator.prototype.share;")
    page.goto(f"{site_url}/declaration/42/")
    page.get_by_role("button", name="Copy link", exact=True).click()
    assert clipboard(page) == PUBLIC_42
    assert page.evaluate("window.__shared") is None
    made.close()


@pytest.mark.parametrize("path", ["/", "/declaration/", "/resolution/", "/declaration/42/", "/resolution/preamble/3/"])
def test_authority_panel_on_every_page_with_text(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    panel = page.locator("details.sd-authority")
    assert panel.locator("summary").inner_text().startswith("Unofficial edition of E/RES/2010/18")
    panel.locator("summary").click()
    text = panel.inner_text()
    assert "adopted at the 45th plenary meeting, 22 July 2010" in text
    assert "resolution 65/230 of 21 December 2010" in text
    links = panel.locator("a").evaluate_all("links => links.map(a => [a.textContent, a.href])")
    assert ["E/RES/2010/18", "https://undocs.org/E/RES/2010/18"] in links
    assert ["A/RES/65/230", "https://undocs.org/A/RES/65/230"] in links
    size = len(panel.evaluate("el => el.outerHTML").encode("utf-8"))
    assert size < 1000
    if path == "/declaration/42/":
        report(f"authority panel: {size} bytes of HTML per page")
    footer = page.locator(".md-copyright__highlight")
    assert footer.inner_text().startswith("Unofficial edition of E/RES/2010/18 · Published by the editors")
    assert footer.get_by_role("link", name="CC BY 4.0").get_attribute("href") == (
        "https://creativecommons.org/licenses/by/4.0/")


def test_no_panel_where_there_is_no_text(page, site_url: str) -> None:
    for path in ("/footnotes/", "/about/", "/documents/"):
        page.goto(site_url + path)
        assert page.locator("details.sd-authority").count() == 0, path
        assert page.locator(".md-copyright__highlight").inner_text().startswith("Unofficial edition")


def test_search_finds_the_document_by_its_symbols(built_site: BuiltSite) -> None:
    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    about = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"] if doc["location"].startswith("about/"))
    for symbol in ("E/RES/2010/18", "A/RES/65/230", "65/230"):
        assert symbol in about, symbol
    # The panel repeated on every page is not indexed: a search for the
    # symbol does not bring up every paragraph.
    assert not [d["location"] for d in index["docs"]
                if "A/RES/65/230" in d["text"] and not d["location"].startswith("about/")]
