"""The HTML reader (``.html``, ``.htm``): a saved web page's article text, structure and metadata.

The main text is found by trafilatura, a library made for it (boilerplate removal
with an F1 of about 0.9 in published comparisons): navigation, cookie banners,
comments, footers and advertising are left out. Its structured output (headings,
paragraphs, lists, quotes, tables, images, emphasis, links) becomes
:class:`~build_docs.sources.reading.Part` s; the page's own metadata (``citation_*``,
Open Graph, JSON-LD, ``<time>``, bylines, the canonical address), as trafilatura
reads it, gives title, authors, date, publication, deck and address.

Nothing from the page becomes markup on the site: text is text, and links keep only
checked targets (:mod:`.links`). Every block of visible text the extraction left out
is listed, with its line, in the cleaning report, so what was dropped can be checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from types import MappingProxyType

from build_docs.diagnostics import Diagnostic, warning
from build_docs.sources.frontmatter import calendar_date
from build_docs.sources.limits import MAX_HTML_DEPTH
from build_docs.sources.links import is_web_address, safe_target
from build_docs.sources.reading import Part, Reading, Span
from build_docs.sources.text import SKIPPED, text_of

_HI = {"#b": "strong", "#i": "em", "#u": "em", "#t": "code", "#s": "del"}
#: Elements whose text a reader sees as a block of its own: what the page shows is split at them.
_BLOCK_TAGS = frozenset(
    ["p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article"]
    + ["header", "footer", "nav", "aside", "ul", "ol", "table", "tr", "pre", "figcaption"]
)
_INVISIBLE = frozenset(["script", "style", "template", "noscript", "head", "svg"])
LEFT_OUT = "not the article's text (navigation, banner, comments, footer …), left out by trafilatura"


def read_html(raw: bytes, shown: str) -> tuple[Reading | None, list[Diagnostic]]:
    """A saved web page: its article's parts and the facts the page states about it."""
    text, encoding, problems = text_of(raw, shown)
    if text is None:
        return None, problems
    import trafilatura  # on first use: importing it takes about half a second
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is not None and _depth(tree) >= MAX_HTML_DEPTH:
        return _read_flat(text, encoding, shown, " ".join((tree.findtext(".//title") or "").split()), problems)
    extracted = trafilatura.extract(
        tree if tree is not None else text,
        output_format="xml",
        include_formatting=True,
        include_links=True,
        include_images=True,
        include_tables=True,
        include_comments=False,
        with_metadata=True,
        deduplicate=False,
    )
    doc = ET.fromstring(extracted) if extracted else None
    meta = _metadata(doc) if doc is not None else {}
    url = str(meta.get("url", ""))
    parts = tuple(_Parts(url if is_web_address(url) else "").of(doc.find("main"))) if doc is not None else ()
    if not parts:
        return None, [*problems, warning(shown, 1, "no article text found in this page; save the article's own page, or convert it to .txt or .md")]
    visible = _visible_blocks(text)
    located = tuple(_locate(parts, visible))
    removed = tuple(_left_out(visible, located))
    return Reading(text, encoding, "html", 1, MappingProxyType(meta), located, removed), problems


def _depth(tree: object) -> int:
    """How deep the parsed page's elements nest (without recursion: a hostile page nests thousands deep)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)  # type: ignore[attr-defined]
    return deepest


def _read_flat(text: str, encoding: str, shown: str, title: str, problems: list[Diagnostic]) -> tuple[Reading | None, list[Diagnostic]]:
    """A page nested too deep for lxml (it stops reading at :data:`MAX_HTML_DEPTH`, losing the rest): its ``<title>``
    and its visible text, block by block, read by Python's own parser, which keeps no tree."""
    parts = tuple(Part("paragraph", block, line) for line, block in _visible_blocks(text))
    what = f"elements nested more than {MAX_HTML_DEPTH} deep: the HTML parser (lxml) stops there and would lose the rest of the page"
    if not parts:
        return None, [*problems, warning(shown, 1, f"{what}, and it has no visible text; {SKIPPED}")]
    flat = f"{what}: its visible text is read block by block instead, navigation and all; save the article's own text as .txt or .md"
    facts = MappingProxyType({"title": title} if title else {})
    return Reading(text, encoding, "html", 1, facts, parts=parts), [*problems, warning(shown, 1, flat)]


def _metadata(doc: ET.Element) -> dict[str, object]:
    """Title, authors, date, publication, deck and address from trafilatura's reading of the page's metadata."""
    meta: dict[str, object] = {}
    for name, attribute in (("title", "title"), ("publication", "sitename"), ("subtitle", "description"), ("url", "url")):
        value = " ".join((doc.get(attribute) or "").split())
        if value and (name != "url" or is_web_address(value)):  # a page's address: http(s) only, never javascript: or data:
            meta[name] = value
    authors = tuple(a.strip() for a in re.split(r"\s*;\s*", doc.get("author") or "") if a.strip())
    if authors:
        meta["authors"] = authors
    date = calendar_date(doc.get("date") or "")
    if date:
        meta["date"] = date
    tags = [t.strip() for t in (doc.get("tags") or "").split(",") if t.strip()]
    if tags:
        meta["tags"] = tuple(dict.fromkeys(tags))
    return meta


class _Parts:
    """trafilatura's XML (TEI-like: head, p, list/item, quote, table/row/cell, graphic, hi, ref) → parts."""

    def __init__(self, base: str) -> None:
        self.base = base

    def of(self, element: ET.Element | None, container: str = "paragraph") -> Iterator[Part]:
        for child in element if element is not None else ():
            tag = child.tag
            if tag == "head":
                level = int((child.get("rend") or "h2")[1:] or 2) if (child.get("rend") or "").startswith("h") else 2
                yield from self._part("heading", child, level)
            elif tag == "p":
                yield from self._part(container, child)
            elif tag == "quote":
                if any(c.tag == "p" for c in child):
                    yield from self.of(child, "quote")
                else:
                    yield from self._part("quote", child)
            elif tag == "list":
                for item in child.iter("item"):
                    yield from self._part("item", item, nested=True)
            elif tag == "table":
                rows = tuple(tuple(_plain(cell) for cell in row.iter("cell")) for row in child.iter("row"))
                rows = tuple(row for row in rows if any(row))
                if rows:
                    yield Part("table", "\n".join(" \u00b7 ".join(row) for row in rows), 0, rows=rows)
            elif tag == "graphic":
                alt = " ".join((child.get("alt") or child.get("title") or "").split())
                if alt:
                    yield Part("image", alt, 0)
            elif tag == "code":
                yield Part("code", "".join(child.itertext()).strip("\n"), 0)
            elif tag in ("div", "main", "section"):
                yield from self.of(child, container)

    def _part(self, kind: str, element: ET.Element, level: int = 0, nested: bool = False) -> Iterator[Part]:
        text, spans = _text_and_spans(element, self.base, skip_lists=nested)
        if text:
            yield Part(kind, text, 0, level=level, spans=spans)


def _text_and_spans(element: ET.Element, base: str, skip_lists: bool = False) -> tuple[str, tuple[Span, ...]]:
    pieces: list[str] = []
    spans: list[Span] = []
    size = 0

    def add(text: str | None) -> None:
        nonlocal size
        if text:
            text = " ".join(text.split(" ")) if "\n" not in text else re.sub(r"\s+", " ", text)
            if pieces and pieces[-1].endswith(" ") and text.startswith(" "):
                text = text[1:]
            pieces.append(text)
            size += len(text)

    def walk(node: ET.Element) -> None:
        add(node.text)
        for child in node:
            if skip_lists and child.tag == "list":
                add(child.tail)
                continue
            start = size
            if child.tag == "lb":
                add(" ")
            else:
                walk(child)
            kind = _HI.get(child.get("rend") or "") if child.tag == "hi" else "del" if child.tag == "del" else "code" if child.tag == "code" else ""
            if child.tag == "ref":
                target = safe_target(child.get("target") or "", base)
                if target and size > start:
                    spans.append(Span(start, size, "link", target))
            elif kind and size > start:
                spans.append(Span(start, size, kind))
            add(child.tail)

    walk(element)
    text = "".join(pieces)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    moved = [Span(max(0, s.start - lead), min(len(stripped), s.end - lead), s.kind, s.target) for s in spans]
    return stripped, tuple(sorted((s for s in moved if s.end > s.start), key=lambda s: (s.start, -s.end)))


def _plain(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class _Visible(HTMLParser):
    """The page's visible text, block by block, each with the line it starts on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str]] = []
        self.current: list[str] = []
        self.line = 1
        self.hidden = 0

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append((self.line, text))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BLOCK_TAGS or tag == "br":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE and self.hidden:
            self.hidden -= 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.hidden or not data.strip():
            return
        if not self.current:
            self.line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.current.append(data)


def _visible_blocks(page: str) -> list[tuple[int, str]]:
    parser = _Visible()
    parser.feed(page)
    parser.close()
    parser._flush()
    return parser.blocks


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


LOOK_AHEAD = 200  # visible blocks searched for a part's start: bounded, so a page's cost stays linear


def _locate(parts: tuple[Part, ...], visible: list[tuple[int, str]]) -> Iterator[Part]:
    """Each part with the line of the page where its text starts (searching forward, as both are in reading
    order; a part not found within :data:`LOOK_AHEAD` blocks keeps the line of the part before it)."""
    keys = [(line, _key(text)) for line, text in visible]
    at, line = 0, 1
    for part in parts:
        probe = " ".join(_key(part.text).split()[:6])
        for i in range(at, min(len(keys), at + LOOK_AHEAD)):
            if probe and probe in keys[i][1]:
                at, line = i, keys[i][0]
                break
        yield Part(part.kind, part.text, line, part.level, part.spans, part.rows, part.label)


def _left_out(visible: list[tuple[int, str]], parts: tuple[Part, ...]) -> Iterator[tuple[int, str, str]]:
    """Visible blocks of the page none of whose words made it into the article's parts."""
    kept = " " + " ".join(_key(p.text) for p in parts) + " "
    for line, text in visible:
        key = _key(text)
        if key and f" {key} " not in kept:
            yield line, text[:300], LEFT_OUT
