"""Quoting a text that may itself hold quotations, as UN style does: double
quotation marks outside, single ones inside.

``quoted('Follow-up to the “World Social Summit”')`` →
``“Follow-up to the ‘World Social Summit’”``, never ``“… “World Social
Summit” …”``. Single quotation marks already in the text stay as they are:
"’" is also the apostrophe ("Member States’"), so it cannot be told from a
closing quotation mark.
"""

from __future__ import annotations

import re

# A straight double quotation mark that opens a quotation: at the start, or
# after white space or an opening bracket or dash ("(", "[", "—", "–").
_STRAIGHT_OPENING = re.compile(r'(?:^|(?<=[\s(\[—–]))"')


def inner_quotes(text: str) -> str:
    """Double quotation marks in ``text`` as single ones."""
    text = _STRAIGHT_OPENING.sub("‘", text)
    return text.replace('"', "’").replace("“", "‘").replace("”", "’")


def quoted(text: str) -> str:
    """``text`` between double quotation marks, its own quotations single."""
    return f"“{inner_quotes(text)}”"
