"""Linking in two passes: what the corpus adds up to (knowledge), then every mention (link)."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from build_docs.clean.article import Article
from build_docs.clean.structure import Block
from build_docs.extract.discover import is_common
from build_docs.extract.extractors import extract
from build_docs.link import mentions
from build_docs.link.knowledge import assemble, paragraphs_of
from build_docs.link.mentions import entity_key, link, link_all, prune, term_key
from build_docs.link.model import Entity, Knowledge
from build_docs.link.registry import empty, load_registry
from build_docs.results import NOTHING_KEPT, Kept


def article(article_id: str, *texts: str) -> Article:
    """An article from paragraphs; a text starting with '## ' is a heading."""
    blocks, n = [], 0
    for i, text in enumerate(texts):
        if text.startswith("## "):
            blocks.append(Block("heading", text[3:], i + 1, level=2))
        else:
            n += 1
            blocks.append(Block("paragraph", text, i + 1, anchor=f"p{n}"))
    return Article(article_id, article_id.title(), (f"{article_id}.txt",), tuple(blocks))


def knowledge_of(articles: list[Article], registry=None):
    extractions = [extract(a) for a in articles]
    definitions = [(e.article, anchor, d) for e in extractions for anchor, d in e.definitions]
    names = [(e.article, anchor, n) for e in extractions for anchor, n in e.names]
    return assemble(registry or empty(), paragraphs_of(articles), definitions, names, is_common)


FIRST = article(
    "first",
    "The Eurasian Development Bank (EDB) lent money to the Kyrgyz Republic. Finance Minister Adylbek Kasymaliev welcomed it.",
    "## Later",
    "The EDB said Kasymaliev had asked twice. Officials in Bishkek agreed.",
)
SECOND = article("second", "Kasymaliev spoke to the EDB again.", "A visitor, Zorblatt, came once, in a zorblatt-style hat.")


def test_a_defined_acronym_becomes_a_term_with_its_source_and_an_organisation():
    knowledge, problems = knowledge_of([FIRST, SECOND])
    assert problems == []
    [term] = [t for t in knowledge.terms.values() if t.term == "EDB"]
    assert term.expansion == "Eurasian Development Bank" and term.origin == "discovered"
    [source] = term.expansion_sources
    assert (source.article, source.anchor) == ("first", "p1")
    assert source.quote == "The Eurasian Development Bank (EDB) lent money to the Kyrgyz Republic."
    entity = knowledge.entities[term.entity]
    assert entity.kind == "organization" and entity.name == "Eurasian Development Bank" and "EDB" in entity.aliases


def test_a_titled_person_gets_a_page_and_the_surname_used_alone_becomes_an_alias():
    knowledge, _ = knowledge_of([FIRST, SECOND])
    person = knowledge.entities["adylbek-kasymaliev"]
    assert person.kind == "person" and person.origin == "discovered"
    assert "Kasymaliev" in person.aliases
    assert person.description == "Finance Minister" and person.description_source.anchor == "p1"
    links = link(knowledge, [FIRST, SECOND])
    mentioned = {(m.article, m.anchor) for m in links.of(entity_key(person.id))}
    assert mentioned == {("first", "p1"), ("first", "p2"), ("second", "p1")}


def test_unsure_finds_and_undefined_acronyms_go_to_candidates():
    knowledge, _ = knowledge_of([FIRST, SECOND, article("third", "The WTO (a club) met. Then the WTO met again with the NDB.")])
    names = {c.name: c for c in knowledge.candidates}
    assert "NDB" in names and names["NDB"].kind == "acronym" and names["NDB"].example.article == "third"
    assert "Zorblatt" not in {e.name for e in knowledge.entities.values()}


def test_an_acronym_spelled_out_elsewhere_is_suggested():
    knowledge, _ = knowledge_of([article("a", "Leaders met at the Asia Cooperation Dialogue in spring."), article("b", "The ACD summit followed.")])
    [candidate] = [c for c in knowledge.candidates if c.name == "ACD" and c.kind == "acronym"]
    assert candidate.suggestion == "Asia Cooperation Dialogue"


def test_registry_entries_win_and_are_not_duplicated(seeds: Path):
    (seeds / "entities.yml").write_text(
        "entities:\n  edb:\n    name: Eurasian Development Bank\n    kind: organization\n    description: A lender.\nignore: [Bishkek]\n",
        encoding="utf-8",
    )
    registry, problems = load_registry(seeds, "seeds")
    assert problems == []
    knowledge, _ = knowledge_of([FIRST, SECOND], registry)
    banks = [e for e in knowledge.entities.values() if "Bank" in e.name]
    assert [b.id for b in banks] == ["edb"]
    assert banks[0].editorial and "EDB" in banks[0].aliases
    assert knowledge.terms["edb"].entity == "edb"
    assert "bishkek" not in knowledge.entities


def test_a_registry_quote_must_be_in_its_paragraph(seeds: Path):
    (seeds / "entities.yml").write_text(
        "entities:\n  edb:\n    name: Eurasian Development Bank\n    kind: organization\n    description: a bank that never lends\n    source: first#p1\n"
        "  bishkek:\n    name: Bishkek\n    kind: place\n    description: Officials in Bishkek agreed\n    source: first#p2\n"
        "  nowhere:\n    name: Nowhere\n    kind: place\n    description: x\n    source: first#p9\n",
        encoding="utf-8",
    )
    registry, _ = load_registry(seeds, "seeds")
    knowledge, problems = knowledge_of([FIRST, SECOND], registry)
    assert [str(p).split(": error: ")[0] for p in problems] == ["seeds/entities.yml:2", "seeds/entities.yml:12"]
    assert "not a quote from first#p1" in str(problems[0]) and "names no paragraph" in str(problems[1])
    quoted = knowledge.entities["bishkek"]
    assert not quoted.editorial and quoted.description_source.quote == "Officials in Bishkek agreed."


def test_first_mention_per_section_is_linked_and_headings_are_not_searched():
    knowledge, _ = knowledge_of([FIRST, SECOND])
    links = link(knowledge, [FIRST, SECOND])
    edb = term_key(knowledge, "edb")
    first = [(m.anchor, m.linked) for m in links.of(edb) if m.article == "first"]
    assert first == [("p1", True), ("p1", False), ("p2", True)]  # long form and acronym are one key; p2 starts a new section
    assert ("first", "p1") in links.by_block and not any(m.surface == "Later" for m in links.of(edb))


def test_prune_drops_discovered_entities_nothing_mentions():
    knowledge, _ = knowledge_of([article("a", "He visited Kazan twice.", "The Kazan Federal University board met.")])
    links = link(knowledge, [])
    pruned = prune(knowledge, links)
    assert not [e for e in pruned.entities.values() if e.origin == "discovered"]


def test_a_name_freed_by_pruning_is_linked_again_only_where_it_may_now_be_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """"Orion" is claimed by a registered body and by a discovered entity that nothing else names, so it is left
    unlinked as ambiguous; pruned, the discovered one frees it. Only the article where "Orion" stands alone is linked
    again: the others (one naming the body by its full name) keep their mentions, and all is as a full second pass."""
    body = Entity("orion-group", "Orion Group", "organization", ("Orion",), "registry")
    stray = Entity("orion", "Orion", "person", (), "discovered")
    knowledge = Knowledge(MappingProxyType({e.id: e for e in (body, stray)}), MappingProxyType({}), ())
    texts = [article("a", "Orion shipped the parts."), article("b", "The Orion Group met in May."), article("c", "Nothing here.")]
    relinked: list[list[str]] = []
    naming = mentions._naming

    def watched(*args):  # type: ignore[no-untyped-def]
        found = naming(*args)
        relinked.append(sorted(found))
        return found

    monkeypatch.setattr(mentions, "_naming", watched)
    for kept in (NOTHING_KEPT, Kept(tmp_path / "results")):
        pruned, links = link_all(knowledge, texts, kept, ["ka", "kb", "kc"] if kept.on else ())
        assert list(pruned.entities) == ["orion-group"]
        assert relinked.pop() == ["a"]
        full = link(pruned, texts)
        assert links.by_block == full.by_block and links.by_key == full.by_key
        assert [m.surface for m in links.of(entity_key("orion-group"))] == ["Orion", "Orion Group"]


def test_a_place_named_only_inside_an_organisations_name_is_mentioned_there_unlinked_and_kept():
    paper = article("a", "He taught at the University of Paris until 1990.", "The University of Paris gave him a chair.")
    knowledge, _ = knowledge_of([paper])
    paris, university = entity_key("paris"), entity_key("university-of-paris")
    assert knowledge.entities["paris"].kind == "place" and knowledge.entities["university-of-paris"].kind == "organization"
    kept, links = link_all(knowledge, [paper])
    assert "paris" in kept.entities and "university-of-paris" in kept.entities
    assert [(m.anchor, m.surface, m.linked) for m in links.of(paris)] == [("p1", "Paris", False), ("p2", "Paris", False)]
    assert [(m.anchor, m.linked) for m in links.of(university)] == [("p1", True), ("p2", False)]  # the longer name is the link
    assert [m.key for m in links.by_block[("a", "p1")]] == [university, paris]


def test_a_place_inside_a_persons_name_is_no_mention_of_it():
    text = article("a", "Officials in Houston agreed.", "Sam Houston spoke. Sam Houston left.")
    knowledge, _ = knowledge_of([text])
    _, links = link_all(knowledge, [text])
    assert [m.anchor for m in links.of(entity_key("houston"))] == ["p1"]


def test_a_form_a_pruned_entry_won_by_its_case_goes_to_the_entry_left_and_that_article_is_linked_again(monkeypatch: pytest.MonkeyPatch):
    """A discovered "Northwind" (exact case) wins the words "Northwind" inside "Northwind Trading Company" over a place's
    any-case alias "northwind", and is never a mention itself (a person inside an organisation's name is not). Pruned,
    it hands the words to the place, which the organisation's name then holds: that article is linked again."""
    company = Entity("northwind-trading-company", "Northwind Trading Company", "organization", (), "registry")
    isle = Entity("northwind-isle", "Northwind Isle", "place", ("northwind",), "registry")
    stray = Entity("northwind", "Northwind", "person", (), "discovered")
    knowledge = Knowledge(MappingProxyType({e.id: e for e in (company, isle, stray)}), MappingProxyType({}), ())
    texts = [article("a", "The Northwind Trading Company said so."), article("b", "Nothing here.")]
    relinked: list[list[str]] = []
    naming = mentions._naming
    monkeypatch.setattr(mentions, "_naming", lambda *args: relinked.append(sorted(found := naming(*args))) or found)
    pruned, links = link_all(knowledge, texts)
    assert "northwind" not in pruned.entities and relinked == [["a"]]
    assert [(m.surface, m.linked) for m in links.of(entity_key("northwind-isle"))] == [("Northwind", False)]
    full = link(pruned, texts)
    assert links.by_block == full.by_block and links.by_key == full.by_key


def test_an_acronym_names_the_organisation_its_sentence_made_of_its_long_form():
    text = "In computer science, the Computing Research Association (CRA) documents trends in the field."
    knowledge, _ = knowledge_of([article("a", text)])
    [term] = [t for t in knowledge.terms.values() if t.term == "CRA"]
    entity = knowledge.entities[term.entity]  # "Computing" opens the long form: alone it proves nothing
    assert entity.name == "Computing Research Association" and "CRA" in entity.aliases
    kept, _ = link_all(knowledge, [article("a", text)])
    assert term.entity in kept.entities  # linked, not pruned as mentioned nowhere
    text = "Debt relief under the Heavily Indebted Poor Countries (HIPC) Initiative went on."
    knowledge, _ = knowledge_of([article("b", text)])
    [term] = [t for t in knowledge.terms.values() if t.term == "HIPC"]
    assert term.entity == ""  # no head word: a term of the glossary only


def test_an_acronym_names_a_body_whose_long_form_goes_on_past_its_head_word():
    """ "the United Nations Interim Force in Lebanon (UNIFIL)": the organisation finder reads "United Nations Interim Force"
    (a complement in a place is no part of its names), so the long form named no entity and the mission had no page."""
    text = "We thank the Zorblatt Interim Force in Quenxa (ZIFQ) and the Quenxa Interim Administration Mission in Zorbel (QIAMZ)."
    knowledge, _ = knowledge_of([article("a", text)])
    for short, long in (("ZIFQ", "Zorblatt Interim Force in Quenxa"), ("QIAMZ", "Quenxa Interim Administration Mission in Zorbel")):
        [term] = [t for t in knowledge.terms.values() if t.term == short]
        entity = knowledge.entities[term.entity]
        assert (entity.name, entity.kind) == (long, "organization") and short in entity.aliases
    text = "Debt relief under the Zorblatt Indebted Poor Countries (ZIPC) went on, as did the Quenxa Development Goals (QDG)."
    knowledge, _ = knowledge_of([article("b", text)])
    assert all(t.entity == "" for t in knowledge.terms.values() if t.term in ("ZIPC", "QDG"))  # no body's head word


def test_a_surname_under_another_office_is_not_made_an_alias_of_the_full_name():
    text = "He thanked former President Bill Clinton for his work. Secretary of State Clinton and Secretary of State Clinton spoke."
    knowledge, _ = knowledge_of([article("a", text)])
    names = {e.name: e for e in knowledge.entities.values()}
    assert "Clinton" not in names["Bill Clinton"].aliases  # a President, where "Clinton" alone is a Secretary of State
    text = "Chinese President Xi Jinping arrived. President Xi and President Xi spoke."
    knowledge, _ = knowledge_of([article("b", text)])
    [xi] = [e for e in knowledge.entities.values() if e.name == "Xi Jinping"]
    assert "Xi" in xi.aliases  # the same office: the same man


def test_a_longer_name_of_one_person_the_registry_names_is_that_person(seeds: Path):
    (seeds / "entities.yml").write_text("entities:\n  quellov:\n    name: Andrey Quellov\n    kind: person\n", encoding="utf-8")
    registry, problems = load_registry(seeds, "seeds")
    assert problems == []
    text = article("one", "Ambassador Andrey Ivanovich Quellov spoke first.", "Then Andrey Ivanovich Quellov left the hall.")
    knowledge, _ = knowledge_of([text], registry)
    people = {e.id: e for e in knowledge.entities.values() if e.kind == "person"}
    assert list(people) == ["quellov"] and "Andrey Ivanovich Quellov" in people["quellov"].aliases
    assert people["quellov"].name == "Andrey Quellov"  # the editors' name stays
