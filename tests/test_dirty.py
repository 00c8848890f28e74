"""``mkdocs build --dirty`` (and ``mkdocs serve --dirty``, ``make serve-dirty``) after an edit: MkDocs
renders only the pages whose Markdown changed, which works because publishing leaves every unchanged
file in ``docs/`` untouched. Every HTML page is what a full build gives; the search index is not
(MkDocs indexes only the pages it rendered), which is why the dirty loop is for editing, not publishing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from build_docs.pipeline import BuildConfig, build
from tests.conftest import edit_closing, mkdocs_build, mkdocs_config, tree


def dirty_build(config: Path) -> subprocess.CompletedProcess[str]:
    """Not ``--strict``: MkDocs warns on every dirty build that links and navigation may be stale."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(config)]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_a_dirty_rebuild_renders_only_the_edited_pages_and_each_is_what_a_full_build_gives(fixture_seeds: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    build(BuildConfig(seeds=fixture_seeds, docs=docs))
    config = mkdocs_config(tmp_path, docs)
    assert mkdocs_build(config).returncode == 0
    site = tmp_path / "site"
    before = {p: (site / p).stat().st_mtime_ns for p in tree(site)}
    time.sleep(0.05)  # mtimes must tell the two builds apart
    edit_closing(fixture_seeds)
    build(BuildConfig(seeds=fixture_seeds, docs=docs))
    assert dirty_build(config).returncode == 0
    dirty = tree(site)
    rendered = {p for p in dirty if p.endswith(".html") and p in before and (site / p).stat().st_mtime_ns != before[p]}
    html = {p for p in dirty if p.endswith(".html")}
    assert rendered and len(rendered) < len(html) / 2  # only what the edit changed
    assert "articles/a-markdown-article-with-front-matter/index.html" in rendered
    full = tmp_path / "full.yml"
    full.write_text(config.read_text(encoding="utf-8").replace(str(site), str(tmp_path / "site-full")), encoding="utf-8")
    assert mkdocs_build(full).returncode == 0
    complete = tree(tmp_path / "site-full")
    assert {p for p in html if dirty[p] != complete[p]} == set()  # every page right
    index = json.loads(dirty["search/search_index.json"])
    assert len(index["docs"]) < len(json.loads(complete["search/search_index.json"])["docs"])  # the search index is not
