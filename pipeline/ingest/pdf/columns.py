"""Step 3b, columns: body text set in two columns is read column by column.

A page in two columns prints a left and a right line on each baseline, so its printed lines hold
both. Where a run of printed lines all leave the same gutter free, and the text on both sides of
it is prose (several words, not ending in a number, the right side starting at one left edge),
each line is cut at the gutter and the run is read down the left column, then down the right.
Lines that cross the gutter (a heading or paragraph set across the page) stay where they are and
separate the runs. Tables are not cut: their cells end in numbers or are short.

Columns whose baselines do not line up (a heading in one sets its lines half a line lower than the
other's) are found among the words before they are grouped into lines (:func:`page_lines`).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
from collections.abc import Sequence

import numpy as np
import regex

from pipeline.ingest.pdf.printed_lines import PrintedLine, printed_lines
from pipeline.ingest.pdf.words import Gutter, Word

# The gutter is at least this many ems wide and lies in the middle of the text.
MIN_GUTTER = 1.0
# A narrower gutter (a word processor's default column spacing) down to this many ems is a gutter
# when the lines of one side or both fill their column the way wrapped prose does: at least this
# share of its lines reach this share of its width (a table's label cells do not), and each side
# has this many lines, so that a free band by chance between words of a few lines does not count.
NARROW_GUTTER = 0.5
FULL_LINE = 0.8
FULL_SHARE = 0.4
NARROW_MIN_LINES = 10
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
# A per cent sign a number's cell prints apart ("+12 %").
PER_CENT = "%"


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


def page_lines(page: int, words: Sequence[Word], gutter: Gutter | None = None) -> list[PrintedLine]:
    """The page's printed lines in reading order, two columns read one after the other.

    Two columns whose baselines do not line up (a heading in one pushes its lines half a line down
    from the other's) cannot be cut from printed lines, as grouping words by baseline would merge
    lines of both; so the columns are first looked for among the words: a gutter that only lines
    set across the page cross, with prose on both sides. Otherwise the printed lines are read as
    :func:`in_columns` reads them. A scanned page whose image shows the ``gutter`` between two
    columns of prose is cut there (see :func:`_zones_at`).
    """
    seen = _zones_at(words, gutter) if gutter is not None else None
    zones = seen or _word_columns(words)
    if zones is None:
        return in_columns(printed_lines(page, words))
    out: list[PrintedLine] = []
    for left, right in zones:
        if right is None:
            out.extend(in_columns(printed_lines(page, left)))
            continue
        read = _columns(
            [(line, None) for line in printed_lines(page, left)]
            + [(None, line) for line in printed_lines(page, right)]
        )
        out.extend(_right_column_edge(read, gutter.x) if seen and gutter is not None else read)
    return out


def _right_column_edge(lines: list[PrintedLine], gutter: float) -> list[PrintedLine]:
    """The lines with those of the right column ending at its longest line, as the left column's
    do: a table across the page above the columns reaches further right than their text, and a
    wrapped list item's line in the right column looked ended by hand short of it."""
    right = [line for line in lines if line.x0 >= gutter]
    if not right:
        return lines
    edge = max(line.x1 for line in right)
    return [dataclasses.replace(line, column_right=edge) if line.x0 >= gutter else line for line in lines]


def _word_columns(words: Sequence[Word]) -> list[tuple[list[Word], list[Word] | None]] | None:
    """The page's words in vertical zones: (left, right) for a zone in two columns, (words, None)
    for one that is not; ``None`` if no zone is in two columns.

    The gutter is the point the fewest words cross; where the columns it gives are cut apart by a
    band of words crossing it (a long word of a column's line reaching into a narrow gutter, while
    a table above the columns crosses the true gutter with more words), the other places few
    words cross are tried, and the one that reads the most words in columns is taken."""
    if len(words) < MIN_LINES * MIN_WORDS * 2:
        return None
    left_edge = min(w.x0 for w in words)
    width = max(w.x1 for w in words) - left_edge
    places = _least_crossed_places(words, left_edge, width)
    zones = _zones(words, places[0])
    if sum(right is not None for _, right in zones) > 1:
        for other in places[1:]:
            tried = _zones(words, other)
            if _in_columns(tried) > _in_columns(zones):
                zones = tried
    return zones if any(right is not None for _, right in zones) else None


def _in_columns(zones: list[tuple[list[Word], list[Word] | None]]) -> int:
    return sum(len(left) + len(right) for left, right in zones if right is not None)


def _zones(words: Sequence[Word], x: int) -> list[tuple[list[Word], list[Word] | None]]:
    """The page's words in vertical zones around the gutter ``x`` (see :func:`_word_columns`)."""
    spanning = sorted(
        [*(w for w in words if w.x0 < x < w.x1), *_lines_across(words, x), *_rows_across(words, x)],
        key=lambda w: w.top,
    )
    bands: list[list[float]] = []
    for word in spanning:
        if bands and word.top <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], word.bottom)
        else:
            bands.append([word.top, word.bottom])
    # Zones alternate: words between spanning bands, then a band's words. The edges go down the
    # page (a band starts below the one before it ends), so a word's zone is the number of edges
    # at or above its middle.
    edges = [edge for band in bands for edge in band]
    zones: list[list[Word]] = [[] for _ in range(len(edges) + 1)]
    for word in words:
        zones[bisect.bisect_right(edges, (word.top + word.bottom) / 2)].append(word)
    out: list[tuple[list[Word], list[Word] | None]] = []
    for index, zone in enumerate(zones):
        if not zone:
            continue
        head, body, tail = _apart(zone) if index % 2 == 0 else ([], zone, [])
        left = [w for w in body if w.x1 <= x]
        right = [w for w in body if w.x0 >= x]
        if not _two_columns(left, right):
            head, body, tail = [], [], zone
        for part, pair in ((head, None), (body, (left, right)), (tail, None)):
            if part and pair is not None:
                out.append(pair)
            elif part and out and out[-1][1] is None:
                out[-1][0].extend(part)
            elif part:
                out.append((list(part), None))
    return out


# Places few words cross tried for the gutter, the fewest first.
GUTTER_PLACES = 6


def _least_crossed(words: Sequence[Word], left_edge: float, width: float) -> int:
    """Of the whole points in the :data:`MIDDLE` of the text (``width`` from ``left_edge``), the
    one the fewest words cross; of those, the nearest the text's middle (the first on a tie)."""
    return _least_crossed_places(words, left_edge, width)[0]


def _least_crossed_places(words: Sequence[Word], left_edge: float, width: float) -> list[int]:
    """The point :func:`_least_crossed` gives, then up to ``GUTTER_PLACES`` - 1 others where fewer
    words cross than on either side (the middle of each such stretch), the fewest first."""
    x0 = np.array([w.x0 for w in words])
    x1 = np.array([w.x1 for w in words])
    steps = np.arange(int(left_edge + MIDDLE[0] * width), int(left_edge + MIDDLE[1] * width) + 1)
    crossed = ((x0 < steps[:, None]) & (steps[:, None] < x1)).sum(axis=1)
    fewest = steps[crossed == crossed.min()]
    best = int(fewest[np.argmin(np.abs(fewest - left_edge - width / 2))])
    minima: list[tuple[int, int]] = []
    for count, run in itertools.groupby(range(len(steps)), key=lambda i: int(crossed[i])):
        at = list(run)
        before = crossed[at[0] - 1] if at[0] > 0 else math.inf
        after = crossed[at[-1] + 1] if at[-1] + 1 < len(steps) else math.inf
        middle = int(steps[at[len(at) // 2]])
        if count < before and count < after and not at[0] <= best - steps[0] <= at[-1]:
            minima.append((count, middle))
    return [best, *(place for _, place in sorted(minima)[: GUTTER_PLACES - 1])]


def _zones_at(words: Sequence[Word], gutter: Gutter) -> list[tuple[list[Word], list[Word] | None]] | None:
    """The page's words in zones around the band a scanned page's image shows in two columns:
    the words above it, its left and right columns, the words below it (see :func:`_word_columns`);
    ``None`` where a column holds no word. The ink says where the gutter is, also where the words
    OCR read beside a narrow one leave no band free (a word's box a point too wide, a skewed
    line) or the columns' lines share their baselines."""
    above: list[Word] = []
    band: list[Word] = []
    below: list[Word] = []
    for word in words:
        middle = (word.top + word.bottom) / 2
        (above if middle < gutter.top else below if middle > gutter.bottom else band).append(word)
    head, body, tail = _apart(band) if band else ([], [], [])
    left = [w for w in body if (w.x0 + w.x1) / 2 < gutter.x]
    right = [w for w in body if (w.x0 + w.x1) / 2 >= gutter.x]
    if not left or not right:
        return None
    zones: list[tuple[list[Word], list[Word] | None]] = []
    if above or head:
        zones.append(([*above, *head], None))
    zones.append((left, right))
    if tail or below:
        zones.append(([*tail, *below], None))
    return zones


def _lines_across(words: Sequence[Word], x: float) -> list[Word]:
    """The words of lines set across the gutter ``x`` with a word space there, narrower than any
    gutter: the point the fewest words cross may fall between two words of a caption or heading
    across the page ("… 2002 och | 2004"), which crosses no word yet is no column's line."""
    found: list[Word] = []
    for line in printed_lines(0, list(words)):
        before = max((w.x1 for w in line.words if w.x1 <= x), default=None)
        after = min((w.x0 for w in line.words if w.x0 >= x), default=None)
        if before is not None and after is not None and after - before < NARROW_GUTTER * line.size:
            found.extend(line.words)
    return found


def _rows_across(words: Sequence[Word], x: float) -> list[Word]:
    """The words of a table's rows set across the gutter ``x``: a label left of it and numbers
    alone right of it ("5 Brukarens fokus | 56 69 +23 %"), like a line crossing it, are no column's.
    Only runs of such rows count: a column's wrapped cell may print its values alone beside a
    line of the other column now and then; or a run of any length among the page's first
    :data:`TOP_LINES` lines, the last rows of a table the page break left ("TOTALT | 800 538"
    under its header repeated, over a page in two columns)."""
    found: list[Word] = []
    run: list[Word] = []
    count = 0
    at_top = False
    for index, line in enumerate(printed_lines(0, list(words))):
        left = [w for w in line.words if w.x1 <= x]
        right = [w for w in line.words if w.x0 >= x]
        across = (
            bool(left and right)
            and _is_words(PrintedLine.of(0, left))
            and all(NUMBER.match(w.text) or w.text == PER_CENT for w in right)
        )
        if across:
            at_top = at_top or (count == 0 and index < TOP_LINES)
            run.extend(line.words)
            count += 1
            continue
        if count >= MIN_ROWS or at_top:
            found.extend(run)
        run, count, at_top = [], 0, False
    return found + (run if count >= MIN_ROWS or at_top else [])


# At most this many printed lines set apart above or below a zone (a running header, a page
# number) are not in its columns.
APART_LINES = 2


def _apart(zone: list[Word]) -> tuple[list[Word], list[Word], list[Word]]:
    """The zone's words as lines set apart at its top, the rest, and lines set apart at its bottom.

    A running header or a page number between the margins would otherwise fall into a column.
    """
    ordered = sorted(zone, key=lambda w: w.top)
    height = sorted(w.bottom - w.top for w in ordered)[len(ordered) // 2]
    clusters: list[list[Word]] = []
    bottom = -math.inf
    for word in ordered:
        if word.top - bottom > SET_APART * height:
            clusters.append([])
        clusters[-1].append(word)
        bottom = max(bottom, word.bottom)
    head: list[Word] = []
    tail: list[Word] = []
    while len(clusters) > 1 and len(printed_lines(0, clusters[0])) <= APART_LINES:
        head += clusters.pop(0)
    while len(clusters) > 1 and len(printed_lines(0, clusters[-1])) <= APART_LINES:
        tail = clusters.pop() + tail
    return head, [w for cluster in clusters for w in cluster], tail


def _two_columns(left: list[Word], right: list[Word]) -> bool:
    """Whether the words either side of a gutter are two columns: a gutter of an em or more (or a
    narrower one between columns that wrapped prose fills), and each side either prose (most
    lines words, the right side's starting at one edge) or tables of its own (rows with a label
    and a number). One wide table cut at a gap is not: one side holds its labels, the other only
    numbers."""
    if not left or not right:
        return False
    size = sorted(w.size for w in left + right)[len(left + right) // 2]
    gutter = min(w.x0 for w in right) - max(w.x1 for w in left)
    if gutter < NARROW_GUTTER * size:
        return False
    sides = [printed_lines(0, left), printed_lines(0, right)]
    if min(len(side) for side in sides) < 2 or sum(len(side) for side in sides) < MIN_LINES:
        return False
    # A table's header over rows set across the gutter is no two columns: a few lines on one
    # side, each level with a line on the other, cells of a word or two ("Nässjö | 40 kommuner
    # i", "2015 | genomsnitt"), where a few lines of two columns are prose.
    if min(len(side) for side in sides) < MIN_LINES and not _independent(sides) and not _prose_sides(sides):
        return False
    narrow = gutter < MIN_GUTTER * size
    short = min(len(side) for side in sides) < NARROW_MIN_LINES
    # A few lines each side of a narrow band may leave it free by chance. They are columns when both
    # sides are filled as wrapped prose fills them (the foot of a page whose columns start under a
    # table), or when each side sets its lines on baselines of its own (a heading in one column
    # shifts its lines from the other's).
    if narrow and short and not (
        all(len(side) >= MIN_LINES and _filled(side) for side in sides) or _independent(sides)
    ):
        return False
    # One table flowed from the first column into the second sets its rows at the same places
    # in both, whatever the lines beside it; two tables side by side share their baselines
    # (rows of equal height may bring the columns' lines level now and then, a point or so apart).
    if not narrow and _one_table_flowed_on(sides) and _independent(sides, within=SAME_BASELINE):
        return True
    # Beside a narrow gutter, wrapped prose fills at least one column; the other may hold the
    # short lines of lists (strengths and improvement areas under their labels).
    if all(_holds_prose(side) for side in sides) and (not narrow or any(_filled(side) for side in sides)):
        return True
    # Tables of their own beside prose: each prose side filled beside a narrow gutter, as above.
    # Tables of their own on both sides (a facts table beside the evaluated list) may stand level
    # row after row by chance, a point or so apart; the rows of one table share their baselines.
    tables = all(_holds_tables(side) for side in sides)
    return _independent(sides, within=SAME_BASELINE if tables else None) and all(
        (_holds_prose(side) and (not narrow or _filled(side))) or _holds_tables(side) for side in sides
    )


def _prose_sides(sides: list[list[PrintedLine]]) -> bool:
    """Whether most lines on each side are prose (see :func:`_is_prose`)."""
    return all(sum(_is_prose(line) for line in side) >= PROSE_SHARE * len(side) for side in sides)


def _holds_prose(lines: list[PrintedLine]) -> bool:
    return sum(_is_words(line) for line in lines) >= PROSE_SHARE * len(lines) and _few_edges(lines)


# A side of the gutter holds tables of its own when this many of its lines are rows with a label.
MIN_ROWS = 3
# A table's rows this near the page's top (under a running header and the table's header repeated)
# are its last rows, however few.
TOP_LINES = 3


def _holds_tables(lines: list[PrintedLine]) -> bool:
    """Whether this many lines are a table's whole row: a label with letters and a number at the end."""
    rows = sum(
        1
        for line in lines
        if len(line.words) >= 2
        and NUMBER.match(line.words[-1].text)
        and any(sum(c.isalpha() for c in word.text) >= 2 for word in line.words[:-1])
    )
    return rows >= MIN_ROWS


# A table flowed into the next column shows at least this many rows in each.
FLOWED_ROWS = 2
# Lines this close (points) stand on one baseline.
SAME_BASELINE = 0.5
# A year ends a line of prose or a caption ("Kommunkompassen Östersund 2008"), no table's row.
YEAR = regex.compile(r"(?:19|20)\d\d")


def _one_table_flowed_on(sides: list[list[PrintedLine]]) -> bool:
    """Whether both sides hold rows of a table (lines ending in a value after a label, or values
    alone on a baseline beside a wrapped label: never values under a header alone) whose values
    stand at the same distance from each side's left edge (by their left or right edge or
    centre): a table the word processor continued in the next column ("8:3 Kommunen som partner
    … 20 11" at the top of the right column, prose under it). One wide table cut at a gap has
    its labels on one side only."""
    places = []
    for side in sides:
        edge = min(line.x0 for line in side)
        worded = [line for line in side if any(c.isalpha() for c in line.text)]
        values = [
            line.words[-1]
            for line in side
            if NUMBER.match(line.words[-1].text)
            and not YEAR.fullmatch(line.words[-1].text)
            and any(other.top < line.bottom and line.top < other.bottom for other in worded)
        ]
        if len(values) < FLOWED_ROWS:
            return False
        places.append([
            _median([w.x0 - edge for w in values]),
            _median([w.x1 - edge for w in values]),
            _median([(w.x0 + w.x1) / 2 - edge for w in values]),
        ])  # fmt: skip
    return any(abs(a - b) <= ALIGN_TOLERANCE for a, b in zip(*places, strict=True))


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


# Sides whose lines stand on the other side's baselines this often are one table's halves.
PAIRED_SHARE = 0.8


def _independent(sides: list[list[PrintedLine]], within: float | None = None) -> bool:
    """Whether the two sides set their lines on baselines of their own, as columns do: the rows of
    one wide table stand on shared baselines, nearly every line with a partner across the gap
    (within a quarter of the type size, or ``within`` points)."""
    fewer, more = sorted(sides, key=len)
    paired = sum(
        1
        for line in fewer
        if any(abs(line.top - other.top) < (line.size / 4 if within is None else within) for other in more)
    )
    return paired < PAIRED_SHARE * len(fewer)


def _filled(lines: list[PrintedLine]) -> bool:
    """Whether the lines fill their column as wrapped prose does (many reach near its right edge)."""
    start = min(line.x0 for line in lines)
    width = max(line.x1 for line in lines) - start
    full = sum(1 for line in lines if line.x1 - start >= FULL_LINE * width)
    return width > 0 and full >= FULL_SHARE * len(lines)


# A column's lines start at a few left edges: the text, a bullet's glyph, a bullet's text.
COLUMN_EDGES = 3


def _few_edges(lines: list[PrintedLine]) -> bool:
    """Whether most lines start at one of :data:`COLUMN_EDGES` left edges, each edge the lines
    within :data:`ALIGN_TOLERANCE` of one start: OCR puts the starts of one edge a point or so
    apart, on either side of any fixed grid."""
    return at_edges([line.x0 for line in lines], ALIGN_TOLERANCE, COLUMN_EDGES) >= PROSE_SHARE * len(lines)


def at_edges(starts: Sequence[float], near: float, edges: int) -> int:
    """How many of ``starts`` lie within ``near`` of one of ``edges`` left edges, each edge the
    start the most others lie near, of those not yet counted."""
    rest = list(starts)
    counted = 0
    for _ in range(edges):
        if not rest:
            break
        edge = max(rest, key=lambda x: sum(abs(other - x) <= near for other in rest))
        counted += sum(abs(other - edge) <= near for other in rest)
        rest = [other for other in rest if abs(other - edge) > near]
    return counted


def _is_words(line: PrintedLine) -> bool:
    """A line of words, which a table's row of numbers is not."""
    return not NUMBER.match(line.words[-1].text) and any(c.isalpha() for c in line.text)
