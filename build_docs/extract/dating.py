"""When an undated article was written, estimated from its own text: a :class:`DateEstimate`.

In: one :class:`Article` whose date is not stated (no catalog, front-matter or header date).
Out: :func:`estimate_date`, a :class:`DateEstimate` (a year, or the years it lies between) with the
sentences it rests on quoted, or None when the text gives no evidence. Nothing is guessed: an
estimate is only ever the narrowest range every piece of evidence allows.
Must not touch: anything but the article; dates it states are never replaced (with a date, no estimate).

Evidence, each a bound on the year of writing, from the temporal tagger's dates
(:func:`build_docs.extract.timex.find_timexes`, run without an anchor) and the clause around them:

* a date spoken of in the future tense ("In 2014 and 2015, the two sides **will** also hold …"):
  written in or before its first year (an upper bound);
* a date spoken of as past or present (news reports what has happened): written in or after its
  first year (a lower bound); a date only planned or forecast ("would", "expected to") says nothing;
* a year used as the cut-off of a count or a state in the past perfect ("**as of** 2013, there
  **had** been 18 annual meetings"): the writer treats it as over, so written after it
  (cues in ``data/dating/completed-cues.txt``);
* an anniversary ("the 70th anniversary of X", "the last 65 years since X") whose event year the
  text states (in the phrase, or in a sentence naming the same event with one year): the year of the
  anniversary; spoken of in the future tense an upper bound, in the past a lower one, otherwise both.

Combined, the latest lower bound and the earliest upper bound give the estimate. Where they
conflict, lower bounds win: a text cannot report as past what had not happened yet, while a
future-tense plan is often quoted after the fact; the dropped bounds are named in the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from build_docs import data
from build_docs.clean.article import Article
from build_docs.extract.sentences import sentence_around, sentence_spans
from build_docs.extract.timex import Timex, find_timexes
from build_docs.link.model import Quote


def _words(name: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in data.lines(name))


_FUTURE = re.compile(rf"\b(?:{_words('timex/future-words.txt')})\b", re.I)
_PLANNED = re.compile(rf"\b(?:{_words('timex/plan-words.txt')})\b", re.I)
_PAST = re.compile(rf"\b(?:{_words('dating/past-words.txt')}|[a-z]{{3,}}ed)\b", re.I)
_COMPLETED = re.compile(rf"\b(?:{_words('dating/completed-cues.txt')})\s+$", re.I)
_PAST_PERFECT = re.compile(r"\bhad\s+(?!to\b)\w+", re.I)  # "had been", "had signed"; not "had to"
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:and|but|while|whereas|although|though)\s+|\s+[—–]\s+")
_ORDINALS = {word: n for n, word in enumerate(data.lines("timex/ordinals.txt"), 1)}
_ORDINAL = "|".join(_ORDINALS)
_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<digits>\d{{1,3}})(?:st|nd|rd|th)|(?P<word>{_ORDINAL}))\s+(?:{_words('dating/anniversary-words.txt')})\s+of\s+(?P<event>[^.;,:!?()]+)",
    re.I,
)
_SINCE = re.compile(r"\s+since\s+(?P<event>[^.;,:!?()]+)", re.I)
_YEARS = re.compile(r"^P(\d+)Y$")
_FUNCTION = re.compile(r"\b(?:the|a|an|of|their|its|his|her|our|this|that|and|in|on|between|two)\b", re.I)
_CONTENT = re.compile(r"[^\W\d_]{4,}")
_STEM = 6  # content words are compared by their first letters: "established" ~ "establishment"


@dataclass(frozen=True)
class Evidence:
    """One sentence that bounds the year of writing: ``earliest``/``latest`` (None: no bound that side)."""

    quote: Quote
    kind: str  # "future" | "past" | "completed" | "anniversary"
    earliest: int | None
    latest: int | None
    note: str  # what it shows, for the reader: "speaks of 2014 in the future tense"

    def record(self) -> dict[str, object]:
        return {**self.quote.record(), "kind": self.kind, "note": self.note}


@dataclass(frozen=True)
class DateEstimate:
    """When an undated article was written, as far as its text shows; never a stated date.

    ``earliest``/``latest`` are the years it lies between (one of them None when the text bounds
    only one side); ``evidence`` the sentences that set those bounds; ``reason`` says how.
    """

    earliest: int | None
    latest: int | None
    evidence: tuple[Evidence, ...]
    reason: str

    @property
    def year(self) -> int | None:
        """The year, when the evidence narrows it to one; None for a range."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None

    @property
    def value(self) -> str:
        """ISO 8601: ``2014``, or an interval ``2013/2014``, ``2013/..``, ``../2014``."""
        if self.year is not None:
            return str(self.year)
        return f"{self.earliest if self.earliest is not None else '..'}/{self.latest if self.latest is not None else '..'}"

    @property
    def display(self) -> str:
        """``c. 2014``, ``2014 or 2015``, ``between 2010 and 2014``, ``2013 or later``, ``2014 or earlier``."""
        if self.year is not None:
            return f"c. {self.year}"
        if self.earliest is not None and self.latest is not None:
            if self.latest == self.earliest + 1:
                return f"{self.earliest} or {self.latest}"
            return f"between {self.earliest} and {self.latest}"
        return f"{self.earliest} or later" if self.earliest is not None else f"{self.latest} or earlier"


@lru_cache(maxsize=1024)
def unanchored(text: str) -> tuple[Timex, ...]:
    """The temporal expressions of a paragraph read without a publication date: read once, though the
    estimate and the dates of an undated article both need them (the cache holds the last paragraphs only)."""
    return tuple(find_timexes(text))


def estimate_date(article: Article) -> DateEstimate | None:
    """The estimate for an article without a stated date; None when it has one or its text gives no evidence."""
    if article.date:
        return None
    found: list[Evidence] = []
    paragraphs = [(b.anchor, b.text) for b in article.paragraphs]
    stated = [(anchor, text, t) for anchor, text in paragraphs for t in unanchored(text) if _stated_year(t)]
    for anchor, text in paragraphs:
        spans = sentence_spans(text)
        counts = _counts(text)
        # a year inside "the 70th anniversary of the founding in 1949" dates the event, not the text's tense
        dates = [t for a, _, t in stated if a == anchor and not any(m.start("event") <= t.start < m.end("event") for *_, m in counts)]
        found += _date_evidence(article.id, anchor, text, spans, dates)
        found += _anniversary_evidence(article.id, anchor, text, spans, counts, paragraphs, stated)
    return combine(found)


def combine(found: Sequence[Evidence]) -> DateEstimate | None:
    """The narrowest range every lower bound and every upper bound not contradicting one allows."""
    lowers = [e.earliest for e in found if e.earliest is not None]
    lower = max(lowers) if lowers else None
    kept = [e for e in found if e.latest is None or lower is None or e.latest >= lower]
    dropped = [e for e in found if e not in kept]
    uppers = [e.latest for e in kept if e.latest is not None]
    upper = min(uppers) if uppers else None
    if lower is None and upper is None:
        return None
    binding = [e for e in kept if (lower is not None and e.earliest == lower) or (upper is not None and e.latest == upper)]
    evidence = tuple(_unique(binding))
    reason = _reason(lower, upper, evidence, dropped)
    return DateEstimate(lower, upper, evidence, reason)


def _unique(items: Iterable[Evidence]) -> list[Evidence]:
    seen: set[tuple[Quote, str]] = set()
    result = []
    for item in items:
        if (item.quote, item.kind) not in seen:
            seen.add((item.quote, item.kind))
            result.append(item)
    return result


def _reason(lower: int | None, upper: int | None, evidence: Sequence[Evidence], dropped: Sequence[Evidence]) -> str:
    notes = "; ".join(dict.fromkeys(e.note for e in evidence))
    if lower is not None and lower == upper:
        text = f"written in {lower}: {notes}"
    elif lower is not None and upper is not None:
        text = f"written between {lower} and {upper}: {notes}"
    elif lower is not None:
        text = f"written in {lower} or later: {notes}"
    else:
        text = f"written in {upper} or earlier: {notes}"
    if dropped:
        text += "; left out, as contradicted by what it reports as past: " + "; ".join(dict.fromkeys(e.note for e in dropped))
    return text


def _stated_year(timex: Timex) -> bool:
    """A date written out with its year ("2013", "November 2, 2013", "the 1960s"), not resolved, not hedged."""
    return timex.type == "DATE" and timex.certainty != "inferred" and bool(re.match(r"\d{3}[\dX]", timex.value)) and timex.mod in ("", "START", "MID", "END")


def _years(value: str) -> tuple[int, int]:
    """The first and last year a TIMEX3 value covers: ``2013-02`` → (2013, 2013); ``196X`` → (1960, 1969)."""
    if value[3] == "X":
        return int(value[:3] + "0"), int(value[:3] + "9")
    return int(value[:4]), int(value[:4])


def _clause(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """(sentence begin, sentence end, clause begin, clause end) around ``text[start:end]``."""
    begin, stop = sentence_around(text, start, end, spans)
    at = begin
    for brk in _CLAUSE_BREAK.finditer(text, begin, stop):
        if brk.start() >= end:
            return begin, stop, at, brk.start()
        at = brk.end()
    return begin, stop, at, stop


def _tense(clause: str) -> str | None:
    """ "future", "planned", "past" or None (present, or no clue) for one clause."""
    if _FUTURE.search(clause):
        return "future"
    if _PLANNED.search(clause):
        return "planned"
    return "past" if _PAST.search(clause) else None


def _date_evidence(article: str, anchor: str, text: str, spans: list[tuple[int, int]], timexes: Sequence[Timex]) -> list[Evidence]:
    found = []
    for t in timexes:
        begin, stop, at, end = _clause(text, t.start, t.end, spans)
        quote = Quote(article, anchor, " ".join(text[begin:stop].split()))
        tense = _tense(text[at:end])
        last = _years(t.end_value)[1] if t.end_value else _years(t.value)[1]
        if tense == "future":
            found.append(Evidence(quote, "future", None, _years(t.value)[1], f"speaks of {_shown(t)} in the future tense"))
            continue
        if tense == "planned":
            continue
        lead = text[at : t.start] + re.split(r"\d", t.text, maxsplit=1)[0]
        if _COMPLETED.search(lead) and _PAST_PERFECT.search(text[at:end]) and not t.end_value:
            found.append(Evidence(quote, "completed", last + 1, None, f"treats {_shown(t)} as over"))
        else:
            found.append(Evidence(quote, "past", _years(t.value)[0], None, f"reports {_shown(t)} as past"))
    return found


def _shown(timex: Timex) -> str:
    return " ".join(timex.text.split())


def _counts(text: str) -> list[tuple[int, int, int, bool, re.Match[str]]]:
    """(start, end, years, whether counted "since", event match) for "the 70th anniversary of X" and "the last 65 years since X"."""
    counts = []
    for m in _ANNIVERSARY.finditer(text):
        counts.append((m.start(), m.end(), int(m["digits"]) if m["digits"] else _ORDINALS[m["word"].lower()], False, m))
    for t in unanchored(text):
        years = _YEARS.match(t.value) if t.type == "DURATION" else None
        since = _SINCE.match(text, t.end) if years else None
        if years and since:
            counts.append((t.start, since.end(), int(years[1]), True, since))
    return counts


def _anniversary_evidence(
    article: str,
    anchor: str,
    text: str,
    spans: list[tuple[int, int]],
    counts: Sequence[tuple[int, int, int, bool, re.Match[str]]],
    paragraphs: Sequence[tuple[str, str]],
    stated: Sequence[tuple[str, str, Timex]],
) -> list[Evidence]:
    """The year of X plus the count, when the text states X's year; "N years since X" counts up to the time of writing."""
    found = []
    for start, end, n, since, m in counts:
        event = m["event"].strip()
        year = _event_year(event, m.start("event"), text, anchor, paragraphs, stated)
        if year is None:
            continue
        begin, stop, at, clause_end = _clause(text, start, end, spans)
        quote = Quote(article, anchor, " ".join(text[begin:stop].split()))
        tense = _tense(text[at:clause_end])
        if since and tense != "future":
            tense = None  # "in the 65 years since X, relations have changed": up to now
        when = year + n
        note = f"{n} years since {' '.join(event.split())} ({year}) is {when}"
        if tense == "future":
            found.append(Evidence(quote, "anniversary", None, when, note + ", spoken of in the future tense"))
        elif tense == "past":
            found.append(Evidence(quote, "anniversary", when, None, note + ", spoken of as past"))
        elif tense is None:
            found.append(Evidence(quote, "anniversary", when, when, note))
    return found


def _event_year(event: str, at: int, text: str, anchor: str, paragraphs: Sequence[tuple[str, str]], stated: Sequence[tuple[str, str, Timex]]) -> int | None:
    """The year of the event an anniversary counts from: one stated in the phrase itself, or in the one sentence
    of the article that names the same event (all its content words) with a single year."""
    inside = [t for a, _, t in stated if a == anchor and at <= t.start < at + len(event) and not t.end_value]
    if inside:
        return _years(inside[0].value)[0] if inside[0].value[3] != "X" else None
    words = {w.lower()[:_STEM] for w in _CONTENT.findall(_FUNCTION.sub(" ", event))}
    if len(words) < 2:
        return None
    candidates: set[int] = set()
    for para, body in paragraphs:
        spans = sentence_spans(body)
        for begin, stop in spans:
            sentence = body[begin:stop]
            if para == anchor and begin <= at < stop:
                continue  # the anniversary's own sentence: a year in it but outside the phrase dates something else
            if not words <= {w.lower()[:_STEM] for w in _CONTENT.findall(sentence)}:
                continue
            years = {_years(t.value)[0] for a, _, t in stated if a == para and begin <= t.start < stop and t.value[3] != "X"}
            if len(years) == 1:
                candidates |= years
    return candidates.pop() if len(candidates) == 1 else None
