"""The whole pipeline from source files to pages, as values.

:func:`load` is the only function here that reads files; :func:`build`
is pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from . import registry
from .diagnostics import Diagnostic, InputError, Location
from .glossary import build_glossary
from .metadata import build_metadata
from .model import Site
from .normalise import decode, normalise
from .notes import build_notes
from .parse import parse_collecting
from .resolve import paragraph_ids, resolve
from .subjects import build_subjects
from .themes import build_themes
from .units import id_registry
from .yamlfile import load_yaml

T = TypeVar("T")


@dataclass(frozen=True)
class SourceFiles:
    """The text of a document and its two optional YAML files."""

    source_path: str
    source_text: str
    metadata_path: str
    metadata_text: str | None
    notes_path: str
    notes_text: str | None
    registry_path: str = ""
    registry_text: str | None = None
    """The committed id registry, ``<stem>.ids.json``, when there is one."""
    aliases_path: str = ""
    aliases_text: str | None = None
    themes_path: str = ""
    themes_text: str | None = None
    subjects_path: str = ""
    subjects_text: str | None = None
    """The editors' subjects, ``<stem>.subjects.yml``, when there are any."""
    glossary_path: str = ""
    glossary_text: str | None = None
    site_url: str | None = None
    """The public address given for this build (``SITE_URL``), which
    overrides the settings' ``site_url``."""


def companion_paths(source: Path) -> tuple[Path, Path]:
    """``x.md`` → (``x.yml``, ``x.notes.yml``)."""
    return source.with_suffix(".yml"), source.with_suffix(".notes.yml")


def registry_paths(source: Path) -> tuple[Path, Path]:
    """``x.md`` → (``x.ids.json``, ``x.aliases.yml``)."""
    return source.with_suffix(".ids.json"), source.with_suffix(".aliases.yml")


def load(source: Path, site_url: str | None = None) -> SourceFiles:
    if not source.is_file():
        raise InputError(
            [Diagnostic(Location(str(source), 1, 1), "the source file does not exist",
                        "pass the path of a Markdown source, e.g. SOURCE=source/ecosoc-resolution-2010-18.md")]
        )
    metadata_path, notes_path = companion_paths(source)
    text = normalise(decode(str(source), source.read_bytes()))

    def optional(path: Path) -> str | None:
        return normalise(decode(str(path), path.read_bytes())) if path.exists() else None

    registry_path, aliases_path = registry_paths(source)
    themes_path = source.with_suffix(".themes.yml")
    subjects_path = source.with_suffix(".subjects.yml")
    glossary_path = source.with_suffix(".glossary.yml")
    return SourceFiles(str(source), text, str(metadata_path), optional(metadata_path),
                       str(notes_path), optional(notes_path),
                       str(registry_path), optional(registry_path), str(aliases_path), optional(aliases_path),
                       str(themes_path), optional(themes_path),
                       str(subjects_path), optional(subjects_path),
                       str(glossary_path), optional(glossary_path), site_url or None)


def build(files: SourceFiles, check_registry: bool = True) -> Site:
    """Parse, check and resolve; raise :class:`InputError` with every problem
    found in every file. With ``check_registry``, the ids must match the
    committed registry (see :mod:`build_scripts.registry`)."""
    diagnostics: list[Diagnostic] = []
    metadata = notes = None
    document, parse_problems = parse_collecting(files.source_path, files.source_text)
    diagnostics.extend(parse_problems)
    try:
        notes = build_notes(
            files.notes_path,
            load_yaml(files.notes_path, files.notes_text) if files.notes_text is not None else None,
        )
    except InputError as error:
        diagnostics.extend(error.diagnostics)
    metadata_data = None
    try:
        if files.metadata_text is not None:
            metadata_data = load_yaml(files.metadata_path, files.metadata_text)
    except InputError as error:
        diagnostics.extend(error.diagnostics)
    try:
        metadata = build_metadata(document, files.metadata_path, metadata_data, files.site_url)
    except InputError as error:
        diagnostics.extend(error.diagnostics)
    site = None
    # With the notes unreadable, every anomaly they acknowledge would be
    # reported as unacknowledged: report the YAML error alone.
    # An empty source is reported alone too.
    if metadata is not None and document.parts and (notes is not None or files.notes_text is None):
        try:
            # Resolution runs even after parse errors: a missing footnote body
            # is worth reporting beside an unclosed '*' in the same run.
            site = resolve(document, metadata, notes or (), files.source_text)
        except InputError as error:
            diagnostics.extend(error.diagnostics)
    # The editors' files name paragraphs by eId: with the text in error,
    # they would only echo its mistakes.
    if site is not None and not diagnostics:
        site, problems = _editorial_layer(site, files)
        diagnostics.extend(problems)
        # An id that left the source is reported beside the editorial entries
        # that still name it: both need the editors' attention.
        if check_registry:
            try:
                aliases_data = (load_yaml(files.aliases_path, files.aliases_text)
                                if files.aliases_text is not None else None)
                aliases = registry.check(id_registry(site), files.registry_path, files.registry_text,
                                         files.aliases_path, aliases_data)
                site = replace(site, aliases=tuple(aliases))
            except InputError as error:
                diagnostics.extend(error.diagnostics)
    if diagnostics or site is None:
        raise InputError(_unique(diagnostics))
    return site


def _editorial_layer(site: Site, files: SourceFiles) -> tuple[Site, list[Diagnostic]]:
    """Themes, subjects and the glossary, each checked against the text on its own, so
    that a mistake in one file does not hide those in another."""
    diagnostics: list[Diagnostic] = []
    document = site.document
    site = replace(
        site,
        themes=_editors_file(files.themes_path, files.themes_text, site.themes, diagnostics,
                             lambda path, data: build_themes(path, data, paragraph_ids(document))),
        subjects=_editors_file(files.subjects_path, files.subjects_text, site.subjects, diagnostics,
                               lambda path, data: build_subjects(path, data, document)),
        glossary=_editors_file(files.glossary_path, files.glossary_text, site.glossary, diagnostics,
                               lambda path, data: build_glossary(path, data, document)),
    )
    return site, diagnostics


def _editors_file(path: str, text: str | None, absent: T, diagnostics: list[Diagnostic],
                  build: Callable[[str, Any], T]) -> T:
    """What ``build`` makes of one of the editors' optional files; ``absent``
    when there is no such file or it has mistakes, which go to ``diagnostics``."""
    if text is None:
        return absent
    try:
        return build(path, load_yaml(path, text))
    except InputError as error:
        diagnostics.extend(error.diagnostics)
        return absent


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return list(dict.fromkeys(diagnostics))
