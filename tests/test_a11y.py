"""Every page type is accessible and fits a phone, in a real browser, on the seed site.

axe-core (bundled with axe-playwright-python; nothing is downloaded) checks each page type at desktop
(1280 px) and phone (390 px) width, in the light and the dark scheme: no serious or critical violation.
At phone width no page is wider than the screen. The timeline is used with the keyboard alone, and an
automatic link shows the summary of what it links to on hover and on keyboard focus.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.reader import SCHEMES, WIDTHS, new_context

pytestmark = pytest.mark.browser

SERIOUS = ("serious", "critical")


def page_types(site: Path) -> dict[str, str]:
    """Page type → address (relative to the site) of one page of that type, from the site's own data."""
    articles = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    entities = json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))
    events = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    entity = max(entities, key=lambda e: len(e["mentions"]))  # the busiest page of its type
    return {
        "home": "",
        "article": articles[0]["url"],
        "entity": entity["url"],
        "timeline": "timeline/",
        "timeline period": _period_page(site, events),
        "glossary": "glossary/",
        "sources": "sources/",
    }


def _period_page(site: Path, events: list[dict]) -> str:  # type: ignore[type-arg]
    """The timeline page that holds the first entry (the overview links on to one page per period)."""
    for folder in sorted((site / "timeline").iterdir()):
        page = folder / "index.html"
        if page.is_file() and f'id="{events[0]["id"]}"' in page.read_text(encoding="utf-8"):
            return f"timeline/{folder.name}/"
    raise AssertionError(f"no timeline page holds {events[0]['id']}")


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _serious(results: dict) -> list[str]:  # type: ignore[type-arg]
    found = []
    for violation in results["violations"]:
        if violation["impact"] in SERIOUS:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes): {violation['help']} e.g. {targets}")
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_serious_violation_and_nothing_wider_than_the_screen(browser: Browser, axe: Axe, seed_site: Path, seed_url: str, width: str, scheme: str) -> None:
    ctx = new_context(browser, WIDTHS[width], scheme)
    page = ctx.new_page()
    problems = []
    try:
        for kind, url in page_types(seed_site).items():
            page.goto(urljoin(seed_url, url), wait_until="networkidle")
            shown = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-default-bg-color').trim()")
            assert shown, f"{kind}: Material's colours are not applied"
            problems += [f"{kind} /{url}: {line}" for line in _serious(axe.run(page).response)]
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.append(f"{kind} /{url}: the page is {overflow} px wider than the {width} screen")
    finally:
        ctx.close()
    assert not problems, f"at {width} width, {scheme} scheme:\n" + "\n".join(problems)


def test_the_scheme_follows_the_reader_and_the_toggle(browser: Browser, seed_url: str) -> None:
    ctx = new_context(browser, scheme="dark")
    try:
        page = ctx.new_page()
        page.goto(seed_url, wait_until="networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        page.locator("label[title='Switch to light mode']:visible").first.click()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    finally:
        ctx.close()


def test_the_timeline_is_used_with_the_keyboard(page: Page, seed_site: Path, seed_url: str) -> None:
    """Tab reaches every link of the timeline's chart and list in order; Enter follows the focused one."""
    page.goto(urljoin(seed_url, "timeline/"), wait_until="networkidle")
    # Number the content's links (the chart's bars are SVG links) in document order.
    hrefs = page.locator("article.md-content__inner a[href]:not(.headerlink)").evaluate_all(
        "links => links.map((a, i) => { a.dataset.kbIndex = i; return new URL(a.getAttribute('href'), location.href).href; })"
    )
    assert any("#y" in h for h in hrefs), "the timeline's chart has no links to its years"
    page.locator("article.md-content__inner h1").click()  # start from the content, as a reader who read the title
    reached: list[int] = []
    for _ in range(3 * len(hrefs) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const a = document.activeElement; if (!a || a.dataset.kbIndex === undefined) return null;
                       const r = a.getBoundingClientRect(); return [Number(a.dataset.kbIndex), r.width > 0 && r.height > 0]; }"""
        )
        if focused:
            assert focused[1], f"the focused link {hrefs[focused[0]]} is not visible"
            reached.append(focused[0])
        if len(reached) == len(hrefs):
            break
    assert reached == list(range(len(hrefs))), f"Tab does not reach the timeline's links in order: {reached} of {len(hrefs)}"
    page.keyboard.press("Shift+Tab")
    bar = next(i for i, h in enumerate(hrefs) if "#y" in h)
    while page.evaluate("document.activeElement.dataset.kbIndex") != str(bar):
        page.keyboard.press("Shift+Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == hrefs[bar], f"Enter on a bar of the chart leads to {page.url}, not {hrefs[bar]}"


def test_an_automatic_link_shows_its_summary_on_hover_and_on_focus(page: Page, seed_site: Path, seed_url: str) -> None:
    page.goto(urljoin(seed_url, page_types(seed_site)["article"]), wait_until="networkidle")
    link = page.locator("a.xref").first
    summary = link.get_attribute("title") or link.get_attribute("data-summary") or ""
    assert summary, "an automatic link carries no summary"
    tip = page.locator(".md-tooltip2, .md-tooltip")
    link.hover()
    tip.filter(has_text=summary).first.wait_for(state="visible", timeout=5000)
    page.mouse.move(0, 0)
    tip.filter(has_text=summary).first.wait_for(state="hidden", timeout=5000)
    link.focus()
    tip.filter(has_text=summary).first.wait_for(state="visible", timeout=5000)
