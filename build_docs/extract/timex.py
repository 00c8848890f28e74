"""Temporal expressions: where an English text says *when*, and what that is as a TIMEX3 value.

This module owns the reading of dates, durations and sets for the timeline of dated statements.
``find_timexes(text, anchor)`` returns every temporal expression with its offsets into ``text``
and a TIMEX3 value ("2013-11-02", "2013-02", "196X", "2018-Q1", "P2Y", "PRESENT_REF", ...),
resolving the relative ones ("last year", "on Monday", "a year earlier") against the document
date ``anchor``.

How, and why this way:

* A table of rules (``_RULES``), each one compiled regular expression run once over the text with
  ``finditer``; every guard looks at a bounded window around its match. The cost is linear in the
  length of the text, whatever it holds.
* Overlapping candidates are settled longest-first ("November 2, 2013" beats "2013"), then each
  survivor may take a modifier written just before or after it ("early", "the end of", "around",
  "or later"), which becomes the TIMEX3 ``mod`` and part of the span, as TimeML annotates it.
* Values are computed in reading order, because some depend on what came before: "a year
  earlier" shifts the last date mentioned, "the year-earlier quarter" the last quarter, and
  "on May 20" without an anchor takes the nearest year stated in the text.
* There is no part-of-speech tagger, so tense comes from a few words in the clause ("will",
  "since", "was", a past verb right before the date). It decides which side of the anchor a bare
  "Friday", "March" or "May 20" falls on; without a clue, news reports the past.
* Spans follow TimeML/TimeBank: prepositions stay out ("in 2005" tags "2005"), determiners and
  modifiers stay in ("the 1990s", "early 2014", "the past two years"). Ranges are the exception:
  "from 2018 to 2022" is one expression with ``end_value``, because a timeline wants the period.
* A number is a year only where nothing says it is something else: not inside a larger number,
  an amount, a code ("S-400", "Joint Sea-2017"), an issue number or a name ("Expo 2010"), and not
  followed by a counted noun ("2000 troops"). Years before 1800 also need a word that makes them
  years ("in 1492").

``precision`` takes the values listed on :class:`Timex`, plus "week", "half" and "time", which
"last week", "the first half of 2019" and "3 p.m." need. Decades are written "196X" and
centuries "19" (the 20th century).
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

__all__ = ["Timex", "find_timexes"]


@dataclass(frozen=True)
class Timex:
    """One temporal expression: ``text[start:end] == self.text`` for the text it was found in.

    ``certainty`` says where the value comes from: "stated" (written out in full), "inferred"
    (resolved against the anchor or the surrounding text: "last year", "on May 20") or
    "expected" (a future or planned date: "by 2023", "will ... in 2025", "next year").
    A range is ``value``/``end_value`` with precision "range".
    """

    start: int
    end: int
    text: str
    value: str
    type: str
    precision: str
    certainty: str
    end_value: str = ""
    mod: str = ""
    anchored: bool = False


# ---------------------------------------------------------------- lexicon

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6,
    "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {
    word: value for words, first, step in ((_ONES, 1, 1), (_TEENS, 10, 1), (_TENS, 20, 10)) for value, word in zip(range(first, 100, step), words, strict=False)
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": 4, "final": 4,
}  # fmt: skip
_DECADE_WORDS = {word[:-1] + "ies": value // 10 for word, value in _WORD_VALUES.items() if word in _TENS}  # "sixties": 6

# Month and weekday names are matched case-sensitively ("may", "march" are also verbs); the rest ignores case.
_MONTH = (
    r"(?-i:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?))"
)
_WEEKDAY = r"(?-i:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)\b"
_YEAR = r"(?P<year>1\d{3}|20\d{2})(?![\d%])"
_YEAR_AFTER_DAY = r"[^\S\n]*(?:,[^\S\n]*)?(?:\n[^\S\n]*)?"  # "May 20, 2014", "Nov 21 , 2014", or across one line break (a wrapped line)
_WORDNUM = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|{'|'.join(_ONES)})\b"
_VAGUE = r"a\s+couple\s+of|a\s+few|a\s+number\s+of|several|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of|many|some|few|the\s+last\s+few"
_NUM = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|(?:{_WORDNUM}|a|an)\s+(?:hundred|thousand)|{_WORDNUM}|{_VAGUE}|an?\b)"
_UNIT = r"(?P<unit>years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centur(?:y|ies)|quarters?|fortnights?)"
_NOT_AMOUNT = r"(?<![\w$€£¥#.,/-])"  # not inside a word, a number, a code or an amount

# Words that put a clause in the future: they make "Friday" the coming Friday and "May" the next May.
_FUTURE_WORDS = (
    r"will|'ll|shall|going\s+to|plans?\s+to|planned\s+to|planning\s+to|scheduled\s+to|(?:is|are)\s+scheduled|expects?\s+to|(?:is|are)\s+expected\b|"
    r"(?:is|are)\s+due\s+to|set\s+to|(?:is|are)\s+to|aims?\s+to|intends?\s+to|to\s+be\s+(?:held|completed|finished|launched|built|opened|signed)|upcoming|forthcoming"
)
_FUTURE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b", re.I)
_FUTURE_AFTER = re.compile(r"\b(?:will|'ll|shall|is\s+to|are\s+to)\b", re.I)  # "By 2023 the line will ..."
_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|ago)\b")
# For certainty, also what announces a plan or a forecast, even reported in the past ("said it would open by 2020").
_PLANNED = re.compile(rf"\b(?:{_FUTURE_WORDS}|would|expected\s+to|projected\s+to|forecast\s+to|targeted\s+for)\b", re.I)
# What a counted number is followed by: "2000 troops" is not a year.
_COUNTED = (
    r"tons?|tonnes?|troops|people|persons|soldiers|servicemen|men|women|children|km|kilomet(?:er|re)s|miles|met(?:er|re)s|feet|"
    r"dollars|yuan|rmb|rubles|roubles|euros|pounds|yen|rupees|barrels|units|vehicles|aircraft|planes|jets|tanks|ships|vessels|"
    r"companies|firms|enterprises|students|workers|employees|members|delegates|households|families|residents|jobs|cars|trucks|"
    r"hectares|acres|square|cubic|mw|kw|gw|mwh|kwh|votes|seats|cases|deaths|casualties|projects|items|pieces|copies|times|"
    r"percent|per|million|billion|thousand|hundred|kg|kilograms|grams|mm|cm|m|sq|points|games|shares|pages|words|characters|"
    r"rounds|missiles|warheads|launchers|beds|rooms|villages|towns|cities|schools|hospitals|kids|visitors|tourists|passengers|"
    r"cameras|computers|phones|titles|species|ha|bcm|cu|mt|bpd|b/d|lbs?|oz|calories|volunteers|officials|officers"
)
# What introduces a number that is an identifier: "No. 2013", "Resolution 2017", "p. 1998", "$2000".
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|issue|vol|volume|page|pages|p|pp|art|article|room|flight|route|highway|resolution|model|type|form|"
    r"code|tel|phone|fax|ext|box|suite|item|chapter|section|paragraph|para|ch|sec|id|ref|version|ver|v|series|serial|patent|"
    r"isbn|issn|doi|decree|account)\.?|[#№$€£¥])\s*$",
    re.I,
)
# Words after which a four-digit number is a year, whatever its value ("in 1492"), and a year it is listed with.
_YEAR_WORD_BEFORE = re.compile(
    r"\b(?:in|since|by|from|until|till|to|through|throughout|of|before|after|during|circa|ca\.|c\.|early|late|mid|"
    r"fiscal|year|the\s+end\s+of|spring|summer|fall|autumn|winter|as\s+of|between)[\s,-]*$|\($|\b(?:1\d{3}|20\d\d)\s+(?:and|or)\s+$",
    re.I,
)
# Capitalised words before a number that do not make it part of a name ("That 1978 resolution", "For 1988, ...").
_NOT_NAMES = set(MONTHS) | set(SEASONS) | {
    "the", "that", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", "a", "an", "for", "and", "or", "than",
    "about", "around", "last", "next", "only", "since", "until", "after", "before", "during", "through", "from", "by", "in", "of", "to",
}  # fmt: skip
_WORLD = r"(?:world|society|era|age|generation|youth|economy|standards|times|global|international|china|russia)\b"  # "today's world"
_SENTENCE_START = re.compile(r"[.!?]\s+|\n|^")


# ---------------------------------------------------------------- the anchor and calendar arithmetic


@dataclass(frozen=True)
class _Anchor:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None

    @property
    def quarter(self) -> int | None:
        return (self.month - 1) // 3 + 1 if self.month else None

    @property
    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


def _parse_anchor(anchor: str | None) -> _Anchor | None:
    """ "2018-06-07", "2018-06" or "2018" (anything after the date, such as a time, is ignored)."""
    if not anchor:
        return None
    found = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", anchor.strip())
    if not found:
        raise ValueError(f"anchor must be YYYY, YYYY-MM or YYYY-MM-DD, not {anchor!r}")
    year, month, day = (int(g) if g else None for g in found.groups())
    result = _Anchor(year or 0, month, day)
    result.first  # noqa: B018 -- raises ValueError for an impossible date such as 2018-02-30
    return result


def _number(text: str) -> float | None:
    """ "twenty four" -> 24, "3" -> 3, "a" -> 1, "2 1/2" -> 2.5; None for a vague amount ("several")."""
    text = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d+\s+1/2", text):
        return float(text.split()[0]) + 0.5
    fixed = {"a": 1, "an": 1, "a dozen": 12}
    if text in fixed or text.startswith("a couple"):
        return fixed.get(text, 2)
    words = re.split(r"[\s-]+", text)
    if words[-1] in ("hundred", "thousand"):
        head = 1 if words[0] in ("a", "an") else _WORD_VALUES.get(words[0])
        return head * (100 if words[-1] == "hundred" else 1000) if head else None
    if all(w in _WORD_VALUES for w in words):
        return float(sum(_WORD_VALUES[w] for w in words))
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _shift(value: str, n: int, unit: str) -> str | None:
    """``value`` moved by ``n`` units, keeping its granularity; None when the two do not mix."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        d = date(*map(int, m.groups()))
        if unit in ("day", "week"):
            return (d + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
        if unit in ("month", "year"):
            y, mo = _add_months(d.year, d.month, n * (12 if unit == "year" else 1))
            return date(y, mo, min(d.day, calendar.monthrange(y, mo)[1])).isoformat()
    elif m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        if unit in ("month", "year"):
            y, mo = _add_months(int(m[1]), int(m[2]), n * (12 if unit == "year" else 1))
            return f"{y:04d}-{mo:02d}"
    elif m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        if unit in ("quarter", "year"):
            index = int(m[1]) * 4 + int(m[2]) - 1 + n * (4 if unit == "year" else 1)
            return f"{index // 4:04d}-Q{index % 4 + 1}"
    elif m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        if unit == "week":
            return _week(date.fromisocalendar(int(m[1]), int(m[2]), 1) + timedelta(weeks=n))
    elif (m := re.fullmatch(r"(\d{4})(-(?:H\d|SP|SU|FA|WI))?", value)) and unit == "year":
        return f"{int(m[1]) + n:04d}{m[2] or ''}"
    return None


def _relative(anchor: _Anchor | None, n: int, unit: str) -> tuple[str, str] | None:
    """The anchor moved by ``n`` units, at that unit's granularity: (value, precision); None if the anchor is too coarse."""
    if anchor is None:
        return None
    if unit == "year":
        return f"{anchor.year + n:04d}", "year"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}X", "decade"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}", "century"
    if unit == "month" and anchor.month:
        y, m = _add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}", "month"
    if unit == "quarter" and anchor.quarter:
        index = anchor.year * 4 + anchor.quarter - 1 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}", "quarter"
    if unit in ("week", "weekend") and anchor.date:
        return _week(anchor.date + timedelta(weeks=n)) + ("-WE" if unit == "weekend" else ""), "week"
    if unit == "day" and anchor.date:
        return (anchor.date + timedelta(days=n)).isoformat(), "day"
    return None


def _period(value: str) -> tuple[date, date] | None:
    """The first and last day of a TIMEX3 date value ("2018", "2018-Q3", "196X", "19", "2018-06-07T15:00"); None for the rest.

    A value no calendar has ("February 30, 2015", week 53 of a 52-week year) has no period: None, never an error.
    """
    try:
        return _period_of(value)
    except ValueError:
        return None


def _period_of(value: str) -> tuple[date, date] | None:
    if m := re.fullmatch(r"(\d{2})(\d)?X?", value):  # century "19", decade "196X"
        first = int(m[1]) * 100 + int(m[2] or 0) * 10
        return date(first, 1, 1) if first else date(1, 1, 1), date(first + (9 if m[2] else 99), 12, 31)
    if not (m := re.match(r"(\d{4})(?:-(\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2})(?:-(\d{2}))?)?", value)):
        return None
    year, part, day = int(m[1]), m[2], m[3]
    if part is None:
        return date(year, 1, 1), date(year, 12, 31)
    if part.startswith("W") and part[1:].isdigit():
        first = date.fromisocalendar(year, int(part[1:]), 1)
        return first, first + timedelta(days=6)
    if day:
        d = date(year, int(part), int(day))
        return d, d
    if part.isdigit():
        months = (int(part), int(part))
    elif part[0] in "QH":
        size = 3 if part[0] == "Q" else 6
        months = (size * int(part[1]) - size + 1, size * int(part[1]))
    else:
        months = _SEASON_MONTHS[part]
    end_year = year + (months[1] < months[0])
    return date(year, months[0], 1), date(end_year, months[1], calendar.monthrange(end_year, months[1])[1])


def _precision_of(value: str) -> str:
    if re.search(r"-(?:SP|SU|FA|WI)$", value):
        return "season"
    for code, precision in (("-Q", "quarter"), ("-W", "week"), ("-H", "half")):
        if code in value:
            return precision
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "")


def _unit_of(word: str) -> str:
    word = word.lower().rstrip("s")
    return {"yr": "year", "hr": "hour", "min": "minute", "centurie": "century"}.get(word, word)


# ---------------------------------------------------------------- what a rule means, and the reading state it may use


@dataclass(frozen=True)
class _Meaning:
    value: str
    type: str = "DATE"
    precision: str = ""
    anchored: bool = False
    end_value: str = ""
    mod: str = ""
    stated: bool = False  # written out in full: its year may resolve a later "May 20"
    from_ref: bool = False  # computed from the last date mentioned, so it does not become the next reference


_PAST, _PRESENT, _FUTURE_REF = _Meaning("PAST_REF"), _Meaning("PRESENT_REF"), _Meaning("FUTURE_REF")


def _anchored(found: tuple[str, str] | None, fallback: _Meaning, mod: str = "") -> _Meaning:
    """The meaning of a value computed from the anchor, or ``fallback`` when there was none to compute from."""
    return _Meaning(found[0], precision=found[1], anchored=True, mod=mod) if found else replace(fallback, mod=mod)


@dataclass
class _Reading:
    """What reading order has established so far; the one mutable thing, private to one call."""

    text: str
    anchor: _Anchor | None
    years: list[tuple[int, int]] = field(default_factory=list)  # (offset, year) of the stated years, in order
    ref: str | None = None  # the last date mentioned, for "a year earlier", "the following day"
    quarter_ref: str | None = None  # the last quarter mentioned, for "the year-earlier quarter"

    def window(self, start: int, end: int) -> tuple[str, str]:
        """The sentence up to the match (at most 150 characters) and the clause after it (at most 50)."""
        before = self.text[max(0, start - 150) : start]
        cut = list(_SENTENCE_START.finditer(before))
        before = before[cut[-1].end() :] if cut else before
        after = re.split(r"[,;:.!?()\n]", self.text[end : end + 50], maxsplit=1)[0]
        return before, after

    def future(self, start: int, end: int, planned: bool = False) -> bool:
        """Whether the sentence speaks of the future (``planned``: or of a plan or forecast)."""
        before, after = self.window(start, end)
        return bool((_PLANNED if planned else _FUTURE).search(before) or _FUTURE_AFTER.search(after))

    def tense(self, start: int, end: int) -> str | None:
        """ "future", "past" or None for the clause around ``start:end``: from the preposition before it ("since",
        "until"), future or past auxiliaries in the clause, or a past verb right before it ("ended Jan. 31")."""
        before, after = self.window(start, end)
        if prep := re.search(r"\b(since|until|till|by|effective|payable|to)\s+$", before, re.I):
            return {"since": "past", "to": None}.get(prep[1].lower(), "future")
        clause = re.split(r"[,;:]", before)[-1]
        if _FUTURE.search(clause + " " + after):
            return "future"
        past = _PAST_WORDS.search(clause + " " + after) or re.search(r"\b[a-z]{3,}ed\s+(?:(?:on|in|at|during)\s+)?$", clause)
        return "past" if past else None

    def year_near(self, offset: int) -> int | None:
        """The stated year nearest ``offset`` (the earlier one when two are as near): for "May 20" without an anchor."""
        i = bisect.bisect_left(self.years, (offset, 0))
        options = [self.years[j] for j in (i - 1, i) if 0 <= j < len(self.years)]
        return min(options, key=lambda p: abs(p[0] - offset))[1] if options else None


def _g(m: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that the pattern has and that matched."""
    return next((m[n] for n in names if n in m.re.groupindex and m[n] is not None), None)


def _month_num(m: re.Match[str]) -> int:
    return MONTHS[m["month"].lower().rstrip(".")]


# ---------------------------------------------------------------- meanings: calendar dates


def _day_in_year(reading: _Reading, m: re.Match[str], month: int, day: int) -> _Meaning | None:
    """A month and day without a year: the nearest such date to the anchor, on the side the clause's tense says;
    without an anchor, the nearest year stated in the text."""
    anchor = reading.anchor
    if anchor and anchor.date:
        options = []
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                options.append(date(year, month, day))
            except ValueError:
                continue
        if not options:
            return None
        tense = reading.tense(m.start(), m.end())
        if tense == "future":
            options = [d for d in options if d >= anchor.date - timedelta(days=7)] or options
        elif tense == "past":
            options = [d for d in options if d <= anchor.date + timedelta(days=7)] or options
        best = min(options, key=lambda d: abs((d - anchor.date).days))
        return _Meaning(best.isoformat(), precision="day", anchored=True)
    year = anchor.year if anchor else reading.year_near(m.start())
    if year is None:
        return _Meaning(f"XXXX-{month:02d}-{day:02d}", precision="day")
    try:
        return _Meaning(date(year, month, day).isoformat(), precision="day", anchored=anchor is not None)
    except ValueError:
        return None


def _full_date(m: re.Match[str], reading: _Reading) -> _Meaning | None:
    """ "November 2, 2013", "2 November 2013", "2018-06-07", "11/2/2013", or without the year "on May 20"."""
    month = int(mnum) if (mnum := _g(m, "mnum")) else _month_num(m)
    if not m["year"]:
        return _day_in_year(reading, m, month, int(m["day"]))
    try:
        return _Meaning(date(int(m["year"]), month, int(m["day"])).isoformat(), precision="day", stated=True)
    except ValueError:
        return None


def _month_year(m: re.Match[str], reading: _Reading) -> _Meaning:
    return _Meaning(f"{m['year']}-{_month_num(m):02d}", precision="month", stated=True)


def _bare_month(m: re.Match[str], reading: _Reading) -> _Meaning | None:
    """ "in March", "last June", "January this year": the latest such month, unless the clause looks ahead."""
    month, rel, anchor = _month_num(m), (m["rel"] or "").lower(), reading.anchor
    if m["yrel"]:
        shift = {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
        return (
            _Meaning(f"{anchor.year + shift:04d}-{month:02d}", precision="month", anchored=True) if anchor else _Meaning(f"XXXX-{month:02d}", precision="month")
        )
    if anchor is None:
        return _Meaning(f"XXXX-{month:02d}", precision="month")
    year = anchor.year
    if anchor.month is None or rel == "this":
        pass
    elif rel == "last":
        year -= month >= anchor.month
    elif rel == "next":
        year += month <= anchor.month
    else:
        tense = reading.tense(m.start(), m.end())
        if tense == "future":
            year += month < anchor.month
        elif tense == "past":
            year -= month > anchor.month
        else:  # news mostly reports: the latest such month, unless it is just ahead
            year -= month > anchor.month + 1
    return _Meaning(f"{year:04d}-{month:02d}", precision="month", anchored=True)


def _bare_month_keep(m: re.Match[str], text: str) -> bool:
    """A month name alone is a date after a temporal word or a determiner, or when it cannot be a name or a verb."""
    if m["rel"] or m["yrel"]:
        return True
    before = text[max(0, m.start() - 25) : m.start()]
    temporal = r"in|on|by|since|until|till|through|during|from|to|of|before|after|early|late|mid|end|beginning|each|every|last|next|this|that|and|or"
    if re.search(rf"\b(?:{temporal})[\s-]*$|\b(?:a|an|the|its|their|his|her|our)\s+$", before, re.I):
        return True
    if re.match(r"\s+[A-Z][a-z]", text[m.end() : m.end() + 5]):  # "June Smith"
        return False
    name = m["month"].rstrip(".").lower()
    return name not in ("may", "march", "june", "august", "jan", "mar", "jun", "aug") and (len(name) > 3 or m["month"].endswith("."))


def _year(m: re.Match[str], reading: _Reading) -> _Meaning:
    mod = {"mid": "MID", "pre": "BEFORE", "post": "AFTER"}.get((m["pfx"] or "").lower(), "")
    return _Meaning(m["year"], precision="year", mod=mod, stated=True)


def _year_keep(m: re.Match[str], text: str) -> bool:
    """A four-digit number is a year unless it is part of a code, an amount, a count or a name."""
    year, before, after = int(m["year"]), text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 30]
    if re.match(rf"(?:[.,/:]\d|-\d|-?[A-Za-z]\w|\s*(?:%|{_COUNTED})\b)", after, re.I) and not re.match(r"-(?:year|month)", after, re.I):
        return False
    number_before = re.search(r"(\d+)[\s,.]*$", before)
    if number_before and not re.fullmatch(r"1\d{3}|20\d\d", number_before[1]):  # "12, 1500": a list of numbers, unless of years
        return False
    if _IDENTIFIER_BEFORE.search(before) or re.search(r"[A-Za-z]-$", before):
        return False
    if m["pfx"] or m["fiscal"] or m["the_year"] or _YEAR_WORD_BEFORE.search(before):
        return True
    name = re.search(r"\b([A-Z][\w&.'-]*)\s+$", before)  # "Orion 1980", "Expo 2010", "Vision 2030"
    if name and name[1].lower().rstrip(".") not in _NOT_NAMES and not name[1].endswith(("'s", "’s")):
        return False
    return year >= 1800


def _year_range(m: re.Match[str], reading: _Reading) -> _Meaning | None:
    first, second = m["y1"], m["y2"]
    if len(second) == 2:
        second = first[:2] + second
    if not 0 < int(second) - int(first) <= 200:
        return None
    return _Meaning(first, precision="range", end_value=second, stated=True)


def _decade(m: re.Match[str], reading: _Reading) -> _Meaning:
    first = f"19{_DECADE_WORDS[m['w1'].lower()]}X" if m["w1"] else f"{m['c1'] or '19'}{_g(m, 'd1', 'd1b')}X"
    if second := _g(m, "d2", "d2b"):
        return _Meaning(first, precision="range", end_value=f"{m['c2'] or first[:2]}{second}X", stated=True)
    return _Meaning(first, precision="decade", stated=True)


def _century(m: re.Match[str], reading: _Reading) -> _Meaning | None:
    if m["this"]:
        return _anchored(_relative(reading.anchor, 0, "century"), _PRESENT)
    n = int(m["n"]) if m["n"] else _ORDINALS.get(re.sub(r"[\s-]+", "-", m["ord"].lower()))
    return _Meaning(f"{n - 1:02d}", precision="century", stated=True) if n and 0 < n <= 21 else None


def _season(m: re.Match[str], reading: _Reading) -> _Meaning:
    code, rel, anchor = SEASONS[m["season"].lower()], (m["rel"] or "").lower(), reading.anchor
    if m["year"]:
        return _Meaning(f"{m['year']}-{code}", precision="season", stated=True)
    if anchor is None:
        return _Meaning(f"XXXX-{code}", precision="season")
    year = anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    return _Meaning(f"{year:04d}-{code}", precision="season", anchored=True)


def _season_keep(m: re.Match[str], text: str) -> bool:
    """ "spring 2014", "last summer", "in the winter": not "the fall of the Soviet Union"."""
    if m["year"] or m["rel"]:
        return True
    if m["season"].lower() == "fall" or re.match(r"\s+of\b", text[m.end() : m.end() + 5]):
        return False
    if m["season"][0].isupper() and re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3]):  # "Spring Festival", "Summer Olympics"
        return False
    return bool(m["the"] or re.search(r"\b(?:in|during|this|last|next|early|late|through)\s+$", text[max(0, m.start() - 12) : m.start()], re.I))


def _holiday(m: re.Match[str], reading: _Reading) -> _Meaning:
    name, anchor = m["holiday"].lower(), reading.anchor
    year = int(m["year"]) if m["year"] else anchor.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0) if anchor else None
    if name.startswith("christmas"):
        month, day = 12, 24 if "eve" in name else 25
    elif name.startswith("new year"):
        month, day = (12, 31) if "eve" in name else (1, 1)
    elif year is None:
        return _Meaning("XXXX-11", precision="month")
    else:  # Thanksgiving: the fourth Thursday of November
        month, day = 11, 1 + (3 - date(year, 11, 1).weekday()) % 7 + 21
    if year is None:
        return _Meaning(f"XXXX-{month:02d}-{day:02d}", precision="day")
    return _Meaning(f"{year:04d}-{month:02d}-{day:02d}", precision="day", anchored=not m["year"], stated=bool(m["year"]))


def _spelled_year(m: re.Match[str], reading: _Reading) -> _Meaning | None:
    """ "nineteen ninety-six", "the year two thousand"."""
    rest = _number(word) if (word := _g(m, "rest", "rest2")) else 0
    if rest is None or rest >= 100:
        return None
    return _Meaning(f"{(1900 if m['nineteen'] else 2000) + int(rest):04d}", precision="year", stated=True)


# ---------------------------------------------------------------- meanings: parts of a year


def _year_of(m: re.Match[str], reading: _Reading) -> tuple[int | None, bool]:
    """The year a quarter, a half or "the first nine months" belongs to: (year, whether resolved against the anchor)."""
    if stated := _g(m, "y", "y2"):
        return int(stated), False
    rel = _g(m, "yrel", "yrel2")
    if rel and reading.anchor:
        return reading.anchor.year + {"last": -1, "next": 1}.get(rel.lower().split()[0], 0), True
    return None, False


def _quarter(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "the third quarter (of 1990)", "third-quarter", "the first half of 2019": without a year, the latest such one."""
    half = m["unit"].lower() == "half"
    n = _ORDINALS.get(m["ord"].lower()) or int(m["ord"][0])
    n, precision = (min(n, 2), "half") if half else (n, "quarter")
    code = f"{'H' if half else 'Q'}{n}"
    year, anchored = _year_of(m, reading)
    if year is not None:
        return _Meaning(f"{year:04d}-{code}", precision=precision, anchored=anchored, stated=not anchored)
    anchor = reading.anchor
    if anchor is None:
        return _Meaning(f"XXXX-{code}", precision=precision)
    year = anchor.year
    if anchor.quarter and not reading.future(m.start(), m.end()):
        year -= n > ((anchor.quarter + 1) // 2 if half else anchor.quarter)
    return _Meaning(f"{year:04d}-{code}", precision=precision, anchored=True)


def _quarter_code(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "Q1 2018", "2018 Q1", "1Q 2018", "H1 2019"."""
    if m["h"]:
        return _Meaning(f"{m['hy']}-H{m['h']}", precision="half", stated=True)
    return _Meaning(f"{_g(m, 'y', 'y3')}-Q{_g(m, 'ord', 'ord2', 'ord3')}", precision="quarter", stated=True)


def _named_quarter(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "the latest quarter", "the current quarter", "the quarter": the one under discussion or the last one reported."""
    which, anchor = (m["which"] or "").lower(), reading.anchor
    if anchor is None or anchor.quarter is None:
        return _Meaning("XXXX-QX", precision="quarter")
    if "current" in which or m["det"].lower() == "this" or (not which and reading.future(m.start(), m.end())):
        shift = 0
    elif "next" in which or "coming" in which:
        shift = 1
    elif re.search(r"previous|prior|preceding", which):
        shift = -1 if reading.ref else -2
    else:
        shift = -1
        if not which and reading.ref and re.fullmatch(r"\d{4}-Q\d", reading.ref):
            return _Meaning(reading.ref, precision="quarter", anchored=True, from_ref=True)
    return _anchored(_relative(anchor, shift, "quarter"), _Meaning("XXXX-QX", precision="quarter"))


def _first_months(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "the first 9 months of last year": that year, from its start (mod START); with no year, a duration (P9M)."""
    year, anchored = _year_of(m, reading)
    if year is None and m["theyear"]:
        year, anchored = (reading.anchor.year if reading.anchor else int(reading.ref[:4]) if reading.ref else None), True
    if year is not None:
        return _Meaning(f"{year:04d}", precision="year", mod="START", anchored=anchored, stated=not anchored)
    if m["yrel"] or m["theyear"]:  # a year relative to an anchor we do not have
        return replace({"last": _PAST, "next": _FUTURE_REF}.get((m["yrel"] or "").lower(), _PRESENT), mod="START")
    return _Meaning(_duration_value(m["num"], m["unit"]), type="DURATION")


def _year_back(reading: _Reading) -> _Meaning:
    """A year before: in reports of results, the quarter under discussion; otherwise the year before the anchor."""
    anchor, quarter = reading.anchor, reading.quarter_ref
    if quarter and anchor and quarter[:4] == f"{anchor.year:04d}":
        return _Meaning(_shift(quarter, -1, "year") or quarter, precision="quarter", anchored=True, from_ref=True)
    return _anchored(_relative(anchor, -1, "year"), _PAST)


def _year_ago_period(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "the year-earlier quarter", "the same period last year", "year-ago"."""
    return _year_back(reading)


def _year_period(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "the 1988 period", "the 1989 quarter": that year's counterpart of the quarter under discussion."""
    if reading.quarter_ref:
        return _Meaning(f"{m['year']}-{reading.quarter_ref[5:]}", precision="quarter")
    return _Meaning(m["year"], precision="year", stated=True)


# ---------------------------------------------------------------- meanings: relative to the anchor


def _this_unit(m: re.Match[str], reading: _Reading) -> _Meaning | None:
    """ "last year", "this month", "next week", "the past year"; "the following year" from the last date mentioned."""
    rel, unit = re.sub(r"\s+", " ", m["rel"].lower()), _unit_of(m["unit"])
    if unit in ("decade", "century") and rel in ("past", "last", "next", "coming", "previous"):
        return _Meaning("P10Y" if unit == "decade" else "P100Y", type="DURATION")  # "over the past decade": a stretch of time
    if rel in ("following", "previous", "preceding", "same", "that") and unit in ("year", "month", "day", "week"):
        shift = {"following": 1, "previous": -1, "preceding": -1}.get(rel, 0)
        if reading.ref and (value := _shift(reading.ref[:4] if unit == "year" else reading.ref, shift, unit)):
            value = value[:7] if unit == "month" else value
            return _Meaning(value, precision=_precision_of(value), anchored=True, from_ref=True)
        return None
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    return _anchored(_relative(reading.anchor, shift, unit), _PAST if shift < 0 else _FUTURE_REF if shift > 0 else _PRESENT)


def _the_unit(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "the year", "the full year", "the week", "the weekend": the anchor's; "the year ended March 31" is a duration."""
    unit, anchor = m["unit"], reading.anchor
    if unit == "year":
        if re.match(r"\s+(?:ended|ending|through|to)\b", reading.text[m.end() : m.end() + 12]):
            return _Meaning("P1Y", type="DURATION")
        return _anchored(_relative(anchor, 0, "year"), _Meaning(reading.ref[:4], precision="year") if reading.ref else _PRESENT)
    if unit == "week":
        return _anchored(_relative(anchor, 0, "week"), _PRESENT)
    back = anchor is not None and anchor.date is not None and anchor.date.isoweekday() < 6 and not reading.future(m.start(), m.end())
    return _anchored(_relative(anchor, -1 if back else 0, "weekend"), _Meaning("XXXX-WXX-WE", precision="week"))


def _deictic_day(m: re.Match[str], reading: _Reading) -> _Meaning:
    word = re.sub(r"\s+", " ", m["deictic"].lower())
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)
    result = _anchored(_relative(reading.anchor, shift, "day"), _PAST if shift < 0 else _FUTURE_REF if shift > 0 else _PRESENT)
    if word == "tonight" and result.anchored:
        return _Meaning(result.value + "TNI", type="TIME", precision="time", anchored=True)
    return result


def _ago(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "two years ago" from the anchor; "three days later" from the last date mentioned."""
    n, unit, direction = _number(m["num"]) if m["num"] else None, _unit_of(m["unit"]), m["dir"].lower()
    if n is None or n != int(n):
        return _PAST if direction in ("ago", "earlier") else _FUTURE_REF
    n = int(n) * (-1 if direction in ("ago", "earlier") else 1)
    if unit == "decade":
        n, unit = n * 10, "year"
    if unit == "year" and n == -1:
        return _year_back(reading)
    if reading.ref and direction in ("earlier", "later") and (shifted := _shift(reading.ref, n, unit)):
        return _Meaning(shifted, precision=_precision_of(shifted), anchored=True, from_ref=True)
    return _anchored(_relative(reading.anchor, n, unit), _PAST if n < 0 else _FUTURE_REF)


def _general_ref(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "now", "currently", "recently", "in recent years", "the future", "the coming years"."""
    word = m[0].lower()
    if re.search(r"future|term|coming|ahead|later|soon", word):
        return _FUTURE_REF
    return _PAST if re.search(r"past|recent", word) else _PRESENT


def _future_keep(m: re.Match[str], text: str) -> bool:
    """ "future" alone is a date only as "the (near) future" or "in future", not in "future losses"."""
    return not m[0].lower().endswith("future") or bool(re.search(r"(?:the|in)\s+(?:\w+\s+)?future$", text[max(0, m.start() - 5) : m.end()], re.I))


def _weekday(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "on Monday": the latest such day up to the anchor, or the next one if the clause looks ahead; "Friday night" is a TIME."""
    target, rel, anchor = WEEKDAYS[m["weekday"].lower()], re.sub(r"\s+", " ", (_g(m, "rel") or "").lower()), reading.anchor
    suffix = _PARTS_OF_DAY.get((_g(m, "part") or "").lower(), "")
    kind, precision = ("TIME", "time") if suffix else ("DATE", "day")
    if anchor is None or anchor.date is None:
        return _Meaning(f"XXXX-WXX-{target}{suffix}", type=kind, precision=precision)
    today = anchor.date
    rel = rel.removeprefix("the ")
    future = rel in ("next", "this coming", "coming", "following") or (not rel.endswith(("last", "past", "previous")) and reading.future(m.start(), m.end()))
    if future:
        day = today + timedelta(days=(target - today.isoweekday()) % 7 or (7 if rel in ("next", "following") else 0))
    else:
        back = (today.isoweekday() - target) % 7 or (7 if rel in ("last", "previous") else 0)
        day = today - timedelta(days=back + (7 if rel == "previous" and back < 7 else 0))
    return _Meaning(day.isoformat() + suffix, type=kind, precision=precision, anchored=True)


def _weekday_keep(m: re.Match[str], text: str) -> bool:
    """Not the start of a name ("Sunday Times", "Monday Club"); "Friday Oct. 13" is read by the month rule."""
    following = re.match(r"\s+([A-Z][a-z]+)", text[m.end() : m.end() + 15])
    return m["part"] is not None or not following or following[1].lower() in MONTHS


def _part_of_day(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "this morning", "last night", "mid-afternoon yesterday"."""
    word = m["which"].lower()
    shift = {"yesterday": -1, "last": -1, "tomorrow": 1}.get((m["day"] or word).lower(), 0)
    day = _relative(reading.anchor, shift, "day")
    mod = {"mid": "MID", "early": "START", "late": "END"}.get(word, "")
    value = (day[0] if day else "XXXX-XX-XX") + _PARTS_OF_DAY[m["part"].lower()]
    return _Meaning(value, type="TIME", precision="time", anchored=day is not None, mod=mod)


def _clock(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "3 p.m.", "10:35 a.m. Tuesday", "noon", "5 p.m. EST, Nov. 6"."""
    hour, minute, ampm = int(m["hour"] or 12), int(m["minute"] or 0), (m["ampm"] or "").lower()
    if m["noon"]:
        hour = 12 if m["noon"].lower() == "noon" else 24
    elif ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    day = _relative(reading.anchor, 0, "day")
    if m["cday"]:
        day = _relative(reading.anchor, {"yesterday": -1, "tomorrow": 1}.get(m["cday"].lower(), 0), "day")
    elif m["month"]:
        found = _day_in_year(reading, m, _month_num(m), int(m["day"]))
        day = (found.value, "day") if found and found.value[:1].isdigit() else None
    elif m["weekday"]:
        found = _weekday(m, reading)
        day = (found.value, "day") if found.anchored else None
    return _Meaning(f"{day[0] if day else 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}", type="TIME", precision="time", anchored=day is not None)


def _part_of_unit(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "the end of the year", "earlier in the month", "year-end": the anchor's unit, with a mod."""
    words = m[0].lower()
    mod = "END" if re.search(r"end|late|rest|remainder|balance|second\s+half|close", words) else "MID" if "middle" in words else "START"
    unit = _unit_of(_g(m, "unit", "unit2"))
    if "that" in words and reading.ref and unit == "year":
        return _Meaning(reading.ref[:4], precision="year", mod=mod, anchored=True, from_ref=True)
    shift = -1 if re.search(r"\b(?:last|previous)\b", words) else 1 if "next" in words else 0
    return _anchored(_relative(reading.anchor, shift, unit), _PRESENT, mod=mod)


# ---------------------------------------------------------------- meanings: durations and sets


def _duration_value(num: str | None, unit: str) -> str:
    """ "two", "years" -> "P2Y"; "a decade" -> "P10Y"; "several", "hours" -> "PTXH"."""
    n, unit = _number(num) if num else 1, _unit_of(unit)
    factor = {"decade": 10, "century": 100, "fortnight": 2}.get(unit, 1)
    letter = {"year": "Y", "decade": "Y", "century": "Y", "month": "M", "week": "W", "fortnight": "W", "day": "D", "quarter": "Q"}.get(unit)
    letter = letter or {"hour": "H", "minute": "M", "second": "S"}[unit]
    if n is None:
        amount, letter = "X", {"decade": "DE", "century": "CE"}.get(unit, letter)
    else:
        amount = _fmt_num(n * factor)
    return f"P{'T' if unit in ('hour', 'minute', 'second') else ''}{amount}{letter}"


_DURATION_MODS = {
    "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX", "some": "APPROX", "approximately": "APPROX",
    "roughly": "APPROX", "more than": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}  # fmt: skip


def _duration(m: re.Match[str], reading: _Reading) -> _Meaning:
    num = m["lo"] or m["num"]
    return _Meaning(_duration_value(num, m["unit"]), type="DURATION", mod="APPROX" if num.lower().startswith("a couple") else "")


def _duration_keep(m: re.Match[str], text: str) -> bool:
    """Not an amount ("a quarter of"), an ordinal ("the second"), an age ("52 years old") or a rate ("$5 a year")."""
    num, unit = m["num"].lower(), m["unit"].lower()
    before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 15]
    if unit.startswith("second") and not (num[:1].isdigit() or num in _WORD_VALUES):
        return False
    if (
        unit.startswith("quarter")
        and not m["rel"]
        and (num in ("a", "an", "one", "three") or re.match(r"\s+of\s+(?:the|a|an|its|their|his|her|our|this|that)\b", after, re.I))
    ):
        return False
    if num in ("a", "an") and unit.endswith("s"):
        return False
    if unit.startswith("year") and re.match(r"\s+old\b", after):
        return False
    if num in ("a", "an") and re.search(rf"(?:(?:\d[\d,.]*|{_WORDNUM})\s*(?:%|[a-z]+)?|\btimes|\bonce|\btwice)\s+$", before):
        return False
    return not re.search(r"[\d.,$]$", before)


def _vague_duration(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "for years", "within weeks"."""
    return _Meaning(_duration_value("several", m["unit"]), type="DURATION")


def _set(m: re.Match[str], reading: _Reading) -> _Meaning:
    """ "every year", "each month", "every Monday"."""
    if m["weekday"]:
        return _Meaning(f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()]}", type="SET")
    if m["month"]:
        return _Meaning(f"XXXX-{_month_num(m):02d}", type="SET")
    return _Meaning(_duration_value(_g(m, "num") or "1", _g(m, "unit", "unit2")), type="SET")


# ---------------------------------------------------------------- the rule table


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    meaning: Callable[[re.Match[str], _Reading], _Meaning | None]
    keep: Callable[[re.Match[str], str], bool]  # whether a match is an expression at all, from the text around it
    absolute: bool  # the value needs nothing but the match: computed first, so that its year can serve "May 20"
    trigger: re.Pattern[str] | None  # a word every match contains: the pattern then runs only around its occurrences

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches. With a trigger, a pattern that opens with optional words is not tried at every
        position of the text, only in a window of bounded size around each trigger: still linear, several times faster."""
        if self.trigger is None:
            yield from self.pattern.finditer(text)
            return
        seen: set[tuple[int, int]] = set()
        for t in self.trigger.finditer(text):
            for m in self.pattern.finditer(text, max(0, t.start() - _TRIGGER_REACH), min(len(text), t.end() + _TRIGGER_REACH)):
                if m.start() <= t.start() and t.end() <= m.end() and m.span() not in seen:
                    seen.add(m.span())
                    yield m


_TRIGGER_REACH = 60  # characters a match may extend before or after its trigger word (and the lookahead it needs)


def _always(m: re.Match[str], text: str) -> bool:
    return True


def _rule(name: str, pattern: str, meaning: Callable, keep: Callable = _always, absolute: bool = False, trigger: str | None = None) -> _Rule:
    return _Rule(name, re.compile(pattern, re.IGNORECASE), meaning, keep, absolute, re.compile(trigger, re.IGNORECASE) if trigger else None)


_REL_YEAR = r"(?P<yrel>last|this|next|the\s+current|current)\s+year"
_Y4 = r"1\d{3}|20\d{2}"
# Ordered: on a tie in length, the earlier rule wins.
_RULES: tuple[_Rule, ...] = (
    _rule("iso", rf"{_NOT_AMOUNT}(?P<year>{_Y4})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\w/-]|\.\d)", _full_date, absolute=True),
    _rule("slash", rf"{_NOT_AMOUNT}(?P<mnum>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>{_Y4})(?![\w/]|\.\d)", _full_date, absolute=True),
    _rule("month_day", rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?:the\s+)?{_DAY}(?:{_YEAR_AFTER_DAY}{_YEAR})?(?![.,]\d)", _full_date),
    _rule("day_month", rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?<![\d.,$])(?<!No\.\s){_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?", _full_date),
    _rule("month_year", rf"{_MONTH},?(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?:of\s+)?{_YEAR}\b", _month_year, absolute=True),
    _rule(
        "bare_month",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?{_MONTH}(?:\s+(?:of\s+)?{_REL_YEAR})?(?!\.?\s+\d)",
        _bare_month,
        _bare_month_keep,
    ),
    _rule(
        "year",
        rf"{_NOT_AMOUNT}(?P<the_year>the\s+year\s+)?(?:(?P<pfx>mid|pre|post)-\s?)?(?P<fiscal>fiscal(?:\s+year)?\s+|FY\s?)?{_YEAR}(?:'s)?(?![\w'-]|[.,]\d)",
        _year,
        _year_keep,
        absolute=True,
    ),
    _rule(
        "year_range",
        rf"{_NOT_AMOUNT}(?:from\s+)?(?P<y1>{_Y4})\s*(?:-|–|—|to|until|till|through|thru)\s*(?P<y2>{_Y4}|\d{{2}})(?![\w%-]|[.,]\d)",
        _year_range,
        absolute=True,
    ),
    _rule("year_between", rf"\bbetween\s+(?P<y1>{_Y4})\s+and\s+(?P<y2>{_Y4})(?![\w%-]|[.,]\d)", _year_range, absolute=True),
    _rule(
        "decade",
        r"(?<![\w$.,/])(?:the\s+)?(?:(?P<c1>1\d|20)(?P<d1>\d)0s|'(?P<d1b>\d)0s|(?:nineteen[\s-])?(?P<w1>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        r"(?:\s*(?:-|–|—|to|and|through)\s*(?:(?P<c2>1\d|20)?(?P<d2>\d)0s|'(?P<d2b>\d)0s))?(?![\w-])",
        _decade,
        absolute=True,
    ),
    _rule(
        "century",
        r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<ord>(?:twenty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
        r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))|(?P<this>this|the\s+current|the\s+present))[\s-]+century\b",
        _century,
        trigger=r"\bcentury\b",
    ),
    _rule(
        "season",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?P<the>the)\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?{_YEAR}\b)?",
        _season,
        _season_keep,
        trigger=r"\b(?:spring|summer|fall|autumn|winter)\b",
    ),
    _rule(
        "holiday",
        rf"(?:(?P<rel>last|this|next)\s+)?(?-i:(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?))(?:,?\s+{_YEAR})?",
        _holiday,
    ),
    _rule(
        "quarter",
        rf"(?:the\s+(?=[^-]+\s+(?:quarter|half)))?(?:(?:(?P<y>{_Y4})|(?P<yrel>last|this|next|the\s+current)\s+year's|fiscal)\s+)?(?:fiscal[\s-]+)?"
        rf"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?![\w-])"
        rf"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y2>{_Y4})\b|(?P<yrel2>last|this|next|the\s+current)\s+year|the\s+year))?",
        _quarter,
        trigger=r"\b(?:quarter|half)\b",
    ),
    _rule(
        "quarter_code",
        rf"\b(?:Q(?P<ord>[1-4])|(?P<ord2>[1-4])Q)\s*(?P<y>{_Y4})\b|\b(?P<y3>{_Y4})\s*Q(?P<ord3>[1-4])\b|\bH(?P<h>[12])\s*(?P<hy>{_Y4})\b",
        _quarter_code,
    ),
    _rule(
        "named_quarter",
        r"(?P<det>the|this|that|its|their)\s+(?P<which>(?:(?:latest|current|most\s+recent|previous|prior|preceding|past|next|coming|fiscal|just[\s-]ended|recent)\s+)*)"
        r"(?P<unit>quarter|period)(?![\w-])(?!\s+(?:of\s+(?:a|the|an|its|their|all|his|her)\b|century|mile|inch|point|percent))",
        _named_quarter,
        lambda m, text: m["unit"].lower() == "quarter" or bool(re.search(r"latest|current|recent|just", m["which"], re.I)),
    ),
    _rule("year_period", rf"the\s+{_YEAR}\s+(?:period|quarter)\b", _year_period),
    _rule(
        "first_months",
        rf"(?:the\s+)?(?:first|initial)\s+(?P<num>\d{{1,2}}|{_WORDNUM})\s+(?P<unit>months|weeks|days)"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>{_Y4})\b|(?P<yrel>last|this|next)\s+year|(?P<theyear>the\s+year)))?",
        _first_months,
    ),
    _rule(
        "year_ago_period",
        r"(?:the\s+)?(?:(?:same|comparable|corresponding|year[\s-]earlier|year[\s-]ago|prior[\s-]year|previous[\s-]year)\s+)+(?:\d{4}\s+)?(?:(?:first|second|third|fourth)\s+)?"
        r"(?:quarter|period)\b(?:\s+(?:a\s+year\s+(?:ago|earlier)|of\s+last\s+year|last\s+year))?"
        r"|(?:the\s+)?(?:same|comparable|corresponding)\s+(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|of\s+last\s+year|last\s+year)|(?-i:[Yy]ear-(?:earlier|ago))",
        _year_ago_period,
        trigger=r"\b(?:quarter|period|year-earlier|year-ago)\b",
    ),
    _rule(
        "this_unit",
        r"(?:the\s+)?(?P<rel>last|this|next|past|previous|preceding|coming|current|following|same|this\s+past|that)\s+(?-i:(?P<unit>year|month|week|weekend|decade|century))"
        r"(?![\w-]|'s\s+(?:first|second|third|fourth|last)\b)",
        _this_unit,
        trigger=r"\b(?:year|month|week|weekend|decade|century)\b",
    ),
    _rule(
        "the_unit",
        r"(?-i:\b[Tt]he\s+(?:(?:full|fiscal|calendar|entire|whole)\s+)?(?P<unit>year|week|weekend))"
        r"(?![\w-]|'s\s+(?:first|second|third|fourth|last)\b|\s+(?:of|when|that|which|before|after|earlier|ago|since|in\s+which|to\s+date|ahead|later)\b)",
        _the_unit,
    ),
    _rule(
        "part_of_unit",
        r"(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|rest|remainder|balance|close|first\s+half|second\s+half|latter\s+part|early\s+part)\s+of\s+|(?:earlier|later)\s+in\s+)"
        r"(?:the|this|that|last|next)\s+(?P<unit>year|month|week|quarter|decade|century)\b|\b(?P<unit2>year)[\s-](?:end|'s\s+end)\b",
        _part_of_unit,
        trigger=r"\b(?:year|month|week|quarter|decade|century)\b",
    ),
    _rule(
        "deictic",
        rf"\b(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)\b(?!'s\s+{_WORLD})",
        _deictic_day,
        lambda m, text: not (m[0][0].isupper() and re.search(r"\b[A-Z]\w*\s+$", text[max(0, m.start() - 20) : m.start()])),  # "VOA Today": a name
    ),
    _rule(
        "present",
        rf"\b(?:now(?![\w-])(?!\s+that\b)|currently|nowadays|these\s+days|presently|(?<=\bat\s)present|the\s+present\s+(?:day|time)|today(?='s\s+{_WORLD}))",
        _general_ref,
    ),
    _rule(
        "past_future",
        r"\b(?:(?:more\s+)?recently|(?<=\bin\s)the\s+past(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day|century))"
        r"|recent\s+(?:years|months|weeks|days|decades|times)|(?:the\s+)?(?:(?:near|foreseeable|distant|not\s+too\s+distant)\s+)?future(?=[.,;:!?)]|\s+(?:and|or|as|when|but|if|is|will)\b)"
        r"|the\s+(?:near|short)\s+term\b(?![\w-])|a\s+later\s+(?:date|stage)|as\s+soon\s+as\s+possible|(?:the\s+)?coming\s+(?:years|months|weeks|days|decades)"
        r"|the\s+(?:years|months|weeks|days)\s+ahead|(?:future|coming|past)\s+(?:years|months|weeks|quarters|decades))",
        _general_ref,
        _future_keep,
    ),
    _rule(
        "ago",
        rf"(?<![\d.,$])(?:(?:{_NUM})[\s-]+)?(?P<unit>years?|months?|weeks?|days?|decades?|centur(?:y|ies)|quarters?)\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b",
        _ago,
        trigger=r"\b(?:ago|earlier|later|now|hence)\b",
    ),
    _rule(
        "weekday",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|coming|past|(?:the\s+)?previous|(?:the\s+)?following)\s+)?{_WEEKDAY}"
        r"(?:(?:'s)?\s+(?P<part>morning|afternoon|evening|night)\b)?",
        _weekday,
        _weekday_keep,
    ),
    _rule(
        "part_of_day",
        r"\b(?P<which>this|yesterday|tomorrow|last|today|mid|early|late)[\s-]+(?P<part>morning|afternoon|evening|night)\b(?:\s+(?P<day>yesterday|today|tomorrow)\b)?",
        _part_of_day,
    ),
    _rule(
        "clock",
        rf"(?<![\d.,:$])(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)|\b(?P<noon>noon|midnight))"
        rf"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local\s+time|Beijing\s+time|Moscow\s+time))?(?:,?\s+(?:(?P<cday>today|yesterday|tomorrow)|{_MONTH}\s+{_DAY}|{_WEEKDAY}))?",
        _clock,
    ),
    _rule(
        "duration",
        r"(?:(?P<the>the)\s+(?!\S+-(?:year|month|week|day|hour|minute|decade)))?"
        r"(?:(?P<rel>past|last|next|coming|previous|preceding|following|first|latest|final|initial|remaining|additional|further|same)\s+)?"
        rf"(?<![\d.,$])\b(?:(?P<lo>\d+|{_WORDNUM})\s*(?:to|-|–|or)\s*)?(?:{_NUM})[\s-]+"
        r"(?:(?:more|additional|full|straight|consecutive|long|short|whole|trading|business|working|calendar)\s+)?"
        rf"(?-i:{_UNIT})(?![\w]|-(?!long|old))(?:-(?:long|old))?",
        _duration,
        _duration_keep,
        trigger=rf"(?-i:{_UNIT.replace('?P<unit>', '')})",
    ),
    _rule(
        "for_years",
        r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s))(?-i:(?P<unit>years|months|weeks|days|decades|centuries))\b(?!\s+(?:old|ago|ahead))",
        _vague_duration,
    ),
    _rule("set", rf"\b(?:every|each|per)\s+(?:(?:{_NUM})\s+{_UNIT}|(?P<unit2>year|month|week|day|quarter)|{_WEEKDAY}|{_MONTH})\b", _set),
    _rule(
        "spelled_year",
        rf"\b(?:the\s+year\s+)?(?:(?P<nineteen>nineteen)[\s-]+(?P<rest>{_WORDNUM}|hundred)|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<rest2>{_WORDNUM}))?)"
        r"(?![\s-]+(?:years?|months?|days?|people|percent|dollars|of)\b)",
        _spelled_year,
        absolute=True,
    ),
)


# ---------------------------------------------------------------- choosing among candidates, and modifiers

_DATE_PREFIX = re.compile(
    r"(?:\b(?:the\s+)?(?:very\s+)?(?:(?P<START>early|earlier|beginning\s+of|start\s+of|dawn\s+of|first\s+part\s+of)|"
    r"(?P<END>late|later|end\s+of|close\s+of|latter\s+part\s+of|last\s+part\s+of)|(?P<MID>mid|middle\s+of))(?:\s+the)?(?:\s+|-)"
    r"|\b(?P<APPROX>around|circa|c\.|ca\.|approximately|roughly|sometime(?:\s+in)?)\s+|\b(?P<AGO>about|nearly|almost|some)\s+)$",
    re.I,
)
_DURATION_PREFIX = re.compile(r"\b(?P<mod>" + "|".join(k.replace(" ", r"\s+") for k in _DURATION_MODS) + r")\s+$", re.I)
_DATE_SUFFIX = re.compile(
    r"\s+(?:(?P<APPROX>or\s+so)|(?P<ON_OR_AFTER>or\s+later|and\s+beyond|or\s+after|onwards?|and\s+later)|(?P<ON_OR_BEFORE>or\s+earlier|or\s+before))\b", re.I
)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    rank: int
    rule: _Rule
    match: re.Match[str]


def _candidates(text: str) -> list[_Found]:
    """Every rule's matches that pass its guard; where they overlap, the longest (then the earliest rule) wins."""
    found = [
        _Found(m.start(), m.end(), rank, rule, m) for rank, rule in enumerate(_RULES) for m in rule.matches(text) if m.end() > m.start() and rule.keep(m, text)
    ]
    found.sort(key=lambda f: (f.start, f.start - f.end, f.rank))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            if f.end - f.start > kept[-1].end - kept[-1].start:
                kept[-1] = f
            continue
        kept.append(f)
    return kept


def _with_modifiers(text: str, start: int, end: int, meaning: _Meaning, floor: int) -> tuple[int, int, _Meaning]:
    """Take in a modifier written right before (or after) the expression: "early 2014", "nearly two years", "1994 or later".

    ``floor`` is the end of the previous expression, which a prefix may not reach into."""
    before = text[max(floor, start - 30) : start]
    if meaning.type == "DURATION":
        if not meaning.mod and (found := _DURATION_PREFIX.search(before)):
            mod = _DURATION_MODS[re.sub(r"\s+", " ", found["mod"].lower())]
            return start - (len(before) - found.start()), end, replace(meaning, mod=mod)
        return start, end, meaning
    if meaning.type != "DATE" or meaning.value.endswith("_REF") or meaning.mod:
        return start, end, meaning
    if found := _DATE_PREFIX.search(before):
        mod = next(k for k in ("START", "END", "MID", "APPROX", "AGO") if found[k])
        if mod == "AGO":  # "about two years ago": only a date counted from another takes these
            mod = "APPROX" if re.search(r"(?:ago|earlier|later)$", text[start:end], re.I) else ""
        relative_word = mod in ("START", "END") and found[mod].lower() in ("earlier", "later")  # "earlier this year", not "earlier 1990"
        if mod and meaning.precision != "range" and not (relative_word and not meaning.anchored):
            start -= len(before) - found.start()
            meaning = replace(meaning, mod=mod)
    if not meaning.mod and (found := _DATE_SUFFIX.match(text, end, min(len(text), end + 20))):
        meaning = replace(meaning, mod=next(k for k in ("APPROX", "ON_OR_AFTER", "ON_OR_BEFORE") if found[k]))
        end = found.end()
    return start, end, meaning


def _certainty(meaning: _Meaning, reading: _Reading, start: int, end: int) -> str:
    """ "expected" for a date that begins after the anchor, or one the sentence plans or foresees ("will", "plans",
    "by") unless it ended before the anchor; "stated" for what is written out; "inferred" for what was resolved."""
    if meaning.type in ("DURATION", "SET"):
        return "stated"
    if meaning.value == "FUTURE_REF":
        return "expected"
    anchor, period = reading.anchor, _period(meaning.value)
    if anchor and period and period[0] > anchor.last:
        return "expected"
    if period:
        last = _period(meaning.end_value)[1] if meaning.end_value and _period(meaning.end_value) else period[1]
        by = anchor is not None and re.search(r"\bby\s+$", reading.text[max(0, start - 4) : start], re.I)
        # With an anchor, plans and forecasts count ("said it would open in 2020"); without one, only future verbs.
        if (by or reading.future(start, end, planned=anchor is not None)) and not (anchor and last < anchor.first):
            return "expected"
    return "stated" if meaning.stated else "inferred"


def find_timexes(text: str, anchor: str | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, in order, with TIMEX3 values.

    ``anchor`` is the document date ("YYYY-MM-DD", "YYYY-MM" or "YYYY"): "last year", "on Monday",
    "May 20" resolve against it. Without one, such expressions get "PAST_REF", "PRESENT_REF",
    "FUTURE_REF" or an X-filled value ("XXXX-WXX-1"), except a month and day, which takes the
    nearest year stated in the text when there is one. Raises ValueError for a malformed anchor.
    """
    reading = _Reading(text, _parse_anchor(anchor))
    found = _candidates(text)
    fixed: dict[int, _Meaning | None] = {}
    for i, f in enumerate(found):  # first what is written out in full: the years a bare "May 20" may take
        if f.rule.absolute or (f.rule.name in ("month_day", "day_month") and f.match["year"]):
            meaning = fixed[i] = f.rule.meaning(f.match, reading)
            if meaning is not None and meaning.stated and meaning.value[:4].isdigit():
                reading.years.append((f.start, int(meaning.value[:4])))
    result: list[Timex] = []
    floor = 0
    for i, f in enumerate(found):
        meaning = fixed[i] if i in fixed else f.rule.meaning(f.match, reading)
        if meaning is None:
            continue
        start, end, meaning = _with_modifiers(text, f.start, f.end, meaning, floor)
        floor = end
        if meaning.type == "DATE" and meaning.value[:4].isdigit() and meaning.precision not in ("range", "decade", "century") and not meaning.from_ref:
            reading.ref = meaning.value
            if "-Q" in meaning.value:
                reading.quarter_ref = meaning.value
        certainty = _certainty(meaning, reading, start, end)
        result.append(
            Timex(start, end, text[start:end], meaning.value, meaning.type, meaning.precision, certainty, meaning.end_value, meaning.mod, meaning.anchored)
        )
    return result
