"""Meanings of the rules that read a stretch of time or a repetition: durations ("two years",
"the past three months", "for years": P2Y, P3M, PXY) and sets ("every Monday", "each year").

A duration's value is made by ``_duration_value``, which "the first nine months" (a duration when
no year is named) also uses. Modifiers written before a duration ("nearly", "more than") are taken
later, with the others, by the tagger.
"""

from __future__ import annotations

import re

from build_docs.extract.timex.lexicon import WEEKDAYS
from build_docs.extract.timex.numbers import _WORD_VALUES, _WORDNUM, _fmt_num, _number
from build_docs.extract.timex.reading import _g, _Meaning, _month_num, _Reading
from build_docs.extract.timex.values import _unit_of


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
    return _Meaning(_duration_value(_g(m, "num") or "1", m["unit"] or m["unit2"]), type="SET")  # one of the two units always matched
