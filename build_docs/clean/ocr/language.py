"""A word-pair language model: how likely a word is between its neighbours, for correction in context.

Why: many misread words have several one-edit neighbours (``thel``: the, then, they) or are
words themselves (``tho``, ``arc``); the word alone cannot say which was printed, its
neighbours often can (``arc opposed`` → ``are opposed``). The pairs come from symspellpy's
English bigram counts (read once per process with the word list, :func:`~.english._bigrams`;
about 0.15 s, so no disk cache) and from the corpus's clean sources (:meth:`Lexicon.pair_count`).

The bigram table counts a larger corpus than the word list and keeps only pairs seen at
least :attr:`_Pairs.floor` times. So counts are put on the word list's scale with
:attr:`_Pairs.scale`, measured from the table itself, and a pair the table lacks is taken to
be as common as its words make it by chance, but never commoner than half the floor: its
absence says it is rarer than that. Scores are natural logarithms.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from functools import lru_cache

from build_docs.clean.ocr.english import _bigrams, _english
from build_docs.clean.ocr.lexicon import Lexicon

_SCALE_WORDS = 100  # the commonest words, whose pairs in the table measure its scale
_UNSEEN = 0.5  # a pair absent from the table counts at most this share of the table's floor


@dataclass(frozen=True)
class _Pairs:
    """The bigram table and what is needed to read it against the word list."""

    counts: dict[str, int]
    scale: float  # pair counts per word-list count: how much larger the table's corpus is
    floor: int  # the least count the table keeps
    total: int  # the word list's total count


@lru_cache(maxsize=1)
def _pairs() -> _Pairs:
    """The bigram table, with its scale: the median, over the commonest words, of the counts of the
    pairs they open divided by their own count (the table's cut makes this a slight underestimate)."""
    counts = _bigrams()
    frequency = _english().frequency
    opened: dict[str, int] = {}
    for pair, count in counts.items():
        first = pair.partition(" ")[0]
        opened[first] = opened.get(first, 0) + count
    common = sorted(frequency, key=lambda w: (-frequency[w], w))[:_SCALE_WORDS]
    scale = statistics.median(opened[w] / frequency[w] for w in common if w in opened)
    return _Pairs(counts, scale, min(counts.values()), sum(frequency.values()))


def attested(first: str, second: str, lexicon: Lexicon) -> bool:
    """Whether the pair is in the bigram table or in the corpus's clean sources (both folded)."""
    return f"{first} {second}" in _pairs().counts or lexicon.pair_count(first, second) > 0


def pair_count(first: str, second: str, lexicon: Lexicon) -> float:
    """How often ``first second`` occurs, on the table's scale (see the module docstring).

    A pair found in the clean sources counts one floor per occurrence: the corpus's own usage.
    """
    pairs = _pairs()
    count = pairs.counts.get(f"{first} {second}", 0) + pairs.floor * lexicon.pair_count(first, second)
    if count:
        return float(count)
    chance = _frequency(first, lexicon) * _frequency(second, lexicon) / pairs.total * pairs.scale
    return max(min(chance, _UNSEEN * pairs.floor), 1.0)


def log_probability(words: tuple[str, ...], before: str | None, after: str | None, lexicon: Lexicon) -> float:
    """log P(words, after | before): the chain of each word given the one before it.

    With no word before, the first word's own frequency; with none after, nothing for it.
    Candidates for one place share ``before`` and ``after``, so their scores compare.
    """
    pairs = _pairs()
    score = 0.0
    previous = before
    for word in (*words, *((after,) if after is not None else ())):
        if previous is None:
            score += math.log(max(_frequency(word, lexicon), 1) / pairs.total)
        else:
            score += math.log(pair_count(previous, word, lexicon) / (max(_frequency(previous, lexicon), 1) * pairs.scale))
        previous = word
    return score


def _frequency(word: str, lexicon: Lexicon) -> int:
    """A word's count in English; an extra (corpus) word counts as a moderately common word here, not
    one of the commonest, so a name never outweighs English pairs."""
    count = lexicon.frequency(word)
    return min(count, _english().frequency.get(word, 0) or _EXTRA) if count else 0


_EXTRA = 10**6  # what a corpus word the English list lacks counts as in a pair's chance estimate
