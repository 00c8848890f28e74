"""Meanings of the rules that read a calendar date: a day, a month, a year, a decade, a century,
a season, a holiday, and the parts of a year (quarters and halves).

Most are written out in full ("November 2, 2013", "the 1990s", "Q1 2018") and need nothing else; a
date missing its year ("on May 20", "in March", "the third quarter") takes it from the anchor and
the tense of the clause, or without an anchor from the text. The ``_keep`` functions decide whether
a match is a date at all ("May" the verb, "2000 troops", "the fall of the Wall").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from build_docs.extract.timex.durations import _duration_value
from build_docs.extract.timex.lexicon import (
    _AMBIGUOUS_MONTHS,
    _COUNTED,
    _HOLIDAYS,
    _IDENTIFIER_BEFORE,
    _MONTH_CUE,
    _NOT_NAMES,
    _YEAR_WORD_BEFORE,
    SEASONS,
)
from build_docs.extract.timex.numbers import _DECADE_WORDS, _ORDINALS, _number
from build_docs.extract.timex.reading import _FUTURE_REF, _PAST, _PRESENT, _anchored, _g, _Meaning, _month_num, _Reading
from build_docs.extract.timex.values import _relative, _shift

# ---------------------------------------------------------------- calendar dates


def _day_in_year(reading: _Reading, m: re.Match[str], month: int, day: int) -> _Meaning | None:
    """A month and day without a year: the nearest such date to the anchor, on the side the clause's tense says;
    without an anchor, the nearest year stated in the text."""
    anchor = reading.anchor
    today = anchor.date if anchor else None
    if anchor and today:
        options = []
        for near in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                options.append(date(near, month, day))
            except ValueError:
                continue
        if not options:
            return None
        tense = reading.tense(m.start(), m.end())
        if tense == "future":
            options = [d for d in options if d >= today - timedelta(days=7)] or options
        elif tense == "past":
            options = [d for d in options if d <= today + timedelta(days=7)] or options
        best = min(options, key=lambda d: abs((d - today).days))
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
    if _MONTH_CUE.search(text[max(0, m.start() - 25) : m.start()]):
        return True
    if re.match(r"\s+[A-Z][a-z]", text[m.end() : m.end() + 5]):  # "June Smith"
        return False
    name = m["month"].rstrip(".").lower()
    return name not in _AMBIGUOUS_MONTHS and (len(name) > 3 or m["month"].endswith("."))


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
    """ "Christmas", "New Year's Eve" (a fixed day, from the holiday table), "Thanksgiving" (the fourth Thursday of November)."""
    name, anchor = m["holiday"].lower(), reading.anchor
    year = int(m["year"]) if m["year"] else anchor.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0) if anchor else None
    if fixed := _HOLIDAYS.get(re.sub(r"\s+", " ", name)):
        month, day = fixed
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


# ---------------------------------------------------------------- parts of a year


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
