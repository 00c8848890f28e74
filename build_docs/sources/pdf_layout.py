"""Reading order on a printed page: text lines placed by their coordinates → lines of text, column by column.

A PDF's text layer says where each line is drawn, not in which order it is read. The
order is rebuilt here from the geometry alone, by general rules:

* **Columns** are found from the page's *gutters*: the x-ranges that separate lines
  standing side by side at the same height. A gap counts as a gutter when it separates
  the lines of at least half of such rows (and at least two), so one table row or one
  date set against a name does not split a page.
* A line that reaches well into a gutter *spans* the columns (a title across the page, a
  centred running head, a page number in the middle): it closes the band of columns
  above it, which is read first, left column then right, each top to bottom.
* **Paragraph breaks** inside a column are the vertical gaps wider than the document's
  usual gap between lines (by half a line's height); they become blank lines. A line that
  starts further right than its column (a first-line indent) keeps two leading spaces,
  which the cleaner reads as a paragraph start. Where one column or page ends and the next
  begins no blank line is written: whether the paragraph goes on is the cleaner's call
  (:mod:`build_docs.clean.structure`), as for any hard-wrapped text.

Everything here is pure: coordinates in, text out. Coordinates are PDF points, ``y`` up.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

GUTTER_SHARE = 0.5  # a gap is a gutter when it separates the lines of this share of side-by-side rows
GUTTER_ROWS = 2  # ... and of at least this many rows
PARAGRAPH_GAP = 0.5  # a gap wider than the usual one by this many line heights ends a paragraph
INDENT = 0.5  # a line starting this many line heights right of its column is indented
INDENT_MARK = "  "


@dataclass(frozen=True)
class Line:
    """One line of text as drawn on the page: its box (points, ``y`` up) and its text."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def reading_runs(lines: Sequence[Line]) -> list[list[Line]]:
    """The page's lines in reading order, as runs: each run is one column of one band (or a
    block of lines spanning the columns), top to bottom."""
    ordered = sorted(lines, key=lambda line: (-line.y1, line.x0))
    gutters = _gutters(_rows(ordered))
    runs: list[list[Line]] = []
    band: dict[int, list[Line]] = {}
    spanning: list[Line] = []
    for line in ordered:
        if any(_spans(line, gutter) for gutter in gutters):
            runs += [band[c] for c in sorted(band)]
            band = {}
            spanning.append(line)
            continue
        if spanning:
            runs.append(spanning)
            spanning = []
        band.setdefault(sum(left + right < line.x0 + line.x1 for left, right in gutters), []).append(line)
    runs += [band[c] for c in sorted(band)]
    if spanning:
        runs.append(spanning)
    return runs


def _spans(line: Line, gutter: tuple[float, float]) -> bool:
    """Whether a line reaches into a gutter: over half of the gutter, or with over half of itself
    (a short page number standing in it); a column's line that ends a little into it does not."""
    left, right = gutter
    overlap = min(line.x1, right) - max(line.x0, left)
    return overlap > 0.5 * min(right - left, line.x1 - line.x0)


def _rows(ordered: list[Line]) -> list[list[Line]]:
    """Lines at the same height (their middles within each other's box), each row left to right."""
    rows: list[list[Line]] = []
    for line in ordered:
        middle = (line.y0 + line.y1) / 2
        if rows and rows[-1][0].y0 <= middle <= rows[-1][0].y1:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda line: line.x0) for row in rows]


def _gutters(rows: list[list[Line]]) -> list[tuple[float, float]]:
    """The x-ranges that separate side-by-side lines in enough rows (see the module's rules)."""
    gaps = []
    for row in rows:
        gaps += [(a.x1, b.x0) for a, b in zip(row, row[1:], strict=False) if b.x0 - a.x1 >= min(a.height, b.height)]
    columnar = sum(1 for row in rows if len(row) > 1)
    needed = max(GUTTER_ROWS, math.ceil(GUTTER_SHARE * columnar))
    events = sorted([(left, 1) for left, _ in gaps] + [(right, -1) for _, right in gaps])
    gutters: list[tuple[float, float]] = []
    depth, start = 0, 0.0
    for x, step in events:
        if depth < needed <= depth + step:
            start = x
        elif depth >= needed > depth + step and x > start:
            gutters.append((start, x))
        depth += step
    return gutters


def usual_gap(pages: Sequence[Sequence[Sequence[Line]]]) -> float:
    """The document's usual vertical gap between two lines of one paragraph (the median gap in its columns)."""
    gaps = [a.y0 - b.y1 for runs in pages for run in runs for a, b in zip(run, run[1:], strict=False) if a.y0 > b.y1]
    return statistics.median(gaps) if gaps else 0.0


def run_text(run: Sequence[Line], gap: float) -> list[str]:
    """One run as text lines: a blank line at each paragraph gap, two spaces before an indented line."""
    left = min(line.x0 for line in run)
    out: list[str] = []
    for previous, line in zip([None, *run], run, strict=False):
        if previous is not None and previous.y0 - line.y1 > gap + PARAGRAPH_GAP * min(previous.height, line.height):
            out.append("")
        indented = line.x0 - left > INDENT * line.height
        out.append((INDENT_MARK if indented else "") + line.text)
    return out
