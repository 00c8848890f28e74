"""YAML front matter as people write it (Jekyll, Hugo, Pandoc): the facts it states about the article.

Read with YAML's safe loader. Honoured, whatever the spelling:

* ``title``; ``subtitle``, ``description`` or ``excerpt`` as the deck;
* ``author`` / ``authors`` as a string, a list, or "A and B" / "A; B" / "A & B";
* ``date`` as a YAML date or datetime, or text such as Jekyll's ``2022-06-22 12:00:00 +0800``,
  ``2022-06-22T12:00:00Z`` or "June 22, 2022": the calendar date as written (a time zone
  changes nothing: the date is the author's local one);
* ``publication``, ``source`` or ``publisher`` as the publication; ``url`` or ``canonical_url``;
* ``tags`` (a list or a comma-separated string).

Every other key is kept, as text, in the article's data and otherwise ignored, with no
warning. A value of the wrong kind for an honoured key is a warning naming the line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from types import MappingProxyType

import yaml

from build_docs.diagnostics import Diagnostic, warning
from build_docs.sources.dates import find_date
from build_docs.sources.links import is_web_address
from build_docs.yamlnodes import ADVICE, oversized

ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
#: A date with a time and maybe a zone, as Jekyll and Hugo write it: the date is the part before the time.
_DATE_TIME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?")
#: "2022-06-22-title.md": Jekyll's post file names start with the date.
JEKYLL_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)$")
_KEYS = {
    "title": ("title",),
    "subtitle": ("subtitle", "description", "excerpt"),
    "authors": ("authors", "author"),
    "date": ("date",),
    "publication": ("publication", "source", "publisher"),
    "url": ("url", "canonical_url"),
    "tags": ("tags",),
}
_READ = {key for keys in _KEYS.values() for key in keys}


def split_front_matter(text: str, shown: str) -> tuple[Mapping[str, object], str, int, list[Diagnostic]]:
    """Split ``---`` YAML front matter off a file: (facts, body, line of the body's first line, problems)."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return MappingProxyType({}), text, 1, []
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
    if end is None:
        problem = warning(shown, 1, "front matter opened with '---' is never closed, so it is read as text; add a closing '---' line")
        return MappingProxyType({}), text, 1, [problem]
    body = "\n".join(lines[end + 1 :])
    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark.line + 2) if exc.problem_mark else 1
        return MappingProxyType({}), body, end + 2, [warning(shown, line, f"malformed front matter, ignored: {exc.problem}; fix the YAML on this line")]
    except (yaml.YAMLError, RecursionError):
        return MappingProxyType({}), body, end + 2, [warning(shown, 2, "front matter ignored: it cannot be read as YAML (nested too deeply?); simplify it")]
    if found := oversized(data):
        return MappingProxyType({}), body, end + 2, [warning(shown, 2, f"front matter ignored: {found[0]}; {ADVICE}")]
    if not isinstance(data, dict):
        return MappingProxyType({}), body, end + 2, [warning(shown, 2, "front matter ignored: it must be a mapping such as 'title: ...'")]
    lines_of = {str(key): i + 1 for i, line in enumerate(lines[1:end], 1) for key in [line.split(":", 1)[0].strip()] if ":" in line}
    meta, problems = front_matter_fields(data, shown, lines_of)
    return MappingProxyType(meta), body, end + 2, problems


def front_matter_fields(data: Mapping[object, object], shown: str, lines: Mapping[str, int] | None = None) -> tuple[dict[str, object], list[Diagnostic]]:
    """The facts front matter states, and a warning for each honoured key whose value cannot be read."""
    lines = lines or {}
    meta: dict[str, object] = {}
    problems: list[Diagnostic] = []

    def first(name: str) -> tuple[str, object] | None:
        return next(((key, data[key]) for key in _KEYS[name] if data.get(key) not in (None, "", [])), None)

    for name in ("title", "subtitle", "publication", "url"):
        found = first(name)
        if found and isinstance(found[1], str | int | float) and not isinstance(found[1], bool):
            meta[name] = " ".join(str(found[1]).split())
    if (address := first("url")) and "url" in meta and not is_web_address(str(meta["url"])):
        why = f"front matter {address[0]} {meta.pop('url')!r} is not a web address (http:// or https://); it is ignored"
        problems.append(warning(shown, lines.get(address[0], 2), why))
    if found := first("authors"):
        authors = names(found[1])
        if authors:
            meta["authors"] = authors
        else:
            problems.append(warning(shown, lines.get(found[0], 2), f"front matter {found[0]} {found[1]!r} is not a name or a list of names; it is ignored"))
    if found := first("date"):
        date = calendar_date(found[1])
        if date:
            meta["date"] = date
        else:
            why = f"front matter date {found[1]!r} is not a date (such as 2022-06-22 or 2022-06-22 12:00:00 +0800); it is ignored"
            problems.append(warning(shown, lines.get("date", 2), why))
    if found := first("tags"):
        tags = found[1].split(",") if isinstance(found[1], str) else found[1] if isinstance(found[1], list) else []
        meta["tags"] = tuple(dict.fromkeys(" ".join(str(t).split()) for t in tags if str(t).strip()))
    extra = {str(k): _as_text(v) for k, v in data.items() if str(k) not in _READ and _as_text(v)}
    if extra:
        meta["extra"] = MappingProxyType(dict(sorted(extra.items())))
    return meta, problems


def names(value: object) -> tuple[str, ...]:
    """Author names from a string ("A and B", "A; B", "A & B") or a list of strings (or of mappings with a ``name``)."""
    if isinstance(value, str):
        return tuple(a.strip() for a in re.split(r"\s*(?:;|\band\b|&)\s*", value) if a.strip())
    if isinstance(value, list):
        found = [item.get("name") if isinstance(item, dict) else item for item in value]
        if found and all(isinstance(a, str) and a.strip() for a in found):
            return tuple(" ".join(str(a).split()) for a in found)
    return ()


def calendar_date(value: object) -> str | None:
    """The calendar date a front matter ``date`` states, as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if ISO.fullmatch(text):
        return text
    if match := _DATE_TIME.fullmatch(text):
        return match["date"]
    return find_date(text)


def _as_text(value: object) -> str:
    """A front matter value kept as data: scalars as text, lists of scalars joined; anything else left out."""
    if isinstance(value, list):
        return ", ".join(_as_text(v) for v in value if _as_text(v))
    if isinstance(value, str | int | float | bool | dt.date):
        return " ".join(str(value).split())
    return ""
