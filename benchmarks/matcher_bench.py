"""Alias matching benchmark: is ``Matcher.find`` linear in the text, and flat in the alias count?

Two measurements on UN General Debate speeches (``../shared/corpora/un-general-debate``,
beside the repository; the first N files of ``sessions-2010-2024/`` in sorted path order):

* **(a) growing text, fixed aliases** -- 2,000 aliases; texts = the first N speeches
  for N = 250, 500, 1000, 2000; the time of ``find`` over every text, the characters
  and hits, and microseconds per 1,000 characters, which should stay flat;
* **(b) fixed text, growing aliases** -- the first 500 speeches; 1,000, 4,000 and
  16,000 aliases; the time to build the ``Matcher`` (``variants`` cache cleared) and
  the time of ``find`` over the texts, which should barely move with the alias count.

The aliases are the most frequent capitalised word bigrams and trigrams ("United
Nations", "Sustainable Development Goals") and acronyms ("SDGs" as "SDG") of all the
speeches read (the largest N), each its own key -- the mix of multi-word, case-insensitive aliases and
single-word, exact-case ones the site's registry holds. Each figure is the fastest of
``--repeat`` runs: on a shared machine slower runs measure other load. Reading the
files is not timed.

Usage::

    .venv/bin/python benchmarks/matcher_bench.py [--sizes 250,500,1000,2000] [--aliases 1000,4000,16000] [--repeat 3]

``run(...)`` returns the Markdown tables, for another script to embed.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.readme_section import replace_section  # noqa: E402
from build_docs.link.matcher import Matcher, variants  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "un-general-debate"
SPEECHES = "sessions-2010-2024"
DEFAULT_SIZES = (250, 500, 1000, 2000)
DEFAULT_ALIAS_COUNTS = (1000, 4000, 16000)
FIXED_ALIASES = 2000
FIXED_SPEECHES = 500

_NAME = r"[A-Z][a-z]+"
_BIGRAM = re.compile(rf"\b({_NAME})\s+(?=({_NAME})\b)")
_TRIGRAM = re.compile(rf"\b({_NAME})\s+(?=({_NAME})\s+({_NAME})\b)")
_ACRONYM = re.compile(r"\b([A-Z]{2,8})s?\b")


def read_speeches(corpus: Path, n: int) -> list[str]:
    files = sorted((corpus / SPEECHES).rglob("*.txt"))[:n]
    if len(files) < n:
        raise SystemExit(f"{corpus / SPEECHES}: {len(files)} speeches, {n} wanted")
    return [path.read_text(encoding="utf-8", errors="replace") for path in files]


def alias_pool(texts: Sequence[str]) -> list[str]:
    """Capitalised bigrams, trigrams and acronyms of ``texts``, most frequent first (ties by name)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(" ".join(words) for words in _BIGRAM.findall(text))
        counts.update(" ".join(words) for words in _TRIGRAM.findall(text))
        counts.update(_ACRONYM.findall(text))
    return [alias for alias, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def best(repeat: int, work: Callable[[], object]) -> tuple[float, object]:
    """The fastest of ``repeat`` runs of ``work``, and what it returned."""
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - began)
    return min(times), result


def build(aliases: Sequence[str]) -> Matcher:
    variants.cache_clear()
    return Matcher((alias, alias) for alias in aliases)


def find_all(matcher: Matcher, texts: Sequence[str]) -> int:
    return sum(len(matcher.find(text)) for text in texts)


def growing_text(texts: Sequence[str], pool: Sequence[str], sizes: Sequence[int], repeat: int) -> str:
    matcher = build(pool[:FIXED_ALIASES])
    rows = [
        f"(a) {min(FIXED_ALIASES, len(pool)):,} aliases, growing text",
        "",
        "| speeches | characters | hits | find s | µs per 1,000 chars |",
        "|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        chunk = texts[:n]
        characters = sum(map(len, chunk))
        seconds, hits = best(repeat, lambda chunk=chunk: find_all(matcher, chunk))
        rows.append(f"| {n:,} | {characters:,} | {hits:,} | {seconds:.2f} | {seconds / characters * 1e9:.1f} |")
    return "\n".join(rows)


def growing_aliases(texts: Sequence[str], pool: Sequence[str], counts: Sequence[int], repeat: int) -> str:
    characters = sum(map(len, texts))
    rows = [
        f"(b) {len(texts):,} speeches ({characters:,} characters), growing alias set",
        "",
        "| aliases | build s | find s | hits | µs per 1,000 chars |",
        "|---:|---:|---:|---:|---:|",
    ]
    for count in counts:
        aliases = pool[:count]
        build_seconds, matcher = best(repeat, lambda aliases=aliases: build(aliases))
        seconds, hits = best(repeat, lambda matcher=matcher: find_all(matcher, texts))
        rows.append(f"| {len(aliases):,} | {build_seconds:.3f} | {seconds:.2f} | {hits:,} | {seconds / characters * 1e9:.1f} |")
    return "\n".join(rows)


def run(sizes: Sequence[int] = DEFAULT_SIZES, alias_counts: Sequence[int] = DEFAULT_ALIAS_COUNTS, repeat: int = 3, corpus: Path = DEFAULT_CORPUS) -> str:
    """Both tables as Markdown."""
    texts = read_speeches(corpus, max(*sizes, FIXED_SPEECHES))
    pool = alias_pool(texts)
    return f"{growing_text(texts, pool, sizes, repeat)}\n\n{growing_aliases(texts[:FIXED_SPEECHES], pool, alias_counts, repeat)}"


def numbers(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers, got {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=numbers, default=DEFAULT_SIZES, help="speech counts for table (a)")
    parser.add_argument("--aliases", type=numbers, default=DEFAULT_ALIAS_COUNTS, help="alias counts for table (b)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--readme", action="store_true", help="also write the tables into README.md between the matcher markers")
    args = parser.parse_args(argv)
    if not (args.corpus / "sessions-2010-2024").is_dir():
        print(f"matcher_bench: no UN General Debate corpus at {args.corpus}; pass --corpus DIR", file=sys.stderr)
        return 2
    report = run(args.sizes, args.aliases, args.repeat, args.corpus)
    print(report)
    if args.readme:
        replace_section("matcher", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
