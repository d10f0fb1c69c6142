"""MkDocs hooks.

* Under `mkdocs serve`, regenerate the pages before each rebuild, so that
  edits to source/ show at once: a thin shell over :mod:`build_scripts.cli`.
  `mkdocs build` skips it: the Makefile runs the generator first and never
  relies on this hook for the pages.
* In the offline build, give each page its public canonical address.
* Give each page's template its share of the navigation: the groups of
  paragraphs near it, not all of them (build_scripts.nav_window).
* Mark what the generator escaped for HTML as escaped: the site name, its
  description, the navigation's titles and each page's title and
  description (see build_scripts.render.common.theme_html). Material prints
  them unescaped almost everywhere, which is right for escaped text, and
  escapes them again in a few attributes (the logo's title, the footer's
  labels), which would show "&amp;"; Markup is not escaped twice. Without
  this hook the pages stay safe; only those attributes would show entities.
* Keep the theme's templates compiled between builds (a Jinja bytecode
  cache in .cache/jinja/): compiling Material's templates is a fifth of
  a build, and they change only when the theme or overrides/ do (Jinja
  checks each template's source against the cached copy).
* Run Python's cycle collector less often during a build (GC_THRESHOLDS).
* List the theme's own files without walking its hidden directories:
  MkDocs lists every file of the theme to publish its assets, then drops
  whatever lies in a hidden directory; Material's icons are 14,000 such
  files (a twentieth of a build), none of them published."""

from __future__ import annotations

import gc
import os
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# MkDocs loads this file by path, not as part of the package.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_scripts.ids import page_url  # noqa: E402
from build_scripts.nav_window import window  # noqa: E402
from build_scripts.theme_files import lunr_languages  # noqa: E402

# A build makes a few hundred thousand objects (the pages' element trees,
# their HTML, the templates' output) that live until the page is written:
# with Python's default thresholds (700, 10, 10) the cycle collector walks
# them again every 700 allocations; every 100,000 it costs a twentieth
# less CPU per build (10 alternating runs, medians), for a few MB more.
GC_THRESHOLDS = (100_000, 50, 100)

# The command is known only at start-up; MkDocs hooks are module functions.
_command: list[str] = []


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]
    gc.set_threshold(*GC_THRESHOLDS)
    if not getattr(Files.add_files_from_theme, "_skips_hidden", False):
        Files.add_files_from_theme = _add_files_from_theme  # type: ignore[method-assign]


_mkdocs_add_files_from_theme = Files.add_files_from_theme


def _add_files_from_theme(self: Files, env: jinja2.Environment, config: MkDocsConfig) -> None:
    """MkDocs' own method, given a listing of the theme's files that never
    enters a hidden directory: MkDocs' filter rejects every name with a
    part that starts with a dot ('.*', '*/.*'), so what it keeps is the
    same, in the same order."""
    _mkdocs_add_files_from_theme(self, _VisibleThemeFiles(config.theme.dirs), config)  # type: ignore[arg-type]


_add_files_from_theme._skips_hidden = True  # type: ignore[attr-defined]


class _VisibleThemeFiles:
    """What Files.add_files_from_theme asks of the Jinja environment: its
    templates' names (every file of the theme's directories, as Jinja's
    FileSystemLoader lists them: sorted, '/'-separated, each once), here
    without the hidden directories' contents."""

    def __init__(self, dirs: list[str]) -> None:
        self.dirs = dirs

    def list_templates(self, filter_func: Any) -> list[str]:
        found: set[str] = set()
        for root in self.dirs:
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                folder = os.path.relpath(dirpath, root).replace(os.path.sep, "/")
                prefix = "" if folder == "." else folder + "/"
                found.update(prefix + name for name in filenames)
        return [name for name in sorted(found) if filter_func(name)]


def on_pre_build(config: MkDocsConfig, **kwargs: Any) -> None:
    if _command != ["serve"]:
        return
    # Imported here: the generator is a quarter of a second of imports
    # that `mkdocs build` (make build ran the generator already) never uses.
    from build_scripts.cli import main  # noqa: PLC0415 - only `mkdocs serve` needs it

    source = os.environ.get("SOURCE", "source/ecosoc-resolution-2010-18.md")
    if main(["--source", source, "--docs", config["docs_dir"], "--quiet"]) != 0:
        raise Abort("the source has errors (listed above); the site was not rebuilt")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave lunr's language support (96 files, 1.5 MB) out of a site that
    is searched in English alone: Material's search worker loads it only
    for another language. The offline bundle would drop it anyway."""
    if _search_languages(config) == ["en"]:
        for file in [file for file in files if lunr_languages(file.src_uri)]:
            files.remove(file)
    return files


def _search_languages(config: MkDocsConfig) -> list[str] | None:
    """The languages Material's search plugin was set up for (its on_config
    has run), or None without it."""
    for plugin in config["plugins"].values():
        if type(plugin).__module__ == "material.plugins.search.plugin":
            return list(plugin.config.lang or [])
    return None


def on_env(env: jinja2.Environment, config: MkDocsConfig, **kwargs: Any) -> jinja2.Environment:
    # The compiled code also depends on the environment's options, which
    # come with MkDocs and the theme: a new version gets a cache of its own.
    versions = "-".join(f"{name}-{version(name)}" for name in ("jinja2", "mkdocs", "mkdocs-material"))
    cache = Path(config["config_file_path"]).resolve().parent / ".cache" / "jinja" / versions
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))
    return env


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for key in ("site_name", "site_description"):
        if config.get(key):
            config[key] = Markup(config[key])
    config["nav"] = _escaped_nav(config.get("nav"))
    return config


def _escaped_nav(nav: object) -> object:
    # Navigation entries: a list of {title: path or list}, or bare paths.
    if isinstance(nav, list):
        return [_escaped_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {Markup(title): _escaped_nav(value) for title, value in nav.items()}
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = Markup(page.meta[key])
    return markdown


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """The offline bundle's pages (file URLs, `use_directory_urls: false`)
    keep the public, directory-style canonical address of the online page;
    each page shows its window of the navigation."""
    if not config["use_directory_urls"] and config.get("site_url"):
        page.canonical_url = config["site_url"] + page_url(page.file.src_uri)
    context["nav"] = window(nav)
    return context
