"""Step 3b, columns: body text set in two columns is read column by column.

A page in two columns prints a left and a right line on each baseline, so its printed lines hold
both. Where a run of printed lines all leave the same gutter free, and the text on both sides of
it is prose (several words, not ending in a number, the right side starting at one left edge),
each line is cut at the gutter and the run is read down the left column, then down the right.
Lines that cross the gutter (a heading or paragraph set across the page) stay where they are and
separate the runs. Tables are not cut: their cells end in numbers or are short.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence

import regex

from pipeline.ingest.pdf.printed_lines import PrintedLine
from pipeline.ingest.pdf.words import Word

# The gutter is at least this many ems wide and lies in the middle of the text.
MIN_GUTTER = 1.0
MIDDLE = (0.3, 0.7)
# A run of two-column lines has at least this many lines, and this share of them is prose on both
# sides with the right side starting at the column's edge.
MIN_LINES = 5
PROSE_SHARE = 0.7
MIN_WORDS = 3
ALIGN_TOLERANCE = 2.0
# A line under the columns with this many times the columns' line spacing above it is not theirs.
SET_APART = 1.5
NUMBER = regex.compile(r"^[+\-−–]?\d+(?:[.,]\d+)?%?$")


def in_columns(lines: Sequence[PrintedLine]) -> list[PrintedLine]:
    """The page's printed lines in reading order, two-column runs read column by column."""
    gutter = _gutter(lines)
    if gutter is None:
        return list(lines)
    out: list[PrintedLine] = []
    run: list[tuple[PrintedLine | None, PrintedLine | None]] = []
    for line in lines:
        halves = _cut(line, gutter)
        if halves is None:
            out.extend(_flush(run))
            run = []
            out.append(line)
        else:
            run.append(halves)
    out.extend(_flush(run))
    return out


def _flush(run: list[tuple[PrintedLine | None, PrintedLine | None]]) -> list[PrintedLine]:
    """The run's left column, then its right; lines after it set apart are not in a column."""
    after = _set_apart(run)
    run = run[: len(run) - len(after)]
    return [*_columns(run), *after]


def _set_apart(run: list[tuple[PrintedLine | None, PrintedLine | None]]) -> list[PrintedLine]:
    """Left-only lines at the run's end that stand apart from the columns (a heading under them).

    The left column fills first, so it may run on alone for a while at the usual line spacing; a
    line under both columns with more space above it than that is the text after the columns.
    """
    last_pair = max((i for i, (left, right) in enumerate(run) if left and right), default=None)
    if last_pair is None:
        return []
    tops = [half.top for half, _ in run[: last_pair + 1] if half is not None]
    spacing = min((b - a for a, b in itertools.pairwise(tops) if b > a), default=0.0)
    for index in range(last_pair + 1, len(run)):
        left = run[index][0]
        above = run[index - 1][0]
        if left is not None and above is not None and left.top - above.top > SET_APART * spacing:
            return [half for half, _ in run[index:] if half is not None]
    return []


def _columns(run: list[tuple[PrintedLine | None, PrintedLine | None]]) -> list[PrintedLine]:
    left = [half for half, _ in run if half is not None]
    right = [half for _, half in run if half is not None]
    if left and right:
        # The left column ends at its longest line, not at the page's right edge.
        edge = max(half.x1 for half in left)
        left = [dataclasses.replace(half, column_right=edge) for half in left]
    return [*left, *right]


def _cut(
    line: PrintedLine, gutter: tuple[float, float]
) -> tuple[PrintedLine | None, PrintedLine | None] | None:
    """The line's halves left and right of the gutter, or ``None`` if a word crosses it."""
    start, end = gutter
    if any(word.x0 < end and word.x1 > start for word in line.words):
        return None
    left = [word for word in line.words if word.x1 <= start]
    right = [word for word in line.words if word.x0 >= end]
    return (_line(line, left), _line(line, right))


def _line(line: PrintedLine, words: list[Word]) -> PrintedLine | None:
    return PrintedLine.of(line.page, words) if words else None


def _gutter(lines: Sequence[PrintedLine]) -> tuple[float, float] | None:
    """The free band between two columns of prose, if the page has one."""
    if len(lines) < MIN_LINES:
        return None
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    width = right_edge - left_edge
    best: tuple[int, tuple[float, float]] | None = None
    for line in lines:
        for before, after in itertools.pairwise(line.words):
            middle = (before.x1 + after.x0) / 2
            wide = after.x0 - before.x1 >= MIN_GUTTER * line.size
            if not (wide and MIDDLE[0] <= (middle - left_edge) / width <= MIDDLE[1]):
                continue
            band = _common_band(lines, before.x1, after.x0)
            score = _prose_lines(lines, band)
            if score >= MIN_LINES and (best is None or score > best[0]):
                best = (score, band)
    return best[1] if best else None


def _common_band(lines: Sequence[PrintedLine], start: float, end: float) -> tuple[float, float]:
    """The band ``start``..``end`` narrowed to what the lines with a gap there leave free."""
    for line in lines:
        for before, after in itertools.pairwise(line.words):
            if before.x1 <= end and after.x0 >= start and after.x0 - before.x1 >= MIN_GUTTER * line.size:
                start, end = max(start, before.x1), min(end, after.x0)
    return start, end


def _prose_lines(lines: Sequence[PrintedLine], band: tuple[float, float]) -> int:
    """How many lines are prose on both sides of ``band``, their right sides starting at one edge;
    zero unless that is most of the lines cut there."""
    cut = [halves for line in lines if (halves := _cut(line, band)) and all(halves)]
    if len(cut) < MIN_LINES:
        return 0
    starts = sorted(round(right.x0) for _, right in cut if right is not None)
    column_start = starts[len(starts) // 2]
    prose = [
        (left, right)
        for left, right in cut
        if left is not None
        and right is not None
        and _is_prose(left)
        and _is_prose(right)
        and abs(right.x0 - column_start) <= ALIGN_TOLERANCE
    ]
    return len(prose) if len(prose) >= PROSE_SHARE * len(cut) else 0


def _is_prose(line: PrintedLine) -> bool:
    words = line.words
    return len(words) >= MIN_WORDS and not NUMBER.match(words[-1].text) and not NUMBER.match(words[0].text)
