"""Dating an undated article from its own text: the estimator, and how the site shows the estimate."""

from __future__ import annotations

import json

import bibtexparser
import rispy

from build_docs.clean.article import Article
from build_docs.clean.structure import Block
from build_docs.extract.dating import estimate_date
from build_docs.extract.extractors import extract
from tests.conftest import REPO

DOCS = REPO / "docs"
UNDATED = "an-evolving-partnership"


def article(*paragraphs: str, date: str | None = None) -> Article:
    blocks = tuple(Block("paragraph", text, i, anchor=f"p{i}") for i, text in enumerate(paragraphs, 1))
    return Article("a", "A", ("a.txt",), blocks, date=date)


def test_past_years_give_a_lower_bound_only():
    found = estimate_date(article("In 2009 the two sides signed a treaty.", "Trade grew by 12 percent in 2011."))
    assert found is not None
    assert (found.earliest, found.latest, found.value, found.display) == (2011, None, "2011/..", "2011 or later")
    assert [(e.quote.anchor, e.kind) for e in found.evidence] == [("p2", "past")]
    assert found.year is None


def test_future_years_give_an_upper_bound_and_a_range_is_not_made_a_single_year():
    found = estimate_date(article("The bridge was finished in 2013.", "In 2015 and 2016, the two sides will hold a youth festival."))
    assert found is not None
    assert (found.earliest, found.latest, found.display) == (2013, 2015, "between 2013 and 2015")
    assert found.year is None
    two = estimate_date(article("Talks began in 2014.", "A summit will take place in 2015."))
    assert two is not None and two.display == "2014 or 2015" and two.year is None


def test_a_year_treated_as_over_and_a_future_year_narrow_to_one():
    found = estimate_date(article("As of 2013, there had been 18 meetings.", "In 2014 and 2015, the two sides will also hold a festival."))
    assert found is not None
    assert (found.year, found.value, found.display) == (2014, "2014", "c. 2014")
    assert {e.kind for e in found.evidence} == {"completed", "future"}
    assert "2014" in found.reason and "future tense" in found.reason


def test_an_anniversary_counts_from_the_event_year_the_text_states():
    text = article(
        "The two countries established diplomatic relations in 1949.",
        "This year marks the 65th anniversary of the establishment of diplomatic relations between the two countries.",
    )
    found = estimate_date(text)
    assert found is not None and found.year == 2014
    assert [(e.quote.anchor, e.kind) for e in found.evidence] == [("p2", "anniversary")]
    inside = estimate_date(article("The 70th anniversary of the founding of the republic in 1949 will be celebrated with a parade."))
    assert inside is not None and (inside.earliest, inside.latest) == (None, 2019)
    since = estimate_date(article("In the last 30 years since the opening of the canal in 1980, trade has grown."))
    assert since is not None and since.year == 2010


def test_an_anniversary_without_the_event_year_is_no_evidence():
    assert estimate_date(article("In the last 65 years since the establishment of their diplomatic relationship, relations have changed.")) is None
    assert estimate_date(article("Both sides vowed to commemorate the 70th anniversary of the end of the war.")) is None


def test_conflicting_evidence_keeps_what_is_reported_as_past():
    found = estimate_date(article("The line will open in 2014.", "The line opened in 2016, two years late."))
    assert found is not None
    assert (found.earliest, found.latest) == (2016, None)
    assert "left out" in found.reason and "2014" in found.reason


def test_no_evidence_and_a_stated_date_give_no_estimate():
    assert estimate_date(article("Relations are close; last year they met often.")) is None
    assert estimate_date(article("Only plans: it would open by 2020.")) is None
    assert estimate_date(article("In 2013 they met.", "They will meet in 2014.", date="2014-05")) is None


def test_dates_resolve_against_a_single_year_estimate_and_are_marked():
    text = article("As of 2013, there had been 18 meetings.", "In 2014, the two sides will hold a festival.", "Last year, they met in Shanghai on May 20.")
    found = extract(text)
    assert found.date_estimate is not None and found.date_estimate.year == 2014
    resolved = {d.timex.text: (d.timex.value, d.estimated) for d in found.dates}
    assert resolved["Last year"] == ("2013", True)
    assert resolved["May 20"][1] is True and resolved["May 20"][0].endswith("-05-20")
    assert resolved["2013"] == ("2013", False)
    ranged = extract(article("Talks began in 2014.", "A summit will take place in 2015.", "Last year, they met."))
    assert ranged.date_estimate is not None and ranged.date_estimate.year is None
    assert not any(d.estimated for d in ranged.dates)  # a range anchors nothing


# --- the seeds -----------------------------------------------------------------------------


def _json(name: str) -> list[dict]:
    return json.loads((DOCS / "data" / name).read_text(encoding="utf-8"))


def test_the_undated_seed_article_is_estimated_from_its_text_never_dated():
    record = next(a for a in _json("articles.json") if a["id"] == UNDATED)
    assert record["date"] is None
    assert record["date_estimated"] == "2014"
    kinds = {e["kind"]: e for e in record["date_evidence"]}
    assert "As of 2013" in kinds["completed"]["quote"] and "In 2014 and 2015" in kinds["future"]["quote"]
    for e in record["date_evidence"]:
        assert e["article"] == UNDATED and e["anchor"].startswith("p")
    for other in _json("articles.json"):
        if other["date"]:
            assert other["date_estimated"] is None and other["date_evidence"] == []


def test_the_seed_article_page_says_not_stated_and_links_its_evidence():
    page = (DOCS / "articles" / f"{UNDATED}.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if line.startswith("- **Date:**"))
    assert row.startswith("- **Date:** not stated in the source; estimated *c. 2014* from the text")
    assert "](#p11)" in row and "](#p13)" in row
    assert "citation_date" not in page and "datePublished" not in page
    assert "n.d. \\[c. 2014\\]" in page


def test_the_seed_timeline_gains_the_caption_and_last_year_marked_as_estimated():
    events = _json("timeline.json")
    caption = next(e for e in events if e["when"] == "May 20")
    assert caption["date"] == "2014-05-20" and caption["certainty"] == "inferred" and caption["estimated"] is True
    last = next(e for e in events if e["when"] == "Last year" and e["sources"][0]["article"] == UNDATED)
    assert last["date"] == "2013" and last["estimated"] is True
    assert not any(e["estimated"] for e in events if e["sources"][0]["article"] != UNDATED)
    page = "\n".join(p.read_text(encoding="utf-8") for p in sorted((DOCS / "timeline").glob("*.md")))  # the entries' pages (issue 13)
    line = next(x for x in page.splitlines() if x.startswith("- **20 May 2014**"))
    assert "inferred from an estimated date" in line


def test_the_cite_files_give_the_estimate_only_as_a_note():
    bib = bibtexparser.loads((DOCS / "data" / "cite" / f"{UNDATED}.bib").read_text(encoding="utf-8"))
    original = next(e for e in bib.entries if e["ID"] == UNDATED)
    assert not {"year", "date", "month"} & original.keys()
    assert "estimated c. 2014" in original["note"]
    edition = next(e for e in bib.entries if e["ID"] == f"{UNDATED}-edition")
    assert "origdate" not in edition and "estimated c. 2014" in edition["note"]
    with (DOCS / "data" / "cite" / f"{UNDATED}.ris").open(encoding="utf-8") as handle:
        records = rispy.load(handle)
    for record in records:
        assert not {"year", "date", "publication_year"} & record.keys()
        assert any("estimated c. 2014" in n for n in record.get("notes", []))
    items = json.loads((DOCS / "data" / "cite" / f"{UNDATED}.csl.json").read_text(encoding="utf-8"))
    for item in items:
        assert "issued" not in item and "original-date" not in item
        assert "estimated c. 2014" in item["note"]
