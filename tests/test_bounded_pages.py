"""Bounded pages (issue 13): no page grows with the corpus, and every old address still leads on.

A synthetic corpus names one organization in every article, with a date in each, so the
entity page, the timeline and the indexes all have more than one page holds. The caps are
lowered for the test (the same code splits at the real caps on a real corpus): the bound is
structural -- at most K entries per page whatever N -- never a size or a time.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_docs.pipeline import BuildConfig, build
from build_docs.render import index_pages, mention_pages, timeline_pages
from tests.conftest import mkdocs_build, mkdocs_config

ARTICLES = 60
ENTITY = "arctic-shipping-council"


def article(n: int) -> str:
    year = 1990 + n % 12
    return (
        f"Convoy Report Number {n:03d}\n\nBy Test Author\n\n"
        f"On 3 March {year}, the Arctic Shipping Council (ASC) met in Tromsø and agreed convoy schedule {n} for the northern route.\n\n"
        f"Members of the Arctic Shipping Council said schedule {n} would hold through the winter months of {year + 1}.\n"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("bounded")
    seeds = tmp / "seeds"
    seeds.mkdir()
    for n in range(ARTICLES):
        (seeds / f"convoy-{n:03d}.txt").write_text(article(n), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timeline_pages, "ENTRIES_PER_PAGE", 7)
        patch.setattr(mention_pages, "ARTICLES_PER_PAGE", 8)
        patch.setattr(mention_pages, "SHOWN_QUOTES", 5)
        patch.setattr(mention_pages, "SHOWN_EVENTS", 4)
        patch.setattr(index_pages, "ARTICLES_PER_PAGE", 25)
        patch.setattr(index_pages, "SOURCES_PER_PAGE", 25)
        build(BuildConfig(seeds=seeds, docs=tmp / "docs"))
    done = mkdocs_build(mkdocs_config(tmp, tmp / "docs"))
    assert done.returncode == 0, done.stderr
    return tmp


class Page(HTMLParser):
    """The ids and links of a built page."""

    def __init__(self, path: Path):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


def quotes(markdown: str) -> list[str]:
    return re.findall(r"^- “", markdown, flags=re.M)


def test_an_entity_named_everywhere_shows_a_capped_selection_and_links_to_every_mention(built: Path):
    docs = built / "docs"
    entity = (docs / "entities" / f"{ENTITY}.md").read_text(encoding="utf-8")
    mentioned = entity.split("## Mentioned in", 1)[1].split("\n## ", 1)[0]
    assert len(quotes(mentioned)) == 5  # the cap, although 60 articles name it
    assert "### " not in mentioned  # no per-article list on the page itself
    shown_years = set(re.findall(r"\b(199\d|200[01])\b", mentioned))
    assert len(shown_years) >= 4  # spread over the years, not the first articles only
    records = {e["id"]: e for e in json.loads((docs / "data" / "entities.json").read_text(encoding="utf-8"))}
    named = {m["article"] for m in records[ENTITY]["mentions"]}
    assert len(named) > 40  # (near-identical articles may be merged as witnesses of one another)
    subpages = sorted((docs / "entities" / ENTITY).glob("mentions-*.md"))
    assert len(subpages) == -(-len(named) // 8)
    listed: list[str] = []
    for sub in subpages:
        assert f"({ENTITY}/{sub.stem}.md)" in entity
        text = sub.read_text(encoding="utf-8")
        assert "search:\n  exclude: true" in text
        articles = re.findall(r"^## \[[^\]]*\]\(\.\./\.\./articles/([a-z0-9-]+)\.md\)", text, flags=re.M)
        assert 0 < len(articles) <= 8
        listed += articles
    assert sorted(listed) == sorted(named)  # every article that names it, once
    timeline = entity.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^- \[\*\*", timeline, flags=re.M)) == 4


def test_every_timeline_page_is_bounded_and_every_entry_is_on_exactly_one(built: Path):
    docs = built / "docs"
    events = json.loads((docs / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert len(events) > 3 * 7
    seen: list[str] = []
    for period in sorted((docs / "timeline").glob("*.md")):
        ids = re.findall(r"^\{: #(e-[a-z0-9-]+) \}$", period.read_text(encoding="utf-8"), flags=re.M)
        assert 0 < len(ids) <= 7, period.name
        seen += ids
    assert sorted(seen) == sorted(e["id"] for e in events)
    overview = (docs / "timeline.md").read_text(encoding="utf-8")
    assert not re.search(r"\{: #e-", overview)  # the overview holds counts and links, no entries


def test_old_timeline_anchors_lead_to_their_entry(built: Path):
    """``timeline/#e-…`` (the one-page timeline's addresses): the overview links to every page, and
    the map its script reads sends each id to the page whose HTML holds it."""
    site = built / "site"
    events = json.loads((built / "docs" / "data" / "timeline.json").read_text(encoding="utf-8"))
    overview = Page(site / "timeline" / "index.html")
    reached: set[str] = set()
    for href in {h.split("#")[0] for h in overview.hrefs if re.fullmatch(r"[0-9a-z-]+/(#y\d+)?", h)}:
        reached |= Page(site / "timeline" / href / "index.html").ids
    assert {e["id"] for e in events} <= reached
    pages = json.loads((site / "data" / "timeline-pages.json").read_text(encoding="utf-8"))
    assert set(pages) == {e["id"] for e in events}
    for event_id, target in pages.items():
        assert event_id in Page(site / "timeline" / target / "index.html").ids
    assert "timeline-pages.json" in (site / "timeline" / "index.html").read_text(encoding="utf-8")


def test_indexes_split_into_bounded_pages_linked_from_the_index(built: Path):
    docs = built / "docs"
    index = (docs / "articles" / "index.md").read_text(encoding="utf-8")
    parts = sorted((docs / "articles" / "by-title").glob("page-*.md"))
    assert len(parts) >= 2 and all(f"(by-title/{p.name})" in index for p in parts)
    total = len(json.loads((docs / "data" / "articles.json").read_text(encoding="utf-8")))
    assert sum(len(re.findall(r"^## \[", p.read_text(encoding="utf-8"), flags=re.M)) for p in parts) == total
    sources = (docs / "sources.md").read_text(encoding="utf-8")
    where = json.loads((docs / "data" / "sources-pages.json").read_text(encoding="utf-8"))
    assert len(where) > 40
    for article_id, target in where.items():
        assert f"(sources/{target.rstrip('/')}.md)" in sources
        assert f"{{ #{article_id} }}" in (docs / "sources" / f"{target.rstrip('/')}.md").read_text(encoding="utf-8")


def test_each_page_carries_only_the_abbreviations_it_uses(built: Path):
    docs = built / "docs"
    assert "*[ASC]: Arctic Shipping Council" in (docs / "articles" / "convoy-report-number-000.md").read_text(encoding="utf-8")
    assert "*[ASC]" not in (docs / "cite.md").read_text(encoding="utf-8")
    article = (built / "site" / "articles" / "convoy-report-number-000" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Arctic Shipping Council">ASC</abbr>' in article
