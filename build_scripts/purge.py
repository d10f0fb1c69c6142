"""Material's stylesheets without the rules this site never uses (an MkDocs
hook, in the online build and the offline bundle alike).

Material ships one stylesheet for every feature it has; a paragraph page
uses a fraction of it. After MkDocs has written every page, PurgeCSS
(pinned in package-lock.json) reads the whole site — pages, Material's
bundle, the site's own scripts — and keeps only the rules that can match;
build_scripts/purge_css.mjs holds the safelist for what Material's
JavaScript adds at run time. First-load budget: tests/test_accessibility.py.

What PurgeCSS writes depends on the pages only through what the
stylesheets' selectors can ask about (element and attribute names,
classes, ids, a few attribute values), not on the words of the text:
purge_css.mjs extracts exactly that, gives PurgeCSS that alone, and names
it by its digest, the key. Its result is kept in ``.cache/purge/<key>/``
and reused for any site with the same key — the same site again, or one
whose pages differ only in their words — rather than run again (half a
second a build). When nothing at all changed, the digest of every file
the script reads (``.cache/purge/<digest>.key``) names the key without
running Node; the script keeps what the stylesheets' selectors ask
about beside them (``<digest>.asked.json``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

SCRIPT = Path(__file__).with_name("purge_css.mjs")


def node_modules(config: MkDocsConfig) -> Path:
    """The project's node_modules/ (beside mkdocs.yml), where `npm ci` put PurgeCSS."""
    return Path(config["config_file_path"]).resolve().parent / "node_modules"


# What purge_css.mjs reads (a superset: a file that changes and is not
# read only costs a run of the script) and what it rewrites.
READ = (".html", ".js", ".css")
STYLESHEETS = Path("assets", "stylesheets")
# Cached results kept (and as many shortcuts from a site's digest to its
# key): the online site's and the offline bundle's, for the two latest
# sources built.
KEEP = 4


@dataclass(frozen=True)
class Purged:
    key: str  # the digest of what PurgeCSS's result depends on (purge_css.mjs)
    ran: bool  # PurgeCSS ran; False: the cached result was used


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


def _restore(kept: Path, site: Path) -> bool:
    """Copy the kept stylesheets into the site; False, leaving the site
    untouched, when another build removed them (or is removing them)
    meanwhile."""
    try:
        stylesheets = {rel: (kept / rel).read_bytes() for rel in _purged(kept)}
    except FileNotFoundError:
        return False
    if sorted(stylesheets) != _purged(site):
        return False
    for rel, data in stylesheets.items():
        (site / rel).write_bytes(data)
        (site / rel).with_name(rel.name + ".map").unlink(missing_ok=True)
    os.utime(kept)
    return True


def _store(site: Path, cache: Path, key: str) -> None:
    # Stored whole or not at all (renamed into place when complete).
    kept = cache / key
    partial = cache / f"{key}.{os.getpid()}.tmp"
    shutil.rmtree(partial, ignore_errors=True)
    for rel in _purged(site):
        (partial / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / rel, partial / rel)
    try:
        partial.rename(kept)
    except OSError:  # another build stored the same result meanwhile
        shutil.rmtree(partial, ignore_errors=True)


def _remember(cache: Path, files: str, key: str) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    partial = cache / f"{files}.{os.getpid()}.tmp"
    partial.write_text(key, encoding="ascii")
    os.replace(partial, cache / f"{files}.key")


def _prune(cache: Path) -> None:
    # KEEP of each kind: results (<key>/), shortcuts (.key) and what
    # the stylesheets' selectors ask (.json, written by purge_css.mjs).
    kinds: dict[str, list[Path]] = {}
    for entry in cache.iterdir():
        if not entry.name.endswith(".tmp"):
            kinds.setdefault(entry.suffix, []).append(entry)
    for entries in kinds.values():
        for old in sorted(entries, key=lambda p: p.stat().st_mtime)[:-KEEP]:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)


def purge(site: Path, modules: Path, cache: Path) -> Purged:
    files = _digest(site, modules)
    shortcut = cache / f"{files}.key"
    if shortcut.is_file():
        key = shortcut.read_text(encoding="ascii")
        if _restore(cache / key, site):
            os.utime(shortcut)
            return Purged(key, ran=False)
    outcome = run_purgecss(site, modules, cache)
    if not outcome.ran and not _restore(cache / outcome.key, site):
        outcome = run_purgecss(site, modules, None)
    if outcome.ran:
        _store(site, cache, outcome.key)
    _remember(cache, files, outcome.key)
    _prune(cache)
    return outcome


def run_purgecss(site: Path, modules: Path, cache: Path | None) -> Purged:
    """Run purge_css.mjs on the site: it leaves the site as it is when
    ``cache`` holds the result for its key already."""
    node = shutil.which("node")
    if node is None or not (modules / "purgecss").is_dir():
        raise Abort(f"{modules / 'purgecss'}: error: PurgeCSS is not installed; run 'npm ci' "
                    "(make build does) with Node.js on the PATH")
    # Node resolves "purgecss" from the script's folder up: build_scripts/
    # sits beside node_modules/.
    command = [node, str(SCRIPT), str(site)] + ([str(cache)] if cache is not None else [])
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise Abort(f"{SCRIPT}: error: PurgeCSS failed on {site}:\n{result.stderr.strip()}")
    try:
        answer = json.loads(result.stdout)
        return Purged(str(answer["key"]), ran=bool(answer["purged"]))
    except (ValueError, KeyError, TypeError):
        raise Abort(f"{SCRIPT}: error: PurgeCSS gave no key for {site}: {result.stdout.strip()!r}") from None


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    modules = node_modules(config)
    purge(Path(config["site_dir"]), modules, modules.parent / ".cache" / "purge")
