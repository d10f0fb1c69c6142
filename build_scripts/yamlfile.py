"""Load a YAML file of editors' data, keeping where each key and item stood.

Mappings and sequences come back as ``dict`` and ``list`` subclasses
(:class:`PlacedMap`, :class:`PlacedList`) that remember the line and column
of every key, value and item; :func:`key_at`, :func:`value_at` and
:func:`item_at` turn those into :class:`~.diagnostics.Location` s so that an
error points at the offending line, not at the mapping that holds it.
Syntax errors become diagnostics with the parser's own line and column.

The files are read as YAML 1.2: ``yes``/``no``/``on``/``off`` are text, not
booleans, and a key given twice is an error (PyYAML silently kept the last).

Two parsers, one meaning. ruamel.yaml's round-trip loader is the reference
(YAML 1.2, its error messages are the ones editors see), but in pure Python
it took a tenth of a second for the five files of a build. So a file is
first read from libyaml's events (PyYAML's C parser), which carry the same
positions; that fast reader handles the plain data editors write —
mappings, sequences, text, whole numbers written without a sign or leading zero,
``true``/``false``, ``null`` and dates — and hands anything else to ruamel,
whose answer is then the answer: any syntax error (for ruamel's message and
position), a duplicate key, an empty value, anchors, aliases, tags,
document markers and directives, tabs, and
every scalar that YAML 1.2 would read as something other than those (a
float, ``0x1F``, ``1_000``, ``<<``). ``tests/test_yamlfile.py`` checks the
two agree, value and position, on every YAML file in the repository.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

from .diagnostics import Diagnostic, InputError, Location

Mark = tuple[int, int]
"""A 0-based (line, column), as the parsers count them."""


class PlacedMap(dict[Any, Any]):
    """A mapping that knows where it, each key and each value starts."""

    __slots__ = ("start", "keys_at", "values_at")

    def __init__(self, start: Mark) -> None:
        super().__init__()
        self.start = start
        self.keys_at: dict[Any, Mark] = {}
        self.values_at: dict[Any, Mark] = {}


class PlacedList(list[Any]):
    """A sequence that knows where it and each item starts."""

    __slots__ = ("start", "items_at")

    def __init__(self, start: Mark) -> None:
        super().__init__()
        self.start = start
        self.items_at: list[Mark] = []


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
        return _fast_load(text)
    except _Unsupported:
        return _reference_load(path, text)
    except _NotADate as error:
        line, col = error.mark
        raise InputError([Diagnostic(Location(path, line + 1, col + 1), f"{error.value} is not a date ({error.why})",
                                     "write a real date as YYYY-MM-DD, or put the value in quotes if it is text")]
                         ) from None


# --- The fast reader: libyaml's events ------------------------------------


class _Unsupported(Exception):
    """The fast reader leaves this text to ruamel.yaml."""


class _NotADate(Exception):
    """A plain value written as a date (YYYY-MM-DD) that no calendar has:
    YAML reads it as a date, and there is none to read."""

    def __init__(self, value: str, why: str, mark: Mark) -> None:
        super().__init__(value)
        self.value, self.why, self.mark = value, why, mark


# A plain scalar that may be something other than text: it starts like a
# number or date, or is a merge ("<<") or value ("=") key or an indicator.
_NOT_TEXT = re.compile(
    r"""[-+.0-9].*|<<|=|[!&*]""",
    re.DOTALL,
)
_WHOLE_NUMBER = re.compile(r"[1-9][0-9]*")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NULL = frozenset(("~", "null", "Null", "NULL"))
_BOOLEAN = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _plain(value: str, mark: Mark) -> Any:
    """A plain (unquoted), non-empty scalar as YAML 1.2 reads it (written
    at ``mark``)."""
    if value in _NULL:
        return None
    boolean = _BOOLEAN.get(value)
    if boolean is not None:
        return boolean
    if _NOT_TEXT.fullmatch(value) is None:
        return value
    if _WHOLE_NUMBER.fullmatch(value):
        return int(value)
    date = _DATE.fullmatch(value)
    if date:
        try:
            return datetime.date(*(int(part) for part in date.groups()))
        except ValueError as error:
            raise _NotADate(value, str(error), mark) from None
    # Text that starts with a digit, sign or dot ("1. Commission",
    # "2010/18") is text unless one of YAML 1.2's number patterns takes it;
    # a float, a signed int, "0", "012", "0x1F", "1_000" (ruamel's own
    # types) or a time stamp is left to ruamel.
    if _looks_numeric(value):
        raise _Unsupported
    return value


# The patterns of YAML 1.2's numbers and timestamps in ruamel.yaml's resolver
# (ruamel/yaml/resolver.py), in one: a value that matches any is left to ruamel.
_NUMERIC = re.compile(
    r"""[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
     (?:[Tt]|[\ \t]+)[0-9][0-9]?
     :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
     (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?""",
    re.VERBOSE,
)


def _looks_numeric(value: str) -> bool:
    return value in ("<<", "=", "!", "&", "*") or _NUMERIC.fullmatch(value) is not None


# A block scalar whose first line holds only spaces: ruamel rejects it when
# a later line is indented further, libyaml does not.
_BLANK_FIRST_LINE = re.compile(r"[|>][-+0-9]*[ ]*(?:#[^\n]*)?\n[ ]+\n")


def _fast_load(text: str) -> Any:
    # Left to ruamel: tabs (the parsers differ on where they may stand), a
    # byte order mark, and the rarer line breaks (NEL, LS, PS).
    if any(c in text for c in "\t\ufeff\x85\u2028\u2029") or _BLANK_FIRST_LINE.search(text):
        raise _Unsupported
    loader = yaml.CSafeLoader(text)
    try:
        events = iter(_events(loader))
        next(events)  # stream start
        event = next(events)
        if isinstance(event, yaml.StreamEndEvent):
            return None
        # A %YAML or %TAG directive, or "---": ruamel reads them its own way.
        if event.explicit or event.version is not None or event.tags:
            raise _Unsupported
        data = _node(events, next(events))
        if next(events).explicit:  # "..."
            raise _Unsupported
        if not isinstance(next(events), yaml.StreamEndEvent):
            raise _Unsupported  # a second document: ruamel's error
        return data
    except _NotADate:
        raise
    except Exception:  # whatever libyaml cannot read, ruamel reads or reports
        raise _Unsupported from None
    finally:
        loader.dispose()


def _events(loader: Any) -> Any:
    while True:
        event = loader.get_event()
        yield event
        if isinstance(event, yaml.StreamEndEvent):
            return


def _start(event: Any) -> Mark:
    return (event.start_mark.line, event.start_mark.column)


def _node(events: Any, event: Any) -> Any:
    if event.anchor is not None or getattr(event, "tag", None) is not None:
        raise _Unsupported
    if isinstance(event, yaml.ScalarEvent):
        if event.style != "":
            return event.value
        if event.value == "":
            # An empty value: ruamel places it by the comments and tokens
            # around it, libyaml just after the ":" or "-".
            raise _Unsupported
        return _plain(event.value, _start(event))
    if isinstance(event, yaml.MappingStartEvent):
        mapping = PlacedMap(_start(event))
        while True:
            key_event = next(events)
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            if not isinstance(key_event, yaml.ScalarEvent):
                raise _Unsupported  # a mapping or sequence as a key
            key = _node(events, key_event)
            if key in mapping:
                raise _Unsupported  # ruamel reports the duplicate
            value_event = next(events)
            mapping[key] = _node(events, value_event)
            mapping.keys_at[key] = _start(key_event)
            mapping.values_at[key] = _start(value_event)
    if isinstance(event, yaml.SequenceStartEvent):
        sequence = PlacedList(_start(event))
        while True:
            item_event = next(events)
            if isinstance(item_event, yaml.SequenceEndEvent):
                return sequence
            sequence.append(_node(events, item_event))
            sequence.items_at.append(_start(item_event))
    raise _Unsupported  # an alias


# --- The reference reader: ruamel.yaml ------------------------------------


def _reference_load(path: str, text: str) -> Any:
    # Imported only when needed: it takes longer than the fast read.
    from ruamel.yaml import YAML  # noqa: PLC0415
    from ruamel.yaml.error import MarkedYAMLError, YAMLError  # noqa: PLC0415

    try:
        data = YAML(typ="rt", pure=True).load(text)
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
    except ValueError as error:
        # A time stamp no calendar has ("2010-02-30 10:00"): ruamel says
        # which rule it broke, not where.
        raise _malformed(path, 1, 1, f"a value written as a date or time is not one ({error}); "
                                     "put it in quotes if it is text") from None
    return _placed(data)


def _placed(data: Any) -> Any:
    """ruamel's mappings and sequences as :class:`PlacedMap` and
    :class:`PlacedList`, with the positions it recorded (``.lc``);
    scalars as ruamel made them."""
    lc = getattr(data, "lc", None)
    if isinstance(data, dict):
        mapping = PlacedMap(_lc_start(lc))
        for key, value in data.items():
            mapping[key] = _placed(value)
            position = lc.data.get(key) if lc is not None else None
            if position is not None:
                mapping.keys_at[key] = (position[0], position[1])
                mapping.values_at[key] = (position[2], position[3])
        return mapping
    if isinstance(data, list):
        sequence = PlacedList(_lc_start(lc))
        for index, item in enumerate(data):
            sequence.append(_placed(item))
            position = lc.data.get(index) if lc is not None else None
            sequence.items_at.append((position[0], position[1]) if position is not None else sequence.start)
        return sequence
    return data


def _lc_start(lc: Any) -> Mark:
    if lc is None or lc.line is None:
        return (0, 0)
    return (lc.line, lc.col)


# --- Positions ------------------------------------------------------------


def node_at(path: str, node: Any) -> Location:
    """Where a mapping or sequence starts (the file's start for anything else)."""
    if isinstance(node, (PlacedMap, PlacedList)):
        return Location(path, node.start[0] + 1, node.start[1] + 1)
    return Location(path, 1, 1)


def _mark(marks: dict[Any, Mark], key: Any) -> Mark | None:
    try:
        return marks.get(key)
    except TypeError:  # an unhashable key is in no mapping
        return None


def key_at(path: str, mapping: Any, key: Any) -> Location:
    """Where ``key`` is written in ``mapping``."""
    found = _mark(mapping.keys_at, key) if isinstance(mapping, PlacedMap) else None
    return Location(path, found[0] + 1, found[1] + 1) if found else node_at(path, mapping)


def value_at(path: str, mapping: Any, key: Any) -> Location:
    """Where the value of ``key`` starts (for a block scalar, its indicator)."""
    found = _mark(mapping.values_at, key) if isinstance(mapping, PlacedMap) else None
    return Location(path, found[0] + 1, found[1] + 1) if found else key_at(path, mapping, key)


def item_at(path: str, sequence: Any, index: int) -> Location:
    """Where item ``index`` of ``sequence`` starts."""
    if isinstance(sequence, PlacedList) and isinstance(index, int) and 0 <= index < len(sequence.items_at):
        line, col = sequence.items_at[index]
        return Location(path, line + 1, col + 1)
    return node_at(path, sequence)
