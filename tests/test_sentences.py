"""Sentence boundaries: abbreviations, initials, quotes, blank lines, and real speeches."""

from __future__ import annotations

import time

import pytest

from build_docs.extract.sentences import sentence_around, sentence_spans
from tests.conftest import REPO

SPEECHES = REPO.parent / "shared" / "corpora" / "un-general-debate" / "sessions-2010-2024"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_terminal_punctuation_before_a_capital_ends_a_sentence():
    assert sentences("China and Russia signed. Both sides agreed! Was it new? 2014 was the year.") == [
        "China and Russia signed.",
        "Both sides agreed!",
        "Was it new?",
        "2014 was the year.",
    ]


def test_no_break_before_a_lowercase_word_or_without_space():
    assert sentences("Growth was 3.5 per cent. and more, e.g. trade rose.") == ["Growth was 3.5 per cent. and more, e.g. trade rose."]


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Lavrov met Prof. Wang and Dr. Li on Jan. 5 in St. Petersburg. See Fig. 3 and pp. 4-5, cf. Smith et al. Vol. 2 agrees. The end."
    assert sentences(text) == [
        "Mr. Lavrov met Prof. Wang and Dr. Li on Jan. 5 in St. Petersburg.",
        "See Fig. 3 and pp. 4-5, cf. Smith et al. Vol. 2 agrees.",
        "The end.",
    ]


def test_no_needs_its_capital():
    assert sentences("Resolution No. 5 passed. He said no. Then he left.") == ["Resolution No. 5 passed.", "He said no.", "Then he left."]


def test_single_initial_does_not_end_a_sentence():
    assert sentences("It was written by J. Smith and W. H. Auden. They agreed.") == ["It was written by J. Smith and W. H. Auden.", "They agreed."]


def test_dotted_capitals_never_end_a_sentence():
    assert sentences("Talks with the U.S. President began. The U.K. Government agreed.") == [
        "Talks with the U.S. President began.",
        "The U.K. Government agreed.",
    ]
    # The documented price: a sentence that does end with "U.S." runs on.
    assert sentences("Pressure came from the U.S. The next day it stopped.") == ["Pressure came from the U.S. The next day it stopped."]


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    text = "He said: “We will not yield.” Then he left. (That was all.) “Next,” she said. 'Quoted.' [Bracketed.] End"
    assert sentences(text) == ["He said: “We will not yield.”", "Then he left.", "(That was all.)", "“Next,” she said.", "'Quoted.'", "[Bracketed.]", "End"]


def test_question_and_exclamation_marks():
    assert sentences("Why now? Because the time is right! «Quote» follows?! Yes.") == ["Why now?", "Because the time is right!", "«Quote» follows?!", "Yes."]


def test_ellipsis_ends_a_sentence_before_a_capital():
    assert sentences("We waited... Then it came. It was... fine.") == ["We waited...", "Then it came.", "It was... fine."]


def test_line_breaks_inside_a_sentence_are_whitespace():
    text = "The Shanghai Cooperation\nOrganization met in \n Astana. \n The leaders\tagreed."
    assert sentences(text) == ["The Shanghai Cooperation\nOrganization met in \n Astana.", "The leaders\tagreed."]


def test_blank_line_is_a_hard_boundary():
    text = "A heading without a stop\n\nthe paragraph starts lowercase.  \n \t\n  and another one"
    assert sentences(text) == ["A heading without a stop", "the paragraph starts lowercase.", "and another one"]


def test_text_without_terminal_punctuation_is_one_sentence():
    assert sentence_spans("  one long clause and no stop  ") == [(2, 29)]
    assert sentence_spans("") == []
    assert sentence_spans(" \n\n ") == []


def test_spans_exclude_surrounding_whitespace():
    text = "  First one.   Second one.  "
    assert sentence_spans(text) == [(2, 12), (15, 26)]


def test_sentence_around_a_span_in_the_middle_sentence():
    text = "One is short. Two is in the middle. Three ends it."
    start = text.index("middle")
    assert text[slice(*sentence_around(text, start, start + len("middle")))] == "Two is in the middle."


def test_sentence_around_a_span_crossing_two_sentences():
    text = "One is short. Two is in the middle. Three ends it."
    start, end = text.index("short"), text.index("Two") + 3
    assert text[slice(*sentence_around(text, start, end))] == "One is short. Two is in the middle."
    spans = sentence_spans(text)
    assert sentence_around(text, 0, len(text), spans) == (0, len(text))


def test_sentence_around_whitespace_between_sentences_gives_the_next():
    text = "One.   Two."
    assert text[slice(*sentence_around(text, 5, 6))] == "Two."
    assert text[slice(*sentence_around(text, 4, 4))] == "Two."


def test_long_degenerate_input_stays_fast():
    # Runs of dots and spaces are where a backtracking pattern would go quadratic.
    text = ("." * 20_000 + "x") * 5 + ("!" * 20_000 + " " * 20_000) * 5 + ("\n" + " " * 20_000) * 5 + "Mr. " * 20_000 + "A. " * 20_000
    began = time.perf_counter()
    spans = sentence_spans(text)
    assert time.perf_counter() - began < 2
    assert spans


def speeches(count: int) -> list[str]:
    if not SPEECHES.is_dir():
        pytest.skip(f"corpus not found: {SPEECHES}")
    files = sorted(SPEECHES.rglob("*.txt"))[:count]
    return [path.read_text(encoding="utf-8", errors="replace") for path in files]


def test_spans_of_real_speeches_cover_every_non_space_character():
    for text in speeches(8):
        spans = sentence_spans(text)
        assert len(spans) > 10
        previous_end = 0
        covered = 0
        for start, end in spans:
            assert previous_end <= start < end
            assert not text[start].isspace() and not text[end - 1].isspace()
            previous_end = end
            covered += sum(not c.isspace() for c in text[start:end])
        assert covered == sum(not c.isspace() for c in text)
        gaps = [text[a:b] for (_, a), (b, _) in zip(spans, spans[1:], strict=False)]
        assert all(gap.isspace() for gap in gaps)
