"""Measurements of a built site and the naive baseline it is measured
against, shared by the tests (budgets) and `make bench` (figures). Both
import it from here; neither imports the other."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path


def first_load_bytes(site: Path, url_path: str) -> int:
    """Bytes a first visit transfers (gzip, as a server sends text): the page
    and every stylesheet, script and image it references."""
    page_file = site / url_path.strip("/") / "index.html" if url_path != "/" else site / "index.html"
    html = page_file.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode("utf-8"), 9))
    for ref in sorted(set(re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js|png|svg|ico))"', html))):
        if ref.startswith(("http:", "https:")):
            continue
        asset = (page_file.parent / ref).resolve()
        total += len(gzip.compress(asset.read_bytes(), 9))
    return total


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
