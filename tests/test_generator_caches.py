"""What the generator keeps in .cache/ between runs, and the shortcuts that
make it faster, give exactly the output of a run without them: the share
card and the settings' YAML are read back only for the inputs they were
made from, and the parallels found with the cheap bound are those of the
full comparison of every pair."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import PIL
import pytest
import yaml

from build_scripts import card, memo, parallels
from build_scripts.model import Parallel
from build_scripts.parse import parse_collecting
from build_scripts.pipeline import build, load
from build_scripts.render import mkdocs_config, offline_mkdocs_config
from build_scripts.settings_yaml import HEADER, settings_yaml
from conftest import ROOT, SEED, copy_project, run

CORPUS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.md"))
NAME, DESCRIPTION = "Salvador Declaration reader", "A resolution and its annex, paragraph by paragraph."


# --- the share card ----------------------------------------------------------


def test_the_cached_card_is_the_drawn_card(tmp_path: Path) -> None:
    drawn = card.card_png(NAME, DESCRIPTION)
    assert card.cached_card_png(NAME, DESCRIPTION, tmp_path) == drawn  # drawn and kept
    assert [p.suffix for p in tmp_path.iterdir()] == [".png"]
    assert card.cached_card_png(NAME, DESCRIPTION, tmp_path) == drawn  # read back


def test_a_kept_card_is_read_for_its_own_texts_only(tmp_path: Path) -> None:
    card.cached_card_png(NAME, DESCRIPTION, tmp_path)
    [entry] = tmp_path.iterdir()
    # What the cache holds is what it gives: a planted entry shows that the
    # second run reads it rather than drawing again …
    entry.write_bytes(b"kept")
    assert card.cached_card_png(NAME, DESCRIPTION, tmp_path) == b"kept"
    # … and a new name or description is never given the old card.
    for name, description in [("Another reader", DESCRIPTION), (NAME, "Another description.")]:
        assert card.cached_card_png(name, description, tmp_path) == card.card_png(name, description)
        assert card.card_png(name, description) != card.card_png(NAME, DESCRIPTION)


def test_the_cards_key_names_the_code_and_pillow_that_draw_it(monkeypatch: pytest.MonkeyPatch) -> None:
    key = card._key(NAME, DESCRIPTION)
    assert card._key(NAME, DESCRIPTION) == key
    assert card._key(NAME + " ", DESCRIPTION) != key
    with monkeypatch.context() as patched:
        patched.setattr(PIL, "__version__", PIL.__version__ + ".1")
        assert card._key(NAME, DESCRIPTION) != key
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes",
                        lambda self: read_bytes(self) + (b"# changed" if self.name == "card.py" else b""))
    assert card._key(NAME, DESCRIPTION) != key


def test_an_unwritable_cache_only_means_drawing_again(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert card.cached_card_png(NAME, DESCRIPTION, blocked / "card") == card.card_png(NAME, DESCRIPTION)


# --- the cache itself --------------------------------------------------------


def test_keys_do_not_run_parts_together() -> None:
    assert memo.key("ab", "c") != memo.key("a", "bc")
    assert memo.key("a", b"b") == memo.key(b"a", "b")


def _made(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def test_the_cache_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    for n in range(memo.KEEP + 2):
        memo.remembered(tmp_path, f"{n}.bin", _made(b"%d" % n))
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [f"{n}.bin" for n in range(2, memo.KEEP + 2)]
    # Reading an entry makes it the most recent: the next one removes another.
    assert memo.remembered(tmp_path, "2.bin", lambda: b"made again") == b"2"
    memo.remembered(tmp_path, "new.bin", lambda: b"new")
    assert "2.bin" in {p.name for p in tmp_path.iterdir()}
    assert "3.bin" not in {p.name for p in tmp_path.iterdir()}
    assert not list(tmp_path.glob("*.tmp"))


# --- the settings' YAML ------------------------------------------------------


def _settings(source: Path, site_url: str | None = None) -> list[dict]:
    site = build(load(source, site_url))
    return [mkdocs_config(site), offline_mkdocs_config(site)]


def _pyyaml(settings: object) -> str:
    return HEADER + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=10_000)


@pytest.mark.parametrize("source", [ROOT / SEED, *CORPUS], ids=lambda p: p.stem[:12])
def test_the_settings_yaml_is_pyyamls_made_or_kept(source: Path, tmp_path: Path) -> None:
    for settings in _settings(source) + _settings(source, "https://salvador-reader.github.io/"):
        expected = _pyyaml(settings)
        assert settings_yaml(settings, tmp_path) == expected
        assert settings_yaml(settings, tmp_path) == expected


def test_settings_that_differ_are_never_given_each_others_yaml(tmp_path: Path) -> None:
    nav = [{"One": "one.md"}, {"Two": "two.md"}]
    settings_yaml({"site_name": "A", "nav": nav}, tmp_path)
    others: list[dict[str, Any]] = [
        {"site_name": "B", "nav": nav},
        {"site_name": "A", "nav": nav[:1]},
        {"site_name": "A", "nav": [{"One": "one.md"}, {"Two ": "two.md"}]},
        {"site_name": "A", "nav": [{"One": "one.md"}, {"Two": "two.md"}], "site_url": None},
    ]
    for other in others:
        assert settings_yaml(other, tmp_path) == _pyyaml(other)


def _outcome(dump: Callable[[dict[str, Any]], str], settings: dict[str, Any]) -> str | type[Exception]:
    try:
        return dump(settings)
    except yaml.YAMLError as error:
        return type(error)


def test_what_repr_does_not_show_is_dumped_each_time(tmp_path: Path) -> None:
    class Name(str):
        pass

    # The same repr: the second shares one list, which PyYAML writes once,
    # with an anchor.
    plain = {"a": ["x"], "b": ["x"]}
    shared_list = ["x"]
    shared = {"a": shared_list, "b": shared_list}
    assert repr(plain) == repr(shared) and _pyyaml(plain) != _pyyaml(shared)
    assert settings_yaml(plain, tmp_path) == _pyyaml(plain)
    assert settings_yaml(shared, tmp_path) == _pyyaml(shared)
    # Values of other types, which may print as a plain one does: PyYAML's
    # answer, each time.
    others: list[dict[str, Any]] = [{"a": ("x",)}, {"a": Name("x")}, {"a": [{"b": ["x"]}, {"c": []}]}]
    for other in others:
        assert _outcome(lambda s: settings_yaml(s, tmp_path), other) == _outcome(_pyyaml, other)


# --- parallels -----------------------------------------------------------------


def _every_pair(document) -> list[Parallel]:
    """Parallels by the full comparison of every pair, as before the bound."""
    main = [b for part in document.parts if part.key == "main" for b in part.paragraphs]
    annexes = [b for part in document.parts if part.key != "main" for b in part.paragraphs]
    found = []
    for a in main:
        for b in annexes:
            score = parallels.similarity(parallels._text(a), parallels._text(b))
            if score >= parallels.THRESHOLD:
                found.append(Parallel(a.eid or "", b.eid or "", round(score, 2)))
    return found


@pytest.mark.parametrize("source", [ROOT / SEED, *CORPUS], ids=lambda p: p.stem[:12])
def test_parallels_are_those_of_the_full_comparison(source: Path) -> None:
    files = load(source)
    document, _ = parse_collecting(files.source_path, files.source_text)
    found = parallels.find_parallels(document)
    assert found == _every_pair(document)
    if source == ROOT / SEED:
        assert len(found) == 6


def _counted(a: str, b: str) -> int:
    """The words :func:`parallels._similarity` counts for ``a`` and ``b``."""
    wa, wb = parallels._words(a), parallels._words(b)
    return round(parallels._similarity(wa, wb) * min(wa.lower_count, wb.lower_count))


def test_the_bound_is_never_below_the_count() -> None:
    rng = random.Random(2010_18)
    vocabulary = ["the", "of", "and", "crime", "justice", "States", "United", "Nations", "prevention", "to"]
    tight = 0
    for _ in range(3000):
        a = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 40)))
        # b shares runs of a with it, reordered and interrupted, or not.
        words = a.split()
        cut = sorted(rng.sample(range(len(words) + 1), k=min(len(words) + 1, 4)))
        pieces = [words[i:j] for i, j in zip(cut, cut[1:], strict=False)] + [[rng.choice(vocabulary)]]
        rng.shuffle(pieces)
        b = " ".join(w for piece in pieces for w in piece + [rng.choice(vocabulary)] * rng.randint(0, 1))
        bound = parallels._at_most(parallels._words(a), parallels._words(b))
        counted = _counted(a, b)
        assert bound >= counted, (a, b)
        tight += bound == counted > 0
    assert tight > 100  # the bound is often exact, not only large


def test_the_bound_counts_lower_case_words_of_shared_runs() -> None:
    a = parallels._words("Welcomes the offer of Qatar to host the congress, and the Member States")
    b = parallels._words("We welcome the offer of Qatar to host it; the Member States agree")
    # "the offer of Qatar to host" (5 words in lower case) and nothing else:
    # "the Member States" is three words.
    assert parallels._at_most(a, b) == 5 == _counted(
        "Welcomes the offer of Qatar to host the congress, and the Member States",
        "We welcome the offer of Qatar to host it; the Member States agree")


# --- a whole run ------------------------------------------------------------------


def test_a_run_with_the_caches_writes_what_a_run_without_them_writes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")

    def generate(out: str) -> dict[str, bytes]:
        run([sys.executable, "-m", "build_scripts", "--source", SEED, "--docs", out,
             "--config-out", f"{out}.generated/mkdocs.yml", "--ids-out", f"{out}.generated/ids.json", "--quiet"],
            project, site_url="https://salvador-reader.github.io/")
        return {p.relative_to(project).as_posix().split("/", 1)[1]: p.read_bytes()
                for folder in (project / out, project / f"{out}.generated")
                for p in sorted(folder.rglob("*")) if p.is_file()}

    cold = generate("cold")
    cache = project / ".cache"
    assert {p.parent.name for p in cache.rglob("*.png")} == {"card"}
    assert len(list((cache / "settings-yaml").glob("*.yml"))) == 2
    assert generate("warm") == cold
    # A new site name: a new card, the one drawn for it.
    settings = project / SEED.replace(".md", ".yml")
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "site_name: Salvador Declaration reader", "site_name: The Salvador reader"), encoding="utf-8")
    renamed = generate("renamed")
    assert renamed["social/card.png"] != cold["social/card.png"]
    assert renamed["social/card.png"] == card.card_png("The Salvador reader", " ".join(
        yaml.safe_load(settings.read_text(encoding="utf-8"))["description"].split()))
    assert b"site_name: The Salvador reader" in renamed["mkdocs.yml"]
