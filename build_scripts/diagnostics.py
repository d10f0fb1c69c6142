"""Diagnostics: problems in the input, reported as ``path:line:col: error:``.

Every stage collects diagnostics instead of raising at the first one, so that
an editor sees every mistake in a file in one run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in an input file."""

    path: str
    """The file, as the user named it (relative paths stay relative)."""
    line: int
    """1-based line number."""
    col: int = 1
    """1-based column number, counted in characters."""


@dataclass(frozen=True)
class Diagnostic:
    """One problem in the input."""

    location: Location
    message: str
    """What is wrong."""
    hint: str
    """How to fix it."""

    def format(self) -> str:
        loc = self.location
        return f"{loc.path}:{loc.line}:{loc.col}: error: {self.message} — {self.hint}"


class InputError(Exception):
    """Raised by a stage that cannot go on; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = sorted(
            diagnostics, key=lambda d: (d.location.path, d.location.line, d.location.col)
        )
