"""MkDocs builds, started before their pages exist, from one import.

``python -m build_scripts.mkdocs_build BUILDS`` imports what a build of
this site uses (MkDocs, Material's plugins, the Markdown extensions, the
hooks' modules), then waits for one line on its standard input: ``go``
forks one process per build (BUILDS, JSON: each build's arguments to
``mkdocs build``, the file descriptor its messages go to and the one its
exit status is written to), so that the builds run side by side from
what was imported once; anything else (the input closed: the generator
failed) ends it, quietly, with nothing built. build_scripts.site_build
starts it while the generator is still writing the pages: the imports
(a quarter of a second) then take the core the generator leaves idle.
"""

from __future__ import annotations

import json
import os
import sys
import traceback

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


def _build(args: list[str], output: int) -> int:
    """``mkdocs build ARGS…`` with its messages to ``output``: its exit
    status, as if it had been a process of its own."""
    os.dup2(output, 1)
    os.dup2(output, 2)
    try:
        # click exits with the build's status (1 on a warning under --strict).
        cli(["build", *args], prog_name="mkdocs")
    except SystemExit as end:
        if end.code is None or isinstance(end.code, int):
            return end.code or 0
        print(end.code, file=sys.stderr)
        return 1
    except BaseException:  # as Python itself would report it
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return 0


def main(argv: list[str]) -> int:
    builds = json.loads(argv[0])
    if sys.stdin.readline() != "go\n":
        return 0
    running: dict[int, int] = {}
    for build in builds:
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                for other in builds:
                    os.close(other["status"])
                status = _build(build["args"], build["output"])
            finally:
                # No clean-up of the parent's: it goes on with its own.
                os._exit(status)
        running[pid] = build["status"]
        os.close(build["output"])
    while running:
        pid, status = os.wait()
        if pid in running:
            descriptor = running.pop(pid)
            os.write(descriptor, b"%d\n" % os.waitstatus_to_exitcode(status))
            os.close(descriptor)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
