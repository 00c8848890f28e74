"""Bounded pages (issue 13): no page grows with the corpus, and every old address still leads on.

A synthetic corpus names one organization in every article, with a date in each, so the
entity page, the timeline and the indexes all have more than one page holds; a person with a
role in every article, seven bodies with acronyms (the glossary, the entities index) and five
acronyms never defined (the candidates report) fill the other lists. The caps are
lowered for the test (the same code splits at the real caps on a real corpus): the bound is
structural -- at most K entries per page whatever N -- never a size or a time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from build_docs.jobs import Jobs
from build_docs.pipeline import BuildConfig, build
from build_docs.render import glossary_pages, index_pages, mention_pages, registry_pages, report_pages, timeline_pages
from tests.conftest import mkdocs_build, mkdocs_config, tree

ARTICLES = 60
ENTITY = "arctic-shipping-council"
BODIES = ("Baltic Convoy Office", "Barents Pilot Service", "Kola Harbour Trust")
UNDEFINED = ("QXR", "QZT", "XKJ")


def article(n: int) -> str:
    year = 1990 + n % 12
    return (
        f"Convoy Report Number {n:03d}\n\nBy Test Author\n\n"
        f"On 3 March {year}, the Arctic Shipping Council (ASC) met in Tromsø and agreed convoy schedule {n} for the northern route.\n\n"
        f"Members of the Arctic Shipping Council said schedule {n} would hold through the winter months of {year + 1}.\n"
    )


def escort(n: int) -> str:
    """An article of the second corpus: a body with an acronym, an acronym never defined, a person with a role."""
    body = BODIES[n % len(BODIES)]
    acronym = "".join(word[0] for word in body.split())
    return (
        article(n)
        + f"\nThe {body} ({acronym}) will escort convoy {n}, and the {acronym} reported to the {UNDEFINED[n % len(UNDEFINED)]} office.\n\n"
        + f"Council Chairman Olaf Hansen said convoy {n} was ready.\n"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("bounded"), article)


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus whose glossary, entities, candidates and descriptions fill more than a page (near-identical
    articles merge as witnesses, so it has fewer articles than files: these tests do not count them)."""
    return build_site(tmp_path_factory.mktemp("lists"), escort)


def write_seeds(tmp: Path, text: Callable[[int], str]) -> Path:
    """``tmp/seeds`` with :data:`ARTICLES` files, the n-th holding ``text(n)``."""
    seeds = tmp / "seeds"
    seeds.mkdir()
    for n in range(ARTICLES):
        (seeds / f"convoy-{n:03d}.txt").write_text(text(n), encoding="utf-8")
    return seeds


def build_site(tmp: Path, text: Callable[[int], str]) -> Path:
    seeds = write_seeds(tmp, text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timeline_pages, "ENTRIES_PER_PAGE", 7)
        patch.setattr(mention_pages, "ARTICLES_PER_PAGE", 8)
        patch.setattr(mention_pages, "SHOWN_QUOTES", 5)
        patch.setattr(mention_pages, "SHOWN_EVENTS", 4)
        patch.setattr(index_pages, "ARTICLES_PER_PAGE", 25)
        patch.setattr(index_pages, "SOURCES_PER_PAGE", 25)
        patch.setattr(report_pages, "REPORTS_PER_PAGE", 25)
        patch.setattr(glossary_pages, "TERMS_PER_PAGE", 1)
        patch.setattr(registry_pages, "ENTITIES_PER_PAGE", 1)
        patch.setattr(registry_pages, "CANDIDATES_SHOWN", 2)
        patch.setattr(registry_pages, "CANDIDATES_PER_PAGE", 2)
        patch.setattr(mention_pages, "ROLE_CITES", 3)
        build(BuildConfig(seeds=seeds, docs=tmp / "docs"))
    done = mkdocs_build(mkdocs_config(tmp, tmp / "docs"))  # --strict: every link and anchor resolves
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


def test_the_home_page_and_the_reports_index_link_on_instead_of_listing_every_article(built: Path):
    docs = built / "docs"
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "(articles/convoy-report-number-000.md)" not in home and "(articles/index.md)" in home
    index = (docs / "reports" / "index.md").read_text(encoding="utf-8")
    parts = sorted((docs / "reports" / "by-title").glob("page-*.md"))
    assert len(parts) == -(-ARTICLES // 25) and all(f"(by-title/{p.name})" in index for p in parts)
    assert "convoy-report-number-000.md)" not in index and "## Lines taken out, by reason" in index
    rows = [re.findall(r"^\| \[[^\]]*\]\(\.\./([a-z0-9-]+)\.md\)", p.read_text(encoding="utf-8"), flags=re.M) for p in parts]
    assert all(0 < len(r) <= 25 for r in rows)
    assert sorted(sum(rows, [])) == sorted(a["id"] for a in json.loads((docs / "data" / "articles.json").read_text(encoding="utf-8")))


def test_the_glossary_splits_by_letter_and_every_term_address_resolves(lists: Path):
    docs, site = lists / "docs", lists / "site"
    terms = json.loads((docs / "data" / "glossary.json").read_text(encoding="utf-8"))
    assert len(terms) == 1 + len(BODIES)
    index = (docs / "glossary.md").read_text(encoding="utf-8")
    assert not re.search(r"^### ", index, flags=re.M)  # no entries on the index
    where = json.loads((docs / "data" / "glossary-pages.json").read_text(encoding="utf-8"))
    assert set(where) == {t["id"] for t in terms}
    assert {"b/", "b-2/"} <= set(where.values())  # a letter with more terms than a page holds is in parts
    for term in terms:
        page = where[term["id"]]
        assert term["url"] == f"glossary/{page}#{term['id']}"
        assert f"(glossary/{page.rstrip('/')}.md)" in index
        held = Page(site / "glossary" / page / "index.html")
        assert term["id"] in held.ids
    for part in (docs / "glossary").glob("*.md"):
        assert len(re.findall(r"^### ", part.read_text(encoding="utf-8"), flags=re.M)) == 1
    assert "glossary-pages.json" in (site / "glossary" / "index.html").read_text(encoding="utf-8")
    article = (docs / "articles" / "convoy-report-number-000.md").read_text(encoding="utf-8")
    assert "(../glossary/a.md#asc)" in article or "(../entities/arctic-shipping-council.md)" in article


def test_the_entities_index_splits_by_kind_and_letter(lists: Path):
    docs = lists / "docs"
    entities = json.loads((docs / "data" / "entities.json").read_text(encoding="utf-8"))
    index = (docs / "entities" / "index.md").read_text(encoding="utf-8")
    assert "{ #organization }" in index and "{ #person }" in index  # the kinds keep their anchors
    shelves = sorted((docs / "entities" / "by-name").glob("*.md"))
    assert {"organization-b", "organization-b-2", "person-o"} <= {s.stem for s in shelves}
    listed: list[str] = []
    for shelf in shelves:
        assert f"(by-name/{shelf.name})" in index
        found = re.findall(r"^- \[[^\]]*\]\(\.\./([a-z0-9-]+)\.md\)", shelf.read_text(encoding="utf-8"), flags=re.M)
        assert len(found) == 1  # the cap
        listed += found
    assert sorted(listed) == sorted(e["id"] for e in entities)
    assert not re.search(r"^- \[", index, flags=re.M)


def test_the_candidates_report_is_capped_per_kind_and_links_to_every_candidate(lists: Path):
    docs = lists / "docs"
    report = (docs / "reports" / "candidates.md").read_text(encoding="utf-8")
    acronyms = report.split("## Acronyms used but not defined", 1)[1]
    assert len(re.findall(r"^\| [A-Z]{3} \|", acronyms, flags=re.M)) == 2  # the cap, of 3
    pages = sorted((docs / "reports" / "candidates").glob("acronym-*.md"))
    assert len(pages) == 2 and all(f"(candidates/{p.name})" in report for p in pages)
    names = [n for p in pages for n in re.findall(r"^\| ([A-Z]{3}) \|", p.read_text(encoding="utf-8"), flags=re.M)]
    assert sorted(names) == sorted(UNDEFINED)


def test_an_entity_shows_capped_descriptions_and_its_mention_pages_hold_every_one(lists: Path):
    docs = lists / "docs"
    person = (docs / "entities" / "olaf-hansen.md").read_text(encoding="utf-8")
    roles = person.split("## How the sources describe it", 1)[1].split("\n## ", 1)[0]
    line = next(line for line in roles.splitlines() if line.startswith("- “Chairman”"))
    shown = len(re.findall(r"\]\(\.\./articles/", line))
    more = int(re.search(r"; and (\d+) more$", line).group(1))
    assert shown == 3
    assert "\n\nEvery description, article by article, is on the pages of mentions: [page 1](olaf-hansen/mentions-1.md)" in roles
    cited = []
    for sub in sorted((docs / "entities" / "olaf-hansen").glob("mentions-*.md")):
        text = sub.read_text(encoding="utf-8").split("## How these articles describe it", 1)
        if len(text) == 2:
            cited += re.findall(r"\]\(\.\./\.\./articles/([a-z0-9-]+)\.md#p\d+\)", text[1])
    assert len(cited) == len(set(cited)) == shown + more


def test_mention_pages_hold_fewer_articles_when_their_sentences_are_long():
    """A page of mentions is bounded by its characters too: long sentences make fewer articles a page."""
    cited = SimpleNamespace(quote="word " * 400)  # a 2,000-character sentence
    items = [{"quotes": [cited] * 5, "more": [cited] * 10} for _ in range(30)]
    pages = mention_pages.mention_pages(items)
    assert sum(len(p.items) for p in pages) == 30
    assert all(sum(mention_pages.weight(i) for i in p.items) <= mention_pages.WEIGHT_PER_PAGE for p in pages if len(p.items) > 1)
    assert max(len(p.items) for p in pages) < mention_pages.ARTICLES_PER_PAGE
    assert mention_pages.mention_pages([{"quotes": [SimpleNamespace(quote="short")], "more": []}] * 5) == []


def test_a_rebuild_after_an_edit_writes_the_split_pages_a_cold_build_writes(tmp_path: Path):
    """Pages of the split indexes (sources, entities) are kept between builds: after an edit that renames
    an article and names a new organisation, the kept build's docs/ is the cold build's, byte for byte."""
    seeds = write_seeds(tmp_path, escort)
    results = tmp_path / "results"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_pages, "SOURCES_PER_PAGE", 25)
        patch.setattr(registry_pages, "ENTITIES_PER_PAGE", 1)
        build(BuildConfig(seeds=seeds, docs=tmp_path / "kept", results=results))
        edited = seeds / "convoy-007.txt"
        text = edited.read_text(encoding="utf-8").replace("Convoy Report Number 007", "Amended Convoy Report")
        edited.write_text(text + "\nThe Narvik Ice Bureau (NIB) and the Narvik Ice Bureau sent a pilot.\n", encoding="utf-8")
        again = build(BuildConfig(seeds=seeds, docs=tmp_path / "kept", results=results))
        build(BuildConfig(seeds=seeds, docs=tmp_path / "cold"))
    assert {p.path for p in again.plan.writes} >= {"entities/index.md", "sources/page-1.md"}
    assert tree(tmp_path / "kept") == tree(tmp_path / "cold")


def test_a_renamed_seeds_folder_reaches_every_kept_page_that_names_its_files(tmp_path: Path):
    """The Sources pages name each article's files under the seeds folder's name: renamed, the folder keeps
    its results (they are kept beside it), and every page naming a file is written again as a cold build writes it."""
    seeds = write_seeds(tmp_path, article)
    results = tmp_path / "results"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_pages, "SOURCES_PER_PAGE", 25)
        build(BuildConfig(seeds=seeds, docs=tmp_path / "kept", results=results))
        renamed = seeds.rename(tmp_path / "texts")
        build(BuildConfig(seeds=renamed, docs=tmp_path / "kept", results=results))
        build(BuildConfig(seeds=renamed, docs=tmp_path / "cold"))
    assert "`texts/convoy-000.txt`" in (tmp_path / "kept" / "sources" / "page-1.md").read_text(encoding="utf-8")
    assert tree(tmp_path / "kept") == tree(tmp_path / "cold")


def test_pages_rendered_in_parallel_are_kept_with_the_pages_their_workers_kept(tmp_path: Path):
    """Entities', articles' and reports' pages render on forked workers; an entity's pages of mentions are kept by
    the worker that made them, which tells the build, so that its sweep leaves them: a parallel build keeps the
    pages a serial one keeps, and writes the same site. A build that reads an entity's pages back holds its pages
    of mentions too, so that an edit to one article later renders again the pages of mentions that list it, not all."""
    kept: dict[int, int] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mention_pages, "ARTICLES_PER_PAGE", 8)
        for workers in (1, 2):
            (tmp_path / str(workers)).mkdir()
            seeds = write_seeds(tmp_path / str(workers), article)
            results = tmp_path / str(workers) / "results"
            build(BuildConfig(seeds=seeds, docs=tmp_path / str(workers) / "docs", jobs=Jobs(workers=workers), results=results))
            kept[workers] = len(list((results / "pages").iterdir()))  # named by keys that name the folders too
        assert len(list((tmp_path / "2" / "docs" / "entities" / ENTITY).glob("mentions-*.md"))) >= 2
        assert kept[2] == kept[1]
        assert tree(tmp_path / "2" / "docs") == tree(tmp_path / "1" / "docs")
        results = tmp_path / "2" / "results"
        made = {p.name: p.stat().st_mtime_ns for p in (results / "pages").iterdir()}
        build(BuildConfig(seeds=tmp_path / "2" / "seeds", docs=tmp_path / "2" / "docs", jobs=Jobs(workers=2), results=results))
    assert {p.name: p.stat().st_mtime_ns for p in (results / "pages").iterdir()} == made  # none swept, none made again
