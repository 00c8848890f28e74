"""TIMEX3 values and calendar arithmetic: the anchor, moving a value by some units, the days a value covers.

A value is a TIMEX3 date string ("2013-11-02", "2013-11", "2013-Q4", "2013-W44", "2013-SU",
"196X", "19"); nothing here reads text. ``_shift`` moves a value ("a year earlier"),
``_relative`` moves the anchor ("last month"), ``_period`` gives the first and last day a value
covers, ``_precision_of`` the granularity a value is written at.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from datetime import date, timedelta

from build_docs.extract.timex.lexicon import _SEASON_MONTHS


@dataclass(frozen=True)
class _Anchor:
    """The document date, as precise as it is known: "2018-06-07", "2018-06" or "2018".

    (Annotations say ``datetime.date``: inside this class, ``date`` names the property.)
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> datetime.date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None

    @property
    def quarter(self) -> int | None:
        return (self.month - 1) // 3 + 1 if self.month else None

    @property
    def first(self) -> datetime.date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> datetime.date:
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
        monday = date.fromisocalendar(year, int(part[1:]), 1)
        return monday, monday + timedelta(days=6)
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
