"""The garbage collector set for a build: rare collections while the corpus is held in memory.

CPython starts a collection of the youngest generation every 700 new container objects and
of older ones every tenth of those, and each older collection walks every object still
alive. A build keeps the whole corpus alive (articles, paragraphs, extractions, mentions,
kept results read back: millions of small tuples and dataclasses) and makes few cycles, so
with the default thresholds most collections walk that heap and find nothing. Measured at
1,000 speeches (README, "Scale"), they cost about a tenth of a cold build and a third of a
rebuild after one edit. Raising the thresholds, as mypy does for the same reason, keeps
collections rare; peak memory did not change. Worker processes forked for a step inherit
the setting. The defaults come back when the build is over, ``docs/`` published (``mkdocs serve``
runs builds in a process of their own).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: New container objects between collections of the youngest generation (default 700), and
#: collections of one generation between collections of the next (defaults 10 and 10).
THRESHOLDS = (100_000, 50, 50)


@contextmanager
def rare_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
