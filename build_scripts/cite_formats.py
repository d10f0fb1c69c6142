"""Citations for reference managers: BibTeX, RIS and CSL-JSON.

Pure: :class:`~build_scripts.cite.Citation` in, text out. Each writer
escapes every value for its own format, here and nowhere else:

* BibTeX: values in braces; ``\\ { } % & $ # _ ~ ^`` written as LaTeX
  escapes, so that no text can close a value or start a command;
* RIS: one ``TAG  - value`` line per field; line breaks and control
  characters in a value become spaces, so that no text can start a tag;
* CSL-JSON: ``json.dumps``.

An entry carries the unit's public address only when the site has one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from .cite import Citation

# The characters LaTeX gives a meaning; each is replaced on its own (one
# pass of str.translate), so that no escape is escaped again.
_BIBTEX_SPECIAL = str.maketrans({
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
})
_BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# Line breaks and other control characters (U+0000–U+001F, U+007F–U+009F,
# U+2028, U+2029): a new line in a RIS value would start a new field.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def bibtex_value(text: str) -> str:
    """``text`` as the inside of a braced BibTeX value."""
    return " ".join(text.split()).translate(_BIBTEX_SPECIAL)


def _bibtex_url(url: str) -> str:
    # A URL stays verbatim for the url package; only what would unbalance
    # the braces is percent-encoded (an https address from the settings
    # rarely has any).
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C").replace(" ", "%20")


def bibtex_entry(citation: Citation) -> str:
    """A ``@misc`` entry (BibTeX has no type for a resolution)."""
    fields: list[tuple[str, str]] = []
    if citation.author:
        # Double braces: a body's name, not a person's "Last, First".
        fields.append(("author", "{" + bibtex_value(citation.author) + "}"))
    fields.append(("title", bibtex_value(citation.title)))
    if citation.container:
        fields.append(("booktitle", bibtex_value(citation.container)))
    if citation.document:
        fields.append(("number", bibtex_value(citation.document)))
    if citation.issued:
        fields.append(("year", str(citation.issued.year)))
        fields.append(("month", _BIBTEX_MONTHS[citation.issued.month - 1]))
        fields.append(("date", citation.issued.isoformat()))
    fields.append(("note", bibtex_value(citation.full)))
    if citation.url:
        fields.append(("url", _bibtex_url(citation.url)))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields
    )
    return f"@misc{{{citation.key},\n{body}\n}}\n"


def ris_value(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def ris_entry(citation: Citation) -> str:
    """A ``GOVDOC`` record (government document)."""
    lines = [("TY", "GOVDOC"), ("ID", citation.key), ("TI", citation.title)]
    if citation.container:
        lines.append(("T2", citation.container))
    if citation.author:
        lines.append(("AU", citation.author))
    if citation.issued:
        lines.append(("PY", str(citation.issued.year)))
        lines.append(("DA", citation.issued.strftime("%Y/%m/%d")))
    if citation.document:
        lines.append(("M1", citation.document))
    lines.append(("SE", citation.locator))
    lines.append(("N1", citation.full))
    if citation.url:
        lines.append(("UR", citation.url))
    # "ER  - " ends the record; RIS wants the two spaces and the hyphen.
    return "".join(f"{tag}  - {ris_value(value)}\n" for tag, value in lines) + "ER  - \n"


def csl_item(citation: Citation) -> dict[str, object]:
    """A CSL-JSON item (CSL 1.0.2 variables)."""
    item: dict[str, object] = {"id": citation.key, "type": "document", "title": citation.title}
    if citation.container:
        item["container-title"] = citation.container
    if citation.author:
        item["author"] = [{"literal": citation.author}]
        item["authority"] = citation.author
    if citation.issued:
        item["issued"] = {"date-parts": [[citation.issued.year, citation.issued.month, citation.issued.day]]}
    if citation.document:
        item["number"] = citation.document
    item["section"] = citation.locator
    item["note"] = citation.full
    if citation.url:
        item["URL"] = citation.url
    return item


def csl_json(citations: Iterable[Citation], indent: int | None = 1) -> str:
    """A CSL-JSON file: a list of items (``indent=None``: on one line)."""
    return json.dumps([csl_item(c) for c in citations], indent=indent, ensure_ascii=False) + "\n"


def bibtex_file(citations: Iterable[Citation]) -> str:
    return "\n".join(bibtex_entry(c) for c in citations)


def ris_file(citations: Iterable[Citation]) -> str:
    # One blank line between records, as reference managers write them.
    return "\n".join(ris_entry(c) for c in citations)
