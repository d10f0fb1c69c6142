"""Search in Chromium: the queries of search.yml and search-v2.yml (and the
held-out search-heldout.yml) typed into the site's search box, online and
from the offline bundle, with top-1 and top-3 accuracy and the latency of
each answer; beside them, stock Material search over the same pages. Then
one test per kind of query the search layer understands (SEARCH.md), and
the data it is built from."""

from __future__ import annotations

import json
import re
import statistics
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from build_scripts.pipeline import build, load
from build_scripts.search_terms import search_data, symbol_keys
from conftest import ROOT, SEED, Bundle, build_site, copy_project, report, run, serve

QUERIES = ROOT / "tests" / "data" / "queries"
GOAL_TOP1, GOAL_TOP3 = 0.90, 0.97
REGISTRY = {e["page_url"]: e["eId"] for e in json.loads(
    (ROOT / "source" / "ecosoc-resolution-2010-18.ids.json").read_text(encoding="utf-8"))}
# Queries from the issue that nobody tuned for: symbols, numbers, and names
# of paragraphs, with every right first answer.
UNWRITTEN = [
    ("46/152", ["preamble__p_3"]),
    ("155 C (VII)", ["preamble__p_1"]),
    ("A/CONF.213/18", ["preamble__p_7", "para_3", "para_1"]),
    ("sixty-sixth session", ["para_18"]),
    ("E/CN.15/2007/6", ["para_14"]),
    ("Declaration 42", ["att_1__para_42"]),
    ("paragraph 42", ["att_1__para_42"]),
    ("resolution 9", ["para_9"]),
    ("preambular paragraph 3", ["preamble__p_3", "att_1__preamble__p_3"]),
    ("Qatar", ["para_16", "att_1__para_54"]),
]


def query_file(name: str) -> Path:
    if not (QUERIES / name).is_file():
        pytest.fail(f"{QUERIES / name} is missing: restore it from git (see tests/data/README.md)")
    return QUERIES / name


def load_queries(name: str) -> list[tuple[str, list[str]]]:
    data = yaml.safe_load(query_file(name).read_text(encoding="utf-8"))
    return [(str(q["query"]), q["best"]) for q in data["queries"]]


def eid_of(href: str) -> str:
    """A result's link → the eId of the paragraph page it opens; ``fn_N``
    for footnote N on the footnotes page, ``home`` and ``about``."""
    url = urlsplit(href)
    path = re.sub(r"^.*?/(?=(resolution|declaration|footnotes|parallels|about|offline|documents|themes|index)\b)",
                  "/", url.path)
    path = re.sub(r"(^|/)index\.html$", "/", path)
    path = re.sub(r"\.html$", "/", path)
    path = path if path.startswith("/") else "/" + path
    if path == "/footnotes/" and url.fragment.startswith("footnote-"):
        return "fn_" + url.fragment.removeprefix("footnote-")
    if path == "/" or path.endswith("-offline/"):
        return "home"
    if path == "/about/":
        return "about"
    return REGISTRY.get(path, path)


# What Material's Enter key opens: the link with the highest score.
BEST_LINK = """li => [...li.querySelectorAll('a[href]')]
    .map(a => [a.href, parseFloat(a.querySelector('article').dataset.mdScore)])
    .sort((x, y) => y[1] - x[1])[0][0]"""
# Test instrumentation, run before the page's scripts: counts the queries
# the search box sends to its worker and the results it gets back (whatever
# worker it is: this site's, stock Material's, or the iframe that stands in
# for one from file://), and times the last keystroke and the last change of
# the result list.
WATCH = """(() => {
  if (window.sdWatch) return
  const watch = window.sdWatch = { sent: 0, received: 0, key: 0, shown: 0 }
  const wrap = W => !W || W.sdWatched ? W : class extends W {
    static sdWatched = true
    constructor(...args) {
      super(...args)
      this.addEventListener("message", ev => { if (ev.data && ev.data.type === 3) watch.received++ })
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) watch.sent++
      return super.postMessage(message, ...rest)
    }
  }
  let current = wrap(window.Worker)
  Object.defineProperty(window, "Worker", { configurable: true, get: () => current, set: v => { current = wrap(v) } })
  document.addEventListener("keyup", ev => {
    if (ev.target.matches && ev.target.matches("input.md-search__input")) watch.key = performance.now()
  }, true)
  document.addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".md-search-result__list")
    new MutationObserver(() => { watch.shown = performance.now() }).observe(list, { childList: true })
  })
})()"""


def open_site(page, start: str) -> None:
    page.add_init_script(WATCH)
    page.goto(start)


def type_query(page, query: str) -> list[str]:
    """Type ``query`` into the search box; the results shown for it, each as
    the href its best link opens. All but the last character are filled in
    at once (the search box answers keystrokes, and the ranking of what was
    typed before is not under test here); the results are read once the
    worker has answered every query sent."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query[:-1])
    sent = page.evaluate("sdWatch.sent")
    page.keyboard.type(query[-1:])
    page.wait_for_function("n => sdWatch.sent > n && sdWatch.received === sdWatch.sent", arg=sent)
    return page.evaluate(f"() => [...document.querySelectorAll('.md-search-result__item')].map({BEST_LINK})")


def results(page, query: str) -> list[str]:
    return [eid_of(h) for h in type_query(page, query)]


def latency(page) -> float | None:
    times = page.evaluate("sdWatch")
    return times["shown"] - times["key"] if times["shown"] > times["key"] else None


def accuracy(page, queries: list[tuple[str, list[str]]], timings: list[float] | None = None):
    top1 = top3 = 0
    misses = []
    for query, best in queries:
        found = results(page, query)
        if timings is not None and (ms := latency(page)) is not None:
            timings.append(ms)
        top1 += bool(found) and found[0] in best
        top3 += any(e in best for e in found[:3])
        if not found or found[0] not in best:
            misses.append(f"{query!r}: {found[:3]} (best {best})")
    return top1 / len(queries), top3 / len(queries), misses


@pytest.fixture(scope="module")
def stock_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same per-paragraph pages under stock Material search: default
    search settings, no page or element excluded, no search layer."""
    project = copy_project(tmp_path_factory.mktemp("stock"))
    run([sys.executable, "-m", "build_scripts", "--source", SEED, "--quiet"], project)
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"search:\n  (exclude: true|boost: [\d.]+)\n", "", text)
        text = text.replace(' data-search-exclude="true"', "").replace(" data-search-exclude", "")
        page.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"\n  search:\n(?:    .*\n)+", "\n  search: {}\n",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    assert "\n  search: {}\n" in config.read_text(encoding="utf-8")
    main = project / "overrides" / "main.html"
    main.write_text(re.sub(r"\{% block config %\}.*?\{% endblock %\}", "", main.read_text(encoding="utf-8"),
                           flags=re.DOTALL), encoding="utf-8")
    assert "search.js?worker" not in main.read_text(encoding="utf-8")
    run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")], project)
    return project / "site"


@pytest.fixture(scope="module")
def search_page(browser) -> Iterator[object]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


QUERY_FILES = ["search.yml", "search-v2.yml"]


def test_query_files_online_offline_and_stock(search_page, site_url: str, offline_site: Path,
                                              stock_site: Path) -> None:
    """The goal for each query file, online and offline: top-1 ≥ 0.90 and
    top-3 ≥ 0.97; the held-out queries (written before any tuning on them)
    are held to the same goal. The median time from the last keystroke to
    the answer is reported beside stock search's, measured the same way."""
    files = {name: load_queries(name) for name in [*QUERY_FILES, "search-heldout.yml"]}
    timings: dict[str, list[float]] = {"online": [], "offline": [], "stock": []}
    scores = {}
    with serve(stock_site) as stock_url:
        for where, start in [("online", site_url + "/"), ("offline", (offline_site / "index.html").as_uri()),
                             ("stock", stock_url + "/")]:
            open_site(search_page, start)
            for name, queries in files.items():
                if where == "stock" and name not in QUERY_FILES:
                    continue  # the held-out queries measure this site only
                scores[where, name] = accuracy(search_page, queries, timings[where])
    for (where, name), (top1, top3, misses) in scores.items():
        label = {"online": "this site, online", "offline": "this site, offline bundle",
                 "stock": "stock Material search, same pages"}[where]
        report(f"search ({len(files[name])} queries of {name}), {label}: top-1 {top1:.2f}, top-3 {top3:.2f}"
               + (f"; first result wrong for {'; '.join(misses)}" if misses and where != "stock" else ""))
    for where, values in timings.items():
        report(f"search latency, last keystroke to results shown, {where}: median {statistics.median(values):.0f} ms"
               f" over {len(values)} queries (goal: within 100 ms)")
    for where in ("online", "offline"):
        for name in files:
            top1, top3, misses = scores[where, name]
            assert top1 >= GOAL_TOP1 and top3 >= GOAL_TOP3, (where, name, misses)


def test_symbols_numbers_and_paragraph_names(page, site_url: str) -> None:
    open_site(page, site_url + "/")
    top1, top3, misses = accuracy(page, UNWRITTEN)
    report(f"search ({len(UNWRITTEN)} symbol, number and paragraph-name queries): top-1 {top1:.2f}, top-3 {top3:.2f}")
    assert misses == []


def test_online_site_searches_without_lunr_language_files(page, built_site, site_url: str) -> None:
    """The site is searched in English: Material's worker then loads none of
    lunr's language files, and make build publishes none (nor their
    compressed copies). Search answers, and nothing it asks for is missing."""
    assert not (built_site.site / "assets" / "javascripts" / "lunr").exists()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    open_site(page, site_url + "/")
    assert results(page, "Declaration 42")[:1] == ["att_1__para_42"]
    assert failed == []


def test_results_are_paragraph_pages_titled_with_labels_and_snippets(page, site_url: str) -> None:
    open_site(page, site_url + "/")
    type_query(page, "media content glorifying violence")
    first = page.locator(".md-search-result__item").first
    # The page's title: its label and the editors' subject (issue 16).
    assert first.locator("h1").inner_text() == \
        "Salvador Declaration, paragraph 31 · Protecting children and youth from violent content"
    assert "glorifying acts of violence" in first.inner_text()
    found = [eid_of(h) for h in page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")]
    # No reading view nor home page (they repeat the paragraphs); paragraphs
    # before any other page.
    assert not {"/resolution/", "/declaration/", "home"} & set(found), found
    kinds = [e in REGISTRY.values() for e in found]
    assert kinds == sorted(kinds, reverse=True), " ".join(found)


# -- one test per kind of query ---------------------------------------------------


JUMPS = [
    ("42", "att_1__para_42", "declaration/42"),
    ("para 42", "att_1__para_42", "declaration/42"),
    ("paragraph 42", "att_1__para_42", "declaration/42"),
    ("§ 42", "att_1__para_42", "declaration/42"),
    ("decl 42", "att_1__para_42", "declaration/42"),
    ("op 9", "para_9", "resolution/9"),
    ("OP9", "para_9", "resolution/9"),
    ("operative 9", "para_9", "resolution/9"),
    ("pp 3 resolution", "preamble__p_3", "resolution/preamble/3"),
    ("pp 3 Declaration", "att_1__preamble__p_3", "declaration/preamble/3"),
    ("footnote 6", "fn_6", "footnotes"),
    ("fn 6", "fn_6", "footnotes"),
]


@pytest.mark.parametrize("where", ["online", "offline"])
def test_jump_is_first_and_enter_opens_it(page, site_url: str, offline_site: Path, where: str) -> None:
    start = site_url + "/" if where == "online" else (offline_site / "index.html").as_uri()
    open_site(page, start)
    assert [results(page, query)[0] for query, _, _ in JUMPS] == [target for _, target, _ in JUMPS]
    for query, target, path in JUMPS[1::5]:  # a paragraph, an operative paragraph, a footnote
        open_site(page, start)
        results(page, query)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        url = urlsplit(page.url)
        assert url.path.endswith(f"/{path}/" if where == "online" else f"/{path}.html"), (query, page.url)
        if target.startswith("fn_"):
            assert url.fragment == "footnote-" + target.removeprefix("fn_"), (query, page.url)


def test_both_parts_jump_when_the_query_names_neither(page, site_url: str) -> None:
    open_site(page, site_url + "/")
    assert results(page, "pp 3")[:2] == ["preamble__p_3", "att_1__preamble__p_3"]
    assert results(page, "para 9")[:2] == ["para_9", "att_1__para_9"]
    # A number that names no paragraph is searched as a word.
    assert "att_1__para_54" in results(page, "2015")[:2]


def test_a_jump_lists_the_paragraphs_that_cite_it_after_it(page, site_url: str) -> None:
    open_site(page, site_url + "/")
    assert results(page, "footnote 2")[:3] == ["fn_2", "preamble__p_7", "para_3"]
    # Resolution 9 refers to "paragraph 42 of the Salvador Declaration".
    assert results(page, "para 42")[:2] == ["att_1__para_42", "para_9"]


def one_edit(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or adjacent transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def pages_by_word(site_url: str, page) -> dict[str, set[str]]:
    """Each word of the paragraphs' text → the eIds of the pages saying it."""
    index = json.loads(page.context.request.get(site_url + "/search/search_index.json").text())
    found: dict[str, set[str]] = {}
    for doc in index["docs"]:
        eid = eid_of(site_url + "/" + doc["location"])
        if "#" in doc["location"] or eid not in REGISTRY.values():
            continue
        for word in re.findall(r"[a-z]+", re.sub(r"<[^>]+>", " ", doc["text"]).lower()):
            found.setdefault(word, set()).add(eid)
    return found


# lunr's English stop words: its pipeline leaves them out of the index.
LUNR_STOP_WORDS = {
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does", "either",
    "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers", "him", "his",
    "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like", "likely", "may",
    "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or",
    "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so", "some", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to", "too", "twas", "us", "wants",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "yet", "you", "your",
}


def test_typos_find_the_word_below_exact_matches(page, site_url: str) -> None:
    """One insertion, deletion, substitution or transposition in a word of
    five letters or more still finds it; where the word typed is itself a
    word of the text, the pages that say it come before those that say only
    its one-edit neighbour ("detention" before "detection")."""
    open_site(page, site_url + "/")
    for typo in ["trafficing", "traffickng", "trafficcking", "trafifcking", "traffiking"]:
        assert results(page, typo + " cultural property")[0] == "att_1__para_12", typo
    words = {w: pages for w, pages in pages_by_word(site_url, page).items() if w not in LUNR_STOP_WORDS}
    pairs = [(a, b) for a in sorted(words) for b in sorted(words)
             if len(a) >= 5 and len(b) >= 5 and one_edit(a, b) and a != b
             and a.rstrip("s") != b.rstrip("s") and words[b] - words[a] and len(words[a]) <= 8]
    assert len(pairs) >= 5, pairs
    for typed, neighbour in pairs[:: max(1, len(pairs) // 8)]:
        found = results(page, typed)
        exact = [found.index(e) for e in words[typed] if e in found]
        near = [found.index(e) for e in words[neighbour] - words[typed] if e in found]
        assert len(exact) == len(words[typed]), (typed, found)
        assert not near or max(exact) < min(near), (typed, neighbour, found)


def test_variants_of_hyphens_apostrophes_and_plurals(page, site_url: str) -> None:
    open_site(page, site_url + "/")
    first = {q: results(page, q)[0] for q in ["cyber-crime", "cyber crime", "cybercrime", "money laundering",
                                              "money-laundering", "moneylaundering", "children's", "childrens",
                                              "children’s", "child", "children"]}
    assert first["cyber-crime"] == first["cyber crime"] == first["cybercrime"], first
    assert first["money laundering"] == first["money-laundering"] == first["moneylaundering"], first
    assert first["children's"] == first["childrens"] == first["children’s"] == first["children"], first
    # Singular and plural find the same pages.
    assert set(results(page, "victim")[:5]) == set(results(page, "victims")[:5])


def test_acronyms_and_common_names_find_the_full_words(page, site_url: str) -> None:
    """The names come from the glossary file (editorial data), not code."""
    open_site(page, site_url + "/")
    for name, full in [("UNODC", "Office on Drugs and Crime"), ("UNTOC", "Convention against Transnational"),
                       ("UNCAC", "Convention against Corruption"),
                       ("CCPCJ", "Commission on Crime Prevention and Criminal Justice"),
                       ("ICT", "information and communications technologies"),
                       ("the Organized Crime Convention", "Convention against Transnational Organized Crime"),
                       ("Mandela", "Standard Minimum Rules for the Treatment of Prisoners")]:
        type_query(page, name)
        first = page.locator(".md-search-result__item").first.inner_text()
        assert full.lower() in " ".join(first.split()).lower(), (name, first)


def test_document_symbols_and_the_documents_own(page, site_url: str, offline_site: Path) -> None:
    for start in [site_url + "/", (offline_site / "index.html").as_uri()]:
        open_site(page, start)
        for own in ["E/RES/2010/18", "2010/18", "A/RES/65/230", "65/230"]:
            assert results(page, own)[:2] == ["home", "about"], own
        # In a footnote only; behind an "Ibid." (footnote 5 stands for
        # "United Nations, Treaty Series, vol. 2349, No. 42146").
        assert results(page, "A/CONF.213/17")[0] == "att_1__para_50"
        assert results(page, "CONF.213/17")[0] == "att_1__para_50"
        assert results(page, "A/RES/46/152")[0] == "preamble__p_3"
        assert set(results(page, "Treaty Series vol. 2349")[:3]) == {"para_7", "para_13", "att_1__para_17"}


def test_results_show_printed_footnote_numbers_and_each_chip_once(page, site_url: str) -> None:
    open_site(page, site_url + "/")
    type_query(page, "Beijing Rules juvenile justice")
    item = page.locator(".md-search-result__item", has=page.locator("a[href*='declaration/26/']")).first
    # Declaration 26 cites footnotes 15 and 16: the snippet numbers them so.
    assert item.locator("li").evaluate_all("els => els.map(e => e.value)") == [15, 16]
    chips = item.locator(".md-tag").all_inner_texts()
    assert chips and len(chips) == len(set(chips)), chips
    # A footnote's own entry shows its printed number.
    type_query(page, "fn 16")
    assert page.locator(".sd-search-fn").first.inner_text() == "16"


def test_other_pages_are_found_below_paragraphs(page, site_url: str) -> None:
    open_site(page, site_url + "/")
    # The paragraphs whose footnotes cite the Treaty Series (or an "Ibid."
    # that stands for it) come before the footnotes and the cited documents.
    found = results(page, "Treaty Series")
    citing = {"para_7", "para_13", "att_1__para_12", "att_1__para_17", "att_1__para_18", "att_1__para_26"}
    assert set(found[:6]) == citing, found
    assert any(e.startswith("fn_") for e in found[6:]) and "/documents/" in found[6:], found
    assert results(page, "offline bundle USB stick")[0] == "/offline/"


def test_no_word_of_the_text_with_one_typo_finds_nothing(page, site_url: str) -> None:
    """Words of the text, each with one edit of each kind: every query
    finds at least the pages that say the word."""
    open_site(page, site_url + "/")
    index = json.loads((page.context.request.get(site_url + "/search/search_index.json")).text())
    words = sorted({w for doc in index["docs"] if "#" not in doc["location"]
                    for w in re.findall(r"[a-z]{7,}", re.sub(r"<[^>]+>", " ", doc["text"]).lower())})
    sample = words[:: max(1, len(words) // 12)][:12]
    edits = [lambda w: w[:3] + w[4:], lambda w: w[:3] + w[4] + w[3] + w[5:],
             lambda w: w[:3] + "x" + w[4:], lambda w: w[:3] + "e" + w[3:]]
    empty = [edit(w) for w in sample for edit in edits if not results(page, edit(w))]
    assert empty == []


def test_another_resolution_jumps_to_points_and_finds_its_own_symbol(browser, tmp_path: Path) -> None:
    """A document with lettered points, an unnumbered operative paragraph,
    no annex preamble, and neither glossary nor subjects: the same search,
    from its own data."""
    source = str(ROOT / "tests" / "data" / "corpus" / "a-res-80-9-trafficking-political-declaration.md")
    built = build_site(copy_project(tmp_path), source=source)
    page = browser.new_page()
    with serve(built.site) as url:
        open_site(page, url + "/")
        for query, path in [("18 (a)", "/annex/18/a/"), ("para 18(b)", "/annex/18/b/"), ("op 5", "/annex/5/"),
                            ("A/RES/80/9", "/"), ("trafficing", None)]:
            found = [urlsplit(h).path for h in type_query(page, query)]
            assert found, query
            if path:
                assert found[0] == path, (query, found)
        # No subject: the result's title is the label alone.
        type_query(page, "18 (a)")
        assert page.locator(".md-search-result__item h1").first.inner_text() == "Annex, paragraph 18 (a)"
    page.close()


# -- the data the search layer is built from ------------------------------------


@pytest.fixture(scope="module")
def data() -> dict:
    site = build(load(ROOT / SEED))
    return search_data(site, "footnotes.md", "footnote-{number}", "about.md")


def test_symbol_keys_survive_the_tokenizer_down_to_two_parts() -> None:
    assert symbol_keys("A/CONF.213/18") == ["a_conf_213_18", "conf_213_18", "213_18"]
    assert symbol_keys("A/RES/65/230") == ["a_res_65_230", "res_65_230", "65_230"]
    assert symbol_keys("46/152") == ["46_152"]
    assert symbol_keys("A/CONF.213/RPM.1/1")[-2:] == ["rpm_1_1", "1_1"]


def test_data_holds_glossary_names_symbols_ibid_and_printed_numbers(data: dict) -> None:
    keywords = data["keywords"]
    assert "unodc" in keywords["declaration/10"].split()  # "United Nations Office on Drugs and Crime"
    assert "unodc" not in keywords.get("declaration/1", "").split()
    assert "a_conf_213_17" in keywords["declaration/50#"].split()  # footnote 17
    assert "46_152" in keywords["resolution/preamble/3"].split()
    assert "Treaty Series, vol. 2349" in keywords["declaration/17#"]  # what its "Ibid." stands for
    assert data["marks"]["declaration/26"] == [15, 16]
    assert {"2010_18", "65_230"} <= set(data["own"]["keys"])
    fn6 = next(f for f in data["footnotes"]["items"] if f["n"] == 6)
    assert fn6["anchor"] == "footnote-6" and fn6["cited"] == ["resolution/10", "declaration/49"]


def test_names_are_editorial_data_not_code(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "source" / "ecosoc-resolution-2010-18.glossary.yml").unlink()
    site = build(load(project / SEED))
    without = search_data(site, "footnotes.md", "footnote-{number}", "about.md")
    assert without["names"] == []
    assert not any("unodc" in words.split() for words in without["keywords"].values())


def test_offline_zip_grows_by_at_most_a_tenth(offline_bundle: Bundle, tmp_path: Path) -> None:
    """The bundle against the same bundle without what search adds: its two
    scripts, the worker's address on every page, and the entries of pages
    other than paragraphs (indexed with a boost of their own)."""
    from build_scripts.bundle import write_zip  # noqa: PLC0415

    plain = tmp_path / offline_bundle.root.name
    with zipfile.ZipFile(offline_bundle.zip) as archive:
        archive.extractall(tmp_path)
    assert plain.is_dir()
    for name in ["search.js", "search-data.js"]:
        (plain / "assets" / name).unlink()
    # The worker's address is in the theme's configuration: in each page,
    # or in the file the pages share (build_scripts/bundle/shared.py,
    # then merged with the page's last scripts by merge_scripts).
    for html in [*plain.rglob("*.html"), *plain.glob("assets/javascripts/shared/*.js"), *plain.glob("assets/*.js")]:
        text = html.read_text(encoding="utf-8")
        html.write_text(text.replace("search.js?worker=javascripts/workers/search.", "javascripts/workers/search."),
                        encoding="utf-8")
    index_file = plain / "search" / "search_index.js"
    source = index_file.read_text(encoding="utf-8")
    prefix, payload = source.split("=", 1)
    index = json.loads(payload.strip().rstrip(";"))
    index["docs"] = [d for d in index["docs"] if "boost" not in d]
    index["config"]["fields"].pop("keywords", None)
    index_file.write_text(f"{prefix}= {json.dumps(index, separators=(',', ':'))}", encoding="utf-8")
    without = tmp_path / "without.zip"
    write_zip(plain, plain.name, without)
    ours, theirs = offline_bundle.zip.stat().st_size, without.stat().st_size
    report(f"offline zip: {ours} bytes; without the search layer: {theirs} bytes; growth {ours / theirs - 1:.1%} "
           "(goal: at most 10%)")
    assert ours <= 1.10 * theirs
