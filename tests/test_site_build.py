"""A failed build says why, then that docs/, site/ and dist/ are as they were."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from build_scripts import site_build
from build_scripts.bundle import BundleError
from conftest import SEED, SHIM, build_site, copy_project, run


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


@pytest.mark.parametrize("failing", ["online", "offline"])
def test_either_build_failing_is_named_and_leaves_nothing(tmp_path: Path, failing: str) -> None:
    """The two MkDocs builds run side by side: whichever fails, the build
    names it, prints its messages, and leaves no site, bundle or staging."""
    project = copy_project(tmp_path / "p")
    # A hook that fails one of the two builds only (the offline one has
    # use_directory_urls: false).
    (project / "fail_one.py").write_text(
        "from mkdocs.exceptions import Abort\n\n\n"
        "def on_config(config):\n"
        f"    if config['use_directory_urls'] == {failing == 'online'}:\n"
        f"        raise Abort('the {failing} build fails on purpose')\n",
        encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nhooks:\n" in text
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - fail_one.py\n"), encoding="utf-8")
    failed = run([sys.executable, "-m", "build_scripts.site_build", "--source", SEED, "--shim", str(SHIM)],
                 project, check=False)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert f"the {failing} build fails on purpose" in failed.stderr
    lines = failed.stderr.strip().splitlines()
    args = "-f mkdocs.offline.yml --site-dir " if failing == "offline" else "--site-dir "
    assert lines[-2].startswith(f"error: mkdocs build {args}"), lines[-2]
    assert lines[-2].endswith("failed (exit status 1; its messages are above)")
    assert lines[-1] == "build failed; docs/, site/ and dist/ are as they were."
    assert not (project / "site").exists() and not (project / "dist").exists()
    assert not [p.name for p in project.iterdir() if p.name.endswith((".next", ".old"))]


def test_a_launcher_that_cannot_import_is_named_and_leaves_nothing(tmp_path: Path) -> None:
    """The builds are forked from one process that imports what they need
    (build_scripts/mkdocs_build.py): when an import fails there, each build
    is named as not started, with what the launcher said, and nothing is
    left behind."""
    project = copy_project(tmp_path / "p")
    # Found before the installed package (the launcher runs in the project);
    # only the launcher imports Material.
    (project / "material").mkdir()
    (project / "material" / "__init__.py").write_text("raise ImportError('material is broken on purpose')\n",
                                                      encoding="utf-8")
    failed = run([sys.executable, "-m", "build_scripts.site_build", "--source", SEED, "--shim", str(SHIM)],
                 project, check=False)
    assert failed.returncode == 1
    assert failed.stderr.count("material is broken on purpose") == 2  # the line, and the error
    lines = failed.stderr.strip().splitlines()
    assert lines[-2].startswith("error: mkdocs build ") and "did not start (exit status 1;" in lines[-2]
    assert lines[-1] == "build failed; docs/, site/ and dist/ are as they were."
    assert not (project / "site").exists() and not (project / "dist").exists()
    assert not [p.name for p in project.iterdir() if p.name.endswith((".next", ".old"))]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_that_fails_after_generating_leaves_docs_as_they_were(tmp_path: Path) -> None:
    """docs/ is staged as links to its files (site_build._link_or_copy):
    the generator rewrites an edited page and removes a stale one in the
    staged copy, MkDocs then fails, and every file of docs/ still holds
    what it held before, with none added or removed."""
    project = copy_project(tmp_path / "p")
    build_site(project)
    (project / "docs" / "stale.md").write_text("# Stale\n", encoding="utf-8")
    manifest = project / "docs" / ".generated.json"
    listed = manifest.read_text(encoding="utf-8")
    manifest.write_text(listed.replace('[\n', '[\n "stale.md",\n', 1), encoding="utf-8")
    before = _files(project / "docs")
    source = project / SEED
    source.write_text(source.read_text(encoding="utf-8").replace("problem of cybercrime", "problem of cyber-crime"),
                      encoding="utf-8")
    (project / "fail.py").write_text("from mkdocs.exceptions import Abort\n\n\n"
                                     "def on_post_build(config):\n    raise Abort('fails on purpose')\n",
                                     encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\nhooks:\n", "\nhooks:\n  - fail.py\n"),
                      encoding="utf-8")
    failed = run([sys.executable, "-m", "build_scripts.site_build", "--source", SEED, "--shim", str(SHIM)],
                 project, check=False)
    assert failed.returncode == 1 and "fails on purpose" in failed.stderr
    assert _files(project / "docs") == before
    assert b"problem of cybercrime" in before["declaration/42.md"]


def test_the_generator_runs_again_when_anything_it_read_or_wrote_changed(tmp_path: Path) -> None:
    """make build skips the generator when its inputs and its last output
    are as they were (build_scripts/unchanged.py): a page edited by hand
    in docs/, or a word of the source, is generated again."""
    project = copy_project(tmp_path / "p")
    build_site(project)
    page = project / "docs" / "declaration" / "42.md"
    generated = page.read_bytes()
    assert any((project / ".cache" / "generate").iterdir())

    page.write_bytes(generated.replace(b"cybercrime", b"cyber crime"))
    build_site(project)
    assert page.read_bytes() == generated
    assert b"cyber crime" not in (project / "site" / "declaration" / "42" / "index.html").read_bytes()

    source = project / SEED
    source.write_text(source.read_text(encoding="utf-8").replace("problem of cybercrime", "problem of cyber-crime"),
                      encoding="utf-8")
    build_site(project)
    assert b"problem of cyber-crime" in page.read_bytes()
    assert b"problem of cyber-crime" in (project / "site" / "declaration" / "42" / "index.html").read_bytes()
