"""The words the rules read: tables loaded from ``build_docs/data/timex/``, and the patterns made of them.

Each table is read once, at import, into the shape the rules use (a dict from the lowercased word to
its value, or an alternation for a regular expression, in file order). The shared pieces of pattern
that need no table (a day, a year, a unit) are here too, so that every rule builds on the same ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from build_docs.data import lines, words


def _alternation(entries: Iterable[str]) -> str:
    """Entries as one alternation, in their order: each entry literal, a space matching any whitespace."""
    return "|".join(re.escape(entry).replace(r"\ ", r"\s+") for entry in entries)


def _phrases(name: str) -> str:
    """A list's entries as one alternation, in file order."""
    return _alternation(lines(name))


def _columns(name: str) -> list[list[str]]:
    return [line.split() for line in lines(name)]


# ---------------------------------------------------------------- calendar names

_MONTH_NAMES = _columns("timex/months.txt")  # per month: its full name, then its abbreviations
MONTHS = {name.lower(): number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
WEEKDAYS = {name.lower(): number for number, name in enumerate(lines("timex/weekdays.txt"), 1)}
SEASONS = {name: code for code, _, _, *names in _columns("timex/seasons.txt") for name in names}
_SEASON_MONTHS = {code: (int(first), int(last)) for code, first, last, *_ in _columns("timex/seasons.txt")}
_PARTS_OF_DAY = {word: code for word, code in _columns("timex/parts-of-day.txt")}
_HOLIDAY_DATES = [line.rsplit(maxsplit=1) for line in lines("timex/holidays.txt")]  # name, "MM-DD"
_HOLIDAYS = {name.lower(): (int(when[:2]), int(when[3:])) for name, when in _HOLIDAY_DATES}
_DURATION_MODS = {phrase: mod for phrase, mod in (line.rsplit(maxsplit=1) for line in lines("timex/duration-mods.txt"))}
_AMBIGUOUS_MONTHS = words("timex/month-words.txt")  # "may", "march": alone, words rather than months

# Month and weekday names are matched case-sensitively ("may", "march" are also verbs); the rest ignores case.
_MONTH = (
    rf"(?-i:(?P<month>{'|'.join(names[0] for names in _MONTH_NAMES)}"
    rf"|(?:{'|'.join(name for names in _MONTH_NAMES for name in names[1:])})\b\.?))"
)
_WEEKDAY = rf"(?-i:(?P<weekday>{'|'.join(lines('timex/weekdays.txt'))}))"
_SEASON = "|".join(SEASONS)  # "spring|summer|fall|autumn|winter"
_PART_OF_DAY = "|".join(_PARTS_OF_DAY)  # "morning|afternoon|evening|night"
_HOLIDAY = _alternation(name for name, _ in _HOLIDAY_DATES)  # the fixed ones; Thanksgiving is a rule
_TIME_ZONE = _phrases("timex/time-zones.txt")

# ---------------------------------------------------------------- pieces of pattern

_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)\b"
_YEAR = r"(?P<year>1\d{3}|20\d{2})(?![\d%])"
_YEAR_AFTER_DAY = r"[^\S\n]*(?:,[^\S\n]*)?(?:\n[^\S\n]*)?"  # "May 20, 2014", "Nov 21 , 2014", or across one line break (a wrapped line)
_UNIT = r"(?P<unit>years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centur(?:y|ies)|quarters?|fortnights?)"
_NOT_AMOUNT = r"(?<![\w$€£¥#.,/-])"  # not inside a word, a number, a code or an amount
_WORLD = rf"(?:{_phrases('timex/world-nouns.txt')})\b"  # "today's world"
_SENTENCE_START = re.compile(r"[.!?]\s+|\n|^")

# ---------------------------------------------------------------- tense

# Words that put a clause in the future: they make "Friday" the coming Friday and "May" the next May.
_FUTURE_WORDS = _phrases("timex/future-words.txt")
_FUTURE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b", re.I)
_FUTURE_AFTER = re.compile(r"\b(?:will|'ll|shall|is\s+to|are\s+to)\b", re.I)  # "By 2023 the line will ..."
_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|ago)\b")
# For certainty, also what announces a plan or a forecast, even reported in the past ("said it would open by 2020").
_PLANNED = re.compile(rf"\b(?:{_FUTURE_WORDS}|{_phrases('timex/plan-words.txt')})\b", re.I)

# ---------------------------------------------------------------- what makes a number a year, or not

# What a counted number is followed by: "2000 troops" is not a year.
_COUNTED = _phrases("timex/counted-nouns.txt")
# What introduces a number that is an identifier: "No. 2013", "Resolution 2017", "p. 1998", "$2000".
_IDENTIFIER_BEFORE = re.compile(rf"(?:\b(?:{_phrases('timex/identifier-words.txt')})\.?|[#№$€£¥])\s*$", re.I)
# Words after which a four-digit number is a year, whatever its value ("in 1492"), and a year it is listed with.
_YEAR_WORD_BEFORE = re.compile(rf"\b(?:{_phrases('timex/year-cues.txt')})[\s,-]*$|\($|\b(?:1\d{{3}}|20\d\d)\s+(?:and|or)\s+$", re.I)
# Capitalised words before a number that do not make it part of a name ("That 1978 resolution", "For 1988, ...").
_NOT_NAMES = set(MONTHS) | set(SEASONS) | words("timex/not-names.txt")
# Words after which a month named alone is a date ("in March"), or a determiner ("the March meeting").
_MONTH_CUE = re.compile(rf"\b(?:{_phrases('timex/month-cues.txt')})[\s-]*$|\b(?:a|an|the|its|their|his|her|our)\s+$", re.I)
