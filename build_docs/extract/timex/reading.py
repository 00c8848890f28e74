"""What a rule's meaning function is given and what it returns.

A meaning function takes the match and the :class:`_Reading` (the text, the anchor, and what reading
order has established so far: the years stated, the last date and quarter mentioned) and returns a
:class:`_Meaning` (a TIMEX3 value and how it was reached), or None when the match is no expression
after all. ``_Reading`` also says the tense of the clause around a match, from a few words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from build_docs.extract.timex.lexicon import _FUTURE, _FUTURE_AFTER, _PAST_WORDS, _PLANNED, _SENTENCE_START, MONTHS
from build_docs.extract.timex.values import _Anchor


@dataclass(frozen=True)
class _Meaning:
    """A rule's reading of one match, before modifiers and certainty: what :class:`Timex` is made from."""

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
