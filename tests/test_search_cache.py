"""A rebuild reuses each unchanged page's search entries
(build_scripts/search_cache.py) and writes the same site and offline
bundle, search index included, as a build without the hook; whatever the
search plugin reads, changed, indexes the page again."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import material.plugins.search.plugin as search_plugin  # type: ignore[import-untyped]
import pytest
from mkdocs.structure.toc import get_toc
from test_markdown_cache import _differences

from conftest import SEED, copy_project, run

HOOK_LINE = "  - build_scripts/search_cache.py\n"
PAGE = Path("docs") / "declaration" / "42.md"
WORDS = "comprehensive study"
# What each build writes: the online site and the offline bundle's folder.
CONFIGS = {"online": [], "offline": ["-f", "mkdocs.offline.yml"]}


def _build(project: Path, name: str) -> dict[str, Path]:
    """Both builds, as build_scripts.site_build runs them; their folders."""
    sites = {}
    for kind, args in CONFIGS.items():
        site = project / f"{name}-{kind}"
        run([sys.executable, "-m", "mkdocs", "build", "--strict", *args, "--site-dir", str(site)], project)
        sites[kind] = site
    return sites


def _same(left: dict[str, Path], right: dict[str, Path]) -> None:
    for kind in CONFIGS:
        assert (left[kind] / "search" / "search_index.json").read_bytes() == (
            right[kind] / "search" / "search_index.json"
        ).read_bytes(), kind
        assert _differences(left[kind], right[kind]) == [], kind
    assert (left["offline"] / "search" / "search_index.js").is_file()


def _cache_files(project: Path) -> list[Path]:
    return sorted((project / ".cache" / "search").glob("*.json"))


def _entries(site: Path, location: str) -> list[dict[str, object]]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [e for e in index["docs"] if e["location"].split("#")[0] == location]


def _poison(project: Path) -> int:
    """Mark the cached entries of the page with WORDS in every cache file,
    so that a build that reads them shows it; how many it marked."""
    marked = 0
    for path in _cache_files(project):
        data = json.loads(path.read_text(encoding="utf-8"))
        for entries in data["pages"].values():
            for entry in entries:
                if WORDS in entry["text"]:
                    entry["text"] = entry["text"].replace(WORDS, "comprehensive cached study")
                    marked += 1
        path.write_text(json.dumps(data), encoding="utf-8")
    return marked


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project with the hook, and the same project without it."""
    root = tmp_path_factory.mktemp("search-cache")
    cached, plain = copy_project(root / "cached"), copy_project(root / "plain")
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count(HOOK_LINE) == 1
    (plain / "mkdocs.yml").write_text(config.replace(HOOK_LINE, ""), encoding="utf-8")
    for project in (cached, plain):
        run([sys.executable, "-m", "build_scripts", "--source", SEED, "--quiet"], project)
    return cached, plain


@pytest.fixture()
def poisoned(projects: tuple[Path, Path]) -> Iterator[Path]:
    """The project with the hook, its cache warm and marked (_poison);
    emptied afterwards, for the marks would stay in it."""
    cached, _ = projects
    _build(cached, "before-poison")
    assert _poison(cached) >= 2
    try:
        yield cached
    finally:
        shutil.rmtree(cached / ".cache" / "search")


@contextmanager
def _edited(projects: tuple[Path, ...], word: str) -> Iterator[None]:
    """Declaration paragraph 42 with one word more."""
    originals = {project: (project / PAGE).read_text(encoding="utf-8") for project in projects}
    try:
        for project, text in originals.items():
            assert WORDS in text
            (project / PAGE).write_text(text.replace(WORDS, f"comprehensive {word} study"), encoding="utf-8")
        yield
    finally:
        for project, text in originals.items():
            (project / PAGE).write_text(text, encoding="utf-8")


def _paragraph_42(sites: dict[str, Path]) -> dict[str, str]:
    """Its page's one entry's text, in each build's index."""
    found = {}
    for kind, site in sites.items():
        [entry] = _entries(site, "declaration/42/" if kind == "online" else "declaration/42.html")
        found[kind] = str(entry["text"])
    return found


def test_a_rebuild_from_the_cache_writes_what_a_build_without_it_writes(projects: tuple[Path, Path]) -> None:
    cached, plain = projects
    without = _build(plain, "without")
    assert _cache_files(plain) == []
    _same(_build(cached, "cold"), without)
    assert len(_cache_files(cached)) == 2
    pages = len(list((cached / "docs").rglob("*.md")))
    for path in _cache_files(cached):
        assert len(json.loads(path.read_text(encoding="utf-8"))["pages"]) == pages, path
    _same(_build(cached, "warm"), without)
    _same(_build(cached, "warmer"), without)


def test_a_rebuild_reads_the_entries_from_the_cache(poisoned: Path) -> None:
    """What the cache holds is what the rebuild's index says (so the test
    above compares an index made by the plugin with a cached one)."""
    second = _build(poisoned, "second")
    for kind, text in _paragraph_42(second).items():
        assert "comprehensive cached study" in text, kind
    script = (second["offline"] / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "comprehensive cached study" in script


def test_an_edited_page_is_indexed_again(projects: tuple[Path, Path]) -> None:
    """One paragraph's words edited, the cache warm: the page's entry says
    the new words, and the site is the one a build without the hook makes."""
    cached, plain = projects
    _build(cached, "before-edit")
    with _edited(projects, "quixotic"):
        after = _build(cached, "edited")
        _same(after, _build(plain, "edited-without"))
    for kind, text in _paragraph_42(after).items():
        assert "comprehensive quixotic study" in text, kind


def test_an_edited_page_is_not_read_from_the_cache(poisoned: Path) -> None:
    with _edited((poisoned,), "quixotic"):
        after = _build(poisoned, "edited-poisoned")
    for kind, text in _paragraph_42(after).items():
        assert "comprehensive quixotic study" in text and "cached" not in text, kind


def test_a_changed_search_setting_indexes_every_page_again(poisoned: Path) -> None:
    """Material's search plugin writes its settings into the index but its
    entries do not depend on them; the cache does not assume so."""
    config_path = poisoned / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    separator = "    separator: '[\\s\\-,;:!?()"
    assert config.count(separator) == 1
    try:
        config_path.write_text(config.replace(separator, separator + "/"), encoding="utf-8")
        changed = _build(poisoned, "settings-changed")
    finally:
        config_path.write_text(config, encoding="utf-8")
    for kind, site in changed.items():
        index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "cached study" not in index, kind
        assert json.loads(index)["config"]["separator"].startswith("[\\s\\-,;:!?()/"), kind


# The fallbacks, on the hook's own function: what it cannot vouch for is
# indexed by Material's code and not kept.

HTML = '<h1 id="t">Title</h1><p>Some words.</p><h2 id="s">Part</h2><p>More words.</p>'


def _page(**meta: object) -> SimpleNamespace:
    toc = get_toc([{"level": 1, "id": "t", "name": "Title", "children": [
        {"level": 2, "id": "s", "name": "Part", "children": []}]}])
    return SimpleNamespace(content=HTML, toc=toc, url="page/", title="Title", meta=meta)


@pytest.fixture()
def hook(tmp_path: Path) -> Iterator[ModuleType]:
    """The hook's module with a cache of its own (for this test's pages)."""
    module = importlib.import_module("build_scripts.search_cache")
    module._cache[:] = [module._Cache(tmp_path / "search.json")]
    try:
        yield module
    finally:
        module._cache[:] = []


def _index(kind: type = search_plugin.SearchIndex) -> Any:
    return kind(lang=["en"], separator=r"[\s\-]+", pipeline=[], fields={"title": {"boost": 3}})


def test_an_entry_is_kept_and_read_back(hook: ModuleType) -> None:
    expected, first, second = _index(), _index(), _index()
    expected.add_entry_from_context(_page(tags=["Crime"]))
    hook._add_entry(first, _page(tags=["Crime"]))
    assert first.entries == expected.entries and len(expected.entries) == 2
    cache = hook._cache[0]
    cache.save()
    # The next build reads what this one kept; changed there, it shows.
    hook._cache[:] = [hook._Cache(cache.path)]
    [(key, kept)] = hook._cache[0].load().items()
    assert kept == expected.entries
    kept[0]["text"] = "changed in the cache"
    hook._add_entry(second, _page(tags=["Crime"]))
    assert second.entries == kept
    # The index has a copy: what the plugin does to it stays out of the cache.
    second.entries[0]["text"] = "changed in the index"
    assert hook._cache[0].used == {key: kept} and kept[0]["text"] == "changed in the cache"


@pytest.mark.parametrize(
    ("page", "kind"),
    [
        # Material tells a list of tags from a tuple (it drops the tuple);
        # JSON would not.
        (_page(tags=("Crime",)), search_plugin.SearchIndex),
        (_page(search={"boost": date(2010, 7, 22)}), search_plugin.SearchIndex),
        (_page(tags=["Crime"]), type("Other", (search_plugin.SearchIndex,), {})),
    ],
    ids=["tuple of tags", "boost not plain data", "subclass"],
)
def test_what_the_hook_cannot_vouch_for_is_indexed_by_material_and_not_kept(
    hook: ModuleType, page: SimpleNamespace, kind: type
) -> None:
    expected, indexed = _index(kind), _index(kind)
    expected.add_entry_from_context(page)
    hook._add_entry(indexed, page)
    assert indexed.entries == expected.entries and expected.entries
    assert hook._cache[0].used == {}


def test_an_index_whose_parser_was_replaced_is_not_kept(hook: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    class Parser(search_plugin.Parser):
        def handle_data(self, data: str) -> None:
            super().handle_data(data.upper())

    monkeypatch.setattr(search_plugin, "Parser", Parser)
    indexed = _index()
    hook._add_entry(indexed, _page())
    assert indexed.entries[0]["text"] == "<p>SOME WORDS.</p>"
    assert hook._cache[0].used == {}
