"""The timeline: an overview with a chart drawn at build time, its period pages, and its data files.

Files: ``timeline.md`` (the overview: the chart, entries per decade and year, linking on);
``timeline/<period>.md``, one per decade, or per year where a decade holds more than
:data:`ENTRIES_PER_PAGE` entries, or per part of a year where a year does (so no page grows
with the corpus); ``data/timeline.json`` (this site's format), ``data/timeline-timelinejs.json``
(TimelineJS's JSON, so the chronology can be shown with that tool), ``data/timeline.csv``, and
``data/timeline-pages.json`` (entry id → the page holding it). The chart is an inline SVG
written here. An old address of an entry (``timeline/#e-…``, from when the timeline was one
page) still leads to it: a few lines of script on the overview look the id up in
``data/timeline-pages.json`` and go on to its page.
"""

from __future__ import annotations

import csv
import html
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from build_docs.link.model import Knowledge
from build_docs.render.jsondata import dump_bytes
from build_docs.render.kept_pages import kept_pages
from build_docs.render.markdown import Md
from build_docs.render.page_cites import NO_PAGES
from build_docs.render.templating import RenderedPage, page
from build_docs.results import NOTHING_KEPT, Kept
from build_docs.timeline.events import Event, Timeline

CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 720, 160, 28
ENTRIES_PER_PAGE = 150  # at most this many entries on one timeline page (about 110 KB of HTML)
WEIGHT_PER_PAGE = 150_000  # and at most about this many characters of them (:func:`weight`), whatever their quotes' length
SOURCES_SHOWN = 8  # citations of one entry shown; the rest are counted (every one is in data/timeline.json)
PAGES_FILE = "data/timeline-pages.json"


@dataclass(frozen=True)
class Period:
    """One timeline page: a decade, a year, or a part of a year, and its entries by year."""

    name: str  # the page's name under timeline/: "1990s", "2015", "2015-part-2"
    title: str  # "1990s", "2015", "2015, part 2 of 3"
    years: tuple[tuple[int, tuple[Event, ...]], ...]

    @property
    def path(self) -> str:
        return f"timeline/{self.name}.md"

    @property
    def count(self) -> int:
        return sum(len(entries) for _, entries in self.years)


def periods(events: Sequence[Event], per_page: int | None = None) -> list[Period]:
    """The timeline's pages, in date order: a decade per page while it holds at most ``per_page``
    entries, else a year per page, else parts of a year of ``per_page`` entries each (:data:`ENTRIES_PER_PAGE`)."""
    per_page = per_page or ENTRIES_PER_PAGE
    decades: dict[int, dict[int, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for event in events:
        decades[event.year // 10 * 10][event.year].append(event)
    found: list[Period] = []
    for decade, years in sorted(decades.items()):
        held = [e for entries in years.values() for e in entries]
        if len(held) <= per_page and sum(map(weight, held)) <= WEIGHT_PER_PAGE:
            found.append(Period(f"{decade}s", f"{decade}s", tuple((y, tuple(e)) for y, e in sorted(years.items()))))
            continue
        for year, entries in sorted(years.items()):
            parts = _parts(entries, per_page)
            for number, part in enumerate(parts, start=1):
                name, title = (str(year), str(year)) if len(parts) == 1 else (f"{year}-part-{number}", f"{year}, part {number} of {len(parts)}")
                found.append(Period(name, title, ((year, part),)))
    return found


def weight(event: Event) -> int:
    """About how many characters an entry takes on its page: its quote and the citations shown, each with its sentence as the tooltip."""
    return 300 + len(event.text) + sum(200 + len(q.quote) for q in event.sources[:SOURCES_SHOWN])


def _parts(entries: Sequence[Event], per_page: int) -> list[tuple[Event, ...]]:
    """``entries`` in order, cut into parts of at most ``per_page`` entries and :data:`WEIGHT_PER_PAGE` characters (an entry heavier alone is a part alone)."""
    parts: list[list[Event]] = [[]]
    load = 0
    for event in entries:
        if parts[-1] and (len(parts[-1]) >= per_page or load + weight(event) > WEIGHT_PER_PAGE):
            parts.append([])
            load = 0
        parts[-1].append(event)
        load += weight(event)
    return [tuple(part) for part in parts if part]


def entry_pages(events: Sequence[Event]) -> dict[str, str]:
    """Entry id → the path of the timeline page that holds it (``timeline/2015.md``)."""
    return {event.id: period.path for period in periods(events) for _, entries in period.years for event in entries}


def timeline_pages(
    timeline: Timeline,
    knowledge: Knowledge,
    titles: Mapping[str, str],
    pages: Mapping[tuple[str, str], str] = NO_PAGES,
    kept: Kept = NOTHING_KEPT,
    finish: Callable[[list[RenderedPage]], list[RenderedPage]] = list,
) -> list[RenderedPage]:
    """The overview, a page per period, and the data files. A period's page goes through ``finish``
    and is kept (:mod:`.kept_pages`), keyed by its entries (their digests) and what it shows of what they link to."""
    events, digests = timeline.events, timeline.digests
    found = periods(events)
    by_id = {e.id: e for e in events}
    where = {event.id: period for period in found for _, entries in period.years for event in entries}
    years: dict[int, list[Period]] = defaultdict(list)
    for period in found:
        for year, _ in period.years:
            years[year].append(period)
    counts = Counter(e.year for e in events)
    decades = sorted({year // 10 * 10 for year in counts})
    overview = page(
        "timeline.md",
        "timeline.md.j2",
        events=events,
        decades=[(d, [(y, counts[y], years[y]) for y in sorted(counts) if y // 10 * 10 == d]) for d in decades],
        articles=len({q.article for e in events for q in e.sources}),
        chart=Md(chart(events)),
        periods=found,
        pages_file=PAGES_FILE,
    )
    rendered = finish([overview])
    holders = {event_id: period.name for event_id, period in where.items()}
    for number, period in enumerate(found):
        previous = found[number - 1] if number else None
        following = found[number + 1] if number + 1 < len(found) else None
        context = dict(titles=titles, pages=pages, entities=knowledge.entities, holders=holders, by_id=by_id)
        inputs = (_shape(period, digests), _named(previous), _named(following), _period_view(period, context)) if kept.on else ()
        make = partial(_period_page, period, previous, following, context)
        rendered += kept_pages(kept, "timeline", inputs, lambda make=make: finish([make()]))  # type: ignore[misc]
    # the data files, read back (their bytes unread) when the events and the articles' titles are what they were
    data_inputs = (tuple(digests[e.id] for e in events), titles) if kept.on else ()
    return rendered + kept_pages(kept, "timeline-data", data_inputs, partial(_data_files, events, titles, where))


def _data_files(events: Sequence[Event], titles: Mapping[str, str], where: Mapping[str, Period]) -> list[RenderedPage]:
    return [
        RenderedPage("data/timeline.json", dump_bytes([record(e) for e in events])),
        RenderedPage("data/timeline-timelinejs.json", dump_bytes(timelinejs(events, titles))),
        RenderedPage("data/timeline.csv", table(events).encode("utf-8")),
        RenderedPage(PAGES_FILE, dump_bytes({e.id: f"{where[e.id].name}/" for e in events})),
    ]


def _period_page(period: Period, previous: Period | None, following: Period | None, context: Mapping[str, object]) -> RenderedPage:
    return page(
        period.path,
        "timeline-period.md.j2",
        context,
        period=period,
        previous=previous,
        next=following,
        shown=SOURCES_SHOWN,
        meta={"search": {"exclude": True}},  # every entry quotes an article, which search finds
    )


def _shape(period: Period, digests: Mapping[str, str]) -> tuple[object, ...]:
    """A period as its page's key names it: its name, title and years, each entry by its digest."""
    return period.name, period.title, tuple((year, tuple(digests[e.id] for e in entries)) for year, entries in period.years)


def _named(period: Period | None) -> tuple[str, str] | None:
    return (period.name, period.title) if period else None


def _period_view(period: Period, context: Mapping[str, Any]) -> tuple[object, ...]:
    """What a period's page shows of the rest of the site: the articles its entries quote, the entities
    they name, the entries they disagree with (and which page holds those): all the template reads."""
    titles, pages, entities, holders, by_id = (context[k] for k in ("titles", "pages", "entities", "holders", "by_id"))
    entries = [e for _, entries in period.years for e in entries]
    quoted = tuple((q.article, titles[q.article], pages.get((q.article, q.anchor), "")) for e in entries for q in e.sources[:SOURCES_SHOWN])
    named = tuple((x, entities[x].name) for e in entries for x in e.entities)
    disputed = tuple((o, by_id[o].display, holders[o]) for e in entries for o in e.disputed)
    return quoted, named, disputed


def record(event: Event) -> dict[str, object]:
    return {
        "id": event.id,
        "date": event.date,
        "display": event.display,
        "precision": event.precision,
        "certainty": event.certainty,
        "estimated": event.estimated,
        "text": event.text,
        "when": event.when,
        "entities": list(event.entities),
        "sources": [q.record() for q in event.sources],
        "disputed": list(event.disputed),
    }


def timelinejs(events: Sequence[Event], titles: Mapping[str, str]) -> dict[str, object]:
    """TimelineJS 3's JSON format; every text is HTML-escaped, since TimelineJS renders these fields as HTML."""
    items = []
    for event in events:
        start, _, end = event.date.partition("/")
        cited = "; ".join(f"{html.escape(titles.get(q.article, q.article))}, \u00b6{q.anchor[1:]}" for q in event.sources)
        item: dict[str, object] = {
            "unique_id": event.id,
            "start_date": _tl_date(start, event.display),
            "text": {"headline": html.escape(event.display), "text": f"<p>\u201c{html.escape(event.text)}\u201d</p><p>{cited}</p>"},
            "group": f"{event.year // 10 * 10}s",
        }
        if end:
            item["end_date"] = _tl_date(end, "")
        items.append(item)
    return {"title": {"text": {"headline": "Timeline", "text": "Dated statements quoted from the sources."}}, "events": items}


def _tl_date(iso: str, display: str) -> dict[str, str]:
    parts = iso.split("-")
    date = {"year": str(int(parts[0]))}
    if len(parts) > 1:
        date["month"] = str(int(parts[1]))
    if len(parts) > 2:
        date["day"] = str(int(parts[2]))
    if display:
        date["display_date"] = display
    return date


def table(events: Sequence[Event]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "date", "display", "precision", "certainty", "text", "entities", "sources", "estimated"])
    for e in events:
        sources = ";".join(f"{q.article}#{q.anchor}" for q in e.sources)
        writer.writerow([e.id, e.date, e.display, e.precision, e.certainty, e.text, ";".join(e.entities), sources, "yes" if e.estimated else ""])
    return out.getvalue()


def chart(events: Sequence[Event]) -> str:
    """Events per year as an SVG bar chart; each bar's tooltip gives the year and the count."""
    if not events:
        return ""
    counts = Counter(e.year for e in events)
    first, last = min(counts), max(counts)
    years = last - first + 1
    width = CHART_WIDTH - 2 * CHART_MARGIN
    step = width / years
    top = max(counts.values())
    height = CHART_HEIGHT - 2 * CHART_MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" '
        # A group, not an image: its bars are links (an image's content is not interactive: axe-core, nested-interactive).
        f'role="group" aria-label="Events per year, {first}\u2013{last}" class="timeline-chart-svg">',
        f"<title>Events per year, {first}\u2013{last}</title>",
        f'<line x1="{CHART_MARGIN}" y1="{CHART_HEIGHT - CHART_MARGIN}" x2="{CHART_WIDTH - CHART_MARGIN}" y2="{CHART_HEIGHT - CHART_MARGIN}" class="axis"/>',
    ]
    for year, count in sorted(counts.items()):
        bar = height * count / top
        x = CHART_MARGIN + (year - first) * step
        label = f"{year}: {count} event{'s' if count != 1 else ''}"
        parts.append(
            f'<a href="#y{year}" aria-label="{label}">'
            f'<rect x="{x + step * 0.1:.1f}" y="{CHART_HEIGHT - CHART_MARGIN - bar:.1f}" width="{max(step * 0.8, 1):.1f}" '
            f'height="{bar:.1f}" class="bar"><title>{label}</title></rect></a>'
        )
    ticks = sorted({first, last} | {y for y in range(first, last + 1) if y % (10 if years > 15 else 5 if years > 5 else 1) == 0})
    for year in ticks:
        x = CHART_MARGIN + (year - first + 0.5) * step
        parts.append(f'<text x="{x:.1f}" y="{CHART_HEIGHT - CHART_MARGIN + 16}" text-anchor="middle" class="tick">{year}</text>')
    parts.append(f'<text x="{CHART_MARGIN}" y="{CHART_MARGIN - 10}" class="tick">{top} event{"s" if top != 1 else ""} in the busiest year</text>')
    parts.append("</svg>")
    return "".join(parts)
