"""The orchestrator: the only code that knows the order of the stages.

Gather everything first, then write (MkDocs' rule): no stage calls the next,
and nothing touches ``docs/`` until every stage has succeeded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from build_docs.clean.cleaner import clean_all
from build_docs.diagnostics import BuildError, Diagnostic, has_errors
from build_docs.extract.discover import is_common
from build_docs.extract.extractors import extract
from build_docs.extract.index import index
from build_docs.link.knowledge import assemble, paragraphs_of
from build_docs.link.mentions import link_all
from build_docs.link.registry import load_registry
from build_docs.publish.write import Plan, apply, plan
from build_docs.render.pages import render
from build_docs.render.templating import RenderedPage
from build_docs.sources.catalog import load_catalog
from build_docs.sources.read import read_sources
from build_docs.timeline.events import events_of

CATALOG = "catalog.yml"


@dataclass(frozen=True)
class BuildConfig:
    seeds: Path
    docs: Path


@dataclass(frozen=True)
class BuildResult:
    plan: Plan
    diagnostics: tuple[Diagnostic, ...]


def shown(path: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def generate(config: BuildConfig) -> tuple[tuple[RenderedPage, ...], tuple[Diagnostic, ...]]:
    """Read, clean, extract, link, date and render; raise :class:`BuildError` on any error."""
    seeds = shown(config.seeds)
    catalog, problems = load_catalog(config.seeds / CATALOG, f"{seeds}/{CATALOG}")  # sources/
    registry, found = load_registry(config.seeds, seeds)  # link/
    problems += found
    sources, found = read_sources(config.seeds, catalog, seeds)  # sources/
    problems += found
    cleaned = clean_all(sources, extra_words=registry.names())  # clean/
    problems += cleaned.problems
    extractions = [extract(article) for article in cleaned.articles]  # extract/
    site, found = index(list(zip(cleaned.articles, extractions, strict=True)), cleaned.reports, seeds)
    problems += found
    knowledge, found = assemble(registry, paragraphs_of(site.articles), site.definitions(), site.names(), common=is_common)  # link/, pass 1
    problems += found
    diagnostics = tuple(sorted(problems))
    if has_errors(diagnostics):
        raise BuildError(diagnostics)
    knowledge, links = link_all(knowledge, site.articles)  # link/, pass 2
    events = events_of(site.articles, site.dates(), links)  # timeline/
    return render(site, knowledge, links, events), diagnostics  # render/


def build(config: BuildConfig, dry_run: bool = False, strict: bool = False) -> BuildResult:
    """Generate the site and, unless ``dry_run``, bring ``docs/`` up to date.

    With ``strict``, warnings fail the build as errors do, before anything is written.
    """
    pages, diagnostics = generate(config)
    if strict and diagnostics:
        raise BuildError(diagnostics)
    change = plan(pages, config.docs, shown(config.docs))
    if change.problems:
        raise BuildError(diagnostics + change.problems)
    if not dry_run:
        apply(change, config.docs)
    return BuildResult(change, diagnostics)
