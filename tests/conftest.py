"""Shared fixtures: a site built from a clean copy of the project, served
over HTTP for browser tests, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import copy
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest
from bs4 import Tag

from build_scripts.measure import naive_project
from build_scripts.write import MANIFEST, read_manifest

if TYPE_CHECKING:  # Playwright is imported only by the browser fixture
    from playwright.sync_api import Browser, BrowserContext, Page, Route

ROOT = Path(__file__).resolve().parent.parent
SEED = "source/ecosoc-resolution-2010-18.md"
PUBLIC_ADDRESS = "https://salvador-reader.github.io/"
"""The public address the tests publish under (SITE_URL): not the real one,
which is not known, but one that is not reserved either. At a host's top
folder, so that the link crawl of the locally served site also holds for
404.html, whose links MkDocs makes absolute under the address's path."""
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


# Fixtures that build a site or start a browser: a test that uses one is
# marked "build" (make mutate leaves those out; each takes seconds).
BUILD_FIXTURES = {"built_site", "second_build", "offline_bundle", "offline_site", "site_url", "browser", "page",
                  "corpus_site", "stock_site", "clip_page", "offline_page"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


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
    docs = ROOT / "docs"
    return {docs / p for p in read_manifest(docs)} | {docs / MANIFEST}


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


def run(args: list[str], cwd: Path, check: bool = True, source: str = SEED,
        site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """``site_url``: SITE_URL for this run (never inherited from the
    environment the tests run in)."""
    # SOURCE tells the MkDocs hook which document to regenerate.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SOURCE": source,
           "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("SITE_URL", None)
    if site_url is not None:
        env["SITE_URL"] = site_url
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
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


# Elements whose edges are word boundaries in the rendered text; inline
# elements (a footnote mark, a link, italics) are not.
BLOCK_ELEMENTS = ["p", "li", "ol", "ul", "div", "section", "article", "aside", "nav", "header", "footer",
                  "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr", "td", "th", "details",
                  "summary", "figure", "figcaption", "dl", "dt", "dd", "hr", "pre"]


def one(element: Tag, selector: str) -> Tag:
    """The element ``selector`` finds in ``element``; the test fails if none."""
    found = element.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def rendered_words(element: Tag) -> list[str]:
    """The words a reader sees in ``element``, split where the browser would
    break them: at white space, line breaks and block edges, never between
    two inline elements ("Corruption<sup>7</sup>," with the mark removed is
    "Corruption,", one word). Works on a copy."""
    element = copy.copy(element)
    for br in element.find_all("br"):
        br.replace_with("\n")
    for block in element.find_all(BLOCK_ELEMENTS):
        block.insert(0, "\n")
        block.append("\n")
    return element.get_text().split()


def build_naive(directory: Path, offline: bool = False) -> Path:
    """The naive alternative: the source as one page in stock Material for
    MkDocs (font: false), with the offline plugin for the bundle's baseline."""
    naive_project(directory, ROOT / SEED, offline)
    run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(directory / "site")], directory)
    return directory / "site"


SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
# Two builds of one commit must agree: the tests fix the date MkDocs uses.
SOURCE_DATE_EPOCH = "1700000000"


def build_site(project: Path, source: str = SEED, offline_only: bool = False, check: bool = True,
               site_url: str | None = None):
    """What `make build` (or `make offline`) does, in a project copy;
    ``site_url`` as `make build SITE_URL=…`."""
    if not SHIM.is_file():
        pytest.fail(f"{SHIM} is missing: run 'npm ci' (make test does)")
    args = [sys.executable, "-m", "build_scripts.site_build", "--source", source, "--shim", str(SHIM)]
    result = run(args + (["--offline-only"] if offline_only else []), project, check=check, source=source,
                 site_url=site_url)
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
    """The seed as published: `make build SITE_URL=<PUBLIC_ADDRESS>`."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    return build_site(project, site_url=PUBLIC_ADDRESS)


@pytest.fixture(scope="session")
def unaddressed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The seed as a newcomer's first `make build`: no public address."""
    project = copy_project(tmp_path_factory.mktemp("unaddressed"))
    return build_site(project)


@pytest.fixture(scope="session")
def second_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The same commit built again in another, deeper directory."""
    project = copy_project(tmp_path_factory.mktemp("elsewhere") / "another" / "checkout")
    return build_site(project, site_url=PUBLIC_ADDRESS)


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("figures measured in this run")
        for line in FIGURES:
            terminalreporter.write_line(line)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
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


def missing(what: str, environ: Mapping[str, str] = os.environ) -> NoReturn:
    """A browser test cannot run: under CI (``CI=true``) that fails the run,
    so that a broken set-up never passes as a green run of skipped tests;
    on a developer's machine it skips."""
    if environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(what)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        import playwright.sync_api as playwright_api  # noqa: PLC0415 - only browser tests need it
    except ImportError:
        missing("Playwright is not installed: run 'make test' (it installs requirements-test.txt)")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run tools/ensure-chromium.sh (make test does)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def block_requests(context: BrowserContext, allowed_prefix: str) -> list[str]:
    """Let the context load only URLs that start with ``allowed_prefix``;
    block every other request and return the list they are recorded in."""
    blocked: list[str] = []

    def handle(route: Route) -> None:
        if route.request.url.startswith(allowed_prefix):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return blocked


def tab_until(page: Page, predicate: str, what: str, limit: int) -> None:
    """Press Tab until ``predicate`` (a JavaScript expression about ``el``,
    the focused element) holds; fail saying ``what`` was never reached
    within ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    pytest.fail(f"Tab never reached {what}")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
