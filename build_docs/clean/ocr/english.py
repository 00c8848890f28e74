"""The English word lists, read once from symspellpy: word counts (with :data:`SUPPLEMENT`), the
letters that may follow each prefix of a word, and bigram counts; and :func:`_fold`, the one
way words are compared (lower case, a typographic apostrophe as ``'``).

:func:`_english` is cached: ``_english.cache_clear()`` makes the next :class:`Lexicon` read
the list again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from build_docs.data import lines

#: Common words the English list lacks: interjections, titles.
SUPPLEMENT = lines("ocr/supplement.txt")

_WORDS_FILE = "frequency_dictionary_en_82_765.txt"
_BIGRAMS_FILE = "frequency_bigramdictionary_en_243_342.txt"
_SUPPLEMENT_FREQUENCY = 10**6  # a supplement word counts as moderately common


@dataclass(frozen=True)
class _Words:
    """A word list: count by lower-case word, and the letters that can follow each prefix of a word
    (made on first use: only correcting a scan reads them, and making them takes a quarter of a second)."""

    frequency: dict[str, int]

    @cached_property
    def following(self) -> dict[str, str]:
        return _following(self.frequency)


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
    return _Words(frequency)


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
