"""Runs of scripts that pages list one after the other, merged into one
file that runs them in the same order, each part apart."""

from __future__ import annotations

import posixpath
import re
from collections import Counter

from .paths import MERGED_DIR, Tree, free_name, named_files, prefix, read_pages, root_from_script, site_path, way_up

# Classic scripts one after the other, each with only its address.
_SCRIPT_RUN = re.compile(r'(?:<script src="[^"]+"></script>\n){2,}')
_SCRIPT_SRC = re.compile(r'<script src="(?P<src>[^"]+)"></script>\n')
_JS_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
# A strict script as esbuild writes one (Material's bundle, the worker
# shim): the directive, then one function run at once, and nothing else.
_STRICT_IIFE = re.compile(r'"use strict";\(\(\)=>\{.*\}\)\(\);', re.DOTALL)
# A declaration that a block would keep to itself (let, const, class)
# where at a script's top it is seen by the scripts after it.
_LEXICAL = re.compile(r"(?<![\w$.])(?:let|const)\s+[\w$\[{]|(?<![\w$.\"'])class\s+[\w$]+\s*(?:extends\b[^{]*)?\{")
# An exception in one part is reported as uncaught, as before, and the
# parts after it still run, as the scripts after a failed one did.
_CATCH = "}catch(e){setTimeout(function(){throw e})}"


def _merged_part(code: str, rel: str) -> str | None:
    """A script's code as one part of a file in MERGED_DIR that runs the
    same, or None if it might not: a try block keeps ``var`` and function
    declarations global but not let/const/class, and turns off a leading
    "use strict", which a function keeps instead."""
    code = _JS_SOURCE_MAP.sub("", code).strip()
    folder = posixpath.dirname(rel)
    if folder != MERGED_DIR:
        code = code.replace(root_from_script(folder), root_from_script(MERGED_DIR))
        if "currentScript.src" in code.replace(root_from_script(MERGED_DIR), ""):
            return None
    if code.startswith(("'use strict'", '"use strict"')):
        return f"try{{(function(){{{code}\n}}).call(this){_CATCH}" if _STRICT_IIFE.fullmatch(code) else None
    return None if _LEXICAL.search(code) else f"try{{\n{code}\n{_CATCH}"


def merge_scripts(tree: Tree) -> list[str]:
    """Load each run of scripts that pages list one after the other (two
    pages or more, the same scripts in the same order, all the site's own
    in ``assets/``) from one file in MERGED_DIR that runs their code in
    the same order, at the same point of the page; a script that still
    needs its own address or might run differently stays apart. Returns
    the files written."""
    pages = read_pages(tree)
    parts: dict[str, str | None] = {}

    def groups(page: str, run: str) -> list[tuple[str, list[str]]]:
        """The run's tags (text, and the files if they can be parts), with
        scripts that can be parts one after the other in one group."""
        out: list[tuple[str, list[str]]] = []
        for match in _SCRIPT_SRC.finditer(run):
            rel = site_path(tree, page, match["src"])
            if rel is not None and rel.startswith(MERGED_DIR + "/") and rel not in parts:
                parts[rel] = _merged_part(tree.text(rel), rel)
            if rel is None or parts.get(rel) is None:
                out.append((match[0], []))
            elif out and out[-1][1]:
                out[-1] = (out[-1][0] + match[0], [*out[-1][1], rel])
            else:
                out.append((match[0], [rel]))
        return out

    runs: Counter[tuple[str, ...]] = Counter()
    for path, text in pages.items():
        for run in _SCRIPT_RUN.finditer(text):
            runs.update(tuple(rels) for _, rels in groups(path, run[0]) if len(rels) > 1)
    merged: dict[tuple[str, ...], str] = {}
    for seq, count in sorted(runs.items()):
        if count < 2:
            continue
        # Each part under its source's name (for a reader of the file).
        code = "\n".join(f"/* {rel} */\n{parts[rel]}" for rel in seq) + "\n"
        target = free_name(tree, f"{MERGED_DIR}/scripts", "js")
        tree.put(target, code)
        merged[seq] = target
    if not merged:
        return []
    for path, text in pages.items():
        up = prefix(way_up(path))

        def replace(run: re.Match[str], path: str = path, up: str = up) -> str:
            return "".join(f'<script src="{up}{merged[tuple(rels)]}"></script>\n' if tuple(rels) in merged else tags
                           for tags, rels in groups(path, run[0]))

        pages[path] = _SCRIPT_RUN.sub(replace, text)
        tree.put(path, pages[path])
    used = {rel for seq in merged for rel in seq}
    named = named_files(tree, used, pages)
    for rel in sorted(used - named):
        tree.remove(rel)
    return sorted(merged.values())
