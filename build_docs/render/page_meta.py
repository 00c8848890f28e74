"""Machine-readable citation data for an article page: Highwire ``citation_*`` fields and schema.org JSON-LD.

The build writes them into the page's front matter; the theme override
(``overrides/main.html``) turns them into ``<meta>`` tags and a JSON-LD script in
``<head>``, escaped there. The tags describe the original article (what Zotero and
Google Scholar should file); the JSON-LD describes this page, an edition that
``isBasedOn`` the original. Nothing is added that the sources or catalog do not say.
"""

from __future__ import annotations

from build_docs.clean.article import Article


def highwire_date(iso: str | None) -> str:
    """Google Scholar's form: ``2014/11/21``, ``2014/11`` or ``2014``."""
    return (iso or "").replace("-", "/")


def article_meta(article: Article, site_name: str) -> dict[str, object]:
    title = article.title + (f": {article.subtitle}" if article.subtitle else "")
    citation: dict[str, object] = {"title": title, "authors": list(article.authors)}
    if article.date:
        citation["date"] = highwire_date(article.date)
    if article.publication:
        citation["journal_title"] = article.publication
    else:
        citation["publisher"] = site_name
    if article.url:
        citation["original_url"] = article.url
    if article.pages:  # a paginated source: the original's page range
        citation["firstpage"], citation["lastpage"] = article.pages[0], article.pages[-1]
    original: dict[str, object] = {"@type": "Article", "headline": title, "name": title}
    if article.authors:
        original["author"] = [{"@type": "Person", "name": a} for a in article.authors]
    if article.date:
        original["datePublished"] = article.date
    if article.publication:
        original["isPartOf"] = {"@type": "Periodical", "name": article.publication}
    if article.url:
        original["url"] = article.url
    if article.pages:
        original["pageStart"], original["pageEnd"] = article.pages[0], article.pages[-1]
    edition: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "name": title,
        "isBasedOn": original,
        "publisher": {"@type": "Organization", "name": site_name},
        "version": "cleaned edition",
    }
    if article.authors:
        edition["author"] = [{"@type": "Person", "name": a} for a in article.authors]  # a copy: YAML would write an alias
    return {"citation": citation, "jsonld": edition}
