"""The inline grammar and its escaping: only emphasis, footnote marks and
line breaks are markup; everything else is text."""

import markdown
import pytest
from bs4 import BeautifulSoup

from build_scripts.diagnostics import Location
from build_scripts.inline import parse_inline, plain_text
from build_scripts.inline_render import FootnoteRefs, escape_line_start, to_html, to_markdown
from build_scripts.model import Emphasis, FootnoteMark, LineBreak, Text

START = Location("t.md", 5, 1)


def parsed(text: str):
    content, problems = parse_inline(text, START)
    assert problems == []
    return content


def test_emphasis_and_marks() -> None:
    content = parsed("*Recalling* its resolution,<sup>2</sup> and **bold**")
    assert content == (
        Emphasis((Text("Recalling"),), strong=False),
        Text(" its resolution,"),
        FootnoteMark(2, Location("t.md", 5, 28)),
        Text(" and "),
        Emphasis((Text("bold"),), strong=True),
    )


def test_mark_inside_emphasis_and_line_break() -> None:
    content = parsed("*45th plenary meeting\n22 July 2010*")
    assert content == (Emphasis((Text("45th plenary meeting"), LineBreak(), Text("22 July 2010")), strong=False),)


def test_unclosed_emphasis_is_an_error_at_the_opener() -> None:
    content, problems = parse_inline("a *b c", Location("t.md", 3, 1))
    assert [p.format() for p in problems] == [
        "t.md:3:3: error: '*' opens italic text that is never closed in this block — "
        "add the closing '*' where the italic text ends, or remove this one"
    ]
    assert plain_text(content) == "a *b c"


def test_other_tags_are_text_not_html() -> None:
    content = parsed('<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))')
    markdown = to_markdown(content, FootnoteRefs())
    assert "<script" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;" in markdown
    assert "\\[x\\](javascript:alert(3))" in markdown
    assert "&lt;img" in to_html(content)


@pytest.mark.parametrize(
    ("markdown", "escaped"),
    [("1990. was", "1990\\. was"), ("- item", "\\- item"), ("# no", "\\# no"), ("plain", "plain")],
)
def test_line_start_hazards(markdown: str, escaped: str) -> None:
    assert escape_line_start(markdown) == escaped


def test_footnote_ref_ids_are_unique_per_page() -> None:
    refs = FootnoteRefs()
    content = parsed("a<sup>2</sup> b<sup>2</sup>")
    markdown = to_markdown(content, refs)
    assert 'id="fnref:2"' in markdown and 'id="fnref2:2"' in markdown
    assert refs.ids[2] == ["fnref:2", "fnref2:2"]
    # The printed number is what the reader sees.
    assert 'href="#fn:2" role="doc-noteref" aria-label="Footnote 2">2</a>' in markdown


def rendered(markdown_text: str) -> BeautifulSoup:
    """Markdown as the site renders it: Python-Markdown with mkdocs.yml's
    extensions (attr_list reads "{…}" after a span)."""
    html = markdown.markdown(markdown_text, extensions=["admonition", "attr_list", "md_in_html", "tables"])
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    "text",
    [
        "a _b_ c",
        "snake_case_name and __dunder__",
        "a `code` span and a \\ backslash",
        "[x](javascript:alert(1)) and ![img](y)",
        "{ .class } {: #id } a{: .x }",
        "<b>bold</b> &amp; &lt; 1 < 2 > 0",
        "paragraphs 1 * 2 and 3 ** 4",
    ],
)
def test_source_text_renders_as_the_same_text(text: str) -> None:
    # Escaped once, in one place: whatever the source says comes out as text.
    page = rendered(to_markdown((Text(text),), FootnoteRefs()))
    assert [element.name for element in page.find_all(True)] == ["p"]
    assert page.get_text() == text


def test_underscores_are_escaped_in_markdown() -> None:
    assert to_markdown((Text("_b_"),), FootnoteRefs()) == "\\_b\\_"


def test_a_printed_line_break_stays_a_line_break() -> None:
    content = parsed("45th plenary meeting\n22 July 2010")
    markdown_text = to_markdown(content, FootnoteRefs())
    assert markdown_text == "45th plenary meeting<br>22 July 2010"
    assert rendered(markdown_text).get_text(" ").split() == ["45th", "plenary", "meeting", "22", "July", "2010"]
    assert to_html(content) == "45th plenary meeting<br>22 July 2010"
