"""Precompressed copies of the online site's text files, for hosts that
serve ``name.br`` or ``name.gz`` in place of ``name`` when the browser
accepts it (nginx ``gzip_static``/``brotli_static``, Caddy ``precompressed``,
…). A host that does not simply never sends them. Compressing once, at the
highest levels, gives smaller files than a host compressing on the fly.

Both encoders are deterministic (gzip with no name and no time in its
header), so two builds of one commit still give the same bytes.
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli  # type: ignore[import-untyped]

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
# Below this a compressed copy saves less than a network packet.
MIN_BYTES = 1024


def _compress(path: Path) -> None:
    data = path.read_bytes()
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))


def precompress(site: Path) -> None:
    files = [path for path in sorted(site.rglob("*"))
             if path.is_file() and path.suffix in TEXT and path.stat().st_size >= MIN_BYTES]
    # Brotli at its highest level is most of the build's time; both encoders
    # release the GIL, so threads share it across the machine's cores. Each
    # file's copies depend on that file alone: the bytes stay the same.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_compress, files))
