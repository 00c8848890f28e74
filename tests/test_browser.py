"""What a reader sees, in a real browser.

A small corpus written below is built for real (``python -m build_docs build``,
then ``mkdocs build --strict``), served on 127.0.0.1 and opened in headless
Chromium through Playwright. Run with ``pytest -m browser``.

Chromium is Debian's (``/usr/bin/chromium``), never a Playwright download: the
machines that run this have no network. Without it the tests are skipped, except
under CI (``CI`` set), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import served, site_config

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1280, "height": 720}

# --- The fixture corpus -------------------------------------------------------

#: The hostile article's title comes from the catalog, as a title can (the text's
#: own title line is only used when it looks like a title).
HOSTILE_TITLE = "Markup </title><script>window.__pwned = 3</script> **Must** Stay Text"
LONG_TITLE = "Partnership Across The Long Border"
SHORT_TITLE = "Notes On Shared Rivers"

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
HOSTILE = f"""Markup That Must Stay Text

By Test Author

This fixture article checks that text which only looks like markup reaches the reader as plain text and nothing else.

Script tag: {SCRIPT} must be shown as text.

Image tag: {IMG} must be shown as text.

Markdown: **bold** and [link](javascript:alert(1)) stay literal.

# not a heading

*[HTML]: abbr

{{: #id }}

- A list item with <b>tags</b> and __underscores__.
- Another item with `code` and a footnote[^1].

The word HTML here must not turn into an abbreviation with a tooltip.
"""

_FILLER = (
    "The two neighbours share a border of more than four thousand kilometres, and the trade "
    "that crosses it has grown every year for a decade, in energy, grain, timber and machinery. "
)
LONG = f"""{LONG_TITLE}

By Anna Petrova

{_FILLER * 12}

The second paragraph is the one a reader jumps to with a link that ends in p2.

Trade And Energy

The third paragraph follows a heading.

{_FILLER * 8}

{_FILLER * 8}

The last paragraph closes the article. The paragraphs after p2 are long so that the page can scroll p2 to its top.
"""

SHORT = f"""{SHORT_TITLE}

By Li Wei

Rivers that cross the border are managed by the Joint River Commission (JRC), which meets every year and publishes its findings.

Flood warnings from the JRC are exchanged in both languages during the spring thaw.

The commission was founded in 1998 by both governments.
"""

CORPUS = {"01_hostile.txt": HOSTILE, "02_long.txt": LONG, "03_short.txt": SHORT}
CATALOG = {"sources": {"01_hostile.txt": {"title": HOSTILE_TITLE, "kind": "web"}}}
TITLES = (HOSTILE_TITLE, LONG_TITLE, SHORT_TITLE)


# --- Building and serving the site ----------------------------------------------


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds → docs/ with the real CLI, docs/ → site/ with ``mkdocs build --strict``."""
    root = tmp_path_factory.mktemp("browser_site")
    seeds, docs, site = root / "seeds", root / "docs", root / "site"
    seeds.mkdir()
    for name, text in CORPUS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / "catalog.yml").write_text(yaml.safe_dump(CATALOG, allow_unicode=True), encoding="utf-8")

    cmd = [sys.executable, "-m", "build_docs", "build", "--seeds", str(seeds), "--docs", str(docs)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"build_docs build failed:\n{done.stdout}\n{done.stderr}"

    config = site_config(docs, site)
    config_path = root / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_path)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return site


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 (a free port), for this module."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def article_urls(built_site: Path, base_url: str) -> dict[str, str]:
    """Title → absolute URL of each article page, from the site's own data file."""
    records = json.loads((built_site / "data" / "articles.json").read_text(encoding="utf-8"))
    urls = {r["title"]: urljoin(base_url, r["url"]) for r in records}
    assert sorted(urls) == sorted(TITLES), f"the build did not find the fixture articles' titles: {sorted(urls)}"
    return urls


def _is_local(url: str) -> bool:
    if url.startswith(("data:", "blob:")):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile; anything aimed at another host is refused at once
    (there is no network here: waiting on it would only slow the tests down)."""
    ctx = browser.new_context(viewport=VIEWPORT)
    ctx.set_default_timeout(15_000)
    ctx.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def _body(page: Page):  # type: ignore[no-untyped-def]
    """The article body: Material's content column."""
    return page.locator("article.md-content__inner")


def _h1(page: Page) -> str:
    return page.locator("article.md-content__inner h1").first.inner_text().replace("\u00b6", "").strip()


# --- Tests ------------------------------------------------------------------------


def test_hostile_text_is_shown_as_text_and_never_runs(page: Page, article_urls: dict[str, str]) -> None:
    page.goto(article_urls[HOSTILE_TITLE], wait_until="networkidle")
    body = _body(page)
    assert _h1(page) == HOSTILE_TITLE

    assert page.evaluate("typeof window.__pwned") == "undefined", "source text ran as script on the article page"
    assert body.locator("script").count() == 0, "a <script> element is inside the article body"
    assert body.locator("img").count() == 0, "an <img> element made from source text is inside the article body"

    script_para = body.locator("p", has_text="Script tag:")
    assert script_para.count() == 1
    assert SCRIPT in script_para.inner_text(), "the <script> text is not visible as text"
    img_para = body.locator("p", has_text="Image tag:")
    assert img_para.count() == 1
    assert IMG in img_para.inner_text(), "the <img> text is not visible as text"

    md_para = body.locator("p", has_text="Markdown:")
    assert md_para.count() == 1
    text = md_para.inner_text()
    assert "**bold**" in text, f"**bold** is not shown literally: {text!r}"
    assert "[link](javascript:alert(1))" in text, f"the Markdown link is not shown literally: {text!r}"
    assert md_para.locator("strong, em, a:not(.pnum)").count() == 0, "Markdown in source text became markup"
    strong_texts = body.locator("strong").all_inner_texts()
    assert "bold" not in [t.strip() for t in strong_texts], f"a <strong> was made from **bold**: {strong_texts}"

    hrefs = body.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    scripted = [h for h in hrefs if re.sub(r"[\s\x00-\x1f]", "", h).lower().startswith("javascript:")]
    assert not scripted, f"javascript: links in the article body: {scripted}"

    assert body.locator("h1").count() == 1, "'# not a heading' became a heading"
    assert body.locator("p", has_text="# not a heading").count() == 1, "'# not a heading' is not shown as text"
    assert body.locator("abbr").count() == 0, "'*[HTML]: abbr' became an abbreviation definition"
    assert body.locator("p", has_text="*[HTML]: abbr").count() == 1, "'*[HTML]: abbr' is not shown as text"
    assert page.locator("#id").count() == 0, "'{: #id }' became an attribute list"
    assert body.locator("p", has_text="{: #id }").count() == 1, "'{: #id }' is not shown as text"

    items = body.locator("li", has_text="A list item with")
    assert items.count() == 1, "the bullet line is not a list item"
    assert "<b>tags</b> and __underscores__." in items.inner_text(), f"list item text is not literal: {items.inner_text()!r}"
    second = body.locator("li", has_text="Another item with")
    assert "`code` and a footnote[^1]." in second.inner_text(), f"list item text is not literal: {second.inner_text()!r}"
    assert body.locator("li b, li code, li sup, .footnote").count() == 0, "Markdown or HTML in a list item became markup"


def test_hostile_title_stays_text_everywhere(page: Page, base_url: str, article_urls: dict[str, str]) -> None:
    page.goto(article_urls[HOSTILE_TITLE], wait_until="networkidle")
    assert HOSTILE_TITLE in page.title(), f"the window title does not show the article title as text: {page.title()!r}"
    assert page.locator("head title").count() == 1
    assert page.evaluate("typeof window.__pwned") == "undefined", "the title ran as script on its article page"

    for path in ("", "articles/", "sources/"):
        page.goto(urljoin(base_url, path), wait_until="networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined", f"the title ran as script on /{path}"
        shown = _body(page).inner_text()
        assert HOSTILE_TITLE in shown, f"/{path} does not show the title as text"
        assert _body(page).locator("script").count() == 0, f"a <script> is in the content of /{path}"
        assert _body(page).locator("strong", has_text=re.compile(r"^\s*Must\s*$")).count() == 0, f"**Must** became bold on /{path}"

    _search(page, "Stay")
    results = page.locator(".md-search-result")
    # Results appear while the query is still being typed: wait (up to 5 s) for those of the whole query.
    expect(results.locator("h1").first).to_contain_text(HOSTILE_TITLE, timeout=5000)
    assert results.locator("script").count() == 0, "a <script> is in the search results"
    assert page.evaluate("typeof window.__pwned") == "undefined", "the title ran as script in the search results"


def test_paragraph_numbers_are_visible_links(page: Page, article_urls: dict[str, str]) -> None:
    page.goto(article_urls[LONG_TITLE])
    first = page.locator("#p1")
    assert first.is_visible(), "paragraph #p1 is not visible"
    number = first.locator("a", has_text=re.compile(r"^\s*1\s*$"))
    assert number.count() == 1, "paragraph #p1 has no link showing its number 1"
    assert number.is_visible(), "the paragraph number of #p1 is not visible"
    assert number.inner_text().strip() == "1"
    assert (number.get_attribute("href") or "").endswith("#p1")
    box = number.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0
    style = number.evaluate("a => { const s = getComputedStyle(a); return {opacity: s.opacity, color: s.color, size: parseFloat(s.fontSize)}; }")
    assert float(style["opacity"]) > 0.3, f"the paragraph number is nearly invisible: {style}"
    assert not re.search(r"rgba\([^)]*,\s*0(\.0*)?\)$|transparent", style["color"]), f"the paragraph number has no colour: {style}"
    assert style["size"] >= 8, f"the paragraph number is too small to read: {style}"


def test_link_to_a_paragraph_scrolls_it_into_view(page: Page, article_urls: dict[str, str]) -> None:
    page.goto(article_urls[LONG_TITLE] + "#p2", wait_until="load")
    target = page.locator("#p2")
    target.wait_for(state="visible")
    # Scrolling to the fragment happens after load; give it a moment, then look.
    page.wait_for_function("() => { const r = document.getElementById('p2').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == "p2"
    assert page.evaluate("scrollY") > 0, "the page did not scroll: #p2 must start below the fold for this test to mean anything"
    # Not hidden behind Material's sticky header: the point just inside #p2's top is #p2.
    hidden = page.evaluate(
        """() => {
            const p = document.getElementById('p2');
            const r = p.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + 5, r.top + 5);
            return !(hit && p.contains(hit));
        }"""
    )
    assert not hidden, "#p2 is scrolled under the header (or covered by something else)"


def test_sources_page_links_every_article(page: Page, base_url: str, article_urls: dict[str, str]) -> None:
    sources = urljoin(base_url, "sources/")
    for title, url in sorted(article_urls.items()):
        page.goto(sources)
        link = _body(page).get_by_role("link", name=title, exact=True)
        assert link.count() >= 1, f"the Sources page has no link to {title!r}"
        with page.expect_navigation():
            link.first.click()
        assert page.url.split("#")[0] == url, f"the Sources link to {title!r} leads to {page.url}, not {url}"
        assert _h1(page) == title


def _visit_as_reader(context: BrowserContext, page: Page, base_url: str, article_url: str) -> tuple[list[str], list[str]]:
    """Open the home, an article and the Sources page, and search; return every
    requested URL and every request that failed or got an HTTP error."""
    requested: list[str] = []
    failed: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
    context.on("response", lambda response: failed.append(f"{response.url} (HTTP {response.status})") if response.status >= 400 else None)
    for url in (base_url, article_url, urljoin(base_url, "sources/")):
        page.goto(url, wait_until="networkidle")
    # The search box loads its worker and index on first use.
    _search(page, "border")
    page.wait_for_load_state("networkidle")
    return requested, failed


def _search(page: Page, query: str) -> None:
    """Type into Material's search box, as a reader does, and wait for results."""
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible")


def test_reader_requests_nothing_from_other_hosts(context: BrowserContext, page: Page, base_url: str, article_urls: dict[str, str]) -> None:
    requested, _ = _visit_as_reader(context, page, base_url, article_urls[HOSTILE_TITLE])
    assert requested, "no requests were recorded"
    foreign = sorted({url for url in requested if not _is_local(url)})
    assert not foreign, "a reader's browser asked another host for:\n" + "\n".join(foreign)


def test_reader_requests_all_succeed(context: BrowserContext, page: Page, base_url: str, article_urls: dict[str, str]) -> None:
    _, failed = _visit_as_reader(context, page, base_url, article_urls[HOSTILE_TITLE])
    # The hostile article is the one most likely to ask for something that is not there (<img src=x>).
    assert not failed, "requests that failed:\n" + "\n".join(sorted(set(failed)))


def test_home_page_shows_counts(page: Page, base_url: str) -> None:
    page.goto(base_url)
    table = _body(page).locator("table").first
    assert table.is_visible(), "the counts table is not visible on the home page"
    rows = table.locator("tr").evaluate_all("rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))")
    assert ["Articles", str(len(CORPUS))] in rows, f"the counts table does not say {len(CORPUS)} articles: {rows}"
    assert ["Source files", str(len(CORPUS))] in rows, f"the counts table does not say {len(CORPUS)} source files: {rows}"
    assert f"built from {len(CORPUS)} source articles" in _body(page).inner_text()
    for title in TITLES:
        assert _body(page).get_by_role("link", name=title, exact=True).is_visible(), f"the home page does not list {title!r}"


def test_article_screenshot_is_not_blank(page: Page, article_urls: dict[str, str], tmp_path: Path) -> None:
    page.goto(article_urls[LONG_TITLE], wait_until="networkidle")
    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= VIEWPORT["width"] and height > VIEWPORT["height"], f"unexpected screenshot size {width}x{height}"
    assert len(data) > 30_000, f"the screenshot is only {len(data)} bytes: the page looks blank"


def test_abbreviation_shows_its_expansion_on_hover(page: Page, article_urls: dict[str, str]) -> None:
    page.goto(article_urls[SHORT_TITLE], wait_until="networkidle")
    abbr = _body(page).locator("abbr", has_text="JRC").last
    assert abbr.get_attribute("title") == "Joint River Commission"
    abbr.hover()
    tip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="Joint River Commission")
    tip.first.wait_for(state="visible", timeout=5000)
    assert tip.first.is_visible(), "hovering the abbreviation shows no tooltip with its expansion"


def test_from_a_mention_to_its_entity_and_back_to_the_paragraph_in_one_click(page: Page, article_urls: dict[str, str]) -> None:
    page.goto(article_urls[SHORT_TITLE], wait_until="networkidle")
    link = _body(page).locator("a.xref", has_text="Joint River Commission").first
    assert "Joint River Commission (organization)" in (link.get_attribute("title") or "")
    link.click()
    page.wait_for_load_state("networkidle")
    assert _h1(page) == "Joint River Commission"
    quote = _body(page).locator("li", has_text="Flood warnings from the JRC").first
    assert quote.is_visible(), "the entity page does not quote the sentence that names it"
    quote.locator("a", has_text="\u00b62").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("#p2")
    target = page.locator(":target")
    assert target.get_attribute("id") == "p2" and "Flood warnings" in target.inner_text()


def test_citation_tags_name_the_article_and_stay_text(page: Page, article_urls: dict[str, str]) -> None:
    page.goto(article_urls[HOSTILE_TITLE], wait_until="networkidle")
    assert page.locator('meta[name="citation_title"]').get_attribute("content") == HOSTILE_TITLE
    assert page.evaluate("typeof window.__pwned") == "undefined"
    data = json.loads(page.locator('script[type="application/ld+json"]').inner_text())
    assert data["headline"] == HOSTILE_TITLE and data["isBasedOn"]["headline"] == HOSTILE_TITLE
    page.goto(article_urls[SHORT_TITLE], wait_until="networkidle")
    assert page.locator('meta[name="citation_author"]').evaluate_all("ms => ms.map(m => m.content)") == ["Li Wei"]


def test_from_a_timeline_entry_or_glossary_entry_to_the_paragraph_in_one_click(page: Page, base_url: str) -> None:
    # The timeline overview links on to the page holding a year's entries (issue 13: bounded pages).
    page.goto(urljoin(base_url, "timeline/"), wait_until="networkidle")
    _body(page).locator("li#y1998 a").first.click()
    page.wait_for_load_state("networkidle")
    entry = _body(page).locator("li", has_text="founded in 1998").first
    cite = entry.locator("a", has_text=SHORT_TITLE).first
    assert cite.get_attribute("title") == "The commission was founded in 1998 by both governments."
    cite.click()
    page.wait_for_load_state("networkidle")
    target = page.locator(":target")
    assert page.url.endswith("#p3") and "founded in 1998" in target.inner_text()

    page.goto(urljoin(base_url, "glossary/"), wait_until="networkidle")
    source = _body(page).locator("a", has_text=f"{SHORT_TITLE}, \u00b61").first
    source.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("#p1") and "Joint River Commission" in page.locator(":target").inner_text()
