"""Sort key for Material's tag listings: document order, not title order
("paragraph 10" after "paragraph 9"). Paragraph pages carry their position
as ``sd_order`` in the front matter; ``mkdocs.yml`` names this function in
``plugins.tags.listings_sort_by``."""

from __future__ import annotations

from typing import Any


def document_order(mapping: Any) -> int:
    meta = getattr(mapping.item, "meta", None) or {}
    return int(meta.get("sd_order", 0))
