"""Nothing real is dropped from a scan: every word a scan shows reaches its page or the report, with evidence.

The fixtures in ``tests/fixtures/scans/`` are hand-written in the manner of 19th-century
newspaper OCR (a page holding two articles, a dateline opening the body, a headline over
several lines with scanner specks, figures and initials at the foot, a misread ``|``); the
seed scan is the repository's own OCR fixture.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_docs.clean.article import Article, CleaningReport
from build_docs.clean.boilerplate import furniture
from build_docs.clean.cleaner import clean, clean_all
from build_docs.clean.header import read_header
from build_docs.clean.scan import is_dateline, is_headline, is_scan_furniture
from build_docs.sources.catalog import CatalogEntry
from build_docs.sources.read import read_source
from tests.conftest import REPO

_LETTERS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
SCANS = sorted((REPO / "tests" / "fixtures" / "scans").glob("*.txt"))
SEED_SCAN = REPO / "seeds" / "001_654abdf35d6935f8.txt"
#: reasons a line of a scan may leave the text for: each names its evidence
EVIDENCE = ("metadata: ", "link", "no words (symbols only)", "page number", "repeated in the source")


def cleaned(path: Path, kind: str = "ocr") -> tuple[Article, CleaningReport]:
    doc, problems = read_source(path.read_bytes(), path.name, f"seeds/{path.name}")
    assert doc is not None, problems
    article, report, _ = clean(doc, kind=kind)
    return article, report


def language_words(text: str) -> list[str]:
    """Words of the source that read as language: runs of three letters or more (an apostrophe inside)."""
    return [w for w in _LETTERS.findall(text) if len(w) >= 3]


def unaccounted(path: Path, kind: str = "ocr") -> list[str]:
    """The language-like words of ``path`` that are neither on its page nor removed with evidence."""
    article, report = cleaned(path, kind)
    shown = "\n".join([article.title, article.subtitle or "", *(b.text for b in article.blocks)])
    source = report.sources[0]
    fixed = " ".join(f.before for f in source.fixes)
    missing = []
    for no, line in enumerate(source.raw.split("\n"), start=source.first_line):
        removal = next((r for r in source.removed if r.line == no), None)
        if removal is not None:
            assert removal.reason != "after the text" and removal.reason.startswith(EVIDENCE), (no, removal)
            continue
        missing += [f"{no}: {w}" for w in language_words(line) if w not in shown and w not in fixed]
    return missing


@pytest.mark.parametrize("path", [*SCANS, SEED_SCAN], ids=lambda p: p.name)
def test_every_word_of_a_scan_is_on_its_page_or_removed_with_evidence(path: Path):
    assert unaccounted(path) == []


def test_the_invariant_can_fail(tmp_path: Path):
    """A scan line the cleaner drops without evidence is caught (here, one written only to be dropped)."""
    scan = tmp_path / "scan.txt"
    scan.write_text("The wharf was finished on Monday last.\nThe ferries ran.\nThe tide was high.\nFerry Timetable Changes\n", encoding="utf-8")
    assert unaccounted(scan) == []  # a scan keeps it: no "after the text"
    web = furniture([(1, "The wharf was finished on Monday last."), (2, "Ferry Timetable Changes")])
    assert [r.reason for r in web] == ["after the text"]  # a web page's trailing line is its furniture
    with pytest.raises(AssertionError, match="after the text"):  # which the invariant would not let a scan do
        unaccounted(scan, kind="web")


def test_a_dateline_first_line_stays_in_the_body():
    article, _ = cleaned(REPO / "tests" / "fixtures" / "scans" / "dateline.txt")
    assert article.title == "A PLAGUE OF HAWKS." or article.origin["title"] == "file name"
    assert article.subtitle is None
    assert article.paragraphs[0].text.startswith("DANVILLE Pa.. June 21.-Sparrow hawks have become")
    assert is_dateline("DANVILLE, Pa., June 21.\u2014Sparrow hawks") and is_dateline("LONDON, Monday. The House met")
    assert not is_dateline("The Mayor said in June, that the")


def test_a_line_that_goes_on_into_the_body_is_no_deck():
    lines = [(1, "Arrivals From The North Coast"), (2, "Wentworth (s.), 930 tons, Captain Butcher, from Port"), (3, "Macquarie on the 25th.")]
    lines += [(4, "Passengers-Mrs. Smith and two children, and")]
    header = read_header(lines, scan=True)
    assert header.title == "Arrivals From The North Coast" and header.subtitle is None
    for second in ("DANVILLE, Pa., June 21.\u2014Sparrow", "Sparrow hawks have become so numerous in"):  # any kind of source
        header = read_header([(1, "A Plague Of Hawks Again"), (3, second), (4, "this county that the farmers pay for them.")])
        assert header.title == "A Plague Of Hawks Again" and header.subtitle is None, second
    assert read_header([(1, "A Plague Of Hawks Again"), (2, "Farmers count the cost"), (3, "This county pays.")]).subtitle == "Farmers count the cost"


def test_a_headline_over_several_lines_is_kept_whole():
    article, report = cleaned(REPO / "tests" / "fixtures" / "scans" / "headline.txt")
    assert article.title == "SHIPPING. ARRIVALS FROM THE NORTH"
    assert article.subtitle is None and article.paragraphs[0].text.startswith("Wentworth (s.), 930 tons")
    assert [r.reason for r in report.sources[0].removed] == ["metadata: title", "metadata: above the title: no words (symbols only)", "metadata: title"]


def test_a_headline_goes_on_below_its_title_line_in_capitals_and_initials_stay_names():
    """A headline over three lines (the last with a speck), then a byline: the title is all three lines,
    the byline gives the author, and the body starts with the body. A list of initials and surnames
    ("A. Brown. T. Clarke.") is text: no run-in heading "A. Brown" is made of it, and no full stop lost."""
    article, report = cleaned(REPO / "tests" / "fixtures" / "scans" / "team-list.txt")
    assert article.title == "COUNCIL DEFERS THE DECISION ON NEW BRIDGE ;" and article.subtitle is None
    assert article.authors == ("JOHN MARTIN",)
    assert article.paragraphs[0].text.startswith("The city council will not decide")
    assert [b.text for b in article.blocks if b.kind == "heading"] == []
    text = " ".join(b.text for b in article.blocks)
    for names in ("A. Brown. T. Clarke.", "E. Davies. R. Evans.", "J. Fraser. W. Grant."):
        assert names in text
    assert "landing at Thorns-hope, below" in text  # a name broken at a line end, both halves words: rejoined, hyphen kept
    assert [r.reason for r in report.sources[0].removed] == ["metadata: title"] * 3 + ["metadata: byline"]


def test_a_headline_stops_at_a_byline_or_a_dateline():
    for below in ("By JOHN MARTIN", "LONDON, JUNE 3.\u2014The"):
        body = "council will not decide on the new bridge over the river."
        header = read_header([(1, "COUNCIL DEFERS THE"), (2, "DECISION"), (3, below), (4, body)], scan=True)
        assert header.title == "COUNCIL DEFERS THE DECISION", below
    assert read_header([(1, "COUNCIL DEFERS THE"), (2, "DECISION"), (3, "The council will not decide.")], scan=False).subtitle == "DECISION"


def test_a_second_article_gets_a_heading_with_its_paragraphs_after_it():
    article, report = cleaned(REPO / "tests" / "fixtures" / "scans" / "two-articles.txt")
    kinds = [(b.kind, b.anchor, b.text[:24]) for b in article.blocks]
    second = next(i for i, b in enumerate(article.blocks) if b.text == "ACCIDENT AT PARRAMATTA.")
    assert article.blocks[second].kind == "heading" and not article.blocks[second].anchor, kinds
    after = article.blocks[second + 1 :]
    assert after[0].kind == "paragraph" and after[0].text.startswith("A man named Thomas Reilly") and after[0].anchor, kinds
    assert "J. P." in after[0].text + after[-1].text and after[-1].text.endswith("\u00a34370 3s. 6d."), kinds
    assert [(r.text, r.reason) for r in report.sources[0].removed if not r.reason.startswith("metadata")] == [("-\u00bb", "no words (symbols only)")]


def test_headlines_datelines_and_scan_furniture_by_shape():
    assert is_headline("TOWN LOTS.") and is_headline("THE GOLD FIELDS") and not is_headline("The Gold Fields.")
    assert not is_headline("I") and not is_headline("ROXBURGH.-1. 40 acres, parish of Thorns-")
    assert is_scan_furniture("-\u00bb") and is_scan_furniture("- 12 -") and is_scan_furniture("* * *")
    assert not is_scan_furniture("\u00a34370 3s. 6d.") and not is_scan_furniture("1859:") and not is_scan_furniture("J. P.")


def test_a_misread_bar_is_no_byline_row():
    header = read_header([(1, "No. 5 of section 13. 4. 34| perches, No. 6 of"), (2, "section 13.")])
    assert header.used == {}
    labelled = read_header([(1, ":Peace and Development | \u4f5c\u8005: Zhao Mingwen | \u65f6\u95f4: 2018-06-07"), (2, "Text of the article goes on here.")])
    assert labelled.authors == ("Zhao Mingwen",)


def test_every_scan_fixture_is_read():
    assert len(SCANS) >= 4 and all(re.search(r"[A-Z]{3}", p.read_text(encoding="utf-8")) for p in SCANS)


def test_scan_furniture_needs_evidence_and_web_furniture_is_unchanged():
    lines = list(enumerate(["The wharf was finished.", "-\u00bb", "12", "\u00a34370 3s. 6d.", "J. P.", "http://www.example.com", "Share", "Tags"], start=1))
    assert [(r.line, r.reason) for r in furniture(lines, scan=True)] == [(2, "no words (symbols only)"), (3, "page number"), (6, "link")]
    web = [(r.line, r.reason) for r in furniture(lines)]
    assert web == [(2, "no words"), (3, "no words"), (4, "no words"), (5, "no words"), (6, "link"), (7, "interface"), (8, "interface")]


def test_a_headline_two_scans_share_stays_in_both():
    texts = {
        "a.txt": "LAND SALE.\nAT eleven o'clock on Monday the lots will be\noffered for sale at the Treasury.\n",
        "b.txt": "LAND SALE.\nAT noon on Friday the town lots will be sold\nat the Police Office by auction.\n",
    }
    docs = []
    for name, text in texts.items():
        doc, _ = read_source(text.encode("utf-8"), name, f"seeds/{name}", CatalogEntry(file=name, line=0, kind="ocr"))
        assert doc is not None
        docs.append(doc)
    for article in clean_all(docs).articles:
        assert [b.text for b in article.blocks if b.kind == "heading"] == ["LAND SALE."], article.blocks


def test_a_wrapped_text_that_runs_past_its_last_full_stop_is_not_after_the_text():
    """Any kind of source: the tail "Meagher, Sproule, and Co ) appeared for" / "Dillon" carries a sentence on."""
    body = list(enumerate(["The case was heard on Monday.", "Meagher, Sproule, and Co ) appeared for", "Dillon"], start=1))
    assert furniture(body) == []
    assert [r.reason for r in furniture([(1, "The case was heard on Monday."), (2, "Related Reading")])] == ["after the text"]
