"""Linking, pass 2: every mention of every entity and term, found in one pass per paragraph.

All names and aliases go into one Aho–Corasick automaton (:mod:`build_docs.link.matcher`),
so the cost is linear in the corpus, however many names there are. Only citable
blocks are searched: headings and the article header never carry links. The first
mention of each entity or term in each section (the text between two headings)
is the one the page links.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from types import MappingProxyType
from typing import cast

from build_docs.clean.article import Article
from build_docs.extract.extractors import header_lines, texts
from build_docs.link.matcher import Hit, Matcher, fold, normalise
from build_docs.link.model import Knowledge, Quote, Quoter, entity_key
from build_docs.results import NOTHING_KEPT, Kept, digest


@dataclass(frozen=True)
class Mention:
    key: str  # "entity:<id>" or "term:<id>"
    article: str
    anchor: str
    start: int  # offsets into the paragraph's text
    end: int
    alias: str  # the registered name it matched
    surface: str  # the text as it stands ("MDGs" for the alias "MDG")
    quote: Quote
    linked: bool  # the first in its section: the text links it


@dataclass(frozen=True)
class Links:
    by_block: Mapping[tuple[str, str], tuple[Mention, ...]]  # (article, anchor) -> mentions in order
    by_key: Mapping[str, tuple[Mention, ...]]  # key -> mentions in reading order (articles by id)
    ambiguous: Mapping[str, tuple[str, ...]]  # a name two entries claim -> their keys; not linked
    digests: Mapping[str, str] = field(default_factory=dict)  # article -> a digest of its mentions, when they were kept
    contested: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # a form a rule gave one of several keys -> their keys
    #: article -> key -> a digest of that article's mentions of that key, when they were kept (:func:`_shown`)
    shown: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def of(self, key: str) -> tuple[Mention, ...]:
        return self.by_key.get(key, ())


def term_key(knowledge: Knowledge, term_id: str) -> str:
    """A term that names an entity links to the entity's page."""
    return knowledge.terms[term_id].key


def names(knowledge: Knowledge) -> list[tuple[str, str]]:
    """(name, key) for everything the matcher looks for."""
    found: dict[tuple[str, str], None] = {}
    for entity in knowledge.entities.values():
        for name in (entity.name, *entity.aliases):
            found[(name, entity.key)] = None
    for term in knowledge.terms.values():
        key = term.key
        for name in (term.term, term.expansion, *term.aliases):
            if name:
                found[(name, key)] = None
    return list(found)


def prune(knowledge: Knowledge, links: Links | Collection[str]) -> Knowledge:
    """Drop what discovery found but no text mentions (a place only ever named inside a person's name or a longer
    place's; one inside an organisation's name is mentioned there: :func:`nesting`).

    ``links``: the links, or the keys they link (``by_key`` holds exactly those)."""
    linked = links.by_key if isinstance(links, Links) else links
    unused = [e.id for e in knowledge.entities.values() if e.origin == "discovered" and e.key not in linked]
    if not unused:
        return knowledge
    entities = {i: e for i, e in knowledge.entities.items() if i not in unused}
    terms = {i: replace(t, entity="") if t.entity in unused else t for i, t in knowledge.terms.items()}
    return replace(knowledge, entities=MappingProxyType(entities), terms=MappingProxyType(terms))


def link_all(knowledge: Knowledge, articles: Sequence[Article], kept: Kept = NOTHING_KEPT, keys: Sequence[str] = ()) -> tuple[Knowledge, Links]:
    """Link, then drop discovered entities nothing mentions (see :func:`prune`).

    Dropping them changes no mention, unless a name they shared with another entry was
    left unlinked as ambiguous: then the articles where that name may now be found are linked
    again without them (:func:`_naming`), and the others keep their mentions. ``kept`` and
    ``keys`` (a digest of each article) let :func:`link` read back an article's mentions.
    """
    links: Links | None = None
    linked: Collection[str]
    ambiguous: Mapping[str, tuple[str, ...]]
    contested: Mapping[str, tuple[str, ...]]
    made: dict[str, _Found] = {}  # article id -> its mentions, linked afresh here and kept once, by link()
    if kept.on and keys:  # which keys are linked, read back per article; the mentions only for the names linked in the end
        linked, (ambiguous, contested) = _linked_keys(knowledge, articles, kept, keys, made)
    else:
        links = link(knowledge, articles, made=made)
        linked, ambiguous, contested = links.by_key, links.ambiguous, links.contested
    kept_knowledge = prune(knowledge, linked)
    gone = {entity_key(i) for i in knowledge.entities if i not in kept_knowledge.entities}
    freed = {name: keys_ for name, keys_ in (*ambiguous.items(), *contested.items()) if any(key in gone for key in keys_)}
    # A pruned entry never won a match (else it would be linked), so its names change no mention but where it shared
    # one with another entry: as ambiguous (unlinked), or where a rule gave it the form (Matcher.contested).
    if freed:
        again = _naming(kept_knowledge, [a for a in articles if a.id in made], freed)
        links = link(kept_knowledge, articles, kept, keys, {i: found for i, found in made.items() if i not in again})
    elif links is None:
        links = link(knowledge, articles, kept, keys, made)
    return kept_knowledge, links


def _naming(knowledge: Knowledge, articles: Sequence[Article], freed: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The ids of ``articles`` in which a ``freed`` name (one left unlinked as ambiguous, now claimed by one entry
    only) or a form of it may be found: the names of the entries that claimed one, looked for on their own, and
    kept where the alias matched or the text matched is a freed name. More articles than need it may be linked
    again, never fewer."""
    left = {key for keys_ in freed.values() for key in keys_}
    matcher = Matcher([(alias, key) for alias, key in names(knowledge) if key in left])
    folded = {fold(normalise(name)) for name in freed}
    found = set()
    for article in articles:
        if any(fold(normalise(hit.alias)) in folded or fold(normalise(hit.surface)) in folded for _, text in texts(article) for hit in matcher.find(text)):
            found.add(article.id)
    return found


def _linked_keys(
    knowledge: Knowledge, articles: Sequence[Article], kept: Kept, keys: Sequence[str], made: dict[str, _Found]
) -> tuple[set[str], _Claims]:
    """The keys some article links, and the ambiguous names, for ``knowledge``'s names: each article's
    keys are kept beside its mentions, so a later build reads a few names per article, not every mention.
    The mentions of an article linked afresh go into ``made``, under the article's id, for :func:`link` to keep."""
    pairs = names(knowledge)
    matcher = cache(partial(Matcher, pairs))
    nest = nesting(knowledge)
    names_key = digest(pairs, sorted(nest[0]), sorted(nest[1]))
    linked: set[str] = set()
    for article, key in zip(articles, keys, strict=True):
        name = kept.key("mentions", names_key, key)
        found = kept.get("linked", name)
        if found is None:
            mentions = made[article.id] = _mentions(matcher, article, nest)  # kept by link(), under the names it links with
            found = (tuple(sorted({m.key for _, block in mentions for m in block})),)
            kept.put("linked", name, found[0])
        linked.update(cast(tuple[str, ...], found[0]))
    return linked, kept.one("ambiguous", kept.key("ambiguous", names_key), partial(_claims, matcher))


def link(
    knowledge: Knowledge,
    articles: Sequence[Article],
    kept: Kept = NOTHING_KEPT,
    keys: Sequence[str] = (),
    made: dict[str, _Found] | None = None,
) -> Links:
    """Every mention in ``articles``. An article's mentions depend on its text and on the names
    looked for, nothing else, so with ``kept`` and ``keys`` (a digest of each article) they are
    read back when an earlier build linked the same article against the same names; the
    automaton is built only if some article is linked afresh.

    ``made`` (article id -> mentions) holds what this build linked already and has not kept: those articles'
    mentions are taken from it and kept under this link's names, and every article linked here goes into it."""
    articles = tuple(articles)
    pairs = names(knowledge)
    matcher = cache(partial(Matcher, pairs))
    made = {} if made is None else made
    nest = nesting(knowledge)
    digests: dict[str, str] = {}
    shown: dict[str, Mapping[str, str]] = {}
    found: list[_Found] = []
    if kept.on and keys:
        names_key = digest(pairs, sorted(nest[0]), sorted(nest[1]))
        digests = {article.id: kept.key("mentions", names_key, key) for article, key in zip(articles, keys, strict=True)}
        for article in articles:
            name = digests[article.id]
            if article.id not in made:
                mentioned, digested = kept.one("mentions", name, partial(_with_shown, matcher, article, nest))
                made[article.id] = mentioned
            else:
                mentioned, digested = made[article.id], _shown(made[article.id])
                kept.put("mentions", name, (mentioned, digested))
            found.append(mentioned)
            shown[article.id] = MappingProxyType(dict(digested))
        ambiguous, contested = kept.one("ambiguous", kept.key("ambiguous", names_key), partial(_claims, matcher))
    else:
        for article in articles:
            if article.id not in made:
                made[article.id] = _mentions(matcher, article, nest)
            found.append(made[article.id])
        ambiguous, contested = _claims(matcher)
    by_block: dict[tuple[str, str], tuple[Mention, ...]] = {}
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for article, blocks in zip(articles, found, strict=True):
        for anchor, mentions in blocks:
            by_block[(article.id, anchor)] = mentions
            for mention in mentions:
                by_key[mention.key].append(mention)
    return Links(
        MappingProxyType(by_block),
        MappingProxyType({k: tuple(v) for k, v in sorted(by_key.items())}),
        MappingProxyType(dict(sorted(ambiguous.items()))),
        MappingProxyType(digests),
        MappingProxyType(contested),
        MappingProxyType(shown),
    )


_Claims = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]  # a matcher's ambiguous and contested names


def _claims(matcher: Callable[[], Matcher]) -> _Claims:
    return dict(matcher().ambiguous), dict(matcher().contested)


_Found = tuple[tuple[str, tuple[Mention, ...]], ...]  # an article's mentions: (anchor, mentions in order) per paragraph


def _shown(found: _Found) -> tuple[tuple[str, str], ...]:
    """For each key an article's mentions (``found``) name, a digest of those mentions: all an entity's pages show of the
    article (with its title and date), so an edit re-renders the pages of the entities whose mentions it changed, not of
    every entity the article names. The digest is of the mentions' ``repr``, which a frozen dataclass makes of every field."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for _, mentions in found:
        for mention in mentions:
            by_key[mention.key].append(mention)
    return tuple((key, hashlib.sha256(repr(of).encode("utf-8")).hexdigest()[:32]) for key, of in sorted(by_key.items()))


def _with_shown(matcher: Callable[[], Matcher], article: Article, nest: tuple[frozenset[str], frozenset[str]]) -> tuple[_Found, tuple[tuple[str, str], ...]]:
    """:func:`_mentions`, and :func:`_shown` of them."""
    found = _mentions(matcher, article, nest)
    return found, _shown(found)


def nesting(knowledge: Knowledge) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of places, and of the organisations whose names may hold one: "Paris" in "University of Paris" is a
    mention of Paris too (:func:`_mentions`), as a reader and GUM's annotators take it; "Paris" in "Paris Hilton", in a
    treaty's name or in a longer place's ("England" in "New England") is not (as discovery decides:
    :func:`~build_docs.extract.discover.find_all`)."""
    places = frozenset(entity_key(e.id) for e in knowledge.entities.values() if e.kind == "place")
    holders = frozenset(entity_key(e.id) for e in knowledge.entities.values() if e.kind == "organization")
    return places, holders


def _mentions(
    matcher: Callable[[], Matcher], article: Article, nest: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
) -> _Found:
    """(anchor, mentions in order) for each paragraph of ``article`` that mentions anything. A place named inside the name
    of an organisation or a place (``nest``, :func:`nesting`) is mentioned there too, never linked: the text links the
    longer name."""
    found = []
    section, linked = 0, set()
    quoter = Quoter()
    for block in article.blocks:
        if block.kind == "heading":
            section += 1
            continue
        if not block.anchor:
            continue
        mentions = []
        hits, inner = matcher().nested(block.text)
        for hit in hits:
            first = (section, hit.key) not in linked
            linked.add((section, hit.key))
            quote = quoter(article.id, block.anchor, block.text, hit.start, hit.end)
            mentions.append(Mention(hit.key, article.id, block.anchor, hit.start, hit.end, hit.alias, hit.surface, quote, first))
        if inner and nest[0]:
            mentions = _with_inner(mentions, inner, nest, article.id, block.anchor, block.text, quoter)
        if mentions:
            found.append((block.anchor, tuple(mentions)))
    for anchor, line in header_lines(article):  # the header's deck, byline and affiliation name people and bodies too (on part 1)
        mentions = [
            Mention(h.key, article.id, anchor, h.start, h.end, h.alias, h.surface, quoter(article.id, anchor, line, h.start, h.end), False)
            for h in matcher().find(line)
        ]
        if mentions:
            found.append((anchor, tuple(mentions)))
    return tuple(found)


def _with_inner(
    mentions: list[Mention], inner: list[Hit], nest: tuple[frozenset[str], frozenset[str]], article: str, anchor: str, text: str, quoter: Quoter
) -> list[Mention]:
    """``mentions`` (the paragraph's, in order) with the places of ``inner`` that an organisation's mention holds,
    unlinked, each after the mention holding it."""
    places, holders = nest
    out: list[Mention] = []
    k = 0
    for mention in mentions:
        out.append(mention)
        while k < len(inner) and inner[k].start < mention.end:
            hit = inner[k]
            k += 1
            if hit.start >= mention.start and hit.key in places and mention.key in holders and hit.key != mention.key:
                quote = quoter(article, anchor, text, hit.start, hit.end)
                out.append(Mention(hit.key, article, anchor, hit.start, hit.end, hit.alias, hit.surface, quote, False))
    return out
