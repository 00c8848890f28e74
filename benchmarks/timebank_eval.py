"""Temporal tagger evaluation: :func:`build_docs.extract.timex.find_timexes` against the TimeBank and AQUAINT gold TIMEX3.

The corpus is ``../shared/corpora/timebank/`` (beside the repository, never copied into it): per
set, ``txt/<doc>.txt``, ``timex3_gold.tsv`` (0-based, end-exclusive offsets) and ``dct.tsv`` (the
document creation time, passed as the anchor).

Honest split: the rules were tuned by reading errors on **TimeBank** only; **AQUAINT** was kept
as held-out text and is reported separately (it is mostly 1998-2000 wire news, TimeBank mostly
1989 Wall Street Journal and 1998 broadcast transcripts). One change came from reading AQUAINT
errors, a regular-expression bug rather than a rule ("last Oct. 23" read as "last Oct"); its
effect there is one expression. Only general rules, no phrase lists taken from the gold.

For each set and for two rows of types, DATE and all types (DATE+TIME+DURATION+SET):

* gold and found: expressions of those types in the gold and in the output;
* strict P/R/F1: same offsets; relaxed P/R/F1: overlapping offsets. Extents are matched whatever
  the type (as TempEval-3 does), so recall counts gold expressions of the row's types found by
  any expression, precision counts found expressions of the row's types that touch any gold one;
* value accuracy: over the relaxed matches of gold expressions, the share whose value equals the
  gold value (a range is compared by its ``value``; decade and century notation is compared
  without the trailing X's, since TimeBank writes "199" and AQUAINT "199X" for the 1990s);
* type accuracy: over the same matches, the share with the gold type.

The reference point: HeidelTime reports about 0.82 strict / 0.91 relaxed F1 on TempEval-3
dates and times (its test set, not these training sets).

Usage::

    .venv/bin/python benchmarks/timebank_eval.py [--corpus DIR] [--readme] [--errors SET]

``--readme`` writes the table into README.md between ``<!-- timex:start -->`` and
``<!-- timex:end -->``; ``--errors timebank`` lists misses, false finds and wrong values (for
tuning: read them on TimeBank, never on AQUAINT). Exit status 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from build_docs.extract.timex import Timex, find_timexes  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "timebank"
SETS = (("timebank", "TimeBank (tuned on)"), ("aquaint", "AQUAINT (held out)"))
ROWS = (("DATE", frozenset({"DATE"})), ("all", frozenset({"DATE", "TIME", "DURATION", "SET"})))


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    dct: str
    gold: tuple[Gold, ...]


def load(corpus: Path, name: str, limit: int | None = None) -> list[Doc]:
    """The documents of one set (``timebank`` or ``aquaint``), sorted by name, at most ``limit`` of them."""
    folder = corpus / name
    with open(folder / "dct.tsv", encoding="utf-8", newline="") as f:
        dcts = {row["doc"]: row["dct_value"] for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    gold: dict[str, list[Gold]] = {}
    with open(folder / "timex3_gold.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            gold.setdefault(row["doc"], []).append(Gold(int(row["start"]), int(row["end"]), row["text"], row["type"], row["value"]))
    paths = sorted((folder / "txt").glob("*.txt"))[:limit]
    return [Doc(p.stem, p.read_text(encoding="utf-8"), dcts.get(p.stem, ""), tuple(gold.get(p.stem, ()))) for p in paths]


def same_value(found: str, gold: str) -> bool:
    def norm(value: str) -> str:
        return re.sub(r"X+$", "", value) if re.fullmatch(r"\d{1,3}X*", value) else value

    return norm(found) == norm(gold)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    strict_tp_gold: int = 0
    strict_tp_found: int = 0
    relaxed_tp_gold: int = 0
    relaxed_tp_found: int = 0
    value_ok: int = 0
    type_ok: int = 0

    def add(self, gold: tuple[Gold, ...], found: list[Timex], types: frozenset[str]) -> None:
        mine = [t for t in found if t.type in types]
        theirs = [g for g in gold if g.type in types]
        self.gold += len(theirs)
        self.found += len(mine)
        for g in theirs:
            touching = [t for t in found if t.start < g.end and g.start < t.end]
            if not touching:
                continue
            best = max(touching, key=lambda t: ((t.start, t.end) == (g.start, g.end), min(t.end, g.end) - max(t.start, g.start)))
            self.relaxed_tp_gold += 1
            self.strict_tp_gold += (best.start, best.end) == (g.start, g.end)
            self.value_ok += same_value(best.value, g.value)
            self.type_ok += best.type == g.type
        for t in mine:
            touching = [g for g in gold if t.start < g.end and g.start < t.end]
            self.relaxed_tp_found += bool(touching)
            self.strict_tp_found += any((g.start, g.end) == (t.start, t.end) for g in touching)

    def prf(self, strict: bool) -> tuple[float, float, float]:
        """Precision, recall and F1, on the same offsets (``strict``) or on overlapping ones."""
        found_ok, gold_ok = (self.strict_tp_found, self.strict_tp_gold) if strict else (self.relaxed_tp_found, self.relaxed_tp_gold)
        p, r = found_ok / max(self.found, 1), gold_ok / max(self.gold, 1)
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self) -> tuple[float, float]:
        """Value and type accuracy over the relaxed matches of gold expressions."""
        matched = max(self.relaxed_tp_gold, 1)
        return self.value_ok / matched, self.type_ok / matched

    def cells(self) -> list[str]:
        figures = (*self.prf(strict=True), *self.prf(strict=False), *self.accuracy())
        return [str(self.gold), str(self.found), *(f"{x:.3f}" for x in figures)]


def tag(docs: list[Doc]) -> tuple[list[list[Timex]], float]:
    """Every document tagged with its creation date as anchor, and the seconds it took."""
    began = time.perf_counter()
    found = [find_timexes(d.text, anchor=d.dct or None) for d in docs]
    return found, time.perf_counter() - began


def scores(docs: list[Doc], found: list[list[Timex]]) -> dict[str, Score]:
    result = {}
    for row, types in ROWS:
        score = Score()
        for doc, timexes in zip(docs, found, strict=True):
            score.add(doc.gold, timexes, types)
        result[row] = score
    return result


def run(corpus: Path = CORPUS) -> str:
    """The Markdown table: per set and overall, DATE and all types; then speed and the reference point."""
    header = "| set | types | gold | found | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value acc. | type acc. |"
    lines = [header, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    all_docs: list[Doc] = []
    all_found: list[list[Timex]] = []
    seconds = 0.0
    for name, label in SETS:
        docs = load(corpus, name)
        found, took = tag(docs)
        seconds += took
        all_docs += docs
        all_found += found
        for row, score in scores(docs, found).items():
            lines.append(f"| {label} | {row} | " + " | ".join(score.cells()) + " |")
    for row, score in scores(all_docs, all_found).items():
        lines.append(f"| both | {row} | " + " | ".join(score.cells()) + " |")
    chars = sum(len(d.text) for d in all_docs)
    lines += [
        "",
        f"{len(all_docs)} documents, {chars:,} characters tagged in {seconds:.2f} s ({chars / max(seconds, 1e-9):,.0f} characters/s).",
        "Reference: HeidelTime reports about 0.82 strict / 0.91 relaxed F1 on TempEval-3 dates and times.",
    ]
    return "\n".join(lines)


def errors(corpus: Path, name: str) -> str:
    """Misses, false finds and wrong values or spans, one line each, for reading while tuning."""
    docs = load(corpus, name)
    found, _ = tag(docs)
    out = []
    for doc, timexes in zip(docs, found, strict=True):
        for g in doc.gold:
            touching = [t for t in timexes if t.start < g.end and g.start < t.end]
            if not touching:
                out.append(f"MISS  {g.type:8} {g.text!r:35} {g.value:14} | {context(doc.text, g.start, g.end)}")
                continue
            t = touching[0]
            if (t.start, t.end) != (g.start, g.end):
                out.append(f"SPAN  {g.text!r:35} found {t.text!r:35}")
            if not same_value(t.value, g.value):
                out.append(f"VALUE {g.text!r:35} gold {g.value:14} found {t.value:14} dct {doc.dct} | {context(doc.text, g.start, g.end)}")
        for t in timexes:
            if not any(t.start < g.end and g.start < t.end for g in doc.gold):
                out.append(f"FALSE {t.type:8} {t.text!r:35} {t.value:14} | {context(doc.text, t.start, t.end)}")
    return "\n".join(sorted(out))


def context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 50) : start] + "[[" + text[start:end] + "]]" + text[end : end + 40]).replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--readme", action="store_true", help="write the table into README.md between the timex markers")
    parser.add_argument("--errors", choices=[name for name, _ in SETS], help="list the errors on one set instead")
    args = parser.parse_args(argv)
    if not (args.corpus / "timebank" / "timex3_gold.tsv").exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.errors:
        print(errors(args.corpus, args.errors))
        return 0
    table = run(args.corpus)
    print(table)
    if args.readme:
        from benchmarks.readme_section import replace_section

        replace_section("timex", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
