"""The tables rules read, kept out of code: word lists and lookup tables.

A ``.txt`` list holds one entry per line; blank lines and lines starting with
``#`` are comments. A ``.yaml`` table is read with YAML's safe loader. Each file
is read once, on first use, and shared.

Files live beside this module, in one folder per stage that reads them (``cite/``, ``clean/``, ``dating/``,
``discover/``, ``link/``, ``ocr/``, ``render/``, ``sentences/``, ``sources/``, ``timex/``):
``lines("discover/titles-head.txt")``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


def _text(name: str) -> str:
    # Beside this file, read directly: importlib.resources costs about 10 ms of import time, which
    # a module that loads its tables at import (extract/timex) would add to every start.
    return Path(__file__).parent.joinpath(name).read_text(encoding="utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of a ``.txt`` list, in file order, stripped."""
    found = (line.strip() for line in _text(name).splitlines())
    return tuple(line for line in found if line and not line.startswith("#"))


@cache
def words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of a ``.txt`` list, as a set."""
    return frozenset(word for line in lines(name) for word in line.split())


@cache
def table(name: str) -> Any:
    """A ``.yaml`` table; callers must not change what it returns (it is shared)."""
    import yaml  # here, not at the top: importing it takes about 13 ms, and most readers of lists never need it

    return yaml.safe_load(_text(name))
