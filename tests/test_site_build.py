"""A failed build says why, then that docs/, site/ and dist/ are as they were."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from build_scripts import site_build
from build_scripts.bundle import BundleError
from conftest import SEED, SHIM, copy_project, run


def test_missing_shim_is_named_with_its_remedy(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    missing = tmp_path / "nowhere" / "iframe-worker" / "shim" / "index.js"
    failed = run([sys.executable, "-m", "build_scripts.site_build", "--source", SEED, "--shim", str(missing)],
                 project, check=False)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    lines = failed.stderr.strip().splitlines()
    assert lines[-2] == f"error: {missing} is missing — run 'npm ci' to install the pinned iframe-worker shim"
    assert lines[-1] == "build failed; docs/, site/ and dist/ are as they were."
    assert not [p.name for p in project.iterdir() if p.name.endswith((".next", ".old"))]


def test_a_bundle_error_after_mkdocs_is_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The error the bundle step raises once the offline site is built (the
    step whose message used to be swallowed) reaches the user."""
    project = copy_project(tmp_path / "p")
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def package(site: Path, name: str, out: Path, shim: Path) -> Path:
        raise BundleError(f"{site}/index.html is missing — build the offline site first (make offline)")

    monkeypatch.setattr(site_build, "package", package)
    assert site_build.main(["--source", SEED, "--shim", str(SHIM), "--offline-only"]) == 1
    err = capsys.readouterr().err
    assert "index.html is missing — build the offline site first (make offline)" in err
    assert err.rstrip().endswith("build failed; docs/, site/ and dist/ are as they were.")
    assert not (project / "dist").exists() and not (project / "dist.next").exists()
