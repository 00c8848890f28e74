"""Command line: ``python -m build_docs build|check`` (also ``build-docs``).

Only this module prints. Problems are printed as ``path:line: severity: message``,
all of them, before exiting: 0 on success, 1 on errors (with ``--strict`` also
on warnings) or a stale ``docs/``, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

from build_docs.diagnostics import BuildError, Diagnostic, Severity, has_errors
from build_docs.jobs import Jobs
from build_docs.pipeline import BuildConfig, BuildResult, build, shown
from build_docs.progress import Progress, summary
from build_docs.publish.write import Plan
from build_docs.results import folder_for
from build_docs.single import clean_file_report, extract_file_report
from build_docs.sources.catalog import KINDS


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="build_docs", description="Build the reference site's Markdown and data files from seeds/.")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, about in (
        ("build", "write docs/ from seeds/ (only generated files are touched)"),
        ("check", "exit 1 when docs/ is not what 'build' would write"),
    ):
        command = commands.add_parser(name, help=about, description=about)
        command.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR", help="folder of raw articles and catalog.yml (default: seeds)")
        command.add_argument("--docs", type=Path, default=Path("docs"), metavar="DIR", help="MkDocs docs folder to write (default: docs)")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument(
            "--jobs", type=_jobs, metavar="N", help="processes for per-article work (default: every core; one below a few dozen articles)"
        )
        shown_progress = command.add_mutually_exclusive_group()
        shown_progress.add_argument("-q", "--quiet", action="store_true", help="no progress line on stderr")
        shown_progress.add_argument("--progress", action="store_true", help="a progress line on stderr even when it is not a terminal")
        command.add_argument("--timings", type=Path, metavar="FILE", help="write the time of each stage, the counts and --jobs to FILE as JSON")
        command.add_argument(
            "--no-cache", action="store_true", help="neither read nor keep results kept in .build_docs-results/ beside the seeds folder"
        )
    one = commands.add_parser("clean", help="print the cleaned text of one file", description="Print the cleaned text of one file.")
    one.add_argument("file", type=Path, metavar="FILE")
    one.add_argument("--kind", choices=KINDS, help="kind of source (default: from the text)")
    one.add_argument("--json", action="store_true", help="print metadata, structure, removed lines and corrections as JSON")
    get = commands.add_parser(
        "extract",
        help="print the terms, entities and mentions one file yields",
        description="Print the acronyms one file defines, the entities it names and every mention, with character offsets into the file's text.",
    )
    get.add_argument("file", type=Path, metavar="FILE")
    get.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="publication date (resolves relative dates)")
    get.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR", help="folder with entities.yml and glossary.yml (default: seeds)")
    get.add_argument("--json", action="store_true", help="print JSON")
    return top


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), got {text!r}")
    return value


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    """The command line: its exit status."""
    return run(argv)[0]


def run(argv: list[str] | None = None) -> tuple[int, BuildResult | None]:
    """:func:`main`'s exit status, and what a build made (its pages and its stages' results): held by a caller that
    ends the process without freeing them (:mod:`build_docs.__main__`)."""
    args = parser().parse_args(argv)
    if args.command == "clean":
        return clean_file(args.file, args.kind, args.json), None
    if args.command == "extract":
        return extract_file(args.file, args.seeds, args.date, args.json), None
    results = None if args.no_cache else folder_for(args.seeds)
    config = BuildConfig(seeds=args.seeds, docs=args.docs, jobs=Jobs(workers=args.jobs), results=results)
    progress = Progress(show=_status_line() if args.progress or (not args.quiet and sys.stderr.isatty()) else None)
    try:
        result = build(config, dry_run=args.command == "check", strict=args.strict, progress=progress)
    except BuildError as failure:
        _end_status(progress)
        _report(failure.diagnostics)
        why = "warnings are errors with --strict" if args.strict and not failure.errors else "errors"
        print(f"build_docs: failed ({why}); {shown(args.docs)}/ left unchanged", file=sys.stderr)
        return 1, None
    _end_status(progress)
    _report(result.diagnostics)
    change = result.plan
    warnings = sum(d.severity is Severity.WARNING for d in result.diagnostics)
    changed = f"{len(change.writes) + len(change.deletes)} stale" if args.command == "check" else f"{len(change.writes)} written"
    print(summary(result.articles, result.pages, f"{changed}, {len(change.unchanged)} unchanged", warnings, progress.timings))
    if args.timings:
        _write_timings(args.timings, result, warnings, progress.timings, config.jobs)
    if args.command == "check":
        return _check(change, shown(args.docs)), result
    print(f"build_docs: {len(change.writes)} written, {len(change.deletes)} deleted, {len(change.unchanged)} unchanged in {shown(args.docs)}/")
    return 0, result


def _status_line() -> Callable[[str], None]:
    """Show one status line on stderr, each replacing the last (carriage return, then clear to the end of the line)."""

    def show(line: str) -> None:
        sys.stderr.write(f"\r{line}\x1b[K")
        sys.stderr.flush()

    return show


def _end_status(progress: Progress) -> None:
    """Clear the status line, so what follows starts on a clean line."""
    if progress.showing:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _write_timings(path: Path, result: BuildResult, warnings: int, timings: dict[str, float], jobs: Jobs) -> None:
    figures = {
        "jobs": jobs.workers_for(result.articles),
        "articles": result.articles,
        "pages": result.pages,
        "warnings": warnings,
        "seconds": {name: round(seconds, 3) for name, seconds in timings.items()},
    }
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def _check(change: Plan, docs: str) -> int:
    for page in change.writes:
        print(f"{docs}/{page.path}: stale: the build would rewrite it", file=sys.stderr)
    for path in change.deletes:
        print(f"{docs}/{path}: stale: the build would delete it", file=sys.stderr)
    if change.stale:
        print(f"build_docs: {docs}/ is out of date; run 'python -m build_docs build'", file=sys.stderr)
        return 1
    print(f"build_docs: {docs}/ is up to date ({len(change.unchanged)} files)")
    return 0


def _report(diagnostics: tuple[Diagnostic, ...]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)


def clean_file(path: Path, kind: str | None, as_json: bool) -> int:
    if not path.is_file():
        print(f"{shown(path)}: error: no such file", file=sys.stderr)
        return 2
    output, problems = clean_file_report(path, shown(path), kind, as_json)
    return _print(output, problems)


def extract_file(path: Path, seeds: Path, date: str | None, as_json: bool) -> int:
    if not path.is_file():
        print(f"{shown(path)}: error: no such file", file=sys.stderr)
        return 2
    output, problems = extract_file_report(path, shown(path), seeds if seeds.is_dir() else None, date, as_json)
    return _print(output, problems)


def _print(output: str, problems: list[Diagnostic]) -> int:
    _report(tuple(problems))
    if has_errors(problems):
        return 1
    sys.stdout.write(output)
    return 0
