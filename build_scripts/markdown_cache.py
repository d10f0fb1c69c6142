"""Each page's Markdown converted once, not on every build (an MkDocs hook).

Converting the pages' Markdown is the largest part of a build, and a
rebuild converts the same Markdown again: after an edit to one paragraph,
most pages are what they were. This hook keeps what MkDocs' Page.render
makes of a page — its HTML, its table of contents, the title found in it,
its anchors and its links to other pages' anchors (which MkDocs checks
after every page is converted) — in ``.cache/markdown/``, under the digest
of everything the conversion reads:

* the page's Markdown, as the ``on_page_markdown`` events left it;
* the page's source path, its output path and its URL;
* every file of the site, with its output path, URL and inclusion (links
  resolve against them, and a link to a missing file is a warning);
* the Markdown extensions, their settings and the code of their modules,
  MkDocs' link validation settings and URL style, the versions of Python-Markdown and
  MkDocs, and how much the build logs (a quiet build logs less).

A conversion that logged anything (a link MkDocs could not resolve, say)
is not kept: the next build converts the page again and says it again.
Each configuration (the online site, the offline bundle) has a cache file
of its own, written whole after its build with only the pages that build
had, so that the two builds can run side by side and the cache never
holds more than one build's pages.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from build_scripts import memo
from build_scripts.page_cache import PageCache, cache_path, counting_messages

# A new format (or a new meaning of an entry) must not read old entries.
FORMAT = "1"
PACKAGES = ("markdown", "mkdocs")


class _Cache(PageCache):
    """One build's view of the cache (page_cache.PageCache), with what
    every page's conversion depends on besides the page (``settings``)."""

    def __init__(self, path: Path, settings: str) -> None:
        super().__init__(path, FORMAT)
        self.settings = settings
        self.files_key: tuple[int, int, str] | None = None

    def files_digest(self, files: Files) -> str:
        # Computed once a build (the files do not change while the pages
        # are converted), for all pages.
        if self.files_key is None or self.files_key[:2] != (id(files), len(files)):
            listing = [(f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files]
            digest = hashlib.sha256(json.dumps(listing).encode()).hexdigest()
            self.files_key = (id(files), len(files), digest)
        return self.files_key[2]


_cache: list[_Cache] = []
_mkdocs_render = Page.render
_pages_log = logging.getLogger("mkdocs.structure.pages")


def _settings(config: MkDocsConfig) -> str | None:
    """What every page's conversion depends on besides the page and the
    files, or None when it cannot be told (an extension given as an
    object, settings that are not plain data): then nothing is cached."""
    extensions = config["markdown_extensions"]
    if not all(isinstance(name, str) for name in extensions):
        return None
    code = []
    for name in extensions:
        module = name.partition(":")[0]
        spec = importlib.util.find_spec(module) if "." in module else None
        spec = spec or importlib.util.find_spec(f"markdown.extensions.{module}")
        if spec is None or spec.origin is None or not os.path.isfile(spec.origin):
            return None
        code.append(hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest())
    try:
        return json.dumps(
            {
                "format": FORMAT,
                "versions": [version(p) for p in PACKAGES],
                "extensions": extensions,
                "code": code,
                "settings": config["mdx_configs"],
                "validation": _plain(config["validation"]),
                "use_directory_urls": config["use_directory_urls"],
                "log_level": logging.getLogger("mkdocs").getEffectiveLevel(),
            },
            sort_keys=True,
        )
    except TypeError:
        return None


def _plain(value: Any) -> Any:
    # MkDocs' settings are Config objects (mappings), not dicts.
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def on_pre_build(config: MkDocsConfig) -> None:
    # After every on_config event: the settings are final.
    settings = _settings(config)
    _cache[:] = []
    if settings is not None:
        _cache.append(_Cache(cache_path(config["config_file_path"], "markdown"), settings))
    Page.render = _render  # type: ignore[method-assign,assignment]


def on_post_build(config: MkDocsConfig) -> None:
    if _cache:
        _cache[0].save()


def _render(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Page.render, or what it made of the same input before."""
    if not _cache or page.markdown is None:
        _mkdocs_render(page, config, files)
        return
    cache = _cache[0]
    key = memo.key(cache.settings, cache.files_digest(files), page.file.src_uri, page.file.dest_uri,
                   page.file.url, page.markdown)
    entry = cache.load().get(key)
    targets = {src: files.get_file_from_path(src) for src in entry["links"]} if entry else {}
    if entry is None or None in targets.values():
        with counting_messages() as logged:
            _mkdocs_render(page, config, files)
        if logged.count:
            return
        entry = {
            "content": page.content,
            "toc": _toc_tokens(page),
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()},
        }
    else:
        page.content = entry["content"]
        page.toc = get_toc(entry["toc"])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        if _pages_log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {target: entry["links"][src] for src, target in targets.items() if target}
    cache.used[key] = entry


def _toc_tokens(page: Page) -> list[dict[str, Any]]:
    """The table of contents as the tokens get_toc makes it from."""

    def token(link: Any) -> dict[str, Any]:
        return {"name": link.title, "id": link.id, "level": link.level, "children": [token(c) for c in link.children]}

    return [token(link) for link in page.toc]
