"""A table row short of values read by where its values stand: under the columns the table's whole
rows set out on the page.

A scan's row whose cell OCR could not read ("100 | 44 | TI,SIOP" where four values are printed) or
two of whose values it read as one word prints fewer values than the table has columns, and which
column each value is in does not follow from their order. Where the page gives each word its box,
each value is in the column whose values, on the rows that print every value, it stands over; a
value standing over none or over two (a word read across two columns) is in none, and the row
stays reported as short.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from extractors.table_reader import Value
from pipeline.model.document import Line, WordBox

# Rows printing every value that the columns' places are taken from, at least.
FEWEST_WHOLE_ROWS = 2


def value_places(
    width: int, lines: Sequence[Line], values: Sequence[Sequence[Value]]
) -> list[list[int | None] | None]:
    """For each row (its line and its values), the column of each value where the row prints a
    number of values other than ``width`` and its values are placed by where they stand; ``None``
    for the other rows (every value printed, no word boxes, a value not found among the words, or
    places out of order), whose values are read in order as before."""
    boxes = [_value_boxes(line, found) for line, found in zip(lines, values, strict=True)]
    whole = [found for found in boxes if found is not None and len(found) == width]
    if len(whole) < FEWEST_WHOLE_ROWS:
        return [None] * len(lines)
    columns = [[row[k] for row in whole] for k in range(width)]
    return [None if found is None or len(found) == width else _places(found, columns) for found in boxes]


def _places(
    boxes: list[tuple[float, float]], columns: list[list[tuple[float, float]]]
) -> list[int | None] | None:
    """The column each box stands over (``None`` over none or several, or over one that another
    box of the row stands over too: a speck OCR read as "0" beside "+83 %", or two rows OCR read
    as one), or ``None`` unless the columns found rise from left to right."""
    places: list[int | None] = []
    for left, right in boxes:
        over = [k for k, column in enumerate(columns) if any(a < right and left < b for a, b in column)]
        places.append(over[0] if len(over) == 1 else None)
    shared = {place for place in places if place is not None and places.count(place) > 1}
    places = [None if place in shared else place for place in places]
    found = [place for place in places if place is not None]
    if any(later <= earlier for earlier, later in pairwise(found)):
        return None
    return places


def _value_boxes(line: Line, values: Sequence[Value]) -> list[tuple[float, float]] | None:
    """Each value's extent across the page: the word, or two words side by side ("+44 %"), that
    print it, the rightmost not taken by a value after it (a row's label is on the left; a speck
    read on a line of its own may stand anywhere); ``None`` where one is not found."""
    words: list[WordBox] = sorted(line.words, key=lambda word: word.x0)
    taken: set[int] = set()
    found: list[tuple[float, float]] = []
    for value in reversed(values):
        printed = " ".join(value.printed.split())
        match = next(
            (
                (start, stop)
                for stop in range(len(words), 0, -1)
                for start in (stop - 1, stop - 2)
                if start >= 0
                and taken.isdisjoint(range(start, stop))
                and " ".join(word.text for word in words[start:stop]) == printed
            ),
            None,
        )
        if not printed or match is None:
            return None
        taken.update(range(*match))
        found.append((words[match[0]].x0, words[match[1] - 1].x1))
    return found[::-1]
