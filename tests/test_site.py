"""The generated docs as MkDocs sees them: strict build, links, anchors, hook."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from build_docs.pipeline import BuildConfig, build
from tests.conftest import REPO, mkdocs_build, mkdocs_config


class Elements(HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.lasttag == "script":
            self.scripts.append(data)


def parse(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    return elements(path).tags


def elements(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_repository_docs_build_strict(tmp_path: Path):
    done = mkdocs_build(mkdocs_config(tmp_path, REPO / "docs"))
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    records = json.loads((REPO / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))
    assert len(records) == len(list((REPO / "docs" / "articles").glob("*.md"))) - 1  # minus the index
    for record in records:
        page = site / record["url"] / "index.html"
        ids = {attrs.get("id") for _, attrs in parse(page)}
        assert "p1" in ids, f"{record['url']} has no paragraph anchors"
        assert [f"p{n}" in ids for n in range(1, 4)] == [True, True, True]
    assert (site / "sources" / "index.html").is_file() and (site / "data" / "index.html").is_file()


def test_articles_are_not_listed_in_the_navigation(tmp_path: Path):
    mkdocs_build(mkdocs_config(tmp_path, REPO / "docs"))
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "articles/an-evolving-partnership/" not in nav


def _inert_json(script: str) -> bool:
    """JSON-LD data: it parses as JSON and holds no "<", so nothing in it can close the script element."""
    try:
        json.loads(script)
    except ValueError:
        return False
    return "<" not in script


def test_hostile_source_text_stays_text_in_html(seeds: Path, tmp_path: Path):
    (seeds / "catalog.yml").write_text(
        'sources:\n  evil.txt:\n    title: "Title </title><script>alert(1)</script> & More"\n    authors: ["<img src=x onerror=alert(2)>"]\n',
        encoding="utf-8",
    )
    (seeds / "evil.txt").write_text(
        "Some Title Line Here\n\n<script>alert(3)</script> **bold** [x](javascript:alert(4)) <iframe src=//evil></iframe> and more words.\n",
        encoding="utf-8",
    )
    build(BuildConfig(seeds, tmp_path / "docs"))
    done = mkdocs_build(mkdocs_config(tmp_path, tmp_path / "docs"))
    assert done.returncode == 0, done.stderr
    for page in (tmp_path / "site").rglob("*.html"):
        found = elements(page)
        tags = found.tags
        sources = [attrs["src"] for tag, attrs in tags if tag == "script" and attrs.get("src")]
        assert not [s for s in sources if s.startswith(("http:", "https:", "//"))], f"{page}: foreign script"
        assert not [s for s in found.scripts if "alert(" in s and not _inert_json(s)], f"{page}: source text ran as script"
        assert not [t for t, _ in tags if t in ("iframe", "img")], f"{page}: source text became an element"
        assert not [a for t, a in tags if t == "a" and (a.get("href") or "").startswith("javascript:")]
        assert not re.search(r"<title>[^<]*</title>\s*<script>", page.read_text(encoding="utf-8"))


def test_mkdocs_hook_runs_the_build(tmp_path: Path):
    """`mkdocs build` with the repository's mkdocs.yml regenerates docs/ first."""
    project = tmp_path / "project"
    shutil.copytree(REPO, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", "tests", "benchmarks"))
    (project / "seeds" / "zz-new.txt").write_text("A Brand New Article Title\n\nIts only paragraph, which is long enough to be body text.\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert (project / "docs" / "articles" / "a-brand-new-article-title.md").is_file()
    assert (project / "site" / "articles" / "a-brand-new-article-title" / "index.html").is_file()


def test_mkdocs_hook_failure_stops_the_build_and_keeps_docs(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(REPO, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", "tests", "benchmarks"))
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    (project / "seeds" / "catalog.yml").write_text("sources: [unclosed\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True, env=env, check=False)
    assert done.returncode != 0
    assert re.search(r"seeds/catalog.yml:\d+: error: malformed YAML", done.stderr)
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before


def test_mkdocs_config_follows_the_rules():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = __import__("yaml").safe_load(text)
    assert config["theme"]["name"] == "material" and config["theme"]["font"] is False
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert names == ["search"], "only MkDocs/Material built-in plugins"
    assert set(config["watch"]) >= {"seeds", "build_docs"}
    assert config["validation"]["anchors"] == "warn" and config["validation"]["unrecognized_links"] == "warn"
