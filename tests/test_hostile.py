"""The seeds and a folder of hostile files, built together (issue 16): exit 0, no traceback, every hostile
file built safely or named in a warning, every seed article there, nothing live anywhere in the site,
and ``--strict`` fails leaving ``docs/`` untouched. The files are in tests/hostile.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from build_docs.sources.limits import MAX_FILE_BYTES, MAX_HTML_DEPTH, MAX_MARKDOWN_NESTING
from tests.conftest import REPO, mkdocs_build, mkdocs_config, run_cli, served, tree
from tests.hostile import NESTED_TEXT, QUOTED_TEXT, article_sources, live_markup, warned_files, write_hostile

#: What becomes of each hostile file: an article, or a warning and no article.
SKIPPED = {"truncated.pdf", "huge.txt"}


class Built:
    def __init__(self, root: Path, done: subprocess.CompletedProcess[str], names: set[str]) -> None:
        self.root, self.done, self.names = root, done, names
        self.seeds, self.docs = root / "seeds", root / "docs"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("hostile")
    seeds = Path(shutil.copytree(REPO / "seeds", root / "seeds"))
    names = write_hostile(seeds)
    done = run_cli("build", "--seeds", seeds, "--docs", root / "docs")
    return Built(root, done, names)


@pytest.fixture(scope="module")
def site(built: Built) -> Path:
    done = mkdocs_build(mkdocs_config(built.root, built.docs))
    assert done.returncode == 0, done.stderr[-3000:]
    return built.root / "site"


def test_seeds_and_hostile_files_build_with_exit_0_and_every_file_accounted_for(built: Built):
    assert built.done.returncode == 0, built.done.stderr[-3000:]
    assert "Traceback" not in built.done.stderr + built.done.stdout
    articles, warned = article_sources(built.docs), warned_files(built.done.stderr)
    seed_articles = article_sources(REPO / "docs")
    assert seed_articles and seed_articles <= articles  # every seed article is there
    assert not articles & SKIPPED and warned >= SKIPPED
    unaccounted = {name for name in built.names if name not in articles and name not in warned}
    assert unaccounted == set(), built.done.stderr
    assert built.names - SKIPPED <= articles  # every other hostile file is an article


def test_files_that_made_no_article_are_listed_on_the_cleaning_reports_page(built: Built, site: Path):
    page = (site / "reports" / "index.html").read_text(encoding="utf-8")
    section = page.split('id="files-not-published"')[1]
    assert "truncated.pdf" in section and "damaged or truncated PDF" in section
    assert "huge.txt" in section and f"more than the {MAX_FILE_BYTES:,} a seed may have" in section
    assert "controls.txt" not in section  # repaired, published: its warnings are the build's, not this list's


def test_each_warning_names_the_file_the_limit_and_what_to_do(built: Built):
    stderr = built.done.stderr
    expected = {
        "huge.txt:": f"more than the {MAX_FILE_BYTES:,} a seed may have",
        "truncated.pdf:": "damaged or truncated PDF",
        "nested.html:1:": f"elements nested more than {MAX_HTML_DEPTH} deep",
        "deep.md:5:": f"nested more than {MAX_MARKDOWN_NESTING} levels deep",
        "laughs.md:2:": "aliases (&, *) expand to more than 10,000 values",
        "controls.txt:1:": "invisible characters (U+200B ZERO WIDTH SPACE ×2, U+202C POP DIRECTIONAL FORMATTING, U+202E RIGHT-TO-LEFT OVERRIDE ×2) removed",
        "controls.txt:3:": "1 control character removed (the first U+0000)",
        "controls.txt:5:": "3 bytes that are not UTF-8 replaced with U+FFFD",
        "attrs.md:4:": "front matter url 'javascript:alert(23)' is not a web address",
    }
    lines = [line for line in stderr.splitlines() if ": warning: " in line]
    for where, what in expected.items():
        assert any(f"/{where}" in line and what in line for line in lines), f"no warning at {where} saying {what!r}:\n{stderr}"
    assert all(";" in line or "skipped" in line for line in lines)  # each says what to do


def test_the_text_of_hostile_files_is_published_as_text(built: Built):
    pages = {p.name: p.read_text(encoding="utf-8") for p in (built.docs / "articles").glob("*.md")}
    records = {r["sources"][0]: r for r in json.loads((built.docs / "data" / "articles.json").read_text(encoding="utf-8"))}
    assert records["controls.txt"]["title"] == "A Note With Tricks"  # no override, no zero-width space in it
    controls = pages[f"{records['controls.txt']['id']}.md"]
    shown = re.sub(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?", r"\1", controls)  # the text as read, entity links taken out
    assert "met in Geneva on Monday" in shown and "Hello world" in shown
    assert "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645" in controls and "\u05e9\u05dc\u05d5\u05dd\u200e" in controls  # needed: kept
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b\x00]", "".join(pages.values()))
    assert NESTED_TEXT in pages[f"{records['nested.html']['id']}.md"]  # read past the 20,000 nested elements
    deep = pages[f"{records['deep.md']['id']}.md"]
    assert QUOTED_TEXT in deep and "brackets" in deep and "stars" in deep  # nothing nested deep is lost
    stress_id = records["stress.txt"]["id"]  # a long article: its text is on the pages of its parts
    stress = pages[f"{stress_id}.md"] + " ".join(p.read_text(encoding="utf-8") for p in sorted((built.docs / "articles" / stress_id).glob("*.md")))
    stress = re.sub(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?", r"\1", stress)  # entity links taken out
    assert "met in Geneva on Monday" in stress and "a" * 20_000 + "!" in stress and "Mr. " * 4_000 in stress


def test_nothing_from_a_hostile_file_is_live_anywhere_in_the_site(built: Built, site: Path):
    """Pages, titles, tooltips, citation tags, JSON-LD and the search index: see tests/hostile.py's LiveMarkup."""
    assert live_markup(site) == []
    page = next((site / "articles").glob("evil-page-about-trade/index.html")).read_text(encoding="utf-8")
    assert "agreed new rules for the border crossings" in page  # the text itself is published


def test_hostile_pages_run_nothing_in_a_browser(site: Path, browser: Browser):
    """Every page made from a hostile file, opened in Chromium: no dialog opens, nothing navigates away."""
    records = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    hostile = [r["url"] for r in records if not r["sources"][0][:3].isdigit()]
    assert len(hostile) >= 8
    dialogs: list[str] = []
    with served(site) as base:
        context = browser.new_context()
        context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in [*hostile, *(u.replace("articles/", "reports/", 1) for u in hostile)]:
            page.goto(base + url, wait_until="load")
            page.mouse.move(200, 300)
            page.mouse.move(400, 500)
            assert page.url.startswith(base), f"{url} navigated to {page.url}"
            assert page.evaluate("typeof window.__pwned") == "undefined"
        context.close()
    assert dialogs == []


def test_strict_fails_on_the_same_folder_and_leaves_docs_untouched(built: Built, tmp_path: Path):
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    before = tree(docs)
    strict = run_cli("build", "--strict", "--seeds", built.seeds, "--docs", docs)
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert {"huge.txt", "controls.txt", "laughs.md"} <= warned_files(strict.stderr)
    assert tree(docs) == before


def test_readme_lists_every_limit_with_its_value():
    from build_docs.sources import limits

    section = (REPO / "README.md").read_text(encoding="utf-8").split("<!-- limits:start -->")[1].split("<!-- limits:end -->")[0]
    shown = dict(re.findall(r"^\| `(MAX_\w+)` \| ([\d,]+) \|", section, re.M))
    assert shown == {name: f"{value:,}" for name, value in vars(limits).items() if name.startswith("MAX_")}
