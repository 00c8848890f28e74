"""OCR repair evaluation: character error rate before and after :func:`build_docs.ocr.repair` on real scans.

The documents are the OCR/ground-truth pairs of ``../shared/corpora/ocr-pairs/`` (beside
the repository, never copied into it), as listed in its ``pairs.tsv``:

* ``overproof-smh`` -- 159 Sydney Morning Herald articles (1842-1954), ABBYY FineReader
  output, hand-corrected ground truth, and Overproof's own correction as a reference;
* ``icdar2017-eng`` -- the 89 English documents of the ICDAR 2017 post-OCR competition
  (8 periodicals, 81 monograph pages), as the aligned ``N.ocr_eval.txt`` /
  ``N.gt_eval.txt`` pair: the competition's alignment with its gap symbol ``@`` removed
  and every character aligned to ``#`` (no ground truth) dropped from both sides, so
  no text without ground truth is scored (checked against ``N.icdar_original.txt`` when
  the pair was made; a ``#`` left in an OCR file is a character the scan really shows).

What is measured, per document: the Levenshtein distance (rapidfuzz) between the text
and the ground truth, for the raw OCR and for ``repair(ocr, lexicon)``. Per set: the
aggregate character error rate (sum of distances / sum of ground-truth lengths) before
and after, the share of errors removed, and how many documents got worse (the
contract is none) or better. Overproof's correction of the same SMH articles is scored
the same way. For scale: the best system of the ICDAR 2019 post-OCR competition removed
about 11% of the errors on English.

The lexicon: symspellpy's English words plus, by default (``--lexicon document``), the
words that occur at least twice in that document's *OCR* text. In the build the lexicon
is extended with the corpus's own vocabulary; a scan's own repeated words are the fair
stand-in here, because a misreading rarely repeats letter for letter while names and
old spellings (``Windellama``, ``doore``, ``shee``) do. The ground truth is never used
to build it. ``--lexicon english`` measures the bare English list.

Line-end hyphenation is measured off (``rules`` without ``hyphenation``): both ground
truths keep the printed line breaks and hyphens (``Thorns-`` / ``hope``), so joining
them, which the build wants, would count as errors here; words broken at a line end are
still repaired in place.

Usage::

    .venv/bin/python benchmarks/ocr_eval.py [--limit N] [--lexicon document|english] [--json FILE] [--readme]
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
sys.path.insert(0, str(REPO))

from build_docs.ocr import RULES, Lexicon, repair  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "ocr-pairs"
SETS = {
    "overproof_d2_sydney_morning_herald": "overproof-smh",
    "icdar2017_eng_periodical": "icdar2017-eng",
    "icdar2017_eng_monograph": "icdar2017-eng",
}
EVAL_RULES = RULES - {"hyphenation"}
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
START, END = "<!-- ocr:start -->", "<!-- ocr:end -->"


@dataclass(frozen=True)
class Pair:
    set: str
    doc: str
    ocr: Path
    gt: Path
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


def read_pairs(corpus: Path, limit: int | None) -> list[Pair]:
    """The documents of ``pairs.tsv`` in file order, the first ``limit`` of each set if given."""
    taken: Counter[str] = Counter()
    pairs = []
    with (corpus / "pairs.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name = SETS[row["set"]]
            if limit is not None and taken[name] >= limit:
                continue
            taken[name] += 1
            reference = corpus / (row["doc"] + ".overproof_corrected.txt")
            pairs.append(Pair(name, row["doc"], corpus / row["ocr_file"], corpus / row["gt_file"], reference if reference.exists() else None))
    return pairs


def document_lexicon(ocr: str) -> Lexicon:
    """English plus the words the scan itself uses at least twice (never the ground truth)."""
    counts = Counter(WORD.findall(ocr))
    return Lexicon(word for word, n in counts.items() if n >= 2)


def score(pair: Pair, lexicon_kind: str = "document") -> Scored:
    ocr = pair.ocr.read_text(encoding="utf-8")
    gt = pair.gt.read_text(encoding="utf-8")
    lexicon = document_lexicon(ocr) if lexicon_kind == "document" else Lexicon()
    started = time.perf_counter()
    repaired = repair(ocr, lexicon, rules=EVAL_RULES)
    seconds = time.perf_counter() - started
    reference = None if pair.reference is None else Levenshtein.distance(pair.reference.read_text(encoding="utf-8"), gt)
    before, after = Levenshtein.distance(ocr, gt), Levenshtein.distance(repaired.text, gt)
    return Scored(pair.set, pair.doc, len(gt), before, after, reference, len(repaired.corrections), seconds)


def _score_star(args: tuple[Pair, str]) -> Scored:
    return score(*args)


def evaluate(pairs: list[Pair], lexicon_kind: str, workers: int) -> list[Scored]:
    jobs = [(p, lexicon_kind) for p in pairs]
    if workers <= 1:
        return [score(*job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_score_star, jobs, chunksize=4))


def table(results: list[Scored]) -> str:
    """The per-set table as Markdown."""
    lines = [
        "| set | docs | GT chars | CER raw OCR | CER after repair | errors removed | docs worse | docs better | corrections | Overproof CER (reference) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in sorted({r.set for r in results}, key=lambda s: list(SETS.values()).index(s)):
        rows = [r for r in results if r.set == name]
        chars = sum(r.gt_chars for r in rows)
        before, after = sum(r.before for r in rows), sum(r.after for r in rows)
        refs = [r.reference for r in rows if r.reference is not None]
        reference = f"{sum(refs) / chars:.2%} ({1 - sum(refs) / before:.0%} removed)" if len(refs) == len(rows) else "–"
        lines.append(
            f"| {name} | {len(rows)} | {chars:,} | {before / chars:.3%} | {after / chars:.3%} | {(before - after) / before:.2%} "
            f"| {sum(r.after > r.before for r in rows)} | {sum(r.after < r.before for r in rows)} | {sum(r.corrections for r in rows):,} | {reference} |"
        )
    return "\n".join(lines)


def update_readme(report: str, readme: Path = REPO / "README.md") -> None:
    """Replace what stands between the ``ocr`` markers of the README; fail if they are missing."""
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text.split(START, 1)[1]:
        raise SystemExit(f"ocr_eval: {readme} has no {START} ... {END} markers; add them where the table should go, then rerun with --readme")
    head, rest = text.split(START, 1)
    readme.write_text(f"{head}{START}\n{report}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the ocr-pairs folder (default: ../shared/corpora/ocr-pairs)")
    parser.add_argument("--limit", type=int, help="only the first N documents of each set, for a quick run")
    parser.add_argument("--lexicon", choices=("document", "english"), default="document", help="English words plus the scan's repeated words, or English only")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: one per core)")
    parser.add_argument("--json", type=Path, help="also write the per-document figures to this file")
    parser.add_argument("--readme", action="store_true", help="also write the table into README.md between the ocr markers")
    args = parser.parse_args(argv)
    if not (args.corpus / "pairs.tsv").exists():
        print(f"ocr_eval: {args.corpus / 'pairs.tsv'} not found", file=sys.stderr)
        return 2
    pairs = read_pairs(args.corpus, args.limit)
    started = time.perf_counter()
    results = evaluate(pairs, args.lexicon, args.workers)
    wall = time.perf_counter() - started
    report = table(results)
    repair_seconds = sum(r.seconds for r in results)
    chars = sum(len(p.ocr.read_text(encoding="utf-8")) for p in pairs)
    footer = (
        f"Lexicon: English + {'each scan’s words seen twice' if args.lexicon == 'document' else 'nothing'}; "
        f"line-end hyphens kept. repair(): {repair_seconds:.1f} s for {chars:,} OCR characters "
        f"({1000 * repair_seconds / max(chars, 1) * 1000:.1f} ms per 1,000 characters)."
    )
    print(report)
    print()
    print(footer)
    print(f"wall time {wall:.1f} s with {args.workers} worker(s)", file=sys.stderr)
    worse = [r for r in results if r.after > r.before]
    for r in worse:
        print(f"worse: {r.doc}: {r.before} -> {r.after}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1) + "\n", encoding="utf-8")
    if args.readme:
        update_readme(f"{report}\n\n{footer}")
    return 1 if worse else 0


if __name__ == "__main__":
    raise SystemExit(main())
