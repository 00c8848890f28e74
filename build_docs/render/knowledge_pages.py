"""Pages and data for entities and terms: entity pages, their index, the glossary, the
editors' candidates report, the abbreviation list behind the tooltips, and the JSON files.

Every statement a page makes about an entity or term is either quoted from a
paragraph (and links to it) or marked as editorial.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from build_docs.clean.article import Article
from build_docs.extract.extractors import HEADER_ANCHORS
from build_docs.extract.index import Site
from build_docs.jobs import IN_PROCESS, Runner
from build_docs.link.mentions import Links, Mention
from build_docs.link.model import Entity, Knowledge, Quote, Term
from build_docs.link.registry import ENTITIES, KIND_LABELS, KINDS
from build_docs.render import timeline_pages
from build_docs.render.glossary_pages import glossary_pages, term_page
from build_docs.render.infobox import RELATED_SHOWN, aliases, dated_span
from build_docs.render.jsondata import item_bytes, list_bytes
from build_docs.render.kept_pages import article_cards, entity_view, kept_all, kept_pages, naming_articles, page_keys
from build_docs.render.knowledge_records import entity_record
from build_docs.render.knowledge_records import glossary_records as glossary_records
from build_docs.render.markdown import Md, attr_value, escape, formatted
from build_docs.render.mention_pages import MentionPage, capped_roles, mention_pages, selected, spread
from build_docs.render.page_cites import NO_PAGES, paragraph_pages
from build_docs.render.registry_pages import candidates_pages, entities_index
from build_docs.render.related import RELATED
from build_docs.render.related import related as _related
from build_docs.render.templating import RenderedPage, page
from build_docs.results import NOTHING_KEPT, Blob, Kept, digest
from build_docs.sources.reading import Span
from build_docs.timeline.events import NO_EVENTS, Event, Timeline

QUOTES_PER_ARTICLE = 5  # on an entity page; further mentions in the same article are listed by paragraph
ALSO_SHOWN = 30  # paragraphs listed so, each with its sentence as the tooltip; the rest are counted (all in data/entities.json)
ABBREVIATIONS = "snippets/abbreviations.txt"
_ABBREVIATION = r"^[\w&.\-]+$"


@dataclass(frozen=True)
class Cited:
    """A quote as a page shows it: the sentence, and a link to its paragraph."""

    quote: str
    href: Md
    label: str  # "An Evolving Partnership, ¶3"
    number: str  # the paragraph's number, "3"
    page: str = ""  # the page of the original it starts on, for a paginated source


def entity_href(entity_id: str, prefix: str = "../") -> Md:
    return Md(f"{prefix}entities/{entity_id}.md")


def term_href(knowledge: Knowledge, term_id: str, prefix: str = "../") -> Md:
    """A link to a term's entry: on ``glossary.md``, or on its letter's page when the glossary is split."""
    return Md(f"{prefix}{term_page(knowledge.terms, term_id)}#{term_id}")


def key_href(knowledge: Knowledge, key: str, prefix: str = "../") -> Md:
    named = knowledge.named(key)
    return entity_href(named.id, prefix) if isinstance(named, Entity) else term_href(knowledge, named.id, prefix)


def key_title(knowledge: Knowledge, key: str) -> str:
    """What the link's tooltip says: the name, its kind, and what it is."""
    named = knowledge.named(key)
    if isinstance(named, Entity):
        about = f": {named.description}" if named.description else ""
        return f"{named.name} ({named.kind}){about}"
    return f"{named.term}: {named.expansion or named.definition}"


def linked_text(
    knowledge: Knowledge, text: str, mentions: tuple[Mention, ...], spans: Sequence[Span] = (), notes: Mapping[str, tuple[str, str]] | None = None
) -> Md:
    """A paragraph's text with its source formatting and its first-in-section mentions linked."""
    links = [(m.start, m.end, key_href(knowledge, m.key), key_title(knowledge, m.key)) for m in mentions if m.linked]
    return formatted(text, spans, links, notes)


def events_by_paragraph(events: Sequence[Event]) -> dict[tuple[str, str], list[Event]]:
    """(article, anchor) → the timeline entries quoted from that paragraph (computed once per build)."""
    found: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        for source in event.sources:
            found[(source.article, source.anchor)].append(event)
    return found


def derived_lines(
    article: Article,
    knowledge: Knowledge,
    links: Links,
    dated: Mapping[tuple[str, str], list[Event]],
    held: Mapping[str, str],
    fresh_at: Collection[str] = (),
) -> dict[str, Md]:
    """Reverse provenance: for each paragraph, the entities, terms and timeline entries the site took from it.

    An entity or term carries its tooltip (name, kind, what it is) the first time a line on the
    page links it; later lines link it without repeating it: a long article names the same few
    entities in most paragraphs, and the repeated tooltips were a tenth of its page's bytes.
    ``fresh_at``: anchors where a new page starts (a long article's parts), so each page has its own.
    ``held``: timeline entry id → the timeline page that holds it (``timeline/2015.md``)."""
    lines = {}
    shown: set[str] = set()
    for block in article.paragraphs:
        if block.anchor in fresh_at:
            shown.clear()
        keys = dict.fromkeys(m.key for m in links.by_block.get((article.id, block.anchor), ()))
        parts = [_md_link(_key_name(knowledge, k), key_href(knowledge, k), "" if k in shown else key_title(knowledge, k)) for k in keys]
        shown.update(keys)
        parts += [_md_link(e.display, Md(f"../{held[e.id]}#{e.id}"), f"Timeline: {e.display}") for e in dated.get((article.id, block.anchor), [])]
        if parts:
            lines[block.anchor] = Md('<span class="derived-label">From this paragraph:</span> ' + " · ".join(parts))
    return lines


SHOWN_PER_SOURCE = 8  # entities and terms named on the Sources page per article; the rest are counted


def source_derivations(
    articles: Sequence[Article], knowledge: Knowledge, links: Links, events: Sequence[Event], prefix: str = ""
) -> dict[str, dict[str, object]]:
    """Per article, for the Sources page: what the site took from it, counted, the most named linked
    (from a page ``prefix`` below the top: ``../`` on a page of a split Sources index)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for (article_id, _), mentions in links.by_block.items():
        counts[article_id].update(m.key for m in mentions)
    timeline: Counter[str] = Counter(q.article for e in events for q in {q.article: q for q in e.sources}.values())
    term_ids = _terms_by_key(knowledge)
    result = {}
    for article in articles:
        keys = counts.get(article.id, Counter())
        ranked = [k for k, _ in sorted(keys.items(), key=lambda kv: (-kv[1], kv[0]))]
        entities = [k for k in ranked if k.startswith("entity:")]
        terms = [t for k in keys for t in term_ids.get(k, ())]
        shown = [_md_link(_key_name(knowledge, k), key_href(knowledge, k, prefix), key_title(knowledge, k)) for k in ranked[:SHOWN_PER_SOURCE]]
        result[article.id] = {
            "entities": len(entities),
            "terms": len(terms),
            "mentions": sum(keys.values()),
            "events": timeline.get(article.id, 0),
            "named": Md(", ".join(shown)),
            "more": max(0, len(ranked) - SHOWN_PER_SOURCE),
        }
    return result


def _terms_by_key(knowledge: Knowledge) -> dict[str, list[str]]:
    """Link key → ids of the terms whose mentions it carries (a term naming an entity shares the entity's key)."""
    found: dict[str, list[str]] = defaultdict(list)
    for term in knowledge.terms.values():
        found[term.key].append(term.id)
    return found


def _key_name(knowledge: Knowledge, key: str) -> str:
    return knowledge.named(key).label


def _md_link(text: str, href: Md, title: str) -> str:
    """A link the build writes, with a tooltip unless ``title`` is empty."""
    return f'[{escape(text)}]({href}){{ title="{attr_value(title)}" }}' if title else f"[{escape(text)}]({href})"


def knowledge_pages(
    site: Site,
    knowledge: Knowledge,
    links: Links,
    timeline: Timeline = NO_EVENTS,
    held: Mapping[str, str] | None = None,
    kept: Kept = NOTHING_KEPT,
    finish: Callable[[list[RenderedPage]], list[RenderedPage]] = list,
    runner: Runner = IN_PROCESS,
) -> list[RenderedPage]:
    """``held``: timeline entry id → the timeline page that holds it. Each entity's pages go through
    ``finish`` (abbreviations appended) and are kept (:mod:`.kept_pages`) when the links were; those
    not kept are rendered on ``runner``."""
    held = held or {}
    titles = {a.id: a.title for a in site.articles}
    timelines: dict[str, list[Event]] = defaultdict(list)
    for event in timeline.events:
        for entity_id in event.entities:
            timelines[entity_id].append(event)
    on_page = paragraph_pages(site.articles)
    cite = _citer(titles, pages=on_page)
    citers = {prefix: _citer(titles, prefix, on_page) for prefix in ("", "../")}
    related = _related(links)
    term_ids = _terms_by_key(knowledge)
    pages: list[RenderedPage] = finish(
        [
            *entities_index(_groups(knowledge, links), kept if links.digests else NOTHING_KEPT),
            *glossary_pages(knowledge, links, titles, lambda quote, prefix: citers[prefix](quote), {a.id: a.date for a in site.articles if a.date}),
            *candidates_pages(knowledge.candidates, lambda quote, prefix: _citer(titles, prefix, on_page)(quote)),
        ]
    )
    pages.append(RenderedPage(ABBREVIATIONS, abbreviations(knowledge, links).encode("utf-8")))  # not appended: see render/abbreviations.py
    kept = kept if links.digests else NOTHING_KEPT  # an entity's pages are keyed by the digests of the articles naming it
    corpus = (digest(titles), digest(sorted(on_page.items())), site.seeds_name) if kept.on else ()
    cards, naming = (article_cards(site.articles), naming_articles(links)) if kept.on else ({}, {})
    inputs: list[tuple[object, ...]] = []
    makes = []
    for entity in knowledge.entities.values():
        key = entity.key
        dated = timelines.get(entity.id, [])
        terms = [(knowledge.terms[t], term_href(knowledge, t)) for t in term_ids.get(key, ()) if knowledge.terms[t].entity == entity.id]
        near = [(knowledge.entities[k.partition(":")[2]], n) for k, n in related.get(key, [])[:RELATED] if k.startswith("entity:")]
        shown_near = [(other.id, other.name, other.kind, n) for other, n in near]  # what the page shows of each, not the whole entity
        if kept.on:
            dated_view = [(timeline.digests[e.id], held.get(e.id, "")) for e in dated]
            inputs.append((entity, entity_view(entity, links, cards, naming), dated_view, terms, shown_near, *corpus))
        make = partial(_entity_pages, site, links, entity, dated, terms, near, held, titles, on_page, cite, partial(_mentions_page, kept, finish))
        makes.append(partial(_finished_main, finish, make, partial(entity_record, entity, links)))
    keys = page_keys(kept, "entity", inputs)
    made = kept_all(kept, "entity", inputs, makes, runner, keys)
    # one record per entity, each kept with its pages: the same keys, the same file (read back, its bytes unread)
    records = kept_pages(kept, "entities-data", (tuple(keys),), lambda: [RenderedPage("data/entities.json", list_bytes([r.data() for _, r in made]))])
    return pages + [page for entity_pages, _ in made for page in entity_pages] + records


def _finished_main(
    finish: Callable[[list[RenderedPage]], list[RenderedPage]], make: Callable[[], list[RenderedPage]], record: Callable[[], dict[str, object]]
) -> tuple[list[RenderedPage], Blob]:
    """An entity's pages with ``finish`` applied to its main page (its pages of mentions are finished as they are kept),
    and its record in ``data/entities.json``, encoded: made from what the pages are, and kept with them, as a blob (a
    rebuild that changes no entity reads none of them: ``data/entities.json`` is kept whole)."""
    main, *subpages = make()
    return finish([main]) + subpages, Blob(item_bytes(record()))


def _mentions_page(
    kept: Kept, finish: Callable[[list[RenderedPage]], list[RenderedPage]], make: Callable[[], RenderedPage], view: tuple[object, ...]
) -> RenderedPage:
    """One page of an entity's mentions, kept on its own: an edit to one article renders again only the
    page that lists it (and any page after it whose articles moved), not every page of a much-named entity."""
    [made] = kept_pages(kept, "entity-mentions", view, lambda: finish([make()]))
    return made


def _entity_pages(
    site: Site,
    links: Links,
    entity: Entity,
    dated: list[Event],
    terms: list[tuple[Term, Md]],
    related: list[tuple[Entity, int]],
    held: Mapping[str, str],
    titles: Mapping[str, str],
    on_page: Mapping[tuple[str, str], str],
    cite: Callable[[Quote], Cited],
    sub_page: Callable[[Callable[[], RenderedPage], tuple[object, ...]], RenderedPage] = lambda make, _: make(),
) -> list[RenderedPage]:
    """An entity's page, and its pages of mentions when they are too many for one (each made by
    ``sub_page(make, view)``: ``view`` is all the page shows, to keep it by)."""
    key = entity.key
    items = _mentions_by_article(links.of(key), site.articles, cite)
    subpages = mention_pages(items)
    roles = _roles(entity, cite)
    shown_roles = capped_roles(roles) if subpages else [(role, cites, 0) for role, cites in roles]
    return [
        page(
            f"entities/{entity.id}.md",
            "entity.md.j2",
            entity=entity,
            kind_label=KIND_LABELS[entity.kind],
            aliases=aliases(entity.aliases),
            span=dated_span(dated),
            box_related=related[:RELATED_SHOWN],
            description=cite(entity.description_source) if entity.description_source else None,
            terms=terms,
            mentions=[] if subpages else items,
            shown=selected(items) if subpages else [],
            subpages=subpages,
            named_in=len(items),
            related=related,
            roles=shown_roles,
            roles_more=len(roles) - len(shown_roles),
            roles_cut=len(roles) > len(shown_roles) or any(more for _, _, more in shown_roles),
            count=len(links.of(key)),
            registry_file=f"{site.seeds_name}/{ENTITIES}",
            timeline=spread(dated),
            timeline_count=len(dated),
            sources_shown=timeline_pages.SOURCES_SHOWN,
            held=held,
            titles=titles,
            pages=on_page,
        ),
        *(
            _sub_page(entity, sub, subpages, _roles(entity, cite, {item["article"].id for item in sub.items}), len(links.of(key)), len(items), sub_page)
            for sub in subpages
        ),
    ]


def _number(anchor: str) -> str:
    """What a link to a paragraph shows after its pilcrow: its number, or the header's line ("deck", "byline", "affiliation")."""
    return anchor if anchor in HEADER_ANCHORS else anchor[1:]


def _sub_page(
    entity: Entity,
    sub: MentionPage,
    subpages: list[MentionPage],
    roles: list[tuple[str, list[Cited]]],
    count: int,
    named_in: int,
    made_by: Callable[[Callable[[], RenderedPage], tuple[object, ...]], RenderedPage],
) -> RenderedPage:
    """One page of ``entity``'s mentions, made by ``made_by`` from a maker and its view: everything the
    page shows (the template reads nothing else), down to each quote as cited."""
    make = partial(
        page,
        f"entities/{entity.id}/{sub.name}.md",
        "entity-mentions.md.j2",
        entity=entity,
        sub=sub,
        subpages=subpages,
        roles=roles,
        count=count,
        named_in=named_in,
        meta={"search": {"exclude": True}},  # the quotes are the articles' sentences, which search finds there
    )
    articles = tuple((i["article"].id, i["article"].title, tuple(i["quotes"]), tuple(i["more"]), i["more_count"]) for i in sub.items)
    view = (entity.id, entity.name, sub.number, sub.name, tuple((o.number, o.name) for o in subpages), articles, roles, count, named_in)
    return made_by(make, view)


def _citer(titles: Mapping[str, str], prefix: str = "../", pages: Mapping[tuple[str, str], str] = NO_PAGES) -> Callable[[Quote], Cited]:
    def cite(quote: Quote) -> Cited:
        return Cited(
            quote.quote,
            Md(f"{prefix}articles/{quote.article}.md#{quote.anchor}"),
            f"{titles.get(quote.article, quote.article)}, \u00b6{_number(quote.anchor)}",
            _number(quote.anchor),
            pages.get((quote.article, quote.anchor), ""),
        )

    return cite


def _groups(knowledge: Knowledge, links: Links) -> list[tuple[str, str, list[tuple[Entity, int, int]]]]:
    groups: list[tuple[str, str, list[tuple[Entity, int, int]]]] = []
    for kind, heading in KINDS.items():
        rows = []
        for entity in knowledge.entities.values():
            if entity.kind == kind:
                mentions = links.of(entity.key)
                rows.append((entity, len(mentions), len({m.article for m in mentions})))
        if rows:
            groups.append((kind, heading, sorted(rows, key=lambda r: (r[0].name.casefold(), r[0].id))))
    return groups


def _mentions_by_article(mentions: tuple[Mention, ...], articles: tuple[Article, ...], cite: Callable[[Quote], Cited]) -> list[dict[str, object]]:
    """Per article: the sentences quoted (one per sentence, at most QUOTES_PER_ARTICLE), then the other paragraphs."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article].append(mention)
    result = []
    for article in articles:
        found = by_article.get(article.id)
        if not found:
            continue
        quotes = list(dict.fromkeys(m.quote for m in found))
        shown = quotes[:QUOTES_PER_ARTICLE]
        more = list({q.anchor: q for q in reversed(quotes[QUOTES_PER_ARTICLE:])}.values())[::-1]
        listed = [cite(q) for q in more[:ALSO_SHOWN]]
        result.append({"article": article, "count": len(found), "quotes": [cite(q) for q in shown], "more": listed, "more_count": len(more) - len(listed)})
    return result


def _roles(entity: Entity, cite: Callable[[Quote], Cited], articles: Collection[str] | None = None) -> list[tuple[str, list[Cited]]]:
    """How the sources describe it, most cited first (only in ``articles``, if given)."""
    by_role: dict[str, list[Cited]] = defaultdict(list)
    for role, quote in entity.roles:
        if articles is None or quote.article in articles:
            by_role[role].append(cite(quote))
    return sorted(by_role.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))


def abbreviations(knowledge: Knowledge, links: Links) -> str:
    """Python-Markdown ``abbr`` definitions for every term with an expansion (``snippets/abbreviations.txt``:
    the whole list, for tools; each page carries the lines it uses, :func:`~build_docs.render.abbreviations.with_abbreviations`).

    A plural the text uses ("MDGs") gets its own line: ``abbr`` matches whole words exactly.
    """
    lines = sorted(abbreviation_lines(knowledge, links).values())
    # One definition per block: Python-Markdown re-reads a block's remaining lines after each
    # definition, so a block of k definitions costs k² on a page.
    return "\n\n".join(lines) + ("\n" if lines else "")


def abbreviation_lines(knowledge: Knowledge, links: Links) -> dict[str, str]:
    """Each abbreviated form (``SCO``, ``MDGs``) → its ``abbr`` definition line (``*[SCO]: Shanghai …``)."""
    found: dict[str, str] = {}
    for term in knowledge.terms.values():
        if not term.expansion:
            continue
        expansion = " ".join(term.expansion.split())
        forms = {term.term} | {m.surface for m in links.of(term.key) if m.alias == term.term}
        for form in sorted(form for form in forms if re.match(_ABBREVIATION, form)):
            line = f"*[{form}]: {expansion}"
            found[form] = min(found.get(form, line), line)
    return found
