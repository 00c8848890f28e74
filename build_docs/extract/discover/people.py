"""People: a name after a title ("Chinese President Xi Jinping"; rule ``title-before``), before an appositive title
("Glazyev, advisor to the Russian president, said"; rule ``appositive-title``), or with an epithet ("Peter the Great";
rule ``epithet``), and God or a god by name ("God", "Allah"; rule ``deity``).

A name is 1-3 capitalised words (:data:`MAX_NAME_WORDS`, initials and particles such as "bin" or
"von der" not counted) that are not titles, dates or nationalities, not all very common words and
not followed by more capitalised words (that would be an organisation or a heading). A name after
a title is strong when the title is a head of state or government, minister, ambassador ... and
the name has an uncommon word, or whatever the title when the name is one uncommon word ("Mr. Nimetz", "Lord
Palmerston") or one surname of the naming lists, however common the word ("President Bush", "Mayor Tate"), or a given
name and a surname
("Speaker Nancy Pelosi", "Bishop Diego de Landa"), as a run of such words is (:mod:`.names`), or a verb only a
person takes follows it ("as Congresswoman Dean said"; :func:`~.names.says`); a name before an appositive is strong
unless it stands in a headline. A plural title names each person of the list after it ("Senators Kelly, Hickenlooper,
and Luján"), and a name set in capitals after a title, as the Congressional Record sets names ("Senator WARNOCK"), goes
by its capitalised form ("Warnock").
"""

from __future__ import annotations

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.appositives import appositive
from build_docs.extract.discover.found import Found, dedupe, span
from build_docs.extract.discover.lexicon import VERY_COMMON_RANK, is_common
from build_docs.extract.discover.names import capitalised, head_word, no_person, says
from build_docs.extract.discover.person_shapes import family_first, given_name, surname
from build_docs.extract.discover.place_names import is_place_name, place_at
from build_docs.extract.discover.titles import plural_title, role_prefix, title_phrase, title_word
from build_docs.extract.discover.tokens import (
    LIST_JOIN,
    Tok,
    commas,
    is_entity_word,
    is_function,
    is_initial,
    particle_prefixed,
    regnal,
    run_before,
    run_key,
    tokenize,
)

MAX_NAME_WORDS = 3  # capitalised words in a person's name


def find_people(text: str) -> list[Found]:
    """People named after a title ("President Xi") or before an appositive title ("Glazyev, advisor to ...")."""
    return people_in(text, tokenize(text))


def people_in(text: str, tokens: list[Tok]) -> list[Found]:
    """The people in ``text``, given its tokens (:func:`find_all` tokenizes once for all three finders)."""
    return dedupe(_title_before(text, tokens) + _appositive_title(text, tokens) + _epithets(text, tokens) + _deities(text, tokens))


def _deities(text: str, tokens: list[Tok]) -> list[Found]:
    """God, a god or a religion's founder by name (``deities.txt``: "God be praised!", "Allah", "Jesus Christ"): a
    person on one mention (rule ``deity``), unless the name is a word of a longer capitalised name ("Christ Church",
    "Jesus College") or of a headline."""
    found = []
    k, n = 0, len(tokens)
    while k < n:
        tok = tokens[k]
        before = tokens[k - 1] if k > 0 else None
        if tok.word not in lexicon.DEITIES or tok.headline or before and tok.joined and before.cap and not before.sentence and not before.possessive:
            k += 1
            continue
        end = k
        while end + 1 < n and tokens[end + 1].joined and tokens[end + 1].word in lexicon.DEITIES and not tokens[end].possessive:
            end += 1  # "Jesus Christ"
        after = tokens[end + 1] if end + 1 < n else None
        if after is None or not (after.joined and after.cap and not tokens[end].possessive):
            found.append(Found("person", span(text, tok.start, tokens[end].core), tok.start, tokens[end].core, "deity", "", True))
        k = end + 1
    return found


def _epithets(text: str, tokens: list[Tok]) -> list[Found]:
    """A name of one word, "the" and an epithet ("Peter the Great", "Constantine the Great", "William the Conqueror";
    ``epithets.txt``): one person, named whole (rule ``epithet``), never the city "Constantine"."""
    found = []
    for k in range(1, len(tokens) - 1):
        name, the, epithet = tokens[k - 1], tokens[k], tokens[k + 1]
        if the.word != "the" or not the.joined or not epithet.joined or epithet.bare not in lexicon.EPITHETS:
            continue
        if not name.cap or name.headline or is_entity_word(name.bare) or is_function(name) or name.possessive:
            continue
        if k >= 2 and name.joined and tokens[k - 2].cap and not title_word(tokens[k - 2]):
            continue  # one word of a name before the epithet, or a title before it ("Tsar Peter the Great")
        found.append(Found("person", span(text, name.start, epithet.core), name.start, epithet.core, "epithet", "", True))
    return found


# -- a title before the name --------------------------------------------------------------


def _title_before(text: str, tokens: list[Tok]) -> list[Found]:
    found: list[Found] = []
    i, n = 0, len(tokens)
    while i < n:
        if not title_word(tokens[i]):
            listed = _plural_title(text, tokens, i)
            found += listed
            i = _token_after(tokens, listed[-1].end, i) if listed else i + 1
            continue
        j, head = title_phrase(tokens, i)
        if j == i + 1 and head in lexicon.NAME_TITLES and i > 0 and tokens[i].joined and _name_word(tokens[i - 1]):
            head = ""  # "Hassan Sheikh Mohamud": a word of a name
        name_end = _name_after(text, tokens, j) if head else j
        if name_end == j:
            i = max(j, i + 1)
            continue
        role_start = role_prefix(tokens, i)
        role = span(text, tokens[role_start].start, tokens[j - 1].core)
        words = [t.bare for t in tokens[j:name_end] if t.cap]
        if no_person(words) or words and head_word(words[-1]):
            i = name_end  # "Sheikh Lotf Allah Mosque", "Prince Edward Island", "General Lee Avenue": a title in a place's name
            continue
        found.append(_titled(text, tokens, j, name_end, head, role, tokens[j - 1].cap))
        i = name_end
    return found


def _titled(text: str, tokens: list[Tok], j: int, name_end: int, head: str, role: str, capital: bool) -> Found:
    """The person named by tokens ``j`` to ``name_end`` after a title whose head word is ``head`` (``capital``: the
    title is capitalised, "President", not "president"); a name the source sets in capitals ("Senator WARNOCK", as the
    Congressional Record does) goes by its capitalised form ("Warnock")."""
    name = tokens[j:name_end]
    start, end = name[0].start, name[-1].core
    one = len(name) == 1 and capital
    office = (head in lexicon.STRONG_TITLES and capital or one) and _has_uncommon(name) or one and _a_surname(name[0]) or regnal(text, tokens, name_end - 1)
    strong = not name[0].headline and not _cut(tokens, name_end) and (office or _full_name(name) or says(text, end))
    written = span(text, start, end)
    canonical = capitalised(written) if _capitals(name[0]) else ""
    return Found("person", written, start, end, "title-before", role, strong, canonical)


def _plural_title(text: str, tokens: list[Tok], i: int) -> list[Found]:
    """The people a plural title at token ``i`` names, one by one, in a list joined by commas, "and" or "or" ("Senators
    Kelly, Hickenlooper, and Luján", "Presidents Obama, Ahmadinejad or Chávez"): each as the title's singular would name
    them, when the list names two or more."""
    head = plural_title(tokens[i])
    if not head or not tokens[i].cap or tokens[i].possessive:
        return []
    found: list[Found] = []
    j = i + 1
    while j < len(tokens):
        name_end = _name_after(text, tokens, j, listed=bool(found))
        if name_end == j or no_person([t.bare for t in tokens[j:name_end] if t.cap]):
            break
        found.append(_titled(text, tokens, j, name_end, head, span(text, tokens[i].start, tokens[i].core), True))
        joined = LIST_JOIN.match(text, tokens[name_end - 1].core)
        if joined is None:
            break
        j = _token_after(tokens, joined.end(), name_end)
        if j >= len(tokens) or tokens[j].start != joined.end():
            break
    return found if len(found) > 1 else []  # one name after a plural is a place's or a body's ("Kings Cross", "Queens Park")


def _token_after(tokens: list[Tok], end: int, i: int) -> int:
    """The index of the first token from ``i`` on that starts at or after ``end``."""
    while i < len(tokens) and tokens[i].start < end:
        i += 1
    return i


def _name_after(text: str, tokens: list[Tok], j: int, listed: bool = False) -> int:
    """Index after a person's name starting at token ``j`` (``j`` itself when there is none), a regnal number ending it
    ("Pope Damasus I", "King Louis XV of France"); ``listed``: token ``j`` follows a comma or "and" of a list, not the
    title itself."""
    n = len(tokens)
    if j < n and (listed or tokens[j].joined) and _capitals(tokens[j]):
        k = j + 1
        while k < n and k - j < MAX_NAME_WORDS and tokens[k].joined and _capitals(tokens[k]):
            k += 1
        return k  # "Senator WARNOCK", "Mr. SCHUMER": a name set in capitals after a title
    if j >= n or not (listed or tokens[j].joined) or not _name_word(tokens[j]) or is_initial(tokens[j]) and not _initials_then_name(tokens, j):
        return j
    if place_at(tokens, j):
        return j
    k = j
    numbered = False
    while k < n and (k == j or tokens[k].joined) and not (k > j and tokens[k - 1].possessive):
        tok = tokens[k]
        if k > j and not tokens[k - 1].possessive and regnal(text, tokens, k):
            k, numbered = k + 1, True
            break
        inner = tok.word.lower() in lexicon.PARTICLES or tok.word in lexicon.NAME_TITLES and k > j  # "bin", "Hassan Sheikh Mohamud"
        particle = inner and k + 1 < n and tokens[k + 1].joined and (_name_word(tokens[k + 1]) or _after_particle(tokens[k + 1]))
        after = k > j and tokens[k - 1].word.lower() in lexicon.PARTICLES and _after_particle(tok)  # "Qaboos bin Said"
        if not (particle or after or _name_word(tok) and not is_place_name(tok.word)):
            break
        k += 1
    while k > j and tokens[k - 1].word in lexicon.PARTICLES:
        k -= 1
    words = [t for t in tokens[j : k - numbered] if not is_initial(t) and not _inner_particle(t, j, tokens) and t.word not in lexicon.NAME_TITLES]
    if not words or len(words) > MAX_NAME_WORDS or is_initial(tokens[k - 1]) or len(words[0].bare) < 2:
        return j
    if k < n and tokens[k].joined and not tokens[k - 1].possessive and continues_run(tokens[k]):
        return j  # the capitalised run goes on: an organisation's name or a heading, not a person's
    if all(is_common(t.bare, VERY_COMMON_RANK) for t in words) or tokens[j].headline and not _has_uncommon(words):
        return j
    return k


def _capitals(tok: Tok) -> bool:
    """A word set in capitals that may be a name after a title: three letters or more with a vowel, in no headline, and
    written in its capitalised form no title, date, nationality, function word or place ("Senator WARNOCK"; not
    "President USA", a place, nor "Minister BBC", no vowel). An acronym with a vowel the gazetteer lacks passes ("Envoy
    UNAMA"): a title before an acronym is rare."""
    w = tok.bare
    if len(w) < 3 or not w.isalpha() or not w.isupper() or tok.headline or not any(c in "AEIOUY" for c in w):
        return False
    word = capitalised(w)
    return word.lower() not in lexicon.FUNCTION_WORDS and not is_entity_word(word) and not is_place_name(word) and not is_place_name(w)


def _after_particle(tok: Tok) -> bool:
    """A capitalised word that is a function word ("Said") and no title or date: a name after a particle ("Qaboos bin Said")."""
    return tok.cap and tok.bare.lower() in lexicon.FUNCTION_WORDS and not is_entity_word(tok.bare)


def _initials_then_name(tokens: list[Tok], j: int) -> bool:
    """Token ``j`` is an initial opening a name: initials, then a word of a name ("Mr. W. Lansing Gleason", "Dr. J. Robert
    Oppenheimer"); an initial alone after a title names nobody ("Mr. A.")."""
    k = j
    while k < len(tokens) and is_initial(tokens[k]) and (k == j or tokens[k].joined):
        k += 1
    return k < len(tokens) and tokens[k].joined and _name_word(tokens[k])


def _inner_particle(tok: Tok, j: int, tokens: list[Tok]) -> bool:
    """A particle ("bin", "Al", "van") that is not the first word of the name starting at token ``j``."""
    return tok.word.lower() in lexicon.PARTICLES and tok is not tokens[j]


# -- an appositive title after the name ---------------------------------------------------


def _appositive_title(text: str, tokens: list[Tok]) -> list[Found]:
    """ "NAME, [a|the] [adjectives] TITLE ...," -> NAME with the appositive as its role."""
    found: list[Found] = []
    for i in commas(text, tokens):
        start = _name_before(tokens, i)
        role = appositive(text, tokens[i].end, lexicon.APPOSITIVE_TITLES) if start is not None else None
        if start is None or role is None:
            continue
        a, b = tokens[start].start, tokens[i].core
        found.append(Found("person", span(text, a, b), a, b, "appositive-title", span(text, *role), not tokens[start].headline))
    return found


def _name_before(tokens: list[Tok], i: int) -> int | None:
    """Start of a person's name of 1-3 uncommon capitalised words ending at token ``i``."""

    def name_token(tok: Tok) -> bool:
        return _name_word(tok) or is_initial(tok) or tok.word in lexicon.PARTICLES

    start = run_before(tokens, i, name_token, 6)
    if start is None:
        return None
    while start <= i and tokens[start].word in lexicon.PARTICLES:
        start += 1
    if start > 0 and tokens[start].joined and continues_run(tokens[start - 1]) and not tokens[start - 1].possessive:
        return None  # part of a longer capitalised run
    run = tokens[start : i + 1]
    words = [t for t in run if not is_initial(t) and t.word not in lexicon.PARTICLES]
    if not words or len(words) > MAX_NAME_WORDS or is_initial(run[0]):
        return None
    if is_place_name(run_key(run)) or any(is_place_name(t.word) for t in words):
        return None
    if not _has_uncommon(words) or any(is_common(t.bare, VERY_COMMON_RANK) for t in words):
        return None
    if run[0].sentence and (is_common(run[0].bare) or len(run) == 1 and run[0].word.endswith("ly")):
        return None  # "However, ...", "Fifthly, ..."
    return start


# -- name words ---------------------------------------------------------------------------


def _name_word(tok: Tok) -> bool:
    """A token that may be part of a person's name: capitalised, not a title, date or nationality."""
    w = tok.bare
    if not tok.cap or w.isupper() and len(w) > 1 and "." not in w:
        return particle_prefixed(w)  # "al-Assad", "d'Escoto"
    if is_initial(tok):
        return True  # "Yahya A. J. J. Jammeh": an initial "A." or "I." is no article or pronoun
    if w.lower() in lexicon.FUNCTION_WORDS or is_entity_word(w) or w in lexicon.NAME_SUFFIXES:
        return False
    return not (len(w) > 1 and w.count(".") > 1)  # "U.S." is no name


def continues_run(tok: Tok) -> bool:
    """A capitalised word after a name that makes it part of a longer name ("President Putin Foundation")."""
    w = tok.bare
    if not tok.cap or is_function(tok) or w in lexicon.DATES or title_word(tok) or w in lexicon.DEMONYMS:
        return False
    return not is_place_name(tok.word)


def _has_uncommon(toks: list[Tok]) -> bool:
    return any(not is_common(t.bare) for t in toks if not is_initial(t) and t.word not in lexicon.PARTICLES)


def _a_surname(tok: Tok) -> bool:
    """A word of the naming traditions' surnames ("Baker", "Bush", "Scott"), read in its capitalised form when set in
    capitals ("Senators KELLY, ..."): after a capitalised title, a person's name however common the word ("President
    Bush", "Mayor Tate", "Special Envoy Mitchell"); a common word no one's surname stays weak ("the Chief Guest")."""
    return surname(capitalised(tok.bare) if _capitals(tok) else tok.bare)


def _full_name(toks: list[Tok]) -> bool:
    """A given name and a surname ("Boris Johnson", "Nancy Pelosi", "Diego de Landa"), initials and a surname ("W. Lansing
    Gleason"), or a family-first name ("Deng Xiaoping"), with no head word of a place's, an organisation's or a work's
    name: after any title, a person's full name, confident on one mention as a run of such words is (:mod:`.names`)."""
    words = [t.bare for t in toks if not is_initial(t) and t.word not in lexicon.PARTICLES]
    if toks and is_initial(toks[0]) and words and not any(head_word(w) for w in words):
        return surname(words[-1]) or not is_common(words[-1])  # "W. Gleason", "W. Lansing Gleason": initials and a surname
    if len(words) < 2 or any(head_word(w) for w in words):
        return False  # "the Emperor Norton Bridge": a bridge named after him
    if family_first(words):
        return True
    return given_name(words[0]) and (surname(words[-1]) or not is_common(words[-1]))


def _cut(tokens: list[Tok], k: int) -> bool:
    """Token ``k`` goes on with the name in a form it does not read: a lowercase word with a capital inside
    ("Valéry Giscard d'Estaing"), so the name found is a piece of it."""
    return k < len(tokens) and tokens[k].joined and not tokens[k].cap and any(c.isupper() for c in tokens[k].word)
