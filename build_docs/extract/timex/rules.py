"""The rule table: per kind of expression, one regular expression, what a match means, and whether to keep it.

``_RULES`` is read top to bottom by the tagger; every rule runs over the whole text, and where
matches overlap the longest wins, then the rule listed first. A rule's meaning function (in
:mod:`.dates`, :mod:`.relative` and :mod:`.durations`) turns a match into a TIMEX3 value; its keep
function, given the text around the match, says whether the match is an expression at all. Patterns
ignore case unless they say ``(?-i:...)``; the pieces they share come from :mod:`.lexicon` and
:mod:`.numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from build_docs.data import lines
from build_docs.extract.timex.dates import (
    _bare_month,
    _bare_month_keep,
    _century,
    _decade,
    _first_months,
    _full_date,
    _holiday,
    _month_year,
    _named_quarter,
    _quarter,
    _quarter_code,
    _season,
    _season_keep,
    _spelled_year,
    _year,
    _year_ago_period,
    _year_keep,
    _year_period,
    _year_range,
)
from build_docs.extract.timex.durations import _duration, _duration_keep, _set, _vague_duration
from build_docs.extract.timex.firsts import first_class
from build_docs.extract.timex.lexicon import (
    _DAY,
    _HOLIDAY,
    _HOLIDAY_DATES,
    _MONTH,
    _MONTH_NAMES,
    _NOT_AMOUNT,
    _PART_OF_DAY,
    _PARTS_OF_DAY,
    _SEASON,
    _TIME_ZONE,
    _UNIT,
    _WEEKDAY,
    _WORLD,
    _YEAR,
    _YEAR_AFTER_DAY,
    SEASONS,
)
from build_docs.extract.timex.numbers import _DECADE_WORD, _DECADE_WORDS, _NUM, _ORDINAL, _WORDNUM
from build_docs.extract.timex.prefilter import Needs, needs
from build_docs.extract.timex.reading import _Meaning, _Reading
from build_docs.extract.timex.relative import (
    _ago,
    _clock,
    _deictic_day,
    _future_keep,
    _general_ref,
    _part_of_day,
    _part_of_unit,
    _the_unit,
    _this_unit,
    _weekday,
    _weekday_keep,
)

_MeaningFunction = Callable[[re.Match[str], _Reading], _Meaning | None]  # what a match means, in the reading so far
_KeepFunction = Callable[[re.Match[str], str], bool]  # whether a match is an expression at all, from the text around it


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    meaning: _MeaningFunction
    keep: _KeepFunction
    absolute: bool  # the value needs nothing but the match: computed first, so that its year can serve "May 20"
    trigger: re.Pattern[str] | None  # a word every match contains: the pattern then runs only around its occurrences
    needs: Needs | None  # words of which every match contains one: without any in the text, the rule is not run (.prefilter)
    starts: re.Pattern[str] | None  # one character of those a match can begin with (.firsts)

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches. With a trigger, a pattern that opens with optional words is not tried at every
        position of the text, only in a window of bounded size around each trigger: still linear, several times faster."""
        if self.trigger is None:
            yield from self.pattern.finditer(text)
            return
        seen: set[tuple[int, int]] = set()
        for t in self.trigger.finditer(text):
            for m in _holding(self.pattern, self.starts, text, t.start(), t.end()):
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m


def _holding(pattern: re.Pattern[str], starts: re.Pattern[str] | None, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer`` over the window around ``text[start:end]`` that hold it.

    finditer's own scan, done here so that it can stop at ``start``: a match that begins after it cannot hold
    the trigger, and trying the pattern at the positions after it was half the work. Matching at a position
    sees the same text as finditer does there (lookbehind reaches before the window), and ``starts`` (one character
    a match can begin with) skips the positions where none can. After an empty match finditer's next step differs
    from a step past it, so the window is then scanned by finditer itself."""
    low, high = max(0, start - _TRIGGER_REACH), min(len(text), end + _TRIGGER_REACH)
    at = low
    while at <= start:
        if starts is not None:
            first = starts.search(text, at, start + 1)
            if first is None:
                return
            at = first.start()
        m = pattern.match(text, at, high)
        if m is None:
            at += 1
            continue
        if m.end() == at:  # empty
            yield from (m for m in pattern.finditer(text, low, high) if m.start() <= start and end <= m.end())
            return
        if end <= m.end():
            yield m
        at = m.end()


_TRIGGER_REACH = 60  # characters a match may extend before or after its trigger word (and the lookahead it needs)


def _always(m: re.Match[str], text: str) -> bool:
    return True


def _rule(
    name: str,
    pattern: str,
    meaning: _MeaningFunction,
    keep: _KeepFunction = _always,
    absolute: bool = False,
    trigger: str | None = None,
    needs: Needs | None = None,
) -> _Rule:
    first = first_class(pattern, re.IGNORECASE)  # where a match can begin (.firsts): a lookahead, and where _holding tries
    compiled = re.compile(f"(?={first}){pattern}" if first else pattern, re.IGNORECASE)
    starts = re.compile(first, re.IGNORECASE) if first else None
    return _Rule(name, compiled, meaning, keep, absolute, re.compile(trigger, re.IGNORECASE) if trigger else None, needs, starts)


# What every match of a rule contains (its ``needs``, see .prefilter), shared by several rules: a month's name or
# abbreviation as _MONTH reads it (case-sensitively), the first digit of a year as _YEAR and _Y4 read it, and with
# a day (_DAY), a digit as well.
_DIGITS = "0123456789"
_MONTH_NAME_LIST = [name for names in _MONTH_NAMES for name in names]
_MONTH_NEEDS = needs(cased=_MONTH_NAME_LIST)
_YEAR_NEEDS = needs(cased=["1", "2"])
_DAY_NEEDS = needs(cased=_MONTH_NAME_LIST, also=needs(cased=list(_DIGITS)))
_MONTH_YEAR_NEEDS = needs(cased=_MONTH_NAME_LIST, also=_YEAR_NEEDS)
_REL_YEAR = r"(?P<yrel>last|this|next|the\s+current|current)\s+year"
_Y4 = r"1\d{3}|20\d{2}"
# Ordered: on a tie in length, the earlier rule wins.
_RULES: tuple[_Rule, ...] = (
    _rule(
        "iso",
        rf"{_NOT_AMOUNT}(?P<year>{_Y4})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\w/-]|\.\d)",
        _full_date,
        absolute=True,
        needs=needs(cased=[f"{digit}-" for digit in _DIGITS]),
    ),
    _rule(
        "slash",
        rf"{_NOT_AMOUNT}(?P<mnum>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>{_Y4})(?![\w/]|\.\d)",
        _full_date,
        absolute=True,
        needs=needs(cased=["/1", "/2"]),
    ),
    _rule("month_day", rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?:the\s+)?{_DAY}(?:{_YEAR_AFTER_DAY}{_YEAR})?(?![.,]\d)", _full_date, needs=_DAY_NEEDS),
    _rule("day_month", rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?<![\d.,$])(?<!No\.\s){_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?", _full_date, needs=_DAY_NEEDS),
    _rule("month_year", rf"{_MONTH},?(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?:of\s+)?{_YEAR}\b", _month_year, absolute=True, needs=_MONTH_YEAR_NEEDS),
    _rule(
        "bare_month",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?{_MONTH}(?:\s+(?:of\s+)?{_REL_YEAR})?(?!\.?\s+\d)",
        _bare_month,
        _bare_month_keep,
        needs=_MONTH_NEEDS,
    ),
    _rule(
        "year",
        rf"{_NOT_AMOUNT}(?P<the_year>the\s+year\s+)?(?:(?P<pfx>mid|pre|post)-\s?)?(?P<fiscal>fiscal(?:\s+year)?\s+|FY\s?)?{_YEAR}(?:'s)?(?![\w'-]|[.,]\d)",
        _year,
        _year_keep,
        absolute=True,
        needs=_YEAR_NEEDS,
    ),
    _rule(
        "year_range",
        rf"{_NOT_AMOUNT}(?:from\s+)?(?P<y1>{_Y4})\s*(?:-|–|—|to|until|till|through|thru)\s*(?P<y2>{_Y4}|\d{{2}})(?![\w%-]|[.,]\d)",
        _year_range,
        absolute=True,
        needs=_YEAR_NEEDS,
    ),
    _rule("year_between", rf"\bbetween\s+(?P<y1>{_Y4})\s+and\s+(?P<y2>{_Y4})(?![\w%-]|[.,]\d)", _year_range, absolute=True, needs=needs(anycase=["between"])),
    _rule(
        "decade",
        rf"(?<![\w$.,/])(?:the\s+)?(?:(?P<c1>1\d|20)(?P<d1>\d)0s|'(?P<d1b>\d)0s|(?:nineteen[\s-])?(?P<w1>{_DECADE_WORD}))"
        r"(?:\s*(?:-|–|—|to|and|through)\s*(?:(?P<c2>1\d|20)?(?P<d2>\d)0s|'(?P<d2b>\d)0s))?(?![\w-])",
        _decade,
        absolute=True,
        needs=needs(anycase=["0s", *_DECADE_WORDS]),
    ),
    _rule(
        "century",
        rf"(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<ord>(?:twenty[\s-])?(?:{_ORDINAL}))|(?P<this>this|the\s+current|the\s+present))[\s-]+century\b",
        _century,
        trigger=r"\bcentury\b",
        needs=needs(anycase=["century"]),
    ),
    _rule(
        "season",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?P<the>the)\s+)?(?P<season>{_SEASON})(?:\s+(?:of\s+)?{_YEAR}\b)?",
        _season,
        _season_keep,
        trigger=rf"\b(?:{_SEASON})\b",
        needs=needs(anycase=list(SEASONS)),
    ),
    _rule(
        "holiday",
        rf"(?:(?P<rel>last|this|next)\s+)?(?-i:(?P<holiday>{_HOLIDAY}|Thanksgiving(?:\s+Day)?))(?:,?\s+{_YEAR})?",
        _holiday,
        needs=needs(cased=[*(max(name.split(), key=len) for name, _ in _HOLIDAY_DATES), "Thanksgiving"]),
    ),
    _rule(
        "quarter",
        rf"(?:the\s+(?=[^-]+\s+(?:quarter|half)))?(?:(?:(?P<y>{_Y4})|(?P<yrel>last|this|next|the\s+current)\s+year's|fiscal)\s+)?(?:fiscal[\s-]+)?"
        rf"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?![\w-])"
        rf"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y2>{_Y4})\b|(?P<yrel2>last|this|next|the\s+current)\s+year|the\s+year))?",
        _quarter,
        trigger=r"\b(?:quarter|half)\b",
        needs=needs(anycase=["quarter", "half"]),
    ),
    _rule(
        "quarter_code",
        rf"\b(?:Q(?P<ord>[1-4])|(?P<ord2>[1-4])Q)\s*(?P<y>{_Y4})\b|\b(?P<y3>{_Y4})\s*Q(?P<ord3>[1-4])\b|\bH(?P<h>[12])\s*(?P<hy>{_Y4})\b",
        _quarter_code,
        needs=needs(anycase=[*(f"q{n}" for n in "1234"), *(f"{n}q" for n in "1234"), "h1", "h2"]),
    ),
    _rule(
        "named_quarter",
        r"(?P<det>the|this|that|its|their)\s+(?P<which>(?:(?:latest|current|most\s+recent|previous|prior|preceding|past|next|coming|fiscal|just[\s-]ended|recent)\s+)*)"
        r"(?P<unit>quarter|period)(?![\w-])(?!\s+(?:of\s+(?:a|the|an|its|their|all|his|her)\b|century|mile|inch|point|percent))",
        _named_quarter,
        lambda m, text: m["unit"].lower() == "quarter" or bool(re.search(r"latest|current|recent|just", m["which"], re.I)),
        needs=needs(anycase=["quarter", "period"]),
    ),
    _rule("year_period", rf"the\s+{_YEAR}\s+(?:period|quarter)\b", _year_period, needs=needs(anycase=["quarter", "period"])),
    _rule(
        "first_months",
        rf"(?:the\s+)?(?:first|initial)\s+(?P<num>\d{{1,2}}|{_WORDNUM})\s+(?P<unit>months|weeks|days)"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>{_Y4})\b|(?P<yrel>last|this|next)\s+year|(?P<theyear>the\s+year)))?",
        _first_months,
        needs=needs(anycase=["months", "weeks", "days"]),
    ),
    _rule(
        "year_ago_period",
        r"(?:the\s+)?(?:(?:same|comparable|corresponding|year[\s-]earlier|year[\s-]ago|prior[\s-]year|previous[\s-]year)\s+)+(?:\d{4}\s+)?(?:(?:first|second|third|fourth)\s+)?"
        r"(?:quarter|period)\b(?:\s+(?:a\s+year\s+(?:ago|earlier)|of\s+last\s+year|last\s+year))?"
        r"|(?:the\s+)?(?:same|comparable|corresponding)\s+(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|of\s+last\s+year|last\s+year)|(?-i:[Yy]ear-(?:earlier|ago))",
        _year_ago_period,
        trigger=r"\b(?:quarter|period|year-earlier|year-ago)\b",
        needs=needs(anycase=["quarter", "period", "year-earlier", "year-ago"]),
    ),
    _rule(
        "this_unit",
        r"(?:the\s+)?(?P<rel>last|this|next|past|previous|preceding|coming|current|following|same|this\s+past|that)\s+(?-i:(?P<unit>year|month|week|weekend|decade|century))"
        r"(?![\w-]|'s\s+(?:first|second|third|fourth|last)\b)",
        _this_unit,
        trigger=r"\b(?:year|month|week|weekend|decade|century)\b",
        needs=needs(cased=["year", "month", "week", "decade", "century"]),
    ),
    _rule(
        "the_unit",
        r"(?-i:\b[Tt]he\s+(?:(?:full|fiscal|calendar|entire|whole)\s+)?(?P<unit>year|week|weekend))"
        r"(?![\w-]|'s\s+(?:first|second|third|fourth|last)\b|\s+(?:of|when|that|which|before|after|earlier|ago|since|in\s+which|to\s+date|ahead|later)\b)",
        _the_unit,
        needs=needs(cased=["year", "week"]),
    ),
    _rule(
        "part_of_unit",
        r"(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|rest|remainder|balance|close|first\s+half|second\s+half|latter\s+part|early\s+part)\s+of\s+|(?:earlier|later)\s+in\s+)"
        r"(?:the|this|that|last|next)\s+(?P<unit>year|month|week|quarter|decade|century)\b|\b(?P<unit2>year)[\s-](?:end|'s\s+end)\b",
        _part_of_unit,
        trigger=r"\b(?:year|month|week|quarter|decade|century)\b",
        needs=needs(
            anycase=["year", "month", "week", "quarter", "decade", "century"],
            also=needs(anycase=["end", "beginning", "start", "middle", "rest", "remainder", "balance", "close", "half", "part", "earlier", "later"]),
        ),
    ),
    _rule(
        "deictic",
        rf"\b(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)\b(?!'s\s+{_WORLD})",
        _deictic_day,
        lambda m, text: not (m[0][0].isupper() and re.search(r"\b[A-Z]\w*\s+$", text[max(0, m.start() - 20) : m.start()])),  # "VOA Today": a name
        needs=needs(anycase=["yesterday", "today", "tomorrow", "tonight"]),
    ),
    _rule(
        "present",
        rf"\b(?:now(?![\w-])(?!\s+that\b)|currently|nowadays|these\s+days|presently|(?<=\bat\s)present|the\s+present\s+(?:day|time)|today(?='s\s+{_WORLD}))",
        _general_ref,
        needs=needs(anycase=["now", "currently", "these", "present", "today"]),
    ),
    _rule(
        "past_future",
        r"\b(?:(?:more\s+)?recently|(?<=\bin\s)the\s+past(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day|century))"
        r"|recent\s+(?:years|months|weeks|days|decades|times)|(?:the\s+)?(?:(?:near|foreseeable|distant|not\s+too\s+distant)\s+)?future(?=[.,;:!?)]|\s+(?:and|or|as|when|but|if|is|will)\b)"
        r"|the\s+(?:near|short)\s+term\b(?![\w-])|a\s+later\s+(?:date|stage)|as\s+soon\s+as\s+possible|(?:the\s+)?coming\s+(?:years|months|weeks|days|decades)"
        r"|the\s+(?:years|months|weeks|days)\s+ahead|(?:future|coming|past)\s+(?:years|months|weeks|quarters|decades))",
        _general_ref,
        _future_keep,
        needs=needs(anycase=["recent", "past", "future", "term", "later", "possible", "coming", "ahead"]),
    ),
    _rule(
        "ago",
        rf"(?<![\d.,$])(?:(?:{_NUM})[\s-]+)?(?P<unit>years?|months?|weeks?|days?|decades?|centur(?:y|ies)|quarters?)\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b",
        _ago,
        trigger=r"\b(?:ago|earlier|later|now|hence)\b",
        needs=needs(anycase=["ago", "earlier", "later", "now", "hence"], also=needs(anycase=["year", "month", "week", "day", "decade", "centur", "quarter"])),
    ),
    _rule(
        "weekday",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|coming|past|(?:the\s+)?previous|(?:the\s+)?following)\s+)?{_WEEKDAY}"
        rf"(?:(?:'s)?\s+(?P<part>{_PART_OF_DAY})\b)?",
        _weekday,
        _weekday_keep,
        needs=needs(cased=lines("timex/weekdays.txt")),
    ),
    _rule(
        "part_of_day",
        rf"\b(?P<which>this|yesterday|tomorrow|last|today|mid|early|late)[\s-]+(?P<part>{_PART_OF_DAY})\b(?:\s+(?P<day>yesterday|today|tomorrow)\b)?",
        _part_of_day,
        needs=needs(anycase=list(_PARTS_OF_DAY)),
    ),
    _rule(
        "clock",
        rf"(?<![\d.,:$])(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)|\b(?P<noon>noon|midnight))"
        rf"(?:\s+(?:{_TIME_ZONE}))?(?:,?\s+(?:(?P<cday>today|yesterday|tomorrow)|{_MONTH}\s+{_DAY}|{_WEEKDAY}))?",
        _clock,
        needs=needs(anycase=["a.m", "p.m", "am", "pm", "noon", "midnight"], also=needs(cased=list(_DIGITS), anycase=["noon", "midnight"])),
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
        needs=needs(cased=["year", "yr", "month", "week", "day", "hour", "hr", "min", "second", "decade", "centur", "quarter", "fortnight"]),
    ),
    _rule(
        "for_years",
        r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s))(?-i:(?P<unit>years|months|weeks|days|decades|centuries))\b(?!\s+(?:old|ago|ahead))",
        _vague_duration,
        needs=needs(cased=["years", "months", "weeks", "days", "decades", "centuries"]),
    ),
    _rule(
        "set",
        rf"\b(?:every|each|per)\s+(?:(?:{_NUM})\s+{_UNIT}|(?P<unit2>year|month|week|day|quarter)|{_WEEKDAY}|{_MONTH})\b",
        _set,
        needs=needs(anycase=["every", "each", "per"]),
    ),
    _rule(
        "spelled_year",
        rf"\b(?:the\s+year\s+)?(?:(?P<nineteen>nineteen)[\s-]+(?P<rest>{_WORDNUM}|hundred)|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<rest2>{_WORDNUM}))?)"
        r"(?![\s-]+(?:years?|months?|days?|people|percent|dollars|of)\b)",
        _spelled_year,
        absolute=True,
        needs=needs(anycase=["nineteen", "thousand"]),
    ),
)
