"""The inline grammar and its escaping: only emphasis, footnote marks and
line breaks are markup; everything else is text."""

import markdown
import pytest
from bs4 import BeautifulSoup

from build_scripts.diagnostics import Location
from build_scripts.inline import parse_inline, plain_text, starts_lowercase
from build_scripts.inline_render import FootnoteRefs, escape_line_start, to_html, to_markdown
from build_scripts.model import Emphasis, FootnoteMark, LineBreak, Reference, Text
from conftest import one

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


def test_quotes_and_apostrophes_stay_as_they_are() -> None:
    # Only & < > become entities: quotes are text in Markdown.
    assert to_markdown((Text("\"a\" 'b' & <c>"),), FootnoteRefs()) == "\"a\" 'b' &amp; &lt;c&gt;"
    assert to_html((Text("\"a\" 'b' & <c>"),)) == "\"a\" 'b' &amp; &lt;c&gt;"


REFERENCE = Reference("paragraph 42 of the *Declaration*", "att_1__para_42", False, "in line with", START)


def test_a_reference_with_a_target_on_this_page_is_a_link() -> None:
    markdown_text = to_markdown((Text("see "), REFERENCE, Text(".")), FootnoteRefs(),
                                lambda node: f"../{node.target}/")
    assert markdown_text == ('see [paragraph 42 of the \\*Declaration\\*](../att_1__para_42/)'
                             '{ .sd-ref data-preview="att_1__para_42" }.')
    link = one(rendered(markdown_text), "a")
    assert (link.get_text(), link["href"], link["class"], link["data-preview"]) == (
        "paragraph 42 of the *Declaration*", "../att_1__para_42/", ["sd-ref"], "att_1__para_42")


def test_a_reference_without_a_target_is_text() -> None:
    assert to_markdown((REFERENCE,), FootnoteRefs(), lambda node: None) == "paragraph 42 of the \\*Declaration\\*"
    assert to_markdown((REFERENCE,), FootnoteRefs()) == "paragraph 42 of the \\*Declaration\\*"
    assert to_html((REFERENCE, Text(" <b>"))) == "paragraph 42 of the *Declaration* &lt;b&gt;"


def test_emphasis_marks_and_references_nest() -> None:
    content = (Emphasis((Text("a_b"), FootnoteMark(3, START), LineBreak()), strong=True),
               Emphasis((REFERENCE,), strong=False))
    refs = FootnoteRefs()
    assert to_markdown(content, refs, lambda node: "x/") == (
        '<strong>a\\_b<sup id="fnref:3" class="sd-fnref" data-search-exclude><a class="footnote-ref" '
        'href="#fn:3" role="doc-noteref" aria-label="Footnote 3">3</a></sup><br></strong>'
        '<em>[paragraph 42 of the \\*Declaration\\*](x/){ .sd-ref data-preview="att_1__para_42" }</em>')
    assert refs.numbers == [3]
    assert to_html(content) == ("<strong>a_b<sup>3</sup><br></strong>"
                                "<em>paragraph 42 of the *Declaration*</em>")


@pytest.mark.parametrize(
    ("markdown_text", "escaped"),
    [("1) was", "1\\) was"), ("+ item", "\\+ item"), ("> quote", "\\> quote"), ("= line", "&#61; line"),
     ("12.5 per cent", "12.5 per cent"), ("a - b", "a - b")],
)
def test_more_line_start_hazards(markdown_text: str, escaped: str) -> None:
    assert escape_line_start(markdown_text) == escaped


def test_locations_of_marks_across_lines() -> None:
    content, problems = parse_inline("ab<sup>1</sup>\ncd<sup>2</sup> *e", Location("t.md", 5, 3))
    marks = [node for node in content if isinstance(node, FootnoteMark)]
    assert [(m.number, m.location.line, m.location.col) for m in marks] == [(1, 5, 5), (2, 6, 3)]
    assert [p.location for p in problems] == [Location("t.md", 6, 16)]


def test_emphasis_closed_across_another_is_an_error() -> None:
    content, problems = parse_inline("*a **b* c**", Location("t.md", 2, 1))
    assert [p.format() for p in problems] == [
        "t.md:2:7: error: '*' closes emphasis across another emphasis opened at line 2, column 4 — "
        "close the inner emphasis first, so that markers nest like brackets",
        "t.md:2:1: error: '*' opens italic text that is never closed in this block — "
        "add the closing '*' where the italic text ends, or remove this one",
    ]


def test_plain_text_with_and_without_marks() -> None:
    content = parsed("*Recalling*<sup>1</sup> it,\nand <sup>22</sup>**this**")
    assert plain_text(content) == "Recalling it, and this"
    assert plain_text(content, marks=True) == "Recalling1 it, and 22this"
    assert plain_text((REFERENCE,)) == "paragraph 42 of the *Declaration*"


@pytest.mark.parametrize(("text", "lower"), [("and so", True), ("  and so", True), ("And so", False),
                                              ("*and* so", True), ("", False), ("1990", False)])
def test_starts_lowercase(text: str, lower: bool) -> None:
    assert starts_lowercase(parsed(text)) is lower


def test_unclosed_bold_is_named_bold() -> None:
    _, problems = parse_inline("a **b c", Location("t.md", 1, 1))
    assert [p.format() for p in problems] == [
        "t.md:1:3: error: '**' opens bold text that is never closed in this block — "
        "add the closing '**' where the bold text ends, or remove this one"
    ]


def test_marks_inside_emphasis_count_as_marks() -> None:
    assert plain_text(parsed("*a<sup>1</sup>* b"), marks=True) == "a1 b"


def test_a_mark_three_lines_down() -> None:
    content, _ = parse_inline("a\nbb\nccc<sup>4</sup>", Location("t.md", 1, 5))
    assert [(n.location.line, n.location.col) for n in content if isinstance(n, FootnoteMark)] == [(3, 4)]
