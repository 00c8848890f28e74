"""seeds/entities.yml and seeds/glossary.yml: read with every problem at its line."""

from __future__ import annotations

from pathlib import Path

from build_docs.link.registry import load_registry


def load(seeds: Path, entities: str = "", glossary: str = ""):
    if entities:
        (seeds / "entities.yml").write_text(entities, encoding="utf-8")
    if glossary:
        (seeds / "glossary.yml").write_text(glossary, encoding="utf-8")
    return load_registry(seeds, "seeds")


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def test_missing_and_empty_registries_are_fine(seeds: Path):
    registry, problems = load(seeds)
    assert problems == [] and not registry.entities and not registry.terms
    registry, problems = load(seeds, "# nothing yet\n", "terms:\n")
    assert problems == [] and not registry.entities and not registry.terms


def test_a_full_entry_is_read(seeds: Path):
    registry, problems = load(
        seeds,
        "entities:\n  xi-jinping:\n    name: Xi Jinping\n    kind: person\n    aliases: [Xi, 习近平]\n    wikidata: Q15031\nignore: [Belt]\n",
        "terms:\n  LNG:\n    expansion: liquefied natural gas\n",
    )
    assert problems == []
    entry = registry.entities["xi-jinping"]
    assert (entry.name, entry.kind, entry.aliases, entry.wikidata, entry.line) == ("Xi Jinping", "person", ("Xi", "习近平"), "Q15031", 2)
    assert registry.terms["LNG"].expansion == "liquefied natural gas"
    assert registry.ignore == frozenset({"belt"})
    assert "Xi Jinping" in registry.names() and "习近平" not in registry.names()  # the OCR lexicon reads Latin script


def test_problems_name_file_line_and_fix(seeds: Path):
    _, problems = load(
        seeds,
        "entities:\n"
        "  Bad Id:\n    name: X\n    kind: person\n"  # line 2
        "  no-kind:\n    name: Y\n"  # line 5
        "  typo:\n    name: Z\n    kind: place\n    alias: [Zed]\n"  # line 7, key at line 10
        "  wrong-kind:\n    name: W\n    kind: planet\n"  # line 11
        "  qid:\n    name: Q\n    kind: place\n    wikidata: 15031\n"  # line 14
        "  src:\n    name: S\n    kind: place\n    description: d\n    source: somewhere\n",  # source at line 22
        "terms:\n  ABC:\n    entity: nobody\n    expansion: A B C\n  EMPTY:\n    aliases: [E]\n",
    )
    found = messages(problems)
    expected = [
        "seeds/entities.yml:2: error: entity id 'Bad Id' must be lowercase words joined by '-'",
        "seeds/entities.yml:5: error: entity 'no-kind' needs 'kind:'",
        "seeds/entities.yml:10: error: unknown key 'alias' (did you mean 'aliases'?)",
        "seeds/entities.yml:11: error: entity 'wrong-kind' needs 'kind:' set to one of person, organization, place",
        "seeds/entities.yml:14: error: entity 'qid': 'wikidata' must look like Q15031",
        "seeds/entities.yml:22: error: 'source' must be an article id and paragraph such as 'my-article#p3'",
        "seeds/glossary.yml:2: error: term 'ABC' names entity 'nobody', which is not in seeds/entities.yml",
        "seeds/glossary.yml:5: error: term 'EMPTY' needs an 'expansion:' or a 'definition:'",
    ]
    for start in expected:
        assert any(m.startswith(start) for m in found), (start, found)


def test_one_alias_one_entity(seeds: Path):
    _, problems = load(seeds, "entities:\n  a:\n    name: Wang\n    kind: person\n  b:\n    name: Wang Yi\n    kind: person\n    aliases: [wang]\n")
    assert messages(problems) == ["seeds/entities.yml:5: error: 'wang' names both 'a' (line 2) and 'b'; keep it on one of them"]


def test_malformed_yaml_gives_its_line(seeds: Path):
    _, problems = load(seeds, "entities:\n  a:\n    name: [unclosed\n")
    assert len(problems) == 1 and str(problems[0]).startswith("seeds/entities.yml:") and "malformed YAML" in str(problems[0])


def test_the_real_registries_are_valid():
    from tests.conftest import REPO

    registry, problems = load_registry(REPO / "seeds", "seeds")
    assert problems == []
    assert {"xi-jinping", "vladimir-putin", "shanghai-cooperation-organization"} <= set(registry.entities)
