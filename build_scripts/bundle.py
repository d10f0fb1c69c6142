"""Package a built offline site as one reproducible zip for USB sticks.

``python -m build_scripts.bundle --site DIR --name NAME --out dist --shim FILE``

* prunes what the bundle never loads: source maps, lunr's language files
  (the site is searched in English only), the sitemap and the JSON search
  index (the offline plugin inlines it as ``search_index.js``), the
  404 page, which no file:// site shows, and the share card, which only
  links to the online site show;
* drops the indentation and blank lines the theme's templates leave in
  every page (a tenth of each page, repeated on ~100 pages);
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
* writes ``NAME.zip`` with one top folder ``NAME/``, entries in sorted
  order, fixed times and permissions (same input → same bytes), and
  ``NAME.zip.sha256``. Both appear whole or not at all.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

# Where mkdocs.offline.yml's extra.polyfills expects the shim.
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
# 1980-01-01, the earliest time a zip entry can carry.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def lunr_languages(rel: str) -> bool:
    """lunr's language support (stemmers, word segmenters): Material's
    search worker loads it only when search.lang names a language other
    than English. The online site drops it too (site_build)."""
    return rel.startswith("assets/javascripts/lunr/")


UNUSED = (
    lambda rel: rel.endswith(".map"),
    lunr_languages,
    # A file:// site never shows the server's 404 page.
    lambda rel: rel in {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "404.html"},
    # The share card is for links to the online site (og:image).
    lambda rel: rel == "social/card.png",
)


def prune(site: Path, rules: tuple[Callable[[str], bool], ...] = UNUSED) -> list[str]:
    removed = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and any(rule(rel) for rule in rules):
            path.unlink()
            removed.append(rel)
    for directory in sorted((p for p in site.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    return removed


# Text whose white space matters, left as it is by minify_html.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
# A run of white space that holds a line break: one line break renders the
# same (it is white space between inline elements too).
_BLANK_RUN = re.compile(r"[ \t]*\n\s*")


def minify_html(text: str) -> str:
    """Drop the indentation and blank lines of the theme's templates."""
    pieces = _VERBATIM.split(text)
    out = []
    # split() with two groups yields [text, whole, tag-name, text, …].
    for index in range(0, len(pieces), 3):
        out.append(_BLANK_RUN.sub("\n", pieces[index]))
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
    return "".join(out)


def minify_site(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        path.write_text(minify_html(text), encoding="utf-8")


# Where the scripts that pages repeated are written, by their content's
# digest (same script → same name, whatever page it came from).
SHARED_DIR = "assets/javascripts/shared"
# An inline classic script, "<script>…</script>" with no attributes; or a
# data block, '<script id="__config" type="application/json">…</script>',
# which the theme's and the site's scripts read from the page by its id.
_INLINE_SCRIPT = re.compile(
    r"""<script(?:\ id="(?P<id>[\w-]+)"\ type="application/json")?>(?P<code>.*?)</script>""",
    re.DOTALL | re.VERBOSE,
)
# Shorter scripts cost less inline than the address of a file.
MIN_SHARED = 100
# Markup that only a script brings to life, written into the page by a
# shared script where it stood, as the page is read (before the scripts
# that look for it run): without JavaScript it does nothing, and with it
# the page is the same. 4.6 kB a page in all.
_SCRIPT_ONLY = (
    # The theme's palette choices, read by the palette script after them.
    re.compile(r"""<form\ class="md-header__option"\ data-md-component="palette">.*?</form>\n""",
               re.DOTALL | re.VERBOSE),
    # The header's "go to a paragraph" box (docs/assets/jump.js), the
    # search button and the search dialog (the bundle's search runs in a
    # script), up to the header's end.
    re.compile(
        r"""(?:<form\ class="sd-jump\ sd-jump--header"\ [^>]*>.*?</form>)?  # go to a paragraph
            <label\ class="md-header__button\ md-icon"\ for="__search">.*?</label>\n  # search button
            <div\ class="md-search"\ data-md-component="search"\ role="dialog">  # the dialog …
            .*?</div>\n(?=</nav>\n</header>)                                       # … to the header's end""",
        re.DOTALL | re.VERBOSE),
    # "Back to top", which the theme's script shows when the reader
    # scrolls up.
    re.compile(r"""<button\ type="button"\ class="md-top\ md-icon"\ data-md-component="top"\ hidden>
                   .*?</button>\n""", re.DOTALL | re.VERBOSE),
)


def _shared_code(match: re.Match[str]) -> str:
    """What the shared file holds: the script itself, or for a data block a
    script that puts the same element, with the same text, where it
    stood (before the theme's scripts read it)."""
    if match["id"] is None:
        return match["code"]
    return (f'(function(){{var d=document.createElement("script");d.id={json.dumps(match["id"])};'
            f'd.type="application/json";d.textContent={json.dumps(match["code"], ensure_ascii=False)};'
            "document.currentScript.after(d)})();")


def _script_only_markup(text: str) -> str:
    """The page with its script-only markup as an inline script that
    writes it (then shared with the other pages like any script)."""
    def write(match: re.Match[str]) -> str:
        markup = json.dumps(match[0], ensure_ascii=False).replace("</", "<\\/")
        return f'<script>document.currentScript.insertAdjacentHTML("afterend",{markup})</script>\n'

    for pattern in _SCRIPT_ONLY:
        text = pattern.sub(write, text, count=1)
    return text


def shared_scripts(site: Path) -> list[str]:
    """Write each inline script (or data block) found word for word on two
    pages or more to ``SHARED_DIR/<digest>.js`` and load it from there;
    return the files written. A script that reads the page's address (the
    theme's ``new URL("..", location)``) still reads the page's:
    ``location`` is the document's, not the script file's."""
    pages = {path: _script_only_markup(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))}
    seen: dict[str, int] = {}
    for text in pages.values():
        for code in {_shared_code(m) for m in _INLINE_SCRIPT.finditer(text)}:
            seen[code] = seen.get(code, 0) + 1
    shared = {code: hashlib.sha256(code.encode()).hexdigest()[:16] for code, count in seen.items()
              if count > 1 and len(code) >= MIN_SHARED}
    if not shared:
        return []
    folder = site / SHARED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for code, digest in sorted(shared.items(), key=lambda item: item[1]):
        (folder / f"{digest}.js").write_text(code + "\n", encoding="utf-8")

    for path, text in pages.items():
        up = "../" * (len(path.relative_to(site).parts) - 1)

        def load(match: re.Match[str], up: str = up) -> str:
            digest = shared.get(_shared_code(match))
            return match[0] if digest is None else f'<script src="{up}{SHARED_DIR}/{digest}.js"></script>'

        path.write_text(_INLINE_SCRIPT.sub(load, text), encoding="utf-8")
    return sorted(f"{SHARED_DIR}/{digest}.js" for digest in shared.values())


def write_zip(site: Path, name: str, target: Path) -> None:
    files = sorted(p for p in site.rglob("*") if p.is_file())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{name}/{path.relative_to(site).as_posix()}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, path.read_bytes(), compresslevel=9)


class BundleError(Exception):
    """Something the bundle needs is missing; the message says what to do."""


def check_shim(shim: Path) -> None:
    if not shim.is_file():
        raise BundleError(f"{shim} is missing — run 'npm ci' to install the pinned iframe-worker shim")


def package(site: Path, name: str, out: Path, shim: Path) -> Path:
    if not (site / "index.html").is_file():
        raise BundleError(f"{site}/index.html is missing — build the offline site first (make offline)")
    check_shim(shim)
    prune(site)
    minify_site(site)
    shared_scripts(site)
    (site / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, site / SHIM_PATH)
    out.mkdir(parents=True, exist_ok=True)
    zip_path = out / f"{name}.zip"
    temporary = out / f".{name}.zip.tmp"
    write_zip(site, name, temporary)
    digest = hashlib.sha256(temporary.read_bytes()).hexdigest()
    temporary_sum = out / f".{name}.zip.sha256.tmp"
    temporary_sum.write_text(f"{digest}  {zip_path.name}\n", encoding="utf-8")
    os.replace(temporary, zip_path)
    os.replace(temporary_sum, out / f"{name}.zip.sha256")
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the built offline site (pruned in place)")
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


if __name__ == "__main__":
    sys.exit(main())
