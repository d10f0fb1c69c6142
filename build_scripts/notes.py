"""Editorial notes: the editors' words about the source, kept beside it.

``<source stem>.notes.yml`` holds a list under ``notes:``; each note is
about exactly one paragraph (by eId) or one footnote (by printed number)::

    notes:
      - footnote: 63
        acknowledges: footnote-without-body
        text: The printed document has no text for footnote 63 …
      - footnote: 7
        ibid_of: 5
        text: "*Ibid.* here continues footnote 5, not footnote 6 …"

``acknowledges`` names an anomaly the build detects (see
:data:`ANOMALY_KINDS`); an anomaly no note acknowledges is an error.
``ibid_of`` overrides the plain "Ibid. = the footnote before" rule.
Note text uses the source's inline grammar (``*italic*``) and is escaped.
"""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostic, InputError, Location
from .inline import parse_inline
from .model import EditorialNote
from .yamlfile import item_at, key_at, node_at, value_at

ANOMALY_KINDS = {
    "footnote-without-body": "a footnote mark whose footnote text is not in the source",
}
_KEYS = {"footnote", "paragraph", "acknowledges", "ibid_of", "text"}


def build_notes(path: str, data: Any) -> tuple[EditorialNote, ...]:
    """Check the shape of the notes file; targets are checked by the resolver."""
    if data is None:
        return ()
    diagnostics: list[Diagnostic] = []

    def error(where: Location, message: str, hint: str) -> None:
        diagnostics.append(Diagnostic(where, message, hint))

    if not isinstance(data, dict) or not isinstance(data.get("notes"), list):
        raise InputError(
            [Diagnostic(node_at(path, data), "the notes file must have a list under 'notes:'",
                        "start it with 'notes:' followed by '- footnote: N' or '- paragraph: EID' items")]
        )
    notes: list[EditorialNote] = []
    for index, item in enumerate(data["notes"]):
        if not isinstance(item, dict):
            error(item_at(path, data["notes"], index), "each note must be a mapping",
                  "write '- paragraph: EID' and 'text: …'")
            continue
        # The note's own place: where the resolver reports a target that
        # does not exist, and where shape errors of the whole note point.
        line = node_at(path, item)
        for key in item:
            if key not in _KEYS:
                error(key_at(path, item, key), f"unknown key '{key}' in a note",
                      f"use one of: {', '.join(sorted(_KEYS))}")
        footnote, paragraph = item.get("footnote"), item.get("paragraph")
        if (footnote is None) == (paragraph is None):
            error(line, "a note must name exactly one 'footnote' or one 'paragraph'",
                  "add 'footnote: N' or 'paragraph: EID' (for example 'att_1__para_6'), not both")
            continue
        if footnote is not None and (not isinstance(footnote, int) or isinstance(footnote, bool)):
            error(value_at(path, item, "footnote"), f"'footnote: {footnote}' is not a footnote number",
                  "write the printed number, e.g. 'footnote: 63'")
            continue
        acknowledges = item.get("acknowledges")
        if acknowledges is not None and acknowledges not in ANOMALY_KINDS:
            error(value_at(path, item, "acknowledges"), f"unknown anomaly kind '{acknowledges}'",
                  f"use one of: {', '.join(sorted(ANOMALY_KINDS))}")
        ibid_of = item.get("ibid_of")
        if ibid_of is not None and (footnote is None or not isinstance(ibid_of, int)):
            error(key_at(path, item, "ibid_of"), "'ibid_of' needs a footnote note and a footnote number",
                  "write 'footnote: N' and 'ibid_of: M' with M the footnote that N really continues")
            ibid_of = None
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            error(line, "a note needs a non-empty 'text'", "add 'text: …' with the editors' remark")
            continue
        # Folded YAML text loses its own line numbers; point at the note.
        content, problems = parse_inline(" ".join(text.split()), line)
        diagnostics.extend(problems)
        notes.append(
            EditorialNote(
                target_eid=str(paragraph) if paragraph is not None else None,
                target_footnote=footnote,
                acknowledges=acknowledges,
                text=content,
                location=line,
                ibid_of=ibid_of,
            )
        )
    if diagnostics:
        raise InputError(diagnostics)
    return tuple(notes)
