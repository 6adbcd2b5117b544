"""Two columns of prose in a text export (``pdftotext -layout``): read down the left, then the right.

A layout export keeps a page's two columns side by side on each line, the right one starting at
one character position:

    Området beskriver hur Borås kommun                   Område 7
    arbetar med resultat och effektivitet.               Verksamhetsutveckling

A run of lines is in two columns when the same two positions before that start are free on every
line (no word crosses the gutter; a line may hold the left column alone, or only the right one)
and most lines holding both are words on both sides, not a table's label and numbers. A line
across the gutter, a page break (a form feed, or furniture left out) or a table ends the run.
Each half keeps its line's number.

Some exports do not keep the right column at one position: ``pdftotext -layout`` of a word
processor's PDF sets it anywhere between a third and two thirds of the line, line by line. Such a
page is read by each line's own gap instead: the first run of two or more spaces after the line's
first words (a list glyph's spacing aside) parts its halves, a line indented past a third of the
width holds the right column alone, and a line without a gap that is no longer than the left
column holds the left one. Where one line of each column share a baseline, the export may run them
together, the right one's words one space after the left one's, a few characters left of the
column's edge: the line is parted where the right column's line would have started (its first
word did not fit on that column's line above). Whichever reading puts more of the page's lines
into columns is taken; of two that cut as many, the one that reads the page through without
breaking off at a line it could not place.
Score tables may stand side by side, one in each column under its own header, with most values on
lines of their own: the left table's values reach the right column's edge and stay with the left
half, a line of both tables' values is parted at its widest gap, and a left header's cells kept
apart ("Delområde   Max Egna") stay whole where the lines around start the right column further
right. A page whose right column holds score tables (most of its rows' ids start at one place)
is cut there line by line whatever the left column holds: prose beside a table has too few
lines of words on both sides to be read as prose.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from pipeline.model.text_columns.line_gaps import by_each_gap
from pipeline.model.text_columns.one_edge import at_one_start
from pipeline.model.text_columns.side_tables import read_at, table_across_columns, tables_in_right_column
from pipeline.model.text_columns.spacing import Numbered

FORM_FEED = "\f"


def in_text_columns(lines: Sequence[Numbered], page_starts: Collection[int] = ()) -> list[Numbered]:
    """``lines`` with every two-column run read down its left column, then down its right.

    Where the right column starts is found page by page: an export may shift it between pages.
    ``page_starts`` are the numbers of lines that begin a page (where the export printed a form
    feed that was taken out with the page furniture): columns never run across a page break, as a
    page's left column goes on in its right one, not in the next page's left one.
    """
    return [line for page in _pages(lines, page_starts) for line in _page_in_columns(page)]


def page_starts(texts: Sequence[str]) -> set[int]:
    """The numbers (from 1) of the lines of a text export that begin a page: those with a form feed."""
    return {number for number, text in enumerate(texts, start=1) if FORM_FEED in text}


def _pages(lines: Sequence[Numbered], starts: Collection[int] = ()) -> list[list[Numbered]]:
    """The lines page by page: a page starts with a form feed (in the text or among ``starts``), or
    where page furniture was left out."""
    pages: list[list[Numbered]] = []
    for number, text in lines:
        if not pages or FORM_FEED in text or number in starts or number != pages[-1][-1][0] + 1:
            pages.append([])
        pages[-1].append((number, text))
    return pages


def _page_in_columns(lines: list[Numbered]) -> list[Numbered]:
    tables = tables_in_right_column(lines)
    if tables is not None:
        return tables
    table = table_across_columns(lines)
    if table is not None:
        start, end, copies = table
        before, run, after = lines[:start], lines[start:end], lines[end:]
        return [*_page_in_columns(before), *read_at(run, copies), *_page_in_columns(after)]
    fixed = at_one_start(lines)
    drifting = by_each_gap(lines)
    if drifting is not None and drifting[1] > (fixed[1] if fixed else (0, 0)):
        return drifting[0]
    return fixed[0] if fixed else lines
