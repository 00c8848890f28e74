"""How the date tagger runs its rules: the prefilter skips a rule only where it cannot match, whatever the case of
the text, and the scan around a trigger word finds what finditer over its window finds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from build_docs.extract.timex import find_timexes, tagger
from build_docs.extract.timex.firsts import first_class
from build_docs.extract.timex.prefilter import _REGEX_FOLDS, Prefilter, fold, needs
from build_docs.extract.timex.rules import _RULES, _TRIGGER_REACH, _holding

# At least one match of every rule, in the cases and spellings texts use.
SAMPLES = (
    "Published 2018-06-07, revised 6/7/2018. Signed on Monday, November 2, 2013 and on the 2nd of May, 2014.",
    "Trade rose in February 2013, fell last March and grew in the late 1990s, the sixties and the '80s.",
    "Talks began in 2005 and ran from 2017 to 2019, or between 1992 and 1996, in the 20th century.",
    "They met last summer, on Christmas Eve and on Thanksgiving Day 2015, in the first quarter of 2019.",
    "Results for Q1 2014, 2Q 2015 and H1 2016 beat the latest quarter and the 2014 period.",
    "In the first nine months of last year, the year-earlier quarter and the same period a year ago.",
    "Last year, the week and the end of the month: yesterday, today, tomorrow and tonight, now, currently.",
    "Recently, in the past and in the near future, at a later date, in the coming years, two years ago.",
    "Last Friday morning, this evening, at 3 p.m. EST, at noon, for five months, for years, every week.",
    "In nineteen ninety-four, two thousand and five: a fifteen-year plan, 65 years, a fortnight.",
)
VARIANTS = tuple(v for s in SAMPLES for v in (s, s.upper(), s.lower(), s.swapcase(), s.title()))
FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def test_fold_turns_what_a_case_insensitive_pattern_takes_for_an_ascii_letter_into_that_letter() -> None:
    everything = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    found = {c: a for a in "abcdefghijklmnopqrstuvwxyz" for c in re.findall(a, everything, re.IGNORECASE)}
    assert found == _REGEX_FOLDS
    assert fold("\u0130N THE \u017fPRING") == "in the spring"
    assert len(fold("TÜRKİYE \u212a")) == len("TÜRKİYE \u212a")


def test_every_rule_says_what_its_matches_need_and_every_match_has_it() -> None:
    prefilter = Prefilter(rule.needs for rule in _RULES)
    matched = set()
    for text in VARIANTS:
        for rank, rule in enumerate(_RULES):
            for m in rule.pattern.finditer(text):
                matched.add(rule.name)
                assert prefilter.allowed(m[0])[rank], (rule.name, m[0])
    assert all(rule.needs is not None for rule in _RULES)
    assert matched == {rule.name for rule in _RULES}


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("We met in the SPRING OF 2014.", "the SPRING OF 2014", "2014-SP"),
        ("We will act as soon as possıble.", "as soon as possıble", "FUTURE_REF"),  # a dotless i: the pattern's "i"
        ("We will act AS SOON AS POSSİBLE.", "AS SOON AS POSSİBLE", "FUTURE_REF"),  # lowercased, "İ" is two characters
        ("The minister arrived Yesterday.", "Yesterday", "2018-06-06"),
        ("We meet EVERY WEEK.", "EVERY WEEK", "P1W"),
        ("Output rose in THE FIRST QUARTER.", "THE FIRST QUARTER", "2018-Q1"),
        ("Results for q1 2014 were strong.", "q1 2014", "2014-Q1"),
        ("It began at NOON today.", "NOON today", "2018-06-07T12:00"),
        ("Ties grew in RECENT YEARS.", "RECENT YEARS", "PAST_REF"),
        ("It shaped the 20th Century.", "the 20th Century", "19"),
        ("They met Between 1992 And 1996.", "Between 1992 And 1996", "1992"),
    ],
)
def test_a_rule_fires_when_its_word_is_written_in_another_case(text: str, words: str, value: str) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, "2018-06-07") if t.text == words] == [(words, value)]


def test_the_prefilter_changes_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = list(VARIANTS) + [p for f in sorted(FIXTURES.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")]
    filtered = [find_timexes(text, "2018-06-07") for text in texts]
    monkeypatch.setattr(tagger, "_PREFILTER", Prefilter(None for _ in _RULES))
    assert [find_timexes(text, "2018-06-07") for text in texts] == filtered


def test_needed_words_are_cut_to_the_shortest_and_must_be_plain() -> None:
    assert needs(cased=["September", "Sept", "Sep", "May"]).cased == ("May", "Sep")
    assert needs(anycase=["Quarter", "quarters"]).anycase == ("quarter",)
    with pytest.raises(ValueError):
        needs(anycase=["the year"])


@pytest.mark.parametrize("pattern", [r"(?:the\s+)?(?:two|\d+)\s+years?", r"x*", r"(?:a\s+)?b?x*y", r"(?<=a)b|b*", r"\bx\b|(?=y)"])
def test_the_scan_around_a_trigger_finds_what_finditer_over_its_window_finds(pattern: str) -> None:
    first = first_class(pattern, re.IGNORECASE)
    compiled = re.compile(pattern, re.IGNORECASE)
    text = "In the two years, 3 years ago, abxxy the year b xy  yy x " * 3
    for starts in {None, re.compile(first, re.IGNORECASE) if first else None}:
        for start in range(len(text)):
            for end in (start + 1, start + 4):
                low, high = max(0, start - _TRIGGER_REACH), min(len(text), end + _TRIGGER_REACH)
                expected = [m.span() for m in compiled.finditer(text, low, high) if m.start() <= start and end <= m.end()]
                assert [m.span() for m in _holding(compiled, starts, text, start, end)] == expected, (start, end)


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?:the\s+)?(?P<n>\d+)\s+years", r"[\dt]"),
        (r"(?<![\w$])\b(?:last|(?-i:May))\b", "[Ml]"),
        (r"(?:a|b)?(?:c|d*)e", "[abcde]"),
        (r"[A-C][^x]", "[A-C]"),
        (r"x*", None),  # can match the empty string
        (r"(?:a|.)b", None),  # any character
        (r"[^\d]b", None),  # a negated class
        (r"(?i:a)b", None),  # a case-insensitive part of a case-sensitive pattern
    ],
)
def test_the_characters_a_match_can_begin_with(pattern: str, first: str | None) -> None:
    flags = 0 if "(?i:" in pattern else re.IGNORECASE
    assert first_class(pattern, flags) == first


def test_the_lookahead_before_each_rule_changes_no_match() -> None:
    for rule in _RULES:
        assert rule.starts is not None, rule.name  # every rule's first characters are known
        bare = re.compile(rule.pattern.pattern.removeprefix(f"(?={rule.starts.pattern})"), re.IGNORECASE)
        assert bare.pattern != rule.pattern.pattern
        for text in VARIANTS:
            assert [m.span() for m in bare.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)], rule.name
