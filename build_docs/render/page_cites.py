"""Page numbers in citations, for articles from a paginated source (PDF).

A paragraph of such an article knows the page it starts on (``Block.page``, the PDF's page
label or else the physical page number). The article page shows it beside the paragraph's
number; a quote's tooltip on the entity, glossary and timeline pages ends with it ("… (p. 7)");
the cite box and the bibliography files give the article's page range (:mod:`.cite`). Articles
without pages render exactly as before: every function here adds nothing for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from build_docs.clean.article import Article
from build_docs.render.markdown import Md, attr_value, escape

NO_PAGES: Mapping[tuple[str, str], str] = MappingProxyType({})


def paragraph_pages(articles: Iterable[Article]) -> Mapping[tuple[str, str], str]:
    """``(article id, anchor)`` → the page label of every paragraph that has one."""
    return MappingProxyType({(a.id, b.anchor): b.page for a in articles for b in a.paragraphs if b.page})


def page_marked(article: Article, texts: Mapping[str, Md]) -> dict[str, Md]:
    """Each paragraph's text, led by its page ("p. 7") when it has one."""
    marked = dict(texts)
    for block in article.paragraphs:
        if block.page and block.anchor in marked:
            mark = f'<span class="meta-origin" title="page of the original this paragraph starts on">p.\u00a0{escape(block.page)}</span>'
            marked[block.anchor] = Md(f"{mark} {marked[block.anchor]}")
    return marked


def tip(cited: object, pages: Mapping[tuple[str, str], str] = NO_PAGES) -> Md:
    """A quote's tooltip (an attribute value): the quoted sentence, and its page when it has one.

    ``cited`` is a :class:`~build_docs.link.model.Quote` (its page looked up in ``pages``) or a
    quote as a page shows it, which carries its ``page``."""
    page = getattr(cited, "page", "") or pages.get((getattr(cited, "article", ""), getattr(cited, "anchor", "")), "")
    quote = str(getattr(cited, "quote", ""))
    return attr_value(f"{quote} (p. {page})" if page else quote)


def page_range(article: Article, dash: str = "\u2013") -> str:
    """``7–9`` (``7`` for one page) with ``dash`` between; ``""`` when the article has no pages."""
    if not article.pages:
        return ""
    first, last = article.pages[0], article.pages[-1]
    return first if first == last else f"{first}{dash}{last}"
