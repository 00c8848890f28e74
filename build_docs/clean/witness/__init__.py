"""Witnesses: two copies of one article, found, put in order and combined.

A *witness* is one received copy of an article: a clean web text, a magazine
page, an OCR scan. Two witnesses of the same article tell more together than
apart: the clean text fixes the scan's misread words, the scan may hold an
opening the web copy lost, and either can put the other's lines back in reading
order. This package owns that comparison; it is pure (strings in, frozen
dataclasses out, no I/O except reading the English word-pair list that ships
with symspellpy, once, when :func:`order_by_continuation` first needs it).

- :func:`find_witnesses` groups the documents of a corpus that are the same
  article, not merely the same topic (:func:`witness_pairs` gives the scores);
  :mod:`~build_docs.clean.witness.detect`.
- :func:`order_by_witness` puts an OCR scan's lines into a witness's reading order;
  :func:`order_by_continuation` repairs line-interleaved columns without one;
  :mod:`~build_docs.clean.witness.order`.
- :func:`merge` combines the better witness's blocks with the other's text;
  :mod:`~build_docs.clean.witness.merging`, on the word alignment of
  :mod:`~build_docs.clean.witness.align`.
- :func:`overlap_cer` measures the character error rate where two texts overlap;
  :mod:`~build_docs.clean.witness.measure`.

Everything compares *keys* (:mod:`~build_docs.clean.witness.words`): words
case-folded, stripped of punctuation and with the letters OCR confuses
(``1 l i j``, ``0 o``, ``rn m``, ``vv w``) folded together, so ``"ln"`` matches
``"In"`` and ``"ioint"`` matches ``"joint"``. Every function is deterministic
and runs in time roughly linear in its input.

This module re-exports the names the rest of the build uses; the dataclasses
they return (:class:`~build_docs.clean.witness.detect.WitnessPair`,
:class:`~build_docs.clean.witness.order.Ordering`,
:class:`~build_docs.clean.witness.merging.Merge`,
:class:`~build_docs.clean.witness.measure.OverlapCER`, …) live in their modules.
"""

from __future__ import annotations

from build_docs.clean.witness.detect import WITNESS_THRESHOLD, containment, find_witnesses, witness_pairs
from build_docs.clean.witness.measure import overlap_cer
from build_docs.clean.witness.merging import ends_mid_sentence, merge
from build_docs.clean.witness.order import continuation, order_by_continuation, order_by_witness

__all__ = [
    "WITNESS_THRESHOLD",
    "containment",
    "continuation",
    "ends_mid_sentence",
    "find_witnesses",
    "merge",
    "order_by_continuation",
    "order_by_witness",
    "overlap_cer",
    "witness_pairs",
]
