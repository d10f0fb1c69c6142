"""The editors' YAML files: every key, value and item knows its own line and
column, so that each mistake is reported where it is."""

from __future__ import annotations

import pytest

from build_scripts.diagnostics import InputError, Location
from build_scripts.notes import build_notes
from build_scripts.yamlfile import item_at, key_at, load_yaml, node_at, value_at

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
