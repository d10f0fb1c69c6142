"""The id registry: every published eId with its URLs, guarded by the build.

``<stem>.ids.json`` beside the source is the committed registry. A build
whose ids differ from it stops:

* an id that disappeared, or whose page URL, anchor URL, label or kind
  changed, is an error — unless ``<stem>.aliases.yml`` retires it by
  naming the id that replaces it (``att_1__para_56: att_1__para_55``); the
  old page then stays as a page that sends readers to the new one, and the
  old anchor stays in the reading view beside the new paragraph;
* a new id is an error until it is recorded with
  ``python -m build_scripts --record-ids`` (``make ids``), so that every
  published id is a deliberate decision in a commit.

A document with no registry file is not checked (a new document records
its first registry with ``--record-ids``).
"""

from __future__ import annotations

import json
from typing import Any

from .diagnostics import Diagnostic, InputError, Location
from .model import Alias
from .yamlfile import key_at, node_at


def parse_registry(path: str, text: str) -> list[dict[str, str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            [Diagnostic(Location(path, error.lineno, error.colno), f"malformed JSON: {error.msg}",
                        "restore the file from git, or rewrite it with --record-ids")]
        ) from None
    if not isinstance(data, list) or not all(isinstance(e, dict) and "eId" in e for e in data):
        raise InputError(
            [Diagnostic(Location(path, 1, 1), "the id registry must be a list of entries with an 'eId'",
                        "restore the file from git, or rewrite it with --record-ids")]
        )
    return data


def _entry_line(text: str, eid: str) -> int:
    needle = f'"eId": "{eid}"'
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    return 1


def check(
    current: list[dict[str, str]],
    registry_path: str,
    registry_text: str | None,
    aliases_path: str,
    aliases_data: Any,
) -> list[Alias]:
    """Compare the ids of this build with the committed registry; return the
    aliases to publish, or raise :class:`InputError` with every difference."""
    if registry_text is None:
        return []
    committed = parse_registry(registry_path, registry_text)
    diagnostics: list[Diagnostic] = []
    aliases_data = aliases_data or {}
    if not isinstance(aliases_data, dict):
        raise InputError([Diagnostic(node_at(aliases_path, aliases_data),
                                     "the aliases file must map old eIds to new ones",
                                     "write lines such as 'att_1__para_56: att_1__para_55'")])
    now = {e["eId"]: e for e in current}
    then = {e["eId"]: e for e in committed}
    aliases: list[Alias] = []
    for old, new in aliases_data.items():
        where = key_at(aliases_path, aliases_data, old)
        if old not in then:
            diagnostics.append(Diagnostic(where, f"alias '{old}' names an id that was never published",
                                          "use an eId from the registry, or delete the alias"))
        elif old in now:
            diagnostics.append(Diagnostic(where, f"alias '{old}' retires an id that the source still has",
                                          "delete the alias: the id is still in use"))
        elif new not in now:
            diagnostics.append(Diagnostic(where, f"alias '{old}' points at '{new}', which this build does not have",
                                          "point it at an id of the current text"))
        else:
            aliases.append(Alias(old, then[old]["page_url"], str(new)))
    retired = {a.old_eid for a in aliases}
    for eid, entry in then.items():
        line = _entry_line(registry_text, eid)
        where = Location(registry_path, line, 1)
        if eid not in now and eid not in retired:
            diagnostics.append(
                Diagnostic(where, f"published id '{eid}' ({entry.get('page_url')}) is gone from the source",
                           f"restore it, or retire it by adding '{eid}: NEW_EID' to {aliases_path}")
            )
        elif eid in now and now[eid] != entry:
            changed = sorted(k for k in set(entry) | set(now[eid]) if entry.get(k) != now[eid].get(k))
            diagnostics.append(
                Diagnostic(where, f"published id '{eid}' changed its {', '.join(changed)}",
                           "deep links are promises: keep the id's URLs; give a new paragraph a new id")
            )
    for eid in now:
        if eid not in then:
            diagnostics.append(
                Diagnostic(Location(registry_path, 1, 1), f"id '{eid}' is new and not yet recorded",
                           "record it with 'make ids' (python -m build_scripts --record-ids) and commit the registry")
            )
    if diagnostics:
        raise InputError(diagnostics)
    return aliases
