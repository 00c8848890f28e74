"""Stage 6, the only other place that touches disk: :class:`RenderedPage` → ``docs/``.

Generated files are listed, with their hashes, in ``docs/.build_docs-manifest.json``
(MkDocs skips dot-files), and only they are ever rewritten or deleted. A file the
build wants to write that it did not write before, or that was edited by hand
since, is an error: nothing hand-written is lost. Everything is written to a
staging folder beside ``docs/`` first; only when all of it is there are the
files moved into place. Unchanged files are not touched, so ``mkdocs serve``
does not see spurious changes.

A file is compared with the page it should hold by reading it, unless the last build recorded
its size and modification time (:func:`record_seen`, kept beside the build's other results)
and they are the same now, and its page has the digest the manifest gives it: then it is
unchanged without being read, as ``git status`` and ``make`` decide. What is recorded of a file
is taken when the build knew what it held: a written file's before it was moved into ``docs/``
(from the staging folder, where nothing else writes), a compared file's before it was read.
As git does with its index, a file whose time is not older than the recording (by the clock of the
file system holding ``docs/``, whatever its granularity) is not recorded: an edit later in the
same clock tick could keep its time. It is read next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from build_docs.diagnostics import Diagnostic, error
from build_docs.render.templating import RenderedPage
from build_docs.stamps import read_stamps, stamp, write_stamps

MANIFEST = ".build_docs-manifest.json"
Seen = Mapping[str, tuple[int, int]]  # path under docs/ -> (size, modification time in ns) when it held its manifest digest


@dataclass(frozen=True)
class Plan:
    """What a build would change in ``docs/``."""

    writes: tuple[RenderedPage, ...]
    deletes: tuple[str, ...]
    unchanged: tuple[str, ...]
    problems: tuple[Diagnostic, ...]
    manifest: bytes
    read: int = 0  # files read to compare
    seen: Seen = field(default_factory=dict)  # the unchanged files: as the last build recorded them, or as stated before being read

    @property
    def stale(self) -> bool:
        return bool(self.writes or self.deletes)


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_manifest(docs: Path) -> dict[str, str]:
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()}
    except FileNotFoundError:
        return {}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def plan(pages: tuple[RenderedPage, ...], docs: Path, shown: str, seen: Seen | None = None) -> Plan:
    """Compare the pages with ``docs/`` without changing anything; a file ``seen`` as it is now, holding
    the page's digest by the manifest, is not read (see the module's note)."""
    previous = read_manifest(docs)
    seen = seen or {}
    problems: list[Diagnostic] = []
    writes: list[RenderedPage] = []
    unchanged: list[str] = []
    digests = {page.path: page.digest for page in pages}
    read, trusted = 0, {}
    root = os.fspath(docs)
    for page in pages:
        if page.path in seen and previous.get(page.path) == digests[page.path] and stamp(f"{root}/{page.path}") == seen[page.path]:
            unchanged.append(page.path)
            trusted[page.path] = seen[page.path]
            continue
        target = docs / page.path
        before = stamp(target)  # before reading: an edit after it changes the time recorded
        current = target.read_bytes() if target.is_file() else None
        read += 1
        if current == page.content:
            unchanged.append(page.path)
            if before is not None:
                trusted[page.path] = before
            continue
        if target.exists() and page.path not in previous:
            problems.append(error(f"{shown}/{page.path}", 0, "exists but was not written by build_docs; the build will not overwrite it: move or rename it"))
        elif current is not None and digest(current) != previous[page.path]:
            advice = "move your changes into seeds/ (or save them elsewhere), then delete this file and rebuild"
            problems.append(error(f"{shown}/{page.path}", 0, f"generated file was edited by hand; {advice}"))
        writes.append(page)
    wanted = {p.path for p in pages}
    deletes = tuple(sorted(p for p in previous if p not in wanted and (docs / p).is_file()))
    for path in deletes:
        if digest((docs / path).read_bytes()) != previous[path]:
            problems.append(error(f"{shown}/{path}", 0, "stale generated file was edited by hand; save your changes elsewhere, then delete it"))
    manifest = _manifest_bytes(digests)
    return Plan(tuple(writes), deletes, tuple(unchanged), tuple(problems), manifest, read, trusted)


def read_seen(record: Path) -> dict[str, tuple[int, int]]:
    """What :func:`record_seen` wrote to ``record``; nothing when it is missing or unreadable."""
    return {path: (found[0], found[1]) for path, found in read_stamps(record).items()}


def record_seen(record: Path, change: Plan, written: Seen, docs: Path) -> None:
    """Record the size and modification time of every file ``change`` leaves in ``docs/``: those it found
    unchanged as :func:`plan` saw them, those :func:`apply` wrote as it staged them (``written``), except any not
    older than the file system's clock now (:func:`build_docs.stamps.write_stamps`)."""
    seen = {path: found for path in change.unchanged if (found := change.seen.get(path)) is not None}
    seen |= {page.path: written[page.path] for page in change.writes if page.path in written}
    write_stamps(record, seen, docs.parent)


def apply(change: Plan, docs: Path) -> Seen:
    """Stage every new file beside ``docs/``, then move them in and delete stale ones. The size and modification
    time of each file written, taken in the staging folder (moving a file keeps them)."""
    docs.mkdir(parents=True, exist_ok=True)
    if not change.stale and (docs / MANIFEST).is_file() and (docs / MANIFEST).read_bytes() == change.manifest:
        return {}
    staging = Path(tempfile.mkdtemp(prefix=".build_docs-", dir=docs.parent))
    written = {}
    try:
        for page in change.writes:
            staged = staging / page.path
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(page.content)
        (staging / MANIFEST).write_bytes(change.manifest)
        for page in change.writes:
            target = docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            if (found := stamp(staging / page.path)) is not None:
                written[page.path] = found
            os.replace(staging / page.path, target)
        for path in change.deletes:
            (docs / path).unlink()
            _remove_empty_parents((docs / path).parent, docs)
        os.replace(staging / MANIFEST, docs / MANIFEST)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _manifest_bytes(digests: Mapping[str, str]) -> bytes:
    files = {path: digests[path] for path in sorted(digests)}
    data = {"generator": "build_docs", "note": "Files build_docs wrote; only these are ever rewritten or deleted.", "files": files}
    return (json.dumps(data, indent=2) + "\n").encode("utf-8")
