"""``mkdocs build``, started before its pages exist.

``python -m build_scripts.mkdocs_build ARGS…`` imports what a build of this
site uses (MkDocs, Material's plugins, the Markdown extensions, the hooks'
modules), then waits for one line on its standard input: ``go`` runs
``mkdocs build ARGS…``; anything else (the input closed: the generator
failed) ends it, quietly, with nothing built. build_scripts.site_build
starts the online and the offline build this way while the generator is
still writing the pages: their imports (a quarter of a second each) then
take the core the generator leaves idle.
"""

from __future__ import annotations

import sys

# What every build of this site imports anyway, loaded before the pages
# exist.
import markdown.extensions.admonition
import markdown.extensions.attr_list
import markdown.extensions.md_in_html
import markdown.extensions.tables
import markdown.extensions.toc  # noqa: F401
import material.plugins.offline.plugin  # type: ignore[import-untyped]
import material.plugins.search.plugin  # type: ignore[import-untyped]
import material.plugins.tags.plugin  # type: ignore[import-untyped]  # noqa: F401
import mkdocs.commands.build  # noqa: F401
import rcssmin  # type: ignore[import-untyped]  # noqa: F401
import rjsmin  # type: ignore[import-untyped]  # noqa: F401
from mkdocs.__main__ import cli

import build_scripts.ids
import build_scripts.listing  # noqa: F401


def main(argv: list[str]) -> int:
    if sys.stdin.readline() != "go\n":
        return 0
    # click exits with the build's status (1 on a warning under --strict).
    cli(["build", *argv], prog_name="mkdocs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
