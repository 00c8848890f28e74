"""What a repair records: the rule names (:data:`RULES`), each change (:class:`Correction`), the
repaired text (:class:`Repair`), and how proposed edits become them (:func:`_apply`).

The rule names, with what each rule repairs, are listed in ``build_docs/data/ocr/rules.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_docs.data import lines

#: Every rule :func:`~build_docs.clean.ocr.repair` applies, by the name its corrections carry.
RULES = frozenset(line.split()[0] for line in lines("ocr/rules.txt"))

_Edit = tuple[int, int, str, str]  # start, end, replacement, rule (with its reason after a colon, if any)


@dataclass(frozen=True)
class Correction:
    """One change: the input's ``text[start:end]`` was ``before`` and became ``after``, by ``rule``."""

    start: int
    end: int
    before: str
    after: str
    rule: str
    reason: str = ""  # what decided it, where the rule says (context: "'arc opposed' → 'are opposed'")

    def __repr__(self) -> str:
        return f"{self.rule}@{self.start}: {self.before!r} -> {self.after!r}"


@dataclass(frozen=True)
class Repair:
    """The repaired text and the corrections that made it, in text order, never overlapping."""

    text: str
    corrections: tuple[Correction, ...]


def _apply(text: str, edits: list[_Edit]) -> Repair:
    """The text with ``edits`` made, in order; an edit overlapping an earlier one, or changing nothing, is dropped."""
    pieces: list[str] = []
    corrections: list[Correction] = []
    at = 0
    for start, end, after, rule in sorted(edits):
        if start < at or text[start:end] == after:
            continue
        pieces += [text[at:start], after]
        name, _, reason = rule.partition(":")
        corrections.append(Correction(start, end, text[start:end], after, name, reason))
        at = end
    pieces.append(text[at:])
    return Repair("".join(pieces), tuple(corrections))
