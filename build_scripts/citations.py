"""Resolved "Ibid." citations and the documents a text cites.

``resolve_ibid``: an "Ibid." footnote stands for the citation it continues
(``Footnote.ibid_of``, followed back to a footnote that is not an "Ibid.")
with its own locator: "Ibid., vol. 2349, No. 42146" after "United Nations,
*Treaty Series*, vol. 2225, No. 39574" stands for "United Nations, Treaty
Series, vol. 2349, No. 42146". The title is the full citation up to its
first locator (", vol." ", vols." ", chap." ", sect." ", No." ", para.").

``cited_documents``: UN document symbols (A/CONF.213/18), resolutions
(General Assembly 55/25; Economic and Social Council 2005/20, 155 C (VII))
and *Treaty Series* registrations found in paragraphs and footnotes. A bare
"resolution 46/152" is the General Assembly's when its number is
session/number and the Council's when it is year/number (2005/20), as UN
numbering has it; "Assembly" or "Council" before it says so explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from .inline import plain_text
from .model import Footnote, Site

# ", vol. 2225" / ", vols. 1577, 2171" / ", chap. I" / ", sect. J" / ", No. 34"
_LOCATOR = re.compile(r",\s*(?:vols?\.|chap\.|sect\.|No\.|para\.|paras\.|annex)")
# "Ibid." or "*Ibid.*", then an optional comma
_IBID = re.compile(r"^\s*Ibid\.\s*,?\s*", re.IGNORECASE)


def _root(footnote: Footnote, by_number: dict[int, Footnote]) -> Footnote | None:
    seen = set()
    current = footnote
    while current.ibid_of is not None and current.number not in seen:
        seen.add(current.number)
        current = by_number[current.ibid_of]
    return current if current is not footnote and current.body is not None else None


def resolve_ibid(site: Site) -> dict[int, str]:
    """Footnote number → the full citation its "Ibid." stands for."""
    by_number = {f.number: f for f in site.footnotes}
    resolved: dict[int, str] = {}
    for footnote in site.footnotes:
        if footnote.ibid_of is None or footnote.body is None:
            continue
        root = _root(footnote, by_number)
        if root is None or root.body is None:
            continue
        root_text = " ".join(plain_text(root.body.content).split()).rstrip(".")
        title = _LOCATOR.split(root_text, maxsplit=1)[0]
        rest = _IBID.sub("", " ".join(plain_text(footnote.body.content).split()))
        resolved[footnote.number] = f"{title}, {rest}" if rest else f"{title}."
    return resolved


@dataclass(frozen=True)
class CitedDocument:
    """A document the text cites, with where."""

    kind: str
    """``symbol``, ``resolution`` or ``treaty``."""
    key: str
    """What readers see: "A/CONF.213/18", "General Assembly resolution 55/25",
    "United Nations, Treaty Series, No. 39574"."""
    url: str | None
    """The document's own record online (external; needs a network), or
    ``None`` where its address cannot be known from the citation: a
    *Treaty Series* registration number is not part of any documented
    address of the United Nations Treaty Collection, so treaties have none
    (never one general page for all of them)."""
    cited_in: tuple[str, ...]
    """Paragraph eIds and "footnote N", in document order, each once."""


# A/CONF.213/18, E/CN.15/2007/6, A/CONF.213/RPM.1/1, CEDAW/C/GC/38: capital
# letters, then "/"-separated parts, at least one holding a digit.
_SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Za-z0-9.]+)*/[A-Za-z0-9.]*\d[A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)*")
# "resolution 55/25", "resolutions 46/152, 56/119 and 64/180", "resolution
# 155 C (VII)", "resolution 57/270 B", "resolution 415 (V)", the General
# Assembly's special and emergency special sessions "resolution S-24/2" and
# "resolution ES-10/14"; "Resolution 70/1" at the start of a sentence or a
# footnote. Group "body" catches "General Assembly" / "Assembly" /
# "Economic and Social Council" / "Council" right before.
# Councils whose resolutions are numbered like the Assembly's: named, never
# taken for the Economic and Social Council ("Council"), and not linked.
_OTHER_COUNCILS = ("Security Council", "Human Rights Council", "Trusteeship Council")
_RESOLUTION_NUMBER = r"(?:(?:E?S-)?\d{1,4}/\d+(?:\s[A-Z]\b)?|\d+\s(?:[A-Z]\s)?\([IVXL]+\))"
_RESOLUTIONS = re.compile(
    rf"(?P<body>General Assembly|Assembly|Economic and Social Council|{'|'.join(_OTHER_COUNCILS)}|Council)?\s*"
    rf"\b[Rr]esolutions?\s+(?P<numbers>{_RESOLUTION_NUMBER}(?:(?:,\s*|\s+and\s+){_RESOLUTION_NUMBER})*)"
)
_TREATY = re.compile(r"Treaty Series,\s*(?P<vols>vols?\.\s*[\d, and]+?),\s*No\.\s*(?P<number>\d+)")


def _resolution_body(explicit: str | None, number: str) -> str:
    if explicit in _OTHER_COUNCILS:
        return explicit
    if explicit in ("Economic and Social Council", "Council"):
        return "Economic and Social Council"
    if explicit in ("General Assembly", "Assembly"):
        return "General Assembly"
    # UN numbering: the Council's resolutions are year/number (2005/20) or,
    # in its early sessions, "155 C (VII)"; the Assembly's session/number.
    if re.match(r"\d{4}/", number) or "(" in number and " " in number.split("(", maxsplit=1)[0].strip():
        return "Economic and Social Council"
    return "General Assembly"


def _resolution_url(body: str, number: str) -> str | None:
    """The resolution's symbol at undocs.org, the UN's documented resolver
    of document symbols: "55/25" → A/RES/55/25, "57/270 B" → A/RES/57/270B,
    "415 (V)" → A/RES/415(V), "2005/20" → E/RES/2005/20. ``None`` for a
    lettered resolution of the early sessions ("155 C (VII)"): where the
    letter goes in its symbol is not certain, and a wrong address is worse
    than none."""
    if body not in ("General Assembly", "Economic and Social Council") or re.fullmatch(r"\d+\s[A-Z]\s\(.*\)", number):
        return None
    compact = quote(number.replace(" ", ""), safe="/()")
    prefix = "E/RES" if body == "Economic and Social Council" else "A/RES"
    return f"https://undocs.org/{prefix}/{compact}"


def cited_documents(site: Site, resolved_ibid: dict[int, str]) -> list[CitedDocument]:
    urls: dict[tuple[str, str], str | None] = {}
    cited_in: dict[tuple[str, str], list[str]] = {}

    def add(kind: str, key: str, url: str | None, where: str) -> None:
        urls.setdefault((kind, key), url)
        places = cited_in.setdefault((kind, key), [])
        if where not in places:
            places.append(where)

    texts: list[tuple[str, str]] = []
    for part in site.document.parts:
        for block in part.paragraphs:
            texts.append((block.eid or "", " ".join([plain_text(block.content)] +
                                                    [plain_text(p.content) for p in block.points])))
    for footnote in site.footnotes:
        if footnote.body is not None:
            text = plain_text(footnote.body.content)
            if footnote.number in resolved_ibid:
                text += " " + resolved_ibid[footnote.number]
            texts.append((f"footnote {footnote.number}", text))

    for where, text in texts:
        for match in _SYMBOL.finditer(text):
            symbol = match.group(0).rstrip(".")
            if re.fullmatch(r"\d+/\d+", symbol):
                continue
            add("symbol", symbol, f"https://undocs.org/{quote(symbol, safe='/')}", where)
        for match in _RESOLUTIONS.finditer(text):
            for number in re.findall(_RESOLUTION_NUMBER, match["numbers"]):
                body = _resolution_body(match["body"], number)
                add("resolution", f"{body} resolution {number}", _resolution_url(body, number), where)
        for match in _TREATY.finditer(text):
            key = f"United Nations, Treaty Series, No. {match['number']}"
            add("treaty", key, None, where)

    kinds = {"symbol": 0, "resolution": 1, "treaty": 2}
    order = sorted(urls, key=lambda item: (kinds[item[0]], _natural(item[1])))
    return [CitedDocument(kind, key, urls[(kind, key)], tuple(cited_in[(kind, key)])) for kind, key in order]


def _natural(text: str) -> list[object]:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]
