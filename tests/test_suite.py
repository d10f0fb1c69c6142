"""The suite itself: it reads nothing outside the repository, and under CI
a browser test that cannot run fails instead of skipping."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, missing


def test_a_missing_browser_fails_under_ci() -> None:
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        missing("Playwright is not installed", {"CI": "true"})


def test_a_missing_browser_skips_on_a_developers_machine() -> None:
    with pytest.raises(pytest.skip.Exception):
        missing("Playwright is not installed", {})


def test_no_test_reads_outside_the_repository() -> None:
    # ROOT.parent is the folder the clone sits in: a lone clone has nothing there.
    pattern = re.compile(r"ROOT\.parent|\.\./shared|/work/shared")
    offenders = [f"{path.name}:{number}"
                 for path in sorted((ROOT / "tests").glob("*.py")) if path.name != "test_suite.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if pattern.search(line)]
    assert offenders == []
