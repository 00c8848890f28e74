"""Per-article results kept between builds, so an edit re-does the work of the articles it changed.

A stage's result for one item (today: extraction, the costliest per-article stage) is
pickled under ``.cache/build_docs/<stage>/`` beside the seeds folder, in a file named by a
digest of the item itself (its pickled content), of every file of this package (code and
data: :func:`build_docs.cache.package_digest`) and of the Python version. So a result is
read back only for the same article by the same code; anything else is computed again, and
a file that cannot be read is ignored. The folder is safe to delete, ignored by git, and
written by the build's own process only (it is trusted as the build's own output is).
``--no-cache`` turns it off. Cached and cold builds write byte-identical ``docs/`` (tested).
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, cast

from build_docs.cache import package_digest, write_atomic
from build_docs.jobs import Runner

T = TypeVar("T")
R = TypeVar("R")


def folder_for(seeds: Path) -> Path:
    """Where a seeds folder's results are kept: ``.cache/build_docs`` beside it."""
    return seeds.resolve().parent / ".cache" / "build_docs"


def cached_map(folder: Path | None, stage: str, fn: Callable[[T], R], items: Sequence[T], runner: Runner) -> list[R]:
    """``[fn(item) for item in items]``, reading what an earlier build computed for the same item and code."""
    if folder is None:
        return runner.map(fn, items)
    where = folder / stage
    keys = [_key(stage, item) for item in items]
    results: dict[int, R] = {}
    for i, key in enumerate(keys):
        found = _read(where / key)
        if found is not None:
            results[i] = cast(R, found[0])  # written by cached_map for this stage, item and code
    missing = [i for i in range(len(items)) if i not in results]
    for i, result in zip(missing, runner.map(fn, [items[i] for i in missing]), strict=True):
        results[i] = result
        write_atomic(where / keys[i], pickle.dumps(result, protocol=5))
    return [results[i] for i in range(len(items))]


def _key(stage: str, item: object) -> str:
    digest = hashlib.sha256()
    for part in (stage.encode(), sys.version.encode(), package_digest().encode(), pickle.dumps(item, protocol=5)):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:40] + ".pickle"


def _read(path: Path) -> tuple[object] | None:
    try:
        with path.open("rb") as handle:
            return (pickle.load(handle),)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None
