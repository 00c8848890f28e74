"""The tagger: every rule over the text, the longest match where they overlap, modifiers, certainty.

``find_timexes`` runs the rule table (:mod:`.rules`), keeps the longest of overlapping candidates,
then reads the survivors in order, because a value may depend on what came before ("a year
earlier"). Each survivor may take a modifier written just before or after it ("early", "nearly",
"or later"), and gets a certainty: stated, inferred or expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from build_docs.extract.timex.lexicon import _DURATION_MODS
from build_docs.extract.timex.prefilter import Prefilter
from build_docs.extract.timex.reading import _Meaning, _Reading
from build_docs.extract.timex.rules import _RULES, _Rule
from build_docs.extract.timex.values import _parse_anchor, _period


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

_PREFILTER = Prefilter(rule.needs for rule in _RULES)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    rank: int
    rule: _Rule
    match: re.Match[str]


def _candidates(text: str) -> list[_Found]:
    """Every rule's matches that pass its guard; where they overlap, the longest (then the earliest rule) wins.

    A rule runs only over a text that holds a word each of its matches needs (:mod:`.prefilter`)."""
    allowed = _PREFILTER.allowed(text)
    found = [
        _Found(m.start(), m.end(), rank, rule, m)
        for rank, rule in enumerate(_RULES)
        if allowed[rank]
        for m in rule.matches(text)
        if m.end() > m.start() and rule.keep(m, text)
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
        end_period = _period(meaning.end_value) if meaning.end_value else None
        last = end_period[1] if end_period else period[1]
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
