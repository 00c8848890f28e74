"""Which pairs of texts witness detection compares in full: the evidence for ``_MIN_SHARED``.

Detection (:mod:`build_docs.clean.witness.detect`) first scores every pair of texts by the share
of sampled word pairs they have in common (:func:`~build_docs.clean.witness.detect._print`), and
compares in full only pairs scoring at least ``_MIN_SHARED``. A full comparison is the costly
part of cleaning a large corpus, and almost every pair it is given is two unrelated texts that
share formulae. This script prints both sides of the threshold:

* **true witnesses**: each scan of ``../shared/corpora/ocr-pairs`` against its own ground truth
  (248 pairs, character error rates up to 0.58), split into the two fixed halves of
  :func:`benchmarks.ocr_path.half`: the threshold was set on ``tune`` and ``held`` is reported;
* **unrelated texts**: the pairs of the first ``--speeches`` UN General Debate speeches (as
  ``benchmarks/bench.py`` picks them) that share any sampled word pair, by score.

Usage::

    .venv/bin/python benchmarks/witness_candidates.py [--speeches 1000]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench import DEFAULT_CORPUS, pick_speeches  # noqa: E402
from benchmarks.ocr_path import half  # noqa: E402
from build_docs.clean.witness.detect import _MIN_SHARED, _grams, _print, shared_scores  # noqa: E402

PAIRS = REPO.parent / "shared" / "corpora" / "ocr-pairs"


def share(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return len(set(a) & set(b)) / max(1, min(len(a), len(b)))


def witnesses() -> dict[str, list[float]]:
    by_half: dict[str, list[float]] = defaultdict(list)
    with (PAIRS / "pairs.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            ocr, truth = ((PAIRS / row[f]).read_text(encoding="utf-8", errors="replace") for f in ("ocr_file", "gt_file"))
            by_half[half(row["doc"])].append(share(_print(_grams(ocr))[1], _print(_grams(truth))[1]))
    return by_half


def unrelated(texts: list[str]) -> list[float]:
    return [score for _, _, score in shared_scores([_print(_grams(text))[1] for text in texts])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speeches", type=int, default=1000)
    args = parser.parse_args()
    if not PAIRS.is_dir() or not DEFAULT_CORPUS.is_dir():
        print(f"needs {PAIRS} and {DEFAULT_CORPUS} beside the repository", file=sys.stderr)
        return 2
    print(f"threshold (_MIN_SHARED): {_MIN_SHARED}")
    for name, scores in sorted(witnesses().items()):
        print(f"true witnesses, {name} half: {len(scores)} pairs, lowest score {min(scores):.3f}, below the threshold {sum(s < _MIN_SHARED for s in scores)}")
    texts = [path.read_text(encoding="utf-8") for path in pick_speeches(DEFAULT_CORPUS, args.speeches)]
    scores = unrelated(texts)
    over = sum(s >= _MIN_SHARED for s in scores)
    print(f"unrelated speeches ({len(texts)}): {len(scores)} pairs share sampled word pairs, highest score {max(scores):.3f}, {over} compared in full")
    for floor in (0.02, 0.04, 0.06, 0.08, 0.1):
        print(f"  at a threshold of {floor:.2f}: {sum(s >= floor for s in scores)} pairs compared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
