"""The escaping helpers, one per context (build_scripts/render/common.py):
whatever the text, what Python-Markdown, an HTML parser, YAML or JSON reads
back is the text itself."""

from __future__ import annotations

import html
import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
import yaml

from build_scripts.inline_render import escape_line_start, escape_markdown
from build_scripts.pipeline import build, load
from build_scripts.render import mkdocs_config
from build_scripts.render import render as render_site
from build_scripts.render.common import html_attribute, json_script, markdown_code, markdown_text, page_meta
from conftest import ROOT, SEED

HOSTILE = [
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "A & B &amp; C ' \"",
    "_b_ *c* **d** `e` \\f",
    "[x](javascript:alert(1)) ![i](x.png) <http://example.org>",
    "{{ 7*7 }} {% if 1 %}y{% endif %} {: .cls } { #id }",
    "1. a list?",
    "2) another",
    "- a bullet",
    "+ plus",
    "> a quote",
    "# a heading #",
    "=== an underline",
    "a | table | row",
    "--> <!-- comment",
    "    four spaces",
    "<br> line",
]
# The extensions of mkdocs.yml that read text.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables"]


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.update({k: v or "" for k, v in attrs})


def attributes(fragment: str) -> dict[str, str]:
    parser = _Attributes()
    parser.feed(fragment)
    return parser.found


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def paragraph_text(rendered: str) -> str:
    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
    inner = rendered[3:-4]
    assert "<" not in inner, rendered  # no element of any kind
    return html.unescape(inner)


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_reads_back_as_the_text(text: str) -> None:
    expected = " ".join(text.split())
    assert paragraph_text(render(markdown_text(text))) == expected
    # Mid-line, after other words, too.
    assert paragraph_text(render("Before " + markdown_text(text))) == "Before " + expected


# Source blocks are stripped: their text never starts with spaces.
@pytest.mark.parametrize("text", [t for t in HOSTILE if not t.startswith(" ")])
def test_inline_text_at_a_block_start_reads_back_as_the_text(text: str) -> None:
    # What to_markdown does with each Text node, then the start of a block.
    assert paragraph_text(render(escape_line_start(escape_markdown(text)))) == text


class _Code(HTMLParser):
    """The text of each <code> element, with entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.codes: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "code" or self.depth == 0, f"<{tag}> inside code"
        if tag == "code":
            self.depth += 1
            self.codes.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "code":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.codes[-1] += data


def code_texts(rendered: str) -> list[str]:
    parser = _Code()
    parser.feed(rendered)
    return parser.codes


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_code_reads_back_as_the_text(text: str) -> None:
    expected = " ".join(text.split())
    assert code_texts(render("Open " + markdown_code(text) + " now")) == [expected]


def test_the_offline_page_shows_the_bundle_name_as_written() -> None:
    """The bundle's name comes from the source file's name, which may hold
    any character: the offline page shows it as written, in code."""
    stem = "a`b` _c_ *d* <i>e<b> &amp; [f](javascript:g) {{ 1 }} # |"  # no "/": it is a file name
    files = load(ROOT / SEED)
    site = build(replace(files, source_path=str(Path("/tmp") / f"{stem}.md")), check_registry=False)
    page = render_site(site)["offline.md"].split("---\n", 2)[2]
    codes = [c for c in code_texts(render(page)) if c != "index.html"]
    # The download link's address (an attribute the theme prints as it is)
    # is percent-encoded, and names the same file.
    href = mkdocs_config(site)["extra"]["bundle"]["href"]
    assert not set(href) & set('"<>&` {}') and unquote(href) == f"downloads/{stem}-offline.zip", href
    name = f"{stem}-offline"
    assert codes == [f"{name}.zip", f"{name}.zip", name, f"{name}.zip.sha256", f"sha256sum {name}.zip",
                     f"certutil -hashfile {name}.zip SHA256"], codes


@pytest.mark.parametrize("text", HOSTILE)
def test_attribute_reads_back_as_the_text(text: str) -> None:
    value = html_attribute(text)
    # In inline HTML inside a Markdown paragraph (the copy and cite buttons) …
    rendered = render(f'Text <button data-copy="{value}">Cite</button> more')
    assert attributes(rendered)["data-copy"] == text, rendered
    # … in an attribute list after a link (aria-label) …
    rendered = render(f'[x](a.md){{ aria-label="{value}" }}')
    assert attributes(rendered)["aria-label"] == text, rendered
    # … and in raw HTML.
    assert attributes(f'<p title="{value}">')["title"] == text


def test_attribute_escapes_each_character_on_its_own() -> None:
    # html_attribute maps character by character (one translation table),
    # so checking every character checks every text.
    markdown_ones = "`\\{}[]*_#|"
    for code in range(0x110000):
        c = chr(code)
        expected = f"&#{code};" if c in markdown_ones else html.escape(c, quote=True)
        assert html_attribute(c) == expected
    assert html_attribute("a'b") == "a&#x27;b" and html_attribute(7) == "7"


@pytest.mark.parametrize("text", HOSTILE)
def test_page_meta_is_yaml_of_escaped_html(text: str) -> None:
    loaded = yaml.safe_load(f"title: {page_meta(text)}")["title"]
    assert not set("<>\"'") & set(loaded)  # safe wherever Material prints it
    assert html.unescape(loaded) == " ".join(text.split())


def test_json_script_cannot_close_its_element() -> None:
    value = {"label": "</script><script>alert(1)</script> <!--", "html": "<p>&amp;</p>"}
    written = json_script(value)
    assert "<" not in written
    assert json.loads(written) == value
