"""The stylesheets every page lists, merged into one file, and the
chrome's repeated icons drawn from it."""

from __future__ import annotations

import re
from collections import Counter
from typing import cast

from .paths import MERGED_DIR, Tree, free_name, named_files, prefix, read_pages, site_path, way_up

# A stylesheet link as the theme writes it, one a line.
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)">\n')
# What a merged stylesheet keeps only at its start, or cannot hold at all:
# "@charset" (allowed first only) and "@import"; an address in url() that
# is not data: would point elsewhere from the merged file's folder.
_CHARSET = re.compile(r'^@charset "UTF-8";', re.IGNORECASE)
_CSS_UNMOVABLE = re.compile(r'@import|@charset|url\(\s*(?!["\']?data:)', re.IGNORECASE)
_CSS_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def merge_stylesheets(tree: Tree) -> str | None:
    """Load the stylesheets that most pages list (the theme's and the
    site's ``extra_css``) from one file, their texts one after the other in
    the same order: a page lists that file where it listed the first of
    them and then the others it has (the home page's contents). The cascade
    is the same, and a stylesheet only delays scripts after it, which it
    did already. Returns the file written, if any."""
    pages = read_pages(tree)
    lists: dict[str, list[tuple[str, str | None]]] = {}
    for path, text in pages.items():
        head = text.split("</head>", 1)[0]
        lists[path] = [(m[0], site_path(tree, path, m["href"])) for m in _STYLESHEET.finditer(head)]
    # The longest start of a page's list that most pages share.
    counts = Counter(tuple(rel for _, rel in links[:end]) for links in lists.values()
                     for end in range(2, len(links) + 1))
    candidates = [(count, len(seq), seq) for seq, count in counts.items() if count > 1 and None not in seq]
    if not candidates:
        return None
    common = cast(tuple[str, ...], max(candidates)[2])
    texts = []
    for index, rel in enumerate(common):
        text = _CSS_SOURCE_MAP.sub("", tree.text(rel)).strip()
        body = _CHARSET.sub("", text, count=1)
        if _CSS_UNMOVABLE.search(body):
            return None
        # The first file's @charset stays the merged file's first rule.
        texts.append(text if index == 0 else body)
    merged = "\n".join(texts) + "\n"
    target = free_name(tree, f"{MERGED_DIR}/site", "css")
    tree.put(target, merged)
    for path, links in lists.items():
        if tuple(rel for _, rel in links[:len(common)]) != common:
            continue
        text = pages[path]
        up = prefix(way_up(path))
        text = text.replace(links[0][0], f'<link rel="stylesheet" href="{up}{target}">\n', 1)
        for tag, _ in links[1:len(common)]:
            text = text.replace(tag, "", 1)
        pages[path] = text
        tree.put(path, text)
    named = named_files(tree, set(common), pages)
    for rel in common:
        if rel not in named:
            tree.remove(rel)
    return target


# An icon as the theme writes it inline (Material's .icons/*.svg): one path.
_INLINE_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="(?P<box>[^"<>]+)">'
                          r'<path d="(?P<path>[^"<>]+)"/></svg>')
# What the reading views and paragraph pages show between the chrome.
_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)


def chrome_icons(tree: Tree, stylesheet: str) -> int:
    """Draw the icons that the theme's header and navigation repeat on
    every page (the logo, twice, and the menu button) from ``stylesheet``
    (a file all those pages load): each stays an ``<svg>`` with its
    viewBox, so the theme's rules give it the same box, and is painted in
    the text's colour (currentcolor, as the theme fills it) through a mask
    of the same path. The text between (``<article>``) is left as it is.
    Returns how many icons moved."""
    pages = read_pages(tree)
    linked = {path: text for path, text in pages.items()
              if f'href="{prefix(way_up(path))}{stylesheet}"' in text}

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

    tree.put(stylesheet, tree.text(stylesheet) + "\n".join(rules) + "\n")
    for path, text in linked.items():
        articles = _ARTICLE.findall(text)
        parts = [_INLINE_ICON.sub(replace, part) for part in chrome(text)]
        tree.put(path, "".join(p + a for p, a in zip(parts, [*articles, ""], strict=True)))
    return len(icons)
