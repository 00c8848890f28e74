"""OCR evaluation: character error rate of real scans before and after cleaning, as a reader meets them.

The documents are the OCR / ground-truth pairs listed in ``pairs.tsv`` of
``../shared/corpora/ocr-pairs/`` (beside the repository, never copied into it):

* ``overproof-smh`` -- 159 Sydney Morning Herald articles (1842-1954): ABBYY FineReader
  output, hand-corrected ground truth, and Overproof's own correction as a reference;
* ``icdar2017-eng`` -- the 89 English documents of the ICDAR 2017 post-OCR competition
  (8 periodicals, 81 monograph pages), as the ``N.ocr_eval.txt`` / ``N.gt_eval.txt``
  pair. Those come from the competition's aligned strings: the gap symbol ``@`` removed,
  and every character aligned to ``#`` (no ground truth: alignment doubt or an
  unreadable source) dropped from both sides, so no text without ground truth is scored
  (a ``#`` left in an OCR file is one the scan really shows). Each file's final newline
  is not scored, as in ``pairs.tsv``, whose ground-truth lengths and raw-OCR error rates
  this script checks it reproduces.

Two figures per document. The main one is the **full path** (:mod:`benchmarks.ocr_path`):
the scan read as a ``.txt`` seed, kind ``ocr`` as a catalog gives it (``--kind detect``: left to
be detected), cleaned by :func:`build_docs.clean.cleaner.clean_all`, and what its article page
shows (header facts, every block) compared with the ground truth, as is the raw OCR for the
"before" figure, all normalised (rows of symbols removed, whitespace folded, and the printed
line-end hyphenation of the ground truth and the raw OCR joined: see
:func:`benchmarks.ocr_path.normalise`). This is what a reader meets: a line or headline
the cleaner drops counts as the error it is. Beside it, the figure of ``repair()`` alone.

For the ``repair()`` figure: the Levenshtein distance (rapidfuzz) of the raw OCR and of
``repair(ocr, lexicon)`` to the ground truth. Per set: the aggregate character error rate
(sum of distances / sum of ground-truth lengths) before and after, the share of errors
removed, how many documents got worse (the contract is none) or better, and
Overproof's correction of the same SMH articles, scored the same way. For scale: the
best system of the ICDAR 2019 post-OCR competition removed about 11% of the errors on
English.

The lexicon (``--lexicon``): ``english`` (default) is symspellpy's English list alone;
``document`` adds the words each scan itself uses at least twice. Both are fair (the
ground truth never builds a lexicon); ``english`` removes more errors: a scan repeats
its misreadings too (``tbe``, ``honeaty``), which the document lexicon then protects and
even proposes, while the names and old spellings it would protect are already left
alone by :func:`repair`'s own rules.

Two rules are measured off, ``hyphenation`` and ``split-word``: both ground truths keep
the printed line breaks (``Thorns-`` / ``hope``; ICDAR's ``con- tented`` where the scan
lost the hyphen), so joining a word broken by layout, which the build wants, would count
as errors here. Broken words are still repaired in place.

The documents are split into two fixed halves by a hash of their id (``--half tune|held``,
:func:`benchmarks.ocr_path.half`): rules are tuned on ``tune``; the README reports ``held``,
the half never looked at while tuning (``--readme`` needs ``--half held``).

Usage::

    .venv/bin/python benchmarks/ocr_eval.py [--half tune|held] [--kind ocr|detect] [--limit N]
        [--lexicon english|document] [--workers N] [--json FILE] [--readme]

Exit status 1 when any document got worse (on the page, or under ``repair()`` alone), 2 on bad
usage or a missing corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.ocr_path import cleaned, half, normalise, page_text  # noqa: E402
from benchmarks.readme_section import markers, replace_section  # noqa: E402
from build_docs.clean.ocr import RULES, Lexicon, repair  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "ocr-pairs"
SETS = {  # pairs.tsv set -> the set it is reported in
    "overproof_d2_sydney_morning_herald": "overproof-smh",
    "icdar2017_eng_periodical": "icdar2017-eng",
    "icdar2017_eng_monograph": "icdar2017-eng",
}
EVAL_RULES = RULES - {"hyphenation", "split-word"}
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
README = REPO / "README.md"


@dataclass(frozen=True)
class Pair:
    set: str
    doc: str
    ocr: Path
    gt: Path
    gt_chars: int  # as pairs.tsv gives it
    baseline_cer: float  # as pairs.tsv gives it
    reference: Path | None  # Overproof's own correction, when there is one


@dataclass(frozen=True)
class Scored:
    set: str
    doc: str
    gt_chars: int
    before: int  # edit distance of the raw OCR to the ground truth
    after: int  # ... of the repaired text
    reference: int | None  # ... of Overproof's correction
    corrections: int
    seconds: float  # time spent in repair()
    page_chars: int = 0  # length of the normalised ground truth (the full path; 0 when not run)
    page_before: int = 0  # edit distance of the normalised raw OCR to it
    page_after: int = 0  # ... of the normalised text of the article page


def read_pairs(corpus: Path = CORPUS, limit: int | None = None) -> list[Pair]:
    """The documents of ``pairs.tsv`` in file order; the first ``limit`` of each pairs.tsv set if given."""
    taken: Counter[str] = Counter()
    pairs = []
    with (corpus / "pairs.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if limit is not None and taken[row["set"]] >= limit:
                continue
            taken[row["set"]] += 1
            reference = corpus / (row["doc"] + ".overproof_corrected.txt")
            pairs.append(
                Pair(
                    SETS[row["set"]],
                    row["doc"],
                    corpus / row["ocr_file"],
                    corpus / row["gt_file"],
                    int(row["gt_chars"]),
                    float(row["baseline_cer_raw_ocr"]),
                    reference if reference.exists() else None,
                )
            )
    return pairs


def read(path: Path) -> str:
    """A corpus file without its final newline (as ``pairs.tsv`` counts them)."""
    return path.read_text(encoding="utf-8").removesuffix("\n")


def document_lexicon(ocr: str) -> Lexicon:
    """English plus the words the scan itself uses at least twice (never the ground truth)."""
    counts = Counter(WORD.findall(ocr))
    return Lexicon(word for word, n in counts.items() if n >= 2)


def score(pair: Pair, lexicon: str = "english", path: str | None = None) -> Scored:
    """Distances of one document's raw OCR, repaired OCR and reference correction to its ground truth;
    with ``path`` (``"ocr"``, or ``"detect"`` for no stated kind) also of its article page, through the whole cleaner."""
    ocr, gt = read(pair.ocr), read(pair.gt)
    before = Levenshtein.distance(ocr, gt)
    if len(gt) != pair.gt_chars or abs(before / len(gt) - pair.baseline_cer) > 5e-5:
        raise SystemExit(f"ocr_eval: {pair.doc}: ground truth or raw error rate differs from pairs.tsv; is the corpus intact?")
    started = time.perf_counter()
    repaired = repair(ocr, document_lexicon(ocr) if lexicon == "document" else Lexicon(), rules=EVAL_RULES)
    seconds = time.perf_counter() - started
    reference = None if pair.reference is None else Levenshtein.distance(read(pair.reference), gt)
    page = {}
    if path is not None:
        truth = normalise(gt)
        shown = normalise(page_text(cleaned(pair.ocr, None if path == "detect" else path)), page=True)
        page = {"page_chars": len(truth), "page_before": Levenshtein.distance(normalise(ocr), truth), "page_after": Levenshtein.distance(shown, truth)}
    return Scored(pair.set, pair.doc, len(gt), before, Levenshtein.distance(repaired.text, gt), reference, len(repaired.corrections), seconds, **page)


def _score(job: tuple[Pair, str, str | None]) -> Scored:
    return score(*job)


def evaluate(pairs: list[Pair], lexicon: str = "english", workers: int = 1, path: str | None = None) -> list[Scored]:
    """Every pair scored, in the order given (``workers`` processes share the work); ``path``: see :func:`score`."""
    jobs = [(p, lexicon, path) for p in pairs]
    if workers <= 1:
        return [_score(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_score, jobs, chunksize=4))


def _groups(results: list[Scored]) -> list[tuple[str, list[Scored]]]:
    names = [n for n in dict.fromkeys(SETS.values()) if any(r.set == n for r in results)]
    return [(n, [r for r in results if r.set == n]) for n in names] + [("all", results)]


def page_table(results: list[Scored]) -> str:
    """The full-path table (what the article page shows), as Markdown."""
    lines = [
        "| set | docs | GT chars | CER raw OCR | CER on the article page | errors removed | docs worse | docs better |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, rows in _groups(results):
        chars, before, after = sum(r.page_chars for r in rows), sum(r.page_before for r in rows), sum(r.page_after for r in rows)
        removed = f"{(before - after) / before:.1%}" if before else "–"
        lines.append(
            f"| {name} | {len(rows)} | {chars:,} | {before / chars:.3%} | {after / chars:.3%} | {removed} "
            f"| {sum(r.page_after > r.page_before for r in rows)} | {sum(r.page_after < r.page_before for r in rows)} |"
        )
    return "\n".join(lines)


def table(results: list[Scored]) -> str:
    """The per-set table of ``repair()`` alone, as Markdown."""
    lines = [
        "| set | docs | GT chars | CER raw OCR | CER after repair | errors removed | docs worse | docs better | corrections | Overproof's correction |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, rows in _groups(results):
        chars, before, after = sum(r.gt_chars for r in rows), sum(r.before for r in rows), sum(r.after for r in rows)
        references = [r.reference for r in rows if r.reference is not None]
        reference = f"CER {sum(references) / chars:.3%}, {1 - sum(references) / before:.1%} removed" if len(references) == len(rows) else "–"
        removed = f"{(before - after) / before:.1%}" if before else "–"
        lines.append(
            f"| {name} | {len(rows)} | {chars:,} | {before / chars:.3%} | {after / chars:.3%} | {removed} "
            f"| {sum(r.after > r.before for r in rows)} | {sum(r.after < r.before for r in rows)} | {sum(r.corrections for r in rows):,} | {reference} |"
        )
    return "\n".join(lines)


def report(results: list[Scored], selected: str, kind: str, lexicon: str, workers: int, wall: float) -> str:
    """Both tables with what they measure: the full path first, ``repair()`` alone beside it."""
    which = {"held": "the held-back half", "tune": "the tuning half", "all": "all documents"}[selected]
    stated = "kind `ocr`, as a catalog gives it" if kind == "ocr" else "kind left to be detected"
    return (
        f"**What the article page shows** ({which}: {len(results)} documents, split by a hash of the document id; "
        f"each scan read as a `.txt` seed, {stated}, and cleaned by the whole cleaner; the page's header facts (section label, "
        "title, deck, authors, affiliation) and blocks against the ground truth, rows of symbols removed and whitespace folded, "
        "and the line-end hyphenation of the ground truth and the raw OCR joined (the page has no line ends):\n\n"
        f"{page_table(results)}\n\n**`repair()` alone**, on the same documents:\n\n{table(results)}\n\n"
        f"{footer(results, lexicon, workers, wall)}"
    )


def footer(results: list[Scored], lexicon: str, workers: int, wall: float) -> str:
    seconds = sum(r.seconds for r in results)
    chars = sum(r.gt_chars for r in results)
    kind = "symspellpy's English words" if lexicon == "english" else "English + the words each scan uses twice"
    return (
        f"Lexicon: {kind}; rules: all but `hyphenation` and `split-word` (the ground truths keep line breaks). "
        f"`repair()` took {seconds:.1f} s for {len(results)} documents ({1000 * seconds / max(chars, 1) * 1000:.1f} ms per 1,000 characters); "
        f"the whole evaluation {wall:.0f} s with {workers} worker(s). "
        "For scale, the best system of the ICDAR 2019 post-OCR competition removed about 11% of the errors on English."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the ocr-pairs folder (default: ../shared/corpora/ocr-pairs)")
    parser.add_argument("--half", choices=("tune", "held", "all"), default="all", help="the tuning half, the held-back half (the README's) or all")
    parser.add_argument("--kind", choices=("ocr", "detect"), default="ocr", help="give each scan kind ocr, as a catalog does, or let it be detected")
    parser.add_argument("--limit", type=int, help="only the first N documents of each pairs.tsv set, for a quick run")
    parser.add_argument("--lexicon", choices=("english", "document"), default="english", help="English words only, or also each scan's repeated words")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: one per core)")
    parser.add_argument("--json", type=Path, help="also write the per-document figures to this file")
    parser.add_argument("--readme", action="store_true", help="also write the table into README.md between the ocr markers")
    args = parser.parse_args(argv)
    if not (args.corpus / "pairs.tsv").is_file():
        print(f"ocr_eval: {args.corpus / 'pairs.tsv'} not found", file=sys.stderr)
        return 2
    if args.readme and args.half != "held":
        print("ocr_eval: the README reports the held-back half: add --half held", file=sys.stderr)
        return 2
    if args.readme and any(marker not in README.read_text(encoding="utf-8") for marker in markers("ocr")):
        print(f"ocr_eval: {README} has no ocr markers: add them where the table belongs, then rerun with --readme", file=sys.stderr)
        return 2
    started = time.perf_counter()
    pairs = [p for p in read_pairs(args.corpus, args.limit) if args.half == "all" or half(p.doc) == args.half]
    results = evaluate(pairs, args.lexicon, args.workers, path=args.kind)
    figures = report(results, args.half, args.kind, args.lexicon, args.workers, time.perf_counter() - started)
    print(figures)
    worse = [r for r in results if r.after > r.before or r.page_after > r.page_before]
    for r in worse:
        print(f"ocr_eval: worse: {r.doc}: page {r.page_before} -> {r.page_after}, repair() {r.before} -> {r.after} errors", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1) + "\n", encoding="utf-8")
    if args.readme:
        replace_section("ocr", figures)
    return 1 if worse else 0


if __name__ == "__main__":
    raise SystemExit(main())
