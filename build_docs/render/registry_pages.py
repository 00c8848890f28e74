"""The entities index and the editors' candidates report, split into pages when the corpus is large.

Up to :data:`ENTITIES_PER_PAGE` entities, ``entities/index.md`` lists them all, by kind, as it
always has. Beyond, it lists per kind the letters their names start with, each linked to
``entities/by-name/<kind>-<letter>.md`` (``…-<letter>-<n>.md`` for the n-th page of a letter with
more than :data:`ENTITIES_PER_PAGE`); the kinds keep their anchors (``entities/#person``).

``reports/candidates.md`` shows per kind the :data:`CANDIDATES_SHOWN` names found most often;
a kind with more has its complete list on ``reports/candidates/<kind>-<n>.md``,
:data:`CANDIDATES_PER_PAGE` names a page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from build_docs.link.model import Candidate, Entity, Quote
from build_docs.link.registry import KINDS
from build_docs.render.kept_pages import kept_pages
from build_docs.render.markdown import Md
from build_docs.render.templating import RenderedPage, page
from build_docs.results import NOTHING_KEPT, Kept
from build_docs.slug import slugify

ENTITIES_PER_PAGE = 200  # an entities index row is about 0.3 KB of HTML (its description is one sentence)
CANDIDATES_SHOWN = 25  # per kind on the candidates report, most found first
CANDIDATES_PER_PAGE = 150  # a candidates row, with its example sentence as the tooltip, is about 0.6 KB of HTML
Row = tuple[Entity, int, int]  # an entity, its mentions, the articles naming it
Group = tuple[str, str, list[Row]]  # kind, heading, rows


@dataclass(frozen=True)
class Shelf:
    """One page of a split list: a kind, a letter (or none) and a part of it."""

    kind: str
    heading: str
    name: str  # "organization-a", "organization-a-2", "acronym-3"
    letter: str  # "A", "other", or "" for a list not split by letter
    rows: tuple[Any, ...]
    part: int = 0  # 0: the only page of its letter
    parts: int = 1

    @property
    def title(self) -> str:
        shown = f"{self.heading}: {self.letter}" if self.letter else self.heading
        return f"{shown}, part {self.part} of {self.parts}" if self.parts > 1 else shown


def _chunks(rows: Sequence[Any], per_page: int) -> list[tuple[Any, ...]]:
    return [tuple(rows[i : i + per_page]) for i in range(0, len(rows), per_page)]


def shelves(groups: Sequence[Group], per_page: int | None = None) -> list[Shelf]:
    """The entities index's pages: per kind, per first letter, parts of ``per_page`` (:data:`ENTITIES_PER_PAGE`)."""
    per_page = per_page or ENTITIES_PER_PAGE
    found = []
    for kind, heading, rows in groups:
        by_letter: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            first = row[0].name[:1].upper()
            by_letter[first if "A" <= first <= "Z" else "other"].append(row)
        for letter, held in sorted(by_letter.items(), key=lambda kv: (kv[0] == "other", kv[0])):
            base = f"{slugify(kind)}-{letter.lower()}"
            chunks = _chunks(held, per_page)
            for number, chunk in enumerate(chunks, start=1):
                name = base if number == 1 else f"{base}-{number}"
                found.append(Shelf(kind, heading, name, letter, chunk, number if len(chunks) > 1 else 0, len(chunks)))
    return found


def entities_index(groups: list[Group], kept: Kept = NOTHING_KEPT) -> list[RenderedPage]:
    """The entities index, and its shelves when it is split; a shelf is read back (``kept``) when an
    earlier build rendered it from the same entities, counts and sibling shelves."""
    total = sum(len(rows) for _, _, rows in groups)
    if total <= ENTITIES_PER_PAGE:
        return [page("entities/index.md", "entities.md.j2", groups=groups, shelves={}, prefix=Md(""))]
    found = shelves(groups)
    by_kind: dict[str, list[Shelf]] = defaultdict(list)
    for shelf in found:
        by_kind[shelf.kind].append(shelf)
    pages = [page("entities/index.md", "entities.md.j2", groups=groups, shelves=by_kind, prefix=Md(""))]
    for shelf in found:
        siblings = by_kind[shelf.kind]
        make = partial(
            page,
            f"entities/by-name/{shelf.name}.md",
            "entities-shelf.md.j2",
            shelf=shelf,
            siblings=siblings,
            total=total,
            prefix=Md("../"),
            meta={"search": {"exclude": True}},  # names and descriptions: search finds the entity pages
        )
        inputs = (shelf, [(s.name, s.letter, s.part) for s in siblings], total) if kept.on else ()
        pages += kept_pages(kept, "entities-shelf", inputs, lambda make=make: [make()])  # type: ignore[misc]
    return pages


def candidates_pages(candidates: Sequence[Candidate], cite: Callable[[Quote, str], Any]) -> list[RenderedPage]:
    """``cite(quote, prefix)``: a quote as a page ``prefix`` below the top shows it."""
    grouped: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:  # in the link stage's order: by kind, most found first
        grouped[candidate.kind].append(candidate)
    labels = {**KINDS, "acronym": "Acronyms used but not defined"}
    groups, pages = [], []
    for kind in (k for k in labels if k in grouped):
        held = grouped[kind]
        parts = _chunks(held, CANDIDATES_PER_PAGE) if len(held) > CANDIDATES_SHOWN else []
        subpages = [Shelf(kind, labels[kind], f"{slugify(kind)}-{n}", "", rows, n, len(parts)) for n, rows in enumerate(parts, start=1)]
        groups.append((labels[kind], [(c, cite(c.example, "../")) for c in held[:CANDIDATES_SHOWN]], len(held), subpages))
        pages += [
            page(
                f"reports/candidates/{sub.name}.md",
                "candidates.md.j2",
                groups=[(labels[kind], [(c, cite(c.example, "../../")) for c in sub.rows], len(held), [])],
                total=len(candidates),
                part=sub,
                siblings=subpages,
                meta={"search": {"exclude": True}},  # editors' lists of names not published
            )
            for sub in subpages
        ]
    return [page("reports/candidates.md", "candidates.md.j2", groups=groups, total=len(candidates)), *pages]
