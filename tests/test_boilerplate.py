"""Page furniture found by general rules, each removal with its reason."""

from __future__ import annotations

from build_docs.clean.boilerplate import furniture, has_no_words, is_interface, is_link_row, shared_lines


def test_interface_controls():
    for text in ("Language : English 简体 繁體", "Adjust font size: + -", "You might also like", "Back to Top", "Share", "PRINT"):
        assert is_interface(text), text
    for text in ("Print media in Russia grew fast.", "Home affairs ministers met in June.", "Language policy of the two states"):
        assert not is_interface(text), text


def test_link_rows_and_lines_without_words():
    assert is_link_row("http//www.bjreview.com") and is_link_row("http://www.bj review.com")
    assert is_link_row("Home | World | Business | Sport")
    assert not is_link_row("The site www.example.org published the full text of the treaty in 2001.")
    assert has_no_words("27 10-55128") and has_no_words("* * *")
    assert not has_no_words("In 1996, yes")


def test_lines_shared_by_unrelated_sources_but_not_by_witnesses():
    sources = [
        ("a", ["Related Reading", "Text of a."]),
        ("b", ["Related Reading", "Text of b."]),
        ("c", ["A steady pace", "x"]),
        ("d", ["A steady pace", "y"]),
    ]
    assert shared_lines(sources, groups=[("c", "d")]) == {"related reading"}


def test_furniture_keeps_headings_and_lists_each_removal():
    body = list(
        enumerate(
            [
                "Language : English",
                "Internal impetus",
                "It is common interests that have driven them closer.",
                "http://www.example.com",
                "42",
                "The end of the article.",
                "Tags",
                "More from this author",
            ],
            start=1,
        )
    )
    removed = furniture(body)
    assert [(r.line, r.reason) for r in removed] == [(1, "interface"), (4, "link"), (5, "no words"), (7, "interface"), (8, "after the text")]


def test_running_heads_repeated_in_one_source():
    body = [(i, "BEIJING REVIEW JULY 2014" if i % 3 == 0 else f"Sentence number {i} of the text.") for i in range(1, 13)]
    assert {r.reason for r in furniture(body)} == {"repeated in the source"}


def test_a_piece_of_a_wrapped_sentence_is_text_however_often_other_sources_repeat_it():
    """Hard-wrapped speeches break "the United Nations system." after "United", and open with "I" / "should like ..." or
    "Mr. President," in many files; those short lines are the speakers' words, not furniture shared across sources,
    while a real shared line, or a running head in capitals inside a sentence, still goes."""
    lines = [
        (1, "and their recognition as a discrete group within the United"),
        (2, "Nations system."),
        (3, ""),
        (4, "Related Reading"),
    ]
    shared = shared_lines([("a", ["Nations system.", "Related Reading"]), ("b", ["Nations system.", "Related Reading"])])
    removed = furniture(lines, shared)
    assert [(r.line, r.reason) for r in removed] == [(4, "repeated across sources")]
    heads = [(1, "the talks went on for a long time and then the delegates of"), (2, "BEIJING REVIEW JULY 2014"), (3, "both sides agreed.")]
    assert [r.line for r in furniture(heads, frozenset({"beijing review july 2014"}))] == [2]  # a running head mid-sentence
    openings = [(1, "I"), (2, "should like, first of all, to thank the speakers."), (3, "")]
    openings += [(4, "Mr. President,"), (5, "I have the honour to speak for my country today.")]
    shared = frozenset({"i", "mr. president,"})
    assert furniture(openings, shared) == []  # a sentence's first words, on a line of their own
    assert [r.line for r in furniture([(1, "Mr. President,"), (2, ""), (3, "Home News Sport Business")], shared)] == [1]
    names = [(1, "the parties to the United Nations Framework Convention on Climate"), (2, "Change."), (3, "Long live the"), (4, "Republic!")]
    assert furniture(names, frozenset({"change.", "long live the"})) == []  # a name broken off; a sentence going on
    cited = [(1, "for his report on the work of our Organization"), (2, "(A/65/1)."), (3, "we need to"), (4, "36"), (5, "ensure that")]
    assert [(r.line, r.reason) for r in furniture(cited)] == [(4, "no words")]  # a citation ends the sentence; a page number
