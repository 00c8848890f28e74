"""What the link stage hands on: entities, terms and candidates, and the :class:`Quote` behind every statement.

:class:`Knowledge` is pass 1's output (:mod:`.knowledge`); mentions (:mod:`.mentions`)
are filed under the :attr:`Entity.key` or :attr:`Term.key` they link to. Render and
timeline read these types and nothing else of this stage.

Descriptions taken from a source carry their :class:`Quote`; a description
without one was written by an editor and is shown as editorial.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from build_docs.extract.sentences import sentence_around, sentence_spans


@dataclass(frozen=True, order=True)
class Quote:
    """Where a statement comes from: an article, its paragraph anchor, and the sentence quoted."""

    article: str
    anchor: str
    quote: str

    def record(self) -> dict[str, str]:
        return {"article": self.article, "anchor": self.anchor, "quote": self.quote}


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]  # every other name it is matched by
    origin: str  # "registry" or "discovered"
    description: str = ""
    description_source: Quote | None = None  # None with a description: editorial
    wikidata: str = ""
    roles: tuple[tuple[str, Quote], ...] = ()  # how the sources describe it ("Chinese President")

    @property
    def editorial(self) -> bool:
        return bool(self.description) and self.description_source is None

    @property
    def key(self) -> str:
        """What its mentions are filed under: ``"entity:<id>"``."""
        return entity_key(self.id)

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class Term:
    id: str  # anchor on the glossary page
    term: str
    origin: str  # "registry" or "discovered"
    expansion: str = ""
    expansion_sources: tuple[Quote, ...] = ()  # where a source spells the expansion out
    definition: str = ""
    definition_source: Quote | None = None  # None with a definition: editorial
    aliases: tuple[str, ...] = ()
    entity: str = ""  # the entity the term names; mentions link there
    variants: tuple[str, ...] = ()  # other expansions sources give

    @property
    def editorial(self) -> bool:
        return bool(self.definition) and self.definition_source is None

    @property
    def key(self) -> str:
        """What its mentions are filed under: a term that names an entity is filed (and links) there."""
        return entity_key(self.entity) if self.entity else f"term:{self.id}"

    @property
    def label(self) -> str:
        return self.term


def entity_key(entity_id: str) -> str:
    return f"entity:{entity_id}"


@dataclass(frozen=True)
class Candidate:
    """A name or acronym discovery was not sure of, for editors to add to a registry (or ignore)."""

    name: str
    kind: str  # an entity kind, or "acronym"
    count: int
    example: Quote
    reason: str
    suggestion: str = ""


@dataclass(frozen=True)
class Knowledge:
    entities: Mapping[str, Entity]  # by id, sorted
    terms: Mapping[str, Term]  # by id, sorted
    candidates: tuple[Candidate, ...]

    def named(self, key: str) -> Entity | Term:
        """The entity or term a mention's key files it under."""
        kind, _, ident = key.partition(":")
        return self.entities[ident] if kind == "entity" else self.terms[ident]



def quote_at(article: str, anchor: str, text: str, start: int, end: int) -> Quote:
    begin, stop = sentence_around(text, start, end, _spans(text))
    return Quote(article, anchor, " ".join(text[begin:stop].split()))


class Quoter:
    """:func:`quote_at` giving one object per sentence quoted, however many names it quotes: a kept result
    (an article's mentions, its evidence) pickles each sentence once."""

    def __init__(self) -> None:
        self._made: dict[Quote, Quote] = {}

    def __call__(self, article: str, anchor: str, text: str, start: int, end: int) -> Quote:
        quote = quote_at(article, anchor, text, start, end)
        return self._made.setdefault(quote, quote)


@lru_cache(maxsize=256)
def _spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a paragraph, computed once however many mentions it has."""
    return sentence_spans(text)
