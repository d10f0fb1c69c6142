"""Package a built offline site as one reproducible zip for USB sticks.

``python -m build_scripts.bundle --site DIR --name NAME --out dist --shim FILE``

Each step below is a module of this package, run in this order by
:func:`package`: ``prune``, ``pages`` (tidy, the kit's assets minified), ``shared`` (scripts
that pages repeat), ``styles`` (one stylesheet, the chrome's icons),
``scripts`` (runs of scripts merged); ``paths`` holds what they share.

The pages come without the theme's indentation and blank lines (dropped
as MkDocs writes them: build_scripts/minify.py). The steps:

* prunes what the bundle never loads: source maps, lunr's language files
  (the site is searched in English only), the sitemap and the JSON search
  index (the offline plugin inlines it as ``search_index.js``), the
  404 page, which no file:// site shows, and the share card, which only
  links to the online site show; and, if nothing names them, the online
  site's loader of Material's bundle and the theme's own favicon (the
  site has its own: 3.6 kB);
* moves each inline script that several pages repeat word for word (the
  theme's palette and storage helpers, 1.7 kB a page) into one file that
  those pages load in its place (``shared_scripts``), and so the theme's
  configuration (a data block, 1.2 kB a page): the zip compresses each
  file apart, so a repeat costs its full compressed size on every page,
  and a script element with ``src`` runs at the same point as the inline
  one; markup that only a script uses (the search button and dialog, the
  palette's choices, the header's go-to box, Back to top: 4.6 kB a page)
  goes the same way, written by a shared script where it stood;
* adds the iframe-worker shim (from the npm package, pinned in
  package-lock.json) where ``mkdocs.offline.yml``'s ``extra.polyfills``
  points, so that search runs from file:// with no request to a CDN;
* drops the meta tags no one reads from file:// (generator, description)
  and writes ``&#95;`` as ``_`` and, between tags, ``&#39;`` as ``'``
  (``tidy_pages``: 9.8 kB of the zip); publishes the site's own
  stylesheets and scripts that the build left with their comments (the
  trainer's kit's, loaded on first use) without them (``minify_assets``:
  3.2 kB);
* the theme's configuration and storage helpers, which name the way up
  to the site's top, find it from their file's own address instead: one
  shared file serves pages at every depth (else the merged scripts below
  would hold Material's bundle three times: 80 kB);
* loads the stylesheets every page lists (Material's two and
  ``extra_css``) from one file, ``assets/site.css``, their texts in the
  same order (``merge_stylesheets``: 8.8 kB);
* draws the icons the header and navigation repeat on every page (the
  logo twice, the menu button) from that stylesheet, through a mask of
  the same path, in the same box and colour (``chrome_icons``: 15.7 kB);
* loads each run of scripts that pages list one after the other from one
  file in ``assets/`` that runs them in the same order, each part in a
  try block so that one failure does not stop the next
  (``merge_scripts``: 24.9 kB, with short file names, which every page
  repeats); the head's shim and storage helpers run just before the
  header's scripts and join them (1 kB), and Back to top and the theme's
  tabbed-content script join the page's last scripts (8 kB): a page lists
  one stylesheet and two scripts where it listed six and eleven (a page
  that needs more lists those after them);
* writes ``NAME.zip`` with one top folder ``NAME/``, entries in sorted
  order, fixed times and permissions (same input → same bytes), and
  ``NAME.zip.sha256``. Both appear whole or not at all.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import zipfile
from pathlib import Path

from .pages import minify_assets, tidy_pages
from .paths import MERGED_DIR, SHIM_PATH, Tree
from .prune import UNUSED, UNUSED_UNLESS_NAMED, lunr_languages, prune
from .scripts import merge_scripts
from .shared import SHARED_DIR, shared_scripts
from .styles import chrome_icons, merge_stylesheets

__all__ = ["MERGED_DIR", "SHARED_DIR", "SHIM_PATH", "UNUSED", "UNUSED_UNLESS_NAMED", "BundleError", "Tree",
           "check_shim", "chrome_icons", "lunr_languages", "merge_scripts", "merge_stylesheets", "minify_assets",
           "package", "prune", "shared_scripts", "tidy_pages", "write_zip", "zip_tree"]

# 1980-01-01, the earliest time a zip entry can carry.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def zip_tree(tree: Tree, name: str, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for rel in tree.names():
            info = zipfile.ZipInfo(f"{name}/{rel}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, tree.data(rel), compresslevel=9)


def write_zip(site: Path, name: str, target: Path) -> None:
    """Zip the folder ``site`` as the bundle is zipped."""
    zip_tree(Tree.read(site), name, target)


class BundleError(Exception):
    """Something the bundle needs is missing; the message says what to do."""


def check_shim(shim: Path) -> None:
    if not shim.is_file():
        raise BundleError(f"{shim} is missing — run 'npm ci' to install the pinned iframe-worker shim")


def package(site: Path, name: str, out: Path, shim: Path) -> Path:
    """Zip the built offline ``site`` (read, not changed) into ``out``."""
    if not (site / "index.html").is_file():
        raise BundleError(f"{site}/index.html is missing — build the offline site first (make offline)")
    check_shim(shim)
    tree = Tree.read(site)
    prune(tree)
    tidy_pages(tree)
    minify_assets(tree)
    shared_scripts(tree)
    tree.put(SHIM_PATH, shim.read_bytes())
    stylesheet = merge_stylesheets(tree)
    if stylesheet is not None:
        chrome_icons(tree, stylesheet)
    merge_scripts(tree)
    out.mkdir(parents=True, exist_ok=True)
    zip_path = out / f"{name}.zip"
    temporary = out / f".{name}.zip.tmp"
    zip_tree(tree, name, temporary)
    digest = hashlib.sha256(temporary.read_bytes()).hexdigest()
    temporary_sum = out / f".{name}.zip.sha256.tmp"
    temporary_sum.write_text(f"{digest}  {zip_path.name}\n", encoding="utf-8")
    os.replace(temporary, zip_path)
    os.replace(temporary_sum, out / f"{name}.zip.sha256")
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the built offline site (read, not changed)")
    parser.add_argument("--name", required=True, help="bundle name: the zip's stem and its top folder")
    parser.add_argument("--out", type=Path, default=Path("dist"))
    parser.add_argument("--shim", type=Path, default=Path("node_modules/iframe-worker/shim/index.js"))
    args = parser.parse_args(argv)
    try:
        zip_path = package(args.site, args.name, args.out, args.shim)
    except BundleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{zip_path}: {zip_path.stat().st_size} bytes")
    return 0
