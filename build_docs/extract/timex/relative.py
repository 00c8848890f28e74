"""Meanings of the rules that count from a reference: the anchor ("last year", "on Monday",
"yesterday", "this morning", "3 p.m.", "the end of the month") or the last date mentioned ("a year
earlier", "the following day"); and the general references "now", "recently", "the future".

Without an anchor, what needs one becomes "PAST_REF", "PRESENT_REF", "FUTURE_REF" or an X-filled
value ("XXXX-WXX-1").
"""

from __future__ import annotations

import re
from datetime import timedelta

from build_docs.extract.timex.dates import _day_in_year, _year_back
from build_docs.extract.timex.lexicon import _PARTS_OF_DAY, MONTHS, WEEKDAYS
from build_docs.extract.timex.numbers import _number
from build_docs.extract.timex.reading import _FUTURE_REF, _PAST, _PRESENT, _anchored, _g, _Meaning, _month_num, _Reading
from build_docs.extract.timex.values import _precision_of, _relative, _shift, _unit_of


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
    unit = _unit_of(m["unit"] or m["unit2"])  # one of the two always matched
    if "that" in words and reading.ref and unit == "year":
        return _Meaning(reading.ref[:4], precision="year", mod=mod, anchored=True, from_ref=True)
    shift = -1 if re.search(r"\b(?:last|previous)\b", words) else 1 if "next" in words else 0
    return _anchored(_relative(reading.anchor, shift, unit), _PRESENT, mod=mod)
