"""Results kept between builds, so an edit re-does the work of what it changed.

A stage's result for one unit of work (a source's draft, an article's extraction, the
comparison of two sources) is pickled under ``.build_docs-results/<stage>/`` beside
the seeds folder, in a file named by a :meth:`Kept.key` (and, once enough of a stage's results are
such files, folded into the stage's pack when a build ends: :mod:`build_docs.packs`): a digest of everything the result
depends on (the unit itself, or the digests of its inputs, and whatever corpus-wide
input it reads), of every file of this package (code and data:
:func:`build_docs.cache.package_digest`) and of the Python version. So a result is read
back only for the same input and code; anything else is computed again, and a file
that cannot be read is ignored. Keys are digests of inputs, not of outputs, so a stage
can name what it will need before anything is computed, and a later stage can key its
own results by the keys of the results it reads (:meth:`Kept.key` takes digests as
parts as readily as objects).

A result may hold :class:`Blob` values (a page's bytes): :meth:`Kept.put` with ``blobs`` writes them
to a file of their own beside the pickle (``<key>.blobs``), and a result read back holds them unread, each read from
that file when first asked for. So a rebuild reads what its pages are made of, not the pages an
earlier build wrote that are still in ``docs/``; and, from a cold disk, not even the blocks the kernel would read
ahead past a pickle into the bytes that follow it.

The folder is safe to delete, ignored by git, and written by the build's own process
only (it is trusted as the build's own output is). ``--no-cache`` turns it off (a
:class:`Kept` with no folder keeps nothing). Cached and cold builds write
byte-identical ``docs/`` (tested).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar, cast

from build_docs.cache import package_digest, write_atomic
from build_docs.diagnostics import BuildError, error
from build_docs.jobs import IN_PROCESS, Runner, call
from build_docs.packs import PACK, PACKED, PENDING, Pack, Pending, abandoned, fold, should_fold

T = TypeVar("T")
C = TypeVar("C")
R = TypeVar("R")
S = TypeVar("S")


RESULTS = ".build_docs-results"  # ignored by git (.gitignore: .build_docs-*/)


def folder_for(seeds: Path) -> Path:
    """Where a seeds folder's results are kept: ``.build_docs-results`` beside it.

    Not ``.cache/``: Zensical keeps its own cache there and ``zensical build --clean`` empties it."""
    return seeds.resolve().parent / RESULTS


def digest(*parts: object) -> str:
    """A digest of ``parts``: strings and bytes as they are, anything else pickled.

    Pickles are stable for the frozen dataclasses, tuples, dicts and strings the stages hand
    on; a set would pickle in an order that changes between processes, so keys use sorted tuples.
    """
    whole = hashlib.sha256()
    for part in parts:
        if isinstance(part, str):
            data = b"s" + part.encode("utf-8", "surrogatepass")
        elif isinstance(part, bytes):
            data = b"b" + part
        else:
            data = b"p" + _pickled(part)
        whole.update(hashlib.sha256(data).digest())
    return whole.hexdigest()[:40]


def _pickled(value: object) -> bytes:
    """``value`` pickled without the memo, so the bytes depend on what it holds, not on which of its
    parts happen to be one object (an article read back from a pickle shares strings differently)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: shared parts are written out each time
    pickler.dump(value)
    return buffer.getvalue()


PICKLE, BLOBS = ".pickle", ".blobs"  # a result's file, and the file of the bytes of its blobs (if it holds any)


class Blob:
    """Bytes a kept result may hold without this build reading them: written to a file beside the result's
    (:meth:`Kept.put` with ``blobs``), and read from there only when :meth:`data` is first called. Pickled for another
    process, an unread blob is sent as where it is, not as its bytes."""

    __slots__ = ("_data", "_where")

    def __init__(self, data: bytes) -> None:
        self._data: bytes | None = data
        self._where: tuple[str, int, int] | None = None

    @classmethod
    def kept_at(cls, path: str, offset: int, size: int) -> Blob:
        """The ``size`` bytes at ``offset`` of the kept file ``path``, unread."""
        blob = cls.__new__(cls)
        blob._data, blob._where = None, (path, offset, size)
        return blob

    def data(self) -> bytes:
        """The bytes, read from their kept file the first time (then held)."""
        if self._data is None:
            assert self._where is not None, "a blob holds its bytes or where they are"
            path, offset, size = self._where
            try:
                with open(path, "rb") as handle:
                    handle.seek(offset)
                    data = handle.read(size)
            except OSError:
                data = b""
            if len(data) != size:
                raise vanished(path)
            self._data = data
        return self._data

    def __reduce__(self) -> tuple[object, ...]:
        if self._data is None:
            return (Blob.kept_at, self._where)
        return (Blob, (self._data,))


def vanished(path: str) -> BuildError:
    """The error of a kept result that changed while this build read it: another build of the same seeds swept it."""
    message = "a kept result changed while this build read it (another build of the same seeds at the same time?); run the build again"
    return BuildError((error(path, 0, message),))


class _BlobPickler(pickle.Pickler):
    """Pickles a result with its :class:`Blob` values' bytes set aside in ``blobs``, referred to by offset and size."""

    def __init__(self, file: io.BytesIO, blobs: list[bytes]) -> None:
        super().__init__(file, protocol=5)
        self.blobs, self.size = blobs, 0

    def persistent_id(self, obj: object) -> tuple[int, int] | None:
        if type(obj) is not Blob:
            return None
        data = obj.data()
        self.blobs.append(data)
        self.size += len(data)
        return self.size - len(data), len(data)


def _loaded(data: bytes, where: str) -> tuple[object] | None:
    """``(result,)`` from its pickle ``data``, kept at ``where`` (its blobs in ``where`` + ``.blobs``), or ``None``."""
    try:
        return (_BlobUnpickler(io.BytesIO(data), where + BLOBS).load(),)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None


class _BlobUnpickler(pickle.Unpickler):
    """Reads a result back with its blobs unread: each one where it is in the file ``blobs``."""

    def __init__(self, file: io.BytesIO, blobs: str) -> None:
        super().__init__(file)
        self.blobs = blobs

    def persistent_load(self, pid: object) -> Blob:
        offset, size = cast(tuple[int, int], pid)
        return Blob.kept_at(self.blobs, offset, size)


@dataclass(frozen=True)
class Kept:
    """The results kept in ``folder`` (``None``: none are read or written).

    It remembers which results this build read or wrote, so :meth:`sweep` can remove the rest:
    the folder holds one build's results, not one set per version of the code or of the seeds."""

    folder: Path | None = None
    used: dict[tuple[str, str], None] = field(default_factory=dict, compare=False, repr=False)  # in the order first used
    salt: str = ""  # an input every result kept through this view depends on (see salted)
    recorders: list[set[tuple[str, str]]] = field(default_factory=list, compare=False, repr=False)  # see recording
    packs: dict[str, Pack | None] = field(default_factory=dict, compare=False, repr=False)  # each stage's, once opened
    # what this build's own process keeps, appended to one file per stage (a forked worker's results are files of their own)
    pending: dict[str, Pending] = field(default_factory=dict, compare=False, repr=False)
    owner: int = field(default_factory=os.getpid, compare=False, repr=False)

    @cached_property
    def _root(self) -> str:
        return os.fspath(self.folder or "")

    @property
    def on(self) -> bool:
        return self.folder is not None

    def key(self, stage: str, *parts: object) -> str:
        """The name of ``stage``'s result for inputs ``parts``, for this code and Python."""
        return digest(stage, sys.version, package_digest(), self.salt, *parts)

    def salted(self, salt: str) -> Kept:
        """The same results, every key also naming ``salt``: an input all of a stage's results read
        (the abbreviations every page ends with), so no call can forget it. Uses are still swept together."""
        return Kept(self.folder, self.used, digest(self.salt, salt), self.recorders, self.packs, self.pending, self.owner) if self.on else self

    @contextmanager
    def recording(self) -> Iterator[set[tuple[str, str]]]:
        """The results read, held or kept through this view or any view of the same folder inside the ``with``
        block: what a result made there was made with (an entity's pages, with its pages of mentions kept
        one by one), so that reading it back can :meth:`hold` them too."""
        found: set[tuple[str, str]] = set()
        self.recorders.append(found)
        try:
            yield found
        finally:
            self.recorders.pop()

    def _use(self, stage: str, key: str) -> None:
        self.used[stage, key] = None
        for recorder in self.recorders:
            recorder.add((stage, key))

    def get(self, stage: str, key: str) -> tuple[object] | None:
        """``(result,)`` kept for ``key``, or ``None``."""
        if self.folder is None:
            return None
        self._use(stage, key)
        where = f"{self._root}/{stage}/{key}"  # a string, not a Path: read thousands of times a build
        for pack in (self.pending.get(stage), self._pack(stage)):
            packed = pack.entry(key) if pack is not None else None
            if packed is not None and (found := _loaded(packed, where)) is not None:
                return found
        try:  # kept on its own: made since the stage was last folded (or again, its packed entry unreadable)
            with open(where + PICKLE, "rb") as handle:
                return _loaded(handle.read(), where)
        except OSError:
            return None

    def _pack(self, stage: str) -> Pack | None:
        try:
            return self.packs[stage]
        except KeyError:
            pack = self.packs[stage] = Pack.open(f"{self._root}/{stage}/{PACK}")
            return pack

    def hold(self, stage: str, key: str) -> None:
        """Leave the result kept for ``key`` in place for a later build without reading it (see :meth:`sweep`)."""
        self._use(stage, key)

    def put(self, stage: str, key: str, result: object, blobs: bool = False) -> None:
        """Keep ``result`` for ``key``; with ``blobs``, the bytes of its :class:`Blob` values where a build that reads
        it back reads them only if it must."""
        if self.folder is None:
            return
        self._use(stage, key)
        if blobs:
            buffer, held = io.BytesIO(), list[bytes]()
            _BlobPickler(buffer, held).dump(result)
            pickled = buffer.getvalue()
            if held:  # first, so that a result read back never names bytes not yet written
                write_atomic(self.folder / stage / f"{key}{BLOBS}", b"".join(held))
        else:
            pickled = pickle.dumps(result, protocol=5)
        pending = self._pending(stage)
        if pending is not None:
            pending.add(key, pickled)
        else:
            write_atomic(self.folder / stage / f"{key}{PICKLE}", pickled)

    def _pending(self, stage: str) -> Pending | None:
        """This process's pending results of ``stage`` (:class:`~build_docs.packs.Pending`); none in a forked worker,
        whose results are files of their own, or where the file cannot be made."""
        if os.getpid() != self.owner or self.folder is None:
            return None
        if stage not in self.pending:
            try:
                (self.folder / stage).mkdir(parents=True, exist_ok=True)
                self.pending[stage] = Pending(self.folder / stage / f"{PENDING}{self.owner}{PACKED}")
            except OSError:
                return None
        return self.pending[stage]

    def close(self) -> None:
        """The results this process kept and did not fold become files of their own, for the next build to find: at
        the end of a build that did not succeed (one that did calls :meth:`sweep`, which calls this)."""
        for pending in self.pending.values():
            for key in pending.index:
                if key and (data := pending.entry(key)) is not None:
                    write_atomic(pending.path.parent / f"{key}{PICKLE}", data)
            pending.discard()
        self.pending.clear()

    def sweep(self) -> int:
        """Remove every kept result this build did not use (after a build that succeeded), and fold the stages whose
        results are loose or stale enough into their packs (:mod:`build_docs.packs`); how many results were removed.
        A stale result in a pack that is not folded stays there until it is (it is still what its key names)."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        used: dict[str, dict[str, None]] = {}
        for used_in, key in self.used:
            used.setdefault(used_in, {})[key] = None
        removed = 0
        for stage in sorted(p for p in self.folder.iterdir() if p.is_dir()):
            kept, loose = used.get(stage.name, {}), dict[str, str]()
            with os.scandir(stage) as entries:  # thousands of files: no Path made for each
                for entry in entries:
                    if abandoned(entry.name):
                        with suppress(FileNotFoundError):
                            os.unlink(entry.path)
                    # a name that starts with a dot is another build's file being written
                    if not entry.name.endswith((PICKLE, BLOBS)) or entry.name.startswith("."):
                        continue
                    key, _, suffix = entry.name.rpartition(".")
                    if key not in kept:
                        with suppress(FileNotFoundError):  # another build removed it first
                            os.unlink(entry.path)
                            removed += f".{suffix}" == PICKLE  # a result, not the file of its blobs
                    elif f".{suffix}" == PICKLE:
                        loose[key] = entry.path
            pack, pending = self._pack(stage.name), self.pending.pop(stage.name, None)
            stale = sum(1 for key in pack.index if key not in kept) if pack else 0
            fresh = len(loose) + (len(pending.index) if pending else 0)
            folded = False
            if should_fold(pack, fresh, stale):
                # with no older pack to copy from, this process's file of the stage's results becomes the pack
                folded = pending.finish(loose, kept) if pending is not None and pack is None else fold(stage, pack, loose, kept, pending)
                removed += stale if folded else 0
            if pending is not None and folded:
                pending.discard()  # moved into place, or copied into the new pack
            elif pending is not None:
                self.pending[stage.name] = pending  # its results become files of their own (close)
        self.close()
        for pack in self.packs.values():
            if pack is not None:
                pack.close()
        self.packs.clear()
        return removed

    def alongside(self, runner: Runner, there: Callable[[], R], here: Callable[[], S]) -> tuple[R, S]:
        """:meth:`Runner.alongside <build_docs.jobs.Runner.alongside>`: ``there`` may run in a forked process, so the
        results it reads or keeps through any view of this folder are sent back and held here, for this build's
        sweep to leave them."""

        def recorded() -> tuple[R, tuple[tuple[str, str], ...]]:
            with self.recording() as used:
                made = there()
            return made, tuple(sorted(used))

        (made, used), mine = runner.alongside(recorded, here)
        for stage, key in used:
            self.hold(stage, key)
        return made, mine

    def one(self, stage: str, key: str, compute: Callable[[], R], blobs: bool = False) -> R:
        """The result kept for ``key``, or ``compute()`` (then kept, its blobs apart with ``blobs``: :meth:`put`)."""
        found = self.get(stage, key)
        if found is not None:
            return cast(R, found[0])  # written by put() for this stage, key and code
        result = compute()
        self.put(stage, key, result, blobs)
        return result

    def map_with(
        self,
        stage: str,
        fn: Callable[[C, T], R],
        context: Callable[[], C],
        items: Sequence[T],
        keys: Sequence[str] | None,
        runner: Runner = IN_PROCESS,
        what: str = "articles",
    ) -> list[R]:
        """``[fn(context(), item) for item in items]``, reading back what was kept under ``keys`` (one per item).

        ``context`` is called only when some item has no kept result: a corpus-wide input
        that is costly to make (a lexicon) is made only when it is used. The keys must name
        everything ``fn`` reads, the context's part included; with no keys nothing is kept.
        """
        if self.folder is None or keys is None:
            return runner.map_with(fn, context(), items, what)
        results: dict[int, R] = {}
        for i, key in enumerate(keys):
            found = self.get(stage, key)
            if found is not None:
                results[i] = cast(R, found[0])
        missing = [i for i in range(len(items)) if i not in results]
        if missing:
            made = runner.map_with(fn, context(), [items[i] for i in missing], what)
            for i, result in zip(missing, made, strict=True):
                results[i] = result
                self.put(stage, keys[i], result)
        return [results[i] for i in range(len(items))]

    def map(self, stage: str, fn: Callable[[T], R], items: Sequence[T], runner: Runner = IN_PROCESS, keys: Sequence[str] | None = None) -> list[R]:
        """``[fn(item) for item in items]``; each item is its own key unless ``keys`` are given."""
        if self.folder is None:
            return runner.map(fn, items)
        keys = keys if keys is not None else [self.key(stage, item) for item in items]
        return self.map_with(stage, call, lambda: fn, items, keys, runner)


NOTHING_KEPT = Kept()  # the default: no results read or written
