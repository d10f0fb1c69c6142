"""The generator's time, two trees side by side: ``python bench/gen_speed.py
BASE_TREE NEW_TREE [RUNS] [--bytecode] [--no-cache] [--edit]``.

Runs ``python -m build_scripts`` from each tree in turn (alternating, so that
the machine's load falls on both alike), each a cold Python process into a
fresh docs directory, after one warm-up run each (which fills each tree's
``.cache/``), and prints the medians of wall time and of user+system CPU
time, and their ratio new/base. The environment is passed on as it is,
unless ``--bytecode``: then without PYTHONDONTWRITEBYTECODE, so that both
trees import their modules from ``__pycache__`` rather than compiling
them from source on every run; with ``--no-cache``, each run starts
without the generator's caches (:data:`GENERATOR_CACHES` in ``.cache/``),
as a first build does. With ``--edit``, each run reads a copy of the
tree's ``source/`` in which one word of the text is doubled, in a
different paragraph each run (the same one for both trees): the
generation that ``make build`` runs after an editor's change, where a
cache kept by content sees one paragraph it has not seen before.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE = Path("source/ecosoc-resolution-2010-18.md")
# What the generator keeps in .cache/ between runs: the compiled templates
# (render/common.py), the share card (card.py) and the settings' YAML
# (settings_yaml.py).
GENERATOR_CACHES = ("jinja-generator", "card", "settings-yaml")
# A word to double: " the " inside a paragraph. Doubling a word keeps
# every phrase the editors' files name as evidence, and every id.
_WORD = re.compile(r"(?<= )the(?= )")


def edited_source(tree: Path, out: Path, n: int) -> Path:
    """A copy of ``tree``'s source folder with one word doubled (the n-th
    edit), and the copy's path of the source."""
    folder = out / "source"
    shutil.copytree(tree / SOURCE.parent, folder)
    text = (tree / SOURCE).read_text(encoding="utf-8")
    places = [m.start() for m in _WORD.finditer(text)]
    at = places[(n * 37) % len(places)]
    (folder / SOURCE.name).write_text(text[:at] + "the " + text[at:], encoding="utf-8")
    return folder / SOURCE.name


def run_once(tree: Path, python: str, out: Path, env: dict[str, str], cold: bool = False,
             edit: int | None = None) -> tuple[float, float]:
    if cold:
        for name in GENERATOR_CACHES:
            shutil.rmtree(tree / ".cache" / name, ignore_errors=True)
    source = SOURCE if edit is None else edited_source(tree, out, edit)
    command = [python, "-m", "build_scripts", "--source", str(source),
               "--docs", str(out / "docs"), "--config-out", str(out / "gen/mkdocs.yml"),
               "--ids-out", str(out / "gen/ids.json"), "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=tree, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{tree}: the generator failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    cold = "--no-cache" in sys.argv
    edit = "--edit" in sys.argv
    base, new = Path(args[0]).resolve(), Path(args[1]).resolve()
    runs = int(args[2]) if len(args) > 2 else 7
    env = dict(os.environ)
    if "--bytecode" in sys.argv:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = str(Path(sys.argv[0]).resolve().parent.parent / ".venv/bin/python")
    times: dict[Path, list[tuple[float, float]]] = {base: [], new: []}
    with tempfile.TemporaryDirectory() as scratch:
        for tree in (base, new):  # a warm-up each (bytecode, disk cache)
            run_once(tree, python, Path(scratch) / f"warm-{tree.name}", env, edit=runs if edit else None)
        for n in range(runs):
            for tree in ((base, new) if n % 2 == 0 else (new, base)):
                times[tree].append(run_once(tree, python, Path(scratch) / f"{tree.name}{n}", env, cold,
                                            n if edit else None))
    medians = {tree: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
               for tree, t in times.items()}
    print(f"{'':6} {'wall s':>8} {'cpu s':>8}   ({runs} runs each, medians)")
    for label, tree in (("base", base), ("new", new)):
        print(f"{label:6} {medians[tree][0]:8.3f} {medians[tree][1]:8.3f}")
    print(f"{'ratio':6} {medians[new][0] / medians[base][0]:8.2f} {medians[new][1] / medians[base][1]:8.2f}")


if __name__ == "__main__":
    main()
