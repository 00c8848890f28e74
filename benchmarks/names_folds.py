"""The name tagger scored out of fold on the tune half: how a change to its features or training does on text it was not trained on.

The shipped model is trained on the whole tune half (:mod:`benchmarks.train_names`), so scoring the tune
half with it flatters the model. Here the tune half's documents are split in two folds by the second
byte of the SHA-256 of their name (:func:`fold`; the first byte chose the half); for each fold a model
is trained on the other fold's licensed documents (:data:`benchmarks.train_names.GENRES`), written to a
temporary file, and the fold's documents (all genres) are built and scored with it as
:mod:`benchmarks.names_eval` scores them. The figures are the two folds' sums. The held half is never read.

The folds' models read the word lists the shipped model was trained on (``names.lists.txt``;
:mod:`build_docs.extract.discover.tagger_features`), so a change to the rules' lists is measured with the model's
attributes fixed; ``--lists-now`` trains them on the lists as they stand now, to measure what the model would make of
a list changed for it (what ``make train-names`` would ship).

Usage::

    .venv/bin/python benchmarks/names_folds.py [--corpus DIR] [--show N] [--lists-now]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.names_eval import CORPUS, Score, evaluate  # noqa: E402
from benchmarks.ocr_path import half  # noqa: E402
from benchmarks.train_names import learn_lists_now, train  # noqa: E402
from build_docs.extract.discover import tagger, tagger_features  # noqa: E402


def fold(doc: str) -> int:
    """0 or 1: a tune document's fold."""
    return hashlib.sha256(doc.encode("utf-8")).digest()[1] % 2


def _shown(s: Score) -> str:
    f = s.figures()
    return (
        f"recall {f['recall']:.3f} ({s.found} of {s.gold}), precision {f['precision']:.3f} ({s.right} of {s.pages}), "
        f"F1 {f['f1']:.3f}, typing {f['typing']:.3f} ({s.typed} of {s.found}), split {f['split']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the gum-entities folder (default: ../shared/corpora/gum-entities)")
    parser.add_argument("--show", type=int, default=0, help="print up to N missed entities and N wrong pages of each fold")
    parser.add_argument("--lists-now", action="store_true", help="train the folds on the word lists as they stand now, not as the shipped model was")
    args = parser.parse_args(argv)
    paths = [p for p in sorted(args.corpus.glob("*.gold.json")) if half(p.name.replace(".gold.json", "")) == "tune"]
    if not paths:
        print(f"{args.corpus}: corpus not found", file=sys.stderr)
        return 2
    total = Score()
    shipped, trained_lists = tagger.MODEL, tagger_features.LISTS_FILE
    try:
        with tempfile.TemporaryDirectory() as folder:
            if args.lists_now:
                learn_lists_now(Path(folder) / "names.lists.txt")
            for k in (0, 1):
                model = Path(folder) / f"fold{k}.crfsuite"
                train(args.corpus, model, keep=lambda doc, k=k: fold(doc) != k, quiet=True)  # type: ignore[misc]
                tagger.MODEL = model
                tagger._loaded.cache_clear()
                rows, misses, wrong = evaluate([p for p in paths if fold(p.name.replace(".gold.json", "")) == k])
                print(f"fold {k} ({model.stat().st_size:,} bytes model): {_shown(rows['all'])}")
                total.add(rows["all"])
                for label, items in (("missed", misses), ("wrong pages, mistyped and split entities", wrong)):
                    if args.show:
                        print(f"  {label} ({len(items)}):")
                        print("\n".join(f"    {item}" for item in items[: args.show]))
    finally:
        tagger.MODEL = shipped
        tagger._loaded.cache_clear()
        tagger_features.use_lists(trained_lists)
    print(f"out of fold: {_shown(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
