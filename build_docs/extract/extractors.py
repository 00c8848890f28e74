"""Stage 3, :class:`Article` → :class:`Extraction`: what each article yields.

Each extractor looks at one article alone and keeps every finding with the
anchor of the paragraph it stands in: counts, acronym definitions
(:mod:`build_docs.extract.acronyms`), names found by their patterns
(:mod:`build_docs.extract.discover`) and dates (:mod:`build_docs.extract.timex`), resolved
against the article's date or, when it states none, the one its text shows
(:mod:`build_docs.extract.dating`).
What they add up to across the corpus is decided later
(:mod:`build_docs.link.knowledge`).

To add an extractor: a function of one :class:`Article`, a field of
:class:`Extraction` for what it returns, and a line in :func:`extract`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from build_docs.clean.article import Article, author_list
from build_docs.extract.acronyms import Definition, find_definitions
from build_docs.extract.dating import DateEstimate, estimate_date, unanchored
from build_docs.extract.discover import Found, confirmed, find_all, lexicon, lowercase_words, wanting
from build_docs.extract.discover.letters import signature
from build_docs.extract.timex import Timex, find_timexes


@dataclass(frozen=True)
class Dated:
    """A date found in one paragraph; ``estimated`` when resolving it took the article's estimated date."""

    anchor: str
    timex: Timex
    estimated: bool = False


@dataclass(frozen=True)
class Extraction:
    """What one article yields."""

    article: str  # the article's id
    words: int
    paragraphs: int
    definitions: tuple[tuple[str, Definition], ...]  # (anchor, acronym definition)
    names: tuple[tuple[str, Found], ...]  # (anchor, name found by a pattern)
    dates: tuple[Dated, ...]
    date_estimate: DateEstimate | None = None  # only for an article that states no date


def extract(article: Article) -> Extraction:
    estimate = estimate_date(article)
    return Extraction(
        article=article.id,
        words=count_words(article),
        paragraphs=len(article.paragraphs),
        definitions=definitions(article),
        names=names(article),
        dates=dated(article, estimate),
        date_estimate=estimate,
    )


def count_words(article: Article) -> int:
    return sum(len(block.text.split()) for block in article.blocks)


def definitions(article: Article) -> tuple[tuple[str, Definition], ...]:
    """(anchor, definition) for every acronym a paragraph defines."""
    return tuple((block.anchor, found) for block in article.paragraphs for found in find_definitions(block.text))


AFFILIATION = "affiliation"  # the anchor of the article header's affiliation line, which names are found in too
DECK = "deck"  # ... of its deck (the subtitle under the title)
BYLINE = "byline"  # ... of its byline, the authors as the article page lists them
#: The header's lines names are found in, as the article page anchors them (the title, a headline, is not one).
HEADER_ANCHORS = (DECK, BYLINE, AFFILIATION)


def names(article: Article) -> tuple[tuple[str, Found], ...]:
    """(anchor, name) for every person, organisation and place a paragraph names by a known pattern, a letter's
    signature under its closing (:func:`~build_docs.extract.discover.letters.signature`), and the header's
    lines (:func:`header_lines`: the deck, the byline, the affiliation line "The author is ... of the China Institute of
    International Studies"), anchored by what they are (:data:`HEADER_ANCHORS`)."""
    lowercase = lowercase_words(text for _, text in texts(article))
    found = []
    previous = ""  # the paragraph before: a letter's closing ("Yours,") before its signature
    for block in article.paragraphs:
        finds = confirmed(find_all(block.text), lowercase)
        signed = signature(previous, block.text)
        if signed is not None:  # "Yours," / "Bill": a letter's writer, whatever the finders made of the line
            finds = [f for f in finds if f.end <= signed.start or f.start >= signed.end] + [signed]
        found += [(block.anchor, f) for f in finds]
        previous = block.text
    for anchor, line in header_lines(article):
        finds = confirmed(find_all(line), lowercase)
        found += [(anchor, f) for f in (authors_whole(finds, line, article.authors) if anchor == BYLINE else finds)]
    return tuple(found)


def authors_whole(found: Sequence[Found], line: str, authors: Sequence[str]) -> list[Found]:
    """The finds in a byline ``line`` (:func:`~build_docs.clean.article.author_list` of ``authors``) that name an author
    whole, titles before the name aside ("Sheikh Abdullah ..."): a piece of an author's name is no name of its own
    ("Aliyev" of "Ilham Heydar oglu Aliyev"), and an author is a person or a body, never a place (a find of one typed a
    place is the person: "Bharrat Jagdeo"), and a body only by evidence: a find typed an organisation for want of it
    (:func:`~build_docs.extract.discover.wanting`) is the person too ("Evo Morales Ayma", "Anote Tong", whose given names
    no list of the finder knows)."""
    spans: dict[int, int] = {}  # where each author's name ends -> where it starts
    at = 0
    for author in authors:
        start = line.find(author, at)
        if start >= 0:
            spans[start + len(author)] = start
            at = start + len(author)
    whole = []
    for f in found:
        begin = spans.get(f.end)
        if begin is None or begin > f.start or not all(w.rstrip(".") in lexicon.HEAD_TITLES for w in line[begin : f.start].split()):
            continue
        whole.append(replace(f, kind="person") if f.kind == "place" or f.kind == "organization" and wanting(f) else f)
    return whole


def header_lines(article: Article) -> list[tuple[str, str]]:
    """(anchor, text) of the header's lines that are text a reader reads on the article page, and names are found in:
    the deck, the byline (its authors: "By Cory Doctorow" names a person) and the affiliation line. Not the title: a
    headline's capitals prove nothing (a deck set in title case is weakened as any headline is, by the names stage)."""
    lines = [(DECK, article.subtitle), (BYLINE, author_list(article.authors)), (AFFILIATION, article.affiliation)]
    return [(anchor, text) for anchor, text in lines if text]


def texts(article: Article) -> list[tuple[str, str]]:
    """(anchor, text) of every paragraph and of the header's lines (:func:`header_lines`): what names are quoted from."""
    return [(b.anchor, b.text) for b in article.paragraphs] + header_lines(article)


def dated(article: Article, estimate: DateEstimate | None = None) -> tuple[Dated, ...]:
    """Every temporal expression in an article's paragraphs, resolved against its date.

    Without a stated date, against the estimated year when there is one; an expression whose value or
    certainty that changed is marked ``estimated``."""
    if article.date:
        return tuple(Dated(block.anchor, t) for block in article.paragraphs for t in find_timexes(block.text, anchor=article.date))
    if estimate is None or estimate.year is None:
        return tuple(Dated(block.anchor, t) for block in article.paragraphs for t in unanchored(block.text))
    found = []
    for block in article.paragraphs:
        alone = {(t.start, t.end): (t.value, t.certainty) for t in unanchored(block.text)}
        for t in find_timexes(block.text, anchor=str(estimate.year)):
            found.append(Dated(block.anchor, t, estimated=alone.get((t.start, t.end)) != (t.value, t.certainty)))
    return tuple(found)
