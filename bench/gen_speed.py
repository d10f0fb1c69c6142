"""The generator's time, two trees side by side: ``python bench/gen_speed.py
BASE_TREE NEW_TREE [RUNS]``.

Runs ``python -m build_scripts`` from each tree in turn (alternating, so that
the machine's load falls on both alike), each a cold Python process into a
fresh docs directory, and prints the medians of wall time and of user+system
CPU time, and their ratio new/base.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(tree: Path, python: str, out: Path) -> tuple[float, float]:
    command = [python, "-m", "build_scripts", "--source", "source/ecosoc-resolution-2010-18.md",
               "--docs", str(out / "docs"), "--config-out", str(out / "gen/mkdocs.yml"),
               "--ids-out", str(out / "gen/ids.json"), "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{tree}: the generator failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    base, new = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    python = str(Path(sys.argv[0]).resolve().parent.parent / ".venv/bin/python")
    times: dict[Path, list[tuple[float, float]]] = {base: [], new: []}
    with tempfile.TemporaryDirectory() as scratch:
        for tree in (base, new):  # a warm-up each (bytecode, disk cache)
            run_once(tree, python, Path(scratch) / "warm")
        for n in range(runs):
            for tree in ((base, new) if n % 2 == 0 else (new, base)):
                times[tree].append(run_once(tree, python, Path(scratch) / f"{tree.name}{n}"))
    medians = {tree: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
               for tree, t in times.items()}
    print(f"{'':6} {'wall s':>8} {'cpu s':>8}   ({runs} runs each, medians)")
    for label, tree in (("base", base), ("new", new)):
        print(f"{label:6} {medians[tree][0]:8.3f} {medians[tree][1]:8.3f}")
    print(f"{'ratio':6} {medians[new][0] / medians[base][0]:8.2f} {medians[new][1] / medians[base][1]:8.2f}")


if __name__ == "__main__":
    main()
