"""What the clean stage hands on: the :class:`Article` and the :class:`CleaningReport` of what was changed.

An article's blocks are numbered (:mod:`.structure`); its metadata say where each
fact came from (``origin``). The report lists, per source file, every line removed
and every word corrected, so a reader can check the cleaning against the file
as received.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from build_docs.clean.boilerplate import Removal
from build_docs.clean.structure import Block
from build_docs.diagnostics import Diagnostic


@dataclass(frozen=True)
class Fix:
    """One OCR correction, as the cleaning report shows it."""

    line: int  # line of the source where the text stood
    before: str
    after: str
    rule: str
    anchor: str = ""  # paragraph of the article it ended up in, when known


@dataclass(frozen=True)
class SourceReport:
    """What cleaning did to one source file."""

    name: str
    kind: str | None
    kind_detected: bool
    encoding: str
    raw: str  # the text as received (decoded, line ends normalised)
    first_line: int
    removed: tuple[Removal, ...]
    fixes: tuple[Fix, ...] = ()
    kept: tuple[Removal, ...] = ()  # head lines shaped like a title but kept in the body (a salutation, a dateline), and why


@dataclass(frozen=True)
class CleaningReport:
    """Everything cleaning changed for one article, source by source."""

    article: str
    sources: tuple[SourceReport, ...]
    unknown: tuple[tuple[str, int], ...] = ()  # published words not in the English list (nor the registries), with counts
    #: per witness merged into the article: figure group ("ordering", "merge", ...) → figure → value
    witness: Mapping[str, Mapping[str, Mapping[str, object]]] = field(default_factory=lambda: MappingProxyType({}))
    ends_mid_sentence: bool = False


def author_list(authors: tuple[str, ...]) -> str:
    """The authors as the article page's byline row lists them: "A", "A and B", "A, B and C"."""
    if not authors:
        return ""
    if len(authors) == 1:
        return authors[0]
    return ", ".join(authors[:-1]) + " and " + authors[-1]


@dataclass(frozen=True)
class Article:
    """One cleaned article, ready for extraction and rendering."""

    id: str
    title: str
    sources: tuple[str, ...]
    blocks: tuple[Block, ...]
    subtitle: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    affiliation: str | None = None
    publication: str | None = None
    date: str | None = None
    url: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    extra: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # other front matter, kept as data
    ends_mid_sentence: bool = False
    #: where each metadata field came from: "catalog", "front matter", "page metadata", "document info", "text"
    #: or "file name" (a title the text does not give); "id" says where the page name came from
    origin: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: (first, last) page labels of a paginated source (PDF), as citations give them; () otherwise
    pages: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.anchor)

    def __repr__(self) -> str:
        return f"Article({self.id!r}, {len(self.paragraphs)} paragraphs, sources={list(self.sources)})"


@dataclass(frozen=True)
class Cleaned:
    articles: tuple[Article, ...]
    reports: tuple[CleaningReport, ...]  # one per article, in the same order (two may want one page name)
    problems: tuple[Diagnostic, ...]
    #: With kept results, one per article: the key its cleaning is kept under, which names all it
    #: was made from; later stages key their results by it instead of digesting the article again.
    keys: tuple[str, ...] = ()
