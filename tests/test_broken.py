"""The corpus of broken sources (tests/broken/): each case's exact
diagnostics, exit status 1, no traceback, nothing written."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED, run

CASES = sorted((ROOT / "tests" / "broken").glob("*.yml"))
FILES = {
    "source": SEED,
    "metadata": "source/ecosoc-resolution-2010-18.yml",
    "notes": "source/ecosoc-resolution-2010-18.notes.yml",
    "themes": "source/ecosoc-resolution-2010-18.themes.yml",
    "aliases": "source/ecosoc-resolution-2010-18.aliases.yml",
    "subjects": "source/ecosoc-resolution-2010-18.subjects.yml",
    "glossary": "source/ecosoc-resolution-2010-18.glossary.yml",
}


def apply(project: Path, edits: list[dict]) -> None:
    for edit in edits:
        target = project / FILES[edit["file"]]
        if "content" in edit:
            target.write_text(edit["content"], encoding="utf-8")
            continue
        data = target.read_bytes()
        old = edit["replace"].encode("utf-8")
        new = edit["with"].encode("latin-1" if edit.get("latin1") else "utf-8")
        assert data.count(old) == 1, f"{edit['replace']!r} must occur once in {target.name}"
        target.write_bytes(data.replace(old, new))


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_source(case: Path, tmp_path: Path, update_golden: bool) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    project = tmp_path / "project"
    shutil.copytree(ROOT / "build_scripts", project / "build_scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "source", project / "source")
    (project / "docs").mkdir()
    apply(project, spec["edits"])
    result = run([sys.executable, "-m", "build_scripts", "--source", SEED], project, check=False,
                 site_url=spec.get("env", {}).get("SITE_URL"))
    if update_golden:
        spec_text = case.read_text(encoding="utf-8").split("\nexpected:")[0].rstrip("\n")
        case.write_text(spec_text + "\nexpected: |\n" + "".join(f"  {line}\n" for line in result.stderr.splitlines()),
                        encoding="utf-8")
        return
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == spec["expected"]
    assert all(": error: " in line and " — " in line for line in result.stderr.splitlines()[:-1])
    assert snapshot(project / "docs") == {}
    assert not (project / ".generated").exists()
