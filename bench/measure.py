"""Measurements shared by the tests (budgets) and `make bench` (figures)."""

from __future__ import annotations

import gzip
import re
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
