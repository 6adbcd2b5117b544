"""Two columns of prose in a scanned page's image: found from the ink, so that each is read alone.

Tesseract reads a page as one uniform block of text (the mode that reads the small numbers of
table cells), line by line across the page. On a page set in two columns it joins a line of the
left column with the line of the right column beside it, and where the two columns' baselines do
not line up (a heading in larger type, a list item that wraps) it reads the same ink twice, on two
of its lines ("Handlingar Handlingar tillgänali tillgängliga"), or cuts a heading's words apart
over two lines ("med orgar-/" and "bruk rukarorientering"). A person reads each column down.

So where a white gutter runs down the middle of the text, with a column of prose on each side,
the right column is read on a sheet of its own, at its place, and the rest of the page without
it: each word keeps its box on the page, and the layout steps put the lines in reading order as
they do a word processor's two-column page (see :mod:`pipeline.ingest.pdf.columns`).

A gutter is a band of columns of the image with no ink, at least :data:`GUTTER_INCHES` wide,
in the middle of the text's width, through at least :data:`MIN_BAND_INCHES` of the page where
both sides hold ink. Its sides are prose when, in most strips of the band, ink fills most of
their width: a table's number columns beside their labels leave most of it white, and such a
page is read whole, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from pipeline.ingest.pdf.columns import at_edges

if TYPE_CHECKING:
    from PIL.Image import Image

Box = tuple[float, float, float, float]
# The page is looked at in strips of this height: about a line of body text.
STRIP_INCHES = 0.05
# A gutter is at least this wide (a word space is a third of it, justified ones half)...
GUTTER_INCHES = 0.1
# ... and lies within this share of the text's width from its middle.
MIDDLE_SHARE = 0.2
# A column of ink with no more than this many inked pixels in a strip is dust, not type.
DUST_PIXELS = 2
# The gutter runs through at least this much of the page with ink on both sides of it.
MIN_BAND_INCHES = 1.0
# Each side is prose: at least PROSE_STRIPS of its strips with ink (a strip between two lines holds
# only their ascenders and descenders) hold a line of words, a run of
# ink at least LINE_INCHES wide (four or five words) without a gap wider than WORD_GAP_INCHES (a
# justified line's widest word space is narrower, a table's columns stand further apart).
PROSE_STRIPS = 0.3
LINE_INCHES = 0.75
WORD_GAP_INCHES = 0.08
# The right column's lines start at up to COLUMN_EDGES left edges (the text, a list's marker, its
# item's text), each the starts within EDGE_INCHES of it, in at least EDGE_SHARE of its strips.
COLUMN_EDGES = 3
EDGE_INCHES = 0.02
EDGE_SHARE = 0.7
# The lines at the top of a band whose right side stands in TABLE_CELLS runs of ink or more, further
# apart than words (WORD_GAP_INCHES), none a line of words, are a table's rows above the columns.
TABLE_CELLS = 2
# So many rows of cells at least: one short line beside stray ink (show-through) is no table.
TABLE_ROWS = 2
# Ink in one strip, no wider than this, with none above or below it, is a speck of dust (a full
# stop is one too: the gutter passes it).
SPECK_INCHES = 0.03
# Each side is at least this share of the text's width.
MIN_SIDE_SHARE = 0.25


@dataclass(frozen=True)
class RightColumn:
    """The right column of a band of the page in two columns: its box in pixels (x0, top, x1,
    bottom), x0 in the middle of the gutter."""

    x0: int
    top: int
    x1: int
    bottom: int


def right_column(ink: np.ndarray, dpi: float, rulings: Sequence[Box] = ()) -> RightColumn | None:
    """The right column of the tallest band of ``ink`` (a boolean page image) set in two columns
    of prose, or None where the page has none. A band that a vertical ruling line runs through
    (``rulings``: boxes in points, as ``image_rulings`` finds them) is a ruled table's, whose
    columns stand apart as prose does (tables side by side, each with its label cells): read whole."""
    strip = max(1, round(STRIP_INCHES * dpi))
    rows = ink.shape[0] // strip
    if rows == 0:
        return None
    # Per strip and column of pixels: does type (more than dust) stand there. (Counted in 16 bits,
    # which hold a strip of any resolution, at a third of the time of numpy's default 64.)
    counts = ink[: rows * strip].reshape(rows, strip, ink.shape[1]).sum(axis=1, dtype=np.uint16)
    inked = counts > DUST_PIXELS
    used = np.flatnonzero(inked.any(axis=0))
    if used.size == 0:
        return None
    left, right = int(used[0]), int(used[-1]) + 1
    width = right - left
    gutter = max(1, round(GUTTER_INCHES * dpi))
    middle = (left + right) / 2
    first = max(left, int(middle - MIDDLE_SHARE * width - gutter / 2))
    last = min(right - gutter, int(middle + MIDDLE_SHARE * width - gutter / 2))
    if last < first:
        return None
    # white[strip, x]: the gutter-wide window starting at x holds no type in the strip (a speck
    # of dust in the gutter, which would end the band above the columns' foot, is none).
    cumulative = np.concatenate((np.zeros((rows, 1), dtype=np.int32), np.cumsum(inked, axis=1)), axis=1)
    typed = inked & ~_specks(inked, round(SPECK_INCHES * dpi))
    in_type = np.concatenate((np.zeros((rows, 1), dtype=np.int32), np.cumsum(typed, axis=1)), axis=1)
    starts = np.arange(first, last + 1)
    white = (in_type[:, starts + gutter] - in_type[:, starts]) == 0
    left_ink = cumulative[:, starts] - cumulative[:, [left]] > 0
    right_ink = cumulative[:, [right]] - cumulative[:, starts + gutter] > 0
    band = _tallest_band(white, left_ink & right_ink, round(MIN_BAND_INCHES * dpi / strip))
    if band is None:
        return None
    top, bottom, index = band
    x = int(starts[index])
    top = _below_table_rows(inked[:, x + gutter : right], top, bottom, dpi)
    if bottom - top < round(MIN_BAND_INCHES * dpi / strip):
        return None
    # The gutter widened to all the white around the window through the band.
    through = ~inked[top:bottom].any(axis=0)
    x0, x1 = x, x + gutter
    while x0 > left and through[x0 - 1]:
        x0 -= 1
    while x1 < right and through[x1]:
        x1 += 1
    minimum = MIN_SIDE_SHARE * width
    if x0 - left < minimum or right - x1 < minimum:
        return None
    if not (_is_prose(inked[top:bottom, left:x0], dpi) and _is_prose(inked[top:bottom, x1:right], dpi)):
        return None
    if not _starts_at_edges(inked[top:bottom, x1:right], dpi):
        return None
    if any(
        r[3] - r[1] > r[2] - r[0] and r[1] * dpi / 72 < bottom * strip and r[3] * dpi / 72 > top * strip
        for r in rulings
    ):
        return None
    middle = (x0 + x1) // 2
    upper, lower = _whole_lines(ink[:, middle:], (middle, x1), top * strip, bottom * strip)
    return RightColumn(middle, upper, ink.shape[1], lower)


def _specks(inked: np.ndarray, widest: int) -> np.ndarray:
    """The strips and columns of ``inked`` that hold a speck: ink in one strip alone (none above
    or below it in its columns) and no wider than ``widest`` pixels, where type's strokes run
    down over the strips of a line."""
    above = np.zeros_like(inked)
    above[1:] = inked[:-1]
    below = np.zeros_like(inked)
    below[:-1] = inked[1:]
    alone = inked & ~above & ~below
    # Each inked run of a strip, numbered by the white columns before it: its width, and how much
    # of it stands alone (a speck where all of it does).
    runs = np.cumsum(~inked, axis=1)
    widths = np.zeros_like(runs)
    lone = np.zeros_like(runs)
    for row in np.flatnonzero(alone.any(axis=1)):
        columns = inked[row]
        numbers = runs[row][columns]
        widths[row][columns] = np.bincount(numbers)[numbers]
        lone[row][columns] = np.bincount(numbers, weights=alone[row][columns])[numbers].astype(lone.dtype)
    return inked & (widths > 0) & (widths <= widest) & (lone == widths)


def _tallest_band(white: np.ndarray, two_sided: np.ndarray, least: int) -> tuple[int, int, int] | None:
    """The run of strips (first, end) in which one gutter window (its index) stays white, with the
    most strips that have ink on both sides of it (at least ``least``): strips with no ink on a
    side (space between paragraphs, the foot of a column longer than the other) go on with the
    run without counting. Of windows with as many, the one whose run is longest, then the one
    nearest the middle of those: a window at the edge of the gutter is the first that a longer
    line of a column reaches, which would end the band before the column does.

    Counted for every window at once: a window's runs are numbered by the strips not white above
    them, and each run's count, length and first strip are summed per number."""
    strips, windows = white.shape
    if strips == 0 or windows == 0:
        return None
    run = np.cumsum(~white, axis=0)  # a white strip's run: how many strips above it are not white
    row, window = np.nonzero(white)
    index = run[row, window] * windows + window
    size = (strips + 1) * windows
    count = np.bincount(index, weights=two_sided[row, window], minlength=size).astype(np.int64)
    length = np.bincount(index, minlength=size)
    opens = (row == 0) | ~white[np.maximum(row - 1, 0), window]
    first = np.zeros(size, dtype=np.int64)
    first[index[opens]] = row[opens]
    # A window's best run: the most strips with ink on both sides, then the longest, then the lowest.
    base = strips + 1
    score = np.where(length > 0, (count * base + length) * base + first, -1).reshape(strips + 1, windows)
    best = score.argmax(axis=0)
    best_count = count.reshape(strips + 1, windows)[best, np.arange(windows)]
    best_length = length.reshape(strips + 1, windows)[best, np.arange(windows)]
    best_first = first.reshape(strips + 1, windows)[best, np.arange(windows)]
    found = np.flatnonzero(best_count >= least)
    if found.size == 0:
        return None
    top = max((int(best_count[i]), int(best_length[i])) for i in found)
    tied = [int(i) for i in found if (best_count[i], best_length[i]) == top]
    chosen = tied[len(tied) // 2]
    return int(best_first[chosen]), int(best_first[chosen] + best_length[chosen]), chosen


def _below_table_rows(side: np.ndarray, top: int, bottom: int, dpi: float) -> int:
    """The band's first strip below the rows at its top whose right side (``side``, strips by
    columns of type) holds a table's cells, not prose: a gutter found below a table reaches up
    between its labels and its value columns (a summary table's rows whose labels end short of
    the middle, above a page set in two columns), and the value columns read on a sheet of their
    own lost their rows. A strip holds cells where its ink stands in :data:`TABLE_CELLS` runs or
    more, further apart than words (:data:`WORD_GAP_INCHES`), none of them a line of words
    (:data:`LINE_INCHES`); strips between them may be blank or hold a line's descenders (ink over
    less than a quarter of a line of words). At least :data:`TABLE_ROWS` rows of cells are taken
    off, or none."""
    start, rows, in_row = top, 0, False
    while start < bottom:
        columns = np.flatnonzero(side[start])
        inked = columns.size >= LINE_INCHES * dpi / 4
        if inked:
            runs = 1 + int(np.count_nonzero(np.diff(columns) >= WORD_GAP_INCHES * dpi))
            if runs < TABLE_CELLS or _widest_run(columns, WORD_GAP_INCHES * dpi) >= LINE_INCHES * dpi:
                break
            rows += not in_row
        in_row = inked
        start += 1
    return start if start < bottom and rows >= TABLE_ROWS else top


def _is_prose(side: np.ndarray, dpi: float) -> bool:
    """Whether a side's strips with ink hold lines of words: in at least :data:`PROSE_STRIPS` of
    them, a run of ink at least :data:`LINE_INCHES` wide with no gap wider than a word space
    (:data:`WORD_GAP_INCHES`). A table's numbers stand apart in their columns; only its header's
    words make such a run."""
    gap = WORD_GAP_INCHES * dpi
    strips = [np.flatnonzero(row) for row in side if row.any()]
    lines = sum(1 for columns in strips if _widest_run(columns, gap) >= LINE_INCHES * dpi)
    return bool(strips) and lines >= PROSE_STRIPS * len(strips)


def _starts_at_edges(side: np.ndarray, dpi: float) -> bool:
    """Whether the lines of the right side start at a column's few left edges: in at least
    :data:`EDGE_SHARE` of its strips with ink, the first ink lies within :data:`EDGE_INCHES` of one
    of :data:`COLUMN_EDGES` edges (the text, a list's marker, its item's text). A river of word
    spaces down a justified paragraph leaves the words right of it starting anywhere."""
    starts = [int(np.flatnonzero(row)[0]) for row in side if row.any()]
    counted = at_edges(starts, EDGE_INCHES * dpi, COLUMN_EDGES)
    return len(starts) > 0 and counted >= EDGE_SHARE * len(starts)


def _widest_run(columns: np.ndarray, gap: float) -> int:
    """The widest run of the sorted ``columns`` in which no two neighbours stand ``gap`` or more apart."""
    breaks = np.flatnonzero(np.diff(columns) >= gap)
    firsts = np.concatenate(([columns[0]], columns[breaks + 1]))
    lasts = np.concatenate((columns[breaks], [columns[-1]]))
    return int((lasts - firsts).max()) + 1


def _whole_lines(ink: np.ndarray, gutter: tuple[int, int], top: int, bottom: int) -> tuple[int, int]:
    """``top`` and ``bottom`` (rows of the band) moved to rows where no line of type of the right
    column is cut (``ink`` is the page's from the gutter's middle on): past a line across the
    gutter (its last rows may hold less ink than a strip counts), else to the white before it."""
    blank = np.asarray(~ink.any(axis=1))
    across = np.asarray(ink[:, : gutter[1] - gutter[0]].any(axis=1))

    def line_at(row: int) -> tuple[int, int]:
        first, end = row, row
        while first > 0 and not blank[first - 1]:
            first -= 1
        while end < len(blank) and not blank[end]:
            end += 1
        return first, end

    if top < len(blank) and not blank[top]:
        first, end = line_at(top)
        top = end if across[first:end].any() else first
    if bottom > 0 and not blank[bottom - 1]:
        first, end = line_at(bottom - 1)
        bottom = first if across[first:end].any() else end
    return top, bottom


def split_right_column(image: Image, column: RightColumn) -> tuple[Image, Image]:
    """The page without its right column (white there), and a white page with only that column,
    each the page's size so that words read on either keep their boxes."""
    from PIL import Image as PilImage

    grey = image.convert("L")
    box = (column.x0, column.top, column.x1, column.bottom)
    rest = grey.copy()
    rest.paste(255, box)
    alone = PilImage.new("L", grey.size, 255)
    alone.paste(grey.crop(box), box[:2])
    return rest, alone
