"""`make bench`: this site next to the naive alternative, side by side in one
run, printed as a table. Figures, not pass/fail: timings are noisy here.

The naive alternative is the same source dropped as one page into stock
Material for MkDocs (`font: false`; with the offline plugin for the zip).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import BinaryIO

from bench.synthetic import synthesize
from build_scripts.bundle import write_zip
from build_scripts.measure import first_load, first_load_bytes, naive_project
from build_scripts.write import read_manifest

ROOT = Path(__file__).resolve().parent.parent

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SEED = ROOT / "source" / "ecosoc-resolution-2010-18.md"
PROJECT = ["mkdocs.yml", "mkdocs.offline.yml", "build_scripts", "source", "overrides"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def children_cpu() -> float:
    """CPU seconds (user + system) of every process this one has waited
    for, theirs included: what a build costs whatever the machine's cores
    (two here) and however well its steps overlap."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env or ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def project_copy(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PROJECT:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    (target / "docs" / "assets").mkdir(parents=True)
    # Not what `make build` generated into the working tree's docs/assets
    # (assets/jump-data.js): the copy's generator would refuse to overwrite
    # it, as it would a hand-written file.
    generated = {ROOT / "docs" / p for p in read_manifest(ROOT / "docs")}
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets", dirs_exist_ok=True,
                    ignore=lambda folder, names: {n for n in names if Path(folder, n) in generated})
    # The build runs PurgeCSS from the project's node_modules/ (npm ci).
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like a static host: gzip for text, long cache for assets."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or not path.endswith((".html", ".css", ".js", ".json", ".xml", ".svg")):
            return super().send_head()
        data = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        if "/assets/" in path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        self.end_headers()
        return io.BytesIO(data)


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def lighthouse(url: str, runs: int = 3) -> dict[str, float] | None:
    """Lighthouse's scores for ``url``: the median of ``runs`` runs (its
    performance score varies from run to run)."""
    scores = [s for s in (lighthouse_once(url) for _ in range(runs)) if s is not None]
    if not scores:
        return None
    return {k: statistics.median(s[k] for s in scores) for k in scores[0]}


def lighthouse_once(url: str) -> dict[str, float] | None:
    if not LIGHTHOUSE.exists() or not Path("/usr/bin/chromium").exists():
        return None
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --no-first-run"],
        env=env, capture_output=True, text=True, timeout=180, check=False)
    if result.returncode != 0:
        return None
    categories = json.loads(result.stdout)["categories"]
    return {k: categories[k]["score"] for k in ("performance", "accessibility", "best-practices", "seo")}


ZENSICAL = "zensical==0.1.3"


def zensical(project: Path, mkdocs_seconds: float) -> None:
    """Build the same docs/ and mkdocs.yml with Zensical, pinned, in a venv of
    its own; report whether the 88 paragraph pages come out."""
    venv = project.parent / "zensical-venv"
    subprocess.run([PY, "-m", "venv", str(venv)], check=True, capture_output=True)
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", ZENSICAL], capture_output=True, text=True,
                             check=False)
    if install.returncode != 0:
        reason = [line for line in install.stderr.splitlines() if line.startswith("ERROR")][:1]
        row("Zensical build of the same docs/", "not run", "", f"{ZENSICAL} did not install here: {' '.join(reason)}")
        return
    start = time.perf_counter()
    built = subprocess.run([str(venv / "bin" / "zensical"), "build", "-f", "mkdocs.yml"], cwd=project,
                           capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    pages = len(list((project / "site").glob("declaration/*/index.html")))
    row("Zensical build of the same docs/", f"{seconds:.2f} s (exit {built.returncode})",
        f"MkDocs {mkdocs_seconds:.2f} s", f"{pages} Declaration pages")


FIRST_LOAD_PAGES = ["/", "/declaration/42/", "/resolution/", "/declaration/", "/footnotes/"]


def first_load_table(ours: Path, naive: Path) -> None:
    """What a first visit loads, file by file (uncompressed / gzip)."""
    theirs = {r.name: r for r in first_load(naive, "/")}
    for path in ("/declaration/42/", "/"):
        print(f"\n| first load of {path}: file | this site | naive (its page: /) |")
        print("| --- | ---: | ---: |")
        for r in first_load(ours, path):
            other = theirs.pop(r.name, None) if not r.name.endswith("index.html") else theirs.pop("index.html", None)
            print(f"| {r.name} | {r.raw:,} / {r.gzip:,} | {f'{other.raw:,} / {other.gzip:,}' if other else '—'} |")
        for other in theirs.values():
            print(f"| {other.name} | — | {other.raw:,} / {other.gzip:,} |")
        theirs = {r.name: r for r in first_load(naive, "/")}
    print()


def make_build(project: Path) -> tuple[float, dict[str, tuple[float, float]]]:
    """``make build`` in ``project``: its time, and when each of its steps
    started and ended (``site_build --timings``)."""
    start = time.perf_counter()
    result = subprocess.run([PY, "-m", "build_scripts.site_build", "--timings",
                             "--shim", str(ROOT / "node_modules/iframe-worker/shim/index.js")],
                            cwd=project, env=ENV, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    spans = {}
    for line in result.stderr.splitlines():
        # "timing: generate: 0.81 s (0.02–0.83)"
        if line.startswith("timing: "):
            label, _, rest = line.removeprefix("timing: ").rpartition(": ")
            begin, end = rest.split("(")[1].rstrip(")").split("–")
            spans[label] = (float(begin), float(end))
    return seconds, spans


def steps_table(steps: dict[str, dict[str, list[tuple[float, float]]]]) -> None:
    """make build's steps (medians): the two MkDocs builds run side by side,
    each followed by its own step; the generator runs while they import."""
    print("\n| make build, step | first build (no .cache/) | after an edit | rebuild, nothing changed |")
    print("| --- | ---: | ---: | ---: |")
    labels = sorted(steps["cold"], key=lambda label: statistics.median(s[0] for s in steps["cold"][label]))
    for label in labels:
        cells = []
        for kind in ("cold", "edit", "rebuild"):
            spans = steps[kind].get(label, [])
            if not spans:
                cells.append("—")
                continue
            begin = statistics.median(s[0] for s in spans)
            end = statistics.median(s[1] for s in spans)
            cells.append(f"{statistics.median(s[1] - s[0] for s in spans):.2f} s ({begin:.2f}–{end:.2f})")
        print(f"| {label} | {' | '.join(cells)} |")
    print()


def row(label: str, ours: str, naive: str, note: str = "") -> None:
    print(f"| {label} | {ours} | {naive} | {note} |")


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    with tempfile.TemporaryDirectory() as temporary:
        tmp = Path(temporary)
        ours = project_copy(tmp / "ours")
        naive = naive_project(tmp / "naive", SEED)
        naive_offline = naive_project(tmp / "naive-offline", SEED, offline=True)

        # Build time: alternating runs, medians.
        generation, total, baseline = [], [], []
        for _ in range(runs):
            baseline.append(timed([PY, "-m", "mkdocs", "build", "-q", "--site-dir", "site"], naive))
            g = timed([PY, "-m", "build_scripts", "--quiet"], ours)
            b = timed([PY, "-m", "mkdocs", "build", "-q", "--strict", "--site-dir", "site"], ours)
            generation.append(g)
            total.append(g + b)
        g, t, n = (statistics.median(x) for x in (generation, total, baseline))

        # make build (site, offline bundle, PurgeCSS, precompressed copies)
        # next to the naive site and its offline bundle, alternating: after
        # an edit (one paragraph's words changed: the generator runs, and
        # what the edit changed is purged and compressed again), with no
        # .cache/ (a first build: everything compressed, purged and
        # compiled anew) and again with nothing changed (the caches as the
        # build before left them).
        full: list[float] = []
        cold: list[float] = []
        edited: list[float] = []
        full_naive: list[float] = []
        cpu: dict[str, list[float]] = {"naive": [], "cold": [], "edit": [], "rebuild": []}
        steps: dict[str, dict[str, list[tuple[float, float]]]] = {"cold": {}, "edit": {}, "rebuild": {}}
        source = ours / SEED.relative_to(ROOT)
        original = source.read_text(encoding="utf-8")
        for run in range(runs):
            before = children_cpu()
            full_naive.append(timed([PY, "-m", "mkdocs", "build", "-q", "--site-dir", "site"], naive)
                              + timed([PY, "-m", "mkdocs", "build", "-q", "--site-dir", "site"], naive_offline))
            cpu["naive"].append(children_cpu() - before)
            for kind, times in (("edit", edited), ("cold", cold), ("rebuild", full)):
                if kind == "edit":
                    # A new text each run, so that nothing of it is cached.
                    source.write_text(original.replace("problem of cybercrime",
                                                       f"problem of cybercrime, edit {run + 1},"), encoding="utf-8")
                else:
                    source.write_text(original, encoding="utf-8")
                if kind == "cold":
                    shutil.rmtree(ours / ".cache", ignore_errors=True)
                before = children_cpu()
                seconds, spans = make_build(ours)
                cpu[kind].append(children_cpu() - before)
                times.append(seconds)
                for label, span in spans.items():
                    steps[kind].setdefault(label, []).append(span)
        f, fn = statistics.median(full), statistics.median(full_naive)
        write_zip(naive_offline / "site", "naive", tmp / "naive.zip")
        zip_ours = next((ours / "dist").glob("*.zip")).stat().st_size
        zip_naive = (tmp / "naive.zip").stat().st_size


        print(f"\n## make bench ({time.strftime('%Y-%m-%d')}, {runs} alternating runs, medians)\n")
        print("| measure | this site | naive | ratio / goal |")
        print("| --- | ---: | ---: | --- |")
        row("build time (generate + mkdocs build --strict)", f"{t:.2f} s", f"{n:.2f} s", f"{t / n:.2f} × (goal ≤ 2.0)")
        c = statistics.median(cold)
        row("make build (site + offline bundle), rebuild, nothing changed", f"{f:.2f} s",
            f"{fn:.2f} s (site + offline)", f"{f / fn:.2f} × (goal ≤ 2.0)")
        row("make build, first build (no .cache/)", f"{c:.2f} s", f"{fn:.2f} s (site + offline)",
            f"{c / fn:.2f} × (goal ≤ 2.0)")
        e = statistics.median(edited)
        row("make build after an edit (one paragraph)", f"{e:.2f} s", f"{fn:.2f} s (site + offline)",
            f"{e / fn:.2f} × (goal ≤ 2.0)")
        cn = statistics.median(cpu["naive"])
        kinds = (("cold", "first build"), ("edit", "after an edit"), ("rebuild", "rebuild, nothing changed"))
        for kind, label in kinds:
            used = statistics.median(cpu[kind])
            row(f"make build, {label}: CPU seconds, all processes", f"{used:.2f} s", f"{cn:.2f} s (site + offline)",
                f"{used / cn:.2f} × (on two cores, at best half of it in time)")
        row("generation step (python -m build_scripts)", f"{g:.2f} s", "—", f"{g / t:.0%} of the build (goal ≤ 10%)")
        for path in FIRST_LOAD_PAGES:
            for compressed, goal in ((False, 0.45), (True, 0.50)):
                a = first_load_bytes(ours / "site", path, compressed)
                b = first_load_bytes(naive / "site", "/", compressed)
                row(f"first-load bytes of {path} ({'gzip' if compressed else 'uncompressed'})", f"{a:,}", f"{b:,}",
                    f"{a / b:.2f} × (goal ≤ {goal:.2f})")
        row("offline zip", f"{zip_ours:,}", f"{zip_naive:,}", f"{zip_ours / zip_naive:.2f} × (goal ≤ 0.85, issue 18)")

        steps_table(steps)
        first_load_table(ours / "site", naive / "site")

        # Lighthouse, served like a static host (gzip, cached assets).
        url_ours, server_ours = serve(ours / "site")
        url_naive, server_naive = serve(naive / "site")
        naive_scores = lighthouse(url_naive + "/")
        for path in FIRST_LOAD_PAGES:
            scores = lighthouse(url_ours + path)
            if scores is None:
                row(f"Lighthouse {path}", "not run (npm ci; Debian chromium)", "", "")
                continue
            fmt = lambda s: " / ".join(f"{s[k]:.2f}" for k in s) if s else "—"  # noqa: E731
            row(f"Lighthouse {path} (perf / a11y / best / SEO)", fmt(scores), fmt(naive_scores),
                "goal perf ≥ 0.98, others 1.00")
        server_ours.shutdown()
        server_naive.shutdown()

        zensical(ours, t)

        # Scale: the same structure repeated.
        print("\n| scale (annex paragraphs ×) | paragraphs | generation | per paragraph | build total "
              "| per paragraph | /declaration/42/ page |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        base = None
        # Hand-written assets only: what the builds above generated into the
        # copy's docs/assets (the jump box's and search's data) belongs to
        # the document built here.
        assets = ours / "docs" / "assets"
        generated = {ours / "docs" / p for p in read_manifest(ours / "docs")}
        for factor in (1, 10, 20):
            source = synthesize(factor, tmp / "synthetic")
            count = 25 + 8 + 55 * factor  # the resolution, the annex preamble, its paragraphs repeated
            docs = tmp / f"docs-{factor}"
            shutil.copytree(assets, docs / "assets",
                            ignore=lambda folder, names: {n for n in names if Path(folder, n) in generated})
            gen = timed([PY, "-m", "build_scripts", "--quiet", "--source", str(source), "--docs", str(docs),
                         "--config-out", str(ours / ".generated" / "mkdocs.yml"),
                         "--ids-out", str(tmp / "ids.json")], ours)
            env = {**ENV, "DOCS_DIR": str(docs)}
            build = timed([PY, "-m", "mkdocs", "build", "-q", "--site-dir", str(tmp / f"site-{factor}")], ours, env)
            size = (tmp / f"site-{factor}" / "declaration" / "42" / "index.html").stat().st_size
            per_gen, per_total = gen / count * 1000, (gen + build) / count * 1000
            base = base or (per_gen, per_total)
            print(f"| {factor} | {count} | {gen:.2f} s | {per_gen:.2f} ms ({per_gen / base[0]:.2f}×) | "
                  f"{gen + build:.2f} s | {per_total:.2f} ms ({per_total / base[1]:.2f}×) | {size:,} B |")


if __name__ == "__main__":
    main()
