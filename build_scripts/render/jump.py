"""What the jump box needs: the map from a typed reference ("42", "op 9",
"pp 3", "decl 42", "res pp 3", "fn 6") to a page, and the examples its
placeholder and hint show.

The box is ``docs/assets/jump.js``; it reads the map from
``assets/jump-data.js``, a script that sets ``window.sdJumpData`` (a
script, not a JSON file, so that it loads from ``file://`` too, where
browsers refuse to fetch files). Pages are docs paths without ``.md``
("declaration/42"); the script makes them URLs for the build it runs in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..model import BlockKind
from ..units import Unit
from .common import FOOTNOTES_PAGE, SiteIndex, reading_view_path

JUMP_DATA = "assets/jump-data.js"
"""Where the map is written, under ``docs/``."""

# Words of a part's name that name nothing on their own.
_FUNCTION_WORDS = {"a", "an", "and", "for", "in", "of", "on", "the", "to", "with"}


@dataclass(frozen=True)
class JumpExamples:
    """References that work on this site, for the box's placeholder and hint."""

    placeholder: str
    """"42, op 9, pp 3"."""
    hint: str
    """One sentence on what can be typed, with this site's examples."""


def _page(path: str) -> str:
    return path.removesuffix(".md")


def _part_words(ix: SiteIndex, part_key: str) -> list[str]:
    """The words that name a part: its slug and the words of its name, in
    lower case ("declaration", "salvador", "2010/18"). The box also takes
    their first three letters or more."""
    meta = ix.site.metadata.part(part_key)
    words = [meta.slug.lower()] + re.findall(r"[\w/.-]+", meta.name.lower())
    if part_key != "main":
        words.append("annex")
    return list(dict.fromkeys(w for w in words if w not in _FUNCTION_WORDS))


def _unit(ix: SiteIndex, unit: Unit) -> dict[str, Any]:
    named = ix.named[unit.eid]
    kind = "preamble" if unit.block.kind is BlockKind.PREAMBLE else "paragraph"
    entry: dict[str, Any] = {"part": unit.part.key, "kind": kind, "num": unit.num}
    if unit.letter:
        entry["letter"] = unit.letter
    if not unit.block.printed_number:
        entry["unnumbered"] = True  # "42" never finds it; its page is in the contents
    entry.update({"page": _page(unit.page), "title": named.title})
    return entry


def jump_data(ix: SiteIndex) -> str:
    """``assets/jump-data.js``: the parts (their words and full text), every
    paragraph and point, and the footnotes' page and numbers."""
    data = {
        "parts": [
            {
                "key": part.key,
                "name": ix.site.metadata.part(part.key).name,
                "words": _part_words(ix, part.key),
                "view": _page(reading_view_path(ix.site.metadata.part(part.key))),
            }
            for part in ix.site.document.parts
        ],
        "units": [_unit(ix, u) for u in ix.units],
        "footnotes": {"page": _page(FOOTNOTES_PAGE), "numbers": [f.number for f in ix.site.footnotes]},
    }
    # JSON is a JavaScript expression; "<" escaped so that the file could
    # also be inlined in a script element.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.sdJumpData = {payload};\n"


def jump_examples(ix: SiteIndex) -> JumpExamples:
    """Examples taken from this site's own paragraphs, so that each one
    goes somewhere: "42, op 9, pp 3" and a sentence that names them."""
    meta = ix.site.metadata
    parts = [p.key for p in ix.site.document.parts]
    main, last = meta.part(parts[0]), meta.part(parts[-1])
    numbered = [u for u in ix.units_of(last.key) if u.kind == "paragraph" and u.block.printed_number]
    operative = [u for u in ix.units_of(main.key) if u.kind == "paragraph" and u.block.printed_number]
    preambular = [u for u in ix.units_of(main.key) if u.kind == "preamble"]
    shown: list[str] = []
    said: list[str] = []
    if numbered:
        number = numbered[len(numbered) * 3 // 4].num
        shown.append(number)
        said.append(f"a number ({number})")
    if operative and len(parts) > 1:
        op = f"op {operative[len(operative) // 2].num}"
        shown.append(op)
        said.append(f"{op} for an operative paragraph of the {main.slug}")
    if preambular:
        pp = f"pp {preambular[min(2, len(preambular) - 1)].num}"
        shown.append(pp)
        said.append(f"{pp} for a preambular paragraph")
    hint = "Type " + ", ".join(said) + "." if said else "Type a paragraph’s number."
    if len(parts) > 1 and numbered and preambular:
        hint += (f" Put the text’s name, or its first letters, in front: {last.slug} {shown[0]},"
                 f" {main.slug[:3]} {shown[-1]}.")
    if ix.site.footnotes:
        hint += f" fn {ix.site.footnotes[0].number} opens a footnote."
    return JumpExamples(", ".join(shown) or "1", hint)
