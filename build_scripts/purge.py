"""Material's stylesheets without the rules this site never uses (an MkDocs
hook, in the online build and the offline bundle alike).

Material ships one stylesheet for every feature it has; a paragraph page
uses a fraction of it. After MkDocs has written every page, PurgeCSS
(pinned in package-lock.json) reads the whole site — pages, Material's
bundle, the site's own scripts — and keeps only the rules that can match;
build_scripts/purge_css.mjs holds the safelist for what Material's
JavaScript adds at run time. First-load budget: tests/test_accessibility.py.

What PurgeCSS writes depends only on the files it reads, the script and
the installed PurgeCSS: it is kept in a cache (``.cache/purge/<digest>/``,
by the digest of all of them) and reused when a build gives the same
site again, rather than run again (half a second a build).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

SCRIPT = Path(__file__).with_name("purge_css.mjs")


def node_modules(config: MkDocsConfig) -> Path:
    """The project's node_modules/ (beside mkdocs.yml), where `npm ci` put PurgeCSS."""
    return Path(config["config_file_path"]).resolve().parent / "node_modules"


# What PurgeCSS reads (a superset: a file that changes and is not read only
# costs a run) and what it rewrites.
READ = (".html", ".js", ".css")
STYLESHEETS = Path("assets", "stylesheets")
# Cached results kept: the online site's and the offline bundle's, for
# the two latest sources built.
KEEP = 4


def _digest(site: Path, modules: Path) -> str:
    digest = hashlib.sha256(SCRIPT.read_bytes())
    lock = modules / ".package-lock.json"
    digest.update(lock.read_bytes() if lock.is_file() else b"")
    for path in sorted(p for p in site.rglob("*") if p.suffix in READ and p.is_file()):
        rel = path.relative_to(site).as_posix().encode()
        data = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(rel), rel, len(data)) + data)
    return digest.hexdigest()


def _purged(site: Path) -> list[Path]:
    # The stylesheets purge_css.mjs rewrites (any *.min.css under assets/stylesheets/).
    return sorted(p.relative_to(site) for p in (site / STYLESHEETS).rglob("*.min.css"))


def purge(site: Path, modules: Path, cache: Path) -> None:
    key = _digest(site, modules)
    kept = cache / key
    if kept.is_dir():
        for rel in _purged(kept):
            shutil.copyfile(kept / rel, site / rel)
            (site / rel).with_name(rel.name + ".map").unlink(missing_ok=True)
        os.utime(kept)
        return
    run_purgecss(site, modules)
    # Stored whole or not at all (renamed into place when complete).
    partial = cache / f"{key}.{os.getpid()}.tmp"
    shutil.rmtree(partial, ignore_errors=True)
    for rel in _purged(site):
        (partial / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / rel, partial / rel)
    try:
        partial.rename(kept)
    except OSError:  # another build stored the same result meanwhile
        shutil.rmtree(partial, ignore_errors=True)
    entries = sorted((p for p in cache.iterdir() if not p.name.endswith(".tmp")), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


def run_purgecss(site: Path, modules: Path) -> None:
    node = shutil.which("node")
    if node is None or not (modules / "purgecss").is_dir():
        raise Abort(f"{modules / 'purgecss'}: error: PurgeCSS is not installed; run 'npm ci' "
                    "(make build does) with Node.js on the PATH")
    # Node resolves "purgecss" from the script's folder up: build_scripts/
    # sits beside node_modules/.
    result = subprocess.run([node, str(SCRIPT), str(site)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise Abort(f"{SCRIPT}: error: PurgeCSS failed on {site}:\n{result.stderr.strip()}")


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    modules = node_modules(config)
    purge(Path(config["site_dir"]), modules, modules.parent / ".cache" / "purge")
