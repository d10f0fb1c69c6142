"""What PurgeCSS's result depends on in a built site, read in Python so
that a rebuild after an edit to the words need not start Node to learn
that the answer is the one it gave before (build_scripts/purge.py).

purge_css.mjs keys its result by the digest of what the stylesheets'
selectors can ask about in the pages and scripts (the "selectors"), with
the stylesheets, the safelist and the installed packages. This module
reads the same selectors as that script reads them — its ``fromHtml``,
PurgeCSS's default extractor for the scripts, the custom properties the
site's own files name — and keeps of them what the script keeps, given
the script's own lists of what the selectors ask (``ASKED_FILE``, which
the script writes and this module only reads). Every regular expression
below is the script's, written for Python's ``re``: JavaScript's ``\\s``
is spelled out (it is wider than Python's), and ``\\w`` is ASCII in both.
``tests/test_purge_key.py`` compares the two on the built sites and on
markup made to tell them apart; ``selectors`` returns None — and Node
runs — for anything it cannot read as the script does.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# JavaScript's \s: ECMAScript WhiteSpace and LineTerminator.
_JS_SPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# fromHtml in purge_css.mjs.
_TAG = re.compile(r"<([a-zA-Z][\w-]*)([^>]*)>", re.ASCII)
_ATTRIBUTE = re.compile(
    rf"""([^{_JS_SPACE}=/"']+)([{_JS_SPACE}]*=[{_JS_SPACE}]*(?:"([^"]*)"|'([^']*)'|([^{_JS_SPACE}>]+)))?""")
_WORDS = re.compile(rf"[{_JS_SPACE}]+")
# PurgeCSS 8's defaultExtractor, and the custom properties the site's own
# files name (purge_css.mjs: ownVariables).
_SCRIPT_WORD = re.compile(r"[A-Za-z0-9_-]+")
_CUSTOM_PROPERTY = re.compile(r"--[\w-]+", re.ASCII)

STYLESHEETS = "assets/stylesheets"
SCRIPTS = "assets/javascripts"
# Material's search worker and lunr build no markup: the script does not read them.
UNREAD = ("assets/javascripts/workers", "assets/javascripts/lunr")


@dataclass
class Extracted:
    """What purge_css.mjs's ExtractorResultSets holds: the pages' element
    names, attribute names and values, classes and ids; the scripts'
    words ("undetermined")."""

    tags: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    undetermined: set[str] = field(default_factory=set)


def extract_page(text: str, into: Extracted) -> None:
    """purge_css.mjs's fromHtml. Each distinct name and value is lowered or
    split once: a page repeats most of them."""
    tags: set[str] = set()
    names: set[str] = set()
    values: set[str] = set()
    classes: set[str] = set()
    ids: set[str] = set()
    for tag, attributes in _TAG.findall(text):
        tags.add(tag)
        # A name with no value has no "=…" (group 2 empty); with one, one of
        # the three ways of quoting it matched, the other two are empty.
        for name, assigned, double, single, bare in _ATTRIBUTE.findall(attributes):
            names.add(name)
            if not assigned:
                continue
            value = double + single + bare
            values.add(value)
            if name == "class":
                classes.add(value)
            elif name == "id":
                ids.add(value)
    into.tags.update(tag.lower() for tag in tags)
    into.names.update(name.lower() for name in names)
    into.values.update(values)
    for value in values:
        into.values.update(word for word in _WORDS.split(value) if word)
    for value in classes:
        into.classes.update(word for word in _WORDS.split(value) if word)
    into.ids.update(ids)


@dataclass(frozen=True)
class Asked:
    """What the stylesheets' selectors ask about (purge_css.mjs: askedBy)."""

    tags: frozenset[str]
    names: frozenset[str]
    classes: frozenset[str]
    ids: frozenset[str]
    variables: frozenset[str]
    equal: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    contained: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> Asked | None:
        try:
            lists = json.loads(path.read_text(encoding="utf-8"))

            def names(kind: str) -> list[str]:
                if not all(isinstance(name, str) for name in lists[kind]):
                    raise TypeError(kind)
                return list(lists[kind])

            return cls(frozenset(names("tags")), frozenset(names("names")), frozenset(names("classes")),
                       frozenset(names("ids")), frozenset(names("variables")), frozenset(names("equal")),
                       tuple(names("prefixes")), tuple(names("suffixes")), tuple(names("contained")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    # Every page repeats most values: each is answered once.
    _answered: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def answers_a_value(self, text: str) -> bool:
        answer = self._answered.get(text)
        if answer is None:
            answer = (text in self.equal or text.startswith(self.prefixes) or text.endswith(self.suffixes)
                      or any(word in text for word in self.contained))
            self._answered[text] = answer
        return answer

    def answers_a_name(self, text: str) -> bool:
        return text in self.tags or text in self.names or text in self.classes or text in self.ids


def kept(extracted: Extracted, asked: Asked) -> dict[str, list[str]]:
    """purge_css.mjs's ``selectors``: of what was extracted, what some
    selector asks about."""
    return {
        "tags": sorted(extracted.tags & asked.tags),
        "names": sorted(extracted.names & asked.names),
        "values": sorted(filter(asked.answers_a_value, extracted.values)),
        "classes": sorted(extracted.classes & asked.classes),
        "ids": sorted(extracted.ids & asked.ids),
        "undetermined": sorted(word for word in extracted.undetermined
                               if asked.answers_a_name(word) or asked.answers_a_value(word)),
    }


def _text(data: bytes) -> str | None:
    # Node reads the files as UTF-8 and replaces what is not; a file that
    # is not UTF-8 is left to Node rather than guessed at.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True)
class SiteFiles:
    """The site's files as purge_css.mjs sorts them: pages and scripts it
    reads for names (content), the stylesheets it purges, and the site's
    own stylesheets and scripts it reads for custom properties."""

    pages: tuple[str, ...]
    scripts: tuple[str, ...]
    stylesheets: tuple[str, ...]
    own: tuple[str, ...]

    @classmethod
    def of(cls, relative_paths: Iterable[str]) -> SiteFiles:
        paths = sorted(relative_paths)
        stylesheets = tuple(p for p in paths if p.startswith(STYLESHEETS) and p.endswith(".min.css"))
        return cls(
            pages=tuple(p for p in paths if p.endswith(".html")),
            scripts=tuple(p for p in paths if p.endswith(".js") and not p.startswith(UNREAD)),
            stylesheets=stylesheets,
            own=tuple(p for p in paths if p.endswith((".css", ".js")) and p not in stylesheets
                      and not p.startswith(SCRIPTS)),
        )


def selectors(files: SiteFiles, read: Mapping[str, bytes], asked: Asked, memo: Memo) -> dict[str, object] | None:
    """What purge_css.mjs's key holds of the site's pages and scripts:
    ``{"selectors": …, "variables": …}``, each list sorted; None when a
    file is not UTF-8."""
    union = Extracted()
    variables: set[str] = set()
    for kind, paths in (("page", files.pages), ("script", files.scripts), ("own", files.own)):
        for path in paths:
            data = read[path]

            def make(kind: str = kind, data: bytes = data) -> dict[str, list[str]] | None:
                text = _text(data)
                return None if text is None else _kept_of_file(kind, text, asked)

            found = memo.kept(f"{kind}:{hashlib.sha256(data).hexdigest()}", make)
            if found is None:
                return None
            union.tags.update(found.get("tags", ()))
            union.names.update(found.get("names", ()))
            union.values.update(found.get("values", ()))
            union.classes.update(found.get("classes", ()))
            union.ids.update(found.get("ids", ()))
            union.undetermined.update(found.get("undetermined", ()))
            variables.update(found.get("variables", ()))
    # A union of what each file kept is what the union of the files keeps:
    # every filter looks at one name or value at a time.
    return {"selectors": kept(union, asked), "variables": sorted(variables & asked.variables)}


def _kept_of_file(kind: str, text: str, asked: Asked) -> dict[str, list[str]]:
    if kind == "page":
        page = Extracted()
        extract_page(text, page)
        return kept(page, asked)
    if kind == "script":
        return kept(Extracted(undetermined=set(_SCRIPT_WORD.findall(text))), asked)
    return {"variables": sorted(set(_CUSTOM_PROPERTY.findall(text)))}


def digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class Memo:
    """What was kept of each file, by the file's digest (and what it was
    read as), for the files an edit did not touch: as the last build left
    it, and once saved, for the files this build read only. Made for one
    set of the selectors' lists (``asked_name``); a memo made for another
    holds nothing."""

    def __init__(self, path: Path | None, asked_name: str) -> None:
        self.path = path
        self.asked_name = asked_name
        self.stored: dict[str, dict[str, list[str]]] = {}
        self.used: dict[str, dict[str, list[str]]] = {}
        try:
            stored = json.loads(path.read_text(encoding="utf-8")) if path is not None else None
        except (OSError, ValueError):
            stored = None
        if isinstance(stored, dict) and stored.get("asked") == asked_name and isinstance(stored.get("files"), dict):
            self.stored = stored["files"]

    def kept(self, name: str, make: Callable[[], dict[str, list[str]] | None]) -> dict[str, list[str]] | None:
        """What was kept of the file ``name``, from the memo or ``make()``."""
        found = self.used.get(name)
        if found is None:
            found = self.stored.get(name)
        if found is None:
            found = make()
        if found is not None:
            self.used[name] = found
        return found

    def save(self) -> None:
        """Written whole or not at all."""
        if self.path is None:
            return
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps({"asked": self.asked_name, "files": self.used}), encoding="utf-8")
        os.replace(partial, self.path)
