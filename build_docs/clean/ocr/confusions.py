"""What a misread word may have been: the OCR confusions and their costs, and the search that
follows them through the word list.

The confusions (``rn``→``m``, ``l``→``i``, ``r,``→``n``, …) are listed, with their costs, in
``build_docs/data/ocr/confusions.txt``; the other costs of a reading (an accent, an arbitrary
edit, a lost space) and the budget a word of a given length may spend are rules, here.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from build_docs.clean.ocr.english import _fold
from build_docs.data import lines

if TYPE_CHECKING:
    from build_docs.clean.ocr.lexicon import Lexicon

#: OCR confusions as (what the scan shows, what was printed, cost); an arbitrary substitution costs :data:`EDIT`.
CONFUSIONS: tuple[tuple[str, str, float], ...] = tuple((seen, printed, float(cost)) for seen, printed, cost in map(str.split, lines("ocr/confusions.txt")))
ACCENT = 0.3  # a speck read as an accent: é for e (in a text where accents are noise, see :meth:`_Context.noisy_accents`)
EDIT = 1.0  # an arbitrary substitution of a letter, or deletion of a character that is neither letter nor digit
SPLIT = 0.5  # a space the scan lost between two words

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

    def __init__(self, lexicon: Lexicon, token: str, edits: int, split: bool, modern: bool, budget: float | None = None) -> None:
        self.lexicon = lexicon
        self.confusions = _MODERN_CONFUSIONS if modern else _EARLY_CONFUSIONS
        self.token = token
        self.budget = _budget(sum(c.isalpha() for c in token)) if budget is None else budget
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
