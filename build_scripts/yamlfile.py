"""Load a YAML file of editors' data, keeping where each mapping stood.

PyYAML's syntax errors carry a line and column; the loader turns them into
:class:`~.diagnostics.Diagnostic` s, and records the line and column of every
mapping under the keys ``__line__`` and ``__col__`` so that later checks can point at it.
"""

from __future__ import annotations

from typing import Any

import yaml

from .diagnostics import Diagnostic, InputError, Location

LINE = "__line__"
COL = "__col__"


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        mapping[COL] = node.start_mark.column + 1
        return mapping


def load_yaml(path: str, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)  # safe: a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "the YAML is malformed"
        raise InputError(
            [
                Diagnostic(
                    Location(path, line, col),
                    f"malformed YAML: {problem}",
                    "check the quoting and indentation here and on the lines above "
                    "(an unclosed quote is noticed further down; a value with ': ' or ' #' needs quotes)",
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise InputError(
            [Diagnostic(Location(path, 1, 1), f"malformed YAML: {error}", "fix the YAML syntax")]
        ) from None
