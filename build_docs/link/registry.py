"""``seeds/entities.yml`` and ``seeds/glossary.yml``: what editors know about names and terms.

Both files are optional, and the build works with both empty: discovery finds
names and defined acronyms by itself. The registries add what the text cannot
give (a full name for a surname, a script form for search, an expansion the
source never spells out) and override what discovery got wrong.

    entities:
      xi-jinping:                       # page name under entities/
        name: Xi Jinping
        kind: person                    # see KINDS
        aliases: [Xi, President Xi, 习近平]
        description: General Secretary of the Communist Party of China   # editorial unless `source` is given
        source: some-article#p3         # the description is quoted from this paragraph
        wikidata: Q15031
    ignore: [Belt]                      # names discovery must not turn into entities

    terms:
      LNG:
        expansion: liquefied natural gas
        definition: Natural gas cooled to a liquid for transport by sea.
        source: some-article#p12        # the definition is quoted from this paragraph
        aliases: [liquefied natural gas]
        entity: some-entity-id          # the term names this entity (links go to its page)

Every problem is reported with its line; nothing here is ever guessed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from build_docs.diagnostics import Diagnostic, error
from build_docs.yamlnodes import construct, is_null, load_root, pairs
from build_docs.yamlnodes import line as node_line

ENTITIES = "entities.yml"
GLOSSARY = "glossary.yml"
#: entity kinds, in the order index pages list them, with their headings
KINDS: Mapping[str, str] = MappingProxyType(
    {
        "person": "People",
        "organization": "Organizations",
        "place": "Places",
        "agreement": "Agreements & initiatives",
        "event": "Events",
        "concept": "Concepts",
    }
)
#: one entity of each kind, as its page labels it
KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {"person": "Person", "organization": "Organization", "place": "Place", "agreement": "Agreement or initiative", "event": "Event", "concept": "Concept"}
)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SOURCE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)#(p[1-9]\d*)$")
WIKIDATA = re.compile(r"^Q[1-9]\d*$")

ENTITY_FIELDS = {
    "name": "canonical name",
    "kind": "one of " + ", ".join(KINDS),
    "aliases": "list of other names",
    "description": "short description",
    "source": "article-id#pN the description is quoted from",
    "wikidata": "Wikidata ID such as Q15031",
}
TERM_FIELDS = {
    "expansion": "what the abbreviation stands for",
    "definition": "short definition",
    "source": "article-id#pN the definition is quoted from",
    "aliases": "list of other forms",
    "entity": "id of the entity the term names",
}


@dataclass(frozen=True)
class EntityEntry:
    id: str
    name: str
    kind: str
    line: int
    aliases: tuple[str, ...] = ()
    description: str = ""
    source: str = ""  # "article#pN": the description is a quote from there; "" = editorial
    wikidata: str = ""


@dataclass(frozen=True)
class TermEntry:
    term: str
    line: int
    expansion: str = ""
    definition: str = ""
    source: str = ""
    aliases: tuple[str, ...] = ()
    entity: str = ""


@dataclass(frozen=True)
class Registry:
    entities_path: str  # as messages show it
    glossary_path: str
    entities: Mapping[str, EntityEntry]  # by id, sorted
    terms: Mapping[str, TermEntry]  # by term, sorted
    ignore: frozenset[str] = frozenset()  # casefolded names discovery must not keep

    def names(self) -> list[str]:
        """Every name, alias, term and expansion: spellings the OCR repair must keep (and may restore)."""
        texts = [t for e in self.entities.values() for t in (e.name, *e.aliases)]
        texts += [t for e in self.terms.values() for t in (e.term, e.expansion, *e.aliases)]
        return sorted({t for t in texts if t and all(c < "\u0250" for c in t)})  # Latin script only: the OCR reads English


def empty(entities_path: str = "", glossary_path: str = "") -> Registry:
    return Registry(entities_path, glossary_path, MappingProxyType({}), MappingProxyType({}))


def load_registry(seeds: Path, seeds_shown: str) -> tuple[Registry, list[Diagnostic]]:
    entities_shown, glossary_shown = f"{seeds_shown}/{ENTITIES}", f"{seeds_shown}/{GLOSSARY}"
    problems: list[Diagnostic] = []
    entities, ignore = _load_entities(seeds / ENTITIES, entities_shown, problems)
    terms = _load_terms(seeds / GLOSSARY, glossary_shown, problems)
    for entry in terms.values():
        if entry.entity and entry.entity not in entities:
            hint = difflib.get_close_matches(entry.entity, entities, n=1)
            advice = f"did you mean {hint[0]!r}?" if hint else f"add it to {entities_shown} or remove 'entity:'"
            problems.append(
                error(glossary_shown, entry.line, f"term {entry.term!r} names entity {entry.entity!r}, which is not in {entities_shown} ({advice})")
            )
    _check_aliases(entities, entities_shown, problems)
    registry = Registry(entities_shown, glossary_shown, MappingProxyType(dict(sorted(entities.items()))), MappingProxyType(dict(sorted(terms.items()))), ignore)
    return registry, problems


def _top(path: Path, shown: str, allowed: tuple[str, ...], problems: list[Diagnostic]) -> dict[str, yaml.Node]:
    root, found = load_root(path, shown)
    problems += found
    if root is None or is_null(root):
        return {}
    if not isinstance(root, yaml.MappingNode):
        problems.append(error(shown, node_line(root), f"expected a mapping with {' and '.join(repr(k) for k in allowed)}"))
        return {}
    top: dict[str, yaml.Node] = {}
    for key, value in pairs(root, shown, problems):
        if key.value not in allowed:
            problems.append(error(shown, node_line(key), f"unknown top-level key {key.value!r}; expected {' or '.join(repr(k) for k in allowed)}"))
        elif not is_null(value):
            top[key.value] = value
    return top


def _load_entities(path: Path, shown: str, problems: list[Diagnostic]) -> tuple[dict[str, EntityEntry], frozenset[str]]:
    top = _top(path, shown, ("entities", "ignore"), problems)
    entities: dict[str, EntityEntry] = {}
    for key, fields, line in _entries(top.get("entities"), shown, "entities", ENTITY_FIELDS, problems):
        if not SLUG.match(key):
            problems.append(error(shown, line, f"entity id {key!r} must be lowercase words joined by '-' (it names the page entities/<id>/)"))
            continue
        name, kind = fields.get("name"), fields.get("kind")
        if not name:
            problems.append(error(shown, line, f"entity {key!r} needs a 'name:'"))
            continue
        if kind not in KINDS:
            problems.append(error(shown, line, f"entity {key!r} needs 'kind:' set to one of {', '.join(KINDS)}, got {kind!r}"))
            continue
        wikidata = str(fields.get("wikidata", ""))
        if wikidata and not WIKIDATA.match(wikidata):
            problems.append(error(shown, line, f"entity {key!r}: 'wikidata' must look like Q15031, got {wikidata!r}"))
            wikidata = ""
        entities[key] = EntityEntry(
            id=key,
            name=str(name),
            kind=str(kind),
            line=line,
            aliases=tuple(fields.get("aliases", ())),
            description=str(fields.get("description", "")),
            source=str(fields.get("source", "")),
            wikidata=wikidata,
        )
    ignore: set[str] = set()
    node = top.get("ignore")
    if node is not None:
        value = construct(node)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(error(shown, node_line(node), "'ignore' must be a list of names"))
        else:
            ignore = {" ".join(v.split()).casefold() for v in value}
    return entities, frozenset(ignore)


def _load_terms(path: Path, shown: str, problems: list[Diagnostic]) -> dict[str, TermEntry]:
    top = _top(path, shown, ("terms",), problems)
    terms: dict[str, TermEntry] = {}
    for key, fields, line in _entries(top.get("terms"), shown, "terms", TERM_FIELDS, problems):
        if not fields.get("expansion") and not fields.get("definition"):
            problems.append(error(shown, line, f"term {key!r} needs an 'expansion:' or a 'definition:'"))
            continue
        terms[key] = TermEntry(
            term=key,
            line=line,
            expansion=str(fields.get("expansion", "")),
            definition=str(fields.get("definition", "")),
            source=str(fields.get("source", "")),
            aliases=tuple(fields.get("aliases", ())),
            entity=str(fields.get("entity", "")),
        )
    return terms


#: a registry entry's checked fields: text, or a tuple of names for ``aliases``
Fields = dict[str, str | tuple[str, ...]]


def _entries(node: yaml.Node | None, shown: str, section: str, known: Mapping[str, str], problems: list[Diagnostic]) -> Iterator[tuple[str, Fields, int]]:
    """(key, checked fields, line) for each entry of a ``section:`` mapping."""
    if node is None:
        return
    if not isinstance(node, yaml.MappingNode):
        problems.append(error(shown, node_line(node), f"'{section}' must map names to entries"))
        return
    for key, value in pairs(node, shown, problems):
        line = node_line(key)
        if not isinstance(value, yaml.MappingNode):
            problems.append(error(shown, line, f"entry {key.value!r} must be a mapping of fields ({', '.join(known)})"))
            continue
        fields: Fields = {}
        for field, item in pairs(value, shown, problems):
            checked = _field(field.value, item, known, shown, problems)
            if checked is not None:
                fields[field.value] = checked
        yield " ".join(key.value.split()), fields, line


def _field(name: str, node: yaml.Node, known: Mapping[str, str], shown: str, problems: list[Diagnostic]) -> str | tuple[str, ...] | None:
    line = node_line(node)
    if name not in known:
        hint = difflib.get_close_matches(name, known, n=1)
        advice = f"did you mean {hint[0]!r}?" if hint else "known keys: " + ", ".join(known)
        problems.append(error(shown, line, f"unknown key {name!r} ({advice})"))
        return None
    value = construct(node)
    if value is None:
        return None
    if name == "aliases":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(error(shown, line, f"'aliases' must be a list of names, got {value!r}"))
            return None
        return tuple(dict.fromkeys(" ".join(v.split()) for v in value))
    if not isinstance(value, str | int) or isinstance(value, bool):
        problems.append(error(shown, line, f"{name!r} must be the {known[name]}, got {value!r}"))
        return None
    text = " ".join(str(value).split())
    if name == "source" and not SOURCE.match(text):
        problems.append(error(shown, line, f"'source' must be an article id and paragraph such as 'my-article#p3', got {text!r}"))
        return None
    return text


def _check_aliases(entities: Mapping[str, EntityEntry], shown: str, problems: list[Diagnostic]) -> None:
    """One name, one entity: an alias two entries claim is an error naming both."""
    claimed: dict[str, EntityEntry] = {}
    for entry in entities.values():
        for alias in dict.fromkeys((entry.name, *entry.aliases)):
            other = claimed.setdefault(alias.casefold(), entry)
            if other is not entry:
                problems.append(error(shown, entry.line, f"{alias!r} names both {other.id!r} (line {other.line}) and {entry.id!r}; keep it on one of them"))
