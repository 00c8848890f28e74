"""The timeline: the seeds' dated statements, each quoted and cited, and its data files."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

from build_docs.clean.article import Article
from build_docs.clean.structure import Block
from build_docs.extract.timex import find_timexes
from build_docs.link.mentions import Links
from build_docs.timeline.events import Dated, events_of
from tests.conftest import REPO
from tests.test_entities_site import paragraph_text

DOCS = REPO / "docs"


def timeline() -> list[dict]:
    return json.loads((DOCS / "data" / "timeline.json").read_text(encoding="utf-8"))


def find(date: str, words: str) -> dict:
    found = [e for e in timeline() if e["date"] == date and words in e["text"]]
    assert len(found) == 1, (date, words, [(e["date"], e["text"][:60]) for e in timeline() if words in e["text"]])
    return found[0]


def test_the_seeds_dated_statements_are_on_the_timeline():
    expected = [
        ("1958-01-18", "science and technology cooperation protocol"),
        ("1992", "joint statement on the foundation for bilateral ties"),
        ("1996", "partnership of strategic coordination"),
        ("2001", "Treaty of Good-Neighborliness and Friendly Cooperation"),
        ("2005", "first joint military drill"),
        ("2013-02", "comprehensive strategic partnership of coordination"),
        ("2013-03", "took office"),
        ("2017", "bilateral trade between China and Russia reached"),
        ("2018/2022", "Outline for Space Cooperation"),
    ]
    for date, words in expected:
        event = find(date, words)
        assert event["certainty"] == "stated", event
    railway = find("2023", "Moscow-Kazan")
    assert railway["certainty"] == "expected"


def test_every_entry_links_to_the_paragraph_it_quotes():
    events = timeline()
    assert len(events) >= 20
    for event in events:
        assert event["sources"], event
        for source in event["sources"]:
            text = " ".join(paragraph_text(DOCS, source["article"], source["anchor"]).split())
            assert event["text"] in text and source["quote"] in text, event


def test_no_entry_comes_from_an_amount_a_model_number_or_a_count():
    for event in timeline():
        when = event["when"]
        assert not re.search(r"[$%]|percent|billion|million|S-400|Su-35|052D|CR929", when), event
        # a month and day ("May 20") resolved against an estimated date is a date too (issue 12)
        month_day = r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b"
        assert re.search(r"\d{4}|\b(?:last|this|next|past)\b|\d{2}s\b|" + month_day, when, flags=re.I), event
        assert 1900 <= int(event["date"][:4]) <= 2100, event


def test_relative_dates_resolve_against_the_publication_date():
    [last_year] = [e for e in timeline() if "last year" in e["when"].lower() and "Russian crude oil" in e["text"]] or [None]
    assert last_year is not None and last_year["date"].startswith("2017") and last_year["certainty"] == "inferred"


def test_data_files_parse_and_agree():
    events = timeline()
    rows = list(csv.DictReader(io.StringIO((DOCS / "data" / "timeline.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert rows[0].keys() >= {"date", "display", "precision", "certainty", "text", "entities", "sources"}
    tl = json.loads((DOCS / "data" / "timeline-timelinejs.json").read_text(encoding="utf-8"))
    assert len(tl["events"]) == len(events)
    for item, event in zip(tl["events"], events, strict=True):
        assert item["start_date"]["year"] == str(int(event["date"][:4]))
        assert ("end_date" in item) == ("/" in event["date"])
        assert "<script" not in item["text"]["text"]


def test_the_chart_is_an_inline_svg_with_one_bar_per_year():
    page = (DOCS / "timeline.md").read_text(encoding="utf-8")
    svg = re.search(r"<svg.*?</svg>", page, flags=re.S).group()
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    bars = root.iter(f"{ns}rect")
    years = {int(e["date"][:4]) for e in timeline()}
    assert {int(b.find(f"{ns}title").text.split(":")[0]) for b in bars} == years
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_the_same_event_in_two_articles_is_one_entry_and_different_dates_are_flagged():
    def article(article_id: str, date: str, text: str) -> Article:
        return Article(article_id, article_id, (f"{article_id}.txt",), (Block("paragraph", text, 1, anchor="p1"),), date=date)

    one = article("one", "2019-01-01", "The two countries signed the border treaty in 2001, ending the dispute.")
    two = article("two", "2019-05-01", "The two countries signed the border treaty in 2001, ending the dispute, officials said.")
    three = article("three", "2019-06-01", "The two countries signed the border treaty in 2002, ending the dispute.")
    articles = [one, two, three]
    found = {a.id: tuple(Dated("p1", t) for t in find_timexes(a.blocks[0].text, anchor=a.date)) for a in articles}
    events = events_of(articles, found, Links({}, {}, {})).events
    assert [(e.date, sorted(q.article for q in e.sources)) for e in events] == [("2001", ["one", "two"]), ("2002", ["three"])]
    assert events[0].disputed == (events[1].id,) and events[1].disputed == (events[0].id,)


def test_entity_pages_carry_their_own_timeline():
    page = (DOCS / "entities" / "xi-jinping.md").read_text(encoding="utf-8")
    timeline_part = page.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    assert "**March 2013**" in timeline_part and "took office" in timeline_part
    ids = {e["id"] for e in timeline() if "xi-jinping" in e["entities"]}
    held = json.loads((DOCS / "data" / "timeline-pages.json").read_text(encoding="utf-8"))
    assert ids and all(f"../timeline/{held[i].rstrip('/')}.md#{i}" in timeline_part for i in ids)  # the page holding it (issue 13)
