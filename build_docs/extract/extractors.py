"""Stage 3, :class:`Article` → :class:`Extraction`: what each article yields.

Extractors are a named table, run in order (as Python-Markdown registers its
processors). Each looks at one article alone: counts, acronym definitions
(:mod:`build_docs.extract.acronyms`) and names found by their patterns
(:mod:`build_docs.extract.discover`) and dates (:mod:`build_docs.extract.timex`), each kept with
the paragraph it stands in. What
they add up to across the corpus is decided later (:mod:`build_docs.link.knowledge`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from build_docs.extract.acronyms import Definition, find_definitions
from build_docs.clean.cleaner import Article
from build_docs.extract.discover import Found, find_all
from build_docs.timeline.events import dated


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


def definitions(article: Article) -> tuple[tuple[str, Definition], ...]:
    """(anchor, definition) for every acronym a paragraph defines."""
    return tuple((block.anchor, found) for block in article.paragraphs for found in find_definitions(block.text))


def names(article: Article) -> tuple[tuple[str, Found], ...]:
    """(anchor, name) for every person, organisation and place a paragraph names by a known pattern."""
    return tuple((block.anchor, found) for block in article.paragraphs for found in find_all(block.text))


EXTRACTORS: tuple[tuple[str, Callable[[Article], object]], ...] = (
    ("words", count_words),
    ("paragraphs", count_paragraphs),
    ("definitions", definitions),
    ("names", names),
    ("dates", dated),
)


def extract(article: Article) -> Extraction:
    return Extraction(article.id, MappingProxyType({name: run(article) for name, run in EXTRACTORS}))
