"""Step 6, rows: the rows of a table whose columns are known: which printed lines start a row, and the cells.

A wrapped cell makes a row several printed lines tall. Rows are split at horizontal rules (ruled
tables), else at the extra space between rows (cell padding), else by content: a line whose first
cell starts with a capital or a digit starts a row. A second number in one column always starts a
row, as does a line of numbers starting with a digit (an id) under a line with words in the number
columns (a header); a line that overlaps the one above (numbers centred beside a wrapped cell)
never does.
A row's cells are the words of each column, line after line, joined by spaces.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.ingest.pdf.glyphs import Ruling
from pipeline.ingest.pdf.printed_lines import PrintedLine
from pipeline.ingest.pdf.words import Word, word_boxes
from pipeline.model.document import WordBox
from pipeline.model.numbers import is_number

# Extra space (times the font size) that marks a row boundary in a table without rules.
ROW_SPACE = 0.2
# Share of the gaps between printed lines that must be wider for the rows to count as spaced.
SPACED_SHARE = 0.2
# Share of a column's filled cells that must be numbers for it to count as a number column.
NUMBER_COLUMN_SHARE = 0.6


@dataclass(frozen=True)
class TableRow:
    """One row of a table: its cells (a wrapped cell joined with spaces) and where it starts."""

    cells: tuple[str, ...]
    page: int
    number: int
    bbox: tuple[float, float, float, float]
    words: tuple[WordBox, ...] = ()

    @property
    def text(self) -> str:
        """The row as the text exports print it: cells separated by tabs, empty ones included."""
        return "\t".join(self.cells)


@dataclass(frozen=True)
class Grid:
    """A table's column boundaries and extent, the horizontal rules on its page, and whether
    vertical rules frame its columns."""

    separators: tuple[float, ...]
    x0: float
    x1: float
    horizontal: Sequence[Ruling] = ()
    ruled: bool = False


def table_rows(
    lines: Sequence[PrintedLine], grid: Grid, context: Sequence[PrintedLine] = ()
) -> list[TableRow]:
    """The rows of the printed ``lines``; ``context`` holds the table's earlier lines (on earlier
    pages), which help tell the number columns."""
    cells = [columns(line, grid.separators) for line in [*context, *lines]]
    numbers = _number_columns(cells)
    cells = cells[len(context) :]
    starts = _row_starts(lines, cells, numbers, grid)
    bounds = [*(i for i, start in enumerate(starts) if start), len(lines)]
    return [_row(lines[begin:end], cells[begin:end]) for begin, end in itertools.pairwise(bounds)]


def columns(line: PrintedLine, separators: tuple[float, ...]) -> list[list[Word]]:
    """The line's words by column (a word belongs to the column that holds its middle)."""
    found: list[list[Word]] = [[] for _ in range(len(separators) + 1)]
    for word in line.words:
        found[bisect_left(separators, (word.x0 + word.x1) / 2)].append(word)
    return found


def _number_columns(cells: Sequence[list[list[Word]]]) -> set[int]:
    found = set()
    for column in range(len(cells[0]) if cells else 0):
        filled = [_text(line[column]) for line in cells if line[column]]
        numbers = sum(1 for text in filled if is_number(text))
        if numbers >= 2 and numbers >= NUMBER_COLUMN_SHARE * len(filled):
            found.add(column)
    return found


def _text(words: list[Word]) -> str:
    return " ".join(word.text for word in words)


def _row(lines: Sequence[PrintedLine], cells: Sequence[list[list[Word]]]) -> TableRow:
    texts = tuple(_cell_text([line[column] for line in cells]) for column in range(len(cells[0])))
    words = [w for line in lines for w in line.words]
    bbox = (
        round(min(w.x0 for w in words), 2), round(min(w.top for w in words), 2),
        round(max(w.x1 for w in words), 2), round(max(w.bottom for w in words), 2),
    )  # fmt: skip
    return TableRow(texts, lines[0].page, lines[0].number, bbox, word_boxes(words))


def _cell_text(parts: Sequence[list[Word]]) -> str:
    """A cell's words (``parts``: those on each printed line), line after line; where the cell's
    own lines overlap (header words side by side on baselines of their own: "Egna" over "poäng"
    beside a one-line "Maxpoäng", in one cell of a header read apart from its table's body), the
    overlapping lines' words are read stack by stack, left to right, each stack top to bottom.
    A wrapped cell's lines never overlap, whatever stands beside them."""
    words: list[Word] = []
    band: list[list[Word]] = []
    for part in (part for part in parts if part):
        if band and min(w.top for w in part) >= max(w.bottom for lined in band for w in lined):
            words += _by_stacks(band)
            band = []
        band.append(part)
    return _text(words + _by_stacks(band))


def _by_stacks(band: list[list[Word]]) -> list[Word]:
    """The words of overlapping lines by stacks, left to right: each line's words in the cell
    make phrases (words a word space apart), phrases whose x ranges overlap are one stack, read
    top to bottom (a wrapped label stays whole beside its values centred on a baseline of their
    own; header words far apart on one line stay apart)."""
    phrases = [phrase for part in band for phrase in _phrases(part)]
    stacks: list[list[list[Word]]] = []
    for phrase in sorted(phrases, key=lambda phrase: phrase[0].x0):
        if stacks and phrase[0].x0 < max(piece[-1].x1 for piece in stacks[-1]):
            stacks[-1].append(phrase)
        else:
            stacks.append([phrase])
    return [w for stack in stacks for piece in sorted(stack, key=lambda p: p[0].top) for w in piece]


# Words of one line closer than this (times the font size) are one phrase.
PHRASE_GAP = 0.6


def _phrases(words: list[Word]) -> list[list[Word]]:
    found: list[list[Word]] = []
    for word in words:
        if found and word.x0 - found[-1][-1].x1 <= PHRASE_GAP * word.size:
            found[-1].append(word)
        else:
            found.append([word])
    return found


def _row_starts(
    lines: Sequence[PrintedLine], cells: Sequence[list[list[Word]]], numbers: set[int], grid: Grid
) -> list[bool]:
    """For each printed line, whether it starts a new row."""
    ruled = [_rule_between(a, b, grid) for a, b in itertools.pairwise(lines)]
    gaps = [b.top - a.bottom for a, b, rule in zip(lines, lines[1:], ruled, strict=False) if not rule]
    size = max(line.size for line in lines)
    threshold = max(min(gaps, default=0.0), 0.0) + max(ROW_SPACE * size, 1.0)
    # Rows are spaced when a good share of the gaps are wider than the space inside a cell; one
    # wide gap (under a header) does not make a table spaced.
    spaced = sum(1 for gap in gaps if gap > threshold) >= SPACED_SHARE * len(gaps) > 0
    # In a grid the rules say it all; a rule under the header alone leaves the rows to the content.
    grid_ruled = grid.ruled or sum(ruled) >= 2
    starts = [True]
    filled = _numbers_in(cells[0], numbers)
    worded = _words_in(cells[0], numbers)
    for index in range(1, len(lines)):
        found = _numbers_in(cells[index], numbers)
        gap = lines[index].top - lines[index - 1].bottom
        if ruled[index - 1] or found & filled or (found and worded and _starts_with_digit(cells[index])):
            start = True  # a second number in a column; the first row's numbers under a header
        elif gap < -0.1 * size:
            start = False  # overlapping lines: numbers centred beside a wrapped cell
        elif gap > threshold or spaced:
            start = gap > threshold
        else:
            start = not grid_ruled and _starts_by_content(cells[index])
        starts.append(start)
        filled = found if start else filled | found
        worded = _words_in(cells[index], numbers) | (set() if start else worded)
    return starts


def _numbers_in(line: list[list[Word]], numbers: set[int]) -> set[int]:
    return {c for c in numbers if line[c] and is_number(_text(line[c]))}


def _starts_by_content(line: list[list[Word]]) -> bool:
    """A first cell that starts with a capital or a digit starts a row; the wrapped rest of a cell
    starts in lower case, and a line with the first cell empty continues the row (a second number
    in a column is caught before)."""
    return bool(line[0]) and not line[0][0].text[0].islower()


def _words_in(line: list[list[Word]], numbers: set[int]) -> set[int]:
    """The number columns in which the line holds words, not numbers: a header's."""
    return {c for c in numbers if line[c] and not is_number(_text(line[c]))}


def _starts_with_digit(line: list[list[Word]]) -> bool:
    """Whether the first cell starts with a digit, as a row's id does ("7:1", "2.3."): a line of
    numbers under a header (words in the number columns) is a row of its own, however close under
    it, when it starts so; a label's line above its id and numbers has no words in those columns."""
    return bool(line[0]) and line[0][0].text[0].isdigit()


def _rule_between(upper: PrintedLine, lower: PrintedLine, grid: Grid) -> bool:
    """Whether horizontal rules cover at least half the table's width between the two lines."""
    covered = sum(
        min(r.x1, grid.x1) - max(r.x0, grid.x0)
        for r in grid.horizontal
        if upper.bottom - 1 <= r.top <= lower.top + 1 and r.x1 > grid.x0 and r.x0 < grid.x1
    )
    return covered >= 0.5 * (grid.x1 - grid.x0)


def is_fragment(row: TableRow, previous: TableRow) -> bool:
    """Whether ``row`` is the rest of ``previous``, split by a page break: it starts in lower case
    and adds no number where the previous part already has one."""
    first = next((cell for cell in row.cells if cell), "")
    if not first or not first[0].islower():
        return False
    return not any(is_number(a) and is_number(b) for a, b in zip(row.cells, previous.cells, strict=True))


def joined(first: TableRow, rest: TableRow) -> TableRow:
    """A row split by a page break as one row, where its first part starts."""
    cells = tuple(
        " ".join(part for part in pair if part) for pair in zip(first.cells, rest.cells, strict=True)
    )
    # The words stay those of the first part: the boxes are on its page.
    return TableRow(cells, first.page, first.number, first.bbox, first.words)
