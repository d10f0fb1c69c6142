"""Package a built offline site as one reproducible zip for USB sticks.

``python -m build_scripts.bundle --site DIR --name NAME --out dist --shim FILE``

* prunes what the bundle never loads: source maps, lunr's language files
  (the site is searched in English only), the sitemap and the JSON search
  index (the offline plugin inlines it as ``search_index.js``), the
  404 page, which no file:// site shows, and the share card, which only
  links to the online site show; and, if nothing names them, the online
  site's loader of Material's bundle and the theme's own favicon (the
  site has its own: 3.6 kB);
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
import json
import os
import posixpath
import re
import shutil
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import cast

from .minify import minified

# Where mkdocs.offline.yml's extra.polyfills expects the shim.
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
# 1980-01-01, the earliest time a zip entry can carry.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Files that the bundle's pages never load, unless one names them: the
# online site's loader of Material's script (overrides/main.html), and the
# theme's own favicon (the site has its own).
UNUSED_UNLESS_NAMED = ("assets/lazy-bundle.js", "assets/images/favicon.png")


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


def prune(site: Path, rules: tuple[Callable[[str], bool], ...] = UNUSED,
          unless_named: tuple[str, ...] = UNUSED_UNLESS_NAMED) -> list[str]:
    removed = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and any(rule(rel) for rule in rules):
            path.unlink()
            removed.append(rel)
    unnamed = {rel for rel in unless_named if (site / rel).is_file()}
    for rel in sorted(unnamed - _named(site, unnamed, {})):
        (site / rel).unlink()
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
# Where merged scripts and stylesheets are written: beside the site's own
# scripts, which find what they load from their address
# (document.currentScript.src).
MERGED_DIR = "assets"
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
)
# Script-only markup that is the last thing in an element, written there
# by a script at the end of the page (with the page's other scripts, before
# the theme's, which look for it): "Back to top", which the theme's script
# shows when the reader scrolls up, ends <main>.
_SCRIPT_ONLY_LAST = (
    (re.compile(r"""<button\ type="button"\ class="md-top\ md-icon"\ data-md-component="top"\ hidden>
                    .*?</button>\n(?=</main>)""", re.DOTALL | re.VERBOSE), "main.md-main"),
)
# Scripts that may run at the end of the page, with the page's other
# scripts (before the theme's), as well as where they stand: the theme's
# tabbed-content script reads the element the address's #fragment names
# and, for a tab's input, checks it (the whole page is there by the end).
_LATE_SCRIPTS = (
    re.compile(r"""<script>var\ target=document\.getElementById\(location\.hash\.slice\(1\)\);
                   target&&target\.name&&\(target\.checked=target\.name\.startsWith\("__tabbed_"\)\)</script>\n""",
               re.VERBOSE),
)
# Scripts at the end of the head that only define what later scripts use
# (the iframe-worker shim replaces Worker on file://; the theme's storage
# helpers, __md_scope, __md_get …): they may run just before the first
# script in the body, as well as where they stand, when no other script
# stands between.
_EARLY_SCRIPTS = (
    re.compile(r'<script src="[^"]*' + re.escape(SHIM_PATH.rsplit("/", 1)[1]) + r'"></script>\n'),
    re.compile(r"<script>__md_scope=new URL\([^)]*\),__md_hash=.*?</script>\n", re.DOTALL),
)
# Where the page's last scripts start: the theme's configuration, which its
# scripts after it read.
_PAGE_END_SCRIPTS = '<script id="__config" type="application/json">'


# The site's top seen from a file in SHARED_DIR, in the form that
# merge_scripts rewrites for the folder it writes to.
def root_from_script(folder: str) -> str:
    """A script's expression for the site's top folder, from the script's
    own address (``folder``: where the script file is, from the top)."""
    up = "/".join([".."] * len(folder.split("/")))
    return f'new URL("{up}",document.currentScript.src)'


# Stands for the way up to the site's top in a page's configuration, in a
# script shared by pages at every depth.
_UP = "@up@"


def _expand_up(template: str, up: str) -> str:
    """What the shared configuration script makes of ``template`` on a page
    ``up`` from the top ("." on a top page): written the same in
    JavaScript in ``_shared_code``."""
    return template.replace(_UP + "/", _prefix(up)).replace(_UP, up)


def _config_template(text: str, up: str) -> str:
    """The theme's configuration with the page's way up (its ``base`` and
    the start of its ``search`` worker's address) as ``_UP``, or ``text``
    itself when that would not give the same text back."""
    if _UP in text:
        return text
    template = text.replace(f'"base": {json.dumps(up)}', f'"base": "{_UP}"', 1)
    template = template.replace(f'"search": "{_prefix(up)}', f'"search": "{_UP}/', 1)
    return template if _expand_up(template, up) == text else text


def _shared_code(match: re.Match[str], up: str) -> str:
    """What the shared file holds: the script itself, or for a data block a
    script that puts the same element, with the same text, where it
    stood (before the theme's scripts read it). On a page ``up`` from the
    top; what depends on ``up`` is worked out from the shared file's own
    address instead, so that pages at every depth share one file."""
    if match["id"] is None:
        here = f"new URL({json.dumps(up)},location)"
        # The theme's storage helpers: __md_scope=new URL("..",location).
        return match["code"].replace(here, root_from_script(SHARED_DIR)) if match["code"].count(here) == 1 \
            else match["code"]
    template = _config_template(match["code"], up)
    element = (f'var d=document.createElement("script");d.id={json.dumps(match["id"])};d.type="application/json";'
               f'd.textContent={json.dumps(template, ensure_ascii=False)}')
    if template == match["code"]:
        return f"(function(){{{element};document.currentScript.after(d)}})();"
    # n: how deep the page is below the top; u: the way up ("." on top).
    return ("(function(){var n=location.pathname.slice("
            f'{root_from_script(SHARED_DIR)}.pathname.length).split("/").length-1,'
            f'u=n?Array(n).fill("..").join("/"):".";{element}'
            f'.replace(/{_UP}\\//g,n?u+"/":"").replace(/{_UP}/g,u);document.currentScript.after(d)}})();')


def _later_head_scripts(text: str) -> str:
    """The page with _EARLY_SCRIPTS moved from its head to just before the
    body's first script (so that they join the run of scripts there),
    where the head has no other script."""
    head, sep, body = text.partition("</head>")
    early = [found[0] for script in _EARLY_SCRIPTS if (found := script.search(head)) is not None]
    for script in early:
        head = head.replace(script, "", 1)
    first = body.find("<script")
    if not early or not sep or "<script" in head or first < 0:
        return text
    return head + sep + body[:first] + "".join(early) + body[first:]


def _script_only_markup(text: str) -> str:
    """The page with its script-only markup as an inline script that
    writes it (then shared with the other pages like any script)."""
    def write(match: re.Match[str]) -> str:
        markup = json.dumps(match[0], ensure_ascii=False).replace("</", "<\\/")
        return f'<script>document.currentScript.insertAdjacentHTML("beforebegin",{markup})</script>\n'

    for pattern in _SCRIPT_ONLY:
        text = pattern.sub(write, text, count=1)
    text = _later_head_scripts(text)
    if _PAGE_END_SCRIPTS not in text:
        return text
    late = []
    for script in _LATE_SCRIPTS:
        if (found := script.search(text)) is not None:
            late.append(found[0])
            text = text.replace(found[0], "", 1)
    for pattern, parent in _SCRIPT_ONLY_LAST:
        if (found := pattern.search(text)) is not None:
            markup = json.dumps(found[0], ensure_ascii=False).replace("</", "<\\/")
            late.append(f"<script>document.querySelector({json.dumps(parent)})"
                        f'.insertAdjacentHTML("beforeend",{markup})</script>\n')
            text = text.replace(found[0], "", 1)
    return text.replace(_PAGE_END_SCRIPTS, "".join(late) + _PAGE_END_SCRIPTS, 1)


def _way_up(site: Path, page: Path) -> str:
    """From ``page``'s folder to the site's top: ".", "..", "../.." …"""
    depth = len(page.relative_to(site).parts) - 1
    return "/".join([".."] * depth) or "."


def _prefix(up: str) -> str:
    """What goes before a path from the top, on a page ``up`` from it."""
    return "" if up == "." else up + "/"


def shared_scripts(site: Path) -> list[str]:
    """Write each inline script (or data block) found word for word on two
    pages or more to ``SHARED_DIR/<digest>.js`` and load it from there;
    return the files written. A script that reads the page's address (the
    theme's ``new URL("..", location)``) still reads the page's:
    ``location`` is the document's, not the script file's; where it
    only wants the site's top, it finds it from its own address."""
    pages = {path: _script_only_markup(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))}
    seen: dict[str, int] = {}
    for path, text in pages.items():
        up = _way_up(site, path)
        for code in {_shared_code(m, up) for m in _INLINE_SCRIPT.finditer(text)}:
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
        up = _way_up(site, path)

        def load(match: re.Match[str], up: str = up) -> str:
            digest = shared.get(_shared_code(match, up))
            return match[0] if digest is None else f'<script src="{_prefix(up)}{SHARED_DIR}/{digest}.js"></script>'

        path.write_text(_INLINE_SCRIPT.sub(load, text), encoding="utf-8")
    return sorted(f"{SHARED_DIR}/{digest}.js" for digest in shared.values())


# What no one reads from a page opened from file://: the generator's name
# and the description that search engines and link previews show.
_UNREAD_META = re.compile(r'<meta name="(?:generator|description)" content="[^"]*">\n')
# "_" as a character reference (Python-Markdown's, in attributes such as
# data-key="E-RES-2010-18&#95;att&#95;1…"): the same character in HTML text
# and attributes, though not in a script or style.
_UNDERSCORE = "&#95;"


# An apostrophe as a character reference (Jinja's escaping): the same
# character in text, between tags.
_APOSTROPHE = "&#39;"
_TAG = re.compile(r"(<[^>]*>)")


def _tidy(text: str) -> str:
    text = text.replace(_UNDERSCORE, "_")
    return "".join(piece if piece.startswith("<") else piece.replace(_APOSTROPHE, "'") for piece in _TAG.split(text))


def tidy_pages(site: Path) -> None:
    """Drop the unread meta tags; write "_" as itself, and "'" between tags."""
    for path in sorted(site.rglob("*.html")):
        pieces = _VERBATIM.split(_UNREAD_META.sub("", path.read_text(encoding="utf-8")))
        # split() with two groups yields [text, whole, tag-name, text, …].
        for index in range(0, len(pieces), 3):
            pieces[index] = _tidy(pieces[index])
        path.write_text("".join(piece for index, piece in enumerate(pieces) if index % 3 != 2), encoding="utf-8")


def minify_assets(site: Path) -> None:
    """The site's own stylesheets and scripts in ``assets/`` that the build
    left with their comments (those that only some pages or scripts load:
    the trainer's kit, the home page's contents), without them, as
    build_scripts/minify.py publishes the others."""
    for path in sorted((site / "assets").glob("*")):
        if path.suffix in {".css", ".js"} and path.is_file():
            path.write_text(minified(path.read_text(encoding="utf-8"), path.suffix), encoding="utf-8")


# Files whose text may name another file of the site.
_TEXT_FILES = {".html", ".js", ".css", ".json", ".xml", ".txt", ".webmanifest"}


def _named(site: Path, rels: set[str], pages: dict[Path, str]) -> set[str]:
    """Which of the files ``rels`` some file of the site still names as an
    address (by file name), reading pages from ``pages`` where given: a
    file that a script loads by its name must stay."""
    # As an address names it: in quotes or url(), maybe after a folder (not
    # in a comment's prose).
    names = {rel: re.compile(r"(?<=[\"'/(])" + re.escape(rel.rsplit("/", 1)[-1]) + r"(?=[\"'?#)])") for rel in rels}
    found: set[str] = set()
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in _TEXT_FILES:
            continue
        rel = path.relative_to(site).as_posix()
        text = pages[path] if path in pages else path.read_text(encoding="utf-8", errors="replace")
        found |= {other for other, name in names.items() if other != rel and other not in found and name.search(text)}
    return found


def _free_name(site: Path, stem: str, suffix: str) -> str:
    """A merged file's name: short, as every page names it (the zip
    compresses each page apart, where a digest would not shrink), and
    free: ``stem.suffix``, else ``stem-2.suffix`` …"""
    name, number = f"{stem}.{suffix}", 1
    while (site / name).exists():
        number += 1
        name = f"{stem}-{number}.{suffix}"
    return name


def _site_path(site: Path, page: Path, href: str) -> str | None:
    """``href`` on ``page`` as a path from the site's top, or None if it
    leaves the site or is not a plain path to a file."""
    if re.search(r"[:?#]", href):
        return None
    rel = posixpath.normpath(posixpath.join(page.relative_to(site).parent.as_posix(), href))
    return rel if not rel.startswith("../") and (site / rel).is_file() else None


# A stylesheet link as the theme writes it, one a line.
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)">\n')
# What a merged stylesheet keeps only at its start, or cannot hold at all:
# "@charset" (allowed first only) and "@import"; an address in url() that
# is not data: would point elsewhere from the merged file's folder.
_CHARSET = re.compile(r'^@charset "UTF-8";', re.IGNORECASE)
_CSS_UNMOVABLE = re.compile(r'@import|@charset|url\(\s*(?!["\']?data:)', re.IGNORECASE)
_CSS_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def merge_stylesheets(site: Path) -> str | None:
    """Load the stylesheets that most pages list (the theme's and the
    site's ``extra_css``) from one file, their texts one after the other in
    the same order: a page lists that file where it listed the first of
    them and then the others it has (the home page's contents). The cascade
    is the same, and a stylesheet only delays scripts after it, which it
    did already. Returns the file written, if any."""
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    lists: dict[Path, list[tuple[str, str | None]]] = {}
    for path, text in pages.items():
        head = text.split("</head>", 1)[0]
        lists[path] = [(m[0], _site_path(site, path, m["href"])) for m in _STYLESHEET.finditer(head)]
    # The longest start of a page's list that most pages share.
    counts = Counter(tuple(rel for _, rel in links[:end]) for links in lists.values()
                     for end in range(2, len(links) + 1))
    candidates = [(count, len(seq), seq) for seq, count in counts.items() if count > 1 and None not in seq]
    if not candidates:
        return None
    common = cast(tuple[str, ...], max(candidates)[2])
    texts = []
    for index, rel in enumerate(common):
        text = _CSS_SOURCE_MAP.sub("", (site / rel).read_text(encoding="utf-8")).strip()
        body = _CHARSET.sub("", text, count=1)
        if _CSS_UNMOVABLE.search(body):
            return None
        # The first file's @charset stays the merged file's first rule.
        texts.append(text if index == 0 else body)
    merged = "\n".join(texts) + "\n"
    target = _free_name(site, f"{MERGED_DIR}/site", "css")
    (site / target).write_text(merged, encoding="utf-8")
    for path, links in lists.items():
        if tuple(rel for _, rel in links[:len(common)]) != common:
            continue
        text = pages[path]
        up = _prefix(_way_up(site, path))
        text = text.replace(links[0][0], f'<link rel="stylesheet" href="{up}{target}">\n', 1)
        for tag, _ in links[1:len(common)]:
            text = text.replace(tag, "", 1)
        pages[path] = text
        path.write_text(text, encoding="utf-8")
    named = _named(site, set(common), pages)
    for rel in common:
        if rel not in named:
            (site / rel).unlink()
    return target


# An icon as the theme writes it inline (Material's .icons/*.svg): one path.
_INLINE_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="(?P<box>[^"<>]+)">'
                          r'<path d="(?P<path>[^"<>]+)"/></svg>')
# What the reading views and paragraph pages show between the chrome.
_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)


def chrome_icons(site: Path, stylesheet: str) -> int:
    """Draw the icons that the theme's header and navigation repeat on
    every page (the logo, twice, and the menu button) from ``stylesheet``
    (a file all those pages load): each stays an ``<svg>`` with its
    viewBox, so the theme's rules give it the same box, and is painted in
    the text's colour (currentcolor, as the theme fills it) through a mask
    of the same path. The text between (``<article>``) is left as it is.
    Returns how many icons moved."""
    target = site / stylesheet
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    linked = {path: text for path, text in pages.items()
              if f'href="{_prefix(_way_up(site, path))}{stylesheet}"' in text}

    def chrome(text: str) -> list[str]:
        return _ARTICLE.split(text)

    counts: Counter[str] = Counter()
    for text in linked.values():
        counts.update({m[0] for part in chrome(text) for m in _INLINE_ICON.finditer(part)})
    # Short names (in every page), in the order of their SVG text.
    icons = {svg: f"sd-icon-{number}" for number, svg in
             enumerate(sorted(svg for svg, count in counts.items() if count > 1), start=1)}
    if not icons:
        return 0
    rules = []
    for svg, name in icons.items():
        image = svg.replace('"', "'").replace("%", "%25").replace("#", "%23")
        mask = f'url("data:image/svg+xml;charset=utf-8,{image}") center/contain no-repeat'
        rules.append(f".{name}{{background-color:currentcolor;-webkit-mask:{mask};mask:{mask}}}")

    def replace(match: re.Match[str]) -> str:
        name = icons.get(match[0])
        return match[0] if name is None else f'<svg viewBox="{match["box"]}" class="{name}"></svg>'

    with target.open("a", encoding="utf-8") as css:
        css.write("\n".join(rules) + "\n")
    for path, text in linked.items():
        articles = _ARTICLE.findall(text)
        parts = [_INLINE_ICON.sub(replace, part) for part in chrome(text)]
        path.write_text("".join(p + a for p, a in zip(parts, [*articles, ""], strict=True)), encoding="utf-8")
    return len(icons)


# Classic scripts one after the other, each with only its address.
_SCRIPT_RUN = re.compile(r'(?:<script src="[^"]+"></script>\n){2,}')
_SCRIPT_SRC = re.compile(r'<script src="(?P<src>[^"]+)"></script>\n')
_JS_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
# A strict script as esbuild writes one (Material's bundle, the worker
# shim): the directive, then one function run at once, and nothing else.
_STRICT_IIFE = re.compile(r'"use strict";\(\(\)=>\{.*\}\)\(\);', re.DOTALL)
# A declaration that a block would keep to itself (let, const, class)
# where at a script's top it is seen by the scripts after it.
_LEXICAL = re.compile(r"(?<![\w$.])(?:let|const)\s+[\w$\[{]|(?<![\w$.\"'])class\s+[\w$]+\s*(?:extends\b[^{]*)?\{")
# An exception in one part is reported as uncaught, as before, and the
# parts after it still run, as the scripts after a failed one did.
_CATCH = "}catch(e){setTimeout(function(){throw e})}"


def _merged_part(code: str, rel: str) -> str | None:
    """A script's code as one part of a file in MERGED_DIR that runs the
    same, or None if it might not: a try block keeps ``var`` and function
    declarations global but not let/const/class, and turns off a leading
    "use strict", which a function keeps instead."""
    code = _JS_SOURCE_MAP.sub("", code).strip()
    folder = posixpath.dirname(rel)
    if folder != MERGED_DIR:
        code = code.replace(root_from_script(folder), root_from_script(MERGED_DIR))
        if "currentScript.src" in code.replace(root_from_script(MERGED_DIR), ""):
            return None
    if code.startswith(("'use strict'", '"use strict"')):
        return f"try{{(function(){{{code}\n}}).call(this){_CATCH}" if _STRICT_IIFE.fullmatch(code) else None
    return None if _LEXICAL.search(code) else f"try{{\n{code}\n{_CATCH}"


def merge_scripts(site: Path) -> list[str]:
    """Load each run of scripts that pages list one after the other (two
    pages or more, the same scripts in the same order, all the site's own
    in ``assets/``) from one file in MERGED_DIR that runs their code in
    the same order, at the same point of the page; a script that still
    needs its own address or might run differently stays apart. Returns
    the files written."""
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    parts: dict[str, str | None] = {}

    def groups(page: Path, run: str) -> list[tuple[str, list[str]]]:
        """The run's tags (text, and the files if they can be parts), with
        scripts that can be parts one after the other in one group."""
        out: list[tuple[str, list[str]]] = []
        for match in _SCRIPT_SRC.finditer(run):
            rel = _site_path(site, page, match["src"])
            if rel is not None and rel.startswith(MERGED_DIR + "/") and rel not in parts:
                parts[rel] = _merged_part((site / rel).read_text(encoding="utf-8"), rel)
            if rel is None or parts.get(rel) is None:
                out.append((match[0], []))
            elif out and out[-1][1]:
                out[-1] = (out[-1][0] + match[0], [*out[-1][1], rel])
            else:
                out.append((match[0], [rel]))
        return out

    runs: Counter[tuple[str, ...]] = Counter()
    for path, text in pages.items():
        for run in _SCRIPT_RUN.finditer(text):
            runs.update(tuple(rels) for _, rels in groups(path, run[0]) if len(rels) > 1)
    merged: dict[tuple[str, ...], str] = {}
    for seq, count in sorted(runs.items()):
        if count < 2:
            continue
        # Each part under its source's name (for a reader of the file).
        code = "\n".join(f"/* {rel} */\n{parts[rel]}" for rel in seq) + "\n"
        target = _free_name(site, f"{MERGED_DIR}/scripts", "js")
        (site / target).write_text(code, encoding="utf-8")
        merged[seq] = target
    if not merged:
        return []
    for path, text in pages.items():
        up = _prefix(_way_up(site, path))

        def replace(run: re.Match[str], path: Path = path, up: str = up) -> str:
            return "".join(f'<script src="{up}{merged[tuple(rels)]}"></script>\n' if tuple(rels) in merged else tags
                           for tags, rels in groups(path, run[0]))

        pages[path] = _SCRIPT_RUN.sub(replace, text)
        path.write_text(pages[path], encoding="utf-8")
    used = {rel for seq in merged for rel in seq}
    named = _named(site, used, pages)
    for rel in sorted(used - named):
        (site / rel).unlink()
    return sorted(merged.values())

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
    tidy_pages(site)
    minify_assets(site)
    shared_scripts(site)
    (site / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, site / SHIM_PATH)
    stylesheet = merge_stylesheets(site)
    if stylesheet is not None:
        chrome_icons(site, stylesheet)
    merge_scripts(site)
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
