"""The :class:`Lexicon`: which words are known (listed, extra, or regularly derived), how common
they are, and the extra words' spellings, compounds and names.

The derivation tables (prefixes, suffixes, British spelling variants) are listed in
``build_docs/data/ocr/``; what counts as a derivation is a rule, here.
"""

from __future__ import annotations

from collections.abc import Iterable

from build_docs.clean.ocr.confusions import _VOWELS, _Search
from build_docs.clean.ocr.english import _bigrams, _english, _fold, _following
from build_docs.data import lines

EXTRA_FREQUENCY = 10**10  # an extra word counts as one of the commonest: a corpus's scans most likely say its own words
#: Spelling variants the (American, modern) word list may lack: British ``-our``, ``-ise``, ``-tre``, ``-lled``.
_VARIANTS = tuple((found, listed) for found, listed in map(str.split, lines("ocr/variants.txt")))
_PREFIXES = lines("ocr/prefixes.txt")
_SUFFIXES = lines("ocr/suffixes.txt")


class Lexicon:
    """English word list (symspellpy's shipped dictionaries) plus extra words, e.g. the vocabulary of the
    corpus's clean sources and registry names. Built once per build; must be cheap to query.

    The English list is read once per process (about 0.2 s); an instance adds its extra
    words on top, in time linear in their number. Extra words keep their spelling: a word
    corrected to one takes it (``linping`` → ``Jinping``), unless it was also seen in
    lower case. An entry with a hyphen (``China-Russia``) or spaces (``Xi Jinping``) also
    lets :func:`repair` restore that compound or name.

    The extra words come in text order (the clean sources' words, one after another), so two
    single-word entries in a row are a word pair the corpus uses (:meth:`pair_count`), which
    correction in context weighs with English pairs. A capitalised word after a lower-case
    one opens no pair: it mostly opens a sentence, or is a name, which is never corrected. Only
    the pairs English lacks are kept (the English pairs attest the others), which keeps a large
    corpus's lexicon small enough to send to every worker.
    """

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._english = _english()
        self._extra: dict[str, str] = {}  # folded word -> spelling
        self._compounds: dict[str, str] = {}  # folded compound without its separators -> spelling
        self._phrases: dict[str, list[tuple[str, ...]]] = {}  # folded last word -> names ending in it
        self._pairs: dict[str, int] = {}  # "first second", folded consecutive single words English lacks -> how often
        previous = ""
        for entry in extra_words:
            self._add(entry)
            single = entry if entry and " " not in entry else ""
            if previous and single and not (previous[0].islower() and single[0].isupper()):
                pair = f"{_fold(previous)} {_fold(single)}"
                if pair not in _bigrams():  # read on the first pair: a registry's names seldom make one
                    self._pairs[pair] = self._pairs.get(pair, 0) + 1
            previous = single
        self._extra_following: dict[str, str] | None = None  # made on first use (_next_letters)
        self._known: dict[str, bool] = {}
        self._searches: dict[tuple[str, int, bool, bool, float | None], dict[str, float]] = {}

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

    def pair_count(self, first: str, second: str) -> int:
        """How often the extra words have ``first`` followed by ``second`` (both folded), for a pair English lacks."""
        return self._pairs.get(f"{first} {second}", 0)

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

    def candidates(self, token: str, edits: int, split: bool, modern: bool = True, budget: float | None = None) -> dict[str, float]:
        """Listed words ``token`` may be a misreading of, with their cost (see :class:`_Search`; ``budget``
        overrides the damage its length allows); memoised."""
        key = (token, edits, split, modern, budget)
        found = self._searches.get(key)
        if found is None:
            found = self._searches[key] = _Search(self, token, edits, split, modern, budget).run()
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
        if self._extra_following is None:
            self._extra_following = self._merge(_following(w for w in self._extra if w not in self._english.frequency))
        letters = self._extra_following.get(prefix)
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
