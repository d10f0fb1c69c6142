"""Inline grammar of the source: emphasis, footnote marks, line breaks.

The source is a Markdown-like extraction of a printed page, and only these
constructs carry meaning in it::

    *Recalling*           italic
    **2010/18**           bold
    <sup>63</sup>         footnote mark 63
    a newline in a block  a printed line break

Everything else — other ``<tags>``, ``[brackets](…)``, backslashes — is
literal text and is shown as text, never interpreted as HTML or Markdown.
Emphasis markers must pair up; one that does not is an error with its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, Location
from .model import Emphasis, FootnoteMark, Inline, LineBreak, Reference, Text

# Matches the three kinds of token that are not plain text:
#   <sup>63</sup>   a footnote mark (digits only)
#   ** or *         an emphasis marker
#   \n              a printed line break
_TOKEN = re.compile(
    r"""
      <sup>(?P<mark>[0-9]+)</sup>
    | (?P<stars>\*\*|\*)
    | (?P<newline>\n)
    """,
    re.VERBOSE,
)


@dataclass
class _Open:
    """An emphasis marker waiting for its closing twin."""

    strong: bool
    location: Location
    children: list[Inline] = field(default_factory=list)


def _locate(start: Location, text: str, offset: int) -> Location:
    before = text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return Location(start.path, start.line, start.col + offset)
    return Location(start.path, start.line + newlines, offset - before.rfind("\n"))


def parse_inline(text: str, start: Location) -> tuple[tuple[Inline, ...], list[Diagnostic]]:
    """Parse one block's text. ``start`` is where ``text[0]`` stands."""
    diagnostics: list[Diagnostic] = []
    root = _Open(strong=False, location=start)
    stack: list[_Open] = [root]
    position = 0

    def add_text(chunk: str) -> None:
        if chunk:
            stack[-1].children.append(Text(chunk))

    for match in _TOKEN.finditer(text):
        add_text(text[position : match.start()])
        position = match.end()
        here = _locate(start, text, match.start())
        if match["mark"] is not None:
            stack[-1].children.append(FootnoteMark(int(match["mark"]), here))
        elif match["newline"] is not None:
            stack[-1].children.append(LineBreak())
        else:
            strong = match["stars"] == "**"
            top = stack[-1]
            if len(stack) > 1 and top.strong == strong:
                stack.pop()
                stack[-1].children.append(Emphasis(tuple(top.children), strong))
            elif any(o.strong == strong for o in stack[1:]):
                diagnostics.append(
                    Diagnostic(
                        here,
                        f"'{match['stars']}' closes emphasis across another emphasis "
                        f"opened at line {top.location.line}, column {top.location.col}",
                        "close the inner emphasis first, so that markers nest like brackets",
                    )
                )
            else:
                stack.append(_Open(strong, here))
    add_text(text[position:])

    for unclosed in reversed(stack[1:]):
        marker = "**" if unclosed.strong else "*"
        style = "bold" if unclosed.strong else "italic"
        diagnostics.append(
            Diagnostic(
                unclosed.location,
                f"'{marker}' opens {style} text that is never closed in this block",
                f"add the closing '{marker}' where the {style} text ends, or remove this one",
            )
        )
        # Keep the text so that later stages can still report their own errors.
        stack[-2].children.append(Text(marker))
        stack[-2].children.extend(unclosed.children)
        stack.pop()
    return tuple(root.children), diagnostics


def plain_text(content: tuple[Inline, ...], marks: bool = False) -> str:
    """The words of ``content`` without markup; footnote numbers only when
    ``marks`` is true (for word-order checks against the source)."""
    out: list[str] = []
    for node in content:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Emphasis):
            out.append(plain_text(node.children, marks))
        elif isinstance(node, FootnoteMark):
            if marks:
                out.append(str(node.number))
        elif isinstance(node, LineBreak):
            out.append(" ")
        elif isinstance(node, Reference):
            out.append(node.text)
    return "".join(out)


def footnote_marks(content: tuple[Inline, ...]) -> list[FootnoteMark]:
    found: list[FootnoteMark] = []
    for node in content:
        if isinstance(node, FootnoteMark):
            found.append(node)
        elif isinstance(node, Emphasis):
            found.extend(footnote_marks(node.children))
    return found


def starts_lowercase(content: tuple[Inline, ...]) -> bool:
    first = plain_text(content).lstrip()
    return bool(first) and first[0].islower()


def split_last_word(content: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], tuple[Inline, ...]]:
    """``content`` as (everything before its last word, the last word and
    what follows it), so that a renderer can keep the last word on one line
    with what it puts after the text (the ¶ and copy-link glyphs). Nothing
    is lost or reordered: ``head + tail`` has the same words and marks.

    The last word is the end of the last text with a non-space character:
    after "… responses to cybercrime.<sup>6</sup>" the tail is
    "cybercrime.<sup>6</sup>". Inside emphasis the split goes into the
    emphasis (both halves keep it); a reference is never cut, so a text
    ending in one carries the whole reference in its tail."""
    for index in range(len(content) - 1, -1, -1):
        node = content[index]
        if isinstance(node, Text) and node.text.strip():
            stripped = node.text.rstrip()
            cut = max(stripped.rfind(" "), stripped.rfind("\n")) + 1
            head = (*content[:index], Text(node.text[:cut])) if cut else content[:index]
            return head, (Text(node.text[cut:]), *content[index + 1:])
        if isinstance(node, Emphasis) and plain_text(node.children).strip():
            inner_head, inner_tail = split_last_word(node.children)
            head = (*content[:index], Emphasis(inner_head, node.strong)) if inner_head else content[:index]
            return head, (Emphasis(inner_tail, node.strong), *content[index + 1:])
        if isinstance(node, Reference):
            return content[:index], content[index:]
    return (), content
