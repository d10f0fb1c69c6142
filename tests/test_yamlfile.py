"""The editors' YAML files: every key, value and item knows its own line and
column, so that each mistake is reported where it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from build_scripts.diagnostics import InputError, Location
from build_scripts.notes import build_notes
from build_scripts.yamlfile import (
    PlacedList,
    PlacedMap,
    _fast_load,
    _NotADate,
    _reference_load,
    _Unsupported,
    item_at,
    key_at,
    load_yaml,
    node_at,
    value_at,
)

TEXT = """\
# a comment
first: 1
second:
  nested: [a, b,
    c]
  listed:
    - x
    -   y
folded: >-
  text
"""


def test_keys_values_and_items_have_their_own_positions() -> None:
    data = load_yaml("f.yml", TEXT)
    assert key_at("f.yml", data, "first") == Location("f.yml", 2, 1)
    assert key_at("f.yml", data, "second") == Location("f.yml", 3, 1)
    assert key_at("f.yml", data["second"], "listed") == Location("f.yml", 6, 3)
    assert value_at("f.yml", data, "first") == Location("f.yml", 2, 8)
    assert value_at("f.yml", data, "folded") == Location("f.yml", 9, 9)
    assert item_at("f.yml", data["second"]["nested"], 2) == Location("f.yml", 5, 5)
    assert item_at("f.yml", data["second"]["listed"], 1) == Location("f.yml", 8, 9)
    assert node_at("f.yml", data["second"]) == Location("f.yml", 4, 3)
    # Anything without a position falls back to the start of what holds it.
    assert key_at("f.yml", data, "absent") == Location("f.yml", 2, 1)
    assert node_at("f.yml", "scalar") == Location("f.yml", 1, 1)


def test_plain_values() -> None:
    data = load_yaml("f.yml", "a: yes\nb: 3\nc: true\nd: '2015'\n")
    # YAML 1.2: "yes" is a word; numbers and booleans are Python's own.
    assert data == {"a": "yes", "b": 3, "c": True, "d": "2015"}
    assert isinstance(data, dict) and type(data["b"]) is int


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\nb: 2\na: 3\n", "f.yml:3:1: error: malformed YAML: duplicate key \"a\" (each key may be given once)"),
    ("a:\n  b: 1\n   c: 2\n", "f.yml:3:5: error: malformed YAML: mapping values are not allowed here"),
    ("a: 'open\n", "f.yml:2:1: error: malformed YAML: found unexpected end of stream"),
])
def test_syntax_errors_are_located(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml("f.yml", text)
    assert [d.format().split(" — ")[0] for d in caught.value.diagnostics] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("symbol: 2010-13-45\n", "f.yml:1:9: error: 2010-13-45 is not a date (month must be in 1..12)"),
    ("a:\n  - 2010-02-30\n", "f.yml:2:5: error: 2010-02-30 is not a date (day is out of range for month)"),
    # A time stamp is read by ruamel, which does not say where.
    ("a: 2010-02-30T10:00:00\n", "f.yml:1:1: error: malformed YAML: a value written as a date or time is not one "
                                 "(day is out of range for month); put it in quotes if it is text"),
])
def test_a_date_no_calendar_has_is_an_error_not_a_crash(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml("f.yml", text)
    assert [d.format().split(" — ")[0] for d in caught.value.diagnostics] == [expected]


def test_a_notes_mistake_is_reported_at_its_key() -> None:
    text = ("notes:\n  - paragraph: para_1\n    text: Fine.\n"
            "  - footnote: 7\n    ibid_of: 5\n    txet: Misspelt.\n    acknowledges: nothing-known\n")
    with pytest.raises(InputError) as caught:
        build_notes("n.yml", load_yaml("n.yml", text))
    assert [d.format().split(" — ")[0] for d in caught.value.diagnostics] == [
        "n.yml:4:5: error: a note needs a non-empty 'text'",
        "n.yml:6:5: error: unknown key 'txet' in a note",
        "n.yml:7:19: error: unknown anomaly kind 'nothing-known'",
    ]


# The fast reader (libyaml's events) and the reference (ruamel.yaml) must
# give the same values at the same positions; whatever the fast reader does
# not handle goes to the reference, whose answer is then the answer.

REPOSITORY = Path(__file__).parent.parent
EDITORS_FILES = sorted((REPOSITORY / "source").glob("*.yml")) + sorted((REPOSITORY / "tests").rglob("*.yml"))

TRICKY = [
    "", "# only a comment\n", "a: 1\nb: 2\n", "a: yes\nb: no\nc: on\nd: off\ne: y\nf: True\ng: FALSE\n",
    "a: 7\nb: 2010-07-22\nc: 2010/18\nd: 1. text\ne: 12 km\nf: '12'\ng: \"12\"\nh: ~\ni: null\n",
    "a: |\n  one\n  two\nb: >\n  folded\n  text\n\n  para\nc: |-\n  x\nd: >+\n  keep\n\ne: |2\n    indented\n",
    "a: >\n  one\n    more indented\n  back\n\n\n  after blank\n",
    "a: plain\n  continued\nb: 'single\n  quoted'\nc: \"double\\tescape\\u00e9\\\n  joined\"\n",
    "list:\n- a\n- - nested\n  - n2\n- k: v\n  k2: v2\nx:\n  - {y: 1, z: [1, 2]}\n  - [a, {b: c}]\n",
    "a: # c\n  b: 1\nc:\n  # c\n  - x\nd: 'x'   # c\n", "a: \"é — ’ 中文\"\nb: 😀\n", "[a, b]\n", "scalar\n",
    # Left to the reference: numbers other than whole ones, empty values,
    # anchors, tags, document markers, tabs, duplicate keys, syntax errors.
    "a: 0\nb: -1\nc: 012\nd: 0o12\ne: 0x1F\nf: 1_000\ng: 1.5\nh: 1e3\ni: .inf\nj: <<\nk: =\n",
    "a:\nb: 1\n", "- \n- x\n", "base: &b {x: 1}\nother: *b\n", "a: !!str 1\n", "---\na: 1\n...\n",
    "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: yes\n", "a:\tb\n", "a: 2010-13-45\n", "true: t\n1: one\n",
    "a: 1\nb: 2\na: 3\n", "a:\n  b: 1\n   c: 2\n",
    "a: 2010-02-28T10:00:00\n", "a: 2010-2-8 10:00:00Z\n", "a: 2010-02-30T10:00:00\n",
    "a: 'open\n", "a: >\n  \n    x\n", "a: 1\n...\n...\n",
]


def _same(fast: Any, reference: Any) -> None:
    """Equal values of the same types (ruamel's block scalars are str
    subclasses), mappings and sequences at the same positions."""
    if isinstance(reference, PlacedMap):
        assert type(fast) is PlacedMap and list(fast) == list(reference)
        assert (fast.start, fast.keys_at, fast.values_at) == (reference.start, reference.keys_at, reference.values_at)
        for key in reference:
            _same(fast[key], reference[key])
    elif isinstance(reference, PlacedList):
        assert type(fast) is PlacedList and len(fast) == len(reference)
        assert (fast.start, fast.items_at) == (reference.start, reference.items_at)
        for item, expected in zip(fast, reference, strict=True):
            _same(item, expected)
    else:
        assert fast == reference
        assert type(fast) is (str if isinstance(reference, str) else type(reference))


@pytest.mark.parametrize("text", [path.read_text(encoding="utf-8") for path in EDITORS_FILES] + TRICKY)
def test_the_fast_reader_agrees_with_ruamel(text: str) -> None:
    try:
        reference: Any = _reference_load("f.yml", text)
    except InputError as error:  # an invalid date or time
        reference = error
    try:
        fast = _fast_load(text)
    except _Unsupported:
        return  # load_yaml answers with the reference
    except _NotADate:
        assert isinstance(reference, InputError), "the fast reader rejected a date that ruamel accepts"
        return
    assert not isinstance(reference, Exception), "the fast reader accepted what ruamel rejects"
    _same(fast, reference)


def test_the_editors_files_take_the_fast_reader() -> None:
    # A construct the fast reader leaves to ruamel would slow every build.
    for path in sorted((REPOSITORY / "source").glob("*.yml")):
        _fast_load(path.read_text(encoding="utf-8"))


def test_what_the_reference_reads_keeps_its_positions() -> None:
    data = load_yaml("f.yml", "a:\n  - x\n  -\nb: &anchor 3\nc: 1.5\n")
    assert value_at("f.yml", data, "b") == Location("f.yml", 4, 4)
    assert item_at("f.yml", data["a"], 1) == Location("f.yml", 3, 4)
    assert node_at("f.yml", data["a"]) == Location("f.yml", 2, 3)
    assert data == {"a": ["x", None], "b": 3, "c": 1.5}
