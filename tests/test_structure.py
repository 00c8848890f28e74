"""Structure: captions, run-in headings, paragraphs broken by layout."""

from __future__ import annotations

from textwrap import dedent

from build_docs.clean.structure import ends_mid_sentence, is_heading, number, segment


def lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(dedent(text).strip("\n").split("\n"), start=1))


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in segment(lines(text))]


def test_caption_between_halves_of_a_paragraph_is_set_after_it():
    assert kinds("""
        The trend is one of constant progression. What's more,

        EXPANDING COOPERATION: Two presidents sign a joint statement in Shanghai on May 20

        there have been a series of documents that ensure the direction of ties.
    """) == [
        ("paragraph", "The trend is one of constant progression. What's more, there have been a series of documents that ensure the direction of ties."),
        ("caption", "EXPANDING COOPERATION: Two presidents sign a joint statement in Shanghai on May 20"),
    ]


def test_caption_lead_in_starts_its_own_block_inside_wrapped_text():
    result = kinds("""
        The last sentence of a paragraph.
        DAYS OF OLD: Two countries sign a protocol in Moscow on January 18, 1958
    """)
    assert [k for k, _ in result] == ["paragraph", "caption"]


def test_all_caps_labels_and_numbered_sections_are_headings():
    assert kinds("""
        EXECUTIVE SUMMARY

        II.   Military and Security Cooperation Has Gone Deeper

        Body text follows here and ends with a full stop.
    """)[:2] == [("heading", "EXECUTIVE SUMMARY"), ("heading", "II. Military and Security Cooperation Has Gone Deeper")]


def test_run_in_letter_heading_is_split_from_its_paragraph():
    blocks = segment(lines("A. Free of Interference of the American Factor. The relationship remained free of interference."))
    assert [(b.kind, b.text, b.level) for b in blocks] == [
        ("heading", "A. Free of Interference of the American Factor", 3),
        ("paragraph", "The relationship remained free of interference.", 0),
    ]


def test_sentence_starting_with_an_initial_is_not_a_heading():
    blocks = segment(lines("A. Smith said that the talks went well. Both sides agreed."))
    assert [b.kind for b in blocks] == ["paragraph"]


def test_sentences_and_fragments_are_not_headings():
    assert not is_heading("The two countries signed a treaty.")
    assert not is_heading("there have been a series")
    assert not is_heading("in Moscow, and then")
    assert is_heading("Internal impetus")


def test_captions_are_numbered_with_paragraphs():
    blocks = number(
        segment(
            lines("""
        A Heading

        First paragraph.

        NEXT GENERATION: A caption with a date, November 2, 2013
    """)
        )
    )
    assert [(b.kind, b.anchor) for b in blocks] == [("heading", ""), ("paragraph", "p1"), ("caption", "p2")]


def test_ends_mid_sentence():
    assert ends_mid_sentence(number(segment(lines("A paragraph that stops in a more pow-"))))
    assert not ends_mid_sentence(number(segment(lines("A paragraph that ends well."))))
    truncated_then_caption = number(segment(lines("Text that stops in the\n\nDAYS OF OLD: A caption after it")))
    assert ends_mid_sentence(truncated_then_caption)


def test_short_lines_that_are_text_to_read_are_not_headings():
    """A caption, a credit, a reference-list entry, a contact line, a sentence with its reference marks: shaped like a
    heading (short, no closing punctuation) but text whose names are read like any paragraph's."""
    text = """
        Early life

        St. Jerome in the Desert, by Giovanni Bellini (1505)

        Austen, Jane. Pride and Prejudice

        In 2015, she became a full-time vegan. [24] [25]

        Claire Warwick c.warwick@example.ac.uk Durham University, United Kingdom

        Pointe-à-Pitre: with its suburbs, it is the economic capital

        Buddhist prayer flags, Wat Arun, Bangkok

        Keywords: mutation operators; geographic information systems

        Video games, movies, and more

        Linkages: Mass, Space, and Time

        II. Military and Security Cooperation Has Gone Deeper

        NAMES, PLACES, DATES
    """
    assert [k for k, _ in kinds(text)] == ["heading", *["paragraph"] * 7, "heading", "heading", "heading", "heading"]


def test_a_name_in_a_caption_line_gets_a_page(tmp_path):
    from tests.test_names import entity_names

    pages = entity_names(
        tmp_path,
        "jerome.txt",
        "Jerome\n\nJerome was a priest, confessor, theologian and historian. He was born at Stridon around 347.\n\n"
        "St. Jerome in His Study (1480), by Domenico Ghirlandaio\n\n"
        "He is best known for his translation of most of the Bible into Latin.\n",
    )
    assert pages.get("Domenico Ghirlandaio") == "person"


def test_a_title_case_list_of_three_parts_stays_a_heading():
    assert [k for k, _ in kinds("Lions, Tigers, Bears of the Northern Forests\n\nBody text follows here and ends with a full stop.")] == [
        "heading",
        "paragraph",
    ]
