"""Paginated sources (PDF): each block's page, the article's page range, and words broken across lines and pages.

A reader of a paginated format gives the line each page starts on and the page's label
(:attr:`~build_docs.sources.read.SourceDoc.pages`). A block's page is the label of the page
its first line stands on, which is where a citation points ("p. 7"); the article's range
runs from its first block's page to the page of its last line of text.

Typeset text breaks words at line ends with a hyphen ("negoti-" / "ations"), also across a
column or a page once the running heads and page numbers between the two halves are
gone. The OCR repair's ``hyphenation`` rule, run on the two halves alone, joins such a word when
the joined word is English or a name from the registries (and is not two words or a compound,
:mod:`build_docs.clean.ocr.joins`); only that rule runs, since a born-digital text layer has no
misread letters. A hyphen the rule keeps is a compound's ("well-" / "known"), written whole.
Either way the word ends up on the line where it began.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from build_docs.clean.article import Fix
from build_docs.clean.boilerplate import SHORT, Removal, has_no_words, is_sentence, normalise
from build_docs.clean.ocr.lexicon import Lexicon
from build_docs.clean.ocr.text import repair
from build_docs.clean.structure import Block

#: A line that ends in a word and a hyphen; its last word before the hyphen; the word that opens the next line.
_OPEN_HYPHEN = re.compile(r"[^\W\d_]-$")
_LAST_WORD = re.compile(r"(?P<word>[^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^\s*(?P<word>[^\W\d_]+)(?P<punct>\S*)\s*")
EDGE_LINES = 2  # lines at the top and at the bottom of a page where running heads, feet and page numbers stand


def page_of(pages: Sequence[tuple[int, str]], line: int) -> str:
    """The label of the page that ``line`` stands on ("" without a page map, or before its first page)."""
    i = bisect.bisect_right([start for start, _ in pages], line) - 1
    return pages[i][1] if i >= 0 else ""


def page_edges(lines: Sequence[tuple[int, str]], pages: Sequence[tuple[int, str]]) -> list[Removal]:
    """Running heads, feet and page numbers: at the top or bottom of a page, a line without words, or a
    short non-sentence standing there on two pages or more (digits aside: "Page 3", "Page 4").

    The boilerplate rules find a running head only when it stands three times; this finds it on a
    two-page article, and finds it before the header is read, so a running head is never taken
    for the title. ``[]`` without a page map."""
    if not pages:
        return []
    by_page: dict[str, list[tuple[int, str]]] = {}
    for no, text in lines:
        if text.strip():
            by_page.setdefault(f"{bisect.bisect_right([s for s, _ in pages], no)}", []).append((no, text.strip()))
    edges = [line for found in by_page.values() for line in {*found[:EDGE_LINES], *found[-EDGE_LINES:]}]
    key = {no: re.sub(r"\d+", "#", normalise(text)) for no, text in edges}
    counts: dict[str, int] = {}
    for no, text in edges:
        if len(text.split()) <= SHORT and not is_sentence(text):
            counts[key[no]] = counts.get(key[no], 0) + 1
    removals = [Removal(no, text, "no words") for no, text in edges if has_no_words(text)]
    removals += [Removal(no, text, "running head or foot") for no, text in edges if not has_no_words(text) and counts.get(key[no], 0) >= 2]
    return sorted(removals, key=lambda r: r.line)


def paged(blocks: Sequence[Block], pages: Sequence[tuple[int, str]]) -> tuple[Block, ...]:
    """Every block with the page it starts on; blocks unchanged without a page map."""
    if not pages:
        return tuple(blocks)
    return tuple(replace(b, page=page_of(pages, b.line)) if b.line else b for b in blocks)


def page_range(blocks: Sequence[Block], lines: Sequence[tuple[int, str]], pages: Sequence[tuple[int, str]]) -> tuple[str, ...]:
    """``(first, last)``: the page of the first citable block and of the last line of text; ``()`` without pages."""
    first = next((b.page for b in blocks if b.anchor and b.page), "")
    last = next((page_of(pages, no) for no, text in reversed(lines) if text.strip()), "")
    return (first, last or first) if pages and first else ()


def join_broken_words(lines: Sequence[tuple[int, str]], lexicon: Lexicon) -> tuple[list[tuple[int, str]], list[Fix]]:
    """Words broken with a hyphen at a line end, also across blank lines left by removed page furniture:
    joined where the OCR repair's ``hyphenation`` rule joins them (each join a :class:`Fix`), else kept
    whole as a compound. Hyphens inside a line are the author's and are never looked at."""
    out: list[tuple[int, str]] = []
    fixes: list[Fix] = []
    for no, text in _close_up(lines):
        head = _LAST_WORD.search(out[-1][1].rstrip()) if out else None
        tail = _FIRST_WORD.match(text)
        if head is None or tail is None or not tail["word"][:1].islower():
            out.append((no, text))
            continue
        broken = f"{head['word']}-\n{tail['word']}"
        joined = next((c.after for c in repair(broken, lexicon, ("hyphenation",)).corrections if c.rule == "hyphenation"), None)
        word = joined or f"{head['word']}-{tail['word']}"
        if joined:
            fixes.append(Fix(out[-1][0], f"{head['word']}- {tail['word']}", joined, "hyphenation"))
        out[-1] = (out[-1][0], out[-1][1].rstrip()[: head.start()] + word + tail["punct"])
        rest = text[tail.end() :]
        if rest.strip():
            out.append((no, rest))
    return out, fixes


def _close_up(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop the blank lines between a line ending in a broken word and the lower-case line that goes on with it."""
    kept: list[tuple[int, str]] = []
    for no, text in lines:
        if not text.strip():
            kept.append((no, text))
            continue
        last = len(kept)
        while last > 0 and not kept[last - 1][1].strip():
            last -= 1
        if last < len(kept) and last > 0 and _OPEN_HYPHEN.search(kept[last - 1][1].rstrip()) and text.lstrip()[:1].islower():
            del kept[last:]
        kept.append((no, text))
    return kept
