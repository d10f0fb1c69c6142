"""The trainer's kit, as a trainer and participants use it: from the unzipped
offline bundle (file://, every other request blocked) in Chromium — theme
pages, present mode, handouts printed to PDF, QR codes read back from the
screen, glossary terms on hover, focus and tap — and the rules behind it."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image
from pypdf import PdfReader

from build_scripts.model import GlossaryEntry
from build_scripts.pipeline import build, load
from build_scripts.qr import qr_svg
from build_scripts.render.common import SiteIndex
from build_scripts.render.glossary_marks import TermMarker, TermPatterns, glossary_anchors
from build_scripts.render.trainer_pages import handout_name, kit_data
from conftest import PUBLIC_ADDRESS, ROOT, SEED, BuiltSite, block_requests

MIN_PRESENT_PX = 32.0


def read_kit(script: str) -> dict[str, Any]:
    """The kit's data file, ``window.sdKit={…};``, as JSON."""
    assert script.startswith("window.sdKit=") and script.endswith(";\n")
    return json.loads(script.removeprefix("window.sdKit=").removesuffix(";\n"))


@pytest.fixture(scope="module")
def kit(offline_site: Path) -> dict[str, Any]:
    return read_kit((offline_site / "kit" / "paragraphs.js").read_text(encoding="utf-8"))


@pytest.fixture
def room(browser) -> Iterator[Any]:
    """A projector-sized page that may load file: URLs only."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    attempted = block_requests(context, "file:")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert attempted == [], attempted
    assert errors == [], errors


def open_present(page: Any, url: str, button: str = ".sd-present-open") -> None:
    page.goto(url)
    page.locator(button).first.click()
    page.locator(".sd-present").wait_for()


def shown_label(page: Any) -> str:
    return page.locator(".sd-present__label").inner_text()


def font_px(page: Any) -> float:
    return float(page.locator(".sd-present__text").evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


# --- rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "page", "name"),
    [
        (SEED, "declaration/42.md", "declaration-42"),
        (SEED, "declaration/preamble/2.md", "declaration-preamble-2"),
        (SEED, "resolution/9.md", "resolution-9"),
        # A lettered point is handed out with its paragraph.
        ("tests/data/corpus/a-res-80-3-awaza-political-declaration.md", "annex/13/a.md", "annex-13"),
        ("tests/data/corpus/a-res-80-3-awaza-political-declaration.md", "annex/13.md", "annex-13"),
    ],
)
def test_handout_names_follow_the_paragraph_pages(source: str, page: str, name: str) -> None:
    units = {u.page: u for u in SiteIndex.of(build(load(ROOT / source))).units}
    assert handout_name(units[page]) == name


def test_a_qr_code_is_the_same_svg_every_time_and_only_svg() -> None:
    first = qr_svg(PUBLIC_ADDRESS + "declaration/42/")
    assert first == qr_svg(PUBLIC_ADDRESS + "declaration/42/")
    assert first != qr_svg(PUBLIC_ADDRESS + "declaration/43/")
    assert first.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 41 41" class="sd-qr">')
    assert "<?xml" not in first and "width=" not in first and "http://un" not in first


ENTRIES = (
    GlossaryEntry("Commission on Crime Prevention and Criminal Justice", ("CCPCJ",),
                  ("Commission on Crime Prevention and Criminal Justice", "the Commission"), "A commission.", ()),
    GlossaryEntry("Cybercrime", (), ("cybercrime",), 'Crime by "computer" <b>.', ()),
)


def marker() -> TermMarker:
    return TermMarker(TermPatterns.of(ENTRIES))


def test_only_the_first_use_of_a_term_on_a_page_is_marked() -> None:
    terms = marker()
    first = terms.markup("study cybercrime and Cybercrime")
    second = terms.markup("more cybercrime")
    assert first == 'study <span class="sd-term" data-term="cybercrime">cybercrime</span> and Cybercrime'
    assert second == "more cybercrime"


def test_a_full_name_wins_over_a_shorter_phrase_it_overlaps() -> None:
    marked = marker().markup("We invite the Commission on Crime Prevention and Criminal Justice to act")
    assert marked == ('We invite the <span class="sd-term" data-term="commission-on-crime-prevention-and-criminal-'
                      'justice">Commission on Crime Prevention and Criminal Justice</span> to act')
    assert marker().markup("the Commission acts").startswith('<span class="sd-term" data-term="commission-on-crime')


def test_marking_keeps_every_character_of_the_text_and_escapes_it() -> None:
    text = "The *CYBERCRIME*\nproblem [x] & <y>"
    marked = marker().markup(text)
    assert '<span class="sd-term" data-term="cybercrime">CYBERCRIME</span>' in marked
    unmarked = re.sub(r"</?span[^>]*>", "", marked)
    assert unmarked == r"The \*CYBERCRIME\*" + "\nproblem \\[x\\] &amp; &lt;y&gt;"


def test_glossary_anchors_are_plain_and_unique() -> None:
    entries = (*ENTRIES, GlossaryEntry("Cyber-crime", (), ("x",), "d", ()))
    assert glossary_anchors(entries) == ("commission-on-crime-prevention-and-criminal-justice", "cybercrime",
                                         "cyber-crime")
    twice = (GlossaryEntry("A B", (), ("x",), "d", ()), GlossaryEntry("A-B", (), ("y",), "d", ()))
    assert glossary_anchors(twice) == ("a-b", "a-b-2")


def test_without_a_public_address_no_paragraph_has_an_address_or_a_qr_code() -> None:
    site = build(load(ROOT / SEED))
    assert site.metadata.site_url is None
    data = read_kit(kit_data(SiteIndex.of(site)))
    assert data["units"] and all(u["url"] is None and u["qr"] is None for u in data["units"])


def test_the_kit_holds_every_paragraph_with_its_address_and_code(kit: dict[str, Any], built_site: BuiltSite) -> None:
    registry = json.loads((built_site.site / "data" / "ids.json").read_text(encoding="utf-8"))
    paragraphs = [e["eId"] for e in registry if e["kind"] != "point"]
    assert [u["eid"] for u in kit["units"]] == paragraphs
    for unit, entry in zip(kit["units"], [e for e in registry if e["kind"] != "point"], strict=True):
        assert unit["url"] == PUBLIC_ADDRESS + entry["page_url"].lstrip("/")
        assert unit["qr"] == qr_svg(unit["url"])


# --- in the bundle ------------------------------------------------------------


def test_the_bundle_holds_the_kit(offline_site: Path) -> None:
    for path in ["themes/index.html", "themes/cybercrime.html", "glossary.html", "handouts/index.html",
                 "handouts/print.html", "handouts/at-a-glance.html", "kit/paragraphs.js", "kit/glossary.js",
                 "data/document.json", "data/ids.json", "data/citations.bib"]:
        assert (offline_site / path).is_file(), path
    # One page prints every handout (by its address): no page per
    # paragraph or per theme, each a few hundred bytes of headers in the zip.
    assert sorted(p.name for p in (offline_site / "handouts").iterdir()) == [
        "at-a-glance.html", "index.html", "print.html"]


def handout(offline_site: Path, query: str) -> str:
    return (offline_site / "handouts" / "print.html").as_uri() + query


def test_the_handout_button_prints_that_paragraph_or_theme_and_leads_back(room: Any, offline_site: Path) -> None:
    page = room
    for start, query, printed, back in [
        ("declaration/42.html", "?p=declaration-42", ["Salvador Declaration, paragraph 42"],
         "Salvador Declaration, paragraph 42"),
        ("themes/women.html", "?theme=women",
         [f"Salvador Declaration, paragraph {n}" for n in (6, 31, 50)], "Theme: Women"),
    ]:
        page.goto((offline_site / start).as_uri())
        page.get_by_role("link", name="Handout", exact=True).click()
        page.wait_for_url(handout(offline_site, query))
        assert page.locator(".sd-handout-para h2").all_inner_texts() == printed
        assert page.title().startswith("Handout: ")
        page.get_by_role("link", name=back).click()
        page.wait_for_url((offline_site / start).as_uri())


def test_theme_pages_work_offline(room: Any, offline_site: Path) -> None:
    page = room
    page.goto((offline_site / "index.html").as_uri())
    page.get_by_role("link", name="Themes").click()
    assert page.url.endswith("/themes/index.html")
    page.get_by_role("link", name="Cybercrime").first.click()
    assert page.url.endswith("/themes/cybercrime.html")
    # all_inner_texts() does not wait: the contents must be there first.
    page.locator("article .sd-theme-contents li a").first.wait_for()
    listed = page.locator("article li a").all_inner_texts()
    assert "Salvador Declaration, paragraph 42" in listed and "Resolution 2010/18, operative paragraph 9" in listed
    # The contents lead to the paragraph's full text further down the page
    # (issue 16), and from there to its own page.
    page.get_by_role("link", name="Salvador Declaration, paragraph 42").click()
    assert page.url.endswith("/themes/cybercrime.html#att_1__para_42")
    assert "cybercrime" in page.locator("#att_1__para_42").inner_text()
    page.locator("#att_1__para_42 ~ p.sd-theme-links").first.get_by_role("link", name="Its own page").click()
    assert page.url.endswith("/declaration/42.html")
    assert page.locator("h1").inner_text().startswith("Salvador Declaration, paragraph 42\n")


def test_the_start_page_says_what_is_inside_and_how_to_use_it_in_a_room(room: Any, offline_site: Path) -> None:
    page = room
    page.goto((offline_site / "offline.html").as_uri())
    text = page.locator("article").inner_text()
    for words in ["What is inside", "In a room", "Present", "Handout", "glossary", "QR code"]:
        assert words in text, words
    page.get_by_role("link", name="Handouts").first.click()
    assert page.url.endswith("/handouts/index.html")


def test_present_mode_keys(room: Any, offline_site: Path) -> None:
    page = room
    open_present(page, (offline_site / "declaration" / "42.html").as_uri())
    assert shown_label(page) == "Salvador Declaration, paragraph 42"
    assert page.locator(".sd-present__subject").inner_text().startswith("EDITORS’ SUBJECT")
    steps = [("ArrowRight", 43), ("PageDown", 44), ("Space", 45), ("ArrowLeft", 44), ("PageUp", 43)]
    for key, number in steps:
        page.keyboard.press(key)
        assert shown_label(page) == f"Salvador Declaration, paragraph {number}", key
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    assert page.evaluate("document.fullscreenElement.classList.contains('sd-present')")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === null")
    page.keyboard.press("Escape")
    assert page.locator(".sd-present").count() == 0
    assert page.evaluate("document.activeElement.textContent") == "Present"
    assert not page.evaluate("document.documentElement.classList.contains('sd-presenting')")


def test_present_type_is_at_least_32_px_on_a_1280_by_720_screen(room: Any, offline_site: Path, kit: dict) -> None:
    page = room
    sizes = {}
    for part, view in [("main", "resolution"), ("att_1", "declaration")]:
        first = next(u for u in kit["units"] if u["part"] == part)
        open_present(page, (offline_site / view / "index.html").as_uri())
        assert shown_label(page) == first["label"]
        count = sum(1 for u in kit["units"] if u["part"] == part)
        for _ in range(count):
            sizes[shown_label(page)] = font_px(page)
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Escape")
    assert len(sizes) == len(kit["units"])
    assert min(sizes.values()) >= MIN_PRESENT_PX, min(sizes.items(), key=lambda item: item[1])


def test_every_paragraph_fits_a_1920_by_1080_screen_without_scrolling(browser, offline_site: Path,
                                                                       kit: dict) -> None:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    attempted = block_requests(context, "file:")
    page = context.new_page()
    longest = max(kit["units"], key=lambda u: len(re.sub(r"<[^>]+>", "", u["html"])))
    overflowing = []
    for part, view in [("main", "resolution"), ("att_1", "declaration")]:
        open_present(page, (offline_site / view / "index.html").as_uri())
        for _ in range(sum(1 for u in kit["units"] if u["part"] == part)):
            body = page.locator(".sd-present__body").evaluate("e => [e.scrollHeight, e.clientHeight]")
            if body[0] > body[1] or font_px(page) < MIN_PRESENT_PX:
                overflowing.append((shown_label(page), body, font_px(page)))
            if shown_label(page) == longest["label"]:
                longest_px = font_px(page)
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Escape")
    context.close()
    assert overflowing == []
    assert attempted == []
    assert longest_px >= MIN_PRESENT_PX


def test_present_mode_from_a_theme_steps_through_its_paragraphs(room: Any, offline_site: Path, kit: dict) -> None:
    page = room
    open_present(page, (offline_site / "themes" / "cybercrime.html").as_uri())
    expected = [next(u["label"] for u in kit["units"] if u["eid"] == e) for e in kit["themes"]["cybercrime"]["eids"]]
    seen = []
    for _ in expected:
        seen.append(shown_label(page))
        page.keyboard.press("PageDown")
    assert seen == expected
    assert shown_label(page) == expected[-1]  # the last stays
    assert page.locator(".sd-present__count").inner_text() == f"{len(expected)} / {len(expected)}"


def test_present_mode_from_a_reading_view_starts_at_the_paragraph_in_view(room: Any, offline_site: Path) -> None:
    page = room
    page.goto((offline_site / "declaration" / "index.html").as_uri())
    # As a link to #att_1__para_30 would: the theme keeps it below the header.
    page.locator("#att_1__para_30").evaluate("e => e.scrollIntoView({block: 'start'})")
    assert page.evaluate("window.scrollY") > 1000
    page.locator(".sd-present-open").click()
    page.locator(".sd-present").wait_for()
    assert shown_label(page) == "Salvador Declaration, paragraph 30"
    assert page.evaluate("window.scrollY") > 1000  # the button is at hand where the reader is
    page.keyboard.press("ArrowLeft")
    assert shown_label(page) == "Salvador Declaration, paragraph 29"


def decode(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_the_projected_qr_code_reads_as_the_paragraphs_public_address(room: Any, offline_site: Path) -> None:
    page = room
    open_present(page, (offline_site / "declaration" / "42.html").as_uri())
    assert decode(page.locator(".sd-present__qr").screenshot()) == [PUBLIC_ADDRESS + "declaration/42/"]
    page.keyboard.press("ArrowRight")
    assert decode(page.screenshot()) == [PUBLIC_ADDRESS + "declaration/43/"]


def test_the_printed_qr_code_reads_as_the_paragraphs_public_address(room: Any, offline_site: Path) -> None:
    page = room
    page.goto(handout(offline_site, "?p=resolution-9"))
    page.emulate_media(media="print")
    assert decode(page.locator(".sd-handout-qr").screenshot()) == [PUBLIC_ADDRESS + "resolution/9/"]
    assert page.get_by_role("link", name=PUBLIC_ADDRESS + "resolution/9/").count() == 1


def pdf_pages(page: Any, paper: str) -> list[str]:
    """The text of each printed page."""
    return [p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format=paper))).pages]


def test_each_paragraph_handout_prints_on_one_page(room: Any, offline_site: Path, kit: dict) -> None:
    page = room
    counts = {}
    for unit in kit["units"]:
        page.goto(handout(offline_site, f"?p={unit['name']}"))
        assert page.locator(".sd-handout-para h2").all_inner_texts() == [unit["label"]]
        counts[unit["name"]] = [len(pdf_pages(page, paper)) for paper in ("A4", "Letter")]
    assert {name: c for name, c in counts.items() if c != [1, 1]} == {}


def test_a_handout_has_title_source_text_footnotes_and_address(room: Any, offline_site: Path) -> None:
    page = room
    page.goto(handout(offline_site, "?p=declaration-12"))
    [text] = pdf_pages(page, "A4")
    words = " ".join(text.split())
    assert "Salvador Declaration on Comprehensive Strategies for Global Challenges" in words
    assert "E/RES/2010/18 · Economic and Social Council · 22 July 2010" in words
    assert "12. We welcome the decision of the Commission" in words
    assert "12 United Nations, Treaty Series, vol. 2225, No. 39574." in words
    assert "Editors’ subject: Trafficking in cultural property" in words
    assert PUBLIC_ADDRESS + "declaration/12/" in words
    assert "Print" not in words  # the screen's tools are not printed


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_theme_handouts_and_the_glance_print_without_blank_pages(room: Any, offline_site: Path, kit: dict,
                                                                 paper: str) -> None:
    page = room
    for slug, theme in kit["themes"].items():
        page.goto(handout(offline_site, f"?theme={slug}"))
        assert page.locator(".sd-handout-para").count() == len(theme["eids"])
        assert page.locator(".sd-handout-kind").inner_text().lower() == f"handout · theme: {theme['title']}".lower()
        printed = pdf_pages(page, paper)
        assert len(printed) <= len(theme["eids"]) and all(p.strip() for p in printed), slug
    page.goto((offline_site / "handouts" / "at-a-glance.html").as_uri())
    printed = pdf_pages(page, paper)
    assert len(printed) <= 2 and all(p.strip() for p in printed)
    glance = " ".join(" ".join(printed).split())
    assert "42 Expert group on cybercrime" in glance and "preamble 1 Responsibility of the United Nations" in glance


def test_a_custom_handout_from_the_address(room: Any, offline_site: Path) -> None:
    page = room
    page.goto(handout(offline_site, "?p=declaration-42,att_1__para_49,50"))
    assert page.locator(".sd-handout-para h2").all_inner_texts() == [
        "Salvador Declaration, paragraph 42", "Salvador Declaration, paragraph 49",
        "Salvador Declaration, paragraph 50"]
    printed = pdf_pages(page, "Letter")
    assert 1 <= len(printed) <= 3 and all(p.strip() for p in printed)
    page.goto(handout(offline_site, "?p=5,nowhere"))
    notices = page.locator(".sd-handout-notice").all_inner_texts()
    assert notices[0] == "“5” is a paragraph number in more than one part: use resolution-5 or declaration-5."
    assert notices[1].startswith("There is no paragraph “nowhere”")
    assert page.locator(".sd-handout-para").count() == 0
    page.goto(handout(offline_site, "?theme=nowhere"))
    assert page.locator(".sd-handout-notice").all_inner_texts() == [
        "There is no theme “nowhere”: use a name such as children-and-youth."]


def test_the_handout_builder_makes_a_handout_of_the_ticked_paragraphs(room: Any, offline_site: Path) -> None:
    page = room
    page.goto((offline_site / "handouts" / "index.html").as_uri())
    page.locator("#sd-make-handout[data-ready]").wait_for()  # builder.js, loaded by trainer.js
    page.locator("input[value='resolution-9']").check()
    page.locator("input[value='declaration-42']").check()
    page.locator("#sd-make-handout").click()
    page.wait_for_url("**/handouts/print.html?p=resolution-9,declaration-42")
    assert page.locator(".sd-handout-para h2").all_inner_texts() == [
        "Resolution 2010/18, operative paragraph 9", "Salvador Declaration, paragraph 42"]


def test_without_an_address_a_handout_has_no_qr_code(unaddressed_site: BuiltSite, browser) -> None:
    context = browser.new_context()
    attempted = block_requests(context, "file:")
    page = context.new_page()
    page.goto((unaddressed_site.site / "handouts" / "print" / "index.html").as_uri() + "?p=declaration-42")
    assert page.locator(".sd-handout-para h2").inner_text() == "Salvador Declaration, paragraph 42"
    assert page.locator("svg, .sd-handout-address").count() == 0
    assert "https://" not in page.locator("main").inner_text()
    context.close()
    assert attempted == []


# --- the glossary ---------------------------------------------------------------


def glossary_definitions(offline_site: Path) -> dict[str, list[str]]:
    script = (offline_site / "kit" / "glossary.js").read_text(encoding="utf-8")
    return json.loads(script.removeprefix("window.sdGlossary=").removesuffix(";\n"))


def test_a_term_is_marked_once_per_page_and_the_words_stay(offline_site: Path) -> None:
    for path in ["declaration/index.html", "resolution/index.html", "declaration/42.html"]:
        html = BeautifulSoup((offline_site / path).read_text(encoding="utf-8"), "html.parser")
        terms = [m["data-term"] for m in html.select(".sd-term")]
        assert terms and len(terms) == len(set(terms)), path
    definitions = glossary_definitions(offline_site)
    html = BeautifulSoup((offline_site / "declaration" / "42.html").read_text(encoding="utf-8"), "html.parser")
    marked = {m["data-term"]: m.get_text() for m in html.select("#att_1__para_42 .sd-term")}
    assert marked == {
        "commission-on-crime-prevention-and-criminal-justice": "Commission on Crime Prevention and Criminal Justice",
        "open-ended-intergovernmental-expert-group": "open-ended intergovernmental expert group",
        "cybercrime": "cybercrime",
        "technical-assistance": "technical assistance",
    }
    assert set(marked) <= set(definitions)


@pytest.mark.parametrize("how", ["hover", "focus", "tap"])
def test_a_terms_definition_shows_on_hover_focus_and_tap(browser, offline_site: Path, how: str) -> None:
    touch = how == "tap"
    context = browser.new_context(viewport={"width": 390, "height": 844} if touch else {"width": 1280, "height": 800},
                                  has_touch=touch, is_mobile=touch)
    attempted = block_requests(context, "file:")
    page = context.new_page()
    page.goto((offline_site / "declaration" / "42.html").as_uri())
    term = page.locator("#att_1__para_42 .sd-term[data-term='open-ended-intergovernmental-expert-group']")
    term.wait_for()
    page.wait_for_function("document.querySelector('.sd-term').tabIndex === 0")
    tip = page.locator("#sd-term-popup")
    assert tip.is_hidden()
    if how == "hover":
        term.hover()
    elif how == "focus":
        page.locator("#att_1__para_42 .sd-term").first.focus()
        page.keyboard.press("Tab")  # the next term, reached by the keyboard
    else:
        term.tap()
    tip.wait_for(state="visible")
    definition = glossary_definitions(offline_site)["open-ended-intergovernmental-expert-group"]
    assert tip.inner_text().split() == " ".join(["Editors’ glossary", *definition]).split()
    assert term.get_attribute("aria-describedby") == "sd-term-popup"
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    context.close()
    assert attempted == []


def test_the_glossary_page_lists_each_term_with_its_paragraphs(offline_site: Path) -> None:
    html = BeautifulSoup((offline_site / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    definitions = glossary_definitions(offline_site)
    headings = {h["id"]: h.get_text() for h in html.select("article h2[id]")}
    assert headings == {anchor: term for anchor, (term, _) in definitions.items()}
    entry = html.find(id="open-ended-intergovernmental-expert-group")
    assert entry is not None
    definition = entry.find_next(class_="sd-glossary-definition")
    uses = entry.find_next(class_="sd-glossary-uses")
    assert definition is not None and uses is not None
    assert definition.get_text(" ", strip=True).startswith("Editors’ definition:")
    links = {a["href"] for a in uses.select("a")}
    assert {"resolution/9.html", "declaration/42.html"} <= links
