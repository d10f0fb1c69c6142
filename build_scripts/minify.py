"""Publish the site's own stylesheets and scripts without comments and
spaces, and every page without the theme's indentation (an MkDocs hook, in
the online build and the offline bundle alike).

The sources in ``docs/assets/`` keep their comments, which say why; a
reader downloads them without: a first visit to a paragraph page weighs
no more than the whole document in stock Material (the page-weight
budget in tests/test_accessibility.py). Material's own files come
minified already; only the files in ``extra_css``, ``extra_javascript``,
``extra.worker_scripts``, ``extra.own_scripts`` and ``extra.own_stylesheets``
are touched.
rcssmin and rjsmin keep strings, regular expressions and ``/*!`` licence
comments as they are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

if TYPE_CHECKING:
    # Only names in annotations: the offline bundle and site_build import
    # this module, and MkDocs' configuration is a sixth of a second of
    # imports before a build can start.
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# Text whose white space matters, left as it is by minify_html.
VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
# A run of white space that holds a line break: one line break renders the
# same (it is white space between inline elements too).
_BLANK_RUN = re.compile(r"[ \t]*\n\s*")


def minify_html(text: str) -> str:
    """Drop the indentation and blank lines of the theme's templates: a
    tenth of each page, which the navigation repeats on every page."""
    pieces = VERBATIM.split(text)
    out = []
    # split() with two groups yields [text, whole, tag-name, text, …].
    for index in range(0, len(pieces), 3):
        out.append(_BLANK_RUN.sub("\n", pieces[index]))
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
    return "".join(out)


# Written minified as MkDocs writes them, rather than read and written
# again after the build.
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return minify_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # The theme's own pages (404.html); not sitemap.xml.
    return minify_html(output_content) if template_name.endswith(".html") else output_content


def minified(text: str, suffix: str) -> str:
    """``text`` of a ``.css`` or ``.js`` file without comments and spaces."""
    if suffix == ".css":
        return str(rcssmin.cssmin(text))
    if suffix == ".js":
        return str(rjsmin.jsmin(text))
    raise ValueError(f"cannot minify a {suffix!r} file")


def own_assets(config: MkDocsConfig) -> list[Path]:
    """The site's own stylesheets and scripts, where MkDocs wrote them:
    those the pages name, ``extra.worker_scripts``, which no page names
    in a tag (the search layer, loaded as the search worker), and
    ``extra.own_scripts``, which overrides/main.html or other scripts
    load, and ``extra.own_stylesheets``, which pages name in their front
    matter."""
    site = Path(config["site_dir"])
    workers = config["extra"].get("worker_scripts") or []
    templates = config["extra"].get("own_scripts") or []
    styles = config["extra"].get("own_stylesheets") or []
    names = [str(name) for name in (*config["extra_css"], *config["extra_javascript"], *workers, *templates, *styles)]
    return [site / name for name in names if Path(name).suffix in (".css", ".js") and "://" not in name]


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    for path in own_assets(config):
        if path.is_file():
            path.write_text(minified(path.read_text(encoding="utf-8"), path.suffix), encoding="utf-8")
