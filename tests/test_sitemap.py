"""sitemap.xml: <lastmod> is the date of the last commit that changed the
document's source, or absent; never the build date, never 1970 or 1980."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from pathlib import Path

from build_scripts.sitemap import rewrite, source_date
from conftest import PUBLIC_ADDRESS, SEED, BuiltSite, build_site, copy_project

SOURCE_DATE = "2021-03-04"
LATER = "2022-05-06"


def git(project: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    if date:
        env |= {"GIT_AUTHOR_DATE": f"{date}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00+00:00"}
    subprocess.run(["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                    *args], env=env, check=True, capture_output=True)


def lastmods(site: Path) -> tuple[list[str], list[str]]:
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == xml
    return re.findall(r"<loc>([^<]*)</loc>", xml), re.findall(r"<lastmod>([^<]*)</lastmod>", xml)


def test_outside_git_no_lastmod(built_site: BuiltSite) -> None:
    # The fixture builds a copy of the project with no .git, under a fixed
    # SOURCE_DATE_EPOCH that MkDocs would have written as every lastmod.
    locs, dates = lastmods(built_site.site)
    assert len(locs) > 90 and all(loc.startswith("https://") for loc in locs)
    assert dates == []
    text = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "1970" not in text and "1980" not in text and "2023-11-14" not in text


def test_lastmod_is_the_last_commit_that_changed_the_source(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "source", date=SOURCE_DATE)
    # A later commit that changes no source file does not date the pages.
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text() + "\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "configuration", date=LATER)
    build_site(project, site_url=PUBLIC_ADDRESS)
    locs, dates = lastmods(project / "site")
    assert dates == [SOURCE_DATE] * len(locs)
    # The same date is the edition's "last updated", in every page's footer
    # and on the about page.
    for page in ("index.html", "declaration/42/index.html", "about/index.html"):
        assert "Last updated 4 March 2021" in (project / "site" / page).read_text(encoding="utf-8"), page
    assert "last changed on 4 March 2021" in (project / "site" / "about" / "index.html").read_text(encoding="utf-8")

    # A source changed since its last commit: its date is unknown.
    notes = project / SEED.replace(".md", ".notes.yml")
    notes.write_text(notes.read_text(encoding="utf-8") + "\n# an uncommitted edit\n", encoding="utf-8")
    assert source_date(project / SEED) is None
    build_site(project, site_url=PUBLIC_ADDRESS)
    assert lastmods(project / "site")[1] == []
    assert "Last updated" not in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_source_date(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("text\n", encoding="utf-8")
    assert source_date(tmp_path / "x.md") is None  # not in git
    git(tmp_path, "init", "-q")
    assert source_date(tmp_path / "x.md") is None  # untracked
    git(tmp_path, "add", "x.md")
    git(tmp_path, "commit", "-q", "-m", "text", date=SOURCE_DATE)
    assert source_date(tmp_path / "x.md") == SOURCE_DATE
    (tmp_path / "x.yml").write_text("symbol: '1'\n", encoding="utf-8")
    assert source_date(tmp_path / "x.md") is None  # a companion not committed yet
    git(tmp_path, "add", "x.yml")
    git(tmp_path, "commit", "-q", "-m", "metadata", date=LATER)
    assert source_date(tmp_path / "x.md") == LATER


def test_rewrite() -> None:
    xml = ('<urlset>\n    <url>\n         <loc>https://a.example/</loc>\n'
           "         <lastmod>1980-01-01</lastmod>\n    </url>\n</urlset>\n")
    assert rewrite(xml, None) == '<urlset>\n    <url>\n         <loc>https://a.example/</loc>\n    </url>\n</urlset>\n'
    assert "<lastmod>2021-03-04</lastmod>" in (rewrite(xml, "2021-03-04") or "")
    # No public address: MkDocs writes site-relative locations, which no
    # sitemap may hold.
    assert rewrite(xml.replace("https://a.example/", "/"), "2021-03-04") is None
