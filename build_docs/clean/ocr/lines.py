"""OCR repair over numbered lines: what the cleaner calls, keeping each line's number in the source.

:func:`~build_docs.clean.ocr.repair` works on one text; the cleaner works on
``(line number, text)`` pairs so every removal and correction in the report names
its line. This maps the repaired text back onto those numbers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from build_docs.clean.article import Fix
from build_docs.clean.ocr.lexicon import Lexicon
from build_docs.clean.ocr.text import repair


def repair_lines(lines: Sequence[tuple[int, str]], lexicon: Lexicon) -> tuple[list[tuple[int, str]], list[Fix]]:
    """Repair OCR text line by line, keeping each output line's source line number.

    Repairs may join lines (a word hyphenated at a line end); the offsets of the
    corrections map every output line back to the line it started on.
    """
    if not lines:
        return [], []
    text = "\n".join(t for _, t in lines)
    result = repair(text, lexicon)
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    numbers = [no for no, _ in lines]

    def source_line(offset: int) -> int:
        return numbers[bisect.bisect_right(starts, offset) - 1]

    shifts: list[tuple[int, int]] = []  # (output offset after a correction, input offset after it)
    delta = 0
    for c in sorted(result.corrections, key=lambda c: c.start):
        delta += len(c.after) - (c.end - c.start)
        shifts.append((c.end + delta, c.end))
    out_ends = [s[0] for s in shifts]

    def input_offset(out: int) -> int:
        i = bisect.bisect_right(out_ends, out) - 1
        return out if i < 0 else shifts[i][1] + (out - shifts[i][0])

    repaired: list[tuple[int, str]] = []
    position = 0
    for piece in result.text.split("\n"):
        repaired.append((source_line(min(input_offset(position), len(text))), piece))
        position += len(piece) + 1
    fixes = [Fix(source_line(c.start), c.before, c.after, f"{c.rule}: {c.reason}" if c.reason else c.rule) for c in result.corrections]
    return repaired, fixes
