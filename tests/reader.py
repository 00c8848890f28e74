"""What the browser tests do as a reader: open pages in a profile that reaches no other host, and search.

Used by the browser test modules (search, offline copy, accessibility, screenshots); the browser itself
and the built seed site are fixtures in ``conftest.py``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = ("light", "dark")

#: A request that goes anywhere but the local server or the disk.
FOREIGN = re.compile(r"^(?!https?://127\.0\.0\.1[:/]|file:|data:|blob:|about:).*")


def is_local(url: str) -> bool:
    if url.startswith(("data:", "blob:", "file:", "about:")):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1"


def new_context(browser: Browser, viewport: dict[str, int] = DESKTOP, scheme: str = "light", foreign: list[str] | None = None) -> BrowserContext:
    """A fresh profile at ``viewport`` preferring ``scheme``; requests to other hosts are refused at once
    (and recorded in ``foreign``): there is no network here, and the site must not need one."""
    ctx = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    ctx.set_default_timeout(15_000)

    def refuse(route) -> None:  # type: ignore[no-untyped-def]
        if foreign is not None:
            foreign.append(route.request.url)
        route.abort()

    ctx.route(FOREIGN, refuse)
    return ctx


def search(page: Page, query: str) -> None:
    """Open Material's search (the "/" key, as a reader does) unless it is open, and type ``query``."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")
        box.wait_for(state="visible")
    box.fill("")
    box.press_sequentially(query)
    # Playwright enters characters that are not on its US keyboard (Cyrillic, Chinese) as text, with no key
    # events; a reader's keyboard or input method ends with a key release, which is what Material listens to.
    box.press("End")


def top_results(page: Page, query: str, count: int = 3) -> list[str]:
    """The page addresses (no query, no fragment) of the first ``count`` results for ``query``, once results for the
    whole query are shown (Material searches while the reader types; it marks the query it answered)."""
    search(page, query)
    # Material answers the box's current value once its worker has replied (the count line then
    # leaves its placeholder); wait until the count line and the first items stop changing.
    page.wait_for_function(
        """([query, count]) => {
            const box = document.querySelector('input.md-search__input');
            const meta = document.querySelector('.md-search-result__meta');
            const links = [...document.querySelectorAll('.md-search-result__list > li > a')].slice(0, count).map(a => a.href);
            const key = box.value + '|' + (meta ? meta.textContent : '') + '|' + links.join(' ');
            const seen = window.__lastResults;
            window.__lastResults = key;
            const answered = meta && !/type to start/i.test(meta.textContent);
            return box.value === query && answered && seen === key;
        }""",
        arg=[query, count],
        polling=300,
    )
    hrefs = page.locator(".md-search-result__list > li > a").evaluate_all("links => links.map(a => a.href)")
    return [re.split(r"[?#]", href)[0] for href in hrefs[:count]]
