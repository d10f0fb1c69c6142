"""The generated MkDocs settings as YAML text.

PyYAML's emitter, written in Python, takes a sixtieth of a second over the
navigation of a few hundred entries. libyaml's emitter is faster but does
not write the same bytes (it keeps a mapping key of 127 or 128 characters
on one line where PyYAML's makes it an explicit ``? key``; it writes
U+0085 escaped), so the text is PyYAML's, kept in ``.cache/settings-yaml/``
(see :mod:`.memo`) under the digest of the settings' ``repr``, and read
back while they are the same.

``repr`` says everything the emitter reads only of plain values: the exact
types ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool`` and
``None`` (their ``repr`` is their value and type; a subclass or another
type may print less), with no list or dictionary in two places (PyYAML
writes those once, with an anchor, and ``repr`` does not show it). Other
settings are dumped each time.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from . import memo

CACHE = memo.CACHE / "settings-yaml"
# Each generation writes two: the site's settings and the offline bundle's.
KEEP = 8
HEADER = "# Generated from the source's metadata: do not edit.\n"
_SCALARS = frozenset({str, int, float, bool, type(None)})


def settings_yaml(settings: dict[str, Any], cache: Path = CACHE) -> str:
    """``settings`` as the generated ``mkdocs.yml`` gives them."""
    if not _plain(settings, set()):
        return _dump(settings)
    name = memo.key(Path(__file__).read_bytes(), yaml.__version__, sys.version, repr(settings)) + ".yml"
    return memo.remembered(cache, name, lambda: _dump(settings).encode(), KEEP).decode()


def _dump(settings: dict[str, Any]) -> str:
    return HEADER + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=10_000)


def _plain(value: object, seen: set[int]) -> bool:
    """Whether ``value`` is made of plain values only, each list and
    dictionary in one place (``seen``: those met so far, by identity)."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind not in (dict, list) or id(value) in seen:
        return False
    seen.add(id(value))
    if isinstance(value, dict):
        return all(type(key) in _SCALARS and _plain(item, seen) for key, item in value.items())
    return isinstance(value, list) and all(_plain(item, seen) for item in value)
