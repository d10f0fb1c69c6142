"""Where things are in a built offline site, and which of its files
name which: what every step of the bundle shares."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

# Where mkdocs.offline.yml's extra.polyfills expects the shim.
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"

# Where merged scripts and stylesheets are written: beside the site's own
# scripts, which find what they load from their address
# (document.currentScript.src).
MERGED_DIR = "assets"


# The site's top seen from a file in SHARED_DIR, in the form that
# merge_scripts rewrites for the folder it writes to.
def root_from_script(folder: str) -> str:
    """A script's expression for the site's top folder, from the script's
    own address (``folder``: where the script file is, from the top)."""
    up = "/".join([".."] * len(folder.split("/")))
    return f'new URL("{up}",document.currentScript.src)'


def read_pages(site: Path) -> dict[Path, str]:
    """Every page of the site, by path, in a fixed order (so the steps
    that count what pages share give the same bytes every build)."""
    return {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}


def way_up(site: Path, page: Path) -> str:
    """From ``page``'s folder to the site's top: ".", "..", "../.." …"""
    depth = len(page.relative_to(site).parts) - 1
    return "/".join([".."] * depth) or "."


def prefix(up: str) -> str:
    """What goes before a path from the top, on a page ``up`` from it."""
    return "" if up == "." else up + "/"


# Files whose text may name another file of the site.
TEXT_FILES = {".html", ".js", ".css", ".json", ".xml", ".txt", ".webmanifest"}


def named_files(site: Path, rels: set[str], pages: dict[Path, str]) -> set[str]:
    """Which of the files ``rels`` some file of the site still names as an
    address (by file name), reading pages from ``pages`` where given: a
    file that a script loads by its name must stay."""
    # As an address names it: in quotes or url(), maybe after a folder (not
    # in a comment's prose).
    bare = {rel: rel.rsplit("/", 1)[-1] for rel in rels}
    names = {rel: re.compile(r"(?<=[\"'/(])" + re.escape(name) + r"(?=[\"'?#)])") for rel, name in bare.items()}
    found: set[str] = set()
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_FILES:
            continue
        rel = path.relative_to(site).as_posix()
        text = pages[path] if path in pages else path.read_text(encoding="utf-8", errors="replace")
        # The plain substring first: the pattern's look-behind is slow on
        # the large data files, which mostly do not hold the name at all.
        found |= {other for other, name in names.items()
                  if other != rel and other not in found and bare[other] in text and name.search(text)}
    return found


def free_name(site: Path, stem: str, suffix: str) -> str:
    """A merged file's name: short, as every page names it (the zip
    compresses each page apart, where a digest would not shrink), and
    free: ``stem.suffix``, else ``stem-2.suffix`` …"""
    name, number = f"{stem}.{suffix}", 1
    while (site / name).exists():
        number += 1
        name = f"{stem}-{number}.{suffix}"
    return name


def site_path(site: Path, page: Path, href: str) -> str | None:
    """``href`` on ``page`` as a path from the site's top, or None if it
    leaves the site or is not a plain path to a file."""
    if re.search(r"[:?#]", href):
        return None
    rel = posixpath.normpath(posixpath.join(page.relative_to(site).parent.as_posix(), href))
    return rel if not rel.startswith("../") and (site / rel).is_file() else None
