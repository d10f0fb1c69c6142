"""The command line on bad input: located errors, exit 1, no traceback, and
nothing written. And the writer: write-if-changed, stale pages deleted,
hand-written pages never touched."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from build_scripts.write import MANIFEST, WriteConflict, write_pages
from conftest import ROOT, SEED, run

SEED_TEXT = (ROOT / SEED).read_text(encoding="utf-8")


def project_with(tmp_path: Path, source_text: str | bytes) -> Path:
    shutil.copytree(ROOT / "build_scripts", tmp_path / "build_scripts",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "source").mkdir()
    for name in ["ecosoc-resolution-2010-18.yml", "ecosoc-resolution-2010-18.notes.yml"]:
        shutil.copy(ROOT / "source" / name, tmp_path / "source" / name)
    target = tmp_path / SEED
    if isinstance(source_text, bytes):
        target.write_bytes(source_text)
    else:
        target.write_text(source_text, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    return tmp_path


def generate(project: Path):
    return run([sys.executable, "-m", "build_scripts", "--source", SEED], project, check=False)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_bad_source_reports_every_error_and_writes_nothing(tmp_path: Path) -> None:
    broken = SEED_TEXT.replace("9. *Requests* the Commission", "9. *Requests the Commission", 1)
    broken = broken.replace("<sup>17</sup> A/CONF.213/17.", "<sup>17</sup> A/CONF.213/17.\n\n<sup>18</sup> Nobody.")
    project = project_with(tmp_path, broken)
    result = generate(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"{SEED}:53:4: error: '*' opens italic text that is never closed in this block — "
        "add the closing '*' where the italic text ends, or remove this one"
    )
    assert lines[1].startswith(f"{SEED}:261:1: error: footnote 18 has a body but no mark cites it — ")
    assert lines[-1] == "2 errors; nothing was written."
    assert snapshot(project / "docs") == {}
    assert not (project / ".generated").exists()


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    raw = SEED_TEXT.encode("utf-8").replace(b"Salvador, Brazil", b"Salvador, Br\xe9sil", 1)
    result = generate(project_with(tmp_path, raw))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{SEED}:29:160: error: byte 0xe9 is not valid UTF-8 — save the file as UTF-8 "
        "(most editors offer it under 'Save with encoding')"
    )


def test_a_failed_run_leaves_the_previous_pages_as_they_were(tmp_path: Path) -> None:
    project = project_with(tmp_path, SEED_TEXT)
    assert generate(project).returncode == 0
    before = snapshot(project / "docs")
    # 88 paragraph pages, 2 reading views and 2 preamble lists, beside the other pages.
    assert len([p for p in before if p.startswith(("resolution/", "declaration/"))]) == 92
    (project / SEED).write_text(SEED_TEXT.replace("<sup>63</sup>", "<sup>64</sup>"), encoding="utf-8")
    result = generate(project)
    assert result.returncode == 1
    assert "footnote mark 64 has no footnote body" in result.stderr
    assert snapshot(project / "docs") == before


def test_writer_writes_if_changed_deletes_stale_and_spares_hand_written(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("hand-written", encoding="utf-8")
    assert write_pages(docs, {"a/1.md": "one", "a/2.md": "two"}) == (2, 0)
    mtime = (docs / "a" / "1.md").stat().st_mtime_ns
    assert write_pages(docs, {"a/1.md": "one"}) == (0, 1)
    assert (docs / "a" / "1.md").stat().st_mtime_ns == mtime
    assert not (docs / "a" / "2.md").exists()
    assert (docs / "about.md").read_text(encoding="utf-8") == "hand-written"
    assert (docs / MANIFEST).exists()
    with pytest.raises(WriteConflict):
        write_pages(docs, {"about.md": "generated"})
    assert (docs / "about.md").read_text(encoding="utf-8") == "hand-written"
