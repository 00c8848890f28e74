"""The data files of entities and terms, ``data/entities.json`` and ``data/glossary.json``: every
entity and term with every mention, each mention carrying its quote."""

from __future__ import annotations

from build_docs.link.mentions import Links
from build_docs.link.model import Entity, Knowledge
from build_docs.render.glossary_pages import term_page


def entity_record(e: Entity, links: Links) -> dict[str, object]:
    """One entity's record in ``data/entities.json``, with every mention."""
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "aliases": list(e.aliases),
        "description": e.description or None,
        "description_source": e.description_source.record() if e.description_source else None,
        "editorial": e.editorial,
        "wikidata": e.wikidata or None,
        "url": f"entities/{e.id}/",
        "origin": e.origin,
        "mentions": [m.quote.record() | {"text": m.alias} for m in links.of(e.key)],
    }


def glossary_records(knowledge: Knowledge, links: Links) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for term in knowledge.terms.values():
        sources = [q.record() for q in term.expansion_sources]
        if term.definition_source:
            sources.append(term.definition_source.record())
        records.append(
            {
                "term": term.term,
                "id": term.id,
                "expansion": term.expansion or None,
                "definition": term.definition or None,
                "editorial": term.editorial,
                "entity": term.entity or None,
                "url": term_page(knowledge.terms, term.id).removesuffix(".md") + f"/#{term.id}",
                "origin": term.origin,
                "sources": sources,
                "occurrences": [m.quote.record() for m in links.of(term.key)],  # a term naming an entity shares the entity's mentions
            }
        )
    return records
