"""Shared fixtures: a site built from a clean copy of the project, served
over HTTP for browser tests, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # for bench.measure, shared with make bench
    sys.path.insert(0, str(ROOT))
SEED = "source/ecosoc-resolution-2010-18.md"
CHROMIUM = "/usr/bin/chromium"
# Without these flags Chromium tries to reach Google's hosts at start-up,
# which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What a copy of the project needs to build (no .venv, site/, .git).
PROJECT_FILES = ["mkdocs.yml", "mkdocs.offline.yml", "build_scripts", "source", "overrides", "docs"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files under tests/golden/ from the current output",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def _generated_in_working_tree() -> set[Path]:
    manifest = ROOT / "docs" / ".generated.json"
    if not manifest.exists():
        return set()
    return {ROOT / "docs" / p for p in json.loads(manifest.read_text(encoding="utf-8"))} | {manifest}


def copy_project(destination: Path) -> Path:
    """Copy what the project needs to build, without generated pages that
    `make build` may have left in the working tree's docs/."""
    generated = _generated_in_working_tree()

    def ignore(directory: str, names: list[str]) -> set[str]:
        return {n for n in names if n == "__pycache__" or Path(directory, n) in generated}

    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)
    # The build runs PurgeCSS from the project's node_modules/ (npm ci).
    (destination / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return destination


def run(args: list[str], cwd: Path, check: bool = True, source: str = SEED) -> subprocess.CompletedProcess[str]:
    # SOURCE tells the MkDocs hook which document to regenerate.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SOURCE": source,
           "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@dataclass(frozen=True)
class BuiltSite:
    project: Path
    """The clean copy of the project the site was built in."""
    site: Path
    """The built HTML (what `make build` leaves in site/)."""
    build_log: str
    """What the build printed (MkDocs' output included)."""


@dataclass(frozen=True)
class Bundle:
    zip: Path
    sha256: Path
    root: Path
    """The unzipped bundle's top folder."""


def build_naive(directory: Path, offline: bool = False) -> Path:
    """The naive alternative: the source as one page in stock Material for
    MkDocs (font: false), with the offline plugin for the bundle's baseline."""
    from bench.measure import NAIVE_CONFIG  # noqa: PLC0415

    (directory / "docs").mkdir(parents=True)
    shutil.copy(ROOT / SEED, directory / "docs" / "index.md")
    config = NAIVE_CONFIG + ("plugins:\n  - search\n  - offline\n" if offline else "")
    (directory / "mkdocs.yml").write_text(config, encoding="utf-8")
    run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(directory / "site")], directory)
    return directory / "site"


SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
# Two builds of one commit must agree: the tests fix the date MkDocs uses.
SOURCE_DATE_EPOCH = "1700000000"


def build_site(project: Path, source: str = SEED, offline_only: bool = False, check: bool = True):
    """What `make build` (or `make offline`) does, in a project copy."""
    if not SHIM.is_file():
        pytest.fail(f"{SHIM} is missing: run 'npm ci' (make test does)")
    args = [sys.executable, "-m", "build_scripts.site_build", "--source", source, "--shim", str(SHIM)]
    result = run(args + (["--offline-only"] if offline_only else []), project, check=check, source=source)
    if not check:
        return result
    return BuiltSite(project, project / "site", result.stdout + result.stderr)


def unzip_bundle(project: Path, source: str = SEED) -> Bundle:
    name = Path(source).stem + "-offline"
    zip_path = project / "dist" / f"{name}.zip"
    unzipped = project / "unzipped"
    shutil.rmtree(unzipped, ignore_errors=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(unzipped)
    return Bundle(zip_path, project / "dist" / f"{name}.zip.sha256", unzipped / name)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("project"))
    return build_site(project)


@pytest.fixture(scope="session")
def second_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The same commit built again in another, deeper directory."""
    project = copy_project(tmp_path_factory.mktemp("elsewhere") / "another" / "checkout")
    return build_site(project)


@pytest.fixture(scope="session")
def offline_bundle(built_site: BuiltSite) -> Bundle:
    return unzip_bundle(built_site.project)


@pytest.fixture(scope="session")
def offline_site(offline_bundle: Bundle) -> Path:
    """The unzipped offline bundle, opened from file://."""
    return offline_bundle.root


FIGURES: list[str] = []


def report(line: str) -> None:
    """A measured figure, printed at the end of the test run."""
    FIGURES.append(line)


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001 - pytest's hook
    if FIGURES:
        terminalreporter.section("figures measured in this run")
        for line in FIGURES:
            terminalreporter.write_line(line)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    with serve(built_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run tools/ensure-chromium.sh (make test does)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def block_requests(context, allowed_prefix: str) -> list[str]:  # noqa: ANN001 - a Playwright context
    """Let the context load only URLs that start with ``allowed_prefix``;
    block every other request and return the list they are recorded in."""
    blocked: list[str] = []

    def handle(route) -> None:  # noqa: ANN001
        if route.request.url.startswith(allowed_prefix):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return blocked


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201 - Playwright objects
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
