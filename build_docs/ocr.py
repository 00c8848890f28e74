"""OCR repair: misread words, split numbers, broken hyphenation, joined words, dropped capitals.

:func:`repair` takes the text of a scan and returns the repaired text with every change
recorded as a :class:`Correction` (offsets into the input), so a reader can check each
one. The rules are conservative by contract:

* a word the :class:`Lexicon` knows is never changed, nor an acronym (a word in
  capitals), a number, or anything that is not a word (URLs, amounts, ordinals);
* an unknown word is replaced only by a known word (no word is invented), reached
  through cheap OCR confusions (``rn``→``m``, ``l``→``i``, ``r,``→``n``, …) and at
  most one arbitrary edit, and only when that candidate is clearly better than every
  other; capitalised words (names) get confusions only, never an arbitrary edit;
* the case pattern of the word and the punctuation around it are kept;
* the output depends on nothing but the text and the lexicon, and the work is linear
  in the length of the text: each word is searched within a bounded budget.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from importlib import resources

#: Every rule :func:`repair` applies, by the name its corrections carry.
RULES = frozenset({"confusion", "number-confusion", "split-number", "hyphenation", "joined-words", "dropped-capital", "phrase"})

#: OCR confusions as (what the scan shows, what was printed, cost). An arbitrary edit
#: costs 1.0; these misreadings, well known from OCR engines, cost less.
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
    ("d", "cl", 0.5), ("d", "il", 0.6), ("vv", "w", 0.3), ("w", "vv", 0.5), ("r,", "n", 0.4), ("ri", "n", 0.5), ("n", "ri", 0.6), ("U", "ll", 0.4),
)
ACCENT = 0.3  # a speck read as an accent: é for e
EDIT = 1.0  # an arbitrary insertion, deletion or substitution of a letter
SPLIT = 0.5  # a space the scan lost between two words
RARITY = 0.1  # cost per order of magnitude a candidate is rarer than the commonest words
MARGIN = 0.3  # the best candidate must be cheaper than the runner-up by this much
EXTRA_FREQUENCY = 10**7  # an extra (corpus) word counts as a fairly common English word
NAME_FREQUENCY = 10**5  # a capitalised word is only read as a word at least this common
NAME_IN_NAME_FREQUENCY = 10**7  # ... and next to another capitalised word (``John Britton``), this common
SHORT_FREQUENCY = {2: 10**9, 3: 10**8, 4: 10**6, 5: 10**6, 6: 10**5}  # a short word is only read as a word at least this common
MAX_WORD = 30  # longer tokens are not words
REPEATED = 5  # an unknown word of this many letters that the text repeats is taken as a real word
WINDOW = 6  # words on each side that make a word's context
EARLY_MODERN_WORDS = 4
EARLY_MODERN_SHARE = 0.02
FOREIGN = 0.5  # a word whose context has more unknown words than this share is not repaired
#: Common words the English list lacks: interjections, titles, archaic forms.
SUPPLEMENT = ("oh", "ah", "eh", "ha", "lo", "ye", "tis", "mr", "dr", "messrs", "mme", "mlle")
_SUPPLEMENT_FREQUENCY = 10**6
#: Spelling variants the (American, modern) word list may lack: British ``-our``/``-ise``/``-tre``/``-lled``.
_VARIANTS = (("our", "or"), ("or", "our"), ("is", "iz"), ("iz", "is"), ("tre", "ter"), ("ll", "l"), ("yse", "yze"), ("ence", "ense"))
_PREFIXES = ("un", "re", "in", "im", "ir", "il", "dis", "non", "mis", "pre", "over", "under", "out", "co", "sub", "inter", "counter", "anti", "semi", "super", "fore")
_SUFFIXES = (
    "s", "es", "ed", "d", "ing", "ings", "er", "ers", "est", "ly", "ness", "ment", "ments", "able", "ible", "ful", "less", "ish", "ism", "isms",
    "ist", "ists", "ity", "ities", "ion", "ions", "ive", "al", "ally", "ee", "ees", "ance", "ence", "cy", "ry",
    "e",  # early modern English: helpe, readie, policie
)

_TRACE: dict | None = None
_FLAGS = {'del_letters': False, 'ins_ends': False, 'split_conf_only': True, 'name_penalty': 0.3, 'repeated': True, 'foreign': True, 'early': 'restrict', 'early_budget': 9, 'early_split': True, 'repeated_names': False}
_WORDS_FILE = "frequency_dictionary_en_82_765.txt"
_BIGRAMS_FILE = "frequency_bigramdictionary_en_243_342.txt"
_TOP_FREQUENCY = 10**10
_ACCENTS = {c: unicodedata.normalize("NFD", c)[0].lower() for c in map(chr, range(0xC0, 0x250)) if c.isalpha() and unicodedata.normalize("NFD", c)[0].isascii()}
_BY_FIRST: dict[str, tuple[tuple[str, str, float], ...]] = {}
#: Early modern print spells many words as one-letter misreadings of modern ones look (``bloud``,
#: ``coniure``); there, only confusions that split or merge glyphs or replace a non-letter count.
_BY_FIRST_EARLY: dict[str, tuple[tuple[str, str, float], ...]] = {}
for _confusion in CONFUSIONS:
    _BY_FIRST[_confusion[0][0]] = (*_BY_FIRST.get(_confusion[0][0], ()), _confusion)
    if (len(_confusion[0]) != len(_confusion[1]) or not _confusion[0].isalpha() or _confusion[0].isupper()) and _confusion[1] != "j":
        _BY_FIRST_EARLY[_confusion[0][0]] = (*_BY_FIRST_EARLY.get(_confusion[0][0], ()), _confusion)


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


# --- the word list -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    """A word list: count by lower-case word, and the letters that can follow each prefix of a word."""

    frequency: dict[str, int]
    following: dict[str, str]


def _following(words: Iterable[str]) -> dict[str, str]:
    letters: dict[str, set[str]] = {}
    for word in words:
        for i in range(len(word)):
            letters.setdefault(word[:i], set()).add(word[i])
        letters.setdefault(word, set())
    return {prefix: "".join(sorted(after)) for prefix, after in letters.items()}


@lru_cache(maxsize=1)
def _english() -> _Words:
    """symspellpy's English unigram list (82,765 words with corpus counts), read once per process."""
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

    The English list is read once per process (about 0.2 s); each instance adds its extra
    words on top. Extra words keep their spelling: a word corrected to one takes its case
    (``linping`` → ``Jinping``). An extra entry with a hyphen (``China-Russia``) or spaces
    (``Xi Jinping``) also lets :func:`repair` restore that compound or name.
    """

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._english = _english()
        self._extra: dict[str, str] = {}  # folded word -> spelling
        self._compounds: dict[str, str] = {}  # folded compound without its separators -> spelling
        self._phrases: dict[str, list[tuple[str, ...]]] = {}  # folded last word -> names ending in it
        for entry in extra_words:
            self._add(entry.strip())
        self._extra_following = _following(w for w in self._extra if w not in self._english.frequency)
        self._searches: dict[tuple[str, int, bool, bool], dict[str, float]] = {}
        self._known: dict[str, bool] = {}

    def _add(self, entry: str) -> None:
        words = entry.split()
        if len(words) > 1:
            self._phrases.setdefault(_fold(words[-1]), []).append(tuple(words))
            self._compounds.setdefault(_fold("".join(words)), entry)
        for word in words:
            parts = word.split("-")
            if len(parts) > 1 and all(parts):
                self._compounds.setdefault(_fold("".join(parts)), word)
            for part in (word, *parts):
                if part and (_fold(part) not in self._extra or part.islower()):
                    self._extra[_fold(part)] = part  # a word seen in lower case is not a name

    def known(self, word: str) -> bool:
        """Whether ``word`` is in the lexicon, in any case, or regularly derived from a word in it.

        Derived: a possessive ``'s``, known parts joined by hyphens, and one common English
        prefix or suffix on a stem of four letters or more (``prognosticated``, ``unwetted``,
        ``indelicacy``), which the word list, at 82,765 words, often lacks.
        """
        folded = _fold(word)
        if self._is_word(folded):
            return True
        answer = self._known.get(folded)
        if answer is None:
            answer = self._known[folded] = self._derivable(folded)
        return answer

    def _derivable(self, folded: str) -> bool:
        if folded.endswith("'s") and len(folded) > 2:
            return self.known(folded[:-2])
        parts = folded.split("-")
        if len(parts) > 1:
            return all(parts) and all(self.known(p) for p in parts)
        return (
            self._derived(folded)
            or any(folded.startswith(p) and self._derived(folded[len(p) :], True) for p in _PREFIXES)
            or any(a in folded and self._derived(folded.replace(a, b), True) for a, b in _VARIANTS)
        )

    def _derived(self, folded: str, bare: bool = False) -> bool:
        """``folded`` is a known stem with a common suffix (or, if ``bare``, the stem itself)."""
        if len(folded) < 4:
            return False
        if bare and self._is_word(folded):
            return True
        for suffix in _SUFFIXES:
            stem = folded[: -len(suffix)]
            if folded.endswith(suffix) and len(stem) >= 4 and self._stem(stem):
                return True
        return False

    def _stem(self, stem: str) -> bool:
        """A known word, allowing for a dropped ``e``, a doubled consonant or ``y`` turned ``i``."""
        return (
            self._is_word(stem)
            or self._is_word(stem + "e")
            or (stem[-1] == stem[-2] and self._is_word(stem[:-1]))
            or (stem[-1] == "i" and self._is_word(stem[:-1] + "y"))
        )

    def _old_spelling(self, folded: str) -> bool:
        """An early modern spelling of a known word: ``e`` added, ``ie`` for ``y``, ``i`` for ``j``, ``u``/``v`` swapped."""
        if self._is_word(folded):
            return False
        forms = [folded.replace("i", "j"), folded.replace("u", "v"), folded.replace("v", "u"), folded + folded[-1:]]
        if folded.endswith("e"):
            forms += [folded[:-1], folded[:-2] + "y", folded[:-2] if folded[-2:-1] == folded[-3:-2] else ""]
        return any(len(f) >= 3 and f != folded and self.known(f) for f in forms)

    def compound(self, word: str) -> bool:
        """Whether ``word`` is two known words of four letters or more run together (``grapeshot``)."""
        folded = _fold(word)
        return any(self._is_word(folded[:i]) and self._is_word(folded[i:]) for i in range(4, len(folded) - 3))

    def frequency(self, word: str) -> int:
        """How common ``word`` is in English (0 when unknown); an extra word counts as fairly common."""
        folded = _fold(word)
        count = self._english.frequency.get(folded, 0)
        return max(count, EXTRA_FREQUENCY) if folded in self._extra else count

    def spelling(self, word: str) -> str | None:
        """The extra words' spelling of ``word`` (``jinping`` → ``Jinping``), if it is one of them."""
        return self._extra.get(_fold(word))

    def joined(self, joined: str) -> str | None:
        """The extra compound or name that ``joined`` spells without its separators (``ChinaRussia``)."""
        return self._compounds.get(_fold(joined))

    def phrases(self, last: str) -> list[tuple[str, ...]]:
        """The multi-word extra entries whose last word is ``last``."""
        return self._phrases.get(_fold(last), [])

    def _is_word(self, folded: str) -> bool:
        return folded in self._english.frequency or folded in self._extra

    def _next_letters(self, prefix: str) -> str | None:
        """The letters that can follow ``prefix`` in a word, or None when no word starts with it."""
        english = self._english.following.get(prefix)
        extra = self._extra_following.get(prefix)
        if english is None or extra is None:
            return extra if english is None else english
        return english + extra

    def candidates(self, token: str, edits: int, split: bool, modern: bool = True) -> dict[str, float]:
        """Known words ``token`` may be a misreading of, with their cost (see :class:`_Search`); memoised."""
        key = (token, edits, split, modern)
        found = self._searches.get(key)
        if found is None:
            found = self._searches[key] = _Search(self, token, edits, split, modern).run()
        return found


class _Search:
    """Depth-first search of the word list along ``token``, within a budget set by its length.

    Each step copies a letter, applies a :data:`CONFUSIONS` entry, makes one of at most
    ``edits`` arbitrary edits (never to an apostrophe), or, if ``split``, ends a word
    where the scan lost a space. Every step must extend a prefix some word starts with,
    so the search only walks paths that can end in a word, and its size is bounded by
    the budget whatever the text.
    """

    def __init__(self, lexicon: Lexicon, token: str, edits: int, split: bool, modern: bool) -> None:
        self.lexicon = lexicon
        self.confusions = _BY_FIRST if modern else _BY_FIRST_EARLY
        self.token = token
        self.budget = _budget(sum(c.isalpha() for c in token))
        self.edits = edits
        self.splits = 1 if split else 0
        self.found: dict[str, float] = {}

    def run(self) -> dict[str, float]:
        self._visit(0, "", "", 0.0, 0, 0)
        return self.found

    def _visit(self, i: int, done: str, word: str, cost: float, edits: int, splits: int) -> None:
        letters = self.lexicon._next_letters(word)
        if letters is None:
            return
        token = self.token
        if i == len(token) and word and self.lexicon._is_word(word) and cost < self.found.get(done + word, math.inf):
            self.found[done + word] = cost
        if i < len(token):
            char = token[i]
            if char.isalpha() or char == "'":
                self._visit(i + 1, done, word + _fold(char), cost, edits, splits)
                plain = _ACCENTS.get(char)
                if plain and cost + ACCENT <= self.budget:
                    self._visit(i + 1, done, word + plain, cost + ACCENT, edits, splits)
            for seen, printed, weight in self.confusions.get(char, ()):
                if cost + weight <= self.budget and token.startswith(seen, i):
                    self._visit(i + len(seen), done, word + printed, cost + weight, edits, splits)
        if edits < self.edits and splits == 0 and cost + EDIT <= self.budget:
            if i < len(token) and token[i] not in "'\u2019":
                if not token[i].isalpha() or _FLAGS["del_letters"]:
                    self._visit(i + 1, done, word, cost + EDIT, edits + 1, splits)
                for letter in letters if i + 1 < len(token) or not token[i].isalpha() else "":
                    if letter != _fold(token[i]) and letter.isalpha():
                        self._visit(i + 1, done, word + letter, cost + EDIT, edits + 1, splits)
            if 0 < i < len(token) or _FLAGS["ins_ends"]:
                for letter in letters:
                    if letter.isalpha():
                        self._visit(i, done, word + letter, cost + EDIT, edits + 1, splits)
        if splits < self.splits and edits == 0 and 0 < i < len(token) and cost + SPLIT <= self.budget and len(word) > 1 and self.lexicon._is_word(word):
            self._visit(i, f"{done}{word} ", "", cost + SPLIT, edits, splits + 1)


def _budget(letters: int) -> float:
    """How much OCR damage a word of this many letters may carry and still be recognised."""
    if letters <= 3:
        return 0.6
    if letters == 4:
        return 0.9
    if letters <= 5:
        return 1.0
    return 1.5 if letters <= 8 else 2.0


@dataclass(frozen=True)
class _Place:
    """Where a word stands: opening a sentence, or among capitalised words (a name)."""

    sentence_start: bool = False
    in_name: bool = False


_MID = _Place()


@dataclass(frozen=True)
class _Policy:
    """How one text is repaired: the rules on, and whether it is modern print.

    Early modern print (``helpe``, ``coniure``, ``shee``) spells many words as misreadings
    of modern ones look; there, ``i``/``j`` confusions and arbitrary edits are off.
    """

    rules: frozenset[str]
    modern: bool = True


# --- one word --------------------------------------------------------------------------------------

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|s|d|[ap]m)", re.IGNORECASE)
_NUMBER_LIKE = re.compile(r"[\dlIO]+")


def _fix_word(word: str, lexicon: Lexicon, place: _Place, policy: _Policy) -> tuple[str, str] | None:
    """The repaired word and the rule that repaired it, or None to keep ``word``."""
    if len(word) > MAX_WORD or lexicon.known(word):
        return None
    digits = sum(c.isdigit() for c in word)
    if "number-confusion" in policy.rules and len(word) > 1 and _NUMBER_LIKE.fullmatch(word) and 0 < digits < len(word) and digits >= len(word) - 1:
        return word.translate(str.maketrans("lIO", "110")), "number-confusion"
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
    """``en-ergy`` → ``energy`` (a known word broken by layout); or a misread part of a compound."""
    parts = word.split("-")
    joined = "".join(parts)
    if lexicon.known(joined):
        if "hyphenation" in policy.rules and len(parts) == 2 and not all(lexicon.known(p) for p in parts):
            return joined, "hyphenation"
        return None
    fixed = _fix_plain(joined, lexicon, place, policy, split=False)
    if fixed is not None and len(fixed[0]) == len(joined):
        if "hyphenation" in policy.rules and len(parts) == 2 and not all(lexicon.known(p) for p in _cut(fixed[0], parts)):
            return fixed[0], "hyphenation"
        return "-".join(_cut(fixed[0], parts)), "confusion"
    if sum(not lexicon.known(p) for p in parts) != 1 or min(len(p) for p in parts) < 4:
        return None  # fragments of one word, not a compound with one misread part
    repaired = [p if lexicon.known(p) else _fix_plain(p, lexicon, place if i == 0 else _MID, policy, split=False) for i, p in enumerate(parts)]
    if any(r is None for r in repaired):
        return None
    return "-".join(r if isinstance(r, str) else r[0] for r in repaired if r is not None), "confusion"


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
    edits = 0 if name_like or letters <= 3 or not policy.modern else 2 if letters >= 10 else 1
    split = split and "joined-words" in policy.rules and not name_like and letters >= 6
    penalty = _FLAGS["name_penalty"] if name_like and not place.sentence_start else 0.0
    split = split and (policy.modern or _FLAGS["early_split"])
    candidates = lexicon.candidates(word, edits, split, policy.modern)
    if not policy.modern:
        candidates = {w: c for w, c in candidates.items() if c <= _FLAGS["early_budget"]}
    if lexicon.compound(word):  # a compound the word list lacks, or two words run together
        candidates = {w: c for w, c in candidates.items() if c == SPLIT and w in _bigrams()}
    if name_like:
        least = NAME_IN_NAME_FREQUENCY if place.in_name and not place.sentence_start else NAME_FREQUENCY
        candidates = {w: c for w, c in candidates.items() if lexicon.frequency(w) >= least or " " in w}
    if penalty:
        limit = _budget(letters) - penalty
        candidates = {w: c for w, c in candidates.items() if c <= limit or (lexicon.spelling(w) or "a")[0].isupper()}
    best = _choose(candidates, lexicon, letters)
    if best is None:
        return None
    return _with_case(best, word, place.sentence_start, lexicon), "joined-words" if " " in best else "confusion"


def _choose(candidates: dict[str, float], lexicon: Lexicon, letters: int) -> str | None:
    """The clearly best plausible candidate: cheapest once rarity is charged, by :data:`MARGIN`."""
    least = SHORT_FREQUENCY.get(letters, 0)
    scored = sorted(
        (cost + _rarity(word, lexicon), word)
        for word, cost in candidates.items()
        if (" " not in word and lexicon.frequency(word) >= max(least, SHORT_FREQUENCY.get(len(word), 0))) or (" " in word and _plausible_split(word, cost))
    )
    if not scored or (len(scored) > 1 and scored[1][0] - scored[0][0] < MARGIN):
        return None
    if _TRACE is not None:
        _TRACE[scored[0][1]] = (candidates[scored[0][1]], scored[0][0], (scored[1][0] - scored[0][0]) if len(scored) > 1 else 9.0, len(scored))
    return scored[0][1]


def _plausible_split(words: str, cost: float) -> bool:
    """Two words the scan ran together: a known bigram, or two long words in a token with a misread glyph.

    A clean token of two long words may be a compound the word list lacks (``schoolfellows``).
    """
    first, second = words.split(" ")
    if min(len(first), len(second)) < 2:
        return False
    return words in _bigrams() or (min(len(first), len(second)) >= 6 and cost > SPLIT)


def _rarity(words: str, lexicon: Lexicon) -> float:
    frequency = min(lexicon.frequency(w) for w in words.split(" "))
    return RARITY * math.log10(_TOP_FREQUENCY / max(frequency, 1))


def _with_case(candidate: str, like: str, sentence_start: bool, lexicon: Lexicon) -> str:
    """The lower-case ``candidate`` spelled with the case pattern of ``like`` (or an extra word's spelling)."""
    letters = [c for c in like if c.isalpha()]
    if len(letters) > 1 and 3 * sum(c.isupper() for c in letters) >= 2 * len(letters):
        return candidate.upper()
    capital = like[0].isupper() or (like[0] in "l1|!" and candidate[0] == "i" and sentence_start)
    words = [lexicon.spelling(w) or w for w in candidate.split(" ")]
    if capital:
        words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words)


# --- the text ----------------------------------------------------------------------------------------

#: A word: letters and digits, with the glyphs OCR puts for letters (``|``, ``!``), and an
#: apostrophe, hyphen, or ``r,`` (a misread ``n``) inside it.
_WORD = re.compile(r"(?:[^\W_]|[|!](?=[^\W\d_]))(?:[^\W_]|[|!](?=[^\W_])|['\u2019-](?=[^\W_])|(?<=r),(?=[^\W\d_]))*")
_LINE_HYPHEN = re.compile(r"[-\u2010\u00ac][ \t]*\n?[ \t]*(?=[a-z])")
_DROPPED = re.compile(r"\s*(?P<capital>[A-Z])[ \t]*\n[ \t]*(?P<rest>[a-z]+)\b(?:[ \t]+(?P<next>[A-Za-z']+))?")
_SPLIT_NUMBER = re.compile(r"(?<![\w.,/£$€-])(?P<left>\d{1,3}) (?P<right>\d{1,3})(?![\w/]|[.,]\d| \d)")
_ABBREVIATED = re.compile(r"\.[ \t]*[a-z\d]")
_ABBREVIATION = re.compile(r"(?:^|[\s(])[A-Z][a-z]{0,3}\.$")  # an initial or a title: "B.", "Mr.", "Rev."
_OPENERS = "\"'\u201c\u2018([{*\u00ab"

_Edit = tuple[int, int, str, str]  # start, end, replacement, rule


def repair(text: str, lexicon: Lexicon, rules: Collection[str] = RULES) -> Repair:
    """Repair OCR errors in `text` (may contain newlines; newlines are kept except where an end-of-line hyphenation is joined).

    ``rules`` names the rules to apply (default: all of :data:`RULES`); without
    ``hyphenation``, words broken at a line end are still repaired but stay broken.
    Besides known words, three kinds of unknown word are left alone: a word the text
    repeats letter for letter (OCR rarely misreads a long word twice alike; names and old
    spellings recur), half of a word split by a space, and a word among mostly unknown
    words (a foreign passage or garbage, where no English reading is safe).
    """
    edits: list[_Edit] = []
    if "dropped-capital" in rules:
        edits += _dropped_capital(text, lexicon)
    if "split-number" in rules:
        edits += _split_numbers(text)
    edits.sort()
    words = list(_WORD.finditer(text))
    context = _Context(text, words, lexicon)
    policy = _Policy(frozenset(rules), modern=not context.early_modern())
    spelled: list[tuple[int, int, str]] = []  # every word as it now reads, for the phrase rule
    taken, i = 0, 0  # taken: index into edits of the next text-level edit that words must not overlap
    while i < len(words):
        match = words[i]
        while taken < len(edits) and edits[taken][1] <= match.start():
            taken += 1
        if taken < len(edits) and edits[taken][0] < match.end():
            i += 1
            continue
        following = words[i + 1] if i + 1 < len(words) else None
        hyphen = _LINE_HYPHEN.match(text, match.end())
        if hyphen is not None and following is not None and following.start() == hyphen.end():
            edits += _line_hyphen(match, following, lexicon, context.place(i), policy)
            i += 2
            continue
        fixed = _fix_word(match.group(), lexicon, context.place(i), policy) if context.repairable(i, policy.modern) and (policy.modern or _FLAGS["early"] != "skip") else None
        if fixed is not None:
            edits.append((match.start(), match.end(), *fixed))
        spelled.append((match.start(), match.end(), match.group() if fixed is None else fixed[0]))
        i += 1
    if "phrase" in rules:
        edits = _phrases(text, spelled, lexicon, edits)
    return _apply(text, edits)


class _Context:
    """What the words around a word say about it: counts, unknown neighbours, sentence starts."""

    def __init__(self, text: str, words: list[re.Match[str]], lexicon: Lexicon) -> None:
        self.text = text
        self.words = words
        self.lexicon = lexicon
        self.known = [lexicon.known(w.group()) for w in words]
        self.unknown_before = list(accumulate((not k for k in self.known), initial=0))
        self.counts = Counter(_fold(w.group()) for w in words)

    def repairable(self, i: int, modern: bool) -> bool:
        """Whether the word at ``i`` is unknown and may be repaired (see :func:`repair`)."""
        if self.known[i]:
            return False
        word = self.words[i].group()
        if not modern and self.lexicon._old_spelling(_fold(word)):
            return False
        if _ABBREVIATED.match(self.text, self.words[i].end()):
            return False  # "impl. 4to", "vols. ii": a full stop that ends no sentence marks an abbreviation
        if sum(c.isupper() for c in word[1:]) > 1 and not word.isupper():
            return False  # "tODB": case this mixed is noise, not a word
        if _FLAGS["repeated"] and self.counts[_fold(word)] > 1 and len(word) >= REPEATED and word.isalpha() and (word.islower() or word.istitle()):
            return False
        if _FLAGS["repeated_names"] and self.counts[_fold(word)] > 1 and word.isalpha() and word.istitle() and not self.sentence_start(i):
            return False
        lo, hi = max(0, i - WINDOW), min(len(self.words), i + WINDOW + 1)
        if _FLAGS["foreign"] and hi - lo > 2 and (self.unknown_before[hi] - self.unknown_before[lo] - 1) > FOREIGN * (hi - lo - 1):
            return False
        return not self._half(i, i - 1) and not self._half(i, i + 1)

    def early_modern(self) -> bool:
        """Whether the text is early modern print: many words are modern ones in an older spelling.

        Counted: unknown words that are a known word with an ``e`` added (``helpe``,
        ``readie``, ``beene``) or with ``i`` for ``j`` or ``u``/``v`` swapped (``coniure``,
        ``vertue``) — at least :data:`EARLY_MODERN_WORDS` of them and :data:`EARLY_MODERN_SHARE`
        of the words. Modern text, even badly scanned, has almost none.
        """
        if _FLAGS["early"] == "off":
            return False
        long = [w.group() for w, k in zip(self.words, self.known, strict=True) if len(w.group()) >= 3 and w.group().isalpha()]
        old = sum(self.lexicon._old_spelling(_fold(w)) for w in long)
        return old >= EARLY_MODERN_WORDS and old >= EARLY_MODERN_SHARE * len(long)

    def _half(self, i: int, j: int) -> bool:
        """Whether words ``i`` and its neighbour ``j``, split by a space, make a known word."""
        if not 0 <= j < len(self.words):
            return False
        a, b = sorted((self.words[i], self.words[j]), key=lambda m: m.start())
        return self.text[a.end() : b.start()].isspace() and self.lexicon.known(a.group() + b.group())

    def place(self, i: int) -> _Place:
        """Where word ``i`` stands."""
        capitalised = [0 <= j < len(self.words) and self.words[j].group()[:1].isupper() for j in (i - 1, i + 1)]
        after_name = capitalised[0] and not self.sentence_start(i)
        before_name = capitalised[1] and not self.sentence_start(i + 1)
        return _Place(self.sentence_start(i), after_name or before_name)

    def sentence_start(self, i: int) -> bool:
        """Whether word ``i`` opens the text, a paragraph or a sentence (an initial or ``Mr.`` ends none)."""
        at = self.words[i].start()
        before = self.text[max(0, at - 80) : at].rstrip(_OPENERS + " \t")
        stripped = before.rstrip()
        if not stripped or before[len(stripped) :].count("\n") > 1:
            return True
        return stripped[-1] in "!?" or (stripped[-1] == "." and _ABBREVIATION.search(stripped) is None)


def _line_hyphen(head: re.Match[str], tail: re.Match[str], lexicon: Lexicon, place: _Place, policy: _Policy) -> list[_Edit]:
    """A word broken at a line end (``en-`` / ``ergy``): join it, or repair it and keep the break.

    Its two halves are never repaired on their own: they are fragments, not words.
    """
    left, right = head.group(), tail.group()
    joined = left + right
    span = (head.start(), tail.end())
    if lexicon.known(joined) or "-" in joined:
        fixed: str | None = joined
    else:
        repaired = _fix_plain(joined, lexicon, place, policy, split=False)
        fixed = None if repaired is None or len(repaired[0]) != len(joined) else repaired[0]
    if fixed is None or "-" in joined:
        return []
    if "hyphenation" in policy.rules and not (lexicon.known(left) and lexicon.known(right) and fixed == joined):
        return [(*span, fixed, "hyphenation")]
    edits = []
    if fixed[: len(left)] != left:
        edits.append((head.start(), head.end(), fixed[: len(left)], "confusion"))
    if fixed[len(left) :] != right:
        edits.append((tail.start(), tail.end(), fixed[len(left) :], "confusion"))
    return edits


def _split_numbers(text: str) -> list[_Edit]:
    """``201 3`` → ``2013``, ``1 992`` → ``1992``, ``1 8`` → ``18``: a number OCR split after a narrow ``1``.

    Only a group ending in ``1``, one space, and a group that with it makes a year
    (1500–2099, from ``1`` + 3 digits or 3 digits + 1) or, for a lone ``1`` and a lone
    digit from 2 to 9, a number in the teens. Two numbers side by side (``in 1996 2
    countries``, ``1 000``) never qualify, nor a ``1 1`` or ``1 0`` (as likely ``I I``, ``I O``).
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

    The letter is chosen afresh (OCR may have misread it too): of the capitals that make
    a known word with the rest, the one whose word most often precedes the next word in
    English bigrams (``n the`` → ``In the``).
    """
    match = _DROPPED.match(text)
    if match is None:
        return []
    rest, following = match.group("rest"), _fold(match.group("next") or "")
    bigrams = _bigrams()
    scored = []
    for capital in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        word = capital + rest
        if lexicon.known(word):
            score = bigrams.get(f"{_fold(word)} {following}", 0) if following else lexicon.frequency(word)
            scored.append((score, word))
    best = max(scored, default=(0, ""))
    return [(match.start("capital"), match.end("rest"), best[1], "dropped-capital")] if best[0] > 0 else []


def _phrases(text: str, spelled: list[tuple[int, int, str]], lexicon: Lexicon, edits: list[_Edit]) -> list[_Edit]:
    """``X Jinping`` → ``Xi Jinping``: a multi-word extra entry with one word misread, by one letter."""
    found: list[_Edit] = []
    for j, (_, end, word) in enumerate(spelled):
        for phrase in lexicon.phrases(word):
            window = spelled[j + 1 - len(phrase) : j + 1]
            if len(window) != len(phrase) or any(text[a[1] : b[0]] != " " for a, b in zip(window, window[1:], strict=False)):
                continue
            wrong = [(w[2], p) for w, p in zip(window, phrase, strict=True) if _fold(w[2]) != _fold(p)]
            if len(wrong) == 1 and not lexicon.known(wrong[0][0]) and _one_letter_apart(*wrong[0]):
                found.append((window[0][0], end, " ".join(phrase), "phrase"))
    if not found:
        return edits
    kept = [e for e in edits if not any(s <= e[0] < f for s, f, _, _ in found)]
    return kept + found


def _one_letter_apart(seen: str, printed: str) -> bool:
    a, b = _fold(seen), _fold(printed)
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _apply(text: str, edits: list[_Edit]) -> Repair:
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
