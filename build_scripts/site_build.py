"""Build the site and the offline bundle atomically.

``python -m build_scripts.site_build [--source PATH] [--offline-only]``

Everything is built in staging directories beside the real ones:
``docs.next/`` (a copy of ``docs/`` with the pages regenerated),
``site.next/`` and ``dist.next/``. Only when every step has succeeded are
they swapped in, so a failed build — bad input, a broken link under
``--strict``, a missing tool — leaves ``docs/``, ``site/`` and ``dist/``
exactly as they were, and a successful one replaces them whole.

MkDocs reads ``docs_dir`` from the ``DOCS_DIR`` environment variable
(``mkdocs.yml``: ``docs_dir: !ENV [DOCS_DIR, docs]``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import sitemap
from .bundle import BundleError, check_shim, package
from .cli import main as generate
from .precompress import precompress

STAGING = ("docs.next", "site.next", "dist.next")


class BuildFailed(Exception):
    """A step failed; the message says which and why (details printed above)."""


def _mkdocs(args: list[str], docs: Path) -> None:
    env = {**os.environ, "DOCS_DIR": str(docs), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], env=env, check=False)
    if result.returncode != 0:
        raise BuildFailed(f"mkdocs build {' '.join(args)} failed (exit status {result.returncode}; "
                          "its messages are above)")


def _swap(staged: Path, live: Path) -> None:
    old = live.with_name(live.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        live.rename(old)
    staged.rename(live)
    shutil.rmtree(old, ignore_errors=True)


def build(source: Path, root: Path, offline_only: bool, shim: Path) -> None:
    # What the last step needs is checked before the first one runs.
    check_shim(shim)
    docs, site, dist = (root / name for name in STAGING)
    for staging in (docs, site, dist):
        shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(root / "docs", docs)
    if generate(["--source", str(source), "--docs", str(docs), "--quiet"]) != 0:
        raise BuildFailed(f"{source} has errors (listed above)")

    name = source.stem + "-offline"
    offline_site = dist / name
    _mkdocs(["-f", "mkdocs.offline.yml", "--site-dir", str(offline_site)], docs)
    package(offline_site, name, dist, shim)
    shutil.rmtree(offline_site)
    if not offline_only:
        _mkdocs(["--site-dir", str(site)], docs)
        sitemap.finish(site, source)
        precompress(site)
        (site / "downloads").mkdir()
        for built in sorted(dist.iterdir()):
            shutil.copy2(built, site / "downloads" / built.name)

    # Every step succeeded: swap the staged trees in.
    _swap(docs, root / "docs")
    _swap(dist, root / "dist")
    if not offline_only:
        _swap(site, root / "site")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.site_build", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("source/ecosoc-resolution-2010-18.md"))
    parser.add_argument("--offline-only", action="store_true", help="build dist/ only, not site/")
    parser.add_argument("--shim", type=Path, default=Path("node_modules/iframe-worker/shim/index.js"))
    args = parser.parse_args(argv)
    root = Path.cwd()
    try:
        build(args.source, root, args.offline_only, args.shim)
    except (BuildFailed, BundleError) as failure:
        for staging in STAGING:
            shutil.rmtree(root / staging, ignore_errors=True)
        # The cause first: the reader acts on it.
        print(f"error: {failure}", file=sys.stderr)
        print("build failed; docs/, site/ and dist/ are as they were.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
