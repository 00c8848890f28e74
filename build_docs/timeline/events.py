"""Dated statements → timeline events, each quoting its source and citing its paragraph.

An event is the sentence (or, when a sentence holds several dates, the clause) around a
date the temporal tagger (:mod:`build_docs.extract.timex`) found, with the entities named in
it. Nothing is reworded: the text of an event is the source's. A relative date ("last
year") is resolved against the article's publication date and marked as inferred; a
date something is planned or expected for is marked as expected. In an article that states no
date, what was resolved against the date its text shows (:mod:`build_docs.extract.dating`)
is marked ``estimated``.

Across articles, statements of the same thing at the same date become one event with
every citation; statements of the same thing at different dates are kept apart and
flagged, so a reader sees that the sources disagree.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import combinations
from typing import cast

from rapidfuzz import fuzz

from build_docs.clean.article import Article
from build_docs.extract.extractors import Dated
from build_docs.extract.sentences import sentence_around, sentence_spans
from build_docs.extract.timex import Timex
from build_docs.link.mentions import Links
from build_docs.link.model import Quote
from build_docs.results import NOTHING_KEPT, Kept, digest

DISPUTE_YEARS = 3  # two reports of one thing this many years apart may be a disagreement; further apart, two events
SAME_EVENT = 75
SHARED_WORDS = 3
COMMON_IN_EVENTS = 40
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")  # token-set similarity (0-100) of two quotes, dates left out, that report one event
_CLAUSE = re.compile(r";\s+")
_PRECISIONS = ("day", "month", "year", "quarter", "season", "half", "decade", "range", "century")


@dataclass(frozen=True)
class Event:
    id: str  # anchor on the timeline page; depends only on the date and the words quoted
    date: str  # ISO 8601: "2013-02", "1958-01-18", or an interval "2018/2022"
    value: str  # the TIMEX3 value: "2013-02", "196X"
    display: str  # as the page shows it: "February 2013", "the 1960s–1980s"
    precision: str  # day | month | year | decade | range | ...
    certainty: str  # stated | inferred | expected
    text: str  # the clause or sentence, quoted
    sources: tuple[Quote, ...]
    entities: tuple[str, ...] = ()  # entity ids
    disputed: tuple[str, ...] = ()  # ids of events that report the same thing at another date
    mod: str = ""
    when: str = ""  # the date as the source words it: "last year", "January 18, 1958"
    estimated: bool = False  # resolved against an article's estimated date, not a stated one

    @property
    def start(self) -> str:
        return self.date.split("/")[0]

    @property
    def year(self) -> int:
        return int(self.start[:4])


@dataclass(frozen=True)
class Timeline:
    """The corpus's events, merged and in order, and (when results are kept) a digest of each by id: what a kept page
    names of an event it shows, read back with the merge rather than made again for each page."""

    events: tuple[Event, ...]
    digests: Mapping[str, str] = field(default_factory=dict)


NO_EVENTS = Timeline(())


def events_of(
    articles: Sequence[Article], found: Mapping[str, Sequence[Dated]], links: Links, kept: Kept = NOTHING_KEPT, keys: Sequence[str] = ()
) -> Timeline:
    """Events from each article's dates, merged across articles.

    An article's own events depend on its text, its dates (extracted from that text) and its
    mentions, nothing else; with ``kept`` and ``keys`` (a digest of each article) they are kept,
    and a digest of them apart. The merge depends on the events alone: it is read back when every
    article's events are what they were (an edit that changes no date and no name near one merges
    nothing again), and then no article's events are read, only their digests."""
    make = [partial(article_events, article, found.get(article.id, ()), links) for article in articles]
    if not (kept.on and keys and links.digests):
        return Timeline(_merged([event for events in make for event in events()]))
    keyed = [kept.key("events", keys[i], links.digests[article.id]) for i, article in enumerate(articles)]
    made: dict[int, list[Event]] = {}
    shown: list[str] = []  # a digest of each article's events
    for i, key in enumerate(keyed):
        known = kept.get("event-digests", key)
        if known is None:
            made[i] = make[i]()
            shown.append(digest(made[i]))
            kept.put("events", key, made[i])
            kept.put("event-digests", key, shown[-1])
        else:
            kept.hold("events", key)  # read only if the merge must be made again
            shown.append(cast(str, known[0]))

    def merged() -> Timeline:
        single = [e for i, key in enumerate(keyed) for e in (made[i] if i in made else kept.one("events", key, make[i]))]
        events = _merged(single)
        return Timeline(events, {e.id: digest(e) for e in events})

    return kept.one("timeline-merge", kept.key("timeline-merge", *shown), merged)


def _merged(single: Sequence[Event]) -> tuple[Event, ...]:
    """The corpus's events from each article's, in order."""
    unique = {e.id: e for e in reversed(single)}  # one clause giving one date twice is one event
    return _merge(unique.values())


def article_events(article: Article, found: Sequence[Dated], links: Links) -> list[Event]:
    """The events of one article's dates, in reading order, before merging."""
    texts = {b.anchor: b.text for b in article.paragraphs}
    by_block: dict[str, list[Timex]] = defaultdict(list)
    estimated: set[tuple[str, int]] = set()
    for item in found:
        if placeable(item.timex):
            by_block[item.anchor].append(item.timex)
            if item.estimated:
                estimated.add((item.anchor, item.timex.start))
    single: list[Event] = []
    for anchor, timexes in by_block.items():
        events = _block_events(article.id, anchor, texts[anchor], timexes, links)
        single += [replace(e, estimated=True) if (anchor, t.start) in estimated else e for e, t in zip(events, timexes, strict=True)]
    return single


def placeable(timex: Timex) -> bool:
    """A date a timeline can place: a calendar date, month, year, decade or range, not "now" or "two years"."""
    if timex.type != "DATE" or not re.match(r"^\d{3}[\dX]", timex.value) or iso_interval(timex) is None:
        return False
    # "today's world", "now", "on Monday": a day worked out from the publication date says when the
    # article was written, not when something happened.
    return not (timex.anchored and timex.precision == "day" and not re.search(r"\d", timex.text))


def _block_events(article: str, anchor: str, text: str, timexes: list[Timex], links: Links) -> list[Event]:
    spans = sentence_spans(text)
    starts = sorted(t.start for t in timexes)
    named = sorted((m.start, m.key.partition(":")[2]) for m in links.by_block.get((article, anchor), ()) if m.key.startswith("entity:"))
    named_at = [start for start, _ in named]
    events = []
    for timex in timexes:
        begin, end = sentence_around(text, timex.start, timex.end, spans)
        others = bisect_left(starts, end) - bisect_left(starts, begin) - (begin <= timex.start < end)  # other dates in the sentence
        if others:
            begin, end = _clause(text, begin, end, timex)
        quote = Quote(article, anchor, " ".join(text[begin:end].split()))
        entities = sorted({entity for _, entity in named[bisect_left(named_at, begin) : bisect_left(named_at, end)]})
        events.append(_event(timex, quote.quote, (quote,), tuple(entities)))
    return events


def _clause(text: str, begin: int, end: int, timex: Timex) -> tuple[int, int]:
    """The part of a sentence between semicolons that holds the date."""
    at = begin
    for separator in _CLAUSE.finditer(text, begin, end):
        if timex.start < separator.start():
            return at, separator.start()
        at = separator.end()
    return at, end


def _event(timex: Timex, text: str, sources: tuple[Quote, ...], entities: tuple[str, ...]) -> Event:
    interval = iso_interval(timex)
    assert interval is not None
    digest = hashlib.sha1(f"{interval}|{' '.join(text.casefold().split())}".encode()).hexdigest()[:8]
    return Event(
        id=f"e-{interval.replace('/', '-').lower()}-{digest}",
        date=interval,
        value=timex.value,
        display=display(timex),
        precision=timex.precision,
        certainty=timex.certainty,
        text=text,
        sources=sources,
        entities=entities,
        mod=timex.mod,
        when=" ".join(timex.text.split()),
    )


def iso_interval(timex: Timex) -> str | None:
    """The TIMEX3 value as ISO 8601: a date, or an interval ``start/end`` for decades, ranges, quarters."""
    start = _iso(timex.value, first=True)
    if start is None:
        return None
    if timex.end_value:
        end = _iso(timex.end_value, first=False)
        return f"{start}/{end}" if end and end >= start else None
    end = _iso(timex.value, first=False)
    return start if end == start else f"{start}/{end}"


_QUARTERS = {"Q1": ("01", "03"), "Q2": ("04", "06"), "Q3": ("07", "09"), "Q4": ("10", "12"), "H1": ("01", "06"), "H2": ("07", "12")}
_SEASONS = {"SP": ("03", "05"), "SU": ("06", "08"), "FA": ("09", "11"), "WI": ("12", "02")}


def _iso(value: str, first: bool) -> str | None:
    """``2013`` → ``2013``; ``196X`` → ``1960``/``1969``; ``2019-Q1`` → ``2019-01``/``2019-03``."""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    if re.fullmatch(r"\d{3}X", value):
        return value[:3] + ("0" if first else "9")
    if re.fullmatch(r"\d{2}", value):  # a century: "19" is the 1900s
        return value + ("00" if first else "99")
    match = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", value)
    if match:
        year, part = match.groups()
        months = {**_QUARTERS, **_SEASONS}[part]
        if part == "WI" and not first:
            return f"{int(year) + 1:04d}-{months[1]}"
        return f"{year}-{months[0 if first else 1]}"
    return None


_MODS = {"START": "early {}", "END": "end of {}", "MID": "mid-{}", "BEFORE": "before {}", "AFTER": "after {}", "APPROX": "about {}"}
_INNER_MODS = {"START": "the early {}", "MID": "the mid-{}"}  # inside a "the …" label: "the mid-1950s", not "mid-the 1950s"


def display(timex: Timex) -> str:
    """How a reader sees the date: "18 January 1958", "February 2013", "the 1960s–1980s", "2018–2022", "the mid-1950s"."""
    shown = _display(timex.value)
    if timex.end_value:
        end = _display(timex.end_value)
        if shown.startswith("the ") and end.startswith("the "):
            end = end[4:]
        shown = f"{shown}\u2013{end}"
    if shown.startswith("the ") and timex.mod in _INNER_MODS:
        return _INNER_MODS[timex.mod].format(shown[4:])
    return _MODS.get(timex.mod, "{}").format(shown)


def _display(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        year, month, day = map(int, value.split("-"))
        return f"{day} {calendar.month_name[month]} {year}"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = map(int, value.split("-"))
        return f"{calendar.month_name[month]} {year}"
    if re.fullmatch(r"\d{3}X", value):
        return f"the {value[:3]}0s"
    if re.fullmatch(r"\d{2}", value):
        century = int(value) + 1
        suffix = "th" if 10 <= century % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(century % 10, "th")
        return f"the {century}{suffix} century"
    match = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", value)
    if match:
        in_year, part = match.groups()
        names = {"H1": "first half of", "H2": "second half of", "SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
        return f"{part} {in_year}" if part.startswith("Q") else f"{names[part]} {in_year}"
    return value


def _merge(events: Iterable[Event]) -> tuple[Event, ...]:
    """One event per thing reported at one date; the same thing at different dates is flagged.

    Only events sharing uncommon words (:func:`_similar_pairs`) are compared, so the cost
    stays near linear in the number of events.
    """
    single = sorted(events, key=_first_source)
    parent = list(range(len(single)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words: dict[str, set[str]] = {}  # an event's uncommon words, by its text: a merged event keeps its first one's
    for i, j in _similar_pairs(single, words, [e.date for e in single]):
        if _same(single[i], single[j]):
            parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, event in enumerate(single):
        groups[root(i)].append(event)
    merged = [
        replace(
            group[0],
            sources=tuple(sorted({q for e in group for q in e.sources})),
            entities=tuple(sorted({x for e in group for x in e.entities})),
            estimated=all(e.estimated for e in group),  # another source stating the date makes it not an estimate
        )
        for group in groups.values()
    ]
    disputes: dict[str, set[str]] = defaultdict(set)
    for i, j in _similar_pairs(merged, words, [e.precision for e in merged]):
        one, other = merged[i], merged[j]
        if one.date != other.date and abs(one.year - other.year) <= DISPUTE_YEARS and _same(one, other):
            disputes[one.id].add(other.id)
            disputes[other.id].add(one.id)
    final = [replace(e, disputed=tuple(sorted(disputes[e.id]))) if e.id in disputes else e for e in merged]
    return tuple(sorted(final, key=lambda e: (e.start, _PRECISIONS.index(e.precision) if e.precision in _PRECISIONS else 99, e.date, e.text)))


def _first_source(event: Event) -> tuple[str, str, str, str]:
    """Events in order of date, then of their first source (as :class:`Quote` orders itself, compared as strings)."""
    first = event.sources[0]
    return event.date, first.article, first.anchor, first.quote


def _similar_pairs(events: list[Event], words: dict[str, set[str]], groups: Sequence[object]) -> list[tuple[int, int]]:
    """Pairs of events in the same group (``groups``, one per event: the date, to merge; the precision, to find
    disputes) that share at least ``SHARED_WORDS`` uncommon words (an inverted index, not all pairs).

    A word in more than ``COMMON_IN_EVENTS`` events (of any group) says nothing about which event it is and is
    skipped, which keeps the number of pairs compared close to linear in the number of events. ``words``
    holds each text's uncommon words, filled as texts are met (a merge's two calls share it).
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        if event.text not in words:
            words[event.text] = set(_CONTENT_WORD.findall(event.text.casefold()))
        for word in words[event.text]:
            index[word].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in index.values():
        if 1 < len(holders) <= COMMON_IN_EVENTS:
            grouped: dict[object, list[int]] = defaultdict(list)
            for i in holders:
                grouped[groups[i]].append(i)
            for same in grouped.values():
                if len(same) > 1:
                    shared.update(combinations(same, 2))  # in ascending order: pairs (i, j) with i < j, counted in C
    return sorted(pair for pair, n in shared.items() if n >= SHARED_WORDS)


def _articles(event: Event) -> frozenset[str]:
    return frozenset(q.article for q in event.sources)


def _same(one: Event, other: Event) -> bool:
    """Two quotes from different articles say the same thing: their words, without digits, mostly agree."""
    if _articles(one) & _articles(other):
        return False  # one article does not report one event twice
    strip = re.compile(r"\d+")
    return fuzz.token_set_ratio(strip.sub("", one.text.casefold()), strip.sub("", other.text.casefold())) >= SAME_EVENT
