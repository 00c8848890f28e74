"""Stage 4: everything known before anything links — the :class:`Site`.

Page names are claimed here, once. A name an editor gave (an ``id:``, or a ``title:`` in the
catalog or in front matter) belongs to one article: two articles given the same one are an
error naming both sources (as Pelican refuses to write one path twice). A name the build
derived (from a title found in the text, or from the file name) gives way instead: every
article whose derived name is wanted twice gets a name made from its own file name, and a
warning names both files. The new name depends only on the file name and the name wanted,
never on the order of the files or on a counter, so adding a file renames nothing but the
articles that now share a name with it.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from types import MappingProxyType

from build_docs.clean.article import Article, CleaningReport
from build_docs.diagnostics import Diagnostic, error, warning
from build_docs.extract.acronyms import Definition
from build_docs.extract.dating import DateEstimate
from build_docs.extract.discover import Found
from build_docs.extract.extractors import Dated, Extraction
from build_docs.slug import slugify

GIVEN_TITLE = ("catalog", "front matter")  # where a title counts as the editor's choice of page name


@dataclass(frozen=True)
class Site:
    articles: tuple[Article, ...]  # sorted by id
    extractions: Mapping[str, Extraction]  # by article id
    reports: Mapping[str, CleaningReport]  # by article id
    seeds_name: str  # the seeds folder as pages name it, e.g. "seeds" (never a machine's path)

    def __repr__(self) -> str:
        return f"Site({[a.id for a in self.articles]})"

    @property
    def words(self) -> int:
        return sum(e.words for e in self.extractions.values())

    @property
    def paragraphs(self) -> int:
        return sum(e.paragraphs for e in self.extractions.values())

    def definitions(self) -> list[tuple[str, str, Definition]]:
        """(article, anchor, definition) for every acronym definition, articles in id order."""
        return [(e.article, anchor, found) for e in self.extractions.values() for anchor, found in e.definitions]

    def names(self) -> list[tuple[str, str, Found]]:
        """(article, anchor, name) for every name found by a pattern, articles in id order."""
        return [(e.article, anchor, found) for e in self.extractions.values() for anchor, found in e.names]

    def dates(self) -> dict[str, tuple[Dated, ...]]:
        """Article id → the dates found in its paragraphs."""
        return {e.article: e.dates for e in self.extractions.values()}

    def estimates(self) -> dict[str, DateEstimate]:
        """Article id → when its text shows it was written, for the articles that state no date."""
        return {e.article: e.date_estimate for e in self.extractions.values() if e.date_estimate is not None}


def index(found: list[tuple[Article, Extraction]], reports: Sequence[CleaningReport], seeds_shown: str) -> tuple[Site, list[Diagnostic]]:
    """Gather the articles (with their extractions and reports, in the same order) under the page names they claim."""
    names, problems = claim([article for article, _ in found], seeds_shown)
    claimed: dict[str, tuple[Article, Extraction, CleaningReport]] = {}
    for (article, extraction), report, name in zip(found, reports, names, strict=True):
        if name is None:
            continue
        if name != article.id:
            article, extraction, report = replace(article, id=name), replace(extraction, article=name), replace(report, article=name)
        claimed[name] = (article, extraction, report)
    ordered = tuple(sorted((a for a, _, _ in claimed.values()), key=lambda a: a.id))
    seeds_name = seeds_shown.rstrip("/").rsplit("/", 1)[-1]
    extractions = MappingProxyType({a.id: claimed[a.id][1] for a in ordered})
    kept = MappingProxyType({a.id: claimed[a.id][2] for a in ordered})
    return Site(ordered, extractions, kept, seeds_name), problems


def given(article: Article) -> bool:
    """The page name is the editor's: an ``id:``, or made from a ``title:`` of the catalog or front matter."""
    how = article.origin.get("id", "catalog")  # an article made elsewhere than the clean stage: as given
    return how == "catalog" or (how == "title" and article.origin.get("title") in GIVEN_TITLE)


def claim(articles: Sequence[Article], seeds_shown: str) -> tuple[list[str | None], list[Diagnostic]]:
    """The page name of each article (``None``: not published, an error says why), and the problems."""
    wanting: dict[str, list[int]] = defaultdict(list)
    for position, article in enumerate(articles):
        wanting[article.id].append(position)
    names: list[str | None] = [a.id for a in articles]
    problems: list[Diagnostic] = []
    renamed: dict[int, str] = {}
    shared: list[tuple[str, list[int]]] = []  # a name wanted twice, and who gets a warning for it
    for wanted, positions in wanting.items():
        if len(positions) == 1:
            continue
        by_file = sorted(positions, key=lambda p: articles[p].sources[0])
        owners = [p for p in by_file if given(articles[p])]
        for later in owners[1:]:
            names[later] = None
            problems.append(_taken(articles[later], articles[owners[0]], wanted, seeds_shown))
        for position in by_file:
            if not given(articles[position]):
                renamed[position] = from_file_name(wanted, articles[position].sources[0])
        shared.append((wanted, owners[:1] + [p for p in by_file if p in renamed]))
    taken = {name for p, name in enumerate(names) if name is not None and p not in renamed}
    twice = {name for name, count in Counter(renamed.values()).items() if count > 1}
    for position, name in sorted(renamed.items()):
        if name in taken or name in twice:  # the file name's own page name is taken too: add a digest of the file name
            name = f"{name}-{hashlib.sha256(articles[position].sources[0].encode('utf-8')).hexdigest()[:8]}"
        if name in taken:
            names[position] = None
            message = f"no free page name: 'articles/{name}/' is taken; give this file an 'id:' in {seeds_shown}/catalog.yml"
            problems.append(error(_shown(articles[position], seeds_shown), 1, message))
            continue
        names[position] = name
        taken.add(name)
    for wanted, positions in shared:
        problems += _yielded(articles, positions, names, wanted, seeds_shown)
    return names, problems


def from_file_name(wanted: str, file_name: str) -> str:
    """A page name for an article that cannot have ``wanted``: the file name's, with ``wanted`` if it holds it not.

    ``("joint-statement", "007_abc.txt")`` → ``joint-statement-007-abc``;
    ``("china-russia-ties", "2022-06-22-china-russia-ties.md")`` → ``2022-06-22-china-russia-ties``;
    ``("x", "x.md")`` → ``x-md``.
    """
    stem = slugify(PurePosixPath(file_name).stem)
    if not stem or stem == wanted:
        stem = slugify(file_name)  # "x.txt" and "x.md": only the suffix tells them apart
    return stem if stem != wanted and f"-{wanted}-" in f"-{stem}-" else f"{wanted}-{stem}"


def _shown(article: Article, seeds_shown: str) -> str:
    return f"{seeds_shown}/{article.sources[0]}"


def _taken(article: Article, first: Article, wanted: str, seeds_shown: str) -> Diagnostic:
    return error(
        _shown(article, seeds_shown),
        1,
        f"page name 'articles/{wanted}/' is already taken by {_shown(first, seeds_shown)}; "
        f"give one of them its own 'id:' (or 'title:') in {seeds_shown}/catalog.yml",
    )


def _yielded(articles: Sequence[Article], positions: list[int], names: Sequence[str | None], wanted: str, seeds_shown: str) -> list[Diagnostic]:
    """One warning per pair of files that wanted one page name, at least one of them derived."""
    problems = []
    for i, first in enumerate(positions):
        for second in positions[i + 1 :]:
            a, b = articles[first], articles[second]
            now = " and ".join(f"'articles/{names[p] or wanted}/'" for p in (first, second))
            problems.append(
                warning(
                    _shown(b, seeds_shown),
                    1,
                    f"{_shown(a, seeds_shown)} and {_shown(b, seeds_shown)} both make the page name 'articles/{wanted}/'; "
                    f"they are published as {now} (a name the build made yields, and takes one from its file name); "
                    f"give them 'id:' in {seeds_shown}/catalog.yml to choose",
                )
            )
    return problems
