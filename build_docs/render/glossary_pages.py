"""The glossary: one page while it is short, else an index of letters and a page per letter.

Up to :data:`TERMS_PER_PAGE` terms, ``glossary.md`` holds every entry, as it always has. Beyond,
it lists the letters (each with its terms counted and linked) and every entry is on
``glossary/<letter>.md`` (``glossary/<letter>-<n>.md`` for the n-th page of a letter with more
than :data:`TERMS_PER_PAGE` terms; ``other`` for terms not starting with A–Z). Links from the
rest of the site go straight to the page holding the entry (:func:`term_page`); an old address
(``glossary/#<term id>``) leads on through ``data/glossary-pages.json`` and a few lines of
script on the index, as the timeline's do.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from build_docs.link.mentions import Links
from build_docs.link.model import Knowledge, Quote, Term
from build_docs.render.citation import display_date
from build_docs.render.infobox import first_use
from build_docs.render.jsondata import dump_bytes
from build_docs.render.markdown import Md
from build_docs.render.templating import RenderedPage, page

TERMS_PER_PAGE = 40  # a glossary entry (3 quotes spelling it out, 12 articles) is at most about 3 KB of HTML
SPELLED_SHOWN = 3  # quotes spelling a term out; the rest are counted (and all in data/glossary.json)
USED_SHOWN = 12  # articles a glossary entry links to; the rest are counted (and all in data/glossary.json)
PAGES_FILE = "data/glossary-pages.json"
NO_DATES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Letter:
    """One letter of the glossary and, when it is split, the page (or part of a letter) holding its terms."""

    letter: str  # "A", or "#" for the rest
    anchor: str  # "letter-a", "letter-other"
    name: str  # the page's name under glossary/: "a", "a-2", "other"
    terms: tuple[Term, ...]
    part: int = 0  # 0: the letter's only page
    parts: int = 1

    @property
    def path(self) -> str:
        return f"glossary/{self.name}.md"

    @property
    def title(self) -> str:
        shown = "other" if self.letter == "#" else self.letter
        return f"{shown}, part {self.part} of {self.parts}" if self.part else shown

    @property
    def label(self) -> str:
        first, last = self.terms[0].term, self.terms[-1].term
        return first if first == last else f"{first} … {last}"


_PLACES: dict[int, tuple[Mapping[str, Term], dict[str, str]]] = {}  # the last glossary's pages, by its terms' identity


def letters(terms: Mapping[str, Term], per_page: int | None = None) -> list[Letter]:
    """The glossary's letters in order, each split into parts of ``per_page`` (:data:`TERMS_PER_PAGE`) terms."""
    per_page = per_page or TERMS_PER_PAGE
    by_letter: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(terms.values(), key=lambda t: (t.term.casefold(), t.term, t.id)):
        first = term.term[:1].upper()
        by_letter[first if "A" <= first <= "Z" else "#"].append(term)
    found = []
    for letter, entries in sorted(by_letter.items()):
        base = "other" if letter == "#" else letter.lower()
        chunks = [tuple(entries[i : i + per_page]) for i in range(0, len(entries), per_page)]
        for number, chunk in enumerate(chunks, start=1):
            name, part = (base, 0) if len(chunks) == 1 else (base if number == 1 else f"{base}-{number}", number)
            found.append(Letter(letter, f"letter-{base}", name, chunk, part, len(chunks)))
    return found


def is_split(terms: Mapping[str, Term]) -> bool:
    return len(terms) > TERMS_PER_PAGE


def term_page(terms: Mapping[str, Term], term_id: str) -> str:
    """The page holding a term's entry, from the top of ``docs/``: ``glossary.md``, or ``glossary/a.md`` when split."""
    if not is_split(terms):
        return "glossary.md"
    hit = _PLACES.get(id(terms))
    if hit is None or hit[0] is not terms:
        _PLACES.clear()  # only the glossary being built is kept
        hit = (terms, {t.id: letter.path for letter in letters(terms) for t in letter.terms})
        _PLACES[id(terms)] = hit
    return hit[1][term_id]


def glossary_pages(
    knowledge: Knowledge, links: Links, titles: Mapping[str, str], cite: Callable[[Quote, str], Any], dates: Mapping[str, str] = NO_DATES
) -> list[RenderedPage]:
    """``cite(quote, prefix)``: a quote as a page ``prefix`` below the top shows it; ``dates``: article id → its
    publication date (ISO), which decides a term's first use."""
    found = letters(knowledge.terms)
    if not is_split(knowledge.terms):
        top = [(letter, anchor, [t for part in parts for t in part.terms]) for letter, anchor, parts in _grouped(found)]
        entries = [(letter, anchor, [_entry(knowledge, links, t, lambda q: cite(q, ""), dates) for t in terms]) for letter, anchor, terms in top]
        return [page("glossary.md", "glossary.md.j2", letters=entries, titles=titles, prefix=Md(""), total=len(knowledge.terms))]
    pages = [
        page("glossary.md", "glossary-index.md.j2", groups=_grouped(found), parts=found, total=len(knowledge.terms), pages_file=PAGES_FILE),
        RenderedPage(PAGES_FILE, dump_bytes({t.id: f"{letter.name}/" for letter in found for t in letter.terms})),
    ]
    for number, letter in enumerate(found):
        entries = [(letter.letter, Md(letter.anchor), [_entry(knowledge, links, t, lambda q: cite(q, "../"), dates) for t in letter.terms])]
        pages.append(
            page(
                letter.path,
                "glossary.md.j2",
                letters=entries,
                titles=titles,
                prefix=Md("../"),
                part=letter,
                previous=found[number - 1] if number else None,
                next=found[number + 1] if number + 1 < len(found) else None,
                total=len(knowledge.terms),
            )
        )
    return pages


def _grouped(found: list[Letter]) -> list[tuple[str, Md, list[Letter]]]:
    """Per letter: its anchor on the index and its pages."""
    groups: dict[str, list[Letter]] = defaultdict(list)
    for letter in found:
        groups[letter.letter].append(letter)
    return [(letter, Md(parts[0].anchor), parts) for letter, parts in groups.items()]


def _entry(knowledge: Knowledge, links: Links, term: Term, cite: Callable[[Quote], Any], dates: Mapping[str, str]) -> dict[str, object]:
    used = links.of(term.key)  # a term naming an entity shares the entity's key, so its mentions
    articles = Counter(m.article for m in used)
    anchors = {m.article: m.anchor for m in reversed(used)}
    first = first_use(used, dates)
    return {
        "first": cite(first.quote) if first else None,
        "first_date": display_date(dates[first.article]) if first and dates.get(first.article) else "",
        "articles": len(articles),
        "term": term,
        "expansion_sources": [cite(q) for q in term.expansion_sources[:SPELLED_SHOWN]],
        "spelled_more": max(0, len(term.expansion_sources) - SPELLED_SHOWN),
        "definition_source": cite(term.definition_source) if term.definition_source else None,
        "entity": knowledge.entities.get(term.entity),
        "used": [(article, count, anchors[article]) for article, count in sorted(articles.items())[:USED_SHOWN]],
        "used_more": max(0, len(articles) - USED_SHOWN),
        "count": len(used),
    }
