"""The built site: pages and URLs of DESIGN.md §2, every word of the source
in order, footnotes with printed numbers. (The build is strict: a warning
stops it, as test_robustness's broken link shows.)"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import ROOT, SEED, BuiltSite, one, rendered_words

SOURCE_TEXT = (ROOT / SEED).read_text(encoding="utf-8")

PARAGRAPH_URLS = (
    [f"resolution/preamble/{n}/" for n in range(1, 8)]
    + [f"resolution/{n}/" for n in range(1, 19)]
    + [f"declaration/preamble/{n}/" for n in range(1, 9)]
    + [f"declaration/{n}/" for n in range(1, 56)]
)
EIDS = (
    [f"preamble__p_{n}" for n in range(1, 8)]
    + [f"para_{n}" for n in range(1, 19)]
    + [f"att_1__preamble__p_{n}" for n in range(1, 9)]
    + [f"att_1__para_{n}" for n in range(1, 56)]
)


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, url: str) -> Tag:
    return one(soup(site, url), "article.md-content__inner")


def words(text: str) -> list[str]:
    return text.split()


def test_the_88_paragraph_pages_exist_at_their_urls(built_site: BuiltSite) -> None:
    for url in PARAGRAPH_URLS:
        assert (built_site.site / url / "index.html").is_file(), url
    for url in ["", "resolution/", "declaration/", "footnotes/"]:
        assert (built_site.site / url / "index.html").is_file(), url


def test_each_paragraph_page_has_label_number_text_and_context_link(built_site: BuiltSite) -> None:
    page = article(built_site.site, "declaration/42/")
    assert page.h1.contents[0].strip() == "Salvador Declaration, paragraph 42"
    # The editors' subject: in the H1, marked as theirs, never in the text.
    subject = one(page, "h1 .sd-subject")
    assert subject["title"] == "Editors’ subject"
    assert subject.get_text() == "Editors’ subject: Expert group on cybercrime"
    paragraph = page.select_one("#att_1__para_42")
    assert paragraph.select_one(".sd-num").get_text() == "42."
    assert paragraph.get_text(" ", strip=True).endswith("legal or other responses to cybercrime.")
    context = one(page, "a.sd-context")
    assert context["href"] == "../#att_1__para_42"
    title = soup(built_site.site, "resolution/preamble/3/").title.get_text()
    assert title == "pp 3 · Congresses every five years, a forum for exchange — Resolution 2010/18"


def source_paragraphs(source_text: str) -> list[tuple[str, str]]:
    """(eId, text) of every paragraph, read from the source by a second,
    deliberately simple rule that shares no code with the parser: blocks
    between blank lines; page rules, footnote bodies, headings and framing
    lines (a block in italics or bold as a whole, or ending in ":") are
    skipped; "N. " opens operative paragraph N; a block in lower case
    continues the paragraph a page break cut; any other block is the next
    preambular paragraph. Footnote marks stay as they are; "*" goes."""
    paragraphs: list[list[str]] = []
    prefix, preamble = "", 0
    for raw in re.split(r"\n\s*\n", source_text.strip()):
        block = raw.strip()
        if block.startswith("## ") and "Annex" in block:
            prefix, preamble = "att_1__", 0
            continue
        if (block == "---" or re.match(r"<sup>\d+</sup>", block) or block.startswith("#")
                or re.fullmatch(r"\*[^*]+\*,?|\*\*[^*]+\*\*", block) or block.endswith(":")):
            continue
        if match := re.match(r"(\d+)\. ", block):
            paragraphs.append([f"{prefix}para_{match[1]}", block[match.end():]])
        elif block[0].islower():
            paragraphs[-1][1] += " " + block
        else:
            preamble += 1
            paragraphs.append([f"{prefix}preamble__p_{preamble}", block])
    return [(eid, " ".join(text.replace("*", "").split())) for eid, text in paragraphs]


def with_marks(text: str) -> str:
    """As document.json's text_with_marks: each mark as its number."""
    return re.sub(r"<sup>(\d+)</sup>", r"\1", text)


def without_marks(text: str) -> str:
    return " ".join(re.sub(r"<sup>\d+</sup>", "", text).split())


SOURCE_PARAGRAPHS = source_paragraphs(SOURCE_TEXT)


def test_the_second_extraction_finds_every_paragraph() -> None:
    assert [eid for eid, _ in SOURCE_PARAGRAPHS] == EIDS


def test_document_json_holds_each_paragraph_as_printed(built_site: BuiltSite) -> None:
    # Independent of the renderer: document.json against the source itself.
    data = json.loads((built_site.site / "data" / "document.json").read_text(encoding="utf-8"))
    paragraphs = data["paragraphs"]
    assert [(p["eId"], p["text_with_marks"]) for p in paragraphs] == [(e, with_marks(t)) for e, t in SOURCE_PARAGRAPHS]
    assert [(p["eId"], p["text"]) for p in paragraphs] == [(e, without_marks(t)) for e, t in SOURCE_PARAGRAPHS]
    assert [(p["eId"], p["footnotes"]) for p in paragraphs] == [
        (e, [int(n) for n in re.findall(r"<sup>(\d+)</sup>", t)]) for e, t in SOURCE_PARAGRAPHS]


def test_every_paragraph_page_holds_its_whole_text(built_site: BuiltSite) -> None:
    source = dict(SOURCE_PARAGRAPHS)
    views = {view: article(built_site.site, view + "/") for view in ["resolution", "declaration"]}
    for url, eid in zip(PARAGRAPH_URLS, EIDS, strict=True):
        on_page = article(built_site.site, url).select_one(f"#{eid}")
        in_view = copy.copy(views[url.split("/")[0]].select_one(f"#{eid}"))
        assert on_page is not None and in_view is not None, eid
        for element in on_page.select(".sd-fnref, .sd-num") + in_view.select(".sd-fnref, .sd-num, .sd-pagelink"):
            element.decompose()
        # Marks, shown apart as links, are checked by test_footnote_marks_show_printed_numbers.
        expected = without_marks(source[eid]).split()
        assert rendered_words(on_page) == expected, eid
        assert rendered_words(in_view) == expected, eid


def test_reading_views_carry_every_eid_once(built_site: BuiltSite) -> None:
    found: list[str] = []
    for view in ["resolution/", "declaration/"]:
        page = article(built_site.site, view)
        found += [str(el["id"]) for el in page.select(".sd-para[id]")]
    assert found == EIDS


def _source_words_without_footnote_bodies() -> list[str]:
    kept = []
    for raw in re.split(r"\n\s*\n", SOURCE_TEXT):
        block = raw.strip()
        if not block or block == "---" or re.match(r"<sup>\d+</sup>", block):
            continue
        kept.append(block)
    text = "\n".join(kept)
    text = re.sub(r"<sup>\d+</sup>", "", text)  # marks are checked separately
    text = re.sub(r"^#+ ", "", text, flags=re.MULTILINE)
    return words(text.replace("*", ""))


def _view_words(site: Path, view: str) -> list[str]:
    page = article(site, view)
    # The margin notes (.sd-margin) are the site's words beside the text.
    for selector in [".sd-fnref", ".sd-pagelink", ".sd-footnotes", ".admonition", ".sd-apparatus",
                     ".sd-apparatus-title", ".sd-footnotes-title", ".sd-margin", "script", ".sd-authority",
                     ".sd-print-address", ".sd-present-tools"]:
        for element in page.select(selector):
            element.decompose()
    return rendered_words(page)


def test_words_of_the_source_appear_in_order_in_the_reading_views(built_site: BuiltSite) -> None:
    # Word by word: a joined pair ("meeting22") or a split word fails.
    shown = _view_words(built_site.site, "resolution/") + _view_words(built_site.site, "declaration/")
    source = _source_words_without_footnote_bodies()
    if shown != source:
        pairs = enumerate(zip(shown, source, strict=False))
        at = next((i for i, (a, b) in pairs if a != b), min(len(shown), len(source)))
        raise AssertionError(f"differs at word {at}: site {shown[at - 8:at + 8]} source {source[at - 8:at + 8]}")
    assert len(source) > 5_000  # the whole text, not an empty page


def test_every_footnote_body_is_shown_whole(built_site: BuiltSite) -> None:
    page = article(built_site.site, "footnotes/")
    for number, body in re.findall(r"^<sup>(\d+)</sup> ?(.*)$", SOURCE_TEXT, flags=re.MULTILINE):
        entry = page.select_one(f"#footnote-{number}")
        assert words(entry.select_one(".sd-fn-body").get_text()) == words(body.replace("*", "")), number


@pytest.mark.parametrize(
    ("url", "marks"),
    [("resolution/10/", ["6"]), ("declaration/6/", ["63"]), ("declaration/26/", ["15", "16"]),
     ("resolution/3/", ["2"]), ("declaration/49/", ["6"])],
)
def test_footnote_marks_show_printed_numbers(built_site: BuiltSite, url: str, marks: list[str]) -> None:
    page = article(built_site.site, url)
    refs = page.select("a.footnote-ref")
    assert [a.get_text() for a in refs] == marks
    for ref, mark in zip(refs, marks, strict=True):
        assert ref["href"] == f"#fn:{mark}"
        target = page.select_one(f'li[id="fn:{mark}"]')
        assert target is not None and target["value"] == mark


def test_footnote_63_carries_the_editors_note(built_site: BuiltSite) -> None:
    target = article(built_site.site, "declaration/6/").select_one('li[id="fn:63"]')
    note = target.select_one(".sd-editorial")
    assert note.select_one(".sd-editorial-label").get_text() == "Editors’ note:"
    assert "gives no text" in note.get_text()


def test_footnotes_page_links_back_to_every_citing_paragraph(built_site: BuiltSite) -> None:
    page = article(built_site.site, "footnotes/")
    entry = page.select_one("#footnote-6")
    cited = entry.find_next_sibling("p", class_="sd-citedby")
    assert [(a.get_text(), a["href"]) for a in cited.select("a")] == [
        ("Resolution 2010/18, operative paragraph 10", "../resolution/10/"),
        ("Salvador Declaration, paragraph 49", "../declaration/49/"),
    ]
    numbers = [el.get_text() for el in page.select(".sd-fn-num")]
    assert numbers == [str(n) for n in range(1, 18)] + ["63"]
    footnote_7 = page.select_one("#footnote-7")
    assert "continues the Treaty Series citations of footnotes 4 and 5" in footnote_7.get_text()


def test_home_page_leads_to_both_texts(built_site: BuiltSite) -> None:
    page = article(built_site.site, "")
    hrefs = {a["href"] for a in page.select("a")}
    assert {"resolution/", "declaration/", "declaration/42/", "resolution/preamble/1/", "footnotes/"} <= hrefs


def test_generated_id_registry_matches_the_committed_one(built_site: BuiltSite) -> None:
    generated = json.loads((built_site.project / ".generated" / "ids.json").read_text(encoding="utf-8"))
    committed = json.loads((ROOT / "source" / "ecosoc-resolution-2010-18.ids.json").read_text(encoding="utf-8"))
    assert [e["eId"] for e in generated] == EIDS
    assert generated == committed
    entry = next(e for e in committed if e["eId"] == "att_1__para_42")
    assert entry == {
        "eId": "att_1__para_42",
        "page_url": "/declaration/42/",
        "anchor_url": "/declaration/#att_1__para_42",
        "label": "Salvador Declaration, paragraph 42",
        "kind": "paragraph",
    }
