"""Ids and URLs: the public contract of ``DESIGN.md`` §2, in one place.

Rule (Akoma Ntoso naming, as Laws.Africa's bluebell implements it):
``{parent}__{alias}_{num}``, where the resolution has no parent prefix and
annex *k* is the attachment ``att_k``:

=================================  ===============================
unit                                eId
=================================  ===============================
resolution preambular paragraph 3   ``preamble__p_3``
resolution operative paragraph 9    ``para_9``
annex preambular paragraph 2        ``att_1__preamble__p_2``
annex paragraph 42                  ``att_1__para_42``
point (a) of annex paragraph 13     ``att_1__para_13__list_1__point_a``
=================================  ===============================

Page paths are Markdown files under ``docs/``; MkDocs turns
``declaration/42.md`` into ``/declaration/42/`` online and
``declaration/42.html`` in the offline bundle.
"""

from __future__ import annotations

from .model import BlockKind


def part_prefix(part_key: str) -> str:
    """``main`` → ``""``; ``att_1`` → ``att_1__``."""
    return "" if part_key == "main" else f"{part_key}__"


def paragraph_eid(part_key: str, kind: BlockKind, num: str) -> str:
    alias = "preamble__p" if kind is BlockKind.PREAMBLE else "para"
    return f"{part_prefix(part_key)}{alias}_{num}"


def point_eid(paragraph_eid_: str, letter: str) -> str:
    # Lettered subparagraphs form the first (and only) list of their paragraph.
    return f"{paragraph_eid_}__list_1__point_{letter}"


def reading_view_path(slug: str) -> str:
    return f"{slug}/index.md"


def preamble_index_path(slug: str) -> str:
    """The page listing a part's preambular paragraphs: ``declaration/preamble/index.md``."""
    return f"{slug}/preamble/index.md"


def paragraph_path(slug: str, kind: BlockKind, num: str) -> str:
    if kind is BlockKind.PREAMBLE:
        return f"{slug}/preamble/{num}.md"
    return f"{slug}/{num}.md"


def point_path(paragraph_path_: str, letter: str) -> str:
    return f"{paragraph_path_.removesuffix('.md')}/{letter}.md"


def page_url(md_path: str) -> str:
    """The directory URL MkDocs gives a page: ``declaration/42.md`` →
    ``declaration/42/``; ``declaration/index.md`` → ``declaration/``."""
    stem = md_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def paragraph_word(part_key: str, kind: BlockKind) -> str:
    """"preambular paragraph"; "operative paragraph" in the resolution
    itself; plain "paragraph" in an annex, which has no operative part."""
    if kind is BlockKind.PREAMBLE:
        return "preambular paragraph"
    return "operative paragraph" if part_key == "main" else "paragraph"


def paragraph_label(part_name: str, part_key: str, kind: BlockKind, num: str, printed: bool = True) -> str:
    """The label readers see: "Salvador Declaration, paragraph 42". An
    operative paragraph printed without a number is "…, operative paragraph
    (unnumbered)": labels never show a number the document does not print,
    except the counted numbers of preambular paragraphs."""
    if not printed:
        return f"{part_name}, {paragraph_word(part_key, kind)} (unnumbered)"
    return f"{part_name}, {paragraph_word(part_key, kind)} {num}"


def point_label(paragraph_label_: str, letter: str) -> str:
    return f"{paragraph_label_} ({letter})"
