"""Each page's search entries made once, not on every build (an MkDocs hook).

Material's search plugin indexes every page on every build: on the page's
``on_page_context`` event, ``SearchIndex.add_entry_from_context`` parses
the page's HTML into sections and appends one entry per section to the
index (its only effect). After an edit to one paragraph, most pages' HTML
is what it was, and so are their entries. This hook keeps the entries the
method appended for each page in ``.cache/search/``, under the digest of
everything the method reads:

* the page's HTML, as the events before the search plugin's left it, its
  URL, its table of contents (the anchors' ids and URLs), the title the
  plugin gives a section without one (the front matter's, else the
  page's), and the front matter's ``search`` (exclude, boost) and ``tags``;
* the search index's settings (the plugin's configuration), Material's
  version and the code of its search plugin's module, and Python's version
  (the plugin parses with the standard library's HTML parser).

Whatever the hook cannot vouch for is indexed as without it, and not
kept: an index that is not Material's own ``SearchIndex`` as this hook
knows it (a subclass, a method or its HTML parser replaced), jieba
installed (Chinese text is then segmented with dictionaries the key does
not cover), front matter or a table of contents that is not plain data,
entries that are not plain JSON data (the index is written as JSON:
entries that are give the same bytes when read back), an index whose
entries were not only appended to, and indexing that logged anything.
Each configuration (the online site, the offline bundle, whose offline
plugin copies the same index into ``search_index.js``) has a cache file
of its own, written whole after its build with only the pages that build
had.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import platform
from importlib.metadata import version
from pathlib import Path
from typing import Any

import material.plugins.search.plugin as search_plugin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from build_scripts import memo
from build_scripts.page_cache import PageCache, cache_path, counting_messages

# A new format (or a new meaning of an entry) must not read old entries.
FORMAT = "1"
SearchIndex = search_plugin.SearchIndex

_material_add_entry = SearchIndex.__dict__["add_entry_from_context"]
# What it calls: if any is replaced (by a plugin, say), its entries are no
# longer the ones this hook's key describes.
_material_helpers = {name: SearchIndex.__dict__[name] for name in ("create_entry_for_section", "_find_toc_by_id")}
_material_parser = search_plugin.Parser
_plugin_code = hashlib.sha256(Path(search_plugin.__file__).read_bytes()).hexdigest()


class _Cache(PageCache):
    """One build's view of the cache (page_cache.PageCache), with the
    index's settings as the key holds them."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, FORMAT)
        self.settings: tuple[int, str | None] | None = None

    def settings_of(self, index: Any) -> str | None:
        # Computed once a build: the index's settings do not change while
        # the pages are indexed.
        if self.settings is None or self.settings[0] != id(index):
            try:
                settings: str | None = json.dumps(
                    {
                        "format": FORMAT,
                        "versions": [version("mkdocs-material"), platform.python_version()],
                        "code": _plugin_code,
                        "index": _plain(index.config),
                    },
                    sort_keys=True,
                )
            except (TypeError, ValueError):
                settings = None
            self.settings = (id(index), settings)
        return self.settings[1]


_cache: list[_Cache] = []


def _plain(value: Any) -> Any:
    """``value`` if it is plain data, of exactly the types JSON gives back
    (the plugin tells a list from a tuple, and JSON would not), else
    TypeError."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is dict and all(type(k) is str for k in value):
        return {k: _plain(v) for k, v in value.items()}
    raise TypeError(f"not plain data: {type(value).__name__}")


def on_pre_build(config: MkDocsConfig) -> None:
    _cache[:] = [_Cache(cache_path(config["config_file_path"], "search"))]
    SearchIndex.add_entry_from_context = _add_entry


def on_post_build(config: MkDocsConfig) -> None:
    if _cache:
        _cache[0].save()


def _key(cache: _Cache, index: Any, page: Page) -> str | None:
    """The digest of everything add_entry_from_context reads, or None
    when the hook cannot tell it."""
    if (
        type(index) is not SearchIndex
        or any(SearchIndex.__dict__.get(name) is not method for name, method in _material_helpers.items())
        or search_plugin.Parser is not _material_parser
        or search_plugin.jieba is not None
        or type(index.entries) is not list
        or not isinstance(page.content, str)
        or not isinstance(page.url, str)
    ):
        return None
    settings = cache.settings_of(index)
    if settings is None:
        return None

    def toc(items: Any) -> list[Any]:
        return [[_plain(item.id), _plain(item.url), toc(item.children)] for item in items]

    try:
        meta = page.meta
        read = json.dumps(
            {
                "search": _plain(meta.get("search")),
                "tags": _plain(meta.get("tags")),
                "title": str(meta.get("title", page.title)),
                "toc": toc(page.toc),
            }
        )
    except (AttributeError, TypeError, ValueError, RecursionError):
        return None
    return memo.key(settings, read, page.url, page.content)


def _add_entry(index: Any, page: Page) -> None:
    """SearchIndex.add_entry_from_context, or the entries it appended for
    the same input before."""
    key = _key(_cache[0], index, page) if _cache else None
    if key is None:
        _material_add_entry(index, page)
        return
    cache = _cache[0]
    stored = cache.load().get(key)
    if isinstance(stored, list):
        # A copy: the index is the plugin's to change, the cache is not.
        index.entries.extend(json.loads(json.dumps(stored)))
        cache.used[key] = stored
        return
    entries = index.entries
    before = len(entries)
    with counting_messages() as logged:
        _material_add_entry(index, page)
    if logged.count or index.entries is not entries or len(entries) < before:
        return
    # Plain JSON data gives the same JSON once read back, which is what
    # the plugin writes of the index; other entries are not kept.
    with contextlib.suppress(TypeError, ValueError):
        cache.used[key] = json.loads(json.dumps(entries[before:], allow_nan=False))
