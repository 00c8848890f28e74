"""The render stage's orchestrator, :func:`render`: every page and data file of the site.

It lists the page families (home, articles, sources, data, cite, reports,
entities and glossary, timeline, bibliographies, assets) and renders the article
pages and indexes itself; each other family has its own module. Pages come from
templates through :func:`build_docs.render.templating.page`. Output is
deterministic: sorted inputs, no timestamps, ``\\n`` line ends.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import Any

from build_docs.clean.article import Article, author_list
from build_docs.clean.structure import Block
from build_docs.diagnostics import Diagnostic
from build_docs.extract.dating import DateEstimate
from build_docs.extract.index import Site
from build_docs.jobs import IN_PROCESS, Runner
from build_docs.link.mentions import Links
from build_docs.link.model import Knowledge
from build_docs.render import index_pages
from build_docs.render.abbreviations import abbreviator
from build_docs.render.article_parts import PAGES_FILE, Part, block_sizes, fresh_anchors, part_meta, part_path, part_records, parts_nav, split
from build_docs.render.article_sections import divisions, search_bytes
from build_docs.render.citation import display_date, estimated_date
from build_docs.render.cite import Edition, Entry, apa, bibtex, chicago, csl, entries, files, ris
from build_docs.render.index_pages import articles_index, sources_index
from build_docs.render.jsondata import dump_bytes, dumps
from build_docs.render.kept_pages import dated_view, kept_all, link_view
from build_docs.render.knowledge_pages import (
    abbreviation_lines,
    derived_lines,
    events_by_paragraph,
    glossary_records,
    key_href,
    key_title,
    knowledge_pages,
    linked_text,
    source_derivations,
)
from build_docs.render.markdown import Md, escape, formatted
from build_docs.render.page_cites import page_marked, paragraph_pages
from build_docs.render.page_meta import article_meta
from build_docs.render.relink import with_parts
from build_docs.render.report_pages import report_pages
from build_docs.render.templating import RenderedPage, page
from build_docs.render.timeline_pages import entry_pages, timeline_pages
from build_docs.results import NOTHING_KEPT, Kept, digest
from build_docs.timeline.events import Event, Timeline

SITE_NAME = "China–Russia Relations: A Source Reader"
KIND_NAMES = {"web": "web page", "print": "print (magazine or journal page)", "ocr": "OCR scan"}
ORIGIN_NOTES = {
    "catalog": "from the catalog",
    "front matter": "from the file's front matter",
    "page metadata": "from the page's metadata",
    "file name": "from the file name: the text has none",
    "document info": "from the PDF's properties",
    "text": "",
}


def render(
    site: Site,
    knowledge: Knowledge,
    links: Links,
    timeline: Timeline,
    kept: Kept = NOTHING_KEPT,
    keys: Mapping[str, str] | None = None,
    skipped: Sequence[Diagnostic] = (),
    runner: Runner = IN_PROCESS,
) -> tuple[RenderedPage, ...]:
    """Every page and data file. With ``kept`` and ``keys`` (article id → a digest of the article), an
    article's page and an entity's pages are read back when an earlier build rendered them from the same inputs.
    ``skipped`` are the warnings about seed files that made no article, listed on the Cleaning reports page.
    Articles', entities' and reports' pages that are not read back are rendered on ``runner``, and with two cores the
    entities' pages are rendered in a forked process while this one renders the others (:meth:`Runner.alongside`)."""
    events = timeline.events
    counts = _counts(site) | {"entities": len(knowledge.entities), "terms": len(knowledge.terms), "events": len(events)}
    titles = {a.id: a.title for a in site.articles}
    dated = events_by_paragraph(events)
    held = entry_pages(events)
    lines = abbreviation_lines(knowledge, links)
    finish = abbreviator(lines)
    kept = kept if keys is not None and links.digests else NOTHING_KEPT
    cited = _citations(site, kept, keys or {})
    kept = kept.salted(digest(sorted(lines.items())))  # every kept page ends with the abbreviations it uses
    corpus = (site.seeds_name,) if kept.on else ()

    @cache
    def shown(key: str) -> tuple[object, ...]:  # what an article's page shows of what it links to: once per key, not per article
        return knowledge.named(key).label, key_href(knowledge, key), key_title(knowledge, key)

    def entities() -> list[RenderedPage]:  # the largest family
        return knowledge_pages(site, knowledge, links, timeline, held, kept, finish, Runner(runner.jobs))  # no progress from two processes

    def others() -> tuple[list[RenderedPage], dict[str, tuple[Part, ...]]]:
        made = kept_all(
            kept,
            "article",
            [_article_inputs(site, article, links, shown, dated, held, keys or {}, corpus) for article in site.articles] if kept.on else [],
            [partial(_finished_article, finish, site, article, knowledge, links, dated, held) for article in site.articles],
            runner,
        )
        articles = dict(zip((article.id for article in site.articles), made, strict=True))
        parts = {article_id: p for article_id, (_, p) in articles.items() if len(p) > 1}  # long articles, split
        pages = [
            page("index.md", "index.md.j2", site_name=SITE_NAME, counts=counts, articles=_home_list(site), authors=_authors(site)),
            *articles_index(_by_title(site), {a.id: _byline(a) for a in site.articles}),
            *sources_index(
                _by_title(site), _sources_context(site, cited), lambda prefix: source_derivations(site.articles, knowledge, links, events, prefix), kept, keys
            ),
            page("data.md", "data.md.j2", example=site.articles[0].id if site.articles else "an-article"),
            RenderedPage("data/articles.json", dump_bytes([_article_record(a, site.extractions[a.id].date_estimate, parts.get(a.id)) for a in site.articles])),
            *_bibliography(site, cited),
            page("cite.md", "cite.md.j2", site_name=Md(SITE_NAME), articles=len(site.articles), example_citation=_example_citation(site)),
            RenderedPage("data/glossary.json", dump_bytes(glossary_records(knowledge, links))),
            *_assets(),
        ]
        done = [  # abbreviations appended already
            *(rendered for pages_of, _ in articles.values() for rendered in pages_of),
            *report_pages(site, kept, keys, finish, skipped, runner),
            *timeline_pages(timeline, knowledge, titles, paragraph_pages(site.articles), kept, finish),
        ]
        return [*finish(pages), *done], parts

    # The entities' pages in a forked process while this one renders the rest (one after the other with one core).
    entity_pages, (rest, parts) = kept.alongside(runner, entities, others)
    return tuple(sorted(with_parts([*rest, *entity_pages], site.articles, parts, kept), key=lambda p: p.path))


def _article_inputs(
    site: Site,
    article: Article,
    links: Links,
    shown: Callable[[str], tuple[object, ...]],
    dated: Mapping[tuple[str, str], list[Event]],
    held: Mapping[str, str],
    keys: Mapping[str, str],
    corpus: tuple[object, ...],
) -> tuple[object, ...]:
    """All an article's pages read: the article, its mentions, what they show of what they link to (``shown``, by the
    keys its mentions name: :attr:`Links.shown <build_docs.link.mentions.Links.shown>`), its timeline entries."""
    used = link_view(links.shown[article.id], shown)
    estimate = site.extractions[article.id].date_estimate
    return (keys[article.id], links.digests[article.id], used, dated_view(article, dated, held), estimate, *corpus)


ArticlePages = tuple[list[RenderedPage], tuple[Part, ...]]  # an article's page or parts, and the parts


def _finished_article(finish: Callable[[list[RenderedPage]], list[RenderedPage]], site: Site, article: Article, *rest: Any) -> ArticlePages:
    """An article's pages with ``finish`` applied (abbreviations appended), and its parts."""
    pages, parts = _article_pages(site, article, *rest)
    return finish(pages), parts


def _article_pages(
    site: Site, article: Article, knowledge: Knowledge, links: Links, dated: Mapping[tuple[str, str], list[Event]], held: Mapping[str, str]
) -> ArticlePages:
    """The article's page, or its parts when it is too long for one (:mod:`.article_parts`), and the parts."""
    source_paths = [f"{site.seeds_name}/{s}" for s in article.sources]
    notes = {b.label: (str(n), b.anchor) for n, b in enumerate((b for b in article.paragraphs if b.kind == "note"), start=1)}
    texts = {b.anchor: linked_text(knowledge, b.text, links.by_block.get((article.id, b.anchor), ()), b.spans, notes) for b in article.paragraphs}
    texts = page_marked(article, texts)
    derived = derived_lines(article, knowledge, links, dated, held)
    unnumbered = {i: _unnumbered(b) for i, b in enumerate(article.blocks) if b.kind in ("pullquote", "code", "table")}
    parts = split(article, block_sizes(article, texts, derived, unnumbered))
    if len(parts) > 1:  # each part shows its own tooltips
        derived = derived_lines(article, knowledge, links, dated, held, fresh_anchors(parts))
    estimate = site.extractions[article.id].date_estimate
    meta = article_meta(article, SITE_NAME)
    context = dict(
        article=article,
        meta_rows=_meta_rows(article, estimate),
        citation=chicago(article, estimate=_shown(estimate)),
        cite=_cite_box(article, _shown(estimate)),
        source_links=Md(", ".join(f"`{escape_code(p)}`" for p in source_paths)),
        page_url=f"articles/{article.id}/",
        report_link=Md(f"../reports/{article.id}.md"),
        heading_marks={level: Md("#" * max(level, 2)) for level in range(0, 7)},
        texts=texts,
        derived=derived,
        notes={anchor: number for number, anchor in notes.values()},
        unnumbered=unnumbered,
        pages_file=PAGES_FILE,
    )
    sizes = search_bytes(article, texts, derived, unnumbered)
    opens = {i: max(b.level, 2) for i, b in enumerate(article.blocks) if b.kind == "heading"}
    opens |= {i: 2 for i, b in enumerate(article.blocks) if b.kind == "note" and notes.get(b.label, ("",))[0] == "1"}  # "## Notes"
    pages = []
    for p in parts:
        nav = parts_nav(article.id, parts, p)
        cited = part_meta(meta, article.id, p.number)
        headed = divisions(article, sizes, p.start, p.stop, opens)
        pages.append(page(part_path(article.id, p.number), "article.md.j2", context, sources=source_paths, meta=cited, part=p, nav=nav, divisions=headed))
    return pages, parts


def _unnumbered(block: Block) -> Md:
    """A pull quote, code or table: shown as the source has it, not numbered (not body text to cite)."""
    if block.kind == "code":  # an indented code block: shown exactly, nothing in it read as Markdown
        return Md("\n".join(f"    {line}".rstrip() for line in block.text.split("\n")))
    if block.kind == "table":
        rows = [[escape(cell) for cell in row] for row in block.rows]
        width = max(len(row) for row in rows)
        rows = [row + [Md("")] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width, *("| " + " | ".join(row) + " |" for row in rows[1:])]
        return Md("\n".join(lines))
    return Md(f'<span class="caption-label">Pull quote</span> {formatted(block.text, block.spans)}')


def _example_citation(site: Site) -> str:
    return chicago(site.articles[0], _edition(site.articles[0])) if site.articles else "Author. “Title.” Cleaned edition in " + SITE_NAME


def _edition(article: Article) -> Edition:
    return Edition(SITE_NAME, f"articles/{article.id}/")


def _shown(estimate: DateEstimate | None) -> str:
    """An estimated date as citations add it to ``n.d.``: ``c. 2014``; empty without one."""
    return estimate.display if estimate else ""


def _cite_box(article: Article, estimate: str = "") -> dict[str, object]:
    """The "Cite this article" box: both works in two styles, and the data formats as code blocks to copy."""
    edition = _edition(article)
    bib = bibtex(article, estimate=estimate) + "\n" + bibtex(article, edition, estimate)
    record = ris(article, estimate=estimate) + "\n" + ris(article, edition, estimate)
    items = dumps([csl(article, estimate=estimate), csl(article, edition, estimate)])
    return {
        "chicago": chicago(article, estimate=estimate),
        "apa": apa(article, estimate=estimate),
        "chicago_edition": chicago(article, edition, estimate),
        "apa_edition": apa(article, edition, estimate),
        "bibtex": _code(bib),
        "ris": _code(record),
        "csl": _code(items),
        "downloads": {fmt: Md(f"../data/cite/{article.id}.{fmt}") for fmt in ("bib", "ris", "csl.json")},
        "files": (bib, record, items),
    }


def _code(text: str) -> Md:
    """An indented code block inside the admonition: shown exactly, with a copy button; nothing in it is read as Markdown."""
    return Md("\n".join(("        " + line) if line else "" for line in text.rstrip("\n").split("\n")))


@dataclass(frozen=True)
class _Cited:
    """How an article is cited in the site's lists: its Chicago reference, and its entries (original, edition) in the data formats."""

    chicago: str
    entries: tuple[Entry, ...]


def _citations(site: Site, kept: Kept, keys: Mapping[str, str]) -> dict[str, _Cited]:
    """Each article's :class:`_Cited`, by id; read back, when kept, from a build that made it from the same article."""

    def make(article: Article, estimate: str) -> _Cited:
        return _Cited(chicago(article, estimate=estimate), entries(article, _edition(article), estimate))

    cited = {}
    for article in site.articles:
        estimate = _shown(site.extractions[article.id].date_estimate)
        made = partial(make, article, estimate)
        cited[article.id] = kept.one("cites", kept.key("cites", keys[article.id], estimate), made) if kept.on else made()
    return cited


def _bibliography(site: Site, cited: Mapping[str, _Cited]) -> list[RenderedPage]:
    bib, record, items = files(e for a in site.articles for e in cited[a.id].entries)
    pages = [
        RenderedPage("data/sources.bib", bib.encode("utf-8")),
        RenderedPage("data/sources.ris", record.encode("utf-8")),
        RenderedPage("data/sources.csl.json", items.encode("utf-8")),
    ]
    for article in site.articles:
        one_bib, one_ris, one_csl = files(cited[article.id].entries)
        pages += [
            RenderedPage(f"data/cite/{article.id}.bib", one_bib.encode("utf-8")),
            RenderedPage(f"data/cite/{article.id}.ris", one_ris.encode("utf-8")),
            RenderedPage(f"data/cite/{article.id}.csl.json", one_csl.encode("utf-8")),
        ]
    return pages


def _meta_rows(article: Article, estimate: DateEstimate | None = None) -> list[tuple[str, object, str]]:
    origin = article.origin
    rows: list[tuple[str, object, str]] = []
    if origin.get("title") == "file name":  # a title found in the text (or given) goes without saying
        rows.append(("Title", article.title, ORIGIN_NOTES["file name"]))
    if article.authors:
        rows.append(("Author" if len(article.authors) == 1 else "Authors", author_list(article.authors), ORIGIN_NOTES[origin["authors"]]))
    else:
        rows.append(("Authors", "not stated in the source", ""))
    if article.affiliation:
        rows.append(("Affiliation", article.affiliation, ORIGIN_NOTES[origin["affiliation"]]))
    rows.append(("Publication", article.publication or "not stated in the source", ORIGIN_NOTES[origin["publication"]] if article.publication else ""))
    shown_date = estimated_date(estimate) if estimate and not article.date else display_date(article.date)
    rows.append(("Date", shown_date, ORIGIN_NOTES[origin["date"]] if article.date else ""))
    if article.section:  # the label the source sets above its title; here below it, so MkDocs takes the title from the H1
        rows.append(("Section", article.section, ORIGIN_NOTES[origin.get("section", "text")]))
    if article.kind:
        rows.append(("Kind of source", KIND_NAMES[article.kind], ""))
    if article.url:
        rows.append(("Original", article.url, ""))
    return rows


def _counts(site: Site) -> dict[str, int]:
    return {
        "articles": len(site.articles),
        "sources": sum(len(a.sources) for a in site.articles),
        "paragraphs": site.paragraphs,
        "words": site.words,
    }


def _by_title(site: Site) -> list[Article]:
    return sorted(site.articles, key=lambda a: (a.title.casefold(), a.id))


def _home_list(site: Site) -> tuple[Article, ...]:
    """The articles the home page lists: all of them while the Articles index is one page, else none (it links there)."""
    return site.articles if len(site.articles) <= index_pages.ARTICLES_PER_PAGE else ()


def _authors(site: Site) -> dict[str, str]:
    return {a.id: author_list(a.authors) for a in site.articles}


def _byline(article: Article) -> Md:
    parts = [author_list(article.authors) or "Author not stated", article.publication or "publication not stated", display_date(article.date)]
    return Md(escape(" · ".join(parts)))


def _sources_context(site: Site, cited: Mapping[str, _Cited]) -> dict[str, object]:
    return {
        "citations": {a.id: cited[a.id].chicago for a in site.articles},
        "kinds": {a.id: KIND_NAMES.get(a.kind or "", "not stated") for a in site.articles},
        "files": {a.id: Md(", ".join(f"`{escape_code(site.seeds_name + '/' + s)}`" for s in a.sources)) for a in site.articles},
        "extractions": site.extractions,
    }


def _article_record(article: Article, estimate: DateEstimate | None = None, parts: Sequence[Part] | None = None) -> dict[str, object]:
    record: dict[str, object] = {
        "id": article.id,
        "title": article.title,
        "authors": list(article.authors),
        "date": article.date,
        "publication": article.publication,
        "url": f"articles/{article.id}/",
        "sources": list(article.sources),
        "subtitle": article.subtitle,
        "section": article.section,
        "affiliation": article.affiliation,
        "kind": article.kind,
        "ends_mid_sentence": article.ends_mid_sentence,
        "original_url": article.url,
        "tags": list(article.tags),
        "front_matter": dict(article.extra),
        "date_estimated": estimate.value if estimate else None,  # never a stated date: "date" stays null
        "date_evidence": [e.record() for e in estimate.evidence] if estimate else [],
    }
    if parts:  # a long article split into parts: where each part is and which paragraphs it holds
        record["parts"] = part_records(article.id, parts)
    return record


def escape_code(text: str) -> str:
    """File names go in code spans; a backtick in a name would end the span."""
    return text.replace("`", "'")


def _assets() -> list[RenderedPage]:
    folder = resources.files("build_docs") / "assets"
    return [RenderedPage(f"assets/{item.name}", item.read_bytes()) for item in sorted(folder.iterdir(), key=lambda i: i.name) if item.is_file()]
