"""Stage 4: everything known before anything links — the :class:`Site`.

Page names are claimed here, once: two articles that want the same page are an
error naming both sources (as Pelican refuses to write one path twice).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from build_docs.clean.article import Article, CleaningReport
from build_docs.diagnostics import Diagnostic, error
from build_docs.extract.acronyms import Definition
from build_docs.extract.dating import DateEstimate
from build_docs.extract.discover import Found
from build_docs.extract.extractors import Dated, Extraction


@dataclass(frozen=True)
class Site:
    articles: tuple[Article, ...]  # sorted by id
    extractions: Mapping[str, Extraction]  # by article id
    reports: Mapping[str, CleaningReport]  # by article id
    seeds_name: str  # the seeds folder as pages name it, e.g. "seeds" (never a machine's path)

    def __repr__(self) -> str:
        return f"Site({[a.id for a in self.articles]})"

    @property
    def words(self) -> int:
        return sum(e.words for e in self.extractions.values())

    @property
    def paragraphs(self) -> int:
        return sum(e.paragraphs for e in self.extractions.values())

    def definitions(self) -> list[tuple[str, str, Definition]]:
        """(article, anchor, definition) for every acronym definition, articles in id order."""
        return [(e.article, anchor, found) for e in self.extractions.values() for anchor, found in e.definitions]

    def names(self) -> list[tuple[str, str, Found]]:
        """(article, anchor, name) for every name found by a pattern, articles in id order."""
        return [(e.article, anchor, found) for e in self.extractions.values() for anchor, found in e.names]

    def dates(self) -> dict[str, tuple[Dated, ...]]:
        """Article id → the dates found in its paragraphs."""
        return {e.article: e.dates for e in self.extractions.values()}

    def estimates(self) -> dict[str, DateEstimate]:
        """Article id → when its text shows it was written, for the articles that state no date."""
        return {e.article: e.date_estimate for e in self.extractions.values() if e.date_estimate is not None}


def index(found: list[tuple[Article, Extraction]], reports: Mapping[str, CleaningReport], seeds_shown: str) -> tuple[Site, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    claimed: dict[str, Article] = {}
    extractions: dict[str, Extraction] = {}
    for article, extraction in found:
        first = claimed.get(article.id)
        if first is not None:
            problems.append(
                error(
                    f"{seeds_shown}/{article.sources[0]}",
                    1,
                    f"page name 'articles/{article.id}/' is already taken by {seeds_shown}/{first.sources[0]}; "
                    f"give one of them its own 'id:' (or 'title:') in {seeds_shown}/catalog.yml",
                )
            )
            continue
        claimed[article.id] = article
        extractions[article.id] = extraction
    ordered = tuple(sorted(claimed.values(), key=lambda a: a.id))
    seeds_name = seeds_shown.rstrip("/").rsplit("/", 1)[-1]
    kept = MappingProxyType({a.id: reports[a.id] for a in ordered})
    return Site(ordered, MappingProxyType(dict(sorted(extractions.items()))), kept, seeds_name), problems
