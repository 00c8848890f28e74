"""What a reader hands on: :class:`Reading`, one file's text and what its format states.

A plain-text reader hands on the text alone; the cleaner finds its structure. A
reader of a structured format (Markdown, HTML) also hands on the structure the
format states, as :class:`Part` s: headings, paragraphs, list items, quotes,
images, tables, notes, each with its plain text (no markup, no URLs: what
extractors read) and the inline formatting over that text as :class:`Span` s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: Inline formatting a :class:`Span` can carry.
SPAN_KINDS = ("em", "strong", "code", "del", "link", "image", "noteref")


@dataclass(frozen=True)
class Span:
    """Formatting over ``text[start:end]`` of a part: emphasis, code, a link (``target`` is its checked URL),
    an image's alt text, or a note reference (zero width; ``target`` is the note's label)."""

    start: int
    end: int
    kind: str  # one of SPAN_KINDS
    target: str = ""


@dataclass(frozen=True)
class Part:
    """One block of a structured source, as its format states it."""

    kind: str  # heading | paragraph | item | quote | image | code | table | note
    text: str  # plain text: what a reader reads, without markup
    line: int  # line in the file where it starts
    level: int = 0  # heading level (1-6)
    spans: tuple[Span, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells, header row first
    label: str = ""  # a note's label, which note references name


@dataclass(frozen=True)
class Reading:
    """One file's text as its reader found it, before the catalog is consulted."""

    text: str  # the article's text, ``\n`` line ends (front matter removed)
    encoding: str  # what the bytes were decoded as
    format: str  # "text", "markdown", "html" or "pdf": how the cleaner reads the structure of the text
    first_line: int = 1  # line number in the file of the first line of ``text``
    front_matter: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    parts: tuple[Part, ...] | None = None  # the structure a structured format states; None for plain text
    removed: tuple[tuple[int, str, str], ...] = ()  # (line, text, why) for what the reader left out
    origins: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # a fact not from the front matter: where from
    #: a paginated source (PDF): the line of ``text`` each page starts on, with the page's label ("7", "iv")
    pages: tuple[tuple[int, str], ...] = ()
    #: facts the file states about itself outside the text (a PDF's document information); the text wins over them
    document_info: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
