"""The summary table: each area's total for every evaluation year, and the TOTALT row.

In the reports it reads (tab-separated in text exports, columns in PDFs):

    Tabell 2 Umeå kommuns poäng 2003, 2005 och 2007
            2003    2005    2007
    1 Offentlighet och demokratisk kontroll    56    66    73
    ...
    TOTALT  497     608     646
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.document import Document, Line
from pipeline.edition_lookup import area_number_pattern, denoted_area
from pipeline.framework import Framework
from pipeline.numbers import parse_number
from pipeline.records import AreaHeading, AreaScore, YearTotal

YEAR_CELL = regex.compile(r"^(?:19|20)\d\d$")
# "1 Offentlighet och demokratisk kontroll", "1. Offentlighet ...", "Område 1 Offentlighet ..."
AREA_LABEL = regex.compile(
    rf"^(?:område\s+)?(?P<area>{area_number_pattern()})\.?\s+(?P<name>\p{{L}}.*)$", regex.IGNORECASE
)
TOTAL_LABEL = regex.compile(r"^(?:totalt|total|summa|totalpoäng)\b", regex.IGNORECASE)
# Rows between the header and the TOTALT row; a table never has more than this (8 areas + notes).
MAX_TABLE_ROWS = 14


@dataclass(frozen=True)
class SummaryTable:
    years: tuple[int, ...]
    area_scores: tuple[AreaScore, ...]
    year_totals: tuple[YearTotal, ...]
    headings: tuple[AreaHeading, ...]


def extract_summary_table(doc: Document, framework: Framework | None = None) -> SummaryTable:
    """The first table whose header row is a run of years, read until its TOTALT row.

    A row that prints an area's name alone is mapped by ``framework``'s wordings, or by any
    edition's while the report's edition is not yet decided (``edition_lookup.denoted_area``).
    """
    for index, line in enumerate(doc.lines):
        years = _header_years(line)
        if years:
            table = _read_table(doc, index, years, framework)
            if table.area_scores:
                return table
    return SummaryTable((), (), (), ())


def _header_years(line: Line) -> tuple[int, ...]:
    cells = [cell for cell in line.cells if cell]
    if cells and all(YEAR_CELL.match(cell) for cell in cells):
        years = tuple(int(cell) for cell in cells)
        if list(years) == sorted(set(years)):
            return years
    return ()


def _split_row(line: Line) -> tuple[str, list[str]]:
    """A row's label and its value cells (the label is the first non-empty cell)."""
    cells = line.cells
    while cells and not cells[0]:
        cells = cells[1:]
    if not cells:
        return "", []
    return cells[0], cells[1:]


def _read_table(
    doc: Document, header_index: int, years: tuple[int, ...], framework: Framework | None
) -> SummaryTable:
    scores: list[AreaScore] = []
    totals: list[YearTotal] = []
    headings: list[AreaHeading] = []
    rows_seen = 0
    for line in doc.lines[header_index + 1 :]:
        if line.is_blank:
            if scores or totals:
                if totals:
                    break
                continue
            continue
        rows_seen += 1
        if rows_seen > MAX_TABLE_ROWS:
            break
        label, values = _split_row(line)
        numbers = [parse_number(cell) for cell in values]
        if len(values) != len(years) or any(n is None and v for n, v in zip(numbers, values, strict=True)):
            if scores:
                break
            continue
        if TOTAL_LABEL.match(label):
            totals.extend(
                YearTotal(year, value, line.page, line.number)
                for year, value in zip(years, numbers, strict=True)
            )
            break
        area, name = _area_of(label, framework)
        # A row naming no known area is kept as a heading, so the validator reports it.
        headings.append(AreaHeading(area, name, "summary_table", line.page, line.number))
        if area is not None:
            scores.extend(
                AreaScore(area, name, year, value, line.page, line.number)
                for year, value in zip(years, numbers, strict=True)
            )
    return SummaryTable(years, tuple(scores), tuple(totals), tuple(headings))


def _area_of(label: str, framework: Framework | None) -> tuple[int | None, str]:
    """The area a row label names: by its printed number, else by its wording (some layouts
    print the names alone)."""
    if match := AREA_LABEL.match(label):
        return int(match["area"]), match["name"].strip()
    return denoted_area(label, framework), label.strip()
