"""Figures of the cleaning stage on the seeds, for the README.

* the witnesses found, and the character error rate of each OCR witness against
  the primary on the text they share, as received and after cleaning (column order
  restored, OCR repaired);
* for every clean (non-OCR) seed, how many words cleaning changed: every word of
  the file must be either published or listed in the report as a removed line.

Usage: ``.venv/bin/python benchmarks/cleaning_figures.py [--seeds DIR] [--readme]``.
``--readme`` writes the table into README.md between ``<!-- cleaning:start -->``
and ``<!-- cleaning:end -->``; a test checks that the README shows what this computes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.readme_section import replace_section  # noqa: E402
from build_docs.clean.cleaner import clean, clean_all  # noqa: E402
from build_docs.sources.catalog import load_catalog  # noqa: E402
from build_docs.sources.read import read_sources  # noqa: E402

WORDS = re.compile(r"[^\W_]+")


def figures(seeds: Path) -> str:
    catalog, _ = load_catalog(seeds / "catalog.yml", "seeds/catalog.yml")
    sources, _ = read_sources(seeds, catalog, "seeds")
    cleaned = clean_all(sources)
    lines = [
        f"Articles published from {len(sources)} seed files: {len(cleaned.articles)}.",
        "",
        "| OCR witness | primary | character error rate as received | after cleaning | reduction |",
        "|---|---|---:|---:|---:|",
    ]
    for report in cleaned.reports:
        for name, found in sorted(report.witness.items()):
            rate = found["character error rate"]  # type: ignore[index]
            before, after = rate["before"], rate["after"]
            primary = next(s.name for s in report.sources if s.name not in report.witness)
            lines.append(f"| `{name}` | `{primary}` | {before:.3f} | {after:.3f} | {(before - after) / before:.0%} |")
    lines += ["", "| clean seed | words | words changed by cleaning |", "|---|---:|---:|"]
    for doc in sources:
        article, report, _ = clean(doc)
        if article.kind == "ocr":
            continue
        published = Counter(w for b in article.blocks for w in WORDS.findall(b.text))
        removed = Counter(w for r in report.sources[0].removed for w in WORDS.findall(r.text))
        raw = Counter(WORDS.findall(doc.text))
        changed = sum(((published + removed) - raw).values()) + sum((raw - (published + removed)).values())
        lines.append(f"| `{doc.name}` | {sum(raw.values())} | {changed} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=REPO / "seeds")
    parser.add_argument("--readme", action="store_true", help="write the figures into README.md")
    args = parser.parse_args(argv)
    report = figures(args.seeds)
    print(report)
    if args.readme:
        replace_section("cleaning", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
