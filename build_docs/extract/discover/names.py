"""Names however a text writes them: a run of capitalised words anywhere in a sentence (rule ``name-run``).

The other finders need a pattern around a name (a title, an appositive, a head word, a gazetteer
entry); this one reads the name alone, so :func:`~build_docs.extract.discover.find_all` runs it last,
only where no other finder found anything. A run is one name however many words it has ("Guinea
Bissau", "Antonín Dvořák", "Osama bin Laden", "Institute of Philology"): capitalised words joined by
single spaces, with name particles ("bin", "van der") and, before another capitalised word, the
connectors "of", "for" and "&" inside, and a regnal number after a given name ("Elizabeth II", a
person on one mention); a title or nationality in front is not part of it ("General Gordon"), and a
possessive ends it.

A run is kept only with evidence in its own words; the corpus gives the rest (pass 1 makes a page of a
weak find only when the name recurs):

* at least one word is not a common English word (:func:`~.lexicon.is_common`): "Sustainable
  Development Goals", "Early Life" and a headline's words are no names; a run set in a headline or on
  an all-capitals line is skipped;
* a one-word run at the start of a sentence is skipped (its capital proves nothing);
* the kind comes from the run and its context, never from a list of anyone's names: a person before a
  verb only a person takes ("Dvořák wrote", "Smith, who ...", "Chao studied") or a noun only a person
  has after its possessive ("Byron's memoirs"), after a letter's "Dear" ("Dear Hannah:", :mod:`.letters`), after a
  role noun ("the designer Halston", "his friend Tyrannius Rufinus") or a determiner and a noun for a profession or a follower ending in "-ian" or
  "-ist" ("the grammarian Aelius Donatus"), or when the run has a person's name's shape in some naming tradition
  (:mod:`.person_shapes`: "Mikhail Gorbachev", "Deng Xiaoping", also set in capitals: "KAMALA HARRIS";
  initials: "W. W. Rouse Ball"; "Hilary of Poitiers"); a team after a city's name ("Houston Astros");
  a place after "in", "near" or "across" when it is one word ("in Casamance"), or after a noun for a place and "of"
  ("the town of Marstal", basis ``called``: linking lets it outweigh finds typed for want of evidence); a person when it is one
  word that is a given name of some tradition, no common word or place, and no article before it
  ("Cleopatra", "Hannibal"; not "the Sabine"), unless the model is sure of an organisation; else an organisation.
  Some words make no person's name whatever the shape or the model says (:func:`no_person`: "York
  Minster", "Roman Catholicism", "El Castillo", "Grande Terre"). :attr:`Found.basis` says which, for
  the statistical tagger to weigh (:func:`~build_docs.extract.discover._retyped`) and for linking to
  count (a name typed an organisation for want of evidence yields to a person found by evidence
  elsewhere in the corpus: :func:`~build_docs.link.knowledge._kind_of`).

A run ending in a treaty's, a conference's or a plan's head word (``other-name-heads.txt``: "Kyoto Protocol", "Oslo
Accords") is kind ``other``: it names no entity, but holds the place it is named after
(:func:`~build_docs.extract.discover.find_all` keeps "Kyoto" and drops the run).

Strong (a page on its own): a person of two words or more, or of initials and a name. Everything else needs to recur.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from build_docs import inflection
from build_docs.extract.discover import lexicon
from build_docs.extract.discover.found import Found, span
from build_docs.extract.discover.letters import SALUTATION
from build_docs.extract.discover.lexicon import is_common
from build_docs.extract.discover.person_shapes import family_first, given_name, surname
from build_docs.extract.discover.place_names import gazetteer, is_place_name, local_place
from build_docs.extract.discover.titles import plural_title
from build_docs.extract.discover.tokens import ROMAN, Tok, is_acronym, is_entity_word, is_function, is_initial, particle_prefixed, regnal

MAX_RUN = 8  # capitalised words in one name; longer runs are titles of works or headlines
_INNER = frozenset({"of", "for", "&", "de", "del", "da", "do", "dos", "du", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "y"})
_CONNECTORS = frozenset({"of", "for", "&"})  # inside an organisation's name, never a person's
_AFFILIATION = frozenset({"of", "for"})  # after a person's full name: who they work for ("Nick Rhodes of Duran Duran")
_AFTER = re.compile(r"[ \t]*(?:,[ \t]*)?([a-z]+)")
_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_YEAR_AFTER = re.compile(r"(,?)[ \t]+(?:et al\.,?[ \t]+)?(\(?)(?:1[5-9]|20)\d\d[a-z]?\b")
# a determiner and a noun for a follower or a profession ("the grammarian", "a linguist"), right before a name
_PROFESSION_BEFORE = re.compile(r"(?<![\w-])(?:the|a|an|his|her|their|our|my|your)[ \t]+[a-z]{3,}(?:ian|ist)[ \t]+$")
_ARTICLE = r"\b(?:[Tt]he|[Aa]n?)[ \t]+"
_THE_BEFORE = re.compile(_ARTICLE + "$")  # "the Apollo XI crew": a thing numbered, no monarch
_YEAR_END = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?$")


def names_in(text: str, tokens: list[Tok], taken: bytearray) -> list[Found]:
    """Runs of capitalised words outside the spans other finders took (``taken``: 1 for a taken character)."""
    found: list[Found] = []
    i, n = 0, len(tokens)
    while i < n:
        end = _run_end(text, tokens, i)
        if end == i:
            i += 1
            continue
        for a, b in _authors(text, tokens, i, end):
            f = _name(text, tokens, a, b)
            if f is not None and any(taken[f.start : f.end]):
                f = _before_taken(text, tokens, a, b, taken)
            if f is not None and not any(taken[f.start : f.end]):
                found.append(f)
        i = end
    return found


def _authors(text: str, tokens: list[Tok], i: int, end: int) -> list[tuple[int, int]]:
    """The run at ``i:end`` as one name, or as two where it is a citation's two authors joined by "&" ("(Benioff &
    Weiss, 2013)": two people, as "Procter & Gamble" outside a citation is one company)."""
    amp = next((k for k in range(i + 1, end - 1) if tokens[k].word == "&"), None)
    if amp is None or not _cited(text, tokens[i].start, tokens[end - 1].core):
        return [(i, end)]
    return [(i, amp), (amp + 1, end)]


def _before_taken(text: str, tokens: list[Tok], i: int, end: int, taken: bytearray) -> Found | None:
    """The name a run starting at ``i`` makes up to a connector before the first word another finder took: "Jann Wenner"
    of "Jann Wenner of Rolling Stone Magazine" where "Rolling Stone Magazine" is an organisation of its own (``None``
    when no connector stands before that word)."""
    k = i + 1
    while k < end and not taken[tokens[k].start]:
        k += 1
    inner = k
    while inner > i + 1 and not tokens[inner - 1].cap and tokens[inner - 1].word.lower() in _INNER:
        inner -= 1
    if k == end or inner == k or inner <= i:
        return None
    f = _name(text, tokens, i, inner)
    if f is not None and f.basis == "default" and inner == i + 1 and tokens[inner].word == "of" and is_place_name(tokens[k].word):
        return replace(f, kind="place", basis="context")  # "to Vorsino of Russia": one word of a country is a place in it
    return f


def _word(tok: Tok) -> bool:
    """A token that may be a word of a name: capitalised, not a function word, title, nationality, month or suffix."""
    if not tok.cap:
        return not tok.headline and "'" in tok.word and particle_prefixed(tok.word)  # "Miguel d'Escoto Brockmann"
    if tok.headline or is_function(tok) or tok.bare in lexicon.NAME_SUFFIXES:
        return False
    if "'" in tok.word and tok.word.split("'")[0].lower() in lexicon.FUNCTION_WORDS | {"i"}:
        return False  # "I'm", "It's", "We've"
    return not is_entity_word(tok.bare) or tok.bare in lexicon.ORG_HEADS


def _hyphen_particle(tok: Tok) -> bool:
    """A lowercase particle joined by a hyphen to a capitalised name, after a word of the run ("Bashar al-Assad", "Hizb
    al-Islam", "Jabhat al-Nusra"): a word of the name, as an elided one is anywhere ("d'Escoto", :func:`_word`)."""
    return not tok.cap and not tok.headline and "-" in tok.word and particle_prefixed(tok.word)


def _run_end(text: str, tokens: list[Tok], i: int) -> int:
    """The index after the run of name words starting at ``i`` (``i`` when none starts there); a regnal number after a
    given name goes on it ("Elizabeth II", "Johann II Bernoulli")."""
    if not (_word(tokens[i]) or _given_demonym(tokens, i)) or is_initial(tokens[i]) and not (i + 1 < len(tokens) and tokens[i + 1].joined):
        return i
    if plural_title(tokens[i]):
        return i  # "Presidents Juan Manuel Santos Calderón and Hugo Chávez": a title for several people, no word of a name
    k = i + 1
    while k < len(tokens) and not tokens[k - 1].possessive and tokens[k].joined and not caption_label(text, tokens[k].word, tokens[k].core):
        if _word(tokens[k]) or is_initial(tokens[k]) or _numbered(text, tokens, k) or _surname_title(tokens, k) or _hyphen_particle(tokens[k]):
            k += 1
            continue
        inside = _inside_word(tokens, k)
        if inside > k:
            k = inside  # "Far East Leapfrog Development Zone": a title's modifier inside a name, before its head word
            continue
        if _person_before(tokens, i, k):
            break  # "Nick Rhodes of Duran Duran", "Lydia Buchtmann for Food Standards Australia": a person, then who they work for
        inner = k
        while inner < len(tokens) and tokens[inner].joined and tokens[inner].word.lower() in _INNER and not tokens[inner].cap:
            inner += 1
        if inner == k + 1 == i + 2 and tokens[k].word == "of" and inner < len(tokens) and tokens[inner].word == "the" and _site_head(tokens[i].bare):
            inner += 1  # "Pyramid of the Sun", "Temple of the Feathered Serpent": a site's head word, "of the" and its name
        elif inner == k == i + 1 and tokens[k].word == "on" and tokens[i].bare in lexicon.OTHER_NAME_HEADS:
            inner += 1 + (inner + 1 < len(tokens) and tokens[inner + 1].word == "the")  # "Convention on Cluster Munitions"
        if inner == k or inner >= len(tokens) or not tokens[inner].joined or not _word(tokens[inner]):
            break
        k = inner + 1
    return k


def person_then(words: list[str]) -> int:
    """How many of ``words`` (a person's name as a model found it) make the name: up to an "of" or a "for" after two
    capitalised words or more with no title, regnal number or head word in them, nothing a person's name cannot have
    (:func:`no_person`), and a given name first or a word no common English word: "Nick Rhodes of Duran Duran" -> 2;
    "Louis XV of France", "Catherine of Aragon", "Good Offices Mission of the Secretary-General" stay whole. As
    :func:`_person_before` cuts a run."""
    for k, word in enumerate(words):
        if word in _AFFILIATION and k >= 2:
            name = words[:k]
            named = given_name(name[0]) or not all(is_common(w) for w in name)  # not "Good Offices Mission of the ..."
            return k if named and not no_person(name) else len(words)
        if not _plain_name_word(word) or head_word(word):
            break
    return len(words)


def _plain_name_word(word: str) -> bool:
    """A capitalised word that is no title, nationality, head word of a body or date, nor a regnal number: a word of a
    person's name before "of" (:func:`person_then`, :func:`_person_before`)."""
    return word[:1].isupper() and not is_entity_word(word.rstrip(".")) and not ROMAN.fullmatch(word)


def _person_before(tokens: list[Tok], i: int, k: int) -> bool:
    """Token ``k`` is "of" or "for" after a person's full name at ``i:k`` (:func:`_person_shape`: a given name and a
    surname, no title, no regnal number): the name ends there, and what follows is a body or a place of their own ("Nick
    Rhodes of Duran Duran", "Jann Wenner of Rolling Stone Magazine"). One word before "of" is a name of its own
    ("Catherine of Aragon"), as is a numbered one ("Louis XV of France")."""
    if tokens[k].word not in _AFFILIATION or k - i < 2:
        return False
    run = tokens[i:k]
    if any(not t.cap or not _plain_name_word(t.word) for t in run):
        return False
    return _person_shape(run, [t for t in run if not is_initial(t)])


def plural_group(words: list[str]) -> bool:
    """ "Member States", "All States", "Co-Chairs", "CARICOM States", "ASEAN Defense Ministers", "Landlocked Developing
    Countries": capitalised words ending in a plural noun for the members of a body (``group-nouns.txt``), the others
    none only a name would have (a word of the dictionary, however rare, is none: "Landlocked"), or a body's acronym: a
    group, not an entity."""
    if not words or words[-1] not in lexicon.GROUP_NOUNS:
        return False
    return not any(own_word(w) and not is_acronym(w) and not lexicon.is_dictionary_word(w) for w in words)


def members_of(words: list[str]) -> bool:
    """ "Members of the United Nations", "States Members of the United Nations", "Members of Congress": plural nouns for
    the members of a body (``group-nouns.txt``) before "of" and the body's name: a group, not an entity; and one member's
    status ("the 193rd State Member of the United Nations", "Member of Parliament"; not "State of Palestine")."""
    of = words.index("of") if "of" in words else 0
    if of == 0:
        return False
    before = words[:of]
    return before[-1] != "State" and all(w in lexicon.GROUP_NOUNS or w in _ONE_MEMBER for w in before)  # "State of Palestine" is a place


_ONE_MEMBER = frozenset({"State", "Member"})  # "State Member of the United Nations": one member, no entity


def plan_of_action(words: list[str]) -> bool:
    """A plan's name: "... of Action", "... for Action" ("Barbados Programme of Action", "Accra Agenda for Action", "Global
    Plan of Action", "Beijing Platform for Action"): a document, no body or place (kind ``other``)."""
    return len(words) >= 3 and words[-1] == "Action" and words[-2] in ("of", "for")


def document_part(words: list[str]) -> bool:
    """A part of a document and its number or letter ("Chapter VI", "Annex B", "Figure 2", "Chapters VI and VII"): no name."""
    if len(words) != 2 or _NUMBERING.fullmatch(words[1]) is None:
        return False
    return words[0] in lexicon.DOCUMENT_PARTS or words[0][-1:] == "s" and words[0][:-1] in lexicon.DOCUMENT_PARTS


_NUMBERING = re.compile(r"[IVXLC]+|[A-Z]|\d+[A-Za-z]?")


def caption_label(text: str, word: str, end: int) -> bool:
    """``word``, ending at ``end``, is a caption's label before its colon ("Belle Image: Nick Moreau.";
    ``caption-labels.txt``): it ends the name before it."""
    return word in lexicon.CAPTION_LABELS and text[end : end + 1] == ":"


def _surname_title(tokens: list[Tok], k: int) -> bool:
    """A title that is also a surname ending a run, with no name after it: "Martin Luther King", "Maurice Bishop",
    "John Major" (before another capitalised word it is a title: "King Abdullah"; a suffix is none: "King Jr.")."""
    tok = tokens[k]
    if not tok.cap or tok.headline or not is_entity_word(tok.bare) or not surname(tok.bare):
        return False
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return after is None or not after.joined or not after.cap or after.bare in lexicon.NAME_SUFFIXES


def _given_demonym(tokens: list[Tok], i: int) -> bool:
    """A nationality or a faith that is also a given name, before a surname or an uncommon word that is no place:
    "Christian Goldbach" (not "Christian Democrats", "French Guiana")."""
    tok = tokens[i]
    if tok.bare not in lexicon.DEMONYMS or not given_name(tok.bare) or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    if not after.joined or not _word(after) or after.bare in gazetteer() or is_place_name(after.bare):
        return False
    return surname(after.bare) or not is_common(after.bare)


def _numbered(text: str, tokens: list[Tok], k: int) -> bool:
    """Token ``k`` is a regnal number (not "I") after a given name: "Elizabeth II", "Louis XV"."""
    return tokens[k].word != "I" and regnal(text, tokens, k) and given_name(tokens[k - 1].bare)


def _inside_word(tokens: list[Tok], k: int) -> int:
    """The index after the words from ``k`` that may go on a run only inside it: capitalised words that modify a title or
    a nationality ("Development", "Latin American") followed by a word of a name that is no title ("Zone", "Caribbean");
    ``k`` when they are not ("... Foreign Minister", "... Chinese President")."""
    j = k
    while j < len(tokens) and tokens[j].joined and tokens[j].cap and not tokens[j].headline and _modifier(tokens[j].bare):
        j += 1
    if j == k or j >= len(tokens) or not tokens[j].joined or not _word(tokens[j]) or is_initial(tokens[j]):
        return k
    return j


def _modifier(word: str) -> bool:
    return (word in lexicon.TITLE_MODIFIERS or word in lexicon.DEMONYMS) and word not in lexicon.HEAD_TITLES


def _name(text: str, tokens: list[Tok], i: int, end: int) -> Found | None:
    if end - i >= 3 and _descriptor(tokens[i]) and _person_shape(tokens[i + 1 : end], [t for t in tokens[i + 1 : end] if t.cap and not is_initial(t)]):
        i += 1  # "Scientologist Tom Cruise": a follower's or a profession's noun before a person's name, as a title is
    if end - i >= 2 and tokens[i].sentence and _sentence_adverb(tokens[i].bare):
        i += 1  # "Currently Shalev is ...": an adverb opening the sentence is no word of the name after it
    elif _participle_before(tokens[i:end]):
        i += 1  # "Discussing Einstein's ideas", "the British of Anglicizing London": a verb's "-ing" form is no word of a name
    if end - i >= 2 and tokens[i].bare in _CENTURY and _ORDINAL_BEFORE.search(text, max(0, tokens[i].start - 16), tokens[i].start):
        i += 1  # "17th Century Zurbarán paintings": the century is a date, no word of the name after it
    elif end - i >= 3 and tokens[i + 1].bare in _CENTURY and _ORDINAL.fullmatch(tokens[i].bare):
        i += 2  # "Nineteenth Century Europe"
    run = tokens[i:end]
    if is_initial(run[-1]) or len(run) > MAX_RUN or run[0].bare.isupper() and _all_caps_line(text, run[0].start):
        return None
    if document_part([t.bare for t in run]) or plural_group([t.bare for t in run if t.cap]) or members_of([t.word for t in run]):
        return None  # "Chapter VI", "Annex B"; "CARICOM States", "Members of Congress"
    if adjective_compound(run[-1].bare):
        return None  # "United Nations-sanctioned"
    words = [t for t in run if t.cap and not is_initial(t)]
    if not words or len(run) == 1 and (len(run[0].bare) < 3 or run[0].bare.isupper()):
        return None  # acronyms are the glossary's
    if len(run) == 1 and run[0].sentence and not (_in_citation(text, run[0].start) and _cited(text, run[0].start, run[0].core) and _author(words)):
        return None  # one capitalised word opening a sentence proves nothing, but an author cited ("(Milekic 2010)") is one
    start, stop = run[0].start, run[-1].core
    generic = all(part in lexicon.GENERIC_PLACE_WORDS for t in words for part in t.bare.split("-"))
    if generic or broken_word(text, start, stop) or fragment(text, start, stop) or len(run) == 1 and _compound(run[0].word):
        return None  # "Organiza:on", "Timor- Leste", "China-U.S.", "COVID-19induced"; "South-East", "North-West"
    numbered = [t for t in words if ROMAN.fullmatch(t.word)]
    if numbered and words[0] is not numbered[0] and given_name(words[0].bare) and not _THE_BEFORE.search(text, max(0, start - 6), start):
        return Found("person", span(text, start, stop), start, stop, "name-run", strong=True, basis="context")  # "Elizabeth II"
    kind, basis = _kind(text, run, words, start, stop)
    initialled = kind == "person" and basis == "shape" and is_initial(run[0])  # "D. B. Weiss"
    if len(words) == 1 and not initialled and not single_name(words[0].bare, kind == "person") and not _named_person(words[0].bare, basis):
        return None  # "Chairmanship", "Republics": no name alone
    if words[-1].word.endswith("'s") and words[-1].word[:-2] in lexicon.NAME_POSSESSIVES:
        return None  # "Children's", "Global Strategy for Women's" of "... for Women's and Children's Health": the name goes on
    heads = lexicon.OTHER_NAME_HEADS
    subject = any(run[k].word == "on" and run[k - 1].bare in heads for k in range(1, len(run) - 1))  # "Convention on ..."
    ends_other = kind != "person" and (words[-1].bare in heads or subject)  # "Kyoto Protocol", "Paris Declaration"
    held = ends_other and len(words) > 1 and any(t.bare in gazetteer() for t in words)
    named = held or kind == "place" and _place_of_run(run)  # "Cape of Good Hope": common words, and a place
    if kind != "person" and not named and not ends_other and all(_common_word(t.bare) for t in words) or nationality(span(text, start, stop)):
        return None  # common words; but "Paris Declaration" holds a place, whose find it keeps (kind "other", below)
    if basis == "default" and len(run) == 1 and title_word(text, run[0].bare, start, stop):
        return None  # "Reducing Emissions from Deforestation and Forest Degradation": a word of a longer title, no name
    if ends_other or kind == "organization" and len(words) > 1 and words[0].bare in heads or plan_of_action([t.word for t in run]):
        kind, basis = "other", "context"  # "Kyoto Protocol", "Treaty of Rome", "Hurricane Irene", "Agenda for Action": no organisation
    name = span(text, start, stop)
    strong = (len(words) >= 2 or initialled or basis == "shape" and _hyphen_particle(run[-1])) and kind == "person"
    canonical = capitalised(name) if kind == "person" and in_capitals(words) else ""
    return Found(kind, name, start, stop, "name-run", strong=strong, canonical=canonical, basis=basis)


def in_capitals(words: list[Tok]) -> bool:
    """Every word of a name set in capitals, as some records set a person's ("KAMALA HARRIS"; "U.S." and "A" are none)."""
    return all(t.bare.isupper() and len(t.bare) > 1 for t in words)


def capitalised(name: str) -> str:
    """A name set in capitals, as a page shows it: each word's first letter kept, the rest in lower case ("KAMALA HARRIS"
    -> "Kamala Harris", "OSSOFF" -> "Ossoff"); a word in mixed case is kept ("McCONNELL")."""
    return " ".join(w[0] + w[1:].lower() if w.isupper() else w for w in name.split())


_CENTURY = frozenset({"Century", "Centuries"})
_ORDINAL_WORD = r"(?:[A-Za-z]+-)?[A-Za-z]*(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth)"
_ORDINAL = re.compile(_ORDINAL_WORD)  # "Nineteenth", "Twenty-First"
_ORDINAL_BEFORE = re.compile(rf"(?<![\w-])(?:\d+(?:st|nd|rd|th)|{_ORDINAL_WORD})[ \t\n]+$")  # "17th ", "nineteenth "


def participle_before(words: list[str]) -> bool:
    """A run of capitalised words opening with a verb's "-ing" form (:func:`~.lexicon.is_participle`; no given name,
    surname or place) before one to three more with no connector or head word: "Discussing Einstein", "Anglicizing
    London", where the verb is no word of the name; not "Financing Facility for Remittances", a body named for its work."""
    if not 2 <= len(words) <= 4:
        return False
    first, rest = words[0], words[1:]
    if not lexicon.is_participle(first) or not no_name_word(first):
        return False
    return all(w[:1].isupper() and not head_word(w) for w in rest)


def _participle_before(run: list[Tok]) -> bool:
    return all(t.cap for t in run) and participle_before([t.bare for t in run])


def title_word(text: str, word: str, start: int, stop: int) -> bool:
    """One English word (:func:`~.lexicon.is_dictionary_word`) at ``start:stop`` inside a longer title (:func:`inside_title`)."""
    return lexicon.is_dictionary_word(word) and inside_title(text, start, stop)


def inside_title(text: str, start: int, stop: int) -> bool:
    """The word at ``start:stop`` stands inside a longer name set in title case that lowercase words break into runs: the
    nearest words on both sides, past one small word of a title or a comma ("from", "that", "the", ", "), are capitalised
    and no date, and one of those words is no "and" or "or" ("Substances that Deplete the Ozone Layer", "Reducing
    Emissions from Deforestation and Forest Degradation"; a list is no title: "Christopher Moore, Morris and Goscinny";
    nor "the President in Phoenix in July")."""
    before = _TITLE_BEFORE.search(text, max(0, start - 40), start)
    after = _TITLE_AFTER.match(text, stop)
    if before is None or after is None or any(w.lower() in lexicon.FUNCTION_WORDS or w in lexicon.DATES for w in (before.group(1), after.group(2))):
        return False  # "on The Solent on February 8"
    between = (before.group(2) + " " + after.group(1)).replace(",", " ").split()
    return all(w in _TITLE_WORDS or w in _COORDINATORS for w in between) and any(w in _TITLE_WORDS for w in between)


_COORDINATORS = frozenset({"and", "or"})  # "Moore, Morris and Goscinny": a list of names, no title
_TITLE_WORDS = frozenset({"of", "from", "that", "against", "for", "to", "the", "on", "with", "without"})  # not "in", "at":
# "the President in Phoenix in July" is a sentence


_ADDRESS = re.compile(r"(?<![\w-])(?:His|Her|Your|Their)[ \t\n]+(?:Royal[ \t\n]+|Serene[ \t\n]+)?([A-Z][a-z]+)[ \t\n]+$")


def addressed(text: str, start: int) -> bool:
    """A form of address for a person comes right before ``start`` ("His Holiness Khamenei", "His Majesty Mswati";
    ``forms-of-address.txt``): the name is a person's. With a title between ("Her Excellency Mrs. Bachelet") the title rule
    has found the person already."""
    match = _ADDRESS.search(text, max(0, start - 40), start)
    return match is not None and match.group(1) in lexicon.FORMS_OF_ADDRESS


_OF_FOR_BEFORE = re.compile(r"(?<![\w-])(?:of|for)[ \t\n]+$")


def complement(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` follows "of" or "for": the complement of a noun before it, never the subject of the verb
    after it ("a spokesman for Amnesty International said", "Lydia Buchtmann for Food Standards Australia, says": the
    spokesman and Lydia Buchtmann say). Not before a possessive: "the gist of Einstein's theory" is Einstein's."""
    return _OF_FOR_BEFORE.search(text, max(0, start - 6), start) is not None and not _POSSESSIVE_AFTER.match(text, end)


_POSSESSIVE_AFTER = re.compile(r"['\u2019](?:s\b|(?!\w))")  # "Einstein's", "Jones' "
_TITLE_BEFORE = re.compile(r"([A-Z][\w\-]*)[ \t\n]*((?:,?[ \t\n]*[a-z]+[ \t\n]+)?|,[ \t\n]*)$")
_TITLE_AFTER = re.compile(r"((?:,?[ \t\n]*[a-z]+)?|,)[ \t\n]+([A-Z][\w\-]*)")


def _named_person(word: str, basis: str) -> bool:
    """A given name the words after it say is a person's ("George's brother", "Grace died"): a name alone, however common
    the word (basis ``context`` from :func:`only_a_person`, as :func:`_kind` gives it)."""
    return basis == "context" and given_name(word) and not lexicon.is_dictionary_word(word)


def no_name_word(word: str) -> bool:
    """A word that is no given name, surname or place of the build's lists: a common word then is only the word."""
    return not given_name(word) and not surname(word) and not is_place_name(word)


def _sentence_adverb(word: str) -> bool:
    """A common word ending in "-ly" that is no one's given name or surname ("Currently", "Unfortunately"; not "Kelly",
    "Holly", "Beverly")."""
    return word.endswith("ly") and _common(word) and no_name_word(word)


def _kind(text: str, run: list[Tok], words: list[Tok], start: int, stop: int) -> tuple[str, str]:
    """Person, place or organisation, from the name's shape and the words around it (module docstring), with what
    says so: ``context`` (a citation, a head word, "in X", words only a person has after it, :func:`only_a_person`, or a
    person's possession before it, "the memoirs of X"),
    ``called`` (a place the text calls one: "the town of Marstal"),
    ``saying`` (a verb of saying: a newspaper says things too) or
    ``shape`` (a person's name's shape alone), which the statistical tagger may overrule, ``given`` (one word that is a
    given name: the tagger overrules it only when sure), or ``default`` (nothing: an organisation for want of evidence)."""
    if _cited(text, start, stop) and _author(words) or SALUTATION.search(text, max(0, start - 16), start) or addressed(text, start):
        return "person", "context"  # "(Milekic 2010)"; a letter's "Dear Hannah:"; "His Holiness Khamenei"
    if leads(text, stop):
        return "organization", "context"  # "Facebook creator Mark Zuckerberg"
    bare = [t.bare for t in words]
    if len(bare) > 1 and bare[-1] in lexicon.GOVERNMENT_WORDS:
        return "organization", "context"  # "The UK Government said": a place's governing body speaks, no person
    speaks = not complement(text, start, stop) and says(text, stop)  # not "a spokesman for X said"
    if speaks and not is_place_name(run_key_of(run)) and not any(w in lexicon.ORG_HEADS for w in bare) and not no_person(bare):
        return "person", "context" if only_a_person(text, stop) else "saying"
    personal = _owned_before(text, start) or _role_after(text, stop)  # "the memoirs of Byron"; "Reymont, a Polish novelist,"
    if personal and not is_place_name(run_key_of(run)) and not any(head_word(w) for w in bare) and not no_person(bare):
        return "person", "context"
    if words[0].bare in lexicon.PLACE_HEADS or words[-1].bare in lexicon.PLACE_HEADS:
        return "place", "context"
    if _place_of_run(run):
        return "place", "context"  # "Pyramid of the Sun", "Temple of the Feathered Serpent"
    if abroad(bare) and not given_name(bare[0]):
        return "place", "context"  # "Anse Bertrand", "Ribeira Grande", "Grande-Terre"; not "Ariana Grande"
    if (_called_a_place(text, start) or _place_noun_after(text, stop, bare)) and not any(head_word(w) for w in bare):
        return "place", "called"  # "the town of Marstal", "the Danish island of Funen", "the Yangtze river"
    if _team(words) or bare[0].split("-")[0] in lexicon.ORG_WORDS_ABROAD:
        return "organization", "context"  # "Houston Astros"; "Hizb al-Islam", "Lashkar-e-Taiba", "Partido Popular"
    if (_person_shape(run, words) or _of_place(run) or _initialled(run, words)) and not _article_named(text, start, stop):
        return "person", "shape"
    before = _BEFORE.search(text, max(0, start - 16), start)
    if len(run) == 1 and before and before.group(1).lower() in lexicon.PLACE_PREPOSITIONS:
        return "place", "context"
    if _one_word_surname(words) and not _THE_BEFORE.search(text, max(0, start - 6), start):
        return "person", "shape"  # "Lermontov", "Titulescu"; not "in Kharkov" (above), "the Romanov"
    if before and _role_noun(before.group(1)) and _plain_name(run, words):
        return "person", "context"  # "designer Halston", "the conquistador leader Montejo", "his friend Tyrannius Rufinus"
    if _PROFESSION_BEFORE.search(text, max(0, start - 40), start) and _plain_name(run, words):
        return "person", "context"  # "the grammarian Aelius Donatus", "the physician Yang Buwei"
    article = _THE_BEFORE.search(text, max(0, start - 6), start)
    if len(run) == 1 and given_name(bare[0]) and not is_common(bare[0]) and bare[0] not in gazetteer() and not article:
        return "person", "given"  # "Cleopatra", "Hannibal" alone name a person; "the Sabine (River)" none
    return "organization", "default"


_ARTICLE_BEFORE = re.compile(_ARTICLE + r"(?:([A-Z][a-z]+)[ \t]+)?$")  # "the", "the British"
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")  # the lowercase word right after a name


def _article_named(text: str, start: int, stop: int) -> bool:
    """An article (and a nationality) before a name of a person's shape, and no noun after it that the name describes:
    a thing or a body named like a person ("the British Red Cross in", "the Little Red Light House,", "the Orange Prince?");
    "the Tom Cruise video", "the Kofi Annan plan" name the person."""
    before = _ARTICLE_BEFORE.search(text, max(0, start - 24), start)
    if before is None or before.group(1) and before.group(1) not in lexicon.DEMONYMS:
        return False
    after = _WORD_AFTER.match(text, stop)
    return after is None or after.group(1) in lexicon.FUNCTION_WORDS or not lexicon.is_article_word(after.group(1))


def _called_a_place(text: str, start: int) -> bool:
    """The words before ``start`` call what follows a place: a determiner, up to two words, a noun for a place below a
    state (``place-nouns.txt``, in lower case) and "of" ("the town of Marstal", "the Danish island of Funen", "a village
    of")."""
    before = _PLACE_OF.search(text, max(0, start - 60), start)
    return before is not None and before.group(1) in lexicon.PLACE_NOUNS and before.group(1) not in _STATES


def _place_noun_after(text: str, stop: int, words: list[str]) -> bool:
    """A lowercase noun for a place follows the name ``words`` ending at ``stop`` (``place-nouns-after.txt``: "the Yangtze
    river", "Jiangsu province", "the Zorbel mountains"), or "region" after a name with no acronym in it ("the Nagorny
    Karabakh region", "the Darfur region"; not "the ASEAN region", a body's members' lands)."""
    after = _WORD_AFTER.match(text, stop)
    if after is None:
        return False
    return after.group(1) in lexicon.PLACE_NOUNS_AFTER or after.group(1) == "region" and not any(is_acronym(w) for w in words)


_STATES = frozenset({"country", "capital", "republic", "kingdom", "emirate"})  # the gazetteer knows those; "the country of
# Cesaria Evora" is the singer's


_PLACE_OF = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)[ \t]+(?:[\w\-]+[ \t]+){0,2}?([a-z]+)[ \t]+of[ \t]+$")


def _role_after(text: str, stop: int) -> bool:
    """An appositive or a predicate after the name ending at ``stop`` says what a person does or is: a comma or "is",
    "was", "became" ..., a determiner, up to two words that are no function words ("American", "former"), and a noun of
    ``role-nouns.txt`` (any case) where the phrase ends or goes on with "of", "at", "in" ... ("Reymont, a Polish
    novelist,", "Halston, the son of a doctor", "Shalev is a Professor at ..."). Not "Acme, a company founded by the
    actor ...": the noun after the determiner is the phrase's head."""
    after = _ROLE_AFTER.match(text, stop)
    if after is None or any(w.lower() in lexicon.FUNCTION_WORDS for w in after.group(1).split()):
        return False
    return after.group(2).lower() in lexicon.ROLE_NOUNS  # "Shalev is a Professor at ..." too


_ROLE_AFTER = re.compile(
    r"(?:,|[ \t]+(?:is|was|became|remains|remained))[ \t]+(?:a|an|the|his|her|their)[ \t]+((?:[\w\-]+[ \t]+){0,2}?)([A-Za-z\-]+)"
    r"(?=[ \t]*(?:[,.;)]|[ \t](?:of|who|and|at|in|for|from|with)[ \t]))"
)


def _role_noun(word: str) -> bool:
    """A noun of ``role-nouns.txt``, or its plural before the first of several people ("athletes Vitas Gerulaitis and
    Jack Nicklaus", "photographers Nat Finkelstein, ...")."""
    return word in lexicon.ROLE_NOUNS or word.endswith("s") and (word[:-1] in lexicon.ROLE_NOUNS or word[:-2] in lexicon.ROLE_NOUNS and word.endswith("es"))


def _plain_name(run: list[Tok], words: list[Tok]) -> bool:
    """One to three capitalised words with no connector, head word or building's word: what a role noun may name."""
    if len(words) > 3 or len(run) != len(words):
        return False
    return not any(t.bare in lexicon.ORG_HEADS or t.bare in lexicon.PLACE_HEADS or t.bare in lexicon.NO_PERSON_WORDS for t in words)


def _descriptor(tok: Tok) -> bool:
    """A capitalised noun for a follower or a profession ("Scientologist", "Methodist", "Egyptologist"), with a derived
    word's ending and no one's given name or surname ("Christian Goldbach" keeps his)."""
    word = tok.bare
    return word.lower().endswith(_DESCRIPTORS) and not given_name(word) and not surname(word) and "-" not in word


_DESCRIPTORS = ("ist", "ists", "ite", "ian")


def _team(words: list[Tok]) -> bool:
    """A team or a club named after its place: a place of the gazetteer (a city too), then a plural that is no one's surname or given
    name ("Houston Astros", "Leeds Rhinos"); a person's name ends in a surname ("Houston Stewart" is someone)."""
    first, last = words[0].bare, words[-1].bare
    return (
        len(words) >= 2
        and first in gazetteer()
        and last.endswith("s")
        and not last.endswith("ss")
        and not surname(last)
        and not given_name(last)
        and not is_place_name(last)
    )


def leads(text: str, stop: int) -> bool:
    """A noun for who founded, owns or runs something follows the name ending at ``stop``, then a capitalised word: the
    name is what the person named next leads ("Facebook creator Mark Zuckerberg", "Apple CEO Tim Cook";
    ``leader-nouns.txt``), an organisation."""
    after = _LEADER_AFTER.match(text, stop)
    return after is not None and after.group(1) in lexicon.LEADER_NOUNS


_LEADER_AFTER = re.compile(r"[ \t]+([A-Za-z-]+)[ \t]+[A-Z]")


def says(text: str, stop: int) -> bool:
    """A verb whose subject is a person follows the name ending at ``stop`` ("Smetana wrote", "Byron, who"), or a verb or
    "and" then "his" or "her" ("Byron received his education", "Chao and his wife"; an organisation's is "its"), or its
    possessive and a noun only a person has ("Byron's memoirs", "Chao's wife")."""
    after = _verb_after(text, stop)
    if after is not None and after.group(1) == "who" and _PLURAL_VERB.match(text, after.end()):
        return False  # "Al-Shabaab and Hizb al-Islam, who are causing havoc": a group
    if after is not None and (after.group(1) in lexicon.SAYING_VERBS or after.group(1) in lexicon.PERSON_VERBS):
        return True
    if _HIS_AFTER.match(text, stop):
        return True  # "Byron received his education", "Chao and his wife"
    if after is not None:
        return False
    owned = _OWNED.match(text, stop)  # the noun or a word before it: "Byron's later memoirs"
    return owned is not None and (owned.group(1) in lexicon.PERSON_POSSESSIONS or owned.group(2) in lexicon.PERSON_POSSESSIONS)


_PLURAL_VERB = re.compile(r"[ \t]+(?:are|were|have|do)\b")  # after "who": the name is a group's


def _verb_after(text: str, stop: int) -> re.Match[str] | None:
    """The first lowercase word after the name ending at ``stop`` (:data:`_AFTER`), or the word after it when that one is
    an adverb ("Goethe once said", "Einstein famously remarked"; ``verb-adverbs.txt``, or a word in "-ly" that is no
    noun or adjective: "the Smith family said" is no adverb)."""
    after = _AFTER.match(text, stop)
    if after is None:
        return None
    word = after.group(1)
    if word in lexicon.VERB_ADVERBS or word.endswith("ly") and not lexicon.is_article_word(word):
        return _AFTER.match(text, after.end()) or after
    return after


def only_a_person(text: str, stop: int) -> bool:
    """What :func:`says` found after the name ending at ``stop`` only a person does or has: a verb of the mind or the heart
    (``person-verbs.txt``: "Byron loved"), "himself", "was born", "died" (``person-only-words.txt``), "his" or "her" after a verb, or a
    noun only a person has after the possessive ("Byron's memoirs"); not a verb of saying, which a newspaper or a
    government takes too ("Sky News says", "Washington said")."""
    after = _verb_after(text, stop)
    if after is not None:
        word = after.group(1)
        return word in lexicon.PERSON_VERBS or word in lexicon.PERSON_ONLY_WORDS or _HIS_AFTER.match(text, stop) is not None
    return _HIS_AFTER.match(text, stop) is not None or _OWNED.match(text, stop) is not None


_HIS_AFTER = re.compile(r"[ \t]+(?:and[ \t]+|[a-z]+(?:ed|[^s]s)[ \t]+)(?:his|her)[ \t]+[a-z]")  # a verb in the past or present, or "and"
_OWNED = re.compile(r"['’]s[ \t]+([a-zé]+)(?:[ \t]+([a-zé]+))?")
_OWNED_BEFORE = re.compile(r"\b([a-zé]+)[ \t]+of[ \t]+$")


def _owned_before(text: str, start: int) -> bool:
    """A noun only a person has, then "of", before the name starting at ``start`` ("the memoirs of Byron", "the death of
    Chávez"; ``person-possessions.txt``), as its possessive after it says ("Byron's memoirs": :func:`says`)."""
    before = _OWNED_BEFORE.search(text, max(0, start - 24), start)
    return before is not None and before.group(1) in lexicon.PERSON_POSSESSIONS


def _in_citation(text: str, start: int) -> bool:
    """The word at ``start`` opens a parenthesis or follows a semicolon: a cited author's place, not a sentence's start."""
    before = text[max(0, start - 3) : start].rstrip()
    return before.endswith(("(", ";"))


def _cited(text: str, start: int, stop: int) -> bool:
    """An author in a citation: before a year ("Bavelier, 2010", "Fantoni et al., 2013", "Milekic (2010)", "Gratton 2008";
    a name of several words followed by a bare year is named with it: "YouTube Rewind 2018"), or inside parentheses that
    end in one ("(Li, Polat, Scalzo, & Bavelier, 2010)")."""
    year = _YEAR_AFTER.match(text, stop)
    if year and (year.group(1) or year.group(2) or "et al" in year.group() or not any(c.isspace() for c in text[start:stop])):
        return True
    close = text.find(")", stop, stop + 120)
    if close < 0 or not _YEAR_END.search(text, stop, close) or "(" in text[stop:close]:
        return False
    opened = text.rfind("(", max(0, start - 120), start)
    return opened >= 0 and ")" not in text[opened:start]


def _author(words: list[Tok]) -> bool:
    """Words that may be an author's name: no head word of an organisation, a place or a work ("Food Security Strategy
    (2009-2013)" cites no one), and some word that is no common English word or is a surname ("Smith (2010)")."""
    if any(head_word(t.bare) for t in words):
        return False
    return any(not _common(t.bare) or surname(t.bare) for t in words)


def _person_shape(run: list[Tok], words: list[Tok]) -> bool:
    """Two to four words shaped as a person's name: family name first ("Deng Xiaoping"), or a given name then a surname
    or an uncommon word ("Antonín Dvořák", "George Washington"; given names or initials between: "Donald John Trump"),
    or uncommon words ending in a surname ("Zaha Hadid") or in a word with a surname's ending (:func:`_surname_ended`: "Ratko Mladic").
    A name set all in capitals ("KAMALA HARRIS", as some records set a person's name) is read as written with one."""
    capitals = len(run) == len(words) and in_capitals(words)
    names = [t.bare.capitalize() if capitals else t.bare for t in words]
    if 1 <= len(words) <= 3 and _hyphen_particle(run[-1]) and given_name(names[0]) and not no_person(names):
        return True  # "Bashar al-Assad", "Abdel Fattah el-Sisi": a given name, and a surname joined to its particle
    if not 2 <= len(words) <= 4 or any(w in lexicon.ORG_HEADS for w in names):
        return False  # "... Bank"
    if any(t.word.lower() in _CONNECTORS or t.bare.isupper() and not capitals and not is_initial(t) for t in run):
        return False  # "Institute of ...", "Guterres UN"
    if no_person(names):
        return False  # "Abraham Accords", "Roman Catholicism", "York Minster", "El Castillo"
    if is_place_name(" ".join(names) if capitals else run_key_of(run)):
        return False
    first, last = names[0], names[-1]
    if family_first(names):
        return True
    if given_name(first) and any(not t.cap and t.word in lexicon.PARTICLES for t in run[1:-1]) and run_key_of(run) not in gazetteer():
        return True  # "Antonio Lopez de Santa Anna", "Ludwig van Beethoven": a given name, then a name particle ("Mar del Plata" a city)
    if "-" in first and all(given_name(part) for part in first.split("-")):
        first = first.split("-")[0]  # "Pierre-Simon Laplace", "Mary-Kate Olsen": given names joined by a hyphen
    if given_name(first) and (surname(last) or not is_common(last) and not is_place_name(last)):
        return True
    middle = all(given_name(n) or is_initial(t) for n, t in zip(names[1:-1], words[1:-1], strict=True))  # "Donald John Trump", "John F. Kennedy"
    if given_name(first) and middle and not is_common(last, 2_000) and not lexicon.is_article_word(last) and not is_place_name(last):
        return name_shape(last)  # "Adele Goldberg": a surname the frequency list ranks high, but no English noun or adjective
    return (surname(last) or _surname_ended(last, several=True)) and not any(is_common(w) for w in names)  # "Zaha Hadid"; "Ratko Mladic"


def _one_word_surname(words: list[Tok]) -> bool:
    """One word with an ending only surnames have (``surname-endings.txt``: "Lermontov", "Titulescu", "Gruevski"), no
    common word or place."""
    return len(words) == 1 and _surname_ended(words[0].bare) and not is_common(words[0].bare)


def _surname_ended(word: str, several: bool = False) -> bool:
    """``word`` ends as only surnames do (``surname-endings.txt``), and is no place of the gazetteer; after other words of a
    name (``several``) the Serbian and Croatian ending may be written without its accent ("Ratko Mladic"), which alone
    is an adjective's too ("Adriatic")."""
    endings = tuple(lexicon.SURNAME_ENDINGS) + (("ic",) if several else ())
    shortest = 5 if several else 6  # "Mladic"; alone, a longer word ("Karimov", not "Azov")
    return len(word) >= shortest and word.endswith(endings) and word not in gazetteer()


def head_word(word: str) -> bool:
    """A word that heads the name of an organisation, a place or a work ("Bank", "Sea", "Accords"): no person's name has it."""
    return word in lexicon.ORG_HEADS or word in lexicon.PLACE_HEADS or word in lexicon.OTHER_NAME_HEADS


def no_person(names: list[str]) -> bool:
    """Capitalised words that are no person's name, whatever their shape or a model says: ending or opening with a head
    word of a work's or a treaty's name ("Abraham Accords", "Treaty of Peace"), an abstract noun's ending ("Roman Catholicism") or a plural that is
    no surname after no given name ("Shore Crabs"; "Jenna Marbles" is someone), holding a building's or a site's word
    ("Tang Teaching Museum", "York Minster", "Fenway Park"; not "Kevin Park": :data:`lexicon.NO_PERSON_WORDS`), or
    opening with an article ("El Castillo"; "Les Saintes", "Al Mukalla" but not "Les Paul", before a surname) or a
    direction or a generic place word before no surname ("North Slope")."""
    if not names:
        return False
    first, last = names[0], names[-1]
    if last in lexicon.OTHER_NAME_HEADS or first in lexicon.OTHER_NAME_HEADS or last.lower().endswith(_ABSTRACT):
        return True  # "Abraham Accords", "Treaty of Peace", "Roman Catholicism"
    if len(names) > 1 and last.endswith("s") and not given_name(first) and not surname(last) and plural(last):
        return True  # "Shore Crabs"
    if any(w in lexicon.NO_PERSON_WORDS and not (given_name(first) and (surname(w) or given_name(w))) for w in names):
        return True
    if len(names) > 1 and first in lexicon.GENERIC_PLACE_WORDS and not surname(last):
        return True  # "North Slope", "Upper Volta"
    return len(names) > 1 and (first in lexicon.NAME_ARTICLES or first in lexicon.GIVEN_ARTICLES and not surname(last))


_ABSTRACT = ("ism", "ity", "ology", "ness", "ship", "hood", "ation")  # endings of abstract nouns, never a surname's


def _initialled(run: list[Tok], words: list[Tok]) -> bool:
    """Initials, then one to three words with no head word or place: a person ("W. W. Rouse Ball", "D. B. Weiss")."""
    if not is_initial(run[0]) or not 1 <= len(words) <= 3 or any(t.word.lower() in _CONNECTORS for t in run):
        return False
    if any(t.bare in lexicon.ORG_HEADS or t.bare in lexicon.PLACE_HEADS or t.bare in gazetteer() for t in words):
        return False  # "S. Denver Ave": a street's compass point before a city
    return not no_person([t.bare for t in words])


def _of_place(run: list[Tok]) -> bool:
    """A person named after a place ("Hilary of Poitiers", "Apollinaris of Laodicea"): one word that is a given name, or
    an uncommon word with a name's shape and no ending of a realm ("Sultanate", "Duchy", "Kingdom"), then "of" and one or
    two capitalised words, each a place of the gazetteer or an uncommon word, none a head word ("Bank of ...", "Isle of
    ..." and "Rapprochement of Cultures" are no one)."""
    if not 3 <= len(run) <= 4 or run[1].word != "of" or not all(t.cap for t in run[2:]):
        return False
    first = run[0].bare
    names = [t.bare for t in run if t.cap]
    if any(head_word(w) or w in lexicon.NO_PERSON_WORDS for w in names):
        return False
    if any(is_entity_word(w) or w in lexicon.GENERIC_PLACE_WORDS for w in names):
        return False
    if not all(w in gazetteer() or not _common(w) for w in names[1:]):
        return False  # "Rapprochement of Cultures", "Non-Proliferation of Nuclear Weapons": a place or a name after "of"
    return given_name(first) or not _common(first) and name_shape(first) and not first.lower().endswith(_REALMS)


_REALMS = ("ate", "dom", "cy", "chy", "ry", "ese")  # "Sultanate", "Kingdom", "Duchy", "Diocese", "Principality" ends in "ity"


def _site_head(word: str) -> bool:
    """A place's or a site's head word that opens a name before "of" ("Cape", "Pyramid", "Temple"), no body's ("College",
    "School": the organisation finder's)."""
    return word not in lexicon.ORG_HEADS and (word in lexicon.PLACE_HEADS or word in lexicon.SITE_WORDS)


def place_of(words: list[str]) -> bool:
    """A place's or a site's head word, "of" and a name ("Cape of Good Hope", "Mount of Olives", "Pyramid of the Sun",
    "Temple of the Feathered Serpent", "Palace of Nations"): a named place, whatever its words."""
    if len(words) < 3 or words[1] != "of":
        return False
    named = words[3:] if words[2] == "the" else words[2:]  # after "of" and "the"
    return _site_head(words[0]) and bool(named) and named[0][:1].isupper()


def _place_of_run(run: list[Tok]) -> bool:
    """:func:`place_of` of a run's words, its second token read first (most runs have no "of" there)."""
    return len(run) > 2 and run[1].word == "of" and place_of([t.word for t in run])


def abroad(words: Iterable[str]) -> bool:
    """A word of ``words``, or a hyphenated part of one, is a place's word in another language (``place-words-abroad.txt``:
    "Anse Bertrand", "Ribeira Grande", "Grande-Terre")."""
    foreign = lexicon.PLACE_WORDS_ABROAD
    return any(w in foreign or "-" in w and not foreign.isdisjoint(w.split("-")) for w in words)


def _common_word(word: str) -> bool:
    """A common English word (:func:`_common`) that is a word and no name. A word the web writes often but no dictionary
    holds in lower case is a name's: one English never uses as a noun or adjective (:func:`rare_name`: "Wikipedia",
    "Taliban") or a city's or a province's ("Guangzhou Opera House"); not one of three letters or fewer, often an
    abbreviation ("Fla."), nor a roman numeral ("Chapter VII"); "Manifesto", "Emeritus", "Nice" are dictionary words."""
    if not _common(word):
        return False
    if len(word) <= 3 or lexicon.is_dictionary_word(word) or ROMAN.fullmatch(word):
        return True
    return not (rare_name(word) or local_place(word))


def _common(word: str) -> bool:
    """A common English word, or a compound of them ("High-level", "God-given")."""
    return all(is_common(part) for part in word.split("-") if part)


def nationality(name: str) -> bool:
    """ "Cypriots", "Haitians", "Costa Ricans": a nationality, singular or plural, names a people, not an organisation. One of
    several words is the name of a place of the gazetteer with a demonym's ending on its last word ("Costa Rica" ->
    "Costa Rican", "Sri Lanka" -> "Sri Lankans", "New Zealand" -> "New Zealanders"). One word is a nationality too when a
    demonym joined by a hyphen to a word before it ends it ("Ibero-American", "African-Americans")."""
    singular = name[:-1] if name.endswith("s") else name
    if name in lexicon.DEMONYMS or singular in lexicon.DEMONYMS:
        return True
    head, _, last = singular.rpartition(" ")
    if not head:
        return "-" in singular and singular.rpartition("-")[2] in lexicon.DEMONYMS  # "Ibero-American"
    return any(last.endswith(end) and is_place_name(f"{head} {last[: len(last) - len(end)]}") for end in _DEMONYM_ENDINGS)


_DEMONYM_ENDINGS = ("n", "an", "ian", "ean", "er", "ese", "i")


def own_word(word: str) -> bool:
    """A word only a name would have: no common English word, place, nationality or title, whole or in each of its
    hyphenated parts ("Skidmore", "Fudan"; not "Russian", "China-Russia", "Fellow")."""
    parts = [p for p in word.rstrip(".").split("-") if p]
    return any(not is_common(p) and not is_place_name(p) and p not in lexicon.DEMONYMS and not is_entity_word(p) for p in parts)


def rare_name(word: str) -> bool:
    """A word outside the 2,000 commonest that English never uses as a noun or adjective (:func:`~.lexicon.is_article_word`),
    whole or in each hyphenated part, with a name's shape: a place's or a company's name the frequency list ranks high
    because the web writes it often ("Yorkshire", "Venice", "Hollywood"), not a word ("Ozone", "Hell", "Supporting").
    Never a title, nationality, head word, direction or place of the gazetteer (a country alone makes no name: "Russia
    Threat"; a city or province is the caller's to weigh)."""
    bare = word.rstrip(".")
    if is_entity_word(bare) or bare in lexicon.GENERIC_PLACE_WORDS or bare in lexicon.DEMONYMS or bare in gazetteer() or is_place_name(bare):
        return False
    parts = bare.split("-")
    return name_shape(bare) and all(p and not is_common(p, 2_000) and not lexicon.is_article_word(p) and not p.endswith("ly") for p in parts)


def _compound(word: str) -> bool:
    """ "China-Russia", "Sino-Russian", "U.S.-led": places or nationalities joined by a hyphen describe a relation, not a name."""
    parts = word.split("-")
    return len(parts) > 1 and any(is_place_name(p) or p in lexicon.DEMONYMS for p in parts)


def adjective_compound(word: str) -> bool:
    """A name joined by a hyphen to an English participle ending a run ("United Nations-sanctioned", "NATO-led",
    "Kremlin-backed"): an adjective made of the name, not the name (a syllable of a name is none: "Ban Ki-moon", "Shin
    Kak-soo")."""
    head, _, tail = word.rpartition("-")
    return bool(head) and tail.islower() and tail.endswith("ed") and lexicon.is_dictionary_word(tail)


def broken_word(text: str, start: int, stop: int) -> bool:
    """A word cut by a stray character ("Organiza:on") or holding a digit: no name. A dash set without spaces is
    punctuation, no break in a word ("Breonna Taylor\u2013say her name", "Smith\u2014the mayor\u2014said")."""
    after = text[stop : stop + 2]
    cut = len(after) == 2 and not after[0].isspace() and after[0] not in "'\u2019\u2013\u2014" and after[1].isalnum()
    return cut or any(c.isdigit() for c in text[start:stop])


def run_key_of(run: list[Tok]) -> str:
    return " ".join(t.word for t in run)


def _all_caps_line(text: str, at: int) -> bool:
    """The line holding ``at`` has letters and no lowercase one: a heading set in capitals."""
    starts, capitals = _capital_lines(text)
    return capitals[bisect_right(starts, at) - 1]


@lru_cache(maxsize=16)
def _capital_lines(text: str) -> tuple[list[int], list[bool]]:
    """Where each line of ``text`` starts, and whether it has letters and no lowercase one: worked out once per text,
    so that asking for every acronym of a long paragraph reads it once, not once per acronym."""
    starts, capitals, at = [], [], 0
    for line in text.split("\n"):
        starts.append(at)
        capitals.append(any(c.isalpha() for c in line) and not any(c.islower() for c in line))
        at += len(line) + 1
    return starts, capitals


_DERIVED = ("ian", "ese", "ic", "ing", "ed", "ism", "ist", "ization", "isation", "ize", "ship", "ness", "hood")
_CONCEPT = ("phobia", "cene")  # "Islamophobia", "Pleistocene": an idea's or an epoch's word, no one's name either


def single_name(word: str, person: bool = False) -> bool:
    """One word that may name an entity alone: no common English word, or one the web writes often that English never
    uses as a word (:func:`rare_name`: "Wikipedia", "Disney"), no acronym (the glossary's), and the shape of a name
    (:func:`name_shape`)."""
    bare = word.rstrip(".")
    return (not is_common(bare) or rare_name(bare)) and not bare.isupper() and name_shape(bare, person)


def name_shape(word: str, person: bool = False) -> bool:
    """One word shaped as a name: no compound with a lowercase part ("UN-led"; a joining word between capitalised parts is
    one: "Pointe-à-Pitre", ``hyphen-joiners.txt``), no plural of a common word or a
    nationality ("Envoys", "Republics", "Sahelians": a group), and unless it is a person's (a surname's ending says
    nothing: "Fleming") no adjective, noun or verb ending ("Malthusian", "Timorese", "Quranic", "Eradicating", "Judaize",
    "Chairmanship"); never an idea's or an epoch's ending ("Islamophobia", "Pleistocene")."""
    bare = word.rstrip(".")
    parts = bare.split("-")
    if not all(_capital_part(p) or 0 < k < len(parts) - 1 and p in lexicon.HYPHEN_JOINERS for k, p in enumerate(parts)):
        return False  # "Pointe-à-Pitre", "Stratford-upon-Avon" are; "UN-led" is not
    lower = bare.lower()
    return (person or not lower.endswith(_DERIVED)) and not lower.endswith(_CONCEPT) and not plural(bare)


def _capital_part(part: str) -> bool:
    """A capitalised part of a hyphenated word, an elided article before it too ("l'Eau" of "Morne-à-l'Eau")."""
    return part[:1].isupper() or part[:2] in ("l'", "d'", "l\u2019", "d\u2019") and part[2:3].isupper()


@lru_cache(maxsize=1 << 16)
def plural(word: str) -> bool:
    """ "Envoys", "Republics", "Sahelians": a plural noun, as inflect reads it, whose singular is a common word or has a
    derived word's ending ("Athens", "Indianapolis" and "Wikinews" are no plurals of anything); "-men" for "-man", a title's
    or a common word's ("Congressmen", "Chairmen"; not "Yemen", "Carmen")."""
    if word.endswith("men"):
        man = word[:-3] + "man"
        return man in lexicon.HEAD_TITLES or is_common(man)
    if not word.endswith("s") or word.endswith("ss"):
        return False
    singular = inflection.engine().singular_noun(word)
    if not singular:
        return False
    if is_common(singular) or singular.lower().endswith(_DERIVED + _PEOPLE) or singular in lexicon.DEMONYMS:
        return True
    return singular.lower().endswith(_MEMBERS) and not surname(word) and not given_name(word)  # "Rogers", "Peters" are names


_PEOPLE = ("ean", "an", "ite")  # endings of a word for a people or a follower ("Belizeans", "Maronites")
_MEMBERS = ("ene", "ot")  # ... and of a follower, unless the plural is a surname ("Nazarenes", "Huguenots"; "-er" ends too many surnames)


def fragment(text: str, start: int, stop: int) -> bool:
    """A piece of a hyphenated name cut where a line broke ("Timor- Leste", "Nagorno- Karabakh"): no name of its own."""
    before = text[max(0, start - 3) : start]
    return bool(_HYPHEN_BEFORE.search(before) or _HYPHEN_AFTER.match(text, stop))


_HYPHEN_BEFORE = re.compile(r"\w-\s*$")
_HYPHEN_AFTER = re.compile(r"-\s*[A-Z]")
