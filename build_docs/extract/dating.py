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
from bisect import bisect_left, bisect_right
from collections import Counter
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
_CUE_WORDS = max(len(cue.split()) for cue in data.lines("dating/completed-cues.txt"))
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
    stated = _Stated(paragraphs)
    for anchor, text in paragraphs:
        paragraph = _Paragraph(text, sentence_spans(text))
        counts = _counts(text)
        # a year inside "the 70th anniversary of the founding in 1949" dates the event, not the text's tense
        events = _Spans((m.start("event"), m.end("event")) for *_, m in counts)
        dates = [t for t in stated.of(anchor) if not events.hold(t.start)]
        found += _date_evidence(article.id, anchor, paragraph, dates)
        found += _anniversary_evidence(article.id, anchor, paragraph, counts, stated)
    return combine(found)


def combine(found: Sequence[Evidence]) -> DateEstimate | None:
    """The narrowest range every lower bound and every upper bound not contradicting one allows."""
    lowers = [e.earliest for e in found if e.earliest is not None]
    lower = max(lowers) if lowers else None
    kept = [e for e in found if _consistent(e, lower)]
    dropped = [e for e in found if not _consistent(e, lower)]
    uppers = [e.latest for e in kept if e.latest is not None]
    upper = min(uppers) if uppers else None
    if lower is None and upper is None:
        return None
    binding = [e for e in kept if (lower is not None and e.earliest == lower) or (upper is not None and e.latest == upper)]
    evidence = tuple(_unique(binding))
    reason = _reason(lower, upper, evidence, dropped)
    return DateEstimate(lower, upper, evidence, reason)


def _consistent(evidence: Evidence, lower: int | None) -> bool:
    """An upper bound no lower bound contradicts (or no upper bound at all)."""
    return evidence.latest is None or lower is None or evidence.latest >= lower


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


class _Paragraph:
    """One paragraph's sentences and clauses, each read once however many dates it holds (a long sentence
    with many dates costs no more per date than a short one)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans
        self._breaks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self._quotes: dict[tuple[int, int], str] = {}
        self._tenses: dict[tuple[int, int], str | None] = {}
        self._perfect: dict[tuple[int, int], bool] = {}

    def clause(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(sentence begin, sentence end, clause begin, clause end) around ``text[start:end]``."""
        begin, stop = sentence_around(self.text, start, end, self.spans)
        if (begin, stop) not in self._breaks:
            found = list(_CLAUSE_BREAK.finditer(self.text, begin, stop))
            self._breaks[(begin, stop)] = ([b.start() for b in found], [b.end() for b in found])
        starts, ends = self._breaks[(begin, stop)]
        i = bisect_left(starts, end)  # the first break at or after the end; the clause begins after the one before
        return begin, stop, ends[i - 1] if i else begin, starts[i] if i < len(starts) else stop

    def quote(self, begin: int, stop: int) -> str:
        if (begin, stop) not in self._quotes:
            self._quotes[(begin, stop)] = " ".join(self.text[begin:stop].split())
        return self._quotes[(begin, stop)]

    def tense(self, at: int, end: int) -> str | None:
        if (at, end) not in self._tenses:
            self._tenses[(at, end)] = _tense(self.text[at:end])
        return self._tenses[(at, end)]

    def past_perfect(self, at: int, end: int) -> bool:
        if (at, end) not in self._perfect:
            self._perfect[(at, end)] = _PAST_PERFECT.search(self.text[at:end]) is not None
        return self._perfect[(at, end)]

    def completed(self, at: int, timex: Timex) -> bool:
        """Whether the clause up to the date, with the date's words before its first digit ("the end of"), ends
        with a cue. Only the last words a cue can take are read: a cue is at most ``_CUE_WORDS`` words, so a
        match cannot begin before the one more word back where the search starts."""
        lead = re.split(r"\d", timex.text, maxsplit=1)[0]
        if at > timex.start:
            return _COMPLETED.search(lead) is not None
        end = timex.start + len(lead)  # the clause's text up to the date, then ``lead``, is text[at:end]
        return _COMPLETED.search(self.text[_words_back(self.text, at, end, _CUE_WORDS + 1) : end]) is not None


def _words_back(text: str, floor: int, end: int, count: int) -> int:
    """Where the ``count``-th run of non-space characters before ``end`` begins; ``floor`` if it begins before."""
    at = end
    for _ in range(count):
        while at > floor and text[at - 1].isspace():
            at -= 1
        while at > floor and not text[at - 1].isspace():
            at -= 1
    return at


class _Spans:
    """Whether a position lies inside any of a set of spans, by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def hold(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and self.reach[i] > position


def _tense(clause: str) -> str | None:
    """ "future", "planned", "past" or None (present, or no clue) for one clause."""
    if _FUTURE.search(clause):
        return "future"
    if _PLANNED.search(clause):
        return "planned"
    return "past" if _PAST.search(clause) else None


def _date_evidence(article: str, anchor: str, paragraph: _Paragraph, timexes: Sequence[Timex]) -> list[Evidence]:
    found = []
    for t in timexes:
        begin, stop, at, end = paragraph.clause(t.start, t.end)
        quote = Quote(article, anchor, paragraph.quote(begin, stop))
        tense = paragraph.tense(at, end)
        last = _years(t.end_value)[1] if t.end_value else _years(t.value)[1]
        if tense == "future":
            found.append(Evidence(quote, "future", None, _years(t.value)[1], f"speaks of {_shown(t)} in the future tense"))
            continue
        if tense == "planned":
            continue
        if paragraph.completed(at, t) and paragraph.past_perfect(at, end) and not t.end_value:
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
    paragraph: _Paragraph,
    counts: Sequence[tuple[int, int, int, bool, re.Match[str]]],
    stated: _Stated,
) -> list[Evidence]:
    """The year of X plus the count, when the text states X's year; "N years since X" counts up to the time of writing."""
    found = []
    for start, end, n, since, m in counts:
        event = m["event"].strip()
        year = _event_year(event, m.start("event"), anchor, stated)
        if year is None:
            continue
        begin, stop, at, clause_end = paragraph.clause(start, end)
        quote = Quote(article, anchor, paragraph.quote(begin, stop))
        tense = paragraph.tense(at, clause_end)
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


class _Stated:
    """The years an article states (:func:`_stated_year`), by paragraph in reading order; and, built on first
    use, every sentence of the article with its content words and the years stated in it, indexed by word, so
    finding the sentences that name an event reads only those that hold its words."""

    def __init__(self, paragraphs: Sequence[tuple[str, str]]) -> None:
        self.paragraphs = paragraphs
        self.by_anchor: dict[str, list[Timex]] = {}
        for anchor, text in paragraphs:
            self.by_anchor.setdefault(anchor, []).extend(t for t in unanchored(text) if _stated_year(t))
        self._sentences: list[tuple[str, int, int, frozenset[int]]] = []  # (anchor, begin, end, years stated in it)
        self._begins: dict[str, tuple[int, list[int]]] = {}  # anchor -> (index of its first sentence, their begins)
        self._words: dict[str, list[int]] = {}  # content word -> the sentences holding it, in order
        self._naming: dict[frozenset[str], tuple[Counter[int], frozenset[int]]] = {}
        self._plain: dict[str, tuple[list[int], list[int]]] = {}  # anchor -> (date starts, next date that is no range)

    def of(self, anchor: str) -> list[Timex]:
        return self.by_anchor.get(anchor, [])

    def inside(self, anchor: str, begin: int, end: int) -> Timex | None:
        """The first stated date beginning in ``[begin, end)`` of a paragraph that is no range."""
        if anchor not in self._plain:
            dates = self.of(anchor)
            following = [len(dates)] * (len(dates) + 1)  # the first date at or after each that is no range
            for i in range(len(dates) - 1, -1, -1):
                following[i] = following[i + 1] if dates[i].end_value else i
            self._plain[anchor] = ([t.start for t in dates], following)
        starts, following = self._plain[anchor]
        i = following[bisect_left(starts, begin)]
        return self.of(anchor)[i] if i < len(starts) and starts[i] < end else None

    def _index(self) -> None:
        for anchor, body in self.paragraphs:
            dates = self.of(anchor)
            starts = [t.start for t in dates]
            self._begins.setdefault(anchor, (len(self._sentences), []))
            for begin, stop in sentence_spans(body):
                years = frozenset(_years(t.value)[0] for t in dates[bisect_left(starts, begin) : bisect_left(starts, stop)] if t.value[3] != "X")
                for word in {w.lower()[:_STEM] for w in _CONTENT.findall(body[begin:stop])}:
                    self._words.setdefault(word, []).append(len(self._sentences))
                self._begins[anchor][1].append(begin)
                self._sentences.append((anchor, begin, stop, years))

    def naming(self, words: frozenset[str]) -> tuple[Counter[int], frozenset[int]]:
        """The sentences holding all ``words``, and how many of those with one stated year give each year."""
        if words not in self._naming:
            if not self._sentences:
                self._index()
            postings = sorted((self._words.get(w, []) for w in words), key=len)
            holding = set(postings[0]).intersection(*postings[1:])
            years = Counter(y for i in holding if len(self._sentences[i][3]) == 1 for y in self._sentences[i][3])
            self._naming[words] = (years, frozenset(holding))
        return self._naming[words]

    def sentence_at(self, anchor: str, at: int) -> int | None:
        """The sentence of a paragraph holding offset ``at``, if any."""
        first, begins = self._begins.get(anchor, (0, []))
        i = bisect_right(begins, at) - 1
        if i < 0 or not at < self._sentences[first + i][2]:
            return None
        return first + i


def _event_year(event: str, at: int, anchor: str, stated: _Stated) -> int | None:
    """The year of the event an anniversary counts from: one stated in the phrase itself, or in the one sentence
    of the article that names the same event (all its content words) with a single year."""
    inside = stated.inside(anchor, at, at + len(event))
    if inside is not None:
        return _years(inside.value)[0] if inside.value[3] != "X" else None
    words = frozenset(w.lower()[:_STEM] for w in _CONTENT.findall(_FUNCTION.sub(" ", event)))
    if len(words) < 2:
        return None
    years, holding = stated.naming(words)
    # the anniversary's own sentence does not count: a year in it but outside the phrase dates something else
    own = stated.sentence_at(anchor, at)
    own_year = next(iter(stated._sentences[own][3])) if own in holding and len(stated._sentences[own][3]) == 1 else None
    candidates = [y for y, n in years.items() if n > (y == own_year)] if len(years) <= 2 else None
    return candidates[0] if candidates is not None and len(candidates) == 1 else None
