"""Whether the generator would write what is already there.

The generator's output depends only on what it reads: the source and its
companions (``x.md``, ``x.yml``, ``x.notes.yml`` … in the source's
folder), the generator's own code and templates (``build_scripts/``), the
pinned packages (``requirements.txt``) and Python, the public address
(``SITE_URL``), and the date git gives the source (the edition's
"updated" date). make build records, after each generation, the digest of
all of these and of every file the generator wrote (the pages listed in
``docs/.generated.json``, the manifest, ``.generated/``), with what it
printed, in ``.cache/generate/<digest of the inputs>.json``.

When a build finds a record for its inputs and every recorded file is
still there with the same bytes, generating again would change nothing:
the build prints what the generator printed and goes on (a second and a
quarter of the build's time). Anything else — an edit anywhere in the
inputs, a page changed or removed by hand, no record — runs the generator.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import address, memo, sitemap
from .write import MANIFEST, read_manifest

CODE = Path(__file__).resolve().parent
# Where the generator writes beside docs/ (cli.DEFAULT_CONFIG, DEFAULT_IDS).
GENERATED = Path(".generated")


@dataclass(frozen=True)
class Generation:
    """What one generation read and wrote."""

    inputs: str
    """The digest of everything the generator reads."""
    outputs: dict[str, str]
    """Each file it wrote ("docs/…" for a page, else relative to the
    project) → the digest of its bytes."""
    printed: str
    """What it printed (the note on a missing public address)."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def inputs(source: Path, root: Path) -> str:
    requirements = root / "requirements.txt"
    labelled: list[tuple[str, str | bytes]] = [
        ("python", sys.version),
        ("source", str(source)),
        ("site_url", os.environ.get(address.ENVIRONMENT) or ""),
        ("date", sitemap.source_date(source) or ""),
        ("requirements", requirements.read_bytes() if requirements.is_file() else b""),
    ]
    labelled += [(path.relative_to(CODE).as_posix(), path.read_bytes()) for path in _files(CODE)]
    # The source and every companion (x.md, x.yml, x.notes.yml …).
    labelled += [(path.name, path.read_bytes()) for path in sorted(source.parent.glob(source.stem + ".*"))
                 if path.is_file()]
    return memo.key(*(part for pair in labelled for part in pair))


def outputs(docs: Path, root: Path) -> dict[str, str] | None:
    """The digest of each file the last generation wrote into ``docs`` and
    ``.generated/``; ``None`` if one of them is gone."""
    found = {}
    try:
        for rel in sorted(read_manifest(docs) | {MANIFEST}):
            found[f"docs/{rel}"] = _digest((docs / rel).read_bytes())
    except (FileNotFoundError, ValueError):
        return None
    for path in _files(root / GENERATED):
        found[path.relative_to(root).as_posix()] = _digest(path.read_bytes())
    return found


def _record(cache: Path, key: str) -> Path:
    return cache / f"{key}.json"


def unchanged(cache: Path, key: str, docs: Path, root: Path) -> Generation | None:
    """The recorded generation for inputs ``key``, if what it wrote is
    exactly what ``docs`` and ``.generated/`` hold now."""
    try:
        data = json.loads(_record(cache, key).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    recorded = Generation(key, data["outputs"], data["printed"])
    return recorded if outputs(docs, root) == recorded.outputs else None


def record(cache: Path, generation: Generation) -> None:
    """Keep ``generation`` as the only record (the cache holds the last
    build's, not one a build)."""
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob("*.json"):
        old.unlink(missing_ok=True)
    partial = cache / f"{generation.inputs}.{os.getpid()}.tmp"
    partial.write_text(json.dumps({"outputs": generation.outputs, "printed": generation.printed}), encoding="utf-8")
    partial.replace(_record(cache, generation.inputs))
