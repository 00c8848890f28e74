"""Stage 1, disk → :class:`SourceDoc`: find the seed files and read each with the reader for its format.

Raw sources are never edited by hand, so this stage accepts what real files
look like (see :mod:`.text` for encodings and line ends, :mod:`.markdown` for
front matter). Which reader reads a file is decided by its suffix, in the
registry :data:`build_docs.sources.readers.READERS`; a file no reader claims is
reported and skipped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import cast

from build_docs.diagnostics import Diagnostic, Severity, error, warning
from build_docs.results import NOTHING_KEPT, Kept
from build_docs.sources.catalog import Catalog, CatalogEntry
from build_docs.sources.limits import MAX_FILE_BYTES, MAX_PARTS
from build_docs.sources.readers import READERS, reader_for
from build_docs.sources.reading import Part
from build_docs.sources.sanitise import visible_reading
from build_docs.sources.text import SKIPPED, read_text
from build_docs.stamps import Recorded, Stamp, read_stamps, stamp, write_stamps

DATA_SUFFIXES = (".yml", ".yaml")
#: A block of a plain text: a line with text after a blank line (or at the start).
_BLOCKS = re.compile(r"(?:^|\n[^\S\n]*\n)[^\S\n]*\S")


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
    format: str = "text"  # "text", "markdown", "html", "pdf", as its reader says
    parts: tuple[Part, ...] | None = None  # the structure a structured format states (see sources/reading.py)
    removed: tuple[tuple[int, str, str], ...] = ()  # (line, text, why): what the reader left out
    origins: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # e.g. {"date": "file name"}

    @property
    def plain(self) -> str:
        """The text a reader reads: for a structured source its parts' text, without markup."""
        return self.text if self.parts is None else "\n\n".join(part.text for part in self.parts)
    pages: tuple[tuple[int, str], ...] = ()  # (first line, label) of each page of a paginated source
    document_info: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))  # filled in where the text is silent

    def __repr__(self) -> str:
        return f"SourceDoc({self.name!r}, {len(self.text)} chars, {self.encoding})"


def read_sources(
    seeds: Path, catalog: Catalog, shown_root: str, kept: Kept = NOTHING_KEPT, record: Path | None = None
) -> tuple[tuple[SourceDoc, ...], list[Diagnostic]]:
    """Read every article file directly inside ``seeds``, in file-name order; with ``kept``, a file's reading
    (and what was said of it) is read back when an earlier build read the same bytes under the same name and entry.

    With a ``record`` (kept beside the results), a file is not even read to know its bytes when its size and
    modification time are what an earlier build recorded with their digest (:mod:`build_docs.stamps`)."""
    problems: list[Diagnostic] = []
    docs: list[SourceDoc] = []
    if not seeds.is_dir():
        return (), [error(shown_root, 0, "seeds folder not found; pass --seeds DIR")]
    known = read_stamps(record) if record and kept.on else {}
    stamps: dict[str, tuple[int, int, str]] = {}
    for path in sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith(".")):
        shown = f"{shown_root}/{path.name}"
        if path.suffix.lower() in DATA_SUFFIXES:
            continue
        if reader_for(path.name) is None:
            problems.append(warning(shown, 0, f"ignored: articles must be {' or '.join(READERS)} files"))
            continue
        found_stamp = stamp(path)
        size = found_stamp[0] if found_stamp else path.stat().st_size
        if size > MAX_FILE_BYTES:
            what = f"file too large: {size:,} bytes, more than the {MAX_FILE_BYTES:,} a seed may have; it is skipped unread"
            problems.append(warning(shown, 0, f"{what}: split it into several files, or keep only the article's text"))
            continue
        entry = catalog.get(path.name)
        if kept.on:
            doc, found, digested = _kept_reading(kept, path, shown, entry, known.get(path.name), found_stamp)
            if found_stamp:
                stamps[path.name] = (*found_stamp, digested)
        else:
            doc, found = read_source(path.read_bytes(), path.name, shown, entry)
        problems.extend(found)
        if doc is not None:
            docs.append(doc)
    if record and kept.on and stamps != known:  # the clock read beside the results, not in seeds/ (which a server watches)
        write_stamps(record, stamps, record.parent)
    names = {d.name for d in docs}
    for entry in catalog.entries.values():
        if entry.file not in names and not (seeds / entry.file).exists():
            problems.append(warning(catalog.path, entry.line, f"no seed file named {entry.file!r}; fix the name or remove the entry"))
    return tuple(docs), problems


def _kept_reading(
    kept: Kept, path: Path, shown: str, entry: CatalogEntry | None, known: Recorded | None, now: Stamp | None
) -> tuple[SourceDoc | None, list[Diagnostic], str]:
    """A file's reading, kept by the digest of its bytes (``known``'s, when the file's stamp is still the one recorded
    with it, so the file is not read), its name, where it is shown and its catalog entry; and that digest."""
    raw = None
    if known is not None and now is not None and len(known) == 3 and known[:2] == now:
        digested = known[2]
    else:
        raw = path.read_bytes()
        digested = hashlib.sha256(raw).hexdigest()
    key = kept.key("read", digested, path.name, shown, entry)
    found = kept.get("read", key)
    if found is not None:
        doc, problems = cast(tuple[SourceDoc | None, list[Diagnostic]], found[0])  # written below for this key and code
        return doc, problems, digested
    if raw is None:  # no reading kept for it: read the file after all, and name its reading by what it holds now
        raw = path.read_bytes()
        digested = hashlib.sha256(raw).hexdigest()
        key = kept.key("read", digested, path.name, shown, entry)
    doc, problems = read_source(raw, path.name, shown, entry)
    kept.put("read", key, (doc, problems))
    return doc, problems, digested


def skipped_files(problems: list[Diagnostic], docs: tuple[SourceDoc, ...]) -> tuple[Diagnostic, ...]:
    """The warnings about seed files that make no article (unreadable, empty, too large …), for the Cleaning reports page."""
    read = {doc.shown for doc in docs}
    return tuple(sorted(p for p in problems if p.severity is Severity.WARNING and p.path not in read and not p.path.endswith(DATA_SUFFIXES)))


def read_source(raw: bytes, name: str, shown: str, entry: CatalogEntry | None = None) -> tuple[SourceDoc | None, list[Diagnostic]]:
    """Read one file's bytes with the reader for its suffix (plain text for a suffix none claims);
    ``None`` when nothing usable is in it. One file's failure never stops the others: a reader that fails
    on input nobody foresaw is a warning naming the file, not a traceback."""
    try:
        reading, problems = (reader_for(name) or read_text)(raw, shown)
    except Exception as exc:  # noqa: BLE001 - a reader of untrusted bytes; the warning names what failed
        what = f"could not be read ({type(exc).__name__}: {str(exc)[:200]}), {SKIPPED}"
        return None, [warning(shown, 0, f"{what}; convert it to plain text (.txt), and report the file as a bug in build_docs")]
    if reading is None:
        return None, problems
    reading, found = visible_reading(reading, shown)
    problems += found
    count = len(reading.parts) if reading.parts is not None else len(_BLOCKS.findall(reading.text))
    if count > MAX_PARTS:
        what = f"too many parts: {count:,} paragraphs, headings or items, more than the {MAX_PARTS:,} one source may have; {SKIPPED}"
        return None, [*problems, warning(shown, 0, f"{what}: split it into several files")]
    doc = SourceDoc(
        name=name,
        shown=shown,
        text=reading.text,
        encoding=reading.encoding,
        first_line=reading.first_line,
        front_matter=reading.front_matter,
        catalog=entry,
        format=reading.format,
        parts=reading.parts,
        removed=reading.removed,
        origins=reading.origins,
        pages=reading.pages,
        document_info=reading.document_info,
    )
    return doc, problems
