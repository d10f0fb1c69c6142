"""Precompressed copies of the online site's text files, for hosts that
serve ``name.br`` or ``name.gz`` in place of ``name`` when the browser
accepts it (nginx ``gzip_static``/``brotli_static``, Caddy ``precompressed``,
…). A host that does not simply never sends them. Compressing once, at the
highest levels, gives smaller files than a host compressing on the fly.

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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli  # type: ignore[import-untyped]

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
# Below this a compressed copy saves less than a network packet.
MIN_BYTES = 1024
# Bumped when the encoders' settings change: older copies are not reused.
SETTINGS = "brotli-11 gzip-9 v1"
ENCODERS = {
    ".br": lambda data: brotli.compress(data, quality=11),
    ".gz": lambda data: gzip.compress(data, 9, mtime=0),
}


def _compress(path: Path, cache: Path) -> set[str]:
    """Write ``path``'s copies beside it, from the cache or fresh; return
    the cache entries used."""
    data = path.read_bytes()
    key = hashlib.sha256(SETTINGS.encode() + b"\0" + data).hexdigest()
    used = set()
    for suffix, encode in ENCODERS.items():
        cached = cache / (key + suffix)
        try:
            compressed = cached.read_bytes()
        except FileNotFoundError:
            compressed = encode(data)
            # Written whole or not at all: a build that stops half-way, or
            # runs beside another, never leaves a truncated copy to reuse.
            partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            partial.write_bytes(compressed)
            partial.replace(cached)
        path.with_name(path.name + suffix).write_bytes(compressed)
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
        used = set().union(*pool.map(lambda path: _compress(path, cache), files))
    # The cache holds the copies of the last build only: it does not grow
    # with every edit.
    for entry in cache.iterdir():
        if entry.name not in used and not entry.name.endswith(".tmp"):
            entry.unlink(missing_ok=True)
