"""Stage 1, disk → :class:`SourceDoc`: find seed files and decode them safely.

Raw sources are never edited by hand, so this stage accepts what real files
look like: a byte-order mark, CRLF or CR line ends, legacy encodings (detected
with charset-normalizer and reported), and Markdown files with YAML front
matter. Binary and empty files are errors that name the file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import charset_normalizer
import yaml

from build_docs.sources.catalog import Catalog, CatalogEntry
from build_docs.diagnostics import Diagnostic, error, warning

ARTICLE_SUFFIXES = (".txt", ".md")
DATA_SUFFIXES = (".yml", ".yaml")
#: Control characters that never occur in text (tab, newline and form feed do).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Legacy encodings news text arrives in (Western, Chinese, Russian, Japanese, Korean),
#: tried first: on short texts, open detection can prefer a rare code page.
COMMON_ENCODINGS = ["cp1252", "iso8859_15", "gb18030", "big5", "cp1251", "koi8_r", "shift_jis", "euc_kr", "mac_roman"]


@dataclass(frozen=True)
class SourceDoc:
    """One seed file as received, decoded to text with ``\\n`` line ends."""

    name: str  # file name inside seeds/, e.g. "000_73b3.txt"
    shown: str  # path as shown in messages, e.g. "seeds/000_73b3.txt"
    text: str  # body text (front matter removed)
    encoding: str
    first_line: int = 1  # line number in the file of the first line of ``text``
    front_matter: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    catalog: CatalogEntry | None = None

    def __repr__(self) -> str:
        return f"SourceDoc({self.name!r}, {len(self.text)} chars, {self.encoding})"


def read_sources(seeds: Path, catalog: Catalog, shown_root: str) -> tuple[tuple[SourceDoc, ...], list[Diagnostic]]:
    """Read every article file directly inside ``seeds``, in file-name order."""
    problems: list[Diagnostic] = []
    docs: list[SourceDoc] = []
    if not seeds.is_dir():
        return (), [error(shown_root, 0, "seeds folder not found; pass --seeds DIR")]
    for path in sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith(".")):
        shown = f"{shown_root}/{path.name}"
        if path.suffix.lower() in DATA_SUFFIXES:
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(warning(shown, 0, "ignored: articles must be .txt or .md files"))
            continue
        doc, found = read_source(path.read_bytes(), path.name, shown, catalog.get(path.name))
        problems.extend(found)
        if doc is not None:
            docs.append(doc)
    names = {d.name for d in docs}
    for entry in catalog.entries.values():
        if entry.file not in names and not (seeds / entry.file).exists():
            problems.append(warning(catalog.path, entry.line, f"no seed file named {entry.file!r}; fix the name or remove the entry"))
    return tuple(docs), problems


def read_source(raw: bytes, name: str, shown: str, entry: CatalogEntry | None = None) -> tuple[SourceDoc | None, list[Diagnostic]]:
    """Decode one file's bytes; ``None`` when nothing usable is in it."""
    text, encoding, problems = decode(raw, shown)
    if text is None:
        return None, problems
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return None, [*problems, error(shown, 1, "empty file: there is no text to publish; add the article text or delete the file")]
    meta: Mapping[str, object] = MappingProxyType({})
    first_line = 1
    if name.lower().endswith(".md"):
        meta, text, first_line, found = split_front_matter(text, shown)
        problems.extend(found)
    return SourceDoc(name, shown, text, encoding, first_line, meta, entry), problems


def decode(raw: bytes, shown: str) -> tuple[str | None, str, list[Diagnostic]]:
    """Bytes → text. UTF-8 (with or without BOM) and UTF-16 with BOM pass quietly;
    anything else is detected, decoded and reported as a warning."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return _checked(raw[len(bom) :].decode(codec), codec, shown)
            except UnicodeDecodeError:
                break
    if b"\x00" not in raw:
        try:
            return _checked(raw.decode("utf-8"), "utf-8", shown)
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(raw, cp_isolation=COMMON_ENCODINGS).best() or charset_normalizer.from_bytes(raw).best()
    if best is None or b"\x00" in raw and best.encoding.startswith("utf_8"):
        return None, "", [error(shown, 0, "binary file, not text: articles must be plain text (.txt) or Markdown (.md); convert it or move it out of seeds/")]
    text, encoding, problems = _checked(str(best), best.encoding, shown)
    if text is not None:
        problems.append(warning(shown, 0, f"not UTF-8: decoded as {best.encoding} (detected); check the accented letters and re-save the file as UTF-8"))
    return text, encoding, problems


def _checked(text: str, encoding: str, shown: str) -> tuple[str | None, str, list[Diagnostic]]:
    bad = CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        what = f"binary file, not text (control character U+{ord(bad.group()):04X})"
        return None, encoding, [error(shown, line, f"{what}; convert it to plain text or move it out of seeds/")]
    return text, encoding, []


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
