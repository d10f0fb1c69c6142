"""Precompressed copies of the online site's text files, for hosts that
serve ``name.br`` or ``name.gz`` in place of ``name`` when the browser
accepts it (nginx ``gzip_static``/``brotli_static``, Caddy ``precompressed``,
…). A host that does not simply never sends them. Compressing once, at
high levels, gives smaller files than a host compressing on the fly.

Brotli's level is chosen by what it buys (measured on this site, 153
files, 3.66 MB): level 11 makes the pages and data 2.7% smaller than
level 10 (a paragraph page: about 75 bytes) for three times the time
(2.8 s against 1.1 s of the build's time). The theme's and the site's
own assets (``assets/``) are the same from one build to the next, so
their level-11 copies come from the cache; the pages and data, which an
edit of the source changes, get level 10.

Both encoders are deterministic (gzip with no name and no time in its
header), so two builds of one commit still give the same bytes — and so a
file's compressed copies depend on its bytes alone: they are kept in a
cache (``.cache/precompress/<sha256 of the file>.br`` and ``.gz``) and
reused while the file is unchanged. Brotli at its highest level is most of
the build's time; most files (Material's assets, the site's own, the pages
an edit did not touch) are the same from one build to the next.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli  # type: ignore[import-untyped]

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
# Below this a compressed copy saves less than a network packet.
MIN_BYTES = 1024
# Where the files that stay the same from build to build are.
ASSETS = "assets/"


def brotli_quality(rel: str) -> int:
    """The brotli level for the file at ``rel`` (a path in the site)."""
    return 11 if rel.startswith(ASSETS) else 10


def _compress(path: Path, rel: str, cache: Path) -> set[str]:
    """Write ``path``'s copies beside it, from the cache or fresh; return
    the cache entries used."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    quality = brotli_quality(rel)
    # The settings are part of the name: a copy made with others is not
    # reused.
    encoders = {
        f"{digest}.q{quality}.br": lambda: brotli.compress(data, quality=quality),
        f"{digest}.9.gz": lambda: gzip.compress(data, 9, mtime=0),
    }
    used = set()
    for name, encode in encoders.items():
        cached = cache / name
        try:
            compressed = cached.read_bytes()
        except FileNotFoundError:
            compressed = encode()
            # Written whole or not at all: a build that stops half-way, or
            # runs beside another, never leaves a truncated copy to reuse.
            partial = cached.with_name(f"{cached.name}.{os.getpid()}-{threading.get_ident()}.tmp")
            partial.write_bytes(compressed)
            partial.replace(cached)
        path.with_name(path.name + cached.suffix).write_bytes(compressed)
        used.add(cached.name)
    return used


def precompress(site: Path, cache: Path) -> None:
    files = [path for path in sorted(site.rglob("*"))
             if path.is_file() and path.suffix in TEXT and path.stat().st_size >= MIN_BYTES]
    cache.mkdir(parents=True, exist_ok=True)
    # Both encoders release the GIL, so threads share the work across the
    # machine's cores. Each file's copies depend on that file alone: the
    # bytes stay the same.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        used = set().union(*pool.map(lambda path: _compress(path, path.relative_to(site).as_posix(), cache), files))
    # The cache holds the copies of the last build only: it does not grow
    # with every edit.
    for entry in cache.iterdir():
        if entry.name not in used and not entry.name.endswith(".tmp"):
            entry.unlink(missing_ok=True)
