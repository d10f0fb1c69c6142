"""Command line: ``python -m build_scripts [--source PATH] [--docs DIR]``.

Generates the pages of ``docs/`` and the document-specific MkDocs config.
Exit status: 0 on success, 1 when the input has errors (each printed as
``path:line:col: error: …``), 2 for a usage error. Nothing is written when
the input has errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from . import address, card, sitemap
from .diagnostics import InputError
from .model import Site
from .pipeline import build, companion_paths, load, registry_paths
from .render import OFFLINE_CONFIG, mkdocs_config, offline_mkdocs_config, render
from .settings_yaml import settings_yaml
from .units import id_registry
from .write import WriteConflict, write_file, write_pages

DEFAULT_SOURCE = Path("source/ecosoc-resolution-2010-18.md")
DEFAULT_DOCS = Path("docs")
DEFAULT_CONFIG = Path(".generated/mkdocs.yml")
DEFAULT_IDS = Path(".generated/ids.json")


@dataclass(frozen=True)
class Generated:
    written: int
    deleted: int
    site_url: str | None
    """The public address the pages carry, or ``None``."""


def _with_history(site: Site, source: Path) -> Site:
    """The site with the date its source last changed (git), when known."""
    day = sitemap.source_date(source)
    if day is None:
        return site
    meta = site.metadata
    edition = replace(meta.edition, updated=date.fromisoformat(day))
    return replace(site, metadata=replace(meta, edition=edition))


def generate(source: Path, docs: Path, config: Path, ids_out: Path, record_ids: bool = False,
             site_url: str | None = None) -> Generated:
    """``site_url``: the address given for this build (``SITE_URL``)."""
    site = _with_history(build(load(source, site_url), check_registry=not record_ids), source)
    pages: dict[str, str | bytes] = {**render(site)}
    pages[card.PATH] = card.cached_card_png(site.metadata.site_name, site.metadata.description)
    config_text, offline_text = settings_yaml(mkdocs_config(site)), settings_yaml(offline_mkdocs_config(site))
    ids_text = json.dumps(id_registry(site), indent=1, ensure_ascii=False) + "\n"
    # Everything is rendered before anything is written: bad input never
    # leaves a half-generated docs/.
    result = write_pages(docs, pages)
    write_file(config, config_text)
    write_file(config.with_name(OFFLINE_CONFIG), offline_text)
    write_file(ids_out, ids_text)
    if record_ids:
        write_file(registry_paths(source)[0], ids_text)
    return Generated(*result, site.metadata.site_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the Markdown source text")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="the MkDocs docs directory")
    parser.add_argument("--config-out", type=Path, default=DEFAULT_CONFIG, help="generated MkDocs config")
    parser.add_argument("--ids-out", type=Path, default=DEFAULT_IDS, help="generated id registry")
    parser.add_argument("--record-ids", action="store_true",
                        help="record this build's ids as the committed registry (<source stem>.ids.json)")
    parser.add_argument("--site-url", default=os.environ.get(address.ENVIRONMENT) or None,
                        help=f"the public address for this build (default: ${address.ENVIRONMENT}, "
                             "else site_url in the settings)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        done = generate(args.source, args.docs, args.config_out, args.ids_out, args.record_ids, args.site_url)
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
        print(f"build_scripts: {done.written} pages written, {done.deleted} stale pages deleted ({args.source})")
    if done.site_url is None:
        # One line, quiet or not: a site without an address is a choice.
        print("note: " + address.HOW_TO_SET.format(settings=companion_paths(args.source)[0]))
    return 0
