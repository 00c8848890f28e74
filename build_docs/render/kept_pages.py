"""Pages kept between builds: an edit re-renders the pages whose inputs it changed.

An article's page (or parts), its report and raw views, an entity's page with its pages of
mentions, and a timeline period's page are each rendered from a small part of the build's state.
:func:`kept_pages` reads them back (abbreviations already appended, their bytes left unread until
publishing asks for them: :class:`~build_docs.results.Blob`) when an earlier build rendered them
from the same inputs, named by a key made of digests (:class:`build_docs.results.Kept`). The views
below are those inputs: what the page shows of each entity, term or timeline entry it links to,
so a page is rendered again when a link on it would change, and only then. The page functions
read nothing else; the golden, cached and cold builds are compared byte for byte in the tests.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar, cast

from build_docs.clean.article import Article
from build_docs.jobs import IN_PROCESS, Runner
from build_docs.link.mentions import Links
from build_docs.link.model import Entity
from build_docs.results import Kept, digest
from build_docs.timeline.events import Event

STAGE = "pages"
P = TypeVar("P")  # a list of pages, or pages and what else they tell the rest of the site


def kept_pages(kept: Kept, family: str, parts: Sequence[object], make: Callable[[], P]) -> P:
    """``make()``, or what it made in an earlier build from the inputs ``parts`` name."""
    if not kept.on:
        return make()
    return kept.one(STAGE, kept.key(family, *parts), make, blobs=True)


def page_keys(kept: Kept, family: str, inputs: Sequence[Sequence[object]]) -> list[str]:
    """The key of each page (or pages) of ``family`` made from ``inputs``, as :func:`kept_all` keeps them (none when
    nothing is kept)."""
    return [kept.key(family, *parts) for parts in inputs] if kept.on else []


def kept_all(
    kept: Kept,
    family: str,
    inputs: Sequence[Sequence[object]],
    makes: Sequence[Callable[[], P]],
    runner: Runner = IN_PROCESS,
    keys: Sequence[str] | None = None,
) -> list[P]:
    """``[make() for make in makes]``, each read back as :func:`kept_pages` reads one (``inputs`` naming what it is
    made from), the others made on ``runner``'s workers, forked so that they inherit the page functions' closures
    (:meth:`~build_docs.jobs.Runner.map_inherited`).

    A page made here may keep pages of its own (an entity's pages of mentions, each kept on its own so that an edit
    renders again only the one that lists the edited article). What it made them from is kept with it, and reading
    it back holds them (:meth:`~build_docs.results.Kept.hold`): a later build that must make the page again still
    finds them. A worker hands them back with the page, so that this build's sweep leaves them too. ``keys``: the
    inputs' :func:`page_keys`, when the caller has them already."""
    keys = page_keys(kept, family, inputs) if keys is None else keys
    results: dict[int, P] = {}
    for i, key in enumerate(keys):
        found = kept.get(STAGE, key)
        if found is not None:
            result, nested = cast(tuple[P, tuple[tuple[str, str], ...]], found[0])  # written below for this family, key and code
            for stage, nested_key in nested:
                kept.hold(stage, nested_key)
            results[i] = result
    missing = [i for i in range(len(makes)) if i not in results]
    for i, (result, nested) in zip(missing, runner.map_inherited(_make, (makes, kept), missing), strict=True):
        results[i] = result
        for stage, nested_key in nested:
            kept.hold(stage, nested_key)  # in a worker's copy of ``kept`` only, until now
        if keys:
            kept.put(STAGE, keys[i], (result, nested), blobs=True)
    return [results[i] for i in range(len(makes))]


def _make(context: tuple[Sequence[Callable[[], P]], Kept], index: int) -> tuple[P, tuple[tuple[str, str], ...]]:
    """``makes[index]()``, and the kept results it was made with."""
    makes, kept = context
    with kept.recording() as nested:
        made = makes[index]()
    return made, tuple(sorted(nested))


def link_view(keys: Iterable[str], shown: Callable[[str], tuple[object, ...]]) -> tuple[object, ...]:
    """What a page shows of each key it links to, in key order: ``shown(key)``, the name, the link and the tooltip."""
    return tuple((key, *shown(key)) for key in sorted(set(keys)))


def dated_view(article: Article, dated: Mapping[tuple[str, str], list[Event]], held: Mapping[str, str]) -> tuple[object, ...]:
    """The timeline entries each paragraph of ``article`` gave, and the timeline page that holds each."""
    return tuple(
        (b.anchor, tuple((e.id, e.display, held.get(e.id, "")) for e in dated.get((article.id, b.anchor), ()))) for b in article.paragraphs
    )


def entity_view(entity: Entity, links: Links, cards: Mapping[str, str], naming: Mapping[str, Sequence[str]]) -> tuple[tuple[str, str, str], ...]:
    """The mentions an entity's pages quote: those of each article that names it (``naming``: key -> article ids,
    :func:`naming_articles`), by the digest of that article's mentions of the entity (the same digest, the same
    mentions) and of the article's ``cards`` (:func:`article_cards`)."""
    key = entity.key
    return tuple((a, links.shown[a][key], cards[a]) for a in naming.get(key, ()))


def naming_articles(links: Links) -> dict[str, list[str]]:
    """Key -> the ids of the articles that mention it, in order: read off the digests of kept mentions, one per
    article and key, not off every mention."""
    naming: dict[str, list[str]] = defaultdict(list)
    for article in sorted(links.shown):
        for key in links.shown[article]:
            naming[key].append(article)
    return naming


def article_cards(articles: Sequence[Article]) -> dict[str, str]:
    """A digest of each article without its text: what a page that lists the article may show of it (its title, date,
    authors), the text's part being what the page quotes of it."""
    return {article.id: digest(replace(article, blocks=())) for article in articles}
