"""A date line under a headline is the article's date, not its title; the headline above it is the
title, not a line "above the title" taken out of the text. What reads as the text's own (a sentence
above a title, a letter's place and address lines, its signature) stays in the article."""

from __future__ import annotations

import re
from pathlib import Path

from build_docs.clean.header import read_header
from tests.conftest import cli_articles
from tests.test_clean import lines

NEWS = (
    "Ferry service resumes across the northern strait\n\n"
    "Tuesday, March 8, 2011\n\n"
    "By Ada Quill\n\n"
    "The ferry between the two harbours sailed again on Tuesday after a winter in dock, carrying cars and passengers across.\n\n"
    "The operator said the timetable would return to normal by April.\n"
)
LETTER = (
    "Eau Gallie, Fla.\n\n"
    "General Delivery\n\n"
    "July 9, 1951.\n\n"
    "Dear Jean:\n\n"
    "Thanks for the money. I am fixing up my new home here, a one-room house set in two blocks of grounds.\n\n"
    "Love and faithful feelings,\n\n"
    "Zora\n"
)
POSTSCRIPT = (
    "P.S. The parcel is on the way, sent yesterday.\n\n"
    "Letters From The Harbour Town\n\n"
    "Dear Mom,\n\n"
    "Sorry for the delay of this letter. I just started my project on Sunday and have been working hard on it.\n"
)


def test_a_headline_in_sentence_case_over_a_date_line_is_the_title():
    header = read_header(lines(NEWS))
    assert (header.title, header.date, header.authors) == ("Ferry service resumes across the northern strait", "2011-03-08", ("Ada Quill",))
    assert dict(header.used) == {1: "title", 3: "date", 5: "byline"}


def test_a_byline_between_the_headline_and_the_date_line_is_passed_over():
    header = read_header(lines("Open letter to the harbour board (1990)\nBy Ada Quill\n7 November 1990\n\n" + NEWS.split("\n\n", 3)[3]))
    assert (header.title, header.date, header.authors) == ("Open letter to the harbour board (1990)", "1990-11-07", ("Ada Quill",))
    assert dict(header.used) == {1: "title", 2: "byline", 3: "date"}


def test_a_sentence_above_a_date_line_is_no_headline_and_stays_text():
    # a sentence above the date is no headline: it stays text, and nothing above the date is taken out as "above the title"
    header = read_header(
        lines("The ferry sailed again.\n\nMonday, May 18, 2015\n\nThe operator said the timetable would return to normal by April, and more.\n")
    )
    assert "above the title" not in header.used.values()
    assert 1 not in header.used


def test_a_sentence_above_a_title_stays_in_the_text():
    header = read_header(lines(POSTSCRIPT))
    assert header.title == "Letters From The Harbour Town"
    assert 1 not in header.used and header.rejected == {1: "a sentence above the title"}


def test_the_build_keeps_the_headline_and_the_letter_lines(seeds: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    articles = cli_articles(seeds, docs, {"ferry.txt": NEWS, "letter.txt": LETTER, "ps.txt": POSTSCRIPT})
    ferry = articles["ferry.txt"]
    assert (ferry["title"], ferry["date"], ferry["authors"]) == ("Ferry service resumes across the northern strait", "2011-03-08", ["Ada Quill"])
    report = (docs / "reports" / f"{ferry['id']}.md").read_text(encoding="utf-8")
    assert "| Ferry service resumes across the northern strait | metadata: title |" in report
    assert "| Tuesday, March 8, 2011 | metadata: date |" in report
    assert "above the title" not in report
    assert articles["letter.txt"]["date"] == "1951-07-09"
    letter = (docs / "articles" / f"{articles['letter.txt']['id']}.md").read_text(encoding="utf-8")
    letter = re.sub(r"\[([^\]]+)\]\([^)]*\)(?:\{[^}]*\})?", r"\1", letter)  # the text as read, links to entities aside ("Dear Jean:")
    for kept in ("Eau Gallie, Fla.", "General Delivery", "Dear Jean:", "Love and faithful feelings,", "Zora"):
        assert kept in letter
    ps = (docs / "articles" / f"{articles['ps.txt']['id']}.md").read_text(encoding="utf-8")
    assert "P.S. The parcel is on the way, sent yesterday." in ps
    ps_report = (docs / "reports" / f"{articles['ps.txt']['id']}.md").read_text(encoding="utf-8")
    assert "| P.S. The parcel is on the way, sent yesterday. | not the title: a sentence above the title |" in ps_report


def test_a_date_line_alone_at_the_head_is_the_date_and_never_the_title():
    header = read_header(
        lines("August 19, 1975\n\nDear Jean:\n\nWe are back from Europe, having been to London and then to the island and back to London again.\n")
    )
    assert (header.title, header.date) == (None, "1975-08-19")
    assert dict(header.used) == {1: "date"}


def test_a_title_under_a_date_line_is_found():
    header = read_header(
        lines(
            "7 November 1990\nThe Harbour Board Reports\n\nThe ferry between the two harbours sailed again on Tuesday after a winter in dock, carrying cars.\n"
        )
    )
    assert (header.title, header.date) == ("The Harbour Board Reports", "1990-11-07")
    assert dict(header.used) == {1: "date", 2: "title"}
