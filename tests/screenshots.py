"""``make screenshots``: desktop (1280 px) and phone (390 px) screenshots of each page type of a built site.

    python -m tests.screenshots SITE OUT

serves SITE on 127.0.0.1, opens each page type in Chromium (no other host is reached) and writes
OUT/<type>-desktop.png and OUT/<type>-phone.png, halved in size and reduced to 64 colours (Pillow) so
that the README's pictures stay small.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from urllib.parse import urljoin

from PIL import Image
from playwright.sync_api import sync_playwright

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, served
from tests.reader import DESKTOP, PHONE, new_context
from tests.test_a11y import page_types

SHOWN = ("home", "article", "entity", "timeline", "glossary", "sources")


def shoot(site: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    kinds = page_types(site)
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                ctx = new_context(browser, viewport)
                page = ctx.new_page()
                for kind in SHOWN:
                    page.goto(urljoin(base, kinds[kind]), wait_until="networkidle")
                    image = Image.open(io.BytesIO(page.screenshot()))
                    image = image.resize((image.width // 2, image.height // 2), Image.Resampling.LANCZOS).quantize(64)
                    path = out / f"{kind.replace(' ', '-')}-{width}.png"
                    image.save(path, optimize=True)
                    written.append(path)
                ctx.close()
        finally:
            browser.close()
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for path in shoot(Path(argv[0]), Path(argv[1])):
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
