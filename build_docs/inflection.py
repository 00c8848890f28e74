"""inflect's engine (English plurals and singulars), shared by discovery and the linker.

inflect 7 decorates its API with ``typeguard.typechecked``, which re-reads and recompiles
inflect's whole module once per decorated method when inflect is imported: 3.7 s, most of a small
build. Those checks only validate argument types (the callers pass ``str``, which mypy checks),
so inflect is imported on first use with the decorator as the identity, as typeguard itself does
under ``python -O``, and the decorator is put back for everything else. Neither caller changes the
engine's settings, so one engine serves both.
"""

from __future__ import annotations

import sys
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import inflect


@cache
def engine() -> inflect.engine:
    made: inflect.engine = _import_inflect().engine()
    return made


def _import_inflect() -> ModuleType:
    if "inflect" in sys.modules:
        return sys.modules["inflect"]
    import typeguard

    instrument = typeguard.typechecked
    typeguard.typechecked = _unchecked  # type: ignore[assignment]
    try:
        import inflect
    finally:
        typeguard.typechecked = instrument
    return inflect


def _unchecked(target: object = None, **_: object) -> object:
    """``typeguard.typechecked`` as the identity, in both its forms (``@typechecked`` and ``@typechecked(...)``)."""
    return target if target is not None else (lambda function: function)
