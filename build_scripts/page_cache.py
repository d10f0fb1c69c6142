"""What the MkDocs hooks that keep each page's result from one build to
the next share (build_scripts/markdown_cache.py, search_cache.py).

Each configuration (the online site, the offline bundle) has one JSON file
in ``.cache/<kind>/``, named after its configuration file: read when the
first page asks for it, and written whole after the build with only the
entries this build used, so that it does not grow with every edit. A
result made while MkDocs logged anything is not kept: the message must
come again on the next build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def cache_path(config_file: str, kind: str) -> Path:
    """The cache file of ``kind`` for the configuration in ``config_file``."""
    root = Path(config_file).resolve()
    name = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    return root.parent / ".cache" / kind / f"{name}.json"


class PageCache:
    """One build's view of a cache file: what the last build stored and
    what this build used, by key. A file of another ``format`` (or none,
    or not JSON) holds nothing."""

    def __init__(self, path: Path, format: str) -> None:
        self.path = path
        self.format = format
        self.stored: dict[str, Any] | None = None
        self.used: dict[str, Any] = {}

    def load(self) -> dict[str, Any]:
        if self.stored is None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            ok = isinstance(data, dict) and data.get("format") == self.format and isinstance(data.get("pages"), dict)
            self.stored = data["pages"] if ok else {}
        return self.stored

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"format": self.format, "pages": self.used}), encoding="utf-8")
        os.replace(temporary, self.path)


class LoggedCount(logging.Handler):
    """How many messages MkDocs logged."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextlib.contextmanager
def counting_messages() -> Iterator[LoggedCount]:
    """Count what MkDocs logs inside the block."""
    counted = LoggedCount()
    log = logging.getLogger("mkdocs")
    log.addHandler(counted)
    try:
        yield counted
    finally:
        log.removeHandler(counted)
