"""Command line: ``python -m build_scripts [--source PATH] [--docs DIR]``.

Generates the pages of ``docs/`` and the document-specific MkDocs config.
Exit status: 0 on success, 1 when the input has errors (each printed as
``path:line:col: error: …``), 2 for a usage error. Nothing is written when
the input has errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from . import card
from .diagnostics import InputError
from .pipeline import build, load, registry_paths
from .render import OFFLINE_CONFIG, mkdocs_config, offline_mkdocs_config, render
from .units import id_registry
from .write import WriteConflict, write_file, write_pages

DEFAULT_SOURCE = Path("source/ecosoc-resolution-2010-18.md")
DEFAULT_DOCS = Path("docs")
DEFAULT_CONFIG = Path(".generated/mkdocs.yml")
DEFAULT_IDS = Path(".generated/ids.json")


def generate(source: Path, docs: Path, config: Path, ids_out: Path, record_ids: bool = False) -> tuple[int, int]:
    site = build(load(source), check_registry=not record_ids)
    pages: dict[str, str | bytes] = {**render(site)}
    pages[card.PATH] = card.card_png(site.metadata.site_name, site.metadata.description)
    config_text, offline_text = (
        "# Generated from the source's metadata: do not edit.\n"
        + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=10_000)
        for settings in (mkdocs_config(site), offline_mkdocs_config(site))
    )
    ids_text = json.dumps(id_registry(site), indent=1, ensure_ascii=False) + "\n"
    # Everything is rendered before anything is written: bad input never
    # leaves a half-generated docs/.
    result = write_pages(docs, pages)
    write_file(config, config_text)
    write_file(config.with_name(OFFLINE_CONFIG), offline_text)
    write_file(ids_out, ids_text)
    if record_ids:
        write_file(registry_paths(source)[0], ids_text)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the Markdown source text")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="the MkDocs docs directory")
    parser.add_argument("--config-out", type=Path, default=DEFAULT_CONFIG, help="generated MkDocs config")
    parser.add_argument("--ids-out", type=Path, default=DEFAULT_IDS, help="generated id registry")
    parser.add_argument("--record-ids", action="store_true",
                        help="record this build's ids as the committed registry (<source stem>.ids.json)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        written, deleted = generate(args.source, args.docs, args.config_out, args.ids_out, args.record_ids)
    except InputError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        count = len(error.diagnostics)
        print(f"{count} error{'s' if count != 1 else ''}; nothing was written.", file=sys.stderr)
        return 1
    except WriteConflict as conflict:
        print(f"{conflict}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"build_scripts: {written} pages written, {deleted} stale pages deleted ({args.source})")
    return 0
