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
from collections.abc import Mapping, Sequence

from build_docs.sources.reading import Span

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


#: How a source's formatting is written back: build-written HTML tags around escaped text.
_TAGS = {"em": ("<em>", "</em>"), "strong": ("<strong>", "</strong>"), "del": ("<del>", "</del>"), "code": ("<code>", "</code>")}
_IMAGE = ('<span class="image-alt" title="Image (its description as the source gives it)">', "</span>")


def formatted(
    text: str,
    spans: Sequence[Span],
    links: Sequence[tuple[int, int, str, str]] = (),
    notes: Mapping[str, tuple[str, str]] | None = None,
) -> Md:
    """``text`` escaped, with a structured source's formatting (``spans``) and the build's ``links`` (as :func:`linked`).

    Emphasis, code and struck text are written as HTML tags the build writes around
    escaped text; a source link as a Markdown link to its checked URL; an image's alt
    text marked as such; a note reference as a superscript link to the note, from
    ``notes`` (label -> (number, anchor)). A build link is left out where it would
    fall inside a source link or code, or cross the edge of a span. Without spans
    the result is exactly :func:`linked`'s.
    """
    if not spans:
        return linked(text, links)
    text = str(text)
    ranges = [(s.start, s.end) for s in spans if s.end > s.start]
    barred = [(s.start, s.end) for s in spans if s.kind in ("link", "code")]
    kept = [
        link
        for link in links
        if not any(a < link[1] and link[0] < b for a, b in barred)
        and not any(a < link[0] < b < link[1] or link[0] < a < link[1] < b for a, b in ranges)
    ]
    opens: dict[int, list[tuple[int, str, str]]] = {}  # position -> (end, opening, closing), outermost first
    points: dict[int, list[str]] = {}
    for span in spans:
        if span.kind == "noteref":
            number, anchor = (notes or {}).get(span.target, ("", ""))
            if number:
                points.setdefault(span.start, []).append(f'<sup class="noteref">[{number}](#{anchor}){{ title="Note {number}" }}</sup>')
            continue
        if span.kind == "link":
            opening, closing = "[", f"]({span.target}){{ .source-link }}"
        elif span.kind == "image":
            opening, closing = _IMAGE
        else:
            opening, closing = _TAGS[span.kind]
        opens.setdefault(span.start, []).append((span.end, opening, closing))
    for start, end, href, title in kept:
        opens.setdefault(start, []).append((end, "[", f']({href}){{ .xref title="{attr_value(title)}" }}'))
    pieces: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, closing) of what is open, innermost last
    at = 0
    for position in sorted({*opens, *points, *(end for group in opens.values() for end, _, _ in group)}):
        pieces.append(_inline(text[at:position]))
        at = position
        while stack and stack[-1][0] <= position:
            pieces.append(stack.pop()[1])
        pieces.extend(points.get(position, ()))
        for end, opening, closing in sorted(opens.get(position, ()), key=lambda o: -o[0]):
            pieces.append(opening)
            stack.append((end, closing))
    pieces.append(_inline(text[at:]))
    pieces.extend(closing for _, closing in reversed(stack))
    return Md(_BLOCK_START.sub(r"\1\\\2", " ".join("".join(pieces).split())))


def _inline(text: str) -> str:
    return re.sub(r"[&<>]", lambda m: _HTML[m.group()], _INLINE.sub(r"\\\1", text))


def attr_value(text: str) -> Md:
    """Text for a quoted attribute inside ``{ title="..." }``."""
    return Md(re.sub(r'[&<>"{}\\]', lambda m: f"&#{ord(m.group())};", " ".join(str(text).split())))
