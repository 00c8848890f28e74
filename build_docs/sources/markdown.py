"""The Markdown reader (``.md``): a text file whose YAML front matter carries title, author(s) and date.

The front matter is read with YAML's safe loader; the fields it honours are
kept, anything malformed is reported at its line and the body is still read.
Line numbers in the body stay those of the file (``first_line``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from types import MappingProxyType

import yaml

from build_docs.diagnostics import Diagnostic, error, warning
from build_docs.sources.reading import Reading
from build_docs.sources.text import text_of


def read_markdown(raw: bytes, shown: str) -> tuple[Reading | None, list[Diagnostic]]:
    """A Markdown article: its body, and the facts its front matter states."""
    text, encoding, problems = text_of(raw, shown)
    if text is None:
        return None, problems
    meta, body, first_line, found = split_front_matter(text, shown)
    return Reading(body, encoding, "markdown", first_line, meta), [*problems, *found]


def split_front_matter(text: str, shown: str) -> tuple[Mapping[str, object], str, int, list[Diagnostic]]:
    """Split ``---`` YAML front matter off a Markdown file; honour title, author(s), date."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return MappingProxyType({}), text, 1, []
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
    if end is None:
        problem = error(shown, 1, "front matter opened with '---' is never closed; add a closing '---' line")
        return MappingProxyType({}), text, 1, [problem]
    body = "\n".join(lines[end + 1 :])
    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark.line + 2) if exc.problem_mark else 1
        return MappingProxyType({}), body, end + 2, [error(shown, line, f"malformed front matter: {exc.problem}; fix the YAML on this line")]
    if not isinstance(data, dict):
        return MappingProxyType({}), body, end + 2, [error(shown, 2, "front matter must be a mapping such as 'title: ...'")]
    meta, problems = _front_matter_fields(data, shown)
    return MappingProxyType(meta), body, end + 2, problems


def _front_matter_fields(data: dict, shown: str) -> tuple[dict[str, object], list[Diagnostic]]:
    meta: dict[str, object] = {}
    problems: list[Diagnostic] = []
    if isinstance(data.get("title"), str):
        meta["title"] = data["title"].strip()
    authors = data.get("authors", data.get("author"))
    if isinstance(authors, str):
        authors = [a.strip() for a in re.split(r"\s*(?:;|\band\b|&)\s*", authors) if a.strip()]
    if isinstance(authors, list) and all(isinstance(a, str) for a in authors):
        meta["authors"] = tuple(authors)
    date = data.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        meta["date"] = date.isoformat()
    elif isinstance(date, (str, int)) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date)):
        meta["date"] = str(date)
    elif date is not None:
        problems.append(warning(shown, 2, f"front matter date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD; it is ignored"))
    return meta, problems
