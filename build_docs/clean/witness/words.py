"""Words as the witness modules compare them: keys, word pairs, ordered matches, and the English word lists.

Everything compares *keys*: words case-folded, stripped of punctuation and with
the letters OCR confuses (``1 l i j``, ``0 o``, ``rn m``, ``vv w``) folded
together, so ``"ln"`` matches ``"In"`` and ``"ioint"`` matches ``"joint"``.
:func:`_bigrams` hashes consecutive keys into word pairs, :func:`_positions`
indexes them and :func:`_chain` finds the longest run of matches in order,
which detection, reading order and alignment all build on. :func:`english`
reads the word and word-pair counts that ship with symspellpy, once; it is the
package's only I/O.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

_WORD = re.compile(r"[^\s\u2010-\u2015]+")  # split on white space and dashes, not on the hyphen-minus
_FOLD = str.maketrans({"1": "i", "l": "i", "j": "i", "0": "o"})
_FOLD_PAIRS = (("rn", "m"), ("vv", "w"))


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """The form of a word that comparisons use: ``"Beiiing's"`` and ``"Beijing's"`` both give ``"beiiings"``."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(c for c in text if c.isalnum())
    for pair, single in _FOLD_PAIRS:
        text = text.replace(pair, single)
    return text.translate(_FOLD)


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    key: str


def _words(text: str) -> list[_Word]:
    """The words of ``text`` with their character spans; words with no letter or digit are left out."""
    found = (_Word(m.group(), m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(text))
    return [w for w in found if w.key]


def _keys(text: str) -> list[str]:
    return [k for k in map(_key, _WORD.findall(text)) if k]


def _bigrams(keys: Sequence[str]) -> list[int]:
    """Stable hashes of the word pairs of ``keys``: CRC-32 of ``"a b"`` (``hash()`` of a str changes between runs)."""
    return [zlib.crc32(f"{a} {b}".encode()) for a, b in pairwise(keys)]


def _positions(items: Iterable[int]) -> dict[int, list[int]]:
    where: dict[int, list[int]] = defaultdict(list)
    for j, item in enumerate(items):
        where[item].append(j)
    return where


def _chain(a: Sequence[int], b: Mapping[int, Sequence[int]], max_occurrences: int = 4) -> list[tuple[int, int]]:
    """The longest chain of matches ``(i, j)``, ``a[i] == b[j]``, increasing in both ``i`` and ``j``.

    ``b`` is given by its :func:`_positions`. Items that occur more than
    ``max_occurrences`` times in ``b`` are ignored: they are the common phrases
    every text shares and would only add noise and cost. Time O(m log m) in the
    number of matches m (Hunt–Szymanski).
    """
    matches = [(i, j) for i, item in enumerate(a) if len(b.get(item, ())) <= max_occurrences for j in reversed(b.get(item, ()))]
    tails: list[int] = []  # tails[k]: smallest j ending a chain of length k + 1
    ends: list[int] = []  # index in matches of that chain's last match
    before: list[int] = [-1] * len(matches)
    for m, (_, j) in enumerate(matches):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(m)
        else:
            tails[k] = j
            ends[k] = m
        before[m] = ends[k - 1] if k else -1
    chain = []
    m = ends[-1] if ends else -1
    while m >= 0:
        chain.append(matches[m])
        m = before[m]
    return chain[::-1]


@dataclass(frozen=True)
class English:
    """Word and word-pair counts: the symspellpy frequency lists (Google Books), as log2 counts.

    ``pairs`` holds only the 242,342 most frequent pairs (count ≥ 2**22), so a
    missing pair of two common words is evidence against it, and a missing pair
    of rare words is no evidence at all.
    """

    words: Mapping[str, int]
    pairs: Mapping[str, int]
    total: float  # log2 of the sum of all word counts
    pair_floor: int  # log2 of the smallest listed pair count


@lru_cache(maxsize=1)
def english() -> English:
    """The lists shipped inside the installed symspellpy package, read once."""
    import math
    from importlib.resources import files

    folder = files("symspellpy")

    def counts(name: str) -> dict[str, float]:
        rows = (line.rsplit(" ", 1) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line)
        return {text: float(count) for text, count in rows}

    words = counts("frequency_dictionary_en_82_765.txt")
    pairs = counts("frequency_bigramdictionary_en_243_342.txt")
    total = math.log2(sum(words.values()))
    return English(
        {w: round(math.log2(c)) for w, c in words.items()},
        {p: round(math.log2(c)) for p, c in pairs.items()},
        total,
        round(math.log2(min(pairs.values()))),
    )
