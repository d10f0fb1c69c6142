"""Table tests for the id and URL rules of DESIGN.md §2."""

import pytest

from build_scripts import ids
from build_scripts.model import BlockKind

PRE, OPR = BlockKind.PREAMBLE, BlockKind.OPERATIVE


@pytest.mark.parametrize(
    ("part", "kind", "num", "eid"),
    [
        ("main", PRE, "3", "preamble__p_3"),
        ("main", OPR, "9", "para_9"),
        ("att_1", PRE, "2", "att_1__preamble__p_2"),
        ("att_1", OPR, "42", "att_1__para_42"),
        ("att_2", OPR, "1", "att_2__para_1"),
    ],
)
def test_paragraph_eid(part: str, kind: BlockKind, num: str, eid: str) -> None:
    assert ids.paragraph_eid(part, kind, num) == eid


def test_point_eid() -> None:
    assert ids.point_eid("att_1__para_13", "a") == "att_1__para_13__list_1__point_a"


@pytest.mark.parametrize(
    ("slug", "kind", "num", "path", "url"),
    [
        ("resolution", PRE, "3", "resolution/preamble/3.md", "resolution/preamble/3/"),
        ("resolution", OPR, "18", "resolution/18.md", "resolution/18/"),
        ("declaration", PRE, "8", "declaration/preamble/8.md", "declaration/preamble/8/"),
        ("declaration", OPR, "42", "declaration/42.md", "declaration/42/"),
    ],
)
def test_paragraph_path_and_url(slug: str, kind: BlockKind, num: str, path: str, url: str) -> None:
    assert ids.paragraph_path(slug, kind, num) == path
    assert ids.page_url(path) == url


@pytest.mark.parametrize(
    ("path", "url"),
    [("index.md", ""), ("declaration/index.md", "declaration/"), ("footnotes.md", "footnotes/"),
     ("declaration/13/a.md", "declaration/13/a/")],
)
def test_page_url(path: str, url: str) -> None:
    assert ids.page_url(path) == url


def test_point_path_sits_under_its_paragraph() -> None:
    assert ids.point_path("declaration/13.md", "a") == "declaration/13/a.md"


@pytest.mark.parametrize(
    ("name", "part", "kind", "num", "label"),
    [
        ("Salvador Declaration", "att_1", OPR, "42", "Salvador Declaration, paragraph 42"),
        ("Salvador Declaration", "att_1", PRE, "2", "Salvador Declaration, preambular paragraph 2"),
        ("Resolution 2010/18", "main", OPR, "9", "Resolution 2010/18, operative paragraph 9"),
        ("Resolution 2010/18", "main", PRE, "3", "Resolution 2010/18, preambular paragraph 3"),
    ],
)
def test_labels(name: str, part: str, kind: BlockKind, num: str, label: str) -> None:
    assert ids.paragraph_label(name, part, kind, num) == label


@pytest.mark.parametrize(
    ("name", "part", "kind", "label"),
    [
        ("Resolution 80/9", "main", OPR, "Resolution 80/9, operative paragraph (unnumbered)"),
        ("Declaration", "att_1", OPR, "Declaration, paragraph (unnumbered)"),
        ("Declaration", "att_1", PRE, "Declaration, preambular paragraph (unnumbered)"),
    ],
)
def test_labels_of_paragraphs_printed_without_a_number(name: str, part: str, kind: BlockKind, label: str) -> None:
    assert ids.paragraph_label(name, part, kind, "1", printed=False) == label
