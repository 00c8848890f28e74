"""Word alignment: which words of two witnesses are the same word, in order, OCR variants included.

:func:`_align` is shared by merging (:mod:`build_docs.clean.witness.merging`) and
measuring (:mod:`build_docs.clean.witness.measure`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from build_docs.clean.witness.words import _bigrams, _chain, _positions

_SIMILAR = 0.6  # normalised Levenshtein similarity from which two words are readings of one word
_SAME_GAP = 0.6  # two unmatched stretches this similar (normalised Levenshtein, as text) are aligned word by word
_DEPTH = 3  # how many times a stretch between anchors is searched again for anchors of its own


def _align(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of words of ``a`` and ``b`` that are the same word, in increasing order of both.

    Patience-style: anchors are the word pairs found exactly once in each
    text, chained in order; each stretch between anchors loses its common
    first and last words and is searched again for pairs unique within it.
    What remains is aligned word by word only if the two stretches are alike
    (normalised Levenshtein similarity of their texts at least ``_SAME_GAP``),
    pairing substituted words similar enough to be readings of each other.
    """
    pairs: list[tuple[int, int]] = []
    _align_range(a, b, (0, len(a)), (0, len(b)), 0, pairs)
    return sorted(pairs)


def _align_range(a: Sequence[str], b: Sequence[str], ra: tuple[int, int], rb: tuple[int, int], depth: int, out: list[tuple[int, int]]) -> None:
    (a0, a1), (b0, b1) = ra, rb
    while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
        out.append((a0, b0))
        a0, b0 = a0 + 1, b0 + 1
    while a0 < a1 and b0 < b1 and a[a1 - 1] == b[b1 - 1]:
        out.append((a1 - 1, b1 - 1))
        a1, b1 = a1 - 1, b1 - 1
    if a0 == a1 or b0 == b1:
        return
    anchors = _unique_anchors(a[a0:a1], b[b0:b1]) if depth < _DEPTH else []
    if not anchors:
        _align_words(a, b, (a0, a1), (b0, b1), out)
        return
    previous = (a0 - 1, b0 - 1)
    for i, j in [*((a0 + i, b0 + j) for i, j in anchors), (a1, b1)]:
        _align_range(a, b, (previous[0] + 1, i), (previous[1] + 1, j), depth + 1, out)
        if i < a1:
            out.append((i, j))
        previous = (i, j)


def _unique_anchors(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Word index pairs of the word pairs found once in ``a`` and once in ``b``, chained in order."""
    grams_a, grams_b = _bigrams(a), _bigrams(b)
    once_a = {g for g, c in Counter(grams_a).items() if c == 1}
    chain = _chain([g if g in once_a else -1 for g in grams_a], _positions(grams_b), max_occurrences=1)
    anchors: list[tuple[int, int]] = []
    for pair in sorted({p for i, j in chain for p in ((i, j), (i + 1, j + 1))}):
        if not anchors or (pair[0] > anchors[-1][0] and pair[1] > anchors[-1][1]):  # each word in one pair only
            anchors.append(pair)
    return anchors


def _align_words(a: Sequence[str], b: Sequence[str], ra: tuple[int, int], rb: tuple[int, int], out: list[tuple[int, int]]) -> None:
    """Word-by-word alignment of two stretches without anchors, if they are alike at all."""
    from rapidfuzz.distance import Levenshtein

    gap_a, gap_b = a[ra[0] : ra[1]], b[rb[0] : rb[1]]
    if not Levenshtein.normalized_similarity(" ".join(gap_a), " ".join(gap_b), score_cutoff=_SAME_GAP):
        return
    for op in Levenshtein.opcodes(gap_a, gap_b):
        if op.tag not in ("equal", "replace"):
            continue
        for k in range(min(op.src_end - op.src_start, op.dest_end - op.dest_start)):
            i, j = op.src_start + k, op.dest_start + k
            if op.tag == "equal" or Levenshtein.normalized_similarity(gap_a[i], gap_b[j]) >= _SIMILAR:
                out.append((ra[0] + i, rb[0] + j))
