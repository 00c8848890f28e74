"""What the search index holds (issue 13, item 6): the pages and sections a reader searches for, and
not the lists that quote them.

Zensical 0.0.73 packs a search position into 32 bits, so the longer the list of search items, the
shorter a field may be (2^30 / the items, rounded up to a power of two; in bytes with this site's
search separator), and it refuses to build past that. So quotes of articles (an entity's mentions,
timeline entries, descriptions and related entities), cleaning reports and citation data stay out
of the index: search finds the same text on the articles. Checked on the committed ``docs/`` as
MkDocs builds it; the same markers are what Zensical reads (``benchmarks/zensical_check.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
QUOTING = ("mentioned-in", "timeline", "how-the-sources-describe-it", "related")


def search_items(site: Path) -> list[dict[str, str]]:
    items: list[dict[str, str]] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return items


def test_an_entity_page_is_found_by_its_name_and_infobox_not_by_its_quote_lists(seed_site: Path):
    items = search_items(seed_site)
    entity = "entities/vladimir-putin/"
    sections = [i["location"] for i in items if i["location"].split("#")[0] == entity]
    assert sections == [entity]  # one item: the name, its kind, description and other names
    text = next(i["text"] for i in items if i["location"] == entity)
    assert "Путин" in text  # an alias in another script still finds the page
    page = (DOCS / "entities" / "vladimir-putin.md").read_text(encoding="utf-8")
    headings = [line for line in page.splitlines() if line.startswith("## ") or line.startswith("### ")]
    assert headings and all(line.endswith(" { data-search-exclude }") for line in headings)
    assert {re.sub(r"\W+", "-", h.split(" {")[0].lstrip("# ").lower()) for h in headings if h.startswith("## ")} <= set(QUOTING)
    assert not [i["location"] for i in items if "#" in i["location"] and i["location"].split("#")[1] in QUOTING]


def test_cleaning_reports_are_not_indexed_but_their_index_is(seed_site: Path):
    pages = {i["location"].split("#")[0] for i in search_items(seed_site)}
    articles = [p.stem for p in (DOCS / "articles").glob("*.md") if p.stem != "index"]
    assert articles and all(f"articles/{a}/" in pages for a in articles)
    assert not [a for a in articles if f"reports/{a}/" in pages]
    assert "reports/" in pages  # the summary, and the candidates for editors, stay
    for article in articles:
        assert "search:\n  exclude: true" in (DOCS / "reports" / f"{article}.md").read_text(encoding="utf-8")


def test_an_article_is_indexed_without_its_citation_data(seed_site: Path):
    article = next(i for i in search_items(seed_site) if i["location"] == "articles/an-evolving-partnership/")
    assert "China and Russia have become increasingly close" in article["text"]  # the deck and the text
    assert "Source" in article["text"]  # the citation the page opens with stays
    assert "@article{" not in article["text"] and "TY  - " not in article["text"] and "BibTeX" not in article["text"]
    html = (seed_site / "articles" / "an-evolving-partnership" / "index.html").read_text(encoding="utf-8")
    assert "@article{" in html and 'id="cite-this-article"' in html  # still on the page
