"""Permanent ids: the build refuses an id that disappears or moves, unless
an alias retires it; the alias keeps the old URL and anchor working."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from build_scripts import registry
from build_scripts.diagnostics import InputError
from build_scripts.model import Alias
from build_scripts.pipeline import build, load
from build_scripts.yamlfile import load_yaml
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


@pytest.mark.build
def test_an_id_that_disappears_stops_the_build(tmp_path: Path) -> None:
    project = project_without_paragraph_55(tmp_path)
    result = generate(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        f"{REGISTRY}:612:1: error: published id 'att_1__para_55' (/declaration/55/) is gone from the source — "
        "restore it, or retire it by adding 'att_1__para_55: NEW_EID' to "
        "source/ecosoc-resolution-2010-18.aliases.yml"
    ) in result.stderr.splitlines()


@pytest.mark.build
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


@pytest.mark.build
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
        assert page.locator("h1").inner_text() == "Salvador Declaration, paragraph 54"
        page.goto(f"{url}/declaration/#att_1__para_55")
        assert page.locator("#att_1__para_55").evaluate("el => el.closest('#att_1__para_54') !== null")
    page.close()


# --- the registry check itself, in process (fast; run by make mutate) -------

ENTRY_42 = {"eId": "att_1__para_42", "page_url": "/declaration/42/", "anchor_url": "/declaration/#att_1__para_42",
            "label": "Salvador Declaration, paragraph 42", "kind": "paragraph"}
ENTRY_43 = {**ENTRY_42, "eId": "att_1__para_43", "page_url": "/declaration/43/",
            "anchor_url": "/declaration/#att_1__para_43", "label": "Salvador Declaration, paragraph 43"}
COMMITTED = [ENTRY_42, ENTRY_43]


def committed_text(entries: list[dict[str, str]] = COMMITTED) -> str:
    return json.dumps(entries, indent=1) + "\n"


def check_errors(current: list[dict[str, str]], aliases: object = None,
                 text: str | None = None) -> list[str]:
    with pytest.raises(InputError) as caught:
        registry.check(current, "r.ids.json", committed_text() if text is None else text, "r.aliases.yml", aliases)
    return [d.format() for d in caught.value.diagnostics]


def test_the_same_ids_pass_and_publish_no_alias() -> None:
    assert registry.check(COMMITTED, "r.ids.json", committed_text(), "r.aliases.yml", None) == []


def test_no_registry_file_is_not_checked() -> None:
    assert registry.check([ENTRY_42], "r.ids.json", None, "r.aliases.yml", None) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [("page_url", "/declaration/forty-two/"), ("anchor_url", "/declaration/#p42"),
     ("label", "Salvador Declaration, para. 42"), ("kind", "point")],
)
def test_a_published_id_whose_url_label_or_kind_changed_stops_the_build(field: str, value: str) -> None:
    changed = [{**ENTRY_42, field: value}, ENTRY_43]
    line = committed_text().split("\n").index('  "eId": "att_1__para_42",') + 1
    assert check_errors(changed) == [
        f"r.ids.json:{line}:1: error: published id 'att_1__para_42' changed its {field} — "
        "deep links are promises: keep the id's URLs; give a new paragraph a new id"
    ]


def test_several_changed_fields_are_named_together() -> None:
    changed = [{**ENTRY_42, "label": "x", "kind": "y"}, ENTRY_43]
    assert "changed its kind, label —" in check_errors(changed)[0]


def test_a_changed_label_in_the_seed_stops_the_pipeline() -> None:
    files = load(ROOT / SEED)
    assert files.registry_text is not None
    edited = files.registry_text.replace('"label": "Salvador Declaration, paragraph 42"',
                                         '"label": "Salvador Declaration, paragraph forty-two"')
    assert edited != files.registry_text
    with pytest.raises(InputError) as caught:
        build(replace(files, registry_text=edited))
    assert [d.message for d in caught.value.diagnostics] == ["published id 'att_1__para_42' changed its label"]


def test_a_gone_id_is_reported_at_its_registry_line() -> None:
    line = committed_text().split("\n").index('  "eId": "att_1__para_43",') + 1
    assert check_errors([ENTRY_42]) == [
        f"r.ids.json:{line}:1: error: published id 'att_1__para_43' (/declaration/43/) is gone from the source — "
        "restore it, or retire it by adding 'att_1__para_43: NEW_EID' to r.aliases.yml"
    ]


def test_an_alias_retires_a_gone_id() -> None:
    aliases = load_yaml("r.aliases.yml", "att_1__para_43: att_1__para_42\n")
    assert registry.check([ENTRY_42], "r.ids.json", committed_text(), "r.aliases.yml", aliases) == [
        Alias("att_1__para_43", "/declaration/43/", "att_1__para_42")
    ]


@pytest.mark.parametrize(
    ("aliases", "current", "message"),
    [
        ("# retired\n\natt_1__para_99: att_1__para_42\n", COMMITTED,
         "r.aliases.yml:3:1: error: alias 'att_1__para_99' names an id that was never published — "
         "use an eId from the registry, or delete the alias"),
        ("# retired\natt_1__para_43: att_1__para_42\n", COMMITTED,
         "r.aliases.yml:2:1: error: alias 'att_1__para_43' retires an id that the source still has — "
         "delete the alias: the id is still in use"),
    ],
)
def test_aliases_that_cannot_be_right(aliases: str, current: list, message: str) -> None:
    assert check_errors(current, load_yaml("r.aliases.yml", aliases)) == [message]


def test_an_alias_to_an_id_this_build_lacks() -> None:
    errors = check_errors([ENTRY_42], {"att_1__para_43": "att_1__para_44"})
    assert errors[0] == ("r.aliases.yml:1:1: error: alias 'att_1__para_43' points at 'att_1__para_44', which this "
                         "build does not have — point it at an id of the current text")
    assert len(errors) == 2 and "'att_1__para_43' (/declaration/43/) is gone" in errors[1]


def test_aliases_must_be_a_mapping() -> None:
    assert check_errors(COMMITTED, ["att_1__para_43"]) == [
        "r.aliases.yml:1:1: error: the aliases file must map old eIds to new ones — "
        "write lines such as 'att_1__para_56: att_1__para_55'"
    ]


def test_a_new_id_is_reported_until_recorded() -> None:
    new = {**ENTRY_43, "eId": "att_1__para_44"}
    errors = check_errors([ENTRY_42, ENTRY_43, new])
    assert errors == [
        "r.ids.json:1:1: error: id 'att_1__para_44' is new and not yet recorded — "
        "record it with 'make ids' (python -m build_scripts --record-ids) and commit the registry"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[\n {"eId": "a",}\n]', "r.ids.json:2:14: error: malformed JSON: Expecting property name enclosed in "
                                  "double quotes — restore the file from git, or rewrite it with --record-ids"),
        ('{"eId": "a"}', "r.ids.json:1:1: error: the id registry must be a list of entries with an 'eId' — "
                         "restore the file from git, or rewrite it with --record-ids"),
        ('[{"id": "a"}]', "r.ids.json:1:1: error: the id registry must be a list of entries with an 'eId' — "
                          "restore the file from git, or rewrite it with --record-ids"),
    ],
)
def test_a_malformed_registry(text: str, message: str) -> None:
    assert check_errors(COMMITTED, text=text) == [message]


def test_a_gone_id_in_a_compact_registry_is_reported_at_its_first_line() -> None:
    assert check_errors([ENTRY_42], text=json.dumps(COMMITTED, separators=(",", ":")))[0].startswith(
        "r.ids.json:1:1: error: published id 'att_1__para_43'")
