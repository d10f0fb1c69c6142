"""Normalisation of the raw source bytes, before parsing.

Guarantees of :func:`normalise` (so that harmless variation builds the same
site):

* the text is valid UTF-8, or a diagnostic names the first bad byte;
* a leading byte order mark is dropped;
* CRLF and lone CR line endings become LF;
* trailing spaces and tabs on every line are dropped (the source's two-space
  Markdown line break carries no meaning here: each line of a block is a
  printed line, see :mod:`parse`);
* the text ends with exactly one newline.

Nothing else changes: no character inside a line is touched.
"""

from __future__ import annotations

from .diagnostics import Diagnostic, InputError, Location


def decode(path: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            [
                Diagnostic(
                    Location(path, line, col),
                    f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
                    "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
                )
            ]
        ) from None


def normalise(text: str) -> str:
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    return "\n".join(lines).rstrip("\n") + "\n"
