"""A rebuild reuses each unchanged page's converted Markdown
(build_scripts/markdown_cache.py) and writes the same site; whatever the
conversion reads, changed, converts the page again."""

from __future__ import annotations

import filecmp
import json
import sys
from pathlib import Path

import pytest

from conftest import SEED, copy_project, run


def _mkdocs(project: Path, site: str, check: bool = True):
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site], project, check=check)


def _cache(project: Path) -> dict[str, dict[str, object]]:
    [path] = (project / ".cache" / "markdown").glob("*.json")
    pages: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["pages"]
    return pages


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [str(left / n) for n in comparison.left_only + comparison.right_only + comparison.funny_files]
    found += [str(left / n) for n in comparison.common_files
              if (left / n).read_bytes() != (right / n).read_bytes()]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("markdown-cache"))
    run([sys.executable, "-m", "build_scripts", "--source", SEED, "--quiet"], project)
    return project


def test_a_rebuild_from_the_cache_writes_the_same_site(project: Path) -> None:
    _mkdocs(project, "cold")
    pages = len([p for p in (project / "docs").rglob("*.md")])
    assert len(_cache(project)) == pages
    _mkdocs(project, "warm")
    assert _differences(project / "cold", project / "warm") == []
    assert len(_cache(project)) == pages


def test_a_rebuild_reads_the_pages_from_the_cache(project: Path) -> None:
    """What the cache holds is what the rebuild prints (so the test above
    compares a converted site with a cached one)."""
    _mkdocs(project, "first")
    [path] = (project / ".cache" / "markdown").glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = [e for e in data["pages"].values() if "problem of cybercrime" in e["content"]]
    assert entries
    for entry in entries:
        entry["content"] = entry["content"].replace("problem of cybercrime", "problem of cached cybercrime")
    path.write_text(json.dumps(data), encoding="utf-8")
    _mkdocs(project, "second")
    assert b"problem of cached cybercrime" in (project / "second" / "declaration" / "42" / "index.html").read_bytes()


def test_an_edited_page_is_converted_again(project: Path) -> None:
    page = project / "docs" / "declaration" / "42.md"
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original.replace("problem of cybercrime", "problem of edited cybercrime"), encoding="utf-8")
        _mkdocs(project, "edited")
        html = (project / "edited" / "declaration" / "42" / "index.html").read_text(encoding="utf-8")
        assert "problem of edited cybercrime" in html and "cached" not in html
    finally:
        page.write_text(original, encoding="utf-8")


def test_a_link_to_a_removed_page_is_reported_on_every_build(project: Path) -> None:
    """Declaration paragraph 41 links to paragraph 42 (Next) and does not
    change when 42 goes: the files are part of what a conversion reads, and
    a conversion that warned is not kept, so each build warns again."""
    page = project / "docs" / "declaration" / "42.md"
    original = page.read_bytes()
    try:
        page.unlink()
        for attempt in ("gone-1", "gone-2"):
            failed = _mkdocs(project, attempt, check=False)
            assert failed.returncode == 1, attempt
            assert "'declaration/41.md' contains a link '42.md'" in failed.stderr, (attempt, failed.stderr[-2000:])
    finally:
        page.write_bytes(original)
    _mkdocs(project, "restored")
    assert (project / "restored" / "declaration" / "42" / "index.html").is_file()
