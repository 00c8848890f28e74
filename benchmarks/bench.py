"""Scale benchmark: the whole build, from raw speeches to a static site, at N = 100, 1,000, 3,000.

What is measured, for each N (each build is cold -- empty ``docs/``, ``site/`` and ``.build_docs-results/`` --
and repeated ``--repeat`` times; the fastest time counts, since on a shared machine
slower runs measure other load, not the build):

* ``build_docs s`` -- wall time of ``python -m build_docs build`` on N seed files
  (read, clean, extract, index, render, write ``docs/``), in a fresh interpreter;
* ``mkdocs s`` -- wall time of ``python -m mkdocs build`` on that ``docs/``, also fresh;
* ``zensical s`` -- wall time of ``zensical build --clean`` (Zensical 0.0.73, ``make zensical``
  installs it; a dash when it is not installed) on the same ``docs/`` and settings;
* ``build_docs share`` -- build_docs time / (build_docs + mkdocs time);
* ``stage s`` -- the time of each stage of build_docs (read, clean, extract, link, timeline,
  render, publish), as its ``--timings`` file gives them, for the fastest build, and the
  ``--jobs`` it ran with (``--jobs N`` here is passed on; by default build_docs chooses);
* ``peak MiB`` -- maximum resident set size of each child process (``ru_maxrss``
  from ``os.wait4``), since the pipeline holds every article in memory before writing;
* ``site MiB`` -- total size of the built site, per article, and the largest HTML page;
* ``rebuild s`` -- after the measured builds, one seed is edited (a paragraph added to the
  middle speech) and build_docs runs again with what the last build kept (``.build_docs-results/`` and
  ``docs/``), as a maintainer's edit-and-see loop does; then ``mkdocs build --dirty``. That first
  rebuild comes minutes after build_docs kept its results (MkDocs and Zensical build the whole site
  in between), so where the kernel pages out files left idle (this machine reclaims pages untouched
  for a minute) it reads them back from disk. ``next edit s`` is a second seed edited right after,
  the next turn of the loop.

Why: the project promises that the build scales to hundreds of articles, that the
time grows linearly with N, and that build_docs stays a small share of the total
(MkDocs rendering every page with Material should dominate). Both stages include a
fixed interpreter start-up cost, so time per article falls slightly as N grows; the
marginal time per article between sizes is the figure that should stay flat.

The articles are UN General Debate speeches (``../shared/corpora/un-general-debate``,
beside the repository): the first N files, in sorted path order, of
``sessions-2010-2024/``. They are copied into a temporary folder (removed at the end),
never into the repository, together with a ``catalog.yml`` giving each speech a title,
speaker, date and page name taken from its file name and ``Speakers_by_session.tsv``.
MkDocs runs on a copy of the repository's ``mkdocs.yml`` without its ``hooks:`` (which
would rebuild from the repository's own ``seeds/``) and ``watch:``.

Usage::

    .venv/bin/python benchmarks/bench.py [--sizes 100,1000,3000] [--repeat 3] [--jobs N] [--corpus DIR] [--json FILE] [--no-catalog]

With ``--no-catalog`` the speeches are built as they are, with no ``catalog.yml``: titles
come from the file names and page names from the file names (issue 12); the build must exit 0.

Warnings from either stage are counted and reported on stderr; an error from either
stage is printed and the benchmark exits with status 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.readme_section import replace_section  # noqa: E402
from benchmarks.zensical_check import write_zensical_config, zensical_command  # noqa: E402
from build_docs.publish.mkdocs_copy import write_site_config  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "un-general-debate"
DEFAULT_SIZES = (100, 1000, 3000)
SPEECHES = "sessions-2010-2024"
EARLIER = "china-russia-1946-2024"
SPEAKERS = "Speakers_by_session.tsv"
PUBLICATION = "United Nations General Assembly, general debate"
MIB = 1024 * 1024


@dataclass(frozen=True)
class Speaker:
    country: str
    name: str
    post: str


@dataclass(frozen=True)
class Run:
    """One child process: wall time, peak memory, and what it printed."""

    seconds: float
    peak_mib: float
    returncode: int
    stdout: str
    stderr: str
    timings: dict[str, Any] | None = None  # build_docs' --timings file: stage times, counts, jobs


@dataclass(frozen=True)
class Result:
    """The figures for one N (these are also what ``--json`` writes)."""

    n: int
    build_docs_s: float
    mkdocs_s: float
    build_docs_share: float
    build_docs_peak_mib: float
    mkdocs_peak_mib: float
    site_mib: float
    site_files: int
    largest_page: str
    largest_page_kib: float
    build_docs_warnings: int
    mkdocs_warnings: int
    build_docs_runs_s: tuple[float, ...]  # every repetition; the table shows the fastest
    mkdocs_runs_s: tuple[float, ...]
    zensical_s: float | None = None  # None: Zensical is not installed, or it failed (zensical_failed says why)
    zensical_runs_s: tuple[float, ...] = ()
    zensical_failed: str = ""  # the last line Zensical printed when it refused to build the site
    jobs: int = 1  # processes build_docs used for per-article work
    stages_s: dict[str, float] = field(default_factory=dict)  # stage -> seconds, of the fastest build_docs run
    rebuild_s: float = 0.0  # build_docs after one edited seed, with the results of the last build kept
    rebuild_stages_s: dict[str, float] = field(default_factory=dict)
    dirty_s: float = 0.0  # mkdocs build --dirty after that rebuild
    next_s: float = 0.0  # build_docs after a second edited seed, right after the first rebuild


class StageFailed(Exception):
    """A stage exited non-zero; carries its name and output."""

    def __init__(self, stage: str, run: Run):
        super().__init__(f"{stage} failed with exit status {run.returncode}")
        self.stage = stage
        self.run = run


# --- the corpus -----------------------------------------------------------------------------


def pick_speeches(corpus: Path, n: int) -> list[Path]:
    """The first ``n`` speech files in sorted path order (deterministic).

    Past the 2,903 speeches of 2010--2024, the earliest of China's and Russia's speeches
    before 2010 (``china-russia-1946-2024/``, by year) make up the count, so N = 3,000 works.
    """
    files = sorted((corpus / SPEECHES).rglob("*.txt"))
    earlier = sorted((p for p in (corpus / EARLIER).glob("*.txt") if p.stem[-4:] < "2010"), key=lambda p: (p.stem[-4:], p.name))
    files += earlier
    if len(files) < n:
        raise SystemExit(f"bench: only {len(files)} speeches under {corpus / SPEECHES} and {corpus / EARLIER}, asked for {n}")
    return files[:n]


def load_speakers(corpus: Path) -> dict[tuple[str, str], Speaker]:
    """``(ISO code, session)`` → speaker, from the corpus' speaker table (first row wins)."""
    speakers: dict[tuple[str, str], Speaker] = {}
    with (corpus / SPEAKERS).open(encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table, delimiter="\t"):
            key = (row["ISO Code"].strip(), row["Session"].strip())
            speaker = Speaker(row["Country"].strip(), row["Name of Person Speaking"].strip(), row["Post"].strip())
            speakers.setdefault(key, speaker)
    return speakers


def ordinal(number: int) -> str:
    """``71`` → ``71st``, ``72`` → ``72nd``, ``111`` → ``111th``."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def catalog_entry(path: Path, speakers: dict[tuple[str, str], Speaker]) -> dict[str, object]:
    """Catalog fields for ``ISO3_SESSION_YEAR.txt``; the ISO code stands in for an unknown country."""
    iso, session, year = path.stem.split("_")
    speaker = speakers.get((iso, session))
    country = speaker.country if speaker and speaker.country else iso
    entry: dict[str, object] = {
        # An explicit page name: titles are slugged to their first 8 words, and long
        # country names ("Saint Vincent and the Grenadines") would collide across sessions.
        "id": path.stem.lower().replace("_", "-"),
        "title": f"Statement by {country} at the {ordinal(int(session))} session ({year})",
        "publication": PUBLICATION,
        "date": year,
        "kind": "print",
    }
    if speaker and speaker.name:
        entry["authors"] = [speaker.name]
        if speaker.post:
            entry["affiliation"] = f"{speaker.post}, {country}"
    return entry


def write_catalog(files: list[Path], speakers: dict[tuple[str, str], Speaker], seeds: Path) -> None:
    """Write ``seeds/catalog.yml``, making every title unique (the ISO code is added on a clash)."""
    entries = {path.name: catalog_entry(path, speakers) for path in files}
    titles = [str(e["title"]) for e in entries.values()]
    for name, entry in entries.items():
        if titles.count(str(entry["title"])) > 1:
            entry["title"] = f"{entry['title']} [{name.split('_')[0]}]"
    text = "# Written by benchmarks/bench.py from file names and Speakers_by_session.tsv.\n"
    text += yaml.safe_dump({"sources": entries}, allow_unicode=True, sort_keys=False, width=1000)
    (seeds / "catalog.yml").write_text(text, encoding="utf-8")


def make_seeds(files: list[Path], speakers: dict[tuple[str, str], Speaker], seeds: Path, catalog: bool = True) -> None:
    seeds.mkdir(parents=True)
    for path in files:
        shutil.copyfile(path, seeds / path.name)
    if catalog:
        write_catalog(files, speakers, seeds)


# --- MkDocs configuration -------------------------------------------------------------------


def write_mkdocs_config(work: Path) -> Path:
    """A copy of the repository's ``mkdocs.yml`` reading ``work/docs`` and writing ``work/site``."""
    return write_site_config(REPO, work / "docs", work / "site", work / "mkdocs.yml")


# --- measuring ------------------------------------------------------------------------------


def measure(command: list[str], cwd: Path) -> Run:
    """Run ``command``; its wall time and its own peak RSS (``ru_maxrss`` via ``os.wait4``).

    Output goes to files, not pipes, so nothing has to be read while the child runs and
    the child can be reaped with ``os.wait4``, which returns its resource usage.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped above; tell Popen
        out.seek(0)
        err.seek(0)
        return Run(
            seconds=seconds,
            peak_mib=usage.ru_maxrss * 1024 / MIB,  # ru_maxrss is in KiB on Linux
            returncode=child.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def run_stage(stage: str, command: list[str], cwd: Path) -> Run:
    run = measure(command, cwd)
    if run.returncode != 0:
        raise StageFailed(stage, run)
    return run


def count_warnings(output: str, marker: str) -> int:
    return sum(marker in line for line in output.splitlines())


def site_figures(site: Path) -> tuple[int, int, str, int]:
    """Total bytes, file count, and the largest HTML page (path, bytes) under ``site``."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    return sum(p.stat().st_size for p in files), len(files), largest.relative_to(site).as_posix(), largest.stat().st_size


def build_once(work: Path, config: Path, jobs: int | None = None) -> tuple[Run, Run, Run | None]:
    """One cold build into empty ``docs/`` and ``site/``, with no results kept from an earlier build
    (``.build_docs-results/``): build_docs (with its stage times), then MkDocs, then Zensical (if installed)."""
    for folder in (work / "docs", work / "site", work / "site-zensical", work / ".build_docs-results"):
        shutil.rmtree(folder, ignore_errors=True)
    built = build_docs(work, jobs)
    site = run_stage("mkdocs build", mkdocs_command(work, config), work)
    zensical = zensical_command()
    if zensical is None:
        return built, site, None
    zensical_config = write_zensical_config(REPO, work / "docs", work / "site-zensical", work / "zensical.yml")
    return built, site, measure([*zensical, "build", "--clean", "-f", str(zensical_config)], work)  # a refusal is a figure, not the end


def build_docs(work: Path, jobs: int | None = None) -> Run:
    """``python -m build_docs build`` on ``work/seeds``, with its stage times."""
    timings = work / "timings.json"
    command = [sys.executable, "-m", "build_docs", "build", "--seeds", "seeds", "--docs", "docs", "--timings", str(timings)]
    built = run_stage("build_docs", command + (["--jobs", str(jobs)] if jobs else []), work)
    return replace(built, timings=json.loads(timings.read_text(encoding="utf-8")))


def mkdocs_command(work: Path, config: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(work / "site"), *options]


EDIT = "\n\nThis paragraph was added by the benchmark, to time a rebuild after one edited seed.\n"


def rebuild_after_edit(work: Path, config: Path, jobs: int | None = None) -> tuple[Run, Run, Run]:
    """One seed edited (a paragraph added to the middle file), then build_docs with the last build's
    results kept (``.build_docs-results/``, ``docs/``) and ``mkdocs build --dirty`` on the ``site/`` already there;
    then the next seed edited and build_docs again."""
    seeds = sorted(p for p in (work / "seeds").iterdir() if p.suffix == ".txt")
    middle = len(seeds) // 2
    with seeds[middle].open("a", encoding="utf-8") as handle:
        handle.write(EDIT)
    built = build_docs(work, jobs)
    dirty = run_stage("mkdocs build --dirty", mkdocs_command(work, config, "--dirty"), work)
    with seeds[(middle + 1) % len(seeds)].open("a", encoding="utf-8") as handle:
        handle.write(EDIT)
    return built, dirty, build_docs(work, jobs)


def bench_one(
    n: int, corpus: Path, speakers: dict[tuple[str, str], Speaker], root: Path, repeat: int, catalog: bool = True, jobs: int | None = None
) -> Result:
    """Build the site from the first ``n`` speeches in ``root/nN`` ``repeat`` times and measure both stages.

    Times are the fastest of the repetitions (as :mod:`timeit` advises: slower runs
    measure other load on the machine, not the build); peak memory is the largest.
    """
    work = root / f"n{n}"
    work.mkdir()
    make_seeds(pick_speeches(corpus, n), speakers, work / "seeds", catalog)
    config = write_mkdocs_config(work)
    runs = [build_once(work, config, jobs) for _ in range(repeat)]
    built_s = tuple(built.seconds for built, _, _ in runs)
    site_s = tuple(site.seconds for _, site, _ in runs)
    zensical_s = tuple(z.seconds for _, _, z in runs if z is not None and z.returncode == 0)
    refused = [z for _, _, z in runs if z is not None and z.returncode != 0]
    zensical_failed = (refused[-1].stderr.strip().splitlines() or [f"exit status {refused[-1].returncode}"])[-1] if refused else ""
    fastest = min((built for built, _, _ in runs), key=lambda b: b.seconds).timings or {}
    built, site, _ = runs[-1]
    size, count, largest, largest_size = site_figures(work / "site")
    rebuilt, dirty, following = rebuild_after_edit(work, config, jobs)  # after the figures: the edit changes the site
    return Result(
        n=n,
        build_docs_s=min(built_s),
        mkdocs_s=min(site_s),
        build_docs_share=min(built_s) / (min(built_s) + min(site_s)),
        build_docs_peak_mib=max(b.peak_mib for b, _, _ in runs),
        mkdocs_peak_mib=max(s.peak_mib for _, s, _ in runs),
        site_mib=size / MIB,
        site_files=count,
        largest_page=largest,
        largest_page_kib=largest_size / 1024,
        build_docs_warnings=count_warnings(built.stderr, ": warning: "),
        mkdocs_warnings=count_warnings(site.stderr, "WARNING"),
        build_docs_runs_s=built_s,
        mkdocs_runs_s=site_s,
        zensical_s=min(zensical_s) if zensical_s else None,
        zensical_runs_s=zensical_s,
        zensical_failed=zensical_failed,
        jobs=int(fastest.get("jobs", 1)),
        stages_s=dict(fastest.get("seconds", {})),
        rebuild_s=rebuilt.seconds,
        rebuild_stages_s=dict((rebuilt.timings or {}).get("seconds", {})),
        dirty_s=dirty.seconds,
        next_s=following.seconds,
    )


# --- reporting ------------------------------------------------------------------------------


def _zensical_cell(r: Result) -> str:
    return "failed" if r.zensical_failed else "—" if r.zensical_s is None else f"{r.zensical_s:.2f}"


def table(results: list[Result]) -> str:
    head = (
        "| N | build_docs s | mkdocs s | zensical s | build_docs share | build_docs peak MiB | mkdocs peak MiB "
        "| site MiB | site KiB per article | largest page (KiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    )
    rows = (
        f"| {r.n} | {r.build_docs_s:.2f} | {r.mkdocs_s:.2f} | {_zensical_cell(r)} "
        f"| {r.build_docs_share:.0%} | {r.build_docs_peak_mib:.0f} "
        f"| {r.mkdocs_peak_mib:.0f} | {r.site_mib:.1f} | {1024 * r.site_mib / r.n:.0f} | {r.largest_page_kib:.0f} `{r.largest_page}` |"
        for r in results
    )
    return "\n".join((*head, *rows))


def rebuild_table(results: list[Result]) -> str:
    """One edited seed: build_docs again with the last build's results kept, and MkDocs with ``--dirty``."""
    head = (
        "| N | cold build_docs s | rebuild s | rebuild / cold | stages of the rebuild (s) | mkdocs --dirty s | next edit s | next / cold |",
        "|---:|---:|---:|---:|---|---:|---:|---:|",
    )
    rows = (
        f"| {r.n} | {r.build_docs_s:.2f} | {r.rebuild_s:.2f} | {r.rebuild_s / r.build_docs_s:.0%} "
        f"| {', '.join(f'{stage} {seconds:.2f}' for stage, seconds in r.rebuild_stages_s.items())} | {r.dirty_s:.2f} "
        f"| {r.next_s:.2f} | {r.next_s / r.build_docs_s:.0%} |"
        for r in results
    )
    return "\n".join((*head, *rows))


def stage_table(results: list[Result]) -> str:
    """build_docs' time per stage (its fastest run at each N) and the processes it used."""
    stages = list(dict.fromkeys(stage for r in results for stage in r.stages_s))
    head = ("| N | jobs | " + " | ".join(f"{stage} s" for stage in stages) + " |", "|---:|---:|" + "---:|" * len(stages))
    rows = (f"| {r.n} | {r.jobs} | " + " | ".join(f"{r.stages_s.get(stage, 0.0):.2f}" for stage in stages) + " |" for r in results)
    return "\n".join((*head, *rows))


def linearity(results: list[Result]) -> str:
    """Time per article at each N; marginal time per added article between sizes."""
    ns = " / ".join(str(r.n) for r in results)
    per = {stage: " / ".join(f"{1000 * getattr(r, stage) / r.n:.1f}" for r in results) for stage in ("build_docs_s", "mkdocs_s")}
    line = f"Time per article (ms) at N = {ns}: build_docs {per['build_docs_s']}, mkdocs {per['mkdocs_s']}"
    pairs = list(zip(results, results[1:], strict=False))
    if not pairs:
        return line
    marginal = {
        stage: " / ".join(f"{1000 * (getattr(b, stage) - getattr(a, stage)) / (b.n - a.n):.1f}" for a, b in pairs) for stage in ("build_docs_s", "mkdocs_s")
    }
    steps = " / ".join(f"{a.n}→{b.n}" for a, b in pairs)
    return line + f"\nMarginal ms per added article ({steps}): build_docs {marginal['build_docs_s']}, mkdocs {marginal['mkdocs_s']}"


def report_failure(failure: StageFailed) -> None:
    print(f"bench: {failure}", file=sys.stderr)
    for text in (failure.run.stdout, failure.run.stderr):
        if text.strip():
            print(text.rstrip(), file=sys.stderr)


# --- command line ---------------------------------------------------------------------------


def sizes(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas, got {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return values


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(description="Time build_docs and mkdocs build on N UN General Debate speeches.")
    top.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR", help=f"corpus folder (default: {DEFAULT_CORPUS})")
    top.add_argument("--sizes", type=sizes, default=DEFAULT_SIZES, metavar="N,N,...", help="article counts (default: 100,1000,3000)")
    top.add_argument("--repeat", type=int, default=3, metavar="R", help="builds per N; the fastest counts (default: 3)")
    top.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE as JSON")
    top.add_argument("--readme", action="store_true", help="also write the figures into README.md between the bench markers")
    top.add_argument("--no-catalog", action="store_true", help="build the speeches as they are, without a catalog.yml")
    top.add_argument("--jobs", type=int, metavar="N", help="passed on to build_docs (default: build_docs chooses: every core for a large corpus)")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    corpus = args.corpus.resolve()
    if not (corpus / SPEECHES).is_dir() or not (corpus / SPEAKERS).is_file():
        print(f"bench: no UN General Debate corpus at {corpus} (expected {SPEECHES}/ and {SPEAKERS}); pass --corpus DIR", file=sys.stderr)
        return 2
    speakers = load_speakers(corpus)
    if zensical_command() is None:
        print("bench: Zensical is not installed (make zensical installs it); its column shows a dash", file=sys.stderr)
    root = Path(tempfile.mkdtemp(prefix="build_docs-bench-"))
    results: list[Result] = []
    try:
        for n in args.sizes:
            print(f"bench: N = {n} ...", file=sys.stderr, flush=True)
            result = bench_one(n, corpus, speakers, root, max(1, args.repeat), catalog=not args.no_catalog, jobs=args.jobs)
            print(
                f"bench: N = {n}: {result.build_docs_warnings} build_docs warnings, {result.mkdocs_warnings} mkdocs warnings",
                file=sys.stderr,
            )
            results.append(result)
    except StageFailed as failure:
        report_failure(failure)
        return 1
    finally:
        shutil.rmtree(root, ignore_errors=True)
    report = (
        f"Fastest of {max(1, args.repeat)} run{'s' if args.repeat > 1 else ''} at each N "
        f"(`benchmarks/bench.py --sizes {','.join(map(str, args.sizes))} --repeat {max(1, args.repeat)}`).\n\n"
        f"{table(results)}\n\n{linearity(results)}\n\nbuild_docs by stage (s, fastest run):\n\n{stage_table(results)}"
        f"\n\nAfter one edited seed (a paragraph added to one speech; build_docs keeps its results in `.build_docs-results/`):\n\n{rebuild_table(results)}"
        + "".join(f"\n\nZensical refused the site at N = {r.n}: {r.zensical_failed}" for r in results if r.zensical_failed)
    )
    print(report)
    if args.readme and not args.no_catalog:  # the README's figures are for the catalogued build
        replace_section("bench", report)
    if args.json:
        args.json.write_text(
            json.dumps({"corpus": str(corpus), "python": sys.version.split()[0], "results": [asdict(r) for r in results]}, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
