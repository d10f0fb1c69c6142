"""Load a YAML file of editors' data, keeping where each key and item stood.

ruamel.yaml's round-trip loader returns mappings and sequences that are
``dict`` and ``list`` subclasses and remember the line and column of every
key, value and item (``.lc``); :func:`key_at`, :func:`value_at` and
:func:`item_at` turn those into :class:`~.diagnostics.Location` s so that an
error points at the offending line, not at the mapping that holds it.
Syntax errors become diagnostics with the parser's own line and column.

The files are read as YAML 1.2: ``yes``/``no``/``on``/``off`` are text, not
booleans, and a key given twice is an error (PyYAML silently kept the last).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .diagnostics import Diagnostic, InputError, Location


def _malformed(path: str, line: int, col: int, problem: str) -> InputError:
    return InputError(
        [
            Diagnostic(
                Location(path, line, col),
                f"malformed YAML: {problem}",
                "check the quoting and indentation here and on the lines above "
                "(an unclosed quote is noticed further down; a value with ': ' or ' #' needs quotes)",
            )
        ]
    )


def load_yaml(path: str, text: str) -> Any:
    """Parse ``text``; mappings and sequences carry their positions."""
    try:
        return YAML(typ="rt", pure=True).load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "the YAML is malformed"
        # ruamel words a duplicate key with its values; the name is enough.
        if problem.startswith("found duplicate key"):
            problem = problem.split(" with value ")[0].removeprefix("found ") + " (each key may be given once)"
        raise _malformed(path, line, col, problem) from None
    except YAMLError as error:
        raise _malformed(path, 1, 1, str(error)) from None


def _position(lc: Any, method: str, key: Any) -> tuple[int, int] | None:
    try:
        line, col = getattr(lc, method)(key)
    except (AttributeError, KeyError, IndexError, TypeError):
        return None
    return line + 1, col + 1


def node_at(path: str, node: Any) -> Location:
    """Where a mapping or sequence starts (the file's start for anything else)."""
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return Location(path, 1, 1)
    return Location(path, lc.line + 1, lc.col + 1)


def key_at(path: str, mapping: Any, key: Any) -> Location:
    """Where ``key`` is written in ``mapping``."""
    found = _position(getattr(mapping, "lc", None), "key", key)
    return Location(path, *found) if found else node_at(path, mapping)


def value_at(path: str, mapping: Any, key: Any) -> Location:
    """Where the value of ``key`` starts (for a block scalar, its indicator)."""
    found = _position(getattr(mapping, "lc", None), "value", key)
    return Location(path, *found) if found else key_at(path, mapping, key)


def item_at(path: str, sequence: Any, index: int) -> Location:
    """Where item ``index`` of ``sequence`` starts."""
    found = _position(getattr(sequence, "lc", None), "item", index)
    return Location(path, *found) if found else node_at(path, sequence)

