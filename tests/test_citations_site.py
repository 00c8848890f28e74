"""Citations and provenance on the built site: head tags, JSON-LD, bibliography files, reverse provenance."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.customization import splitname

from build_docs.extract.extractors import HEADER_ANCHORS
from tests.conftest import REPO, mkdocs_build, mkdocs_config
from tests.test_entities_site import paragraph_text

DOCS = REPO / "docs"


def articles() -> list[dict]:
    return json.loads((DOCS / "data" / "articles.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("citations_site")
    done = mkdocs_build(mkdocs_config(tmp, DOCS))
    assert done.returncode == 0, done.stderr
    return tmp / "site"


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("name") or "").startswith("citation_"):
            self.meta.append((attrs["name"], attrs.get("content") or ""))
        self._in_jsonld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in_jsonld:
            self.jsonld.append(data)
            self._in_jsonld = False


def head(page: Path) -> Head:
    parser = Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_article_page_carries_highwire_tags_naming_title_authors_and_date(site: Path):
    for record in articles():
        tags = head(site / record["url"] / "index.html")
        meta = tags.meta
        title = record["title"] + (f": {record['subtitle']}" if record["subtitle"] else "")
        assert ("citation_title", title) in meta
        assert [v for k, v in meta if k == "citation_author"] == record["authors"]
        dates = [v for k, v in meta if k == "citation_publication_date"]
        assert dates == ([record["date"].replace("-", "/")] if record["date"] else [])
        journal = [v for k, v in meta if k == "citation_journal_title"]
        assert journal == ([record["publication"]] if record["publication"] else [])
        assert [k for k, _ in meta].count("citation_public_url") == 1
        [ld] = [json.loads(text) for text in tags.jsonld]
        assert ld["@type"] == "Article" and ld["headline"] == title
        assert ld["isBasedOn"]["headline"] == title
        assert [a["name"] for a in ld.get("author", [])] == record["authors"]
        if record["date"]:
            assert ld["isBasedOn"]["datePublished"] == record["date"]


def test_pages_that_are_not_articles_carry_no_citation_tags(site: Path):
    assert head(site / "index.html").meta == [] and head(site / "glossary" / "index.html").meta == []


def test_bibliography_files_parse_with_both_works_per_source():
    count = len(articles())
    bib = bibtexparser.loads((DOCS / "data" / "sources.bib").read_text(encoding="utf-8"))
    assert len(bib.entries) == 2 * count
    ids = {e["ID"] for e in bib.entries}
    assert {r["id"] for r in articles()} | {r["id"] + "-edition" for r in articles()} == ids
    by_id = {e["ID"]: e for e in bib.entries}
    for record in articles():
        entry = by_id[record["id"]]
        assert record["title"] in entry["title"]
        # The seeds' authors are Chinese names written family name first ("Li Ziguo"): BibTeX must part each so.
        parted = [splitname(n) for n in entry["author"].split(" and ")]
        assert [(" ".join(p["last"]), " ".join(p["first"])) for p in parted] == [tuple(a.split(" ", 1)) for a in record["authors"]]
        if record["date"]:
            assert entry["year"] == record["date"][:4]
        edition = by_id[record["id"] + "-edition"]
        assert edition["url"] == record["url"] and record["title"] in edition["note"]
    ris = rispy.loads((DOCS / "data" / "sources.ris").read_text(encoding="utf-8"))
    assert len(ris) == 2 * count and all(r.get("title") or r.get("primary_title") for r in ris)
    csl = json.loads((DOCS / "data" / "sources.csl.json").read_text(encoding="utf-8"))
    assert len(csl) == 2 * count and {c["id"] for c in csl} == ids
    authored = [r for r in articles() if r["authors"]]
    assert authored, "the seeds name authors"
    by_csl = {c["id"]: c for c in csl}
    by_ris = {r["id"]: r for r in ris}
    for record in authored:
        expected = [tuple(a.split(" ", 1)) for a in record["authors"]]
        assert [(a["family"], a["given"]) for a in by_csl[record["id"]]["author"]] == expected
        assert all(a["static-ordering"] for a in by_csl[record["id"]]["author"]), "CSL processors keep the family name first"
        assert by_ris[record["id"]]["authors"] == [f"{family}, {given}" for family, given in expected]
    for record in articles():
        one = bibtexparser.loads((DOCS / "data" / "cite" / f"{record['id']}.bib").read_text(encoding="utf-8"))
        assert sorted(e["ID"] for e in one.entries) == [record["id"], record["id"] + "-edition"]
        assert len(rispy.loads((DOCS / "data" / "cite" / f"{record['id']}.ris").read_text(encoding="utf-8"))) == 2
        assert len(json.loads((DOCS / "data" / "cite" / f"{record['id']}.csl.json").read_text(encoding="utf-8"))) == 2


def test_cite_box_and_sources_page(site: Path):
    for record in articles():
        page = (site / record["url"] / "index.html").read_text(encoding="utf-8")
        assert 'id="cite-this-article"' in page and "<summary>Cite this article</summary>" in page
        assert "Chicago:" in page and "APA:" in page and "Cleaned edition" in page
        assert html.escape(f"@misc{{{record['id']}-edition,", quote=False) in page
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    for link in ("data/sources.bib", "data/sources.ris", "data/sources.csl.json"):
        assert link in sources
    assert sources.count("Derived:") == len(articles())


def test_every_paragraph_shows_what_was_derived_from_it(site: Path):
    """Reverse provenance: each mention's paragraph lists the entity; each timeline entry's paragraph lists it."""
    entities = json.loads((DOCS / "data" / "entities.json").read_text(encoding="utf-8"))
    events = json.loads((DOCS / "data" / "timeline.json").read_text(encoding="utf-8"))
    held = json.loads((DOCS / "data" / "timeline-pages.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}

    def derived(article: str, anchor: str) -> str:
        if article not in pages:
            pages[article] = (site / "articles" / article / "index.html").read_text(encoding="utf-8")
        match = re.search(rf'id="{anchor}".*?</(?:p|li)>\s*(?:</ul>\s*)?<p class="derived">(.*?)</p>', pages[article], flags=re.S)
        assert match, (article, anchor)
        return match.group(1)

    checked = 0
    for entity in entities:
        for mention in entity["mentions"]:
            if mention["anchor"] in HEADER_ANCHORS:  # the header's deck, byline or affiliation: no "From this paragraph" line
                continue
            assert f'href="../../entities/{entity["id"]}/"' in derived(mention["article"], mention["anchor"])
            checked += 1
    for event in events:
        for source in event["sources"]:
            # The link goes to the timeline page that holds the entry (issue 13: the timeline is split).
            assert f'href="../../timeline/{held[event["id"]]}#{event["id"]}"' in derived(source["article"], source["anchor"])
            checked += 1
    assert checked > 300


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag == "a":
            self.links.append({k: v or "" for k, v in attrs})


def test_every_citation_link_reaches_its_paragraph_and_shows_the_quote_on_hover(site: Path):
    """Timeline entries, glossary sources and entity mentions: one click to the paragraph, the sentence as the tooltip."""
    paragraphs: dict[tuple[str, str], str] = {}
    for record in articles():
        page = (DOCS / "articles" / f"{record['id']}.md").read_text(encoding="utf-8")
        for anchor in re.findall(r"^\{: #(p\d+)", page, flags=re.M):
            paragraphs[(record["id"], anchor)] = " ".join(paragraph_text(DOCS, record["id"], anchor).split())
    # The timeline's entries are on its decade/year pages (issue 13), below timeline/.
    pages = [*(site / "timeline").glob("*/index.html"), site / "glossary" / "index.html", *(site / "entities").glob("*/index.html")]
    checked = 0
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            match = re.search(r"articles/([a-z0-9-]+)/#(p\d+)$", link.get("href", ""))
            if not match or "derived" in link.get("class", ""):
                continue
            title = link.get("title", "")
            if page.parent.name == "glossary" and not title:
                continue  # "Used N times in: <article>": where a term is used, not a citation
            assert title, (page, link)
            assert title in paragraphs[match.groups()], (page, link)
            checked += 1
    assert checked > 300
