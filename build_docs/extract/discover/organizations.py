"""Organisations: a run of capitalised words ending in a head word, with an optional "of ..." complement
("Russian Direct Investment Fund", "Export-Import Bank of China"; rule ``org-head``).

The text is cut into chunks (capitalised runs joined by connectors such as "of" and "and"), a
chunk into segments (two organisations named side by side), and a segment yields at most one
organisation: from its start, or after "of" or a person's title, to its last head word and
complement. An organisation is strong with two capitalised words besides its head words, counted
in its "of ..." complement too ("Ministry of Foreign Affairs"), or with its acronym in parentheses
after it; a name ending in a weak head ("Programme", "Front") needs the acronym.
"""

from __future__ import annotations

import re
from functools import cache

from build_docs.extract.acronyms import best_long_form
from build_docs.extract.discover import lexicon
from build_docs.extract.discover.found import Found, span
from build_docs.extract.discover.lexicon import is_common
from build_docs.extract.discover.names import plan_of_action
from build_docs.extract.discover.place_names import gazetteer, is_place_name, name_key, place_at, place_window
from build_docs.extract.discover.tokens import Tok, is_entity_word, is_function, run_key, tokenize

# Words that join the capitalised words of one organisation's name ("Bank of China", "Organization for Security and ...").
ORG_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "&"})
_ORG_OF = frozenset({"of", "for", "on"})  # ... of them, those that start a complement
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


def find_organizations(text: str) -> list[Found]:
    """Organisations: a capitalised run ending in a head word ("Russian Direct Investment Fund"), optionally "of ..."."""
    return organizations_in(text, tokenize(text))


def organizations_in(text: str, tokens: list[Tok]) -> list[Found]:
    """The organisations in ``text``, given its tokens (:func:`find_all` tokenizes once for all three finders)."""
    found = (_org_in(text, segment) for chunk in _chunks(tokens) if not chunk[0].broken for segment in _segments(chunk))
    return [f for f in found if f is not None]


# -- chunks and segments ------------------------------------------------------------------


def _chunks(tokens: list[Tok]) -> list[list[Tok]]:
    """Maximal runs of capitalised tokens joined by whitespace and inner connectors ("of", "for", "and", "the", "on", "in", "&")."""
    chunks: list[list[Tok]] = []
    run: list[Tok] = []
    for k, tok in enumerate(tokens):
        if run and tok.joined:
            inner = tok.word in ORG_CONNECTORS and (tok.word != "the" or run[-1].word in _ORG_OF or run[-1].word == "in")
            particle = run[-1].word in _ORG_OF and _particle_before_name(tokens, k)  # "International Organization of la Francophonie"
            if inner or particle or _org_word(tok):
                run.append(tok)
                continue
        chunks.append(run)
        after_particle = tok.joined and tokens[k - 1].word in lexicon.PARTICLES  # "Rio de Janeiro ...": no organisation starts there
        run = [tok] if (_org_word(tok) or tok.cap and is_function(tok)) and not after_particle else []
    chunks.append(run)
    for chunk in chunks:
        while chunk and chunk[-1].word in ORG_CONNECTORS:
            chunk.pop()
    return [c for c in chunks if c]


def _particle_before_name(tokens: list[Tok], k: int) -> bool:
    """Token ``k`` is a lowercase particle ("la", "de") joined to a capitalised word after it: a word of a name in another
    language that a body's name holds after "of" ("International Organization of la Francophonie")."""
    tok = tokens[k]
    return not tok.cap and tok.word in lexicon.PARTICLES and k + 1 < len(tokens) and tokens[k + 1].joined and tokens[k + 1].cap


def _org_word(tok: Tok) -> bool:
    """A capitalised word that may be part of an organisation's name (not "Assembly-mandated", "UN-led")."""
    if not tok.cap or tok.word[0].isdigit() or tok.word.lower() in lexicon.SMALL_WORDS or tok.word == "I":
        return False  # "And", "Of" inside a run: a headline's words, not a name's; "... Island States I would like": the pronoun
    tail = tok.word.rpartition("-")[2]
    return not (tail.islower() and tail.endswith(("ed", "ing")))


def _segments(chunk: list[Tok]) -> list[list[Tok]]:
    """Split a chunk at "and"/"&" after a head word, between two names that each have one ("University of Chicago
    and Boston University"), before a name opening with its head word and "of" ("United Nations and Council of
    Europe"), or before "of" again ("Economic Community of West African States and of the African Union"): two
    organisations named side by side."""
    segments: list[list[Tok]] = [[]]
    for k, tok in enumerate(chunk):
        last = segments[-1][-1].bare if segments[-1] else ""
        after_head = last in lexicon.ORG_HEADS or last in lexicon.OTHER_NAME_HEADS
        if tok.word in ("and", "&") and segments[-1] and (after_head or tok.word == "and" and _another_body(segments[-1], chunk, k + 1)):
            segments.append([])
        else:
            segments[-1].append(tok)
    return segments


def _another_body(before: list[Tok], chunk: list[Tok], k: int) -> bool:
    """After "and" at ``k - 1``, another organisation's name: "of" again ("... States and of the African Union"), one
    named after what comes before (:func:`_another_named`), or one opening with its head word (:func:`_head_opens`)."""
    again = k < len(chunk) and chunk[k].word in _ORG_OF
    return again or _another_named(before, chunk, k) or _head_opens(chunk, k)


def _head_opens(chunk: list[Tok], k: int) -> bool:
    """After "and" at ``k - 1``, a body's name that opens with its head word and "of" ("United Nations and Council of
    Europe", "... and Department of Field Support"): another organisation, whatever came before ("Food and Agriculture
    Organization" opens with no head word)."""
    return k + 2 < len(chunk) and chunk[k].cap and lexicon.body_head(chunk[k].bare) and chunk[k + 1].word in _ORG_OF and chunk[k + 2].cap


def _another_named(before: list[Tok], chunk: list[Tok], k: int) -> bool:
    """After "and" at ``k - 1``, the name of another organisation: what comes before has a head word, and what follows
    is capitalised words up to one ("... and Boston University", "... and Department of Field Support"), not the rest
    of one name ("Organization for Security and Co-operation in Europe", "Department of Economic and Social Affairs")."""
    if not any(t.bare in lexicon.ORG_HEADS and t.cap for t in before):
        return False
    m = k
    while m < len(chunk) and chunk[m].cap and not is_function(chunk[m]):
        if chunk[m].bare in lexicon.ORG_HEADS:
            return m > k or m + 2 < len(chunk) and chunk[m + 1].word in _ORG_OF and chunk[m + 2].cap
        m += 1
    return False


# -- the organisation in a segment --------------------------------------------------------


@cache
def _title_stops() -> frozenset[str]:
    """A person's title ends an organisation's name: "World Bank President ..."."""
    return lexicon.HEAD_TITLES - lexicon.ORG_HEADS - {"General", "Chief", "Representative", "Leader", "Deputy", "Justice", "Speaker"}


def _org_in(text: str, seg: list[Tok]) -> Found | None:
    """The organisation in a segment of a chunk: from its start (or after "of"/a title) to its last head word and complement."""
    stops = _title_stops()
    first = 0
    while first < len(seg) and (seg[first].word in ORG_CONNECTORS or _leading_noise(seg[first]) and not _day_in_name(text, seg[first])):
        first += 1
    heads = [k for k in range(first, len(seg)) if seg[k].bare in lexicon.ORG_HEADS and seg[k].cap]
    if not heads:
        return None
    h = heads[0]
    start = first
    for k in range(first, h):
        if seg[k].word in _ORG_OF or seg[k].bare in stops or seg[k].word == "in" or seg[k].word in ("and", "&") and _names_other(seg[k - 1]):
            start = k + 1  # "President of the World Bank", "China and the Association of ..." -> the organisation alone
    while start < h and (seg[start].word in ORG_CONNECTORS or _leading_noise(seg[start]) and not _day_in_name(text, seg[start])):
        start += 1
    if is_place_name(run_key(seg[start : h + 1])):
        return None  # "Russian Federation on Measures ...": a country, then words
    end, k = h, h + 1
    while k < len(seg) and seg[k].cap and seg[k].bare not in stops:
        end = k if seg[k].bare in lexicon.ORG_HEADS else end
        k += 1
    if k - 1 > end and seg[k - 1].bare in lexicon.OTHER_NAME_HEADS:
        return None  # "Extractive Industries Transparency Initiative": a plan's name goes on past the head word
    if end + 1 < len(seg) and seg[end + 1].cap and seg[end + 1].bare in lexicon.PLACE_HEADS:
        end += 1  # "Irving Independent School District": a place's head word after the last head ends the name
    elif k == end + 1 and k < len(seg) and seg[k].word in _ORG_OF:
        end = _complement(seg, k, end)
    if end + 2 < len(seg) and seg[end + 1].word == "in" and _in_place_ends(text, seg, start, h, end):
        end = len(seg) - 1
    return _organization(text, seg, start, h, end)


def _organization(text: str, seg: list[Tok], start: int, h: int, end: int) -> Found | None:
    """The organisation at ``seg[start : end + 1]`` (first head at ``h``), unless it is a head word alone or a place."""
    org = seg[start : end + 1]
    words = [t for t in org if t.cap]
    others = sum(1 for t in words if t.bare not in lexicon.ORG_HEADS)
    if others == 0 or plan_of_action([t.word for t in org]):
        return None  # "The Bank", "Council" alone; "Barbados Programme of Action", a plan
    begin, stop = org[0].start, org[-1].core
    if org[-1].word.endswith(".") and org[-1].bare != "Co":
        stop -= 1  # "Ltd." at a sentence's end
    place = gazetteer().get(name_key(span(text, begin, stop)))
    if place is not None and place.kind in ("country", "region"):
        return None  # "Russian Federation", "Soviet Union": places
    stop = _campus(text, org, stop)
    name = span(text, begin, stop)
    before = sum(1 for t in seg[start:h] if t.cap)
    weak_head = [t.bare for t in org if t.bare in lexicon.ORG_HEADS][-1] in lexicon.WEAK_HEADS  # "Barbados Programme of Action": a plan as often as a body
    strong = _acronym_follows(text, begin, stop) or (before >= 2 or others >= 2) and not org[0].headline and not weak_head
    return Found("organization", name, begin, stop, "org-head", "", strong)


_CAMPUS = re.compile(r"[ \t]+at[ \t]+([A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,2})(?![\w'\u2019\-]|[ \t]+[A-Z(])")
_CAMPUS_HEADS = frozenset({"University", "College"})


def _campus(text: str, org: list[Tok], stop: int) -> int:
    """Where a university's name ends: after "at" and the place of its campus, which is part of it ("University of
    California at Berkeley", "University of North Carolina at Chapel Hill"), when the name is a university or college of
    a place of the gazetteer and the campus one to three capitalised words that end the name (no head word, title, date
    or function word; one word a place of the gazetteer or no common word)."""
    of = next((k for k, t in enumerate(org) if t.word == "of"), None)
    place = place_window(org, of + 1) if of is not None and org[of - 1].bare in _CAMPUS_HEADS else None
    if place is None or place[0] != len(org):
        return stop
    match = _CAMPUS.match(text, stop)
    if match is None:
        return stop
    words = match.group(1).split()
    if any(w in lexicon.ORG_HEADS or w in lexicon.DATES or w.lower() in lexicon.FUNCTION_WORDS or is_entity_word(w) for w in words):
        return stop
    if len(words) == 1 and is_common(words[0]) and words[0] not in gazetteer():
        return stop  # "the University of Chicago at Christmas": a word alone, common and no place, is no campus
    return match.end(1)


def _names_other(tok: Tok) -> bool:
    """A word before "and" that names something else: a country ("China and the Association ..."), an acronym ("CNSA and ...")."""
    return is_place_name(tok.word) or tok.word.isupper() and len(tok.word) > 1


def _day_in_name(text: str, tok: Tok) -> bool:
    """A weekday right after "the" opens the name ("the Saturday Evening Post", "the Sunday Times"), as no date does."""
    return tok.bare in lexicon.WEEKDAYS and _THE_BEFORE.search(text, max(0, tok.start - 5), tok.start) is not None


_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")


def _leading_noise(tok: Tok) -> bool:
    """A capitalised word that starts a run but not the name: "In", "Today", a month, a sentence-initial gerund or adverb."""
    w = tok.bare
    if is_function(tok) or w in lexicon.DATES or tok.possessive or w in lexicon.COMPANY_SUFFIXES:
        return True  # "Ltd." ends the name before: "... Co., Ltd. China CEFC Energy Company"
    if tok.sentence and len(w) > 5 and w.endswith(("ing", "ly")):
        stem = w[:-3] if w.endswith("ing") else w[:-2]
        return is_common(stem) or is_common(stem + "e")  # "Strengthening", "Recently"; not "Beijing"
    return False


# -- what follows the head ----------------------------------------------------------------


_POSSESSIVE_PRONOUNS = frozenset({"His", "Her", "Their", "Your", "Its"})  # not "Our": "Bolivarian Alliance for the Peoples of Our America"


def _complement(seg: list[Tok], k: int, end: int) -> int:
    """Extend ``end`` over "of [the] Capitalised ..." (up to 5 words; inner "and"/"of" only after a word that is no place)."""
    stops = _title_stops()
    m = k + 1 + (k + 1 < len(seg) and seg[k + 1].word == "the")
    last, count = end, 0
    while m < len(seg) and count < 6:
        tok = seg[m]
        title = tok.bare in stops and not (count and m + 1 < len(seg) and seg[m + 1].word in _ORG_OF)  # "High Commissioner for ..."
        if tok.bare in lexicon.DATES or tok.bare in _POSSESSIVE_PRONOUNS:
            break  # "Kennedy Space Center on April 5": a date follows the name; "Administration of His Excellency": a person's
        if tok.cap and not title:
            last, count = m, count + 1
        elif not (tok.word in ORG_CONNECTORS and tok.word != "in" and count and not is_place_name(seg[m - 1].word)) and not _particle_before_name(seg, m):
            break
        m += 1
    for c in range(k + 2, last):
        if seg[c].word in ("for", "on") and place_at(seg, c + 1) == last + 1:
            return c - 1  # "League of Arab States for Syria": the place belongs to what comes before
    return last


def _in_place_ends(text: str, seg: list[Tok], start: int, h: int, end: int) -> bool:
    """ "in <place>" ends the name: after a complement ("... Security and Co-operation in Europe") or before its acronym ("... in Lebanon (UNIFIL)")."""
    place = end + 2 + (seg[end + 2].word == "the" and end + 3 < len(seg))
    if place_at(seg, place) != len(seg):
        return False
    named = seg[end].bare in _NAMED_BY_PLACE  # "United Nations Mission in the Central African Republic and Chad"
    return named or any(t.word in _ORG_OF for t in seg[h:end]) or _acronym_follows(text, seg[start].start, seg[-1].core)


_NAMED_BY_PLACE = frozenset({"Mission"})  # a head word whose body is named by the place it works in


def _acronym_follows(text: str, start: int, end: int) -> bool:
    """ "... Organization (SCO)": the name at ``start:end`` is the long form of the parenthesised acronym after it (Schwartz & Hearst)."""
    match = _ACRONYM_AFTER.match(text, end, end + 14)
    if not match:
        return False
    name = " ".join(text[start:end].split())
    return best_long_form(match.group(1), name) == name
