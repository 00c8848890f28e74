"""Train the name tagger (`make train-names`): a CRF over words, from the tune half of GUM's named entities.

The training text is the ``tune`` half of ``../shared/corpora/gum-entities/`` (the half
:mod:`benchmarks.names_eval` never reports; :func:`benchmarks.ocr_path.half`), read beside the
repository and never copied into it, and of it only the genres whose texts are openly licensed for
any use (:data:`GENRES`: news and interviews CC BY 2.5, Wikipedia biographies and travel guides
CC BY-SA 3.0, academic papers and court decisions CC BY 4.0; the annotations are CC BY 4.0). Essays
and letters (CC BY-NC-SA 4.0), and speeches and textbooks, whose licence the corpus's README does not
state, are left out. GUM gives each entity's mentions as strings, not offsets, so
word labels are derived (:func:`labelled_spans`):

1. every mention of every ``named`` entity that is name-like (:func:`benchmarks.names_eval.name_like`:
   capitalised words, connectors inside) gives its surface, with a leading "the" and leading titles
   ("President", "Dr.") taken off -- the build keeps titles out of names -- and so does the name a
   longer mention is built on ("Jiangsu" in "Jiangsu province"; :func:`surfaces`);
2. the entity's type gives the label: person ``PER``, organization ``ORG``, place ``LOC``, any other
   (events, works, groups of people ...) ``OTH``;
3. each surface is looked for in each paragraph, case-sensitively and as whole words, longest first,
   never overlapping a longer one already labelled; a surface two entities share is labelled with
   the type most of its entities have (ties: the first in the file);
4. the words inside a found surface are labelled ``B-``/``I-`` with its type (BIO), every other word ``O``.

Names GUM did not link to Wikipedia stay ``O``: the labels are noisy that way, which costs recall, not precision.

The model is CRFsuite's first-order CRF, L-BFGS with L1 and L2 penalties (fixed below); training is
deterministic (documents in name order, no random state), so the same data gives the same model bytes.
The features are :mod:`build_docs.extract.discover.tagger_features`. The weights are written to
``build_docs/data/discover/names.crfsuite``, which the build reads (:mod:`build_docs.extract.discover.tagger`). The
features read the word lists of ``names.lists.txt`` beside it, as the model was trained on them, however the build's
lists change later: so the same command on the same data gives the same model bytes. ``--lists-now`` first writes the
build's lists as they stand now there (beside ``--out``'s model when it is another file), for the model to learn them.

Usage::

    .venv/bin/python benchmarks/train_names.py [--corpus DIR] [--out FILE] [--lists-now]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.names_eval import CORPUS, name_like, runs  # noqa: E402
from benchmarks.ocr_path import half  # noqa: E402
from build_docs.extract.discover import lexicon, tagger_features  # noqa: E402
from build_docs.extract.discover.tagger import MODEL  # noqa: E402
from build_docs.extract.discover.tagger_features import features, inputs_digest, words_of  # noqa: E402

INPUTS = MODEL.with_name("names.inputs.sha256")  # written beside the shipped model: :func:`~build_docs.extract.discover.tagger_features.inputs_digest`
GENRES = frozenset({"news", "interview", "bio", "voyage", "academic", "court"})  # see the module docstring: the licences
LABELS = {"person": "PER", "organization": "ORG", "place": "LOC"}
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True, "feature.minfreq": 2}
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_TRAILING = re.compile(r"\s*['\u2019]s?$")


def surfaces(mention: str) -> list[str]:
    """The names a mention gives as written: itself when name-like, else the run it is built on (see the module docstring)."""
    if name_like(mention):
        return [bare for bare in [_bare(mention)] if bare]
    words = mention.split()
    found = []
    for k, end, run in runs(mention):
        after = words[end] if end < len(words) else ""
        if k == 0 and after not in {"'s", "'"} and not run.endswith("'s"):
            found.append(_bare(run.rstrip(",")))
        elif end == len(words) and k <= 2 and not any(w[:1].isupper() for w in words[:k]):
            found.append(_bare(run))
    return [bare for bare in found if bare]


def _bare(name: str) -> str:
    words = _TRAILING.sub("", name).split()
    if words and words[0] in {"the", "The"}:
        words = words[1:]
    titles = tagger_features.trained_list("title") | tagger_features.trained_list("titlemod")
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words) if words and words[0][:1].isupper() else ""  # "Director of the ... study" is a role, no name


def _no_name(surface: str) -> bool:
    """A surface that is no name whatever GUM links it to: titles, nationalities and function words alone ("President", "Americans")."""
    words = [w.rstrip(".") for w in surface.split() if w[:1].isupper()]
    return not words or all(_entity_word(w) or w.lower() in lexicon.FUNCTION_WORDS or w in lexicon.ABBREVIATIONS for w in words)


_ENTITY_LISTS = ("title", "titlemod", "demonym", "orghead", "date")


def _entity_word(word: str) -> bool:
    """A title, a nationality, an organisation's head word or a date, by the lists the model was trained on
    (:func:`~build_docs.extract.discover.tagger_features.trained_list`), as the build's ``is_entity_word`` reads the lists
    as they stand: the labels then change only when the model is trained on new lists (``--lists-now``)."""
    return any(word in tagger_features.trained_list(label) for label in _ENTITY_LISTS)


def label_of(gold: dict[str, object]) -> dict[str, str]:
    """Surface -> label, the type most of the entities with that surface have."""
    votes: dict[str, Counter[str]] = {}
    for entity in gold["named"]:  # type: ignore[attr-defined]
        label = LABELS.get(entity["etype"], "OTH")
        for mention in entity["mentions"]:
            for surface in surfaces(mention):
                if surface and not _no_name(surface):
                    votes.setdefault(surface, Counter())[label] += 1
    return {surface: counts.most_common(1)[0][0] for surface, counts in votes.items()}


def labelled_spans(paragraph: str, labels: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where each surface stands in ``paragraph``: longest first, whole words, never overlapping."""
    taken = bytearray(len(paragraph))
    found = []
    for surface in sorted(labels, key=lambda s: (-len(s), s)):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", paragraph):
            if not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                found.append((m.start(), m.end(), labels[surface]))
    return sorted(found)


def bio(spans: list[tuple[int, int]], names: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of the words at ``spans``, given the labelled names."""
    out = ["O"] * len(spans)
    k = 0
    for start, end, label in names:
        while k < len(spans) and spans[k][0] < start:
            k += 1
        first = True
        while k < len(spans) and spans[k][1] <= end:
            out[k] = f"{'B' if first else 'I'}-{label}"
            first = False
            k += 1
    return out


def sequences(corpus: Path, keep: Callable[[str], bool] | None = None) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) of every paragraph of the tune half (of its documents ``keep`` accepts), documents in name order."""
    out = []
    for path in sorted(corpus.glob("*.gold.json")):
        doc = path.name.replace(".gold.json", "")
        gold = json.loads(path.read_text(encoding="utf-8"))
        if half(doc) != "tune" or gold["genre"] not in GENRES or keep is not None and not keep(doc):
            continue
        labels = label_of(gold)
        text = path.with_name(f"{doc}.txt").read_text(encoding="utf-8")
        for paragraph in _PARAGRAPHS.split(text):
            spans = words_of(paragraph)
            if spans:
                out.append((features(paragraph, spans), bio(spans, labelled_spans(paragraph, labels))))
    return out


def train(corpus: Path, out: Path, keep: Callable[[str], bool] | None = None, quiet: bool = False) -> int:
    import pycrfsuite

    data = sequences(corpus, keep)
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    words = sum(len(y) for _, y in data)
    names = sum(1 for _, y in data for label in y if label.startswith("B-"))
    if not quiet:
        print(f"trained on {len(data)} paragraphs, {words:,} words, {names:,} labelled names: {out} ({out.stat().st_size:,} bytes)")
    return 0


def learn_lists_now(path: Path) -> None:
    """Write the build's word lists as they stand now to ``path`` and have the features read them from there: what a
    training with ``--lists-now`` learns (:func:`~build_docs.extract.discover.tagger_features.lists_text`)."""
    path.write_text(tagger_features.lists_text(), encoding="utf-8")
    tagger_features.use_lists(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the gum-entities folder (default: ../shared/corpora/gum-entities)")
    parser.add_argument("--out", type=Path, default=MODEL, help=f"where to write the model (default: {MODEL.relative_to(REPO)})")
    parser.add_argument("--lists-now", action="store_true", help="learn the word lists as they stand now (written beside the model), not names.lists.txt")
    args = parser.parse_args(argv)
    if not any(args.corpus.glob("*.gold.json")):
        print(f"{args.corpus}: corpus not found", file=sys.stderr)
        return 2
    if args.lists_now:  # the model learns the word lists as they stand now, and the shipped one keeps them beside it
        learn_lists_now(tagger_features.LISTS_FILE if args.out == MODEL else args.out.with_name("names.lists.txt"))
    status = train(args.corpus, args.out)
    if args.out == MODEL:  # the shipped model: what its attributes were made from, and its bytes (tests/test_tagger.py compares)
        INPUTS.write_text(f"{inputs_digest()}  attributes\n{hashlib.sha256(MODEL.read_bytes()).hexdigest()}  {MODEL.name}\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
