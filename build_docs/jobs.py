"""Per-article work, in this process or on a :class:`concurrent.futures.Executor` (``--jobs N``).

A stage hands a function of one item and the items (sources to draft, articles to
extract) to a :class:`Runner`; it gets the results back as a list in the order of the
items, whoever computed them, so a parallel build writes what a serial one writes.
Work that needs the whole corpus (the lexicon, witness detection, shared lines) stays
with the stage, in this process; only what depends on one item goes out.

How the work runs (:class:`Jobs`):

* ``workers=1``: in this process, one item after another, no pool;
* ``workers=N``: a :class:`~concurrent.futures.ProcessPoolExecutor` with N processes,
  made for one step and shut down after it. The items go in contiguous chunks (a few per
  worker, so a slow chunk does not hold the others up); what a step's function needs
  besides its item (the ``context``: the cleaner's lexicons, say) goes to each worker once,
  through the pool's initializer, and stays there for every chunk it runs;
* ``workers=None`` (the command line's default): every core, but serially when a step has
  fewer than :data:`PARALLEL_FROM` items, where starting processes costs more than it saves;
* ``executor=``: a factory of any other ``Executor`` (``dask.distributed.Client.get_executor``,
  say), called once per step; the context then travels with each chunk, since an arbitrary
  executor has no initializer.

Everything sent to or from a worker is pickled: items, contexts and results are frozen
dataclasses, and :class:`types.MappingProxyType` (which they use for read-only mappings and
which does not pickle) is registered with :mod:`copyreg` here to travel as a dict and arrive
as a proxy again. Functions sent must be module-level (pickled by name).
"""

from __future__ import annotations

import copyreg
import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, TypeVar

T = TypeVar("T")
C = TypeVar("C")
R = TypeVar("R")
S = TypeVar("S")

#: Below this many items a step runs in this process when the number of workers is automatic:
#: measured with 2 cores (README, "Parallel builds"), a pool's start-up and the workers' own
#: loading of word lists and gazetteer cost more than they save on a few dozen articles.
PARALLEL_FROM = 64
CHUNKS_PER_WORKER = 4

#: ``tick(done, total, what)``: how far a step has got (``what`` names its items: "articles").
Tick = Callable[[int, int, str], None]


def _mapping_proxy(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


def _reduce_mapping_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Callable[..., Any], tuple[dict[Any, Any]]]:
    return _mapping_proxy, (dict(proxy),)


copyreg.pickle(MappingProxyType, _reduce_mapping_proxy)


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Jobs:
    """How per-item work runs: ``workers`` processes (``None``: automatic), or on ``executor()``."""

    workers: int | None = None
    executor: Callable[[], Executor] | None = None

    def runner(self, tick: Tick | None = None) -> Runner:
        return Runner(self, tick)

    def workers_for(self, items: int) -> int:
        """How many processes a step of ``items`` items gets (1: in this process)."""
        if self.workers is not None:
            return max(1, self.workers)
        return cores() if items >= PARALLEL_FROM else 1


SERIAL = Jobs(workers=1)


@dataclass(frozen=True)
class Runner:
    """Maps a step's function over its items as :class:`Jobs` says, reporting progress to ``tick``."""

    jobs: Jobs = SERIAL
    tick: Tick | None = None

    def map(self, fn: Callable[[T], R], items: Sequence[T], what: str = "articles") -> list[R]:
        """``[fn(item) for item in items]``."""
        return self.map_with(call, fn, items, what)

    def map_with(self, fn: Callable[[C, T], R], context: C, items: Sequence[T], what: str = "articles") -> list[R]:
        """``[fn(context, item) for item in items]``, in the order of ``items``."""
        items = list(items)
        self._tick(0, len(items), what)
        workers = self.jobs.workers_for(len(items))
        if self.jobs.executor is None and (workers == 1 or len(items) < 2):
            results = []
            for item in items:
                results.append(fn(context, item))
                self._tick(len(results), len(items), what)
            return results
        chunks = _chunks(items, workers * CHUNKS_PER_WORKER)
        if self.jobs.executor is not None:
            with self.jobs.executor() as executor:
                return self._gather([executor.submit(_run_chunk, fn, context, chunk) for chunk in chunks], chunks, what)
        with ProcessPoolExecutor(min(workers, len(chunks)), initializer=_hold, initargs=(fn, context)) as pool:
            return self._gather([pool.submit(_run_held, chunk) for chunk in chunks], chunks, what)

    def map_inherited(self, fn: Callable[[C, T], R], context: C, items: Sequence[T], what: str = "pages") -> list[R]:
        """:meth:`map_with` for a ``context`` that cannot travel: closures over the whole site (a page's renderer).

        The workers are forked from this process, so they inherit ``context`` as it stands, and only the items
        and the results are pickled. Where processes cannot be forked (Windows) or another executor was asked
        for (it would have to pickle the context), the items are mapped here, one after another."""
        items = list(items)
        workers = self.jobs.workers_for(len(items))
        if self.jobs.executor is not None or workers == 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return Runner(SERIAL, self.tick).map_with(fn, context, items, what)
        self._tick(0, len(items), what)
        chunks = _chunks(items, workers * CHUNKS_PER_WORKER)
        forked = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(workers, len(chunks)), mp_context=forked, initializer=_hold, initargs=(fn, context)) as pool:
            return self._gather([pool.submit(_run_held, chunk) for chunk in chunks], chunks, what)

    def alongside(self, there: Callable[[], R], here: Callable[[], S]) -> tuple[R, S]:
        """``(there(), here())``: ``there`` in a process forked from this one (it inherits the closure; only its result
        is pickled back) while ``here`` runs in this one, when this runner may use two processes and can fork; else one
        after the other, in this process. For two large parts of one step that need the whole corpus (witness detection
        beside reading each source; the entities' pages beside the other page families), which :meth:`map_inherited`
        would not split: they are not items of one function."""
        workers = self.jobs.workers if self.jobs.workers is not None else cores()
        if self.jobs.executor is not None or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return there(), here()
        forked = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(1, mp_context=forked, initializer=_hold, initargs=(_call_held, there)) as pool:
            future = pool.submit(_run_held, [None])
            mine = here()
            [theirs] = future.result()
        return theirs, mine

    def _gather(self, futures: list[Future[list[R]]], chunks: list[list[T]], what: str) -> list[R]:
        sizes: Mapping[Future[list[R]], int] = {future: len(chunk) for future, chunk in zip(futures, chunks, strict=True)}
        done, total = 0, sum(sizes.values())
        for future in as_completed(futures):
            future.result()  # a worker's exception is raised here, as soon as it is known
            done += sizes[future]
            self._tick(done, total, what)
        return [result for future in futures for result in future.result()]

    def _tick(self, done: int, total: int, what: str) -> None:
        if self.tick is not None:
            self.tick(done, total, what)


IN_PROCESS = Runner()


def _chunks(items: list[T], count: int) -> list[list[T]]:
    """``items`` in at most ``count`` contiguous chunks of nearly equal size, in order."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    bounds = [i * size + min(i, extra) for i in range(count + 1)]
    return [items[start:end] for start, end in zip(bounds, bounds[1:], strict=False)]


def call(fn: Callable[[T], R], item: T) -> R:
    """``fn(item)``: how a one-argument function is mapped with :meth:`Runner.map_with` (module-level, so it pickles)."""
    return fn(item)


def _call_held(fn: Callable[[], R], _: object) -> R:
    return fn()


def _run_chunk(fn: Callable[[C, T], R], context: C, chunk: list[T]) -> list[R]:
    return [fn(context, item) for item in chunk]


_held: tuple[Callable[[Any, Any], Any], Any] | None = None  # a pool worker's function and context, set once per worker


def _hold(fn: Callable[[Any, Any], Any], context: Any) -> None:
    global _held
    _held = (fn, context)


def _run_held(chunk: list[Any]) -> list[Any]:
    assert _held is not None, "a pool worker runs _hold first"
    fn, context = _held
    return [fn(context, item) for item in chunk]
