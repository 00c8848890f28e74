"""Places: gazetteer names (rule ``gazetteer``), natural features named after one or after a nationality ("Manila
Bay", "Gulf of Mexico", "Indian Ocean"; rule ``feature``), names an appositive calls a city, province, country ...
("Dongguan, a city in China's Guangdong province,"; rule ``appositive-place``), towns before their state or
country ("born in Stephenville, Texas.", "Eau Gallie, Fla."; rule ``located-place``), and the Earth, the Sun and the
planets where a sentence puts a place ("back on Earth"; rule ``celestial``).

At each capitalised token the longest gazetteer name is taken, then kept unless it is a word of a
longer capitalised run ("Shanghai Cooperation Organization"), of an all-capitals line, or the end
of a word broken across lines. The frequency list ranks place names with words ("london" is among
the 1,000 most frequent), so a one-word city that is also a common word is dropped unless it is a
capital or has a million people, or stands where a sentence puts a place and is no English noun,
adjective or surname ("moved to Boston", "Sheffield and Leeds"); a capital or a big city is dropped
at a sentence's start when the text also uses the word in lowercase ("Male and female ...").
"""

from __future__ import annotations

import re
from functools import cache

from build_docs.data import table
from build_docs.extract.discover import lexicon
from build_docs.extract.discover.appositives import appositive
from build_docs.extract.discover.found import Found, dedupe, span
from build_docs.extract.discover.lexicon import is_common
from build_docs.extract.discover.people import continues_run
from build_docs.extract.discover.person_shapes import given_name, surname
from build_docs.extract.discover.place_names import Place, gazetteer, place_window
from build_docs.extract.discover.tokens import Tok, commas, inside_run, is_acronym, is_entity_word, is_function, run_before, tokenize


def find_places(text: str) -> list[Found]:
    """Places: gazetteer names and names an appositive calls a city, province, country ..."""
    return places_in(text, tokenize(text))


def places_in(text: str, tokens: list[Tok], inner: list[Found] | None = None) -> list[Found]:
    """The places in ``text``, given its tokens (:func:`find_all` tokenizes once for all three finders). A gazetteer name
    left out only because it is a word of a longer capitalised run ("Boston" in "Boston University") goes on ``inner``
    when one is given: :func:`find_all` keeps it where a longer name it found holds it."""
    found = _gazetteer_hits(text, tokens, _LowerWords(text), inner) + _appositive_places(text, tokens) + _located_places(text, tokens)
    return dedupe(found + _celestial(text, tokens))


# -- the Earth and the planets ------------------------------------------------------------

CELESTIAL_BODIES = "discover/celestial-bodies.yaml"
_CELESTIAL_BEFORE = re.compile(r"(?<![\w-])(?:([Tt]he)|on|to|from|of|around|orbit|orbiting|planet|in|near|toward|towards|beyond)[ \t]+$")
_NAME_OF_THE = re.compile(r"[A-Z][\w\-]*[ \t]+of[ \t]+the[ \t]+$")  # "Pyramid of the Sun": a longer name's words


def _celestial(text: str, tokens: list[Tok]) -> list[Found]:
    """The Earth, the Sun, the Moon and the planets by name where a sentence puts a place (``celestial-bodies.yaml``:
    "back on Earth", "orbiting the Sun"; rule ``celestial``): after a preposition or "the" (only "the" for those that
    are surnames too), not opening a sentence, and no word of a longer capitalised name ("Earth Summit", "Mother Earth",
    "Pyramid of the Sun")."""
    bodies: dict[str, str] = table(CELESTIAL_BODIES)
    found = []
    for k, tok in enumerate(tokens):
        needs = bodies.get(tok.word)
        if needs is None or tok.sentence or tok.headline or inside_run(tokens, k):
            continue
        if k + 1 < len(tokens) and tokens[k + 1].joined and tokens[k + 1].cap:
            continue  # "Earth Summit", "Sun Microsystems"
        before = _CELESTIAL_BEFORE.search(text, max(0, tok.start - 12), tok.start)
        if before is not None and (needs == "any" or before.group(1)) and not _NAME_OF_THE.search(text, max(0, tok.start - 40), tok.start):
            found.append(Found("place", tok.word, tok.start, tok.core, "celestial", "", True))
    return found


# -- gazetteer names ----------------------------------------------------------------------


class _LowerWords:
    """The lowercase words of a text, collected the first time one is asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = set(re.findall(r"\b[a-z]+\b", self.text))
        return word in self.words


def _gazetteer_hits(text: str, tokens: list[Tok], lower: _LowerWords, inner: list[Found] | None = None) -> list[Found]:
    """The longest gazetteer name at each capitalised token (windows of up to 8 tokens), then the ones worth keeping."""
    hits: list[tuple[int, int, Place]] = []
    i, n = 0, len(tokens)
    while i < n:
        found = place_window(tokens, i) if tokens[i].cap else None
        if found is not None:
            hits.append((i, found[0], found[1]))
            i = found[0]
        else:
            i += 1
    kept = _features(text, tokens, hits)
    hits = _one_name(tokens, hits)
    inside = {k for a, b, _ in hits for k in range(a, b)}
    for a, b, place in hits:
        keep = _keep_place(text, tokens, a, b, place, lower, inside)
        start, end = tokens[a].start, tokens[b - 1].core
        if keep:
            kept.append(Found("place", span(text, start, end), start, end, "gazetteer", "", True, place.name))
        elif keep is None and inner is not None:
            inner.append(Found("place", span(text, start, end), start, end, "gazetteer", "", True, place.name))
    return kept


def _features(text: str, tokens: list[Tok], hits: list[tuple[int, int, Place]]) -> list[Found]:
    """Natural features named after a gazetteer place or a nationality (rule ``feature``): the place or nationality
    before a head word of ``feature-heads.txt`` ("Manila Bay", "the Arabian Sea"), or the head word, with "of" or not,
    before the place ("Lake Victoria", "the Gulf of Mexico", "Bay of Bengal"), a direction before either ("the East China
    Sea"); one place, confident on one mention. Not
    where the capitalised run goes on ("Manila Bay Hotel", "South China Sea": names found by other rules)."""
    places = {(a, b) for a, b, _ in hits}  # a head word goes before a place, not before a nationality ("Lake Victoria")
    spans = [(a, b) for a, b, _ in hits] + [(k, k + 1) for k, t in enumerate(tokens) if t.cap and t.word in lexicon.DEMONYMS]
    found = []
    for a, b in spans:
        start = end = None
        if b < len(tokens) and tokens[b].joined and tokens[b].word in lexicon.FEATURE_HEADS and not tokens[b - 1].possessive:
            start, end = a, b + 1
        elif a > 0 and tokens[a].joined and tokens[a - 1].word in lexicon.FEATURE_HEADS and (a, b) in places:
            start, end = a - 1, b
        elif a > 1 and tokens[a].joined and tokens[a - 1].word == "of" and tokens[a - 1].joined and tokens[a - 2].word in lexicon.FEATURE_HEADS:
            start, end = (a - 2, b) if (a, b) in places else (None, None)
        if start is None or end is None or any(t.headline or t.possessive for t in tokens[start : end - 1]):
            continue
        if start > 0 and tokens[start].joined and _direction(tokens[start - 1]):
            start -= 1  # "the East China Sea": a direction opens the feature's name
        if _goes_on(tokens, start - 1, start) or _goes_on(tokens, end, end - 1):
            continue
        first, last = tokens[start].start, tokens[end - 1].core
        found.append(Found("place", span(text, first, last), first, last, "feature", "", True))
    return found


def _direction(tok: Tok) -> bool:
    """A direction or a generic area word ("East", "Upper", "Greater"; ``generic-place-words.txt``), not itself a head word."""
    word = tok.word
    return tok.cap and not tok.possessive and word in lexicon.GENERIC_PLACE_WORDS and word not in lexicon.FEATURE_HEADS and word not in lexicon.PLACE_HEADS


def _goes_on(tokens: list[Tok], k: int, next_to: int) -> bool:
    """Token ``k``, next to token ``next_to``, continues its capitalised run ("South" of "South China Sea")."""
    low, high = min(k, next_to), max(k, next_to)
    if low < 0 or high >= len(tokens) or not tokens[high].joined or tokens[low].possessive:
        return False
    return tokens[k].cap and not is_function(tokens[k])


def _one_name(tokens: list[Tok], hits: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """Gazetteer names side by side in one run are one name, not two places: "Guinea Bissau" is Guinea-Bissau when the
    gazetteer knows it with a hyphen; "the Niger Congo language phylum" names no place at all."""
    kept: list[tuple[int, int, Place]] = []
    k = 0
    while k < len(hits):
        a, b, place = hits[k]
        last = k
        while last + 1 < len(hits) and hits[last + 1][0] == hits[last][1] and tokens[hits[last + 1][0]].joined and not tokens[hits[last][1] - 1].possessive:
            last += 1
        if last == k:
            kept.append((a, b, place))
        else:
            whole = gazetteer().get("-".join(t.word for t in tokens[a : hits[last][1]]))
            if whole is not None:
                kept.append((a, hits[last][1], whole))
            else:  # "Metro Toronto": a common word that is also some small city is no place beside a real one
                side = [hits[m] for m in range(k, last + 1) if not _common_town(tokens, hits[m])]
                if len(side) == 1:
                    kept.append(side[0])
        k = last + 1
    return kept


def _common_town(tokens: list[Tok], hit: tuple[int, int, Place]) -> bool:
    """A one-word city of the gazetteer, not a big one, whose word English uses ("Metro", "Mobile", "Nice")."""
    a, b, place = hit
    return b - a == 1 and place.kind == "city" and not place.major and is_common(tokens[a].word)


def _keep_place(text: str, tokens: list[Tok], a: int, b: int, place: Place, lower: _LowerWords, inside: set[int]) -> bool | None:
    """Not a common word standing for something else, not a word of an all-capitals line, not part of a longer name;
    ``None`` when it is all that but a word of a longer capitalised run ("Boston University")."""
    first = tokens[a]
    if first.broken:
        return False  # "Timor-\nLeste": the end of a word broken across lines
    if b - a == 1 and place.kind != "country":
        word = first.word
        if is_common(word) and not place.major and _placed(text, tokens, a, lower):
            pass  # "moved to Boston", "Sheffield and Leeds": a city the frequency list ranks high, where a sentence puts a place
        elif is_common(word) and _own_region(word, place) and not _NUMBER_AFTER.match(text, first.core):
            pass  # "Tasmania was excluded": a state's name the web writes often, and no word or person's name ("Bono 10,000" a programme)
        elif is_common(word) and not place.major and _named_for(tokens, a, b, lower, inside):
            return None  # "Pittsburgh Pirates", "Aberdeen Grammar School": the city a longer name is named after
        elif is_common(word) and (not place.major or (first.sentence or first.headline) and word.lower() in lower):
            return False  # "Nice", "Mobile", "Reading"; "Male and female ..."
        if word.isupper() and place.kind != "region":
            return False  # an acronym that spells a city
    if first.word.isupper() and any(_caps_neighbour(tokens, k) for k in (a - 1, b)):
        return False  # "LET US" in an all-capitals line
    return None if any(0 <= k < len(tokens) and k not in inside and _run_neighbour(tokens, k, a, b) for k in (a - 1, b)) else True


_NUMBER_AFTER = re.compile(r"[ \t]+\d")


def _own_region(word: str, place: Place) -> bool:
    """A state's, a province's or a region's one-word name that English writes only as the name: no word of the
    dictionary, given name or surname ("Tasmania", "Manitoba", "Maine"; not a city's: "Newton", "Mobile")."""
    return place.kind in ("subdivision", "region") and not lexicon.is_dictionary_word(word) and not given_name(word) and not surname(word)


def _named_for(tokens: list[Tok], a: int, b: int, lower: _LowerWords, inside: set[int]) -> bool:
    """A one-word city the frequency list ranks high that opens a longer capitalised run ("Pittsburgh Pirates", "Ontario
    Ghostbusters", "Aberdeen Grammar School", never after another capitalised word): a name named after it, when English never uses the word as a noun or
    adjective, the text never writes it in lower case and it is no surname ("Reading Room", "Phoenix Suns", "Washington
    University" stay as they were). Kept only where :func:`~build_docs.extract.discover.find_all` finds an organisation
    holding it (:func:`~build_docs.extract.discover._held`)."""
    tok = tokens[a]
    if tok.possessive or tok.word.lower() in lower or lexicon.is_article_word(tok.word) or surname(tok.word):
        return False
    if inside_run(tokens, a):
        return False  # "317 S Detroit Ave.", "W. Lansing Gleason": a word inside a run, not the city it opens
    return b < len(tokens) and b not in inside and _run_neighbour(tokens, b, a, b)


_PLACED = re.compile(r"(?<![\w-])(?:in|to|from|near|across|throughout|outside|around)[ \t]+$")
_AFTER_LOWER = re.compile(r"(?:(?<![\w.'\u2019-])[a-z][a-z'-]*[ \t]+|[,;:(][ \t]*)$")


def _placed(text: str, tokens: list[Tok], a: int, lower: _LowerWords) -> bool:
    """A capitalised word inside a sentence that the text never writes in lower case and English never uses as a noun or
    adjective ("met in Nice", "went to Reading" stay common words; :func:`~.lexicon.is_article_word`), right after a
    preposition of place or movement ("moved to Boston", "near Portsmouth"), or after another lowercase word or a comma
    when it is no surname of any tradition ("Sheffield and Leeds"; "Jackson", "Lincoln" may be people): where a sentence
    puts a place. Next to a capitalised word it is no evidence ("319 S. Denver" is a street, "W. Lansing Gleason" a man,
    "New York's Columbia University" named after no city)."""
    tok = tokens[a]
    if tok.sentence or tok.headline or tok.possessive or tok.word.lower() in lower or lexicon.is_article_word(tok.word):
        return False
    alone = not (a + 1 < len(tokens) and tokens[a + 1].joined and tokens[a + 1].cap)
    if alone and not surname(tok.word) and _AFTER_LOWER.search(text, max(0, tok.start - 30), tok.start):
        return True
    return _PLACED.search(text, max(0, tok.start - 12), tok.start) is not None


def _caps_neighbour(tokens: list[Tok], k: int) -> bool:
    return 0 <= k < len(tokens) and is_acronym(tokens[k].word)


def _run_neighbour(tokens: list[Tok], k: int, a: int, b: int) -> bool:
    """Token ``k`` next to the place at ``a:b`` continues its capitalised run: "Shanghai Cooperation", "Kazan Federal"."""
    tok = tokens[k]
    joined = tokens[a].joined if k < a else tok.joined
    if not joined or not tok.cap or (k < a and tok.possessive) or (k >= b and tokens[b - 1].possessive):
        return False
    w = tok.bare
    if is_function(tok) or w in lexicon.DATES or w in lexicon.DEMONYMS or w in lexicon.HEAD_TITLES:
        return False  # "In Moscow", "Moscow Mayor"
    return not (k < a and (w in lexicon.ROLE_PREFIXES or w in lexicon.TITLE_MODIFIERS or w.replace(".", "").isupper()))


# -- appositives --------------------------------------------------------------------------


def _appositive_places(text: str, tokens: list[Tok]) -> list[Found]:
    """ "NAME, a city in ...," -> NAME, a place, with the appositive as its role."""
    found = []
    for i in commas(text, tokens):
        start = _place_name_before(tokens, i)
        role = appositive(text, tokens[i].end, lexicon.PLACE_NOUNS, lowercase=True) if start is not None else None
        if start is None or role is None:
            continue
        a, b = tokens[start].start, tokens[i].core
        found.append(Found("place", span(text, a, b), a, b, "appositive-place", span(text, *role), True))
    return found


_COMMA = re.compile(r",[ \t]*")
_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:in|of|at|from|to|near|outside|around)[ \t]+$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")  # a letter's heading, a dateline: "Eau Gallie, Fla."
_PHRASE_END = re.compile(r"[ \t]*(?:[.;:)!?]|,(?![ \t]*[A-Z]))")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_ABBREVIATION_END = re.compile(r"[ \t]*(?:$|\n|[,;:)\u2014\u2013-]|[a-z(\d])")  # not "Mr. Smith, Miss. Jones"
STATE_ABBREVIATIONS = "discover/state-abbreviations.yaml"


@cache
def _state_abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern matching any abbreviation of a state of the United States ("Fla.", "N.Y."), longest first, and the
    state each names (``state-abbreviations.yaml``)."""
    states: dict[str, str] = table(STATE_ABBREVIATIONS)
    pattern = re.compile("|".join(re.escape(a) for a in sorted(states, key=lambda a: (-len(a), a))))
    return pattern, states


def _state_after(text: str, tokens: list[Tok], i: int) -> Found | None:
    """The abbreviation of a state at token ``i`` ("Fla." of "Eau Gallie, Fla."), a place going by the state's name
    where the gazetteer gives that name to the state ("Ga." names the state, "Georgia" the country: no find, ``kind``
    "other", though it still locates the town)."""
    pattern, states = _state_abbreviations()
    written = pattern.match(text, tokens[i].start)
    if written is None or not _ABBREVIATION_END.match(text, written.end()):
        return None
    state = states[written.group()]
    place = gazetteer().get(state)
    kind = "place" if place is not None and place.kind == "subdivision" and place.country == "US" else "other"
    return Found(kind, written.group(), written.start(), written.end(), "located-place", "", True, canonical=state)


def _located_places(text: str, tokens: list[Tok]) -> list[Found]:
    """ "born in Stephenville, Texas.", "the hometown of Sun Valley, Idaho, where": a name of one to three capitalised words
    after a preposition of place ("in", "of", "at", "to" ...), then a comma and a country or top-level subdivision of the
    gazetteer that ends the phrase (a full stop, a semicolon, a comma before no capitalised word), is a place in it (rule
    ``located-place``; a town too small for the gazetteer). Not a fronted phrase before a clause's subject ("As one of
    its Member States, Afghanistan supports ..."), nor a list ("of Sudan, Chad, Niger"), nor an organisation or a work
    ("at Skidmore College, New York."). A name opening its line needs no preposition where the state ends the line (a
    letter's heading, a dateline: "Tulsa, Oklahoma"), nor does one before a state's abbreviation ("Eau Gallie, Fla.",
    ``state-abbreviations.yaml``; no clause opens with one), itself a find going by the state's name."""
    found = []
    for i in commas(text, tokens):
        if i + 1 >= len(tokens) or not _COMMA.fullmatch(text, tokens[i].end, tokens[i + 1].start):
            continue
        state = _state_after(text, tokens, i + 1) if tokens[i + 1].cap else None
        phrase_end = True  # after a state's abbreviation, as _state_after checks
        if state is None:
            located = place_window(tokens, i + 1)
            if located is None or located[1].kind not in ("country", "subdivision"):
                continue
            end = tokens[located[0] - 1].end
            phrase_end = _PHRASE_END.match(text, end) is not None
            if not phrase_end and not _LINE_END.match(text, end):
                continue
        start = _place_name_before(tokens, i)
        if start is None:
            continue
        before = max(0, tokens[start].start - 12)
        heading = _LINE_START.search(text, before, tokens[start].start) is not None  # "Tulsa, Oklahoma" on a line of its own
        if not phrase_end and not heading:
            continue  # a state ending the line ends the phrase only when the town opens it
        if not (state or heading or _PLACE_BEFORE.search(text, before, tokens[start].start)):
            continue  # an abbreviation cannot open a clause: "As one of its Member States, Afghanistan supports ..." can
        a, b = tokens[start].start, tokens[i].core
        heads = any(t.bare in lexicon.ORG_HEADS or t.bare in lexicon.OTHER_NAME_HEADS for t in tokens[start : i + 1])
        if not heads and not any(c.isdigit() for c in text[a:b]):
            found.append(Found("place", span(text, a, b), a, b, "located-place", "", True))
            found += [state] if state is not None and state.kind == "place" else []
    return found


def _place_name_before(tokens: list[Tok], i: int) -> int | None:
    """Start of a place name of 1-3 capitalised words ending at token ``i``."""

    def place_token(tok: Tok) -> bool:
        return tok.cap and not is_function(tok) and not is_entity_word(tok.bare) and not tok.word.isupper()

    start = run_before(tokens, i, place_token, 3)
    if start is None or start > 0 and tokens[start].joined and continues_run(tokens[start - 1]):
        return None
    while start < i and tokens[start].sentence and _english(tokens[start].word):
        start += 1  # "Concerning Guinea-Bissau, a country ..." (not "Eau Gallie, Fla.": no word of the dictionary)
    if all(t.word in lexicon.GENERIC_PLACE_WORDS for t in tokens[start : i + 1]):
        return None  # "the global North, a ..."
    if start == i and tokens[i].sentence and (_english(tokens[i].word) or tokens[i].word.endswith("ly")):
        return None
    return start


def _english(word: str) -> bool:
    """A common word the dictionary has: opening a sentence, the word, not a place's name ("Concerning"; not "Eau")."""
    return is_common(word) and lexicon.is_dictionary_word(word)
