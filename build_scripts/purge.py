"""Material's stylesheets without the rules this site never uses (an MkDocs
hook, in the online build and the offline bundle alike).

Material ships one stylesheet for every feature it has; a paragraph page
uses a fraction of it. After MkDocs has written every page, PurgeCSS
(pinned in package-lock.json) reads the whole site — pages, Material's
bundle, the site's own scripts — and keeps only the rules that can match;
build_scripts/purge_css.mjs holds the safelist for what Material's
JavaScript adds at run time. First-load budget: tests/test_accessibility.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

SCRIPT = Path(__file__).with_name("purge_css.mjs")


def node_modules(config: MkDocsConfig) -> Path:
    """The project's node_modules/ (beside mkdocs.yml), where `npm ci` put PurgeCSS."""
    return Path(config["config_file_path"]).resolve().parent / "node_modules"


def purge(site: Path, modules: Path) -> None:
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
    purge(Path(config["site_dir"]), node_modules(config))
