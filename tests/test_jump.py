"""The jump box (docs/assets/jump.js) in Chromium: each way of writing a
reference goes to its page, online and from file://, from the home page's
box and from the header's; an unknown or ambiguous reference gets a clear
message, and the page stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import block_requests

# (typed, page it goes to from the home page, as a docs path).
FROM_HOME = [
    ("42", "declaration/42"),
    ("op 9", "resolution/9"),
    ("OP9", "resolution/9"),
    ("pp 3", "resolution/preamble/3"),
    ("decl 42", "declaration/42"),
    ("Declaration, paragraph 42", "declaration/42"),
    ("§ 42", "declaration/42"),
    ("res pp 3", "resolution/preamble/3"),
    ("decl pp 3", "declaration/preamble/3"),
    ("res 9", "resolution/9"),
    ("decl", "declaration/index"),
    ("fn 6", "footnotes#footnote-6"),
]


def online(site_url: str, path: str) -> str:
    page, _, anchor = path.partition("#")
    page = page.removesuffix("index")
    url = f"{site_url}/{page}" + ("/" if page and not page.endswith("/") else "")
    return url + (f"#{anchor}" if anchor else "")


def offline(root: Path, path: str) -> str:
    page, _, anchor = path.partition("#")
    return (root / f"{page}.html").as_uri() + (f"#{anchor}" if anchor else "")


def jump(page, typed: str, where: str = "home") -> None:
    box = page.locator(f"#sd-jump-{where}")
    box.fill(typed)
    box.press("Enter")


@pytest.mark.parametrize(("typed", "target"), FROM_HOME)
def test_home_box_goes_to_the_reference(page, site_url: str, typed: str, target: str) -> None:
    page.goto(site_url + "/")
    jump(page, typed)
    page.wait_for_url(online(site_url, target))


@pytest.mark.parametrize(("typed", "target"), [FROM_HOME[0], FROM_HOME[3], FROM_HOME[7], FROM_HOME[-1]])
def test_home_box_from_file(browser, offline_site: Path, typed: str, target: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    blocked = block_requests(context, "file://")
    page.goto((offline_site / "index.html").as_uri())
    jump(page, typed)
    page.wait_for_url(offline(offline_site, target))
    assert blocked == []
    context.close()


def test_header_box_reads_the_part_being_read(page, site_url: str) -> None:
    """From a Declaration page, "9" and "pp 3" are the Declaration's; "op 9"
    stays the resolution's."""
    page.goto(site_url + "/declaration/42/")
    jump(page, "9", "header")
    page.wait_for_url(f"{site_url}/declaration/9/")
    jump(page, "pp 3", "header")
    page.wait_for_url(f"{site_url}/declaration/preamble/3/")
    jump(page, "op 9", "header")
    page.wait_for_url(f"{site_url}/resolution/9/")
    # In the resolution, a number is the resolution's.
    jump(page, "12", "header")
    page.wait_for_url(f"{site_url}/resolution/12/")


def test_header_box_from_file(browser, offline_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((offline_site / "declaration" / "42.html").as_uri())
    jump(page, "res pp 3", "header")
    page.wait_for_url((offline_site / "resolution" / "preamble" / "3.html").as_uri())
    context.close()


@pytest.mark.parametrize(("typed", "said"), [
    ("hello", "“hello” is not a paragraph reference. Try 42, op 10, pp 3."),
    ("decl 99", "There is no “decl 99” in this text. Try 42, op 10, pp 3."),
    ("fn 999", "There is no “fn 999” in this text. Try 42, op 10, pp 3."),
    ("", "Type a paragraph number first, such as 42, op 10, pp 3."),
])
def test_unknown_reference_is_said_and_the_page_stays(page, site_url: str, typed: str, said: str) -> None:
    page.goto(site_url + "/")
    jump(page, typed)
    message = page.locator(".sd-jump--home .sd-jump__message")
    message.wait_for(state="visible")
    assert message.inner_text() == said
    assert page.url == f"{site_url}/"
    assert message.get_attribute("role") == "status"


def test_unknown_reference_from_file(browser, offline_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((offline_site / "declaration" / "42.html").as_uri())
    jump(page, "decl 99", "header")
    message = page.locator(".sd-jump--header .sd-jump__message")
    message.wait_for(state="visible")
    assert message.inner_text().startswith("There is no “decl 99”")
    context.close()


def test_ambiguous_number_offers_both_texts(page, site_url: str) -> None:
    page.goto(site_url + "/")
    jump(page, "9")
    links = page.locator(".sd-jump--home .sd-jump__message a")
    links.first.wait_for()
    assert links.all_inner_texts() == [
        "9 · Expert group on cybercrime — Resolution 2010/18",
        "9 · Resources for crime prevention and for the Office on Drugs and Crime — Salvador Declaration",
    ]
    links.nth(1).click()
    page.wait_for_url(f"{site_url}/declaration/9/")


def test_parsing_rules_table(page, site_url: str) -> None:
    """window.sdJump.parse, the rules other scripts share."""
    page.goto(site_url + "/")
    page.locator("#sd-jump-home").focus()  # loads jump.js
    page.wait_for_function("window.sdJump !== undefined")
    parts = [{"key": "main", "words": ["resolution", "2010/18"]},
             {"key": "att_1", "words": ["declaration", "salvador", "annex"]}]
    cases = {
        "42": {"kind": "any", "parts": [], "num": "42", "letter": ""},
        "op. 9": {"kind": "operative", "parts": [], "num": "9", "letter": ""},
        "pp3": {"kind": "preamble", "parts": [], "num": "3", "letter": ""},
        "13 (a)": {"kind": "any", "parts": [], "num": "13", "letter": "a"},
        "13a": {"kind": "any", "parts": [], "num": "13", "letter": "a"},
        "Salvador Declaration ¶ 042": {"kind": "any", "parts": ["att_1", "att_1"], "num": "42", "letter": ""},
        "res": {"kind": "any", "parts": ["main"], "num": None, "letter": ""},
        "fn 6": {"kind": "footnote", "parts": [], "num": "6", "letter": ""},
        "42 43": None,
        "cybercrime": None,
        "pp": None,
    }
    for typed, expected in cases.items():
        assert page.evaluate("([parts, typed]) => window.sdJump.parse(parts, typed)", [parts, typed]) == expected, typed
