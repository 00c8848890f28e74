"""Measuring: the character error rate of an OCR text against a witness, where the two overlap (:class:`OverlapCER`)."""

from __future__ import annotations

from dataclasses import dataclass

from build_docs.clean.witness.align import _align
from build_docs.clean.witness.words import _words

_HINT = 64  # the first band rapidfuzz tries for the Levenshtein distance


@dataclass(frozen=True)
class OverlapCER:
    """Character error rate of an OCR text against a reference, on the stretch both cover.

    ``cer`` = ``distance`` / ``reference_chars``: the Levenshtein distance
    between the two overlapping stretches, runs of white space counted as one
    space, over the reference stretch's length. The spans are character
    offsets in the texts as given; ``coverage`` is the share of the
    reference's words inside its span, ``matched`` the share of those that
    the OCR text has (the same word or an OCR variant): a low value means the
    texts are not witnesses and the rate says little. Text in a different
    order counts as errors, so the rate also measures column mix-ups.
    """

    cer: float
    distance: int
    reference_chars: int
    ocr_chars: int
    coverage: float
    matched: float
    reference_span: tuple[int, int]
    ocr_span: tuple[int, int]

    def __repr__(self) -> str:
        return f"OverlapCER(cer={self.cer:.4f}, {self.distance}/{self.reference_chars} chars, coverage={self.coverage:.2f}, matched={self.matched:.2f})"


def overlap_cer(ocr: str, reference: str) -> OverlapCER:
    """The character error rate of ``ocr`` against ``reference`` where they overlap (see :class:`OverlapCER`).

    The overlap runs from the first to the last word the two texts share in
    order (a word counts only next to another shared word, so a stray match
    does not stretch it). Texts with nothing in common give ``cer`` 1.0 and
    empty spans. Time linear in the texts plus the Levenshtein distance,
    O(n·d/64) with rapidfuzz's banded bit-parallel algorithm (d the distance; n·m/64 for unrelated texts).
    """
    from rapidfuzz.distance import Levenshtein

    ours, theirs = _words(ocr), _words(reference)
    pairs = _align([w.key for w in ours], [w.key for w in theirs])
    linked = set(pairs)
    solid = [(i, j) for i, j in pairs if (i + 1, j + 1) in linked or (i - 1, j - 1) in linked]
    if not solid:
        size = len(" ".join(reference.split()))
        return OverlapCER(1.0, size, size, 0, 0.0, 0.0, (0, 0), (0, 0))
    (i0, j0), (i1, j1) = solid[0], solid[-1]
    span_ocr, span_ref = (ours[i0].start, ours[i1].end), (theirs[j0].start, theirs[j1].end)
    a, b = " ".join(ocr[slice(*span_ocr)].split()), " ".join(reference[slice(*span_ref)].split())
    # The hint makes rapidfuzz search a band around the diagonal, doubled until the distance is inside it: the
    # same distance, in time proportional to length × distance rather than length squared (40 times faster on
    # a 64,000-word witness).
    distance = Levenshtein.distance(a, b, score_hint=_HINT)
    inside = sum(1 for _, j in pairs if j0 <= j <= j1)
    coverage, matched = round((j1 - j0 + 1) / len(theirs), 4), round(inside / (j1 - j0 + 1), 4)
    return OverlapCER(round(distance / max(1, len(b)), 4), distance, len(b), len(a), coverage, matched, span_ref, span_ocr)
