"""The words a statistical name tagger reads, and what it knows about each: shared by training and tagging.

A text is split into every word and punctuation mark (:func:`words_of`; a possessive "'s" is a word of
its own, so "Putin's" gives "Putin"). Each word gets CRFsuite attributes (:func:`features`):

* its shape ("Xx", "XX", "x.", "d" ...), length, capitalisation, hyphen, and its last two and three letters;
* how common it is in English (symspellpy's frequency list: top 1,000, 5,000, 20,000, or rarer) and,
  only when it is among the 20,000 most frequent words or is punctuation, the word itself. A rare
  word -- most names -- is never an attribute of its own, so the model cannot learn the training
  text's names: it learns what names look like and what stands around them;
* membership of the build's lists and gazetteers: GeoNames and pycountry places (by kind), Faker's
  given names and surnames, Chinese, Korean and Vietnamese family names, titles, organisation and
  place head words, nationalities, months, verbs of saying, prepositions of place, name particles;
* whether the same word is written in lower case elsewhere in the paragraph, and whether it opens a sentence;
* a few of the same facts about the two words on either side.

The attributes of a word depend only on the word (and, for the last two, its paragraph), so they are
made once per distinct word (a bounded cache): tagging costs a dictionary look-up per word plus
CRFsuite's Viterbi pass, linear in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from build_docs.extract.discover import lexicon
from build_docs.extract.discover.lexicon import is_common
from build_docs.extract.discover.person_shapes import family_surname, given_name, surname
from build_docs.extract.discover.place_names import gazetteer

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+|['\u2019](?![sS]\b)[^\W_]+)*|['\u2019][sS]\b|[^\w\s]")
_SENTENCE_END = frozenset(".!?:;\"\u201c\u201d\u2022")
_REPEATS = re.compile(r"(.)\1+")
_WINDOW = (-2, -1, 1, 2)


def words_of(text: str) -> list[tuple[int, int]]:
    """The spans of every word and punctuation mark in ``text``."""
    return [m.span() for m in WORD.finditer(text)]


def shape(word: str) -> str:
    """ "Xx", "XX", "x", "Xx-Xx", "d": letters by case, digits, other characters as they are, repeats folded."""
    out = []
    for c in word:
        if c.isupper():
            out.append("X")
        elif c.islower():
            out.append("x")
        elif c.isdigit():
            out.append("d")
        else:
            out.append(c)
    return _REPEATS.sub(r"\1", "".join(out))


def _rank(word: str) -> str:
    if is_common(word, lexicon.VERY_COMMON_RANK):
        return "1k"
    if is_common(word, 5_000):
        return "5k"
    return "20k" if is_common(word) else "rare"


@lru_cache(maxsize=200_000)
def _own(word: str) -> tuple[str, ...]:
    """The attributes of ``word`` itself."""
    rank = _rank(word) if word[0].isalnum() else "punct"
    bare = word.rstrip(".")
    out = [f"shape={shape(word)}", f"rank={rank}", f"len={min(len(word), 8)}", f"suf2={word[-2:].lower()}", f"suf3={word[-3:].lower()}"]
    if rank != "rare":
        out.append(f"w={word.lower()}")
    out.extend(_facts(bare))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _context(word: str) -> tuple[str, ...]:
    """The attributes a neighbour contributes: its shape, the word when common, and its list memberships."""
    rank = _rank(word) if word[0].isalnum() else "punct"
    out = [f"shape={shape(word)}", f"rank={rank}"]
    if rank != "rare":
        out.append(f"w={word.lower()}")
    out.extend(_facts(word.rstrip(".")))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _around(word: str) -> tuple[tuple[str, ...], ...]:
    """``_context(word)`` prefixed for each place in the window: (-2, -1, +1, +2)."""
    ctx = _context(word)
    return tuple(tuple(f"{offset}:{a}" for a in ctx) for offset in _WINDOW)


def _facts(word: str) -> list[str]:
    """Which of the build's lists and gazetteers hold ``word``."""
    out = []
    place = gazetteer().get(word)
    if place is not None:
        out.append(f"gaz={place.kind}")
    if given_name(word):
        out.append("given")
    if surname(word):
        out.append("surname")
    if family_surname(word):
        out.append("family")
    for label, words in (
        ("title", lexicon.HEAD_TITLES),
        ("titlemod", lexicon.TITLE_MODIFIERS),
        ("orghead", lexicon.ORG_HEADS),
        ("placehead", lexicon.PLACE_HEADS),
        ("demonym", lexicon.DEMONYMS),
        ("date", lexicon.DATES),
        ("saying", lexicon.SAYING_VERBS),
        ("placeprep", lexicon.PLACE_PREPOSITIONS),
        ("particle", lexicon.PARTICLES),
        ("otherhead", lexicon.OTHER_NAME_HEADS),
    ):
        if word in words:
            out.append(label)
    return out


def features(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """CRFsuite attributes of each word of ``text`` (``spans`` from :func:`words_of`)."""
    words = [text[a:b] for a, b in spans]
    lower = {w for w in words if w[0].islower()}
    n = len(words)
    out: list[list[str]] = []
    for i, word in enumerate(words):
        attrs = ["bias", *_own(word)]
        first = i == 0 or words[i - 1][0] in _SENTENCE_END or "\n\n" in text[spans[i - 1][1] : spans[i][0]]
        if first:
            attrs.append("first")
        if word[0].isupper() and word.lower() in lower:
            attrs.append("lowerseen")
        for slot, offset in enumerate(_WINDOW):
            k = i + offset
            if 0 <= k < n:
                attrs.extend(_around(words[k])[slot])
            else:
                attrs.append(f"{offset}:edge")
        out.append(attrs)
    return out
