"""Citations of this text, UN style: wording from the settings, numbers here.

The settings' ``citation`` section holds the wording, one template for a
full and one for a short citation of a resolution paragraph (``main``) and
of an annex paragraph (``annex``)::

    citation:
      full:
        main: "{body} resolution {symbol} of {date} ({document}), {locator}"
        annex: "{title}, {locator}, annexed to {body} resolution {symbol} of {date} ({document})"
      short:
        main: "{body} resolution {symbol}, {locator}"
        annex: "{name}, {locator}"

The code computes the locator, as UN documents write it:

==========================================  ================================
unit                                         locator
==========================================  ================================
paragraph 42                                 ``para. 42``
preambular paragraph 3                       ``third preambular paragraph``
point (a) of paragraph 13                    ``para. 13 (a)``
an operative paragraph printed unnumbered    ``unnumbered operative paragraph``
==========================================  ================================

A document without the section gets the same wording with only what is
known: no "of {date}" without an adoption date, no "({document})" without
an official symbol.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from typing import Any

from .diagnostics import Diagnostic
from .ids import paragraph_word
from .model import BlockKind, CitationTemplates, Metadata, PartMeta
from .units import Unit
from .yamlfile import key_at, node_at, value_at

PLACEHOLDERS = ("locator", "name", "title", "body", "symbol", "document", "date")
_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
         "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
         "eighteenth", "nineteenth"]
_CARDINAL_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TENTHS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
           "ninetieth"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def ordinal_word(n: int) -> str:
    """1 → "first", 21 → "twenty-first", 40 → "fortieth"; from 100 on,
    figures ("101st"), which UN texts use there too."""
    if 0 < n < 20:
        return _ONES[n]
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        return _TENTHS[tens] if ones == 0 else f"{_TENS[tens]}-{_ONES[ones]}"
    suffix = "th" if 10 <= n % 100 < 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def printed_date(day: date) -> str:
    """2010-07-22 → "22 July 2010", as UN documents print dates."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def locator(unit: Unit) -> str:
    block = unit.block
    if block.kind is BlockKind.PREAMBLE:
        base = f"{ordinal_word(int(unit.num))} preambular paragraph"
    elif block.printed_number:
        base = f"para. {unit.num}"
    else:
        base = f"unnumbered {paragraph_word(unit.part.key, block.kind)}"
    return f"{base} ({unit.letter})" if unit.letter else base


def values(body: str, symbol: str, document: str | None, adopted: date | None) -> dict[str, str | None]:
    """What the document-wide placeholders stand for (``None``: unknown)."""
    return {"body": body or None, "symbol": symbol or None, "document": document,
            "date": printed_date(adopted) if adopted else None}


def default_templates(known: dict[str, str | None]) -> CitationTemplates:
    """UN wording with only what is known."""
    resolution = f"{'{body} resolution' if known['body'] else 'Resolution'} {{symbol}}"
    full = resolution + (" of {date}" if known["date"] else "") + (" ({document})" if known["document"] else "")
    return CitationTemplates(
        full_main=f"{full}, {{locator}}",
        full_annex=f"{{title}}, {{locator}}, annexed to {full}",
        short_main=f"{resolution}, {{locator}}",
        short_annex="{name}, {locator}",
    )


def _check(template: str, known: dict[str, str | None]) -> str | None:
    """What is wrong with a template, or ``None``."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template)
                  if name is not None]
    except ValueError as error:
        return f"has a stray brace ({error})"
    for name, spec, conversion in fields:
        if name not in PLACEHOLDERS:
            return f"has an unknown placeholder {{{name}}}"
        if spec or conversion:
            # A plain field is what citation_frame can cut the template at.
            return f"writes {{{name}}} with a conversion or format ('!' or ':'); write {{{name}}}"
        if name in known and known[name] is None:
            return f"uses {{{name}}}, which this document does not give"
    if "locator" not in [name for name, _, _ in fields]:
        return "has no {locator}: the citation would not say which paragraph"
    return None


def build_templates(path: str, data: Any, known: dict[str, str | None]) -> tuple[CitationTemplates, list[Diagnostic]]:
    """The settings' ``citation`` section over the defaults."""
    defaults = default_templates(known)
    if data is None:
        return defaults, []
    hint = ("write 'full:' and 'short:', each with 'main: …' and 'annex: …', using "
            + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS) + "; a literal brace is {{ or }}")
    if not isinstance(data, dict):
        return defaults, [Diagnostic(node_at(path, data), "'citation' must map 'full' and 'short' to templates", hint)]
    diagnostics = []
    chosen = {}
    for length in data:
        if length not in ("full", "short") or not isinstance(data[length], dict):
            diagnostics.append(Diagnostic(key_at(path, data, length),
                                          f"'citation' has '{length}', not a mapping 'full' or 'short'", hint))
            continue
        for part, template in data[length].items():
            if part not in ("main", "annex"):
                diagnostics.append(Diagnostic(key_at(path, data[length], part),
                                              f"unknown citation template '{length}.{part}'", hint))
                continue
            problem = _check(str(template), known)
            if problem:
                diagnostics.append(Diagnostic(value_at(path, data[length], part),
                                              f"citation template '{length}.{part}' {problem}", hint))
            chosen[f"{length}_{part}"] = " ".join(str(template).split())
    return CitationTemplates(**{**defaults.__dict__, **chosen}), diagnostics


@dataclass(frozen=True)
class Citation:
    """How one paragraph or point is cited, and the data reference managers need."""

    key: str
    """A citation key unique in the site, safe as a file name: "E-RES-2010-18_att_1__para_42"."""
    eid: str
    full: str
    short: str
    locator: str
    title: str
    """The cited unit's own title: "Salvador Declaration on …, para. 42"."""
    container: str | None
    """What an annex paragraph is part of: "Economic and Social Council resolution 2010/18"."""
    author: str | None
    """The adopting body."""
    issued: date | None
    document: str | None
    """The official document symbol."""
    url: str | None
    """The public address of the unit's page; ``None`` without one."""


def _fill(template: str, known: dict[str, str | None], part: PartMeta, unit_locator: str) -> str:
    filled = {key: value or "" for key, value in known.items()}
    return template.format(locator=unit_locator, name=part.name, title=part.title, **filled)


def _document_values(meta: Metadata) -> dict[str, str | None]:
    """What the document-wide placeholders stand for in this document."""
    document = meta.official.document.symbol if meta.official else None
    return values(meta.body, meta.symbol, document, meta.adoption_date)


def citation_frame(meta: Metadata, part: PartMeta) -> list[str]:
    """The full citation of any paragraph of ``part`` cut at its locator:
    ``locator.join(frame)`` is the paragraph's ``full`` citation (a template
    may name {locator} more than once). The reading views carry it once,
    and each paragraph's copy button only its locator (issue 19)."""
    known = _document_values(meta)
    template = meta.citation.full_main if part.key == "main" else meta.citation.full_annex
    pieces = [""]
    # _check let through only plain fields ("{title}"), no "{title!r:>9}".
    for literal, name, _, _ in string.Formatter().parse(template):
        # parse() gives literal text with "{{" and "}}" undone: redo them,
        # so that each piece is a template again.
        pieces[-1] += literal.replace("{", "{{").replace("}", "}}")
        if name == "locator":
            pieces.append("")
        elif name is not None:
            pieces[-1] += "{" + name + "}"
    return [_fill(piece, known, part, "") for piece in pieces]


def citation_key(meta: Metadata, eid: str) -> str:
    document = meta.official.document.symbol if meta.official else f"res-{meta.symbol}"
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", document).strip("-") + "_" + eid


def unit_citation(meta: Metadata, unit: Unit) -> Citation:
    known = _document_values(meta)
    document = known["document"]
    where = locator(unit)
    main = unit.part.key == "main"
    templates = meta.citation
    return Citation(
        key=citation_key(meta, unit.eid),
        eid=unit.eid,
        full=_fill(templates.full_main if main else templates.full_annex, known, unit.part, where),
        short=_fill(templates.short_main if main else templates.short_annex, known, unit.part, where),
        locator=where,
        title=f"{unit.part.title}, {where}",
        container=None if main else meta.part("main").title if any(p.key == "main" for p in meta.parts) else None,
        author=meta.body or None,
        issued=meta.adoption_date,
        document=document,
        url=unit.public_url(meta.site_url),
    )
