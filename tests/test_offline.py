"""The offline copy (``make offline``): the seed site built with mkdocs-offline.yml, opened from disk
(``file://``) in a real browser, searches, and asks no other host for anything; the published site's
Data page links to its ZIP, and a plain build's Data page does not."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

from tests.conftest import REPO, build_site, site_config
from tests.reader import new_context, top_results

pytestmark = pytest.mark.browser


def inherited(name: str, site: Path) -> dict:  # type: ignore[type-arg]
    """The repository's ``name`` (a config that INHERITs mkdocs.yml) for the committed docs/ → ``site``."""
    config = site_config(REPO / "docs", site)
    child = yaml.safe_load((REPO / name).read_text(encoding="utf-8"))
    assert child.pop("INHERIT") == "mkdocs.yml"
    child.pop("site_dir", None)
    for key, value in child.items():
        config[key] = {**config.get(key, {}), **value} if isinstance(value, dict) else value
    return config


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("offline")
    return build_site(inherited("mkdocs-offline.yml", root / "site-offline"), root)


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[tuple[Page, list[str], list[str]]]:
    foreign: list[str] = []
    ctx = new_context(browser, foreign=foreign)
    requested: list[str] = []
    ctx.on("request", lambda request: requested.append(request.url))
    try:
        yield ctx.new_page(), requested, foreign
    finally:
        ctx.close()


def test_the_copy_opened_from_disk_searches_and_asks_no_other_host(page: tuple[Page, list[str], list[str]], offline_site: Path) -> None:
    tab, requested, foreign = page
    home = (offline_site / "index.html").as_uri()
    tab.goto(home, wait_until="load")
    assert tab.locator("input.md-search__input").count() == 1
    found = top_results(tab, "Путина")
    target = (offline_site / "entities" / "vladimir-putin.html").as_uri()
    assert target in found, f"searching the copy on disk does not find {target}: {found}"
    with tab.expect_navigation():
        tab.locator(".md-search-result__list > li > a").first.click()
    assert tab.url.startswith("file:") and tab.url.split("?")[0].endswith("/entities/vladimir-putin.html")
    assert tab.locator("article h1").first.inner_text().strip().startswith("Vladimir Putin")
    # Links between pages lead to files, not folders.
    article = tab.locator("article a[href*='articles/']").first
    assert (article.get_attribute("href") or "").split("#")[0].endswith(".html"), article.get_attribute("href")
    assert not foreign, "the offline copy asked other hosts for:\n" + "\n".join(sorted(set(foreign)))
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requested), sorted(set(requested))


def test_published_data_page_links_to_the_zip_and_a_plain_build_does_not(tmp_path: Path, seed_site: Path, offline_site: Path) -> None:
    published = build_site(inherited("mkdocs-publish.yml", tmp_path / "site"), tmp_path)
    link = 'href="../site-offline.zip"'
    assert link in (published / "data" / "index.html").read_text(encoding="utf-8"), "the published Data page does not link to the offline copy"
    assert "site-offline.zip" not in (seed_site / "data" / "index.html").read_text(encoding="utf-8"), "a plain build links to a ZIP it does not have"
    # What `make offline` runs: the standard library's zip of the copy, which opens to the same pages.
    archive = tmp_path / "site-offline.zip"
    done = subprocess.run([sys.executable, "-m", "zipfile", "-c", str(archive), str(offline_site) + "/"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
    assert f"{offline_site.name}/index.html" in names and f"{offline_site.name}/search/search_index.js" in names
