"""Step 5, tables: columns where every row leaves a gap, from the positions of the words.

Word processors draw a table as words at positions, with or without ruling lines, and table finders
that follow ruling lines lose the borderless ones. So the columns come from the words: a column
boundary is an x-range that no word of the table covers (a vertical rule in that range marks the
boundary exactly, and two rules in one range mark an empty column between them). A printed line
whose words stand apart by more than a word space seeds a table; lines between and around such
lines join it when their words fit the columns, which is how the wrapped lines of a cell and the
heading rows with a single cell are kept.

The rows are built in ``rows``. A table that ends a page continues on the next
one when the first lines there fit its columns; header rows repeated there are dropped and a row
split by the page break is joined. Each row becomes one line of the document, its cells joined by
tabs, empty cells included, the way the text exports print tables.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import regex

from pipeline.ingest.pdf.glyphs import Ruling
from pipeline.ingest.pdf.printed_lines import PrintedLine
from pipeline.ingest.pdf.rows import Grid, TableRow, columns, is_fragment, joined, table_rows
from pipeline.ingest.pdf.words import Word, is_list_marker
from pipeline.model.numbers import is_number

# A gap this wide (times the font size) inside a printed line separates two cells.
WIDE_GAP = 0.8
# Justified text spreads its word spaces evenly, sometimes wide; evenly spaced words are a table
# row only if they stand this far apart (times the font size), further than justification goes.
EVEN_SPACING = 0.15
STRETCHED_SPACE = 2.0
# A column boundary is at least this wide (times the font size): wider than any word space.
MIN_SEPARATION = 0.6
# Printed lines allowed between two lines with several cells: the wrapped rest of a tall cell.
MAX_BRIDGE = 6
# Rows of a table above a line before that line may end it by opening a column of its own.
MIN_BODY = 3
# Rows of values between a table's header and a line repeating its words, for that line to head the
# next table: one will do (a table's last row continued on the next page, under a repeated header,
# and the next area's table after it).
REPEATED_HEADER_BODY = 1
# Lines further apart than this (times the font size) do not start one table.
RUN_GAP = 2.0
# A header cell that is an evaluation year ("2014"), not a value.
HEADER_YEAR = regex.compile(r"(?:19|20)\d\d")
# Footnote markers a value may carry ("73¹", "61*").
FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§"
# Pieces of one ruling line (each cell's border drawn on its own) meet within this (points).
RULE_JOIN = 1.0
# Rules of two rows within this (points) stand at the same place: the same columns.
RULE_PLACE = 2.0
# A line this much larger than the table's usual type is a heading, never a row of the table.
HEADING_SIZE = 1.05


@dataclass
class PrintedTable:
    """A table's columns (boundaries between them), its printed lines and its rows, on one or more pages."""

    separators: tuple[float, ...]
    x0: float
    x1: float
    lines: list[PrintedLine]
    rows: list[TableRow]
    ruled: bool
    gap_limit: float
    cuts: tuple[float, ...] = ()

    @property
    def first(self) -> PrintedLine:
        return self.lines[0]

    @property
    def last(self) -> PrintedLine:
        return self.lines[-1]


def find_tables(
    pages: Sequence[Sequence[PrintedLine]], rules: Sequence[Sequence[Ruling]]
) -> list[PrintedLine | PrintedTable]:
    """The body lines of all pages in reading order, with table lines replaced by tables."""
    items: list[PrintedLine | PrintedTable] = []
    carried: PrintedTable | None = None
    for lines, page_rules in zip(pages, rules, strict=True):
        start = _continue_table(carried, lines, page_rules) if carried else 0
        items.extend(_page_items(lines[start:], page_rules))
        last = items[-1] if items else None
        carried = last if isinstance(last, PrintedTable) and lines and last.last is lines[-1] else None
    return items


def _page_items(
    lines: Sequence[PrintedLine], rules: Sequence[Ruling]
) -> Iterator[PrintedLine | PrintedTable]:
    horizontal = [rule for rule in rules if rule.is_horizontal]
    vertical = [rule for rule in rules if not rule.is_horizontal]
    position = 0
    for start, end, separators in _regions(lines, vertical):
        yield from lines[position:start]
        yield _table(list(lines[start:end]), separators, horizontal, vertical)
        position = end
    yield from lines[position:]


# --- where the tables are ---------------------------------------------------------------------


def _regions(
    lines: Sequence[PrintedLine], vertical: list[Ruling]
) -> list[tuple[int, int, tuple[float, ...]]]:
    cells = [_has_cells(line, vertical) for line in lines]
    regions: list[tuple[int, int, tuple[float, ...]]] = []
    floor, index = 0, 0
    while index < len(lines):
        region = _grow(lines, cells, index, floor, vertical) if cells[index] else None
        if region is None:
            index += 1
            continue
        regions.append(region)
        floor = index = region[1]
    return regions


def _grow(
    lines: Sequence[PrintedLine], cells: list[bool], seed: int, floor: int, vertical: list[Ruling]
) -> tuple[int, int, tuple[float, ...]] | None:
    """The table around the line ``seed``: start, end (exclusive) and column boundaries."""
    lines = lines[: _repeated_header(lines, seed, vertical)]
    members = [seed]
    index = seed + 1
    while index < len(lines) and index - members[-1] <= MAX_BRIDGE:
        if _gap(lines[index - 1], lines[index]) > RUN_GAP * lines[index].size:
            break
        if lines[index].top < lines[index - 1].top - lines[index].size:
            break  # back up the page: the next text column's lines, no rows of this table
        if _frame_broken(lines[index - 1], lines[index], vertical):
            break
        if cells[index]:
            members.append(index)
        index += 1
    if not vertical:
        members = _while_values_line_up(lines, members)
    for _ in range(3 + len(members)):
        # A line that crosses the columns ends the table (recompute without it), unless it is a
        # wrapped label reaching into the space before the next column: the columns all stay
        # when it is taken in, their boundary moving right ("1 Samspel mellan förtroendevalda").
        bounds = _Bounds.of([lines[m] for m in members], vertical)
        if not any(_has_letters(lines[m]) for m in members):
            # Rows of values alone on their baselines ("40 16") beside wrapped labels: the lines
            # of the labels they stand beside show the table's extent and where its columns part.
            beside = [
                index
                for index in range(max(floor, members[0] - 1), min(members[-1] + 2, len(lines)))
                if any(
                    lines[index].top < lines[m].bottom and lines[m].top < lines[index].bottom for m in members
                )
            ]
            bounds = _Bounds.of([lines[index] for index in beside], vertical)
        if not bounds.separators:
            return None
        end = seed + 1
        while end <= members[-1] and bounds.fits(lines[end]):
            end += 1
        if end > members[-1]:
            break
        widened = sorted({*members, end})
        if end not in members and _keeps_columns(lines, widened, bounds, vertical):
            members = widened
            continue
        members = [m for m in members if m < end]
    if len(members) < 2:
        return None
    if not bounds.framing and (kept := _without_new_columns(lines, members, vertical)) != members:
        if len(kept) < 2:
            return None
        members, end = kept, kept[-1] + 1
        bounds = _Bounds.of([lines[m] for m in members], vertical)
        if not bounds.separators:
            return None
    start, end = _extend(lines, seed, end, floor, bounds)
    return start, end, bounds.separators


def _numbered_name(line: PrintedLine) -> bool:
    """Whether the line starts with a number and a word with letters: an area's number and name."""
    words = line.words
    return len(words) >= 2 and _is_value_cell([words[0]]) and any(char.isalpha() for char in words[1].text)


def _has_letters(line: PrintedLine) -> bool:
    return any(char.isalpha() for char in line.text)


def _keeps_columns(
    lines: Sequence[PrintedLine], members: list[int], bounds: _Bounds, vertical: list[Ruling]
) -> bool:
    """Whether the lines ``members`` leave as many column boundaries as ``bounds`` has, and every
    one of them lies within those columns."""
    widened = _Bounds.of([lines[m] for m in members], vertical)
    return len(widened.separators) == len(bounds.separators) and all(widened.fits(lines[m]) for m in members)


def _repeated_header(lines: Sequence[PrintedLine], seed: int, vertical: list[Ruling]) -> int:
    """Where the table whose header is the line ``seed`` gives way to the next: at a line of cells
    that is no row of values, after a body of them, holding the words of the header's last cell
    or whose last cell's words the header holds ("Max", "Poäng Maxpoäng", "Max poäng": a score
    table per area, each with the same header but for the area's name in the corner and where its
    words wrap, stacked close with their columns a little apart), taking with it the lines just
    above it that are no rows of values ("Poäng" over "Nr Delområde Egna Max", the area's name)."""
    header = _last_cell(lines[seed], vertical)
    if not header or _ends_in_value(lines[seed]):
        return len(lines)
    body = 0
    for index in range(seed + 1, len(lines)):
        if _ends_in_value(lines[index]):
            body += 1
        elif body >= REPEATED_HEADER_BODY and (cell := _last_cell(lines[index], vertical)):
            if not (_holds(lines[index], header) or _holds(lines[seed], cell)):
                continue
            while not _ends_in_value(lines[index - 1]):
                index -= 1
            return index
    return len(lines)


def _last_cell(line: PrintedLine, vertical: list[Ruling]) -> list[str]:
    """The words of a line's last cell if it has two or more cells apart by a column gap."""
    spans = _spans(line, MIN_SEPARATION, vertical)
    if len(spans) < 2:
        return []
    return [word.text for word in line.words if word.x0 >= spans[-1][0]]


def _holds(line: PrintedLine, words: list[str]) -> bool:
    return not Counter(words) - Counter(_word_texts(line))


def _word_texts(line: PrintedLine) -> tuple[str, ...]:
    return tuple(word.text for word in line.words)


@dataclass(frozen=True)
class _Bounds:
    """A table's column boundaries, horizontal extent and the vertical rules framing it."""

    separators: tuple[float, ...]
    left: float
    right: float
    framing: tuple[Ruling, ...]
    size: float = 0.0

    @classmethod
    def of(cls, lines: Sequence[PrintedLine], vertical: list[Ruling]) -> _Bounds:
        slack = max(line.size for line in lines)
        left = min(line.x0 for line in lines) - slack
        right = max(line.x1 for line in lines) + slack
        top, bottom = lines[0].top, lines[-1].bottom
        framing = tuple(r for r in vertical if left <= r.x0 <= right and r.top < bottom and r.bottom > top)
        separators = _separators(lines, vertical)
        if not framing:
            # A header cell standing in the gap before its values ("2019" set left in its cell
            # over right-aligned points) heads that column: no column of its own.
            separators = _header_over_values(lines, separators)
        return cls(separators, left, right, framing, _body_size(lines))

    def fits(self, line: PrintedLine) -> bool:
        """Whether the line lies within the columns (and, in a ruled table, between its rules), in
        the table's type size: a larger line is a heading between two tables, not a row."""
        if line.x0 < self.left or line.x1 > self.right:
            return False
        if self.size and line.size > self.size * HEADING_SIZE:
            return False
        if any(word.x0 + 0.5 < x < word.x1 - 0.5 for word in line.words for x in self.separators):
            return False
        return not self.framing or any(
            r.top <= line.top + 1 and r.bottom >= line.bottom - 1 for r in self.framing
        )


def _frame_broken(upper: PrintedLine, lower: PrintedLine, vertical: list[Ruling]) -> bool:
    """Whether two lines each stand between vertical rules, in other places, and no rule beside the
    upper one runs on down to the lower one: ruled tables stacked close one under another (a score
    table per area, each drawn with its own columns), not one table."""
    beside = [r for r in vertical if r.top <= upper.bottom and r.bottom >= upper.top]
    below = [r for r in vertical if r.top <= lower.bottom and r.bottom >= lower.top]
    if not beside or not below:
        return False
    if _same_places([r.x0 for r in beside], [r.x0 for r in below]):
        return False  # the same columns go on (a scan's rules broken at a spanning row)
    for x in {round(r.x0) for r in beside}:
        reach = upper.bottom
        for rule in sorted((r for r in vertical if abs(r.x0 - x) <= 1), key=lambda r: r.top):
            if rule.top <= reach + RULE_JOIN:
                reach = max(reach, rule.bottom)
        if reach >= lower.top - RULE_JOIN:
            return False
    return True


def _same_places(xs: list[float], others: list[float]) -> bool:
    return all(any(abs(x - o) <= RULE_PLACE for o in others) for x in xs) and all(
        any(abs(x - o) <= RULE_PLACE for x in xs) for o in others
    )


def _while_values_line_up(lines: Sequence[PrintedLine], members: list[int]) -> list[int]:
    """The members up to the last row whose values stand in the columns of the values above it.

    Numbers in one column overlap one another whether they are set right, left, centred or on the
    decimal comma; a row of values that meets none of them (a narrower table stacked under a wide
    one) starts the next table, and the lines between (its header) go with it."""
    columns: list[list[float]] = []
    body = 0
    last_row = len(members) - 1
    for position, member in enumerate(members):
        # A row's first word is its label or id ("6.1" reads as a number): no value of a column.
        numbers = [(w.x0, w.x1) for w in lines[member].words[1:] if _is_value_cell([w])]
        if not numbers:
            continue
        slack = lines[member].size / 2
        matches = [
            next((c for c in columns if x0 - slack < c[1] and c[0] < x1 + slack), None) for x0, x1 in numbers
        ]
        if body >= MIN_BODY - 1 and all(match is None for match in matches):
            return members[: last_row + 1]
        for (x0, x1), match in zip(numbers, matches, strict=True):
            if match is None:
                columns.append([x0, x1])
            else:
                match[0], match[1] = min(match[0], x0), max(match[1], x1)
        body += 1
        last_row = position
    return members


def _without_new_columns(
    lines: Sequence[PrintedLine], members: list[int], vertical: list[Ruling]
) -> list[int]:
    """The members up to the first line, after a body of rows of values, that puts a cell where
    none of the lines above has one: the next table ("Kortfakta | 2008" under a score table, its
    year in the space between the labels and the points) starts there, however close it stands."""
    for position in range(MIN_BODY, len(members)):
        above = [lines[m] for m in members[:position]]
        if sum(1 for line in above if _ends_in_value(line)) < MIN_BODY:
            continue  # header lines and a wrapped label are no body of rows yet
        free = _free_ranges(above, vertical)
        spans = _spans(lines[members[position]], MIN_SEPARATION, vertical)
        if any(start < x0 and x1 < end for x0, x1 in spans for start, end in free):
            return members[:position]
    return members


def _free_ranges(lines: Sequence[PrintedLine], vertical: list[Ruling]) -> list[tuple[float, float]]:
    """The x-ranges between the lines' leftmost and rightmost words that no cell of theirs covers."""
    covered = sorted(span for line in lines for span in _spans(line, MIN_SEPARATION, vertical))
    free: list[tuple[float, float]] = []
    reach = covered[0][1]
    for x0, x1 in covered[1:]:
        if x0 > reach:
            free.append((reach, x0))
        reach = max(reach, x1)
    return free


def _extend(
    lines: Sequence[PrintedLine], start: int, end: int, floor: int, bounds: _Bounds
) -> tuple[int, int]:
    """Take in the fitting lines just before and after the table: wrapped cells, one-cell rows."""
    limit = _gap_limit(lines[start:end])
    grown = end
    while (
        grown < len(lines)
        and _gap(lines[grown - 1], lines[grown]) <= limit
        and lines[grown].top >= lines[grown - 1].top - lines[grown].size
        and bounds.fits(lines[grown])
    ):
        grown += 1
    kept = _while_values_line_up(lines, list(range(start, grown))) if not bounds.framing else []
    end = max(end, kept[-1] + 1) if kept and len(kept) < grown - start else grown
    while start > floor and _gap(lines[start - 1], lines[start]) <= limit and bounds.fits(lines[start - 1]):
        start -= 1
    return start, end


def _has_cells(line: PrintedLine, vertical: list[Ruling]) -> bool:
    """Whether the line's words stand apart like table cells: a rule or a wide gap between them,
    and not the even spacing of justified text. A bullet or number in front does not count."""
    words = line.words[1:] if len(line.words) > 1 and is_list_marker(line.words[0].text) else line.words
    if len(words) < 2:
        return False
    rules = [r.x0 for r in vertical if r.top <= line.bottom and r.bottom >= line.top]
    if any(a.x1 <= x <= b.x0 for a, b in itertools.pairwise(words) for x in rules):
        return True
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    if all(_is_value_cell([word]) for word in words) and not any(
        _is_thousands(a, b) for a, b in itertools.pairwise(words)
    ):
        # A row's values alone on their line (centred beside a wrapped label): no prose, also
        # where narrow cells set them less than a column gap apart ("40 16").
        return max(gaps) > VALUE_GAP * line.size
    if max(gaps) <= WIDE_GAP * line.size:
        return False
    return max(gaps) - min(gaps) > EVEN_SPACING * line.size or min(gaps) >= STRETCHED_SPACE * line.size


def _body_size(lines: Sequence[PrintedLine]) -> float:
    """The type size most of the lines are set in."""
    sizes = sorted(line.size for line in lines)
    return sizes[len(sizes) // 2]


def _gap(upper: PrintedLine, lower: PrintedLine) -> float:
    return lower.top - upper.bottom


def _gap_limit(lines: Sequence[PrintedLine]) -> float:
    """The most space a line may stand below the one before and still belong to the table: about
    the usual space between its rows (the upper quartile, so that a gap between two tables
    stacked into one does not count)."""
    gaps = sorted(_gap(a, b) for a, b in itertools.pairwise(lines))
    usual = gaps[(3 * (len(gaps) - 1)) // 4] if gaps else 0.0
    return max(usual, 0.0) + 0.25 * max(line.size for line in lines)


def _spans(line: PrintedLine, gap: float, vertical: list[Ruling]) -> list[tuple[float, float]]:
    """The line's words merged into spans where they stand closer than ``gap`` times the font size."""
    rules = [r.x0 for r in vertical if r.top <= line.bottom and r.bottom >= line.top]
    spans: list[tuple[float, float]] = []
    for word in line.words:
        close = bool(spans) and word.x0 - spans[-1][1] <= gap * line.size
        if close and not any(spans[-1][1] <= x <= word.x0 for x in rules):
            spans[-1] = (spans[-1][0], max(spans[-1][1], word.x1))
        else:
            spans.append((word.x0, word.x1))
    return spans


def _separators(lines: Sequence[PrintedLine], vertical: list[Ruling]) -> tuple[float, ...]:
    """Column boundaries: x-ranges that no span of the lines covers, and those the rows of values
    leave free where the header's words only stand closer than a column gap ("Max" and "Egna",
    each centred over its column of numbers) without a word crossing the boundary."""
    found = _free_separators(lines, vertical)
    body = [line for line in lines if _holds_values(line)]
    if 2 <= len(body) < len(lines):
        spans = [span for line in lines for span in _spans(line, MIN_SEPARATION, vertical)]
        for x in _free_separators(body, vertical):
            if not any(x0 < x < x1 for x0, x1 in spans):
                # No line crosses it, but a header word may narrow it below a column gap
                # ("enheter?" of the rows, "Egna" of the header less than a gap apart): the rows'
                # gap is a boundary unless one free of every line parts them already.
                low = max((w.x1 for line in body for w in line.words if w.x1 <= x), default=x)
                high = min((w.x0 for line in body for w in line.words if w.x0 >= x), default=x)
                if not any(low <= s <= high for s in found):
                    found = tuple(sorted((*found, x)))
                continue
            rows = [line for line in body if _ends_in_value(line)]
            low = max((w.x1 for line in rows for w in line.words if w.x1 <= x), default=x)
            high = min((w.x0 for line in rows for w in line.words if w.x0 >= x), default=x)
            moved = _free_middle(low, high, lines) if high > low else None
            if not any(w.x0 < x < w.x1 for line in lines for w in line.words):
                # Between two header words closer than a column gap: where the header parts
                # best ("Tomelilla 2017 Tomelilla 2020" over the gap parts at one of its word
                # spaces, not at the one the gap's middle happens to fall in), unless a boundary
                # free of every word parts them already.
                if moved is not None and any(low <= s <= high for s in found):
                    continue
                x = x if moved is None else moved
            # A header phrase over the gap ("Solna 2011 40 kommuner i genomsnitt"): the boundary
            # goes where its cells part, if the gap has such a place between two values of every
            # row (not between a label and its values unless the header above the rows parts
            # there too: "Poäng" set right in its cell next to an area's name heading the labels).
            elif (
                moved is None
                or any(low <= s <= high for s in found)
                or any(w.x0 < moved < w.x1 for line in lines for w in line.words)
                or not (
                    all(_between_values(line, moved) for line in rows)
                    or _header_parts_above_rows(lines, moved)
                )
            ):
                continue
            else:
                x = moved
            found = tuple(sorted((*found, x)))
    return _after_values_set_right(lines, found, vertical)


def _holds_values(line: PrintedLine) -> bool:
    """Whether the line holds a value: a number, but for one first or after a first word and
    followed by a word with letters, a row's id or an area's number in a header's corner
    ("4 Ledning, decentralisering och delegering | Egna Max", "Nr 4 Effektivitet | Egna Max")."""
    words = line.words
    followed = [*(any(char.isalpha() for char in word.text) for word in words[1:]), False]
    return any(
        _is_value_cell([word]) and not (index <= 1 and followed[index]) for index, word in enumerate(words)
    )


def _after_values_set_right(
    lines: Sequence[PrintedLine], found: tuple[float, ...], vertical: list[Ruling]
) -> tuple[float, ...]:
    """The boundaries with each gap after a column of values set right parted right after them,
    where a header word stands in the gap. A cell's words end at its right padding, so in a table
    whose values are set right a header word beyond a column's values ("40 kommuner i" set left in
    the next, wide cell, close after "68,5") heads the next column, however wide a space it leaves
    before that column's values; the free boundary there (where the header ends short of them) goes."""
    rows = [line for line in lines if _ends_in_value(line)]
    if len(rows) < MIN_VALUE_ROWS or len(rows) == len(lines) or not _values_set_right(rows):
        return found
    words = [w for line in lines for w in line.words]
    for x in _free_separators(rows, vertical):
        before = [next((w for w in reversed(line.words) if w.x1 <= x), None) for line in rows]
        if not all(w is not None and _is_marked_value(w) for w in before):
            continue  # after the labels: their cells are set left
        low = max(w.x1 for w in before if w is not None)
        high = min((w.x0 for line in rows for w in line.words if w.x0 >= x), default=x)
        free = _uncovered(low, high, words)
        if not free or free[0][0] > low + 0.01 or free[0][1] >= high - 0.01:
            continue  # no header word in the gap: its free boundary serves
        after = (free[0][0] + free[0][1]) / 2
        if all(_between_values(line, after) for line in rows):
            found = tuple(sorted((*(s for s in found if not low <= s <= high), after)))
    return found


def _values_set_right(rows: Sequence[PrintedLine]) -> bool:
    """Whether the rows' values are set right: a column of them ends at one edge while its values
    start at different places, and no column starts at one edge while they end at different places
    (values of one width show neither)."""
    columns: list[list[Word]] = []
    for line in rows:
        for word in (w for w in line.words[1:] if _is_marked_value(w)):
            column = next((c for c in columns if word.x0 < c[-1].x1 and c[-1].x0 < word.x1), None)
            if column is None:
                columns.append([word])
            else:
                column.append(word)
    shown = [
        (_spread([w.x0 for w in column]), _spread([w.x1 for w in column]))
        for column in columns
        if len(column) >= MIN_VALUE_ROWS
    ]
    right = any(ends <= RULE_JOIN < starts for starts, ends in shown)
    return right and not any(starts <= RULE_JOIN < ends for starts, ends in shown)


def _spread(values: list[float]) -> float:
    return max(values) - min(values)


def _free_separators(lines: Sequence[PrintedLine], vertical: list[Ruling]) -> tuple[float, ...]:
    """Column boundaries: x-ranges that no span of the lines covers."""
    size = max(line.size for line in lines)
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    spans = [_spans(line, MIN_SEPARATION, vertical) for line in lines]
    events = sorted(
        (x, step)
        for index, line in enumerate(lines)
        for x0, x1 in spans[index]
        if not _lone_mark(line, (x0, x1), spans[:index] + spans[index + 1 :])
        for x, step in ((x0, 1), (x1, -1))
    )
    top = min(line.top for line in lines)
    bottom = max(line.bottom for line in lines)
    rules = [r.x0 for r in vertical if r.top < bottom and r.bottom > top]
    separators: list[float] = []
    depth, opened = 0, left
    for x, step in events:
        if step == 1 and depth == 0 and left < x < right and x - opened >= MIN_SEPARATION * size:
            inside = sorted({round(r, 1) for r in rules if opened <= r <= x})
            separators.extend(inside or [(opened + x) / 2])
        depth += step
        if step == -1 and depth == 0:
            opened = x
    return tuple(_merge_close(separators, size / 4))


def _lone_mark(line: PrintedLine, span: tuple[float, float], others: list[list[tuple[float, float]]]) -> bool:
    """Whether ``span`` of ``line`` holds only a mark (a dash, a dot: a speck of a scan read as one)
    where no other line of the table prints anything: no column of its own. A dash standing for an
    empty value lies in its column, under the header's cell and over the other rows' values."""
    x0, x1 = span
    words = [word for word in line.words if x0 <= word.x0 and word.x1 <= x1]
    if not words or any(char.isalnum() for word in words for char in word.text):
        return False
    return not any(low < x1 and x0 < high for spans in others for low, high in spans)


def _merge_close(values: list[float], tolerance: float) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if merged and value - merged[-1] <= tolerance:
            continue
        merged.append(value)
    return merged


def _table(
    lines: list[PrintedLine], separators: tuple[float, ...], horizontal: list[Ruling], vertical: list[Ruling]
) -> PrintedTable:
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    ruled = any(
        x0 - 2 <= r.x0 <= x1 + 2 and r.top < lines[-1].bottom and r.bottom > lines[0].top for r in vertical
    )
    if not ruled:
        separators = _header_over_values(lines, separators)
    cuts = _value_cuts(lines, separators)
    rows = table_rows(lines, Grid(cuts, x0, x1, horizontal, ruled))
    return PrintedTable(separators, x0, x1, lines, rows, ruled, _gap_limit(lines), cuts)


# --- columns of values closer than a column gap -----------------------------------------------

# A gap between two numbers of a row this wide (times the font size), wider than a space, may part
# two columns of values; rows of at least this many give it.
VALUE_GAP = 0.3
MIN_VALUE_ROWS = 2
# "19 267": a number of up to three digits and a group of three after it is one number, its
# thousands set apart by a space.
THOUSANDS = (regex.compile(r"[+\-−–]?\d{1,3}"), regex.compile(r"\d{3}(?:[.,]\d+)?%?"))


def _value_cuts(lines: Sequence[PrintedLine], separators: tuple[float, ...]) -> tuple[float, ...]:
    """The separators and the boundaries between columns of values set closer than a column gap
    (a word processor's narrow cells: "8,5 20" under "Egna Max"): a gap between two numbers that
    recurs at one place in several rows (or in one under a header whose words part there), that no
    word of a row of values crosses, and where fewer numbers grouped by thousands ("19 267") stand
    than that; never between a row's label and its values. Rows are built by these; the table's extent
    and its continuation still go by its separators. The header lines above the first row of values
    are no rows even with a number in them ("40 kommuner i genomsnitt")."""
    first = next((i for i, line in enumerate(lines) if _ends_in_value(line)), len(lines))
    body = [line for line in lines[first:] if _holds_values(line)]
    named = [line for line in lines[first:] if not _holds_values(line) and _numbered_name(line)]
    gaps = [
        (a.x1, b.x0, line.size, _is_thousands(a, b))
        for line in body
        for a, b in itertools.pairwise(_with_percent_signs(line.words))
        if _is_value_cell([a]) and _is_value_cell([b])
    ]
    cuts = list(separators)
    for start, end, size, grouped in gaps:
        if grouped or end - start < VALUE_GAP * size or any(start <= cut <= end for cut in cuts):
            continue  # a space inside a number, or two values that a boundary already parts
        shared = [
            (s, e)
            for s, e, _, g in gaps
            if s < end and start < e and not g and not any(s <= c <= e for c in cuts)
        ]
        low, high = max(s for s, _ in shared), min(e for _, e in shared)
        # An area's number and name set across the cells between two rows ("3 Tydlighet i
        # samspelet mellan politiker") parts no columns.
        x = _free_middle(low, high, [line for line in lines if line not in named]) if high > low else None
        if x is None:
            continue
        support = len(shared) + _header_parts(lines, x, size)
        if (
            support < MIN_VALUE_ROWS
            or any(abs(x - cut) < size for cut in cuts)
            or sum(1 for s, e, _, g in gaps if g and s < x < e) >= support
            or any(w.x0 < x < w.x1 for line in body for w in line.words)
            or not all(_between_values(line, x) for line in body)
        ):
            continue
        cuts.append(x)
    return _label_cut(lines[first:], tuple(sorted(cuts)))


def _label_cut(rows: Sequence[PrintedLine], cuts: tuple[float, ...]) -> tuple[float, ...]:
    """The cuts with one between the labels and the values that end the first column's cell of
    every row, where those values stand in a column of their own: a narrow label cell in a word
    processor's table leaves a word space or so before the values ("brukarorientering 34"), less
    than a column gap, but the values line up on one edge (left, right or centre) row after row
    while the labels end anywhere before them."""
    ends = [(label, values) for line in rows if (found := _trailing_values(line, cuts)) is not None
            for label, values in [found]]  # fmt: skip
    labelled = [(label, values) for label, values in ends if label]
    if len(labelled) < MIN_BODY:
        return cuts
    spans = [(values[0].x0, values[-1].x1) for _, values in ends]
    if not any(_spread(list(edge)) <= RULE_JOIN for edge in zip(*spans, strict=True)) and (
        _spread([(a + b) / 2 for a, b in spans]) > RULE_JOIN
    ):
        return cuts
    low = max(label[-1].x1 for label, _ in labelled)
    high = min(a for a, _ in spans)
    if high <= low:
        return cuts
    return tuple(sorted((*cuts, (low + high) / 2)))


def _trailing_values(line: PrintedLine, cuts: tuple[float, ...]) -> tuple[list[Word], list[Word]] | None:
    """The words of the line's first cell (before the first cut) split into its label and the
    values ending it, or ``None`` when the cell does not end in a value; the label may be empty
    (a wrapped label's values on a baseline of their own)."""
    words = _with_percent_signs([w for w in line.words if not cuts or (w.x0 + w.x1) / 2 < cuts[0]])
    split = len(words)
    while split > 0 and _is_marked_value(words[split - 1]):
        split -= 1
    if split == len(words):
        return None
    label = words[:split]
    if label and not any(c.isalpha() for c in label[-1].text):
        return None  # an id before the values ("5.1 12 20"): no label to part them from
    return label, words[split:]


def _free_middle(low: float, high: float, lines: Sequence[PrintedLine]) -> float | None:
    """Where in ``low``..``high`` (a gap the rows of values leave) a boundary parts the header
    cells too: in the part no word covers that lies in the widest gap between two header words,
    as the space between two cells ("Lysekil 2019 | Lysekil 2022") is wider than one between the
    words of a cell; the middle of the range when no header word stands in it, ``None`` when the
    header covers all of it. An upper header cell spanning two columns ("Poäng" over "Egna Max")
    covers the gap only above a header line that parts there."""
    header = [w for line in lines if not _ends_in_value(line) for w in line.words]
    words = [w for line in lines for w in line.words]
    free = _uncovered(low, high, words)
    if not free:
        spanning = _spanning_cells(low, high, lines)
        free = _uncovered(low, high, [w for w in words if id(w) not in spanning])
    if not free:
        return None

    def gap(part: tuple[float, float]) -> float:
        left = max((w.x1 for w in header if w.x1 <= part[0] + 0.01), default=part[0])
        right = min((w.x0 for w in header if w.x0 >= part[1] - 0.01), default=part[1])
        return right - left

    widest = max(gap(part) for part in free)
    size = max(line.size for line in lines)
    alike = [part for part in free if gap(part) >= widest - SPACE_WIDTHS * size]
    a, b = min(alike, key=lambda part: (_misplaced_header(part, low, high, lines), -gap(part)))
    return (a + b) / 2


# Word spaces of one font differ by up to this much (times the font size) from kerning.
SPACE_WIDTHS = 0.1
# Header cells within this (points) of lining up with their values line up.
LINED_UP = 1.5


def _misplaced_header(
    part: tuple[float, float], low: float, high: float, lines: Sequence[PrintedLine]
) -> int:
    """How many of the two header cells a boundary in ``part`` would make (the header words
    between it and the values of the column before, and after) do not line up with the values
    under them: a cell's header and values are set in one cell, so where the header phrase
    "Örebro 2012 Örebro 2015" parts at word spaces alike, each part stands over its values by
    its left edge, its right edge or its centre."""
    rows = [line for line in lines if _ends_in_value(line)]
    header = [w for line in lines if not _ends_in_value(line) for w in line.words]
    row_words = [w for line in rows for w in line.words]
    misplaced = 0
    before = _last_values(rows, low, before=True)
    if before:
        start = min(w.x0 for w in before)
        limit = max((w.x1 for w in row_words if w.x1 < start - 0.01), default=-math.inf)
        misplaced += not _lined_up([w for w in header if w.x0 >= limit and w.x1 <= part[0] + 0.01], before)
    after = _last_values(rows, high, before=False)
    if after:
        end = max(w.x1 for w in after)
        limit = min((w.x0 for w in row_words if w.x0 > end + 0.01), default=math.inf)
        misplaced += not _lined_up([w for w in header if w.x0 >= part[1] - 0.01 and w.x1 <= limit], after)
    return misplaced


def _lined_up(cell: list[Word], values: list[Word]) -> bool:
    """Whether a header cell's words stand over the values by their left or right edge or centre."""
    if not cell:
        return True
    left, right = min(w.x0 for w in cell), max(w.x1 for w in cell)
    centres = sorted((w.x0 + w.x1) / 2 for w in values)
    return (
        min(
            abs(left - min(w.x0 for w in values)),
            abs(right - max(w.x1 for w in values)),
            abs((left + right) / 2 - centres[len(centres) // 2]),
        )
        <= LINED_UP
    )


def _last_values(rows: Sequence[PrintedLine], x: float, *, before: bool) -> list[Word]:
    """Each row's value nearest ``x`` on its one side: the last ending by it or the first starting at it."""
    found = []
    for line in rows:
        words = _with_percent_signs(line.words)
        side = [w for w in words if w.x1 <= x + 0.01] if before else [w for w in words if w.x0 >= x - 0.01]
        if side and _is_marked_value(nearest := side[-1] if before else side[0]):
            found.append(nearest)
    return found


def _uncovered(low: float, high: float, words: Sequence[Word]) -> list[tuple[float, float]]:
    """The parts of ``low``..``high`` that none of the words covers."""
    free = [(low, high)]
    for word in (w for w in words if w.x0 < high and w.x1 > low):
        free = [p for a, b in free for p in ((a, min(b, word.x0)), (max(a, word.x1), b)) if p[1] > p[0]]
    return free


def _spanning_cells(low: float, high: float, lines: Sequence[PrintedLine]) -> set[int]:
    """The words (by id) of header lines standing above a header line that parts two of its words
    by more than a word space within ``low``..``high``: upper cells spanning the columns below."""
    header = [line for line in lines if not _ends_in_value(line)]
    parting = [
        line
        for line in header
        for a, b in itertools.pairwise(line.words)
        if a.x1 < high and b.x0 > low and b.x0 - a.x1 >= VALUE_GAP * line.size
    ]
    if not parting:
        return set()
    top = min(line.top for line in parting)
    return {id(w) for line in header if line.bottom <= top for w in line.words}


def _between_values(line: PrintedLine, x: float) -> bool:
    """Whether ``x`` falls between two values of the row, or beside its words: never between a
    label and a value (another table's numbers under the rows must not split their label off)."""
    words = _with_percent_signs(line.words)
    left = [w for w in words if w.x1 <= x]
    right = [w for w in words if w.x0 >= x]
    return not left or not right or (_is_marked_value(left[-1]) and _is_marked_value(right[0]))


def _with_percent_signs(words: Sequence[Word]) -> list[Word]:
    """The words with a per cent sign set apart after a number joined to it ("+14 %" is one value,
    a change), so that the gap after it can part the change from the next column's value."""
    joined_words: list[Word] = []
    for word in words:
        if word.text == "%" and joined_words and _is_marked_value(joined_words[-1]):
            before = joined_words[-1]
            joined_words[-1] = Word(
                f"{before.text}%", before.x0, word.x1, min(before.top, word.top),
                max(before.bottom, word.bottom), max(before.size, word.size),
            )  # fmt: skip
        else:
            joined_words.append(word)
    return joined_words


def _is_marked_value(word: Word) -> bool:
    """A value, also with a footnote marker after it ("73¹")."""
    return is_number(word.text.rstrip(FOOTNOTE_MARKS).rstrip("% ").strip())


def _header_parts(lines: Sequence[PrintedLine], x: float, size: float) -> int:
    """1 when a header line parts two of its words at ``x`` by more than a word space ("Max | 2005"
    over "800 511,5"): the header names a column on each side."""
    return int(
        any(
            a.x1 <= x <= b.x0 and b.x0 - a.x1 >= VALUE_GAP * size
            for line in lines
            if not _ends_in_value(line)
            for a, b in itertools.pairwise(line.words)
        )
    )


def _header_parts_above_rows(lines: Sequence[PrintedLine], x: float) -> bool:
    """Whether a header line above the first row of values parts two of its words at ``x`` by
    more than a word space: the header names a column on each side."""
    first = next((i for i, line in enumerate(lines) if _ends_in_value(line)), 0)
    return any(
        a.x1 <= x <= b.x0 and b.x0 - a.x1 >= VALUE_GAP * line.size
        for line in lines[:first]
        for a, b in itertools.pairwise(line.words)
    )


def _ends_in_value(line: PrintedLine) -> bool:
    """A row of values: its last word is a value ("… 72,5 50"); a header may hold a number inside
    ("Solna 2011 40 kommuner i genomsnitt"); a change ends it with its per cent sign ("+12 %")."""
    return _is_value_cell(_with_percent_signs(line.words)[-1:])


def _is_thousands(first: Word, second: Word) -> bool:
    return bool(THOUSANDS[0].fullmatch(first.text) and THOUSANDS[1].fullmatch(second.text))


# --- header cells over their columns ----------------------------------------------------------


def _header_over_values(lines: Sequence[PrintedLine], separators: tuple[float, ...]) -> tuple[float, ...]:
    """Column boundaries with every header-only column joined to the column of values beneath it.

    A narrow header centred above right-aligned numbers ("Max" over "40") leaves a gap between the
    two that looks like a column boundary; so does a spanning upper header cell over a two-level
    header. A column that only the header lines fill (the lines before the first number) belongs to
    a neighbouring column that the body fills and that no header line fills beside it: a column of
    numbers first, else the nearer one.
    """
    grid = [columns(line, separators) for line in lines]
    body_start = next((i for i, line in enumerate(grid) if any(_is_value_cell(cell) for cell in line)), None)
    if not body_start:
        return separators
    header, body = grid[:body_start], grid[body_start:]
    for column in range(len(separators) + 1):
        if any(line[column] for line in body) or not any(line[column] for line in header):
            continue
        neighbour = _owner(column, header, body)
        if neighbour is not None:
            kept = separators[: min(column, neighbour)] + separators[min(column, neighbour) + 1 :]
            return _header_over_values(lines, kept)
    return separators


def _owner(column: int, header: list[list[list[Word]]], body: list[list[list[Word]]]) -> int | None:
    """The neighbouring column a header-only ``column`` heads, or ``None``."""
    candidates = [
        other
        for other in (column - 1, column + 1)
        if 0 <= other < len(body[0])
        and any(line[other] for line in body)
        and not any(line[other] and line[column] for line in header)
    ]
    if not candidates:
        return None
    left = min(w.x0 for line in header for w in line[column])
    right = max(w.x1 for line in header for w in line[column])

    def rank(other: int) -> tuple[bool, float]:
        words = [w for line in body for w in line[other]]
        numbers = sum(1 for line in body if _is_number_cell(line[other]))
        gap = max(min(w.x0 for w in words) - right, left - max(w.x1 for w in words), 0.0)
        return (numbers < sum(1 for line in body if line[other]) / 2, gap)

    return min(candidates, key=rank)


def _is_number_cell(words: list[Word]) -> bool:
    """A cell holding a number as tables print them ("7,5", "+44 %")."""
    return bool(words) and is_number(" ".join(word.text for word in words).rstrip("% ").strip())


def _is_value_cell(words: list[Word]) -> bool:
    """A number that is not a year: header cells may be years ("2014"), body cells are values."""
    return _is_number_cell(words) and not HEADER_YEAR.fullmatch(words[0].text)


# --- tables over a page break -----------------------------------------------------------------


def _cell_texts(line: PrintedLine, separators: tuple[float, ...]) -> list[str]:
    """The line's cells as words to compare: letters and digits only, in lower case, so that a
    header repeated on a scanned page reads as the same with a speck in it ("Egna «poäng")."""
    return [
        regex.sub(r"[^\p{L}\p{N}]+", "", " ".join(word.text for word in cell)).lower()
        for cell in columns(line, separators)
    ]


def _continue_table(table: PrintedTable, lines: Sequence[PrintedLine], rules: Sequence[Ruling]) -> int:
    """Append the page's first lines to ``table`` if they continue it; how many lines were taken."""
    vertical = [rule for rule in rules if not rule.is_horizontal]
    slack = table.last.size
    left, right = table.x0 - slack, table.x1 + slack
    framing = tuple(r for r in vertical if left <= r.x0 <= right) if table.ruled else ()
    bounds = _Bounds(table.separators, left, right, framing, _body_size(table.lines))
    count = 0
    while count < len(lines) and _moved_separators(table, bounds, lines[: count + 1]) is not None:
        if count and _gap(lines[count - 1], lines[count]) > table.gap_limit:
            break
        count += 1
    count = _before_header_below(table, lines, count)
    taken = list(lines[:count])
    separators = _moved_separators(table, bounds, taken) or table.separators
    if not any(sum(1 for cell in columns(line, separators) if cell) >= 2 for line in taken):
        return 0
    moved = dict(zip(table.separators, separators, strict=True))
    table.separators, table.cuts = separators, tuple(moved.get(cut, cut) for cut in table.cuts)
    # Header lines repeated at the top of the new page, cell for cell, are not rows again.
    repeated = 0
    while repeated < min(len(taken), len(table.lines)) and _cell_texts(
        taken[repeated], table.separators
    ) == _cell_texts(table.lines[repeated], table.separators):
        repeated += 1
    horizontal = [rule for rule in rules if rule.is_horizontal]
    grid = Grid(table.cuts or table.separators, table.x0, table.x1, horizontal, table.ruled)
    rows = table_rows(taken[repeated:], grid, context=table.lines) if taken[repeated:] else []
    table.lines.extend(taken)
    if rows and is_fragment(rows[0], table.rows[-1]):
        table.rows[-1] = joined(table.rows[-1], rows[0])
        rows = rows[1:]
    table.rows.extend(rows)
    return count


def _moved_separators(
    table: PrintedTable, bounds: _Bounds, lines: Sequence[PrintedLine]
) -> tuple[float, ...] | None:
    """The table's column boundaries moved, each within the space its lines leave free around
    it, so that ``lines`` (a continuation on the next page) fit them; ``None`` if they cannot.

    A boundary of a borderless table is anywhere in the gap between two columns: a longer label
    on the next page reaches past the middle of the gap the first page's labels left ("6 Kommunen
    som arbetsgivare –" under "1 Offentlighet och demokrati"). A ruled table's stay at its rules."""
    words = [word for line in table.lines for word in line.words]
    bands = [
        (
            max((w.x1 for w in words if w.x1 <= x), default=x),
            min((w.x0 for w in words if w.x0 >= x), default=x),
        )
        for x in table.separators
    ]
    if table.ruled:
        bands = [(x, x) for x in table.separators]
    for line in lines:
        narrowed = [_narrowed(band, x, line) for band, x in zip(bands, table.separators, strict=True)]
        if any(band is None for band in narrowed):
            return None
        bands = [band for band in narrowed if band is not None]
        separators = tuple((low + high) / 2 for low, high in bands)
        if not replace(bounds, separators=separators).fits(line):
            return None
    return tuple((low + high) / 2 for low, high in bands)


def _narrowed(band: tuple[float, float], x: float, line: PrintedLine) -> tuple[float, float] | None:
    """The part of a boundary's free ``band`` that the line's words leave free, each word on its
    side: a word reaching into the band from one side stays on that side, one inside it goes with
    the nearer of the words beside it ("arbetsgivare –"), or by ``x`` if it stands alone; ``None``
    if no free part is left, or if what the line leaves between its words on both sides is no
    wider than the spaces between its other words (a caption or prose under the table)."""
    low, high = band
    if low == high:
        return band
    words = line.words
    ends: list[float] = []
    starts: list[float] = []
    for index, word in enumerate(words):
        if word.x1 <= low or word.x0 >= high:
            continue
        if word.x0 <= low and word.x1 >= high:
            return None
        before = word.x0 - words[index - 1].x1 if index else math.inf
        after = words[index + 1].x0 - word.x1 if index + 1 < len(words) else math.inf
        if word.x0 <= low:
            left = True
        elif word.x1 >= high:
            left = False
        elif before == after == math.inf:
            left = (word.x0 + word.x1) / 2 < x
        else:
            left = before <= after
        (ends if left else starts).append(word.x1 if left else word.x0)
    if ends and starts:
        parted = min(starts) - max(ends)
        spaces = [
            b.x0 - a.x1
            for a, b in itertools.pairwise(words)
            if not (a.x1 == max(ends) and b.x0 == min(starts))
        ]
        if parted <= max(spaces, default=0.0):
            return None
    low, high = max([low, *ends]), min([high, *starts])
    return (low, high) if high > low else None


def _before_header_below(table: PrintedTable, lines: Sequence[PrintedLine], count: int) -> int:
    """How many of the ``count`` fitting lines continue ``table``: those above a line below the
    page's first that repeats the table's header word for word, and above the lines without values
    just over it (its upper header). That is the next table of the same kind (a score table per
    area, with "Poäng" over its header), not this one continued."""
    header = _word_texts(table.lines[0])
    if any(_is_value_cell([word]) for word in table.lines[0].words):
        return count
    for index in range(1, count):
        if _word_texts(lines[index]) == header:
            while index > 0 and not any(_is_value_cell([word]) for word in lines[index - 1].words):
                index -= 1
            return index
    return count
