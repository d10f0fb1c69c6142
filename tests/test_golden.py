"""Golden files: whole generated pages compared byte for byte.

Run ``make test PYTEST_ARGS=--update-golden`` (or ``pytest --update-golden``)
after an intended change, and read the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, BuiltSite

GOLDEN = ROOT / "tests" / "golden"
PAGES = [
    "declaration/42.md",
    "declaration/6.md",
    "declaration/26.md",
    "resolution/10.md",
    "resolution/preamble/2.md",
    "declaration/preamble/index.md",
    "resolution/index.md",
    "declaration/index.md",
    "footnotes.md",
    "index.md",
]


def check(actual: str, golden: Path, update: bool) -> None:
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{golden.name} changed: see tests/golden/README.md (update with --update-golden, then review the diff)")


@pytest.mark.parametrize("page", PAGES)
def test_generated_page_matches_golden(built_site: BuiltSite, page: str, update_golden: bool) -> None:
    actual = (built_site.project / "docs" / page).read_text(encoding="utf-8")
    check(actual, GOLDEN / "pages" / page, update_golden)
