"""Document metadata: what is particular to one document.

Read from ``<source stem>.yml`` beside the source text when it exists; every
field has a default derived from the text itself, so a document with no
metadata file still builds.
"""

from __future__ import annotations

import re
from typing import Any

from . import address, cite
from .address import AddressSetting
from .authority import build_edition, build_official
from .diagnostics import Diagnostic, InputError, Location
from .frbr import printed_date
from .inline import plain_text
from .model import BlockKind, Document, Emphasis, Inline, LineBreak, Metadata, PartMeta
from .yamlfile import key_at, node_at, value_at

_TOP_KEYS = {"symbol", "body", "title", "site_name", "site_url", "description", "adoption", "parts", "citation",
             "official", "edition", "symbols"}
_PART_KEYS = {"slug", "name", "title"}
# Slugs and the site's address become paths and links in every page: they
# are checked here, so that no character of them needs escaping anywhere.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _first_heading(document: Document, part_key: str, level: int) -> str | None:
    for block in document.part(part_key).blocks:
        if block.kind is BlockKind.HEADING and block.level == level:
            return plain_text(block.content).strip()
    return None


def _plain_title_line(document: Document) -> str | None:
    """A resolution with no "###" title prints it as a plain line after its
    symbol ("**80/9**" / "2025 Political Declaration on …")."""
    for block in document.part("main").blocks:
        if block.is_paragraph:
            return None
        if block.kind is BlockKind.FRAMING and not any(isinstance(n, Emphasis) for n in block.content):
            return plain_text(block.content).strip()
    return None


def _body(document: Document) -> str | None:
    """The adopting body, from the framing line "*The General Assembly*,"."""
    for block in document.part("main").blocks:
        if block.kind is BlockKind.FRAMING and block.content and isinstance(block.content[0], Emphasis):
            words = plain_text(block.content).strip(" ,“”\"").removeprefix("The ").strip(" ,")
            if words and words[0].isupper() and len(words.split()) <= 6:
                return words
    return None


MAX_NAME = 40
"""An annex title at most this long serves as the annex's name in labels."""


def _adoption_line(document: Document) -> str:
    # The adoption line ("45th plenary meeting / 22 July 2010") is the last
    # framing block that mentions a plenary meeting.
    for part in reversed(document.parts):
        for block in reversed(part.blocks):
            if block.kind is BlockKind.FRAMING and "plenary meeting" in plain_text(block.content):
                content = block.content
                if len(content) == 1 and isinstance(content[0], Emphasis):
                    content = content[0].children
                # Printed on two lines: "45th plenary meeting" / "22 July 2010".
                return ", ".join(" ".join(line.split()) for line in _split_lines(content) if line.strip())
    return ""


def _split_lines(content: tuple) -> list[str]:
    lines: list[str] = []
    current: list[Inline] = []
    for node in content:
        if isinstance(node, LineBreak):
            lines.append(plain_text(tuple(current)))
            current = []
        else:
            current.append(node)
    lines.append(plain_text(tuple(current)))
    return lines


def _site_url(path: str, data: dict, override: str | None) -> tuple[str | None, list[Diagnostic]]:
    """The public address: ``SITE_URL`` (``override``) over ``site_url``; no
    address is invented (see :mod:`build_scripts.address`)."""
    if override:
        return address.check(AddressSetting(override, Location(address.ENVIRONMENT, 1, 1), address.ENVIRONMENT))
    if data.get("site_url") is None:
        return None, []
    return address.check(AddressSetting(str(data["site_url"]), value_at(path, data, "site_url"), "site_url"))


def build_metadata(document: Document, path: str, data: Any, site_url_override: str | None = None) -> Metadata:
    """Merge the metadata file's ``data`` (``None`` when there is no file)
    over the defaults derived from ``document``; ``site_url_override`` is
    the ``SITE_URL`` environment variable's address, when one is given."""
    diagnostics: list[Diagnostic] = []
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(
            [Diagnostic(node_at(path, data), "the metadata file must be a mapping of keys to values",
                        "start the file with 'symbol: \"…\"' and similar 'key: value' lines")]
        )
    for key in data:
        if key not in _TOP_KEYS:
            diagnostics.append(
                Diagnostic(key_at(path, data, key), f"unknown metadata key '{key}'",
                           f"use one of: {', '.join(sorted(_TOP_KEYS))}")
            )

    has_main = any(p.key == "main" for p in document.parts)
    symbol = str(data.get("symbol") or (has_main and _first_heading(document, "main", 3)) or "")
    title = str(
        data.get("title")
        or (has_main and (_first_heading(document, "main", 2) or _plain_title_line(document)))
        or f"Resolution {symbol}"
    )
    body = str(data.get("body") or (has_main and _body(document)) or "")
    parts_data = data.get("parts") or {}
    if not isinstance(parts_data, dict):
        diagnostics.append(Diagnostic(value_at(path, data, "parts"), "'parts' must map part keys to settings",
                                      "write 'parts:' then 'main:' and 'att_1:' with 'slug', 'name' or 'title'"))
        parts_data = {}
    parts: list[PartMeta] = []
    for part in document.parts:
        given = parts_data.get(part.key) or {}
        if not isinstance(given, dict):
            diagnostics.append(Diagnostic(value_at(path, parts_data, part.key),
                                          f"part '{part.key}' must have 'slug', 'name' or 'title' settings",
                                          "indent 'slug: …', 'name: …' or 'title: …' under the part's key"))
            given = {}
        for key in given:
            if key not in _PART_KEYS:
                diagnostics.append(
                    Diagnostic(key_at(path, given, key),
                               f"unknown key '{key}' for part '{part.key}'",
                               f"use one of: {', '.join(sorted(_PART_KEYS))}")
                )
        if part.key == "main":
            default_slug, default_name = "resolution", f"Resolution {symbol}"
            default_title = f"{body} resolution {symbol}" if body else f"Resolution {symbol}"
        else:
            number = part.key.removeprefix("att_")
            annex_title = _first_heading(document, part.key, 2) or f"Annex {number}"
            default_slug = "annex" if number == "1" else f"annex-{number}"
            default_name = "Annex" if number == "1" else f"Annex {number}"
            if len(annex_title) <= MAX_NAME:
                default_name = annex_title  # "Awaza Political Declaration"
            default_title = annex_title
        parts.append(
            PartMeta(
                key=part.key,
                slug=str(given.get("slug") or default_slug),
                name=str(given.get("name") or default_name),
                title=str(given.get("title") or default_title),
                eid_prefix="" if part.key == "main" else f"{part.key}__",
            )
        )
    for key in parts_data if document.parts else ():  # an empty source is reported already
        if key not in {p.key for p in document.parts}:
            diagnostics.append(
                Diagnostic(key_at(path, parts_data, key),
                           f"metadata names part '{key}', which the source does not have",
                           "use 'main' for the resolution and 'att_1', 'att_2' … for its annexes")
            )
    for meta in parts:
        if not _SLUG.fullmatch(meta.slug):
            given = parts_data.get(meta.key) if isinstance(parts_data, dict) else None
            where = value_at(path, given, "slug") if isinstance(given, dict) else Location(path, 1, 1)
            diagnostics.append(
                Diagnostic(where,
                           f"slug '{meta.slug}' of part '{meta.key}' is not lower-case letters, digits and hyphens",
                           "use a slug like 'resolution' or 'declaration': it is the part's URL folder")
            )
    slugs = [p.slug for p in parts]
    if len(set(slugs)) != len(slugs):
        diagnostics.append(
            Diagnostic(key_at(path, data, "parts") if "parts" in data else Location(path, 1, 1),
                       f"two parts share a URL slug: {slugs}",
                       "give each part its own 'slug'")
        )
    body_prefix = f"{body} resolution" if body else "Resolution"
    adoption = str(data.get("adoption") or _adoption_line(document))
    # The date as the source prints it; the editors' adoption line only
    # when the source has none.
    adoption_date = printed_date(_adoption_line(document)) or printed_date(adoption)
    official, problems = build_official(path, data.get("official"))
    diagnostics.extend(problems)
    edition, problems = build_edition(path, data.get("edition"))
    diagnostics.extend(problems)
    known = cite.values(body, symbol, official.document.symbol if official else None, adoption_date)
    citation, problems = cite.build_templates(path, data.get("citation"), known)
    diagnostics.extend(problems)
    site_url, problems = _site_url(path, data, site_url_override)
    diagnostics.extend(problems)
    symbols = data.get("symbols") or []
    if not isinstance(symbols, list) or not all(isinstance(s, str) and s.strip() for s in symbols):
        diagnostics.append(
            Diagnostic(value_at(path, data, "symbols"), "'symbols' must be a list of document symbols",
                       "write e.g. 'symbols: [E/RES/2010/18, A/RES/65/230]'")
        )
        symbols = []
    if diagnostics:
        raise InputError(diagnostics)
    return Metadata(
        symbol=symbol,
        body=body,
        title=title,
        site_name=str(data.get("site_name") or f"{body_prefix} {symbol}".strip()),
        site_url=site_url,
        description=str(data.get("description") or title),
        adoption=adoption,
        parts=tuple(parts),
        citation=citation,
        adoption_date=adoption_date,
        official=official,
        edition=edition,
        symbols=tuple(s.strip() for s in symbols),
    )
