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
from pathlib import Path

import brotli  # type: ignore[import-untyped]

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
# Below this a compressed copy saves less than a network packet.
MIN_BYTES = 1024


def precompress(site: Path) -> None:
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
