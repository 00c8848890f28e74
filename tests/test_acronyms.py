"""Schwartz & Hearst acronym definitions on inline text and the real seeds."""

from __future__ import annotations

from build_docs.extract import acronyms
from build_docs.extract.acronyms import best_long_form, find_definitions, is_short_form
from tests.conftest import REPO


def pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_definitions(text)]


def test_long_form_then_short_form():
    text = "Leaders met at the Shanghai Cooperation Organization (SCO) summit."
    assert pairs(text) == [("SCO", "Shanghai Cooperation Organization")]
    [found] = find_definitions(text)
    assert text[found.start : found.end] == "Shanghai Cooperation Organization (SCO)"


def test_long_form_across_a_line_break_is_folded():
    assert pairs("the United Nations\nDevelopment Programme (UNDP) said") == [("UNDP", "United Nations Development Programme")]


def test_long_form_starting_a_line():
    assert pairs("we support the\nArms Trade Treaty (ATT) fully") == [("ATT", "Arms Trade Treaty")]


def test_a_long_form_after_a_slash_starts_there():
    """ "OSCE/Office for Democratic Institutions and Human Rights (ODIHR)": the office's long form is no name of the
    OSCE's (it read "OSCE/Office ...", which no organisation's name is, so the office got no page)."""
    text = "by implementing especially OSCE/Office for Democratic Institutions and Human Rights (ODIHR) recommendations"
    assert pairs(text) == [("ODIHR", "Office for Democratic Institutions and Human Rights")]
    assert pairs("the Bosnia/Herzegovina (BH) border") == [("BH", "Bosnia/Herzegovina")]  # a slash inside a long form stays


def test_short_form_then_long_form():
    assert pairs("the SCO (Shanghai Cooperation Organization) met") == [("SCO", "Shanghai Cooperation Organization")]


def test_long_form_is_the_shortest_that_spells_it():
    assert best_long_form("MDGs", "the Millennium Development Goals") == "Millennium Development Goals"
    assert pairs("adopted the Millennium Development Goals (MDGs) in 2000") == [("MDGs", "Millennium Development Goals")]


def test_parentheses_that_are_not_definitions():
    assert pairs("China-Russia (former Soviet Union) relations") == []
    assert pairs("a joint investment fund (68 billion RMB in total) for settlement") == []
    assert pairs("postal flights (two or three times a week) from Harbin") == []
    assert pairs("shaped by a third party (the U.S.) to a certain degree") == []
    assert not is_short_form("the U.S. and") and not is_short_form("x")


def test_definitions_in_the_seeds():
    found = set()
    for path in sorted((REPO / "seeds").glob("*.txt")):
        found |= set(pairs(path.read_text(encoding="utf-8")))
    assert ("SCO", "Shanghai Cooperation Organization") in found


# The cases above, as sentences of one paragraph, with what each defines.
SENTENCES = [
    ("Leaders met at the Shanghai Cooperation Organization (SCO) summit.", [("SCO", "Shanghai Cooperation Organization")]),
    ("Money went to the United Nations\nDevelopment Programme (UNDP) again.", [("UNDP", "United Nations Development Programme")]),
    ("We support the\nArms Trade Treaty (ATT) fully.", [("ATT", "Arms Trade Treaty")]),
    ("Then the SCO (Shanghai Cooperation Organization) met.", [("SCO", "Shanghai Cooperation Organization")]),
    ("They adopted the Millennium Development Goals (MDGs) in 2000.", [("MDGs", "Millennium Development Goals")]),
    ("It is about China-Russia (former Soviet Union) relations.", []),
    ("There is a joint investment fund (68 billion RMB in total) for settlement.", []),
    ("There are postal flights (two or three times a week) from Harbin.", []),
    ("It was shaped by a third party (the U.S.) to a certain degree.", []),
]


def test_a_long_paragraph_gives_the_definitions_its_sentences_give():
    """The look-back is bounded, and gives what the unbounded one gave: each sentence's definitions, at the same offsets."""
    parts = [SENTENCES[i % len(SENTENCES)] for i in range(3_000)]  # about 28,000 words, 2,000 parentheses
    text = " ".join(sentence for sentence, _ in parts)
    found = find_definitions(text)
    assert [(d.short, d.long) for d in found] == [pair for _, pairs in parts for pair in pairs]
    expected, at = [], 0
    for sentence, _ in parts:
        expected += [(d.start + at, d.end + at) for d in find_definitions(sentence)]
        at += len(sentence) + 1
    assert [(d.start, d.end) for d in found] == expected


def test_each_parenthesis_reads_a_bounded_stretch_before_it(monkeypatch):
    """Structural, not timed: however long the paragraph, a parenthesis reads at most LOOK_BACK characters before it
    (the text before every parenthesis was re-split from the paragraph's start: 81 s for 64,000 words)."""
    read: list[int] = []
    before = acronyms._before

    def counted(text: str, at: int) -> acronyms._Before:
        found = before(text, at)
        read.append(len(found.text))
        return found

    monkeypatch.setattr(acronyms, "_before", counted)
    text = " ".join(sentence for sentence, _ in SENTENCES) * 200
    find_definitions(text)
    assert len(read) == text.count("(")  # every parenthesis looked back once
    assert max(read) == acronyms.LOOK_BACK  # and never further, 1,800 parentheses into 111,800 characters


def test_a_long_form_longer_than_the_look_back_is_none():
    """The only thing the bound changes: a "long form" that would begin more than LOOK_BACK characters back."""
    word = "x" * (acronyms.LOOK_BACK + 10)
    assert pairs(f"{word}Abc Def (AD)") == []
    assert pairs(f"{word} Abc Def (AD)") == [("AD", "Abc Def")]
    assert pairs(f"{'y' * acronyms.LOOK_BACK}SCO (Shanghai Cooperation Organization)") == []
