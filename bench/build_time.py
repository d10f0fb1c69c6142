"""Build time of this site next to the naive alternative, side by side.

The naive alternative is the same source dropped as one page into stock
Material for MkDocs (``font: false``). Both builds run alternately in the
same process run, several times, so that machine noise hits both alike; the
report gives medians and their ratio.

Usage: ``python bench/build_time.py [--runs N]`` (``make bench``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "ecosoc-resolution-2010-18.md"
NAIVE_CONFIG = """site_name: Naive
theme:
  name: material
  font: false
"""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def naive_project(directory: Path) -> Path:
    (directory / "docs").mkdir(parents=True)
    shutil.copy(SEED, directory / "docs" / "index.md")
    (directory / "mkdocs.yml").write_text(NAIVE_CONFIG, encoding="utf-8")
    return directory


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as temporary:
        naive = naive_project(Path(temporary) / "naive")
        ours_site = Path(temporary) / "ours-site"
        generate, ours, baseline = [], [], []
        for _ in range(args.runs):
            baseline.append(timed([python, "-m", "mkdocs", "build", "-q", "--site-dir", "site"], naive))
            generation = timed([python, "-m", "build_scripts", "--quiet"], ROOT)
            build = timed([python, "-m", "mkdocs", "build", "-q", "--strict", "--site-dir", str(ours_site)], ROOT)
            generate.append(generation)
            ours.append(generation + build)
    naive_median, ours_median, gen_median = (statistics.median(x) for x in (baseline, ours, generate))
    print(f"build time, median of {args.runs} alternating runs")
    print(f"  naive (source as one page, stock Material): {naive_median:6.2f} s")
    print(f"  this site (generate + mkdocs build --strict): {ours_median:6.2f} s")
    print(f"    of which generation (python -m build_scripts): {gen_median:6.2f} s ({gen_median / ours_median:.0%})")
    print(f"  ratio this site / naive: {ours_median / naive_median:.2f}")


if __name__ == "__main__":
    main()
