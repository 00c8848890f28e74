"""A long article's page, split into consecutive parts so that no article page passes about 200 KB.

Why: an article page grows with its source, about 10 bytes of HTML a word, and every other page
family is bounded (issue 13). A speech of 19,000 words made a page of 204 KiB. Most articles are
far below the bound and render exactly as before, as one page; only an article whose paragraphs
would come to more than :data:`PART_BYTES` of Markdown is split, between paragraphs (never between
a heading and what follows it), into the fewest parts that hold it, of about equal size.

Where the parts live: part 1 is the article's own address, ``articles/<id>/``, with the header,
the citation box and the first paragraphs; part ``k`` is ``articles/<id>/<k>/``, below the
article's address as the timeline's parts are below ``timeline/``. Each paragraph is on exactly
one part. Links inside the site go straight to the part holding a paragraph (:mod:`.relink`);
the address a reader is told to cite stays ``articles/<id>/#pN``, which does not move when a
later edit or a new bound moves the boundaries: on part 1 a few lines of script look the anchor up
in :data:`PAGES_FILE` and go on, as ``timeline/#e-…`` does.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from build_docs.clean.article import Article
from build_docs.render.markdown import Md

#: The most Markdown (UTF-8 bytes) of paragraphs one part holds. Its HTML is about 1.07 times that,
#: plus about 25 KB of theme, header, citation box and abbreviations: under 200 KB with room to spare.
PART_BYTES = 150_000
#: Markup around a paragraph besides its text and its "From this paragraph" line (number link, attributes).
PARAGRAPH_MARKUP = 120
#: Old paragraph addresses (``articles/<id>/#pN``) → the part that holds them, for split articles only.
PAGES_FILE = "data/article-parts.json"


@dataclass(frozen=True)
class Part:
    """Part ``number`` of ``count``: ``article.blocks[start:stop]``, paragraphs ``first`` to ``last``."""

    number: int
    count: int
    start: int
    stop: int
    first: str = ""  # anchor of its first paragraph ("" if it has none)
    last: str = ""


def part_path(article_id: str, number: int) -> str:
    """The page under ``docs/`` that holds part ``number``: the article's own page for part 1."""
    return f"articles/{article_id}.md" if number == 1 else f"articles/{article_id}/{number}.md"


def block_sizes(article: Article, texts: Mapping[str, str], derived: Mapping[str, str], unnumbered: Mapping[int, str]) -> list[int]:
    """Each block's share of the page, in bytes of Markdown (about its bytes of HTML). (How long a
    page's search sections may be is :mod:`.article_sections`' concern, not the page's.)"""
    sizes = []
    for i, block in enumerate(article.blocks):
        if block.anchor:  # the paragraph and its "From this paragraph" line
            shown = texts.get(block.anchor, block.text) + " " + derived.get(block.anchor, "")
            sizes.append(len(shown.encode("utf-8")) + PARAGRAPH_MARKUP)
        else:
            sizes.append(len(str(unnumbered.get(i, block.text)).encode("utf-8")) + len(block.text.encode("utf-8")) + 10)
    return sizes


def split(article: Article, sizes: Sequence[int], bound: int = PART_BYTES) -> tuple[Part, ...]:
    """The parts of ``article``: one, the whole article, unless its blocks come to more than ``bound``.

    The count is the fewest that ``bound`` allows; each part takes blocks until it reaches an equal
    share, and a part never passes ``bound`` unless one block alone does (a paragraph is never cut)."""
    total = sum(sizes)
    if total <= bound:
        return (_part(article, 1, 1, 0, len(article.blocks)),)
    share = total / math.ceil(total / bound)
    starts, size = [0], 0
    for i, grow in enumerate(sizes):
        free = i > starts[-1] and article.blocks[i - 1].kind != "heading"  # a heading stays with what follows it
        if free and (size >= share or size + grow > bound):
            starts.append(i)
            size = 0
        size += grow
    stops = [*starts[1:], len(sizes)]
    return tuple(_part(article, n, len(starts), start, stop) for n, (start, stop) in enumerate(zip(starts, stops, strict=True), start=1))


def _part(article: Article, number: int, count: int, start: int, stop: int) -> Part:
    anchors = [b.anchor for b in article.blocks[start:stop] if b.anchor]
    return Part(number, count, start, stop, anchors[0] if anchors else "", anchors[-1] if anchors else "")


def fresh_anchors(parts: Sequence[Part]) -> frozenset[str]:
    """The first paragraph of every part after the first: where a new page starts."""
    return frozenset(p.first for p in parts[1:] if p.first)


def placement(article: Article, parts: Sequence[Part]) -> dict[str, int]:
    """Anchor → the number of the part that holds it, for every paragraph of a split article."""
    return {b.anchor: p.number for p in parts for b in article.blocks[p.start : p.stop] if b.anchor}


def parts_nav(article_id: str, parts: Sequence[Part], current: Part) -> Md:
    """"Part 2 of 3" and a link to every other part with its paragraph numbers, written as from part 1's page."""
    items = []
    for p in parts:
        span = f" (¶\u00a0{p.first[1:]}–{p.last[1:]})" if p.first else ""
        link = part_path(article_id, p.number).removeprefix("articles/")
        items.append(f"**Part {p.number} of {p.count}**{span}" if p is current else f"[Part {p.number}]({link}){span}")
    following = [p for p in parts if p.number == current.number + 1]
    after = f" · [Next part →]({part_path(article_id, following[0].number).removeprefix('articles/')})" if following else ""
    return Md("This article is long, so it is in parts: " + " · ".join(items) + after)


def part_records(article_id: str, parts: Sequence[Part]) -> list[dict[str, str]]:
    """``data/articles.json``'s ``parts`` of a split article: each part's address and its first and last paragraph."""
    return [{"url": part_path(article_id, p.number).removesuffix(".md") + "/", "first": p.first, "last": p.last} for p in parts]


def pages_map(placed: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, str]]:
    """:data:`PAGES_FILE`: article id → anchor → its part's address relative to the article's (``2/``), past part 1."""
    return {article_id: {anchor: f"{n}/" for anchor, n in anchors.items() if n > 1} for article_id, anchors in sorted(placed.items())}


def part_meta(meta: Mapping[str, Any], article_id: str, number: int) -> Mapping[str, Any]:
    """A part's citation data: the article's, naming the article's own address as the one to cite
    (``citation_public_url``), so a reference manager files the article, not part 2 of it."""
    if number == 1:
        return meta
    return {**meta, "citation": {**meta["citation"], "public_url": f"articles/{article_id}/"}}
