"""The addressable units of a site — paragraphs and points — in document
order, each with its eId, label and URLs. This is the id registry that
``ids.json`` publishes and that tests compare with a committed copy."""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

from . import ids
from .inline import plain_text
from .model import Block, BlockKind, Part, PartMeta, Point, Site


@dataclass(frozen=True)
class Unit:
    """One paragraph or lettered point, with where it lives."""

    eid: str
    kind: str
    """``preamble``, ``paragraph`` or ``point``."""
    label: str
    """"Salvador Declaration, paragraph 42"."""
    num: str
    """Printed number (counted for preambular paragraphs)."""
    letter: str | None
    part: PartMeta
    page: str
    """Markdown path under ``docs/``: ``declaration/42.md``."""
    view: str
    """The reading view's Markdown path: ``declaration/index.md``."""
    block: Block
    point: Point | None
    section: str | None = None
    """The section heading the paragraph stands under, when its part has
    section headings."""
    section_anchor: str | None = None
    """That heading's id in the reading view."""

    @property
    def page_url(self) -> str:
        return "/" + ids.page_url(self.page)

    @property
    def anchor_url(self) -> str:
        return "/" + ids.page_url(self.view) + "#" + self.eid

    def public_url(self, site_url: str | None) -> str | None:
        """The canonical address people copy: site_url + the page's path, or
        ``None`` when the site has no public address."""
        return site_url + self.page_url.lstrip("/") if site_url else None

    @property
    def citation_para(self) -> str:
        """"para. 42", "preambular para. 3", "para. 13 (a)"."""
        word = "preambular para." if self.kind == "preamble" else "para."
        suffix = f" ({self.letter})" if self.letter else ""
        if not self.block.printed_number:
            return f"operative {word} (unnumbered){suffix}"
        return f"{word} {self.num}{suffix}"

    def registry_entry(self) -> dict[str, str]:
        return {
            "eId": self.eid,
            "page_url": self.page_url,
            "anchor_url": self.anchor_url,
            "label": self.label,
            "kind": self.kind,
        }


def site_units(site: Site) -> list[Unit]:
    units: list[Unit] = []
    for part in site.document.parts:
        meta = site.metadata.part(part.key)
        view = ids.reading_view_path(meta.slug)
        for block, section, anchor in sectioned_paragraphs(part):
            assert block.eid is not None and block.num is not None
            kind = "preamble" if block.kind is BlockKind.PREAMBLE else "paragraph"
            page = ids.paragraph_path(meta.slug, block.kind, block.num)
            label = ids.paragraph_label(meta.name, part.key, block.kind, block.num, block.printed_number)
            units.append(Unit(block.eid, kind, label, block.num, None, meta, page, view, block, None, section, anchor))
            for point in block.points:
                units.append(
                    Unit(point.eid, "point", ids.point_label(label, point.letter), block.num,
                         point.letter, meta, ids.point_path(page, point.letter), view, block, point, section,
                         anchor)
                )
    return units


def is_section_heading(block: Block, seen_title: bool) -> bool:
    """A bold line after the part's title ("**I. Global context …**") heads a
    section; before the title ("**2010/18**") it is the document's symbol."""
    return block.kind is BlockKind.HEADING and block.level == 3 and seen_title


def section_anchor(part_key: str, number: int) -> str:
    # Akoma Ntoso's generic headed container: att_1__hcontainer_2.
    return f"{ids.part_prefix(part_key)}hcontainer_{number}"


def sectioned_paragraphs(part: Part) -> list[tuple[Block, str | None, str | None]]:
    """Each paragraph with the title and anchor of the section it is in."""
    found: list[tuple[Block, str | None, str | None]] = []
    seen_title = False
    section: str | None = None
    anchor: str | None = None
    count = 0
    for block in part.blocks:
        if is_section_heading(block, seen_title):
            count += 1
            section, anchor = plain_text(block.content).strip(), section_anchor(part.key, count)
        seen_title = seen_title or (block.kind is BlockKind.HEADING and block.level == 2)
        if block.is_paragraph:
            found.append((block, section, anchor))
    return found


def relative_link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link target from one docs page to another (MkDocs rewrites
    ``.md`` targets for directory and file URLs alike)."""
    target = _relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


# A page links to the same few pages from many places (a site renders some
# 1,200 links between 300 pairs of folder and page), and relpath, which
# makes both paths absolute first, is a hundredth of a second of them.
_relpath = functools.lru_cache(maxsize=4096)(posixpath.relpath)


def id_registry(site: Site) -> list[dict[str, str]]:
    """Every id of the site, in document order, as published in ids.json."""
    return [u.registry_entry() for u in site_units(site)]
