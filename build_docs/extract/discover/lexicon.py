"""The words the rules know: word lists (titles, nationalities, head words ...) and how common an English word is.

Each list is a ``.txt`` file in ``build_docs/data/discover/`` whose comments say what it is for;
here it is a ``frozenset`` under the name the rules use (``lexicon.HEAD_TITLES``). The lists are
read on first use, not at import: :mod:`build_docs.data` imports YAML, which alone would add about
12 ms to importing :mod:`build_docs.extract.discover`. So read a list as ``lexicon.NAME`` and never
``from ...lexicon import NAME`` (that would load every list at import). After the first read the
lists are plain module globals, as fast to look up as the constants they replace. (Code in this
module must not read them as bare names: a module's own globals never go through ``__getattr__``.)

How common a word is comes from symspellpy's English frequency list: its rank, 0 for the most
frequent word. A capitalised word that is also a common word needs more evidence to be a name.
"""

from __future__ import annotations

import importlib.resources
from functools import cache, lru_cache

COMMON_RANK = 20_000  # a word among this many most frequent English words is "common"
VERY_COMMON_RANK = 1_000  # ... and among these, never a name on its own

# The lists, declared for type checkers; :func:`__getattr__` loads them. The file each one is read from:
_FILES = {
    "HEAD_TITLES": "titles-head.txt",  # titles that can stand right before a name
    "TITLE_MODIFIERS": "titles-modifiers.txt",  # words that build a title with a head ("Deputy Foreign Minister")
    "LOWER_TITLES": "titles-lower.txt",  # lowercase titles before a capitalised name ("spokesperson Hua Chunying")
    "STRONG_TITLES": "titles-strong.txt",  # titles after which a name is confident
    "OF_TITLES": "titles-of.txt",  # "Secretary of State"
    "TO_TITLES": "titles-to.txt",  # "Ambassador to China"
    "APPOSITIVE_TITLES": "titles-appositive.txt",  # "Glazyev, advisor to the Russian president"
    "APPOSITIVE_MODIFIERS": "appositive-modifiers.txt",  # "a senior fellow", "the then prime minister"
    "ROLE_PREFIXES": "role-prefixes.txt",  # "former", "then" before a title
    "DEMONYMS": "demonyms.txt",
    "MONTHS": "months.txt",
    "WEEKDAYS": "weekdays.txt",
    "FUNCTION_WORDS": "function-words.txt",  # never begin or make up a name, whatever their case
    "ORG_HEADS": "org-heads.txt",  # the last word of an organisation's name
    "WEAK_HEADS": "org-heads-weak.txt",  # heads that name plans and slogans as often as bodies
    "OTHER_NAME_HEADS": "other-name-heads.txt",  # last words of names that are not organisations
    "COMPANY_SUFFIXES": "company-suffixes.txt",
    "SMALL_WORDS": "small-words.txt",  # never inside an organisation's name when capitalised
    "PLACE_NOUNS": "place-nouns.txt",  # "Dongguan, a city in ..."
    "PLACE_NOUNS_AFTER": "place-nouns-after.txt",  # "the Yangtze river", "Jiangsu province"
    "GENERIC_PLACE_WORDS": "generic-place-words.txt",  # a direction or a generic area
    "PARTICLES": "particles.txt",  # "Osama bin Laden", "Ursula von der Leyen"
    "NAME_TITLES": "name-titles.txt",  # titles that are also words inside names ("Hassan Sheikh Mohamud")
    "NAME_SUFFIXES": "name-suffixes.txt",  # "Jr", "III": after a name, never one
    "ABBREVIATIONS": "abbreviations.txt",  # whose period belongs to the word
    "LOWER_IN_NAMES": "lower-in-names.txt",  # lowercase words inside place names ("Dar es Salaam")
    "VERBS": "verbs.txt",  # mark a clause after an appositive's head noun
    "SAYING_VERBS": "saying-verbs.txt",  # after a name, its bearer is a person ("Dvořák wrote")
    "PLACE_PREPOSITIONS": "place-prepositions.txt",  # before a one-word name, a place ("in Casamance")
    "PLACE_HEADS": "place-heads.txt",  # first or last word of a place's name ("Sea of Okhotsk", "Lake Victoria")
    "FEATURE_HEADS": "feature-heads.txt",  # a natural feature's: "Manila Bay", "Gulf of Mexico"
    "GROUP_NOUNS": "group-nouns.txt",  # "Member States": a run ending in one names a group
    "PERSON_VERBS": "person-verbs.txt",  # after a name, its bearer is a person ("Chao studied"); not a tagger feature
    "VERB_ADVERBS": "verb-adverbs.txt",  # between a name and its verb ("Goethe once said")
    "PERSON_ONLY_WORDS": "person-only-words.txt",  # of the saying words, those only a person takes ("died", "himself")
    "PERSON_POSSESSIONS": "person-possessions.txt",  # after a name's possessive, a person's ("Byron's memoirs")
    "ROLE_NOUNS": "role-nouns.txt",  # before a one-word name, a person ("designer Halston")
    "CAPTION_LABELS": "caption-labels.txt",  # "Image:", "Photo:" after a caption's name: no word of it
    "DOCUMENT_PARTS": "document-parts.txt",  # "Chapter", "Annex": before a number or a letter, no name
    "SURNAME_ENDINGS": "surname-endings.txt",  # "Lermontov", "Titulescu": a one-word name with one is a person's
    "EPITHETS": "epithets.txt",  # "Peter the Great": after "the", a person named whole
    "DEITIES": "deities.txt",  # "God", "Allah": a person alone, whatever the dictionary says
    "FORMS_OF_ADDRESS": "forms-of-address.txt",  # "His Excellency", "Her Majesty": a person's name follows
    "GOVERNMENT_WORDS": "government-words.txt",  # "... Government": a place's governing body, an organisation
    "LEADER_NOUNS": "leader-nouns.txt",  # between a name and a person's, the name is an organisation ("Facebook creator ...")
    "NO_PERSON_WORDS": "no-person-words.txt",  # words of media's names ("... News"), with SITE_WORDS, PLACE_ and ORG_WORDS_ABROAD
    "SITE_WORDS": "site-words.txt",  # words of buildings' and sites' names ("... Museum", "... Airport"): no person's either
    "PLACE_WORDS_ABROAD": "place-words-abroad.txt",  # words of place names in other languages ("Anse ...", "... Grande")
    "ORG_WORDS_ABROAD": "org-words-abroad.txt",  # first words of bodies' names in other languages ("Hizb ...", "Partido ...")
    "NAME_POSSESSIVES": "name-possessives.txt",  # "People's" of "National People's Congress": a word of the name, no end
    "HYPHEN_JOINERS": "hyphen-joiners.txt",  # lowercase parts of a hyphenated name ("Pointe-à-Pitre", "Stratford-upon-Avon")
    "NAME_ARTICLES": "name-articles.txt",  # "El Castillo": opens a place's name, never a person's
    "GIVEN_ARTICLES": "name-articles-given.txt",  # "Les Saintes", "Les Paul": a person's only before a surname
}

HEAD_TITLES: frozenset[str]
SAYING_VERBS: frozenset[str]
PLACE_PREPOSITIONS: frozenset[str]
PLACE_HEADS: frozenset[str]
FEATURE_HEADS: frozenset[str]
GROUP_NOUNS: frozenset[str]
ROLE_NOUNS: frozenset[str]
LEADER_NOUNS: frozenset[str]
PERSON_POSSESSIONS: frozenset[str]
CAPTION_LABELS: frozenset[str]
DOCUMENT_PARTS: frozenset[str]
FORMS_OF_ADDRESS: frozenset[str]
DEITIES: frozenset[str]
GOVERNMENT_WORDS: frozenset[str]
PERSON_VERBS: frozenset[str]
VERB_ADVERBS: frozenset[str]
PERSON_ONLY_WORDS: frozenset[str]
NO_PERSON_WORDS: frozenset[str]
SITE_WORDS: frozenset[str]
PLACE_WORDS_ABROAD: frozenset[str]
ORG_WORDS_ABROAD: frozenset[str]
HYPHEN_JOINERS: frozenset[str]
NAME_POSSESSIVES: frozenset[str]
NAME_ARTICLES: frozenset[str]
GIVEN_ARTICLES: frozenset[str]
TITLE_MODIFIERS: frozenset[str]
LOWER_TITLES: frozenset[str]
STRONG_TITLES: frozenset[str]
OF_TITLES: frozenset[str]
TO_TITLES: frozenset[str]
APPOSITIVE_TITLES: frozenset[str]
APPOSITIVE_MODIFIERS: frozenset[str]
ROLE_PREFIXES: frozenset[str]
DEMONYMS: frozenset[str]
MONTHS: frozenset[str]
WEEKDAYS: frozenset[str]
DATES: frozenset[str]  # MONTHS | WEEKDAYS
FUNCTION_WORDS: frozenset[str]
ORG_HEADS: frozenset[str]
WEAK_HEADS: frozenset[str]
OTHER_NAME_HEADS: frozenset[str]
COMPANY_SUFFIXES: frozenset[str]
SMALL_WORDS: frozenset[str]
PLACE_NOUNS: frozenset[str]
PLACE_NOUNS_AFTER: frozenset[str]
GENERIC_PLACE_WORDS: frozenset[str]
PARTICLES: frozenset[str]
NAME_TITLES: frozenset[str]
NAME_SUFFIXES: frozenset[str]
ABBREVIATIONS: frozenset[str]
LOWER_IN_NAMES: frozenset[str]
VERBS: frozenset[str]

_NAMES = frozenset(_FILES) | {"DATES"}


@cache
def _lists() -> dict[str, frozenset[str]]:
    """Every list by name, read once."""
    from build_docs.data import words  # here, not at the top: build_docs.data imports YAML

    lists = {name: words(f"discover/{file}") for name, file in _FILES.items()}
    lists["DATES"] = lists["MONTHS"] | lists["WEEKDAYS"]
    lists["NO_PERSON_WORDS"] = lists["NO_PERSON_WORDS"] | lists["SITE_WORDS"] | lists["PLACE_WORDS_ABROAD"] | lists["ORG_WORDS_ABROAD"]
    return lists


def __getattr__(name: str) -> frozenset[str]:
    """A list read on first use (PEP 562); all of them then become module globals, so this runs once."""
    if name not in _NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    lists = _lists()
    globals().update(lists)
    return lists[name]


@lru_cache(maxsize=1 << 14)
def compound_title(word: str) -> str:
    """The head of a title written as titles joined by hyphens ("Major-General" -> "General", "Vice-Admiral" ->
    "Admiral", "Lieutenant-Colonel" -> "Colonel"), each part a capitalised title or a title's modifier; else ""."""
    if "-" not in word:
        return ""
    parts = word.split("-")
    lists = _lists()
    heads, modifiers = lists["HEAD_TITLES"], lists["TITLE_MODIFIERS"]
    if any(not p[:1].isupper() or p not in heads and p not in modifiers for p in parts):
        return ""
    return parts[-1] if parts[-1] in heads else ""


def body_head(word: str) -> bool:
    """An organisation's head word that names bodies, not plans ("Programme", "Front" name plans as often: ``WEAK_HEADS``)."""
    lists = _lists()
    return word in lists["ORG_HEADS"] and word not in lists["WEAK_HEADS"]


# -- how common a word is -----------------------------------------------------------------


@cache
def _ranks() -> dict[str, int]:
    """Lowercase word -> frequency rank in symspellpy's English list (0 = most frequent)."""
    path = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    ranks: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split(" ", 1)[0]
        ranks.setdefault(word, len(ranks))
    return ranks


def is_common(word: str, limit: int = COMMON_RANK) -> bool:
    """``word`` (any case) is among the ``limit`` most frequent English words."""
    return _ranks().get(word.lower().replace("\u2019", "'"), limit) < limit


@cache
def _dictionary_words() -> frozenset[str]:
    """The lowercase words of an English dictionary (english-words' ``web2``: Webster's Second International, the word
    list of the BSD systems, public domain; its proper nouns are capitalised): words English writes in lower case, which a
    frequency list of web text cannot tell ("chicago" and "wikipedia" rank high there). Read on first use (about 0.1 s)."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"]) if w.islower())


_INFLECTIONS = (
    ("ies", "y"),
    ("ier", "y"),  # "earlier": "early"
    ("iest", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("ers", ""),
    ("ly", ""),
)


def is_dictionary_word(word: str) -> bool:
    """``word`` (any case), or the word it inflects, is a lowercase word of an English dictionary ("protect",
    "manifesto", "emeritus", "cities"); a name the web writes often is none ("Wikipedia", "Disney", "Yorkshire")."""
    lower = word.lower().replace("\u2019", "'")
    words = _dictionary_words()
    if lower in words:
        return True
    return any(lower.endswith(end) and len(lower) - len(end) >= 3 and lower[: len(lower) - len(end)] + base in words for end, base in _INFLECTIONS)


def is_participle(word: str) -> bool:
    """``word`` (any case) is a verb's "-ing" form that an English dictionary lists only as the verb's ("discussing",
    "anglicizing", "including"), or of a verb made with "-ize" or "-ise" that it lacks ("Judaizing"), not a noun or an
    adjective of its own ("building", "morning", "viking", "sterling")."""
    lower = word.lower().replace("\u2019", "'")
    if not lower.endswith("ing") or lower in _dictionary_words():
        return False
    return is_dictionary_word(lower) or lower.endswith(("izing", "ising")) and len(lower) > 7


@cache
def _article_words() -> frozenset[str]:
    """Lowercase words symspellpy's English bigram list has after "a", "the" or "very": nouns and adjectives."""
    path = importlib.resources.files("symspellpy") / "frequency_bigramdictionary_en_243_342.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("a ", "the ", "very ")):
            words.add(line.split(" ", 2)[1])
    return frozenset(words)


def is_article_word(word: str) -> bool:
    """``word`` (any case) is an English noun or adjective as the bigram list uses it ("a nice", "the reading", "a bath"):
    a city's name that is one ("Nice", "Reading", "Bath") may be the word. A place's name alone never follows "the" or
    "a" there ("boston", "portsmouth", "paris")."""
    return word.lower().replace("\u2019", "'") in _article_words()
