"""Stage 3, :class:`Article` → :class:`Extraction`: what each article yields.

Extractors are a named table, run in order (as Python-Markdown registers its
processors); later stages add entities, terms and dated events to it. Today
the table counts what a reader is offered: words and citable paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from build_docs.clean import Article


@dataclass(frozen=True)
class Extraction:
    """What one article yields, keyed by extractor name."""

    article: str
    facts: Mapping[str, object]

    def __getitem__(self, name: str) -> object:
        return self.facts[name]


def count_words(article: Article) -> int:
    return sum(len(block.text.split()) for block in article.blocks)


def count_paragraphs(article: Article) -> int:
    return len(article.paragraphs)


EXTRACTORS: tuple[tuple[str, Callable[[Article], object]], ...] = (
    ("words", count_words),
    ("paragraphs", count_paragraphs),
)


def extract(article: Article) -> Extraction:
    return Extraction(article.id, MappingProxyType({name: run(article) for name, run in EXTRACTORS}))
