"""The orchestrator: the only code that knows the order of the stages.

Gather everything first, then write (MkDocs' rule): no stage calls the next,
and nothing touches ``docs/`` until every stage has succeeded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from build_docs.clean.cleaner import clean_all
from build_docs.collector import rare_collections
from build_docs.diagnostics import BuildError, Diagnostic, has_errors
from build_docs.extract.discover import is_common
from build_docs.extract.extractors import extract
from build_docs.extract.index import index
from build_docs.jobs import SERIAL, Jobs
from build_docs.link.evidence import article_evidence
from build_docs.link.knowledge import assemble, paragraphs_of
from build_docs.link.mentions import link_all
from build_docs.link.registry import load_registry
from build_docs.progress import Progress
from build_docs.publish.write import Plan, apply, plan, read_seen, record_seen
from build_docs.render.pages import render
from build_docs.render.templating import RenderedPage
from build_docs.results import Kept, digest
from build_docs.sources.catalog import load_catalog
from build_docs.sources.read import read_sources, skipped_files
from build_docs.timeline.events import events_of

CATALOG = "catalog.yml"


@dataclass(frozen=True)
class BuildConfig:
    seeds: Path
    docs: Path
    jobs: Jobs = SERIAL  # how per-article work runs: processes, or another Executor (build_docs/jobs.py)
    results: Path | None = None  # where per-article results are kept between builds (build_docs/results.py); None: not kept


@dataclass(frozen=True)
class Generated:
    pages: tuple[RenderedPage, ...]
    diagnostics: tuple[Diagnostic, ...]
    articles: int
    #: the stages' results the pages were made from, held so that a caller about to end the process can end it
    #: without freeing them object by object (:mod:`build_docs.__main__`)
    held: tuple[object, ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class BuildResult:
    plan: Plan
    diagnostics: tuple[Diagnostic, ...]
    articles: int = 0
    pages: int = 0
    held: tuple[object, ...] = field(default=(), repr=False, compare=False)  # see Generated.held


def shown(path: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def generate(config: BuildConfig, progress: Progress | None = None) -> Generated:
    """Read, clean, extract, link, date and render; raise :class:`BuildError` on any error.

    Per-article work runs as ``config.jobs`` says (:mod:`build_docs.jobs`); ``progress`` times
    each stage and hears how far the per-article ones have got."""
    progress = progress or Progress()
    kept = Kept(config.results)
    try:
        return _generated(config, progress, kept)
    finally:
        kept.close()  # after an error, what was made so far is kept for the next build (after a sweep, nothing is left)


def _generated(config: BuildConfig, progress: Progress, kept: Kept) -> Generated:
    seeds = shown(config.seeds)
    with progress.stage("read"):  # sources/ (and the registries, link/)
        catalog, problems = load_catalog(config.seeds / CATALOG, f"{seeds}/{CATALOG}", kept)
        registry, found = load_registry(config.seeds, seeds)
        problems += found
        stamps = config.results / "read-stamps" / f"{digest(str(config.seeds.resolve()))}.json" if config.results else None  # build_docs/stamps.py
        sources, found = read_sources(config.seeds, catalog, seeds, kept, stamps)
        problems, skipped = problems + found, skipped_files(found, sources)
    with progress.stage("clean") as tick:  # clean/
        cleaned = clean_all(sources, extra_words=registry.names(), runner=config.jobs.runner(tick), kept=kept)
        problems += cleaned.problems
    with progress.stage("extract") as tick:  # extract/
        made_from = dict(zip((a.sources for a in cleaned.articles), cleaned.keys, strict=True)) if kept.on else {}  # by the files it is made of
        extractions = kept.map("extract", extract, cleaned.articles, config.jobs.runner(tick), cleaned.keys if kept.on else None)
        site, found = index(list(zip(cleaned.articles, extractions, strict=True)), cleaned.reports, seeds)
        problems += found
    with progress.stage("link") as tick:  # link/, pass 1
        # what each article's results are kept under: its cleaning's key and the page name it claimed
        keys = [digest(made_from[article.sources], article.id) for article in site.articles] if kept.on else []
        found_in = [(article, site.extractions[article.id].names) for article in site.articles]
        evidence = kept.map("evidence", article_evidence, found_in, config.jobs.runner(tick), keys or None)
        knowledge, found = assemble(registry, paragraphs_of(site.articles), site.definitions(), site.names(), is_common, evidence)
        problems += found
        diagnostics = tuple(sorted(problems))
        if has_errors(diagnostics):
            raise BuildError(diagnostics)
        knowledge, links = link_all(knowledge, site.articles, kept, keys)  # link/, pass 2
    with progress.stage("timeline"):  # timeline/
        timeline = events_of(site.articles, site.dates(), links, kept, keys)
    with progress.stage("render") as tick:  # render/
        by_article = dict(zip((a.id for a in site.articles), keys, strict=True)) if kept.on else None
        pages = render(site, knowledge, links, timeline, kept, by_article, skipped, config.jobs.runner(tick))
    kept.sweep()  # the results of earlier builds that this one did not use (other code, other text)
    return Generated(pages, diagnostics, len(site.articles), (sources, cleaned, extractions, site, evidence, knowledge, links, timeline))


def build(config: BuildConfig, dry_run: bool = False, strict: bool = False, progress: Progress | None = None) -> BuildResult:
    """Generate the site and, unless ``dry_run``, bring ``docs/`` up to date.

    With ``strict``, warnings fail the build as errors do, before anything is written.
    """
    progress = progress or Progress()
    with rare_collections():  # also while publishing: the corpus is still held (BuildResult.held)
        return _published(config, generate(config, progress), dry_run, strict, progress)


def _published(config: BuildConfig, generated: Generated, dry_run: bool, strict: bool, progress: Progress) -> BuildResult:
    """``docs/`` brought up to date with ``generated`` (unless ``dry_run``)."""
    if strict and generated.diagnostics:
        raise BuildError(generated.diagnostics)
    with progress.stage("publish"):  # publish/
        record = config.results / "published" / f"{digest(str(config.docs.resolve()))}.json" if config.results else None
        change = plan(generated.pages, config.docs, shown(config.docs), read_seen(record) if record else None)
        if change.problems:
            raise BuildError(generated.diagnostics + change.problems)
        if not dry_run:
            written = apply(change, config.docs)
            if record and (change.stale or change.read):  # what this build saw of docs/, so the next reads only what changed
                record_seen(record, change, written, config.docs)
    return BuildResult(change, generated.diagnostics, generated.articles, len(generated.pages), (generated.pages, *generated.held))
