"""The document's Akoma Ntoso identity: FRBR IRIs and the adoption date.

Rule (OASIS Akoma Ntoso Naming Convention 1.0, as the UN's AKN4UN
guidelines apply it to resolutions: document type ``statement``, subtype
``deliberation``, country ``un``)::

    Work           /akn/un/statement/deliberation/{actor}/{date}/{number}
    Expression     {Work}/eng@                (the original English text)
    Manifestation  {Expression}.xml
    component      {Work}/!main, {Work}/!att_1  (FRBRthis of each part)

=====================================  ===================================
metadata                                IRI
=====================================  ===================================
Economic and Social Council, 2010/18,   ``/akn/un/statement/deliberation/
adopted 22 July 2010                    ecosoc/2010-07-22/2010-18``
General Assembly, 80/3,                 ``/akn/un/statement/deliberation/
adopted 14 October 2025                 unga/2025-10-14/80-3``
=====================================  ===================================

Everything comes from the document: the adopting body, the symbol and the
date printed in the adoption line ("45th plenary meeting / 22 July 2010").
A document that lacks one of them has no Work IRI (``None``): an identity
is never made up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# The UN's usual short names of its deliberative organs; any other body is
# named by the initials of its capitalised words ("Human Rights Council" →
# "hrc").
_ACTORS = {
    "General Assembly": "unga",
    "Economic and Social Council": "ecosoc",
    "Security Council": "unsc",
}
_MONTHS = {name: number for number, name in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], start=1)}
# "22 July 2010", as UN documents print dates.
_PRINTED_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_MONTHS)})\s+(?P<year>\d{{4}})\b")
LANGUAGE = "eng"
"""ISO 639-2 code of the text's language: the sources are the English texts."""


def printed_date(text: str) -> date | None:
    """The last date printed in ``text`` ("45th plenary meeting, 22 July
    2010" → 2010-07-22), or ``None`` when it prints no valid date."""
    found = None
    for match in _PRINTED_DATE.finditer(text):
        try:
            found = date(int(match["year"]), _MONTHS[match["month"]], int(match["day"]))
        except ValueError:  # "31 June": not a date, so not the adoption date
            continue
    return found


def actor(body: str) -> str:
    """``Economic and Social Council`` → ``ecosoc``."""
    if body in _ACTORS:
        return _ACTORS[body]
    return "".join(word[0] for word in body.split() if word[:1].isupper()).lower()


def number_component(symbol: str) -> str:
    """``2010/18`` → ``2010-18``; ``S-24/2`` → ``S-24-2``: the symbol with
    "/", spaces and brackets (which an IRI component cannot hold) as hyphens."""
    return re.sub(r"[^0-9A-Za-z.]+", "-", symbol).strip("-")


@dataclass(frozen=True)
class FrbrWork:
    """The document as an Akoma Ntoso Work."""

    actor: str
    """``ecosoc``: the adopting body's short name."""
    adopted: date
    number: str
    """``2010-18``."""
    country: str = "un"
    doctype: str = "statement"
    subtype: str = "deliberation"

    @property
    def work(self) -> str:
        components = (self.country, self.doctype, self.subtype, self.actor, self.adopted.isoformat(), self.number)
        return "/akn/" + "/".join(components)

    @property
    def expression(self) -> str:
        # "@" with no date: the original version, as adopted.
        return f"{self.work}/{LANGUAGE}@"

    @property
    def manifestation(self) -> str:
        return f"{self.expression}.xml"

    def component(self, level: str, name: str) -> str:
        """FRBRthis of one part (``main``, ``att_1``) at ``level`` (``work``,
        ``expression`` or ``manifestation``)."""
        if level == "manifestation":
            return f"{self.expression}/!{name}.xml"
        return f"{getattr(self, level)}/!{name}"


def frbr_work(body: str, symbol: str, adopted: date | None) -> FrbrWork | None:
    """The Work, or ``None`` when the document does not say who adopted it,
    its symbol or when."""
    number = number_component(symbol)
    name = actor(body) if body else ""
    if not (name and number and adopted):
        return None
    return FrbrWork(actor=name, adopted=adopted, number=number)
