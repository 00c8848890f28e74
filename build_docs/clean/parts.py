"""Blocks of a structured source (Markdown, HTML): the structure its format states, taken as it is.

A structured source needs no guessing of paragraphs, headings or wrapped lines: its
reader hands on :class:`~build_docs.sources.reading.Part` s and they become blocks
one for one, with their inline formatting. Two things are decided here:

* the first level-1 heading is the title when nothing else gives one (it leaves the body,
  and the report says so);
* a block quote whose words repeat a passage of the body is a pull quote: shown as such,
  never numbered or quoted as body text (the passage it repeats is).
"""

from __future__ import annotations

from collections.abc import Sequence

from build_docs.clean.boilerplate import Removal
from build_docs.clean.structure import Block
from build_docs.sources.reading import Part

PULL_QUOTE_WORDS = 6  # a quote this long or longer whose words stand in the body is a pull quote


def title_part(parts: Sequence[Part]) -> Part | None:
    """The level-1 heading that opens the parts, if any: the article's title in most Markdown and HTML."""
    return parts[0] if parts and parts[0].kind == "heading" and parts[0].level == 1 else None


def blocks_of(parts: Sequence[Part]) -> list[Block]:
    """Parts as blocks (not yet numbered), pull quotes marked."""
    body = " ".join(_words(p.text) for p in parts if p.kind not in ("quote", "heading", "code", "table"))
    blocks = []
    for part in parts:
        kind = part.kind
        if kind == "quote" and len(part.text.split()) >= PULL_QUOTE_WORDS and _words(part.text) in body:
            kind = "pullquote"
        level = min(max(part.level, 2), 4) if kind == "heading" else 0
        blocks.append(Block(kind, part.text, part.line, level=level, spans=part.spans, rows=part.rows, label=part.label))
    return blocks


def removed_by_reader(removed: Sequence[tuple[int, str, str]]) -> list[Removal]:
    return [Removal(line, text, why) for line, text, why in removed]


def _words(text: str) -> str:
    return " ".join("".join(c.lower() if c.isalnum() else " " for c in text).split())
