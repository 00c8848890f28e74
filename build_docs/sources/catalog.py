"""``seeds/catalog.yml``: bibliographic facts the text itself cannot give.

The catalog is optional, and so is every entry in it. It is validated up front
against :data:`FIELDS`; every problem is reported with its line, and a typo in a
key gets a "did you mean" hint.

    sources:
      000_73b336f099f963c4.txt:
        kind: print            # web | print | ocr
        publication: Beijing Review
        authors: [Li Ziguo]
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import MappingProxyType

import yaml

from build_docs.diagnostics import Diagnostic, error
from build_docs.results import NOTHING_KEPT, Kept
from build_docs.sources.links import is_web_address
from build_docs.yamlnodes import construct, load_root, pairs
from build_docs.yamlnodes import line as node_line

KINDS = ("web", "print", "ocr")
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

#: field name -> (expected type, what it holds)
FIELDS: Mapping[str, tuple[type, str]] = MappingProxyType(
    {
        "id": (str, "page name under articles/, lowercase words joined by '-'"),
        "title": (str, "title of the article"),
        "subtitle": (str, "deck or subtitle"),
        "authors": (list, "list of author names"),
        "affiliation": (str, "authors' affiliation or bio line"),
        "publication": (str, "journal, magazine or website that published it"),
        "date": (str, "publication date: YYYY, YYYY-MM or YYYY-MM-DD"),
        "url": (str, "address of the original"),
        "kind": (str, "kind of source: " + ", ".join(KINDS)),
    }
)


@dataclass(frozen=True)
class CatalogEntry:
    """What the catalog says about one seed file; ``None`` means "not said"."""

    file: str
    line: int
    id: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] | None = None
    affiliation: str | None = None
    publication: str | None = None
    date: str | None = None
    url: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Catalog:
    path: str
    entries: Mapping[str, CatalogEntry]

    def get(self, name: str) -> CatalogEntry | None:
        return self.entries.get(name)


EMPTY = Catalog("", MappingProxyType({}))


def load_catalog(path: Path, shown: str, kept: Kept = NOTHING_KEPT) -> tuple[Catalog, list[Diagnostic]]:
    """Read and validate the catalog at ``path`` (shown in messages as ``shown``); with ``kept``, read back
    what an earlier build made of the same bytes (a thousand entries take a tenth of a second to read)."""
    if kept.on and path.is_file():
        with suppress(OSError):  # unreadable: read below, which says why
            return kept.one("catalog", kept.key("catalog", path.read_bytes(), shown), partial(_load_catalog, path, shown))
    return _load_catalog(path, shown)


def _load_catalog(path: Path, shown: str) -> tuple[Catalog, list[Diagnostic]]:
    root, problems = load_root(path, shown)
    if problems:
        return EMPTY, problems
    if root is None:
        return (Catalog(shown, MappingProxyType({})) if path.exists() else EMPTY), []
    return _read_root(root, shown)


def _read_root(root: yaml.Node, shown: str) -> tuple[Catalog, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    if not isinstance(root, yaml.MappingNode):
        return EMPTY, [error(shown, node_line(root), "expected a mapping with a 'sources:' key")]
    entries: dict[str, CatalogEntry] = {}
    for key, value in pairs(root, shown, problems):
        if key.value != "sources":
            problems.append(error(shown, node_line(key), f"unknown top-level key {key.value!r}; expected 'sources'"))
            continue
        if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):
            continue
        if not isinstance(value, yaml.MappingNode):
            problems.append(error(shown, node_line(value), "'sources' must map seed file names to entries"))
            continue
        for file_node, entry_node in pairs(value, shown, problems):
            entry = _read_entry(file_node.value, entry_node, shown, problems)
            if entry is not None:
                entries[file_node.value] = entry
    return Catalog(shown, MappingProxyType(dict(sorted(entries.items())))), problems


def _read_entry(file: str, node: yaml.Node, shown: str, problems: list[Diagnostic]) -> CatalogEntry | None:
    if not isinstance(node, yaml.MappingNode):
        problems.append(error(shown, node_line(node), f"entry for {file!r} must be a mapping of fields"))
        return None
    fields: dict[str, object] = {}
    for key, value in pairs(node, shown, problems):
        name = key.value
        if name not in FIELDS:
            hint = difflib.get_close_matches(name, FIELDS, n=1)
            advice = f"did you mean {hint[0]!r}?" if hint else "known keys: " + ", ".join(FIELDS)
            problems.append(error(shown, node_line(key), f"unknown key {name!r} ({advice})"))
            continue
        checked = _check_field(name, construct(value), shown, node_line(value), problems)
        if checked is not None:
            fields[name] = checked
    return CatalogEntry(file=file, line=node_line(node), **fields)  # type: ignore[arg-type]


def _check_field(name: str, value: object, shown: str, line: int, problems: list[Diagnostic]) -> object:
    if value is None:
        return None
    if name == "date":
        value = _date_text(value)
    if name == "authors" and isinstance(value, str):
        value = [value]
    expected, meaning = FIELDS[name]
    if isinstance(value, list) and name == "authors":
        if not all(isinstance(a, str) for a in value):
            problems.append(error(shown, line, f"{name!r} must be the {meaning}, got {value!r}"))
            return None
        return tuple(a.strip() for a in value)
    if not isinstance(value, expected) or not isinstance(value, str):
        problems.append(error(shown, line, f"{name!r} must be the {meaning}, got {value!r}"))
        return None
    text = value.strip()
    if name == "date" and not ISO_DATE.match(text):
        problems.append(error(shown, line, f"'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}"))
        return None
    if name == "kind" and text not in KINDS:
        problems.append(error(shown, line, f"'kind' must be one of {', '.join(KINDS)}, got {text!r}"))
        return None
    if name == "url" and not is_web_address(text):
        problems.append(error(shown, line, f"'url' must be a web address starting with http:// or https://, got {text!r}"))
        return None
    if name == "id" and not SLUG.match(text):
        problems.append(error(shown, line, f"'id' must be lowercase words joined by '-', got {text!r}"))
        return None
    return text


def _date_text(value: object) -> object:
    """YAML reads ``2018-06-07`` as a date and ``2014`` as an int; keep both as ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    return value
