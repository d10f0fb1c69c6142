"""Bytes the generator makes from known inputs, kept in ``.cache/`` between
runs under the digest of those inputs.

A rebuild after an edit to one paragraph makes most of its output from the
same inputs as the build before; what is costly to make and depends on few
inputs (the share card: a tenth of a second of drawing and PNG encoding)
is made once and read back while its inputs are the same. The caller names
every input in the key — the values, the code that makes the bytes and the
versions of the libraries it calls — so that an entry is only ever read
for the inputs it was made from: the bytes are those of a run with no
cache.

Like the generator's other cache (the compiled templates,
:mod:`.render.common`), the folder is ``.cache/`` beside ``build_scripts/``;
a folder that cannot be written only means making the bytes again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

CACHE = Path(__file__).resolve().parent.parent / ".cache"
KEEP = 4
"""Entries kept in each folder: the most recently used. A few, not one, so
that building two documents (or one with and without ``SITE_URL``) in turn
does not make each one's bytes again."""


def key(*parts: str | bytes) -> str:
    """The digest of ``parts``, each length-prefixed so that no two lists of
    parts run together into the same bytes."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(b"%d:" % len(data) + data)
    return digest.hexdigest()


def remembered(folder: Path, name: str, make: Callable[[], bytes], keep: int = KEEP) -> bytes:
    """The bytes kept as ``folder/name``, or else ``make()``, kept there for
    the next run. ``name`` holds the key of every input of ``make``."""
    entry = folder / name
    try:
        data = entry.read_bytes()
    except OSError:
        pass
    else:
        # Used now: the last entry the pruning below removes.
        with contextlib.suppress(OSError):
            os.utime(entry)
        return data
    data = make()
    # A full disk or a read-only folder: made again next time.
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        # Written whole or not at all: a run that stops half-way, or runs
        # beside another, never leaves a truncated entry to read.
        partial = folder / f"{name}.{os.getpid()}-{threading.get_ident()}.tmp"
        partial.write_bytes(data)
        partial.replace(entry)
        _prune(folder, keep)
    return data


def _prune(folder: Path, keep: int) -> None:
    """Remove all but the ``keep`` most recently used entries: the folder
    does not grow with every edit."""
    entries = []
    for path in folder.iterdir():
        if path.name.endswith(".tmp"):
            continue
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime_ns, path.name, path))
    for *_, path in sorted(entries, reverse=True)[keep:]:
        path.unlink(missing_ok=True)
