"""Entities, glossary and cross-links on the real site: the seeds as built, and a new corpus with no registry."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_docs.clean.article import author_list
from build_docs.extract.extractors import AFFILIATION, BYLINE, DECK, HEADER_ANCHORS
from build_docs.pipeline import BuildConfig, build
from tests.conftest import REPO, mkdocs_build, mkdocs_config

DOCS = REPO / "docs"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def data(name: str) -> list[dict]:
    return json.loads((DOCS / "data" / name).read_text(encoding="utf-8"))


def paragraph_text(docs: Path, article: str, anchor: str) -> str:
    """A paragraph's text as a reader reads it: link markup and Markdown escapes removed."""
    page = (docs / "articles" / f"{article}.md").read_text(encoding="utf-8").split("\n")
    marker = page.index(next(line for line in page if re.match(rf"^\{{: #{anchor}\b", line)))
    line = page[marker - 1]
    line = re.sub(r"^(?:- )?\[\d+\]\(#p\d+\)\{[^}]*\} (?:<span class=\"caption-label\">[^<]*</span> )?", "", line)
    line = re.sub(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)\{ \.xref[^}]*\}", r"\1", line)
    return html.unescape(re.sub(r"\\(.)", r"\1", line))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("entities_site")
    done = mkdocs_build(mkdocs_config(tmp, DOCS))
    assert done.returncode == 0, done.stderr
    return tmp / "site"


def test_glossary_holds_the_seed_terms_with_their_expansions():
    terms = {t["term"]: t for t in data("glossary.json")}
    assert {"SCO", "APEC", "BRICS", "CPC", "LNG", "RMB"} <= set(terms)
    assert set(terms["SCO"]) >= {"term", "definition", "expansion", "sources", "occurrences"}
    assert terms["SCO"]["expansion"] == "Shanghai Cooperation Organization" and not terms["SCO"]["editorial"]
    assert any("Shanghai Cooperation Organization (SCO)" in s["quote"] for s in terms["SCO"]["sources"])
    assert terms["LNG"]["expansion"] == "liquefied natural gas" and terms["LNG"]["occurrences"]


def test_every_quote_is_in_the_paragraph_it_cites():
    """Each source and mention names an article of articles.json, an anchor on its page, and a sentence of that paragraph
    (or of a line of the article's header: its deck, byline or affiliation)."""
    ids = {a["id"] for a in data("articles.json")}
    cited = [s for t in data("glossary.json") for s in t["sources"] + t["occurrences"]]
    cited += [m for e in data("entities.json") for m in e["mentions"]]
    cited += [e["description_source"] for e in data("entities.json") if e["description_source"]]
    assert len(cited) > 300
    header = {a["id"]: {DECK: a["subtitle"], BYLINE: author_list(tuple(a["authors"])), AFFILIATION: a["affiliation"]} for a in data("articles.json")}
    assert any(m["anchor"] == BYLINE for e in data("entities.json") for m in e["mentions"])  # "Li Ziguo", from "By Li Ziguo"
    for source in cited:
        assert source["article"] in ids
        if source["anchor"] in HEADER_ANCHORS:  # a line of the article's header (deck, byline, affiliation), not a paragraph
            assert source["quote"] in " ".join((header[source["article"]][source["anchor"]] or "").split()), source
            continue
        text = " ".join(paragraph_text(DOCS, source["article"], source["anchor"]).split())
        assert source["quote"] in text, source


def test_xi_jinping_page_quotes_every_article_that_names_him(site: Path):
    [xi] = [e for e in data("entities.json") if e["id"] == "xi-jinping"]
    forms = [xi["name"], *xi["aliases"]]
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in sorted(forms, key=len, reverse=True)))
    naming = set()
    for record in data("articles.json"):
        page = (DOCS / "articles" / f"{record['id']}.md").read_text(encoding="utf-8")
        anchors = re.findall(r"^\{: #(p\d+)", page, flags=re.M)
        if any(pattern.search(paragraph_text(DOCS, record["id"], a)) for a in anchors):
            naming.add(record["id"])
    assert len(naming) >= 3
    assert {m["article"] for m in xi["mentions"]} == naming
    page = (site / "entities" / "xi-jinping" / "index.html").read_text(encoding="utf-8")
    for article in naming:
        assert f'href="../../articles/{article}/#p' in page
    assert "President Xi to visit its command center" in page  # found under an alias


class Links(HTMLParser):
    """Every cross-reference link with the tags around it and the text just before and after it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text = ""
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attrs = dict(attrs)
        if tag == "a" and "xref" in (attrs.get("class") or "").split():
            self.links.append({"inside": [t for t, _ in self.stack] + [c for _, c in self.stack], "before": self.text[-1:], "start": len(self.text)})
        if tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self.stack.append((tag, attrs.get("class") or ""))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "a" and self.links and "end" not in self.links[-1]:
            self.links[-1]["end"] = len(self.text)

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text += data
        for link in self.links:
            if "end" in link and "after" not in link:
                link["after"] = data[:1]


def test_links_never_land_in_a_word_a_heading_or_the_article_header(site: Path):
    total = 0
    for page in (site / "articles").glob("*/index.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            inside = " ".join(link["inside"])
            assert not HEADINGS & set(link["inside"]), (page, link)
            assert "article-meta" not in inside and "admonition" not in inside, (page, link)
            assert not link["before"].isalnum() and not link.get("after", "").isalnum(), (page, link, parser.text[link["start"] - 5 : link["end"] + 5])
        total += len(parser.links)
    assert total > 50


def test_abbreviations_show_their_expansion_everywhere(site: Path):
    for page in ("articles/an-evolving-partnership", "glossary", "entities/shanghai-cooperation-organization"):
        text = (site / page / "index.html").read_text(encoding="utf-8")
        assert '<abbr title="Shanghai Cooperation Organization">SCO</abbr>' in text, page
    assert "<abbr" not in (site / "raw" / "000-73b336f099f963c4" / "index.html").read_text(encoding="utf-8").split('class="raw')[-1]


NEW = """Ice Roads Of The North

By Test Author

The Arctic Shipping Council (ASC) met in Tromsø and agreed a new schedule for convoys.

Members of the ASC said the schedule would hold. Foreign Minister Ingrid Vallhaugen welcomed the plan.

Vallhaugen later told reporters that the ASC would meet again.
"""


def test_a_new_article_without_any_registry_gets_its_terms_entities_and_pages(seeds: Path, tmp_path: Path):
    (seeds / "ice.txt").write_text(NEW, encoding="utf-8")
    docs = tmp_path / "docs"
    build(BuildConfig(seeds=seeds, docs=docs))
    terms = {t["term"]: t for t in json.loads((docs / "data" / "glossary.json").read_text(encoding="utf-8"))}
    assert terms["ASC"]["expansion"] == "Arctic Shipping Council" and terms["ASC"]["origin"] == "discovered"
    assert [s["anchor"] for s in terms["ASC"]["sources"]] == ["p1"]
    assert len(terms["ASC"]["occurrences"]) == 4
    entities = {e["id"]: e for e in json.loads((docs / "data" / "entities.json").read_text(encoding="utf-8"))}
    assert entities["ingrid-vallhaugen"]["kind"] == "person" and "Vallhaugen" in entities["ingrid-vallhaugen"]["aliases"]
    assert entities["arctic-shipping-council"]["kind"] == "organization"
    assert (docs / "snippets" / "abbreviations.txt").read_text(encoding="utf-8") == "*[ASC]: Arctic Shipping Council\n"
    done = mkdocs_build(mkdocs_config(tmp_path, docs))
    assert done.returncode == 0, done.stderr
    glossary = (tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="asc"' in glossary and "The Arctic Shipping Council (<abbr" in glossary
    article = (tmp_path / "site" / "articles" / "ice-roads-of-the-north" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../entities/ingrid-vallhaugen/"' in article and '<abbr title="Arctic Shipping Council">ASC</abbr>' in article
