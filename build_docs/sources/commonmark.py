"""Markdown text → :class:`~build_docs.sources.reading.Part` s, with a real CommonMark parser.

markdown-it-py (CommonMark, plus tables, strikethrough and footnotes from
mdit-py-plugins) parses the text; this module turns its tokens into parts whose
text is what a reader reads: no markup, no URLs. Emphasis, code, links, images and
note references become :class:`~build_docs.sources.reading.Span` s over that text.
Raw HTML is never passed on: its tags are dropped and the text between them kept,
and the content of ``<script>``, ``<style>`` and comments is dropped and reported.
Link targets are checked by :func:`~build_docs.sources.links.safe_target`; a link
whose target may not be linked keeps its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from build_docs.sources.limits import MAX_MARKDOWN_NESTING
from build_docs.sources.links import safe_target
from build_docs.sources.reading import Part, Span

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FORMATTING = {"em": "em", "strong": "strong", "s": "del", "link": "link"}
_CONTAINERS = {"blockquote_open": "quote", "list_item_open": "item", "footnote_open": "note"}
_CLOSERS = {"blockquote_close", "list_item_close", "footnote_close"}


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    class EveryLink(MarkdownIt):
        """Every link parsed as a link, whatever its target, so its text is kept as text when the target
        may not be linked (``safe_target`` decides): markdown-it would leave ``[text](javascript:…)`` as syntax."""

        def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's name
            return True

    options = {"html": True, "maxNesting": MAX_MARKDOWN_NESTING}
    return EveryLink("commonmark", options).enable(["table", "strikethrough"]).use(footnote_plugin)


def parse(text: str, first_line: int = 1, base: str = "") -> tuple[tuple[Part, ...], list[tuple[int, str, str]]]:
    """The parts of a Markdown text, and ``(line, text, why)`` for what was left out; ``base`` resolves relative links."""
    parts, removed, _ = parse_all(text, first_line, base)
    return parts, removed


def parse_all(text: str, first_line: int = 1, base: str = "") -> tuple[tuple[Part, ...], list[tuple[int, str, str]], list[int]]:
    """As :func:`parse`, and the lines markdown-it did not read (nested deeper than :data:`MAX_MARKDOWN_NESTING`),
    whose text is kept as plain paragraphs among the parts."""
    walker = _Walker(first_line, base)
    parts, removed = walker.walk(_parser().parse(text))
    unread = _unread(text, walker.read)
    if not unread:
        return parts, removed, []
    kept = [Part("paragraph", " ".join(_MARKERS.sub("", text_line) for _, text_line in run), first_line + run[0][0]) for run in unread]
    return tuple(sorted([*parts, *kept], key=lambda p: p.line)), removed, [first_line + run[0][0] for run in unread]


#: A Markdown link reference definition, "[ref]: target": markup, not text.
_REFERENCE = re.compile(r"[ \t>]*\[[^\]]{1,999}\]:")
#: Quote and list markers at the start of a line.
_MARKERS = re.compile(r"^(?:\s*(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s)))*\s*")
#: Tokens whose lines hold text markdown-it read (containers such as quotes span the lines they could not read).
_LEAVES = frozenset(["paragraph_open", "heading_open", "fence", "code_block", "html_block", "table_open", "hr"])


def _unread(text: str, read: list[tuple[int, int]]) -> list[list[tuple[int, str]]]:
    """Runs of consecutive lines with words in them that no token read, as ``(index, line)``."""
    covered = bytearray(text.count("\n") + 1)
    for start, end in read:
        covered[start:end] = b"\x01" * (min(end, len(covered)) - start)
    runs: list[list[tuple[int, str]]] = []
    for index, line in enumerate(text.split("\n")):
        if covered[index] or not any(c.isalnum() for c in line) or _REFERENCE.match(line):
            if runs and runs[-1]:
                runs.append([])
            continue
        if not runs:
            runs.append([])
        runs[-1].append((index, line))
    return [run for run in runs if run]


class _Walker:
    def __init__(self, first_line: int, base: str) -> None:
        self.first_line = first_line
        self.base = base
        self.parts: list[Part] = []
        self.removed: list[tuple[int, str, str]] = []
        self.containers: list[tuple[str, str]] = []  # (kind, note label)
        self.rows: list[list[str]] = []
        self.table_line = 0
        self.read: list[tuple[int, int]] = []  # (first, end) lines of every block read

    def walk(self, tokens: Sequence[Token]) -> tuple[tuple[Part, ...], list[tuple[int, str, str]]]:
        block: Token | None = None  # the heading or paragraph whose inline content comes next
        for token in tokens:
            kind = token.type
            if kind in _LEAVES and token.map:
                self.read.append((token.map[0], token.map[1]))
            if kind in _CONTAINERS:
                label = str(token.meta.get("label", "")) if kind == "footnote_open" else ""
                self.containers.append((_CONTAINERS[kind], label))
            elif kind in _CLOSERS:
                self.containers.pop()
            elif kind in ("heading_open", "paragraph_open"):
                block = token
            elif kind == "inline" and block is not None:
                self._inline_block(block, token)
                block = None
            elif kind == "inline" and self.rows:  # a table cell
                self.rows[-1].append(_plain(token.children or []))
            elif kind == "table_open":
                self.rows, self.table_line = [], self._line(token)
            elif kind == "tr_open":
                self.rows.append([])
            elif kind == "table_close":
                self._table()
            elif kind in ("fence", "code_block"):
                self.parts.append(Part("code", token.content.rstrip("\n"), self._line(token)))
            elif kind == "html_block":
                self._html_block(token)
        return tuple(self.parts), self.removed

    def _line(self, token: Token) -> int:
        return self.first_line + (token.map[0] if token.map else 0)

    def _inline_block(self, block: Token, inline: Token) -> None:
        text, spans = _text_and_spans(inline.children or [], self.base)
        line = self._line(block)
        if not text.strip():
            return
        if block.type == "heading_open":
            self.parts.append(Part("heading", text, line, level=int(block.tag[1:]), spans=spans))
            return
        kind, label = self.containers[-1] if self.containers else ("paragraph", "")
        if kind == "paragraph" and len(spans) == 1 and spans[0].kind == "image" and (spans[0].start, spans[0].end) == (0, len(text)):
            kind, spans = "image", ()  # an image standing alone: its alt text (and title) as a caption
        self.parts.append(Part(kind, text, line, spans=spans, label=label))

    def _table(self) -> None:
        rows = tuple(tuple(cell for cell in row) for row in self.rows if row)
        if rows:
            self.parts.append(Part("table", "\n".join(" \u00b7 ".join(row) for row in rows), self.table_line, rows=rows))
        self.rows = []

    def _html_block(self, token: Token) -> None:
        text, dropped = html_text(token.content)
        line = self._line(token)
        if dropped:
            self.removed.append((line, " ".join(dropped.split())[:200], "raw HTML: script, style or comment"))
        if text:
            kind = self.containers[-1][0] if self.containers else "paragraph"
            self.parts.append(Part(kind, text, line))


def _text_and_spans(children: Sequence[Token], base: str) -> tuple[str, tuple[Span, ...]]:
    """Plain text of inline tokens, with its formatting as spans (whitespace runs folded to one space)."""
    out: list[str] = []
    size = 0
    spans: list[Span] = []
    open_spans: list[tuple[str, int, str]] = []

    def add(piece: str) -> None:
        nonlocal size
        out.append(piece)
        size += len(piece)

    for token in children:
        kind = token.type
        if kind == "text":
            add(token.content)
        elif kind in ("softbreak", "hardbreak"):
            add(" ")
        elif kind == "code_inline":
            start = size
            add(token.content)
            spans.append(Span(start, size, "code"))
        elif kind == "image":
            start = size
            add(_alt(token))
            spans.append(Span(start, size, "image"))
        elif kind == "footnote_ref":
            spans.append(Span(size, size, "noteref", str(token.meta.get("label", ""))))
        elif kind == "html_inline":
            if token.content.lower().startswith("<br"):
                add(" ")
        elif kind.endswith("_open") and kind[:-5] in _FORMATTING:
            open_spans.append((_FORMATTING[kind[:-5]], size, str(token.attrs.get("href", ""))))
        elif kind.endswith("_close") and kind[:-6] in _FORMATTING and open_spans:
            name, start, href = open_spans.pop()
            target = safe_target(href, base) if name == "link" else ""
            if size > start and (name != "link" or target):
                spans.append(Span(start, size, name, target or ""))
    return _folded("".join(out), spans)


def _alt(token: Token) -> str:
    alt = _plain(token.children or []) or token.content
    title = str(token.attrs.get("title", "") or "")
    return f"{alt} ({title})" if alt and title and title not in alt else alt or title


def _plain(children: Sequence[Token]) -> str:
    return _text_and_spans(children, "")[0]


def _folded(text: str, spans: Sequence[Span]) -> tuple[str, tuple[Span, ...]]:
    """``text`` with whitespace runs as one space and no space at either end; spans moved to match."""
    kept: list[str] = []
    where: list[int] = []  # old offset -> new offset
    for char in text:
        where.append(len(kept))
        if char.isspace():
            if kept and kept[-1] != " ":
                kept.append(" ")
        else:
            kept.append(char)
    where.append(len(kept))
    while kept and kept[-1] == " ":
        kept.pop()
    size = len(kept)
    moved = []
    for span in spans:
        start, end = min(where[span.start], size), min(where[span.end], size)
        if end > start or span.kind == "noteref":
            moved.append(Span(start, end, span.kind, span.target))
    return "".join(kept), tuple(sorted(moved, key=lambda s: (s.start, -s.end)))


class _HTMLText(HTMLParser):
    """The text of an HTML fragment; the content of script, style and comments kept apart."""

    SKIP = ("script", "style", "template", "noscript")
    BREAKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.dropped: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BREAKS:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        (self.dropped if self.skipping else self.text).append(data)

    def handle_comment(self, data: str) -> None:
        self.dropped.append(data)


def html_text(fragment: str) -> tuple[str, str]:
    """The readable text of an HTML fragment, and what was dropped (script, style, comments)."""
    parser = _HTMLText()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.text).split()), " ".join(parser.dropped)

