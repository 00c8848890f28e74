"""Source text → Markdown that shows exactly that text and nothing live.

Everything a source says passes through :func:`escape` before it reaches a
page: HTML is entity-escaped, and every character Python-Markdown or the
enabled extensions read as syntax is backslash-escaped. Text the build writes
itself is wrapped in :class:`Md` and passes unchanged. The Jinja environment
escapes by default (see :mod:`build_docs.render.pages`), so forgetting to escape is
not possible.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Inline syntax of Python-Markdown and the enabled extensions (attr_list, abbr,
#: footnotes, tables). Only characters Python-Markdown accepts after a backslash
#: may be listed; enabling pymdownx tilde, caret, mark or emoji needs escapeall.
_INLINE = re.compile(r"([\\`*_\[\]{}()|])")
#: Characters that start block syntax (headings, lists, quotes) at a line start.
_BLOCK_START = re.compile(r"^(\d*)([#+\-.!])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


class Md(str):
    """Markdown written by the build itself: trusted, never escaped again."""


def escape(text: str) -> Md:
    """Escape ``text`` so Markdown renders it literally, as plain text."""
    return linked(text, ())


def linked(text: str, links: Sequence[tuple[int, int, str, str]]) -> Md:
    """``text`` escaped as :func:`escape` does, with each ``(start, end, href, title)`` span made a link.

    ``href`` is written by the build; the link text and title come from the source
    and are escaped. Spans must be sorted and must not overlap.
    """
    text, pieces, at = str(text), [], 0
    for start, end, href, title in links:
        pieces.append(_inline(text[at:start]))
        pieces.append(f'[{_inline(text[start:end])}]({href}){{ .xref title="{attr_value(title)}" }}')
        at = end
    pieces.append(_inline(text[at:]))
    return Md(_BLOCK_START.sub(r"\1\\\2", " ".join("".join(pieces).split())))


def _inline(text: str) -> str:
    return re.sub(r"[&<>]", lambda m: _HTML[m.group()], _INLINE.sub(r"\\\1", text))


def attr_value(text: str) -> Md:
    """Text for a quoted attribute inside ``{ title="..." }``."""
    return Md(re.sub(r'[&<>"{}\\]', lambda m: f"&#{ord(m.group())};", " ".join(str(text).split())))
