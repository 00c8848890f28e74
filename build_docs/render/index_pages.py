"""The Articles and Sources indexes, split into pages when the corpus is large.

Up to :data:`ARTICLES_PER_PAGE` (:data:`SOURCES_PER_PAGE`) articles, an index is one page, as it
always was. Beyond, ``articles/index.md`` (``sources.md``) lists pages of that many articles each,
in title order, each named by its first and last title: ``articles/by-title/page-<n>.md``
(``sources/page-<n>.md``). An old address of a Sources entry (``sources/#<article id>``) leads
on to its page through ``data/sources-pages.json`` and a few lines of script, as the timeline's do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from build_docs.clean.article import Article
from build_docs.render.jsondata import dump_bytes
from build_docs.render.kept_pages import kept_pages
from build_docs.render.markdown import Md
from build_docs.render.templating import RenderedPage, page
from build_docs.results import NOTHING_KEPT, Kept

ARTICLES_PER_PAGE = 100  # an Articles index entry is about 0.9 KB of HTML
SOURCES_PER_PAGE = 60  # a Sources entry (citation, files, what the site took from it) about 2 KB
SOURCES_PAGES = "data/sources-pages.json"


@dataclass(frozen=True)
class IndexPage:
    """One page of a split index: its number, name and articles."""

    number: int
    name: str  # "page-2"
    articles: tuple[Article, ...]

    @property
    def label(self) -> str:
        first, last = self.articles[0].title, self.articles[-1].title
        return first if first == last else f"{first} … {last}"


def split(articles: Sequence[Article], per_page: int) -> list[IndexPage]:
    """Pages of ``per_page`` articles; none when one page holds them all."""
    if len(articles) <= per_page:
        return []
    return [IndexPage(n, f"page-{n}", tuple(articles[i : i + per_page])) for n, i in enumerate(range(0, len(articles), per_page), start=1)]


def articles_index(articles: Sequence[Article], bylines: Mapping[str, object]) -> list[RenderedPage]:
    parts = split(articles, ARTICLES_PER_PAGE)
    pages = [page("articles/index.md", "articles.md.j2", articles=[] if parts else articles, total=len(articles), parts=parts, bylines=bylines, prefix=Md(""))]
    pages += [
        page(
            f"articles/by-title/{part.name}.md",
            "articles.md.j2",
            articles=part.articles,
            total=len(articles),
            parts=[],
            part=part,
            count=len(parts),
            bylines=bylines,
            prefix=Md("../"),
            meta={"search": {"exclude": True}},  # titles and bylines: search finds them on the articles
        )
        for part in parts
    ]
    return pages


def sources_index(
    articles: Sequence[Article],
    context: Mapping[str, Any],
    derive: Callable[[str], Mapping[str, object]],
    kept: Kept = NOTHING_KEPT,
    keys: Mapping[str, str] | None = None,
) -> list[RenderedPage]:
    """``derive(prefix)``: per article, what the site took from it, its links relative to a page ``prefix`` below the top.

    With ``kept`` and ``keys`` (article id → a digest of the article, of which its citation, kind and counts
    in ``context`` are made), a page of a split index is read back when an earlier build rendered it from the
    same articles, files and derived lines."""
    parts = split(articles, SOURCES_PER_PAGE)
    if not parts:
        return [page("sources.md", "sources.md.j2", context, articles=articles, parts=[], derived=derive(""), prefix=Md(""), total=len(articles))]
    pages = [
        page("sources.md", "sources.md.j2", context, articles=[], parts=parts, derived={}, prefix=Md(""), total=len(articles), pages_file=SOURCES_PAGES),
        RenderedPage(SOURCES_PAGES, dump_bytes({a.id: f"{part.name}/" for part in parts for a in part.articles})),
    ]
    below = derive("../")
    for part in parts:
        shown = [(keys[a.id], below[a.id], context["files"][a.id]) for a in part.articles] if kept.on and keys else []  # files: under the seeds folder's name
        inputs = (part.name, len(parts), len(articles), shown) if shown else ()
        make = partial(
            page,
            f"sources/{part.name}.md",
            "sources.md.j2",
            context,
            articles=part.articles,
            parts=[],
            part=part,
            count=len(parts),
            derived=below,
            prefix=Md("../"),
            total=len(articles),
            meta={"search": {"exclude": True}},  # citations and counts: search finds the articles themselves
        )
        pages += kept_pages(kept if inputs else NOTHING_KEPT, "sources-part", inputs, lambda make=make: [make()])  # type: ignore[misc]
    return pages
