"""Derived tables kept on disk between builds: built once from what they derive from, then read back.

Some tables are derived from installed packages' data by this package's code: the
place gazetteer (pycountry and GeoNames names, tokenised as the name finder reads
them) takes most of a small build's time to make and a few milliseconds to read.
:func:`cached_json` writes such a table as JSON to a cache folder and reads it back
next time.

The file's name carries a digest of everything the table depends on: the Python
version, the versions of the packages it is derived from, and every file of this
package (code and data), so a changed input never reads a stale table. A missing,
unreadable or corrupt file is rebuilt; a folder that cannot be written is no error
(the table is then built each time). Nothing here changes what a build writes.

The folder is ``$BUILD_DOCS_CACHE`` if set (``off`` turns the cache off), else
``$XDG_CACHE_HOME/build_docs``, else ``~/.cache/build_docs``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).parent
OFF = "off"


def folder() -> Path | None:
    """Where cached tables live; ``None`` when the cache is turned off."""
    chosen = os.environ.get("BUILD_DOCS_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() == OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "build_docs"


@cache
def package_digest() -> str:
    """A digest of every file of this package: any change to code or data gives a new one."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def key(name: str, packages: Iterable[str]) -> str:
    """The file name of table ``name`` derived from ``packages`` as things stand now."""
    versions = sorted(f"{p}=={_version(p)}" for p in packages)
    parts = [name, sys.version, *versions, package_digest()]
    return f"{name}-{hashlib.sha256(chr(0).join(parts).encode('utf-8')).hexdigest()[:32]}.json"


def _version(package: str) -> str:
    from importlib import metadata  # on first use: importing it takes longer than a cache hit

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def cached_json(name: str, packages: Iterable[str], build: Callable[[], Any]) -> Any:
    """``build()``'s JSON-serialisable result, read from the cache when it holds one for the same inputs."""
    where = folder()
    if where is None:
        return build()
    path = where / key(name, packages)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    table = build()
    write_atomic(path, json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    _prune(where, name)
    return table


KEPT = 4  # versions of a table kept: several checkouts of the project (branches, worktrees) share the folder


def _prune(where: Path, name: str) -> None:
    """Delete all but the :data:`KEPT` newest versions of a table (older ones were made from inputs since changed)."""
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    versions = sorted(where.glob(f"{name}-*.json"), key=lambda p: (-age(p), p.name))
    for stale in versions[KEPT:]:
        stale.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a concurrent build reads either nothing or all of it);
    a folder that cannot be written is no error: nothing is kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
