"""The registry of readers: a file's suffix → the function that reads its bytes.

A reader takes the file's bytes and its name as messages show it, and returns a
:class:`~build_docs.sources.reading.Reading` (or ``None`` with an error saying
why nothing usable is in the file) and its problems. To read a new format, write
its module here and add one line below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from build_docs.diagnostics import Diagnostic
from build_docs.sources.html import read_html
from build_docs.sources.markdown import read_markdown
from build_docs.sources.pdf import read_pdf
from build_docs.sources.reading import Reading
from build_docs.sources.text import read_text

Reader = Callable[[bytes, str], tuple[Reading | None, list[Diagnostic]]]

READERS: Mapping[str, Reader] = MappingProxyType(
    {
        ".txt": read_text,
        ".md": read_markdown,
        ".markdown": read_markdown,
        ".html": read_html,
        ".htm": read_html,
        ".pdf": read_pdf,
    }
)


def reader_for(name: str) -> Reader | None:
    """The reader registered for a file name's suffix (case ignored), if any."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return READERS.get(suffix)
