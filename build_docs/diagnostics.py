"""Problems found while building, kept as data until the CLI prints them.

Every stage returns its diagnostics instead of printing or raising, so the build
can report all problems at once (like MkDocs' strict mode) and tests can assert
on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

#: Characters a terminal acts on or that reorder what it shows (escapes, line ends, bidirectional controls,
#: zero-width characters): a file name or a quoted value in a message shows them as ``\x1b``, ``\u202e``.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at ``path:line`` (line 0 means the whole file)."""

    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        """``path:line: severity: message`` on one line, whatever the file's name or the text quoted in it."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return _UNPRINTABLE.sub(_escaped, f"{where}: {self.severity.value}: {self.message}")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def error(path: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, message, Severity.ERROR)


def warning(path: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, message, Severity.WARNING)


def has_errors(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


class BuildError(Exception):
    """Raised by the orchestrator when a stage reported errors; carries them all."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]):
        self.diagnostics = diagnostics
        self.errors = sum(d.severity is Severity.ERROR for d in diagnostics)
        super().__init__(f"{self.errors} error(s), {len(diagnostics) - self.errors} warning(s)")
