"""A headline that no title-case rule sees (two words, or sentence case) is the title when its words
recur in the text, rather than the title-case line below it (a caption, a heading, an author line);
page furniture above a title, whose words do not recur, is still taken out. A letter's addressee
("Miss Ada Quill" over its address lines and a greeting) is no title, and the letter's own short
lines (its address, its signature under the closing) are text, not headings."""

from __future__ import annotations

from pathlib import Path

from build_docs.clean.header import read_header
from build_docs.clean.structure import ends_mid_sentence, number, segment
from tests.conftest import cli_articles
from tests.test_clean import lines

BIO = (
    "Ada Quill\n\n"
    "Quill with the Harbour Rowing Club\n\n"
    "Harbour Rowing Club – No. 12\n\n"
    "Ada Quill (born 1988) is a rower who has rowed for the Harbour Rowing Club since 2010 and won the autumn race twice.\n\n"
    "Quill grew up by the harbour and first rowed at school.\n"
)
PAPER = (
    "Building cheap lamps from old fluorescent bulbs in rural workshops\n\n"
    "A B Quill and C D Marsh\n\n"
    "Department of Physics, Harbour State University, Harbour City\n\n"
    "Abstract. Old fluorescent bulbs are thrown away by the million, and the workshops of rural towns can turn them into cheap lamps.\n\n"
    "We show how the lamps are built from the bulbs' own parts.\n"
)
REPEATED = (
    "Ada Quill\n\nAda Quill\n\nQuill in 1958\n\n"
    "Ada Quill (born 1928) was a painter of the harbour, and Quill showed her work in the town for sixty years.\n"
)
FURNITURE = (
    "Skip to main content\n\n"
    "Ferry Service Resumes Across The Strait\n\n"
    "The ferry between the two towns sailed again on Tuesday after a winter in dock, carrying cars and passengers across.\n"
)
LETTER = (
    "Miss Nell Brandt\n\n"
    "Harbour Academy\n\n"
    "Andover, Massachusetts 01810\n\n"
    "May 30\n\n"
    "Mum,\n\n"
    "Got your note today, many thanks, it was good to hear from you and to know the ferry sails again.\n\n"
    "Love,\n\n"
    "Mother\n"
)


def test_a_two_word_headline_whose_words_recur_is_the_title_and_the_lines_below_it_stay_text():
    header = read_header(lines(BIO))
    assert header.title == "Ada Quill" and header.subtitle is None
    assert dict(header.used) == {1: "title"}  # the caption and the club line stay in the text


def test_a_sentence_case_paper_title_over_its_author_line_is_the_title():
    header = read_header(lines(PAPER))
    assert header.title == "Building cheap lamps from old fluorescent bulbs in rural workshops"
    assert header.authors == ("A B Quill", "C D Marsh")
    assert header.affiliation == "Department of Physics, Harbour State University, Harbour City"
    assert dict(header.used) == {1: "title", 3: "author line", 5: "affiliation"}


def test_a_repeat_of_the_title_goes_with_it_and_the_caption_stays():
    header = read_header(lines(REPEATED))
    assert (header.title, header.section) == ("Ada Quill", None)
    assert dict(header.used) == {1: "title", 3: "title repeated"}


def test_page_furniture_whose_words_do_not_recur_is_still_above_the_title():
    header = read_header(lines(FURNITURE))
    assert header.title == "Ferry Service Resumes Across The Strait"
    assert dict(header.used) == {1: "above the title", 3: "title"}


def test_a_letters_addressee_is_no_title_and_its_address_lines_stay():
    header = read_header(lines(LETTER))
    assert (header.title, header.subtitle) == (None, None)
    assert 1 not in header.used and 3 not in header.used and 5 not in header.used
    assert header.rejected == {1: "a letter's addressee (a greeting follows its address lines)"}


def test_a_letters_address_and_signature_are_paragraphs_not_headings():
    letter = "Eau Gallie, Fla.\n\nGeneral Delivery\n\nJuly 9, 1951.\n\nDear Jean:\n\nThanks for the money, it came in good time.\n\n"
    blocks = segment(lines(letter + "Love and faithful feelings,\n\nZora\n"))
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["General Delivery"] == "paragraph" and kinds["Zora"] == "paragraph"
    # a heading after a finished paragraph is still a heading
    text = "The ferry sailed again on Tuesday after a long winter in dock, carrying cars.\n\nThe New Timetable\n\n"
    blocks = segment(lines(text + "It starts in April and runs all summer.\n"))
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph"]


def test_the_build_keeps_the_headline_and_the_letters_lines(seeds: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    articles = cli_articles(seeds, docs, {"bio.txt": BIO, "paper.txt": PAPER, "letter.txt": LETTER})
    bio = articles["bio.txt"]
    assert bio["title"] == "Ada Quill"
    page = (docs / "articles" / f"{bio['id']}.md").read_text(encoding="utf-8")
    assert "Quill with the Harbour Rowing Club" in page and "Harbour Rowing Club – No. 12" in page
    report = (docs / "reports" / f"{bio['id']}.md").read_text(encoding="utf-8")
    assert "above the title" not in report and "| Ada Quill | metadata: title |" in report
    paper = articles["paper.txt"]
    assert (paper["title"], paper["authors"]) == ("Building cheap lamps from old fluorescent bulbs in rural workshops", ["A B Quill", "C D Marsh"])
    letter = articles["letter.txt"]
    assert letter["title"] != "Miss Nell Brandt"
    page = (docs / "articles" / f"{letter['id']}.md").read_text(encoding="utf-8")
    for kept in ("Miss Nell Brandt", "Harbour Academy", "May 30", "Mum,", "Mother"):
        assert kept in page
    for heading in ("## Miss Nell Brandt", "## Harbour Academy", "## Mother\n"):
        assert heading not in page


def test_a_letter_ending_with_its_signature_does_not_break_off():
    blocks = number(tuple(segment(lines("Dear Jean:\n\nThanks for the money, it came in good time.\n\nLove and faithful feelings,\n\nZora\n"))))
    assert not ends_mid_sentence(blocks)
    # a text that stops in the middle of a sentence still does
    assert ends_mid_sentence(number(tuple(segment(lines("Thanks for the money, it came in good time.\n\nAnd then we went down to the\n")))))
