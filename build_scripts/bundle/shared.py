"""Inline scripts (and the markup only scripts use) that pages repeat
word for word, loaded from one shared file each: the zip compresses each
file apart, so a repeat costs its full compressed size on every page."""

from __future__ import annotations

import hashlib
import json
import re

from .paths import SHIM_PATH, Tree, prefix, read_pages, root_from_script, way_up

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


# Stands for the way up to the site's top in a page's configuration, in a
# script shared by pages at every depth.
_UP = "@up@"


def _expand_up(template: str, up: str) -> str:
    """What the shared configuration script makes of ``template`` on a page
    ``up`` from the top ("." on a top page): written the same in
    JavaScript in ``_shared_code``."""
    return template.replace(_UP + "/", prefix(up)).replace(_UP, up)


def _config_template(text: str, up: str) -> str:
    """The theme's configuration with the page's way up (its ``base`` and
    the start of its ``search`` worker's address) as ``_UP``, or ``text``
    itself when that would not give the same text back."""
    if _UP in text:
        return text
    template = text.replace(f'"base": {json.dumps(up)}', f'"base": "{_UP}"', 1)
    template = template.replace(f'"search": "{prefix(up)}', f'"search": "{_UP}/', 1)
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


def shared_scripts(tree: Tree) -> list[str]:
    """Write each inline script (or data block) found word for word on two
    pages or more to ``SHARED_DIR/<digest>.js`` and load it from there;
    return the files written. A script that reads the page's address (the
    theme's ``new URL("..", location)``) still reads the page's:
    ``location`` is the document's, not the script file's; where it
    only wants the site's top, it finds it from its own address."""
    pages = {path: _script_only_markup(text) for path, text in read_pages(tree).items()}
    seen: dict[str, int] = {}
    for path, text in pages.items():
        up = way_up(path)
        for code in {_shared_code(m, up) for m in _INLINE_SCRIPT.finditer(text)}:
            seen[code] = seen.get(code, 0) + 1
    shared = {code: hashlib.sha256(code.encode()).hexdigest()[:16] for code, count in seen.items()
              if count > 1 and len(code) >= MIN_SHARED}
    if not shared:
        return []
    for code, digest in sorted(shared.items(), key=lambda item: item[1]):
        tree.put(f"{SHARED_DIR}/{digest}.js", code + "\n")

    for path, text in pages.items():
        up = way_up(path)

        def load(match: re.Match[str], up: str = up) -> str:
            digest = shared.get(_shared_code(match, up))
            return match[0] if digest is None else f'<script src="{prefix(up)}{SHARED_DIR}/{digest}.js"></script>'

        tree.put(path, _INLINE_SCRIPT.sub(load, text))
    return sorted(f"{SHARED_DIR}/{digest}.js" for digest in shared.values())
