"""What a reader hands on: :class:`Reading`, one file's text and what its format states."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Reading:
    """One file's text as its reader found it, before the catalog is consulted."""

    text: str  # the article's text, ``\n`` line ends (front matter removed)
    encoding: str  # what the bytes were decoded as
    format: str  # "text", "markdown" or "pdf": how the cleaner reads the structure of the text
    first_line: int = 1  # line number in the file of the first line of ``text``
    front_matter: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    #: a paginated source (PDF): the line of ``text`` each page starts on, with the page's label ("7", "iv")
    pages: tuple[tuple[int, str], ...] = ()
    #: facts the file states about itself outside the text (a PDF's document information); the text wins over them
    document_info: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
