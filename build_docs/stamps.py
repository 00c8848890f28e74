"""What a file was when a build last read or wrote it: its size and modification time, trusted as git trusts its index.

A file whose size and modification time (in nanoseconds) are what a record says is taken to hold what it held
then, so a build need not read it again: publishing does not read back the files of ``docs/`` it wrote
(:mod:`build_docs.publish.write`), and reading does not read again a seed it has read (:mod:`build_docs.sources.read`).
A file's stamp is taken when the build knew what the file held, and, as git treats its index, a file not
older than the file system's clock at recording is left out (:func:`write_stamps`): an edit later in the same
clock tick could keep its time, so such a file is read next time. A hand edit changes the time, and so is seen.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from build_docs.cache import write_atomic

Stamp = tuple[int, int]  # (size, modification time in ns)
Recorded = tuple[int, int, *tuple[str, ...]]  # a stamp and what else was recorded with it (a digest), as strings


def stamp(path: str | Path) -> Stamp | None:
    """``path``'s size and modification time; ``None`` when it cannot be stated."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def clock(folder: Path) -> int:
    """The time of the file system holding ``folder``, in its own granularity: a new file's modification time."""
    handle, name = tempfile.mkstemp(prefix=".build_docs-clock-", dir=folder)
    try:
        return os.fstat(handle).st_mtime_ns
    finally:
        os.close(handle)
        os.unlink(name)


def read_stamps(record: Path) -> dict[str, Recorded]:
    """What :func:`write_stamps` wrote to ``record``: name -> (size, time, and what else was recorded, as strings);
    nothing when it is missing or unreadable."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        return {str(name): (int(found[0]), int(found[1]), *(str(x) for x in found[2:])) for name, found in data.items()}
    except (OSError, ValueError, TypeError, AttributeError, IndexError, KeyError):
        return {}


def write_stamps(record: Path, stamps: Mapping[str, Recorded], folder: Path) -> None:
    """Record ``stamps`` (name -> size, time, ...), except those not older than the clock of the file system holding
    ``folder`` now (see the module's note)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        now = clock(folder)
    except OSError:  # a folder that cannot be written: nothing is recorded, and every file is read next time
        return
    write_atomic(record, json.dumps({name: found for name, found in stamps.items() if found[1] < now}, sort_keys=True).encode("utf-8"))
