"""The document's authority and this edition's terms, from the settings.

``official``: the text's own official document and others that adopted the
same text, each linked through the United Nations' document-symbol
resolver (the one the cited-documents page uses)::

    official:
      symbol: E/RES/2010/18
      related:
        - symbol: A/RES/65/230
          note: The General Assembly … adopted the draft resolution as resolution 65/230 …

``edition``: who publishes this unofficial edition and under what terms
(``publisher``, ``licence``, ``licence_url``, ``licence_covers``,
``text_status``, ``contact``). Nothing has a default: what the settings do
not say is not shown.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from .diagnostics import Diagnostic
from .model import Edition, Official, OfficialDocument
from .yamlfile import item_at, key_at, node_at, value_at

RESOLVER = "https://undocs.org/"
"""The United Nations' document-symbol resolver: RESOLVER + symbol."""
EDITION_KEYS = ("publisher", "licence", "licence_url", "licence_covers", "text_status", "contact")
# "E/RES/2010/18", "A/RES/65/230", "A/CONF.213/18": capitals, then
# "/"-separated parts of letters, digits and dots.
_SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+")


def official_url(symbol: str) -> str:
    return RESOLVER + quote(symbol, safe="/")


def _document(path: str, data: Any, where: Any, diagnostics: list[Diagnostic]) -> OfficialDocument | None:
    if not isinstance(data, dict):
        diagnostics.append(Diagnostic(node_at(path, where), "an official document must have a 'symbol'",
                                      "write 'symbol: E/RES/2010/18' (and an optional 'note: …')"))
        return None
    for key in data:
        if key not in ("symbol", "note", "related"):
            diagnostics.append(Diagnostic(key_at(path, data, key), f"unknown key '{key}' in 'official'",
                                          "use 'symbol', 'note' and, at the top, 'related'"))
    symbol = str(data.get("symbol") or "").strip()
    if not _SYMBOL.fullmatch(symbol):
        location = value_at(path, data, "symbol") if "symbol" in data else node_at(path, data)
        diagnostics.append(Diagnostic(location, f"'{symbol}' is not a United Nations document symbol",
                                      "give the symbol as printed on the document, e.g. 'E/RES/2010/18'"))
        return None
    return OfficialDocument(symbol, official_url(symbol), " ".join(str(data.get("note") or "").split()))


def build_official(path: str, data: Any) -> tuple[Official | None, list[Diagnostic]]:
    """The settings' ``official`` section (``None`` when absent)."""
    if data is None:
        return None, []
    diagnostics: list[Diagnostic] = []
    document = _document(path, data, data, diagnostics)
    related_data = data.get("related") or [] if isinstance(data, dict) else []
    if not isinstance(related_data, list):
        diagnostics.append(Diagnostic(value_at(path, data, "related"), "'related' must be a list",
                                      "write each related document as '- symbol: …' with its 'note: …'"))
        related_data = []
    related = []
    for index, item in enumerate(related_data):
        if not isinstance(item, dict):
            diagnostics.append(Diagnostic(item_at(path, related_data, index), "a related document must have a 'symbol'",
                                          "write '- symbol: A/RES/65/230' with its 'note: …'"))
            continue
        if "related" in item:
            diagnostics.append(Diagnostic(key_at(path, item, "related"), "a related document has no 'related'",
                                          "list every related document directly under 'official'"))
        found = _document(path, item, item, diagnostics)
        if found is not None:
            related.append(found)
    if document is None or diagnostics:
        return None, diagnostics
    return Official(document, tuple(related)), []


def build_edition(path: str, data: Any) -> tuple[Edition, list[Diagnostic]]:
    """The settings' ``edition`` section (every field ``None`` when absent)."""
    if data is None:
        return Edition(), []
    if not isinstance(data, dict):
        return Edition(), [Diagnostic(node_at(path, data), "'edition' must map keys to values",
                                      f"use keys among: {', '.join(EDITION_KEYS)}")]
    diagnostics = [
        Diagnostic(key_at(path, data, key), f"unknown key '{key}' in 'edition'",
                   f"use one of: {', '.join(EDITION_KEYS)}")
        for key in data if key not in EDITION_KEYS
    ]
    values: dict[str, str | None] = {
        key: " ".join(str(data[key]).split()) or None if data.get(key) is not None else None for key in EDITION_KEYS
    }
    url = values["licence_url"]
    if url is not None and not url.startswith("https://"):
        diagnostics.append(Diagnostic(value_at(path, data, "licence_url"),
                                      f"licence_url '{url}' is not an https:// address",
                                      "give the licence's public page, e.g. https://creativecommons.org/licenses/by/4.0/"))
    edition = Edition(publisher=values["publisher"], licence=values["licence"], licence_url=url,
                      licence_covers=values["licence_covers"], text_status=values["text_status"],
                      contact=values["contact"])
    return edition, diagnostics
