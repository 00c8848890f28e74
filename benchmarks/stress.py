"""Stress benchmark: the text stages on runs built to make regular expressions backtrack, at two sizes.

Each shape (a long run of one character, ``((((``, ``aaaa…!``, ``A.A.A.``, spaces, dots, a long address,
non-ASCII labels after an interface phrase …) is put in a plain-text and a Markdown seed after a title and
a sentence, read, cleaned and extracted in this process, at ``--size`` characters and four times that.
The ratio of CPU times (``time.process_time``, fastest of ``--repeat``) is about 4 for linear work and 16
for quadratic; above 6 it is flagged with ``!``. A pattern with nested or overlapping repeats shows up
here first: this is how the two in ``clean/boilerplate.py`` were found (ratio 16, then 12 s at 20,000
characters). Nothing here is a test: ``tests/test_hostile_text.py`` runs the same shapes for completion.

Usage::

    .venv/bin/python benchmarks/stress.py [--size 5000] [--repeat 2] [--shapes dots,paren]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_docs.clean.cleaner import clean  # noqa: E402
from build_docs.extract import dating  # noqa: E402
from build_docs.extract.extractors import extract  # noqa: E402
from build_docs.sources.read import read_source  # noqa: E402

SHAPES: dict[str, Callable[[int], str]] = {
    "letters!": lambda n: "a" * n + "!",
    "paren": lambda n: "(" * n,
    "spaces": lambda n: " " * n + "x",
    "dots": lambda n: "." * n,
    "initials": lambda n: "A." * (n // 2),
    "domain": lambda n: "x." * (n // 2) + "co",
    "titles": lambda n: "Mr. " * (n // 4),
    "accents": lambda n: "é é" * (n // 3) + "a",
    "numbers": lambda n: "1," * (n // 2),
    "dashes": lambda n: "\u2014" * n,
    "address": lambda n: "http://" + "a/" * (n // 2),
    "labels": lambda n: "Share: " + "é " * (n // 2) + "ab",
    "years": lambda n: "1990 " * (n // 5),
    "words": lambda n: "word " * (n // 5),
}


def seconds(text: str, suffix: str, repeat: int) -> float:
    raw = f"Stress Test\n\nThe council met in Geneva on Monday.\n\n{text}\n".encode()
    best = float("inf")
    for _ in range(repeat):
        dating.unanchored.cache_clear()
        start = time.process_time()
        doc, _ = read_source(raw, f"stress{suffix}", f"seeds/stress{suffix}")
        if doc is not None:
            extract(clean(doc)[0])
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    for suffix in (".txt", ".md"):  # word lists, gazetteers and lazy imports, read on first use
        seconds("The council met in Geneva on 5 May 2019. " * 50, suffix, 1)
        for shape in SHAPES.values():
            seconds(shape(200), suffix, 1)
    print(f"| shape | format | {args.size:,} chars | {4 * args.size:,} chars | ratio |\n|---|---|---:|---:|---:|")
    for name in args.shapes.split(","):
        for suffix in (".txt", ".md"):
            small, large = (seconds(SHAPES[name](n), suffix, args.repeat) for n in (args.size, 4 * args.size))
            ratio = large / small if small > 0.005 else float("nan")
            flag = " !" if ratio > 6 else ""
            print(f"| {name} | {suffix[1:]} | {small:.3f} s | {large:.3f} s | {ratio:.1f}{flag} |", flush=True)


if __name__ == "__main__":
    main()
