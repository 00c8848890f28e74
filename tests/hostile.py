"""The hostile-files set (issue 16) and a checker for live markup in a built site.

The small files are kept in ``tests/fixtures/hostile/``; the large ones are made here, at test
time, so the repository holds no megabyte fixtures: a page of 20,000 nested ``<div>``s, a Markdown
post with 5,000 nested quotes and 10,000 brackets, a text built to stress regular expressions, a
truncated PDF and a file above the size limit (sparse: nothing is written to disk).
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from build_docs.sources.limits import MAX_FILE_BYTES
from tests.pdf_samples import journal_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"

#: Sentences each generated file carries, which the built site must show (the text is kept).
NESTED_TEXT = "The harbour board met on Monday and agreed new rules for the quays and the ferries of the port."
QUOTED_TEXT = "The quoted minister said the bridge would open in the autumn of next year."

#: Runs that make a regular expression with nested or overlapping repeats take quadratic or exponential time.
STRESS_RUNS = (
    "a" * 20_000 + "!",
    "(" * 20_000,
    " " * 20_000 + "x",
    "." * 20_000,
    "A." * 10_000,
    "x." * 10_000 + "co",
    "Mr. " * 5_000,
    "é é" * 5_000 + "a",
    "1," * 10_000,
    "\u2014" * 20_000,
    "http://" + "a/" * 10_000,
    "Share: " + "é " * 10_000 + "ab",
)
STRESS_TEXT = "Stress Test For Patterns\n\nThe council met in Geneva on Monday and agreed to meet again in June.\n\n" + "\n\n".join(STRESS_RUNS) + "\n"


def generated() -> dict[str, bytes]:
    """The hostile files made at test time, by name."""
    nested = f"<html><head><title>Deep Page</title></head><body>{'<div>' * 20_000}<p>{NESTED_TEXT}</p>{'</div>' * 20_000}</body></html>"
    deep = "# A Deep Post\n\nThe council met on Tuesday and agreed the budget for the coming year.\n\n"
    deep += "> " * 5_000 + QUOTED_TEXT + "\n\n" + "[" * 10_000 + "brackets" + "]" * 10_000 + "\n\n" + "*" * 5_000 + "stars" + "*" * 5_000 + "\n"
    return {
        "nested.html": nested.encode(),
        "deep.md": deep.encode(),
        "stress.txt": STRESS_TEXT.encode(),
        "truncated.pdf": journal_pdf()[:900],
    }


def write_hostile(folder: Path) -> set[str]:
    """Every hostile file written into ``folder``; their names."""
    names = set()
    for path in sorted(FIXTURES.iterdir()):
        shutil.copyfile(path, folder / path.name)
        names.add(path.name)
    for name, raw in generated().items():
        (folder / name).write_bytes(raw)
        names.add(name)
    with (folder / "huge.txt").open("wb") as huge:  # sparse: above the limit without writing a byte
        huge.truncate(MAX_FILE_BYTES + 1)
    return names | {"huge.txt"}


def article_sources(docs: Path) -> set[str]:
    """The seed files the articles of a built ``docs/`` come from."""
    records = json.loads((docs / "data" / "articles.json").read_text(encoding="utf-8"))
    return {name for record in records for name in record["sources"]}


def warned_files(stderr: str) -> set[str]:
    """The file names warnings name."""
    return {line.split(":", 1)[0].rsplit("/", 1)[-1] for line in stderr.splitlines() if ": warning: " in line}


#: Elements no page content of the build has (its own SVG, the timeline chart, has none of these).
_NOT_IN_CONTENT = ("form", "input", "button", "math", "animate", "set", "foreignobject", "use", "image")
_SCHEME = re.compile(r"^(?:javascript|data|vbscript):", re.I)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc")


def _scripted(value: str) -> bool:
    """A URL a browser would run: the scheme after the characters browsers ignore in it."""
    return bool(_SCHEME.match(re.sub(r"[\x00-\x20]", "", value)))


class LiveMarkup(HTMLParser):
    """What in a built page could run or act: event attributes, script-like URLs, frames, objects, forms,
    ``<base>``, a meta refresh, SVG or MathML, styles that load or run something, and a script other than
    the theme's own and the build's JSON-LD data. Every marker the hostile files carry is an ``alert(``. The theme's
    search box is a form, and the build draws SVG (the timeline chart): forms and the SVG elements that act
    (animations, foreign objects) are looked for in the page's content only."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.inside: str | None = None  # "script" or "style" while in one
        self.content = False  # inside Material's content column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "article" and "md-content__inner" in (found.get("class") or ""):
            self.content = True
        if tag in ("iframe", "frame", "object", "embed", "base", "applet") or self.content and tag in _NOT_IN_CONTENT:
            self.found.append(tag)
        if tag == "meta" and (found.get("http-equiv") or "").lower() == "refresh":
            self.found.append("meta refresh")
        self.found += [f"{tag} {k}" for k, _ in attrs if k.startswith("on")]
        self.found += [f"{tag} {k}={v}" for k, v in attrs if k in _URL_ATTRIBUTES and v and _scripted(v)]
        self.found += [f"{tag} style={v}" for k, v in attrs if k == "style" and v and re.search(r"url\(|expression\(|alert", v, re.I)]
        if tag == "script":
            self.inside = "script" if (found.get("type") or "text/javascript") != "application/ld+json" else "data"
        elif tag == "style":
            self.inside = "style"

    def handle_data(self, data: str) -> None:
        if self.inside in ("script", "style") and "alert(" in data:
            self.found.append(f"{self.inside}: {data[:60]}")
        if self.inside == "data" and "</" in data:
            self.found.append(f"JSON-LD that closes its script: {data[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.inside = None
        elif tag == "article":
            self.content = False


def live_markup(site: Path) -> list[str]:
    """Everything live in the built ``site``: in its pages, and in the search index Material shows as HTML."""
    live = []
    for page in sorted(site.rglob("*.html")):
        parser = LiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        live += [f"{page.relative_to(site)}: {what}" for what in parser.found]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        parser = LiveMarkup()
        parser.feed(f"<article class='md-content__inner'>{doc['title']}</article><article class='md-content__inner'>{doc['text']}</article>")
        parser.close()
        live += [f"search index {doc['location']}: {what}" for what in parser.found]
    return live

