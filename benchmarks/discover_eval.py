"""Entity discovery evaluation: what :func:`build_docs.extract.discover.find_all` finds in text it was not written for.

The texts: a fixed random sample of UN General Debate speeches 2010-2024 from
``../shared/corpora/un-general-debate/`` (beside the repository, never copied into it),
and the project's own seed articles (``seeds/*.txt``). There is no gold standard, so
the script prints what a reader needs to judge precision by eye:

* counts per kind, per rule, strong and weak;
* a fixed random sample of strong finds and of weak finds per kind, each in its context
  (``[[name]]`` marks the find), and one of the places that are not countries (countries
  make most place finds and are seldom wrong);
* a proxy for people: the share of person finds whose last word is a word of some
  speaker's name in ``Speakers_by_session.tsv`` (speakers mention one another; a lower
  bound on precision, since most people named are not speakers);
* speed: ``find_all`` over the speeches, in characters per second (the gazetteers and
  the word list are loaded before timing starts).

Usage::

    .venv/bin/python benchmarks/discover_eval.py [--speeches N] [--sample N] [--seed N] [--json FILE]

Exit status 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from build_docs.extract.discover import Found, find_all, gazetteer, is_common  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "un-general-debate"
SEEDS = REPO / "seeds"
KINDS = ("person", "organization", "place")


def speeches(corpus: Path, count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` speeches 2010-2024 drawn with ``seed``: (file name, text)."""
    paths = sorted((corpus / "sessions-2010-2024").glob("*/*.txt"))
    chosen = sorted(random.Random(seed).sample(paths, min(count, len(paths))))
    return [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in chosen]


def seed_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in sorted(SEEDS.glob("*.txt"))]


def speaker_words(corpus: Path) -> set[str]:
    """Every word of every speaker's name, casefolded."""
    with open(corpus / "Speakers_by_session.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {w.casefold().strip(".,") for row in rows for w in (row.get("Name of Person Speaking") or "").split()}


def _country(name: str) -> bool:
    place = gazetteer().get(" ".join(name.replace("\u2019", "'").split()))
    return place is not None and place.kind == "country"


def context(text: str, found: Found, width: int = 70) -> str:
    before = " ".join(text[max(0, found.start - width) : found.start].split())
    after = " ".join(text[found.end : found.end + width].split())
    return f"…{before} [[{found.name}]] {after}…"


def describe(found: Found) -> str:
    role = f" role={found.role!r}" if found.role else ""
    return f"{found.kind}/{found.rule}{' strong' if found.strong else ''}{role}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the un-general-debate folder (default: ../shared/corpora/un-general-debate)")
    parser.add_argument("--speeches", type=int, default=500, help="speeches to sample (default 500)")
    parser.add_argument("--sample", type=int, default=40, help="strong finds shown per kind (and half as many weak ones; default 40)")
    parser.add_argument("--seed", type=int, default=0, help="random seed for both samples (default 0)")
    parser.add_argument("--json", type=Path, help="also write the numbers and samples here")
    args = parser.parse_args(argv)
    if not (args.corpus / "sessions-2010-2024").is_dir():
        print(f"{args.corpus}: corpus not found", file=sys.stderr)
        return 2

    gazetteer(), is_common("the")  # load the data before timing
    docs = speeches(args.corpus, args.speeches, args.seed)
    started = time.perf_counter()
    speech_finds = [(name, text, find_all(text)) for name, text in docs]
    seconds = time.perf_counter() - started
    chars = sum(len(text) for _, text in docs)
    all_finds = speech_finds + [(name, text, find_all(text)) for name, text in seed_texts()]

    report: dict[str, object] = {
        "speeches": len(docs),
        "speech_chars": chars,
        "seconds": round(seconds, 3),
        "chars_per_second": round(chars / seconds) if seconds else None,
    }
    print(f"find_all on {len(docs)} speeches: {chars:,} characters in {seconds:.2f} s = {chars / seconds:,.0f} chars/s")

    counts = Counter((f.kind, f.rule, f.strong) for _, _, finds in all_finds for f in finds)
    print("\nfinds (speeches + seeds) by kind, rule, strength:")
    for (kind, rule, strong), n in sorted(counts.items()):
        print(f"  {kind:13} {rule:17} {'strong' if strong else 'weak':6} {n:6}")
    report["counts"] = [{"kind": k, "rule": r, "strong": s, "count": n} for (k, r, s), n in sorted(counts.items())]

    speakers = speaker_words(args.corpus)
    people = [f for _, _, finds in speech_finds for f in finds if f.kind == "person"]
    matched = [f for f in people if f.name.split()[-1].casefold() in speakers]
    if people:
        print(f"\nperson finds in speeches whose last word is in some speaker's name: {len(matched)}/{len(people)} = {len(matched) / len(people):.0%}")
    report["people_matching_speakers"] = [len(matched), len(people)]

    rng = random.Random(args.seed)
    samples: dict[str, list[dict[str, object]]] = {}
    for kind in KINDS:
        for strong, size in ((True, args.sample), (False, args.sample // 2)):
            pool = [(doc, text, f) for doc, text, finds in all_finds for f in finds if f.kind == kind and f.strong == strong]
            chosen = rng.sample(pool, min(size, len(pool)))
            label = f"{kind} {'strong' if strong else 'weak'}"
            print(f"\n== sample: {len(chosen)} of {len(pool)} {label} finds ==")
            for n, (doc, text, f) in enumerate(chosen, 1):
                print(f"{n:3}. {describe(f)} ({doc})\n     {context(text, f)}")
            samples[label] = [{"doc": doc, "context": context(text, f), **asdict(f)} for doc, text, f in chosen]
    # Countries make most place finds and are rarely wrong; sample the rest on their own.
    pool = [(doc, text, f) for doc, text, finds in all_finds for f in finds if f.kind == "place" and not _country(f.name)]
    chosen = rng.sample(pool, min(args.sample, len(pool)))
    print(f"\n== sample: {len(chosen)} of {len(pool)} place finds that are not countries ==")
    for n, (doc, text, f) in enumerate(chosen, 1):
        print(f"{n:3}. {describe(f)} ({doc})\n     {context(text, f)}")
    samples["place not a country"] = [{"doc": doc, "context": context(text, f), **asdict(f)} for doc, text, f in chosen]
    report["samples"] = samples
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
