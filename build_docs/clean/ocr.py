"""OCR repair: misread words, split numbers and words, broken hyphenation, joined words, dropped capitals.

:func:`repair` takes the text of a scan and returns the repaired text with every change
recorded as a :class:`Correction` (offsets into the input), so a reader can check each
one. It is conservative by contract:

* a word the :class:`Lexicon` knows is never changed, nor an acronym (a word in
  capitals), a number, or anything that is not a word (amounts, ordinals, URLs);
* an unknown word becomes a known word or nothing (no word is invented): the candidates
  are reached through OCR confusions (:data:`CONFUSIONS`: ``rn``→``m``, ``l``→``i``,
  ``r,``→``n``, …) and, in long lower-case words, one arbitrary substitution; the best
  must beat every other candidate by :data:`MARGIN` once its rarity is charged;
* a capitalised word (likely a name) is read as a common word only, through confusions
  only, and never when the text repeats it inside sentences;
* an unknown word is left alone where it cannot be read safely: a fragment of a broken
  word, an abbreviation, part of an address, a compound the word list lacks, a foreign or
  garbled passage, an old spelling in early modern print, an accent where accents are not
  noise (``Cancún``);
* the case pattern of a word and the punctuation around it are kept;
* the result depends on nothing but the text and the lexicon, and the work is linear in
  the length of the text: every word is searched within a budget bounded by its length.

How much this removes, and that it makes no document worse, is measured on real scans
with human ground truth by ``benchmarks/ocr_eval.py``.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Every rule :func:`repair` applies, by the name its corrections carry.
RULES = frozenset({"confusion", "number-confusion", "split-number", "split-word", "hyphenation", "joined-words", "dropped-capital", "phrase"})

# fmt: off
#: OCR confusions as (what the scan shows, what was printed, cost); an arbitrary substitution costs :data:`EDIT`.
CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    # thin upright strokes: l I 1 i j ! | t f
    ("l", "i", 0.4), ("i", "l", 0.4), ("I", "l", 0.4), ("1", "l", 0.4), ("1", "i", 0.4), ("|", "l", 0.4), ("|", "i", 0.5),
    ("!", "l", 0.5), ("!", "i", 0.5), ("j", "i", 0.5), ("i", "j", 0.5), ("l", "j", 0.5), ("I", "j", 0.5),
    ("i", "t", 0.6), ("t", "i", 0.6), ("l", "t", 0.6), ("t", "l", 0.6), ("f", "t", 0.5), ("t", "f", 0.5), ("f", "s", 0.6),
    # round letters
    ("c", "e", 0.4), ("e", "c", 0.4), ("o", "e", 0.5), ("c", "o", 0.5), ("o", "c", 0.5), ("0", "o", 0.3),
    # arches, bowls and tails
    ("n", "u", 0.4), ("u", "n", 0.4), ("h", "b", 0.5), ("b", "h", 0.5), ("h", "n", 0.6), ("n", "h", 0.6), ("i", "r", 0.6),
    ("y", "v", 0.6), ("v", "y", 0.6), ("S", "g", 0.6), ("5", "s", 0.5), ("6", "b", 0.6), ("8", "b", 0.6),
    # one glyph read as two, or two as one
    ("rn", "m", 0.3), ("m", "rn", 0.4), ("in", "m", 0.5), ("m", "in", 0.6), ("ni", "m", 0.5), ("iu", "m", 0.5),
    ("ii", "u", 0.5), ("u", "ii", 0.6), ("ii", "n", 0.6), ("li", "h", 0.5), ("h", "li", 0.6), ("cl", "d", 0.4),
    ("d", "cl", 0.5), ("d", "il", 0.6), ("vv", "w", 0.3), ("w", "vv", 0.5), ("r,", "n", 0.4), ("ri", "n", 0.5),
    ("n", "ri", 0.6), ("U", "ll", 0.4),
)
# fmt: on
ACCENT = 0.3  # a speck read as an accent: é for e (in a text where accents are noise, see :meth:`_Context.noisy_accents`)
EDIT = 1.0  # an arbitrary substitution of a letter, or deletion of a character that is neither letter nor digit
SPLIT = 0.5  # a space the scan lost between two words
RARITY = 0.1  # cost per order of magnitude a candidate is rarer than the commonest words
MARGIN = 0.3  # the best candidate must be cheaper than the runner-up by this much
NAME_PENALTY = 0.5  # a capitalised word inside a sentence (likely a name) may carry this much less damage
EDIT_LETTERS = 6  # a word needs this many letters to be repaired by an arbitrary edit
MAX_WORD = 30  # longer tokens are not words
#: A candidate of 2 to 6 letters must be at least this common: short rare words are accidental hits.
SHORT_FREQUENCY = {2: 10**9, 3: 10**8, 4: 10**6, 5: 10**6, 6: 10**5}
NAME_FREQUENCY = 10**5  # a capitalised word is only read as a word at least this common ...
NAME_IN_NAME_FREQUENCY = 10**7  # ... and next to another capitalised word (``John Britton``), this common
EXTRA_FREQUENCY = 10**10  # an extra word counts as one of the commonest: a corpus's scans most likely say its own words
WINDOW = 6  # words on each side that make a word's neighbourhood
FOREIGN = 0.5  # a word is not repaired where more than this share of its neighbours are unknown beyond repair
NOISY_ACCENTS = 2  # a text with this many of the commonest words misread with an accent ...
COMMON_FREQUENCY = 10**8  # ... (words at least this common) reads accents as noise
FUNCTION_FREQUENCY = 5 * 10**8  # words this common (the, was, his, of) run into another make no compound
EARLY_MODERN_WORDS = 4  # a text with this many old spellings ...
EARLY_MODERN_SHARE = 0.02  # ... making this share of its words is early modern print
#: Common words the English list lacks: interjections, titles.
SUPPLEMENT = ("oh", "ah", "eh", "ha", "lo", "ye", "tis", "mr", "dr", "messrs", "mme", "mlle")

_WORDS_FILE = "frequency_dictionary_en_82_765.txt"
_BIGRAMS_FILE = "frequency_bigramdictionary_en_243_342.txt"
_SUPPLEMENT_FREQUENCY = 10**6
_TOP_FREQUENCY = 10**10
#: Spelling variants the (American, modern) word list may lack: British ``-our``, ``-ise``, ``-tre``, ``-lled``.
_VARIANTS = (("our", "or"), ("or", "our"), ("is", "iz"), ("iz", "is"), ("ys", "yz"), ("yz", "ys"), ("tre", "ter"), ("ll", "l"), ("ence", "ense"), ("sk", "sc"))
# fmt: off
_PREFIXES = (
    "un", "re", "in", "im", "ir", "il", "dis", "non", "mis", "pre", "over", "under", "out", "co", "sub", "inter", "counter", "anti", "semi",
    "super", "fore",
)
_SUFFIXES = (
    "s", "es", "ed", "d", "ing", "ings", "er", "ers", "est", "ly", "ness", "ment", "ments", "able", "ible", "ful", "less", "ish", "ism",
    "isms", "ist", "ists", "ity", "ities", "ion", "ions", "ive", "al", "ally", "ee", "ees", "ance", "ence", "cy", "ry",
    "e",  # early modern English: helpe, readie, policie
)
# fmt: on
_HYPHEN_PREFIXES = frozenset(
    (
        *_PREFIXES,
        "post",
        "self",
        "ex",
        "pro",
        "vice",
        "neo",
        "socio",
        "multi",
        "cross",
        "half",
        "intra",
        "extra",
        "infra",
        "ultra",
        "trans",
        "micro",
        "macro",
        "mega",
        "mini",
        "bi",
        "tri",
        "pan",
        "para",
        "proto",
        "pseudo",
        "quasi",
        "mid",
        "all",
    )
)
_VOWELS = frozenset("aeiou")  # one vowel for another makes another word or spelling (deprave, deprive), not a misreading
_ACCENTS = {c: unicodedata.normalize("NFD", c)[0].lower() for c in map(chr, range(0xC0, 0x250)) if c.isalpha() and unicodedata.normalize("NFD", c)[0].isascii()}


def _by_first(confusions: Iterable[tuple[str, str, float]]) -> dict[str, tuple[tuple[str, str, float], ...]]:
    table: dict[str, tuple[tuple[str, str, float], ...]] = {}
    for confusion in confusions:
        table[confusion[0][0]] = (*table.get(confusion[0][0], ()), confusion)
    return table


_MODERN_CONFUSIONS = _by_first(CONFUSIONS)
#: Early modern print spells many words as one-letter misreadings of modern ones would look
#: (``bloud``, ``coniure``): there, only confusions that split or merge glyphs, replace a
#: non-letter or a capital inside a word, and never give a ``j``.
_EARLY_CONFUSIONS = _by_first(c for c in CONFUSIONS if (len(c[0]) != len(c[1]) or not c[0].isalpha() or c[0].isupper()) and c[1] != "j")


@dataclass(frozen=True)
class Correction:
    """One change: the input's ``text[start:end]`` was ``before`` and became ``after``, by ``rule``."""

    start: int
    end: int
    before: str
    after: str
    rule: str

    def __repr__(self) -> str:
        return f"{self.rule}@{self.start}: {self.before!r} -> {self.after!r}"


@dataclass(frozen=True)
class Repair:
    """The repaired text and the corrections that made it, in text order, never overlapping."""

    text: str
    corrections: tuple[Correction, ...]


# --- the word list ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    """A word list: count by lower-case word, and the letters that can follow each prefix of a word."""

    frequency: dict[str, int]
    following: dict[str, str]


def _following(words: Iterable[str]) -> dict[str, str]:
    """Every prefix of ``words`` (and every word) with the letters that follow it, in one sorted pass.

    In sorted order a word's prefixes up to where it parts from the previous word are
    already present; only the letter where they part, and the prefixes after it, are new.
    """
    following: dict[str, str] = {}
    previous = ""
    for word in sorted(words):
        common, limit = 0, min(len(previous), len(word))
        while common < limit and previous[common] == word[common]:
            common += 1
        if common < len(word):
            following[word[:common]] = following.get(word[:common], "") + word[common]
            for i in range(common + 1, len(word)):
                following[word[:i]] = word[i]
        following.setdefault(word, "")
        previous = word
    return following


@lru_cache(maxsize=1)
def _english() -> _Words:
    """symspellpy's English unigram list (about 83,000 words with corpus counts) and :data:`SUPPLEMENT`, read once."""
    frequency: dict[str, int] = {}
    for line in resources.files("symspellpy").joinpath(_WORDS_FILE).read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        frequency[word] = int(count)
    for word in SUPPLEMENT:
        frequency.setdefault(word, _SUPPLEMENT_FREQUENCY)
    return _Words(frequency, _following(frequency))


@lru_cache(maxsize=1)
def _bigrams() -> dict[str, int]:
    """symspellpy's English bigram counts, keyed ``"first second"`` in lower case; read on first use."""
    counts: dict[str, int] = {}
    for line in resources.files("symspellpy").joinpath(_BIGRAMS_FILE).read_text(encoding="utf-8").splitlines():
        pair, _, count = line.rpartition(" ")
        counts[pair] = int(count)
    return counts


def _fold(word: str) -> str:
    return word.replace("\u2019", "'").lower()


class Lexicon:
    """English word list (symspellpy's shipped dictionaries) plus extra words, e.g. the vocabulary of the
    corpus's clean sources and registry names. Built once per build; must be cheap to query.

    The English list is read once per process (about 0.2 s); an instance adds its extra
    words on top, in time linear in their number. Extra words keep their spelling: a word
    corrected to one takes it (``linping`` → ``Jinping``), unless it was also seen in
    lower case. An entry with a hyphen (``China-Russia``) or spaces (``Xi Jinping``) also
    lets :func:`repair` restore that compound or name.
    """

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._english = _english()
        self._extra: dict[str, str] = {}  # folded word -> spelling
        self._compounds: dict[str, str] = {}  # folded compound without its separators -> spelling
        self._phrases: dict[str, list[tuple[str, ...]]] = {}  # folded last word -> names ending in it
        for entry in extra_words:
            self._add(entry)
        self._following = self._merge(_following(w for w in self._extra if w not in self._english.frequency))
        self._known: dict[str, bool] = {}
        self._searches: dict[tuple[str, int, bool, bool], dict[str, float]] = {}

    def _add(self, entry: str) -> None:
        words = entry.split()
        if len(words) > 1:
            self._phrases.setdefault(_fold(words[-1]), []).append(tuple(words))
            self._compounds.setdefault(_fold("".join(words)), " ".join(words))
        for word in words:
            parts = word.split("-")
            if len(parts) > 1 and all(parts):
                self._compounds.setdefault(_fold("".join(parts)), word)
            for part in (word, *parts):
                if part and (_fold(part) not in self._extra or part.islower()):
                    self._extra[_fold(part)] = part  # a word also seen in lower case is no name

    def known(self, word: str) -> bool:
        """Whether ``word`` is in the lexicon, in any case, or regularly derived from a word in it.

        Derived: a possessive ``'s``; known parts joined by hyphens; one common English prefix
        or suffix on a stem of four letters or more (``prognosticated``, ``unwetted``,
        ``indelicacy``, and the early modern ``helpe``); a British spelling (``humanising``).
        The 82,765-word list lacks many such words.
        """
        folded = _fold(word)
        if self._is_word(folded):
            return True
        answer = self._known.get(folded)
        if answer is None:
            answer = self._known[folded] = self._derivable(folded)
        return answer

    def frequency(self, word: str) -> int:
        """How common ``word`` is in English (0 when not in the list); an extra word counts as one of the commonest."""
        folded = _fold(word)
        count = self._english.frequency.get(folded, 0)
        return max(count, EXTRA_FREQUENCY) if folded in self._extra else count

    def spelling(self, word: str) -> str | None:
        """The extra words' spelling of ``word`` (``jinping`` → ``Jinping``), if it is one of them."""
        return self._extra.get(_fold(word))

    def joined(self, word: str) -> str | None:
        """The extra compound or name that ``word`` spells without its separators (``ChinaRussia``)."""
        return self._compounds.get(_fold(word))

    def phrases(self, last: str) -> list[tuple[str, ...]]:
        """The multi-word extra entries whose last word is ``last``."""
        return self._phrases.get(_fold(last), [])

    def compound(self, word: str) -> bool:
        """Whether ``word`` is two listed words of four letters or more run together (``grapeshot``)."""
        folded = _fold(word)
        return any(self._is_word(folded[:i]) and self._is_word(folded[i:]) for i in range(4, len(folded) - 3))

    def old_spelling(self, word: str) -> bool:
        """Whether an unlisted ``word`` is an early modern spelling of a known word.

        With an ``e`` added (``olde``), ``ie`` for ``y`` (``readie``), ``i`` for ``j``
        (``coniure``), ``u`` and ``v`` swapped (``vnto``, ``vertue``) or a final consonant
        single (``shal``).
        """
        folded = _fold(word)
        if self._is_word(folded):
            return False
        forms = [folded.replace("i", "j"), folded.replace("u", "v"), folded.replace("v", "u"), folded + folded[-1:]]
        if folded.endswith("e"):
            forms += [folded[:-1], folded[:-2] + "y", folded[:-2] if folded[-2:-1] == folded[-3:-2] else ""]
        return any(len(f) >= 3 and f != folded and self.known(f) for f in forms)

    def candidates(self, token: str, edits: int, split: bool, modern: bool = True) -> dict[str, float]:
        """Listed words ``token`` may be a misreading of, with their cost (see :class:`_Search`); memoised."""
        key = (token, edits, split, modern)
        found = self._searches.get(key)
        if found is None:
            found = self._searches[key] = _Search(self, token, edits, split, modern).run()
        return found

    def _is_word(self, folded: str) -> bool:
        return folded in self._english.frequency or folded in self._extra

    def _merge(self, extra: dict[str, str]) -> dict[str, str]:
        """The extra words' prefixes with the letters that follow them in either list."""
        merged = {}
        for prefix, letters in extra.items():
            english = self._english.following.get(prefix, "")
            merged[prefix] = english + "".join(c for c in letters if c not in english)
        return merged

    def _next_letters(self, prefix: str) -> str | None:
        """The letters that can follow ``prefix`` in a word, or None when no word starts with it."""
        letters = self._following.get(prefix)
        return self._english.following.get(prefix) if letters is None else letters

    def _derivable(self, folded: str) -> bool:
        if folded.endswith("'s") and len(folded) > 2:
            return self.known(folded[:-2])
        parts = folded.split("-")
        if len(parts) > 1:
            return all(parts) and all(self.known(p) for p in parts)
        return (
            self._derived(folded)
            or any(folded.startswith(p) and self._derived(folded[len(p) :], bare=True) for p in _PREFIXES)
            or any(a in folded and self._derived(folded.replace(a, b), bare=True) for a, b in _VARIANTS)
        )

    def _derived(self, folded: str, bare: bool = False) -> bool:
        """``folded`` is a listed stem with a common suffix (or, if ``bare``, a listed word)."""
        if len(folded) < 4:
            return False
        if bare and self._is_word(folded):
            return True
        for suffix in _SUFFIXES:
            stem = folded[: -len(suffix)]
            if folded.endswith(suffix) and len(stem) >= 4 and (suffix != "d" or stem.endswith("e")) and self._stem(stem):
                return True
        return False

    def _stem(self, stem: str) -> bool:
        """A listed word, allowing for a dropped ``e``, a doubled consonant or ``y`` turned ``i``."""
        forms = [stem, stem + "e"]
        if stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            forms.append(stem[:-1])
        if stem[-1] == "i":
            forms.append(stem[:-1] + "y")
        return any(self._is_word(f) for f in forms)


class _Search:
    """Depth-first search of the word list along ``token``, within a budget set by its length.

    Each step copies a letter (an accented one also as its plain letter, for
    :data:`ACCENT`), applies a confusion, makes one of at most ``edits`` arbitrary edits
    (substituting a letter, but not the last one nor a vowel for a vowel; deleting a
    character that is neither letter nor digit; never touching an apostrophe), or, if ``split``, ends a word where the scan
    lost a space (never together with an arbitrary edit). Every step must extend a prefix
    that some word starts with, so the search walks only paths that can end in a word, and
    the budget bounds its size whatever the text.
    """

    def __init__(self, lexicon: Lexicon, token: str, edits: int, split: bool, modern: bool) -> None:
        self.lexicon = lexicon
        self.confusions = _MODERN_CONFUSIONS if modern else _EARLY_CONFUSIONS
        self.token = token
        self.budget = _budget(sum(c.isalpha() for c in token))
        self.edits = edits
        self.split = split
        self.found: dict[str, float] = {}

    def run(self) -> dict[str, float]:
        self._visit(0, "", "", 0.0, 0, False)
        return self.found

    def _visit(self, i: int, done: str, word: str, cost: float, edits: int, split: bool) -> None:
        letters = self.lexicon._next_letters(word)
        if letters is None:
            return
        token = self.token
        if i == len(token):
            if word and self.lexicon._is_word(word) and cost < self.found.get(done + word, math.inf):
                self.found[done + word] = cost
            return
        char = token[i]
        if char.isalpha() or char == "'":
            self._visit(i + 1, done, word + _fold(char), cost, edits, split)
            plain = _ACCENTS.get(char)
            if plain and cost + ACCENT <= self.budget:
                self._visit(i + 1, done, word + plain, cost + ACCENT, edits, split)
        for seen, printed, weight in self.confusions.get(char, ()):
            if cost + weight <= self.budget and token.startswith(seen, i):
                self._visit(i + len(seen), done, word + printed, cost + weight, edits, split)
        if edits < self.edits and not split and cost + EDIT <= self.budget and char not in "'\u2019":
            self._edit(i, done, word, cost, edits, letters)
        if self.split and not split and edits == 0 and i > 0 and cost + SPLIT <= self.budget and len(word) > 1 and self.lexicon._is_word(word):
            self._visit(i, f"{done}{word} ", "", cost + SPLIT, edits, True)

    def _edit(self, i: int, done: str, word: str, cost: float, edits: int, letters: str) -> None:
        char = _fold(self.token[i])
        if not char.isalnum():
            self._visit(i + 1, done, word, cost + EDIT, edits + 1, False)
        elif i + 1 == len(self.token):
            return  # a different last letter is a different form (speake, speaks), not a misreading
        for letter in letters:
            if letter != char and letter.isalpha() and not (letter in _VOWELS and char in _VOWELS):
                self._visit(i + 1, done, word + letter, cost + EDIT, edits + 1, False)


def _budget(letters: int) -> float:
    """How much OCR damage a word of this many letters may carry and still be recognised."""
    if letters <= 3:
        return 0.6
    if letters == 4:
        return 0.9
    if letters == 5:
        return 1.0
    return 1.5 if letters <= 8 else 2.0


# --- one word ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """Where a word stands: opening a sentence, or next to another capitalised word (in a name)."""

    sentence_start: bool = False
    in_name: bool = False


@dataclass(frozen=True)
class _Policy:
    """How one text is repaired: the rules on, and whether it is modern print (see :meth:`_Context.early_modern`)."""

    rules: frozenset[str]
    modern: bool = True
    noisy_accents: bool = False


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|s|d|[ap]m)", re.IGNORECASE)
_NUMBER_LIKE = re.compile(r"[\dlIO]+")


def _fix_word(word: str, lexicon: Lexicon, place: _Place, policy: _Policy) -> tuple[str, str] | None:
    """The repaired word and the rule that repaired it, or None to keep ``word``."""
    if len(word) > MAX_WORD or lexicon.known(word):
        return None
    digits = sum(c.isdigit() for c in word)
    if "number-confusion" in policy.rules and _NUMBER_LIKE.fullmatch(word) and len(word) - 1 <= digits < len(word) and digits:
        return word.translate(str.maketrans("lIO", "110")), "number-confusion"  # l8 -> 18
    possessive = ""
    if word[-2:] in ("'s", "\u2019s") and len(word) > 3:
        word, possessive = word[:-2], word[-2:]
    if "-" in word:
        fixed = _fix_hyphenated(word, lexicon, place, policy)
    else:
        compound = lexicon.joined(word) if "joined-words" in policy.rules else None
        fixed = (compound, "joined-words") if compound is not None else _fix_plain(word, lexicon, place, policy)
    return None if fixed is None or fixed[0] == word else (fixed[0] + possessive, fixed[1])


def _fix_hyphenated(word: str, lexicon: Lexicon, place: _Place, policy: _Policy) -> tuple[str, str] | None:
    """``en-ergy`` → ``energy`` (a known word broken by layout), or one misread part of a compound."""
    parts = word.split("-")
    joined = "".join(parts)
    if _compound_form(parts, lexicon, in_line=True):
        return None
    hyphenation = "hyphenation" in policy.rules and len(parts) == 2
    if lexicon.known(joined):
        return (joined, "hyphenation") if hyphenation and not all(lexicon.known(p) for p in parts) else None
    fixed = _fix_plain(joined, lexicon, place, policy, split=False)
    if fixed is not None and len(fixed[0]) == len(joined):  # repaired letter for letter: the hyphen stays in place
        pieces = _cut(fixed[0], parts)
        return (fixed[0], "hyphenation") if hyphenation and not all(lexicon.known(p) for p in pieces) else ("-".join(pieces), "confusion")
    if sum(not lexicon.known(p) for p in parts) != 1 or min(map(len, parts)) < 4 or not word.islower():
        return None  # fragments of one word, or a name, not a compound with one misread part
    repaired = []
    for i, part in enumerate(parts):
        one = None if lexicon.known(part) else _fix_plain(part, lexicon, place if i == 0 else _Place(), policy, split=False)
        if not lexicon.known(part) and one is None:
            return None
        repaired.append(part if one is None else one[0])
    return "-".join(repaired), "confusion"


def _compound_form(parts: list[str], lexicon: Lexicon, in_line: bool) -> bool:
    """Whether hyphenated ``parts`` are a compound as written: an acronym in it (``UN-Women``), or a
    prefix before a known word (``co-operate``) or, within a line, before four letters or more (``pre-empt``)."""
    if any(len(p) > 1 and p.isupper() for p in parts):
        return True
    return _fold(parts[0]) in _HYPHEN_PREFIXES and (lexicon.known(parts[1]) or (in_line and len(parts[1]) >= 4))


def _cut(word: str, like: list[str]) -> list[str]:
    """``word`` cut into pieces as long as those of ``like``."""
    pieces, at = [], 0
    for part in like:
        pieces.append(word[at : at + len(part)])
        at += len(part)
    return pieces


def _fix_plain(word: str, lexicon: Lexicon, place: _Place, policy: _Policy, split: bool = True) -> tuple[str, str] | None:
    """Repair one word without hyphens by the confusion search, or by splitting it in two."""
    letters = sum(c.isalpha() for c in word)
    if "confusion" not in policy.rules or letters < 2 or sum(c.isdigit() for c in word) > 1 or _ORDINAL.fullmatch(word):
        return None
    if word.isalpha() and word.isupper():
        return None  # an acronym
    name_like = word[0].isupper() or (not word[0].isalpha() and word[1:2].isupper())
    if not policy.noisy_accents and any(c in _ACCENTS for c in word):
        return None  # Cancún, façade: where accents are not noise, a word keeps them
    edits = 0 if name_like or letters < EDIT_LETTERS or not policy.modern else 2 if letters >= 10 else 1
    split = split and "joined-words" in policy.rules and policy.modern and not name_like and letters >= 6
    if lexicon.compound(word):
        return None  # two listed words of four letters or more run together: a compound the list lacks (wellbeing, grapeshot)
    candidates = lexicon.candidates(word, edits, split, policy.modern)
    if name_like:
        candidates = _as_name(candidates, lexicon, place, _budget(letters))
    best = _choose(candidates, lexicon, letters)
    if best is None:
        return None
    return _with_case(best, word, place.sentence_start, lexicon), "joined-words" if " " in best else "confusion"


def _as_name(candidates: dict[str, float], lexicon: Lexicon, place: _Place, budget: float) -> dict[str, float]:
    """The candidates a capitalised word may be: common words, little damaged inside a sentence."""
    mid = not place.sentence_start
    least = NAME_IN_NAME_FREQUENCY if place.in_name and mid else NAME_FREQUENCY
    limit = budget - NAME_PENALTY if mid else budget
    return {w: c for w, c in candidates.items() if " " in w or (lexicon.frequency(w) >= least and (c <= limit or (lexicon.spelling(w) or "a")[0].isupper()))}


def _choose(candidates: dict[str, float], lexicon: Lexicon, letters: int) -> str | None:
    """The clearly best plausible candidate: cheapest once rarity is charged, by :data:`MARGIN`."""
    scored = sorted((cost + _rarity(word, lexicon), word) for word, cost in candidates.items() if _plausible(word, cost, lexicon, letters))
    if not scored or (len(scored) > 1 and scored[1][0] - scored[0][0] < MARGIN):
        return None
    return scored[0][1]


def _plausible(candidate: str, cost: float, lexicon: Lexicon, letters: int) -> bool:
    """A word common enough for its length (:data:`SHORT_FREQUENCY`); or two words the scan ran together.

    Two words must be a known bigram, with one of them a function word (``kingwas``) unless
    the token also has a misread glyph; or two words of six letters or more from the extra
    (corpus) words in a token with a misread glyph (``lnternalimpetus``). A clean token of
    two content words may be a compound the list lacks (``roadmap``).
    """
    if " " not in candidate:
        return lexicon.frequency(candidate) >= max(SHORT_FREQUENCY.get(letters, 0), SHORT_FREQUENCY.get(len(candidate), 0))
    first, second = candidate.split(" ")
    if min(len(first), len(second)) < 2:
        return False
    if candidate in _bigrams():
        return cost > SPLIT or max(lexicon.frequency(first), lexicon.frequency(second)) >= FUNCTION_FREQUENCY
    return min(len(first), len(second)) >= 6 and cost > SPLIT and lexicon.spelling(first) is not None and lexicon.spelling(second) is not None


def _rarity(candidate: str, lexicon: Lexicon) -> float:
    frequency = min(lexicon.frequency(w) for w in candidate.split(" "))
    return RARITY * math.log10(_TOP_FREQUENCY / max(frequency, 1))


def _with_case(candidate: str, like: str, sentence_start: bool, lexicon: Lexicon) -> str:
    """The lower-case ``candidate`` in the case pattern of ``like``, or an extra word's spelling.

    Mostly capitals give capitals; a capital first letter (or an ``l`` read for ``I`` that
    opens a sentence) gives a capital first letter.
    """
    letters = [c for c in like if c.isalpha()]
    if len(letters) > 1 and 3 * sum(c.isupper() for c in letters) >= 2 * len(letters):
        return candidate.upper()
    words = [lexicon.spelling(w) or w for w in candidate.split(" ")]
    if like[0].isupper() or (like[0] in "l1|!" and candidate[0] == "i" and sentence_start):
        words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words)


# --- the text ---------------------------------------------------------------------------------------

#: A word: letters and digits, with the glyphs OCR puts for letters (``|``, ``!``) and an
#: apostrophe, hyphen, or ``r,`` (a misread ``n``) inside it.
_WORD = re.compile(r"(?:[^\W_]|[|!](?=[^\W\d_]))(?:[^\W_]|[|!](?=[^\W_])|['\u2019-](?=[^\W_])|(?<=r),(?=[^\W\d_]))*")
_LINE_HYPHEN = re.compile(r"[-\u2010\u00ac][ \t]*\n?[ \t]*(?=[a-z])")
_DROPPED = re.compile(r"\s*(?P<capital>[A-Z])[ \t]*\n[ \t]*(?P<rest>[a-z]+)\b(?:[ \t]+(?P<next>[A-Za-z']+))?")
_SPLIT_NUMBER = re.compile(r"(?<![\w.,/£$€-])(?P<left>\d{1,3}) (?P<right>\d{1,3})(?![\w/]|[.,]\d| \d)")
_ABBREVIATED = re.compile(r"\.[ \t]*[a-z\d]")  # "impl. 4to", "vols. ii": a full stop that ends no sentence
_ABBREVIATION = re.compile(r"(?:^|[\s(])[A-Z][a-z]{0,3}\.$")  # an initial or a title: "B.", "Mr.", "Rev."
_OPENERS = "\"'\u201c\u2018([{*\u00ab"
_LOOK_BACK = 80  # characters looked at before a word to see whether it opens a sentence or continues a line

_Edit = tuple[int, int, str, str]  # start, end, replacement, rule


def repair(text: str, lexicon: Lexicon, rules: Collection[str] = RULES) -> Repair:
    """Repair OCR errors in `text` (may contain newlines; newlines are kept except where an end-of-line hyphenation is joined).

    ``rules`` names the rules to apply (default: all of :data:`RULES`): ``confusion``
    (misread letters, see :func:`_fix_plain`), ``number-confusion`` (``l8`` → ``18``),
    ``split-number`` (``201 3`` → ``2013``), ``split-word`` (``ra tes`` → ``rates``),
    ``hyphenation`` (``en-ergy``, ``en-`` + newline + ``ergy`` → ``energy``; without it a
    broken word is still repaired but stays broken), ``joined-words`` (``lnternalimpetus`` →
    ``Internal impetus``, ``ChinaRussia`` → ``China-Russia`` from the extra words),
    ``dropped-capital`` (``A`` + newline + ``n the`` → ``In the``) and ``phrase``
    (``X Jinping`` → ``Xi Jinping`` from the extra words).
    """
    rules = frozenset(rules)
    edits: list[_Edit] = []
    if "dropped-capital" in rules:
        edits += _dropped_capital(text, lexicon)
    if "split-number" in rules:
        edits += _split_numbers(text)
    edits.sort()
    words = list(_WORD.finditer(text))
    context = _Context(text, words, lexicon)
    policy = _Policy(rules, modern=not context.early_modern(), noisy_accents=context.noisy_accents())
    proposed, hopeless = _propose(context, policy, edits)
    spelled = [w.group() for w in words]
    for i, found in proposed.items():
        if not context.foreign(i, hopeless):
            edits += found
            if len(found) == 1 and found[0][:2] == words[i].span():
                spelled[i] = found[0][2]
    if "phrase" in rules:
        edits = _phrases(text, [(w.start(), w.end(), spelled[i]) for i, w in enumerate(words)], lexicon, edits)
    return _apply(text, edits)


def _propose(context: _Context, policy: _Policy, taken: list[_Edit]) -> tuple[dict[int, list[_Edit]], list[bool]]:
    """Repairs by word index (a broken word's under its first half), and which unknown words have none.

    Words inside ``taken`` (text-level edits, sorted) are left out.
    """
    text, words, lexicon = context.text, context.words, context.lexicon
    proposed: dict[int, list[_Edit]] = {}
    hopeless = [False] * len(words)
    t, i = 0, 0
    while i < len(words):
        word, following = words[i], words[i + 1] if i + 1 < len(words) else None
        while t < len(taken) and taken[t][1] <= word.start():
            t += 1
        if t < len(taken) and taken[t][0] < word.end():
            i += 1
            continue
        hyphen = _LINE_HYPHEN.match(text, word.end())
        if following is not None and hyphen is not None and following.start() == hyphen.end():
            proposed[i] = _line_hyphen(word, following, lexicon, context.place(i), policy)
            i += 2
            continue
        joined = _split_word(context, i, policy) if following is not None and "split-word" in policy.rules else None
        if joined is not None:
            proposed[i] = [joined]
            i += 2
            continue
        fixed = _fix_word(word.group(), lexicon, context.place(i), policy) if context.repairable(i, policy) else None
        if fixed is not None:
            proposed[i] = [(word.start(), word.end(), *fixed)]
        hopeless[i] = fixed is None and not context.known[i]
        i += 1
    return proposed, hopeless


class _Context:
    """What a word's place in the text says about it: neighbours, line, sentence, kind of print."""

    def __init__(self, text: str, words: list[re.Match[str]], lexicon: Lexicon) -> None:
        self.text = text
        self.words = words
        self.lexicon = lexicon
        self.known = [lexicon.known(w.group()) for w in words]
        self.wordlike = [len(w.group()) > 1 and w.group().isalpha() for w in words]
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.chunks = [m.span() for m in re.finditer(r"\S+", text)]
        self.names = Counter(w.group() for w, known in zip(words, self.known, strict=True) if not known and w.group().istitle())

    def early_modern(self) -> bool:
        """Whether the text is early modern print: at least :data:`EARLY_MODERN_WORDS` unknown words,
        and :data:`EARLY_MODERN_SHARE` of its words, are old spellings of known words
        (:meth:`Lexicon.old_spelling`). Modern text, even badly scanned, has almost none.
        """
        long = [w.group() for w in self.words if len(w.group()) >= 3 and w.group().isalpha()]
        old = sum(self.lexicon.old_spelling(w) for w in long)
        return old >= EARLY_MODERN_WORDS and old >= EARLY_MODERN_SHARE * len(long)

    def noisy_accents(self) -> bool:
        """Whether accents in the text are specks read as accents: at least :data:`NOISY_ACCENTS` words
        are among the commonest English words but for an accent (``thé``, ``hâve``), as no
        English or foreign spelling has them. Elsewhere a word keeps its accents (``Cancún``)."""
        plain = str.maketrans(_ACCENTS)
        common = sum(self.lexicon.frequency(_fold(w.group()).translate(plain)) >= COMMON_FREQUENCY for w in self.words if any(c in _ACCENTS for c in w.group()))
        return common >= NOISY_ACCENTS

    def repairable(self, i: int, policy: _Policy) -> bool:
        """Whether word ``i`` is unknown and may be read as another word: not an old spelling in early
        modern print, an abbreviation, part of an address, mixed-case noise, the tail or a half
        of a broken word, or a name the text repeats."""
        if self.known[i]:
            return False
        word = self.words[i].group()
        if not policy.modern and self.lexicon.old_spelling(word):
            return False
        if _ABBREVIATED.match(self.text, self.words[i].end()) or self._in_address(i):
            return False
        if word[0].islower() and sum(c.isupper() for c in word) > 1:
            return False  # "tODB": case this mixed is noise, not a word
        if word[0].islower() and self._continues_line(i):
            return False
        if word.istitle() and self.names[word] > 1 and not self.sentence_start(i):
            return False  # a capitalised word the text repeats inside sentences is a name (San Marino)
        return not self._halves(i, i - 1) and not self._halves(i, i + 1)

    def foreign(self, i: int, hopeless: list[bool]) -> bool:
        """Whether more than :data:`FOREIGN` of the words around word ``i`` are unknown beyond repair:
        a passage in another language (``unde erde stadt``) or garbage, where no English reading is safe.
        """
        around = [j for j in range(max(0, i - WINDOW), min(len(self.words), i + WINDOW + 1)) if j != i and self.wordlike[j]]
        return len(around) > 2 and sum(hopeless[j] for j in around) > FOREIGN * len(around)

    def place(self, i: int) -> _Place:
        capitalised = [0 <= j < len(self.words) and self.words[j].group()[:1].isupper() for j in (i - 1, i + 1)]
        in_name = (capitalised[0] and not self.sentence_start(i)) or (capitalised[1] and not self.sentence_start(i + 1))
        return _Place(self.sentence_start(i), in_name)

    def sentence_start(self, i: int) -> bool:
        """Whether word ``i`` opens the text, a paragraph or a sentence (an initial or ``Mr.`` ends none)."""
        at = self.words[i].start()
        before = self.text[max(0, at - _LOOK_BACK) : at].rstrip(_OPENERS + " \t")
        stripped = before.rstrip()
        if not stripped or before[len(stripped) :].count("\n") > 1:
            return True
        return stripped[-1] in "!?" or (stripped[-1] == "." and _ABBREVIATION.search(stripped) is None)

    def _in_address(self, i: int) -> bool:
        """Whether word ``i`` is part of a web or mail address or a path (``http//www.bjreview.com``)."""
        k = bisect.bisect_right(self.chunks, (self.words[i].start(), len(self.text))) - 1
        chunk = self.text[slice(*self.chunks[k])].lower()
        return "/" in chunk or "@" in chunk or "www." in chunk

    def _continues_line(self, i: int) -> bool:
        """Whether word ``i`` opens a line that goes on from a previous line ending in garbage or an
        unknown word, without punctuation: the tail of a word broken without its hyphen."""
        start = self.words[i].start()
        line = bisect.bisect_left(self.newlines, start) - 1
        if line < 0 or self.text[self.newlines[line] + 1 : start].strip(" \t,.;:'\"\u00ab\u00bb"):
            return False
        end = self.newlines[line]
        window = self.text[max(0, end - _LOOK_BACK) : end]
        previous = window.rstrip()
        if not previous or previous[-1] in ".!?:;,)\"'-":
            return False
        last_word_ends_line = i > 0 and self.words[i - 1].end() == end - (len(window) - len(previous))
        return not previous[-1].isalpha() or not last_word_ends_line or not self.known[i - 1]

    def _halves(self, i: int, j: int) -> bool:
        """Whether word ``i`` and its neighbour ``j`` are halves of one word split by a space or a line end."""
        if not 0 <= j < len(self.words):
            return False
        a, b = sorted((self.words[i], self.words[j]), key=lambda m: m.start())
        gap = self.text[a.end() : b.start()]
        if not gap.isspace():
            return False
        if gap.count("\n") == 1 and not self.known[i] and not self.known[j] and b.group()[:1].islower():
            return True  # unknown at a line end, unknown at the next line's start: broken without its hyphen
        return self.lexicon.known(a.group() + b.group())


def _split_word(context: _Context, i: int, policy: _Policy) -> _Edit | None:
    """``ra tes`` → ``rates``: a word the scan split with a space, at least one half unknown.

    The halves are joined when together they make a known word of four letters or more,
    or, both halves unknown, a word that confusions alone repair.
    """
    left, right = context.words[i], context.words[i + 1]
    a, b = left.group(), right.group()
    if context.text[left.end() : right.start()] != " " or not (a.isalpha() and b.isalpha()) or len(a) + len(b) < 4 or b[0].isupper():
        return None
    if len(a) > 1 and (a.isupper() or (a[0].isupper() and context.known[i + 1])):
        return None  # an acronym or a name, and a word: "UN member", "Un is"
    if context.known[i] and context.known[i + 1]:
        return None
    joined = a + b
    if context.lexicon.known(joined):
        return left.start(), right.end(), joined, "split-word"
    if context.known[i] or context.known[i + 1] or not policy.modern:
        return None
    best = _choose(context.lexicon.candidates(joined, 0, False), context.lexicon, len(joined))
    return None if best is None else (left.start(), right.end(), _with_case(best, joined, False, context.lexicon), "split-word")


def _line_hyphen(head: re.Match[str], tail: re.Match[str], lexicon: Lexicon, place: _Place, policy: _Policy) -> list[_Edit]:
    """A word broken at a line end (``en-`` / ``ergy``): join it, or repair it letter for letter and keep the break.

    Its halves are never repaired on their own: they are fragments, not words.
    """
    left, right = head.group(), tail.group()
    joined = left + right
    if "-" in joined or (lexicon.known(left) and lexicon.known(right)) or _compound_form([left, right], lexicon, in_line=False):
        return []  # two words ("so- called", "re-" / "form"): not one broken word
    fixed = joined
    if not lexicon.known(joined):
        repaired = _fix_plain(joined, lexicon, place, policy, split=False)
        if repaired is None or len(repaired[0]) != len(joined):
            return []
        fixed = repaired[0]
    if "hyphenation" in policy.rules:
        return [(head.start(), tail.end(), fixed, "hyphenation")]
    edits = []
    if fixed[: len(left)] != left:
        edits.append((head.start(), head.end(), fixed[: len(left)], "confusion"))
    if fixed[len(left) :] != right:
        edits.append((tail.start(), tail.end(), fixed[len(left) :], "confusion"))
    return edits


def _split_numbers(text: str) -> list[_Edit]:
    """``201 3`` → ``2013``, ``1 992`` → ``1992``, ``1 8`` → ``18``: a number OCR split after a narrow ``1``.

    Only a group ending in ``1``, one space, and a group that together make a year
    (1500–2099, from ``1`` + 3 digits or 3 digits + 1) or, a lone ``1`` and a lone digit
    from 2 to 9, a number in the teens; never within a longer run of numbers. Two numbers
    side by side (``in 1996 2 countries``, ``1 000``) do not qualify, nor ``1 1`` or
    ``1 0`` (as likely ``I I`` or ``! O``).
    """
    edits = []
    for match in _SPLIT_NUMBER.finditer(text):
        left, right = match.group("left"), match.group("right")
        joined = left + right
        year = len(joined) == 4 and len(left) in (1, 3) and 1500 <= int(joined) <= 2099
        teen = left == "1" and len(right) == 1 and right not in "01"
        if left.endswith("1") and (year or teen):
            edits.append((match.start(), match.end(), joined, "split-number"))
    return edits


def _dropped_capital(text: str, lexicon: Lexicon) -> list[_Edit]:
    """A first line that is one capital letter, the rest of its word opening the next line.

    The letter is chosen afresh, since OCR may have misread it too: of the capitals that
    make a known word with the rest, the one whose word most often precedes the next word
    in English bigrams (``n the`` → ``In the``).
    """
    match = _DROPPED.match(text)
    if match is None:
        return []
    rest, following = match.group("rest"), _fold(match.group("next") or "")
    if match.group("capital") in "AI" and len(rest) > 1 and lexicon.known(rest):
        return []  # "I" / "am here": a word of one letter, then the next line
    bigrams = _bigrams()
    scored = []
    for capital in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        word = capital + rest
        if lexicon.known(word):
            scored.append((bigrams.get(f"{_fold(word)} {following}", 0) if following else lexicon.frequency(word), word))
    best = max(scored, default=(0, ""))
    return [(match.start("capital"), match.end("rest"), best[1], "dropped-capital")] if best[0] > 0 else []


def _phrases(text: str, spelled: list[tuple[int, int, str]], lexicon: Lexicon, edits: list[_Edit]) -> list[_Edit]:
    """``X Jinping`` → ``Xi Jinping``: a multi-word extra entry with one unknown word one letter off.

    ``spelled`` is every word as repaired so far; a phrase replaces the edits inside it.
    """
    found: list[_Edit] = []
    for j, (_, end, word) in enumerate(spelled):
        for phrase in lexicon.phrases(word):
            window = spelled[j + 1 - len(phrase) : j + 1]
            if len(window) != len(phrase) or found and found[-1][1] > window[0][0]:
                continue
            if any(text[a[1] : b[0]] != " " for a, b in zip(window, window[1:], strict=False)):
                continue
            wrong = [(w[2], p) for w, p in zip(window, phrase, strict=True) if _fold(w[2]) != _fold(p)]
            if len(wrong) == 1 and not lexicon.known(wrong[0][0]) and _one_letter_apart(*wrong[0]):
                found.append((window[0][0], end, " ".join(phrase), "phrase"))
    if not found:
        return edits
    starts = [f[0] for f in found]
    kept = []
    for edit in edits:
        k = bisect.bisect_right(starts, edit[0]) - 1
        if k < 0 or edit[0] >= found[k][1]:
            kept.append(edit)
    return kept + found


def _one_letter_apart(seen: str, printed: str) -> bool:
    a, b = _fold(seen), _fold(printed)
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _apply(text: str, edits: list[_Edit]) -> Repair:
    """The text with ``edits`` made, in order; an edit overlapping an earlier one, or changing nothing, is dropped."""
    pieces: list[str] = []
    corrections: list[Correction] = []
    at = 0
    for start, end, after, rule in sorted(edits):
        if start < at or text[start:end] == after:
            continue
        pieces += [text[at:start], after]
        corrections.append(Correction(start, end, text[start:end], after, rule))
        at = end
    pieces.append(text[at:])
    return Repair("".join(pieces), tuple(corrections))
