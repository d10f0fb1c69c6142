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


def _order(rel: str) -> list[str]:
    """Sort key: folder by folder, as sorting the files' paths does."""
    return rel.split("/")


class Tree:
    """A built site's files in memory, by their path from its top
    ("declaration/42.html"). The bundle's steps read and rewrite every
    page several times over, and the zip is written from here: on disk
    each of those rewrites was a round trip to the file system (half of
    packaging's time), for a folder that is thrown away."""

    def __init__(self, files: dict[str, bytes | str]) -> None:
        self._files = dict(files)

    @classmethod
    def read(cls, site: Path) -> Tree:
        return cls({path.relative_to(site).as_posix(): path.read_bytes()
                    for path in site.rglob("*") if path.is_file()})

    def write(self, site: Path) -> None:
        """Make ``site`` hold these files and no others."""
        for path in sorted(site.rglob("*"), reverse=True):
            rel = path.relative_to(site).as_posix()
            if path.is_file() and rel not in self._files:
                path.unlink()
        for rel in self.names():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_bytes(self.data(rel))

    def names(self) -> list[str]:
        """Every file, in a fixed order (so the steps that count what pages
        share give the same bytes every build)."""
        return sorted(self._files, key=_order)

    def is_file(self, rel: str) -> bool:
        return rel in self._files

    def data(self, rel: str) -> bytes:
        content = self._files[rel]
        return content.encode("utf-8") if isinstance(content, str) else content

    def text(self, rel: str, errors: str = "strict") -> str:
        content = self._files[rel]
        return content if isinstance(content, str) else content.decode("utf-8", errors)

    def put(self, rel: str, content: bytes | str) -> None:
        self._files[rel] = content

    def remove(self, rel: str) -> None:
        del self._files[rel]


def read_pages(tree: Tree) -> dict[str, str]:
    """Every page of the site, by path, in the tree's fixed order."""
    return {rel: tree.text(rel) for rel in tree.names() if rel.endswith(".html")}


def way_up(page: str) -> str:
    """From ``page``'s folder to the site's top: ".", "..", "../.." …"""
    return "/".join([".."] * page.count("/")) or "."


def prefix(up: str) -> str:
    """What goes before a path from the top, on a page ``up`` from it."""
    return "" if up == "." else up + "/"


# Files whose text may name another file of the site.
TEXT_FILES = {".html", ".js", ".css", ".json", ".xml", ".txt", ".webmanifest"}


def named_files(tree: Tree, rels: set[str], pages: dict[str, str]) -> set[str]:
    """Which of the files ``rels`` some file of the site still names as an
    address (by file name), reading pages from ``pages`` where given: a
    file that a script loads by its name must stay."""
    # As an address names it: in quotes or url(), maybe after a folder (not
    # in a comment's prose).
    bare = {rel: rel.rsplit("/", 1)[-1] for rel in rels}
    names = {rel: re.compile(r"(?<=[\"'/(])" + re.escape(name) + r"(?=[\"'?#)])") for rel, name in bare.items()}
    found: set[str] = set()
    for rel in tree.names():
        if posixpath.splitext(rel)[1] not in TEXT_FILES:
            continue
        text = pages[rel] if rel in pages else tree.text(rel, errors="replace")
        # The plain substring first: the pattern's look-behind is slow on
        # the large data files, which mostly do not hold the name at all.
        found |= {other for other, name in names.items()
                  if other != rel and other not in found and bare[other] in text and name.search(text)}
    return found


def free_name(tree: Tree, stem: str, suffix: str) -> str:
    """A merged file's name: short, as every page names it (the zip
    compresses each page apart, where a digest would not shrink), and
    free: ``stem.suffix``, else ``stem-2.suffix`` …"""
    name, number = f"{stem}.{suffix}", 1
    while tree.is_file(name) or any(rel.startswith(name + "/") for rel in tree.names()):
        number += 1
        name = f"{stem}-{number}.{suffix}"
    return name


def site_path(tree: Tree, page: str, href: str) -> str | None:
    """``href`` on ``page`` as a path from the site's top, or None if it
    leaves the site or is not a plain path to a file."""
    if re.search(r"[:?#]", href):
        return None
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return rel if not rel.startswith("../") and tree.is_file(rel) else None
