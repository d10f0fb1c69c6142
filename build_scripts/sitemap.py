"""The sitemap says only what is true.

MkDocs writes ``sitemap.xml`` (and ``sitemap.xml.gz``) with every page's
``<lastmod>`` set to the build date — ``SOURCE_DATE_EPOCH``, which the
Makefile sets to the last commit, or to 1980 outside git. Neither is the
date a page's content last changed. :func:`finish` rewrites both files:

* ``<lastmod>`` is the date of the last commit that changed the document's
  source files (the text and its ``.yml`` companions: metadata, notes,
  themes, aliases). Every page of the site is generated from these files
  together — a paragraph page shows its footnotes, notes, themes, backlinks
  from other paragraphs and its neighbours' labels — so the whole source's
  date is the one date true of each page's content; dating each page by the
  lines it shows would miss what it takes from the rest of the source.
* Where that date is unknown — the source is not in a git repository, or a
  source file has changes not yet committed — there is no ``<lastmod>``.
* A sitemap whose ``<loc>`` addresses are not absolute (MkDocs writes
  "/resolution/" when the site has no public address) is no sitemap: both
  files are removed.
"""

from __future__ import annotations

import gzip
import re
import subprocess
from pathlib import Path

# MkDocs' template writes "<lastmod>2023-11-14</lastmod>" on a line of its own.
_LASTMOD = re.compile(r"[ \t]*<lastmod>[^<]*</lastmod>\n?")
# "<loc>https://…/resolution/</loc>"
_LOC = re.compile(r"<loc>([^<]*)</loc>")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def source_files(source: Path) -> list[Path]:
    """The source text and its companions that exist (``x.md``, ``x.yml``,
    ``x.notes.yml``, ``x.themes.yml``, ``x.aliases.yml``)."""
    companions = [source.with_suffix(suffix) for suffix in (".yml", ".notes.yml", ".themes.yml", ".aliases.yml")]
    return [source] + [p for p in companions if p.exists()]


def source_date(source: Path) -> str | None:
    """The date (YYYY-MM-DD) of the last commit that changed the source's
    files, or ``None`` when git does not know it or a file has changed since."""
    files = source_files(source)
    directory = source.parent
    names = [str(p.resolve()) for p in files]

    def git(*args: str) -> str | None:
        try:
            result = subprocess.run(["git", "-C", str(directory), *args], capture_output=True, text=True,
                                    check=False)
        except OSError:  # no git on this machine
            return None
        return result.stdout.strip() if result.returncode == 0 else None

    # Untracked (??) or modified: the committed date is not the content's.
    status = git("status", "--porcelain", "--", *names)
    if status is None or status:
        return None
    tracked = git("ls-files", "--error-unmatch", "--", *names)
    if tracked is None:
        return None
    date = git("log", "-1", "--format=%cs", "--", *names)
    return date if date and DATE.fullmatch(date) else None


def rewrite(xml: str, lastmod: str | None) -> str | None:
    """The sitemap with every ``<lastmod>`` replaced by ``lastmod`` (or
    dropped), or ``None`` when its addresses are not absolute."""
    locs = _LOC.findall(xml)
    if not locs or not all(loc.startswith(("https://", "http://")) for loc in locs):
        return None
    xml = _LASTMOD.sub("", xml)
    if lastmod is not None:
        xml = re.sub(r"([ \t]*)(<loc>[^<]*</loc>\n)", rf"\1\2\1<lastmod>{lastmod}</lastmod>\n", xml)
    return xml


def finish(site: Path, source: Path) -> None:
    """Rewrite ``site/sitemap.xml`` and ``.gz`` in place (see the module)."""
    path = site / "sitemap.xml"
    if not path.exists():
        return
    rewritten = rewrite(path.read_text(encoding="utf-8"), source_date(source))
    gz = site / "sitemap.xml.gz"
    if rewritten is None:
        path.unlink()
        gz.unlink(missing_ok=True)
        return
    path.write_text(rewritten, encoding="utf-8")
    # mtime 0: the same sitemap gives the same bytes.
    with gz.open("wb") as raw, gzip.GzipFile(filename="sitemap.xml", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(rewritten.encode("utf-8"))
