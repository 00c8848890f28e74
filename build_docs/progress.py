"""How far a build has got: the time of each stage, and a one-line status for a terminal.

The pipeline opens each stage with :meth:`Progress.stage` and reports counts through the
tick it yields; this module keeps the times and makes the status line
(``clean: 120/400 articles, 3.2 s``), and hands it to ``show`` -- a callable the command
line gives when stderr is a terminal. Nothing here prints: without ``show`` it only times.
Status lines are throttled to one every :data:`EVERY` seconds; times never reach ``docs/``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from build_docs.jobs import Tick

EVERY = 0.1  # seconds between status lines, so a serial run's tick per article costs nothing


class Progress:
    """Stage times (:attr:`timings`, in order) and, if ``show`` is given, a status line per update."""

    def __init__(self, show: Callable[[str], None] | None = None, clock: Callable[[], float] = time.perf_counter) -> None:
        self.timings: dict[str, float] = {}
        self._show = show
        self._clock = clock
        self._shown_at = float("-inf")

    @property
    def showing(self) -> bool:
        """Whether status lines are shown at all."""
        return self._show is not None

    @contextmanager
    def stage(self, name: str) -> Iterator[Tick]:
        """Time the stage ``name`` (added up if it is opened again); yields its tick."""
        start = self._clock()
        count = ""

        def tick(done: int, total: int, what: str) -> None:
            nonlocal count
            count = f"{done}/{total} {what}, "
            self._status(f"{name}: {count}{self._clock() - start:.1f} s", final=done == total)

        self._status(f"{name}: ...", final=True)
        try:
            yield tick
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + self._clock() - start
            self._status(f"{name}: {count}{self.timings[name]:.1f} s", final=True)

    def _status(self, line: str, final: bool) -> None:
        if self._show is None:
            return
        now = self._clock()
        if final or now - self._shown_at >= EVERY:
            self._shown_at = now
            self._show(line)


def summary(articles: int, pages: int, changed: str, warnings: int, timings: dict[str, float]) -> str:
    """The build's summary line: what it made (``changed``: "12 written, 30 unchanged"), and the time of each stage."""
    stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
    plural = "" if warnings == 1 else "s"
    return f"build_docs: {articles} articles, {pages} pages ({changed}), {warnings} warning{plural}; {sum(timings.values()):.1f} s: {stages}"
