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
about beside them (``<digest>.asked.json``). After an edit to the words,
build_scripts/purge_key.py reads the selectors in Python, as the script
does, and their digest (``<digest>.selectors``) names the key: Node runs
only when they changed, or the stylesheets, the script or the packages.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from build_scripts import memo, purge_key

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


def _read(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(p for p in site.rglob("*") if p.suffix in READ and p.is_file())}


def _digest(parts: Mapping[str, bytes], features: Sequence[str]) -> str:
    return memo.key(json.dumps(list(features)), *(part for pair in parts.items() for part in pair))


def _fixed(modules: Path) -> dict[str, bytes]:
    """What the script's result depends on besides the site: the script
    and the installed packages (PurgeCSS's version among them)."""
    parts = {"script": SCRIPT.read_bytes()}
    for name in (".package-lock.json", "purgecss/package.json"):
        path = modules / name
        parts[name] = path.read_bytes() if path.is_file() else b""
    return parts


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


def _remember(shortcut: Path, key: str) -> None:
    shortcut.parent.mkdir(parents=True, exist_ok=True)
    partial = shortcut.with_name(f"{shortcut.name}.{os.getpid()}.tmp")
    partial.write_text(key, encoding="ascii")
    os.replace(partial, shortcut)


def _prune(cache: Path) -> None:
    # KEEP of each kind: results (<key>/), shortcuts (.key, .selectors),
    # what the stylesheets' selectors ask (.json, written by purge_css.mjs)
    # and what was kept of each file (.kept, purge_key.py).
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


def purge(site: Path, modules: Path, cache: Path, features: Sequence[str] = ()) -> Purged:
    """Purge the stylesheets of the built ``site``; ``features`` are
    Material's (theme.features)."""
    read = _read(site)
    fixed = _fixed(modules)
    files = _digest({**fixed, **read}, features)
    shortcut = cache / f"{files}.key"
    if shortcut.is_file():
        key = shortcut.read_text(encoding="ascii")
        if _restore(cache / key, site):
            os.utime(shortcut)
            return Purged(key, ran=False)
    site_files = purge_key.SiteFiles.of(read)
    # The selectors' lists depend on the stylesheets and on the script and
    # packages that read them: named by their digest, written by the script.
    asked = cache / f"{_digest({**fixed, **{rel: read[rel] for rel in site_files.stylesheets}}, ())}.asked.json"
    selected = _selected(site, read, site_files, asked, cache, features)
    if selected is not None and (cache / selected).is_file():
        key = (cache / selected).read_text(encoding="ascii")
        if _restore(cache / key, site):
            os.utime(cache / selected)
            _remember(shortcut, key)
            return Purged(key, ran=False)
    outcome = run_purgecss(site, modules, cache, asked, features)
    if not outcome.ran and not _restore(cache / outcome.key, site):
        outcome = run_purgecss(site, modules, None, None, features)
    if outcome.ran:
        _store(site, cache, outcome.key)
    _remember(shortcut, outcome.key)
    selected = selected or _selected(site, read, site_files, asked, cache, features)
    if selected is not None:
        _remember(cache / selected, outcome.key)
    _prune(cache)
    return outcome


def _selected(site: Path, read: Mapping[str, bytes], site_files: purge_key.SiteFiles, asked_file: Path,
              cache: Path, features: Sequence[str]) -> str | None:
    """The name of the shortcut from what the key holds of the site (its
    selectors, read in Python) to the key; None before the script has
    written what the stylesheets' selectors ask (the first build), or
    when the site holds what Python cannot read as the script does."""
    asked = purge_key.Asked.read(asked_file)
    if asked is None:
        return None
    memo = purge_key.Memo(cache / f"{hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]}.kept",
                          asked_file.name)
    found = purge_key.selectors(site_files, read, asked, memo)
    if found is None:
        return None
    memo.save()
    return purge_key.digest({"asked": asked_file.name, "features": list(features), **found}) + ".selectors"


def run_purgecss(site: Path, modules: Path, cache: Path | None, asked: Path | None = None,
                 features: Sequence[str] = ()) -> Purged:
    """Run purge_css.mjs on the site: it leaves the site as it is when
    ``cache`` holds the result for its key already. ``asked``: where the
    script keeps what the stylesheets' selectors ask about."""
    node = shutil.which("node")
    if node is None or not (modules / "purgecss").is_dir():
        raise Abort(f"{modules / 'purgecss'}: error: PurgeCSS is not installed; run 'npm ci' "
                    "(make build does) with Node.js on the PATH")
    # Node resolves "purgecss" from the script's folder up: build_scripts/
    # sits beside node_modules/.
    command = [node, str(SCRIPT), str(site)] + ([str(cache)] if cache is not None else [])
    command += [str(asked)] if cache is not None and asked is not None else []
    command += [f"--features={','.join(features)}"]
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
    purge(Path(config["site_dir"]), modules, modules.parent / ".cache" / "purge", config["theme"]["features"])
