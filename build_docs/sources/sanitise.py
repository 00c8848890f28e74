"""Invisible characters taken out where a source is read, once, for every reader (see :mod:`build_docs.textsafety`).

Two passes, both reported with the file and line: :func:`visible_text` over the decoded text
before any reader parses it, and :func:`visible_reading` over what a reader hands on (its parts,
the facts its front matter, page or PDF states), which catches the characters a parser made out
of references such as ``&#x202E;`` and control characters written as references. Titles, authors,
names found in the text and every other value on the site come from these, so none of them
carries a character that reverses or hides text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from build_docs.diagnostics import Diagnostic, warning
from build_docs.sources.reading import Part, Reading, Span
from build_docs.textsafety import describe, invisible, strip_invisible, without

WHY = "they reverse or hide text, so a title or a name could show one thing and be another; check the file"


def visible_text(text: str, shown: str) -> tuple[str, list[Diagnostic]]:
    """``text`` without the invisible characters it does not need, and a warning at the line of the first."""
    gone = invisible(text)
    if not gone:
        return text, []
    line = text.count("\n", 0, gone[0]) + 1
    return without(text, gone), [warning(shown, line, f"{describe(Counter(text[i] for i in gone))} removed: {WHY}")]


def visible_reading(reading: Reading, shown: str) -> tuple[Reading, list[Diagnostic]]:
    """``reading`` with invisible and control characters removed from its text, parts and facts."""
    removed: Counter[str] = Counter()
    lines: list[int] = []
    text, found = strip_invisible(reading.text, controls=True)
    if found:
        removed += found
        lines.append(reading.first_line + reading.text.count("\n", 0, invisible(reading.text, True)[0]))
    parts = reading.parts
    if parts is not None:
        parts = tuple(_part(part, removed, lines) for part in parts)
    facts = _facts(reading.front_matter, removed), _facts(reading.document_info, removed)
    if not removed:
        return reading, []
    fixed = replace(reading, text=text, parts=parts, front_matter=facts[0], document_info=facts[1])
    where = min(lines) if lines else reading.first_line
    what = f"{describe(removed)} removed from what its reader found (references such as &#x202E;, a PDF's text or properties)"
    return fixed, [warning(shown, where, f"{what}: {WHY}")]


def _part(part: Part, removed: Counter[str], lines: list[int]) -> Part:
    gone = invisible(part.text, controls=True)
    rows = tuple(tuple(_text(cell, removed) for cell in row) for row in part.rows)
    if not gone and rows == part.rows:
        return part
    if gone:
        removed.update(part.text[i] for i in gone)
        lines.append(part.line)
    return replace(part, text=without(part.text, gone), spans=_moved(part.spans, gone), rows=rows, label=_text(part.label, removed))


def _moved(spans: tuple[Span, ...], gone: list[int]) -> tuple[Span, ...]:
    """Spans over a text whose characters at ``gone`` were removed, moved to match; spans left empty dropped."""
    moved = (replace(s, start=s.start - bisect_left(gone, s.start), end=s.end - bisect_left(gone, s.end)) for s in spans)
    return tuple(s for s in moved if s.end > s.start or s.kind == "noteref")


def _text(value: str, removed: Counter[str]) -> str:
    clean, found = strip_invisible(value, controls=True)
    removed.update(found)
    return clean


def _value(value: object, removed: Counter[str]) -> object:
    if isinstance(value, str):
        return _text(value, removed)
    if isinstance(value, tuple | list):
        return type(value)(_value(v, removed) for v in value)
    if isinstance(value, Mapping):
        return MappingProxyType({k: _value(v, removed) for k, v in value.items()})
    return value


def _facts(facts: Mapping[str, object], removed: Counter[str]) -> Mapping[str, object]:
    before = sum(removed.values())
    cleaned = _value(facts, removed)
    return cleaned if sum(removed.values()) > before and isinstance(cleaned, Mapping) else facts
