"""Permanent ids: the build refuses an id that disappears or moves, unless
an alias retires it; the alias keeps the old URL and anchor working."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT, SEED, build_site, copy_project, run, serve

SEED_TEXT = (ROOT / SEED).read_text(encoding="utf-8")
REGISTRY = "source/ecosoc-resolution-2010-18.ids.json"
LAST = "55. We express our profound gratitude"


def generate(project: Path):
    return run([sys.executable, "-m", "build_scripts", "--source", SEED, "--quiet"], project, check=False)


def project_without_paragraph_55(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "p")
    text = SEED_TEXT.replace("\n\n" + LAST, " " + LAST.removeprefix("55. "))  # merged into 54
    (project / SEED).write_text(text, encoding="utf-8")
    # The editors follow the text: paragraph 55 has no subject of its own any more.
    subjects = project / "source" / "ecosoc-resolution-2010-18.subjects.yml"
    entries = subjects.read_text(encoding="utf-8").split("att_1__para_55:")[0]
    subjects.write_text(entries, encoding="utf-8")
    return project


def test_an_id_that_disappears_stops_the_build(tmp_path: Path) -> None:
    project = project_without_paragraph_55(tmp_path)
    result = generate(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        f"{REGISTRY}:612:1: error: published id 'att_1__para_55' (/declaration/55/) is gone from the source — "
        "restore it, or retire it by adding 'att_1__para_55: NEW_EID' to "
        "source/ecosoc-resolution-2010-18.aliases.yml"
    ) in result.stderr.splitlines()


def test_a_new_id_must_be_recorded(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / SEED).write_text(SEED_TEXT.replace(
        "\n\n*45th plenary meeting", "\n\n56. We add a paragraph.\n\n*45th plenary meeting"), encoding="utf-8")
    # Every paragraph of a document with a subjects file needs its subject.
    with (project / "source" / "ecosoc-resolution-2010-18.subjects.yml").open("a", encoding="utf-8") as subjects:
        subjects.write("att_1__para_56:\n  subject: An added paragraph\n  evidence: [add]\n")
    result = generate(project)
    assert result.returncode == 1
    assert "error: id 'att_1__para_56' is new and not yet recorded — record it with 'make ids'" in result.stderr
    recorded = run([sys.executable, "-m", "build_scripts", "--source", SEED, "--record-ids"], project, check=False)
    assert recorded.returncode == 0
    assert '"eId": "att_1__para_56"' in (project / REGISTRY).read_text(encoding="utf-8")
    assert generate(project).returncode == 0


def test_an_alias_keeps_the_old_url_and_anchor(tmp_path: Path, browser) -> None:
    project = project_without_paragraph_55(tmp_path)
    (project / "source" / "ecosoc-resolution-2010-18.aliases.yml").write_text(
        "# Paragraph 55 was merged into 54 (a test of retiring an id).\natt_1__para_55: att_1__para_54\n",
        encoding="utf-8",
    )
    built = build_site(project)
    assert (built.site / "declaration" / "55" / "index.html").is_file()
    page = browser.new_page()
    with serve(built.site) as url:
        page.goto(f"{url}/declaration/55/")
        page.wait_for_url(f"{url}/declaration/54/")
        assert page.locator("h1").inner_text().startswith("Salvador Declaration, paragraph 54")
        page.goto(f"{url}/declaration/#att_1__para_55")
        assert page.locator("#att_1__para_55").evaluate("el => el.closest('#att_1__para_54') !== null")
    page.close()
