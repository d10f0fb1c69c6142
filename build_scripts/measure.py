"""Measurements of a built site and the naive baseline it is measured
against, shared by the tests (budgets) and `make bench` (figures). Both
import it from here; neither imports the other."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Resource:
    name: str
    """The file's path in the site."""
    raw: int
    gzip: int


def _resource(site: Path, path: Path) -> Resource:
    data = path.read_bytes()
    return Resource(path.relative_to(site).as_posix(), len(data), len(gzip.compress(data, 9)))


def _page_file(site: Path, url_path: str) -> Path:
    if url_path == "/":
        return site / "index.html"
    return site / url_path.strip("/") / "index.html"


def first_load(site: Path, url_path: str) -> list[Resource]:
    """What a first visit to ``url_path`` transfers before the reader does
    anything, file by file: the page, every stylesheet, script and image it
    references in ``href`` or ``src``, and — when Material starts its search
    worker as the page loads (the page's ``__config`` names the worker, and
    assets/lazy-search.js does not hold it back) — the worker and the search
    index it fetches. Material's bundle, where assets/lazy-bundle.js holds
    it back (named in ``data-sd-bundle``, loaded on the first interaction),
    is not part of it; where a page names it in ``src`` (the naive site, the
    offline bundle) it is. tests/test_first_load.py checks both in
    Chromium."""
    page_file = _page_file(site, url_path)
    html = page_file.read_text(encoding="utf-8")
    files = [page_file]
    for ref in sorted(set(re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js|png|svg|ico))"', html))):
        if ref.startswith(("http:", "https:")):
            continue
        files.append((page_file.parent / ref).resolve())
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    worker = json.loads(config.group(1)).get("search") if config else None
    # assets/lazy-search.js holds both back until the reader opens search
    # (tests/test_first_load.py checks that in Chromium).
    lazy = "assets/lazy-search.js" in html
    if worker and not lazy:
        files.append((page_file.parent / worker).resolve())
        files.append(site / "search" / "search_index.json")
    return [_resource(site.resolve(), f.resolve()) for f in files]


def first_load_bytes(site: Path, url_path: str, compressed: bool = True) -> int:
    """Bytes a first visit transfers: gzip (as a server sends text) or raw."""
    return sum(r.gzip if compressed else r.raw for r in first_load(site, url_path))


NAIVE_CONFIG = "site_name: Naive\ntheme:\n  name: material\n  font: false\n"
"""The naive alternative: stock Material for MkDocs, no web fonts."""


def naive_project(directory: Path, source: Path, offline: bool = False) -> Path:
    """Write the naive alternative into ``directory``: the source as one
    page (``docs/index.md``) in stock Material, with the offline plugin for
    the bundle's baseline. Returns ``directory``; build it with
    ``mkdocs build``."""
    (directory / "docs").mkdir(parents=True)
    shutil.copy(source, directory / "docs" / "index.md")
    config = NAIVE_CONFIG + ("plugins:\n  - search\n  - offline\n" if offline else "")
    (directory / "mkdocs.yml").write_text(config, encoding="utf-8")
    return directory
