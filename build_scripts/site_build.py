"""Build the site and the offline bundle atomically.

``python -m build_scripts.site_build [--source PATH] [--offline-only]``

Everything is built in staging directories beside the real ones:
``docs.next/`` (a copy of ``docs/`` with the pages regenerated),
``site.next/`` and ``dist.next/``. Only when every step has succeeded are
they swapped in, so a failed build — bad input, a broken link under
``--strict``, a missing tool — leaves ``docs/``, ``site/`` and ``dist/``
exactly as they were, and a successful one replaces them whole.

The online site and the offline bundle are built side by side (two
``mkdocs build`` processes, one a core, forked from one that imports what
they need once, started while the generator runs so that its imports take
the core the generator leaves idle); each one's next step
(packaging the bundle; the sitemap and precompressed copies of the site)
runs as soon as its build ends. A rebuild reuses what has not changed,
kept in ``.cache/``: the generator's output (build_scripts/unchanged.py),
the theme's compiled templates (mkdocs_hooks), PurgeCSS's results (purge)
and the compressed copies (precompress); each is checked against what it
was made from, so the bytes are those of a build from nothing.

MkDocs reads ``docs_dir`` from the ``DOCS_DIR`` environment variable
(``mkdocs.yml``: ``docs_dir: !ENV [DOCS_DIR, docs]``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import IO

from . import sitemap
from .bundle import BundleError, check_shim, package
from .precompress import precompress
from .unchanged import Generation, inputs, outputs, record, unchanged

STAGING = ("docs.next", "site.next", "dist.next")
# Compressed copies of the site's files, reused while a file is unchanged
# (build_scripts/precompress.py).
PRECOMPRESS_CACHE = Path(".cache", "precompress")
# What the last generation read and wrote (build_scripts/unchanged.py).
GENERATE_CACHE = Path(".cache", "generate")


class Timings:
    """When each step started and ended, for ``--timings`` (make bench
    prints them): steps run side by side, so each is shown as a span."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.spans: list[tuple[str, float, float]] = []

    @contextlib.contextmanager
    def step(self, label: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.spans.append((label, start - self.start, time.perf_counter() - self.start))

    def report(self) -> str:
        return "".join(f"timing: {label}: {end - start:.2f} s ({start:.2f}–{end:.2f})\n"
                       for label, start, end in sorted(self.spans, key=lambda span: span[1:]))


class BuildFailed(Exception):
    """A step failed; the message says which and why (details printed above)."""


class _Launcher:
    """The process the MkDocs builds are forked from
    (build_scripts.mkdocs_build): started before the generator runs, it
    imports what they need once, then waits for :meth:`go`. Every build
    and the launcher are one process group, stopped together."""

    def __init__(self, builds: list[_MkDocs], docs: Path, output: IO[bytes]) -> None:
        self.stopped = False
        self.output = output
        self._lock = threading.Lock()
        self._reported = False
        env = {**os.environ, "DOCS_DIR": str(docs), "NO_MKDOCS_2_WARNING": "1"}
        spec = [{"args": ["--strict", *build.args], "output": build.output.fileno(), "status": build.status_write}
                for build in builds]
        descriptors = [fd for build in builds for fd in (build.output.fileno(), build.status_write)]
        self._process = subprocess.Popen([sys.executable, "-m", "build_scripts.mkdocs_build", json.dumps(spec)],
                                         env=env, stdin=subprocess.PIPE, stdout=output, stderr=subprocess.STDOUT,
                                         pass_fds=descriptors, start_new_session=True)
        for build in builds:
            os.close(build.status_write)

    def go(self) -> None:
        """The pages are written: build them."""
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(b"go\n")
            self._process.stdin.close()
        except BrokenPipeError:
            # It ended while importing (a package missing?): the builds'
            # wait() prints what it said and its exit status.
            pass

    def ended_early(self) -> int:
        """The launcher's exit status, once it has ended without forking
        the builds; what it said is printed once, whichever build asks."""
        status = self._process.wait()
        with self._lock:
            if not self._reported:
                self._reported = True
                self.output.seek(0)
                sys.stderr.write(self.output.read().decode("utf-8", "replace"))
                sys.stderr.flush()
        return status

    def stop(self) -> None:
        """End every build and the launcher if they still run or wait."""
        if self._process.poll() is None:
            self.stopped = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGTERM)
        if self._process.stdin is not None:
            with contextlib.suppress(BrokenPipeError):
                self._process.stdin.close()
        self._process.wait()


class _MkDocs:
    """One ``mkdocs build --strict``, forked from the launcher when the
    pages are written; its output held back until it ends: two builds run
    side by side, and their messages are printed each in one piece rather
    than interleaved."""

    def __init__(self, label: str, args: list[str], output: IO[bytes]) -> None:
        self.label = label
        self.args = args
        self.output = output
        self.started = time.perf_counter()
        self.status_read, self.status_write = os.pipe()
        self.launcher: _Launcher | None = None

    def wait(self) -> None:
        assert self.launcher is not None
        reported = b""
        while chunk := os.read(self.status_read, 64):
            reported += chunk
        if self.launcher.stopped:
            # Another step failed first: that failure is the one reported,
            # and what follows this build does not run.
            raise BuildFailed(f"mkdocs build {' '.join(self.args)} was stopped")
        if not reported:
            # The launcher ended before it could fork this build: what it
            # said (an import that failed?) is in its own output.
            status = self.launcher.ended_early()
            raise BuildFailed(f"mkdocs build {' '.join(self.args)} did not start (exit status {status}; "
                              "its messages are above)")
        self.output.seek(0)
        sys.stderr.write(self.output.read().decode("utf-8", "replace"))
        sys.stderr.flush()
        returncode = int(reported)
        if returncode != 0:
            raise BuildFailed(f"mkdocs build {' '.join(self.args)} failed (exit status {returncode}; "
                              "its messages are above)")


@contextlib.contextmanager
def _started(builds: list[tuple[str, list[str]]], docs: Path) -> Iterator[tuple[_Launcher, list[_MkDocs]]]:
    """The MkDocs builds' launcher, started and waiting for their pages;
    whatever happens, none runs on after the block."""
    with contextlib.ExitStack() as stack:
        running = [_MkDocs(label, args, stack.enter_context(tempfile.TemporaryFile())) for label, args in builds]
        launcher = _Launcher(running, docs, stack.enter_context(tempfile.TemporaryFile()))
        for build in running:
            build.launcher = launcher
        try:
            yield launcher, running
        finally:
            launcher.stop()
            for build in running:
                os.close(build.status_read)


def _side_by_side(launcher: _Launcher, running: list[_MkDocs], then: dict[str, Callable[[], None]],
                  timings: Timings) -> None:
    """Let the MkDocs builds run at once (one a core), and each one's next
    step as soon as it ends; the first failure stops the others and is
    raised."""
    def step(build: _MkDocs) -> None:
        build.wait()
        timings.spans.append((f"mkdocs build, {build.label}", build.started - timings.start,
                              time.perf_counter() - timings.start))
        then[build.label]()

    for build in running:
        build.started = time.perf_counter()
    launcher.go()
    pool = ThreadPoolExecutor(max_workers=len(running))
    try:
        futures = [pool.submit(step, build) for build in running]
        for future in as_completed(futures):
            future.result()
    finally:
        launcher.stop()
        pool.shutdown()


def _finish_online(site: Path, source: Path, cache: Path, timings: Timings) -> None:
    with timings.step("sitemap (online)"):
        sitemap.finish(site, source)
    with timings.step("precompress (online)"):
        precompress(site, cache)


def _generate(source: Path, docs: Path, root: Path) -> None:
    """Generate the pages into ``docs``, unless they are there already
    (build_scripts/unchanged.py)."""
    cache = root / GENERATE_CACHE
    key = inputs(source, root)
    last = unchanged(cache, key, docs, root)
    if last is not None:
        sys.stdout.write(last.printed)
        return
    # Imported when it runs: its imports are a quarter of a second.
    from .cli import main as generate  # noqa: PLC0415

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = generate(["--source", str(source), "--docs", str(docs), "--quiet"])
    sys.stdout.write(printed.getvalue())
    if status != 0:
        raise BuildFailed(f"{source} has errors (listed above)")
    written = outputs(docs, root)
    if written is not None:
        record(cache, Generation(key, written, printed.getvalue()))


def _link_or_copy(source: str, target: str) -> None:
    """Stage a file of docs/ as a second name for it: nothing writes into a
    staged file in place (build_scripts/write.py replaces a page whole, and
    deletes by unlinking), so the live docs/ stays as it was whatever the
    build does. A copy where a link cannot be made (another file system)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _swap(staged: Path, live: Path) -> None:
    old = live.with_name(live.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        live.rename(old)
    staged.rename(live)
    shutil.rmtree(old, ignore_errors=True)


def build(source: Path, root: Path, offline_only: bool, shim: Path, timings: Timings | None = None) -> None:
    timings = timings or Timings()
    # What the last step needs is checked before the first one runs.
    check_shim(shim)
    docs, site, dist = (root / name for name in STAGING)
    for staging in (docs, site, dist):
        shutil.rmtree(staging, ignore_errors=True)
    name = source.stem + "-offline"
    offline_site = dist / name
    builds = [("offline", ["-f", "mkdocs.offline.yml", "--site-dir", str(offline_site)])]
    if not offline_only:
        builds.append(("online", ["--site-dir", str(site)]))

    def bundle() -> None:
        with timings.step("package (offline)"):
            package(offline_site, name, dist, shim)
            shutil.rmtree(offline_site)

    # Started first: they import while docs/ is staged and generated.
    with _started(builds, docs) as (launcher, running):
        with timings.step("stage docs/"):
            shutil.copytree(root / "docs", docs, copy_function=_link_or_copy)
        with timings.step("generate"):
            _generate(source, docs, root)
        _side_by_side(launcher, running, {"offline": bundle,
                                "online": lambda: _finish_online(site, source, root / PRECOMPRESS_CACHE, timings)},
                      timings)
    with timings.step("swap in"):
        if not offline_only:
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
    parser.add_argument("--timings", action="store_true", help="print when each step started and ended")
    args = parser.parse_args(argv)
    root = Path.cwd()
    timings = Timings()
    try:
        build(args.source, root, args.offline_only, args.shim, timings)
    except (BuildFailed, BundleError) as failure:
        for staging in STAGING:
            shutil.rmtree(root / staging, ignore_errors=True)
        # The cause first: the reader acts on it.
        print(f"error: {failure}", file=sys.stderr)
        print("build failed; docs/, site/ and dist/ are as they were.", file=sys.stderr)
        return 1
    if args.timings:
        timings.spans.append(("total", 0.0, time.perf_counter() - timings.start))
        sys.stderr.write(timings.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
