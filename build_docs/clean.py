"""Stage 2, :class:`SourceDoc` → :class:`Article`: header facts and body blocks.

Basic cleaning: the header (title, deck, byline, date) is lifted out of the
text, hard-wrapped lines are rejoined into paragraphs, short title-like lines
become headings, bullet lines become list items. Paragraphs and items are
numbered ``p1``, ``p2``, … in reading order; those anchors are what readers
cite, so they depend on nothing but this article's own text.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from types import MappingProxyType

from build_docs.catalog import CatalogEntry
from build_docs.diagnostics import Diagnostic, warning
from build_docs.header import Header, read_header
from build_docs.read import SourceDoc
from build_docs.slug import slugify

SENTENCE_END = (".", "!", "?", ":", "\u201d", '"')
UNWRAPPED_LINE = 150  # a block whose lines are this long holds one paragraph per line
HEADING_WORDS = 10
_ROMAN_HEADING = re.compile(r"^(?:[IVX]+|\d+)\.\s+\S")
_BULLET = re.compile(r"^(?:[-*\u2022\u00b7\u25aa]|\d+[.)])\s+(?P<text>\S.*)$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
METADATA = ("title", "subtitle", "authors", "affiliation", "publication", "date", "url", "kind")


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list item; ``anchor`` is ``p<N>`` for citable text."""

    kind: str  # "heading" | "paragraph" | "item"
    text: str
    line: int  # line in the source file where the block starts
    anchor: str = ""

    def __repr__(self) -> str:
        return f"{self.kind}#{self.anchor or '-'}@{self.line}: {self.text[:40]!r}"


@dataclass(frozen=True)
class Article:
    """One cleaned article, ready for extraction and rendering."""

    id: str
    title: str
    sources: tuple[str, ...]
    blocks: tuple[Block, ...]
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    affiliation: str | None = None
    publication: str | None = None
    date: str | None = None
    url: str | None = None
    kind: str | None = None
    #: where each metadata field came from: "catalog", "front matter" or "text"
    origin: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.anchor)

    def __repr__(self) -> str:
        return f"Article({self.id!r}, {len(self.paragraphs)} paragraphs, sources={list(self.sources)})"


def clean(doc: SourceDoc) -> tuple[Article, list[Diagnostic]]:
    lines = [(doc.first_line + i, line) for i, line in enumerate(doc.text.split("\n"))]
    header = read_header(lines)
    body = [(no, text) for no, text in lines if no not in header.used]
    blocks = number(segment(body, markdown=doc.name.lower().endswith(".md")))
    meta, origin = merge_metadata(doc.catalog, doc.front_matter, header)
    problems: list[Diagnostic] = []
    stem = slugify(PurePosixPath(doc.name).stem) or "article"
    article_id = (doc.catalog and doc.catalog.id) or slugify(str(meta.get("title", ""))) or stem
    if "title" not in meta:
        meta["title"] = f"Untitled ({doc.name})"
        problems.append(warning(doc.shown, doc.first_line, "no title found in the text; add 'title:' for this file in seeds/catalog.yml"))
    if not any(b.anchor for b in blocks):
        problems.append(warning(doc.shown, doc.first_line, "no paragraphs found: the file holds only header lines"))
    return Article(id=article_id, sources=(doc.name,), blocks=blocks, origin=MappingProxyType(origin), **meta), problems  # type: ignore[arg-type]


def merge_metadata(entry: CatalogEntry | None, front: Mapping[str, object], header: Header) -> tuple[dict[str, object], dict[str, str]]:
    """Catalog over front matter over the text; empty values never win."""
    meta: dict[str, object] = {}
    origin: dict[str, str] = {}
    for name in METADATA:
        for where, value in (("catalog", getattr(entry, name, None)), ("front matter", front.get(name)), ("text", getattr(header, name, None))):
            if value:
                meta[name], origin[name] = value, where
                break
    return meta, origin


def segment(lines: list[tuple[int, str]], markdown: bool = False) -> list[Block]:
    """Split body lines into blocks at blank lines and rejoin hard-wrapped lines."""
    blocks: list[Block] = []
    for group in _groups(lines):
        unwrapped = statistics.median(len(t) for _, t in group) >= UNWRAPPED_LINE or len(group) == 1
        runs = [[(no, text.strip())] for no, text in group] if unwrapped else _wrapped_runs(group)
        for run in runs:
            block = _block(run, markdown)
            if blocks and _continues(blocks[-1], block):
                block = Block("paragraph", f"{blocks[-1].text} {block.text}", blocks[-1].line)
                blocks.pop()
            blocks.append(block)
    return blocks


def _continues(previous: Block, block: Block) -> bool:
    """A paragraph broken by a page or column break: no closing punctuation, next starts in lower case."""
    return (
        previous.kind == "paragraph"
        and block.kind == "paragraph"
        and not previous.text.endswith((*SENTENCE_END, ")"))
        and block.text[:1].islower()
    )


def _groups(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = [[]]
    for no, text in lines:
        if text.strip():
            groups[-1].append((no, text.rstrip()))  # leading indentation marks paragraph starts
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _wrapped_runs(group: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Wrapped lines join into one paragraph; a bullet line, or an indented line
    after a finished sentence, starts a new one."""
    runs: list[list[tuple[int, str]]] = []
    for no, raw in group:
        text = raw.strip()
        indented_start = raw[:1].isspace() and bool(runs) and runs[-1][-1][1].endswith(SENTENCE_END)
        if not runs or _BULLET.match(text) or indented_start:
            runs.append([(no, text)])
        else:
            runs[-1].append((no, text))
    return runs


def _block(run: list[tuple[int, str]], markdown: bool) -> Block:
    line = run[0][0]
    text = " ".join(" ".join(t for _, t in run).split())  # also folds no-break and wide spaces
    if markdown and (heading := _MD_HEADING.match(text)):
        return Block("heading", heading["text"], line)
    if bullet := _BULLET.match(text):
        return Block("item", bullet["text"], line)
    if len(run) == 1 and _is_heading(text):
        return Block("heading", text, line)
    return Block("paragraph", text, line)


def _is_heading(text: str) -> bool:
    if _ROMAN_HEADING.match(text) and len(text.split()) <= 16 and not text.endswith("."):
        return True
    words = text.split()
    return 1 <= len(words) <= HEADING_WORDS and text[0].isupper() and not text.endswith((".", ",", ";", ":", "!", "?", "\u201d", '"')) and len(text) > 3


def number(blocks: list[Block]) -> tuple[Block, ...]:
    numbered: list[Block] = []
    count = 0
    for block in blocks:
        if block.kind == "heading":
            numbered.append(block)
        else:
            count += 1
            numbered.append(Block(block.kind, block.text, block.line, f"p{count}"))
    return tuple(numbered)
