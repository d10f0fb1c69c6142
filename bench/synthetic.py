"""Make a synthetic source: the seed with its annex paragraphs repeated
``factor`` times (renumbered), to measure how the build scales.

``python bench/synthetic.py FACTOR OUT_DIR`` writes OUT_DIR/<stem>-xFACTOR.md
and its metadata and notes files.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "ecosoc-resolution-2010-18.md"


def synthesize(factor: int, out: Path) -> Path:
    text = SEED.read_text(encoding="utf-8")
    head, annex = text.split("## **Annex**", 1)
    declare = annex.index("*Declare* as follows:")
    body_start = annex.index("\n1. We recognize", declare)
    closing = annex.index("*45th plenary meeting")
    body = annex[body_start:closing]
    # Repeat the numbered paragraphs (with the page furniture between them);
    # the closing quotation mark and footnote 17 stay once, at the end.
    last = body.rindex("\n55. ")
    repeated_part, tail = body[:last], body[last:]
    repeated_part = re.sub(r"\n---\n\n(?:<sup>\d+</sup>[^\n]*\n*)+", "\n", repeated_part)
    blocks = []
    number = 0
    for _copy in range(factor):
        def renumber(match: re.Match[str]) -> str:
            nonlocal number
            number += 1
            return f"\n{number}. "
        blocks.append(re.sub(r"\n\d+\. ", renumber, repeated_part))
    number += 1
    tail = re.sub(r"\n55\. ", f"\n{number}. ", tail, count=1)
    footnotes = [f.rstrip("\n") + "\n\n" for f in re.findall(r"\n---\n\n(?:<sup>\d+</sup>[^\n]*\n*)+", body[:last])]
    new_annex = annex[:body_start] + "".join(blocks) + "".join(footnotes) + tail + annex[closing:]
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{SEED.stem}-x{factor}.md"
    target.write_text(head + "## **Annex**" + new_annex, encoding="utf-8")
    for suffix in (".yml", ".notes.yml"):
        shutil.copy(SEED.with_suffix(suffix), target.with_suffix(suffix))
    return target


if __name__ == "__main__":
    print(synthesize(int(sys.argv[1]), Path(sys.argv[2])))
