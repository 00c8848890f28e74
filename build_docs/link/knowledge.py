"""Linking, pass 1: the registries plus what discovery found → one set of entities and terms.

Everything here is decided from the whole corpus before any text is linked
(autorefs' first pass): which names are entities, which of their aliases are
safe, what each acronym stands for and where a source says so.

* Registry entries come first and are never overridden.
* A defined acronym ("Shanghai Cooperation Organization (SCO)") is a glossary
  term; when its long form names an organisation it is an entity too, and the
  acronym links there.
* A discovered name joins the site when a pattern is confident on its own (a
  head-of-state title, a gazetteer place) or the name recurs; the rest goes to
  the editors' candidates report.
* A person's surname ("Xi", "Putin") becomes an alias when the corpus uses it on
  its own, it is not an English word, and no other person shares it.
* A person's shorter name ("Lobo Sosa" of "Porfirio Lobo Sosa") or another
  spelling of it ("Rafeal Correa") is that person, where it fits one person only
  (:mod:`.variants`).

What it decides is a :class:`~build_docs.link.model.Knowledge` (:mod:`.model`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from types import MappingProxyType
from typing import TypeVar

from build_docs import data
from build_docs.clean.article import Article
from build_docs.diagnostics import Diagnostic, error
from build_docs.extract.acronyms import Definition
from build_docs.extract.discover import Found, evidenced, find_organizations, lexicon
from build_docs.extract.discover.organizations import ORG_CONNECTORS
from build_docs.extract.extractors import texts
from build_docs.link import variants
from build_docs.link.evidence import Evidence, evidence_of, quoted_finds
from build_docs.link.matcher import case_sensitive
from build_docs.link.model import Candidate, Entity, Knowledge, Quote, Term, quote_at
from build_docs.link.registry import KINDS, SOURCE, Registry
from build_docs.link.spelled import Runs, spelled_out
from build_docs.slug import slugify

MIN_RECURRENCE = 2  # a name found this many times joins the site without a confident pattern
_ROMAN = re.compile(r"^[IVXLC]+$")




K = TypeVar("K")  # what a name is looked up by: a word, or a first and last word

@dataclass
class _Draft:
    """An entity while the corpus is still being read."""

    id: str
    name: str
    kind: str
    origin: str
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    description_source: Quote | None = None
    wikidata: str = ""
    roles: list[tuple[str, Quote]] = field(default_factory=list)


#: (article id, paragraph anchor, paragraph text) for every citable paragraph, in reading order
Paragraphs = Sequence[tuple[str, str, str]]


def paragraphs_of(articles: Iterable[Article]) -> list[tuple[str, str, str]]:
    return [(a.id, anchor, text) for a in articles for anchor, text in texts(a)]


def assemble(
    registry: Registry,
    paragraphs: Paragraphs,
    definitions: Sequence[tuple[str, str, Definition]],
    finds: Sequence[tuple[str, str, Found]],
    common: Callable[[str], bool],
    evidence: Sequence[Evidence] | None = None,
) -> tuple[Knowledge, list[Diagnostic]]:
    """Pass 1 of linking. ``definitions`` and ``finds`` are (article, anchor, item) in reading order.

    ``evidence`` is what :func:`~build_docs.link.evidence.evidence` gathered of each article, in
    the same order, when the caller has it (kept from an earlier build); else it is gathered here."""
    if evidence is None:
        evidence = evidence_of(paragraphs, finds)
    builder = _Builder(registry, {(a, p): t for a, p, t in paragraphs}, common)
    problems = builder.add_registry()
    builder.add_definitions(definitions)
    builder.add_finds(quoted_finds(evidence, finds), [e.runs for e in evidence])
    builder.add_term_entities()
    builder.add_surnames(evidence)
    builder.add_acronym_candidates(evidence)
    return builder.freeze(), problems


class _Builder:
    def __init__(self, registry: Registry, texts: Mapping[tuple[str, str], str], common: Callable[[str], bool]) -> None:
        self.registry = registry
        self.texts = texts
        self.common = common
        self.entities: dict[str, _Draft] = {}
        self.names: dict[str, str] = {}  # casefolded name or alias -> entity id
        self.terms: dict[str, Term] = {}  # by term text
        self.candidates: list[Candidate] = []

    # -- registry ---------------------------------------------------------------

    def add_registry(self) -> list[Diagnostic]:
        problems: list[Diagnostic] = []
        for entry in self.registry.entities.values():
            source = self._registry_quote(entry.description, entry.source, self.registry.entities_path, entry.line, problems)
            draft = _Draft(entry.id, entry.name, entry.kind, "registry", list(entry.aliases), entry.description, source, entry.wikidata)
            self._claim(draft)
        for term in self.registry.terms.values():
            source = self._registry_quote(term.definition, term.source, self.registry.glossary_path, term.line, problems)
            self.terms[term.term] = Term(
                id="",
                term=term.term,
                origin="registry",
                expansion=term.expansion,
                definition=term.definition,
                definition_source=source,
                aliases=term.aliases,
                entity=term.entity,
            )
        return problems

    def _registry_quote(self, text: str, source: str, path: str, line: int, problems: list[Diagnostic]) -> Quote | None:
        """The paragraph a registry text says it quotes; it must really be there."""
        if not source:
            return None
        match = SOURCE.match(source)
        assert match is not None  # checked when the registry was read
        article, anchor = match.groups()
        paragraph = " ".join(self.texts.get((article, anchor), "").split())
        if not paragraph:
            problems.append(error(path, line, f"'source: {source}' names no paragraph of the site; use an article id from data/articles.json and an anchor pN"))
            return None
        at = _fold(paragraph).find(_fold(text))
        if not text or at < 0:
            problems.append(
                error(path, line, f"the text is not a quote from {source}; copy it from that paragraph exactly, or remove 'source:' to mark it editorial")
            )
            return None
        return quote_at(article, anchor, paragraph, at, at + len(text))

    def _claim(self, draft: _Draft) -> None:
        self.entities[draft.id] = draft
        for name in (draft.name, *draft.aliases):
            self.names.setdefault(_key(name), draft.id)

    def _new_id(self, name: str, kind: str) -> str:
        """A page name from the name alone, so adding an article never renames another entity's page."""
        base = slugify(name) or kind
        for candidate in (base, f"{base}-{kind}", f"{base}-{kind}-{_digest(name)}"):
            if candidate not in self.entities:
                return candidate
        raise AssertionError(f"two entities named {name!r}")  # pragma: no cover -- names are merged by key first

    def _alias(self, entity_id: str, alias: str) -> None:
        draft = self.entities[entity_id]
        if _key(alias) not in self.names:
            draft.aliases.append(alias)
            self.names[_key(alias)] = entity_id
        elif alias != draft.name and alias not in draft.aliases and self.names[_key(alias)] == entity_id and _spelled_anew(alias, draft):
            # the same name in another spelling ("Fernandez" for "Fernández"): matched too; a found name is shown with
            # its diacritics, which a catalog or a plain-ASCII source leaves out (an editor's name stays as written)
            if draft.origin != "registry" and _key(alias) == _key(draft.name) and draft.name.isascii() and not alias.isascii():
                alias, draft.name = draft.name, alias
            draft.aliases.append(alias)

    # -- acronyms ---------------------------------------------------------------

    def add_definitions(self, definitions: Sequence[tuple[str, str, Definition]]) -> None:
        by_short: dict[str, list[tuple[str, Quote]]] = defaultdict(list)
        for article, anchor, found in definitions:
            text = self.texts[(article, anchor)]
            by_short[found.short].append((found.long, quote_at(article, anchor, text, found.start, found.end)))
        for short, seen in by_short.items():
            counts = Counter(_key(long) for long, _ in seen)
            best = max(counts, key=lambda k: (counts[k], -next(i for i, (lg, _) in enumerate(seen) if _key(lg) == k)))
            long = next(lg for lg, _ in seen if _key(lg) == best)
            quotes = tuple(sorted({q for lg, q in seen if _key(lg) == best}))
            variants = tuple(sorted({lg for lg, _ in seen if _key(lg) != best}))
            entity = self._entity_for(short, long)
            known = self.terms.get(short)
            if known is None:
                self.terms[short] = Term("", short, "discovered", long, quotes, entity=entity, variants=variants)
            elif not known.expansion or _key(known.expansion) == best:
                self.terms[short] = replace(
                    known, expansion=known.expansion or long, expansion_sources=quotes, entity=known.entity or entity, variants=variants
                )

    def _entity_for(self, short: str, long: str) -> str:
        """The entity an acronym names: a known one, or a new organisation when the long form reads as one."""
        known = self.names.get(_key(long)) or self.names.get(_key(short))
        if known:
            self._alias(known, long)
            self._alias(known, short)
            return known
        if not any(o.start == 0 and o.end == len(long) for o in find_organizations(long)) and not _body_long_form(long):
            return ""
        draft = _Draft(self._new_id(long, "organization"), long, "organization", "discovered")
        self._claim(draft)
        self._alias(draft.id, short)
        return draft.id

    def add_term_entities(self) -> None:
        """A discovered acronym whose long form discovery found as an organisation, ending in an organisation's head word,
        names it and links there: "the Computing Research Association (CRA)", where the long form read alone (at its
        start, "Computing" is any capitalised word) is no organisation for :meth:`_entity_for`, but the sentence made it
        one. Without this the term takes every mention of the long form and the organisation, linked nowhere, is dropped.
        A long form with no head word ("Heavily Indebted Poor Countries (HIPC)") stays a term of the glossary."""
        for short, term in list(self.terms.items()):
            if term.origin != "discovered" or term.entity or not term.expansion:
                continue
            known = self.names.get(_key(term.expansion))
            head = term.expansion.split()[-1]
            if known is not None and self.entities[known].kind == "organization" and lexicon.body_head(head):
                self._alias(known, short)
                self.terms[short] = replace(term, entity=known)

    # -- names --------------------------------------------------------------------

    def add_finds(self, finds: Sequence[tuple[Found, Quote]], runs: Sequence[Runs]) -> None:
        """The names discovery found; ``runs`` are each article's lower-case words that may spell an acronym out."""
        groups: dict[str, list[tuple[Found, Quote]]] = defaultdict(list)
        guessed = [(found, quote, _name(found.canonical or found.name)) for found, quote in finds]
        spelled = spelled_out(runs, {_letters(name) for found, _, name in guessed if found.rule in ("model", "name-run")})
        said_short = _heads_of_longer_names(guessed)
        for found, quote, name in guessed:
            if _key(name) in self.registry.ignore or _key(found.name) in self.registry.ignore:
                continue
            if found.rule in ("model", "name-run") and found.kind != "person" and (quote.article, name) in said_short:
                continue  # "the Principality" where "the Principality of Monaco" is named: the longer name, said short
            if found.rule in ("model", "name-run") and self._a_term(name, spelled):
                continue  # "GDP", "MDGs": an acronym the glossary holds, or one the sources spell out in lower case
            groups[_key(name)].append((found, quote))
        single_people: list[tuple[str, list[tuple[Found, Quote]]]] = []
        persons: list[list[tuple[Found, Quote]]] = []
        short_orgs: list[list[tuple[Found, Quote]]] = []
        named: dict[str, list[list[tuple[Found, Quote]]]] = defaultdict(list)  # other kinds' names, by kind
        for key, group in groups.items():
            own = [(f, q) for f, q in group if f.rule != "complement"]  # a name held after an "of" counts with a find of its own
            if not own:
                continue  # "Foreign Affairs" of "Ministry of Foreign Affairs" alone names nothing
            kind = own[0][0].kind if len(own) == 1 else _kind_of(own)
            # a name held after an "of", or a find typed by no evidence, takes the name's kind (the latter counting towards its
            # recurrence); a pattern's find of another kind names another entity ("Washington" the city beside the person)
            taken = [(f, q) for f, q in group if f.kind == kind or f.rule == "complement" or _leaning(f)]
            group = [(f if f.kind == kind else replace(f, kind=kind), q) for f, q in taken]
            size = len(_name(group[0][0].name).split())
            if key in self.names:
                self._add_roles(self.names[key], group)
                self._add_surfaces(self.names[key], group)
            elif (kind == "person" or all(f.rule == "name-run" for f, _ in group)) and size == 1:
                single_people.append((key, group))  # a surname alone, or a word found by no pattern that may be one
            elif kind == "person":
                persons.append(group)  # "Joshua Norton" is "Joshua Abraham Norton" when the corpus has him (:meth:`_add_people`)
            elif kind == "organization" and size == 1:
                short_orgs.append(group)  # "Harvard": the short form of "Harvard University" when the corpus has it
            else:
                named[kind].append(group)
        for kind, kind_groups in named.items():
            for group in self._spelled_once(kind_groups, people=False):  # "... Center" and "... Centre"
                self._found_entity(kind, group)
        heads = self._head_named()
        for group in short_orgs:
            if (entity_id := _sole(heads, _key(group[0][0].name))) is not None:
                self._alias(entity_id, _name(group[0][0].name))
            else:
                self._found_entity("organization", group)
        self._add_people(persons)
        owners = self._name_tokens()
        for key, group in single_people:
            entity_id = _sole(owners, key)
            if entity_id is not None and _other_office(group, self.entities[entity_id].roles):
                self._found_entity(group[0][0].kind, group)  # "Secretary of State Clinton" is not "former President Bill Clinton"
            elif entity_id is not None:
                self._alias(entity_id, _name(group[0][0].name))
                self._add_roles(entity_id, group)
            elif len(owners.get(key, ())) > 1:  # "Padalecki" alone, with three Padaleckis in the corpus: the editors decide
                found, quote = group[0]
                self.candidates.append(Candidate(_name(found.name), "person", len(group), quote, "a word of several people's names", found.role))
            elif group[0][0].kind == "organization" and (entity_id := _sole(heads, key)) is not None:
                self._alias(entity_id, _name(group[0][0].name))  # "Tsinghua" for "Tsinghua University"
            else:
                self._found_entity(group[0][0].kind, group)

    def _add_people(self, groups: list[list[tuple[Found, Quote]]]) -> None:
        """People named in two words or more (each group one name's finds): a name that is another spelling of a name
        found, or a shorter form of a longer name found or already a page (:mod:`.variants`), is that person, as is a
        longer name of one person the registry names; the finds of one person make one page, named as most of them name
        it, where together they recur or one is confident."""
        groups = self._spelled_once(groups, people=True)  # "Ali Abdulssalam Treki" with "Ali Abdussalam Treki"
        names = [_words_of(_name(group[0][0].name)) for group in groups]
        longer = variants.LongerNames()
        edited: dict[variants.Words, set[str]] = defaultdict(set)  # the registry's people, by each of their names
        for draft in self.entities.values():
            if draft.kind == "person":
                longer.add(draft.id, _words_of(draft.name))
                if draft.origin == "registry":
                    for name in (draft.name, *draft.aliases):
                        edited[_words_of(name)].add(draft.id)
        merged: dict[str, list[tuple[Found, Quote]]] = {}
        for n in sorted(range(len(groups)), key=lambda n: (-len(names[n]), -len(" ".join(names[n]).split()), names[n])):  # longest first
            owner = longer.owner(names[n])
            if owner is None:  # "Andrey Ivanovich Denisov" where the registry names "Andrey Denisov"
                shorter = {i for form in variants.shorter_forms(names[n]) for i in edited.get(form, ())}
                owner = next(iter(shorter)) if len(shorter) == 1 else None
            if owner in self.entities:
                self._alias(owner, _name(groups[n][0][0].name))
                self._add_roles(owner, groups[n])
                self._add_surfaces(owner, groups[n])
            elif owner is not None:
                merged[owner] += groups[n]  # "Lobo Sosa" with "Porfirio Lobo Sosa", found with it or not
            else:
                merged[f" {n}"] = list(groups[n])  # a key no entity id has (ids are slugs)
                longer.add(f" {n}", names[n])
        for group in merged.values():
            self._found_entity("person", group)

    @staticmethod
    def _spelled_once(groups: list[list[tuple[Found, Quote]]], people: bool) -> list[list[tuple[Found, Quote]]]:
        """``groups`` (each one name's finds, all of one kind) with each name another spelling of one found more often
        merged into it (:func:`.variants.spellings`), in their order."""
        names = [_words_of(_name(group[0][0].name)) for group in groups]
        joined = variants.spellings(names, lambda n: len(groups[n]), people)
        merged = [list(group) for group in groups]
        for n, other in sorted(joined.items()):  # in the groups' order, whatever order the sets gave
            merged[other] += groups[n]
        return [group for n, group in enumerate(merged) if n not in joined]

    def _a_term(self, name: str, spelled: Collection[str]) -> bool:
        """``name`` is an acronym ("GDP", "MDGs") that names no entity: a term of the glossary that stands for none, or
        one of ``spelled``, those the sources spell out in lower case (:func:`.spelled.spelled_out`)."""
        letters = _letters(name)
        if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
            return False
        terms = [t for t in (self.terms.get(letters), self.terms.get(f"{letters}s")) if t is not None]
        if terms:
            return not any(t.entity for t in terms)
        return letters in spelled

    def _found_entity(self, kind: str, group: list[tuple[Found, Quote]]) -> None:
        name = Counter(_name(f.canonical or f.name) for f, _ in group).most_common(1)[0][0]
        strong = any(f.strong for f, _ in group)
        if strong or len(group) >= MIN_RECURRENCE:
            draft = _Draft(self._new_id(name, kind), name, kind, "discovered")
            self._claim(draft)
            self._add_roles(draft.id, group)
            self._add_surfaces(draft.id, group)
            return
        reason = f"found once, by the '{group[0][0].rule}' pattern alone"
        self.candidates.append(Candidate(name, kind, len(group), group[0][1], reason, group[0][0].role))

    def _add_roles(self, entity_id: str, group: list[tuple[Found, Quote]]) -> None:
        draft = self.entities[entity_id]
        draft.roles.extend((" ".join(f.role.split()), q) for f, q in group if f.role)

    def _add_surfaces(self, entity_id: str, group: list[tuple[Found, Quote]]) -> None:
        """The other names it was found under ("U.S." for the United States)."""
        for found, _ in group:
            self._alias(entity_id, _name(found.name))

    def _head_named(self) -> dict[str, set[str]]:
        """Casefolded word -> the organisations whose name is that word and head words ("Harvard University",
        "Tsinghua University"): who "Harvard" names, unless two such organisations share the word."""

        def own_word(draft: _Draft, words: list[str]) -> list[str]:
            own = [w for w in words if w not in lexicon.ORG_HEADS]
            return [_key(own[0])] if draft.kind == "organization" and len(words) > 1 and len(own) == 1 and own[0][:1].isupper() else []

        return self._owners(own_word)

    def _name_tokens(self) -> dict[str, set[str]]:
        """Casefolded first and last word of every person's name -> the people it could mean."""
        return self._owners(lambda draft, words: {_key(words[0]), _key(words[-1])} if draft.kind == "person" and len(words) > 1 else ())

    def _owners(self, keys_of: Callable[[_Draft, list[str]], Iterable[K]]) -> dict[K, set[str]]:
        """Each key ``keys_of(draft, words of its name)`` gives -> the ids of the entities that give it."""
        owners: dict[K, set[str]] = defaultdict(set)
        for draft in self.entities.values():
            for key in keys_of(draft, draft.name.split()):
                owners[key].add(draft.id)
        return owners

    def add_surnames(self, evidence: Sequence[Evidence]) -> None:
        """ "Xi" for Xi Jinping, when the corpus says "Xi" alone and no other person is a Xi."""
        people = [(draft, draft.name.split()) for draft in sorted(self.entities.values(), key=lambda d: d.id) if draft.kind == "person"]
        people = [(draft, parts) for draft, parts in people if len(parts) > 1]
        # Only the counts of the people's first and last words are read: summed for those alone (a set's
        # intersection with each article's counts runs in C), not for every capitalised word of the corpus.
        ends = {parts[i] for _, parts in people for i in (0, -1)}
        joined = {pair for _, parts in people for pair in ((parts[0], parts[1]), (parts[-2], parts[-1]))}
        words: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for found in evidence:
            for word in ends.intersection(found.capitalised):
                words[word] += found.capitalised[word]
            for pair in joined.intersection(found.pairs):
                pairs[pair] += found.pairs[pair]
        owners = self._name_tokens()
        for draft, parts in people:
            for i in {0, len(parts) - 1}:
                word = parts[i]
                alone = words[word] - (pairs[(parts[i - 1], word)] if i else 0) - (pairs[(word, parts[i + 1])] if i + 1 < len(parts) else 0)
                if alone > 0 and len(word) > 1 and len(owners[_key(word)]) == 1 and not self.common(word):
                    self._alias(draft.id, word)

    # -- candidates -----------------------------------------------------------------

    def add_acronym_candidates(self, evidence: Sequence[Evidence]) -> None:
        """Acronyms used but never defined, with an expansion suggested from the corpus's own phrases."""
        known = {_key(t.term) for t in self.terms.values()} | {_key(a) for t in self.terms.values() for a in t.aliases} | set(self.names)
        seen: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
        spelled: dict[str, str] = {}
        for found in evidence:
            for word, anchor, start, end in found.acronyms:
                if _key(word) not in known and not _ROMAN.match(word) and not self.common(word):
                    seen[word].append((found.article, anchor, start, end))
            for initials, phrase in found.spelled:
                spelled.setdefault(initials, phrase)
        for word, uses in seen.items():
            article, anchor, start, end = uses[0]
            quote = quote_at(article, anchor, self.texts[(article, anchor)], start, end)
            suggestion = spelled.get(word.rstrip("s") if word.endswith("s") and word[:-1].isupper() else word, "")
            self.candidates.append(Candidate(word, "acronym", len(uses), quote, "used but never defined in the sources", suggestion))

    # -- result -------------------------------------------------------------------------

    def freeze(self) -> Knowledge:
        entities = {
            d.id: Entity(
                id=d.id,
                name=d.name,
                kind=d.kind,
                aliases=tuple(dict.fromkeys(a for a in d.aliases if a != d.name)),
                origin=d.origin,
                description=d.description or _role_description(d.roles),
                description_source=d.description_source if d.description else _role_source(d.roles),
                wikidata=d.wikidata,
                roles=tuple(sorted(set(d.roles), key=lambda r: (r[1], r[0]))),
            )
            for d in self.entities.values()
        }
        terms: dict[str, Term] = {}
        for term in sorted(self.terms.values(), key=lambda t: (t.term.casefold(), t.term)):
            base = slugify(term.term) or "term"
            term_id = base if base not in terms else f"{base}-{_digest(term.term)}"  # "US" and "U.S.": the second by its spelling
            terms[term_id] = replace(term, id=term_id)
        order = {kind: i for i, kind in enumerate((*KINDS, "acronym"))}
        candidates = sorted(self.candidates, key=lambda c: (order[c.kind], -c.count, c.name.casefold(), c.name))
        return Knowledge(MappingProxyType(dict(sorted(entities.items()))), MappingProxyType(dict(sorted(terms.items()))), tuple(candidates))


def _sole(owners: Mapping[K, set[str]], key: K) -> str | None:
    """The one entity ``key`` names among ``owners``, or ``None`` (none, or several: then it names none of them)."""
    owner = owners.get(key, ())
    return next(iter(owner)) if len(owner) == 1 else None


def _offices(roles: Iterable[str]) -> set[str]:
    """The offices ("President", "Secretary", "Governor": ``titles-strong.txt``) the roles name; courtesy titles are none."""
    return {w for role in roles for w in role.split() if w in lexicon.STRONG_TITLES}


def _other_office(group: list[tuple[Found, Quote]], roles: list[tuple[str, Quote]]) -> bool:
    """A surname found alone only under offices that the person of that surname the corpus names in full never holds
    there ("Secretary of State Clinton" beside "former President Bill Clinton"): another person, likely, so no alias."""
    mine, theirs = _offices(f.role for f, _ in group), _offices(r for r, _ in roles)
    return bool(mine) and bool(theirs) and not mine & theirs


def _role_description(roles: list[tuple[str, Quote]]) -> str:
    if not roles:
        return ""
    counts = Counter(role for role, _ in roles)
    return max(counts, key=lambda r: (counts[r], -next(i for i, (x, _) in enumerate(roles) if x == r)))


def _role_source(roles: list[tuple[str, Quote]]) -> Quote | None:
    description = _role_description(roles)
    return next((q for role, q in roles if role == description), None)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def _heads_of_longer_names(guessed: Iterable[tuple[Found, Quote, str]]) -> set[tuple[str, str]]:
    """(article, word) for each word of the dictionary that heads a longer name found in that article: its first word
    before "of" ("Principality" of "Principality of Monaco") or its last ("Archipelago" of "Chagos Archipelago"). Said
    alone there, the word is the longer name said short, no name of its own (on 300 UN speeches "the Archipelago" of a
    speech naming the Chagos Archipelago had a page, as had "the Principality" of Andorra's). Read in the article only:
    across the corpus a word heading one name ("East Timor") is another's whole name ("Timor")."""
    heads = set()
    for found, quote, _ in guessed:
        words = found.name.split()  # as written: "Principality of Monaco", not the gazetteer's "Monaco"
        if len(words) < 2:
            continue
        for word in (words[0] if words[1] == "of" else "", words[-1]):
            if word and word[:1].isupper() and lexicon.is_dictionary_word(word):
                heads.add((quote.article, word))
    return heads


def _kind_of(group: Sequence[tuple[Found, Quote]]) -> str:
    """The kind most of a name's finds give it, unless those with evidence say a person: a word found by no pattern is an
    organisation for want of any (:func:`~build_docs.extract.discover.names._kind`, basis ``default``), and yields to a
    person by a title, a context, a shape or a given name anywhere in the corpus ("the prophet Isaiah", however often
    "Isaiah" stands alone), and to a verb of saying or the model as long as they do not find it fewer times than go
    without ("Pachomius said"; a newspaper says things too). Evidence of a person also wins over any number of finds the
    model's lean alone typed (:func:`_leaning`: "Byron loved" against "Byron" a place for the model), never over a pattern's
    find of another kind. Evidence of a place does not overrule it ("in Al-Qaida's ranks" would, on 100 UN speeches), nor
    does the model's lean on fewer finds ("Nagorny Karabakh"), unless the text calls the name a place ("the town of
    Marstal", "the Nagorny Karabakh region": basis ``called``) and nothing but a lean or a want of evidence types it
    otherwise, however many such finds lean to a person."""
    kinds = Counter(f.kind for f, _ in group)
    typed = Counter(f.kind for f, _ in group if not _default(f))
    by_evidence = any(f.kind == "person" and evidenced(f) and f.basis != "saying" for f, _ in group)  # newspapers say things too
    if by_evidence and Counter(f.kind for f, _ in group if not _leaning(f)).most_common(1)[0][0] == "person":
        return "person"  # "Byron fell in love", however often the model leans to a place for "Byron" alone
    if any(f.basis == "called" for f, _ in group) and all(f.kind == "place" or _leaning(f) for f, _ in group):
        return "place"  # "the town of Marstal", however often "Marstal" stands alone, typed for want of evidence or by a lean
    if typed and typed.most_common(1)[0][0] == "person" and (by_evidence or typed["person"] >= sum(1 for f, _ in group if _default(f))):
        return "person"
    return kinds.most_common(1)[0][0]


def _leaning(found: Found) -> bool:
    """A find typed by no evidence but the model's lean: :func:`_default`, a name-run nothing around it typed (the model
    gave its kind), or the model's own find of a name it had no pattern for."""
    return _default(found) or found.rule == "name-run" and found.basis == "default" or found.rule == "model" and not found.basis


def _default(found: Found) -> bool:
    """A find typed for want of evidence: a name-run nothing around it or in it typed (an organisation), or the model's
    guess of a person on one word no naming tradition knows (:func:`~build_docs.extract.discover._guess`)."""
    return found.basis == "guess" or found.rule == "name-run" and found.basis == "default" and found.kind == "organization"


def _spelled_anew(alias: str, draft: _Draft) -> bool:
    """``alias`` is a spelling of ``draft``'s name that neither its name nor any alias has, case aside, or a word in
    another case: one word is matched in its own case (:func:`.matcher.case_sensitive`), so "WARNOCK", as the
    Congressional Record sets a name, is a mention of Warnock only as an alias of its own."""
    names = (draft.name, *draft.aliases)
    if case_sensitive(alias):
        return alias not in names
    return alias.casefold() not in {n.casefold() for n in names}


_POSSESSIVE = re.compile(r"['\u2019]s$")


@lru_cache(maxsize=1 << 16)  # pass 1 asks for the same few thousand names hundreds of thousands of times
def _name(text: str) -> str:
    """A name as pages show it: one space between words, no possessive."""
    return _POSSESSIVE.sub("", " ".join(text.split()))


@cache
def _abbreviated() -> dict[str, str]:
    """A name's abbreviated word -> the word written out, case folded (``data/link/name-abbreviations.txt``)."""
    return {short.casefold(): full.casefold() for short, full in (line.split() for line in data.lines("link/name-abbreviations.txt"))}


def _body_long_form(long: str) -> bool:
    """An acronym's long form that names a body though the organisation finder reads only part of it as one: capitalised
    words (and connectors) holding a body's head word that no plan or slogan has ("United Nations Interim Administration
    Mission in Kosovo (UNMIK)", whose name goes on past its head word). Not "Heavily Indebted Poor Countries (HIPC)"."""
    words = long.split()
    if not all(w[:1].isupper() or w in ORG_CONNECTORS for w in words):
        return False
    return any(lexicon.body_head(w) for w in words)


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """What a name is known by: case, diacritics and hyphens aside ("Cristina Fernández" and "Cristina Fernandez", as a
    catalog and a text write one name, are one entity, as are "Guinea-Bissau" and "Guinea Bissau"; each spelling is an
    alias the text is matched by), and a word abbreviated before another word of it written out ("St. Jerome" is
    "Saint Jerome", "Mt. Kenya" "Mount Kenya": ``data/link/name-abbreviations.txt``)."""
    folded = _name(text).casefold()
    if "-" in folded:
        folded = " ".join(folded.replace("-", " ").split())
    words, written_out = folded.split(), _abbreviated()
    if "." in folded or any(w in written_out for w in words[:-1]):  # "st. jerome" is "saint jerome"; not "broad st."
        folded = " ".join([*(written_out.get(w.removesuffix("."), w) for w in words[:-1]), words[-1]])
    if folded.isascii():
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def _words_of(name: str) -> variants.Words:
    """A name's words, each by its :func:`_key`: what :mod:`.variants` compares names by."""
    return tuple(_key(word) for word in name.split())


def _fold(text: str) -> str:
    """For checking a quote: case, spacing and typographic quotes do not matter."""
    table = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
    return " ".join(text.translate(table).split()).casefold()


def _letters(name: str) -> str:
    """An acronym's letters without a plural ``s`` ("MDGs" → "MDG")."""
    return name[:-1] if name.endswith("s") and name[:-1].isupper() else name
