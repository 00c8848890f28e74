"""Scaling benchmark: does each stage's cost grow with its input, or faster?

Two measurements. Every figure is CPU time of this process (``time.process_time``: on a shared
machine, wall time also counts other processes), the fastest of ``--repeat`` runs, after a warm-up
that reads the word lists and gazetteers and imports what stages import on first use. The caches
keyed by text are emptied before each run (:func:`fresh`).

* **(a) one paragraph, growing** -- a single paragraph of 4,000, 16,000 and 64,000 words, in shapes
  that real text takes and some that it takes rarely, made from the words of UN General Debate
  speeches (``../shared/corpora/un-general-debate``, beside the repository; read in sorted path order):

  * ``prose`` -- the speeches' text as it is, joined into one paragraph;
  * ``parentheses`` -- a parenthesis after every sixth word, holding the initials of the three
    words before it ("... the Human Rights Council (HRC) ..."): the acronym finder's look-back,
    the glossary, the abbreviations of every page;
  * ``capitals`` -- every word capitalised: one long run of names for the name finder and the linker
    (written as one line: wrapped, each line of it would be a heading);
  * ``dates`` -- a date, year, range or number after every sixth word ("on 12 March 2014", "the
    1990s", "from 2018 to 2022", "2,500"): the date tagger, the dating estimator, the timeline;
  * ``no full stop`` -- the text without ``. ! ? ; :``: one sentence as long as the paragraph;
  * ``double-spaced`` -- a blank line after every line (a double-spaced typescript): the cleaner
    joins what layout broke, here into a few dozen blocks;
  * ``OCR scan`` -- the OCR scans' words (China's and the USSR's speeches of 1946–1969), one word in
    seven misread ("rn" for "m", "1" for "l"), catalogued as a scan: the OCR repair;
  * ``two witnesses`` -- the prose and a second file with the same text misread: one article from
    two witnesses (detection, ordering, repair, merging, the error rate of the scan).

  The paragraph is written to a seed file wrapped at 70 characters (as the corpus's files are),
  with a catalog entry giving it a title and date, and built in memory by
  :func:`build_docs.pipeline.build` (``dry_run``): every stage :mod:`build_docs.pipeline` calls is
  timed (:data:`PIPELINE_STAGES`). The extractors are also timed on the paragraph's text alone:
  sentences (:func:`~build_docs.extract.sentences.sentence_spans`), acronyms
  (:func:`~build_docs.extract.acronyms.find_definitions`), names
  (:func:`~build_docs.extract.discover.find_all`), dates
  (:func:`~build_docs.extract.timex.find_timexes`) and dating an undated article made of it
  (:func:`~build_docs.extract.dating.estimate_date`, which runs the tagger without an anchor).

* **(b) a growing corpus** -- the first 100, 200 and 400 speeches, with the catalog
  ``benchmarks/bench.py`` writes, through the same timed stages.

For each stage the tables give the time and the ratio of times per ×4 of input (over a ×2 step,
the ratio squared). Work that grows with the input gives about 4; a quadratic path about 16 (a
ratio above 6 is flagged with ``!``). Fixed costs (templates, assets) pull ratios below 4 on small
inputs; below 5 ms on the larger input no ratio is given. Nothing here is a test: timings vary with
the machine, so ``make test`` checks structure, not time (``tests/test_linear.py``).

Usage::

    .venv/bin/python benchmarks/scaling.py [--sizes 4000,16000,64000] [--speeches 100,200,400]
        [--shapes prose,parentheses,...] [--repeat 3] [--no-paragraphs] [--no-corpus] [--readme] [--json FILE]
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import math
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.bench import DEFAULT_CORPUS, SPEECHES, load_speakers, make_seeds, pick_speeches  # noqa: E402
from benchmarks.readme_section import replace_section  # noqa: E402
from build_docs import pipeline  # noqa: E402
from build_docs.clean.article import Article  # noqa: E402
from build_docs.clean.structure import Block  # noqa: E402
from build_docs.clean.witness import words as witness_words  # noqa: E402
from build_docs.extract import dating  # noqa: E402
from build_docs.extract.acronyms import find_definitions  # noqa: E402
from build_docs.extract.discover import find_all  # noqa: E402
from build_docs.extract.sentences import sentence_spans  # noqa: E402
from build_docs.extract.timex import find_timexes  # noqa: E402
from build_docs.link import matcher, model  # noqa: E402

DEFAULT_SIZES = (4_000, 16_000, 64_000)
SCANS = "china-russia-1946-2024"
DEFAULT_SPEECHES = (100, 200, 400)
DATE = "2014-09-24"
WIDTH = 70
FLAG = 6.0  # a ratio per ×4 of input above this is flagged: linear gives about 4, quadratic about 16
MIN_TIMED = 0.005  # seconds: below this on the larger input, a ratio says more about the clock than the code

#: The stages :mod:`build_docs.pipeline` runs, by the name it calls them under, and their labels.
PIPELINE_STAGES = (
    ("load_catalog", "catalog"),
    ("load_registry", "registries"),
    ("read_sources", "read"),
    ("clean_all", "clean"),
    ("extract", "extract"),
    ("index", "index"),
    ("paragraphs_of", "paragraphs"),
    ("assemble", "link 1 (knowledge)"),
    ("link_all", "link 2 (mentions)"),
    ("events_of", "timeline"),
    ("render", "render"),
    ("plan", "write (plan)"),
)
#: The extractors, timed on the paragraph's text alone.
FUNCTION_STAGES = ("sentences", "acronyms", "names", "dates", "dating")

Timings = dict[str, float]


# --- inputs -----------------------------------------------------------------------------------


def speech_words(corpus: Path, count: int, scans: bool = False) -> list[str]:
    """The first ``count`` words of the speeches in sorted path order; with ``scans``, of the OCR scans
    (China's and the USSR's speeches of 1946–1969)."""
    files = sorted((corpus / SCANS).glob("*_19[4-6]?.txt")) if scans else sorted((corpus / SPEECHES).rglob("*.txt"))
    words: list[str] = []
    for path in files:
        words += path.read_text(encoding="utf-8", errors="replace").split()
        if len(words) >= count:
            return words[:count]
    raise SystemExit(f"scaling: only {len(words)} words in {len(files)} files of {corpus}, {count} wanted")


_DATES = ("in 1995", "on 12 March 2014", "last year", "2,500", "the 1990s", "from 2018 to 2022", "by 2030", "1 January 2016", "in September", "65/1")
_MISREAD = (("m", "rn"), ("l", "1"), ("e", "c"), ("o", "0"))  # what OCR makes of a letter (for the second witness)


def _every(words: Sequence[str], step: int, insert: Callable[[Sequence[str], int], str]) -> list[str]:
    out: list[str] = []
    for i, word in enumerate(words, 1):
        out.append(word)
        if i % step == 0:
            out.append(insert(words, i))
    return out


def _initials(words: Sequence[str], i: int) -> str:
    letters = "".join(w[0] for w in words[i - 3 : i] if w[:1].isalpha()).upper()
    return f"({letters or 'UN'})"


def prose(words: Sequence[str]) -> list[str]:
    return list(words)


def parentheses(words: Sequence[str]) -> list[str]:
    return _every(words, 6, _initials)


def capitals(words: Sequence[str]) -> list[str]:
    return [w[:1].upper() + w[1:] for w in words]


def dates(words: Sequence[str]) -> list[str]:
    return _every(words, 6, lambda _, i: _DATES[(i // 6) % len(_DATES)])


def no_full_stop(words: Sequence[str]) -> list[str]:
    return [bare for w in words if (bare := re.sub(r"[.!?;:]", "", w))]


def scanned(words: Sequence[str]) -> list[str]:
    return misread(" ".join(words)).split()


def misread(text: str) -> str:
    """``text`` as a poor scan reads it: one word in seven with a letter misread ("rn" for "m", "1" for "l")."""
    words = text.split()
    for i in range(3, len(words), 7):
        for right, wrong in _MISREAD:
            if right in words[i]:
                words[i] = words[i].replace(right, wrong, 1)
                break
    return " ".join(words)


@dataclass(frozen=True)
class Shape:
    """How a test paragraph is made from real words, and how its seed file holds it."""

    words: Callable[[Sequence[str]], list[str]]
    layout: str = "wrapped"  # "wrapped" at WIDTH characters, "one line", or "double-spaced" (a blank line after each line)
    scans: bool = False  # made of the OCR scans' words, and read as a scan (catalog kind "ocr")
    witnesses: bool = False  # a second file holds the same text as a poor scan reads it: one article from two witnesses


SHAPES: dict[str, Shape] = {
    "prose": Shape(prose),
    "parentheses": Shape(parentheses),
    "capitals": Shape(capitals, layout="one line"),  # wrapped, each line of it would be a heading
    "dates": Shape(dates),
    "no full stop": Shape(no_full_stop),
    "double-spaced": Shape(prose, layout="double-spaced"),
    "OCR scan": Shape(scanned, scans=True),
    "two witnesses": Shape(prose, witnesses=True),
}


def paragraph(shape: str, words: Sequence[str], size: int) -> str:
    """``size`` words of ``words`` in ``shape``, as one paragraph ending with a full stop (a last line that ends
    mid-sentence would be taken for page furniture after the text)."""
    text = " ".join(" ".join(SHAPES[shape].words(words[:size])).split()[:size])
    return text if text.endswith((".", "!", "?")) else text + "."


def wrapped(text: str, blank_lines: bool = False) -> str:
    """``text`` broken into lines of at most ``WIDTH`` characters (a longer word stands alone)."""
    lines: list[str] = []
    line: list[str] = []
    length = 0
    for word in text.split():
        if line and length + 1 + len(word) > WIDTH:
            lines.append(" ".join(line))
            line, length = [], 0
        length += len(word) + (1 if line else 0)
        line.append(word)
    lines.append(" ".join(line))
    return ("\n\n" if blank_lines else "\n").join(lines) + "\n"


def paragraph_seeds(folder: Path, shape: str, text: str) -> Path:
    """A seeds folder holding one article: ``text`` as one paragraph, with a title and date (and its second witness)."""
    how = SHAPES[shape]
    seeds = folder / "seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    body = text + "\n" if how.layout == "one line" else wrapped(text, blank_lines=how.layout == "double-spaced")
    (seeds / "paragraph.txt").write_text(body, encoding="utf-8")
    entry = {"id": "paragraph", "title": f"One paragraph: {shape}", "date": DATE, "kind": "ocr" if how.scans else "print"}
    entries: dict[str, dict[str, str]] = {"paragraph.txt": entry}
    if how.witnesses:
        (seeds / "paragraph-scan.txt").write_text(wrapped(misread(text)), encoding="utf-8")
        entries["paragraph-scan.txt"] = {"kind": "ocr"}
    (seeds / "catalog.yml").write_text(yaml.safe_dump({"sources": entries}, sort_keys=False), encoding="utf-8")
    return seeds


# --- timing -----------------------------------------------------------------------------------


def fresh() -> None:
    """Empty the caches keyed by text, so a repeated run does not find its answers cached (word lists stay)."""
    for cached in (dating.unanchored, model._spans, matcher.variants, witness_words._key):
        cached.cache_clear()


@contextmanager
def timed_stages(timings: Timings) -> Iterator[None]:
    """While inside, every stage :mod:`build_docs.pipeline` calls adds its time to ``timings[label]``."""
    originals = {name: getattr(pipeline, name) for name, _ in PIPELINE_STAGES}

    def timer(function: Callable[..., object], label: str) -> Callable[..., object]:
        @functools.wraps(function)
        def call(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                timings[label] = timings.get(label, 0.0) + time.process_time() - start

        return call

    for name, label in PIPELINE_STAGES:
        setattr(pipeline, name, timer(originals[name], label))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(pipeline, name, original)


def build_timings(seeds: Path, docs: Path) -> Timings:
    """The time of each pipeline stage in one in-memory build of ``seeds`` (nothing is written)."""
    fresh()
    timings: Timings = {}
    gc.collect()
    with timed_stages(timings):
        pipeline.build(pipeline.BuildConfig(seeds, docs), dry_run=True)
    return timings


def _seconds(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def function_timings(text: str) -> Timings:
    """The extractors on ``text`` alone."""
    fresh()
    gc.collect()
    undated = Article(id="paragraph", title="", sources=("paragraph.txt",), blocks=(Block("paragraph", text, 1, anchor="p1"),))
    return {
        "sentences": _seconds(lambda: sentence_spans(text)),
        "acronyms": _seconds(lambda: find_definitions(text)),
        "names": _seconds(lambda: find_all(text)),
        "dates": _seconds(lambda: find_timexes(text, anchor=DATE)),
        "dating": _seconds(lambda: dating.estimate_date(undated)),
    }


def fastest(runs: Sequence[Timings]) -> Timings:
    return {stage: min(run.get(stage, 0.0) for run in runs) for stage in runs[0]}


# --- measuring --------------------------------------------------------------------------------


def measure_paragraphs(corpus: Path, shapes: Sequence[str], sizes: Sequence[int], repeat: int, work: Path) -> dict[str, dict[int, Timings]]:
    """shape → size → stage → seconds."""
    words = {scans: speech_words(corpus, max(sizes), scans) for scans in {SHAPES[shape].scans for shape in shapes}}
    results: dict[str, dict[int, Timings]] = {}
    for shape in shapes:
        results[shape] = {}
        for size in sizes:
            text = paragraph(shape, words[SHAPES[shape].scans], size)
            seeds = paragraph_seeds(work, shape, text)
            runs = [{**build_timings(seeds, work / "docs"), **function_timings(text)} for _ in range(repeat)]
            results[shape][size] = fastest(runs)
            built = sum(results[shape][size].get(label, 0.0) for _, label in PIPELINE_STAGES)
            print(f"scaling: {shape}, {size:,} words: {built:.2f} s built", file=sys.stderr, flush=True)
    return results


def measure_corpora(corpus: Path, counts: Sequence[int], repeat: int, work: Path) -> dict[int, Timings]:
    """speeches → stage → seconds."""
    speakers = load_speakers(corpus)
    results: dict[int, Timings] = {}
    for n in counts:
        seeds = work / f"n{n}" / "seeds"
        make_seeds(pick_speeches(corpus, n), speakers, seeds)
        results[n] = fastest([build_timings(seeds, work / f"n{n}" / "docs") for _ in range(repeat)])
        print(f"scaling: {n} speeches: {sum(results[n].values()):.2f} s", file=sys.stderr, flush=True)
    return results


def warm_up(corpus: Path, work: Path) -> None:
    """Read the word lists, gazetteers and templates and import what stages import on first use (inflect), so
    the first measured run does not pay for them."""
    for shape in SHAPES:
        text = paragraph(shape, speech_words(corpus, 1_000, SHAPES[shape].scans), 1_000)
        build_timings(paragraph_seeds(work, shape, text), work / "docs")
        function_timings(text)


# --- reporting --------------------------------------------------------------------------------


def ratio(small: float, large: float, factor: float) -> float | None:
    """The growth in time per ×4 of input between two sizes ``factor`` apart; None when too small to tell."""
    if large < MIN_TIMED or small <= 0:
        return None
    return (large / small) ** (math.log(4) / math.log(factor))


def shown_ratio(value: float | None) -> str:
    if value is None:
        return "–"
    return f"**×{value:.1f}!**" if value > FLAG else f"×{value:.1f}"


def shown_time(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 1 else f"{seconds:.2f}"


def labels(timings: Timings) -> list[str]:
    order = [label for _, label in PIPELINE_STAGES] + list(FUNCTION_STAGES)
    return [label for label in order if label in timings]


def paragraph_table(results: dict[str, dict[int, Timings]]) -> str:
    """Stages down, shapes across; each cell the time at the largest size and the ratio per ×4 over the last step."""
    shapes = list(results)
    sizes = sorted(next(iter(results.values())))
    small, large = sizes[-2], sizes[-1]
    head = f"| stage | {' | '.join(shapes)} |"
    rule = "|---|" + "---:|" * len(shapes)
    rows = []
    for label in labels(results[shapes[0]][large]):
        if label == "paragraphs" or label in ("catalog", "registries"):
            continue  # nothing per paragraph: microseconds
        cells = []
        for shape in shapes:
            a, b = results[shape][small][label], results[shape][large][label]
            cells.append(f"{shown_time(b)} {shown_ratio(ratio(a, b, large / small))}")
        rows.append(f"| {label} | {' | '.join(cells)} |")
    return "\n".join([head, rule, *rows])


def paragraph_detail(results: dict[str, dict[int, Timings]]) -> str:
    """Every shape, stage and size, with both ratios (printed, not in the README)."""
    lines = []
    for shape, by_size in results.items():
        sizes = sorted(by_size)
        lines.append(f"\n{shape}: seconds at {', '.join(f'{s:,}' for s in sizes)} words; ratio per ×4")
        for label in labels(by_size[sizes[-1]]):
            times = [by_size[s][label] for s in sizes]
            steps = zip(sizes, sizes[1:], times, times[1:], strict=False)
            ratios = [shown_ratio(ratio(a, b, sb / sa)) for sa, sb, a, b in steps]
            lines.append(f"  {label:<20} {'  '.join(f'{t:8.3f}' for t in times)}   {'  '.join(ratios)}")
    return "\n".join(lines)


def corpus_table(results: dict[int, Timings]) -> str:
    counts = sorted(results)
    head = f"| stage | {' | '.join(f'{n} speeches s' for n in counts)} | ratio {counts[0]}→{counts[-1]}, per ×4 |"
    rule = "|---|" + "---:|" * (len(counts) + 1)
    rows = []
    for label in labels(results[counts[-1]]):
        times = [results[n][label] for n in counts]
        value = ratio(times[0], times[-1], counts[-1] / counts[0])
        rows.append(f"| {label} | {' | '.join(shown_time(t) for t in times)} | {shown_ratio(value)} |")
    total = [sum(results[n].values()) for n in counts]
    rows.append(f"| **all stages** | {' | '.join(shown_time(t) for t in total)} | {shown_ratio(ratio(total[0], total[-1], counts[-1] / counts[0]))} |")
    return "\n".join([head, rule, *rows])


def report(paragraphs: dict[str, dict[int, Timings]], corpora: dict[int, Timings], sizes: Sequence[int], repeat: int) -> str:
    parts = []
    if paragraphs:
        small, large = sorted(sizes)[-2:]
        parts.append(
            f"(a) One paragraph of {large:,} words: seconds, and the ratio to {small:,} words per ×4 of input "
            f"(linear ×4, quadratic ×16; fastest of {repeat})\n\n{paragraph_table(paragraphs)}"
        )
    if corpora:
        parts.append(f"(b) Growing corpus of speeches, every stage (fastest of {repeat})\n\n{corpus_table(corpora)}")
    return "\n\n".join(parts)


# --- command line -----------------------------------------------------------------------------


def numbers(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part.replace("_", "")) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas, got {text!r}") from None
    if len(values) < 2 or min(values) < 1:
        raise argparse.ArgumentTypeError("give at least two positive sizes")
    return values


def shape_names(text: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in text.split(","))
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown shape {unknown[0]!r}; shapes: {', '.join(SHAPES)}")
    return names


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    top.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR", help=f"UN General Debate corpus (default: {DEFAULT_CORPUS})")
    top.add_argument("--sizes", type=numbers, default=DEFAULT_SIZES, metavar="N,N,...", help="paragraph sizes in words (default: 4000,16000,64000)")
    top.add_argument("--speeches", type=numbers, default=DEFAULT_SPEECHES, metavar="N,N,...", help="corpus sizes (default: 100,200,400)")
    top.add_argument("--shapes", type=shape_names, default=tuple(SHAPES), metavar="S,S,...", help=f"paragraph shapes (default: {','.join(SHAPES)})")
    top.add_argument("--repeat", type=int, default=3, metavar="R", help="runs per size; the fastest counts (default: 3)")
    top.add_argument("--no-paragraphs", action="store_true", help="skip (a)")
    top.add_argument("--no-corpus", action="store_true", help="skip (b)")
    top.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE as JSON")
    top.add_argument("--readme", action="store_true", help="also write the tables into README.md between the scaling markers")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    corpus = args.corpus.resolve()
    if not (corpus / SPEECHES).is_dir():
        print(f"scaling: no UN General Debate corpus at {corpus}; pass --corpus DIR", file=sys.stderr)
        return 2
    repeat = max(1, args.repeat)
    work = Path(tempfile.mkdtemp(prefix="build_docs-scaling-"))
    try:
        warm_up(corpus, work)
        paragraphs = {} if args.no_paragraphs else measure_paragraphs(corpus, args.shapes, args.sizes, repeat, work)
        corpora = {} if args.no_corpus else measure_corpora(corpus, args.speeches, repeat, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = report(paragraphs, corpora, args.sizes, repeat)
    if paragraphs:
        print(paragraph_detail(paragraphs), file=sys.stderr)
    print(text)
    if args.readme:
        replace_section("scaling", text)
    if args.json:
        figures = {
            "paragraphs": {shape: {str(size): t for size, t in by_size.items()} for shape, by_size in paragraphs.items()},
            "corpora": {str(n): t for n, t in corpora.items()},
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
