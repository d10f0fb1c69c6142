"""Write generated pages into ``docs/``: write-if-changed, delete stale.

The generated files are listed in ``docs/.generated.json`` (MkDocs ignores
dot-files). Only files in that list are ever rewritten or deleted, so a
hand-written page is never touched; a generated page that would overwrite
a hand-written one is refused before anything is written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

MANIFEST = ".generated.json"


class WriteConflict(Exception):
    """A generated page would overwrite a hand-written file."""


def read_manifest(docs: Path) -> set[str]:
    """The paths, relative to ``docs``, that the last generation wrote
    there (none when it has not run)."""
    manifest = docs / MANIFEST
    if not manifest.exists():
        return set()
    return set(json.loads(manifest.read_text(encoding="utf-8")))


def _write_if_changed(path: Path, text: str | bytes) -> bool:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    # Atomic on POSIX: readers never see half a page. And never in place:
    # make build stages docs/ as links to the live files (site_build).
    os.replace(temporary, path)
    return True


def write_pages(docs: Path, pages: Mapping[str, str | bytes]) -> tuple[int, int]:
    """Write ``pages`` (text as UTF-8, images as they are) under ``docs``;
    return (files written, files deleted)."""
    previous = read_manifest(docs)
    conflicts = [p for p in pages if p not in previous and (docs / p).exists()]
    if conflicts:
        raise WriteConflict(
            f"{docs / conflicts[0]}: would overwrite a hand-written file; rename it or "
            "change the part's slug in the metadata file"
        )
    written = sum(_write_if_changed(docs / path, text) for path, text in sorted(pages.items()))
    deleted = 0
    for stale in sorted(previous - set(pages)):
        target = docs / stale
        if target.exists():
            target.unlink()
            deleted += 1
        # Remove directories the stale page leaves empty.
        parent = target.parent
        while parent != docs and parent.exists() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    _write_if_changed(docs / MANIFEST, json.dumps(sorted(pages), indent=1) + "\n")
    return written, deleted


def write_file(path: Path, text: str) -> bool:
    return _write_if_changed(path, text)
