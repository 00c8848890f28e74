"""Packs: a stage's kept results in one file, so that a rebuild opens a few files, not tens of thousands.

A build keeps each result the moment it is made (:class:`~build_docs.results.Kept`): the build's own
process appends it to its file of the stage's results (:class:`Pending`), a forked worker writes it
as a file of its own. When the build ends, its sweep folds a stage's results into one file, the
stage's pack, once enough of them are new or stale (:func:`should_fold`): the results that build
used, indexed in the order it first used them, so the next build, which asks for them in about
that order, reads the pack front to back, as the disk reads ahead. With no older pack to copy
from (a first build), the process's file simply becomes the pack, so a cold build writes each of
its results once. Results not folded become files of their own, also when the build fails; the file
of a build killed before it could do so is removed by the next build's sweep (:func:`abandoned`). A one-edit rebuild then
reads each stage's pack and a few loose files, where it opened one file per article and stage
(about 50,000 files at 3,000 articles, each a separate read from a cold disk).

A pack is written whole or not at all (a temporary file moved into place); a build that opened the
one it replaces goes on reading the file it opened. An unreadable pack, or an entry that cannot be
read, is a result not kept: it is made again. A page's bytes are not packed (they stay in their own
file beside the result, :class:`~build_docs.results.Blob`), so a fold never moves what a build may
still read.

Layout: the results' pickles, one after another; then the index, a pickled dict of key ->
(offset, size); then the index's size in 8 bytes.
"""

from __future__ import annotations

import os
import pickle
import struct
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path

PACKED = ".pack"
PACK = "results" + PACKED  # in each stage's folder
PENDING = ".pending-"  # then the id of the process whose results it holds, then PACKED
_TAIL = struct.Struct("<Q")
#: Fold a stage when at least this many of its results are loose or stale, and at least a sixteenth of its pack:
#: a few edits leave their results loose, and a fold rewrites a pack only once in many builds.
FOLD_AT = 64


class Pack:
    """A stage's pack, open for reading: :meth:`entry` gives a result's pickle by its key."""

    __slots__ = ("_fd", "index")

    def __init__(self, fd: int, index: dict[str, tuple[int, int]]) -> None:
        self._fd, self.index = fd, index

    @classmethod
    def open(cls, path: str) -> Pack | None:
        """The pack at ``path``, or ``None`` if there is none or it cannot be read."""
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
        try:
            size = os.fstat(fd).st_size
            (length,) = _TAIL.unpack(_read_at(fd, _TAIL.size, size - _TAIL.size))
            if length > size - _TAIL.size:
                raise ValueError("not a pack")
            index = pickle.loads(_read_at(fd, length, size - _TAIL.size - length))
            if not isinstance(index, dict):
                raise ValueError("not an index")
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, struct.error, AttributeError, ImportError, IndexError):
            os.close(fd)
            return None
        return cls(fd, index)

    def entry(self, key: str) -> bytes | None:
        """The pickle kept for ``key``, or ``None``."""
        where = self.index.get(key)
        if where is None:
            return None
        offset, size = where
        try:
            data = _read_at(self._fd, size, offset)
        except OSError:
            return None
        return data if len(data) == size else None

    def close(self) -> None:
        with suppress(OSError):
            os.close(self._fd)


class Pending(Pack):
    """The results one process keeps for one stage during a build, appended to one file as they are made
    (:meth:`add`), readable at once (:meth:`~Pack.entry`). When the build ends they become the stage's pack
    (:func:`fold`, :meth:`finish`), or files of their own, so a cold build writes each result once."""

    __slots__ = ("path", "size")

    def __init__(self, path: Path) -> None:
        super().__init__(os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600), {})
        self.path, self.size = path, 0

    def add(self, key: str, data: bytes) -> None:
        """Keep ``data`` for ``key``."""
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]
        self.index[key] = (self.size, len(data))
        self.size += len(data)

    def finish(self, loose: Mapping[str, str], keys: Iterable[str]) -> bool:
        """Make this file the pack of its folder, holding the results ``keys`` names: its own, and those of ``loose``
        files (key -> path) after them; then remove the loose files it holds. False if it could not be written."""
        index: dict[str, tuple[int, int]] = {}
        try:
            for key in keys:
                if key in self.index:
                    index[key] = self.index[key]
                elif key in loose and (data := _read(loose[key])) is not None:
                    index[key] = (self.size, len(data))
                    self.add(key, data)
            self.add("", _sealed(index))
            os.replace(self.path, self.path.parent / PACK)
        except OSError:
            return False
        _remove(loose[key] for key in index if key in loose)
        return True

    def discard(self) -> None:
        self.close()
        with suppress(OSError):
            os.unlink(self.path)


def abandoned(name: str) -> bool:
    """Whether ``name`` is a :class:`Pending` file of a process that no longer runs (a build killed before it could
    keep its results): on POSIX, where asking whether a process runs is harmless."""
    if os.name != "posix" or not (name.startswith(PENDING) and name.endswith(PACKED)):
        return False
    pid = name[len(PENDING) : -len(PACKED)]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # it runs, as another user
        return False
    return False


def should_fold(pack: Pack | None, loose: int, stale: int) -> bool:
    """Whether a stage with ``loose`` result files used and ``stale`` unused results in its pack is folded now."""
    return loose + stale >= max(FOLD_AT, len(pack.index) // 16 if pack else 0)


def fold(folder: Path, pack: Pack | None, loose: Mapping[str, str], keys: Iterable[str], pending: Pack | None = None) -> bool:
    """Write ``folder``'s pack anew with the results ``keys`` names, in that order, each from ``pending``, its
    ``loose`` file (key -> path) or else the old ``pack``; then remove the loose files it holds. A result found in
    none is left out (another build removed it: it is made again when next needed). False if the pack could not be
    written."""
    index: dict[str, tuple[int, int]] = {}
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pack")
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as handle:
            offset = 0
            for key in keys:
                data = pending.entry(key) if pending is not None else None
                if data is None and key in loose:
                    data = _read(loose[key])
                if data is None and pack is not None:
                    data = pack.entry(key)
                if data is None:
                    continue
                handle.write(data)
                index[key] = (offset, len(data))
                offset += len(data)
            handle.write(_sealed(index))
        os.replace(temporary, folder / PACK)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    _remove(loose[key] for key in index if key in loose)
    return True


def _sealed(index: dict[str, tuple[int, int]]) -> bytes:
    """What ends a pack after its results: the index, then its size (:meth:`Pack.open` reads them back)."""
    table = pickle.dumps(index, protocol=5)
    return table + _TAIL.pack(len(table))


def _remove(paths: Iterable[str]) -> None:
    for path in paths:
        with suppress(FileNotFoundError):  # another build removed it first
            os.unlink(path)


def _read_at(fd: int, size: int, offset: int) -> bytes:
    """``size`` bytes at ``offset`` of the open file ``fd``: without moving a position that forked processes share."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # no pread (Windows): no fork either, so the position is this process's own
    return os.read(fd, size)


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None
