"""Bounded entity pages: what an entity page shows when many articles name it, and the sub-pages
that hold the complete list.

An entity named in at most :data:`ARTICLES_PER_PAGE` articles (with quotes that fit a page) lists every article's quotes on
its own page, as it always has. One named in more shows :data:`SHOWN_QUOTES` quotes chosen to
be informative and spread over years and articles (:func:`selected`), at most
:data:`SHOWN_EVENTS` of its timeline entries spread over its years (:func:`spread`), and links
to sub-pages ``entities/<id>/mentions-<n>.md`` with every article's quotes,
:data:`ARTICLES_PER_PAGE` articles (and about :data:`WEIGHT_PER_PAGE` characters) a page; of how the sources describe it, it shows
:data:`ROLES_SHOWN` descriptions with :data:`ROLE_CITES` citations each, and each sub-page the
descriptions its articles give. Every mention is also in ``data/entities.json``.
So no entity page grows with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

ARTICLES_PER_PAGE = 20  # articles listed with their quotes on one page (5 quotes each at most)
WEIGHT_PER_PAGE = 110_000  # and at most about this many characters of them (:func:`weight`): long sentences make fewer a page
SHOWN_QUOTES = 20  # quotes on the page of an entity named in more articles than that
SHOWN_EVENTS = 25  # timeline entries on an entity page; the rest are on the timeline pages
ROLES_SHOWN = 10  # descriptions ("Secretary-General") on such a page, most cited first
ROLE_CITES = 5  # citations of each; every one is on the sub-page of the article it comes from
WORDS = (12, 45)  # a quote of this many words says most about what it names: long enough, not a list

T = TypeVar("T")


@dataclass(frozen=True)
class MentionPage:
    """One sub-page of an entity's complete list of quotes."""

    number: int
    name: str  # "mentions-2"
    items: tuple[Mapping[str, Any], ...]  # per article, as knowledge_pages lists them

    @property
    def label(self) -> str:
        first, last = self.items[0]["article"].title, self.items[-1]["article"].title
        return first if first == last else f"{first} … {last}"


def weight(item: Mapping[str, Any]) -> int:
    """About how many characters an article's entry takes: each quote twice (the text and its tooltip), each further paragraph's sentence once."""
    return 200 + sum(250 + 2 * len(str(c.quote)) for c in item["quotes"]) + sum(120 + len(str(c.quote)) for c in item["more"])


def mention_pages(items: Sequence[Mapping[str, Any]], per_page: int | None = None) -> list[MentionPage]:
    """The complete list in pages of at most ``per_page`` (:data:`ARTICLES_PER_PAGE`) articles and
    :data:`WEIGHT_PER_PAGE` characters (an article heavier alone is a page alone); none when one page holds it."""
    per_page = per_page or ARTICLES_PER_PAGE
    weights = [weight(item) for item in items]
    if len(items) <= per_page and sum(weights) <= WEIGHT_PER_PAGE:
        return []
    chunks: list[list[Mapping[str, Any]]] = [[]]
    load = 0
    for item, heavy in zip(items, weights, strict=True):
        if chunks[-1] and (len(chunks[-1]) >= per_page or load + heavy > WEIGHT_PER_PAGE):
            chunks.append([])
            load = 0
        chunks[-1].append(item)
        load += heavy
    return [MentionPage(n, f"mentions-{n}", tuple(chunk)) for n, chunk in enumerate(chunks, start=1)]


def capped_roles(roles: Sequence[tuple[str, Sequence[T]]]) -> list[tuple[str, list[T], int]]:
    """The first :data:`ROLES_SHOWN` descriptions, each with its first :data:`ROLE_CITES` citations and how many more it has."""
    return [(role, list(cites[:ROLE_CITES]), max(0, len(cites) - ROLE_CITES)) for role, cites in roles[:ROLES_SHOWN]]


def _informative(cited: Any) -> tuple[bool, int]:
    words = len(str(cited.quote).split())
    low, high = WORDS
    return (not low <= words <= high, -min(words, high))


def selected(items: Sequence[Mapping[str, Any]], limit: int | None = None) -> list[tuple[Any, Any]]:
    """``(article, cited)`` pairs: each year in turn gives its next quote -- every article's most
    informative quote first (articles naming the entity most first), then every article's
    second, and so on -- with no sentence twice, at most ``limit`` (:data:`SHOWN_QUOTES`)."""
    limit = limit or SHOWN_QUOTES
    by_year: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for item in items:
        by_year[(item["article"].date or "")[:4]].append(item)
    queues = []
    for _, found in sorted(by_year.items()):
        ranked = [(item["article"], sorted(item["quotes"], key=_informative)) for item in sorted(found, key=lambda i: -int(i["count"]))]
        deepest = max(len(quotes) for _, quotes in ranked)
        queues.append(iter([(article, quotes[d]) for d in range(deepest) for article, quotes in ranked if d < len(quotes)]))
    chosen: list[tuple[Any, Any]] = []
    seen: set[str] = set()
    while queues and len(chosen) < limit:
        for queue in list(queues):
            for article, cited in queue:
                key = " ".join(str(cited.quote).casefold().split())
                if key not in seen:
                    seen.add(key)
                    chosen.append((article, cited))
                    break
            else:
                queues.remove(queue)
            if len(chosen) >= limit:
                break
    return chosen


def spread(entries: Sequence[T], limit: int | None = None) -> list[T]:
    """At most ``limit`` (:data:`SHOWN_EVENTS`) of ``entries`` (in date order), evenly spaced from the first to the last."""
    limit = limit or SHOWN_EVENTS
    if len(entries) <= limit:
        return list(entries)
    if limit == 1:
        return [entries[0]]
    return [entries[round(i * (len(entries) - 1) / (limit - 1))] for i in range(limit)]
