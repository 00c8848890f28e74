"""Schwartz & Hearst acronym definitions on inline text and the real seeds."""

from __future__ import annotations

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
