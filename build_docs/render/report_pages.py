"""Cleaning report pages: one per article, a summary, and each source file as received."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import PurePosixPath
from typing import Any

from build_docs.clean.article import Article, CleaningReport, SourceReport
from build_docs.diagnostics import Diagnostic
from build_docs.extract.index import Site
from build_docs.jobs import IN_PROCESS, Runner
from build_docs.render.index_pages import split
from build_docs.render.kept_pages import kept_all
from build_docs.render.markdown import Md, escape
from build_docs.render.templating import RenderedPage, page
from build_docs.results import NOTHING_KEPT, Kept
from build_docs.slug import slugify

KIND_TEXT = {"web": "web page", "print": "print (magazine or journal page)", "ocr": "OCR scan"}
#: Figures of the witness merge shown in the report, by the name the witness module gives them.
WITNESS_LABELS = {
    "ordering": "Column order",
    "merge": "Merge",
    "character error rate": "Character error rate against the primary",
}


def raw_page(name: str) -> str:
    """Site path of the page showing one seed file as received, when no other seed file claims it."""
    return f"raw/{slugify(PurePosixPath(name).stem) or 'source'}.md"


def raw_pages(names: Iterable[str]) -> dict[str, str]:
    """Each seed file's raw view, one page each: ``raw/<stem>.md``; files whose stems make the same
    page name (``note.md`` and ``note.html``) take their whole name (``raw/note-md.md``), and a
    number if that is taken too, in the order of their names."""
    names = sorted(set(names))
    plain = Counter(raw_page(n) for n in names)
    taken: set[str] = set()
    pages = {}
    for name in names:
        page = raw_page(name)
        if plain[page] > 1:
            page = f"raw/{slugify(name) or 'source'}.md"
        stem, number = page[: -len(".md")], 1
        while page in taken:
            number += 1
            page = f"{stem}-{number}.md"
        taken.add(page)
        pages[name] = page
    return pages


def line_link(page: str, line: int, first_line: int, prefix: str = "../") -> Md:
    """Link to a line of the raw view ``page``."""
    return Md(f"{prefix}{page}#L{line}") if line >= first_line else Md(f"{prefix}{page}")


REPORTS_PER_PAGE = 100  # rows of the reports index on one page (about 0.3 KB of HTML each)


def report_pages(
    site: Site,
    kept: Kept = NOTHING_KEPT,
    keys: Mapping[str, str] | None = None,
    finish: Callable[[list[RenderedPage]], list[RenderedPage]] = list,
    skipped: Sequence[Diagnostic] = (),
    runner: Runner = IN_PROCESS,
) -> list[RenderedPage]:
    """The reports index (with the files that made no article, and why: ``skipped``), and each article's report and
    raw views (through ``finish``; read back from ``kept`` when an earlier build made them from the same article and
    report, ``keys`` naming the article)."""
    pages = finish(_index(site, skipped))
    raw = raw_pages(s.name for r in site.reports.values() for s in r.sources)
    kept = kept if keys else NOTHING_KEPT
    inputs: list[tuple[object, ...]] = []
    makes = []
    for article in site.articles:
        report = site.reports[article.id]
        views = {s.name: raw[s.name] for s in report.sources}
        if kept.on and keys:  # the report is part of the article's cleaning, which its key names
            inputs.append((keys[article.id], site.seeds_name, sorted(views.items())))
        makes.append(partial(_finished_report, finish, site, article, report, views))
    return pages + [page for made in kept_all(kept, "report", inputs, makes, runner) for page in made]


def _finished_report(finish: Callable[[list[RenderedPage]], list[RenderedPage]], *made_of: Any) -> list[RenderedPage]:
    """:func:`_article_report`'s pages through ``finish`` (abbreviations appended)."""
    return finish(_article_report(*made_of))


def _article_report(site: Site, article: Article, report: CleaningReport, raw: Mapping[str, str]) -> list[RenderedPage]:
    """An article's cleaning report and a raw view of each of its sources (``raw``: file name → its view)."""
    pages = [
        page(
            f"reports/{article.id}.md",
            "report.md.j2",
            _report(article, report, raw),
            sources=[f"{site.seeds_name}/{s}" for s in article.sources],
            # Lines taken out and words left unknown, for editors: search finds the article's text on its
            # page. Four search items an article, which would halve Zensical's limit on a field's length.
            meta={"search": {"exclude": True}},
        )
    ]
    for source in report.sources:
        pages.append(
            page(
                raw[source.name],
                "raw.md.j2",
                sources=[source.name],
                name=source.name,
                encoding=source.encoding,
                lines=raw_lines(source.raw, source.first_line),
                report_link=Md(f"../reports/{article.id}.md"),
                article_link=Md(f"../articles/{article.id}.md"),
                title=article.title,
                # Search finds the article's text on its page; a long file's view, one search field, would
                # also pass the length Zensical's search takes of a field, and fail its build.
                meta={"search": {"exclude": True}},
            )
        )
    return pages


def _index(site: Site, skipped: Sequence[Diagnostic] = ()) -> list[RenderedPage]:
    """``reports/index.md``: the totals, the files that made no article and, up to :data:`REPORTS_PER_PAGE` articles,
    a row per article; beyond, the rows are on ``reports/by-title/page-<n>.md`` in title order, as the Articles index's."""
    summary = _summary(site) | {"skipped": [(p.path.rsplit("/", 1)[-1], p.line, p.message) for p in skipped]}
    by_title = sorted(site.articles, key=lambda a: (a.title.casefold(), a.id))
    parts = split(by_title, REPORTS_PER_PAGE)
    if not parts:
        return [page("reports/index.md", "reports.md.j2", summary, parts=[], prefix=Md(""))]
    rows = {str(row["id"]): row for row in _rows(site)}
    pages = [page("reports/index.md", "reports.md.j2", summary | {"rows": []}, parts=parts, prefix=Md(""))]
    pages += [
        page(
            f"reports/by-title/{part.name}.md",
            "reports.md.j2",
            summary | {"rows": [rows[a.id] for a in part.articles]},
            parts=[],
            part=part,
            count=len(parts),
            total=len(site.articles),
            prefix=Md("../"),
            meta={"search": {"exclude": True}},  # a table of counts: search finds the articles themselves
        )
        for part in parts
    ]
    return pages


def raw_lines(text: str, first_line: int) -> Md:
    """The text as HTML lines, each with an anchor ``L<n>``: HTML-escaped, so nothing in it is live.

    Raw HTML, not a code block: MkDocs registers the anchors of HTML written in the
    Markdown, and no Markdown extension looks inside it.
    """
    rows = []
    for number, line in enumerate(text.rstrip("\n").split("\n"), start=first_line):
        rows.append(f'<span id="L{number}" class="raw-line"><a class="raw-no" href="#L{number}">{number}</a>{html.escape(line)}</span>')
    return Md("\n".join(rows))


def _summary(site: Site) -> dict[str, object]:
    rows = _rows(site)
    totals: Counter[str] = Counter({key: 0 for key in ("files", "removed", "fixes", "unknown")})
    for row in rows:
        totals.update({key: int(str(row[key])) for key in totals})
    reasons = Counter(_reason_group(r.reason) for a in site.articles for s in site.reports[a.id].sources for r in s.removed)
    return {"rows": rows, "totals": dict(totals), "reasons": sorted(reasons.items(), key=lambda item: (-item[1], item[0]))}


def _rows(site: Site) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for article in site.articles:
        report = site.reports[article.id]
        counts = {
            "files": len(report.sources),
            "removed": sum(len(s.removed) for s in report.sources),
            "fixes": sum(len(s.fixes) for s in report.sources),
            "unknown": sum(count for _, count in report.unknown),
        }
        rows.append({"id": article.id, "title": article.title, **counts, "truncated": "yes" if report.ends_mid_sentence else "no"})
    return rows


def _reason_group(reason: str) -> str:
    return "header line (title, byline, date …)" if reason.startswith("metadata:") else reason


def _report(article: Article, report: CleaningReport, raw: Mapping[str, str]) -> dict[str, object]:
    names = [s.name for s in report.sources]
    witness_names = [name for name in names if name in report.witness]
    return {
        "article": article,
        "report": report,
        "primary": next((n for n in names if n not in report.witness), names[0]),
        "raw_links": {name: Md(f"../{raw[name]}") for name in names},
        "source_rows": [_source(s, article.id, raw[s.name]) for s in report.sources],
        "witness_names": witness_names,
        "witness_rows": _witness_rows(report, witness_names),
        "unknown": Md(", ".join(f"{escape(word)} ({count})" for word, count in report.unknown)),
    }


def _source(source: SourceReport, article_id: str, view: str) -> dict[str, object]:
    kind = KIND_TEXT.get(source.kind or "", "not stated")
    if source.kind_detected:
        kind += " (detected from the text)"
    return {
        "name": source.name,
        "kind_text": kind,
        "encoding": source.encoding,
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason, "link": line_link(view, r.line, source.first_line)} for r in source.removed],
        "kept": [{"line": r.line, "text": r.text, "reason": r.reason, "link": line_link(view, r.line, source.first_line)} for r in source.kept],
        "fixes": [
            {
                "line": f.line,
                "before": f.before,
                "after": f.after,
                "rule": f.rule,
                "link": line_link(view, f.line, source.first_line),
                "anchor_link": Md(f"[{f.anchor}](../articles/{article_id}.md#{f.anchor})") if f.anchor else "—",
            }
            for f in source.fixes
        ],
    }


def _witness_rows(report: CleaningReport, names: list[str]) -> list[tuple[str, list[object]]]:
    keys: list[tuple[str, str]] = []
    for name in names:
        for group, figures in report.witness[name].items():
            for key in figures:
                if (group, key) not in keys:
                    keys.append((group, key))
    rows = []
    for group, key in keys:
        label = f"{WITNESS_LABELS.get(group, group)}: {key.replace('_', ' ')}"
        rows.append((label, [_figure(report.witness[n].get(group, {}).get(key, "—")) for n in names]))
    return rows


def _figure(value: object) -> object:
    return f"{value:.3f}" if isinstance(value, float) else value
